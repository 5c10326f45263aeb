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
import difflib
import io
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clusterctl.check import CheckOptions, check_bytes, check_file
from clusterctl.dates import Deadline, DeadlineError, DeadlineKind, parse_deadline
from clusterctl.diagnostics import Diagnostic
from clusterctl.errors import LoadError, PlanWriteError
from clusterctl.i18n import os_reason, quote, text
from clusterctl.loader import SourceMap, load_bytes
from clusterctl.messages import STATUS_WORDS
from clusterctl.models import Status
from clusterctl.plan import Item, PlanIndex, closest_names, normalise_name, step_ref
from clusterctl.writing import WriteError, check_writable, locked, write_atomic

__all__ = [
    "EditResult",
    "Indent",
    "cancel",
    "detect_indent",
    "mark_done",
    "reschedule",
    "resolve_ref",
    "set_status",
]

_BOM = b"\xef\xbb\xbf"
_WIDTH = 1_000_000
"""ruamel's line width: large, so that no long line is ever re-wrapped."""
_TAIL_KEYS = ("steps", "event", "outcome")
"""New keys go before these (when it is safe), so that `status: done` is not lost below a long
list of steps."""

# ---------------------------------------------------------------------------- messages

_MESSAGES: dict[str, dict[str, str]] = {
    "file-has-errors": {
        "ru": "В файле {file} есть ошибки ({count}): сначала исправьте их "
              "(clusterctl validate), файл не изменён.",
        "en": "{file} has {count} error(s): fix them first (clusterctl validate); "
              "the file is unchanged.",
    },
    "edit-makes-errors": {
        "ru": "Изменение не внесено: после него в {file} появились бы ошибки "
              "(файл не изменён).",
        "en": "Not changed: the edit would introduce errors into {file} "
              "(the file is unchanged).",
    },
    "empty-ref": {
        "ru": "Не указан номер мероприятия (например, «8», «8.2» или «II/1.1»).",
        "en": "No task reference given (e.g. \"8\", \"8.2\" or \"II/1.1\").",
    },
    "unknown-ref": {
        "ru": "В {file} нет мероприятия или подпункта {ref}.",
        "en": "{file} has no task or step {ref}.",
    },
    "closest": {"ru": " Возможно, имелось в виду: {names}.", "en": " Did you mean: {names}?"},
    "known-refs": {"ru": " Номера в плане: {names}.", "en": " Numbers in the plan: {names}."},
    "known-refs-stage": {"ru": " Номера в этапе {stage}: {names}.",
                         "en": " Numbers in stage {stage}: {names}."},
    "unknown-stage": {
        "ru": "В {file} нет этапа {stage}. Этапы: {stages}.",
        "en": "{file} has no stage {stage}. Stages: {stages}.",
    },
    "ambiguous-ref": {
        "ru": "Номер {ref} в {file} не однозначен: {names}. Укажите этап, например {example}.",
        "en": "{ref} is ambiguous in {file}: {names}. Name the stage, e.g. {example}.",
    },
    "ambiguous-in-stage": {
        "ru": "Номер {ref} в {file} не однозначен: {names}. Исправьте номера в файле.",
        "en": "{ref} is ambiguous in {file}: {names}. Renumber them in the file.",
    },
    "done-in-future": {
        "ru": "Дата выполнения {on} позже сегодняшней ({today}): отметить выполненным "
              "заранее нельзя.",
        "en": "The done date {on} is after today ({today}): work cannot be marked done "
              "in advance.",
    },
    "done-cancelled": {
        "ru": "{What} {ref} — отменено (причина: {reason}): отметить выполненным нельзя. "
              "Чтобы вернуть в работу: clusterctl start.",
        "en": "{What} {ref} is cancelled (reason: {reason}): it cannot be marked done. "
              "To reopen it: clusterctl start.",
    },
    "already-done": {
        "ru": "{file}: {what} {ref} — уже выполнено {on}, файл не изменён",
        "en": "{file}: {what} {ref} is already done on {on}; the file is unchanged",
    },
    "cancel-done": {
        "ru": "{What} {ref} — уже выполнено ({on}): отменить нельзя.",
        "en": "{What} {ref} is already done ({on}): it cannot be cancelled.",
    },
    "already-cancelled": {
        "ru": "{What} {ref} — уже отменено (причина: {reason}).",
        "en": "{What} {ref} is already cancelled (reason: {reason}).",
    },
    "reason-required": {
        "ru": "Нужна причина: «--reason \"...\"» (уважительная причина отмены или переноса).",
        "en": "A reason is required: --reason \"...\".",
    },
    "reschedule-closed": {
        "ru": "{What} {ref} — {state}: переносить срок нельзя.",
        "en": "{What} {ref} is {state}: its deadline cannot be moved.",
    },
    "reschedule-no-due": {
        "ru": "У {what_gen} {ref} нет срока (due): переносить нечего.",
        "en": "{What} {ref} has no deadline (due): there is nothing to move.",
    },
    "reschedule-steps": {
        "ru": " Сроки указаны у подпунктов: {steps} — перенесите срок нужного.",
        "en": " Its steps have deadlines: {steps}; reschedule the one you mean.",
    },
    "old-not-understood": {
        "ru": "Прежний срок {old} не понят ({reason}): проверить, что новый срок позже, "
              "нельзя. Исправьте срок в файле вручную.",
        "en": "The current deadline {old} is not understood ({reason}), so a later date "
              "cannot be checked. Fix the deadline in the file by hand.",
    },
    "old-undated": {
        "ru": "Прежний срок {old} не задаёт даты окончания ({kind}): перенос на более "
              "поздний срок проверить нельзя. Измените срок в файле вручную.",
        "en": "The current deadline {old} has no end date ({kind}), so a later date cannot "
              "be checked. Change the deadline in the file by hand.",
    },
    "new-not-understood": {
        "ru": "Новый срок {new} не понят: {reason} {hint} "
              "Проверить фразу: clusterctl when \"...\".",
        "en": "The new deadline {new} is not understood: {reason} {hint} "
              "Check a phrase with: clusterctl when \"...\".",
    },
    "new-undated": {
        "ru": "Новый срок {new} не задаёт даты окончания ({kind}): для переноса укажите "
              "дату или период («До 20.12.2022», «Ноябрь 2022»).",
        "en": "The new deadline {new} has no end date ({kind}): give a date or a period "
              "(\"До 20.12.2022\", \"Ноябрь 2022\").",
    },
    "not-later": {
        "ru": "Новый срок {new} (до {new_end}) не позже прежнего {old} (до {old_end}): "
              "переносить можно только на более поздний срок.",
        "en": "The new deadline {new} (until {new_end}) is not later than the current "
              "{old} (until {old_end}): a deadline can only be moved later.",
    },
    "bad-status": {
        "ru": "Статус {status} так не ставится: используйте clusterctl done или "
              "clusterctl cancel.",
        "en": "Status {status} is not set this way: use clusterctl done or clusterctl cancel.",
    },
    "field-has-comment": {
        "ru": "У поля {field} ({ref}) есть комментарий: уберите поле вручную, "
              "чтобы не потерять комментарий.",
        "en": "The field {field} of {ref} has a comment: remove the field by hand so the "
              "comment is not lost.",
    },
    "not-editable": {
        "ru": "{What} {ref} нельзя изменить автоматически: {why}. Измените файл вручную.",
        "en": "{What} {ref} cannot be changed automatically: {why}. Change the file by "
              "hand.",
    },
    "changed-on-disk": {
        "ru": "Файл {file} изменился во время правки: повторите команду (файл не изменён).",
        "en": "{file} changed while it was being edited: run the command again "
              "(the file is unchanged).",
    },
    "write-failed": {
        "ru": "Не удалось записать {file}: {error}. Файл не изменён.",
        "en": "Could not write {file}: {error}. The file is unchanged.",
    },
    "guard": {
        "ru": "Изменение не внесено: оно затронуло бы в {file} не только {ref} "
              "(это ошибка clusterctl — сообщите о ней). Файл не изменён.",
        "en": "Not changed: the edit would touch more of {file} than {ref} "
              "(a clusterctl bug, please report it). The file is unchanged.",
    },
    "did-done": {
        "ru": "{file}: {what} {ref} — выполнено {on}",
        "en": "{file}: {what} {ref} — done on {on}",
    },
    "did-reschedule": {
        "ru": "{file}: {what} {ref} — срок перенесён: {old} → {new} (причина: {reason})",
        "en": "{file}: {what} {ref} — rescheduled: {old} → {new} (reason: {reason})",
    },
    "did-cancel": {
        "ru": "{file}: {what} {ref} — отменено (причина: {reason})",
        "en": "{file}: {what} {ref} — cancelled (reason: {reason})",
    },
    "did-status": {
        "ru": "{file}: {what} {ref} — {status}{removed}",
        "en": "{file}: {what} {ref} — {status}{removed}",
    },
    "same-status": {
        "ru": "{file}: {what} {ref} — уже {status}, файл не изменён",
        "en": "{file}: {what} {ref} is already {status}; the file is unchanged",
    },
    "removed": {"ru": " (убрано: {fields})", "en": " (removed: {fields})"},
}


