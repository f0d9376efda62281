"""Guides that start with the steps (issue 14, deliverable 3), built for real.

A guide shows "Cần chuẩn bị" under its title, its steps as the first section (big numbered steps),
background after, and ends with "Cần giúp?" leading to the village's digital team named by
``ho_tro`` in ``village.yml``. A guide written the old way, or a ``ho_tro`` naming no service, is
a located, bilingual message.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BuildResult, SiteFactory, build_site

GUIDE = "content/huong-dan/lam-thu.md"
VILLAGE = "content/village.yml"
VILLAGE_TEXT = (
    "ten: 'Phú Mỹ'\nloai: 'làng'\nxa: 'xã Yên Định'\ntinh: 'tỉnh Thanh Hóa'\nho_tro: 'cho-phu-my'\n"
)
GUIDE_TEXT = """---
title: "Làm thử"
can_chuan_bi:
  - "Điện thoại"
  - "Thẻ căn cước gắn chíp"
---

# Làm thử

Một câu mở đầu.

## Các bước

1. Mở ứng dụng.
2. Bấm **Bắt đầu**.

## Tìm hiểu thêm

Giải thích sau.

## Nguồn

- [Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn/)
"""

STOPPED = (
    "Làng số: 1 lỗi trong nội dung, xem các dòng ở trên — sửa rồi chạy lại. / 1 error(s) in the "
    "content, listed above — fix them and run again."
)
NEED_BOX = (
    '<div class="langso-need"><p class="langso-need__title">Cần chuẩn bị</p>'
    '<ul class="langso-need__list"><li>Điện thoại</li><li>Thẻ căn cước gắn chíp</li></ul></div>'
)
HELP_BOX = (
    '<div class="langso-help" id="langso-can-giup"><h2 class="langso-help__title">Cần giúp?</h2>'
    "<p>Gọi Chợ Phú Mỹ:</p>"
    '<p class="langso-help__calls"><a class="langso-help__call" href="tel:+84300000001">'
    'Gọi <span class="langso-help__number">0300 000 001</span></a></p>'
    '<p class="langso-help__sample">Dữ liệu mẫu: số này là số giả, chưa gọi được.</p>'
    '<p><a class="langso-help__page" href="../../danh-ba/cho-phu-my/">Địa chỉ, giờ làm việc</a>'
    "</p></div>"
)


HELP_LINE = (
    '<p class="langso-helpline langso-nosnippet">Khó quá? '
    '<a class="langso-helpline__call" href="tel:+84300000001">'
    'Gọi <span class="langso-help__number">0300 000 001</span></a> '
    '<a class="langso-helpline__more" href="#langso-can-giup">Nhờ giúp</a></p>'
)


def guide_site(make_site: SiteFactory, **files: str | None) -> Path:
    return make_site(files={VILLAGE: VILLAGE_TEXT, GUIDE: GUIDE_TEXT, **files})


def test_a_guide_shows_what_to_bring_then_the_steps_then_the_background(
    make_site: SiteFactory,
) -> None:
    result = build_site(guide_site(make_site))
    assert result.ok, result.text()
    assert result.messages == []
    page = result.read("huong-dan/lam-thu/index.html")
    # The box right under the title, before the opening sentence.
    h1_end = page.index("</h1>") + len("</h1>")
    assert page[h1_end : h1_end + 1 + len(NEED_BOX)] == "\n" + NEED_BOX
    soup = result.soup("huong-dan/lam-thu/index.html")
    article = soup.select_one("article")
    assert article is not None
    headings = [h.get("id") for h in article.find_all("h2")]
    assert headings == ["cac-buoc", "tim-hieu-them", None, "nguon"]
    steps = article.select("ol.langso-steps > li")
    assert [li.get_text() for li in steps] == ["Mở ứng dụng.", "Bấm Bắt đầu."]
    # The steps' list follows the steps heading; help sits before the sources.
    assert page.index('id="cac-buoc"') < page.index('<ol class="langso-steps">')
    assert page.index('<ol class="langso-steps">') < page.index('id="tim-hieu-them"')
    assert HELP_BOX + '\n<h2 id="nguon">' in page
    # A reader stuck on step 3 finds help near the top too: right after "Cần chuẩn bị".
    assert NEED_BOX + "\n" + HELP_LINE + "\n<p>Một câu mở đầu.</p>" in page
    assert page.count('<p class="langso-helpline') == 1
    # The stylesheet that draws the big numbers is published and linked.
    assert "counter(langso-step)" in result.read("assets/langso/guides.css")
    assert "assets/langso/guides.css" in page


def test_a_page_that_is_not_a_guide_gets_no_guide_boxes(make_site: SiteFactory) -> None:
    result = build_site(guide_site(make_site))
    for path in ("index.html", "huong-dan/index.html", "dia-diem/index.html"):
        if (result.site_dir / path).exists():
            page = result.read(path)
            assert "langso-need" not in page and "langso-help" not in page, path


def test_without_ho_tro_the_help_box_leads_to_the_directory(make_site: SiteFactory) -> None:
    village = VILLAGE_TEXT.replace("ho_tro: 'cho-phu-my'\n", "")
    result = build_site(guide_site(make_site, **{VILLAGE: village}))
    assert result.ok, result.text()
    assert (
        '<div class="langso-help" id="langso-can-giup"><h2 class="langso-help__title">Cần giúp?'
        "</h2><p>Nhờ tổ công nghệ số cộng đồng hoặc cán bộ xã giúp.</p>"
        '<p><a class="langso-help__page" href="../../danh-ba/">Tìm số điện thoại trong danh bạ</a>'
        "</p></div>"
    ) in result.read("huong-dan/lam-thu/index.html")


def test_without_what_to_bring_the_help_line_follows_the_opening_sentence(
    make_site: SiteFactory,
) -> None:
    """No "Cần chuẩn bị" box: the line goes before the steps; with no ``ho_tro``, it leads to
    the directory, as the box at the end does."""
    guide = GUIDE_TEXT.replace('can_chuan_bi:\n  - "Điện thoại"\n  - "Thẻ căn cước gắn chíp"\n', "")
    village = VILLAGE_TEXT.replace("ho_tro: 'cho-phu-my'\n", "")
    result = build_site(guide_site(make_site, **{GUIDE: guide, VILLAGE: village}))
    assert result.ok, result.text()
    page = result.read("huong-dan/lam-thu/index.html")
    assert (
        "<p>Một câu mở đầu.</p>\n"
        '<p class="langso-helpline langso-nosnippet">Khó quá? '
        '<a class="langso-helpline__call" href="../../danh-ba/">Tìm số trong danh bạ</a> '
        '<a class="langso-helpline__more" href="#langso-can-giup">Nhờ giúp</a></p>\n'
        '<h2 id="cac-buoc">'
    ) in page


def test_the_help_line_is_no_search_snippet(sample: BuildResult) -> None:
    """Like the box at the end, the line is added after the search plugin read the page (and is
    ``langso-nosnippet``): the same words on every guide are no result."""
    assert '<p class="langso-helpline' in sample.read("huong-dan/vneid-muc-1/index.html")
    index = sample.read("assets/langso/search-index.json")
    assert "Bà con tự làm được trên điện thoại" in index
    assert "Khó quá" not in index and "Nhờ giúp" not in index


def test_a_guide_without_steps_is_a_located_message(make_site: SiteFactory) -> None:
    old_way = GUIDE_TEXT.replace("## Các bước\n\n1. Mở ứng dụng.\n2. Bấm **Bắt đầu**.\n\n", "")
    result = build_site(guide_site(make_site, **{GUIDE: old_way}))
    assert not result.ok
    assert result.messages == [
        f"{GUIDE}:8: hướng dẫn chưa có mục `## Các bước` — ngay dưới tiêu đề trang, thêm mục "
        "`## Các bước` với các bước đánh số `1.`, `2.`, `3.`…; phần giải thích để sau, trong mục "
        "`## Tìm hiểu thêm`\n"
        "    (en) the guide has no `## Các bước` (steps) section — right under the page's title, "
        "add a `## Các bước` section with steps numbered `1.`, `2.`, `3.`…; put the explanations "
        "after it, under `## Tìm hiểu thêm`"
    ]


def test_background_before_the_steps_is_a_located_message(make_site: SiteFactory) -> None:
    late = GUIDE_TEXT.replace("## Các bước", "## VNeID là gì?\n\nLà ứng dụng.\n\n## Các bước")
    result = build_site(guide_site(make_site, **{GUIDE: late}))
    assert not result.ok
    assert result.messages == [
        f"{GUIDE}:12: mục `## VNeID là gì?` đứng trước `## Các bước` (dòng 16): bà con phải đọc "
        "hết nó mới tới các bước — chuyển mục `## VNeID là gì?` xuống dưới các bước, ví dụ vào "
        "mục `## Tìm hiểu thêm`; trước các bước chỉ được có một câu mở đầu và mục "
        "`## Cần chuẩn bị`\n"
        "    (en) the section `## VNeID là gì?` comes before `## Các bước` (line 16): readers "
        "must read through it to reach the steps — move `## VNeID là gì?` below the steps, e.g. "
        "into a `## Tìm hiểu thêm` section; only an opening sentence and a `## Cần chuẩn bị` "
        "section may come before the steps"
    ]


def test_steps_without_numbers_are_a_located_message(make_site: SiteFactory) -> None:
    bullets = GUIDE_TEXT.replace("1. Mở ứng dụng.\n2.", "- Mở ứng dụng.\n-")
    result = build_site(guide_site(make_site, **{GUIDE: bullets}))
    assert result.messages == [
        f"{GUIDE}:12: mục `## Các bước` không có danh sách đánh số — viết mỗi bước trên một dòng "
        "riêng, bắt đầu bằng `1.`, `2.`, `3.`…\n"
        "    (en) the `## Các bước` section has no numbered list — write each step on a line of "
        "its own starting with `1.`, `2.`, `3.`…"
    ]


def test_a_page_with_can_chuan_bi_outside_the_guides_is_a_guide(make_site: SiteFactory) -> None:
    elsewhere = "content/viec-lam.md"
    result = build_site(guide_site(make_site, **{elsewhere: GUIDE_TEXT}))
    assert result.ok, result.text()
    page = result.read("viec-lam/index.html")
    assert NEED_BOX in page and '<ol class="langso-steps">' in page
    assert 'href="../danh-ba/cho-phu-my/"' in page


def test_a_wrong_ho_tro_is_a_located_message_with_a_guess(make_site: SiteFactory) -> None:
    wrong = VILLAGE_TEXT.replace("'cho-phu-my'", "'cho-phu-mi'")
    result = build_site(guide_site(make_site, **{VILLAGE: wrong}))
    assert not result.ok
    assert result.messages == [
        f"{VILLAGE}:5: ho_tro: không có dịch vụ `cho-phu-mi` trong danh bạ (có phải ý bạn là "
        "`cho-phu-my`?) — sửa thành `cho-phu-my`\n"
        "    (en) there is no service `cho-phu-mi` in the directory (did you mean `cho-phu-my`?) "
        "— rename it to `cho-phu-my`",
        STOPPED,
    ]


def test_a_ho_tro_far_from_every_service_lists_them(make_site: SiteFactory) -> None:
    wrong = VILLAGE_TEXT.replace("'cho-phu-my'", "'to-cong-nghe-so'")
    result = build_site(guide_site(make_site, **{VILLAGE: wrong}))
    assert result.messages == [
        f"{VILLAGE}:5: ho_tro: không có dịch vụ `to-cong-nghe-so` trong danh bạ — viết tên tệp "
        "(không có `.yml`) của một dịch vụ trong danh bạ: `cho-phu-my`\n"
        "    (en) there is no service `to-cong-nghe-so` in the directory — write the file name "
        "(without `.yml`) of a service in the directory: `cho-phu-my`",
        STOPPED,
    ]


def test_hostile_names_are_escaped_once(make_site: SiteFactory) -> None:
    service = (
        "ten: 'Tổ <b>\"A&B\"</b>'\nloai: 'cho'\ndien_thoai: '0300 000 001'\n"
        "toa_do: '19.9800, 105.6400'\nxac_minh:\n  ngay: '01/11/2026'\n  vai_tro: 'Trưởng thôn'\n"
        "du_lieu_mau: 'có'\n"
    )
    guide = GUIDE_TEXT.replace('"Điện thoại"', "'<script>alert(1)</script> & \"thẻ\"'")
    result = build_site(
        guide_site(make_site, **{GUIDE: guide, "content/danh-ba/cho-phu-my.yml": service})
    )
    assert result.ok, result.text()
    page = result.read("huong-dan/lam-thu/index.html")
    assert "<li>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;thẻ&quot;</li>" in page
    assert "<p>Gọi Tổ &lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;:</p>" in page
    assert HELP_LINE in page  # the line names no one: nothing from content but the number
    assert "<script>alert(1)" not in page and "&amp;lt;" not in page and "&amp;amp;" not in page


# --- the sample village ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample(sample_site: BuildResult) -> BuildResult:
    return sample_site


SAMPLE_GUIDES = ("vneid-muc-1", "vneid-muc-2", "chu-ky-so", "thanh-toan-vietqr", "tien-dien")


@pytest.mark.parametrize("guide", [*SAMPLE_GUIDES, "so-khan-cap"])
def test_each_sample_guide_starts_with_its_steps_and_calls_the_digital_team(
    sample: BuildResult, guide: str
) -> None:
    page = sample.read(f"huong-dan/{guide}/index.html")
    soup = sample.soup(f"huong-dan/{guide}/index.html")
    article = soup.select_one("article")
    assert article is not None
    assert article.select_one("h2").get("id") == "cac-buoc"  # type: ignore[union-attr]
    assert len(article.select("ol.langso-steps > li")) >= 5
    if guide != "so-khan-cap":  # the emergency page opens with its numbers, nothing to bring
        assert article.select_one("h1 + div.langso-need") is not None
    call = article.select("div.langso-help a.langso-help__call")
    assert [(a["href"], a.get_text()) for a in call] == [("tel:+84300000011", "Gọi 0300 000 011")]
    team = article.select_one("div.langso-help a.langso-help__page")
    assert team is not None
    assert team["href"] == "../../danh-ba/to-cong-nghe-so-cong-dong-la-thon/"
    assert "<p>Gọi Tổ công nghệ số cộng đồng Là Thôn:</p>" in page
    line = article.select_one("p.langso-helpline")
    assert article.select_one("p.langso-helpline ~ h2#cac-buoc") is not None
    assert line is not None
    links = [(a["href"], a.get_text()) for a in line.select("a")]
    assert links == [("tel:+84300000011", "Gọi 0300 000 011"), ("#langso-can-giup", "Nhờ giúp")]
    assert article.select_one("#langso-can-giup") is not None


# --- on a phone ----------------------------------------------------------------------------------

PREFIX = "/lang-so/"
SIZES = {"A-": -1, "A": 0, "A+max": 3}
"""Reader sizes as ``reader.js`` stores them (``MIN`` −1, ``MAX`` 3)."""


@pytest.mark.browser
def test_on_a_phone_the_first_step_is_on_the_first_screen(sample: BuildResult) -> None:
    """VNeID mức 1 on a 360 × 740 phone: the first step in view on arrival at the default size,
    and nothing wider than the screen at any size (A−, A, A+ pressed until it stops)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import launch, serve

    seen: dict[str, tuple[int, float, float]] = {}
    lines: dict[str, list[tuple[float, float, float]]] = {}
    with serve(sample.site_dir, PREFIX) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for name, size in SIZES.items():
                context = browser.new_context(
                    viewport={"width": 360, "height": 740},
                    device_scale_factor=2,
                    is_mobile=True,
                    has_touch=True,
                )
                context.add_init_script(
                    f"try{{localStorage.setItem('{PREFIX}langso.size','{size}')}}catch(e){{}}"
                )
                page = context.new_page()
                page.goto(base + "huong-dan/vneid-muc-1/", wait_until="networkidle")
                width = page.evaluate("document.documentElement.scrollWidth")
                first = page.locator("ol.langso-steps > li").first.bounding_box()
                number = page.evaluate(
                    "parseFloat(getComputedStyle(document.querySelector("
                    "'ol.langso-steps > li'), '::before').width)"
                )
                assert first is not None
                seen[name] = (width, first["y"] + first["height"], number)
                boxes = [a.bounding_box() for a in page.locator(".langso-helpline a").all()]
                lines[name] = [(b["y"], b["height"], b["width"]) for b in boxes if b is not None]
                context.close()
        finally:
            browser.close()
    assert {name: width for name, (width, _, _) in seen.items()} == dict.fromkeys(SIZES, 360)
    assert seen["A"][1] <= 740, seen
    assert seen["A"][2] >= 40, seen  # the step's number is big: a disc of at least 40 px
    # "Khó quá?" near the top: two tap targets of at least 48 × 48 px, in one row at A.
    assert all(len(found) == 2 for found in lines.values()), lines
    assert all(h >= 48 and w >= 48 for found in lines.values() for _, h, w in found), lines
    assert lines["A"][0][0] == lines["A"][1][0], lines
