"""The search index: rendered pages in, one compact JSON document out (no MkDocs import).

The index holds each page's title, URL (relative to the site root), its own description if it
has one, and its sections — anchor, heading, prose and the rest of the text — in NFC, once. It
holds no folded copy: the browser folds the index when it loads it, with the rule of
:func:`langso.text.fold` (``assets/search.js``, ``fold``; a test runs both on the same inputs).
Keeping one copy keeps the file smaller than Material's own index.

Shape (``v`` is the format version; ``d`` and a section's fourth item only when not empty)::

    {"v": 2, "pages": [{"t": "Đình làng Phú Mỹ", "u": "dia-diem/dinh-lang-phu-my/",
                        "d": "Đình của làng, mở cửa từ 6 giờ.",
                        "s": [["", "", "Đình làng Phú Mỹ mở cửa…"],
                              ["gio-mo-cua", "Giờ mở cửa", "", "Ngày Giờ T2-T6 7:00…"]]}]}

The first section of a page (anchor ``""``) is the text before its first sub-heading. Prose
(paragraphs and list items) is what a result's snippet shows; the rest (tables, headings
without id, admonition titles, lists of links, notices repeated on many pages) is searched but
never shown (:func:`extract_sections`, :func:`build_index`).
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from typing import TextIO

from langso.edits import Edit, apply_edits
from langso.text import fold, nfc

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
    "join_prose",
    "page_description",
    "search_form_html",
    "search_page_markdown",
    "write_index",
]

INDEX_URI = "assets/langso/search-index.json"
"""Where the index is written, relative to the site root."""

SEARCH_PAGE_URI = "tim-kiem.md"
"""The search page (generated unless the author wrote one): results in full, and the page a plain
form leads to without JavaScript."""

INDEX_VERSION = 2

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
# Text a snippet may show: what the author wrote as sentences. Everything else a page says
# (tables, headings without id, admonition titles, code, forms, lists of links) stays
# searchable, in ``extra``, but is never shown as a snippet.
_PROSE = {"p", "li", "dd", "dt", "blockquote", "figcaption", "address"}
# Containers whose whole text is never a snippet.
_QUIET = {"table", "pre", "nav", "form", "summary", "header", "footer", "button", "select"}
# Labelled UI blocks: a service page's detail rows, a guide's "Cần chuẩn bị" box and its
# "Cần giúp?" box read as a form, not as sentences (like a table).
_QUIET_CLASSES = {
    "admonition-title",
    "langso-nosnippet",
    "headerlink",
    "langso-fact",
    "langso-need",
    "langso-help",
}
SAMPLE_NOTICE = "du lieu mau"
"""The folded title of the sample-data notice (an admonition or ``<details>`` of type
``warning`` titled "Dữ liệu mẫu"): its text is never a snippet."""
REPEATED_PAGES = 3
"""A paragraph found word for word on this many pages or more is a notice, not a snippet."""


_ENDS_SENTENCE = frozenset(".!?…:;")
PROSE_SEPARATOR = " · "
"""Put between two prose blocks (list items, paragraphs) when the first does not end a
sentence: "Điện thoại đã cài VNeID · Chỗ đủ sáng", never "VNeID Chỗ"."""


def join_prose(blocks: Iterable[str]) -> str:
    """Join prose blocks into the one string a snippet shows: after a block that ends with
    punctuation (``. ! ? … : ;``) a space, else :data:`PROSE_SEPARATOR`. Empty blocks are left out.

    >>> join_prose(["Điện thoại", "Biết mình đang ở đâu", "Bấm vào số. Gọi ngay.", "Xong"])
    'Điện thoại · Biết mình đang ở đâu · Bấm vào số. Gọi ngay. Xong'
    """
    out: list[str] = []
    for block in blocks:
        if not block:
            continue
        if out:
            out.append(" " if out[-1][-1] in _ENDS_SENTENCE else PROSE_SEPARATOR)
        out.append(block)
    return "".join(out)


def _clean(text: str) -> str:
    text = nfc(text)
    # Text cleaned before (a section of the memo) has only single spaces, and every other
    # space character is unprintable: the index is built without a regex pass over it.
    if text.isprintable() and "  " not in text:
        return text.strip()
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True)
class Section:
    """One section of a page: the anchor of its heading (``""`` for the top), its heading, its
    prose (paragraphs and list items, each a string: what a snippet may show) and ``extra``
    (the rest of its text, one string: searchable, never shown)."""

    anchor: str
    heading: str
    prose: tuple[str, ...] = ()
    extra: str = ""

    @property
    def text(self) -> str:
        """The prose as one string, blocks kept apart (:func:`join_prose`)."""
        return join_prose(self.prose)


@dataclass(frozen=True)
class IndexPage:
    """A page as the index holds it. ``url`` is relative to the site root (``dia-diem/x/``);
    ``description`` is the page's own description (its ``description`` meta), or ``""``."""

    title: str
    url: str
    sections: tuple[Section, ...]
    description: str = ""


