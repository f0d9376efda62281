"""The sample's directory on a 360 × 740 phone in Chromium, at A−, A and A+ max: the service
page's call button on the first screen, every action a finger can hit, nothing wider than the
screen, phone numbers never broken over two lines, and the VietQR account number copied."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.browser import launch

pytestmark = pytest.mark.browser

PREFIX = "/lang-so/"
PHONE = {"width": 360, "height": 740}
SIZES = {"A-": -1, "A": 0, "A+max": 3}
"""Reader sizes as ``reader.js`` stores them (``build_tools/screenshots.py``)."""
SERVICE = "danh-ba/tram-y-te-xa-yen-dinh/"
SHOP = "danh-ba/tap-hoa-mau-so-1-du-lieu-mau/"
LISTS = ["danh-ba/", "danh-ba/y-te/", "danh-ba/thanh-toan-vietqr/"]
TAP = 48


@pytest.fixture(scope="module")
def base(sample_url: str) -> str:
    return sample_url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(params=list(SIZES), ids=list(SIZES))
def phone(request: pytest.FixtureRequest, browser: Browser, base: str) -> Iterator[Page]:
    context = browser.new_context(
        viewport=PHONE,  # type: ignore[arg-type]
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    size = SIZES[request.param]
    context.add_init_script(
        f"try{{localStorage.setItem('{PREFIX}langso.size','{size}')}}catch(e){{}}"
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.split(PREFIX)[0])
    page = context.new_page()
    yield page
    context.close()


def open_page(page: Page, base: str, path: str) -> None:
    page.goto(base + path, wait_until="networkidle")


def test_every_action_is_on_the_first_screen(phone: Page, base: str) -> None:
    open_page(phone, base, SERVICE)
    boxes = phone.eval_on_selector_all(
        "article .langso-actions a",
        "els => els.map(e => { const r = e.getBoundingClientRect();"
        " return [e.textContent.trim(), r.top, r.bottom, r.width, r.height]; })",
    )
    assert [text for text, *_ in boxes] == [
        "Gọi 0300 000 004",
        "Chỉ đường",
        "Lưu vào danh bạ",
    ]
    for text, top, bottom, width, height in boxes:
        assert top >= 0 and bottom <= PHONE["height"], (text, top, bottom)
        assert width >= TAP and height >= TAP, (text, width, height)


@pytest.mark.parametrize("path", [SERVICE, SHOP, *LISTS])
def test_nothing_is_wider_than_the_phone(phone: Page, base: str, path: str) -> None:
    open_page(phone, base, path)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], (path, width)
    wide = phone.evaluate(
        "[...document.querySelectorAll('article *')]"
        ".filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)"
        ".map(e => e.tagName + '.' + e.className).slice(0, 3)"
    )
    assert wide == [], path


@pytest.mark.parametrize("path", [SERVICE, *LISTS])
def test_no_phone_number_breaks_inside(phone: Page, base: str, path: str) -> None:
    """Each number (a ``tel:`` link's digits) sits on one line: its text has one line box."""
    open_page(phone, base, path)
    broken = phone.evaluate(
        """() => [...document.querySelectorAll('article a[href^="tel:"]')].filter(a => {
             const number = a.querySelector('.langso-tel') || a;
             const range = document.createRange();
             range.selectNodeContents(number);
             const tops = new Set([...range.getClientRects()].filter(r => r.width > 0)
               .map(r => Math.round(r.top)));
             return tops.size !== 1;
           }).map(a => a.textContent.trim())"""
    )
    assert broken == [], path
    # And never can: wherever a number lands on a line, it has no break opportunity.
    wrapping = phone.evaluate(
        """() => [...document.querySelectorAll('article a[href^="tel:"]')]
             .map(a => a.querySelector('.langso-tel') || a)
             .filter(n => getComputedStyle(n).whiteSpace !== 'nowrap')
             .map(n => n.textContent.trim())"""
    )
    assert wrapping == [], path
    cards = phone.eval_on_selector_all(
        "article li.langso-card > a",
        "els => els.map(e => [e.textContent.trim(), e.getBoundingClientRect().width,"
        " e.getBoundingClientRect().height])",
    )
    assert [c for c in cards if c[1] < TAP or c[2] < TAP] == [], path


def test_the_account_number_is_copied(phone: Page, base: str) -> None:
    open_page(phone, base, SHOP)
    button = phone.get_by_role("button", name="Chép số tài khoản")
    assert button.is_visible()
    box = button.bounding_box()
    assert box is not None and box["height"] >= TAP and box["width"] >= TAP
    button.click()
    status = phone.locator(".langso-copy__status")
    status.filter(has_text="Đã chép").wait_for()
    assert status.inner_text() == (
        "Đã chép số tài khoản 0000000000001. Mở ứng dụng ngân hàng, chọn chuyển tiền rồi dán"
        " số này."
    )
    assert phone.evaluate("navigator.clipboard.readText()") == "0000000000001"


def test_without_javascript_nothing_misleads(browser: Browser, base: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)  # type: ignore[arg-type]
    try:
        page = context.new_page()
        open_page(page, base, SHOP)
        assert page.locator(".langso-copy").is_hidden()  # a button that cannot work
        assert page.locator("p.langso-open").is_hidden()  # no badge the script did not fill
        assert page.locator(".langso-account").inner_text() == "0000000000001"
        call = page.locator("article .langso-actions a").first.bounding_box()
        assert call is not None and call["y"] + call["height"] <= PHONE["height"]
    finally:
        context.close()
