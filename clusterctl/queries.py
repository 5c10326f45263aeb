"""Queries over plans: what is overdue, what is next, how far each project has come, who
carries what.

Every query is a pure function of the plans and a date (`today`): nothing here reads the
clock, the files or the terminal. The results are plain frozen dataclasses whose fields are
documented below and in docs/queries.md; the CLI prints them as tables, JSON, CSV or
Markdown, and the document templates read them directly.

Entry points:

* :func:`overdue` — open tasks and steps whose deadline ended before `today`;
* :func:`upcoming` — what falls due in a window from `today`, with the derived reminders;
* :func:`status` — progress per project, stage and cluster, and cluster participation;
* :func:`who` — the load of every responsible, or one person's open tasks;
* :func:`clusterctl.reminders.meeting_agenda` — the agenda of the next quarterly meeting.

Every entry point takes `sources`: a sequence of :class:`~clusterctl.plan.PlanIndex` (as
`FileResult.index` gives) or of :class:`~clusterctl.models.Plan`, and an optional
:class:`Filters`. A filter value that matches nothing raises :class:`UnknownFilterValue`
with the closest known values.

Decisions (documented in docs/queries.md):

* A *unit* is what the queries list: a task without steps; a task's steps that carry their
  own `due` (the task is then judged step by step); the task itself when it has its own
  `due` (or `event.date`), or when none of its steps has one (its steps are then sub-bullets).
* Status "as of" a date: `done` with a `done_on` after `today` (and `cancelled` with a later
  `cancelled_on`) counts as `planned`; closing a task closes its open steps; a `planned` task
  whose steps are all closed with at least one done counts as `done`, and one with a done or
  started step as `in_progress`.
* Overdue: an open unit (planned or in progress) whose deadline's last day (`Deadline.due`)
  is before `today`. Ongoing, unscheduled and recurring deadlines are never overdue.
"""

from __future__ import annotations

import calendar
import datetime
import difflib
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from functools import partial
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeAlias, TypeVar

from clusterctl.dates import Deadline, DeadlineError, DeadlineKind, parse_deadline
from clusterctl.directory import (
    Directory,
    Duty,
    Registry,
    Responsible,
    dict_maker,
    registry_of,
    slots_maker,
    slots_setstate,
)
from clusterctl.plan import Item, PlanIndex, build_index, normalise_name
from clusterctl.tables import Share, json_plain, share_of
from clusterctl.workstatus import Status

if TYPE_CHECKING:  # not imported to answer from cached parts (see clusterctl.workstatus)
    from clusterctl.models import Cluster, Plan, Stage, Step, Task

__all__ = [
    "OPEN",
    "Directory",
    "Duty",
    "Filters",
    "NextDue",
    "OverdueItem",
    "Participation",
    "PersonItem",
    "PersonLoad",
    "Progress",
    "ProjectStatus",
    "Responsible",
    "StatusReport",
    "UnknownFilterValue",
    "Upcoming",
    "UpcomingEntry",
    "Week",
    "Who",
    "Work",
    "iter_units",
    "natural_key",
    "overdue",
    "status",
    "upcoming",
    "who",
    "window_end",
]

Source: TypeAlias = "PlanIndex | Plan"

OPEN: frozenset[Status] = frozenset({Status.planned, Status.in_progress})
"""The statuses of work still to do."""
CLOSED: frozenset[Status] = frozenset({Status.done, Status.cancelled})
ALL_STATUSES: frozenset[Status] = frozenset(Status)

DEFAULT_WINDOW_DAYS = 14
"""`upcoming` and the `who` "due soon" count look this many days ahead (today included)."""

_DATED = frozenset({DeadlineKind.DATE, DeadlineKind.RANGE, DeadlineKind.BEFORE})


# ============================================================================ small helpers


