"""``<img>`` tags of a rendered page made light: lazy, sized, with a ``srcset`` of the variants.

Works on the HTML MkDocs wrote (relative URLs), tag by tag: a tolerant pattern finds each
``<img …>``, the standard library's HTML parser reads its attributes, and the missing ones are
inserted before its end. Nothing else of the page is touched, so no re-serialisation can change
the author's markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlsplit

from langso.photos.model import Photo, variant_uri

__all__ = ["enhance_images", "resolve"]

# `<img` then attributes, where quoted values may hold `>`.
_IMG = re.compile(r"""<img\b(?:[^>"']|"[^"]*"|'[^']*')*>""", re.IGNORECASE)
_BASE = "http://site.invalid/"


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attrs = {name: value for name, value in reversed(attrs)}  # first one wins

    handle_startendtag = handle_starttag


def _attributes(tag: str) -> dict[str, str | None]:
    parser = _Attributes()
    parser.feed(tag)
    parser.close()
    return parser.attrs


def resolve(page_url: str, src: str) -> str | None:
    """The site path (``anh/cho.jpg``) of ``src`` written in the page at ``page_url``.

    ``None`` for another site, a ``data:`` URL or a path above the site's root.

    >>> resolve("dia-diem/dinh/", "../../anh/cho%20que.jpg")
    'anh/cho que.jpg'
    >>> resolve("dia-diem/dinh.html", "../anh/cho.jpg?v=2") is None
    False
    """
    target = urljoin(_BASE + page_url, src.strip())
    if not target.startswith(_BASE):
        return None
    return unquote(urlsplit(target).path.removeprefix("/"))


def enhance_images(
    page_html: str, page_url: str, photos: Mapping[str, Photo], sizes: str
) -> tuple[str, int]:
    """Give each ``<img>`` showing one of ``photos`` (keyed by site path) the attributes it lacks.

    ``loading="lazy"``, ``decoding="async"``, ``width`` and ``height`` (the other one
    proportional when the author gave one), and ``srcset`` and ``sizes`` when the photo has
    variants. Attributes the author wrote win. Returns the HTML and the number of tags changed.
    """
    if "<i" not in page_html and "<I" not in page_html:
        return page_html, 0  # no tag can match: a plain search is faster than the pattern's
    changed = 0

    def enhance(match: re.Match[str]) -> str:
        nonlocal changed
        tag = match.group(0)
        attrs = _attributes(tag)
        src = attrs.get("src")
        if not src:
            return tag
        path = resolve(page_url, src)
        photo = photos.get(path) if path is not None else None
        if photo is None:
            return tag
        added: dict[str, str] = {}
        if "loading" not in attrs:
            added["loading"] = "lazy"
        if "decoding" not in attrs:
            added["decoding"] = "async"
        added |= _size(attrs, photo)
        if photo.variants and "srcset" not in attrs:
            address = src.split("#", 1)[0].split("?", 1)[0]
            candidates = [f"{variant_uri(address, v.width)} {v.width}w" for v in photo.variants]
            added["srcset"] = ", ".join([*candidates, f"{address} {photo.width}w"])
            if "sizes" not in attrs:
                added["sizes"] = sizes
        if not added:
            return tag
        changed += 1
        closing = " />" if tag.endswith("/>") else ">"
        head = tag.removesuffix(">").removesuffix("/").rstrip()
        extra = "".join(f' {name}="{html.escape(value)}"' for name, value in added.items())
        return f"{head}{extra}{closing}"

    return _IMG.sub(enhance, page_html), changed


def _size(attrs: Mapping[str, str | None], photo: Photo) -> dict[str, str]:
    """``width`` and ``height`` as far as the author left them out, keeping the proportions."""
    width, height = _pixels(attrs.get("width")), _pixels(attrs.get("height"))
    if "width" in attrs and "height" in attrs:
        return {}
    if "width" in attrs:
        return {"height": str(round(width * photo.height / photo.width))} if width else {}
    if "height" in attrs:
        return {"width": str(round(height * photo.width / photo.height))} if height else {}
    return {"width": str(photo.width), "height": str(photo.height)}


def _pixels(value: str | None) -> int | None:
    """A plain pixel count (``300`` or ``300px``); ``None`` for ``50%`` and the like."""
    text = (value or "").strip().removesuffix("px")
    return int(text) if text.isdigit() and int(text) > 0 else None
