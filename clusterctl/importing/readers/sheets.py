"""Excel (.xlsx, .xlsm, .xls): python-calamine reads both the new and the old binary format,
with the merged ranges (openpyxl's `read_only` mode drops them, and it reads no .xls), and
returns dates as dates (a date stored as a serial number comes back as a date when the cell
has a date format). Each sheet is one table; a table need not start at A1.

calamine parses the XML with quick-xml, which expands no entities; the archive is checked
by `clusterctl.importing.archive` first anyway.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from clusterctl.errors import ImportRefused
from clusterctl.importing.tables import (
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_ROWS,
    Document,
    Table,
    build_grid,
)


def cell_text(value: Any) -> str:
    """A spreadsheet value as a plan writes it: dates as ДД.ММ.ГГГГ, whole numbers without
    «.0», line breaks as line breaks."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ИСТИНА" if value else "ЛОЖЬ"  # as a Russian Excel shows them
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0, 0):
            return value.strftime("%d.%m.%Y")
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("_x000D_", "")
    return text[:MAX_CELL_CHARS]


def read(path: Path, doc: Document, sheet: str | None = None) -> None:
    """Fill `doc` with one table per sheet (or the one named `sheet`)."""
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine's own error types: a broken or protected file
        raise ImportRefused("import.broken-sheet", file=doc.path,
                            reason=str(exc).splitlines()[0][:200] if str(exc) else "") from None
    names = list(workbook.sheet_names)
    if sheet is not None:
        if sheet not in names:
            raise ImportRefused("import.no-sheet", file=doc.path, sheet=sheet,
                                known=", ".join(f"«{n}»" for n in names))
        names = [sheet]
    for number, name in enumerate(workbook.sheet_names, start=1):
        if name not in names:
            continue
        try:
            data = workbook.get_sheet_by_name(name)
            table = _table(data, number, name, doc)
        except ImportRefused:
            raise
        except Exception as exc:  # a sheet calamine cannot read (a chart sheet)
            doc.note("import.note-sheet-skipped", sheet=name,
                     reason=str(exc).splitlines()[0][:200] if str(exc) else "")
            continue
        if table is not None:
            doc.tables.append(table)


def _table(data: Any, number: int, name: str, doc: Document) -> Table | None:
    start = data.start  # (row, column) of the first used cell, 0-based; None when empty
    if start is None or data.height == 0:
        return None
    top, left = start
    if data.height > MAX_ROWS or top > MAX_ROWS:
        raise ImportRefused("import.too-many-rows", file=doc.path, table=number,
                            limit=MAX_ROWS)
    width = data.width
    if width > MAX_COLUMNS:
        doc.note("import.note-columns-cut", table=number, limit=MAX_COLUMNS)
        width = MAX_COLUMNS
    merges: dict[tuple[int, int], tuple[int, int]] = {}
    inside: set[tuple[int, int]] = set()
    for (r0, c0), (r1, c1) in data.merged_cell_ranges or []:
        if r1 - r0 >= MAX_ROWS or c1 - c0 >= 16_384:
            continue
        merges[(r0 - top, c0 - left)] = (r1 - r0 + 1, c1 - c0 + 1)
        for r in range(r0, min(r1, r0 + MAX_ROWS) + 1):
            for c in range(c0, min(c1 + 1, c0 + MAX_COLUMNS)):
                if (r, c) != (r0, c0):
                    inside.add((r - top, c - left))
    rows: list[list[tuple[str, int, int]]] = []
    # rows and columns from A1 (python-calamine documents `skip_empty_area=False` so), then
    # the table's own area
    for r, values in enumerate(data.to_python(skip_empty_area=False)[top:]):
        anchors: list[tuple[str, int, int]] = []
        for c, value in enumerate(values[left:left + width]):
            if (r, c) in inside:
                continue
            rowspan, colspan = merges.get((r, c), (1, 1))
            anchors.append((cell_text(value).strip(), rowspan, colspan))
        rows.append(anchors)
    table = Table(number=number, grid=build_grid(rows), name=name, first_row=top + 1,
                  first_col=left + 1)
    return table
