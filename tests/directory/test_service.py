"""The full service schema: categories, services offered, Zalo, website, payments and VietQR,
summer hours (loader level); verification is in ``test_service_verification``, the address and
coordinates in ``test_service_address``."""

from __future__ import annotations

import binascii
import datetime as dt
from pathlib import Path

import pytest

from langso.directory.fields import PAYMENT_METHODS, VERIFIER_ROLES, Category, Verification
from langso.directory.hours import DayMonth
from tests.directory.services import FILE, QUAN, load, message, only

# --- categories -----------------------------------------------------------------------------


def test_categories_keep_file_order_icon_and_label(tmp_path: Path) -> None:
    directory, problems = load(tmp_path, {})
    assert problems == []
    assert directory.categories == (
        Category(id="y-te", ten="Y tế", bieu_tuong="🏥"),
        Category(id="cho", ten="Chợ", bieu_tuong="🛒"),
        Category(id="an-uong", ten="Ăn uống"),
    )
    assert [c.icon for c in directory.categories] == ["🏥", "🛒", None]


def test_category_id_must_be_a_slug(tmp_path: Path) -> None:
    _, problems = load(tmp_path, {}, "- id: 'Y tế'\n  ten: 'Y tế'\n")
    assert [p.format() for p in problems] == [
        "content/categories.yml:1: id: mã `Y tế` phải viết thường, không dấu, nối bằng dấu gạch"
        " ngang — dùng `y-te`\n"
        "    (en) id `Y tế` must be lower case ASCII joined by hyphens — use `y-te`"
    ]


def test_duplicate_category_id(tmp_path: Path) -> None:
    _, problems = load(tmp_path, {}, "- id: 'cho'\n  ten: 'Chợ'\n- id: 'cho'\n  ten: 'Chợ mới'\n")
    assert [p.format() for p in problems] == [
        "content/categories.yml:3: id: mã loại `cho` đã dùng ở dòng 1 — đặt mã khác cho một"
        " trong hai loại\n"
        "    (en) category id `cho` is already used on line 1 — give one of the two categories"
        " another id"
    ]


# --- a complete entry -------------------------------------------------------------------------

FULL = """ten: 'Trạm Y tế xã Yên Định'
loai: 'y-te'
mo_ta: 'Khám chữa bệnh ban đầu, tiêm chủng.'
dich_vu:
  - 'Khám bệnh'
  - 'Tiêm chủng'
dia_chi:
  thon: 'Là Thôn'
  chi_tiet: 'gần nhà văn hóa'
toa_do: '19.9810, 105.6420'
dien_thoai:
  - '0912 345 678'
  - '0237 3721 150'
  - '115'
zalo: '0912 345 678'
website: 'https://example.gov.vn/tram-y-te'
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
thanh_toan: ['tiền mặt', 'VietQR']
vietqr:
  ngan_hang: '970405'
  so_tai_khoan: '3300205123456'
  chu_tai_khoan: 'TRAM Y TE XA YEN DINH'
  noi_dung: 'Thanh toán viện phí'
ghi_chu: 'Ngoài giờ, khi cấp cứu gọi 115.'
xac_minh:
  ngay: '01/05/2026'
  vai_tro: 'Tổ công nghệ số cộng đồng'
"""


def test_complete_entry(tmp_path: Path) -> None:
    directory, problems = load(tmp_path, {"tram-y-te.yml": FULL})
    assert problems == []
    service = directory.entries[0].service
    assert service.offers == ("Khám bệnh", "Tiêm chủng")
    assert [p.display for p in service.phones] == ["0912 345 678", "0237 3721 150", "115"]
    assert service.zalo is not None
    assert service.zalo.zalo_url == "https://zalo.me/0912345678"
    assert service.website == "https://example.gov.vn/tram-y-te"
    assert service.payments == ("tien-mat", "vietqr")
    assert service.hours_note == "Nghỉ các ngày lễ, Tết."
    assert service.note == "Ngoài giờ, khi cấp cứu gọi 115."
    assert service.verified == Verification(ngay=dt.date(2026, 5, 1), vai_tro=VERIFIER_ROLES[0])
    assert service.sample is False
    assert service.summer is not None
    assert service.summer.start == DayMonth(text="15/4", day=15, month=4)
    assert service.summer.end == DayMonth(text="14/10", day=14, month=10)
    assert service.summer_rows == (("T2-T6", "7:00-11:30, 14:00-17:30"),)
    assert service.opening_rows == (("T2-T6", "7:00-11:30, 13:30-17:00"),)


