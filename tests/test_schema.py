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
from clusterctl.schema import schema_text
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
