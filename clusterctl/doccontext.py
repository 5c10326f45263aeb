"""The data a document template sees: a plan, indexed, as plain dataclasses.

`build_context` turns a validated plan (its `PlanIndex`) and a date into a `DocContext`: the
project's passport, its stages with numbered items (tasks and their steps), clusters,
organisations and people, the figures and lists that depend on "today", the report period,
the meeting agenda, the timeline and (for one task) the announcement and press-release
letters. Everything is plain data — strings, numbers, dates, lists, dicts, the dataclasses
below and the read-only results of `clusterctl.queries` and `clusterctl.reminders` (status,
overdue, who, upcoming, meeting agenda), which this module uses rather than recomputes:
templates read it, never the pydantic models. Nothing here reads the clock, imports jinja2 or
prints.

docs/templates.md documents every field; keep the two in step.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

from clusterctl import datefmt
from clusterctl.dates import Deadline, DeadlineError, DeadlineKind, Period
from clusterctl.models import Award, Cluster, Organisation, Plan, Stage, Status
from clusterctl.plan import Item, PlanIndex, build_index, normalise_name
from clusterctl.queries import (
    OverdueItem,
    PersonLoad,
    Progress,
    ProjectStatus,
    Upcoming,
    Who,
    add_months,
    event_deadline,
    is_unit,
    item_status,
    one_line,
    overdue,
    path_text,
    reschedule_count,
    status,
    upcoming,
    who,
)
from clusterctl.reminders import (
    AgendaEntry,
    MeetingAgenda,
    Reminder,
    derive_reminders,
    has_meetings,
    meeting_agenda,
)

__all__ = [
    "KIND_TITLES",
    "AwardCtx",
    "ClusterCtx",
    "DocContext",
    "DueCtx",
    "ItemCtx",
    "LetterCtx",
    "PeriodCtx",
    "build_context",
    "context_dict",
    "find_task",
    "letter",
    "plural",
    "with_task",
]

KIND_TITLES: dict[str, str] = {
    "roadmap": "Дорожная карта",
    "passport": "Паспорт проекта",
    "report": "Отчёт о работе кластера",
    "note": "Аналитическая справка",
    "announcement": "Анонс мероприятия",
    "press-release": "Пресс-релиз",
    "agenda": "Повестка совещания",
}

_STATUS_LABELS = {
    "planned": "запланировано",
    "in_progress": "выполняется",
    "done": "выполнено",
    "cancelled": "отменено",
}
_DUE_KIND_LABELS = {
    "date": "дата",
    "range": "период",
    "before": "срок до",
    "ongoing": "постоянно",
    "unscheduled": "по отдельному графику",
    "recurring": "регулярно",
}
_RECURRENCE_LABELS = {
    "weekly": "еженедельно",
    "monthly": "ежемесячно",
    "quarterly": "ежеквартально",
    "twice_yearly": "два раза в год",
    "yearly": "ежегодно",
}
_ORG_KIND_LABELS = {
    "school": "школа",
    "kindergarten": "детский сад",
    "centre": "центр",
    "authority": "орган управления",
    "university": "вуз",
    "college": "колледж",
    "institute": "институт",
    "company": "организация",
    "other": "другое",
}
_PROJECT_KIND_LABELS = {"project": "проект", "programme": "программа", "roadmap": "дорожная карта"}
_NUMBERED = re.compile(r"\d+(?:\.\d+)*")
_SPACES = re.compile(r"[ \t\u00a0]+")


# ============================================================================ value types


@dataclass(slots=True)
class PeriodCtx:
    """An inclusive interval of days with its renderings."""

    start: datetime.date
    end: datetime.date
    text: str
    """As written in the plan (the long rendering when the plan says the same thing)."""
    short: str
    """10.10.2022–14.10.2022"""
    long: str
    """январь–февраль 2014 г."""
    days: int


@dataclass(slots=True)
class DueCtx:
    """A deadline phrase as written plus what clusterctl understood."""

    text: str
    """As written (runs of spaces and line breaks folded): «До 26.09.2022»."""
    kind: str | None
    """date, range, before, ongoing, unscheduled, recurring; None when not understood."""
    kind_label: str
    start: datetime.date | None
    end: datetime.date | None
    due: datetime.date | None
    """The last day before the item is overdue (None for ongoing, unscheduled, recurring)."""
    short: str
    """The computed interval: «до 26.09.2022», «10.10.2022–14.10.2022» ("" when none)."""
    long: str
    """The computed interval in words: «до 26 сентября 2022 г.», «январь–февраль 2014 г.»."""
    recurrence: str | None
    error: str | None
    """Why the phrase was not understood (None when it was)."""


@dataclass(slots=True)
class PersonCtx:
    """A responsible, curator or lead: a person, a role, or a name the registry lacks."""

    name: str
    """The registry's spelling («Моргунова И.Е.» for «Моргунова И. Е.»); as written if unknown."""
    written: str
    """As written at this place in the plan."""
    kind: str
    """person, role or unknown."""
    id: str | None = None
    full_name: str | None = None
    position: str | None = None
    organisation: str | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(slots=True)
class OrgCtx:
    id: str | None
    name: str
    """Full name, or the reference as written when the plan has no such organisation."""
    short_name: str | None
    label: str
    """short_name when there is one, else name."""
    kind: str | None
    kind_label: str
    number: int | None
    partner: str | None
    address: str | None
    known: bool


@dataclass(slots=True)
class ObjectiveCtx:
    id: str
    title: str


@dataclass(slots=True)
class RescheduleCtx:
    previous: str | None
    to: str
    reason: str
    on: datetime.date | None


@dataclass(slots=True)
class AwardCtx:
    who: str
    """Resolved name of the person or organisation (as written when unknown)."""
    kind: str | None
    reason: str | None
    place: str | None
    source: str
    """Where the nomination is recorded: «план» or the event's title."""


@dataclass(slots=True)
class EventCtx:
    """The announcement data of a task (`event:`), with the date understood."""

    title: str | None
    goal: str | None
    summary: str | None
    audience: str | None
    date_text: str | None
    start: datetime.date | None
    end: datetime.date | None
    date_long: str
    time: str | None
    place: str | None
    expected_participants: int | None
    registration_url: str | None
    level: str | None


@dataclass(slots=True)
class OutcomeCtx:
    held_on: datetime.date | None
    participants_count: int | None
    organisations: list[OrgCtx]
    summary: str | None
    feedback: str | None
    photos: list[str]
    hashtags: list[str]
    links: list[str]
    winners: int | None
    awards: list[AwardCtx]


