"""The machine formats of a query's answer: JSON and CSV, for scripts and spreadsheets, with
stable English field names, ISO dates and the raw values of the query's dataclasses.

JSON is the standard library's indented layout. When orjson is installed (the `fast` extra)
it writes the same bytes about five times faster: `_orjson` is the one place that knows of
it, and an answer holding a value orjson might print otherwise (a float outside
[1e-4, 1e16), an integer past 64 bits) is written by the standard library instead.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime
import enum
import importlib
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

_PLAIN = (str, int, bool, type(None))


def jsonable(value: Any) -> Any:
    """A query result as JSON data: dataclasses as objects (fields in their order), dates as
    YYYY-MM-DD, enums as their values, tuples as lists."""
    return _jsonable(value, [])


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(kind: type) -> tuple[str, ...]:
    """A dataclass's field names, looked up once per class (an answer has ~10^5 values)."""
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(kind))
    return names


def _jsonable(value: Any, odd: list[Any]) -> Any:
    """`jsonable`; appends to `odd` each value orjson might print differently from the
    standard library."""
    kind = type(value)
    if kind in _PLAIN:
        if kind is int and not -(2**63) <= value < 2**64:
            odd.append(value)
        return value
    if kind is float:
        if not (value == 0 or 1e-4 <= abs(value) < 1e16):  # where repr and orjson agree
            odd.append(value)
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: _jsonable(getattr(value, name), odd) for name in _field_names(kind)}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v, odd) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return _jsonable(value.value, odd)
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v, odd) for k, v in value.items()}
    odd.append(value)  # anything else: the standard library decides (or refuses)
    return value


@cache
def _orjson() -> Any:
    """orjson, when installed (the `fast` extra), else None."""
    try:  # by name: mypy must not need orjson, an optional dependency
        return importlib.import_module("orjson")
    except ImportError:
        return None


def render_json(data: Any) -> bytes:
    """Indented JSON (2 spaces, UTF-8 text as is, a final line break) as UTF-8 bytes."""
    odd: list[Any] = []
    plain = _jsonable(data, odd)
    fast = _orjson()
    if fast is not None and not odd:
        try:
            return bytes(fast.dumps(plain, option=fast.OPT_INDENT_2)) + b"\n"
        except (TypeError, ValueError):  # e.g. a lone surrogate: the standard library says
            pass
    text = json.dumps(plain, ensure_ascii=False, indent=2) + "\n"
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: no UTF-8 for it, so JSON's own escapes
        return (json.dumps(plain, indent=2) + "\n").encode("ascii")


def csv_value(value: Any) -> str:
    """One CSV cell: ISO dates, lists joined with "; ", booleans as true/false, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, (list, tuple)):
        return "; ".join(csv_value(v) for v in value)
    return str(value)


def render_csv(fields: Sequence[str], records: Iterable[Mapping[str, Any]]) -> str:
    """CSV with a header row of `fields` (RFC 4180: commas, quotes doubled, CRLF lines)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(fields)
    for record in records:
        writer.writerow([csv_value(record.get(name)) for name in fields])
    return buffer.getvalue()


def record(value: Any, **extra: Any) -> dict[str, Any]:
    """A dataclass's fields as a flat mapping (for CSV), with `extra` fields added."""
    data = {name: getattr(value, name) for name in _field_names(type(value))}
    data.update(extra)
    return data
