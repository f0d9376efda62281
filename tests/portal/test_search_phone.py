"""The portal's search as an older villager meets it (issue 17, round 2): a real portal
(:func:`langso.portal.site.write_portal`) of five villages of xã Yên Định, on a 360×740 phone in
Chromium, served under a sub-path with its service worker.

A misspelt query ("tram y tee", "dinh lnag") offers the closest words and a tap runs them; the
query stays in the address, so Back from a result shows it again; after "Tìm" at the largest
text the count line is on screen; with the signal gone, words already searched still answer
(the service worker) and a new word says plainly that the phone is offline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from langso.portal.model import PortalInfo
from langso.portal.search import first_query_plan
from langso.portal.site import write_portal
from tests.browser import serve
from tests.portal.test_search import yen_dinh

pytestmark = pytest.mark.browser  # skipped without Chromium, failed under CI: conftest.py

PREFIX = "/cong/"
INFO = PortalInfo("Cổng làng số xã Yên Định (dữ liệu mẫu)", "https://example.github.io/cong/")
OFFLINE = "Đang mất mạng: tìm từ mới cần có mạng. Các trang đã mở vẫn đọc được."
COUNT = ".langso-portal-results__count"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cong-phone")
    write_portal(out, INFO, yen_dinh())
    return out


@pytest.fixture(scope="module")
def base(site: Path) -> Iterator[str]:
    with serve(site, PREFIX) as url:
        yield url


def phone(browser: Browser, size: int = 0, worker: bool = True) -> tuple[Page, list[str]]:
    """A fresh phone whose reader chose ``size`` (-1..3, as portal.js stores it), and the list
    of search files it requests. The villages' own sites answer with a small page. Without
    ``worker`` the portal's service worker is not registered (a route then sees every fetch)."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740},
        is_mobile=True,
        has_touch=True,
        service_workers="allow" if worker else "block",
    )
    context.add_init_script(
        f"try{{localStorage.setItem('{PREFIX}langso.size','{size}')}}catch(e){{}}"
    )
    context.route(
        "https://example.github.io/**",
        lambda route: route.fulfill(
            content_type="text/html; charset=utf-8",
            body='<!doctype html><html lang="vi"><title>Làng</title><h1>Trang của làng</h1>',
        ),
    )
    page = context.new_page()
    fetched: list[str] = []
    page.on(
        "request", lambda r: fetched.append(r.url.split(PREFIX, 1)[1]) if "/tim/" in r.url else None
    )
    return page, fetched


def settled(page: Page) -> str:
    """Wait until the search has answered; its count line."""
    page.wait_for_function(
        f"(document.querySelector('{COUNT}') || {{}}).textContent"
        f" && !document.querySelector('{COUNT}').textContent.startsWith('Đang tìm')"
    )
    page.wait_for_load_state("networkidle")
    return page.locator(COUNT).inner_text()


def shows(page: Page, count: str) -> None:
    """Wait until the count line says ``count`` and the network is quiet."""
    expect(page.locator(COUNT)).to_have_text(count)
    page.wait_for_load_state("networkidle")


def titles(page: Page) -> list[str]:
    return page.locator(".langso-portal-results__link").all_inner_texts()


def test_a_misspelt_query_offers_the_closest_words_and_a_tap_runs_them(
    browser: Browser, base: str, site: Path
) -> None:
    page, fetched = phone(browser)
    try:
        page.goto(base, wait_until="networkidle")
        page.fill("#q", "tram y tee")
        page.press("#q", "Enter")
        shows(page, "Không tìm thấy kết quả nào cho “tram y tee”.")
        hint = page.locator(".langso-portal-results__hint")
        assert hint.inner_text() == "Có phải bạn muốn tìm: tram y te?"
        # The word list is read only now, and the script reads exactly what Python plans.
        assert sorted(set(fetched)) == sorted(
            p.relative_to(site).as_posix() for p in first_query_plan(site, "tram y tee")
        )
        assert "tim/w.json" in fetched
        link = hint.locator("a")
        box = link.bounding_box()
        assert box is not None and box["height"] >= 48 and box["width"] >= 48
        link.tap()
        shows(page, "Tìm thấy 5 kết quả cho “tram y te”")
        assert set(titles(page)) == {"Trạm y tế xã Yên Định"}
        assert page.input_value("#q") == "tram y te"
        assert hint.is_hidden()
        assert page.evaluate("location.search") == "?q=tram+y+te"
        # A swap of two letters is one mistake; what was typed with accents stays.
        page.fill("#q", "Đình lnag")
        page.press("#q", "Enter")
        settled(page)
        assert hint.inner_text() == "Có phải bạn muốn tìm: đình lang?"
        hint.locator("a").tap()
        settled(page)
        assert titles(page)[0].startswith("Đình làng ")
    finally:
        page.context.close()


