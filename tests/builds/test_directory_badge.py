"""The "open now" badge in a real browser (Chromium via Playwright), on a site served under its
sub-path, with the browser's clock fixed: Viet Nam time (UTC+7) whatever the reader's time zone,
lunch breaks, closed days, the summer schedule; hidden without JavaScript."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from tests.browser import launch, serve
from tests.builds.test_directory import RICH_CONFIG, RICH_FILES, prepare
from tests.conftest import BUILD_DAY, build_site

pytestmark = pytest.mark.browser  # skipped without Chromium, failed under CI: conftest.py

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright  # noqa: E402

PREFIX = "/lang-phu-my/"
VIETNAM = dt.timezone(dt.timedelta(hours=7))


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = prepare(tmp_path_factory.mktemp("badge") / "site-src", RICH_FILES, RICH_CONFIG)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_DAY)
        result = build_site(root, strict=False)
    assert result.ok, result.text()
    with serve(result.site_dir) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


def vietnam_time(text: str) -> dt.datetime:
    """``2026-11-30 09:00`` in Viet Nam."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=VIETNAM)


def open_page(
    browser: Browser, url: str, now: dt.datetime, timezone_id: str = "Europe/Paris"
) -> tuple[Page, BrowserContext]:
    # The reader's own time zone is not Viet Nam's: the badge must not depend on it.
    context = browser.new_context(timezone_id=timezone_id, locale="vi-VN")
    page = context.new_page()
    page.clock.set_fixed_time(now)
    response = page.goto(url)
    assert response is not None and response.ok, url
    return page, context


def badge(browser: Browser, base_url: str, entry_id: str, when: str) -> tuple[str, str, bool]:
    """Text, state class and visibility of the badge of ``entry_id`` at Viet Nam time ``when``."""
    page, context = open_page(browser, f"{base_url}danh-ba/{entry_id}/", vietnam_time(when))
    try:
        element = page.locator("p.langso-open")
        assert element.count() == 1
        classes = (element.get_attribute("class") or "").split()
        states = [c.removeprefix("langso-open--") for c in classes if c.startswith("langso-open--")]
        assert len(states) == 1, classes
        return element.inner_text(), states[0], element.is_visible()
    finally:
        context.close()


def test_fixed_clock_is_the_one_the_page_sees(browser: Browser, base_url: str) -> None:
    now = vietnam_time("2026-11-30 09:00")
    page, context = open_page(browser, f"{base_url}danh-ba/tram-y-te/", now)
    try:
        assert page.evaluate("Date.now()") == int(now.timestamp() * 1000)
        assert page.evaluate("new Date().toISOString()") == "2026-11-30T02:00:00.000Z"
    finally:
        context.close()


# Trạm Y tế: T2-T6 7:00-11:30, 13:30-17:00 (summer 15/4-14/10: 14:00-17:30); T7, CN closed.
# 2026-11-27 is a Friday, 28 Saturday, 29 Sunday, 30 Monday; 2026-12-01 a Tuesday.
TRAM = [
    ("2026-11-30 09:00", "open", "Đang mở cửa · đóng cửa lúc 11:30"),
    ("2026-11-30 07:00", "open", "Đang mở cửa · đóng cửa lúc 11:30"),
    ("2026-11-30 06:30", "closed", "Đang đóng cửa · mở lúc 7:00"),
    ("2026-11-30 11:30", "closed", "Đang đóng cửa · mở lại lúc 13:30"),  # lunch break
    ("2026-11-30 12:15", "closed", "Đang đóng cửa · mở lại lúc 13:30"),
    ("2026-11-30 13:30", "open", "Đang mở cửa · đóng cửa lúc 17:00"),
    ("2026-11-30 16:59", "open", "Đang mở cửa · đóng cửa lúc 17:00"),
    ("2026-11-30 17:00", "closed", "Đang đóng cửa · mở lúc 7:00 ngày mai"),  # after closing
    ("2026-11-30 23:59", "closed", "Đang đóng cửa · mở lúc 7:00 ngày mai"),
    ("2026-11-27 18:00", "closed", "Đang đóng cửa · mở lúc 7:00 thứ Hai"),  # Friday evening
    ("2026-11-28 10:00", "closed", "Đang đóng cửa · mở lúc 7:00 thứ Hai"),  # closed Saturday
    ("2026-11-29 10:00", "closed", "Đang đóng cửa · mở lúc 7:00 ngày mai"),  # closed Sunday
    # Summer (15/4 to 14/10 inclusive): the afternoon runs 14:00-17:30.
    ("2026-06-01 13:45", "closed", "Đang đóng cửa · mở lại lúc 14:00"),
    ("2026-06-01 17:15", "open", "Đang mở cửa · đóng cửa lúc 17:30"),
    ("2026-12-01 13:45", "open", "Đang mở cửa · đóng cửa lúc 17:00"),  # winter, same hour
    ("2026-12-01 17:15", "closed", "Đang đóng cửa · mở lúc 7:00 ngày mai"),
    ("2026-04-14 17:15", "closed", "Đang đóng cửa · mở lúc 7:00 ngày mai"),  # day before
    ("2026-04-15 17:15", "open", "Đang mở cửa · đóng cửa lúc 17:30"),  # first summer day
    ("2026-10-14 17:15", "open", "Đang mở cửa · đóng cửa lúc 17:30"),  # last summer day
    ("2026-10-15 17:15", "closed", "Đang đóng cửa · mở lúc 7:00 ngày mai"),  # winter again
]