@dataclass(slots=True)
class ItemCtx:
    """One row of the plan: a task (level 0) or a step of a task (level 1)."""

    ref: str
    """The id users type: «8», «8.2» (a step without its own id is numbered after its task)."""
    key: str
    """Unique in the plan: «II/1.3» (stage/ref), or the ref when the plan has no stages."""
    path: str
    """Where the row is in the file: «stages[1].tasks[0].steps[2]»."""
    id: str | None
    """The id as written (None for an unnumbered step)."""
    number: str
    """As a table shows it: «1.», «1.1.», «Задача №2», «8.2»."""
    numbered: bool
    """False when `number` was made up by clusterctl (a step without an id)."""
    level: int
    is_step: bool
    unit: bool
    """Counted as a unit of work by the queries (`queries.is_unit`): a task without steps, a
    step with its own deadline, a task with its own deadline."""
    title: str | None
    """Own title only (a step often has none)."""
    heading: str
    """What the table's «Мероприятие» cell shows: the title, else «the objective's title»."""
    label: str
    """Something to call the row by: title, else result, else description."""
    description: str | None
    result: str | None
    due: DueCtx | None
    responsible: list[PersonCtx]
    """The row's responsibles; a step without its own takes its task's."""
    responsible_inherited: bool
    """True for a step that has no responsible of its own (the table leaves its cell empty)."""
    participants: list[OrgCtx]
    status: str
    """planned, in_progress, done, cancelled (a closed task closes its open steps)."""
    status_label: str
    overdue: bool
    overdue_days: int
    rescheduled: bool
    ongoing: bool
    """The deadline is ongoing or recurring (a band on the timeline)."""
    mark: str
    """✓ done, ✗ cancelled, ↻ rescheduled, ! overdue ("↻!" both; "" none)."""
    note: str
    """The mark in words: «просрочено на 20 дн.», «отменено: причина», …"""
    done_on: datetime.date | None
    cancelled_on: datetime.date | None
    cancel_reason: str | None
    reschedules: list[RescheduleCtx]
    comment: str | None
    objective: ObjectiveCtx | None
    cluster_id: str | None
    stage_id: str | None
    stage_title: str | None
    steps: list[ItemCtx]
    is_group: bool
    """A task whose steps carry everything: no due, result or responsible of its own."""
    event: EventCtx | None
    outcome: OutcomeCtx | None
    start: datetime.date | None
    """The row's interval on the timeline (for a task with steps: the span of its steps)."""
    end: datetime.date | None


@dataclass(slots=True)
class StageCtx:
    id: str | None
    title: str | None
    heading: str
    """«Этап II. Основной», or the title alone when it already names the stage."""
    implicit: bool
    """True for the tasks written outside stages (a roadmap in one stage)."""
    period: PeriodCtx | None
    goal: str | None
    objectives: list[ObjectiveCtx]
    description: str | None
    tasks: list[ItemCtx]
    state: str
    """past, current, future or unknown (no period), counted from today."""
    state_label: str


@dataclass(slots=True)
class ColumnsCtx:
    """Which optional columns a plan table needs (anything in the plan fills them)."""

    description: bool
    due: bool
    result: bool
    responsible: bool
    mark: bool


@dataclass(slots=True)
class ProductCtx:
    title: str
    description: str | None
    kinds: list[str]
    levels: list[str]


@dataclass(slots=True)
class ResourcesCtx:
    staff: str | None
    information: str | None
    education: str | None
    organisation: str | None
    material: str | None
    other: str | None
    items: list[tuple[str, str]]
    """(label, text) for the kinds that are filled in, in the passport's order."""


@dataclass(slots=True)
class ProjectCtx:
    id: str
    title: str
    kind: str
    kind_label: str
    region: str | None
    organisation: str | None
    period: PeriodCtx | None
    duration: str | None
    """As written («3 года»), else computed from the period («12 месяцев»); None if unknown."""
    duration_computed: bool
    strategic_goal: str | None
    goals: list[str]
    objectives: list[ObjectiveCtx]
    participants: list[OrgCtx]
    leads: list[PersonCtx]
    curators: list[PersonCtx]
    products: list[ProductCtx]
    resources: ResourcesCtx | None
    description: str | None
    principles: list[str]
    management: str | None
    monitoring: str | None
    state: str
    """before, running, finished or unknown: where today falls in the project."""
    state_text: str
    """The stage now running, in words: «I этап — подготовительный (сентябрь–декабрь 2014 г.)»."""
    file: str


@dataclass(slots=True)
class ClusterCtx:
    id: str
    title: str
    goal: str | None
    objectives: list[str]
    curators: list[PersonCtx]
    leads: list[PersonCtx]
    base_site: OrgCtx | None
    coordinators: list[OrgCtx]
    members: list[OrgCtx]
    members_text: str
    """Member schools as the plan lists them: «7, 200, 203»."""
    partners: list[OrgCtx]
    hashtags: list[str]
    products: list[ProductCtx]
    tasks: list[ItemCtx]


@dataclass(slots=True)
class ResponsibleSummary:
    """One responsible's load (`queries.who`) with their overdue rows."""

    person: PersonLoad
    overdue_items: list[OverdueItem]


@dataclass(slots=True)
class HeldEventCtx:
    item: ItemCtx
    title: str
    held_on: datetime.date | None
    participants_count: int | None
    organisations: list[OrgCtx]
    feedback: str | None
    winners: int | None
    links: list[str]


@dataclass(slots=True)
class ReportSection:
    """One direction of the cluster report (a cluster, or the whole project)."""

    title: str
    cluster: ClusterCtx | None
    goal: str | None
    goals: list[str]
    objectives: list[str]
    events: list[HeldEventCtx]
    participants_total: int
    schools: list[OrgCtx]
    """Distinct schools whose pupils or staff took part in the events held."""
    district_schools: int | None
    share: float | None
    """len(schools) / district_schools (None when the district's total is not in rules)."""
    share_text: str
    feedback: list[tuple[str, str]]
    """(event title, feedback)."""
    results: list[ItemCtx]
    """Rows done in the period: what was developed."""
    cancelled: list[ItemCtx]
    rescheduled: list[ItemCtx]
    overdue: list[OverdueItem]
    prospects: list[ItemCtx]
    """Rows planned in the half-year after the period."""
    awards: list[AwardCtx]
    """Nominations from the events held (and, in a plan without clusters, the plan's own)."""


@dataclass(slots=True)
class ReportCtx:
    period: PeriodCtx
    next_period: PeriodCtx
    sections: list[ReportSection]
    overdue: list[OverdueItem]
    other_awards: list[AwardCtx]
    """The plan's own `awards:` when the plan has clusters (shown after the sections; in a
    plan without clusters they are in its one section's `awards`)."""


@dataclass(slots=True)
class AgendaMonth:
    label: str
    """«ноябрь 2022 г.»"""
    entries: list[AgendaEntry]


