"""The work the queries list — units, as of a date — and the fields a listed task or step
carries in every answer (`Listed`).

A task or step with a recurring deadline that has occurrences
(`clusterctl.model.occurrences`) is one unit per occurrence: each with its own deadline and
its own status (done when its deadline is in `done_occurrences`)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from clusterctl.model.deadlines import Deadline, DeadlineKind, Period
from clusterctl.model.occurrences import occurrence_deadline
from clusterctl.model.status import (
    OPEN,
    Status,
    deadline_span,
    occurrence_status,
    reschedule_count,
    start_day,
    step_is_unit,
    step_status,
    task_is_unit,
    task_status,
)
from clusterctl.queries.digest import PlanDigest, Work
from clusterctl.queries.filters import Selection

_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that puts "2" before "10" and "1.2" before "1.10" ("Задача №2" too)."""
    parts = _DIGITS.split(text.casefold())
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts if p)


def one_line(text: str | None) -> str:
    """Text with its line breaks and runs of spaces folded into single spaces."""
    return " ".join((text or "").split())


def task_deadline(task: Work) -> Deadline | None:
    """A task unit's deadline: its `due`, else (an event task) its event's date."""
    if task.due or task.event is None:
        return task.deadline
    return task.event.deadline


class Unit(NamedTuple):
    """A task or step the queries list, with its deadline and its status as of a date."""

    pos: int
    """Its plan's place among the plans asked about."""
    digest: PlanDigest
    task: Work
    work: Work
    """The task itself, or one of its steps."""
    deadline: Deadline | None
    """Its deadline: its own, its event's date, or its occurrence's."""
    state: Status
    """Its status as of the query's date (`work_state`; an occurrence recorded in
    `done_occurrences` is done, the others follow their work)."""
    occurrence: Period | None = None
    """One occurrence of a recurring deadline (the work is then listed once per
    occurrence)."""

    @property
    def planned_start(self) -> datetime.date | None:
        """The day work on it starts, when the plan says: its `start:`, else the first day
        of a range deadline («10.10.2022 - 14.10.2022», «Март-май 2014»)."""
        own = start_day(self.work.start)
        if own is not None or self.occurrence is not None:
            return own
        deadline = self.deadline
        if deadline is not None and deadline.kind is DeadlineKind.RANGE and (
                deadline.start is not None and deadline.start != deadline.end):
            return deadline.start
        return None


def work_state(task: Work, work: Work, today: datetime.date) -> Status:
    """The status as of `today` of a task (`work` is `task`) or of one of its steps."""
    if work is task:
        return task_status(task, today)
    return step_status(work, task, today)


def _each(pos: int, digest: PlanDigest, task: Work, work: Work, deadline: Deadline | None,
          today: datetime.date, due_before: datetime.date | None,
          states: frozenset[Status] | None) -> Iterator[Unit]:
    """The unit of a task or step, or one per occurrence of its recurring deadline (with
    `due_before`, only those whose last day comes before it; with `states`, only those
    whose status is one of them). The work's status is worked out once, here."""
    if work.occurrences and deadline is not None:
        state = work_state(task, work, today)
        if states is not None and state not in OPEN and state not in states:
            return  # every occurrence shares a closed work's status
        done = frozenset(work.done_occurrences)
        for span in work.occurrences:  # in order: the later ones end later
            if due_before is not None and span.end >= due_before:
                return
            each = occurrence_status(state, span.end, done)
            if states is None or each in states:
                yield Unit(pos, digest, task, work, occurrence_deadline(deadline, span),
                           each, span)
    elif due_before is None or _ends_before(deadline, due_before):
        state = work_state(task, work, today)
        if states is None or state in states:
            yield Unit(pos, digest, task, work, deadline, state)


def _ends_before(deadline: Deadline | None, day: datetime.date) -> bool:
    due = deadline_span(deadline)[1]
    return due is not None and due < day


