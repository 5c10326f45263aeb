"""`overdue`, `upcoming`, `status`, `who --format xlsx -o FILE`: read back with openpyxl (real
dates, numbers, frozen header, filter, conditional formatting of overdue rows, print set-up),
byte-identical for the same input, and opened by LibreOffice."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from clusterctl.cli import app
from tests.conftest import PROJECTS, TODAY
from tests.office.libreoffice import convert_to_pdf, needs_libreoffice

AS_OF = ["--as-of", TODAY.isoformat()]


def _run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout, result.stderr


def _header_row(ws: object) -> int:
    """The header row: the one above the frozen pane."""
    frozen = ws.freeze_panes  # type: ignore[attr-defined]
    assert frozen is not None and frozen.startswith("A")
    return int(frozen[1:]) - 1


def test_overdue_as_a_sheet(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "late.xlsx"
    code, out, err = _run(runner, "overdue", str(PROJECTS), *AS_OF, "-o", str(target))
    assert (code, out, err) == (0, "", "")
    book = openpyxl.load_workbook(target)
    ws = book.active
    assert ws.title == "Просроченное"
    assert ws["A1"].value == "Просроченное"
    assert (ws["A2"].value, ws["B2"].value) == ("На дату", datetime.datetime(2022, 10, 16))
    assert ws["B2"].number_format == "dd.mm.yyyy"
    assert (ws["A3"].value, ws["B3"].value) == ("Источник", str(PROJECTS))
    head = _header_row(ws)
    headers = [c.value for c in ws[head]]
    assert headers[:6] == ["Проект", "№", "Мероприятие", "Срок в плане", "Дата",
                           "Просрочка, дн."]
    assert ws.freeze_panes == f"A{head + 1}"
    assert ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith(f"A{head}:")
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=head + 1)
            if r[0].value and r[0].value.endswith(("cluster", "2022"))]
    primorye = [r for r in rows if r[0] == "primorye-roadmap-2022"]
    first = next(r for r in primorye if r[1] == "1")
    assert first[3] == "До 26.09.2022"
    assert first[4] == datetime.datetime(2022, 9, 26)  # a real date, not text
    assert first[5] == 20 and isinstance(first[5], int)
    assert "Чечуркина К.К." in first[6]
    # the colour logic is a formula on the row, kept when a user edits the sheet
    rules = [rule for rng in ws.conditional_formatting for rule in rng.rules]
    assert [rule.formula for rule in rules] == [[f"$F{head + 1}>0"]]
    # print set-up: A4 landscape, one page wide, the header row repeated, page numbers
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.print_title_rows == f"${head}:${head}"
    assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
    footer = [r[0].value for r in ws.iter_rows(min_row=head + 1) if r[0].value
              and str(r[0].value).startswith("Просрочено на")]
    assert len(rows) == 23 and footer == ["Просрочено на 16.10.2022: 23 пункта."]


def test_the_same_answer_gives_the_same_bytes(runner: CliRunner, tmp_path: Path) -> None:
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for target in (a, b):
        assert _run(runner, "status", str(PROJECTS), *AS_OF, "-o", str(target))[0] == 0
    assert a.read_bytes() == b.read_bytes()


def test_status_who_and_upcoming_sheets(runner: CliRunner, tmp_path: Path) -> None:
    for command, title, section in (("status", "Ход работ", "Проект"),
                                    ("upcoming", "Ближайшие сроки", "Неделя"),
                                    ("who", "Ответственные", None)):
        target = tmp_path / f"{command}.xlsx"
        assert _run(runner, command, str(PROJECTS), *AS_OF, "-o", str(target))[0] == 0
        ws = openpyxl.load_workbook(target).active
        assert ws.title == title
        head = _header_row(ws)
        first = next(c.value for c in ws[head])
        assert first == (section or "Ответственный")
    ws = openpyxl.load_workbook(tmp_path / "status.xlsx").active
    head = _header_row(ws)
    assert ws.cell(head, 10).value == "Готово"
    shares = [r[9] for r in ws.iter_rows(min_row=head + 1)
              if isinstance(r[9].value, (int, float))]
    assert shares and all(0 <= s.value <= 1 and s.number_format == "0%" for s in shares)


def test_who_one_person(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "p.xlsx"
    assert _run(runner, "who", "Чечуркина", str(PROJECTS), *AS_OF, "-o", str(target))[0] == 0
    ws = openpyxl.load_workbook(target).active
    assert ws["A4"].value.startswith("Чечуркина К.К.")  # who the person is, above the table
    head = _header_row(ws)
    due = [r[0].value for r in ws.iter_rows(min_row=head + 1, max_row=head + 3)]
    assert all(isinstance(d, datetime.datetime) for d in due)


def test_xlsx_needs_a_file_and_a_bad_target_is_refused(runner: CliRunner,
                                                       tmp_path: Path) -> None:
    code, out, err = _run(runner, "overdue", str(PROJECTS), *AS_OF, "-f", "xlsx")
    assert (code, out) == (2, "")
    assert err == ("clusterctl: --format xlsx: укажите файл: -o ОТВЕТ.xlsx (таблицу Excel не "
                   "выводят на экран).\n")
    code, out, err = _run(runner, "overdue", str(PROJECTS), *AS_OF, "-o",
                          str(tmp_path / "no" / "x.xlsx"))
    assert (code, out) == (2, "")
    assert err.startswith(f"clusterctl: Не удалось записать {tmp_path / 'no' / 'x.xlsx'}")


def test_other_formats_go_to_the_file_too(runner: CliRunner, tmp_path: Path) -> None:
    _code, table, _ = _run(runner, "overdue", str(PROJECTS), *AS_OF, "-f", "csv")
    assert _run(runner, "overdue", str(PROJECTS), *AS_OF, "-o", str(tmp_path / "x.csv")) == (
        0, "", "")
    assert (tmp_path / "x.csv").read_text("utf-8") == table


def test_a_value_is_never_a_formula(runner: CliRunner, tmp_path: Path) -> None:
    plan = tmp_path / "p.yaml"
    text = (PROJECTS / "primorye-roadmap-2022.yaml").read_text("utf-8")
    marker = "      Утверждение списков общеобразовательных"
    assert marker in text
    plan.write_text(text.replace(marker, '      =HYPERLINK("http://x") & <b> Утверждение списков '
                                 "общеобразовательных", 1), encoding="utf-8")
    target = tmp_path / "late.xlsx"
    assert _run(runner, "overdue", str(plan), *AS_OF, "-o", str(target))[0] == 0
    ws = openpyxl.load_workbook(target).active
    cells = [c for r in ws.iter_rows() for c in r
             if isinstance(c.value, str) and c.value.startswith("=HYPERLINK")]
    assert len(cells) == 1 and cells[0].data_type == "s"
    assert cells[0].value.startswith('=HYPERLINK("http://x") & <b> Утверждение списков')


@needs_libreoffice
def test_libreoffice_opens_every_sheet(runner: CliRunner, tmp_path: Path) -> None:
    files = []
    for args in (["overdue"], ["upcoming"], ["upcoming", "--meeting"], ["status"], ["who"],
                 ["who", "Чечуркина"]):
        target = tmp_path / ("-".join(args) + ".xlsx")
        assert _run(runner, *args, str(PROJECTS), *AS_OF, "-o", str(target))[0] == 0
        files.append(target)
    for pdf in convert_to_pdf(files, tmp_path):
        assert pdf.read_bytes().startswith(b"%PDF")
    assert shutil.which("soffice")
