"""Questions asked of many plans as of a date: what is overdue (`overdue`), what falls due
soon with the working rules' reminders (`upcoming`, `reminders`), the next meeting's agenda
(`agenda`), how far each project has come (`progress`), who carries what (`who`, with the
responsibles merged across plans by `people`).

Every query is a pure function of the plans' digests (`digest`: what a plan says, made where
it was checked) and a date: nothing here reads the clock, the files or the terminal. One
filter resolver (`filters`) serves them all; `units` says which tasks and steps are listed.
"""

from clusterctl.queries.agenda import AgendaEntry, MeetingAgenda, meeting_agenda
from clusterctl.queries.digest import PlanDigest, build_digest
from clusterctl.queries.filters import Filters
from clusterctl.queries.overdue import OverdueItem, overdue
from clusterctl.queries.progress import (
    NextDue,
    Participation,
    Progress,
    ProjectStatus,
    StatusReport,
    status,
)
from clusterctl.queries.upcoming import Upcoming, UpcomingEntry, Week, upcoming
from clusterctl.queries.who import PersonItem, PersonLoad, Who, who

__all__ = [
    "AgendaEntry",
    "Filters",
    "MeetingAgenda",
    "NextDue",
    "OverdueItem",
    "Participation",
    "PersonItem",
    "PersonLoad",
    "PlanDigest",
    "Progress",
    "ProjectStatus",
    "StatusReport",
    "Upcoming",
    "UpcomingEntry",
    "Week",
    "Who",
    "build_digest",
    "meeting_agenda",
    "overdue",
    "status",
    "upcoming",
    "who",
]
