"""The full list of a big folder's pages, cut into pages of bounded size (see ``langso/content``).

The navigation of a big section shows only a window of it (``langso/content``); its index page
must then let the reader reach every page. This module finds whether the hand-written index
already links every page and, if not, writes the list in Vietnamese alphabetical order.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote, unquote, urlsplit

from langso.listing import paginate
from langso.render import render_template
from langso.text import nfc, sort_key

__all__ = ["LISTING_HEADING", "ListedPage", "linked_uris", "section_listing"]

LISTING_HEADING = "Tất cả các trang"
"""Heading of the list added to a hand-written index page (its anchor: ``#tat-ca-cac-trang``)."""

_INLINE = re.compile(r"\]\(\s*<?([^)\s>]+)")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]]+\]:[ \t]*<?(\S+?)>?(?:[ \t]|$)", re.MULTILINE)


@dataclass(frozen=True)
class ListedPage:
    """A page of the folder: its title and its source path relative to ``docs_dir``."""

    title: str
    src_uri: str


def linked_uris(body: str, src_uri: str) -> set[str]:
    """Source paths (relative to ``docs_dir``, NFC) of the pages the Markdown ``body`` of the page
    ``src_uri`` links to, by inline links or reference definitions; external links left out."""
    found = set()
    folder = posixpath.dirname(src_uri)
    for target in [*_INLINE.findall(body), *_REFERENCE.findall(body)]:
        parts = urlsplit(target)
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            continue
        found.add(nfc(posixpath.normpath(posixpath.join(folder, unquote(parts.path)))))
    return found


def section_listing(
    folder: str, title: str, pages: Iterable[ListedPage], per_page: int, *, has_index: bool
) -> list[tuple[str, str]]:
    """The list of ``pages`` in Vietnamese alphabetical order, as ``(src_uri, markdown)`` pages.

    The first is ``<folder>/index.md``: with ``has_index`` its Markdown is a section (a ``##``
    heading) to add to the hand-written page, else a whole page titled ``title``. The others are
    ``<folder>/trang-<k>/index.md`` (see :func:`langso.listing.paginate`).

    Raises:
        ValueError: when ``per_page`` is less than 1.
    """
    return list(_section_listing(folder, title, tuple(pages), per_page, has_index))


@lru_cache(maxsize=256)  # every build of `mkdocs serve` lists the same folders again
def _section_listing(
    folder: str, title: str, pages: tuple[ListedPage, ...], per_page: int, has_index: bool
) -> tuple[tuple[str, str], ...]:
    ordered = sorted(pages, key=lambda p: (sort_key(p.title), p.src_uri))
    result = []
    for pager, items in paginate(folder, ordered, per_page):
        links = [(p.title, quote(pager.link(p.src_uri))) for p in items]
        markdown = render_template(
            "section_listing.md",
            title=title,
            heading=LISTING_HEADING,
            appended=has_index and pager.number == 1,
            total=len(ordered),
            links=links,
            pager=pager,
        )
        result.append((pager.uri, markdown))
    return tuple(result)
