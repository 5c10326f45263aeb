"""`overdue`, `upcoming`, `status`, `who`: questions about the plans as of a date.

Every command reads files or folders like `validate` (default projects/): a file with errors
is reported on stderr and skipped, the rest is answered, and the exit status is 1 when a
file was skipped. A filter value that matches nothing is a usage error (exit 2) naming the
closest known values. See docs/queries.md.
"""

import dataclasses
import datetime
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from clusterctl.cli.app import (
    AsOfOpt,
    CacheDirOpt,
    JobsOpt,
    LangOpt,
    NoCacheOpt,
    PathsArg,
    Running,
    app,
    end_command,
    fail_usage,
    load_plans,
    say_unread,
    today_or,
)
from clusterctl.messages import status_word

if TYPE_CHECKING:
    from clusterctl.check import CheckOptions
    from clusterctl.cli.app import LoadedPlans
    from clusterctl.plan import PlanIndex, Unread
    from clusterctl.queries import (
        Filters,
        PersonLoad,
        Query,
        StatusReport,
        Upcoming,
        UpcomingEntry,
        Who,
    )
    from clusterctl.reminders import MeetingAgenda
    from clusterctl.tables import Column, Table

T = TypeVar("T")

# ---------------------------------------------------------------------------- options

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
    str,
    typer.Option("--format", "-f", help="table (по умолчанию), json, csv или md."),
]

# ---------------------------------------------------------------------------- words

_T: dict[str, tuple[str, str]] = {
    "project": ("Проект", "Project"),
    "id": ("№", "No."),
    "task": ("Мероприятие", "Task"),
    "due_phrase": ("Срок в плане", "Due (as written)"),
    "due": ("Дата", "Date"),
    "days_overdue": ("Просрочка, дн.", "Days late"),
    "responsible": ("Ответственные", "Responsible"),
    "where": ("Этап/кластер", "Stage/cluster"),
    "weekday": ("День", "Day"),
    "days_left": ("Через, дн.", "In days"),
    "kind": ("Что", "What"),
    "name": ("Ответственный", "Responsible"),
    "who_kind": ("Вид", "Kind"),
    "projects": ("Проекты", "Projects"),
    "open": ("Открыто", "Open"),
    "overdue": ("Просрочено", "Overdue"),
    "next_due": ("Ближайший срок", "Next due"),
    "duties": ("Роли", "Duties"),
    "left": ("Дней до срока", "Days left"),
    "status": ("Статус", "Status"),
    "scope": ("Проект / этап / кластер", "Project / stage / cluster"),
    "total": ("Всего", "Total"),
    "done": ("Выполнено", "Done"),
    "in_progress": ("В работе", "In progress"),
    "planned": ("Запланировано", "Planned"),
    "cancelled": ("Отменено", "Cancelled"),
    "rescheduled": ("Перенесено", "Rescheduled"),
    "share": ("Готово", "Done %"),
    "participation": ("Участие ОУ", "Schools took part"),
    "date": ("Дата", "Date"),
    "time": ("Время", "Time"),
    "place": ("Место", "Place"),
}

_KIND_WORDS: dict[str, tuple[str, str]] = {
    "task": ("срок", "due"),
    "step": ("срок", "due"),
    "event": ("мероприятие", "event"),
    "announcement": ("анонс", "announcement"),
    "announcement_repeat": ("анонс", "announcement"),
    "press_release": ("пресс-релиз", "press release"),
    "report": ("отчёт", "report"),
    "meeting": ("совещание", "meeting"),
}
_WHO_KINDS: dict[str, tuple[str, str]] = {
    "person": ("человек", "person"),
    "role": ("роль", "role"),
    "unknown": ("нет в реестре", "not in registry"),
}


