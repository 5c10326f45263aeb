"""Checking plan files: load, validate the structure, run the semantic rules.

`check_bytes` and `check_file` return a `FileResult` with the located diagnostics and, when
the file's structure is valid, the plan and its index (for the query commands). They never
raise for a bad file: an unexpected exception becomes an "internal-error" diagnostic naming
the file.
"""

from __future__ import annotations

import datetime
import difflib
import re
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clusterctl.diagnostics import FILE_START, Diagnostic, Severity, Span
from clusterctl.errors import LoadError
from clusterctl.i18n import quote, text
from clusterctl.loader import MAX_BYTES, SourceMap, load_bytes, read_bytes

if typing.TYPE_CHECKING:
    from clusterctl.models import Plan
    from clusterctl.plan import PlanIndex, Unread
    from clusterctl.rules import Finding, Rule


@dataclass(slots=True)
class FileResult:
    file: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    plan: Plan | None = None
    index: PlanIndex | None = None
    data: dict[str, Any] | None = None
    """The loaded YAML data, when the file could be read (kept for the cache)."""
    part: Any = None
    """What a query's mapper made of the plan (see `validate.RunOptions.mapper`)."""
    unread: list[Unread] = field(default_factory=list)
    """Deadlines of a usable plan that the grammar did not understand: every query says it
    left them out (see `plan.unread_paths`)."""

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        """The file could be read into a plan with no errors."""
        return self.plan is not None and self.errors == 0

    def blocking(self, exempt: frozenset[str] = frozenset()) -> list[Diagnostic]:
        """The errors that make the file unusable, leaving out the `exempt` codes."""
        return [d for d in self.diagnostics if d.is_error and d.code not in exempt]


@dataclass(frozen=True, slots=True)
class CheckOptions:
    lang: str = "ru"
    today: datetime.date = datetime.date(2000, 1, 1)
    ignore: frozenset[str] = frozenset()
    max_bytes: int = MAX_BYTES
    accelerate: bool = True
    """Let the optional accelerator (yaml-rs, see `fastload`) read the files when it is
    installed and not switched off. It never changes a result, only the time: `validate_paths`
    turns it off for a small input, where importing it costs more than it saves."""


# ------------------------------------------------------------------ directives

_DIRECTIVE = rb"#\s*clusterctl:\s*disable\s*=\s*([A-Za-z0-9_,\- ]+)"
"""A pattern, compiled on first use (`re` caches it): most files hold no directive, so
start-up need not compile it."""


def file_directives(data: bytes) -> frozenset[str]:
    """Codes disabled for the whole file by a `# clusterctl: disable=code,code` comment."""
    if b"clusterctl:" not in data:
        return frozenset()
    codes: set[str] = set()
    for match in re.finditer(_DIRECTIVE, data):
        codes.update(c.strip() for c in match.group(1).decode("ascii").split(",") if c.strip())
    return frozenset(codes)


# ------------------------------------------------------------------ structure errors

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


_PYDANTIC_PROBLEMS: dict[str, dict[str, str]] = {
    "string_type": {"ru": "ожидается текст", "en": "text is expected"},
    "int_type": {"ru": "ожидается целое число", "en": "a whole number is expected"},
    "int_parsing": {"ru": "ожидается целое число, а написано {input}",
                    "en": "a whole number is expected, not {input}"},
    "int_from_float": {"ru": "ожидается целое число, а написано {input}",
                       "en": "a whole number is expected, not {input}"},
    "bool_parsing": {"ru": "ожидается да/нет (true/false), а написано {input}",
                     "en": "true or false is expected, not {input}"},
    "bool_type": {"ru": "ожидается да/нет (true/false)", "en": "true or false is expected"},
    "date_type": {"ru": "ожидается дата ГГГГ-ММ-ДД", "en": "a date YYYY-MM-DD is expected"},
    "date_parsing": {"ru": "дата {input} записана не как ГГГГ-ММ-ДД или не существует",
                     "en": "the date {input} is not written as YYYY-MM-DD or does not exist"},
    "date_from_datetime_parsing": {
        "ru": "дата {input} записана не как ГГГГ-ММ-ДД или не существует",
        "en": "the date {input} is not written as YYYY-MM-DD or does not exist",
    },
    "date_not_in_calendar": {"ru": "даты {input} нет в календаре",
                             "en": "the date {input} does not exist"},
    "date_from_datetime_inexact": {"ru": "ожидается дата без времени",
                                   "en": "a date without a time is expected"},
    "enum": {"ru": "допустимые значения: {expected}, а написано {input}",
             "en": "allowed values are {expected}, not {input}"},
    "literal_error": {"ru": "допустимые значения: {expected}, а написано {input}",
                      "en": "allowed values are {expected}, not {input}"},
    "list_type": {"ru": "ожидается список (строки, начинающиеся с «- »)",
                  "en": "a list is expected (lines starting with '- ')"},
    "model_type": {"ru": "ожидается набор полей «ключ: значение»",
                   "en": "a set of 'key: value' fields is expected"},
    "model_attributes_type": {"ru": "ожидается набор полей «ключ: значение»",
                              "en": "a set of 'key: value' fields is expected"},
    "dict_type": {"ru": "ожидается набор полей «ключ: значение»",
                  "en": "a set of 'key: value' fields is expected"},
    "greater_than_equal": {"ru": "ожидается число не меньше {ge}, а написано {input}",
                           "en": "a number of at least {ge} is expected, not {input}"},
    "less_than_equal": {"ru": "ожидается число не больше {le}, а написано {input}",
                        "en": "a number of at most {le} is expected, not {input}"},
    "string_too_short": {"ru": "пустое значение", "en": "the value is empty"},
    "string_too_long": {"ru": "слишком длинное значение (можно не больше {max_length} знаков)",
                        "en": "the value is too long (at most {max_length} characters)"},
    "too_long": {"ru": "слишком длинный список (можно не больше {max_length} элементов)",
                 "en": "the list is too long (at most {max_length} items)"},
    "date_out_of_range": {"ru": "дата {input} вне допустимых лет ({min_year}–{max_year})",
                          "en": "the date {input} is outside the years allowed "
                                "({min_year}–{max_year})"},
    "too_short": {"ru": "пустой список", "en": "the list is empty"},
}

