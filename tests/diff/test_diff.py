"""`clusterctl diff`: pairs of plan versions made by the edit commands and by hand, compared
through the command line (goldens in text, md and json); git revisions in a temporary
repository; the textconv listing and git's diff driver; bad input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clusterctl.cli import app
from tests.conftest import DATA, PROJECTS, assert_golden

AS_OF = ["--as-of", "2022-10-16"]
PRIMORYE = PROJECTS / "primorye-roadmap-2022.yaml"


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), prog_name="clusterctl")
    return result.exit_code, result.stdout, result.stderr


def _edited(runner: CliRunner, folder: Path) -> tuple[Path, Path]:
    """The Primorye plan, and a copy changed by the four edit commands."""
    old = folder / "old" / "primorye-roadmap-2022.yaml"
    new = folder / "new" / "primorye-roadmap-2022.yaml"
    for path in (old, new):
        path.parent.mkdir()
        shutil.copy(PRIMORYE, path)
    for args in (
        ["done", str(new), "8.2"],
        ["reschedule", str(new), "9.3", "--to", "До 15.11.2022", "--reason",
         "перенос сроков мониторинга"],
        ["cancel", str(new), "15", "--reason", "карантин: выезды отменены"],
        ["start", str(new), "12"],
    ):
        assert run(runner, *args, *AS_OF)[0] == 0, args
    return old, new


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_the_edit_commands_read_back_in_words(runner: CliRunner, tmp_path: Path,
                                              fmt: str) -> None:
    old, new = _edited(runner, tmp_path)
    code, out, err = run(runner, "diff", str(old), str(new), "-f", fmt, *AS_OF)
    assert (code, err) == (0, "")
    out = out.replace(str(tmp_path), "TMP")
    assert_golden(f"diff/edits.{'txt' if fmt == 'text' else fmt}", out)
    if fmt == "json":
        kinds = [c["kind"] for c in json.loads(out)["changes"]]
        assert sorted(kinds) == ["due", "status", "status", "status"]


def _by_hand(tmp_path: Path) -> tuple[Path, Path]:
    old = tmp_path / "old.yaml"
    new = tmp_path / "new.yaml"
    shutil.copy(DATA / "diff" / "old.yaml", old)
    shutil.copy(DATA / "diff" / "new.yaml", new)
    return old, new


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_changes_made_by_hand(runner: CliRunner, tmp_path: Path, fmt: str) -> None:
    old, new = _by_hand(tmp_path)
    code, out, err = run(runner, "diff", str(old), str(new), "-f", fmt, *AS_OF)
    assert (code, err) == (0, "")
    out = out.replace(str(tmp_path), "TMP")
    assert_golden(f"diff/by-hand.{'txt' if fmt == 'text' else fmt}", out)


def test_what_a_renumbering_and_the_rest_are(runner: CliRunner, tmp_path: Path) -> None:
    old, new = _by_hand(tmp_path)
    out = run(runner, "diff", str(old), str(new), "-f", "json", *AS_OF)[1]
    changes = json.loads(out)["changes"]
    kinds = {(c["kind"], c["ref"]) for c in changes}
    assert ("task-moved", "4") in kinds  # «3» became «4», same text: moved, not removed
    assert ("task-removed", "3") not in kinds and ("task-added", "4") not in kinds
    assert ("task-added", "5") in kinds and ("task-removed", "2") in kinds
    assert ("responsible-added", "1") in kinds and ("responsible-removed", "1") in kinds
    assert ("entry-added", "petrov") in kinds and ("entry-changed", "ivanova") in kinds
    assert ("step-added", "1.3") in kinds
    text = next(c for c in changes if c["kind"] == "text" and c["field"] == "result")
    assert ["+", "и направлен в ОО"] in text["words"]


def test_stat_and_exit_code(runner: CliRunner, tmp_path: Path) -> None:
    old, new = _by_hand(tmp_path)
    code, out, _ = run(runner, "diff", str(old), str(new), "--stat", *AS_OF)
    assert code == 0 and out.splitlines()[0].endswith(": 9 изменений")
    assert run(runner, "diff", str(old), str(new), "--exit-code", *AS_OF)[0] == 1
    assert run(runner, "diff", str(old), str(old), "--exit-code", *AS_OF)[:2] == (
        0, "Изменений в планах нет.\n")


def test_an_invalid_side_is_reported_with_its_diagnostics(runner: CliRunner,
                                                          tmp_path: Path) -> None:
    old, new = _by_hand(tmp_path)
    new.write_text(new.read_text(encoding="utf-8").replace("До 30.09.2022", "31.02.2023"),
                   encoding="utf-8")
    code, out, _ = run(runner, "diff", str(old), str(new), *AS_OF)
    assert code == 0
    assert "план с ошибками, сравнить нельзя" in out and "impossible-date" in out
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\x00\x01\x02 not a plan")
    code, out, _ = run(runner, "diff", str(old), str(binary), *AS_OF)
    assert code == 0 and "nul-byte" in out


def test_textconv_lists_a_plan_line_per_item(runner: CliRunner) -> None:
    code, out, err = run(runner, "diff", "--textconv", str(PRIMORYE), *AS_OF)
    assert (code, err) == (0, "")
    assert_golden("diff/primorye.textconv.txt", out)
    assert "9.3 Подготовлена аналитическая справка" in out


def test_textconv_of_a_file_that_is_no_plan_is_the_file(runner: CliRunner,
                                                        tmp_path: Path) -> None:
    other = tmp_path / "settings.yaml"
    other.write_text("a: 1\n", encoding="utf-8")
    assert run(runner, "diff", "--textconv", str(other))[:2] == (0, "a: 1\n")


# ---------------------------------------------------------------------------- git


def _git(folder: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True,
                          env=env, check=True)
    return done.stdout


@pytest.fixture
def repo(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A plans repository made by `clusterctl init`, with the Primorye plan committed."""
    folder = tmp_path / "repo"
    assert run(runner, "init", str(folder), "--bare")[0] == 0
    (folder / "plans").mkdir()
    shutil.copy(PRIMORYE, folder / "plans" / "primorye.yaml")
    _git(folder, "add", "-A")
    _git(folder, "commit", "-q", "-m", "plans")
    monkeypatch.chdir(folder)
    return folder


