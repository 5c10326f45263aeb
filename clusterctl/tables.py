"""Printing query results: aligned text, rich tables, Markdown, CSV and JSON.

A :class:`Table` is what a person reads (localised headers, Russian dates, sections such as
weeks); CSV and JSON are for scripts and spreadsheets and use stable English field names,
ISO dates and the raw values of the query dataclasses (:func:`jsonable`).

Only this module's :func:`render_rich` imports rich, and only when called.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime
import enum
import importlib
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NewType, TextIO, TypeVar

FORMATS = ("table", "json", "csv", "md")
PLAIN_TITLE_WIDTH = 60
"""Titles are shortened to this many characters in plain text tables."""


# ============================================================================ words


def plural_ru(n: int, one: str, few: str, many: str) -> str:
    """1 пункт, 2 пункта, 5 пунктов."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def shorten(text: str, width: int) -> str:
    """The text cut to `width` characters with "…" (whole when it fits)."""
    text = " ".join(text.split())
    if width <= 0 or len(text) <= width:
        return text
    return text[: width - 1].rstrip() + "…"


def percent(share: float | None) -> str:
    return "—" if share is None else f"{round(share * 100)}%"


# ============================================================================ the table model


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its headers in both languages and how to show its cells."""

    key: str
    ru: str
    en: str
    align: str = "left"
    """"left" or "right" (numbers)."""
    shorten: int | None = None
    """Cut cells to this width in plain text (rich uses the terminal width instead)."""
    keep: int = 9
    """On a narrow terminal, columns with the lowest `keep` are hidden first (9: never)."""

    def header(self, lang: str) -> str:
        return self.ru if lang == "ru" else self.en


@dataclass(frozen=True, slots=True)
class Bar:
    """A share shown as "45%" in text and as a bar with the percentage on a terminal."""

    share: float | None

    def __str__(self) -> str:
        return percent(self.share)


Cell = str | Bar


@dataclass(slots=True)
class Section:
    title: str | None
    rows: list[list[Cell]] = field(default_factory=list)
    empty: str | None = None
    """Printed under the title when the section has no rows (else the section is left out)."""

    @property
    def shown(self) -> bool:
        return bool(self.rows) or self.empty is not None


@dataclass(slots=True)
class Table:
    columns: list[Column]
    sections: list[Section]
    title: str | None = None
    """A line printed above the table."""
    footer: str | None = None
    """A line printed below the table (a count, a note)."""
    empty: str = ""
    """What to print instead of a table without rows."""

    @property
    def has_rows(self) -> bool:
        return any(section.shown for section in self.sections)


# ============================================================================ plain text


def _cell_text(cell: Cell, column: Column, limit: bool) -> str:
    text = " ".join(str(cell).split())
    if limit and column.shorten:
        text = shorten(text, column.shorten)
    return text


def render_plain(table: Table, lang: str) -> str:
    """Aligned text without colours (what a pipe or a file gets)."""
    out: list[str] = []
    if table.title:
        out.append(table.title)
    if not table.has_rows:
        if table.empty:
            out.append(table.empty)
        return "\n".join(out) + ("\n" if out else "")
    headers = [c.header(lang) for c in table.columns]
    sections = [
        (s.title, s.empty, [
            [_cell_text(c, col, True) for c, col in zip(row, table.columns, strict=True)]
            for row in s.rows
        ])
        for s in table.sections if s.shown
    ]
    widths = [len(h) for h in headers]
    for _, _, rows in sections:
        for row in rows:
            widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    # columns that are empty everywhere keep their header width; trailing spaces are cut

    def line(cells: Sequence[str]) -> str:
        parts = [
            cell.rjust(width) if col.align == "right" else cell.ljust(width)
            for cell, width, col in zip(cells, widths, table.columns, strict=True)
        ]
        return "  ".join(parts).rstrip()

    for k, (title, empty, rows) in enumerate(sections):
        if title is not None:
            if k or table.title:
                out.append("")
            out.append(title)
        if not rows:
            out.append(empty or "")
            continue
        if title is not None or k == 0:
            out.append(line(headers))
        out.extend(line(row) for row in rows)
    if table.footer:
        out.append("")
        out.append(table.footer)
    return "\n".join(out) + "\n"


# ============================================================================ markdown


def _md_escape(text: str) -> str:
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")


def render_markdown(table: Table, lang: str) -> str:
    """GitHub-flavoured Markdown: a pipe table per section, full texts (nothing cut)."""
    out: list[str] = []
    if table.title:
        out += [f"**{_md_escape(table.title)}**", ""]
    if not table.has_rows:
        if table.empty:
            out.append(_md_escape(table.empty))
        return "\n".join(out) + "\n" if out else ""
    header = "| " + " | ".join(_md_escape(c.header(lang)) for c in table.columns) + " |"
    rule = "|" + "|".join("---:" if c.align == "right" else "---" for c in table.columns) + "|"
    for section in table.sections:
        if not section.shown:
            continue
        if section.title:
            out += [f"### {_md_escape(section.title)}", ""]
        if not section.rows:
            out += [_md_escape(section.empty or ""), ""]
            continue
        out += [header, rule]
        for row in section.rows:
            out.append("| " + " | ".join(_md_escape(str(c)) for c in row) + " |")
        out.append("")
    if table.footer:
        out.append(_md_escape(table.footer))
    else:
        out.pop()
    return "\n".join(out) + "\n"


# ============================================================================ rich


def render_rich(table: Table, lang: str, stream: TextIO, width: int | None = None) -> None:
    """A rich table per section on a terminal: long titles cut with "…" to fit, shares as
    bars."""
    from rich import box
    from rich.console import Console
    from rich.table import Table as RichTable
    from rich.text import Text

    console = Console(file=stream, width=width, highlight=False)
    if table.title:
        console.print(Text(table.title, style="bold"))
    if not table.has_rows:
        if table.empty:
            console.print(table.empty)
        return

    def cell(value: Cell) -> Text:
        if isinstance(value, Bar):
            if value.share is None:
                return Text("—", style="dim")
            filled = round(value.share * 10)
            bar = Text("█" * filled, style="green")
            bar.append("░" * (10 - filled), style="dim")
            bar.append(f" {percent(value.share)}")
            return bar
        return Text(" ".join(value.split()))

    for section in table.sections:
        if not section.shown:
            continue
        if not section.rows:
            if section.title:
                console.print(Text(section.title, style="bold"))
            console.print(Text(section.empty or "", style="dim"))
            console.print()
            continue
        rich_table = RichTable(
            title=section.title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
            pad_edge=False, show_edge=False,
        )
        layout = _layout(table.columns, section.rows, lang, console.width)
        for k, size in layout:
            column = table.columns[k]
            rich_table.add_column(
                column.header(lang), justify="right" if column.align == "right" else "left",
                overflow="ellipsis" if column.shorten else "fold", no_wrap=bool(column.shorten),
                width=size,
            )
        for row in section.rows:
            rich_table.add_row(*(cell(row[k]) for k, _ in layout))
        console.print(rich_table)
    if table.footer:
        console.print(table.footer)


_SHORT = 12
"""Cells up to this long (dates, numbers, ids) are never wrapped nor cut on a terminal."""


def _fixed_width(header: str, texts: Sequence[str]) -> int:
    """The width a column needs so that short cells and header words are never cut; long
    cells (names, lists) may wrap between words."""
    words = [len(w) for text in [header, *texts] for w in text.split()] or [1]
    short = [len(t) for t in texts if len(t) <= 20]
    return max(max(words), *short) if short else max(words)


def _layout(
    columns: Sequence[Column], rows: Sequence[Sequence[Cell]], lang: str, width: int
) -> list[tuple[int, int]]:
    """(index, width) of the columns to show on a terminal `width` characters wide.

    Short columns (dates, numbers, ids) get their full width; long ones up to 24 characters
    (they wrap between words); the least needed columns (lowest `keep`, rightmost first)
    are hidden until the rest fits; the title column gets what remains (20 to its
    `shorten` width) and is cut with "…".
    """
    needs: list[int] = []
    for k, column in enumerate(columns):
        texts = [_BAR_TEXT if isinstance(row[k], Bar) else " ".join(str(row[k]).split())
                 for row in rows]
        natural = _fixed_width(column.header(lang), texts)
        longest = max((len(t) for t in texts), default=0)
        needs.append(
            _TITLE_MIN if column.shorten
            else natural if longest <= _SHORT
            else max(natural, min(longest, _LONG_MAX))
        )
    shown = list(range(len(columns)))
    for k in sorted(shown, key=lambda k: (columns[k].keep, -k)):
        if columns[k].keep >= 9 or sum(needs[i] + _GAP for i in shown) <= width:
            break
        shown.remove(k)
    titles = [k for k in shown if columns[k].shorten]
    spare = width - sum(needs[i] + _GAP for i in shown)
    widths = dict((k, needs[k]) for k in shown)
    for k in titles:
        longest = max((len(" ".join(str(row[k]).split())) for row in rows), default=0)
        limit = max(_TITLE_MIN, min(longest, columns[k].shorten or longest))
        widths[k] = max(_TITLE_MIN, min(limit, _TITLE_MIN + spare // len(titles)))
    return [(k, widths[k]) for k in shown]


_BAR_TEXT = "██████████ 100%"
_TITLE_MIN = 20
_LONG_MAX = 24
_GAP = 3


# ============================================================================ machine formats


T = TypeVar("T")
_PLAIN = (str, int, bool, type(None))
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def jsonable(value: Any) -> Any:
    """A query result as JSON data: dataclasses as objects (fields in their order), dates as
    YYYY-MM-DD, enums as their values, tuples as lists. (Dispatched on the exact type, with
    each dataclass's field names looked up once: a region's answer has ~10^5 values.)"""
    return _jsonable(value, [], False)


def json_plain(cls: type[T]) -> type[T]:
    """Declare a dataclass *JSON-plain*: its fields (its own declaration, not inherited) hold
    only text, integers, booleans, None, dates, text enums, `Share`s, and lists or tuples of
    these or of other JSON-plain dataclasses; never another float (which orjson may print its
    own way), never a mapping. orjson then writes such objects natively, the standard
    library's bytes exactly, with no conversion first; tests/test_tables_json.py checks every
    declared class's annotations and the bytes."""
    _NATIVE.add(cls)
    return cls


