"""The full search page (``tim-kiem/?q=``) on a 360 × 740 phone in Chromium: each result a card
— the page's title as the link, where the page sits, the snippet as plain text with the words
found marked — at every reader font size, with nothing wider than the screen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.search import sites
from tests.search.test_browser import _built, _serve

pytestmark = pytest.mark.browser  # skipped without Chromium, failed under CI: conftest.py

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

PREFIX = "/lang-phu-my/"
PHONE = {"width": 360, "height": 740}
SIZES = [-1, 0, 1, 2, 3]
"""Reader sizes as ``reader.js`` stores them: scale 0.9, 1, 1.2, 1.4, 1.6."""


@pytest.fixture(scope="module")
def cards_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _serve(_built(tmp_path_factory, sites.cards_site))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    from tests.browser import launch

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


def search_page(browser: Browser, url: str, size: int, query: str) -> Page:
    context = browser.new_context(
        viewport=PHONE,  # type: ignore[arg-type]
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="vi-VN",
    )
    context.add_init_script(
        f"try{{localStorage.setItem('{PREFIX}langso.size','{size}')}}catch(e){{}}"
    )
    page = context.new_page()
    page.goto(f"{url}tim-kiem/?q={query}")
    page.locator("#langso-search-page .langso-search__item").first.wait_for()
    return page


@pytest.mark.parametrize("size", SIZES)
def test_each_result_is_a_card_with_the_title_as_the_link(
    browser: Browser, cards_url: str, size: int
) -> None:
    page = search_page(browser, cards_url, size, "dinh+lang")
    try:
        assert page.evaluate("document.documentElement.getAttribute('data-langso-size')") == (
            str(size) if size else None
        )
        box = page.locator("#langso-search-page")
        assert box.locator(".langso-search__count").inner_text() == (
            "Tìm thấy 2 trang có “dinh lang”"
        )
        first = box.locator(".langso-search__item").first
        link = first.locator("a")
        assert link.count() == 1
        # Only the title is the link; the snippet is plain text beside it, not inside it.
        assert link.inner_text() == "Đình làng Phú Mỹ"
        assert link.get_attribute("href") == f"{cards_url}dia-diem/dinh-lang-phu-my/"
        assert first.locator(".langso-search__title mark").inner_text() == "Đình làng"
        assert first.locator(".langso-search__where").inner_text() == "Địa điểm"
        snippet = first.locator("p.langso-search__snippet")
        assert snippet.inner_text() == sites.C02_TEXT
        assert snippet.locator("mark").first.inner_text() == "Đình làng"
        assert snippet.evaluate("node => node.closest('a')") is None
        # The title is large and easy to tap; cards stand apart.
        title = link.bounding_box()
        assert title is not None and title["height"] >= 48
        text = snippet.evaluate("node => parseFloat(getComputedStyle(node).fontSize)")
        title_size = link.evaluate("node => parseFloat(getComputedStyle(node).fontSize)")
        assert title_size >= 1.15 * text
        cards = box.locator(".langso-search__item")
        one, two = cards.nth(0).bounding_box(), cards.nth(1).bounding_box()
        assert one is not None and two is not None
        assert two["y"] - (one["y"] + one["height"]) >= 8
        # The second result's table is searched but not shown; its long address wraps.
        second = cards.nth(1)
        assert second.locator("a").inner_text() == "Chợ làng"
        assert "Thông tin" not in second.inner_text()
        assert (
            second.locator(".langso-search__snippet")
            .inner_text()
            .startswith("Chợ đình làng họp buổi sáng")
        )
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"size {size}: {width} px wide"
    finally:
        page.context.close()


def test_the_whole_card_answers_a_tap(browser: Browser, cards_url: str) -> None:
    page = search_page(browser, cards_url, 0, "cho+lang")
    try:
        snippet = page.locator("#langso-search-page .langso-search__snippet").first
        spot = snippet.bounding_box()
        assert spot is not None
        # A finger on the snippet's text opens the page (the title's link covers the card).
        page.mouse.click(spot["x"] + spot["width"] / 2, spot["y"] + spot["height"] / 2)
        page.wait_for_url(f"{cards_url}cho-lang/")
    finally:
        page.context.close()


def test_nothing_found_says_so_in_vietnamese(browser: Browser, cards_url: str) -> None:
    context = browser.new_context(viewport=PHONE)  # type: ignore[arg-type]
    try:
        page = context.new_page()
        page.goto(f"{cards_url}tim-kiem/?q=xyzw")
        count = page.locator("#langso-search-page .langso-search__count")
        count.filter(has_text="Không tìm thấy").wait_for()
        assert count.inner_text() == (
            "Không tìm thấy trang nào có “xyzw”. Thử gõ ít chữ hơn, có dấu hay không dấu đều được."
        )
    finally:
        context.close()


@pytest.mark.parametrize("size", [0, 3])
def test_the_search_page_has_its_own_big_box_with_the_query(
    browser: Browser, cards_url: str, size: int
) -> None:
    """Not "type in the box at the top": a labelled box of its own, filled with the query; a
    new query typed there and sent lists its results (the same page, ``?q=``)."""
    page = search_page(browser, cards_url, size, "dinh+lang")
    try:
        box = page.get_by_role("searchbox", name="Tìm trong sổ tay")
        assert box.input_value() == "dinh lang"
        assert page.input_value("#langso-search-input") == "dinh lang"
        go = page.locator("#langso-search-page").get_by_role("button", name="Tìm")
        for part in (box, go):
            where = part.bounding_box()
            assert where is not None and where["height"] >= 48 and where["width"] >= 48
            assert where["x"] >= 0 and where["x"] + where["width"] <= PHONE["width"]
        body = page.locator("article p").first.evaluate(
            "node => parseFloat(getComputedStyle(node).fontSize)"
        )
        assert box.evaluate("node => parseFloat(getComputedStyle(node).fontSize)") == body
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        box.fill("cho lang")
        box.press("Enter")
        page.wait_for_url(f"{cards_url}tim-kiem/?q=cho%20lang")
        count = page.locator("#langso-search-page .langso-search__count")
        count.filter(has_text="cho lang").wait_for()
    finally:
        page.context.close()


def test_without_javascript_the_search_page_box_sends_the_query(
    browser: Browser, cards_url: str
) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)  # type: ignore[arg-type]
    try:
        page = context.new_page()
        page.goto(f"{cards_url}tim-kiem/")
        page.get_by_role("searchbox", name="Tìm trong sổ tay").fill("dinh")
        page.get_by_role("searchbox", name="Tìm trong sổ tay").press("Enter")
        page.wait_for_url(f"{cards_url}tim-kiem/?q=dinh")
    finally:
        context.close()


@pytest.mark.parametrize("size", [0, 3])
def test_the_header_box_and_its_results_follow_the_readers_size(
    browser: Browser, cards_url: str, size: int
) -> None:
    """At A+ the results under the header box are as large as the page's text (they were
    15 px beside 28.8 px text), and the box's own words grow too (to 20 px)."""
    page = search_page(browser, cards_url, size, "dinh+lang")
    try:
        page.goto(cards_url)
        text = page.locator("article p").first.evaluate(
            "node => parseFloat(getComputedStyle(node).fontSize)"
        )
        assert text == pytest.approx(18 * (1.6 if size else 1), abs=0.1)
        page.fill("#langso-search-input", "dinh lang")
        panel = page.locator("#langso-search-results")
        panel.locator(".langso-search__item").first.wait_for()
        snippet = panel.locator(".langso-search__snippet").first
        assert snippet.evaluate("node => parseFloat(getComputedStyle(node).fontSize)") == text
        field = page.locator("#langso-search-input")
        assert field.evaluate("node => parseFloat(getComputedStyle(node).fontSize)") == (
            pytest.approx(20 if size else 16, abs=0.1)  # up to what the header holds
        )
        where = panel.bounding_box()
        assert where is not None and where["x"] >= 0
        assert where["x"] + where["width"] <= PHONE["width"]
        wide = page.evaluate(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
            " > 360.5).slice(0, 4).map(e => e.tagName + '.' + e.className + ' '"
            " + Math.round(e.getBoundingClientRect().right))"
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], wide
    finally:
        page.context.close()
