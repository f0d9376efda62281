"""Search in a real browser (Chromium via Playwright), on sites served under their sub-path:
accent-insensitive queries (C-02), NFD queries (C-03), exact-accent ranking, highlights of the
original text, the index fetched only once the reader starts searching, keyboard use."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from langso.text import fold
from tests.browser import launch, serve
from tests.conftest import BUILD_DAY, build_site
from tests.search import sites
from tests.search.test_fold_agreement import TABLE

pytestmark = pytest.mark.browser  # skipped without Chromium, failed under CI: conftest.py

from playwright.sync_api import Browser, Page, Request, sync_playwright  # noqa: E402

PREFIX = "/lang-phu-my/"
INDEX = "assets/langso/search-index.json"


def _serve(site_dir: Path) -> Iterator[str]:
    with serve(site_dir) as base:
        yield base


def _built(tmp_path_factory: pytest.TempPathFactory, make: object) -> Path:
    """Build one of the sites of :mod:`tests.search.sites` (they take a ``make_site``)."""
    from tests.conftest import copy_site

    base = tmp_path_factory.mktemp("search")

    def make_site(
        files: dict[str, str | None] | None = None, config: dict[str, object] | None = None
    ) -> Path:
        return copy_site(base / "src", "minimal", files, config)

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_DAY)
        result = build_site(make(make_site))  # type: ignore[operator]
    assert result.ok, result.text()
    return result.site_dir


@pytest.fixture(scope="module")
def c02_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _serve(_built(tmp_path_factory, sites.c02_site))


@pytest.fixture(scope="module")
def ranking_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _serve(_built(tmp_path_factory, sites.ranking_site))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="vi-VN")
    try:
        yield context.new_page()
    finally:
        context.close()


def open_site(page: Page, url: str) -> list[str]:
    """Open ``url``; return the list that records every URL the page requests from now on."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    response = page.goto(url)
    assert response is not None and response.ok, url
    return requests


def results(page: Page, query: str) -> list[str]:
    """Type ``query`` in the search box; return the titles of the results, in order."""
    page.fill("#langso-search-input", query)
    count = page.locator("#langso-search-results .langso-search__count")
    count.filter(has_text="trang").wait_for()
    return page.locator("#langso-search-results .langso-search__title").all_inner_texts()


# Query → the original text the first result's snippet highlights (C-02).
C02_QUERIES = [
    ("dinh", "Đình"),
    ("dinh lang", "Đình làng"),
    ("Dinh Lang", "Đình làng"),
    ("đình làng", "Đình làng"),
    ("ĐÌNH", "Đình"),
    (unicodedata.normalize("NFD", "đình"), "Đình"),
    ("phu my", "Phú Mỹ"),
    ("cho ap bac", "chợ Ấp Bắc"),
    ("oc ut", "ốc Út"),
]


@pytest.mark.parametrize(("query", "marked"), C02_QUERIES, ids=[q for q, _ in C02_QUERIES])
def test_query_finds_the_c02_page_and_marks_the_original_text(
    page: Page, c02_url: str, query: str, marked: str
) -> None:
    open_site(page, c02_url)
    assert results(page, query)[0] == "Đình làng Phú Mỹ"
    first = page.locator("#langso-search-results .langso-search__item").first
    assert first.locator(".langso-search__snippet mark").first.inner_text() == marked
    snippet = first.locator(".langso-search__snippet").inner_text()
    assert snippet == sites.C02_TEXT
    link = first.locator("a").get_attribute("href")
    assert link == f"{c02_url}dia-diem/dinh-lang-phu-my/"


