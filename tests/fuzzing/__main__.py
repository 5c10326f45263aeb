"""`python -m tests.fuzzing`: the long fuzzing run of `make fuzz` (see tests/fuzzing).

    python -m tests.fuzzing [--executions N] [--seed S] [--jobs J] [--replay S:I]

Splits the executions over J worker processes (0: one per core), prints progress, the
figures and every failure with its `S:I`; exit status 1 when anything failed.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed

from tests.fuzzing import Report, run_range


def _work(args: tuple[int, int, int]) -> Report:
    seed, start, stop = args
    return run_range(seed, start, stop)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzzing")
    parser.add_argument("--executions", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=20261207)
    parser.add_argument("--jobs", type=int, default=0)
    parser.add_argument("--replay", help="S:I — run one execution again and show it")
    options = parser.parse_args(argv)
    if options.replay:
        seed, index = (int(part) for part in options.replay.split(":"))
        report = run_range(seed, index, index + 1)
        for failure in report.failures:
            print(failure.describe())
        print("ok" if not report.failures else "failed")
        return 1 if report.failures else 0
    jobs = options.jobs or len(os.sched_getaffinity(0))
    batch = 1000
    ranges = [(options.seed, start, min(start + batch, options.executions))
              for start in range(0, options.executions, batch)]
    began = time.monotonic()
    total = Report()
    # not a multiprocessing.Pool: its workers are daemonic and may not start the processes
    # that render templates within their limits
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        futures = [pool.submit(_work, each) for each in ranges]
        for done, future in enumerate(as_completed(futures), 1):
            part = future.result()
            total.executions += part.executions
            total.failures.extend(part.failures)
            for failure in part.failures:
                print(failure.describe(), flush=True)
            elapsed = time.monotonic() - began
            print(f"[{done}/{len(ranges)}] {total.executions} executions, "
                  f"{len(total.failures)} failures, {elapsed:.0f} s", file=sys.stderr,
                  flush=True)
    elapsed = time.monotonic() - began
    print(f"{total.executions} executions with seed {options.seed} in {elapsed:.0f} s "
          f"({jobs} processes): {len(total.failures)} failures")
    return 1 if total.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
