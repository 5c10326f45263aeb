"""Validating many files: discovery, then one `FileResult` per file, in a stable order."""

from __future__ import annotations

from clusterctl.check import CheckOptions, FileResult, check_file
from clusterctl.files import discover


def validate_paths(paths: list[str], options: CheckOptions) -> list[FileResult]:
    """Check every plan file under `paths` (files or folders); raise UserError for a path
    that does not exist."""
    files = discover(paths, options.lang)
    return [check_file(path, display, options) for path, display in files]
