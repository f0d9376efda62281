"""The reader's per-page plan does each piece of reading once, with the results the plainer
ways gave (issue 18: less work per page, byte-identical pages)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.structure.pages import Page

from langso import pageassets
from langso.reader import markup
from langso.reader.critical import _inline_scripts, markup_names
from langso.reader.markup import OpenGraph
from langso.reader.opengraph import Previews
from langso.reader.pagecss import PageCss
from tests.conftest import SiteFactory, build_site
from tests.reader.sites import reader_site

# What markup_names read inline scripts with before: one lazy pattern.
_ONE_PATTERN = re.compile(
    r"<script\b(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE
)
_PIECES = st.sampled_from(
    [
        "<script>",
        "<SCRIPT type=module>",
        "<script src=a.js>",
        "<script data-x src='b'>",
        "</script>",
        "</SCRIPT >",
        "</ScRiPt>",
        "<scripts>",
        "<script",
        ">",
        "<",
        "</scr",
        "ipt>",
        "a",
        " ",
        "\n",
        "src=",
        "</head>",
        '<link rel="stylesheet" href="a.css">',
        "<link rel='stylesheet' href=\"b.css\"",
        "<noscript>",
        "</noscript>",
    ]
)
_PAGES = st.lists(_PIECES, max_size=16).map("".join)


@given(_PAGES)
def test_inline_scripts_are_those_the_one_pattern_found(page: str) -> None:
    assert _inline_scripts(page) == _ONE_PATTERN.findall(page)


def _stylesheet_links_of_the_whole_page(page: str) -> list[tuple[int, int]]:
    head_end = re.search(r"</head\s*>", page, re.IGNORECASE)
    end = head_end.start() if head_end else 0
    return [
        (r.start, r.end)
        for r in pageassets.references.__wrapped__(page)
        if r.end <= end and r.stylesheet and r.local and not r.hidden
    ]


@given(_PAGES)
def test_stylesheet_links_read_in_the_head_are_those_of_the_whole_page(page: str) -> None:
    assert markup.stylesheet_links(page) == _stylesheet_links_of_the_whole_page(page)


def test_stylesheet_links_read_the_head_only(monkeypatch: pytest.MonkeyPatch) -> None:
    head = '<html><head><link rel="stylesheet" href="a.css"><title>x</title>'
    page = head + "</head><body>" + "<p>chữ</p>" * 1000 + "</body></html>"
    read: list[int] = []

    def references(text: str) -> tuple[pageassets.Reference, ...]:
        read.append(len(text))
        return pageassets.references.__wrapped__(text)

    monkeypatch.setattr(markup, "references", references)
    assert markup.stylesheet_links(page) == [(12, 48)]  # the <link> tag
    assert read == [len(head)]


def _page(body: str) -> str:
    return (
        '<html><head><link rel="stylesheet" href="a.css"><script>var x="md-late"</script>'
        f'</head><body>{body}<script src="b.js"></script></body></html>'
    )


def test_pages_with_the_same_files_share_what_the_sheets_know(tmp_path: Path) -> None:
    (tmp_path / "a.css").write_text(
        ".md-nav{color:red}.md-tabs{color:blue}.md-late{margin:0}.md-js{padding:0}"
        "#top{border:0}p{margin:0}",
        encoding="utf-8",
    )
    (tmp_path / "b.js").write_text('el.classList.add("md-js")', encoding="utf-8")
    css = PageCss()
    css.new_build()
    first = css.find(_page('<nav class="md-nav" id="top"><p>x</p></nav>'), [], str(tmp_path))
    second = css.find(_page('<div class="md-tabs">y</div>'), [], str(tmp_path))
    assert first is not None and second is not None
    assert first[1] == (
        ".md-nav{color:red}.md-late{margin:0}.md-js{padding:0}#top{border:0}p{margin:0}"
    )
    assert second[1] == ".md-tabs{color:blue}.md-late{margin:0}.md-js{padding:0}"
    assert len(css.known) == 1  # made for the first page, used by the second
    css.new_build()
    assert css.known == {}


def test_markup_names_are_those_of_the_markup_and_its_scripts() -> None:
    page = '<p class="a b" id="c">x</p><SCRIPT>d.e</SCRIPT><script src="f.js">g</script>'
    assert markup_names(page) == {"html", "head", "body", "p", "a", "b", "c", "d", "e", "script"}


def test_a_page_s_open_graph_values_are_found_once_a_build(
    make_site: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: Counter[str] = Counter()
    open_graph = Previews.open_graph

    def counted(self: Previews, page: Page) -> OpenGraph:
        calls[page.file.src_uri] += 1
        return open_graph(self, page)

    monkeypatch.setattr(Previews, "open_graph", counted)
    build_site(reader_site(make_site))
    assert calls == {"index.md": 1, "dia-diem/dinh-lang-phu-my.md": 1}