@dataclass
class _Open:
    anchor: str
    heading: list[str] = field(default_factory=list)
    prose: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)


@dataclass
class _Quiet:
    """A container whose text is not prose (``tag`` open ``depth`` times), or an admonition
    that turns quiet once its title says it is the sample-data notice."""

    tag: str
    depth: int = 1
    quiet: bool = True
    warning: bool = False
    title: bool = False  # an admonition's title: its text is read


class _SectionParser(HTMLParser):
    """Splits rendered page HTML at headings that carry an ``id``, and each section's text into
    prose blocks and the rest."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[_Open] = [_Open("")]
        self._skip = 0  # depth inside skipped elements (scripts, permalinks …)
        self._heading: str | None = None  # tag of the heading being read
        self._seen_heading = False
        self._title: list[str] | None = None  # the text of the first <h1>, while it is read
        self.first_h1 = ""
        self._quiet: list[_Quiet] = []
        self._blocks: list[str] = []  # open block elements, innermost last
        self._buffer: list[str] = []  # text of the block being read
        self._linked = 0  # letters of it inside links
        self._links = 0  # depth inside <a>
        self._admonition_title: list[str] | None = None

    def _is_quiet(self) -> bool:
        return any(q.quiet for q in self._quiet)

    def _flush(self) -> None:
        """End the run of text read since the last block boundary."""
        if not self._buffer:
            return
        text = _clean("".join(self._buffer))
        linked, self._buffer, self._linked = self._linked, [], 0
        if not text:
            return
        current = self.sections[-1]
        letters = sum(1 for ch in text if not ch.isspace())
        prose = (
            bool(self._blocks)
            and self._blocks[-1] in _PROSE
            and not self._is_quiet()
            # a paragraph that is mostly links ("← Danh bạ · 3 nơi") is not prose
            and 2 * linked < letters
        )
        (current.prose if prose else current.extra).append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip:
            if tag not in _VOID:
                self._skip += 1
            return
        values = dict(attrs)
        classes = set((values.get("class") or "").split())
        if tag in _SKIPPED or (tag == "a" and "headerlink" in classes):
            self._skip = 1
            return
        if tag in _HEADINGS:
            self._flush()
            anchor = values.get("id") or ""
            # A first <h1> is the page title: its section is the top of the page.
            top = tag == "h1" and not self._seen_heading
            self._seen_heading = True
            if top:
                self._title = []
                self._heading = tag
                return
            if anchor:
                self.sections.append(_Open(anchor))
                self._heading = tag
                return
        if tag == "a":
            self._links += 1
        for q in self._quiet:
            if q.tag == tag:
                q.depth += 1
        if tag in _QUIET or classes & _QUIET_CLASSES:
            self._flush()
            title = "admonition-title" in classes or tag == "summary"
            self._quiet.append(_Quiet(tag, title=title))
            if title:
                self._admonition_title = []
        elif (tag == "div" and "admonition" in classes) or tag == "details":
            self._quiet.append(_Quiet(tag, quiet=False, warning="warning" in classes))
        if tag in _BLOCKS:
            self._flush()
            if tag not in _VOID:
                self._blocks.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._skip and tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            self._skip -= 1
            return
        if tag == self._heading:
            self._heading = None
            if self._title is not None:
                self.first_h1 = _clean("".join(self._title))
                self._title = None
            return
        if tag == "a" and self._links:
            self._links -= 1
        if tag in _BLOCKS:
            self._flush()
            if tag in self._blocks:
                while self._blocks.pop() != tag:
                    pass
        for at in range(len(self._quiet) - 1, -1, -1):
            q = self._quiet[at]
            if q.tag != tag:
                continue
            q.depth -= 1
            if q.depth:
                continue
            self._flush()
            del self._quiet[at]
            if q.title and self._admonition_title is not None:
                self._mark_notice(fold(_clean("".join(self._admonition_title))))
                self._admonition_title = None
            break

    def _mark_notice(self, title: str) -> None:
        """An admonition titled as the sample-data notice, of type warning, is all quiet."""
        for q in reversed(self._quiet):
            if q.tag in ("div", "details") and not q.quiet:
                if q.warning and title == SAMPLE_NOTICE:
                    q.quiet = True
                return

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._heading:
            target = self._title if self._title is not None else self.sections[-1].heading
            target.append(data)
            return
        if self._admonition_title is not None:
            self._admonition_title.append(data)
        self._buffer.append(data)
        if self._links:
            self._linked += sum(1 for ch in data if not ch.isspace())

    def close(self) -> None:
        super().close()
        self._flush()


def extract_sections(page_html: str, title: str = "") -> tuple[Section, ...]:
    """Split rendered page HTML into sections of plain NFC text.

    The top section (text before the first sub-heading) has anchor ``""``. A first ``<h1>`` is
    left out when it is the page's ``title`` (the index holds the title already), else it is
    ``extra`` text of the top section. Headings without an ``id`` stay in their section, as
    ``extra``. Permalink symbols (``¶``), scripts and styles are left out.

    Prose is the text of paragraphs, list items, definitions, quotations and captions, outside
    tables, code, forms, navigation, admonition titles, elements of class ``langso-nosnippet``
    and the sample-data notice (:data:`SAMPLE_NOTICE`); a paragraph or item that is only links
    is not prose either. Everything else is ``extra``.

    >>> extract_sections('<h1 id="a">Đình</h1><p>Mở</p><h2 id="b">Đi</h2><p>Xa</p>', "Đình")
    (Section(anchor='', heading='', prose=('Mở',), extra=''), Section(anchor='b', heading='Đi', prose=('Xa',), extra=''))
    """  # noqa: E501
    parser = _SectionParser()
    parser.feed(page_html)
    parser.close()
    sections = []
    h1 = parser.first_h1
    for index, item in enumerate(parser.sections):
        heading = _clean("".join(item.heading))
        extra = list(item.extra)
        if index == 0 and h1 and h1 != _clean(title):
            extra.insert(0, h1)
        section = Section(item.anchor, heading, tuple(item.prose), _clean(" ".join(extra)))
        if index == 0 and not section.prose and not section.extra:
            continue
        sections.append(section)
    return tuple(sections)


def build_index(pages: Iterable[IndexPage]) -> dict[str, object]:
    """Return the index document for ``pages``, in the order given (ties rank in that order).

    Each section is ``[anchor, heading, prose]``, with a fourth item, the rest of its text, when
    there is some. A prose block found word for word on :data:`REPEATED_PAGES` pages or more (a
    notice every page carries) moves to the rest, and so does a description shared by that
    many pages; a page's own description is ``"d"``.
    """
    return {"v": INDEX_VERSION, "pages": list(_index_entries(list(pages)))}


def _index_entries(pages: list[IndexPage]) -> Iterator[dict[str, object]]:
    """The entry of each page of :func:`build_index`, made one at a time."""
    seen: Counter[str] = Counter()
    described: Counter[str] = Counter()
    for page in pages:
        seen.update({_clean(block) for s in page.sections for block in s.prose})
        described[_clean(page.description)] += 1
    repeated = {text for text, count in seen.items() if count >= REPEATED_PAGES}

    def section(s: Section) -> list[str]:
        prose = [b for b in (_clean(block) for block in s.prose) if b]
        kept = join_prose(b for b in prose if b not in repeated)
        extra = " ".join([*(b for b in prose if b in repeated), _clean(s.extra)]).strip()
        return [s.anchor, _clean(s.heading), kept, *([extra] if extra else [])]

    for page in pages:
        entry: dict[str, object] = {"t": _clean(page.title), "u": page.url}
        description = _clean(page.description)
        if description and described[description] < REPEATED_PAGES:
            entry["d"] = description
        entry["s"] = [section(s) for s in page.sections]
        yield entry


def dumps_index(index: dict[str, object]) -> str:
    """Serialise the index compactly: UTF-8 text as is, no spaces. Deterministic."""
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def write_index(pages: Iterable[IndexPage], out: TextIO) -> None:
    """Write :func:`dumps_index` of :func:`build_index` of ``pages`` to ``out``, the same
    characters, one page at a time: the whole index (its cleaned text, then the document as one
    string, then as bytes) is never in memory at once. Written after every page, it made the
    build's peak: with the memo's one-piece write, +41 MB at N = 3,000; now +10 MB."""
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    out.write(f'{{"v":{encode(INDEX_VERSION)},"pages":[')
    for n, entry in enumerate(_index_entries(list(pages))):
        out.write("," + encode(entry) if n else encode(entry))
    out.write("]}")


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
    return _clean(html.unescape(found.group(1))) if found else ""


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
