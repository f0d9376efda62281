"""``lang-so.json`` as the sample and a small hostile village publish it (issue 17)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from langso.summary.build import (
    LandmarkPage,
    build_summary,
    dumps_summary,
    official_names,
    unit_codes,
)
from langso.summary.read import SUMMARY_URI, read_summary, schema
from langso.village import Village
from tests.conftest import BuildResult, SiteFactory, build_site
from tests.summary.sites import CONFIG, FILES, HOSTILE_TITLE, PLUGINS


def load(site_dir: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((site_dir / SUMMARY_URI).read_bytes())
    return data


def page_exists(site_dir: Path, path: str) -> bool:
    """A site-relative page path (``dia-diem/x/``, ``""`` for home) is a built page."""
    return (site_dir / path / "index.html").is_file()


def test_the_sample_village_identity(sample_site: BuildResult) -> None:
    summary = load(sample_site.site_dir)
    assert summary["dinh_dang"] == "lang-so/tom-tat"
    assert summary["phien_ban"] == 1
    assert summary["ngay_dung"] == "2026-11-30"  # SOURCE_DATE_EPOCH of the tests
    assert summary["dia_chi"] == "https://example.github.io/lang-so/"
    assert summary["lang"] == {
        "ten": "Là Thôn",
        "loai": "làng",
        "ten_day_du": "làng Là Thôn",
        "xa": "xã Yên Định",
        "ma_xa": "15469",
        "tinh": "tỉnh Thanh Hóa",
        "ma_tinh": "38",
        "xa_cu": "xã Định Long",
        "huyen_cu": "huyện Yên Định",
    }
    assert summary["vi_tri"] == {"vi_do": 19.97931, "kinh_do": 105.64477}


def test_the_sample_is_valid_for_the_schema_and_the_reader(sample_site: BuildResult) -> None:
    data = (sample_site.site_dir / SUMMARY_URI).read_bytes()
    Draft202012Validator.check_schema(schema())
    assert list(Draft202012Validator(schema()).iter_errors(json.loads(data))) == []
    summary, problems = read_summary(data, "site")
    assert problems == []
    assert summary == json.loads(data)
    assert not any("lang-so.json" in m for m in sample_site.messages)


def test_the_sample_landmarks_services_and_plaques(sample_site: BuildResult) -> None:
    site = sample_site.site_dir
    summary = load(site)
    assert [(p["ten"], p["trang"]) for p in summary["dia_diem"]] == [
        ("Đình – Bia ký làng Yên Định", "dia-diem/dinh-bia-ky-lang-yen-dinh/"),
        ("Đình – Đền làng Yên Hoành", "dia-diem/dinh-den-lang-yen-hoanh/"),
        ("Đình làng Là Thôn", "dia-diem/dinh-lang-la-thon/"),
    ]
    first = summary["dia_diem"][2]
    assert first["loai"] == "Di tích – địa điểm"
    assert (first["vi_do"], first["kinh_do"]) == (19.9818, 105.6436)
    assert first["mo_ta"] == (
        "Di tích đình làng Là Thôn, xã Yên Định (trước là xã Định Long), tỉnh Thanh Hóa."
    )
    health = next(s for s in summary["dich_vu"] if s["id"] == "tram-y-te-xa-yen-dinh")
    assert health["ten"] == "Trạm Y tế xã Yên Định"
    assert (health["loai"], health["loai_ten"]) == ("y-te", "Y tế")
    assert health["trang"] == "danh-ba/tram-y-te-xa-yen-dinh/"
    assert health["du_lieu_mau"] is True
    assert health["dien_thoai"] == [{"so": "0300 000 004", "tel": "+84300000004"}]
    assert len(summary["dich_vu"]) == 19
    assert [(p["id"], p["trang"], p["dich"]) for p in summary["bien_qr"]] == [
        ("cho", "q/cho/", "danh-ba/cho-la-thon-du-lieu-mau/"),
        ("dinh-la-thon", "q/dinh-la-thon/", "dia-diem/dinh-lang-la-thon/"),
        ("dinh-yen-dinh", "q/dinh-yen-dinh/", "dia-diem/dinh-bia-ky-lang-yen-dinh/"),
        ("dinh-yen-hoanh", "q/dinh-yen-hoanh/", "dia-diem/dinh-den-lang-yen-hoanh/"),
        ("nha-van-hoa", "q/nha-van-hoa/", "danh-ba/nha-van-hoa-la-thon/"),
        ("tram-y-te", "q/tram-y-te/", "danh-ba/tram-y-te-xa-yen-dinh/"),
    ]
    paths = [item["trang"] for key in ("dia_diem", "dich_vu", "thong_bao") for item in summary[key]]
    paths += [p["dich"] for p in summary["bien_qr"]] + [p["u"] for p in summary["tim_kiem"]]
    assert [p for p in paths if not page_exists(site, p)] == []
    # a plaque's short address is its redirect stub
    assert [p["trang"] for p in summary["bien_qr"] if not page_exists(site, p["trang"])] == []


def test_the_sample_lists_only_current_notices(sample_site: BuildResult) -> None:
    notices = load(sample_site.site_dir)["thong_bao"]
    assert [(n["ngay"], n["trang"], n["khan"]) for n in notices] == [
        ("2026-11-29", "thong-bao/2026-11-29-canh-bao-bao/", True),
        ("2026-11-27", "thong-bao/2026-11-27-cat-dien-12-12/", False),
        ("2026-11-25", "thong-bao/2026-11-25-tiem-chung-thang-12/", False),
        ("2026-11-24", "thong-bao/2026-11-24-hop-thon-thang-12/", False),
        ("2026-11-21", "thong-bao/2026-11-21-viec-lam-thoi-vu/", False),
        ("2026-11-20", "thong-bao/2026-11-20-thu-tien-rac-quy-4/", False),
    ]
    # expired on 25/11/2026, before the build day: on the site, not in the summary
    urls = [n["trang"] for n in notices]
    assert "thong-bao/2026-11-18-dang-ky-giong-lua-vu-xuan/" not in urls
    assert page_exists(sample_site.site_dir, "thong-bao/2026-11-18-dang-ky-giong-lua-vu-xuan/")


def test_the_sample_search_shard(sample_site: BuildResult) -> None:
    entries = {e["u"]: e for e in load(sample_site.site_dir)["tim_kiem"]}
    assert "tim-kiem/" not in entries
    dinh = entries["dia-diem/dinh-lang-la-thon/"]
    assert dinh["t"] == "Đình làng Là Thôn"
    assert dinh["d"] == (
        "Di tích đình làng Là Thôn, xã Yên Định (trước là xã Định Long), tỉnh Thanh Hóa."
    )
    assert dinh["h"] == [
        "Đình ở đâu?",
        "Đình làng là gì?",
        "Vùng đất Kẻ Lở",
        "Xã Định Long cũ",
        "Di tích gần làng",
        "Nguồn",
    ]
    assert all(len(e["d"]) <= 300 for e in entries.values())
    assert list(entries) == sorted(entries)


def test_nothing_lists_or_precaches_the_summary(sample_site: BuildResult) -> None:
    """Written after the build: not a page (no sitemap entry), not in the offline manifest or
    the service worker (a reader never needs it), named by no page."""
    site = sample_site.site_dir
    for name in ("sitemap.xml", "sw.js", "assets/langso/offline.json"):
        assert SUMMARY_URI not in (site / name).read_text("utf-8"), name
    assert not [p for p in site.rglob("*.html") if SUMMARY_URI in p.read_text("utf-8")]


def test_a_small_hostile_village(make_site: SiteFactory, tmp_path: Path) -> None:
    root = make_site(files=FILES, config=CONFIG)
    built = build_site(root)
    assert built.ok, built.text()
    data = (built.site_dir / SUMMARY_URI).read_bytes()
    assert b"</script>" not in data  # written <\/script>: the same JSON
    summary, problems = read_summary(data, "site")
    assert problems == [] and summary is not None
    assert [(p["ten"], p["trang"], p["mo_ta"]) for p in summary["dia_diem"]] == [
        (
            HOSTILE_TITLE,
            "dia-diem/dinh-lang-phu-my/",
            "Đình của làng <img src=x onerror=alert(1)> & cây đa (dữ liệu mẫu).",
        ),
        ("Giếng làng", "dia-diem/gieng-lang/", None),
    ]  # the draft (mieu-nhap.md) is not published
    assert [(p["vi_do"], p["kinh_do"]) for p in summary["dia_diem"]] == [
        (19.981, 105.642),
        (None, None),
    ]
    assert summary["vi_tri"] == {"vi_do": 19.9805, "kinh_do": 105.641}
    assert [n["tieu_de"] for n in summary["thong_bao"]] == ["Họp thôn cuối năm (dữ liệu mẫu)"]
    urls = [e["u"] for e in summary["tim_kiem"]]
    assert "ghi-chu-an/" not in urls  # search: exclude
    assert page_exists(built.site_dir, "ghi-chu-an/")
    assert "dia-diem/mieu-nhap/" not in urls  # draft
    dinh = next(e for e in summary["tim_kiem"] if e["u"] == "dia-diem/dinh-lang-phu-my/")
    assert dinh == {
        "t": HOSTILE_TITLE,
        "u": "dia-diem/dinh-lang-phu-my/",
        "d": "Đình của làng <img src=x onerror=alert(1)> & cây đa (dữ liệu mẫu).",
        "h": ["Đường đi", "Giờ mở cửa", "Nguồn"],
    }

    # byte-identical when built again, elsewhere
    again = build_site(root, site_dir=tmp_path / "again")
    assert again.ok, again.text()
    assert (again.site_dir / SUMMARY_URI).read_bytes() == data


def test_without_site_url_the_address_is_null(make_site: SiteFactory) -> None:
    # plaques need site_url: their QR codes hold absolute addresses
    plugins = [p for p in PLUGINS if p != "langso/plaques"]
    root = make_site(files=FILES, config={**CONFIG, "plugins": plugins, "site_url": None})
    built = build_site(root)
    assert built.ok, built.text()
    summary, problems = read_summary((built.site_dir / SUMMARY_URI).read_bytes(), "site")
    assert problems == [] and summary is not None
    assert summary["dia_chi"] is None
    assert summary["bien_qr"] == []


def _village(**fields: str) -> Village:
    return Village.model_validate(
        {"ten": "Phú Mỹ", "loai": "làng", "xa": "xã Yên Định", "tinh": "tỉnh Thanh Hóa", **fields}
    )


def test_control_characters_and_long_text_are_cleaned() -> None:
    """The core keeps every string printable and short enough for the reader."""
    landmark = LandmarkPage(
        "dia-diem/a.md", "Đình\x00làng\x1b[31m  \u0085Phú Mỹ", "dia-diem/a/", "x" * 2500
    )
    summary = build_summary(
        village=_village(),
        site_url="https://example.github.io/phu-my",
        built_on=dt.date(2026, 11, 30),
        landmarks=[landmark],
        directory=None,
        plaques=[],
        notices=[],
        now=dt.datetime(2026, 11, 30, tzinfo=dt.UTC),
        fresh_days=30,
        pages=[],
        url_of=lambda uri: None,
    )
    assert summary["dia_chi"] == "https://example.github.io/phu-my/"
    item = summary["dia_diem"][0]
    assert item["ten"] == "Đình làng [31m Phú Mỹ"
    assert len(item["mo_ta"]) == 2000 and item["mo_ta"].endswith("…")
    assert read_summary(dumps_summary(summary), "x")[1] == []


@pytest.mark.parametrize(
    ("commune", "province", "codes"),
    [
        ("xã Yên Định", "tỉnh Thanh Hóa", ("15469", "38")),
        ("xã Yên Định", "Thanh Hoá", ("15469", "38")),  # old tone placement, no "tỉnh"
        ("phường Ba Đình", "thành phố Hà Nội", ("00004", "01")),
        ("xã Không Có", "tỉnh Thanh Hóa", (None, "38")),
        ("xã Yên Định", "tỉnh Không Có", (None, None)),
    ],
)
def test_unit_codes(commune: str, province: str, codes: tuple[str | None, str | None]) -> None:
    assert unit_codes(commune, province) == codes


@pytest.mark.parametrize(
    ("commune", "province", "names"),
    [
        ("Yên Định", "tỉnh Thanh Hóa", ("xã Yên Định", "tỉnh Thanh Hóa")),
        ("xa yen dinh", "Thanh Hoá", ("xã Yên Định", "tỉnh Thanh Hóa")),
        ("xã Không Có", "Thanh Hoá", ("xã Không Có", "tỉnh Thanh Hóa")),  # kept as typed
        ("Dong Tien", "tỉnh Thanh Hóa", ("Dong Tien", "tỉnh Thanh Hóa")),  # two units: kept
    ],
)
def test_official_names(commune: str, province: str, names: tuple[str, str]) -> None:
    assert official_names(commune, province) == names


def test_a_commune_typed_without_its_kind_is_written_as_the_official_name(
    make_site: SiteFactory,
) -> None:
    """``langso check`` accepts ``xa: 'Yên Định'``; the portal would show two communes, "xã
    Yên Định" and "Yên Định". (``xa yen dinh`` is refused by ``village.yml``'s check; the
    core still writes it officially: :func:`test_official_names`.)"""
    village = "ten: 'Phú Mỹ'\nloai: 'làng'\nxa: 'Yên Định'\ntinh: 'Thanh Hoá'\n"
    plugins = [p for p in PLUGINS if p != "langso/search"]
    root = make_site(files={"content/village.yml": village}, config={"plugins": plugins})
    built = build_site(root)
    assert built.ok, built.text()
    lang = load(built.site_dir)["lang"]
    assert (lang["xa"], lang["ma_xa"], lang["tinh"], lang["ma_tinh"]) == (
        "xã Yên Định",
        "15469",
        "tỉnh Thanh Hóa",
        "38",
    )