@dataclass(slots=True)
class AgendaCtx:
    """One meeting's agenda (`reminders.meeting_agenda`) arranged for a document."""

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


@dataclass(slots=True)
class MonthTick:
    start: datetime.date
    label: str
    """Short month name: «янв.», «февр.», …"""
    year: int


@dataclass(slots=True)
class TimelineRow:
    kind: str
    """stage, task or step."""
    ref: str
    label: str
    start: datetime.date | None
    end: datetime.date | None
    shape: str
    """bar (a range), milestone (a date or a «до …» deadline), band (ongoing), group (a task
    spanning its steps), none."""
    state: str
    """planned, in_progress, done, cancelled, overdue, ongoing, stage."""
    due_text: str
    stage_key: str


@dataclass(slots=True)
class TimelineCtx:
    start: datetime.date | None
    """First day of the first month shown (None when nothing in the plan is dated)."""
    end: datetime.date | None
    today: datetime.date
    months: list[MonthTick]
    rows: list[TimelineRow]


@dataclass(slots=True)
class LetterField:
    key: str
    label: str
    """Russian label: «место проведения»."""
    label_en: str
    source: str
    """Where the value lives in the plan: «event.place»."""
    value: Any
    """str, int, list of str, or None when missing."""
    text: str
    """The value as text ("" when missing)."""
    missing: bool
    marker: str
    """«[не указано: место проведения]»"""


@dataclass(slots=True)
class SendDate:
    days: int
    on: datetime.date


@dataclass(slots=True)
class LetterCtx:
    kind: str
    """announcement or press-release."""
    task: ItemCtx
    cluster: ClusterCtx | None
    fields: list[LetterField]
    field: dict[str, LetterField]
    missing: list[LetterField]
    event_start: datetime.date | None
    event_end: datetime.date | None
    send: list[SendDate]
    """When to send: 14, 4, 1 days before (announcement) or 1–2 days after (press release)."""
    recipients: list[PersonCtx]
    """Who the letter goes to: the cluster's curators."""


@dataclass(slots=True)
class DocMeta:
    kind: str | None
    title: str
    format: str
    template: str


@dataclass(slots=True)
class DocContext:
    doc: DocMeta
    today: datetime.date
    lang: str
    project: ProjectCtx
    stages: list[StageCtx]
    items: list[ItemCtx]
    current_stage: StageCtx | None
    columns: ColumnsCtx
    clusters: list[ClusterCtx]
    organisations: list[OrgCtx]
    people: list[PersonCtx]
    roles: list[PersonCtx]
    rules: dict[str, Any]
    status: ProjectStatus
    figures: Progress
    overdue: list[OverdueItem]
    upcoming: Upcoming
    who: Who
    by_responsible: list[ResponsibleSummary]
    awards: list[AwardCtx]
    period: PeriodCtx
    report: ReportCtx
    agendas: list[AgendaCtx]
    timeline: TimelineCtx
    task: ItemCtx | None
    announcement: LetterCtx | None
    press_release: LetterCtx | None
    unread: list[ItemCtx] = field(default_factory=list)
    """Tasks and steps whose deadline the grammar did not understand: left out of every
    dated figure (overdue, upcoming, the report's periods), and said so in the documents."""


def context_dict(ctx: DocContext) -> dict[str, Any]:
    """The top-level template variables (the fields of `DocContext`, not copied deeper)."""
    return {f.name: getattr(ctx, f.name) for f in fields(ctx)}


def field_names(type_name: str) -> list[str]:
    """The fields of the context dataclass called `type_name` (for "did you mean")."""
    cls = globals().get(type_name)
    if isinstance(cls, type) and is_dataclass(cls):
        return [f.name for f in fields(cls)]
    return []


# ============================================================================ helpers


def _fold(text: str | None) -> str | None:
    """Runs of spaces folded, line breaks kept (lists in results stay lists)."""
    if text is None:
        return None
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line) or None


_DASHES = str.maketrans({"–": "-", "—": "-", "−": "-", " ": None})


def period_ctx(start: datetime.date, end: datetime.date, text: str | None = None) -> PeriodCtx:
    long = datefmt.span_long(start, end)
    shown = one_line(text) if text else long
    if shown.casefold().translate(_DASHES) == long.casefold().translate(_DASHES):
        shown = long  # «сентябрь-декабрь 2024 г.» says nothing «сентябрь–декабрь 2024 г.» does not
    return PeriodCtx(
        start=start,
        end=end,
        text=shown,
        short=datefmt.span(start, end),
        long=long,
        days=(end - start).days + 1,
    )


def _due_ctx(phrase: str, deadline: Deadline | None, error: DeadlineError | None) -> DueCtx:
    text = one_line(phrase)
    if deadline is None:
        return DueCtx(text, None, "", None, None, None, "", "",
                      None, error.message_ru if error is not None else None)
    kind = deadline.kind.value
    if deadline.kind is DeadlineKind.BEFORE:
        short = datefmt.span(None, deadline.end)
        long = datefmt.span_long(None, deadline.end)
    else:
        short = datefmt.span(deadline.start, deadline.end)
        long = datefmt.span_long(deadline.start, deadline.end)
    return DueCtx(
        text=text,
        kind=kind,
        kind_label=_RECURRENCE_LABELS.get(deadline.recurrence or "", _DUE_KIND_LABELS[kind]),
        start=deadline.start,
        end=deadline.end,
        due=deadline.due,
        short=short,
        long=long,
        recurrence=deadline.recurrence,
        error=None,
    )


