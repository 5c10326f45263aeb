"""LibreOffice (.ods, .odt): odfdo opens the package. Tables are read from their rows and
cells as ODF writes them: a spanning cell (`table:number-columns-spanned`,
`table:number-rows-spanned`) covers the `table:covered-table-cell`s after and below it, and a
row or cell may stand for many (`table:number-rows-repeated`, `…-columns-repeated`:
LibreOffice writes the empty rest of a sheet as one row repeated a million times — such
runs of empty rows and cells are counted, never materialised). Text paragraphs, headings,
lists and sections of a text document are read in document order; tracked deletions and
annotations are not text.
"""

from __future__ import annotations

from collections.abc import Iterator
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

_ROW_GROUPS = {"table:table-header-rows", "table:table-row-group", "table:table-rows"}
_CELLS = {"table:table-cell", "table:covered-table-cell"}
_NOT_TEXT = {"office:annotation", "office:annotation-end", "text:tracked-changes",
             "text:note", "text:bookmark", "text:soft-page-break"}


def _text(element: Any) -> str:
    """The text of a paragraph or heading as odfdo reads it (spaces, tabs, line breaks),
    without annotations and notes."""
    parts = [element.text or ""]
    for child in element.children:
        if child.tag == "text:tab":
            parts.append(" ")
        elif child.tag not in _NOT_TEXT:
            parts.append(_text(child) if child.children else str(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _cell_text(cell: Any, doc: Document) -> str:
    lines: list[str] = []
    for child in cell.children:
        if child.tag in ("text:p", "text:h"):
            lines.append(_text(child))
        elif child.tag == "text:list":
            lines.extend("- " + line for line in _list_lines(child))
        elif child.tag == "table:table":
            doc.note("import.note-nested-table")
            for row in _table(child, 0, doc).grid:
                texts = list(dict.fromkeys(c.text.replace("\n", " ") for c in row
                                           if c is not None and c.text))
                if texts:
                    lines.append("; ".join(texts))
    text = "\n".join(lines).strip()
    if len(text) > MAX_CELL_CHARS:
        doc.note("import.note-cell-cut", limit=MAX_CELL_CHARS)
        text = text[:MAX_CELL_CHARS]
    return text


def _list_lines(element: Any) -> Iterator[str]:
    for item in element.children:
        for child in item.children:
            if child.tag in ("text:p", "text:h"):
                yield _text(child)
            elif child.tag == "text:list":
                yield from _list_lines(child)


def _rows(table: Any) -> Iterator[Any]:
    for child in table.children:
        if child.tag == "table:table-row":
            yield child
        elif child.tag in _ROW_GROUPS:
            yield from _rows(child)


def _int(element: Any, name: str) -> int:
    value = element.get_attribute_integer(name)
    return max(1, value) if value else 1


def _table(element: Any, number: int, doc: Document) -> Table:
    rows: list[list[tuple[str, int, int]]] = []
    pending_empty = 0
    for row in _rows(element):
        repeat = _int(row, "table:number-rows-repeated")
        anchors: list[tuple[str, int, int]] = []
        width = 0
        filled = False
        for cell in row.children:
            if cell.tag not in _CELLS:
                continue
            times = _int(cell, "table:number-columns-repeated")
            if cell.tag == "table:covered-table-cell":
                width += times
                continue
            text = _cell_text(cell, doc)
            filled = filled or bool(text)
            rowspan = _int(cell, "table:number-rows-spanned")
            colspan = _int(cell, "table:number-columns-spanned")
            times = min(times, max(0, MAX_COLUMNS - width))
            for _ in range(times):
                anchors.append((text, rowspan, colspan))
            width += times * colspan
            if width >= MAX_COLUMNS:
                break
        if not filled:  # empty rows are counted: only those before a filled row are kept
            pending_empty += repeat
            continue
        if len(rows) + pending_empty + repeat > MAX_ROWS:
            raise ImportRefused("import.too-many-rows", file=doc.path, table=number,
                                limit=MAX_ROWS)
        rows.extend([[] for _ in range(pending_empty)])
        pending_empty = 0
        rows.extend(list(anchors) for _ in range(repeat))
    while rows and not rows[0]:
        rows.pop(0)
    name = element.get_attribute_string("table:name") or ""
    return Table(number=number, grid=build_grid(rows), name=name)


def _blocks(parent: Any) -> Iterator[Any]:
    for child in parent.children:
        if child.tag in ("text:p", "text:h", "table:table", "text:list"):
            yield child
        elif child.tag in ("text:section", "text:index-body"):
            yield from _blocks(child)


def read(path: Path, doc: Document, sheet: str | None = None) -> None:
    """Fill `doc` with the tables (and, for .odt, the paragraphs) of the file at `path`."""
    from odfdo import Document as OdfDocument

    try:
        document = OdfDocument(str(path))
        body = document.body
    except Exception as exc:  # odfdo's errors for a broken package
        raise ImportRefused("import.broken-odf", file=doc.path,
                            reason=str(exc).splitlines()[0][:200] if str(exc) else "") from None
    pending: list[str] = []
    number = 0
    first = True
    for block in _blocks(body):
        if block.tag == "table:table":
            number += 1
            table = _table(block, number, doc)
            if sheet is not None and table.name != sheet:
                continue
            table.before = pending
            if first:
                doc.paragraphs = list(pending)
                first = False
            pending = []
            doc.tables.append(table)
        elif block.tag == "text:list":
            pending.extend(line.strip() for line in _list_lines(block) if line.strip())
        else:
            text = _text(block).strip()
            if text:
                pending.append(text)
    if sheet is not None and not doc.tables:
        names = [b.get_attribute_string("table:name") or "" for b in _blocks(body)
                 if b.tag == "table:table"]
        raise ImportRefused("import.no-sheet", file=doc.path, sheet=sheet,
                            known=", ".join(f"«{n}»" for n in names))
    if first:
        doc.paragraphs = pending
    else:
        doc.after = pending