_KIND_WORDS = {
    DeadlineKind.ONGOING: {"ru": "постоянно", "en": "ongoing"},
    DeadlineKind.UNSCHEDULED: {"ru": "по отдельному графику", "en": "on a separate schedule"},
    DeadlineKind.RECURRING: {"ru": "повторяется", "en": "recurring"},
}

_WHY = {
    "no-dash": {"ru": "запись — не строка списка «- »", "en": "it is not a '- ' list item"},
    "flow": {"ru": "запись внутри списка в квадратных скобках", "en": "it is inside a [...] list"},
    "alias": {"ru": "в записи якоря или ссылки YAML (&, *, <<)",
              "en": "it uses YAML anchors, aliases or merge keys (&, *, <<)"},
    "yaml": {"ru": "строки записи не читаются отдельно от файла",
             "en": "its lines cannot be read on their own"},
}


def _msg(code: str, lang: str, **params: Any) -> str:
    entry = _MESSAGES[code]
    return (entry.get(lang) or entry["en"]).format(**params)


def _day(d: datetime.date) -> str:
    return f"{d:%d.%m.%Y}"


def _refused(code: str, lang: str, **params: Any) -> PlanWriteError:
    return PlanWriteError(_msg(code, lang, **params))


# ---------------------------------------------------------------------------- result


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


