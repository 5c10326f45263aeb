"""The safe YAML loader: plain data, exact positions, refusals with located messages.

What a plan file turns into (strings as written, None for nulls), where each key and value is
(the SourceMap), and that hostile input only ever ends in a `LoadError` (never a Python object,
never another exception). The last tests check that a bug inside a rule reaches the user as
an `internal-error` finding that names the file, not as a traceback.
"""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

import clusterctl.check.checker
import clusterctl.check.rules
import clusterctl.source.reading as reading_module
from clusterctl.check import CheckOptions, check_bytes
from clusterctl.check.rules import Rule, RuleContext
from clusterctl.cli import app
from clusterctl.diagnostics import Severity, Span
from clusterctl.errors import LoadError
from clusterctl.source.loader import MAX_ALIASED, MAX_DEPTH, Loaded, load_bytes, parse_yaml
from clusterctl.source.reading import check_encoding, guess_encoding, read_bytes
from tests.conftest import TODAY


def _load(text: str | bytes) -> Loaded:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return load_bytes(data, "plan.yaml", "ru")


def _refused(text: str | bytes, lang: str = "ru") -> tuple[str, int, int, str]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(LoadError) as info:
        load_bytes(data, "plan.yaml", lang)
    [d] = info.value.diagnostics
    assert d.file == "plan.yaml"
    assert d.severity is Severity.ERROR
    assert d.message and d.hint
    return d.code, d.line, d.column, d.message


# ------------------------------------------------------------------ source map

PLAN = """\
version: 1
project:
  id: pk-2022
  title: Дорожная карта
tasks:
  - id: "1"
    title: Совещание
    responsible: [Чечуркина К.К., Шкуратская М.В.]
    steps:
      - id: 1.1
        result: >-
          Протокол
          совещания
"""


def test_source_map_keys_and_values() -> None:
    source = _load(PLAN).source
    assert source.key_span(("version",)) == Span(1, 1, 1, 8)
    assert source.value_span(("version",)) == Span(1, 10, 1, 11)
    assert source.key_span(("project", "title")) == Span(4, 3, 4, 8)
    assert source.value_span(("project", "title")) == Span(4, 10, 4, 24)
    # a quoted value's span includes its quotes
    assert source.value_span(("tasks", 0, "id")) == Span(6, 9, 6, 12)


def test_source_map_containers_and_list_items() -> None:
    source = _load(PLAN).source
    assert source.value_span(()) == Span(1, 1, 14, 1)
    assert source.value_span(("project",)) == Span(3, 3, 5, 1)
    assert source.value_span(("tasks",)).line == 6
    # list items: a block item starts at its first key, a flow item at its text
    assert source.value_span(("tasks", 0)) == Span(6, 5, 14, 1)
    assert source.value_span(("tasks", 0, "responsible")) == Span(8, 18, 8, 51)
    assert source.value_span(("tasks", 0, "responsible", 1)) == Span(8, 35, 8, 50)
    # for a list item the key span is the item itself
    assert source.key_span(("tasks", 0, "responsible", 1)) == Span(8, 35, 8, 50)


def test_source_map_nested_and_multiline_values() -> None:
    source = _load(PLAN).source
    assert source.key_span(("tasks", 0, "steps", 0, "id")) == Span(10, 9, 10, 11)
    assert source.value_span(("tasks", 0, "steps", 0, "id")) == Span(10, 13, 10, 16)
    # a folded block starts at its indicator and ends after its last line
    assert source.value_span(("tasks", 0, "steps", 0, "result")) == Span(11, 17, 14, 1)


def test_source_map_unknown_steps_keep_the_deepest_place_found() -> None:
    source = _load(PLAN).source
    # pydantic's union tags and missing keys are not in the data: skipped
    assert source.value_span(("tasks", 0, "str", "title")) == Span(7, 12, 7, 21)
    assert source.value_span(("tasks", 0, "nope")) == source.value_span(("tasks", 0))
    assert source.value_span(("tasks", 7)) == source.value_span(("tasks",))


MERGE = """\
defaults: &defaults
  status: planned
  responsible: Чечуркина К.К.
tasks:
  - <<: *defaults
    id: "1"
    status: done
  - &second
    id: "2"
  - *second
"""


