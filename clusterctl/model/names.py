"""Names as plans write them: one key for the spellings of one name, the «Фамилия И.О.» form of
a full name, and the names nearest to an unknown one."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

_INITIALS_SPACE = re.compile(r"(?<=\.)\s+(?=\w(?:\.|$))")


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """A key under which spellings of one name meet: case, ё, spaces and dots folded.

    "Моргунова И. Е." and "моргунова и.е" give the same key.
    """
    # " ".join(split()) is re.sub(r"\s+", " ", ...).strip(): both take str.isspace()'s
    # spaces, the no-break space among them (tests/test_dates_fastpaths.py checks every code
    # point); then only single spaces are left, and an initial's can only follow ". "
    key = " ".join(name.casefold().replace("ё", "е").split())
    if ". " in key:
        key = _INITIALS_SPACE.sub("", key)
    return key.replace(" ,", ",").rstrip(".,;: ")


@lru_cache(maxsize=65536)
def initials_form(full_name: str) -> str | None:
    """"Сысоева Оксана Павловна" -> "Сысоева О.П." (None when not a three-part name)."""
    parts = full_name.split()
    if len(parts) < 2 or any(part.endswith(".") for part in parts[1:]):
        return None
    surname, given = parts[0], parts[1:3]
    return surname + " " + "".join(p[0].upper() + "." for p in given)


def closest_names(ref: str, names: list[str], limit: int = 3, cutoff: float = 0.7) -> list[str]:
    """The names nearest to `ref`: the best match and any about as close (difflib ratio)."""
    target = normalise_name(ref)
    matcher = difflib.SequenceMatcher(b=target)
    scored: dict[str, tuple[float, str]] = {}
    for name in names:
        key = normalise_name(name)
        matcher.set_seq1(key)
        if matcher.real_quick_ratio() < cutoff or matcher.quick_ratio() < cutoff:
            continue
        score = matcher.ratio()
        if score >= cutoff and (key not in scored or scored[key][0] < score):
            scored[key] = (score, name)
    if not scored:
        return []
    ranked = sorted(scored.values(), key=lambda pair: (-pair[0], pair[1]))
    best = ranked[0][0]
    return [name for score, name in ranked[:limit] if score >= best - 0.05]


_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")
_SURNAME = r"[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?"
_SURNAME_INITIALS = rf"{_SURNAME}\s*[A-ZА-ЯЁ]\.\s*(?:[A-ZА-ЯЁ]\.?)?"
_INITIALS = r"[A-ZА-ЯЁ]\.\s*(?:[A-ZА-ЯЁ]\.)?"
_NAME_AT_END = re.compile(rf"(?:^|\s)(?P<name>{_SURNAME_INITIALS})$")
_INITIALS_FIRST = re.compile(rf"(?:^|\s)(?P<initials>{_INITIALS})\s*(?P<surname>{_SURNAME})$")
_NAME_THEN_POSITION = re.compile(rf"^(?P<name>{_SURNAME_INITIALS})\s*,\s*\S")
_PERSON = re.compile(
    rf"(?P<a>{_SURNAME_INITIALS})(?![а-яё])"  # Фамилия И.О.
    rf"|(?P<b>{_INITIALS}\s*{_SURNAME})"  # И.О. Фамилия
    rf"|(?P<c>{_SURNAME}\s+[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:вич|вна|ична|чна|оглы|кызы))"
)


def people_in(text: str) -> list[tuple[str, str, int, int]]:
    """Every person's name written in `text`: (name, surname, start, end) — «Фамилия
    И.О.», «И.О. Фамилия» or a full «Фамилия Имя Отчество»."""
    found = []
    for match in _PERSON.finditer(text):
        name = " ".join((match["a"] or match["b"] or match["c"]).split())
        words = name.replace(".", ". ").split()
        found.append((name, words[-1] if match["b"] else words[0], match.start(), match.end()))
    return found


def person_in(text: str) -> tuple[str, str] | None:
    """The last person's name written in `text` and its surname (a position or a role
    around it is not part of it); None when `text` names no person («Руководители ОО»)."""
    found = people_in(text)
    return (found[-1][0], found[-1][1]) if found else None


@lru_cache(maxsize=65536)
def name_forms(ref: str) -> tuple[str, ...]:
    """The keys under which a responsible cell may name someone, the exact one first: as
    written; without a trailing qualifier in parentheses («… (по согласованию)»); the
    «Фамилия И.О.» at the end after a position or a role word («Куратор Калачева Е. А.»,
    «Заместитель директора по УВР Лобанова Н.Н.»); initials written before the surname
    («Н.Н.Лобанова», «заместитель директора Н. Н. Лобанова»); a «Фамилия И.О.» followed by a
    comma and a position («Иванова И.И., методист ИМЦ»)."""
    forms = [normalise_name(ref)]
    text = ref
    while True:
        bare = _QUALIFIER.sub("", text)
        if bare == text or not bare.strip():
            break
        text = bare
    forms.append(normalise_name(text))
    if m := _NAME_AT_END.search(text):
        forms.append(normalise_name(m["name"]))
    if m := _INITIALS_FIRST.search(text):
        forms.append(normalise_name(m["surname"] + " " + m["initials"]))
    if m := _NAME_THEN_POSITION.match(text):  # «Иванова И.И., методист ИМЦ»
        forms.append(normalise_name(m["name"]))
    return tuple(dict.fromkeys(f for f in forms if f))


def words(name: str) -> tuple[str, ...]:
    """The words of a name, folded: what `who WORD` may match."""
    return tuple(w for w in normalise_name(name).replace(",", " ").split() if len(w) > 1)
