"""The events calendar on a 360 × 740 phone (``langso/events``, issue 15), in Chromium, served
under the site's sub-path with gzip as a static host serves it.

The agenda and an event page: nothing wider than the screen and every control a finger's size at
A− and at A+ pressed until it stops; axe-core finds nothing, text contrast at 7:1 included
(``color-contrast-enhanced``, WCAG AAA); the first load within 35 KB gzip with no request to
another host; and, with the reader's clock days after the build, what is over leaves the agenda
and says "(đã qua)" on a one-off event's page, while a recurring event's page moves its next date
still to come into "Lần tới", its "Google Lịch" link with it, and the agenda shows the market days
and meetings of the reader's next weeks, as those pages do; without JavaScript the build day
decides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from langso.clock import VIETNAM_TIME
from tests.browser import first_visit, serve
from tests.conftest import BUILD_DAY, copy_site
from tests.events.test_build import EVENTS, NO_DATA
from tests.reader.test_phone import SMALL_TARGETS

pytestmark = pytest.mark.browser  # skipped without Chromium, failed under CI: conftest.py

PREFIX = "/lang-phu-my/"
PHONE = {"width": 360, "height": 740}
SIZES = {"A-": -1, "A+max": 3}
BUDGET_BYTES = 35_000
PAGES = {
    "agenda": "lich/",
    "festival": "lich/gio-to/",
    "vaccination": "lich/tiem-chung/",
    "market": "lich/cho-phien/",
}
PLUGINS = ["langso/search", "langso/content", "langso/reader", "langso/offline", "langso/events"]
BUILT_ON = dt.datetime(2026, 11, 30, 8, 0, tzinfo=VIETNAM_TIME)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from tests.conftest import build_site

    root = copy_site(
        tmp_path_factory.mktemp("events-phone") / "site",
        files={**NO_DATA, **EVENTS},
        # As the sample: no "Made with Material for MkDocs" line in grey English at the foot.
        config={"plugins": PLUGINS, "extra": {"generator": False}},
    )
    patch = pytest.MonkeyPatch()  # the autouse fixed day is per test; this build is per module
    patch.setenv("SOURCE_DATE_EPOCH", BUILD_DAY)
    try:
        result = build_site(root)
    finally:
        patch.undo()
    assert result.ok, result.text()
    with serve(Path(result.site_dir), PREFIX) as url:
        yield url


def phone(browser: Browser, size: int, now: dt.datetime = BUILT_ON, js: bool = True) -> Page:
    """A fresh phone whose reader chose ``size``, its clock at ``now``."""
    context = browser.new_context(
        viewport=PHONE,  # type: ignore[arg-type]
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        java_script_enabled=js,
    )
    context.add_init_script(
        f"try{{localStorage.setItem('{PREFIX}langso.size','{size}')}}catch(e){{}}"
    )
    page = context.new_page()
    if js:
        page.clock.set_fixed_time(now)
    return page


WIDE = """() => [document.documentElement.scrollWidth, document.body.scrollWidth,
  [...document.querySelectorAll('article *')]
    .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)
    .slice(0, 3).map(e => e.tagName + '.' + e.className)]"""


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("kind", list(PAGES))
def test_nothing_is_wider_than_the_phone_and_every_control_fits_a_finger(
    browser: Browser, base: str, kind: str, size: str
) -> None:
    page = phone(browser, SIZES[size])
    try:
        page.goto(base + PAGES[kind], wait_until="networkidle")
        wide = page.evaluate(WIDE)
        assert wide[0] <= PHONE["width"] and wide[1] <= PHONE["width"], (kind, size, wide)
        assert wide[2] == [], (kind, size, wide)
        assert page.evaluate(SMALL_TARGETS) == [], (kind, size)
        for button in page.locator("article a.langso-event-action").all():
            box = button.bounding_box()
            assert box is not None and box["height"] >= 48 and box["width"] >= 48, (kind, box)
    finally:
        page.context.close()


AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "rules": {"label-content-name-mismatch": {"enabled": True}},
}
ENHANCED = {"resultTypes": ["violations"], "runOnly": ["color-contrast-enhanced"]}
"""Text contrast at 7:1 (WCAG 2.1 AAA, 1.4.6), checked on the calendar's own markup (the
theme's header and footer are the reader tests' business: ``test_phone.py``)."""
OURS = {"include": [[".langso-agenda"], [".langso-event"]]}


def violations(page: Page, context: object = None, options: object = AXE_OPTIONS) -> list[str]:
    results: Any = Axe().run(page, context=context, options=options)
    return [
        f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("kind", list(PAGES))
def test_axe_finds_nothing_and_text_reads_at_7_to_1(
    browser: Browser, base: str, kind: str, size: str
) -> None:
    page = phone(browser, SIZES[size])
    try:
        page.goto(base + PAGES[kind], wait_until="networkidle")
        assert violations(page) == [], (kind, size)
        assert violations(page, OURS, ENHANCED) == [], (kind, size)
    finally:
        page.context.close()


@pytest.mark.parametrize("kind", list(PAGES))
def test_first_load_is_small_and_from_the_site_only(browser: Browser, base: str, kind: str) -> None:
    requested, received, page = first_visit(browser, base + PAGES[kind], base, PHONE)
    try:
        assert received <= BUDGET_BYTES, (kind, received, requested)
    finally:
        page.context.close()


def agenda_days(page: Page) -> list[str]:
    """The first day shown of each visible agenda entry, in order."""
    return list(
        page.locator("li.langso-agenda__entry:visible .langso-agenda__day").all_inner_texts()
    )


def test_what_is_over_leaves_the_agenda_by_the_readers_clock(browser: Browser, base: str) -> None:
    page = phone(browser, 0)
    try:
        page.goto(base + PAGES["agenda"], wait_until="networkidle")
        assert agenda_days(page)[:3] == [
            "Thứ Bảy, 05/12/2026",
            "Thứ Bảy, 05/12/2026",
            "Thứ Tư, 09/12/2026",
        ]
    finally:
        page.context.close()
    # 13/12 at 06:30 in Viet Nam is still 12/12 in UTC: the script counts Viet Nam's day.
    later = dt.datetime(2026, 12, 13, 6, 30, tzinfo=VIETNAM_TIME)
    page = phone(browser, 0, now=later)
    try:
        page.goto(base + PAGES["agenda"], wait_until="networkidle")
        days = agenda_days(page)
        assert days[:2] == ["Thứ Ba, 15/12/2026 đến Thứ Năm, 17/12/2026", "Thứ Bảy, 19/12/2026"]
        # A month with nothing left goes with its heading.
        january = dt.datetime(2027, 1, 1, 7, 0, tzinfo=VIETNAM_TIME)
        page.clock.set_fixed_time(january)
        page.reload(wait_until="networkidle")
        months = page.locator("section.langso-agenda__month:visible h2").all_inner_texts()
        assert months == [
            "Tháng 1 năm 2027",
            "Tháng 2 năm 2027",
            "Tháng 4 năm 2027",
        ]
        page.goto(base + PAGES["vaccination"], wait_until="networkidle")
        date = page.locator("li.langso-event__date").first
        assert date.inner_text().split("\n")[0] == "Thứ Bảy, 12/12/2026 (đã qua)"
    finally:
        page.context.close()


def test_without_javascript_the_build_day_decides(browser: Browser, base: str) -> None:
    page = phone(browser, 0, js=False)
    try:
        page.goto(base + PAGES["agenda"], wait_until="networkidle")
        assert agenda_days(page)[0] == "Thứ Bảy, 05/12/2026"
        # The market days and meetings after the build day's 8 weeks stay hidden.
        days = agenda_days(page)
        assert len(days) == 14 and days[-2:] == ["Thứ Sáu, 05/02/2027", "Thứ Sáu, 16/04/2027"]
        assert page.locator("section.langso-agenda__month:visible h2").all_inner_texts() == [
            "Tháng 12 năm 2026",
            "Tháng 1 năm 2027",
            "Tháng 2 năm 2027",
            "Tháng 4 năm 2027",
        ]
        page.goto(base + "lich/da-qua/", wait_until="networkidle")
        date = page.locator("li.langso-event__date").first
        assert date.inner_text().split("\n")[0] == "Thứ Bảy, 28/11/2026 (đã qua)"
        page.goto(base + PAGES["festival"], wait_until="networkidle")
        shown = page.locator("ul.langso-event__dates").all_inner_texts()
        assert len(shown) == 2 and "(đã qua)" not in "".join(shown), shown
    finally:
        page.context.close()


def google_dates(page: Page) -> list[str]:
    href = page.locator("a.langso-event-action", has_text="Google Lịch").get_attribute("href")
    assert href is not None
    return parse_qs(urlsplit(href).query)["dates"]


def test_a_market_page_moves_its_next_date_by_the_readers_clock(
    browser: Browser, base: str
) -> None:
    """Built on 30/11; read on 11/12/2026, two days after the market of 09/12 (mùng 1): the
    next one, 23/12, is "Lần tới", the Google link is made for it, and 09/12 is gone."""
    page = phone(browser, 0, now=dt.datetime(2026, 12, 11, 8, 0, tzinfo=VIETNAM_TIME))
    try:
        page.goto(base + PAGES["market"], wait_until="networkidle")
        heading = page.locator("#ngay-dien-ra")
        assert heading.inner_text() == "Lần tới"
        first = page.locator("ul[data-langso-next] li:visible .langso-event__day")
        assert first.all_inner_texts() == ["Thứ Tư, 23/12/2026"]
        assert page.locator("#nhung-lan-sau").is_visible()
        later = page.locator("ul[data-langso-later] li:visible .langso-event__day")
        assert later.all_inner_texts() == ["Thứ Sáu, 08/01/2027", "Thứ Sáu, 22/01/2027"]
        assert "09/12/2026" not in page.locator("article").inner_text()
        assert "(đã qua)" not in page.locator("article").inner_text()
        assert google_dates(page) == ["20261223T050000/20261223T100000"]
    finally:
        page.context.close()
    # Read on the build day: as built.
    page = phone(browser, 0)
    try:
        page.goto(base + PAGES["market"], wait_until="networkidle")
        first = page.locator("ul[data-langso-next] li:visible .langso-event__day")
        assert first.all_inner_texts() == ["Thứ Tư, 09/12/2026"]
        assert google_dates(page) == ["20261209T050000/20261209T100000"]
    finally:
        page.context.close()


def test_a_one_off_event_that_is_over_keeps_its_date_and_loses_its_buttons(
    browser: Browser, base: str
) -> None:
    page = phone(browser, 0, now=dt.datetime(2026, 12, 13, 8, 0, tzinfo=VIETNAM_TIME))
    try:
        page.goto(base + PAGES["vaccination"], wait_until="networkidle")
        assert page.locator("#ngay-dien-ra").inner_text() == "Ngày diễn ra"
        date = page.locator("li.langso-event__date").first
        assert date.inner_text().split("\n")[0] == "Thứ Bảy, 12/12/2026 (đã qua)"
        assert (
            page.locator("a.langso-event-action").evaluate_all(
                "links => links.filter(a => a.offsetParent !== null).length"
            )
            == 0
        )
    finally:
        page.context.close()


def test_the_agenda_agrees_with_the_event_pages_when_read_months_later(
    browser: Browser, base: str
) -> None:
    """Built on 30/11/2026, read on 06/02/2027 (a copy saved, or no daily rebuild): the agenda
    shows the market days and the meeting of the reader's next 8 weeks, as the market's page
    and the meeting's page do ("Lần tới"), not only the yearly festivals."""
    now = dt.datetime(2027, 2, 6, 8, 0, tzinfo=VIETNAM_TIME)
    page = phone(browser, 0, now=now)
    try:
        page.goto(base + PAGES["market"], wait_until="networkidle")
        market_next = page.locator("ul[data-langso-next] li:visible .langso-event__day")
        assert market_next.all_inner_texts() == ["Thứ Bảy, 06/02/2027"]
        assert (
            "mùng 1 tháng Giêng năm Đinh Mùi" in page.locator("ul[data-langso-next]").inner_text()
        )
        page.goto(base + "lich/hop-thon/", wait_until="networkidle")
        meeting_next = page.locator("ul[data-langso-next] li:visible .langso-event__day")
        assert meeting_next.all_inner_texts() == ["Thứ Sáu, 05/03/2027"]

        page.goto(base + PAGES["agenda"], wait_until="networkidle")
        entries = page.locator("li.langso-agenda__entry:visible")
        shown = [
            (e.locator(".langso-agenda__day").inner_text(), e.get_attribute("data-langso-den"))
            for e in entries.all()
        ]
        titles = entries.locator(".langso-agenda__title").all_inner_texts()
        assert list(zip(shown, titles, strict=True)) == [
            (("Thứ Bảy, 06/02/2027", "2027-02-06"), "Phiên chợ Phú Mỹ (dữ liệu mẫu)"),
            (("Thứ Bảy, 20/02/2027", "2027-02-20"), "Phiên chợ Phú Mỹ (dữ liệu mẫu)"),
            (("Thứ Sáu, 05/03/2027", "2027-03-05"), "Họp thôn <i>hằng tháng</i> (dữ liệu mẫu)"),
            (("Thứ Hai, 08/03/2027", "2027-03-08"), "Phiên chợ Phú Mỹ (dữ liệu mẫu)"),
            (("Thứ Hai, 22/03/2027", "2027-03-22"), "Phiên chợ Phú Mỹ (dữ liệu mẫu)"),
            (("Thứ Sáu, 16/04/2027", "2027-04-16"), "Giỗ Tổ Hùng Vương"),
        ]
        lunar = entries.first.locator(".langso-agenda__line").first.inner_text()
        assert lunar == "Âm lịch: mùng 1 tháng Giêng năm Đinh Mùi"
        months = page.locator("section.langso-agenda__month:visible h2").all_inner_texts()
        assert months == ["Tháng 2 năm 2027", "Tháng 3 năm 2027", "Tháng 4 năm 2027"]
        # The intro says to which day market days are listed: the reader's 8 weeks.
        assert page.locator(".langso-agenda__intro").inner_text() == (
            "Các ngày sắp tới, đến hết 29/11/2027. Phiên chợ và việc lặp lại hằng tuần, hằng"
            " tháng ghi đến hết 02/04/2027. Cập nhật ngày Thứ Hai, 30/11/2026."
        )
        assert page.locator("[data-langso-none]").is_hidden()
    finally:
        page.context.close()
