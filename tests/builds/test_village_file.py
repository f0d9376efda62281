"""``village.yml``: every mistake in one run, each on its own line; a helper that can be reached.

A tester fixing the commune's file met one mistake per run (a missing picture hid a wrong
``ho_tro``; a ``.gif`` picture hid the missing ``anh_mo_ta``), a missing ``anh_mo_ta`` reported
on the line of ``ten``, and a "Cần giúp?" box for a helper without any number that still said
"Dữ liệu mẫu: số này là số giả" (issue 14, fresh tester).
"""

from __future__ import annotations

import io

from PIL import Image

from langso.guides import help_box_html
from langso.helpline import Help
from langso.phones import parse_phone
from tests.conftest import SiteFactory, build_site

VILLAGE = "content/village.yml"
BASE = "ten: 'Phú Mỹ'\nloai: 'làng'\nxa: 'xã Yên Định'\ntinh: 'tỉnh Thanh Hóa'\n"
GUIDE = "content/huong-dan/lam-thu.md"
GUIDE_TEXT = "# Làm thử\n\n## Các bước\n\n1. Mở ứng dụng.\n2. Bấm **Bắt đầu**.\n"

MISSING_PICTURE = (
    f"{VILLAGE}:5: anh: không thấy ảnh `anh/khong-co.webp` trong thư mục nội dung — chép ảnh "
    "(.jpg, .jpeg, .png, .webp) vào đúng chỗ đó, hoặc sửa `anh` thành đường dẫn của ảnh tính từ "
    "thư mục nội dung (ví dụ `anh/lang.webp`); không muốn có ảnh thì xóa dòng `anh`"
)
UNKNOWN_HELPER = (
    f"{VILLAGE}:7: ho_tro: không có dịch vụ `to-cong-nghe` trong danh bạ — viết tên tệp (không "
    "có `.yml`) của một dịch vụ trong danh bạ: `cho-phu-my`"
)
NO_ALT = (
    "anh: có `anh` nhưng thiếu `anh_mo_ta` — thêm dòng `anh_mo_ta:` tả ngắn điều ảnh cho thấy, "
    "ví dụ `anh_mo_ta: 'Đình làng giữa cánh đồng lúa'`"
)


def mistakes(text: str) -> list[str]:
    """The located messages about ``village.yml``, in the order the build logged them."""
    return [line for line in text.splitlines() if line.startswith(VILLAGE)]


def test_a_missing_picture_and_a_wrong_helper_show_in_one_run(make_site: SiteFactory) -> None:
    village = BASE + "anh: 'anh/khong-co.webp'\nanh_mo_ta: 'Đình'\nho_tro: 'to-cong-nghe'\n"
    result = build_site(make_site(files={VILLAGE: village}))
    assert not result.ok
    assert mistakes(result.text()) == [MISSING_PICTURE, UNKNOWN_HELPER]


def test_a_gif_picture_and_a_missing_description_show_in_one_run(make_site: SiteFactory) -> None:
    # Line 1 is a comment, so `ten` is on line 2 and `anh` on line 10, as the tester had it.
    village = "# Làng Phú Mỹ\n" + BASE + "\n\n\n\n" + "anh: 'anh/lang.gif'\n"
    result = build_site(make_site(files={VILLAGE: village}))
    assert not result.ok
    assert mistakes(result.text()) == [
        f"{VILLAGE}:10: anh: `anh/lang.gif` không phải ảnh .jpg, .jpeg, .png, .webp — dùng ảnh "
        ".jpg, .jpeg, .png, .webp",
        f"{VILLAGE}:10: {NO_ALT}",
    ]


def test_a_missing_description_points_at_the_picture_line(make_site: SiteFactory) -> None:
    village = "# Làng Phú Mỹ\n" + BASE + "ho_tro: 'cho-phu-my'\n\n\n\nanh: 'anh/lang.png'\n"
    root = make_site(files={VILLAGE: village})
    (root / "content/anh").mkdir()
    image = io.BytesIO()
    Image.new("RGB", (64, 32)).save(image, "PNG")
    (root / "content/anh/lang.png").write_bytes(image.getvalue())
    result = build_site(root)
    assert mistakes(result.text()) == [f"{VILLAGE}:10: {NO_ALT}"]


def test_a_wrong_commune_and_a_wrong_field_show_in_one_run(make_site: SiteFactory) -> None:
    village = BASE.replace("xã Yên Định", "xã Không Có") + "anh_la_tranh: 'chắc'\n"
    result = build_site(make_site(files={VILLAGE: village}))
    found = mistakes(result.text())
    assert [line.split(" ", 1)[0] for line in found] == [f"{VILLAGE}:3:", f"{VILLAGE}:5:"]
    assert found[0].startswith(f"{VILLAGE}:3: xa: không có `xã Không Có` trong tỉnh Thanh Hóa")
    assert found[1].startswith(f"{VILLAGE}:5: anh_la_tranh: `chắc` không phải là có hoặc không")


def test_a_helper_without_any_number_is_a_located_error(make_site: SiteFactory) -> None:
    service = "ten: 'Tổ công nghệ số'\nloai: 'cho'\ndu_lieu_mau: 'có'\n"
    root = make_site(
        files={
            VILLAGE: BASE + "ho_tro: 'to-cns'\n",
            "content/danh-ba/to-cns.yml": service,
            GUIDE: GUIDE_TEXT,
        }
    )
    result = build_site(root)
    assert not result.ok
    assert mistakes(result.text()) == [
        f"{VILLAGE}:5: ho_tro: dịch vụ `to-cns` (Tổ công nghệ số) không có số điện thoại hay "
        'Zalo nào, nên hộp "Cần giúp?" không gọi được ai — thêm `dien_thoai:` (hoặc `zalo:`) '
        "vào `danh-ba/to-cns.yml`, hoặc đổi `ho_tro` sang dịch vụ có số gọi được; không muốn có "
        "tổ hỗ trợ thì xóa dòng `ho_tro` (hướng dẫn sẽ dẫn tới danh bạ)"
    ]


def test_a_helper_on_zalo_only_gets_a_zalo_button(make_site: SiteFactory) -> None:
    service = "ten: 'Tổ công nghệ số'\nloai: 'cho'\nzalo: '0900 000 011'\ndu_lieu_mau: 'có'\n"
    root = make_site(
        files={
            VILLAGE: BASE + "ho_tro: 'to-cns'\n",
            "content/danh-ba/to-cns.yml": service,
            GUIDE: GUIDE_TEXT,
        }
    )
    result = build_site(root)
    assert result.ok, result.text()
    box = result.soup("huong-dan/lam-thu/index.html").select_one(".langso-help")
    assert box is not None
    assert [p.get_text(" ", strip=True) for p in box.find_all("p")] == [
        "Nhắn Zalo cho Tổ công nghệ số:",
        "Zalo 0900 000 011",
        "Dữ liệu mẫu: số này là số giả, chưa gọi được.",
        "Địa chỉ, giờ làm việc",
    ]
    button = box.select_one(".langso-help__call")
    assert button is not None and button["href"] == "https://zalo.me/0900000011"


def test_the_sample_line_is_never_shown_without_a_number() -> None:
    box = help_box_html(Help("Tổ", (), "danh-ba/to/", sample=True), "../to/")
    assert "Dữ liệu mẫu" not in box
    assert "<p>Hỏi Tổ.</p>" in box
    called = help_box_html(
        Help("Tổ", (parse_phone("0300 000 011"),), "danh-ba/to/", sample=True), "../to/"
    )
    assert "Dữ liệu mẫu: số này là số giả, chưa gọi được." in called
