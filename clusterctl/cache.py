"""The result cache: `.clusterctl_cache/`, like ruff's and mypy's.

An entry is keyed by the file's bytes (BLAKE2b), clusterctl's version and code signature
(so a new version or a changed rule or message never reuses old results), the rule set and
the options that change the output (language, ignored codes, size cap). It holds the file's
diagnostics (without the file name, filled in on reading) and, for files that could be read
into a plan, the loaded plan data, so query commands skip the YAML parse on a warm run.

Plan files have no cross-file references in format v1: a file's result depends only on its
own bytes and the options, so a changed file is re-checked and nothing else needs to be.
The one input that is not in the key is the date of the check (`--as-of`), which only the
"future-date" check uses: an entry records the latest date the plan mentions (done_on,
cancelled_on, reschedules[].on) and is reused for another date only when both dates are on or
after it (so the check cannot come out differently).

The query commands also keep what they made of each file (a *part*, see
`clusterctl.queries.Query`) beside its entry, one slot per kind of query: the part is reused
only for the same file bytes, options and query (its date and filters included), and a
query asked with other values replaces it, so the cache does not grow with every date. Parts
are pickles: they are read with an unpickler that builds nothing but named tuples, dataclasses
and enums of clusterctl's query modules and dates (`load_part`), never arbitrary objects.

Entries are written atomically (temporary file + rename), so concurrent runs are safe; every
entry carries a digest of its payload, and an entry that is truncated, corrupt, of another
format or for another key is ignored, never trusted.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import enum
import hashlib
import importlib
import io
import marshal
import os
import pickle
import re
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clusterctl import __version__
from clusterctl.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from clusterctl.plan import PlanIndex, Unread

CACHE_DIR = ".clusterctl_cache"
_MAGIC = b"CLUSTERCTL-CACHE-3\n"
_DIGEST = 16


def _code_signature() -> str:
    """Version plus the size and modification time of every module of the package, so a
    development checkout never reuses results computed by different code."""
    package = Path(__file__).resolve().parent
    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    for path in sorted(package.rglob("*.py")):
        try:
            st = path.stat()
        except OSError:
            continue
        digest.update(f"{path.relative_to(package)}:{st.st_size}:{st.st_mtime_ns};".encode())
    return digest.hexdigest()


@dataclass(slots=True)
class Entry:
    diagnostics: list[Diagnostic]
    data: dict[str, Any] | None
    """The loaded plan data when the file could be read into a valid plan."""
    computed_on: datetime.date
    latest_date: datetime.date | None
    has_data: bool = False
    """(Read from the cache) plan data is stored beside the entry (see `Cache.get_data`)."""
    unread: list[Unread] = dataclasses.field(default_factory=list)
    """The deadlines the grammar did not understand (`FileResult.unread`)."""


class Cache:
    """A folder of cache entries (create with `Cache.open`)."""

    def __init__(self, folder: Path, options_key: str) -> None:
        self.folder = folder
        self._made: set[Path] = set()
        """Folders this object has made sure exist (a mkdir of an existing folder is a
        system call, ≈ 0.1 ms on a busy file system, per entry written)."""
        self._prefix = hashlib.blake2b(
            (_code_signature() + "|" + options_key).encode(), digest_size=16
        ).digest()

    @classmethod
    def open(cls, folder: str | Path, options_key: str) -> Cache:
        return cls(Path(folder), options_key)

    def key(self, content: bytes) -> str:
        digest = hashlib.blake2b(self._prefix, digest_size=20)
        digest.update(content)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key[2:]

    def _read(self, path: Path, key: str) -> tuple[Any, ...] | None:
        """The payload of one cache file, or None if missing, corrupt or for another key."""
        raw = _read_entry(path)
        if raw is None or not raw.startswith(_MAGIC):
            return None
        digest = raw[len(_MAGIC):len(_MAGIC) + _DIGEST]
        payload = raw[len(_MAGIC) + _DIGEST:]
        if hashlib.blake2b(payload, digest_size=_DIGEST).digest() != digest:
            return None
        try:
            loaded = marshal.loads(payload)
        except (ValueError, TypeError, EOFError):
            return None
        if not isinstance(loaded, tuple) or not loaded or loaded[0] != key:
            return None
        return loaded

    def get(self, key: str, file: str, today: datetime.date,
            want_data: bool = False) -> Entry | None:
        """The cached result, or None. The plan data lives in a separate file read only with
        `want_data` (the query commands), so a warm `validate` reads just the small entry."""
        path = self._path(key)
        try:
            found = self._read(path, key)
            if found is None:
                return None
            _, diagnostics, has_data, computed_on, latest, unread = found
            computed = datetime.date.fromordinal(computed_on)
            latest_date = datetime.date.fromordinal(latest) if latest else None
            if computed != today and not (
                latest_date is None or (computed >= latest_date and today >= latest_date)
            ):
                return None
            data: dict[str, Any] | None = None
            if want_data and has_data:
                data = self.get_data(key)
                if data is None:
                    return None  # the data is gone or damaged: check the file again
            return Entry(
                [_diagnostic(file, d) for d in diagnostics], data, computed, latest_date,
                bool(has_data), [_unread(file, u) for u in unread],
            )
        except (ValueError, TypeError, KeyError, IndexError, OverflowError):
            return None

    def get_data(self, key: str) -> dict[str, Any] | None:
        """The plan data stored with an entry (`Entry.has_data`), or None if it is gone or
        damaged (the caller checks the file again)."""
        path = self._path(key)
        stored = self._read(path.with_name(path.name + ".data"), key)
        if stored is None or len(stored) != 2 or not isinstance(stored[1], dict):
            return None
        return stored[1]

    def get_part(self, key: str, slot: str, part_key: str) -> bytes | None:
        """The pickled part a query stored for this entry under `part_key`, or None (load it
        with `load_part`)."""
        found = self._read(self._part_path(key, slot), key)
        if found is None or len(found) != 3 or found[1] != part_key:
            return None
        blob = found[2]
        return blob if isinstance(blob, bytes) else None

    def put_part(self, key: str, slot: str, part_key: str, blob: bytes) -> None:
        """Keep a query's pickled part of the file (replacing what the slot held)."""
        target = self._part_path(key, slot)
        try:
            self._folder_of(target)
            self._write(target, marshal.dumps((key, part_key, blob)))
        except (OSError, ValueError):
            self._made.discard(target.parent)  # perhaps deleted meanwhile: make it next time

    def _part_path(self, key: str, slot: str) -> Path:
        if not _SLOT.fullmatch(slot):
            raise ValueError(f"bad cache slot {slot!r}")
        path = self._path(key)
        return path.with_name(f"{path.name}.{slot}")

    def put(self, key: str, entry: Entry) -> None:
        diagnostics = [
            (d.line, d.column, d.end_line, d.end_column, d.severity.value, d.code, d.message,
             d.hint)
            for d in entry.diagnostics
        ]
        target = self._path(key)
        try:
            self._folder_of(target)
            if entry.data is not None:  # the data first: an entry never points at nothing
                self._write(target.with_name(target.name + ".data"),
                            marshal.dumps((key, entry.data)))
            self._write(target, marshal.dumps((
                key,
                diagnostics,
                entry.data is not None,
                entry.computed_on.toordinal(),
                entry.latest_date.toordinal() if entry.latest_date else 0,
                [tuple(u)[1:] for u in entry.unread],
            )))
        except (OSError, ValueError):
            # a cache that cannot be written is only slower, never wrong (and a folder
            # deleted meanwhile is made again next time)
            self._made.discard(target.parent)

    def _folder_of(self, target: Path) -> None:
        """Make the folder of a cache file (and the cache's .gitignore) unless done already."""
        folder = target.parent
        if folder in self._made:
            return
        folder.mkdir(parents=True, exist_ok=True)
        _ensure_gitignore(self.folder)
        self._made.add(folder)

    @staticmethod
    def _write(target: Path, payload: bytes) -> None:
        blob = _MAGIC + hashlib.blake2b(payload, digest_size=_DIGEST).digest() + payload
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(blob)
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


