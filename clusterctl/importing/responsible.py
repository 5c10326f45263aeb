"""Responsible cells become lists of names, and the names become the plan's registries.

A cell is split into entries one per line (a line that starts with «(», or follows a line
ending in a comma without naming a person of its own, goes with the line above: «Иванова
И.И.,» / «методист ИМЦ»), then by «;», then by commas where every part is
a person's name (a position written before one name, «Заместитель директора по УВР,
Лобанова Н.Н.», stays one qualified entry, and so does «Администрация МОУ «Звениговский
лицей», МОУ «ВГЛ»»). Entries are kept as written (the plan's
`responsible:` repeats the cell); the registries get one entry per person, role or
organisation, matched the way the loader matches names (`clusterctl.model.names`): one key for
«Моргунова И. Е.» and «Моргунова И.Е.», «Сысоева Оксана Павловна» also answering to
«Сысоева О.П.», a position or «(по согласованию)» around a name ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from clusterctl.model.names import (
    initials_form,
    name_forms,
    normalise_name,
    people_in,
    person_in,
)

_SCHOOL_PREFIX = re.compile(r"^(?:ГБОУ|МБОУ|МАОУ|МКОУ|ГАОУ|ГОУ|МОУ|ЧОУ|ОГБОУ|КГБОУ)\b")
_ORG_PREFIX = re.compile(
    r"^(?:ГБОУ|МБОУ|МАОУ|МКОУ|ГАОУ|ГБУ|МБУ|МАУ|ГАУ|ГБДОУ|МБДОУ|МАДОУ|ФГБОУ|ГАПОУ|ГБПОУ|"
    r"ОГБОУ|КГБОУ|КГАУ|ГОУ|МОУ|ЧОУ|АНО|ООО|ОАО|АО|ПАО)\b")
_ABBREVIATION = re.compile(r"^[А-ЯЁA-Z0-9][А-ЯЁA-Z0-9 «»\"\-№.]*$")


def split_cell(text: str) -> list[str]:
    """The entries of a responsible cell, as written."""
    entries: list[str] = []
    lines: list[str] = []
    for line in (line.strip() for line in text.splitlines()):
        if line and lines and (line[0] == "(" or (lines[-1].endswith(",")
                                                  and person_in(line) is None)):
            # «Иванова И.И.,» / «методист ИМЦ»: a position or a note goes with the line above
            lines[-1] = f"{lines[-1]} {line}"
        elif line:
            lines.append(line)
    for line in lines:
        for part in _split_outside_brackets(line, ";"):
            part = part.strip().strip(",").strip()
            if not part:
                continue
            pieces = [p.strip() for p in _split_outside_brackets(part, ",") if p.strip()]
            named = [person_in(p) is not None for p in pieces]
            if len(pieces) > 1 and all(named):
                entries.extend(pieces)
            else:
                entries.extend(_names_run_together(part))
    return [e.rstrip(";, ") for e in entries if e.rstrip(";, ")]


def _names_run_together(entry: str) -> list[str]:
    """«Чечуркина К.К. Шкуратская М.В.»: names with nothing but spaces between them are
    several entries; anything else is one."""
    found = people_in(entry)
    if len(found) < 2:
        return [entry]
    rest = entry
    for _, _, start, end in reversed(found):
        rest = rest[:start] + rest[end:]
    if rest.strip(" .;,\u00a0"):
        return [entry]
    return [entry[start:end].strip() for _, _, start, end in found]


def _split_outside_brackets(text: str, sep: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        if char in "([«":
            depth += 1
        elif char in ")]»" and depth:
            depth -= 1
        if char == sep and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


_TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
     "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
    strict=True,
))


def latin_id(text: str, words: int = 4) -> str:
    """A short Latin id from Russian words (the passport transliteration the examples'
    ids use: «Чечуркина» → chechurkina, «Руководители ОО» → rukovoditeli-oo)."""
    out = []
    for word in re.findall(r"[^\W_]+", text.casefold())[:words]:
        out.append("".join(_TRANSLIT.get(ch, ch if ch.isascii() else "") for ch in word))
    return "-".join(w for w in out if w)[:40].strip("-") or "x"


@dataclass(slots=True)
class Entry:
    kind: str  # person, role, organisation
    name: str
    id: str = ""
    full_name: str | None = None
    aliases: list[str] = field(default_factory=list)


class Registries:
    """The people, roles and organisations met in the responsible cells, in order of first
    appearance, with stable ids."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self._by_key: dict[str, Entry] = {}
        self._ids: set[str] = set()

    def _new_id(self, base: str) -> str:
        candidate, n = base, 2
        while candidate in self._ids:
            candidate, n = f"{base}-{n}", n + 1
        self._ids.add(candidate)
        return candidate

    def add(self, entry_text: str) -> None:
        """Register the person, role or organisation an entry names (if new)."""
        forms = name_forms(entry_text)
        if any(form in self._by_key for form in forms):
            return
        person = person_in(entry_text)
        bare = re.sub(r"\s*\([^()]*\)\s*$", "", entry_text).strip() or entry_text
        if person is not None:
            self._add_person(person[0], entry_text, person[1])
            return
        kind = "organisation" if (_ORG_PREFIX.match(bare) or (
            _ABBREVIATION.match(bare) and len(bare) <= 40)) else "role"
        entry = Entry(kind, bare, self._new_id(latin_id(bare)))
        self.entries.append(entry)
        for form in name_forms(bare):
            self._by_key.setdefault(form, entry)

    def _add_person(self, name: str, written: str, surname: str) -> None:
        key = normalise_name(name)
        short = initials_form(name)
        existing = self._by_key.get(key) or (self._by_key.get(normalise_name(short))
                                             if short else None)
        if existing is None and short is None:
            # «Сысоева О.П.» after «Сысоева Оксана Павловна»: the same person
            for entry in self.entries:
                if entry.kind == "person" and entry.full_name is None and (
                        (form := initials_form(entry.name)) is not None
                        and normalise_name(form) == key):
                    existing = entry
                    break
        if existing is not None:
            if short is not None and existing.full_name is None and "." in existing.name:
                existing.full_name = name  # the full name of someone met with initials
            for form in name_forms(written):
                self._by_key.setdefault(form, existing)
            return
        entry = Entry("person", name, self._new_id(latin_id(surname, words=1)))
        self.entries.append(entry)
        for form in {key, *name_forms(written)}:
            self._by_key.setdefault(form, entry)
        if short is not None:
            self._by_key.setdefault(normalise_name(short), entry)

    @staticmethod
    def organisation_kind(name: str) -> str:
        """school for «ГБОУ СОШ № 7» and its like; other for «МО ПК», «РМЦ»."""
        return "school" if _SCHOOL_PREFIX.match(name) else "other"

    def of(self, kind: str) -> list[Entry]:
        return [e for e in self.entries if e.kind == kind]
