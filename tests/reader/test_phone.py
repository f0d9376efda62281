"""Every kind of page of the sample village on a 360 × 740 phone, at the smallest, default and
largest reader font size (A−, A, A+ pressed until it stops), in Chromium, served under the
site's sub-path with gzip as GitHub Pages serves it.

What an older reader on a cheap phone needs, page by page: nothing wider than the screen (no
sideways swipe), every control big enough for a finger (48 × 48 CSS px, the size Material
Design and Android's accessibility guidance give; a link inside a sentence, or with no other
target within that square, may be smaller: see ``SMALL_TARGETS``), the service page's call
button on the first screen, no axe-core violation, and a first load within 35 KB gzip
(photos aside) with no request to another host.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page

from tests.browser import first_visit

pytestmark = pytest.mark.browser  # skipped without Chromium, failed under CI: conftest.py

PREFIX = "/lang-so/"
PHONE = {"width": 360, "height": 740}
PAGES = {
    "home": "",
    "about": "lang-so/",
    "places": "dia-diem/",
    "landmark": "dia-diem/dinh-lang-la-thon/",
    "guides": "huong-dan/",
    "guide": "huong-dan/vneid-muc-1/",
    "directory": "danh-ba/",
    "category": "danh-ba/y-te/",
    "service": "danh-ba/tram-y-te-xa-yen-dinh/",
    "shop": "danh-ba/tap-hoa-mau-so-1-du-lieu-mau/",
    "search": "tim-kiem/?q=dinh+lang",
    "plaques": "bien-qr/",
    "not-found": "khong-co-trang-nay/",
}
SIZES = {"A-": -1, "A": 0, "A+max": 3}
"""Reader sizes as ``reader.js`` stores them (``MIN`` −1, ``MAX`` 3)."""
TAP = 48
BUDGET_BYTES = 35_000
INDEX = "/search-index.json"


@pytest.fixture(scope="module")
def base(sample_url: str) -> str:
    return sample_url


def phone(browser: Browser, size: int) -> BrowserContext:
    """A fresh phone whose reader chose ``size`` before (kept per site, as ``reader.js`` does)."""
    context = browser.new_context(
        viewport=PHONE,  # type: ignore[arg-type]
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    context.add_init_script(
        f"try{{localStorage.setItem('{PREFIX}langso.size','{size}')}}catch(e){{}}"
    )
    return context


@pytest.fixture(scope="module", params=list(SIZES), ids=list(SIZES))
def sized(request: pytest.FixtureRequest, browser: Browser) -> Iterator[tuple[str, Page]]:
    context = phone(browser, SIZES[request.param])
    page = context.new_page()
    yield request.param, page
    context.close()


def open_page(page: Page, base: str, kind: str) -> None:
    page.goto(base + PAGES[kind], wait_until="networkidle")


FONTS = {"16px": 16, "24px": 24}
"""The phone's own default text size: Chrome's 16 px, and 24 px for a reader who made the
phone's text larger (Android's font size / Chrome's text scaling)."""
NOW = dt.datetime(2026, 11, 30, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
"""The morning after the sample's storm warning (posted 29/11, expires 10/12)."""


@pytest.fixture(
    scope="module",
    params=[(f, s) for f in FONTS for s in SIZES],
    ids=[f"{f}-{s}" for f in FONTS for s in SIZES],
)
def fonted(request: pytest.FixtureRequest, browser: Browser) -> Iterator[tuple[str, Page]]:
    """A phone at each reader size, with the phone's default text at 16 px and at 24 px (set
    through the DevTools protocol, as the phone's setting does: ``rem`` and ``em`` media
    queries follow it), its clock on :data:`NOW`."""
    font, size = request.param
    context = phone(browser, SIZES[size])
    page = context.new_page()
    page.clock.set_fixed_time(NOW)
    if FONTS[font] != 16:
        cdp = context.new_cdp_session(page)
        px = FONTS[font]
        cdp.send("Page.setFontSizes", {"fontSizes": {"standard": px, "fixed": px}})
    yield f"{font} {size}", page
    context.close()


def inside_first_screen(page: Page, selector: str) -> Any:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], (selector, box)
    return box


