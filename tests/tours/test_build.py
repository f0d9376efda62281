"""Walking tours as a site shows them (``langso/tours``, issue 16): the tour page, the index, the
"next stop" box on the stops' pages, the GPX file (read by gpxpy and validated against the GPX
1.1 schema), the GeoJSON for the map, and the print sheet's QR codes.

The tour in :data:`tests.tours.sites.GOOD_TOUR`: the distances are computed here by hand from the
coordinates (haversine, R = 6,371,008.8 m) — đình (19.9810, 105.6410) → chợ (19.9800, 105.6400):
Δφ = 0.001° = 111.2 m, Δλ = 0.001° × cos 19.98° = 104.5 m, so 152.6 m ("150 m", 2.5 min → 3).
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gpxpy
import pytest
import resvg_py
import zxingcpp
from bs4 import BeautifulSoup
from lxml import etree
from PIL import Image

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
    names = [li.select_one(".langso-tour-name").get_text(" ", strip=True) for li in steps]  # type: ignore[union-attr]
    assert names == [
        "1 Đình làng Phú Mỹ",
        "2 Chợ Phú Mỹ",
        "3 Cây đa <b>đầu làng</b>",
        "4 Chùa làng",
    ]
    # each stop is a section of the page: its heading is its name, with the stop's anchor
    assert [(h2["id"], h2.get_text()) for h2 in soup.select("ol.langso-tour-steps h2")] == [
        ("diem-1", "Đình làng Phú Mỹ"),
        ("diem-2", "Chợ Phú Mỹ"),
        ("diem-3", "Cây đa <b>đầu làng</b>"),
        ("diem-4", "Chùa làng"),
    ]
    links = [a["href"] for li in steps for a in li.select("h2 a")]
    assert links == [
        "../../dia-diem/dinh-lang-phu-my/?t=vong-lang&d=1",
        "../../danh-ba/cho-phu-my/?t=vong-lang&d=2",
        "../../dia-diem/chua-phu-my/?t=vong-lang&d=4",
    ]
    legs = [p.get_text().replace("\xa0", " ") for p in soup.select(".langso-tour-leg")]
    assert legs == [
        "Đến điểm 2: 150 m, khoảng 3 phút đi bộ",
        "Đến điểm 3: 410 m, khoảng 7 phút đi bộ",
        "Đến điểm 4: 150 m, khoảng 3 phút đi bộ",
        "Điểm cuối của tuyến.",
    ]
    summary = soup.select_one(".langso-tour-sum")
    assert summary is not None
    assert summary.get_text() == "4 điểm dừng · 700 m · khoảng 13 phút đi bộ"
    assert [s.get_text() for s in summary("span")] == [
        "4 điểm dừng ·",
        "700 m ·",
        "khoảng 13 phút đi bộ",
    ]
    actions = {
        a.get_text(): a["href"] for a in soup.select(".langso-tour > .langso-tour-actions a")
    }
    # no langso/map in this site: no map link
    assert actions == {"In tờ hướng dẫn": "../in/vong-lang/", "Tải tệp GPX": "../vong-lang.gpx"}
    # the free stop has no page: its directions and the way on are on the tour page
    heading = soup.select_one("h2#diem-3")
    assert heading is not None and heading.get_text() == "Cây đa <b>đầu làng</b>"
    free = heading.find_parent("li")
    assert free is not None
    assert free.select_one(".langso-tour-where").get_text() == (  # type: ignore[union-attr]
        "Cách tìm: Bên trái đường vào làng"
    )
    assert [(a.get_text(), a["href"], a.get("data-langso-name")) for a in free("a")] == [
        (
            "Chỉ đường",
            "https://www.google.com/maps/dir/?api=1&destination=19.9822,105.6431",
            "Cây đa <b>đầu làng</b>",
        ),
        ("Tiếp theo: 4. Chùa làng", "../../dia-diem/chua-phu-my/?t=vong-lang&d=4", None),
    ]
    assert soup.select("ol > li:nth-of-type(2) a[data-langso-geo]") == []  # a page: it has its own
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
    # a free point's note is set apart from its text on the sheet: labelled, in italics
    note = BeautifulSoup(printed, "html.parser").select("ol li p.where")
    assert [p.get_text() for p in note] == ["Cách tìm: Bên trái đường vào làng"]
    assert ".leg, .where { font-style: italic; }" in printed


def test_a_tour_named_tuyen_does_not_say_it_twice(tmp_path: Path) -> None:
    tour = (
        "ten: 'Tuyến quanh làng'\ndiem_dung:\n"
        "  - trang: 'dia-diem/dinh-lang-phu-my.md'\n    loi_dan: 'Một.'\n"
        "  - trang: 'dia-diem/chua-phu-my.md'\n    loi_dan: 'Hai.'\n"
    )
    result = build_site(tours_site(tmp_path / "site", {"content/tuyen-tham-quan/quanh.yml": tour}))
    assert result.ok, result.text()
    box = result.soup("dia-diem/dinh-lang-phu-my/index.html").select_one(".langso-tour-next")
    assert box is not None
    text = " ".join(box.get_text().split())
    assert text == (
        "Đang đi · điểm 1/2 Tuyến quanh làng Tiếp theo (2/2):"
        " Chùa Phú Mỹ & <b>Miếu</b> 250 m · khoảng 5 phút Một."
    )


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
    # right under the title, before "Chỉ đường": the way on first for a reader on the tour
    landmark = built.soup("dia-diem/chua-phu-my/index.html")
    after_title = landmark.select_one("h1 ~ *")
    assert after_title is not None and after_title.name == "aside", after_title
    assert landmark.select_one("aside.langso-tour-next ~ p.langso-directions") is not None
    assert (box["data-tuyen"], box["data-diem"]) == ("vong-lang", "2")
    assert [
        [span.get_text() for span in a.find_all("span", recursive=False)] for a in box("a")
    ] == [
        ["Đang đi tuyến · điểm 2/4", "Vòng quanh làng <i>Phú Mỹ</i> (dữ liệu mẫu)"],
        ["Tiếp theo (3/4):", "Cây đa <b>đầu làng</b>", "410 m · khoảng 7 phút"],
    ]
    # the distance in pieces a narrow phone keeps whole
    assert [s.get_text() for s in box.select(".langso-nobreak")] == ["410 m ·", "khoảng 7 phút"]
    # what to look at here: the stop's own text (the reader scanned the sheet's code)
    text = box.select_one(".langso-tour-next-text")
    assert text is not None and text.get_text(strip=True) == "Chợ họp buổi sáng."
    # the next stop is a free point: its place on the tour page
    assert [a["href"] for a in box.select("a")] == [
        "../../tuyen-tham-quan/vong-lang/",
        "../../tuyen-tham-quan/vong-lang/#diem-3",
    ]
    last = built.soup("dia-diem/chua-phu-my/index.html").select_one("aside.langso-tour-next")
    assert last is not None
    assert " ".join(last.get_text().split()) == (
        "Đang đi tuyến · điểm 4/4 Vòng quanh làng <i>Phú Mỹ</i> (dữ liệu mẫu) Đây là điểm"
        " cuối của tuyến. Điểm cuối."
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
    assert parsed.waypoints[1].link == f"{SITE}danh-ba/cho-phu-my/?t=vong-lang&d=2"
    # a free point: how to find it, and its step on the tour page
    assert parsed.waypoints[2].comment == "Bên trái đường vào làng"
    assert parsed.waypoints[2].link == f"{SITE}tuyen-tham-quan/vong-lang/#diem-3"
    assert parsed.waypoints[0].comment is None


def test_the_geojson_for_the_map(built: BuildResult) -> None:
    data = json.loads(built.read("tuyen-tham-quan/tuyen.geojson"))
    assert data["type"] == "FeatureCollection"
    feature, *stops = data["features"]
    # a point per stop, so the map can number them (url: the stop's page; a free point: null)
    assert [(f["geometry"], f["properties"]) for f in stops] == [
        (
            {"type": "Point", "coordinates": [105.641, 19.981]},
            {
                "slug": "vong-lang",
                "so": 1,
                "ten": "Đình làng Phú Mỹ",
                "url": "dia-diem/dinh-lang-phu-my/",
            },
        ),
        (
            {"type": "Point", "coordinates": [105.64, 19.98]},
            {"slug": "vong-lang", "so": 2, "ten": "Chợ Phú Mỹ", "url": "danh-ba/cho-phu-my/"},
        ),
        (
            {"type": "Point", "coordinates": [105.6431, 19.9822]},
            {"slug": "vong-lang", "so": 3, "ten": "Cây đa <b>đầu làng</b>", "url": None},
        ),
        (
            {"type": "Point", "coordinates": [105.642, 19.983]},
            {"slug": "vong-lang", "so": 4, "ten": "Chùa làng", "url": "dia-diem/chua-phu-my/"},
        ),
    ]
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
        # the words the map shows, the same as the tour page's
        "khoang_cach_chu": "700 m",
        "thoi_gian_chu": "khoảng 13 phút",
    }
    page = built.read("tuyen-tham-quan/vong-lang/index.html")
    assert "700 m" in page and "khoảng 13 phút đi bộ" in page


def test_the_sheets_address_breaks_only_after_a_slash(built: BuildResult) -> None:
    """The tour's address at the foot never splits a word ("https://ex / ample"), and the sheet
    names its icon, so the browser asks for no ``/favicon.ico``."""
    text = built.read("tuyen-tham-quan/in/vong-lang/index.html")
    assert (
        '<span class="url">https://<wbr>example.github.io/<wbr>lang-phu-my/<wbr>'
        "tuyen-tham-quan/<wbr>vong-lang/<wbr></span>"
    ) in text
    assert "break-all" not in text and "anywhere" not in text
    assert '<link rel="icon" href="data:,">' in text


def test_every_qr_of_the_print_sheet_opens_its_stop(built: BuildResult) -> None:
    soup = BeautifulSoup(built.read("tuyen-tham-quan/in/vong-lang/index.html"), "html.parser")
    robots = soup.find("meta", attrs={"name": "robots"})
    assert robots is not None and robots["content"] == "noindex"
    svgs = soup.select("ol li > svg")
    codes = [decode_svg(str(svg)) for svg in svgs]
    assert codes == [
        [f"{SITE}dia-diem/dinh-lang-phu-my/?t=vong-lang&d=1"],
        [f"{SITE}danh-ba/cho-phu-my/?t=vong-lang&d=2"],
        [f"{SITE}tuyen-tham-quan/vong-lang/#diem-3"],
        [f"{SITE}dia-diem/chua-phu-my/?t=vong-lang&d=4"],
    ]
    # Small symbols, for cheap phones in poor light: short keys and level M keep every code at
    # version 5 or below (37 modules + a 4-module quiet zone each side), printed at 0.5 mm a
    # module on A4 (25 mm) and 0.45 mm on A5 (20.5 mm; at least 20 mm).
    found = [_read_qr(str(svg)) for svg in svgs]
    assert {level for level, _, _ in found} == {"M"}
    versions = [version for _, version, _ in found]
    # the longest, 80 characters, was version 8 with ?tuyen=vong-lang&diem=1 at level Q
    assert max(versions) <= 5, versions
    assert [int(str(svg["viewbox"]).split()[2]) for svg in svgs] == [
        17 + 4 * v + 8 for v in versions
    ]
    style = soup.style.get_text() if soup.style else ""
    assert "li svg { flex: none; width: 25.0mm; height: 25.0mm; }" in style
    assert "li svg { width: 20.5mm; height: 20.5mm; }" in style
    # the route map: 4 numbered points, a line, north and a scale bar (the route is 333 m
    # high in a 232-unit box: 0.70 unit a metre; the longest round bar within 200 units)
    map_svg = soup.select_one(".map svg")
    assert map_svg is not None
    assert [t.get_text() for t in map_svg.find_all("text")] == ["1", "2", "3", "4", "B", "250 m"]
    assert len(map_svg.find_all("polyline")) == 1
    # not a page of the site (no theme, so neither searched nor saved for offline reading)
    assert soup.select(".md-header, .md-content") == []


def _read_qr(svg: str) -> tuple[str, int, str]:
    """``(error-correction level, version, text)`` of the one QR code in ``svg``, as zxing-cpp
    reads it."""
    png = bytes(resvg_py.svg_to_bytes(svg_string=svg, width=600, height=600))
    (result,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    extra: Any = result.extra  # {"Version": "5", "ECLevel": "M", …}
    return str(result.ec_level), int(extra["Version"]), result.text


VIA_TOUR = """\
ten: 'Theo đường làng'
diem_dung:
  - trang: 'dia-diem/dinh-lang-phu-my.md'
    loi_dan: 'Đầu tuyến.'
    qua: ['19.9900, 105.6500']
  - trang: 'dia-diem/chua-phu-my.md'
    loi_dan: 'Qua góc đường.'
    qua:
      - '19.9810, 105.6420'
