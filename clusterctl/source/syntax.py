"""libyaml's errors as located findings in plain words: what is wrong and how to fix it.

libyaml reports where it gave up, in English; `syntax_error` names the mistake a person
made (a colon inside a value, an unclosed quote or bracket, a value starting with a sign that
has a meaning in YAML, a tab in the indentation…), moves the position to the token to fix, and
says it in the user's language. `too_deep_span` places libyaml's own nesting limit where
our limit (`loader.MAX_DEPTH`) is.
"""

from __future__ import annotations

from typing import NamedTuple

import yaml

from clusterctl.diagnostics import FILE_START, Diagnostic, Severity, Span
from clusterctl.errors import LoadError
from clusterctl.i18n import has, message, t
from clusterctl.source.reading import line_col_of_offset, load_error

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


def reader_error(exc: yaml.reader.ReaderError, file: str, lang: str, data: bytes | str
                  ) -> LoadError:
    raw = data if isinstance(data, bytes) else data.encode("utf-8")
    offset = exc.position  # libyaml counts bytes of the UTF-8 text, also for `str` input
    character = exc.character
    code = character if isinstance(character, int) else ord(character[:1] or "\0")
    text, hint = message("yaml-syntax-control-char", lang, char=f"U+{code:04X}")
    return LoadError([Diagnostic.at(
        file, line_col_of_offset(raw, offset), Severity.ERROR, "yaml-syntax", text, hint
    )])


def syntax_error(exc: yaml.MarkedYAMLError, file: str, lang: str, data: bytes | str) -> LoadError:
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
    line_text = line_at(data, mark.line) if mark is not None else ""
    if mark is not None and kind == "colon":
        before = line_text[: mark.column]
        if ": " not in before.lstrip(" -") and not before.lstrip().startswith("- "):
            # no key on this line before the colon: the line continues the value above
            kind = "continuation"
            mark = _first_char_mark(mark, line_text)
    elif mark is not None and kind == "indentation" and line_text[: mark.column].strip():
        kind = "trailing-text"
    elif mark is not None and kind == "dash" and _quoted_before(line_text[: mark.column]):
        # «title: "Точка роста" - утвержден»: the quotes ended the value, not the dash
        kind = "trailing-text"
    elif mark is not None and kind == "indentation" and line_text[mark.column:].startswith(": "):
        return load_error(file, Span.point(mark.line + 1, mark.column + 1), "empty-key", lang)
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
        return load_error(file, span, "tab", lang)
    general, hint = message("yaml-syntax", lang, problem=_problem_words(problem, lang))
    specific, specific_hint = (message("yaml-syntax-" + kind, lang, **params)
                               if has("yaml-syntax-" + kind, lang) else ("", ""))
    return LoadError(
        [
            Diagnostic.at(
                file, span, Severity.ERROR, "yaml-syntax",
                specific or general, specific_hint or hint,
            )
        ]
    )


def _quoted_before(before: str) -> bool:
    """The value on a key's line up to here is a whole quoted scalar: `key: "text" `."""
    _, colon, value = before.partition(": ")
    value = value.strip()
    return bool(colon) and len(value) >= 2 and value[0] in "'\"" and value[-1] == value[0]


_PROBLEMS = (
    ("duplicate %YAML directive", "duplicate-yaml"),
    ("duplicate %TAG directive", "duplicate-tag"),
    ("incompatible YAML document", "version"),
    ("undefined tag handle", "tag-handle"),
    ("unexpected document indicator", "document-indicator"),
    ("unexpected end of stream", "end-of-stream"),
    ("indentation indicator equal to 0", "indicator-zero"),
    ("did not find expected <document start>", "document-start"),
    ("did not find expected comment or line break", "block-header"),
    ("found character that cannot start any token", "cannot-start"),
)
"""libyaml's problem texts that reach the generic message, and their catalog keys
(`yaml-problem.…`; the specific ones have messages of their own: `_SYNTAX_HINTS`)."""


def _problem_words(problem: str, lang: str) -> str:
    """libyaml's description of a problem in the user's language: from the catalog, else,
    in English, libyaml's own words — never an English sentence inside a Russian message."""
    for needle, key in _PROBLEMS:
        if needle in problem:
            return t("yaml-problem." + key, lang)
    if lang == "en" and problem:
        return problem
    return t("yaml-problem.other", lang)


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


def line_at(data: bytes | str, line: int) -> str:
    raw = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    if not 0 <= line < len(lines := raw.split("\n")):
        return ""
    found = lines[line].rstrip("\r")
    return found[1:] if line == 0 and found.startswith("\ufeff") else found


def _char_at(data: bytes | str, line: int, column: int) -> str:
    text_line = line_at(data, line)
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




def too_deep_span(data: bytes | str, limit: int, depth: int, end: tuple[int, int],
                  exc: yaml.MarkedYAMLError) -> Span:
    """Where the nesting first goes over `limit`: counted from the last event the loader
    took (at `end`, `depth` containers deep), over the flow brackets that follow (outside
    quotes and comments); libyaml's own mark when the count does not get there (block
    nesting, which libyaml streams event by event, reaches the loader's limit first)."""
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    lines = text.split("\n")
    line, column = end
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
                if depth > limit:
                    return Span.point(line + 1, column + 1)
            elif char in "]}":
                depth -= 1
            column += 1
        line, column = line + 1, 0
    mark = exc.problem_mark or exc.context_mark
    return FILE_START if mark is None else Span.point(mark.line + 1, mark.column + 1)
