"""What a reader's phone gets on the first visit of each kind of page of the sample village,
measured in a real browser (Chromium via Playwright) on the site served under its sub-path with
gzip, as GitHub Pages serves it: the bytes and requests, no third-party host, text readable
without any script, the critical CSS drawing exactly what the full stylesheets draw, no serious
or critical axe-core violation, and the 404 page styled at any depth."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from PIL import Image, ImageChops
from playwright.sync_api import Browser, Page

from tests.browser import first_visit as shared_first_visit

pytestmark = pytest.mark.browser  # skipped without Chromium, failed under CI: conftest.py

PREFIX = "/lang-so/"
PAGES = {
    "home": "",
    "landmark": "dia-diem/dinh-lang-la-thon/",
    "guide": "huong-dan/vneid-muc-1/",
    "directory": "danh-ba/",
    "service": "danh-ba/tram-y-te-xa-yen-dinh/",
    "plaques": "bien-qr/",
    "404": "khong-co-trang-nay/",
}
BUDGET_BYTES = 35_000
# Material's indigo header: the theme's own colour, so the page is styled as the theme means.
HEADER_COLOUR = "rgb(64, 81, 181)"
PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def base(sample_url: str) -> str:
    return sample_url


def first_visit(browser: Browser, url: str) -> tuple[list[str], int, Page]:
    """:func:`tests.browser.first_visit` of ``url`` on a phone, the site under ``PREFIX``."""
    return shared_first_visit(browser, url, url[: url.index(PREFIX) + len(PREFIX)], PHONE)


@pytest.mark.parametrize("kind", list(PAGES))
def test_first_load_fits_the_budget_with_no_third_party_request(
    browser: Browser, base: str, kind: str
) -> None:
    requested, received, page = first_visit(browser, base + PAGES[kind])
    try:
        assert received <= BUDGET_BYTES, (kind, received, requested)
        # The theme's script and full stylesheet wait for the first interaction.
        assert not [u for u in requested if "/bundle." in u or "/stylesheets/main." in u]
        assert len(requested) <= 8, requested
        page.evaluate("window.langsoLoadTheme()")
        page.wait_for_function("() => window.document$ !== undefined")
        # The inline CSS goes once the full stylesheets have loaded, which may be after the
        # theme's script has run: wait for it rather than race it.
        page.wait_for_function(
            "() => !document.querySelector('style[data-langso-critical]')", timeout=10_000
        )
        assert page.evaluate(
            "[...document.styleSheets].some(s => (s.href || '').includes('/stylesheets/main.'))"
        )
    finally:
        page.context.close()


@pytest.mark.parametrize("kind", ["home", "landmark", "service"])
def test_text_is_readable_and_styled_before_any_script(
    browser: Browser, base: str, kind: str
) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.route("**/*.js", lambda route: route.abort())
        page.goto(base + PAGES[kind])
        heading = page.locator("article h1")
        assert heading.is_visible() and heading.inner_text().strip()
        header = page.locator("header.md-header")
        assert header.evaluate("e => getComputedStyle(e).backgroundColor") == HEADER_COLOUR
        # The first paragraph of prose: not the service page's open-now badge (empty until its
        # script fills it) nor its sample-data note, which are smaller on purpose.
        prose = page.locator("article p:not([class])").filter(has_text=re.compile(r"\w")).first
        size = prose.evaluate("e => getComputedStyle(e).fontSize")
        assert float(size.removesuffix("px")) >= 18  # body text at a comfortable size
    finally:
        context.close()


def screenshot(page: Page) -> Image.Image:
    """The whole page once every image has loaded (lazy ones, the plaques' QR codes, otherwise
    arrive whenever the browser gets to them, in one screenshot and not the other) and the
    offline offer has settled (shown once its worker is registered, some time after ``load``).

    Taken in a viewport as tall as the page rather than with ``full_page``: Chromium draws the
    part beyond the viewport anew for each such capture, and the edges of boxes at fractional
    positions (the home page's call buttons and tiles, a third of the column each) come out
    anti-aliased differently from one capture of the same page to the next."""
    page.evaluate(
        "document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')"
    )
    page.wait_for_function("[...document.images].every(i => i.complete)")
    page.wait_for_function(
        "!document.documentElement.classList.contains('langso-offer')"
        " || !document.getElementById('langso-offline').hidden"
    )
    viewport = page.viewport_size
    assert viewport is not None
    height = page.evaluate("document.documentElement.scrollHeight")
    page.set_viewport_size({"width": viewport["width"], "height": height})
    try:
        return Image.open(io.BytesIO(page.screenshot(animations="disabled")))
    finally:
        page.set_viewport_size(viewport)


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 900}], ids=["phone", "pc"])
def test_critical_css_draws_what_the_full_stylesheets_draw(
    browser: Browser, base: str, viewport: dict[str, int]
) -> None:
    context = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
    page = context.new_page()
    # Only the stylesheets: the theme's script changes the page on its own (tables, header).
    # Routed for the whole context: the offline worker, which controls the page as soon as the
    # home page has loaded, fetches and serves the script itself, past any route of the page.
    context.route("**/javascripts/bundle.*", lambda route: route.abort())
    try:
        for kind, path in PAGES.items():
            page.goto(base + path, wait_until="load")
            before = screenshot(page).convert("RGB")
            page.evaluate("window.langsoLoadTheme()")
            page.wait_for_function("() => !document.querySelector('style[data-langso-critical]')")
            loaded = page.evaluate(
                "[...document.styleSheets].filter(s => s.href).map(s => s.href.split('/').pop())"
            )
            assert any(name.startswith("main.") for name in loaded), loaded
            assert page.evaluate("window.document$ === undefined"), kind  # no theme script
            after = screenshot(page).convert("RGB")
            assert before.size == after.size, kind
            # Anti-aliasing may differ by a level or two; a missing rule changes far more.
            worst = max(high for _, high in ImageChops.difference(before, after).getextrema())
            assert worst <= 8, (kind, ImageChops.difference(before, after).getbbox())
    finally:
        context.close()


# Experimental in the bundled axe-core, on by default in newer ones: visible text of a control
# must be part of its accessible name.
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "rules": {"label-content-name-mismatch": {"enabled": True}},
}


def serious_violations(page: Page) -> list[str]:
    results: Any = Axe().run(page, options=AXE_OPTIONS)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_axe_finds_no_serious_violation(browser: Browser, base: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        found = {}
        for kind, path in PAGES.items():
            page.goto(base + path, wait_until="load")
            found[kind] = serious_violations(page)
            # Again with the theme's script and full stylesheets, after a first interaction.
            page.evaluate("window.langsoLoadTheme()")
            page.wait_for_function("() => window.document$ !== undefined")
            found[kind + " (interactive)"] = serious_violations(page)
        assert {kind: v for kind, v in found.items() if v} == {}
    finally:
        context.close()


@pytest.mark.parametrize("path", ["khong-co-trang-nay/", "dia-diem/sai/ten/trang/", "a/b/c/d.html"])
def test_404_page_is_styled_and_links_home_at_any_depth(
    browser: Browser, base: str, path: str
) -> None:
    """C-10: the host answers any missing path with the same 404.html."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 and r.url != url else 0)
    try:
        url = base + path
        response = page.goto(url, wait_until="networkidle")
        assert response is not None and response.status == 404
        assert failed == []
        header = page.locator("header.md-header")
        assert header.evaluate("e => getComputedStyle(e).backgroundColor") == HEADER_COLOUR
        assert page.locator("article h1").inner_text().strip() == "Không tìm thấy trang"
        assert page.title() == "Không tìm thấy trang - Làng số Là Thôn"
        for home in (page.locator("a.md-header__button.md-logo"), page.get_by_text("Về trang chủ")):
            assert home.evaluate("a => a.href") == base
        page.get_by_text("Về trang chủ").click()
        page.wait_for_url(base)
        assert page.locator("article h1").inner_text().strip() != "Không tìm thấy trang"
    finally:
        context.close()
