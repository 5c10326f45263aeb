"""A recurring deadline as dated occurrences, and which occurrence a completion marks.

«Ежеквартально» in a plan for the 2022-2023 school year means four deadlines: 30.09.2022,
31.12.2022, 31.03.2023 and 30.06.2023. Each occurrence is a span of days that ends on its
deadline, inside the bounds of the recurring deadline (its item's, stage's or project's
period, `Deadline.start`..`Deadline.end`):

* weekly — each week, Monday to Sunday;
* monthly — each calendar month; with a day («до 5 числа каждого месяца») the span ends on
  that day of the month (its last day in a shorter month);
* quarterly — each calendar quarter (31.03, 30.06, 30.09, 31.12);
* terms — each school term («четверть»), ending on the days of `rules.term_ends` (by default
  27.10, 28.12, 22.03, 26.05: set your region's);
* twice_yearly — each calendar half-year (30.06, 31.12);
* yearly — each twelve months from the start of the bounds; with a month («ежегодно в
  марте») that month of each year;
* dates — the dates or months listed in the cell.

An occurrence counts when its deadline falls inside the bounds (a quarter that ends after
them is not one of the plan's); none starts before them. A recurring deadline without bounds
(no period anywhere) has no occurrences: it stays understood but undated. Nothing here reads
the clock.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterator, Sequence
from typing import Final

from clusterctl.model.calendar import add_months
from clusterctl.model.deadlines import Deadline, DeadlineKind, Period, days_in_month
from clusterctl.model.grammar import day_and_month

MAX_OCCURRENCES: Final = 1000
"""More occurrences than this (weekly over twenty years) are not expanded: the `deadlines`
rule asks for a narrower period instead."""

DEFAULT_TERM_ENDS: Final = ("27.10", "28.12", "22.03", "26.05")
"""The last days of the four school terms of a usual Russian school year (five-day week)."""


class TooMany(Exception):
    """More than MAX_OCCURRENCES occurrences."""


def occurrences(deadline: Deadline | None, term_ends: Sequence[str] = DEFAULT_TERM_ENDS
                ) -> tuple[Period, ...]:
    """The occurrences of a recurring deadline, in order (none for any other deadline, or
    for one without bounds). TooMany past MAX_OCCURRENCES."""
    if deadline is None or deadline.kind is not DeadlineKind.RECURRING:
        return ()
    if deadline.recurrence == "dates":
        return deadline.dates
    if deadline.start is None or deadline.end is None:
        return ()
    return _expanded(deadline, tuple(term_ends))


@functools.lru_cache(maxsize=4096)
def _expanded(deadline: Deadline, term_ends: tuple[str, ...]) -> tuple[Period, ...]:
    """The occurrences of a bounded recurring deadline (see `occurrences`). Cached: plans
    repeat a handful of phrases («ежемесячно», «1 раз в четверть») over the same periods,
    and the month arithmetic (python-dateutil) is the costly part (docs/performance.md)."""
    assert deadline.start is not None and deadline.end is not None
    found: list[Period] = []
    for first, last in _spans(deadline, deadline.start, deadline.end, term_ends):
        if last < deadline.start or last > deadline.end:
            continue  # due outside the bounds
        found.append(Period(max(first, deadline.start), last))
        if len(found) > MAX_OCCURRENCES:
            raise TooMany(deadline.text)
    return tuple(found)


def _spans(deadline: Deadline, start: datetime.date, end: datetime.date,
           term_ends: Sequence[str]) -> Iterator[tuple[datetime.date, datetime.date]]:
    recurrence = deadline.recurrence
    day = datetime.timedelta(days=1)
    if recurrence == "weekly":
        monday = start - datetime.timedelta(days=start.weekday())
        while monday <= end:
            yield monday, monday + datetime.timedelta(days=6)
            monday += datetime.timedelta(days=7)
    elif recurrence in ("monthly", "quarterly", "twice_yearly"):
        months = {"monthly": 1, "quarterly": 3, "twice_yearly": 6}[recurrence]
        first = datetime.date(start.year, start.month - (start.month - 1) % months, 1)
        while first <= end:
            last = add_months(first, months) - day
            if deadline.day is not None:  # by a day of the month
                last = last.replace(day=min(deadline.day, days_in_month(last.year, last.month)))
            yield first, last
            first = add_months(first, months)
    elif recurrence == "terms":
        yield from _terms(start, end, term_ends)
    elif recurrence == "yearly" and deadline.month is not None:
        for year in range(start.year, end.year + 1):
            yield (datetime.date(year, deadline.month, 1),
                   datetime.date(year, deadline.month, days_in_month(year, deadline.month)))
    elif recurrence == "yearly":
        first = start
        while first <= end:
            yield first, add_months(first, 12) - day
            first = add_months(first, 12)


def _terms(start: datetime.date, end: datetime.date, term_ends: Sequence[str]
           ) -> Iterator[tuple[datetime.date, datetime.date]]:
    """School terms: each ends on a day of `term_ends` (DD.MM) and starts the day after the
    previous one ends."""
    read = (day_and_month(text) for text in term_ends)
    days = sorted({dm for dm in read if dm is not None and _real(dm)},
                  key=lambda dm: (dm[1], dm[0]))
    if not days:
        return
    previous = start - datetime.timedelta(days=1)
    for year in range(start.year, end.year + 2):
        for d, m in days:
            last = datetime.date(year, m, min(d, days_in_month(year, m)))
            if last <= previous:
                continue
            yield previous + datetime.timedelta(days=1), last
            previous = last
            if last >= end:
                return


def _real(day_month: tuple[int, int]) -> bool:
    """A day of the calendar in some year (29.02 counts; in other years it is the 28th)."""
    day, month = day_month
    return 1 <= month <= 12 and 1 <= day <= days_in_month(2000, month)


def occurrence_deadline(deadline: Deadline, span: Period) -> Deadline:
    """One occurrence as a deadline of its own (a range, or a date of one day), with the
    recurring phrase as its text."""
    kind = DeadlineKind.DATE if span.start == span.end else DeadlineKind.RANGE
    return Deadline(kind, deadline.text, span.start, span.end, mark=deadline.mark)


def marked_occurrence(spans: Sequence[Period], done: Sequence[datetime.date],
                      on: datetime.date) -> Period | None:
    """The occurrence a completion on `on` marks: the latest one due on or before `on` that
    is not done yet; else (done early) the first one after it; None when every one is."""
    open_spans = [s for s in spans if s.end not in done]
    before = [s for s in open_spans if s.end <= on]
    if before:
        return before[-1]
    after = [s for s in open_spans if s.end > on]
    return after[0] if after else None
