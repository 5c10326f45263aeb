"""Writing files atomically, under a lock, keeping mode, owner and group.

`write_atomic` writes a temporary file in the target's folder, fsyncs it, gives it the
target's mode, owner and group, and renames it over the target: a reader sees the old file or
the new one, never half of one, and if anything fails the target is untouched. `locked` holds
an exclusive lock on an existing file for a read-check-write (the edit commands), so that two
commands changing one plan at once cannot lose either change.

Failures are `clusterctl.errors.WriteError`s (a usage or I/O failure for the command line:
exit status 2), never a raw `OSError`.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from clusterctl.errors import WriteError

LOCK_WAIT_SECONDS = 30.0
"""How long `locked` waits for another command to finish with the file."""


def _target_of(path: str | Path) -> Path:
    """The file to replace: a symbolic link is followed (the file it points to is
    replaced, the link stays)."""
    target = Path(path)
    return Path(os.path.realpath(target)) if target.is_symlink() else target


def write_atomic(path: str | Path, data: bytes) -> None:
    """Replace (or create) `path` with `data` atomically; raise WriteError and leave the
    file untouched on any failure.

    An existing file keeps its mode, and its owner and group where this process may set
    them (root, or the owner itself for its groups); a new file gets the mode `open()`
    would give it. An existing folder at `path` is refused."""
    target = _target_of(path)
    try:
        old = os.stat(target)
    except FileNotFoundError:
        old = None
    except OSError as exc:
        raise WriteError(path, exc) from None
    if old is not None and not stat.S_ISREG(old.st_mode):
        raise WriteError(path, IsADirectoryError(21, "Is a directory")
                         if stat.S_ISDIR(old.st_mode) else "not-regular")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise WriteError(path, "no-folder")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise WriteError(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if old is None:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        else:
            _keep_owner(tmp, old)
            os.chmod(tmp, stat.S_IMODE(old.st_mode))
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise WriteError(path, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _keep_owner(tmp: str, old: os.stat_result) -> None:
    """Give the new file the old one's owner and group, as far as this process may."""
    if (old.st_uid, old.st_gid) == (os.geteuid(), os.getegid()):
        return
    try:
        os.chown(tmp, old.st_uid, old.st_gid)
    except PermissionError:
        with contextlib.suppress(PermissionError):
            os.chown(tmp, -1, old.st_gid)  # a group of ours, at least


def check_writable(path: str | Path) -> None:
    """Raise WriteError unless `path` is an existing regular file that may be written:
    its mode gives write permission (a read-only file, mode 0444, is refused even for
    root, whom the system would let write it) and the system agrees."""
    target = _target_of(path)
    try:
        st = os.stat(target)
    except OSError as exc:
        raise WriteError(path, exc) from None
    if not stat.S_ISREG(st.st_mode):
        raise WriteError(path, "not-regular")
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise WriteError(path, "read-only")
    if not os.access(target, os.W_OK):
        raise WriteError(path, PermissionError(13, "Permission denied"))


@contextlib.contextmanager
def locked(path: str | Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold an exclusive lock on the existing file `path` (advisory, `flock`) for the
    duration of the block.

    The lock is on the file itself: no lock file is left beside it. Because writing
    replaces the file (a new inode), a command that was waiting may find it locked the
    old one; it then locks the new file and goes on. Waits at most `wait` seconds for
    another command, then raises WriteError."""
    target = _target_of(path)
    deadline = time.monotonic() + wait
    while True:
        try:
            fd = os.open(target, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        except OSError as exc:
            raise WriteError(path, exc) from None
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise WriteError(path, "busy") from None
                    time.sleep(0.01)
            try:
                current = os.stat(target)
            except OSError as exc:
                raise WriteError(path, exc) from None
            opened = os.fstat(fd)
            if (current.st_dev, current.st_ino) == (opened.st_dev, opened.st_ino):
                yield
                return
        finally:
            os.close(fd)  # closing releases the lock
