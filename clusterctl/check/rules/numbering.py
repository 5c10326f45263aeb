"""numbering: numbered ids follow each other: 1, 2, 3 … and 1.1, 1.2 … inside item 1."""

from __future__ import annotations

import re
from collections.abc import Iterable

from clusterctl.check.rules.base import Finding, RuleContext, rule
from clusterctl.diagnostics import Severity
from clusterctl.model.index import Path
from clusterctl.model.plan import StageKind, Step, Task

_NUMBERED = re.compile(r"^\d+(?:\.\d+)*\.?$")


def _parts(ident: str) -> tuple[int, ...]:
    return tuple(map(int, ident.rstrip(".").split(".")))


def _fmt(parts: tuple[int, ...]) -> str:
    return ".".join(str(p) for p in parts)


def _gap(items: list[Task] | list[Step], parent: tuple[int, ...] | None,
         after: tuple[int, ...] | None = None) -> tuple[int, str, str] | None:
    """(place, id, expected id) of the first id of a numbered list that does not follow the
    one before, or None (one finding per list: the rest follows from the fix). `after`: the
    last number of the section before, which this list may go on from."""
    ids = [item.id for item in items]
    if not ids or not all(ident and _NUMBERED.match(ident) for ident in ids):
        return None  # not a numbered list ("Задача №2", ids left out): nothing to check
    previous: tuple[int, ...] | None = None
    for k, ident in enumerate(ids):
        assert ident is not None
        parts = _parts(ident)
        if parts == previous:
            continue  # a repeated id is the unique-ids rule's finding, not a numbering gap
        if previous is None:
            expected = (*parent, 1) if parent is not None else (*parts[:-1], 1)
            if after is not None and parts == (*after[:-1], after[-1] + 1):
                expected = parts  # numbered on from the section before
        else:
            expected = (*previous[:-1], previous[-1] + 1)
        if parts != expected:
            return k, ident, _fmt(expected)
        previous = parts
    return None


def _finding(path: Path, gap: tuple[int, str, str]) -> Finding:
    k, ident, expected = gap
    return Finding("numbering", (*path, k, "id"), {"id": ident, "expected": expected})


@rule("numbering", {"numbering": Severity.WARNING})
def numbering(ctx: RuleContext) -> Iterable[Finding]:
    """Numbered ids are consecutive: tasks 1, 2, 3 … in each stage; a section may also go
    on from the section before it (1, 2 | 3, 4: a document numbered across its rubrics);
    the ids of a task's steps continue its number (1.1, 1.2 …). Lists whose ids are not
    numbers are not checked."""
    plan = ctx.plan
    found: list[Finding] = []
    last: tuple[int, ...] | None = None  # the last number of the section before
    for si, stage in enumerate(plan.stages):
        section = stage.kind is StageKind.section
        gap = _gap(stage.tasks, None, last if section else None)
        if gap is not None:
            found.append(_finding(("stages", si, "tasks"), gap))
        ids = [task.id for task in stage.tasks]
        numbered = bool(ids) and all(ident and _NUMBERED.match(ident) for ident in ids)
        last = _parts(ids[-1] or "") if section and numbered else None
    gap = _gap(plan.tasks, None)
    if gap is not None:
        found.append(_finding(("tasks",), gap))
    for path, _stage, task in ctx.index.tasks():
        steps = task.steps
        if steps and task.id and _NUMBERED.match(task.id) and all(s.id for s in steps):
            gap = _gap(steps, _parts(task.id))
            if gap is not None:
                found.append(_finding((*path, "steps"), gap))
    return found
