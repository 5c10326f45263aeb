"""`render --format docx|xlsx|pdf`: the documents offices use, read back the way a reader would
(python-docx, openpyxl, pdftotext and pdfinfo, LibreOffice), for the seeds' plans; the Word
templates (built-in, copied, overridden, hostile) and the usage errors."""

from __future__ import annotations

import datetime
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from docx.oxml.ns import qn
from typer.testing import CliRunner

from clusterctl.cli import app
from clusterctl.documents import pdf, word_builtins
from tests.conftest import PROJECTS, ROOT, load_benchmark
from tests.office.libreoffice import convert_to_pdf, needs_libreoffice

PRIMORYE = PROJECTS / "primorye-roadmap-2022.yaml"  # seed 004
MOSCOW = PROJECTS / "moscow-uao-tech-cluster.yaml"  # seed 000
GREEN = ROOT / "tests" / "data" / "render" / "green-district.yaml"
NETWORK = ROOT / "tests" / "data" / "format11" / "network.yaml"
DATES = {PRIMORYE: "2022-10-16", MOSCOW: "2014-03-01", GREEN: "2024-11-01",
         NETWORK: "2024-11-01"}
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils (pdftotext, pdfinfo) not installed")
_NO_PDF = pdf.available()
needs_weasyprint = pytest.mark.skipif(
    _NO_PDF is not None, reason=f"WeasyPrint cannot run here ({_NO_PDF}); .ci/run installs "
    "Pango (libpango-1.0-0)")