def test_source_map_merged_keys_point_at_the_merge() -> None:
    loaded = _load(MERGE)
    task = loaded.data["tasks"][0]
    assert task == {"id": "1", "status": "done", "responsible": "Чечуркина К.К."}
    source = loaded.source
    # the explicit key wins and keeps its own place
    assert source.value_span(("tasks", 0, "status")) == Span(7, 13, 7, 17)
    # a merged key is located at the alias that brought it in
    assert source.key_span(("tasks", 0, "responsible")) == Span(5, 9, 5, 18)
    assert source.value_span(("tasks", 0, "responsible")) == Span(5, 9, 5, 18)


def test_source_map_aliases() -> None:
    loaded = _load(MERGE)
    assert loaded.data["tasks"][2] == {"id": "2"}
    source = loaded.source
    # the alias itself is where it is written...
    assert source.value_span(("tasks", 2)) == Span(10, 5, 10, 12)
    # ...and what is inside it is where the anchored original is
    assert source.value_span(("tasks", 2, "id")) == Span(9, 9, 9, 12)


def test_merge_of_a_list_of_mappings_earlier_wins() -> None:
    data = _load("a: &a {x: '1', y: '1'}\nb: &b {y: '2', z: '2'}\nc:\n  <<: [*a, *b]\n").data
    assert data["c"] == {"x": "1", "y": "1", "z": "2"}


def test_bom_does_not_shift_the_first_line() -> None:
    source = _load(b"\xef\xbb\xbfversion: 1\nproject: {}\n").source
    assert source.key_span(("version",)) == Span(1, 1, 1, 8)


def test_crlf_lines_count_like_lf() -> None:
    source = _load(PLAN.replace("\n", "\r\n")).source
    assert source.value_span(("project", "title")) == Span(4, 10, 4, 24)


# ------------------------------------------------------------------ scalars


@pytest.mark.parametrize(
    "written",
    ["1.10", "1.1", "yes", "no", "on", "true", "False", "2022-09-26", "2022-09-26 10:00", "0x1F",
     "012", "1e3", ".inf", ".NaN", "1_000", "+1", "-0", "12:30", "=", "<<x"],
)
def test_plain_scalars_stay_the_text_written(written: str) -> None:
    assert _load(f"a: {written}\n").data == {"a": written}


def test_nulls() -> None:
    data = _load("a:\nb: ~\nc: null\nd: NULL\ne: 'null'\nf: ''\ng: \"~\"\nh:\n  -\n  - ~\n").data
    assert data == {
        "a": None, "b": None, "c": None, "d": None,
        "e": "null", "f": "", "g": "~", "h": [None, None],
    }


def test_keys_are_text() -> None:
    data = _load("1: a\n1.10: b\nyes: c\n2022-09-26: d\n").data
    assert data == {"1": "a", "1.10": "b", "yes": "c", "2022-09-26": "d"}
    assert all(isinstance(key, str) for key in data)


def test_explicit_standard_tags_are_honoured() -> None:
    data = _load(
        "i: !!int 10\nh: !!int 0x1F\nf: !!float 1.5\nb: !!bool yes\nn: !!null x\n"
        "s: !!str 1.10\nm: !!map {k: v}\nq: !!seq [x]\nt: !!timestamp 2022-09-26\n"
    ).data
    assert data == {
        "i": 10, "h": 31, "f": 1.5, "b": True, "n": None, "s": "1.10",
        "m": {"k": "v"}, "q": ["x"], "t": "2022-09-26",
    }
    assert type(data["i"]) is int and type(data["b"]) is bool


@pytest.mark.parametrize("tagged", ["!!int abc", "!!float двадцать", "!!bool maybe", "!!int 1.5"])
def test_a_tagged_value_that_does_not_fit_is_refused(tagged: str) -> None:
    code, line, column, _ = _refused(f"version: 1\nnumber: {tagged}\n")
    assert (code, line, column) == ("bad-tagged-value", 2, 9)


def test_the_text_of_multiline_scalars() -> None:
    data = _load("a: >-\n  раз\n  два\nb: |\n  раз\n  два\nc: раз\n  два\n").data
    assert data == {"a": "раз два", "b": "раз\nдва\n", "c": "раз два"}


