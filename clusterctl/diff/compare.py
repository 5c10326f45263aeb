"""What changed between two versions of a plan, as a list of `Change`s in plain terms.

Rows are paired before they are compared:

* tasks by stage and id; a task whose id is gone and one that is new, with the same text
  (title, result, description), are one task renumbered ("moved"), not a removal and an
  addition;
* steps of a paired task by their own id; steps without one by their text, then by place.

Then each pair is compared field by field: the deadline (with its dates, the days it moved
and the reason from the reschedule history), the planned start, the status (done on a date,
cancelled with the reason, started, reopened), the occurrences recorded done, the
responsibles added and removed, and the texts (title, result, description, comment, extra
columns) with a word-level diff. The passport, the registries (people, roles,
organisations, clusters), the stages and the extra columns are compared by id.

`compare_plans(old, new)` takes two snapshots (`clusterctl.diff.snapshot`); nothing here
reads files or the clock.
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from clusterctl.diff.snapshot import Entry, Row, Snapshot

TEXT_FIELDS = ("title", "result", "description", "comment")
_FUZZY_LIMIT = 300
"""Renumbered rows are looked for by similar text only among this many unpaired rows (by
equal text always): the quadratic search stays small."""


@dataclass(frozen=True, slots=True)
class Change:
    """One change of a plan."""

    kind: str
    """plan-added, plan-removed, plan-invalid, passport, entry-added, entry-removed,
    entry-changed, column-added, column-removed, column-changed, task-added, task-removed,
    task-moved, step-added, step-removed, step-moved, due, start, status, occurrence-done,
    responsible-added, responsible-removed, text."""
    ref: str = ""
    """The task or step as users name it («II/1.1», «8.2»); the entry's id; "" for the
    plan."""
    field: str = ""
    """The field changed: a passport field, title/result/description/comment, extra.ID, an
    entry's field…"""
    old: Any = None
    new: Any = None
    detail: dict[str, Any] = dataclasses.field(default_factory=dict)
    """More about it: a deadline's dates and the days it moved and why; a status's day and
    reason; a text's word diff; an entry's kind and name; a row's title."""

    def record(self) -> dict[str, Any]:
        """The change as plain data (for JSON)."""
        return {"kind": self.kind, "ref": self.ref, "field": self.field, "old": self.old,
                "new": self.new, **self.detail}


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(op, words) pieces turning `old` into `new` word by word: op is "=", "-" or "+"."""
    a, b = old.split(), new.split()
    pieces: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(("=", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(("+", " ".join(b[j1:j2])))
    return pieces


# ---------------------------------------------------------------------------- pairing


def _pair(old: Sequence[Row], new: Sequence[Row], key: Any
          ) -> tuple[list[tuple[Row, Row]], list[Row], list[Row]]:
    """Rows paired by `key`, then the rest by equal text, then by similar text."""
    by_key: dict[Any, Row] = {}
    for row in new:
        by_key.setdefault(key(row), row)
    pairs: list[tuple[Row, Row]] = []
    taken: set[int] = set()
    left: list[Row] = []
    for row in old:
        match = by_key.get(key(row))
        if match is not None and id(match) not in taken:
            pairs.append((row, match))
            taken.add(id(match))
        else:
            left.append(row)
    right = [row for row in new if id(row) not in taken]
    if not left or not right:
        return pairs, left, right
    by_text: dict[str, list[Row]] = {}
    for row in right:
        by_text.setdefault(row.words, []).append(row)
    rest: list[Row] = []
    for row in left:
        same = by_text.get(row.words)
        if same and row.words.strip(" |"):
            match = same.pop(0)
            pairs.append((row, match))
            taken.add(id(match))
        else:
            rest.append(row)
    right = [row for row in right if id(row) not in taken]
    if rest and right and len(rest) * len(right) <= _FUZZY_LIMIT ** 2:
        for row in list(rest):
            best, score = None, 0.0
            for other in right:
                matcher = difflib.SequenceMatcher(None, row.words, other.words, autojunk=False)
                # the cheap upper bounds first: most pairs are far apart
                if matcher.real_quick_ratio() < 0.9 or matcher.quick_ratio() < 0.9:
                    continue
                ratio = matcher.ratio()
                if ratio > score:
                    best, score = other, ratio
            if best is not None and score >= 0.9:
                pairs.append((row, best))
                right.remove(best)
                rest.remove(row)
    return pairs, rest, right


def _pair_steps(old: Sequence[Row], new: Sequence[Row]
                ) -> tuple[list[tuple[Row, Row]], list[Row], list[Row]]:
    """A task's steps paired by their own id, then by equal text, then the rest in order
    (a step without an id edited in place); what is left was removed or added."""
    pairs: list[tuple[Row, Row]] = []
    left, right = list(old), list(new)
    ids = {row.step_id: row for row in right if row.step_id}
    for row in list(left):
        match = ids.get(row.step_id) if row.step_id else None
        if match is not None and match in right:
            pairs.append((row, match))
            left.remove(row)
            right.remove(match)
    for row in list(left):
        match = next((other for other in right
                      if other.words == row.words and row.words.strip(" |")), None)
        if match is not None:
            pairs.append((row, match))
            left.remove(row)
            right.remove(match)
    for row, match in list(zip(left, right, strict=False)):
        if not row.step_id and not match.step_id:
            pairs.append((row, match))
            left.remove(row)
            right.remove(match)
    pairs.sort(key=lambda pair: new.index(pair[1]))
    return pairs, left, right


def _tasks(rows: Sequence[Row]) -> list[tuple[Row, list[Row]]]:
    out: list[tuple[Row, list[Row]]] = []
    for row in rows:
        if row.is_step and out:
            out[-1][1].append(row)
        else:
            out.append((row, []))
    return out


# ---------------------------------------------------------------------------- comparing


def _days(old: datetime.date | None, new: datetime.date | None) -> int | None:
    return (new - old).days if old is not None and new is not None else None


def _row_changes(old: Row, new: Row) -> Iterable[Change]:
    ref = new.shown
    if old.due != new.due:
        before = old.deadline.due if old.deadline is not None else None
        after = new.deadline.due if new.deadline is not None else None
        reason = next((why for _, to, why, _ in reversed(new.reschedules)
                       if to == new.due), "")
        yield Change("due", ref, "due", old.due, new.due, {
            "old_date": before, "new_date": after, "days": _days(before, after),
            "reason": reason, "title": new.label})
    if old.start != new.start:
        yield Change("start", ref, "start", old.start, new.start, {"title": new.label})
    if (old.status, old.done_on, old.cancelled_on) != (new.status, new.done_on,
                                                       new.cancelled_on):
        on = new.done_on if new.status == "done" else new.cancelled_on
        yield Change("status", ref, "status", old.status, new.status, {
            "on": on, "reason": new.cancel_reason if new.status == "cancelled" else "",
            "title": new.label})
    added = [d for d in new.done_occurrences if d not in old.done_occurrences]
    if added:
        yield Change("occurrence-done", ref, "done_occurrences", None, added,
                     {"title": new.label})
    for name in new.responsible:
        if name not in old.responsible:
            yield Change("responsible-added", ref, "responsible", None, name,
                         {"title": new.label})
    for name in old.responsible:
        if name not in new.responsible:
            yield Change("responsible-removed", ref, "responsible", name, None,
                         {"title": new.label})
    for name in TEXT_FIELDS:
        was, now = str(getattr(old, name)), str(getattr(new, name))
        if was != now:
            yield Change("text", ref, name, was, now,
                         {"words": word_diff(was, now), "title": new.label})
    old_extra, new_extra = dict(old.extra), dict(new.extra)
    for key in dict.fromkeys([*old_extra, *new_extra]):
        was, now = old_extra.get(key, ""), new_extra.get(key, "")
        if was != now:
            yield Change("text", ref, "extra." + key, was, now,
                         {"words": word_diff(was, now), "title": new.label})


def _moved(kind: str, old: Row, new: Row) -> Change:
    return Change(kind, new.shown, "ref", old.shown, new.shown, {"title": new.label})


def _rows(old: Sequence[Row], new: Sequence[Row]) -> list[Change]:
    changes: list[Change] = []
    old_tasks, new_tasks = _tasks(old), _tasks(new)
    steps_of = {id(task): steps for task, steps in (*old_tasks, *new_tasks)}
    pairs, removed, added = _pair([t for t, _ in old_tasks], [t for t, _ in new_tasks],
                                  lambda row: row.key)
    order = {id(task): k for k, (task, _) in enumerate(new_tasks)}
    pairs.sort(key=lambda pair: order[id(pair[1])])
    for task in removed:
        changes.append(Change("task-removed", task.shown, old=task.label,
                              detail={"title": task.label, "due": task.due}))
    for before, after in pairs:
        if before.key != after.key:
            changes.append(_moved("task-moved", before, after))
        changes.extend(_row_changes(before, after))
        old_steps, new_steps = steps_of[id(before)], steps_of[id(after)]
        step_pairs, gone, came = _pair_steps(old_steps, new_steps)
        for step in gone:
            changes.append(Change("step-removed", step.shown, old=step.label,
                                  detail={"title": step.label, "due": step.due}))
        for b, a in step_pairs:
            if b.step_id and a.step_id and b.step_id != a.step_id:
                changes.append(_moved("step-moved", b, a))
            changes.extend(_row_changes(b, a))
        for step in came:
            changes.append(Change("step-added", step.shown, new=step.label,
                                  detail={"title": step.label, "due": step.due}))
    for task in added:
        changes.append(Change("task-added", task.shown, new=task.label,
                              detail={"title": task.label, "due": task.due}))
    return changes


def _entries(old: Sequence[Entry], new: Sequence[Entry]) -> list[Change]:
    changes: list[Change] = []
    before = {(e.kind, e.id): e for e in old}
    after = {(e.kind, e.id): e for e in new}
    for key, entry in after.items():
        previous = before.get(key)
        if previous is None:
            changes.append(Change("entry-added", entry.id, new=entry.name,
                                  detail={"what": entry.kind, "name": entry.name}))
            continue
        old_fields, new_fields = dict(previous.fields), dict(entry.fields)
        for name in dict.fromkeys([*old_fields, *new_fields]):
            if old_fields.get(name, "") != new_fields.get(name, ""):
                changes.append(Change("entry-changed", entry.id, name,
                                      old_fields.get(name, ""), new_fields.get(name, ""),
                                      {"what": entry.kind, "name": entry.name}))
    for key, entry in before.items():
        if key not in after:
            changes.append(Change("entry-removed", entry.id, old=entry.name,
                                  detail={"what": entry.kind, "name": entry.name}))
    return changes


def compare_plans(old: Snapshot, new: Snapshot) -> list[Change]:
    """Every change from `old` to `new`: the passport, the registries and stages, the
    extra columns, then the tasks and steps in the new plan's order."""
    changes = [Change("passport", "", name, old.passport.get(name, ""), value)
               for name, value in new.passport.items() if old.passport.get(name, "") != value]
    changes += _entries(old.entries, new.entries)
    for key in dict.fromkeys([*old.columns, *new.columns]):
        before, after = old.columns.get(key), new.columns.get(key)
        if before is None:
            changes.append(Change("column-added", key, new=after))
        elif after is None:
            changes.append(Change("column-removed", key, old=before))
        elif before != after:
            changes.append(Change("column-changed", key, "title", before, after))
    changes += _rows(old.rows, new.rows)
    return changes