def _render(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["render", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.exception)
    return result.exit_code, result.stdout, result.stderr


def _make(runner: CliRunner, tmp_path: Path, kind: str, plan: Path, fmt: str,
          *extra: str) -> Path:
    target = tmp_path / f"{plan.stem}.{kind}.{fmt}"
    code, out, err = _render(runner, kind, *extra, str(plan), "--as-of", DATES[plan], "-o",
                             str(target))
    assert code == 0, err
    assert out == ""
    return target


def _plan_table(document: object) -> object:
    for table in document.tables:  # type: ignore[attr-defined]
        heads = [c.text for c in table.rows[0].cells]
        if heads[:2] == ["№", "Мероприятие"]:  # the first such: the timeline comes after
            return table
    raise AssertionError("no plan table")


def _words(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------------------- Word


@pytest.mark.parametrize("plan", [PRIMORYE, MOSCOW], ids=["seed-004", "seed-000"])
def test_word_roadmap_holds_every_row(runner: CliRunner, tmp_path: Path, plan: Path) -> None:
    """Every task's and step's title, phrase, result and responsible is in the Word table;
    the header repeats on every page, no row splits, the page is A4 landscape."""
    import yaml

    from clusterctl.check import CheckOptions, check_file

    path = _make(runner, tmp_path, "roadmap", plan, "docx")
    document = Document(str(path))
    section = document.sections[-1]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    table = _plan_table(document)
    rows = table.rows  # type: ignore[attr-defined]
    assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in rows)
    text = _words(" ".join(c.text for r in rows for c in r.cells))
    result = check_file(plan, str(plan), CheckOptions(today=datetime.date.fromisoformat(
        DATES[plan])))
    assert result.index is not None
    data = yaml.safe_load(plan.read_text("utf-8"))
    stages = data.get("stages") or [{"tasks": data.get("tasks", [])}]
    for stage in stages:
        for task in stage.get("tasks", []):
            for row in (task, *task.get("steps", [])):
                for key in ("title", "due", "result"):
                    if row.get(key):
                        assert _words(str(row[key])) in text, (key, row[key])
    for name in ("Чечуркина К.К.", "Шкуратская М.В.") if plan == PRIMORYE else ():
        assert name in text
    fonts = {run.font.name for p in rows[1].cells[1].paragraphs for run in p.runs}
    assert fonts == {"Times New Roman"}


def test_word_merges_a_task_over_its_steps(runner: CliRunner, tmp_path: Path) -> None:
    """Seed 004's task 8 (three steps without titles): its number and title are one cell
    merged down over the steps' rows, as in the source table."""
    document = Document(str(_make(runner, tmp_path, "roadmap", PRIMORYE, "docx")))
    table = _plan_table(document)
    starts = [r for r in table.rows if r.cells[0].text == "8."]  # type: ignore[attr-defined]
    assert starts, "task 8"
    first = starts[0]._tr
    tc = first.findall(qn("w:tc"))[0]
    assert tc.tcPr.find(qn("w:vMerge")).get(qn("w:val")) == "restart"
    below = first.getnext()
    assert below.findall(qn("w:tc"))[0].tcPr.find(qn("w:vMerge")) is not None
    assert "Разработана и направлена в ОО анкета" in _words(
        " ".join(c.text for c in starts[0].cells))


def test_word_roadmap_with_sections_extra_columns_and_approval(runner: CliRunner,
                                                               tmp_path: Path) -> None:
    document = Document(str(_make(runner, tmp_path, "roadmap", NETWORK, "docx")))
    import yaml

    data = yaml.safe_load(NETWORK.read_text("utf-8"))
    table = _plan_table(document)
    heads = [c.text for c in table.rows[0].cells]  # type: ignore[attr-defined]
    for column in data["columns"]:
        assert column["title"] in heads
    text = " ".join(c.text for r in table.rows for c in r.cells)  # type: ignore[attr-defined]
    sections = [s for s in data["stages"] if s.get("kind") == "section"]
    assert sections and all(s["title"] in text for s in sections)
    extra = [v for s in data["stages"] for task in s.get("tasks", [])
             for v in (task.get("extra") or {}).values()]
    assert extra and all(_words(str(v)) in _words(text) for v in extra)
    green = Document(str(_make(runner, tmp_path, "roadmap", GREEN, "docx")))
    top = [p.text for p in green.paragraphs[:3]]
    assert top[:2] == ["УТВЕРЖДЕНО", "приказом отдела образования администрации "
                       "Красносельского района от 29.08.2024 № 412-р"]
    plain = Document(str(_make(runner, tmp_path, "roadmap", PRIMORYE, "docx")))
    assert "УТВЕРЖДЕНО" not in [p.text for p in plain.paragraphs]


def test_word_timeline_is_a_shaded_month_grid(runner: CliRunner, tmp_path: Path) -> None:
    document = Document(str(_make(runner, tmp_path, "roadmap", PRIMORYE, "docx")))
    grid = document.tables[-1]
    heads = [c.text for c in grid.rows[0].cells]
    assert heads[:3] == ["№", "Мероприятие", "сент. 22"] and heads[-1] == "авг. 23"
    row = next(r for r in grid.rows if r.cells[0].text == "1")  # До 26.09.2022: overdue
    fills = [c._tc.tcPr.find(qn("w:shd")) for c in row.cells[2:]]
    assert fills[0] is not None and fills[0].get(qn("w:fill")) == "F4C7C3"
    assert all(f is None for f in fills[1:])


@needs_weasyprint
def test_every_kind_in_word_and_pdf(runner: CliRunner, tmp_path: Path) -> None:
    for kind, extra in (("roadmap", ()), ("passport", ()), ("report", ()), ("note", ()),
                        ("agenda", ()), ("announcement", ("I/3",)),
                        ("press-release", ("I/1",))):
        path = _make(runner, tmp_path, kind, GREEN, "docx", *extra)
        text = " ".join(p.text for p in Document(str(path)).paragraphs)
        assert "{{" not in text and "{%" not in text, kind
        pdf = _make(runner, tmp_path, kind, GREEN, "pdf", *extra)
        assert pdf.read_bytes().startswith(b"%PDF-"), kind


@needs_weasyprint
def test_the_same_plan_gives_the_same_bytes(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for fmt in ("docx", "xlsx", "pdf"):
        a = _make(runner, tmp_path / "a", "roadmap", PRIMORYE, fmt).read_bytes()
        b = _make(runner, tmp_path / "b", "roadmap", PRIMORYE, fmt).read_bytes()
        assert a == b, fmt
    with zipfile.ZipFile(io.BytesIO((tmp_path / "a" / (
            PRIMORYE.stem + ".roadmap.docx")).read_bytes())) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2000, 1, 1, 0, 0, 0)}
    props = Document(str(tmp_path / "a" / (PRIMORYE.stem + ".roadmap.docx"))).core_properties
    assert props.created.replace(tzinfo=None) == datetime.datetime(2022, 10, 16)


