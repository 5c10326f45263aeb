"""The wheel ships the built-in templates and the schema (force-included from the top level)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT


def test_wheel_contains_templates_and_schema(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path),
         str(ROOT)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    wheels = list(tmp_path.glob("clusterctl-*.whl"))
    assert len(wheels) == 1
    names = set(zipfile.ZipFile(wheels[0]).namelist())
    assert "clusterctl/_schema/plan.schema.json" in names
    templates = sorted(ROOT.glob("templates/**/*.j2"))
    assert templates, "no built-in templates in templates/"
    for template in templates:
        relative = template.relative_to(ROOT / "templates").as_posix()
        assert f"clusterctl/_templates/{relative}" in names
    assert "clusterctl/cli/__init__.py" in names
    scaffold = [f for f in (ROOT / "clusterctl" / "scaffold" / "files").rglob("*")
                if f.is_file()]
    assert len(scaffold) >= 9  # `clusterctl init`'s files, the hidden ones too
    for file in scaffold:
        assert file.relative_to(ROOT).as_posix() in names, file
    assert any(name.endswith("entry_points.txt") for name in names)