Share = NewType("Share", float)
"""A ratio of two counts rounded to 4 places, made by `share_of`: 0, or at least 0.0001 and
(a count being smaller than 10^16) below 10^16 in magnitude, where orjson and the standard
library print a float alike (see `_jsonable`), so a JSON-plain class may hold one."""


def share_of(part: int, whole: int) -> Share:
    """`part / whole` rounded to 4 places (`whole` not 0)."""
    return Share(round(part / whole, 4))


_NATIVE: set[type] = set()


def _jsonable(value: Any, odd: list[Any], native: bool) -> Any:
    """`jsonable`; appends to `odd` each value the fast writer might print differently;
    with `native`, JSON-plain dataclasses are left for the fast writer as they are."""
    kind = type(value)
    if kind in _PLAIN:
        if kind is int and not -(2**63) <= value < 2**64:
            odd.append(value)
        return value
    if kind is float:
        if not (value == 0 or 1e-4 <= abs(value) < 1e16):  # where repr and orjson agree
            odd.append(value)
        return value
    if native and kind in _NATIVE:
        return value
    names = _FIELD_NAMES.get(kind)
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {name: _jsonable(getattr(value, name), odd, native) for name in names}
    if kind is list or kind is tuple:
        return [_jsonable(v, odd, native) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return _jsonable(value.value, odd, native)
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v, odd, native) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v, odd, native) for v in value]
    odd.append(value)  # anything else: the standard library decides (or refuses)
    return value


