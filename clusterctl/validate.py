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

import contextlib
import gc
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from clusterctl import GC_THRESHOLDS
from clusterctl.check import CheckOptions, FileResult, check_bytes
from clusterctl.errors import LoadError
from clusterctl.files import discover
from clusterctl.loader import read_bytes

if TYPE_CHECKING:  # the cache module (hashing, pickling) is imported only with a cache
    from clusterctl.cache import Cache
    from clusterctl.plan import PlanIndex

PARALLEL_MIN_FILES = 24
"""Below this many files to check, one process is faster than a pool."""
ACCELERATE_MIN_BYTES = 64 * 1024
"""Below this many bytes in fewer than PARALLEL_MIN_FILES files, the optional accelerator
is left out: importing it (≈ 4 ms) costs more than it saves on so little, and a file with
a finding is read by the exact loader anyway."""
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
    mapper_key: tuple[str, str] | None = None
    """(slot, key): keep each file's part in the cache, one slot per kind of mapper, under a
    key that names everything the part depends on besides the file and the check options
    (for a query: its class, date and filters). The part must be built of plain values,
    dates and the value types of the query modules (see `cache.load_part`). None: parts are
    not cached."""

    @property
    def needs_plans(self) -> bool:
        return self.want_plans or self.mapper is not None


def _options_key(options: CheckOptions) -> str:
    return f"{options.lang}|{','.join(sorted(options.ignore))}|{options.max_bytes}"


class Packed(NamedTuple):
    """A part as `cache.dump_part` bytes: how a cached or freshly cached part travels from a
    worker (no second pickling); `validate_paths` unpacks it."""

    blob: bytes


def _check_one(path: Path, display: str, options: CheckOptions, cache: Cache | None,
               run: RunOptions) -> FileResult:
    """Check one file (through the cache) and keep what `run` asks for (see `_keep`)."""
    try:
        content = read_bytes(path, display, options.lang, options.max_bytes)
    except LoadError as exc:
        return FileResult(display, list(exc.diagnostics))
    if cache is None:
        result = check_bytes(content, display, options)
        _keep(result, run)
        return result
    key = cache.key(content)
    entry = cache.get(key, display, options.today)
    if entry is not None:
        result = FileResult(display, entry.diagnostics, unread=entry.unread)
        if not run.needs_plans or not entry.has_data or result.blocking(run.exempt):
            return result
        if run.mapper_key is not None and not run.want_plans:
            blob = cache.get_part(key, *run.mapper_key)
            if blob is not None:  # this query's part of this file, from an earlier run
                result.part = Packed(blob)
                return result
        data = cache.get_data(key)
        if data is not None:  # rebuild the plan from the cached data: no YAML parse
            from clusterctl.models import Plan
            from clusterctl.plan import build_index

            result.plan = Plan.model_validate(data)
            result.index = build_index(result.plan)
            _keep(result, run, cache, key)
            return result
        # the data is gone or damaged: check the file again
    from clusterctl.cache import Entry, latest_date

    result = check_bytes(content, display, options)
    cache.put(
        key,
        Entry(
            result.diagnostics,
            result.data if result.plan is not None else None,
            options.today,
            latest_date(result.index) if result.index is not None else None,
            unread=result.unread,
        ),
    )
    _keep(result, run)  # no part stored yet (see _keep)
    return result


def _keep(result: FileResult, run: RunOptions, cache: Cache | None = None,
          key: str = "") -> None:
    """Keep what the caller needs: the plan and index of usable files, or the mapper's part
    of them, nothing but diagnostics otherwise.

    With a `cache` (given only for a plan rebuilt from the cache) and a mapper key, the part
    is stored too. A part is kept from the second time a file is asked about on, like a
    cache that admits on the second hit: a file met for the first time may have just
    changed, and its part would cost a cold run as much as a tenth of its check (pickling
    and one more file), which the query commands' target (1.2 x `validate`) cannot spare."""
    usable = result.index is not None and not result.blocking(run.exempt)
    if run.mapper is not None and usable and result.index is not None:
        part = run.mapper(result.index, result.file)
        if cache is not None and run.mapper_key is not None:
            from clusterctl.cache import dump_part

            blob = dump_part(part)
            cache.put_part(key, *run.mapper_key, blob)
            part = Packed(blob)
        result.part = part
    if not run.want_plans or not usable:
        result.plan = result.index = None
    result.data = None


