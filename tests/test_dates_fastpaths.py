"""The shortcuts of the deadline grammar (clusterctl.dates) change nothing.

The parser skips a regex when a cheap test shows that it cannot match (a prefix, a substring,
the length…). Each such test must hold for EVERY match of its regex: hypothesis draws matches
from the regexes themselves and checks the tests. The normalisation shortcuts are compared with
the plain sequence of substitutions they replace.
"""

from __future__ import annotations

import calendar
import datetime
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterctl import dates as d
from clusterctl.plan import normalise_name


def matches(regex: re.Pattern[str] | str) -> st.SearchStrategy[str]:
    """Strings that `regex` fully matches (a pattern of the grammar compiled on first use is
    compiled here: its `.pattern` is the source)."""
    pattern = re.compile(regex if isinstance(regex, str) else regex.pattern)
    return st.from_regex(pattern, fullmatch=True).filter(lambda s: pattern.fullmatch(s) is not None)


# --------------------------------------------------------------------------- keyword gates


@settings(max_examples=300)
@given(matches(d._ONGOING_RE))
def test_ongoing_gate(s: str) -> None:
    assert s.startswith(d._ONGOING_STARTS)


@settings(max_examples=200)
@given(matches(d._UNSCHEDULED_RE))
def test_unscheduled_gate(s: str) -> None:
    assert s.startswith(d._UNSCHEDULED_START)


@settings(max_examples=200)
@given(st.sampled_from(d._recurring_res()).flatmap(lambda pair: matches(pair[0])))
def test_recurring_gate(s: str) -> None:
    assert "раз" in s or s.startswith(d._RECURRING_START)


@settings(max_examples=100)
@given(matches(d._BEFORE_YEAR_END_RE))
def test_before_year_end_gate(s: str) -> None:
    assert s.endswith("года")


@settings(max_examples=200)
@given(matches(d._BEFORE_RE))
def test_before_gate(s: str) -> None:
    assert s.startswith(d._BEFORE_STARTS)


@settings(max_examples=100)
@given(matches(d._PREFIX_RE))
def test_prefix_gate(s: str) -> None:
    assert s.startswith(d._PREFIX_STARTS)


@settings(max_examples=100)
@given(matches(d._FROM_TO_RE))
def test_from_to_gate(s: str) -> None:
    assert s.startswith(d._FROM_TO_STARTS)


# --------------------------------------------------------------------------- point gates


@settings(max_examples=200)
@given(matches(d._ISO_RE))
def test_iso_gate(s: str) -> None:
    assert s[0].isdigit() and s[4:5] == "-"


@settings(max_examples=200)
@given(matches(d._DMY_RE))
def test_dmy_gate(s: str) -> None:
    assert s[0].isdigit() and "." in s[1:3]


@settings(max_examples=200)
@given(matches(d._DAY_NAME_RE))
def test_day_name_gate(s: str) -> None:
    assert s[0].isdigit() and not s.isascii()


@settings(max_examples=50)
@given(matches(d._YEAR_RE))
def test_year_gate(s: str) -> None:
    assert s[0].isdigit() and len(s) == 4


@settings(max_examples=200)
@given(matches(d._MONTH_RE))
def test_month_gate(s: str) -> None:
    assert not s[0].isdigit() and s[0] in d._MONTH_FIRSTS


@settings(max_examples=200)
@given(matches(d._QUARTER_RE))
def test_quarter_gate(s: str) -> None:
    assert "кв" in s


@settings(max_examples=200)
@given(st.one_of(matches(d._HALF_RE), matches(d._SCHOOL_HALF_RE)))
def test_half_gate(s: str) -> None:
    assert "полугоди" in s


@settings(max_examples=200)
@given(matches(d._SCHOOL_RE))
def test_school_gate(s: str) -> None:
    assert "уч" in s


# --------------------------------------------------------------------------- normalisation


def test_translated_characters_are_the_translation_table() -> None:
    for cp in range(0x110000):
        c = chr(cp)
        assert (d._TRANSLATED_RE.search(c) is not None) == (c.translate(d._TRANSLATE) != c), cp


def test_split_join_is_the_whitespace_regex_for_every_code_point() -> None:
    ws = re.compile(r"\s+")
    for cp in range(0x110000):
        c = chr(cp)
        for s in (f"a{c}b", f"{c}a{c}{c}b{c}", c):
            assert " ".join(s.split()) == ws.sub(" ", s).strip(), cp