# ---------------------------------------------------------------------------- references


def _norm(ref: str) -> str:
    """Refs compare like names: case, «ё», spaces and a final dot folded ("8." is "8")."""
    return normalise_name(ref)


def _what(item: Item, lang: str, capital: bool = False, genitive: bool = False) -> str:
    if lang == "ru":
        word = ("подпункта" if genitive else "подпункт") if item.is_step else (
            "мероприятия" if genitive else "мероприятие"
        )
    else:
        word = "step" if item.is_step else "task"
    return word[:1].upper() + word[1:] if capital else word


def _shown_ref(item: Item, qualified: bool = False) -> str:
    """"8.2", or "II/1.1" when `qualified` and the item is in a stage."""
    if qualified and item.stage is not None:
        return f"{item.stage.id}/{item.ref}"
    return item.ref


def _label(item: Item, lang: str) -> str:
    title = " ".join(item.title.split())
    if len(title) > 60:
        title = title[:57].rstrip() + "…"
    return f"{_shown_ref(item, True)} ({quote(title, lang)})" if title else _shown_ref(item, True)


def _addressable(index: PlanIndex) -> list[Item]:
    return [item for item in index.items if not item.ref.startswith("?")]


def resolve_ref(index: PlanIndex, ref: str, file: str = "", lang: str = "ru") -> Item:
    """The task or step `ref` names; PlanWriteError (with candidates) if none or several."""
    if not ref.strip():
        raise _refused("empty-ref", lang)
    items = _addressable(index)
    stage_key: str | None = None
    wanted = _norm(ref)
    if "/" in ref:
        head, _, tail = ref.partition("/")
        stage_ids = {_norm(s.id) for s in index.plan.stages}
        whole = [i for i in items if _norm(i.ref) == wanted]
        if not whole:  # "II/1.1" (an id with a slash would be matched as a whole first)
            if _norm(head) not in stage_ids:
                stages = ", ".join(s.id for s in index.plan.stages) or "—"
                raise _refused("unknown-stage", lang, file=file, stage=quote(head.strip(), lang),
                               stages=stages)
            stage_key, wanted = _norm(head), _norm(tail)
    pool = items if stage_key is None else [
        i for i in items if i.stage is not None and _norm(i.stage.id) == stage_key
    ]
    found = [i for i in pool if _norm(i.ref) == wanted]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        names = ", ".join(_label(i, lang) for i in found)
        in_stages = {i.stage_id for i in found}
        if stage_key is None and len(in_stages) == len(found) and None not in in_stages:
            example = quote(_shown_ref(found[-1], True), lang)
            raise _refused("ambiguous-ref", lang, ref=quote(ref.strip(), lang), file=file,
                           names=names, example=example)
        raise _refused("ambiguous-in-stage", lang, ref=quote(ref.strip(), lang), file=file,
                       names=names)
    message = _msg("unknown-ref", lang, file=file, ref=quote(ref.strip(), lang))
    stage_name = ref.partition("/")[0].strip()
    shown = _unique(_shown_ref(i, stage_key is None and _repeats(pool, i)) for i in pool)
    close = set(closest_names(wanted, shown, limit=5, cutoff=0.5))
    if close:
        names = ", ".join(quote(s, lang) for s in shown if s in close)  # in plan order
        message += _msg("closest", lang, names=names)
    elif shown:
        listed = shown[:15]
        more = "…" if len(shown) > len(listed) else ""
        names = ", ".join(listed) + more
        message += (_msg("known-refs", lang, names=names) if stage_key is None
                    else _msg("known-refs-stage", lang, stage=stage_name, names=names))
    raise PlanWriteError(message)


def _repeats(items: Sequence[Item], item: Item) -> bool:
    key = _norm(item.ref)
    return sum(1 for i in items if _norm(i.ref) == key) > 1


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


# ---------------------------------------------------------------------------- indentation


@dataclass(frozen=True, slots=True)
class Indent:
    """ruamel's indentation settings: `mapping`, `sequence` (where a list item's content
    starts) and `offset` (where its dash is), each relative to the parent key."""

    mapping: int = 2
    sequence: int = 4
    offset: int = 2


_KEY = re.compile(
    r"""^(?:"[^"]*"|'[^']*'|[^\s#'"\[\]{},&*!|>%@`-][^#]*?|-[^\s#][^#]*?)\s*:(?:\s+(.*))?$"""
)
_BLOCK_SCALAR = re.compile(r"^(?:[&!][^\s]*\s+)*[|>][-+0-9]*\s*(?:#.*)?$")


