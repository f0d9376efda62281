"""The sample village's walking tour in Chromium on a 360 × 740 phone (issue 16): following the
tour shows the "next stop" box on each stop's page (kept for the visit), never otherwise; the
tour page fits the phone at A− and A+ max with 48 px targets; the print sheet takes exactly one
A4 page and one A5 page."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, ViewportSize

pytestmark = pytest.mark.browser  # skipped without Chromium, failed under CI: conftest.py

VIEWPORT: ViewportSize = {"width": 360, "height": 740}
TOUR = "tuyen-tham-quan/ba-ngoi-dinh/"
BOXES = """sel => [...document.querySelectorAll(sel)].map(e => {
  const r = e.getBoundingClientRect();
  return [e.textContent.trim(), r.width, r.height];
})"""


def box_links(page: Page) -> list[str]:
    """The texts of the links of the "next stop" box shown, spaces collapsed."""
    texts = page.locator(".langso-tour-next:visible a").all_inner_texts()
    return [" ".join(text.split()) for text in texts]


def visible_box(page: Page) -> list[str]:
    return page.locator(".langso-tour-next:visible").all_inner_texts()


def test_following_the_tour_shows_the_next_stop(browser: Browser, sample_url: str) -> None:
    """From the tour page to stop 3, on through the free stop 4 (no page of its own: its
    directions and the way on are on the tour page), to the end."""
    name = "Ba ngôi đình, từ nhà văn hóa Là Thôn (dữ liệu mẫu)"
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    try:
        # Without coming from the tour: hidden.
        page.goto(sample_url + "dia-diem/dinh-lang-la-thon/")
        assert visible_box(page) == []
        # From the tour page: the third step's link.
        page.goto(sample_url + TOUR)
        page.locator("h2#diem-3 a").click()
        page.wait_for_load_state()
        assert page.url.endswith("dia-diem/dinh-lang-la-thon/?t=ba-ngoi-dinh&d=3")
        assert box_links(page) == [
            f"Đang đi tuyến · điểm 3/6 {name}",
            "Tiếp theo (4/6): Cổng làng (điểm mẫu) 470 m · khoảng 8 phút",
        ]
        assert page.locator(".langso-tour-next:visible .langso-tour-next-text").inner_text() == (
            "Ngôi nhà chung của làng. Đứng ở sân đình nhìn mái và hàng cột; vào trong thì bỏ mũ,"
            " nói khẽ. Lịch sử đình ghi trên trang của đình, kèm nguồn."
        )
        # On to the free stop: its place on the tour page, with "Chỉ đường" and the way on.
        page.locator(".langso-tour-next:visible a").nth(1).click()
        page.wait_for_load_state()
        assert page.url.endswith("tuyen-tham-quan/ba-ngoi-dinh/#diem-4")
        free = page.locator("ol.langso-tour-steps > li", has=page.locator("#diem-4"))
        assert free.locator(".langso-tour-where").inner_text() == (
            "Cách tìm: Đầu đường vào làng, phía đường liên xã (vị trí mẫu)."
        )  # how to find it, not a note to the author ("không có trang riêng")
        assert free.locator("a[data-langso-geo]").inner_text() == "Chỉ đường"
        on = free.locator(".langso-tour-actions a")
        assert on.inner_text() == "Tiếp theo: 5. Đình – Bia ký làng Yên Định"
        for text, w, h in page.evaluate(BOXES, "ol.langso-tour-steps > li:nth-child(4) a"):
            assert w >= 48 and h >= 48, (text, w, h)
        on.click()
        page.wait_for_load_state()
        assert page.url.endswith("dia-diem/dinh-bia-ky-lang-yen-dinh/?t=ba-ngoi-dinh&d=5")
        assert box_links(page) == [
            f"Đang đi tuyến · điểm 5/6 {name}",
            "Tiếp theo (6/6): Đình – Đền làng Yên Hoành 560 m · khoảng 10 phút",
        ]
        # Kept for the visit: the stop's page opened again without the query still shows it.
        page.goto(sample_url + "dia-diem/dinh-bia-ky-lang-yen-dinh/")
        assert box_links(page)[0] == f"Đang đi tuyến · điểm 5/6 {name}"
        for text, w, h in page.evaluate(BOXES, ".langso-tour-next:not([hidden]) a"):
            assert w >= 48 and h >= 48, (text, w, h)
        # Its "next" link carries the tour on.
        page.locator(".langso-tour-next:visible a").nth(1).click()
        page.wait_for_load_state()
        assert page.url.endswith("?t=ba-ngoi-dinh&d=6")
        said = " ".join(visible_box(page)[0].split())
        assert "(dữ liệu mẫu) Đây là điểm cuối của tuyến. Điểm cuối: đình" in said
    finally:
        context.close()
    # A new visit (a new tab session) starts without the tour.
    fresh = browser.new_context(viewport=VIEWPORT)
    try:
        page = fresh.new_page()
        page.goto(sample_url + "dia-diem/dinh-bia-ky-lang-yen-dinh/")
        assert visible_box(page) == []
    finally:
        fresh.close()


def test_the_way_on_is_on_the_first_screen_at_a_plus_max(browser: Browser, sample_url: str) -> None:
    """At the largest reader size the "next stop" button starts inside the first 740 px, its
    label and the next stop's name visible (it was at y ≈ 1095 px, below the stop's text): the
    way on first, the stop's text after it."""
    context = browser.new_context(viewport=VIEWPORT)
    key = "/lang-so/langso.size"
    context.add_init_script(f"try{{localStorage.setItem('{key}','3')}}catch(e){{}}")
    page = context.new_page()
    try:
        page.goto(sample_url + "dia-diem/dinh-lang-la-thon/?t=ba-ngoi-dinh&d=3")
        assert page.evaluate("document.documentElement.dataset.langsoSize") == "3"
        go = page.locator(".langso-tour-next:visible a.langso-tour-next-go")
        assert " ".join(go.inner_text().split()) == (
            "Tiếp theo (4/6): Cổng làng (điểm mẫu) 470 m · khoảng 8 phút"
        )
        box = go.bounding_box()
        # its label and the next stop's name (two lines at A+ max) on the first screen
        assert box is not None and box["y"] + 96 <= VIEWPORT["height"], box
        text = page.locator(".langso-tour-next:visible .langso-tour-next-text").bounding_box()
        assert text is not None and text["y"] >= box["y"] + box["height"]
    finally:
        context.close()