@pytest.mark.parametrize(("when", "state", "text"), TRAM, ids=[w for w, _, _ in TRAM])
def test_badge_of_a_weekday_office(
    browser: Browser, base_url: str, when: str, state: str, text: str
) -> None:
    assert badge(browser, base_url, "tram-y-te", when) == (text, state, True)


# Quán phở Hoà: `mo_cua: 6:45`, `dong_cua: 21:00` every day — typed unquoted in the YAML.
PHO = [
    ("2026-11-30 06:44", "closed", "Đang đóng cửa · mở lúc 6:45"),
    ("2026-11-30 06:45", "open", "Đang mở cửa · đóng cửa lúc 21:00"),
    ("2026-11-30 20:59", "open", "Đang mở cửa · đóng cửa lúc 21:00"),
    ("2026-11-30 21:00", "closed", "Đang đóng cửa · mở lúc 6:45 ngày mai"),
    ("2026-11-29 12:00", "open", "Đang mở cửa · đóng cửa lúc 21:00"),  # Sunday too
]


@pytest.mark.parametrize(("when", "state", "text"), PHO, ids=[w for w, _, _ in PHO])
def test_badge_of_same_hours_every_day(
    browser: Browser, base_url: str, when: str, state: str, text: str
) -> None:
    assert badge(browser, base_url, "quan-pho-hoa", when) == (text, state, True)


# Anh Hai sửa xe: T2-T7 7:30-18:00, closed Sunday.
XE = [
    ("2026-11-28 18:30", "closed", "Đang đóng cửa · mở lúc 7:30 thứ Hai"),
    ("2026-11-29 09:00", "closed", "Đang đóng cửa · mở lúc 7:30 ngày mai"),
    ("2026-11-28 07:30", "open", "Đang mở cửa · đóng cửa lúc 18:00"),
]


@pytest.mark.parametrize(("when", "state", "text"), XE, ids=[w for w, _, _ in XE])
def test_badge_of_a_shop_closed_on_sunday(
    browser: Browser, base_url: str, when: str, state: str, text: str
) -> None:
    assert badge(browser, base_url, "anh-hai", when) == (text, state, True)


@pytest.mark.parametrize("timezone_id", ["UTC", "America/Los_Angeles", "Asia/Ho_Chi_Minh"])
def test_badge_uses_viet_nam_time_in_any_time_zone(
    browser: Browser, base_url: str, timezone_id: str
) -> None:
    # Monday 01:00 UTC is 08:00 in Viet Nam (open) but still Sunday in Los Angeles.
    now = dt.datetime(2026, 11, 30, 1, 0, tzinfo=dt.UTC)
    page, context = open_page(browser, f"{base_url}danh-ba/tram-y-te/", now, timezone_id)
    try:
        assert page.locator("p.langso-open").inner_text() == "Đang mở cửa · đóng cửa lúc 11:30"
    finally:
        context.close()


def test_no_badge_for_a_service_without_hours(browser: Browser, base_url: str) -> None:
    url = f"{base_url}danh-ba/buu-dien/"
    page, context = open_page(browser, url, vietnam_time("2026-11-30 09:00"))
    try:
        assert page.locator("p.langso-open").count() == 0
    finally:
        context.close()


def test_without_javascript_the_badge_is_hidden_and_the_hours_remain(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        response = page.goto(f"{base_url}danh-ba/tram-y-te/")
        assert response is not None and response.ok
        rows = page.locator("article p.langso-fact--hours")
        assert [" ".join(t.split()) for t in rows.all_inner_texts()] == [
            "T2-T6 7:00-11:30, 13:30-17:00",
            "Thứ Bảy, Chủ nhật nghỉ",
            "T2-T6 7:00-11:30, 14:00-17:30",  # summer
            "Thứ Bảy, Chủ nhật nghỉ",
        ]
        assert rows.first.is_visible()
        element = page.locator("p.langso-open")
        assert element.count() == 1
        assert element.get_attribute("hidden") is not None
        assert element.text_content() == ""
        # An empty coloured box must not show: the `hidden` attribute has to win over the
        # badge's own `display`.
        assert element.evaluate("e => getComputedStyle(e).display") == "none"
        assert element.is_hidden()
    finally:
        context.close()


def test_site_is_served_only_under_its_sub_path(browser: Browser, base_url: str) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        outside = base_url.removesuffix(PREFIX) + "/danh-ba/tram-y-te/"
        response = page.goto(outside)
        assert response is not None and response.status == 404
        response = page.goto(f"{base_url}danh-ba/tram-y-te/")
        assert response is not None and response.ok
        # The page's assets resolve under the sub-path: the badge script ran.
        assert page.locator("p.langso-open").inner_text() != ""
    finally:
        context.close()


def test_category_list_shows_each_entry_badge(browser: Browser, base_url: str) -> None:
    page, context = open_page(
        browser, f"{base_url}danh-ba/an-uong/", vietnam_time("2026-11-30 21:30")
    )
    try:
        rows = page.locator("article li.langso-card")
        # Quán phở Hoà has hours (closed at 21:00); the others have none, so no badge.
        texts = [" ".join(t.split()) for t in rows.all_inner_texts()]
        assert texts == [
            "Ăn sáng cô Ba",
            "Âu Cơ cà phê",
            "Quán phở Hoà Đang đóng cửa · mở lúc 6:45 ngày mai Gọi 0868 123 456",
            "Quán phở Hòa Gọi 0912 000 111",
        ]
        assert page.locator("article li .langso-open--closed").is_visible()
    finally:
        context.close()
