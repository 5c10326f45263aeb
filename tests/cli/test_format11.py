"""Format 1.1 end to end, through the command line: sections, a planned start, extra columns,
organisations and qualified responsibles, recurring deadlines as occurrences
(tests/data/format11/network.yaml)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clusterctl.cli import app
from tests.conftest import DATA

PLAN = DATA / "format11" / "network.yaml"


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_the_plan_validates_with_no_finding(runner: CliRunner) -> None:
    code, out, err = run(runner, "validate", str(PLAN), "--as-of", "2022-10-16", "--strict")
    assert (code, out) == (0, ""), out + err


def test_a_1_0_plan_stays_valid_and_version_1_1_is_accepted(runner: CliRunner,
                                                           tmp_path: Path) -> None:
    for version in ("1", "1.1", "1.0"):
        plan = tmp_path / f"v{version}.yaml"
        plan.write_text(f"version: {version}\nproject:\n  id: p\n  title: P\n",
                        encoding="utf-8")
        assert run(runner, "validate", str(plan), "--as-of", "2022-10-16")[0] == 0, version
    plan = tmp_path / "v2.yaml"
    plan.write_text("version: 2\nproject:\n  id: p\n  title: P\n", encoding="utf-8")
    code, out, _ = run(runner, "validate", str(plan), "--as-of", "2022-10-16")
    assert code == 1 and "version" in out


def test_the_roadmap_shows_sections_extra_columns_and_qualifiers(runner: CliRunner) -> None:
    code, out, err = run(runner, "render", "roadmap", str(PLAN), "--as-of", "2022-10-16")
    assert code == 0, err
    assert "Организационное обеспечение" in out and "Этап 1" not in out
    assert "1. Организационное обеспечение" in out
    assert "Объём финансирования, тыс. руб." in out and "Контрольный показатель" in out
    assert "120,5" in out and "Справка по итогам квартала" in out
    assert "Министерство образования Республики Мордовия (по согласованию)" in out
    assert "Куратор Калачева Е. А." in out
    assert "Заместитель директора по УВР Н.Н.Лобанова" in out
    assert "2.1.1" not in out and "2.1.2" not in out  # steps without ids: no invented numbers


def test_the_html_roadmap_too(runner: CliRunner) -> None:
    code, out, err = run(runner, "render", "roadmap", str(PLAN), "--as-of", "2022-10-16",
                         "-f", "html")
    assert code == 0, err
    assert "Организационное обеспечение" in out and "Контрольный показатель" in out
    assert "gantt" in out


def test_upcoming_lists_the_planned_start(runner: CliRunner) -> None:
    code, out, err = run(runner, "upcoming", str(PLAN), "--as-of", "2023-05-10", "-f", "json")
    assert code == 0, err
    items = json.loads(out)["items"]
    starts = [i for i in items if i["kind"] == "start"]
    assert [(i["id"], i["due"]) for i in starts] == [("2.1", "2023-05-15"), ("2.1.2", "2023-05-21")]
    code, out, _ = run(runner, "upcoming", str(PLAN), "--as-of", "2023-05-10")
    assert "начало" in out


def test_a_range_deadline_starts_on_its_first_day(runner: CliRunner) -> None:
    code, out, _ = run(runner, "upcoming", str(PLAN), "--as-of", "2023-05-19", "--within", "3d",
                       "-f", "json")
    assert code == 0
    items = json.loads(out)["items"]
    assert any(i["kind"] == "start" and i["due"] == "2023-05-21" for i in items), items


def test_overdue_lists_the_missed_occurrence(runner: CliRunner) -> None:
    code, out, err = run(runner, "overdue", str(PLAN), "--as-of", "2023-05-15", "-f", "json")
    assert code == 0, err
    items = json.loads(out)["items"]
    assert [(i["id"], i["due"], i["days_overdue"]) for i in items] == [("1.2", "2023-03-31", 45)]
    code, out, _ = run(runner, "overdue", str(PLAN), "--as-of", "2023-05-15")
    assert "31.03.2023" in out


def test_the_calendar_holds_the_quarterly_occurrences(runner: CliRunner) -> None:
    code, out, err = run(runner, "export", "ics", str(PLAN), "--as-of", "2022-10-16",
                         "--no-reminders")
    assert code == 0, err
    for day in ("20220930", "20221231", "20230331", "20230630"):
        assert f"DTSTART;VALUE=DATE:{day}" in out, day
    uids = [line for line in out.splitlines() if line.startswith("UID:")]
    assert len(uids) == len(set(uids))


def test_status_counts_the_occurrences(runner: CliRunner) -> None:
    code, out, err = run(runner, "status", str(PLAN), "--as-of", "2023-05-15", "-f", "json")
    assert code == 0, err
    project = json.loads(out)["projects"][0]["project"]
    # 1.1 done; 1.2: four occurrences, two done, one overdue; 2.1 with its steps
    assert project["total"] == 6
    assert project["overdue"] == 1


def test_done_marks_an_occurrence(runner: CliRunner, tmp_path: Path) -> None:
    plan = tmp_path / "network.yaml"
    shutil.copy(PLAN, plan)
    code, out, err = run(runner, "done", str(plan), "1.2", "--on", "05.04.2023",
                         "--as-of", "2023-04-05")
    assert code == 0, err
    assert "31.03.2023" in out
    text = plan.read_text(encoding="utf-8")
    assert "done_occurrences: [2022-09-30, 2022-12-31, 2023-03-31]" in text
    code, out, _ = run(runner, "overdue", str(plan), "--as-of", "2023-05-15", "-f", "json")
    assert json.loads(out)["items"] == []


@pytest.mark.parametrize("who", ["ИПК", "Калачева", "Минобр РМ", "лобанова"])
def test_who_finds_people_and_organisations_by_any_word(runner: CliRunner, who: str) -> None:
    code, out, err = run(runner, "who", who, str(PLAN), "--as-of", "2023-05-10", "-f", "json")
    assert code == 0, err
    assert json.loads(out)["people"]


def test_an_unknown_name_lists_the_closest(runner: CliRunner) -> None:
    code, _, err = run(runner, "who", "Колачева", str(PLAN), "--as-of", "2023-05-10")
    assert code == 2 and "Калачева" in err


def test_an_extra_key_no_column_declares(runner: CliRunner, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN.read_text(encoding="utf-8").replace(
        "          indicator: Приказ издан", "          indicatr: Приказ издан"),
        encoding="utf-8")
    code, out, _ = run(runner, "validate", str(plan), "--as-of", "2022-10-16")
    assert code == 1
    assert "unknown-column" in out and "indicator" in out


def test_a_start_after_the_due(runner: CliRunner, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN.read_text(encoding="utf-8").replace(
        "start: 15.05.2023", "start: 15.06.2023"), encoding="utf-8")
    code, out, _ = run(runner, "validate", str(plan), "--as-of", "2022-10-16")
    assert code == 1 and "start-after-due" in out


def test_query_outputs_carry_the_extra_columns(runner: CliRunner) -> None:
    code, out, _ = run(runner, "overdue", str(PLAN), "--as-of", "2023-05-15", "-f", "csv")
    assert code == 0
    header, row = out.splitlines()[:2]
    assert header.endswith(",extra.financing,extra.indicator")
    assert row.endswith(",,Справка по итогам квартала")
    code, out, _ = run(runner, "upcoming", str(PLAN), "--as-of", "2023-05-10", "-f", "json")
    first = next(i for i in json.loads(out)["items"] if i["id"] == "2.1")
    assert first["extra"] == {"financing": "120,5", "indicator": ""}


def test_russian_dates_everywhere(runner: CliRunner, tmp_path: Path) -> None:
    iso = run(runner, "overdue", str(PLAN), "--as-of", "2023-05-15", "-f", "json")
    russian = run(runner, "overdue", str(PLAN), "--as-of", "15.05.2023", "-f", "json")
    assert iso == russian
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN.read_text(encoding="utf-8").replace(
        "done_on: 2022-09-28", "done_on: 28.09.2022"), encoding="utf-8")
    assert run(runner, "validate", str(plan), "--as-of", "16.10.2022")[:2] == (0, "")


def test_done_starts_the_list_of_occurrences_and_knows_when_all_are_done(
        runner: CliRunner, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN.read_text(encoding="utf-8").replace(
        "        done_occurrences: [2022-09-30, 2022-12-31]\n", ""), encoding="utf-8")
    code, out, err = run(runner, "done", str(plan), "1.2", "--on", "2022-10-03",
                         "--as-of", "2022-10-03")
    assert code == 0, err
    assert "выполнено повторение со сроком 30.09.2022" in out
    text = plan.read_text(encoding="utf-8")
    assert "        done_occurrences: [2022-09-30]\n" in text
    for on in ("2023-01-10", "2023-04-02", "2023-07-01"):
        assert run(runner, "done", str(plan), "1.2", "--on", on, "--as-of", on)[0] == 0
    code, out, _ = run(runner, "done", str(plan), "1.2", "--as-of", "2023-07-02")
    assert code == 0 and "все повторения уже отмечены" in out
    assert "done_occurrences: [2022-09-30, 2022-12-31, 2023-03-31, 2023-06-30]" in (
        plan.read_text(encoding="utf-8"))
    assert run(runner, "validate", str(plan), "--as-of", "2023-07-02")[:2] == (0, "")


def test_a_long_range_is_its_start_and_its_end_in_the_calendar(runner: CliRunner,
                                                              tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "version: 1.1\nproject:\n  id: p\n  title: P\ntasks:\n"
        "  - id: '1'\n    title: Долгая работа\n    due: 2022-2025 гг.\n"
        "  - id: '2'\n    title: Короткая работа\n    due: 10.10.2022 - 14.10.2022\n",
        encoding="utf-8")
    code, out, _ = run(runner, "export", "ics", str(plan), "--as-of", "2022-10-01",
                       "--no-reminders")
    assert code == 0
    assert "UID:p/-/1/start@clusterctl" in out and "UID:p/-/1@clusterctl" in out
    assert "DTSTART;VALUE=DATE:20220101" in out and "DTSTART;VALUE=DATE:20251231" in out
    assert "DTSTART;VALUE=DATE:20221010" in out and "DTEND;VALUE=DATE:20221015" in out
    assert "UID:p/-/2/start@clusterctl" not in out


MONTHLY = """\
version: 1.1
project:
  id: rec
  title: Повторяющиеся сроки
  period: 01.09.2022 - 31.05.2023