def test_large_phone_text_keeps_the_answer_on_the_first_screen(
    fonted: tuple[str, Page], base: str
) -> None:
    """With the phone's text at 24 px, header, toolbar and offline offer took 360 of the 740
    px: the storm warning and the call button fell below the first screen."""
    label, page = fonted
    open_page(page, base, "home")
    inside_first_screen(page, "article .langso-news--urgent")
    open_page(page, base, "service")
    call = inside_first_screen(page, "article a.langso-action--call")
    assert call["height"] >= TAP and call["width"] >= TAP, (label, call)


def test_large_phone_text_keeps_the_chrome_readable_and_short(
    fonted: tuple[str, Page], base: str
) -> None:
    """The village's name whole (it read "L… s…" at 24 px), the toolbar in one row (it took
    two, "Chia sẻ" alone), the offline offer one thin band, every control a finger's size,
    nothing wider than the phone; the search box opens across the header when tapped."""
    label, page = fonted
    for kind in ("home", "service"):
        open_page(page, base, kind)
        page.locator("#langso-offline").wait_for(state="visible")
        name = page.locator(".md-header__topic .md-ellipsis").first
        assert name.evaluate(
            "e => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight + 1"
        ), (label, name.bounding_box())
        rows = page.evaluate(
            """() => new Set([...document.querySelectorAll('.langso-reader__button')]
              .map(b => Math.round(b.getBoundingClientRect().top))).size"""
        )
        assert rows == 1, label
        offer = page.locator("#langso-offline").bounding_box()
        assert offer is not None and offer["height"] <= 72, (label, offer)
        assert page.evaluate(SMALL_TARGETS) == [], (kind, label)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], label
    search = page.locator("#langso-search-input")
    before = search.bounding_box()
    search.tap()
    after = search.bounding_box()
    assert before is not None and after is not None
    if label.startswith("24px"):  # a 48 px magnifier, then the header's width
        assert before["width"] == pytest.approx(TAP, abs=0.5), (label, before)
        assert after["width"] >= PHONE["width"] * 0.8, (label, after)
    else:  # a box one can type in from the start
        assert before["width"] >= 100 and after["width"] >= 100, (label, before, after)


