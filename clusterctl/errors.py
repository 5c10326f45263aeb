"""The error hierarchy (copier-style): every failure the tool expects is a ClusterctlError.

The CLI turns a `UserError` into a message and exit status 2 (usage or I/O: nothing to check),
and a `FindingsError` into exit status 1. Anything else that escapes is an internal error:
it is reported with the file it happened on, never as a traceback.
"""

from __future__ import annotations

from clusterctl.diagnostics import Diagnostic


class ClusterctlError(Exception):
    """Base class for errors clusterctl expects and explains."""


class UserError(ClusterctlError):
    """Bad usage or unusable input (no such path, bad option value): exit status 2."""


class FindingsError(ClusterctlError):
    """Input that was read but is wrong: carries located diagnostics; exit status 1."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("; ".join(d.message for d in diagnostics))
        self.diagnostics = diagnostics


class LoadError(FindingsError):
    """A plan file that could not be read or parsed into data."""


class TemplateError(ClusterctlError):
    """A template that is missing, broken or unsafe (located by template file and line)."""


class PlanWriteError(ClusterctlError):
    """A plan edit that could not be applied; the file is left untouched."""
