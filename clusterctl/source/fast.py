"""An optional accelerator for loading plan files: the Rust parser yaml-rs, where it is exact.

`try_fast(data)` returns the same plain data as `loader.load_bytes(data, ...).data` (dicts,
lists, strings, None; every scalar a string as written), or None whenever that is not certain:
then the caller takes the exact path (`clusterctl.loader`), which also produces every
diagnostic with its position. The fast path never produces a diagnostic; a file it takes is
one the exact loader accepts too. yaml-rs is a YAML 1.2 parser and libyaml a YAML 1.1 one, and
yaml-rs is more lenient in places, so the fast path is fenced in (each fence sends the file to
the exact path; none of them stops the plans the benchmark generator writes):

* yaml-rs is installed (imported lazily, once) and `CLUSTERCTL_NO_ACCEL` is not set;
* bytes: no tags (`!` where a token starts), anchors or aliases (any `&`, `*`), directives
  (`%` at a line start), document end markers (`...` at a line start), merge keys (`<<`): the
  exact loader refuses tags, counts alias bombs and applies merges, while yaml-rs ignores
  unknown tags and reads a recursive alias as null. No tab, CR, NUL, other C0 or C1 control,
  DEL, U+FFFE, U+FFFF, BOM past the start, NEL, LS, PS: libyaml refuses them or breaks lines
  there, yaml-rs cuts a string at a NUL. Valid UTF-8 (yaml-rs gets the bytes and decodes
  them strictly; a leading BOM is dropped first, as libyaml does). No `\\u`/`\\U` escape
  and no U+E000 (see `_DOT`);
* no line starts with more than `MAX_INDICATOR_PREFIX` spaces and `- ? :` indicators: yaml-rs
  builds Python objects recursively and crashes the process (SIGSEGV) at about 15,000 nested
  block collections; this bounds block nesting to about 130 levels. Flow nesting yaml-rs
  limits itself (256 levels, an error), and the flow fence below allows two;
* flow collections only simple and on one line (`_SIMPLE_FLOW_PATTERN`): yaml-rs reads
  `[a, |b]`, `{a: :b}` or a flow key broken over two lines, which libyaml refuses;
* no `|` or `>` on the last line that is not blank, nor anywhere in a file without a final
  line break: yaml-rs reads an empty block scalar at the end of the file as "\n" and adds a
  line break to a last line that has none;
* integers: yaml-rs types plain scalars YAML 1.2 core style; an integer becomes `str(int)`,
  which is the text as written only when that text is canonical, so any integer-like token
  that is not (`007`, `-0`, `+5`, `1_000`, `0x1F`, `0o17`, `0b1`) sends the file away;
* yaml-rs parses the text (dots replaced, see `_DOT`) without an exception, duplicate keys
  being one, into one mapping;
* the walk over the result finds only dicts, lists, strings, None and integers (a float or a
  bool sends the file away), string keys or integer ones (as text, then no two alike), no
  empty key, no key with an invisible character (the exact loader refuses both), nesting at
  most `loader.MAX_DEPTH`, at most `loader.MAX_NODES` nodes.

tests/test_fastload.py checks all of this against the exact loader.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
from collections.abc import Callable, Iterator
from typing import Any

from clusterctl.source.loader import MAX_DEPTH, MAX_NODES, invisible_in

NO_ACCEL_ENV = "CLUSTERCTL_NO_ACCEL"
"""Set to 1 to turn the accelerator off (tests, comparisons)."""

MAX_FLOW_OPENERS = 1024
"""Most `[` and `{` a file may hold for the fast path (yaml-rs limits flow depth to 256)."""

MAX_INDICATOR_PREFIX = 64
"""Longest run of spaces and `- ? :` indicators a line may start with (bounds block depth)."""

_Load = Callable[..., Any]
_load: _Load | None = None
_policy: Any = None
_tried = False


def _parser() -> _Load | None:
    """yaml-rs's loader of UTF-8 bytes, imported on first use; None when yaml-rs is not
    installed. The bytes go to Rust as they are: decoding them there (and refusing any that
    are not UTF-8) spares Python's decoding of the whole file and yaml-rs's encoding of it
    back to UTF-8, a tenth of the parse."""
    global _load, _policy, _tried
    if not _tried:
        _tried = True
        try:  # by name: mypy must not need yaml-rs, an optional dependency
            yaml_rs = importlib.import_module("yaml_rs")
        except ImportError:
            _load = None
        else:
            _load = functools.partial(
                yaml_rs.load, encoding="utf-8", encoder_errors="strict"
            )
            _policy = yaml_rs.DuplicateKeyPolicy.Error
    return _load


def available() -> bool:
    """yaml-rs can be imported (whether or not the accelerator is switched off)."""
    return _parser() is not None


def enabled() -> bool:
    """yaml-rs is installed and CLUSTERCTL_NO_ACCEL is unset (or 0)."""
    return os.environ.get(NO_ACCEL_ENV, "") in ("", "0") and available()


# ------------------------------------------------------------------ byte guards
#
# All C speed: `translate`, `in` with one byte (memchr; a longer needle is searched byte by
# byte, a masked copy with a long needle skips), and regexes that start with a literal byte
# (so `re` skips to its occurrences; a regex that starts with a character class would test
# every byte and cost ten times more).

_BOM = b"\xef\xbb\xbf"
_MASK = bytes(
    0 if (byte < 0x20 and byte != 0x0A) or byte in b"\x7f&*"
    else 0x20 if byte in b" ?:-"
    else byte
    for byte in range(256)
)
"""`bytes.translate` table of the one masked copy most byte guards search with `in` (memchr,
memmem: far cheaper than a regex that stops at every line break): C0 controls (tab,
CR and NUL among them), DEL, `&`, `*` -> NUL; the block indicators `?`, `:`, `-` -> space;
any other byte stays itself."""
_DEEP = b"\n" + b" " * (MAX_INDICATOR_PREFIX + 1)
"""In the masked copy: a line that starts with more than MAX_INDICATOR_PREFIX spaces and
indicators."""
_LINE_START = re.compile(rb"\n(?:%|\.\.\.)")  # a directive, a document end marker
_NOT_BRACKETS = bytes(byte for byte in range(256) if byte not in b"[]{}")
_C1 = re.compile(rb"\xc2[\x80-\x9f]")  # C1 controls, NEL U+0085 among them
_LS_PS = re.compile(rb"\xe2\x80[\xa8\xa9]")  # U+2028, U+2029
_BOM_NONCHAR = re.compile(rb"\xef(?:\xbb\xbf|\xbf[\xbe\xbf])")  # U+FEFF, U+FFFE, U+FFFF
_TAG = re.compile(rb"!(?<=[\s\[{,:]!)")
_LINE_KEY = re.compile(rb"[ ]*(?:-[ ]+)*([A-Za-z_][A-Za-z0-9_]*)[ ]*:[ \t]")


def _comments_after_values(body: bytes) -> Iterator[tuple[int, int]]:
    """Each comment after a value — a non-space, spaces or tabs, «#» — as (start, end) of
    that run: found from each «#» with `bytes.find`. The regex `[^\\s][ \\t]+#` says the
    same, but a match that may start at any non-space is tried at every byte of the file
    (≈ 1 ms of a 40 KB plan, against ≈ 0.02 ms; a test compares the two)."""
    hash_at = body.find(b"#")
    while hash_at != -1:
        gap = hash_at
        while gap > 0 and body[gap - 1] in b" \t":
            gap -= 1
        if gap < hash_at and gap > 0 and body[gap - 1] not in b" \t\n\r\x0b\x0c":
            yield gap - 1, hash_at + 1
        hash_at = body.find(b"#", hash_at + 1)


def _text_cut_by_comment(body: bytes) -> bool:
    """A line with a comment after a value, where the value may be a free text: its key is
    the name of a free-text field, or it has no key (a line of a multi-line text). Comments
    after ids, deadlines, statuses or list items leave the fast path open."""
    from clusterctl.model.schema import free_text_keys

    keys = free_text_keys()
    for first, end in _comments_after_values(body):
        start = body.rfind(b"\n", 0, first) + 1
        line = body[start:end]
        if line.lstrip(b" ").startswith(b"#"):
            continue
        key = _LINE_KEY.match(line)
        if key is None:
            if not line.lstrip(b" ").startswith(b"- "):
                return True
        elif key.group(1).decode("ascii") in keys:
            return True
    return False

# Integers. Where a plain scalar may start: after a space or line break, a flow indicator,
# or a `:` that is not part of a time such as 10:00 (`{"a":007}`). Where it may end: at the
# end of the line, before a comment, `: `, or a flow indicator. The data searched is wrapped
# in line breaks, so the first and last tokens have neighbours too.
_END = rb"(?=[ ]*(?:[\n#,\]}]|:[ \n]))"
_AFTER = rb"(?:(?<=[\s\[{,]%s)|(?<=[^0-9]:%s))"
_ZERO_INT = re.compile(  # 007, 0x1F, 0o17, 0b1, 0_1, 00, -007, -0
    rb"0(?:" + _AFTER % (b"0", b"0") + rb"|" + _AFTER % (b"-0", b"-0") + rb")"
    rb"(?:[0-9A-Za-z_]+|(?<=-0))" + _END
)
_PLUS_INT = re.compile(  # +5, +0x1F
    rb"\+" + _AFTER % (rb"\+", rb"\+") + rb"[0-9A-Za-z_]+" + _END
)
_DIGIT_UNDERSCORE = re.compile(rb"_(?:(?<=[0-9]_)|(?=[0-9]))")
_UNDERSCORE_INT = re.compile(  # 1_000, _1, -1_0: only searched when a digit touches a `_`
    rb"(?:(?<=[\s\[{,])|(?<=[^0-9]:))[-+]?[0-9_]*_[0-9A-Za-z_]*" + _END
)

# Flow collections: yaml-rs reads some flow text libyaml refuses (`[a, |b]`, `{a: :b}`, a key
# broken over two lines), so a file takes the fast path only when every line holding a `[` or
# `{` ends in simple flow collections (nested at most twice) from its first `[` or `{` on:
# plain scalars that start with no indicator and hold no `:` or `#`, quoted scalars on one
# line without escapes but \" and \\, `key: value` pairs; then at most a comment. Brackets
# anywhere else (the counts of `[` and `]`, `{` and `}` differ) refuse the file too.
_PLAIN = rb"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n,\[\]{}:#]*+"
_DQ = rb'"(?:[^"\\\n]++|\\["\\])*+"'
_SQ = rb"'(?:[^'\n]++|'')*+'"
_SCALAR = rb"(?>%s|%s|%s)" % (_PLAIN, _DQ, _SQ)


def _flow(item: bytes) -> bytes:
    seq = rb"\[ *+(?:%s(?: *+, *+%s)*+)? *+\]" % (item, item)
    pair = rb"%s *+: ++%s" % (_SCALAR, item)
    mapping = rb"\{ *+(?:%s(?: *+, *+%s)*+)? *+\}" % (pair, pair)
    return rb"(?>%s|%s)" % (seq, mapping)


_SIMPLE_FLOW_PATTERN = (
    _flow(rb"(?>%s|%s)" % (_SCALAR, _flow(_SCALAR))) + rb"(?: ++#[^\n]*+)? *+\n"
)
_simple_flow: re.Pattern[bytes] | None = None
"""`_SIMPLE_FLOW_PATTERN` compiled on first use: the largest regex here (a few ms to compile),
needed only by files that hold a `[` or `{`."""


def _flow_is_simple(wrapped: bytes) -> bool:
    """Every `[` or `{` starts simple flow collections that end their line (see above); the
    caller has checked that the brackets pair up in number."""
    global _simple_flow
    if _simple_flow is None:
        _simple_flow = re.compile(_SIMPLE_FLOW_PATTERN)
    find, match = wrapped.find, _simple_flow.match
    square, curly = find(b"["), find(b"{")
    while square >= 0 or curly >= 0:
        start = square if curly < 0 or 0 <= square < curly else curly
        line = match(wrapped, start)
        if line is None:
            return False
        end = line.end()
        if square < end:
            square = find(b"[", end)
        if curly < end:
            curly = find(b"{", end)
    return True


def _guards_pass(body: bytes) -> bool:
    """The cheap byte guards (see the module doc); `body` is the file without a leading BOM."""
    wrapped = b"\n" + body + b"\n"
    masked = wrapped.translate(_MASK)
    if b"\x00" in masked or _DEEP in masked or (b"<" in body and b"<<" in body):
        return False
    if (b"%" in body or b"\n..." in wrapped) and _LINE_START.search(wrapped):
        return False
    if b"!" in body and _TAG.search(wrapped):
        return False
    # a comment after a free text on its line: the exact loader notes it (`comment-in-value`)
    if (b" #" in body or b"\t#" in body) and _text_cut_by_comment(body):
        return False
    # a block scalar that ends the file: yaml-rs adds a line break libyaml does not
    last = body.rstrip(b" \n")
    last = last[last.rfind(b"\n") + 1:]
    if (b"|" in last or b">" in last) or (
        not body.endswith(b"\n") and (b"|" in body or b">" in body)
    ):
        return False
    if not body.isascii() and (
        _C1.search(body) or _LS_PS.search(body)
        or (b"\xef" in body and _BOM_NONCHAR.search(body))  # `in`: memchr, 10x a search
    ):
        return False
    if _ZERO_INT.search(wrapped) or (b"+" in body and _PLUS_INT.search(wrapped)):
        return False
    if _DIGIT_UNDERSCORE.search(body) and _UNDERSCORE_INT.search(wrapped):
        return False
    if b"[" not in body and b"{" not in body:
        return True
    brackets = body.translate(None, _NOT_BRACKETS)  # one pass, then counts of a few bytes
    square, curly = brackets.count(b"["), brackets.count(b"{")
    return (
        square + curly <= MAX_FLOW_OPENERS
        and square == brackets.count(b"]") and curly == brackets.count(b"}")
        and _flow_is_simple(wrapped)
    )


# ------------------------------------------------------------------ the walk

_DOT = "\ue000"
"""Stands for "." while yaml-rs parses (a private-use character; files holding it take the
exact path): `1.10` is then the text "1\ue00010", not the float 1.1, and becomes "1.10"
again in the walk. A dot means nothing to YAML but in `...` at a line start, refused above."""
_DOT_UTF8 = _DOT.encode()  # what replaces each "." in the bytes yaml-rs gets: EE 80 80


class _Reject(Exception):
    """The result cannot be proven equal to the exact loader's: take the exact path."""


