"""Table-driven tests of the deadline grammar (clusterctl.model.grammar)."""

from __future__ import annotations

import pickle
from datetime import date

import pytest

from clusterctl.errors import DeadlineError
from clusterctl.model.deadlines import Deadline, DeadlineKind, Period, period
from clusterctl.model.grammar import parse_deadline, parse_period

D = date
DATE = DeadlineKind.DATE
RANGE = DeadlineKind.RANGE
BEFORE = DeadlineKind.BEFORE
ONGOING = DeadlineKind.ONGOING
UNSCHEDULED = DeadlineKind.UNSCHEDULED
RECURRING = DeadlineKind.RECURRING

SCHOOL = Period(D(2022, 9, 1), D(2023, 8, 31))  # a school year
SCHOOL_MAY = Period(D(2022, 9, 1), D(2023, 5, 31))  # a school year that ends with lessons
CALENDAR = Period(D(2022, 1, 1), D(2022, 12, 31))  # a calendar year
MULTI = Period(D(2022, 1, 1), D(2024, 12, 31))  # several calendar years
LATE = Period(D(2025, 1, 1), D(2025, 12, 31))  # starts after the dates used below

Row = tuple[str, DeadlineKind, date | None, date | None]


def check(text: str, kind: DeadlineKind, start: date | None, end: date | None, period=None):
    got = parse_deadline(text, period)
    assert (got.kind, got.start, got.end) == (kind, start, end), got
    assert got.text == text
    return got


# --------------------------------------------------------------------------- real phrases

REAL: list[Row] = [
    ("До 26.09.2022", BEFORE, None, D(2022, 9, 26)),
    ("10.10.2022 - 14.10.2022", RANGE, D(2022, 10, 10), D(2022, 10, 14)),
    ("10.10.2022 15.10.2022", RANGE, D(2022, 10, 10), D(2022, 10, 15)),
    ("15.06.2023- 20.06.2023", RANGE, D(2023, 6, 15), D(2023, 6, 20)),
    ("15.01.2023-20.01.2023", RANGE, D(2023, 1, 15), D(2023, 1, 20)),
    ("Постоянно в течение года", ONGOING, None, None),
    ("По отдельному графику", UNSCHEDULED, None, None),
    ("В течение года (в соответствии с отдельными планами)", ONGOING, None, None),
    ("Январь-февраль 2014", RANGE, D(2014, 1, 1), D(2014, 2, 28)),
    ("Март 2014", RANGE, D(2014, 3, 1), D(2014, 3, 31)),
    ("Март-май 2014", RANGE, D(2014, 3, 1), D(2014, 5, 31)),
    ("Сентябрь 2014-\nмай 2015", RANGE, D(2014, 9, 1), D(2015, 5, 31)),
    ("Сентябрь-ноябрь  2015", RANGE, D(2015, 9, 1), D(2015, 11, 30)),
    ("Сентябрь 2016", RANGE, D(2016, 9, 1), D(2016, 9, 30)),
    ("август 2024г. – октябрь 2027 г.", RANGE, D(2024, 8, 1), D(2027, 10, 31)),
    ("октябрь 2027 г.- январь 2028г.", RANGE, D(2027, 10, 1), D(2028, 1, 31)),
    ("сентябрь-декабрь 2014 г.", RANGE, D(2014, 9, 1), D(2014, 12, 31)),
    ("январь 2015 г. – март 2017 г.", RANGE, D(2015, 1, 1), D(2017, 3, 31)),
    ("апрель-май 2017 г.", RANGE, D(2017, 4, 1), D(2017, 5, 31)),
    ("2022-2023 учебный год", RANGE, D(2022, 9, 1), D(2023, 8, 31)),
    ("2014-2015", RANGE, D(2014, 1, 1), D(2015, 12, 31)),
]


@pytest.mark.parametrize(("text", "kind", "start", "end"), REAL)
def test_real_phrases(text: str, kind: DeadlineKind, start: date | None, end: date | None):
    check(text, kind, start, end)


# --------------------------------------------------------------------------- single dates

