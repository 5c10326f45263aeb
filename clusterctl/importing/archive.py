"""Checks of an office file before any parser opens it.

.docx, .xlsx, .ods and .odt files are zip archives of XML. A hostile or broken one — a zip
bomb, a member with a path like `../../x`, encrypted members, two members of one name, XML
with a DTD (the «billion laughs» entity bomb) — is refused here with a message, before
python-docx, python-calamine or odfdo read a byte of it. The members are decompressed in
bounded chunks to count their real sizes (a member may lie about its size in the directory);
nothing is extracted to disk.

`sniff` names what a file really is from its first bytes, so that a .docx that is a PDF, an
old binary .doc renamed, or a password-protected file (an OLE container with an
`EncryptedPackage`) gets a message that says so.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from clusterctl.errors import ImportRefused

MAX_FILE_BYTES = 100 * 1024 * 1024
"""An office file larger than this is refused (plans are kilobytes; a photo-laden report
a few megabytes)."""
MAX_MEMBERS = 5_000
MAX_MEMBER_BYTES = 200 * 1024 * 1024
"""One member's uncompressed size (a 10,000-row document.xml is about 20 MB)."""
MAX_TOTAL_BYTES = 400 * 1024 * 1024
MAX_RATIO = 200
"""Compression ratio above which a large member is a bomb (XML compresses 5–30 times)."""
RATIO_FLOOR = 1024 * 1024
"""Members smaller than this uncompressed are not judged by their ratio."""
CHUNK = 1024 * 1024
PROLOG_BYTES = 4096

_MAGIC = (
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"%PDF", "pdf"),
    (b"{\\rtf", "rtf"),
    (b"\x89PNG", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF8", "image"),
)


def sniff(path: Path) -> str:
    """What the file is by its first bytes: zip, ole (old Word/Excel or a password-protected
    new one: see `ole_kind`), pdf, rtf, image, html, text, empty or unknown."""
    try:
        with path.open("rb") as handle:
            head = handle.read(512)
    except OSError as exc:
        raise ImportRefused("import.unreadable", file=str(path), reason=str(exc)) from None
    if not head:
        return "empty"
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")):
        return "html" if b"html" in lowered[:200] else "xml"
    if b"\x00" not in head:
        return "text"
    return "unknown"


def ole_kind(path: Path) -> str:
    """An OLE container is a password-protected .docx/.xlsx (it holds an
    `EncryptedPackage` stream) or an old binary document: "encrypted" or "binary"."""
    name = "EncryptedPackage".encode("utf-16-le")
    with path.open("rb") as handle:
        data = handle.read(min(path.stat().st_size, 8 * 1024 * 1024))
    return "encrypted" if name in data else "binary"


def _bad_name(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return (name.startswith(("/", "\\")) or ".." in parts or (len(name) > 1 and name[1] == ":")
            or "\x00" in name)


def check_archive(path: Path) -> list[str]:
    """Refuse a hostile or broken office archive (ImportRefused, with the reason); return
    the member names of a sound one."""
    file = str(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ImportRefused("import.too-large", file=file, size=size // (1024 * 1024),
                            limit=MAX_FILE_BYTES // (1024 * 1024))
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError,
            NotImplementedError, RuntimeError):  # a damaged directory, an unknown version
        raise ImportRefused("import.broken-zip", file=file) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ImportRefused("import.zip-bomb", file=file,
                                detail=f"{len(infos)} members")
        seen: set[str] = set()
        total = 0
        for info in infos:
            name = info.filename
            if _bad_name(name):
                raise ImportRefused("import.zip-path", file=file, member=name[:200])
            if name in seen:
                raise ImportRefused("import.zip-duplicate", file=file, member=name[:200])
            seen.add(name)
            if info.flag_bits & 0x1:
                raise ImportRefused("import.encrypted", file=file)
            if info.file_size > MAX_MEMBER_BYTES:
                raise ImportRefused("import.zip-bomb", file=file,
                                    detail=f"{name[:100]}: {info.file_size} bytes")
            total += info.file_size
            if total > MAX_TOTAL_BYTES:
                raise ImportRefused("import.zip-bomb", file=file, detail=f"{total} bytes")
            if (info.file_size > RATIO_FLOOR and info.compress_size
                    and info.file_size / info.compress_size > MAX_RATIO):
                raise ImportRefused("import.zip-bomb", file=file,
                                    detail=f"{name[:100]}: ratio "
                                    f"{info.file_size // info.compress_size}:1")
            _read_member(archive, info, file)
        return [info.filename for info in infos]


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, file: str) -> None:
    """Decompress one member in chunks: its real size must be its declared one, and an XML
    member may declare no DTD or entity."""
    xml = info.filename.endswith((".xml", ".rels")) or info.filename in {"mimetype"}
    real = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(CHUNK):
                if real == 0 and xml:
                    _no_dtd(chunk[:PROLOG_BYTES], info.filename, file)
                real += len(chunk)
                if real > info.file_size:
                    raise ImportRefused("import.zip-bomb", file=file,
                                        detail=f"{info.filename[:100]}: larger than declared")
    except ImportRefused:
        raise
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError,
            NotImplementedError, RuntimeError):
        # a bad CRC, a truncated member, an unknown compression method, a password
        raise ImportRefused("import.broken-zip", file=file) from None


def _no_dtd(prolog: bytes, member: str, file: str) -> None:
    text = prolog
    if prolog.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = prolog.decode("utf-16", errors="ignore").encode("utf-8")
    if b"<!DOCTYPE" in text or b"<!ENTITY" in text:
        raise ImportRefused("import.xml-dtd", file=file, member=member[:200])