def _plain_strip_tail(s: str) -> str:
    while True:
        t = s.rstrip(" .;,")
        t = d._TAIL_PAREN_RE.sub("", t)
        t = d._TAIL_WORD_RE.sub("", t)
        if t == s:
            return s
        s = t


def _plain_normalize(text: str) -> str:
    """_normalize without its shortcuts: every substitution, every time."""
    s = text.casefold().translate(d._TRANSLATE)
    s = re.sub(r"\s+", " ", s).strip()
    s = _plain_strip_tail(s)
    s = d._YEAR_SUFFIX_RE.sub("", s)
    s = _plain_strip_tail(s)
    s = d._SEP_SPACE_RE.sub(r"\1", s)
    s = d._DIGIT_DOT_SPACE_RE.sub(".", s)
    return s.strip()


PIECES = [
    " ",
    "  ",
    "\u00a0",
    "\n",
    "\t",
    "\u2028",
    "\u00ad",
    "\u200b",
    "\ufeff",
    ".",
    ",",
    ";",
    "-",
    "–",
    "—",
    "−",
    "/",
    "(",
    ")",
    "г",
    "Г",
    "г.",
    "гг.",
    "года",
    "год",
    "годы",
    "Ё",
    "ё",
    "і",
    "0",
    "1",
    "2022",
    "26",
    "09",
    "сентября",
    "март",
    "до",
    "с",
    "по",
    "включительно",
    "ВКЛЮЧИТЕЛЬНО",
    "(в соответствии с планом)",
    "учебный",
    "a",
    "z",
    "я",
]


@settings(max_examples=2000)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_normalize_equals_the_plain_substitutions(text: str) -> None:
    assert d._normalize.__wrapped__(text) == _plain_normalize(text)


@settings(max_examples=500)
@given(st.text(max_size=40))
def test_normalize_equals_the_plain_substitutions_on_any_text(text: str) -> None:
    assert d._normalize.__wrapped__(text) == _plain_normalize(text)


# --------------------------------------------------------------------------- calendar


def test_days_in_month_is_monthrange() -> None:
    for year in range(1, 3000):
        for month in range(1, 13):
            assert d._days_in_month(year, month) == calendar.monthrange(year, month)[1]
    for month in (-1, 0, 13):
        with pytest.raises(calendar.IllegalMonthError):
            d._days_in_month(2022, month)


def test_day_ok_is_check_day() -> None:
    for year in (1899, 1900, 2000, 2023, 2024, 2100, 2199, 2200):
        for month in range(-1, 15):
            for day in range(-1, 33):
                try:
                    d._check_day(year, month, day, "x")
                    passes = True
                except d.DeadlineError:
                    passes = False
                assert d._day_ok(year, month, day) == passes, (year, month, day)


# --------------------------------------------------------------------------- common forms

_ODD_NUMBER = st.integers(min_value=0, max_value=2300).map(str) | st.sampled_from(
    ["0", "00", "000", "024", "2024", "1899", "2200", "99"]
)


def _padded(low: int, high: int) -> st.SearchStrategy[str]:
    return st.builds(lambda n, pad: f"{n:02d}" if pad else str(n),
                     st.integers(min_value=low, max_value=high), st.booleans())


# mostly numbers that make a day (one_of flattens: each of these is one branch)
_D = st.one_of(_padded(1, 28), _padded(1, 28), _padded(1, 28), _padded(0, 32), _ODD_NUMBER)
_M = st.one_of(_padded(1, 12), _padded(1, 12), _padded(1, 12), _padded(0, 13), _ODD_NUMBER)
_Y = st.one_of(*[st.integers(min_value=1900, max_value=2199).map(str)] * 3,
               st.integers(min_value=1890, max_value=2210).map(str), _padded(0, 99),
               _ODD_NUMBER)
_ANY_DAY_TEXT = st.builds(lambda dd, m, y, dot: f"{dd}{dot}{m}{dot}{y}", _D, _M, _Y,
                          st.sampled_from([".", ".", ".", ".", ". ", ","]))


def _written(day: datetime.date, pad: bool, short: bool) -> str:
    year = f"{day.year % 100:02d}" if short and 2000 <= day.year < 2100 else str(day.year)
    return f"{day.day:02d}.{day.month:02d}.{year}" if pad else f"{day.day}.{day.month}.{year}"


