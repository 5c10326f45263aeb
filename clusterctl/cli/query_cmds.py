"""`overdue`, `upcoming`, `status`, `who`: questions about the plans as of a date.

Every command reads files or folders like `validate` (default projects/): a file with errors
is reported on stderr and skipped, the rest is answered, and the exit status is 1 when a
file was skipped. A filter value that matches nothing is a usage error (exit 2) naming the
closest known values. See docs/queries.md.
"""

import functools
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

import typer

from clusterctl.cli.base import (
    AnswerOutputOpt,
    AsOfOpt,
    CacheDirOpt,
    ClusterOpt,
    FormatOpt,
    JobsOpt,
    LangOpt,
    NoCacheOpt,
    PathsArg,
    ProjectOpt,
    ResponsibleOpt,
    Running,
    StageOpt,
    StatusOpt,
    app,
    check_format,
    complete_who_args,
    end,
    fail_usage,
    plans_for_query,
    say_unread,
    today_or,
    window_option,
)

if TYPE_CHECKING:
    from clusterctl.model.index import Unread
    from clusterctl.output.tables import Table
    from clusterctl.queries import PlanDigest
    from clusterctl.runner import Plans

FORMATS = ("table", "json", "csv", "md", "xlsx")
_SUFFIXES = {".xlsx": "xlsx", ".json": "json", ".csv": "csv", ".md": "md"}


class Look(NamedTuple):
    """How an answer is laid out as a sheet: its title (a catalog key), the rows to mark
    (see `clusterctl.output.xlsx.Sheet.highlight`) and the header of the section column."""

    title: str
    highlight: str | None = None
    section: str | None = None
    unread_in_footer: bool = False
    """The table's footer already names the deadlines not understood (`status`)."""

# ---------------------------------------------------------------------------- running


class Asked:
    """What every query command was asked: the language, the date, the format, the filters,
    and the plans to answer from."""

    def __init__(
        self, paths: list[str] | None, as_of: str | None, lang: str | None, fmt: str | None,
        project: list[str] | None, stage: list[str] | None, cluster: list[str] | None,
        responsible: list[str] | None, status: list[str] | None, running: Running,
        output: str | None = None,
    ) -> None:
        from pathlib import Path

        from clusterctl.check import CheckOptions
        from clusterctl.i18n import resolve_lang, t
        from clusterctl.queries import Filters

        self.lang = resolve_lang(lang)
        if fmt is None:
            fmt = _SUFFIXES.get(Path(output).suffix.lower(), "table") if output else "table"
        check_format(fmt, FORMATS)
        if fmt == "xlsx" and output is None:
            raise fail_usage(t("answer.xlsx-needs-output", self.lang))
        self.fmt = fmt
        self.output = output
        self.today = today_or(as_of, self.lang)
        self.filters = Filters(
            projects=tuple(project or ()), stages=tuple(stage or ()),
            clusters=tuple(cluster or ()), responsible=tuple(responsible or ()),
            statuses=tuple(status or ()),
        )
        self.paths = paths
        self.running = running
        # the same options as `validate` (the cache is shared)
        self.options = CheckOptions(lang=self.lang, today=self.today)
        self._plans: Plans | None = None

    @property
    def plans(self) -> "Plans":
        if self._plans is None:
            self._plans = plans_for_query(self.paths, self.options, running=self.running)
        return self._plans

    @property
    def digests(self) -> "list[PlanDigest]":
        return self.plans.digests

    @property
    def unread(self) -> "list[Unread]":
        """The deadlines of the plans asked about that the grammar did not understand."""
        return self.plans.unread(self.filters.projects)

    def emit(self, table: "Callable[[], Table]", data: Any, fields: Sequence[str],
             records: Callable[[], Sequence[dict[str, Any]]], look: Look) -> None:
        """Print (or write to -o) the answer in the format asked for (only that one is
        built: a region's answer can have tens of thousands of rows)."""
        from clusterctl.output import machine, tables

        if self.fmt == "json":
            payload = dict(data) if isinstance(data, dict) else machine.record(data)
            payload["not_understood"] = [u._asdict() for u in self.unread]
            self._put(machine.render_json(payload))
        elif self.fmt == "csv":
            self._put(machine.render_csv(fields, records()).encode("utf-8"))
        elif self.fmt == "md":
            self._put(tables.render_markdown(table()).encode("utf-8"))
        elif self.fmt == "xlsx":
            self._put(self._sheet(table(), look))
        elif self.output is None and sys.stdout.isatty():
            tables.render_rich(table(), sys.stdout)
        else:
            self._put(tables.render_plain(table()).encode("utf-8"))
        sys.stdout.flush()

    def _put(self, data: bytes) -> None:
        """The answer to standard output, or into the -o file (atomically)."""
        if self.output is None:
            _write_utf8(data)
            return
        from clusterctl.source.writing import write_atomic

        write_atomic(self.output, data)

    def _sheet(self, table: "Table", look: Look) -> bytes:
        from clusterctl.i18n import t
        from clusterctl.output.xlsx import Sheet, SheetTooLarge, write_xlsx

        title = t(look.title, self.lang)
        notes = []
        unread = self.unread
        if unread and not look.unread_in_footer:
            where = ", ".join(f"{u.file}:{u.line}" for u in unread)
            notes.append(t("answer.unread", self.lang, n=len(unread), where=where))
        sheet = Sheet(title, title, table, self.today, " ".join(self.paths or ["projects/"]),
                      self.lang, t(look.section, self.lang) if look.section else None,
                      look.highlight, notes)
        try:
            return write_xlsx([sheet], self.today)
        except SheetTooLarge as exc:
            raise fail_usage(t("answer.xlsx-too-many", self.lang, rows=exc.args[0])) from None

    def finish(self, findings: bool = False) -> None:
        say_unread(self.unread, self.lang)
        end(1 if self.plans.skipped or findings else 0)


