"""A plaque's one print page (``bien-qr/<id>-in.html``) as Chromium prints it, without
JavaScript: one A5 page by default, one A6 page at ``#a6``, and the code on it decodes to the
plaque's short address; on a 360 px phone the page does not overflow."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pypdfium2  # type: ignore[import-untyped]
import pytest
import zxingcpp

from tests.browser import serve
from tests.conftest import SiteFactory, build_site

pytestmark = pytest.mark.browser

SITE_URL = "https://example.github.io/lang-phu-my/"
MM_PER_PT = 25.4 / 72


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import shutil

    from tests.conftest import FIXTURE_SITES

    root = tmp_path_factory.mktemp("print-page") / "src"
    shutil.copytree(FIXTURE_SITES / "minimal", root)
    result = build_site(root)
    assert result.ok, result.text()
    with serve(result.site_dir) as url:
        yield url


def _printed(browser: Any, url: str) -> list[tuple[tuple[int, int], list[str]]]:
    """(page size in whole mm, decoded codes) of each page Chromium prints from ``url``."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(url)
        pdf = pypdfium2.PdfDocument(page.pdf(prefer_css_page_size=True, print_background=True))
        printed = []
        for sheet in pdf:
            width, height = sheet.get_size()
            image = sheet.render(scale=200 / 72).to_pil()
            size = (round(width * MM_PER_PT), round(height * MM_PER_PT))
            printed.append((size, [code.text for code in zxingcpp.read_barcodes(image)]))
        return printed
    finally:
        context.close()


@pytest.mark.parametrize(
    ("fragment", "size"), [("", (148, 210)), ("#a5", (148, 210)), ("#a6", (105, 148))]
)
def test_the_print_page_prints_one_sheet_of_the_chosen_paper(
    browser: Any, site_url: str, fragment: str, size: tuple[int, int]
) -> None:
    printed = _printed(browser, site_url + "bien-qr/dinh-in.html" + fragment)
    assert printed == [(size, [SITE_URL + "q/dinh/"])]


def test_the_print_page_fits_a_phone_and_its_choices_are_large(browser: Any, site_url: str) -> None:
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    )
    try:
        page = context.new_page()
        page.goto(site_url + "bien-qr/dinh-in.html")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        for link in page.locator("nav a").all():
            box = link.bounding_box()
            assert box is not None and box["width"] >= 48 and box["height"] >= 48
        page.locator("nav a", has_text="A6").click()
        assert page.locator("#a6 .sheet").is_visible()
        assert not page.locator("#a5 .sheet").is_visible()
    finally:
        context.close()


def test_the_index_links_the_print_page(make_site: SiteFactory) -> None:
    result = build_site(make_site())
    assert result.ok, result.text()
    links = result.soup("bien-qr/index.html").select("article p.langso-plaque a")
    assert [a["href"] for a in links if "-in.html" in str(a["href"])] == [
        "dinh-in.html",
        "cho-in.html",
    ]
