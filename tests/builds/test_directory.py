"""The services directory built for real: pages, badge data, VietQR, downloads read back, the
build's warnings for stale entries and duplicates, edit links, and every bad file in one run."""

from __future__ import annotations

import binascii
import csv
import io
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
import vobject
import yaml
from bs4 import BeautifulSoup, Tag

from langso.directory.export import to_json
from langso.village import Village
from tests.conftest import (
    BUILD_DAY,
    FIXTURE_SITES,
    BuildResult,
    SiteFactory,
    build_site,
    decode_svg,
)
from tests.directory.facts import details, facts_after

SITE_URL = "https://example.github.io/lang-phu-my/"
EDIT = "https://github.com/example/lang-so/edit/main/content/"
STOPPED = (
    "Làng số: {n} lỗi trong nội dung, xem các dòng ở trên — sửa rồi chạy lại."
    " / {n} error(s) in the content, listed above — fix them and run again."
)


def directory_plugins(**options: object) -> list[object]:
    """The fixture's plugin list with the directory's options replaced by ``options``."""
    directory: object = {"langso/directory": options} if options else "langso/directory"
    return ["langso/content", directory, "langso/plaques"]


EDIT_CONFIG: dict[str, object] = {
    "repo_url": "https://github.com/example/lang-so",
    "edit_uri": "edit/main/content/",
    "theme": {
        "name": "material",
        "language": "vi",
        "font": False,
        "features": ["content.action.edit"],
    },
}
RICH_CONFIG: dict[str, object] = {
    **EDIT_CONFIG,
    "plugins": directory_plugins(stale_level="warn", duplicate_level="warn"),
}

CATEGORIES = """- id: 'y-te'
  ten: 'Y tế'
  bieu_tuong: '🏥'
- id: 'cho'
  ten: 'Chợ'
  bieu_tuong: '🛒'
- id: 'an-uong'
  ten: 'Ăn uống'
- id: 'cong-cong'
  ten: 'Dịch vụ công'
  bieu_tuong: '🏤'
- id: 'sua-chua'
  ten: 'Sửa chữa'
  bieu_tuong: '🔧'
"""
FRESH = "xac_minh:\n  ngay: '01/11/2026'\n  vai_tro: 'Trưởng thôn'\n"
TRAM_Y_TE = """ten: 'Trạm Y tế xã Yên Định'
loai: 'y-te'
mo_ta: 'Khám chữa bệnh ban đầu, tiêm chủng.'
dich_vu:
  - 'Khám bệnh'
  - 'Tiêm chủng'
dia_chi:
  thon: 'Là Thôn'
  chi_tiet: 'số 5, đường "Lê Lợi"'
toa_do: '19.9810, 105.6420'
dien_thoai:
  - '0912 345 678'
  - '0237 3721 150'
  - '115'
zalo: '0912.345.678'
website: 'https://example.gov.vn'
gio_mo_cua:
  - ngay: 'T2-T6'
    gio: '7:00-11:30, 13:30-17:00'
mua_he:
  tu: '15/4'
  den: '14/10'
  gio_mo_cua:
    - ngay: 'T2-T6'
      gio: '7:00-11:30, 14:00-17:30'
ghi_chu_gio: 'Nghỉ các ngày lễ, Tết.'
thanh_toan: ['tiền mặt', 'chuyển khoản']
ghi_chu: 'Ngoài giờ, khi cấp cứu gọi 115.'
xac_minh:
  ngay: '01/05/2026'
  vai_tro: 'Tổ công nghệ số cộng đồng'
"""
QUAN_PHO_HOA = """ten: 'Quán phở Hoà'
loai: 'an-uong'
dien_thoai: '0868 123 456'
toa_do: '19.9790, 105.6380'
mo_cua: 6:45
dong_cua: 21:00
thanh_toan: ['tiền mặt', 'VietQR', 'ví điện tử']
vietqr:
  ngan_hang: '970405'
  so_tai_khoan: '3300205123456'
  chu_tai_khoan: 'NGUYEN VAN A'
  noi_dung: 'Trả tiền phở'
xac_minh:
  ngay: '01/10/2025'
  vai_tro: 'Chủ cơ sở'
"""
RICH_FILES: dict[str, str | None] = {
    "content/categories.yml": CATEGORIES,
    "content/danh-ba/tram-y-te.yml": TRAM_Y_TE,
    "content/danh-ba/quan-pho-hoa.yml": QUAN_PHO_HOA,
    # The same name in the other tone placement: a likely duplicate.
    "content/danh-ba/quan-pho-hoa-2.yml": (
        "ten: 'Quán phở Hòa'\nloai: 'an-uong'\ndien_thoai: '0912 000 111'\n" + FRESH
    ),
    # The number of the market (cho-phu-my.yml), typed with dots: a likely duplicate.
    "content/danh-ba/tiem-tap-hoa.yml": (
        "ten: 'Tiệm tạp hóa Ánh'\nloai: 'cho'\ndien_thoai: '0300.000.001'\ndu_lieu_mau: 'có'\n"
        + FRESH
    ),
    # Never verified.
    "content/danh-ba/buu-dien.yml": "ten: 'Bưu điện văn hóa xã'\nloai: 'cong-cong'\n",
    "content/danh-ba/an-sang.yml": "ten: 'Ăn sáng cô Ba'\nloai: 'an-uong'\n" + FRESH,
    "content/danh-ba/au-co.yml": "ten: 'Âu Cơ cà phê'\nloai: 'an-uong'\n" + FRESH,
    "content/danh-ba/anh-hai.yml": (
        "ten: 'Anh Hai sửa xe'\nloai: 'sua-chua'\ndien_thoai: '0977 555 222'\n"
        "gio_mo_cua:\n  - ngay: 'T2-T7'\n    gio: '7:30-18:00'\n" + FRESH
    ),
}
# Every entry, in Vietnamese alphabetical order.
ORDER = [
    ("anh-hai", "Anh Hai sửa xe"),
    ("an-sang", "Ăn sáng cô Ba"),
    ("au-co", "Âu Cơ cà phê"),
    ("buu-dien", "Bưu điện văn hóa xã"),
    ("cho-phu-my", "Chợ Phú Mỹ"),
    ("quan-pho-hoa", "Quán phở Hoà"),
    ("quan-pho-hoa-2", "Quán phở Hòa"),
    ("tiem-tap-hoa", "Tiệm tạp hóa Ánh"),
    ("tram-y-te", "Trạm Y tế xã Yên Định"),
]
VIETQR_PAYLOAD_BODY = (
    "000201"
    "010211"
    "3857"
    "0010A000000727"
    "0127" + "0006970405" + "0113" + "3300205123456"
    "0208QRIBFTTA"
    "5303704"
    "5802VN"
    "6216" + "0812Tra tien pho"
    "6304"
)


