"""The sample's home page and index cards in Chromium on a 360 × 740 phone at A−, A and A+ max:
nothing wider than the screen, tiles and call buttons at least 48 × 48 px, the emergency call
buttons on the first screen at the default size."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import launch, serve
from tests.conftest import REPO, build_site

pytestmark = pytest.mark.browser  # skipped without Chromium, failed under CI: conftest.py

from playwright.sync_api import Browser, ViewportSize, sync_playwright  # noqa: E402

PREFIX = "/lang-so/"
VIEWPORT: ViewportSize = {"width": 360, "height": 740}
PAGES = ("", "dia-diem/", "huong-dan/")


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("home") / "site"
    result = build_site(REPO, site_dir=site, strict=False)
    assert result.ok, result.text()
    with serve(site, PREFIX) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


BOXES = """sel => [...document.querySelectorAll(sel)].map(e => {
  const r = e.getBoundingClientRect();
  return [e.getAttribute('href'), r.left, r.top, r.width, r.height];
})"""


@pytest.mark.parametrize("size", [-1, 0, 3])
def test_home_and_index_pages_fit_a_phone(browser: Browser, site_url: str, size: int) -> None:
    context = browser.new_context(viewport=VIEWPORT, is_mobile=True, has_touch=True)
    key = f"{PREFIX}langso.size"
    context.add_init_script(f"try{{localStorage.setItem('{key}','{size}')}}catch(e){{}}")
    page = context.new_page()
    try:
        for path in PAGES:
            page.goto(site_url + path, wait_until="load")
            shown = page.evaluate("document.documentElement.getAttribute('data-langso-size')")
            assert shown == (str(size) if size else shown)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= VIEWPORT["width"], (path, size, width)
        page.goto(site_url, wait_until="load")
        calls = page.evaluate(BOXES, "a.langso-call")
        tiles = page.evaluate(BOXES, "a.langso-tile")
        assert [c[0] for c in calls] == ["tel:113", "tel:114", "tel:115"]
        # issue 15: the notices and the calendar have their tiles too
        assert [t[0] for t in tiles] == [
            "danh-ba/",
            "dia-diem/",
            "ban-do/",
            "huong-dan/",
            "thong-bao/",
            "lich/",
        ]
        for href, left, _top, w, h in calls + tiles:
            assert w >= 48 and h >= 48, (href, w, h)
            assert left >= 0 and left + w <= VIEWPORT["width"], (href, left, w)
        if size == 0:
            assert all(top + h <= VIEWPORT["height"] for _, _, top, _, h in calls), calls
        cards = page.evaluate(BOXES, "a.langso-card__link")
        assert cards == []  # the home page has tiles, not cards
        page.goto(site_url + "dia-diem/", wait_until="load")
        images = page.evaluate(
            "[...document.querySelectorAll('.langso-card img')].map(i => [i.getAttribute('src'),"
            " i.getAttribute('width'), i.getAttribute('height'), i.getAttribute('loading')])"
        )
        assert [i[0] for i in images] == [
            "../anh/dinh-lang-la-thon.webp",
            "../anh/dinh-bia-ky-lang-yen-dinh.webp",
            "../anh/dinh-den-lang-yen-hoanh.webp",
        ]
        assert all(i[1] and i[2] and i[3] == "lazy" for i in images)
    finally:
        context.close()


def test_the_sample_pictures_are_small_illustrations() -> None:
    pictures = sorted((REPO / "content" / "anh").glob("*.webp"))
    assert [p.name for p in pictures] == [
        "dinh-bia-ky-lang-yen-dinh.webp",
        "dinh-den-lang-yen-hoanh.webp",
        "dinh-lang-la-thon.webp",
        "la-thon.webp",
    ]
    assert all(p.stat().st_size <= 40_000 for p in pictures)
    for name in pictures[:3]:
        page = (REPO / "content" / "dia-diem" / name.with_suffix(".md").name).read_text("utf-8")
        assert "![Tranh minh họa: " in page and f"(../anh/{name.name})" in page
    assert Path(REPO / "content" / "village.yml").read_text("utf-8").count("anh_la_tranh: 'có'")
