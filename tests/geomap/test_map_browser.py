"""The map page ``ban-do/`` in Chromium on a 360 × 740 phone (langso/map, issue 16): its points
drawn with no base map (the sample) and on test PMTiles base maps (raster and vector, made here),
filters, popups, the position asked only on tap, a tour's route, no request to another host, the
map's files requested only after the first paint, and the bytes before and after interaction."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html import unescape as html_unescape
from pathlib import Path
from typing import Any

import pytest

from tests.browser import serve
from tests.conftest import BuildResult, build_site, copy_site
from tests.geomap.pmtiles_files import raster_pmtiles, vector_pmtiles

pytestmark = pytest.mark.browser  # skipped without Chromium, failed under CI: conftest.py

PHONE = {"width": 360, "height": 740}
BOUNDS = (105.63, 19.97, 105.66, 19.99)
LANDMARK = """---
toa_do: '19.9810, 105.6410'
---

# Đình làng Phú Mỹ

Một trang mẫu.

## Nguồn

- [Bài viết mẫu](https://example.com/)
"""
ROUTE = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {
                "slug": "ba-ngoi-dinh",
                "ten": "Ba ngôi đình",
                "url": "dia-diem/dinh-lang-phu-my/",
                "khoang_cach_m": 180,
                "phut": 4,
                "khoang_cach_chu": "180 m",  # the tour page's own words (langso.tours)
                "thoi_gian_chu": "khoảng 4 phút",
            },
            "geometry": {"type": "LineString", "coordinates": [[105.641, 19.981], [105.64, 19.98]]},
        }
    ],
}


def _test_site(root: Path, tiles: str) -> Path:
    files: dict[str, str | None] = {
        "content/dia-diem/dinh-lang-phu-my.md": LANDMARK,
        "content/tuyen-tham-quan/tuyen.geojson": json.dumps(ROUTE),
    }
    copy_site(root, files=files)
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8").replace(
        "  - langso/plaques", "  - langso/map\n  - langso/plaques"
    )
    config.write_text(text, "utf-8")
    archive = root / "content" / "ban-do" / "nen.pmtiles"
    if tiles == "raster":
        raster_pmtiles(archive, BOUNDS, 12, 16, color=(236, 226, 200))
    elif tiles == "vector":
        vector_pmtiles(archive, BOUNDS, 12, 15)
    result = build_site(root)
    assert result.ok, result.text()
    return result.site_dir


@pytest.fixture(scope="module", params=["raster", "vector"])
def tiled(request: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    site = _test_site(tmp_path_factory.mktemp("map") / "site-src", request.param)
    with serve(site) as url:
        yield request.param, url


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = _test_site(tmp_path_factory.mktemp("map") / "site-src", "none")
    with serve(site) as url:
        yield url


class Visit:
    """A phone page on ``url`` that records every request and the bytes received."""

    def __init__(self, browser: Any, url: str, **options: Any) -> None:
        self.context = browser.new_context(
            viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2, **options
        )
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        cdp = self.context.new_cdp_session(self.page)
        cdp.send("Network.enable")
        self.received: dict[str, int] = {}
        cdp.on(
            "Network.loadingFinished",
            lambda e: self.received.__setitem__(e["requestId"], int(e["encodedDataLength"])),
        )

    def bytes(self) -> int:
        return sum(self.received.values())

    def close(self) -> None:
        self.context.close()


PINS = ".leaflet-marker-pane .langso-map__pin"
MARKERS = f"""() => [...document.querySelectorAll('{PINS}')]
  .map(e => e.getAttribute('aria-label'))"""


def marker_names(page: Any) -> list[list[str]]:
    """Each marker's places, by name (its label: ``Tên`` or ``3 nơi: A; B; C``)."""
    found = []
    for label in page.evaluate(MARKERS):
        head, _, names = label.partition(" nơi: ")
        found.append(names.split("; ") if names and head.isdigit() else [label])
    return found


def spots(html: str) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """The list's places by spot: ``(lat, lon)`` → ``[(href, name)]``, each page once."""
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for href, lat, lon, name in re.findall(
        r'<a class="langso-card__link" href="([^"]+)" data-lat="([^"]+)" data-lon="([^"]+)">'
        r'<span class="langso-card__title">([^<]+)</span>',
        html,
    ):
        places = found.setdefault((lat, lon), [])
        if href not in [h for h, _ in places]:
            places.append((href, html_unescape(name)))
    return found


TIMING = """() => {
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  const files = performance.getEntriesByType('resource')
    .filter(e => /leaflet|map\\.js|map\\.css|map-tour|pmtiles|map-source/.test(e.name));
  return [paint ? paint.startTime : null, files.map(e => [e.name, e.startTime])];
}"""
SHOWN_LISTS = """() => [...document.querySelectorAll('ul[data-nhom]')]
  .filter(u => !u.hidden && u.offsetHeight > 0).map(u => u.dataset.nhom)"""


def test_the_sample_map_shows_every_point_on_a_plain_background(
    browser: Any, sample_site: BuildResult, sample_url: str
) -> None:
    html = sample_site.read("ban-do/index.html")
    names = {name for places in spots(html).values() for _, name in places}
    hrefs = {href for places in spots(html).values() for href, _ in places}
    visit = Visit(browser, sample_url + "ban-do/")
    page = visit.page
    page.goto(sample_url + "ban-do/", wait_until="load")
    first = visit.bytes()
    page.wait_for_selector(PINS)
    page.wait_for_load_state("networkidle")
    drawn = visit.bytes()
    # every place in exactly one marker
    shown = [name for marker in marker_names(page) for name in marker]
    assert sorted(shown) == sorted(names) and len(names) == len(hrefs) == 22
    assert page.locator(".leaflet-tile").count() == 0  # no base map
    assert page.locator(".leaflet-control-scale-line").inner_text().endswith(("m", "km"))
    # the map's files after the first paint, never before
    paint, files = page.evaluate(TIMING)
    assert paint is not None and len(files) == 5, files  # with map-tour.js: the sample has tours
    assert all(start > paint for _, start in files), (paint, files)

    select = page.get_by_label("Hiện:")
    assert select.input_value() == ""
    assert select.locator("option").first.inner_text() == "Tất cả (22)"
    select.select_option(label="Y tế (2)")
    assert sorted(n for m in marker_names(page) for n in m) == [
        "Nhà thuốc mẫu số 1 (dữ liệu mẫu)",
        "Trạm Y tế xã Yên Định",
    ]
    assert page.evaluate(SHOWN_LISTS) == ["dv-y-te"]  # the list follows the filter
    page.locator(PINS).first.dispatch_event("click")
    link = page.locator(".leaflet-popup a.langso-map__open")
    assert link.inner_text() == "Mở trang"
    assert page.get_by_role("button", name="Đóng").count() == 1
    assert link.get_attribute("href", timeout=2000) in hrefs
    select.select_option(label="Tất cả (22)")
    assert len(page.evaluate(SHOWN_LISTS)) > 10
    assert sorted(n for m in marker_names(page) for n in m) == sorted(names)
    page.get_by_role("button", name="Phóng to").click()
    page.wait_for_load_state("networkidle")
    after = visit.bytes()
    print(f"\nsample ban-do/: load {first} B, map drawn {drawn} B, after taps {after} B")
    assert all(url.startswith(sample_url) for url in visit.requests), visit.requests
    visit.close()


def test_labels_never_overlap_and_the_page_fits_the_phone(browser: Any, sample_url: str) -> None:
    visit = Visit(browser, sample_url)
    page = visit.page
    page.goto(sample_url + "ban-do/")
    page.wait_for_selector(PINS)
    for _ in range(3):
        page.get_by_role("button", name="Phóng to").click()
        page.wait_for_timeout(400)  # the zoom animation (Leaflet's own 250 ms)
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('.langso-map__label')]
          .filter(e => getComputedStyle(e).visibility !== 'hidden')
          .map(e => e.getBoundingClientRect())
          .map(r => [r.left, r.top, r.right, r.bottom])"""
    )
    assert boxes
    canvas = page.locator(".langso-map__canvas").bounding_box()
    assert canvas is not None
    for i, a in enumerate(boxes):
        # never cut by the map's edge
        assert canvas["x"] <= a[0] and a[2] <= canvas["x"] + canvas["width"], (a, canvas)
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and a[2] > b[0] and a[1] < b[3] and a[3] > b[1]), (a, b)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    small = page.evaluate(
        """() => [...document.querySelectorAll(
          '.langso-map__select, .langso-map__locate, .leaflet-control-zoom a, .langso-map-list a')]
          .map(e => e.getBoundingClientRect())
          .filter(r => r.width < 48 || r.height < 48).length"""
    )
    assert small == 0
    visit.close()


def test_the_position_is_asked_only_on_tap(browser: Any, plain: str) -> None:
    visit = Visit(
        browser,
        plain,
        geolocation={"latitude": 19.9805, "longitude": 105.6405, "accuracy": 25},
        permissions=["geolocation"],
    )
    page = visit.page
    page.add_init_script(
        """window.asked = 0; const real = navigator.geolocation.getCurrentPosition
          .bind(navigator.geolocation);
        navigator.geolocation.getCurrentPosition = (a, b, c) => {
          window.asked++; real(a, b, c); };"""
    )
    page.goto(plain + "ban-do/")
    page.wait_for_selector(PINS)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.asked") == 0
    page.get_by_role("button", name="Vị trí của tôi").click()
    status = page.locator(".langso-map__status")
    status.filter(has_text="Chấm xanh").wait_for()
    assert status.inner_text() == "Chấm xanh là chỗ bạn đang đứng (sai số khoảng 25 m)."
    assert page.evaluate("window.asked") == 1
    visit.close()


def test_a_tour_route_is_drawn_from_the_tours_file(browser: Any, plain: str) -> None:
    """The route alone (the filter brings the points back), its two ends marked when the file
    has no stops."""
    visit = Visit(browser, plain)
    page = visit.page
    page.goto(plain + "ban-do/?tuyen=ba-ngoi-dinh")
    page.locator(".langso-map__status a").wait_for()
    assert page.locator(".langso-map__status").inner_text() == (
        "Tuyến: Ba ngôi đình · 180 m · khoảng 4 phút đi bộ"  # as the tour page writes them
    )
    assert page.locator(".langso-map__status a").get_attribute("href") == (
        "../dia-diem/dinh-lang-phu-my/"
    )
    assert page.locator("path.leaflet-interactive").count() == 1
    stops = page.locator(".langso-map__stop")
    assert [stops.nth(i).get_attribute("aria-label") for i in range(stops.count())] == [
        "1. Điểm đầu (bắt đầu)",
        "2. Điểm cuối (kết thúc)",
    ]
    assert page.locator(PINS).count() == 0  # the other points hidden
    select = page.get_by_label("Hiện:")
    assert select.input_value() == "tuyen"
    select.select_option(label="Tất cả (2)")
    assert page.locator(PINS).count() >= 1
    visit.close()


def test_without_javascript_the_list_is_the_page(browser: Any, plain: str) -> None:
    visit = Visit(browser, plain, java_script_enabled=False)
    page = visit.page
    page.goto(plain + "ban-do/")
    box = page.locator("#ban-do-khung").bounding_box()
    assert box is not None and box["height"] == 0
    links = page.locator(".langso-map-list a")
    assert links.count() == 4
    assert links.first.is_visible()
    heights = page.evaluate(
        "[...document.querySelectorAll('.langso-map-list a')].map(a => a.offsetHeight)"
    )
    assert min(heights) >= 48, heights
    assert not [u for u in visit.requests if "leaflet" in u or "map" in u.rsplit("/", 1)[-1]]
    visit.close()


PIXELS = """async () => {
  const tiles = [...document.querySelectorAll(
    '.leaflet-tile-pane img.leaflet-tile-loaded, .leaflet-tile-pane canvas')];
  const colours = new Set();
  for (const tile of tiles) {
    let canvas = tile;
    if (tile.tagName === 'IMG') {
      canvas = document.createElement('canvas');
      canvas.width = tile.naturalWidth; canvas.height = tile.naturalHeight;
      canvas.getContext('2d').drawImage(tile, 0, 0);
    }
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 0; i < data.length; i += 4 * 97) colours.add(data.slice(i, i + 4).join(','));
  }
  return [tiles.length, [...colours]];
}"""


def test_a_base_map_is_drawn_from_the_sites_own_file(browser: Any, tiled: tuple[str, str]) -> None:
    kind, url = tiled
    visit = Visit(browser, url)
    page = visit.page
    page.goto(url + "ban-do/", wait_until="load")
    first = visit.bytes()
    page.wait_for_selector(PINS)
    assert page.locator(PINS).count() == 2
    selector = "img.leaflet-tile-loaded" if kind == "raster" else ".leaflet-tile-pane canvas"
    page.wait_for_selector(selector)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # protomaps-leaflet paints its canvases after the data arrives
    drawn = visit.bytes()
    count, colours = page.evaluate(PIXELS)
    assert count > 0
    painted = [c for c in colours if not c.endswith(",0")]  # not transparent
    if kind == "raster":
        assert "236,226,200,255" in painted, colours
    else:
        assert len(painted) >= 2, colours  # land and water, roads: not one blank fill
    assert page.locator(".leaflet-control-attribution").inner_text() == "© OpenStreetMap"
    # the credit links to the OSMF's copyright page (a link: nothing requested)
    credit = page.locator(".leaflet-control-attribution a")
    assert credit.get_attribute("href") == "https://www.openstreetmap.org/copyright"
    page.get_by_role("button", name="Thu nhỏ").click()
    page.wait_for_load_state("networkidle")
    after = visit.bytes()
    print(f"\n{kind} ban-do/: load {first} B, map drawn {drawn} B, after zoom {after} B")
    # blob: URLs are the tiles pmtiles hands to <img>, made in the page from the bytes read
    assert all(u.startswith((url, "blob:" + url.split("/lang")[0])) for u in visit.requests), [
        u for u in visit.requests if not u.startswith(url)
    ]
    paint, files = page.evaluate(TIMING)
    assert all(start > paint for _, start in files), (paint, files)
    visit.close()
