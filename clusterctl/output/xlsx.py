"""Spreadsheets (.xlsx): a `Table` as a sheet an office filters, edits and prints.

One writer for every spreadsheet clusterctl makes — the query answers (`overdue`, `upcoming`,
`status`, `who`) and the table documents (roadmap, report). XlsxWriter writes it (a
write-only library: a 70,000-row answer in seconds, and byte-identical output for the same
input, which the golden tests rely on).

What a sheet holds:

- a heading: the title, «На дату» with the as-of date as a real date, «Источник» (the plan
  files), and lines the table carries above itself (a person's summary in `who NAME`);
- the header row, frozen, with an autofilter over every column; when the table is cut into
  sections (weeks, projects, stages) the section is a column of its own, so that filtering
  keeps working;
- the cells: dates are real Excel dates shown as ДД.ММ.ГГГГ, counts are numbers, shares
  are percentages, text wraps; a text is always written as text (a value starting with «=»
  never becomes a formula);
- rows to watch (overdue) coloured by a conditional format whose formula refers to the
  row's own cells and to the as-of cell, so that the colour follows a user's later edits;
- the table's footer and notes below it; print set-up: A4 landscape, one page wide, the
  header row repeated on every page, «стр. N из M» at the foot.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from clusterctl.output.tables import Bar, Day, Num, Table

MAX_ROWS = 1_048_576
"""Excel's rows per sheet."""
MAX_CELL = 32_767
"""Excel's characters per cell."""
_WIDEST = 60
_NARROWEST = 6


@dataclass(slots=True)
class Sheet:
    """One sheet: a table and what is said around it."""

    name: str
    """The sheet's tab (cut to Excel's 31 characters, without []:*?/\\)."""
    title: str
    table: Table
    as_of: datetime.date
    source: str
    """The plan files the answer comes from."""
    lang: str = "ru"
    section_header: str | None = None
    """The header of the column that holds section titles (None: sections are not named)."""
    highlight: str | None = None
    """A condition on one row that marks it (overdue), with `{key}` for the row's cell of the
    column `key` and `{as_of}` for the as-of date's cell: "{days_overdue}>0"."""
    notes: list[str] = field(default_factory=list)
    """Lines written under the table (besides the table's footer)."""


class SheetTooLarge(ValueError):
    """A table with more rows than a sheet can hold."""


def _labels(lang: str) -> dict[str, str]:
    from clusterctl.i18n import t

    return {key: t("sheet." + key, lang) for key in ("as-of", "source", "page")}


def sheet_name(text: str) -> str:
    """A valid, distinct-enough sheet name: Excel forbids []:*?/\\ and more than 31 chars."""
    name = re.sub(r"[\[\]:*?/\\]", " ", text).strip().strip("'") or "Sheet"
    return name[:31]


def _header_text(text: str) -> str:
    """A text for the page header/footer: «&» is XlsxWriter's control character."""
    return text.replace("&", "&&")[:200]


def _text(value: str) -> str:
    return value if len(value) <= MAX_CELL else value[: MAX_CELL - 1] + "…"