SINGLE: list[tuple[str, date]] = [
    ("2022-09-26", D(2022, 9, 26)),
    ("2022-9-6", D(2022, 9, 6)),
    ("26.09.2022", D(2022, 9, 26)),
    ("26.09.22", D(2022, 9, 26)),
    ("6.9.2022", D(2022, 9, 6)),
    ("06.09.2022", D(2022, 9, 6)),
    ("26.09.2022 г.", D(2022, 9, 26)),
    ("26.09.2022г", D(2022, 9, 26)),
    ("26.09.2022 года", D(2022, 9, 26)),
    ("26.09.2022.", D(2022, 9, 26)),
    ("26.09.2022;", D(2022, 9, 26)),
    ("  26.09.2022  ", D(2022, 9, 26)),
    ("26 сентября 2022 г.", D(2022, 9, 26)),
    ("26 сентября 2022", D(2022, 9, 26)),
    ("26 сентября 2022 года", D(2022, 9, 26)),
    ("26 Сентябрь 2022", D(2022, 9, 26)),
    ("26 сен 2022", D(2022, 9, 26)),
    ("26 сент. 2022", D(2022, 9, 26)),
    ("26 СЕНТ. 2022 Г.", D(2022, 9, 26)),
    ("5 янв. 2023", D(2023, 1, 5)),
    ("1 мая 2023", D(2023, 5, 1)),
    ("1 марта 2023", D(2023, 3, 1)),
    ("31 декабря 2023 г.", D(2023, 12, 31)),
    ("3 февр. 2023", D(2023, 2, 3)),
    ("7 нояб. 2023", D(2023, 11, 7)),
    ("26\u00a0сентября\u00a02022\u00a0г.", D(2022, 9, 26)),
    ("26 сентября\n2022", D(2022, 9, 26)),
    ("29.02.2024", D(2024, 2, 29)),
    ("29 февраля 2024 года", D(2024, 2, 29)),
    ("01.01.2000", D(2000, 1, 1)),
    ("в течение 26.09.2022", D(2022, 9, 26)),
    ("26.09.2022 (предварительно)", D(2022, 9, 26)),
]


@pytest.mark.parametrize(("text", "day"), SINGLE)
def test_single_dates(text: str, day: date):
    got = check(text, DATE, day, day)
    assert got.due == day
    assert got.recurrence is None


# --------------------------------------------------------------------------- before

BEFORES: list[tuple[str, date]] = [
    ("до 26.09.2022", D(2022, 9, 26)),
    ("ДО 26.09.2022", D(2022, 9, 26)),
    ("до 26.09.2022 г.", D(2022, 9, 26)),
    ("до 2022-09-26", D(2022, 9, 26)),
    ("до 26 сентября 2022 года", D(2022, 9, 26)),
    ("до 26.09.2022 включительно", D(2022, 9, 26)),
    ("до 26.09.2022 включительно.", D(2022, 9, 26)),
    ("не позднее 26.09.2022", D(2022, 9, 26)),
    ("Не позднее 26 сентября 2022 г.", D(2022, 9, 26)),
    ("не позднее чем 26.09.2022", D(2022, 9, 26)),
    ("не позже 26.09.2022", D(2022, 9, 26)),
    ("в срок до 26.09.2022", D(2022, 9, 26)),
    ("срок до 26.09.2022", D(2022, 9, 26)),
    ("до  26.09.22", D(2022, 9, 26)),
    ("до конца 2022 года", D(2022, 12, 31)),
    ("до конца 2022 г.", D(2022, 12, 31)),
    ("до конца сентября 2022", D(2022, 9, 30)),
    ("до конца февраля 2024 г.", D(2024, 2, 29)),
    ("до сентября 2022", D(2022, 9, 30)),  # documented: end of the month
    ("до 2025 года", D(2025, 12, 31)),  # documented: end of the year
    ("до конца I квартала 2023", D(2023, 3, 31)),
    ("до 2022-2023 учебного года", D(2023, 8, 31)),
    ("до 26.09.2022 (по согласованию)", D(2022, 9, 26)),
]


@pytest.mark.parametrize(("text", "end"), BEFORES)
def test_before(text: str, end: date):
    got = check(text, BEFORE, None, end)
    assert got.due == end


def test_before_takes_start_from_period():
    check("до 26.09.2022", BEFORE, D(2022, 9, 1), D(2022, 9, 26), SCHOOL)
    check("не позднее 15.03.2023", BEFORE, D(2022, 9, 1), D(2023, 3, 15), SCHOOL)


def test_before_with_period_starting_later_has_no_start():
    check("до 26.09.2022", BEFORE, None, D(2022, 9, 26), LATE)


def test_before_end_of_year_uses_single_year_period():
    check("до конца года", BEFORE, D(2022, 1, 1), D(2022, 12, 31), CALENDAR)
    check("до конца текущего года", BEFORE, D(2022, 1, 1), D(2022, 12, 31), CALENDAR)


def test_before_without_year_uses_period():
    check("до 26 сентября", BEFORE, D(2022, 9, 1), D(2022, 9, 26), SCHOOL)
    check("до конца марта", BEFORE, D(2022, 9, 1), D(2023, 3, 31), SCHOOL)
    check("до 15.05", BEFORE, D(2022, 1, 1), D(2022, 5, 15), CALENDAR)


# --------------------------------------------------------------------------- ranges

