"""A seeded mutation fuzzer of the whole command line.

Each execution `i` of a run with seed `S` is fully determined by `(S, i)`: it takes one plan of
the corpus (the example plans, the positive and negative examples, the query and render
fixtures), mutates it (or not) with YAML-aware and byte-level mutations, and runs one command
on it with option values drawn from sets that include the extremes (dates at the ends of the
calendar, zero and huge windows, unknown filter values, output paths into missing folders or
onto folders, refs that do not exist). Every read command in every format, every document kind
in md and html, `templates`, and every edit command with and without `--dry-run` are covered.

An execution fails when: its output holds a traceback or an internal error; its exit status is
not 0, 1 or 2; it runs over `MAX_SECONDS`; or what it printed or wrote does not parse as the
format asked for (JSON, CSV, ICS, HTML). `python -m tests.fuzzing` runs it (see `make fuzz`);
tests/test_fuzz_slice.py runs a small deterministic slice inside `make test`. A failure is
printed with its `S:i`, and `--replay S:i` runs that one execution again.
"""

from __future__ import annotations

import contextlib
import csv
import html.parser
import io
import json
import os
import random
import shutil
import signal
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
MAX_SECONDS = 10.0
"""No execution may take longer (the criterion; the template limit is set below it)."""


def corpus() -> list[Path]:
    """The plans mutated: every YAML file of the examples and of the test data."""
    folders = [ROOT / "projects", ROOT / "tests" / "data"]
    found = [p for folder in folders for p in folder.rglob("*.yaml")]
    return sorted(found, key=lambda p: p.as_posix())


# ---------------------------------------------------------------------------- mutations

EXTREME_DATES = ("9999-12-31", "0001-01-01", "2022-02-30", "31.02.2023", "1899-12-31",
                 "2199-12-31", "1900-01-01", "2022-10-16", "16.10.2022", "00.00.0000", "")
EXTREME_NUMBERS = ("0", "-1", "1000000000", "99999999999999999999", "1e400", "nan", "3.5",
                   "007", "0x1F", "-0", "")
ODD_TEXT = ("\u200b", "\u00a0", "\u202e", "\ufeff", "𝔸", "Ё", "«", "»", "#", ": ", " #",
            "- ", "[", "]", "{", "}", "&a", "*a", "!!python/object:os.system", "%", "@", "`",
            "|", ">", "\\", '"', "'", "\t", "\r", "\x00", "\x1b", "ÿ", "\udcff")
PHRASES = ("До 26.09.2022", "10.10.2022 - 14.10.2022", "Постоянно в течение года",
           "По отдельному графику", "Январь-февраль 2014", "ежеквартально", "Март",
           "до конца года", "II полугодие 2022-2023 учебного года", "31.12-10.01.2023",
           "когда-нибудь", "14.10.2022 - 10.10.2022", "до 31.02.2022", "2022/23 уч. год",
           "с 10 по 14 октября 2022 г.", "1 раз в четверть", "" , "x" * 300)
KEYS = ("id", "title", "due", "result", "responsible", "status", "done_on", "cancelled_on",
        "cancel_reason", "steps", "tasks", "stages", "period", "project", "people", "name",
        "rules", "meeting_horizon_months", "announcement_days_before", "district_schools",
        "event", "outcome", "held_on", "date", "reschedules", "срок", "ответственный")


def _lines(text: str) -> list[str]:
    return text.split("\n")


def mutate(data: bytes, rng: random.Random) -> bytes:
    """`data` with 1-3 mutations of the kinds below (a fifth of the time, none)."""
    if rng.random() < 0.35:
        return data
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        data = rng.choice(_MUTATIONS)(data, rng)
    return data


def _text_mutation(func: Callable[[list[str], random.Random], None]
                   ) -> Callable[[bytes, random.Random], bytes]:
    def apply(data: bytes, rng: random.Random) -> bytes:
        lines = _lines(data.decode("utf-8", errors="surrogateescape"))
        if not lines:
            return data
        func(lines, rng)
        return "\n".join(lines).encode("utf-8", errors="surrogateescape")

    return apply


@_text_mutation
def _value(lines: list[str], rng: random.Random) -> None:
    """Replace the value of a `key: value` line with an extreme or odd one."""
    keyed = [i for i, line in enumerate(lines) if ": " in line and not line.lstrip().startswith("#")]
    if not keyed:
        return
    i = rng.choice(keyed)
    head = lines[i].split(": ", 1)[0]
    value = rng.choice((rng.choice(EXTREME_DATES), rng.choice(EXTREME_NUMBERS),
                        rng.choice(PHRASES), rng.choice(ODD_TEXT) * rng.randint(1, 3),
                        "x" * rng.choice((64, 65, 500, 501, 5000))))
    lines[i] = f"{head}: {value}"