def _indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _after_dashes(line: str, start: int) -> int:
    """The column after any "- " list markers starting at `start`."""
    pos = start
    while line.startswith("-", pos) and (pos + 1 == len(line) or line[pos + 1] == " "):
        pos += 1
        while pos < len(line) and line[pos] == " ":
            pos += 1
    return pos


def detect_indent(text: str) -> Indent:
    """The indentation a plan file uses (most common one; 2/4/2 when there is no evidence).

    `mapping`: how much deeper a nested mapping's keys are than its parent key; `offset`: how
    much deeper a list's dash is than its key; `sequence`: how much deeper the item's content
    is. Lines of block scalars (``|``, ``>-``) are skipped.
    """
    mappings: Counter[int] = Counter()
    sequences: Counter[tuple[int, int]] = Counter()
    pending: int | None = None  # column of a "key:" line with nothing after it
    block: int | None = None  # block scalar content is deeper than this column
    for raw in text.split("\n"):
        line = raw.rstrip("\r")
        stripped = line.strip()
        indent = _indent_of(line)
        if block is not None:
            if not stripped or indent > block:
                continue
            block = None
        if not stripped or stripped.startswith("#") or "\t" in line[:indent + 1]:
            continue
        if pending is not None:
            if stripped == "-" or stripped.startswith("- "):
                content = _after_dashes(line, indent)
                offset = indent - pending
                if offset >= 0 and content < len(line):
                    sequences[(content - pending, offset)] += 1
            elif indent > pending:
                mappings[indent - pending] += 1
            pending = None
        key_col = _after_dashes(line, indent)
        rest = line[key_col:]
        if key_col > indent and _BLOCK_SCALAR.match(rest):
            block = indent  # "- |"
            continue
        match = _KEY.match(rest)
        if match is None:
            continue
        value = (match.group(1) or "").strip()
        if not value or value.startswith("#"):
            pending = key_col
        elif _BLOCK_SCALAR.match(value):
            block = key_col
    mapping = mappings.most_common(1)[0][0] if mappings else 2
    if sequences:
        (sequence, offset), _ = sequences.most_common(1)[0]
    else:
        sequence, offset = mapping + 2, mapping
    return Indent(mapping=mapping, sequence=max(sequence, offset + 2), offset=offset)


def _yaml(indent: Indent) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = _WIDTH
    yaml.indent(mapping=indent.mapping, sequence=indent.sequence, offset=indent.offset)
    return yaml


# ---------------------------------------------------------------------------- changes


@dataclass(slots=True)
class _Op:
    kind: str
    """"set", "append" (to a list) or "delete"."""
    key: str
    value: Any = None
    """What the loader will read back (strings as written; dates as YYYY-MM-DD)."""
    after: tuple[str, ...] = ()
    """Keys to put a new key after (the first one present, if it is safe)."""


@dataclass(frozen=True, slots=True)
class _Current:
    """The value `key` has in the file before the edit, written as it was written."""

    key: str
    plain: Any
    """What the loader read for it."""


@dataclass(slots=True)
class _Change:
    action: str
    message: str
    ops: list[_Op] = field(default_factory=list)


def _is_quoted(value: Any) -> bool:
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

    return isinstance(value, (DoubleQuotedScalarString, SingleQuotedScalarString))


def _like(old: Any, new: Any) -> Any:
    """`new` written the way `old` was: the same quotes for a quoted text."""
    if isinstance(new, str) and _is_quoted(old):
        return type(old)(new)
    return new


def _rt_value(value: Any, old: dict[str, Any]) -> Any:
    """A value for ruamel: dates stay dates (written YYYY-MM-DD), dicts become mappings,
    `_Current` becomes the old value as it was written (same quotes; a block text as a
    plain one)."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    if isinstance(value, dict):
        out = CommentedMap()
        for key, item in value.items():
            out[key] = _rt_value(item, old)
        return out
    if isinstance(value, _Current):
        current = old.get(value.key)
        if isinstance(current, (FoldedScalarString, LiteralScalarString)):
            return str(current)
        return current
    return value


def _plain(value: Any) -> Any:
    """How the project's loader reads `value` back."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, _Current):
        return value.plain
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    if value is None:
        return None
    return str(value)


def _comment_tokens(cmap: Any, key: str) -> list[Any]:
    entry = cmap.ca.items.get(key)
    if not entry:
        return []
    tokens: list[Any] = []
    for slot in entry:
        if slot is None:
            continue
        tokens.extend(slot if isinstance(slot, list) else [slot])
    return [t for t in tokens if t is not None]


