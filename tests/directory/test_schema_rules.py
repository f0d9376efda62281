"""Rules found by trying the directory as a volunteer would: each holds the right value."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from langso.directory.export import records, to_csv
from langso.directory.loading import Directory, load_directory
from langso.directory.review import duplicates
from langso.problems import Problem
from langso.village import Village

VILLAGE = Village.model_validate(
    {
        "ten": "Là Thôn",
        "loai": "làng",
        "xa": "xã Yên Định",
        "tinh": "tỉnh Thanh Hóa",
        "xa_cu": "xã Định Long",
        "huyen_cu": "huyện Yên Định",
    }
)


def load(tmp_path: Path, **services: str) -> tuple[Directory, list[Problem]]:
    (tmp_path / "categories.yml").write_text("- id: cho\n  ten: Chợ\n", encoding="utf-8")
    folder = tmp_path / "danh-ba"
    folder.mkdir(exist_ok=True)
    for name, text in services.items():
        (folder / f"{name}.yml").write_text(text, encoding="utf-8")
    return load_directory(tmp_path, "content", village=VILLAGE, today=dt.date(2026, 11, 30))


def first_line(problems: list[Problem]) -> str:
    return problems[0].format().split("\n")[0]


def test_a_day_in_two_rows_is_refused(tmp_path: Path) -> None:
    text = (
        "ten: A\nloai: cho\ngio_mo_cua:\n"
        "  - ngay: T2-T6\n    gio: '7:00-11:30, 13:30-18:00'\n"
        "  - ngay: T5-T7\n    gio: '7:00-12:00'\n"
    )
    _, problems = load(tmp_path, a=text)
    assert first_line(problems) == (
        "content/danh-ba/a.yml:6: gio_mo_cua.ngay: Thứ Năm có ở cả dòng 1 và dòng 2 của"
        " `gio_mo_cua` — mỗi ngày chỉ ghi ở một dòng; ghi mọi khoảng giờ của ngày đó vào dòng ấy,"
        " ví dụ '7:00-11:30, 13:30-17:00'"
    )


def test_sample_numbers_need_the_sample_flag(tmp_path: Path) -> None:
    _, problems = load(tmp_path, a="ten: A\nloai: cho\ndien_thoai: '0300 000 099'\n")
    assert first_line(problems) == (
        "content/danh-ba/a.yml:3: dien_thoai: `0300 000 099` là số mẫu (dãy 0300 000 …), không"
        " phải số thật — ghi số điện thoại thật; số mẫu chỉ dùng khi `du_lieu_mau: có`"
    )
    directory, problems = load(
        tmp_path, a="ten: A\nloai: cho\ndien_thoai: '0300 000 099'\ndu_lieu_mau: có\n"
    )
    assert problems == [] and len(directory.entries) == 1


def test_a_shared_number_is_not_a_duplicate(tmp_path: Path) -> None:
    phone = "dien_thoai: '0912 345 678'\n"
    directory, _ = load(
        tmp_path,
        a="ten: A\nloai: cho\n" + phone,
        b="ten: B\nloai: cho\nso_dung_chung: có\n" + phone,
    )
    assert duplicates(directory) == []


def test_the_former_commune_points_to_the_current_one(tmp_path: Path) -> None:
    _, problems = load(tmp_path, a="ten: A\nloai: cho\ndia_chi:\n  xa: xã Định Long\n")
    assert first_line(problems) == (
        "content/danh-ba/a.yml:4: dia_chi.xa: `xã Định Long` là tên xã trước 01/07/2025; nay là"
        " xã Yên Định — xóa dòng `xa` (mặc định xã Yên Định) và ghi tên cũ vào `xa_cu`"
    )


def test_vietqr_mistakes_are_said_in_vietnamese_and_spaces_are_dropped(tmp_path: Path) -> None:
    text = (
        "ten: A\nloai: cho\nthanh_toan: VietQR\nvietqr:\n"
        "  ngan_hang: Agribank\n  so_tai_khoan: '1023 4567 89'\n  noi_dung: 'Sửa xe – tháng 11'\n"
    )
    _, problems = load(tmp_path, a=text)
    assert [p.format().split("\n")[0] for p in problems] == [
        "content/danh-ba/a.yml:5: vietqr.ngan_hang: `Agribank` không phải mã BIN 6 số của ngân"
        " hàng — viết `'970405'`"
    ]
    fixed = text.replace("Agribank", "'970405'")
    directory, problems = load(tmp_path, a=fixed)
    assert problems == []
    vietqr = directory.entries[0].service.vietqr
    assert vietqr is not None
    assert vietqr.account_number == "1023456789"
    assert vietqr.purpose == "Sua xe - thang 11"
    assert "01101023456789" in vietqr.payload


def test_zalo_link_text_is_not_taken_for_several_numbers(tmp_path: Path) -> None:
    _, problems = load(tmp_path, a="ten: A\nloai: cho\nzalo: 'zalo.me/suaxe'\n")
    assert first_line(problems) == (
        "content/danh-ba/a.yml:3: zalo: số điện thoại `zalo.me/suaxe` không đúng dạng số Việt"
        " Nam — viết di động 10 số bắt đầu bằng 0 (ví dụ '0912 345 678'), số bàn 11 số (ví dụ"
        " '0237 3721 150') hoặc số khẩn cấp 111–115, trong dấu nháy"
    )


def test_summer_hours_are_in_the_csv(tmp_path: Path) -> None:
    text = (
        "ten: A\nloai: cho\ngio_mo_cua:\n  - ngay: T2-T6\n    gio: '7:30-12:00'\n"
        "mua_he:\n  tu: '15/4'\n  den: '14/10'\n  gio_mo_cua:\n"
        "    - ngay: T2-T6\n      gio: '7:00-11:30'\n"
    )
    directory, problems = load(tmp_path, a=text)
    assert problems == []
    csv_text = to_csv(records(directory, VILLAGE, {"a": "https://x/a/"}))
    assert "15/4–14/10: T2-T6: 7:00-11:30" in csv_text