@_text_mutation
def _key(lines: list[str], rng: random.Random) -> None:
    """Rename a key (to another key of the format, a Russian word, or a typo)."""
    keyed = [i for i, line in enumerate(lines) if ":" in line and not line.lstrip().startswith("#")]
    if not keyed:
        return
    i = rng.choice(keyed)
    indent = len(lines[i]) - len(lines[i].lstrip(" -"))
    rest = lines[i].split(":", 1)[1]
    lines[i] = lines[i][:indent] + rng.choice(KEYS) + ":" + rest


@_text_mutation
def _indent(lines: list[str], rng: random.Random) -> None:
    i = rng.randrange(len(lines))
    if rng.random() < 0.5:
        lines[i] = " " * rng.choice((1, 2, 4)) + lines[i]
    else:
        lines[i] = lines[i][rng.randint(1, 4):]


@_text_mutation
def _lines_shuffle(lines: list[str], rng: random.Random) -> None:
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    choice = rng.random()
    if choice < 0.4:
        lines[i], lines[j] = lines[j], lines[i]
    elif choice < 0.7:
        lines.insert(j, lines[i])
    else:
        del lines[min(i, j):max(i, j) + 1][: rng.randint(1, 5)]


@_text_mutation
def _insert(lines: list[str], rng: random.Random) -> None:
    i = rng.randrange(len(lines))
    pos = rng.randint(0, len(lines[i]))
    lines[i] = lines[i][:pos] + rng.choice(ODD_TEXT) + lines[i][pos:]


@_text_mutation
def _block(lines: list[str], rng: random.Random) -> None:
    """Insert a structural block: a deep nesting, an alias bomb, a task with odd fields."""
    i = rng.randrange(len(lines))
    blocks = (
        ["x: " + "[" * rng.choice((10, 70, 2000))],
        ["a: &a [x, x, x, x, x, x, x, x, x]", "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
         "c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b]"],
        ["  - id: \"99\"", f"    title: {rng.choice(ODD_TEXT)}", f"    due: {rng.choice(PHRASES)}",
         f"    status: {rng.choice(('done', 'cancelled', 'in_progress', 'planned', 'x'))}",
         f"    done_on: {rng.choice(EXTREME_DATES)}"],
        ["rules:", f"  meeting_horizon_months: {rng.choice(EXTREME_NUMBERS)}",
         f"  meetings_per_year: {rng.choice(EXTREME_NUMBERS)}",
         f"  report_due: [{rng.choice(EXTREME_DATES)}]"],
        ["---", "version: 1"],
    )
    lines[i:i] = rng.choice(blocks)


@_text_mutation
def _grow(lines: list[str], rng: random.Random) -> None:
    """Repeat a run of lines many times (a plan of thousands of tasks, a long list)."""
    i = rng.randrange(len(lines))
    run = lines[i:i + rng.randint(1, 12)]
    lines[i:i] = run * rng.choice((10, 100, 1000))


def _bytes(data: bytes, rng: random.Random) -> bytes:
    """Byte-level damage: flip, insert, delete, truncate, re-encode."""
    if not data:
        return bytes(rng.randrange(256) for _ in range(8))
    choice = rng.random()
    pos = rng.randrange(len(data))
    if choice < 0.3:
        return data[:pos] + bytes([rng.randrange(256)]) + data[pos + 1:]
    if choice < 0.5:
        return data[:pos] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 8))) + data[pos:]
    if choice < 0.7:
        return data[:pos] + data[pos + rng.randint(1, 200):]
    if choice < 0.85:
        return data[:pos]
    text = data.decode("utf-8", errors="replace")
    return text.encode(rng.choice(("cp1251", "koi8_r", "utf-16")), errors="replace")


_MUTATIONS: tuple[Callable[[bytes, random.Random], bytes], ...] = (
    _value, _value, _value, _key, _indent, _lines_shuffle, _insert, _block, _grow, _bytes,
)


# ---------------------------------------------------------------------------- commands

AS_OF = ("2022-10-16", "2014-11-01", "16.10.2022", "9999-12-31", "0001-01-02", "1900-01-01",
         "2199-12-31", "2022-02-30", "yesterday", "")
WINDOWS = ("14d", "0d", "1d", "2w", "1m", "9999m", "9999d", "-1d", "abc", "14д", "")
FORMATS = ("table", "json", "csv", "md", "xml")
REFS = ("1", "2", "3", "8", "8.2", "9.1", "15", "II/1.1", "I/1", "1.1", "999", "", " ", "a/b",
        "Задача №2", "1." * 40)
