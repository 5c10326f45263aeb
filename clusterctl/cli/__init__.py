"""The command line: a thin layer over the library (the only package that imports typer).

Each command module registers its commands on the one typer app of `clusterctl.cli.app`;
importing this package registers them all, in the order `--help` lists them. Each command
parses its arguments, calls the library, prints the answer (`clusterctl.output`) and exits
with the documented status.
"""

from __future__ import annotations

import sys

from clusterctl.cli import check_cmds, edit_cmds, export_cmds, query_cmds, render_cmds
from clusterctl.cli.app import app

MODULES = (check_cmds, query_cmds, render_cmds, export_cmds, edit_cmds)
"""The command modules, in the order of --help."""


def main() -> None:
    """Run the command line; never lets a traceback reach the user."""
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interactive
        from clusterctl.i18n import resolve_lang, t

        sys.stderr.write(f"clusterctl: {t('cli.interrupted', resolve_lang())}\n")
        raise SystemExit(130) from None


__all__ = ["MODULES", "app", "main"]