def paused(command: Callable[..., None]) -> Callable[..., None]:
    """A query command run with the garbage collector paused from the loading of the plans
    to the printing of the answer (`clusterctl.runner.collector_paused`: its objects hold
    no cycles and live until then)."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        from clusterctl.runner import collector_paused

        with collector_paused():
            command(*args, **kwargs)

    return run


def _write_utf8(data: bytes) -> None:
    """UTF-8 text to standard output: as bytes to its buffer when it encodes UTF-8 anyway."""
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None or encoding != "utf8":
        sys.stdout.write(data.decode("utf-8"))
        return
    sys.stdout.flush()  # what was written as text comes first
    buffer.write(data)


# ---------------------------------------------------------------------------- overdue


@app.command()
@paused
def overdue(
    paths: PathsArg = None,
    as_of: AsOfOpt = None,
    project: ProjectOpt = None,
    stage: StageOpt = None,
    cluster: ClusterOpt = None,
    responsible: ResponsibleOpt = None,
    status: StatusOpt = None,
    fmt: FormatOpt = None,
    output: AnswerOutputOpt = None,
    fail: Annotated[
        bool, typer.Option("--fail", help="Код выхода 1, если есть просроченное (для CI).")
    ] = False,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    jobs: JobsOpt = None,
    lang: LangOpt = None,
) -> None:
    """Просроченное: срок прошёл, а мероприятие или подпункт не выполнено и не отменено."""
    from clusterctl.output import answers
    from clusterctl.queries import overdue as late

    asked = Asked(paths, as_of, lang, fmt, project, stage, cluster, responsible, status,
                  Running(no_cache, cache_dir, jobs), output)
    items = late(asked.digests, asked.today, asked.filters)
    asked.emit(lambda: answers.overdue_table(items, asked.today, asked.lang),
               {"as_of": asked.today, "items": items}, answers.OVERDUE_FIELDS,
               lambda: answers.overdue_records(items),
               Look("sheet.overdue", "{days_overdue}>0"))
    asked.finish(fail and bool(items))


# ---------------------------------------------------------------------------- upcoming


@app.command()
@paused
def upcoming(
    paths: PathsArg = None,
    as_of: AsOfOpt = None,
    within: Annotated[
        str, typer.Option("--within", "-w", help="Окно: 14d (по умолчанию), 2w, 1m; 14д, 2н, 1м.")
    ] = "14d",
    meeting: Annotated[
        bool, typer.Option("--meeting", help="Повестка ближайшего совещания (1 раз в четверть).")
    ] = False,
    reminders: Annotated[
        bool, typer.Option("--reminders/--no-reminders",
                           help="Показывать анонсы, пресс-релизы, отчёты и совещания.")
    ] = True,
    project: ProjectOpt = None,
    stage: StageOpt = None,
    cluster: ClusterOpt = None,
    responsible: ResponsibleOpt = None,
    status: StatusOpt = None,
    fmt: FormatOpt = None,
    output: AnswerOutputOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    jobs: JobsOpt = None,
    lang: LangOpt = None,
) -> None:
    """Что наступает в ближайшие дни (по умолчанию 14): сроки и напоминания по правилам
    работы — анонсы, пресс-релизы, отчёты, совещания; по неделям."""
    from clusterctl.output import answers
    from clusterctl.queries import meeting_agenda
    from clusterctl.queries import upcoming as coming

    asked = Asked(paths, as_of, lang, fmt, project, stage, cluster, responsible, status,
                  Running(no_cache, cache_dir, jobs), output)
    if meeting:
        agendas = meeting_agenda(asked.digests, asked.today, asked.filters)
        asked.emit(lambda: answers.meeting_table(agendas, asked.lang),
                   {"as_of": asked.today, "meetings": agendas}, answers.MEETING_FIELDS,
                   lambda: answers.meeting_records(agendas),
                   Look("sheet.meeting", None, "sheet.section.meeting"))
        asked.finish()
        return
    until = window_option(within, "--within", asked.today, asked.lang)
    result = coming(asked.digests, asked.today, until, asked.filters, reminders=reminders)
    asked.emit(lambda: answers.upcoming_table(result, asked.lang),
               {"as_of": result.as_of, "until": result.until, "items": result.entries},
               answers.UPCOMING_FIELDS, lambda: answers.upcoming_records(result),
               Look("sheet.upcoming", None, "sheet.section.week"))
    asked.finish()


# ---------------------------------------------------------------------------- status


@app.command()
@paused
def status(
    paths: PathsArg = None,
    as_of: AsOfOpt = None,
    project: ProjectOpt = None,
    stage: StageOpt = None,
    cluster: ClusterOpt = None,
    responsible: ResponsibleOpt = None,
    status: StatusOpt = None,
    fmt: FormatOpt = None,
    output: AnswerOutputOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    jobs: JobsOpt = None,
    lang: LangOpt = None,
) -> None:
    """Ход работ: по проектам, этапам и кластерам — сколько выполнено, в работе, просрочено,
    перенесено, ближайший срок; участие школ кластера в мероприятиях."""
    from clusterctl.output import answers
    from clusterctl.queries import status as progress

    asked = Asked(paths, as_of, lang, fmt, project, stage, cluster, responsible, status,
                  Running(no_cache, cache_dir, jobs), output)
    report = progress(asked.digests, asked.today, asked.filters)
    asked.emit(lambda: answers.status_table(report, asked.unread, asked.lang), report,
               answers.STATUS_FIELDS, lambda: answers.status_records(report),
               Look("sheet.status", "{overdue}>0", "sheet.section.project",
                    unread_in_footer=True))
    asked.finish()


# ---------------------------------------------------------------------------- who


@app.command()
@paused
def who(
    args: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[NAME] [PATH]...",
            help="Имя, ФИО, id, другое написание или фамилия (без него — все), затем файлы "
            "или папки с планами (по умолчанию projects/). Если первый аргумент — "
            "существующий файл или папка, это путь, а не имя.",
            show_default=False,
            autocompletion=complete_who_args,
        ),
    ] = None,
    as_of: AsOfOpt = None,
    within: Annotated[
        str, typer.Option("--within", "-w", help="Окно «скоро срок»: 14d (по умолчанию), 2w, 1m.")
    ] = "14d",
    project: ProjectOpt = None,
    stage: StageOpt = None,
    cluster: ClusterOpt = None,
    responsible: ResponsibleOpt = None,
    status: StatusOpt = None,
    fmt: FormatOpt = None,
    output: AnswerOutputOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    jobs: JobsOpt = None,
    lang: LangOpt = None,
) -> None:
    """Кто что несёт: все ответственные (открыто, просрочено, скоро срок) или открытые
    пункты одного человека по всем проектам в порядке сроков."""
    import os

    from clusterctl.output import answers
    from clusterctl.queries import who as carried

    rest = list(args or ())
    name = rest.pop(0) if rest and not os.path.exists(rest[0]) else None
    asked = Asked(rest, as_of, lang, fmt, project, stage, cluster, responsible, status,
                  Running(no_cache, cache_dir, jobs), output)
    soon = window_option(within, "--within", asked.today, asked.lang)
    result = carried(asked.digests, asked.today, name, asked.filters, soon_until=soon)
    if name is None:
        asked.emit(lambda: answers.who_table(result, asked.lang), result, answers.WHO_FIELDS,
                   lambda: answers.who_records(result), Look("sheet.who", "{overdue}>0"))
    else:
        asked.emit(
            lambda: answers.person_table(result, asked.lang, bool(asked.filters.statuses)),
            result, answers.WHO_ITEM_FIELDS, lambda: answers.person_records(result),
            Look("sheet.person", 'AND(ISNUMBER({left}),{left}<0)'))
    asked.finish()


__all__ = ["FORMATS", "Asked", "overdue", "status", "upcoming", "who"]
