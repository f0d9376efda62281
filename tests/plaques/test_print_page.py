"""The plaques' print pages (``bien-qr/in-<k>.html``, 20 plaques a page) as Chromium prints
them, without JavaScript: ``#a5-<id>`` prints that plaque's one A5 page, ``#a6-<id>`` its one A6
page, no fragment every plaque's A5 page in order, and each code decodes to its plaque's short
address; on a 360 px phone the page does not overflow."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pypdfium2  # type: ignore[import-untyped]
import pytest
import yaml
import zxingcpp

from langso.plaques.fit import fits
from langso.printing import PAPERS, PlaqueItem
from langso.printing.layout import modules_of_svg
from tests.browser import serve
from tests.conftest import FIXTURE_SITES, SiteFactory, build_site
from tests.reader.test_phone import violations

pytestmark = pytest.mark.browser

SITE_URL = "https://example.github.io/lang-phu-my/"
MM_PER_PT = 25.4 / 72
A5, A6 = (148, 210), (105, 148)
IDS = ["dinh", "cho", "dinh-a6", "a5-dinh", *[f"p{n:02}" for n in range(1, 18)]]
"""21 plaques: two print pages. ``dinh-a6`` and ``a5-dinh`` would collide with ``dinh``'s
sheets had the sheets' ids been ``<id>`` and ``<id>-a6``."""


def _url(plaque_id: str) -> str:
    return f"{SITE_URL}q/{plaque_id}/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Any]]:
    """The minimal site with :data:`IDS` plaques, served; yields (base URL, build result)."""
    root = tmp_path_factory.mktemp("print-page") / "src"
    shutil.copytree(FIXTURE_SITES / "minimal", root)
    registry = yaml.safe_load((root / "content/plaques.yml").read_text(encoding="utf-8"))
    registry += [
        {"id": plaque_id, "ten": f"Biển {plaque_id}", "trang": "dia-diem/dinh-lang-phu-my.md"}
        for plaque_id in IDS[2:]
    ]
    text = yaml.safe_dump(registry, allow_unicode=True, sort_keys=False)
    (root / "content/plaques.yml").write_text(text, encoding="utf-8")
    result = build_site(root)
    assert result.ok, result.text()
    with serve(result.site_dir) as url:
        yield url, result


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
            image = sheet.render(scale=150 / 72).to_pil()
            size = (round(width * MM_PER_PT), round(height * MM_PER_PT))
            printed.append((size, [code.text for code in zxingcpp.read_barcodes(image)]))
        return printed
    finally:
        context.close()


@pytest.mark.parametrize(
    ("fragment", "size", "plaque_id"),
    [
        ("#a5-dinh", A5, "dinh"),
        ("#a6-dinh", A6, "dinh"),
        ("#a5-dinh-a6", A5, "dinh-a6"),
        ("#a6-a5-dinh", A6, "a5-dinh"),
        ("#a6-p16", A6, "p16"),
    ],
)
def test_a_chosen_sheet_prints_alone_on_its_paper(
    browser: Any, built: tuple[str, Any], fragment: str, size: tuple[int, int], plaque_id: str
) -> None:
    assert _printed(browser, built[0] + "bien-qr/in-1.html" + fragment) == [
        (size, [_url(plaque_id)])
    ]


def test_without_a_choice_every_plaque_prints_on_a5_in_order(
    browser: Any, built: tuple[str, Any]
) -> None:
    first = _printed(browser, built[0] + "bien-qr/in-1.html")
    assert first == [(A5, [_url(plaque_id)]) for plaque_id in IDS[:20]]
    assert _printed(browser, built[0] + "bien-qr/in-2.html") == [(A5, [_url("p17")])]
    assert _printed(browser, built[0] + "bien-qr/in-2.html#a6-p17") == [(A6, [_url("p17")])]


def test_the_print_pages_hold_twenty_plaques_and_unique_ids(built: tuple[str, Any]) -> None:
    result = built[1]
    pages = sorted(p.name for p in (result.site_dir / "bien-qr").glob("in-*.html"))
    assert pages == ["in-1.html", "in-2.html"]
    ids = [str(tag["id"]) for tag in result.soup("bien-qr/in-1.html").select("[id]")]
    assert len(ids) == len(set(ids)) == 40
    second = result.soup("bien-qr/in-2.html")
    assert [str(tag["id"]) for tag in second.select("[id]")] == ["a5-p17", "a6-p17"]
    assert second.select_one("h1").get_text() == "Bản in biển mã QR (2/2)"
    intro = second.select_one(".intro")
    assert intro is not None and "Chưa chọn biển nào thì lệnh In in khổ A5 của mọi biển" in str(
        intro
    )


