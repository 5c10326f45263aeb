"""What a plan says, flattened for comparison and for git's textconv: its passport, its
registries, its stages, and one `Row` per task and step — plain values, as written.

`snapshot(index)` reads a checked plan (`clusterctl.model.index.PlanIndex`); the rows keep
the order of the file. Nothing here reads the clock.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from clusterctl.model.deadlines import Deadline

if TYPE_CHECKING:
    from clusterctl.model.index import Item, PlanIndex

PASSPORT_FIELDS = (
    "title", "kind", "region", "organisation", "period", "duration", "strategic_goal",
    "goals", "objectives", "participants", "leads", "curators", "description", "principles",
    "management", "monitoring", "approval",
)
"""The passport fields compared, in the order reports name them."""


def text(value: Any) -> str:
    """A value as one comparable text: runs of spaces folded; lists joined with "; "."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(t for t in (text(v) for v in value) if t)
    if hasattr(value, "value") and not isinstance(value, str):  # an enum
        return str(value.value)
    if hasattr(value, "model_dump"):  # a small model: its fields in order
        return ", ".join(f"{k}: {text(v)}" for k, v in value.model_dump().items() if v)
    return " ".join(str(value).split())


@dataclass(frozen=True, slots=True)
class Row:
    """A task or a step, as written."""

    stage: str | None
    """The id of its stage (None: a top-level task)."""
    task: str
    """Its task's id ("?" without one)."""
    ref: str
    """The id users type: «8», «8.2» (a step without an id: task id and place)."""
    step_id: str | None
    """A step's own id (None for a task, and for a step without one)."""
    position: int
    """A step's place among its task's steps (0 for a task)."""
    is_step: bool
    title: str
    result: str
    description: str
    comment: str
    due: str
    deadline: Deadline | None
    start: str
    status: str
    done_on: datetime.date | None
    cancelled_on: datetime.date | None
    cancel_reason: str
    responsible: tuple[str, ...]
    extra: tuple[tuple[str, str], ...]
    reschedules: tuple[tuple[str, str, str, datetime.date | None], ...]
    """(from, to, reason, on) of each move, in order."""
    done_occurrences: tuple[datetime.date, ...]
    qualified: bool = False
    """Its task's id repeats in another stage: it is named with its stage («II/1.1»)."""

    @property
    def key(self) -> tuple[str | None, str]:
        """How a task is paired across versions: its stage and its id."""
        return self.stage, self.task

    @property
    def words(self) -> str:
        """What the row says (to pair a renumbered row by its text)."""
        return " | ".join((self.title, self.result, self.description))

    @property
    def shown(self) -> str:
        """The row's name in messages: its ref, with its stage when task ids repeat across
        stages («II/1.1»), as the editing commands take it."""
        return f"{self.stage}/{self.ref}" if self.qualified and self.stage else self.ref

    @property
    def label(self) -> str:
        return self.title or self.result or self.description


@dataclass(frozen=True, slots=True)
class Entry:
    """A person, role, organisation, cluster or stage of the plan: its fields as text."""

    kind: str
    """person, role, organisation, cluster or stage."""
    id: str
    name: str
    fields: tuple[tuple[str, str], ...]


@dataclass(slots=True)
class Snapshot:
    project: str
    passport: dict[str, str] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)
    stages: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Each stage's id -> (kind: stage or section, title)."""
    rows: list[Row] = field(default_factory=list)


def _fields(model: Any, skip: tuple[str, ...] = ()) -> tuple[tuple[str, str], ...]:
    """The model's fields that say something, as text, in the model's order."""
    found = ((name, text(getattr(model, name))) for name in type(model).model_fields
             if name not in skip)
    return tuple((name, value) for name, value in found if value)


def _row(item: Item, position: int) -> Row:
    work = item.work
    return Row(
        stage=item.stage.id if item.stage is not None else None,
        task=(item.task.id or "?").rstrip(".") or "?",
        ref=item.ref,
        step_id=work.id if item.step is not None else None,
        position=position,
        is_step=item.step is not None,
        title=text(work.title),
        result=text(work.result),
        description=text(work.description),
        comment=text(work.comment),
        due=text(work.due),
        deadline=item.deadline,
        start=text(work.start),
        status=work.status.value,
        done_on=work.done_on,
        cancelled_on=work.cancelled_on,
        cancel_reason=text(work.cancel_reason),
        responsible=tuple(text(r) for r in work.responsible),
        extra=tuple((k, text(v)) for k, v in work.extra.items()),
        reschedules=tuple((text(m.from_), text(m.to), text(m.reason), m.on)
                          for m in work.reschedules),
        done_occurrences=tuple(sorted(set(work.done_occurrences))),
    )


def snapshot(index: PlanIndex) -> Snapshot:
    """The plan behind `index`, flattened (see the module doc)."""
    plan = index.plan
    shot = Snapshot(plan.project.id)
    shot.passport = {name: text(getattr(plan.project, name)) for name in PASSPORT_FIELDS}
    shot.entries.extend(Entry("person", m.id, text(m.name), _fields(m, ("id",)))
                        for m in plan.people)
    shot.entries.extend(Entry("role", m.id, text(m.name), _fields(m, ("id",)))
                        for m in plan.roles)
    shot.entries.extend(Entry("organisation", m.id, text(m.short_name or m.name),
                              _fields(m, ("id",))) for m in plan.organisations)
    shot.entries.extend(Entry("cluster", m.id, text(m.title), _fields(m, ("id",)))
                        for m in plan.clusters)
    shot.entries.extend(Entry("stage", s.id, text(s.title), _fields(s, ("id", "tasks")))
                        for s in plan.stages)
    shot.columns = {c.id: text(c.title) for c in plan.columns}
    shot.stages = {s.id: (s.kind.value, text(s.title)) for s in plan.stages}
    stages_of: dict[str, set[str | None]] = {}
    for item in index.items:
        if item.step is None:
            stages_of.setdefault(item.ref, set()).add(item.stage_id)
    position = 0
    for item in index.items:
        position = 0 if item.step is None else position + 1
        row = _row(item, position - 1 if item.step is not None else 0)
        if len(stages_of.get(row.task, ())) > 1:
            row = dataclasses.replace(row, qualified=True)
        shot.rows.append(row)
    return shot
