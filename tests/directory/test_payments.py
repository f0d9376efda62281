"""Payment is a field (``thanh_toan``), not a category: pages of the places taking each method,
and an old "shop that takes QR" category still publishing, with an info that does not block."""

from __future__ import annotations

from pathlib import Path

from langso.directory.loading import load_directory
from tests.conftest import SiteFactory, build_site
from tests.directory.facts import details

OLD_CATEGORIES = (
    "- id: 'cho'\n  ten: 'Chợ'\n"
    "- id: 'cua-hang-qr'\n  bieu_tuong: '🏪'\n  ten: 'Cửa hàng nhận thanh toán QR'\n"
    "- id: 'sua-xe'\n  ten: 'Sửa xe máy'\n"
)
FRESH = "xac_minh:\n  ngay: '01/11/2026'\n  vai_tro: 'Trưởng thôn'\n"
FILES: dict[str, str | None] = {
    "content/categories.yml": OLD_CATEGORIES,
    "content/danh-ba/tap-hoa.yml": (
        "ten: 'Tạp hóa Bình'\nloai: 'cua-hang-qr'\nthanh_toan: ['tiền mặt', 'VietQR']\n" + FRESH
    ),
    "content/danh-ba/sua-xe-anh-hai.yml": (
        "ten: 'Anh Hai sửa xe'\nloai: 'sua-xe'\nthanh_toan: [tien-mat, vietqr, the]\n" + FRESH
    ),
    "content/danh-ba/ban-rau.yml": "ten: 'Bà Tư bán rau'\nloai: 'cho'\nthanh_toan: 'thẻ'\n" + FRESH,
}


def test_card_is_a_payment_method(tmp_path: Path) -> None:
    (tmp_path / "categories.yml").write_text("- id: 'sua-xe'\n  ten: 'Sửa xe'\n", "utf-8")
    (tmp_path / "danh-ba").mkdir()
    (tmp_path / "danh-ba" / "a.yml").write_text(
        "ten: 'A'\nloai: 'sua-xe'\nthanh_toan: [tien-mat, vietqr, the]\n", "utf-8"
    )
    directory, problems = load_directory(tmp_path, "content")
    assert problems == []
    assert directory.entries[0].service.payments == ("tien-mat", "vietqr", "the")


def test_a_payment_category_is_an_info_on_its_line(tmp_path: Path) -> None:
    (tmp_path / "categories.yml").write_text(OLD_CATEGORIES, "utf-8")
    _, problems = load_directory(tmp_path, "content")
    assert [(p.severity, p.format()) for p in problems] == [
        (
            "info",
            "content/categories.yml:3: id: loại `cua-hang-qr` (Cửa hàng nhận thanh toán QR) nói"
            " cách trả tiền, không nói đây là nơi gì; cách ghi này đã cũ (trang vẫn dựng và đăng"
            " được) — đặt cho mỗi nơi một loại nói nó là gì (ví dụ `tap-hoa`, `an-uong`,"
            " `sua-xe`) và ghi cách trả tiền vào trường `thanh_toan` của từng tệp, ví dụ"
            " `thanh_toan: [tien-mat, vietqr, the]`; danh bạ tự có trang các nơi nhận VietQR,"
            " thẻ…\n"
            "    (en) category `cua-hang-qr` (Cửa hàng nhận thanh toán QR) says how a place takes"
            " payment, not what the place is; this is deprecated (the site still builds and"
            " publishes) — give each place a category saying what it is (e.g. `tap-hoa`,"
            " `an-uong`, `sua-xe`) and put how it takes payment in each file's `thanh_toan`"
            " field, e.g. `thanh_toan: [tien-mat, vietqr, the]`; the directory lists the places"
            " taking VietQR, cards… on pages of their own",
        )
    ]


def test_old_files_publish_and_payment_pages_list_the_places(make_site: SiteFactory) -> None:
    result = build_site(make_site(files=FILES), strict=True)
    assert result.ok, result.text()
    assert result.messages == []  # the info does not stop the strict (publishing) build
    index = result.soup("danh-ba/index.html")
    heading = index.select_one("#theo-cach-tra-tien")
    assert heading is not None
    payments = heading.find_next("ul")
    assert payments is not None
    assert [(a.get_text(), a["href"]) for a in payments.select("a")] == [
        ("Nơi nhận trả tiền bằng mã VietQR", "thanh-toan-vietqr/"),
        ("Nơi nhận thẻ ngân hàng", "thanh-toan-the/"),
    ]
    assert [li.get_text(" ", strip=True) for li in payments.select("li")] == [
        "Nơi nhận trả tiền bằng mã VietQR — 2 nơi",
        "Nơi nhận thẻ ngân hàng — 2 nơi",
    ]
    page = result.soup("danh-ba/thanh-toan-vietqr/index.html").select_one("article")
    assert page is not None
    h1 = page.select_one("h1")
    assert h1 is not None and h1.get_text(strip=True) == "Nơi nhận trả tiền bằng mã VietQR"
    assert [a.get_text() for a in page.select("li.langso-card > a.langso-card__name")] == [
        "Anh Hai sửa xe",
        "Tạp hóa Bình",
    ]
    assert not (result.site_dir / "danh-ba/thanh-toan-tien-mat").exists()  # cash: everywhere
    service = result.soup("danh-ba/sua-xe-anh-hai/index.html").select_one("article")
    assert service is not None
    assert details(service)["Thanh toán"] == "Tiền mặt, Quét mã VietQR, Thẻ ngân hàng"