# Elements a finger must hit, visible and on the screen's width (Material's drawer sits off
# screen to the left until opened). Controls (buttons, fields, switches) are 48 × 48 at least.
# A link may be smaller where a finger cannot miss it: a line of a sentence (WCAG 2.2, 2.5.8,
# "inline" exception), or a link whose 48 × 48 square, centred on it, touches no other target
# (Lighthouse's "tap targets are sized and spaced appropriately" rule).
SMALL_TARGETS = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
    + 'label[for], [role=button], [tabindex]:not([tabindex="-1"])';
  const targets = [];
  for (const el of document.querySelectorAll(selector)) {
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    if (el.closest('[hidden], [aria-hidden=true]')) continue;
    // Shown only to a keyboard, on focus (the skip link, headings' permalinks): no finger
    // can tap what it cannot see.
    if (parseFloat(style.opacity) === 0) continue;
    // A text field's label: the field itself is the target.
    if (el.tagName === 'LABEL' && el.control && !['checkbox', 'radio'].includes(el.control.type))
      continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.right <= 0 || box.left >= innerWidth) continue;
    if (el.tagName === 'INPUT' && ['checkbox', 'radio'].includes(el.type)
        && box.width <= 1) continue;  // drawn by its label
    let inline = false;
    if (style.display === 'inline') {
      const block = el.parentElement.closest('p, li, td, th, dd, figcaption, blockquote');
      inline = !!block && block.textContent.trim().length > el.textContent.trim().length;
    }
    targets.push({el, box, inline, link: el.tagName === 'A'});
  }
  const near = (t, o) => {
    const cx = (t.box.left + t.box.right) / 2, cy = (t.box.top + t.box.bottom) / 2;
    const half = TAP / 2;
    return o.box.left < cx + half && o.box.right > cx - half
      && o.box.top < cy + half && o.box.bottom > cy - half;
  };
  const small = [];
  for (const t of targets) {
    if (t.box.width >= TAP - 0.5 && t.box.height >= TAP - 0.5) continue;
    if (t.inline) continue;
    if (t.link && !targets.some(o => o !== t && !o.el.contains(t.el) && !t.el.contains(o.el)
                                     && near(t, o))) continue;
    const name = (t.el.getAttribute('aria-label') || t.el.textContent || t.el.name || '').trim();
    small.push(`${t.el.tagName.toLowerCase()}.${t.el.className} "${name.slice(0, 30)}" `
      + `${Math.round(t.box.width)}x${Math.round(t.box.height)}`);
  }
  return small;
}""".replace("TAP", str(TAP))


@pytest.mark.parametrize("kind", list(PAGES))
def test_nothing_is_wider_than_the_phone(sized: tuple[str, Page], base: str, kind: str) -> None:
    size, page = sized
    open_page(page, base, kind)
    wide = page.evaluate(
        """() => {
          // Inside a box that scrolls sideways on its own (a wide table, as the theme
          // draws it): the page itself does not move.
          const scrolls = e => {
            for (let up = e.parentElement; up; up = up.parentElement) {
              if (['auto', 'scroll'].includes(getComputedStyle(up).overflowX)) return true;
            }
            return false;
          };
          return [document.documentElement.scrollWidth, document.body.scrollWidth,
            [...document.querySelectorAll('article *')]
              .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5
                           && getComputedStyle(e).position !== 'fixed'
                           && !e.closest('.md-sidebar')
                           && !scrolls(e))
              .slice(0, 3).map(e => e.tagName + '.' + e.className)];
        }"""
    )
    assert wide[0] <= PHONE["width"] and wide[1] <= PHONE["width"], (kind, size, wide)
    # Nothing sticks out either, clipped by an overflow: hidden somewhere above it.
    assert wide[2] == [], (kind, size, wide)


@pytest.mark.parametrize("kind", list(PAGES))
def test_every_control_is_big_enough_for_a_finger(
    sized: tuple[str, Page], base: str, kind: str
) -> None:
    size, page = sized
    open_page(page, base, kind)
    assert page.evaluate(SMALL_TARGETS) == [], (kind, size)


def test_the_service_page_calls_from_the_first_screen(sized: tuple[str, Page], base: str) -> None:
    size, page = sized
    open_page(page, base, "service")
    call = page.locator("article a.langso-action--call").first
    box = call.bounding_box()
    assert box is not None, size
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], (size, box)
    assert box["height"] >= TAP and box["width"] >= TAP, (size, box)
    assert call.inner_text().strip().startswith("Gọi"), call.inner_text()


def test_the_home_page_calls_emergency_numbers_from_the_first_screen(
    sized: tuple[str, Page], base: str
) -> None:
    """With an urgent notice up (the sample's storm warning), it is the first thing under the
    title and the numbers come right after it: at A+ max the notice fills the first screen and
    the numbers are the next thing; otherwise both are on it (issue 15)."""
    size, page = sized
    open_page(page, base, "home")
    calls = page.locator("article a.langso-call")
    assert calls.count() == 3, size
    urgent = page.locator(".langso-news--urgent .langso-news__item:visible")
    after = None
    if urgent.count():
        box = urgent.last.bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE["height"], (size, box)
        after = box["y"] + box["height"]
        sos = page.locator(".langso-sos").bounding_box()
        assert sos is not None and 0 <= sos["y"] - after <= 40, (size, sos, after)
    for index in range(3):
        box = calls.nth(index).bounding_box()
        assert box is not None, size
        if after is None or size != "A+max":
            assert box["y"] + box["height"] <= PHONE["height"], (size, box)
    assert [calls.nth(i).get_attribute("href") for i in range(3)] == [
        "tel:113",
        "tel:114",
        "tel:115",
    ]


def test_the_emergency_page_puts_its_numbers_first_as_buttons(
    sized: tuple[str, Page], base: str
) -> None:
    """Someone in a panic opens this page: the first number on the first screen, every
    number a finger's size."""
    size, page = sized
    page.goto(base + "huong-dan/so-khan-cap/", wait_until="networkidle")
    calls = page.locator('article li a[href^="tel:"]')
    assert calls.count() == 5, size
    first = calls.first.bounding_box()
    assert first is not None and first["y"] + first["height"] <= PHONE["height"], (size, first)
    for index in range(5):
        box = calls.nth(index).bounding_box()
        assert box is not None and box["width"] >= TAP and box["height"] >= TAP, (size, box)


def test_a_phone_number_never_breaks_inside(sized: tuple[str, Page], base: str) -> None:
    """Each number is read on one line: a number split over two lines gets dialled wrong."""
    size, page = sized
    for kind in ("directory", "service", "home"):
        open_page(page, base, kind)
        broken = page.evaluate(
            """() => [...document.querySelectorAll('article a[href^="tel:"]')]
              .filter(a => {
                const digits = [...a.childNodes].filter(n => n.nodeType === 3)
                  .map(n => n.textContent).join('').match(/[0-9][0-9 .]*[0-9]/g) || [];
                const range = document.createRange();
                for (const node of a.childNodes) {
                  if (node.nodeType !== 3 || !/[0-9]/.test(node.textContent)) continue;
                  range.selectNodeContents(node);
                  const tops = new Set([...range.getClientRects()]
                    .filter(r => r.width > 0).map(r => Math.round(r.top)));
                  if (tops.size > 1) return true;
                }
                return false;
              }).map(a => a.textContent.trim())"""
        )
        assert broken == [], (kind, size, broken)


AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "rules": {"label-content-name-mismatch": {"enabled": True}},
}


