"""Changing a plan file in place: mark a task done, reschedule it, cancel it, start it.

Every function here takes the plan file's path, a task reference and the change, and either
rewrites the file or raises :class:`clusterctl.errors.PlanWriteError` and leaves it untouched.
The project rule: *any command that writes a plan file writes atomically, keeps comments and
formatting, and leaves the file untouched if anything fails.* How it is kept:

1. The file is read through the checker (:func:`clusterctl.check.check_file`). A file with
   errors is refused, with the located diagnostics in the message.
2. The reference is resolved against the checked plan: a task id (``"8"``), a step (``"8.2"``:
   the second step of task 8 when steps have no ids, or a step's own id), or ``"STAGE/ID"``
   (``"II/1.1"``) when ids repeat across stages. Unknown or ambiguous references are refused
   with the candidates.
3. Only the lines of that task (or step) are rewritten: they are cut out of the file, loaded
   with ruamel.yaml in round-trip mode (quotes, comments, block scalars kept; the file's
   mapping/sequence indentation and offset; no re-wrapping), changed, dumped and put back.
   Every byte outside those lines stays as it was; a BOM and Windows line endings are kept.
   (A whole-document round trip would re-flow other parts of some files, e.g. a flow list
   written over two lines, so it is not used.)
4. The new bytes are checked again (:func:`clusterctl.check.check_bytes`): an edit that would
   introduce an error is refused. The data read back must equal the old data with exactly the
   intended change (a guard against any formatting surprise).
5. The file is written with :func:`clusterctl.writing.write_atomic` (temporary file, fsync,
   rename; the mode is kept). A symlink is followed and the file it points to is replaced.

Nothing here reads the clock: ``today`` is always an argument. Messages are Russian
(``lang="ru"``, the default) or English (``lang="en"``).
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clusterctl.check.checker import CheckOptions, check_bytes, check_file
from clusterctl.diagnostics import Diagnostic
from clusterctl.edit.refs import addressable, refused, repeats, resolve_ref, shown_ref, what
from clusterctl.edit.splice import Current, Op, apply_plain, rewrite_item, unified
from clusterctl.errors import DeadlineError, LoadError, PlanWriteError, WriteError
from clusterctl.i18n import os_reason, quote, t
from clusterctl.model.deadlines import Deadline, DeadlineKind
from clusterctl.model.grammar import parse_deadline
from clusterctl.model.index import Item, step_ref
from clusterctl.model.occurrences import marked_occurrence
from clusterctl.model.plan import StageKind, Status
from clusterctl.source.loader import load_bytes
from clusterctl.source.writing import check_writable, locked, write_atomic

__all__ = ["EditResult", "cancel", "mark_done", "reschedule", "resolve_ref", "set_status"]


def _day(d: datetime.date) -> str:
    return f"{d:%d.%m.%Y}"


@dataclass(frozen=True, slots=True)
class EditResult:
    """What an edit did (or, with ``dry_run``, would do)."""

    file: str
    ref: str
    """The item as shown to people: "8", "8.2", "II/1.1"."""
    action: str
    """"done", "reschedule", "cancel" or "status"."""
    message: str
    """One line saying what changed, in the requested language."""
    changed: bool
    """False when the plan already said so (nothing to write)."""
    written: bool
    """True when the file was rewritten (False for dry runs and for no change)."""
    diff: str = ""
    """A unified diff of the change ("" when nothing changed)."""
    lines: tuple[int, int] = (0, 0)
    """The 1-based first and last line of the item in the original file."""
    warnings: tuple[Diagnostic, ...] = ()
    """Warnings the edit introduced (e.g. a new deadline outside the stage's period)."""
    after: bytes = b""
    """The new contents of the file (the old ones when nothing changed)."""


@dataclass(slots=True)
class _Change:
    action: str
    message: str
    ops: list[Op] = field(default_factory=list)


def _format_diagnostics(diagnostics: Sequence[Diagnostic], lang: str) -> str:
    from clusterctl.output.reporters import format_text

    return format_text(diagnostics, lang).rstrip("\n")


_Planner = Callable[[Item, dict[str, Any]], "_Change | str"]


def _edit(
    path: str | Path, ref: str, today: datetime.date | None, lang: str, dry_run: bool,
    plan: _Planner,
) -> EditResult:
    """Read, check, change and write the plan under an exclusive lock on the file, so that
    two edits of one plan at once both land (one after the other)."""
    file = str(path)
    target = Path(path)
    if not dry_run:
        try:
            check_writable(target)
        except WriteError as exc:
            raise refused("edit.write-failed", lang, file=file, error=exc.why(lang)) from None
    try:
        with locked(target):
            return _edit_locked(file, target, ref, today, lang, dry_run, plan)
    except WriteError as exc:  # the lock could not be had
        raise refused("edit.write-failed", lang, file=file, error=exc.why(lang)) from None


def _edit_locked(
    file: str, target: Path, ref: str, today: datetime.date | None, lang: str, dry_run: bool,
    plan: _Planner,
) -> EditResult:
    options = CheckOptions(
        lang=lang,
        today=today or CheckOptions().today,
        ignore=frozenset() if today is not None else frozenset({"future-date"}),
    )
    before = check_file(target, file, options)
    if before.errors or before.plan is None or before.index is None:
        errors = [d for d in before.diagnostics if d.is_error]
        raise PlanWriteError(
            t("edit.file-has-errors", lang, file=file, count=len(errors))
            + "\n" + _format_diagnostics(errors, lang)
        )
    try:
        data = target.read_bytes()
        loaded = load_bytes(data, file, lang)
    except (OSError, LoadError):
        raise refused("edit.changed-on-disk", lang, file=file) from None
    if loaded.data != before.data:
        raise refused("edit.changed-on-disk", lang, file=file)
    item = resolve_ref(before.index, ref, file, lang)
    decided = plan(item, _at(loaded.data, item.path))
    shown = shown_ref(item, repeats(addressable(before.index), item))
    if isinstance(decided, str):
        return EditResult(file, shown, "none", decided, changed=False, written=False,
                          after=data)

    expected = copy.deepcopy(loaded.data)
    apply_plain(_at(expected, item.path), decided.ops)
    # first without the blank lines below the item; again with them if the data read back
    # differs (they belonged to a block text that keeps its line breaks, "|+")
    failure: PlanWriteError | None = None
    tried: set[bytes] = set()
    for keep_blank in (False, True):
        new, lines = rewrite_item(data, loaded.source, item, decided.ops, lang, keep_blank)
        if new in tried:
            continue
        tried.add(new)
        after = check_bytes(new, file, options)
        if after.errors or after.plan is None:
            errors = [d for d in after.diagnostics if d.is_error]
            failure = failure or PlanWriteError(
                t("edit.edit-makes-errors", lang, file=file) + "\n"
                + _format_diagnostics(errors, lang)
            )
        elif after.data != expected:
            failure = failure or refused("edit.guard", lang, file=file, ref=shown_ref(item, True))
        else:
            break
    else:
        raise failure or refused("edit.guard", lang, file=file, ref=shown_ref(item, True))
    known = {(d.code, d.message) for d in before.diagnostics}
    warnings = tuple(d for d in after.diagnostics if (d.code, d.message) not in known)
    written = False
    if not dry_run:
        _write(target, file, data, new, lang)
        written = True
    return EditResult(
        file, shown, decided.action, decided.message, changed=True, written=written,
        diff=unified(data, new, file), lines=lines, warnings=warnings, after=new,
    )


def _at(data: dict[str, Any], path: tuple[str | int, ...]) -> Any:
    node: Any = data
    for step in path:
        node = node[step]
    return node


def _write(target: Path, file: str, old: bytes, new: bytes, lang: str) -> None:
    """Replace the file, unless it changed since it was read (the caller holds its lock,
    so only a program that does not take it could have changed it)."""
    try:
        if target.read_bytes() != old:
            raise refused("edit.changed-on-disk", lang, file=file)
    except OSError as exc:
        raise refused("edit.write-failed", lang, file=file, error=os_reason(exc, lang)) from None
    try:
        write_atomic(target, new)
    except WriteError as exc:
        raise refused("edit.write-failed", lang, file=file, error=exc.why(lang)) from None


def _reason(reason: str, lang: str) -> str:
    cleaned = " ".join(reason.split())
    if not cleaned:
        raise refused("edit.reason-required", lang)
    return cleaned


def _names(item: Item, lang: str, file: str) -> dict[str, str]:
    stage = item.stage_id
    where = "finding.in-section" if item.stage is not None and (
        item.stage.kind is StageKind.section) else "finding.in-stage"
    in_stage = t(where, lang, stage=stage) if stage else ""
    return {
        "file": file,
        "ref": item.ref + in_stage,
        "what": what(item, lang),
        "What": what(item, lang, capital=True),
        "what_gen": what(item, lang, genitive=True),
    }


def _cancel_reason(item: Item, lang: str) -> str:
    return item.work.cancel_reason or t("edit.reason-not-given", lang)


def mark_done(
    path: str | Path, ref: str, on: datetime.date | None, today: datetime.date, *,
    lang: str = "ru", dry_run: bool = False,
) -> EditResult:
    """Mark a task or step done: ``status: done`` and ``done_on: ON`` (default: today).

    ON must not be after `today`. Marking again with the same date changes nothing; with
    another date it corrects ``done_on``. A cancelled item is refused (reopen it first).

    An item with a recurring deadline that has occurrences («Ежеквартально») is done one
    occurrence at a time: the occurrence due on or next before ON that is not done yet (else,
    done early, the next one) has its deadline appended to ``done_occurrences``.
    """
    day = on or today
    if day > today:
        raise refused("edit.done-in-future", lang, on=_day(day), today=_day(today))

    def plan(item: Item, node: dict[str, Any]) -> _Change | str:
        names = _names(item, lang, str(path))
        work = item.work
        if work.status is Status.cancelled:
            raise refused("edit.done-cancelled", lang, reason=_cancel_reason(item, lang), **names)
        if item.occurrences and work.status is not Status.done:
            span = marked_occurrence(item.occurrences, work.done_occurrences, day)
            if span is None:
                return t("edit.occurrences-all-done", lang, **names)
            ops = [Op("append", "done_occurrences", span.end, after=("due", "start"))]
            return _Change("done", t("edit.did-occurrence", lang, due=_day(span.end),
                                     on=_day(day), **names), ops)
        if work.status is Status.done and work.done_on == day:
            return t("edit.already-done", lang, on=_day(day), **names)
        ops = [Op("set", "status", "done"), Op("set", "done_on", day, after=("status",))]
        return _Change("done", t("edit.did-done", lang, on=_day(day), **names), ops)

    return _edit(path, ref, today, lang, dry_run, plan)


def reschedule(
    path: str | Path, ref: str, new_due: str, reason: str, today: datetime.date, *,
    on: datetime.date | None = None, lang: str = "ru", dry_run: bool = False,
) -> EditResult:
    """Move a deadline later: ``due: NEW_DUE`` and a ``reschedules`` entry
    ``{from: old due, to: NEW_DUE, reason: REASON, on: ON}`` (ON: when it was decided;
    default `today`, never after it).

    NEW_DUE is a deadline phrase read with the stage's period (else the project's), as
    ``clusterctl when`` reads it; it must have an end date later than the old deadline's.
    """
    why = _reason(reason, lang)
    phrase = new_due.strip()  # the author's words as typed (the plan keeps phrases as written)
    day = on or today
    if day > today:
        raise refused("edit.on-in-future", lang, on=_day(day), today=_day(today))

    def plan(item: Item, node: dict[str, Any]) -> _Change | str:
        names = _names(item, lang, str(path))
        work = item.work
        if work.status in (Status.done, Status.cancelled):
            state = t("status." + work.status.value, lang)
            raise refused("edit.reschedule-closed", lang, state=state, **names)
        old_text = node.get("due")
        if not work.due or old_text is None:
            message = t("edit.reschedule-no-due", lang, **names)
            dated = [step_ref(item.task, step, number)
                     for number, step in enumerate(item.task.steps) if step.due]
            if dated:
                message += t("edit.reschedule-steps", lang, steps=", ".join(dated))
            raise PlanWriteError(message)
        old_q = quote(" ".join(str(old_text).split()), lang)
        if item.deadline_error is not None:
            error = item.deadline_error
            raise refused("edit.old-not-understood", lang, old=old_q, reason=error.describe(lang))
        old = item.deadline
        if old is None or old.due is None:
            kind = old.kind if old is not None else DeadlineKind.UNSCHEDULED
            raise refused("edit.old-undated", lang, old=old_q,
                          kind=t("deadline-kind." + kind.value, lang))
        new_q = quote(phrase, lang)
        try:
            new: Deadline = parse_deadline(phrase, item.period)
        except DeadlineError as exc:
            raise refused("edit.new-not-understood", lang, new=new_q, reason=exc.describe(lang),
                          hint=exc.hint(lang)) from None
        if new.due is None:
            raise refused("edit.new-undated", lang, new=new_q,
                          kind=t("deadline-kind." + new.kind.value, lang))
        if new.due <= old.due:
            raise refused("edit.not-later", lang, new=new_q, new_end=_day(new.due), old=old_q,
                           old_end=_day(old.due))
        entry = {"from": Current("due", old_text), "to": phrase, "reason": why, "on": day}
        ops = [
            Op("set", "due", phrase),
            Op("append", "reschedules", entry, after=("due",)),
        ]
        message = t("edit.did-reschedule", lang, old=old_q, new=new_q, reason=why, **names)
        return _Change("reschedule", message, ops)

    return _edit(path, ref, today, lang, dry_run, plan)


def cancel(
    path: str | Path, ref: str, reason: str, today: datetime.date, *,
    on: datetime.date | None = None, lang: str = "ru", dry_run: bool = False,
) -> EditResult:
    """Cancel a task or step: ``status: cancelled``, ``cancel_reason: REASON``,
    ``cancelled_on: ON`` (when it was decided; default `today`, never after it). The reason
    is required; a done or cancelled item is refused. The file is checked as of `today`, so
    recording an old decision is judged like any other edit of today."""
    why = _reason(reason, lang)
    day = on or today
    if day > today:
        raise refused("edit.on-in-future", lang, on=_day(day), today=_day(today))

    def plan(item: Item, node: dict[str, Any]) -> _Change | str:
        names = _names(item, lang, str(path))
        work = item.work
        if work.status is Status.done:
            done_on = _day(work.done_on) if work.done_on else "—"
            raise refused("edit.cancel-done", lang, on=done_on, **names)
        if work.status is Status.cancelled:
            raise refused("edit.already-cancelled", lang, reason=_cancel_reason(item, lang),
                           **names)
        ops = [
            Op("set", "status", "cancelled"),
            Op("set", "cancel_reason", why, after=("status",)),
            Op("set", "cancelled_on", day, after=("cancel_reason", "status")),
        ]
        return _Change("cancel", t("edit.did-cancel", lang, reason=why, **names), ops)

    return _edit(path, ref, today, lang, dry_run, plan)


def set_status(
    path: str | Path, ref: str, status: Status | str, today: datetime.date | None = None, *,
    lang: str = "ru", dry_run: bool = False,
) -> EditResult:
    """Set ``status`` to ``in_progress`` or ``planned``.

    Reopening a done or cancelled item removes its ``done_on`` / ``cancel_reason`` /
    ``cancelled_on`` (refused if such a field carries a comment). `today` is the date the
    file is checked as of; without it, the ``future-date`` check is skipped.
    """
    value = status.value if isinstance(status, Status) else str(status).strip().lower()
    if value not in (Status.in_progress.value, Status.planned.value):
        raise refused("edit.bad-status", lang, status=quote(value, lang))

    def plan(item: Item, node: dict[str, Any]) -> _Change | str:
        names = _names(item, lang, str(path))
        word = t("status." + value, lang)
        if item.work.status.value == value:
            return t("edit.same-status", lang, status=word, **names)
        ops = [Op("set", "status", value)]
        removed = [key for key in ("done_on", "cancel_reason", "cancelled_on") if key in node]
        ops.extend(Op("delete", key) for key in removed)
        extra = t("edit.removed", lang, fields=", ".join(removed)) if removed else ""
        return _Change("status", t("edit.did-status", lang, status=word, removed=extra, **names),
                       ops)

    return _edit(path, ref, today, lang, dry_run, plan)
