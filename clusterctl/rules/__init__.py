"""The semantic rules, registered in one place.

Each rule is a small unit in its own module (see `clusterctl.rules.base`). `RULES` is the
registry: the order here is the order rules run in; diagnostics are sorted by position anyway.
`docs/rules.md` lists them with their codes; `clusterctl rules` prints the same.
"""

from __future__ import annotations

from clusterctl.rules.base import Finding, Rule, RuleContext, rule
from clusterctl.rules.comments import comment_in_value
from clusterctl.rules.completeness import completeness
from clusterctl.rules.deadlines import deadlines
from clusterctl.rules.numbering import numbering
from clusterctl.rules.people import known_people
from clusterctl.rules.periods import periods
from clusterctl.rules.references import references
from clusterctl.rules.status import status
from clusterctl.rules.unique_ids import unique_ids

RULES: tuple[Rule, ...] = (
    unique_ids,
    numbering,
    deadlines,
    periods,
    known_people,
    references,
    status,
    completeness,
    comment_in_value,
)

__all__ = ["RULES", "Finding", "Rule", "RuleContext", "rule"]
