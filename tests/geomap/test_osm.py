"""The OpenStreetMap export (langso.geomap.osm): OSM XML 0.6 JOSM opens, and GeoJSON, with
every name escaped exactly once."""

from __future__ import annotations

import json

from lxml import etree

from langso.geomap.osm import to_osm_geojson, to_osm_xml
from langso.geomap.places import Place, Places
from tests.conftest import SiteFactory, build_site

SITE = "https://example.github.io/lang-so/"
TRICKY = 'Đình "Cả" <làng> & miếu O\'Lở'


def _places() -> Places:
    return Places(
        [
            Place(
                "dia-diem/dinh.md",
                "dia-diem",
                TRICKY,
                "dia-diem/dinh/",
                19.9818,
                105.6436,
                None,
                None,
                ("dinh", "dinh-2"),
                "content/dia-diem/dinh.md",
                3,
            ),
            Place(
                "danh-ba/tram.yml",
                "dich-vu",
                "Trạm y tế",
                "danh-ba/tram/",
                19.98,
                105.64,
                "y-te",
                "Y tế",
                ("tram",),
                "content/danh-ba/tram.yml",
                5,
            ),
            Place(
                "dia-diem/ao.md",
                "dia-diem",
                "Ao làng",
                "dia-diem/ao/",
                19.97,
                105.65123456789,
                None,
                None,
                (),
                "content/dia-diem/ao.md",
                2,
            ),
        ],
        {"dinh": 'Biển <1> & "mã"', "dinh-2": "Đình", "tram": "Trạm"},
    )


def test_osm_xml_is_josm_ready() -> None:
    text = to_osm_xml(_places(), None, SITE)
    root = etree.fromstring(text.encode("utf-8"))
    assert root.tag == "osm"
    assert dict(root.attrib) == {"version": "0.6", "generator": "Làng số", "upload": "false"}
    bounds = root.find("bounds")
    assert bounds is not None
    assert dict(bounds.attrib) == {
        "minlat": "19.97",
        "minlon": "105.6436",
        "maxlat": "19.9818",
        "maxlon": "105.6512346",
    }
    nodes = root.findall("node")
    rows = [
        (n.get("id"), n.get("lat"), n.get("lon"), {t.get("k"): t.get("v") for t in n})
        for n in nodes
    ]
    assert [r[:3] for r in rows] == [
        ("-1", "19.97", "105.6512346"),
        ("-2", "19.9818", "105.6436"),
        ("-3", "19.9818", "105.6436"),
        ("-4", "19.9818", "105.6436"),
    ]
    assert all("version" not in n.attrib for n in nodes)
    assert {k: v for k, v in rows[1][3].items() if k != "fixme"} == {
        "name": TRICKY,
        "name:vi": TRICKY,
        "website": SITE + "dia-diem/dinh/",
    }
    assert {k: v for k, v in rows[2][3].items() if k != "fixme"} == {
        "historic": "memorial",
        "memorial": "plaque",
        "inscription": 'Biển <1> & "mã"',
        "ref": "dinh",
        "website": SITE + "q/dinh/",
    }
    assert rows[3][3]["ref"] == "dinh-2"
    # the service and its plaque are not exported
    assert "Trạm" not in text and "tram" not in text
    # escaped once: the raw text holds entities, never a double escape
    assert "&amp;amp;" not in text and "&lt;làng&gt;" in text
    assert "upload=false" in text  # the comment telling the mapper to review first


def test_osm_geojson_has_the_same_points() -> None:
    data = json.loads(to_osm_geojson(_places(), {"dinh": "Khác"}, SITE))
    assert data["type"] == "FeatureCollection"
    coords = [f["geometry"]["coordinates"] for f in data["features"]]
    assert coords == [
        [105.6512346, 19.97],
        [105.6436, 19.9818],
        [105.6436, 19.9818],
        [105.6436, 19.9818],
    ]
    assert data["features"][1]["properties"]["name"] == TRICKY
    assert data["features"][2]["properties"]["inscription"] == "Khác"
    assert data["features"][3]["properties"]["inscription"] == TRICKY  # no name given: the place's


def test_no_places_is_still_a_valid_file() -> None:
    root = etree.fromstring(to_osm_xml(Places(), None, SITE).encode("utf-8"))
    assert root.findall("node") == [] and root.find("bounds") is None
    assert json.loads(to_osm_geojson(Places(), None, SITE))["features"] == []