_PROBLEM_HINTS: dict[str, dict[str, str]] = {
    "date": {"ru": "Пишите дату так: 2022-09-26.", "en": "Write the date as 2022-09-26."},
    "list": {"ru": "Каждый элемент списка — с новой строки, начиная с «- ».",
             "en": "Put each list item on its own line, starting with '- '."},
    "model": {"ru": "Поля пишутся с новой строки с отступом: «title: ...».",
              "en": "Write fields on new indented lines: 'title: ...'."},
    "text": {"ru": "Здесь нужен один текст, а не список или набор полей: запишите его после "
                   "двоеточия (длинный текст можно начать с «>-» и продолжить на следующих "
                   "строках с отступом).",
             "en": "One text is expected here, not a list or fields: write it after the colon "
                   "(a long text can start with '>-' and go on in indented lines)."},
    "length": {"ru": "Здесь пишется короткий номер или имя («1.2», «Задача №4», «Иванов И.И.»); "
                     "длинный текст — в title, description или result.",
               "en": "This field holds a short number or name (\"1.2\", \"Задача №4\"); a long "
                     "text goes into title, description or result."},
    "year": {"ru": "Проверьте год: похоже на опечатку. Дата пишется как ГГГГ-ММ-ДД, например "
                   "2022-09-26.",
             "en": "Check the year: it looks like a typo. A date is written YYYY-MM-DD, e.g. "
                   "2022-09-26."},
    "calendar": {"ru": "Проверьте число и месяц; дата пишется как ГГГГ-ММ-ДД, например "
                       "2023-02-28.",
                 "en": "Check the day and the month; a date is written YYYY-MM-DD, e.g. "
                       "2023-02-28."},
    "version": {"ru": "Эта версия clusterctl понимает формат плана версии 1: «version: 1».",
                "en": "This clusterctl reads plan format version 1: 'version: 1'."},
    "enum": {"ru": "Напишите одно из допустимых значений точно как в списке (латиницей).",
             "en": "Write one of the allowed values exactly as listed."},
    "status": {"ru": "Статус пишется одним из слов: planned (запланировано), in_progress "
                     "(в работе), done (выполнено), cancelled (отменено).",
               "en": "The status is one of: planned, in_progress, done, cancelled."},
    "bound": {"ru": "Допустимые значения поля — в docs/format.md.",
              "en": "The field's allowed values are in docs/format.md."},
    "other": {"ru": "Исправьте значение (см. docs/format.md).",
              "en": "Fix the value (see docs/format.md)."},
}

_WELL_FORMED_DATE = r"^\d{4}-\d{2}-\d{2}$"  # only for a date error: compiled on first use


def _expected(raw: str, lang: str) -> str:
    """pydantic's "'a', 'b' or 'c'" in the user's language: «a», «b» или «c»."""
    values = re.findall(r"'([^']*)'", raw)
    if not values:
        return raw
    quoted = [quote(v, lang) for v in values]
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + (" или " if lang == "ru" else " or ") + quoted[-1]


