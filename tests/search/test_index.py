"""The index builder (core, no MkDocs): sections, the index document, the search box and page."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from langso.search.form import (
    inject_form,
    page_description,
    search_form_html,
    search_page_markdown,
)
from langso.search.index import (
    INDEX_URI,
    IndexPage,
    Section,
    build_index,
    dumps_index,
    extract_sections,
    write_index,
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
        Section("", "", ("Đình làng Phú Mỹ mở cửa từ 6 giờ sáng. Gần chợ Ấp Bắc có quán ốc Út.",)),
        Section(
            "duong-di",
            "Đường đi",
            ("Từ ngã ba", "đi thẳng 200 mét", "vẫn thuộc mục trên"),
            "Không có id",
        ),
        Section("an-uong", "Ăn uống & nghỉ", (), "Quán ốc Út chiều"),
    )


def test_top_heading_other_than_the_title_is_searched_not_shown() -> None:
    html = '<h1 id="x">Sổ tay của làng</h1><p>Chào bà con.</p>'
    assert extract_sections(html, "Trang chủ") == (
        Section("", "", ("Chào bà con.",), "Sổ tay của làng"),
    )
    assert extract_sections(html, "Sổ tay của làng") == (Section("", "", ("Chào bà con.",)),)


def test_a_page_with_only_headings_has_no_empty_top_section() -> None:
    html = '<h1 id="a">A</h1><h2 id="b">B</h2>'
    assert extract_sections(html, "A") == (Section("b", "B"),)


def test_text_is_nfc_whatever_the_source() -> None:
    nfd = "chu\u0300a Thie\u0302n Mu\u0323"  # "chùa Thiên Mụ" typed decomposed (C-03)
    (section,) = extract_sections(f"<p>{nfd}</p>")
    assert section.text == "chùa Thiên Mụ"
    assert len(section.text) == 13


# A service page as the directory renders it: the sample-data notice, a table, a note.
SERVICE = (
    '<h1 id="cho">Chợ Là Thôn</h1>\n'
    '<div class="admonition warning">\n<p class="admonition-title">Dữ liệu mẫu</p>\n'
    "<p>Đây là <strong>dữ liệu mẫu</strong> để minh họa.</p>\n</div>\n"
    "<p>Chợ quê bán rau, cá.</p>\n"
    "<table>\n<thead><tr><th>Thông tin</th><th>Chi tiết</th></tr></thead>\n"
    "<tbody><tr><td>Loại</td><td>Chợ</td></tr></tbody></table>\n"
    '<div class="admonition tip"><p class="admonition-title">Mẹo</p><p>Đi sớm.</p></div>\n'
    '<details class="warning"><summary>Dữ liệu mẫu</summary><p>Số giả.</p></details>\n'
    '<details class="note"><summary>Thêm</summary><p>Có chỗ gửi xe.</p></details>\n'
    '<p><a href="../">← Danh bạ</a> · 3 nơi</p>\n'
    '<ul><li><a href="x/">Đình làng</a></li><li><a href="y/">Chùa</a>: xem thêm</li></ul>\n'
    '<pre><code>mã 123</code></pre><p class="langso-nosnippet">Ghi chú nhỏ.</p>'
)


def test_snippets_come_from_prose_not_tables_titles_or_the_sample_notice() -> None:
    (top,) = extract_sections(SERVICE, "Chợ Là Thôn")
    assert top.prose == ("Chợ quê bán rau, cá.", "Đi sớm.", "Có chỗ gửi xe.", "Chùa: xem thêm")
    assert top.extra == (
        "Dữ liệu mẫu Đây là dữ liệu mẫu để minh họa. Thông tin Chi tiết Loại Chợ Mẹo"
        " Dữ liệu mẫu Số giả. Thêm ← Danh bạ · 3 nơi Đình làng mã 123 Ghi chú nhỏ."
    )


def test_a_paragraph_repeated_on_many_pages_is_searched_not_shown() -> None:
    notice = "Danh bạ này là dữ liệu mẫu."
    pages = [
        IndexPage(f"Trang {n}", f"{n}/", (Section("", "", (notice, f"Nội dung {n}.")),))
        for n in range(1, 4)
    ]
    pages.append(IndexPage("Riêng", "rieng/", (Section("", "", (f"{notice} Khác.",)),)))
    index: dict[str, Any] = build_index(pages)
    assert index["pages"][0] == {"t": "Trang 1", "u": "1/", "s": [["", "", "Nội dung 1.", notice]]}
    assert index["pages"][3]["s"] == [["", "", "Danh bạ này là dữ liệu mẫu. Khác."]]
    # On two pages only, it is still the pages' own text.
    two: dict[str, Any] = build_index(pages[:2])
    assert two["pages"][0]["s"] == [["", "", f"{notice} Nội dung 1."]]


def test_a_pages_own_description_is_kept_a_shared_one_is_not() -> None:
    def page(n: int, description: str) -> IndexPage:
        return IndexPage(f"T{n}", f"{n}/", (Section("", "", ("Chữ.",)),), description)

    pages = [page(1, "Riêng một trang."), *(page(n, "Chung.") for n in (2, 3, 4)), page(5, "")]
    index: dict[str, Any] = build_index(pages)
    assert [p.get("d") for p in index["pages"]] == ["Riêng một trang.", None, None, None, None]


def test_description_meta_of_a_page() -> None:
    head = '<head><meta name="description" content="Chợ &amp; quán &quot;Út&quot;"></head>'
    assert page_description(head + "<body></body>") == 'Chợ & quán "Út"'
    body = '<head></head><body><meta name="description" content="không phải"></body>'
    assert page_description(body) == ""


def test_index_document_is_compact_and_ordered() -> None:
    pages = [
        IndexPage("Trang chủ", "", (Section("", "", ("Chào  bà con.",)),)),
        IndexPage(
            "Đình",
            "dinh/",
            (Section("", "", ("Nơi thờ.",)), Section("x", "Đường", (), "Bảng")),
            "Đình của làng.",
        ),
    ]
    index = build_index(pages)
    assert index == {
        "v": 2,
        "pages": [
            {"t": "Trang chủ", "u": "", "s": [["", "", "Chào bà con."]]},
            {
                "t": "Đình",
                "u": "dinh/",
                "d": "Đình của làng.",
                "s": [["", "", "Nơi thờ."], ["x", "Đường", "", "Bảng"]],
            },
        ],
    }
    text = dumps_index(index)
    assert text == (
        '{"v":2,"pages":[{"t":"Trang chủ","u":"","s":[["","","Chào bà con."]]},'
        '{"t":"Đình","u":"dinh/","d":"Đình của làng.",'
        '"s":[["","","Nơi thờ."],["x","Đường","","Bảng"]]}]}'
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
    index = build_index([IndexPage("T", "", (Section("", "", (text,)),))])
    assert index["pages"] == [{"t": "T", "u": "", "s": [["", "", "Chợ quê"]]}]


def test_prose_blocks_are_kept_apart_in_what_a_snippet_shows() -> None:
    """List items and paragraphs are separate blocks: "VNeID · Chỗ", never "VNeID Chỗ"."""
    html = (
        "<p>Bà con chuẩn bị</p><ul><li>Điện thoại đã cài VNeID</li>"
        "<li>Chỗ đủ sáng để chụp ảnh</li><li>Thẻ căn cước.</li></ul><p>Rồi làm theo</p>"
    )
    (section,) = extract_sections(html)
    expected = (
        "Bà con chuẩn bị · Điện thoại đã cài VNeID · Chỗ đủ sáng để chụp ảnh · Thẻ căn cước."
        " Rồi làm theo"
    )
    assert section.text == expected
    page = IndexPage("Trang", "trang/", (section,))
    assert build_index([page])["pages"] == [
        {"t": "Trang", "u": "trang/", "s": [["", "", expected]]}
    ]


def test_labelled_ui_blocks_are_searched_never_shown() -> None:
    """A service page's detail rows, a guide's "Cần chuẩn bị" box and "Cần giúp?" box read as a
    form: searchable, in the rest of the text, but never a snippet (like a table)."""
    from langso.guides import need_box_html

    html = (
        '<h1 id="t">Trạm Y tế</h1>'
        + need_box_html(["Điện thoại", "Biết mình đang ở đâu"])
        + "<p>Bấm vào số để gọi ngay.</p>"
        '<p class="langso-description">Khám chữa bệnh ban đầu.</p>'
        '<h2 id="thong-tin">Thông tin</h2>'
        '<p class="langso-fact"><span class="langso-fact__label">Loại</span> 🏥 '
        '<a href="../y-te/">Y tế</a></p>'
        '<p class="langso-fact"><span class="langso-fact__label">Địa chỉ</span>'
        " gần nhà văn hóa</p>"
        '<div class="langso-help" id="langso-can-giup">'
        '<h2 class="langso-help__title">Cần giúp?</h2>'
        '<p class="langso-help__sample">Dữ liệu mẫu: số này là số giả.</p></div>'
    )
    assert extract_sections(html, "Trạm Y tế") == (
        Section(
            "",
            "",
            ("Bấm vào số để gọi ngay.", "Khám chữa bệnh ban đầu."),
            "Cần chuẩn bị Điện thoại Biết mình đang ở đâu",
        ),
        Section(
            "thong-tin",
            "Thông tin",
            (),
            "Loại 🏥 Y tế Địa chỉ gần nhà văn hóa Cần giúp? Dữ liệu mẫu: số này là số giả.",
        ),
    )


@pytest.mark.parametrize("count", [0, 1, 5])
def test_the_index_written_page_by_page_is_the_document(count: int) -> None:
    """:func:`write_index` (one page at a time, never the whole index in memory) writes exactly
    :func:`dumps_index` of :func:`build_index`: repeated notices moved aside, shared
    descriptions dropped, Vietnamese as is."""
    notice = "Danh bạ này là dữ liệu mẫu."
    pages = [
        IndexPage(
            f'Trang {n} "Út"',
            f"{n}/",
            (Section("", "", (notice, f"Nội dung {n}.")), Section("a", "Đường", (), "Bảng")),
            "Chung." if n % 2 else f"Riêng {n}.",
        )
        for n in range(count)
    ]
    out = io.StringIO()
    write_index(pages, out)
    assert out.getvalue() == dumps_index(build_index(pages))
