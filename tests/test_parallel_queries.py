"""The query commands over many files: the plans stay in the worker processes, only each
plan's part of the answer comes back (queries.Query), and `who NAME` asks a second pass of
the files it needs. Whatever runs where, the answer is the one the library gives with every
plan at hand: the pool (2 workers), one process, a cold and a warm cache all print the same.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from clusterctl import queries
from clusterctl.check import CheckOptions, FileResult, check_file
from clusterctl.cli import app
from clusterctl.plan import PlanIndex
from clusterctl.tables import render_json
from clusterctl.validate import CHUNK_FILES, PARALLEL_MIN_FILES
from tests.test_benchmarks_generate import generate

AS_OF = datetime.date(2026, 11, 22)
FILES = 40
assert max(PARALLEL_MIN_FILES, 2 * CHUNK_FILES) <= FILES  # the pool runs, with two chunks


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("many") / "plans"
    generate.main([str(folder), "--files", str(FILES), "--seed", "3"])
    return folder


@pytest.fixture(scope="module")
def checked(plans: Path) -> list[FileResult]:
    options = CheckOptions(today=AS_OF)
    found = []
    for path in sorted(plans.rglob("*.yaml"), key=lambda p: p.as_posix()):
        result = check_file(path, path.as_posix(), options)
        assert result.index is not None and result.errors == 0
        found.append(result)
    return found


@pytest.fixture(scope="module")
def indexes(checked: list[FileResult]) -> list[PlanIndex]:
    return [result.index for result in checked if result.index is not None]


@pytest.fixture(scope="module")
def unread(checked: list[FileResult]) -> list[dict[str, object]]:
    """The deadlines the grammar left out, as every JSON answer lists them."""
    return [u._asdict() for result in checked for u in result.unread]


@pytest.fixture(scope="module")
def busiest(indexes: list[PlanIndex]) -> str:
    """The name of a person who answers for overdue work in several of the plans."""
    people = queries.who(indexes, AS_OF).people
    entry = max(
        (p for p in people if p.kind == "person" and p.overdue),
        key=lambda p: (len(p.projects), p.overdue, p.key),
    )
    assert len(entry.projects) >= 2
    return entry.name


def _run(runner: CliRunner, args: list[str], monkeypatch: pytest.MonkeyPatch,
         jobs: str) -> tuple[int, str]:
    monkeypatch.setenv("CLUSTERCTL_JOBS", jobs)
    result = runner.invoke(app, args)
    return result.exit_code, result.stdout


def _library(indexes: list[PlanIndex], command: str, name: str | None,
             filters: queries.Filters, unread: list[dict[str, object]]) -> str:
    answer: Any
    if command == "overdue":
        answer = {"as_of": AS_OF, "items": queries.overdue(indexes, AS_OF, filters)}
    elif command == "status":
        answer = queries.status(indexes, AS_OF, filters)
    else:
        answer = queries.who(indexes, AS_OF, name, filters)
    if not isinstance(answer, dict):
        answer = {f.name: getattr(answer, f.name) for f in dataclasses.fields(answer)}
    return render_json({**answer, "not_understood": unread})


@pytest.mark.parametrize(
    ("command", "with_name", "responsible"),
    [
        ("overdue", False, False),
        ("overdue", False, True),
        ("status", False, False),
        ("status", False, True),
        ("who", False, False),
        ("who", True, False),
        ("who", False, True),
    ],
)
def test_pool_one_process_cache_and_library_agree(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, plans: Path,
    indexes: list[PlanIndex], busiest: str, command: str, with_name: bool,
    responsible: bool, unread: list[dict[str, object]],
) -> None:
    monkeypatch.setenv("CLUSTERCTL_CACHE_DIR", str(tmp_path / "cache"))
    name = busiest if with_name else None
    args = [command, *([name] if name else []), str(plans), "--as-of", AS_OF.isoformat(),
            "--format", "json"]
    filters = queries.Filters()
    if responsible:
        args += ["--responsible", busiest]
        filters = queries.Filters(responsible=(busiest,))
    expected = _library(indexes, command, name, filters, unread)

    cold = _run(runner, args, monkeypatch, "2")
    warm = _run(runner, args, monkeypatch, "2")
    monkeypatch.setenv("CLUSTERCTL_NO_CACHE", "1")
    alone = _run(runner, args, monkeypatch, "1")
    assert cold == warm == alone == (0, expected)
    answer = json.loads(expected)
    shown = answer.get("items") or answer.get("people") or answer.get("projects")
    assert shown, "the case must show something"


def test_who_name_reads_only_the_files_it_needs(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, plans: Path,
    indexes: list[PlanIndex], busiest: str,
) -> None:
    """The second pass of `who NAME` checks only the files where the person answers for
    work (counted through the check's entry point)."""
    import clusterctl.validate as validate

    monkeypatch.setenv("CLUSTERCTL_NO_CACHE", "1")
    monkeypatch.setenv("CLUSTERCTL_JOBS", "1")
    checked: list[str] = []
    real = validate.check_bytes

    def counting(data: bytes, file: str, options: CheckOptions) -> object:
        checked.append(file)
        return real(data, file, options)

    monkeypatch.setattr(validate, "check_bytes", counting)
    result = runner.invoke(app, ["who", busiest, str(plans), "--as-of", AS_OF.isoformat(),
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    projects = {i["project"] for i in json.loads(result.stdout)["items"]}
    second = checked[FILES:]
    assert len(checked) == FILES + len(second)
    assert 0 < len(second) < FILES
    assert len(second) == len(projects)


def test_who_name_refuses_a_file_changed_between_the_passes(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, plans: Path,
    busiest: str,
) -> None:
    """If a file the second pass needs was broken meanwhile, no half answer: exit 2."""
    import shutil

    import clusterctl.validate as validate

    folder = tmp_path / "plans"
    shutil.copytree(plans, folder)
    real = validate.validate_paths
    calls: list[list[str]] = []

    def breaking(paths: list[str], *args: object, **kwargs: object) -> object:
        calls.append(paths)
        if len(calls) == 2:  # the second pass: break the first file it asks for
            Path(paths[0]).write_text("project: [\n", encoding="utf-8")
        return real(paths, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(validate, "validate_paths", breaking)
    result = runner.invoke(app, ["who", busiest, str(folder), "--as-of", AS_OF.isoformat()])
    assert len(calls) == 2
    assert result.exit_code == 2
    assert "файлы изменились во время работы, запустите команду снова" in result.output
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "broken", "code"),
    [
        (["who", "--format", "json"], False, 0),
        (["overdue", "--fail"], False, 1),
        (["status"], True, 1),
        (["export", "ics", "-o", "{out}"], False, 0),
    ],
)
def test_console_script_ends_at_once_with_the_same_output(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, plans: Path,
    args: list[str], broken: bool, code: int,
) -> None:
    """The console script ends the process as soon as a query command has printed its
    answer (`cli.app.end_command`): the same output, exit status and written file as the
    command run in this process, where it returns."""
    import os
    import shutil
    import subprocess
    import sys

    folder = tmp_path / "plans"
    shutil.copytree(plans, folder)
    if broken:  # a file the command skips: reported on stderr, exit status 1
        (folder / "broken.yaml").write_text("project: [\n", encoding="utf-8")
    out = tmp_path / "out.ics"
    argv = [a.format(out=out) for a in args] + [
        str(folder), "--as-of", AS_OF.isoformat(), "--no-cache"]
    monkeypatch.setenv("CLUSTERCTL_JOBS", "2")
    inside = runner.invoke(app, argv)
    written = out.read_bytes() if out.exists() else None
    out.unlink(missing_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLUSTERCTL_")}
    done = subprocess.run(
        [sys.executable, "-m", "clusterctl", *argv], capture_output=True, check=False,
        env={**env, "CLUSTERCTL_JOBS": "2", "COLUMNS": "80"},
    )
    assert done.returncode == inside.exit_code == code, done.stderr.decode()
    assert done.stdout.decode("utf-8") == inside.stdout
    assert done.stderr.decode("utf-8") == inside.stderr
    assert (out.read_bytes() if out.exists() else None) == written
    assert written is not None or inside.stdout