def _safe_anchor(cmap: Any, key: str) -> bool:
    """A key a new key can follow directly: a one-line scalar with no comment lines below it
    (a comment line there belongs to the next key and must stay right above it)."""
    from ruamel.yaml.comments import CommentedBase
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    value = cmap[key]
    if isinstance(value, CommentedBase):
        return False
    tokens = _comment_tokens(cmap, key)
    if isinstance(value, (FoldedScalarString, LiteralScalarString)):
        return not tokens  # after a block text, any comment is a line of its own
    for token in tokens:
        text = str(getattr(token, "value", ""))
        if text.split("\n", 1)[1:] not in ([], [""]):
            return False
    return True


def _insert(cmap: Any, key: str, value: Any, after: Sequence[str]) -> None:
    if key in cmap:
        cmap[key] = _like(cmap[key], value)
        return
    keys = list(cmap.keys())
    for anchor in after:
        if anchor in cmap:
            if _safe_anchor(cmap, anchor):
                cmap.insert(keys.index(anchor) + 1, key, value)
                return
            break
    tail = [keys.index(k) for k in _TAIL_KEYS if k in cmap]
    if tail:
        first = min(tail)
        if first > 0 and _safe_anchor(cmap, keys[first - 1]):
            cmap.insert(first, key, value)
            return
    cmap[key] = value


def _apply_rt(cmap: Any, ops: Sequence[_Op], item: Item, lang: str) -> None:
    from ruamel.yaml.comments import CommentedSeq

    old = {key: cmap[key] for key in cmap}
    for op in ops:
        if op.kind == "set":
            _insert(cmap, op.key, _rt_value(op.value, old), op.after)
        elif op.kind == "append":
            seq = cmap.get(op.key)
            if seq is None:
                seq = CommentedSeq()
                _insert(cmap, op.key, seq, op.after)
            seq.append(_rt_value(op.value, old))
        elif op.kind == "delete" and op.key in cmap:
            if any(str(getattr(t, "value", "")).strip() for t in _comment_tokens(cmap, op.key)):
                raise _refused("field-has-comment", lang, field=op.key,
                               ref=_shown_ref(item, True))
            del cmap[op.key]


def _apply_plain(data: dict[str, Any], ops: Sequence[_Op]) -> None:
    for op in ops:
        if op.kind == "set":
            data[op.key] = _plain(op.value)
        elif op.kind == "append":
            if data.get(op.key) is None:
                data[op.key] = []
            data[op.key].append(_plain(op.value))
        elif op.kind == "delete":
            data.pop(op.key, None)


# ---------------------------------------------------------------------------- the lines of an item


def _split_lines(text: str) -> list[str]:
    """Lines with their endings ("\\n" or "\\r\\n"); only "\\n" ends a line (like YAML)."""
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def _content(line: str) -> str:
    return line.rstrip("\r\n")


def _item_lines(
    lines: list[str], source: SourceMap, path: tuple[str | int, ...], keep_blank: bool = False
) -> tuple[int, int, int, str]:
    """(first, last, parent column, problem) of the item at `path`: 0-based line numbers of
    its "- " line and its last line, and the column of the key that holds the list.

    Blank lines right after the item's last value stay outside, unless `keep_blank` (they
    may belong to a block text that keeps its final line breaks, ``|+``)."""
    start = source.value_span(path)
    first = start.line - 1
    column = start.column - 1
    before = _content(lines[first])[:column]
    if not re.fullmatch(r"\s*-\s*", before):
        if before.strip():
            return 0, 0, 0, "flow" if "[" in before or "{" in before else "no-dash"
        first -= 1  # "-" alone on a line, the mapping below it
        while first >= 0 and (not _content(lines[first]).strip()
                              or _content(lines[first]).lstrip().startswith("#")):
            first -= 1
        if first < 0 or not re.fullmatch(r"\s*-\s*(?:#.*)?", _content(lines[first])):
            return 0, 0, 0, "no-dash"
    dash = _indent_of(lines[first])

    # a block mapping ends where the next token starts: after any blank lines and comments
    # that precede the next item; those stay outside. Comment lines deeper than the item's
    # keys are about its last value (or are lines of a block text) and stay inside.
    end_line, end_column = start.end_line - 1, start.end_column - 1
    ends_inside = end_line < len(lines) and _content(lines[end_line])[:end_column].strip()
    last = end_line if ends_inside else end_line - 1  # "}" of a flow mapping, or the line above
    last = min(max(last, first), len(lines) - 1)
    key_column = column if start.line - 1 == first else _after_dashes(
        _content(lines[first]), dash
    )
    end = last
    while last > first:
        below = _content(lines[last])
        stripped = below.strip()
        if not stripped or (stripped.startswith("#") and _indent_of(below) <= key_column):
            last -= 1
        else:
            break
    while keep_blank and last < end and not _content(lines[last + 1]).strip():
        last += 1

    parent = -1
    for number in range(first - 1, -1, -1):
        text = _content(lines[number])
        stripped = text.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = _indent_of(text)
        if indent > dash or (indent == dash and stripped.startswith("-")):
            continue
        parent = _after_dashes(text, indent)
        if not re.search(r":\s*(?:#.*)?$", text):
            return 0, 0, 0, "alias" if re.search(r":\s+[&!*]", text) else "flow"
        break
    if parent < 0 or parent > dash:
        return 0, 0, 0, "no-dash"
    return first, last, parent, ""