_REAL_DAY_TEXT = st.builds(_written, st.dates(datetime.date(1900, 1, 1),
                                              datetime.date(2199, 12, 31)),
                           st.booleans(), st.booleans())
_DAY_TEXT = st.one_of(_REAL_DAY_TEXT, _REAL_DAY_TEXT, _ANY_DAY_TEXT)
_ISO_TEXT = st.builds(lambda y, m, dd: f"{y}-{m}-{dd}", _Y, _M, _D)
_BEFORE = st.sampled_from(["до", "До", "ДО", "не позднее", "Не позднее", "не позже", "Не позже",
                           "в срок до", "до  ", "не позднее чем"])
_FROM = st.sampled_from(["с", "С", "со", "в период с", "В период с", "В Период с"])
_SEP = st.sampled_from(["-", " - ", " ", "  ", " -", "–", " – ", "/"])
_PERIODS = st.sampled_from([
    None,
    d.Period(d.date(2022, 9, 1), d.date(2023, 8, 31)),
    d.Period(d.date(2023, 1, 1), d.date(2023, 12, 31)),
    d.Period(d.date(2030, 1, 1), d.date(2031, 12, 31)),
])


def _read(parse: Any, text: str, period: d.Period | None) -> d.Deadline | str:
    try:
        result: d.Deadline = parse(text, period)
    except d.DeadlineError as exc:
        return exc.code
    return result


def _general(text: str, period: d.Period | None) -> d.Deadline | str:
    return _read(d._parse_general, text, period)


# «26 сентября 2022 г.»: the genitives the shortcut reads, and forms it leaves to the grammar
_MONTH_NAME = st.one_of(st.sampled_from(d._GENITIVES), st.sampled_from(d._GENITIVES),
                        st.sampled_from(["Сентября", "сентябрь", "сент.", "сен", "марте"]))
_YEAR_TAIL = st.sampled_from(["", "", " г.", " г", " года", " год", "г.", " г. ", " гг."])


def _named(day: datetime.date, tail: str) -> str:
    return f"{day.day} {d._GENITIVES[day.month - 1]} {day.year}{tail}"


_REAL_NAMED_TEXT = st.builds(_named, st.dates(datetime.date(1900, 1, 1),
                                              datetime.date(2199, 12, 31)), _YEAR_TAIL)
_NAMED_TEXT = st.one_of(
    _REAL_NAMED_TEXT,
    st.builds(lambda dd, mon, y, tail: f"{dd} {mon} {y}{tail}", _D, _MONTH_NAME, _Y, _YEAR_TAIL),
)
_DASH = st.sampled_from(["-", "-", "–", "—", " - ", " – "])
_DAYS_OF_A_MONTH = st.one_of(
    st.builds(lambda a, dash, day: f"{a}{dash}{day}", _D, _DASH, _DAY_TEXT),
    st.builds(lambda a, dash, day: f"{a}{dash}{day}", _D, _DASH, _NAMED_TEXT),
    st.builds(lambda f, a, day: f"{f} {a} по {day}", _FROM, _D, _NAMED_TEXT),
)

_COMMON_FORMS = st.one_of(
    _DAY_TEXT,
    _ISO_TEXT,
    _NAMED_TEXT,
    _DAYS_OF_A_MONTH,
    st.builds(lambda b, day, tail: f"{b} {day}{tail}", _BEFORE, st.one_of(_DAY_TEXT, _NAMED_TEXT),
              st.sampled_from(["", " включительно", " г.", "."])),
    st.builds(lambda f, a, b: f"{f} {a} по {b}", _FROM, _DAY_TEXT, _DAY_TEXT),
    st.builds(lambda a, sep, b: f"{a}{sep}{b}", _DAY_TEXT, _SEP, _DAY_TEXT),
    st.builds(lambda pre, body, post: f"{pre}{body}{post}", st.sampled_from(["", " ", "x"]),
              _DAY_TEXT, st.sampled_from(["", " ", "x", "\n"])),
)


@settings(max_examples=3000, deadline=None)
@given(_COMMON_FORMS, _PERIODS)
def test_the_common_forms_read_alike_both_ways(text: str, period: d.Period | None) -> None:
    fast = d._parse_fast(text, period)
    if fast is not None:  # what the shortcut reads, the grammar reads the same
        assert fast == _general(text, period)
    assert _read(d._parse, text, period) == (fast or _general(text, period))