def test_revisions_in_a_repository(runner: CliRunner, repo: Path) -> None:
    assert run(runner, "diff", *AS_OF) == (0, "Изменений в планах нет.\n", "")
    assert run(runner, "reschedule", "plans/primorye.yaml", "9.3", "--to", "До 15.11.2022",
               "--reason", "перенос", *AS_OF)[0] == 0
    code, out, _ = run(runner, "diff", *AS_OF)  # the working tree against HEAD
    assert code == 0
    assert out.splitlines()[0] == ("plans/primorye.yaml (HEAD:plans/primorye.yaml → "
                                   "plans/primorye.yaml): 1 изменение")
    assert "срок перенесён: «До 30.10.2022» → «До 15.11.2022»" in out
    _git(repo, "commit", "-q", "-am", "moved")
    assert "срок перенесён" in run(runner, "diff", "HEAD~1", "HEAD", *AS_OF)[1]
    assert "срок перенесён" in run(runner, "diff", "HEAD~1", *AS_OF)[1]  # against the tree
    assert run(runner, "diff", "--stat", *AS_OF, "HEAD~1", "HEAD", "--", "plans/")[1] == (
        "plans/primorye.yaml: 1 изменение\nВсего: сроки перенесены 1.\n")
    # plans added and removed between two revisions
    shutil.copy(PROJECTS / "moscow-uao-tech-cluster.yaml", repo / "plans" / "moscow.yaml")
    _git(repo, "rm", "-q", "plans/primorye.yaml")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "swap")
    out = run(runner, "diff", "HEAD~1", "HEAD", *AS_OF)[1]
    assert "plans/moscow.yaml: новый план (HEAD~1:plans/moscow.yaml → HEAD:plans/moscow.yaml)" in (
        out)
    assert "plans/primorye.yaml: план удалён" in out


def test_git_diff_speaks_tasks_with_the_driver_init_set(runner: CliRunner, repo: Path) -> None:
    assert _git(repo, "config", "--get", "diff.clusterctl.textconv") == (
        "clusterctl diff --textconv\n")
    assert run(runner, "done", "plans/primorye.yaml", "8.2", *AS_OF)[0] == 0
    # git runs the driver as a program: the one of this environment
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    shown = subprocess.run(["git", "diff"], cwd=repo, capture_output=True, text=True, env=env,
                           check=True).stdout
    assert "+  • 8.2 Информирование целевой аудитории" in shown
    assert "статус: выполнено 16.10.2022" in shown
    assert "status: done" not in shown  # not YAML


