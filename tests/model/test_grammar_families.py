"""Deadline forms of format 1.1: the families real plans from other regions use (issue
«Format 1.1»), table by table. Each family is checked with several spellings (spaces, case,
dots, «г.»/«года», en and em dashes), and a property test varies them further."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterctl.errors import DeadlineError
from clusterctl.model.deadlines import DeadlineKind, Period
from clusterctl.model.grammar import parse_deadline

D = date
DATE = DeadlineKind.DATE
RANGE = DeadlineKind.RANGE
BEFORE = DeadlineKind.BEFORE
ONGOING = DeadlineKind.ONGOING
UNSCHEDULED = DeadlineKind.UNSCHEDULED
RECURRING = DeadlineKind.RECURRING

SCHOOL = Period(D(2022, 9, 1), D(2023, 8, 31))
CALENDAR = Period(D(2023, 1, 1), D(2023, 12, 31))


def kind_and_days(text: str, period: Period | None = None) -> tuple[object, ...]:
    got = parse_deadline(text, period)
    assert got.text == text
    return (got.kind, got.start, got.end)


# ------------------------------------------------------------------ abbreviations

@pytest.mark.parametrize(("text", "period", "expected"), [
    ("в теч. года", SCHOOL, ONGOING),
    ("В теч. уч. года", SCHOOL, ONGOING),
    ("в теч-е года", SCHOOL, ONGOING),
    ("в течение уч. года", SCHOOL, ONGOING),
    ("в течение уч.г.", SCHOOL, ONGOING),
    ("в теч. т.г.", CALENDAR, ONGOING),
    ("в течение т. г.", CALENDAR, ONGOING),
])
def test_abbreviated_words(text: str, period: Period, expected: DeadlineKind) -> None:
    assert parse_deadline(text, period).kind is expected


@pytest.mark.parametrize(("text", "start", "end"), [
    ("2022-2023 уч. г.", D(2022, 9, 1), D(2023, 8, 31)),
    ("2022-2023 уч.г.", D(2022, 9, 1), D(2023, 8, 31)),
    ("в теч. 2022-2023 уч. года", D(2022, 9, 1), D(2023, 8, 31)),
    ("в течение 2022/2023 уч. г.", D(2022, 9, 1), D(2023, 8, 31)),
])
def test_abbreviated_school_years(text: str, start: date, end: date) -> None:
    assert kind_and_days(text) == (RANGE, start, end)


def test_until_the_end_of_this_year() -> None:
    assert kind_and_days("до конца т.г.", CALENDAR) == (BEFORE, D(2023, 1, 1),
                                                        D(2023, 12, 31))
    assert kind_and_days("до конца т. г.", CALENDAR)[2] == D(2023, 12, 31)


# ------------------------------------------------------------------ «к» + a date, «до конца»

@pytest.mark.parametrize(("text", "end"), [
    ("к 01.09.2022", D(2022, 9, 1)),
    ("К 1 сентября 2022 г.", D(2022, 9, 1)),
    ("к 25.05.2023г.", D(2023, 5, 25)),
    ("до конца 2023 года", D(2023, 12, 31)),
    ("до конца I квартала 2023 г.", D(2023, 3, 31)),
    ("до конца 1 квартала 2023", D(2023, 3, 31)),
    ("до конца III кв. 2023", D(2023, 9, 30)),
    ("до конца первого полугодия 2023 года", D(2023, 6, 30)),
    ("до конца 2 полугодия 2023 г.", D(2023, 12, 31)),
    ("до конца сентября 2022", D(2022, 9, 30)),
    ("до конца февраля 2024 г.", D(2024, 2, 29)),
])
def test_by_a_date_and_until_the_end_of(text: str, end: date) -> None:
    kind, _, got = kind_and_days(text)
    assert (kind, got) == (BEFORE, end)


def test_until_the_end_of_a_month_without_a_year_uses_the_period() -> None:
    assert kind_and_days("до конца декабря", SCHOOL)[2] == D(2022, 12, 31)
    assert kind_and_days("к 1 марта", SCHOOL)[2] == D(2023, 3, 1)


# ------------------------------------------------------------------ months across years

@pytest.mark.parametrize(("text", "start", "end"), [
    ("сентябрь 2022 - май 2023", D(2022, 9, 1), D(2023, 5, 31)),
    ("Сентябрь 2022 г. – май 2023 г.", D(2022, 9, 1), D(2023, 5, 31)),
    ("сентябрь 2022 года — январь 2023 года", D(2022, 9, 1), D(2023, 1, 31)),
    ("с сентября 2022 по май 2023", D(2022, 9, 1), D(2023, 5, 31)),
    ("с сентября 2022 г. по май 2023 г.", D(2022, 9, 1), D(2023, 5, 31)),
    ("декабрь 2022-февраль 2023", D(2022, 12, 1), D(2023, 2, 28)),
])
def test_month_ranges_across_years(text: str, start: date, end: date) -> None:
    assert kind_and_days(text) == (RANGE, start, end)


# ------------------------------------------------------------------ footnote marks

@pytest.mark.parametrize(("text", "kind", "end", "mark"), [
    ("до 26.09.2022*", BEFORE, D(2022, 9, 26), "*"),
    ("26.09.2022**", DATE, D(2022, 9, 26), "**"),
    ("до 26.09.2022¹", BEFORE, D(2022, 9, 26), "¹"),
    ("2023*", RANGE, D(2023, 12, 31), "*"),
    ("март 2023²", RANGE, D(2023, 3, 31), "²"),
    ("2022-2023 учебный год*", RANGE, D(2023, 8, 31), "*"),
])
def test_a_footnote_mark_is_kept_not_read(text: str, kind: DeadlineKind, end: date,
                                          mark: str) -> None:
    got = parse_deadline(text)
    assert (got.kind, got.end, got.mark, got.text) == (kind, end, mark, text)


# ------------------------------------------------------------------ no date in this plan

@pytest.mark.parametrize("text", [
    "по мере необходимости",
    "В соответствии с планом-графиком",
    "в соответствии с план-графиком",
    "по плану-графику",
    "Согласно плану-графику",
    "по графику",
    "в соответствии с графиком",
    "в соответствии с отдельным планом",
    "по мере поступления",
    "по запросу",
])
def test_no_date_in_this_plan(text: str) -> None:
    assert parse_deadline(text).kind is UNSCHEDULED


# ------------------------------------------------------------------ half-years

@pytest.mark.parametrize(("text", "start", "end"), [
    ("1 полугодие 2023", D(2023, 1, 1), D(2023, 6, 30)),
    ("1-е полугодие 2023 г.", D(2023, 1, 1), D(2023, 6, 30)),
    ("2 полугодие 2022 года", D(2022, 7, 1), D(2022, 12, 31)),
    ("II полугодие 2022", D(2022, 7, 1), D(2022, 12, 31)),
    ("второе полугодие 2022 г.", D(2022, 7, 1), D(2022, 12, 31)),
    ("в первом полугодии 2023 года", D(2023, 1, 1), D(2023, 6, 30)),
    ("1 полугодие 2022-2023 учебного года", D(2022, 9, 1), D(2022, 12, 31)),
    ("первое полугодие 2022/2023 уч. года", D(2022, 9, 1), D(2022, 12, 31)),
    ("2 полугодие 2022-2023 уч. г.", D(2023, 1, 1), D(2023, 5, 31)),
])
def test_half_years(text: str, start: date, end: date) -> None:
    assert kind_and_days(text) == (RANGE, start, end)


# ------------------------------------------------------------------ days of one month

@pytest.mark.parametrize(("text", "start", "end"), [
    ("10-14.10.2022", D(2022, 10, 10), D(2022, 10, 14)),
    ("10 – 14.10.2022 г.", D(2022, 10, 10), D(2022, 10, 14)),
    ("10-14 окт. 2022", D(2022, 10, 10), D(2022, 10, 14)),
    ("с 10 по 14 октября 2022 г.", D(2022, 10, 10), D(2022, 10, 14)),
    ("С 10 по 14 октября 2022 года", D(2022, 10, 10), D(2022, 10, 14)),
    ("с 28 сентября по 2 октября 2022", D(2022, 9, 28), D(2022, 10, 2)),
    ("10.10-14.10.2022", D(2022, 10, 10), D(2022, 10, 14)),
])
def test_day_ranges(text: str, start: date, end: date) -> None:
    assert kind_and_days(text) == (RANGE, start, end)


# ------------------------------------------------------------------ recurring

@pytest.mark.parametrize(("text", "recurrence", "month", "day"), [
    ("Ежеквартально", "quarterly", None, None),
    ("1 раз в квартал", "quarterly", None, None),
    ("1 раз в четверть", "terms", None, None),
    ("по итогам каждой четверти", "terms", None, None),
    ("ежечетвертно", "terms", None, None),
    ("по итогам четверти", "terms", None, None),
    ("ежемесячно", "monthly", None, None),
    ("до 5 числа каждого месяца", "monthly", None, 5),
    ("ежемесячно до 10 числа", "monthly", None, 10),
    ("ежемесячно, до 25 числа", "monthly", None, 25),
    ("по итогам полугодия", "twice_yearly", None, None),
    ("2 раза в год", "twice_yearly", None, None),
    ("ежегодно", "yearly", None, None),
    ("ежегодно в марте", "yearly", 3, None),
    ("Ежегодно, в сентябре", "yearly", 9, None),
    ("еженедельно", "weekly", None, None),
])
def test_recurring_forms(text: str, recurrence: str, month: int | None, day: int | None
                         ) -> None:
    got = parse_deadline(text, SCHOOL)
    assert (got.kind, got.recurrence, got.month, got.day) == (RECURRING, recurrence, month,
                                                               day)


# ------------------------------------------------------------------ lists of dates

@pytest.mark.parametrize(("text", "dates"), [
    ("март 2023, май 2023", [(D(2023, 3, 1), D(2023, 3, 31)), (D(2023, 5, 1), D(2023, 5, 31))]),
    ("октябрь 2022 г., декабрь 2022 г., март 2023 г.",
     [(D(2022, 10, 1), D(2022, 10, 31)), (D(2022, 12, 1), D(2022, 12, 31)),
      (D(2023, 3, 1), D(2023, 3, 31))]),
    ("25.12.2022, 25.05.2023", [(D(2022, 12, 25), D(2022, 12, 25)),
                                (D(2023, 5, 25), D(2023, 5, 25))]),
    ("25.12.2022; 25.05.2023", [(D(2022, 12, 25), D(2022, 12, 25)),
                                (D(2023, 5, 25), D(2023, 5, 25))]),
    ("октябрь, декабрь 2022", [(D(2022, 10, 1), D(2022, 10, 31)),
                               (D(2022, 12, 1), D(2022, 12, 31))]),
    ("ноябрь, март", [(D(2022, 11, 1), D(2022, 11, 30)), (D(2023, 3, 1), D(2023, 3, 31))]),
])
def test_lists_of_dates_are_occurrences(text: str, dates: list[tuple[date, date]]) -> None:
    got = parse_deadline(text, SCHOOL)
    assert got.kind is RECURRING and got.recurrence == "dates"
    assert [(p.start, p.end) for p in got.dates] == dates
    assert (got.start, got.end) == (dates[0][0], dates[-1][1])


def test_a_month_every_year_from_a_start_year() -> None:
    got = parse_deadline("март, ежегодно с 2023 года", Period(D(2022, 9, 1), D(2025, 8, 31)))
    assert (got.kind, got.recurrence, got.month) == (RECURRING, "yearly", 3)
    assert got.start == D(2023, 3, 1)


# ------------------------------------------------------------------ never a guess

@pytest.mark.parametrize("text", [
    "к", "до конца", "до конца квартала", "с по", "март, 2023, ежегодно с", "ежегодно в",
    "до 32 числа каждого месяца", "к 31.02.2023", "10-45.10.2022", "в теч.",
])
def test_what_is_not_understood_is_an_error(text: str) -> None:
    with pytest.raises(DeadlineError):
        parse_deadline(text, SCHOOL)


# ------------------------------------------------------------------ spellings vary

_DASHES = st.sampled_from(["-", "–", "—", " - ", " – ", "- ", " —"])
_YEAR_WORDS = st.sampled_from(["", " г.", " г", "г.", " года", " год"])


@settings(max_examples=300, deadline=None)
@given(st.integers(2000, 2100), st.integers(1, 12), st.integers(1, 12), _DASHES, _YEAR_WORDS,
       _YEAR_WORDS, st.booleans())
def test_month_ranges_across_years_in_any_spelling(
    year: int, first: int, last: int, dash: str, word1: str, word2: str, upper: bool
) -> None:
    months = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
              "сентябрь", "октябрь", "ноябрь", "декабрь"]
    text = f"{months[first - 1]} {year}{word1}{dash}{months[last - 1]} {year + 1}{word2}"
    text = text.upper() if upper else text
    got = parse_deadline(text)
    assert (got.kind, got.start) == (RANGE, D(year, first, 1))
    assert got.end is not None and (got.end.year, got.end.month) == (year + 1, last)


@settings(max_examples=200, deadline=None)
@given(st.integers(2000, 2100), st.integers(1, 28), st.integers(1, 12),
       st.sampled_from(["*", "**", "¹", "²", "³"]), st.sampled_from(["до ", "к ", ""]))
def test_a_mark_never_changes_the_date(year: int, day: int, month: int, mark: str,
                                       head: str) -> None:
    plain = parse_deadline(f"{head}{day:02d}.{month:02d}.{year}")
    marked = parse_deadline(f"{head}{day:02d}.{month:02d}.{year}{mark}")
    assert (marked.kind, marked.start, marked.end, marked.mark) == (
        plain.kind, plain.start, plain.end, mark)
