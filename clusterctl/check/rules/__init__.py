"""The semantic rules, registered in one place.

Each rule is a small unit in its own module (see `clusterctl.check.rules.base`). `RULES` is the
registry: the order here is the order rules run in; diagnostics are sorted by position anyway.
`docs/rules.md` lists them with their codes; `clusterctl rules` prints the same.
"""

from __future__ import annotations

from clusterctl.check.rules.base import Finding, Rule, RuleContext, rule
from clusterctl.check.rules.columns import columns
from clusterctl.check.rules.comments import comment_in_value
from clusterctl.check.rules.completeness import completeness
from clusterctl.check.rules.deadlines import deadlines
from clusterctl.check.rules.numbering import numbering
from clusterctl.check.rules.occurrences import occurrences
from clusterctl.check.rules.people import known_people
from clusterctl.check.rules.periods import periods
from clusterctl.check.rules.references import references
from clusterctl.check.rules.starts import starts
from clusterctl.check.rules.status import status
from clusterctl.check.rules.unique_ids import unique_ids

RULES: tuple[Rule, ...] = (
    unique_ids,
    numbering,
    deadlines,
    periods,
    starts,
    occurrences,
    known_people,
    references,
    columns,
    status,
    completeness,
    comment_in_value,
)

__all__ = ["RULES", "Finding", "Rule", "RuleContext", "rule"]
