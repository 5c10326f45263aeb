"""The timeline's context (`timeline`): the plan's stages, tasks and steps on a month grid
(drawn by `documents.gantt` in HTML)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from clusterctl.documents.context.values import DOCUMENT_LANG, ItemCtx, PeriodCtx, StageCtx
from clusterctl.i18n import dates as datefmt
from clusterctl.i18n import t
from clusterctl.model.calendar import add_months
from clusterctl.model.deadlines import days_in_month


@dataclass(slots=True)
class MonthTick:
    start: datetime.date
    label: str
    """Short month name: «янв.», «февр.», …"""
    year: int


@dataclass(slots=True)
class TimelineRow:
    kind: str
    """stage, task or step."""
    ref: str
    """The number shown before the label: «1.1», a stage's id, «•» for a step without
    one."""
    label: str
    start: datetime.date | None
    end: datetime.date | None
    shape: str
    """bar (a range), milestone (a date or a «до …» deadline), band (ongoing), group (a task
    spanning its steps), none."""
    state: str
    """planned, in_progress, done, cancelled, overdue, ongoing, stage."""
    due_text: str
    stage_key: str
    marks: list[tuple[datetime.date, str]]
    """A recurring deadline's occurrences on its band: (deadline, done, overdue or
    planned)."""


@dataclass(slots=True)
class TimelineCtx:
    start: datetime.date | None
    """First day of the first month shown (None when nothing in the plan is dated)."""
    end: datetime.date | None
    today: datetime.date
    months: list[MonthTick]
    rows: list[TimelineRow]


def build_timeline(
    stages: list[StageCtx], today: datetime.date, project_period: PeriodCtx | None
) -> TimelineCtx:
    """The plan on a month grid: a row per stage, task and step."""
    rows: list[TimelineRow] = []
    for si, stage in enumerate(stages):
        key = stage.id if stage.id is not None else f"#{si}"
        if not stage.implicit or stage.period is not None:
            period = stage.period
            rows.append(TimelineRow(
                kind="stage", ref=stage.id or "",
                label=stage.heading or (project_period.text if project_period
                                        else t("doc.plan", DOCUMENT_LANG)),
                start=period.start if period else None, end=period.end if period else None,
                shape="band" if period else "none", state="stage",
                due_text=period.text if period else "", stage_key=key, marks=[],
            ))
        for task in stage.tasks:
            for row in (task, *task.steps):
                rows.append(TimelineRow(
                    kind="step" if row.is_step else "task",
                    ref=row.number.rstrip(".") or "•", label=row.label,
                    start=row.start, end=row.end, shape=_shape(row),
                    state=_state(row), due_text=row.due.text if row.due else "",
                    stage_key=key,
                    marks=[(o.due, "done" if o.done else "overdue" if o.overdue else "planned")
                           for o in row.occurrences],
                ))
    days = [d for r in rows for d in (r.start, r.end) if d is not None]
    if not days:
        return TimelineCtx(None, None, today, [], rows)
    first, last = min(days), max(days)
    start = first.replace(day=1)
    end = last.replace(day=days_in_month(last.year, last.month))
    months: list[MonthTick] = []
    day = start
    short = datefmt.short_months(DOCUMENT_LANG)
    while day <= end:
        months.append(MonthTick(day, short[day.month], day.year))
        day = add_months(day, 1)
    return TimelineCtx(start, end, today, months, rows)


def _shape(row: ItemCtx) -> str:
    if row.start is None or row.end is None:
        return "none"
    if row.steps and row.due is None:
        return "group"
    if row.ongoing:
        return "band"
    if row.planned_start is not None and row.start != row.end:
        return "bar"  # from its planned start to its deadline
    if row.due is not None and row.due.kind in ("date", "before"):
        return "milestone"
    if row.start == row.end:
        return "milestone"
    return "bar"


def _state(row: ItemCtx) -> str:
    if row.status in ("done", "cancelled"):
        return row.status
    if row.overdue:
        return "overdue"
    if row.ongoing:
        return "ongoing"
    return row.status
