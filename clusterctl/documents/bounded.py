"""Running untrusted work (a user's template) within limits of time, memory and output.

A template is a program: a recursive macro, `range(100000)` inside `range(100000)`, or a string
doubled forty times in a loop can take all the time and memory of the machine, and Jinja's
sandbox limits none of that. `run_bounded` runs such work in a child process (forked: the
work and its data are inherited, not copied through pickling) whose address space is capped
(`RLIMIT_AS`), waits for it at most a number of seconds, then kills it. The work's result,
or the exception it raised, comes back through a pipe; both must be picklable.

The output cap is the work's own business (it knows what it produces): see
`clusterctl.render`. Where `fork` is not available, or in a daemonic process (a worker of a
`multiprocessing.Pool`, which may not start processes), the work runs in this process with
the limits it enforces itself (range, multiplication and output caps) but no clock or memory
cap.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")

DEFAULT_SECONDS = 30.0
"""Wall-clock limit of one render (CLUSTERCTL_RENDER_TIMEOUT or `--timeout` change it)."""
DEFAULT_MEMORY = 1024 * 1024 * 1024
"""How much more memory than the calling process the child may map."""


@dataclass(frozen=True, slots=True)
class Limits:
    seconds: float = DEFAULT_SECONDS
    memory: int = DEFAULT_MEMORY


class LimitExceeded(Exception):
    """The work ran out of its allowance: `kind` is "time", "memory" or "output"."""

    def __init__(self, kind: str, limit: float | int) -> None:
        super().__init__(kind, limit)
        self.kind = kind
        self.limit = limit


def _address_space() -> int:
    """The calling process's mapped memory, in bytes (0 when unknown)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _child(conn: Any, work: Callable[..., Any], args: tuple[Any, ...], limits: Limits) -> None:
    import resource

    base = _address_space()
    if base:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = base + limits.memory
        if hard == resource.RLIM_INFINITY or cap < hard:
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        outcome: tuple[str, Any] = ("ok", work(*args))
    except MemoryError:
        outcome = ("error", LimitExceeded("memory", limits.memory))
    except BaseException as exc:  # sent to the parent, which raises it
        outcome = ("error", exc)
    try:
        conn.send(outcome)
    except MemoryError:
        conn.send(("error", LimitExceeded("memory", limits.memory)))
    except Exception as exc:  # an exception that does not pickle: its text, at least
        conn.send(("error", RuntimeError(f"{type(outcome[1]).__name__}: {exc}")))
    finally:
        conn.close()


def run_bounded(work: Callable[..., T], *args: Any, limits: Limits = Limits()) -> T:
    """`work(*args)` in a child process within `limits`; its result, or its exception
    raised here; LimitExceeded when it runs out of time or memory."""
    import multiprocessing

    if multiprocessing.current_process().daemon:
        # a daemonic process (a worker of a multiprocessing.Pool) may not start one: the
        # work runs here, with the limits it enforces itself
        return work(*args)
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:  # pragma: no cover - no fork on this system
        return work(*args)
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, work, args, limits), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(limits.seconds):
            raise LimitExceeded("time", limits.seconds)
        try:
            status, value = receiver.recv()
        except EOFError:  # the child died without a word: killed for its memory
            raise LimitExceeded("memory", limits.memory) from None
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join()
    if status == "ok":
        result: T = value
        return result
    raise value