def test_schedule_for_the_badge(tmp_path: Path) -> None:
    directory, _ = load(tmp_path, {"tram-y-te.yml": FULL})
    weekday_winter = [[420, 690], [810, 1020]]
    weekday_summer = [[420, 690], [840, 1050]]
    assert directory.entries[0].service.schedule() == {
        "week": {**{str(d): weekday_winter for d in range(1, 6)}, "6": [], "7": []},
        "summer": {
            "from": [4, 15],
            "to": [10, 14],
            "week": {**{str(d): weekday_summer for d in range(1, 6)}, "6": [], "7": []},
        },
    }


def test_schedule_of_same_hours_every_day(tmp_path: Path) -> None:
    text = QUAN + "mo_cua: 6:45\ndong_cua: 21:00\n"
    directory, problems = load(tmp_path, {"quan-a.yml": text})
    assert problems == []
    assert directory.entries[0].service.schedule() == {
        "week": {str(d): [[405, 1260]] for d in range(1, 8)},
        "summer": None,
    }


def test_no_schedule_without_hours(tmp_path: Path) -> None:
    directory, _ = load(tmp_path, {"quan-a.yml": QUAN})
    assert directory.entries[0].service.schedule() is None


def test_a_later_row_overrides_the_days_of_an_earlier_one(tmp_path: Path) -> None:
    text = QUAN + (
        "gio_mo_cua:\n"
        "  - ngay: 'hằng ngày'\n    gio: '6:00-18:00'\n"
        "  - ngay: 'CN'\n    gio: 'nghỉ'\n"
    )
    directory, problems = load(tmp_path, {"quan-a.yml": text})
    assert problems == []
    schedule = directory.entries[0].service.schedule()
    assert schedule is not None
    assert schedule["week"]["6"] == [[360, 1080]]
    assert schedule["week"]["7"] == []


# --- payments and VietQR ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "method"),
    [
        ("tiền mặt", "tien-mat"),
        ("Tiền mặt", "tien-mat"),
        ("chuyển khoản", "chuyen-khoan"),
        ("Chuyển khoản ngân hàng", "chuyen-khoan"),
        ("VietQR", "vietqr"),
        ("mã QR", "vietqr"),
        ("ví điện tử", "vi-dien-tu"),
    ],
)
def test_payment_words(tmp_path: Path, typed: str, method: str) -> None:
    directory, problems = load(tmp_path, {"quan-a.yml": QUAN + f"thanh_toan: '{typed}'\n"})
    assert problems == []
    assert directory.entries[0].service.payments == (method,)


def test_payment_labels() -> None:
    assert PAYMENT_METHODS == {
        "tien-mat": "Tiền mặt",
        "chuyen-khoan": "Chuyển khoản ngân hàng",
        "vietqr": "Quét mã VietQR",
        "vi-dien-tu": "Ví điện tử",
        "the": "Thẻ ngân hàng",
    }


def test_unknown_payment_method(tmp_path: Path) -> None:
    assert only(tmp_path, QUAN + "thanh_toan:\n  - 'tiền mặt'\n  - 'séc'\n") == [
        message(
            5,
            "thanh_toan",
            "không rõ cách thanh toán `séc` — dùng: 'tiền mặt', 'chuyển khoản', 'VietQR', 'ví"
            " điện tử' hoặc 'thẻ'",
            "unknown payment method `séc` — use: 'tiền mặt' (cash), 'chuyển khoản' (transfer),"
            " 'VietQR', 'ví điện tử' (e-wallet) or 'thẻ' (bank card)",
        )
    ]


def test_vietqr_payload(tmp_path: Path) -> None:
    directory, problems = load(tmp_path, {"tram-y-te.yml": FULL})
    assert problems == []
    vietqr = directory.entries[0].service.vietqr
    assert vietqr is not None
    assert vietqr.bank_name == "Agribank"
    # EMVCo TLV by hand: static code (01=11), NAPAS GUID, BIN + account, transfer service,
    # VND, VN, the purpose without accents, then the CRC-16/CCITT-FALSE of everything before.
    body = (
        "000201"
        "010211"
        "3857"
        "0010A000000727"
        "01270006970405" + "0113" + "3300205123456"
        "0208QRIBFTTA"
        "5303704"
        "5802VN"
        "6223" + "0819Thanh toan vien phi"
        "6304"
    )
    crc = binascii.crc_hqx(body.encode("ascii"), 0xFFFF)
    assert vietqr.payload == body + f"{crc:04X}"


