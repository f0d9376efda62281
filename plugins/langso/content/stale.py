"""Pages rendered again in a dirty build when what they show besides their Markdown changed.

A dirty build (``langso serve``, ``mkdocs serve --dirty``, ``mkdocs build --dirty``) renders a
page only when its published file is older than its Markdown (MkDocs' ``File.is_modified``). Pages
also show what is not in their Markdown:

- every page: ``village.yml`` (``config.extra["village"]``, which plugins and the theme read: the
  home page's picture and tiles, the guides' helper);
- the home page: the village's picture file (its size is written in the markup);
- a guide (:func:`langso.guides.is_guide`): the helper's directory entry (the "Cần giúp?" box,
  :mod:`langso.helpline`).

:func:`remove_stale` removes the published file of each page older than one of those inputs, so
MkDocs renders it again, as a full build would. A full build starts from an empty site folder and
finds nothing to remove. Editing ``village.yml`` while serving so renders every page again, once.
Plain Python: the caller hands the pages as paths.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from langso.guides import NEED_KEY, is_guide

__all__ = ["is_stale", "keeps_error_page", "remove_stale"]

_NEED_LINE = re.compile(rf"^{NEED_KEY}[ \t]*:", re.MULTILINE)


def is_stale(output: Path, inputs: Iterable[Path]) -> bool:
    """Whether the file ``output`` exists and is not newer than one of ``inputs`` that exists
    (modification times in nanoseconds; the same time counts as older: the file system's clock
    may be coarser than the edits)."""
    try:
        made = output.stat().st_mtime_ns
    except OSError:
        return False
    for path in inputs:
        try:
            if path.stat().st_mtime_ns >= made:
                return True
        except OSError:
            continue
    return False


def _shows_help(src_uri: str, source: str | None) -> bool:
    """Whether the page may be a guide: in ``huong-dan/`` or with ``can_chuan_bi`` at the start
    of a line of its Markdown (a page wrongly counted is only rendered once more)."""
    return is_guide(src_uri, {}) or (source is not None and bool(_NEED_LINE.search(source)))


def remove_stale(
    pages: Iterable[tuple[str, str]],
    village_file: Path,
    picture: Path | None,
    helper: Path | None,
    sources: Mapping[str, str],
) -> list[str]:
    """Remove the published file of every page older than what it shows (see the module).

    Args:
        pages: ``(src_uri, published file)`` of each Markdown page of the build.
        village_file: ``village.yml``.
        picture: the home picture, ``None`` without one.
        helper: the helper's directory entry (YAML), ``None`` without one.
        sources: each page's checked Markdown by ``src_uri`` (front matter included).

    Returns:
        The ``src_uri`` of each page whose published file was removed.
    """
    removed = []
    for src_uri, dest in pages:
        inputs = [village_file]
        if picture is not None and posixpath.splitext(src_uri)[0] in ("index", "README"):
            inputs.append(picture)
        if helper is not None and _shows_help(src_uri, sources.get(src_uri)):
            inputs.append(helper)
        output = Path(dest)
        if is_stale(output, inputs):
            try:
                os.remove(output)
            except OSError:
                continue
            removed.append(src_uri)
    return removed


def keeps_error_page(
    page: Path, village_file: Path, config_file: Path, helper: Path | None, theme_dirs: list[str]
) -> bool:
    """Whether a build may leave the site's ``404.html`` (``page``) as an earlier build wrote it,
    rather than render it again (0.3 s at N = 3,000: it carries the whole navigation): the file
    is there, so the build is a dirty one (a full build empties the site folder first), and it
    is newer than what it shows besides the navigation: ``village.yml``, ``mkdocs.yml``, the
    helper's entry (``None``: none) and the ``404.html`` and ``main.html`` of each theme folder.
    Its navigation may then be old, as for every page a dirty build does not render."""
    inputs = [village_file, config_file, *([helper] if helper is not None else [])]
    inputs += [Path(d) / name for d in theme_dirs for name in ("404.html", "main.html")]
    return page.is_file() and not is_stale(page, inputs)
