"""Reading a plan file's bytes as untrusted input: a regular file, under the size cap, UTF-8.

Every refusal is a located `LoadError`: `unreadable`, `not-a-regular-file`, `file-too-large`,
`office-file` (a Word, Excel or LibreOffice document: `clusterctl import` reads those),
`encoding` (naming the likely encoding: Windows-1251, KOI8-R, UTF-16…), `invalid-utf8`,
`nul-byte`.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from clusterctl.diagnostics import FILE_START, Diagnostic, Severity, Span
from clusterctl.errors import LoadError
from clusterctl.i18n import file_size, message, os_reason, t

MAX_BYTES = 8 * 1024 * 1024
"""Files larger than this are refused (a plan is a few dozen kilobytes)."""


def load_error(file: str, span: Span, code: str, lang: str, **params: Any) -> LoadError:
    """A file that cannot be read into data, as one located error."""
    text, hint = message(code, lang, **params)
    return LoadError([Diagnostic.at(file, span, Severity.ERROR, code, text, hint)])


def read_bytes(path: Path, display: str, lang: str, max_bytes: int = MAX_BYTES) -> bytes:
    """Read a plan file's bytes, refusing non-regular files and files over the size cap."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise load_error(display, FILE_START, "unreadable", lang,
                     reason=os_reason(exc, lang)) from None
    if not stat.S_ISREG(st.st_mode):
        what = (
            "directory" if stat.S_ISDIR(st.st_mode)
            else "fifo" if stat.S_ISFIFO(st.st_mode)
            else "device" if (stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode))
            else "socket" if stat.S_ISSOCK(st.st_mode)
            else "special"
        )
        raise load_error(display, FILE_START, "not-a-regular-file", lang,
                         kind=t("kind." + what, lang))
    if st.st_size > max_bytes:
        raise load_error(
            display, FILE_START, "file-too-large", lang,
            **_sizes(st.st_size, max_bytes, lang),
        )
    try:
        with open(path, "rb") as handle:
            # the size stat gave, and one byte more to see growth: read(max_bytes + 1) would
            # allocate the whole cap (8 MB) for every file, ≈ 0.06 ms of a 40 KB plan's read
            data = handle.read(st.st_size + 1)
            if len(data) > st.st_size:  # grew since stat (or a size the system does not
                data += handle.read(max_bytes + 1 - len(data))  # know): read on to the cap
    except OSError as exc:
        raise load_error(display, FILE_START, "unreadable", lang,
                     reason=os_reason(exc, lang)) from None
    if len(data) > max_bytes:  # grew while we looked
        raise load_error(
            display, FILE_START, "file-too-large", lang,
            **_sizes(len(data), max_bytes, lang),
        )
    return data




def _sizes(size: int, limit: int, lang: str) -> dict[str, str]:
    """The {size} and {limit} of file-too-large, in bytes when rounding would make them equal."""
    shown, cap = file_size(size, lang), file_size(limit, lang)
    if shown == cap:
        shown, cap = file_size(size, lang, exact=True), file_size(limit, lang, exact=True)
    return {"size": shown, "limit": cap}


def line_col_of_offset(data: bytes, offset: int) -> Span:
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    if start == 0 and data.startswith(b"\xef\xbb\xbf") and offset >= 3:
        start = 3  # editors do not count the BOM as a column
    column = len(data[start:offset].decode("utf-8", errors="replace")) + 1
    return Span.point(line, column)


def guess_encoding(data: bytes) -> str | None:
    """Name the encoding a non-UTF-8 file most likely uses (charset-normalizer)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536], cp_isolation=None).best()
    if best is None:
        return None
    names = {
        "cp1251": "Windows-1251",
        "koi8_r": "KOI8-R",
        "cp866": "CP866 (DOS)",
        "cp1125": "CP866 (DOS)",
        "mac_cyrillic": "Mac Cyrillic",
        "iso8859_5": "ISO-8859-5",
        "utf_16": "UTF-16",
        "utf_16_le": "UTF-16",
        "utf_16_be": "UTF-16",
        "latin_1": "Latin-1",
    }
    encoding: str = best.encoding
    return names.get(encoding, encoding)


def check_encoding(data: bytes, display: str, lang: str) -> None:
    """Refuse anything that is not UTF-8 text (a UTF-8 BOM is fine)."""
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
        # a Word, Excel or LibreOffice file (a zip or an old OLE container)
        raise load_error(display, FILE_START, "office-file", lang, name=display)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise load_error(display, FILE_START, "encoding", lang, encoding="UTF-16")
    nul = data.find(b"\x00")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if nul != -1 and nul <= exc.start:
            raise load_error(display, line_col_of_offset(data, nul), "nul-byte", lang) from None
        # mostly valid UTF-8 with a stray bad byte, or a whole file in another encoding?
        valid_prefix = exc.start
        if valid_prefix > 0 and _is_mostly_utf8(data):
            raise load_error(
                display, line_col_of_offset(data, exc.start), "invalid-utf8", lang,
                byte=f"0x{data[exc.start]:02X}",
            ) from None
        guessed = guess_encoding(data) or "?"
        raise load_error(
            display, line_col_of_offset(data, exc.start), "encoding", lang, encoding=guessed
        ) from None
    if nul != -1:
        raise load_error(display, line_col_of_offset(data, nul), "nul-byte", lang)


def _is_mostly_utf8(data: bytes) -> bool:
    decoded = data.decode("utf-8", errors="replace")
    bad = decoded.count("\ufffd")
    non_ascii = sum(1 for ch in decoded if ord(ch) > 127)
    return non_ascii > 0 and bad * 4 < non_ascii
