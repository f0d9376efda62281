"""Post-2025 communes and provinces (``vietnam-provinces``) and coordinates inside Viet Nam."""

from __future__ import annotations

import json
import math
import subprocess
import sys
import unicodedata
from pathlib import Path

import numpy as np
import pytest
import reverse_geocode
from pydantic_core import PydanticCustomError

from langso.geography import (
    SURELY_VIETNAM,
    VIETNAM_BOUNDS,
    CommuneCheck,
    UnitMatch,
    check_commune,
    check_unit,
    country_of,
    province_names,
    resolve_unit,
    surely_vietnam,
)

# --- communes and provinces in force since 01/07/2025 ----------------------------------------


@pytest.mark.parametrize(
    ("commune", "province"),
    [
        ("xã Yên Định", "tỉnh Thanh Hóa"),
        ("Yên Định", "Thanh Hóa"),  # unit words may be left out
        ("Xã Yên Định", "Tỉnh Thanh Hóa"),  # capitalised at the start of a line
        ("phường Hạc Thành", "tỉnh Thanh Hóa"),  # the new ward of the former city of Thanh Hóa
        ("phường Ba Đình", "thành phố Hà Nội"),
        ("đặc khu Phú Quốc", "tỉnh An Giang"),  # special zone, province merged in 2025
    ],
)
def test_real_units_are_accepted(commune: str, province: str) -> None:
    assert check_commune(commune, province) == CommuneCheck(True)


def test_decomposed_input_is_accepted() -> None:
    nfd = unicodedata.normalize("NFD", "xã Yên Định")
    assert check_commune(nfd, unicodedata.normalize("NFD", "tỉnh Thanh Hóa")).ok


def test_former_commune_is_refused() -> None:
    # xã Định Long was merged on 01/07/2025; it belongs in `xa_cu`.
    result = check_commune("xã Định Long", "tỉnh Thanh Hóa")
    assert result.ok is False
    assert result.unknown == "commune"


def test_commune_without_accents_is_refused_with_the_real_name_first() -> None:
    result = check_commune("xã Yen Dinh", "tỉnh Thanh Hóa")
    assert result.ok is False
    assert result.unknown == "commune"
    assert result.suggestions[0] == "xã Yên Định"


def test_wrong_unit_word_is_refused() -> None:
    result = check_commune("phường Yên Định", "tỉnh Thanh Hóa")
    assert (result.ok, result.unknown) == (False, "commune")


def test_commune_of_another_province_is_refused() -> None:
    result = check_commune("xã Yên Định", "tỉnh Nghệ An")
    assert (result.ok, result.unknown) == (False, "commune")


@pytest.mark.parametrize(
    "province",
    [
        "tỉnh Yên Bái",  # merged into Lào Cai on 01/07/2025
        "tỉnh Hà Nam",  # merged into Ninh Bình on 01/07/2025
        "tỉnh Hà Tây",  # merged into Hà Nội in 2008
        "tỉnh Thanh Hoa",  # no accents
    ],
)
def test_province_not_in_force_is_refused(province: str) -> None:
    result = check_commune("xã Yên Định", province)
    assert (result.ok, result.unknown) == (False, "province")


def test_province_suggestions_put_the_nearest_name_first() -> None:
    result = check_commune("xã Yên Định", "tỉnh Thanh Hoa")
    assert result.suggestions[0] == "tỉnh Thanh Hóa"


@pytest.mark.parametrize(
    ("commune", "province"),
    [
        ("xã Yên Định", "thành phố Thanh Hóa"),  # Thanh Hóa is a tỉnh; the city was dissolved
        ("phường Ba Đình", "tỉnh Hà Nội"),  # Hà Nội is a thành phố
    ],
)
def test_wrong_province_unit_word_is_refused(commune: str, province: str) -> None:
    # check_commune: "The unit words (xã, phường, đặc khu, tỉnh, thành phố) may be left out;
    # when given they must match."
    result = check_commune(commune, province)
    assert (result.ok, result.unknown) == (False, "province")


def test_province_names_are_the_34_units_in_force() -> None:
    names = province_names()
    assert len(names) == 34
    assert len(set(names)) == 34
    for name in ("tỉnh Thanh Hóa", "thành phố Hà Nội", "thành phố Huế", "tỉnh Lào Cai"):
        assert name in names
    for former in ("tỉnh Yên Bái", "tỉnh Hà Nam", "tỉnh Quảng Bình"):
        assert former not in names


