"""Where the offline offer shows and what a reader without signal is told, in Chromium on a
360 × 740 phone: the offer under the toolbar as soon as the worker is registered (no waiting
timer), nothing moving when it appears, its question in view; without signal, a page of the site
not saved yet is told apart from an address that is no page of the site."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from tests.browser import launch, serve
from tests.conftest import FIXTURE_SITES, build_site
from tests.offline.test_browser import CONTROLLED, SAVED, until
from tests.offline.test_build import PLUGINS

pytestmark = pytest.mark.browser  # skipped without Chromium, failed under CI: conftest.py

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright  # noqa: E402

PHONE = {"width": 360, "height": 740}
PLACE = "dia-diem/dinh-lang-phu-my/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The minimal site with the reader's toolbar and the offline plugin, served."""
    root = tmp_path_factory.mktemp("offer") / "src"
    shutil.copytree(FIXTURE_SITES / "minimal", root)
    data = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    data["plugins"] = [*PLUGINS[:-1], "langso/reader", "langso/offline"]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    result = build_site(root)
    assert result.ok, result.text()
    with serve(result.site_dir) as url:
        yield result.site_dir, url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(
        viewport=PHONE,  # type: ignore[arg-type]
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="vi-VN",
    )
    # Where the article's title is at the first paint (the inline styles have applied).
    context.add_init_script(
        "document.addEventListener('DOMContentLoaded', () => {"
        " window.__titleTop = document.querySelector('article h1').getBoundingClientRect().top;"
        "});"
    )
    try:
        yield context
    finally:
        context.close()


