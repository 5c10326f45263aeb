"""Benchmarks: clusterctl's commands next to their baselines, measured in the same run.

    .venv/bin/python benchmarks/run.py [--sizes 1,100,2000] [--repeat N] [--quick]
                                       [--out docs/performance.md] [--no-jsonschema]

For each size the data set bench-data/<N>/ is generated (benchmarks/generate.py, seed 1) if it
is missing or was made by another version of the generator. Then every measurement runs
`repeat` times, interleaved round by round so that drift of the machine hits all of them
alike, and the medians are compared:

* baselines, each in a fresh worker process that times only its own loop over the files
  (interpreter start-up and imports excluded): raw read (`Path.read_bytes`), libyaml's C
  parser with no Python objects (`yaml._yaml.CParser(data).raw_parse()`: it only counts the
  events), `yaml.load` and `yaml.compose` with `CSafeLoader`;
* `check-jsonschema --schemafile schema/plan.schema.json FILES` (whole process, in batches);
* clusterctl's commands as the user runs them (whole process): `validate --no-cache` (cold),
  `validate` with an empty cache (it writes the cache), `validate` with the cache filled
  (warm), `overdue`, `status`, `who` (`--format json`) cold and warm; all with `--as-of
  2026-11-22`. The commands run in a temporary folder so that `.clusterctl_cache/` lands
  there; it is moved aside before every cold run (and deleted when all the rounds of a size
  are done, see `_drop_cache`). A command that does not exist yet is shown as n/a; without
  `--no-cache` support the cold run is a plain `validate` without the cache;
* start-up: `python -c pass`, `clusterctl --version`, `clusterctl validate` on one seed plan
  (cold: `--no-cache`; and warm).

Peak RSS of every process comes from `os.wait4` (ru_maxrss). No result is asserted: the
script prints tables with the ratios and the targets (✓/✗), and with --out writes them to a
Markdown file together with a description of the machine.
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = ROOT / "bench-data"
GENERATE = HERE / "generate.py"
SCHEMA = ROOT / "schema" / "plan.schema.json"
SEED_PLAN = ROOT / "projects" / "primorye-roadmap-2022.yaml"
AS_OF = "2026-11-22"
SEED = 1
CACHE_DIR = ".clusterctl_cache"
STARTUP_REPEAT = 15
ARGV_BUDGET = 100_000  # bytes of file names per check-jsonschema call

BIN = Path(sys.executable).parent


def _tool(name: str) -> str | None:
    local = BIN / name
    if local.exists():
        return str(local)
    return shutil.which(name)


# ------------------------------------------------------------------------------ worker


def _worker(kind: str, list_file: str) -> None:
    """Run one in-process baseline over the files named in `list_file`; print seconds."""
    paths = [Path(line) for line in Path(list_file).read_text("utf-8").splitlines() if line]
    import yaml

    body: Callable[[bytes], object]
    if kind == "read":
        def body(data: bytes) -> object:
            return None
    elif kind == "cparse":
        from yaml._yaml import CParser  # type: ignore[import-not-found]

        def body(data: bytes) -> object:
            return CParser(data).raw_parse()  # counts events; no Python objects
    elif kind == "load":
        def body(data: bytes) -> object:
            return yaml.load(data, Loader=yaml.CSafeLoader)
    elif kind == "compose":
        def body(data: bytes) -> object:
            return yaml.compose(data, Loader=yaml.CSafeLoader)
    else:
        raise SystemExit(f"unknown worker {kind}")
    start = time.perf_counter()
    for path in paths:
        body(path.read_bytes())
    elapsed = time.perf_counter() - start
    print(json.dumps({"seconds": elapsed}))


# ------------------------------------------------------------------------------ processes


@dataclass
class Run:
    seconds: float
    rss_mb: float
    code: int
    tree_mb: float = 0.0


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def tree_rss(root: int) -> int:
    """Bytes resident in `root` and all its descendants now (shared pages counted in each)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    try:
        entries = list(os.scandir("/proc"))
    except OSError:
        return 0
    for entry in entries:
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2:].split()
        pid = int(entry.name)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * _PAGE
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, ()))
    return total