def violations(page: Page) -> list[str]:
    results: Any = Axe().run(page, options=AXE_OPTIONS)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("kind", list(PAGES))
def test_axe_finds_nothing_at_the_largest_size(browser: Browser, base: str, kind: str) -> None:
    """Every rule axe-core runs by default, not only the serious ones, at A+ max (where text
    overlaps or clips first) and again at the default size."""
    context = phone(browser, SIZES["A+max"])
    page = context.new_page()
    try:
        open_page(page, base, kind)
        found = {"A+max": violations(page)}
        page.evaluate(f"localStorage.setItem('{PREFIX}langso.size', '0')")
        open_page(page, base, kind)
        found["A"] = violations(page)
        assert {size: v for size, v in found.items() if v} == {}, kind
    finally:
        context.close()


@pytest.mark.parametrize("kind", list(PAGES))
def test_first_load_is_small_and_from_the_site_only(browser: Browser, base: str, kind: str) -> None:
    """Bytes on the wire (compressed bodies and headers, ``encodedDataLength``) of everything
    the first visit loads but images (photos load lazily and are weighed apart) and, on the
    search page, the search index: the data the reader asked for by searching, which grows
    with the site (``build_tools/benchmark.py`` weighs it); every other page loads it only
    when the reader starts typing."""
    requested, received, page = first_visit(
        browser, base + PAGES[kind], base, PHONE, leave_out=(INDEX,) if kind == "search" else ()
    )
    try:
        assert received <= BUDGET_BYTES, (kind, received, requested)
    finally:
        page.context.close()


CONTRAST = """selector => [...document.querySelectorAll(selector)].map(el => {
  const rgb = c => c.match(/[0-9.]+/g).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  let back = el, bg = 'rgba(0, 0, 0, 0)';
  while (back && /rgba\\(.*, 0\\)$/.test(bg = getComputedStyle(back).backgroundColor))
    back = back.parentElement;
  const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(rgb(bg))];
  return [el.textContent.trim().slice(0, 20),
          (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
})"""
BUTTONS = {
    "home": "a.langso-call",
    "service": "a.langso-action--call",
    "guide": "a.langso-help__call",
}


@pytest.mark.parametrize("kind", list(BUTTONS))
def test_high_contrast_makes_buttons_clearer_not_fainter(
    browser: Browser, base: str, kind: str
) -> None:
    """The contrast switch (◐) is pressed by those who see worst: every filled button reads
    at 7:1 at least (WCAG 2.1 AAA, 1.4.6) once it is on."""
    context = phone(browser, 0)
    context.add_init_script(
        f"try{{localStorage.setItem('{PREFIX}langso.contrast','1')}}catch(e){{}}"
    )
    page = context.new_page()
    try:
        open_page(page, base, kind)
        assert page.evaluate("document.documentElement.classList.contains('langso-contrast')")
        selector = BUTTONS[kind]
        found = page.evaluate(CONTRAST, selector)
        assert found, (kind, selector)
        assert [(text, round(ratio, 1)) for text, ratio in found if ratio < 7] == [], kind
    finally:
        context.close()
