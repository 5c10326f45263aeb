"""`clusterctl init` and the pre-commit hooks: what a plans repository gets, that nothing is
overwritten, that the CI recipes pass the published schemas, and that the hooks work
through `pre-commit try-repo`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clusterctl.cli import app
from tests.conftest import DATA, ROOT

BIN = Path(sys.executable).parent

EXPECTED = [
    ".editorconfig", ".gitattributes", ".github/workflows/plans.yml", ".gitlab-ci.yml",
    ".pre-commit-config.yaml", ".vscode/settings.json", "README.md", "plans/primer.yaml",
    "templates/README.md", "schema/plan.schema.json",
]


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), prog_name="clusterctl")
    return result.exit_code, result.stdout, result.stderr


def test_init_sets_up_a_plans_repository(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "plans-repo"
    code, out, err = run(runner, "init", str(folder))
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == f"git init: {folder} теперь репозиторий git"
    assert [line.split()[-1] for line in out.splitlines() if line.startswith("создан")] == (
        EXPECTED)
    assert (folder / ".git").is_dir()
    config = subprocess.run(["git", "-C", str(folder), "config", "--get",
                             "diff.clusterctl.textconv"], capture_output=True, text=True)
    assert config.stdout == "clusterctl diff --textconv\n"
    assert "*.yaml diff=clusterctl" in (folder / ".gitattributes").read_text()
    assert run(runner, "validate", str(folder / "plans"), "--as-of", "2026-10-01")[:2] == (
        0, "")
    assert "README" not in (folder / "README.md").read_text()[:0]
    assert "clusterctl validate plans/" in (folder / "README.md").read_text()


def test_init_never_overwrites(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "existing"
    folder.mkdir()
    (folder / "README.md").write_text("наш README\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    subprocess.run(["git", "-C", str(folder), "config", "diff.clusterctl.textconv", "cat"],
                   check=True)
    code, out, _ = run(runner, "init", str(folder), "--bare")
    assert code == 0
    assert "пропущен README.md (уже есть, не изменён)" in out
    assert "git init" not in out
    assert "diff.clusterctl.textconv уже задан по-другому" in out
    assert (folder / "README.md").read_text(encoding="utf-8") == "наш README\n"
    assert not (folder / "plans").exists()
    again = run(runner, "init", str(folder), "--bare")[1]
    assert "создан" not in again and again.count("пропущен") == len(EXPECTED) - 1


def test_init_on_a_file_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    file = tmp_path / "file"
    file.write_text("x", encoding="utf-8")
    code, out, err = run(runner, "init", str(file))
    assert (code, out) == (2, "") and "это файл, а не папка" in err


@pytest.mark.parametrize(("name", "schema"), [
    (".github/workflows/plans.yml", "vendor.github-workflows"),
    (".gitlab-ci.yml", "vendor.gitlab-ci"),
])
def test_the_ci_recipes_pass_the_published_schemas(runner: CliRunner, tmp_path: Path,
                                                   name: str, schema: str) -> None:
    assert run(runner, "init", str(tmp_path / "r"), "--hooks-repo",
               "https://example.org/clusterctl.git")[0] == 0
    path = tmp_path / "r" / name
    assert "git+https://example.org/clusterctl.git@v" in path.read_text(encoding="utf-8")
    done = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema,
                           str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_pre_commit_files_are_valid(runner: CliRunner, tmp_path: Path) -> None:
    assert run(runner, "init", str(tmp_path / "r"))[0] == 0
    pre_commit = str(BIN / "pre-commit")
    for command, path in (("validate-config", tmp_path / "r" / ".pre-commit-config.yaml"),
                          ("validate-manifest", ROOT / ".pre-commit-hooks.yaml")):
        done = subprocess.run([pre_commit, command, str(path)], capture_output=True,
                              text=True)
        assert done.returncode == 0, done.stdout + done.stderr


def test_the_hooks_through_pre_commit_try_repo(tmp_path: Path) -> None:
    """pre-commit installs this repository as a hook (in its own environment: a minute the
    first time) and runs it on a valid plan, then on one with an impossible date."""
    folder = tmp_path / "plans"
    folder.mkdir()
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    shutil.copy(DATA / "format11" / "network.yaml", folder / "good.yaml")
    bad = folder / "bad.yaml"
    bad.write_text((DATA / "format11" / "network.yaml").read_text(encoding="utf-8").replace(
        "до 30.09.2022", "31.02.2023"), encoding="utf-8")
    subprocess.run(["git", "-C", str(folder), "add", "-A"], check=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"),
           "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}

    def attempt(*files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(BIN / "pre-commit"), "try-repo", str(ROOT), "clusterctl-validate", "--files",
             *files], cwd=folder, capture_output=True, text=True, env=env, timeout=600)

    good = attempt("good.yaml")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout
    failed = attempt("good.yaml", "bad.yaml")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "bad.yaml:" in failed.stdout and "impossible-date" in failed.stdout
