"""Checking a plan: structure errors as located findings (`structure`), the semantic rules
(`rules/`, registered in `rules/__init__.py`), the file's own switches (`directives`), and
the entry points `check_bytes` and `check_file` (`checker`)."""

from clusterctl.check.checker import CheckOptions, FileResult, check_bytes, check_file

__all__ = ["CheckOptions", "FileResult", "check_bytes", "check_file"]
