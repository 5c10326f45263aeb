"""What a deadline phrase means: its kind and its interval of days, and what can be wrong with
it. The phrases themselves are read by `clusterctl.model.grammar`.

A `Deadline` is a kind plus an interval ``[start, end]`` with the END INCLUSIVE («до
26.09.2022» is overdue from 27.09.2022). A `Period` is the bounded interval of a project or a
stage. A phrase that is not a deadline raises `clusterctl.errors.DeadlineError`, whose `code`
is one of not_understood, impossible_date, needs_year, reversed_range, not_a_period, and whose
message and hint come from the catalogs (`deadline.…`).
"""

from __future__ import annotations

import enum
from datetime import date
from typing import Any, Final, NamedTuple

from clusterctl.errors import DeadlineError

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "Deadline",
    "DeadlineError",
    "DeadlineKind",
    "Period",
    "days_in_month",
]

MIN_YEAR: Final = 1900
MAX_YEAR: Final = 2199
"""Years outside these are reported as impossible dates (most likely a typo)."""


class DeadlineKind(str, enum.Enum):
    """What a deadline phrase denotes."""

    DATE = "date"
    RANGE = "range"
    BEFORE = "before"
    ONGOING = "ongoing"
    UNSCHEDULED = "unscheduled"
    RECURRING = "recurring"


DATED: Final = frozenset({DeadlineKind.DATE, DeadlineKind.RANGE, DeadlineKind.BEFORE})
"""The kinds with a last day: the only ones that can be overdue."""


class Period(NamedTuple):
    """An inclusive interval of days (`start` <= `end`: see `period`)."""

    start: date
    end: date


def period(start: date, end: date) -> Period:
    """The period from `start` to `end`; DeadlineError (reversed_range) when it runs back."""
    if start > end:
        raise reversed_error(f"{fmt(start)} - {fmt(end)}", start, end)
    return Period(start, end)


class Deadline(NamedTuple):
    """A parsed deadline phrase."""

    kind: DeadlineKind
    text: str
    """The phrase as written."""
    start: date | None
    end: date | None
    recurrence: str | None = None
    """Kind RECURRING: weekly, monthly, quarterly, terms (school terms, «четверть»),
    twice_yearly, yearly, or dates (a list of dates or months in one cell)."""
    dates: tuple[Period, ...] = ()
    """recurrence "dates": each date or month of the list, in order."""
    month: int | None = None
    """recurrence "yearly": the month it falls in every year («ежегодно в марте»)."""
    day: int | None = None
    """recurrence "monthly": the day of the month it is due by («до 5 числа»)."""
    mark: str | None = None
    """A footnote mark glued to the phrase («до 26.09.2022*»): kept, not read."""

    @property
    def due(self) -> date | None:
        """The last day before the deadline is overdue (``None`` if it cannot be overdue)."""
        return self.end if self.kind in DATED else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "text": self.text,
            "start": self.start.isoformat() if self.start is not None else None,
            "end": self.end.isoformat() if self.end is not None else None,
            "recurrence": self.recurrence,
            **({"dates": [[p.start.isoformat(), p.end.isoformat()] for p in self.dates]}
               if self.dates else {}),
            **({"month": self.month} if self.month is not None else {}),
            **({"day": self.day} if self.day is not None else {}),
            **({"mark": self.mark} if self.mark is not None else {}),
        }


_MAX_DAYS: Final = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    """The number of days of a month (1-12)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return _MAX_DAYS[month]


def fmt(d: date) -> str:
    """26.09.2022: a day as the messages show it."""
    return f"{d.day:02d}.{d.month:02d}.{d.year:04d}"


def shown(text: str) -> str:
    """A phrase as messages quote it: on one line, at most 80 characters."""
    folded = " ".join(text.split())
    return folded if len(folded) <= 80 else folded[:79] + "…"


# --------------------------------------------------------------------------- errors


def not_understood(phrase: str) -> DeadlineError:
    if not phrase:
        return DeadlineError("not_understood", "deadline.empty", hint="deadline.hint")
    return DeadlineError("not_understood", "deadline.not-understood", phrase=phrase,
                         hint="deadline.hint")


def bad_school_year(frag: str) -> DeadlineError:
    return DeadlineError("not_understood", "deadline.bad-school-year", frag=frag,
                         hint="deadline.bad-school-year.hint")


def impossible(frag: str, why: str, **params: int) -> DeadlineError:
    """An impossible date: `why` is no-month, day-zero, february, month-days, year-days or
    year (a year outside MIN_YEAR..MAX_YEAR)."""
    return DeadlineError("impossible_date", "deadline.impossible." + why, frag=frag,
                         hint="deadline.impossible.hint", **params)


def reversed_error(phrase: str, first: date, second: date) -> DeadlineError:
    return DeadlineError("reversed_range", "deadline.reversed", phrase=phrase,
                         first=fmt(first), second=fmt(second), hint="deadline.reversed.hint")


def needs_year(phrase: str, within: Period | None, why: str) -> DeadlineError:
    """A month or day without a year that the period cannot supply: `why` is "ambiguous" or
    "outside" (with a period)."""
    if within is None:
        return DeadlineError("needs_year", "deadline.needs-year.no-period", phrase=phrase,
                             hint="deadline.needs-year.hint")
    return DeadlineError("needs_year", "deadline.needs-year." + why, phrase=phrase,
                         period=f"{fmt(within.start)}–{fmt(within.end)}",
                         hint="deadline.needs-year.hint")