def prepare(root: Path, files: dict[str, str | None], config: dict[str, object]) -> Path:
    """Copy the minimal fixture site to ``root`` and apply ``files`` and ``config``."""
    shutil.copytree(FIXTURE_SITES / "minimal", root)
    for rel, content in files.items():
        path = root / rel
        if content is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    config_path = root / "mkdocs.yml"
    data = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    data.update(config)
    config_path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuildResult]:
    """The fixture site with a full directory, built once on the fixed build day."""
    root = prepare(tmp_path_factory.mktemp("rich") / "site-src", RICH_FILES, RICH_CONFIG)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_DAY)
        result = build_site(root, strict=False)
    assert result.ok, result.text()
    yield result


def article(result: BuildResult, path: str) -> Tag:
    found = result.soup(path).select_one("article")
    assert found is not None
    return found


def card(item: Tag) -> tuple[str, str | None, list[str]]:
    """``(name, meta line, call buttons)`` of a directory card (``li.langso-card``)."""
    assert item.get("class") == ["langso-card"], item
    name = item.select_one("a.langso-card__name")
    meta = item.select_one(".langso-card__meta")
    assert name is not None
    calls = [a.get_text() for a in item.select("a.langso-card__call")]
    return name.get_text(), meta.get_text() if meta else None, calls


def admonition(page: Tag, title: str) -> Tag | None:
    for box in page.select("div.admonition"):
        heading = box.select_one("p.admonition-title")
        if heading is not None and heading.get_text() == title:
            return box
    return None


def first_lines(result: BuildResult) -> list[str]:
    return [m.split("\n")[0] for m in result.messages]


# --- the build's warnings ---------------------------------------------------------------------


def test_stale_unverified_and_duplicate_entries_are_warnings(rich: BuildResult) -> None:
    assert rich.messages == [
        "content/danh-ba/buu-dien.yml: chưa ghi lần kiểm tra thông tin (`xac_minh`) — gọi điện"
        " hoặc đến hỏi lại, rồi thêm `xac_minh:` với `ngay` và `vai_tro`\n"
        "    (en) the entry has never been verified (no `xac_minh`) — call or visit to check,"
        " then add `xac_minh:` with `ngay` and `vai_tro`",
        "content/danh-ba/quan-pho-hoa.yml:14: xac_minh.ngay: thông tin có thể đã cũ: kiểm tra"
        " lần cuối ngày 01/10/2025, đã quá 12 tháng — gọi điện hoặc đến hỏi lại, sửa nếu cần,"
        " rồi ghi ngày kiểm tra mới vào `xac_minh.ngay`\n"
        "    (en) the information may be out of date: last verified on 01/10/2025, over 12"
        " months ago — call or visit to check, correct it if needed, then set `xac_minh.ngay`"
        " to today",
        "content/danh-ba/quan-pho-hoa.yml:1: ten: tên `Quán phở Hoà` trùng với"
        " `content/danh-ba/quan-pho-hoa-2.yml` (không kể dấu) — có thể là một nơi — nếu là một"
        " nơi, gộp hai tệp; nếu khác nhau, đặt tên phân biệt\n"
        "    (en) the name `Quán phở Hoà` matches `content/danh-ba/quan-pho-hoa-2.yml` (ignoring"
        " accents) — possibly the same place — if it is one place, merge the files; otherwise"
        " make the names distinct",
        "content/danh-ba/tiem-tap-hoa.yml:3: dien_thoai: số `0300 000 001` đã có ở"
        " `content/danh-ba/cho-phu-my.yml` — có thể là một nơi — nếu là một nơi, gộp hai tệp;"
        " nếu đúng là dùng chung số, thêm `so_dung_chung: 'có'`\n"
        "    (en) the number `0300 000 001` is also in `content/danh-ba/cho-phu-my.yml` — possibly"
        " the same place — if it is one place, merge the files; if the number is really shared,"
        " add `so_dung_chung: 'có'`",
    ]


def test_default_levels_are_warnings_that_stop_a_strict_build(make_site: SiteFactory) -> None:
    files = {
        "content/danh-ba/buu-dien.yml": "ten: 'Bưu điện'\nloai: 'cho'\n",
        "content/danh-ba/cho-2.yml": "ten: 'Cho Phu My'\nloai: 'cho'\n" + FRESH,
    }
    root = make_site(files=files, config={"plugins": directory_plugins()})
    result = build_site(root, strict=True)
    assert not result.ok
    assert first_lines(result)[:2] == [
        "content/danh-ba/buu-dien.yml: chưa ghi lần kiểm tra thông tin (`xac_minh`) — gọi điện"
        " hoặc đến hỏi lại, rồi thêm `xac_minh:` với `ngay` và `vai_tro`",
        "content/danh-ba/cho-phu-my.yml:1: ten: tên `Chợ Phú Mỹ` trùng với"
        " `content/danh-ba/cho-2.yml` (không kể dấu) — có thể là một nơi — nếu là một nơi, gộp"
        " hai tệp; nếu khác nhau, đặt tên phân biệt",
    ]


def test_info_levels_keep_a_strict_build_green(make_site: SiteFactory) -> None:
    # The fixture's mkdocs.yml sets both levels to `info`.
    files = {
        "content/danh-ba/buu-dien.yml": "ten: 'Bưu điện'\nloai: 'cho'\n",
        "content/danh-ba/cho-2.yml": "ten: 'Cho Phu My'\nloai: 'cho'\n" + FRESH,
    }
    result = build_site(make_site(files=files), strict=True)
    assert result.ok, result.text()
    assert result.messages == []
    page = article(result, "danh-ba/buu-dien/index.html")
    assert admonition(page, "Thông tin có thể đã cũ") is not None


# --- freshness on the page --------------------------------------------------------------------