def _unchanged_as_they_were(old: list[str], new: list[str]) -> list[str]:
    """`new` lines, with every line that the edit left as it was (the same text but for
    trailing spaces and tabs) taken byte for byte from `old`: only the lines the edit
    changes or adds differ from the file."""
    import difflib

    def key(line: str) -> str:
        return _content(line).rstrip(" \t")

    matcher = difflib.SequenceMatcher(None, [key(line) for line in old],
                                      [key(line) for line in new], autojunk=False)
    out: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        out.extend(old[i1:i2] if tag == "equal" else new[j1:j2])
    ending = "\r\n" if new and new[0].endswith("\r\n") else "\n"
    # the file's last line may have no line break: a line that now has others below it does
    return [line if line.endswith("\n") or k == len(out) - 1 else line + ending
            for k, line in enumerate(out)]


def _shift(text: str, by: int) -> str:
    if by >= 0:
        return text if not text.strip() else " " * by + text
    cut = min(-by, _indent_of(text))
    return text[cut:]


def _rewrite_item(
    data: bytes, source: SourceMap, item: Item, ops: list[_Op], lang: str,
    keep_blank: bool = False,
) -> tuple[bytes, tuple[int, int]]:
    """The file's bytes with the item's lines rewritten by `ops` (everything else as is)."""
    bom = data.startswith(_BOM)
    text = data[len(_BOM):].decode("utf-8") if bom else data.decode("utf-8")
    lines = _split_lines(text)
    what = _what(item, lang, capital=True)
    first, last, parent, why = _item_lines(lines, source, item.path, keep_blank)
    if why:
        raise _refused("not-editable", lang, What=what, ref=_shown_ref(item, True),
                       why=_WHY[why][lang])
    chunk = lines[first:last + 1]
    ending = "\r\n" if chunk[0].endswith("\r\n") else "\n"
    final_newline = chunk[-1].endswith("\n")

    found = detect_indent(text)
    dash = _indent_of(chunk[0])
    content = _after_dashes(_content(chunk[0]), dash)
    local = Indent(found.mapping, max(content - parent, dash - parent + 2), dash - parent)
    yaml = _yaml(local)

    # trailing spaces and tabs are left out of what ruamel reads (it refuses a trailing tab
    # and drops trailing spaces) and put back below on every line the edit does not change
    fragment = "k:\n" + "".join(
        _shift(_content(line).rstrip(" \t"), -parent) + "\n" for line in chunk
    )
    try:
        root = yaml.load(fragment)
        cmap = root["k"][0]
    except Exception:
        raise _refused("not-editable", lang, What=what, ref=_shown_ref(item, True),
                       why=_WHY["alias" if "*" in fragment or "<<" in fragment else "yaml"][lang]
                       ) from None
    if getattr(cmap, "merge", None) or cmap.anchor.value is not None:
        raise _refused("not-editable", lang, What=what, ref=_shown_ref(item, True),
                       why=_WHY["alias"][lang])
    _apply_rt(cmap, ops, item, lang)
    out = io.StringIO()
    try:
        yaml.dump(root, out)
    except Exception:
        raise _refused("not-editable", lang, What=what, ref=_shown_ref(item, True),
                       why=_WHY["yaml"][lang]) from None
    dumped = out.getvalue().split("\n")
    if dumped and dumped[-1] == "":
        dumped.pop()
    new_chunk = _unchanged_as_they_were(
        chunk, [_shift(line, parent) + ending for line in dumped[1:]]
    )
    if not final_newline and new_chunk and new_chunk[-1].endswith(ending):
        new_chunk[-1] = new_chunk[-1][: -len(ending)]
    new_text = "".join(lines[:first] + new_chunk + lines[last + 1:])
    return (_BOM if bom else b"") + new_text.encode("utf-8"), (first + 1, last + 1)


# ---------------------------------------------------------------------------- the edit


def _format_diagnostics(diagnostics: Sequence[Diagnostic], lang: str) -> str:
    from clusterctl.reporters import format_text_line

    label = "подсказка" if lang == "ru" else "hint"
    out: list[str] = []
    for d in diagnostics:
        out.append(format_text_line(d))
        if d.hint:
            out.append(f"    {label}: {d.hint}")
    return "\n".join(out)


def _unified(before: bytes, after: bytes, file: str) -> str:
    def lines(data: bytes) -> list[str]:
        text = data[len(_BOM):] if data.startswith(_BOM) else data
        return [_content(line) for line in _split_lines(text.decode("utf-8"))]

    relative = not Path(file).is_absolute()
    old_name, new_name = (f"a/{file}", f"b/{file}") if relative else (file, file)
    diff = difflib.unified_diff(lines(before), lines(after), old_name, new_name, lineterm="")
    return "".join(line + "\n" for line in diff)


