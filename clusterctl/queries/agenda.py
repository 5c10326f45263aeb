"""`upcoming --meeting`: the agenda of the next quarterly meeting — the events and open tasks
of the `rules.meeting_horizon_months` months that follow it (see the meeting days in
`clusterctl.queries.reminders`)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from clusterctl.model.calendar import add_months
from clusterctl.model.status import deadline_span
from clusterctl.queries.digest import Cluster, PlanDigest
from clusterctl.queries.filters import Filters, Selection
from clusterctl.queries.reminders import (
    cluster_refs,
    event_deadline,
    names,
    next_meeting,
)
from clusterctl.queries.units import Unit, natural_key, one_line, units


@dataclass(frozen=True, slots=True, kw_only=True)
class AgendaEntry:
    """An event or task to announce at a meeting."""

    kind: str
    """"event" (a task with an `event:` or `outcome:` block), "task" or "step"."""
    project: str
    id: str
    title: str
    date_phrase: str | None
    """The date exactly as the author wrote it (`event.date` or `due`)."""
    start: datetime.date | None
    end: datetime.date
    """The last day (the deadline for a task)."""
    date: datetime.date
    """The day it is listed under: an event's first day, a task's last day."""
    time: str | None
    place: str | None
    audience: str | None
    level: str | None
    expected_participants: int | None
    registration_url: str | None
    responsible: tuple[str, ...]
    stage: str | None
    cluster: str | None
    status: str


@dataclass(frozen=True, slots=True, kw_only=True)
class MeetingAgenda:
    """The agenda of one meeting: what falls in the `rules.meeting_horizon_months` months
    from the meeting day (`date` to `until`, both included)."""

    project: str
    project_title: str
    cluster: str | None
    """The cluster whose member schools meet (None for a plan without clusters)."""
    cluster_title: str | None
    date: datetime.date
    until: datetime.date
    responsible: tuple[str, ...]
    """Who runs it: the cluster's curators and leads (the project's for a plan)."""
    members: tuple[str, ...]
    """The member schools to invite."""
    entries: list[AgendaEntry]
    """The cluster's events and open tasks (and those of the plan without a cluster), in
    date order."""


def _entry(unit: Unit, start: datetime.date | None, end: datetime.date, phrase: str | None
           ) -> AgendaEntry:
    digest, task, work = unit.digest, unit.task, unit.work
    is_event = work is task and (task.event is not None or task.outcome is not None)
    event = task.event if work is task else None
    stage = digest.stages[work.stage] if work.stage is not None else None
    return AgendaEntry(
        kind="event" if is_event else work.kind,
        project=digest.project, id=work.ref,
        title=one_line((event.title if event else None) or work.title),
        date_phrase=phrase or None, start=start, end=end,
        date=(start or end) if is_event else end,
        time=event.time if event else None, place=event.place if event else None,
        audience=event.audience if event else None, level=event.level if event else None,
        expected_participants=event.expected_participants if event else None,
        registration_url=event.registration_url if event else None,
        responsible=names(digest, work.responsible),
        stage=stage.id if stage is not None else None,
        cluster=work.cluster,
        status=unit.state.value,
    )


def meeting_agenda(digests: Sequence[PlanDigest], today: datetime.date,
                   filters: Filters | None = None) -> list[MeetingAgenda]:
    """The agenda of the next meeting on or after `today` of every plan that has meetings
    (one per cluster; one per plan without clusters).

    Each agenda lists the open events and tasks falling from the meeting day to the day
    before the same date `rules.meeting_horizon_months` months later: an event under its
    first day (`event.date`, else `due`), a task or step under its deadline's last day.
    A cluster's agenda holds its own tasks and the plan's tasks without a cluster.
    `filters`: project and cluster choose the meetings; responsible keeps the meetings the
    person runs or has an item on; stage and status narrow the entries (default: open).
    """
    plain = Filters(projects=(filters or Filters()).projects)
    selection = Selection(digests, filters)
    everything = Selection(digests, plain)  # the entries before the responsible filter
    agendas: list[MeetingAgenda] = []
    for pos, digest in enumerate(selection.digests):
        if not selection.plan(digest):
            continue
        day = next_meeting(digest, today)
        if day is None:
            continue
        until = add_months(day, digest.rules.meeting_horizon_months) - datetime.timedelta(
            days=1)
        entries: list[tuple[str | None, tuple[str, ...], AgendaEntry]] = []
        for unit in units(everything, today, only=pos):
            if not selection.stage(digest, unit.work.stage) or not selection.status(unit.state):
                continue
            is_event = unit.work is unit.task and (
                unit.task.event is not None or unit.task.outcome is not None)
            deadline = event_deadline(unit.task) if is_event else unit.deadline
            start, end = deadline_span(deadline)
            if end is None or deadline is None:
                continue
            listed = (start or end) if is_event else end
            if day <= listed <= until:
                entries.append((unit.work.cluster, unit.work.responsible,
                                _entry(unit, start, end, deadline.text)))
        targets: list[Cluster | None] = list(digest.clusters) if digest.clusters else [None]
        for cluster in targets:
            if cluster is not None and not selection.cluster_model(cluster):
                continue
            if cluster is None and selection.clusters is not None:
                continue
            kept = [(who, e) for owner, who, e in entries
                    if cluster is None or owner is None or owner == cluster.id]
            refs = cluster_refs(digest, cluster)
            if selection.people is not None and not (
                selection.names(pos, refs) or any(selection.names(pos, who) for who, _ in kept)
            ):
                continue
            mine = [e for _, e in kept]
            mine.sort(key=lambda e: (e.date, natural_key(e.id)))
            members = tuple(digest.orgs[m][1] for m in (cluster.members if cluster else ()))
            agendas.append(MeetingAgenda(
                project=digest.project, project_title=digest.title,
                cluster=cluster.id if cluster is not None else None,
                cluster_title=cluster.title if cluster is not None else None,
                date=day, until=until, responsible=names(digest, refs), members=members,
                entries=mine,
            ))
    agendas.sort(key=lambda a: (a.date, a.project))
    return agendas
