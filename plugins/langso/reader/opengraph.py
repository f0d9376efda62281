"""A page's link preview (Zalo, Facebook): its own description, its Open Graph values and the
card drawn for a page without a photo (:mod:`langso.previews`).

Plain Python: a page is anything with the attributes of a MkDocs page that :class:`PageLike`
names; ``langso/reader`` keeps one :class:`Previews` and calls :meth:`Previews.new_build` before
each build.
"""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from typing import Any, NamedTuple, Protocol
from urllib.parse import urljoin, urlsplit

from langso.escaping import plain_text
from langso.previews import (
    CARD_SIZE,
    Card,
    CardStore,
    Photo,
    first_photo,
    own_description,
    preview_title,
)
from langso.reader.markup import OpenGraph, og_image_url

__all__ = ["IMAGE_KEY", "PageLike", "PreviewSite", "Previews"]

IMAGE_KEY = "langso_preview_image"
"""``page.meta`` key a plugin sets to name the page's own preview image, before its first photo:
``{"src": link from the page, "width": px or None, "height": px or None, "alt": plain text}``
(``langso/notices``: a notice's photo of the paper notice, issue 15)."""


def _meta_photo(meta: MutableMapping[str, Any]) -> Photo | None:
    """The photo :data:`IMAGE_KEY` names in ``meta``, or ``None``."""
    value = meta.get(IMAGE_KEY)
    if not isinstance(value, dict) or not isinstance(value.get("src"), str):
        return None
    width, height = value.get("width"), value.get("height")
    sized = isinstance(width, int) and isinstance(height, int)
    return Photo(
        value["src"],
        width if sized else None,
        height if sized else None,
        str(value.get("alt") or ""),
    )


class _Titled(Protocol):
    @property
    def title(self) -> str | None: ...


class _NavPage(Protocol):
    @property
    def url(self) -> str: ...
    @property
    def title(self) -> str | None: ...


class PageLike(Protocol):
    """What a preview reads of a page (``mkdocs.structure.pages.Page``): ``url`` relative to
    the site (``dia-diem/dinh/``), ``meta`` (front matter), ``content`` (HTML), ``title`` (HTML
    text), ``is_homepage`` and ``parent`` (its navigation section)."""

    @property
    def url(self) -> str: ...
    @property
    def meta(self) -> MutableMapping[str, Any]: ...
    @property
    def content(self) -> str | None: ...
    @property
    def title(self) -> str | None: ...
    @property
    def is_homepage(self) -> bool: ...
    @property
    def parent(self) -> _Titled | None: ...


class PreviewSite(NamedTuple):
    """What previews read of the site's configuration: ``site_url`` (``""`` without one: no
    absolute address, so no image), ``site_name``, ``og_image`` (the site's own image, a path
    or URL) and ``site_description``."""

    site_url: str = ""
    site_name: str = ""
    og_image: str | None = None
    site_description: str = ""


def _meta_text(value: object) -> str | None:
    return value if isinstance(value, str) else None


class Previews:
    """Each page's preview: description, Open Graph values, card."""

    def __init__(self) -> None:
        self.site = PreviewSite()
        # the cards of pages without a photo (langso.previews), set each build
        self.cards: CardStore | None = None
        # the preview of the page open_graph saw last: (page, content, photo, card)
        self.seen: tuple[PageLike, str, Photo | None, Card | None] | None = None
        self.nav: object = None
        self.folder_titles: dict[str, str] = {}  # nav pages' titles by address, set each build

    def new_build(self, site: PreviewSite, cards: CardStore | None) -> None:
        """Read the site's values for this build; forget the last page seen."""
        self.site = site
        self.cards = cards
        self.seen = None

    def describe(self, page: PageLike, nav: object, nav_pages: Iterable[_NavPage]) -> None:
        """Give a page without a description its own, from its first paragraph
        (:func:`langso.previews.own_description`), in ``page.meta["description"]``; note the
        titles of the navigation's pages (``nav_pages``) once for each ``nav``."""
        if nav is not self.nav:  # the titles of the pages of the navigation, by address
            self.nav = nav
            self.folder_titles = {
                p.url.removesuffix("index.html"): plain_text(p.title)
                for p in nav_pages
                if p.title and p.url.removesuffix("index.html").endswith("/")
            }
        described = own_description(page.meta.get("description"), page.content or "")
        if described is not None:
            page.meta["description"] = described

    def key_parts(self, page: PageLike) -> list[object]:
        """What the preview shows besides the content: part of the key of a page's edits."""
        return [
            self.site.site_description,
            _meta_text(page.meta.get("title")),
            self.section(page),
        ]

    def open_graph(self, page: PageLike) -> OpenGraph:
        """The page's Open Graph values: its own title (the home page's too), its description
        (:meth:`describe`), and an image Zalo and Facebook show: its first photo, else
        ``og_image``, else its card (:mod:`langso.previews`); none without ``site_url``, as
        the apps need an absolute address."""
        site = self.site
        page_url = site.site_url + page.url if site.site_url else None
        description = page.meta.get("description")
        photo, card = self.preview(page)
        image, size, alt = "", None, ""
        if page_url and photo is not None:
            image, alt = urljoin(page_url, photo.src), photo.alt
            size = (photo.width, photo.height) if photo.width and photo.height else None
        elif site.og_image:
            image = og_image_url(page_url, None, site.og_image, site.site_url)
        elif card is not None:
            image, size, alt = urljoin(site.site_url, card.uri), CARD_SIZE, card.alt
        # page.title and the front matter's description are HTML text (langso.escaping); the
        # tags want plain text, which og_tags escapes once.
        return OpenGraph(
            title=preview_title(
                page.meta.get("title"), page.content or "", page.title, site.site_name
            ),
            # a page without a paragraph of prose (describe) has the site's, as in the theme's
            # <meta name="description">
            description=plain_text(description)
            if isinstance(description, str)
            else site.site_description,
            url=page_url,
            image=image,
            site_name=site.site_name,
            kind="website" if page.is_homepage else "article",
            image_size=size,
            image_alt=alt,
        )

    def preview(self, page: PageLike) -> tuple[Photo | None, Card | None]:
        """The page's first photo, and the card drawn for it when it has none and the site
        has an address and no ``og_image``."""
        content = page.content or ""
        seen = self.seen
        if seen is not None and seen[0] is page and seen[1] is content:
            return seen[2], seen[3]
        site = self.site
        photo = _meta_photo(page.meta) or first_photo(content)
        card = None
        if photo is None and site.site_url and not site.og_image:
            title = preview_title(page.meta.get("title"), content, page.title, site.site_name)
            section = self.section(page)
            parts = urlsplit(site.site_url)
            card = Card(
                title=title,
                site_name=site.site_name,
                section="" if section.casefold() == title.casefold() else section,
                address=(parts.netloc + parts.path).rstrip("/"),
            )
        self.seen = (page, content, photo, card)
        return photo, card

    def publish(self, card: Card | None, site_dir: str) -> None:
        """Write ``card``'s image into ``site_dir`` (drawn once, cached between builds)."""
        if card is not None and self.cards is not None:
            self.cards.publish(card, site_dir)

    def section(self, page: PageLike) -> str:
        """The section a page's card names, as plain text: its navigation section's title,
        else that of the nearest page above it by address (a generated service page is under
        ``danh-ba/``, "Danh bạ dịch vụ")."""
        if page.parent is not None and page.parent.title:
            return plain_text(page.parent.title)
        url = page.url.rstrip("/")
        while "/" in url:
            url = url.rsplit("/", 1)[0]
            title = self.folder_titles.get(url + "/")
            if title:
                return title
        return ""
