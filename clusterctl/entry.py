"""The console-script entry point, kept import-light.

`clusterctl --version` is answered here without importing the command line (typer) at all;
everything else goes to `clusterctl.cli.main`.
"""

from __future__ import annotations

import gc
import os
import sys
import types

from clusterctl import GC_THRESHOLDS, __version__

PLUGINS_ENV = "PYDANTIC_DISABLE_PLUGINS"
_PLUGIN_LOADER = "pydantic.plugin._loader"


def _no_pydantic_plugins() -> None:
    """The command line's process runs no pydantic plugins, unless PYDANTIC_DISABLE_PLUGINS is
    set (to anything, an empty value included: then pydantic decides, as documented).

    pydantic looks for plugins when it builds its first model: its plugin loader imports
    `importlib.metadata` (email, zipfile, csv: ≈ 16 ms) and reads the entry points of every
    installed distribution (≈ 4 ms, more with a larger environment; a plugin such as
    logfire's imports its whole SDK), a tenth of a one-plan `validate`. A plugin observes
    validations for its owner's application; in this process pydantic validates nothing but
    clusterctl's own plans. So the loader's module is set to one whose `get_plugins` returns
    none (its only name pydantic uses: tests/test_performance_guards.py checks pydantic's code still
    imports just that), and PYDANTIC_DISABLE_PLUGINS=__all__ tells worker processes started
    by spawning the same. Only the console script does this: a program that imports
    clusterctl as a library keeps its plugins."""
    if PLUGINS_ENV in os.environ or _PLUGIN_LOADER in sys.modules:
        return
    os.environ[PLUGINS_ENV] = "__all__"
    loader = types.ModuleType(_PLUGIN_LOADER, "pydantic's plugin loader, finding no plugins "
                              "(set by clusterctl.entry: PYDANTIC_DISABLE_PLUGINS)")
    loader.get_plugins = _no_plugins  # type: ignore[attr-defined]
    sys.modules[_PLUGIN_LOADER] = loader


def _no_plugins() -> tuple[()]:
    return ()


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(f"clusterctl {__version__}\n")
        return
    gc.set_threshold(*GC_THRESHOLDS)
    _no_pydantic_plugins()
    from clusterctl.cli import main as run

    # What importing the command line made (typer, click, the commands: some 25,000 objects)
    # lives until exit: frozen, like a worker's inheritance, no collection scans it again (a
    # one-file check then needs no collection at all).
    gc.freeze()
    try:
        run(fast_exit=True)
    finally:
        # The interpreter's collections at exit would scan every object still alive (models,
        # plans, modules; ~15 ms after a one-file check) only to free memory the process
        # returns anyway: frozen, they are skipped. Cyclic garbage left at exit is then not
        # finalized (Python does not promise it either); clusterctl closes its files itself.
        gc.freeze()
