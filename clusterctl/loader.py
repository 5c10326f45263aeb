"""Safe YAML loading with a source map.

`load_file(path)` turns a plan file into plain data (dicts, lists, strings, None) plus a
`SourceMap` that knows the line and column of every key and value. It is built in one pass
straight from libyaml's parser events (the C parser when PyYAML has it), so:

* nothing is ever constructed from a tag: `!!python/...` and any other unknown tag is an
  error, never an object;
* duplicate keys are an error (PyYAML would silently keep the last one: data loss);
* depth, node count and alias expansion are counted while parsing, before anything walks the
  data, so alias bombs and deeply nested brackets stop with a message (libyaml's own parser
  is not recursive, so depth cannot crash it);
* the bytes are checked first: size cap, regular file, encoding (UTF-8, with or without BOM;
  anything else is named, e.g. Windows-1251), NUL bytes.

Scalars stay strings as written (YAML 1.2-style, no implicit typing): `1.10` is the task id
"1.10", not the float 1.1; `yes` stays "yes". Only `null`, `~` and empty values become None.
The models convert strings to numbers, dates and booleans where a field asks for them.
Explicit standard tags (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq`)
are honoured.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from yaml import events as ev

from clusterctl.diagnostics import FILE_START, Diagnostic, Severity, Span
from clusterctl.errors import LoadError
from clusterctl.i18n import os_reason, quote, text

try:  # the libyaml C parser when PyYAML was built with it
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

MAX_BYTES = 8 * 1024 * 1024
"""Files larger than this are refused (a plan is a few dozen kilobytes)."""
MAX_DEPTH = 64
"""Deepest nesting of mappings and lists accepted (a plan needs about ten)."""
MAX_NODES = 2_000_000
"""Most YAML nodes one file may hold."""
MAX_ALIASED = 100_000
"""Most nodes that aliases may add to the data when expanded (alias bomb guard)."""

_YAML_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {
    _YAML_TAG + "str",
    _YAML_TAG + "int",
    _YAML_TAG + "float",
    _YAML_TAG + "bool",
    _YAML_TAG + "null",
    _YAML_TAG + "timestamp",
}
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"})
_FALSE = frozenset({"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"})

Pos = tuple[int, int, int, int]
"""0-based (line, column, end_line, end_column) as libyaml reports them."""


@dataclass(slots=True)
class MapPos:
    span: Pos
    keys: dict[str, tuple[Pos, Pos]] = field(default_factory=dict)
    """key -> (span of the key, span of the value)"""


@dataclass(slots=True)
class SeqPos:
    span: Pos
    items: list[Pos] = field(default_factory=list)


def _span(pos: Pos) -> Span:
    return Span(pos[0] + 1, pos[1] + 1, pos[2] + 1, pos[3] + 1)


class SourceMap:
    """Finds the line and column of a value (or key) from its path in the data.

    Positions are recorded per container (keyed by the container's identity, which the data
    keeps alive), so a lookup walks the data along the path: nothing is computed for files
    that have no findings.
    """

    def __init__(self, root: Any, positions: dict[int, MapPos | SeqPos], root_span: Pos) -> None:
        self.root = root
        self._positions = positions
        self._root_span = root_span
        self.commented: list[tuple[str | int, ...]] = []
        """Data paths of plain values followed by a comment on their line: `result: Акт # 5`
        reads as «Акт» (the `comment-in-value` check)."""

    def _walk(self, path: tuple[str | int, ...], want_key: bool) -> Span:
        node = self.root
        best = self._root_span
        for index, step in enumerate(path):
            pos = self._positions.get(id(node))
            if isinstance(node, dict) and isinstance(step, str) and step in node:
                if isinstance(pos, MapPos) and step in pos.keys:
                    key_span, value_span = pos.keys[step]
                    last = index == len(path) - 1
                    best = key_span if (want_key and last) else value_span
                node = node[step]
            elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
                if isinstance(pos, SeqPos) and step < len(pos.items):
                    best = pos.items[step]
                node = node[step]
            else:
                # a step the data does not have (pydantic's union tags such as 'str' or
                # 'list[str]', or a missing key): skip it and keep the deepest place found
                continue
        return _span(best)

    def value_span(self, path: tuple[str | int, ...]) -> Span:
        return self._walk(path, want_key=False)

    def key_span(self, path: tuple[str | int, ...]) -> Span:
        """The span of the key of the last path step (of the value for list items)."""
        return self._walk(path, want_key=True)



@dataclass(slots=True)
class Loaded:
    data: dict[str, Any]
    source: SourceMap
    text_lines: int


# --------------------------------------------------------------------------- bytes


def _error(file: str, span: Span, code: str, lang: str, **params: Any) -> LoadError:
    message, hint = text(code, lang, **params)
    return LoadError([Diagnostic.at(file, span, Severity.ERROR, code, message, hint)])


def read_bytes(path: Path, display: str, lang: str, max_bytes: int = MAX_BYTES) -> bytes:
    """Read a plan file's bytes, refusing non-regular files and files over the size cap."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise _error(display, FILE_START, "unreadable", lang,
                     reason=os_reason(exc, lang)) from None
    if not stat.S_ISREG(st.st_mode):
        what = (
            "directory" if stat.S_ISDIR(st.st_mode)
            else "fifo" if stat.S_ISFIFO(st.st_mode)
            else "device" if (stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode))
            else "socket" if stat.S_ISSOCK(st.st_mode)
            else "special"
        )
        raise _error(display, FILE_START, "not-a-regular-file", lang, kind=_KINDS[what][lang])
    if st.st_size > max_bytes:
        raise _error(
            display, FILE_START, "file-too-large", lang,
            **_sizes(st.st_size, max_bytes, lang),
        )
    try:
        with open(path, "rb") as handle:
            # the size stat gave, and one byte more to see growth: read(max_bytes + 1) would
            # allocate the whole cap (8 MB) for every file, ≈ 0.06 ms of a 40 KB plan's read
            data = handle.read(st.st_size + 1)
            if len(data) > st.st_size:  # grew since stat (or a size the system does not
                data += handle.read(max_bytes + 1 - len(data))  # know): read on to the cap
    except OSError as exc:
        raise _error(display, FILE_START, "unreadable", lang,
                     reason=os_reason(exc, lang)) from None
    if len(data) > max_bytes:  # grew while we looked
        raise _error(
            display, FILE_START, "file-too-large", lang,
            **_sizes(len(data), max_bytes, lang),
        )
    return data


