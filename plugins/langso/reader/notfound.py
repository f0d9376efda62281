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
from collections.abc import Sequence
from dataclasses import dataclass

from langso.edits import Edit
from langso.escaping import html_text

__all__ = ["NOT_FOUND_TITLE", "HelpLine", "not_found_body", "not_found_edits"]

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
        if help_line.sample
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