def _w(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    pair = table.get(key, (key, key))
    return pair[0] if lang == "ru" else pair[1]


def _say(lang: str, ru: str, en: str) -> str:
    return ru if lang == "ru" else en


LIST_SHOWN = 5
"""A table cell lists at most this many values (projects, duties); JSON and CSV give all."""


def _some(values: Sequence[str], lang: str) -> str:
    """"a, b, c" — or, past LIST_SHOWN values, the first ones and how many more (a role
    such as «Руководители ОО» is in every plan of a region)."""
    if len(values) <= LIST_SHOWN:
        return ", ".join(values)
    more = len(values) - (LIST_SHOWN - 1)
    return ", ".join(values[: LIST_SHOWN - 1]) + _say(lang, f" и ещё {more}", f" and {more} more")


_KEEP = {
    "project": 3, "due_phrase": 2, "where": 1, "weekday": 4, "days_left": 6, "kind": 7,
    "responsible": 5, "due": 8, "in_progress": 6, "planned": 5, "cancelled": 3,
    "rescheduled": 2, "next_due": 7, "participation": 4, "who_kind": 6, "projects": 3,
    "duties": 4, "left": 8, "status": 5, "time": 6, "place": 8, "id": 8, "total": 8,
    "done": 8, "overdue": 8,
}
"""Which columns a narrow terminal hides first (lowest first; unlisted: never)."""


def _col(key: str, align: str = "left", shorten: int | None = None) -> "Column":
    from clusterctl.tables import Column

    ru, en = _T[key]
    return Column(key, ru, en, align, shorten, keep=_KEEP.get(key, 9))


def _day(d: datetime.date | None, lang: str) -> str:
    from clusterctl.datefmt import day

    return day(d, lang)


def _weekday(d: datetime.date, lang: str) -> str:
    from babel.dates import format_date

    return str(format_date(d, "EEE", locale="ru_RU" if lang == "ru" else "en_GB"))


def _line(text: str | None) -> str:
    """A phrase as written, on one line for a table cell."""
    return " ".join((text or "").split())


def _where(stage: str | None, cluster: str | None) -> str:
    return " / ".join(p for p in (stage, cluster) if p)


# ---------------------------------------------------------------------------- running


@dataclass(slots=True)
class _Run:
    lang: str
    today: datetime.date
    fmt: str
    loaded: "LoadedPlans"
    filters: "Filters"
    options: "CheckOptions"
    query: "Query[Any] | None" = None
    running: Running = field(default_factory=Running)

    @property
    def unread(self) -> "list[Unread]":
        """The deadlines of the plans asked about (the project filter) that the grammar did
        not understand: left out of every dated answer, and said so."""
        from clusterctl.plan import normalise_name

        wanted = {normalise_name(p) for p in self.filters.projects}
        return [u for r in self.loaded.ok for u in r.unread
                if not wanted or normalise_name(u.project) in wanted]

    @property
    def sources(self) -> "list[PlanIndex]":
        return [r.index for r in self.loaded.ok if r.index is not None]

    def answer(self) -> Any:
        """The query's answer from the parts the worker processes made of each plan."""
        assert self.query is not None
        return self.query.answer([r.part for r in self.loaded.ok], self._fetch)

    def _fetch(self, wanted: dict[int, dict[str, str]]) -> dict[int, Any]:
        """A second, narrower pass: only the files the query asks more of (through the
        cache when it is on), each asked with its own references."""
        from clusterctl.cli.app import QUERY_EXEMPT, run_options
        from clusterctl.errors import UserError
        from clusterctl.queries import More
        from clusterctl.validate import validate_paths

        assert self.query is not None
        files = {self.loaded.ok[pos].file: pos for pos in wanted}
        mapper = More(self.query, {file: wanted[pos] for file, pos in files.items()})
        try:
            results = validate_paths(
                list(files), self.options,
                run_options(self.running, exempt=QUERY_EXEMPT, mapper=mapper),
            )
        except UserError:  # a file removed meanwhile
            results = []
        back = {r.file for r in results}
        lost = [r.file for r in results if r.part is None or r.blocking(QUERY_EXEMPT)]
        lost += [file for file in files if file not in back]
        if lost:  # changed (or removed) between the two passes: no half answer
            raise fail_usage(_say(
                self.lang, f"файлы изменились во время работы, запустите команду снова: "
                f"{', '.join(lost)}",
                f"files changed while the command ran, run it again: {', '.join(lost)}",
            ))
        return {files[r.file]: r.part for r in results}


def _start(
    paths: list[str] | None, as_of: str | None, lang: str | None, fmt: str,
    project: list[str] | None = None, stage: list[str] | None = None,
    cluster: list[str] | None = None, responsible: list[str] | None = None,
    status: list[str] | None = None,
    query: "Callable[[datetime.date, Filters], Query[Any]] | None" = None,
    running: Running = Running(),
) -> _Run:
    """Check the options and load the plans; with `query`, the plans stay in the worker
    processes and each comes back as the query's part of it (see `_Run.answer`)."""
    from clusterctl.check import CheckOptions
    from clusterctl.i18n import resolve_lang
    from clusterctl.queries import Filters
    from clusterctl.tables import FORMATS

    language = resolve_lang(lang)
    if fmt not in FORMATS:
        raise fail_usage(f"--format: {fmt} ({', '.join(FORMATS)})")
    today = today_or(as_of, language)
    filters = Filters(
        projects=tuple(project or ()), stages=tuple(stage or ()),
        clusters=tuple(cluster or ()), responsible=tuple(responsible or ()),
        statuses=tuple(status or ()),
    )
    # the same options as `validate` (shared cache); load_plans exempts `future-date`
    options = CheckOptions(lang=language, today=today)
    asked = query(today, filters) if query is not None else None
    loaded = load_plans(paths, options, query=asked, running=running)
    return _Run(language, today, fmt, loaded, filters, options, asked, running)


_UNKNOWN_WHAT = {
    "project": ("проекта", "project"),
    "stage": ("этапа", "stage"),
    "cluster": ("кластера", "cluster"),
    "responsible": ("ответственного", "responsible"),
    "name": ("ответственного", "responsible"),
    "status": ("статуса", "status"),
}


def _answer(run: _Run, query: Callable[[], T]) -> T:
    """Run a query; a filter value that matches nothing is a usage error (exit 2).

    The cyclic collector pauses meanwhile: an answer is value objects in lists and dicts,
    tens of thousands of them for `who` on a region, and the collections their making set
    off would only scan them as they grow (≈ 25 ms of `who`'s 0.45 s on 2,000 plans). The
    answer lives until it is printed: it is frozen before the collector runs again, which
    would otherwise scan all of it at the first allocation (≈ 20 ms)."""
    import gc

    from clusterctl.i18n import quote
    from clusterctl.queries import UnknownFilterValue

    collecting = gc.isenabled()
    gc.disable()
    try:
        return query()
    except UnknownFilterValue as exc:
        lang = run.lang
        option = "" if exc.option == "name" else f"--{exc.option}: "
        what = _w(_UNKNOWN_WHAT, exc.option, lang)
        value = quote(exc.value, lang)
        if exc.option == "status":
            message = _say(lang, f"статуса {value} нет; допустимые: ",
                           f"there is no status {value}; allowed: ") + ", ".join(exc.known)
            message += "."
        else:
            message = _say(lang, f"{what} {value} нет в планах.",
                           f"no {what} {value} in the plans.")
            if exc.closest:
                names = _say(lang, " или ", " or ").join(quote(n, lang) for n in exc.closest)
                message += _say(lang, f" Возможно, имелось в виду {names}.",
                                f" Did you mean {names}?")
            if exc.option in ("project", "stage", "cluster") and exc.known:
                known = ", ".join(dict.fromkeys(exc.known))
                message += _say(lang, f" Есть: {known}.", f" Known: {known}.")
        raise fail_usage(option + message) from None
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


def _emit(run: _Run, table: "Callable[[], Table]", data: Any, fields: Sequence[str],
          records: Callable[[], Sequence[dict[str, Any]]]) -> None:
    """Print the answer in the format asked for (only that one is built: a region's
    answer can have tens of thousands of rows)."""
    from clusterctl import tables

    if run.fmt == "json":
        payload = dict(data) if isinstance(data, dict) else {
            f.name: getattr(data, f.name) for f in dataclasses.fields(data)
        }
        payload["not_understood"] = [u._asdict() for u in run.unread]
        _write_utf8(tables.render_json_bytes(payload))
    elif run.fmt == "csv":
        sys.stdout.write(tables.render_csv(fields, records()))
    elif run.fmt == "md":
        sys.stdout.write(tables.render_markdown(table(), run.lang))
    elif sys.stdout.isatty():
        tables.render_rich(table(), run.lang, sys.stdout)
    else:
        sys.stdout.write(tables.render_plain(table(), run.lang))
    sys.stdout.flush()


def _write_utf8(data: bytes) -> None:
    """UTF-8 text to standard output: as bytes to its buffer when it encodes UTF-8 anyway."""
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None or encoding != "utf8":
        sys.stdout.write(data.decode("utf-8"))
        return
    sys.stdout.flush()  # what was written as text comes first
    buffer.write(data)


def _finish(run: _Run, findings: bool = False) -> None:
    say_unread(run.unread, run.lang)
    end_command(run.loaded.exit_code or (1 if findings else 0))


# ---------------------------------------------------------------------------- overdue

OVERDUE_FIELDS = (
    "project", "id", "kind", "title", "due_phrase", "due", "days_overdue", "status",
    "responsible", "stage", "cluster", "task_id", "start", "deadline_kind", "result",
    "rescheduled", "is_event", "place", "project_title", "stage_title", "cluster_title", "path",
)


def _overdue_table(items: Sequence[Any], run: _Run) -> "Table":
    from clusterctl.tables import Section, Table, plural_ru

    lang = run.lang
    rows: list[list[Any]] = [
        [o.project, o.id, o.title, _line(o.due_phrase), _day(o.due, lang), str(o.days_overdue),
         ", ".join(o.responsible), _where(o.stage, o.cluster)]
        for o in items
    ]
    n = len(items)
    on = _day(run.today, lang)
    return Table(
        columns=[
            _col("project"), _col("id"), _col("task", shorten=60), _col("due_phrase"),
            _col("due"), _col("days_overdue", "right"), _col("responsible"), _col("where"),
        ],
        sections=[Section(None, rows)],
        footer=_say(lang, f"Просрочено на {on}: {n} {plural_ru(n, 'пункт', 'пункта', 'пунктов')}.",
                    f"Overdue as of {on}: {n} item{'s' if n != 1 else ''}."),
        empty=_say(lang, f"Просроченных пунктов на {on} нет.", f"Nothing is overdue as of {on}."),
    )


@app.command()
def overdue(
    paths: PathsArg = None,
    as_of: AsOfOpt = None,
    project: ProjectOpt = None,
    stage: StageOpt = None,
    cluster: ClusterOpt = None,
    responsible: ResponsibleOpt = None,
    status: StatusOpt = None,
    fmt: FormatOpt = "table",
    fail: Annotated[
        bool, typer.Option("--fail", help="Код выхода 1, если есть просроченное (для CI).")
    ] = False,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    jobs: JobsOpt = None,
    lang: LangOpt = None,
) -> None:
    """Просроченное: срок прошёл, а мероприятие или подпункт не выполнено и не отменено."""
    from clusterctl import queries
    from clusterctl.tables import record

    run = _start(paths, as_of, lang, fmt, project, stage, cluster, responsible, status,
                 query=queries.OverdueQuery, running=Running(no_cache, cache_dir, jobs))
    items: list[queries.OverdueItem] = _answer(run, run.answer)
    _emit(run, lambda: _overdue_table(items, run), {"as_of": run.today, "items": items},
          OVERDUE_FIELDS, lambda: [record(i) for i in items])
    _finish(run, fail and bool(items))


# ---------------------------------------------------------------------------- upcoming

UPCOMING_FIELDS = (
    "due", "days_left", "week", "kind", "project", "id", "title", "due_phrase", "start",
    "event_start", "offset", "responsible", "stage", "cluster", "status", "place",
    "project_title", "stage_title", "cluster_title",
)
MEETING_FIELDS = (
    "meeting_date", "meeting_until", "meeting_project", "meeting_cluster", "date", "kind",
    "project", "id", "title", "date_phrase", "start", "end", "time", "place", "audience",
    "level", "expected_participants", "registration_url", "responsible", "stage", "cluster",
    "status",
)


def _entry_title(entry: "UpcomingEntry", lang: str) -> str:
    from clusterctl.reminders import entry_label

    if entry.kind in ("task", "step"):
        return entry.title
    return f"{entry_label(entry, lang)}: {entry.title}"


def _upcoming_table(up: "Upcoming", run: _Run) -> "Table":
    from clusterctl.datefmt import span_long
    from clusterctl.tables import Section, Table, plural_ru

    lang = run.lang
    sections = []
    for week in up.weeks():
        head = span_long(week.start, week.end, lang)
        rows: list[list[Any]] = [
            [_day(e.due, lang), _weekday(e.due, lang), str(e.days_left),
             _w(_KIND_WORDS, e.kind, lang), e.project,
             "" if e.kind in ("report", "meeting") else e.id,
             _entry_title(e, lang),
             _line(e.due_phrase), ", ".join(e.responsible), _where(e.stage, e.cluster)]
            for e in week.entries
        ]
        sections.append(Section(_say(lang, f"Неделя {head}", f"Week {head}"), rows))
    n = len(up.entries)
    since, until = _day(up.as_of, lang), _day(up.until, lang)
    return Table(
        columns=[
            _col("due"), _col("weekday"), _col("days_left", "right"), _col("kind"),
            _col("project"), _col("id"), _col("task", shorten=60), _col("due_phrase"),
            _col("responsible"), _col("where"),
        ],
        sections=sections,
        footer=_say(
            lang, f"С {since} по {until}: {n} {plural_ru(n, 'пункт', 'пункта', 'пунктов')}.",
            f"From {since} to {until}: {n} item{'s' if n != 1 else ''}.",
        ),
        empty=_say(lang, f"С {since} по {until} сроков и напоминаний нет.",
                   f"Nothing falls due from {since} to {until}."),
    )


def _meeting_table(agendas: "Sequence[MeetingAgenda]", run: _Run) -> "Table":
    from clusterctl.datefmt import day_long, span, weekday
    from clusterctl.tables import Section, Table

    lang = run.lang
    sections = []
    for agenda in agendas:
        who = ", ".join(agenda.responsible)
        when = f"{day_long(agenda.date, lang)} ({weekday(agenda.date, lang)})"
        if agenda.cluster is not None:
            subject = _say(lang, f"совещание кластера «{agenda.cluster_title}»",
                           f"meeting of the cluster “{agenda.cluster_title}”")
        else:
            subject = _say(lang, "совещание с участниками проекта", "meeting of the project")
        title = _say(
            lang,
            f"{when} — {subject} ({agenda.project}); события по {_day(agenda.until, lang)}",
            f"{when} — {subject} ({agenda.project}); events until {_day(agenda.until, lang)}",
        )
        if who:
            title += _say(lang, f"; проводят: {who}", f"; run by: {who}")
        rows: list[list[Any]] = [
            [span(e.start, e.end, lang) if e.kind == "event" else _day(e.end, lang),
             e.time or "", _w(_KIND_WORDS, e.kind, lang), e.id, e.title, e.place or "",
             ", ".join(e.responsible)]
            for e in agenda.entries
        ]
        sections.append(Section(title, rows, empty=_say(
            lang, "Событий и сроков на этот период в плане нет.",
            "The plan has no events or deadlines in this period.")))
    return Table(
        columns=[
            _col("date"), _col("time"), _col("kind"), _col("id"), _col("task", shorten=60),
            _col("place"), _col("responsible"),
        ],
        sections=sections,
        empty=_say(
            lang,
            "Совещаний по правилам работы нет: в планах нет кластеров и блока rules: "
            "(или период проекта закончился).",
            "No meetings by the working rules: the plans have no clusters and no rules: block "
            "(or the project's period is over).",
        ),
    )


@app.command()
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
    fmt: FormatOpt = "table",
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    jobs: JobsOpt = None,
    lang: LangOpt = None,
) -> None:
    """Что наступает в ближайшие дни (по умолчанию 14): сроки и напоминания по правилам
    работы — анонсы, пресс-релизы, отчёты, совещания; по неделям."""
    from clusterctl import queries
    from clusterctl.reminders import meeting_agenda
    from clusterctl.tables import record

    run = _start(paths, as_of, lang, fmt, project, stage, cluster, responsible, status,
                 running=Running(no_cache, cache_dir, jobs))
    if meeting:
        agendas = _answer(run, lambda: meeting_agenda(run.sources, run.today, run.filters))
        _emit(run, lambda: _meeting_table(agendas, run),
              {"as_of": run.today, "meetings": agendas}, MEETING_FIELDS, lambda: [
                  record(e, meeting_date=a.date, meeting_until=a.until,
                         meeting_project=a.project, meeting_cluster=a.cluster)
                  for a in agendas for e in a.entries
              ])
        _finish(run)
        return
    try:
        until = queries.window_end(run.today, within)
    except ValueError:
        raise fail_usage(_say(
            run.lang, f"--within {within!r}: нужно число и единица: 14d, 2w, 1m (или 14д, 2н, 1м)",
            f"--within {within!r}: expected a number and a unit: 14d, 2w, 1m",
        )) from None
    result = _answer(run, lambda: queries.upcoming(
        run.sources, run.today, until, run.filters, reminders=reminders,
    ))
    _emit(run, lambda: _upcoming_table(result, run),
          {"as_of": result.as_of, "until": result.until, "items": result.entries},
          UPCOMING_FIELDS, lambda: [record(e) for e in result.entries])
    _finish(run)