# ------------------------------------------------------------------ refusals


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\na: 2\n", ("duplicate-key", 2, 1)),
        ("a:\n  b: 1\n  c: 2\n  b: 3\n", ("duplicate-key", 4, 3)),
        ("- a\n- b\n", ("not-a-mapping", 1, 1)),
        ("просто текст\n", ("not-a-mapping", 1, 1)),
        ("", ("empty-file", 1, 1)),
        ("# только комментарий\n", ("empty-file", 1, 1)),
        ("~\n", ("empty-file", 1, 1)),
        ("a: 1\n---\nb: 2\n", ("multiple-documents", 2, 1)),
        ("a: !!python/object/apply:os.system ['echo']\n", ("unsafe-tag", 1, 4)),
        ("a: !!python/name:os.system\n", ("unsafe-tag", 1, 4)),
        ("a: !!binary aGk=\n", ("unsafe-tag", 1, 4)),
        ("a: !!set {x}\n", ("unsafe-tag", 1, 4)),
        ("a: !foo b\n", ("unknown-tag", 1, 4)),
        ("a: !!! срочно\n", ("unknown-tag", 1, 4)),
        ("a: *nowhere\n", ("unknown-alias", 1, 4)),
        ("a: &x [1, *x]\n", ("recursive-alias", 1, 11)),
        ("a:\n  <<: текст\n", ("bad-merge", 2, 7)),
        ("'': x\n", ("empty-key", 1, 1)),
        ("? [a, b]\n: c\n", ("complex-key", 1, 3)),
        ("a:\n  ti\u200btle: x\n", ("invisible-character", 2, 3)),
        ("a:\n\tb: 1\n", ("tab", 2, 1)),
        ("a: b: c\n", ("yaml-syntax", 1, 5)),
        ("a: [b, c\n", ("yaml-syntax", 1, 4)),
        ("a: 'b\n", ("yaml-syntax", 1, 4)),
    ],
)
def test_refusals_are_located(text: str, expected: tuple[str, int, int]) -> None:
    assert _refused(text)[:3] == expected


def test_deep_nesting_is_refused_at_the_limit() -> None:
    code, line, column, message = _refused("a: " + "[" * (MAX_DEPTH + 5) + "\n")
    assert (code, line) == ("too-deep", 1)
    assert column == 4 + MAX_DEPTH - 1  # the bracket that opens level MAX_DEPTH + 1
    assert str(MAX_DEPTH) in message


