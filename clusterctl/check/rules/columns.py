"""columns: every `extra:` cell belongs to a column the plan declares in `columns:`."""

from __future__ import annotations

from collections.abc import Iterable

from clusterctl.check.rules.base import Finding, RuleContext, rule
from clusterctl.diagnostics import Severity
from clusterctl.model.names import closest_names


@rule("columns", {"unknown-column": Severity.ERROR})
def columns(ctx: RuleContext) -> Iterable[Finding]:
    """Each key of a task's or step's `extra:` is the `id` of a column of the plan's
    `columns:` list (which gives the column its title and its place in documents). A key no
    column declares is an error with the closest declared ids: its cell would otherwise be
    shown nowhere."""
    declared = [column.id for column in ctx.plan.columns]
    known = set(declared)
    for item in ctx.index.items:
        for key in item.work.extra:
            if key not in known:
                yield Finding("unknown-column", (*item.path, "extra", key),
                              {"key": key, "closest": closest_names(key, declared, 3),
                               "declared": ", ".join(declared) or "—"},
                              at_key=True)
