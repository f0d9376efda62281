"""The services directory: every bad file reported, each mistake located (C-05 to C-08)."""

from __future__ import annotations

from pathlib import Path

import pytest

from langso.directory.loading import load_directory
from tests.directory.entries import FULL, formatted, load

# --- bad input: one kind each ---------------------------------------------------------------------

BAD_INPUT = {
    "unknown-field-did-you-mean": (
        "quan-a.yml",
        "ten: Quán A\nloai: cho\ndien_thaoi: '0300 000 001'\n",
        "content/danh-ba/quan-a.yml:3: dien_thaoi: trường `dien_thaoi` không có trong mẫu"
        " (có phải ý bạn là `dien_thoai`?) — sửa thành `dien_thoai`\n"
        "    (en) unknown field `dien_thaoi` (did you mean `dien_thoai`?)"
        " — rename it to `dien_thoai`",
    ),
    "unknown-nested-field": (
        "quan-a.yml",
        "ten: Quán A\nloai: cho\ndia_chi:\n  thonn: Là Thôn\n",
        "content/danh-ba/quan-a.yml:4: dia_chi.thonn: trường `dia_chi.thonn` không có trong mẫu"
        " (có phải ý bạn là `thon`?) — sửa thành `thon`\n"
        "    (en) unknown field `dia_chi.thonn` (did you mean `thon`?) — rename it to `thon`",
    ),
    "unknown-field-no-match": (
        "quan-a.yml",
        "ten: Quán A\nloai: cho\nabc_xyz: x\n",
        "content/danh-ba/quan-a.yml:3: abc_xyz: trường `abc_xyz` không có trong mẫu"
        " — dùng một trong các trường: `ten`, `loai`, `mo_ta`, `dich_vu`, `dia_chi`, `toa_do`,"
        " `dien_thoai`, `so_dung_chung`, `zalo`, `website`, `gio_mo_cua`, `mua_he`, `mo_cua`,"
        " `dong_cua`,"
        " `ghi_chu_gio`, `thanh_toan`, `vietqr`, `ghi_chu`, `xac_minh`, `du_lieu_mau`\n"
        "    (en) unknown field `abc_xyz` — use one of the fields: `ten`, `loai`, `mo_ta`,"
        " `dich_vu`, `dia_chi`, `toa_do`, `dien_thoai`, `so_dung_chung`, `zalo`, `website`,"
        " `gio_mo_cua`,"
        " `mua_he`, `mo_cua`, `dong_cua`, `ghi_chu_gio`, `thanh_toan`, `vietqr`, `ghi_chu`,"
        " `xac_minh`, `du_lieu_mau`",
    ),
    "missing-ten": (
        "quan-a.yml",
        "loai: cho\nmo_ta: Bán rau\n",
        "content/danh-ba/quan-a.yml:1: ten: thiếu trường bắt buộc `ten` — thêm dòng `ten: ...`\n"
        "    (en) required field `ten` is missing — add a line `ten: ...`",
    ),
    "empty-ten": (
        "quan-a.yml",
        "ten:\nloai: cho\n",
        "content/danh-ba/quan-a.yml:1: ten: `ten` để trống — điền giá trị hoặc xóa dòng này\n"
        "    (en) `ten` is empty — fill in a value or delete the line",
    ),
    "unknown-category": (
        "quan-a.yml",
        "ten: Quán A\nloai: quan-an\n",
        "content/danh-ba/quan-a.yml:2: loai: loại `quan-an` không có trong categories.yml"
        " — dùng một trong: `y-te`, `cho`, `cong-an`, hoặc thêm loại mới vào categories.yml\n"
        "    (en) category `quan-an` is not in categories.yml"
        " — use one of: `y-te`, `cho`, `cong-an`, or add the category to categories.yml",
    ),
    "invalid-phone": (
        "quan-a.yml",
        "ten: Quán A\nloai: cho\ndien_thoai:\n  - '0300 000 001'\n  - '12345'\n",
        "content/danh-ba/quan-a.yml:5: dien_thoai: số điện thoại `12345` không đúng dạng số"
        " Việt Nam — viết di động 10 số bắt đầu bằng 0 (ví dụ '0912 345 678'), số bàn 11 số"
        " (ví dụ '0237 3721 150') hoặc số khẩn cấp 111–115, trong dấu nháy\n"
        "    (en) `12345` is not a Vietnamese phone number — write a 10-digit mobile starting"
        " with 0 (e.g. '0912 345 678'), an 11-digit landline (e.g. '0237 3721 150') or an"
        " emergency number 111–115, in quotes",
    ),
    # A mobile typed without its leading 0 (9 digits) is none of the accepted forms: refused,
    # never silently completed into another number.
    "phone-missing-leading-zero": (
        "quan-a.yml",
        "ten: Quán A\nloai: cho\ndien_thoai: 300000001\n",
        "content/danh-ba/quan-a.yml:3: dien_thoai: số điện thoại `300000001` không đúng dạng số"
        " Việt Nam — viết di động 10 số bắt đầu bằng 0 (ví dụ '0912 345 678'), số bàn 11 số"
        " (ví dụ '0237 3721 150') hoặc số khẩn cấp 111–115, trong dấu nháy\n"
        "    (en) `300000001` is not a Vietnamese phone number — write a 10-digit mobile starting"
        " with 0 (e.g. '0912 345 678'), an 11-digit landline (e.g. '0237 3721 150') or an"
        " emergency number 111–115, in quotes",
    ),
    "invalid-time": (
        "quan-a.yml",
        "ten: Quán A\nloai: cho\nmo_cua: 6:00\ndong_cua: 25:00\n",
        "content/danh-ba/quan-a.yml:4: dong_cua: giờ `25:00` không đúng dạng"
        " — viết giờ:phút, ví dụ '6:45' hoặc '21:00', trong dấu nháy\n"
        "    (en) `25:00` is not a time of day"
        " — write hours:minutes, e.g. '6:45' or '21:00', in quotes",
    ),
    # 7:00 to 5:00 is the 12-hour clock typed by mistake (5:00 for 17:00), not a night shop.
    "closing-before-opening": (
        "quan-a.yml",
        "ten: Quán A\nloai: cho\nmo_cua: 7:00\ndong_cua: 5:00\n",
        "content/danh-ba/quan-a.yml:4: dong_cua: trong `7:00-5:00` giờ đóng cửa không sau giờ"
        " mở cửa — dùng giờ 24, ví dụ '17:00' chứ không phải '5:00'; nơi mở qua nửa đêm thì mở"
        " từ 12:00 trở đi, ví dụ '16:00-01:00'\n"
        "    (en) in `7:00-5:00` the closing time is not after the opening time"
        " — use the 24-hour clock, e.g. '17:00' not '5:00'; a place open past midnight opens"
        " at 12:00 or later, e.g. '16:00-01:00'",
    ),
    "range-closing-before-opening": (
        "quan-a.yml",
        "ten: Quán A\nloai: cho\ngio_mo_cua:\n  - ngay: T2\n    gio: 11:00-7:00\n",
        "content/danh-ba/quan-a.yml:5: gio_mo_cua.gio: trong `11:00-7:00` giờ đóng cửa không"
        " sau giờ mở cửa — dùng giờ 24, ví dụ '19:00' chứ không phải '7:00'; nơi mở qua nửa"
        " đêm thì mở từ 12:00 trở đi, ví dụ '16:00-01:00'\n"
        "    (en) in `11:00-7:00` the closing time is not after the opening time"
        " — use the 24-hour clock, e.g. '19:00' not '7:00'; a place open past midnight opens"
        " at 12:00 or later, e.g. '16:00-01:00'",
    ),
    "swapped-coordinates": (
        "quan-a.yml",
        "ten: Quán A\nloai: cho\ntoa_do: '105.6420, 19.9810'\n",
        "content/danh-ba/quan-a.yml:3: toa_do: tọa độ `105.6420, 19.9810` có vẻ bị đảo"
        " (kinh độ viết trước vĩ độ) — viết vĩ độ trước: '19.9810, 105.6420'\n"
        "    (en) the coordinates `105.6420, 19.9810` look swapped (longitude before latitude)"
        " — write the latitude first: '19.9810, 105.6420'",
    ),
    "coordinates-outside-viet-nam": (
        "quan-a.yml",
        "ten: Quán A\nloai: cho\ntoa_do: '48.8566, 2.3522'\n",
        "content/danh-ba/quan-a.yml:3: toa_do: tọa độ `48.8566, 2.3522` nằm ngoài Việt Nam"
        " — chép lại tọa độ từ bản đồ (nhấn giữ vào địa điểm để thấy 'vĩ độ, kinh độ')\n"
        "    (en) the coordinates `48.8566, 2.3522` are outside Viet Nam"
        " — copy the coordinates again from a map (long-press the place to see them)",
    ),
    "bad-day-text": (
        "quan-a.yml",
        "ten: Quán A\nloai: cho\ngio_mo_cua:\n  - ngay: cuối tuần\n    gio: 8:00-12:00\n",
        "content/danh-ba/quan-a.yml:4: gio_mo_cua.ngay: ngày `cuối tuần` không đúng dạng"
        " — viết T2…T7, CN, khoảng 'T2-T6', danh sách 'T2, T4' hoặc 'hằng ngày'\n"
        "    (en) `cuối tuần` is not a set of weekdays — write T2…T7 (Monday…Saturday),"
        " CN (Sunday), a range 'T2-T6', a list 'T2, T4' or 'hằng ngày' (every day)",
    ),
    "backwards-day-range-as-typed": (
        "quan-a.yml",
        "ten: Quán A\nloai: cho\ngio_mo_cua:\n  - ngay: T6-T2\n    gio: 8:00-12:00\n",
        "content/danh-ba/quan-a.yml:4: gio_mo_cua.ngay: khoảng ngày `T6-T2` bị ngược"
        " — viết ngày đầu tuần trước, ví dụ 'T2-T6'\n"
        "    (en) the range of days `T6-T2` is backwards"
        " — write the earlier day first, e.g. 'T2-T6'",
    ),
    "mo-cua-without-dong-cua": (
        "quan-a.yml",
        "ten: Quán A\nloai: cho\nmo_cua: 6:45\n",
        "content/danh-ba/quan-a.yml:3: mo_cua: `mo_cua` và `dong_cua` phải đi cùng nhau"
        " — thêm dòng còn thiếu, hoặc dùng `gio_mo_cua`\n"
        "    (en) `mo_cua` (opens) and `dong_cua` (closes) go together"
        " — add the missing one, or use `gio_mo_cua`",
    ),
    "dong-cua-without-mo-cua": (
        "quan-a.yml",
        "ten: Quán A\nloai: cho\ndong_cua: 21:00\n",
        "content/danh-ba/quan-a.yml:3: dong_cua: `mo_cua` và `dong_cua` phải đi cùng nhau"
        " — thêm dòng còn thiếu, hoặc dùng `gio_mo_cua`\n"
        "    (en) `mo_cua` (opens) and `dong_cua` (closes) go together"
        " — add the missing one, or use `gio_mo_cua`",
    ),
    "list-where-text-expected": (
        "quan-a.yml",
        "ten: Quán A\nloai: cho\nghi_chu:\n  - mở cửa sớm\n  - đóng cửa muộn\n",
        "content/danh-ba/quan-a.yml:4: ghi_chu: `ghi_chu` phải là một dòng chữ, nhưng lại là"
        " một danh sách — viết giá trị trên cùng dòng, sau dấu `: `\n"
        "    (en) `ghi_chu` must be text but is a list"
        " — write the value on the same line, after `: `",
    ),
    "bad-yes-no": (
        "quan-a.yml",
        "ten: Quán A\nloai: cho\ndu_lieu_mau: có lẽ\n",
        "content/danh-ba/quan-a.yml:3: du_lieu_mau: `có lẽ` không phải là có hoặc không"
        " — viết `có` hoặc `không`\n"
        "    (en) `có lẽ` is not yes or no — write `có` (yes) or `không` (no)",
    ),
    "duplicate-key-c08": (
        "quan-a.yml",
        "ten: Quán A\nloai: cho\ndien_thoai: '0900000008'\ndien_thoai: '0900000009'\n",
        "content/danh-ba/quan-a.yml:4: dien_thoai: khóa `dien_thoai` bị lặp lại"
        " (đã có ở dòng 3) — giữ lại một dòng `dien_thoai`"
        " (trường nào nhận nhiều giá trị thì viết thành danh sách)\n"
        "    (en) duplicate key `dien_thoai` (first given on line 3)"
        " — keep one `dien_thoai` line (a field that takes several values is written as a list)",
    ),
    "not-a-mapping": (
        "quan-a.yml",
        "- ten: Quán A\n  loai: cho\n",
        "content/danh-ba/quan-a.yml:1: tệp phải là các dòng `khóa: giá trị`, nhưng lại là một"
        " danh sách — xem tệp mẫu trong tài liệu và viết theo dạng `khóa: giá trị`\n"
        "    (en) the file must hold `key: value` lines but holds a list"
        " — follow the sample file in the docs, as `key: value` lines",
    ),
    "empty-file": (
        "quan-a.yml",
        "# chưa điền\n",
        "content/danh-ba/quan-a.yml:1: tệp trống — điền nội dung theo tệp mẫu hoặc xóa tệp\n"
        "    (en) the file is empty — fill it in from the sample file or delete it",
    ),
}


