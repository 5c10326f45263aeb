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

    # What importing the command line made (typer, click, the commands: some 25,000 objects)
    # lives until exit: frozen, like a worker's inheritance, no collection scans it again (a
    # one-file check then needs no collection at all).
    gc.freeze()
    try:
        run()
    finally:
        # The interpreter's collections at exit would scan every object still alive (models,
        # plans, modules; ~15 ms after a one-file check) only to free memory the process
        # returns anyway: frozen, they are skipped. Cyclic garbage left at exit is then not
        # finalized (Python does not promise it either); clusterctl closes its files itself.
        gc.freeze()