def _key(key: Any) -> str:
    kind = type(key)
    if kind is int:
        return str(key)
    if kind is not str or not key:
        raise _Reject
    if not key.isascii():
        if _DOT in key:
            key = key.replace(_DOT, ".")
        if invisible_in(key) is not None:
            raise _Reject
    return str(key)


def _walk(node: Any, depth: int, count: list[int]) -> Any:
    """Check one container in place (integers to strings, dots back); returns it, or a new
    dict when a key had to change."""
    if depth > MAX_DEPTH:
        raise _Reject
    inner = depth + 1
    if type(node) is dict:
        count[0] += 1 + 2 * len(node)
        rebuild = False
        for key, value in node.items():
            if type(key) is not str or not key or not key.isascii():
                rebuild = True
            if value is not None:
                fixed = _value(value, inner, count)
                if fixed is not value:
                    node[key] = fixed
        if rebuild:
            keyed = {_key(key): value for key, value in node.items()}
            if len(keyed) != len(node):  # 1 and "1": one key to the exact loader
                raise _Reject
            return keyed
        return node
    count[0] += 1 + len(node)
    for index, value in enumerate(node):
        if value is not None:
            fixed = _value(value, inner, count)
            if fixed is not value:
                node[index] = fixed
    return node


def _value(value: Any, depth: int, count: list[int]) -> Any:
    """A value as the exact loader reads it: text with its dots back, an integer as text, a
    container checked (`_walk`); anything else (a float, a date…) is rejected."""
    kind = type(value)
    if kind is str:
        return value.replace(_DOT, ".") if _DOT in value else value
    if kind is int:
        return str(value)
    if kind is dict or kind is list:
        return _walk(value, depth, count)
    raise _Reject