RANGES: list[Row] = [
    # dashes and spacing
    ("10.10.2022-14.10.2022", RANGE, D(2022, 10, 10), D(2022, 10, 14)),
    ("10.10.2022 – 14.10.2022", RANGE, D(2022, 10, 10), D(2022, 10, 14)),
    ("10.10.2022—14.10.2022", RANGE, D(2022, 10, 10), D(2022, 10, 14)),
    ("10.10.2022 − 14.10.2022", RANGE, D(2022, 10, 10), D(2022, 10, 14)),
    ("10.10.2022 -14.10.2022", RANGE, D(2022, 10, 10), D(2022, 10, 14)),
    ("10.10.2022 г. - 14.10.2022 г.", RANGE, D(2022, 10, 10), D(2022, 10, 14)),
    ("10.10.2022\n-\n14.10.2022", RANGE, D(2022, 10, 10), D(2022, 10, 14)),
    ("10.10.2022   15.10.2022", RANGE, D(2022, 10, 10), D(2022, 10, 15)),
    ("2022-10-10 - 2022-10-14", RANGE, D(2022, 10, 10), D(2022, 10, 14)),
    ("2022-10-10–2022-10-14", RANGE, D(2022, 10, 10), D(2022, 10, 14)),
    ("2022-10-10 2022-10-14", RANGE, D(2022, 10, 10), D(2022, 10, 14)),
    ("10.10.2022 - 10.10.2022", RANGE, D(2022, 10, 10), D(2022, 10, 10)),
    ("26 сентября 2022 30 сентября 2022", RANGE, D(2022, 9, 26), D(2022, 9, 30)),
    ("26 сентября 2022 г. – 3 октября 2022 г.", RANGE, D(2022, 9, 26), D(2022, 10, 3)),
    # с ... по / до
    ("с 10.10.2022 по 14.10.2022", RANGE, D(2022, 10, 10), D(2022, 10, 14)),
    ("С 10.10.2022 до 14.10.2022", RANGE, D(2022, 10, 10), D(2022, 10, 14)),
    ("с 10.10.2022 - 14.10.2022", RANGE, D(2022, 10, 10), D(2022, 10, 14)),
    ("в период с 10.10.2022 по 14.10.2022", RANGE, D(2022, 10, 10), D(2022, 10, 14)),
    ("с 10 по 14 октября 2022 г.", RANGE, D(2022, 10, 10), D(2022, 10, 14)),
    ("со 2 по 5 сентября 2022", RANGE, D(2022, 9, 2), D(2022, 9, 5)),
    ("с сентября 2014 по май 2015", RANGE, D(2014, 9, 1), D(2015, 5, 31)),
    ("с 1 сентября по 31 декабря 2022 г.", RANGE, D(2022, 9, 1), D(2022, 12, 31)),
    # days inside one month
    ("10-14 октября 2022", RANGE, D(2022, 10, 10), D(2022, 10, 14)),
    ("10 – 14 октября 2022 г.", RANGE, D(2022, 10, 10), D(2022, 10, 14)),
    ("10–14.10.2022", RANGE, D(2022, 10, 10), D(2022, 10, 14)),
    ("10-14.10.22", RANGE, D(2022, 10, 10), D(2022, 10, 14)),
    ("10.10-14.10.2022", RANGE, D(2022, 10, 10), D(2022, 10, 14)),
    ("10 октября - 14 ноября 2022", RANGE, D(2022, 10, 10), D(2022, 11, 14)),
    ("31.12-10.01.2023", RANGE, D(2022, 12, 31), D(2023, 1, 10)),  # documented
    # months
    ("март 2014", RANGE, D(2014, 3, 1), D(2014, 3, 31)),
    ("МАРТ 2014 Г.", RANGE, D(2014, 3, 1), D(2014, 3, 31)),
    ("в марте 2014", RANGE, D(2014, 3, 1), D(2014, 3, 31)),
    ("в марте 2014 года", RANGE, D(2014, 3, 1), D(2014, 3, 31)),
    ("февраль 2024", RANGE, D(2024, 2, 1), D(2024, 2, 29)),
    ("февраль 2023", RANGE, D(2023, 2, 1), D(2023, 2, 28)),
    ("сент. 2022", RANGE, D(2022, 9, 1), D(2022, 9, 30)),
    ("в течение сентября-октября 2022", RANGE, D(2022, 9, 1), D(2022, 10, 31)),
    ("сентябрь 2014 г. – май 2015 г.", RANGE, D(2014, 9, 1), D(2015, 5, 31)),
    ("Сентябрь 2014 – Май 2015", RANGE, D(2014, 9, 1), D(2015, 5, 31)),
    ("сентябрь-май 2015", RANGE, D(2014, 9, 1), D(2015, 5, 31)),  # documented
    ("декабрь-январь 2015", RANGE, D(2014, 12, 1), D(2015, 1, 31)),  # documented
    ("сентябрь - 15 октября 2022", RANGE, D(2022, 9, 1), D(2022, 10, 15)),
    # years
    ("2014", RANGE, D(2014, 1, 1), D(2014, 12, 31)),
    ("2014 год", RANGE, D(2014, 1, 1), D(2014, 12, 31)),
    ("2014 г.", RANGE, D(2014, 1, 1), D(2014, 12, 31)),
    ("в 2014 году", RANGE, D(2014, 1, 1), D(2014, 12, 31)),
    ("в течение 2014 года", RANGE, D(2014, 1, 1), D(2014, 12, 31)),
    ("весь 2014 год", RANGE, D(2014, 1, 1), D(2014, 12, 31)),
    ("2009 - 2011 гг.", RANGE, D(2009, 1, 1), D(2011, 12, 31)),
    ("2022-2023 гг.", RANGE, D(2022, 1, 1), D(2023, 12, 31)),
    ("2022–2023 гг", RANGE, D(2022, 1, 1), D(2023, 12, 31)),
    ("2014 – 2015 годы", RANGE, D(2014, 1, 1), D(2015, 12, 31)),
    ("в 2014-2015 годах", RANGE, D(2014, 1, 1), D(2015, 12, 31)),
    # quarters
    ("I квартал 2023", RANGE, D(2023, 1, 1), D(2023, 3, 31)),
    ("1 кв. 2023", RANGE, D(2023, 1, 1), D(2023, 3, 31)),
    ("1 кв 2023", RANGE, D(2023, 1, 1), D(2023, 3, 31)),
    ("3 кв. 2024", RANGE, D(2024, 7, 1), D(2024, 9, 30)),
    ("II квартал 2023", RANGE, D(2023, 4, 1), D(2023, 6, 30)),
    ("III квартал 2023 г.", RANGE, D(2023, 7, 1), D(2023, 9, 30)),
    ("IV квартал 2023 года", RANGE, D(2023, 10, 1), D(2023, 12, 31)),
    ("1-й квартал 2023", RANGE, D(2023, 1, 1), D(2023, 3, 31)),
    ("первый квартал 2023", RANGE, D(2023, 1, 1), D(2023, 3, 31)),
    ("в первом квартале 2023 года", RANGE, D(2023, 1, 1), D(2023, 3, 31)),
    ("в IV квартале 2023", RANGE, D(2023, 10, 1), D(2023, 12, 31)),
    ("i квартал 2023", RANGE, D(2023, 1, 1), D(2023, 3, 31)),
    ("\u0406 квартал 2023", RANGE, D(2023, 1, 1), D(2023, 3, 31)),  # Cyrillic «І»
    ("I-II квартал 2023", RANGE, D(2023, 1, 1), D(2023, 6, 30)),
    ("III–IV кв. 2023", RANGE, D(2023, 7, 1), D(2023, 12, 31)),
    ("I квартал 2023 - II квартал 2024", RANGE, D(2023, 1, 1), D(2024, 6, 30)),
    # half-years
    ("I полугодие 2023", RANGE, D(2023, 1, 1), D(2023, 6, 30)),
    ("II полугодие 2023", RANGE, D(2023, 7, 1), D(2023, 12, 31)),
    ("2 полугодие 2023", RANGE, D(2023, 7, 1), D(2023, 12, 31)),
    ("2-е полугодие 2023 г.", RANGE, D(2023, 7, 1), D(2023, 12, 31)),
    ("первое полугодие 2023", RANGE, D(2023, 1, 1), D(2023, 6, 30)),
    ("Второе полугодие 2023 года", RANGE, D(2023, 7, 1), D(2023, 12, 31)),
    ("во втором полугодии 2023", RANGE, D(2023, 7, 1), D(2023, 12, 31)),
    # school years
    ("2022-2023 учебный год", RANGE, D(2022, 9, 1), D(2023, 8, 31)),
    ("2022/23 уч. год", RANGE, D(2022, 9, 1), D(2023, 8, 31)),
    ("2022/2023 учебный год", RANGE, D(2022, 9, 1), D(2023, 8, 31)),
    ("2022-2023 уч.г.", RANGE, D(2022, 9, 1), D(2023, 8, 31)),
    ("2022-2023 уч. г.", RANGE, D(2022, 9, 1), D(2023, 8, 31)),
    ("2022–2023 учебного года", RANGE, D(2022, 9, 1), D(2023, 8, 31)),
    ("2022 - 2023 учебный год", RANGE, D(2022, 9, 1), D(2023, 8, 31)),
    ("в 2022-2023 учебном году", RANGE, D(2022, 9, 1), D(2023, 8, 31)),
    ("в течение 2022-2023 учебного года", RANGE, D(2022, 9, 1), D(2023, 8, 31)),
    ("учебный год 2022-2023", RANGE, D(2022, 9, 1), D(2023, 8, 31)),
    ("1999/00 уч. год", RANGE, D(1999, 9, 1), D(2000, 8, 31)),
    ("I полугодие 2022-2023 учебного года", RANGE, D(2022, 9, 1), D(2022, 12, 31)),
    ("II полугодие 2022-2023 учебного года", RANGE, D(2023, 1, 1), D(2023, 5, 31)),
    ("2 полугодие 2022/23 уч. года", RANGE, D(2023, 1, 1), D(2023, 5, 31)),
    ("I-II полугодие 2022-2023 учебного года", RANGE, D(2022, 9, 1), D(2023, 5, 31)),
    ("2022-2023 учебный год - 2023-2024 учебный год", RANGE, D(2022, 9, 1), D(2024, 8, 31)),
]


