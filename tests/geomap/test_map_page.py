"""The map page ``ban-do/`` as built (langso/map, issue 16): its text and list of points, the
map's slot, the base map's options, and the map's files named by no other page."""

from __future__ import annotations

import re
from pathlib import Path

from langso.pageassets import references
from langso.reader.budget import first_load
from tests.conftest import BuildResult, SiteFactory, build_site
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
    assert (
        '<h1 id="ban-do-lang">Bản đồ làng</h1>\n'
        "<p>Bản đồ có <strong>2 điểm</strong> của làng: các địa điểm, các dịch vụ trong danh bạ"
        " và nơi có biển mã QR. Chạm vào một điểm để xem tên và mở trang của nó. Dưới bản đồ"
        " là danh sách đầy đủ các điểm, chia theo nhóm.</p>"
    ) in html
    assert (
        '<h2 id="danh-sach-diem">Danh sách các điểm</h2>\n'
        '<h3 id="nhom-dia-diem">Địa điểm (1)</h3>\n'
        '<ul class="langso-map-list" data-nhom="dia-diem" data-ten="Địa điểm"><li><a'
        ' href="../dia-diem/dinh-lang-phu-my/" data-lat="19.981" data-lon="105.641">'
        "Đình &amp; Miếu &lt;Tổ&gt;</a></li></ul>\n"
        '<h3 id="nhom-dv-cho">Chợ (1)</h3>\n'
        '<ul class="langso-map-list" data-nhom="dv-cho" data-ten="Chợ"><li><a'
        ' href="../danh-ba/cho-phu-my/" data-lat="19.98" data-lon="105.64">Chợ Phú Mỹ</a></li>'
        "</ul>\n"
        '<h3 id="nhom-bien-qr">Biển mã QR (2)</h3>\n'
        '<ul class="langso-map-list" data-nhom="bien-qr" data-ten="Biển mã QR"><li><a'
        ' href="../danh-ba/cho-phu-my/" data-lat="19.98" data-lon="105.64">Chợ Phú Mỹ · mã cho'
        '</a></li><li><a href="../dia-diem/dinh-lang-phu-my/" data-lat="19.981"'
        ' data-lon="105.641">Đình làng Phú Mỹ · mã dinh</a></li></ul>'
    ) in html
    # no base map: Leaflet and the map's own files only, no route
    assert _slot(html) == (
        '<div class="langso-map" id="ban-do-khung" data-css="../assets/langso/vendor/'
        'leaflet-1.9.4/leaflet.css ../assets/langso/map.css" data-js="../assets/langso/vendor/'
        'leaflet-1.9.4/leaflet.js ../assets/langso/map.js" data-goc="../"></div>'
    )
    # the loader, inline, once, at the end of the body
    assert html.count('document.getElementById("ban-do-khung")') == 1
    assert re.search(r'getElementById\("ban-do-khung"\).*</script>\s*</body>', html, re.DOTALL)


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
    assert "Bản đồ có" not in html
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
    routes = '{"type": "FeatureCollection", "features": []}'
    root = _site(make_site, {"content/tuyen-tham-quan/tuyen.geojson": routes})
    slot = _slot(_built(root).read("ban-do/index.html"))
    assert slot.endswith(' data-tuyen="../tuyen-tham-quan/tuyen.geojson"></div>')


def test_a_village_without_coordinates_says_so() -> None:
    from langso.geomap.page import intro_markdown, map_html

    assert intro_markdown("Bản đồ làng", []) == "# Bản đồ làng\n\nChưa có điểm nào trên bản đồ.\n"
    html = map_html([], str, ["a.css"], ["a.js"], "../")
    assert html.endswith(
        '<h2 id="danh-sach-diem">Danh sách các điểm</h2>\n<p>Chưa có điểm nào có tọa độ.</p>'
    )