_KINDS: dict[str, dict[str, str]] = {
    "directory": {"ru": "папка", "en": "a directory"},
    "fifo": {"ru": "именованный канал FIFO", "en": "a FIFO"},
    "device": {"ru": "устройство", "en": "a device"},
    "socket": {"ru": "сокет", "en": "a socket"},
    "special": {"ru": "особый файл", "en": "a special file"},
    "list": {"ru": "список", "en": "a list"},
    "text": {"ru": "просто текст", "en": "plain text"},
    "empty": {"ru": "он пустой", "en": "it is empty"},
    "comments": {"ru": "в нём только комментарии", "en": "it holds only comments"},
}
"""Words that fill the {kind} of loader messages."""


def _number(value: int, lang: str) -> str:
    """100000 -> "100 000" (Russian) / "100,000" (English)."""
    return f"{value:,}".replace(",", " " if lang == "ru" else ",")


def _sizes(size: int, limit: int, lang: str) -> dict[str, str]:
    """The {size} and {limit} of file-too-large, in bytes when rounding would make them equal."""
    shown, cap = _megabytes(size, lang), _megabytes(limit, lang)
    if shown == cap:
        unit = " байт" if lang == "ru" else " bytes"
        shown, cap = _number(size, lang) + unit, _number(limit, lang) + unit
    return {"size": shown, "limit": cap}


def _megabytes(size: int, lang: str = "en") -> str:
    """A file size for messages: "9.0 MB" / "9,0 МБ"; small sizes in KB or bytes."""
    ru = lang == "ru"
    if size >= 1024 * 1024:
        shown, unit = f"{size / (1024 * 1024):.1f}", "МБ" if ru else "MB"
    elif size >= 1024:
        shown, unit = f"{size / 1024:.1f}", "КБ" if ru else "KB"
    else:
        shown, unit = str(size), "байт" if ru else "bytes"
    return f"{shown.replace('.', ',') if ru else shown} {unit}"


