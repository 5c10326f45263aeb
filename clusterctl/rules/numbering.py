"""numbering: numbered ids follow each other: 1, 2, 3 … and 1.1, 1.2 … inside item 1."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from clusterctl.diagnostics import Severity
from clusterctl.models import Step, Task
from clusterctl.plan import Path
from clusterctl.rules.base import Finding, RuleContext, rule

_NUMBERED = re.compile(r"^\d+(?:\.\d+)*\.?$")


def _parts(ident: str) -> tuple[int, ...]:
    return tuple(int(p) for p in ident.rstrip(".").split("."))


def _fmt(parts: tuple[int, ...]) -> str:
    return ".".join(str(p) for p in parts)


def _check(items: list[Task] | list[Step], path: Path, parent: tuple[int, ...] | None
           ) -> Iterator[Finding]:
    ids = [item.id for item in items]
    if not ids or not all(i and _NUMBERED.match(i) for i in ids):
        return  # not a numbered list ("Задача №2", ids left out): nothing to check
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
            yield Finding(
                "numbering", (*path, k, "id"),
                {"id": ident, "expected": _fmt(expected)},
            )
            return  # one finding per list: the rest follows from the fix
        previous = parts


@rule("numbering", {"numbering": Severity.WARNING})
def numbering(ctx: RuleContext) -> Iterable[Finding]:
    """Numbered ids are consecutive: tasks 1, 2, 3 … in each stage; the ids of a task's steps
    continue its number (1.1, 1.2 …). Lists whose ids are not numbers are not checked."""
    for si, stage in enumerate(ctx.plan.stages):
        yield from _check(stage.tasks, ("stages", si, "tasks"), None)
    yield from _check(ctx.plan.tasks, ("tasks",), None)
    for path, _stage, task in ctx.index.tasks():
        explicit = [s for s in task.steps if s.id]
        if task.id and _NUMBERED.match(task.id) and len(explicit) == len(task.steps):
            yield from _check(task.steps, (*path, "steps"), _parts(task.id))