# ------------------------------------------------------------------ entry point


def load(data: bytes) -> dict[str, Any] | None:
    """The exact loader's data for `data`, or None: then use `loader.load_bytes` (yaml-rs
    is not installed, the accelerator is switched off, or the file is not one it provably
    reads alike). The one entry point of the plug-in."""
    return try_fast(data) if enabled() else None


def try_fast(data: bytes) -> dict[str, Any] | None:
    """The exact loader's data for `data`, or None: then use `loader.load_bytes`."""
    load = _parser()
    if load is None:
        return None
    body = data[3:] if data.startswith(_BOM) else data
    if not _guards_pass(body):
        return None
    # The placeholder must come from nowhere else: not from the file's own text,
    # nor from an escape such as "\ue000" in a double-quoted scalar.
    # The walk turns every placeholder into a dot.
    if _DOT_UTF8 in body or (b"\\" in body and (b"\\u" in body or b"\\U" in body)):
        return None
    if b"." in body:
        body = body.replace(b".", _DOT_UTF8)
    try:  # yaml-rs decodes the bytes itself and refuses any that are not UTF-8
        root = load(body, parse_datetime=False, duplicate_key_policy=_policy)
    except Exception:  # any refusal of yaml-rs: the exact loader says what is wrong
        return None
    if type(root) is not dict:
        return None
    count = [0]
    try:
        fixed: dict[str, Any] = _walk(root, 1, count)
    except (_Reject, RecursionError, ValueError):  # ValueError: str() of a huge integer
        return None
    if count[0] > MAX_NODES:
        return None
    return fixed
