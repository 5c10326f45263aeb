"""The console-script entry point, kept import-light.

`clusterctl --version` is answered here without importing the command line (typer) at all;
everything else goes to `clusterctl.cli.main`.
"""

from __future__ import annotations

import gc
import sys

from clusterctl import GC_THRESHOLDS, __version__


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(f"clusterctl {__version__}\n")
        return
    gc.set_threshold(*GC_THRESHOLDS)
    from clusterctl.cli import main as run

    run()
