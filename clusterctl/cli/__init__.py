"""The command line: a thin layer over the library (the only package that imports typer).

Each command module registers its commands on the one typer app (`clusterctl.cli.app`).
`clusterctl.cli.app` as an attribute of this package is that app with every command, in the
order `--help` lists them. The console script (:func:`main`) imports only the module of the
command being run: typer then builds only that module's commands, and the other modules
are never imported (a one-plan `validate` starts ≈ 15 ms sooner).
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING, Any

from clusterctl.cli import app as _app_module

if TYPE_CHECKING:
    import typer

# `app` below is the typer app, not the module that defines it (see __getattr__)
globals().pop("app", None)

MODULES = ("check_cmds", "query_cmds", "render_cmds", "export_cmds", "edit_cmds")
"""The command modules, in the order of --help."""

COMMANDS = {
    "validate": "check_cmds", "when": "check_cmds", "schema": "check_cmds",
    "rules": "check_cmds",
    "overdue": "query_cmds", "upcoming": "query_cmds", "status": "query_cmds",
    "who": "query_cmds",
    "render": "render_cmds", "templates": "render_cmds",
    "export": "export_cmds",
    "done": "edit_cmds", "reschedule": "edit_cmds", "cancel": "edit_cmds",
    "start": "edit_cmds",
}
"""Each top-level command (or group) -> the module that registers it (a test checks it)."""


def _place(callback: Any) -> int:
    """Where a command's module comes in MODULES (commands of other modules last)."""
    short = str(getattr(callback, "__module__", "")).rpartition(".")[2]
    return MODULES.index(short) if short in MODULES else len(MODULES)


def load(modules: tuple[str, ...] = MODULES) -> typer.Typer:
    """The app with the commands of `modules` registered (all by default), in --help order
    whatever was registered before."""
    for name in modules:
        importlib.import_module(f"{__name__}.{name}")
    app = _app_module.app
    app.registered_commands.sort(key=lambda command: _place(command.callback))
    app.registered_groups.sort(key=lambda group: _place(
        group.typer_instance.registered_commands[0].callback
        if group.typer_instance is not None and group.typer_instance.registered_commands
        else None
    ))
    if modules == MODULES:
        globals()["app"] = app
    return app


def __getattr__(name: str) -> Any:
    if name == "app":  # the first `from clusterctl.cli import app`: every command
        return load()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main(fast_exit: bool = False) -> None:
    """Console-script entry point: registers only the command being run (all of them for
    `--help`, a mistyped command or anything else), then runs it; never lets a traceback
    reach the user. With `fast_exit` (the console script), a query command ends the process
    as soon as its answer is printed (`clusterctl.cli.app.end_command`)."""
    first = sys.argv[1] if len(sys.argv) > 1 else ""
    module = COMMANDS.get(first)
    load((module,) if module is not None else MODULES)
    _app_module.FAST_EXIT = fast_exit
    _app_module.main()


__all__ = ["COMMANDS", "MODULES", "load", "main"]
