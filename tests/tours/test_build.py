"""Walking tours as a site shows them (``langso/tours``, issue 16): the tour page, the index, the
"next stop" box on the stops' pages, the GPX file (read by gpxpy and validated against the GPX
1.1 schema), the GeoJSON for the map, and the print sheet's QR codes.

The tour in :data:`tests.tours.sites.GOOD_TOUR`: the distances are computed here by hand from the
coordinates (haversine, R = 6,371,008.8 m) — đình (19.9810, 105.6410) → chợ (19.9800, 105.6400):
Δφ = 0.001° = 111.2 m, Δλ = 0.001° × cos 19.98° = 104.5 m, so 152.6 m ("150 m", 2.5 min → 3).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from pathlib import Path

import gpxpy
import pytest
from bs4 import BeautifulSoup
from lxml import etree

from langso.tours.geo import haversine_m
from tests.conftest import BuildResult, build_site, decode_svg
from tests.tours.sites import GOOD_TOUR, tours_site

XSD = Path(__file__).resolve().parent.parent / "fixtures" / "gpx" / "gpx-1.1.xsd"
SITE = "https://example.github.io/lang-phu-my/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuildResult]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1795996800")
        root = tours_site(
            tmp_path_factory.mktemp("tours") / "site",
            {"content/tuyen-tham-quan/vong-lang.yml": GOOD_TOUR},
        )
        result = build_site(root)
    assert result.ok, result.text()
    yield result


def test_haversine_against_a_hand_computation() -> None:
    dy = math.radians(0.001) * 6_371_008.8
    dx = dy * math.cos(math.radians(19.9805))
    assert haversine_m(19.9810, 105.6410, 19.9800, 105.6400) == pytest.approx(
        math.hypot(dx, dy), rel=1e-4
    )
    assert round(haversine_m(19.9810, 105.6410, 19.9800, 105.6400), 1) == 152.6


def test_the_tour_page_lists_the_steps_in_order_with_distances(built: BuildResult) -> None:
    soup = built.soup("tuyen-tham-quan/vong-lang/index.html")
    assert soup.h1 is not None
    assert soup.h1.get_text() == "Vòng quanh làng <i>Phú Mỹ</i> (dữ liệu mẫu)"
    steps = soup.select("ol.langso-tour-steps > li")
    names = [li.h2.get_text(" ", strip=True) for li in steps if li.h2]
    assert names == [
        "1 Đình làng Phú Mỹ",
        "2 Chợ Phú Mỹ",
        "3 Cây đa <b>đầu làng</b>",
        "4 Chùa làng",
    ]
    links = [a["href"] for li in steps for a in li.select("h2 a")]
    assert links == [
        "../../dia-diem/dinh-lang-phu-my/?tuyen=vong-lang&diem=1",
        "../../danh-ba/cho-phu-my/?tuyen=vong-lang&diem=2",
        "../../dia-diem/chua-phu-my/?tuyen=vong-lang&diem=4",
    ]
    legs = [p.get_text() for p in soup.select(".langso-tour-leg")]
    assert legs == [
        "Đến điểm 2: 150 m, khoảng 3 phút đi bộ",
        "Đến điểm 3: 410 m, khoảng 7 phút đi bộ",
        "Đến điểm 4: 150 m, khoảng 3 phút đi bộ",
        "Điểm cuối của tuyến.",
    ]
    assert soup.select_one(".langso-tour-sum").get_text() == (  # type: ignore[union-attr]
        "4 điểm dừng · 700 m · khoảng 13 phút đi bộ"
    )
    actions = {a.get_text(): a["href"] for a in soup.select(".langso-tour-actions a")}
    # no langso/map in this site: no map link
    assert actions == {"In tờ hướng dẫn": "../in/vong-lang/", "Tải tệp GPX": "../vong-lang.gpx"}
    note = soup.select_one(".langso-tour-note").get_text()  # type: ignore[union-attr]
    assert "1 m mỗi giây (3,6 km/giờ)" in note and "Bohannon (1997" in note
    assert "đường đi thật thường dài hơn" in note


def test_text_from_the_tour_is_escaped_exactly_once(built: BuildResult) -> None:
    html = built.read("tuyen-tham-quan/vong-lang/index.html")
    assert "Đứng ở sân đình &lt;script&gt;alert(1)&lt;/script&gt;." in html
    assert "<script>alert" not in html
    assert "&amp;lt;" not in html
    assert "Một vòng ngắn &amp; dễ đi." in html
    printed = built.read("tuyen-tham-quan/in/vong-lang/index.html")
    assert "Cây đa &lt;b&gt;đầu làng&lt;/b&gt;" in printed and "&amp;lt;" not in printed


def test_the_index_lists_the_tour(built: BuildResult) -> None:
    soup = built.soup("tuyen-tham-quan/index.html")
    items = soup.select("ul.langso-tour-list a")
    assert [(a["href"], a.strong.get_text() if a.strong else "") for a in items] == [
        ("vong-lang/", "Vòng quanh làng <i>Phú Mỹ</i> (dữ liệu mẫu)")
    ]


def test_each_stop_page_has_a_hidden_next_stop_box(built: BuildResult) -> None:
    soup = built.soup("danh-ba/cho-phu-my/index.html")
    box = soup.select_one("aside.langso-tour-next")
    assert box is not None
    assert box.has_attr("hidden")
    assert (box["data-tuyen"], box["data-diem"]) == ("vong-lang", "2")
    assert [a.get_text() for a in box.select("a")] == [
        "Tuyến Vòng quanh làng <i>Phú Mỹ</i> (dữ liệu mẫu): điểm 2/4",
        "Tiếp theo: Cây đa <b>đầu làng</b> (410 m, khoảng 7 phút)",
    ]
    # the next stop is a free point: its place on the tour page
    assert [a["href"] for a in box.select("a")] == [
        "../../tuyen-tham-quan/vong-lang/",
        "../../tuyen-tham-quan/vong-lang/#diem-3",
    ]
    last = built.soup("dia-diem/chua-phu-my/index.html").select_one("aside.langso-tour-next")
    assert last is not None
    assert " ".join(last.get_text().split()) == (
        "Tuyến Vòng quanh làng <i>Phú Mỹ</i> (dữ liệu mẫu): điểm 4/4 Đây là điểm cuối của tuyến."
    )
    # a page not on any tour has neither box nor script
    plain = built.read("index.html")
    assert "langso-tour-next" not in plain and "langso-tuyen" not in plain


def test_the_gpx_is_valid_gpx_1_1(built: BuildResult) -> None:
    text = built.read("tuyen-tham-quan/vong-lang.gpx")
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    document = etree.fromstring(text.encode("utf-8"))
    assert schema.validate(document), schema.error_log
    parsed = gpxpy.parse(text)
    assert parsed.version == "1.1"
    assert [w.name for w in parsed.waypoints] == [
        "1. Đình làng Phú Mỹ",
        "2. Chợ Phú Mỹ",
        "3. Cây đa <b>đầu làng</b>",
        "4. Chùa làng",
    ]
    (route,) = parsed.routes
    assert route.name == "Vòng quanh làng <i>Phú Mỹ</i> (dữ liệu mẫu)"
    assert [(p.name, p.latitude, p.longitude) for p in route.points] == [
        ("1. Đình làng Phú Mỹ", 19.981, 105.641),
        ("2. Chợ Phú Mỹ", 19.98, 105.64),
        ("3. Cây đa <b>đầu làng</b>", 19.9822, 105.6431),
        ("4. Chùa làng", 19.983, 105.642),
    ]
    assert parsed.waypoints[0].description == "Đứng ở sân đình <script>alert(1)</script>."
    assert parsed.waypoints[1].link == f"{SITE}danh-ba/cho-phu-my/?tuyen=vong-lang&diem=2"
    assert parsed.waypoints[2].link is None


def test_the_geojson_for_the_map(built: BuildResult) -> None:
    data = json.loads(built.read("tuyen-tham-quan/tuyen.geojson"))
    assert data["type"] == "FeatureCollection"
    (feature,) = data["features"]
    assert feature["geometry"] == {
        "type": "LineString",
        "coordinates": [[105.641, 19.981], [105.64, 19.98], [105.6431, 19.9822], [105.642, 19.983]],
    }
    assert feature["properties"] == {
        "slug": "vong-lang",
        "ten": "Vòng quanh làng <i>Phú Mỹ</i> (dữ liệu mẫu)",
        "url": "tuyen-tham-quan/vong-lang/",
        "khoang_cach_m": 704,  # 152.6 + 405.9 + 145.4 m
        "phut": 13,
    }


def test_every_qr_of_the_print_sheet_opens_its_stop(built: BuildResult) -> None:
    soup = BeautifulSoup(built.read("tuyen-tham-quan/in/vong-lang/index.html"), "html.parser")
    robots = soup.find("meta", attrs={"name": "robots"})
    assert robots is not None and robots["content"] == "noindex"
    codes = [decode_svg(str(svg)) for svg in soup.select("ol li > svg")]
    assert codes == [
        [f"{SITE}dia-diem/dinh-lang-phu-my/?tuyen=vong-lang&diem=1"],
        [f"{SITE}danh-ba/cho-phu-my/?tuyen=vong-lang&diem=2"],
        [f"{SITE}tuyen-tham-quan/vong-lang/#diem-3"],
        [f"{SITE}dia-diem/chua-phu-my/?tuyen=vong-lang&diem=4"],
    ]
    # the route map: 4 numbered points, a line, north and a scale bar (the route is 333 m
    # high in a 232-unit box: 0.70 unit a metre; the longest round bar within 200 units)
    map_svg = soup.select_one(".map svg")
    assert map_svg is not None
    assert [t.get_text() for t in map_svg.find_all("text")] == ["1", "2", "3", "4", "B", "250 m"]
    assert len(map_svg.find_all("polyline")) == 1
    # not a page of the site (no theme, so neither searched nor saved for offline reading)
    assert soup.select(".md-header, .md-content") == []
