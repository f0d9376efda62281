"""The weight of a page's first load, and the budget it must fit.

First load = the HTML plus the stylesheets and scripts it references from the site itself and
that load without any interaction (``<link rel="stylesheet">`` in ``<head>``, ``<script src>``;
the theme's script and full stylesheets deferred by ``langso/reader`` are not referenced by a
tag, or only inside ``<noscript>``, so they do not count), measured
gzip-compressed at level 6 as GitHub Pages and other static hosts serve them. Photos are not
counted (they load lazily). The budget (35 KB by default) is the reader's-page goal of the project.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import NamedTuple

from langso.reader.markup import local_scripts, local_stylesheets

__all__ = ["FirstLoad", "budget_message", "built_file", "first_load", "gzip_size", "over_budget"]


def built_file(folder: str, href: str) -> str:
    """The path of the file ``href`` (a URL relative to a page built in ``folder``) names.

    Joined as text, not resolved (``pathlib`` costs ten times more; this runs for each file of
    each page). Not remembered: each page of a large site has its own folder, so a memo by
    ``(folder, href)`` served only the page itself and held a path per file per page (8 MB at
    N = 3,000) to save 0.7 µs a call."""
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


class FirstLoad(NamedTuple):
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
    page: str | Path,
    html: str | None = None,
    *,
    level: int = 6,
    assets: dict[tuple[str, int], tuple[int, int] | None] | None = None,
    root: str | None = None,
) -> FirstLoad:
    """Measure the first load of the built page ``page`` (its HTML may be given as ``html``;
    the files it loads must be built already), compressed at gzip ``level``.

    Args:
        assets: weights of the stylesheets and scripts already measured in this build, by path
            and level (filled in here): every page loads the same few.
        root: the site's path (``/lang-so/``) when the page, built at the site's root, links
            its files by absolute paths under it (the 404 page); other absolute paths are not
            the site's files.
    """
    known = {} if assets is None else assets
    text = Path(page).read_text(encoding="utf-8") if html is None else html
    data = text.encode("utf-8")
    requests, raw, packed = 1, len(data), gzip_size(data, level)
    folder = os.path.dirname(os.fspath(page))
    for ref in local_stylesheets(text) + local_scripts(text):
        if root is not None and ref.startswith("/"):
            if not ref.startswith(root):
                continue
            ref = ref[len(root) :]
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


def over_budget(measure: Callable[[int], FirstLoad], limit_bytes: int) -> FirstLoad | None:
    """The first load ``measure(level)`` gives at gzip level 6 when it weighs more than
    ``limit_bytes`` gzip, else ``None``; ``measure`` is :func:`first_load` of one page at that
    level, or a memo of it.

    Measured at gzip level 1 first, three times faster than level 6 and never smaller in
    practice: only a page near or over the limit is measured again at level 6.
    """
    if measure(1).gzip_bytes <= limit_bytes:
        return None
    exact = measure(6)
    return exact if exact.gzip_bytes > limit_bytes else None


def budget_message(over: Sequence[tuple[str, FirstLoad]], budget_kb: int) -> str:
    """The build's error for the pages ``over`` the budget (``(source path, weight)``, in the
    order they were built), in Vietnamese and English, one line per page:
    ``index.md: 89.7 KB (3 tệp/files)``."""
    pages = "\n".join(
        f"{src}: {weight.gzip_bytes / 1000:.1f} KB ({weight.requests} tệp/files)"
        for src, weight in over
    )
    return (
        f"Làng số: {len(over)} trang nặng hơn {budget_kb} KB khi mở lần đầu "
        "(HTML, CSS, JS, gzip) — bớt mã nhúng, tệp CSS/JS thêm vào hoặc chia nhỏ trang. / "
        f"{len(over)} page(s) weigh more than {budget_kb} KB on first load:\n{pages}"
    )
