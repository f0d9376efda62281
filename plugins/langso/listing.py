"""Paginated listings: long lists split into pages of a fixed number of links.

A page's size must not grow with the site, so every generated list longer than ``per_page`` is cut
into pages published in one folder: page 1 is ``<folder>/index.md``, page *k* is
``<folder>/trang-<k>/index.md`` (URL ``<folder>/trang-<k>/``). Each page sits in a folder of its own
so a link relative to it works the same with or without ``use_directory_urls``. Links are to
``.md`` sources, which MkDocs turns into the final URLs.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from langso.render import render_template

__all__ = ["Pager", "listing_uri", "paginate"]

T = TypeVar("T")

_AROUND = 2
"""Page numbers shown on either side of the current one in the pager."""


def listing_uri(folder: str, number: int) -> str:
    """The source path of page ``number`` (from 1) of the listing in ``folder``.

    >>> listing_uri("danh-ba/y-te", 1), listing_uri("danh-ba/y-te", 3)
    ('danh-ba/y-te/index.md', 'danh-ba/y-te/trang-3/index.md')
    """
    return posixpath.join(folder, "index.md" if number == 1 else f"trang-{number}/index.md")


@dataclass(frozen=True)
class Pager:
    """One page of a listing: which page it is and the links to the others.

    Attributes:
        folder: the listing's folder, relative to ``docs_dir``.
        number: this page, from 1.
        count: how many pages the listing has (at least 1).
    """

    folder: str
    number: int
    count: int

    @property
    def uri(self) -> str:
        """This page's source path (see :func:`listing_uri`)."""
        return listing_uri(self.folder, self.number)

    def link(self, target: str) -> str:
        """The relative link from this page to ``target`` (a path relative to ``docs_dir``)."""
        return posixpath.relpath(target, posixpath.dirname(self.uri))

    def page_link(self, number: int) -> str:
        """The relative link from this page to page ``number`` of the same listing."""
        return self.link(listing_uri(self.folder, number))

    @property
    def numbers(self) -> list[int | None]:
        """The page numbers the pager shows: first, last and two either side of this one;
        ``None`` stands for a gap. At most 9 entries, whatever the number of pages."""
        shown = {1, self.count, *range(self.number - _AROUND, self.number + _AROUND + 1)}
        numbers: list[int | None] = []
        for n in sorted(k for k in shown if 1 <= k <= self.count):
            if numbers and numbers[-1] is not None and n > numbers[-1] + 1:
                numbers.append(None)
            numbers.append(n)
        return numbers

    def markdown(self) -> str:
        """The pager line in Markdown (``Trang 2/7: « Trang trước · 1 · 2 · 3 … 7 · Trang sau »``);
        empty when the listing has one page."""
        return render_template("pager.md", pager=self) if self.count > 1 else ""


def paginate(folder: str, items: Sequence[T], per_page: int) -> list[tuple[Pager, Sequence[T]]]:
    """Cut ``items`` into pages of ``per_page`` in ``folder``; one (empty) page when no items.

    Raises:
        ValueError: when ``per_page`` is less than 1.
    """
    if per_page < 1:
        raise ValueError(f"per_page must be at least 1, not {per_page}")
    count = max(1, -(-len(items) // per_page))
    return [
        (Pager(folder, n, count), items[(n - 1) * per_page : n * per_page])
        for n in range(1, count + 1)
    ]
