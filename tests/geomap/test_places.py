"""The places of a site (langso.geomap.places, .adapter): landmarks from front matter, services
from the directory, plaques on the page they lead to; a landmark's `toa_do` checked like a
service's, with located messages."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Literal

import pytest

from langso.geomap.places import Place, Places
from tests.conftest import BuildResult, SiteFactory, build_site

# A hook listed after every plugin (MkDocs adds hooks last): writes what places_of finds.
PROBE = """
import json
from pathlib import Path
from typing import Literal
from langso.geomap.adapter import places_of

def on_files(files, config):
    places = places_of(config, files)
    assert places_of(config, files) is places  # made once a build
    rows = [
        [p.src_uri, p.kind, p.name, p.url, p.lat, p.lon, p.category, p.category_name,
         list(p.plaques), p.source, p.line]
        for p in places.all()
    ]
    out = Path(config.config_file_path).parent / "places.json"
    out.write_text(json.dumps({"rows": rows, "names": places.plaque_names}, ensure_ascii=False))
    return files
"""

LANDMARK = """---
title: "Cây đa <đầu> làng & giếng"
toa_do: '19.9822, 105.6431'
---

# Cây đa đầu làng

## Nguồn
"""

NO_TITLE = """---
toa_do: '19.9830,105.6450'
---

# Giếng *cổ*

