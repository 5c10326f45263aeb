"""What each document kind's template sees: the values every kind has, and the ones only some
kinds need, computed only for them (`build_context`). A template given with `--template`
sees them all."""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass
from typing import Any

from clusterctl.documents.context import agenda, builder, letters, report, timeline, values
from clusterctl.documents.context.builder import Builder
from clusterctl.documents.context.letters import letter
from clusterctl.documents.context.values import (
    DOCUMENT_LANG,
    ColumnCtx,
    ColumnsCtx,
    DocMeta,
    one_line,
    period_ctx,
)
from clusterctl.i18n import t
from clusterctl.model.calendar import half_year
from clusterctl.model.index import PlanIndex
from clusterctl.model.names import normalise_name
from clusterctl.queries import overdue, status, upcoming, who
from clusterctl.queries.digest import PlanDigest
from clusterctl.queries.overdue import OverdueItem
from clusterctl.queries.who import PersonLoad

KINDS: tuple[str, ...] = (
    "roadmap", "passport", "report", "note", "announcement", "press-release", "agenda",
)
LETTER_KINDS: tuple[str, ...] = ("announcement", "press-release")

EXTRAS: dict[str, tuple[str, ...]] = {
    "roadmap": ("status", "timeline"),
    "passport": (),
    "report": ("report", "who"),
    "note": ("status", "upcoming", "who"),
    "agenda": ("agendas",),
    "announcement": (),
    "press-release": (),
}
"""The values each kind needs besides the common ones (see docs/templates.md): `status`
(with `figures`), `timeline`, `upcoming`, `who` (with `by_responsible`), `report`,
`agendas`. A template without a kind (`--template`) gets all of them."""
_ALL = ("status", "timeline", "upcoming", "who", "report", "agendas")


@dataclass(slots=True)
class ResponsibleSummary:
    """One responsible's load (`queries.who`) with their overdue rows."""

    person: PersonLoad
    overdue_items: list[OverdueItem]


def _answers(person: PersonLoad, row: OverdueItem) -> bool:
    names = {normalise_name(n) for n in (person.name, *person.spellings)}
    return any(normalise_name(r) in names for r in row.responsible)


def build_context(
    index: PlanIndex,
    digest: PlanDigest,
    today: datetime.date,
    *,
    file: str = "",
    kind: str | None = None,
    fmt: str = "md",
    template: str = "",
    lang: str = "ru",
    period: tuple[datetime.date, datetime.date] | None = None,
    cluster: str | None = None,
) -> dict[str, Any]:
    """The template variables of the plan behind `index` and `digest` as of `today`, for a
    document of `kind` (None: every variable).

    `period` is the report's period (default: the calendar half-year of `today`); `cluster`
    narrows the report to one cluster. `task`, `announcement` and `press_release` stay None
    until `with_task` picks a task (found with `letters.find_task`).
    """
    late = overdue([digest], today)
    b = Builder(index, digest, file, today, late)
    stages, items = b.build_stages()
    project, current = b.project(stages)
    clusters = [b.cluster(c, items) for c in b.plan.clusters]
    plan_awards = [b.award(a, t("doc.award-source.plan", DOCUMENT_LANG))
                   for a in b.plan.awards]
    report_period = period_ctx(*(period or half_year(today)))
    ctx: dict[str, Any] = {
        "doc": DocMeta(kind, t("doc.kind." + kind, DOCUMENT_LANG) if kind else "", fmt,
                       template),
        "today": today,
        "lang": lang,
        "project": project,
        "stages": stages,
        "items": items,
        "current_stage": current,
        "columns": ColumnsCtx(
            description=any(i.description for i in items),
            start=any(i.planned_start for i in items),
            due=any(i.due for i in items),
            result=any(i.result for i in items),
            responsible=any(i.responsible for i in items),
            mark=any(i.mark for i in items),
            extra=[ColumnCtx(c.id, one_line(c.title)) for c in b.plan.columns],
        ),
        "clusters": clusters,
        "organisations": [b.org_of(o) for o in b.plan.organisations],
        "people": [b.person(p.name) for p in b.plan.people],
        "roles": [b.person(r.name) for r in b.plan.roles],
        "rules": b.plan.rules.model_dump(),
        "overdue": late,
        "awards": plan_awards,
        "period": report_period,
        "unread": [i for i in items if i.due is not None and i.due.error is not None],
        "task": None,
        "announcement": None,
        "press_release": None,
    }
    wanted = EXTRAS.get(kind, _ALL) if kind is not None else _ALL
    if "status" in wanted:
        progress = status([digest], today).projects[0]
        ctx["status"], ctx["figures"] = progress, progress.project
    if "timeline" in wanted:
        ctx["timeline"] = timeline.build_timeline(stages, today, project.period)
    if "upcoming" in wanted:
        ctx["upcoming"] = upcoming([digest], today)
    if "who" in wanted:
        loads = who([digest], today)
        ctx["who"] = loads
        ctx["by_responsible"] = [
            ResponsibleSummary(p, [o for o in late if _answers(p, o)]) for p in loads.people
        ]
    if "report" in wanted:
        ctx["report"] = report.build_report(
            b, [i for i in items if i.unit], [i for i in items if not i.is_step], clusters,
            report_period, late, plan_awards, cluster)
    if "agendas" in wanted:
        ctx["agendas"] = agenda.build_agendas(digest, today, late)
    return ctx


def with_task(ctx: dict[str, Any], task: values.ItemCtx) -> dict[str, Any]:
    """Fill in `task`, `announcement` and `press_release` (the context is changed in place)."""
    ctx["task"] = task
    ctx["announcement"] = letter("announcement", task, ctx["clusters"], ctx["rules"])
    ctx["press_release"] = letter("press-release", task, ctx["clusters"], ctx["rules"])
    return ctx


CONTEXT_TYPES: dict[str, type] = {
    name: value
    for module in (values, builder, report, agenda, timeline, letters)
    for name, value in vars(module).items()
    if isinstance(value, type) and name.endswith(("Ctx", "Section", "Month", "Row", "Tick",
                                                   "Field", "Date", "Meta"))
} | {"ResponsibleSummary": ResponsibleSummary}
"""The context's own value types by name (for "did you mean" in a template error)."""


def field_names(type_name: str) -> list[str]:
    """The fields of the context's value type called `type_name` (for "did you mean")."""
    cls = CONTEXT_TYPES.get(type_name)
    if isinstance(cls, type) and dataclasses.is_dataclass(cls):
        return [f.name for f in dataclasses.fields(cls)]
    return []