MAX_ENTRY_BYTES = 64 * 1024 * 1024
"""The largest cache file read (the data of an 8 MB plan is well under it)."""


def _read_entry(path: Path) -> bytes | None:
    """A cache file's bytes, read as untrusted input: a regular file only (not a FIFO, a
    device or a link to one: the last step of the path is never followed), at most
    MAX_ENTRY_BYTES; None for anything else."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_ENTRY_BYTES:
            return None
        chunks: list[bytes] = []
        size = 0
        while size <= st.st_size:  # the size fstat gave; a file that grows meanwhile is
            chunk = os.read(fd, min(st.st_size + 1 - size, 1 << 20) or 1)  # read to it
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size != st.st_size:
            return None
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


_SLOT = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,40}")
_PART_MODULES = frozenset({"clusterctl.queries", "clusterctl.directory"})
"""The modules whose value types a cached part may contain."""


class PartRefused(Exception):
    """A stored part holds something `load_part` does not build."""


class _PartUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        found = _PART_CLASSES.get((module, name))
        if found is None:
            found = _PART_CLASSES[module, name] = _part_class(module, name)
        return found


def _part_class(module: str, name: str) -> Any:
    if (module, name) == ("datetime", "date"):
        return datetime.date
    if module in _PART_MODULES:
        found = getattr(importlib.import_module(module), name, None)
        if isinstance(found, type) and (
            (issubclass(found, tuple) and hasattr(found, "_fields"))
            or dataclasses.is_dataclass(found)
            or issubclass(found, enum.Enum)
        ):
            return found
    raise PartRefused(f"{module}.{name}")


_PART_CLASSES: dict[tuple[str, str], Any] = {}
"""The classes parts may name, found once each (a part names its few classes again and again,
one part after another)."""


def dump_part(part: Any) -> bytes:
    return pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL)


def load_part(blob: bytes) -> Any:
    """A part from `dump_part`'s bytes; raises PartRefused for anything but plain values,
    dates and the named tuples, dataclasses and enums of the query modules."""
    try:
        return _PartUnpickler(io.BytesIO(blob)).load()
    except PartRefused:
        raise
    except Exception as exc:  # a damaged pickle: never trusted, never a traceback
        raise PartRefused(str(exc)) from None


def _ensure_gitignore(folder: Path) -> None:
    marker = folder / ".gitignore"
    if not marker.exists():
        with contextlib.suppress(OSError):
            marker.write_text("# created by clusterctl\n*\n", encoding="utf-8")


def _diagnostic(file: str, row: Any) -> Diagnostic:
    line, column, end_line, end_column, severity, code, message, hint = row
    return Diagnostic(
        file=file, line=int(line), column=int(column), severity=Severity(severity),
        code=str(code), message=str(message), hint=str(hint),
        end_line=None if end_line is None else int(end_line),
        end_column=None if end_column is None else int(end_column),
    )


def _unread(file: str, row: Any) -> Unread:
    from clusterctl.plan import Unread

    line, column, project, ref, field_name, phrase = row
    return Unread(file, int(line), int(column), str(project), str(ref), str(field_name),
                  str(phrase))


def latest_date(index: PlanIndex) -> datetime.date | None:
    """The latest done_on / cancelled_on / reschedule date of a plan (for cache validity)."""
    latest: datetime.date | None = None
    for item in index.items:
        work = item.work
        for day in (work.done_on, work.cancelled_on, *(m.on for m in work.reschedules)):
            if day is not None and (latest is None or day > latest):
                latest = day
    return latest