def test_the_map_plugin_publishes_both_files(make_site: SiteFactory) -> None:
    landmark = (
        "---\ntitle: 'Cây đa & <giếng> \"cổ\"'\ntoa_do: '19.9822, 105.6431'\n---\n\n"
        "# Cây đa\n\n## Nguồn\n"
    )
    plaques = (
        "- id: 'dinh'\n  ten: 'Đình làng Phú Mỹ'\n  trang: 'dia-diem/dinh-lang-phu-my.md'\n"
        "- id: 'cay-da'\n  ten: 'Biển cây đa'\n  trang: 'dia-diem/cay-da.md'\n"
    )
    root = make_site(
        files={"content/dia-diem/cay-da.md": landmark, "content/plaques.yml": plaques},
        config={
            "plugins": [
                "langso/content",
                {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
                "langso/map",
                "langso/plaques",
            ]
        },
    )
    result = build_site(root)
    assert result.ok, result.text()
    root_element = etree.fromstring((result.site_dir / "ban-do" / "osm.osm").read_bytes())
    tags = [{t.get("k"): t.get("v") for t in n} for n in root_element.findall("node")]
    assert [(t.get("name"), t.get("ref"), t.get("inscription")) for t in tags] == [
        ('Cây đa & <giếng> "cổ"', None, None),
        (None, "cay-da", "Biển cây đa"),
    ]
    assert tags[1]["website"] == "https://example.github.io/lang-phu-my/q/cay-da/"
    data = json.loads((result.site_dir / "ban-do" / "osm.geojson").read_text(encoding="utf-8"))
    assert len(data["features"]) == 2


def test_unfinished_pages_are_left_out_and_the_comment_says_so(make_site: SiteFactory) -> None:
    """A page `langso new` made (starter text left) and one with the "Trang mẫu" box of
    `langso init` are not exported, as plaques are not printed for them; the comment counts them
    and tells a mapper what to do, without pointing to docs they cannot reach."""
    from langso.scaffold import place_text

    finished = "---\ntitle: 'Cây đa'\ntoa_do: '19.9822, 105.6431'\n---\n\n# Cây đa\n\n## Nguồn\n"
    starter = place_text("Giếng làng").replace(
        'title: "Giếng làng"\n', "title: \"Giếng làng\"\ntoa_do: '19.9830, 105.6450'\n"
    )
    assert "toa_do" in starter
    sample = (
        "---\ntitle: 'Đình mẫu'\ntoa_do: '19.9840, 105.6460'\n---\n\n# Đình mẫu\n\n"
        '!!! note "Trang mẫu"\n    Đây là trang mẫu.\n\n## Nguồn\n'
    )
    root = make_site(
        files={
            "content/dia-diem/cay-da.md": finished,
            "content/dia-diem/gieng-lang.md": starter,
            "content/dia-diem/dinh-mau.md": sample,
        },
        config={
            "plugins": [
                "langso/content",
                {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
                "langso/map",
                "langso/plaques",
            ],
            "nav": None,
        },
    )
    result = build_site(root)
    assert result.ok, result.text()
    text = (result.site_dir / "ban-do" / "osm.osm").read_text(encoding="utf-8")
    element = etree.fromstring(text.encode("utf-8"))
    names = [n.find("tag[@k='name']") for n in element.findall("node")]
    assert [t.get("v") for t in names if t is not None] == ["Cây đa"]
    comment = str(element.xpath("comment()")[0])
    assert (
        "Đã bỏ ra 2 địa điểm có trang chưa viết xong (còn chữ mẫu của `langso new` hoặc trang mẫu"
        " của `langso init`), như khi in biển mã QR: viết xong trang thì điểm có trong tệp."
    ) in comment
    assert "2 place(s) left out: their pages still hold starter or sample text." in comment
    assert "docs/" not in comment
    assert "(1) trong JOSM, tải dữ liệu OSM của vùng làng (File > Download data)" in comment
    assert "https://wiki.openstreetmap.org/wiki/Import/Guidelines" in comment
    data = json.loads((result.site_dir / "ban-do" / "osm.geojson").read_text(encoding="utf-8"))
    assert [f["properties"]["name"] for f in data["features"]] == ["Cây đa"]


def test_nothing_left_out_says_nothing_about_it() -> None:
    text = to_osm_xml(_places(), None, SITE)
    assert "Đã bỏ ra" not in text and "docs/" not in text
