"""Whether the running build's site is thrown away, as ``langso check``'s is (issue 18).

Plain Python (no MkDocs import). ``langso check`` builds strictly into a temporary folder to list
every problem, then deletes it. Within :func:`site_thrown_away` the PDF print sheets are laid out
(a sheet too small for its codes is still an error) but not rendered
(:func:`langso.printing.sheets.cached_plaques_pdf`): an empty file stands in for each, unless a
build left it in the cache; nothing unmade enters the cache.

Only work whose product nothing else in the build reads may be skipped so. Photos may not: the
home page, the link previews and the notices' size check read the resized copies. The sheets
are read by one thing only, the host's size limits (:mod:`langso.reader.hostcheck`), which in a
check count them as empty (a few KB a plaque). And only the real build meets WeasyPrint's
system libraries (Pango) missing on the machine.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

__all__ = ["placeholder", "site_thrown_away"]

_PLACEHOLDER: ContextVar[Path | None] = ContextVar("langso_placeholder", default=None)


@contextmanager
def site_thrown_away() -> Iterator[None]:
    """Within: the build's site is thrown away (see the module); :func:`placeholder` is set."""
    with tempfile.TemporaryDirectory(prefix="langso-check-") as folder:
        empty = Path(folder) / "empty"
        empty.write_bytes(b"")
        token = _PLACEHOLDER.set(empty)
        try:
            yield
        finally:
            _PLACEHOLDER.reset(token)


def placeholder() -> Path | None:
    """An empty file to publish in place of one not made, while the site is thrown away;
    ``None`` in a real build (make everything)."""
    return _PLACEHOLDER.get()
