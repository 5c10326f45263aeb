"""Checking plan files: load, validate the structure, run the semantic rules.

`check_bytes` and `check_file` return a `FileResult` with the located diagnostics and, when
the file's structure is valid, the plan, its data and its index. They never raise for a bad
file: an unexpected exception becomes an "internal-error" diagnostic naming the file.
"""

from __future__ import annotations

import datetime
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clusterctl.check.directives import file_directives
from clusterctl.diagnostics import FILE_START, Counted, Diagnostic, Severity
from clusterctl.errors import LoadError
from clusterctl.i18n import either, has, message, quote, t
from clusterctl.source.loader import SourceMap, load_bytes
from clusterctl.source.reading import MAX_BYTES, read_bytes

if typing.TYPE_CHECKING:
    from clusterctl.check.rules import Finding, Rule
    from clusterctl.model.index import PlanIndex, Unread
    from clusterctl.model.plan import Plan
    from clusterctl.queries.digest import PlanDigest


@dataclass(slots=True)
class FileResult(Counted):
    file: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)
    """Deadlines of a usable plan that the grammar did not understand: every query says it
    left them out (see `model.index.unread_paths`)."""
    digest: PlanDigest | None = None
    """What the queries know of a usable plan (made by the runner when asked for)."""
    packed: bytes | None = None
    """The digest as `cache.dump_digest` bytes, as it comes from a worker process or the
    cache (the runner makes it `digest`)."""
    plan: Plan | None = None
    """The plan (when checked in this process: `check_bytes`, `check_file`)."""
    index: PlanIndex | None = None
    data: dict[str, Any] | None = None
    """The loaded YAML data (when checked in this process)."""


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


# ------------------------------------------------------------------ rules


def _fill(code: str, params: dict[str, Any], lang: str) -> tuple[str, str]:
    """A finding's message and hint: its parameters in words (terms such as "person", the
    closest names as «did you mean», the stage as « (этап I)»)."""
    values = dict(params)
    for key in ("what", "kind", "scope", "field"):
        term = values.get(key)
        if isinstance(term, str) and has("term." + term, lang):
            values[key] = t("term." + term, lang)
    closest = values.pop("closest", None)
    values["did_you_mean"] = t("did-you-mean", lang, names=either(closest, lang)
                               ) if closest else ""
    stage = values.get("stage")
    if isinstance(stage, str):
        values["stage_sp"] = f" {stage}" if stage else ""
        where = "finding.in-section" if values.get("section") else "finding.in-stage"
        values["in_stage"] = t(where, lang, stage=stage) if stage else ""
    if "name" in values:
        values["name_q"] = quote(values["name"], lang)
    advice = values.get("advice")
    if isinstance(advice, str):  # the hint chosen by the rule (a key of the `advice.` group)
        values["advice"] = t("advice." + advice, lang, **values)
    return message(code, lang, **values)


def rule_findings(
    rules: Iterable[Rule], plan: Plan, index: PlanIndex, options: CheckOptions,
    disabled: frozenset[str], data: dict[str, Any] | None = None,
    commented: list[tuple[str | int, ...]] | None = None,
) -> list[tuple[Rule, Finding]]:
    """Run the rules; what they find is placed in the file later, by `locate`."""
    from clusterctl.check.rules import RuleContext

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


def check_bytes(data: bytes, file: str, options: CheckOptions,
                accelerate: bool = True) -> FileResult:
    """Check one plan file's bytes. Never raises for bad input. `accelerate`: let the
    optional Rust parser read the file where it provably reads it alike
    (`clusterctl.source.fast`); it never changes a result, only the time."""
    result = FileResult(file)
    try:
        _check(data, file, options, result, accelerate)
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
    text, hint = message(code, lang, **params)
    return Diagnostic.at(file, FILE_START, Severity.ERROR, code, text, hint)


def _check(data: bytes, file: str, options: CheckOptions, result: FileResult,
           accelerate: bool) -> None:
    from pydantic import ValidationError

    from clusterctl.check.rules import RULES
    from clusterctl.check.structure import structure_diagnostics
    from clusterctl.model.index import Unread, build_index, unread_paths
    from clusterctl.model.plan import Plan

    disabled = options.ignore | file_directives(data)
    # The optional Rust parser gives the exact loader's data or nothing, and no positions:
    # the exact loader reads the file again only when there is a diagnostic to place, so
    # every position comes from the exact loader.
    fast = None
    if accelerate:
        from clusterctl.source import fast as fast_loader

        fast = fast_loader.load(data)
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
