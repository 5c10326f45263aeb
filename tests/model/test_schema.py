"""The published JSON Schema: in sync with the models, and it accepts every example plan
when checked by an independent validator (check-jsonschema)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clusterctl.cli import app
from clusterctl.model.schema import schema_text
from tests.conftest import PROJECTS, ROOT

COMMITTED = ROOT / "schema" / "plan.schema.json"


def test_committed_schema_is_in_sync_with_the_models() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), (
        "schema/plan.schema.json is stale: run `make schema`"
    )


def test_schema_command_prints_it(runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["required"] == ["project"]
    assert "tasks" in schema["properties"]


def test_schema_command_writes_a_file(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "plan.schema.json"
    result = runner.invoke(app, ["schema", "-o", str(target)])
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8") == schema_text()


def _check_jsonschema() -> list[str]:
    exe = Path(sys.executable).parent / "check-jsonschema"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("check-jsonschema")
    if found is None:  # pragma: no cover - the test extra installs it
        pytest.fail("check-jsonschema is not installed (pip install -e '.[test]')")
    return [found]


def test_every_example_plan_passes_an_independent_validator() -> None:
    plans = sorted(str(p) for p in PROJECTS.glob("*.yaml"))
    assert len(plans) == 5
    done = subprocess.run(
        [*_check_jsonschema(), "--schemafile", str(COMMITTED), *plans],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ok -- validation done" in done.stdout


def test_the_independent_validator_rejects_a_wrong_plan(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nproject:\n  id: x\n  titel: y\n", encoding="utf-8")
    done = subprocess.run(
        [*_check_jsonschema(), "--schemafile", str(COMMITTED), str(bad)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 1
    assert "titel" in done.stdout + done.stderr


def test_models_take_python_values_as_the_loader_gives_them_or_as_numbers() -> None:
    """Library use: numbers given from Python become text, one reference becomes a list,
    an empty id is refused, surrounding spaces go (all by pydantic's own validation)."""
    from pydantic import ValidationError

    from clusterctl.model.plan import Plan

    plan = Plan.model_validate({
        "project": {"id": "p", "title": "Проект", "participants": 252},
        "tasks": [{"id": 1.2, "title": " Семинар ", "responsible": "Иванов И.И.",
                   "participants": None, "status": "In progress"}],
    })
    task = plan.tasks[0]
    assert (task.id, task.title, task.responsible, task.participants) == (
        "1.2", "Семинар", ["Иванов И.И."], []
    )
    assert plan.project.participants == ["252"]
    assert task.status.value == "in_progress"
    with pytest.raises(ValidationError) as caught:
        Plan.model_validate({"project": {"id": "", "title": "x"}})
    assert caught.value.errors()[0]["type"] == "string_too_short"
