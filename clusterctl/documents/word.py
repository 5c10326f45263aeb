"""Word documents (.docx) from Word templates.

A Word template is a .docx with Jinja tags typed into it (docxtpl): `{{ project.title }}`,
`{%p if project.approval %}…{%p endif %}`, `{%p for stage in stages %}`. It sees the same
context as the HTML and Markdown templates (`clusterctl.documents.context`), and renders in the
same bounded sandbox (`clusterctl.documents.render.sandboxed`), with autoescaping on: a value
holding `&` or `<` stays text, and `{{ cycler.__init__.__globals__ }}` is refused.

The roadmap's table is built here, in code, and placed where the template says
`{{p roadmap_table }}`: a row per task and step, a task's number and title merged down over its
steps (as the source tables are), the header row repeated on every page (`w:tblHeader`), no row
split over two pages (`w:cantSplit`), sections and stages as rubric rows across the width,
overdue rows marked as on the HTML page, the plan's extra columns. `{{p timeline_table }}` is
the timeline: a native Word table, a column per month (per quarter past two years), the cells a
row's interval covers shaded by its state — it prints, and edits, as any table does.

A user's template is an archive from outside: it passes the import's archive checks (size,
members, ratios, paths, DTDs) before docxtpl opens it. The rendering runs in a child process
within the render's limits. The output is deterministic: the document's properties are dated
from the as-of date and the zip entries carry a fixed time, so the same plan and date give the
same bytes.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from xml.sax import saxutils

from clusterctl.documents.bounded import Limits
from clusterctl.documents.columns import PlanColumn, plan_columns
from clusterctl.documents.context.values import DOCUMENT_LANG, ItemCtx
from clusterctl.documents.render import TemplateProblem, run_template, sandboxed, template_problem
from clusterctl.i18n import t

SUFFIX = ".docx"
FONT = "Times New Roman"
SIZE = 12
"""Points: the body of the seeds' documents (14 for headings)."""
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)

_SHADES = {"overdue": "F4C7C3", "done": "C8E6C9", "cancelled": "D9D9D9", "planned": "C5D5F2",
           "in_progress": "9DB8EA", "ongoing": "E1E9F7", "stage": "EDEDED"}
"""Timeline cell fills by a row's state (the HTML timeline's colours, lightened for print)."""


def template_name(kind: str) -> str:
    """roadmap -> roadmap.docx"""
    return kind + SUFFIX


def find_template(folders: Sequence[Path], name: str, lang: str) -> Path:
    """The first `name` on the template search path (TemplateProblem when none has it)."""
    from clusterctl.documents.render import check_template_file

    for folder in folders:
        candidate = folder / name
        check_template_file(candidate, lang)
        if candidate.is_file():
            return candidate
    raise TemplateProblem("template-not-found", lang, None, None, name=name,
                          where=", ".join(str(f) for f in folders))


def template_text(path: Path) -> str:
    """A Word template's text as `templates show` prints it: its paragraphs, and its tables'
    cells separated by « | », a line each, tags and all."""
    from docx import Document

    document = Document(str(path))
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == _qn("w:p"):
            lines.append("".join(node.text or "" for node in child.iter(_qn("w:t"))))
        elif child.tag == _qn("w:tbl"):
            for row in child.iter(_qn("w:tr")):
                cells = ["".join(node.text or "" for node in cell.iter(_qn("w:t")))
                         for cell in row.iter(_qn("w:tc"))]
                lines.append(" | ".join(cells))
    return "\n".join(lines) + "\n"


def render_docx(template: Path, ctx: Mapping[str, Any], created: datetime.date, lang: str,
                limits: Limits) -> bytes:
    """The Word document of `ctx` through the Word template `template` (checked as an
    archive first), dated `created`."""
    from clusterctl.errors import ImportRefused
    from clusterctl.importing.archive import check_archive

    try:
        check_archive(template)
    except ImportRefused as exc:
        raise TemplateProblem("template-error", lang, str(template), None,
                              detail=exc.describe(lang)) from None
    except OSError as exc:
        from clusterctl.i18n import os_reason

        raise TemplateProblem("template-error", lang, str(template), None,
                              detail=os_reason(exc, lang)) from None
    return run_template(_render_here, template, dict(ctx), created, lang, name=str(template),
                        lang=lang, limits=limits)


