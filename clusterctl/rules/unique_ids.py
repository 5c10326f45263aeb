"""unique-ids: every id is used once in its scope."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from clusterctl.diagnostics import Severity
from clusterctl.plan import Path, normalise_name
from clusterctl.rules.base import Finding, RuleContext, rule


def _duplicates(items: Sequence[Any], path: Path, what: str) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        ident = getattr(item, "id", None)
        if not ident:
            continue
        key = normalise_name(str(ident))
        if key in seen:
            yield Finding(
                "duplicate-id", (*path, i, "id"),
                {"id": ident, "what": what, "first": seen[key] + 1, "number": i + 1,
                 "first_path": (*path, seen[key], "id")},
            )
        else:
            seen[key] = i


@rule("unique-ids", {"duplicate-id": Severity.ERROR})
def unique_ids(ctx: RuleContext) -> Iterable[Finding]:
    """Ids are unique: people, roles, organisations, clusters, objectives and stages in the
    plan; tasks within their stage (or among top-level tasks); steps within their task."""
    plan = ctx.plan
    yield from _duplicates(plan.people, ("people",), "person")
    yield from _duplicates(plan.roles, ("roles",), "role")
    yield from _duplicates(plan.organisations, ("organisations",), "organisation")
    yield from _duplicates(plan.clusters, ("clusters",), "cluster")
    yield from _duplicates(plan.project.objectives, ("project", "objectives"), "objective")
    yield from _duplicates(plan.stages, ("stages",), "stage")
    for si, stage in enumerate(plan.stages):
        yield from _duplicates(stage.tasks, ("stages", si, "tasks"), "task")
    yield from _duplicates(plan.tasks, ("tasks",), "task")
    for path, _stage, task in ctx.index.tasks():
        yield from _duplicates(task.steps, (*path, "steps"), "step")