@pytest.mark.parametrize(("text", "kind", "start", "end"), RANGES)
def test_ranges(text: str, kind: DeadlineKind, start: date, end: date):
    got = check(text, kind, start, end)
    assert got.due == end


# --------------------------------------------------------------------------- no year: period

NO_YEAR: list[tuple[str, Period, date, date]] = [
    # school year: September-December in the first year, January-August in the second
    ("Март", SCHOOL, D(2023, 3, 1), D(2023, 3, 31)),
    ("сентябрь", SCHOOL, D(2022, 9, 1), D(2022, 9, 30)),
    ("Январь-февраль", SCHOOL, D(2023, 1, 1), D(2023, 2, 28)),
    ("сентябрь-май", SCHOOL, D(2022, 9, 1), D(2023, 5, 31)),
    ("Сентябрь – декабрь", SCHOOL, D(2022, 9, 1), D(2022, 12, 31)),
    ("октябрь-ноябрь", SCHOOL_MAY, D(2022, 10, 1), D(2022, 11, 30)),
    ("август", SCHOOL, D(2023, 8, 1), D(2023, 8, 31)),
    ("в марте", SCHOOL, D(2023, 3, 1), D(2023, 3, 31)),
    ("26 сентября", SCHOOL, D(2022, 9, 26), D(2022, 9, 26)),
    ("15 января", SCHOOL, D(2023, 1, 15), D(2023, 1, 15)),
    ("26.09", SCHOOL, D(2022, 9, 26), D(2022, 9, 26)),
    ("10-14 октября", SCHOOL, D(2022, 10, 10), D(2022, 10, 14)),
    ("с 10 по 14 января", SCHOOL, D(2023, 1, 10), D(2023, 1, 14)),
    ("сентябрь 2022 - май", SCHOOL, D(2022, 9, 1), D(2023, 5, 31)),
    # a school year that starts in August and overlaps the next August
    ("август", Period(D(2022, 8, 25), D(2023, 8, 31)), D(2023, 8, 1), D(2023, 8, 31)),
    ("сентябрь", Period(D(2022, 8, 25), D(2023, 9, 30)), D(2022, 9, 1), D(2022, 9, 30)),
    # calendar year
    ("Март", CALENDAR, D(2022, 3, 1), D(2022, 3, 31)),
    ("Январь-февраль", CALENDAR, D(2022, 1, 1), D(2022, 2, 28)),
    ("сентябрь-декабрь", CALENDAR, D(2022, 9, 1), D(2022, 12, 31)),
    ("26 сентября", CALENDAR, D(2022, 9, 26), D(2022, 9, 26)),
    ("26.09", CALENDAR, D(2022, 9, 26), D(2022, 9, 26)),
    # a period of a few months that crosses the new year
    ("январь", Period(D(2022, 11, 1), D(2023, 2, 28)), D(2023, 1, 1), D(2023, 1, 31)),
    ("29 февраля", Period(D(2023, 9, 1), D(2024, 8, 31)), D(2024, 2, 29), D(2024, 2, 29)),
]