NAMES = ("Чечуркина", "Шкуратская М.В.", "Руководители ОО", "Никто", "", "x" * 600)
STATUSES = ("open", "done", "planned,in_progress", "cancelled", "bogus")
KINDS = ("roadmap", "passport", "report", "note", "announcement", "press-release", "agenda",
         "bogus")


@dataclass
class Execution:
    """One command run on one (mutated) plan, with what it must produce."""

    args: list[str]
    expect: str = "text"
    """What stdout must parse as: text, json, csv, ics, html."""
    output: Path | None = None
    """A file the command writes (checked like stdout when it exists)."""
    source: str = ""
    plan: bytes = b""


def _pick(rng: random.Random, values: tuple[str, ...], none: float = 0.3) -> str | None:
    return None if rng.random() < none else rng.choice(values)


def _day(rng: random.Random) -> str:
    """A date option: mostly one the plans are about, sometimes an extreme or a bad one."""
    return rng.choice(AS_OF[:3]) if rng.random() < 0.8 else rng.choice(AS_OF)


def _common(rng: random.Random, cache: bool = True) -> list[str]:
    args: list[str] = []
    if rng.random() < 0.9:
        args += ["--as-of", _day(rng)]
    if rng.random() < 0.3:
        args += ["--lang", rng.choice(("en", "ru", "en", "ru", "de"))]
    if cache and rng.random() < 0.2:
        args += ["--no-cache"]
    return args


def _format(rng: random.Random) -> str:
    return "xml" if rng.random() < 0.03 else rng.choice(FORMATS[:4])


def _filters(rng: random.Random) -> list[str]:
    args: list[str] = []
    for option, values in (("-p", ("primorye-roadmap-2022", "pk-roadmap-2022", "nope")),
                           ("--stage", ("I", "II", "1", "нет")),
                           ("--cluster", ("civic", "нет")), ("-r", NAMES),
                           ("-s", STATUSES)):
        if rng.random() < 0.12:
            args += [option, rng.choice(values)]
    return args


def _output(rng: random.Random, work: Path, name: str) -> tuple[list[str], Path | None]:
    roll = rng.random()
    if roll < 0.6:
        return [], None
    if roll < 0.8:
        target = work / name
        return ["-o", str(target)], target
    if roll < 0.9:
        return ["-o", str(work / "missing" / name)], None
    folder = work / "existing"
    folder.mkdir(exist_ok=True)
    return ["-o", str(folder)], None


