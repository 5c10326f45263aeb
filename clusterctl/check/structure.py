"""pydantic's validation errors as located findings in plain words: `unknown-key` (with "did
you mean" and the allowed keys; `homoglyph-key` for a key typed with Cyrillic letters that
look Latin), `missing-key`, `invalid-value` (what was expected, what was written, a hint)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from typing import Any

from clusterctl.diagnostics import Diagnostic, Severity, Span
from clusterctl.i18n import either, has, message, quote, t
from clusterctl.model.schema import field_names, model_at
from clusterctl.source.loader import SourceMap

_HOMOGLYPHS = str.maketrans(
    {
        "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
        "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
        "С": "C", "Т": "T", "Х": "X",
    }
)


def _yaml_path(loc: Sequence[str | int]) -> str:
    """Where a value is, as a person counts: "tasks → №1 → status" (list items from 1)."""
    parts: list[str] = []
    for step in loc:
        if isinstance(step, int):
            parts.append(f"№{step + 1}")
        elif step and not any(ch in step for ch in "[]-,"):
            parts.append(step)
    return " → ".join(parts)


_WELL_FORMED_DATE = r"^\d{4}-\d{2}-\d{2}$"  # only for a date error: compiled on first use


def _expected(raw: str, lang: str) -> str:
    """pydantic's "'a', 'b' or 'c'" in the user's language: «a», «b» или «c»."""
    values = re.findall(r"'([^']*)'", raw)
    if not values:
        return raw
    return either(values, lang)


def _problem(error: dict[str, Any], lang: str) -> tuple[str, str]:
    kind = error["type"]
    template = "problem." + kind if has("problem." + kind) else None
    value = error.get("input")
    shown = quote(value, lang) if isinstance(value, (str, int, float)) else ""
    in_calendar = True
    if kind.startswith("date") and kind != "date_out_of_range" and isinstance(
        value, str) and re.match(
        _WELL_FORMED_DATE, value.strip()
    ):
        template = "problem.date_not_in_calendar"  # 2023-02-30
        in_calendar = False
    ctx = error.get("ctx") or {}
    if template is None:  # pydantic's own sentence is English: only for English output
        problem = str(error.get("msg", kind)) if lang == "en" else t("problem.other", lang)
    else:
        expected = _expected(str(ctx.get("expected", "")), lang)
        problem = t(template, lang, input=shown, expected=expected, ge=ctx.get("ge"),
                    le=ctx.get("le"), max_length=ctx.get("max_length"),
                    min_year=ctx.get("min_year"), max_year=ctx.get("max_year"))
    loc = tuple(error.get("loc") or ())
    hint_kind = (
        "year" if kind == "date_out_of_range" else
        "length" if kind == "string_too_long" else
        "calendar" if not in_calendar else
        "date" if kind.startswith("date") else
        "list" if kind == "list_type" else
        "model" if kind in ("model_type", "model_attributes_type", "dict_type") else
        "text" if kind == "string_type" and isinstance(value, (list, dict)) else
        "status" if kind == "enum" and loc[-1:] == ("status",) else
        "version" if loc == ("version",) else
        "enum" if kind in ("enum", "literal_error") else
        "bound" if kind in ("greater_than_equal", "less_than_equal") else
        "other"
    )
    return problem, t("problem-hint." + hint_kind, lang)


def _meant_key(key: str, allowed: list[str]) -> tuple[str, str] | None:
    """The field a mistyped key stands for, and why: "homoglyph" (Cyrillic letters that
    look Latin: «tіtle»), "russian" (a Russian column word: «срок» for due), "close" (a
    misspelling: «responsable»); None when nothing allowed here is near."""
    from clusterctl.model.plan import RUSSIAN_KEYS

    folded = key.translate(_HOMOGLYPHS)
    if folded != key and folded in allowed:
        return folded, "homoglyph"
    russian = RUSSIAN_KEYS.get(" ".join(key.casefold().replace("_", " ").split()))
    if russian is not None and russian in allowed:
        return russian, "russian"
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    return (close[0], "close") if close else None


def _meant_keys(errors: list[dict[str, Any]]) -> set[tuple[str | int, ...]]:
    """Locations of missing fields that an unknown key next to them stands for."""
    out: set[tuple[str | int, ...]] = set()
    for error in errors:
        if error["type"] != "extra_forbidden":
            continue
        loc = tuple(error["loc"])
        meant = _meant_key(str(loc[-1]), field_names(model_at(loc[:-1])))
        if meant is not None:
            out.add((*loc[:-1], meant[0]))
    return out


def structure_diagnostics(
    errors: Iterable[dict[str, Any]], source: SourceMap, file: str, lang: str
) -> list[Diagnostic]:
    """Turn pydantic's validation errors into located diagnostics."""
    out: list[Diagnostic] = []
    seen: set[tuple[tuple[str | int, ...], str]] = set()
    errors = list(errors)
    meant = _meant_keys(errors)
    for error in errors:
        loc: tuple[str | int, ...] = tuple(error["loc"])
        kind = error["type"]
        if kind == "missing" and loc in meant:
            continue  # reported as the misspelt key ("titel", «tіtle») that stands for it
        where_path = _yaml_path(loc[:-1]) if kind in ("extra_forbidden", "missing") else (
            _yaml_path(loc)
        )
        where = t("structure.where", lang, path=where_path) if where_path else ""
        if kind == "extra_forbidden":
            key = str(loc[-1])
            span = source.key_span(loc)
            allowed = field_names(model_at(loc[:-1]))
            guess = _meant_key(key, allowed)
            if guess is not None and guess[1] == "homoglyph":
                letters = ", ".join(sorted({ch for ch in key if not ch.isascii()}))
                text, hint = message("homoglyph-key", lang, key=quote(key, lang),
                                     letters=letters, expected=guess[0])
                code = "homoglyph-key"
            else:
                said = "" if guess is None else t(
                    "structure.russian-key" if guess[1] == "russian" else
                    "structure.did-you-mean", lang, key=key, field=guess[0])
                suggestion = said + t("structure.allowed", lang, keys=", ".join(allowed))
                text, hint = message("unknown-key", lang, key=quote(key, lang), where=where,
                                     suggestion=suggestion)
                code = "unknown-key"
        elif kind == "missing":
            field_name = str(loc[-1])
            # at the key whose fields lack it ("project:"), or the list item, or the top
            span = source.key_span(loc[:-1]) if loc[:-1] else source.value_span(())
            span = Span.point(span.line, span.column)
            text, hint = message("missing-key", lang, key=quote(field_name, lang),
                                 where=where, field=field_name)
            code = "missing-key"
        else:
            span = source.value_span(loc)
            problem, hint_text = _problem(error, lang)
            text, hint = message("invalid-value", lang, where=where, problem=problem,
                                 hint=hint_text)
            code = "invalid-value"
        marker = (loc, code)
        if marker in seen:  # unions report one mistake once per member
            continue
        seen.add(marker)
        out.append(Diagnostic.at(file, span, Severity.ERROR, code, text, hint))
    return out