def test_an_alias_bomb_is_refused_before_it_expands() -> None:
    lines = ['l0: &l0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, 9):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 10) + "]")
    code, _line, _column, message = _refused("\n".join(lines) + "\n")
    assert code == "alias-bomb"
    assert "100 000" in message
    assert MAX_ALIASED == 100_000


def test_moderate_aliasing_is_fine() -> None:
    data = _load("a: &a [x, y]\nb: [*a, *a, *a]\n").data
    assert data["b"] == [["x", "y"]] * 3


# ------------------------------------------------------------------ encodings

RUSSIAN = "version: 1\nproject:\n  id: pk\n  title: Региональная дорожная карта кластеров\n" \
          "  region: Приморский край, министерство образования\n"


@pytest.mark.parametrize(
    ("codec", "named"),
    [("cp1251", "Windows-1251"), ("koi8_r", "KOI8-R"), ("utf-16", "UTF-16"),
     ("utf-16-be", None), ("utf-16-le", None)],
)
def test_other_encodings_are_named(codec: str, named: str | None) -> None:
    data = RUSSIAN.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    if codec == "utf-16-le":
        data = b"\xff\xfe" + data
    code, line, column, message = _refused(data)
    assert code == "encoding"
    assert message.endswith(f"(похоже на кодировку {named or 'UTF-16'}).")
    if named in ("Windows-1251", "KOI8-R"):
        assert (line, column) == (4, 10)  # the first byte that is not UTF-8


def test_guess_encoding_of_a_dos_file() -> None:
    assert guess_encoding(RUSSIAN.encode("cp866")) == "CP866 (DOS)"


def test_a_stray_byte_in_utf8_is_located() -> None:
    data = RUSSIAN.encode().replace("Приморский".encode(), "Приморский".encode("cp1251"))
    code, line, column, message = _refused(data)
    assert (code, line, column) == ("invalid-utf8", 5, 11)
    assert "0xCF" in message


def test_a_nul_byte_is_located() -> None:
    assert _refused(b"version: 1\nproject:\n  id: p\x00k\n")[:3] == ("nul-byte", 3, 8)


def test_a_control_character_is_located() -> None:
    code, line, column, message = _refused("a: раз\x0bдва\n")
    assert (code, line, column) == ("yaml-syntax", 1, 7)
    assert "U+000B" in message
    with pytest.raises(LoadError) as info:  # text given as str is located the same way
        parse_yaml("b: 1\na: раз\x07\n", "plan.yaml", "ru")
    assert (info.value.diagnostics[0].line, info.value.diagnostics[0].column) == (2, 7)


def test_a_bom_is_accepted() -> None:
    assert _load(b"\xef\xbb\xbf" + RUSSIAN.encode()).data["project"]["id"] == "pk"
    check_encoding(b"\xef\xbb\xbfa: 1\n", "plan.yaml", "ru")


def test_english_messages() -> None:
    assert _refused("a: 1\na: 2\n", lang="en")[3] == (
        'The key "a" is repeated (first at line 1); one of the values would be lost.'
    )


# ------------------------------------------------------------------ hostile input

HOSTILE = [
    b"!!python/object/apply:os.system ['touch /tmp/clusterctl-pwned']",
    b"a: !!python/object/new:os.system [echo]\n",
    b"a: !!python/object:__main__.X {}\n",
    b"a: !!python/module:os\n",
    b"--- !!python/tuple [1, 2]\n",
    b"%TAG ! tag:yaml.org,2002:python/\n---\na: !object/apply:os.system [echo]\n",
    b"%TAG !e! tag:evil.example,2000:\n---\na: !e!x 1\n",
    b"a: !<tag:yaml.org,2002:python/name:os.system> x\n",
    b"a: !!str {b: c}\n",
    b"a: &a [*a]\n",
    b"&a a: *a\n",
    b"? - a\n: b\n",
    b"? {a: b}\n: c\n",
    b"a: *" + b"x" * 1000 + b"\n",
    b"[" * 100_000,
    b"{a: " * 10_000,
    b"- " * 10_000 + b"x",
    b"a: !!int " + b"9" * 5000 + b"\n",
    b"a: !!float 1e99999\n",
    b"a: \"\\U0010FFFF\\x00\\ud800\"\n",
    b"%YAML 9.9\n---\na: 1\n",
    b"\xff\xfe\x00\x00",
    b"\xef\xbb\xbf\xef\xbb\xbf a: 1",
    b"a: \xed\xa0\x80\n",  # an encoded surrogate
    b"a: \xf4\x90\x80\x80\n",  # beyond U+10FFFF
    b"a: b\r\x85c: \xe2\x80\xa8d\n",
    b"\t",
    b"\x00",
    b"...\n",
    b"---\n---\n",
    b"a: |0\n b\n",
    b"a: 'it''s' 'b'\n",
]


@pytest.mark.parametrize("data", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_only_ever_raises_load_error(
    data: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Any] = []

    def record(*args: Any, **kwargs: Any) -> int:
        calls.append(args)
        return 0

    monkeypatch.setattr(os, "system", record)
    monkeypatch.setattr(subprocess, "Popen", record)
    try:
        loaded = load_bytes(data, "plan.yaml", "ru")
    except LoadError as exc:
        assert exc.diagnostics and all(d.file == "plan.yaml" for d in exc.diagnostics)
    else:
        _assert_plain(loaded.data)
    assert calls == []
    result = check_bytes(data, "plan.yaml", CheckOptions(today=TODAY))
    assert "internal-error" not in [d.code for d in result.diagnostics]


def _assert_plain(value: Any, depth: int = 0) -> None:
    """Only dicts with text keys, lists, text, None and explicitly tagged numbers/bools."""
    assert depth < 200
    if isinstance(value, dict):
        for key, item in value.items():
            assert isinstance(key, str)
            _assert_plain(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _assert_plain(item, depth + 1)
    else:
        assert value is None or type(value) in (str, int, float, bool), type(value)


def test_the_loader_never_uses_pyyaml_constructors(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a PyYAML constructor was called")

    monkeypatch.setattr(yaml.constructor.BaseConstructor, "construct_object", boom)
    monkeypatch.setattr(yaml.constructor.BaseConstructor, "construct_document", boom)
    data, _source = parse_yaml(PLAN.encode() + b"x: !!int 5\n", "plan.yaml", "ru")
    assert data["x"] == 5


# ------------------------------------------------------------------ internal errors


def _exploding_rule() -> Rule:
    def explode(ctx: RuleContext) -> list[Any]:
        raise ZeroDivisionError("division by zero in a rule")

    return Rule("explode", {"explode": Severity.ERROR}, explode)


def test_an_exception_inside_a_rule_becomes_an_internal_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(clusterctl.check.rules, "RULES", (_exploding_rule(),))
    result = check_bytes(PLAN.encode(), "plan.yaml", CheckOptions(today=TODAY))
    [d] = result.diagnostics
    assert (d.file, d.line, d.column, d.code, d.severity) == (
        "plan.yaml", 1, 1, "internal-error", Severity.ERROR
    )
    assert "ZeroDivisionError: division by zero in a rule" in d.message
    assert result.plan is None and not result.ok


def test_an_exception_inside_the_loader_becomes_an_internal_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*args: Any) -> Any:
        raise KeyError("oops")

    monkeypatch.setattr(clusterctl.check.checker, "load_bytes", broken)
    result = check_bytes(b"a: 1\n", "plan.yaml", CheckOptions(lang="en", today=TODAY))
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("internal-error", "Internal clusterctl error while checking this file: KeyError: 'oops'.")
    ]


def test_recursion_inside_checking_is_reported_as_too_deep(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def recurse(ctx: RuleContext) -> list[Any]:
        raise RecursionError

    monkeypatch.setattr(
        clusterctl.check.rules, "RULES", (Rule("r", {"r": Severity.ERROR}, recurse),)
    )
    result = check_bytes(PLAN.encode(), "plan.yaml", CheckOptions(today=TODAY))
    assert [d.code for d in result.diagnostics] == ["too-deep"]


def test_an_internal_error_through_the_cli_names_the_file_and_prints_no_traceback(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("good.yaml").write_text(PLAN, encoding="utf-8")
    Path("other.yaml").write_text(PLAN, encoding="utf-8")
    monkeypatch.setattr(clusterctl.check.rules, "RULES", (_exploding_rule(),))
    result = runner.invoke(app, ["validate", "good.yaml", "other.yaml", "--as-of", "2022-10-16"])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert result.stdout.splitlines() == [
        "good.yaml:1:1: error internal-error Внутренняя ошибка clusterctl при проверке этого "
        "файла: ZeroDivisionError: division by zero in a rule.",
        "    подсказка: Это ошибка программы, а не вашего плана. Сообщите разработчикам, "
        "приложив файл.",
        "other.yaml:1:1: error internal-error Внутренняя ошибка clusterctl при проверке этого "
        "файла: ZeroDivisionError: division by zero in a rule.",
        "    подсказка: Это ошибка программы, а не вашего плана. Сообщите разработчикам, "
        "приложив файл.",
    ]
    assert result.stderr == "Проверено файлов: 2; ошибок: 2, предупреждений: 0.\n"


def test_check_bytes_uses_the_date_it_is_given() -> None:
    plan = PLAN + "    status: done\n    done_on: 2022-10-17\n"
    before = check_bytes(plan.encode(), "p.yaml", CheckOptions(today=TODAY))
    after = check_bytes(plan.encode(), "p.yaml",
                        CheckOptions(today=TODAY + datetime.timedelta(days=1)))
    assert "future-date" in [d.code for d in before.diagnostics]
    assert "future-date" not in [d.code for d in after.diagnostics]


class _StaleStat:
    """os.stat as if the file were `size` bytes (a file that grows or shrinks meanwhile, or
    a regular file whose size the system reports as 0, like those of /proc)."""

    def __init__(self, path: Path, size: int) -> None:
        self.path, self.size = str(path), size
        self.real = os.stat

    def __call__(self, path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        st = self.real(path, *args, **kwargs)
        if str(path) != self.path:
            return st
        return os.stat_result((*st[:6], self.size, *st[7:]))


def _read_as_if(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, written: int,
                reported: int) -> bytes:
    """read_bytes (cap: 100 bytes) of a file of `written` bytes that stat says has
    `reported`."""
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"x" * written)
    monkeypatch.setattr(reading_module.os, "stat", _StaleStat(path, reported))
    return read_bytes(path, "plan.yaml", "en", max_bytes=100)


@pytest.mark.parametrize("reported", [0, 5, 39, 40, 41, 99])
def test_read_bytes_reads_the_file_whatever_size_stat_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reported: int
) -> None:
    assert _read_as_if(tmp_path, monkeypatch, 40, reported) == b"x" * 40


@pytest.mark.parametrize("reported", [0, 50, 100])
def test_read_bytes_refuses_a_file_that_grew_past_the_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reported: int
) -> None:
    with pytest.raises(LoadError) as info:
        _read_as_if(tmp_path, monkeypatch, 150, reported)
    assert [d.code for d in info.value.diagnostics] == ["file-too-large"]