# ---------------------------------------------------------------------------- status

STATUS_FIELDS = (
    "level", "project", "id", "title", "current", "period_start", "period_end", "total", "done",
    "in_progress", "planned", "overdue", "cancelled", "rescheduled", "share_done", "next_due",
    "next_due_id", "next_due_phrase", "members", "took_part", "participation_share",
)


def _status_records(report: "StatusReport") -> list[dict[str, Any]]:
    from clusterctl.tables import record

    out: list[dict[str, Any]] = []
    for ps in report.projects:
        for row in (ps.project, *ps.stages, *ps.clusters):
            nxt, part = row.next_due, row.participation
            out.append(record(
                row, next_due=nxt.date if nxt else None, next_due_id=nxt.id if nxt else None,
                next_due_phrase=nxt.due_phrase if nxt else None,
                members=part.members if part else None,
                took_part=part.took_part if part else None,
                participation_share=part.share if part else None,
            ))
    return out


def _status_table(report: "StatusReport", run: _Run) -> "Table":
    from clusterctl.tables import Bar, Section, Table, percent, shorten

    lang = run.lang
    sections = []
    footer: list[str] = []
    for ps in report.projects:
        rows: list[list[Any]] = []
        for row in (ps.project, *ps.stages, *ps.clusters):
            if row.level == "project":
                name = _say(lang, "весь проект", "whole project")
            elif row.level == "stage":
                name = _say(lang, f"этап {row.id}: ", f"stage {row.id}: ") + row.title
                if row.current:
                    name = _say(lang, "▶ ", "▶ ") + name
            else:
                name = _say(lang, f"кластер {row.id}: ", f"cluster {row.id}: ") + row.title
            nxt = row.next_due
            part = row.participation
            if part is None:
                took = ""
            elif not part.recorded:
                took = _say(lang, f"нет данных (из {part.members})",
                            f"no data (of {part.members})")
            else:
                took = f"{part.took_part}/{part.members} ({percent(part.share)})"
            rows.append([
                name, str(row.total), str(row.done), str(row.in_progress), str(row.planned),
                str(row.overdue), str(row.cancelled), str(row.rescheduled), Bar(row.share_done),
                f"{_day(nxt.date, lang)} · {nxt.id}" if nxt else "—", took,
            ])
        title = f"{ps.project.project} — {shorten(ps.project.title, 90)}"
        sections.append(Section(title, rows))
        if ps.district is not None:
            d = ps.district
            share = percent(d.share) if d.recorded else _say(lang, "нет данных", "no data")
            footer.append(_say(
                lang,
                f"{ps.project.project}: школ района приняли участие — {d.took_part} из "
                f"{d.members} ({share}).",
                f"{ps.project.project}: district schools that took part — {d.took_part} of "
                f"{d.members} ({share}).",
            ))
    unread = run.unread
    if unread:
        n = len(unread)
        where = ", ".join(f"{u.file}:{u.line}" for u in unread)
        footer.append(_say(
            lang,
            f"Не распознаны сроки: {n} ({where}) — эти пункты не учтены в графах "
            "«Просрочено» и «Ближайший срок».",
            f"Deadlines not understood: {n} ({where}) — these items are left out of "
            "“Overdue” and “Next due”.",
        ))
    return Table(
        columns=[
            _col("scope", shorten=48), _col("total", "right"), _col("done", "right"),
            _col("in_progress", "right"), _col("planned", "right"), _col("overdue", "right"),
            _col("cancelled", "right"), _col("rescheduled", "right"), _col("share", "right"),
            _col("next_due"), _col("participation"),
        ],
        sections=sections,
        footer="\n".join(footer) or None,
        empty=_say(lang, "Нет проектов.", "No projects."),
    )


