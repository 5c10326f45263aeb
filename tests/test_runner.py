"""The runner: paths → cache → an optional pool of worker processes → one result per file.

The query commands answer from the digests the workers make (or the cache keeps); whatever
runs where, the answer is the one the library gives from digests made in this process: the
pool (2 workers), one process, a cold and a warm cache all print the same, and every file is
read once.
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
from clusterctl.output.machine import render_json
from clusterctl.queries import PlanDigest, build_digest
from clusterctl.runner import ACCELERATE_MIN_BYTES, CHUNK_FILES, PARALLEL_MIN_FILES, RunOptions, run
from clusterctl.source import fast, loader
from tests.conftest import PROJECTS
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
def indexes(checked: list[FileResult]) -> list[PlanDigest]:
    """The digests of the plans, made in this process."""
    return [build_digest(result.index) for result in checked if result.index is not None]


@pytest.fixture(scope="module")
def unread(checked: list[FileResult]) -> list[dict[str, object]]:
    """The deadlines the grammar left out, as every JSON answer lists them."""
    return [u._asdict() for result in checked for u in result.unread]


@pytest.fixture(scope="module")
def busiest(indexes: list[PlanDigest]) -> str:
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


def _library(indexes: list[PlanDigest], command: str, name: str | None,
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
    return render_json({**answer, "not_understood": unread}).decode("utf-8")


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
    indexes: list[PlanDigest], busiest: str, command: str, with_name: bool,
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


@pytest.mark.parametrize("args", [["who", "{name}"], ["overdue"], ["status"], ["who"]])
def test_every_file_is_read_once(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, plans: Path, busiest: str,
    args: list[str],
) -> None:
    """A query checks each file once, whatever it asks (`who NAME` included), counted
    through the check's entry point in one process."""
    import clusterctl.runner

    monkeypatch.setenv("CLUSTERCTL_NO_CACHE", "1")
    monkeypatch.setenv("CLUSTERCTL_JOBS", "1")
    checked: list[str] = []
    real = clusterctl.runner.check_bytes

    def counting(data: bytes, file: str, options: CheckOptions, accelerate: bool) -> object:
        checked.append(file)
        return real(data, file, options, accelerate)

    monkeypatch.setattr(clusterctl.runner, "check_bytes", counting)
    argv = [a.format(name=busiest) for a in args]
    result = runner.invoke(app, [*argv, str(plans), "--as-of", AS_OF.isoformat(),
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    assert sorted(checked) == sorted(set(checked)) and len(checked) == FILES


@pytest.mark.parametrize(
    ("args", "broken", "code"),
    [
        (["who", "--format", "json"], False, 0),
        (["overdue", "--fail"], False, 1),
        (["status"], True, 1),
        (["export", "ics", "-o", "{out}"], False, 0),
    ],
)
def test_the_console_script_answers_as_the_app_does(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, plans: Path,
    args: list[str], broken: bool, code: int,
) -> None:
    """The console script prints what the command run in this process prints: the same
    output, exit status and written file."""
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


# ---------------------------------------------------------------------------- parses

OPTIONS = CheckOptions(lang="en", today=datetime.date(2022, 10, 16))


@pytest.fixture
def parse_counter(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every YAML parse, by either parser: libyaml's events (the exact loader) or, when the
    optional parser is installed, yaml-rs."""
    calls: list[str] = []
    real = loader.parse_yaml

    def counting(data: bytes | str, file: str, lang: str):  # type: ignore[no-untyped-def]
        calls.append(file)
        return real(data, file, lang)

    monkeypatch.setattr(loader, "parse_yaml", counting)
    loads = fast._parser()
    if loads is not None:
        def counting_load(data: bytes, **kwargs):  # type: ignore[no-untyped-def]
            calls.append("yaml-rs")
            return loads(data, **kwargs)

        monkeypatch.setattr(fast, "_load", counting_load)
    return calls


def test_each_file_is_parsed_exactly_once(
    parse_counter: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLUSTERCTL_NO_ACCEL", "1")  # the exact loader alone
    results = run([str(PROJECTS)], OPTIONS, RunOptions(jobs=1))
    assert len(results) == 5
    assert sorted(parse_counter) == sorted(r.file for r in results)


def test_generated_plans_are_parsed_exactly_once(parse_counter: list[str], plans: Path) -> None:
    """The happy path: plans without findings are parsed once, whichever parser reads them."""
    options = CheckOptions(lang="en", today=AS_OF)
    results = run([str(plans)], options, RunOptions(jobs=1))
    assert len(results) == FILES
    assert all(r.diagnostics == [] for r in results)
    assert len(parse_counter) == FILES


def test_a_warm_cache_parses_nothing(
    parse_counter: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLUSTERCTL_NO_ACCEL", "1")
    cached = RunOptions(cache_dir=str(tmp_path / "cache"), jobs=1)
    cold = run([str(PROJECTS)], OPTIONS, cached)
    assert len(parse_counter) == 5
    warm = run([str(PROJECTS)], OPTIONS, cached)
    assert len(parse_counter) == 5
    assert [r.diagnostics for r in warm] == [r.diagnostics for r in cold]


def test_a_small_input_is_read_without_the_optional_parser(parse_counter: list[str]) -> None:
    """Importing the optional parser costs more than it saves on a few small files; on more
    it is used (when installed), with the same results."""
    one = PROJECTS / "yaroslavl-network-passport.yaml"
    assert one.stat().st_size < ACCELERATE_MIN_BYTES
    small = run([str(one)], OPTIONS, RunOptions(jobs=1))
    assert parse_counter == [small[0].file]  # the exact loader alone
    parse_counter.clear()
    assert sum(p.stat().st_size for p in PROJECTS.glob("*.yaml")) >= ACCELERATE_MIN_BYTES
    every = run([str(PROJECTS)], OPTIONS, RunOptions(jobs=1))
    if fast.enabled():
        assert "yaml-rs" in parse_counter
    same = [r for r in every if r.file == small[0].file]
    assert [r.diagnostics for r in same] == [r.diagnostics for r in small]
