"""The console-script entry point, kept import-light.

`clusterctl --version` is answered here without importing the command line (typer) at all;
everything else goes to `clusterctl.cli.main`.
"""

from __future__ import annotations

import gc
import sys

from clusterctl import __version__

GC_THRESHOLDS = (50_000, 20, 20)
"""The command line's garbage-collector thresholds (Python's default: 700, 10, 10).

A command builds hundreds of thousands of short-lived, acyclic objects (plans, parts, table
rows) and then exits; with the default thresholds the collector rescanned them over and
over (40% of merging 2,000 plans' responsibles). Like mypy, which sets (200_000, 30, 30),
we collect less often; cycles are still collected. Worker processes inherit this."""


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(f"clusterctl {__version__}\n")
        return
    gc.set_threshold(*GC_THRESHOLDS)
    from clusterctl.cli import main as run

    run()