def make_execution(seed: int, index: int, plans: list[Path], work: Path) -> Execution:
    """Execution `index` of the run with `seed` (its plan written into `work`)."""
    rng = random.Random(f"{seed}:{index}")
    source = rng.choice(plans)
    data = mutate(source.read_bytes(), rng)
    path = work / ("plan.yaml" if rng.random() < 0.9 else "план.yml")
    path.write_bytes(data)
    target = str(path)
    kind = rng.choices(
        ("validate", "when", "overdue", "upcoming", "meeting", "status", "who", "who-name",
         "ics", "render", "templates", "edit", "schema", "rules", "diff", "init"),
        weights=(16, 4, 10, 8, 3, 8, 6, 4, 6, 14, 3, 14, 1, 1, 8, 1),
    )[0]
    common = _common(rng)
    if kind == "validate":
        fmt = rng.choice(("text", "json", "github"))
        args = ["validate", target, "--format", fmt, *common]
        if rng.random() < 0.2:
            args.append("--strict")
        return Execution(args, "json" if fmt == "json" else "text", None, source.name, data)
    if kind == "when":
        args = ["when", rng.choice(PHRASES) + rng.choice(("", *ODD_TEXT))]
        if rng.random() < 0.4:
            args += ["--period", rng.choice(("2022-09-01..2023-05-31", "2023-01-01..2022-01-01",
                                             "2022-2023 учебный год", "junk"))]
        fmt = rng.choice(("text", "json"))
        return Execution([*args, "--format", fmt], fmt, None, source.name, data)
    if kind in ("overdue", "upcoming", "meeting", "status", "who", "who-name"):
        fmt = _format(rng)
        command = {"meeting": ["upcoming", "--meeting"], "who-name": ["who", rng.choice(NAMES)]
                   }.get(kind, [kind])
        args = [*command, target, *common, *_filters(rng), "--format", fmt]
        if kind in ("upcoming", "who", "who-name") and rng.random() < 0.4:
            args += ["--within", rng.choice(WINDOWS)]
        if kind == "overdue" and rng.random() < 0.3:
            args.append("--fail")
        expect = {"json": "json", "csv": "csv"}.get(fmt, "text")
        return Execution(args, expect, None, source.name, data)
    if kind == "ics":
        out, written = _output(rng, work, "plan.ics")
        args = ["export", "ics", target, *common, *_filters(rng), *out]
        if rng.random() < 0.3:
            args.append("--no-reminders")
        return Execution(args, "ics" if not out else "text", written, source.name, data)
    if kind == "render":
        fmt = rng.choice(("md", "html"))
        document = rng.choice(KINDS)
        args = ["render", document]
        if document in ("announcement", "press-release"):
            args.append(rng.choice(REFS))
        out, written = _output(rng, work, f"doc.{fmt}")
        args += [target, *common, "--format", fmt, *out]
        if rng.random() < 0.15:
            args += ["--from", _day(rng), "--to", _day(rng)]
        if rng.random() < 0.1:
            template = work / f"t.{fmt}.j2"
            template.write_text(rng.choice(_TEMPLATES), encoding="utf-8")
            args = ["render", "--template", str(template), target, *common, "--format", fmt,
                    "--timeout", "3"]
            return Execution(args, "text", None, source.name, data)  # a user's template:
            # any text, a fragment of HTML included
        return Execution(args, fmt if not out else "text", written, source.name, data)
    if kind == "templates":
        choice = rng.random()
        if choice < 0.3:
            args = ["templates", "list"]
        elif choice < 0.6:
            args = ["templates", "show", rng.choice((*KINDS, "roadmap.html.j2", "../x"))]
        else:
            args = ["templates", "copy", rng.choice((*KINDS, "all")),
                    str(rng.choice((work / "tpl", work / "plan.yaml" / "x", work)))]
            if rng.random() < 0.5:
                args.append("--force")
        return Execution(args, "text", None, source.name, data)
    if kind == "edit":
        command = rng.choice(("done", "reschedule", "cancel", "start"))
        args = [command, target, rng.choice(REFS), *_common(rng, cache=False)]
        if command == "done" and rng.random() < 0.5:
            args += ["--on", _day(rng)]
        if command == "reschedule":
            args += ["--to", rng.choice(PHRASES), "--reason", rng.choice(("перенос", "", " "))]
        if command == "cancel":
            args += ["--reason", rng.choice(("карантин", "", "x" * 1000))]
        if rng.random() < 0.5:
            args.append("--dry-run")
        return Execution(args, "text", None, source.name, data)
    if kind == "diff":
        # the old version: the source itself, another mutation of it, or another plan
        old = work / "old.yaml"
        roll = rng.random()
        old.write_bytes(source.read_bytes() if roll < 0.5 else
                        mutate(source.read_bytes(), rng) if roll < 0.8 else
                        rng.choice(plans).read_bytes())
        pair = [str(old), target] if rng.random() < 0.8 else [target, str(old)]
        if rng.random() < 0.1:
            pair[rng.randrange(2)] = rng.choice((str(work / "missing.yaml"), str(work)))
        if rng.random() < 0.1:
            return Execution(["diff", "--textconv", target, *common[:2]], "text", None,
                             source.name, data)
        fmt = rng.choice(("text", "md", "json", "json", "xml" if rng.random() < 0.1 else "text"))
        args = ["diff", *pair, "--format", fmt, *common[:2]]
        if rng.random() < 0.2:
            args.append("--stat")
        if rng.random() < 0.3:
            args.append("--exit-code")
        return Execution(args, "json" if fmt == "json" and "--stat" not in args else "text",
                         None, source.name, data)
    if kind == "init":
        folder = rng.choice((work / "repo", work / "plan.yaml", work / "plan.yaml" / "x"))
        args = ["init", str(folder)]
        if rng.random() < 0.5:
            args.append("--bare")
        return Execution(args, "text", None, source.name, data)
    if kind == "schema":
        out, written = _output(rng, work, "schema.json")
        return Execution(["schema", *out], "json" if not out else "text", written, source.name,
                         data)
    return Execution(["rules", *common[:0]], "text", None, source.name, data)


_TEMPLATES = (
    "{{ project.title }}",
    "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
    "{{ 'a' * 10**9 }}",
    "{% for i in range(100000) %}x{% endfor %}",
    "{{ project.__class__ }}",
    "{{ undefined_variable }}",
    "{% include 't.md.j2' %}{% include 't.html.j2' %}",
    "{% for s in stages %}{{ s.title }}{% endfor %}",
    "{{ items|length }}{% if %}",
)


# ---------------------------------------------------------------------------- checking

BAD_MARKERS = ("Traceback (most recent call last)", "internal-error", "внутренняя ошибка",
               "internal error")


