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
* the bytes are checked first (`clusterctl.source.reading`): size cap, regular file,
  encoding (UTF-8, with or without BOM; anything else is named, e.g. Windows-1251), NUL
  bytes; libyaml's errors are said in plain words (`clusterctl.source.syntax`).

Scalars stay strings as written (YAML 1.2-style, no implicit typing): `1.10` is the task id
"1.10", not the float 1.1; `yes` stays "yes". Only `null`, `~` and empty values become None.
The models convert strings to numbers, dates and booleans where a field asks for them.
Explicit standard tags (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq`)
are honoured.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml import events as ev

from clusterctl.diagnostics import FILE_START, Span
from clusterctl.errors import LoadError
from clusterctl.i18n import number, quote, t
from clusterctl.source.reading import MAX_BYTES, check_encoding, load_error, read_bytes
from clusterctl.source.syntax import line_at, reader_error, syntax_error, too_deep_span

try:  # the libyaml C parser when PyYAML was built with it
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

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


# --------------------------------------------------------------------------- YAML

_INVISIBLE_CATEGORIES = frozenset({"Cf", "Zs", "Zl", "Zp", "Cc", "Co", "Cn"})


def invisible_in(key: str) -> str | None:
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
        raise load_error(
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
    return load_error(file, _mark_span(event), code, lang, tag=shown)


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
            span = too_deep_span(data, MAX_DEPTH, progress.depth, progress.end, exc)
            raise load_error(file, span, "too-deep", lang, limit=MAX_DEPTH) from None
        raise syntax_error(exc, file, lang, data) from None
    except yaml.reader.ReaderError as exc:  # a control character: located by its offset
        raise reader_error(exc, file, lang, data) from None
    finally:
        parser.dispose()


class _Progress:
    """How far `_build` got: the end of the last event it took and the depth there (to place
    a nesting error that libyaml raises while scanning ahead)."""

    __slots__ = ("depth", "end")

    def __init__(self) -> None:
        self.depth = 0
        self.end: tuple[int, int] = (0, 0)


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
                raise load_error(file, _mark_span(event), "too-deep", lang, limit=MAX_DEPTH)
            if nodes > MAX_NODES:
                raise load_error(file, _mark_span(event), "too-many-nodes", lang,
                             limit=number(MAX_NODES, lang))
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
                raise load_error(file, _mark_span(event), "unknown-alias", lang, alias=event.anchor)
            value, size = found
            if size == 0:  # an alias to a container still open: a recursive structure
                raise load_error(file, _mark_span(event), "recursive-alias", lang,
                                 alias=event.anchor)
            expanded += size
            aliased += size
            if aliased > MAX_ALIASED:
                raise load_error(file, _mark_span(event), "alias-bomb", lang,
                             limit=number(MAX_ALIASED, lang))
            value_pos = _pos(event)
        elif etype is ev.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise load_error(file, _mark_span(event), "multiple-documents", lang)
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
                raise load_error(file, _span(value_pos), "complex-key", lang)
            key = "" if value is None else str(value)
            if key == "":
                raise load_error(file, _span(value_pos), "empty-key", lang)
            if not key.isascii():
                invisible = invisible_in(key)
                if invisible is not None:
                    raise load_error(
                        file, _span(value_pos), "invisible-character", lang,
                        key=key.encode("unicode_escape").decode("ascii"), char=invisible,
                    )
            if key in parent:
                first = frame.pos.keys[key][0]  # type: ignore[union-attr]
                raise load_error(
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
        raise load_error(file, FILE_START, "empty-file", lang, kind=t(
            "kind.comments" if _has_comments(data) else "kind.empty", lang))
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
    rest = line_at(data, line)[column:]
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
                raise load_error(file, _span(value_pos), "bad-merge", lang)
            for key, item in source.items():
                if key not in mapping:
                    mapping[key] = item
                    pos.keys[key] = (value_pos, value_pos)


def load_bytes(data: bytes, file: str, lang: str) -> Loaded:
    """Check the bytes and parse them (see `load_file`)."""
    check_encoding(data, file, lang)
    root, source = parse_yaml(data, file, lang)
    if not isinstance(root, dict):
        kind = "list" if isinstance(root, list) else "text"
        raise load_error(file, source.value_span(()), "not-a-mapping", lang,
                         kind=t("kind." + kind, lang))
    return Loaded(root, source, data.count(b"\n") + 1)


def load_file(path: Path, display: str, lang: str, max_bytes: int = MAX_BYTES) -> Loaded:
    """Read, check and parse one plan file; raise `LoadError` with a located diagnostic."""
    return load_bytes(read_bytes(path, display, lang, max_bytes), display, lang)