def test_stale_entry_is_flagged_on_its_page(rich: BuildResult) -> None:
    page = article(rich, "danh-ba/quan-pho-hoa/index.html")
    box = admonition(page, "Thông tin có thể đã cũ")
    assert box is not None
    assert "warning" in (box.get("class") or [])
    # The explanation belongs inside the box, under its title.
    assert [p.get_text() for p in box.find_all("p")] == [
        "Thông tin có thể đã cũ",
        "Lần kiểm tra gần nhất: 01/10/2025, đã hơn 12 tháng. Hãy gọi điện hỏi trước khi đến.",
    ]


def test_unverified_entry_is_flagged_on_its_page(rich: BuildResult) -> None:
    page = article(rich, "danh-ba/buu-dien/index.html")
    box = admonition(page, "Thông tin có thể đã cũ")
    assert box is not None
    assert [p.get_text() for p in box.find_all("p")] == [
        "Thông tin có thể đã cũ",
        "Thông tin này chưa được kiểm tra lại. Hãy gọi điện hỏi trước khi đến.",
    ]


def test_fresh_entry_is_not_flagged(rich: BuildResult) -> None:
    page = article(rich, "danh-ba/tram-y-te/index.html")
    assert admonition(page, "Thông tin có thể đã cũ") is None
    assert "đã cũ" not in page.get_text()
    assert page.find("em", string="Kiểm tra lần cuối: 01/05/2026, bởi Tổ công nghệ số cộng đồng.")


STALE_DECEMBER = (
    "ten: 'Quán nước'\nloai: 'cho'\nxac_minh:\n  ngay: '15/12/2025'\n  vai_tro: 'Chủ cơ sở'\n"
)