def test_bad_revisions_and_paths(runner: CliRunner, repo: Path) -> None:
    code, out, err = run(runner, "diff", "no-such-branch", "HEAD", *AS_OF)
    assert code == 2 and out == ""
    assert "Нет такого файла или папки: no-such-branch" in err
    code, _, err = run(runner, "diff", "HEAD", "--", "nowhere/", *AS_OF)
    assert code == 2 and "Нет такого файла или папки: nowhere/" in err
    code, _, err = run(runner, "diff", "HEAD", "HEAD", "HEAD", *AS_OF)
    assert code == 2 and "не больше двух версий" in err


def test_outside_a_repository(runner: CliRunner, tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    code, _, err = run(runner, "diff", *AS_OF)
    assert code == 2 and "не в репозитории git" in err
    # a word that could be a revision is not handed to git outside a repository (git's
    # own English "fatal: not a git repository" never reaches the user)
    code, out, err = run(runner, "diff", "HEAD~99999", *AS_OF)
    assert (code, out) == (2, "")
    assert err == ("clusterctl: Эта папка не в репозитории git. Сравните два файла: "
                   "clusterctl diff СТАРЫЙ.yaml НОВЫЙ.yaml\n")


@pytest.mark.parametrize("name", ["/dev/zero", "folder", "huge.yaml"])
def test_textconv_reads_only_a_regular_file_of_bounded_size(runner: CliRunner, tmp_path: Path,
                                                            name: str) -> None:
    """git hands textconv a path; a device, a folder or a huge file is refused in one line
    (exit 2), never read without end."""
    (tmp_path / "folder").mkdir()
    (tmp_path / "huge.yaml").write_bytes(b"a" * (9 * 2 ** 20))
    path = name if name.startswith("/") else str(tmp_path / name)
    code, out, err = run(runner, "diff", "--textconv", path)
    assert (code, out) == (2, "")
    assert err.startswith(f"clusterctl: {path}: ") and err.count("\n") == 1
    assert ("устройство" if name == "/dev/zero" else "папка" if name == "folder"
            else "слишком большой") in err


def test_a_huge_plan_in_a_revision(runner: CliRunner, repo: Path) -> None:
    huge = repo / "plans" / "huge.yaml"
    huge.write_bytes(b"version: 1\nproject: {id: p, title: P}\n# " + b"x" * (9 * 2 ** 20)
                     + b"\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "huge")
    code, _, err = run(runner, "diff", "HEAD~1", "HEAD", *AS_OF)
    assert code == 2 and "больше, чем допускается для плана" in err


def test_the_benchmark_plans_are_valid_and_differ(runner: CliRunner, tmp_path: Path) -> None:
    """benchmarks/diff.py compares two versions of a generated plan: both are clean plans,
    and the diff finds each kind of edit it makes."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_diff",
                                                  PROJECTS.parent / "benchmarks" / "diff.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(module.plan(200, 1, False), encoding="utf-8")
    new.write_text(module.plan(200, 1, True), encoding="utf-8")
    assert run(runner, "validate", str(old), "--as-of", "2026-11-22")[:2] == (0, "")
    # removed tasks leave gaps in the numbering: warnings, no error
    assert run(runner, "validate", str(new), "--as-of", "2026-11-22")[0] == 0
    out = run(runner, "diff", str(old), str(new), "-f", "json", "--as-of", "2026-11-22")[1]
    kinds = {c["kind"] for c in json.loads(out)["changes"]}
    assert {"due", "status", "text", "task-removed", "task-added"} <= kinds


def test_an_approval_stamp_change_is_a_passport_change(runner: CliRunner,
                                                       tmp_path: Path) -> None:
    source = (DATA / "render" / "green-district.yaml").read_text("utf-8")
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(source, encoding="utf-8")
    new.write_text(source.replace("number: 412-р", "number: 413-р"), encoding="utf-8")
    code, out, _ = run(runner, "diff", str(old), str(new), "--as-of", "2024-11-01")
    assert code == 0
    assert "Паспорт: approval: «" in out and "number: 412-р» → «" in out
    assert out.rstrip().endswith("number: 413-р»")
