"""numbering: numbered ids follow each other: 1, 2, 3 … and 1.1, 1.2 … inside item 1."""

from __future__ import annotations

import re
from collections.abc import Iterable

from clusterctl.diagnostics import Severity
from clusterctl.models import Step, Task
from clusterctl.plan import Path
from clusterctl.rules.base import Finding, RuleContext, rule

_NUMBERED = re.compile(r"^\d+(?:\.\d+)*\.?$")


def _parts(ident: str) -> tuple[int, ...]:
    return tuple(map(int, ident.rstrip(".").split(".")))


def _fmt(parts: tuple[int, ...]) -> str:
    return ".".join(str(p) for p in parts)


def _gap(items: list[Task] | list[Step], parent: tuple[int, ...] | None
         ) -> tuple[int, str, str] | None:
    """(place, id, expected id) of the first id of a numbered list that does not follow the
    one before, or None (one finding per list: the rest follows from the fix). A plain
    function, not a generator: it runs for every task of every plan and almost never finds
    anything."""
    ids = [item.id for item in items]
    if not ids or not ids[0]:
        return None
    # the usual list, "1", "2", … (or "3.1", "3.2", …, with or without a final dot), is
    # recognised by comparing texts; anything else takes the rule's own steps below
    if parent is not None:
        prefix = _fmt(parent) + "."
    else:
        head = ids[0].rstrip(".").rpartition(".")[0]
        prefix = head + "." if head else ""
    for k, ident in enumerate(ids, 1):
        expected_text = prefix + str(k)
        if ident != expected_text and ident != expected_text + ".":
            break
    else:
        if _NUMBERED.match(prefix + "1"):
            return None
    match = _NUMBERED.match
    for ident in ids:
        if not ident or not match(ident):
            return None  # not a numbered list ("Задача №2", ids left out): nothing to check
    previous: tuple[int, ...] | None = None
    for k, ident in enumerate(ids):
        assert ident is not None
        parts = _parts(ident)
        if parts == previous:
            continue  # a repeated id is the unique-ids rule's finding, not a numbering gap
        if previous is None:
            expected = (*parent, 1) if parent is not None else (*parts[:-1], 1)
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
    """Numbered ids are consecutive: tasks 1, 2, 3 … in each stage; the ids of a task's steps
    continue its number (1.1, 1.2 …). Lists whose ids are not numbers are not checked."""
    plan = ctx.plan
    found: list[Finding] = []
    match = _NUMBERED.match
    for si, stage in enumerate(plan.stages):
        gap = _gap(stage.tasks, None)
        if gap is not None:
            found.append(_finding(("stages", si, "tasks"), gap))
    gap = _gap(plan.tasks, None)
    if gap is not None:
        found.append(_finding(("tasks",), gap))
    for path, _stage, task in ctx.index.tasks():
        steps = task.steps
        if steps and task.id and match(task.id) and all(s.id for s in steps):
            gap = _gap(steps, _parts(task.id))
            if gap is not None:
                found.append(_finding((*path, "steps"), gap))
    return found
