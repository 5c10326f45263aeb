"""occurrences: a recurring deadline can be dated, and its done occurrences are its own."""

from __future__ import annotations

from collections.abc import Iterable

from clusterctl.check.rules.base import Finding, RuleContext, rule
from clusterctl.diagnostics import Severity
from clusterctl.model.deadlines import DeadlineKind, fmt
from clusterctl.model.occurrences import MAX_OCCURRENCES


@rule("occurrences", {"too-many-occurrences": Severity.WARNING,
                      "not-an-occurrence": Severity.WARNING})
def occurrences(ctx: RuleContext) -> Iterable[Finding]:
    """A recurring deadline («ежеквартально», «до 5 числа каждого месяца») becomes dated
    occurrences inside its period; more than 1000 of them (weekly over twenty years) are
    not expanded and reported. Each day of `done_occurrences` is the deadline of one of
    the item's occurrences (what `clusterctl done --on` writes): another day is reported,
    as it marks nothing."""
    for item in ctx.index.items:
        phrase = " ".join((item.work.due or "").split())
        if item.too_many:
            yield Finding("too-many-occurrences", (*item.path, "due"),
                          {"phrase": phrase, "limit": MAX_OCCURRENCES})
            continue
        done = item.work.done_occurrences
        if not done:
            continue
        recurring = item.deadline is not None and item.deadline.kind is DeadlineKind.RECURRING
        ends = {span.end for span in item.occurrences}
        for k, day in enumerate(done):
            if recurring and day in ends:
                continue
            yield Finding("not-an-occurrence", (*item.path, "done_occurrences", k),
                          {"day": fmt(day), "phrase": phrase,
                           "days": ", ".join(fmt(e) for e in sorted(ends)[:6]) or "—"})
