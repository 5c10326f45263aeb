"""The deadline grammar: Russian phrases such as «до 26.09.2022» or «Сентябрь 2014 - май 2015».

Methodists write deadlines (сроки) as free Russian phrases. :func:`parse_deadline` turns one
phrase into a :class:`Deadline`: a kind plus an interval of days ``[start, end]`` with the END
INCLUSIVE («до 26.09.2022» is overdue from 27.09.2022). :func:`parse_period` does the same for
the ``period:`` field of a project or a stage and insists on a bounded interval. Anything the
grammar does not know is an error (:class:`DeadlineError`); the parser never guesses a date.

Normalisation
-------------
Case is ignored, «ё» is read as «е»; any run of spaces (including non-breaking spaces and line
breaks) counts as one space; the dashes ``- – — −`` are the same; a year may carry the suffix
«г.», «г», «гг.», «год», «года», «году», «годы», «годах», glued or spaced; a trailing full stop,
semicolon or comma, a trailing «включительно» and a trailing comment in parentheses are
ignored, so «В течение года (в соответствии с отдельными планами)» reads as «в течение года».

Forms
-----
``D`` below is any single date:

* ISO ``2022-09-26``; numeric ``26.09.2022``, ``6.9.2022``, ``26.09.22`` (a two-digit year is
  20xx); with a month name ``26 сентября 2022 г.`` (genitive, nominative, prepositional and short
  forms: «сен», «сент.», «янв.»…).

Kinds and what they cover:

* DATE — a single ``D``.
* RANGE — ``D1 - D2``, ``D1 D2`` (two full dates separated only by spaces), ``с D1 по D2``,
  ``с D1 до D2``; day ranges in one month ``10-14 октября 2022``, ``10–14.10.2022``,
  ``с 10 по 14 октября 2022``; a month ``март 2014``, ``в марте 2014`` (1–31 March); month
  ranges ``январь-февраль 2014``, ``сентябрь 2014 - май 2015``; a year ``2014``, ``в 2014 году``;
  year ranges ``2009 - 2011 гг.``; quarters ``I квартал 2023``, ``1 кв. 2023``,
  ``IV квартал 2023 года``, ``I-II квартал 2023``; half-years ``II полугодие 2023``,
  ``первое полугодие 2023``; school years ``2022-2023 учебный год``, ``2022/23 уч. год``,
  ``2022-2023 уч.г.`` (1 September – 31 August; the second year must follow the first);
  school half-years ``I полугодие 2022-2023 учебного года`` (1 September – 31 December) and
  ``II полугодие 2022-2023 учебного года`` (1 January – 31 May). The prefixes «в», «во»,
  «в течение», «на протяжении», «в период», «весь» before any of these are allowed.
* BEFORE — ``до D``, ``не позднее D``, ``не позже D``, ``в срок до D``, ``до конца <месяц/год>``;
  the end is the last day of whatever follows: «до 26.09.2022» → 26.09.2022,
  «до конца 2022 года» → 31.12.2022, «до конца сентября 2022» → 30.09.2022.
  «до конца года» needs a period that lies within one calendar year.
* ONGOING — «постоянно», «систематически», «регулярно», «в течение года», «в течение учебного
  года», «в течение всего периода», «в течение проекта», «весь период» and their combinations
  («постоянно в течение года»).
* UNSCHEDULED — «по отдельному графику», «по графику», «по (отдельному) плану», «по согласованию»,
  «по мере необходимости», «по мере готовности», «по запросу».
* RECURRING — weekly («еженедельно», «раз в неделю»), monthly («ежемесячно», «1 раз в месяц»),
  quarterly («ежеквартально», «1 раз в четверть», «раз в квартал», «4 раза в год»), twice_yearly
  («2 раза в год», «два раза в год», «раз в полгода»), yearly («ежегодно», «1 раз в год»);
  optionally followed by «в течение года» and the like.

Months and days without a year
------------------------------
«Март», «26 сентября», «26.09», «январь-февраль», «сентябрь-май» need the enclosing ``period``
(of the stage or the project). For each month (or day) the occurrence inside the period is
taken. If it occurs in several years of the period and the period looks like a school year
(starts in August or September, ends the next calendar year), September–December belong to the
first year and January–August to the second; otherwise the phrase is ambiguous. No period, an
ambiguous month or a month outside the period is the error ``needs_year``.

Choices for ambiguous phrases (documented decisions)
----------------------------------------------------
* «до <месяц> <год>» («до сентября 2022») means before the END of that month (30.09.2022), and
  «до <год>» («до 2025 года») the end of that year, the same as «до конца …». In everyday
  speech «сдать до сентября» may mean «before September starts»; write the date to be exact.
* In a month range where only the last month has a year, the year belongs to the last month;
  if the first month comes later in the calendar, it is the previous year:
  «сентябрь-май 2015» → 01.09.2014–31.05.2015, «январь-февраль 2014» → both in 2014. The same
  holds for days: «31.12-10.01.2023» → 31.12.2022–10.01.2023.
* «2014-2015» and «2022-2023 гг.» are calendar years (01.01.2014–31.12.2015); only with
  «учебный год» is it a school year.
* The second school half-year ends on 31 May (the end of lessons), not on 31 August.
* A range written with spaces only («10.10.2022 15.10.2022») is accepted only between two
  complete dates with years.
* For BEFORE, ``start`` is the period's start only when that start is not after the deadline;
  otherwise it is ``None`` (so ``start <= end`` always holds).
* Years must lie between 1900 and 2199; anything else is reported as an impossible date (most
  likely a typo).

Errors
------
:class:`~clusterctl.errors.DeadlineError` carries a machine ``code`` — ``not_understood``,
``impossible_date``, ``needs_year``, ``reversed_range``, and ``not_a_period`` (from
:func:`parse_period`) — and a message key of the catalogs (``deadline.…``) with its hint.

Results are cached (``functools.lru_cache`` keyed by the phrase and the period): plans repeat
the same phrases over and over.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import cache, lru_cache
from itertools import pairwise
from typing import Final, Literal, NamedTuple, TypeAlias

from clusterctl.model.deadlines import (
    DATED,
    MAX_YEAR,
    MIN_YEAR,
    Deadline,
    DeadlineError,
    DeadlineKind,
    Period,
    bad_school_year,
    days_in_month,
    impossible,
    needs_year,
    not_understood,
    reversed_error,
    shown,
)

__all__ = ["day_and_month", "parse_day", "parse_deadline", "parse_period"]

_re: Final = cache(re.compile)
"""A pattern of the grammar, compiled the first time a phrase needs it (compiling all of them
costs ≈ 20 ms of a one-plan check, which needs a few)."""

_MAX_LENGTH: Final = 200  # longer texts are notes, not deadlines (and would be slow to split)


# --------------------------------------------------------------------------- normalisation

_TRANSLATE: Final = str.maketrans(
    {
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
        "ё": "е",
        "і": "i",  # Ukrainian/Belarusian і typed for a Roman numeral
        "\u00ad": "",  # soft hyphen
        "\u200b": "",  # zero-width space
        "\ufeff": "",
    }
)
# The characters _TRANSLATE changes: str.translate with a dict is slow on Cyrillic text, and
# most phrases contain none of them.
_TRANSLATED_RE: Final = "[" + "".join(re.escape(chr(c)) for c in _TRANSLATE) + "]"
_TAIL_PAREN_RE: Final = r" ?\([^()]*\)$"
_TAIL_WORD_RE: Final = r" ?включительно$"
_YEAR_SUFFIX_RE: Final = (
    r"(?<=[0-9]) ?(?:г\.? ?г|годы|годах|годов|года|году|год|г)(?![а-яa-z])\.?"
)
_SEP_SPACE_RE: Final = r" ?([-/]) ?"
_DIGIT_DOT_SPACE_RE: Final = r"(?<=[0-9])\. (?=[0-9])"


# The usual abbreviations, spelled out: «в теч. уч. года» reads as «в течение учебного года»,
# «2022-2023 уч. г.» as «2022-2023 учебного года», «до конца т.г.» as «до конца текущего года».
_ABBREVIATION_RE: Final = (
    r"(?<![а-я])(?:(?P<during>теч(?:\.|-е)(?![а-я]) ?)"
    r"|(?P<school_year>уч\.? ?г(?:\.|ода|од)?(?![а-я]))"
    r"|(?P<this_year>т\. ?г\.?(?![а-я])))"
)
_ABBREVIATIONS: Final = {
    "during": "течение ", "school_year": "учебного года", "this_year": "текущего года",
}

# A text that ends in none of these is left alone by _strip_tail (see the three steps there).
_TAIL_ENDINGS: Final = (" ", ".", ";", ",", ")", "включительно")


def _strip_tail(s: str) -> str:
    # Each regex is tried only when the text ends the way its match must end. The texts come
    # from _normalize and hold no line break, so ``$`` means the very end of the text.
    while s.endswith(_TAIL_ENDINGS):
        t = s.rstrip(" .;,")
        if t.endswith(")"):
            t = _re(_TAIL_PAREN_RE).sub("", t)
        if t.endswith("включительно"):
            t = _re(_TAIL_WORD_RE).sub("", t)
        if t == s:
            return s
        s = t
    return s


@lru_cache(maxsize=65536)
def _normalize(text: str) -> str:
    """The phrase folded for the grammar (cached: a phrase that needs its period is
    parsed once per period, but normalised once)."""
    s = text.casefold()
    if _re(_TRANSLATED_RE).search(s):
        s = s.translate(_TRANSLATE)
    # The same as re.sub(r"\s+", " ", s).strip(): \s, str.split() and str.strip() all use
    # str.isspace() (tests/test_dates_fastpaths.py checks every code point). No line break
    # remains.
    s = " ".join(s.split())
    s = _strip_tail(s)
    if "г" in s:  # every year suffix contains «г»
        s = _re(_YEAR_SUFFIX_RE).sub("", s)
    s = _strip_tail(s)
    if " -" in s or "- " in s or " /" in s or "/ " in s:
        # without a space next to a dash or a slash every match is replaced by itself
        s = _re(_SEP_SPACE_RE).sub(r"\1", s)
    if ". " in s:
        s = _re(_DIGIT_DOT_SPACE_RE).sub(".", s)
    if "теч" in s or "уч" in s or "т.г" in s or "т. г" in s:
        s = _re(_ABBREVIATION_RE).sub(lambda m: _ABBREVIATIONS[m.lastgroup or ""], s)
    return s.strip()


# --------------------------------------------------------------------------- vocabulary

_MONTH_FORMS: Final[dict[str, int]] = {}
for _num, _forms in enumerate(
    (
        ("январь", "января", "январе", "янв"),
        ("февраль", "февраля", "феврале", "фев", "февр"),
        ("март", "марта", "марте", "мар"),
        ("апрель", "апреля", "апреле", "апр"),
        ("май", "мая", "мае"),
        ("июнь", "июня", "июне", "июн"),
        ("июль", "июля", "июле", "июл"),
        ("август", "августа", "августе", "авг"),
        ("сентябрь", "сентября", "сентябре", "сен", "сент"),
        ("октябрь", "октября", "октябре", "окт"),
        ("ноябрь", "ноября", "ноябре", "ноя", "нояб"),
        ("декабрь", "декабря", "декабре", "дек"),
    ),
    start=1,
):
    for _form in _forms:
        _MONTH_FORMS[_form] = _num

_MON: Final = "(?P<mon>" + "|".join(sorted(_MONTH_FORMS, key=len, reverse=True)) + r")(?![а-я])\.?"

_ORD_SUFFIX: Final = r"(?:-?(?:ый|ий|ой|ом|ем|ого|его|го|й|м|е|ое))?"
_QUARTER_WORDS: Final[dict[str, int]] = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "1": 1,
    "2": 2,
    "3": 3,
    "4": 4,
    "первый": 1,
    "первом": 1,
    "первого": 1,
    "второй": 2,
    "втором": 2,
    "второго": 2,
    "третий": 3,
    "третьем": 3,
    "третьего": 3,
    "четвертый": 4,
    "четвертом": 4,
    "четвертого": 4,
}
_HALF_WORDS: Final[dict[str, int]] = {
    "i": 1,
    "ii": 2,
    "1": 1,
    "2": 2,
    "первое": 1,
    "первом": 1,
    "первого": 1,
    "второе": 2,
    "втором": 2,
    "второго": 2,
}
_NUMERALS: Final = r"iv|iii|ii|i|[1-4]"
_QNUM: Final = (
    rf"(?:(?:{_NUMERALS}){_ORD_SUFFIX}"
    r"|первый|первом|первого|второй|втором|второго|третий|третьем|третьего"
    r"|четвертый|четвертом|четвертого)"
)
_HNUM: Final = rf"(?:(?:ii|i|[12]){_ORD_SUFFIX}|первое|первом|первого|второе|втором|второго)"
_NUM_TOKEN_RE: Final = rf"(?P<n>{_NUMERALS}|[a-zа-я]+){_ORD_SUFFIX}"

_ISO_RE: Final = r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})"
_DMY_RE: Final = r"(?P<d>[0-9]{1,2})\.(?P<m>[0-9]{1,2})(?:\.(?P<y>[0-9]{4}|[0-9]{2}))?"
_DAY_NAME_RE: Final = rf"(?P<d>[0-9]{{1,2}}) ?{_MON}(?: ?(?P<y>[0-9]{{4}}))?"
_MONTH_RE: Final = rf"{_MON}(?: ?(?P<y>[0-9]{{4}}))?"
_YEAR_RE: Final = r"[0-9]{4}"
_QUARTER_RE: Final = rf"(?P<q>{_QNUM}) ?(?:квартал[аеу]?|кв\.?) ?(?P<y>[0-9]{{4}})"
_HALF_RE: Final = rf"(?P<h>{_HNUM}) ?(?:полугоди[еяи]) ?(?P<y>[0-9]{{4}})"
_SCHOOL_MARK: Final = r"(?:учебн(?:ый|ого|ом|ому) год[ау]?|уч\.? ?г(?:од[ау]?)?\.?)"
_SCHOOL_RE: Final = (
    rf"(?P<y1>[0-9]{{4}})[-/](?P<y2>[0-9]{{4}}|[0-9]{{2}}) ?{_SCHOOL_MARK}"
    rf"|(?:учебный|уч\.?) ?год (?P<y1b>[0-9]{{4}})[-/](?P<y2b>[0-9]{{4}}|[0-9]{{2}})"
)
_SCHOOL_HALF_RE: Final = rf"(?P<h>{_HNUM}) ?полугоди[еяи] (?P<sy>.+)"
_MONTH_FIRSTS: Final = frozenset(form[0] for form in _MONTH_FORMS)  # the first letters of _MON
_BARE_DAY_RE: Final = r"[0-9]{1,2}"
_BARE_ORD_RE: Final = (_QNUM)

# Keyword phrases (matched against the whole normalised text).
_LEAD: Final = r"(?:постоянно|систематически|регулярно)"
_SPAN: Final = (
    r"(?:(?:в течение|в течении|на протяжении) (?:всего )?"
    r"(?:учебного года|(?:текущего )?года|периода(?: реализации(?: проекта)?)?"
    r"|срока(?: реализации(?: проекта)?)?|проекта|реализации проекта)"
    r"|весь (?:учебный год|год|период(?: реализации(?: проекта)?)?"
    r"|срок(?: реализации(?: проекта)?)?|проект))"
)
_ONGOING_RE: Final = rf"{_LEAD}(?:,? {_SPAN})?|{_SPAN}(?:,? {_LEAD})?"
_UNSCHEDULED_RE: Final = (
    r"(?:по|согласно) (?:отдельному |индивидуальному |утвержденному )?"
    r"(?:графику|плану(?:-графику)?|расписанию)"
    r"|по (?:отдельным |индивидуальным )?(?:графикам|планам)"
    r"|в соответствии с (?:отдельным |утвержденным )?(?:план(?:ом)?-графиком|графиком|планом"
    r"|расписанием)"
    r"|по согласованию|по мере (?:необходимости|готовности|поступления)|по запрос(?:у|ам)"
)
_ONCE: Final = r"(?:не реже )?(?:(?:1|один|одного) )?раза? в "
_TWICE: Final = r"(?:не реже )?(?:2|два|двух) раза? в "
_RECURRING: Final = tuple(
    (rf"(?:{pattern})(?:,? {_SPAN})?", recurrence)
    for pattern, recurrence in (
        (rf"еженедельно|{_ONCE}неделю", "weekly"),
        (rf"ежемесячно|{_ONCE}месяц", "monthly"),
        (rf"ежеквартально|{_ONCE}квартал|(?:4|четыре) раза в год", "quarterly"),
        (rf"ежечетвертно|{_ONCE}четверть|(?:4|четыре) раза в учебный год"
         r"|по итогам (?:каждой )?четверти", "terms"),
        (rf"{_TWICE}(?:учебный )?год|{_ONCE}(?:полгода|полугодие)"
         r"|по итогам (?:каждого )?полугодия", "twice_yearly"),
        (rf"ежегодно|{_ONCE}(?:учебный )?год", "yearly"),
    )
)
"""(regex, recurrence) of the recurring forms."""
_MONTHLY_DAY_RE: Final = (
    r"(?:ежемесячно,? )?до (?P<day>[0-9]{1,2}) числа(?: каждого месяца)?"
)
_YEARLY_IN_RE: Final = rf"ежегодно,? (?:в|во) {_MON}"
_YEARLY_FROM_RE: Final = rf"{_MON},? ежегодно(?: с (?P<y>[0-9]{{4}}))?"
_LIST_SEP_RE: Final = r" ?[,;] ?"
_MARK_RE: Final = r"(?<=[0-9a-zа-яё.)])(?:\*+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)"
_MARK_CHARS: Final = frozenset("*¹²³⁴⁵⁶⁷⁸⁹⁰")



_BEFORE_WORDS: Final = r"(?:в срок |срок )?(?:до|к|не позднее(?: чем)?|не позже(?: чем)?)"
_BEFORE_YEAR_END_RE: Final = rf"{_BEFORE_WORDS} конца (?:текущего )?года"
_BEFORE_RE: Final = rf"{_BEFORE_WORDS}(?: конц[ау])? (?P<rest>.+)"
_PREFIX_RE: Final = r"(?:в течение|в течении|на протяжении|в период|весь|в|во) "

# How every match of a keyword regex above starts (or what it contains): _parse tries a regex
# only on a text that passes its test, since most phrases are dates and match none of them
# (tests/model/test_grammar.py holds every test to its regex).
_ONGOING_STARTS: Final = (  # how _LEAD and _SPAN start
    "постоянно",
    "систематически",
    "регулярно",
    "в течени",
    "на протяжении",
    "весь ",
)
_UNSCHEDULED_STARTS: Final = ("по ", "согласно ", "в соответствии с ")
_RECURRING_HINTS: Final = ("раз", "еже", "итогам", "числа")
"""What every recurring phrase holds: «еженедельно»…, «раз» (_ONCE, _TWICE…), «по итогам»,
«до N числа»."""
_BEFORE_STARTS: Final = ("в срок ", "срок ", "до", "к ", "не позднее", "не позже")
_PREFIX_STARTS: Final = ("в", "на протяжении ")
_FROM_TO_RE: Final = r"(?:в период )?со? (?P<body>.+)"
_FROM_TO_STARTS: Final = ("с", "в период с")  # how every match of _FROM_TO_RE starts
_FROM_TO_SEP_RE: Final = r" (?:по|до) "


# --------------------------------------------------------------------------- points


_PointKind: TypeAlias = Literal["day", "month", "span", "bare"]


class _Point(NamedTuple):
    """One side of a range: a day, a month, a fixed span, or a bare number like «10» in
    «10-14»."""

    kind: _PointKind
    frag: str
    year: int | None = None
    month: int = 0
    day: int = 0
    start: date | None = None
    end: date | None = None
    unit: str = ""  # span: "year" | "quarter" | "half" | "school" | "school_half"


def _check_year(year: int, frag: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise impossible(frag, "year", year=year, min_year=MIN_YEAR, max_year=MAX_YEAR)


def _day_ok(year: int, month: int, day: int) -> bool:
    """Whether :func:`_check_day` lets the day with a year pass (no message built)."""
    return (
        MIN_YEAR <= year <= MAX_YEAR
        and 1 <= month <= 12
        and 1 <= day <= days_in_month(year, month)
    )


def _check_day(year: int | None, month: int, day: int, frag: str) -> None:
    if year is not None:
        _check_year(year, frag)
    if not 1 <= month <= 12:
        raise impossible(frag, "no-month", month=month)
    if day < 1:
        raise impossible(frag, "day-zero")
    if year is None:
        limit = days_in_month(2000, month)  # a leap year: 29.02 may exist
        if day > limit:
            if month == 2:
                raise impossible(frag, "february")
            raise impossible(frag, "month-days", month=month, limit=limit)
        return
    limit = days_in_month(year, month)
    if day > limit:
        raise impossible(frag, "year-days", month=month, year=year, limit=limit)


def _day_point(frag: str, day: int, month: int, year: int | None) -> _Point:
    _check_day(year, month, day, frag)
    return _Point("day", frag, year, month, day)


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, days_in_month(year, month))


def _span(frag: str, unit: str, year: int, start: date, end: date) -> _Point:
    return _Point("span", frag, year, start=start, end=end, unit=unit)


def _quarter(frag: str, year: int, q: int) -> _Point:
    _check_year(year, frag)
    start, _ = _month_bounds(year, 3 * q - 2)
    _, end = _month_bounds(year, 3 * q)
    return _span(frag, "quarter", year, start, end)


def _half(frag: str, year: int, h: int) -> _Point:
    _check_year(year, frag)
    return _span(frag, "half", year, date(year, 6 * h - 5, 1), _month_bounds(year, 6 * h)[1])


def _school_half(frag: str, y1: int, h: int) -> _Point:
    if h == 1:
        return _span(frag, "school_half", y1, date(y1, 9, 1), date(y1, 12, 31))
    return _span(frag, "school_half", y1, date(y1 + 1, 1, 1), date(y1 + 1, 5, 31))


def _ordinal(token: str, words: dict[str, int]) -> int | None:
    m = _re(_NUM_TOKEN_RE).fullmatch(token)
    if m is not None and m["n"] in words:
        return words[m["n"]]
    return words.get(token)


def _school_years(m: re.Match[str], frag: str) -> int:
    y1s = m["y1"] or m["y1b"]
    y2s = m["y2"] or m["y2b"]
    y1 = int(y1s)
    _check_year(y1, frag)
    y2 = int(y2s)
    ok = y2 == y1 + 1 if len(y2s) == 4 else y2 == (y1 + 1) % 100
    if not ok:
        raise bad_school_year(frag)
    _check_year(y1 + 1, frag)
    return y1


def _parse_point(s: str, allow_bare: bool) -> _Point | None:
    """One point (fullmatch), ``None`` if the text has another shape; raises on impossible dates."""
    if not s:
        return None
    # Each regex is tried only if the text passes a cheap test that every match passes.
    first = s[0]
    if first.isdigit():
        if s[4:5] == "-" and (m := _re(_ISO_RE).fullmatch(s)):  # four digits, then the dash
            return _day_point(s, int(m["d"]), int(m["m"]), int(m["y"]))
        if "." in s[1:3] and (m := _re(_DMY_RE).fullmatch(s)):  # one or two digits, then the dot
            ys = m["y"]
            year = None if ys is None else (2000 + int(ys) if len(ys) == 2 else int(ys))
            return _day_point(s, int(m["d"]), int(m["m"]), year)
        if not s.isascii() and (m := _re(_DAY_NAME_RE).fullmatch(s)):  # month names are Cyrillic
            year = None if m["y"] is None else int(m["y"])
            return _day_point(s, int(m["d"]), _MONTH_FORMS[m["mon"]], year)
        if len(s) == 4 and _re(_YEAR_RE).fullmatch(s):
            year = int(s)
            _check_year(year, s)
            return _span(s, "year", year, date(year, 1, 1), date(year, 12, 31))
    elif first in _MONTH_FIRSTS and (m := _re(_MONTH_RE).fullmatch(s)):  # starts with a month name
        year = None if m["y"] is None else int(m["y"])
        if year is not None:
            _check_year(year, s)
        return _Point("month", s, year, _MONTH_FORMS[m["mon"]])
    if "кв" in s and (m := _re(_QUARTER_RE).fullmatch(s)):  # «квартал» or «кв.»
        q = _ordinal(m["q"], _QUARTER_WORDS)
        if q is not None:
            return _quarter(s, int(m["y"]), q)
    has_half = "полугоди" in s
    if has_half and (m := _re(_HALF_RE).fullmatch(s)):
        h = _ordinal(m["h"], _HALF_WORDS)
        if h is not None:
            return _half(s, int(m["y"]), h)
    if "уч" in s and (m := _re(_SCHOOL_RE).fullmatch(s)):  # «учебный» or «уч.»
        y1 = _school_years(m, s)
        return _span(s, "school", y1, date(y1, 9, 1), date(y1 + 1, 8, 31))
    if has_half and (m := _re(_SCHOOL_HALF_RE).fullmatch(s)):
        h = _ordinal(m["h"], _HALF_WORDS)
        sm = _re(_SCHOOL_RE).fullmatch(m["sy"])
        if h is not None and sm is not None:
            return _school_half(s, _school_years(sm, m["sy"]), h)
    if allow_bare and (_re(_BARE_DAY_RE).fullmatch(s) or _re(_BARE_ORD_RE).fullmatch(s)):
        return _Point("bare", s)
    return None


def _school_like(period: Period) -> bool:
    return period.start.month in (8, 9) and period.end.year == period.start.year + 1


def _resolve_year(pt: _Point, period: Period | None, text: str) -> int:
    """The year of a day or month written without one, taken from the enclosing period."""
    if period is None:
        raise needs_year(shown(text), None, "")
    candidates: list[int] = []
    for year in range(max(period.start.year, MIN_YEAR), min(period.end.year, MAX_YEAR) + 1):
        if pt.kind == "day":
            if pt.day > days_in_month(year, pt.month):
                continue
            if period.start <= date(year, pt.month, pt.day) <= period.end:
                candidates.append(year)
        else:
            first, last = _month_bounds(year, pt.month)
            if first <= period.end and last >= period.start:
                candidates.append(year)
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise needs_year(shown(text), period, "outside")
    if _school_like(period):
        year = period.start.year if pt.month >= 9 else period.end.year
        if year in candidates:
            return year
    raise needs_year(shown(text), period, "ambiguous")


def _bounds(pt: _Point, year: int) -> tuple[date, date]:
    if pt.kind == "day":
        if not _day_ok(year, pt.month, pt.day):  # the message fragment only for the error
            _check_day(year, pt.month, pt.day, _day_frag(pt.day, pt.month, year))
        d = date(year, pt.month, pt.day)
        return d, d
    return _month_bounds(year, pt.month)


def _day_frag(day: int, month: int, year: int) -> str:
    return f"{day:02d}.{month:02d}.{year:04d}"


def _interval(pt: _Point, period: Period | None, text: str) -> tuple[date, date]:
    if pt.kind == "span":
        assert pt.start is not None and pt.end is not None
        return pt.start, pt.end
    if pt.kind == "bare":  # pragma: no cover - bare points never stand alone
        raise not_understood(shown(text))
    year = pt.year if pt.year is not None else _resolve_year(pt, period, text)
    return _bounds(pt, year)


def _combine(
    left: _Point, right: _Point, period: Period | None, text: str
) -> tuple[date, date] | None:
    """The range ``left - right``; ``None`` if the two sides do not fit together."""
    r0, r1 = _interval(right, period, text)
    if left.kind == "bare":
        if right.kind == "day" and left.frag.isdigit():
            day = int(left.frag)
            if not _day_ok(r0.year, r0.month, day):  # the message fragment only for the error
                _check_day(r0.year, r0.month, day, _day_frag(day, r0.month, r0.year))
            l0 = l1 = date(r0.year, r0.month, day)
        elif right.unit == "quarter":
            q = _ordinal(left.frag, _QUARTER_WORDS)
            if q is None:
                return None
            l0, l1 = _interval(_quarter(left.frag, r0.year, q), period, text)
        elif right.unit in ("half", "school_half"):
            h = _ordinal(left.frag, _HALF_WORDS)
            if h is None:
                return None
            if right.unit == "half":
                l0, l1 = _interval(_half(left.frag, r0.year, h), period, text)
            else:
                assert right.year is not None
                l0, l1 = _interval(_school_half(left.frag, right.year, h), period, text)
        else:
            return None
    elif (
        left.kind in ("day", "month")
        and left.year is None
        and right.kind in ("day", "month")
        and right.year is not None
    ):
        year = r0.year - 1 if left.month > r0.month else r0.year
        l0, l1 = _bounds(left, year)
    else:
        l0, l1 = _interval(left, period, text)
    if l0 > r1:
        raise reversed_error(shown(text), l0, r1)
    if l0 > r0:
        raise reversed_error(shown(text), l0, r0)
    if l1 > r1:
        raise reversed_error(shown(text), l1, r1)
    return l0, r1


_Attempt: TypeAlias = _Point | DeadlineError | None


def _try_point(s: str, allow_bare: bool) -> _Attempt:
    try:
        return _parse_point(s, allow_bare)
    except DeadlineError as exc:
        return exc


def _best_range(
    pairs: Iterable[tuple[str, str]],
    period: Period | None,
    text: str,
    spaced: bool = False,
) -> tuple[date, date] | None:
    """Try each way to split the text in two; exactly one reading must work."""
    found: set[tuple[date, date]] = set()
    error: DeadlineError | None = None
    for left_s, right_s in pairs:
        right = _try_point(right_s, False)
        if right is None:
            continue
        left = _try_point(left_s, not spaced)
        if left is None:
            continue
        try:
            if isinstance(right, DeadlineError):
                raise right
            if isinstance(left, DeadlineError):
                raise left
            if spaced and not (
                left.kind == right.kind == "day"
                and left.year is not None
                and right.year is not None
            ):
                continue
            result = _combine(left, right, period, text)
        except DeadlineError as exc:
            error = error or exc
            continue
        if result is not None:
            found.add(result)
    if len(found) == 1:
        return found.pop()
    if found:
        raise not_understood(shown(text))
    if error is not None:
        raise error
    return None


def _splits(s: str, sep: str) -> Iterable[tuple[str, str]]:
    i = s.find(sep)
    while i != -1:
        yield s[:i], s[i + len(sep) :]
        i = s.find(sep, i + 1)


def _parse_expr(s: str, period: Period | None, text: str) -> tuple[DeadlineKind, date, date] | None:
    pt = _parse_point(s, False)
    if pt is not None:
        a, b = _interval(pt, period, text)
        return (DeadlineKind.DATE if pt.kind == "day" else DeadlineKind.RANGE), a, b
    result: tuple[date, date] | None = None
    if s.startswith(_FROM_TO_STARTS) and (m := _re(_FROM_TO_RE).fullmatch(s)):
        body = m["body"]
        pairs = [(body[: x.start()], body[x.end() :]) for x in _re(_FROM_TO_SEP_RE).finditer(body)]
        pairs.extend(_splits(body, "-"))
        result = _best_range(pairs, period, text)
    if result is None and "-" in s:
        result = _best_range(_splits(s, "-"), period, text)
    if result is None and " " in s:
        result = _best_range(_splits(s, " "), period, text, spaced=True)
    if result is None:
        return None
    return DeadlineKind.RANGE, result[0], result[1]


# --------------------------------------------------------------------------- recurring, lists


def _recurring(s: str, period: Period | None, text: str) -> Deadline | None:
    """A recurring phrase: every so often (`_RECURRING`), by a day of every month, in a month
    of every year; None for anything else."""
    start, end = _bounded(period)
    for regex, recurrence in _RECURRING:
        if _re(regex).fullmatch(s):
            return Deadline(DeadlineKind.RECURRING, text, start, end, recurrence)
    if "числа" in s and (m := _re(_MONTHLY_DAY_RE).fullmatch(s)):
        day = int(m["day"])
        if not 1 <= day <= 31:
            raise impossible(shown(text), "day-zero" if day < 1 else "no-day", day=day)
        return Deadline(DeadlineKind.RECURRING, text, start, end, "monthly", day=day)
    if "ежегодно" in s:
        m = _re(_YEARLY_IN_RE).fullmatch(s) or _re(_YEARLY_FROM_RE).fullmatch(s)
        if m is not None:
            month = _MONTH_FORMS[m["mon"]]
            if m.groupdict().get("y"):
                year = int(m["y"])
                _check_year(year, shown(text))
                start = max(date(year, month, 1), start) if start else date(year, month, 1)
            return Deadline(DeadlineKind.RECURRING, text, start, end, "yearly", month=month)
    return None


def _dates_list(s: str, period: Period | None, text: str) -> Deadline | None:
    """Dates or months listed in one cell («март 2023, май 2023», «октябрь, декабрь 2022»):
    each is an occurrence. A date or month without a year takes the year of the next one
    that has it (the year before when its month comes later), else the period's."""
    parts = _re(_LIST_SEP_RE).split(s)
    if len(parts) < 2 or not all(parts):
        return None
    points = [_parse_point(part, False) for part in parts]
    if any(pt is None for pt in points):
        return None
    spans: list[tuple[date, date]] = []
    later: date | None = None  # the start of the next date that has its year
    for pt in reversed(points):
        assert pt is not None
        if pt.kind == "span" or pt.year is not None or later is None:
            first, last = _interval(pt, period, text)
        else:
            year = later.year - 1 if pt.month > later.month else later.year
            first, last = _bounds(pt, year)
        spans.append((first, last))
        if pt.kind == "span" or pt.year is not None:
            later = first
    spans.reverse()
    if any(a[1] >= b[0] for a, b in pairwise(spans)):
        raise not_understood(shown(text))  # listed out of order, or overlapping
    return Deadline(DeadlineKind.RECURRING, text, spans[0][0], spans[-1][1], "dates",
                    dates=tuple(Period(a, b) for a, b in spans))


