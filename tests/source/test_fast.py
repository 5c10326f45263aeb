"""The optional yaml-rs accelerator (clusterctl/fastload.py) is exact or stands aside.

`try_fast(data)` must be None or exactly `load_bytes(data).data`, on every file we have, on
generated plans, on generated plan-like YAML (hypothesis), and on hostile input, which must
never crash the process nor reach yaml-rs where yaml-rs is unsafe. `check_bytes` must give
the same diagnostics, data and plan with the accelerator and without it
(CLUSTERCTL_NO_ACCEL=1). The rest of the suite (the negative corpus goldens among it) runs
with the accelerator on whenever yaml-rs is installed.
"""

from __future__ import annotations

import datetime
import importlib.util
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip(
    "yaml_rs", reason="yaml-rs (the optional accelerator, extra 'fast') is not installed"
)

from clusterctl.check import CheckOptions, FileResult, check_bytes
from clusterctl.errors import LoadError
from clusterctl.source import fast as fastload
from clusterctl.source.loader import MAX_DEPTH, load_bytes
from tests.conftest import DATA, PROJECTS, ROOT, TODAY

T = TypeVar("T")
GENERATED = 200
BENCH_TODAY = datetime.date(2026, 11, 22)


def _exact(data: bytes) -> dict[str, Any] | None:
    try:
        return load_bytes(data, "plan.yaml", "ru").data
    except LoadError:
        return None


def _assert_exact_or_none(data: bytes) -> dict[str, Any] | None:
    fast = fastload.try_fast(data)
    if fast is not None:
        assert fast == _exact(data), data[:300]
    return fast


def _check(data: bytes, accel: bool, monkeypatch: pytest.MonkeyPatch,
           today: datetime.date = TODAY) -> FileResult:
    with monkeypatch.context() as patch:
        if accel:
            patch.delenv(fastload.NO_ACCEL_ENV, raising=False)
        else:
            patch.setenv(fastload.NO_ACCEL_ENV, "1")
        return check_bytes(data, "plan.yaml", CheckOptions(lang="ru", today=today))


def _assert_same_check(data: bytes, monkeypatch: pytest.MonkeyPatch,
                       today: datetime.date = TODAY) -> None:
    fast, exact = _check(data, True, monkeypatch, today), _check(data, False, monkeypatch, today)
    assert fast.diagnostics == exact.diagnostics
    assert fast.data == exact.data
    assert fast.plan == exact.plan
    assert (fast.index is None) == (exact.index is None)


# ------------------------------------------------------------------ (a) every file we have


def _corpus() -> list[Path]:
    folders = [PROJECTS, DATA / "valid", DATA / "invalid", DATA / "queries", DATA / "render"]
    return sorted(p for folder in folders for p in folder.rglob("*.yaml"))


CORPUS = _corpus()


