"""The status of work as of a date, and what the queries list — written once.

* A task's or step's own status as of a date: `done` with a `done_on` after the date (and
  `cancelled` with a later `cancelled_on`) counts as `planned` (`work_status`).
* A task's status as of a date (`task_status`): a `planned` task whose steps are all closed
  with at least one done counts as `done`, and one with a done or started step as
  `in_progress`.
* A step's (`step_status`): closing a task closes its open steps.
* A *unit* is what the queries list (`task_is_unit`, `step_is_unit`): a task without steps; a
  task's steps that carry their own deadline (the task is then judged step by step); the
  task itself when it has its own deadline (or an event date), or when none of its steps
  has one (its steps are then sub-bullets).
* A recurring deadline's occurrence (`occurrence_status`): done when `done_occurrences`
  records it and its work is open, else its work's status.
* Overdue: an open unit (planned or in progress) whose deadline's last day is before the
  date. Ongoing, unscheduled and recurring deadlines are never overdue.

The functions take anything with the fields they read (`Work`, `Task` below): the queries'
per-plan digest (`clusterctl.queries.digest`) has them. Nothing here reads the clock.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Collection, Sequence
from typing import Protocol

from clusterctl.model.deadlines import DATED, Deadline, DeadlineKind


class Status(str, enum.Enum):
    """The status of a task or step (`status:` in a plan)."""

    planned = "planned"
    in_progress = "in_progress"
    done = "done"
    cancelled = "cancelled"


OPEN: frozenset[Status] = frozenset({Status.planned, Status.in_progress})
"""The statuses of work still to do."""
CLOSED: frozenset[Status] = frozenset({Status.done, Status.cancelled})
ALL_STATUSES: frozenset[Status] = frozenset(Status)


class Work(Protocol):
    """A task or a step, as far as its status and deadline go."""

    @property
    def status(self) -> Status: ...
    @property
    def done_on(self) -> datetime.date | None: ...
    @property
    def cancelled_on(self) -> datetime.date | None: ...
    @property
    def due(self) -> str | None: ...
    @property
    def moved(self) -> Sequence[datetime.date | None]: ...


class Task(Work, Protocol):
    @property
    def steps(self) -> Sequence[Work]: ...
    @property
    def event_date(self) -> str | None: ...


def work_status(work: Work, today: datetime.date) -> Status:
    """A task's or step's own status as of `today` (a later `done_on` is not done yet)."""
    state = work.status
    if state is Status.done and work.done_on is not None and work.done_on > today:
        return Status.planned
    if state is Status.cancelled and work.cancelled_on is not None and work.cancelled_on > today:
        return Status.planned
    return state


def task_status(task: Task, today: datetime.date) -> Status:
    """A task's status as of `today`, derived from its steps when the task says `planned`."""
    own = work_status(task, today)
    if own is not Status.planned or not task.steps:
        return own
    states = [work_status(step, today) for step in task.steps]
    if all(s in CLOSED for s in states) and Status.done in states:
        return Status.done
    if any(s in (Status.done, Status.in_progress) for s in states):
        return Status.in_progress
    return own


def step_status(step: Work, task: Task, today: datetime.date) -> Status:
    """A step's status as of `today`: closing a task closes its open steps."""
    own, task_own = work_status(step, today), work_status(task, today)
    return task_own if task_own in CLOSED and own in OPEN else own


def occurrence_status(state: Status, end: datetime.date,
                      done: Collection[datetime.date]) -> Status:
    """The status of one occurrence (ending on `end`) of a recurring deadline whose work has
    the status `state`: done when `done` (its `done_occurrences`) records it and the work is
    open; the work's own status otherwise (closing the work closes them all)."""
    return Status.done if state in OPEN and end in done else state


def reschedule_count(work: Work, today: datetime.date) -> int:
    """How many times the deadline was moved (moves decided after `today` do not count)."""
    return sum(1 for on in work.moved if on is None or on <= today)


def task_is_unit(task: Task) -> bool:
    """Is the task itself listed (else only its steps with their own deadlines)?"""
    if not task.steps or task.due or task.event_date:
        return True
    return not any(step.due for step in task.steps)


def step_is_unit(step: Work, task: Task) -> bool:
    """Is the step listed: when it has its own deadline, or when its task is not."""
    return bool(step.due) or not task_is_unit(task)


def deadline_span(deadline: Deadline | None) -> tuple[datetime.date | None, datetime.date | None]:
    """(first day, last day) of a dated deadline; a "до" deadline has no first day."""
    if deadline is None or deadline.kind not in DATED:
        return None, None
    start = deadline.start if deadline.kind is not DeadlineKind.BEFORE else None
    return start, deadline.due


def start_day(deadline: Deadline | None) -> datetime.date | None:
    """The first day of a planned start (`start:`): of a date or a range its first day; of
    «до …» its last one (it starts by then); None for a start that names no day."""
    if deadline is None or deadline.kind not in DATED:
        return None
    return deadline.end if deadline.kind is DeadlineKind.BEFORE else deadline.start