def _without_marks(text: str) -> tuple[str, str | None]:
    """The phrase without the footnote marks glued to it, and the first mark."""
    found = _re(_MARK_RE).search(text.casefold())
    if found is None:
        return text, None
    return _re(_MARK_RE).sub("", text.casefold()), found.group()


# --------------------------------------------------------------------------- entry points


def _bounded(period: Period | None) -> tuple[date | None, date | None]:
    return (None, None) if period is None else (period.start, period.end)


def _parse(text: str, period: Period | None) -> Deadline:
    # ``text`` (the phrase as written) is passed down, and its shortened form for messages,
    # shown(text), is made only when an error is raised.
    s = _normalize(text)
    if not s or len(s) > _MAX_LENGTH:
        raise not_understood(shown(text))
    if s.startswith(_ONGOING_STARTS) and _re(_ONGOING_RE).fullmatch(s):
        return Deadline(DeadlineKind.ONGOING, text, *_bounded(period))
    if s.startswith(_UNSCHEDULED_STARTS) and _re(_UNSCHEDULED_RE).fullmatch(s):
        return Deadline(DeadlineKind.UNSCHEDULED, text, None, None)
    if any(hint in s for hint in _RECURRING_HINTS):
        recurring = _recurring(s, period, text)
        if recurring is not None:
            return recurring
    # «… конца (текущего) года»: the year suffix rule leaves this «года» (no digit before it)
    if s.endswith("года") and _re(_BEFORE_YEAR_END_RE).fullmatch(s):
        if period is None or period.start.year != period.end.year:
            raise needs_year(shown(text), period, "ambiguous")
        end = date(period.end.year, 12, 31)
        return Deadline(DeadlineKind.BEFORE, text, period.start, end)
    if s.startswith(_BEFORE_STARTS) and (m := _re(_BEFORE_RE).fullmatch(s)):
        pt = _parse_point(m["rest"], False)
        if pt is None:
            raise not_understood(shown(text))
        end = _interval(pt, period, text)[1]
        start = period.start if period is not None and period.start <= end else None
        return Deadline(DeadlineKind.BEFORE, text, start, end)
    if s.startswith(_PREFIX_STARTS) and (m := _re(_PREFIX_RE).match(s)):
        s = s[m.end() :]
    parsed = _parse_expr(s, period, text)
    if parsed is None:
        listed = _dates_list(s, period, text) if ("," in s or ";" in s) else None
        if listed is None:
            raise not_understood(shown(text))
        return listed
    kind, start_day, end_day = parsed
    return Deadline(kind, text, start_day, end_day)


