"""Printing findings: one `Reporter` per format — text (`path:line:col: severity CODE
message`, hints under it, colour on a terminal), JSON (a list of objects), GitHub Actions
annotations — and the one-line summary of a check.

Only this module and the command line import rich, and only for colour on a terminal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Protocol, TextIO

from clusterctl.diagnostics import Diagnostic, Severity
from clusterctl.i18n import count, t


class Reporter(Protocol):
    """Prints a list of findings to a stream."""

    def __call__(self, diagnostics: Sequence[Diagnostic], stream: TextIO, lang: str) -> None:
        ...


def use_colour(stream: TextIO) -> bool:
    """Colour on a terminal, unless NO_COLOR is set; always with FORCE_COLOR."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def format_text_line(d: Diagnostic) -> str:
    return f"{d.file}:{d.line}:{d.column}: {d.severity.value} {d.code} {d.message}"


def format_text(diagnostics: Sequence[Diagnostic], lang: str) -> str:
    """The findings as plain text: a line each, its hint indented under it."""
    label = t("cli.hint", lang)
    out: list[str] = []
    for d in diagnostics:
        out.append(format_text_line(d) + "\n")
        if d.hint:
            out.append(f"    {label}: {d.hint}\n")
    return "".join(out)


def report_text(diagnostics: Sequence[Diagnostic], stream: TextIO, lang: str) -> None:
    if not use_colour(stream):
        stream.write(format_text(diagnostics, lang))
        return
    label = t("cli.hint", lang)
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, highlight=False, soft_wrap=True)
    for d in diagnostics:
        line = Text()
        line.append(f"{d.file}:{d.line}:{d.column}:", style="bold")
        line.append(" ")
        line.append(d.severity.value, style="bold red" if d.is_error else "bold yellow")
        line.append(" ")
        line.append(d.code, style="cyan")
        line.append(" " + d.message)
        console.print(line)
        if d.hint:
            console.print(Text(f"    {label}: {d.hint}", style="dim"))


def report_json(diagnostics: Sequence[Diagnostic], stream: TextIO, lang: str) -> None:
    import json  # here: the text output, the usual one, does not need it at start-up

    json.dump([d.to_dict() for d in diagnostics], stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def report_github(diagnostics: Sequence[Diagnostic], stream: TextIO, lang: str) -> None:
    """GitHub Actions workflow commands: one `::error`/`::warning` annotation per finding."""
    for d in diagnostics:
        level = "error" if d.severity is Severity.ERROR else "warning"
        props = [
            f"file={_escape_property(d.file)}",
            f"line={d.line}",
            f"col={d.column}",
        ]
        if d.end_line is not None:
            props.append(f"endLine={d.end_line}")
        if d.end_column is not None and d.end_line == d.line:
            props.append(f"endColumn={d.end_column}")
        props.append(f"title={_escape_property(d.code)}")
        body = d.message + (f"\n{d.hint}" if d.hint else "")
        stream.write(f"::{level} {','.join(props)}::{_escape_data(body)}\n")


REPORTERS: dict[str, Reporter] = {
    "text": report_text,
    "json": report_json,
    "github": report_github,
}
"""The formats of `validate --format`, in the order --help lists them."""
FORMATS = tuple(REPORTERS)


def report(diagnostics: Sequence[Diagnostic], fmt: str, lang: str,
           stream: TextIO | None = None) -> None:
    """Print `diagnostics` in the format `fmt` (text, json, github) to `stream` (stdout)."""
    REPORTERS[fmt](diagnostics, stream if stream is not None else sys.stdout, lang)


def summary(files: int, errors: int, warnings: int, lang: str) -> str:
    """«Проверено файлов: 5; ошибок: 0, предупреждений: 1.» / "Checked 5 files: …"."""
    return t("cli.summary", lang, files=files, errors=errors, warnings=warnings,
             files_counted=count(files, "word.file", lang),
             errors_counted=count(errors, "word.error", lang),
             warnings_counted=count(warnings, "word.warning", lang))
