"""Generated pages and files made again by a dirty build only when their content changed.

A dirty build (``langso serve``, ``mkdocs serve --dirty``) renders a page when MkDocs'
``File.is_modified`` says so: when its published file is older than its Markdown file. A page a
plugin makes in memory (``File.generated(…, content=…)``: the lists of a big folder, the QR
plaques' index, the search page) has no file, so MkDocs counts it modified on *every* build; a
page a plugin publishes from the cache (the directory's lists, :mod:`langso.directory.outputs`)
is modified whenever its cache entry is made again, even when that page's own text is the same
(one entry's edit remakes every list). Files made in memory that are not pages (the QR plaques'
redirect pages ``q/<id>/``, scripts) are likewise written again on every dirty build. With 3,000
pages that was 61 pages rendered and about 2,000 files written again for each edit, most of them
showing nothing new.

:func:`langso.adapter.render_only_changed` (called by ``langso/content`` once the files are known)
gives each generated Markdown page of a build the rule of a hand-written one: rendered when its
Markdown differs from the Markdown its published file was rendered from; the same rule for the
other files made in memory (written when their bytes differ). What each published file was rendered
from is remembered in this process only (:data:`_RENDERED`, a SHA-256 digest and the file's
modification time and size per published file: about 100 bytes a page); a new process, whose first
build starts from an empty site folder, starts empty and renders every generated page, as before. A
published file removed (``langso.content.stale``: the village changed) or written by anything else
since is rendered again. What a page shows besides its Markdown (the navigation, other pages'
titles) may be old in a dirty build, as for a hand-written page; ``langso serve --full`` renders
everything.

Only the preview's dirty builds ask ``is_modified``; a full build renders every page and never
reads :data:`_RENDERED`.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, replace

__all__ = ["needs_render"]


@dataclass(frozen=True)
class _Render:
    """A published file and the Markdown it was rendered from.

    Attributes:
        markdown: SHA-256 hex digest of the page's Markdown bytes.
        source: ``(path, st_mtime_ns, st_size)`` of the Markdown's file when it has one (a
            cache file): the same file unchanged is the same Markdown, not read again.
        written: ``(st_mtime_ns, st_size)`` of the published file once written; ``None`` while
            the build that renders it has not written it yet.
        before: ``(st_mtime_ns, st_size)`` of the published file when that build started
            (``None``: there was none), to see that it was written since.
    """

    markdown: str
    source: tuple[str, int, int] | None
    written: tuple[int, int] | None
    before: tuple[int, int] | None


_RENDERED: dict[str, _Render] = {}
"""Published file (absolute path) → what it was rendered from, for this process's builds."""


def _identity(path: str) -> tuple[int, int] | None:
    """``(st_mtime_ns, st_size)`` of ``path``; ``None`` when it is not there."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def needs_render(dest: str, src: str | None, content: Callable[[], bytes]) -> bool:
    """Whether a dirty build must render (write) the generated file published at ``dest``:
    its published file is missing, was written by something else than the render remembered,
    or was rendered from other Markdown (bytes). ``src`` is the file the content is read from
    (a cache file) or ``None`` (made in memory); ``content()`` gives its bytes, read only when
    needed. Called by MkDocs (through :class:`langso.adapter.GeneratedPage`) before reading the
    page and again before rendering it: both calls of one build answer the same."""
    now = _identity(dest)
    known = _RENDERED.get(dest)
    if known is not None and known.written is None and now != known.before:
        known = _RENDERED[dest] = replace(known, written=now, before=None)  # rendered since
    source = None
    if src is not None:
        found = _identity(src)
        source = (src, *found) if found is not None else None
    if known is not None and known.written is not None and known.written == now:
        if source is not None and known.source == source:
            return False  # rendered from this very file, and untouched since
        markdown = _digest(content())
        if known.markdown == markdown:
            _RENDERED[dest] = replace(known, source=source)
            return False  # rendered from this Markdown, and untouched since
    else:
        markdown = _digest(content())
        if known is not None and known.written is None and known.markdown == markdown:
            return True  # to be rendered by this build already: keep what it started from
    _RENDERED[dest] = _Render(markdown, source, None, now)  # to be rendered by this build
    return True


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