@pytest.mark.parametrize("size", [-1, 3])
def test_the_tour_page_fits_a_phone(browser: Browser, sample_url: str, size: int) -> None:
    context = browser.new_context(viewport=VIEWPORT)
    key = "/lang-so/langso.size"
    context.add_init_script(f"try{{localStorage.setItem('{key}','{size}')}}catch(e){{}}")
    page = context.new_page()
    try:
        for path in (TOUR, "tuyen-tham-quan/"):
            page.goto(sample_url + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= VIEWPORT["width"], (path, size, width)
        page.goto(sample_url + TOUR)
        targets = (
            ".langso-tour-actions a, .langso-tour-steps h2 a, .langso-tour-steps .langso-action"
        )
        for text, w, h in page.evaluate(BOXES, targets):
            assert w >= 48 and h >= 48, (text, w, h)
    finally:
        context.close()


LINES = """sel => [...document.querySelectorAll(sel)].filter(e => e.offsetParent).map(e => {
  const range = document.createRange();
  range.selectNodeContents(e);
  return [e.textContent, new Set([...range.getClientRects()].map(r => Math.round(r.top))).size];
})"""


def test_distances_read_whole_at_a_plus_max(browser: Browser, sample_url: str) -> None:
    """At A+ max on a 360 px phone, a distance or a time is never split across lines ("470 m ·",
    "khoảng 8 phút"), nor a summary's piece, and no line starts with "·"."""
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script("try{localStorage.setItem('/lang-so/langso.size','3')}catch(e){}")
    page = context.new_page()
    try:
        page.goto(sample_url + "dia-diem/dinh-lang-la-thon/?t=ba-ngoi-dinh&d=3")
        assert page.evaluate(LINES, ".langso-tour-next .langso-nobreak") == [
            ["470 m ·", 1],
            ["khoảng 8 phút", 1],
        ]
        page.goto(sample_url + TOUR)
        pieces = page.evaluate(LINES, ".langso-tour-sum .langso-nobreak")
        assert pieces == [["6 điểm dừng ·", 1], ["2,7 km ·", 1], ["khoảng 47 phút đi bộ", 1]]
        legs = page.evaluate(LINES, ".langso-tour-leg .langso-nobreak")
        assert len(legs) == 10 and all(lines == 1 for _, lines in legs), legs
    finally:
        context.close()


@pytest.mark.parametrize(
    "path",
    [TOUR, "tuyen-tham-quan/", "dia-diem/dinh-lang-la-thon/?t=ba-ngoi-dinh&d=3"],
)
def test_axe_finds_nothing(browser: Browser, sample_url: str, path: str) -> None:
    """Every rule axe-core runs by default, at A+ max, the "next stop" box shown."""
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script("try{localStorage.setItem('/lang-so/langso.size','3')}catch(e){}")
    page = context.new_page()
    try:
        page.goto(sample_url + path)
        results: Any = Axe().run(page, options={"resultTypes": ["violations"]})
        found = [
            f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"]
        ]
        assert found == []
    finally:
        context.close()


@pytest.mark.parametrize(
    ("paper", "width_mm", "pages", "text_pt", "qr_mm"),
    [("A4", 210, 1, 12, 25), ("A5", 148, 2, 10, 20)],
)
def test_the_print_sheet_fits_its_paper(
    browser: Browser,
    sample_url: str,
    paper: str,
    width_mm: int,
    pages: int,
    text_pt: int,
    qr_mm: int,
) -> None:
    """The sample's six stops: one A4 page; one A5 sheet printed on both sides (the map on the
    front, the stops on the back). Text at least 12 pt on A4 and 10 pt on A5, every QR code at
    least 25 mm / 20 mm wide (measured in the print layout of the page's width less the 9 mm
    margins; 96 CSS px = 25.4 mm = 72 pt)."""
    content_px = round((width_mm - 18) / 25.4 * 96)
    page = browser.new_page(viewport={"width": content_px, "height": 800})
    try:
        page.goto(sample_url + "tuyen-tham-quan/in/ba-ngoi-dinh/")
        page.emulate_media(media="print")
        pdf = page.pdf(format=paper, print_background=True)
        assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == pages
        sizes = page.evaluate(
            "[...document.querySelectorAll('ol li > svg')].map(e => {"
            "const r = e.getBoundingClientRect(); return [r.width, r.height]})"
        )
        assert len(sizes) == 6
        for width, height in sizes:
            assert width == height and width * 25.4 / 96 >= qr_mm - 0.01, (paper, width)
        fonts = page.evaluate(
            "[...document.querySelectorAll('li p, li h2, .sum, .foot, h1')]"
            ".map(e => parseFloat(getComputedStyle(e).fontSize))"
        )
        assert min(fonts) * 72 / 96 >= text_pt - 0.01, (paper, min(fonts))
    finally:
        page.close()


def test_the_sheets_map_numbers_never_touch(sample_site: Any) -> None:
    """Stops 1–3 of the sample are within 200 m: their circles move apart, with a gap."""
    import math

    from bs4 import BeautifulSoup

    soup = BeautifulSoup(
        sample_site.read("tuyen-tham-quan/in/ba-ngoi-dinh/index.html"), "html.parser"
    )
    circles = [
        (float(str(c["cx"])), float(str(c["cy"])))
        for c in soup.select(".map svg circle")
        if c["r"] == "13"
    ]
    assert len(circles) == 6
    for i, (x1, y1) in enumerate(circles):
        for x2, y2 in circles[i + 1 :]:
            assert math.hypot(x1 - x2, y1 - y2) >= 2 * 13 + 6


def test_the_sheet_has_a_print_button_on_the_phone(browser: Browser, sample_url: str) -> None:
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    try:
        page.add_init_script("window.printed = 0; window.print = () => { window.printed += 1 }")
        page.goto(sample_url + "tuyen-tham-quan/in/ba-ngoi-dinh/")
        button = page.get_by_role("button", name="In tờ này")
        box = button.bounding_box()
        assert box is not None and box["width"] >= 48 and box["height"] >= 48
        button.click()
        assert page.evaluate("window.printed") == 1
        page.emulate_media(media="print")
        assert not button.is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORT["width"]
    finally:
        context.close()
    # without JavaScript there is nothing to press: no button
    plain = browser.new_context(viewport=VIEWPORT, java_script_enabled=False)
    try:
        page = plain.new_page()
        page.goto(sample_url + "tuyen-tham-quan/in/ba-ngoi-dinh/")
        assert not page.get_by_role("button", name="In tờ này").is_visible()
    finally:
        plain.close()


def test_the_route_draws_offline_once_everything_is_saved(
    browser: Browser, sample_url: str, sample_site: Any
) -> None:
    """ "Lưu để đọc khi mất mạng" saves the tours' routes (``tuyen.geojson``, fetched by the map
    page's script, named by no page): without signal, ``ban-do/?tuyen=`` still draws the route."""
    from tests.offline.test_browser import CONTROLLED, until

    manifest = json.loads((sample_site.site_dir / "assets/langso/offline.json").read_text("utf-8"))
    assert "tuyen-tham-quan/tuyen.geojson" in [entry["url"] for entry in manifest["data"]]
    context = browser.new_context(viewport=VIEWPORT, locale="vi-VN")
    try:
        page = context.new_page()
        page.goto(sample_url)
        until(page, CONTROLLED)
        box = page.locator("#langso-offline")
        box.get_by_role("button", name="Lưu để đọc khi mất mạng").click()
        box.get_by_role("button", name=re.compile(r"^Lưu \d")).first.click()
        box.locator("[aria-live=polite]").filter(has_text="Đã lưu xong").wait_for(timeout=60_000)
        context.set_offline(True)
        page.goto(sample_url + "ban-do/?tuyen=ba-ngoi-dinh")
        page.locator(".langso-map__status a").wait_for()
        status = page.locator(".langso-map__status").inner_text()
        assert status.startswith("Tuyến: Ba ngôi đình"), status
        assert page.locator("path.leaflet-interactive").count() >= 1
    finally:
        context.close()


@pytest.mark.parametrize(
    ("query", "href"),
    [
        ("tuyen tham quan", "tuyen-tham-quan/ba-ngoi-dinh/"),
        ("cong lang", "tuyen-tham-quan/ba-ngoi-dinh/#diem-4"),
    ],
)
def test_search_finds_the_tour_and_its_free_stop(
    browser: Browser, sample_url: str, query: str, href: str
) -> None:
    """The tour page says what it is (its description) and each stop is a section headed by
    its name: "cong lang" opens the tour at the free stop, which has no page of its own."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    try:
        page.goto(sample_url + "tim-kiem/?q=" + query.replace(" ", "+"))
        box = page.locator("#langso-search-page")
        box.locator(".langso-search__item").first.wait_for()
        links = box.locator(".langso-search__item a").evaluate_all(
            "els => els.map(e => e.getAttribute('href'))"
        )
        found = [link for link in links if "tuyen-tham-quan/ba-ngoi-dinh/" in link]
        assert found and found[0].endswith(href), links
        assert links.index(found[0]) < 3, links  # among the first answers
    finally:
        context.close()