def _line_col_of_offset(data: bytes, offset: int) -> Span:
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    if start == 0 and data.startswith(b"\xef\xbb\xbf") and offset >= 3:
        start = 3  # editors do not count the BOM as a column
    column = len(data[start:offset].decode("utf-8", errors="replace")) + 1
    return Span.point(line, column)


def guess_encoding(data: bytes) -> str | None:
    """Name the encoding a non-UTF-8 file most likely uses (charset-normalizer)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536], cp_isolation=None).best()
    if best is None:
        return None
    names = {
        "cp1251": "Windows-1251",
        "koi8_r": "KOI8-R",
        "cp866": "CP866 (DOS)",
        "cp1125": "CP866 (DOS)",
        "mac_cyrillic": "Mac Cyrillic",
        "iso8859_5": "ISO-8859-5",
        "utf_16": "UTF-16",
        "utf_16_le": "UTF-16",
        "utf_16_be": "UTF-16",
        "latin_1": "Latin-1",
    }
    encoding: str = best.encoding
    return names.get(encoding, encoding)


def check_encoding(data: bytes, display: str, lang: str) -> None:
    """Refuse anything that is not UTF-8 text (a UTF-8 BOM is fine)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _error(display, FILE_START, "encoding", lang, encoding="UTF-16")
    nul = data.find(b"\x00")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if nul != -1 and nul <= exc.start:
            raise _error(display, _line_col_of_offset(data, nul), "nul-byte", lang) from None
        # mostly valid UTF-8 with a stray bad byte, or a whole file in another encoding?
        valid_prefix = exc.start
        if valid_prefix > 0 and _is_mostly_utf8(data):
            raise _error(
                display, _line_col_of_offset(data, exc.start), "invalid-utf8", lang,
                byte=f"0x{data[exc.start]:02X}",
            ) from None
        guessed = guess_encoding(data) or "?"
        raise _error(
            display, _line_col_of_offset(data, exc.start), "encoding", lang, encoding=guessed
        ) from None
    if nul != -1:
        raise _error(display, _line_col_of_offset(data, nul), "nul-byte", lang)


def _is_mostly_utf8(data: bytes) -> bool:
    decoded = data.decode("utf-8", errors="replace")
    bad = decoded.count("\ufffd")
    non_ascii = sum(1 for ch in decoded if ord(ch) > 127)
    return non_ascii > 0 and bad * 4 < non_ascii


# --------------------------------------------------------------------------- YAML

_INVISIBLE_CATEGORIES = frozenset({"Cf", "Zs", "Zl", "Zp", "Cc", "Co", "Cn"})


def _invisible_in(key: str) -> str | None:
    """The first invisible or space-like character of a non-ASCII key, as U+XXXX."""
    for ch in key:
        if ord(ch) > 127 and unicodedata.category(ch) in _INVISIBLE_CATEGORIES:
            return f"U+{ord(ch):04X} {unicodedata.name(ch, '')}".strip()
    return None


def _scalar_value(event: ev.ScalarEvent, file: str, lang: str) -> Any:
    value: str = event.value
    tag = event.tag
    plain = event.style in (None, "")
    if tag is None or tag == "!":
        if plain and value in _NULLS:
            return None
        return value
    if tag not in _SCALAR_TAGS:
        raise _unknown_tag(event, file, lang)
    kind = tag[len(_YAML_TAG):]
    try:
        if kind == "null":
            return None
        if kind == "int":
            return int(value.replace("_", ""), 0)
        if kind == "float":
            return float(value.replace("_", ""))
        if kind == "bool":
            if value in _TRUE:
                return True
            if value in _FALSE:
                return False
            raise ValueError(value)
    except ValueError:
        raise _error(
            file, _mark_span(event), "bad-tagged-value", lang, tag=f"!!{kind}", value=value
        ) from None
    return value


def _mark_span(event: ev.Event) -> Span:
    line, column, end_line, end_column = _pos(event)
    return Span(line + 1, column + 1, end_line + 1, end_column + 1)