_orjson: Any = None
_orjson_tried = False


def _fast_writer() -> Any:
    """orjson, when installed (the `fast` extra), imported on first use; else None."""
    global _orjson, _orjson_tried
    if not _orjson_tried:
        _orjson_tried = True
        try:  # by name: mypy must not need orjson, an optional dependency
            _orjson = importlib.import_module("orjson")
        except ImportError:
            _orjson = None
    return _orjson


def render_json(data: Any) -> str:
    """Indented JSON (2 spaces, UTF-8 text as is), the standard library's layout.

    With the `fast` extra, orjson writes it ~5x faster: the same bytes for the strings,
    integers, booleans, nulls and the floats of our results (shares rounded to 4 places);
    any other value sends the whole answer to the standard library's writer, which
    tests/test_tables_json.py holds orjson to."""
    fast = _fast_json(data)
    if fast is not None:
        return fast.decode("utf-8") + "\n"
    return _reference_json(data)


def render_json_bytes(data: Any) -> bytes:
    """`render_json` as UTF-8 bytes (for a stream that takes bytes: orjson's output as it
    comes, not decoded to be encoded again, 10–20 ms of an answer of 10 MB)."""
    fast = _fast_json(data)
    if fast is not None:
        return fast + b"\n"
    return _reference_json(data).encode("utf-8")


def _reference_json(data: Any) -> str:
    """The standard library's indented JSON, with its final line break."""
    return json.dumps(_jsonable(data, [], False), ensure_ascii=False, indent=2) + "\n"


def _fast_json(data: Any) -> bytes | None:
    """orjson's bytes for `data` (without the final line break), or None: then the standard
    library writes it (no orjson, or a value orjson might write differently)."""
    fast = _fast_writer()
    if fast is None:
        return None
    odd: list[Any] = []
    plain = _jsonable(data, odd, True)
    if odd:
        return None
    try:
        return bytes(fast.dumps(plain, option=fast.OPT_INDENT_2))
    except (TypeError, ValueError):  # e.g. a lone surrogate: the reference writer says
        return None


def csv_value(value: Any) -> str:
    """One CSV cell: ISO dates, lists joined with "; ", booleans as true/false, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, (list, tuple)):
        return "; ".join(csv_value(v) for v in value)
    return str(value)


def render_csv(fields: Sequence[str], records: Iterable[Mapping[str, Any]]) -> str:
    """CSV with a header row of `fields` (RFC 4180: commas, quotes doubled, CRLF lines)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(fields)
    for record in records:
        writer.writerow([csv_value(record.get(name)) for name in fields])
    return buffer.getvalue()


def record(value: Any, **extra: Any) -> dict[str, Any]:
    """A dataclass's fields as a flat mapping (for CSV), with `extra` fields added."""
    data = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    data.update(extra)
    return data
