"""`clusterctl.model.status`: the status of work as of a date, and what the queries list."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

import pytest

from clusterctl.model.status import (
    CLOSED,
    OPEN,
    Status,
    occurrence_status,
    reschedule_count,
    step_is_unit,
    step_status,
    task_is_unit,
    task_status,
    work_status,
)

D = datetime.date


@dataclass(frozen=True)
class W:
    """A task or a step, with the fields the status functions read."""

    status: Status = Status.planned
    done_on: D | None = None
    cancelled_on: D | None = None
    due: str | None = None
    moved: Sequence[D | None] = ()
    steps: Sequence[W] = field(default_factory=tuple)
    event_date: str | None = None


def test_a_later_done_on_or_cancelled_on_is_not_yet() -> None:
    done = W(Status.done, done_on=D(2022, 10, 1))
    assert work_status(done, D(2022, 9, 30)) is Status.planned
    assert work_status(done, D(2022, 10, 1)) is Status.done
    cancelled = W(Status.cancelled, cancelled_on=D(2022, 10, 1))
    assert work_status(cancelled, D(2022, 9, 1)) is Status.planned
    assert work_status(W(Status.done), D(1900, 1, 1)) is Status.done  # no day: as written


def test_a_planned_task_follows_its_steps() -> None:
    day = D(2022, 10, 16)
    assert task_status(W(steps=(W(Status.done), W(Status.cancelled))), day) is Status.done
    assert task_status(W(steps=(W(Status.cancelled),)), day) is Status.planned
    assert task_status(W(steps=(W(Status.done), W())), day) is Status.in_progress
    assert task_status(W(steps=(W(Status.in_progress),)), day) is Status.in_progress
    # a status the task writes itself wins
    assert task_status(W(Status.cancelled, steps=(W(Status.done),)), day) is Status.cancelled
    # a step done after the date does not count yet
    later = W(steps=(W(Status.done, done_on=D(2022, 11, 1)),))
    assert task_status(later, day) is Status.planned


def test_closing_a_task_closes_its_open_steps() -> None:
    day = D(2022, 10, 16)
    for closed in CLOSED:
        task = W(closed)
        assert step_status(W(), task, day) is closed
        assert step_status(W(Status.in_progress), task, day) is closed
    assert step_status(W(Status.cancelled), W(Status.done), day) is Status.cancelled
    assert step_status(W(Status.in_progress), W(), day) is Status.in_progress


def test_which_tasks_and_steps_are_listed() -> None:
    with_dated_step = W(steps=(W(due="до 01.10.2022"), W()))
    assert not task_is_unit(with_dated_step)
    # the task is judged step by step: every step is listed, dated or not
    assert [step_is_unit(s, with_dated_step) for s in with_dated_step.steps] == [True, True]
    sub_bullets = W(steps=(W(), W()))
    assert task_is_unit(sub_bullets)
    assert not step_is_unit(sub_bullets.steps[0], sub_bullets)
    assert task_is_unit(W(due="постоянно", steps=(W(due="до 01.10.2022"),)))
    assert task_is_unit(W(event_date="12.10.2022", steps=(W(due="до 01.10.2022"),)))
    assert task_is_unit(W())


@pytest.mark.parametrize("state", list(Status))
def test_an_occurrence_is_done_when_recorded_while_its_work_is_open(state: Status) -> None:
    done = (D(2022, 9, 30),)
    recorded = occurrence_status(state, D(2022, 9, 30), done)
    assert recorded is (Status.done if state in OPEN else state)
    assert occurrence_status(state, D(2022, 12, 31), done) is state


def test_moves_decided_after_the_date_do_not_count() -> None:
    work = W(moved=(D(2022, 9, 1), None, D(2022, 11, 1)))
    assert reschedule_count(work, D(2022, 10, 16)) == 2  # a move with no day always counts
    assert reschedule_count(work, D(2022, 11, 1)) == 3
