"""A page's link preview (Zalo, Facebook): its own description, its Open Graph values, and the
site's one card for a page without a photo (:mod:`langso.previewcard`).

Plain Python: a page is anything with the attributes of a MkDocs page that :class:`PageLike`
names; ``langso/reader`` keeps one :class:`Previews` and calls :meth:`Previews.new_build` before
each build.
"""

from __future__ import annotations

from collections.abc import MutableMapping
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


class PageLike(Protocol):
    """What a preview reads of a page (``mkdocs.structure.pages.Page``): ``url`` relative to
    the site (``dia-diem/dinh/``), ``meta`` (front matter), ``content`` (HTML), ``title`` (HTML
    text) and ``is_homepage``."""

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


def site_card(site: PreviewSite) -> Card | None:
    """The one card of ``site``: its name on the band, its description (which names the
    village and its commune and province in a site ``langso init`` made) as the large text, its
    address (``host/path``) at the foot; ``None`` without ``site_url`` (the apps need an absolute
    address) or with ``og_image`` (the site's own image is shown instead).

    >>> site_card(PreviewSite("https://x.vn/lang/", "Làng A", None, "Sổ tay của làng A.")).address
    'x.vn/lang'
    """
    if not site.site_url or site.og_image:
        return None
    parts = urlsplit(site.site_url)
    address = (parts.netloc + parts.path).rstrip("/")
    return Card(site.site_description or site.site_name, site.site_name, address)


class Previews:
    """Each page's preview: description, Open Graph values, the site's card."""

    def __init__(self) -> None:
        self.site = PreviewSite()
        self.card: Card | None = None  # the site's card (site_card), set each build
        self.cards: CardStore | None = None  # where it is drawn and kept, set each build
        # the preview of the page open_graph saw last: (page, content, photo, card)
        self.seen: tuple[PageLike, str, Photo | None, Card | None] | None = None

    def new_build(self, site: PreviewSite, cards: CardStore | None) -> None:
        """Read the site's values for this build; forget the last page seen."""
        self.site = site
        self.card = site_card(site)
        self.cards = cards
        self.seen = None

    def describe(self, page: PageLike) -> None:
        """Give a page without a description its own, from its first paragraph
        (:func:`langso.previews.own_description`), in ``page.meta["description"]``."""
        described = own_description(page.meta.get("description"), page.content or "")
        if described is not None:
            page.meta["description"] = described

    def key_parts(self, page: PageLike) -> list[object]:
        """What the preview shows besides the content: part of the key of a page's edits."""
        return [self.site.site_description, _meta_text(page.meta.get("title"))]

    def open_graph(self, page: PageLike) -> OpenGraph:
        """The page's Open Graph values: its own title (the home page's too), its description
        (:meth:`describe`), and an image Zalo and Facebook show: its first photo, else
        ``og_image``, else the site's card (:func:`site_card`); none without ``site_url``, as
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
        """The page's first photo, and the site's card when it has none (and the site has an
        address and no ``og_image``)."""
        content = page.content or ""
        seen = self.seen
        if seen is not None and seen[0] is page and seen[1] is content:
            return seen[2], seen[3]
        photo = _meta_photo(page.meta) or first_photo(content)
        card = self.card if photo is None else None
        self.seen = (page, content, photo, card)
        return photo, card

    def publish(self, card: Card | None, site_dir: str) -> None:
        """Write ``card``'s image into ``site_dir`` (drawn once, cached between builds; written
        once a build however many pages show it)."""
        if card is not None and self.cards is not None:
            self.cards.publish(card, site_dir)
