"""What a fresh tester found on the directory on a 360 × 740 phone (issue 14), built for real:
the index opens with a jump list of its categories as large chips; a police, health or fire
place (``khan_cap`` in ``categories.yml``) shows its emergency number beside the "open now"
badge; the map row reads "Mở bản đồ", not raw coordinates; the VietQR instructions work both at
the counter and on the phone showing the code. The chips' size and fit at every reader font
size are checked in Chromium by ``tests/reader/test_phone.py`` (the ``directory`` page)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from bs4 import Tag

from tests.builds.test_directory import prepare
from tests.conftest import BUILD_DAY, BuildResult, SiteFactory, build_site

CATEGORIES = """- id: 'cong-an'
  ten: 'Công an xã'
  bieu_tuong: '👮'
  khan_cap: '113'
- id: 'y-te'
  ten: 'Y tế'
  khan_cap: 115
- id: 'an-uong'
  ten: 'Ăn & uống'
- id: 'cho'
  ten: 'Chợ'
"""
FRESH = "xac_minh:\n  ngay: '01/11/2026'\n  vai_tro: 'Trưởng thôn'\n"
HOURS = "gio_mo_cua:\n  - ngay: 'T2-T6'\n    gio: '7:00-11:30, 13:30-17:00'\n"
FILES: dict[str, str | None] = {
    "content/categories.yml": CATEGORIES,
    "content/danh-ba/cong-an-xa.yml": (
        "ten: 'Công an xã Yên Định'\nloai: 'cong-an'\ndien_thoai: '0300 000 003'\n"
        "toa_do: '19.9751, 105.6447'\ndu_lieu_mau: 'có'\n" + HOURS + FRESH
    ),
    "content/danh-ba/tram-y-te.yml": (
        "ten: 'Trạm Y tế xã'\nloai: 'y-te'\ndien_thoai: '0300 000 004'\ndu_lieu_mau: 'có'\n" + FRESH
    ),
    "content/danh-ba/quan-hoa.yml": (
        "ten: 'Quán Hoa'\nloai: 'an-uong'\ndien_thoai: '0300 000 009'\n"
        "thanh_toan: ['VietQR']\nvietqr:\n  ngan_hang: '970405'\n"
        "  so_tai_khoan: '3300205123456'\n  chu_tai_khoan: 'NGUYEN VAN A'\n"
        "du_lieu_mau: 'có'\n" + HOURS + FRESH
    ),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuildResult]:
    root = prepare(tmp_path_factory.mktemp("reader") / "site-src", FILES, {})
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_DAY)
        result = build_site(root)
    assert result.ok, result.text()
    yield result


def article(result: BuildResult, path: str) -> Tag:
    found = result.soup(path).select_one("article")
    assert found is not None
    return found


# --- 1. the index's jump list -----------------------------------------------------------------


def test_directory_index_opens_with_a_chip_for_each_category(built: BuildResult) -> None:
    page = article(built, "danh-ba/index.html")
    chips = page.select_one("nav.langso-chips")
    assert chips is not None
    assert str(chips) == (
        '<nav aria-label="Chọn loại dịch vụ" class="langso-chips langso-web-only"><ul>'
        '<li><a href="#cong-an"><span aria-hidden="true">👮</span> Công an xã</a></li>'
        '<li><a href="#y-te">Y tế</a></li>'
        '<li><a href="#an-uong">Ăn &amp; uống</a></li>'
        '<li><a href="#cho">Chợ</a></li>'
        '<li><a href="#tra-theo-ten">Tra theo tên</a></li></ul></nav>'
    )
    # At the top: right after the title and the sample line, before any category.
    assert [c.name for c in page.find_all(True, recursive=False)][:3] == ["h1", "p", "nav"]
    # Every chip lands on its section.
    for link in chips.select("a"):
        assert page.find(id=str(link["href"]).removeprefix("#")) is not None, link


# --- 2. emergency numbers beside "closed" -----------------------------------------------------


def test_a_police_page_offers_113_beside_its_badge(built: BuildResult) -> None:
    page = article(built, "danh-ba/cong-an-xa/index.html")
    urgent = page.select_one("p.langso-urgent")
    assert str(urgent) == (
        '<p class="langso-urgent"><a href="tel:113">Khẩn cấp gọi '
        '<span class="langso-tel">113</span></a></p>'
    )
    order = [c.name + "." + ".".join(c.get("class") or []) for c in page.find_all(True)][:4]
    assert order[:3] == ["h1.langso-service-name", "p.langso-open", "p.langso-urgent"]


def test_a_health_place_without_hours_still_offers_115(built: BuildResult) -> None:
    # `khan_cap: 115` typed without quotes is the same number.
    page = article(built, "danh-ba/tram-y-te/index.html")
    link = page.select_one("p.langso-urgent a")
    assert link is not None and (link["href"], link.get_text()) == ("tel:115", "Khẩn cấp gọi 115")


def test_a_shop_has_no_emergency_number(built: BuildResult) -> None:
    assert article(built, "danh-ba/quan-hoa/index.html").select(".langso-urgent") == []


def test_cards_of_emergency_places_carry_the_number(built: BuildResult) -> None:
    for path in ("danh-ba/index.html", "danh-ba/cong-an/index.html"):
        page = article(built, path)
        cards = {
            str(li.select_one("a.langso-card__name").get_text()): [  # type: ignore[union-attr]
                (a["href"], a.get_text()) for a in li.select("a.langso-urgent")
            ]
            for li in page.select("li.langso-card")
        }
        expected = {"Công an xã Yên Định": [("tel:113", "Khẩn cấp gọi 113")]}
        if path == "danh-ba/index.html":
            expected |= {
                "Trạm Y tế xã": [("tel:115", "Khẩn cấp gọi 115")],
                "Quán Hoa": [],
                "Chợ Phú Mỹ": [],
            }
        assert cards == expected


def test_a_wrong_emergency_number_is_explained(make_site: SiteFactory) -> None:
    files = {"content/categories.yml": "- id: 'cho'\n  ten: 'Chợ'\n  khan_cap: '911'\n"}
    result = build_site(make_site(files=files), strict=False)
    assert not result.ok
    assert result.messages[0] == (
        "content/categories.yml:3: khan_cap: `911` không phải số khẩn cấp quốc gia — dùng một"
        " trong: '111' (bảo vệ trẻ em), '112' (tìm kiếm cứu nạn), '113' (công an), '114' (cứu"
        " hỏa), '115' (cấp cứu), hoặc xóa dòng `khan_cap`\n"
        "    (en) `911` is not a national emergency number — use one of 111 (child protection),"
        " 112 (search and rescue), 113 (police), 114 (fire), 115 (ambulance), or delete the"
        " `khan_cap` line"
    )


# --- 3. the map row ---------------------------------------------------------------------------


def test_map_row_says_open_the_map_without_raw_coordinates(built: BuildResult) -> None:
    page = article(built, "danh-ba/cong-an-xa/index.html")
    link = page.select_one("p.langso-fact a.langso-map")
    assert link is not None
    assert link.get_text() == "Mở bản đồ"
    assert link["title"] == "Tọa độ 19.9751, 105.6447"
    assert "19.9751" not in page.get_text()


# --- 4. VietQR on the phone that shows it -----------------------------------------------------


def test_vietqr_instructions_work_at_the_counter_and_on_this_phone(built: BuildResult) -> None:
    page = article(built, "danh-ba/quan-hoa/index.html")
    heading = page.select_one("h2#tra-tien-bang-vietqr")
    assert heading is not None
    steps = heading.find_next_sibling()
    assert isinstance(steps, Tag) and steps.name == "ul"
    assert [li.get_text() for li in steps.find_all("li")] == [
        "Tại quầy: mở ứng dụng ngân hàng trên điện thoại của bạn, chọn quét mã QR rồi quét mã"
        " dưới đây (hoặc mã dán ở quầy).",
        "Trên chính điện thoại đang xem trang này: bấm nút “Chép số tài khoản” (hoặc giữ ngón"
        " tay lên số tài khoản để chép), mở ứng dụng ngân hàng, chọn chuyển tiền đến"
        " Agribank rồi dán số tài khoản.",
        "Luôn kiểm tra tên người nhận trước khi chuyển, rồi mới nhập số tiền.",
    ]
    assert "quét mã dưới đây, kiểm tra" not in page.get_text()  # the old one-case sentence
    # "Trả tiền VietQR" stays among the first actions.
    assert page.select_one('p.langso-actions a[href="#tra-tien-bang-vietqr"]') is not None