_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that puts "2" before "10" and "1.2" before "1.10" ("Задача №2" too)."""
    parts = _DIGITS.split(text.casefold())
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts if p)


def one_line(text: str | None) -> str:
    """Text with its line breaks and runs of spaces folded into single spaces."""
    return " ".join((text or "").split())


def path_text(path: tuple[str | int, ...]) -> str:
    """("stages", 0, "tasks", 3) -> "stages[0].tasks[3]" (the YAML path of a task)."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else ("." if out else "") + step
    return out


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (the month's last day when it is shorter)."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


_WINDOW = re.compile(r"^\s*(\d{1,4})\s*([a-zа-яё]*)\s*$", re.I)
_WINDOW_UNITS = {
    "": "d", "d": "d", "day": "d", "days": "d", "д": "d", "дн": "d", "дня": "d", "дней": "d",
    "w": "w", "week": "w", "weeks": "w", "н": "w", "нед": "w", "недели": "w", "недель": "w",
    "m": "m", "month": "m", "months": "m", "м": "m", "мес": "m", "месяц": "m", "месяца": "m",
    "месяцев": "m",
}


def window_end(today: datetime.date, spec: str | int) -> datetime.date:
    """The last day of a window that starts on `today`: "14d" (or 14), "2w", "1m".

    The window holds N days, N weeks or N months counted from `today` inclusive, so "14d"
    and "2w" from a Monday end on the second Sunday, and "1m" from 17.10 ends on 16.11.
    Russian units are accepted too: "14д", "2н", "1м". Raises ValueError for anything else.
    """
    if isinstance(spec, int):
        count, unit = spec, "d"
    else:
        match = _WINDOW.match(spec)
        unit_word = match.group(2).casefold() if match else None
        if match is None or unit_word not in _WINDOW_UNITS:
            raise ValueError(spec)
        count, unit = int(match.group(1)), _WINDOW_UNITS[unit_word]
    if count < 1:
        raise ValueError(spec)
    if unit == "d":
        return today + datetime.timedelta(days=count - 1)
    if unit == "w":
        return today + datetime.timedelta(days=7 * count - 1)
    return add_months(today, count) - datetime.timedelta(days=1)


def _indexes(sources: Sequence[Source]) -> list[PlanIndex]:
    return [s if isinstance(s, PlanIndex) else build_index(s) for s in sources]


# ============================================================================ status as of


def work_status(work: Task | Step, today: datetime.date) -> Status:
    """A task's or step's own status as of `today` (a later `done_on` is not done yet)."""
    state = work.status
    if state is Status.done and work.done_on is not None and work.done_on > today:
        return Status.planned
    if (
        state is Status.cancelled
        and work.cancelled_on is not None
        and work.cancelled_on > today
    ):
        return Status.planned
    return state


def task_status(task: Task, today: datetime.date) -> Status:
    """A task's status as of `today`, derived from its steps when the task says `planned`."""
    return _task_state(task, work_status(task, today), today)


def _task_state(task: Task, own: Status, today: datetime.date) -> Status:
    """`task_status` from the task's own status as of `today` (`work_status`)."""
    if own is not Status.planned or not task.steps:
        return own
    states = [work_status(step, today) for step in task.steps]
    if all(s in CLOSED for s in states) and Status.done in states:
        return Status.done
    if any(s in (Status.done, Status.in_progress) for s in states):
        return Status.in_progress
    return own


def step_status(own: Status, task_own: Status) -> Status:
    """A step's status from its own and its task's own (`work_status` of each): closing a
    task closes its open steps."""
    return task_own if task_own in CLOSED and own in OPEN else own


def item_status(item: Item, today: datetime.date) -> Status:
    """The status of a task or step as of `today`; closing a task closes its open steps."""
    if item.step is None:
        return task_status(item.task, today)
    return step_status(work_status(item.step, today), work_status(item.task, today))


def reschedule_count(work: Task | Step, today: datetime.date) -> int:
    """How many times the deadline was moved (moves decided after `today` do not count)."""
    return sum(1 for move in work.reschedules if move.on is None or move.on <= today)


# ============================================================================ units


def task_is_unit(task: Task) -> bool:
    """Is the task itself listed (else only its steps with their own deadlines)?"""
    if not task.steps or task.due or (task.event is not None and task.event.date):
        return True
    return not any(step.due for step in task.steps)


def is_unit(item: Item) -> bool:
    if item.step is None:
        return task_is_unit(item.task)
    return bool(item.step.due) or not task_is_unit(item.task)


def event_deadline(item: Item) -> Deadline | None:
    """The parsed `event.date` of a task (None when absent or not understood)."""
    event = item.task.event
    if item.step is not None or event is None or not event.date:
        return None
    try:
        return parse_deadline(event.date, item.period)
    except DeadlineError:
        return None


def unit_deadline(item: Item) -> Deadline | None:
    """The unit's deadline: its `due`, else (for an event task) its `event.date`."""
    if item.deadline is not None or item.work.due:
        return item.deadline
    return event_deadline(item)


def deadline_span(deadline: Deadline | None) -> tuple[datetime.date | None, datetime.date | None]:
    """(first day, last day) of a dated deadline; a "до" deadline has no first day."""
    if deadline is None or deadline.kind not in _DATED:
        return None, None
    start = deadline.start if deadline.kind is not DeadlineKind.BEFORE else None
    return start, deadline.due


# ============================================================================ filters


@dataclass(frozen=True, slots=True)
class Filters:
    """What to keep. Each field is a tuple of values as a user types them: values of one
    field are alternatives (any may match), fields combine (all must match); empty = all.

    * `projects` — project ids;
    * `stages` — stage ids or titles;
    * `clusters` — cluster ids or titles;
    * `responsible` — people or roles by id, name, full name, alias or surname;
    * `statuses` — planned, in_progress, done, cancelled, or "open" (planned + in_progress).

    Case, ё and extra spaces do not matter.
    """

    projects: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    clusters: tuple[str, ...] = ()
    responsible: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()


class UnknownFilterValue(ValueError):
    """A filter value that matches nothing in the plans."""

    def __init__(self, option: str, value: str, closest: list[str], known: list[str]) -> None:
        super().__init__(f"unknown {option}: {value}")
        self.option = option
        """"project", "stage", "cluster", "responsible", "status" or "name"."""
        self.value = value
        self.closest = closest
        """The known values nearest to `value` (may be empty)."""
        self.known = known
        """All known values (for short lists such as statuses and stages)."""


def parse_statuses(values: Iterable[str]) -> frozenset[Status] | None:
    """The statuses named by `--status` values (None when no value is given)."""
    chosen: set[Status] = set()
    given = False
    for raw in values:
        for part in raw.split(","):
            word = part.strip().lower().replace("-", "_").replace(" ", "_")
            if not word:
                continue
            given = True
            if word == "open":
                chosen |= OPEN
                continue
            try:
                chosen.add(Status(word))
            except ValueError:
                names = [s.value for s in Status] + ["open"]
                closest = difflib.get_close_matches(word, names, n=3, cutoff=0.5)
                raise UnknownFilterValue("status", part.strip(), closest, names) from None
    return frozenset(chosen) if given else None


def _closest(value: str, names: Iterable[str]) -> list[str]:
    keyed = {normalise_name(n): n for n in names}
    hits = difflib.get_close_matches(normalise_name(value), list(keyed), n=3, cutoff=0.5)
    return [keyed[h] for h in hits]


@dataclass(slots=True)
class Scope:
    """The filters one plan can apply by itself (project, stage, cluster, status), as
    folded names; None = no filter. The responsible filter needs every plan's registry and
    is applied where the plans' parts meet (see :class:`Query`)."""

    projects: frozenset[str] | None = None
    stages: frozenset[str] | None = None
    clusters: frozenset[str] | None = None
    statuses: frozenset[Status] | None = None

    @classmethod
    def of(cls, filters: Filters) -> Scope:
        """The scope of `filters` as given (not checked against the plans: a status word
        that means nothing is left for :func:`check_filters` to report)."""
        try:
            statuses = parse_statuses(filters.statuses)
        except UnknownFilterValue:
            statuses = None
        return cls(_folded(filters.projects), _folded(filters.stages),
                   _folded(filters.clusters), statuses)

    def plan(self, index: PlanIndex) -> bool:
        return self.projects is None or normalise_name(index.plan.project.id) in self.projects

    def stage(self, stage: Stage | None) -> bool:
        if self.stages is None:
            return True
        return stage is not None and bool(
            {normalise_name(stage.id), normalise_name(stage.title)} & self.stages
        )

    def cluster(self, index: PlanIndex, ref: str | None) -> bool:
        if self.clusters is None:
            return True
        if ref is None:
            return False
        cluster = index.cluster(ref)
        names = {normalise_name(ref)}
        if cluster is not None:
            names |= {normalise_name(cluster.id), normalise_name(cluster.title)}
        return bool(names & self.clusters)

    def cluster_model(self, cluster: Cluster) -> bool:
        if self.clusters is None:
            return True
        return bool({normalise_name(cluster.id), normalise_name(cluster.title)} & self.clusters)

    def status(self, state: Status, default: frozenset[Status]) -> bool:
        return state in (self.statuses if self.statuses is not None else default)

    def unit(self, index: PlanIndex, item: Item) -> bool:
        """Stage and cluster filters (not status, not responsible) for a task or step."""
        return self.stage(item.stage) and self.cluster(index, item.task.cluster)


def _folded(values: tuple[str, ...]) -> frozenset[str] | None:
    return frozenset(normalise_name(v) for v in values) if values else None


class Vocab(NamedTuple):
    """The names one plan offers to the filters, to tell a value that matches nothing
    (computed only for the filters given)."""

    project: str
    stages: tuple[str, ...] = ()
    """Stage ids (with `--stage`)."""
    stage_titles: tuple[str, ...] = ()
    clusters: tuple[str, ...] = ()
    """Cluster ids (with `--cluster`)."""
    cluster_names: frozenset[str] = frozenset()
    """Folded cluster ids and titles and the cluster references of tasks."""


def vocab_of(index: PlanIndex, filters: Filters) -> Vocab:
    plan = index.plan
    if not (filters.stages or filters.clusters):
        return Vocab(plan.project.id)
    names: set[str] = set()
    if filters.clusters:
        for cluster in plan.clusters:
            names |= {normalise_name(cluster.id), normalise_name(cluster.title)}
        for _, _, task in index.tasks():
            if task.cluster:
                names.add(normalise_name(task.cluster))
    return Vocab(
        plan.project.id,
        stages=tuple(s.id for s in plan.stages) if filters.stages else (),
        stage_titles=tuple(s.title for s in plan.stages) if filters.stages else (),
        clusters=tuple(c.id for c in plan.clusters) if filters.clusters else (),
        cluster_names=frozenset(names),
    )


def check_filters(filters: Filters, vocabs: Sequence[Vocab]) -> Scope:
    """The scope of `filters` after checking each value against the plans' vocabularies;
    raise UnknownFilterValue for a value that matches nothing (the responsible filter is
    checked by :func:`find_people`, then the statuses by :func:`parse_statuses`)."""
    scope = Scope.of(filters)
    if filters.projects:
        known = [v.project for v in vocabs]
        keyed = {normalise_name(k) for k in known}
        for value in filters.projects:
            if normalise_name(value) not in keyed:
                raise UnknownFilterValue("project", value, _closest(value, known), known)
    chosen = [
        v for v in vocabs if scope.projects is None or normalise_name(v.project) in scope.projects
    ]
    if filters.stages:
        known_stages = [s for v in chosen for s in v.stages]
        titles = [t for v in chosen for t in v.stage_titles]
        keyed = {normalise_name(k) for k in known_stages + titles}
        for value in filters.stages:
            if normalise_name(value) not in keyed:
                raise UnknownFilterValue(
                    "stage", value, _closest(value, known_stages + titles),
                    list(dict.fromkeys(known_stages)),
                )
    if filters.clusters:
        known_clusters = [c for v in chosen for c in v.clusters]
        names = set().union(*(v.cluster_names for v in chosen))
        for value in filters.clusters:
            if normalise_name(value) not in names:
                raise UnknownFilterValue(
                    "cluster", value, _closest(value, known_clusters), known_clusters
                )
    return scope


def find_people(values: tuple[str, ...], directory: Directory,
                option: str = "responsible") -> frozenset[str]:
    """The directory keys `values` mean (people or roles); UnknownFilterValue for a value
    that means nobody."""
    keys: set[str] = set()
    for value in values:
        found = directory.find(value)
        if not found:
            raise UnknownFilterValue(
                option, value, directory.closest(value),
                sorted(e.name for e in directory.entries.values()),
            )
        keys.update(found)
    return frozenset(keys)


@dataclass(slots=True)
class Selection(Scope):
    """Filters resolved against a set of plans at hand (built by :func:`select`)."""

    indexes: list[PlanIndex] = field(default_factory=list)
    people: frozenset[str] | None = None
    """Directory keys of the responsible filter (None: no such filter)."""
    built: Directory | None = None

    @property
    def directory(self) -> Directory:
        """The merged responsibles of all the plans (built when first needed)."""
        if self.built is None:
            self.built = Directory(self.indexes)
        return self.built

    def names(self, pos: int, refs: Iterable[str]) -> bool:
        if self.people is None:
            return True
        return any(self.directory.key_of(pos, ref) in self.people for ref in refs)


def select(sources: Sequence[Source], filters: Filters | None = None) -> Selection:
    """Resolve `filters` against the plans; raise UnknownFilterValue for a value that
    matches nothing."""
    filters = filters or Filters()
    indexes = _indexes(sources)
    scope = check_filters(filters, [vocab_of(index, filters) for index in indexes])
    selection = Selection(scope.projects, scope.stages, scope.clusters, scope.statuses, indexes)
    if filters.responsible:
        selection.people = find_people(filters.responsible, selection.directory)
    parse_statuses(filters.statuses)
    return selection


# ============================================================================ pickling

_D = TypeVar("_D")


def tuple_state(cls: type[_D]) -> type[_D]:
    """Pickle a frozen dataclass with slots as the tuple of its field values (put above
    ``@dataclass``).

    Such objects cross between processes and through the cache in the query commands'
    parts, tens of thousands a run. The state `dataclasses` gives them is a list, and its
    `__setstate__` looks up `fields()` and calls `object.__setattr__` for every field of
    every object: three times slower to load. Here the values are read in one C call and
    set through the slots' own descriptors. A state of another length (another version's
    cache) raises ValueError, so `cache.load_part` refuses the part."""
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    values = attrgetter(*names)

    def __getstate__(self: Any) -> tuple[Any, ...]:
        return values(self)

    setattr(cls, "__getstate__", __getstate__)  # noqa: B010 (mypy: no method assignment)
    setattr(cls, "__setstate__", slots_setstate(cls))  # noqa: B010
    return cls


# ============================================================================ the listed work


@json_plain
@dataclass(frozen=True, slots=True, kw_only=True)
class Work:
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
    """First day of a date or range deadline (None for "до …" and undated ones)."""
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


def work_fields(
    index: PlanIndex, item: Item, today: datetime.date, deadline: Deadline | None = None
) -> dict[str, Any]:
    """The fields of :class:`Work` for one task or step (for subclasses' constructors)."""
    deadline = deadline if deadline is not None else unit_deadline(item)
    start, due = deadline_span(deadline)
    cluster = index.cluster(item.task.cluster) if item.task.cluster else None
    task = item.task
    return {
        "project": index.plan.project.id,
        "project_title": one_line(index.plan.project.title),
        "id": item.ref,
        "task_id": (task.id or "?").rstrip(".") or "?",
        "kind": "step" if item.is_step else "task",
        "title": one_line(item.title),
        "result": one_line(item.work.result) or None,
        "due_phrase": deadline.text if deadline is not None else (item.work.due or None),
        "deadline_kind": deadline.kind.value if deadline is not None else None,
        "start": start,
        "due": due,
        "status": item_status(item, today).value,
        "responsible": tuple(index.responsible_name(r) for r in item.responsible),
        "stage": item.stage.id if item.stage is not None else None,
        "stage_title": one_line(item.stage.title) if item.stage is not None else None,
        "cluster": cluster.id if cluster is not None else task.cluster,
        "cluster_title": one_line(cluster.title) if cluster is not None else None,
        "rescheduled": reschedule_count(item.work, today),
        "is_event": task.event is not None or task.outcome is not None,
        "place": task.event.place if task.event is not None and item.step is None else None,
        "path": path_text(item.path),
    }


def plan_units(
    index: PlanIndex, scope: Scope, today: datetime.date
) -> Iterator[tuple[Item, Deadline | None, Status]]:
    """(item, deadline, status as of `today`) of every unit of one plan that passes the
    stage and cluster filters; the caller applies the others.

    The same as testing `is_unit`, `scope.unit`, `unit_deadline` and `item_status` on each
    item (tests/test_queries.py compares them), worked out once per task instead of once per
    item: the items are each task followed by its steps (`build_index`), and a step shares
    its task's stage, cluster and own status."""
    filtered = scope.stages is not None or scope.clusters is not None
    keep = unit = True
    task_own = Status.planned
    for item in index.items:
        step = item.step
        if step is None:  # a task; its steps follow
            task = item.task
            if filtered:
                keep = scope.unit(index, item)
                if not keep:
                    continue
            task_own = work_status(task, today)
            unit = task_is_unit(task)
            if unit:
                deadline = item.deadline
                if deadline is None and not task.due:
                    deadline = event_deadline(item)
                yield item, deadline, _task_state(task, task_own, today)
        elif keep and (step.due or not unit):
            yield item, item.deadline, step_status(work_status(step, today), task_own)


def iter_units(
    selection: Selection, today: datetime.date, only: int | None = None
) -> Iterator[tuple[int, PlanIndex, Item, Deadline | None, Status]]:
    """(plan position, index, item, deadline, status as of `today`) of every unit of the
    selected plans (or of the plan at position `only`) that passes the stage, cluster and
    responsible filters; the caller applies the status filter."""
    for pos, index in enumerate(selection.indexes):
        if not selection.plan(index) or (only is not None and pos != only):
            continue
        for item, deadline, state in plan_units(index, selection, today):
            if selection.names(pos, item.responsible):
                yield pos, index, item, deadline, state


def _sort_key(work: Work) -> tuple[Any, ...]:
    return (work.project, natural_key(work.id), work.path)


# ============================================================================ map and reduce

R = TypeVar("R")

Fetch = Callable[[dict[int, dict[str, str]]], dict[int, Any]]
"""Asks plans for more (see :meth:`Query.answer`): {plan position: {reference as written:
directory key}} -> {plan position: that plan's :meth:`Query.more`}."""


class Part(NamedTuple):
    """What one plan contributes to a query: small and picklable, computed where the plan is
    (a worker process when there are many files; see :mod:`clusterctl.validate`). Parts are
    named tuples of plain values: they unpickle ~3x faster than frozen dataclasses."""

    vocab: Vocab
    registry: Registry | None
    """The plan's responsibles, when the answer needs them merged across plans."""
    rows: Any
    """The query's own data (None when the plan is filtered out by project)."""


@dataclass(slots=True)
class Resolved:
    """The filters checked against all parts; `accept` applies the responsible filter."""

    scope: Scope
    directory: Directory | None
    people: frozenset[str] | None

    def accept(self, pos: int, refs: Iterable[str]) -> bool:
        if self.people is None or self.directory is None:
            return True
        return any(self.directory.key_of(pos, ref) in self.people for ref in refs)


@dataclass(frozen=True, slots=True)
class Query(ABC, Generic[R]):
    """A question asked of many plans in two steps: :meth:`part` of each plan on its own
    (in parallel, where the plan was checked), then :meth:`answer` from all parts. Nothing
    else crosses between the steps, so the plans never need to be in one process.

    The functions :func:`overdue`, :func:`status` and :func:`who` run both steps here; the
    command line runs :meth:`part` in the worker processes of `validate_paths`.
    """

    today: datetime.date
    filters: Filters = field(default_factory=lambda: Filters())

    def merges_people(self) -> bool:
        """Does the answer need the responsibles merged across plans?"""
        return bool(self.filters.responsible)

    def cache_key(self) -> tuple[str, str]:
        """(slot, key) under which the cache keeps this query's part of a file (see
        `validate.RunOptions.mapper_key`): one slot per kind of query; the key is the query
        with its date and filters (all plain values, so their repr is stable)."""
        return type(self).__name__, repr(self)

    def part(self, index: PlanIndex, file: str = "") -> Part:
        scope = Scope.of(self.filters)
        return Part(
            vocab_of(index, self.filters),
            registry_of(index) if self.merges_people() else None,
            self.rows(index, scope) if scope.plan(index) else None,
        )

    @abstractmethod
    def rows(self, index: PlanIndex, scope: Scope) -> Any:
        """The query's own data of one plan that passes the project filter."""

    def more(self, index: PlanIndex, refs: dict[str, str]) -> Any:
        """What :meth:`answer` asks a plan for after merging (see `Fetch`); only `who NAME`
        asks for more."""
        raise TypeError(f"{type(self).__name__} asks no plan for more")

    @abstractmethod
    def answer(self, parts: Sequence[Part], fetch: Fetch | None = None) -> R:
        """The answer from every plan's part, in plan order; `fetch` asks plans for more."""

    def resolve(self, parts: Sequence[Part]) -> Resolved:
        """Check the filters against the parts (UnknownFilterValue) and merge the
        responsibles if needed."""
        scope = check_filters(self.filters, [p.vocab for p in parts])
        directory = None
        if self.merges_people():
            registries = [p.registry for p in parts]
            if any(r is None for r in registries):  # pragma: no cover - parts of one query
                raise ValueError("a part without its registry")
            directory = Directory.from_registries(
                [r for r in registries if r is not None]
            )
        people = None
        if self.filters.responsible and directory is not None:
            people = find_people(self.filters.responsible, directory)
        parse_statuses(self.filters.statuses)
        return Resolved(scope, directory, people)

    def run(self, sources: Sequence[Source]) -> R:
        """Both steps over plans at hand."""
        indexes = _indexes(sources)

        def fetch(wanted: dict[int, dict[str, str]]) -> dict[int, Any]:
            return {pos: self.more(indexes[pos], refs) for pos, refs in wanted.items()}

        return self.answer([self.part(index) for index in indexes], fetch)


@dataclass(frozen=True, slots=True)
class More:
    """A mapper (see `validate.RunOptions.mapper`) for a second pass over some files:
    :meth:`Query.more` of each file with the references asked of it."""

    query: Query[Any]
    refs: dict[str, dict[str, str]]
    """{file's display name: {reference as written: directory key}}."""

    def __call__(self, index: PlanIndex, file: str) -> Any:
        return self.query.more(index, self.refs.get(file, {}))


# ============================================================================ overdue


@json_plain
@tuple_state
@dataclass(frozen=True, slots=True, kw_only=True)
class OverdueItem(Work):
    """An open task or step whose deadline has passed."""

    days_overdue: int
    """Days since the deadline's last day: 1 on the day after it."""


@dataclass(frozen=True, slots=True)
class OverdueQuery(Query[list[OverdueItem]]):
    """See :func:`overdue`."""

    def rows(self, index: PlanIndex, scope: Scope) -> list[tuple[tuple[str, ...], OverdueItem]]:
        today = self.today
        found: list[tuple[tuple[str, ...], OverdueItem]] = []
        for item, deadline, state in plan_units(index, scope, today):
            _, due = deadline_span(deadline)
            if due is None or due >= today or state not in OPEN:
                continue
            if not scope.status(state, OPEN):
                continue
            fields = work_fields(index, item, today, deadline)
            found.append((
                tuple(item.responsible),
                OverdueItem(**fields, days_overdue=(today - due).days),
            ))
        return found

    def answer(self, parts: Sequence[Part], fetch: Fetch | None = None) -> list[OverdueItem]:
        resolved = self.resolve(parts)
        found = [
            row for pos, part in enumerate(parts) if part.rows
            for refs, row in part.rows if resolved.accept(pos, refs)
        ]
        found.sort(key=lambda o: (-o.days_overdue, *_sort_key(o)))
        return found


def overdue(
    sources: Sequence[Source], today: datetime.date, filters: Filters | None = None
) -> list[OverdueItem]:
    """Every open task and step whose deadline interval ended before `today`.

    Open means planned or in progress as of `today`; `filters.statuses` may narrow that to
    one of them. A task whose steps carry their own deadlines is judged step by step.
    Ongoing, unscheduled and recurring deadlines are never overdue. Sorted by days overdue
    (most first), then project and id.
    """
    return OverdueQuery(today, filters or Filters()).run(sources)


# ============================================================================ upcoming


@dataclass(frozen=True, slots=True, kw_only=True)
class UpcomingEntry:
    """One line of `upcoming`: a task or step falling due, or a derived reminder."""

    kind: str
    """task, step, event (an event task's `event.date`), or a reminder: announcement,
    announcement_repeat, press_release, report, meeting."""
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
        return [
            Week(start, start + datetime.timedelta(days=6), entries)
            for start, entries in groups.items()
        ]


_KIND_ORDER = {
    "event": 0, "task": 1, "step": 2, "announcement": 3, "announcement_repeat": 4,
    "press_release": 5, "report": 6, "meeting": 7,
}


def _monday(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def upcoming(
    sources: Sequence[Source],
    today: datetime.date,
    until: datetime.date | None = None,
    filters: Filters | None = None,
    reminders: bool = True,
) -> Upcoming:
    """What falls due from `today` to `until` inclusive (default: 14 days, today included).

    Lists open tasks and steps whose deadline's last day is in the window (with
    `filters.statuses`, those statuses instead), the day of each event task whose
    `event.date` differs from its `due`, and — unless `reminders` is False — the reminders
    derived from the working rules (see :mod:`clusterctl.reminders`). Ordered by date, then
    kind, project and id; :meth:`Upcoming.weeks` groups them by week.
    """
    from clusterctl.reminders import derive_reminders

    selection = select(sources, filters)
    until = until or window_end(today, DEFAULT_WINDOW_DAYS)
    entries: list[UpcomingEntry] = []

    def add(kind: str, fields: dict[str, Any], due: datetime.date, **extra: Any) -> None:
        entries.append(UpcomingEntry(
            kind=kind, project=fields["project"], project_title=fields["project_title"],
            id=fields["id"], title=fields["title"], due_phrase=fields["due_phrase"],
            start=extra.pop("start", fields.get("start")), due=due,
            days_left=(due - today).days, week=_monday(due),
            offset=extra.pop("offset", None), event_start=extra.pop("event_start", None),
            responsible=tuple(fields["responsible"]), stage=fields["stage"],
            stage_title=fields["stage_title"], cluster=fields["cluster"],
            cluster_title=fields["cluster_title"], status=fields["status"],
            place=fields["place"],
        ))

    for _, index, item, deadline, state in iter_units(selection, today):
        if not selection.status(state, OPEN):
            continue
        start, due = deadline_span(deadline)
        if due is not None and today <= due <= until:
            add("step" if item.is_step else "task", work_fields(index, item, today, deadline), due)
        event = event_deadline(item)
        ev_start, ev_due = deadline_span(event)
        if event is not None and ev_due is not None and (ev_start, ev_due) != (start, due):
            first = ev_start or ev_due
            if today <= first <= until:
                add("event", work_fields(index, item, today, event), first,
                    start=ev_start, event_start=first)

    if reminders:
        for pos, index in enumerate(selection.indexes):
            if not selection.plan(index):
                continue
            for reminder in derive_reminders(index, today, until):
                stage = _stage_of(index, reminder.stage)
                if not (
                    (selection.stages is None or selection.stage(stage))
                    and (selection.clusters is None or selection.cluster(index, reminder.cluster))
                    and selection.names(pos, reminder.responsible)
                    and selection.status(Status(reminder.status), OPEN)
                ):
                    continue
                entries.append(UpcomingEntry(
                    kind=reminder.kind, project=reminder.project,
                    project_title=reminder.project_title, id=reminder.id,
                    title=reminder.title, due_phrase=reminder.event_phrase,
                    start=reminder.start, due=reminder.due,
                    days_left=(reminder.due - today).days, week=_monday(reminder.due),
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


def _stage_of(index: PlanIndex, stage_id: str | None) -> Stage | None:
    return next((s for s in index.plan.stages if s.id == stage_id), None)


# ============================================================================ status


@json_plain
@tuple_state
@dataclass(frozen=True, slots=True, kw_only=True)
class NextDue:
    """The nearest deadline still ahead."""

    date: datetime.date
    id: str
    title: str
    due_phrase: str | None


@json_plain
@tuple_state
@dataclass(frozen=True, slots=True, kw_only=True)
class Participation:
    """How many of a cluster's member schools (or of the district's schools) took part in
    at least one done event."""

    members: int
    """Member schools of the cluster (or `rules.district_schools` for the district)."""
    took_part: int
    share: Share | None
    """took_part / members, rounded to 4 places; None when no done event of the cluster
    records its participants (then nothing can be said) or there are no members."""
    recorded: bool
    """Some done event records participants (`outcome.organisations` or `participants`)."""
    schools: tuple[str, ...]
    """Names of the schools that took part."""
    absent: tuple[str, ...]
    """Names of member schools that did not (empty for the district figure)."""


@json_plain
@tuple_state
@dataclass(frozen=True, slots=True, kw_only=True)
class Progress:
    """Task counts of a project, a stage or a cluster.

    `total` = done + in_progress + planned + cancelled; `overdue` counts the open tasks
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
    share_done: Share | None
    """done / (total - cancelled), rounded to 4 places; None when nothing is countable."""
    next_due: NextDue | None
    participation: Participation | None
    """For a cluster: its member schools' participation."""


_progress = slots_maker(Progress)


@json_plain
@tuple_state
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


@json_plain
@dataclass(frozen=True, slots=True, kw_only=True)
class StatusReport:
    as_of: datetime.date
    projects: list[ProjectStatus]


@dataclass(slots=True)
class _Tally:
    total: int = 0
    done: int = 0
    in_progress: int = 0
    planned: int = 0
    overdue: int = 0
    cancelled: int = 0
    rescheduled: int = 0
    next_due: NextDue | None = None
    next_order: int = 0
    """The task's place in its plan: of two equally near deadlines the earlier task's wins."""

    def add(self, state: Status, late: bool, moved: bool, nxt: NextDue | None,
            order: int) -> None:
        self.total += 1
        if state is Status.done:
            self.done += 1
        elif state is Status.in_progress:
            self.in_progress += 1
        elif state is Status.cancelled:
            self.cancelled += 1
        else:
            self.planned += 1
        self.overdue += late
        self.rescheduled += moved
        self._next(nxt, order)

    def packed(self) -> _Packed:
        """The tally as plain values (to travel between processes)."""
        nxt = self.next_due
        return (
            self.total, self.done, self.in_progress, self.planned, self.overdue,
            self.cancelled, self.rescheduled,
            (nxt.date, nxt.id, nxt.title, nxt.due_phrase) if nxt is not None else None,
            self.next_order,
        )

    def merge(self, other: _Packed) -> None:
        """Add a packed tally."""
        total, done, in_progress, planned, overdue, cancelled, rescheduled, nxt, order = other
        self.total += total
        self.done += done
        self.in_progress += in_progress
        self.planned += planned
        self.overdue += overdue
        self.cancelled += cancelled
        self.rescheduled += rescheduled
        if nxt is not None and (
            self.next_due is None or (nxt[0], order) < (self.next_due.date, self.next_order)
        ):
            self.next_due = NextDue(date=nxt[0], id=nxt[1], title=nxt[2], due_phrase=nxt[3])
            self.next_order = order

    def _next(self, nxt: NextDue | None, order: int) -> None:
        if nxt is not None and (
            self.next_due is None or (nxt.date, order) < (self.next_due.date, self.next_order)
        ):
            self.next_due, self.next_order = nxt, order

    def progress(self, level: str, project: str, id: str, title: str,
                 period_start: datetime.date | None, period_end: datetime.date | None,
                 current: bool, participation: Participation | None) -> Progress:
        """The `Progress` of these counts (the other fields as given)."""
        countable = self.total - self.cancelled
        share = share_of(self.done, countable) if countable else None
        return _progress(
            level, project, id, title, period_start, period_end, current, self.total,
            self.done, self.in_progress, self.planned, self.overdue, self.cancelled,
            self.rescheduled, share, self.next_due, participation,
        )


def _org_key(index: PlanIndex, ref: str) -> tuple[str, str]:
    """(key, name) of an organisation reference: resolved through the registry."""
    org = index.organisation(ref)
    if org is not None:
        return "org:" + org.id, org.name
    return "ref:" + normalise_name(ref), ref


def _participants(task: Task) -> list[str]:
    refs = list(task.participants)
    if task.outcome is not None:
        refs.extend(task.outcome.organisations)
    return refs


_Group = tuple[tuple[str, ...], int | None, str | None]
"""(responsible references of a task and its steps — only with a responsible filter —,
stage position, cluster id)."""
_Packed = tuple[
    int, int, int, int, int, int, int,
    tuple[datetime.date, str, str, str | None] | None, int,
]
"""A `_Tally` as plain values: the counts, the next deadline and its task's place."""


class _PlanStatus(NamedTuple):
    """One plan's part of `status` with a responsible filter: its tasks tallied by group, and
    the rest of its report without the counts. (Without one no group can be left out, and
    the part is the plan's `ProjectStatus` itself, made where the plan was checked.)"""

    groups: dict[_Group, _Packed]
    project: dict[str, Any]
    stages: list[tuple[int, dict[str, Any]]]
    clusters: list[dict[str, Any]]
    current_stage: str | None
    district: Participation | None


@dataclass(frozen=True, slots=True)
class StatusQuery(Query[StatusReport]):
    """See :func:`status`."""

    def rows(self, index: PlanIndex, scope: Scope) -> _PlanStatus | ProjectStatus:
        today = self.today
        plan = index.plan
        all_items = index.items
        first = 0  # the task's item: `items` is each task in `tasks()` order, then its steps
        groups: dict[_Group, _Tally] = {}
        by_people = bool(self.filters.responsible)
        done: list[Task] = []  # as of today, whatever the filters (for participation)
        cluster_ids: dict[str, str | None] = {}  # reference as written -> cluster id
        for order, (path, stage, task) in enumerate(index.tasks()):
            items = all_items[first:first + 1 + len(task.steps)]
            first += len(items)
            # each item's `item_status`, from the task's statuses worked out once: a task
            # item has the task's status, a step `step_status` of its own and the task's own
            task_own = work_status(task, today)
            state = _task_state(task, task_own, today)
            if state is Status.done:
                done.append(task)
            if not (scope.stage(stage) and scope.cluster(index, task.cluster)):
                continue
            if not scope.status(state, ALL_STATUSES):
                continue
            late = False
            nxt: tuple[datetime.date, Item] | None = None
            moved = False
            for item in items:
                if not moved and item.work.reschedules:
                    moved = reschedule_count(item.work, today) > 0
                _, due = deadline_span(unit_deadline(item))
                if due is None:
                    continue
                if item.step is None:
                    if state not in OPEN:
                        continue
                elif step_status(work_status(item.step, today), task_own) not in OPEN:
                    continue
                if due < today:
                    late = True
                elif nxt is None or due < nxt[0]:
                    nxt = (due, item)
            late = late and state in OPEN
            ref = task.cluster
            if not ref:
                cluster_id = None
            elif ref in cluster_ids:
                cluster_id = cluster_ids[ref]
            else:
                found = index.cluster(ref)
                cluster_id = cluster_ids[ref] = found.id if found is not None else None
            key = (
                tuple(r for it in items for r in it.responsible) if by_people else (),
                int(path[1]) if stage is not None else None,
                cluster_id,
            )
            nearest = None
            if nxt is not None:
                due, item = nxt
                nearest = NextDue(date=due, id=item.ref, title=one_line(item.title),
                                  due_phrase=item.work.due or None)
            tally = groups.get(key)
            if tally is None:
                tally = groups[key] = _Tally()
            tally.add(state, late, moved, nearest, order)

        project_id = plan.project.id
        period = index.project_period
        current_stage: str | None = None
        stages: list[tuple[int, dict[str, Any]]] = []
        for si, stage in index.stages_with_index():
            if not scope.stage(stage):
                continue
            stage_period = index.stage_periods.get(si)
            current = stage_period is not None and stage_period.start <= today <= stage_period.end
            if current and current_stage is None:
                current_stage = stage.id
            stages.append((si, dict(
                level="stage", project=project_id, id=stage.id, title=one_line(stage.title),
                period_start=stage_period.start if stage_period else None,
                period_end=stage_period.end if stage_period else None, current=current,
                participation=None,
            )))
        clusters = [
            dict(
                level="cluster", project=project_id, id=cluster.id,
                title=one_line(cluster.title), period_start=None, period_end=None,
                current=False, participation=_cluster_participation(index, cluster, done),
            )
            for cluster in plan.clusters if scope.cluster_model(cluster)
        ]
        tallied = _PlanStatus(
            groups={key: tally.packed() for key, tally in groups.items()},
            project=dict(
                level="project", project=project_id, id=project_id,
                title=one_line(plan.project.title),
                period_start=period.start if period else None,
                period_end=period.end if period else None,
                current=period is not None and period.start <= today <= period.end,
                participation=None,
            ),
            stages=stages, clusters=clusters, current_stage=current_stage,
            district=_district_participation(index, done),
        )
        return tallied if by_people else _plan_report(tallied, None)

    def answer(self, parts: Sequence[Part], fetch: Fetch | None = None) -> StatusReport:
        resolved = self.resolve(parts)
        report: list[ProjectStatus] = []
        for pos, part in enumerate(parts):
            rows: _PlanStatus | ProjectStatus | None = part.rows
            if rows is None:
                continue
            if isinstance(rows, ProjectStatus):
                report.append(rows)
            else:
                report.append(_plan_report(rows, partial(resolved.accept, pos)))
        return StatusReport(as_of=self.today, projects=report)


def _plan_report(rows: _PlanStatus,
                 accept: Callable[[Iterable[str]], bool] | None) -> ProjectStatus:
    """One plan's report from its tallied groups, those whose responsibles `accept` takes
    (None: all)."""
    project = _Tally()
    stages: dict[int, _Tally] = {}
    clusters: dict[str, _Tally] = {}
    for (refs, stage, cluster), tally in rows.groups.items():
        if accept is not None and not accept(refs):
            continue
        project.merge(tally)
        if stage is not None:
            stages.setdefault(stage, _Tally()).merge(tally)
        if cluster is not None:
            clusters.setdefault(cluster, _Tally()).merge(tally)
    return ProjectStatus(
        project=project.progress(**rows.project),
        stages=[stages.get(si, _Tally()).progress(**fields) for si, fields in rows.stages],
        clusters=[
            clusters.get(fields["id"], _Tally()).progress(**fields) for fields in rows.clusters
        ],
        current_stage=rows.current_stage, district=rows.district,
    )


def status(
    sources: Sequence[Source], today: datetime.date, filters: Filters | None = None
) -> StatusReport:
    """Progress per project, then per stage and per cluster, as of `today`.

    Counts tasks (not steps) by their status as of `today` (see the module notes), plus
    overdue and rescheduled ones, the share done and the next deadline ahead. For each
    cluster, the participation figure of seed 003: how many member schools took part in at
    least one done task of the cluster (`outcome.organisations` or `participants`).
    Stage, cluster, responsible and status filters narrow the tasks counted.
    """
    return StatusQuery(today, filters or Filters()).run(sources)


def _cluster_participation(
    index: PlanIndex, cluster: Cluster, done: Sequence[Task]
) -> Participation:
    members: dict[str, str] = {}
    for ref in cluster.members:
        key, name = _org_key(index, ref)
        members.setdefault(key, name)
    took: dict[str, str] = {}
    recorded = False
    for task in done:
        found = index.cluster(task.cluster) if task.cluster else None
        if found is None or found.id != cluster.id:
            continue
        refs = _participants(task)
        recorded = recorded or bool(refs)
        for ref in refs:
            key, name = _org_key(index, ref)
            if key in members:
                took.setdefault(key, members[key])
    count = len(took)
    share = share_of(count, len(members)) if recorded and members else None
    return Participation(
        members=len(members), took_part=count, share=share, recorded=recorded,
        schools=tuple(took[k] for k in members if k in took),
        absent=tuple(name for k, name in members.items() if k not in took),
    )


def _district_participation(index: PlanIndex, done: Sequence[Task]) -> Participation | None:
    total = index.plan.rules.district_schools
    if total is None:
        return None
    took: dict[str, str] = {}
    recorded = False
    for task in done:
        refs = _participants(task)
        recorded = recorded or bool(refs)
        for ref in refs:
            key, name = _org_key(index, ref)
            took.setdefault(key, name)
    count = len(took)
    share = share_of(count, total) if recorded and total else None
    return Participation(
        members=total, took_part=count, share=share, recorded=recorded,
        schools=tuple(took.values()), absent=(),
    )


# ============================================================================ who


@json_plain
@dataclass(frozen=True, kw_only=True)
class PersonLoad:
    """What one responsible carries (tasks and steps they answer for).

    (No slots: orjson writes it from its `__dict__`, see `directory.dict_maker`.)"""

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


_person_load = dict_maker(PersonLoad)


@json_plain
@tuple_state
@dataclass(frozen=True, slots=True, kw_only=True)
class PersonItem(Work):
    """One task or step of a person (`who NAME`)."""

    days_left: int | None
    """Days from the query's date to `due` (negative: overdue); None when undated."""
    overdue: bool
    owners: tuple[str, ...]
    """Keys of the matched people who answer for it."""


@json_plain
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


@dataclass(frozen=True, slots=True)
class WhoQuery(Query[Who]):
    """See :func:`who`."""

    name: str | None = None
    soon_days: int = DEFAULT_WINDOW_DAYS

    def merges_people(self) -> bool:
        return True

    @property
    def soon_until(self) -> datetime.date:
        return window_end(self.today, self.soon_days)

    def part(self, index: PlanIndex, file: str = "") -> Part:
        """As :meth:`Query.part`, the registry made first: the rows are keyed by the places
        of its entries (see :meth:`rows`). Without a name and a responsible filter nothing
        looks a reference up in the merged directory (`Directory.keys_of`), so the registry
        travels without its `refs` (a tenth of the part, unpickled in one process)."""
        scope = Scope.of(self.filters)
        registry = registry_of(index)
        rows = self.rows(index, scope, registry.refs) if scope.plan(index) else None
        if self.name is None and not self.filters.responsible:
            registry = registry._replace(refs={})
        return Part(vocab_of(index, self.filters), registry, rows)

    def rows(self, index: PlanIndex, scope: Scope,
             refs: dict[str, int] | None = None) -> dict[tuple[int, ...], list[Any]]:
        """The plan's units (passing the stage and cluster filters) tallied by their
        responsibles: [open, overdue, due soon, nearest deadline ahead], keyed by the
        places of their entries in the plan's registry (`refs`: `registry_of(index).refs`),
        which the merge maps to its keys with no lookup of the references as written."""
        if refs is None:
            refs = registry_of(index).refs
        today, soon_until = self.today, self.soon_until
        groups: dict[tuple[int, ...], list[Any]] = {}
        place = refs.__getitem__
        # open, and of the statuses asked for (scope.status(state, OPEN)), in one test
        counted = OPEN if scope.statuses is None else OPEN & scope.statuses
        for item, deadline, state in plan_units(index, scope, today):
            # an entry written twice counts once (and two that merge: see answer())
            entries = tuple(map(place, item.responsible))
            if len(entries) > 1 and len(set(entries)) < len(entries):
                entries = tuple(dict.fromkeys(entries))
            tally = groups.get(entries)
            if tally is None:
                tally = groups[entries] = [0, 0, 0, None]
            if state not in counted:
                continue
            tally[0] += 1
            _, due = deadline_span(deadline)
            if due is None:
                continue
            if due < today:
                tally[1] += 1
                continue
            if due <= soon_until:
                tally[2] += 1
            if tally[3] is None or due < tally[3]:
                tally[3] = due
        return groups

    def more(self, index: PlanIndex, refs: dict[str, str]) -> list[PersonItem]:
        """The open units of the people asked for: `refs` maps their references as this
        plan writes them to their directory keys."""
        today = self.today
        scope = Scope.of(self.filters)
        items: list[PersonItem] = []
        for item, deadline, state in plan_units(index, scope, today):
            keys = tuple(dict.fromkeys(refs[r] for r in item.responsible if r in refs))
            if not keys or not scope.status(state, OPEN):
                continue
            _, due = deadline_span(deadline)
            late = state in OPEN and due is not None and due < today
            fields = work_fields(index, item, today, deadline)
            items.append(PersonItem(
                **fields, days_left=(due - today).days if due is not None else None,
                overdue=late, owners=keys,
            ))
        return items

    def answer(self, parts: Sequence[Part], fetch: Fetch | None = None) -> Who:
        resolved = self.resolve(parts)
        directory, scope = resolved.directory, resolved.scope
        assert directory is not None
        today, name = self.today, self.name
        wanted: set[str] | None = None
        if name is not None:
            wanted = set(find_people((name,), directory, option="name"))
        if resolved.people is not None:
            wanted = set(resolved.people) if wanted is None else wanted & resolved.people

        tallies: dict[str, list[Any]] = {}  # key -> [open, overdue, due soon, next due]
        asked: dict[int, dict[str, str]] = {}
        for pos, part in enumerate(parts):
            if part.rows is None:
                continue
            entry_keys = directory.plan_keys(pos)
            key_of = entry_keys.__getitem__
            # a row's entries are distinct (rows()), and so are their keys unless the merge
            # made two entries of this plan one
            apart = len(set(entry_keys)) == len(entry_keys)
            for entries, (open_, late, soon, nxt) in part.rows.items():
                keys: Iterable[str]
                if len(entries) == 1:  # most units have one responsible: nothing to fold
                    keys = (entry_keys[entries[0]],)
                elif apart:
                    keys = map(key_of, entries)
                else:
                    keys = dict.fromkeys(map(key_of, entries))
                if wanted is not None:
                    keys = [k for k in keys if k in wanted]
                    if name is not None and keys and pos not in asked:
                        # all the plan's references to them: more() goes over the same
                        # units, where those no unit writes change nothing
                        asked[pos] = {
                            ref: key for ref, key in directory.keys_of(pos).items()
                            if key in wanted
                        }
                for key in keys:
                    tally = tallies.get(key)
                    if tally is None:
                        tallies[key] = [open_, late, soon, nxt]
                        continue
                    tally[0] += open_
                    tally[1] += late
                    tally[2] += soon
                    if nxt is not None and (tally[3] is None or nxt < tally[3]):
                        tally[3] = nxt
        items: list[PersonItem] = []
        if asked:
            if fetch is None:  # pragma: no cover - run() and the command line give one
                raise ValueError("who NAME needs a way to fetch the items")
            found = fetch(asked)
            for pos in sorted(found):
                items.extend(found[pos])

        listed: list[tuple[str, str, str, PersonLoad]] = []  # (sort key..., load)
        folded = directory.folded_name  # the merge's: sorting folds no name again
        by_duty = scope.projects is not None or scope.clusters is not None
        nothing: list[Any] = [0, 0, 0, None]
        # the entries' fields as they are (no Responsible made for each of 30,000 entries)
        for key, (_, shown, kind, spellings, projects, duties, position, _, _) in (
            directory.rows().items()
        ):
            if wanted is not None and key not in wanted:
                continue
            if by_duty and duties:
                duties = tuple(
                    d for d in duties
                    if (scope.projects is None or normalise_name(d.project) in scope.projects)
                    and (scope.clusters is None or (
                        d.cluster is not None and normalise_name(d.cluster) in scope.clusters
                    ))
                )
            tally = tallies.get(key)
            if tally is None:
                if wanted is None and (not duties or scope.stages is not None):
                    continue  # idle
                tally = nothing
            listed.append((folded(key), kind, key, _person_load(
                key, shown, kind, spellings, projects, duties, position, tally[0], tally[1],
                tally[2], tally[3],
            )))
        listed.sort()  # by name, kind, key: keys are unique, no two loads are compared
        people = [load for *_, load in listed]
        far = datetime.date.max
        items.sort(key=lambda i: (i.due or far, i.project, natural_key(i.id), i.path))
        return Who(as_of=today, soon_until=self.soon_until, name=name, people=people,
                   items=items)


def who(
    sources: Sequence[Source],
    today: datetime.date,
    name: str | None = None,
    filters: Filters | None = None,
    soon_days: int = DEFAULT_WINDOW_DAYS,
) -> Who:
    """Every responsible with open, overdue and due-soon counts; with `name`, that person's
    (or role's) open tasks across all plans in date order.

    Names written differently in different plans count as one person when the registries
    say so (see :class:`Directory`). People who are curators or leads are listed even with
    nothing to do; their duties are in `duties`. `name` matches like `--responsible`;
    an unknown name raises UnknownFilterValue("name", ...).
    """
    return WhoQuery(today, filters or Filters(), name, soon_days).run(sources)
