"""A new notice reaches a reader whose phone keeps the site offline (issue 15, deliverable 7:
"the service worker picks up new notices on the next visit with signal"), in Chromium.

A reader opens the home page (the worker installs and saves it); the hamlet head posts a notice
and the site is rebuilt; the reader comes back with signal and sees it on the home page; then,
without signal, the saved home page shows it too. Built on ``BUILD_DAY`` (2026-11-30 07:00 in
Viet Nam), the browser's clock fixed an hour later.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from langso.clock import VIETNAM_TIME
from tests.browser import serve
from tests.conftest import build_site
from tests.notices.test_build import notice, notices_site
from tests.offline.test_browser import CACHE_NAMES, until, visit

pytestmark = pytest.mark.browser  # skipped without Chromium, failed under CI: conftest.py

PREFIX = "/lang-phu-my/"
NEW = "Lịch tiêm vắc xin sởi ngày 05/12/2026"
READ_AT = dt.datetime(2026, 11, 30, 8, 0, tzinfo=VIETNAM_TIME)


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[Path, Path, str]]:
    """The notices site built and served: (source folder, site folder, base URL)."""
    root = notices_site(tmp_path / "site")
    result = build_site(root)
    assert result.ok, result.text()
    with serve(result.site_dir, PREFIX) as url:
        yield root, result.site_dir, url


def home_titles(page: Page) -> list[str]:
    return [
        t.inner_text()
        for t in page.locator(".langso-news--home .langso-news__title").all()
        if t.is_visible()
    ]


def test_a_new_notice_is_on_the_home_page_with_signal_then_offline(
    browser: Browser, site: tuple[Path, Path, str]
) -> None:
    root, site_dir, base = site
    context = browser.new_context(locale="vi-VN", viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.clock.set_fixed_time(READ_AT)
        visit(page, base)
        assert NEW not in home_titles(page)
        [old] = page.evaluate(CACHE_NAMES)

        posted = notice(NEW, "tiêm chủng", "30/11/2026 06:30", het_han="05/12/2026")
        (root / "content" / "thong-bao" / "2026-11-30-tiem.md").write_text(posted, "utf-8")
        result = build_site(root, site_dir=site_dir)
        assert result.ok, result.text()
        offline = json.loads((site_dir / "assets/langso/offline.json").read_text("utf-8"))
        new = f"langso-offline-{offline['version']}"
        assert new != old  # a new notice is a new version of the site

        page.goto(base + "thong-bao/")
        page.goto(base)  # the next visit, with signal
        assert home_titles(page)[:2] == ["Bão sắp vào", NEW]
        until(page, f"() => caches.keys().then(k => k.length === 1 && k[0] === {new!r})")
        context.set_offline(True)
        page.reload()
        assert home_titles(page)[:2] == ["Bão sắp vào", NEW]
        page.goto(base + "thong-bao/")  # opened with signal after the rebuild: saved too
        assert page.locator(".langso-news__title", has_text=NEW).first.is_visible()
    finally:
        context.close()
