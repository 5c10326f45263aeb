"""A table for people — localised headers, dates in words, sections such as weeks — and how
it is shown: a rich table on a terminal (columns fitted to its width), aligned plain text in
a pipe or a file, GitHub-flavoured Markdown.

Only :func:`render_rich` imports rich, and only when called.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TextIO

# ============================================================================ words


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
    """A column: its header (in the reader's language) and how to show its cells."""

    key: str
    header: str
    align: str = "left"
    """"left" or "right" (numbers)."""
    shorten: int | None = None
    """Cut cells to this width in plain text (rich uses the terminal width instead)."""
    keep: int = 9
    """On a narrow terminal, columns with the lowest `keep` are hidden first (9: never)."""


@dataclass(frozen=True, slots=True)
class Bar:
    """A share shown as "45%" in text and as a bar with the percentage on a terminal."""

    share: float | None

    def __str__(self) -> str:
        return percent(self.share)


@dataclass(frozen=True, slots=True)
class Day:
    """A date shown in words in text ("16.10.2022", "—"), and a real date in a spreadsheet."""

    value: datetime.date | None
    text: str

    @classmethod
    def of(cls, value: datetime.date | None, lang: str, empty: str = "—") -> Day:
        """The date in the reader's form («26.09.2022»), `empty` for none."""
        from clusterctl.i18n.dates import day

        return cls(value, day(value, lang) or empty)

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class Num:
    """A count or a number of days: text in a table, a number in a spreadsheet."""

    value: int

    def __str__(self) -> str:
        return str(self.value)


Cell = str | Bar | Day | Num


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


def render_plain(table: Table) -> str:
    """Aligned text without colours (what a pipe or a file gets)."""
    out: list[str] = []
    if table.title:
        out.append(table.title)
    if not table.has_rows:
        if table.empty:
            out.append(table.empty)
        return "\n".join(out) + ("\n" if out else "")
    headers = [c.header for c in table.columns]
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


def render_markdown(table: Table) -> str:
    """GitHub-flavoured Markdown: a pipe table per section, full texts (nothing cut)."""
    out: list[str] = []
    if table.title:
        out += [f"**{_md_escape(table.title)}**", ""]
    if not table.has_rows:
        if table.empty:
            out.append(_md_escape(table.empty))
        return "\n".join(out) + "\n" if out else ""
    header = "| " + " | ".join(_md_escape(c.header) for c in table.columns) + " |"
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


def render_rich(table: Table, stream: TextIO, width: int | None = None) -> None:
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
        return Text(" ".join(str(value).split()))

    for section in table.sections:
        if not section.shown:
            continue
        if not section.rows:
            if section.title:
                console.print(Text(section.title, style="bold"))
            console.print(Text(section.empty or "", style="dim"))
            console.print()
            continue
        layout = _layout(table.columns, section.rows, console.width)
        for title, rows in _by_project(table.columns, section, layout):
            rich_table = RichTable(
                title=title, title_justify="left", title_style="bold",
                box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False,
            )
            for k, size in layout:
                column = table.columns[k]
                rich_table.add_column(
                    column.header, justify="right" if column.align == "right" else "left",
                    overflow="ellipsis" if column.shorten else "fold",
                    no_wrap=bool(column.shorten), width=size,
                )
            for row in rows:
                rich_table.add_row(*(cell(row[k]) for k, _ in layout))
            console.print(rich_table)
    if table.footer:
        console.print(table.footer)


def _by_project(columns: Sequence[Column], section: Section, layout: list[tuple[int, int]]
                ) -> list[tuple[str | None, list[Sequence[Cell]]]]:
    """The section's rows as one table; or, when the terminal is too narrow for the project
    column, grouped under a heading per project (in order of first appearance), so that no
    row is ambiguous."""
    place = next((k for k, column in enumerate(columns) if column.key == "project"), None)
    if place is None or any(k == place for k, _ in layout):
        return [(section.title, list(section.rows))]
    groups: dict[str, list[Sequence[Cell]]] = {}
    for row in section.rows:
        groups.setdefault(str(row[place]), []).append(row)
    head = f"{section.title} — " if section.title else ""
    return [(f"{head}{columns[place].header}: {project}", rows)
            for project, rows in groups.items()]


_SHORT = 12
"""Cells up to this long (dates, numbers, ids) are never wrapped nor cut on a terminal."""


def _fixed_width(header: str, texts: Sequence[str]) -> int:
    """The width a column needs so that short cells and header words are never cut; long
    cells (names, lists) may wrap between words."""
    words = [len(w) for text in [header, *texts] for w in text.split()] or [1]
    short = [len(t) for t in texts if len(t) <= 20]
    return max(max(words), *short) if short else max(words)


def _layout(
    columns: Sequence[Column], rows: Sequence[Sequence[Cell]], width: int
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
        natural = _fixed_width(column.header, texts)
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
