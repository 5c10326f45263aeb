"""Hostile and broken office files: each refused (or read) with a clear message, in bounded
time and memory — zip bombs (many members, a huge member, a member larger than it declares, a
high ratio), path tricks, duplicate names, encrypted members, DTDs and entities, a password-
protected file, an old binary .doc without LibreOffice, a macro-enabled file, a file that is
something else, an empty document, a document without a plan table, a 10,000-row table."""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from clusterctl.errors import ImportRefused
from clusterctl.importing import ImportOptions, archive, import_file, read_document
from tests.conftest import ROOT
from tests.importing import office
from tests.importing.office import T, p, tbl, tc, tr


def refused(path: Path, **options: object) -> str:
    with pytest.raises(ImportRefused) as caught:
        import_file(path, path.name, ImportOptions(**options), out_name="x.yaml")  # type: ignore[arg-type]
    return caught.value.describe("ru")


def _docx_with(tmp_path: Path, name: str, members: dict[str, bytes]) -> Path:
    path = office.raw_docx(tmp_path / name, tbl(tr(tc("№"), tc("Мероприятие"), tc("Срок"))))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as package:
        for member, data in members.items():
            package.writestr(member, data)
    return path


def test_zip_bomb_by_ratio(tmp_path: Path) -> None:
    path = _docx_with(tmp_path, "bomb.docx", {"word/media/x.xml": b"0" * (50 * 1024 * 1024)})
    assert "распаковывается в слишком большой объём" in refused(path)


def test_zip_bomb_by_member_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_MEMBERS", 50)
    path = _docx_with(tmp_path, "many.docx", {f"word/m{i}.xml": b"<a/>" for i in range(60)})
    assert "слишком большой объём (6" in refused(path)


def test_member_larger_than_declared(tmp_path: Path) -> None:
    path = office.raw_docx(tmp_path / "lie.docx", tbl(tr(tc("№"), tc("Мероприятие"))))
    data = bytearray(path.read_bytes())
    # shrink the declared size of word/document.xml in the central directory
    name = b"word/document.xml"
    central = data.rfind(b"PK\x01\x02" + data[data.find(b"PK\x01\x02") + 4:][:0])
    index = data.find(b"PK\x01\x02")
    while index != -1:
        length = struct.unpack_from("<H", data, index + 28)[0]
        if data[index + 46:index + 46 + length] == name:
            struct.pack_into("<I", data, index + 24, 10)
        index = data.find(b"PK\x01\x02", index + 4)
    del central
    path.write_bytes(bytes(data))
    message = refused(path)
    assert "больше заявленного" in message or "повреждён" in message


@pytest.mark.parametrize("member", ["../evil.xml", "/etc/passwd", "C:/x.xml"])
def test_path_tricks(tmp_path: Path, member: str) -> None:
    path = _docx_with(tmp_path, "path.docx", {member: b"<a/>"})
    assert "с недопустимым путём" in refused(path)


def test_duplicate_member(tmp_path: Path) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name
        path = _docx_with(tmp_path, "dup.docx", {"word/document.xml": b"<x/>"})
    assert "дважды встречается «word/document.xml»" in refused(path)


def test_xml_with_entities_is_refused(tmp_path: Path) -> None:
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><w:document>&lol2;</w:document>')
    path = tmp_path / "dtd.docx"
    office.raw_docx(path, "")
    with zipfile.ZipFile(path) as source:
        members = {i.filename: source.read(i) for i in source.infolist()}
    members["word/document.xml"] = laughs
    with zipfile.ZipFile(path, "w") as package:
        for name, data in members.items():
            package.writestr(name, data)
    assert "объявления DTD/ENTITY" in refused(path)


def test_encrypted_members(tmp_path: Path) -> None:
    path = office.raw_docx(tmp_path / "enc.docx", "")
    data = bytearray(path.read_bytes())
    index = data.find(b"PK\x03\x04")
    struct.pack_into("<H", data, index + 6, struct.unpack_from("<H", data, index + 6)[0] | 1)
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<H", data, central + 8, struct.unpack_from("<H", data, central + 8)[0] | 1)
    path.write_bytes(bytes(data))
    assert "зашифрованы" in refused(path)