class TreeSampler(threading.Thread):
    """Samples the summed RSS of a process tree every 50 ms (worker pools included)."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.peak = 0
        self.done = threading.Event()

    def run(self) -> None:
        while True:
            self.peak = max(self.peak, tree_rss(self.root))
            if self.done.wait(0.05):
                return


def child_env() -> dict[str, str]:
    """The environment of measured processes: a user's, with bytecode caching on.

    PYTHONDONTWRITEBYTECODE (set in some sandboxes and CI images) would make every start
    compile clusterctl's sources again; the .pyc files go to bench-data/.pycache instead of
    the source tree. No colours, no GitHub mode, Russian messages (the default)."""
    env = dict(os.environ)
    for name in ("GITHUB_ACTIONS", "CLUSTERCTL_LANG", "FORCE_COLOR", "PYTHONDONTWRITEBYTECODE",
                 "CLUSTERCTL_JOBS"):
        env.pop(name, None)
    env["NO_COLOR"] = "1"
    env["PYTHONPYCACHEPREFIX"] = str(DATA / ".pycache")
    return env


def run_process(cmd: list[str], cwd: Path, out: Path, sample: bool = False) -> Run:
    """Run a command to completion: wall time, peak RSS of its largest process (os.wait4),
    exit status and, with `sample`, the peak of its process tree's summed RSS."""
    sampler: TreeSampler | None = None
    with open(out, "wb") as stdout, open(out.with_suffix(".err"), "wb") as stderr:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=stdout, stderr=stderr, env=child_env())
        if sample and Path("/proc").is_dir():
            sampler = TreeSampler(proc.pid)
            sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    rss_mb = usage.ru_maxrss / 1024
    tree_mb = 0.0
    if sampler is not None:
        sampler.done.set()
        sampler.join()
        tree_mb = max(sampler.peak / 2**20, rss_mb)
    return Run(elapsed, rss_mb, proc.returncode, tree_mb)


@dataclass
class Measure:
    key: str
    label: str
    group: str  # baseline | tool | startup
    runner: Callable[[], Run]
    ok_codes: tuple[int, ...] = (0,)
    prepare: Callable[[], None] | None = None
    runs: list[Run] = field(default_factory=list)
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def best(self) -> float:
        return min(r.seconds for r in self.runs)

    @property
    def rss(self) -> float:
        return max(r.rss_mb for r in self.runs)

    @property
    def tree(self) -> float:
        """Peak summed RSS of the process tree (0: not sampled)."""
        return max(r.tree_mb for r in self.runs)

    @property
    def memory(self) -> float:
        return self.tree or self.rss

    @property
    def failed(self) -> bool:
        return any(r.code not in self.ok_codes for r in self.runs)


# ------------------------------------------------------------------------------ data


@dataclass
class DataSet:
    files: int
    path: Path
    bytes: int
    tasks: int
    steps: int
    paths: list[Path]


def _load_generator() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_generate", GENERATE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def ensure_data(files: int) -> DataSet:
    gen = _load_generator()
    outdir = DATA / str(files)
    marker = gen.read_marker(outdir)
    wanted = {"files": str(files), "seed": str(SEED), "gen": gen.generator_hash()}
    if any(marker.get(k) != v for k, v in wanted.items()):
        print(f"generating {outdir} ...", flush=True)
        subprocess.run(
            [sys.executable, str(GENERATE), str(outdir), "--files", str(files),
             "--seed", str(SEED), "--force"],
            check=True,
        )
        marker = gen.read_marker(outdir)
    paths = sorted(outdir.rglob("*.yaml"))
    return DataSet(files, outdir, int(marker["bytes"]), int(marker["tasks"]),
                   int(marker["steps"]), paths)


# ------------------------------------------------------------------------------ the CLI


@dataclass
class Cli:
    exe: str | None
    version: str
    commands: dict[str, bool]
    no_cache: bool
    jobs: bool = False


def probe_cli() -> Cli:
    exe = _tool("clusterctl")
    if exe is None:
        return Cli(None, "not installed", {}, False)
    version = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout.strip()
    commands: dict[str, bool] = {}
    for name in ("validate", "overdue", "status", "who"):
        probe = subprocess.run([exe, name, "--help"], capture_output=True, text=True)
        commands[name] = probe.returncode == 0
    help_text = subprocess.run([exe, "validate", "--help"], capture_output=True,
                               text=True).stdout
    return Cli(exe, version, commands, "--no-cache" in help_text, "--jobs" in help_text)


