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
