"""`overdue`: open tasks and steps whose deadline has passed."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from clusterctl.model.status import OPEN, deadline_span
from clusterctl.queries.digest import PlanDigest
from clusterctl.queries.filters import Filters, Selection
from clusterctl.queries.units import Listed, Unit, listed, sort_key, units


@dataclass(frozen=True, slots=True, kw_only=True)
class OverdueItem(Listed):
    """An open task or step whose deadline has passed."""

    days_overdue: int
    """Days since the deadline's last day: 1 on the day after it (for a recurring deadline,
    since its earliest missed occurrence)."""
    missed: tuple[datetime.date, ...] = ()
    """A recurring deadline: the last day of each of its occurrences that passed and is not
    recorded as done, in order (`due` is the first of them). Empty for other deadlines."""


def overdue(digests: Sequence[PlanDigest], today: datetime.date,
            filters: Filters | None = None) -> list[OverdueItem]:
    """Every open task and step whose deadline interval ended before `today`.

    Open means planned or in progress as of `today`; `filters.statuses` may narrow that to
    one of them. A task whose steps carry their own deadlines is judged step by step.
    Ongoing, unscheduled and recurring deadlines are never overdue. Sorted by days overdue
    (most first), then project and id.
    """
    return late(Selection(digests, filters), today)


def late(selection: Selection, today: datetime.date) -> list[OverdueItem]:
    """`overdue` of plans whose filters are resolved already."""
    found: list[OverdueItem] = []
    recurring: dict[tuple[int, str], tuple[Unit, list[datetime.date]]] = {}
    wanted = OPEN if selection.statuses is None else OPEN & selection.statuses
    for unit in units(selection, today, due_before=today, states=wanted):
        _, due = deadline_span(unit.deadline)
        if due is None:
            continue
        if unit.occurrence is None:
            found.append(OverdueItem(**listed(unit, today), days_overdue=(today - due).days))
        elif (key := (unit.pos, unit.work.path)) in recurring:
            recurring[key][1].append(due)
        else:  # the earliest missed occurrence: units come in the occurrences' order
            recurring[key] = (unit, [due])
    for unit, missed in recurring.values():
        found.append(OverdueItem(**listed(unit, today), days_overdue=(today - missed[0]).days,
                                 missed=tuple(missed)))
    found.sort(key=lambda o: (-o.days_overdue, *sort_key(o)))
    return found