@app.command()
def status(
    paths: PathsArg = None,
    as_of: AsOfOpt = None,
    project: ProjectOpt = None,
    stage: StageOpt = None,
    cluster: ClusterOpt = None,
    responsible: ResponsibleOpt = None,
    status: StatusOpt = None,
    fmt: FormatOpt = "table",
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    jobs: JobsOpt = None,
    lang: LangOpt = None,
) -> None:
    """Ход работ: по проектам, этапам и кластерам — сколько выполнено, в работе, просрочено,
    перенесено, ближайший срок; участие школ кластера в мероприятиях."""
    from clusterctl import queries

    run = _start(paths, as_of, lang, fmt, project, stage, cluster, responsible, status,
                 query=queries.StatusQuery, running=Running(no_cache, cache_dir, jobs))
    report: queries.StatusReport = _answer(run, run.answer)
    _emit(run, lambda: _status_table(report, run), report, STATUS_FIELDS,
          lambda: _status_records(report))
    _finish(run)


# ---------------------------------------------------------------------------- who

WHO_FIELDS = (
    "name", "kind", "open", "overdue", "due_soon", "next_due", "projects", "duties",
    "spellings", "position", "key",
)
WHO_ITEM_FIELDS = (
    "due", "days_left", "overdue", "project", "id", "kind", "title", "due_phrase", "status",
    "responsible", "stage", "cluster", "task_id", "start", "deadline_kind", "result",
    "rescheduled", "project_title", "stage_title", "cluster_title", "path", "owners",
)