def test_back_from_a_result_shows_the_search_again(browser: Browser, base: str) -> None:
    page, _ = phone(browser)
    try:
        page.goto(base, wait_until="networkidle")
        page.locator("#q").type("dinh lang")  # typed, no "Tìm": the address follows anyway
        shows(page, "Tìm thấy 20 kết quả cho “dinh lang”")
        page.wait_for_function("location.search == '?q=dinh+lang'")
        assert page.evaluate("location.pathname") == PREFIX
        first = titles(page)[0]
        page.locator(".langso-portal-results__link").first.click()
        page.wait_for_selector("text=Trang của làng")
        page.go_back(wait_until="networkidle")
        shows(page, "Tìm thấy 20 kết quả cho “dinh lang”")
        assert page.input_value("#q") == "dinh lang"
        assert titles(page)[0] == first
        # A reload (or a page the browser did not keep) reads the query from the address.
        page.reload(wait_until="networkidle")
        shows(page, "Tìm thấy 20 kết quả cho “dinh lang”")
        page.fill("#q", "")
        page.wait_for_function("location.search == ''")
    finally:
        page.context.close()


@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_after_tim_at_the_largest_text_the_count_is_on_screen(
    browser: Browser, base: str, motion: str
) -> None:
    page, _ = phone(browser, size=3)
    try:
        page.emulate_media(reduced_motion=motion)  # type: ignore[arg-type]
        page.goto(base, wait_until="networkidle")
        assert page.evaluate("document.documentElement.getAttribute('data-langso-size')") == "3"
        page.fill("#q", "dinh lang")
        page.locator("form button[type=submit]").tap()
        settled(page)
        # Smooth scrolling takes a moment; reduced motion jumps at once.
        page.wait_for_function(
            f"(r => r.top >= 0 && r.top <= innerHeight / 2)"
            f"(document.querySelector('{COUNT}').getBoundingClientRect())",
            timeout=3000,
        )
        top = page.evaluate(f"document.querySelector('{COUNT}').getBoundingClientRect().top")
        assert 0 <= top <= 740 / 2
        if motion == "reduce":
            assert page.evaluate("scrollY") > 0
    finally:
        page.context.close()


def test_offline_a_word_already_searched_still_answers_and_a_new_word_says_so(
    browser: Browser, base: str
) -> None:
    page, _ = phone(browser)
    context = page.context
    try:
        page.goto(base, wait_until="networkidle")
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.wait_for_function("navigator.serviceWorker.controller !== null")
        page.fill("#q", "dinh lang")
        shows(page, "Tìm thấy 20 kết quả cho “dinh lang”")
        context.set_offline(True)
        page.reload(wait_until="load")
        shows(page, "Tìm thấy 20 kết quả cho “dinh lang”")
        page.fill("#q", "chua")
        shows(page, OFFLINE)
    finally:
        context.set_offline(False)
        context.close()


def test_a_fetch_that_fails_says_offline_and_a_missing_file_does_not(
    browser: Browser, base: str
) -> None:
    page, _ = phone(browser, worker=False)
    try:
        page.route("**/tim/t/ch.json", lambda route: route.abort("internetdisconnected"))
        page.route("**/tim/t/tr.json", lambda route: route.fulfill(status=404, body="không có"))
        page.goto(base, wait_until="networkidle")
        assert page.evaluate("navigator.onLine") is True
        page.fill("#q", "chua")
        shows(page, OFFLINE)
        page.fill("#q", "tram")
        shows(page, "Không tải được dữ liệu tìm kiếm. Mời thử lại sau.")
    finally:
        page.context.close()


@pytest.mark.parametrize("size", [-1, 3])
def test_the_hint_and_the_offline_line_fit_the_phone(
    browser: Browser, base: str, size: int
) -> None:
    from tests.portal.test_portal_browser import WIDE, violations
    from tests.reader.test_phone import SMALL_TARGETS

    page, _ = phone(browser, size=size, worker=False)
    try:
        page.goto(base, wait_until="networkidle")
        page.fill("#q", "nhaa vaan hoaa thonn")
        page.press("#q", "Enter")
        expect(page.locator(".langso-portal-results__hint")).to_have_text(
            "Có phải bạn muốn tìm: nha van hoa thon?"
        )
        wide = page.evaluate(WIDE)
        assert wide[0] <= 360 and wide[1] <= 360 and wide[2] == [], wide
        assert page.evaluate(SMALL_TARGETS) == []
        assert violations(page) == []
        page.route("**/tim/t/ch.json", lambda route: route.abort("internetdisconnected"))
        page.fill("#q", "chua")
        page.press("#q", "Enter")
        shows(page, OFFLINE)
        wide = page.evaluate(WIDE)
        assert wide[0] <= 360 and wide[1] <= 360 and wide[2] == [], wide
    finally:
        page.context.close()
