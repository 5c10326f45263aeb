"""The line splice of an edit: only the lines of one task or step are cut out of the file,
read with ruamel.yaml in round-trip mode (quotes, comments, block texts kept; the file's own
indentation), changed, written back in place; every other byte stays as it was, and the lines
of the item the edit does not change stay byte for byte (trailing spaces and tabs too)."""

from __future__ import annotations

import datetime
import difflib
import io
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clusterctl.edit.refs import refused, shown_ref, what
from clusterctl.i18n import t
from clusterctl.model.index import Item
from clusterctl.source.loader import SourceMap

BOM = b"\xef\xbb\xbf"


_WIDTH = 1_000_000


_TAIL_KEYS = ("steps", "event", "outcome")


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


@dataclass(slots=True)
class Op:
    kind: str
    """"set", "append" (to a list) or "delete"."""
    key: str
    value: Any = None
    """What the loader will read back (strings as written; dates as YYYY-MM-DD)."""
    after: tuple[str, ...] = ()
    """Keys to put a new key after (the first one present, if it is safe)."""


@dataclass(frozen=True, slots=True)
class Current:
    """The value `key` has in the file before the edit, written as it was written."""

    key: str
    plain: Any
    """What the loader read for it."""


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
    `Current` becomes the old value as it was written (same quotes; a block text as a
    plain one)."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    if isinstance(value, dict):
        out = CommentedMap()
        for key, item in value.items():
            out[key] = _rt_value(item, old)
        return out
    if isinstance(value, Current):
        current = old.get(value.key)
        if isinstance(current, (FoldedScalarString, LiteralScalarString)):
            return str(current)
        return current
    return value


def _plain(value: Any) -> Any:
    """How the project's loader reads `value` back."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, Current):
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


def _apply_rt(cmap: Any, ops: Sequence[Op], item: Item, lang: str) -> None:
    from ruamel.yaml.comments import CommentedSeq

    old = {key: cmap[key] for key in cmap}
    for op in ops:
        if op.kind == "set":
            _insert(cmap, op.key, _rt_value(op.value, old), op.after)
        elif op.kind == "append":
            seq = cmap.get(op.key)
            if seq is None:
                seq = CommentedSeq()
                if not isinstance(op.value, dict):  # a list of days: on one line
                    seq.fa.set_flow_style()
                _insert(cmap, op.key, seq, op.after)
            seq.append(_rt_value(op.value, old))
        elif op.kind == "delete" and op.key in cmap:
            if any(str(getattr(t, "value", "")).strip() for t in _comment_tokens(cmap, op.key)):
                raise refused("edit.field-has-comment", lang, field=op.key,
                               ref=shown_ref(item, True))
            del cmap[op.key]


def apply_plain(data: dict[str, Any], ops: Sequence[Op]) -> None:
    for op in ops:
        if op.kind == "set":
            data[op.key] = _plain(op.value)
        elif op.kind == "append":
            if data.get(op.key) is None:
                data[op.key] = []
            data[op.key].append(_plain(op.value))
        elif op.kind == "delete":
            data.pop(op.key, None)


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


def rewrite_item(
    data: bytes, source: SourceMap, item: Item, ops: list[Op], lang: str,
    keep_blank: bool = False,
) -> tuple[bytes, tuple[int, int]]:
    """The file's bytes with the item's lines rewritten by `ops` (everything else as is)."""
    bom = data.startswith(BOM)
    text = data[len(BOM):].decode("utf-8") if bom else data.decode("utf-8")
    lines = _split_lines(text)
    thing = what(item, lang, capital=True)
    first, last, parent, why = _item_lines(lines, source, item.path, keep_blank)
    if why:
        raise refused("edit.not-editable", lang, What=thing, ref=shown_ref(item, True),
                       why=t("edit.why." + why, lang))
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
        cause = "alias" if "*" in fragment or "<<" in fragment else "yaml"
        raise refused("edit.not-editable", lang, What=thing, ref=shown_ref(item, True),
                      why=t("edit.why." + cause, lang)) from None
    if getattr(cmap, "merge", None) or cmap.anchor.value is not None:
        raise refused("edit.not-editable", lang, What=thing, ref=shown_ref(item, True),
                       why=t("edit.why.alias", lang))
    _apply_rt(cmap, ops, item, lang)
    out = io.StringIO()
    try:
        yaml.dump(root, out)
    except Exception:
        raise refused("edit.not-editable", lang, What=thing, ref=shown_ref(item, True),
                       why=t("edit.why.yaml", lang)) from None
    dumped = out.getvalue().split("\n")
    if dumped and dumped[-1] == "":
        dumped.pop()
    new_chunk = _unchanged_as_they_were(
        chunk, [_shift(line, parent) + ending for line in dumped[1:]]
    )
    if not final_newline and new_chunk and new_chunk[-1].endswith(ending):
        new_chunk[-1] = new_chunk[-1][: -len(ending)]
    new_text = "".join(lines[:first] + new_chunk + lines[last + 1:])
    return (BOM if bom else b"") + new_text.encode("utf-8"), (first + 1, last + 1)


def unified(before: bytes, after: bytes, file: str) -> str:
    def lines(data: bytes) -> list[str]:
        text = data[len(BOM):] if data.startswith(BOM) else data
        return [_content(line) for line in _split_lines(text.decode("utf-8"))]

    relative = not Path(file).is_absolute()
    old_name, new_name = (f"a/{file}", f"b/{file}") if relative else (file, file)
    diff = difflib.unified_diff(lines(before), lines(after), old_name, new_name, lineterm="")
    return "".join(line + "\n" for line in diff)
