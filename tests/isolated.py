"""Run a function in a forked child with a hard memory ceiling and a time limit, and measure it.

Used by the fuzz tests (``tests/test_hostile_fuzz.py``): a YAML alias bomb or a runaway recursion
must show up as a failing example with its numbers, not as a CI machine killed for lack of memory.

The child inherits the parent's imports (MkDocs, Material and our plugins are already loaded), so a
build costs what it costs in the test process itself; ``fork`` is POSIX-only, like CI.
"""

from __future__ import annotations

import os
import pickle
import resource
import select
import signal
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["Outcome", "run_isolated"]


@dataclass(frozen=True)
class Outcome:
    """What happened in the child.

    Attributes:
        value: what the function returned (pickled across), or ``None``.
        error: the child's traceback text when the function raised, or ``None``.
        timed_out: the child was killed after ``seconds``.
        seconds: wall time from fork to exit.
        peak_growth_mb: the child's peak resident memory minus the parent's resident memory at the
            fork, in MiB (``ru_maxrss`` of the child from ``wait4``; Linux reports KiB).
    """

    value: Any
    error: str | None
    timed_out: bool
    seconds: float
    peak_growth_mb: float


def _resident_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def _virtual_bytes() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def run_isolated(
    function: Callable[[], Any], *, seconds: float = 30.0, extra_memory_mb: int = 1024
) -> Outcome:
    """Call ``function()`` in a forked child; return its result and what it cost.

    Args:
        function: takes nothing; its return value must pickle.
        seconds: the child is killed (SIGKILL) when it runs longer.
        extra_memory_mb: the child's address space may grow by this much over the parent's
            (``RLIMIT_AS``); past it allocations fail with ``MemoryError`` instead of exhausting
            the machine.
    """
    rss_before = _resident_kib()
    limit = _virtual_bytes() + extra_memory_mb * 1024 * 1024
    read_end, write_end = os.pipe()
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        os.close(read_end)
        status = 0
        try:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            payload = pickle.dumps(("value", function()))
        except BaseException:  # every failure, MemoryError included, is reported to the parent
            payload = pickle.dumps(("error", traceback.format_exc()))
            status = 1
        with os.fdopen(write_end, "wb") as out:
            out.write(payload)
        os._exit(status)
    os.close(write_end)
    chunks: list[bytes] = []
    timed_out = False
    with os.fdopen(read_end, "rb") as pipe:
        deadline = started + seconds
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                timed_out = True
                os.kill(pid, signal.SIGKILL)
                break
            ready, _, _ = select.select([pipe], [], [], left)
            if not ready:
                continue
            chunk = os.read(pipe.fileno(), 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    _, _, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - started
    growth = max(0.0, (usage.ru_maxrss - rss_before) / 1024)
    if timed_out:
        return Outcome(None, None, True, elapsed, growth)
    if not chunks:
        return Outcome(None, "the child died without a word (killed?)", False, elapsed, growth)
    kind, data = pickle.loads(b"".join(chunks))
    if kind == "error":
        return Outcome(None, data, False, elapsed, growth)
    return Outcome(data, None, False, elapsed, growth)
