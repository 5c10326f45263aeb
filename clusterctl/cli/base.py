"""The command line's shared parts: the typer app with its error boundary, the common options,
and the few steps every command takes (the date to count from, the plans to answer from).

Only the `clusterctl.cli` package imports typer.

Exit status (like ruff): 0 clean, 1 findings (errors; warnings too with --strict; files a
query had to skip), 2 usage or I/O failure (no such path, nothing to check, bad option).
"""

from __future__ import annotations

import datetime
import functools
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, TypeVar

import typer

from clusterctl import __version__

if TYPE_CHECKING:
    from clusterctl.check import CheckOptions, FileResult
    from clusterctl.model.index import Unread
    from clusterctl.runner import Plans, RunOptions

F = TypeVar("F", bound=Callable[..., Any])


class App(typer.Typer):
    """A typer app whose every command runs inside `guarded`: the library's expected errors
    become a message and their exit status, and nothing else ever reaches the user as a
    traceback. Its help pages and usage errors speak the user's language
    (`clusterctl.cli.words`)."""

    def __init__(self, **kwargs: Any) -> None:
        from clusterctl.cli.words import Group

        kwargs.setdefault("cls", Group)
        super().__init__(**kwargs)

    def command(self, name: str | None = None, **kwargs: Any) -> Callable[[F], F]:
        from clusterctl.cli.words import Command

        kwargs.setdefault("cls", Command)
        register = super().command(name, **kwargs)

        def wrap(func: F) -> F:
            register(guarded(func))
            return func

        return wrap


def guarded(func: Callable[..., Any]) -> Callable[..., Any]:
    """`func` with the command line's error boundary (exit status as documented:
    1 findings, 2 usage and I/O; an unexpected exception is an internal error, exit 2)."""

    @functools.wraps(func)
    def run(*args: Any, **kwargs: Any) -> Any:
        from clusterctl.errors import ClusterctlError
        from clusterctl.i18n import os_reason, t

        lang = _lang_of(kwargs)
        undecodable = _undecodable(kwargs)
        if undecodable is not None:
            raise fail_usage(t("cli.undecodable", lang, shown=undecodable))
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, KeyboardInterrupt, SystemExit):
            raise
        except ClusterctlError as exc:
            typer.echo(f"clusterctl: {exc.describe(lang)}", err=True)
            raise typer.Exit(exc.exit_status) from None
        except BrokenPipeError:  # the reader went away (`| head`): nothing more to say
            # Python's recipe: stdout to /dev/null, so that the flush at exit fails no more
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(1) from None
        except OSError as exc:  # a file the command could not read or write
            where = exc.filename if exc.filename is not None else "?"
            typer.echo("clusterctl: " + t("io.error", lang, path=where,
                                          reason=os_reason(exc, lang)), err=True)
            raise typer.Exit(2) from None
        except Exception as exc:  # RecursionError, MemoryError and bugs
            if type(exc).__module__.startswith(("click", "typer")):
                raise  # click's own (a usage error): click reports it
            error = type(exc).__name__ if isinstance(exc, (RecursionError, MemoryError)) else (
                f"{type(exc).__name__}: {exc}")
            typer.echo("clusterctl: " + t("cli.internal-error", lang, error=error), err=True)
            raise typer.Exit(2) from None

    return run


def _undecodable(kwargs: dict[str, Any]) -> str | None:
    """The first argument that holds bytes not in the system's encoding (Python keeps them as
    lone surrogates, which no output can print), shown with them escaped; None if none."""
    for value in kwargs.values():
        for item in value if isinstance(value, (list, tuple)) else (value,):
            if isinstance(item, str) and not item.isascii():
                try:
                    item.encode("utf-8")
                except UnicodeEncodeError:
                    return item.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return None


def _lang_of(kwargs: dict[str, Any]) -> str:
    from clusterctl.i18n import resolve_lang

    lang = kwargs.get("lang")
    return resolve_lang(lang if isinstance(lang, str) else None)


# ---------------------------------------------------------------- shell completion
# Small wrappers that typer inspects when it builds the commands; the completers themselves
# (clusterctl.cli.completion) are imported only when the shell asks for candidates.


def complete_plans(incomplete: str) -> list[str]:
    from clusterctl.cli import completion

    return completion.plan_files(incomplete)


