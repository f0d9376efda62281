"""Work done once and kept between builds, under a digest of everything that shaped it.

The stores share one rule — the key is a digest of **all** inputs: the content and options, the
version of each library that draws the output, and the source of our own modules, templates and
fonts that make it (so editing the code is enough to remake everything it makes: no version to
bump). Any change gives another key, so a stale entry is never served; deleting ``.cache/``
only costs the time to make it all again, byte for byte the same.

- :class:`FileCache`: files (processed photos, QR codes, print pages and PDF sheets, the
  directory's downloads), one folder per key: ``<folder>/<key>/<name>``.
- :class:`Memo`: small JSON values computed from page HTML (a page's search sections, its
  gzip size), in one file per kind.
- :class:`Recall`: Python values (validated models with their problems, checked pages: what is
  costly to make again and is not JSON) kept in memory between the builds of one process
  (``mkdocs serve``, ``langso serve``) and in a ``pickle`` file for the next process.

Writes are atomic (written aside, then renamed; a dirty build's few new memo values are added in
place, see :meth:`Memo.save`), so a build or ``mkdocs serve`` running at the same time never reads
half an entry, and a file entry is never removed while another build may still
copy it (:class:`FileCache`). A memo or recall file this process read or wrote is not read again
while it is unchanged. Each store remembers the keys a build used; :meth:`FileCache.prune`
and :meth:`Memo.save`, called after a successful build, drop the others (a dirty build, which
renders only some pages, keeps the memo's), so the cache holds what the last build needed and does
not grow with every edit.

Nothing here knows MkDocs; the plugins put the stores in ``.cache/langso/`` beside ``mkdocs.yml``.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import pickle
import re
import shutil
import sys
import tempfile
import time
import weakref
from collections.abc import Callable, Iterable, Mapping
from functools import cache, lru_cache
from importlib import metadata
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar

from langso import cacheshare
from langso.cachefiles import (
    add_json,
    dump_json,
    file_identity,
    parse_json,
    read_file,
    write_file,
)

__all__ = ["FileCache", "Memo", "Recall", "code_digest", "digest", "text_digest"]

_KEY = re.compile(r"^[0-9a-f]{32}$")
STAGING_GRACE_S = 3600
"""Staging folders older than this (seconds) are left by a killed build, not one at work."""

T = TypeVar("T")


def digest(*parts: object) -> str:
    """A 32-hex-digit SHA-256 digest of ``parts``: bytes as they are, text as UTF-8, integers
    in decimal, anything else as JSON.

    Each part is typed and length-prefixed, so ``("ab", "c")`` and ``("a", "bc")`` differ.

    >>> digest("a", b"b", {"c": 1}) == digest("a", b"b", {"c": 1})
    True
    >>> digest("ab", "c") == digest("a", "bc")
    False
    """
    sha = hashlib.sha256()
    for part in parts:
        if isinstance(part, bytes):
            data, kind = part, b"b"
        elif isinstance(part, str):
            data, kind = _text_bytes(part)
        elif type(part) is int:  # not bool: True is JSON "true"
            data, kind = str(part).encode(), b"i"
        else:
            text = json.dumps(part, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
            data, kind = _text_bytes(text)
            kind = b"j" + kind
        sha.update(b"%s%d:" % (kind, len(data)))
        sha.update(data)
    return sha.hexdigest()[:32]


def _text_bytes(text: str) -> tuple[bytes, bytes]:
    """``text`` as bytes that tell it from any other text, quickly, and their kind.

    Python stores Vietnamese text two bytes a character: UTF-16 is then a copy (23 µs for a
    48,000-character page of the synthetic village, against 121 µs for UTF-8; hashing the longer
    bytes costs 31 µs more). ASCII is already one byte a character. A lone surrogate, which
    UTF-16 cannot tell from a pair, makes the text UTF-8 with ``surrogatepass`` instead, under
    another kind."""
    if text.isascii():
        return text.encode("ascii"), b"a"
    try:
        return text.encode("utf-16-le"), b"u"
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass"), b"s"


@lru_cache(maxsize=8)
def text_digest(text: str) -> str:
    """:func:`digest` of one text, remembered for the last few: several plugins key their
    memos by the same page, handed from one to the next (a lookup hashes the text once, and
    Python keeps that hash with it)."""
    return digest(text)


@cache
def _resource_digest(name: str) -> str:
    return hashlib.sha256(package_files("langso").joinpath(name).read_bytes()).hexdigest()


@cache
def _library_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def code_digest(code: Iterable[str] = (), libraries: Iterable[str] = ()) -> dict[str, Any]:
    """What of the software shapes an output: digests of our files, versions of libraries.

    Args:
        code: files of the ``langso`` package (``qr.py``, ``templates/plaque_print.html``).
        libraries: distribution names (``qrcode``, ``pillow``, ``weasyprint``).

    Raises:
        FileNotFoundError: for a name in ``code`` that is not a file of the package.
    """
    return {
        "code": {name: _resource_digest(name) for name in sorted(code)},
        "libraries": {name: _library_version(name) for name in sorted(libraries)},
    }


class FileCache:
    """Files made from inputs, one folder per digest: ``<folder>/<key>/<name>``.

    Safe for two processes sharing ``folder`` (``langso serve`` and ``mkdocs build`` at once,
    with different keys: the preview's ``site_url`` is the local address). An entry is written
    whole aside, then renamed into place; a reader that finds one gone makes it again; a path
    :meth:`get` hands out is read until the end of that build (MkDocs copies the file then), so
    :meth:`prune` never removes an entry touched by another build still running (touches and
    leases, :mod:`langso.cacheshare`). Alone, pruning stays immediate and exact: no time limit to
    guess, no ``fcntl`` (which Windows lacks).

    Args:
        folder: where the entries are kept (created when the first is written).
        code, libraries: what of the software shapes the files (see :func:`code_digest`);
            part of every key.

    Attributes:
        made: entries made since this object was created.
        reused: entries found made.
        used: keys asked for since this object was created (what :meth:`prune` keeps).
    """

    def __init__(
        self, folder: Path, *, code: Iterable[str] = (), libraries: Iterable[str] = ()
    ) -> None:
        self.folder = folder
        self._salt = digest(code_digest(code, libraries))
        self.made = 0
        self.reused = 0
        self.used: set[str] = set()
        self._lease: weakref.finalize[[str], object] | None = None

    def key(self, *inputs: object) -> str:
        """The key of the entry made from ``inputs`` (bytes, or JSON-ready data) by this code."""
        return digest(self._salt, *inputs)

    def get(self, key: str) -> Path | None:
        """The folder of the entry ``key`` (touched: in use), or ``None`` when it is not there."""
        self.used.add(key)
        folder = self.folder / key
        if self._lease is None:
            if not self.folder.is_dir():
                return None
            self._take_lease()
        if not cacheshare.touch(folder) or not folder.is_dir():
            return None
        self.reused += 1
        return folder

    def put(self, key: str, contents: Mapping[str, bytes]) -> Path:
        """Write the entry ``key`` (file name → bytes; names may hold ``/``) and return its folder.

        The entry appears whole or not at all: its files are written in a staging folder then
        renamed. When another build wrote the same key meanwhile, its entry is kept (same bytes).

        Raises:
            OSError: the folder cannot be written.
        """
        self.used.add(key)
        self.made += 1
        folder = self.folder / key
        self.folder.mkdir(parents=True, exist_ok=True)
        self._take_lease()
        staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.folder))
        try:
            for name, data in contents.items():
                path = staging / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            for _ in range(3):
                if folder.exists() and not folder.is_dir():
                    folder.unlink()
                try:
                    staging.rename(folder)
                    break
                except OSError:
                    if cacheshare.touch(folder) and folder.is_dir():
                        break  # made meanwhile by another build
            else:
                raise OSError(f"{folder}: cannot be written")
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return folder

    def fetch(self, key: str, make: Callable[[], Mapping[str, bytes]]) -> Path:
        """The folder of the entry ``key``, made with ``make()`` when missing."""
        return self.get(key) or self.put(key, make())

    def discard(self, key: str) -> None:
        """Remove the entry ``key`` (found damaged); the next :meth:`get` misses it."""
        cacheshare.discard(self.folder / key)

    def prune(self) -> int:
        """Remove the entries not asked for since this object was made that no other running
        build touched (see the class), and stale staging folders; end this object's lease.
        Return how many entries were removed. Call it after a successful build."""
        removed = 0
        try:
            children = list(os.scandir(self.folder))
        except OSError:
            self._end_lease()
            return 0
        now = time.time()
        oldest = cacheshare.oldest_other_lease(self.folder)
        for child in children:
            if _KEY.match(child.name) and child.name not in self.used:
                removed += cacheshare.remove_unless_in_use(Path(child.path), oldest)
            elif child.name.startswith((".tmp-", cacheshare.TRASH)):
                with contextlib.suppress(OSError):
                    status = child.stat(follow_symlinks=False)
                    changed = status.st_mtime
                    if child.name.startswith(cacheshare.TRASH):  # renamed aside: its ctime
                        changed = max(changed, status.st_ctime)
                    if now - changed > STAGING_GRACE_S:
                        shutil.rmtree(child.path, ignore_errors=True)
        self._end_lease()
        return removed

    def _take_lease(self) -> None:
        if self._lease is None:
            self._lease = cacheshare.take_lease(self.folder, self)

    def _end_lease(self) -> None:
        if self._lease is not None:
            self._lease()
            self._lease = None


class Memo:
    """JSON values keyed by digests of their inputs, kept in one file between builds.

    Loaded on the first :meth:`get`; :meth:`save` writes back only the values asked for since the
    last save, so the file follows the site instead of growing. A damaged or missing file is an
    empty memo.

    Args:
        path: the JSON file (``.cache/langso/memo/search.json``).
        code, libraries: what of the software shapes the values (see :func:`code_digest`).
    """

    def __init__(self, path: Path, *, code: Iterable[str] = (), libraries: Iterable[str] = ()):
        self.path = path
        self._salt = digest(code_digest(code, libraries))
        self._stored: dict[str, Any] | None = None
        self._used: dict[str, Any] = {}

    def key(self, *inputs: object) -> str:
        """The key of the value computed from ``inputs`` by this code."""
        return digest(self._salt, *inputs)

    def get(self, key: str, make: Callable[[], T]) -> T:
        """The value of ``key``, computed with ``make()`` when not known.

        ``make`` must return plain JSON data (lists, not tuples): a value read back from the file
        must equal a value just made. Values are shared with later builds of the process: never
        change one.
        """
        if key in self._used:
            return self._used[key]  # type: ignore[no-any-return]
        stored = self._load()
        value: T = stored[key] if key in stored else make()
        self._used[key] = value
        return value

    def _load(self) -> dict[str, Any]:
        """The values of the file, read on first use (or as this process last read or wrote
        them, when the file has not changed since)."""
        if self._stored is None:
            self._stored = read_file(self.path, parse_json) or {}
        return self._stored

    def save(self, *, prune: bool = True) -> None:
        """Write the values asked for since the last save (atomically), then start over.

        Args:
            prune: drop the values not asked for; ``False`` after a build that rendered only some
                pages (a dirty build), whose other pages still need theirs: only the new
                values are written, added at the end of the file (:func:`add_json`) when it
                is still the one this process last read or wrote.
        """
        if self._stored is None:
            return  # not used
        if not prune:
            new = {key: value for key, value in self._used.items() if key not in self._stored}
            if not new or add_json(self.path, self._stored, new):
                self._used = {}
                return
        kept = self._used if prune else self._stored | self._used
        if set(self._stored) == set(kept):
            self._used = {}
            return  # nothing new, nothing dropped: the file is right
        write_file(self.path, kept, lambda out: dump_json(kept, out))
        self._stored, self._used = kept, {}


class Recall(Generic[T]):
    """Values kept between builds by a digest of their inputs: in memory within one process
    (``mkdocs serve``, ``langso serve``), and in ``<folder>/<name>.pickle`` for the next process
    once :meth:`keep_in` named a folder.

    The key must digest every input (see :func:`digest`). The code is not part of it: within a
    process it cannot change, and the file is read only when it was written by the same Python,
    the same files of the ``langso`` package and the same versions of the libraries it needs
    (:func:`_software_digest`), else the values are made again. Values are shared, never copied:
    keep only immutable ones (frozen models and dataclasses, tuples). A value made with problems
    must hold them, so every build reports them again.

    Holds what the current and the previous round asked for: :meth:`new_round`, called once at the
    start of each build, forgets the values the build before did not use, so memory and the file
    follow the site, not every version of every file.

    The file is Python's ``pickle``, as Sphinx keeps its environment: ``.cache/`` is the project's
    own folder, as trusted as the ``mkdocs.yml`` beside it (which can run any hook). A file that
    cannot be read whole is ignored. It is one pickle ``(software, values)`` followed by any number
    of ``(software, added, removed)``: a round that changed a few values of thousands (an edit in
    ``langso serve``) adds only those at the end (:meth:`save`).

    Args:
        name: the file's name in the folder (``service-entries``).
    """

    _folder: ClassVar[Path | None] = None
    _all: ClassVar[weakref.WeakSet[Recall[Any]]] = weakref.WeakSet()

    def __init__(self, name: str) -> None:
        self.name = name
        self._current: dict[str, T] = {}
        self._previous: dict[str, T] = {}
        self._read: set[Path] = set()  # files read by this process
        self._stored: frozenset[str] | None = None  # the keys in the file of _folder
        # The file as this process last read or wrote it: (inode, size, mtime), and the bytes
        # added at its end since it was last written whole (see save()).
        self._identity: tuple[int, int, int] | None = None
        self._added = 0
        Recall._all.add(self)

    @classmethod
    def keep_in(cls, folder: Path) -> None:
        """Keep every recall's values in ``folder`` (``.cache/langso/recall``) from now on:
        read at their next :meth:`new_round`, written by :meth:`save_all`."""
        cls._folder = folder

    def get(self, key: str, make: Callable[[], T]) -> T:
        """The value of ``key``, made with ``make()`` when not known."""
        if key in self._current:
            return self._current[key]
        value = self._previous[key] if key in self._previous else make()
        self._current[key] = value
        return value

    def new_round(self) -> None:
        """Start a build: the values the last round did not ask for are dropped; the file of the
        folder (:meth:`keep_in`) is read the first time this process meets it."""
        if self._current:
            self._previous, self._current = self._current, {}
        path = self._path()
        if path is None or path in self._read:
            return
        self._read.add(path)
        stored = self._load(path)
        self._stored = frozenset(stored)
        self._identity, self._added = file_identity(path), 0
        self._previous = stored | self._previous

    def save(self) -> None:
        """Write the values of this round to the folder's file, when they are not what it holds.

        Only the values added and the keys dropped since are written, at the end of the file, when
        it is still the one this process last read or wrote and those additions stay under a
        quarter of the file: an edit in ``langso serve`` changes one value of thousands (the
        service entries: 3 MB at N = 3,000, 0.35 s to write whole). A build reading the file
        during that one write may find it cut short: damaged, an empty recall (values made
        again, never wrong). Otherwise the file is written whole, atomically (a build reading it
        meanwhile sees the old file or the new one)."""
        path = self._path()
        if path is None or path not in self._read or self._stored == self._current.keys():
            return
        values = self._current
        stored = self._stored or frozenset()
        added = {key: value for key, value in values.items() if key not in stored}
        removed = tuple(sorted(stored - values.keys()))
        record = pickle.dumps((_software_digest(), added, removed), pickle.HIGHEST_PROTOCOL)
        identity = file_identity(path)
        known = self._stored and identity is not None and identity == self._identity
        if known and identity is not None and (self._added + len(record)) * 4 <= identity[1]:
            with open(path, "ab") as out:
                out.write(record)
            self._added += len(record)
            self._stored, self._identity = frozenset(values), file_identity(path)
            return
        write_file(
            path,
            values,
            lambda out: pickle.dump((_software_digest(), values), out, pickle.HIGHEST_PROTOCOL),
        )
        self._stored = frozenset(self._current)
        self._identity, self._added = file_identity(path), 0

    @classmethod
    def save_all(cls) -> None:
        """:meth:`save` every recall; call it after a successful build."""
        for recall in cls._all:
            recall.save()

    def _path(self) -> Path | None:
        return None if Recall._folder is None else Recall._folder / f"{self.name}.pickle"

    @staticmethod
    def _load(path: Path) -> dict[str, Any]:
        return read_file(path, _parse_pickle) or {}


def _parse_pickle(data: bytes) -> dict[str, Any] | None:
    """The values of a recall file: its first pickle's, then each added one's applied in turn
    (see :class:`Recall`); ``None`` when another software wrote any of them."""
    stream = io.BytesIO(data)
    software, values = pickle.load(stream)
    if software != _software_digest() or not isinstance(values, dict):
        return None
    while stream.tell() < len(data):
        software, added, removed = pickle.load(stream)
        if software != _software_digest():
            return None
        values.update(added)
        for key in removed:
            values.pop(key, None)
    return values


@cache
def _software_digest() -> str:
    """A digest of what shapes the values a :class:`Recall` keeps: the Python version, every
    file of the ``langso`` package (modules, templates) and the version of every library it
    requires to run (its distribution's ``Requires-Dist`` without extras)."""
    package = Path(__file__).parent
    files = sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    sources = [part for p in files for part in (p.relative_to(package).as_posix(), p.read_bytes())]
    required = [r for r in metadata.requires("langso") or [] if "extra ==" not in r]
    names = sorted({re.split(r"[ ;<>=!~\[]", r, maxsplit=1)[0] for r in required})
    return digest(sys.version, *sources, {name: _library_version(name) for name in names})
