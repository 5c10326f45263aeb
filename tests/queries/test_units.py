"""`clusterctl.queries.units`: which tasks and steps the queries list, as of a date."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from clusterctl.model.index import build_index
from clusterctl.model.plan import Plan
from clusterctl.model.status import ALL_STATUSES, OPEN, Status
from clusterctl.queries import Filters, PlanDigest, build_digest
from clusterctl.queries.filters import Selection
from clusterctl.queries.units import units

D = datetime.date


def _plan(tasks: list[dict[str, Any]]) -> PlanDigest:
    return build_digest(build_index(Plan.model_validate({
        "project": {"id": "p", "title": "P", "period": "2022-2023 учебный год"},
        "tasks": tasks,
    })))


MIXED = _plan([
    {"id": "1", "title": "Справка", "due": "ежеквартально",
     "done_occurrences": ["2022-09-30", "2023-03-31"]},
    {"id": "2", "title": "Отчёт", "due": "ежемесячно", "status": "cancelled",
     "cancelled_on": "2022-11-01"},
    {"id": "3", "title": "Семинар", "due": "до 01.12.2022", "status": "done",
     "done_on": "2022-11-20"},
    {"id": "4", "title": "Сборник", "steps": [
        {"title": "Сбор", "due": "до 01.10.2022", "status": "in_progress"},
        {"title": "Вёрстка", "due": "ежеквартально"},
    ]},
    {"id": "5", "title": "Без срока", "due": "постоянно"},
])


def _listed(day: D, **options: Any) -> list[tuple[str, D | None, Status]]:
    return [(u.work.ref, u.occurrence.end if u.occurrence else None, u.state)
            for u in units(Selection([MIXED], Filters()), day, **options)]


@pytest.mark.parametrize("day", [D(2022, 8, 1), D(2022, 11, 10), D(2023, 4, 1), D(2024, 1, 1)])
@pytest.mark.parametrize("wanted", [OPEN, frozenset({Status.done}), ALL_STATUSES,
                                    frozenset({Status.cancelled}), frozenset()])
@pytest.mark.parametrize("due_before", [None, D(2023, 1, 1)])
def test_the_status_filter_leaves_out_exactly_the_units_of_other_statuses(
        day: D, wanted: frozenset[Status], due_before: D | None) -> None:
    every = _listed(day, due_before=due_before)
    assert _listed(day, due_before=due_before, states=wanted) == [
        row for row in every if row[2] in wanted]


def test_an_occurrence_recorded_as_done_is_done_and_a_closed_work_closes_them_all() -> None:
    rows = _listed(D(2023, 4, 1))
    quarterly = [(end, state) for ref, end, state in rows if ref == "1"]
    assert quarterly == [(D(2022, 9, 30), Status.done), (D(2022, 12, 31), Status.planned),
                         (D(2023, 3, 31), Status.done), (D(2023, 6, 30), Status.planned)]
    assert {state for ref, _, state in rows if ref == "2"} == {Status.cancelled}
    assert len([ref for ref, _, _ in rows if ref == "2"]) == 12
    # before its cancelled_on the monthly report is still planned
    assert {state for ref, _, state in _listed(D(2022, 10, 1)) if ref == "2"} == {
        Status.planned}
    # a step's status follows its own, the task's steps are listed, not the task
    assert [(ref, state) for ref, end, state in rows if ref.startswith("4")][:2] == [
        ("4.1", Status.in_progress), ("4.2", Status.planned)]
    assert "4" not in {ref for ref, _, _ in rows}


def test_due_before_keeps_only_the_units_that_end_before_that_day() -> None:
    rows = _listed(D(2023, 4, 1), due_before=D(2022, 12, 1))
    # «до 01.12.2022» ends on that day, not before it; «постоянно» has no last day
    assert [(ref, end) for ref, end, _ in rows] == [
        ("1", D(2022, 9, 30)), ("2", D(2022, 9, 30)), ("2", D(2022, 10, 31)),
        ("2", D(2022, 11, 30)), ("4.1", None), ("4.2", D(2022, 9, 30)),
    ]