def _problem(error: dict[str, Any], lang: str) -> tuple[str, str]:
    kind = error["type"]
    template = _PYDANTIC_PROBLEMS.get(kind)
    value = error.get("input")
    shown = quote(value, lang) if isinstance(value, (str, int, float)) else ""
    in_calendar = True
    if kind.startswith("date") and kind != "date_out_of_range" and isinstance(
        value, str) and re.match(
        _WELL_FORMED_DATE, value.strip()
    ):
        template = _PYDANTIC_PROBLEMS["date_not_in_calendar"]  # 2023-02-30
        in_calendar = False
    ctx = error.get("ctx") or {}
    if template is None:  # pydantic's own sentence is English: only for English output
        problem = str(error.get("msg", kind)) if lang == "en" else "недопустимое значение"
    else:
        expected = _expected(str(ctx.get("expected", "")), lang)
        problem = template[lang].format(input=shown, expected=expected,
                                        ge=ctx.get("ge"), le=ctx.get("le"),
                                        max_length=ctx.get("max_length"),
                                        min_year=ctx.get("min_year"),
                                        max_year=ctx.get("max_year"))
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
    return problem, _PROBLEM_HINTS[hint_kind][lang]


def _meant_key(key: str, allowed: list[str]) -> str | None:
    """The field a misspelt key stands for: homoglyphs folded, else the closest name."""
    folded = key.translate(_HOMOGLYPHS)
    if folded != key and folded in allowed:
        return folded
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    return close[0] if close else None


def _meant_keys(errors: list[dict[str, Any]]) -> set[tuple[str | int, ...]]:
    """Locations of missing fields that an unknown key next to them stands for."""
    from clusterctl.models import field_names, model_at

    out: set[tuple[str | int, ...]] = set()
    for error in errors:
        if error["type"] != "extra_forbidden":
            continue
        loc = tuple(error["loc"])
        name = _meant_key(str(loc[-1]), field_names(model_at(loc[:-1])))
        if name is not None:
            out.add((*loc[:-1], name))
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
        where = (f" в {where_path}" if lang == "ru" else f" in {where_path}") if where_path else ""
        if kind == "extra_forbidden":
            from clusterctl.models import field_names, model_at

            key = str(loc[-1])
            span = source.key_span(loc)
            allowed = field_names(model_at(loc[:-1]))
            folded = key.translate(_HOMOGLYPHS)
            if folded != key and folded in allowed:
                letters = ", ".join(sorted({ch for ch in key if not ch.isascii()}))
                message, hint = text("homoglyph-key", lang, key=quote(key, lang),
                                     letters=letters, expected=folded)
                code = "homoglyph-key"
            else:
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                if lang == "ru":
                    suggestion = (f"Возможно, имелось в виду «{close[0]}». " if close else "") + (
                        "Допустимые поля: " + ", ".join(allowed) + "."
                    )
                else:
                    suggestion = (f"Did you mean '{close[0]}'? " if close else "") + (
                        "Allowed fields: " + ", ".join(allowed) + "."
                    )
                message, hint = text("unknown-key", lang, key=quote(key, lang), where=where,
                                     suggestion=suggestion)
                code = "unknown-key"
        elif kind == "missing":
            field_name = str(loc[-1])
            # at the key whose fields lack it ("project:"), or the list item, or the top
            span = source.key_span(loc[:-1]) if loc[:-1] else source.value_span(())
            span = Span.point(span.line, span.column)
            message, hint = text("missing-key", lang, key=quote(field_name, lang), where=where,
                                 field=field_name)
            code = "missing-key"
        else:
            span = source.value_span(loc)
            problem, hint_text = _problem(error, lang)
            message, hint = text("invalid-value", lang, where=where, problem=problem,
                                 hint=hint_text)
            code = "invalid-value"
        marker = (loc, code)
        if marker in seen:  # unions report one mistake once per member
            continue
        seen.add(marker)
        out.append(Diagnostic.at(file, span, Severity.ERROR, code, message, hint))
    return out


# ------------------------------------------------------------------ rules


def _fill(code: str, params: dict[str, Any], lang: str) -> tuple[str, str]:
    from clusterctl.messages import TERMS

    values = dict(params)
    for key in ("what", "kind", "scope", "field"):
        term = values.get(key)
        if isinstance(term, str) and term in TERMS:
            values[key] = TERMS[term][lang]
    closest = values.pop("closest", None)
    if closest:
        names = (" или " if lang == "ru" else " or ").join(quote(n, lang) for n in closest)
        values["did_you_mean"] = text("did-you-mean", lang, names=names)[0]
    else:
        values["did_you_mean"] = ""
    stage = values.get("stage")
    if isinstance(stage, str):
        values["stage_sp"] = f" {stage}" if stage else ""
        values["in_stage"] = (f" (этап {stage})" if lang == "ru" else f" (stage {stage})"
                              ) if stage else ""
    if "name" in values:
        values["name_q"] = quote(values["name"], lang)
    return text(code, lang, **values)


