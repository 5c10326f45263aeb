"""comment-in-value: a text cut short by a `#` that YAML reads as the start of a comment."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from clusterctl.check.rules.base import Finding, RuleContext, rule
from clusterctl.diagnostics import Severity
from clusterctl.model.schema import is_free_text


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


@rule("comment-in-value", {"comment-in-value": Severity.WARNING})
def comment_in_value(ctx: RuleContext) -> Iterable[Finding]:
    """A free text (`title`, `result`, `description`, …) written without quotes and followed
    on its line by ` #`: YAML reads the `#` and everything after it as a comment, so
    `result: Распорядительный акт # 5` means «Распорядительный акт». Quote the value if the
    `#` belongs to it, or move the comment to a line of its own. (Ids, names, deadlines and
    other short values may carry a comment after them.)"""
    return [
        Finding("comment-in-value", path, {"field": path[-1], "value": str(_at(ctx.data, path))})
        for path in ctx.commented if is_free_text(path)
    ]
