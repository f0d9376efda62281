"""The core: Open Graph tags, the deferred theme script."""

from __future__ import annotations

import pytest

from langso.reader.markup import (
    Edit,
    OpenGraph,
    apply_edits,
    controls_edit,
    defer_theme_script,
    head_edit,
    inject_controls,
    inject_head,
    og_image_url,
    og_tags,
)


def test_og_image_urls_are_absolute() -> None:
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
        '<meta name="twitter:card" content="summary">\n'
    )


def test_og_tags_of_an_image_its_size_and_alternative_and_a_large_card() -> None:
    og = OpenGraph(
        title="Chợ",
        description="Mở từ 5 giờ.",
        url="https://x.vn/cho/",
        image="https://x.vn/anh/cho.jpg",
        site_name="Làng",
        image_size=(1200, 630),
        image_alt='Cổng "chợ" & sân',
    )
    assert og_tags(og).splitlines()[-5:] == [
        '<meta property="og:image" content="https://x.vn/anh/cho.jpg">',
        '<meta property="og:image:width" content="1200">',
        '<meta property="og:image:height" content="630">',
        '<meta property="og:image:alt" content="Cổng &quot;chợ&quot; &amp; sân">',
        '<meta name="twitter:card" content="summary_large_image">',
    ]


def test_defer_theme_script() -> None:
    page = '<body><p>x</p><script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
    deferred = defer_theme_script(page)
    assert "<script src=" not in deferred
    assert 'var src="../assets/javascripts/bundle.a5f9d56c.min.js"' in deferred
    assert defer_theme_script("<body></body>") == "<body></body>"


def test_edits_found_on_one_page_are_made_in_one_pass() -> None:
    page = "<html><head><title>t</title></head><body><header>h</header><p>x</p></body></html>"
    edits = [
        controls_edit(page, "<nav>c</nav>"),
        head_edit(page, "<meta a>"),
        Edit(page.index("<p>"), page.index("</p>") + 4, "<p>y</p>"),
        Edit(page.index("</body>"), page.index("</body>"), "<i>1</i>"),
        Edit(page.index("</body>"), page.index("</body>"), "<i>2</i>"),  # after the first
    ]
    assert apply_edits(page, edits) == (
        "<html><head><title>t</title><meta a></head><body><header>h</header><nav>c</nav>"
        "<p>y</p><i>1</i><i>2</i></body></html>"
    )
    assert apply_edits(page, edits) == inject_controls(
        inject_head(page, "<meta a>"), "<nav>c</nav>"
    ).replace("<p>x</p>", "<p>y</p>").replace("</body>", "<i>1</i><i>2</i></body>")
    with pytest.raises(ValueError, match="overlapping edits at 3"):
        apply_edits(page, [Edit(0, 5, ""), Edit(3, 4, "")])
