"""`status`: how far each project has come — per project, stage and cluster — and how many of a
cluster's (or the district's) schools took part."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from clusterctl.model.deadlines import Period
from clusterctl.model.status import (
    ALL_STATUSES,
    OPEN,
    Status,
    deadline_span,
    occurrence_status,
    reschedule_count,
    step_status,
    task_is_unit,
    task_status,
)
from clusterctl.queries.digest import Cluster, PlanDigest, Work
from clusterctl.queries.filters import Filters, Selection
from clusterctl.queries.units import one_line, task_deadline


def share_of(part: int, whole: int) -> float:
    """`part / whole` rounded to 4 places (`whole` not 0)."""
    return round(part / whole, 4)


@dataclass(frozen=True, slots=True, kw_only=True)
class NextDue:
    """The nearest deadline still ahead."""

    date: datetime.date
    id: str
    title: str
    due_phrase: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Participation:
    """How many of a cluster's member schools (or of the district's schools) took part in
    at least one done event."""

    members: int
    """Member schools of the cluster (or `rules.district_schools` for the district)."""
    took_part: int
    share: float | None
    """took_part / members, rounded to 4 places; None when no done event of the cluster
    records its participants (then nothing can be said) or there are no members."""
    recorded: bool
    """Some done event records participants (`outcome.organisations` or `participants`)."""
    schools: tuple[str, ...]
    """Names of the schools that took part."""
    absent: tuple[str, ...]
    """Names of member schools that did not (empty for the district figure)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Progress:
    """Task counts of a project, a stage or a cluster.

    `total` = done + in_progress + planned + cancelled (each occurrence of a recurring
    deadline counts as a task); `overdue` counts the open tasks
    (planned or in progress) that are overdue themselves or have an overdue step;
    `rescheduled` counts tasks moved at least once (any status).
    """

    level: str
    """"project", "stage" or "cluster"."""
    project: str
    id: str
    """The project's, stage's or cluster's id."""
    title: str
    period_start: datetime.date | None
    period_end: datetime.date | None
    current: bool
    """For a stage: its period contains the query's date."""
    total: int
    done: int
    in_progress: int
    planned: int
    overdue: int
    cancelled: int
    rescheduled: int
    share_done: float | None
    """done / (total - cancelled), rounded to 4 places; None when nothing is countable."""
    next_due: NextDue | None
    participation: Participation | None
    """For a cluster: its member schools' participation."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ProjectStatus:
    project: Progress
    stages: list[Progress]
    clusters: list[Progress]
    current_stage: str | None
    """The id of the stage whose period contains the query's date."""
    district: Participation | None
    """Share of the district's schools (`rules.district_schools`) that took part in a done
    event of any cluster; None when `district_schools` is not set."""


@dataclass(frozen=True, slots=True, kw_only=True)
class StatusReport:
    as_of: datetime.date
    projects: list[ProjectStatus]


@dataclass(slots=True)
class _Tally:
    total: int = 0
    by_status: dict[Status, int] = field(default_factory=dict)
    overdue: int = 0
    rescheduled: int = 0
    next_due: NextDue | None = None

    def add(self, state: Status, late: bool, moved: bool, nearest: NextDue | None,
            times: int = 1) -> None:
        """Count a task, `times` times with this status and lateness (the occurrences of a
        recurring deadline); in plan order: of two equally near deadlines the first stays."""
        self.total += times
        self.by_status[state] = self.by_status.get(state, 0) + times
        self.overdue += late * times
        self.rescheduled += moved
        if nearest is not None and (self.next_due is None or nearest.date < self.next_due.date):
            self.next_due = nearest

    def progress(self, level: str, project: str, id: str, title: str, period: Period | None,
                 current: bool, participation: Participation | None = None) -> Progress:
        count = self.by_status.get
        countable = self.total - count(Status.cancelled, 0)
        return Progress(
            level=level, project=project, id=id, title=title,
            period_start=period.start if period else None,
            period_end=period.end if period else None, current=current, total=self.total,
            done=count(Status.done, 0), in_progress=count(Status.in_progress, 0),
            planned=count(Status.planned, 0), overdue=self.overdue,
            cancelled=count(Status.cancelled, 0), rescheduled=self.rescheduled,
            share_done=share_of(count(Status.done, 0), countable) if countable else None,
            next_due=self.next_due, participation=participation,
        )


def _participants(task: Work) -> tuple[str, ...]:
    return task.participants + (task.outcome.organisations if task.outcome else ())


def _cluster_participation(digest: PlanDigest, cluster: Cluster, done: list[Work]
                           ) -> Participation:
    members: dict[str, str] = {}
    for ref in cluster.members:
        key, name = digest.orgs[ref]
        members.setdefault(key, name)
    took: dict[str, str] = {}
    recorded = False
    for task in done:
        if task.cluster != cluster.id:
            continue
        refs = _participants(task)
        recorded = recorded or bool(refs)
        for ref in refs:
            key = digest.orgs[ref][0]
            if key in members:
                took.setdefault(key, members[key])
    count = len(took)
    return Participation(
        members=len(members), took_part=count,
        share=share_of(count, len(members)) if recorded and members else None,
        recorded=recorded, schools=tuple(took[k] for k in members if k in took),
        absent=tuple(name for k, name in members.items() if k not in took),
    )


