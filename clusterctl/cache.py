"""The result cache: `.clusterctl_cache/`, like ruff's and mypy's.

An entry is keyed by the file's bytes (BLAKE2b), clusterctl's version and code signature
(so a new version or a changed rule or message never reuses old results), and the options
that change the output (language, ignored codes, size cap). One file per plan holds the
file's diagnostics (without the file name, filled in on reading), the deadlines it could not
read, and — for a usable plan — its digest (`clusterctl.queries.digest`), which every query
answers from: a warm query reads no YAML and builds no model.

Plan files have no cross-file references: a file's result depends only on its own bytes and
the options, so a changed file is re-checked and nothing else needs to be. The one input
that is not in the key is the date of the check (`--as-of`), which only the "future-date"
check uses: an entry records the latest date the plan mentions (done_on, cancelled_on,
reschedules[].on) and is reused for another date only when both dates are on or after it (so
the check cannot come out differently).

The cache is untrusted input, as plan files are: an entry is read only if it is a regular
file (the last step of its path is never followed), at most `MAX_ENTRY_BYTES`, with a valid
digest of its payload and the right key; the stored digest is unpickled by an unpickler that
builds nothing but the digest's own value types, dates and enums (`load_digest`). Entries are
written atomically (temporary file + rename), so concurrent runs are safe; anything damaged
is ignored, never trusted, and rewritten.
"""

from __future__ import annotations

import contextlib
import datetime
import enum
import functools
import hashlib
import importlib
import io
import marshal
import os
import pickle
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clusterctl import __version__
from clusterctl.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from clusterctl.model.index import PlanIndex, Unread
    from clusterctl.queries.digest import PlanDigest

CACHE_DIR = ".clusterctl_cache"
_MAGIC = b"CLUSTERCTL-CACHE-4\n"
_DIGEST = 16
MAX_ENTRY_BYTES = 64 * 1024 * 1024
"""The largest cache file read (the digest of an 8 MB plan is well under it)."""


@functools.cache
def _code_signature() -> str:
    """Version plus the size and modification time of every module of the package, so a
    development checkout never reuses results computed by different code. Worked out once
    per process (a worker opens the cache for every chunk of files it checks: 125 times for
    2,000 files, ≈ 11 ms each)."""
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
    computed_on: datetime.date
    latest_date: datetime.date | None
    unread: list[Unread] = field(default_factory=list)
    """The deadlines the grammar did not understand (`FileResult.unread`)."""
    digest: bytes | None = None
    """The plan's digest as `dump_digest` bytes (None: the plan is not usable); load it
    with `load_digest`."""


class Cache:
    """A folder of cache entries."""

    def __init__(self, folder: str | Path, options_key: str) -> None:
        self.folder = Path(folder)
        self._made: set[Path] = set()
        """Folders this object has made sure exist (a mkdir of an existing folder is a
        system call per entry written)."""
        self._prefix = hashlib.blake2b(
            (_code_signature() + "|" + options_key).encode(), digest_size=16
        ).digest()

    def key(self, content: bytes) -> str:
        digest = hashlib.blake2b(self._prefix, digest_size=20)
        digest.update(content)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key[2:]

    def get(self, key: str, file: str, today: datetime.date) -> Entry | None:
        """The cached result for `today`, or None (missing, damaged, for another key, or
        computed for a date whose future-date check might differ)."""
        raw = _read_entry(self._path(key))
        if raw is None or not raw.startswith(_MAGIC):
            return None
        digest = raw[len(_MAGIC):len(_MAGIC) + _DIGEST]
        payload = raw[len(_MAGIC) + _DIGEST:]
        if hashlib.blake2b(payload, digest_size=_DIGEST).digest() != digest:
            return None
        try:
            found = marshal.loads(payload)
            stored_key, diagnostics, computed_on, latest, unread, blob = found
            if stored_key != key or not (blob is None or isinstance(blob, bytes)):
                return None
            computed = datetime.date.fromordinal(computed_on)
            latest_date = datetime.date.fromordinal(latest) if latest else None
            if computed != today and not (
                latest_date is None or (computed >= latest_date and today >= latest_date)
            ):
                return None
            return Entry([_diagnostic(file, d) for d in diagnostics], computed, latest_date,
                         [_unread(file, u) for u in unread], blob)
        except (ValueError, TypeError, KeyError, IndexError, OverflowError, EOFError):
            return None

    def put(self, key: str, entry: Entry) -> None:
        """Keep an entry (a cache that cannot be written is only slower, never wrong)."""
        diagnostics = [
            (d.line, d.column, d.end_line, d.end_column, d.severity.value, d.code, d.message,
             d.hint)
            for d in entry.diagnostics
        ]
        payload = marshal.dumps((
            key, diagnostics, entry.computed_on.toordinal(),
            entry.latest_date.toordinal() if entry.latest_date else 0,
            [tuple(u)[1:] for u in entry.unread], entry.digest,
        ))
        target = self._path(key)
        blob = _MAGIC + hashlib.blake2b(payload, digest_size=_DIGEST).digest() + payload
        try:
            self._folder_of(target)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(blob)
                os.replace(tmp, target)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except (OSError, ValueError):
            self._made.discard(target.parent)  # perhaps deleted meanwhile: make it next time

    def _folder_of(self, target: Path) -> None:
        """Make the folder of a cache file (and the cache's .gitignore) unless done already."""
        folder = target.parent
        if folder in self._made:
            return
        folder.mkdir(parents=True, exist_ok=True)
        marker = self.folder / ".gitignore"
        if not marker.exists():
            with contextlib.suppress(OSError):
                marker.write_text("# created by clusterctl\n*\n", encoding="utf-8")
        self._made.add(folder)


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
        data = os.read(fd, st.st_size + 1)
        while len(data) < st.st_size + 1:
            more = os.read(fd, st.st_size + 1 - len(data))
            if not more:
                break
            data += more
        return data if len(data) == st.st_size else None
    except OSError:
        return None
    finally:
        os.close(fd)


