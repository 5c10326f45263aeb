"""The command line's shared parts: the typer app, common options and helpers.

Only the `clusterctl.cli` package imports typer.

Exit status (like ruff): 0 clean, 1 findings (errors; warnings too with --strict), 2 usage
or I/O failure (no such path, nothing to check, bad option).
"""

from __future__ import annotations

import datetime
import os
import sys
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

import typer

from clusterctl import __version__

if TYPE_CHECKING:
    from collections.abc import Callable

    from clusterctl.check import CheckOptions, FileResult
    from clusterctl.plan import PlanIndex
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


app = typer.Typer(
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
    try:
        return datetime.date.fromisoformat(as_of.strip())
    except ValueError:
        raise fail_usage(
            f"неверная дата --as-of {as_of!r}: нужна ГГГГ-ММ-ДД" if lang == "ru"
            else f"bad --as-of date {as_of!r}: expected YYYY-MM-DD"
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
