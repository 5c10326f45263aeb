"""known-people: every responsible, lead and curator is in the people, roles or organisations
registry."""

from __future__ import annotations

from collections.abc import Iterable

from clusterctl.check.rules.base import Finding, RuleContext, rule
from clusterctl.diagnostics import Severity
from clusterctl.model.index import Path, PlanIndex


def _check(index: PlanIndex, refs: list[str], path: Path, field: str) -> list[Finding]:
    """A finding for each name of `refs` in neither registry."""
    found: list[Finding] = []
    for k, ref in enumerate(refs):
        if index.responsible(ref) is not None:
            continue
        closest = index.closest(ref, index.responsible_names())
        found.append(Finding(
            "unknown-person", (*path, field, k) if path or field else (k,),
            {"name": ref, "field": field, "closest": closest},
        ))
    return found


@rule("known-people", {"unknown-person": Severity.WARNING})
def known_people(ctx: RuleContext) -> Iterable[Finding]:
    """Every name in `responsible`, `leads` and `curators` is a person of `people` (by id,
    name, full name, "Фамилия И.О." form or alias), a role of `roles` or an organisation of
    `organisations` (by id, name, short name, number or alias) — also when the cell adds a
    position before the name or a qualifier after it ("Куратор Калачева Е. А.",
    "Н.Н.Лобанова", "Департамент образования (по согласованию)"). An unknown name is a
    warning with the closest known names: usually a typo ("Шкурятская М.В." for
    "Шкуратская М.В.")."""
    index = ctx.index
    project = ctx.plan.project
    yield from _check(index, project.leads, ("project",), "leads")
    yield from _check(index, project.curators, ("project",), "curators")
    for ci, cluster in enumerate(ctx.plan.clusters):
        yield from _check(index, cluster.curators, ("clusters", ci), "curators")
        yield from _check(index, cluster.leads, ("clusters", ci), "leads")
    for item in index.items:
        yield from _check(index, item.work.responsible, item.path, "responsible")
