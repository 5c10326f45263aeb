"""The plan format's JSON Schema (`clusterctl schema`, `schema/plan.schema.json`) and what the
checks need to know of the models' shape: the model at a data path, its keys, which fields
are free texts."""

from __future__ import annotations

import functools
import json
import types
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from clusterctl.model.plan import MODELS, Plan

SCHEMA_ID = "https://clusterctl.example/schema/plan-v1.json"


def plan_json_schema() -> dict[str, Any]:
    """The JSON Schema of a plan file, generated from the models."""
    schema = Plan.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "clusterctl plan v1"
    return schema


def schema_text() -> str:
    """The published schema as text (indented JSON, UTF-8 as is, final line break)."""
    return json.dumps(plan_json_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def _unwrap(annotation: Any) -> list[Any]:
    """The model classes an annotation may hold (through Optional, list, Annotated)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list, tuple, set, dict):
        found: list[Any] = []
        for arg in typing.get_args(annotation):
            found.extend(_unwrap(arg))
        return found
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return []


def field_names(model: type[BaseModel]) -> list[str]:
    """The keys a plan may write in `model` (aliases where they differ)."""
    return [f.alias or name for name, f in model.model_fields.items()]


def model_at(loc: Sequence[str | int]) -> type[BaseModel]:
    """The model class whose fields live at `loc` (a data path or a pydantic error
    location; steps the models do not have are skipped)."""
    model: type[BaseModel] = Plan
    for step in loc:
        if isinstance(step, int):
            continue
        fields = {f.alias or name: f for name, f in model.model_fields.items()}
        if step not in fields:
            continue
        candidates = _unwrap(fields[step].annotation)
        if not candidates:
            return model
        model = candidates[0]
    return model


def _is_text(info: Any) -> bool:
    """A plain `str` field with no constraint: ids, names, references and deadline phrases
    carry one (a length, a JSON schema of their own)."""
    return info.annotation in (str, str | None) and not info.metadata


@functools.cache
def free_text_keys() -> frozenset[str]:
    """The keys that are a free text in some model (`title`, `result`, `kind` of an
    award…): the keys after which a comment may cut a text (see `is_free_text`)."""
    return frozenset(
        info.alias or name
        for model in MODELS for name, info in model.model_fields.items() if _is_text(info)
    )


def is_free_text(path: Sequence[str | int]) -> bool:
    """Whether the value at data path `path` is a free text (`title`, `result`…): a plain
    `str` field with no constraint. Ids, names, references, deadline phrases and enums are
    not free texts."""
    if not path or not isinstance(path[-1], str):
        return False
    model = model_at(path[:-1])
    for name, info in model.model_fields.items():
        if (info.alias or name) == path[-1]:
            return _is_text(info)
    return False
