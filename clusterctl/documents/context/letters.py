"""The letters' context (`task`, `announcement`, `press_release`): seed 003's fields of one
task's announcement and press release, the missing ones marked, and when to send them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from clusterctl.documents.context.values import DOCUMENT_LANG, ClusterCtx, ItemCtx, PersonCtx
from clusterctl.i18n import dates as datefmt
from clusterctl.i18n import t
from clusterctl.model.names import normalise_name


@dataclass(slots=True)
class LetterField:
    key: str
    label: str
    """In the document's language: «место проведения»."""
    label_en: str
    source: str
    """Where the value lives in the plan: «event.place»."""
    value: Any
    """str, int, list of str, or None when missing."""
    text: str
    """The value as text ("" when missing)."""
    missing: bool
    marker: str
    """What the document shows in its place: «[не указано: место проведения]»."""


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


def find_task(items: list[ItemCtx], ref: str, stage: str | None = None) -> list[ItemCtx]:
    """The tasks (not steps) a user means by `ref` («3», «II/1», «Задача №2»), with `stage`
    narrowing the search. Several results mean the ref is ambiguous; none, unknown."""
    if stage is None and "/" in ref:
        stage, ref = ref.split("/", 1)
    want = normalise_name(ref).rstrip(".")
    want_stage = normalise_name(stage) if stage is not None else None
    found = []
    for item in items:
        if item.is_step:
            continue
        if normalise_name(item.ref).rstrip(".") != want:
            continue
        if want_stage is not None and normalise_name(item.stage_id or "") != want_stage:
            continue
        found.append(item)
    return found


_ANNOUNCEMENT_FIELDS = (
    ("title", "event.title / title"),
    ("goal", "event.goal"),
    ("summary", "event.summary"),
    ("participants", "event.audience / participants"),
    ("date", "event.date / due"),
    ("time", "event.time"),
    ("place", "event.place"),
    ("expected_participants", "event.expected_participants"),
    ("registration_url", "event.registration_url"),
)
"""The announcement's fields (seed 003) and where each comes from in the plan."""
_PRESS_FIELDS = (
    ("title", "event.title / title"),
    ("date", "outcome.held_on"),
    ("participants_count", "outcome.participants_count"),
    ("organisations", "outcome.organisations"),
    ("summary", "outcome.summary"),
    ("feedback", "outcome.feedback"),
    ("photos", "outcome.photos"),
    ("hashtags", "outcome.hashtags / clusters[].hashtags"),
)
"""The press release's fields (seed 003) and where each comes from in the plan."""


def _event_days(task: ItemCtx) -> tuple[datetime.date | None, datetime.date | None]:
    if task.event is not None and task.event.start is not None:
        return task.event.start, task.event.end
    if task.due is not None and task.due.kind in ("date", "range"):
        return task.due.start, task.due.end
    return None, None


def _letter_fields(spec: tuple[tuple[str, str], ...], values: dict[str, Any]
                   ) -> list[LetterField]:
    out = []
    for key, source in spec:
        label = t("letter." + key, DOCUMENT_LANG)
        label_en = t("letter." + key, "en")
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
                               t("letter.missing", DOCUMENT_LANG, label=label)))
    return out


def letter(kind: str, task: ItemCtx, clusters: list[ClusterCtx], rules: dict[str, Any]
           ) -> LetterCtx:
    """The announcement or press release of `task`: seed 003's fields, missing ones marked."""
    cluster = next((c for c in clusters if c.id == task.cluster_id), None)
    event, outcome = task.event, task.outcome
    start, end = _event_days(task)
    title = (event.title if event and event.title else None) or task.title
    days_before: list[int] = rules["announcement_days_before"]
    days_after: list[int] = rules["press_release_days_after"]
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