def half_year(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The calendar half-year that contains `day` (the report's default period)."""
    if day.month <= 6:
        return datetime.date(day.year, 1, 1), datetime.date(day.year, 6, 30)
    return datetime.date(day.year, 7, 1), datetime.date(day.year, 12, 31)


def plural(n: int, one: str, few: str, many: str) -> str:
    """The Russian plural form for n: plural(3, "день", "дня", "дней") -> "дня"."""
    n100, n10 = abs(n) % 100, abs(n) % 10
    if n10 == 1 and n100 != 11:
        return one
    if 2 <= n10 <= 4 and not 12 <= n100 <= 14:
        return few
    return many


def _duration_text(period: Period) -> str:
    """«1 год», «3 года», «33 месяца», «45 дней»: whole months when the period is made of them."""
    end_plus = period.end + datetime.timedelta(days=1)
    months = (end_plus.year - period.start.year) * 12 + end_plus.month - period.start.month
    if months > 0 and add_months(period.start, months) == end_plus:
        if months % 12 == 0:
            years = months // 12
            return f"{years} {plural(years, 'год', 'года', 'лет')}"
        return f"{months} {plural(months, 'месяц', 'месяца', 'месяцев')}"
    days = (period.end - period.start).days + 1
    return f"{days} {plural(days, 'день', 'дня', 'дней')}"


# ============================================================================ the builder


class _Builder:
    def __init__(
        self, index: PlanIndex, file: str, today: datetime.date, late: list[OverdueItem]
    ) -> None:
        self.index = index
        self.late = {o.path: o.days_overdue for o in late}
        self.plan: Plan = index.plan
        self.file = file
        self.today = today
        self._orgs: dict[int, OrgCtx] = {}

    # ------------------------------------------------------------------ registries

    def person(self, ref: str) -> PersonCtx:
        found = self.index.person(ref)
        if found is not None:
            org = self.index.organisation(found.organisation) if found.organisation else None
            return PersonCtx(
                name=found.name, written=ref, kind="person", id=found.id,
                full_name=found.full_name, position=found.position,
                organisation=(org.name if org is not None else found.organisation),
                email=found.email, phone=found.phone,
            )
        role = self.index.role(ref)
        if role is not None:
            return PersonCtx(name=role.name, written=ref, kind="role", id=role.id,
                             position=role.description)
        return PersonCtx(name=one_line(ref), written=ref, kind="unknown")

    def people(self, refs: Iterable[str]) -> list[PersonCtx]:
        return [self.person(ref) for ref in refs]

    def org_of(self, org: Organisation) -> OrgCtx:
        cached = self._orgs.get(id(org))
        if cached is None:
            cached = OrgCtx(
                id=org.id, name=org.name, short_name=org.short_name,
                label=org.short_name or org.name, kind=org.kind.value,
                kind_label=_ORG_KIND_LABELS[org.kind.value], number=org.number,
                partner=org.partner.value if org.partner is not None else None,
                address=org.address, known=True,
            )
            self._orgs[id(org)] = cached
        return cached

    def org(self, ref: str) -> OrgCtx:
        found = self.index.organisation(ref)
        if found is not None:
            return self.org_of(found)
        shown = one_line(ref)
        label = f"ОУ № {shown}" if shown.isdigit() else shown
        return OrgCtx(None, label, None, label, None, "", int(shown) if shown.isdigit() else None,
                      None, None, False)

    def orgs(self, refs: Iterable[str]) -> list[OrgCtx]:
        return [self.org(ref) for ref in refs]

    def award(self, award: Award, source: str) -> AwardCtx:
        who = award.who
        person = self.index.person(who)
        org = self.index.organisation(who)
        name = person.name if person is not None else org.name if org is not None else who
        return AwardCtx(one_line(name), award.kind, award.reason, award.place, source)

    def objective(self, ref: str | None) -> ObjectiveCtx | None:
        if ref is None:
            return None
        key = normalise_name(ref)
        for objective in self.plan.project.objectives:
            if normalise_name(objective.id) == key:
                return ObjectiveCtx(objective.id, one_line(objective.title))
        return ObjectiveCtx(ref, "")

    # ------------------------------------------------------------------ rows

    def item(self, item: Item, steps: list[ItemCtx]) -> ItemCtx:
        work = item.work
        state = item_status(item, self.today)
        due = _due_ctx(work.due, item.deadline, item.deadline_error) if work.due else None
        deadline = item.deadline
        overdue_days = self.late.get(path_text(item.path), 0)
        rescheduled = reschedule_count(work, self.today) > 0
        ongoing = deadline is not None and deadline.kind in (
            DeadlineKind.ONGOING, DeadlineKind.RECURRING
        )
        mark, note = self._mark(item, state, overdue_days, rescheduled)
        stage = item.stage
        stage_id = stage.id if stage is not None else None
        number, numbered = self._number(item)
        task = item.task
        own_responsible = bool(work.responsible)
        responsible = self.people(item.responsible)
        event = self.event(item) if item.step is None else None
        outcome = self.outcome(item) if item.step is None else None
        start, end = self._span(deadline, steps)
        is_group = bool(steps) and not (work.due or work.result or own_responsible)
        return ItemCtx(
            ref=item.ref,
            key=f"{stage_id}/{item.ref}" if stage_id is not None else item.ref,
            path=path_text(item.path),
            id=work.id,
            number=number,
            numbered=numbered,
            level=1 if item.is_step else 0,
            is_step=item.is_step,
            unit=is_unit(item),
            title=_fold(work.title),
            heading=self._heading(work.title, item),
            label=one_line(item.title) or item.ref,
            description=_fold(work.description),
            result=_fold(work.result),
            due=due,
            responsible=responsible,
            responsible_inherited=item.is_step and not own_responsible,
            participants=self.orgs(work.participants),
            status=state.value,
            status_label=_STATUS_LABELS[state.value],
            overdue=overdue_days > 0,
            overdue_days=overdue_days,
            rescheduled=rescheduled,
            ongoing=ongoing,
            mark=mark,
            note=note,
            done_on=work.done_on,
            cancelled_on=work.cancelled_on,
            cancel_reason=_fold(work.cancel_reason),
            reschedules=[
                RescheduleCtx(r.from_, r.to, one_line(r.reason), r.on) for r in work.reschedules
            ],
            comment=_fold(work.comment),
            objective=self.objective(task.objective),
            cluster_id=self._cluster_id(task.cluster),
            stage_id=stage_id,
            stage_title=stage.title if stage is not None else None,
            steps=steps,
            is_group=is_group,
            event=event,
            outcome=outcome,
            start=start,
            end=end,
        )

    def _heading(self, title: str | None, item: Item) -> str:
        if title:
            return _fold(title) or ""
        if item.step is None:
            objective = self.objective(item.task.objective)
            if objective is not None and objective.title:
                return f"«{objective.title}»"
        return ""

    @staticmethod
    def _number(item: Item) -> tuple[str, bool]:
        own = item.work.id
        if own is None and item.step is not None:
            return item.ref, False
        shown = own if own is not None else item.ref
        if _NUMBERED.fullmatch(shown):
            return shown + ".", True
        return shown, own is not None

    def _mark(
        self, item: Item, status: Status, overdue_days: int, rescheduled: bool
    ) -> tuple[str, str]:
        work = item.work
        if status is Status.done:
            when = work.done_on or (
                self.outcome_day(item) if item.step is None else None
            )
            return "✓", "выполнено" + (f" {datefmt.day(when)}" if when else "")
        if status is Status.cancelled:
            reason = one_line(work.cancel_reason or item.task.cancel_reason or "")
            return "✗", "отменено" + (f": {reason}" if reason else "")
        mark, notes = "", []
        if rescheduled:
            last = work.reschedules[-1]
            mark += "↻"
            previous = f"«{one_line(last.from_)}» → " if last.from_ else ""
            notes.append(f"срок перенесён: {previous}«{one_line(last.to)}» "
                         f"({one_line(last.reason)})")
        if overdue_days:
            mark += "!"
            notes.append(f"просрочено на {overdue_days} "
                         f"{plural(overdue_days, 'день', 'дня', 'дней')}")
        elif status is Status.in_progress:
            notes.append("выполняется")
        return mark, "; ".join(notes)

    @staticmethod
    def _span(
        deadline: Deadline | None, steps: list[ItemCtx]
    ) -> tuple[datetime.date | None, datetime.date | None]:
        if deadline is not None and deadline.kind is not DeadlineKind.UNSCHEDULED:
            end = deadline.end
            start = end if deadline.kind is DeadlineKind.BEFORE else deadline.start
            return start, end
        starts = [s.start for s in steps if s.start is not None]
        ends = [s.end for s in steps if s.end is not None]
        return (min(starts) if starts else None, max(ends) if ends else None)

    def outcome_day(self, item: Item) -> datetime.date | None:
        outcome = item.task.outcome
        return outcome.held_on if outcome is not None else None

    def event(self, item: Item) -> EventCtx | None:
        event = item.task.event
        if event is None:
            return None
        start = end = None
        parsed = event_deadline(item)
        if parsed is not None and parsed.kind in (DeadlineKind.DATE, DeadlineKind.RANGE):
            start, end = parsed.start, parsed.end
        return EventCtx(
            title=_fold(event.title), goal=_fold(event.goal), summary=_fold(event.summary),
            audience=_fold(event.audience), date_text=event.date, start=start, end=end,
            date_long=datefmt.span_long(start, end) if start is not None else "",
            time=event.time, place=_fold(event.place),
            expected_participants=event.expected_participants,
            registration_url=event.registration_url, level=event.level,
        )

    def outcome(self, item: Item) -> OutcomeCtx | None:
        outcome = item.task.outcome
        if outcome is None:
            return None
        title = one_line(item.task.title or item.ref)
        return OutcomeCtx(
            held_on=outcome.held_on, participants_count=outcome.participants_count,
            organisations=self.orgs(outcome.organisations), summary=_fold(outcome.summary),
            feedback=_fold(outcome.feedback), photos=list(outcome.photos),
            hashtags=list(outcome.hashtags), links=list(outcome.links),
            winners=outcome.winners,
            awards=[self.award(a, title) for a in outcome.awards],
        )

    # ------------------------------------------------------------------ stages

    def stage_state(self, period: Period | None) -> tuple[str, str]:
        if period is None:
            return "unknown", "сроки не указаны"
        if self.today < period.start:
            return "future", "не начат"
        if self.today > period.end:
            return "past", "завершён"
        return "current", "идёт"

    @staticmethod
    def heading(stage: Stage) -> str:
        title = one_line(stage.title)
        if "этап" in title.casefold():
            return title
        return f"Этап {stage.id}. {title[:1].upper()}{title[1:]}"

    def build_stages(self) -> tuple[list[StageCtx], list[ItemCtx]]:
        by_task: dict[int, list[Item]] = {}
        for item in self.index.items:
            by_task.setdefault(id(item.task), []).append(item)
        flat: list[ItemCtx] = []

        def tasks_of(tasks: Iterable[Any]) -> list[ItemCtx]:
            out: list[ItemCtx] = []
            for task in tasks:
                rows = by_task[id(task)]
                steps = [self.item(row, []) for row in rows[1:]]
                head = self.item(rows[0], steps)
                out.append(head)
                flat.append(head)
                flat.extend(steps)
            return out

        stages: list[StageCtx] = []
        for si, stage in enumerate(self.plan.stages):
            period = self.index.stage_periods.get(si)
            state, label = self.stage_state(period)
            stages.append(StageCtx(
                id=stage.id, title=one_line(stage.title), heading=self.heading(stage),
                implicit=False,
                period=period_ctx(period.start, period.end, stage.period) if period else None,
                goal=_fold(stage.goal),
                objectives=[o for o in map(self.objective, stage.objectives) if o is not None],
                description=_fold(stage.description), tasks=tasks_of(stage.tasks),
                state=state, state_label=label,
            ))
        if self.plan.tasks or not self.plan.stages:
            period = self.index.project_period
            state, label = self.stage_state(period)
            stages.append(StageCtx(
                id=None, title=None,
                heading="Мероприятия" if self.plan.stages else "",
                implicit=True,
                period=period_ctx(period.start, period.end, self.plan.project.period)
                if period else None,
                goal=None, objectives=[], description=None, tasks=tasks_of(self.plan.tasks),
                state=state, state_label=label,
            ))
        return stages, flat

    # ------------------------------------------------------------------ project

    def project(
        self, stages: list[StageCtx], current_id: str | None
    ) -> tuple[ProjectCtx, StageCtx | None]:
        passport = self.plan.project
        period = self.index.project_period
        if period is None:
            dated = [s.period for s in stages if s.period is not None]
            if dated:
                period = Period(min(p.start for p in dated), max(p.end for p in dated))
        duration, computed = passport.duration, False
        if not duration and period is not None:
            duration, computed = _duration_text(period), True
        real = [s for s in stages if not s.implicit]
        current = next((s for s in real if s.id == current_id), None)
        state, state_text = self._project_state(real, current, period)
        resources = None
        if passport.resources is not None:
            r = passport.resources
            labelled = [
                ("Кадровые", r.staff), ("Информационные", r.information),
                ("Образовательные", r.education), ("Организационные", r.organisation),
                ("Материально-технические", r.material), ("Другие", r.other),
            ]
            resources = ResourcesCtx(
                staff=_fold(r.staff), information=_fold(r.information),
                education=_fold(r.education), organisation=_fold(r.organisation),
                material=_fold(r.material), other=_fold(r.other),
                items=[(label, _fold(value) or "") for label, value in labelled if value],
            )
        ctx = ProjectCtx(
            id=passport.id,
            title=one_line(passport.title),
            kind=passport.kind.value,
            kind_label=_PROJECT_KIND_LABELS[passport.kind.value],
            region=passport.region,
            organisation=passport.organisation,
            period=period_ctx(period.start, period.end, passport.period) if period else None,
            duration=duration,
            duration_computed=computed,
            strategic_goal=_fold(passport.strategic_goal),
            goals=[one_line(g) for g in passport.goals],
            objectives=[ObjectiveCtx(o.id, one_line(o.title)) for o in passport.objectives],
            participants=self.orgs(passport.participants),
            leads=self.people(passport.leads),
            curators=self.people(passport.curators),
            products=[self.product(p) for p in passport.products],
            resources=resources,
            description=_fold(passport.description),
            principles=[_fold(p) or "" for p in passport.principles],
            management=_fold(passport.management),
            monitoring=_fold(passport.monitoring),
            state=state,
            state_text=state_text,
            file=self.file,
        )
        return ctx, current

    @staticmethod
    def product(p: Any) -> ProductCtx:
        return ProductCtx(one_line(p.title), _fold(p.description), list(p.kinds), list(p.levels))

    def _project_state(
        self, stages: list[StageCtx], current: StageCtx | None, period: Period | None
    ) -> tuple[str, str]:
        if current is not None:
            when = f" ({current.period.long})" if current.period else ""
            title = current.title or ""
            if "этап" in title.casefold():
                return "running", f"{title}{when}"
            return "running", f"{current.id} этап — {title}{when}"
        dated = [s for s in stages if s.period is not None]
        if period is None and not dated:
            return "unknown", "не определена: в плане не указаны сроки этапов и проекта"
        if period is not None and self.today < period.start:
            first = dated[0] if dated else None
            tail = f": этап {first.id} начнётся {datefmt.day(first.period.start)}" if (
                first is not None and first.period is not None) else (
                f": начало {datefmt.day(period.start)}")
            return "before", "реализация ещё не началась" + tail
        if period is not None and self.today > period.end:
            return "finished", f"реализация завершена {datefmt.day(period.end)}"
        if dated:
            upcoming = [s for s in dated if s.period is not None and s.period.start > self.today]
            if upcoming and upcoming[0].period is not None:
                return "running", (f"между этапами: этап {upcoming[0].id} начнётся "
                                   f"{datefmt.day(upcoming[0].period.start)}")
        if period is not None:
            return "running", f"идёт реализация ({period_ctx(period.start, period.end).long})"
        return "unknown", "не определена"

    # ------------------------------------------------------------------ clusters

    def cluster(self, cluster: Cluster, items: list[ItemCtx]) -> ClusterCtx:
        base = self.org(cluster.base_site) if cluster.base_site else None
        return ClusterCtx(
            id=cluster.id,
            title=one_line(cluster.title),
            goal=_fold(cluster.goal),
            objectives=[one_line(o) for o in cluster.objectives],
            curators=self.people(cluster.curators),
            leads=self.people(cluster.leads),
            base_site=base,
            coordinators=self.orgs(cluster.coordinators),
            members=self.orgs(cluster.members),
            members_text=", ".join(cluster.members),
            partners=self.orgs(cluster.partners),
            hashtags=list(cluster.hashtags),
            products=[self.product(p) for p in cluster.products],
            tasks=[i for i in items if not i.is_step and i.cluster_id == cluster.id],
        )

    def _cluster_id(self, ref: str | None) -> str | None:
        """The registry id of a cluster reference (as written when the plan lacks it)."""
        if ref is None:
            return None
        found = self.index.cluster(ref)
        return found.id if found is not None else ref


# ============================================================================ derived lists


def _rows_of(tasks: list[ItemCtx], units: list[ItemCtx]) -> list[ItemCtx]:
    """The units of `tasks` (the tasks themselves or their steps), in plan order."""
    mine = {id(row) for task in tasks for row in (task, *task.steps)}
    return [i for i in units if id(i) in mine]


def _is_open(item: ItemCtx) -> bool:
    return item.status in ("planned", "in_progress")


def _item_day(item: ItemCtx) -> datetime.date | None:
    """The day a row happened or is due: held/done date, else its deadline's key day."""
    if item.outcome is not None and item.outcome.held_on is not None:
        return item.outcome.held_on
    if item.done_on is not None:
        return item.done_on
    if item.event is not None and item.event.start is not None:
        return item.event.start
    if item.due is not None and item.due.kind in ("date", "range"):
        return item.due.start
    return item.due.end if item.due is not None else None


def _of_cluster(owner: str | None, cluster: ClusterCtx | None, has_clusters: bool) -> bool:
    """Does a row of cluster `owner` belong to the report section of `cluster`? (The section
    without a cluster takes every row of a plan without clusters, else the rows of none.)"""
    if cluster is None:
        return not has_clusters or owner is None
    return owner == cluster.id


def _in(day: datetime.date | None, start: datetime.date, end: datetime.date) -> bool:
    return day is not None and start <= day <= end


def _report(
    b: _Builder,
    units: list[ItemCtx],
    tasks: list[ItemCtx],
    clusters: list[ClusterCtx],
    period: PeriodCtx,
    late: list[OverdueItem],
    plan_awards: list[AwardCtx],
    cluster_filter: str | None,
) -> ReportCtx:
    after_start = period.end + datetime.timedelta(days=1)
    after_end = add_months(after_start, 6) - datetime.timedelta(days=1)
    next_period = period_ctx(after_start, after_end)
    district = b.plan.rules.district_schools

    def section(title: str, cluster: ClusterCtx | None, goal: str | None, goals: list[str],
                objectives: list[str], rows: list[ItemCtx], heads: list[ItemCtx]) -> ReportSection:
        held: list[HeldEventCtx] = []
        schools: dict[str, OrgCtx] = {}
        feedback: list[tuple[str, str]] = []
        awards: list[AwardCtx] = []
        total = 0
        for task in heads:
            if task.status == "cancelled" or (task.event is None and task.outcome is None):
                continue
            if task.outcome is None and task.status != "done":
                continue
            day = _item_day(task)
            if not _in(day, period.start, period.end):
                continue
            out = task.outcome
            title_ = (task.event.title if task.event and task.event.title else task.label)
            held.append(HeldEventCtx(
                item=task, title=title_, held_on=day,
                participants_count=out.participants_count if out else None,
                organisations=out.organisations if out else [],
                feedback=out.feedback if out else None,
                winners=out.winners if out else None,
                links=out.links if out else [],
            ))
            if out is not None:
                total += out.participants_count or 0
                for org in out.organisations:
                    if org.kind in ("school", None):
                        schools.setdefault(normalise_name(org.name), org)
                if out.feedback:
                    feedback.append((title_, out.feedback))
                awards.extend(out.awards)
        school_list = sorted(schools.values(), key=lambda o: (o.number or 0, o.name))
        share = len(school_list) / district if district else None
        if share is not None:
            share_text = (f"{len(school_list)} из {district} школ района "
                          f"({round(100 * share)} %)")
        else:
            share_text = (f"{len(school_list)} "
                          f"{plural(len(school_list), 'школа', 'школы', 'школ')}; общее число "
                          f"школ района не указано (rules.district_schools)")
        results = [i for i in rows if i.status == "done" and _in(_item_day(i), period.start,
                                                                  period.end)]
        cancelled = [i for i in rows if i.status == "cancelled"
                     and (i.cancelled_on is None or _in(i.cancelled_on, period.start, period.end))]
        moved = [i for i in rows if i.rescheduled and any(
            r.on is None or _in(r.on, period.start, period.end) for r in i.reschedules)]
        prospects = [i for i in rows if _is_open(i) and _in(_item_day(i), after_start, after_end)]
        return ReportSection(
            title=title, cluster=cluster, goal=goal, goals=goals, objectives=objectives,
            events=held, participants_total=total, schools=school_list, district_schools=district,
            share=share, share_text=share_text, feedback=feedback, results=results,
            cancelled=cancelled, rescheduled=moved,
            overdue=[o for o in late if _of_cluster(o.cluster, cluster, bool(clusters))],
            prospects=prospects,
            awards=awards,
        )

    sections: list[ReportSection] = []
    project = b.plan.project
    goals = [one_line(g) for g in project.goals]
    objectives = [one_line(o.title) for o in project.objectives]
    if clusters:
        chosen = clusters
        if cluster_filter is not None:
            wanted = b._cluster_id(cluster_filter)
            chosen = [c for c in clusters if c.id == wanted]
        for c in chosen:
            rows = _rows_of(c.tasks, units)
            sections.append(section(
                c.title, c, c.goal or _fold(project.strategic_goal),
                [] if c.goal else goals, c.objectives or objectives, rows, c.tasks,
            ))
        loose = [t for t in tasks if t.cluster_id is None]
        if loose and cluster_filter is None:
            rows = _rows_of(loose, units)
            sections.append(section("Общие мероприятия программы", None,
                                    _fold(project.strategic_goal), goals, objectives, rows,
                                    loose))
    else:
        only = section(one_line(project.title), None, _fold(project.strategic_goal), goals,
                       objectives, units, tasks)
        only.awards = [*plan_awards, *only.awards]
        sections.append(only)
    return ReportCtx(period, next_period, sections, late, plan_awards if clusters else [])


def _agendas(
    index: PlanIndex, today: datetime.date, late: list[OverdueItem]
) -> list[AgendaCtx]:
    """The agendas of the next meeting (one per cluster), from `reminders.meeting_agenda`.

    A plan that sets no meetings (no clusters, no `rules:` block) gets the agenda of the next
    quarterly meeting by the default working rules: asking for an agenda means a meeting."""
    regular = has_meetings(index)
    source = index if regular else build_index(
        index.plan.model_copy(update={"rules": index.plan.rules})
    )
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


def _answers(person: PersonLoad, row: OverdueItem) -> bool:
    names = {normalise_name(n) for n in (person.name, *person.spellings)}
    return any(normalise_name(r) in names for r in row.responsible)


def _timeline(
    stages: list[StageCtx], today: datetime.date, project_period: PeriodCtx | None
) -> TimelineCtx:
    rows: list[TimelineRow] = []
    for si, stage in enumerate(stages):
        key = stage.id if stage.id is not None else f"#{si}"
        if not stage.implicit or stage.period is not None:
            period = stage.period
            rows.append(TimelineRow(
                kind="stage", ref=stage.id or "",
                label=stage.heading or (project_period.text if project_period else "План"),
                start=period.start if period else None, end=period.end if period else None,
                shape="band" if period else "none", state="stage",
                due_text=period.text if period else "", stage_key=key,
            ))
        for task in stage.tasks:
            for row in (task, *task.steps):
                rows.append(TimelineRow(
                    kind="step" if row.is_step else "task", ref=row.ref, label=row.label,
                    start=row.start, end=row.end, shape=_shape(row),
                    state=_state(row), due_text=row.due.text if row.due else "",
                    stage_key=key,
                ))
    days = [d for r in rows for d in (r.start, r.end) if d is not None]
    if not days:
        return TimelineCtx(None, None, today, [], rows)
    first, last = min(days), max(days)
    start = first.replace(day=1)
    end = last.replace(day=calendar.monthrange(last.year, last.month)[1])
    months: list[MonthTick] = []
    day = start
    short = _short_months()
    while day <= end:
        months.append(MonthTick(day, short[day.month], day.year))
        day = add_months(day, 1)
    return TimelineCtx(start, end, today, months, rows)


def _short_months() -> dict[int, str]:
    from babel.dates import get_month_names

    names: dict[int, str] = dict(get_month_names("abbreviated", context="stand-alone",
                                                 locale="ru_RU"))
    return names


def _shape(row: ItemCtx) -> str:
    if row.start is None or row.end is None:
        return "none"
    if row.steps and row.due is None:
        return "group"
    if row.ongoing:
        return "band"
    if row.due is not None and row.due.kind in ("date", "before"):
        return "milestone"
    if row.start == row.end:
        return "milestone"
    return "bar"


def _state(row: ItemCtx) -> str:
    if row.status in ("done", "cancelled"):
        return row.status
    if row.overdue:
        return "overdue"
    if row.ongoing:
        return "ongoing"
    return row.status


# ============================================================================ letters


def find_task(ctx: DocContext, ref: str, stage: str | None = None) -> list[ItemCtx]:
    """The tasks (not steps) a user means by `ref` («3», «II/1», «Задача №2»), with `stage`
    narrowing the search. Several results mean the ref is ambiguous; none, unknown."""
    if stage is None and "/" in ref:
        stage, ref = ref.split("/", 1)
    want = normalise_name(ref).rstrip(".")
    want_stage = normalise_name(stage) if stage is not None else None
    found = []
    for item in ctx.items:
        if item.is_step:
            continue
        if normalise_name(item.ref).rstrip(".") != want:
            continue
        if want_stage is not None and normalise_name(item.stage_id or "") != want_stage:
            continue
        found.append(item)
    return found


_ANNOUNCEMENT_FIELDS = (
    ("title", "название мероприятия", "event title", "event.title / title"),
    ("goal", "цель мероприятия", "goal of the event", "event.goal"),
    ("summary", "краткое содержание", "summary", "event.summary"),
    ("participants", "участники", "participants", "event.audience / participants"),
    ("date", "дата проведения", "date", "event.date / due"),
    ("time", "время проведения", "time", "event.time"),
    ("place", "место проведения", "place", "event.place"),
    ("expected_participants", "предполагаемое количество участников",
     "expected number of participants", "event.expected_participants"),
    ("registration_url", "ссылка для предварительной регистрации", "registration link",
     "event.registration_url"),
)
_PRESS_FIELDS = (
    ("title", "название мероприятия", "event title", "event.title / title"),
    ("date", "дата проведения", "date", "outcome.held_on"),
    ("participants_count", "количество участников", "number of participants",
     "outcome.participants_count"),
    ("organisations", "из каких ОУ", "schools taking part", "outcome.organisations"),
    ("summary", "краткое содержание", "summary", "outcome.summary"),
    ("feedback", "отзывы", "feedback", "outcome.feedback"),
    ("photos", "ссылки на фото", "photo links", "outcome.photos"),
    ("hashtags", "хештеги", "hashtags", "outcome.hashtags / clusters[].hashtags"),
)


def _event_days(task: ItemCtx) -> tuple[datetime.date | None, datetime.date | None]:
    if task.event is not None and task.event.start is not None:
        return task.event.start, task.event.end
    if task.due is not None and task.due.kind in ("date", "range"):
        return task.due.start, task.due.end
    return None, None


def _letter_fields(spec: tuple[tuple[str, str, str, str], ...],
                   values: dict[str, Any]) -> list[LetterField]:
    out = []
    for key, label, label_en, source in spec:
        value = values.get(key)
        if isinstance(value, str):
            value = value.strip() or None
        if isinstance(value, list) and not value:
            value = None
        if value is None:
            text = ""
        elif isinstance(value, list):
            text = ", ".join(str(v) for v in value)
        else:
            text = str(value)
        out.append(LetterField(key, label, label_en, source, value, text, value is None,
                               f"[не указано: {label}]"))
    return out


def letter(ctx: DocContext, kind: str, task: ItemCtx) -> LetterCtx:
    """The announcement or press release of `task`: seed 003's fields, missing ones marked."""
    cluster = next((c for c in ctx.clusters if c.id == task.cluster_id), None)
    event, outcome = task.event, task.outcome
    start, end = _event_days(task)
    title = (event.title if event and event.title else None) or task.title
    days_before: list[int] = ctx.rules["announcement_days_before"]
    days_after: list[int] = ctx.rules["press_release_days_after"]
    if kind == "announcement":
        participants: Any = event.audience if event and event.audience else None
        if participants is None and task.participants:
            participants = [o.label for o in task.participants]
        date_text = None
        if start is not None:
            date_text = datefmt.span_long(start, end)
            if start == end:
                date_text += f" ({datefmt.weekday(start)})"
        elif event is not None and event.date_text:
            date_text = event.date_text
        values: dict[str, Any] = {
            "title": title,
            "goal": event.goal if event else None,
            "summary": (event.summary if event else None) or task.description,
            "participants": participants,
            "date": date_text,
            "time": event.time if event else None,
            "place": event.place if event else None,
            "expected_participants": event.expected_participants if event else None,
            "registration_url": event.registration_url if event else None,
        }
        letter_fields = _letter_fields(_ANNOUNCEMENT_FIELDS, values)
        send = [SendDate(d, start - datetime.timedelta(days=d))
                for d in days_before] if start else []
    else:
        held = outcome.held_on if outcome and outcome.held_on else task.done_on or start
        hashtags: list[str] = []
        for tag in (outcome.hashtags if outcome else []) + (cluster.hashtags if cluster else []):
            if tag not in hashtags:
                hashtags.append(tag)
        values = {
            "title": title,
            "date": datefmt.day_long(held) if held else None,
            "participants_count": outcome.participants_count if outcome else None,
            "organisations": [o.label for o in outcome.organisations] if outcome else None,
            "summary": outcome.summary if outcome else None,
            "feedback": outcome.feedback if outcome else None,
            "photos": outcome.photos if outcome else None,
            "hashtags": hashtags,
        }
        letter_fields = _letter_fields(_PRESS_FIELDS, values)
        send = [SendDate(d, held + datetime.timedelta(days=d))
                for d in days_after] if held else []
        start = end = held
    return LetterCtx(
        kind=kind, task=task, cluster=cluster, fields=letter_fields,
        field={f.key: f for f in letter_fields},
        missing=[f for f in letter_fields if f.missing],
        event_start=start, event_end=end, send=send,
        recipients=list(cluster.curators) if cluster else [],
    )


def with_task(ctx: DocContext, task: ItemCtx) -> DocContext:
    """Fill in `task`, `announcement` and `press_release` (the context is changed in place)."""
    ctx.task = task
    ctx.announcement = letter(ctx, "announcement", task)
    ctx.press_release = letter(ctx, "press-release", task)
    return ctx


# ============================================================================ entry point


def build_context(
    index: PlanIndex,
    today: datetime.date,
    *,
    file: str = "",
    kind: str | None = None,
    fmt: str = "md",
    template: str = "",
    lang: str = "ru",
    period: tuple[datetime.date, datetime.date] | None = None,
    cluster: str | None = None,
) -> DocContext:
    """Everything a document template may use, for the plan behind `index` as of `today`.

    `period` is the report's period (default: the calendar half-year of `today`); `cluster`
    narrows the report to one cluster. `task`, `announcement` and `press_release` stay None
    until `with_task` picks a task (found with `find_task`).
    """
    late = overdue([index], today)
    progress = status([index], today).projects[0]
    loads = who([index], today)
    b = _Builder(index, file, today, late)
    stages, items = b.build_stages()
    project, current = b.project(stages, progress.current_stage)
    heads = [i for i in items if not i.is_step]
    units = [i for i in items if i.unit]
    clusters = [b.cluster(c, items) for c in b.plan.clusters]
    plan_awards = [b.award(a, "план") for a in b.plan.awards]
    report_period = period_ctx(*(period or half_year(today)))
    columns = ColumnsCtx(
        description=any(i.description for i in items),
        due=any(i.due for i in items),
        result=any(i.result for i in items),
        responsible=any(i.responsible for i in items),
        mark=any(i.mark for i in items),
    )
    rules = b.plan.rules.model_dump()
    return DocContext(
        doc=DocMeta(kind, KIND_TITLES.get(kind or "", ""), fmt, template),
        today=today,
        lang=lang,
        project=project,
        stages=stages,
        items=items,
        current_stage=current,
        columns=columns,
        clusters=clusters,
        organisations=[b.org_of(o) for o in b.plan.organisations],
        people=[b.person(p.name) for p in b.plan.people],
        roles=[b.person(r.name) for r in b.plan.roles],
        rules=rules,
        status=progress,
        figures=progress.project,
        overdue=late,
        upcoming=upcoming([index], today),
        who=loads,
        by_responsible=[
            ResponsibleSummary(p, [o for o in late if _answers(p, o)]) for p in loads.people
        ],
        awards=plan_awards,
        period=report_period,
        report=_report(b, units, heads, clusters, report_period, late, plan_awards, cluster),
        agendas=_agendas(index, today, late),
        timeline=_timeline(stages, today, project.period),
        task=None,
        announcement=None,
        press_release=None,
        unread=[i for i in items if i.due is not None and i.due.error is not None],
    )
