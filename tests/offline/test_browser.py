"""Offline reading in a real browser (Chromium via Playwright), the site served under its
sub-path ``/lang-phu-my/`` from http://127.0.0.1 (a secure context, as service workers need)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import launch, serve
from tests.conftest import FIXTURE_SITES, BuildResult, build_site
from tests.offline.test_build import PLUGINS

pytestmark = pytest.mark.browser  # skipped without Chromium, failed under CI: conftest.py

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright  # noqa: E402

PREFIX = "/lang-phu-my/"
PLACE = "dia-diem/dinh-lang-phu-my/"


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[Path, Path, str]]:
    """A built fixture site, served: (source folder, site folder, base URL)."""
    import shutil

    import yaml

    root = tmp_path / "src"
    shutil.copytree(FIXTURE_SITES / "minimal", root)
    data = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    data["plugins"] = PLUGINS
    (root / "mkdocs.yml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    result = build_site(root)
    assert result.ok, result.text()
    with serve(result.site_dir) as url:
        yield root, result.site_dir, url


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
    context = browser.new_context(locale="vi-VN")
    try:
        yield context
    finally:
        context.close()


def until(page: Page, script: str, arg: Any = None, timeout: float = 20) -> Any:
    """Evaluate ``script`` (may return a promise) until it gives a truthy value; return it."""
    deadline = time.monotonic() + timeout
    while True:
        value = page.evaluate(script, arg)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for: {script}")
        time.sleep(0.1)


CONTROLLED = "() => navigator.serviceWorker.controller !== null"
SAVED = "url => caches.match(url).then(r => !!r)"
CACHE_NAMES = "() => caches.keys()"


def visit(page: Page, url: str) -> None:
    """Open ``url`` with signal and wait until the worker controls it and has saved it."""
    response = page.goto(url)
    assert response is not None and response.ok, url
    until(page, CONTROLLED)
    until(page, SAVED, url)


def test_worker_activates_with_the_site_scope(context: BrowserContext, site: Any) -> None:
    _, _, base = site
    page = context.new_page()
    visit(page, base + PLACE)
    state = page.evaluate(
        """() => navigator.serviceWorker.ready.then(r => [r.scope, r.active.state,
        r.active.scriptURL])"""
    )
    assert state == [base, "activated", base + "sw.js"]
    names = page.evaluate(CACHE_NAMES)
    assert len(names) == 1 and names[0].startswith("langso-offline-")
    assert page.locator("#langso-offline").is_visible()


def test_visited_page_reloads_without_signal(context: BrowserContext, site: Any) -> None:
    _, _, base = site
    page = context.new_page()
    visit(page, base + PLACE)
    context.set_offline(True)
    response = page.reload()
    assert response is not None and response.status == 200
    assert page.locator("article h1").inner_text() == "Đình làng Phú Mỹ"
    # The theme's stylesheet came from the precache: the header is styled.
    assert page.evaluate(
        "() => getComputedStyle(document.querySelector('.md-header')).position"
    ) in ("sticky", "fixed")
    assert page.locator("#langso-offline button").first.is_visible()


def test_unvisited_page_without_signal_shows_the_offline_page(
    context: BrowserContext, site: Any
) -> None:
    _, _, base = site
    page = context.new_page()
    visit(page, base + PLACE)
    context.set_offline(True)
    response = page.goto(base + "danh-ba/cho-phu-my/")
    assert response is not None and response.status == 503
    assert page.locator("h1").inner_text() == "Đang mất mạng"
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.get_by_role("link").get_attribute("href") == base
    page.get_by_role("link").click()  # the home page was not visited either
    page.wait_for_url(base)
    assert page.locator("h1").inner_text() == "Đang mất mạng"


def test_save_button_saves_every_page(context: BrowserContext, site: Any) -> None:
    _, site_dir, base = site
    manifest = json.loads((site_dir / "assets/langso/offline.json").read_text("utf-8"))
    page = context.new_page()
    visit(page, base)
    box = page.locator("#langso-offline")
    status = box.locator("[aria-live=polite]")
    box.get_by_role("button", name="Lưu để đọc khi mất mạng").click()
    label = manifest["total_label"]
    assert label.endswith(" KB")
    status.filter(has_text="nặng khoảng").wait_for()
    assert status.inner_text() == (
        f"Cả cuốn sổ tay (7 trang) nặng khoảng {label}. Lưu vào máy để đọc khi mất mạng?"
    )
    box.get_by_role("button", name=f"Lưu {label}").click()
    status.filter(has_text="Đã lưu xong").wait_for()
    assert status.inner_text() == "Đã lưu xong 7 trang: đọc được cả khi mất mạng."
    context.set_offline(True)
    for entry in manifest["pages"]:
        response = page.goto(base + entry["url"])
        assert response is not None and response.status == 200, entry["url"]
        assert page.locator("h1").first.inner_text() != "Đang mất mạng"
        assert page.title() != ""


def test_a_plaque_scanned_without_signal_leads_to_its_saved_page(
    context: BrowserContext, site: Any
) -> None:
    """The plaque's QR code holds its short address (q/dinh/), a redirect stub: saved with
    the pages, it leads to the saved page of the place, not to "not saved yet"."""
    _, site_dir, base = site
    manifest = json.loads((site_dir / "assets/langso/offline.json").read_text("utf-8"))
    assert "q/dinh/" in [entry["url"] for entry in manifest["redirects"]]
    assert "q/dinh/" not in manifest["known"]
    page = context.new_page()
    visit(page, base)
    box = page.locator("#langso-offline")
    box.get_by_role("button", name="Lưu để đọc khi mất mạng").click()
    box.get_by_role("button", name=f"Lưu {manifest['total_label']}").click()
    box.locator("[aria-live=polite]").filter(has_text="Đã lưu xong").wait_for()
    context.set_offline(True)
    page.goto(base + "q/dinh/")
    page.wait_for_url(base + PLACE)
    assert page.locator("article h1").inner_text() == "Đình làng Phú Mỹ"


def test_search_works_without_signal_once_everything_is_saved(
    context: BrowserContext, site: Any
) -> None:
    """The reader never searched with signal: saving everything saved the index too."""
    _, site_dir, base = site
    manifest = json.loads((site_dir / "assets/langso/offline.json").read_text("utf-8"))
    page = context.new_page()
    visit(page, base)
    box = page.locator("#langso-offline")
    box.get_by_role("button", name="Lưu để đọc khi mất mạng").click()
    box.get_by_role("button", name=f"Lưu {manifest['total_label']}").click()
    box.locator("[aria-live=polite]").filter(has_text="Đã lưu xong").wait_for()
    context.set_offline(True)
    page.goto(base + "tim-kiem/?q=dinh+lang")
    page.locator("article").get_by_role("link", name="Đình làng Phú Mỹ").first.wait_for()
    # "Lưu vào danh bạ" too: the contact card was saved with the pages.
    card = page.evaluate(
        "url => fetch(url).then(r => r.status + ' ' + r.headers.get('content-type'))",
        base + "danh-ba/cho-phu-my.vcf",
    )
    assert card.startswith("200 "), card


def test_button_is_hidden_without_javascript(browser: Browser, site: Any) -> None:
    _, _, base = site
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base + PLACE)
        assert page.locator("#langso-offline").count() == 1
        assert not page.locator("#langso-offline").is_visible()
    finally:
        context.close()


def test_button_is_hidden_where_service_workers_are_unavailable(
    browser: Browser, site: Any
) -> None:
    _, _, base = site
    context = browser.new_context()
    try:
        # As in an insecure context (http:// on a LAN address) or an old browser.
        context.add_init_script("delete Navigator.prototype.serviceWorker")
        page = context.new_page()
        page.goto(base + PLACE)
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)
        assert page.evaluate("() => 'serviceWorker' in navigator") is False
        assert page.locator("#langso-offline").count() == 1
        assert not page.locator("#langso-offline").is_visible()
    finally:
        context.close()


def test_new_build_replaces_the_cache_and_the_page(context: BrowserContext, site: Any) -> None:
    root, site_dir, base = site
    page = context.new_page()
    visit(page, base + PLACE)
    [old] = page.evaluate(CACHE_NAMES)
    source = root / "content" / PLACE.rstrip("/")
    source = source.with_suffix(".md")
    source.write_text(source.read_text("utf-8") + "\nĐình mới tu sửa năm 2026.\n", encoding="utf-8")
    result: BuildResult = build_site(root, site_dir=site_dir)
    assert result.ok, result.text()
    version = json.loads((site_dir / "assets/langso/offline.json").read_text("utf-8"))["version"]
    new = f"langso-offline-{version}"
    assert new != old
    page.reload()  # with signal: the page comes from the network; the browser finds the new sw.js
    assert "Đình mới tu sửa năm 2026." in page.locator("article").inner_text()
    until(page, f"() => caches.keys().then(k => k.length === 1 && k[0] === {new!r})")
    context.set_offline(True)
    page.reload()
    assert "Đình mới tu sửa năm 2026." in page.locator("article").inner_text()


def test_web_app_manifest_is_installable(context: BrowserContext, site: Any) -> None:
    _, _, base = site
    page = context.new_page()
    visit(page, base + PLACE)
    session = context.new_cdp_session(page)
    app = session.send("Page.getAppManifest")
    assert app["url"] == base + "manifest.webmanifest"
    assert app["errors"] == []
    data = json.loads(app["data"])
    assert data["name"] == "Làng Phú Mỹ (thử)"
    assert data["short_name"] == "Làng Phú Mỹ"
    assert (data["lang"], data["display"]) == ("vi", "standalone")
    assert (data["start_url"], data["scope"]) == ("./", "./")
    for icon in data["icons"]:
        response = page.request.get(base + icon["src"])
        assert response.ok and response.headers["content-type"] == "image/png"
        size = int(icon["sizes"].split("x")[0])
        from io import BytesIO

        from PIL import Image

        assert Image.open(BytesIO(response.body())).size == (size, size)


def test_saving_without_signal_says_the_phone_is_offline(
    context: BrowserContext, site: Any
) -> None:
    """Not "Chưa lưu được 122/122 tệp": nothing could be fetched, so say why (issue 15 tester)."""
    _, site_dir, base = site
    manifest = json.loads((site_dir / "assets/langso/offline.json").read_text("utf-8"))
    page = context.new_page()
    visit(page, base)
    context.set_offline(True)
    box = page.locator("#langso-offline")
    box.get_by_role("button", name="Lưu để đọc khi mất mạng").click()
    box.get_by_role("button", name=f"Lưu {manifest['total_label']}").click()
    status = box.locator("[aria-live=polite]")
    status.filter(has_text="chưa lưu được").wait_for()
    assert status.inner_text() == (
        "Đang mất mạng nên chưa lưu được. Bật dữ liệu di động hoặc Wi-Fi rồi bấm lại."
    )


def test_searching_without_signal_says_the_phone_is_offline(
    context: BrowserContext, site: Any
) -> None:
    _, _, base = site
    page = context.new_page()
    visit(page, base)
    context.set_offline(True)
    page.locator("input[type=search]").first.fill("dinh")
    count = page.locator(".langso-search__count").first
    count.filter(has_text="mất mạng").wait_for()
    assert count.inner_text() == (
        "Đang mất mạng: tìm kiếm cần có sóng, hoặc bấm “Lưu để đọc khi mất mạng” khi có sóng."
    )