def rule_findings(
    rules: Iterable[Rule], plan: Plan, index: PlanIndex, options: CheckOptions,
    disabled: frozenset[str], data: dict[str, Any] | None = None,
    commented: list[tuple[str | int, ...]] | None = None,
) -> list[tuple[Rule, Finding]]:
    """Run the rules; what they find is placed in the file later, by `locate`."""
    from clusterctl.rules import RuleContext

    ctx = RuleContext(plan=plan, index=index, today=options.today, lang=options.lang,
                      data=data or {}, commented=commented or [])
    found: list[tuple[Rule, Finding]] = []
    for rule in rules:
        if rule.name in disabled or all(code in disabled for code in rule.codes):
            continue
        found.extend((rule, f) for f in rule.run(ctx) if f.code not in disabled)
    return found


def locate(
    findings: Iterable[tuple[Rule, Finding]], source: SourceMap, file: str, lang: str
) -> list[Diagnostic]:
    """Rule findings as diagnostics, placed through the source map."""
    out: list[Diagnostic] = []
    for rule, finding in findings:
        span = source.key_span(finding.path) if finding.at_key else source.value_span(
            finding.path
        )
        params = dict(finding.params)
        for key, value in finding.params.items():
            if key.endswith("_path") and isinstance(value, tuple):
                # a place the message refers to, shown as its line: {first_line}
                params[key[: -len("_path")] + "_line"] = source.value_span(value).line
        message, hint = _fill(finding.code, params, lang)
        out.append(Diagnostic.at(
            file, span, rule.codes[finding.code], finding.code, message, hint
        ))
    return out


# ------------------------------------------------------------------ entry points


def check_bytes(data: bytes, file: str, options: CheckOptions) -> FileResult:
    """Check one plan file's bytes. Never raises for bad input."""
    result = FileResult(file)
    try:
        _check(data, file, options, result)
    except LoadError as exc:
        result.diagnostics.extend(exc.diagnostics)
    except RecursionError:
        result.plan = result.index = None
        result.diagnostics.append(_diagnostic(file, "too-deep", options.lang, limit="?"))
    except Exception as exc:
        result.plan = result.index = None
        result.diagnostics.append(
            _diagnostic(file, "internal-error", options.lang,
                        error=f"{type(exc).__name__}: {exc}")
        )
    result.diagnostics.sort(key=Diagnostic.sort_key)
    return result


def _diagnostic(file: str, code: str, lang: str, **params: Any) -> Diagnostic:
    message, hint = text(code, lang, **params)
    return Diagnostic.at(file, FILE_START, Severity.ERROR, code, message, hint)


def _check(data: bytes, file: str, options: CheckOptions, result: FileResult) -> None:
    from pydantic import ValidationError

    from clusterctl.models import Plan
    from clusterctl.plan import Unread, build_index, unread_paths
    from clusterctl.rules import RULES

    disabled = options.ignore | file_directives(data)
    # The optional accelerator (clusterctl/fastload.py) gives the exact loader's data or
    # nothing, and no positions: the exact loader reads the file again only when there is a
    # diagnostic to place, so every position comes from the exact loader.
    fast = None
    if options.accelerate:
        from clusterctl import fastload

        fast = fastload.try_fast(data) if fastload.enabled() else None
    source: SourceMap | None = None
    if fast is None:
        loaded = load_bytes(data, file, options.lang)
        result.data, source = loaded.data, loaded.source
    else:
        result.data = fast
    try:
        plan = Plan.model_validate(result.data)
    except ValidationError as exc:
        if source is None:
            loaded = load_bytes(data, file, options.lang)
            result.data, source = loaded.data, loaded.source
        result.diagnostics.extend(
            structure_diagnostics(
                [dict(e) for e in exc.errors(include_url=False)], source, file, options.lang
            )
        )
        return
    index = build_index(plan)
    result.plan, result.index = plan, index
    findings = rule_findings(RULES, plan, index, options, disabled, result.data,
                             source.commented if source is not None else None)
    unread = unread_paths(index)
    if not findings and not unread:
        return
    if source is None:  # the fast path found something: the exact loader places it
        loaded = load_bytes(data, file, options.lang)
        result.data, source = loaded.data, loaded.source
    result.diagnostics.extend(locate(findings, source, file, options.lang))
    for path, ref, field_name, phrase in unread:
        span = source.value_span(path)
        result.unread.append(Unread(file, span.line, span.column, plan.project.id, ref,
                                    field_name, phrase))


def check_file(path: Path, file: str, options: CheckOptions) -> FileResult:
    """Read and check one plan file. Never raises for bad input."""
    try:
        data = read_bytes(path, file, options.lang, options.max_bytes)
    except LoadError as exc:
        return FileResult(file, list(exc.diagnostics))
    return check_bytes(data, file, options)
