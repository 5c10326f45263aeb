"""unique-ids: every id is used once in its scope."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from clusterctl.check.rules.base import Finding, RuleContext, rule
from clusterctl.diagnostics import Severity
from clusterctl.model.index import Path
from clusterctl.model.names import normalise_name


def _duplicates(items: Sequence[Any], path: Path, what: str) -> list[Finding]:
    """A finding for each id used again in `items` (a list: this runs for every task's
    steps in every plan, and a generator per list cost more than the check itself)."""
    if len(items) < 2:
        return []
    seen: dict[str, int] = {}
    found: list[Finding] = []
    for i, item in enumerate(items):
        ident = getattr(item, "id", None)
        if not ident:
            continue
        key = normalise_name(str(ident))
        if key in seen:
            found.append(Finding(
                "duplicate-id", (*path, i, "id"),
                {"id": ident, "what": what, "first": seen[key] + 1, "number": i + 1,
                 "first_path": (*path, seen[key], "id")},
            ))
        else:
            seen[key] = i
    return found


@rule("unique-ids", {"duplicate-id": Severity.ERROR})
def unique_ids(ctx: RuleContext) -> Iterable[Finding]:
    """Ids are unique: people, roles, organisations, clusters, objectives and stages in the
    plan; tasks within their stage (or among top-level tasks); steps within their task."""
    plan = ctx.plan
    found = [
        *_duplicates(plan.people, ("people",), "person"),
        *_duplicates(plan.roles, ("roles",), "role"),
        *_duplicates(plan.organisations, ("organisations",), "organisation"),
        *_duplicates(plan.clusters, ("clusters",), "cluster"),
        *_duplicates(plan.project.objectives, ("project", "objectives"), "objective"),
        *_duplicates(plan.stages, ("stages",), "stage"),
    ]
    for si, stage in enumerate(plan.stages):
        found.extend(_duplicates(stage.tasks, ("stages", si, "tasks"), "task"))
    found.extend(_duplicates(plan.tasks, ("tasks",), "task"))
    for path, _stage, task in ctx.index.tasks():
        if len(task.steps) > 1:
            found.extend(_duplicates(task.steps, (*path, "steps"), "step"))
    return found
