"""Calendar arithmetic of the queries, reminders and documents (python-dateutil's month
arithmetic): months later, windows, weeks, half-years, school years, working days.

Every date a plan or an option may hold lies in the years 1900–2199 (the models and the
option parser say so), and every step here is bounded (a window of at most 9,999 units), so
the arithmetic never leaves the calendar.
"""

from __future__ import annotations

import datetime
import re
from typing import Final

from dateutil.relativedelta import relativedelta

_HOLIDAYS: Final = frozenset(
    [(1, d) for d in range(1, 9)] + [(2, 23), (3, 8), (5, 1), (5, 9), (6, 12), (11, 4)]
)
"""Fixed Russian public holidays (transfers of days off are not modelled)."""

_WINDOW: Final = re.compile(r"^\s*(\d{1,4})\s*([a-zа-яё]*)\s*$", re.I)
_WINDOW_UNITS: Final = {
    "": "d", "d": "d", "day": "d", "days": "d", "д": "d", "дн": "d", "дня": "d", "дней": "d",
    "w": "w", "week": "w", "weeks": "w", "н": "w", "нед": "w", "недели": "w", "недель": "w",
    "m": "m", "month": "m", "months": "m", "м": "m", "мес": "m", "месяц": "m", "месяца": "m",
    "месяцев": "m",
}

DEFAULT_WINDOW_DAYS: Final = 14
"""`upcoming` and the `who` "due soon" count look this many days ahead (today included)."""


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (the month's last day when it is shorter)."""
    return day + relativedelta(months=months)


def window_end(today: datetime.date, spec: str | int) -> datetime.date:
    """The last day of a window that starts on `today`: "14d" (or 14), "2w", "1m".

    The window holds N days, N weeks or N months counted from `today` inclusive, so "14d"
    and "2w" from a Monday end on the second Sunday, and "1m" from 17.10 ends on 16.11.
    Russian units are accepted too: "14д", "2н", "1м". Raises ValueError for anything else.
    """
    if isinstance(spec, int):
        count, unit = spec, "d"
    else:
        match = _WINDOW.match(spec)
        unit_word = match.group(2).casefold() if match else None
        if match is None or unit_word not in _WINDOW_UNITS:
            raise ValueError(spec)
        count, unit = int(match.group(1)), _WINDOW_UNITS[unit_word]
    if not 1 <= count <= 9999:
        raise ValueError(spec)
    if unit == "d":
        return today + datetime.timedelta(days=count - 1)
    if unit == "w":
        return today + datetime.timedelta(days=7 * count - 1)
    return add_months(today, count) - datetime.timedelta(days=1)


def monday(day: datetime.date) -> datetime.date:
    """The Monday of the week of `day`."""
    return day - datetime.timedelta(days=day.weekday())


def half_year(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The calendar half-year that contains `day` (the report's default period)."""
    if day.month <= 6:
        return datetime.date(day.year, 1, 1), datetime.date(day.year, 6, 30)
    return datetime.date(day.year, 7, 1), datetime.date(day.year, 12, 31)


def school_year(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The school year (1 September – 31 August) that contains `day`."""
    first = day.year if day.month >= 9 else day.year - 1
    return datetime.date(first, 9, 1), datetime.date(first + 1, 8, 31)


def first_working_day(year: int, month: int) -> datetime.date:
    """The first Monday–Friday of a month that is not a fixed public holiday."""
    day = datetime.date(year, month, 1)
    while day.weekday() >= 5 or (day.month, day.day) in _HOLIDAYS:
        day += datetime.timedelta(days=1)
    return day


def whole_months(start: datetime.date, end: datetime.date) -> int | None:
    """How many whole months `start`..`end` (both included) make, or None when it is not
    a whole number of months from `start`."""
    end_plus = end + datetime.timedelta(days=1)
    months = (end_plus.year - start.year) * 12 + end_plus.month - start.month
    if months > 0 and add_months(start, months) == end_plus:
        return months
    return None