@pytest.mark.parametrize(("text", "period", "start", "end"), NO_YEAR)
def test_months_and_days_without_year(text: str, period: Period, start: date, end: date):
    got = parse_deadline(text, period)
    assert (got.start, got.end) == (start, end)
    assert got.kind in (DATE, RANGE)


# --------------------------------------------------------------------------- keyword phrases

KEYWORDS: list[tuple[str, DeadlineKind, str | None]] = [
    ("постоянно", ONGOING, None),
    ("Постоянно", ONGOING, None),
    ("ПОСТОЯННО В ТЕЧЕНИЕ ГОДА", ONGOING, None),
    ("постоянно, в течение года", ONGOING, None),
    ("в течение года", ONGOING, None),
    ("В течение года.", ONGOING, None),
    ("в течении года", ONGOING, None),
    ("в течение всего года", ONGOING, None),
    ("в течение всего периода", ONGOING, None),
    ("в течение учебного года", ONGOING, None),
    ("в течение всего учебного года", ONGOING, None),
    ("в течение проекта", ONGOING, None),
    ("в течение всего срока реализации проекта", ONGOING, None),
    ("на протяжении всего проекта", ONGOING, None),
    ("весь период", ONGOING, None),
    ("весь учебный год", ONGOING, None),
    ("систематически", ONGOING, None),
    ("регулярно", ONGOING, None),
    ("в течение года постоянно", ONGOING, None),
    ("в течение года (в соответствии с отдельными планами)", ONGOING, None),
    ("в\u00a0течение\nгода", ONGOING, None),
    ("по отдельному графику", UNSCHEDULED, None),
    ("По графику", UNSCHEDULED, None),
    ("по плану", UNSCHEDULED, None),
    ("по отдельному плану", UNSCHEDULED, None),
    ("по отдельным планам", UNSCHEDULED, None),
    ("по согласованию", UNSCHEDULED, None),
    ("по мере необходимости", UNSCHEDULED, None),
    ("по мере готовности", UNSCHEDULED, None),
    ("по запросу", UNSCHEDULED, None),
    ("по отдельному графику (см. приложение 2)", UNSCHEDULED, None),
    ("еженедельно", RECURRING, "weekly"),
    ("1 раз в неделю", RECURRING, "weekly"),
    ("ежемесячно", RECURRING, "monthly"),
    ("1 раз в месяц", RECURRING, "monthly"),
    ("раз в месяц", RECURRING, "monthly"),
    ("не реже 1 раза в месяц", RECURRING, "monthly"),
    ("ежеквартально", RECURRING, "quarterly"),
    ("Ежеквартально", RECURRING, "quarterly"),
    ("1 раз в четверть", RECURRING, "terms"),
    ("раз в квартал", RECURRING, "quarterly"),
    ("один раз в квартал", RECURRING, "quarterly"),
    ("4 раза в год", RECURRING, "quarterly"),
    ("2 раза в год", RECURRING, "twice_yearly"),
    ("два раза в год", RECURRING, "twice_yearly"),
    ("раз в полгода", RECURRING, "twice_yearly"),
    ("1 раз в полугодие", RECURRING, "twice_yearly"),
    ("ежегодно", RECURRING, "yearly"),
    ("1 раз в год", RECURRING, "yearly"),
    ("раз в год", RECURRING, "yearly"),
    ("ежемесячно в течение года", RECURRING, "monthly"),
    ("Ежеквартально (отчёт)", RECURRING, "quarterly"),
]


