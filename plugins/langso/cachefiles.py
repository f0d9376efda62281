"""How the memo and recall files of :mod:`langso.cache` are read and written.

Plain Python (no MkDocs). JSON for :class:`langso.cache.Memo` (written in pieces; a dirty build's
new values added in place, :func:`add_json`), pickles for :class:`langso.cache.Recall`, both
stamped with :func:`_software_digest` (the Python, the ``langso`` package's files and the library
versions that wrote them) and written aside then renamed (:func:`write_file`), so a build reading
one meanwhile sees the old file or the new one.
"""

from __future__ import annotations

import contextlib
import gc
import io
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

__all__ = ["add_json", "dump_json", "file_identity", "parse_json", "read_file", "write_file"]


def dump_json(values: dict[str, Any], out: BinaryIO, chunk: int = 1000) -> None:
    """Write ``values`` as compact JSON (UTF-8 as is, no spaces) to ``out``, ``chunk`` entries at
    a time: the bytes of ``json.dumps`` without the whole document in memory twice, as text and as
    UTF-8 (the search memo, 4.5 MB of UTF-8 at N = 3,000, is written at the build's peak)."""
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    items = list(values.items())
    out.write(b"{")
    for start in range(0, len(items), chunk):
        text = encode(dict(items[start : start + chunk]))[1:-1]  # without the braces
        out.write((("," if start else "") + text).encode("utf-8"))
    out.write(b"}")


def add_json(path: Path, values: dict[str, Any], new: dict[str, Any]) -> bool:
    """Add the members ``new`` to the JSON object of the store file ``path``, which holds
    ``values`` as this process last read or wrote it, and to ``values``; ``False`` (nothing
    done) when the file is not that one any more, or holds no member yet.

    A dirty build adds a few values to a file of thousands (the reader's memo: 10,000 at
    N = 3,000, 0.1 s to write whole): its closing brace is replaced by them, in one write, in
    place. A build reading the file meanwhile finds no closing brace: a damaged file, an empty
    memo (values made again, never wrong); the next full build writes it whole again."""
    known = _KNOWN_FILES.get(path)
    if not values or known is None or known[1] is not values or known[0] != file_identity(path):
        return False
    out = io.BytesIO()
    dump_json(new, out)
    with open(path, "r+b") as file:
        file.seek(-1, os.SEEK_END)
        if file.read(1) != b"}":
            return False
        file.seek(-1, os.SEEK_END)
        file.write(b"," + out.getvalue()[1:])  # the members, then the closing brace
    values.update(new)
    identity = file_identity(path)
    if identity is not None:
        _KNOWN_FILES[path] = (identity, values)
    return True


def parse_json(data: bytes) -> dict[str, Any] | None:
    loaded = json.loads(data)
    return loaded if isinstance(loaded, dict) else None


_KNOWN_FILES: dict[Path, tuple[tuple[int, int, int], dict[str, Any]]] = {}
"""The values of each store file this process last read or wrote, with the file's identity then
(inode, size, modification time): an unchanged file is not read again."""


def file_identity(path: Path) -> tuple[int, int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_ino, status.st_size, status.st_mtime_ns


def read_file(path: Path, parse: Callable[[bytes], dict[str, Any] | None]) -> dict[str, Any] | None:
    """The values of a store file: as this process last saw them when the file has not changed
    since, else parsed from it; ``None`` for a missing, damaged or foreign file (only a cache:
    its values are made again).

    The garbage collector waits while parsing: a store holds about 100,000 lists and strings, and
    during a build (a large heap) the collections their creation set off took 10 times longer
    than the parsing (0.25 s instead of 0.02 s at N = 1,000). Parsing makes no cycles."""
    identity = file_identity(path)
    if identity is None:
        return None
    known = _KNOWN_FILES.get(path)
    if known is not None and known[0] == identity:
        return known[1]
    collecting = gc.isenabled()
    gc.disable()
    try:
        values = parse(path.read_bytes())
    # Unpickling a damaged or foreign file can raise nearly anything.
    except Exception:
        values = None
    finally:
        if collecting:
            gc.enable()
    if values is not None:
        _KNOWN_FILES[path] = (identity, values)
    return values


def write_file(path: Path, values: dict[str, Any], write: Callable[[Any], object]) -> None:
    """Write a store file atomically (aside, then renamed: a build reading it meanwhile sees the
    old file or the new one) with ``write(binary_file)``; remember ``values`` as its content."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            write(out)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(temporary)
        raise
    identity = file_identity(path)
    if identity is not None:
        _KNOWN_FILES[path] = (identity, values)
