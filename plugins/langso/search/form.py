"""The search box in every page's header, the search page, and a page's description for its
search result. Plain Python (no MkDocs import); the index itself is :mod:`langso.search.index`.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache

from langso.edits import Edit, apply_edits
from langso.search.index import clean_text

__all__ = [
    "form_edit",
    "inject_form",
    "page_description",
    "search_form_html",
    "search_page_markdown",
]


@lru_cache(maxsize=256)  # pages at one depth share it
def search_form_html(action: str, root: str, index: str, label: str, placeholder: str) -> str:
    """The search box every page carries: a plain form leading to the search page.

    ``action``, ``root`` (the site root) and ``index`` (the index file) are URLs relative to the
    page. Without JavaScript the form submits ``?q=`` to the search page, which says that search
    needs JavaScript; the script turns it into search as you type.
    """
    action, root, index, label, placeholder = (
        html.escape(v, quote=True) for v in (action, root, index, label, placeholder)
    )
    return (
        f'<form class="langso-search" role="search" action="{action}" method="get"'
        f' data-root="{root}" data-index="{index}">'
        f'<label class="langso-search__label" for="langso-search-input">{label}</label>'
        '<input class="langso-search__input" id="langso-search-input" type="search" name="q"'
        f' placeholder="{placeholder}" autocomplete="off" spellcheck="false"'
        ' aria-controls="langso-search-results">'
        '<div class="langso-search__panel" id="langso-search-results" hidden>'
        '<p class="langso-search__count" role="status" aria-live="polite"></p>'
        '<ol class="langso-search__list"></ol></div>'
        "</form>"
    )


_HEADER = re.compile(r'<header\b[^>]*class="[^"]*\bmd-header\b')
_SOURCE = '<div class="md-header__source">'
_BODY = re.compile(r"<body\b[^>]*>")


def form_edit(page_html: str, form: str) -> Edit:
    """Put the search box in Material's header (before the repository link), else in ``<body>``,
    else first."""
    header = _HEADER.search(page_html)
    if header:
        end = page_html.find("</nav>", header.end())
        source = page_html.find(_SOURCE, header.end(), end if end != -1 else None)
        at = source if source != -1 else end
        if at != -1:
            return Edit(at, at, form)
    body = _BODY.search(page_html)
    at = body.end() if body else 0
    return Edit(at, at, form, after=True)


def inject_form(page_html: str, form: str) -> str:
    """:func:`form_edit` made."""
    return apply_edits(page_html, [form_edit(page_html, form)])


_DESCRIPTION = re.compile(r'<meta\s+name="description"\s+content="([^"]*)"')


def page_description(page_html: str) -> str:
    """The plain text of the page's ``<meta name="description">``, or ``""``.

    >>> page_description('<head><meta name="description" content="Chợ &amp; quán"></head>')
    'Chợ & quán'
    """
    head_end = page_html.find("</head>")
    found = _DESCRIPTION.search(page_html, 0, head_end if head_end != -1 else len(page_html))
    return clean_text(html.unescape(found.group(1))) if found else ""


def search_page_markdown(title: str, home_link: str) -> str:
    """The generated search page: its own big search box (a plain GET form to itself: ``q``,
    which ``search.js`` reads, fills in and answers), honest about needing JavaScript, useful
    without it.

    ``home_link`` is the Markdown link target of the home page, relative to the search page.
    """
    return (
        "---\n"
        f"title: {json.dumps(title, ensure_ascii=False)}\n"
        "search:\n"
        "  exclude: true\n"
        "---\n\n"
        f"# {title}\n\n"
        '<div class="langso-search-page" id="langso-search-page">\n'
        '<form class="langso-search-page__form" role="search" action="./" method="get">'
        '<label class="langso-search-page__label" for="langso-search-page-q">'
        "Tìm trong sổ tay</label>"
        '<input class="langso-search-page__input" id="langso-search-page-q" type="search"'
        ' name="q" placeholder="đình làng, y tế…" autocomplete="off">'
        '<button class="md-button md-button--primary langso-search-page__go" type="submit">'
        "Tìm</button></form>\n"
        "<noscript><p>Tìm kiếm chạy ngay trong trình duyệt nên cần bật JavaScript."
        " Trình duyệt này đang tắt JavaScript: mời bà con xem mục lục ở đầu trang hoặc"
        " ở trang chủ.</p>"
        "<p><em>Search runs in the browser and needs JavaScript, which is turned off here."
        " Please use the menu or the home page.</em></p></noscript>\n"
        '<p class="langso-search-page__hint">Có dấu hay không dấu đều được'
        " (<em>dinh lang</em> tìm được <em>Đình làng</em>).</p>\n"
        "</div>\n\n"
        f"[Về trang chủ]({home_link})\n"
    )
