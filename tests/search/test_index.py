"""The index builder (core, no MkDocs): sections, the index document, the search box and page."""

from __future__ import annotations

import json

import pytest

from langso.search.index import (
    INDEX_URI,
    IndexPage,
    Section,
    build_index,
    dumps_index,
    extract_sections,
    inject_form,
    search_form_html,
    search_page_markdown,
)

# What Python-Markdown and the toc extension (with permalinks) render for a page.
RENDERED = (
    '<h1 id="dinh-lang-phu-my">Đình làng Phú Mỹ<a class="headerlink" href="#dinh-lang-phu-my"'
    ' title="Liên kết tới mục này">¶</a></h1>\n'
    "<p>Đình làng Phú Mỹ mở cửa từ 6 giờ sáng. Gần chợ Ấp Bắc có quán ốc Út.</p>\n"
    '<h2 id="duong-di">Đường đi<a class="headerlink" href="#duong-di">¶</a></h2>\n'
    "<ul>\n<li>Từ ngã ba</li><li>đi thẳng <strong>200&nbsp;mét</strong></li>\n</ul>\n"
    "<script>var x = 'không lấy';</script>\n"
    "<h3>Không có id</h3><p>vẫn thuộc mục trên</p>\n"
    '<h2 id="an-uong">Ăn uống &amp; nghỉ</h2>\n'
    "<table><tr><td>Quán ốc Út</td><td>chiều</td></tr></table>\n"
)


def test_sections_of_a_rendered_page() -> None:
    assert extract_sections(RENDERED, "Đình làng Phú Mỹ") == (
        Section("", "", "Đình làng Phú Mỹ mở cửa từ 6 giờ sáng. Gần chợ Ấp Bắc có quán ốc Út."),
        Section(
            "duong-di", "Đường đi", "Từ ngã ba đi thẳng 200 mét Không có id vẫn thuộc mục trên"
        ),
        Section("an-uong", "Ăn uống & nghỉ", "Quán ốc Út chiều"),
    )


def test_top_heading_other_than_the_title_stays_in_the_text() -> None:
    html = '<h1 id="x">Sổ tay của làng</h1><p>Chào bà con.</p>'
    assert extract_sections(html, "Trang chủ") == (Section("", "", "Sổ tay của làng Chào bà con."),)


def test_the_title_is_dropped_only_as_a_whole_word_prefix() -> None:
    assert extract_sections("<p>Đình làng</p>", "Đình") == (Section("", "", "làng"),)
    assert extract_sections("<p>Đìnhlàng</p>", "Đình") == (Section("", "", "Đìnhlàng"),)


def test_a_page_with_only_headings_has_no_empty_top_section() -> None:
    html = '<h1 id="a">A</h1><h2 id="b">B</h2>'
    assert extract_sections(html, "A") == (Section("b", "B", ""),)


def test_text_is_nfc_whatever_the_source() -> None:
    nfd = "chu\u0300a Thie\u0302n Mu\u0323"  # "chùa Thiên Mụ" typed decomposed (C-03)
    (section,) = extract_sections(f"<p>{nfd}</p>")
    assert section.text == "chùa Thiên Mụ"
    assert len(section.text) == 13


def test_index_document_is_compact_and_ordered() -> None:
    pages = [
        IndexPage("Trang chủ", "", (Section("", "", "Chào  bà con."),)),
        IndexPage("Đình", "dinh/", (Section("", "", "Nơi thờ."), Section("x", "Đường", ""))),
    ]
    index = build_index(pages)
    assert index == {
        "v": 1,
        "pages": [
            {"t": "Trang chủ", "u": "", "s": [["", "", "Chào bà con."]]},
            {"t": "Đình", "u": "dinh/", "s": [["", "", "Nơi thờ."], ["x", "Đường", ""]]},
        ],
    }
    text = dumps_index(index)
    assert text == (
        '{"v":1,"pages":[{"t":"Trang chủ","u":"","s":[["","","Chào bà con."]]},'
        '{"t":"Đình","u":"dinh/","s":[["","","Nơi thờ."],["x","Đường",""]]}]}'
    )
    assert json.loads(text) == index
    assert dumps_index(build_index(pages)) == text  # deterministic


def test_search_form_is_a_labelled_plain_form() -> None:
    form = search_form_html("../tim-kiem/", "../", "../" + INDEX_URI, "Tìm kiếm", "Tìm “đình”")
    assert form == (
        '<form class="langso-search" role="search" action="../tim-kiem/" method="get"'
        ' data-root="../" data-index="../assets/langso/search-index.json">'
        '<label class="langso-search__label" for="langso-search-input">Tìm kiếm</label>'
        '<input class="langso-search__input" id="langso-search-input" type="search" name="q"'
        ' placeholder="Tìm “đình”" autocomplete="off" spellcheck="false"'
        ' aria-controls="langso-search-results">'
        '<div class="langso-search__panel" id="langso-search-results" hidden>'
        '<p class="langso-search__count" role="status" aria-live="polite"></p>'
        '<ol class="langso-search__list"></ol></div></form>'
    )
    assert 'action="a&quot;b"' in search_form_html('a"b', "", "", "", "")


def test_form_goes_in_the_header_before_the_repository_link() -> None:
    page = (
        '<body><header class="md-header" data-md-component="header"><nav class="md-header__inner">'
        '<div class="md-header__title">T</div><div class="md-header__source">repo</div></nav>'
        "</header><nav>other</nav></body>"
    )
    assert inject_form(page, "<form/>") == page.replace(
        '<div class="md-header__source">', '<form/><div class="md-header__source">'
    )
    without_repo = page.replace('<div class="md-header__source">repo</div>', "")
    assert inject_form(without_repo, "<form/>") == without_repo.replace(
        "</nav></header>", "<form/></nav></header>"
    )
    other_theme = '<body class="x"><main>m</main></body>'
    assert inject_form(other_theme, "<form/>") == '<body class="x"><form/><main>m</main></body>'


def test_search_page_says_javascript_is_needed() -> None:
    text = search_page_markdown("Tìm kiếm", "index.md")
    assert text.startswith('---\ntitle: "Tìm kiếm"\nsearch:\n  exclude: true\n---\n\n# Tìm kiếm\n')
    assert "<noscript><p>Tìm kiếm chạy ngay trong trình duyệt nên cần bật JavaScript." in text
    assert text.endswith("[Về trang chủ](index.md)\n")


@pytest.mark.parametrize(
    "text", ["Chợ\u00a0quê", "Chợ\tquê", "Chợ\u2003quê", "Chợ\u3000 quê", " Chợ quê\n", "Chợ  quê"]
)
def test_the_index_holds_every_run_of_spaces_as_one(text: str) -> None:
    index = build_index([IndexPage("T", "", (Section("", "", text),))])
    assert index["pages"] == [{"t": "T", "u": "", "s": [["", "", "Chợ quê"]]}]
