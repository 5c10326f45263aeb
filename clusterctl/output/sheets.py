"""The table documents as spreadsheets: the roadmap (one sheet, a row per task and step) and
the report (a sheet per part: events held, results, difficulties, prospects, awards,
overdue). They read the same context the Word, HTML and Markdown documents read
(`clusterctl.documents.context`; the roadmap's columns from `clusterctl.documents.columns`)
and are written by the one spreadsheet writer
(`clusterctl.output.xlsx`).

The sheets' headers are in Russian, as the documents' templates are (DOCUMENT_LANG).
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Mapping
from typing import Any

from clusterctl.documents.columns import plan_columns
from clusterctl.documents.context.values import DOCUMENT_LANG, ItemCtx
from clusterctl.documents.filters import f_names
from clusterctl.i18n import t
from clusterctl.output.tables import Cell, Column, Day, Num, Section, Table
from clusterctl.output.xlsx import Sheet

SHEET_KINDS = ("roadmap", "report")
"""The document kinds that are tables (the others are text: Word or PDF)."""

_OVERDUE = 'AND(ISNUMBER({date}),{date}<{as_of},{status}<>"{done}",{status}<>"{cancelled}")'
"""A roadmap row is overdue while its date is past the as-of date and it is neither done nor
cancelled: a user who marks a row «выполнено» in the sheet sees the colour go."""


def _t(key: str, **params: Any) -> str:
    return t(key, DOCUMENT_LANG, **params)


def _day(value: datetime.date | None) -> Day:
    return Day.of(value, DOCUMENT_LANG, empty="")


def _cols(*pairs: tuple[str, str]) -> list[Column]:
    return [Column(key, header) for key, header in pairs]


def roadmap_sheets(ctx: Mapping[str, Any], source: str) -> list[Sheet]:
    """The roadmap: a row per task and per step, the stage (section) as a column; the columns
    of the Word table (`documents.columns`, with «Срок», «Ответственные» and «Отметка»
    always), and besides them the deadline as a date and the status, which the sheet's
    filter and colouring need."""
    plan = plan_columns(dataclasses.replace(ctx["columns"], due=True, responsible=True,
                                            mark=True))
    keys: list[tuple[str, str]] = []
    for column in plan:
        if column.key == "mark":
            keys.append(("status", _t("xlsx.col.status")))
        keys.append((column.key, column.header))
        if column.key == "due":
            keys.append(("date", _t("xlsx.col.date")))

    def row(item: ItemCtx) -> list[Cell]:
        cells: list[Cell] = []
        for column in plan:
            if column.key == "mark":
                cells.append(item.status_label)
            cells.append(column.text(item))
            if column.key == "due":
                due = item.due
                cells.append(_day(due.due if due else None) if due is None or due.error is None
                             else _t("xlsx.not-understood"))
        return cells

    sections = []
    for stage in ctx["stages"]:
        rows = [row(item) for task in stage.tasks for item in (task, *task.steps)]
        sections.append(Section(stage.heading or _t("xlsx.plan"), rows))
    project = ctx["project"]
    table = Table(_cols(*keys), sections, footer=_unread(ctx))
    title = _t("xlsx.roadmap-title", title=project.title)
    return [Sheet(_t("xlsx.roadmap"), title, table, ctx["today"], source, DOCUMENT_LANG,
                  _t("xlsx.stage"), _OVERDUE.format(
                      date="{date}", as_of="{as_of}", status="{status}",
                      done=t("doc.status.done", DOCUMENT_LANG),
                      cancelled=t("doc.status.cancelled", DOCUMENT_LANG)))]


def _unread(ctx: Mapping[str, Any]) -> str | None:
    unread = ctx.get("unread") or []
    if not unread:
        return None
    where = ", ".join(f"{i.ref} «{i.due.text}»" for i in unread)
    return _t("xlsx.unread", n=len(unread), where=where)


def report_sheets(ctx: Mapping[str, Any], source: str) -> list[Sheet]:
    """The report: a sheet per part, each section (cluster) as a column."""
    report = ctx["report"]
    today = ctx["today"]
    title = _t("xlsx.report-title", title=ctx["project"].title, period=report.period.long)

    def each(rows_of: Any) -> list[tuple[str, list[list[Cell]]]]:
        return [(s.title, rows_of(s)) for s in report.sections]

    def award(a: Any) -> list[Cell]:
        return [a.who, a.kind or "—", a.reason or "—", a.place or "—", a.source]

    # (sheet, [(column key, header key)], [(section, rows)], rows to mark)
    parts: list[tuple[str, list[tuple[str, str]], list[tuple[str, list[list[Cell]]]],
                      str | None]] = [
        ("events", [("title", "task"), ("held_on", "held-on"), ("participants", "participants"),
                    ("schools", "schools"), ("winners", "winners"), ("feedback", "feedback")],
         each(lambda s: [[e.title, _day(e.held_on), _num(e.participants_count),
                          f_names(e.organisations, "; "), _num(e.winners), e.feedback or ""]
                         for e in s.events]), None),
        ("results", [("id", "number"), ("task", "done-what"), ("result", "result"),
                     ("done_on", "done-on")],
         each(lambda s: [[i.ref, i.label, i.result or "", _day(i.done_on)]
                         for i in s.results]), None),
        ("difficulties", [("id", "number"), ("task", "task"), ("what", "what"),
                          ("detail", "detail")], each(_difficulties), None),
        ("prospects", [("id", "number"), ("task", "task"), ("due", "due"), ("date", "date")],
         each(lambda s: [[i.ref, i.label, i.due.text if i.due else _t("xlsx.no-due"),
                          _day(i.due.due if i.due else None)] for i in s.prospects]), None),
        ("awards", [("who", "who"), ("kind", "award"), ("reason", "reason"),
                    ("place", "result"), ("source", "source")],
         [*each(lambda s: [award(a) for a in s.awards]),
          (_t("xlsx.by-plan"), [award(a) for a in report.other_awards])], None),
        ("overdue", [("id", "number"), ("task", "task"), ("due", "due"), ("date", "date"),
                     ("responsible", "responsible"), ("days_overdue", "days-overdue")],
         [("", [[o.id, o.title, " ".join(o.due_phrase.split()), _day(o.due),
                 ", ".join(o.responsible), Num(o.days_overdue)] for o in report.overdue])],
         "{days_overdue}>0"),
    ]
    sheets = []
    for part, keys, sections, highlight in parts:
        name = _t("xlsx.part." + part)
        columns = _cols(*[(key, _t("xlsx.col." + head)) for key, head in keys])
        table = Table(columns, [Section(head or None, rows) for head, rows in sections],
                      footer=_unread(ctx))
        sheets.append(Sheet(name, f"{title} — {name.lower()}", table, today, source,
                            DOCUMENT_LANG, _t("xlsx.direction"), highlight))
    return sheets


def _num(value: int | None) -> Cell:
    return "" if value is None else Num(value)


def _difficulties(section: Any) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for o in section.overdue:
        rows.append([o.id, o.title, _t("xlsx.late"),
                     _t("xlsx.late-detail", due=" ".join(o.due_phrase.split()),
                        days=o.days_overdue, who=", ".join(o.responsible)
                        or _t("xlsx.no-responsible"))])
    for i in section.cancelled:
        rows.append([i.ref, i.label, _t("xlsx.cancelled"), i.cancel_reason or ""])
    for i in section.rescheduled:
        for r in i.reschedules:
            moved = (_t("xlsx.moved-from", previous=r.previous) if r.previous else "") + _t(
                "xlsx.moved-to", to=r.to)
            rows.append([i.ref, i.label, _t("xlsx.moved"), f"{moved}: {r.reason}"])
    return rows


__all__ = ["SHEET_KINDS", "report_sheets", "roadmap_sheets"]
