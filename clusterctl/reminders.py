"""Reminders derived from a plan's working rules (seed 003), and the quarterly meeting agenda.

Seed 003 fixes how a cluster works: an announcement goes out 14 days before each event and
is repeated 3–4 days before and the day before; a press release follows 1–2 days after;
each cluster reports twice a year; the cluster meets its member schools once a quarter and
announces the events of the next 1–2 months. A plan's `rules:` block holds the numbers
(seed 003's values are the defaults, see `WorkingRules`):

* **announcement** — for every *event* (a task with an `event:` or `outcome:` block), on
  each day `rules.announcement_days_before` days before its first day ([14, 4, 1]): the
  largest is the announcement, the others its repeats. Not for done or cancelled events,
  nor for an event whose `outcome.held_on` is set.
* **press release** — a window from `min` to `max` of `rules.press_release_days_after`
  ([1, 2]) days after the event's last day (`outcome.held_on` when set); due on its last
  day. Not for cancelled events, nor once `outcome.links` lists the published news.
* **report** — for plans with clusters: each cluster's report on every `rules.report_due`
  day (["25.12", "25.05"], DD.MM each year), within the project's period when it has one.
* **meeting** — for plans with clusters (one meeting per cluster) or with an explicit
  `rules:` block (one per plan): `rules.meetings_per_year` meetings per school year on the
  first working day (Monday–Friday, not a fixed public holiday: 1–8 January, 23 February,
  8 March, 1 and 9 May, 12 June, 4 November) of these months:

  ====  ==========================================
  1     September
  2     September, January (school half-years)
  3     September, December, March (trimesters)
  4     September, November, January, April (the first month of each school quarter)
  5–8   September + evenly spread to May: month 9 + ⌊i·9/n⌋
  9+    every month from September to May
  0     none
  ====  ==========================================

  For 2022-2023 with 4 meetings: 01.09.2022, 01.11.2022, 09.01.2023, 03.04.2023.

The event date is `event.date` when set, else the task's `due`; a range counts from its
first day (announcements) and its last day (press release); a "до" deadline is its last day.
Undated events (ongoing, on a separate schedule) get no reminders.

:func:`meeting_agenda` gives, for the next meeting on or after a date, the events and other
open tasks falling in the following `rules.meeting_horizon_months` months.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from clusterctl.dates import day_and_month
from clusterctl.models import Cluster, Status, WorkingRules
from clusterctl.plan import Item, PlanIndex
from clusterctl.queries import (
    OPEN,
    Filters,
    Source,
    UpcomingEntry,
    add_months,
    deadline_span,
    event_deadline,
    is_unit,
    item_status,
    natural_key,
    one_line,
    path_text,
    reschedule_count,
    select,
    task_status,
    unit_deadline,
)

__all__ = [
    "AgendaEntry",
    "MeetingAgenda",
    "Reminder",
    "derive_reminders",
    "entry_label",
    "has_meetings",
    "meeting_agenda",
    "meeting_days",
    "reminder_label",
    "report_days",
]

_HOLIDAYS = frozenset(
    [(1, d) for d in range(1, 9)] + [(2, 23), (3, 8), (5, 1), (5, 9), (6, 12), (11, 4)]
)
"""Fixed Russian public holidays (transfers of days off are not modelled)."""


# ============================================================================ dates


def first_working_day(year: int, month: int) -> datetime.date:
    """The first Monday–Friday of a month that is not a fixed public holiday."""
    day = datetime.date(year, month, 1)
    while day.weekday() >= 5 or (day.month, day.day) in _HOLIDAYS:
        day += datetime.timedelta(days=1)
    return day


def _meeting_months(per_year: int) -> list[int]:
    """Months (9..17, counted from September of the school year's first year)."""
    if per_year <= 0:
        return []
    if per_year == 4:
        return [9, 11, 13, 16]
    count = min(per_year, 9)
    return sorted({9 + (i * 9) // count for i in range(count)})


def meeting_days(rules: WorkingRules, first_year: int, last_year: int) -> list[datetime.date]:
    """Meeting days of the school years that start in `first_year` … `last_year`."""
    days: list[datetime.date] = []
    for school_year in range(first_year, last_year + 1):
        for month in _meeting_months(rules.meetings_per_year):
            year = school_year + (month - 1) // 12
            days.append(first_working_day(year, (month - 1) % 12 + 1))
    return days


def report_days(rules: WorkingRules, first_year: int, last_year: int) -> list[datetime.date]:
    """Cluster report days (`rules.report_due`, DD.MM) of the calendar years given; entries
    that are not a day and month ("31.02", "декабрь") are left out (the `deadlines` rule
    reports them)."""
    days: list[datetime.date] = []
    for text in rules.report_due:
        found = day_and_month(text)
        if found is None:
            continue
        day, month = found
        for year in range(first_year, last_year + 1):
            try:
                days.append(datetime.date(year, month, day))
            except ValueError:
                continue
    return sorted(days)


def has_meetings(index: PlanIndex) -> bool:
    """Meetings are derived for plans with clusters or with an explicit `rules:` block."""
    plan = index.plan
    return bool(plan.clusters) or "rules" in plan.model_fields_set


def _in_period(index: PlanIndex, day: datetime.date) -> bool:
    period = index.project_period
    return period is None or period.start <= day <= period.end


# ============================================================================ reminders


@dataclass(frozen=True, slots=True, kw_only=True)
class Reminder:
    """A reminder derived from the working rules."""

    kind: str
    """announcement, announcement_repeat, press_release, report or meeting."""
    project: str
    project_title: str
    id: str
    """The id of the task it derives from; for reports and meetings the cluster's id (the
    project's for a meeting of a plan without clusters)."""
    title: str
    """The event's title (`event.title`, else the task's); the cluster's for reports and
    meetings."""
    event_phrase: str | None
    """The event's date as the author wrote it (`event.date` or `due`)."""
    start: datetime.date
    """First day (a press release window's first day; else the same as `due`)."""
    due: datetime.date
    offset: int | None
    """Announcements: days before the event; press release: the window's last day after it."""
    event_start: datetime.date | None
    event_end: datetime.date | None
    place: str | None
    time: str | None
    responsible: tuple[str, ...]
    """The event task's responsibles (the cluster's curators when it has none); the
    cluster's curators and leads for reports and meetings."""
    stage: str | None
    stage_title: str | None
    cluster: str | None
    cluster_title: str | None
    status: str
    """The event task's status; "planned" for reports and meetings."""
    rescheduled: int
    """How many times the event task's deadline was moved (0 for reports and meetings)."""
    path: str
    """Where it comes from: the task's path ("stages[0].tasks[2]"), "clusters[1]" or "rules"."""


def _names(index: PlanIndex, refs: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(index.responsible_name(r) for r in refs))


def _cluster_people(index: PlanIndex, cluster: Cluster | None) -> tuple[str, ...]:
    if cluster is None:
        project = index.plan.project
        return _names(index, [*project.leads, *project.curators])
    return _names(index, [*cluster.curators, *cluster.leads])


def _event_reminders(
    index: PlanIndex, item: Item, today: datetime.date
) -> Iterator[Reminder]:
    task = item.task
    state = task_status(task, today)
    if state is Status.cancelled:
        return
    deadline = event_deadline(item) or item.deadline
    first, last = deadline_span(deadline)
    if deadline is None or last is None:
        return
    first = first or last
    rules = index.plan.rules
    outcome = task.outcome
    held: datetime.date | None = None
    if outcome is not None and outcome.held_on is not None and outcome.held_on <= today:
        held = outcome.held_on
    cluster = index.cluster(task.cluster) if task.cluster else None
    responsible = _names(index, task.responsible) or (
        _cluster_people(index, cluster) if cluster is not None else ()
    )
    title = one_line((task.event.title if task.event else None) or item.title)
    common: dict[str, Any] = {
        "project": index.plan.project.id,
        "project_title": one_line(index.plan.project.title),
        "id": item.ref,
        "title": title,
        "event_phrase": deadline.text,
        "event_start": first,
        "event_end": last,
        "place": task.event.place if task.event else None,
        "time": task.event.time if task.event else None,
        "responsible": responsible,
        "stage": item.stage.id if item.stage is not None else None,
        "stage_title": one_line(item.stage.title) if item.stage is not None else None,
        "cluster": cluster.id if cluster is not None else task.cluster,
        "cluster_title": one_line(cluster.title) if cluster is not None else None,
        "status": state.value,
        "rescheduled": reschedule_count(task, today),
        "path": path_text(item.path),
    }
    before = sorted({n for n in rules.announcement_days_before if n >= 0}, reverse=True)
    if state is not Status.done and held is None:
        for n in before:
            day = first - datetime.timedelta(days=n)
            kind = "announcement" if n == before[0] else "announcement_repeat"
            yield Reminder(kind=kind, start=day, due=day, offset=n, **common)
    after = sorted({n for n in rules.press_release_days_after if n >= 0})
    published = outcome is not None and bool(outcome.links)
    if after and not published:
        end = held or last
        yield Reminder(
            kind="press_release", start=end + datetime.timedelta(days=after[0]),
            due=end + datetime.timedelta(days=after[-1]), offset=after[-1], **common,
        )


def derive_reminders(
    source: Source,
    today: datetime.date,
    until: datetime.date,
    since: datetime.date | None = None,
) -> list[Reminder]:
    """Every reminder of one plan due from `since` (default `today`) to `until` inclusive,
    with statuses as of `today`, in date order."""
    from clusterctl.plan import build_index

    index = source if isinstance(source, PlanIndex) else build_index(source)
    since = since or today
    plan = index.plan
    found: list[Reminder] = []
    for item in index.items:
        if item.step is None and (item.task.event is not None or item.task.outcome is not None):
            found.extend(
                r for r in _event_reminders(index, item, today) if since <= r.due <= until
            )
    base: dict[str, Any] = {
        "project": plan.project.id,
        "project_title": one_line(plan.project.title),
        "event_phrase": None, "offset": None, "event_start": None, "event_end": None,
        "place": None, "time": None, "stage": None, "stage_title": None,
        "status": Status.planned.value, "rescheduled": 0,
    }
    if plan.clusters:
        for day in report_days(plan.rules, since.year, until.year):
            if not (since <= day <= until and _in_period(index, day)):
                continue
            for ci, cluster in enumerate(plan.clusters):
                found.append(Reminder(
                    kind="report", id=cluster.id, title=one_line(cluster.title), start=day,
                    due=day, responsible=_cluster_people(index, cluster), cluster=cluster.id,
                    cluster_title=one_line(cluster.title), path=f"clusters[{ci}]", **base,
                ))
    if has_meetings(index):
        for day in meeting_days(plan.rules, since.year - 1, until.year):
            if not (since <= day <= until and _in_period(index, day)):
                continue
            found.extend(_meetings(index, day, base))
    found.sort(key=lambda r: (r.due, r.kind, natural_key(r.id), -(r.offset or 0)))
    return found


def _meetings(index: PlanIndex, day: datetime.date, base: dict[str, Any]) -> list[Reminder]:
    plan = index.plan
    if not plan.clusters:
        return [Reminder(
            kind="meeting", id=plan.project.id, title=one_line(plan.project.title), start=day,
            due=day, responsible=_cluster_people(index, None), cluster=None,
            cluster_title=None, path="rules", **base,
        )]
    return [
        Reminder(
            kind="meeting", id=cluster.id, title=one_line(cluster.title), start=day, due=day,
            responsible=_cluster_people(index, cluster), cluster=cluster.id,
            cluster_title=one_line(cluster.title), path=f"clusters[{ci}]", **base,
        )
        for ci, cluster in enumerate(plan.clusters)
    ]


# ============================================================================ labels


def _days_ru(n: int) -> str:
    from clusterctl.tables import plural_ru

    return f"{n} {plural_ru(n, 'день', 'дня', 'дней')}"


def reminder_label(
    kind: str, offset: int | None, lang: str = "ru", first_after: int | None = None
) -> str:
    """What a reminder asks for, in words: "Анонс за 14 дней", "Повтор анонса накануне",
    "Пресс-релиз через 1–2 дня" (`offset` = 2, `first_after` = 1)."""
    ru = lang == "ru"
    if kind == "press_release" and offset is not None:
        days = f"{first_after}–{offset}" if first_after is not None and first_after != offset \
            else str(offset)
        if ru:
            return f"Пресс-релиз через {days} {_days_ru(offset).split()[1]} после мероприятия"
        return f"Press release {days} day{'s' if offset != 1 else ''} after the event"
    if kind in ("announcement", "announcement_repeat"):
        n = offset or 0
        head = ("Анонс" if ru else "Announcement") if kind == "announcement" else (
            "Повтор анонса" if ru else "Repeat the announcement"
        )
        if n == 0:
            return head + (" в день мероприятия" if ru else " on the day")
        if n == 1:
            return head + (" накануне" if ru else " the day before")
        return head + (f" за {_days_ru(n)}" if ru else f" {n} days before")
    labels = {
        "press_release": ("Пресс-релиз", "Press release"),
        "report": ("Отчёт о работе кластера", "Cluster report"),
        "meeting": ("Совещание с ОУ-участниками кластера", "Meeting with member schools"),
        "event": ("Мероприятие", "Event"),
        "task": ("Срок мероприятия", "Task due"),
        "step": ("Срок подпункта", "Step due"),
    }
    pair = labels.get(kind, (kind, kind))
    return pair[0] if ru else pair[1]


def entry_label(entry: Reminder | UpcomingEntry, lang: str = "ru") -> str:
    """:func:`reminder_label` of a reminder or an `upcoming` entry (the press release
    window's first day is read from its `start`)."""
    first_after = None
    if entry.kind == "press_release" and entry.offset is not None and entry.start is not None:
        first_after = entry.offset - (entry.due - entry.start).days
    return reminder_label(entry.kind, entry.offset, lang, first_after)


# ============================================================================ meeting agenda


@dataclass(frozen=True, slots=True, kw_only=True)
class AgendaEntry:
    """An event or task to announce at a meeting."""

    kind: str
    """"event" (a task with an `event:` or `outcome:` block), "task" or "step"."""
    project: str
    id: str
    title: str
    date_phrase: str | None
    """The date as the author wrote it (`event.date` or `due`)."""
    start: datetime.date | None
    end: datetime.date
    """The last day (the deadline for a task)."""
    date: datetime.date
    """The day it is listed under: an event's first day, a task's last day."""
    time: str | None
    place: str | None
    audience: str | None
    level: str | None
    expected_participants: int | None
    registration_url: str | None
    responsible: tuple[str, ...]
    stage: str | None
    cluster: str | None
    status: str


@dataclass(frozen=True, slots=True, kw_only=True)
class MeetingAgenda:
    """The agenda of one meeting: what falls in the `rules.meeting_horizon_months` months
    from the meeting day (`date` to `until`, both included)."""

    project: str
    project_title: str
    cluster: str | None
    """The cluster whose member schools meet (None for a plan without clusters)."""
    cluster_title: str | None
    date: datetime.date
    until: datetime.date
    responsible: tuple[str, ...]
    """Who runs it: the cluster's curators and leads (the project's for a plan)."""
    members: tuple[str, ...]
    """The member schools to invite."""
    entries: list[AgendaEntry]
    """The cluster's events and open tasks (and those of the plan without a cluster), in
    date order."""


def _org_name(index: PlanIndex, ref: str) -> str:
    org = index.organisation(ref)
    return org.name if org is not None else ref


def next_meeting(index: PlanIndex, today: datetime.date) -> datetime.date | None:
    """The first meeting day on or after `today` (None: no meetings, or past the period)."""
    if not has_meetings(index):
        return None
    for day in meeting_days(index.plan.rules, today.year - 1, today.year + 1):
        if day >= today and _in_period(index, day):
            return day
    return None


def _agenda_entry(
    index: PlanIndex, item: Item, today: datetime.date, start: datetime.date | None,
    end: datetime.date, phrase: str | None,
) -> AgendaEntry:
    task = item.task
    event = task.event if item.step is None else None
    is_event = item.step is None and (task.event is not None or task.outcome is not None)
    cluster = index.cluster(task.cluster) if task.cluster else None
    return AgendaEntry(
        kind="event" if is_event else ("step" if item.is_step else "task"),
        project=index.plan.project.id, id=item.ref,
        title=one_line((event.title if event else None) or item.title),
        date_phrase=one_line(phrase) or None, start=start, end=end,
        date=(start or end) if is_event else end,
        time=event.time if event else None, place=event.place if event else None,
        audience=event.audience if event else None, level=event.level if event else None,
        expected_participants=event.expected_participants if event else None,
        registration_url=event.registration_url if event else None,
        responsible=_names(index, item.responsible),
        stage=item.stage.id if item.stage is not None else None,
        cluster=cluster.id if cluster is not None else task.cluster,
        status=item_status(item, today).value,
    )


def meeting_agenda(
    sources: Sequence[Source], today: datetime.date, filters: Filters | None = None
) -> list[MeetingAgenda]:
    """The agenda of the next meeting on or after `today` of every plan that has meetings
    (one per cluster; one per plan without clusters).

    Each agenda lists the open events and tasks falling from the meeting day to the day
    before the same date `rules.meeting_horizon_months` months later: an event under its
    first day (`event.date`, else `due`), a task or step under its deadline's last day.
    A cluster's agenda holds its own tasks and the plan's tasks without a cluster.
    `filters`: project and cluster choose the meetings; responsible keeps the meetings the
    person runs or has an item on; stage and status narrow the entries (default: open).
    """
    selection = select(sources, filters)
    agendas: list[MeetingAgenda] = []
    for pos, index in enumerate(selection.indexes):
        if not selection.plan(index):
            continue
        day = next_meeting(index, today)
        if day is None:
            continue
        plan = index.plan
        until = add_months(day, max(plan.rules.meeting_horizon_months, 0)) - datetime.timedelta(
            days=1
        )
        entries: list[tuple[str | None, AgendaEntry]] = []
        for item in index.items:
            if not is_unit(item) or not selection.stage(item.stage):
                continue
            state = item_status(item, today)
            if not selection.status(state, OPEN):
                continue
            is_event = item.step is None and (
                item.task.event is not None or item.task.outcome is not None
            )
            deadline = (event_deadline(item) or item.deadline) if is_event else unit_deadline(item)
            start, end = deadline_span(deadline)
            if end is None or deadline is None:
                continue
            listed = (start or end) if is_event else end
            if not day <= listed <= until:
                continue
            cluster = index.cluster(item.task.cluster) if item.task.cluster else None
            entries.append((
                cluster.id if cluster is not None else item.task.cluster,
                _agenda_entry(index, item, today, start, end, deadline.text),
            ))
        targets: list[Cluster | None] = list(plan.clusters) if plan.clusters else [None]
        for cluster in targets:
            if cluster is not None and not selection.cluster_model(cluster):
                continue
            if cluster is None and selection.clusters is not None:
                continue
            mine = [
                e for owner, e in entries
                if cluster is None or owner is None or owner == cluster.id
            ]
            responsible = _cluster_people(index, cluster)
            if selection.people is not None and not (
                selection.names(pos, responsible)
                or any(selection.names(pos, e.responsible) for e in mine)
            ):
                continue
            mine.sort(key=lambda e: (e.date, natural_key(e.id)))
            members = tuple(
                _org_name(index, m) for m in (cluster.members if cluster is not None else [])
            )
            agendas.append(MeetingAgenda(
                project=plan.project.id, project_title=one_line(plan.project.title),
                cluster=cluster.id if cluster is not None else None,
                cluster_title=one_line(cluster.title) if cluster is not None else None,
                date=day, until=until, responsible=responsible, members=members,
                entries=mine,
            ))
    agendas.sort(key=lambda a: (a.date, a.project))
    return agendas
