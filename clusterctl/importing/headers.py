"""The header words of plan tables, in one place: which column of a source table holds which
field of a plan.

A header cell names a field when its words (folded: case, ё, spaces, punctuation) are one of
the field's synonyms, or begin with one («Ожидаемый результат (количественный)»); the longest
synonym wins. Any other column becomes an extra column of the plan (`columns:`/`extra:`).
`--columns "Сроки=due,…"` maps header texts by hand over these.
"""

from __future__ import annotations

import functools
import re

FIELDS = ("id", "title", "start", "due", "responsible", "result", "comment")
"""The plan fields a column can hold (anything else is an extra column)."""

SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": ("№", "№ п/п", "№п/п", "n", "n п/п", "no", "номер", "п/п", "№ пп", "номер п/п"),
    "title": (
        "мероприятие", "мероприятия", "наименование мероприятия", "наименование мероприятий",
        "название мероприятия", "содержание", "содержание деятельности", "содержание работы",
        "содержание работ", "содержание мероприятия", "наименование", "наименование работ",
        "наименование работы", "вид деятельности", "виды деятельности", "тема",
        "направление деятельности", "мероприятия (действия)", "задачи и мероприятия",
    ),
    "start": ("плановое начало", "начало", "дата начала", "срок начала", "начало реализации"),
    "due": (
        "срок", "сроки", "сроки проведения", "срок проведения", "сроки исполнения",
        "срок исполнения", "срок выполнения", "сроки выполнения", "дата проведения",
        "даты проведения", "дата", "период реализации", "период проведения",
        "сроки реализации", "срок реализации", "плановое окончание", "окончание",
        "дата окончания", "срок окончания", "время проведения", "срок завершения",
    ),
    "responsible": (
        "ответственный", "ответственные", "ответственные исполнители", "исполнитель",
        "исполнители", "ответственный исполнитель", "ответственные лица",
        "ответственное лицо", "ответственный за исполнение", "ответственные за исполнение",
        "ф.и.о. ответственного", "фио ответственного",
    ),
    "result": (
        "результат", "результаты", "ожидаемый результат", "ожидаемые результаты",
        "характеристика результата", "достигнутые результаты", "достигнутый результат",
        "контрольный показатель", "контрольные показатели", "формы представления результатов",
        "форма представления результатов", "форма представления результата",
        "итоговый документ", "форма отчетности", "продукт", "планируемый результат",
        "планируемые результаты", "показатели результативности", "оформление результатов",
        "оформление результата", "итог", "итоги",
    ),
    "comment": ("примечание", "примечания", "комментарий", "отметка о выполнении"),
}
"""Header words of each field, folded (see `fold`)."""

_PUNCT = re.compile(r"[\s\"«»“”'.,:;*()\[\]]+")
_NUMBERS = re.compile(r"\d+")


def fold(text: str) -> str:
    """Header text folded for matching: case, ё, line breaks, runs of spaces, punctuation
    at the ends and around words."""
    text = text.casefold().replace("ё", "е").replace("\u00ad", "")
    text = text.replace("п/п", "п/п ").replace("n°", "№")
    return " ".join(_PUNCT.sub(" ", text).split())


_TABLE: list[tuple[str, str]] = sorted(
    ((fold(word), field) for field, words in SYNONYMS.items() for word in words),
    key=lambda pair: -len(pair[0]),
)
_TABLE_BY_KEY = dict(_TABLE)
_FIRST_WORDS = frozenset(word.split(" ", 1)[0] for word, _ in _TABLE)


@functools.lru_cache(maxsize=4096)
def field_of(text: str) -> str | None:
    """The field a header text names, or None."""
    if len(text) > 120:  # a sentence of a plan, not a header
        return None
    key = fold(text)
    if not key:
        return None
    if key in _TABLE_BY_KEY:
        return _TABLE_BY_KEY[key]
    if key.split(" ", 1)[0] not in _FIRST_WORDS:
        return None
    for word, field in _TABLE:
        if key.startswith(word + " ") and len(word) > 2:
            return field
    return None


def is_number_row(texts: list[str]) -> bool:
    """A row of column numbers under the header («1 2 3 4 5»)."""
    values = [t.strip().rstrip(".") for t in texts if t.strip()]
    if len(values) < 2 or not all(v.isdigit() for v in values):
        return False
    numbers = [int(v) for v in values]
    return numbers == sorted(numbers) and numbers[0] <= 2 and len(set(numbers)) == len(numbers)


def parse_columns_option(text: str) -> dict[str, str]:
    """`--columns "Сроки=due,Исполнитель=responsible"` as {folded header: field}; a field may
    also be `extra` (keep as an extra column) or `skip` (leave the column out). Raises
    ValueError naming the bad part."""
    mapping: dict[str, str] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        header, sep, field = part.rpartition("=")
        field = field.strip().lower()
        if not sep or not header.strip():
            raise ValueError(part.strip())
        if field not in FIELDS and field not in ("extra", "skip"):
            raise ValueError(part.strip())
        mapping[fold(header)] = field
    return mapping
