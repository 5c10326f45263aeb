"""status: done, cancelled and rescheduled tasks carry what their status needs."""

from __future__ import annotations

from collections.abc import Iterable

from clusterctl.check.rules.base import Finding, RuleContext, rule
from clusterctl.diagnostics import Severity
from clusterctl.model.plan import Status


@rule(
    "status",
    {
        "cancelled-without-reason": Severity.ERROR,
        "future-date": Severity.ERROR,
        "status-mismatch": Severity.WARNING,
    },
)
def status(ctx: RuleContext) -> Iterable[Finding]:
    """A cancelled task or step has a `cancel_reason`; `done_on`, `cancelled_on` and the dates
    of reschedules are not in the future (after the date of the check); a `done_on` date goes
    with status `done` and a `cancel_reason` with status `cancelled` (a warning otherwise)."""
    for item in ctx.index.items:
        work, path = item.work, item.path
        if (
            work.done_on is None and work.cancelled_on is None and not work.reschedules
            and not work.cancel_reason and work.status is not Status.cancelled
        ):
            continue  # most tasks and steps: nothing here to check
        if work.status is Status.cancelled and not work.cancel_reason:
            yield Finding("cancelled-without-reason", (*path, "status"), {"id": item.ref})
        for field, day in (("done_on", work.done_on), ("cancelled_on", work.cancelled_on)):
            if day is not None and day > ctx.today:
                yield Finding(
                    "future-date", (*path, field),
                    {"date": f"{day:%d.%m.%Y}", "today": f"{ctx.today:%d.%m.%Y}"},
                )
        for ri, move in enumerate(work.reschedules):
            if move.on is not None and move.on > ctx.today:
                yield Finding(
                    "future-date", (*path, "reschedules", ri, "on"),
                    {"date": f"{move.on:%d.%m.%Y}", "today": f"{ctx.today:%d.%m.%Y}"},
                )
        if work.done_on is not None and work.status is not Status.done:
            yield Finding(
                "status-mismatch", (*path, "done_on"),
                {"field": "done_on", "expected": "done", "status": work.status.value},
            )
        if work.cancel_reason and work.status is not Status.cancelled:
            yield Finding(
                "status-mismatch", (*path, "cancel_reason"),
                {"field": "cancel_reason", "expected": "cancelled", "status": work.status.value},
            )