def _duty_text(person: "PersonLoad", lang: str, machine: bool = False) -> list[str]:
    out = []
    for duty in person.duties:
        if machine:
            out.append(f"{duty.kind}:{duty.project}" + (f"/{duty.cluster}" if duty.cluster else ""))
            continue
        word = {"curator": ("куратор", "curator"), "lead": ("руководитель", "lead")}[duty.kind]
        text = word[0] if lang == "ru" else word[1]
        out.append(f"{text} {duty.cluster}" if duty.cluster else text + _say(
            lang, " проекта", " of the project"))
    return out


def _who_table(w: "Who", run: _Run) -> "Table":
    from clusterctl.tables import Column, Section, Table

    lang = run.lang
    soon = _day(w.soon_until, lang)
    rows: list[list[Any]] = [
        [p.name, _w(_WHO_KINDS, p.kind, lang), _some(p.projects, lang), str(p.open),
         str(p.overdue), str(p.due_soon), _day(p.next_due, lang) or "—",
         _some(_duty_text(p, lang), lang)]
        for p in w.people
    ]
    unknown = sum(1 for p in w.people if p.kind == "unknown")
    footer = _say(lang, f"Ответственных: {len(w.people)}.", f"Responsibles: {len(w.people)}.")
    if unknown:
        footer += _say(
            lang, f" Нет в реестре: {unknown} — проверьте написание (clusterctl validate).",
            f" Not in a registry: {unknown} — check the spelling (clusterctl validate).",
        )
    return Table(
        columns=[
            _col("name"), _col("who_kind"), _col("projects"),
            _col("open", "right"), _col("overdue", "right"),
            Column("due_soon", f"Срок до {soon}", f"Due by {soon}", "right", keep=8),
            _col("next_due"), _col("duties"),
        ],
        sections=[Section(None, rows)],
        footer=footer,
        empty=_say(lang, "Ответственных нет.", "No responsibles."),
    )