def test_a_2000_task_roadmap_in_word_and_excel(runner: CliRunner, tmp_path: Path) -> None:
    """The benchmark's 2,000-task plan: every task is a row, within the render's limits."""
    bench = load_benchmark("office_bench")
    plan = tmp_path / "big.yaml"
    bench.write_plan(plan, 2000)
    DATES[plan] = "2026-10-01"
    try:
        word = Document(str(_make(runner, tmp_path, "roadmap", plan, "docx")))
        sheet = openpyxl.load_workbook(_make(runner, tmp_path, "roadmap", plan, "xlsx")).active
    finally:
        del DATES[plan]
    table = _plan_table(word)
    numbered = [r for r in table._tbl.iter(qn("w:tr"))  # type: ignore[attr-defined]
                if r.find(qn("w:tc")).xpath("string(.)").endswith(".")]
    assert len(numbered) == 2000
    assert sum(1 for r in sheet.iter_rows(values_only=True) if str(r[1]).endswith(".")) == 2000


def test_values_with_markup_stay_text(runner: CliRunner, tmp_path: Path) -> None:
    """`&`, `<` and a Jinja-looking title are a plan's words: the Word file stays valid and
    shows them as written (docxtpl without autoescape would corrupt it)."""
    text = PRIMORYE.read_text("utf-8")
    marker = "      Утверждение списков общеобразовательных"
    assert marker in text
    plan = tmp_path / "p.yaml"
    plan.write_text(text.replace(marker, "      A & B <w:p> {{ 7*7 }} Утверждение списков "
                                 "общеобразовательных", 1), encoding="utf-8")
    DATES[plan] = DATES[PRIMORYE]
    try:
        path = _make(runner, tmp_path, "roadmap", plan, "docx")
    finally:
        del DATES[plan]
    table = _plan_table(Document(str(path)))
    cell = table.rows[1].cells[1].text  # type: ignore[attr-defined]
    assert cell.startswith("A & B <w:p> {{ 7*7 }} Утверждение")


# ---------------------------------------------------------------------------- Word templates


def _user_template(folder: Path, replace: str, by: str) -> Path:
    document = Document(str(ROOT / "templates" / "roadmap.docx"))
    for paragraph in document.paragraphs:
        if paragraph.text == replace:
            for run in paragraph.runs[1:]:
                run.text = ""
            paragraph.runs[0].text = by
            break
    else:
        raise AssertionError(replace)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "roadmap.docx"
    document.save(str(path))
    return path


