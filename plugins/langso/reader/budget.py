"""The weight of a page's first load, and the budget it must fit.

First load = the HTML plus the stylesheets and scripts it references from the site itself and
that load without any interaction (``<link rel="stylesheet">`` in ``<head>``, ``<script src>``;
the theme's script and full stylesheets deferred by ``langso/reader`` are not referenced by a
tag, or only inside ``<noscript>``, so they do not count), measured
gzip-compressed at level 6 as GitHub Pages and other static hosts serve them. Photos are not
counted (they load lazily). The budget (60 KB by default) is the reader's-page goal of the project.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from langso.reader.markup import local_scripts, local_stylesheets

__all__ = [
    "FirstLoad",
    "PageWeight",
    "built_file",
    "first_load",
    "gzip_size",
    "over_budget",
    "page_weight",
]


@lru_cache(maxsize=1 << 16)
def built_file(folder: str, href: str) -> str:
    """The path of the file ``href`` (a URL relative to a page built in ``folder``) names.

    Joined as text, not resolved, and remembered for every page of a large site (each page has
    its own folder): this runs for each file of each page (``pathlib`` costs ten times more)."""
    return os.path.normpath(os.path.join(folder, href.split("?")[0].split("#")[0]))


@cache
def _gzip_size_of(path: str, mtime_ns: int, level: int) -> int:
    with open(path, "rb") as file:
        return gzip_size(file.read(), level)


def _asset_weight(path: str, level: int) -> tuple[int, int] | None:
    """``(bytes, gzip bytes)`` of the file at ``path``; ``None`` when there is none."""
    try:
        stat = os.stat(path)
    except OSError:  # not a file of the site: the host answers 404, nothing to weigh
        return None
    return stat.st_size, _gzip_size_of(path, stat.st_mtime_ns, level)


def gzip_size(data: bytes, level: int = 6) -> int:
    """Bytes of ``data`` after gzip at ``level`` (6 by default; no file name, no timestamp)."""
    return len(gzip.compress(data, compresslevel=level, mtime=0))


@dataclass(frozen=True)
class FirstLoad:
    """What loading one page costs before any interaction.

    Attributes:
        requests: the page and each stylesheet and script it loads from the site.
        raw_bytes: their sizes as files.
        gzip_bytes: their sizes gzip-compressed (what travels).
    """

    requests: int
    raw_bytes: int
    gzip_bytes: int


class PageWeight(NamedTuple):
    """What a page's HTML itself brings to its first load.

    Attributes:
        raw_bytes: the HTML's size, UTF-8.
        gzip_bytes: its size gzip-compressed at the level asked.
        loads: the ``href``/``src`` of the site's own stylesheets and scripts it loads
            (:func:`local_stylesheets`, :func:`local_scripts`), relative to the page.
    """

    raw_bytes: int
    gzip_bytes: int
    loads: tuple[str, ...]


def page_weight(page_html: str, level: int = 6) -> PageWeight:
    """The :class:`PageWeight` of ``page_html`` compressed at gzip ``level``."""
    data = page_html.encode("utf-8")
    loads = tuple(local_stylesheets(page_html) + local_scripts(page_html))
    return PageWeight(len(data), gzip_size(data, level), loads)


def first_load(
    page: str | Path,
    html: str | None = None,
    *,
    level: int = 6,
    weigh: Callable[[str, int], PageWeight] = page_weight,
    assets: dict[tuple[str, int], tuple[int, int] | None] | None = None,
) -> FirstLoad:
    """Measure the first load of the built page ``page`` (its HTML may be given as ``html``;
    the files it loads must be built already), compressed at gzip ``level``.

    Args:
        weigh: :func:`page_weight`, or a function giving the same answers faster (a memo of
            pages measured before: the plugin's ``.cache/langso/memo/reader.json``).
        assets: weights of the stylesheets and scripts already measured in this build, by path
            and level (filled in here): every page loads the same few.
    """
    known = {} if assets is None else assets
    own = weigh(Path(page).read_text(encoding="utf-8") if html is None else html, level)
    requests, raw, packed = 1, own.raw_bytes, own.gzip_bytes
    folder = os.path.dirname(os.fspath(page))
    for ref in own.loads:
        path = built_file(folder, ref)
        key = (path, level)
        if key not in known:
            known[key] = _asset_weight(path, level)
        weight = known[key]
        if weight is not None:
            requests += 1
            raw += weight[0]
            packed += weight[1]
    return FirstLoad(requests, raw, packed)


def over_budget(
    page: str | Path,
    html: str,
    limit_bytes: int,
    *,
    weigh: Callable[[str, int], PageWeight] = page_weight,
    assets: dict[tuple[str, int], tuple[int, int] | None] | None = None,
) -> FirstLoad | None:
    """The first load of ``page`` (as :func:`first_load`, same arguments) when it weighs more
    than ``limit_bytes`` gzip, else ``None``.

    Measured at gzip level 1 first, three times faster than level 6 and never smaller in
    practice: only a page near or over the limit is measured again at level 6.
    """
    quick = first_load(page, html, level=1, weigh=weigh, assets=assets)
    if quick.gzip_bytes <= limit_bytes:
        return None
    exact = first_load(page, html, weigh=weigh, assets=assets)
    return exact if exact.gzip_bytes > limit_bytes else None
