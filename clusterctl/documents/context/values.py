"""The plain values a document template sees: the plan's rows, stages, people, organisations
and periods as dataclasses (never the pydantic models), with the words of the built-in
templates' language. docs/templates.md documents every field; keep the two in step."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from clusterctl.errors import DeadlineError
from clusterctl.i18n import dates as datefmt
from clusterctl.i18n import t
from clusterctl.model.deadlines import Deadline, DeadlineKind

DOCUMENT_LANG = "ru"
"""The built-in templates are Russian, and so are the words the context gives them."""

_SPACES = re.compile(r"[ \t\u00a0]+")


def one_line(text: str | None) -> str:
    """Text with its line breaks and runs of spaces folded into single spaces."""
    return " ".join((text or "").split())


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
    """The registry's spelling («Моргунова И.Е.» for «Моргунова И. Е.»); as written when
    unknown, an organisation, or written with a position or a qualifier («Куратор Калачева
    Е. А.», «Департамент образования (по согласованию)»)."""
    written: str
    """As written at this place in the plan."""
    kind: str
    """person, role, organisation or unknown."""
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
class OccurrenceCtx:
    """One occurrence of a recurring deadline («Ежеквартально»: each quarter's)."""

    start: datetime.date
    due: datetime.date
    """Its deadline (the day recorded in `done_occurrences` when done)."""
    done: bool
    overdue: bool
    """Past its day and not done (as of the document's date)."""


@dataclass(slots=True)
class ItemCtx:
    """One row of the plan: a task (level 0) or a step of a task (level 1)."""

    ref: str
    """The id users type: «8», «8.2» (a step without its own id is addressed by its task's id
    and its place: `clusterctl done plan.yaml 8.2`)."""
    key: str
    """Unique in the plan: «II/1.3» (stage/ref), or the ref when the plan has no stages."""
    path: str
    """Where the row is in the file: «stages[1].tasks[0].steps[2]»."""
    id: str | None
    """The id as written (None for an unnumbered step)."""
    number: str
    """As a table shows it: «1.», «1.1.», «Задача №2»; "" for a step without an id (the
    built-in templates show a bullet: no number is made up)."""
    numbered: bool
    """False for a step without an id."""
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
    planned_start: DueCtx | None
    """`start:` (the planned start) as written, with what clusterctl understood of it."""
    extra: dict[str, str]
    """The plan's extra columns (`columns:`): column id -> this row's cell (line breaks
    kept; "" when empty)."""
    occurrences: list[OccurrenceCtx]
    """A recurring deadline's dated occurrences, in order (empty for any other)."""
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
    """The row's interval on the timeline: from its planned start (`start:`), else its
    deadline's first day (for a task with steps: the span of its steps)."""
    end: datetime.date | None


@dataclass(slots=True)
class StageCtx:
    id: str | None
    title: str | None
    kind: str
    """stage, or section (a rubric that groups rows: `kind: section`)."""
    heading: str
    """«Этап II. Основной», or the title alone when it already names the stage; a section
    as the source writes it: «1. Организационное обеспечение»."""
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
class ColumnCtx:
    """An extra column the plan declares (`columns:`)."""

    id: str
    title: str


@dataclass(slots=True)
class ColumnsCtx:
    """Which optional columns a plan table needs (anything in the plan fills them)."""

    description: bool
    start: bool
    """Some row has a planned start (`start:`)."""
    due: bool
    result: bool
    responsible: bool
    mark: bool
    extra: list[ColumnCtx]
    """The plan's extra columns, in the order declared: shown after the standard ones."""


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
class ApprovalCtx:
    """The approval stamp (`project.approval`): «УТВЕРЖДЕНО приказом … от 01.09.2022 № 123-а»."""

    document: str
    by: str | None
    date: datetime.date
    number: str | None
    text: str
    """The stamp's second line: «приказом министерства … от 01.09.2022 № 123-а»."""


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
    approval: ApprovalCtx | None
    """Who approved the plan, when, under which number (None: the plan does not say)."""
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
class DocMeta:
    kind: str | None
    title: str
    format: str
    template: str


def fold(text: str | None) -> str | None:
    """Runs of spaces folded, line breaks kept (lists in results stay lists)."""
    if text is None:
        return None
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line) or None


_DASHES = str.maketrans({"–": "-", "—": "-", "−": "-", " ": None})


def period_ctx(start: datetime.date, end: datetime.date, text: str | None = None) -> PeriodCtx:
    """A period with its renderings (`text`: the phrase the plan writes for it)."""
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


def due_ctx(phrase: str, deadline: Deadline | None, error: DeadlineError | None) -> DueCtx:
    """A deadline as written, with what clusterctl understood of it."""
    text = one_line(phrase)
    if deadline is None:
        return DueCtx(text, None, "", None, None, None, "", "",
                      None, error.describe(DOCUMENT_LANG) if error is not None else None)
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
        kind_label=t("doc.recurrence." + deadline.recurrence, DOCUMENT_LANG)
        if deadline.recurrence else t("doc.due-kind." + kind, DOCUMENT_LANG),
        start=deadline.start,
        end=deadline.end,
        due=deadline.due,
        short=short,
        long=long,
        recurrence=deadline.recurrence,
        error=None,
    )
