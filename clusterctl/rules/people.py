"""known-people: every responsible, lead and curator is in the people or roles registry."""

from __future__ import annotations

from collections.abc import Iterable

from clusterctl.diagnostics import Severity
from clusterctl.plan import Path, PlanIndex, normalise_name
from clusterctl.rules.base import Finding, RuleContext, rule


def _check(index: PlanIndex, refs: list[str], path: Path, field: str) -> list[Finding]:
    """A finding for each name of `refs` in neither registry (a list, not a generator: this
    runs for every task and step, and almost every name is known)."""
    found: list[Finding] = []
    person, role = index.person, index.role
    for k, ref in enumerate(refs):
        if person(ref) is not None or role(ref) is not None:
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
    name, full name, "Фамилия И.О." form or alias) or a role of `roles`. An unknown name is a
    warning with the closest known names: usually a typo ("Шкурятская М.В." for
    "Шкуратская М.В.")."""
    index = ctx.index
    project = ctx.plan.project
    yield from _check(index, project.leads, ("project",), "leads")
    yield from _check(index, project.curators, ("project",), "curators")
    for ci, cluster in enumerate(ctx.plan.clusters):
        yield from _check(index, cluster.curators, ("clusters", ci), "curators")
        yield from _check(index, cluster.leads, ("clusters", ci), "leads")
    people, roles = index.people, index.roles
    for item in index.items:
        responsible = item.work.responsible
        for ref in responsible:  # the usual case, every name known, checked inline
            key = normalise_name(ref)
            if key not in people and key not in roles:
                yield from _check(index, responsible, item.path, "responsible")
                break