def _ole(tmp_path: Path, name: str, payload: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + payload)
    return path


def test_password_protected_office_file(tmp_path: Path) -> None:
    path = _ole(tmp_path, "secret.docx", "EncryptedPackage".encode("utf-16-le"))
    assert "защищён паролем" in refused(path)


def test_old_doc_without_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    path = _ole(tmp_path, "old.doc", b"WordDocument")
    message = refused(path)
    assert "нужен LibreOffice" in message and "сохраните как .docx" in message


def test_macro_enabled_file_is_read_and_said(tmp_path: Path) -> None:
    body = tbl(tr(tc("№"), tc("Мероприятие"), tc("Срок"), tc("Ответственный"), tc("Результат")),
               tr(tc("1"), tc("Совещание"), tc("Май 2023"), tc("Иванова И.И."),
                  tc("Протокол")))
    path = office.raw_docx(tmp_path / "plan.docm", body,
                           extra={"word/vbaProject.bin": b"\x00" * 100})
    result = import_file(path, path.name, ImportOptions(), out_name="x.yaml")
    assert [d.message for d in result.diagnostics] == [
        "файл с макросами: таблицы прочитаны, макросы не выполнялись и в план не попали"]


@pytest.mark.parametrize(("data", "what"), [
    (b"%PDF-1.7", "PDF"), (b"{\\rtf1 text}", "RTF"), (b"<html><body>", "страница HTML"),
    (b"\x89PNG\r\n", "изображение"), (b"just text", "текст")])
def test_a_docx_that_is_something_else(tmp_path: Path, data: bytes, what: str) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(data)
    assert f"по содержимому это не документ Office, а {what}." in refused(path)


def test_empty_file_and_empty_document(tmp_path: Path) -> None:
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    assert "файл пустой" in refused(empty)
    blank = office.raw_docx(tmp_path / "blank.docx", p("Только текст, без таблиц"))
    assert "таблица плана не найдена" in refused(blank) and "в документе нет таблиц" in \
        refused(blank)


def test_no_plan_table_says_what_was_seen(tmp_path: Path) -> None:
    path = office.write_docx(tmp_path / "letter.docx", [
        "УТВЕРЖДАЮ", T([["Директор", "Иванов И.И."], ["«__» ______ 2022", ""]]),
        T([["Список школ"], ["ГБОУ СОШ № 1"]])])
    message = refused(path)
    assert ("Найдено: таблица 1 (2 строки, первая строка: «Директор», «Иванов И.И.»); "
            "таблица 2 (2 строки, первая строка: «Список школ»)") in message


def test_ten_thousand_rows_in_bounded_time_and_memory(tmp_path: Path) -> None:
    rows = "".join(tr(tc(str(n)), tc(f"Мероприятие {n}"), tc("До 26.09.2022"),
                      tc("Иванова И.И."), tc("Отчёт")) for n in range(1, 10_001))
    path = office.raw_docx(tmp_path / "big.docx", tbl(
        tr(tc("№"), tc("Мероприятие"), tc("Срок"), tc("Ответственный"), tc("Результат")), rows))
    # the child's own high-water mark (VmHWM: ru_maxrss would count the forking test process)
    code = ("import sys, re; from pathlib import Path; "
            "from clusterctl.importing import ImportOptions, import_file; "
            "r = import_file(Path(sys.argv[1]), 'big.docx', ImportOptions(), out_name='x.yaml'); "
            "hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()); "
            "print(r.recognised.tasks, r.errors, hwm[1] if hwm else 0)")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                          text=True, cwd=ROOT, timeout=120, check=True)
    tasks, errors, peak_kb = done.stdout.split()
    assert (tasks, errors) == ("10000", "0")
    assert int(peak_kb) < 300 * 1024  # the whole process, Python and libraries included


