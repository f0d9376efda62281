"""The "open now" badge of a place open past midnight (``16:00-01:00``), in a real browser with
the clock fixed, and the page's table saying so."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.browser import launch, serve
from tests.builds.test_directory import RICH_CONFIG, RICH_FILES, prepare
from tests.builds.test_directory_badge import badge
from tests.conftest import BUILD_DAY, BuildResult, build_site
from tests.directory.facts import facts_after

# Quán ốc: Friday and Saturday 16:00 to 01:00 the next morning; otherwise closed.
NIGHT = """ten: 'Quán ốc đêm'
loai: 'an-uong'
dien_thoai: '0868 123 457'
gio_mo_cua:
  - ngay: 'T6, T7'
    gio: '16:00-01:00'
xac_minh:
  ngay: '01/11/2026'
  vai_tro: 'Chủ cơ sở'
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    files = {**RICH_FILES, "content/danh-ba/quan-oc.yml": NIGHT}
    root = prepare(tmp_path_factory.mktemp("night") / "site-src", files, RICH_CONFIG)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_DAY)
        result = build_site(root, strict=False)
    assert result.ok, result.text()
    return result


@pytest.fixture(scope="module")
def base_url(built: BuildResult) -> Iterator[str]:
    with serve(built.site_dir) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


def test_the_page_says_past_midnight(built: BuildResult) -> None:
    page = built.soup("danh-ba/quan-oc/index.html").select_one("article")
    assert page is not None
    assert ("T6, T7", "16:00-01:00 (qua nửa đêm)") in facts_after(page, "Giờ mở cửa")


# 2026-11-26 is a Thursday, 27 Friday, 28 Saturday, 29 Sunday.
NIGHT_BADGE = [
    ("2026-11-27 15:59", "closed", "Đang đóng cửa · mở lúc 16:00"),
    ("2026-11-27 16:00", "open", "Đang mở cửa · đóng cửa lúc 1:00 sáng mai"),
    ("2026-11-27 23:59", "open", "Đang mở cửa · đóng cửa lúc 1:00 sáng mai"),
    # After midnight the Friday night is still open: Saturday has no morning hours of its own.
    ("2026-11-28 00:30", "open", "Đang mở cửa · đóng cửa lúc 1:00"),
    ("2026-11-28 01:00", "closed", "Đang đóng cửa · mở lúc 16:00"),
    ("2026-11-29 00:59", "open", "Đang mở cửa · đóng cửa lúc 1:00"),  # Saturday's night
    ("2026-11-29 01:00", "closed", "Đang đóng cửa · mở lúc 16:00 thứ Sáu"),
    ("2026-11-27 00:30", "closed", "Đang đóng cửa · mở lúc 16:00"),  # Thursday was closed
]


@pytest.mark.parametrize(("when", "state", "text"), NIGHT_BADGE, ids=[w for w, _, _ in NIGHT_BADGE])
def test_badge_of_a_place_open_past_midnight(
    browser: Browser, base_url: str, when: str, state: str, text: str
) -> None:
    assert badge(browser, base_url, "quan-oc", when) == (text, state, True)
