"""`done`, `reschedule`, `cancel`, `start`: change one task of a plan file in place.

A thin layer over `clusterctl.edit` (see docs/editing.md). Exit status: 0 changed (or nothing
to change), 1 the edit was refused and the file left untouched (the reason on stderr), 2 usage
(no such file, a bad date, an empty reason).
"""

import datetime
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from clusterctl.cli.app import AsOfOpt, LangOpt, app, day_option, fail_usage, today_or

if TYPE_CHECKING:
    from clusterctl.edit import EditResult

PathArg = Annotated[
    str, typer.Argument(help="Файл плана (*.yaml).", metavar="PATH", show_default=False)
]
RefArg = Annotated[
    str,
    typer.Argument(
        help="Номер мероприятия: «8», подпункт «8.2» или с этапом «II/1.1».",
        metavar="REF",
        show_default=False,
    ),
]
DryRunOpt = Annotated[
    bool,
    typer.Option("--dry-run", "-n", help="Показать изменения (diff) и не записывать файл."),
]
ReasonOpt = Annotated[
    str, typer.Option("--reason", "-r", help="Причина (обязательно).", show_default=False)
]

def _plan_file(path: str, ref: str, lang: str) -> Path:
    """The plan file (exit 2 if it is missing or a folder); an empty REF is a usage error."""
    import stat

    from clusterctl.i18n import os_reason, text

    _text(ref, "REF", lang)
    target = Path(path)
    try:
        found = target.stat()
    except FileNotFoundError:
        raise fail_usage(f"нет такого файла: {path}" if lang == "ru" else f"no such file: {path}"
                         ) from None
    except OSError as exc:  # a folder on the way the user may not enter, a link loop…
        raise fail_usage(text("io-error", lang, path=path, reason=os_reason(exc, lang))[0]
                         ) from None
    if stat.S_ISDIR(found.st_mode):
        raise fail_usage(
            f"{path} — папка, а нужен файл плана" if lang == "ru"
            else f"{path} is a folder, not a plan file"
        )
    return target


def _day(value: str, option: str, lang: str) -> datetime.date:
    """One day: 2022-10-14 or 14.10.2022 (as every date option)."""
    return day_option(value, option, lang)


def _text(value: str, option: str, lang: str) -> str:
    if not value.strip():
        raise fail_usage(
            f"{option}: пустое значение" if lang == "ru" else f"{option}: the value is empty"
        )
    return value


def _run(call: Callable[[], "EditResult"], lang: str, dry_run: bool) -> None:
    from clusterctl.errors import PlanWriteError
    from clusterctl.reporters import report

    try:
        result = call()
    except PlanWriteError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from None
    if dry_run and result.changed:
        typer.echo(result.diff, nl=False)
        typer.echo(
            f"{result.message} (пробный запуск: файл не изменён)" if lang == "ru"
            else f"{result.message} (dry run: the file is unchanged)",
            err=True,
        )
    else:
        typer.echo(result.message)
    if result.warnings:
        report(list(result.warnings), "text", lang, sys.stderr)


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
    from clusterctl.i18n import resolve_lang

    language = resolve_lang(lang)
    target = _plan_file(path, ref, language)
    today = today_or(as_of, language)
    day = _day(on, "--on", language) if on is not None else None
    _run(lambda: mark_done(target, ref, day, today, lang=language, dry_run=dry_run),
         language, dry_run)


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
    as_of: AsOfOpt = None,
    dry_run: DryRunOpt = False,
    lang: LangOpt = None,
) -> None:
    """Перенести срок на более поздний (с причиной): due и запись в reschedules."""
    from clusterctl.edit import reschedule as move
    from clusterctl.i18n import resolve_lang

    language = resolve_lang(lang)
    target = _plan_file(path, ref, language)
    phrase = _text(to, "--to", language)
    why = _text(reason, "--reason", language)
    today = today_or(as_of, language)
    _run(lambda: move(target, ref, phrase, why, today, lang=language, dry_run=dry_run),
         language, dry_run)


@app.command()
def cancel(
    path: PathArg,
    ref: RefArg,
    reason: ReasonOpt,
    as_of: AsOfOpt = None,
    dry_run: DryRunOpt = False,
    lang: LangOpt = None,
) -> None:
    """Отменить мероприятие по уважительной причине: status: cancelled, cancel_reason,
    cancelled_on."""
    from clusterctl.edit import cancel as drop
    from clusterctl.i18n import resolve_lang

    language = resolve_lang(lang)
    target = _plan_file(path, ref, language)
    why = _text(reason, "--reason", language)
    today = today_or(as_of, language)
    _run(lambda: drop(target, ref, why, today, lang=language, dry_run=dry_run),
         language, dry_run)


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
    from clusterctl.i18n import resolve_lang

    language = resolve_lang(lang)
    target = _plan_file(path, ref, language)
    today = today_or(as_of, language)
    _run(lambda: set_status(target, ref, "in_progress", today, lang=language,
                            dry_run=dry_run),
         language, dry_run)
