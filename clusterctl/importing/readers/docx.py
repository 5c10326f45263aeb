"""Word (.docx, .docm): python-docx opens the package; the tables are read by walking the
XML (`w:tbl/w:tr/w:tc`) — python-docx's `row.cells` repeats a merged cell in every slot and
`Table.cell(r, c)` in a loop is quadratic, while a plan's layout is in its merges.

Read as Word shows them: horizontal merges (`w:gridSpan`, legacy `w:hMerge`), vertical ones
(`w:vMerge` restart/continue), cells left out before and after a row (`w:gridBefore`,
`w:gridAfter`), content controls (`w:sdt` unwrapped), tracked changes (insertions read,
deletions and deleted rows skipped, with a note), tables nested in a cell (their rows become
lines of the cell's text), line breaks and tabs, and Word's automatic list numbering (the «№»
column is often a numbered list): computed from `numbering.xml`, or counted in document order
when the definitions are missing (with a note). Field codes and the fallback copies of text
boxes are not text.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from clusterctl.importing.tables import MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, Cell, Document, Table

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {W + "delText", W + "instrText", W + "delInstrText", MC_FALLBACK, W + "del",
         W + "moveFrom", W + "pPr", W + "rPr", W + "tblPr", W + "trPr", W + "tcPr",
         W + "footnoteReference", W + "commentReference", W + "sdtPr", W + "sdtEndPr"}


def _val(element: Any, name: str, default: str | None = None) -> str | None:
    found = element.find(name)
    if found is None:
        return default
    value: str | None = found.get(W + "val", default)
    return value


def _int(text: str | None, default: int) -> int:
    try:
        return max(0, int(text)) if text is not None else default
    except ValueError:
        return default


class _Numbering:
    """Word's list numbers: counters per list and level, as Word counts them."""

    _FORMATS = frozenset({"decimal", "decimalZero"})

    def __init__(self, document: Any, doc: Document) -> None:
        self.doc = doc
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        self.missing = False
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            root = None
        if root is None:
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.iterfind(W + "abstractNum"):
            levels = {}
            for lvl in node.iterfind(W + "lvl"):
                ilvl = _int(lvl.get(W + "ilvl"), 0)
                levels[ilvl] = (_val(lvl, W + "numFmt", "decimal") or "decimal",
                                _val(lvl, W + "lvlText", "") or "",
                                _int(_val(lvl, W + "start"), 1))
            abstract[node.get(W + "abstractNumId") or ""] = levels
        for num in root.iterfind(W + "num"):
            levels = dict(abstract.get(_val(num, W + "abstractNumId") or "", {}))
            for override in num.iterfind(W + "lvlOverride"):
                ilvl = _int(override.get(W + "ilvl"), 0)
                start = _val(override, W + "startOverride")
                if start is not None and ilvl in levels:
                    fmt, text, _ = levels[ilvl]
                    levels[ilvl] = (fmt, text, _int(start, 1))
            self.levels[num.get(W + "numId") or ""] = levels

    def label(self, num_id: str, ilvl: int) -> str:
        """The label Word shows for the next paragraph of list `num_id` at level `ilvl`."""
        if num_id == "0":  # numbering switched off for this paragraph
            return ""
        levels = self.levels.get(num_id)
        counters = self.counters.setdefault(num_id, [0] * 9)
        ilvl = min(max(ilvl, 0), 8)
        if not levels or ilvl not in levels:
            self.doc.note("import.note-numbering")
            counters[ilvl] += 1
            return f"{counters[ilvl]}."
        fmt, text, start = levels[ilvl]
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else start
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        if fmt == "bullet":
            return "-"
        if fmt not in self._FORMATS:
            if fmt != "none":
                self.doc.note("import.note-numbering-format", format=fmt)
            return ""
        label = text
        for level in range(ilvl + 1):
            value = counters[level] or levels.get(level, ("", "", 1))[2]
            label = label.replace(f"%{level + 1}", str(value))
        return label


