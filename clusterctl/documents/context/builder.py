"""Builds the context values of one plan as of a date (see `values`): its rows with their
status, marks and deadlines, its stages, passport, clusters, people and organisations."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from typing import Any

from clusterctl.documents.context.values import (
    DOCUMENT_LANG,
    ApprovalCtx,
    AwardCtx,
    ClusterCtx,
    EventCtx,
    ItemCtx,
    ObjectiveCtx,
    OccurrenceCtx,
    OrgCtx,
    OutcomeCtx,
    PersonCtx,
    ProductCtx,
    ProjectCtx,
    RescheduleCtx,
    ResourcesCtx,
    StageCtx,
    due_ctx,
    fold,
    one_line,
    period_ctx,
)
from clusterctl.i18n import count, quote, t
from clusterctl.i18n import dates as datefmt
from clusterctl.model.calendar import whole_months
from clusterctl.model.deadlines import Deadline, DeadlineKind, Period
from clusterctl.model.index import Item, PlanIndex
from clusterctl.model.names import normalise_name
from clusterctl.model.plan import Award, Cluster, Organisation, Plan, Stage, StageKind
from clusterctl.model.status import (
    Status,
    reschedule_count,
    start_day,
    step_is_unit,
    step_status,
    task_is_unit,
    task_status,
)
from clusterctl.queries.digest import PlanDigest, Work, path_text
from clusterctl.queries.overdue import OverdueItem

_NUMBERED = re.compile(r"\d+(?:\.\d+)*")


def _duration_text(period: Period) -> str:
    """«1 год», «3 года», «33 месяца», «45 дней»: whole months when the period is made of them."""
    months = whole_months(period.start, period.end)
    if months is not None:
        if months % 12 == 0:
            return count(months // 12, "word.year", DOCUMENT_LANG)
        return count(months, "word.month", DOCUMENT_LANG)
    return count((period.end - period.start).days + 1, "word.day", DOCUMENT_LANG)


class Builder:
    """Makes the context values of one plan as of a date: its rows (each task and step with
    its status, mark and deadline), stages, passport, clusters, people and organisations."""

    def __init__(
        self, index: PlanIndex, digest: PlanDigest, file: str, today: datetime.date,
        late: list[OverdueItem],
    ) -> None:
        self.index = index
        self.digest = digest
        self.late = {o.path: o.days_overdue for o in late}
        """Days overdue by the item's path (a recurring item's: since its first missed
        occurrence)."""
        self.plan: Plan = index.plan
        self.file = file
        self.today = today
        self._orgs: dict[int, OrgCtx] = {}
        self._facts: dict[str, tuple[Work, Work]] = {
            work.path: (task, work) for task in digest.tasks for work in (task, *task.steps)
        }
        """Each row's path -> (its task's facts, its own)."""

    # ------------------------------------------------------------------ registries

    def person(self, ref: str) -> PersonCtx:
        """A responsible as the documents show it: the registry's spelling when written
        plainly, else as written (a position, a qualifier, an organisation)."""
        name = one_line(self.index.responsible_name(ref))
        found = self.index.person(ref)
        if found is not None:
            org = self.index.organisation(found.organisation) if found.organisation else None
            return PersonCtx(
                name=name, written=ref, kind="person", id=found.id,
                full_name=found.full_name, position=found.position,
                organisation=(org.name if org is not None else found.organisation),
                email=found.email, phone=found.phone,
            )
        role = self.index.role(ref)
        if role is not None:
            return PersonCtx(name=name, written=ref, kind="role", id=role.id,
                             position=role.description)
        org = self.index.organisation(ref)
        if org is not None:
            return PersonCtx(name=name, written=ref, kind="organisation", id=org.id,
                             full_name=org.name)
        return PersonCtx(name=name, written=ref, kind="unknown")

    def people(self, refs: Iterable[str]) -> list[PersonCtx]:
        return [self.person(ref) for ref in refs]

    def org_of(self, org: Organisation) -> OrgCtx:
        cached = self._orgs.get(id(org))
        if cached is None:
            cached = OrgCtx(
                id=org.id, name=org.name, short_name=org.short_name,
                label=org.short_name or org.name, kind=org.kind.value,
                kind_label=t("doc.org-kind." + org.kind.value, DOCUMENT_LANG), number=org.number,
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
        label = t("doc.school-number", DOCUMENT_LANG, number=shown) if shown.isdigit() else shown
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
        task_facts, facts = self._facts[path_text(item.path)]
        state = task_status(task_facts, self.today) if facts is task_facts else step_status(
            facts, task_facts, self.today)
        due = due_ctx(work.due, item.deadline, item.deadline_error) if work.due else None
        planned_start = due_ctx(work.start, item.start_deadline, item.start_error) \
            if work.start else None
        deadline = item.deadline
        overdue_days = self.late.get(path_text(item.path), 0)
        rescheduled = reschedule_count(facts, self.today) > 0
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
        begins = start_day(item.start_deadline)
        if begins is not None and (end is None or begins <= end):
            start = begins
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
            unit=task_is_unit(task_facts) if facts is task_facts else step_is_unit(
                facts, task_facts),
            title=fold(work.title),
            heading=self._heading(work.title, item),
            label=one_line(item.title) or item.ref,
            description=fold(work.description),
            result=fold(work.result),
            due=due,
            planned_start=planned_start,
            extra={column.id: fold(work.extra.get(column.id)) or ""
                   for column in self.plan.columns},
            occurrences=self._occurrences(item, state),
            responsible=responsible,
            responsible_inherited=item.is_step and not own_responsible,
            participants=self.orgs(work.participants),
            status=state.value,
            status_label=t("doc.status." + state.value, DOCUMENT_LANG),
            overdue=overdue_days > 0,
            overdue_days=overdue_days,
            rescheduled=rescheduled,
            ongoing=ongoing,
            mark=mark,
            note=note,
            done_on=work.done_on,
            cancelled_on=work.cancelled_on,
            cancel_reason=fold(work.cancel_reason),
            reschedules=[
                RescheduleCtx(r.from_, r.to, one_line(r.reason), r.on) for r in work.reschedules
            ],
            comment=fold(work.comment),
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

    def _occurrences(self, item: Item, state: Status) -> list[OccurrenceCtx]:
        done = set(item.work.done_occurrences)
        closed = state in (Status.done, Status.cancelled)
        return [OccurrenceCtx(span.start, span.end, span.end in done or state is Status.done,
                              not closed and span.end not in done and span.end < self.today)
                for span in item.occurrences]

    def _heading(self, title: str | None, item: Item) -> str:
        if title:
            return fold(title) or ""
        if item.step is None:
            objective = self.objective(item.task.objective)
            if objective is not None and objective.title:
                return quote(objective.title, DOCUMENT_LANG)
        return ""

    @staticmethod
    def _number(item: Item) -> tuple[str, bool]:
        own = item.work.id
        if own is None and item.step is not None:
            return "", False  # never a made-up number
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
            return "✓", t("doc.note.done", DOCUMENT_LANG) + (
                f" {datefmt.day(when)}" if when else "")
        if status is Status.cancelled:
            reason = one_line(work.cancel_reason or item.task.cancel_reason or "")
            return "✗", t("doc.note.cancelled", DOCUMENT_LANG) + (
                f": {reason}" if reason else "")
        mark, notes = "", []
        if rescheduled:
            last = work.reschedules[-1]
            mark += "↻"
            previous = quote(one_line(last.from_), DOCUMENT_LANG) + " → " if last.from_ else ""
            notes.append(t("doc.note.moved", DOCUMENT_LANG, previous=previous,
                           to=quote(one_line(last.to), DOCUMENT_LANG),
                           reason=one_line(last.reason)))
        if overdue_days:
            mark += "!"
            notes.append(t("doc.note.overdue", DOCUMENT_LANG,
                           days=count(overdue_days, "word.day", DOCUMENT_LANG)))
        elif status is Status.in_progress:
            notes.append(t("doc.note.in-progress", DOCUMENT_LANG))
        if item.occurrences:
            done = set(work.done_occurrences)
            notes.append(t("doc.note.occurrences", DOCUMENT_LANG,
                           done=sum(1 for span in item.occurrences if span.end in done),
                           total=len(item.occurrences)))
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
        parsed = item.event_deadline
        if parsed is not None and parsed.kind in (DeadlineKind.DATE, DeadlineKind.RANGE):
            start, end = parsed.start, parsed.end
        return EventCtx(
            title=fold(event.title), goal=fold(event.goal), summary=fold(event.summary),
            audience=fold(event.audience), date_text=event.date, start=start, end=end,
            date_long=datefmt.span_long(start, end) if start is not None else "",
            time=event.time, place=fold(event.place),
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
            organisations=self.orgs(outcome.organisations), summary=fold(outcome.summary),
            feedback=fold(outcome.feedback), photos=list(outcome.photos),
            hashtags=list(outcome.hashtags), links=list(outcome.links),
            winners=outcome.winners,
            awards=[self.award(a, title) for a in outcome.awards],
        )

    # ------------------------------------------------------------------ stages

    def stage_state(self, period: Period | None) -> tuple[str, str]:
        if period is None:
            state = "unknown"
        elif self.today < period.start:
            state = "future"
        elif self.today > period.end:
            state = "past"
        else:
            state = "current"
        return state, t("doc.stage-state." + state, DOCUMENT_LANG)

    @staticmethod
    def heading(stage: Stage) -> str:
        title = one_line(stage.title)
        if stage.kind is StageKind.section:  # as the source has it: «1. Организационное…»
            if not stage.id or title.startswith(stage.id):
                return title
            return f"{stage.id.rstrip('.')}. {title}" if _NUMBERED.fullmatch(stage.id) else (
                f"{stage.id} {title}")
        if t("doc.stage-word", DOCUMENT_LANG) in title.casefold():
            return title
        return t("doc.stage-heading", DOCUMENT_LANG, id=stage.id,
                 title=f"{title[:1].upper()}{title[1:]}")

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
                id=stage.id, title=one_line(stage.title), kind=stage.kind.value,
                heading=self.heading(stage), implicit=False,
                period=period_ctx(period.start, period.end, stage.period) if period else None,
                goal=fold(stage.goal),
                objectives=[o for o in map(self.objective, stage.objectives) if o is not None],
                description=fold(stage.description), tasks=tasks_of(stage.tasks),
                state=state, state_label=label,
            ))
        if self.plan.tasks or not self.plan.stages:
            period = self.index.project_period
            state, label = self.stage_state(period)
            stages.append(StageCtx(
                id=None, title=None, kind="stage",
                heading=t("doc.loose-tasks", DOCUMENT_LANG) if self.plan.stages else "",
                implicit=True,
                period=period_ctx(period.start, period.end, self.plan.project.period)
                if period else None,
                goal=None, objectives=[], description=None, tasks=tasks_of(self.plan.tasks),
                state=state, state_label=label,
            ))
        return stages, flat

    # ------------------------------------------------------------------ project

    def project(self, stages: list[StageCtx]) -> tuple[ProjectCtx, StageCtx | None]:
        """The passport, and the stage running today (the first whose period holds it)."""
        today = self.today
        current_id = next((s.id for s in self.digest.stages if s.period is not None
                           and s.period.start <= today <= s.period.end), None)
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
                (t("doc.resources." + kind, DOCUMENT_LANG), value) for kind, value in (
                    ("staff", r.staff), ("information", r.information),
                    ("education", r.education), ("organisation", r.organisation),
                    ("material", r.material), ("other", r.other),
                )
            ]
            resources = ResourcesCtx(
                staff=fold(r.staff), information=fold(r.information),
                education=fold(r.education), organisation=fold(r.organisation),
                material=fold(r.material), other=fold(r.other),
                items=[(label, fold(value) or "") for label, value in labelled if value],
            )
        ctx = ProjectCtx(
            id=passport.id,
            title=one_line(passport.title),
            kind=passport.kind.value,
            kind_label=t("doc.project-kind." + passport.kind.value, DOCUMENT_LANG),
            region=passport.region,
            organisation=passport.organisation,
            period=period_ctx(period.start, period.end, passport.period) if period else None,
            duration=duration,
            duration_computed=computed,
            strategic_goal=fold(passport.strategic_goal),
            goals=[one_line(g) for g in passport.goals],
            objectives=[ObjectiveCtx(o.id, one_line(o.title)) for o in passport.objectives],
            participants=self.orgs(passport.participants),
            leads=self.people(passport.leads),
            curators=self.people(passport.curators),
            products=[self.product(p) for p in passport.products],
            resources=resources,
            description=fold(passport.description),
            principles=[fold(p) or "" for p in passport.principles],
            management=fold(passport.management),
            monitoring=fold(passport.monitoring),
            approval=approval_ctx(passport.approval),
            state=state,
            state_text=state_text,
            file=self.file,
        )
        return ctx, current

    @staticmethod
    def product(p: Any) -> ProductCtx:
        return ProductCtx(one_line(p.title), fold(p.description), list(p.kinds), list(p.levels))

    def _project_state(
        self, stages: list[StageCtx], current: StageCtx | None, period: Period | None
    ) -> tuple[str, str]:
        if current is not None:
            when = f" ({current.period.long})" if current.period else ""
            title = current.title or ""
            if t("doc.stage-word", DOCUMENT_LANG) in title.casefold():
                return "running", f"{title}{when}"
            return "running", t("doc.project-state.stage", DOCUMENT_LANG, id=current.id,
                                title=title) + when
        dated = [s for s in stages if s.period is not None]
        if period is None and not dated:
            return "unknown", t("doc.project-state.no-dates", DOCUMENT_LANG)
        if period is not None and self.today < period.start:
            first = dated[0] if dated else None
            if first is not None and first.period is not None:
                tail = t("doc.project-state.stage-starts", DOCUMENT_LANG, id=first.id,
                         day=datefmt.day(first.period.start))
            else:
                tail = t("doc.project-state.starts", DOCUMENT_LANG,
                         day=datefmt.day(period.start))
            return "before", t("doc.project-state.before", DOCUMENT_LANG) + tail
        if period is not None and self.today > period.end:
            return "finished", t("doc.project-state.finished", DOCUMENT_LANG,
                                 day=datefmt.day(period.end))
        if dated:
            upcoming = [s for s in dated if s.period is not None and s.period.start > self.today]
            if upcoming and upcoming[0].period is not None:
                return "running", t("doc.project-state.between", DOCUMENT_LANG,
                                    id=upcoming[0].id,
                                    day=datefmt.day(upcoming[0].period.start))
        if period is not None:
            return "running", t("doc.project-state.running", DOCUMENT_LANG,
                                period=period_ctx(period.start, period.end).long)
        return "unknown", t("doc.project-state.unknown", DOCUMENT_LANG)

    # ------------------------------------------------------------------ clusters

    def cluster(self, cluster: Cluster, items: list[ItemCtx]) -> ClusterCtx:
        base = self.org(cluster.base_site) if cluster.base_site else None
        return ClusterCtx(
            id=cluster.id,
            title=one_line(cluster.title),
            goal=fold(cluster.goal),
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


def approval_ctx(approval: Any) -> ApprovalCtx | None:
    """The approval stamp's values and its line «приказом … от ДД.ММ.ГГГГ № N»."""
    if approval is None:
        return None
    words = [one_line(approval.document)]
    if approval.by:
        words.append(one_line(approval.by))
    words.append(t("doc.approval.date", DOCUMENT_LANG, date=approval.date.strftime("%d.%m.%Y")))
    if approval.number:
        words.append(t("doc.approval.number", DOCUMENT_LANG, number=one_line(approval.number)))
    return ApprovalCtx(one_line(approval.document), one_line(approval.by) if approval.by
                       else None, approval.date, approval.number, " ".join(words))