def source_stamp() -> str:
    """Sizes and times of clusterctl's sources: a change during a run (someone editing the
    checkout) mixes two versions in the figures and invalidates the warm cache."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted((ROOT / "clusterctl").rglob("*.py")):
        try:
            st = path.stat()
        except OSError:
            continue
        digest.update(f"{path}:{st.st_size}:{st.st_mtime_ns};".encode())
    return digest.hexdigest()[:12]


TRASH_DIR = ".bench-trash"
_TRASH: set[Path] = set()
_TRASHED = itertools.count()


def _drop_cache(*folders: Path) -> None:
    """Move each folder's cache out of the way, into a trash folder beside it (on the same
    file system, outside the data clusterctl searches), emptied by `empty_trash` only when
    all the rounds of a size are done.

    Deleting a filled cache (8,000 files for 2,000 plans) right before a measurement slowed
    the next run that wrote a cache by ≈ 0.5 s (`validate` filling it: 4.75–4.91 s after a
    deletion against 4.17–4.34 s after a rename, four runs each, on this machine's ext4
    mounted with online discard), and the deletion waited for some of the measurements, not
    others: each query's cold run followed the deletion of the cache the previous one had
    written, while `validate` filling the cache followed runs that write none. A rename
    costs nothing and leaves every measurement that writes a cache starting alike."""
    for folder in folders:
        cache = folder / CACHE_DIR
        if not cache.exists():
            continue
        trash = folder.parent / TRASH_DIR
        trash.mkdir(exist_ok=True)
        _TRASH.add(trash)
        cache.rename(trash / f"{folder.name}-{os.getpid()}-{next(_TRASHED)}")


def empty_trash() -> None:
    """Delete what `_drop_cache` moved aside (between the sizes, before the untimed warm-up
    runs of the next one), and write the deletion out."""
    for trash in sorted(_TRASH):
        shutil.rmtree(trash, ignore_errors=True)
    _TRASH.clear()
    if hasattr(os, "sync"):
        os.sync()


def size_measures(ds: DataSet, cli: Cli, work: Path, jsonschema: bool) -> list[Measure]:
    """The measurements of one data set, in the order they run in each round."""
    work.mkdir(parents=True, exist_ok=True)
    list_file = work / "files.txt"
    list_file.write_text("\n".join(str(p) for p in ds.paths) + "\n", encoding="utf-8")
    measures: list[Measure] = []

    def worker(kind: str) -> Callable[[], Run]:
        out = work / f"{kind}.out"

        def go() -> Run:
            result = run_process([sys.executable, str(Path(__file__)), "--worker", kind,
                                  str(list_file)], work, out)
            if result.code == 0:
                result.seconds = json.loads(out.read_text("utf-8"))["seconds"]
            return result
        return go

    measures += [
        Measure("read", "raw read (Path.read_bytes)", "baseline", worker("read")),
        Measure("cparse", "libyaml C parse, no objects (raw_parse)", "baseline",
                worker("cparse")),
        Measure("load", "yaml.load, CSafeLoader", "baseline", worker("load")),
        Measure("compose", "yaml.compose, CSafeLoader", "baseline", worker("compose")),
    ]
    checker = _tool("check-jsonschema")
    if jsonschema and checker is not None:
        batches: list[list[str]] = [[]]
        used = 0
        for p in ds.paths:
            if used + len(str(p)) + 1 > ARGV_BUDGET and batches[-1]:
                batches.append([])
                used = 0
            batches[-1].append(str(p))
            used += len(str(p)) + 1

        def check() -> Run:
            total = Run(0.0, 0.0, 0)
            for batch in batches:
                part = run_process([checker, "--schemafile", str(SCHEMA), *batch], work,
                                   work / "jsonschema.out")
                total.seconds += part.seconds
                total.rss_mb = max(total.rss_mb, part.rss_mb)
                total.code = max(total.code, part.code)
            return total

        measures.append(Measure("jsonschema", f"check-jsonschema ({len(batches)} call"
                                f"{'s' if len(batches) > 1 else ''})", "baseline", check))
    if cli.exe is None or not cli.commands.get("validate"):
        return measures
    exe = cli.exe
    data = str(ds.path)
    cold_dir, warm_dir = work / "cold", work / "warm"
    cold_dir.mkdir(exist_ok=True)
    warm_dir.mkdir(exist_ok=True)

    def command(args: list[str], cwd: Path, key: str) -> Callable[[], Run]:
        return lambda: run_process([exe, *args], cwd, work / f"{key}.out", sample=True)

    def cold() -> None:
        _drop_cache(cold_dir, ds.path)

    validate = ["validate", data, "--as-of", AS_OF]
    cold_args = [*validate, "--no-cache"] if cli.no_cache else validate
    note = "" if cli.no_cache else "no --no-cache option yet: plain validate, cache deleted"
    measures.append(Measure("validate_cold", "clusterctl validate --no-cache (cold)", "tool",
                            command(cold_args, cold_dir, "validate_cold"), prepare=cold,
                            note=note))
    if cli.jobs:
        measures.append(Measure("validate_serial", "clusterctl validate --no-cache -j 1",
                                "tool", command([*cold_args, "-j", "1"], cold_dir,
                                                "validate_serial"), prepare=cold,
                                note="one process, like yaml.load"))
    if cli.no_cache:
        measures.append(Measure("validate_write", "clusterctl validate, empty cache (writes)",
                                "tool", command(validate, cold_dir, "validate_write"),
                                prepare=cold))
    measures.append(Measure("validate_warm", "clusterctl validate, warm cache", "tool",
                            command(validate, warm_dir, "validate_warm"),
                            note="" if cli.no_cache else "no cache yet"))
    for name in ("overdue", "status", "who"):
        if not cli.commands.get(name):
            measures.append(Measure(name, f"clusterctl {name}", "tool", lambda: Run(0, 0, 0),
                                    note="n/a"))
            continue
        measures.append(Measure(name, f"clusterctl {name} --format json (empty cache)", "tool",
                                command([name, data, "--as-of", AS_OF, "--format", "json"],
                                        cold_dir, name),
                                ok_codes=(0, 1), prepare=cold))
    if cli.no_cache:
        for name in ("overdue", "status", "who"):
            if cli.commands.get(name):
                measures.append(Measure(
                    f"{name}_warm", f"clusterctl {name} --format json, warm cache", "tool",
                    command([name, data, "--as-of", AS_OF, "--format", "json"], warm_dir,
                            f"{name}_warm"),
                    ok_codes=(0, 1)))
    return measures


def startup_measures(cli: Cli, work: Path) -> list[Measure]:
    work.mkdir(parents=True, exist_ok=True)
    measures = [Measure("python", "python -c pass", "startup",
                        lambda: run_process([sys.executable, "-c", "pass"], work,
                                            work / "python.out"))]
    if cli.exe is None:
        return measures
    exe = cli.exe
    measures.append(Measure("version", "clusterctl --version", "startup",
                            lambda: run_process([exe, "--version"], work,
                                                work / "version.out")))
    args = ["validate", str(SEED_PLAN), "--as-of", AS_OF]
    if cli.no_cache:
        args.append("--no-cache")
    measures.append(Measure("validate_one", f"clusterctl validate {SEED_PLAN.name}", "startup",
                            lambda: run_process([exe, *args], work, work / "validate_one.out"),
                            prepare=lambda: _drop_cache(work)))
    if cli.no_cache:  # the same with the cache filled (what a methodist's second run does)
        warm = work / "warm"
        warm.mkdir(exist_ok=True)
        measures.append(Measure(
            "validate_one_warm", f"clusterctl validate {SEED_PLAN.name}, warm cache", "startup",
            lambda: run_process([exe, *args[:-1]], warm, warm / "validate_one_warm.out"),
        ))
    return measures


def measure_all(measures: list[Measure], repeat: int, label: str) -> None:
    """Round-robin: every measurement once per round, `repeat` rounds."""
    live = [m for m in measures if m.note != "n/a"]
    print(f"  {label}: {repeat} rounds of {len(live)} measurements", flush=True)
    previous = 0.0
    for _ in range(repeat):
        for m in live:
            if m.prepare is not None:
                m.prepare()
            settle(previous)
            m.runs.append(m.runner())
            previous = m.runs[-1].seconds


LONG_RUN_S = 30.0
"""A measurement this long (check-jsonschema on 2,000 files: three minutes on one core) is
followed by a pause of COOL_DOWN_S: the two-process run measured right after one ran ≈ 7%
slower than 20 s later (4.43 against 4.17 s and 4.19 against 4.08 s, on the machine of
docs/performance.md), whichever measurement came next would pay for it."""
COOL_DOWN_S = 20.0


def settle(previous_seconds: float = 0.0) -> None:
    """Write out what earlier measurements left dirty (cache files written, folders deleted)
    before the next one starts: otherwise the kernel may write it back during that one, on
    the cores it is measured on (a run that fills the cache leaves 80 MB behind); and pause
    after a long measurement (LONG_RUN_S)."""
    if hasattr(os, "sync"):
        os.sync()
    if previous_seconds >= LONG_RUN_S:
        time.sleep(COOL_DOWN_S)


# ------------------------------------------------------------------------------ report


@dataclass
class Target:
    text: str
    value: float | None
    limit: float
    unit: str = "×"
    short: str = ""

    @property
    def status(self) -> str:
        if self.value is None:
            return "n/a"
        return "✓" if self.value <= self.limit else "✗"


def _get(measures: list[Measure], key: str) -> Measure | None:
    for m in measures:
        if m.key == key and m.runs and m.note != "n/a" and not m.failed:
            return m
    return None


def _ratio(a: Measure | None, b: Measure | None) -> float | None:
    if a is None or b is None or b.median <= 0:
        return None
    return a.median / b.median


def _fmt_s(seconds: float) -> str:
    if seconds >= 10:
        return f"{seconds:.1f}"
    if seconds >= 1:
        return f"{seconds:.2f}"
    return f"{seconds:.3f}"


def _fmt_x(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}×" if value < 10 else f"{value:.1f}×"


def size_targets(measures: list[Measure]) -> dict[str, Target]:
    load = _get(measures, "load")
    validate = _get(measures, "validate_cold")
    targets = {
        "validate_cold": Target("validate cold ≤ 0.40 × yaml.load",
                                _ratio(validate, load), 0.40, short="≤ 0.40× load"),
        "validate_warm": Target("validate warm ≤ 0.05 × yaml.load",
                                _ratio(_get(measures, "validate_warm"), load), 0.05,
                                short="≤ 0.05× load"),
    }
    # A query's cold run starts with an empty cache and fills it, like `validate` with an
    # empty cache: the same loading path, so that is what it is compared with.
    written = _get(measures, "validate_write") or validate
    for name in ("overdue", "status", "who"):
        ratio = _ratio(_get(measures, name), written)
        targets[name] = Target(f"{name} ≤ 1.3 × validate cold (both filling the cache)", ratio,
                               1.3, short=f"{_fmt_x(ratio)} validate, ≤ 1.3×")
        warm = _ratio(_get(measures, f"{name}_warm"), _get(measures, "validate_warm"))
        if warm is not None:
            targets[f"{name}_warm"] = Target(f"{name} warm ≤ 2 × validate warm", warm, 2,
                                             short=f"{_fmt_x(warm)} validate warm, ≤ 2×")
    return targets


def size_rows(ds: DataSet, measures: list[Measure]) -> list[list[str]]:
    load = _get(measures, "load")
    targets = size_targets(measures)
    rows = []
    for m in measures:
        if m.note == "n/a" or not m.runs:
            rows.append([m.label, "n/a", "", "", "", "", "", "not available yet"])
            continue
        target = targets.get(m.key)
        mark = f"{target.short} {target.status}" if target else ""
        note = "; ".join(x for x in (m.note, "FAILED exit " + ",".join(
            sorted({str(r.code) for r in m.runs if r.code not in m.ok_codes}))
            if m.failed else "") if x)
        rows.append([m.label, _fmt_s(m.median), _fmt_s(m.best),
                     _fmt_x(_ratio(m, load)) if load else "–",
                     f"{m.rss:.0f}", f"{m.tree:.0f}" if m.tree else "", mark, note])
    del ds
    return rows


def startup_rows(measures: list[Measure]) -> tuple[list[list[str]], dict[str, Target]]:
    python = _get(measures, "python")
    targets = {
        "version": Target("--version ≤ 3 × python -c pass",
                          _ratio(_get(measures, "version"), python), 3),
        "validate_one": Target("validate one seed plan ≤ 20 × python -c pass",
                               _ratio(_get(measures, "validate_one"), python), 20),
        "validate_one_warm": Target("validate one seed plan, warm cache ≤ 20 × python -c pass",
                                    _ratio(_get(measures, "validate_one_warm"), python), 20),
    }
    rows = []
    for m in measures:
        target = targets.get(m.key)
        rows.append([m.label, f"{m.median * 1000:.0f}", f"{m.best * 1000:.0f}",
                     _fmt_x(_ratio(m, python)), f"{m.rss:.0f}",
                     f"≤ {target.limit:g}× {target.status}" if target else "",
                     "FAILED" if m.failed else ""])
    return rows, targets


def table(header: list[str], rows: list[list[str]], markdown: bool) -> str:
    if markdown:
        text_columns = {0} | {i for i, name in enumerate(header) if name in ("target", "note")}
        lines = ["| " + " | ".join(header) + " |",
                 "|" + "|".join("---" if i in text_columns else "---:"
                                for i in range(len(header))) + "|"]
        lines += ["| " + " | ".join(cell for cell in row) + " |" for row in rows]
        return "\n".join(lines)
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    out = ["  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                     for i, (c, w) in enumerate(zip(header, widths, strict=True)))]
    out.append("  ".join("-" * w for w in widths))
    for row in rows:
        out.append("  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                             for i, (c, w) in enumerate(zip(row, widths, strict=True))))
    return "\n".join(line.rstrip() for line in out)


SIZE_HEADER = ["measurement", "median s", "best s", "× yaml.load", "peak RSS MB",
               "tree RSS MB", "target", "note"]
STARTUP_HEADER = ["start-up", "median ms", "best ms", "× python", "peak RSS MB", "target",
                  "note"]


def growth(results: list[tuple[DataSet, list[Measure]]]) -> tuple[list[str], list[list[str]]]:
    sizes = [ds for ds, _ in results]
    header = ["measurement", *[f"{ds.files} files s" for ds in sizes]]
    header += [f"×{b.files // a.files} files → ×time"
               for a, b in itertools.pairwise(sizes)]
    header.append(f"ms per file at {sizes[-1].files}")
    rows = []
    for key in ("read", "cparse", "load", "compose", "jsonschema", "validate_cold",
                "validate_serial", "validate_warm", "overdue", "status", "who",
                "overdue_warm", "status_warm", "who_warm"):
        found = [_get(ms, key) for _, ms in results]
        if all(m is None for m in found):
            continue
        label = next(m.label for m in found if m is not None)
        row = [label, *[_fmt_s(m.median) if m else "–" for m in found]]
        for a, b in itertools.pairwise(found):
            row.append(_fmt_x(b.median / a.median) if a and b and a.median > 0 else "–")
        last = found[-1]
        row.append(f"{last.median * 1000 / sizes[-1].files:.2f}" if last else "–")
        rows.append(row)
    rss = [_get(ms, "validate_cold") for _, ms in results]
    rows.append(["validate cold: tree RSS MB", *[f"{m.memory:.0f}" if m else "–" for m in rss],
                 *[_fmt_x(b.memory / a.memory) if a and b else "–"
                   for a, b in itertools.pairwise(rss)], ""])
    return header, rows


def memory_target(results: list[tuple[DataSet, list[Measure]]]) -> list[Target]:
    points = [(ds.files, m.memory) for ds, ms in results
              if (m := _get(ms, "validate_cold")) is not None]
    if not points:
        return []
    files, peak = points[-1]
    targets = [Target(f"peak RSS (process tree) of validate cold on {files} files < 400 MB",
                      peak, 399.999, " MB")]
    last = results[-1][1]
    for key in ("validate_serial", "validate_warm", "overdue", "status", "who",
                "overdue_warm", "status_warm", "who_warm"):
        m = _get(last, key)
        if m is not None:
            name = m.label.removeprefix("clusterctl ")
            targets.append(Target(f"peak RSS (process tree) of {name} on {files} files < 400 MB",
                                  m.memory, 399.999, " MB"))
    if len(points) >= 3:
        (n0, r0), (n1, r1), (n2, r2) = points[-3:]
        low = (r1 - r0) / (n1 - n0)  # MB per file
        high = (r2 - r1) / (n2 - n1)
        # linear or better: the cost of one more file does not grow (10 KB per file slack)
        value = high / max(low, 0.01)
        targets.append(Target(
            f"RSS growth per file {n1}→{n2} ({high * 1024:.1f} KB) ≤ 1.25 × {n0}→{n1} "
            f"({low * 1024:.1f} KB)", value, 1.25))
    return targets


def machine() -> list[tuple[str, str]]:
    def read(path: str) -> str:
        try:
            return Path(path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    cpu = next((line.split(":", 1)[1].strip() for line in read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor() or "?")
    mem = next((line.split()[1] for line in read("/proc/meminfo").splitlines()
                if line.startswith("MemTotal")), "0")
    os_name = next((line.split("=", 1)[1].strip('"') for line in
                    read("/etc/os-release").splitlines() if line.startswith("PRETTY_NAME=")),
                   platform.system())
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 0
    import pydantic
    import yaml

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return [
        ("CPU", f"{cpu}; {cores} cores available (nproc), {os.cpu_count()} online"),
        ("Load average at the end (1, 5, 15 min)", load),
        ("RAM", f"{int(mem) / 1024 / 1024:.1f} GiB"),
        ("OS", f"{os_name}, kernel {platform.release()} ({platform.machine()})"),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("PyYAML", f"{yaml.__version__}, libyaml C extension: "
                   f"{'yes' if getattr(yaml, '__with_libyaml__', False) else 'NO'}"),
        ("pydantic", pydantic.VERSION),
    ]


def render(results: list[tuple[DataSet, list[Measure]]], startup: list[Measure], cli: Cli,
           markdown: bool, args: argparse.Namespace) -> str:
    parts: list[str] = []
    h = (lambda level, text: f"{'#' * level} {text}") if markdown else (
        lambda level, text: text if level > 2 else f"== {text} ==")
    for ds, measures in results:
        parts.append(h(3, f"{ds.files:,} file{'s' if ds.files > 1 else ''}: "
                          f"{ds.bytes / 1e6:.1f} MB, {ds.tasks:,} tasks, {ds.steps:,} steps "
                          f"(median of {len(measures[0].runs)})"))
        parts.append("")
        parts.append(table(SIZE_HEADER, size_rows(ds, measures), markdown))
        parts.append("")
    parts.append(h(3, f"Start-up (median of {len(startup[0].runs)})"))
    rows, start_targets = startup_rows(startup)
    parts.append("")
    parts.append(table(STARTUP_HEADER, rows, markdown))
    parts.append("")
    if len(results) > 1:
        parts.append(h(3, "Growth with the number of files"))
        header, rows = growth(results)
        parts.append("")
        parts.append(table(header, rows, markdown))
        parts.append("")
    ds, measures = results[-1]
    parts.append(h(3, f"Targets (on the {ds.files}-file set"
                      f"{'' if ds.files >= 2000 else '; the targets are set for 2,000 files'})"))
    targets = [*size_targets(measures).values(), *start_targets.values(),
               *memory_target(results)]
    trows = [[t.text, "–" if t.value is None else
              (f"{t.value:.0f}{t.unit}" if t.unit != "×" else _fmt_x(t.value)), t.status]
             for t in targets]
    parts.append("")
    parts.append(table(["target", "measured", "met"], trows, markdown))
    notes = [f"clusterctl: {cli.version}; commands available: "
             + ", ".join(f"{k} {'yes' if v else 'no'}" for k, v in cli.commands.items())
             + f"; validate --no-cache: {'yes' if cli.no_cache else 'no'}"]
    if not args.jsonschema:
        notes.append("check-jsonschema skipped (--no-jsonschema)")
    notes.append(f"load average (1 min) when the run started: {args.load_start:.2f}")
    if args.changed:
        notes.append("WARNING: clusterctl's sources changed while measuring "
                     + ", ".join(f"{n} files" for n in args.changed)
                     + ": the figures mix two versions and the warm cache was invalidated")
    parts.append("")
    parts += [("- " if markdown else "") + n for n in notes]
    return "\n".join(parts)


def write_markdown(path: Path, body: str, args: argparse.Namespace, elapsed: float) -> None:
    when = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    lines = [
        "# Performance",
        "",
        "Written by `.venv/bin/python benchmarks/run.py --out docs/performance.md`; do not "
        "edit by hand. The figures are medians of runs made in the same session, interleaved "
        "round by round, so the ratios compare like with like; absolute seconds depend on "
        "the machine.",
        "",
        "## Machine",
        "",
        *[f"- {k}: {v}" for k, v in machine()],
        f"- Date: {when}; the whole run took {elapsed / 60:.1f} min",
        "",
        "## What is measured",
        "",
        "- Data: `benchmarks/generate.py` (seed 1) — realistic plans with Cyrillic text, "
        "stages, tasks with steps, people, every deadline form; 2,000 files ≈ 75 MB, "
        "≈ 100,000 tasks. Each file passes `clusterctl validate --strict --as-of 2026-11-22`.",
        "- Baselines run in a worker process and time only their loop over the files (no "
        "interpreter start-up, no imports): raw read; libyaml's C parser with no Python "
        "objects (`CParser(data).raw_parse()`, which only counts events); `yaml.load` and "
        "`yaml.compose` with `CSafeLoader`. `check-jsonschema` is timed as a whole process.",
        "- clusterctl commands are timed as whole processes, as a user or CI runs them, with "
        f"`--as-of {AS_OF}`, in a temporary folder (the cache `.clusterctl_cache/` goes "
        "there). Cold = `--no-cache` with the cache deleted; warm = the cache filled by an "
        "earlier run. clusterctl chooses its number of worker processes itself (one per "
        "core); `-j 1` is the same work in one process, comparable with the one-process "
        "baselines.",
        "- Memory: *peak RSS* is `ru_maxrss` from os.wait4, the largest single process; *tree "
        "RSS* is the peak of the summed RSS of the process and all its workers, sampled every "
        "50 ms (pages shared after fork count once per process, so it errs high).",
        "- Bytecode caching is on for the measured processes (`PYTHONDONTWRITEBYTECODE` is "
        "removed, `.pyc` files go to `bench-data/.pycache`), as on a user's machine; every "
        "measurement has one untimed warm-up run, and starts after `sync` (what earlier "
        "measurements wrote is on disk, not written back during this one) and, "
        f"after a measurement of {LONG_RUN_S:.0f} s or more (check-jsonschema), a pause of "
        f"{COOL_DOWN_S:.0f} s (a run right after one measured ≈ 7% slower). A cache left by "
        "an earlier run is moved aside, not deleted, until all the rounds of a size are done "
        "(a run that writes a cache right after 8,000 cache files were deleted measured "
        "≈ 0.5 s slower).",
        "- `× yaml.load` is the median divided by the median of the `yaml.load` baseline of "
        "the same files in the same run.",
        "",
        "## Results",
        "",
        body,
        "",
        "## How to reproduce",
        "",
        "```sh",
        "make bench                                      # all sizes: 1, 100, 2,000 files",
        ".venv/bin/python benchmarks/run.py --quick     # 1 and 100 files only",
        ".venv/bin/python benchmarks/run.py --sizes 2000 --repeat 3 --out docs/performance.md",
        "python3 benchmarks/generate.py /tmp/plans --files 100 --seed 1   # data only",
        "```",
        "",
        f"This run: `benchmarks/run.py {' '.join(args.argv)}`.",
        "",
    ]
    notes = ROOT / "benchmarks" / "notes.md"  # the hand-written analysis, kept across runs
    if notes.is_file():
        lines += [notes.read_text(encoding="utf-8").rstrip(), ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    raw = list(sys.argv[1:] if argv is None else argv)
    if raw[:1] == ["--worker"]:
        _worker(raw[1], raw[2])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,100,2000", help="file counts (default 1,100,2000)")
    parser.add_argument("--repeat", type=int, default=None,
                        help="runs per measurement (default 5; 3 for 2,000 files and more)")
    parser.add_argument("--quick", action="store_true", help="sizes 1 and 100 only")
    parser.add_argument("--out", type=Path, help="write the results as Markdown to this file")
    parser.add_argument("--no-jsonschema", dest="jsonschema", action="store_false",
                        help="skip check-jsonschema (slow: minutes on 2,000 files)")
    args = parser.parse_args(raw)
    args.argv = raw
    args.changed = []
    sizes = [1, 100] if args.quick else sorted({int(s) for s in args.sizes.split(",") if s})
    started = time.perf_counter()
    args.load_start = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    if args.load_start > 0.5:
        print(f"warning: the machine is busy (load average {args.load_start:.2f}); "
              "the ratios still compare runs made side by side", flush=True)
    cli = probe_cli()
    print(f"{cli.version}; commands: {cli.commands}; --no-cache: {cli.no_cache}", flush=True)
    results: list[tuple[DataSet, list[Measure]]] = []
    with tempfile.TemporaryDirectory(prefix="clusterctl-bench-") as tmp:
        work = Path(tmp)
        startup = startup_measures(cli, work / "startup")
        for m in startup:  # warm the page cache and the .pyc files
            m.runner()
        measure_all(startup, max(STARTUP_REPEAT, args.repeat or 0), "start-up")
        empty_trash()
        for files in sizes:
            ds = ensure_data(files)
            repeat = args.repeat or (3 if files >= 2000 else 5)
            measures = size_measures(ds, cli, work / str(files), args.jsonschema)
            for m in measures:  # warm-up, not timed (page cache, .pyc, the warm cache)
                if m.note == "n/a" or (files >= 1000 and m.key == "jsonschema"):
                    continue
                if m.prepare is not None:
                    m.prepare()
                m.runner()
            print(f"{files} file(s), {ds.bytes / 1e6:.1f} MB:", flush=True)
            stamp = source_stamp()
            measure_all(measures, repeat, f"{files} files")
            empty_trash()
            if source_stamp() != stamp:
                args.changed.append(files)
                print(f"warning: clusterctl's sources changed while {files} files were "
                      "measured", flush=True)
            results.append((ds, measures))
            if cli.no_cache and not (work / str(files) / "warm" / CACHE_DIR).exists():
                for m in measures:
                    if m.key == "validate_warm":
                        m.note = f"no {CACHE_DIR}/ appeared in the working folder"
            for m in measures:
                if m.failed:
                    err = work / str(files) / f"{m.key}.err"
                    m.note = (m.note + "; " if m.note else "") + "see stderr"
                    print(f"!! {m.label} failed; last stderr:\n"
                          f"{err.read_text('utf-8', 'replace')[-2000:]}", file=sys.stderr)
        elapsed = time.perf_counter() - started
        print()
        print(render(results, startup, cli, False, args))
        if args.out:
            write_markdown(args.out, render(results, startup, cli, True, args), args, elapsed)
            print(f"\nwritten: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
