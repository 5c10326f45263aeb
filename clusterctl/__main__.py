"""`python -m clusterctl` and the `clusterctl` console script.

`clusterctl --version` is answered here, before the command line (typer, click) is imported:
a script that checks the version pays only for Python's start."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from clusterctl import __version__

        sys.stdout.write(f"clusterctl {__version__}\n")
        return
    from clusterctl.cli import main as run

    run()


if __name__ == "__main__":
    main()