# ---------------------------------------------------------------------------- digests

_DIGEST_CLASSES = {
    ("datetime", "date"),
    ("clusterctl.model.deadlines", "Deadline"),
    ("clusterctl.model.deadlines", "Period"),
    ("clusterctl.model.deadlines", "DeadlineKind"),
    ("clusterctl.model.status", "Status"),
    ("clusterctl.queries.digest", "PlanDigest"),
    ("clusterctl.queries.digest", "Work"),
    ("clusterctl.queries.digest", "Event"),
    ("clusterctl.queries.digest", "Outcome"),
    ("clusterctl.queries.digest", "Stage"),
    ("clusterctl.queries.digest", "Cluster"),
    ("clusterctl.queries.digest", "Rules"),
    ("clusterctl.queries.people", "Registry"),
    ("clusterctl.queries.people", "Entry"),
}
"""The classes a stored digest may name, and their enums' members (`Status.done`); besides
them only `tuple.__new__` (pickled as `getattr(tuple, "__new__")`), which builds the named
tuples: nothing else is ever built from a stored digest."""


def _tuple_new_only(owner: Any, name: str) -> Any:
    """The `getattr` a stored digest may call: `tuple.__new__`, and nothing else."""
    if owner is tuple and name == "__new__":
        return tuple.__new__
    raise DigestRefused(f"getattr({owner!r}, {name!r})")


class DigestRefused(Exception):
    """A stored digest holds something `load_digest` does not build."""


class _DigestPickler(pickle.Pickler):
    """Pickles a digest so that it loads fast: a named tuple as `tuple.__new__(cls, values)`
    (one call in C, where the default goes through the class's `__new__` written in Python)
    and an enum member as a reference to it (`Status.done`, read once per digest) instead of
    a call of its class. Loading 2,000 digests: 3.1 s → 0.4 s (docs/performance.md)."""

    def reducer_override(self, obj: Any) -> Any:
        kind = type(obj)
        if isinstance(obj, tuple) and kind is not tuple:  # a named tuple of the digest
            return tuple.__new__, (kind, tuple(obj))
        if isinstance(obj, enum.Enum):
            return f"{kind.__qualname__}.{obj.name}"
        return NotImplemented


class _DigestUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        return _allowed(module, name)


@functools.cache
def _allowed(module: str, name: str) -> Any:
    """What a stored digest's reference to `module.name` builds, if it may build anything
    (DigestRefused otherwise). Looked up once per process: every digest names the same
    dozen classes and enum members (2,000 digests: ≈ 45,000 lookups)."""
    if module == "builtins" and name in ("getattr", "tuple"):
        return _tuple_new_only if name == "getattr" else tuple
    head, _, member = name.partition(".")
    if (module, name) not in _DIGEST_CLASSES and (
            not member or (module, head) not in _DIGEST_CLASSES):
        raise DigestRefused(f"{module}.{name}")
    found = getattr(importlib.import_module(module), head)
    if member:  # an enum's member, nothing else
        if not (isinstance(found, type) and issubclass(found, enum.Enum)):
            raise DigestRefused(f"{module}.{name}")
        return found[member]
    return found


def dump_digest(digest: PlanDigest) -> bytes:
    """A digest as bytes for the cache and for the way back from a worker process."""
    buffer = io.BytesIO()
    _DigestPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(digest)
    return buffer.getvalue()


def load_digest(blob: bytes) -> PlanDigest:
    """A digest from `dump_digest`'s bytes; DigestRefused for anything but the digest's own
    value types, or a damaged pickle."""
    from clusterctl.queries.digest import PlanDigest

    try:
        found = _DigestUnpickler(io.BytesIO(blob)).load()
    except DigestRefused:
        raise
    except Exception as exc:  # a damaged pickle: never trusted, never a traceback
        raise DigestRefused(str(exc)) from None
    if not isinstance(found, PlanDigest):
        raise DigestRefused(type(found).__name__)
    return found


# ---------------------------------------------------------------------------- rows


def _diagnostic(file: str, row: Any) -> Diagnostic:
    line, column, end_line, end_column, severity, code, message, hint = row
    return Diagnostic(
        file=file, line=int(line), column=int(column), severity=Severity(severity),
        code=str(code), message=str(message), hint=str(hint),
        end_line=None if end_line is None else int(end_line),
        end_column=None if end_column is None else int(end_column),
    )


def _unread(file: str, row: Any) -> Unread:
    from clusterctl.model.index import Unread

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