def test_check_unit_reports_a_former_commune_on_xa_suggesting_xa_cu() -> None:
    with pytest.raises(PydanticCustomError) as caught:
        check_unit("xã Định Long", "tỉnh Thanh Hóa", field_prefix="dia_chi.")
    context = caught.value.context
    assert context is not None
    assert context["field"] == "dia_chi.xa"
    assert context["vi"] == "không có `xã Định Long` trong tỉnh Thanh Hóa từ 01/07/2025"
    assert context["en"] == "`xã Định Long` is not a commune of tỉnh Thanh Hóa since 01/07/2025"
    assert context["fix_vi"].endswith("; tên xã cũ trước sáp nhập ghi vào `xa_cu`")
    assert context["fix_en"].endswith("; a former commune goes in `xa_cu`")


def test_check_unit_reports_a_wrong_province_on_tinh() -> None:
    with pytest.raises(PydanticCustomError) as caught:
        check_unit("xã Yên Định", "tỉnh Yên Bái", field_prefix="dia_chi.")
    context = caught.value.context
    assert context is not None
    assert context["field"] == "dia_chi.tinh"
    assert context["vi"] == "không có `tỉnh Yên Bái` trong 34 tỉnh, thành phố từ 01/07/2025"
    assert context["en"] == (
        "`tỉnh Yên Bái` is not one of the 34 provinces in force since 01/07/2025"
    )


def test_check_unit_accepts_a_real_unit_and_skips_missing_ones() -> None:
    check_unit("xã Yên Định", "tỉnh Thanh Hóa", field_prefix="")
    check_unit(None, "tỉnh Thanh Hóa", field_prefix="")
    check_unit("xã Định Long", None, field_prefix="")


# --- coordinates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lat", "lon", "country"),
    [
        (19.98, 105.64, "VN"),  # Yên Định, Thanh Hóa
        (21.0285, 105.8542, "VN"),  # Hà Nội
        (10.7769, 106.7009, "VN"),  # Thành phố Hồ Chí Minh
        (22.8, 104.98, "VN"),  # Hà Giang, near the Chinese border
        (10.22, 103.96, "VN"),  # Phú Quốc
        (17.97, 102.60, "LA"),  # Vientiane: inside Viet Nam's bounding box, but Laos
        (11.55, 104.92, "KH"),  # Phnom Penh
    ],
)
def test_country_of(lat: float, lon: float, country: str) -> None:
    assert country_of(lat, lon) == country


def test_vientiane_is_inside_the_bounding_box() -> None:
    # Why the gazetteer is needed: the box alone would accept Laos.
    (lat_min, lat_max), (lon_min, lon_max) = VIETNAM_BOUNDS["lat"], VIETNAM_BOUNDS["lon"]
    assert lat_min <= 17.97 <= lat_max
    assert lon_min <= 102.60 <= lon_max


def test_country_answers_are_cached_on_disk_in_one_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reverse_geocode

    from langso import geography

    monkeypatch.setattr(geography, "_COUNTRIES", {})
    monkeypatch.setattr(geography, "_CACHE_FILE", None)
    monkeypatch.setattr(geography, "_UNSAVED", False)
    geography.use_cache(tmp_path)
    assert geography.country_of(17.97, 102.60) == "LA"  # Vientiane: outside every rectangle
    assert geography.country_of(22.8, 104.98) == "VN"  # Hà Giang, near the border
    # Not one write per new coordinate (quadratic in a big directory): one per build.
    assert not (tmp_path / "countries.json").exists()
    geography.save_cache()
    written = json.loads((tmp_path / "countries.json").read_text())
    assert written == {"17.97,102.6": "LA", "22.8,104.98": "VN"}

    def unreachable(*_: object) -> None:
        raise AssertionError("the gazetteer was consulted for a cached point")

    monkeypatch.setattr(geography, "_COUNTRIES", {})
    monkeypatch.setattr(reverse_geocode, "get", unreachable)
    geography.use_cache(tmp_path)
    assert geography.country_of(17.97, 102.60) == "LA"
    (tmp_path / "countries.json").unlink()
    geography.save_cache()  # nothing new: not written again
    assert not (tmp_path / "countries.json").exists()


