"""The 404 page's content, as plain functions of text (no MkDocs).

The host serves the same ``404.html`` for any missing address (``/lang-so/a/b/c/``), so every
link here is an absolute path under the site's path (``root``: ``/lang-so/``), as MkDocs makes
the theme's own links on error pages. What a reader who followed a broken link or a stale QR
code needs, in Vietnamese only: what happened, a search box that works without JavaScript (a
plain ``GET`` to the site's full search page, ``tim-kiem/?q=``), the village's help number (the
helper of ``village.yml``'s ``ho_tro``, :class:`langso.helpline.Help`), the home page and the
directory.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from langso.edits import Edit
from langso.escaping import html_text
from langso.offline.build import ICON_URIS, WEBMANIFEST_URI

__all__ = [
    "NOT_FOUND_TITLE",
    "HelpLine",
    "directory_page",
    "help_line",
    "manifest_links",
    "not_found_body",
    "not_found_edits",
    "search_page",
]

NOT_FOUND_TITLE = "Không tìm thấy trang"

# Material's 404 template: ``<h1>404 - Not found</h1>`` in the article, its title in <head>.
_HEADING = re.compile(r"<h1>404 - Not found</h1>")
_TITLE = re.compile(r"<title>(?P<title>[^<]*)</title>")


@dataclass(frozen=True)
class HelpLine:
    """Whom the reader can call: ``name`` (plain text, ``None`` for no named helper), its
    ``phones`` as ``(display, tel)`` pairs (``0300 000 011``, ``+84300000011``), the path of
    its page (absolute, ``/lang-so/danh-ba/to-cong-nghe-so/``) and whether it is sample data."""

    name: str | None
    phones: tuple[tuple[str, str], ...]
    page: str
    sample: bool = False


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _help_html(help_line: HelpLine | None, directory: str | None) -> str:
    if help_line is None or help_line.name is None:
        if directory is None:
            return ""
        return (
            '<h2 id="can-giup">Cần giúp?</h2>'
            "<p>Nếu bạn quét mã QR trên biển mà đến đây, xin báo cho thôn: số điện thoại của tổ "
            f'công nghệ số và các nơi khác có trong <a href="{_attr(directory)}">danh bạ dịch vụ'
            "</a>.</p>"
        )
    name = html_text(help_line.name)
    calls = "".join(
        f'<a class="md-button md-button--primary langso-notfound__call" href="tel:{_attr(tel)}">'
        f'Gọi <span class="langso-notfound__number">{html_text(display)}</span></a>'
        for display, tel in help_line.phones
    )
    sample = (
        '<p class="langso-notfound__sample">Đây là số mẫu: chưa gọi được.</p>'
        if help_line.sample and calls  # the warning is about a number shown
        else ""
    )
    return (
        '<h2 id="can-giup">Cần giúp?</h2>'
        "<p>Nếu bạn quét mã QR trên biển mà đến đây, xin báo cho "
        f'<a href="{_attr(help_line.page)}">{name}</a>; tổ cũng giúp bà con dùng sổ tay và các '
        "dịch vụ số.</p>"
        + (f'<p class="langso-notfound__calls">{calls}</p>' if calls else "")
        + sample
    )


def not_found_body(
    root: str,
    *,
    search: str | None,
    help_line: HelpLine | None,
    directory: str | None,
) -> str:
    """The article of the 404 page.

    Args:
        root: the site's path, ``/lang-so/`` (``/`` at a domain's root).
        search: the absolute path of the full search page (``/lang-so/tim-kiem/``); ``None``
            when the site has none (no search box then).
        help_line: the village's helper; ``None`` (or no ``name``) leads to the directory.
        directory: the absolute path of the directory's index, ``None`` when there is none.
    """
    parts = [
        f"<h1>{NOT_FOUND_TITLE}</h1>",
        "<p>Trang này không có hoặc đã được chuyển đi.</p>",
    ]
    if search is not None:
        parts.append(
            f'<form class="langso-notfound__search" role="search" action="{_attr(search)}"'
            ' method="get">'
            '<label class="langso-notfound__label" for="langso-notfound-q">'
            "Tìm trong sổ tay</label>"
            '<input class="langso-notfound__input" id="langso-notfound-q" type="search"'
            ' name="q" placeholder="đình làng, y tế…">'
            '<button class="md-button md-button--primary langso-notfound__go" type="submit">'
            "Tìm</button></form>"
        )
    parts.append(_help_html(help_line, directory))
    links = [f'<li><a href="{_attr(root)}">Về trang chủ</a></li>']
    if directory is not None:
        links.append(f'<li><a href="{_attr(directory)}">Danh bạ dịch vụ</a></li>')
    parts.append(f'<ul class="langso-notfound__links">{"".join(links)}</ul>')
    return "".join(parts)


def not_found_edits(page_html: str, body: str) -> Sequence[Edit]:
    """Put ``body`` in place of Material's English heading and make the ``<title>`` (the site's
    name, as the theme escaped it) "Không tìm thấy trang - ‹site›". No edit for what is
    missing."""
    edits = []
    title = _TITLE.search(page_html)
    if title:
        text = f"{NOT_FOUND_TITLE} - {title.group('title')}"
        edits.append(Edit(title.start(), title.end(), f"<title>{text}</title>"))
    heading = _HEADING.search(page_html)
    if heading:
        edits.append(Edit(heading.start(), heading.end(), body))
    return edits


# What the 404 page links to, from the site's configuration: ``plugins`` is MkDocs'
# ``config.plugins`` (the plugins by name), ``extra`` its ``config.extra``; ``root`` the site's
# path (``/lang-so/``).


def search_page(plugins: Mapping[str, object], root: str) -> str | None:
    """The absolute path of ``langso/search``'s full search page, if the site uses it."""
    plugin = plugins.get("langso/search")
    url = getattr(plugin, "search_url", None) if plugin is not None else None
    return root + url if isinstance(url, str) else None


def help_line(extra: Mapping[str, object], root: str) -> HelpLine | None:
    """The village's helper (``extra["langso_help"]``, :class:`langso.helpline.Help`, published
    by ``langso/directory``), its page an absolute path; ``None`` without one."""
    found = extra.get("langso_help")
    url = getattr(found, "url", None)
    if found is None or not isinstance(url, str):
        return None
    phones = tuple((phone.display, phone.tel) for phone in getattr(found, "phones", ()))
    name = getattr(found, "name", None)
    sample = bool(getattr(found, "sample", False))
    return HelpLine(name if isinstance(name, str) else None, phones, root + url, sample)


def directory_page(
    plugins: Mapping[str, object], use_directory_urls: bool, root: str
) -> str | None:
    """The absolute path of the directory's index (``danh-ba/``) when ``langso/directory``
    makes one."""
    if "langso/directory" not in plugins:
        return None
    return root + ("danh-ba/" if use_directory_urls else "danh-ba/index.html")


def manifest_links(plugins: Mapping[str, object], root: str) -> str:
    """The web app manifest and icon links ``langso/offline`` gives every page, absolute."""
    if "langso/offline" not in plugins:
        return ""
    return (
        f'<link rel="manifest" href="{root}{WEBMANIFEST_URI}">'
        f'<link rel="apple-touch-icon" href="{root}{ICON_URIS[192]}">'
    )
