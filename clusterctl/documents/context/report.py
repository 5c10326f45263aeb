"""The cluster report's context (`report`): per cluster — or for the whole plan — the events
held in the period, the schools that took part and their share of the district, the
results, cancellations, moves, overdue rows and the prospects of the next half-year."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from clusterctl.documents.context.builder import Builder
from clusterctl.documents.context.values import (
    DOCUMENT_LANG,
    AwardCtx,
    ClusterCtx,
    ItemCtx,
    OrgCtx,
    PeriodCtx,
    fold,
    one_line,
    period_ctx,
)
from clusterctl.i18n import count, t
from clusterctl.model.calendar import add_months
from clusterctl.model.names import normalise_name
from clusterctl.queries.overdue import OverdueItem


@dataclass(slots=True)
class HeldEventCtx:
    item: ItemCtx
    title: str
    held_on: datetime.date | None
    participants_count: int | None
    organisations: list[OrgCtx]
    feedback: str | None
    winners: int | None
    links: list[str]


@dataclass(slots=True)
class ReportSection:
    """One direction of the cluster report (a cluster, or the whole project)."""

    title: str
    cluster: ClusterCtx | None
    goal: str | None
    goals: list[str]
    objectives: list[str]
    events: list[HeldEventCtx]
    participants_total: int
    schools: list[OrgCtx]
    """Distinct schools whose pupils or staff took part in the events held."""
    district_schools: int | None
    share: float | None
    """len(schools) / district_schools (None when the district's total is not in rules)."""
    share_text: str
    feedback: list[tuple[str, str]]
    """(event title, feedback)."""
    results: list[ItemCtx]
    """Rows done in the period: what was developed."""
    cancelled: list[ItemCtx]
    rescheduled: list[ItemCtx]
    overdue: list[OverdueItem]
    prospects: list[ItemCtx]
    """Rows planned in the half-year after the period."""
    awards: list[AwardCtx]
    """Nominations from the events held (and, in a plan without clusters, the plan's own)."""


@dataclass(slots=True)
class ReportCtx:
    period: PeriodCtx
    next_period: PeriodCtx
    sections: list[ReportSection]
    overdue: list[OverdueItem]
    other_awards: list[AwardCtx]
    """The plan's own `awards:` when the plan has clusters (shown after the sections; in a
    plan without clusters they are in its one section's `awards`)."""


def _rows_of(tasks: list[ItemCtx], units: list[ItemCtx]) -> list[ItemCtx]:
    """The units of `tasks` (the tasks themselves or their steps), in plan order."""
    mine = {id(row) for task in tasks for row in (task, *task.steps)}
    return [i for i in units if id(i) in mine]


def _is_open(item: ItemCtx) -> bool:
    return item.status in ("planned", "in_progress")


def _item_day(item: ItemCtx) -> datetime.date | None:
    """The day a row happened or is due: held/done date, else its deadline's key day."""
    if item.outcome is not None and item.outcome.held_on is not None:
        return item.outcome.held_on
    if item.done_on is not None:
        return item.done_on
    if item.event is not None and item.event.start is not None:
        return item.event.start
    if item.due is not None and item.due.kind in ("date", "range"):
        return item.due.start
    return item.due.end if item.due is not None else None


def _of_cluster(owner: str | None, cluster: ClusterCtx | None, has_clusters: bool) -> bool:
    """Does a row of cluster `owner` belong to the report section of `cluster`? (The section
    without a cluster takes every row of a plan without clusters, else the rows of none.)"""
    if cluster is None:
        return not has_clusters or owner is None
    return owner == cluster.id


def _in(day: datetime.date | None, start: datetime.date, end: datetime.date) -> bool:
    return day is not None and start <= day <= end


def build_report(
    b: Builder,
    units: list[ItemCtx],
    tasks: list[ItemCtx],
    clusters: list[ClusterCtx],
    period: PeriodCtx,
    late: list[OverdueItem],
    plan_awards: list[AwardCtx],
    cluster_filter: str | None,
) -> ReportCtx:
    """The cluster report of `period` (seed 003's fixed sections), one section per cluster
    (or one for the whole plan), the half-year after it for the prospects."""
    after_start = period.end + datetime.timedelta(days=1)
    after_end = add_months(after_start, 6) - datetime.timedelta(days=1)
    next_period = period_ctx(after_start, after_end)
    district = b.plan.rules.district_schools

    def section(title: str, cluster: ClusterCtx | None, goal: str | None, goals: list[str],
                objectives: list[str], rows: list[ItemCtx], heads: list[ItemCtx]) -> ReportSection:
        held: list[HeldEventCtx] = []
        schools: dict[str, OrgCtx] = {}
        feedback: list[tuple[str, str]] = []
        awards: list[AwardCtx] = []
        total = 0
        for task in heads:
            if task.status == "cancelled" or (task.event is None and task.outcome is None):
                continue
            if task.outcome is None and task.status != "done":
                continue
            day = _item_day(task)
            if not _in(day, period.start, period.end):
                continue
            out = task.outcome
            title_ = (task.event.title if task.event and task.event.title else task.label)
            held.append(HeldEventCtx(
                item=task, title=title_, held_on=day,
                participants_count=out.participants_count if out else None,
                organisations=out.organisations if out else [],
                feedback=out.feedback if out else None,
                winners=out.winners if out else None,
                links=out.links if out else [],
            ))
            if out is not None:
                total += out.participants_count or 0
                for org in out.organisations:
                    if org.kind in ("school", None):
                        schools.setdefault(normalise_name(org.name), org)
                if out.feedback:
                    feedback.append((title_, out.feedback))
                awards.extend(out.awards)
        school_list = sorted(schools.values(), key=lambda o: (o.number or 0, o.name))
        share = len(school_list) / district if district else None
        if share is not None:
            share_text = t("doc.report.share", DOCUMENT_LANG, count=len(school_list),
                           total=district, percent=round(100 * share))
        else:
            share_text = t("doc.report.share-unknown", DOCUMENT_LANG,
                           schools=count(len(school_list), "word.school", DOCUMENT_LANG))
        results = [i for i in rows if i.status == "done" and _in(_item_day(i), period.start,
                                                                  period.end)]
        cancelled = [i for i in rows if i.status == "cancelled"
                     and (i.cancelled_on is None or _in(i.cancelled_on, period.start, period.end))]
        moved = [i for i in rows if i.rescheduled and any(
            r.on is None or _in(r.on, period.start, period.end) for r in i.reschedules)]
        prospects = [i for i in rows if _is_open(i) and _in(_item_day(i), after_start, after_end)]
        return ReportSection(
            title=title, cluster=cluster, goal=goal, goals=goals, objectives=objectives,
            events=held, participants_total=total, schools=school_list, district_schools=district,
            share=share, share_text=share_text, feedback=feedback, results=results,
            cancelled=cancelled, rescheduled=moved,
            overdue=[o for o in late if _of_cluster(o.cluster, cluster, bool(clusters))],
            prospects=prospects,
            awards=awards,
        )

    sections: list[ReportSection] = []
    project = b.plan.project
    goals = [one_line(g) for g in project.goals]
    objectives = [one_line(o.title) for o in project.objectives]
    if clusters:
        chosen = clusters
        if cluster_filter is not None:
            wanted = b._cluster_id(cluster_filter)
            chosen = [c for c in clusters if c.id == wanted]
        for c in chosen:
            rows = _rows_of(c.tasks, units)
            sections.append(section(
                c.title, c, c.goal or fold(project.strategic_goal),
                [] if c.goal else goals, c.objectives or objectives, rows, c.tasks,
            ))
        loose = [t for t in tasks if t.cluster_id is None]
        if loose and cluster_filter is None:
            rows = _rows_of(loose, units)
            sections.append(section(t("doc.report.common", DOCUMENT_LANG), None,
                                    fold(project.strategic_goal), goals, objectives, rows,
                                    loose))
    else:
        only = section(one_line(project.title), None, fold(project.strategic_goal), goals,
                       objectives, units, tasks)
        only.awards = [*plan_awards, *only.awards]
        sections.append(only)
    return ReportCtx(period, next_period, sections, late, plan_awards if clusters else [])