def _unknown_tag(event: ev.NodeEvent, file: str, lang: str) -> LoadError:
    tag = str(getattr(event, "tag", ""))
    shown = "!!" + tag[len(_YAML_TAG):] if tag.startswith(_YAML_TAG) else tag
    # `!!python/...`, `!!binary`, `!!set`: types of programs; `!!!` or `!Важно` is just text
    # that happens to start with "!"
    suffix = tag[len(_YAML_TAG):] if tag.startswith(_YAML_TAG) else ""
    unsafe = "python" in tag.lower() or (suffix[:1].isascii() and suffix[:1].isalpha())
    code = "unsafe-tag" if unsafe else "unknown-tag"
    return _error(file, _mark_span(event), code, lang, tag=shown)


class _Frame:
    __slots__ = (
        "anchor", "container", "is_list", "key", "key_pos", "merges", "pos", "start_count",
    )

    def __init__(
        self, container: Any, pos: MapPos | SeqPos, anchor: str | None, start_count: int
    ) -> None:
        self.container = container
        self.is_list = isinstance(container, list)
        self.pos = pos
        self.anchor = anchor
        self.start_count = start_count
        self.key: Any = _NO_KEY
        self.key_pos: Pos = (0, 0, 0, 0)
        self.merges: list[tuple[Any, Pos]] | None = None


_NO_KEY = object()
_MERGE = object()


def _pos(event: ev.Event) -> Pos:
    s, e = event.start_mark, event.end_mark
    if s is None or e is None:  # pragma: no cover - libyaml always sets marks
        return (0, 0, 0, 0)
    return (s.line, s.column, e.line, e.column)


def parse_yaml(data: bytes | str, file: str, lang: str) -> tuple[Any, SourceMap]:
    """Parse one YAML document into plain data and its source map (see the module doc)."""
    parser = _Parser(data)
    progress = _Progress()
    try:
        return _build(parser, file, lang, data, progress)
    except yaml.MarkedYAMLError as exc:
        if "maximum nesting depth" in str(exc.problem):
            # libyaml (PyYAML 6.0.2 and later) stops deep nesting itself, at its own limit
            # and often before its events reach `_build` (a flow collection is scanned ahead):
            # the same `too-deep` finding at the same place as our own limit gives
            raise _error(file, _too_deep_span(data, progress, exc), "too-deep", lang,
                         limit=MAX_DEPTH) from None
        raise _syntax_error(exc, file, lang, data) from None
    except yaml.reader.ReaderError as exc:  # a control character: located by its offset
        raise _reader_error(exc, file, lang, data) from None
    except yaml.YAMLError:  # pragma: no cover - libyaml's errors carry a mark
        raise _error(file, FILE_START, "yaml-syntax", lang,
                     problem=_problem_words("", lang)) from None
    finally:
        parser.dispose()


class _Progress:
    """How far `_build` got: the end of the last event it took and the depth there (to place
    a nesting error that libyaml raises while scanning ahead)."""

    __slots__ = ("depth", "end")

    def __init__(self) -> None:
        self.depth = 0
        self.end: tuple[int, int] = (0, 0)


def _too_deep_span(data: bytes | str, progress: _Progress, exc: yaml.MarkedYAMLError) -> Span:
    """Where the nesting first goes over `MAX_DEPTH`: counted from the last event `_build`
    took, over the flow brackets that follow (outside quotes and comments); libyaml's own
    mark when the count does not get there (block nesting, which it streams event by event,
    reaches our limit in `_build` first)."""
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    lines = text.split("\n")
    line, column = progress.end
    depth = progress.depth
    quote_char = ""
    while line < len(lines):
        row = lines[line]
        if line == 0 and row.startswith("\ufeff"):
            row = row[1:]
        while column < len(row):
            char = row[column]
            if quote_char:
                if char == "\\" and quote_char == '"':
                    column += 1
                elif char == quote_char:
                    quote_char = ""
            elif char in "'\"":
                quote_char = char
            elif char == "#" and (column == 0 or row[column - 1] in " \t"):
                break
            elif char in "[{":
                depth += 1
                if depth > MAX_DEPTH:
                    return Span.point(line + 1, column + 1)
            elif char in "]}":
                depth -= 1
            column += 1
        line, column = line + 1, 0
    mark = exc.problem_mark or exc.context_mark
    return FILE_START if mark is None else Span.point(mark.line + 1, mark.column + 1)