def units(selection: Selection, today: datetime.date, only: int | None = None,
          by_people: bool = True, due_before: datetime.date | None = None,
          states: frozenset[Status] | None = None) -> Iterator[Unit]:
    """Every unit of the selected plans (or of the plan at position `only`) that passes the
    stage, cluster and (unless `by_people` is False) responsible filters, in plan order.
    `due_before`: only the units with a dated deadline whose last day comes before that day
    (what may be overdue on it); `states`: only the units whose status as of `today` is one
    of them (the callers that do not give it apply their status filter themselves)."""
    for pos, digest in enumerate(selection.digests):
        if not selection.plan(digest) or (only is not None and pos != only):
            continue
        for task in digest.tasks:
            if not (selection.stage(digest, task.stage)
                    and selection.cluster(digest, task.cluster, task.cluster_ref)):
                continue
            if task_is_unit(task) and (not by_people or selection.names(pos, task.responsible)):
                yield from _each(pos, digest, task, task, task_deadline(task), today,
                                 due_before, states)
            for step in task.steps:
                if step_is_unit(step, task) and (
                    not by_people or selection.names(pos, step.responsible)
                ):
                    yield from _each(pos, digest, task, step, step.deadline, today,
                                     due_before, states)


@dataclass(frozen=True, slots=True, kw_only=True)
class Listed:
    """A task or a step as the queries list it."""

    project: str
    """The project's id."""
    project_title: str
    id: str
    """The task's id, or the step's ("8.2" when the step has none: task id and number)."""
    task_id: str
    """The id of the task (the same as `id` for a task)."""
    kind: str
    """"task" or "step"."""
    title: str
    """What to do, on one line (the step's result when it has no title)."""
    result: str | None
    due_phrase: str | None
    """The deadline exactly as the author wrote it, line breaks and spaces included (None
    when there is none); tables and documents fold it onto one line for display."""
    deadline_kind: str | None
    """date, range, before, ongoing, unscheduled or recurring (None: no or bad deadline)."""
    start: datetime.date | None
    """The planned start: `start:`, else the first day of a date or range deadline (None
    for "до …" and undated ones)."""
    due: datetime.date | None
    """Last day before it is overdue (None: cannot be overdue)."""
    status: str
    """planned, in_progress, done or cancelled, as of the query's date."""
    responsible: tuple[str, ...]
    """Responsibles as the registry spells them."""
    stage: str | None
    stage_title: str | None
    cluster: str | None
    """The cluster's id (as written when the plan has no such cluster)."""
    cluster_title: str | None
    rescheduled: int
    """How many times the deadline was moved."""
    is_event: bool
    """The task has an `event:` or `outcome:` block."""
    place: str | None
    """`event.place` of an event task."""
    path: str
    """Where it is in the file: "stages[0].tasks[2].steps[1]"."""
    extra: dict[str, str]
    """The plan's extra columns (`columns:`): column id -> this row's text ("" when the
    row leaves it empty), in the order the plan declares them."""


def listed(unit: Unit, today: datetime.date, deadline: Deadline | None = None
           ) -> dict[str, Any]:
    """The fields of :class:`Listed` for a unit (`deadline`: another one than its own, such
    as an event's date), for the constructors of the answers' records."""
    digest, task, work = unit.digest, unit.task, unit.work
    deadline = deadline if deadline is not None else unit.deadline
    start, due = deadline_span(deadline)
    if deadline is unit.deadline:
        start = start_day(work.start) or start
    cells = dict(work.extra)
    stage = digest.stages[work.stage] if work.stage is not None else None
    return {
        "project": digest.project,
        "project_title": digest.title,
        "id": work.ref,
        "task_id": work.task_ref,
        "kind": work.kind,
        "title": one_line(work.title),
        "result": one_line(work.result) or None,
        "due_phrase": deadline.text if deadline is not None else (work.due or None),
        "deadline_kind": deadline.kind.value if deadline is not None else None,
        "start": start,
        "due": due,
        "status": unit.state.value,
        "responsible": tuple(digest.name(r) for r in work.responsible),
        "stage": stage.id if stage is not None else None,
        "stage_title": stage.title if stage is not None else None,
        "cluster": work.cluster,
        "cluster_title": digest.cluster_title(work.cluster) if work.cluster_ref else None,
        "rescheduled": reschedule_count(work, today),
        "is_event": task.event is not None or task.outcome is not None,
        "place": task.event.place if task.event is not None and work is task else None,
        "path": work.path,
        "extra": {key: one_line(cells.get(key)) for key, _title in digest.columns},
    }


def sort_key(item: Listed) -> tuple[Any, ...]:
    return (item.project, natural_key(item.id), item.path)
