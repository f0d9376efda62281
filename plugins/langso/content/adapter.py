"""The MkDocs adapter of the home page's top (:mod:`langso.home`) and of index cards
(:mod:`langso.cards`) for ``langso/content``: finds files, links and picture sizes, nothing more.

- :func:`register_css` (``on_config``) and :func:`css_file` (``on_files``): ``cards.css``, the
  stylesheet of the tiles and cards, published as ``assets/langso/cards.css``.
- :func:`home_html` (``on_page_content`` of the home page): the picture, the emergency calls,
  the current notices (``config.extra["langso_notices"]``, from ``langso/notices``) and the
  tiles, placed right after the ``<h1>``.
- :func:`with_cards` (``on_page_markdown`` of an index page): lists of links to pages as cards.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from importlib.resources import files as package_files
from urllib.parse import unquote, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from langso.cards import CardPicture, CardTarget, card_lists, page_summary
from langso.geomap.adapter import has_places
from langso.home import (
    NOTICES_INDEX_KEY,
    NOTICES_KEY,
    HomeNotice,
    Picture,
    insert_after_h1,
    picture_size,
    render_home,
)
from langso.text import nfc
from langso.village import Village

__all__ = ["CARDS_CSS", "css_file", "home_html", "is_index", "register_css", "with_cards"]

CARDS_CSS = "assets/langso/cards.css"
"""Where the stylesheet of the home tiles and index cards is published."""


def register_css(config: MkDocsConfig) -> None:
    """List :data:`CARDS_CSS` in ``extra_css`` (once)."""
    if CARDS_CSS not in [str(item) for item in config.extra_css]:
        config.extra_css.append(CARDS_CSS)


def css_file(config: MkDocsConfig) -> File:
    """The generated file of :data:`CARDS_CSS`, from the package's ``assets/cards.css``."""
    css = package_files("langso").joinpath("assets/cards.css").read_text("utf-8")
    return File.generated(config, CARDS_CSS, content=css)


def _href(files: Files, page: Page, src_uri: str) -> str | None:
    """The link from ``page`` to the file ``src_uri`` (relative to ``docs_dir``), if it exists."""
    file = files.get_file_from_path(nfc(src_uri))
    if file is None or file.inclusion.is_excluded():
        return None
    return file.url_relative_to(page.file)


def home_html(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The home page's ``html`` with the picture, emergency calls and tiles after its ``<h1>``."""
    village = config.extra.get("village")
    picture = None
    if isinstance(village, Village) and village.picture and village.picture_alt:
        file = files.get_file_from_path(nfc(village.picture))
        size = picture_size(file.abs_src_path) if file and file.abs_src_path else None
        if file is not None and size is not None:
            src = file.url_relative_to(page.file)
            picture = Picture(src, village.picture_alt, *size, drawn=village.picture_drawn)

    listed = config.extra.get(NOTICES_KEY)
    notices = None
    if isinstance(listed, list):
        notices = [n for n in listed if isinstance(n, HomeNotice)]
    index = config.extra.get(NOTICES_INDEX_KEY)
    block = render_home(
        picture,
        lambda uri: _href(files, page, uri),
        notices=notices,
        notices_index=index if isinstance(index, str) else None,
        has_places=has_places(config, files),  # the "Bản đồ" tile (langso.geomap, issue 16)
    )
    return insert_after_h1(html, block)


def is_index(page: Page) -> bool:
    """Whether ``page`` is a folder's index page (not the home page)."""
    name = posixpath.basename(page.file.src_uri)
    return name in ("index.md", "README.md") and not page.is_homepage


def with_cards(markdown: str, page: Page, files: Files, sources: Mapping[str, str]) -> str:
    """``markdown`` of the index ``page`` with its lists of links to written pages (those in
    ``sources``, by source path) as cards; lists to generated pages stay lists."""
    folder = posixpath.dirname(page.file.src_uri)

    def target(dest: str) -> CardTarget | None:
        parts = urlsplit(dest)
        if parts.scheme or parts.netloc or not parts.path.endswith(".md"):
            return None
        uri = nfc(posixpath.normpath(posixpath.join(folder, unquote(parts.path))))
        source = sources.get(uri)
        file = files.get_file_from_path(uri)
        if source is None or file is None or uri == page.file.src_uri:
            return None
        href = file.url_relative_to(page.file) + (f"#{parts.fragment}" if parts.fragment else "")
        summary = page_summary(source, uri)
        return CardTarget(href, summary.description, _picture(summary.image, uri, page, files))

    return card_lists(markdown, target)


def _picture(image: str | None, owner: str, page: Page, files: Files) -> CardPicture | None:
    """The card picture of ``image``, written in the page ``owner``, seen from ``page``."""
    if image is None:
        return None
    parts = urlsplit(image)
    if parts.scheme or parts.netloc or parts.path.startswith("/"):
        return None
    uri = nfc(posixpath.normpath(posixpath.join(posixpath.dirname(owner), unquote(parts.path))))
    file = files.get_file_from_path(uri)
    if file is None or file.abs_src_path is None:
        return None
    size = picture_size(file.abs_src_path)
    if size is None:
        return None
    return CardPicture(file.url_relative_to(page.file), *size)