def _build(parser: Any, file: str, lang: str, data: bytes | str,
           progress: _Progress) -> tuple[Any, SourceMap]:
    positions: dict[int, MapPos | SeqPos] = {}
    anchors: dict[str, tuple[Any, int]] = {}
    stack: list[_Frame] = []
    nodes = 0
    expanded = 0
    aliased = 0
    root: Any = _NO_KEY
    root_pos: Pos = (0, 0, 0, 0)
    documents = 0
    get_event = parser.get_event
    check_event = parser.check_event
    scalar_event = ev.ScalarEvent
    hashes = _comment_lines(data)
    commented: list[tuple[str | int, ...]] = []

    while check_event():
        event = get_event()
        etype = type(event)
        value: Any
        value_pos: Pos
        if etype is scalar_event:
            # the hot path: most events are plain or quoted scalars without tags
            nodes += 1
            expanded += 1
            sm = event.start_mark
            em = event.end_mark
            value_pos = (sm.line, sm.column, em.line, em.column)
            if event.tag is None:
                value = event.value
                if not event.style:  # plain
                    if value == "<<" and stack:
                        frame = stack[-1]
                        if frame.key is _NO_KEY and not frame.is_list:
                            frame.key = _MERGE
                            frame.key_pos = value_pos
                            continue
                    if value in _NULLS:
                        value = None
                    elif em.line in hashes and stack and _comment_follows(data, em.line,
                                                                          em.column):
                        path = _value_path(stack)
                        if path is not None:
                            commented.append(path)
            else:
                value = _scalar_value(event, file, lang)
            if event.anchor is not None:
                anchors[event.anchor] = (value, 1)
        elif etype is ev.MappingStartEvent or etype is ev.SequenceStartEvent:
            if event.tag is not None and event.tag not in (
                _YAML_TAG + "map", _YAML_TAG + "seq", _YAML_TAG + "omap", "!"
            ):
                raise _unknown_tag(event, file, lang)
            nodes += 1
            expanded += 1
            if len(stack) >= MAX_DEPTH:
                raise _error(file, _mark_span(event), "too-deep", lang, limit=MAX_DEPTH)
            if nodes > MAX_NODES:
                raise _error(file, _mark_span(event), "too-many-nodes", lang,
                             limit=_number(MAX_NODES, lang))
            container: Any
            if etype is ev.MappingStartEvent:
                container = {}
                pos_entry: MapPos | SeqPos = MapPos(_pos(event))
            else:
                container = []
                pos_entry = SeqPos(_pos(event))
            positions[id(container)] = pos_entry
            stack.append(_Frame(container, pos_entry, event.anchor, expanded))
            progress.depth = len(stack)
            progress.end = (event.end_mark.line, event.end_mark.column)
            if event.anchor is not None:
                anchors[event.anchor] = (container, 0)  # size filled in at its end
            continue
        elif etype is ev.MappingEndEvent or etype is ev.SequenceEndEvent:
            frame = stack.pop()
            s = frame.pos.span
            frame.pos.span = (s[0], s[1], event.end_mark.line, event.end_mark.column)
            if frame.merges:
                _apply_merges(frame, file, lang)
            value = frame.container
            value_pos = frame.pos.span
            if frame.anchor is not None:
                anchors[frame.anchor] = (value, expanded - frame.start_count + 1)
        elif etype is ev.AliasEvent:
            nodes += 1
            found = anchors.get(event.anchor)
            if found is None:
                raise _error(file, _mark_span(event), "unknown-alias", lang, alias=event.anchor)
            value, size = found
            if size == 0:  # an alias to a container still open: a recursive structure
                raise _error(file, _mark_span(event), "recursive-alias", lang, alias=event.anchor)
            expanded += size
            aliased += size
            if aliased > MAX_ALIASED:
                raise _error(file, _mark_span(event), "alias-bomb", lang,
                             limit=_number(MAX_ALIASED, lang))
            value_pos = _pos(event)
        elif etype is ev.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _error(file, _mark_span(event), "multiple-documents", lang)
            continue
        else:  # stream start/end, document end
            continue

        # attach `value` to its parent
        progress.depth = len(stack)
        progress.end = (value_pos[2], value_pos[3])
        if not stack:
            root = value
            root_pos = value_pos
            continue
        frame = stack[-1]
        parent = frame.container
        if frame.is_list:
            parent.append(value)
            frame.pos.items.append(value_pos)  # type: ignore[union-attr]
        elif frame.key is _NO_KEY:
            if isinstance(value, (dict, list)) or (
                etype is ev.AliasEvent and isinstance(value, (dict, list))
            ):
                raise _error(file, _span(value_pos), "complex-key", lang)
            key = "" if value is None else str(value)
            if key == "":
                raise _error(file, _span(value_pos), "empty-key", lang)
            if not key.isascii():
                invisible = _invisible_in(key)
                if invisible is not None:
                    raise _error(
                        file, _span(value_pos), "invisible-character", lang,
                        key=key.encode("unicode_escape").decode("ascii"), char=invisible,
                    )
            if key in parent:
                first = frame.pos.keys[key][0]  # type: ignore[union-attr]
                raise _error(
                    file, _span(value_pos), "duplicate-key", lang,
                    key=quote(key, lang), first_line=first[0] + 1,
                )
            frame.key = key
            frame.key_pos = value_pos
        elif frame.key is _MERGE:
            if frame.merges is None:
                frame.merges = []
            frame.merges.append((value, value_pos))
            frame.key = _NO_KEY
        else:
            parent[frame.key] = value
            frame.pos.keys[frame.key] = (frame.key_pos, value_pos)  # type: ignore[union-attr]
            frame.key = _NO_KEY

    if documents == 0 or root is _NO_KEY or root is None:
        raise _error(file, FILE_START, "empty-file", lang, kind=_KINDS[
            "comments" if _has_comments(data) else "empty"][lang])
    source = SourceMap(root, positions, root_pos)
    source.commented = commented
    return root, source


