""" "Chỉ đường" on every place with coordinates (langso.geomap.directions): a web link in the
HTML (works without JavaScript), made the phone's own map app by a few inline lines — `geo:`
on Android, Apple Maps on iPhone — with no request on load. Real Chromium, phone viewport."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from langso.geomap.directions import SCRIPT, apple_maps_url, geo_uri, web_directions_url
from tests.browser import serve
from tests.conftest import build_site, copy_site

pytestmark = pytest.mark.browser  # skipped without Chromium, failed under CI: conftest.py

ANDROID = (
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Mobile Safari/537.36"
)
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)
DESKTOP = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36"
)

LANDMARK = """---
title: "Cây đa (đầu) làng & giếng"
toa_do: '19.9822, 105.6431'
---

# Cây đa (đầu) làng & giếng

Cây đa cổ.

## Nguồn
"""

PAGES = {"landmark": "dia-diem/cay-da/", "service": "danh-ba/cho-phu-my/"}
WEB = {
    "landmark": web_directions_url(19.9822, 105.6431),
    "service": web_directions_url(19.98, 105.64),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    root = copy_site(
        tmp_path_factory.mktemp("directions") / "site",
        files={"content/dia-diem/cay-da.md": LANDMARK},
    )
    result = build_site(root)
    assert result.ok, result.text()
    with serve(result.site_dir) as base:
        yield base, result.site_dir


def _hrefs(browser: Any, url: str, agent: str, *, javascript: bool = True) -> list[str]:
    context = browser.new_context(
        user_agent=agent,
        viewport={"width": 360, "height": 740},
        java_script_enabled=javascript,
        is_mobile=agent != DESKTOP,
        has_touch=agent != DESKTOP,
    )
    page = context.new_page()
    page.goto(url)
    hrefs = page.eval_on_selector_all("a[data-langso-geo]", "els => els.map(e => e.href)")
    context.close()
    return list(hrefs)


@pytest.mark.parametrize("kind", ["landmark", "service"])
def test_directions_open_the_phones_map_app(
    browser: Any, site: tuple[str, Path], kind: str
) -> None:
    base, _ = site
    url = base + PAGES[kind]
    name = "Cây đa (đầu) làng & giếng" if kind == "landmark" else "Chợ Phú Mỹ"
    lat, lon = (19.9822, 105.6431) if kind == "landmark" else (19.98, 105.64)
    assert _hrefs(browser, url, ANDROID) == [geo_uri(lat, lon, name)]
    assert _hrefs(browser, url, IPHONE) == [apple_maps_url(lat, lon)]
    assert _hrefs(browser, url, DESKTOP) == [WEB[kind]]
    assert _hrefs(browser, url, ANDROID, javascript=False) == [WEB[kind]]


def test_landmark_button_under_the_title(browser: Any, site: tuple[str, Path]) -> None:
    base, site_dir = site
    html = (site_dir / PAGES["landmark"] / "index.html").read_text(encoding="utf-8")
    assert (
        '<h1 id="cay-da-dau-lang-gieng">Cây đa (đầu) làng &amp; giếng</h1>\n'
        '<p class="langso-actions langso-directions langso-web-only langso-nosnippet">'
        '<a class="langso-action" href="https://www.google.com/maps/dir/?api=1&amp;destination='
        '19.9822,105.6431" data-langso-geo="19.9822,105.6431">Chỉ đường</a></p>'
    ) in html
    assert html.count(SCRIPT) == 1
    context = browser.new_context(viewport={"width": 360, "height": 740}, user_agent=ANDROID)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base + PAGES["landmark"])
    box = page.locator("a[data-langso-geo]").bounding_box()
    assert box is not None and box["width"] >= 48 and box["height"] >= 48
    assert box["y"] < 740  # on the first screen
    assert all(r.startswith(base.split("/lang")[0]) for r in requests)  # nothing leaves the host
    context.close()


def test_pages_without_coordinates_have_no_script(site: tuple[str, Path]) -> None:
    _, site_dir = site
    html = (site_dir / "dia-diem" / "dinh-lang-phu-my" / "index.html").read_text(encoding="utf-8")
    assert "data-langso-geo" not in html and "maps.apple.com" not in html


LINES = """a => {
  const range = document.createRange();
  range.selectNodeContents(a);
  return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
}"""


@pytest.mark.parametrize("size", [0, 3])
def test_a_lone_button_takes_the_whole_row(browser: Any, sample_url: str, size: int) -> None:
    """On the sample's landmark page, at A and A+ max (3, scale 1.6), the only action spans the
    row and "Chỉ đường" stays on one line: before and after Material's full CSS loads."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, user_agent=ANDROID)
    context.add_init_script(
        f"try{{localStorage.setItem('/lang-so/langso.size','{size}')}}catch(e){{}}"
    )
    page = context.new_page()
    try:
        page.goto(sample_url + "dia-diem/dinh-lang-la-thon/")
        shown = page.evaluate("document.documentElement.dataset.langsoSize")
        assert shown == (str(size) if size else None)
        link = page.locator("a[data-langso-geo]")
        for moment in ("first paint", "after a tap"):
            box = link.bounding_box()
            row = page.locator("p.langso-directions").bounding_box()
            assert box is not None and row is not None
            assert box["width"] == pytest.approx(row["width"], abs=1), (moment, box, row)
            assert box["height"] >= 48
            assert link.evaluate(LINES) == 1, moment
            page.keyboard.press("Shift")  # first interaction: the full stylesheets load
            page.wait_for_load_state("networkidle")
        assert page.evaluate(
            "[...document.styleSheets].some(s => /main\\.[0-9a-f]+\\.min\\.css/.test(s.href))"
        )
    finally:
        context.close()


def test_the_pins_label_is_the_title_without_its_permalink(browser: Any, sample_url: str) -> None:
    """The sample's headings carry a permalink "¶" (``toc: permalink``): not in the label."""
    assert _hrefs(browser, sample_url + "dia-diem/dinh-lang-la-thon/", ANDROID) == [
        geo_uri(19.9818, 105.6436, "Đình làng Là Thôn")
    ]
