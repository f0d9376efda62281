"""The search index: rendered pages in, one compact JSON document out (no MkDocs import).

The index holds each page's title, URL (relative to the site root) and its sections — anchor,
heading and plain text — in NFC, once. It holds no folded copy: the browser folds the index when
it loads it, with the rule of :func:`langso.text.fold` (``assets/search.js``, ``fold``; a test runs
both on the same inputs). Keeping one copy keeps the file smaller than Material's own index.

Shape (``v`` is the format version)::

    {"v": 1, "pages": [{"t": "Đình làng Phú Mỹ", "u": "dia-diem/dinh-lang-phu-my/",
                        "s": [["", "", "Đình làng Phú Mỹ mở cửa…"],
                              ["duong-di", "Đường đi", "…"]]}]}

The first section of a page (anchor ``""``) is the text before its first sub-heading.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser

from langso.edits import Edit, apply_edits
from langso.text import nfc

__all__ = [
    "INDEX_URI",
    "SEARCH_PAGE_URI",
    "IndexPage",
    "Section",
    "build_index",
    "dumps_index",
    "extract_sections",
    "form_edit",
    "inject_form",
    "search_form_html",
    "search_page_markdown",
]

INDEX_URI = "assets/langso/search-index.json"
"""Where the index is written, relative to the site root."""

SEARCH_PAGE_URI = "tim-kiem.md"
"""The search page (generated unless the author wrote one): results in full, and the page a plain
form leads to without JavaScript."""

INDEX_VERSION = 1

_SPACES = re.compile(r"\s+")
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Elements whose boundaries separate words: "<li>a</li><li>b</li>" is "a b", not "ab".
_BLOCKS = _HEADINGS | {
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hr",
    "img",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
}
_SKIPPED = {"script", "style", "svg", "template", "noscript"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr", "col", "area", "base"}


def _clean(text: str) -> str:
    text = nfc(text)
    # Text cleaned before (a section of the memo) has only single spaces, and every other
    # space character is unprintable: the index is built without a regex pass over it.
    if text.isprintable() and "  " not in text:
        return text.strip()
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True)
class Section:
    """One section of a page: the anchor of its heading (``""`` for the top), heading and text."""

    anchor: str
    heading: str
    text: str


@dataclass(frozen=True)
class IndexPage:
    """A page as the index holds it. ``url`` is relative to the site root (``dia-diem/x/``)."""

    title: str
    url: str
    sections: tuple[Section, ...]


@dataclass
class _Open:
    anchor: str
    heading: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


class _SectionParser(HTMLParser):
    """Splits rendered page HTML at headings that carry an ``id``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[_Open] = [_Open("")]
        self._skip = 0  # depth inside skipped elements (scripts, permalinks …)
        self._heading: str | None = None  # tag of the heading being read
        self._seen_heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip:
            if tag not in _VOID:
                self._skip += 1
            return
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if tag in _SKIPPED or (tag == "a" and "headerlink" in classes):
            self._skip = 1
            return
        if tag in _HEADINGS:
            anchor = values.get("id") or ""
            # A first <h1> is the page title: its section is the top of the page.
            top = tag == "h1" and not self._seen_heading
            self._seen_heading = True
            if anchor and not top:
                self.sections.append(_Open(anchor))
                self._heading = tag
                return
        if tag in _BLOCKS:
            self._target().append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._skip and tag in _BLOCKS:
            self._target().append(" ")

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            self._skip -= 1
            return
        if tag == self._heading:
            self._heading = None
            return
        if tag in _BLOCKS:
            self._target().append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._target().append(data)

    def _target(self) -> list[str]:
        current = self.sections[-1]
        return current.heading if self._heading else current.text


def extract_sections(page_html: str, title: str = "") -> tuple[Section, ...]:
    """Split rendered page HTML into sections of plain NFC text.

    The top section (text before the first sub-heading) has anchor ``""``; a leading ``<h1>``
    equal to ``title`` is dropped from it, since the index holds the title already. Headings
    without an ``id`` stay in the text of their section. Permalink symbols (``¶``), scripts and
    styles are left out.

    >>> extract_sections('<h1 id="a">Đình</h1><p>Mở cửa</p><h2 id="b">Đường đi</h2><p>Xa</p>')
    (Section(anchor='', heading='', text='Đình Mở cửa'), Section(anchor='b', heading='Đường đi', text='Xa'))
    """  # noqa: E501
    parser = _SectionParser()
    parser.feed(page_html)
    parser.close()
    sections = []
    for index, item in enumerate(parser.sections):
        heading = _clean("".join(item.heading))
        text = _clean("".join(item.text))
        if index == 0 and title and text.startswith(_clean(title)):
            rest = text[len(_clean(title)) :]
            if not rest or rest.startswith(" "):
                text = rest.strip()
        if index == 0 and not text:
            continue
        sections.append(Section(item.anchor, heading, text))
    return tuple(sections)


def build_index(pages: Iterable[IndexPage]) -> dict[str, object]:
    """Return the index document for ``pages``, in the order given (ties rank in that order)."""
    return {
        "v": INDEX_VERSION,
        "pages": [
            {
                "t": _clean(page.title),
                "u": page.url,
                "s": [[s.anchor, _clean(s.heading), _clean(s.text)] for s in page.sections],
            }
            for page in pages
        ],
    }


def dumps_index(index: dict[str, object]) -> str:
    """Serialise the index compactly: UTF-8 text as is, no spaces. Deterministic."""
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


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


def search_page_markdown(title: str, home_link: str) -> str:
    """The generated search page: honest about needing JavaScript, useful without it.

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
        "<noscript><p>Tìm kiếm chạy ngay trong trình duyệt nên cần bật JavaScript."
        " Trình duyệt này đang tắt JavaScript: mời bà con xem mục lục ở đầu trang hoặc"
        " ở trang chủ.</p>"
        "<p><em>Search runs in the browser and needs JavaScript, which is turned off here."
        " Please use the menu or the home page.</em></p></noscript>\n"
        '<p class="langso-search-page__hint">Gõ vào ô tìm kiếm ở đầu trang — có dấu hay'
        " không dấu đều được (<em>dinh lang</em> tìm được <em>Đình làng</em>).</p>\n"
        "</div>\n\n"
        f"[Về trang chủ]({home_link})\n"
    )
