"""How two processes share one :class:`langso.cache.FileCache` folder: touches, leases, and
removal that gives back what a running build touched.

Plain Python, no MkDocs. ``langso serve`` and ``mkdocs build`` in the same village share
``.cache/langso/``; each prunes, after its build, the entries it did not use, while the other
may be about to copy one (MkDocs copies a generated file's ``abs_src_path`` late in the build).

- :func:`touch` sets an entry folder's modification time: the entry is in use now.
- A *lease* is a file ``<cache>/.leases/<pid>-…`` held by a build from its first use of the cache
  until its prune (:func:`take_lease`, ended by the returned finalizer, also when the object is
  collected or the process exits). Its time is when the build began using the cache, so every
  entry that build touched is at least as recent as its lease.
- :func:`remove_unless_in_use` removes an entry only when it is older than every other process's
  lease (:func:`oldest_other_lease`); it renames the entry aside first, then reads the leases
  again and puts the entry back if a build started and touched it meanwhile.

A lease older than :data:`LEASE_GRACE_S` was left by a killed build and is removed. A process's
own leases are not waited for: its builds run one after the other.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
import weakref
from pathlib import Path

__all__ = [
    "LEASES",
    "LEASE_GRACE_S",
    "TRASH",
    "discard",
    "oldest_other_lease",
    "remove_unless_in_use",
    "take_lease",
    "touch",
]

LEASES = ".leases"
"""The folder of a cache holding the leases of the builds using it."""
TRASH = ".del-"
"""The prefix of an entry renamed aside to be removed."""
LEASE_GRACE_S = 3600
"""A lease older than this (seconds) is left by a killed build, not one at work."""


def touch(folder: Path) -> bool:
    """Mark the entry ``folder`` as in use now; ``False`` when it is not there. A cache this user
    may read but not touch (another owner's) is read as it is."""
    try:
        os.utime(folder)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError:
        return folder.exists()
    return True


def take_lease(cache: Path, owner: object) -> weakref.finalize[[str], object] | None:
    """A new lease on the cache folder ``cache`` (which exists), ended by calling the result,
    or when ``owner`` is collected, or at exit; ``None`` when none could be written."""
    leases = cache / LEASES
    for _ in range(3):  # the folder may be removed meanwhile by a build ending the last lease
        try:
            leases.mkdir(exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=f"{os.getpid()}-", dir=leases)
        except FileNotFoundError:
            continue
        os.close(fd)
        return weakref.finalize(owner, _end_lease, name)
    return None


def _end_lease(path: str) -> None:
    """Remove the lease file ``path``, and the leases folder when it was the last."""
    with contextlib.suppress(OSError):
        os.remove(path)
    with contextlib.suppress(OSError):
        os.rmdir(os.path.dirname(path))


def oldest_other_lease(cache: Path) -> int | None:
    """The time (ns) of the oldest lease of another process on ``cache``, those of killed builds
    removed; ``None`` when there is none."""
    mine = f"{os.getpid()}-"
    now = time.time_ns()
    oldest = None
    try:
        leases = list(os.scandir(cache / LEASES))
    except OSError:
        return None
    for lease in leases:
        if lease.name.startswith(mine):
            continue
        try:
            taken = lease.stat().st_mtime_ns
        except OSError:
            continue
        if now - taken > LEASE_GRACE_S * 1_000_000_000:
            with contextlib.suppress(OSError):
                os.remove(lease.path)
        elif oldest is None or taken < oldest:
            oldest = taken
    if oldest is None:
        with contextlib.suppress(OSError):
            os.rmdir(cache / LEASES)  # when empty, as a build ending the last lease leaves it
    return oldest


def _aside(folder: Path) -> Path:
    return folder.with_name(f"{TRASH}{folder.name}-{os.urandom(6).hex()}")


def remove_unless_in_use(folder: Path, oldest: int | None) -> bool:
    """Remove the entry ``folder`` unless a running build touched it; ``True`` when removed.

    Args:
        oldest: :func:`oldest_other_lease` when the prune began (a first, cheap look).
    """
    try:
        before = folder.stat().st_mtime_ns
    except OSError:
        return False
    if oldest is not None and before >= oldest:
        return False  # touched by a build that is still running
    trash = _aside(folder)
    try:
        os.rename(folder, trash)
    except OSError:
        return False
    # A build may have begun, and touched the entry, since the leases were read.
    oldest = oldest_other_lease(folder.parent)
    try:
        after = trash.stat().st_mtime_ns
    except OSError:
        return False
    if after != before or (oldest is not None and after >= oldest):
        try:
            os.rename(trash, folder)  # in use: put back
        except OSError:
            shutil.rmtree(trash, ignore_errors=True)  # made again meanwhile, whole
        return False
    shutil.rmtree(trash, ignore_errors=True)
    return True


def discard(folder: Path) -> None:
    """Remove the entry ``folder`` at once (found damaged): renamed aside first, so no reader
    ever sees it half removed."""
    trash = _aside(folder)
    with contextlib.suppress(OSError):
        os.rename(folder, trash)
    shutil.rmtree(trash, ignore_errors=True)