def test_vietqr_needs_vietqr_among_payments(tmp_path: Path) -> None:
    text = (
        QUAN + "thanh_toan: ['tiền mặt']\nvietqr:\n  ngan_hang: '970405'\n  so_tai_khoan: '123'\n"
    )
    assert only(tmp_path, text) == [
        message(
            3,
            "thanh_toan",
            "có `vietqr` nhưng `thanh_toan` không có VietQR — thêm 'VietQR' vào `thanh_toan`",
            "`vietqr` is given but `thanh_toan` does not list VietQR"
            " — add 'VietQR' to `thanh_toan`",
        )
    ]


BIN_LIST = (
    "Agribank 970405, Vietcombank 970436, VietinBank 970415, BIDV 970418, MB 970422,"
    " Techcombank 970407, ACB 970416, VPBank 970432, TPBank 970423, Sacombank 970403"
)


def test_vietqr_bank_bin_must_have_six_digits(tmp_path: Path) -> None:
    text = QUAN + "thanh_toan: VietQR\nvietqr:\n  ngan_hang: '9704'\n  so_tai_khoan: '123'\n"
    assert only(tmp_path, text) == [
        message(
            5,
            "vietqr.ngan_hang",
            "`9704` không phải mã BIN 6 số của ngân hàng — viết mã BIN, ví dụ: " + BIN_LIST,
            "`9704` is not a bank's 6-digit BIN — write the BIN, e.g.: " + BIN_LIST,
        )
    ]


# --- Zalo and website -------------------------------------------------------------------------


def test_invalid_zalo_number(tmp_path: Path) -> None:
    assert only(tmp_path, QUAN + "zalo: '12345'\n") == [
        message(
            3,
            "zalo",
            "số điện thoại `12345` không đúng dạng số Việt Nam — viết di động 10 số bắt đầu bằng"
            " 0 (ví dụ '0912 345 678'), số bàn 11 số (ví dụ '0237 3721 150') hoặc số khẩn cấp"
            " 111–115, trong dấu nháy",
            "`12345` is not a Vietnamese phone number — write a 10-digit mobile starting with 0"
            " (e.g. '0912 345 678'), an 11-digit landline (e.g. '0237 3721 150') or an emergency"
            " number 111–115, in quotes",
        )
    ]


def test_zalo_cannot_be_an_emergency_short_number(tmp_path: Path) -> None:
    # A Zalo account is a mobile number; `https://zalo.me/113` leads nowhere.
    _, problems = load(tmp_path, {"quan-a.yml": QUAN + "zalo: '113'\n"})
    assert [(p.line, p.field, p.code) for p in problems] == [(3, "zalo", "field.invalid")]


@pytest.mark.parametrize("website", ["example.com", "www.example.com", "ftp://example.com", "x"])
def test_website_must_be_a_whole_address(tmp_path: Path, website: str) -> None:
    assert only(tmp_path, QUAN + f"website: '{website}'\n") == [
        message(
            3,
            "website",
            f"`{website}` không phải địa chỉ trang web — chép đủ địa chỉ, bắt đầu bằng https://",
            f"`{website}` is not a web address — copy the whole address, starting with https://",
        )
    ]


# --- summer schedule --------------------------------------------------------------------------


def test_summer_needs_the_usual_hours(tmp_path: Path) -> None:
    text = QUAN + (
        "mua_he:\n  tu: '15/4'\n  den: '14/10'\n  gio_mo_cua:\n"
        "    - ngay: 'T2-T6'\n      gio: '7:00-11:00'\n"
    )
    assert only(tmp_path, text) == [
        message(
            4,
            "mua_he",
            "có lịch `mua_he` nhưng thiếu lịch thường ngày `gio_mo_cua` — thêm `gio_mo_cua` cho"
            " các tháng còn lại",
            "`mua_he` is given without the usual `gio_mo_cua` — add `gio_mo_cua` for the rest of"
            " the year",
        )
    ]


