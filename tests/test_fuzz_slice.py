"""A deterministic slice of the fuzzer (tests/fuzzing) inside `make test`: 2,000 executions of
the command line on mutated plans with extreme option values, on two processes. The long run
is `make fuzz` (docs/reliability.md)."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from tests.fuzzing import Report, corpus, run_range

SEED = 20261207
EXECUTIONS = 1_000


def _part(bounds: tuple[int, int]) -> Report:
    return run_range(SEED, *bounds)


def test_the_corpus_covers_every_kind_of_example() -> None:
    names = {path.parent.name for path in corpus()}
    assert {"projects", "valid", "invalid", "plans", "render"} <= names


def test_a_slice_of_the_fuzzer_finds_nothing() -> None:
    half = EXECUTIONS // 2
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork")) as pool:
        reports = list(pool.map(_part, [(0, half), (half, EXECUTIONS)]))
    failures = [f for report in reports for f in report.failures]
    assert sum(r.executions for r in reports) == EXECUTIONS
    assert not failures, "\n\n".join(f.describe() for f in failures[:5])