def open_page(page: Page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.ok, url


def test_the_offer_shows_under_the_toolbar_at_once_and_moves_nothing(
    context: BrowserContext, site: Any
) -> None:
    _, base = site
    page = context.new_page()
    # Timers stand still (the clock stops at one second): an offer that waited for a timer
    # would never show.
    page.clock.install(time=0)
    page.clock.pause_at(1)
    open_page(page, base + PLACE)
    box = page.locator("#langso-offline")
    box.wait_for(state="visible")
    assert page.evaluate("Date.now()") == 1000
    offer = box.bounding_box()
    toolbar = page.locator(".langso-reader").bounding_box()
    title = page.locator("article h1").bounding_box()
    assert offer is not None and toolbar is not None and title is not None
    assert toolbar["y"] + toolbar["height"] <= offer["y"] + 1
    assert offer["y"] + offer["height"] <= title["y"]
    assert offer["y"] + offer["height"] <= PHONE["height"]  # on the first screen
    # The title did not move when the offer appeared: its place was kept.
    assert page.evaluate("window.__titleTop") == pytest.approx(title["y"], abs=0.5)
    save = box.get_by_role("button", name="Lưu để đọc khi mất mạng").bounding_box()
    assert save is not None and save["height"] >= 48
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_question_opens_in_view(context: BrowserContext, site: Any) -> None:
    site_dir, base = site
    label = json.loads((site_dir / "assets/langso/offline.json").read_text("utf-8"))["total_label"]
    page = context.new_page()
    open_page(page, base + PLACE)
    box = page.locator("#langso-offline")
    box.get_by_role("button", name="Lưu để đọc khi mất mạng").click()
    status = box.locator("[aria-live=polite]")
    status.filter(has_text="nặng khoảng").wait_for()
    for part in (status, box.get_by_role("button", name=f"Lưu {label}")):
        where = part.bounding_box()
        assert where is not None
        assert where["y"] >= 0 and where["y"] + where["height"] <= PHONE["height"]


def test_put_off_the_offer_waits_at_the_end_of_later_pages(
    context: BrowserContext, site: Any
) -> None:
    _, base = site
    page = context.new_page()
    open_page(page, base + PLACE)
    box = page.locator("#langso-offline")
    box.get_by_role("button", name="Để sau").click()
    assert box.is_hidden()
    open_page(page, base)
    box.wait_for(state="visible")
    assert page.evaluate("document.getElementById('langso-offline').closest('article') !== null")
    assert page.evaluate("document.documentElement.classList.contains('langso-offer')") is False


def test_without_signal_a_missing_address_is_not_called_unsaved(
    context: BrowserContext, site: Any
) -> None:
    _, base = site
    page = context.new_page()
    open_page(page, base + PLACE)
    until(page, CONTROLLED)
    until(page, SAVED, base + PLACE)
    page.locator("#langso-offline").get_by_role("button", name="Lưu để đọc khi mất mạng").click()
    box = page.locator("#langso-offline")
    box.locator("button.langso-offline__yes").filter(has_text="Lưu ").click()
    box.locator("[aria-live=polite]").filter(has_text="Đã lưu xong").wait_for()
    context.set_offline(True)
    # An address that is no page of the site.
    response = page.goto(base + "khong-co-trang-nay/")
    assert response is not None and response.status == 404
    assert page.locator("h1").inner_text() == "Không có trang này trong bản đã lưu"
    assert "chưa được lưu" not in page.locator("body").inner_text()
    links = page.locator("main a")
    assert links.evaluate_all("all => all.map(a => [a.textContent, a.href])") == [
        ["Về trang chủ Làng Phú Mỹ (thử)", base],
        ["Tìm trong sổ tay", base + "tim-kiem/"],
    ]
    links.first.click()
    page.wait_for_url(base)
    assert page.locator("article h1").count() == 1  # the saved home page
    # A saved page written without its final "/" opens too.
    response = page.goto(base + PLACE.rstrip("/"))
    assert response is not None and response.ok
    assert page.locator("article h1").inner_text() == "Đình làng Phú Mỹ"


def test_without_signal_an_unsaved_page_and_a_plaque_address_are_not_saved_yet(
    context: BrowserContext, site: Any
) -> None:
    site_dir, base = site
    manifest = json.loads((site_dir / "assets/langso/offline.json").read_text("utf-8"))
    plaques = [e["url"] for e in manifest["redirects"] if e["url"].endswith("/")]
    assert plaques, manifest["redirects"]
    page = context.new_page()
    open_page(page, base + PLACE)
    until(page, CONTROLLED)
    until(page, SAVED, base + PLACE)
    context.set_offline(True)
    for address in ("danh-ba/cho-phu-my/", plaques[0]):
        response = page.goto(base + address)
        assert response is not None and response.status == 503, address
        assert page.locator("h1").inner_text() == "Đang mất mạng"
        assert "Trang này chưa được lưu" in page.locator("main").inner_text()


def test_the_offer_is_drawn_from_the_first_paint_not_an_empty_band(
    context: BrowserContext, site: Any
) -> None:
    """Where the offer will show, its buttons are there before its script has run (here the
    script never arrives): the space under the toolbar is never an empty band."""
    _, base = site
    page = context.new_page()
    page.route("**/offline.js", lambda route: route.abort())
    open_page(page, base + PLACE)
    assert page.evaluate("document.documentElement.classList.contains('langso-offer')")
    box = page.locator("#langso-offline")
    save = box.get_by_role("button", name="Lưu để đọc khi mất mạng")
    assert save.is_visible()
    where, title = box.bounding_box(), page.locator("article h1").bounding_box()
    assert where is not None and title is not None and save.bounding_box() is not None
    assert where["y"] + where["height"] <= title["y"]
    assert page.evaluate("window.__titleTop") == pytest.approx(title["y"], abs=0.5)


def sized(context: BrowserContext, base: str, size: int) -> None:
    """The reader chose ``size`` before (kept under the site root's path, as reader.js does)."""
    key = urlsplit(base).path + "langso.size"
    context.add_init_script(f"localStorage.setItem('{key}', '{size}')")


def font_px(page: Page, selector: str) -> float:
    return float(
        page.locator(selector).first.evaluate("n => parseFloat(getComputedStyle(n).fontSize)")
    )


def test_the_question_follows_the_readers_size_and_counts_pages(
    context: BrowserContext, site: Any
) -> None:
    """At A+ max the question and its "Lưu …"/"Thôi" buttons are as large as the page's text
    (they stayed at 16 px); while saving, the progress counts pages, as the question and the
    result do (it counted files: "Đang lưu… 78/80" then "Đã lưu xong 50 trang")."""
    site_dir, base = site
    pages = len(json.loads((site_dir / "assets/langso/offline.json").read_text("utf-8"))["pages"])
    sized(context, base, 3)
    page = context.new_page()
    open_page(page, base + PLACE)
    until(page, CONTROLLED)
    text = font_px(page, ".md-content .md-typeset")
    assert text == pytest.approx(0.9 * 20 * 1.6, abs=0.1)  # Material's rem is 20 px
    box = page.locator("#langso-offline")
    box.get_by_role("button", name="Lưu để đọc khi mất mạng").click()
    status = box.locator("[aria-live=polite]")
    status.filter(has_text="nặng khoảng").wait_for()
    assert f"({pages} trang)" in status.inner_text()
    for part in (".langso-offline__status", ".langso-offline__yes", ".langso-offline__no"):
        assert font_px(page, part) == pytest.approx(text, abs=0.1), part
    for name in ("Lưu ", "Thôi"):
        where = box.locator("button").filter(has_text=name).first.bounding_box()
        assert where is not None and where["height"] >= 48 and where["width"] >= 48
        assert where["x"] + where["width"] <= PHONE["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.evaluate(
        """status => { window.said = [];
          new MutationObserver(() => window.said.push(status.textContent))
            .observe(status, {childList: true, characterData: true, subtree: true}); }""",
        status.element_handle(),
    )
    box.locator("button.langso-offline__yes").click()
    status.filter(has_text="Đã lưu xong").wait_for()
    said = page.evaluate("window.said")
    progress = [line for line in said if line.startswith("Đang lưu… ")]
    assert progress, said
    assert all(line.endswith(f"/{pages} trang") for line in progress), said
    assert progress[-1] == f"Đang lưu… {pages}/{pages} trang"
    assert said[-1] == f"Đã lưu xong {pages} trang: đọc được cả khi mất mạng."


@pytest.mark.parametrize("name", ["mat-mang.html", "khong-co-trang.html"])
def test_the_pages_without_signal_follow_the_readers_size(
    context: BrowserContext, site: Any, name: str
) -> None:
    _, base = site
    sized(context, base, 3)
    page = context.new_page()
    open_page(page, f"{base}assets/langso/{name}")
    assert font_px(page, "main p") == pytest.approx(1.15 * 16 * 1.6, abs=0.1)
    home = page.locator("#langso-home").bounding_box()
    assert home is not None and home["height"] >= 48
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
