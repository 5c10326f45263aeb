"""The roadmap table's columns, once, for every writer that builds the table in code (the Word
table, the Excel sheet): №, «Мероприятие», then the optional columns the plan fills
(`ColumnsCtx`), in the order the HTML and Markdown templates show them, with the text of a
row's cell and a relative width."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from clusterctl.documents.context.values import DOCUMENT_LANG, ColumnsCtx, ItemCtx
from clusterctl.documents.filters import f_names
from clusterctl.i18n import t


@dataclass(frozen=True, slots=True)
class PlanColumn:
    key: str
    """number, task, description, start, due, result, responsible, extra.<id>, mark."""
    header: str
    weight: float
    """Relative width: the title and the result widest, the number narrowest."""
    text: Callable[[ItemCtx], str]
    """A row's cell, as written (line breaks kept)."""


def _head(key: str) -> str:
    return t("xlsx.col." + key, DOCUMENT_LANG)


def _extra(column_id: str) -> Callable[[ItemCtx], str]:
    """A row's cell of the plan's extra column `column_id` ("" when empty)."""
    return lambda item: item.extra.get(column_id, "")


def plan_columns(columns: ColumnsCtx) -> list[PlanColumn]:
    """The table's columns for a plan whose optional columns are `columns`."""
    out = [PlanColumn("number", _head("number"), 4.0, lambda i: i.number or "•"),
           PlanColumn("task", _head("task"), 24.0, lambda i: i.heading)]
    if columns.description:
        out.append(PlanColumn("description", _head("description"), 18.0,
                              lambda i: i.description or ""))
    if columns.start:
        out.append(PlanColumn("start", _head("start"), 9.0,
                              lambda i: i.planned_start.text if i.planned_start else ""))
    if columns.due:
        out.append(PlanColumn("due", _head("due"), 11.0, lambda i: i.due.text if i.due else ""))
    if columns.result:
        out.append(PlanColumn("result", _head("result"), 20.0, lambda i: i.result or ""))
    if columns.responsible:
        out.append(PlanColumn("responsible", _head("responsible"), 13.0,
                              lambda i: "" if i.responsible_inherited else f_names(
                                  i.responsible)))
    out += [PlanColumn(f"extra.{extra.id}", extra.title, 10.0, _extra(extra.id))
            for extra in columns.extra]
    if columns.mark:
        out.append(PlanColumn("mark", _head("mark"), 9.0,
                              lambda i: (f"{i.mark} " if i.mark else "") + i.note))
    return out


__all__ = ["PlanColumn", "plan_columns"]
