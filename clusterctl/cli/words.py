"""The command line's own words in the user's language: the help pages' headings, the help
option, and the usage errors of the argument parser (typer's click).

click writes "Usage:", "Options", "Show this message and exit." and its errors ("Missing
argument 'PATH'.", "No such option: --x") in English. `Command` and `Group` (the classes
every clusterctl command is built with, see `clusterctl.cli.base.App`) make their help
pages with `Formatter`, name the help option in the catalog's words, and show usage errors
with `show_usage_error` instead of click's own `show`: the same layout, in Russian by
default (`CLUSTERCTL_LANG=en` for English). A message click builds that has no entry here
is shown as click wrote it, after «Ошибка:».
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Any

from typer import Abort
from typer._click.core import Command as ClickCommand
from typer._click.core import Context as ClickContext
from typer._click.exceptions import (
    BadParameter,
    ClickException,
    MissingParameter,
    NoSuchOption,
    UsageError,
)
from typer._click.formatting import HelpFormatter
from typer.core import TyperCommand, TyperGroup

from clusterctl.i18n import resolve_lang, t

_SECTIONS = {"Arguments": "arguments", "Options": "options", "Commands": "commands"}

_VALUE_PROBLEMS: tuple[tuple[str, str], ...] = (
    (r"'?(?P<value>.*?)'? is not a valid int(?:eger| range)\.?", "cli.words.not-integer"),
    (r"'?(?P<value>.*?)'? is not a valid float(?: range)?\.?", "cli.words.not-number"),
    (r"(?P<value>.*?) is not in the range (?P<range>.*?)\.?", "cli.words.out-of-range"),
    (r"'?(?P<value>.*?)'? is not one of (?P<choices>.*?)\.?", "cli.words.not-a-choice"),
    (r"'?(?P<value>.*?)'? is not a valid boolean\.?", "cli.words.not-boolean"),
)
_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"No such command '(?P<name>.*?)'\.(?: Did you mean '(?P<close>.*?)'\?)?",
     "cli.words.no-command"),
    (r"Got unexpected extra arguments? \((?P<args>.*)\)", "cli.words.extra-args"),
    (r"Option '(?P<name>.*?)' requires an argument\.", "cli.words.needs-value"),
    (r"Option '(?P<name>.*?)' requires (?P<n>\d+) arguments\.", "cli.words.needs-values"),
    (r"Option '(?P<name>.*?)' does not take a value\.", "cli.words.takes-no-value"),
    (r"Missing command\.", "cli.words.missing-command"),
)


class Formatter(HelpFormatter):
    """click's help layout with the headings in the user's language (`lang`, else the
    environment's)."""

    def __init__(self, *args: Any, lang: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lang = lang

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        lang = self.lang or resolve_lang()
        args = args.replace("[OPTIONS]", t("cli.words.options-metavar", lang)).replace(
            "COMMAND [ARGS]...", t("cli.words.command-metavar", lang))
        super().write_usage(prog, args, t("cli.words.usage", lang) + " "
                            if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        key = _SECTIONS.get(heading)
        lang = self.lang or resolve_lang()
        super().write_heading(t("cli.words." + key, lang) if key else heading)


class Context(ClickContext):
    formatter_class = Formatter


def _help_option(command: ClickCommand, ctx: ClickContext) -> Any:
    option = ClickCommand.get_help_option(command, ctx)
    if option is not None:
        option.help = t("cli.words.help", resolve_lang())
    return option


class Command(TyperCommand):
    context_class = Context

    def get_help_option(self, ctx: ClickContext) -> Any:
        return _help_option(self, ctx)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        return _main(super().main, args, kwargs)


class Group(TyperGroup):
    context_class = Context

    def get_help_option(self, ctx: ClickContext) -> Any:
        return _help_option(self, ctx)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        return _main(super().main, args, kwargs)


def _main(run: Any, args: Sequence[Any], kwargs: dict[str, Any]) -> Any:
    """click's `main` with its usage errors shown in the user's language; the rest (exit
    statuses, --help, completion) as click does it."""
    if not kwargs.get("standalone_mode", True):
        return run(*args, **kwargs)
    words = kwargs.get("args") if kwargs.get("args") is not None else (
        args[0] if args else sys.argv[1:])
    lang = _asked_lang(list(words or []))
    try:
        # without standalone mode click returns what it would exit with: the status of a
        # `typer.Exit`, else the command's own return value (None)
        status = run(*args, **{**kwargs, "standalone_mode": False})
    except UsageError as error:
        show_usage_error(error, lang)
        sys.exit(error.exit_code)
    except ClickException as error:
        sys.stderr.write(t("cli.words.error", lang, message=error.format_message()) + "\n")
        sys.exit(error.exit_code)
    except Abort:
        sys.stderr.write(t("cli.interrupted", lang) + "\n")
        sys.exit(1)
    sys.exit(status if isinstance(status, int) else 0)


def _asked_lang(words: list[str]) -> str:
    """The language of a command line that click could not parse: its `--lang`, if it has
    one, else the environment's (CLUSTERCTL_LANG) or Russian."""
    asked: str | None = None
    for k, word in enumerate(words):
        if isinstance(word, str) and word.startswith("--lang="):
            asked = word.partition("=")[2]
        elif word == "--lang" and k + 1 < len(words) and isinstance(words[k + 1], str):
            asked = words[k + 1]
    return resolve_lang(asked)


def show_usage_error(error: UsageError, lang: str) -> None:
    """A usage error as click lays it out — usage, where to read help, the error — in the
    user's language."""
    ctx = error.ctx
    lines: list[str] = []
    if ctx is not None:
        usage = Formatter(width=ctx.terminal_width, max_width=ctx.max_content_width, lang=lang)
        ctx.command.format_usage(ctx, usage)
        lines.append(usage.getvalue().rstrip("\n"))
        if ctx.command.get_help_option(ctx) is not None:
            lines.append(t("cli.words.try-help", lang, command=ctx.command_path,
                           option=ctx.help_option_names[0]))
        lines.append("")
    lines.append(t("cli.words.error", lang, message=usage_message(error, lang)))
    sys.stderr.write("\n".join(lines) + "\n")


def usage_message(error: UsageError, lang: str) -> str:
    """What was wrong, in words (click's English message when there is no entry for it)."""
    if isinstance(error, MissingParameter):
        hint = _hint(error)
        kind = "option" if error.param_type == "option" or (
            error.param is not None and error.param.param_type_name == "option") else "argument"
        return t("cli.words.missing-" + kind, lang, name=hint)
    if isinstance(error, NoSuchOption):
        said = t("cli.words.no-option", lang, name=error.option_name)
        if error.possibilities:
            said += t("cli.words.possible", lang, names=", ".join(sorted(error.possibilities)))
        return said
    if isinstance(error, BadParameter):
        problem = _translated(str(error.message), _VALUE_PROBLEMS, lang) or error.message
        hint = _hint(error)
        return t("cli.words.bad-value", lang, name=hint, problem=problem) if hint else problem
    return _translated(error.format_message(), _MESSAGES, lang) or error.format_message()


def _hint(error: BadParameter) -> str:
    if error.param_hint is not None:
        hints = error.param_hint
    elif error.param is not None:
        hints = error.param.get_error_hint(error.ctx)  # type: ignore[arg-type]
    else:
        return ""
    if isinstance(hints, str):
        return hints
    return " / ".join(f"'{h}'" for h in hints)


def _translated(text: str, table: tuple[tuple[str, str], ...], lang: str) -> str | None:
    for pattern, key in table:
        found = re.fullmatch(pattern, text.strip())
        if found is not None:
            values = {k: v or "" for k, v in found.groupdict().items()}
            message = t(key, lang, **values)
            if values.get("close"):
                message += t("cli.words.did-you-mean", lang, name=values["close"])
            return message
    return None
