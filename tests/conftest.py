"""Shared test fixtures: the CLI runner, pinned dates, golden files, example paths.

Golden files live under tests/golden/. To accept new output after a deliberate change, run
`UPDATE_GOLDEN=1 .venv/bin/pytest` and review the diff in git before committing.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
PROJECTS = ROOT / "projects"
SOURCES = Path(__file__).resolve().parent / "data" / "sources"
"""Copies of the source documents (see tests/data/sources/README.md)."""
GOLDEN = Path(__file__).resolve().parent / "golden"
DATA = Path(__file__).resolve().parent / "data"

TODAY = datetime.date(2022, 10, 16)
"""The pinned "today" of the test suite (a Sunday inside seed 004's school year)."""


@pytest.fixture(autouse=True)
def _stable_env(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """No colour, Russian by default, no GitHub mode, whatever the developer's shell has;
    a fresh cache folder per test (never the repository's)."""
    for name in ("CLUSTERCTL_LANG", "GITHUB_ACTIONS", "FORCE_COLOR", "NO_COLOR",
                 "CLUSTERCTL_NO_CACHE", "CLUSTERCTL_JOBS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CLUSTERCTL_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run with the repository root as the working directory (paths as users type them)."""
    monkeypatch.chdir(ROOT)
    return ROOT


def assert_golden(name: str, actual: str) -> None:
    """Compare `actual` with tests/golden/NAME; UPDATE_GOLDEN=1 rewrites the file."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"golden file {path} is missing: run with UPDATE_GOLDEN=1"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"output differs from {path} (UPDATE_GOLDEN=1 to accept)"


def load_benchmark(name: str) -> ModuleType:
    """A script of benchmarks/ as a module (they are scripts, not a package); registered in
    sys.modules first, as dataclasses look their module up while being built."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(f"bench_{name}",
                                                  ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
