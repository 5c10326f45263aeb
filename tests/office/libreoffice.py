"""LibreOffice as an outside reader of the files clusterctl writes: every .docx and .xlsx
must convert to PDF without error (Debian's libreoffice-writer-nogui and
libreoffice-calc-nogui; `.ci/run` installs them, the tests skip with this reason without)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice is not installed (.ci/run installs libreoffice-writer-nogui and "
    "libreoffice-calc-nogui)")


def convert_to_pdf(files: Sequence[Path], work: Path) -> list[Path]:
    """Each file converted to PDF by LibreOffice (one run, a private profile); the PDFs."""
    out = work / "converted"
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out), *map(str, files)],
        capture_output=True, timeout=300, check=False)
    pdfs = [out / (f.stem + ".pdf") for f in files]
    missing = [p.name for p in pdfs if not p.is_file() or p.stat().st_size == 0]
    assert done.returncode == 0 and not missing, (done.returncode, missing, done.stderr[-2000:])
    return pdfs
