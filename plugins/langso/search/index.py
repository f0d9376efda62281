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

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import TextIO

from langso.text import fold, nfc

__all__ = [
    "INDEX_URI",
    "SEARCH_PAGE_URI",
    "IndexPage",
    "Section",
    "build_index",
    "clean_text",
    "dumps_index",
    "extract_sections",
    "join_prose",
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


def clean_text(text: str) -> str:
    """``text`` in NFC on one line: runs of white space as one space, trimmed."""
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
        text = clean_text("".join(self._buffer))
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
                self.first_h1 = clean_text("".join(self._title))
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
                self._mark_notice(fold(clean_text("".join(self._admonition_title))))
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
        heading = clean_text("".join(item.heading))
        extra = list(item.extra)
        if index == 0 and h1 and h1 != clean_text(title):
            extra.insert(0, h1)
        section = Section(item.anchor, heading, tuple(item.prose), clean_text(" ".join(extra)))
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
        seen.update({clean_text(block) for s in page.sections for block in s.prose})
        described[clean_text(page.description)] += 1
    repeated = {text for text, count in seen.items() if count >= REPEATED_PAGES}

    def section(s: Section) -> list[str]:
        prose = [b for b in (clean_text(block) for block in s.prose) if b]
        kept = join_prose(b for b in prose if b not in repeated)
        extra = " ".join([*(b for b in prose if b in repeated), clean_text(s.extra)]).strip()
        return [s.anchor, clean_text(s.heading), kept, *([extra] if extra else [])]

    for page in pages:
        entry: dict[str, object] = {"t": clean_text(page.title), "u": page.url}
        description = clean_text(page.description)
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
