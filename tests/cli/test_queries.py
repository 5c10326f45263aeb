"""`overdue`, `upcoming`, `status`, `who` through the CLI: goldens for every command and
format on the seed projects and the fixture plans, exit codes, filters, hints, skipped files.

Goldens live in tests/golden/queries/ (UPDATE_GOLDEN=1 rewrites them; review the diff).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from clusterctl.cli import app
from tests.conftest import assert_golden

AS_OF = ["--as-of", "2022-10-16"]
PLANS = "tests/data/queries/plans"
FORMATS = ["table", "json", "csv", "md"]
SUFFIX = {"table": "txt", "json": "json", "csv": "csv", "md": "md"}

COMMANDS = {
    "overdue": ["overdue"],
    "upcoming": ["upcoming", "--within", "1m"],
    "status": ["status"],
    "who": ["who"],
    "meeting": ["upcoming", "--meeting"],
}


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


# ---------------------------------------------------------------------------- goldens


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("command", list(COMMANDS))
def test_golden_seed_projects(runner: CliRunner, in_root: Path, command: str, fmt: str) -> None:
    code, out, err = run(runner, *COMMANDS[command], "projects/", *AS_OF, "-f", fmt)
    assert (code, err) == (0, "")
    assert_golden(f"queries/projects-{command}.{SUFFIX[fmt]}", out)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("command", list(COMMANDS))
def test_golden_fixture_plans(runner: CliRunner, in_root: Path, command: str, fmt: str) -> None:
    code, out, err = run(runner, *COMMANDS[command], PLANS, *AS_OF, "-f", fmt)
    assert (code, err) == (0, "")
    assert_golden(f"queries/fixtures-{command}.{SUFFIX[fmt]}", out)


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("fixtures-overdue-en.txt", ["overdue", PLANS, "--lang", "en"]),
        ("fixtures-upcoming-en.txt", ["upcoming", PLANS, "--lang", "en"]),
        ("fixtures-status-en.txt", ["status", PLANS, "--lang", "en"]),
        ("fixtures-who-en.txt", ["who", PLANS, "--lang", "en"]),
        ("fixtures-meeting-en.txt", ["upcoming", "--meeting", PLANS, "--lang", "en"]),
        ("fixtures-who-makarova.txt", ["who", "Макарова", PLANS]),
        ("fixtures-who-makarova.json", ["who", "Макарова", PLANS, "-f", "json"]),
        ("fixtures-who-makarova.csv", ["who", "Макарова", PLANS, "-f", "csv"]),
        ("projects-who-chechurkina.md", ["who", "Чечуркина К.К.", "-f", "md"]),
        ("projects-upcoming-14d.txt", ["upcoming"]),
    ],
)
def test_golden_more(runner: CliRunner, in_root: Path, name: str, args: list[str]) -> None:
    code, out, err = run(runner, *args, *AS_OF)
    assert (code, err) == (0, "")
    assert_golden(f"queries/{name}", out)


# ---------------------------------------------------------------------------- acceptance


def test_seed_004_item_1_is_20_days_overdue(runner: CliRunner, in_root: Path) -> None:
    code, out, _ = run(runner, "overdue", "projects/primorye-roadmap-2022.yaml", *AS_OF,
                       "-f", "json")
    assert code == 0
    items = json.loads(out)["items"]
    first = items[0]
    assert (first["id"], first["due"], first["due_phrase"], first["days_overdue"]) == (
        "1", "2022-09-26", "До 26.09.2022", 20,
    )
    assert [i["id"] for i in items if i["task_id"] == "6"] == ["6.1"]
    assert "Постоянно в течение года" not in out


def test_seed_000_as_of_2014_03_01(runner: CliRunner, in_root: Path) -> None:
    code, out, err = run(runner, "overdue", "projects/moscow-uao-tech-cluster.yaml",
                         "--as-of", "2014-03-01")
    assert (code, err) == (0, "")
    assert out == (
        "Проект                   №    Мероприятие                                                   "
        "Срок в плане         Дата        Просрочка, дн.  Ответственные  Этап/кластер\n"
        "moscow-uao-tech-cluster  1.1  Проведение конференции с целью консолидации и интеграции, о…  "
        "Январь-февраль 2014  28.02.2014               1                 I\n"
        "\n"
        "Просрочено на 01.03.2014: 1 пункт.\n"
    )


# ---------------------------------------------------------------------------- exit codes


def test_fail_turns_overdue_into_exit_1(runner: CliRunner, in_root: Path) -> None:
    moscow = "projects/moscow-uao-tech-cluster.yaml"
    assert run(runner, "overdue", moscow, "--as-of", "2014-03-01", "--fail")[0] == 1
    assert run(runner, "overdue", moscow, "--as-of", "2014-03-01")[0] == 0
    code, out, _ = run(runner, "overdue", moscow, "--as-of", "2014-02-28", "--fail")
    assert (code, out) == (0, "Просроченных пунктов на 28.02.2014 нет.\n")
    result = runner.invoke(app, ["overdue", moscow, "--as-of", "2014-02-28", "--fail", "-f",
                                 "csv"])
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"project,id,kind,title,due_phrase,due,days_overdue,")
    assert result.stdout_bytes.count(b"\r\n") == 1  # RFC 4180 lines; the header only


def test_skipped_files_are_reported_and_the_rest_answered(runner: CliRunner, in_root: Path
                                                          ) -> None:
    code, out, err = run(runner, "overdue", "tests/data/queries", *AS_OF)
    assert code == 1
    assert err == (
        "tests/data/queries/broken/broken.yaml:9:10: error impossible-date Дата 31.02.2023 не "
        "существует: в феврале 2023 года 28 дней.\n"
        "    подсказка: Проверьте число и месяц. Пример правильной даты: «28.02.2023».\n"
        "Пропущены файлы с ошибками: tests/data/queries/broken/broken.yaml\n"
    )
    assert out.endswith("Просрочено на 16.10.2022: 3 пункта.\n")
    for command in (["upcoming"], ["status"], ["who"], ["upcoming", "--meeting"]):
        code, out, err = run(runner, *command, "tests/data/queries", *AS_OF, "--lang", "en")
        assert code == 1, command
        assert err.endswith("Skipped files with errors: tests/data/queries/broken/broken.yaml\n")
        assert out.strip(), command
    only_broken = run(runner, "status", "tests/data/queries/broken", *AS_OF)
    assert only_broken[:2] == (1, "Нет проектов.\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["overdue", "-f", "xml"], "clusterctl: --format: xml (table, json, csv, md, xlsx)\n"),
        (["upcoming", "--within", "two weeks"],
         "clusterctl: --within 'two weeks': нужно число и единица: 14d, 2w, 1m (или 14д, 2н, "
         "1м)\n"),
        (["status", "--as-of", "16/10/2022"],
         "clusterctl: неверная дата --as-of '16/10/2022': нужна ГГГГ-ММ-ДД или ДД.ММ.ГГГГ "
         "(годы 1900–2199)\n"),
        (["upcoming", "--as-of", "9999-12-31"],
         "clusterctl: неверная дата --as-of '9999-12-31': нужна ГГГГ-ММ-ДД или ДД.ММ.ГГГГ "
         "(годы 1900–2199)\n"),
        (["overdue", "nowhere/"], "clusterctl: Путь не найден: nowhere/\n"),
    ],
)
def test_usage_errors_exit_2(runner: CliRunner, in_root: Path, args: list[str], message: str
                             ) -> None:
    code, out, err = run(runner, *args)
    assert (code, out, err) == (2, "", message)


# ---------------------------------------------------------------------------- filters and hints


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["overdue", "-r", "Шкуратскя"],
         "clusterctl: --responsible: ответственного «Шкуратскя» нет в планах. Возможно, "
         "имелось в виду «Шкуратская М.В.» или «Шкурятская М.В.».\n"),
        (["who", "Чечуркин"],
         "clusterctl: ответственного «Чечуркин» нет в планах. Возможно, имелось в виду "
         "«Чечуркина К.К.».\n"),
        (["status", "--project", "primorye"],
         "clusterctl: --project: проекта «primorye» нет в планах. Возможно, имелось в виду "
         "«primorye-roadmap-2022». Есть: "
         "krasnoselsky-upbringing-programme, mari-el-engineering-cluster, "
         "moscow-uao-tech-cluster, primorye-roadmap-2022, yaroslavl-network-passport.\n"),
        (["upcoming", "--stage", "IV"],
         "clusterctl: --stage: этапа «IV» нет в планах. Возможно, имелось в виду «I» или «II». "
         "Есть: 1, 2, 3, I, II, III.\n"),
        (["overdue", "--cluster", "civik"],
         "clusterctl: --cluster: кластера «civik» нет в планах. Возможно, имелось в виду "
         "«civic». Есть: civic, spiritual, prevention, healthy-lifestyle, ecology, labour, "
         "cognitive, parents.\n"),
        (["overdue", "--status", "late"],
         "clusterctl: --status: статуса «late» нет; допустимые: planned, in_progress, done, "
         "cancelled, open.\n"),
    ],
)
def test_unknown_filter_values_are_usage_errors_with_hints(
    runner: CliRunner, in_root: Path, args: list[str], message: str
) -> None:
    code, out, err = run(runner, *args, *AS_OF)
    assert (code, out, err) == (2, "", message)


def test_unknown_name_in_english(runner: CliRunner, in_root: Path) -> None:
    code, _, err = run(runner, "overdue", "-r", "Trifonov", *AS_OF, "--lang", "en")
    assert (code, err) == (2, "clusterctl: --responsible: no responsible \"Trifonov\" in the "
                              "plans.\n")
    code, _, err = run(runner, "who", "Трифонов", *AS_OF, "--lang", "en")
    assert (code, err) == (2, "clusterctl: no responsible \"Трифонов\" in the plans. Did you "
                              "mean \"Трифонова О.А.\", \"Трифорова О.А.\" or \"Тихонов Н.И.\"?\n")
    assert run(runner, "overdue", "-r", "trifonova", *AS_OF)[0] == 0  # the person's id


def test_filters_combine_through_the_cli(runner: CliRunner, in_root: Path) -> None:
    code, out, _ = run(runner, "overdue", *AS_OF, "-f", "csv", "-r", "Чечуркина К. К.",
                       "-p", "primorye-roadmap-2022", "--status", "planned")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["id"], r["days_overdue"]) for r in rows] == [
        ("1", "20"), ("8.1", "9"), ("9.1", "6"), ("6.1", "1"),
    ]
    assert rows[3]["responsible"] == (
        "Руководители ОО; Моргунова И.Е.; Чечуркина К.К.; Мельникова Т.В."
    )
    code, out, _ = run(runner, "overdue", *AS_OF, "-f", "json", "--stage", "II",
                       "--as-of", "2015-01-01")
    assert code == 0
    items = json.loads(out)["items"]
    assert [(i["project"], i["stage"], i["id"]) for i in items] == [
        ("moscow-uao-tech-cluster", "II", "1.1"), ("moscow-uao-tech-cluster", "II", "1.2"),
        ("moscow-uao-tech-cluster", "II", "2.1"),
    ]
    code, out, _ = run(runner, "overdue", PLANS, *AS_OF, "-f", "json", "--cluster",
                       "Духовно-нравственное воспитание", "--status", "open")
    assert [i["id"] for i in json.loads(out)["items"]] == ["6.2"]


def test_who_reads_a_path_given_first(runner: CliRunner, in_root: Path) -> None:
    by_path = run(runner, "who", PLANS, *AS_OF, "-f", "csv")
    assert by_path[0] == 0 and by_path[1].startswith("name,kind,open,overdue,due_soon,")
    with_name = run(runner, "who", "Орлова", PLANS, *AS_OF, "-f", "json")
    data = json.loads(with_name[1])
    assert [p["name"] for p in data["people"]] == ["Орлова Анна Петровна"]
    assert [(i["id"], i["days_left"]) for i in data["items"]] == [("4", -16), ("3", 122)]


def test_upcoming_default_window_and_no_reminders(runner: CliRunner, in_root: Path) -> None:
    code, out, _ = run(runner, "upcoming", PLANS, *AS_OF, "--no-reminders", "-f", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["due"], r["kind"], r["id"]) for r in rows] == [
        ("2022-10-20", "task", "2"), ("2022-10-24", "start", "6.3"), ("2022-10-25", "task", "1"),
        ("2022-10-28", "event", "3"), ("2022-10-28", "step", "6.3"),
    ]
    code, out, _ = run(runner, "upcoming", PLANS, "--as-of", "2022-11-02", "--within", "2д")
    assert (code, out) == (0, "С 02.11.2022 по 03.11.2022 сроков и напоминаний нет.\n")


# ---------------------------------------------------------------------------- rendering


# ---------------------------------------------------------------------------- docs


def test_every_query_option_is_documented() -> None:
    import typer

    from tests.conftest import ROOT

    docs = (ROOT / "docs" / "queries.md").read_text(encoding="utf-8")
    russian = (ROOT / "docs" / "ru" / "queries.md").read_text(encoding="utf-8")
    root: Any = typer.main.get_command(app)
    export = root.commands["export"]
    commands = {name: root.commands[name] for name in ("overdue", "upcoming", "status", "who")}
    commands["export ics"] = export.commands["ics"]
    for name, command in commands.items():
        assert f"clusterctl {name}" in docs and f"clusterctl {name}" in russian, name
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert re.search(re.escape(opt) + r"(?![\w-])", docs), (name, opt)


@pytest.mark.parametrize(
    "command",
    [["overdue"], ["upcoming"], ["status"], ["who"], ["export", "ics"],
     ["render", "roadmap", "-p", "primorye-roadmap-2022"]],
)
def test_cache_options_like_validate(
    runner: CliRunner, in_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    """Every command that reads plans takes --no-cache, --cache-dir and --jobs, and answers
    the same whatever they say."""
    monkeypatch.delenv("CLUSTERCTL_CACHE_DIR")
    monkeypatch.chdir(tmp_path)  # the default cache folder would land here
    (tmp_path / "projects").symlink_to(in_root / "projects")
    plain = runner.invoke(app, [*command, *AS_OF, "--no-cache", "-j", "1"])
    assert plain.exit_code == 0, plain.output
    assert not (tmp_path / ".clusterctl_cache").exists()
    cached = runner.invoke(app, [*command, *AS_OF, "--cache-dir", "elsewhere", "--jobs", "2"])
    assert cached.exit_code == 0, cached.output
    assert cached.stdout == plain.stdout
    assert not (tmp_path / ".clusterctl_cache").exists()
    assert any((tmp_path / "elsewhere").rglob("*")), "the cache went to --cache-dir"


def test_a_person_without_a_name_is_a_located_error_not_a_crash(
    runner: CliRunner, in_root: Path
) -> None:
    """`name: ""` once reached `who`'s merge (an IndexError); it is now a structure error,
    and the file is skipped like any other file with errors."""
    code, out, err = run(runner, "who", "tests/data/invalid/76-person-without-name.yaml",
                         *AS_OF, "--no-cache")
    assert code == 1 and "Traceback" not in out + err
    assert "76-person-without-name.yaml:10:11: error invalid-value" in err
    assert out == "Ответственных нет.\n"
