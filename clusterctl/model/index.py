"""A validated plan, indexed: names resolved, deadlines parsed, tasks and steps flattened.

`PlanIndex` is what the semantic rules and the query functions work on. It never reads the
clock: everything that depends on "today" takes it as an argument elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from clusterctl.errors import DeadlineError
from clusterctl.model.deadlines import Deadline, Period
from clusterctl.model.grammar import parse_deadline, parse_period
from clusterctl.model.names import closest_names, initials_form, name_forms, normalise_name
from clusterctl.model.occurrences import TooMany, occurrences

if TYPE_CHECKING:  # the pydantic models are built only where plans are validated
    from clusterctl.model.plan import Cluster, Organisation, Person, Plan, Role, Stage, Step, Task

Path = tuple[str | int, ...]
T = TypeVar("T")


@dataclass(slots=True)
class Item:
    """One task or one step of a task, with where it lives and when it is due."""

    task: Task
    step: Step | None
    stage: Stage | None
    path: Path
    ref: str
    """The id shown to users: the task's id, or the step's id ("8.2" when the step has none)."""
    deadline: Deadline | None = None
    deadline_error: DeadlineError | None = None
    period: Period | None = None
    """The enclosing stage's period, else the project's."""
    event_deadline: Deadline | None = None
    """A task's `event.date`, parsed (None when absent or not understood)."""
    event_error: DeadlineError | None = None
    start_deadline: Deadline | None = None
    """`start:` (the planned start), parsed (None when absent or not understood)."""
    start_error: DeadlineError | None = None
    occurrences: tuple[Period, ...] = ()
    """A recurring deadline's dated occurrences (`clusterctl.model.occurrences`)."""
    too_many: bool = False
    """The recurring deadline has more than MAX_OCCURRENCES occurrences (none are kept)."""

    @property
    def work(self) -> Task | Step:
        return self.step if self.step is not None else self.task

    @property
    def is_step(self) -> bool:
        return self.step is not None

    @property
    def title(self) -> str:
        work = self.work
        return work.title or work.result or work.description or self.task.title or ""

    @property
    def responsible(self) -> list[str]:
        """The step's own responsible, else its task's."""
        if self.step is not None and self.step.responsible:
            return self.step.responsible
        return self.task.responsible

    @property
    def stage_id(self) -> str | None:
        return self.stage.id if self.stage is not None else None

    @property
    def cluster_id(self) -> str | None:
        return self.task.cluster


@dataclass(slots=True)
class PlanIndex:
    plan: Plan
    people: dict[str, Person] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    clusters: dict[str, Cluster] = field(default_factory=dict)
    objectives: set[str] = field(default_factory=set)
    project_period: Period | None = None
    project_period_error: DeadlineError | None = None
    stage_periods: dict[int, Period] = field(default_factory=dict)
    stage_period_errors: dict[int, DeadlineError] = field(default_factory=dict)
    items: list[Item] = field(default_factory=list)

    # ------------------------------------------------------------------ names

    def person(self, ref: str) -> Person | None:
        return _lookup(self.people, ref)

    def role(self, ref: str) -> Role | None:
        return _lookup(self.roles, ref)

    def organisation(self, ref: str) -> Organisation | None:
        return _lookup(self.organisations, ref)

    def responsible(self, ref: str) -> Person | Role | Organisation | None:
        """Who a responsible cell names: a person, a role or an organisation of the plan's
        registries, also when written with a position before it or a qualifier after it
        (`clusterctl.model.names.name_forms`); None when none of them."""
        return self.person(ref) or self.role(ref) or self.organisation(ref)

    def cluster(self, ref: str) -> Cluster | None:
        return self.clusters.get(normalise_name(ref))

    def responsible_name(self, ref: str) -> str:
        """How documents and answers show a responsible: the registry's spelling of a person
        or a role written plainly («Моргунова И. Е.» → «Моргунова И.Е.»); as written when
        it carries a position or a qualifier, names an organisation, or is unknown."""
        key = normalise_name(ref)
        person = self.people.get(key)
        if person is not None:
            return person.name
        role = self.roles.get(key)
        return role.name if role is not None else ref

    def closest(self, ref: str, names: list[str], limit: int = 3) -> list[str]:
        """The registry names nearest to an unknown `ref` (for "did you mean")."""
        return closest_names(ref, names, limit)

    def person_names(self) -> list[str]:
        names: list[str] = []
        for person in self.plan.people:
            names.append(person.name)
            if person.full_name:
                names.append(person.full_name)
        return names

    def responsible_names(self) -> list[str]:
        return self.person_names() + [role.name for role in self.plan.roles] + [
            org.short_name or org.name for org in self.plan.organisations]

    def organisation_names(self) -> list[str]:
        return [org.name for org in self.plan.organisations] + [
            org.id for org in self.plan.organisations
        ]

    # ------------------------------------------------------------------ walking

    def stages_with_index(self) -> Iterator[tuple[int, Stage]]:
        return iter(enumerate(self.plan.stages))

    def tasks(self) -> Iterator[tuple[Path, Stage | None, Task]]:
        for si, stage in enumerate(self.plan.stages):
            for ti, task in enumerate(stage.tasks):
                yield ("stages", si, "tasks", ti), stage, task
        for ti, task in enumerate(self.plan.tasks):
            yield ("tasks", ti), None, task


