"""The HTML roadmaps in a real browser: headless Chromium loads each seed's roadmap, its DOM
holds every task and step, and a screenshot of the page is not blank.

Chromium is the Debian package `chromium` (`.ci/run` installs it when missing); without it
these tests are skipped. `UPDATE_SCREENSHOTS=1 .venv/bin/pytest tests/test_browser.py`
refreshes the README's screenshots in docs/img/.
"""

from __future__ import annotations

import contextlib
import datetime
import html
import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clusterctl.check import CheckOptions, check_file
from clusterctl.cli import app
from clusterctl.documents.context.kinds import build_context
from clusterctl.queries import build_digest
from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium not installed; .ci/run installs it"
)

ROADMAPS = {
    "primorye-roadmap-2022": ("projects/primorye-roadmap-2022.yaml", "2022-10-16"),
    "moscow-uao-tech-cluster": ("projects/moscow-uao-tech-cluster.yaml", "2014-03-01"),
    "yaroslavl-network-passport": ("projects/yaroslavl-network-passport.yaml", "2014-10-01"),
    "mari-el-engineering-cluster": ("projects/mari-el-engineering-cluster.yaml", "2025-03-01"),
    "krasnoselsky-upbringing-programme": (
        "projects/krasnoselsky-upbringing-programme.yaml", "2024-11-15"),
    "green-district": ("tests/data/render/green-district.yaml", "2024-11-01"),
}
SCREENSHOTS = {
    "primorye-roadmap-2022": "roadmap-primorye.png",
    "moscow-uao-tech-cluster": "roadmap-moscow.png",
}
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars",
]
WIDTH, HEIGHT = 1600, 1000


class Run:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.pages: dict[str, Path] = {}
        self.doms: dict[str, str] = {}
        self.shots: dict[str, Path] = {}
        self.pdf = folder / "none.pdf"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """Render every roadmap, then load each in Chromium (all at once, one process per page):
    one run dumps the DOM and takes the screenshot."""
    assert CHROMIUM is not None
    state = Run(tmp_path_factory.mktemp("browser"))
    runner = CliRunner()
    with contextlib.chdir(ROOT):
        for project, (path, as_of) in ROADMAPS.items():
            page = state.folder / f"{project}.html"
            result = runner.invoke(app, ["render", "roadmap", path, "--as-of", as_of,
                                         "-o", str(page)])
            assert result.exit_code == 0, result.stderr
            state.pages[project] = page
    jobs: dict[str, subprocess.Popen[bytes]] = {}
    for project, page in state.pages.items():
        shot = state.shots[project] = state.folder / f"{project}.png"
        jobs[project] = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={state.folder / ('profile-' + project)}",
             f"--window-size={WIDTH},{HEIGHT}", f"--screenshot={shot}", "--dump-dom",
             page.as_uri()],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )
    state.pdf = state.folder / "primorye-roadmap-2022.pdf"
    printing = subprocess.Popen(
        [CHROMIUM, *FLAGS, f"--user-data-dir={state.folder / 'profile-print'}",
         "--no-pdf-header-footer", f"--print-to-pdf={state.pdf}",
         state.pages["primorye-roadmap-2022"].as_uri()],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    for project, job in jobs.items():
        out, _ = job.communicate(timeout=120)
        state.doms[project] = out.decode("utf-8")
    printing.wait(timeout=120)
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        target = ROOT / "docs" / "img"
        target.mkdir(parents=True, exist_ok=True)
        for project, name in SCREENSHOTS.items():
            shutil.copyfile(state.shots[project], target / name)
    return state


def _text(dom: str) -> str:
    """The page's text: tags dropped, entities decoded, runs of spaces folded."""
    dom = re.sub(r"<(script|style)\b.*?</\1>", " ", dom, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", dom)).split())


def _rows(project: str) -> list[tuple[str, str]]:
    """(number, text) of every task and step of a plan, as the table shows them."""
    path, as_of = ROADMAPS[project]
    today = datetime.date.fromisoformat(as_of)
    result = check_file(ROOT / path, path, CheckOptions(today=today))
    assert result.index is not None
    ctx = build_context(result.index, build_digest(result.index), today)
    return [(item.number, item.heading or item.label) for item in ctx["items"]]


@pytest.mark.parametrize("project", list(ROADMAPS))
def test_the_dom_holds_every_task_and_step(run: Run, project: str) -> None:
    dom = run.doms[project]
    assert re.match(r"(<!DOCTYPE html>\s*)?<html", dom.lstrip()), dom[:200]
    text = _text(dom)
    rows = _rows(project)
    for number, words in rows:
        assert " ".join(words.split()) in text, (project, number, words)
        assert number in text, (project, number)
    assert ("<tr " in dom) == bool(rows)
    charts = dom.count('<svg class="gantt"')
    if project == "krasnoselsky-upbringing-programme":
        assert charts == 0 and "временную шкалу построить не из чего" in text
    else:
        assert charts >= 1
    if project == "primorye-roadmap-2022":
        assert dom.count('class="bar overdue"') + dom.count('class="milestone overdue"') == 9
        assert 'class="today"' in dom


def test_the_roadmap_prints_on_a4_landscape(run: Run) -> None:
    data = run.pdf.read_bytes()
    boxes = re.findall(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert len(boxes) >= 2  # the timeline on its own page, then the table
    for width, height in boxes:
        assert (round(float(width)), round(float(height))) == (842, 595)  # A4 landscape, pt


def _png_colours(path: Path, rows: int = 250) -> tuple[int, int, int]:
    """(width, height, distinct colours in the first `rows` rows) of an 8-bit RGB(A) PNG,
    decoded with the standard library."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    width = height = 0
    channels = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompressobj().decompress(idat, (1 + width * channels) * rows)
    stride = width * channels
    previous = bytearray(stride)
    colours: set[bytes] = set()
    for y in range(min(rows, height)):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                corner = previous[i - channels] if i >= channels else 0
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                best = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + best) & 0xFF
        colours.update(bytes(line[i:i + channels]) for i in range(0, stride, channels * 7))
        previous = line
    return width, height, len(colours)


@pytest.mark.parametrize("project", list(ROADMAPS))
def test_the_screenshot_is_not_blank(run: Run, project: str) -> None:
    width, height, colours = _png_colours(run.shots[project])
    assert (width, height) == (WIDTH, HEIGHT)
    assert colours > 100, f"{project}: only {colours} colours: the page looks blank"


def _png(width: int, height: int, pixel: bytes) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body))

    rows = b"".join(b"\x00" + pixel * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                                 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def test_a_blank_page_is_caught(tmp_path: Path) -> None:
    """The blank check itself: a one-colour image has one colour."""
    blank = tmp_path / "blank.png"
    blank.write_bytes(_png(WIDTH, HEIGHT, b"\xff\xff\xff"))
    assert _png_colours(blank) == (WIDTH, HEIGHT, 1)


def test_the_readme_screenshots_are_committed() -> None:
    for name in SCREENSHOTS.values():
        path = ROOT / "docs" / "img" / name
        assert path.is_file(), f"{path} missing: run UPDATE_SCREENSHOTS=1 pytest tests/test_browser.py"
        width, height, colours = _png_colours(path)
        assert (width, height) == (WIDTH, HEIGHT) and colours > 100