class _Reader:
    def __init__(self, document: Any, doc: Document) -> None:
        self.doc = doc
        self.numbering = _Numbering(document, doc)
        self.tracked = False

    # ------------------------------------------------------------------ text

    def paragraph(self, p: Any) -> str:
        parts: list[str] = []
        ppr = p.find(W + "pPr")
        if ppr is not None:
            if ppr.find(f"{W}rPr/{W}del") is not None and not "".join(p.itertext()).strip():
                return ""
            numpr = ppr.find(W + "numPr")
            if numpr is not None:
                label = self.numbering.label(_val(numpr, W + "numId", "") or "",
                                             _int(_val(numpr, W + "ilvl"), 0))
                if label:
                    parts.append(label + " ")
        self._runs(p, parts)
        return "".join(parts)

    def _runs(self, node: Any, parts: list[str]) -> None:
        for child in node:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag in _SKIP:
                if tag in (W + "del", W + "moveFrom"):
                    self.tracked = True
                continue
            if tag == W + "t":
                parts.append(child.text or "")
            elif tag in (W + "tab", W + "ptab"):
                parts.append(" ")
            elif tag in (W + "br", W + "cr"):
                parts.append("\n")
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            elif tag == W + "tbl":  # a table inside a text box or frame
                parts.append(self.nested(child))
            else:
                if tag in (W + "ins", W + "moveTo"):
                    self.tracked = True
                self._runs(child, parts)

    def cell_text(self, tc: Any) -> str:
        lines: list[str] = []
        for block in self.blocks(tc):
            if block.tag == W + "p":
                lines.append(self.paragraph(block))
            else:
                self.doc.note("import.note-nested-table")
                lines.append(self.nested(block))
        text = "\n".join(lines).strip("\n")
        if len(text) > MAX_CELL_CHARS:
            self.doc.note("import.note-cell-cut", limit=MAX_CELL_CHARS)
            text = text[:MAX_CELL_CHARS]
        return text

    def nested(self, tbl: Any) -> str:
        """A nested table as lines of text: one line per row, cells joined by «; »."""
        lines = []
        for row in self.table(tbl, 0).grid:
            seen: list[str] = []
            for cell in row:
                if cell is not None and cell.text and cell.text not in seen:
                    seen.append(cell.text.replace("\n", " "))
            if seen:
                lines.append("; ".join(seen))
        return "\n".join(lines)

    # ------------------------------------------------------------------ structure

    def blocks(self, parent: Any) -> Iterator[Any]:
        """Paragraphs and tables of a body or cell in document order, content controls
        (and custom XML, smart tags) unwrapped."""
        for child in parent:
            tag = child.tag
            if tag in (W + "p", W + "tbl"):
                yield child
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    yield from self.blocks(content)
            elif tag in (W + "customXml", W + "ins", W + "moveTo"):
                yield from self.blocks(child)

    def _wrapped(self, parent: Any, tag: str) -> Iterator[Any]:
        """The `tag` children of a table (rows) or a row (cells), those inside content
        controls and custom XML included."""
        for child in parent:
            if child.tag == tag:
                yield child
            elif child.tag in (W + "sdt", W + "customXml"):
                inner = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
                if inner is not None:
                    yield from self._wrapped(inner, tag)

    def table(self, tbl: Any, number: int) -> Table:
        grid: list[list[Cell | None]] = []
        for tr in self._wrapped(tbl, W + "tr"):
            trpr = tr.find(W + "trPr")
            if trpr is not None and trpr.find(W + "del") is not None:
                self.tracked = True
                continue  # a row deleted with tracked changes
            if len(grid) >= MAX_ROWS:
                from clusterctl.errors import ImportRefused

                raise ImportRefused("import.too-many-rows", file=self.doc.path,
                                    table=number, limit=MAX_ROWS)
            r = len(grid)
            line: list[Cell | None] = []
            before = _int(_val(trpr, W + "gridBefore"), 0) if trpr is not None else 0
            line.extend([None] * min(before, MAX_COLUMNS))
            for tc in self._wrapped(tr, W + "tc"):
                c = len(line)
                if c >= MAX_COLUMNS:
                    self.doc.note("import.note-columns-cut", table=number, limit=MAX_COLUMNS)
                    break
                tcpr = tc.find(W + "tcPr")
                span = max(1, _int(_val(tcpr, W + "gridSpan"), 1)) if tcpr is not None else 1
                span = min(span, MAX_COLUMNS - c)
                vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
                hmerge = _val(tcpr, W + "hMerge") if tcpr is not None else None
                text = self.cell_text(tc)
                above = grid[r - 1][c] if r and c < len(grid[r - 1]) else None
                if vmerge is not None and vmerge.get(W + "val", "continue") == "continue" \
                        and above is not None:
                    if above.row + above.rowspan - 1 == r:  # still growing downwards
                        above.rowspan += 1
                    if text and text not in above.text:
                        above.text = (above.text + "\n" + text).strip("\n")
                    line.extend([above] * span)
                    continue
                left = line[-1] if line else None
                if hmerge == "continue" and left is not None and left.row == r + 1:
                    left.colspan += span
                    if text:
                        left.text = (left.text + "\n" + text).strip("\n")
                    line.extend([left] * span)
                    continue
                cell = Cell(text, r + 1, c + 1, 1, span)
                line.extend([cell] * span)
            grid.append(line)
        return Table(number=number, grid=grid)


def read(path: Path, doc: Document) -> None:
    """Fill `doc` with the tables and paragraphs of the Word file at `path` (checked by
    `clusterctl.importing.archive` first)."""
    import docx  # python-docx
    from docx.opc.exceptions import OpcError

    try:
        document = docx.Document(str(path))
        reader = _Reader(document, doc)
    except (OpcError, SyntaxError, KeyError, ValueError, zipfile.BadZipFile,
            zlib.error) as exc:  # lxml's XMLSyntaxError is a SyntaxError
        # a part missing or not XML: python-docx's own errors, named
        from clusterctl.errors import ImportRefused

        raise ImportRefused("import.broken-docx", file=doc.path,
                            reason=str(exc).splitlines()[0][:200] if str(exc) else
                            type(exc).__name__) from None
    body = document.element.body
    pending: list[str] = []
    number = 0
    for block in reader.blocks(body):
        if block.tag == W + "p":
            text = reader.paragraph(block).strip()
            if text:
                pending.append(text)
            continue
        number += 1
        table = reader.table(block, number)
        table.before = pending
        if number == 1:
            doc.paragraphs = list(pending)
        pending = []
        doc.tables.append(table)
    if number == 0:
        doc.paragraphs = pending
    else:
        doc.after = pending
    if reader.tracked:
        doc.note("import.note-tracked-changes")