def complete_ref(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    from clusterctl.cli import completion

    return completion.refs(ctx.params.get("path"), incomplete)


def complete_responsible(ctx: typer.Context, incomplete: str) -> list[str]:
    from clusterctl.cli import completion

    # while an option's value is being typed, click leaves the paths in ctx.args
    return completion.responsible(ctx.params.get("paths") or ctx.args, incomplete)


def complete_who_args(ctx: typer.Context, incomplete: str) -> list[str]:
    """`who [NAME] [PATH…]`: a name of the plans under projects/ (or a path) first."""
    from clusterctl.cli import completion

    if ctx.params.get("args"):
        return completion.plan_files(incomplete)
    return completion.responsible(None, incomplete) + completion.plan_files(incomplete)


def complete_render_args(ctx: typer.Context, args: list[str], incomplete: str
                         ) -> list[tuple[str, str]] | list[str]:
    """`render KIND [TASK] [PATH…]`: a kind first, then plan files."""
    from clusterctl.cli import completion

    typed = ctx.params.get("args") or []
    if not typed:
        return completion.kinds(incomplete)
    return completion.plan_files(incomplete)


def complete_template_file(incomplete: str) -> list[str]:
    from clusterctl.cli import completion

    return completion.template_files(incomplete)


def complete_template_name(incomplete: str) -> list[str]:
    from clusterctl.cli import completion

    return completion.template_names(incomplete)


def _install_completion(ctx: typer.Context, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from clusterctl.cli import completion
        from clusterctl.i18n import resolve_lang

        typer.echo(completion.install(resolve_lang()))
        raise typer.Exit(0)


def _show_completion(ctx: typer.Context, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from clusterctl.cli import completion
        from clusterctl.i18n import resolve_lang

        typer.echo(completion.script(resolve_lang()))
        raise typer.Exit(0)


app = App(
    name="clusterctl",
    help="Планы кластерных проектов в YAML: проверка, сроки, документы, календари.\n\n"
    "Keep cluster project plans as YAML: validate, query, render, export.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

LangOpt = Annotated[
    str | None,
    typer.Option("--lang", help="Язык сообщений: ru (по умолчанию) или en. Env: CLUSTERCTL_LANG."),
]
PathsArg = Annotated[
    list[str] | None,
    typer.Argument(help="Файлы или папки с планами (по умолчанию projects/).", show_default=False,
                   autocompletion=complete_plans),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option("--as-of", help="Дата, на которую считать (ГГГГ-ММ-ДД); по умолчанию сегодня."),
]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Не читать и не писать кэш .clusterctl_cache/.")
]
CacheDirOpt = Annotated[
    str | None, typer.Option("--cache-dir", help="Папка кэша (по умолчанию .clusterctl_cache).")
]
JobsOpt = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=0, help="Процессов для проверки (0 — по числу ядер)."),
]

ProjectOpt = Annotated[
    list[str] | None,
    typer.Option("--project", "-p", help="Только этот проект (id); можно повторять."),
]
StageOpt = Annotated[
    list[str] | None,
    typer.Option("--stage", help="Только этот этап (номер или название); можно повторять."),
]
ClusterOpt = Annotated[
    list[str] | None,
    typer.Option("--cluster", help="Только этот кластер (id или название); можно повторять."),
]
ResponsibleOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--responsible", "-r",
        help="Только этот ответственный: id, имя, ФИО, другое написание или фамилия.",
        autocompletion=complete_responsible,
    ),
]
StatusOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--status", "-s",
        help="planned, in_progress, done, cancelled или open (можно через запятую).",
    ),
]
FormatOpt = Annotated[
    str | None,
    typer.Option("--format", "-f", help="table (по умолчанию), json, csv, md или xlsx (Excel, "
                 "с -o ФАЙЛ); по умолчанию — по расширению -o."),
]
AnswerOutputOpt = Annotated[
    str | None,
    typer.Option("--output", "-o", help="Записать ответ в файл (для xlsx — обязательно)."),
]


class Running(NamedTuple):
    """--no-cache, --cache-dir and --jobs as given (None: from the environment)."""

    no_cache: bool = False
    cache_dir: str | None = None
    jobs: int | None = None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"clusterctl {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Версия и выход."),
    ] = False,
    install_completion: Annotated[
        bool,
        typer.Option("--install-completion", callback=_install_completion, is_eager=True,
                     expose_value=False,
                     help="Установить дополнение по Tab для вашей оболочки (bash, zsh, fish, "
                     "PowerShell): команды, параметры, файлы планов, номера мероприятий, "
                     "ответственные, виды документов."),
    ] = False,
    show_completion: Annotated[
        bool,
        typer.Option("--show-completion", callback=_show_completion, is_eager=True,
                     expose_value=False,
                     help="Показать сценарий дополнения по Tab для вашей оболочки (чтобы "
                     "установить его вручную)."),
    ] = False,
) -> None:
    """clusterctl — планы кластерных проектов в YAML."""


