"""completeness: every task says who answers for it and what it must produce."""

from __future__ import annotations

from collections.abc import Iterable

from clusterctl.check.rules.base import Finding, RuleContext, rule
from clusterctl.diagnostics import Severity
from clusterctl.model.plan import Stage, StageKind


def _label(task_id: str | None, stage: Stage | None) -> dict[str, object]:
    return {"id": task_id or "?", "stage": stage.id if stage is not None else "",
            "section": stage is not None and stage.kind is StageKind.section}


@rule("completeness", {"no-responsible": Severity.WARNING, "no-result": Severity.WARNING})
def completeness(ctx: RuleContext) -> Iterable[Finding]:
    """A task has a responsible and a result, its own or in each of its steps (a step without
    its own responsible answers to the task's). Cancelled tasks are not checked."""
    for path, stage, task in ctx.index.tasks():
        if task.status.value == "cancelled":
            continue
        if not task.responsible and (
            not task.steps or not all(step.responsible for step in task.steps)
        ):
            yield Finding("no-responsible", path, _label(task.id, stage))
        if not task.result and (not task.steps or not all(s.result for s in task.steps)):
            yield Finding("no-result", path, _label(task.id, stage))
