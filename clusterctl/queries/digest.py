"""What the queries know of one plan: its digest.

A digest is made of a checked plan where it was checked (a worker process when there are
many files), kept in the cache, and is the one thing that crosses processes: every query
command answers in the parent from the digests of all plans. It holds facts, not answers:
the deadlines parsed, the references resolved, the statuses as written — never anything
that depends on the date a query asks about or on its filters (`clusterctl.model.status`
works those out from the facts).

Digests are named tuples of plain values, dates, deadlines and the registry of the plan's
responsibles (`clusterctl.queries.people`): small, and cheap to pickle.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, NamedTuple

from clusterctl.model.deadlines import Deadline, Period
from clusterctl.model.status import Status
from clusterctl.queries.people import Registry, registry_of

if TYPE_CHECKING:
    from clusterctl.model.index import Item, PlanIndex


class Event(NamedTuple):
    """A task's `event:` block (what announcements and the meeting agenda say)."""

    title: str | None
    deadline: Deadline | None
    """Its `date`, parsed (None when absent or not understood)."""
    time: str | None
    place: str | None
    audience: str | None
    level: str | None
    expected_participants: int | None
    registration_url: str | None


class Outcome(NamedTuple):
    """What a task's `outcome:` block says to the queries."""

    held_on: datetime.date | None
    organisations: tuple[str, ...]
    published: bool
    """`links` lists the published news (no press release reminder then)."""


class Work(NamedTuple):
    """A task, or a step of a task."""

    kind: str
    """"task" or "step"."""
    ref: str
    """The id shown to users: the task's, or the step's ("8.2" when the step has none)."""
    task_ref: str
    """The task's id ("?" when it has none)."""
    title: str
    """What to do: its title, else its result, description, or its task's title."""
    result: str | None
    due: str | None
    """The deadline phrase as written."""
    deadline: Deadline | None
    """`due` parsed with the stage's (else the project's) period; None when there is none or
    it was not understood."""
    responsible: tuple[str, ...]
    """As written; a step without its own answers to its task's."""
    participants: tuple[str, ...]
    status: Status
    """As written."""
    done_on: datetime.date | None
    cancelled_on: datetime.date | None
    moved: tuple[datetime.date | None, ...]
    """The `on` day of each reschedule (None when not given)."""
    stage: int | None
    """Its stage's place in `PlanDigest.stages` (None: a top-level task)."""
    cluster: str | None
    """The cluster's id, or the reference as written when the plan has no such cluster."""
    cluster_ref: str | None
    """The cluster reference as written."""
    path: str
    """Where it is in the file: "stages[0].tasks[2].steps[1]"."""
    start: Deadline | None = None
    """`start:` (the planned start) parsed; None when absent or not understood."""
    extra: tuple[tuple[str, str], ...] = ()
    """`extra:` — (column id, text) in the order written."""
    occurrences: tuple[Period, ...] = ()
    """A recurring deadline's occurrences, in order (`clusterctl.model.occurrences`)."""
    done_occurrences: tuple[datetime.date, ...] = ()
    """The deadlines of the occurrences recorded as done."""
    event_date: str | None = None
    """The event's date phrase as written (tasks)."""
    event: Event | None = None
    outcome: Outcome | None = None
    steps: tuple[Work, ...] = ()


class Stage(NamedTuple):
    id: str
    title: str
    period: Period | None
    section: bool = False
    """`kind: section`: a rubric that groups rows, shown with its number and title."""


class Cluster(NamedTuple):
    id: str
    title: str
    curators: tuple[str, ...]
    leads: tuple[str, ...]
    members: tuple[str, ...]
    """Member schools as written (numbers or ids; see `PlanDigest.orgs`)."""


class Rules(NamedTuple):
    """The working rules (`rules:`; seed 003's values when the plan gives none)."""

    announcement_days_before: tuple[int, ...]
    press_release_days_after: tuple[int, ...]
    report_due: tuple[str, ...]
    meetings_per_year: int
    meeting_horizon_months: int
    district_schools: int | None
    explicit: bool
    """The plan writes a `rules:` block (meetings are then derived for it)."""


