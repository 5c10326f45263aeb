"""The meeting agenda's context (`agendas`): the next meeting of each cluster with its
entries grouped by month, the reminders due before the horizon and the overdue rows."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from clusterctl.i18n import dates as datefmt
from clusterctl.queries.agenda import AgendaEntry, MeetingAgenda, meeting_agenda
from clusterctl.queries.digest import PlanDigest
from clusterctl.queries.overdue import OverdueItem
from clusterctl.queries.reminders import Reminder, derive_reminders, has_meetings


@dataclass(slots=True)
class AgendaMonth:
    label: str
    """«ноябрь 2022 г.»"""
    entries: list[AgendaEntry]


@dataclass(slots=True)
class AgendaCtx:
    """One meeting's agenda (`queries.agenda`) arranged for a document."""

    meeting: MeetingAgenda
    regular: bool
    """False when the plan sets no meetings (no clusters, no `rules:`): the agenda is then for
    the next quarterly meeting by the default working rules."""
    months: list[AgendaMonth]
    """The meeting's entries grouped by month."""
    reminders: list[Reminder]
    """Announcements, press releases and reports due from the meeting to the horizon."""
    overdue: list[OverdueItem]
    """Overdue rows of the cluster (and of the plan's tasks without a cluster)."""


def build_agendas(digest: PlanDigest, today: datetime.date, late: list[OverdueItem]
                  ) -> list[AgendaCtx]:
    """The agendas of the next meeting (one per cluster), from `queries.agenda`.

    A plan that sets no meetings (no clusters, no `rules:` block) gets the agenda of the next
    quarterly meeting by the default working rules: asking for an agenda means a meeting."""
    regular = has_meetings(digest)
    source = digest if regular else digest._replace(
        rules=digest.rules._replace(explicit=True))
    out: list[AgendaCtx] = []
    for meeting in meeting_agenda([source], today):
        reminders = [
            r for r in derive_reminders(source, today, meeting.until, since=meeting.date)
            if r.kind in ("announcement", "announcement_repeat", "press_release", "report")
            and (meeting.cluster is None or r.cluster in (None, meeting.cluster))
        ]
        months: dict[tuple[int, int], list[AgendaEntry]] = {}
        for entry in meeting.entries:
            months.setdefault((entry.date.year, entry.date.month), []).append(entry)
        out.append(AgendaCtx(
            meeting=meeting, regular=regular,
            months=[AgendaMonth(datefmt.month_year(datetime.date(y, m, 1)), rows)
                    for (y, m), rows in sorted(months.items())],
            reminders=reminders,
            overdue=[o for o in late if meeting.cluster is None or o.cluster in (
                None, meeting.cluster)],
        ))
    return out
