"""`clusterctl import`: plan tables from Word, Excel, LibreOffice and CSV files become plans.

The steps, one module each: `archive` checks an office file before any parser opens it;
a reader per format (`readers/`) turns the file into tables of cells with their merges
(`tables`); `recognise` finds the plan in them (`headers` names the columns, `responsible`
splits the responsible cells and builds the registries); `emit` writes the plan as format
1.1 YAML with comments citing the source; the new plan is then checked like any plan
(`clusterctl.check`), and every finding is located both in the plan and in the source cell.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from clusterctl.diagnostics import Counted, Diagnostic, Severity
from clusterctl.errors import FindingsError, ImportRefused, UserError
from clusterctl.importing.recognise import Recognised, Source, recognise
from clusterctl.importing.tables import Document

FORMATS = {
    ".docx": "docx", ".docm": "docx", ".dotx": "docx", ".dotm": "docx",
    ".xlsx": "xlsx", ".xlsm": "xlsx", ".xltx": "xlsx", ".xls": "xls",
    ".ods": "ods", ".odt": "odt", ".ott": "odt", ".ots": "ods",
    ".csv": "csv", ".tsv": "csv",
    ".doc": "doc", ".rtf": "doc",
}
"""The file name endings import reads, and the format each is read as."""
MACRO_SUFFIXES = {".docm", ".dotm", ".xlsm"}
CONVERT_TIMEOUT = 120
"""Seconds LibreOffice may take to convert an old .doc (a private profile, headless)."""


@dataclass(frozen=True, slots=True)
class ImportOptions:
    lang: str = "ru"
    table: int | None = None
    """Only this table (1-based, `--table N`)."""
    sheet: str | None = None
    """Only this sheet of a workbook (`--sheet NAME`)."""
    columns: tuple[tuple[str, str], ...] = ()
    """`--columns` mappings: (folded header text, field)."""
    project_id: str | None = None


@dataclass(slots=True)
class Imported(Counted):
    """One file imported: the plan's text, what was recognised, and the findings (reader
    notes and the new plan's check, each located in the source too)."""

    source: str
    text: str
    recognised: Recognised
    diagnostics: list[Diagnostic] = field(default_factory=list)



def read_document(path: Path, display: str, options: ImportOptions) -> Document:
    """The tables of the file at `path` (any format of FORMATS), checked and read; raises
    ImportRefused with a message when the file cannot be read as it is."""
    from clusterctl.importing import archive

    if not path.exists():
        raise UserError("import.no-file", file=display)
    if not path.is_file():
        raise UserError("import.not-a-file", file=display)
    suffix = path.suffix.lower()
    kind = FORMATS.get(suffix)
    if kind is None:
        raise ImportRefused("import.unknown-format", file=display, suffix=suffix or "—",
                            known=", ".join(sorted(FORMATS)))
    what = archive.sniff(path)
    document = Document(display, kind)
    if what == "empty":
        raise ImportRefused("import.empty-file", file=display)
    if kind == "csv":
        if what not in ("text", "unknown"):
            raise ImportRefused("import.not-office", file=display, what=what)
        from clusterctl.importing.readers import csv as csv_reader

        csv_reader.read(path, document)
        return document
    if what == "ole":
        if archive.ole_kind(path) == "encrypted":
            raise ImportRefused("import.password", file=display)
        if kind == "xls" or suffix in (".xlsx", ".xlsm"):
            from clusterctl.importing.readers import sheets

            document.kind = "xls"
            sheets.read(path, document, options.sheet)
            return document
        return _converted(path, display, options, document)
    if what == "rtf" and kind == "doc":
        return _converted(path, display, options, document)
    if what != "zip":
        raise ImportRefused("import.not-office", file=display, what=what)
    names = set(archive.check_archive(path))
    if suffix in MACRO_SUFFIXES or any(n.endswith("vbaProject.bin") for n in names):
        document.note("import.note-macros")
    if "word/document.xml" in names:
        from clusterctl.importing.readers import docx

        document.kind = "docx"
        docx.read(path, document)
    elif "xl/workbook.xml" in names:
        from clusterctl.importing.readers import sheets

        document.kind = "xlsx"
        sheets.read(path, document, options.sheet)
    elif "content.xml" in names:
        if _odf_encrypted(path):
            raise ImportRefused("import.password", file=display)
        from clusterctl.importing.readers import odf

        document.kind = "ods" if kind == "ods" else "odt"
        odf.read(path, document, options.sheet)
    else:
        raise ImportRefused("import.not-office", file=display, what="zip")
    return document


def _odf_encrypted(path: Path) -> bool:
    with zipfile.ZipFile(path) as package:
        try:
            manifest = package.read("META-INF/manifest.xml")  # sizes checked already
        except KeyError:
            return False
    return b"encryption-data" in manifest


