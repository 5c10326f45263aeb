"""The command line's shared parts: the typer app, common options and helpers.

Only the `clusterctl.cli` package imports typer.

Exit status (like ruff): 0 clean, 1 findings (errors; warnings too with --strict), 2 usage
or I/O failure (no such path, nothing to check, bad option).
"""

from __future__ import annotations

import datetime
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, TypeVar

import typer

from clusterctl import __version__

if TYPE_CHECKING:
    from collections.abc import Sequence

    from clusterctl.check import CheckOptions, FileResult
    from clusterctl.plan import PlanIndex, Unread
    from clusterctl.queries import Query
    from clusterctl.validate import RunOptions


class LoadedPlans(NamedTuple):
    """The plans a query command answers from, and the files it had to skip.

    (The command line's value types are named tuples: a dataclass's class costs ≈ 0.6 ms to
    create, some 0.3% of a one-plan check's start-up each.)"""

    ok: list[FileResult]
    skipped: list[FileResult]

    @property
    def exit_code(self) -> int:
        return 1 if self.skipped else 0


F = TypeVar("F", bound=Callable[..., Any])


class App(typer.Typer):
    """A typer app whose every command runs inside `guarded`: the library's expected errors
    become a message and their exit status, and nothing else ever reaches the user as a
    traceback."""

    def command(
        self, name: str | None = None, **kwargs: Any
    ) -> Callable[[F], F]:
        register = super().command(name, **kwargs)

        def wrap(func: F) -> F:
            register(guarded(func))
            return func

        return wrap


def guarded(func: Callable[..., Any]) -> Callable[..., Any]:
    """`func` with the command line's error boundary (exit status as documented:
    1 findings, 2 usage and I/O; an unexpected exception is an internal error, exit 2)."""
    import functools

    @functools.wraps(func)
    def run(*args: Any, **kwargs: Any) -> Any:
        from clusterctl.errors import ClusterctlError, FindingsError, UserError

        undecodable = _undecodable(kwargs)
        if undecodable is not None:
            raise fail_usage(_say_undecodable(_lang_of(kwargs), undecodable))
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, click_exceptions()):
            raise
        except ClusterctlError as exc:
            lang = _lang_of(kwargs)
            describe = getattr(exc, "describe", None)
            message = describe(lang) if describe is not None else str(exc)
            typer.echo(f"clusterctl: {message}", err=True)
            raise typer.Exit(1 if isinstance(exc, FindingsError) else 2) from None
        except (KeyboardInterrupt, SystemExit):
            raise
        except OSError as exc:  # a file the command could not read or write
            from clusterctl.i18n import os_reason, text

            lang = _lang_of(kwargs)
            where = exc.filename if exc.filename is not None else "?"
            typer.echo("clusterctl: " + text("io-error", lang, path=where,
                                             reason=os_reason(exc, lang))[0], err=True)
            raise typer.Exit(2) from None
        except RecursionError:
            typer.echo(_say_internal(_lang_of(kwargs), "RecursionError"), err=True)
            raise typer.Exit(2) from None
        except MemoryError:
            typer.echo(_say_internal(_lang_of(kwargs), "MemoryError"), err=True)
            raise typer.Exit(2) from None
        except Exception as exc:
            if isinstance(exc, UserError):  # pragma: no cover - caught above
                raise
            typer.echo(_say_internal(_lang_of(kwargs), f"{type(exc).__name__}: {exc}"),
                       err=True)
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


def _say_undecodable(lang: str, shown: str) -> str:
    if lang == "ru":
        return (f"аргумент «{shown}» содержит байты не в кодировке UTF-8: наберите его заново "
                "или проверьте кодировку терминала")
    return (f"the argument \"{shown}\" holds bytes that are not UTF-8: type it again or check "
            "the terminal's encoding")


def click_exceptions() -> type[Exception]:
    """click's own exceptions (usage errors and the like), which click reports itself."""
    from click.exceptions import ClickException

    return ClickException


def _lang_of(kwargs: dict[str, Any]) -> str:
    from clusterctl.i18n import resolve_lang

    lang = kwargs.get("lang")
    return resolve_lang(lang if isinstance(lang, str) else None)


def _say_internal(lang: str, error: str) -> str:
    from clusterctl.i18n import text

    return "clusterctl: " + text("internal-error-command", lang, error=error)[0]


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
    typer.Argument(help="Файлы или папки с планами (по умолчанию projects/).", show_default=False),
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
) -> None:
    """clusterctl — планы кластерных проектов в YAML."""


def fail_usage(message: str) -> typer.Exit:
    typer.echo(f"clusterctl: {message}", err=True)
    return typer.Exit(2)


def today_or(as_of: str | None, lang: str) -> datetime.date:
    """The date queries and checks count from: --as-of, else the clock (read here only)."""
    if as_of is None:
        return datetime.date.today()
    return day_option(as_of, "--as-of", lang)


def day_option(value: str, option: str, lang: str) -> datetime.date:
    """A date option (--as-of, --on, --from, --to): YYYY-MM-DD or DD.MM.YYYY, in the years
    plans may use; a usage error (exit 2) otherwise."""
    from clusterctl.dates import MAX_YEAR, MIN_YEAR, parse_day

    try:
        return parse_day(value)
    except ValueError:
        raise fail_usage(
            f"неверная дата {option} {value!r}: нужна ГГГГ-ММ-ДД или ДД.ММ.ГГГГ "
            f"(годы {MIN_YEAR}–{MAX_YEAR})" if lang == "ru"
            else f"bad {option} date {value!r}: expected YYYY-MM-DD or DD.MM.YYYY "
            f"(years {MIN_YEAR}-{MAX_YEAR})"
        ) from None


