"""The plans as an RFC 5545 calendar (.ics) for a phone's or a desktop calendar.

* One all-day VEVENT per dated task or step (the units of :mod:`clusterctl.queries`): a date
  or range spans its days (DTEND is the day after the last, as RFC 5545 wants for dates),
  from the planned start (`start:`) when there is one; a "до 26.09.2022" deadline is an
  event on its last day. A span longer than LONG_SPAN_DAYS (a multi-year range would
  cover a phone's calendar for years) is two one-day events instead: its start (UID
  suffix "/start") and its last day.
* A recurring deadline with occurrences: one one-day event on each occurrence's deadline
  (UID suffix: its ISO date), done ones marked "✓". Ongoing, unscheduled and undated
  recurring items have no date and are not exported.
* SUMMARY "[project] id: title" ("✓ " in front when done); DESCRIPTION with the full title,
  result, responsibles, the deadline as written and as computed, status, stage, cluster,
  place and time; LOCATION from `event.place`; URL from `event.registration_url`;
  CATEGORIES project id and kind; STATUS CANCELLED for cancelled items (so a re-import
  cancels them), CONFIRMED otherwise; TRANSP TRANSPARENT (deadlines do not block time);
  SEQUENCE = how many times the deadline was moved.
* The derived reminders (announcements, press releases, cluster reports, meetings; see
  :mod:`clusterctl.queries.reminders`) as all-day events of their own, RELATED-TO the
  event's task.
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
from clusterctl.i18n import t
from clusterctl.i18n.dates import span
from clusterctl.model.calendar import school_year
from clusterctl.model.deadlines import DATED
from clusterctl.model.status import ALL_STATUSES
from clusterctl.queries.digest import PlanDigest
from clusterctl.queries.filters import Filters, Selection
from clusterctl.queries.reminders import Reminder, derive_reminders, entry_label, kept
from clusterctl.queries.units import Listed, listed, units

__all__ = ["calendar", "event_uid"]

UID_DOMAIN = "clusterctl"
_MARGIN = datetime.timedelta(days=31)
LONG_SPAN_DAYS = 92
"""A task's days longer than this (a quarter) are exported as its start and its end."""


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


def _description(lang: str, first: list[str], rows: list[tuple[str, object]]) -> str:
    """The event's description: the `first` lines, then «label: value» for every row with a
    value (the label a key of the catalog's `ics.` group; the value alone for the key "")."""
    lines = list(first)
    lines += [f"{t('ics.' + key, lang)}: {value}" if key else str(value)
              for key, value in rows if value]
    return "\n".join(lines)


def _titled(ref: str | None, title: str | None) -> str | None:
    """«II — Основной»: a stage's or cluster's id and title; None without an id."""
    return None if not ref else ref + (f" — {title}" if title else "")


def _work_event(
    work: Listed, lang: str, time: str | None = None, url: str | None = None
) -> dict[str, Any]:
    assert work.due is not None
    start = work.start or work.due
    description = _description(lang, [], [
        ("task", work.title),
        ("result", work.result if work.result != work.title else None),
        ("responsible", ", ".join(work.responsible)),
        ("due", _as_written(work.due_phrase, work.start, work.due, lang)),
        ("status", t("status." + work.status, lang)),
        ("rescheduled", work.rescheduled),
        ("stage", _titled(work.stage, work.stage_title)),
        ("cluster", _titled(work.cluster, work.cluster_title)),
        ("place", work.place),
        ("time", time),
        ("", url),
        ("project", work.project_title),
        ("where", work.path),
    ])
    mark = "✓ " if work.status == "done" else ""
    return {
        "uid": event_uid(work.project, work.stage or "-", work.id),
        "summary": f"{mark}[{work.project}] {work.id}: {_short(work.title)}",
        "start": start,
        "end": work.due,
        "description": description,
        "categories": [work.project, t("ics-kind." + work.kind, lang)],
        "status": "CANCELLED" if work.status == "cancelled" else "CONFIRMED",
        "sequence": work.rescheduled,
        "location": work.place,
        "url": url,
    }


