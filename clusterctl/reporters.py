"""Printing diagnostics: text (`path:line:col: severity CODE message`), JSON, GitHub.

Only this module and the CLI import rich, and only for colour on a terminal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TextIO

from clusterctl.diagnostics import Diagnostic, Severity

FORMATS = ("text", "json", "github")

_HINT_LABEL = {"ru": "подсказка", "en": "hint"}


def use_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def format_text_line(d: Diagnostic) -> str:
    return f"{d.file}:{d.line}:{d.column}: {d.severity.value} {d.code} {d.message}"


def report_text(diagnostics: Sequence[Diagnostic], stream: TextIO, lang: str) -> None:
    label = _HINT_LABEL.get(lang, "hint")
    if not use_colour(stream):
        for d in diagnostics:
            stream.write(format_text_line(d) + "\n")
            if d.hint:
                stream.write(f"    {label}: {d.hint}\n")
        return
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


def report_json(diagnostics: Sequence[Diagnostic], stream: TextIO) -> None:
    import json  # here: the text output, the usual one, does not need it at start-up

    json.dump([d.to_dict() for d in diagnostics], stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def report_github(diagnostics: Sequence[Diagnostic], stream: TextIO) -> None:
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


def report(diagnostics: Sequence[Diagnostic], fmt: str, lang: str,
           stream: TextIO | None = None) -> None:
    out = stream if stream is not None else sys.stdout
    if fmt == "json":
        report_json(diagnostics, out)
    elif fmt == "github":
        report_github(diagnostics, out)
    else:
        report_text(diagnostics, out, lang)


def summary(files: int, errors: int, warnings: int, lang: str) -> str:
    if lang == "ru":
        return (
            f"Проверено файлов: {files}; ошибок: {errors}, предупреждений: {warnings}."
        )
    return f"Checked {files} file{'s' if files != 1 else ''}: {errors} error" + (
        "s" if errors != 1 else ""
    ) + f", {warnings} warning" + ("s" if warnings != 1 else "") + "."
