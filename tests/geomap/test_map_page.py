"""The map page ``ban-do/`` as built (langso/map, issue 16): its text and list of points, the
map's slot, the base map's options, and the map's files named by no other page."""

from __future__ import annotations

import re
from pathlib import Path

from langso.pageassets import references
from langso.reader.budget import first_load
from tests.conftest import REPO, BuildResult, SiteFactory, build_site
from tests.geomap.pmtiles_files import raster_pmtiles, vector_pmtiles

LANDMARK = """---
title: 'Đình & Miếu <Tổ>'
toa_do: '19.9810, 105.6410'
---

# Đình làng Phú Mỹ

Một trang mẫu.

## Nguồn

- [Bài viết mẫu](https://example.com/)
"""

PLUGINS = [
    "langso/content",
    {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
    "langso/map",
    "langso/plaques",
]


def _site(
    make_site: SiteFactory, files: dict[str, str | None] | None = None, **options: object
) -> Path:
    plugins: list[object] = list(PLUGINS)
    if options:
        plugins[2] = {"langso/map": options}
    content = {"content/dia-diem/dinh-lang-phu-my.md": LANDMARK, **(files or {})}
    return make_site(files=content, config={"plugins": plugins})


def _built(root: Path) -> BuildResult:
    result = build_site(root)
    assert result.ok, result.text()
    return result


def _slot(html: str) -> str:
    found = re.search(r'<div class="langso-map" id="ban-do-khung"[^>]*></div>', html)
    assert found, html
    return found[0]


def test_the_page_lists_every_point_by_group_with_its_link(make_site: SiteFactory) -> None:
    html = _built(_site(make_site)).read("ban-do/index.html")
    # one short line above the map (its top on the first screen at A+ max: test_map_browser)
    assert (
        '<h1 id="ban-do-lang">Bản đồ làng</h1>\n'
        "<p><strong>2 điểm</strong> của làng. Chạm vào một điểm để mở trang.</p>\n"
        '<div class="langso-map" id="ban-do-khung"'
    ) in html
    # the rest of the explanation after the map (and its loader), then the list
    assert (
        "})();</script>\n<p>Bản đồ có các địa điểm, các dịch vụ trong danh bạ và nơi có biển mã"
        " QR, mỗi nhóm một màu. Nhiều nơi ở cùng một chỗ thì chung một điểm: chạm vào điểm đó"
        " để thấy đủ các nơi. Dưới đây là danh sách đầy đủ các điểm, chia theo nhóm; danh sách"
        " đọc được cả khi bản đồ chưa hiện.</p>\n"
        '<h2 id="danh-sach-diem">Danh sách các điểm</h2>\n'
        # the site's cards (cards.css, on every page: 48 px targets before the map loads)
        '<h3 id="nhom-dia-diem">Địa điểm (1)</h3>\n'
        '<ul class="langso-map-list langso-cards" data-nhom="dia-diem" data-ten="Địa điểm">'
        '<li class="langso-card"><a class="langso-card__link"'
        ' href="../dia-diem/dinh-lang-phu-my/" data-lat="19.981" data-lon="105.641">'
        '<span class="langso-card__title">Đình &amp; Miếu &lt;Tổ&gt;</span></a></li></ul>\n'
        '<h3 id="nhom-dv-cho">Chợ (1)</h3>\n'
        '<ul class="langso-map-list langso-cards" data-nhom="dv-cho" data-ten="Chợ">'
        '<li class="langso-card"><a class="langso-card__link" href="../danh-ba/cho-phu-my/"'
        ' data-lat="19.98" data-lon="105.64"><span class="langso-card__title">Chợ Phú Mỹ'
        "</span></a></li></ul>\n"
        # a plaque by the name printed on it (its code is for volunteers, not readers)
        '<h3 id="nhom-bien-qr">Biển mã QR (2)</h3>\n'
        '<ul class="langso-map-list langso-cards" data-nhom="bien-qr" data-ten="Biển mã QR">'
        '<li class="langso-card"><a class="langso-card__link" href="../danh-ba/cho-phu-my/"'
        ' data-lat="19.98" data-lon="105.64"><span class="langso-card__title">Chợ Phú Mỹ'
        '</span></a></li><li class="langso-card"><a class="langso-card__link"'
        ' href="../dia-diem/dinh-lang-phu-my/" data-lat="19.981" data-lon="105.641">'
        '<span class="langso-card__title">Đình làng Phú Mỹ</span></a></li></ul>\n'
        # the OpenStreetMap exports (langso.geomap.osm), linked after the list
        '<h2 id="du-lieu-openstreetmap">Dữ liệu cho OpenStreetMap</h2>\n'
        "<p>Các địa điểm và biển mã QR của làng ở dạng dữ liệu OpenStreetMap, dành cho tình"
        ' nguyện viên vẽ bản đồ OpenStreetMap: <a href="osm.osm" download>osm.osm</a> và'
        ' <a href="osm.geojson" download>osm.geojson</a>.</p>'
    ) in html
    # no base map: Leaflet and the map's own files only, no route
    assert _slot(html) == (
        '<div class="langso-map" id="ban-do-khung" data-css="../assets/langso/vendor/'
        'leaflet-1.9.4/leaflet.css ../assets/langso/map.css" data-js="../assets/langso/vendor/'
        'leaflet-1.9.4/leaflet.js ../assets/langso/map.js" data-goc="../"></div>'
    )
    # the loader, inline, once, right after the slot: it reserves the map's height before the
    # rest of a slowly arriving page paints below (at the end of the page: CLS 0.24 on slow 3G)
    assert html.count('document.getElementById("ban-do-khung")') == 1
    assert re.search(r'data-goc="\.\./"></div><script>\(function \(\) \{\s*var box = document'
                     r'\.getElementById\("ban-do-khung"\)', html)  # fmt: skip


def test_without_directory_urls_links_name_the_files(make_site: SiteFactory) -> None:
    root = _site(make_site)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "use_directory_urls: false\n", "utf-8")
    html = _built(root).read("ban-do/index.html")
    assert 'href="../dia-diem/dinh-lang-phu-my.html" data-lat="19.981"' in html
    assert 'href="../danh-ba/cho-phu-my.html" data-lat="19.98"' in html


