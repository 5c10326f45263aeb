"""The rule machinery: a `Rule` is a small function over a `RuleContext` yielding `Finding`s.

Modelled on yamllint's rules/: each rule lives in its own module, has a code (its name), a
severity and a doc string, and is registered in `clusterctl.check.rules.RULES`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from clusterctl.diagnostics import Severity
from clusterctl.model.index import Path, PlanIndex
from clusterctl.model.plan import Plan


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule found: a message code, where (a data path), and the message's values."""

    code: str
    path: Path
    params: dict[str, Any] = field(default_factory=dict)
    at_key: bool = False
    """Point at the key of the last path step rather than at its value."""


@dataclass(slots=True)
class RuleContext:
    plan: Plan
    index: PlanIndex
    today: datetime.date
    lang: str
    data: dict[str, Any] = field(default_factory=dict)
    """The plan as loaded (plain data, before the models)."""
    commented: list[tuple[str | int, ...]] = field(default_factory=list)
    """Data paths of plain values followed by a comment on their line (see the loader)."""


RuleFunc = Callable[[RuleContext], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    codes: dict[str, Severity]
    """The message codes this rule reports, each with its severity."""
    func: RuleFunc

    @property
    def doc(self) -> str:
        return (self.func.__doc__ or "").strip()

    def run(self, ctx: RuleContext) -> Iterator[Finding]:
        yield from self.func(ctx)


def rule(name: str, codes: dict[str, Severity]) -> Callable[[RuleFunc], Rule]:
    """Declare a rule: `@rule("unique-ids", {"duplicate-id": Severity.ERROR})`."""

    def wrap(func: RuleFunc) -> Rule:
        return Rule(name, dict(codes), func)

    return wrap