def _converted(path: Path, display: str, options: ImportOptions, document: Document
               ) -> Document:
    """An old binary .doc (or .rtf) through LibreOffice, in a private profile, with a
    timeout; without LibreOffice, a message saying how to re-save the file."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise ImportRefused("import.needs-office", file=display)
    with tempfile.TemporaryDirectory(prefix="clusterctl-import-") as folder:
        profile = Path(folder, "profile").as_uri()
        command = [office, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--nolockcheck", "--convert-to", "docx", "--outdir", folder, str(path)]
        try:
            subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise ImportRefused("import.convert-timeout", file=display,
                                seconds=CONVERT_TIMEOUT) from None
        except OSError as exc:
            raise ImportRefused("import.convert-failed", file=display, reason=str(exc)) from None
        result = Path(folder, path.stem + ".docx")
        if not result.is_file():
            raise ImportRefused("import.convert-failed", file=display, reason="")
        converted = read_document(result, display, options)
        converted.kind = "doc"
        converted.notes[:0] = [("import.note-converted", {})]
        return converted


def import_document(document: Document, options: ImportOptions, *, out_name: str,
                    project_id: str) -> Imported:
    """The plan in a read document: its text and findings (ImportRefused when the document
    holds no plan table)."""
    from clusterctl.importing.emit import emit

    recognised = recognise(document, dict(options.columns), options.table)
    if options.table is not None and not recognised.tables:
        raise ImportRefused("import.no-table", file=document.path, table=options.table,
                            count=len(document.tables))
    if not any(seen.plan for seen in recognised.tables):
        raise ImportRefused("import.no-plan", file=document.path,
                            seen=_seen_tables(recognised, options.lang))
    text, sources = emit(recognised, file_name=Path(document.path).name,
                         project_id=options.project_id or project_id, lang=options.lang)
    imported = Imported(document.path, text, recognised)
    imported.diagnostics = _findings(imported, sources, out_name, options.lang)
    return imported


def import_file(path: Path, display: str, options: ImportOptions, *, out_name: str
                ) -> Imported:
    """Read and import one file (see `read_document` and `import_document`)."""
    from clusterctl.importing.emit import project_id_for

    document = read_document(path, display, options)
    return import_document(document, options, out_name=out_name,
                           project_id=project_id_for(path.stem))


def _seen_tables(recognised: Recognised, lang: str) -> str:
    from clusterctl.i18n import count, t

    if not recognised.document.tables:
        return t("import.no-tables", lang)
    parts = []
    for seen in recognised.tables:
        heads = ", ".join(f"«{' '.join(text.split())[:40]}»" for text in seen.first_texts[:5])
        parts.append(t("import.seen-table", lang, table=seen.number,
                       rows=count(seen.rows, "word.row", lang),
                       heads=heads or "—"))
    return "; ".join(parts)


def _findings(imported: Imported, sources: dict[tuple[str | int, ...], Source],
              out_name: str, lang: str) -> list[Diagnostic]:
    """The reader's notes, and the new plan's check with each finding located in the
    source cell too."""
    from clusterctl.check import CheckOptions, check_bytes
    from clusterctl.i18n import t
    from clusterctl.importing.emit import where_text
    from clusterctl.source.loader import parse_yaml

    found = [Diagnostic(imported.source, 1, 1, Severity.WARNING, "import-note",
                        t(key, lang, **params))
             for key, params in imported.recognised.document.notes]
    result = check_bytes(imported.text.encode("utf-8"), out_name, CheckOptions(lang=lang))
    if not result.diagnostics:
        return found
    by_line: dict[int, Source] = {}
    try:  # (read a second time: the check keeps no source map, and this runs only with findings)
        _, source_map = parse_yaml(imported.text, out_name, lang)
    except FindingsError:  # the check has said what is wrong with the text
        source_map = None
    if source_map is not None:
        for path, source in sorted(sources.items(), key=lambda pair: -len(pair[0])):
            line = source_map.value_span(path).line
            by_line.setdefault(line, source)
    for diagnostic in result.diagnostics:
        origin = by_line.get(diagnostic.line)
        if origin is None:
            found.append(diagnostic)
            continue
        cell = where_text(origin, lang)
        if origin.header:
            cell += t("import.where-column", lang, column=origin.col,
                      header=" ".join(origin.header.split())[:60])
        found.append(Diagnostic(
            diagnostic.file, diagnostic.line, diagnostic.column, diagnostic.severity,
            diagnostic.code,
            diagnostic.message + t("import.from-cell", lang, file=imported.source, cell=cell),
            diagnostic.hint, diagnostic.end_line, diagnostic.end_column))
    return found