def _render_here(template: Path, ctx: dict[str, Any], created: datetime.date,
                 lang: str) -> bytes:
    from docxtpl import DocxTemplate

    try:
        document = DocxTemplate(str(template))
        document.init_docx()
    except Exception as exc:  # python-docx on a damaged package: KeyError, ValueError, lxml…
        raise TemplateProblem("template-error", lang, str(template), None,
                              detail=f"{type(exc).__name__}: {exc}") from None
    values = dict(ctx)
    if getattr(ctx.get("doc"), "kind", None) in ("roadmap", None):  # a roadmap, or a
        # template given with --template (it may place them too)
        values["roadmap_table"] = roadmap_table(document, ctx)
        values["timeline_table"] = timeline_table(document, ctx)
    env = sandboxed(autoescape=True)
    try:
        document.render(values, jinja_env=env, autoescape=True)
    except Exception as exc:
        around = getattr(exc, "docx_context", None)
        detail = ""
        if around is not None:
            text = " ".join(" ".join(str(part).split()) for part in around).strip()
            detail = t("template.word-around", lang, text=text[:160]) if text else ""
        problem = template_problem(exc, str(template), [template.parent], list(values), lang,
                                   detail)
        if problem is None:
            raise
        # the place is the template file: a line of its XML would mean nothing to its author
        raise TemplateProblem(problem.code, lang, str(template), None,
                              **problem.params) from None
    props = document.docx.core_properties
    stamp = datetime.datetime.combine(created, datetime.time())
    props.created = stamp
    props.modified = stamp
    props.last_printed = stamp
    props.last_modified_by = "clusterctl"
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return fixed_times(buffer.getvalue())