def test_a_hand_written_page_wins_and_still_gets_the_map(make_site: SiteFactory) -> None:
    page = "# Bản đồ xã Phú Mỹ\n\nLời giới thiệu của xã.\n"
    html = _built(_site(make_site, {"content/ban-do/index.md": page})).read("ban-do/index.html")
    assert ">Bản đồ xã Phú Mỹ<" in html
    assert "<p>Lời giới thiệu của xã.</p>\n" + _slot(html) in html
    assert "điểm</strong> của làng" not in html
    assert '<h3 id="nhom-dia-diem">Địa điểm (1)</h3>' in html


def test_no_other_page_names_the_map_files(make_site: SiteFactory) -> None:
    result = _built(_site(make_site))
    words = ("leaflet", "map.js", "map.css", "map-source", "pmtiles", "ban-do-khung")
    pages = sorted(result.site_dir.rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        if page == result.site_dir / "ban-do" / "index.html":
            continue
        text = page.read_text("utf-8")
        assert not [w for w in words if w in text], page
    # on the map page itself, only as the loader's data: never a <link> or <script src>
    html = result.read("ban-do/index.html")
    assert not [r.url for r in references(html) if any(w in r.url for w in words)]


def test_the_sample_map_page_first_load_fits_the_budget(sample_site: BuildResult) -> None:
    page = sample_site.site_dir / "ban-do" / "index.html"
    weight = first_load(page)
    print(f"\nsample ban-do/ first load: {weight.requests} requests, {weight.gzip_bytes} B gzip")
    assert weight.gzip_bytes <= 35 * 1000
    html = page.read_text("utf-8")
    assert '<h3 id="nhom-dia-diem">Địa điểm (3)</h3>' in html
    home = sample_site.read("index.html")
    assert re.search(r'<a class="langso-tile" href="ban-do/">.*?Bản đồ</span>', home)


def test_a_raster_base_map_is_used_and_published_as_is(make_site: SiteFactory) -> None:
    root = _site(make_site)
    archive = raster_pmtiles(
        root / "content" / "ban-do" / "nen.pmtiles", (105.63, 19.97, 105.66, 19.99)
    )
    result = _built(root)
    assert _slot(result.read("ban-do/index.html")) == (
        '<div class="langso-map" id="ban-do-khung" data-css="../assets/langso/vendor/'
        'leaflet-1.9.4/leaflet.css ../assets/langso/map.css" data-js="../assets/langso/vendor/'
        "leaflet-1.9.4/leaflet.js ../assets/langso/vendor/pmtiles-4.5.0/pmtiles.js"
        ' ../assets/langso/map-source.js ../assets/langso/map.js" data-goc="../"'
        ' data-nen="nen.pmtiles" data-nen-kieu="raster" data-nen-zoom="12 16"'
        ' data-nen-bien="105.63 19.97 105.66 19.99" data-nen-nguon="© OpenStreetMap"></div>'
    )
    assert (result.site_dir / "ban-do" / "nen.pmtiles").read_bytes() == archive.read_bytes()
    licences = sorted(p.parent.name for p in result.site_dir.rglob("LICENSE.txt"))
    assert licences == ["leaflet-1.9.4", "pmtiles-4.5.0"]


def test_without_attribution_in_the_file_the_osmf_credit_is_shown(
    make_site: SiteFactory,
) -> None:
    root = _site(make_site)
    path = root / "content" / "ban-do" / "nen.pmtiles"
    raster_pmtiles(path, (105.63, 19.97, 105.66, 19.99), attribution="")
    slot = _slot(_built(root).read("ban-do/index.html"))
    assert slot.endswith(' data-nen-nguon="© Những người đóng góp OpenStreetMap"></div>')


def test_the_size_budget_is_in_the_mb_the_message_shows(make_site: SiteFactory) -> None:
    """``basemap_budget_mb: 20`` is 20 × 1,024 × 1,024 bytes, shown "20 MB" as every size."""
    from langso.geomap.config import budget_bytes

    assert budget_bytes(20) == 20 * 1024 * 1024
    root = _site(make_site)
    path = raster_pmtiles(
        root / "content" / "ban-do" / "nen.pmtiles", (105.63, 19.97, 105.66, 19.99)
    )
    with path.open("r+b") as file:  # a sparse tail: the header's offsets stay true
        file.truncate(21 * 1024 * 1024)
    result = build_site(root)
    assert not result.ok
    assert "tệp bản đồ nền nặng 21 MB, quá mức cho phép 20 MB (`basemap_budget_mb`)" in (
        result.text()
    )
    # 20,500,000 bytes (19,6 MB) is within a 20 MB budget
    with path.open("r+b") as file:
        file.truncate(20_500_000)
    assert build_site(root).ok


def test_a_vector_base_map_loads_protomaps(make_site: SiteFactory) -> None:
    root = _site(make_site, basemap="nen/lang.pmtiles", basemap_budget_mb=1)
    vector_pmtiles(root / "content" / "nen" / "lang.pmtiles", (105.63, 19.97, 105.66, 19.99))
    slot = _slot(_built(root).read("ban-do/index.html"))
    assert "protomaps-leaflet-5.1.0/protomaps-leaflet.js ../assets/langso/map.js" in slot
    assert 'data-nen="../nen/lang.pmtiles" data-nen-kieu="vector" data-nen-zoom="12 15"' in slot


def test_a_base_map_set_but_missing_is_a_located_error(make_site: SiteFactory) -> None:
    result = build_site(_site(make_site, basemap="ban-do/khong-co.pmtiles"))
    assert not result.ok
    assert "content/ban-do/khong-co.pmtiles: mkdocs.yml đặt bản đồ nền là" in result.text()


def test_the_routes_file_is_named_when_published(make_site: SiteFactory) -> None:
    """With walking tours: the routes file and map-tour.js for ``?tuyen=``, and a link to the
    tours' index after the map."""
    routes = '{"type": "FeatureCollection", "features": []}'
    files: dict[str, str | None] = {
        "content/tuyen-tham-quan/tuyen.geojson": routes,
        "content/tuyen-tham-quan/index.md": "# Tuyến tham quan\n",
    }
    html = _built(_site(make_site, files)).read("ban-do/index.html")
    slot = _slot(html)
    assert "../assets/langso/map.js ../assets/langso/map-tour.js" in slot
    assert slot.endswith(' data-tuyen="../tuyen-tham-quan/tuyen.geojson"></div>')
    assert (
        '<p>Đi bộ qua các điểm theo từng tuyến: <a href="../tuyen-tham-quan/">Tuyến tham'
        " quan</a>.</p>\n<h2"
    ) in html
    without = _built(_site(make_site)).read("ban-do/index.html")
    assert "map-tour.js" not in without and "Tuyến tham quan" not in without


def test_a_village_without_coordinates_says_so_and_loads_no_map() -> None:
    """A new village (`langso init`): nothing has `toa_do` yet. The reader is told so in words,
    and gets no empty map box, no map script, no empty list and no empty export."""
    from langso.geomap.page import intro_markdown, map_html

    assert intro_markdown("Bản đồ làng", []) == (
        "# Bản đồ làng\n\nBản đồ làng chưa có điểm nào. Các địa điểm và dịch vụ sẽ hiện ở đây"
        " khi vị trí của chúng được ghi vào sổ tay.\n"
    )
    assert map_html([], str, ["a.css"], ["a.js"], "../", exports=[("osm.osm", "osm.osm")]) == ""


def test_the_coordinates_advice_agrees_with_the_openstreetmap_guide() -> None:
    """docs/ban-do-lang.md sends volunteers to the phone's own GPS at the place, and says a
    coordinate copied from Google Maps may serve the village site but never OpenStreetMap, as
    docs/ban-do-osm.md says (before: "mở Google Maps … chép hai con số" with no warning)."""
    guide = (REPO / "docs" / "ban-do-lang.md").read_text("utf-8")
    osm = (REPO / "docs" / "ban-do-osm.md").read_text("utf-8")
    assert "Tọa độ chép từ Google Maps không được đưa lên OSM" in osm
    assert "đứng ngay tại chỗ, dùng GPS của chính điện thoại" in guide
    assert "**không bao giờ được đưa vào OpenStreetMap**" in guide
    assert "<https://wiki.openstreetmap.org/wiki/Copyright>" in guide
    assert "mở Google Maps hoặc OpenStreetMap trên điện thoại, nhấn giữ" not in guide
