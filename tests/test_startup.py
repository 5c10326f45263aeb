"""The import-light start-up, checked without timing: which heavy modules a command imports.

`clusterctl --version` pays only for Python's start; importing the package or the command
line imports no library it does not need; a query answered from the cache builds no model.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

HEAVY = ("typer", "rich", "pydantic", "jinja2", "babel", "yaml", "icalendar", "ruamel")


def _probe(code: str) -> str:
    """What `python -c code` prints, run in a fresh interpreter from the repository root."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout


def _imported_after(code: str) -> list[str]:
    probe = (
        "import sys\n" + code + "\n"
        f"print(__import__('json').dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    )
    loaded: list[str] = json.loads(_probe(probe).strip().splitlines()[-1])
    return loaded


def _command(*args: str) -> str:
    return (f"sys.argv = ['clusterctl', *{list(args)!r}]\n"
            "from clusterctl.__main__ import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass")


def test_version_imports_no_heavy_module() -> None:
    assert _imported_after(_command("--version")) == []


def test_importing_the_package_and_cli_is_light() -> None:
    assert _imported_after("import clusterctl") == []
    assert _imported_after("import clusterctl.source.loader") == ["yaml"]
    assert _imported_after("import clusterctl.cli") == []
    assert _imported_after("from clusterctl.cli import app") == ["typer"]


def test_validate_imports_only_what_it_needs() -> None:
    code = _command("validate", "projects/primorye-roadmap-2022.yaml", "--no-cache")
    assert _imported_after(code) == ["typer", "pydantic", "yaml"]


@pytest.mark.parametrize("command", ["overdue", "status", "who"])
def test_a_query_answered_from_the_cache_builds_no_models(command: str, tmp_path: Path) -> None:
    """Asked again over an unchanged plan, a query reads the plan's digest from the cache:
    the pydantic models, the largest part of start-up, are neither imported nor built."""
    code = _command(command, "projects/primorye-roadmap-2022.yaml", "--as-of", "2022-10-16",
                    "--format", "json", "--cache-dir", str(tmp_path))
    assert "pydantic" in _imported_after(code)  # the first run checks the plan
    assert _imported_after(code) == ["typer", "yaml"]


def test_the_flow_collection_regex_is_compiled_only_when_needed() -> None:
    """The optional parser's largest regex (a few ms to compile) waits for a file with `[`
    or `{`; a one-plan check of a block-style plan does not pay for it."""
    probe = (
        "import clusterctl.source.fast as f\n"
        "f.load(b'a: b\\nc:\\n- d\\n')\n"
        "print(f._simple_flow is None)\n"
        "f.load(b'a: [b, c]\\n')\n"
        "print(f._simple_flow is None)\n"
    )
    assert _probe(probe).split() == ["True", "False"]


def test_the_command_table_names_each_command_s_module() -> None:
    """`clusterctl.cli.main` imports only the module of the command being run, found in
    `COMMANDS`: every command and group of the full app must be there, with its module."""
    from clusterctl import cli

    app = cli.load()
    commands: dict[str, str] = {}
    for command in app.registered_commands:
        assert command.callback is not None
        name = command.name or command.callback.__name__.replace("_", "-")
        commands[name] = command.callback.__module__.rpartition(".")[2]
    groups: dict[str, str] = {}
    for group in app.registered_groups:
        assert group.name is not None and group.typer_instance is not None
        callback = group.typer_instance.registered_commands[0].callback
        groups[group.name] = callback.__module__.rpartition(".")[2]  # type: ignore[union-attr]
    assert {**commands, **groups} == cli.COMMANDS
    for modules in (list(commands.values()), list(groups.values())):  # in --help order
        assert modules == sorted(modules, key=cli.MODULES.index)


def _run_cli(args: list[str], full: bool) -> subprocess.CompletedProcess[str]:
    """The console script's way (only the command's module) or the full app's."""
    call = "cli.load()(prog_name='clusterctl')" if full else "cli.main()"
    probe = f"import sys\nsys.argv = ['clusterctl', *{args!r}]\nfrom clusterctl import cli\n{call}"
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          cwd=ROOT, env={**__import__("os").environ, "COLUMNS": "100"})


@pytest.mark.parametrize("args", [
    ["validate", "--help"], ["who", "--help"], ["export", "--help"], ["templates", "list"],
    ["validate", "--bogus"], ["valdate"], ["--help"], [],
])
def test_registering_one_command_changes_no_output(args: list[str]) -> None:
    lean, full = _run_cli(args, full=False), _run_cli(args, full=True)
    assert (lean.returncode, lean.stdout, lean.stderr) == (full.returncode, full.stdout,
                                                           full.stderr)


def test_validate_imports_no_other_command_module() -> None:
    """…nor the shell completion, which is imported only when the shell asks (Tab)."""
    code = (_command("validate", "projects/primorye-roadmap-2022.yaml", "--no-cache")
            + "\nprint(sorted(m for m in sys.modules if m.startswith('clusterctl.cli.')))")
    assert _probe("import sys\n" + code).splitlines()[-1] == (
        "['clusterctl.cli.base', 'clusterctl.cli.check_cmds', 'clusterctl.cli.words']")