def _who_person_table(w: "Who", run: _Run) -> "Table":
    from clusterctl.tables import Section, Table

    lang = run.lang
    soon = _day(w.soon_until, lang)
    heads = []
    for p in w.people:
        duties = _duty_text(p, lang)
        head = f"{p.name} ({_w(_WHO_KINDS, p.kind, lang)}; {_some(p.projects, lang) or '—'})"
        if duties:
            head += ": " + _some(duties, lang)
        head += _say(
            lang,
            f". Открыто: {p.open}, просрочено: {p.overdue}, срок до {soon}: {p.due_soon}.",
            f". Open: {p.open}, overdue: {p.overdue}, due by {soon}: {p.due_soon}.",
        )
        heads.append(head)
    rows: list[list[Any]] = [
        [_day(i.due, lang) or "—", "" if i.days_left is None else str(i.days_left), i.project,
         i.id, i.title, _line(i.due_phrase), status_word(i.status, lang),
         _where(i.stage, i.cluster)]
        for i in w.items
    ]
    return Table(
        columns=[
            _col("due"), _col("left", "right"), _col("project"), _col("id"),
            _col("task", shorten=60), _col("due_phrase"), _col("status"), _col("where"),
        ],
        sections=[Section(None, rows)],
        title="\n".join(heads),
        empty=_say(lang, "Пунктов нет." if run.filters.statuses else "Открытых пунктов нет.",
                   "No items." if run.filters.statuses else "No open items."),
    )


