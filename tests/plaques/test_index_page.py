"""The plaques index (``bien-qr/``) as a reader sees it: one card a plaque that fits a 360 px
phone at every reader font size, the short address printed on the plaque as a full address,
explained in plain Vietnamese (no ``q/<mã>/`` notation)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import ViewportSize

from tests.browser import launch, serve
from tests.conftest import SiteFactory, build_site

SITE_URL = "https://example.github.io/lang-phu-my/"
PHONE: ViewportSize = {"width": 360, "height": 740}
PREFIX = "/lang-phu-my/"
PLUGINS = ["langso/content", "langso/directory", "langso/plaques", "langso/reader"]


def test_every_plaque_is_a_card_without_a_table(make_site: SiteFactory) -> None:
    result = build_site(make_site(config={"plugins": PLUGINS}))
    assert result.ok, result.text()
    soup = result.soup("bien-qr/index.html")
    article = soup.select_one("article")
    assert article is not None
    assert article.select("table") == []
    text = article.get_text(" ")
    assert "q/<" not in text and "mã>" not in text and "‹" not in text
    assert "Quét mã bằng điện thoại là mở được trang của địa điểm" in text
    cards = article.select("p.langso-plaque")
    assert len(cards) == 2
    first = cards[0]
    assert first.select("img") == []  # the QR code is on the print page: no image file
    name = first.select_one(".langso-plaque__name a")
    assert name is not None and name.get_text() == "Đình làng Phú Mỹ"
    assert name["href"] == "../dia-diem/dinh-lang-phu-my/"
    short = first.select_one("a.langso-plaque__short")
    assert short is not None and short["href"] == "../q/dinh/"
    assert short.get_text() == SITE_URL + "q/dinh/"
    lines = [line.strip() for line in first.get_text().split("\n")]
    assert lines[1].startswith("Tình trạng: ")
    assert lines[2] == f"Địa chỉ in trên biển: {SITE_URL}q/dinh/"
    assert lines[3] == "Mã QR và bản in A5, A6"
    assert first.select("a")[-1]["href"] == "in-1.html#a5-dinh"
    assert "../assets/langso/plaques.css" in result.read("bien-qr/index.html")
    assert (result.site_dir / "assets/langso/plaques.css").is_file()


@pytest.fixture(scope="module")
def plaques_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import shutil

    import yaml

    from tests.conftest import FIXTURE_SITES

    root = tmp_path_factory.mktemp("plaques") / "src"
    shutil.copytree(FIXTURE_SITES / "minimal", root)
    data = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    data["plugins"] = PLUGINS
    (root / "mkdocs.yml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    result = build_site(root)
    assert result.ok, result.text()
    with serve(result.site_dir) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("size", [-1, 0, 1, 2, 3])
def test_the_plaques_page_fits_a_phone(plaques_url: str, size: int) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            context = browser.new_context(
                viewport=PHONE,
                device_scale_factor=2,
                is_mobile=True,
                has_touch=True,
            )
            context.add_init_script(
                f"try{{localStorage.setItem('{PREFIX}langso.size','{size}')}}catch(e){{}}"
            )
            page = context.new_page()
            page.goto(plaques_url + "bien-qr/")
            page.wait_for_load_state("load")
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], f"size {size}: {width} px wide"
            card = page.locator("p.langso-plaque").first
            box = card.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
            for link in card.locator("a").all():
                spot = link.bounding_box()
                assert spot is not None and spot["height"] >= 48, link.inner_text()
                assert spot["x"] + spot["width"] <= PHONE["width"]
        finally:
            browser.close()
