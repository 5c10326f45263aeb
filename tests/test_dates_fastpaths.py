"""The shortcuts of the deadline grammar (clusterctl.dates) change nothing.

The parser skips a regex when a cheap test shows that it cannot match (a prefix, a substring,
the length…). Each such test must hold for EVERY match of its regex: hypothesis draws matches
from the regexes themselves and checks the tests. The normalisation shortcuts are compared with
the plain sequence of substitutions they replace.
"""

from __future__ import annotations

import calendar
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterctl import dates as d


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