@pytest.mark.parametrize(
    ("file_name", "text", "message"), list(BAD_INPUT.values()), ids=list(BAD_INPUT)
)
def test_bad_input_is_reported(tmp_path: Path, file_name: str, text: str, message: str) -> None:
    directory, problems = load(tmp_path, {file_name: text})
    assert formatted(problems) == [message]
    assert [p.severity for p in problems] == ["error"]
    assert directory.entries == ()


def test_invalid_mo_cua_is_reported_once(tmp_path: Path) -> None:
    # `mo_cua` is present but wrong: only that is reported, not also "mo_cua and dong_cua go
    # together" on the valid `dong_cua`.
    text = "ten: Quán A\nloai: cho\nmo_cua: sáng\ndong_cua: 21:00\n"
    _, problems = load(tmp_path, {"quan-a.yml": text})
    assert formatted(problems) == [
        "content/danh-ba/quan-a.yml:3: mo_cua: giờ `sáng` không đúng dạng"
        " — viết giờ:phút, ví dụ '6:45' hoặc '21:00', trong dấu nháy\n"
        "    (en) `sáng` is not a time of day"
        " — write hours:minutes, e.g. '6:45' or '21:00', in quotes"
    ]


def test_several_mistakes_in_one_file_are_all_reported(tmp_path: Path) -> None:
    text = (
        "ten: Quán A\n"
        "loai: quan-an\n"
        "dien_thoai: '12345'\n"
        "toa_do: '105.6420, 19.9810'\n"
        "ghi_chuu: x\n"
    )
    _, problems = load(tmp_path, {"quan-a.yml": text})
    assert [(p.line, p.code, p.field) for p in problems] == [
        (2, "field.invalid", "loai"),
        (3, "field.invalid", "dien_thoai"),
        (4, "field.invalid", "toa_do"),
        (5, "field.unknown", "ghi_chuu"),
    ]


