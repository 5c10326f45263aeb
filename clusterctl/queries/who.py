"""`who`: what every responsible carries — people, roles and names in no registry, merged
across plans (`clusterctl.queries.people`) — or one person's open work across plans."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from clusterctl.model.calendar import DEFAULT_WINDOW_DAYS, window_end
from clusterctl.model.names import normalise_name
from clusterctl.model.status import OPEN, deadline_span
from clusterctl.queries.digest import PlanDigest, Work
from clusterctl.queries.filters import Filters, Selection, find_people
from clusterctl.queries.people import Duty
from clusterctl.queries.units import Listed, listed, natural_key, units


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonLoad:
    """What one responsible carries (tasks and steps they answer for)."""

    key: str
    name: str
    kind: str
    """"person", "role" or "unknown" (in no registry: often a typo)."""
    spellings: tuple[str, ...]
    projects: tuple[str, ...]
    duties: tuple[Duty, ...]
    position: str | None
    open: int
    """Open (planned or in progress) tasks and steps."""
    overdue: int
    due_soon: int
    """Open ones falling due from the query's date to `Who.soon_until`."""
    next_due: datetime.date | None


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonItem(Listed):
    """One task or step of a person (`who NAME`)."""

    days_left: int | None
    """Days from the query's date to `due` (negative: overdue); None when undated."""
    overdue: bool
    owners: tuple[str, ...]
    """Keys of the matched people who answer for it."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Who:
    as_of: datetime.date
    soon_until: datetime.date
    name: str | None
    """The name asked for (None: everyone)."""
    people: list[PersonLoad]
    """Everyone (sorted by name), or the people the name means."""
    items: list[PersonItem]
    """With a name: their open tasks and steps (or those of `filters.statuses`), in date
    order, undated ones last. Empty without a name."""


def who(digests: Sequence[PlanDigest], today: datetime.date, name: str | None = None,
        filters: Filters | None = None, soon_until: datetime.date | None = None) -> Who:
    """Every responsible with open, overdue and due-soon counts; with `name`, that person's
    (or role's) open tasks across all plans in date order. "Due soon" means by `soon_until`
    (default: within 14 days, today included).

    Names written differently in different plans count as one person when the registries
    say so (see `clusterctl.queries.people`). People who are curators or leads are listed
    even with nothing to do; their duties are in `duties`. `name` matches like
    `--responsible`; an unknown name raises FilterError("name", ...).
    """
    selection = Selection(digests, filters)
    directory = selection.directory
    soon_until = soon_until or window_end(today, DEFAULT_WINDOW_DAYS)
    wanted: frozenset[str] | None = None
    if name is not None:
        wanted = find_people((name,), directory, option="name")
    if selection.people is not None:
        wanted = selection.people if wanted is None else wanted & selection.people

    counted = OPEN if selection.statuses is None else OPEN & selection.statuses
    tallies: dict[str, list[int]] = {}  # key -> [open, overdue, due soon]
    nearest: dict[str, datetime.date] = {}
    items: list[PersonItem] = []
    work: tuple[int, Work] | None = None
    keys: list[str] = []
    for unit in units(selection, today, by_people=False):
        if work is None or unit.work is not work[1] or unit.pos != work[0]:
            # a work's keys once: a recurring deadline's occurrences come one after another
            work = (unit.pos, unit.work)
            keys_of = directory.keys_of(unit.pos)
            keys = list(dict.fromkeys(keys_of[ref] for ref in unit.work.responsible))
            if wanted is not None:
                keys = [k for k in keys if k in wanted]
            for key in keys:  # listed, with nothing counted perhaps
                if key not in tallies:
                    tallies[key] = [0, 0, 0]
        _, due = deadline_span(unit.deadline)
        state = unit.state
        if name is not None and keys and selection.status(state):
            late = state in OPEN and due is not None and due < today
            items.append(PersonItem(
                **listed(unit, today), days_left=(due - today).days if due else None,
                overdue=late, owners=tuple(keys),
            ))
        if state not in counted:
            continue
        for key in keys:
            tally = tallies[key]
            tally[0] += 1
            if due is None:
                continue
            if due < today:
                tally[1] += 1
                continue
            if due <= soon_until:
                tally[2] += 1
            if key not in nearest or due < nearest[key]:
                nearest[key] = due

    people: list[tuple[str, str, str, PersonLoad]] = []  # (sort key..., load)
    by_duty = selection.projects is not None or selection.clusters is not None
    for key, (_, shown, kind, spellings, projects, duties, position, _, _) in (
        directory.entries.items()
    ):
        if wanted is not None and key not in wanted:
            continue
        if by_duty and duties:
            duties = tuple(
                d for d in duties
                if (selection.projects is None or normalise_name(d.project) in selection.projects)
                and (selection.clusters is None or (
                    d.cluster is not None and normalise_name(d.cluster) in selection.clusters))
            )
        found = tallies.get(key)
        if found is None and wanted is None and (not duties or selection.stages is not None):
            continue  # idle
        tally = found if found is not None else [0, 0, 0]
        people.append((directory.folded_name(key), kind, key, PersonLoad(
            key=key, name=shown, kind=kind, spellings=spellings, projects=projects,
            duties=duties, position=position, open=tally[0], overdue=tally[1],
            due_soon=tally[2], next_due=nearest.get(key),
        )))
    people.sort(key=lambda row: row[:3])
    far = datetime.date.max
    items.sort(key=lambda i: (i.due or far, i.project, natural_key(i.id), i.path))
    return Who(as_of=today, soon_until=soon_until, name=name,
               people=[load for *_, load in people], items=items)
