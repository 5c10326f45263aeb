"""deadlines: every deadline and period phrase is understood; impossible dates are errors."""

from __future__ import annotations

from collections.abc import Iterable

from clusterctl.dates import DeadlineError
from clusterctl.diagnostics import Severity
from clusterctl.plan import Path
from clusterctl.rules.base import Finding, RuleContext, rule


def _finding(exc: DeadlineError, path: Path, phrase: str, lang: str, period: bool) -> Finding:
    params = {
        "phrase": " ".join(phrase.split()),
        "detail": exc.message_ru if lang == "ru" else exc.message_en,
        "hint": exc.hint_ru if lang == "ru" else exc.hint_en,
    }
    if exc.code == "impossible_date":
        return Finding("impossible-date", path, params)
    if exc.code == "reversed_range":
        return Finding("reversed-range", path, params)
    return Finding("period-not-understood" if period else "deadline-not-understood", path, params)


@rule(
    "deadlines",
    {
        "deadline-not-understood": Severity.WARNING,
        "period-not-understood": Severity.WARNING,
        "impossible-date": Severity.ERROR,
        "reversed-range": Severity.ERROR,
    },
)
def deadlines(ctx: RuleContext) -> Iterable[Finding]:
    """Deadline (`due`) and `period` phrases are understood by the deadline grammar.

    A phrase the grammar does not understand is a warning at its line (the tool never guesses
    a date); an impossible date ("31.02.2023") or a range that ends before it starts is an
    error."""
    index = ctx.index
    project = ctx.plan.project
    if index.project_period_error is not None and project.period:
        yield _finding(index.project_period_error, ("project", "period"), project.period,
                       ctx.lang, True)
    for si, exc in index.stage_period_errors.items():
        yield _finding(exc, ("stages", si, "period"), ctx.plan.stages[si].period or "",
                       ctx.lang, True)
    for item in index.items:
        if item.deadline_error is not None:
            yield _finding(item.deadline_error, (*item.path, "due"), item.work.due or "",
                           ctx.lang, False)
