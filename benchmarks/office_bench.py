"""Benchmark of the office documents (issue «Documents in the formats offices use»):

- the Word roadmap of a 2,000-task plan against the HTML roadmap of the same plan (target:
  at most 3 ×);
- the PDF of seed 004's roadmap against WeasyPrint's own time on the same HTML (target: at
  most 1.5 ×).

Each is the command a user runs, timed end to end as a child process (start-up, reading the
plan, the document), in interleaved rounds of one run; the ratio is of medians measured side
by side, so the machine's speed cancels out. WeasyPrint's own time is its command line
(`python -m weasyprint page.html page.pdf`) on the HTML page clusterctl writes.

    .venv/bin/python benchmarks/office_bench.py [--tasks 2000] [--rounds 5]
        [--out docs/office-benchmark.md]
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
SEED_004 = ROOT / "projects" / "primorye-roadmap-2022.yaml"
_WORDS = ["проведение", "совещания", "с", "руководителями", "образовательных", "организаций",
          "по", "вопросам", "реализации", "проекта", "мониторинг", "методическое",
          "сопровождение", "педагогов", "семинар", "разработка", "положения", "конкурса"]
_PEOPLE = ["Чечуркина К.К.", "Шкуратская М.В.", "Моргунова И.Е.", "Руководители ОО"]


def write_plan(path: Path, tasks: int, seed: int = 1) -> None:
    """A plan of `tasks` tasks in four stages, every tenth with three steps."""
    rng = random.Random(seed)

    def words(n: int) -> str:
        return " ".join(rng.choice(_WORDS) for _ in range(n))

    lines = ["version: 1.1", "project:", "  id: big", "  title: Дорожная карта (бенчмарк)",
             "  period: 2026-2027 учебный год", "stages:"]
    per_stage = max(1, tasks // 4)
    n = 0
    for stage in range(1, 5):
        lines += [f"  - id: '{stage}'", f"    title: Этап {stage}", "    tasks:"]
        for k in range(per_stage):
            n += 1
            lines += [f"      - id: '{k + 1}'", f"        title: {words(9).capitalize()}",
                      f"        due: До {1 + n % 28:02d}.{1 + n % 12:02d}.2027",
                      f"        responsible: {rng.choice(_PEOPLE)}",
                      f"        result: {words(8)}"]
            if k % 10 == 0:
                lines.append("        steps:")
                for j in range(3):
                    lines += [f"          - result: {words(6)}",
                              f"            due: До {1 + (n + j) % 28:02d}.{1 + n % 12:02d}.2027"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks/office_bench.py")
    parser.add_argument("--tasks", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    bin_dir = Path(sys.executable).parent
    clusterctl = str(bin_dir / "clusterctl")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        plan = work / "big.yaml"
        write_plan(plan, args.tasks)
        render = [clusterctl, "render", "roadmap", "--no-cache"]
        html_cmd = [*render, str(plan), "--as-of", "2026-10-01", "-o", str(work / "big.html")]
        docx_cmd = [*render, str(plan), "--as-of", "2026-10-01", "-o", str(work / "big.docx")]
        page = work / "seed004.html"
        subprocess.run([*render, str(SEED_004), "--as-of", "2022-10-16", "-o", str(page)],
                       check=True, capture_output=True)
        pdf_cmd = [*render, str(SEED_004), "--as-of", "2022-10-16", "-o",
                   str(work / "seed004.pdf")]
        weasy_cmd = [sys.executable, "-m", "weasyprint", "-q", str(page),
                     str(work / "weasy.pdf")]
        times: dict[str, list[float]] = {"html": [], "docx": [], "pdf": [], "weasy": []}
        for command in (html_cmd, docx_cmd, pdf_cmd, weasy_cmd):  # warm the disk cache
            timed(command)
        for _ in range(args.rounds):
            for key, command in (("html", html_cmd), ("docx", docx_cmd), ("pdf", pdf_cmd),
                                 ("weasy", weasy_cmd)):
                times[key].append(timed(command))
        sizes = {name: (work / name).stat().st_size for name in ("big.html", "big.docx",
                                                                  "seed004.pdf", "weasy.pdf")}
    median = {key: statistics.median(values) for key, values in times.items()}
    word_ratio = median["docx"] / median["html"]
    pdf_ratio = median["pdf"] / median["weasy"]
    lines = [
        "# Office documents: benchmark",
        "",
        f"Measured by `benchmarks/office_bench.py --tasks {args.tasks} --rounds {args.rounds}` "
        f"on {platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} CPUs; commands timed end to end, medians of interleaved rounds.",
        "",
        "| what | median | ratio | target |",
        "|---|---|---|---|",
        f"| `render roadmap` of a {args.tasks:,}-task plan, HTML ({sizes['big.html']:,} bytes) "
        f"| {median['html']:.2f} s | 1 | |",
        f"| the same as Word ({sizes['big.docx']:,} bytes) | {median['docx']:.2f} s "
        f"| **{word_ratio:.2f} ×** | ≤ 3 × {'✓' if word_ratio <= 3 else '✗'} |",
        f"| `python -m weasyprint` on seed 004's roadmap HTML | {median['weasy']:.2f} s | 1 | |",
        f"| `render roadmap -o x.pdf` of seed 004 | {median['pdf']:.2f} s "
        f"| **{pdf_ratio:.2f} ×** | ≤ 1.5 × {'✓' if pdf_ratio <= 1.5 else '✗'} |",
        "",
        "Rounds (s): " + "; ".join(f"{key} " + ", ".join(f"{v:.2f}" for v in values)
                                   for key, values in times.items()),
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.out is not None:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