def _comment_lines(data: bytes | str) -> frozenset[int]:
    """0-based numbers of the lines where a `#` follows a space or a tab (a comment may
    start there); empty for most plans."""
    raw = data.encode("utf-8", errors="replace") if isinstance(data, str) else data
    if b" #" not in raw and b"\t#" not in raw:
        return frozenset()
    return frozenset(n for n, line in enumerate(raw.split(b"\n"))
                     if b" #" in line or b"\t#" in line)


def _comment_follows(data: bytes | str, line: int, column: int) -> bool:
    """Whether a comment comes right after column `column` of line `line`."""
    rest = _line_at(data, line)[column:]
    stripped = rest.lstrip(" \t")
    return stripped.startswith("#") and len(stripped) < len(rest)


def _value_path(stack: list[_Frame]) -> tuple[str | int, ...] | None:
    """The data path of the value about to be attached to the innermost container (None
    when it is a key)."""
    path: list[str | int] = []
    for frame in stack:
        if frame.is_list:
            path.append(len(frame.container))
        elif isinstance(frame.key, str):
            path.append(frame.key)
        else:
            return None
    return tuple(path)


def _has_comments(data: bytes | str) -> bool:
    raw = data.encode("utf-8", errors="replace") if isinstance(data, str) else data
    return any(line.lstrip().startswith(b"#") for line in raw.splitlines())


def _apply_merges(frame: _Frame, file: str, lang: str) -> None:
    """YAML merge keys: `<<: *base` or `<<: [*a, *b]`; explicit keys win, earlier merges win."""
    mapping: dict[str, Any] = frame.container
    pos: MapPos = frame.pos  # type: ignore[assignment]
    for value, value_pos in frame.merges or []:
        sources = value if isinstance(value, list) else [value]
        for source in sources:
            if not isinstance(source, dict):
                raise _error(file, _span(value_pos), "bad-merge", lang)
            for key, item in source.items():
                if key not in mapping:
                    mapping[key] = item
                    pos.keys[key] = (value_pos, value_pos)


