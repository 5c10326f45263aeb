"""Checking many files: discovery, the cache, and a process pool over both cores.

`validate_paths` returns one `FileResult` per plan file, in a stable (discovery) order,
whatever ran where. Small inputs are checked in this process (starting workers costs more
than it saves); from `PARALLEL_MIN_FILES` files on, a pool of worker processes checks chunks
of files, each worker reading its files, consulting and filling the cache itself.

With `want_plans=True` every usable file's `plan` and `index` are filled in: from the check
itself, or, on a cache hit, from the cached plan data (no YAML parse). With a `mapper` (the
query commands), the mapper runs on each usable file's index where the file was checked (a
worker process) and only its small result comes back, as `FileResult.part`: the plans
themselves never cross between processes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clusterctl import GC_THRESHOLDS
from clusterctl.cache import Cache, Entry, latest_date
from clusterctl.check import CheckOptions, FileResult, check_bytes
from clusterctl.errors import LoadError
from clusterctl.files import discover
from clusterctl.loader import read_bytes

if TYPE_CHECKING:
    from clusterctl.plan import PlanIndex

PARALLEL_MIN_FILES = 24
"""Below this many files to check, one process is faster than a pool."""
CHUNK_FILES = 16


@dataclass(frozen=True, slots=True)
class RunOptions:
    """How to run a check over many files (not part of any result)."""

    cache_dir: str | None = None
    """None: no cache."""
    jobs: int = 0
    """Worker processes; 0: one per core (at most the number of chunks), 1: no pool."""
    want_plans: bool = False
    exempt: frozenset[str] = frozenset()
    """With want_plans or mapper: error codes that do not make a file unusable (the query
    commands exempt "future-date": a done_on after --as-of only means "not done yet")."""
    mapper: Callable[[PlanIndex, str], Any] | None = None
    """Run on each usable file's index (and its display name) where it was checked; the
    result is `FileResult.part`. Must be picklable (a module-level function or a method of a
    picklable object)."""

    @property
    def needs_plans(self) -> bool:
        return self.want_plans or self.mapper is not None


def _options_key(options: CheckOptions) -> str:
    return f"{options.lang}|{','.join(sorted(options.ignore))}|{options.max_bytes}"


def _check_one(path: Path, display: str, options: CheckOptions, cache: Cache | None,
               want_data: bool) -> tuple[FileResult, bool]:
    """Check one file (through the cache); the bool says whether it came from the cache.
    `want_data`: read the cached plan data too (the caller rebuilds plans from it)."""
    try:
        content = read_bytes(path, display, options.lang, options.max_bytes)
    except LoadError as exc:
        return FileResult(display, list(exc.diagnostics)), False
    key = ""
    if cache is not None:
        key = cache.key(content)
        entry = cache.get(key, display, options.today, want_data)
        if entry is not None:
            return FileResult(display, entry.diagnostics, data=entry.data), True
    result = check_bytes(content, display, options)
    if cache is not None:
        cache.put(
            key,
            Entry(
                result.diagnostics,
                result.data if result.plan is not None else None,
                options.today,
                latest_date(result.index) if result.index is not None else None,
            ),
        )
    return result, False


def _start_worker() -> None:
    """A worker's garbage collector leaves alone what it inherited (modules, caches:
    frozen) and runs as seldom as the command line's (`clusterctl.GC_THRESHOLDS`), also
    when the library is used from a program that keeps Python's defaults."""
    import gc

    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def _worker(chunk: Sequence[tuple[str, str]], options: CheckOptions,
            run: RunOptions) -> list[FileResult]:
    """Check a chunk of files (in a worker process): diagnostics, and the plans or the
    mapper's parts asked for, built here in parallel rather than in the parent."""
    cache = Cache.open(run.cache_dir, _options_key(options)) if run.cache_dir else None
    out: list[FileResult] = []
    for raw_path, display in chunk:
        result, cached = _check_one(Path(raw_path), display, options, cache, run.needs_plans)
        _settle(result, cached, run)
        out.append(result)
    return out


def _settle(result: FileResult, cached: bool, run: RunOptions) -> None:
    """Keep what the caller needs: the plan and index of usable files (rebuilt from cached
    data on a cache hit) or the mapper's part of them, nothing but diagnostics otherwise."""
    if run.needs_plans and cached:
        _rebuild(result, run.exempt)
    usable = result.index is not None and not result.blocking(run.exempt)
    if run.mapper is not None and usable and result.index is not None:
        result.part = run.mapper(result.index, result.file)
    if not run.want_plans or not usable:
        result.plan = result.index = None
    result.data = None


def _chunks(items: list[tuple[Path, str]], size: int) -> Iterator[list[tuple[str, str]]]:
    for start in range(0, len(items), size):
        yield [(str(path), display) for path, display in items[start:start + size]]


def _rebuild(result: FileResult, exempt: frozenset[str]) -> None:
    """Fill in `plan` and `index` from cached or transferred plan data."""
    from clusterctl.models import Plan
    from clusterctl.plan import build_index

    if result.data is None or result.blocking(exempt):
        return
    result.plan = Plan.model_validate(result.data)
    result.index = build_index(result.plan)


def _jobs(requested: int, files: int) -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1
    )
    jobs = requested if requested > 0 else cores
    return max(1, min(jobs, (files + CHUNK_FILES - 1) // CHUNK_FILES))


def validate_paths(paths: list[str], options: CheckOptions,
                   run: RunOptions | None = None) -> list[FileResult]:
    """Check every plan file under `paths` (files or folders); raise UserError for a path
    that does not exist."""
    run = run or RunOptions()
    files = discover(paths, options.lang)
    cache = Cache.open(run.cache_dir, _options_key(options)) if run.cache_dir else None
    jobs = _jobs(run.jobs, len(files))
    results: list[FileResult]
    if jobs <= 1 or len(files) < PARALLEL_MIN_FILES:
        results = []
        for path, display in files:
            result, cached = _check_one(path, display, options, cache, run.needs_plans)
            _settle(result, cached, run)
            results.append(result)
        return results
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    chunks = list(_chunks(files, CHUNK_FILES))
    answers: list[list[FileResult]]
    try:
        with ProcessPoolExecutor(
            max_workers=jobs, mp_context=context, initializer=_start_worker
        ) as pool:
            futures = [pool.submit(_worker, chunk, options, run) for chunk in chunks]
            answers = [future.result() for future in futures]
    except (BrokenProcessPool, OSError):
        # no workers to be had (or one died): check everything here instead
        answers = [_worker(chunk, options, run) for chunk in chunks]
    return [result for answer in answers for result in answer]
