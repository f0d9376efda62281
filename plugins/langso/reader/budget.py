"""The weight of a page's first load, and the budget it must fit.

First load = the HTML plus the stylesheets and scripts it references from the site itself and
that load without any interaction (``<link rel="stylesheet">``, ``<script src>``; the theme's
script deferred by ``langso/reader`` is not referenced by a tag, so it does not count), measured
gzip-compressed at level 6 as GitHub Pages and other static hosts serve them. Photos are not
counted (they load lazily). The budget (60 KB by default) is the reader's-page goal of the project.
"""

from __future__ import annotations

import gzip
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = ["FirstLoad", "first_load", "gzip_size"]

_ASSET = re.compile(
    r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"', re.IGNORECASE
)


@cache
def _gzip_size_of(path: str, mtime_ns: int) -> int:
    with open(path, "rb") as file:
        return gzip_size(file.read())


def _asset_weight(path: str) -> tuple[int, int] | None:
    """``(bytes, gzip bytes)`` of the file at ``path``; ``None`` when there is none."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    if not os.path.isfile(path):
        return None
    return stat.st_size, _gzip_size_of(path, stat.st_mtime_ns)


def gzip_size(data: bytes) -> int:
    """Bytes of ``data`` after gzip at level 6 (no file name, no timestamp)."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


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


def first_load(
    page: Path,
    html: str | None = None,
    *,
    packed_size: Callable[[bytes], int] = gzip_size,
    assets: dict[str, tuple[int, int] | None] | None = None,
) -> FirstLoad:
    """Measure the first load of the built page ``page`` (its HTML may be given as ``html``).

    Args:
        packed_size: :func:`gzip_size`, or a function giving the same answers faster (a memo of
            pages measured before: the plugin's ``.cache/langso/memo/reader.json``).
        assets: weights of the stylesheets and scripts already measured in this build, by path
            (filled in here): every page loads the same few, which need not be looked at again.
    """
    known = {} if assets is None else assets
    text = page.read_text(encoding="utf-8") if html is None else html
    data = text.encode("utf-8")
    requests, raw, packed = 1, len(data), packed_size(data)
    folder = os.fspath(page.parent)
    for ref in _ASSET.findall(text):
        if re.match(r"^[a-z]+:|^//", ref):
            continue
        path = os.path.normpath(os.path.join(folder, ref.split("?")[0].split("#")[0]))
        if path not in known:
            known[path] = _asset_weight(path)
        weight = known[path]
        if weight is not None:
            requests += 1
            raw += weight[0]
            packed += weight[1]
    return FirstLoad(requests, raw, packed)
