"""Benchmark of `clusterctl import`: a 1,000-row Word plan table, imported, against what
python-docx needs just to open the same file and read every cell's text through the raw XML
(`w:tc` elements, `itertext()`), in interleaved rounds of one run.

The targets (issue «clusterctl import»): the import takes at most 2 × that baseline, and its
memory stays under 200 MB. Both are timed in this process (the import as the library call
the command makes: archive checks, reading, recognising, writing the YAML and checking the
new plan); memory is the peak the import adds (tracemalloc) and the whole process's maximum
resident size. The ratio is of medians measured side by side, so the machine's speed cancels
out.

    .venv/bin/python benchmarks/import_bench.py [--rows 1000] [--rounds 7]
        [--out docs/import-benchmark.md]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_WORDS = ["проведение", "совещания", "с", "руководителями", "образовательных", "организаций",
          "по", "вопросам", "реализации", "проекта", "мониторинг", "методическое",
          "сопровождение", "педагогов", "семинар", "разработка", "положения", "конкурса"]
_PEOPLE = ["Чечуркина К.К.", "Шкуратская М.В.", "Моргунова И.Е.", "Руководители ОО",
           "Мельникова Т.В.", "Гумбатов С.А."]


def write_plan(path: Path, rows: int, seed: int = 1) -> None:
    """A 1,000-row plan table as Word writes it (python-docx): a title, a header row, tasks
    with a number, title, result, deadline and responsible, every tenth with three steps (its
    number and title merged over them)."""
    from docx import Document

    rng = random.Random(seed)
    document = Document()
    document.add_paragraph("Дорожная карта (бенчмарк) на 2026-2027 учебный год")
    table = document.add_table(rows=rows + 1, cols=5)
    header = ["№ п/п", "Мероприятие", "Характеристика результата", "Сроки проведения",
              "Ответственные исполнители"]
    xml_rows = table.rows
    for c, text in enumerate(header):
        xml_rows[0].cells[c].text = text
    r, n = 1, 1
    merges = []
    while r <= rows:
        steps = 3 if n % 10 == 0 and r + 2 <= rows else 1
        for k in range(steps):
            cells = xml_rows[r + k].cells
            if k == 0:
                cells[0].text = f"{n}."
                cells[1].text = " ".join(rng.choice(_WORDS) for _ in range(9)).capitalize()
            cells[2].text = " ".join(rng.choice(_WORDS) for _ in range(12)).capitalize()
            cells[3].text = f"До {1 + (n + k) % 28:02d}.{1 + (n + k) % 12:02d}.2027"
            cells[4].text = rng.choice(_PEOPLE)
        if steps > 1:
            merges.append((r, r + steps - 1))
        r += steps
        n += 1
    for first, last in merges:
        for c in (0, 1):
            table.cell(first, c).merge(table.cell(last, c))
    document.save(str(path))


def baseline(path: Path) -> int:
    """python-docx opens the file; every cell's text is read through the raw XML."""
    from docx import Document
    from docx.oxml.ns import qn

    document = Document(str(path))
    cells = 0
    for cell in document.element.body.iter(qn("w:tc")):
        "".join(cell.itertext())
        cells += 1
    return cells


def run_import(path: Path) -> int:
    from clusterctl.importing import ImportOptions, import_file

    result = import_file(path, path.name, ImportOptions(), out_name="plan.yaml")
    return result.recognised.tasks


def _time(func, path: Path) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    func(path)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "import-benchmark.md")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="clusterctl-import-bench-") as tmp:
        path = Path(tmp) / "plan.docx"
        write_plan(path, args.rows)
        size = path.stat().st_size
        tasks = run_import(path)  # warm-up: imports, caches of the grammar
        baseline(path)
        times: dict[str, list[float]] = {"baseline": [], "import": []}
        for _ in range(args.rounds):
            times["baseline"].append(_time(baseline, path))
            times["import"].append(_time(run_import, path))
        tracemalloc.start()
        run_import(path)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    base = statistics.median(times["baseline"])
    median = statistics.median(times["import"])
    ratio = median / base
    lines = [
        "# `clusterctl import` benchmark",
        "",
        "Written by `.venv/bin/python benchmarks/import_bench.py`; do not edit by hand. A "
        f"{args.rows:,}-row Word plan table ({size // 1024} KB, {tasks} tasks); medians of "
        f"{args.rounds} interleaved rounds of one run.",
        "",
        f"- Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; load average {os.getloadavg()[0]:.2f}",
        "",
        "| what | median s | × baseline | target |",
        "|---|---:|---:|---|",
        f"| python-docx opens the file, every cell's text read (baseline) | {base:.3f} | 1.00× | |",
        f"| import (checks, reading, recognising, YAML, checking the plan) | {median:.3f} | "
        f"{ratio:.2f}× | ≤ 2× {'✓' if ratio <= 2 else '✗'} |",
        "",
        f"Memory: the import's peak allocation {peak / 1024 / 1024:.0f} MB (tracemalloc); the "
        f"whole benchmark process's maximum resident size {rss:.0f} MB (target: under 200 MB "
        f"{'✓' if rss < 200 else '✗'}).",
    ]
    text = "\n".join(lines) + "\n"
    args.out.write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
