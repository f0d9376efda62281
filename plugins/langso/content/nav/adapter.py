"""The navigation window of ``langso/content``: a section bigger than ``nav_section_limit`` shows
only its index page, a window of :data:`NEIGHBOURS` pages on either side of the current page and a
link to the full list (:mod:`langso.sections`). Each page's template gets its own copy of the
navigation; the shared navigation is never changed, so pages stay the same size however many
pages the site has.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from mkdocs.structure import StructureItem
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

__all__ = ["NEIGHBOURS", "NavWindow", "sections"]

NEIGHBOURS = 3
"""Pages shown on either side of the current page in the window of a big navigation section."""


@dataclass(frozen=True)
class _BigSection:
    """A navigation section cut to a window: its index page, its other children and the link
    to the full list."""

    index: Page | None
    others: list[StructureItem]
    positions: dict[int, int]
    more: Link

    def window(self, current: StructureItem | None) -> list[StructureItem]:
        """The children shown when ``current`` (a child, or ``None``) leads to the current page."""
        size = 2 * NEIGHBOURS + 1
        position = self.positions.get(id(current), 0) if current is not None else 0
        start = max(0, min(position - NEIGHBOURS, len(self.others) - size))
        head = [self.index] if self.index is not None else []
        return [*head, *self.others[start : start + size], self.more]


class NavWindow:
    """The big sections of one build's navigation, and the cut copies of it that pages are given.

    :meth:`find` runs in ``on_nav``, :meth:`page_context` in ``on_page_context``.
    """

    def __init__(self) -> None:
        self.limit = 0
        # folder → (src_uri of its full list's first page, anchor of the list on it)
        self.listings: dict[str, tuple[str, str]] = {}
        self.big: dict[int, _BigSection] = {}
        self.trimmed: dict[int, Section] = {}
        # The navigation's top-level items as shown outside them, and their positions by id.
        self.top: list[StructureItem] = []
        self.top_positions: dict[int, int] = {}

    def find(
        self, nav: Navigation, files: Files, limit: int, listings: dict[str, tuple[str, str]]
    ) -> None:
        """Find the sections of ``nav`` with more than ``limit`` children (0: none is cut)
        and make the copies pages outside them use.

        Args:
            listings: folder → (``src_uri`` of its full list's first page, anchor of the list on
                it), as ``langso/content`` made them.
        """
        self.big = {}
        self.trimmed = {}
        self.top = []
        self.top_positions = {}
        self.limit = limit
        self.listings = listings
        if limit > 0:
            for section in sections(nav.items):
                self._find_big(section, files)
            if self.big:
                self.top = [self._trimmed(item) for item in nav.items]
                self.top_positions = {id(item): n for n, item in enumerate(nav.items)}

    def _find_big(self, section: Section, files: Files) -> None:
        index = None
        for child in section.children:
            if isinstance(child, Page) and child.is_index:
                index = child
                break
        others = [child for child in section.children if child is not index]
        if len(others) <= self.limit:
            return
        target = self._full_list(index, others, files)
        if target is None:
            return  # nowhere lists them all: keep every child reachable from the navigation
        kind = "trang" if all(isinstance(c, Page) for c in others) else "mục"
        self.big[id(section)] = _BigSection(
            index=index,
            others=others,
            positions={id(child): n for n, child in enumerate(others)},
            more=Link(f"Xem tất cả {len(others)} {kind}", target),
        )

    def _full_list(
        self, index: Page | None, others: list[StructureItem], files: Files
    ) -> str | None:
        """The URL of the page listing every child of a section, if there is one."""
        folders = {
            posixpath.dirname(child.file.src_uri) for child in others if isinstance(child, Page)
        }
        if len(folders) == 1 and (listing := self.listings.get(folders.pop())) is not None:
            file = files.get_file_from_path(listing[0])
            if file is not None:
                return file.url + (f"#{listing[1]}" if listing[1] else "")
        return index.url if index is not None else None

    def _trimmed(self, item: StructureItem) -> StructureItem:
        """The copy of ``item`` shown when the current page is outside it (built once)."""
        if not isinstance(item, Section):
            return item
        if id(item) not in self.trimmed:
            big = self.big.get(id(item))
            children = big.window(None) if big is not None else item.children
            self.trimmed[id(item)] = Section(item.title, [self._trimmed(c) for c in children])
        return self.trimmed[id(item)]

    def page_context(
        self, context: TemplateContext, page: Page, nav: Navigation
    ) -> TemplateContext:
        """``context`` with ``page``'s own copy of ``nav`` when a section is cut."""
        if not self.big:
            return context
        path: list[StructureItem] = [*list(page.ancestors)[::-1], page]

        def shown(item: StructureItem, depth: int) -> StructureItem:
            if depth + 1 >= len(path) or item is not path[depth]:
                return self._trimmed(item)
            assert isinstance(item, Section)
            big = self.big.get(id(item))
            following = path[depth + 1]
            children = big.window(following) if big is not None else item.children
            section = Section(item.title, [shown(c, depth + 1) for c in children])
            section.active = True
            return section

        # Only the top-level item leading to the page differs from the trimmed navigation.
        items = list(self.top)
        position = self.top_positions.get(id(path[0]))
        if position is not None and len(path) > 1:
            items[position] = shown(path[0], 0)
        own = object.__new__(Navigation)  # a shallow copy; copy.copy is slower
        own.__dict__ = {**nav.__dict__, "items": items}
        context["nav"] = own
        return context


def sections(items: list[StructureItem]) -> list[Section]:
    """Every section in ``items``, nested ones included."""
    found = []
    for item in items:
        if isinstance(item, Section):
            found.append(item)
            found += sections(item.children)
    return found
