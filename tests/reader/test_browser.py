"""The reader controls in a real browser (Chromium via Playwright), on a site served under its
sub-path: font size and contrast applied before the first paint and remembered, keyboard use,
the share button, Material's script loaded only on the first interaction."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import launch, serve
from tests.conftest import BUILD_DAY, build_site
from tests.reader.sites import reader_site

pytestmark = pytest.mark.browser  # skipped without Chromium, failed under CI: conftest.py

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

PREFIX = "/lang-phu-my/"
PLACE = "dia-diem/dinh-lang-phu-my/"
BUNDLE = "assets/javascripts/bundle."
CANONICAL = f"https://example.github.io{PREFIX}{PLACE}"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from tests.conftest import copy_site

    base = tmp_path_factory.mktemp("reader")

    def make_site(
        files: dict[str, str | None] | None = None, config: dict[str, object] | None = None
    ) -> Path:
        return copy_site(base / "src", "minimal", files, config)

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_DAY)
        result = build_site(reader_site(make_site))
    assert result.ok, result.text()
    with serve(result.site_dir) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="vi-VN", viewport={"width": 360, "height": 740})
    try:
        yield context.new_page()
    finally:
        context.close()


def font_size(page: Page) -> float:
    value = page.evaluate("getComputedStyle(document.querySelector('article > p')).fontSize")
    return float(value.removesuffix("px"))


# Records <html>'s state when <body> starts: what the reader sees at the first paint.
AT_BODY = """
new MutationObserver((_, observer) => {
  if (!document.body) return;
  const html = document.documentElement;
  window.atBody = {size: html.getAttribute('data-langso-size'),
                   contrast: html.classList.contains('langso-contrast')};
  observer.disconnect();
}).observe(document, {childList: true, subtree: true});
"""


def test_font_size_grows_and_is_remembered_before_the_first_paint(
    page: Page, site_url: str
) -> None:
    page.add_init_script(AT_BODY)
    page.goto(site_url + PLACE)
    assert font_size(page) == 18  # at least 18 px: Material's 16 px made larger
    note = "getComputedStyle(document.querySelector('.admonition p')).fontSize"
    assert page.evaluate(note) == "18px"  # Material's notes are 12.8 px
    page.get_by_role("button", name="A+ chữ to hơn").click()
    page.get_by_role("button", name="A+ chữ to hơn").click()
    assert font_size(page) == pytest.approx(18 * 1.4)
    page.reload()
    assert page.evaluate("window.atBody") == {"size": "2", "contrast": False}
    assert font_size(page) == pytest.approx(18 * 1.4)
    page.goto(site_url)  # another page of the same site
    assert font_size(page) == pytest.approx(18 * 1.4)
    page.get_by_role("button", name="A cỡ chữ mặc định").click()
    assert font_size(page) == 18
    page.get_by_role("button", name="A− chữ nhỏ hơn").click()
    page.get_by_role("button", name="A− chữ nhỏ hơn").click()  # stops at the smallest step
    assert font_size(page) == pytest.approx(18 * 0.9)
    for _ in range(6):
        page.get_by_role("button", name="A+ chữ to hơn").click()
    assert font_size(page) == pytest.approx(18 * 1.6)


def test_high_contrast_is_black_on_white_with_underlined_links(page: Page, site_url: str) -> None:
    page.add_init_script(AT_BODY)
    page.goto(site_url + PLACE)
    switch = page.get_by_role("button", name="Tương phản cao")
    assert switch.get_attribute("aria-pressed") == "false"
    switch.click()
    assert switch.get_attribute("aria-pressed") == "true"
    style = page.evaluate(
        """() => {
          const p = getComputedStyle(document.querySelector('article > p'));
          const a = getComputedStyle(document.querySelector('article > p a'));
          const body = getComputedStyle(document.body);
          return [p.color, body.backgroundColor, a.color, a.textDecorationLine];
        }"""
    )
    assert style == ["rgb(0, 0, 0)", "rgb(255, 255, 255)", "rgb(0, 0, 0)", "underline"]
    page.reload()
    assert page.evaluate("window.atBody") == {"size": None, "contrast": True}
    assert switch.get_attribute("aria-pressed") == "true"
    switch.click()
    assert page.evaluate("document.documentElement.classList.contains('langso-contrast')") is False


def test_high_contrast_on_the_dark_scheme_is_white_on_black(page: Page, site_url: str) -> None:
    page.goto(site_url + PLACE)
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    page.get_by_role("button", name="Tương phản cao").click()
    colours = page.evaluate(
        "[getComputedStyle(document.querySelector('article > p')).color,"
        " getComputedStyle(document.body).backgroundColor]"
    )
    assert colours == ["rgb(255, 255, 255)", "rgb(0, 0, 0)"]


def test_keyboard_reaches_the_buttons(page: Page, site_url: str) -> None:
    page.goto(site_url + PLACE)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('aria-label')") == "A+ chữ to hơn":
            break
    else:
        pytest.fail("Tab never reached A+")
    page.keyboard.press("Enter")
    assert font_size(page) == pytest.approx(18 * 1.2)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.getAttribute('aria-pressed')") == "true"


def test_share_uses_the_system_share_sheet(page: Page, site_url: str) -> None:
    page.add_init_script(
        "window.shared = []; navigator.share = (data) => {"
        " window.shared.push(data); return Promise.resolve(); };"
    )
    page.goto(site_url + PLACE)
    page.get_by_role("button", name="Chia sẻ").click()
    assert page.evaluate("window.shared") == [
        {"title": "Đình làng Phú Mỹ - Làng Phú Mỹ (thử)", "url": CANONICAL}
    ]


def test_share_copies_the_link_without_a_share_sheet(page: Page, site_url: str) -> None:
    page.add_init_script(
        "Object.defineProperty(Navigator.prototype, 'share', {value: undefined});"
        "window.copied = [];"
        "Object.defineProperty(navigator, 'clipboard', {value: {writeText: (text) => {"
        " window.copied.push(text); return Promise.resolve(); }}});"
    )
    page.goto(site_url + PLACE)
    page.get_by_role("button", name="Chia sẻ").click()
    page.get_by_role("status").filter(has_text="Đã chép liên kết").wait_for()
    assert page.evaluate("window.copied") == [CANONICAL]


def test_without_javascript_the_page_reads_and_the_toolbar_is_hidden(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + PLACE)
        assert font_size(page) == 18
        assert page.locator(".langso-reader").is_hidden()
        assert page.locator("[data-langso-share]").is_hidden()
    finally:
        context.close()


def test_material_script_waits_for_the_first_interaction(page: Page, site_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + PLACE)
    page.wait_for_load_state("networkidle")
    assert not [url for url in requests if BUNDLE in url]
    with page.expect_request(lambda request: BUNDLE in request.url):
        page.locator("article > p").first.click()
    page.wait_for_function("() => window.document$ !== undefined")
    assert len([url for url in requests if BUNDLE in url]) == 1
    # Material started although DOMContentLoaded was long past.
    started = page.evaluate(
        """() => Promise.race([
             new Promise(resolve => window.document$.subscribe(() => resolve(true))),
             new Promise(resolve => setTimeout(() => resolve(false), 3000))])"""
    )
    assert started is True
    assert page.evaluate("document.documentElement.classList.contains('js')") is True
    page.mouse.wheel(0, 300)
    page.keyboard.press("Tab")
    page.wait_for_load_state("networkidle")
    assert len([url for url in requests if BUNDLE in url]) == 1


def test_the_menu_opens_without_material_script(page: Page, site_url: str) -> None:
    page.route(f"**/{BUNDLE}*", lambda route: route.abort())
    page.goto(site_url + PLACE)
    drawer = page.locator("nav.md-nav--primary")
    assert not drawer.is_visible() or not drawer.bounding_box() or drawer.bounding_box()["x"] < 0
    page.locator("label.md-header__button[for='__drawer']").click()
    assert page.evaluate("document.getElementById('__drawer').checked") is True
    page.wait_for_timeout(400)  # the drawer slides in (CSS transition)
    box = drawer.bounding_box()
    assert box is not None and box["x"] >= 0 and box["width"] > 100
    assert page.evaluate("document.documentElement.classList.contains('js')") is False