## Nguồn
"""


def _probe(make_site: SiteFactory, files: dict[str, str | None]) -> tuple[Path, dict[str, object]]:
    root = make_site(files={"hooks/probe.py": PROBE, **files}, config={"hooks": ["hooks/probe.py"]})
    result = build_site(root)
    assert result.ok, result.text()
    data = json.loads((root / "places.json").read_text(encoding="utf-8"))
    return root, data


def test_places_of_a_site(make_site: SiteFactory) -> None:
    plaques = (
        "- id: 'dinh'\n  ten: 'Đình làng Phú Mỹ'\n  trang: 'dia-diem/dinh-lang-phu-my.md'\n"
        "- id: 'cho'\n  ten: 'Chợ Phú Mỹ'\n  trang: 'danh-ba/cho-phu-my.yml'\n"
        "- id: 'cay-da'\n  ten: 'Cây đa'\n  trang: 'dia-diem/cay-da.md'\n"
        "- id: 'cho-cu'\n  ten: 'Chợ cũ'\n  thay_bang: 'cho'\n"
        "- id: 'cay-da-2'\n  ten: 'Cây đa (biển 2)'\n  trang: 'dia-diem/cay-da.md'\n"
    )
    _, data = _probe(
        make_site,
        {
            "content/dia-diem/cay-da.md": LANDMARK,
            "content/dia-diem/gieng.md": NO_TITLE,
            "content/plaques.yml": plaques,
        },
    )
    assert data["rows"] == [
        [
            "dia-diem/cay-da.md",
            "dia-diem",
            "Cây đa <đầu> làng & giếng",
            "dia-diem/cay-da/",
            19.9822,
            105.6431,
            None,
            None,
            ["cay-da", "cay-da-2"],
            "content/dia-diem/cay-da.md",
            3,
        ],
        [
            "danh-ba/cho-phu-my.yml",
            "dich-vu",
            "Chợ Phú Mỹ",
            "danh-ba/cho-phu-my/",
            19.98,
            105.64,
            "cho",
            "Chợ",
            ["cho"],  # cho-cu is replaced: not a plaque standing there today
            "content/danh-ba/cho-phu-my.yml",
            7,
        ],
        [
            "dia-diem/gieng.md",
            "dia-diem",
            "Giếng *cổ*",
            "dia-diem/gieng/",
            19.983,
            105.645,
            None,
            None,
            [],
            "content/dia-diem/gieng.md",
            2,
        ],
    ]
    # the Đình has a plaque but no coordinates: no place
    assert data["names"] == {
        "dinh": "Đình làng Phú Mỹ",
        "cho": "Chợ Phú Mỹ",
        "cay-da": "Cây đa",
        "cay-da-2": "Cây đa (biển 2)",
    }


def test_toa_do_is_kept_as_text_for_the_theme(make_site: SiteFactory) -> None:
    root = make_site(files={"content/dia-diem/cay-da.md": LANDMARK})
    result = build_site(root)
    assert result.ok, result.text()
    assert "toa_do" not in result.text()  # no "unknown key" warning


def _place(uri: str, name: str) -> Place:
    kind: Literal["dia-diem", "dich-vu"] = "dich-vu" if uri.endswith(".yml") else "dia-diem"
    return Place(uri, kind, name, uri, 20.0, 105.0, None, None, (), f"content/{uri}", 1)


def test_places_lookup_order_and_suggestion() -> None:
    places = Places(
        [
            _place("dia-diem/dinh.md", "Đình làng"),
            _place("danh-ba/cho.yml", "Chợ"),
            _place("dia-diem/ao.md", "Ao làng"),
            _place("dia-diem/am.md", "Âm"),
        ]
    )
    assert [p.name for p in places.all()] == ["Ao làng", "Âm", "Chợ", "Đình làng"]
    cho = places.by_page("danh-ba/cho.yml")
    assert cho is not None and places.by_page("danh-ba/cho.md") is cho
    assert places.by_page("dia-diem/khong-co.md") is None
    assert places.suggest("dia-diem/dinhh.md") == "dia-diem/dinh.md"
    assert places.suggest("danh-ba/chợ.yml") == "danh-ba/cho.yml"
    assert places.suggest("hoan-toan-khac/xyz.txt") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "'105.6431, 19.9822'",
            "content/dia-diem/cay-da.md:2: toa_do: tọa độ `105.6431, 19.9822` có vẻ bị đảo"
            " (kinh độ viết trước vĩ độ) — viết vĩ độ trước: '19.9822, 105.6431'",
        ),
        (
            "'48.8584, 2.2945'",
            "content/dia-diem/cay-da.md:2: toa_do: tọa độ `48.8584, 2.2945` nằm ngoài"
            " Việt Nam — chép lại tọa độ từ bản đồ",
        ),
        (
            "'19.9822'",
            "content/dia-diem/cay-da.md:2: toa_do: tọa độ `19.9822` không đúng dạng —"
            " viết 'vĩ độ, kinh độ', ví dụ '19.9810, 105.6420'",
        ),
        (
            "'19,9822, 105,6431'",
            "content/dia-diem/cay-da.md:2: toa_do: tọa độ `19,9822, 105,6431` không đọc được:"
            " dùng dấu phẩy thập phân (19,9822): dấu phẩy chỉ dùng để ngăn vĩ độ với kinh độ,"
            " số lẻ viết bằng dấu chấm — viết lại bằng chữ số và dấu chấm thường, chép dòng"
            " này: `toa_do: '19.9822, 105.6431'`",
        ),
        (
            "'19．9742，105．6451'",
            "content/dia-diem/cay-da.md:2: toa_do: tọa độ `19．9742，105．6451` không đọc được:"
            " có chữ số hoặc dấu kiểu toàn khổ (`．`, `，`, thường do bàn phím tiếng Trung/Nhật"
            " trên điện thoại) — viết lại bằng chữ số và dấu chấm thường, chép dòng này:"
            " `toa_do: '19.9742, 105.6451'`",
        ),
        (
            "'１９，９７４２，１０５，６４５１'",
            "`toa_do: '19.9742, 105.6451'`",
        ),
        (  # unquoted, decimal commas, a space between (a fresh tester's line)
            "19,9795 105,6460",
            "content/dia-diem/cay-da.md:2: toa_do: tọa độ `19,9795 105,6460` không đọc được:"
            " dùng dấu phẩy thập phân (19,9795): dấu phẩy chỉ dùng để ngăn vĩ độ với kinh độ,"
            " số lẻ viết bằng dấu chấm; giữa vĩ độ và kinh độ thiếu dấu phẩy — viết lại bằng"
            " chữ số và dấu chấm thường, chép dòng này: `toa_do: '19.9795, 105.6460'`",
        ),
        (
            "[19.9822, 105.6431]",
            "content/dia-diem/cay-da.md:2: toa_do: `toa_do` phải là một dòng chữ, nhưng lại là một"
            " danh sách — viết thành một dòng trong dấu nháy, không có dấu `[ ]` hay `- `:"
            " `toa_do: '19.9822, 105.6431'`",
        ),
    ],
)
def test_landmark_coordinates_are_checked(
    make_site: SiteFactory, value: str, expected: str
) -> None:
    page = f"---\ntoa_do: {value}\n---\n\n# Cây đa\n\n## Nguồn\n"
    root = make_site(files={"content/dia-diem/cay-da.md": page})
    result = build_site(root)
    assert not result.ok
    assert expected in result.text(), result.text()


def test_service_coordinates_with_decimal_commas_get_the_corrected_line(
    make_site: SiteFactory,
) -> None:
    """The directory reads `toa_do` with the same parser: the same cause and line to copy."""
    root = make_site()
    service = root / "content/danh-ba/cho-phu-my.yml"
    text = service.read_text(encoding="utf-8")
    service.write_text(text.replace("'19.9800, 105.6400'", "'19,98, 105,64'"), encoding="utf-8")
    result = build_site(root)
    assert not result.ok
    assert (
        "content/danh-ba/cho-phu-my.yml:7: toa_do: tọa độ `19,98, 105,64` không đọc được: dùng"
        " dấu phẩy thập phân (19,98)"
    ) in result.text(), result.text()
    assert "chép dòng này: `toa_do: '19.98, 105.64'`" in result.text()
    assert "copy this line: `toa_do: '19.98, 105.64'`" in result.text()


MAP_PLUGINS = [
    "langso/content",
    {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
    "langso/map",
    "langso/plaques",
]
MAP_TILE = re.compile(r'<a class="langso-tile" href="ban-do/">.*?Bản đồ</span>', re.S)


def test_the_home_map_tile_only_when_a_place_has_coordinates(make_site: SiteFactory) -> None:
    """A new village (no `toa_do` anywhere) gets no "Bản đồ" tile on its home page, though its
    map page exists (it says in words that there is no point yet); one landmark with
    coordinates brings the tile."""
    root = make_site(config={"plugins": MAP_PLUGINS})
    service = root / "content/danh-ba/cho-phu-my.yml"
    text = service.read_text(encoding="utf-8")
    service.write_text(text.replace("toa_do: '19.9800, 105.6400'\n", ""), encoding="utf-8")
    result = build_site(root)
    assert result.ok, result.text()
    assert (result.site_dir / "ban-do/index.html").is_file()
    home = result.read("index.html")
    assert 'class="langso-tile"' in home and not MAP_TILE.search(home)

    (root / "content/dia-diem").mkdir(exist_ok=True)
    (root / "content/dia-diem/cay-da.md").write_text(LANDMARK, encoding="utf-8")
    result = build_site(root)
    assert result.ok, result.text()
    assert MAP_TILE.search(result.read("index.html"))


def test_the_sample_home_has_the_map_tile(sample_site: BuildResult) -> None:
    assert MAP_TILE.search(sample_site.read("index.html"))