def test_a_point_surely_in_viet_nam_does_not_load_the_gazetteer() -> None:
    # A fresh process: other tests load the gazetteer into this one.
    code = (
        "import sys\n"
        "from langso.geography import country_of\n"
        "print(country_of(19.98, 105.64), country_of(10.7769, 106.7009),"
        " 'reverse_geocode' in sys.modules, 'scipy' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.split() == ["VN", "VN", "False", "False"]


def _cells(box: tuple[float, float, float, float], step: float) -> tuple[np.ndarray, float]:
    """Centres of cells at most ``step`` wide tiling ``box`` exactly, and their half-diagonal."""
    lat_min, lat_max, lon_min, lon_max = box
    rows, cols = math.ceil((lat_max - lat_min) / step), math.ceil((lon_max - lon_min) / step)
    height, width = (lat_max - lat_min) / rows, (lon_max - lon_min) / cols
    lats = lat_min + height * (np.arange(rows) + 0.5)
    lons = lon_min + width * (np.arange(cols) + 0.5)
    grid = np.stack(np.meshgrid(lats, lons, indexing="ij"), axis=-1).reshape(-1, 2)
    return grid, math.hypot(height, width) / 2


def test_every_point_of_the_rectangles_is_nearest_to_a_vietnamese_place() -> None:
    # reverse_geocode answers the nearest place by plain distance in (lat, lon) degrees (a k-d
    # tree on them). Inside a cell of half-diagonal r around c, the nearest Vietnamese place is
    # at most d_vn(c) + r away and every foreign one at least d_foreign(c) - r: when
    # d_foreign(c) - d_vn(c) > 2r, every point of the cell, not only its centre, answers VN.
    from scipy.spatial import cKDTree  # type: ignore[import-untyped]

    data = reverse_geocode.GeocodeData()
    places = np.array([(p["latitude"], p["longitude"]) for p in data._locations], dtype=float)
    vietnamese = np.array([p["country_code"] == "VN" for p in data._locations])
    nearest_vn, nearest_foreign = cKDTree(places[vietnamese]), cKDTree(places[~vietnamese])
    for box in SURELY_VIETNAM:
        centres, half_diagonal = _cells(box, 0.05)
        to_vn, _ = nearest_vn.query(centres)
        to_foreign, _ = nearest_foreign.query(centres)
        unsure = centres[to_foreign - to_vn <= 2 * half_diagonal]
        assert not len(unsure), (box, unsure[:5])


def test_a_fine_grid_of_the_rectangles_answers_vn() -> None:
    # The same through the public API, edges included, every 0.01° (about 1 km).
    for box in SURELY_VIETNAM:
        lat_min, lat_max, lon_min, lon_max = box
        lats = np.linspace(lat_min, lat_max, math.ceil((lat_max - lat_min) / 0.01) + 1)
        lons = np.linspace(lon_min, lon_max, math.ceil((lon_max - lon_min) / 0.01) + 1)
        grid = [(float(a), float(b)) for a in lats for b in lons]
        assert all(surely_vietnam(*point) for point in grid)
        countries = {p["country_code"] for p in reverse_geocode.search(grid)}
        assert countries == {"VN"}, box


def test_points_outside_the_rectangles_still_ask_the_gazetteer() -> None:
    assert not surely_vietnam(17.97, 102.60)  # Vientiane
    assert not surely_vietnam(11.55, 104.92)  # Phnom Penh
    assert not surely_vietnam(22.8, 104.98)  # Hà Giang, near the Chinese border
    assert surely_vietnam(19.98, 105.64)  # Yên Định, Thanh Hóa (the sample village)


@pytest.mark.parametrize(
    ("commune", "province", "expected"),
    [
        ("Yên Định", "tỉnh Thanh Hóa", UnitMatch("xã Yên Định", "tỉnh Thanh Hóa")),
        ("yen dinh", "thanh hoa", UnitMatch("xã Yên Định", "tỉnh Thanh Hóa")),
        ("phuong Hac Thanh", "Thanh Hoa", UnitMatch("phường Hạc Thành", "tỉnh Thanh Hóa")),
        ("Cát Hải", "Hai Phong", UnitMatch("đặc khu Cát Hải", "thành phố Hải Phòng")),
        # Exact letters win over an accent-free match.
        ("Đông Tiến", "Thanh Hóa", UnitMatch("phường Đông Tiến", "tỉnh Thanh Hóa")),
        (
            "Dong Tien",
            "Thanh Hóa",
            UnitMatch(None, "tỉnh Thanh Hóa", None, ("phường Đông Tiến", "xã Đồng Tiến")),
        ),
        # The kind typed must match: there is no phường Yên Định.
        (
            "phường Yên Định",
            "Thanh Hóa",
            UnitMatch(
                None,
                "tỉnh Thanh Hóa",
                "commune",
                ("phường Tân Dân", "phường Hải Lĩnh", "phường Hải Bình"),
            ),
        ),
    ],
)
def test_resolve_unit_keeps_the_kind(commune: str, province: str, expected: UnitMatch) -> None:
    assert resolve_unit(commune, province) == expected
