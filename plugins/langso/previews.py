"""Link previews: what Zalo, Facebook and X show when a page is shared.

Plain functions of text (no MkDocs):

- :func:`preview_title`: the page's own title (front matter ``title``, else its ``<h1>``, else the
  navigation's), as plain text: the home page is "Sổ tay làng số Là Thôn", not "Trang chủ".
- :func:`first_photo`: the first raster image of the page (JPEG, PNG, WebP: the apps show no
  SVG), with its size and text alternative.
- :func:`own_description`: the description of a page whose front matter has none, from its first
  paragraph of prose (:func:`first_prose`).
- For a page without a photo, the site's one card (:mod:`langso.previewcard`, re-exported:
  :class:`Card`, :func:`draw_card`, :class:`CardStore`).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from langso.escaping import plain_text
from langso.previewcard import (
    CARD_FOLDER,
    CARD_SIZE,
    Card,
    CardStore,
    draw_card,
    drawable,
    missing_glyphs,
)

__all__ = [
    "CARD_FOLDER",
    "CARD_SIZE",
    "Card",
    "CardStore",
    "Photo",
    "draw_card",
    "drawable",
    "first_photo",
    "first_prose",
    "missing_glyphs",
    "own_description",
    "photo_url",
    "preview_title",
]

MIN_PHOTO_SIDE = 200
"""Facebook ignores an ``og:image`` smaller than 200 × 200 pixels: a smaller image is no photo
of the page (an icon, a logo), and the page gets a card."""
RASTER = (".jpg", ".jpeg", ".png", ".webp")


# --- title -------------------------------------------------------------------------------------

_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.IGNORECASE | re.DOTALL)
_HEADERLINK = re.compile(
    r"""<a\b[^>]*\bclass=(?:"[^"]*\bheaderlink\b[^"]*"|'[^']*\bheaderlink\b[^']*')[^>]*>.*?</a\s*>""",
    re.IGNORECASE | re.DOTALL,
)


def preview_title(meta_title: object, content: str, nav_title: str | None, site_name: str) -> str:
    """The title a preview shows, as plain text (escape it once to print it).

    Args:
        meta_title: the front matter's ``title``, HTML text (``langso/content`` escaped it).
        content: the page's HTML: its first ``<h1>`` (without the permalink ``¶``) comes next.
        nav_title: MkDocs' ``page.title``, HTML text: the navigation's label wins there
            ("Trang chủ" for the home page), so it comes last.
        site_name: when the page has no title at all.

    >>> preview_title(None, '<h1 id="a">Hùng &amp; Lan<a class="headerlink" href="#a">¶</a></h1>',
    ...               "Trang chủ", "Làng")
    'Hùng & Lan'
    """
    if isinstance(meta_title, str) and meta_title.strip():
        return " ".join(plain_text(meta_title).split())
    match = _H1.search(content)
    if match:
        heading = " ".join(plain_text(_HEADERLINK.sub("", match.group(1))).split())
        if heading:
            return heading
    return " ".join(plain_text(nav_title or "").split()) or site_name


# --- photo -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Photo:
    """A page's image as written in its HTML: ``src`` relative to the page (unescaped), its
    ``width`` and ``height`` attributes in pixels when both are plain numbers (the photos plugin
    writes the published size), ``alt`` as plain text."""

    src: str
    width: int | None
    height: int | None
    alt: str


_IMG = re.compile(r"""<img\b(?:[^>"']|"[^"]*"|'[^']*')*>""", re.IGNORECASE)


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attrs = {name: value or "" for name, value in reversed(attrs)}  # first one wins

    handle_startendtag = handle_starttag


def _pixels(value: str | None) -> int | None:
    text = (value or "").strip().removesuffix("px")
    return int(text) if text.isdigit() and 0 < int(text) < 100_000 else None


def first_photo(content: str) -> Photo | None:
    """The first ``<img>`` of ``content`` showing a JPEG, PNG or WebP file of the site itself
    (a relative ``src``, not ``data:`` nor another host) at least :data:`MIN_PHOTO_SIDE` pixels
    on each side when its size is written; ``None`` when there is none."""
    for match in _IMG.finditer(content):
        parser = _Attributes()
        parser.feed(match.group(0))
        parser.close()
        attrs = parser.attrs
        src = attrs.get("src", "").strip()
        parts = urlsplit(src)
        if not src or parts.scheme or parts.netloc:
            continue
        if not parts.path.lower().endswith(RASTER):
            continue
        width, height = _pixels(attrs.get("width")), _pixels(attrs.get("height"))
        if width is None or height is None:
            width = height = None
        elif min(width, height) < MIN_PHOTO_SIDE:
            continue
        return Photo(src, width, height, " ".join(attrs.get("alt", "").split()))
    return None


def photo_url(page_url: str, photo: Photo) -> str:
    """The absolute address of ``photo`` shown on the page at (absolute) ``page_url``."""
    return urljoin(page_url, photo.src)


class _Prose(HTMLParser):
    """The text of the first paragraph of prose: a ``<p>`` outside admonitions, details,
    tables, figures and navigation, most of whose letters are not link text (a paragraph that
    is a link home or back to a list is navigation, not what the page says)."""

    SKIPPED = frozenset({"details", "aside", "nav", "table", "figure", "blockquote", "form"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = 0  # depth inside skipped elements
        self.links = 0  # depth inside <a>
        self.parts: list[tuple[str, bool]] | None = None  # (text, in a link) of the <p>
        self.found: str | None = None

    def _skipped(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        return tag in self.SKIPPED or (tag == "div" and bool(dict(attrs).get("class")))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip:
            self.skip += tag in self.SKIPPED or tag == "div"
        elif self._skipped(tag, attrs):
            self.skip = 1
            self.parts = None
        elif tag == "p" and self.found is None:
            self.parts = []
        elif tag == "a":
            self.links += 1

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            self.skip -= tag in self.SKIPPED or tag == "div"
        elif tag == "a":
            self.links = max(0, self.links - 1)
        elif tag == "p" and self.parts is not None:
            parts, self.parts = self.parts, None
            text = " ".join("".join(t for t, _ in parts).split())
            letters = sum(c.isalpha() for t, _ in parts for c in t)
            linked = sum(c.isalpha() for t, link in parts if link for c in t)
            if letters and linked * 2 <= letters:
                self.found = text

    def handle_data(self, data: str) -> None:
        if self.parts is not None and not self.skip:
            self.parts.append((data, self.links > 0))


def first_prose(content: str, length: int = 160) -> str:
    """The first paragraph of prose of ``content`` (:class:`_Prose`) as plain text on one
    line, cut at a word to at most ``length`` characters (ending "…" when cut); "" for none.

    >>> first_prose('<p><a href="/">Về trang chủ</a></p><p>Chợ &amp; quán.</p>')
    'Chợ & quán.'
    """
    parser = _Prose()
    for start in range(0, len(content), 2048):  # the paragraph is near the top
        parser.feed(content[start : start + 2048])
        if parser.found is not None:
            break
    text = parser.found or ""
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-–—") + "…"


def own_description(meta_description: object, content: str) -> str | None:
    """The description (HTML text) to give a page whose front matter has none: its first
    paragraph of prose (:func:`first_prose`), escaped once; ``None`` when the page has a
    description already or no such paragraph (the site's description then stands)."""
    if isinstance(meta_description, str) and meta_description.strip():
        return None
    text = first_prose(content)
    return html.escape(text, quote=True) if text else None