@pytest.mark.parametrize(
    ("epoch", "stale"),
    [
        (BUILD_DAY, False),  # 30/11/2026: verified 15/12/2025, within 12 months
        ("1797379200", True),  # 16/12/2026: a day over 12 months
    ],
)
def test_source_date_epoch_decides_freshness(
    make_site: SiteFactory, monkeypatch: pytest.MonkeyPatch, epoch: str, stale: bool
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    root = make_site(
        files={"content/danh-ba/quan-nuoc.yml": STALE_DECEMBER},
        config={"plugins": directory_plugins(stale_level="warn", duplicate_level="warn")},
    )
    result = build_site(root, strict=False)
    assert result.ok, result.text()
    expected = (
        [
            "content/danh-ba/quan-nuoc.yml:4: xac_minh.ngay: thông tin có thể đã cũ: kiểm tra lần"
            " cuối ngày 15/12/2025, đã quá 12 tháng — gọi điện hoặc đến hỏi lại, sửa nếu cần, rồi"
            " ghi ngày kiểm tra mới vào `xac_minh.ngay`"
        ]
        if stale
        else []
    )
    assert first_lines(result) == expected
    page = article(result, "danh-ba/quan-nuoc/index.html")
    assert (admonition(page, "Thông tin có thể đã cũ") is not None) is stale


def test_source_date_epoch_before_a_verification_makes_it_a_future_date(
    make_site: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764460800")  # 30/11/2025
    result = build_site(make_site(), strict=False)
    assert not result.ok
    assert result.messages[0] == (
        "content/danh-ba/cho-phu-my.yml:9: xac_minh.ngay: ngày kiểm tra 01/11/2026 ở tương lai"
        " — ghi ngày đã thực sự kiểm tra\n"
        "    (en) the verification date 01/11/2026 is in the future"
        " — write the day the entry was actually checked"
    )


def test_source_date_epoch_must_be_seconds(
    make_site: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "30/11/2026")
    result = build_site(make_site(), strict=False)
    assert not result.ok
    assert result.messages == ["SOURCE_DATE_EPOCH='30/11/2026': không phải số giây / not seconds"]


def test_stale_after_months_option(make_site: SiteFactory) -> None:
    verified = "xac_minh:\n  ngay: '01/05/2026'\n  vai_tro: 'Trưởng thôn'\n"
    root = make_site(
        files={"content/danh-ba/quan-nuoc.yml": "ten: 'Quán nước'\nloai: 'cho'\n" + verified},
        config={"plugins": directory_plugins(stale_after_months=6)},
    )
    result = build_site(root, strict=False)
    assert result.ok, result.text()
    assert first_lines(result) == [
        "content/danh-ba/quan-nuoc.yml:4: xac_minh.ngay: thông tin có thể đã cũ: kiểm tra lần"
        " cuối ngày 01/05/2026, đã quá 6 tháng — gọi điện hoặc đến hỏi lại, sửa nếu cần, rồi ghi"
        " ngày kiểm tra mới vào `xac_minh.ngay`"
    ]
    page = article(result, "danh-ba/quan-nuoc/index.html")
    assert "Lần kiểm tra gần nhất: 01/05/2026, đã hơn 6 tháng." in page.get_text()


# --- a service page ---------------------------------------------------------------------------


def test_service_page_details(rich: BuildResult) -> None:
    page = article(rich, "danh-ba/tram-y-te/index.html")
    assert page.h1 is not None and page.h1.get_text() == "Trạm Y tế xã Yên Định"
    # Stacked rows, not a table: nothing wider than a phone at any font size.
    assert page.find("table") is None
    assert details(page) == {
        "Loại": "🏥 Y tế",
        "Địa chỉ": 'số 5, đường "Lê Lợi", Là Thôn, xã Yên Định, tỉnh Thanh Hóa',
        "Địa chỉ cũ (trước 01/07/2025)": "xã Định Long, huyện Yên Định",
        "Điện thoại": "0912 345 678, 0237 3721 150, 115",
        "Zalo": "0912 345 678",
        "Trang web": "https://example.gov.vn",
        # Words, not the raw coordinates: those are the link's title only.
        "Bản đồ": "Mở bản đồ",
        "Thanh toán": "Tiền mặt, Chuyển khoản ngân hàng",
    }
    facts = page.select("p.langso-fact")
    links = {a.get_text(): a["href"] for row in facts for a in row.find_all("a")}
    assert links == {
        "Y tế": "../y-te/",  # the category's own page
        "0912 345 678": "https://zalo.me/0912345678",  # the Zalo row comes after the phones
        "0237 3721 150": "tel:+842373721150",
        "115": "tel:115",
        "https://example.gov.vn": "https://example.gov.vn",
        "Mở bản đồ": "https://www.google.com/maps/search/?api=1&query=19.981,105.642",
    }
    map_link = page.select_one("a.langso-map")
    assert map_link is not None and map_link["title"] == "Tọa độ 19.9810, 105.6420"
    tel = [a["href"] for a in page.select('p.langso-fact a[href^="tel:"]')]
    assert tel == ["tel:+84912345678", "tel:+842373721150", "tel:115"]
    assert (rich.site_dir / "danh-ba" / "tram-y-te.vcf").is_file()
    offers = page.find("h2", string="Dịch vụ")
    assert isinstance(offers, Tag)
    offers_list = offers.find_next("ul")
    assert isinstance(offers_list, Tag)
    assert [li.get_text() for li in offers_list.find_all("li")] == ["Khám bệnh", "Tiêm chủng"]
    assert page.find("p", string="Khám chữa bệnh ban đầu, tiêm chủng.")
    note = page.find("h2", string="Ghi chú")
    assert isinstance(note, Tag)
    assert note.find_next("p").get_text() == "Ngoài giờ, khi cấp cứu gọi 115."  # type: ignore[union-attr]


def test_usual_and_summer_hours_with_closed_days(rich: BuildResult) -> None:
    page = article(rich, "danh-ba/tram-y-te/index.html")
    assert facts_after(page, "Lịch thường ngày (ngoài mùa hè):") == [
        ("T2-T6", "7:00-11:30, 13:30-17:00"),
        ("Thứ Bảy, Chủ nhật", "nghỉ"),
    ]
    assert facts_after(page, "Mùa hè, từ 15/4 đến 14/10:") == [
        ("T2-T6", "7:00-11:30, 14:00-17:30"),
        ("Thứ Bảy, Chủ nhật", "nghỉ"),
    ]
    assert page.find("p", string="Nghỉ các ngày lễ, Tết.")


def test_one_closed_day_is_listed(rich: BuildResult) -> None:
    page = article(rich, "danh-ba/anh-hai/index.html")
    assert facts_after(page, "Giờ mở cửa") == [("T2-T7", "7:30-18:00"), ("Chủ nhật", "nghỉ")]
    assert page.find("p", string=re.compile("Mùa hè")) is None


def test_same_hours_every_day_as_typed(rich: BuildResult) -> None:
    page = article(rich, "danh-ba/quan-pho-hoa/index.html")
    assert facts_after(page, "Giờ mở cửa") == [("Hằng ngày", "6:45 – 21:00")]


def test_badge_carries_the_schedule_hidden_until_script_runs(rich: BuildResult) -> None:
    page = article(rich, "danh-ba/tram-y-te/index.html")
    badge = page.select_one("p.langso-open")
    assert badge is not None
    assert badge.has_attr("hidden")
    assert badge.get_text() == ""
    winter = [[420, 690], [810, 1020]]
    summer = [[420, 690], [840, 1050]]
    assert json.loads(str(badge["data-langso-hours"])) == {
        "week": {**{str(d): winter for d in range(1, 6)}, "6": [], "7": []},
        "summer": {
            "from": [4, 15],
            "to": [10, 14],
            "week": {**{str(d): summer for d in range(1, 6)}, "6": [], "7": []},
        },
    }
    daily = article(rich, "danh-ba/quan-pho-hoa/index.html").select_one("p.langso-open")
    assert daily is not None
    assert json.loads(str(daily["data-langso-hours"])) == {
        "week": {str(d): [[405, 1260]] for d in range(1, 8)},
        "summer": None,
    }


def test_badge_script_and_style_are_on_the_page(rich: BuildResult) -> None:
    soup = rich.soup("danh-ba/tram-y-te/index.html")
    scripts = [s.get("src") for s in soup.find_all("script")]
    assert "../../assets/langso/directory.js" in scripts
    styles = [link.get("href") for link in soup.find_all("link", rel="stylesheet")]
    assert "../../assets/langso/directory.css" in styles
    assert (rich.site_dir / "assets" / "langso" / "directory.js").is_file()


def test_no_badge_and_no_hours_without_hours(rich: BuildResult) -> None:
    page = article(rich, "danh-ba/buu-dien/index.html")
    assert page.select_one("[data-langso-hours]") is None
    assert page.find("h2", string="Giờ mở cửa") is None


def test_vietqr_code_on_the_page_decodes_to_the_payload(rich: BuildResult) -> None:
    html = rich.read("danh-ba/quan-pho-hoa/index.html")
    match = re.search(r'<figure class="langso-vietqr">(<svg\b.*?</svg>)', html, re.S)
    assert match is not None
    crc = binascii.crc_hqx(VIETQR_PAYLOAD_BODY.encode("ascii"), 0xFFFF)
    assert decode_svg(match.group(1)) == [VIETQR_PAYLOAD_BODY + f"{crc:04X}"]
    page = article(rich, "danh-ba/quan-pho-hoa/index.html")
    caption = page.select_one("figure.langso-vietqr figcaption")
    assert caption is not None
    assert caption.get_text() == "Agribank · Số tài khoản 3300205123456 · NGUYEN VAN A"
    assert details(page)["Thanh toán"] == "Tiền mặt, Quét mã VietQR, Ví điện tử"


def test_no_vietqr_code_without_an_account(rich: BuildResult) -> None:
    page = article(rich, "danh-ba/tram-y-te/index.html")
    assert page.select_one("figure.langso-vietqr") is None
    assert page.find("h2", string="Trả tiền bằng VietQR") is None


def test_sample_entry_is_marked(rich: BuildResult) -> None:
    page = article(rich, "danh-ba/tiem-tap-hoa/index.html")
    note = page.select("p.langso-sample-note")
    assert [p.get_text() for p in note] == [
        "Dữ liệu mẫu: số điện thoại, giờ mở cửa, tọa độ và số tài khoản là giả, không dùng để"
        " liên lạc hay chuyển tiền."
    ]
    assert article(rich, "danh-ba/tram-y-te/index.html").select("p.langso-sample-note") == []


# --- edit links -------------------------------------------------------------------------------


@pytest.mark.parametrize("entry_id", ["tram-y-te", "quan-pho-hoa", "cho-phu-my"])
def test_service_page_edit_link_points_at_its_yaml(rich: BuildResult, entry_id: str) -> None:
    links = rich.soup(f"danh-ba/{entry_id}/index.html").select("a[rel=edit]")
    assert [a["href"] for a in links] == [f"{EDIT}danh-ba/{entry_id}.yml"]


def test_edit_link_of_an_accented_file_name(make_site: SiteFactory) -> None:
    root = make_site(
        files={"content/danh-ba/Quán nước.yml": "ten: 'Quán nước'\nloai: 'cho'\n" + FRESH},
        config=EDIT_CONFIG,
    )
    result = build_site(root)
    assert result.ok, result.text()
    links = result.soup("danh-ba/quan-nuoc/index.html").select("a[rel=edit]")
    assert len(links) == 1
    # Either raw or percent-encoded, it names the file as it is in the repository.
    assert unquote(str(links[0]["href"])) == f"{EDIT}danh-ba/Quán nước.yml"


def test_no_edit_link_without_repo_url(make_site: SiteFactory) -> None:
    result = build_site(make_site())
    assert result.ok, result.text()
    assert result.soup("danh-ba/cho-phu-my/index.html").select("a[rel=edit]") == []


# --- the index and the printed list -----------------------------------------------------------


def test_index_categories_in_file_order_entries_in_vietnamese_order(rich: BuildResult) -> None:
    page = article(rich, "danh-ba/index.html")
    headings = [(h.get("id"), h.get_text()) for h in page.find_all("h2")]
    assert headings == [
        ("y-te", "🏥 Y tế"),
        ("cho", "🛒 Chợ"),
        ("an-uong", "Ăn uống"),
        ("cong-cong", "🏤 Dịch vụ công"),
        ("sua-chua", "🔧 Sửa chữa"),
        ("theo-cach-tra-tien", "Theo cách trả tiền"),
        ("tra-theo-ten", "Tra theo tên"),
    ]
    groups = {}
    for heading in page.find_all("h2")[:-2]:
        listing = heading.find_next("ul")
        assert isinstance(listing, Tag)
        groups[heading.get("id")] = [card(li) for li in listing.find_all("li")]
    # Each place a card: its name, its hamlet when known, a call button for each number.
    assert groups == {
        "y-te": [
            (
                "Trạm Y tế xã Yên Định",
                "Là Thôn",
                ["Gọi 0912 345 678", "Gọi 0237 3721 150", "Gọi 115"],
            )
        ],
        "cho": [
            ("Chợ Phú Mỹ", None, ["Gọi 0300 000 001"]),
            ("Tiệm tạp hóa Ánh", None, ["Gọi 0300 000 001"]),
        ],
        "an-uong": [
            ("Ăn sáng cô Ba", None, []),
            ("Âu Cơ cà phê", None, []),
            ("Quán phở Hoà", None, ["Gọi 0868 123 456"]),
            ("Quán phở Hòa", None, ["Gọi 0912 000 111"]),
        ],
        "cong-cong": [("Bưu điện văn hóa xã", None, [])],
        "sua-chua": [("Anh Hai sửa xe", None, ["Gọi 0977 555 222"])],
    }
    # Payment is a field, not a category: the places taking each method (cash aside).
    payments = page.select_one("#theo-cach-tra-tien")
    assert payments is not None
    assert [li.get_text() for li in payments.find_next("ul").find_all("li")] == [  # type: ignore[union-attr]
        "Nơi nhận trả tiền bằng mã VietQR — 1 nơi",
        "Nơi nhận chuyển khoản — 1 nơi",
        "Nơi nhận ví điện tử — 1 nơi",
    ]


def test_index_letters_in_vietnamese_order(rich: BuildResult) -> None:
    page = article(rich, "danh-ba/index.html")
    letters = []
    for letter in page.select("p.langso-letter"):
        listing = letter.find_next("ul")
        assert isinstance(listing, Tag)
        letters.append((letter.get_text(), [a.get_text() for a in listing.find_all("a")]))
    assert letters == [
        ("A", ["Anh Hai sửa xe"]),
        ("Ă", ["Ăn sáng cô Ba"]),
        ("Â", ["Âu Cơ cà phê"]),
        ("B", ["Bưu điện văn hóa xã"]),
        ("C", ["Chợ Phú Mỹ"]),
        ("Q", ["Quán phở Hoà", "Quán phở Hòa"]),
        ("T", ["Tiệm tạp hóa Ánh", "Trạm Y tế xã Yên Định"]),
    ]


def test_index_links_every_download_and_they_exist(rich: BuildResult) -> None:
    page = article(rich, "danh-ba/index.html")
    downloads = {a.get_text(): str(a["href"]) for a in page.find_all("a") if "." in a["href"]}
    assert {k: v for k, v in downloads.items() if not v.startswith("tel:")} == {
        "bản in A4": "in-a4.html",
        "lưu cả danh bạ vào điện thoại": "danh-ba.vcf",
        "bảng tính CSV": "danh-ba.csv",
        "JSON": "danh-ba.json",
        "GeoJSON": "danh-ba.geojson",
    }
    folder = rich.site_dir / "danh-ba"
    for name in ("in-a4.html", "danh-ba.vcf", "danh-ba.csv", "danh-ba.json", "danh-ba.geojson"):
        assert (folder / name).is_file(), name
    for entry_id, _ in ORDER:
        assert (folder / f"{entry_id}.vcf").is_file(), entry_id
        assert (folder / entry_id / "index.html").is_file(), entry_id


def test_yaml_sources_are_not_published(rich: BuildResult) -> None:
    assert list((rich.site_dir / "danh-ba").glob("*.yml")) == []
    assert not (rich.site_dir / "categories.yml").exists()


def test_printable_a4_list(rich: BuildResult) -> None:
    html = rich.read("danh-ba/in-a4.html")
    assert "@page { size: A4 portrait; margin: 12mm; }" in html
    soup = BeautifulSoup(html, "html.parser")
    assert soup.title is not None and soup.title.get_text() == "Danh bạ dịch vụ — bản in"
    assert [h.get_text() for h in soup.find_all("h2")] == [
        "🏥 Y tế",
        "🛒 Chợ",
        "Ăn uống",
        "🏤 Dịch vụ công",
        "🔧 Sửa chữa",
    ]
    rows = [tuple(td.get_text() for td in tr.find_all("td")) for tr in soup.find_all("tr")]
    assert rows == [
        (
            "Trạm Y tế xã Yên Định",
            "0912 345 678, 0237 3721 150, 115",
            "T2-T6: 7:00-11:30, 13:30-17:00"
            "Mùa hè (15/4–14/10): T2-T6: 7:00-11:30, 14:00-17:30"
            "Nghỉ các ngày lễ, Tết.",
        ),
        ("Chợ Phú Mỹ", "0300 000 001", "hằng ngày: 5:00-11:00"),
        ("Tiệm tạp hóa Ánh", "0300 000 001", ""),
        ("Ăn sáng cô Ba", "", ""),
        ("Âu Cơ cà phê", "", ""),
        ("Quán phở Hoà", "0868 123 456", "Hằng ngày: 6:45 – 21:00"),
        ("Quán phở Hòa", "0912 000 111", ""),
        ("Bưu điện văn hóa xã", "", ""),
        ("Anh Hai sửa xe", "0977 555 222", "T2-T7: 7:30-18:00"),
    ]
    note = soup.select_one("p.note")
    assert note is not None
    assert "Khẩn cấp: Công an 113 · Cứu hỏa 114 · Cấp cứu 115" in note.get_text()
    assert note.get_text().endswith(f"Xem bản mới nhất: {SITE_URL}")


# --- downloads, read back ---------------------------------------------------------------------


def page_url(entry_id: str) -> str:
    return f"{SITE_URL}danh-ba/{entry_id}/"


def test_json_download(rich: BuildResult) -> None:
    data = json.loads(rich.read("danh-ba/danh-ba.json"))
    assert data["lang"] == {
        "ten": "Phú Mỹ",
        "loai": "làng",
        "xa": "xã Yên Định",
        "tinh": "tỉnh Thanh Hóa",
        "xa_cu": "xã Định Long",
        "huyen_cu": "huyện Yên Định",
        "ho_tro": None,  # no help contact in this village.yml
    }
    records = data["dich_vu"]
    assert [(r["id"], r["ten"]) for r in records] == ORDER
    tram = records[-1]
    assert tram == {
        "id": "tram-y-te",
        "ten": "Trạm Y tế xã Yên Định",
        "loai": "y-te",
        "loai_ten": "Y tế",
        "mo_ta": "Khám chữa bệnh ban đầu, tiêm chủng.",
        "dich_vu": ["Khám bệnh", "Tiêm chủng"],
        "dia_chi": 'số 5, đường "Lê Lợi", Là Thôn, xã Yên Định, tỉnh Thanh Hóa',
        "vi_do": 19.981,
        "kinh_do": 105.642,
        "dien_thoai": [
            {"so": "0912 345 678", "tel": "+84912345678"},
            {"so": "0237 3721 150", "tel": "+842373721150"},
            {"so": "115", "tel": "115"},
        ],
        "zalo": "https://zalo.me/0912345678",
        "website": "https://example.gov.vn",
        "gio_mo_cua": [{"ngay": "T2-T6", "gio": "7:00-11:30, 13:30-17:00"}],
        "mua_he": {
            "tu": "15/4",
            "den": "14/10",
            "gio_mo_cua": [{"ngay": "T2-T6", "gio": "7:00-11:30, 14:00-17:30"}],
        },
        "ghi_chu_gio": "Nghỉ các ngày lễ, Tết.",
        "thanh_toan": ["Tiền mặt", "Chuyển khoản ngân hàng"],
        "ghi_chu": "Ngoài giờ, khi cấp cứu gọi 115.",
        "xac_minh_ngay": "2026-05-01",
        "xac_minh_vai_tro": "Tổ công nghệ số cộng đồng",
        "du_lieu_mau": False,
        "trang": page_url("tram-y-te"),
    }
    pho = records[5]
    assert pho["gio_mo_cua"] == [{"ngay": "Hằng ngày", "gio": "6:45 – 21:00"}]
    assert pho["thanh_toan"] == ["Tiền mặt", "Quét mã VietQR", "Ví điện tử"]


def test_json_download_names_the_village_and_its_helper_but_not_its_picture() -> None:
    village = Village.model_validate(
        {
            "ten": "Phú Mỹ",
            "xa": "xã Yên Định",
            "tinh": "tỉnh Thanh Hóa",
            "ho_tro": "to-cong-nghe-so",
            "anh": "anh/phu-my.webp",
            "anh_mo_ta": "Đình làng giữa cánh đồng lúa",
            "anh_la_tranh": "có",
        }
    )
    assert json.loads(to_json([], village)) == {
        "lang": {
            "ten": "Phú Mỹ",
            "loai": "thôn",
            "xa": "xã Yên Định",
            "tinh": "tỉnh Thanh Hóa",
            "xa_cu": None,
            "huyen_cu": None,
            "ho_tro": "to-cong-nghe-so",  # the id of its entry in "dich_vu"
        },
        "dich_vu": [],
    }
    assert json.loads(to_json([], None)) == {"lang": None, "dich_vu": []}


def test_csv_download_opens_in_excel(rich: BuildResult) -> None:
    raw = (rich.site_dir / "danh-ba" / "danh-ba.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark: Excel reads UTF-8
    text = raw.decode("utf-8")
    assert text.count("\r\n") == len(ORDER) + 1  # header and one line per entry, no more
    assert "\n" not in text.replace("\r\n", "")  # no bare line feeds
    rows = list(csv.DictReader(io.StringIO(text[1:], newline="")))
    assert list(rows[0]) == [
        "id",
        "ten",
        "loai",
        "dia_chi",
        "dien_thoai",
        "zalo",
        "website",
        "gio_mo_cua",
        "gio_mua_he",
        "ghi_chu_gio",
        "thanh_toan",
        "vi_do",
        "kinh_do",
        "xac_minh_ngay",
        "xac_minh_vai_tro",
        "du_lieu_mau",
        "trang",
    ]
    assert [(r["id"], r["ten"]) for r in rows] == ORDER
    assert rows[-1] == {
        "id": "tram-y-te",
        "ten": "Trạm Y tế xã Yên Định",
        "loai": "y-te",
        "dia_chi": 'số 5, đường "Lê Lợi", Là Thôn, xã Yên Định, tỉnh Thanh Hóa',
        "dien_thoai": "0912 345 678; 0237 3721 150; 115",
        "zalo": "https://zalo.me/0912345678",
        "website": "https://example.gov.vn",
        "gio_mo_cua": "T2-T6: 7:00-11:30, 13:30-17:00",
        "gio_mua_he": "15/4–14/10: T2-T6: 7:00-11:30, 14:00-17:30",
        "ghi_chu_gio": "Nghỉ các ngày lễ, Tết.",
        "thanh_toan": "Tiền mặt; Chuyển khoản ngân hàng",
        "vi_do": "19.981",
        "kinh_do": "105.642",
        "xac_minh_ngay": "2026-05-01",
        "xac_minh_vai_tro": "Tổ công nghệ số cộng đồng",
        "du_lieu_mau": "không",
        "trang": page_url("tram-y-te"),
    }
    assert rows[7]["du_lieu_mau"] == "có"  # Tiệm tạp hóa Ánh
    assert rows[3]["xac_minh_ngay"] == ""  # Bưu điện, never verified


def test_geojson_download_is_longitude_first(rich: BuildResult) -> None:
    data = json.loads(rich.read("danh-ba/danh-ba.geojson"))
    assert data["type"] == "FeatureCollection"
    features = data["features"]
    assert [(f["properties"]["id"], f["geometry"]) for f in features] == [
        ("cho-phu-my", {"type": "Point", "coordinates": [105.64, 19.98]}),
        ("quan-pho-hoa", {"type": "Point", "coordinates": [105.638, 19.979]}),
        ("tram-y-te", {"type": "Point", "coordinates": [105.642, 19.981]}),
    ]
    assert {f["type"] for f in features} == {"Feature"}
    props = features[2]["properties"]
    assert "vi_do" not in props and "kinh_do" not in props
    assert props["ten"] == "Trạm Y tế xã Yên Định"
    assert props["trang"] == page_url("tram-y-te")


def test_vcard_of_one_entry(rich: BuildResult) -> None:
    raw = (rich.site_dir / "danh-ba" / "tram-y-te.vcf").read_bytes().decode("utf-8")
    lines = raw.split("\r\n")
    assert lines[0] == "BEGIN:VCARD" and lines[1] == "VERSION:3.0"
    assert lines[-1] == "" and lines[-2] == "END:VCARD"
    card = vobject.readOne(raw)
    assert card.fn.value == "Trạm Y tế xã Yên Định"
    assert [tel.value for tel in card.contents["tel"]] == ["+84912345678", "+842373721150", "115"]
    adr = card.adr.value
    assert (adr.street, adr.city, adr.region, adr.country) == (
        'số 5, đường "Lê Lợi", Là Thôn',
        "xã Yên Định",
        "tỉnh Thanh Hóa",
        "Việt Nam",
    )
    assert card.geo.value == "19.981;105.642"  # latitude;longitude (RFC 2426 3.4.2)
    assert card.url.value == page_url("tram-y-te")
    assert card.categories.value == ["Y tế"]
    assert card.note.value == "Khám chữa bệnh ban đầu, tiêm chủng. Ngoài giờ, khi cấp cứu gọi 115."


def test_vcard_of_a_sample_entry_says_so(rich: BuildResult) -> None:
    card = vobject.readOne(rich.read("danh-ba/tiem-tap-hoa.vcf"))
    assert card.fn.value == "Tiệm tạp hóa Ánh"
    assert [tel.value for tel in card.contents["tel"]] == ["+84300000001"]
    assert card.note.value == "Dữ liệu mẫu, số điện thoại giả."
    assert "geo" not in card.contents


def test_vcard_of_the_whole_directory(rich: BuildResult) -> None:
    cards = list(vobject.readComponents(rich.read("danh-ba/danh-ba.vcf")))
    assert [c.fn.value for c in cards] == [name for _, name in ORDER]
    assert [c.url.value for c in cards] == [page_url(entry_id) for entry_id, _ in ORDER]
    pho = cards[5]
    assert [t.value for t in pho.contents["tel"]] == ["+84868123456"]
    assert pho.geo.value == "19.979;105.638"


# --- bad input: every problem in every file, in one run ---------------------------------------


def test_every_problem_in_every_file_is_listed_in_one_run(make_site: SiteFactory) -> None:
    fresh = "xac_minh:\n  ngay: '01/11/2026'\n  vai_tro: 'Trưởng thôn'\n"
    files: dict[str, str | None] = {
        "content/danh-ba/a-ten-truong.yml": "ten: 'A'\nloai: 'cho'\ndien_thaoi: '0912 345 678'\n",
        "content/danh-ba/b-kieu.yml": "ten: 'B'\nloai: 'cho'\ndich_vu:\n  kham: 'x'\n",
        "content/danh-ba/c-ngay.yml": (
            "ten: 'C'\nloai: 'cho'\nxac_minh:\n  ngay: '30/02/2026'\n  vai_tro: 'Trưởng thôn'\n"
        ),
        "content/danh-ba/d-tab.yml": "ten: 'D'\nloai: 'cho'\ndia_chi:\n\tthon: 'Là Thôn'\n",
        "content/danh-ba/e-lap-khoa.yml": "ten: 'E'\nloai: 'cho'\nten: 'E2'\n",
        "content/danh-ba/Quán F.yml": "ten: 'F'\nloai: 'cho'\n" + fresh,
        "content/danh-ba/quan-f.yml": "ten: 'F2'\nloai: 'cho'\n" + fresh,
        "content/danh-ba/g-thieu.yml": "loai: 'cho'\n",
        "content/danh-ba/h-lao.yml": "ten: 'H'\nloai: 'cho'\ntoa_do: '17.97, 102.60'\n",
        "content/danh-ba/i-ten-nguoi.yml": (
            "ten: 'I'\nloai: 'cho'\nxac_minh:\n  ngay: '01/11/2026'\n  vai_tro: 'Nguyễn Văn An'\n"
        ),
        "content/danh-ba/k-xa-cu.yml": "ten: 'K'\nloai: 'cho'\ndia_chi:\n  xa: 'xã Định Long'\n",
    }
    result = build_site(make_site(files=files), strict=False)
    assert not result.ok
    roles = (
        "'Tổ công nghệ số cộng đồng', 'Trưởng thôn', 'Cán bộ xã', 'Chủ cơ sở', 'Tình nguyện viên'"
    )
    assert result.messages == [
        # langso/content sees two sources with one ASCII path first...
        "content/danh-ba/quan-f.yml: tệp này và `content/danh-ba/Quán F.yml` cùng ra địa chỉ"
        " `danh-ba/quan-f.yml` (tên chỉ khác nhau ở dấu) — đổi tên một trong hai tệp\n"
        "    (en) this file and `content/danh-ba/Quán F.yml` would both be published at"
        " `danh-ba/quan-f.yml` (names differ only in accents) — rename one of the two files",
        # ...then langso/directory lists every file's problems, in file order.
        "content/danh-ba/a-ten-truong.yml:3: dien_thaoi: trường `dien_thaoi` không có trong mẫu"
        " (có phải ý bạn là `dien_thoai`?) — sửa thành `dien_thoai`\n"
        "    (en) unknown field `dien_thaoi` (did you mean `dien_thoai`?)"
        " — rename it to `dien_thoai`",
        "content/danh-ba/b-kieu.yml:4: dich_vu: `dich_vu` phải là một danh sách, nhưng lại là các"
        " dòng `khóa: giá trị` — viết mỗi mục trên một dòng bắt đầu bằng `- `\n"
        "    (en) `dich_vu` must be a list but is `key: value` lines"
        " — write each item on a line starting with `- `",
        "content/danh-ba/c-ngay.yml:4: xac_minh.ngay: `30/02/2026` không phải một ngày có thật"
        " — viết ngày/tháng/năm, ví dụ '01/05/2026' (hoặc '2026-05-01')\n"
        "    (en) `30/02/2026` is not a real date"
        " — write day/month/year, e.g. '01/05/2026' (or '2026-05-01')",
        "content/danh-ba/d-tab.yml:4: dòng thụt lề bằng phím Tab — YAML chỉ cho phép thụt lề"
        " bằng dấu cách: thay mỗi Tab bằng 2 dấu cách\n"
        "    (en) line indented with a Tab"
        " — YAML allows only spaces for indentation: replace each Tab with 2 spaces",
        "content/danh-ba/e-lap-khoa.yml:3: ten: khóa `ten` bị lặp lại (đã có ở dòng 1) — giữ"
        " lại một dòng `ten` (trường nào nhận nhiều giá trị thì viết thành danh sách)\n"
        "    (en) duplicate key `ten` (first given on line 1)"
        " — keep one `ten` line (a field that takes several values is written as a list)",
        "content/danh-ba/g-thieu.yml:1: ten: thiếu trường bắt buộc `ten` — thêm dòng `ten: ...`\n"
        "    (en) required field `ten` is missing — add a line `ten: ...`",
        "content/danh-ba/h-lao.yml:3: toa_do: tọa độ `17.97, 102.60` nằm ngoài Việt Nam — chép lại"
        " tọa độ từ bản đồ (nhấn giữ vào địa điểm để thấy 'vĩ độ, kinh độ')\n"
        "    (en) the coordinates `17.97, 102.60` are outside Viet Nam — copy the coordinates"
        " again from a map (long-press the place to see them)",
        "content/danh-ba/i-ten-nguoi.yml:5: xac_minh.vai_tro: `Nguyễn Văn An` không phải một vai"
        f" trò trong danh sách (không ghi tên người) — dùng một trong: {roles}\n"
        "    (en) `Nguyễn Văn An` is not one of the roles (never a person's name)"
        f" — use one of: {roles}",
        "content/danh-ba/k-xa-cu.yml:4: dia_chi.xa: `xã Định Long` là tên xã trước 01/07/2025;"
        " nay là xã Yên Định — xóa dòng `xa` (mặc định xã Yên Định) và ghi tên cũ vào `xa_cu`\n"
        "    (en) `xã Định Long` is the commune's name before 01/07/2025; now xã Yên Định — delete"
        " the `xa` line (it defaults to xã Yên Định) and put the old name in `xa_cu`",
        "content/danh-ba/quan-f.yml: mã `quan-f` trùng với content/danh-ba/Quán F.yml — đổi tên"
        " một trong hai tệp\n"
        "    (en) id `quan-f` is the same as content/danh-ba/Quán F.yml"
        " — rename one of the two files",
        STOPPED.format(n=11),
    ]
    assert not (result.site_dir / "danh-ba").exists()


def test_invalid_phone_stops_the_build_with_a_located_message(make_site: SiteFactory) -> None:
    text = "ten: 'Quán A'\nloai: 'cho'\ndien_thoai:\n  - '0912 345 678'\n  - '12345'\n"
    result = build_site(make_site(files={"content/danh-ba/quan-a.yml": text}), strict=False)
    assert not result.ok
    assert result.messages == [
        "content/danh-ba/quan-a.yml:5: dien_thoai: số điện thoại `12345` không đúng dạng số Việt"
        " Nam — viết di động 10 số bắt đầu bằng 0 (ví dụ '0912 345 678'), số bàn 11 số (ví dụ"
        " '0237 3721 150') hoặc số khẩn cấp 111–115, trong dấu nháy\n"
        "    (en) `12345` is not a Vietnamese phone number — write a 10-digit mobile starting"
        " with 0 (e.g. '0912 345 678'), an 11-digit landline (e.g. '0237 3721 150') or an"
        " emergency number 111–115, in quotes",
        STOPPED.format(n=1),
    ]


@pytest.mark.parametrize("number", ["0300 000", "0912 345 6789", "0237 372 115"])
def test_wrong_length_number_is_refused_even_in_sample_data(
    make_site: SiteFactory, number: str
) -> None:
    # Sample data may use numbers no carrier assigned, never numbers of the wrong length: they
    # would be published as broken links (`tel:+840300000`, the display `237372115`).
    text = f"ten: 'Quán A'\nloai: 'cho'\ndien_thoai: '{number}'\ndu_lieu_mau: 'có'\n"
    result = build_site(make_site(files={"content/danh-ba/quan-a.yml": text}), strict=False)
    assert not result.ok
    assert result.messages[0].split("\n")[0] == (
        f"content/danh-ba/quan-a.yml:3: dien_thoai: số điện thoại `{number}` không đúng dạng số"
        " Việt Nam — viết di động 10 số bắt đầu bằng 0 (ví dụ '0912 345 678'), số bàn 11 số"
        " (ví dụ '0237 3721 150') hoặc số khẩn cấp 111–115, trong dấu nháy"
    )
