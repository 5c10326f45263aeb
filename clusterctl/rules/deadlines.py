"""deadlines: every deadline and period phrase is understood; impossible dates are errors."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from clusterctl.dates import DeadlineError, day_and_month, parse_deadline
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
    """Deadline (`due`, an event's `date`) and `period` phrases are understood by the
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
        if item.step is None and item.task.event is not None and item.task.event.date:
            # the event's own date (announcements and the calendar count from it)
            try:
                parse_deadline(item.task.event.date, item.period)
            except DeadlineError as exc:
                yield _finding(exc, (*item.path, "event", "date"), item.task.event.date,
                               ctx.lang, False)
    for i, text in enumerate(ctx.plan.rules.report_due):
        error = _report_day_error(text)
        if error is not None:
            yield _finding(error, ("rules", "report_due", i), text, ctx.lang, False)


_REPORT_DAY_HINTS = (
    "Пишите день и месяц отчёта как ДД.ММ, например 25.12.",
    "Write the report's day and month as DD.MM, e.g. 25.12.",
)


def _report_day_error(text: str) -> DeadlineError | None:
    """None for a day and month DD.MM that `reminders.report_days` reads (29.02 counts, in
    leap years), else what is wrong with it, as the grammar says it of a deadline (an
    impossible date, or a text it does not understand)."""
    found = day_and_month(text)
    if found is None:
        return DeadlineError(
            "not_understood", f"«{text}» в rules.report_due — не день и месяц.",
            f"“{text}” in rules.report_due is not a day and a month.", *_REPORT_DAY_HINTS,
        )
    day, month = found
    try:
        datetime.date(2024, month, day)  # a leap year: 29.02 exists
    except ValueError:
        return DeadlineError(
            "impossible_date", f"Дня «{text}» нет в календаре (rules.report_due).",
            f"There is no day “{text}” in the calendar (rules.report_due).",
            *_REPORT_DAY_HINTS,
        )
    return None
