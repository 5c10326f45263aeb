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
    assert _imported_after("import clusterctl.cli") == ["typer"]


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
