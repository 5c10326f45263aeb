"""deadlines: every deadline and period phrase is understood; impossible dates are errors."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from clusterctl.check.rules.base import Finding, RuleContext, rule
from clusterctl.diagnostics import Severity
from clusterctl.errors import DeadlineError
from clusterctl.model.grammar import day_and_month
from clusterctl.model.index import Path


def _finding(exc: DeadlineError, path: Path, phrase: str, lang: str, period: bool) -> Finding:
    params = {"phrase": " ".join(phrase.split()), "detail": exc.describe(lang),
              "hint": exc.hint(lang)}
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
    """Deadline (`due`, `start`, an event's `date`) and `period` phrases are understood by the
    deadline grammar, and the report days of `rules.report_due` are days and months (DD.MM).

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
        if item.start_error is not None:  # the planned start
            yield _finding(item.start_error, (*item.path, "start"), item.work.start or "",
                           ctx.lang, False)
        if item.event_error is not None and item.task.event is not None:
            # the event's own date (announcements and the calendar count from it)
            yield _finding(item.event_error, (*item.path, "event", "date"),
                           item.task.event.date or "", ctx.lang, False)
    for i, text in enumerate(ctx.plan.rules.report_due):
        error = _report_day_error(text)
        if error is not None:
            yield _finding(error, ("rules", "report_due", i), text, ctx.lang, False)


def _report_day_error(text: str) -> DeadlineError | None:
    """None for a day and month DD.MM that `queries.reminders` reads (29.02 counts, in leap
    years), else what is wrong with it, as the grammar says it of a deadline (an impossible
    date, or a text it does not understand)."""
    found = day_and_month(text)
    if found is None:
        return DeadlineError("not_understood", "deadline.report-day.not-day-month", text=text,
                             hint="deadline.report-day.hint")
    day, month = found
    try:
        datetime.date(2024, month, day)  # a leap year: 29.02 exists
    except ValueError:
        return DeadlineError("impossible_date", "deadline.report-day.impossible", text=text,
                             hint="deadline.report-day.hint")
    return None
