"""Office files built by code for the import tests: Word through python-docx (as Word writes
them) or as raw WordprocessingML (for the structures python-docx cannot make: content
controls, tracked changes, gridBefore, list numbering, nested tables), Excel through
openpyxl, LibreOffice through odfdo, CSV through the standard library."""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass
class T:
    """A table to write: rows of cell texts ("" empty; cells a merge covers are left
    empty) and merges as (first row, first column, last row, last column), 0-based."""

    rows: list[list[str]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)


Block = str | T


# ----------------------------------------------------------------- Word, as python-docx writes


def write_docx(path: Path, blocks: Sequence[Block]) -> Path:
    from docx import Document

    document = Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        width = max(len(row) for row in block.rows)
        table = document.add_table(rows=len(block.rows), cols=width)
        table.style = "Table Grid"
        for r, row in enumerate(block.rows):
            cells = table.rows[r].cells
            for c, text in enumerate(row):
                if text:
                    lines = text.split("\n")
                    cells[c].text = lines[0]
                    for line in lines[1:]:
                        cells[c].add_paragraph(line)
        for r0, c0, r1, c1 in block.merges:
            table.cell(r0, c0).merge(table.cell(r1, c1))
    document.save(str(path))
    return path


# ----------------------------------------------------------------- Word, raw XML

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '{numbering}</Types>'
)
_NUMBERING_TYPE = ('<Override PartName="/word/numbering.xml" ContentType="application/'
                   'vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '{numbering}</Relationships>'
)
_NUMBERING_REL = ('<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/'
                  'officeDocument/2006/relationships/numbering" Target="numbering.xml"/>')


def raw_docx(path: Path, body: str, numbering: str | None = None,
             extra: dict[str, bytes] | None = None) -> Path:
    """A minimal .docx package around `body` (the XML inside w:body)."""
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES.format(
            numbering=_NUMBERING_TYPE if numbering else ""))
        package.writestr("_rels/.rels", _RELS)
        package.writestr("word/_rels/document.xml.rels", _DOC_RELS.format(
            numbering=_NUMBERING_REL if numbering else ""))
        package.writestr("word/document.xml", document)
        if numbering:
            package.writestr("word/numbering.xml",
                             f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                             f'<w:numbering xmlns:w="{W_NS}">{numbering}</w:numbering>')
        for name, data in (extra or {}).items():
            package.writestr(name, data)
    return path


def p(text: str = "", *, num: tuple[int, int] | None = None, raw: str = "") -> str:
    """A paragraph: its text (line breaks as w:br), list numbering (numId, ilvl)."""
    ppr = ""
    if num is not None:
        ppr = (f'<w:pPr><w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/>'
               f'</w:numPr></w:pPr>')
    runs = "<w:r><w:br/></w:r>".join(
        f'<w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r>'
        for line in text.split("\n")) if text else ""
    return f"<w:p>{ppr}{runs}{raw}</w:p>"


def tc(content: str = "", *, span: int = 1, vmerge: str | None = None) -> str:
    """A cell: `content` is a text (made a paragraph) or raw XML starting with «<»."""
    props = ""
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        props += "<w:vMerge/>"
    body = content if content.startswith("<") else p(content)
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>"


def tr(*cells: str, before: int = 0, after: int = 0, deleted: bool = False) -> str:
    props = ""
    if before:
        props += f'<w:gridBefore w:val="{before}"/>'
    if after:
        props += f'<w:gridAfter w:val="{after}"/>'
    if deleted:
        props += '<w:del w:id="90" w:author="x" w:date="2022-01-01T00:00:00Z"/>'
    return f"<w:tr><w:trPr>{props}</w:trPr>{''.join(cells)}</w:tr>"


def tbl(*rows: str) -> str:
    return f"<w:tbl><w:tblPr/>{''.join(rows)}</w:tbl>"


def numbering(fmt: str = "decimal", text: str = "%1.", start: int = 1) -> str:
    """numbering.xml content: abstract list 0 (one level in `fmt`), num 1 → it."""
    return (f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
            f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
            f'<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            f'<w:lvlText w:val="%1.%2."/></w:lvl></w:abstractNum>'
            f'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')


# ----------------------------------------------------------------- Excel, LibreOffice, CSV


def write_xlsx(path: Path, rows: list[list[object]], merges: Sequence[tuple[int, int, int, int]]
               = (), *, sheet: str = "План", top: int = 1, left: int = 1,
               others: dict[str, list[list[object]]] | None = None) -> Path:
    """A workbook with the table at (top, left) (1-based) on `sheet`; `others`: more
    sheets before it."""
    from openpyxl import Workbook

    workbook = Workbook()
    first = workbook.active
    assert first is not None
    sheets = [*list((others or {}).items()), (sheet, rows)]
    for i, (name, data) in enumerate(sheets):
        ws = first if i == 0 else workbook.create_sheet()
        ws.title = name
        for r, row in enumerate(data):
            for c, value in enumerate(row):
                if value not in ("", None):
                    cell = ws.cell(row=top + r, column=left + c, value=value)
                    if isinstance(value, datetime.date):
                        cell.number_format = "DD.MM.YYYY"
    ws = workbook[sheet]
    for r0, c0, r1, c1 in merges:
        ws.merge_cells(start_row=top + r0, start_column=left + c0, end_row=top + r1,
                       end_column=left + c1)
    workbook.save(str(path))
    return path


def write_ods(path: Path, rows: list[list[str]], merges: Sequence[tuple[int, int, int, int]]
              = (), *, name: str = "План") -> Path:
    from odfdo import Document, Table

    document = Document("spreadsheet")
    body = document.body
    body.clear()
    table = Table(name, width=max(len(r) for r in rows), height=len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                table.set_value((c, r), text)
    for r0, c0, r1, c1 in merges:
        table.set_span((c0, r0, c1, r1), merge=False)
    body.append(table)
    document.save(str(path))
    return path


def write_odt(path: Path, blocks: Sequence[Block]) -> Path:
    from odfdo import Document, Paragraph, Table

    document = Document("text")
    body = document.body
    body.clear()
    for n, block in enumerate(blocks):
        if isinstance(block, str):
            body.append(Paragraph(block))
            continue
        table = Table(f"Таблица{n}", width=max(len(r) for r in block.rows),
                      height=len(block.rows))
        for r, row in enumerate(block.rows):
            for c, text in enumerate(row):
                if text:
                    table.set_value((c, r), text)
        for r0, c0, r1, c1 in block.merges:
            table.set_span((c0, r0, c1, r1), merge=False)
        body.append(table)
    document.save(str(path))
    return path


def write_csv(path: Path, rows: list[list[str]], *, encoding: str = "utf-8",
              delimiter: str = ";", bom: bool = False) -> Path:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    data = out.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path