def _open_cache(run: RunOptions, options: CheckOptions) -> Cache | None:
    if not run.cache_dir:
        return None
    from clusterctl.cache import Cache

    return Cache.open(run.cache_dir, _options_key(options))


def _start_worker() -> None:
    """A worker's garbage collector leaves alone what it inherited (modules, caches:
    frozen) and runs as seldom as the command line's (`clusterctl.GC_THRESHOLDS`), also
    when the library is used from a program that keeps Python's defaults."""
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def _check_chunk(chunk: Sequence[tuple[str, str]], options: CheckOptions,
                 cache: Cache | None, run: RunOptions) -> list[FileResult]:
    """Check a few files with the cyclic garbage collector paused.

    Checking one plan makes some 200,000 containers (the loaded data, the models, the index,
    the rules' findings), all freed by reference counting as soon as the file is done: the
    plans, their indexes and the results are trees (tests/test_performance_guards.py checks
    that checking makes no cycle). The collector, running every 50,000 allocations, would only
    walk the living ones again and again: ≈ 0.2 ms of a plan's 3.6 ms. It runs again after
    the chunk, which frees the little an exception's traceback may have tied in a cycle."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return [_check_one(Path(path), display, options, cache, run) for path, display in chunk]
    finally:
        if collecting:
            gc.enable()


def _worker(chunk: Sequence[tuple[str, str]], options: CheckOptions,
            run: RunOptions) -> list[FileResult]:
    """Check a chunk of files (in a worker process): diagnostics, and the plans or the
    mapper's parts asked for, built here in parallel rather than in the parent."""
    return _check_chunk(chunk, options, _open_cache(run, options), run)


def _unpack(results: list[FileResult], files: list[tuple[Path, str]], options: CheckOptions,
            run: RunOptions) -> list[FileResult]:
    """Load the packed parts; a stored part that `load_part` refuses is never trusted: its
    file is checked again here, without the cache."""
    if not any(isinstance(result.part, Packed) for result in results):
        return results
    from clusterctl.cache import PartRefused, load_part

    again = replace(run, cache_dir=None)
    for i, result in enumerate(results):
        if isinstance(result.part, Packed):
            try:
                result.part = load_part(result.part.blob)
            except PartRefused:
                path, display = files[i]
                results[i] = _check_one(path, display, options, None, again)
    return results


def _chunks(items: list[tuple[Path, str]], size: int) -> Iterator[list[tuple[str, str]]]:
    for start in range(0, len(items), size):
        yield [(str(path), display) for path, display in items[start:start + size]]


def _total_bytes(files: list[tuple[Path, str]]) -> int:
    total = 0
    for path, _ in files:
        with contextlib.suppress(OSError):  # reported when the file is read
            total += os.stat(path).st_size
    return total


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
    cache = _open_cache(run, options)
    jobs = _jobs(run.jobs, len(files))
    results: list[FileResult]
    if jobs <= 1 or len(files) < PARALLEL_MIN_FILES:
        if len(files) < PARALLEL_MIN_FILES and options.accelerate and (
            _total_bytes(files) < ACCELERATE_MIN_BYTES
        ):
            options = replace(options, accelerate=False)
        results = [result for chunk in _chunks(files, CHUNK_FILES)
                   for result in _check_chunk(chunk, options, cache, run)]
        return _unpack(results, files, options, run)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    chunks = list(_chunks(files, CHUNK_FILES))
    answers: list[list[FileResult]]
    collecting = gc.isenabled()
    try:
        with ProcessPoolExecutor(
            max_workers=jobs, mp_context=context, initializer=_start_worker
        ) as pool:
            futures = [pool.submit(_worker, chunk, options, run) for chunk in chunks]
            # What arrives is acyclic (results, diagnostics, parts): the collector would only
            # rescan it, again and again as it grows (a tenth of a second for `who`'s parts).
            gc.disable()
            try:
                answers = [future.result() for future in futures]
            finally:
                if collecting:
                    gc.enable()
    except (BrokenProcessPool, OSError):
        # no workers to be had (or one died): check everything here instead
        answers = [_worker(chunk, options, run) for chunk in chunks]
    return _unpack([result for answer in answers for result in answer], files, options, run)
