"""starts: a planned start (`start:`) comes no later than the deadline it starts."""

from __future__ import annotations

from collections.abc import Iterable

from clusterctl.check.rules.base import Finding, RuleContext, rule
from clusterctl.diagnostics import Severity
from clusterctl.model.deadlines import DATED, fmt
from clusterctl.model.status import start_day


@rule("starts", {"start-after-due": Severity.ERROR})
def starts(ctx: RuleContext) -> Iterable[Finding]:
    """The planned start of a task or step (`start:`, a date or a phrase; its first day)
    is on or before the last day of its `due`: «start: 15.06.2023» with «due: до
    31.05.2023» is an error (one of the two dates is mistyped)."""
    for item in ctx.index.items:
        begin, deadline = item.start_deadline, item.deadline
        if begin is None or deadline is None or deadline.kind not in DATED:
            continue
        first = start_day(begin)
        if first is not None and deadline.end is not None and first > deadline.end:
            yield Finding("start-after-due", (*item.path, "start"),
                          {"start": fmt(first), "due": fmt(deadline.end),
                           "phrase": " ".join((item.work.due or "").split())})