def test_summer_start_must_be_a_real_day(tmp_path: Path) -> None:
    text = QUAN + (
        "gio_mo_cua:\n  - ngay: 'T2'\n    gio: '7:00-11:00'\n"
        "mua_he:\n  tu: '31/4'\n  den: '14/10'\n  gio_mo_cua:\n"
        "    - ngay: 'T2'\n      gio: '7:00-11:00'\n"
    )
    assert only(tmp_path, text) == [
        message(
            7,
            "mua_he.tu",
            "`31/4` không phải ngày/tháng có thật — viết ngày/tháng, ví dụ '15/4'",
            "`31/4` is not a real day/month — write day/month, e.g. '15/4'",
        )
    ]


def test_summer_row_with_a_misspelt_key(tmp_path: Path) -> None:
    # One slip, reported as what it is: the unknown key (with the right name) and the missing
    # `gio`. Nothing in English only, nothing that contradicts the file (the list has one row).
    text = QUAN + (
        "gio_mo_cua:\n  - ngay: 'T2'\n    gio: '7:00-11:00'\n"
        "mua_he:\n  tu: '15/4'\n  den: '14/10'\n  gio_mo_cua:\n"
        "    - ngay: 'T2'\n      gioo: '7:00-11:00'\n"
    )
    _, problems = load(tmp_path, {"quan-a.yml": text})
    assert [(p.line, p.code, p.field) for p in problems] == [
        (10, "field.missing", "mua_he.gio_mo_cua.gio"),
        (11, "field.unknown", "mua_he.gio_mo_cua.gioo"),
    ]


def test_mo_cua_cannot_be_mixed_with_gio_mo_cua(tmp_path: Path) -> None:
    text = QUAN + "mo_cua: 6:00\ndong_cua: 21:00\ngio_mo_cua:\n  - ngay: T2\n    gio: 7:00-9:00\n"
    assert only(tmp_path, text) == [
        message(
            3,
            "mo_cua",
            "đã có `gio_mo_cua` thì không dùng `mo_cua`/`dong_cua` — giữ một cách ghi giờ",
            "`mo_cua`/`dong_cua` cannot be used together with `gio_mo_cua`"
            " — keep one way of giving the hours",
        )
    ]


# --- wrong types ------------------------------------------------------------------------------


def test_wrong_types_are_named(tmp_path: Path) -> None:
    text = QUAN + "dich_vu:\n  kham: x\ndia_chi: 'Là Thôn'\nxac_minh: '01/05/2026'\n"
    assert only(tmp_path, text) == [
        message(
            4,
            "dich_vu",
            "`dich_vu` phải là một danh sách, nhưng lại là các dòng `khóa: giá trị` — viết mỗi mục"
            " trên một dòng bắt đầu bằng `- `",
            "`dich_vu` must be a list but is `key: value` lines"
            " — write each item on a line starting with `- `",
        ),
        message(
            5,
            "dia_chi",
            "`dia_chi` phải gồm các dòng `khóa: giá trị` thụt vào, nhưng lại là chữ `Là Thôn`"
            " — xem mẫu trong tài liệu",
            "`dia_chi` must hold indented `key: value` lines but is the text `Là Thôn`"
            " — follow the sample in the docs",
        ),
        message(
            6,
            "xac_minh",
            "`xac_minh` phải gồm các dòng `khóa: giá trị` thụt vào, nhưng lại là chữ"
            " `01/05/2026` — xem mẫu trong tài liệu",
            "`xac_minh` must hold indented `key: value` lines but is the text `01/05/2026`"
            " — follow the sample in the docs",
        ),
    ]


def test_single_service_offered_may_be_one_line(tmp_path: Path) -> None:
    directory, problems = load(tmp_path, {"quan-a.yml": QUAN + "dich_vu: 'Bán rau'\n"})
    assert problems == []
    assert directory.entries[0].service.offers == ("Bán rau",)


def test_unknown_nested_field_suggests_the_nearest_name(tmp_path: Path) -> None:
    text = QUAN + "xac_minh:\n  ngay: '01/05/2026'\n  vaitro: 'Trưởng thôn'\n"
    messages = only(tmp_path, text)
    assert messages[-1] == (
        f"{FILE}:5: xac_minh.vaitro: trường `xac_minh.vaitro` không có trong mẫu (có phải ý bạn"
        " là `vai_tro`?) — sửa thành `vai_tro`\n"
        "    (en) unknown field `xac_minh.vaitro` (did you mean `vai_tro`?)"
        " — rename it to `vai_tro`"
    )
