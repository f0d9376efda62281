"""Markdown tables wider than a phone: they scroll inside themselves, never the page, and a
keyboard can reach and scroll them, before Material's script runs and after (axe-core's
``scrollable-region-focusable``), at every reader font size."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, sync_playwright

from langso.reader.tables import focusable_tables
from tests.browser import launch, serve
from tests.conftest import SiteFactory, build_site
from tests.reader.sites import reader_site

PREFIX = "/lang-phu-my/"
PAGE = "dia-diem/dinh-lang-phu-my/"

WIDE = """# Đình làng Phú Mỹ

Tên các cấp hành chính trước và sau ngày 01/07/2025:

| Cấp | Trước 01/07/2025 | Từ 01/07/2025 | Trụ sở | Điện thoại | Ghi chú |
|---|---|---|---|---|---|
| Xã | xã Định Long | xã Yên Định | thôn Là Thôn | 0300 000 001 | sáp nhập |
| Huyện | huyện Yên Định | không còn | thị trấn Quán Lào | 0300 000 002 | hai cấp |

Hết bảng.

## Nguồn

- [Bài viết mẫu](https://example.com/)
"""


def test_a_markdown_table_becomes_focusable() -> None:
    assert focusable_tables("<p>x</p><table>\n<thead>") == '<p>x</p><table tabindex="0">\n<thead>'
    assert focusable_tables('<table summary="a">') == '<table summary="a" tabindex="0">'


@pytest.mark.parametrize(
    "table",
    ['<table class="langso-hours">', '<table tabindex="-1">', "<tablet>", "<TABLE CLASS=x>"],
)
def test_a_table_drawn_by_a_plugin_or_with_its_own_tabindex_is_left_alone(table: str) -> None:
    assert focusable_tables(table) == table


def test_the_built_page_has_the_focusable_table(make_site: SiteFactory) -> None:
    root = reader_site(make_site)
    (root / "content/dia-diem/dinh-lang-phu-my.md").write_text(WIDE, encoding="utf-8")
    result = build_site(root)
    assert result.ok, result.text()
    assert '<table tabindex="0">\n<thead>\n<tr>\n<th>Cấp</th>' in result.read(PAGE + "index.html")


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from tests.conftest import copy_site

    root = tmp_path_factory.mktemp("tables") / "src"

    def make(files: dict[str, str | None] | None = None, config: Any = None) -> Any:
        return copy_site(root, "minimal", files, config)

    reader_site(make)
    (root / "content/dia-diem/dinh-lang-phu-my.md").write_text(WIDE, encoding="utf-8")
    result = build_site(root)
    assert result.ok, result.text()
    with serve(result.site_dir, PREFIX) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


def _problems(page: Any) -> list[str]:
    results: Any = Axe().run(page, options={"resultTypes": ["violations"]})
    return [
        f"{v['id']}: {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
        if v["id"] in ("scrollable-region-focusable", "empty-table-header")
    ]


@pytest.mark.browser
@pytest.mark.parametrize("size", [-1, 0, 3])
def test_a_wide_table_scrolls_by_keyboard_and_never_widens_the_page(
    browser: Browser, site_url: str, size: int
) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    context.add_init_script(
        f"try{{localStorage.setItem('{PREFIX}langso.size','{size}')}}catch(e){{}}"
    )
    page = context.new_page()
    try:
        page.goto(site_url + PAGE, wait_until="load")
        found = {"before the script": _problems(page)}
        widths = {"before the script": page.evaluate("document.documentElement.scrollWidth")}
        # The table is wider than the phone: before the script it is the box that scrolls.
        table = page.locator("article table")
        assert table.evaluate("t => t.scrollWidth > t.clientWidth"), size
        page.evaluate("window.langsoLoadTheme()")
        page.wait_for_function("() => window.document$ !== undefined")
        page.wait_for_selector(".md-typeset__scrollwrap table")
        found["after"] = _problems(page)
        widths["after"] = page.evaluate("document.documentElement.scrollWidth")
        assert {when: v for when, v in found.items() if v} == {}, size
        assert widths == {"before the script": 360, "after": 360}, size
        # Focused (as Tab would), the right arrow scrolls the box the script put it in.
        table.focus()
        assert page.evaluate("document.activeElement.tagName") == "TABLE"
        wrap = page.locator(".md-typeset__scrollwrap")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("document.querySelector('.md-typeset__scrollwrap').scrollLeft > 0")
        assert wrap.evaluate("w => w.scrollLeft") > 0
    finally:
        context.close()