_SYNTAX_HINTS = (
    ("found character '\\t'", "tab"),
    ("found character that cannot start any token", "cannot-start"),
    ("found a tab character", "tab"),
    ("mapping values are not allowed", "colon"),
    ("found character '@'", "reserved-char"),
    ("found character '`'", "reserved-char"),
    ("while scanning a tag", "reserved-char"),
    ("while parsing a tag", "reserved-char"),
    ("while scanning a directive", "directive"),
    ("while scanning a block scalar did not find expected comment", "reserved-char"),
    ("found undefined alias", "star"),
    ("did not find expected alphabetic or numeric character", "star"),
    ("found unexpected end of stream", "unclosed-quote"),
    ("could not find expected ':'", "missing-colon"),
    ("did not find expected ',' or ']'", "unclosed-bracket"),
    ("did not find expected ',' or '}'", "unclosed-bracket"),
    ("found unknown escape character", "escape"),
    ("did not find expected hexdecimal number", "escape"),
    ("block sequence entries are not allowed", "dash"),
    ("did not find expected key", "indentation"),
    ("did not find expected '-' indicator", "indentation"),
    ("did not find expected node content", "node-content"),
    ("found unexpected ':'", "colon"),
    ("expected <document start>", "indentation"),
    ("control characters are not allowed", "control-char"),
    ("found incompatible YAML document", "yaml-version"),
    ("found duplicate anchor", "duplicate-anchor"),
)
_CLOSING = {"[": "]", "{": "}"}


def _reader_error(exc: yaml.reader.ReaderError, file: str, lang: str, data: bytes | str
                  ) -> LoadError:
    raw = data if isinstance(data, bytes) else data.encode("utf-8")
    offset = exc.position  # libyaml counts bytes of the UTF-8 text, also for `str` input
    character = exc.character
    code = character if isinstance(character, int) else ord(character[:1] or "\0")
    message, hint = text("yaml-syntax-control-char", lang, char=f"U+{code:04X}")
    return LoadError([Diagnostic.at(
        file, _line_col_of_offset(raw, offset), Severity.ERROR, "yaml-syntax", message, hint
    )])


def _syntax_error(exc: yaml.MarkedYAMLError, file: str, lang: str, data: bytes | str) -> LoadError:
    """A libyaml error as a located diagnostic with a plain-words message and hint.

    libyaml reports where it gave up; for a few mistakes the place to fix is elsewhere, so the
    position moves to the offending token: the opening quote of an unclosed quote, the key
    that lacks its colon, the `*` of a value taken for an alias, the opening bracket.
    """
    problem_mark, context_mark = _as_mark(exc.problem_mark), _as_mark(exc.context_mark)
    mark = problem_mark or context_mark
    problem = " ".join(str(part) for part in (exc.context, exc.problem) if part)
    kind = "other"
    for needle, name in _SYNTAX_HINTS:
        if needle in problem:
            kind = name
            break
    params: dict[str, str] = {}
    if mark is not None and kind in ("other", "cannot-start", "node-content"):
        char = _char_at(data, mark.line, mark.column)
        if char == "\t" or (kind == "other" and _line_has_tab_indent(data, mark.line)):
            kind = "tab"
        elif char in ("@", "`") or (kind == "cannot-start" and char in ("%", "@", "`")):
            kind = "reserved-char"
        elif kind == "cannot-start":
            kind = "other"
    if kind in ("unclosed-quote", "missing-colon", "star", "unclosed-bracket") or (
        kind == "reserved-char" and ("a tag" in problem or "block scalar" in problem)
    ) or kind == "directive":
        # libyaml stops after the token; the mistake is where the token starts
        mark = context_mark or mark
    if mark is not None and kind == "unclosed-quote" and _char_at(
        data, mark.line, mark.column
    ) not in ("'", '"'):
        kind = "other"
    line_text = _line_at(data, mark.line) if mark is not None else ""
    if mark is not None and kind == "colon":
        before = line_text[: mark.column]
        if ": " not in before.lstrip(" -") and not before.lstrip().startswith("- "):
            # no key on this line before the colon: the line continues the value above
            kind = "continuation"
            mark = _first_char_mark(mark, line_text)
    elif mark is not None and kind == "indentation" and line_text[: mark.column].strip():
        kind = "trailing-text"
    elif mark is not None and kind == "indentation" and line_text[mark.column:].startswith(": "):
        return _error(file, Span.point(mark.line + 1, mark.column + 1), "empty-key", lang)
    elif mark is not None and kind == "escape":
        backslash = line_text.rfind("\\", 0, mark.column + 1)
        if backslash != -1:
            mark = _moved(mark, backslash)
    if mark is not None and kind == "control-char":
        params = {"char": f"U+{ord(_char_at(data, mark.line, mark.column) or chr(0)):04X}"}
    if mark is not None and kind in ("reserved-char", "unclosed-bracket"):
        char = _char_at(data, mark.line, mark.column)
        params = {"char": char, "closing": _CLOSING.get(char, "")}
        if not char or (kind == "unclosed-bracket" and char not in _CLOSING):
            kind = "other"
    span = FILE_START if mark is None else Span.point(mark.line + 1, mark.column + 1)
    if kind == "tab":
        return _error(file, span, "tab", lang)
    message, hint = text("yaml-syntax", lang, problem=_problem_words(problem, lang))
    specific_message, specific_hint = text("yaml-syntax-" + kind, lang, **params)
    return LoadError(
        [
            Diagnostic.at(
                file, span, Severity.ERROR, "yaml-syntax",
                specific_message or message, specific_hint or hint,
            )
        ]
    )


