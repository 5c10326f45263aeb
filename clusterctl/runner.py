"""Checking many files, one way for every command: paths → cache → an optional process pool →
results.

`run` returns one `FileResult` per plan file, in a stable (discovery) order, whatever ran
where. Small inputs are checked in this process (starting workers costs more than it saves);
from `PARALLEL_MIN_FILES` files on, a pool of worker processes checks chunks of files, each
worker reading its files, consulting and filling the cache itself. Asked for digests (the
query commands), each usable file comes back with its digest (`clusterctl.queries.digest`),
made where the file was checked, or read from the cache: the plans themselves never cross
between processes.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from clusterctl.check.checker import CheckOptions, FileResult, check_bytes
from clusterctl.errors import LoadError, UserError
from clusterctl.model.names import normalise_name
from clusterctl.source.files import discover
from clusterctl.source.reading import read_bytes

if TYPE_CHECKING:
    from clusterctl.cache import Cache
    from clusterctl.diagnostics import Diagnostic
    from clusterctl.model.index import Unread
    from clusterctl.queries.digest import PlanDigest

PARALLEL_MIN_FILES = 24
"""Below this many files to check, one process is faster than a pool."""
ACCELERATE_MIN_BYTES = 64 * 1024
"""Below this many bytes in fewer than PARALLEL_MIN_FILES files, the optional Rust parser is
left out: importing it (≈ 4 ms) costs more than it saves on so little."""
CHUNK_FILES = 16


@dataclass(frozen=True, slots=True)
class RunOptions:
    """How to run a check over many files (not part of any result)."""

    cache_dir: str | None = None
    """None: no cache."""
    jobs: int = 0
    """Worker processes; 0: one per core (at most the number of chunks), 1: no pool."""
    digests: bool = False
    """Give each usable file its digest (the query commands)."""
    exempt: frozenset[str] = frozenset()
    """With `digests`: error codes that do not make a file unusable (the query commands
    exempt "future-date": a done_on after --as-of only means "not done yet")."""


def _options_key(options: CheckOptions) -> str:
    return f"{options.lang}|{','.join(sorted(options.ignore))}|{options.max_bytes}"


def _open_cache(run: RunOptions, options: CheckOptions) -> Cache | None:
    if not run.cache_dir:
        return None
    from clusterctl.cache import Cache

    return Cache(run.cache_dir, _options_key(options))


def _check_one(path: Path, display: str, options: CheckOptions, cache: Cache | None,
               run: RunOptions, accelerate: bool) -> FileResult:
    """Check one file through the cache; keep only what the caller needs (with `digests`,
    the digest packed as bytes: `_unpack` makes it a digest where it is wanted)."""
    try:
        content = read_bytes(path, display, options.lang, options.max_bytes)
    except LoadError as exc:
        return FileResult(display, list(exc.diagnostics))
    key = ""
    if cache is not None:
        key = cache.key(content)
        entry = cache.get(key, display, options.today)
        if entry is not None:
            result = FileResult(display, entry.diagnostics, unread=entry.unread)
            if run.digests and not result.blocking(run.exempt):
                result.packed = entry.digest
            return result
    result = check_bytes(content, display, options, accelerate)
    packed = None
    if result.index is not None and (cache is not None or run.digests):
        from clusterctl.cache import dump_digest
        from clusterctl.queries.digest import build_digest

        packed = dump_digest(build_digest(result.index))
    if cache is not None:
        from clusterctl.cache import Entry, latest_date

        cache.put(key, Entry(
            result.diagnostics, options.today,
            latest_date(result.index) if result.index is not None else None,
            result.unread, packed,
        ))
    if run.digests and not result.blocking(run.exempt):
        result.packed = packed
    result.plan = result.index = result.data = None
    return result


def _check_chunk(chunk: Sequence[tuple[str, str]], options: CheckOptions, run: RunOptions,
                 accelerate: bool) -> list[FileResult]:
    """Check a chunk of files (in a worker process, or here)."""
    cache = _open_cache(run, options)
    return [_check_one(Path(path), display, options, cache, run, accelerate)
            for path, display in chunk]


def _unpack(results: list[FileResult], options: CheckOptions) -> list[FileResult]:
    """The digests of `results` made objects again. A stored digest that holds anything but
    a digest's own values (`cache.load_digest` refuses it: a tampered cache) is never used:
    that file is checked again here."""
    if all(result.packed is None for result in results):
        return results  # validate: no digests asked for, none to import the means for
    from clusterctl.cache import DigestRefused, load_digest
    from clusterctl.check.checker import check_file
    from clusterctl.queries.digest import build_digest

    for result in results:
        if result.packed is None:
            continue
        try:
            result.digest = load_digest(result.packed)
        except DigestRefused:
            again = check_file(Path(result.file), result.file, options)
            if again.index is not None:
                result.digest = build_digest(again.index)
        result.packed = None
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


def run(paths: list[str], options: CheckOptions, run_options: RunOptions | None = None
        ) -> list[FileResult]:
    """Check every plan file under `paths` (files or folders); UserError for a path that
    does not exist."""
    settings = run_options or RunOptions()
    files = discover(paths)
    with collector_paused():
        # every chunk in first, then the digests unpacked: while the workers run, the parent
        # holds packed bytes (≈ 33 KB a plan), not digests (≈ 130 KB a plan as objects), so
        # the process tree stays under 400 MB on 2,000 plans (docs/performance.md)
        answers = list(_answers(files, options, settings))
        return [result for answer in answers for result in _unpack(answer, options)]


def _answers(files: list[tuple[Path, str]], options: CheckOptions, settings: RunOptions
             ) -> Iterator[list[FileResult]]:
    """The results of `files`, chunk by chunk in order, as soon as each chunk is done."""
    jobs = _jobs(settings.jobs, len(files))
    chunks = list(_chunks(files, CHUNK_FILES))
    if jobs <= 1 or len(files) < PARALLEL_MIN_FILES:
        accelerate = len(files) >= PARALLEL_MIN_FILES or (
            _total_bytes(files) >= ACCELERATE_MIN_BYTES)
        for chunk in chunks:
            yield _check_chunk(chunk, options, settings, accelerate)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    done = 0
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            futures = [pool.submit(_check_chunk, chunk, options, settings, True)
                       for chunk in chunks]
            for future in futures:
                answer = future.result()
                done += 1
                yield answer
    except (BrokenProcessPool, OSError):
        # no workers to be had (or one died): check the rest here instead
        for chunk in chunks[done:]:
            yield _check_chunk(chunk, options, settings, True)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The one place that steers the garbage collector (docs/performance.md).

    The results, and above all the digests of a query and the rows of its answer, are
    hundreds of thousands of small objects that live until the answer is printed and hold
    no cycles. While they are made the cyclic collector is paused — each of its runs would
    scan all of them again — and once they are in they are frozen, so that no later
    collection scans them either (unpacking 2,000 digests: 2.6 s → 1.0 s of CPU). `run`
    pauses it while the results arrive; the query commands pause it from the loading of the
    plans to the printing of the answer (their answers: ≈ 30% less time). Pauses nest."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


QUERY_EXEMPT = frozenset({"future-date"})
"""Errors that leave a plan usable by a query: `future-date` compares done_on with the
query's date, and a question about the past still reads the plan (a later done_on only
means "not done yet" on that date)."""


@dataclass(frozen=True, slots=True)
class Plans:
    """The plans a query answers from, and the files it had to leave out."""

    usable: list[FileResult]
    """Checked with no error (but the exempt ones), each with its digest."""
    skipped: list[FileResult]
    """Files with errors: their findings say why."""

    @property
    def digests(self) -> list[PlanDigest]:
        return [r.digest for r in self.usable if r.digest is not None]

    def unread(self, projects: Sequence[str] = ()) -> list[Unread]:
        """The deadlines of the plans asked about (`projects`, as in `--project`; all when
        empty) that the grammar did not understand: every dated answer leaves them out."""
        wanted = {normalise_name(p) for p in projects}
        return [u for r in self.usable for u in r.unread
                if not wanted or normalise_name(u.project) in wanted]


def load_plans(paths: list[str], options: CheckOptions, run_options: RunOptions | None = None
               ) -> Plans:
    """Check every plan under `paths` for a query: the usable ones come back with their
    digests. Errors with a `QUERY_EXEMPT` code (or `run_options.exempt`) leave a plan usable
    and are dropped from its findings. UserError for a missing path or no plan file."""
    settings = run_options or RunOptions()
    exempt = settings.exempt | QUERY_EXEMPT
    results = run(paths, options, RunOptions(settings.cache_dir, settings.jobs, True, exempt))
    if not results:
        raise UserError("path.no-plans")
    for result in results:
        result.diagnostics = _kept(result.diagnostics, exempt)
    return Plans([r for r in results if r.digest is not None and not r.blocking()],
                 [r for r in results if r.digest is None or r.blocking()])


def _kept(diagnostics: list[Diagnostic], exempt: frozenset[str]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.code not in exempt]


def load_whole(result: FileResult, options: CheckOptions) -> FileResult:
    """A usable plan of `load_plans` checked again in this process and kept whole — its plan
    and index, which documents need (the runner hands back digests only). A file changed in
    the meantime may come back with errors, and then without a digest."""
    from clusterctl.check.checker import check_file
    from clusterctl.queries.digest import build_digest

    whole = check_file(Path(result.file), result.file, options)
    whole.diagnostics = _kept(whole.diagnostics, QUERY_EXEMPT)
    if whole.index is not None and not whole.blocking():
        whole.digest = build_digest(whole.index)
    return whole