@pytest.mark.parametrize(("text", "kind", "recurrence"), KEYWORDS)
def test_keyword_phrases(text: str, kind: DeadlineKind, recurrence: str | None):
    got = parse_deadline(text)
    assert (got.kind, got.start, got.end, got.recurrence) == (kind, None, None, recurrence)
    assert got.due is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [("постоянно", ONGOING), ("ежемесячно", RECURRING), ("по плану", UNSCHEDULED)],
)
def test_keyword_phrases_with_period(text: str, kind: DeadlineKind):
    got = parse_deadline(text, SCHOOL)
    assert got.kind is kind
    if kind is UNSCHEDULED:
        assert (got.start, got.end) == (None, None)
    else:
        assert (got.start, got.end) == (SCHOOL.start, SCHOOL.end)
    assert got.due is None


# --------------------------------------------------------------------------- errors

ERRORS: list[tuple[str, str]] = [
    # not understood: never guess
    ("скоро", "not_understood"),
    ("весной", "not_understood"),
    ("2022-09", "not_understood"),
    ("в 2022 или 2023", "not_understood"),
    ("до 26.09.2022 и 30.09.2022", "not_understood"),
    ("", "not_understood"),
    ("   ", "not_understood"),
    (".", "not_understood"),
    ("(уточняется)", "not_understood"),
    ("Выполнить задачу", "not_understood"),
    ("30.09.2022, 26.09.2022", "not_understood"),  # a list out of order
    ("26.09.2022 и 30.09.2022", "not_understood"),
    ("26.09.202", "not_understood"),
    ("26/09/2022", "not_understood"),
    ("по 26.09.2022", "not_understood"),
    ("после 26.09.2022", "not_understood"),
    ("2022-2024 учебный год", "not_understood"),
    ("2022/24 уч. год", "not_understood"),
    ("V квартал 2023", "not_understood"),
    ("5 кв. 2023", "not_understood"),
    ("III полугодие 2023", "not_understood"),
    ("10.10.2022 - 14.10.2022 - 20.10.2022", "not_understood"),
    ("2022-2023-2024", "not_understood"),
    ("сентябрь 2014 май 2015", "not_understood"),  # spaces-only ranges need full dates
    ("12", "not_understood"),
    ("до", "not_understood"),
    ("до скорого", "not_understood"),
    ("1" * 300, "not_understood"),
    ("до конца учебного года", "not_understood"),
    # impossible dates
    ("31.02.2023", "impossible_date"),
    ("2023-13-01", "impossible_date"),
    ("32.01.2023", "impossible_date"),
    ("29.02.2023", "impossible_date"),
    ("00.01.2023", "impossible_date"),
    ("31.04.2023", "impossible_date"),
    ("31 сентября 2022", "impossible_date"),
    ("30 февраля", "impossible_date"),
    ("31.06", "impossible_date"),
    ("01.01.2500", "impossible_date"),
    ("до 31.02.2023", "impossible_date"),
    ("10.10.2022 - 31.11.2022", "impossible_date"),
    ("30-31 ноября 2022", "impossible_date"),
    ("29 февраля 2023 г.", "impossible_date"),
    # reversed ranges
    ("14.10.2022 - 10.10.2022", "reversed_range"),
    ("14-10 октября 2022", "reversed_range"),
    ("май 2015 - сентябрь 2014", "reversed_range"),
    ("2015-2014", "reversed_range"),
    ("с 14.10.2022 по 10.10.2022", "reversed_range"),
    ("20 октября - 10 октября 2022", "reversed_range"),
    ("II-I квартал 2023", "reversed_range"),
    # needs a year
    ("26.09", "needs_year"),
    ("Март", "needs_year"),
    ("26 сентября", "needs_year"),
    ("Январь-февраль", "needs_year"),
    ("до 26 сентября", "needs_year"),
    ("до конца года", "needs_year"),
    ("10-14 октября", "needs_year"),
]