def fail_usage(message: str) -> typer.Exit:
    """Print `message` as a usage error; the caller raises the returned exit (status 2)."""
    typer.echo(f"clusterctl: {message}", err=True)
    return typer.Exit(2)


def check_format(fmt: str, formats: Sequence[str]) -> None:
    if fmt not in formats:
        raise fail_usage(f"--format: {fmt} ({', '.join(formats)})")


def today_or(as_of: str | None, lang: str) -> datetime.date:
    """The date queries and checks count from: --as-of, else the clock (read here only)."""
    if as_of is None:
        return datetime.date.today()
    return day_option(as_of, "--as-of", lang)


def day_option(value: str, option: str, lang: str) -> datetime.date:
    """A date option (--as-of, --on, --from, --to): YYYY-MM-DD or DD.MM.YYYY, in the years
    plans may use; a usage error (exit 2) otherwise."""
    from clusterctl.i18n import t
    from clusterctl.model.deadlines import MAX_YEAR, MIN_YEAR
    from clusterctl.model.grammar import parse_day

    try:
        return parse_day(value)
    except ValueError:
        raise fail_usage(t("cli.bad-date", lang, option=option, value=repr(value),
                           min=MIN_YEAR, max=MAX_YEAR)) from None


def window_option(value: str, option: str, today: datetime.date, lang: str) -> datetime.date:
    """The last day of a window option (--within 14d, 2w, 1m); a usage error otherwise."""
    from clusterctl.i18n import t
    from clusterctl.model.calendar import window_end

    try:
        return window_end(today, value)
    except ValueError:
        raise fail_usage(t("cli.bad-window", lang, option=option, value=repr(value))) from None


def default_paths(paths: list[str] | None) -> list[str]:
    return list(paths) if paths else ["projects"]


def run_options(running: Running = Running()) -> RunOptions:
    """How to run over many files: the cache folder (--cache-dir, $CLUSTERCTL_CACHE_DIR, else
    .clusterctl_cache in the current folder; --no-cache or $CLUSTERCTL_NO_CACHE=1 for none)
    and the number of worker processes (--jobs, $CLUSTERCTL_JOBS, else one per core)."""
    from clusterctl.runner import RunOptions

    if running.no_cache or os.environ.get("CLUSTERCTL_NO_CACHE", "") not in ("", "0"):
        folder: str | None = None
    else:
        from clusterctl.cache import CACHE_DIR

        folder = running.cache_dir or os.environ.get("CLUSTERCTL_CACHE_DIR") or CACHE_DIR
    jobs = running.jobs
    if jobs is None:
        try:
            jobs = int(os.environ.get("CLUSTERCTL_JOBS", "0"))
        except ValueError:
            jobs = 0
    return RunOptions(cache_dir=folder, jobs=max(0, jobs))


def plans_for_query(paths: list[str] | None, options: CheckOptions, fmt: str = "text",
                    running: Running = Running()) -> Plans:
    """Check and load every plan under `paths` for a query command.

    Files with errors are reported on stderr (the same located messages as `validate`) and
    skipped; the caller answers from the rest and exits 1 at the end if any was skipped.
    The check runs with the same options as `validate`, so both share the cache."""
    from clusterctl.runner import load_plans

    plans = load_plans(default_paths(paths), options, run_options(running))
    say_skipped(plans.skipped, options.lang, fmt)
    return plans


def say_skipped(skipped: Sequence[FileResult], lang: str, fmt: str = "text") -> None:
    """The errors of the files a command had to leave out, on stderr, and their names."""
    if not skipped:
        return
    from clusterctl.i18n import t
    from clusterctl.output.reporters import report

    errors = [d for r in skipped for d in r.diagnostics if d.is_error]
    report(errors, "github" if fmt == "github" else "text", lang, sys.stderr)
    typer.echo(t("cli.skipped", lang, files=", ".join(r.file for r in skipped)), err=True)


def say_unread(unread: Sequence[Unread], lang: str) -> None:
    """One line on stderr naming the deadlines a dated answer had to leave out, so that no
    one believes nothing is late when the tool could not read a deadline:
    «2 срока не распознаны и не учтены: plan.yaml:12, plan.yaml:40»."""
    if not unread:
        return
    from clusterctl.i18n import plural, t

    n = len(unread)
    where = ", ".join(f"{u.file}:{u.line}" for u in unread)
    typer.echo(t("cli.unread", lang, n=n, words=plural(n, "cli.unread-words", lang),
                 where=where), err=True)


def end(code: int) -> None:
    """End a command that has printed everything, with exit status `code`."""
    if code:
        raise typer.Exit(code)
