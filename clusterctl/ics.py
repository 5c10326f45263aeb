"""The plans as an RFC 5545 calendar (.ics) for a phone's or a desktop calendar.

* One all-day VEVENT per dated task or step (the units of :mod:`clusterctl.queries`): a date
  or range spans its days (DTEND is the day after the last, as RFC 5545 wants for dates);
  a "до 26.09.2022" deadline is an event on its last day. Ongoing, unscheduled and recurring
  items have no date and are not exported.
* SUMMARY "[project] id: title" ("✓ " in front when done); DESCRIPTION with the full title,
  result, responsibles, the deadline as written and as computed, status, stage, cluster,
  place and time; LOCATION from `event.place`; URL from `event.registration_url`;
  CATEGORIES project id and kind; STATUS CANCELLED for cancelled items (so a re-import
  cancels them), CONFIRMED otherwise; TRANSP TRANSPARENT (deadlines do not block time);
  SEQUENCE = how many times the deadline was moved.
* The derived reminders (announcements, press releases, cluster reports, meetings; see
  :mod:`clusterctl.reminders`) as all-day events of their own, RELATED-TO the event's task.
* Stable UIDs: ``project/stage/id@clusterctl`` (stage "-" for plans without stages), the
  reminder kind appended for reminders (``…/announcement-14@clusterctl``), percent-encoded
  outside ``A-Z a-z 0-9 . _ ~ -``. Re-importing the file updates events instead of
  duplicating them. A step without its own id is numbered by position ("8.2"): give steps
  ids if you reorder them.
* DTSTAMP is the query date at 00:00 UTC, so the output is a pure function of the plans
  and the date (and a later export supersedes an earlier one).

Reminders are derived over the project's period (when the plan has one) widened to the
dates of its items and to the school year of the query date, plus 31 days either side.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from clusterctl import __version__
from clusterctl.datefmt import span
from clusterctl.dates import DeadlineKind
from clusterctl.messages import status_word
from clusterctl.models import Status
from clusterctl.plan import PlanIndex
from clusterctl.queries import (
    ALL_STATUSES,
    Filters,
    Source,
    Work,
    iter_units,
    select,
    work_fields,
)
from clusterctl.reminders import Reminder, derive_reminders, entry_label

__all__ = ["calendar", "event_uid"]

UID_DOMAIN = "clusterctl"
_MARGIN = datetime.timedelta(days=31)

_LABELS = {
    "task": ("Мероприятие", "Task"),
    "result": ("Результат", "Result"),
    "responsible": ("Ответственные", "Responsible"),
    "due": ("Срок", "Due"),
    "status": ("Статус", "Status"),
    "stage": ("Этап", "Stage"),
    "cluster": ("Кластер", "Cluster"),
    "place": ("Место", "Place"),
    "time": ("Время", "Time"),
    "event": ("Мероприятие", "Event"),
    "rescheduled": ("Переносов срока", "Times rescheduled"),
    "project": ("Проект", "Project"),
    "where": ("В плане", "In the plan"),
}
_KINDS = {
    "task": ("мероприятие", "task"),
    "step": ("подпункт", "step"),
    "announcement": ("анонс", "announcement"),
    "announcement_repeat": ("анонс", "announcement"),
    "press_release": ("пресс-релиз", "press release"),
    "report": ("отчёт", "report"),
    "meeting": ("совещание", "meeting"),
}


def _word(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    pair = table.get(key, (key, key))
    return pair[0] if lang == "ru" else pair[1]


def event_uid(*parts: str) -> str:
    """A stable UID from its parts: event_uid("primorye-roadmap-2022", "-", "8.2")."""
    return "/".join(quote(p, safe="._~-") for p in parts) + "@" + UID_DOMAIN


def _as_written(
    phrase: str | None, start: datetime.date | None, end: datetime.date | None, lang: str
) -> str:
    """The deadline as written, with the computed days when they say something more."""
    computed = span(start or end, end, lang)
    if not phrase or phrase == computed:
        return computed
    return f"{phrase} ({computed})"


def _short(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _work_event(
    work: Work, lang: str, time: str | None = None, url: str | None = None
) -> dict[str, Any]:
    assert work.due is not None
    start = work.start or work.due

    def label(key: str) -> str:
        return _word(_LABELS, key, lang)

    lines = [f"{label('task')}: {work.title}"]
    if work.result and work.result != work.title:
        lines.append(f"{label('result')}: {work.result}")
    if work.responsible:
        lines.append(f"{label('responsible')}: {', '.join(work.responsible)}")
    lines.append(f"{label('due')}: {_as_written(work.due_phrase, work.start, work.due, lang)}")
    lines.append(f"{label('status')}: {status_word(work.status, lang)}")
    if work.rescheduled:
        lines.append(f"{label('rescheduled')}: {work.rescheduled}")
    if work.stage:
        lines.append(f"{label('stage')}: {work.stage}" + (
            f" — {work.stage_title}" if work.stage_title else ""))
    if work.cluster:
        lines.append(f"{label('cluster')}: {work.cluster}" + (
            f" — {work.cluster_title}" if work.cluster_title else ""))
    if work.place:
        lines.append(f"{label('place')}: {work.place}")
    if time:
        lines.append(f"{label('time')}: {time}")
    if url:
        lines.append(url)
    lines.append(f"{label('project')}: {work.project_title}")
    lines.append(f"{label('where')}: {work.path}")
    mark = "✓ " if work.status == "done" else ""
    return {
        "uid": event_uid(work.project, work.stage or "-", work.id),
        "summary": f"{mark}[{work.project}] {work.id}: {_short(work.title)}",
        "start": start,
        "end": work.due,
        "description": "\n".join(lines),
        "categories": [work.project, _word(_KINDS, work.kind, lang)],
        "status": "CANCELLED" if work.status == "cancelled" else "CONFIRMED",
        "sequence": work.rescheduled,
        "location": work.place,
        "url": url,
    }


def _reminder_event(rem: Reminder, lang: str, related: str | None) -> dict[str, Any]:

    def label(key: str) -> str:
        return _word(_LABELS, key, lang)

    what = entry_label(rem, lang)
    lines = [what + "."]
    if rem.kind not in ("report", "meeting"):
        lines.append(f"{label('event')}: {rem.title}")
    if rem.event_start is not None:
        when = _as_written(rem.event_phrase, rem.event_start, rem.event_end, lang)
        lines.append(f"{label('due')}: {when}")
    if rem.place:
        lines.append(f"{label('place')}: {rem.place}")
    if rem.time:
        lines.append(f"{label('time')}: {rem.time}")
    if rem.responsible:
        lines.append(f"{label('responsible')}: {', '.join(rem.responsible)}")
    if rem.cluster:
        lines.append(f"{label('cluster')}: {rem.cluster}" + (
            f" — {rem.cluster_title}" if rem.cluster_title else ""))
    lines.append(f"{label('project')}: {rem.project_title}")
    if rem.kind in ("report", "meeting"):
        uid = event_uid(rem.project, "cluster", rem.id, rem.kind, rem.due.isoformat())
        summary = f"[{rem.project}] {what}: {_short(rem.title, 70)}"
    else:
        suffix = rem.kind if rem.offset is None or rem.kind == "press_release" else (
            f"announcement-{rem.offset}"
        )
        uid = event_uid(rem.project, rem.stage or "-", rem.id, suffix)
        summary = f"[{rem.project}] {what}: {_short(rem.title, 70)} ({rem.id})"
    return {
        "uid": uid,
        "summary": summary,
        "start": rem.start,
        "end": rem.due,
        "description": "\n".join(lines),
        "categories": [rem.project, _word(_KINDS, rem.kind, lang)],
        "status": "CONFIRMED",
        "sequence": rem.rescheduled,
        "location": rem.place,
        "related": related,
    }


def _school_year(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    first = day.year if day.month >= 9 else day.year - 1
    return datetime.date(first, 9, 1), datetime.date(first + 1, 8, 31)


def _reminder_range(
    index: PlanIndex, works: list[Work], today: datetime.date
) -> tuple[datetime.date, datetime.date]:
    lows, highs = list(_school_year(today)[:1]), list(_school_year(today)[1:])
    if index.project_period is not None:
        lows.append(index.project_period.start)
        highs.append(index.project_period.end)
    for work in works:
        if work.due is not None:
            lows.append(work.start or work.due)
            highs.append(work.due)
    return min(lows) - _MARGIN, max(highs) + _MARGIN


def calendar(
    sources: Sequence[Source],
    today: datetime.date,
    filters: Filters | None = None,
    lang: str = "ru",
    reminders: bool = True,
    name: str | None = None,
) -> bytes:
    """The calendar of `sources` as iCalendar bytes (UTF-8, CRLF lines, folded at 75 octets).

    `filters` choose the items as in the other queries (all statuses unless
    `filters.statuses` says otherwise; one person's calendar with `responsible`); the
    reminders follow the same project, stage, cluster and responsible filters. `name`
    becomes the calendar's name (X-WR-CALNAME and NAME); by default "clusterctl: " and the
    project ids.
    """
    from icalendar import Calendar, Event

    selection = select(sources, filters)
    events: list[dict[str, Any]] = []
    projects: list[str] = []
    for pos, index in enumerate(selection.indexes):
        if not selection.plan(index):
            continue
        projects.append(index.plan.project.id)
        works: list[Work] = []
        uid_of_task: dict[str, str] = {}
        for _, _, item, deadline, state in iter_units(selection, today, only=pos):
            if deadline is None or deadline.kind not in (
                DeadlineKind.DATE, DeadlineKind.RANGE, DeadlineKind.BEFORE
            ) or not selection.status(state, ALL_STATUSES):
                continue
            work = Work(**work_fields(index, item, today, deadline))
            works.append(work)
            event = item.task.event if item.step is None else None
            events.append(_work_event(
                work, lang, event.time if event else None,
                event.registration_url if event else None,
            ))
            if item.step is None:
                uid_of_task[work.path] = events[-1]["uid"]
        if not reminders:
            continue
        since, until = _reminder_range(index, works, today)
        for rem in derive_reminders(index, today, until, since):
            stage = next((s for s in index.plan.stages if s.id == rem.stage), None)
            if not (
                (selection.stages is None or selection.stage(stage))
                and (selection.clusters is None or selection.cluster(index, rem.cluster))
                and selection.names(pos, rem.responsible)
                and selection.status(Status(rem.status), ALL_STATUSES)
            ):
                continue
            related = uid_of_task.get(rem.path) or (
                event_uid(rem.project, rem.stage or "-", rem.id)
                if rem.kind not in ("report", "meeting") else None
            )
            events.append(_reminder_event(rem, lang, related))

    cal = Calendar()
    cal.add("prodid", f"-//clusterctl//clusterctl {__version__}//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    title = name or "clusterctl: " + ", ".join(projects)
    cal.add("x-wr-calname", title)
    cal.add("name", title)
    stamp = datetime.datetime.combine(today, datetime.time(0, 0), tzinfo=datetime.UTC)
    seen: dict[str, int] = {}
    for data in sorted(events, key=lambda e: (e["start"], e["end"], e["uid"])):
        uid = data["uid"]
        seen[uid] = seen.get(uid, 0) + 1
        if seen[uid] > 1:  # two items with one id (a duplicate-id error elsewhere)
            uid = uid.replace("@", f"#{seen[uid]}@", 1)
        vevent = Event()
        vevent.add("uid", uid)
        vevent.add("dtstamp", stamp)
        vevent.add("dtstart", data["start"])
        vevent.add("dtend", data["end"] + datetime.timedelta(days=1))
        vevent.add("summary", data["summary"])
        vevent.add("description", data["description"])
        if data.get("location"):
            vevent.add("location", data["location"])
        vevent.add("categories", data["categories"])
        vevent.add("status", data["status"])
        vevent.add("transp", "TRANSPARENT")
        vevent.add("sequence", data["sequence"])
        if data.get("related"):
            vevent.add("related-to", data["related"])
        if data.get("url"):
            vevent.add("url", data["url"])
        cal.add_component(vevent)
    result: bytes = cal.to_ical()
    return result
