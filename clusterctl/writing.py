"""Writing files atomically: a temporary file in the same folder, fsync, then rename.

If anything fails before the rename, the original file is untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: str | Path, data: bytes) -> None:
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        mode = os.stat(target).st_mode & 0o7777
    except FileNotFoundError:  # a new file: what open() would give it under the umask
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