def _work_events(work: Listed, lang: str, occurrence: bool, time: str | None = None,
                 url: str | None = None) -> list[dict[str, Any]]:
    """The events of a task or step: one; one per occurrence (`occurrence`: this is one);
    or its start and its end when it spans more than LONG_SPAN_DAYS."""
    assert work.due is not None
    data = _work_event(work, lang, time, url)
    if occurrence:
        data["uid"] = event_uid(work.project, work.stage or "-", work.id,
                                work.due.isoformat())
        data["start"] = work.due
        data["categories"].append(t("ics.occurrence", lang))
        return [data]
    if (work.due - data["start"]).days <= LONG_SPAN_DAYS:
        return [data]
    begins = dict(data, uid=event_uid(work.project, work.stage or "-", work.id, "start"),
                  summary=f"[{work.project}] {work.id}: {t('ics.begins', lang)} — "
                          f"{_short(work.title, 80)}",
                  end=data["start"])
    return [begins, dict(data, start=work.due)]


def _reminder_event(rem: Reminder, lang: str, related: str | None) -> dict[str, Any]:
    what = entry_label(rem, lang)
    when = None if rem.event_start is None else _as_written(
        rem.event_phrase, rem.event_start, rem.event_end, lang)
    description = _description(lang, [what + "."], [
        ("event", rem.title if rem.kind not in ("report", "meeting") else None),
        ("due", when),
        ("place", rem.place),
        ("time", rem.time),
        ("responsible", ", ".join(rem.responsible)),
        ("cluster", _titled(rem.cluster, rem.cluster_title)),
        ("project", rem.project_title),
    ])
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
        "description": description,
        "categories": [rem.project, t("ics-kind." + rem.kind, lang)],
        "status": "CONFIRMED",
        "sequence": rem.rescheduled,
        "location": rem.place,
        "related": related,
    }


def _reminder_range(
    digest: PlanDigest, works: list[Listed], today: datetime.date
) -> tuple[datetime.date, datetime.date]:
    first, last = school_year(today)
    lows, highs = [first], [last]
    if digest.period is not None:
        lows.append(digest.period.start)
        highs.append(digest.period.end)
    for work in works:
        if work.due is not None:
            lows.append(work.start or work.due)
            highs.append(work.due)
    return min(lows) - _MARGIN, max(highs) + _MARGIN


def calendar(
    digests: Sequence[PlanDigest],
    today: datetime.date,
    filters: Filters | None = None,
    lang: str = "ru",
    reminders: bool = True,
    name: str | None = None,
) -> bytes:
    """The calendar of the plans as iCalendar bytes (UTF-8, CRLF lines, folded at 75 octets).

    `filters` choose the items as in the other queries (all statuses unless
    `filters.statuses` says otherwise; one person's calendar with `responsible`); the
    reminders follow the same project, stage, cluster and responsible filters. `name`
    becomes the calendar's name (X-WR-CALNAME and NAME); by default "clusterctl: " and the
    project ids.
    """
    from icalendar import Calendar, Event

    selection = Selection(digests, filters)
    events: list[dict[str, Any]] = []
    projects: list[str] = []
    for pos, digest in enumerate(selection.digests):
        if not selection.plan(digest):
            continue
        projects.append(digest.project)
        works: list[Listed] = []
        uid_of_task: dict[str, str] = {}
        for unit in units(selection, today, only=pos):
            deadline = unit.deadline
            if deadline is None or deadline.kind not in DATED or not selection.status(
                unit.state, ALL_STATUSES
            ):
                continue
            work = Listed(**listed(unit, today))
            works.append(work)
            event = unit.task.event if unit.work is unit.task else None
            made = _work_events(work, lang, unit.occurrence is not None,
                                event.time if event else None,
                                event.registration_url if event else None)
            events.extend(made)
            if unit.work is unit.task:
                uid_of_task.setdefault(work.path, made[-1]["uid"])
        if not reminders:
            continue
        since, until = _reminder_range(digest, works, today)
        for rem in derive_reminders(digest, today, until, since):
            if not kept(selection, pos, digest, rem, ALL_STATUSES):
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
