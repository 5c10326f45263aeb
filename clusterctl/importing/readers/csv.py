"""CSV, as offices save it: UTF-8 with or without a byte-order mark, or Windows-1251 (Excel's
«CSV (разделители — запятые)» on a Russian Windows), named by charset-normalizer; `;` or `,`
(or a tab) between cells, CRLF or LF between rows, quoted cells holding line breaks. A CSV
file has no merges: a task's steps are rows whose number and title cells are empty.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from clusterctl.errors import ImportRefused
from clusterctl.importing.tables import (
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_ROWS,
    Document,
    Table,
    build_grid,
)

MAX_CSV_BYTES = 50 * 1024 * 1024


def decode(data: bytes, file: str) -> str:
    """The text of a CSV file: UTF-8 (a BOM is dropped), else the encoding
    charset-normalizer names among the Cyrillic ones offices use."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000], cp_isolation=["cp1251", "koi8_r", "cp866",
                                                      "mac_cyrillic", "utf_16"]).best()
    if best is None:
        raise ImportRefused("import.csv-encoding", file=file)
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise ImportRefused("import.csv-encoding", file=file) from None


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        counts = {d: sample.count(d) for d in ";,\t"}
        delimiter = max(counts, key=lambda d: counts[d])

        class Guessed(csv.excel):
            pass

        Guessed.delimiter = delimiter
        return Guessed


def read(path: Path, doc: Document) -> None:
    """Fill `doc` with the one table of the CSV file at `path`."""
    try:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise ImportRefused("import.too-large", file=doc.path, size=size // (1024 * 1024),
                                limit=MAX_CSV_BYTES // (1024 * 1024))
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRefused("import.unreadable", file=doc.path, reason=str(exc)) from None
    text = decode(data, doc.path)
    if "\x00" in text:
        raise ImportRefused("import.not-office", file=doc.path, what="binary")
    dialect = _dialect(text[:20_000])
    rows: list[list[tuple[str, int, int]]] = []
    csv.field_size_limit(MAX_CELL_CHARS * 4)
    try:
        for line in csv.reader(io.StringIO(text, newline=""), dialect):
            if len(rows) >= MAX_ROWS:
                raise ImportRefused("import.too-many-rows", file=doc.path, table=1,
                                    limit=MAX_ROWS)
            if len(line) > MAX_COLUMNS:
                doc.note("import.note-columns-cut", table=1, limit=MAX_COLUMNS)
            rows.append([(value.replace("\r\n", "\n").strip()[:MAX_CELL_CHARS], 1, 1)
                         for value in line[:MAX_COLUMNS]])
    except csv.Error as exc:
        raise ImportRefused("import.broken-csv", file=doc.path, reason=str(exc)) from None
    while rows and not any(text for text, _, _ in rows[-1]):
        rows.pop()
    doc.tables.append(Table(number=1, grid=build_grid(rows)))