UNREAD_CODES = frozenset({"not_understood", "needs_year"})
"""Deadline errors that leave an item out of every dated answer (the other codes, an
impossible date or a reversed range, are errors: the plan is not used at all)."""


class Unread(NamedTuple):
    """A deadline the grammar did not understand, so that no query can date it: where it is
    written, whose it is, and the phrase as written."""

    file: str
    line: int
    column: int
    project: str
    ref: str
    """The task's or step's id as users see it ("8.2")."""
    field: str
    """"due", "start" or "event.date"."""
    phrase: str


def unread_paths(index: PlanIndex) -> list[tuple[Path, str, str, str]]:
    """(data path, ref, field, phrase as written) of every deadline of the plan that the
    grammar did not understand: a `due`, a `start`, or an event's `date`."""
    found: list[tuple[Path, str, str, str]] = []
    for item in index.items:
        error = item.deadline_error
        if error is not None and error.code in UNREAD_CODES:
            found.append(((*item.path, "due"), item.ref, "due", item.work.due or ""))
        error = item.start_error
        if error is not None and error.code in UNREAD_CODES:
            found.append(((*item.path, "start"), item.ref, "start", item.work.start or ""))
        error = item.event_error
        if error is not None and error.code in UNREAD_CODES and item.task.event is not None:
            found.append(((*item.path, "event", "date"), item.ref, "event.date",
                          item.task.event.date or ""))
    return found


def _lookup(table: dict[str, T], ref: str) -> T | None:
    for key in name_forms(ref):
        found = table.get(key)
        if found is not None:
            return found
    return None


def _register(table: dict[str, object], keys: list[str | None], value: object) -> None:
    for key in keys:
        if key:
            table.setdefault(normalise_name(key), value)


def step_ref(task: Task, step: Step, index: int) -> str:
    """A step's id: its own, else the task's id and the step's number: "8.2"."""
    if step.id:
        return step.id
    base = (task.id or "?").rstrip(".")
    return f"{base}.{index + 1}"


def build_index(plan: Plan) -> PlanIndex:
    index = PlanIndex(plan)
    for person in plan.people:
        keys: list[str | None] = [person.id, person.name, person.full_name, *person.aliases]
        for name in (person.name, person.full_name):
            if name:
                keys.append(initials_form(name))
        _register(index.people, keys, person)  # type: ignore[arg-type]
    for role in plan.roles:
        _register(index.roles, [role.id, role.name, *role.aliases], role)  # type: ignore[arg-type]
    for org in plan.organisations:
        keys = [org.id, org.name, org.short_name, *org.aliases]
        if org.number is not None:
            keys.append(str(org.number))
        _register(index.organisations, keys, org)  # type: ignore[arg-type]
    for cluster in plan.clusters:
        _register(index.clusters, [cluster.id, cluster.title], cluster)  # type: ignore[arg-type]
    index.objectives = {normalise_name(o.id) for o in plan.project.objectives}

    if plan.project.period:
        try:
            index.project_period = parse_period(plan.project.period)
        except DeadlineError as exc:
            index.project_period_error = exc.with_traceback(None)
    for si, each in enumerate(plan.stages):
        if each.period:
            try:
                index.stage_periods[si] = parse_period(each.period, index.project_period)
            except DeadlineError as exc:
                index.stage_period_errors[si] = exc.with_traceback(None)

    # every task, then its steps, in `tasks()` order
    items = index.items
    stage_periods, project_period = index.stage_periods, index.project_period
    groups: list[tuple[tuple[str | int, ...], Stage | None, Period | None, list[Task]]] = [
        (("stages", si, "tasks"), stage, stage_periods.get(si) or project_period, stage.tasks)
        for si, stage in enumerate(plan.stages)
    ]
    groups.append((("tasks",), None, project_period, plan.tasks))
    term_ends = plan.rules.term_ends
    for base, task_stage, period, tasks in groups:
        for ti, task in enumerate(tasks):
            path = (*base, ti)
            ref = (task.id or "?").rstrip(".") or "?"
            item = Item(task, None, task_stage, path, ref, period=period)
            _parse_dates(item, term_ends)
            if task.event is not None and task.event.date:
                try:
                    item.event_deadline = parse_deadline(task.event.date, period)
                except DeadlineError as exc:
                    item.event_error = exc.with_traceback(None)
            items.append(item)
            for k, step in enumerate(task.steps):
                sub = Item(task, step, task_stage, (*path, "steps", k),
                           step.id or step_ref(task, step, k), period=period)
                _parse_dates(sub, term_ends)
                items.append(sub)
    return index


def _parse_dates(item: Item, term_ends: list[str]) -> None:
    """The item's `due` and `start`, parsed with its period, and a recurring deadline's
    occurrences."""
    work = item.work
    if work.due:
        try:
            item.deadline = parse_deadline(work.due, item.period)
        except DeadlineError as exc:
            item.deadline_error = exc.with_traceback(None)  # no frames kept alive
        else:
            try:
                item.occurrences = occurrences(item.deadline, term_ends)
            except TooMany:
                item.too_many = True
    if work.start:
        try:
            item.start_deadline = parse_deadline(work.start, item.period)
        except DeadlineError as exc:
            item.start_error = exc.with_traceback(None)
