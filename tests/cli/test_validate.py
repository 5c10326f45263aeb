"""`clusterctl validate` through the CLI runner: formats, exit codes, languages, defaults."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clusterctl import __version__
from clusterctl.cli import app
from tests.conftest import PROJECTS, ROOT

AS_OF = ["--as-of", "2022-10-16"]

PROJECTS_EN = """\
projects/krasnoselsky-upbringing-programme.yaml:419:9: warning unknown-person "Татарина Валерия Сергеевна" is not in the people, roles or organisations registry (curators).
    hint: Did you mean "Татаринова Валерия Сергеевна"? If this is another person, role or organisation, add it to people (roles, organisations).
projects/mari-el-engineering-cluster.yaml:115:9: warning no-responsible Task 1.1 (stage 1) has no responsible.
    hint: Add responsible: a person's name or a role.
projects/mari-el-engineering-cluster.yaml:115:9: warning no-result Task 1.1 (stage 1) has no result.
    hint: Add result: what it must produce (a document, an order, an event).
projects/mari-el-engineering-cluster.yaml:160:13: warning unknown-person "Трифорова О.А." is not in the people, roles or organisations registry (responsible).
    hint: Did you mean "Трифонова О.А."? If this is another person, role or organisation, add it to people (roles, organisations).
projects/primorye-roadmap-2022.yaml:196:9: warning unknown-person "Шкурятская М.В." is not in the people, roles or organisations registry (responsible).
    hint: Did you mean "Шкуратская М.В."? If this is another person, role or organisation, add it to people (roles, organisations).
