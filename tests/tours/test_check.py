"""Every mistake in the tours is listed in one run, located (repository-relative path, line,
field), Vietnamese then English, with the fix (``langso/tours``, issue 16)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import build_site
from tests.tours.sites import GOOD_TOUR, landmark, tours_site

SERVICE = (
    "ten: 'Quán nước'\nloai: 'cho'\ndien_thoai: '0300 000 002'\ntoa_do: '{toa_do}'\n"
    "xac_minh:\n  ngay: '01/11/2026'\n  vai_tro: 'Trưởng thôn'\ndu_lieu_mau: 'có'\n"
)

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
    # a control character does not hide the file's other mistakes
    "content/tuyen-tham-quan/dieu-khien-2.yml": (
        "ten: 'Hai lỗi'\ndiem_dung:\n  - trang: 'dia-diem/dinh-lang-phu-my.md'\n"
        "    loi_dan: 'Có \x0b ký tự lạ.'\n"
        "  - trang: 'dia-diem/chua-phu-my.md'\n"
        f"    loi_dan: '{'y' * 5003}'\n"
    ),
    # misspelt pages: the closest page when there is one, nothing unrelated (`cong-lang` is not
    # `khong-co`); stops that cannot be placed do not hide the next one being far from the last
    # placed stop
    # `qua`: each point a coordinate in Viet Nam, at most 50
    "content/tuyen-tham-quan/qua-sai.yml": (
        "ten: 'Qua sai'\ndiem_dung:\n"
        "  - trang: 'dia-diem/dinh-lang-phu-my.md'\n    loi_dan: 'Một.'\n"
        "  - trang: 'dia-diem/chua-phu-my.md'\n    loi_dan: 'Hai.'\n"
        "    qua:\n      - '19.9815, 105.6415'\n      - '105.6415, 19.9815'\n"
        "  - ten: 'Ba'\n    toa_do: '19.9822, 105.6431'\n    loi_dan: 'Ba.'\n"
        f"    qua: [{', '.join([repr('19.9825, 105.6425')] * 51)}]\n"
    ),
    # every point of the route is checked for distance, `qua` points too (one 100 km away)
    "content/tuyen-tham-quan/qua-xa.yml": (
        "ten: 'Qua xa'\ndiem_dung:\n"
        "  - trang: 'dia-diem/dinh-lang-phu-my.md'\n    loi_dan: 'Một.'\n"
        "  - trang: 'dia-diem/chua-phu-my.md'\n    loi_dan: 'Hai.'\n"
        "    qua:\n      - '19.9815, 105.6415'\n      - '19.5000, 106.5000'\n"
        "      - '19.9825, 105.6425'\n"
    ),
    "content/dia-diem/cong-lang.md": "# Cổng làng\n\nMột trang mẫu.\n",
    # pages that exist but are no place for a mistake of their own: said so, never "not in the
    # site"
    "content/dia-diem/cay-da.md": landmark("Cây đa", "19,9822 105,6431"),
    "content/danh-ba/quan-sai.yml": SERVICE.format(toa_do="19.9800 105.6400"),
    "content/danh-ba/quan-thieu.yml": SERVICE.format(toa_do="19.9800, 105.6400").replace(
        "loai: 'cho'\n", ""
    ),
    "content/tuyen-tham-quan/trang-loi.yml": (
        "ten: 'Trang lỗi'\ndiem_dung:\n"
        "  - trang: 'dia-diem/dinh-lang-phu-my.md'\n    loi_dan: 'Một.'\n"
        "  - trang: 'dia-diem/cay-da.md'\n    loi_dan: 'Hai.'\n"
        "  - trang: 'danh-ba/quan-sai.yml'\n    loi_dan: 'Ba.'\n"
        "  - trang: 'danh-ba/quan-thieu.yml'\n    loi_dan: 'Bốn.'\n"
    ),
    "content/tuyen-tham-quan/ten-sai.yml": (
        "ten: 'Tên sai'\ndiem_dung:\n"
        "  - trang: 'dia-diem/dinh-lang-phu-my.md'\n    loi_dan: 'Đúng.'\n"
        "  - trang: 'dia-diem/chua-phu-my.m'\n    loi_dan: 'Thiếu chữ d.'\n"
        "  - trang: 'dia-diem/Giếng-Cổ'\n    loi_dan: 'Không có đuôi.'\n"
        "  - trang: 'dia-diem/khong-co.md'\n    loi_dan: 'Không có trang nào gần.'\n"
        "  - ten: 'Xa'\n    toa_do: '20.4500, 105.6400'\n    loi_dan: 'Cách 52 km.'\n"
    ),
}


def test_every_mistake_in_one_run(tmp_path: Path) -> None:
    result = build_site(tours_site(tmp_path / "site", FILES))
    assert not result.ok
    said = [m.split("\n")[0] for m in result.messages if "tuyen-tham-quan/" in m]
    assert said == [
        "content/tuyen-tham-quan/dieu-khien-2.yml:4: có ký tự điều khiển vô hình U+000B (dấu"
        " xuống dòng mềm (tab dọc) mà Shift+Enter trong Word dán vào) ở cột 18 — xóa ký tự đó"
        " (đặt con trỏ ở cột 18, hoặc gõ lại cả dòng); muốn xuống dòng thì dùng phím Enter trong"
        " trình soạn thảo văn bản thường, không dán từ Word",
        "content/tuyen-tham-quan/dieu-khien-2.yml:6: diem_dung.loi_dan: lời dẫn dài 5003 ký tự,"
        " quá 400 ký tự — rút gọn còn dưới 400 ký tự; phần dài hãy viết vào trang của điểm đó",
        "content/tuyen-tham-quan/dieu-khien.yml:1: có ký tự điều khiển vô hình U+0007 (ký tự"
        " chuông BEL) ở cột 16 — xóa ký tự đó (đặt con trỏ ở cột 16, hoặc gõ lại cả dòng); muốn"
        " xuống dòng thì dùng phím Enter trong trình soạn thảo văn bản thường, không dán từ Word",
        "content/tuyen-tham-quan/dieu-khien.yml:2: diem_dung: tuyến chỉ có 0 điểm dừng; một tuyến"
        " tham quan cần ít nhất 2 điểm — thêm các điểm dừng dưới `diem_dung`, mỗi điểm một dòng"
        " `- trang: ...` hoặc `- ten: ...` với `toa_do: ...`",
        "content/tuyen-tham-quan/kieu.yml:1: ten: `ten` phải là một dòng chữ, nhưng lại là một"
        " danh sách — viết giá trị trên cùng dòng, sau dấu `: `",
        "content/tuyen-tham-quan/kieu.yml:3: diem_dung: `diem_dung` phải là một danh sách, nhưng"
        " lại là chữ `nhiều điểm` — viết mỗi mục trên một dòng bắt đầu bằng `- `",
        "content/tuyen-tham-quan/lap.yml:5: diem_dung.trang: điểm 2 (Đình làng Phú Mỹ) trùng với"
        " điểm ngay trước nó — xóa một trong hai điểm, hoặc gộp lời dẫn của chúng làm một",
        "content/tuyen-tham-quan/mot-diem.yml:3: diem_dung: tuyến chỉ có 1 điểm dừng; một tuyến"
        " tham quan cần ít nhất 2 điểm — thêm các điểm dừng dưới `diem_dung`, mỗi điểm một dòng"
        " `- trang: ...` hoặc `- ten: ...` với `toa_do: ...`",
        "content/tuyen-tham-quan/qua-sai.yml:9: diem_dung.qua: tọa độ `105.6415, 19.9815` có vẻ"
        " bị đảo (kinh độ viết trước vĩ độ) — viết vĩ độ trước: '19.9815, 105.6415'",
        "content/tuyen-tham-quan/qua-sai.yml:13: diem_dung.qua: `qua` có 51 điểm, quá 50 điểm —"
        " chỉ giữ các chỗ đường rẽ (tối đa 50 điểm)",
        "content/tuyen-tham-quan/qua-xa.yml:9: diem_dung.qua: điểm `qua` thứ 2 (`19.5000,"
        " 106.5000`) trên đường tới điểm 2 (Chùa Phú Mỹ & <b>Miếu</b>) cách điểm `qua` thứ 1"
        " 104,6 km, quá 5 km cho một tuyến đi bộ — kiểm tra lại tọa độ này (chép nhầm một chữ"
        " số?): mỗi điểm `qua` là một chỗ đường rẽ giữa hai điểm dừng, chép từ bản đồ",
        "content/tuyen-tham-quan/sai.yml:6: diem_dung.toa_do: điểm 2 (Hồ Gươm) cách điểm 1 (Đình"
        " làng Phú Mỹ) 118,6 km, quá 5 km cho một tuyến đi bộ — kiểm tra lại tọa độ của điểm này"
        " (chép nhầm một chữ số?) hoặc tách thành hai tuyến",
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
        "content/tuyen-tham-quan/ten-sai.yml:5: diem_dung.trang: điểm dừng dẫn tới"
        " `dia-diem/chua-phu-my.m`, nhưng trang này không có trong trang web (có phải ý bạn là"
        " `dia-diem/chua-phu-my.md`?) — sửa thành `trang: 'dia-diem/chua-phu-my.md'`",
        "content/tuyen-tham-quan/ten-sai.yml:7: diem_dung.trang: điểm dừng dẫn tới"
        " `dia-diem/Giếng-Cổ`, nhưng trang này không có trong trang web (có phải ý bạn là"
        " `dia-diem/gieng-co.md`?) — sửa thành `trang: 'dia-diem/gieng-co.md'`",
        "content/tuyen-tham-quan/ten-sai.yml:9: diem_dung.trang: điểm dừng dẫn tới"
        " `dia-diem/khong-co.md`, nhưng trang này không có trong trang web — viết đường dẫn một"
        " trang có tọa độ đang có, tính từ thư mục nội dung, ví dụ `dia-diem/dinh-lang-phu-my.md`,"
        " `dia-diem/chua-phu-my.md`; hoặc dùng `ten` và `toa_do` cho một điểm không có trang",
        "content/tuyen-tham-quan/ten-sai.yml:12: diem_dung.toa_do: điểm 5 (Xa) cách điểm 1 (Đình"
        " làng Phú Mỹ) 52,2 km, quá 5 km cho một tuyến đi bộ — kiểm tra lại tọa độ của điểm này"
        " (chép nhầm một chữ số?) hoặc tách thành hai tuyến",
        "content/tuyen-tham-quan/trang-loi.yml:5: diem_dung.trang: trang `dia-diem/cay-da.md` có"
        " `toa_do` viết sai nên chưa đặt được lên bản đồ tuyến — sửa lỗi ở"
        " `content/dia-diem/cay-da.md:3` trước (xem thông báo của trang đó)",
        "content/tuyen-tham-quan/trang-loi.yml:7: diem_dung.trang: trang `danh-ba/quan-sai.yml`"
        " có `toa_do` viết sai nên chưa đặt được lên bản đồ tuyến — sửa lỗi ở"
        " `content/danh-ba/quan-sai.yml:4` trước (xem thông báo của trang đó)",
        "content/tuyen-tham-quan/trang-loi.yml:9: diem_dung.trang: trang"
        " `danh-ba/quan-thieu.yml` có lỗi riêng nên chưa đặt được lên bản đồ tuyến — sửa lỗi"
        " của `content/danh-ba/quan-thieu.yml` trước (xem thông báo của trang đó)",
    ]
    far = next(m for m in result.messages if "Hồ Gươm" in m)
    assert far.split("\n")[1] == (
        "    (en) stop 2 (Hồ Gươm) is 118.6 km from stop 1 (Đình làng Phú Mỹ), more than 5 km for"
        " a walking tour — check this stop's coordinates (a mistyped digit?) or split the tour"
        " in two"
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


def test_coordinates_are_parsed_by_the_directorys_public_parser() -> None:
    """One ``toa_do`` parser for services, pages and tours: the tours import no private name."""
    import ast
    import typing

    from langso.directory import fields, model
    from langso.tours import loading

    tree = ast.parse(Path(loading.__file__).read_text(encoding="utf-8"))
    private = [
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.name.startswith("_")
    ]
    assert private == []
    assert "parse_coordinates" in fields.__all__

    def parser(annotation: object) -> object:
        (validator,) = [m for m in typing.get_args(annotation)[1:] if hasattr(m, "func")]
        return validator.func

    assert parser(loading.Location) is fields.parse_coordinates
    service = model.Service.model_fields["location"].annotation
    assert parser(typing.get_args(service)[0]) is fields.parse_coordinates
