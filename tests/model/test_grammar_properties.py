"""Property-based tests of the deadline grammar (clusterctl.dates)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from clusterctl.errors import DeadlineError
from clusterctl.model.deadlines import DeadlineKind, Period
from clusterctl.model.grammar import parse_deadline

GENITIVE = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
NOMINATIVE = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)
PREPOSITIONAL = (
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
)
SHORT = ("янв", "фев", "февр", "мар", "апр", "июн", "июл", "авг", "сен", "сент", "окт", "ноя")
SHORT += ("нояб", "дек")
MONTH_WORDS = frozenset(GENITIVE + NOMINATIVE + PREPOSITIONAL + SHORT)

DASHES = ("-", "–", "—", "−")
SPACES = ("", " ", "  ", "\u00a0", "\n")
DATED = {DeadlineKind.DATE, DeadlineKind.RANGE, DeadlineKind.BEFORE}

days = st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31))
recent_days = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))


@st.composite
def periods(draw: st.DrawFn) -> Period:
    a = draw(days)
    b = draw(days)
    return Period(min(a, b), max(a, b))


def single_forms(d: date) -> list[str]:
    forms = [
        d.isoformat(),
        f"{d.day:02d}.{d.month:02d}.{d.year}",
        f"{d.day}.{d.month}.{d.year}",
        f"{d.day} {GENITIVE[d.month - 1]} {d.year} г.",
        f"{d.day} {GENITIVE[d.month - 1]} {d.year} года",
        f"{d.day:02d}.{d.month:02d}.{d.year}г.",
    ]
    if 2000 <= d.year <= 2099:
        forms.append(f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}")
    return forms


# --------------------------------------------------------------------------- (2) round trips


@settings(max_examples=150)
@given(days)
def test_single_date_forms_round_trip(d: date) -> None:
    for text in single_forms(d):
        got = parse_deadline(text)
        assert (got.kind, got.start, got.end) == (DeadlineKind.DATE, d, d), text
        for prefix in ("до ", "До ", "не позднее ", "не позже ", "в срок до "):
            before = parse_deadline(prefix + text)
            assert (before.kind, before.start, before.end) == (DeadlineKind.BEFORE, None, d)


@settings(max_examples=100)
@given(days, st.sampled_from(SPACES[:3]), st.sampled_from(["", ".", ";", " (комментарий)"]))
def test_decorations_do_not_change_the_date(d: date, space: str, tail: str) -> None:
    text = f"{space}{d.day:02d}.{d.month:02d}.{d.year}{space}{tail}"
    assert parse_deadline(text).start == d


# --------------------------------------------------------------------------- (3) ranges


@settings(max_examples=150)
@given(
    days,
    st.integers(min_value=0, max_value=3000),
    st.sampled_from(DASHES),
    st.sampled_from(SPACES),
    st.sampled_from(SPACES),
    st.sampled_from(["dmy", "iso", "name"]),
)
def test_dash_ranges(d1: date, extra: int, dash: str, sp1: str, sp2: str, form: str) -> None:
    d2 = min(d1 + timedelta(days=extra), date(2199, 12, 31))

    def fmt(d: date) -> str:
        if form == "iso":
            return d.isoformat()
        if form == "name":
            return f"{d.day} {GENITIVE[d.month - 1]} {d.year} г."
        return f"{d.day:02d}.{d.month:02d}.{d.year}"

    text = f"{fmt(d1)}{sp1}{dash}{sp2}{fmt(d2)}"
    got = parse_deadline(text)
    assert (got.kind, got.start, got.end) == (DeadlineKind.RANGE, d1, d2), text


@settings(max_examples=100)
@given(days, st.integers(min_value=0, max_value=400), st.sampled_from(SPACES[1:]))
def test_space_and_word_ranges(d1: date, extra: int, space: str) -> None:
    d2 = min(d1 + timedelta(days=extra), date(2199, 12, 31))
    a = f"{d1.day:02d}.{d1.month:02d}.{d1.year}"
    b = f"{d2.day:02d}.{d2.month:02d}.{d2.year}"
    for text in (f"{a}{space}{b}", f"с {a} по {b}", f"С {a} до {b}"):
        got = parse_deadline(text)
        assert (got.kind, got.start, got.end) == (DeadlineKind.RANGE, d1, d2), text


@settings(max_examples=100)
@given(days, st.integers(min_value=1, max_value=400))
def test_reversed_ranges_are_errors(d1: date, extra: int) -> None:
    d2 = d1 + timedelta(days=extra)
    assume(d2.year <= 2199)
    text = f"{d2.day:02d}.{d2.month:02d}.{d2.year} - {d1.day:02d}.{d1.month:02d}.{d1.year}"
    try:
        parse_deadline(text)
    except DeadlineError as exc:
        assert exc.code == "reversed_range"
    else:
        raise AssertionError(f"{text!r} parsed")


# --------------------------------------------------------------------------- (1), (4) fuzzing

TOKENS = [
    "до",
    "с",
    "по",
    "не позднее",
    "конца",
    "в",
    "в течение",
    "года",
    "г.",
    "гг.",
    "учебный год",
    "уч. г.",
    "квартал",
    "кв.",
    "полугодие",
    "i",
    "ii",
    "iv",
    "(",
    ")",
    ".",
    "/",
    "постоянно",
    "ежемесячно",
    "по плану",
    *DASHES,
    *GENITIVE[::3],
    *NOMINATIVE[1::3],
]
fragments = st.one_of(
    st.sampled_from(TOKENS),
    st.integers(min_value=0, max_value=40).map(str),
    st.integers(min_value=1890, max_value=2210).map(str),
    st.builds(
        "{:02d}.{:02d}.{}".format,
        st.integers(0, 33),
        st.integers(0, 13),
        st.integers(1899, 2201),
    ),
    days.map(date.isoformat),
)
phrases = st.lists(
    st.tuples(fragments, st.sampled_from([" ", "", "-", " - ", "  "])), min_size=1, max_size=6
).map(lambda parts: "".join(f + sep for f, sep in parts))


def years_in(text: str) -> set[int]:
    found = {int(y) for y in re.findall(r"[0-9]{4}", text)}
    found |= {2000 + int(y) for y in re.findall(r"(?<![0-9])[0-9]{2}(?![0-9])", text)}
    return found


@settings(max_examples=400)
@given(phrases, st.none() | periods())
def test_fuzzed_phrases_are_consistent(text: str, period: Period | None) -> None:
    try:
        got = parse_deadline(text, period)
    except DeadlineError as exc:
        assert exc.code in {"not_understood", "impossible_date", "needs_year", "reversed_range"}
        assert exc.describe("ru") and exc.describe("en") and exc.hint("ru") and exc.hint("en")
        return
    assert got.text == text
    if got.start is not None and got.end is not None:
        assert got.start <= got.end  # (1)
    if period is None and got.kind in DATED:
        # (4) every year comes from digits in the text (±1: «декабрь-январь 2015», «2022/23»)
        assert got.end is not None
        sources = years_in(text)
        for d in (got.start, got.end):
            if d is not None:
                assert any(abs(d.year - y) <= 1 for y in sources), (text, got)


@settings(max_examples=300)
@given(st.text(max_size=60), st.none() | periods())
def test_arbitrary_text_only_raises_deadline_error(text: str, period: Period | None) -> None:
    try:
        got = parse_deadline(text, period)
    except DeadlineError:
        return
    if got.start is not None and got.end is not None:
        assert got.start <= got.end
    if period is None and not re.search(r"[0-9]", text):
        assert got.start is None and got.end is None


LETTERS = "абвгдежзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗabcxyzIVX"


@settings(max_examples=300)
@given(
    st.lists(st.text(alphabet=LETTERS, min_size=1, max_size=12), min_size=1, max_size=5),
    st.none() | periods(),
)
def test_letters_never_give_dates(words: list[str], period: Period | None) -> None:
    assume(not any(w.casefold().replace("ё", "е").rstrip(".") in MONTH_WORDS for w in words))
    text = " ".join(words)
    try:
        got = parse_deadline(text, period)
    except DeadlineError:
        return
    assert got.kind not in (DeadlineKind.DATE, DeadlineKind.RANGE, DeadlineKind.BEFORE)
    if period is None:
        assert got.start is None and got.end is None


# --------------------------------------------------------------------------- (5) school year


@settings(max_examples=200)
@given(
    st.integers(min_value=1950, max_value=2150),
    st.booleans(),
    st.integers(min_value=1, max_value=12),
    st.sampled_from(["nom", "gen_prefix", "prep", "short"]),
)
def test_months_resolved_inside_school_year(
    year: int, ends_in_may: bool, month: int, form: str
) -> None:
    period = Period(date(year, 9, 1), date(year + 1, 5 if ends_in_may else 8, 31))
    word = {
        "nom": NOMINATIVE[month - 1].capitalize(),
        "gen_prefix": f"до конца {GENITIVE[month - 1]}",
        "prep": f"в {PREPOSITIONAL[month - 1]}",
        "short": NOMINATIVE[month - 1][:3],
    }[form]
    try:
        got = parse_deadline(word, period)
    except DeadlineError as exc:
        assert exc.code == "needs_year"
        assert ends_in_may and month in (6, 7, 8)
        return
    assert got.end is not None
    assert period.start <= got.end <= period.end
    assert got.start is None or period.start <= got.start <= got.end
    assert got.end.month == month
    assert got.end.year == (year if month >= 9 else year + 1)


@settings(max_examples=100)
@given(st.integers(min_value=1950, max_value=2150), st.integers(1, 12), st.integers(1, 12))
def test_month_ranges_inside_school_year(year: int, m1: int, m2: int) -> None:
    period = Period(date(year, 9, 1), date(year + 1, 8, 31))
    text = f"{NOMINATIVE[m1 - 1]}-{NOMINATIVE[m2 - 1]}"
    order = [9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8]
    try:
        got = parse_deadline(text, period)
    except DeadlineError as exc:
        assert exc.code == "reversed_range"
        assert order.index(m1) > order.index(m2)
        return
    assert got.start is not None and got.end is not None
    assert period.start <= got.start <= got.end <= period.end