def _district_participation(digest: PlanDigest, done: list[Work]) -> Participation | None:
    total = digest.rules.district_schools
    if total is None:
        return None
    took: dict[str, str] = {}
    recorded = False
    for task in done:
        refs = _participants(task)
        recorded = recorded or bool(refs)
        for ref in refs:
            key, name = digest.orgs[ref]
            took.setdefault(key, name)
    count = len(took)
    return Participation(
        members=total, took_part=count,
        share=share_of(count, total) if recorded and total else None, recorded=recorded,
        schools=tuple(took.values()), absent=(),
    )


def _due_days(task: Work, work: Work) -> list[datetime.date]:
    """The last days of a task's or step's deadline still to meet: its own, or each
    occurrence of a recurring one not recorded as done."""
    if work.occurrences:
        return [span.end for span in work.occurrences
                if span.end not in work.done_occurrences]
    _, due = deadline_span(task_deadline(task) if work is task else work.deadline)
    return [] if due is None else [due]


def _judged(task: Work, state: Status, today: datetime.date
            ) -> tuple[bool, bool, NextDue | None]:
    """(overdue, rescheduled, next deadline ahead) of a task: its own deadline and its
    steps' (each occurrence of a recurring one), each while open."""
    late = moved = False
    nearest: tuple[datetime.date, Work] | None = None
    for work in (task, *task.steps):
        moved = moved or reschedule_count(work, today) > 0
        if (state if work is task else step_status(work, task, today)) not in OPEN:
            continue
        for due in _due_days(task, work):
            if due < today:
                late = True
            elif nearest is None or due < nearest[0]:
                nearest = (due, work)
    next_due = None if nearest is None else NextDue(
        date=nearest[0], id=nearest[1].ref, title=one_line(nearest[1].title),
        due_phrase=nearest[1].due or None)
    return late and state in OPEN, moved, next_due


def _counted(task: Work, state: Status, late: bool, today: datetime.date
             ) -> list[tuple[Status, bool, int]]:
    """What a task adds to the counts: (status, overdue, how many) — once, or once per
    occurrence of its recurring deadline (an occurrence in `done_occurrences` is done; one
    past its day and not done is overdue; the steps' lateness goes with the first)."""
    if not task.occurrences or not task_is_unit(task):
        return [(state, late, 1)]
    steps_late = late and any(
        due < today for step in task.steps
        if step_status(step, task, today) in OPEN for due in _due_days(task, step))
    counted: dict[tuple[Status, bool], int] = {}
    for k, span in enumerate(task.occurrences):
        own = occurrence_status(state, span.end, task.done_occurrences)
        each = (own, own in OPEN and (span.end < today or (k == 0 and steps_late)))
        counted[each] = counted.get(each, 0) + 1
    return [(each, each_late, times) for (each, each_late), times in counted.items()]


def _current(period: Period | None, today: datetime.date) -> bool:
    return period is not None and period.start <= today <= period.end


def _project_status(selection: Selection, pos: int, digest: PlanDigest,
                    today: datetime.date) -> ProjectStatus:
    project, stages, clusters = _Tally(), [_Tally() for _ in digest.stages], {
        c.id: _Tally() for c in digest.clusters}
    done: list[Work] = []  # as of today, whatever the filters (for participation)
    for task in digest.tasks:
        state = task_status(task, today)
        if state is Status.done:
            done.append(task)
        if not (selection.stage(digest, task.stage)
                and selection.cluster(digest, task.cluster, task.cluster_ref)
                and selection.status(state, ALL_STATUSES)
                and selection.names(pos, [r for w in (task, *task.steps)
                                          for r in w.responsible])):
            continue
        late, moved, nearest = _judged(task, state, today)
        counted = _counted(task, state, late, today)
        for tally in (project, stages[task.stage] if task.stage is not None else None,
                      clusters.get(task.cluster or "")):
            if tally is None:
                continue
            for k, (each, each_late, times) in enumerate(counted):
                tally.add(each, each_late, moved and k == 0, nearest if k == 0 else None,
                          times)
    current_stage = next((s.id for k, s in enumerate(digest.stages)
                          if selection.stage(digest, k) and _current(s.period, today)), None)
    return ProjectStatus(
        project=project.progress("project", digest.project, digest.project, digest.title,
                                 digest.period, _current(digest.period, today)),
        stages=[stages[k].progress("stage", digest.project, s.id, s.title, s.period,
                                   _current(s.period, today))
                for k, s in enumerate(digest.stages) if selection.stage(digest, k)],
        clusters=[clusters[c.id].progress("cluster", digest.project, c.id, c.title, None, False,
                                          _cluster_participation(digest, c, done))
                  for c in digest.clusters if selection.cluster_model(c)],
        current_stage=current_stage,
        district=_district_participation(digest, done),
    )


def status(digests: Sequence[PlanDigest], today: datetime.date,
           filters: Filters | None = None) -> StatusReport:
    """Progress per project, then per stage and per cluster, as of `today`.

    Counts tasks (not steps) by their status as of `today` (see `clusterctl.model.status`),
    a task with a recurring deadline once per occurrence, plus overdue and rescheduled ones,
    the share done and the next deadline ahead. For each cluster, the participation figure
    of seed 003: how many member schools took part in at least one done task of the cluster
    (`outcome.organisations` or `participants`).
    Stage, cluster, responsible and status filters narrow the tasks counted.
    """
    selection = Selection(digests, filters)
    return StatusReport(as_of=today, projects=[
        _project_status(selection, pos, digest, today)
        for pos, digest in enumerate(selection.digests) if selection.plan(digest)
    ])