_Planner = Callable[[Item, dict[str, Any]], "_Change | str"]
"""Decides the change for an item (given its data as read): the change, or a message when
there is nothing to change."""


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
            raise _refused("write-failed", lang, file=file, error=_write_reason(exc, lang)
                           ) from None
    try:
        with locked(target):
            return _edit_locked(file, target, ref, today, lang, dry_run, plan)
    except WriteError as exc:  # the lock could not be had
        raise _refused("write-failed", lang, file=file, error=_write_reason(exc, lang)
                       ) from None


def _write_reason(exc: WriteError, lang: str) -> str:
    reason = exc.reason
    return os_reason(reason, lang) if isinstance(reason, OSError) else text(
        "write-" + reason, lang)[0]


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
            _msg("file-has-errors", lang, file=file, count=len(errors))
            + "\n" + _format_diagnostics(errors, lang)
        )
    try:
        data = target.read_bytes()
        loaded = load_bytes(data, file, lang)
    except (OSError, LoadError):
        raise _refused("changed-on-disk", lang, file=file) from None
    if loaded.data != before.data:
        raise _refused("changed-on-disk", lang, file=file)
    item = resolve_ref(before.index, ref, file, lang)
    decided = plan(item, _at(loaded.data, item.path))
    shown = _shown_ref(item, _repeats(_addressable(before.index), item))
    if isinstance(decided, str):
        return EditResult(file, shown, "none", decided, changed=False, written=False,
                          after=data)

    expected = copy.deepcopy(loaded.data)
    _apply_plain(_at(expected, item.path), decided.ops)
    # first without the blank lines below the item; again with them if the data read back
    # differs (they belonged to a block text that keeps its line breaks, "|+")
    failure: PlanWriteError | None = None
    tried: set[bytes] = set()
    for keep_blank in (False, True):
        new, lines = _rewrite_item(data, loaded.source, item, decided.ops, lang, keep_blank)
        if new in tried:
            continue
        tried.add(new)
        after = check_bytes(new, file, options)
        if after.errors or after.plan is None:
            errors = [d for d in after.diagnostics if d.is_error]
            failure = failure or PlanWriteError(
                _msg("edit-makes-errors", lang, file=file) + "\n"
                + _format_diagnostics(errors, lang)
            )
        elif after.data != expected:
            failure = failure or _refused("guard", lang, file=file, ref=_shown_ref(item, True))
        else:
            break
    else:
        raise failure or _refused("guard", lang, file=file, ref=_shown_ref(item, True))
    known = {(d.code, d.message) for d in before.diagnostics}
    warnings = tuple(d for d in after.diagnostics if (d.code, d.message) not in known)
    written = False
    if not dry_run:
        _write(target, file, data, new, lang)
        written = True
    return EditResult(
        file, shown, decided.action, decided.message, changed=True, written=written,
        diff=_unified(data, new, file), lines=lines, warnings=warnings, after=new,
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
            raise _refused("changed-on-disk", lang, file=file)
    except OSError as exc:
        raise _refused("write-failed", lang, file=file, error=os_reason(exc, lang)) from None
    try:
        write_atomic(target, new)
    except WriteError as exc:
        raise _refused("write-failed", lang, file=file, error=_write_reason(exc, lang)
                       ) from None


def _reason(reason: str, lang: str) -> str:
    cleaned = " ".join(reason.split())
    if not cleaned:
        raise _refused("reason-required", lang)
    return cleaned


def _names(item: Item, lang: str, file: str) -> dict[str, str]:
    stage = item.stage_id
    in_stage = (f" (этап {stage})" if lang == "ru" else f" (stage {stage})") if stage else ""
    return {
        "file": file,
        "ref": item.ref + in_stage,
        "what": _what(item, lang),
        "What": _what(item, lang, capital=True),
        "what_gen": _what(item, lang, genitive=True),
    }


def _cancel_reason(item: Item, lang: str) -> str:
    return item.work.cancel_reason or ("не указана" if lang == "ru" else "not given")


# ---------------------------------------------------------------------------- public API


def mark_done(
    path: str | Path, ref: str, on: datetime.date | None, today: datetime.date, *,
    lang: str = "ru", dry_run: bool = False,
) -> EditResult:
    """Mark a task or step done: ``status: done`` and ``done_on: ON`` (default: today).

    ON must not be after `today`. Marking again with the same date changes nothing; with
    another date it corrects ``done_on``. A cancelled item is refused (reopen it first).
    """
    day = on or today
    if day > today:
        raise _refused("done-in-future", lang, on=_day(day), today=_day(today))

    def plan(item: Item, node: dict[str, Any]) -> _Change | str:
        names = _names(item, lang, str(path))
        work = item.work
        if work.status is Status.cancelled:
            raise _refused("done-cancelled", lang, reason=_cancel_reason(item, lang), **names)
        if work.status is Status.done and work.done_on == day:
            return _msg("already-done", lang, on=_day(day), **names)
        ops = [_Op("set", "status", "done"), _Op("set", "done_on", day, after=("status",))]
        return _Change("done", _msg("did-done", lang, on=_day(day), **names), ops)

    return _edit(path, ref, today, lang, dry_run, plan)


def reschedule(
    path: str | Path, ref: str, new_due: str, reason: str, today: datetime.date, *,
    lang: str = "ru", dry_run: bool = False,
) -> EditResult:
    """Move a deadline later: ``due: NEW_DUE`` and a ``reschedules`` entry
    ``{from: old due, to: NEW_DUE, reason: REASON, on: today}``.

    NEW_DUE is a deadline phrase read with the stage's period (else the project's), as
    ``clusterctl when`` reads it; it must have an end date later than the old deadline's.
    """
    why = _reason(reason, lang)
    phrase = new_due.strip()  # the author's words as typed (the plan keeps phrases as written)

    def plan(item: Item, node: dict[str, Any]) -> _Change | str:
        names = _names(item, lang, str(path))
        work = item.work
        if work.status in (Status.done, Status.cancelled):
            state = STATUS_WORDS[work.status.value][lang]
            raise _refused("reschedule-closed", lang, state=state, **names)
        old_text = node.get("due")
        if not work.due or old_text is None:
            message = _msg("reschedule-no-due", lang, **names)
            dated = [step_ref(item.task, step, number)
                     for number, step in enumerate(item.task.steps) if step.due]
            if dated:
                message += _msg("reschedule-steps", lang, steps=", ".join(dated))
            raise PlanWriteError(message)
        old_q = quote(" ".join(str(old_text).split()), lang)
        if item.deadline_error is not None:
            error = item.deadline_error
            raise _refused("old-not-understood", lang, old=old_q,
                           reason=error.message_ru if lang == "ru" else error.message_en)
        old = item.deadline
        if old is None or old.due is None:
            kind = old.kind if old is not None else DeadlineKind.UNSCHEDULED
            raise _refused("old-undated", lang, old=old_q, kind=_KIND_WORDS[kind][lang])
        new_q = quote(phrase, lang)
        try:
            new: Deadline = parse_deadline(phrase, item.period)
        except DeadlineError as exc:
            raise _refused(
                "new-not-understood", lang, new=new_q,
                reason=exc.message_ru if lang == "ru" else exc.message_en,
                hint=exc.hint_ru if lang == "ru" else exc.hint_en,
            ) from None
        if new.due is None:
            raise _refused("new-undated", lang, new=new_q, kind=_KIND_WORDS[new.kind][lang])
        if new.due <= old.due:
            raise _refused("not-later", lang, new=new_q, new_end=_day(new.due), old=old_q,
                           old_end=_day(old.due))
        entry = {"from": _Current("due", old_text), "to": phrase, "reason": why, "on": today}
        ops = [
            _Op("set", "due", phrase),
            _Op("append", "reschedules", entry, after=("due",)),
        ]
        message = _msg("did-reschedule", lang, old=old_q, new=new_q, reason=why, **names)
        return _Change("reschedule", message, ops)

    return _edit(path, ref, today, lang, dry_run, plan)


def cancel(
    path: str | Path, ref: str, reason: str, today: datetime.date, *,
    lang: str = "ru", dry_run: bool = False,
) -> EditResult:
    """Cancel a task or step: ``status: cancelled``, ``cancel_reason: REASON``,
    ``cancelled_on: today``. The reason is required; a done or cancelled item is refused."""
    why = _reason(reason, lang)

    def plan(item: Item, node: dict[str, Any]) -> _Change | str:
        names = _names(item, lang, str(path))
        work = item.work
        if work.status is Status.done:
            done_on = _day(work.done_on) if work.done_on else "—"
            raise _refused("cancel-done", lang, on=done_on, **names)
        if work.status is Status.cancelled:
            raise _refused("already-cancelled", lang, reason=_cancel_reason(item, lang),
                           **names)
        ops = [
            _Op("set", "status", "cancelled"),
            _Op("set", "cancel_reason", why, after=("status",)),
            _Op("set", "cancelled_on", today, after=("cancel_reason", "status")),
        ]
        return _Change("cancel", _msg("did-cancel", lang, reason=why, **names), ops)

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
        raise _refused("bad-status", lang, status=quote(value, lang))

    def plan(item: Item, node: dict[str, Any]) -> _Change | str:
        names = _names(item, lang, str(path))
        word = STATUS_WORDS[value][lang]
        if item.work.status.value == value:
            return _msg("same-status", lang, status=word, **names)
        ops = [_Op("set", "status", value)]
        removed = [key for key in ("done_on", "cancel_reason", "cancelled_on") if key in node]
        ops.extend(_Op("delete", key) for key in removed)
        extra = _msg("removed", lang, fields=", ".join(removed)) if removed else ""
        return _Change("status", _msg("did-status", lang, status=word, removed=extra, **names),
                       ops)

    return _edit(path, ref, today, lang, dry_run, plan)