"""


def test_qua_points_follow_the_road(tmp_path: Path) -> None:
    """``qua``: the way to a stop passes its points — measured, drawn, in the GPX track and the
    GeoJSON; on the first stop there is no way to it, so it is left out. By hand: đình
    (19.9810, 105.6410) → corner (19.9810, 105.6420): 0.001° of longitude at 19.981° =
    104.5 m; corner → chùa (19.9830, 105.6420): 0.002° of latitude = 222.4 m; 326.9 m in all
    (the straight line is 244.6 m)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1795996800")
        root = tours_site(tmp_path / "site", {"content/tuyen-tham-quan/duong.yml": VIA_TOUR})
        result = build_site(root)
    assert result.ok, result.text()
    metre = math.radians(0.001) * 6_371_008.8
    by_hand = metre * math.cos(math.radians(19.981)) + 2 * metre
    assert round(by_hand, 1) == 326.9
    legs = [
        p.get_text()
        for p in result.soup("tuyen-tham-quan/duong/index.html").select(".langso-tour-leg")
    ]
    assert legs == ["Đến điểm 2: 330 m, khoảng 6 phút đi\xa0bộ", "Điểm cuối của tuyến."]
    feature = json.loads(result.read("tuyen-tham-quan/tuyen.geojson"))["features"][0]
    assert feature["geometry"]["coordinates"] == [
        [105.641, 19.981],
        [105.642, 19.981],
        [105.642, 19.983],
    ]
    assert feature["properties"]["khoang_cach_m"] == round(by_hand)
    text = result.read("tuyen-tham-quan/duong.gpx")
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert schema.validate(etree.fromstring(text.encode("utf-8"))), schema.error_log
    parsed = gpxpy.parse(text)
    (track,) = parsed.tracks
    assert [(p.latitude, p.longitude) for p in track.segments[0].points] == [
        (19.981, 105.641),
        (19.981, 105.642),
        (19.983, 105.642),
    ]
    assert len(parsed.routes[0].points) == 2  # the stops
    printed = BeautifulSoup(result.read("tuyen-tham-quan/in/duong/index.html"), "html.parser")
    polyline = printed.select_one(".map svg polyline")
    assert polyline is not None and len(str(polyline["points"]).split()) == 3
