"""The core: descriptions, images, Open Graph tags, the deferred theme script."""

from __future__ import annotations

import pytest

from langso.reader.markup import (
    OpenGraph,
    defer_theme_script,
    describe,
    first_image,
    og_image_url,
    og_tags,
    summarise,
)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("<h1>T</h1><p>Chào  bà\ncon.</p><p>Sau</p>", "Chào bà con."),
        ('<div class="admonition"><p>Ghi chú</p></div><p>Thật</p>', "Thật"),
        ("<p> </p><p>Hai</p>", "Hai"),
        ("<p>Có <a href='x'>liên kết</a> &amp; chữ</p>", "Có liên kết & chữ"),
        ("<h1>Chỉ tiêu đề</h1>", ""),
        ("<p>" + "chữ " * 60 + "</p>", ("chữ " * 39).strip() + "…"),
    ],
)
def test_describe(content: str, expected: str) -> None:
    assert describe(content) == expected
    assert len(describe(content)) <= 160
    assert summarise(content) == (expected, first_image(content))


def test_first_image_and_its_absolute_url() -> None:
    content = '<p>a</p><p><img alt="x" src="../anh/a.jpg"><img src="b.png"></p>'
    assert first_image(content) == "../anh/a.jpg"
    assert summarise(content) == ("a", "../anh/a.jpg")
    page = "https://x.vn/lang/dia-diem/dinh/"
    assert og_image_url(page, "../anh/a.jpg", None, "https://x.vn/lang/") == (
        "https://x.vn/lang/dia-diem/anh/a.jpg"
    )
    assert og_image_url(page, None, "assets/a.jpg", "https://x.vn/lang/") == (
        "https://x.vn/lang/assets/a.jpg"
    )
    assert og_image_url(page, None, None, "https://x.vn/lang/") == ""


def test_og_tags_escape_and_leave_out_empty_values() -> None:
    tags = og_tags(
        OpenGraph(title='Chợ "Út"', description="", url=None, image=None, site_name="Làng <A>")
    )
    assert tags == (
        '<meta property="og:type" content="article">\n'
        '<meta property="og:locale" content="vi_VN">\n'
        '<meta property="og:site_name" content="Làng &lt;A&gt;">\n'
        '<meta property="og:title" content="Chợ &quot;Út&quot;">\n'
    )


def test_defer_theme_script() -> None:
    page = '<body><p>x</p><script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
    deferred = defer_theme_script(page)
    assert "<script src=" not in deferred
    assert 'var src="../assets/javascripts/bundle.a5f9d56c.min.js"' in deferred
    assert defer_theme_script("<body></body>") == "<body></body>"