class PlanDigest(NamedTuple):
    project: str
    title: str
    period: Period | None
    leads: tuple[str, ...]
    curators: tuple[str, ...]
    stages: tuple[Stage, ...]
    clusters: tuple[Cluster, ...]
    rules: Rules
    tasks: tuple[Work, ...]
    """The tasks in plan order (the stages' tasks, then the top-level ones), with their
    steps."""
    names: dict[str, str]
    """Each responsible, lead and curator as written -> the registry's spelling."""
    orgs: dict[str, tuple[str, str]]
    """Each organisation reference as written -> (key, name): resolved through the registry
    ("org:ID"), else "ref:" and the reference folded."""
    registry: Registry
    """The plan's responsibles, merged across plans by `clusterctl.queries.people`."""
    columns: tuple[tuple[str, str], ...] = ()
    """The plan's extra columns (`columns:`): (id, title) in source order."""

    def name(self, ref: str) -> str:
        return self.names.get(ref, ref)

    def cluster_title(self, cluster_id: str | None) -> str | None:
        for cluster in self.clusters:
            if cluster.id == cluster_id:
                return cluster.title
        return None


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def path_text(path: tuple[str | int, ...]) -> str:
    """("stages", 0, "tasks", 3) -> "stages[0].tasks[3]" (where a row is in the file)."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else ("." if out else "") + step
    return out


def _work(index: PlanIndex, item: Item, steps: tuple[Work, ...] = ()) -> Work:
    work, task = item.work, item.task
    cluster = index.cluster(task.cluster) if task.cluster else None
    event = outcome = None
    if item.step is None and task.event is not None:
        e = task.event
        event = Event(e.title, item.event_deadline, e.time, e.place, e.audience, e.level,
                      e.expected_participants, e.registration_url)
    if item.step is None and task.outcome is not None:
        o = task.outcome
        outcome = Outcome(o.held_on, tuple(o.organisations), bool(o.links))
    stage = None
    if item.stage is not None:
        stage = int(item.path[1])
    return Work(
        kind="step" if item.is_step else "task",
        ref=item.ref,
        task_ref=(task.id or "?").rstrip(".") or "?",
        title=item.title,
        result=work.result,
        due=work.due,
        deadline=item.deadline,
        responsible=tuple(item.responsible),
        participants=tuple(work.participants),
        status=work.status,
        done_on=work.done_on,
        cancelled_on=work.cancelled_on,
        moved=tuple(move.on for move in work.reschedules),
        stage=stage,
        cluster=cluster.id if cluster is not None else task.cluster,
        cluster_ref=task.cluster,
        path=path_text(item.path),
        start=item.start_deadline,
        extra=tuple(work.extra.items()),
        occurrences=item.occurrences,
        done_occurrences=tuple(sorted(set(work.done_occurrences))),
        event_date=task.event.date if item.step is None and task.event is not None else None,
        event=event,
        outcome=outcome,
        steps=steps,
    )


def build_digest(index: PlanIndex) -> PlanDigest:
    """The digest of a checked plan (see the module doc)."""
    from clusterctl.model.plan import StageKind

    plan = index.plan
    tasks: list[Work] = []
    items = index.items
    position = 0
    while position < len(items):  # each task, then its steps
        head = items[position]
        count = len(head.task.steps)
        steps = tuple(_work(index, step) for step in items[position + 1:position + 1 + count])
        tasks.append(_work(index, head, steps))
        position += 1 + count
    mentioned = [*plan.project.leads, *plan.project.curators]
    for cluster in plan.clusters:
        mentioned += [*cluster.curators, *cluster.leads]
    for item in items:
        mentioned += item.responsible
    orgs: dict[str, tuple[str, str]] = {}
    org_refs = [*plan.project.participants]
    for cluster in plan.clusters:
        org_refs += cluster.members
    for item in items:
        org_refs += item.work.participants
        if item.step is None and item.task.outcome is not None:
            org_refs += item.task.outcome.organisations
    for ref in org_refs:
        if ref not in orgs:
            org = index.organisation(ref)
            orgs[ref] = ("org:" + org.id, org.name) if org is not None else (
                "ref:" + _folded(ref), ref)
    rules = plan.rules
    return PlanDigest(
        project=plan.project.id,
        title=_one_line(plan.project.title),
        period=index.project_period,
        leads=tuple(plan.project.leads),
        curators=tuple(plan.project.curators),
        stages=tuple(Stage(s.id, _one_line(s.title), index.stage_periods.get(k),
                           s.kind is StageKind.section)
                     for k, s in enumerate(plan.stages)),
        clusters=tuple(Cluster(c.id, _one_line(c.title), tuple(c.curators), tuple(c.leads),
                               tuple(c.members)) for c in plan.clusters),
        rules=Rules(tuple(rules.announcement_days_before),
                    tuple(rules.press_release_days_after), tuple(rules.report_due),
                    rules.meetings_per_year, rules.meeting_horizon_months,
                    rules.district_schools, "rules" in plan.model_fields_set),
        tasks=tuple(tasks),
        names={ref: index.responsible_name(ref) for ref in dict.fromkeys(mentioned)},
        orgs=orgs,
        registry=registry_of(index),
        columns=tuple((c.id, _one_line(c.title)) for c in plan.columns),
    )


def _folded(ref: str) -> str:
    from clusterctl.model.names import normalise_name

    return normalise_name(ref)
