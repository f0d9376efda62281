"""Every mistake in the tours is listed in one run, located (repository-relative path, line,
field), Vietnamese then English, with the fix (``langso/tours``, issue 16)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import build_site
from tests.tours.sites import GOOD_TOUR, tours_site

BAD = (
    "ten: 'Tuyến sai'\n"
    "diem_dung:\n"
    "  - trang: 'dia-diem/dinh-lang-phu-my.md'\n"
    "    loi_dan: 'Bắt đầu.'\n"
    "  - ten: 'Hồ Gươm'\n"
    "    toa_do: '21.0285, 105.8542'\n"  # 118.6 km away
    "    loi_dan: 'Xa quá.'\n"
    "  - trang: 'dia-diem/dinh-lang-phu-mi.md'\n"
    "    loi_dan: 'Sai tên trang.'\n"
    "  - trang: 'dia-diem/gieng-co.md'\n"
    "    loi_dan: 'Không có tọa độ.'\n"
    "  - trang: 'dia-diem/chua-phu-my.md'\n"
    "  - ten: 'Dài'\n"
    "    toa_do: '19.9822, 105.6431'\n"
    f"    loi_dan: '{'x' * 401}'\n"
    "  - trang: 'dia-diem/chua-phu-my.md'\n"
    "    toa_do: '19.9822, 105.6431'\n"
    "    loi_dan: 'Cả hai.'\n"
    "  - ten: 'Thiếu tọa độ'\n"
    "    loi_dan: 'Không có gì.'\n"
)

FILES: dict[str, str | None] = {
    "content/tuyen-tham-quan/vong-lang.yml": GOOD_TOUR,
    "content/tuyen-tham-quan/sai.yml": BAD,
    "content/tuyen-tham-quan/mot-diem.yml": (
        "ten: 'Một điểm'\ndiem_dung:\n  - trang: 'dia-diem/dinh-lang-phu-my.md'\n"
        "    loi_dan: 'Chỉ một.'\n"
    ),
    "content/tuyen-tham-quan/lap.yml": (
        "ten: 'Lặp'\ndiem_dung:\n  - trang: 'dia-diem/dinh-lang-phu-my.md'\n    loi_dan: 'Một.'\n"
        "  - trang: 'dia-diem/dinh-lang-phu-my.md'\n    loi_dan: 'Hai.'\n"
    ),
    "content/tuyen-tham-quan/kieu.yml": "ten: [a, b]\nmo_ta: 'ok'\ndiem_dung: 'nhiều điểm'\n",
    "content/tuyen-tham-quan/dieu-khien.yml": "ten: 'Có ký tự \x07 lạ'\ndiem_dung: []\n",
}


def test_every_mistake_in_one_run(tmp_path: Path) -> None:
    result = build_site(tours_site(tmp_path / "site", FILES))
    assert not result.ok
    said = [m.split("\n")[0] for m in result.messages if "tuyen-tham-quan/" in m]
    assert said == [
        "content/tuyen-tham-quan/dieu-khien.yml:1: có ký tự điều khiển vô hình U+0007 (ký tự"
        " chuông BEL) ở cột 16 — xóa ký tự đó (đặt con trỏ ở cột 16, hoặc gõ lại cả dòng); muốn"
        " xuống dòng thì dùng phím Enter trong trình soạn thảo văn bản thường, không dán từ Word",
        "content/tuyen-tham-quan/kieu.yml:1: ten: `ten` phải là một dòng chữ, nhưng lại là một"
        " danh sách — viết giá trị trên cùng dòng, sau dấu `: `",
        "content/tuyen-tham-quan/kieu.yml:3: diem_dung: `diem_dung` phải là một danh sách, nhưng"
        " lại là chữ `nhiều điểm` — viết mỗi mục trên một dòng bắt đầu bằng `- `",
        "content/tuyen-tham-quan/lap.yml:5: diem_dung.trang: điểm 2 (Đình làng Phú Mỹ) trùng với"
        " điểm ngay trước nó — xóa một trong hai điểm, hoặc gộp lời dẫn của chúng làm một",
        "content/tuyen-tham-quan/mot-diem.yml:3: diem_dung: tuyến chỉ có 1 điểm dừng; một tuyến"
        " tham quan cần ít nhất 2 điểm — thêm các điểm dừng dưới `diem_dung`, mỗi điểm một dòng"
        " `- trang: ...` hoặc `- ten: ...` với `toa_do: ...`",
        "content/tuyen-tham-quan/sai.yml:6: diem_dung.toa_do: điểm 2 (Hồ Gươm) cách điểm trước"
        " 118,6 km, quá 5 km cho một tuyến đi bộ — kiểm tra lại tọa độ của điểm này (chép nhầm"
        " một chữ số?) hoặc tách thành hai tuyến",
        "content/tuyen-tham-quan/sai.yml:8: diem_dung.trang: điểm dừng dẫn tới"
        " `dia-diem/dinh-lang-phu-mi.md`, nhưng trang này không có trong trang web (có phải ý"
        " bạn là `dia-diem/dinh-lang-phu-my.md`?) — sửa thành"
        " `trang: 'dia-diem/dinh-lang-phu-my.md'`",
        "content/tuyen-tham-quan/sai.yml:10: diem_dung.trang: trang `dia-diem/gieng-co.md` chưa"
        " có tọa độ nên không đặt được lên bản đồ tuyến — thêm dòng `toa_do: 'vĩ độ, kinh độ'`"
        " vào phần đầu trang `content/dia-diem/gieng-co.md` (chép từ bản đồ, ví dụ"
        " '19.9814, 105.6424')",
        "content/tuyen-tham-quan/sai.yml:12: diem_dung.loi_dan: thiếu trường bắt buộc"
        " `diem_dung.loi_dan` — thêm dòng `loi_dan: ...` vào mục bắt đầu ở dòng 12",
        "content/tuyen-tham-quan/sai.yml:15: diem_dung.loi_dan: lời dẫn dài 401 ký tự, quá 400"
        " ký tự — rút gọn còn dưới 400 ký tự; phần dài hãy viết vào trang của điểm đó",
        "content/tuyen-tham-quan/sai.yml:17: diem_dung.toa_do: điểm dừng có cả `trang` và"
        " `toa_do` — xóa dòng `toa_do`: tọa độ lấy từ trang (sửa ở phần đầu trang đó)",
        "content/tuyen-tham-quan/sai.yml:19: diem_dung.toa_do: điểm dừng cần `trang`, hoặc cả"
        " `ten` và `toa_do` — thêm `trang: 'dia-diem/ten-trang.md'` (một trang có tọa độ), hoặc"
        " thêm `toa_do: ...` cho một điểm tự do",
    ]
    far = next(m for m in result.messages if "Hồ Gươm" in m)
    assert far.split("\n")[1] == (
        "    (en) stop 2 (Hồ Gươm) is 118.6 km from the previous one, more than 5 km for a walking"
        " tour — check this stop's coordinates (a mistyped digit?) or split the tour in two"
    )
    # the valid tour is not reported and the files are not published
    assert not any("vong-lang" in m for m in result.messages)


def test_a_hand_written_file_at_a_generated_path_is_reported(tmp_path: Path) -> None:
    files = {
        "content/tuyen-tham-quan/vong-lang.yml": GOOD_TOUR,
        "content/tuyen-tham-quan/vong-lang.md": "# Vòng làng\n\nViết tay.\n",
    }
    result = build_site(tours_site(tmp_path / "site", files))
    assert not result.ok
    said = [m.split("\n")[0] for m in result.messages if "tuyen-tham-quan/" in m]
    assert said == [
        "content/tuyen-tham-quan/vong-lang.md: tệp này chiếm địa chỉ"
        " `content/tuyen-tham-quan/vong-lang.md`, nơi tuyến tham quan tự sinh trang hoặc tệp của"
        " tuyến — xóa hoặc đổi tên tệp này: trang `tuyen-tham-quan/index.md`, trang từng tuyến,"
        " tờ in, tệp `.gpx` và `tuyen.geojson` được tạo tự động từ các tệp `.yml` của tuyến"
    ]


def test_a_hand_written_index_wins(tmp_path: Path) -> None:
    files = {
        "content/tuyen-tham-quan/vong-lang.yml": GOOD_TOUR,
        "content/tuyen-tham-quan/index.md": "# Các tuyến của làng\n\nViết tay.\n",
    }
    result = build_site(tours_site(tmp_path / "site", files))
    assert result.ok, result.text()
    assert "Viết tay." in result.read("tuyen-tham-quan/index.html")
    assert not (result.site_dir / "tuyen-tham-quan" / "vong-lang.yml").exists()
    assert (result.site_dir / "tuyen-tham-quan" / "vong-lang" / "index.html").is_file()
