"""The top of every village's home page, made from data: a picture, the emergency numbers as
call buttons and large task tiles (issue 14).

The block is inserted by ``langso/content`` right after the home page's ``<h1>``, before the
volunteer's own text, so a village writes no HTML for it. What it holds:

- the picture of ``village.yml`` (``anh``, ``anh_mo_ta``, ``anh_la_tranh``), when there is one,
  marked "Tranh minh họa" when it is a drawing;
- "Khẩn cấp": the national numbers 113 (công an), 114 (cứu nạn, cứu hỏa), 115 (cấp cứu) as
  ``tel:`` links, one tap each (source: Bộ Công an and Bộ Y tế, as summarised in
  ``huong-dan/so-khan-cap.md`` of the sample), and a link to the village's emergency page when it
  exists;
- "Thông báo mới": the current notices ``langso/notices`` publishes as
  ``config.extra["langso_notices"]`` (:data:`NOTICES_KEY`, a list of :class:`HomeNotice`),
  urgent first and set apart by the word "KHẨN" and a warning sign, each with its
  ``data-het-han`` time: the notices script hides one whose time has passed in the reader's
  browser (issue 15);
- one tile for each section of :data:`TILES` that exists in the site. A new section (e.g.
  "Thông báo", issue 15) is one more :class:`Tile` in that list. "Bản đồ" only when at least
  one place has coordinates (``has_places``): a new village's map page says in words that it
  has no point yet, which is no task for the first screen.

Plain Python: the caller says which pages exist and their links (``href``), so this module knows
nothing of MkDocs.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from langso.render import render_template
from langso.schema import invalid

__all__ = [
    "EMERGENCY",
    "EMERGENCY_PAGES",
    "NOTICES_INDEX_KEY",
    "NOTICES_KEY",
    "PICTURE_TYPES",
    "TILES",
    "Call",
    "HomeNotice",
    "Picture",
    "Tile",
    "check_picture_path",
    "insert_after_h1",
    "picture_size",
    "render_home",
]

PICTURE_TYPES = (".jpg", ".jpeg", ".png", ".webp")
"""File types a home picture may have (what browsers show and ``langso/photos`` resizes)."""


@dataclass(frozen=True)
class Call:
    """A national emergency number: what to dial and who answers (Vietnamese label)."""

    number: str
    label: str


EMERGENCY = (
    Call("113", "Công an"),
    Call("114", "Cứu hỏa"),
    Call("115", "Cấp cứu"),
)
"""113 police, 114 fire and rescue, 115 medical emergency: free, no area code
(the sample's ``huong-dan/so-khan-cap.md`` and its sources)."""

EMERGENCY_PAGES = ("huong-dan/so-khan-cap.md", "khan-cap.md", "so-khan-cap.md")
"""Where a village's page on emergency numbers may be (source paths, first found wins)."""


@dataclass(frozen=True)
class Tile:
    """A large link of the home page to one section.

    Attributes:
        label: the tile's name, a word or two (``Danh bạ``).
        hint: one short line under it (``Số điện thoại, giờ mở cửa``).
        pages: source paths the tile may lead to, relative to ``docs_dir``; the first that
            exists wins; no tile when none does.
        icon: the name of its drawing in ``home_tiles.html`` (``book``, ``roof``, ``steps``,
            ``bell``, ``calendar``, ``map``).
        needs_places: shown only when the site has a place with coordinates (the map).
    """

    label: str
    hint: str
    pages: tuple[str, ...]
    icon: str
    needs_places: bool = False


TILES: tuple[Tile, ...] = (
    Tile("Danh bạ", "Số điện thoại, giờ mở cửa", ("danh-ba/index.md",), "book"),
    Tile("Địa điểm", "Đình làng, di tích", ("dia-diem/index.md",), "roof"),
    Tile("Bản đồ", "Các điểm trong làng", ("ban-do/index.md",), "map", needs_places=True),
    Tile("Hướng dẫn", "Làm từng bước trên điện thoại", ("huong-dan/index.md",), "steps"),
    Tile("Thông báo", "Tin mới của thôn, xã", ("thong-bao/index.md",), "bell"),
    Tile("Lịch", "Lễ hội, họp, phiên chợ", ("lich/index.md",), "calendar"),
)
"""The home page's tiles, in order. Only those whose section exists are shown."""


NOTICES_KEY = "langso_notices"
"""``config.extra`` key of the home page's notices (a list of :class:`HomeNotice`, in the order
shown), set by ``langso/notices``; absent without that plugin."""

NOTICES_INDEX_KEY = "langso_notices_index"
"""``config.extra`` key of the source path of the notices index (``thong-bao/index.md``)."""


@dataclass(frozen=True)
class HomeNotice:
    """A current notice as the home page lists it (plain data; see ``langso/notices``).

    Attributes:
        title: its title, plain text (escaped when rendered).
        src_uri: its page's source path, relative to ``docs_dir`` (``thong-bao/x.md``).
        kind: the name of its kind (``Lịch cắt điện``).
        kind_key: the kind's ASCII key (``cat-dien``), for the CSS class.
        urgent: shown first and set apart ("KHẨN", a warning sign, a red frame).
        posted: when it was posted, ISO 8601 with the offset (``2026-11-28T07:30:00+07:00``).
        posted_label: the same as readers see it (``07:30 Thứ Bảy, 28/11/2026``).
        expires: its ``het_han``, ISO 8601 with the offset, or ``None``.
        leaves: when it leaves the home page, ISO 8601 with the offset: its expiry, else the end
            of its fresh days; ``None``: never (the reader's script compares it with the clock).
        spare: beyond the home page's limit: hidden, shown by the reader's script when a
            notice above it has expired since the build (a site is read days after it was
            built, and saved pages are read offline).
    """

    title: str
    src_uri: str
    kind: str
    kind_key: str
    urgent: bool
    posted: str
    posted_label: str
    expires: str | None
    leaves: str | None
    spare: bool = False


@dataclass(frozen=True)
class Picture:
    """The home picture as the page shows it.

    Attributes:
        src: its address relative to the home page.
        alt: what it shows (plain text; escaped when rendered).
        width, height: its size in pixels (to reserve its space before it loads).
        drawn: a drawing, not a photo: captioned "Tranh minh họa".
    """

    src: str
    alt: str
    width: int
    height: int
    drawn: bool


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def check_picture_path(value: str) -> None:
    """Accept a picture path relative to the content folder (``anh/lang.webp``).

    Raises:
        PydanticCustomError: (from :func:`langso.schema.invalid`) for an address, an absolute
            path, a path leaving the folder or a type other than :data:`PICTURE_TYPES`.
    """
    parts = value.replace("\\", "/").split("/")
    types = ", ".join(PICTURE_TYPES)
    if _SCHEME.match(value) or value.startswith(("/", "\\")) or ".." in parts:
        raise invalid(
            f"`{value}` không phải đường dẫn trong thư mục nội dung",
            f"`{value}` is not a path inside the content folder",
            "chép ảnh vào thư mục nội dung (ví dụ `content/anh/`) và viết `anh: anh/ten-anh.webp`",
            "copy the picture into the content folder (e.g. `content/anh/`) and write "
            "`anh: anh/name.webp`",
        )
    if posixpath.splitext(value)[1].lower() not in PICTURE_TYPES:
        raise invalid(
            f"`{value}` không phải ảnh {types}",
            f"`{value}` is not a {types} picture",
            f"dùng ảnh {types}",
            f"use a {types} picture",
        )


ORIENTATION_TAG = 0x0112
"""EXIF ``Orientation`` (TIFF/EXIF 2.32, tag 274)."""


@lru_cache(maxsize=1024)
def _size(path: str, mtime_ns: int, length: int) -> tuple[int, int] | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:  # reads the header only: no pixel is decoded
            width, height = image.size
            # EXIF orientations 5–8 turn the picture a quarter (ImageOps.exif_transpose); asking
            # for the tag, not transposing, spares decoding every pixel to learn two numbers
            turned = image.getexif().get(ORIENTATION_TAG) in (5, 6, 7, 8)
    except (OSError, UnidentifiedImageError, ValueError):
        return None
    return (height, width) if turned else (width, height)


def picture_size(path: Path | str) -> tuple[int, int] | None:
    """``(width, height)`` of the picture at ``path`` in pixels, upright as published
    (EXIF orientation applied); ``None`` when it cannot be read. Remembered by file version."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return _size(str(path), stat.st_mtime_ns, stat.st_size)


def render_home(
    picture: Picture | None,
    href: Callable[[str], str | None],
    tiles: Sequence[Tile] = TILES,
    notices: Sequence[HomeNotice] | None = None,
    notices_index: str | None = None,
    *,
    has_places: bool = True,
) -> str:
    """The HTML of the top of the home page (``home_tiles.html``).

    Args:
        picture: the village's picture, or ``None`` for none.
        href: the link from the home page to a page given by its source path, ``None`` when the
            site has no such page.
        tiles: the tiles to offer; those leading nowhere are left out.
        notices: the current notices, in order; ``None``: the site has no notices (no block);
            empty: the block says there is no new notice. Urgent ones are shown first of all,
            above the picture; the others after the emergency numbers.
        notices_index: the source path of the notices index, linked from the block.
        has_places: whether any place has coordinates (``langso.geomap.adapter.has_places``);
            when not, the tiles that need places are left out.
    """
    shown = []
    for tile in tiles:
        if tile.needs_places and not has_places:
            continue
        link = next((h for h in map(href, tile.pages) if h is not None), None)
        if link is not None:
            shown.append((tile, link))
    more = next((h for h in map(href, EMERGENCY_PAGES) if h is not None), None)
    news = None
    if notices is not None:
        news = [(n, link) for n in notices if (link := href(n.src_uri)) is not None]
    all_news = href(notices_index) if notices_index else None
    # An urgent notice (a storm, a flood) comes before the picture: on the first screen at any
    # font size; the others follow the emergency numbers.
    return render_template(
        "home_tiles.html",
        picture=picture,
        calls=EMERGENCY,
        more=more,
        tiles=shown,
        urgent_news=[item for item in news or () if item[0].urgent],
        news=None if news is None else [item for item in news if not item[0].urgent],
        any_news=any(not item[0].spare for item in news or ()),
        news_limit=sum(not item[0].spare for item in news or ()),
        all_news=all_news,
    ).strip()


_H1_END = re.compile(r"</h1\s*>", re.IGNORECASE)


def insert_after_h1(page_html: str, block: str) -> str:
    """``block`` placed right after the first ``</h1>`` of ``page_html``, else at its start."""
    match = _H1_END.search(page_html)
    if match is None:
        return f"{block}\n{page_html}"
    return f"{page_html[: match.end()]}\n{block}\n{page_html[match.end() :]}"
