"""Reminders derived from a plan's working rules (seed 003).

Seed 003 fixes how a cluster works: an announcement goes out 14 days before each event and
is repeated 3–4 days before and the day before; a press release follows 1–2 days after;
each cluster reports twice a year; the cluster meets its member schools once a quarter and
announces the events of the next 1–2 months. A plan's `rules:` block holds the numbers
(seed 003's values are the defaults, see `model.plan.WorkingRules`):

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
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from clusterctl.i18n import plural, t
from clusterctl.model.calendar import first_working_day
from clusterctl.model.grammar import day_and_month
from clusterctl.model.status import OPEN, Status, deadline_span, reschedule_count, task_status
from clusterctl.queries.digest import Cluster, PlanDigest, Rules, Work
from clusterctl.queries.filters import Selection
from clusterctl.queries.units import natural_key, one_line

__all__ = [
    "Reminder",
    "derive_reminders",
    "entry_label",
    "has_meetings",
    "meeting_days",
    "next_meeting",
    "reminder_label",
    "report_days",
]


# ============================================================================ dates


def _meeting_months(per_year: int) -> list[int]:
    """Months (9..17, counted from September of the school year's first year)."""
    if per_year <= 0:
        return []
    if per_year == 4:
        return [9, 11, 13, 16]
    count = min(per_year, 9)
    return sorted({9 + (i * 9) // count for i in range(count)})


def meeting_days(rules: Rules, first_year: int, last_year: int) -> list[datetime.date]:
    """Meeting days of the school years that start in `first_year` … `last_year`."""
    days: list[datetime.date] = []
    for school_year in range(first_year, last_year + 1):
        for month in _meeting_months(rules.meetings_per_year):
            year = school_year + (month - 1) // 12
            days.append(first_working_day(year, (month - 1) % 12 + 1))
    return days


def report_days(rules: Rules, first_year: int, last_year: int) -> list[datetime.date]:
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


def has_meetings(digest: PlanDigest) -> bool:
    """Meetings are derived for plans with clusters or with an explicit `rules:` block."""
    return bool(digest.clusters) or digest.rules.explicit


def in_period(digest: PlanDigest, day: datetime.date) -> bool:
    period = digest.period
    return period is None or period.start <= day <= period.end


def next_meeting(digest: PlanDigest, today: datetime.date) -> datetime.date | None:
    """The first meeting day on or after `today` (None: no meetings, or past the period)."""
    if not has_meetings(digest):
        return None
    for day in meeting_days(digest.rules, today.year - 1, today.year + 1):
        if day >= today and in_period(digest, day):
            return day
    return None


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
    refs: tuple[str, ...] = ()
    """`responsible` as the plan writes them (what the responsible filter looks up)."""


def names(digest: PlanDigest, refs: Sequence[str]) -> tuple[str, ...]:
    """The registry's spellings of `refs`, each once."""
    return tuple(dict.fromkeys(digest.name(r) for r in refs))


def cluster_of(digest: PlanDigest, work: Work) -> Cluster | None:
    """The cluster a task belongs to (None: no cluster, or one the plan does not have)."""
    return next((c for c in digest.clusters if c.id == work.cluster), None)


def cluster_refs(digest: PlanDigest, cluster: Cluster | None) -> tuple[str, ...]:
    """Who runs a cluster's meetings and reports, as the plan writes them: its curators and
    leads (the project's leads and curators for a plan without clusters)."""
    if cluster is None:
        return (*digest.leads, *digest.curators)
    return (*cluster.curators, *cluster.leads)


def event_deadline(task: Work) -> Any:
    """The day of an event: `event.date` when set and understood, else the task's `due`."""
    event = task.event.deadline if task.event is not None else None
    return event or task.deadline


def _event_reminders(digest: PlanDigest, task: Work, today: datetime.date
                     ) -> Iterator[Reminder]:
    state = task_status(task, today)
    if state is Status.cancelled:
        return
    deadline = event_deadline(task)
    first, last = deadline_span(deadline)
    if deadline is None or last is None:
        return
    first = first or last
    rules = digest.rules
    outcome = task.outcome
    held: datetime.date | None = None
    if outcome is not None and outcome.held_on is not None and outcome.held_on <= today:
        held = outcome.held_on
    cluster = cluster_of(digest, task)
    refs = task.responsible or (cluster_refs(digest, cluster) if cluster is not None else ())
    stage = digest.stages[task.stage] if task.stage is not None else None
    common: dict[str, Any] = {
        "project": digest.project,
        "project_title": digest.title,
        "id": task.ref,
        "title": one_line((task.event.title if task.event else None) or task.title),
        "event_phrase": deadline.text,
        "event_start": first,
        "event_end": last,
        "place": task.event.place if task.event else None,
        "time": task.event.time if task.event else None,
        "responsible": names(digest, refs),
        "refs": tuple(refs),
        "stage": stage.id if stage is not None else None,
        "stage_title": stage.title if stage is not None else None,
        "cluster": cluster.id if cluster is not None else task.cluster,
        "cluster_title": cluster.title if cluster is not None else None,
        "status": state.value,
        "rescheduled": reschedule_count(task, today),
        "path": task.path,
    }
    before = sorted({n for n in rules.announcement_days_before if n >= 0}, reverse=True)
    if state is not Status.done and held is None:
        for n in before:
            day = first - datetime.timedelta(days=n)
            kind = "announcement" if n == before[0] else "announcement_repeat"
            yield Reminder(kind=kind, start=day, due=day, offset=n, **common)
    after = sorted({n for n in rules.press_release_days_after if n >= 0})
    published = outcome is not None and outcome.published
    if after and not published:
        end = held or last
        yield Reminder(
            kind="press_release", start=end + datetime.timedelta(days=after[0]),
            due=end + datetime.timedelta(days=after[-1]), offset=after[-1], **common,
        )


def derive_reminders(digest: PlanDigest, today: datetime.date, until: datetime.date,
                     since: datetime.date | None = None) -> list[Reminder]:
    """Every reminder of one plan due from `since` (default `today`) to `until` inclusive,
    with statuses as of `today`, in date order."""
    since = since or today
    found: list[Reminder] = []
    for task in digest.tasks:
        if task.event is not None or task.outcome is not None:
            found.extend(r for r in _event_reminders(digest, task, today)
                         if since <= r.due <= until)
    base: dict[str, Any] = {
        "project": digest.project, "project_title": digest.title,
        "event_phrase": None, "offset": None, "event_start": None, "event_end": None,
        "place": None, "time": None, "stage": None, "stage_title": None,
        "status": Status.planned.value, "rescheduled": 0,
    }
    if digest.clusters:
        for day in report_days(digest.rules, since.year, until.year):
            if not (since <= day <= until and in_period(digest, day)):
                continue
            for ci, cluster in enumerate(digest.clusters):
                refs = cluster_refs(digest, cluster)
                found.append(Reminder(
                    kind="report", id=cluster.id, title=cluster.title, start=day, due=day,
                    responsible=names(digest, refs), refs=refs, cluster=cluster.id,
                    cluster_title=cluster.title, path=f"clusters[{ci}]", **base,
                ))
    if has_meetings(digest):
        for day in meeting_days(digest.rules, since.year - 1, until.year):
            if since <= day <= until and in_period(digest, day):
                found.extend(_meetings(digest, day, base))
    found.sort(key=lambda r: (r.due, r.kind, natural_key(r.id), -(r.offset or 0)))
    return found


def _meetings(digest: PlanDigest, day: datetime.date, base: dict[str, Any]) -> list[Reminder]:
    if not digest.clusters:
        refs = cluster_refs(digest, None)
        return [Reminder(
            kind="meeting", id=digest.project, title=digest.title, start=day, due=day,
            responsible=names(digest, refs), refs=refs, cluster=None, cluster_title=None,
            path="rules", **base,
        )]
    return [
        Reminder(
            kind="meeting", id=cluster.id, title=cluster.title, start=day, due=day,
            responsible=names(digest, cluster_refs(digest, cluster)),
            refs=cluster_refs(digest, cluster), cluster=cluster.id,
            cluster_title=cluster.title, path=f"clusters[{ci}]", **base,
        )
        for ci, cluster in enumerate(digest.clusters)
    ]


def kept(selection: Selection, pos: int, digest: PlanDigest, reminder: Reminder,
         statuses: frozenset[Status] = OPEN) -> bool:
    """The filters for a reminder of the plan at `pos`: its event task's stage, cluster,
    responsibles and status (`statuses` unless the filters name some)."""
    stage = next((k for k, s in enumerate(digest.stages) if s.id == reminder.stage), None)
    return ((selection.stages is None or selection.stage(digest, stage))
            and selection.cluster(digest, reminder.cluster)
            and selection.names(pos, reminder.refs)
            and selection.status(Status(reminder.status), statuses))


# ============================================================================ labels


def reminder_label(kind: str, offset: int | None, lang: str = "ru",
                   first_after: int | None = None) -> str:
    """What a reminder asks for, in words: «Анонс за 14 дней», «Повтор анонса накануне»,
    «Пресс-релиз через 1–2 дня после мероприятия» (`offset` = 2, `first_after` = 1)."""
    if kind == "press_release" and offset is not None:
        days = f"{first_after}–{offset}" if first_after is not None and first_after != offset \
            else str(offset)
        return t("reminder.press-release-after", lang, days=days,
                 day_word=plural(offset, "word.day", lang))
    if kind in ("announcement", "announcement_repeat"):
        n = offset or 0
        head = t("reminder." + kind, lang)
        if n == 0:
            return head + t("reminder.on-the-day", lang)
        if n == 1:
            return head + t("reminder.day-before", lang)
        return head + t("reminder.days-before", lang, n=n, day_word=plural(n, "word.day", lang))
    key = "reminder." + kind
    return t(key, lang) if kind in _LABELLED else kind


_LABELLED = frozenset({"press_release", "report", "meeting", "event", "task", "step", "start"})


class _Entry(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def offset(self) -> int | None: ...
    @property
    def start(self) -> datetime.date | None: ...
    @property
    def due(self) -> datetime.date: ...


def entry_label(entry: _Entry, lang: str = "ru") -> str:
    """:func:`reminder_label` of a reminder or an `upcoming` entry (the press release
    window's first day is read from its `start`)."""
    first_after = None
    if entry.kind == "press_release" and entry.offset is not None and entry.start is not None:
        first_after = entry.offset - (entry.due - entry.start).days
    return reminder_label(entry.kind, entry.offset, lang, first_after)