def test_the_corpus_is_there() -> None:
    assert len(CORPUS) > 60


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: str(p.relative_to(ROOT)))
def test_corpus_files_load_exactly_and_check_the_same(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = path.read_bytes()
    _assert_exact_or_none(data)
    _assert_same_check(data, monkeypatch)


def test_clean_corpus_files_take_the_fast_path() -> None:
    fast = [p.name for p in CORPUS if fastload.try_fast(p.read_bytes()) is not None]
    # not the CRLF file, the anchors and merge keys, the multi-line flow collections, nor
    # a file with a comment after a value on its line (the exact loader notes those)
    assert {"06-minimal.yaml", "01-utf8-bom.yaml", "moscow-uao-tech-cluster.yaml"} <= set(fast)
    assert "05-comments-everywhere.yaml" not in fast


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_generate_fastload", ROOT / "benchmarks" / "generate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    generate = _generator()
    folder = tmp_path_factory.mktemp("generated")
    out: list[bytes] = []
    for index in range(GENERATED):
        _, name, text, _, _ = generate.generate_plan(generate.plan_rng(1, index), index)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        out.append(path.read_bytes())
    return out


def test_generated_plans_take_the_fast_path_with_the_exact_data(generated: list[bytes]) -> None:
    fallbacks = 0
    for data in generated:
        if _assert_exact_or_none(data) is None:
            fallbacks += 1
    assert fallbacks <= GENERATED // 20, f"{fallbacks} of {GENERATED} generated plans fell back"


def test_generated_plans_check_the_same(
    generated: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    for data in generated[:60]:
        _assert_same_check(data, monkeypatch, BENCH_TODAY)
        _assert_same_check(data, monkeypatch, TODAY)  # dates in the future: findings


def test_findings_come_from_the_exact_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file the accelerator reads is checked again exactly when it has a finding."""
    data = (DATA / "invalid" / "41-duplicate-task-id.yaml").read_bytes()
    assert fastload.try_fast(data) is not None
    exact_calls: list[str] = []
    import clusterctl.source.loader

    real = clusterctl.source.loader.parse_yaml

    def counting(text: bytes | str, file: str, lang: str) -> Any:
        exact_calls.append(file)
        return real(text, file, lang)

    monkeypatch.setattr(clusterctl.source.loader, "parse_yaml", counting)
    result = _check(data, True, monkeypatch)
    assert result.diagnostics and exact_calls == ["plan.yaml"]
    exact_calls.clear()
    clean = (DATA / "valid" / "06-minimal.yaml").read_bytes()
    result = _check(clean, True, monkeypatch)
    assert result.ok and not result.diagnostics and exact_calls == []
    _check(clean, False, monkeypatch)
    assert exact_calls == ["plan.yaml"]


def test_validate_parses_each_file_at_most_once_per_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With the accelerator: yaml-rs reads every file once; libyaml reads only the files
    yaml-rs stood aside for and the files with a diagnostic to place."""
    import clusterctl.source.loader
    from clusterctl.runner import RunOptions, run

    monkeypatch.delenv(fastload.NO_ACCEL_ENV, raising=False)
    fast_calls: list[bytes] = []
    exact_calls: list[str] = []
    real_fast, real_exact = fastload.try_fast, clusterctl.source.loader.parse_yaml

    def counting_fast(data: bytes) -> dict[str, Any] | None:
        fast_calls.append(data)
        return real_fast(data)

    def counting_exact(text: bytes | str, file: str, lang: str) -> Any:
        exact_calls.append(file)
        return real_exact(text, file, lang)

    monkeypatch.setattr(fastload, "try_fast", counting_fast)
    monkeypatch.setattr(clusterctl.source.loader, "parse_yaml", counting_exact)
    options = CheckOptions(lang="en", today=TODAY)
    results = run([str(PROJECTS)], options, RunOptions(jobs=1))
    assert len(fast_calls) == len(results) == 5
    assert len(set(exact_calls)) == len(exact_calls)
    for result in results:
        data = Path(result.file).read_bytes()
        expected = bool(result.diagnostics) or real_fast(data) is None
        assert (result.file in exact_calls) == expected, result.file


def test_the_accelerator_is_on_unless_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(fastload.NO_ACCEL_ENV, raising=False)
    assert fastload.enabled()  # so the rest of the suite runs with it
    monkeypatch.setenv(fastload.NO_ACCEL_ENV, "1")
    assert not fastload.enabled()
    called: list[bytes] = []
    monkeypatch.setattr(fastload, "try_fast", lambda data: called.append(data))
    check_bytes((DATA / "valid" / "06-minimal.yaml").read_bytes(), "f.yaml", CheckOptions())
    assert called == []


# ------------------------------------------------------------------ targeted cases


def _doc(text: str) -> bytes:
    return textwrap.dedent(text).encode("utf-8")


@pytest.mark.parametrize("text", [
    "a: 1.10\nb: [1.1, 2.0, 10.20]\n", "a: 0\nb: -5\nc: 2024\nd: 12345678901234567890\n",
    "1: a\n2.5: b\n", "a: 2024-09-01\nb: 10:00\nc: 12:30:00\n", "a: yes\nb: no\nc: on\n",
    "a: null\nb: ~\nc:\nd: ''\ne: \"null\"\n", "a: .inf\nb: .NaN\nc: -.inf\n",
    "a: +7 (999) 123-45-67\nb: '007'\nc: \"+5\"\n", "a: 5 лет\nb: [Иванов И.И., Петров П.П.]\n",
    "a: {id: x, title: «Зелёный район»}\nb: [[1, 2], {k: v}]\n",
    "\ufeffa: b\n", "a: |\n  x\n  y\n\nb: >-\n  p\n  q\n", "a: |+\n  x\n\n\nb: c\n",
    "a: >\n  x\n\n   more\n  y\n", "a: 'it''s'\nb: \"\\\"q\\\" \\\\ \"\n", "a: b\n...\n",
    "a: x # comment\n# end\n", "a:\n- b\n- c\n", "? a\n: b\n", "a: b\n\n\n", "a: x]\n",
])
def test_equal_to_the_exact_loader(text: str) -> None:
    data = text.encode("utf-8")
    assert _exact(data) is not None
    _assert_exact_or_none(data)


@pytest.mark.parametrize("text", [
    "a: 1.10\nb: [1.1, 2.0]\nc: 0\nd: -5\n", "1.5: x\n7: y\n", "a: {id: x, n: [1, 2]}\n",
    "a: null\nb:\nc: ~\n", "\ufeffa: b\n", "a: 10:00\n", "a: |\n  x\n\nb: >-\n  y\n",
])
def test_these_take_the_fast_path(text: str) -> None:
    fast = _assert_exact_or_none(text.encode("utf-8"))
    assert fast is not None


@pytest.mark.parametrize("text", [
    # integers whose text str(int) would not give back
    "a: 007\n", "a: -0\n", "a: +5\n", "a: 1_000\n", "a: 0x1F\n", "a: 0o17\n", "a: 0b101\n",
    "a: 00\n", "a: -007\n", "a: [1, 007]\n", '{"a":007}\n', "007: a\n", "a: _1\n",
    # typed values the exact loader keeps as text
    "a: true\n", "a: False\n", "a: 1e5\n", "a: 1E-3\n",
    # keys the exact loader refuses or merges
    "1: a\n'1': b\n", "'': a\n", "~: a\n", "null: a\n", "? [a]\n: b\n", "ke\u200by: a\n",
    # tags, anchors, aliases, merge keys, directives, several documents
    "a: !!str 5\n", "a: !x b\n", "a: &x b\nc: *x\n", "a: {<<: {b: 1}}\n", "%YAML 1.2\n---\na: b\n",
    "a: b\n---\nc: d\n", "--- a\n", "- a\n", "a\n",
    # characters libyaml refuses or reads as line breaks; our own placeholder for "."
    "a: b\x01c\n", "a: b\x7fc\n", "a: b\u0085c\n", "a: b\u2028c\n", "a: b\u2029c\n",
    "a: b\ufeffc\n", "a: b\ufffec\n", "a: b\u0080c\n", "a: b\tc\n", "a: b\r\nc: d\r\n",
    "a: b\x00c\n", "a: b\ue000c\n", 'a: "\\ue000"\n', 'a: "x.\\uE000"\n', 'a: "\\U0000e000"\n',
    "a: b\ue000c.\n",
    # block scalars that end the file (yaml-rs adds a line break)
    "a: |\n", "a: >\n\n\n", "a: |+\n", "a: |\n  x", "a: >-\n  x\nb: |",
    # flow text libyaml refuses and yaml-rs reads
    "a: [b, |c]\n", "a: [b, >c]\n", "a: {b: :c}\n", "a: [b, :c]\n", "a: {b\n  c: d}\n",
    "a: [b,\n  c]\n", "a: [b, 'c\n  d']\n",
    # nesting deeper than the exact loader allows
    "a:" + "".join(f"\n{' ' * i}k{i}:" for i in range(1, MAX_DEPTH + 2)) + " x\n",
])
def test_these_take_the_exact_path(text: str) -> None:
    assert fastload.try_fast(text.encode("utf-8")) is None


def test_nesting_at_the_limit() -> None:
    """The exact loader accepts 64 nested collections and refuses 65; so does the walk."""
    def nested(depth: int) -> bytes:
        lines = ["k0:"] + [f"{' ' * i}k{i}:" for i in range(1, depth)]
        return ("\n".join(lines) + " x\n").encode()

    assert _exact(nested(MAX_DEPTH)) is not None and _exact(nested(MAX_DEPTH + 1)) is None
    assert fastload.try_fast(nested(MAX_DEPTH)) == _exact(nested(MAX_DEPTH))
    assert fastload.try_fast(nested(MAX_DEPTH + 1)) is None


def test_a_node_count_over_the_cap_takes_the_exact_path(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"a: [1, 2, 3]\nb: c\n"
    assert fastload.try_fast(data) is not None
    monkeypatch.setattr(fastload, "MAX_NODES", 5)
    assert fastload.try_fast(data) is None


def test_without_yaml_rs_everything_takes_the_exact_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fastload, "_parser", lambda: None)
    assert fastload.try_fast(b"a: b\n") is None


# ------------------------------------------------------------------ (b) hypothesis

WORDS = ["Проект", "школа", "№", "5", "ИМЦ", "Иванова", "И.И.", "до", "15.10.2024", "2024-09-01",
         "1.10", "10:00", "итоги", "«Зелёный", "район»", "—", "project", "x", "Ёлка", "1", "0",
         "007", "+7", "-0", "1_000", "0x1F", "1e5", ".5", "true", "yes", "null", "~", "no", "N/A",
         "1.", "3.14", "-2", "12", "2.0", "1.1.1", "12:30:00", "https://edu.example.ru/a",
         "e-mail@ya.ru", "50%", "C++", "C#", "(пилот)", "[1]", "{x}", "т.д.", "…", "😀",
         "\u00a0", "\u00ad", "é", "a'b", 'a"b', "a\\b", "a:b", "a#b", "a,b"]
KEYS = ["id", "title", "due", "status", "responsible", "steps", "описание", "Название",
        "done_on", "1.1", "2", "a b", "key.with.dots", "x", "ключ", "007", "true", "1e3", "_1"]
TRICKY = [" ", ": ", " #", "'", '"', "\\", "\\n", "\\x41", "\\u0416", "\\N", "\\_", "\\/",
          "\\L", "\\P", "\\ ", '\\"', "\\q", "#", ":", "-", ",", "[", "]", "{", "}", "|", ">",
          "%", "@", "`", "!", "&", "*", "?", "\u2028", "\u0085", "\ufeff", "\x7f", "\t", "''",
          "<<", "...", "---"]
CLEAN_WORDS = [w for w in WORDS if w not in {
    "007", "+7", "-0", "1_000", "0x1F", "1e5", "true", "a:b", "a#b", "C#", "[1]", "{x}"}]
CLEAN_KEYS = [k for k in KEYS if k not in {"007", "1e3", "true", "_1"}]
"""Without the words that send a file to the exact path by design."""
BLOCK_HEADERS = ["|", ">", "|-", ">-", "|+", ">+", "|2", ">1", "|-2", ">+1", "| # c"]


class Choices:
    """Choices drawn by hypothesis (so that failures shrink)."""

    def __init__(self, draw: Callable[[st.SearchStrategy[Any]], Any], tricky: int,
                 words: Sequence[str] = WORDS, keys: Sequence[str] = KEYS) -> None:
        self.draw = draw
        self.tricky = tricky  # in percent
        self.words = words
        self.keys = keys

    def choice(self, options: Sequence[T]) -> T:
        value: T = self.draw(st.sampled_from(options))
        return value

    def number(self, low: int, high: int) -> int:
        value: int = self.draw(st.integers(low, high))
        return value

    def chance(self, percent: int) -> bool:
        return self.number(1, 100) <= percent


def _words(c: Choices, count: int) -> str:
    parts = [c.choice(TRICKY) if c.chance(c.tricky) else c.choice(c.words) for _ in range(count)]
    return "".join(parts) if c.chance(10) else " ".join(parts)


def _scalar(c: Choices, indent: int) -> list[str]:
    """The text after "key: " and its continuation lines."""
    pad = " " * indent
    kind = c.number(0, 8)
    if kind <= 2:
        return [_words(c, c.number(1, 4))]
    if kind == 3:  # plain, over several lines
        lines = [_words(c, c.number(1, 3))]
        for _ in range(c.number(1, 3)):
            if c.chance(30):
                lines.append(c.choice(["", " ", pad]))
            lines.append(pad + " " * c.number(0, 2) + _words(c, c.number(1, 3)))
        return lines
    if kind in (4, 5):  # quoted, maybe over several lines
        quote = '"' if kind == 4 else "'"
        body = _words(c, c.number(0, 4))
        body = body.replace('"', '\\"') if kind == 4 else body.replace("'", "''")
        first, *rest = body.split(" ")
        if not rest or c.chance(60):
            return [quote + body + quote]
        lines = [quote + first]
        for part in rest:
            lines.append(pad + " " * c.number(0, 2) + part + c.choice(["", " ", "\\"]))
            if c.chance(20):
                lines.append("")
        lines[-1] += quote
        return lines
    if kind in (6, 7):  # block scalar
        header = c.choice(BLOCK_HEADERS)
        digits = [int(ch) for ch in header if ch.isdigit()]
        base = pad + " " * (digits[0] if digits else c.number(0, 1))
        lines = [header]
        for _ in range(c.number(0, 5)):
            shape = c.number(0, 6)
            lines.append(
                "" if shape == 0
                else base + " " * c.number(1, 3) + _words(c, 2) if shape == 1
                else base + c.choice(["", " ", "  "]) if shape == 2
                else base + "# не комментарий" if shape == 3
                else base + _words(c, c.number(1, 4)) + c.choice(["", "", " ", "  "])
            )
        return lines
    items = [_words(c, c.number(1, 2)) if c.chance(80) else c.choice(['"x, y"', "'a'", "[a, b]"])
             for _ in range(c.number(0, 4))]
    if c.chance(50):
        return ["[" + c.choice([", ", ","]).join(items) + "]" + c.choice(["", " # c"])]
    pairs = [f"{c.choice(c.keys)}: {item}" for item in items]
    return ["{" + ", ".join(pairs) + "}"]


def _mapping(c: Choices, indent: int, depth: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    used: set[str] = set()
    for _ in range(c.number(1, 5)):
        key = c.choice(c.keys) if c.chance(85) else _words(c, 1)
        if key in used and c.chance(90):
            continue
        used.add(key)
        if c.chance(10):
            key = f'"{key}"'.replace('""', '"')
        if c.chance(10):
            lines.append(pad + c.choice(["# комментарий", "#", "# " + _words(c, 2)]))
        if c.chance(10):
            lines.append(c.choice(["", " ", pad]))
        shape = c.number(0, 9)
        if depth < 4 and shape == 0:
            lines.append(pad + key + ":" + c.choice(["", " ", " # c"]))
            lines.extend(_mapping(c, indent + c.choice([2, 4, 1]), depth + 1))
        elif depth < 4 and shape == 1:
            lines.append(pad + key + ":")
            lines.extend(_sequence(c, indent + c.choice([0, 2]), depth + 1))
        elif shape == 2:
            lines.append(pad + key + ":" + c.choice(["", " ", "  # пусто"]))
        else:
            first, *rest = _scalar(c, indent + 2)
            lines.append(pad + key + ": " + first + ("" if rest else c.choice(["", " # c", "  "])))
            lines.extend(rest)
    return lines


def _sequence(c: Choices, indent: int, depth: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for _ in range(c.number(1, 4)):
        shape = c.number(0, 5)
        if depth < 4 and shape <= 1:
            first, *rest = _mapping(c, indent + 2, depth + 1)
            if first.startswith(" " * (indent + 2)):
                lines.append(pad + "- " + first[indent + 2:])
            else:  # a comment or blank line first: the item starts on the next line
                lines.extend([pad + "-", first])
            lines.extend(rest)
        elif shape == 2:
            lines.append(pad + "-" + c.choice(["", " # c"]))
        else:
            first, *rest = _scalar(c, indent + 2)
            lines.append(pad + "- " + first)
            lines.extend(rest)
    return lines


@st.composite
def plan_like(draw: Callable[[st.SearchStrategy[Any]], Any]) -> bytes:
    c = Choices(draw, draw(st.sampled_from([0, 0, 3, 15])))
    lines = _mapping(c, 0, 0)
    if c.chance(10):
        lines.insert(0, c.choice(["---", "# файл", "--- # c"]))
    text = "\n".join(lines) + c.choice(["\n", "\n", "", "\n\n", "\n# конец\n", "\n  \n"])
    return text.encode("utf-8")


SETTINGS = settings(max_examples=400, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@SETTINGS
@given(data=plan_like())
def test_plan_like_yaml_is_exact_or_none(data: bytes) -> None:
    _assert_exact_or_none(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.dictionaries(
    st.text(alphabet="абвгдеёжabcxyz_1.", min_size=1, max_size=8),
    st.recursive(
        st.text(alphabet="абвгдеёжзАБВabcXYZ0123456789 .,:;!?-—«»\"'#@%|>[]{}()№/\\\n",
                 max_size=30) | st.none(),
        lambda children: st.lists(children, max_size=3)
        | st.dictionaries(st.text(alphabet="abcжз", min_size=1, max_size=5), children,
                          max_size=3),
        max_leaves=12,
    ),
    min_size=1, max_size=5,
), flow=st.booleans(), width=st.sampled_from([20, 60, 1000]))
def test_pyyaml_dumps_are_exact_or_none(data: dict[str, Any], flow: bool, width: int) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False,
                          default_flow_style=flow, width=width)
    _assert_exact_or_none(text.encode("utf-8"))


def test_the_property_reaches_the_fast_path() -> None:
    """Not vacuous: most plan-like documents without the words that send a file to the exact
    path by design (007, 1e5, true, ...) do take the fast path (fixed seeds)."""
    import random

    class Seeded(Choices):
        def __init__(self, seed: int) -> None:
            rng = random.Random(seed)
            super().__init__(lambda strategy: None, 0, CLEAN_WORDS, CLEAN_KEYS)
            self.rng = rng

        def choice(self, options: Sequence[T]) -> T:
            return self.rng.choice(options)

        def number(self, low: int, high: int) -> int:
            return self.rng.randint(low, high)

    taken = accepted = 0
    for seed in range(300):
        data = ("\n".join(_mapping(Seeded(seed), 0, 0)) + "\n").encode()
        if _exact(data) is not None:
            accepted += 1
            taken += _assert_exact_or_none(data) is not None
    assert taken >= accepted // 2, (taken, accepted)


# ------------------------------------------------------------------ (c) hostile input


def _hostile() -> Iterator[tuple[str, bytes, bool]]:
    """(name, bytes, whether yaml-rs may see them at all)."""
    yield "50,000 nested [", b"a: " + b"[" * 50_000 + b"]" * 50_000 + b"\n", False
    yield "50,000 nested {", b"a: " + b"{a: " * 50_000 + b"}" * 50_000 + b"\n", False
    yield "unclosed brackets", b"a: " + b"[" * 50_000 + b"\n", False
    yield "50,000 nested - -", b"a:\n" + b"- " * 50_000 + b"x\n", False
    yield "50,000 nested ? ?", b"? " * 50_000 + b"x\n", False
    yield "20,000 indented maps", b"".join(
        b" " * i + b"k%d:\n" % i for i in range(20_000)) + b" " * 20_000 + b"x\n", False
    yield "alias bomb", (DATA / "invalid" / "23-alias-bomb.yaml").read_bytes(), False
    yield "recursive alias", b"a: &a [*a]\n", False
    yield "python tag", b"a: !!python/object/apply:os.system ['echo hi']\n", False
    yield "local tag", b"a: !x b\n", False
    yield "NUL", b"a: b\x00c\n", False
    yield "huge integer", b"a: " + b"9" * 100_000 + b"\n", True
    yield "duplicate keys", b"a: 1\na: 2\n", True
    yield "duplicate nested keys", b"a:\n  b: 1\n  b: 1\n", True


HOSTILE = list(_hostile())


@pytest.mark.parametrize(("name", "data", "may_parse"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_input_never_reaches_an_unsafe_yaml_rs(
    name: str, data: bytes, may_parse: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = fastload._parser()
    assert real is not None
    seen: list[str] = []

    def spy(data: bytes, **options: Any) -> Any:
        seen.append(name)
        return real(data, **options)

    monkeypatch.setattr(fastload, "_parser", lambda: spy)
    assert fastload.try_fast(data) is None
    if not may_parse:
        assert seen == []


def test_hostile_input_does_not_crash_the_process() -> None:
    """In a subprocess, so that a crash (yaml-rs overflows the stack on about 15,000 nested
    block collections) fails this test instead of killing the test run. yaml-rs itself stops
    50,000 nested brackets with an error ("recursion limit exceeded")."""
    code = textwrap.dedent("""
        import sys, yaml_rs
        sys.path.insert(0, sys.argv[1])
        from tests.source.test_fast import HOSTILE
        from clusterctl.source.fast import try_fast
        from clusterctl.check import check_bytes, CheckOptions
        for name, data, _ in HOSTILE:
            assert try_fast(data) is None, name
            result = check_bytes(data, "f.yaml", CheckOptions())
            assert result.diagnostics, name
        try:
            yaml_rs.loads("a: " + "[" * 50_000 + "]" * 50_000)
        except yaml_rs.YAMLDecodeError as exc:
            assert "recursion limit" in str(exc)
        else:
            raise AssertionError("yaml-rs read 50,000 nested brackets")
        print("ok")
    """)
    done = subprocess.run([sys.executable, "-c", code, str(ROOT)], capture_output=True,
                          text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("ok")


@given(st.binary(max_size=200).map(lambda b: b.replace(b"\x00", b"")) | st.text(
    alphabet=" \t\n#ab:-", max_size=80).map(str.encode))
def test_comments_after_values_are_what_the_regex_finds(body: bytes) -> None:
    """The comment search from each «#» decides the fast path as `[^\\s][ \\t]+#` would: the
    same lines are looked at (by their starts and where their runs end)."""
    import re

    from clusterctl.source.fast import _comments_after_values

    expected = [(m.start(), m.end()) for m in re.finditer(rb"[^\s][ \t]+#", body)]
    found = list(_comments_after_values(body))
    # the regex's matches do not overlap: a «#» right before another run is its start only
    assert set(expected) <= set(found)
    assert {body.rfind(b"\n", 0, s) for s, _ in found} == {
        body.rfind(b"\n", 0, s) for s, _ in expected}
