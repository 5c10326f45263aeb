"""Dates in the user's language, the way Russian documents write them (Babel's CLDR data).

* `day(d)` -> "26.09.2022" (tables), `day_long(d)` -> "26 сентября 2022 г." (letters);
* `span(start, end)` -> "10.10.2022–14.10.2022", or a day when start == end;
* `span_long(start, end)` -> "январь–февраль 2014 г.", "сентябрь 2014 г. – май 2015 г.",
  "10–14 октября 2022 г.", "26 сентября 2022 г.";
* `month_year(d)` -> "сентябрь 2022 г."

English (`lang="en"`) gives "26 Sep 2022"-style text. Babel is imported on first use only.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Callable
from functools import lru_cache
from typing import Any, Literal

from clusterctl.i18n import t

_LOCALES = {"ru": "ru_RU", "en": "en_GB"}


@lru_cache(maxsize=4)
def _months(lang: str, context: Literal["format", "stand-alone"]) -> dict[int, str]:
    from babel.dates import get_month_names

    names: dict[int, str] = dict(
        get_month_names("wide", context=context, locale=_LOCALES.get(lang, "ru_RU"))
    )
    return names


def _format(d: datetime.date, pattern: str, lang: str) -> str:
    from babel.dates import format_date

    result: Any = format_date(d, pattern, locale=_LOCALES.get(lang, "ru_RU"))
    return str(result)


def day(d: datetime.date | None, lang: str = "ru") -> str:
    """26.09.2022 (Russian) or 26/09/2022 (English); "" for None."""
    if d is None:
        return ""
    return d.strftime("%d.%m.%Y") if lang == "ru" else d.strftime("%d/%m/%Y")


def day_long(d: datetime.date | None, lang: str = "ru") -> str:
    """26 сентября 2022 г. / 26 September 2022."""
    if d is None:
        return ""
    if lang == "ru":
        return _format(d, "d MMMM y", lang) + " г."
    return _format(d, "d MMMM y", lang)


def month_year(d: datetime.date, lang: str = "ru") -> str:
    """сентябрь 2022 г. / September 2022."""
    name = _months(lang, "stand-alone")[d.month]
    return f"{name} {d.year} г." if lang == "ru" else f"{name} {d.year}"


def _year_suffix(lang: str) -> str:
    return " г." if lang == "ru" else ""


def _open_or_one_day(start: datetime.date | None, end: datetime.date | None, lang: str,
                     shown: Callable[[datetime.date | None, str], str]) -> str | None:
    """An interval that is no interval, `shown` day by day: "" for none, «до …» without a
    start, the day itself when it starts and ends on one day; None for a real interval."""
    if start is None and end is None:
        return ""
    if start is None:
        return t("date.by", lang, date=shown(end, lang))
    if end is None or start == end:
        return shown(start, lang)
    return None


def span(start: datetime.date | None, end: datetime.date | None, lang: str = "ru") -> str:
    """10.10.2022–14.10.2022; one day when start == end; "до 26.09.2022" without a start."""
    simple = _open_or_one_day(start, end, lang, day)
    if simple is not None:
        return simple
    return f"{day(start, lang)}–{day(end, lang)}"


def _whole_months(start: datetime.date, end: datetime.date) -> bool:
    return start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]


def span_long(start: datetime.date | None, end: datetime.date | None, lang: str = "ru") -> str:
    """The interval in words: "январь–февраль 2014 г.", "10–14 октября 2022 г."."""
    simple = _open_or_one_day(start, end, lang, day_long)
    if simple is not None or start is None or end is None:
        return simple or ""
    suffix = _year_suffix(lang)
    stand_alone = _months(lang, "stand-alone")
    if _whole_months(start, end):
        if start.year == end.year and start.month == 1 and end.month == 12:
            return f"{start.year}{suffix}"
        if start.month == 1 and end.month == 12:
            return f"{start.year}–{end.year}{' гг.' if lang == 'ru' else ''}"
        if start.year == end.year:
            if start.month == end.month:
                return f"{stand_alone[start.month]} {start.year}{suffix}"
            return f"{stand_alone[start.month]}–{stand_alone[end.month]} {start.year}{suffix}"
        return (
            f"{stand_alone[start.month]} {start.year}{suffix} – "
            f"{stand_alone[end.month]} {end.year}{suffix}"
        )
    if start.year == end.year and start.month == end.month:
        return f"{start.day}–{day_long(end, lang)}"
    return f"{day_long(start, lang)} – {day_long(end, lang)}"


@lru_cache(maxsize=4)
def short_months(lang: str = "ru") -> dict[int, str]:
    """Short month names: «янв.», «февр.» / "Jan", "Feb"."""
    from babel.dates import get_month_names

    return dict(get_month_names("abbreviated", context="stand-alone",
                                locale=_LOCALES.get(lang, "ru_RU")))


def weekday(d: datetime.date, lang: str = "ru") -> str:
    """понедельник / Monday."""
    return _format(d, "EEEE", lang)


def weekday_short(d: datetime.date, lang: str = "ru") -> str:
    """пн / Mon."""
    return _format(d, "EEE", lang)
