"""The command line: a thin layer over the library (the only package that imports typer).

Each command module registers its commands on the one typer app of `clusterctl.cli.base`.
`clusterctl.cli.app` is that app with every command, in the order `--help` lists them (for
tests and programs). The console script (`main`) imports only the module of the command
being run — typer builds every registered command's parameters at each start, and a
one-plan `validate` starts ≈ 40 ms sooner without the four other modules; `--help`, a
mistyped command or anything else loads them all.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

MODULES = ("check_cmds", "import_cmds", "query_cmds", "render_cmds", "export_cmds",
           "edit_cmds", "diff_cmds", "init_cmds")
"""The command modules, in the order of --help."""

COMMANDS = {
    "validate": "check_cmds", "when": "check_cmds", "schema": "check_cmds",
    "rules": "check_cmds", "import": "import_cmds",
    "overdue": "query_cmds", "upcoming": "query_cmds", "status": "query_cmds",
    "who": "query_cmds",
    "render": "render_cmds", "templates": "render_cmds",
    "export": "export_cmds",
    "done": "edit_cmds", "reschedule": "edit_cmds", "cancel": "edit_cmds",
    "start": "edit_cmds",
    "diff": "diff_cmds", "init": "init_cmds",
}
"""Each top-level command (or group) -> the module that registers it (a test checks it)."""


def _place(callback: Any) -> int:
    """Where a command's module comes in MODULES."""
    short = str(getattr(callback, "__module__", "")).rpartition(".")[2]
    return MODULES.index(short) if short in MODULES else len(MODULES)


def load(modules: tuple[str, ...] = MODULES) -> Any:
    """The typer app with the commands of `modules` registered, in --help order whichever
    module was imported first."""
    for name in modules:
        importlib.import_module(f"{__name__}.{name}")
    from clusterctl.cli.base import app

    app.registered_commands.sort(key=lambda command: _place(command.callback))
    app.registered_groups.sort(key=lambda group: _place(
        group.typer_instance.registered_commands[0].callback
        if group.typer_instance is not None and group.typer_instance.registered_commands
        else None))
    return app


def __getattr__(name: str) -> Any:
    if name == "app":  # `from clusterctl.cli import app`: every command
        return load()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Run the command line; never lets a traceback reach the user."""
    first = sys.argv[1] if len(sys.argv) > 1 else ""
    module = COMMANDS.get(first)
    app = load((module,) if module is not None else MODULES)
    if "_CLUSTERCTL_COMPLETE" in os.environ:  # the shell asks for candidates (Tab)
        from clusterctl.cli.completion import prepare

        prepare()
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interactive
        from clusterctl.i18n import resolve_lang, t

        sys.stderr.write(f"clusterctl: {t('cli.interrupted', resolve_lang())}\n")
        raise SystemExit(130) from None


__all__ = ["COMMANDS", "MODULES", "load", "main"]