def test_a_word_found_in_a_section_links_to_its_heading(page: Page, c02_url: str) -> None:
    open_site(page, c02_url)
    # Words match as prefixes while typing: "ngã ba" also finds "ngắn … bà con" on the home page.
    assert results(page, "ngã ba") == ["Đình làng Phú Mỹ", "Trang chủ"]
    first = page.locator("#langso-search-results .langso-search__item").first
    assert first.locator(".langso-search__heading").inner_text() == "Đường đi"
    assert first.locator(".langso-search__snippet mark").inner_text() == "ngã ba"
    href = first.locator("a").get_attribute("href")
    assert href == f"{c02_url}dia-diem/dinh-lang-phu-my/#duong-di"
    page.locator("#langso-search-results a").first.click()
    page.wait_for_url(f"{c02_url}dia-diem/dinh-lang-phu-my/#duong-di")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("đình", ["Đình", "Dinh dưỡng"]),
        ("Đình", ["Đình", "Dinh dưỡng"]),
        ("dinh dưỡng", ["Dinh dưỡng", "Đình"]),  # "Đình" matches too: "đình" … "Đường"
    ],
)
def test_exact_accents_rank_first(
    page: Page, ranking_url: str, query: str, expected: list[str]
) -> None:
    open_site(page, ranking_url)
    assert results(page, query) == expected


def test_no_match_is_announced(page: Page, c02_url: str) -> None:
    open_site(page, c02_url)
    page.fill("#langso-search-input", "xyzw")
    count = page.locator("#langso-search-results .langso-search__count")
    count.filter(has_text="Không tìm thấy").wait_for()
    assert count.get_attribute("aria-live") == "polite"
    assert page.locator("#langso-search-results .langso-search__item").count() == 0


def test_the_index_is_fetched_only_when_the_reader_starts_searching(
    page: Page, c02_url: str
) -> None:
    requests = open_site(page, f"{c02_url}dia-diem/dinh-lang-phu-my/")
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("assets/langso/search.js") for url in requests)
    assert not [url for url in requests if INDEX in url]
    assert page.locator("#langso-search-results").is_hidden()
    with page.expect_request(lambda request: INDEX in request.url) as fetched:
        page.focus("#langso-search-input")
    request: Request = fetched.value
    assert request.url == f"{c02_url}{INDEX}"
    # Every request stays on the site: no CDN, no third party.
    page.fill("#langso-search-input", "oc ut")
    page.locator("#langso-search-results .langso-search__item").first.wait_for()
    assert all(url.startswith(c02_url) for url in requests), requests
    assert len([url for url in requests if INDEX in url]) == 1


def test_keyboard_reaches_the_results_and_escape_closes(page: Page, c02_url: str) -> None:
    open_site(page, c02_url)
    assert page.get_by_label("Tìm kiếm").count() == 1  # the input has an accessible name
    results(page, "oc ut")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.classList.contains('langso-search__link')")
    assert focused is True
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "langso-search-input"
    page.keyboard.press("Escape")
    assert page.locator("#langso-search-results").is_hidden()


def test_enter_opens_the_search_page_with_every_result(page: Page, c02_url: str) -> None:
    requests = open_site(page, c02_url)
    page.fill("#langso-search-input", "cho ap bac")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{c02_url}tim-kiem/?q=cho+ap+bac")
    box = page.locator("#langso-search-page")
    box.locator(".langso-search__item").first.wait_for()
    assert box.locator(".langso-search__title").all_inner_texts() == ["Đình làng Phú Mỹ"]
    assert box.locator(".langso-search__snippet mark").inner_text() == "chợ Ấp Bắc"
    assert page.input_value("#langso-search-input") == "cho ap bac"
    assert any(INDEX in url for url in requests)


def test_without_javascript_the_search_page_says_so(browser: Browser, c02_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        requests = open_site(page, c02_url)
        assert page.locator("article h1").inner_text().startswith("Sổ tay của làng")
        page.fill("#langso-search-input", "dinh")
        page.keyboard.press("Enter")
        page.wait_for_url(f"{c02_url}tim-kiem/?q=dinh")
        text = page.locator("#langso-search-page").inner_text()
        assert "Tìm kiếm chạy ngay trong trình duyệt nên cần bật JavaScript." in text
        assert not [url for url in requests if INDEX in url]
    finally:
        context.close()


def test_chromium_folds_like_python(page: Page, c02_url: str) -> None:
    open_site(page, c02_url)
    folded = page.evaluate("table => table.map(window.langsoSearch.fold)", TABLE)
    assert folded == [fold(text) for text in TABLE]