_PROBLEMS_RU = (
    ("duplicate %YAML directive", "директива %YAML повторяется"),
    ("duplicate %TAG directive", "директива %TAG повторяется"),
    ("incompatible YAML document", "документ другой версии YAML"),
    ("undefined tag handle", "неизвестный префикс тега «!»"),
    ("unexpected document indicator", "строка «---» или «...» посреди текста"),
    ("unexpected end of stream", "файл кончился раньше, чем закрылись кавычки или скобки"),
    ("indentation indicator equal to 0", "у блока текста «|» или «>» отступ 0"),
    ("did not find expected <document start>", "лишний текст после конца документа"),
    ("did not find expected comment or line break",
     "после «|» или «>» в той же строке лишний текст"),
    ("found unexpected end of stream", "файл кончился раньше времени"),
    ("found character that cannot start any token", "знак, с которого не может начинаться "
     "значение"),
)
"""libyaml's problem texts that reach the generic message, in Russian (the specific ones
have messages of their own: `_SYNTAX_HINTS`)."""


def _problem_words(problem: str, lang: str) -> str:
    """libyaml's description of a problem, in the user's language: English as libyaml says
    it; Russian from `_PROBLEMS_RU`, or a plain «разметка нарушена» — never an English
    sentence inside a Russian message."""
    if lang != "ru":
        return problem or "the markup is broken here"
    for needle, words in _PROBLEMS_RU:
        if needle in problem:
            return words
    return "разметка в этом месте нарушена"


class _Mark(NamedTuple):  # a named tuple: its class costs 10x less to create at start-up
    line: int
    column: int


def _as_mark(mark: yaml.Mark | None) -> _Mark | None:
    return None if mark is None else _Mark(mark.line, mark.column)


def _moved(mark: _Mark, column: int) -> _Mark:
    return _Mark(mark.line, column)


def _first_char_mark(mark: _Mark, line_text: str) -> _Mark:
    stripped = line_text.lstrip(" ")
    return _Mark(mark.line, len(line_text) - len(stripped))


def _line_at(data: bytes | str, line: int) -> str:
    raw = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    if not 0 <= line < len(lines := raw.split("\n")):
        return ""
    found = lines[line].rstrip("\r")
    return found[1:] if line == 0 and found.startswith("\ufeff") else found


def _char_at(data: bytes | str, line: int, column: int) -> str:
    text_line = _line_at(data, line)
    return text_line[column] if 0 <= column < len(text_line) else ""


def _line_has_tab_indent(data: bytes | str, line: int) -> bool:
    raw = data if isinstance(data, bytes) else data.encode("utf-8", errors="replace")
    lines = raw.splitlines()
    for index in (line - 1, line):
        if 0 <= index < len(lines):
            stripped = lines[index].lstrip(b" ")
            if stripped.startswith(b"\t"):
                return True
    return False


def load_bytes(data: bytes, file: str, lang: str) -> Loaded:
    """Check the bytes and parse them (see `load_file`)."""
    check_encoding(data, file, lang)
    root, source = parse_yaml(data, file, lang)
    if not isinstance(root, dict):
        kind = "list" if isinstance(root, list) else "text"
        raise _error(file, source.value_span(()), "not-a-mapping", lang, kind=_KINDS[kind][lang])
    return Loaded(root, source, data.count(b"\n") + 1)


def load_file(path: Path, display: str, lang: str, max_bytes: int = MAX_BYTES) -> Loaded:
    """Read, check and parse one plan file; raise `LoadError` with a located diagnostic."""
    return load_bytes(read_bytes(path, display, lang, max_bytes), display, lang)