class _HTMLCheck(html.parser.HTMLParser):
    def error(self, message: str) -> None:  # pragma: no cover - older Pythons
        raise ValueError(message)


def parses(kind: str, text: str) -> str | None:
    """Why `text` is not valid `kind` output (None when it is)."""
    try:
        if kind == "json":
            json.loads(text)
        elif kind == "csv":
            rows = list(csv.reader(io.StringIO(text)))
            if rows and any(len(row) != len(rows[0]) for row in rows):
                return "CSV rows of different lengths"
        elif kind == "ics":
            from icalendar import Calendar

            Calendar.from_ical(text)
        elif kind == "html":
            if not text.lstrip().lower().startswith("<!doctype html"):
                return "HTML without a doctype"
            checker = _HTMLCheck()
            checker.feed(text)
            checker.close()
    except Exception as exc:
        return f"{kind} does not parse: {type(exc).__name__}: {exc}"
    return None


@dataclass
class Failure:
    seed: int
    index: int
    args: list[str]
    source: str
    reason: str
    output: str

    def describe(self) -> str:
        return (f"{self.seed}:{self.index} {self.reason}\n  plan: mutated {self.source}\n"
                f"  args: {self.args}\n  output: {self.output[-1500:]}")


class _Timeout(BaseException):  # not an Exception: no handler of the tool may catch it
    pass


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise _Timeout in this (main) thread after `seconds` of wall time."""
    def ring(signum: int, frame: Any) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_one(seed: int, index: int, plans: list[Path], work: Path) -> Failure | None:
    """Run execution `index` of `seed` in this process; its failure, or None."""
    from typer.testing import CliRunner

    from clusterctl.cli import app

    for child in work.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
    execution = make_execution(seed, index, plans, work)
    started = time.monotonic()
    try:
        with _deadline(MAX_SECONDS * 1.5):
            result = CliRunner().invoke(app, execution.args, catch_exceptions=True)
    except _Timeout:
        return Failure(seed, index, execution.args, execution.source, "over the time limit", "")
    elapsed = time.monotonic() - started
    output = result.stdout + result.stderr

    def failed(reason: str) -> Failure:
        return Failure(seed, index, execution.args, execution.source, reason, output)

    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        trace = "".join(traceback.format_exception(result.exception))
        return Failure(seed, index, execution.args, execution.source,
                       f"exception {type(result.exception).__name__}", trace)
    for marker in BAD_MARKERS:
        if marker in output:
            return failed(f"output holds {marker!r}")
    if result.exit_code not in (0, 1, 2):
        return failed(f"exit status {result.exit_code}")
    if elapsed > MAX_SECONDS:
        return failed(f"took {elapsed:.1f} s")
    if result.exit_code != 2 and result.stdout:
        problem = parses(execution.expect, result.stdout)
        if problem:
            return failed(problem)
    if execution.output is not None and execution.output.is_file():
        kind = {".json": "json", ".ics": "ics", ".html": "html"}.get(execution.output.suffix,
                                                                     "text")
        problem = parses(kind, execution.output.read_text(encoding="utf-8", errors="replace"))
        if problem:
            return failed(f"written file: {problem}")
    return None


@dataclass
class Report:
    executions: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0


def run_range(seed: int, start: int, stop: int, cache: Path | None = None) -> Report:
    """Executions start..stop-1 of `seed`, in this process, each in a fresh folder; the cache
    is one folder for all of them (emptied every 500 executions)."""
    plans = corpus()
    report = Report()
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="clusterctl-fuzz-") as tmp:
        work = Path(tmp) / "work"
        work.mkdir()
        cache_dir = cache or Path(tmp) / "cache"
        saved = {name: os.environ.get(name) for name in
                 ("CLUSTERCTL_CACHE_DIR", "CLUSTERCTL_JOBS", "NO_COLOR", "COLUMNS",
                  "CLUSTERCTL_LANG")}
        os.environ.update({"CLUSTERCTL_CACHE_DIR": str(cache_dir), "CLUSTERCTL_JOBS": "1",
                           "NO_COLOR": "1", "COLUMNS": "120"})
        os.environ.pop("CLUSTERCTL_LANG", None)
        cwd = os.getcwd()
        os.chdir(work)
        try:
            for index in range(start, stop):
                if (index - start) % 500 == 0:
                    shutil.rmtree(cache_dir, ignore_errors=True)
                failure = run_one(seed, index, plans, work)
                report.executions += 1
                if failure is not None:
                    report.failures.append(failure)
        finally:
            os.chdir(cwd)
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
    report.seconds = time.monotonic() - began
    return report