@pytest.mark.parametrize(("text", "code"), ERRORS)
def test_errors(text: str, code: str):
    with pytest.raises(DeadlineError) as info:
        parse_deadline(text)
    err = info.value
    assert err.code == code
    assert str(err) == err.describe("en")
    for message in (err.describe("ru"), err.describe("en"), err.hint("ru"), err.hint("en")):
        assert isinstance(message, str) and message.strip()


PERIOD_ERRORS: list[tuple[str, Period, str]] = [
    ("Март", MULTI, "needs_year"),  # March of 2022, 2023 or 2024?
    ("26 сентября", MULTI, "needs_year"),
    ("июль", SCHOOL_MAY, "needs_year"),  # not inside the period
    ("сентябрь-май", CALENDAR, "reversed_range"),  # both months resolved inside 2022
    ("до конца года", SCHOOL, "needs_year"),
    ("до конца года", MULTI, "needs_year"),
    ("29 февраля", SCHOOL, "needs_year"),  # 2023 is not a leap year
    ("сентябрь", Period(D(2022, 1, 1), D(2023, 12, 31)), "needs_year"),  # not school-like
]


@pytest.mark.parametrize(("text", "period", "code"), PERIOD_ERRORS)
def test_errors_with_period(text: str, period: Period, code: str):
    with pytest.raises(DeadlineError) as info:
        parse_deadline(text, period)
    assert info.value.code == code


def test_error_messages_are_plain_russian():
    with pytest.raises(DeadlineError) as info:
        parse_deadline("31.02.2023")
    assert info.value.describe("ru") == "Дата 31.02.2023 не существует: в феврале 2023 года 28 дней."
    assert "February 2023 has 28 days" in info.value.describe("en")

    with pytest.raises(DeadlineError) as info:
        parse_deadline("32.01.2023")
    assert info.value.describe("ru").endswith("в январе 2023 года 31 день.")

    with pytest.raises(DeadlineError) as info:
        parse_deadline("скоро")
    err = info.value
    assert err.describe("ru") == "Срок «скоро» не распознан."
    assert "«26.09.2022»" in err.hint("ru") and "«10.10.2022 - 14.10.2022»" in err.hint("ru")
    assert "«до 26.09.2022»" in err.hint("ru")

    with pytest.raises(DeadlineError) as info:
        parse_deadline("14.10.2022 - 10.10.2022")
    assert "14.10.2022" in info.value.describe("ru") and "10.10.2022" in info.value.describe("ru")
    assert "10.10.2022 - 14.10.2022" in info.value.hint("ru")

    with pytest.raises(DeadlineError) as info:
        parse_deadline("Март")
    assert "год" in info.value.describe("ru") and "март 2023" in info.value.hint("ru")

    with pytest.raises(DeadlineError) as info:
        parse_deadline("Март", MULTI)
    assert "01.01.2022–31.12.2024" in info.value.describe("ru")


def test_error_is_a_value_error_and_pickles():
    with pytest.raises(ValueError):
        parse_deadline("скоро")
    with pytest.raises(DeadlineError) as info:
        parse_deadline("31.02.2023")
    err = info.value
    assert str(err) == err.describe("en")
    copy = pickle.loads(pickle.dumps(err))
    said = [(e.code, e.describe(lang), e.hint(lang)) for e in (err, copy) for lang in ("ru", "en")]
    assert said[:2] == said[2:]
    assert copy.describe("ru") == "Дата 31.02.2023 не существует: в феврале 2023 года 28 дней."


def test_errors_are_fresh_each_time():
    errors = []
    for _ in range(2):
        with pytest.raises(DeadlineError) as info:
            parse_deadline("скоро")
        errors.append(info.value)
    assert errors[0] is not errors[1]
    assert errors[0].code == errors[1].code


def test_non_string_input_is_a_type_error():
    with pytest.raises(TypeError):
        parse_deadline(date(2022, 9, 26))  # type: ignore[arg-type]


# --------------------------------------------------------------------------- API details