def test_too_many_rows_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from clusterctl.importing.readers import csv as csv_reader

    monkeypatch.setattr(csv_reader, "MAX_ROWS", 100)
    path = office.write_csv(tmp_path / "huge.csv", [["№", "Мероприятие", "Срок"]]
                            + [[str(n), "x", "май 2023"] for n in range(200)])
    assert "больше 100 строк" in refused(path)


def test_unknown_suffix_and_sheet(tmp_path: Path) -> None:
    path = tmp_path / "plan.pages"
    path.write_bytes(b"x")
    assert "файлы «.pages» импорт не читает" in refused(path)
    book = office.write_xlsx(tmp_path / "b.xlsx", [["№", "Мероприятие"], ["1", "x"]])
    assert "нет листа «Лист9». Листы: «План»" in refused(book, sheet="Лист9")


def test_ods_with_a_million_repeated_empty_rows(tmp_path: Path) -> None:
    rows = [["№", "Мероприятие", "Срок"], ["1", "Совещание", "Май 2023"]]
    path = office.write_ods(tmp_path / "rep.ods", rows)
    from odfdo import Document, Row

    document = Document(str(path))
    table = document.body.get_table(0)
    filler = Row(width=3, repeated=1_000_000)
    table.append(filler)
    document.save(str(path))
    tracemalloc.start()
    doc = read_document(path, path.name, ImportOptions())
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(doc.tables[0].grid) == 2 and peak < 100 * 1024 * 1024


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed "
                    "(.ci/run installs it)")
def test_old_doc_through_libreoffice(tmp_path: Path) -> None:
    """An old binary .doc (made here by LibreOffice from the documented example) is
    converted in a private profile and gives the plan the .docx gives."""
    source = ROOT / "docs" / "examples" / "roadmap.docx"
    # through .odt: LibreOffice drops the tables of python-docx's files (no widths) when it
    # writes them as .doc, not those of its own
    odt = tmp_path / "odt"
    for target, folder, given in (("odt", odt, source), ("doc:MS Word 97", tmp_path,
                                                         odt / "roadmap.odt")):
        subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}",
                        "--headless", "--convert-to", target, "--outdir", str(folder),
                        str(given)], capture_output=True, timeout=180, check=True)
    old = tmp_path / "roadmap.doc"
    assert old.read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    result = import_file(old, old.name, ImportOptions(), out_name="x.yaml")
    expected = import_file(source, source.name, ImportOptions(), out_name="x.yaml")
    assert result.recognised.tasks == expected.recognised.tasks == 6
    assert result.recognised.steps == expected.recognised.steps == 5
    assert result.diagnostics[0].message.startswith("старый формат Word преобразован")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed "
                    "(.ci/run installs it)")
def test_old_binary_xls_is_read_directly(tmp_path: Path) -> None:
    """An Excel 97 .xls (made here by LibreOffice) is read by python-calamine itself, merges
    included; no conversion."""
    rows: list[list[object]] = [["№", "Мероприятие", "Срок", "Ответственный", "Результат"],
                                ["1", "Семинар", "До 30.10.2022", "Петров П.П.", "Программа"],
                                ["", "", "15.11.2022", "", "Сертификаты"]]
    book = office.write_xlsx(tmp_path / "plan.xlsx", rows, [(1, 0, 2, 0), (1, 1, 2, 1),
                                                          (1, 3, 2, 3)])
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}",
                    "--headless", "--convert-to", "xls", "--outdir", str(tmp_path / "old"),
                    str(book)], capture_output=True, timeout=180, check=True)
    old = tmp_path / "old" / "plan.xls"
    result = import_file(old, old.name, ImportOptions(), out_name="x.yaml")
    assert result.recognised.document.kind == "xls"
    assert "title: Семинар" in result.text and "- due: 15.11.2022" in result.text
    assert result.recognised.steps == 2
