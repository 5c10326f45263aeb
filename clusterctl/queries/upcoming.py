"""`upcoming`: what falls due in a window from a date — deadlines, events and the reminders
of the working rules."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from clusterctl.model.calendar import DEFAULT_WINDOW_DAYS, monday, window_end
from clusterctl.model.status import deadline_span
from clusterctl.queries.digest import PlanDigest
from clusterctl.queries.filters import Filters, Selection
from clusterctl.queries.reminders import derive_reminders, kept
from clusterctl.queries.units import listed, natural_key, units


@dataclass(frozen=True, slots=True, kw_only=True)
class UpcomingEntry:
    """One line of `upcoming`: a task or step falling due, or a derived reminder."""

    kind: str
    """task, step, start (the planned start of a task or step: its `start:`, or a range
    deadline's first day), event (an event task's `event.date`), or a reminder:
    announcement, announcement_repeat, press_release, report, meeting."""
    project: str
    project_title: str
    id: str
    """The task's or step's id; for a reminder, the id of the task it derives from (the
    cluster's id for reports and meetings)."""
    title: str
    """The task's title; for a reminder, the event's title (the cluster's for reports and
    meetings)."""
    due_phrase: str | None
    """The deadline (or event date) as the author wrote it."""
    start: datetime.date | None
    """First day (a range's start; a press release window's first day)."""
    due: datetime.date
    """The day it falls due: entries are ordered and grouped by it."""
    days_left: int
    """Days from the query's date to `due` (0 = today)."""
    week: datetime.date
    """The Monday of `due`'s week."""
    offset: int | None
    """For announcements, days before the event; for press releases, the last day after it."""
    event_start: datetime.date | None
    """For reminders of an event: the event's first day."""
    responsible: tuple[str, ...]
    stage: str | None
    stage_title: str | None
    cluster: str | None
    cluster_title: str | None
    status: str
    place: str | None
    extra: dict[str, str] = field(default_factory=dict)
    """A task's or step's extra columns (see `Listed.extra`); empty for reminders."""


@dataclass(frozen=True, slots=True)
class Week:
    """A Monday-to-Sunday week of `upcoming` entries."""

    start: datetime.date
    end: datetime.date
    entries: list[UpcomingEntry]


@dataclass(frozen=True, slots=True, kw_only=True)
class Upcoming:
    """What falls due from `as_of` to `until` (both included), in date order."""

    as_of: datetime.date
    until: datetime.date
    entries: list[UpcomingEntry]

    def weeks(self) -> list[Week]:
        """The entries grouped by week (weeks without entries are left out)."""
        groups: dict[datetime.date, list[UpcomingEntry]] = {}
        for entry in self.entries:
            groups.setdefault(entry.week, []).append(entry)
        return [Week(start, start + datetime.timedelta(days=6), entries)
                for start, entries in groups.items()]


_KIND_ORDER = {
    "event": 0, "start": 0, "task": 1, "step": 2, "announcement": 3, "announcement_repeat": 4,
    "press_release": 5, "report": 6, "meeting": 7,
}


def _entry(kind: str, fields: dict[str, Any], today: datetime.date, due: datetime.date,
           **extra: Any) -> UpcomingEntry:
    return UpcomingEntry(
        kind=kind, project=fields["project"], project_title=fields["project_title"],
        id=fields["id"], title=fields["title"], due_phrase=fields["due_phrase"],
        start=extra.get("start", fields.get("start")), due=due, days_left=(due - today).days,
        week=monday(due), offset=extra.get("offset"), event_start=extra.get("event_start"),
        responsible=tuple(fields["responsible"]), stage=fields["stage"],
        stage_title=fields["stage_title"], cluster=fields["cluster"],
        cluster_title=fields["cluster_title"], status=fields["status"], place=fields["place"],
        extra=fields["extra"],
    )


def upcoming(digests: Sequence[PlanDigest], today: datetime.date,
             until: datetime.date | None = None, filters: Filters | None = None,
             reminders: bool = True) -> Upcoming:
    """What falls due from `today` to `until` inclusive (default: 14 days, today included).

    Lists open tasks and steps whose deadline's last day is in the window (with
    `filters.statuses`, those statuses instead), those whose planned start is in it
    (kind "start"), the day of each event task whose
    `event.date` differs from its `due`, and — unless `reminders` is False — the reminders
    derived from the working rules (see :mod:`clusterctl.queries.reminders`). Ordered by
    date, then kind, project and id; :meth:`Upcoming.weeks` groups them by week.
    """
    selection = Selection(digests, filters)
    until = until or window_end(today, DEFAULT_WINDOW_DAYS)
    entries: list[UpcomingEntry] = []
    for unit in units(selection, today):
        if not selection.status(unit.state):
            continue
        start, due = deadline_span(unit.deadline)
        if due is not None and today <= due <= until:
            entries.append(_entry(unit.work.kind, listed(unit, today), today, due))
        begin = unit.planned_start
        if begin is not None and begin != due and today <= begin <= until:
            entries.append(_entry("start", listed(unit, today), today, begin))
        event = unit.task.event.deadline if (
            unit.work is unit.task and unit.task.event is not None) else None
        ev_start, ev_due = deadline_span(event)
        if event is not None and ev_due is not None and (ev_start, ev_due) != (start, due):
            first = ev_start or ev_due
            if today <= first <= until:
                entries.append(_entry("event", listed(unit, today, event), today, first,
                                      start=ev_start, event_start=first))
    if reminders:
        for pos, digest in enumerate(selection.digests):
            if not selection.plan(digest):
                continue
            for reminder in derive_reminders(digest, today, until):
                if not kept(selection, pos, digest, reminder):
                    continue
                entries.append(UpcomingEntry(
                    kind=reminder.kind, project=reminder.project,
                    project_title=reminder.project_title, id=reminder.id,
                    title=reminder.title, due_phrase=reminder.event_phrase,
                    start=reminder.start, due=reminder.due,
                    days_left=(reminder.due - today).days, week=monday(reminder.due),
                    offset=reminder.offset, event_start=reminder.event_start,
                    responsible=reminder.responsible, stage=reminder.stage,
                    stage_title=reminder.stage_title, cluster=reminder.cluster,
                    cluster_title=reminder.cluster_title, status=reminder.status,
                    place=reminder.place,
                ))
    entries.sort(key=lambda e: (
        e.due, _KIND_ORDER.get(e.kind, 9), e.project, natural_key(e.id), -(e.offset or 0),
        e.title,
    ))
    return Upcoming(as_of=today, until=until, entries=entries)
