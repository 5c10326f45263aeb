"""`clusterctl when PHRASE`: every form of the deadline grammar, through the CLI."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from clusterctl.cli import app

SCHOOL_YEAR = "2013-09-01..2014-08-31"

CASES = [
    # phrase, period, kind, start, end, recurrence
    ("2022-09-26", None, "date", "2022-09-26", "2022-09-26", None),
    ("26.09.2022", None, "date", "2022-09-26", "2022-09-26", None),
    ("26 сентября 2022 г.", None, "date", "2022-09-26", "2022-09-26", None),
    ("До 26.09.2022", None, "before", None, "2022-09-26", None),
    ("до 26.09.2022", "2022-09-01..2023-08-31", "before", "2022-09-01", "2022-09-26", None),
    ("не позднее 01.10.2022", None, "before", None, "2022-10-01", None),
    ("10.10.2022 - 14.10.2022", None, "range", "2022-10-10", "2022-10-14", None),
    ("10.10.2022 15.10.2022", None, "range", "2022-10-10", "2022-10-15", None),
    ("15.06.2023- 20.06.2023", None, "range", "2023-06-15", "2023-06-20", None),
    ("с 10.10.2022 по 14.10.2022", None, "range", "2022-10-10", "2022-10-14", None),
    ("Январь-февраль 2014", None, "range", "2014-01-01", "2014-02-28", None),
    ("Сентябрь 2014-\nмай 2015", None, "range", "2014-09-01", "2015-05-31", None),
    ("август 2024г. – октябрь 2027 г.", None, "range", "2024-08-01", "2027-10-31", None),
    ("2009 - 2011 гг.", None, "range", "2009-01-01", "2011-12-31", None),
    ("Март 2014", None, "range", "2014-03-01", "2014-03-31", None),
    ("I квартал 2023", None, "range", "2023-01-01", "2023-03-31", None),
    ("3 кв. 2024", None, "range", "2024-07-01", "2024-09-30", None),
    ("II полугодие 2023", None, "range", "2023-07-01", "2023-12-31", None),
    ("2022-2023 учебный год", None, "range", "2022-09-01", "2023-08-31", None),
    ("2022/23 уч. год", None, "range", "2022-09-01", "2023-08-31", None),
    ("Март", SCHOOL_YEAR, "range", "2014-03-01", "2014-03-31", None),
    ("Сентябрь-декабрь", SCHOOL_YEAR, "range", "2013-09-01", "2013-12-31", None),
    ("Постоянно в течение года", None, "ongoing", None, None, None),
    ("в течение всего периода", SCHOOL_YEAR, "ongoing", "2013-09-01", "2014-08-31", None),
    ("В течение года (в соответствии с отдельными планами)", None, "ongoing", None, None,
     None),
    ("По отдельному графику", None, "unscheduled", None, None, None),
    ("по плану", None, "unscheduled", None, None, None),
    ("ежеквартально", None, "recurring", None, None, "quarterly"),
    ("1 раз в четверть", None, "recurring", None, None, "terms"),
    ("ежемесячно", None, "recurring", None, None, "monthly"),
    ("ежегодно", None, "recurring", None, None, "yearly"),
    ("2 раза в год", None, "recurring", None, None, "twice_yearly"),
]


@pytest.mark.parametrize(("phrase", "period", "kind", "start", "end", "recurrence"), CASES)
def test_when_answers_every_form(
    runner: CliRunner, phrase: str, period: str | None, kind: str, start: str | None,
    end: str | None, recurrence: str | None,
) -> None:
    args = ["when", phrase, "--format", "json"]
    if period:
        args += ["--period", period]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stdout
    assert json.loads(result.stdout) == {
        "kind": kind, "text": phrase, "start": start, "end": end, "recurrence": recurrence,
    }


def test_when_text_output(runner: CliRunner) -> None:
    result = runner.invoke(app, ["when", "Январь-февраль 2014", "--lang", "en"])
    assert result.exit_code == 0
    assert result.stdout == "kind: range\nstart: 2014-01-01\nend: 2014-02-28\n"
    result = runner.invoke(app, ["when", "ежеквартально"])
    assert result.stdout == "вид: recurring\nначало: -\nконец: -\nповтор: quarterly\n"


def test_when_period_as_a_phrase(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["when", "Январь", "--period", "2022-2023 учебный год", "--format", "json"]
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout)["start"] == "2023-01-01"


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("скоро", "not_understood"),
        ("весной", "not_understood"),
        ("31.02.2023", "impossible_date"),
        ("2023-13-01", "impossible_date"),
        ("14.10.2022 - 10.10.2022", "reversed_range"),
        ("Март", "needs_year"),
    ],
)
def test_when_refuses_to_guess(runner: CliRunner, phrase: str, code: str) -> None:
    result = runner.invoke(app, ["when", phrase, "--format", "json", "--lang", "en"])
    assert result.exit_code == 1
    answer = json.loads(result.stdout)
    assert answer["error"] == code
    assert answer["message"]
    assert answer["hint"]


def test_when_not_understood_text(runner: CliRunner) -> None:
    result = runner.invoke(app, ["when", "скоро"])
    assert result.exit_code == 1
    assert result.stdout.startswith("not_understood: Срок «скоро» не распознан.\n")
    assert "    подсказка: " in result.stdout


@pytest.mark.parametrize("period", ["2022-10-01..", "2023-01-01..2022-01-01", "когда-нибудь"])
def test_when_bad_period_is_a_usage_error(runner: CliRunner, period: str) -> None:
    result = runner.invoke(app, ["when", "Март", "--period", period, "--lang", "en"])
    assert result.exit_code == 2
    assert "--period" in result.stderr
