"""periods: deadlines fall inside their stage's period; stages are ordered and inside the
project's period."""

from __future__ import annotations

from collections.abc import Iterable

from clusterctl.check.rules.base import Finding, RuleContext, rule
from clusterctl.diagnostics import Severity
from clusterctl.model.deadlines import DeadlineKind, Period
from clusterctl.model.plan import StageKind, Step, Task


def _fmt(period: Period) -> str:
    if period.start == period.end:
        return period.start.strftime("%d.%m.%Y")
    return f"{period.start:%d.%m.%Y}–{period.end:%d.%m.%Y}"


def _moved_here(work: Task | Step) -> bool:
    """The deadline as it stands is the last recorded move's `to`."""
    if not work.reschedules or not work.due:
        return False
    return " ".join(work.reschedules[-1].to.split()) == " ".join(work.due.split())


@rule(
    "periods",
    {
        "outside-period": Severity.WARNING,
        "stage-order": Severity.WARNING,
        "stage-outside-project": Severity.WARNING,
    },
)
def periods(ctx: RuleContext) -> Iterable[Finding]:
    """A task's or step's deadline lies inside its stage's period (or the project's period
    when it has no stage); stages follow each other in time and lie inside the project's
    period."""
    index = ctx.index
    for item in index.items:
        deadline, period = item.deadline, item.period
        if deadline is None or period is None or deadline.end is None:
            continue
        if deadline.kind in (DeadlineKind.ONGOING, DeadlineKind.RECURRING,
                             DeadlineKind.UNSCHEDULED):
            continue
        start = deadline.start or deadline.end
        if start < period.start or deadline.end > period.end:
            in_stage = item.stage is not None and item.path[1] in index.stage_periods
            yield Finding(
                "outside-period", (*item.path, "due"),
                {
                    "phrase": " ".join((item.work.due or "").split()),
                    "dates": _fmt(Period(start, deadline.end)),
                    "scope": "stage" if in_stage else "project",
                    # the stage is named only when its own period is the one exceeded
                    "stage": item.stage.id if in_stage and item.stage is not None else "",
                    "period": _fmt(period),
                    # after `clusterctl reschedule`, not «record the move»: it is recorded
                    "advice": "outside-period-moved" if _moved_here(item.work)
                    else "outside-period",
                },
            )
    previous: tuple[int, Period] | None = None
    for si, each in enumerate(ctx.plan.stages):
        stage_period = index.stage_periods.get(si)
        if stage_period is None or each.kind is StageKind.section:
            continue  # a section groups rows: it need not follow the others in time
        if previous is not None and stage_period.start < previous[1].start:
            yield Finding(
                "stage-order", ("stages", si, "period"),
                {"stage": ctx.plan.stages[si].id,
                 "previous": ctx.plan.stages[previous[0]].id},
            )
        project_period = index.project_period
        if project_period is not None and (
            stage_period.start < project_period.start or stage_period.end > project_period.end
        ):
            yield Finding(
                "stage-outside-project", ("stages", si, "period"),
                {"stage": ctx.plan.stages[si].id, "dates": _fmt(stage_period),
                 "period": _fmt(project_period)},
            )
        previous = (si, stage_period)