@lru_cache(maxsize=65536)
def _parse_cached(text: str, period: Period | None) -> Deadline | DeadlineError:
    try:
        return _parse(text, period)
    except DeadlineError as exc:
        # kept in a global cache: drop the traceback, whose frames (and their callers'
        # frames) would otherwise keep whole plans alive
        return exc.with_traceback(None)


def parse_deadline(text: str, period: Period | None = None) -> Deadline:
    """Parse a deadline phrase; ``period`` is the enclosing stage's or project's period.

    Raises :class:`DeadlineError` when the phrase is not understood, names an impossible date,
    lacks a year that the period cannot supply, or is a reversed range.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_deadline() expects a str, not {type(text).__name__}")
    if not _MARK_CHARS.isdisjoint(text):
        plain, mark = _without_marks(text)
        if mark is not None:
            return parse_deadline(plain, period)._replace(text=text, mark=mark)
    free = _parse_cached(text, None)
    if isinstance(free, Deadline) and period is not None:
        # Understood without a period: every date in it is explicit, so the period only gives
        # the bounds of the kinds that take them. Caching by phrase alone lets plans that
        # share phrases but not periods share the work.
        kind = free.kind
        if kind in (DeadlineKind.DATE, DeadlineKind.RANGE, DeadlineKind.UNSCHEDULED):
            return free
        if kind is DeadlineKind.ONGOING or (
                kind is DeadlineKind.RECURRING and free.recurrence != "dates"):
            start = max(free.start, period.start) if free.start else period.start
            return free._replace(start=start, end=period.end)
        if kind is DeadlineKind.RECURRING:
            return free
        if kind is DeadlineKind.BEFORE and free.end is not None:
            return free._replace(start=period.start if period.start <= free.end else None)
    result = free if period is None else _parse_cached(text, period)
    if isinstance(result, DeadlineError):
        raise DeadlineError(result.code, result.key, hint=result.hint_key, **result.params
                            ) from None
    return result


_DAY_INPUT_RE: Final = (
    r"\s*(?:(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})"
    r"|(?P<d2>[0-9]{1,2})\.(?P<m2>[0-9]{1,2})\.(?P<y2>[0-9]{4}))\s*"
)


def parse_day(text: str) -> date:
    """One calendar day as people type it in an option or a date field: ISO «2022-10-16» or
    Russian «16.10.2022» (the same parser for --as-of, --on, --from, --to). The year must lie
    in MIN_YEAR..MAX_YEAR, as in deadlines. Raises ValueError (with a message in English:
    callers say it in the user's language)."""
    m = _re(_DAY_INPUT_RE).fullmatch(text) if isinstance(text, str) else None
    if m is None:
        raise ValueError(f"not a day: {text!r}")
    if m["y"] is not None:
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    else:
        year, month, day = int(m["y2"]), int(m["m2"]), int(m["d2"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"year {year} outside {MIN_YEAR}-{MAX_YEAR}")
    return date(year, month, day)  # ValueError for a day not in the calendar


def day_and_month(text: str) -> tuple[int, int] | None:
    """(day, month) of a yearly day written DD.MM («25.12», a final dot allowed: the cluster
    report days of `rules.report_due`), or None for any other text. The numbers are not
    checked against the calendar: «31.02» gives (31, 2)."""
    parts = text.strip().rstrip(".").split(".")
    if len(parts) != 2 or not all(p.strip().isdigit() for p in parts):
        return None
    return int(parts[0]), int(parts[1])


def parse_period(text: str, period: Period | None = None) -> Period:
    """Parse the ``period:`` of a project or stage: a phrase that denotes a bounded interval."""
    deadline = parse_deadline(text, period)
    if deadline.kind in DATED and deadline.start is not None and deadline.end is not None:
        return Period(deadline.start, deadline.end)
    why = "end-only" if deadline.kind is DeadlineKind.BEFORE else "not-a-period"
    raise DeadlineError("not_a_period", "deadline.period." + why, phrase=shown(text),
                        hint="deadline.period.hint")
