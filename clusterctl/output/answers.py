"""The query answers as a person reads them: one `Table` per answer (localised headers, dates
in words, weeks and projects as sections, a footer that counts), and the fields and records
of the same answer in CSV.

Each `*_table` function takes the query's answer and the reader's language; the command line
only chooses the format (`clusterctl.output.tables`, `clusterctl.output.machine`).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from clusterctl.i18n import count, t
from clusterctl.i18n.dates import day, day_long, span, span_long, weekday, weekday_short
from clusterctl.model.index import Unread
from clusterctl.output.machine import record
from clusterctl.output.tables import Bar, Column, Day, Num, Section, Table, percent, shorten
from clusterctl.queries import (
    MeetingAgenda,
    OverdueItem,
    PersonLoad,
    StatusReport,
    Upcoming,
    UpcomingEntry,
    Who,
)
from clusterctl.queries.reminders import entry_label

LIST_SHOWN = 5
"""A table cell lists at most this many values (projects, duties); JSON and CSV give all."""

_KEEP = {
    "project": 3, "due_phrase": 2, "where": 1, "weekday": 4, "days_left": 6, "kind": 7,
    "responsible": 5, "due": 8, "in_progress": 6, "planned": 5, "cancelled": 3,
    "rescheduled": 2, "next_due": 7, "participation": 4, "who_kind": 6, "projects": 3,
    "duties": 4, "left": 8, "status": 5, "time": 6, "place": 8, "id": 8, "total": 8,
    "done": 8, "overdue": 8, "due_soon": 8,
}
"""Which columns a narrow terminal hides first (lowest first; unlisted: never)."""


def _col(key: str, lang: str, align: str = "left", shorten: int | None = None,
         header: str | None = None) -> Column:
    return Column(key, header if header is not None else t("column." + key, lang), align,
                  shorten, keep=_KEEP.get(key, 9))


def _line(text: str | None) -> str:
    """A phrase as written, on one line for a table cell."""
    return " ".join((text or "").split())


def _where(stage: str | None, cluster: str | None) -> str:
    return " / ".join(p for p in (stage, cluster) if p)


def _some(values: Sequence[str], lang: str) -> str:
    """"a, b, c" — or, past LIST_SHOWN values, the first ones and how many more (a role
    such as «Руководители ОО» is in every plan of a region)."""
    if len(values) <= LIST_SHOWN:
        return ", ".join(values)
    more = len(values) - (LIST_SHOWN - 1)
    return ", ".join(values[: LIST_SHOWN - 1]) + t("answer.and-more", lang, more=more)


# ---------------------------------------------------------------------------- overdue

OVERDUE_FIELDS = (
    "project", "id", "kind", "title", "due_phrase", "due", "days_overdue", "missed", "status",
    "responsible", "stage", "cluster", "task_id", "start", "deadline_kind", "result",
    "rescheduled", "is_event", "place", "project_title", "stage_title", "cluster_title", "path",
)


def _due_phrase_cell(item: OverdueItem, lang: str) -> str:
    """The deadline phrase of an overdue row, and for a recurring deadline missed more than
    once how many times and when («пропущено 3 повторения: 31.12.2022, …»)."""
    phrase = _line(item.due_phrase)
    if len(item.missed) < 2:
        return phrase
    days = _some([day(d, lang) for d in item.missed], lang)
    return f"{phrase} — " + t("answer.missed", lang, days=days,
                              counted=count(len(item.missed), "word.occurrence", lang))


def overdue_table(items: Sequence[OverdueItem], today: datetime.date, lang: str) -> Table:
    rows: list[list[Any]] = [
        [o.project, o.id, o.title, _due_phrase_cell(o, lang), Day.of(o.due, lang),
         Num(o.days_overdue), ", ".join(o.responsible), _where(o.stage, o.cluster)]
        for o in items
    ]
    on = day(today, lang)
    return Table(
        columns=[
            _col("project", lang), _col("id", lang), _col("task", lang, shorten=60),
            _col("due_phrase", lang), _col("due", lang), _col("days_overdue", lang, "right"),
            _col("responsible", lang), _col("where", lang),
        ],
        sections=[Section(None, rows)],
        footer=t("answer.overdue-footer", lang, on=on,
                 counted=count(len(items), "word.item", lang)),
        empty=t("answer.overdue-empty", lang, on=on),
    )


def overdue_records(items: Sequence[OverdueItem]) -> list[dict[str, Any]]:
    return [record(i) for i in items]


# ---------------------------------------------------------------------------- upcoming

UPCOMING_FIELDS = (
    "due", "days_left", "week", "kind", "project", "id", "title", "due_phrase", "start",
    "event_start", "offset", "responsible", "stage", "cluster", "status", "place",
    "project_title", "stage_title", "cluster_title",
)


def _entry_title(entry: UpcomingEntry, lang: str) -> str:
    if entry.kind in ("task", "step"):
        return entry.title
    return f"{entry_label(entry, lang)}: {entry.title}"


def upcoming_table(up: Upcoming, lang: str) -> Table:
    sections = []
    for week in up.weeks():
        rows: list[list[Any]] = [
            [Day.of(e.due, lang), weekday_short(e.due, lang), Num(e.days_left),
             t("entry-kind." + e.kind, lang), e.project,
             "" if e.kind in ("report", "meeting") else e.id,
             _entry_title(e, lang),
             _line(e.due_phrase), ", ".join(e.responsible), _where(e.stage, e.cluster)]
            for e in week.entries
        ]
        head = t("answer.week", lang, span=span_long(week.start, week.end, lang))
        sections.append(Section(head, rows))
    since, until = day(up.as_of, lang), day(up.until, lang)
    return Table(
        columns=[
            _col("due", lang), _col("weekday", lang), _col("days_left", lang, "right"),
            _col("kind", lang), _col("project", lang), _col("id", lang),
            _col("task", lang, shorten=60), _col("due_phrase", lang),
            _col("responsible", lang), _col("where", lang),
        ],
        sections=sections,
        footer=t("answer.upcoming-footer", lang, since=since, until=until,
                 counted=count(len(up.entries), "word.item", lang)),
        empty=t("answer.upcoming-empty", lang, since=since, until=until),
    )


def upcoming_records(up: Upcoming) -> list[dict[str, Any]]:
    return [record(e) for e in up.entries]


# ---------------------------------------------------------------------------- meeting

MEETING_FIELDS = (
    "meeting_date", "meeting_until", "meeting_project", "meeting_cluster", "date", "kind",
    "project", "id", "title", "date_phrase", "start", "end", "time", "place", "audience",
    "level", "expected_participants", "registration_url", "responsible", "stage", "cluster",
    "status",
)


def meeting_table(agendas: Sequence[MeetingAgenda], lang: str) -> Table:
    sections = []
    for agenda in agendas:
        when = f"{day_long(agenda.date, lang)} ({weekday(agenda.date, lang)})"
        if agenda.cluster is not None:
            subject = t("answer.meeting-cluster", lang, title=agenda.cluster_title)
        else:
            subject = t("answer.meeting-project", lang)
        title = t("answer.meeting-title", lang, when=when, subject=subject,
                  project=agenda.project, until=day(agenda.until, lang))
        if agenda.responsible:
            title += t("answer.meeting-run-by", lang, who=", ".join(agenda.responsible))
        rows: list[list[Any]] = [
            [span(e.start, e.end, lang) if e.kind == "event" else day(e.end, lang),
             e.time or "", t("entry-kind." + e.kind, lang), e.id, e.title, e.place or "",
             ", ".join(e.responsible)]
            for e in agenda.entries
        ]
        sections.append(Section(title, rows, empty=t("answer.meeting-nothing", lang)))
    return Table(
        columns=[
            _col("date", lang), _col("time", lang), _col("kind", lang), _col("id", lang),
            _col("task", lang, shorten=60), _col("place", lang), _col("responsible", lang),
        ],
        sections=sections,
        empty=t("answer.meeting-empty", lang),
    )


def meeting_records(agendas: Sequence[MeetingAgenda]) -> list[dict[str, Any]]:
    return [
        record(e, meeting_date=a.date, meeting_until=a.until, meeting_project=a.project,
               meeting_cluster=a.cluster)
        for a in agendas for e in a.entries
    ]


# ---------------------------------------------------------------------------- status

STATUS_FIELDS = (
    "level", "project", "id", "title", "current", "period_start", "period_end", "total", "done",
    "in_progress", "planned", "overdue", "cancelled", "rescheduled", "share_done", "next_due",
    "next_due_id", "next_due_phrase", "members", "took_part", "participation_share",
)


def status_records(report: StatusReport) -> list[dict[str, Any]]:
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


def status_table(report: StatusReport, unread: Sequence[Unread], lang: str) -> Table:
    sections = []
    footer: list[str] = []
    for ps in report.projects:
        rows: list[list[Any]] = []
        for row in (ps.project, *ps.stages, *ps.clusters):
            if row.level == "project":
                name = t("answer.whole-project", lang)
            elif row.level == "stage":
                name = ("▶ " if row.current else "") + t("answer.stage", lang, id=row.id,
                                                         title=row.title)
            else:
                name = t("answer.cluster", lang, id=row.id, title=row.title)
            nxt = row.next_due
            part = row.participation
            if part is None:
                took = ""
            elif not part.recorded:
                took = t("answer.no-data-of", lang, members=part.members)
            else:
                took = f"{part.took_part}/{part.members} ({percent(part.share)})"
            rows.append([
                name, Num(row.total), Num(row.done), Num(row.in_progress), Num(row.planned),
                Num(row.overdue), Num(row.cancelled), Num(row.rescheduled), Bar(row.share_done),
                f"{day(nxt.date, lang)} · {nxt.id}" if nxt else "—", took,
            ])
        title = f"{ps.project.project} — {shorten(ps.project.title, 90)}"
        sections.append(Section(title, rows))
        if ps.district is not None:
            d = ps.district
            share = percent(d.share) if d.recorded else t("answer.no-data", lang)
            footer.append(t("answer.district", lang, project=ps.project.project,
                            took=d.took_part, members=d.members, share=share))
    if unread:
        where = ", ".join(f"{u.file}:{u.line}" for u in unread)
        footer.append(t("answer.unread", lang, n=len(unread), where=where))
    return Table(
        columns=[
            _col("scope", lang, shorten=48), _col("total", lang, "right"),
            _col("done", lang, "right"), _col("in_progress", lang, "right"),
            _col("planned", lang, "right"), _col("overdue", lang, "right"),
            _col("cancelled", lang, "right"), _col("rescheduled", lang, "right"),
            _col("share", lang, "right"), _col("next_due", lang), _col("participation", lang),
        ],
        sections=sections,
        footer="\n".join(footer) or None,
        empty=t("answer.no-projects", lang),
    )


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


def _duties(person: PersonLoad, lang: str) -> list[str]:
    """«куратор K1», «руководитель проекта»."""
    return [
        t("answer." + duty.kind, lang) + (
            f" {duty.cluster}" if duty.cluster else t("answer.of-project", lang))
        for duty in person.duties
    ]


def _machine_duties(person: PersonLoad) -> list[str]:
    """"curator:P1/K1", "lead:P1" (CSV)."""
    return [f"{duty.kind}:{duty.project}" + (f"/{duty.cluster}" if duty.cluster else "")
            for duty in person.duties]


def who_table(w: Who, lang: str) -> Table:
    rows: list[list[Any]] = [
        [p.name, t("who-kind." + p.kind, lang), _some(p.projects, lang), Num(p.open),
         Num(p.overdue), Num(p.due_soon), Day.of(p.next_due, lang),
         _some(_duties(p, lang), lang)]
        for p in w.people
    ]
    unknown = sum(1 for p in w.people if p.kind == "unknown")
    footer = t("answer.responsibles", lang, n=len(w.people))
    if unknown:
        footer += t("answer.not-in-registry", lang, n=unknown)
    soon = t("answer.due-by", lang, date=day(w.soon_until, lang))
    return Table(
        columns=[
            _col("name", lang), _col("who_kind", lang), _col("projects", lang),
            _col("open", lang, "right"), _col("overdue", lang, "right"),
            _col("due_soon", lang, "right", header=soon), _col("next_due", lang),
            _col("duties", lang),
        ],
        sections=[Section(None, rows)],
        footer=footer,
        empty=t("answer.no-responsibles", lang),
    )


def who_records(w: Who) -> list[dict[str, Any]]:
    return [record(p, duties=_machine_duties(p)) for p in w.people]


def person_table(w: Who, lang: str, statuses_asked: bool) -> Table:
    """`who NAME`: a line on each person the name means, then their items in date order."""
    soon = day(w.soon_until, lang)
    heads = []
    for p in w.people:
        duties = _duties(p, lang)
        head = f"{p.name} ({t('who-kind.' + p.kind, lang)}; {_some(p.projects, lang) or '—'})"
        if duties:
            head += ": " + _some(duties, lang)
        head += t("answer.person-counts", lang, open=p.open, overdue=p.overdue, soon=soon,
                  due_soon=p.due_soon)
        heads.append(head)
    rows: list[list[Any]] = [
        [Day.of(i.due, lang), "" if i.days_left is None else Num(i.days_left), i.project,
         i.id, i.title, _line(i.due_phrase), t("status." + i.status, lang),
         _where(i.stage, i.cluster)]
        for i in w.items
    ]
    return Table(
        columns=[
            _col("due", lang), _col("left", lang, "right"), _col("project", lang),
            _col("id", lang), _col("task", lang, shorten=60), _col("due_phrase", lang),
            _col("status", lang), _col("where", lang),
        ],
        sections=[Section(None, rows)],
        title="\n".join(heads),
        empty=t("answer.no-items" if statuses_asked else "answer.no-open-items", lang),
    )


def person_records(w: Who) -> list[dict[str, Any]]:
    return [record(i) for i in w.items]


__all__ = [
    "MEETING_FIELDS", "OVERDUE_FIELDS", "STATUS_FIELDS", "UPCOMING_FIELDS", "WHO_FIELDS",
    "WHO_ITEM_FIELDS", "meeting_records", "meeting_table", "overdue_records", "overdue_table",
    "person_records", "person_table", "status_records", "status_table",
    "upcoming_records", "upcoming_table", "who_records", "who_table",
]