def test_one_call_reports_every_bad_file(tmp_path: Path) -> None:
    # quan-d.yml: '0300 000' has 7 digits, the wrong length for any Vietnamese number.
    services = {
        "cho-la-thon.yml": "ten: Chợ Là Thôn\nloai: cho\nmo_cua: 5:00\ndong_cua: 11:00\n",
        "quan-a.yml": "ten: Quán A\ndien_thoai: '0900000008'\ngio_mo_cua: '06:00'\n"
        "dien_thoai: '0900000009'\n",
        "quan-b.yml": "ten: Quán B\nloai: quan-an\n",
        "quan-c.yml": "ten: Quán C\nloai: cho\ndia_chi:\n\tthon: Là Thôn\n",
        "quan-d.yml": "ten: Quán D\nloai: cho\ndien_thoai: '0300 000'\nmo_cua: 6:00\n"
        "dong_cua: 25:00\n",
        "quan-e.yml": "ten: Quán E: ốc\nloai: cho\n",
        "tram-y-te.yml": FULL,
        "trong.yml": "",
    }
    directory, problems = load(tmp_path, services)
    assert [e.id for e in directory.entries] == ["cho-la-thon", "tram-y-te"]
    assert [(p.path, p.line, p.code, p.field) for p in problems] == [
        # The duplicate key keeps its first value: the file's other mistakes are listed too.
        ("content/danh-ba/quan-a.yml", 1, "field.missing", "loai"),
        ("content/danh-ba/quan-a.yml", 3, "field.not-list", "gio_mo_cua"),
        ("content/danh-ba/quan-a.yml", 4, "yaml.duplicate-key", "dien_thoai"),
        ("content/danh-ba/quan-b.yml", 2, "field.invalid", "loai"),
        ("content/danh-ba/quan-c.yml", 4, "yaml.tab", None),
        ("content/danh-ba/quan-d.yml", 3, "field.invalid", "dien_thoai"),
        ("content/danh-ba/quan-d.yml", 5, "field.invalid", "dong_cua"),
        ("content/danh-ba/quan-e.yml", 1, "yaml.unquoted-colon", "ten"),
        ("content/danh-ba/trong.yml", 1, "yaml.empty", None),
    ]


def test_two_files_with_the_same_id(tmp_path: Path) -> None:
    directory, problems = load(
        tmp_path, {"Chợ.yml": "ten: Chợ\nloai: cho\n", "cho.yml": "ten: Chợ mới\nloai: cho\n"}
    )
    assert [e.service.name for e in directory.entries] == ["Chợ"]
    assert formatted(problems) == [
        "content/danh-ba/cho.yml: mã `cho` trùng với content/danh-ba/Chợ.yml"
        " — đổi tên một trong hai tệp\n"
        "    (en) id `cho` is the same as content/danh-ba/Chợ.yml — rename one of the two files"
    ]


def test_missing_categories_file(tmp_path: Path) -> None:
    folder = tmp_path / "danh-ba"
    folder.mkdir()
    (folder / "cho.yml").write_text("ten: Chợ\nloai: cho\n", encoding="utf-8")
    _, problems = load_directory(tmp_path, "content")
    assert formatted(problems)[0] == (
        "content/categories.yml: không tìm thấy tệp — tạo tệp này theo mẫu trong tài liệu\n"
        "    (en) file not found — create this file from the sample in the docs"
    )