def test_kind_values_are_lowercase_names():
    for kind in DeadlineKind:
        assert kind.value == kind.name.lower()
        assert isinstance(kind, str)


def test_text_is_kept_exactly():
    text = "  Сентябрь 2014-\nмай 2015 г. "
    assert parse_deadline(text).text == text


def test_to_dict():
    got = parse_deadline("10.10.2022 - 14.10.2022")
    assert got.to_dict() == {
        "kind": "range",
        "text": "10.10.2022 - 14.10.2022",
        "start": "2022-10-10",
        "end": "2022-10-14",
        "recurrence": None,
    }
    assert parse_deadline("ежемесячно").to_dict() == {
        "kind": "recurring",
        "text": "ежемесячно",
        "start": None,
        "end": None,
        "recurrence": "monthly",
    }


def test_due_is_inclusive_end():
    assert parse_deadline("До 26.09.2022").due == D(2022, 9, 26)
    assert parse_deadline("Март 2014").due == D(2014, 3, 31)
    assert parse_deadline("постоянно", SCHOOL).due is None


def test_deadline_and_period_are_frozen_and_hashable():
    got = parse_deadline("26.09.2022")
    with pytest.raises(AttributeError):
        got.end = D(2023, 1, 1)  # type: ignore[misc]
    assert {got, Deadline(DATE, "26.09.2022", D(2022, 9, 26), D(2022, 9, 26))} == {got}
    assert len({SCHOOL, Period(D(2022, 9, 1), D(2023, 8, 31))}) == 1


def test_reversed_period_is_rejected():
    with pytest.raises(DeadlineError) as info:
        period(D(2023, 1, 1), D(2022, 1, 1))
    assert info.value.code == "reversed_range"


# --------------------------------------------------------------------------- parse_period

PERIODS: list[tuple[str, Period | None, Period]] = [
    ("2022-2023 учебный год", None, SCHOOL),
    ("01.09.2022 - 31.08.2023", None, SCHOOL),
    ("2022", None, CALENDAR),
    ("2022 год", None, CALENDAR),
    ("26.09.2022", None, Period(D(2022, 9, 26), D(2022, 9, 26))),
    ("Сентябрь 2014-\nмай 2015", None, Period(D(2014, 9, 1), D(2015, 5, 31))),
    ("до 31.12.2022", SCHOOL, Period(D(2022, 9, 1), D(2022, 12, 31))),
    ("сентябрь-декабрь", SCHOOL, Period(D(2022, 9, 1), D(2022, 12, 31))),
    ("I полугодие 2022-2023 учебного года", None, Period(D(2022, 9, 1), D(2022, 12, 31))),
]


@pytest.mark.parametrize(("text", "outer", "expected"), PERIODS)
def test_parse_period(text: str, outer: Period | None, expected: Period):
    assert parse_period(text, outer) == expected


@pytest.mark.parametrize(
    ("text", "outer", "code"),
    [
        ("постоянно", None, "not_a_period"),
        ("постоянно", SCHOOL, "not_a_period"),
        ("по отдельному графику", SCHOOL, "not_a_period"),
        ("ежемесячно", SCHOOL, "not_a_period"),
        ("до 31.12.2022", None, "not_a_period"),
        ("до 31.12.2022", LATE, "not_a_period"),
        ("скоро", None, "not_understood"),
        ("14.10.2022 - 10.10.2022", None, "reversed_range"),
        ("Март", None, "needs_year"),
    ],
)
def test_parse_period_errors(text: str, outer: Period | None, code: str):
    with pytest.raises(DeadlineError) as info:
        parse_period(text, outer)
    assert info.value.code == code
    assert info.value.describe("ru") and info.value.hint("ru")


# --------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    "text",
    [
        "Сентябрь 2014 - май 2015",
        "СЕНТЯБРЬ 2014 – МАЙ 2015",
        "сентябрь 2014—май 2015",
        "сентябрь 2014 −май 2015",
        "сентябрь\u00a02014\u00a0–\u00a0май\u00a02015",
        "сентябрь 2014\r\n–\r\nмай 2015",
        "сентябрь 2014г.-май 2015г.",
        "сентябрь 2014 гг. - май 2015 гг.",
        "сентябрь 2014 года - май 2015 года;",
        "сентябрь 2014 - май 2015 (по плану).",
        "сентябрь 2014 - май 2015 (по плану) (уточнить)",
    ],
)
def test_spelling_variants(text: str):
    check(text, RANGE, D(2014, 9, 1), D(2015, 5, 31))


def test_yo_is_e():
    assert parse_deadline("в течение учебного года").kind is ONGOING
    assert parse_deadline("по утверждённому графику").kind is UNSCHEDULED


def test_cache_distinguishes_periods():
    assert parse_deadline("Март", SCHOOL).start == D(2023, 3, 1)
    assert parse_deadline("Март", CALENDAR).start == D(2022, 3, 1)
    assert parse_deadline("Март", SCHOOL).start == D(2023, 3, 1)
