"""clusterctl: keep education cluster project plans as YAML files and work with them.

The library works without the command line::

    import datetime
    import clusterctl

    options = clusterctl.CheckOptions(today=datetime.date(2022, 10, 1))
    results = clusterctl.check_paths(["projects"], options)        # findings per file
    plans = clusterctl.load_plans(["projects"], options)           # usable plans' digests
    late = clusterctl.overdue(plans.digests, options.today)        # a query

Importing the package is cheap: the names below are imported on first use (PEP 562), so that
`clusterctl --version` and a one-file check do not pay for pydantic, jinja2 or babel until
they need them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "CheckOptions": "clusterctl.check",
    "FileResult": "clusterctl.check",
    "check_bytes": "clusterctl.check",
    "check_file": "clusterctl.check",
    "Diagnostic": "clusterctl.diagnostics",
    "Severity": "clusterctl.diagnostics",
    "ClusterctlError": "clusterctl.errors",
    "RunOptions": "clusterctl.runner",
    "Plans": "clusterctl.runner",
    "load_plans": "clusterctl.runner",
    "Filters": "clusterctl.queries",
    "overdue": "clusterctl.queries",
    "upcoming": "clusterctl.queries",
    "status": "clusterctl.queries",
    "who": "clusterctl.queries",
    "meeting_agenda": "clusterctl.queries",
    "parse_deadline": "clusterctl.model.grammar",
}


def check_paths(paths: list[str], options: Any = None, run_options: Any = None) -> list[Any]:
    """Check every plan file under `paths` (files or folders): one `FileResult` per file."""
    from clusterctl.check import CheckOptions
    from clusterctl.runner import run

    return run(paths, options or CheckOptions(), run_options)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'clusterctl' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


if TYPE_CHECKING:
    from clusterctl.check import CheckOptions, FileResult, check_bytes, check_file
    from clusterctl.diagnostics import Diagnostic, Severity
    from clusterctl.errors import ClusterctlError
    from clusterctl.model.grammar import parse_deadline
    from clusterctl.queries import Filters, meeting_agenda, overdue, status, upcoming, who
    from clusterctl.runner import Plans, RunOptions, load_plans

__all__ = [
    "CheckOptions", "ClusterctlError", "Diagnostic", "FileResult", "Filters", "Plans",
    "RunOptions", "Severity", "__version__", "check_bytes", "check_file", "check_paths",
    "load_plans", "meeting_agenda", "overdue", "parse_deadline", "status", "upcoming", "who",
]
