"""The print page in Chromium: an outside link's address, written after its text, wraps inside
the A4 page however long it is, and the notice still takes one sheet."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser import serve
from tests.conftest import build_site
from tests.notices.test_build import notice, notices_site

pytestmark = pytest.mark.browser

TOKEN = "0123456789" * 12  # no place to break a line in it
LONG = f"https://www.facebook.com/groups/thon-mau/posts/{TOKEN}/"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    body = (
        "Thôn cần mười người làm thời vụ.\n\n"
        f"Xem [Bài trên Facebook]({LONG}) và [trang của xã](https://example.gov.vn/).\n"
    )
    files: dict[str, str | None] = {
        "content/thong-bao/2026-11-26-dai.md": notice(
            "Địa chỉ dài", "việc làm", "26/11/2026 08:00", body=body
        )
    }
    result = build_site(notices_site(Path(tmp_path_factory.mktemp("long")) / "site", files))
    assert result.ok, result.text()
    with serve(result.site_dir) as url:
        yield url


def test_a_long_address_wraps_inside_one_a4_page(browser: Browser, base: str) -> None:
    page = browser.new_page(viewport={"width": 794, "height": 1123})  # A4 at 96 px an inch
    try:
        page.goto(base + "thong-bao/in/2026-11-26-dai/")
        page.emulate_media(media="print")
        shown = page.locator(".text .href").all_inner_texts()
        assert shown == [f" (www.facebook.com/groups/thon-mau/posts/{TOKEN}/)", " (example.gov.vn)"]
        widths = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1]
        right = page.evaluate(
            "Math.max(...[...document.querySelectorAll('.text .href')]"
            ".map(e => e.getBoundingClientRect().right))"
        )
        body_right = page.evaluate("document.body.getBoundingClientRect().right")
        assert right <= body_right
        pdf = page.pdf(format="A4", print_background=True)
        assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    finally:
        page.close()
