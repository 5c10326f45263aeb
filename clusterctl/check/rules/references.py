"""references: objectives, clusters and organisations referred to exist in the plan."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from clusterctl.check.rules.base import Finding, RuleContext, rule
from clusterctl.diagnostics import Severity
from clusterctl.model.index import Path, PlanIndex
from clusterctl.model.names import normalise_name


def _orgs(index: PlanIndex, refs: list[str], path: Path) -> Iterator[Finding]:
    for k, ref in enumerate(refs):
        if index.organisation(ref) is None:
            yield Finding(
                "unresolved-reference", (*path, k),
                {"kind": "organisation", "ref": ref,
                 "closest": index.closest(ref, index.organisation_names())},
            )


def _org(index: PlanIndex, ref: str | None, path: Path) -> Iterator[Finding]:
    if ref is not None and index.organisation(ref) is None:
        yield Finding(
            "unresolved-reference", path,
            {"kind": "organisation", "ref": ref,
             "closest": index.closest(ref, index.organisation_names())},
        )


@rule("references", {"unresolved-reference": Severity.ERROR})
def references(ctx: RuleContext) -> Iterable[Finding]:
    """References resolve: a task's `objective` is an objective of the passport, its `cluster`
    a cluster of the plan; participants, members, base sites, coordinators, partners and a
    person's organisation are organisations of `organisations` (by id, name, short name,
    number or alias)."""
    plan, index = ctx.plan, ctx.index
    yield from _orgs(index, plan.project.participants, ("project", "participants"))
    for pi, person in enumerate(plan.people):
        yield from _org(index, person.organisation, ("people", pi, "organisation"))
    for oi, org in enumerate(plan.organisations):
        yield from _orgs(index, org.partner_of, ("organisations", oi, "partner_of"))
    for ci, cluster in enumerate(plan.clusters):
        base: Path = ("clusters", ci)
        yield from _org(index, cluster.base_site, (*base, "base_site"))
        yield from _orgs(index, cluster.coordinators, (*base, "coordinators"))
        yield from _orgs(index, cluster.members, (*base, "members"))
        yield from _orgs(index, cluster.partners, (*base, "partners"))
    objective_ids = [o.id for o in plan.project.objectives]
    cluster_ids = [c.id for c in plan.clusters]
    for item in index.items:
        work = item.work
        if work.participants:
            yield from _orgs(index, work.participants, (*item.path, "participants"))
        if item.step is not None:
            continue
        task = item.task
        if task.objective is not None and normalise_name(task.objective) not in index.objectives:
            yield Finding(
                "unresolved-reference", (*item.path, "objective"),
                {"kind": "objective", "ref": task.objective,
                 "closest": index.closest(task.objective, objective_ids)},
            )
        if task.cluster is not None and index.cluster(task.cluster) is None:
            yield Finding(
                "unresolved-reference", (*item.path, "cluster"),
                {"kind": "cluster", "ref": task.cluster,
                 "closest": index.closest(task.cluster, cluster_ids)},
            )
        if task.outcome is not None and task.outcome.organisations:
            yield from _orgs(index, task.outcome.organisations,
                             (*item.path, "outcome", "organisations"))
