"""`done`, `reschedule`, `cancel`, `start`: change one task of a plan file in place.

A thin layer over `clusterctl.edit` (see docs/editing.md). Exit status: 0 changed (or nothing
to change), 1 the edit was refused and the file left untouched (the reason on stderr), 2 usage
(no such file, a bad date, an empty reason).
"""

import datetime
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from clusterctl.cli.base import (
    AsOfOpt,
    LangOpt,
    app,
    complete_plans,
    complete_ref,
    day_option,
    fail_usage,
    today_or,
)

if TYPE_CHECKING:
    from clusterctl.edit import EditResult

PathArg = Annotated[
    str, typer.Argument(help="Файл плана (*.yaml).", metavar="PATH", show_default=False,
                        autocompletion=complete_plans)
]
RefArg = Annotated[
    str,
    typer.Argument(
        help="Номер мероприятия: «8», подпункт «8.2» или с этапом «II/1.1».",
        metavar="REF",
        show_default=False,
        autocompletion=complete_ref,
    ),
]
DryRunOpt = Annotated[
    bool,
    typer.Option("--dry-run", "-n", help="Показать изменения (diff) и не записывать файл."),
]
ReasonOpt = Annotated[
    str, typer.Option("--reason", "-r", help="Причина (обязательно).", show_default=False)
]
DecidedOpt = Annotated[
    str | None,
    typer.Option("--on", help="Когда решено: 2022-10-14 или 14.10.2022; "
                 "по умолчанию сегодня (--as-of)."),
]


def _plan_file(path: str, ref: str, lang: str) -> Path:
    """The plan file (exit 2 if it is missing or a folder); an empty REF is a usage error."""
    import stat

    from clusterctl.i18n import os_reason, t

    _text(ref, "REF", lang)
    target = Path(path)
    try:
        found = target.stat()
    except FileNotFoundError:
        raise fail_usage(t("cli.no-file", lang, path=path)) from None
    except OSError as exc:  # a folder on the way the user may not enter, a link loop…
        raise fail_usage(t("io.error", lang, path=path, reason=os_reason(exc, lang))) from None
    if stat.S_ISDIR(found.st_mode):
        raise fail_usage(t("cli.is-folder", lang, path=path))
    return target


def _day(value: str, option: str, lang: str) -> datetime.date:
    """One day: 2022-10-14 or 14.10.2022 (as every date option)."""
    return day_option(value, option, lang)


def _text(value: str, option: str, lang: str) -> str:
    from clusterctl.i18n import t

    if not value.strip():
        raise fail_usage(t("cli.empty-value", lang, option=option))
    return value


def _run(call: "Callable[[], EditResult]", lang: str, dry_run: bool) -> None:
    from clusterctl.errors import PlanWriteError
    from clusterctl.i18n import t
    from clusterctl.output.reporters import report

    try:
        result = call()
    except PlanWriteError as exc:
        typer.echo(exc.text, err=True)
        raise typer.Exit(1) from None
    if dry_run and result.changed:
        typer.echo(result.diff, nl=False)
        typer.echo(t("cli.dry-run", lang, message=result.message), err=True)
    else:
        typer.echo(result.message)
    if result.warnings:
        report(list(result.warnings), "text", lang, sys.stderr)


class _Edit(NamedTuple):
    """What every edit command starts from: the language, the plan file and the date."""

    lang: str
    target: Path
    today: datetime.date


def _begin(path: str, ref: str, as_of: str | None, lang: str | None) -> _Edit:
    from clusterctl.i18n import resolve_lang

    language = resolve_lang(lang)
    target = _plan_file(path, ref, language)
    return _Edit(language, target, today_or(as_of, language))


@app.command()
def done(
    path: PathArg,
    ref: RefArg,
    on: Annotated[
        str | None,
        typer.Option("--on", help="Когда выполнено: 2022-10-14 или 14.10.2022; "
                     "по умолчанию сегодня (--as-of)."),
    ] = None,
    as_of: AsOfOpt = None,
    dry_run: DryRunOpt = False,
    lang: LangOpt = None,
) -> None:
    """Отметить мероприятие (подпункт) выполненным: status: done, done_on."""
    from clusterctl.edit import mark_done

    e = _begin(path, ref, as_of, lang)
    day = _day(on, "--on", e.lang) if on is not None else None
    _run(lambda: mark_done(e.target, ref, day, e.today, lang=e.lang, dry_run=dry_run),
         e.lang, dry_run)


@app.command()
def reschedule(
    path: PathArg,
    ref: RefArg,
    to: Annotated[
        str,
        typer.Option("--to", help="Новый срок, как его пишут: «До 20.12.2022».",
                     show_default=False),
    ],
    reason: ReasonOpt,
    on: DecidedOpt = None,
    as_of: AsOfOpt = None,
    dry_run: DryRunOpt = False,
    lang: LangOpt = None,
) -> None:
    """Перенести срок на более поздний (с причиной): due и запись в reschedules."""
    from clusterctl.edit import reschedule as move

    e = _begin(path, ref, as_of, lang)
    phrase = _text(to, "--to", e.lang)
    why = _text(reason, "--reason", e.lang)
    day = _day(on, "--on", e.lang) if on is not None else None
    _run(lambda: move(e.target, ref, phrase, why, e.today, on=day, lang=e.lang,
                      dry_run=dry_run),
         e.lang, dry_run)


@app.command()
def cancel(
    path: PathArg,
    ref: RefArg,
    reason: ReasonOpt,
    on: DecidedOpt = None,
    as_of: AsOfOpt = None,
    dry_run: DryRunOpt = False,
    lang: LangOpt = None,
) -> None:
    """Отменить мероприятие по уважительной причине: status: cancelled, cancel_reason,
    cancelled_on."""
    from clusterctl.edit import cancel as drop

    e = _begin(path, ref, as_of, lang)
    why = _text(reason, "--reason", e.lang)
    day = _day(on, "--on", e.lang) if on is not None else None
    _run(lambda: drop(e.target, ref, why, e.today, on=day, lang=e.lang, dry_run=dry_run),
         e.lang, dry_run)


@app.command()
def start(
    path: PathArg,
    ref: RefArg,
    as_of: AsOfOpt = None,
    dry_run: DryRunOpt = False,
    lang: LangOpt = None,
) -> None:
    """Взять мероприятие в работу: status: in_progress (отменённое или выполненное —
    вернуть в работу)."""
    from clusterctl.edit import set_status

    e = _begin(path, ref, as_of, lang)
    _run(lambda: set_status(e.target, ref, "in_progress", e.today, lang=e.lang,
                            dry_run=dry_run),
         e.lang, dry_run)