@app.command()
def who(
    args: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[NAME] [PATH]...",
            help="Имя, ФИО, id, другое написание или фамилия (без него — все), затем файлы "
            "или папки с планами (по умолчанию projects/). Если первый аргумент — "
            "существующий файл или папка, это путь, а не имя.",
            show_default=False,
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
    fmt: FormatOpt = "table",
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    jobs: JobsOpt = None,
    lang: LangOpt = None,
) -> None:
    """Кто что несёт: все ответственные (открыто, просрочено, скоро срок) или открытые
    пункты одного человека по всем проектам в порядке сроков."""
    import os

    from clusterctl import queries
    from clusterctl.tables import record

    rest = list(args or ())
    name = rest.pop(0) if rest and not os.path.exists(rest[0]) else None
    def query(today: datetime.date, filters: "Filters") -> queries.WhoQuery:
        try:
            days = (queries.window_end(today, within) - today).days + 1
        except ValueError:
            raise fail_usage(f"--within {within!r}: 14d, 2w, 1m") from None
        return queries.WhoQuery(today, filters, name, days)

    run = _start(rest, as_of, lang, fmt, project, stage, cluster, responsible, status,
                 query=query, running=Running(no_cache, cache_dir, jobs))
    result: queries.Who = _answer(run, run.answer)
    if name is None:
        _emit(run, lambda: _who_table(result, run), result, WHO_FIELDS, lambda: [
            record(p, duties=_duty_text(p, run.lang, machine=True)) for p in result.people
        ])
    else:
        _emit(run, lambda: _who_person_table(result, run), result, WHO_ITEM_FIELDS,
              lambda: [record(i) for i in result.items])
    _finish(run)
