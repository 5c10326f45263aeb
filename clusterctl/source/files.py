"""Finding plan files: paths given on the command line, folders searched recursively."""

from __future__ import annotations

import os
from pathlib import Path

from clusterctl.errors import UserError

PLAN_SUFFIXES = (".yaml", ".yml")
_SKIP_DIRS = frozenset({"templates", "node_modules", "__pycache__"})


def discover(paths: list[str]) -> list[tuple[Path, str]]:
    """(path, display name) of every plan file under `paths`, in a stable order.

    A folder is searched recursively for *.yaml and *.yml, skipping hidden folders (.git,
    .clusterctl_cache, …) and `templates/`. A file given by name is always checked, whatever
    its name or kind (a FIFO or device is then reported, not read). A path that does not
    exist is a usage error; one that cannot be read (permission denied on it or on a folder
    below it) is an I/O error naming it — never a quiet "no plan files".
    """
    found: list[tuple[Path, str]] = []
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        try:
            os.lstat(path)
        except (FileNotFoundError, NotADirectoryError):  # "plan.yaml/x": a file for a folder
            raise UserError("path.missing", path=raw) from None
        if path.is_dir():
            for root, dirs, files in os.walk(path, onerror=_unreadable):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS)
                for name in sorted(files):
                    if name.endswith(PLAN_SUFFIXES) and not name.startswith("."):
                        file_path = Path(root) / name
                        key = os.path.normpath(file_path)
                        if key not in seen:
                            seen.add(key)
                            found.append((file_path, file_path.as_posix()))
        else:
            key = os.path.normpath(path)
            if key not in seen:
                seen.add(key)
                found.append((path, path.as_posix()))
    return found


def _unreadable(error: OSError) -> None:
    """os.walk's error handler: a folder that cannot be listed is reported, not skipped."""
    raise error