def fixed_times(data: bytes) -> bytes:
    """The same archive with every entry dated _ZIP_TIME (python-docx stamps them with the
    clock): the same document gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(
            out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, _ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, source.read(info))
    return out.getvalue()


# ============================================================================ tables in code


def _qn(tag: str) -> str:
    """"w:tc" -> "{…wordprocessingml…}tc"."""
    from docx.oxml.ns import qn

    result: str = qn(tag)
    return result


def _element(tag: str, **attrs: str) -> Any:
    from docx.oxml import OxmlElement

    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(_qn(key), value)
    return element


def _layout(table: Any, weights: Sequence[float], width_twips: int) -> None:
    """A fixed layout over the page's width, the columns in proportion to `weights` (python-
    docx makes equal narrow columns; Word and LibreOffice read the grid)."""
    props = table._tbl.tblPr
    for tag in ("w:tblW", "w:tblLayout"):
        old = props.find(_qn(tag))
        if old is not None:
            props.remove(old)
    props.append(_element("w:tblW", **{"w:w": str(width_twips), "w:type": "dxa"}))
    props.append(_element("w:tblLayout", **{"w:type": "fixed"}))
    total = sum(weights)
    grid = table._tbl.tblGrid
    for col, weight in zip(grid.findall(_qn("w:gridCol")), weights, strict=True):
        col.set(_qn("w:w"), str(int(width_twips * weight / total)))


def _page_width(document: Any) -> int:
    """The text's width on the template's (last) page, in twips."""
    section = document.docx.sections[-1]
    width = section.page_width - section.left_margin - section.right_margin
    return max(int(width / 635), 2000)  # EMU -> twips


def _borders(table: Any) -> None:
    """Single lines around and inside (set on the table: a user's template need not have the
    «Table Grid» style)."""
    props = table._tbl.tblPr
    borders = _element("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_element(f"w:{edge}", **{"w:val": "single", "w:sz": "4",
                                                "w:space": "0", "w:color": "808080"}))
    props.append(borders)


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


class _Rows:
    """Rows of a table written as WordprocessingML text and parsed once (python-docx's
    `add_row` and `row.cells` walk the whole table each time, and its element classes make
    each node slow to create: a 2,000-task roadmap took minutes). Each row is kept whole on
    a page (`w:cantSplit`); cells carry their own font, so a user's template needs no
    style."""

    def __init__(self, table: Any) -> None:
        self.tbl = table._tbl
        self.parts: list[str] = []
        self.font = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/>'

    def row(self, header: bool = False) -> None:
        """Start a row (the one before it ends)."""
        if self.parts:
            self.parts.append("</w:tr>")
        self.parts.append("<w:tr><w:trPr><w:cantSplit/>"
                          + ("<w:tblHeader/>" if header else "") + "</w:trPr>")

    def cell(self, text: str, *, bold: bool = False, size: float = SIZE,
             color: str | None = None, fill: str | None = None, span: int = 1,
             merge: str | None = None) -> None:
        """A cell of the row: `span` columns wide; `merge` "restart" or "continue" to merge
        it with the cells above (a continued cell's text is not written)."""
        props = ""
        if span > 1:  # (a single column's width is the grid's: the layout is fixed)
            props += f'<w:gridSpan w:val="{span}"/>'
        if merge == "restart":
            props += '<w:vMerge w:val="restart"/>'
        elif merge == "continue":
            props += "<w:vMerge/>"
        if fill is not None:
            props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
        if merge == "continue" or not text:
            self.parts.append(f"<w:tc><w:tcPr>{props}</w:tcPr><w:p/></w:tc>")
            return
        half = round(size * 2)
        rpr = (self.font + ("<w:b/>" if bold else "")
               + (f'<w:color w:val="{color}"/>' if color else "")
               + f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
        lines = "<w:br/>".join(f'<w:t xml:space="preserve">{_escape(line)}</w:t>'
                               for line in text.split("\n"))
        self.parts.append(f'<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:pPr><w:spacing w:after="0"/>'
                          f"</w:pPr><w:r><w:rPr>{rpr}</w:rPr>{lines}</w:r></w:p></w:tc>")

    def close(self) -> None:
        """Parse the rows and put them into the table."""
        from lxml import etree

        if not self.parts:
            return
        xml = f'<w:tbl xmlns:w="{_W}">' + "".join(self.parts) + "</w:tr></w:tbl>"
        parsed = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(
            resolve_entities=False, huge_tree=True))
        self.tbl.extend(list(parsed))
        self.parts = []


def _escape(text: str) -> str:
    """Text for WordprocessingML: markup escaped, and the characters XML 1.0 cannot hold
    (control characters a pasted text may carry) dropped."""
    return _NOT_XML.sub("", saxutils.escape(text))


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _cells(item: ItemCtx, columns: list[PlanColumn]) -> list[str]:
    """The cells after № and «Мероприятие»; a deadline the grammar did not read is marked."""
    cells = []
    for column in columns[2:]:
        text = column.text(item)
        if column.key == "due" and item.due is not None and item.due.error is not None:
            text += "\n" + t("doc.word.not-understood", DOCUMENT_LANG)
        cells.append(text)
    return cells


def _merged_task(task: ItemCtx) -> bool:
    """A task whose steps have no titles of their own: its number and title are merged down
    over its steps' rows (the steps' text is in their result, as in the source tables)."""
    return bool(task.steps) and all(step.title is None for step in task.steps)


def roadmap_table(document: Any, ctx: Mapping[str, Any]) -> Any:
    """The roadmap's table as a docxtpl subdocument (see the module doc)."""
    columns = plan_columns(ctx["columns"])
    width = len(columns)
    sub = document.new_subdoc()
    table = sub.add_table(rows=0, cols=width)
    _borders(table)
    _layout(table, [c.weight for c in columns], _page_width(document))
    rows = _Rows(table)
    rows.row(header=True)
    for column in columns:
        rows.cell(column.header, bold=True, fill="E7E6E6")
    for stage in ctx["stages"]:
        if stage.heading or not stage.implicit:
            heading = stage.heading or t("xlsx.plan", DOCUMENT_LANG)
            if stage.period is not None:
                heading += f" ({stage.period.text})"
            rows.row()
            rows.cell(heading, bold=True, fill="F2F2F2", span=width)
        for task in stage.tasks:
            _task_rows(rows, task, columns)
    rows.close()
    return sub


_LATE = "C00000"


def _task_rows(rows: _Rows, task: ItemCtx, columns: list[PlanColumn]) -> None:
    if not _merged_task(task):
        if task.is_group:  # a heading over its steps: the title across the row
            rows.row()
            rows.cell(task.number, bold=True)
            rows.cell(task.heading + (f" {task.mark}" if task.mark else ""), bold=True,
                      span=len(columns) - 1)
        else:
            _item_row(rows, task, columns)
        for step in task.steps:
            _item_row(rows, step, columns)
        return
    # the task's number and title over its own row (when it has values) and its steps' rows
    items = ([task] if not task.is_group else []) + list(task.steps)
    for n, item in enumerate(items):
        rows.row()
        merge = None if len(items) == 1 else "restart" if n == 0 else "continue"
        rows.cell(task.number, bold=True, merge=merge)
        rows.cell(task.heading, merge=merge)
        for text in _cells(item, columns):
            rows.cell(text, color=_LATE if item.overdue else None)


def _item_row(rows: _Rows, item: ItemCtx, columns: list[PlanColumn]) -> None:
    rows.row()
    rows.cell(item.number or "•", bold=not item.is_step)
    rows.cell(item.heading)
    for text in _cells(item, columns):
        rows.cell(text, color=_LATE if item.overdue else None)


MONTHS_SHOWN = 24
"""A timeline longer than this many months gets a column per quarter."""


def timeline_table(document: Any, ctx: Mapping[str, Any]) -> Any:
    """The timeline as a month (or quarter) grid; a note when nothing in the plan is dated."""
    timeline = ctx["timeline"]
    sub = document.new_subdoc()
    if timeline.start is None:
        sub.add_paragraph(t("doc.word.no-dates", DOCUMENT_LANG))
        return sub
    months = timeline.months
    quarterly = len(months) > MONTHS_SHOWN
    spans: list[tuple[datetime.date, datetime.date, str]] = []
    from clusterctl.i18n.dates import short_months
    from clusterctl.model.calendar import add_months

    short = short_months(DOCUMENT_LANG)
    step = 3 if quarterly else 1
    day = months[0].start
    if quarterly:
        day = day.replace(month=(day.month - 1) // 3 * 3 + 1)
    while day <= timeline.end:
        nxt = add_months(day, step)
        label = (t("doc.word.quarter", DOCUMENT_LANG, n=(day.month - 1) // 3 + 1,
                   year=day.year) if quarterly else f"{short[day.month]} {day.year % 100:02d}")
        spans.append((day, nxt - datetime.timedelta(days=1), label))
        day = nxt
    table = sub.add_table(rows=0, cols=2 + len(spans))
    _borders(table)
    _layout(table, [4.0, 30.0] + [66.0 / len(spans)] * len(spans), _page_width(document))
    rows = _Rows(table)
    rows.row(header=True)
    rows.cell(t("xlsx.col.number", DOCUMENT_LANG), bold=True, size=9)
    rows.cell(t("xlsx.col.task", DOCUMENT_LANG), bold=True, size=9)
    for _, _, label in spans:
        rows.cell(label, bold=True, size=8, fill="E7E6E6")
    for item in timeline.rows:
        rows.row()
        rows.cell(item.ref, size=9, bold=item.kind != "step")
        rows.cell(item.label, size=9, bold=item.kind == "stage")
        fill = _SHADES.get(item.state, _SHADES["planned"])
        for first, last, _ in spans:
            covered = (item.start is not None and item.end is not None
                       and item.start <= last and item.end >= first)
            rows.cell("", fill=fill if covered else None)
    rows.close()
    return sub


__all__ = ["find_template", "render_docx", "roadmap_table", "template_name", "template_text",
           "timeline_table"]