def test_the_print_page_fits_a_phone_and_its_choices_are_large(
    browser: Any, built: tuple[str, Any]
) -> None:
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    )
    try:
        page = context.new_page()
        page.goto(built[0] + "bien-qr/in-1.html")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        links = page.locator(".choose a").all()
        assert len(links) == 40
        for link in links:
            box = link.bounding_box()
            assert box is not None and box["width"] >= 48 and box["height"] >= 48
        assert page.locator("#a5-cho .sheet").is_visible()
        found = violations(page)
        assert found == [], "\n".join(found)
        page.locator(".choose a", has_text="In khổ A6").first.click()
        assert page.locator("#a6-dinh .sheet").is_visible()
        assert not page.locator("#a5-dinh .sheet").is_visible()
        assert not page.locator("#a5-cho .sheet").is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()


def test_the_index_links_each_plaque_to_its_sheet(built: tuple[str, Any]) -> None:
    links = built[1].soup("bien-qr/index.html").select("article p.langso-plaque a")
    printing = [str(a["href"]) for a in links if "in-" in str(a["href"])]
    assert printing == [f"in-1.html#a5-{i}" for i in IDS[:20]] + ["in-2.html#a5-p17"]


def test_a_two_plaque_site_has_one_print_page(make_site: SiteFactory) -> None:
    result = build_site(make_site())
    assert result.ok, result.text()
    links = result.soup("bien-qr/index.html").select("article p.langso-plaque a")
    assert [a["href"] for a in links if "in-" in str(a["href"])] == [
        "in-1.html#a5-dinh",
        "in-1.html#a5-cho",
    ]
    assert not (result.site_dir / "bien-qr/in-2.html").exists()


def test_a_sheet_opened_straight_from_a_bookmark_prints_without_its_focus_ring(
    browser: Any, built: tuple[str, Any]
) -> None:
    """Opening ``in-1.html#a6-dinh`` directly focuses the sheet (it has ``tabindex``), and
    Chromium drew its focus ring (``outline: auto 1px``) as a dark hairline at the bottom of
    the printed A6 page; clicking "In khổ A6" did not. In print the sheet has no outline."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(built[0] + "bien-qr/in-1.html#a6-dinh")
        page.emulate_media(media="print")
        style = "e => [document.activeElement === e, getComputedStyle(e).outlineStyle]"
        assert page.eval_on_selector("#a6-dinh", style) == [True, "none"]
        # the printed page's bottom rows are white, edge to edge
        pdf = pypdfium2.PdfDocument(page.pdf(prefer_css_page_size=True, print_background=True))
        assert len(pdf) == 1
        image = pdf[0].render(scale=300 / 72).to_pil().convert("L")
        width, height = image.size
        bottom = [image.getpixel((x, y)) for y in range(height - 6, height) for x in range(width)]
        assert min(bottom) > 240, min(bottom)
    finally:
        context.close()


def test_the_a6_link_says_how_near_a_reader_must_stand(built: tuple[str, Any]) -> None:
    """``langso plaques print --paper A6`` refuses every plaque read from 1 m: the print page
    says, beside "In khổ A6", the farthest distance that plaque's A6 code is read from: the
    distance at which the command's own check (fit.py) still lets A6 hold it, and no farther."""
    html = (built[1].site_dir / "bien-qr" / "in-1.html").read_text(encoding="utf-8")
    assert (
        '<p class="choose"><a href="#a5-dinh">In khổ A5</a><a href="#a6-dinh">In khổ A6</a>'
        '<span class="reach">mã khổ A6 đọc từ tối đa 0,72 m</span></p>'
    ) in html
    assert html.count('<span class="reach">mã khổ A6 đọc từ tối đa ') == 20
    sheet = html.split('id="a6-dinh"', 1)[1]
    svg = sheet[sheet.index("<svg") : sheet.index("</svg>") + 6]
    item = PlaqueItem("dinh", "Đình", _url("dinh"), "Làng", svg, modules_of_svg(svg))
    assert fits(item, PAPERS["A6"], 0.72)
    assert not fits(item, PAPERS["A6"], 0.73)
