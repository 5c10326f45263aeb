"""clusterctl: keep education cluster project plans as YAML files and work with them.

Importing the package is cheap: heavy modules (pydantic, jinja2, rich, babel) are imported
only by the commands that use them.
"""

__version__ = "0.1.0"

GC_THRESHOLDS = (50_000, 20, 20)
"""Garbage-collector thresholds of the command line and of the worker processes that check
files (Python's default: 700, 10, 10). A command builds hundreds of thousands of short-lived,
acyclic objects (plans, parts, table rows) and then exits; with the default thresholds the
collector rescanned them over and over (40% of merging 2,000 plans' responsibles, 6% of
checking them). Like mypy, which sets (200_000, 30, 30), we collect less often; cycles are
still collected."""