tasks:
  - id: "1"
    title: Мониторинг посещаемости
    due: ежемесячно
  - id: "2"
    title: Отчёт
    due: 10.10.2022
  - id: "3"
    title: Справка по итогам четверти
    due: ежеквартально
    done_occurrences: [2022-09-30]
"""


def test_a_recurring_deadline_missed_many_times_is_one_row(runner: CliRunner,
                                                          tmp_path: Path) -> None:
    """One row per item, from its earliest missed occurrence, with every missed date (the
    table shows five at most; JSON and CSV all of them)."""
    plan = tmp_path / "rec.yaml"
    plan.write_text(MONTHLY, encoding="utf-8")
    code, out, err = run(runner, "overdue", str(plan), "--as-of", "2023-03-15", "--no-cache")
    assert code == 0, err
    assert out.splitlines()[1:4] == [
        "rec     1  Мониторинг посещаемости     ежемесячно — пропущено 6 повторений: "
        "30.09.2022, 31.10.2022, 30.11.2022, 31.12.2022 и ещё 2  30.09.2022             166",
        "rec     2  Отчёт                       10.10.2022" + " " * 83
        + "10.10.2022             156",
        "rec     3  Справка по итогам четверти  ежеквартально" + " " * 80
        + "31.12.2022              74",
    ]
    assert out.splitlines()[-1] == "Просрочено на 15.03.2023: 3 пункта."
    code, out, err = run(runner, "overdue", str(plan), "--as-of", "2023-03-15", "--no-cache",
                         "-f", "json")
    items = json.loads(out)["items"]
    assert [(i["id"], i["due"], i["days_overdue"], i["missed"]) for i in items] == [
        ("1", "2022-09-30", 166, ["2022-09-30", "2022-10-31", "2022-11-30", "2022-12-31",
                                  "2023-01-31", "2023-02-28"]),
        ("2", "2022-10-10", 156, []),
        ("3", "2022-12-31", 74, ["2022-12-31"]),
    ]
    code, out, err = run(runner, "overdue", str(plan), "--as-of", "2023-03-15", "--no-cache",
                         "-f", "csv")
    assert "2022-09-30; 2022-10-31; 2022-11-30; 2022-12-31; 2023-01-31; 2023-02-28" in out
    code, out, err = run(runner, "render", "report", str(plan), "--as-of", "2023-03-15",
                         "--no-cache")
    assert code == 0, err
    assert ("- не выполнено в срок: 1. Мониторинг посещаемости (срок «ежемесячно», просрочено "
            "на 166 дней, пропущено повторений: 6; ответственный не указан);") in out
    assert "| 1 | Мониторинг посещаемости | ежемесячно |  | 166 дней, пропущено повторений: 6 |" in out
    assert "| 3 | Справка по итогам четверти | ежеквартально |  | 74 дня |" in out
    assert out.count("не выполнено в срок: 1.") == 1  # once, not once per occurrence
    # the other built-in documents say it through the same macro (`late`)
    for kind, fmt, times in (("report", "html", 2), ("note", "md", 1), ("note", "html", 1),
                             ("agenda", "md", 1), ("agenda", "html", 1)):
        code, out, err = run(runner, "render", kind, str(plan), "--as-of", "2023-03-15",
                             "--no-cache", "--format", fmt)
        assert code == 0, err
        assert out.count("166 дней, пропущено повторений: 6") == times, (kind, fmt)
        assert "74 дня, пропущено" not in out  # one missed occurrence: nothing to add