"""


def test_projects_validate_with_the_seed_typos_as_warnings(runner: CliRunner, in_root: Path) -> None:
    result = runner.invoke(app, ["validate", "projects/", "--lang", "en", *AS_OF])
    assert result.exit_code == 0
    assert result.stdout == PROJECTS_EN
    assert result.stderr == "Checked 5 files: 0 errors, 5 warnings.\n"


def test_strict_makes_warnings_fail(runner: CliRunner, in_root: Path) -> None:
    result = runner.invoke(app, ["validate", "projects/", "--strict", *AS_OF])
    assert result.exit_code == 1
    assert result.stderr == "Проверено файлов: 5; ошибок: 0, предупреждений: 5.\n"


def test_default_path_is_projects(runner: CliRunner, in_root: Path) -> None:
    result = runner.invoke(app, ["validate", "--lang", "en", *AS_OF])
    assert result.exit_code == 0
    assert result.stdout == PROJECTS_EN


def test_russian_is_the_default_and_env_switches_to_english(
    runner: CliRunner, in_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = "projects/primorye-roadmap-2022.yaml"
    ru = runner.invoke(app, ["validate", path, *AS_OF])
    assert ru.stdout == (
        f"{path}:196:9: warning unknown-person «Шкурятская М.В.» нет в реестре людей, ролей и "
        "организаций (ответственные).\n"
        "    подсказка: Возможно, имелось в виду «Шкуратская М.В.». Если это другой человек, "
        "роль или организация, добавьте в раздел people (roles, organisations).\n"
    )
    monkeypatch.setenv("CLUSTERCTL_LANG", "en")
    en = runner.invoke(app, ["validate", path, *AS_OF])
    assert en.stdout.startswith(f'{path}:196:9: warning unknown-person "Шкурятская М.В." is not')
    assert en.stderr == "Checked 1 file: 0 errors, 1 warning.\n"


def test_json_format(runner: CliRunner, in_root: Path) -> None:
    path = "projects/primorye-roadmap-2022.yaml"
    result = runner.invoke(app, ["validate", path, "--format", "json", "--lang", "en", *AS_OF])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [
        {
            "file": path,
            "line": 196,
            "column": 9,
            "end_line": 196,
            "end_column": 24,
            "severity": "warning",
            "code": "unknown-person",
            "message": '"Шкурятская М.В." is not in the people, roles or organisations registry '
            "(responsible).",
            "hint": 'Did you mean "Шкуратская М.В."? If this is another person, role or '
            "organisation, add it to people (roles, organisations).",
        }
    ]


def test_github_format_is_chosen_in_github_actions(
    runner: CliRunner, in_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    path = "projects/primorye-roadmap-2022.yaml"
    result = runner.invoke(app, ["validate", path, "--lang", "en", *AS_OF])
    assert result.stdout == (
        f"::warning file={path},line=196,col=9,endLine=196,endColumn=24,title=unknown-person::"
        '"Шкурятская М.В." is not in the people, roles or organisations registry '
        "(responsible).%0A"
        'Did you mean "Шкуратская М.В."? If this is another person, role or organisation, add it '
        "to people (roles, organisations).\n"
    )


def test_errors_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "version: 1\nproject:\n  id: p\n  title: П\ntasks:\n  - id: '1'\n    title: Т\n"
        "    due: 31.02.2023\n    result: Р\n    responsible: Роль\nroles:\n"
        "  - id: r\n    name: Роль\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(plan), "--lang", "en", *AS_OF])
    assert result.exit_code == 1
    assert result.stdout == (
        f"{plan.as_posix()}:8:10: error impossible-date The date 31.02.2023 does not exist: "
        "February 2023 has 28 days.\n"
        "    hint: Check the day and the month. A valid date looks like “28.02.2023”.\n"
    )


def test_missing_path_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path / "nope.yaml"), "--lang", "en"])
    assert result.exit_code == 2
    assert "No such file or folder" in result.stderr
    assert result.stdout == ""


def test_folder_without_plans_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path), "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr == "clusterctl: no plan files (*.yaml, *.yml) to check\n"


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["validate", "--format", "xml"], "--format: xml"),
        (["validate", "--as-of", "2022-02-30"], "bad --as-of date"),
        (["validate", "--as-of", "0001-01-02"], "bad --as-of date"),
        (["validate", "--bogus"], "No such option"),
    ],
)
def test_bad_options_exit_2(
    runner: CliRunner, in_root: Path, args: list[str], fragment: str
) -> None:
    result = runner.invoke(app, [*args, "--lang", "en"])
    assert result.exit_code == 2
    assert fragment in result.stderr


def test_ignore_option_drops_a_code(runner: CliRunner, in_root: Path) -> None:
    result = runner.invoke(
        app, ["validate", "projects/", "--ignore", "unknown-person", "--strict", *AS_OF]
    )
    assert result.stderr == "Проверено файлов: 5; ошибок: 0, предупреждений: 2.\n"
    result = runner.invoke(
        app,
        ["validate", "projects/", "--ignore", "unknown-person", "--ignore", "completeness",
         "--strict", *AS_OF],
    )
    assert result.exit_code == 0
    assert result.stdout == ""


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"clusterctl {__version__}\n"


def test_python_dash_m(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "clusterctl", "validate", str(PROJECTS), "--lang", "en",
         "--as-of", "2022-10-16"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == "Checked 5 files: 0 errors, 5 warnings.\n"
    assert "Traceback" not in done.stdout + done.stderr


@pytest.mark.parametrize("strict", [False, True])
def test_the_console_script_prints_and_exits_as_the_command_does(
    runner: CliRunner, tmp_path: Path, strict: bool
) -> None:
    """The console script (which imports only the command's module) prints and exits as the
    command run in this process does, with findings (exit 1) and without."""
    broken = tmp_path / "broken.yaml"
    broken.write_text("project: [\n", encoding="utf-8")
    args = [str(PROJECTS), *([str(broken)] if not strict else []), "--lang", "en",
            *AS_OF, "--no-cache", *(["--strict"] if strict else [])]
    inside = runner.invoke(app, ["validate", *args])
    done = subprocess.run([sys.executable, "-m", "clusterctl", "validate", *args],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == inside.exit_code == 1
    assert (done.stdout, done.stderr) == (inside.stdout, inside.stderr)
    assert done.stdout.count(": error ") == (0 if strict else 1)


def test_rules_command_lists_every_rule(runner: CliRunner) -> None:
    from clusterctl.check.rules import RULES

    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0
    for rule in RULES:
        assert f"{rule.name}: " in result.stdout
        for code in rule.codes:
            assert code in result.stdout