def default_paths(paths: list[str] | None) -> list[str]:
    return list(paths) if paths else ["projects"]


def run_options(
    running: Running = Running(), want_plans: bool = False,
    exempt: frozenset[str] = frozenset(),
    mapper: Callable[[PlanIndex, str], Any] | None = None,
    mapper_key: tuple[str, str] | None = None,
) -> RunOptions:
    """How to run over many files: the cache folder (--cache-dir, $CLUSTERCTL_CACHE_DIR, else
    .clusterctl_cache in the current folder; --no-cache or $CLUSTERCTL_NO_CACHE=1 for none)
    and the number of worker processes (--jobs, $CLUSTERCTL_JOBS, else one per core)."""
    from clusterctl.validate import RunOptions

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
    return RunOptions(
        cache_dir=folder, jobs=max(0, jobs), want_plans=want_plans, exempt=exempt,
        mapper=mapper, mapper_key=mapper_key,
    )


QUERY_EXEMPT = frozenset({"future-date"})
"""`future-date` compares done_on with --as-of: a query about the past still loads the plan
(a later done_on only means "not done yet" on that date)."""


def load_plans(paths: list[str] | None, options: CheckOptions, fmt: str = "text",
               exempt: frozenset[str] = QUERY_EXEMPT,
               query: Query[Any] | None = None,
               running: Running = Running()) -> LoadedPlans:
    """Check and load every plan under `paths` for a query command.

    Files with errors are reported on stderr (the same located messages as `validate`) and
    skipped; the caller answers from the rest and exits 1 at the end if any was skipped.
    The check runs with the same options as `validate`, so both share the cache; errors with
    an `exempt` code do not make a file unusable and are not reported. With a `query` the
    usable files carry its `part` (computed in the worker processes, kept in the cache under
    the query's `cache_key`) instead of their plan.
    """
    import gc

    from clusterctl.errors import UserError
    from clusterctl.reporters import report
    from clusterctl.validate import validate_paths

    # The results (and the plans or parts in them) live until the answer is printed: the
    # collector pauses while they arrive and they are frozen before it runs again, so no
    # collection scans them (see clusterctl.entry). Were it running, the first allocation
    # after the last result would set off a collection of all of them at once (≈ 70 ms
    # for the parts of `who` on 2,000 plans, while both cores wait).
    collecting = gc.isenabled()
    gc.disable()
    try:
        results = validate_paths(
            default_paths(paths), options,
            run_options(
                running, want_plans=query is None, exempt=exempt,
                mapper=query.part if query is not None else None,
                mapper_key=query.cache_key() if query is not None else None,
            ),
        )
    except UserError as exc:
        raise fail_usage(str(exc)) from None
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
    if not results:
        raise fail_usage(
            "нет файлов планов (*.yaml, *.yml)" if options.lang == "ru"
            else "no plan files (*.yaml, *.yml)"
        )
    for result in results:
        result.diagnostics = [d for d in result.diagnostics if d.code not in exempt]
    usable = [(r.plan is not None or r.part is not None) and not r.blocking() for r in results]
    good = [r for r, ok in zip(results, usable, strict=True) if ok]
    bad = [r for r, ok in zip(results, usable, strict=True) if not ok]
    if bad:
        errors = [d for r in bad for d in r.diagnostics if d.is_error]
        report(errors, "github" if fmt == "github" else "text", options.lang, sys.stderr)
        skipped = ", ".join(r.file for r in bad)
        typer.echo(
            f"Пропущены файлы с ошибками: {skipped}" if options.lang == "ru"
            else f"Skipped files with errors: {skipped}",
            err=True,
        )
    return LoadedPlans(good, bad)


def say_unread(unread: Sequence[Unread], lang: str) -> None:
    """One line on stderr naming the deadlines a dated answer had to leave out, so that no
    one believes nothing is late when the tool could not read a deadline:
    «2 срока не распознаны и не учтены: plan.yaml:12, plan.yaml:40»."""
    if not unread:
        return
    from clusterctl.tables import plural_ru

    n = len(unread)
    where = ", ".join(f"{u.file}:{u.line}" for u in unread)
    if lang == "ru":
        words = plural_ru(n, "срок не распознан и не учтён", "срока не распознаны и не учтены",
                          "сроков не распознаны и не учтены")
    else:
        words = "deadline not understood and left out" if n == 1 else (
            "deadlines not understood and left out")
    typer.echo(f"{n} {words}: {where}", err=True)


FAST_EXIT = False
"""Set by the console script (`clusterctl.cli.main(fast_exit=True)`): see `end_command`."""


def end_command(code: int = 0) -> None:
    """End a command that has printed everything, with exit status `code`.

    In the console script's process (`FAST_EXIT`) the process ends here and now, like
    mypy's fast exit: standard output and error are flushed, then `os._exit`. Nothing else
    is left to do by then (the worker pool is shut down, cache and output files are
    closed), and returning would free every plan, part and answer the command holds, one
    object at a time, only for the process to end: ≈ 50 ms of `who` on 2,000 plans. A flush
    that fails (a pipe closed by its reader) raises as any write does. Elsewhere (tests,
    a program using the app) the command returns, or raises typer.Exit with the status."""
    if FAST_EXIT:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    if code:
        raise typer.Exit(code)


def main() -> None:
    """Run the app with the commands registered so far (see `clusterctl.cli.main`); never
    lets a traceback reach the user."""
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interactive
        sys.stderr.write("clusterctl: interrupted\n")
        raise SystemExit(130) from None