def test_templates_copy_and_override_a_word_template(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["templates", "copy", "roadmap", str(tmp_path / "mine"),
                                 "--format", "docx"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == f"скопировано: {tmp_path / 'mine' / 'roadmap.docx'}"
    assert sorted(p.name for p in (tmp_path / "mine").iterdir()) == ["roadmap.docx"]
    _user_template(tmp_path / "mine", "{{ doc.title }}", "МОЯ КАРТА: {{ doc.title|upper }}")
    target = tmp_path / "out.docx"
    code, _, err = _render(runner, "roadmap", str(PRIMORYE), "--as-of", "2022-10-16",
                           "--templates", str(tmp_path / "mine"), "-o", str(target))
    assert code == 0, err
    assert "МОЯ КАРТА: ДОРОЖНАЯ КАРТА" in [p.text for p in Document(str(target)).paragraphs]
    shown = runner.invoke(app, ["templates", "show", "roadmap", "-f", "docx"])
    assert "{{p roadmap_table }}" in shown.stdout.splitlines()


def test_a_word_template_next_to_the_plans_is_picked_up(runner: CliRunner,
                                                      tmp_path: Path) -> None:
    plan = tmp_path / "plans" / "p.yaml"
    plan.parent.mkdir()
    plan.write_bytes(PRIMORYE.read_bytes())
    _user_template(plan.parent / "templates", "{{ doc.title }}", "РЯДОМ С ПЛАНОМ")
    target = tmp_path / "out.docx"
    code, _, err = _render(runner, "roadmap", str(plan), "--as-of", "2022-10-16", "-o",
                           str(target))
    assert code == 0, err
    assert "РЯДОМ С ПЛАНОМ" in [p.text for p in Document(str(target)).paragraphs]


@pytest.mark.parametrize(("text", "code", "words"), [
    ("{{ cycler.__init__.__globals__ }}", "template-unsafe", "__init__"),
    ("{{ nope.x }}", "template-undefined", "'nope' is undefined"),
    ("{% if %}", "template-syntax", "в тексте шаблона: «"),
    ("{{ 'a' * 10**10 }}", "template-limit", "1 000 000"),
])
def test_hostile_or_broken_word_templates_are_located(runner: CliRunner, tmp_path: Path,
                                                      text: str, code: str, words: str) -> None:
    path = _user_template(tmp_path / "t", "{{ doc.title }}", text)
    status, out, err = _render(runner, "roadmap", str(PRIMORYE), "--as-of", "2022-10-16",
                               "--templates", str(path.parent), "-o", str(tmp_path / "x.docx"))
    assert (status, out) == (1, "")
    assert err.startswith(f"{path}: error {code} ") and words in err, err
    assert not (tmp_path / "x.docx").exists()


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("kind", ["not-a-zip", "bomb", "entities", "path"])
def test_user_word_templates_pass_the_archive_checks(runner: CliRunner, tmp_path: Path,
                                                     kind: str) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    path = folder / "roadmap.docx"
    if kind == "not-a-zip":
        path.write_bytes(b"{{ project.title }}")
    elif kind == "bomb":
        _zip(path, {"[Content_Types].xml": b"<a/>", "word/document.xml": b"0" * (300 << 20)})
    elif kind == "entities":
        _zip(path, {"[Content_Types].xml": b"<a/>", "word/document.xml": (
            b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><d>&b;</d>')})
    else:
        _zip(path, {"../../evil.xml": b"<a/>", "word/document.xml": b"<a/>"})
    status, out, err = _render(runner, "roadmap", str(PRIMORYE), "--as-of", "2022-10-16",
                               "--templates", str(folder), "-o", str(tmp_path / "x.docx"))
    assert (status, out) == (1, "")
    assert err.startswith(f"{path}: error template-error ") and err.count("\n") == 2, err


def test_the_built_in_word_templates_are_what_the_code_makes() -> None:
    """templates/*.docx are made by clusterctl.documents.word_builtins (`make templates`)."""
    for kind in word_builtins.KINDS:
        assert (ROOT / "templates" / f"{kind}.docx").read_bytes() == word_builtins.build(kind), (
            f"{kind}.docx is stale: run make templates")


# ---------------------------------------------------------------------------- Excel


def test_roadmap_and_report_as_sheets(runner: CliRunner, tmp_path: Path) -> None:
    path = _make(runner, tmp_path, "roadmap", PRIMORYE, "xlsx")
    ws = openpyxl.load_workbook(path).active
    head = int(ws.freeze_panes[1:]) - 1
    headers = [c.value for c in ws[head]]
    assert headers[:6] == ["Этап (раздел)", "№", "Мероприятие", "Срок", "Дата срока",
                           "Результат"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=head + 1) if r[2].value]
    first = next(r for r in rows if r[1] == "1.")
    assert first[3] == "До 26.09.2022" and first[4] == datetime.datetime(2022, 9, 26)
    assert ws.auto_filter.ref.startswith(f"A{head}:")
    rules = [rule.formula for rng in ws.conditional_formatting for rule in rng.rules]
    assert rules == [[f'AND(ISNUMBER($E{head + 1}),$E{head + 1}<$B$2,'
                      f'$H{head + 1}<>"выполнено",$H{head + 1}<>"отменено")']]
    report = openpyxl.load_workbook(_make(runner, tmp_path, "report", GREEN, "xlsx"))
    assert report.sheetnames == ["Мероприятия", "Результаты", "Трудности", "Перспективы",
                                 "Поощрения", "Просроченное"]
    events = report["Мероприятия"]
    held = [r for r in events.iter_rows(values_only=True)
            if r[1] == "Районный экологический фестиваль «Зелёная волна»"]
    assert held and held[0][2] == datetime.datetime(2024, 10, 18) and held[0][3] == 164


# ---------------------------------------------------------------------------- PDF


@needs_poppler
@needs_weasyprint
def test_pdf_roadmap_every_row_a4_header_on_every_page(runner: CliRunner,
                                                       tmp_path: Path) -> None:
    path = _make(runner, tmp_path, "roadmap", PRIMORYE, "pdf")
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    assert "Page size:       841.89 x 595.2" in info and "(A4)" in info
    pages = int(next(line.split()[-1] for line in info.splitlines()
                     if line.startswith("Pages:")))
    assert pages >= 3
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout  # (reading order: a cell's lines together)
    flat = _words(text)
    import yaml

    data = yaml.safe_load(PRIMORYE.read_text("utf-8"))
    rows = [row for task in data["tasks"] for row in (task, *task.get("steps", []))]
    def packed(text: str) -> str:
        # spaces and hyphens out: names print in the registry's spelling («И.Е.»), words
        # are hyphenated (U+2010 at the end of a line), and pdftotext takes a «-» at the end
        # of a line for a hyphenation and drops it
        return text.replace(" ", "").replace("-", "").replace("\u2010", "")

    inside = packed(flat)
    for row in rows:  # every row's deadline and responsible (the table's own lines)
        if row.get("due"):
            assert packed(str(row["due"])) in inside, row["due"]
        for name in ([row["responsible"]] if isinstance(row.get("responsible"), str)
                     else row.get("responsible") or []):
            assert packed(name) in inside, name
    by_page = text.split("\f")
    assert all(f"стр. {n} из {pages}" in by_page[n - 1] for n in range(1, pages + 1))
    # the table's header is repeated on each of its pages (WeasyPrint can drop a <thead>)
    table_pages = [p for p in by_page if "До " in p]  # the pages with the plan's rows
    assert len(table_pages) >= 3
    assert all("Мероприятие" in p and "Ответственные" in p for p in table_pages)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts)  # embedded


@needs_poppler
@needs_weasyprint
def test_pdfa_for_archiving(runner: CliRunner, tmp_path: Path) -> None:
    path = _make(runner, tmp_path, "passport", GREEN, "pdf", "--pdfa")
    meta = subprocess.run(["pdfinfo", "-meta", str(path)], capture_output=True, text=True,
                          check=True).stdout
    assert 'pdfaid:part="3" pdfaid:conformance="B"' in meta
    assert "<xmp:CreateDate>2024-11-01</xmp:CreateDate>" in meta
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    assert "Page size:       595.2" in info  # a passport is A4 portrait


@needs_weasyprint
def test_pdf_never_fetches_a_url(runner: CliRunner, tmp_path: Path) -> None:
    template = tmp_path / "x.html.j2"
    template.write_text('<html><body><img src="file:///etc/hostname">'
                        '<link rel="stylesheet" href="http://127.0.0.1:9/x.css">'
                        "<p>{{ project.title }}</p></body></html>", encoding="utf-8")
    target = tmp_path / "x.pdf"
    code, _, err = _render(runner, "--template", str(template), str(PRIMORYE), "--as-of",
                           "2022-10-16", "-o", str(target))
    assert code == 0, err
    assert target.read_bytes().startswith(b"%PDF-")


# ---------------------------------------------------------------------------- usage


@pytest.mark.parametrize(("args", "message"), [
    (["passport", "-f", "xlsx", "-o", "x.xlsx"], "в Excel (xlsx) выводятся только "
     "документы-таблицы: roadmap, report (а не passport)."),
    (["roadmap", "-f", "pdf"], "--format pdf: укажите файл или папку"),
    (["roadmap", "-f", "docx"], "--format docx: укажите файл или папку"),
])
def test_office_format_usage_errors(runner: CliRunner, tmp_path: Path, args: list[str],
                                    message: str) -> None:
    code, out, err = _render(runner, *args, str(PRIMORYE), "--as-of", "2022-10-16")
    assert (code, out) == (2, "")
    assert err.startswith("clusterctl: " + message), err


def test_a_missing_pdf_extra_is_named(runner: CliRunner, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "available", lambda: "No module named 'weasyprint'")
    code, out, err = _render(runner, "roadmap", str(PRIMORYE), "-o", str(tmp_path / "x.pdf"))
    assert (code, out) == (2, "")
    assert "pip install 'clusterctl[pdf]'" in err and "No module named 'weasyprint'" in err


@needs_libreoffice
def test_libreoffice_converts_every_word_and_excel_document(runner: CliRunner,
                                                            tmp_path: Path) -> None:
    files = [_make(runner, tmp_path, kind, GREEN, "docx", *extra)
             for kind, extra in (("roadmap", ()), ("passport", ()), ("report", ()),
                                 ("note", ()), ("agenda", ()), ("announcement", ("I/3",)),
                                 ("press-release", ("I/1",)))]
    files += [_make(runner, tmp_path, "roadmap", plan, "docx") for plan in (PRIMORYE, MOSCOW)]
    files += [_make(runner, tmp_path, kind, GREEN, "xlsx") for kind in ("roadmap", "report")]
    for converted in convert_to_pdf(files, tmp_path):
        assert converted.read_bytes().startswith(b"%PDF")
