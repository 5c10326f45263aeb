"""Benchmark of `clusterctl diff`: two versions of a 2,000-task plan, compared against
checking the same two files (`clusterctl validate`), in interleaved rounds of one run.

The target (issue «Plans in git…»): the diff takes under 2 × the time `validate` takes on
the two files. Both are timed as whole processes, as a user runs them; the ratio is of
medians measured side by side, so the machine's speed cancels out.

    .venv/bin/python benchmarks/diff.py [--tasks 2000] [--rounds 5] [--out docs/diff-benchmark.md]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "clusterctl"]
AS_OF = ["--as-of", "2026-11-22"]
_WORDS = [
    "проведение", "совещания", "с", "руководителями", "образовательных", "организаций", "по",
    "вопросам", "реализации", "проекта", "мониторинг", "методическое", "сопровождение",
    "педагогов", "семинар", "разработка", "положения", "конкурса", "анализ", "результатов",
    "подготовка", "справки",
]


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(n)).capitalize()


def plan(tasks: int, seed: int, edited: bool) -> str:
    """A plan of `tasks` tasks in 10 stages; `edited`: the same plan after a month of work
    (deadlines moved with a reason, tasks done and cancelled, texts edited, responsibles
    changed, tasks removed and added, a stage renumbered)."""
    rng = random.Random(seed)
    edit = random.Random(seed + 1)
    out = ["version: 1.1", "project:", "  id: bench-diff", "  title: Дорожная карта (бенчмарк)",
           "  period: 2026-2028 гг.", "people:"]
    out += [f"  - id: p{k}\n    name: Сотрудник{k} А.А." for k in range(40)]
    out.append("stages:")
    per_stage = tasks // 10
    for s in range(10):
        out += [f"  - id: \"{s + 1}\"", f"    title: {_text(rng, 4)}", "    tasks:"]
        for k in range(per_stage):
            month = 9 + (s + k) % 10
            year = 2026 if month <= 12 else 2027
            month = month if month <= 12 else month - 12
            title, result = _text(rng, 9), _text(rng, 12)
            due = f"До {10 + k % 18:02d}.{month:02d}.{year}"
            who = f"Сотрудник{rng.randrange(40)} А.А."
            tid = f"{s + 1}.{k + 1}"
            extra: list[str] = []
            if edited:
                roll = edit.random()
                if roll < 0.01:
                    continue  # removed
                if roll < 0.05:
                    new_due = f"До {10 + k % 18:02d}.{month:02d}.{year + 1}"
                    extra = ["        reschedules:", f"          - from: {due}",
                             f"            to: {new_due}", "            reason: перенос",
                             "            on: 2026-11-01"]
                    due = new_due
                elif roll < 0.09:
                    extra = ["        status: done", "        done_on: 2026-11-01"]
                elif roll < 0.11:
                    result += " и направлен в образовательные организации"
                elif roll < 0.12:
                    who = "Сотрудник0 А.А."
            out += [f"      - id: \"{tid}\"", f"        title: {title}",
                    f"        result: {result}", f"        due: {due}",
                    f"        responsible: {who}", *extra]
        if edited and s == 9:
            out += [f"      - id: \"10.{per_stage + k + 1}\"\n        title: {_text(edit, 8)}\n"
                    f"        result: {_text(edit, 10)}\n        due: До 20.05.2027\n"
                    f"        responsible: Сотрудник1 А.А." for k in range(tasks // 100)]
    return "\n".join(out) + "\n"


def _time(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          env={k: v for k, v in os.environ.items()
                               if k != "PYTHONDONTWRITEBYTECODE"})
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed: {done.stderr.decode()[-2000:]}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "diff-benchmark.md")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="clusterctl-diff-bench-") as tmp:
        folder = Path(tmp)
        (folder / "old.yaml").write_text(plan(args.tasks, 1, False), encoding="utf-8")
        (folder / "new.yaml").write_text(plan(args.tasks, 1, True), encoding="utf-8")
        commands = {
            "validate": [*CLI, "validate", "--no-cache", "-j", "1", "old.yaml", "new.yaml",
                         *AS_OF],
            "diff": [*CLI, "diff", "old.yaml", "new.yaml", *AS_OF],
            "diff --format json": [*CLI, "diff", "old.yaml", "new.yaml", "-f", "json",
                                   *AS_OF],
        }
        for command in commands.values():  # warm-up: bytecode, the disk cache
            _time(command, folder)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, command in commands.items():
                times[name].append(_time(command, folder))
        changes = subprocess.run([*CLI, "diff", "old.yaml", "new.yaml", "--stat", *AS_OF],
                                 cwd=folder, capture_output=True, text=True).stdout
    base = statistics.median(times["validate"])
    lines = [
        "# `clusterctl diff` benchmark",
        "",
        "Written by `.venv/bin/python benchmarks/diff.py`; do not edit by hand. Two versions "
        f"of a {args.tasks:,}-task plan; medians of {args.rounds} interleaved rounds of one "
        "run (whole processes).",
        "",
        f"- Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; load average {os.getloadavg()[0]:.2f}",
        f"- Changes found: {changes.strip().splitlines()[0] if changes.strip() else '—'}",
        "",
        "| command | median s | × validate of the two files | target |",
        "|---|---:|---:|---|",
    ]
    for name, values in times.items():
        median = statistics.median(values)
        ratio = median / base
        target = "" if name == "validate" else ("< 2× ✓" if ratio < 2 else "< 2× ✗")
        lines.append(f"| clusterctl {name} | {median:.3f} | {ratio:.2f}× | {target} |")
    text = "\n".join(lines) + "\n"
    args.out.write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
