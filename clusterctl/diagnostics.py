"""The `Diagnostic` value: one finding, located in a file, returned by every check.

Diagnostics are plain values (like yamllint's problems): checks yield them, reporters print
them. Lines and columns are 1-based, as editors show them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Span:
    """A region of a file: 1-based start and end positions (end column exclusive)."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int) -> Span:
        return cls(line, column, line, column)


FILE_START = Span(1, 1, 1, 1)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    file: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    hint: str = ""
    end_line: int | None = None
    end_column: int | None = None

    @classmethod
    def at(
        cls,
        file: str,
        span: Span,
        severity: Severity,
        code: str,
        message: str,
        hint: str = "",
    ) -> Diagnostic:
        return cls(
            file=file,
            line=span.line,
            column=span.column,
            severity=severity,
            code=code,
            message=message,
            hint=hint,
            end_line=span.end_line,
            end_column=span.end_column,
        )

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line if self.end_line is not None else self.line,
            "end_column": self.end_column if self.end_column is not None else self.column,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Diagnostic:
        return cls(
            file=str(data["file"]),
            line=int(data["line"]),
            column=int(data["column"]),
            severity=Severity(data["severity"]),
            code=str(data["code"]),
            message=str(data["message"]),
            hint=str(data.get("hint", "")),
            end_line=int(data["end_line"]),
            end_column=int(data["end_column"]),
        )


class Counted:
    """What has a list of findings (a checked file, an imported one): its errors and
    warnings counted."""

    __slots__ = ()
    diagnostics: list[Diagnostic]

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.WARNING)