@pytest.mark.parametrize(("text", "kind", "start", "end"), [
    ("26.09.2022", "date", "2022-09-26", "2022-09-26"),
    ("1.2.23", "date", "2023-02-01", "2023-02-01"),
    ("2022-09-26", "date", "2022-09-26", "2022-09-26"),
    ("до 26.09.2022", "before", None, "2022-09-26"),
    ("До 26.09.2022 включительно", "before", None, "2022-09-26"),
    ("не позднее 01.03.2023", "before", None, "2023-03-01"),
    ("Не позже 01.03.2023", "before", None, "2023-03-01"),
    ("10.10.2022 - 14.10.2022", "range", "2022-10-10", "2022-10-14"),
    ("10.10.2022-14.10.2022", "range", "2022-10-10", "2022-10-14"),
    ("10.10.2022 14.10.2022", "range", "2022-10-10", "2022-10-14"),
    ("с 10.10.2022 по 14.10.2022", "range", "2022-10-10", "2022-10-14"),
    ("В период с 10.10.2022 по 10.10.2022", "range", "2022-10-10", "2022-10-10"),
    ("в срок до 01.02.2023", "before", None, "2023-02-01"),
    ("26 сентября 2022 г.", "date", "2022-09-26", "2022-09-26"),
    ("1 мая 2023 года", "date", "2023-05-01", "2023-05-01"),
    ("до 26 сентября 2022 г. включительно", "before", None, "2022-09-26"),
    ("В срок до 9 октября 2022 г.", "before", None, "2022-10-09"),
    ("10–14.10.2022", "range", "2022-10-10", "2022-10-14"),
    ("10-14 октября 2022", "range", "2022-10-10", "2022-10-14"),
    ("с 10 по 14 октября 2022 г.", "range", "2022-10-10", "2022-10-14"),
    ("в период с 1 по 5 мая 2023 г", "range", "2023-05-01", "2023-05-05"),
])
def test_the_common_forms_take_the_shortcut(text: str, kind: str, start: str | None,
                                            end: str) -> None:
    fast = d._parse_fast(text, None)
    assert fast is not None and fast == d._parse_general(text, None)
    assert fast.to_dict() == {"kind": kind, "text": text, "start": start, "end": end,
                              "recurrence": None}


@pytest.mark.parametrize("text", [
    "31.02.2023", "до 30.02.2023", "14.10.2022 - 10.10.2022", "с 14.10.2022 по 10.10.2022",
    "01.13.2023", "26.09.1812", "2023-02-30", "до 26.09.2022 - 30.09.2022", " 26.09.2022",
    "31 июня 2023", "с 14 по 10 октября 2022", "14-10.10.2022", "26 Сентября 2022",
    "26 сентября", "до 26.09", "10-14 октября", "29 февраля 2023 г.",
])
def test_anything_doubtful_goes_the_general_way(text: str) -> None:
    assert d._parse_fast(text, None) is None


# --------------------------------------------------------------------------- names


def _plain_normalise_name(name: str) -> str:
    """`plan.normalise_name` as first written: the regex substitutions, one after another."""
    key = name.casefold().replace("ё", "е").replace("\u00a0", " ")
    key = re.sub(r"\s+", " ", key).strip()
    key = re.sub(r"(?<=\.)\s+(?=\w(?:\.|$))", "", key)
    return key.replace(" ,", ",").rstrip(".,;: ")


_NAME_PIECES = ["Иванова", "ИВАНОВА", "Ёлкина", "ёлкина", "И.", "И. В.", "И.В.", "Ив.", ".",
                ". ", " .", ",", " ,", ";", ":", " ", "  ", "\u00a0", "\t", "\n", "\u2028",
                "\u3000", "İ", "ẞ", "ß", "a", "Z", "1", "№"]


@settings(max_examples=3500)
@given(st.one_of(st.lists(st.sampled_from(_NAME_PIECES), max_size=10).map("".join),
                 st.text(max_size=30)))
def test_normalise_name_equals_the_plain_substitutions(name: str) -> None:
    assert normalise_name.__wrapped__(name) == _plain_normalise_name(name)