def write_xlsx(sheets: Sequence[Sheet], created: datetime.date, title: str = "") -> bytes:
    """The workbook of `sheets`, as bytes (its properties dated `created`: the same input
    gives the same bytes)."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {
        "in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
        "strings_to_numbers": False,
    })
    stamp = datetime.datetime.combine(created, datetime.time())
    book.set_properties({"title": title or (sheets[0].title if sheets else ""),
                         "created": stamp, "author": "clusterctl"})
    styles = _Styles(book, sheets[0].lang if sheets else "ru")
    used: set[str] = set()
    for sheet in sheets:
        name = sheet_name(sheet.name)
        n = 2
        while name.lower() in used:
            suffix = f" ({n})"
            name = sheet_name(sheet.name)[: 31 - len(suffix)] + suffix
            n += 1
        used.add(name.lower())
        _write_sheet(book.add_worksheet(name), sheet, styles)
    book.close()
    return buffer.getvalue()


class _Styles:
    def __init__(self, book: Any, lang: str) -> None:
        date_format = "dd.mm.yyyy" if lang == "ru" else "dd/mm/yyyy"
        base = {"font_name": "Times New Roman", "font_size": 12, "valign": "top"}
        self.title = book.add_format({**base, "bold": True, "font_size": 14})
        self.label = book.add_format({**base, "bold": True})
        self.plain = book.add_format(base)
        self.as_of = book.add_format({**base, "num_format": date_format, "align": "left"})
        self.header = book.add_format({**base, "bold": True, "text_wrap": True, "border": 1,
                                       "bg_color": "#E7E6E6", "valign": "vcenter"})
        cell = {**base, "border": 1}
        self.text = book.add_format({**cell, "text_wrap": True})
        self.date = book.add_format({**cell, "num_format": date_format, "align": "left"})
        self.number = book.add_format({**cell, "num_format": "0"})
        self.share = book.add_format({**cell, "num_format": "0%"})
        self.mark = book.add_format({"bg_color": "#F8D7DA", "font_color": "#842029"})


def _cell_width(value: object) -> int:
    if isinstance(value, Day):
        return 10
    if isinstance(value, (Num, Bar)):
        return len(str(value))
    return max((len(line) for line in str(value).splitlines()), default=0)


_LINE = 15.75
"""Points per line of 12-point text."""


def _lines(texts: Sequence[str], widths: Sequence[int]) -> int:
    """How many lines the tallest of a row's cells wraps to (an estimate by characters)."""
    most = 1
    for text, width in zip(texts, widths, strict=False):
        room = max(1, width - 2)
        lines = sum(max(1, -(-len(part) // room)) for part in text.split("\n"))
        most = max(most, lines)
    return min(most, 40)


def _write_sheet(ws: Any, sheet: Sheet, styles: _Styles) -> None:
    from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

    table = sheet.table
    labels = _labels(sheet.lang)
    named = sheet.section_header is not None and any(s.title for s in table.sections)
    headers = ([sheet.section_header or ""] if named else []) + [c.header for c in table.columns]
    keys = (["section"] if named else []) + [c.key for c in table.columns]
    rows: list[list[object]] = [
        ([section.title or ""] if named else []) + list(row)
        for section in table.sections for row in section.rows
    ]

    across = max(1, min(len(table.columns), 5))  # the heading's values span a few columns
    ws.write_string(0, 0, _text(sheet.title), styles.title)
    ws.write_string(1, 0, labels["as-of"], styles.label)
    ws.merge_range(1, 1, 1, across, "", styles.as_of)
    ws.write_datetime(1, 1, datetime.datetime.combine(sheet.as_of, datetime.time()),
                      styles.as_of)
    ws.write_string(2, 0, labels["source"], styles.label)
    ws.merge_range(2, 1, 2, across, "", styles.plain)
    ws.write_string(2, 1, _text(sheet.source), styles.plain)
    row = 3
    for line in (table.title or "").splitlines():
        ws.write_string(row, 0, _text(line), styles.plain)
        row += 1
    head = row + 1
    if head + 1 + len(rows) + 2 + len(sheet.notes) > MAX_ROWS:
        raise SheetTooLarge(len(rows))
    for col, text in enumerate(headers):
        ws.write_string(head, col, text, styles.header)
    first = head + 1
    for r, values in enumerate(rows, start=first):
        for col, value in enumerate(values):
            if isinstance(value, Day):
                if value.value is None:
                    ws.write_string(r, col, value.text, styles.text)
                else:
                    ws.write_datetime(r, col, datetime.datetime.combine(value.value,
                                                                        datetime.time()),
                                      styles.date)
            elif isinstance(value, Num):
                ws.write_number(r, col, value.value, styles.number)
            elif isinstance(value, Bar):
                if value.share is None:
                    ws.write_string(r, col, "—", styles.text)
                else:
                    ws.write_number(r, col, value.share, styles.share)
            else:
                ws.write_string(r, col, _text(str(value)), styles.text)
    last = first + len(rows) - 1
    width = len(headers)
    widths = []
    for col in range(width):
        wanted = max([_cell_width(v[col]) for v in rows[:2000]] + [
            max((len(w) for w in headers[col].split()), default=0)])
        widths.append(max(_NARROWEST, min(_WIDEST, wanted + 2)))
        ws.set_column(col, col, widths[-1])
    # row heights for the wrapped text (LibreOffice does not fit them when it opens a file)
    ws.set_row(head, _LINE * _lines(headers, widths))
    for r, values in enumerate(rows, start=first):
        lines = _lines([str(v) for v in values], widths)
        if lines > 1:
            ws.set_row(r, _LINE * lines)
    ws.freeze_panes(first, 0)
    if rows:
        ws.autofilter(head, 0, last, width - 1)
        if sheet.highlight is not None:
            refs = {key: f"${xl_col_to_name(col)}{first + 1}" for col, key in enumerate(keys)}
            refs["as_of"] = xl_rowcol_to_cell(1, 1, row_abs=True, col_abs=True)
            ws.conditional_format(first, 0, last, width - 1, {
                "type": "formula", "criteria": "=" + sheet.highlight.format(**refs),
                "format": styles.mark,
            })
    else:
        ws.autofilter(head, 0, head, width - 1)
    below = (last if rows else head) + 2
    for line in [*(table.footer or "").splitlines(), *sheet.notes]:
        ws.write_string(below, 0, _text(line), styles.plain)
        below += 1
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.set_margins(left=0.5, right=0.5, top=0.7, bottom=0.7)
    ws.repeat_rows(head)
    ws.fit_to_pages(1, 0)
    ws.set_header("&L" + _header_text(sheet.title) + "&R" + _header_text(
        sheet.as_of.strftime("%d.%m.%Y")))
    ws.set_footer("&C" + _header_text(labels["page"]).replace("{page}", "&P").replace(
        "{pages}", "&N"))


__all__ = ["MAX_ROWS", "Sheet", "SheetTooLarge", "sheet_name", "write_xlsx"]
