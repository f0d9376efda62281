"""A new user's careless and hostile entries, built for real (issue 12): each mistake gets one
exact, located, Vietnamese-first message, no English leaks into the Vietnamese half, no false
follow-on error, and one run lists every mistake of a file."""

from __future__ import annotations

import pytest

from tests.conftest import SiteFactory, build_site

STOPPED = (
    "Làng số: {n} lỗi trong nội dung, xem các dòng ở trên — sửa rồi chạy lại."
    " / {n} error(s) in the content, listed above — fix them and run again."
)
SERVICE = "content/danh-ba/cho-phu-my.yml"
GOOD = "ten: 'Chợ Phú Mỹ'\nloai: 'cho'\ndu_lieu_mau: 'có'\n"


def messages(make_site: SiteFactory, files: dict[str, str | None]) -> list[str]:
    result = build_site(make_site(files=files), strict=False)
    assert not result.ok
    return result.messages


def test_too_long_icon_is_said_in_vietnamese_without_a_false_category_error(
    make_site: SiteFactory,
) -> None:
    # The service uses `cho`, whose entry is wrong: only the entry is reported, in words a
    # volunteer reads, with the limit and the field's example.
    categories = (
        "- id: 'y-te'\n  ten: 'Y tế'\n"
        "- id: 'cho'\n  ten: 'Chợ'\n  bieu_tuong: '<img src=x onerror=alert(25)>'\n"
    )
    found = messages(make_site, {"content/categories.yml": categories, SERVICE: GOOD})
    assert found == [
        "content/categories.yml:5: bieu_tuong: `bieu_tuong` dài quá 8 ký tự:"
        " `<img src=x onerror=alert(25)>` có 29 ký tự — rút gọn còn tối đa 8 ký tự"
        " (Một biểu tượng emoji, ví dụ `🏥`)\n"
        "    (en) `bieu_tuong` is longer than 8 characters: `<img src=x onerror=alert(25)>` has"
        " 29 — shorten it to at most 8 characters (One emoji)",
        STOPPED.format(n=1),
    ]


def test_coordinates_written_as_a_list_are_shown_as_the_line_to_write(
    make_site: SiteFactory,
) -> None:
    found = messages(make_site, {SERVICE: GOOD + "toa_do: [19.98, 105.64]\n"})
    assert found == [
        f"{SERVICE}:4: toa_do: `toa_do` phải là một dòng chữ, nhưng lại là một danh sách"
        " — viết thành một dòng trong dấu nháy, không có dấu `[ ]` hay `- `:"
        " `toa_do: '19.98, 105.64'`\n"
        "    (en) `toa_do` must be one line of text but is a list — write it as one line in"
        " quotes, without `[ ]` or `- `: `toa_do: '19.98, 105.64'`",
        STOPPED.format(n=1),
    ]


def test_a_group_where_a_time_belongs_is_one_message_not_missing_parts(
    make_site: SiteFactory,
) -> None:
    found = messages(make_site, {SERVICE: GOOD + "mo_cua: '6:00'\ndong_cua:\n  gio: '21:00'\n"})
    assert found == [
        f"{SERVICE}:6: dong_cua: `dong_cua` phải là một dòng chữ, nhưng lại là các dòng"
        " `khóa: giá trị` — viết giá trị trên cùng dòng, sau dấu `: `\n"
        "    (en) `dong_cua` must be text but is `key: value` lines — write the value on the same"
        " line, after `: `",
        STOPPED.format(n=1),
    ]


def test_a_duplicate_key_does_not_hide_the_files_other_mistakes(make_site: SiteFactory) -> None:
    text = GOOD + "ten: 'Chợ mới'\ntittle: 'Chợ'\nghichu: 'x'\n"
    found = messages(make_site, {SERVICE: text})
    assert [line.split("\n")[0] for line in found] == [
        f"{SERVICE}:4: ten: khóa `ten` bị lặp lại (đã có ở dòng 1) — giữ lại một dòng `ten`"
        " (trường nào nhận nhiều giá trị thì viết thành danh sách)",
        f"{SERVICE}:5: tittle: trường `tittle` không có trong mẫu — dùng một trong các trường:"
        " `ten`, `loai`, `mo_ta`, `dich_vu`, `dia_chi`, `toa_do`, `dien_thoai`, `so_dung_chung`,"
        " `zalo`, `website`, `gio_mo_cua`, `mua_he`, `mo_cua`, `dong_cua`, `ghi_chu_gio`,"
        " `thanh_toan`, `vietqr`, `ghi_chu`, `xac_minh`, `du_lieu_mau`",
        f"{SERVICE}:6: ghichu: trường `ghichu` không có trong mẫu (có phải ý bạn là `ghi_chu`?)"
        " — sửa thành `ghi_chu`",
        STOPPED.format(n=3),
    ]


VIETQR = "vietqr:\n  ngan_hang: '970405'\n  so_tai_khoan: '1234 5678 9012'\n"


@pytest.mark.parametrize(
    ("wrong", "first"),
    [
        (
            "gio_mo_cua:\n  - ngay: 'T9'\n    gio: '7:00-11:00'\n",
            f"{SERVICE}:6: gio_mo_cua.ngay: ngày `T9` không đúng dạng — viết T2…T7, CN, khoảng"
            " 'T2-T6', danh sách 'T2, T4' hoặc 'hằng ngày'",
        ),
        (
            "xac_minh:\n  ngay: '01/11/2026'\n  vai_tro: 'Bác Ba'\n",
            f"{SERVICE}:7: xac_minh.vai_tro: `Bác Ba` không phải một vai trò trong danh sách"
            " (không ghi tên người) — dùng một trong: 'Tổ công nghệ số cộng đồng', 'Trưởng thôn',"
            " 'Cán bộ xã', 'Chủ cơ sở', 'Tình nguyện viên'",
        ),
    ],
)
def test_a_field_mistake_does_not_hide_vietqr_without_thanh_toan(
    make_site: SiteFactory, wrong: str, first: str
) -> None:
    text = GOOD + "thanh_toan: 'tiền mặt'\n" + wrong + VIETQR
    found = messages(make_site, {SERVICE: text})
    assert [line.split("\n")[0] for line in found] == [
        f"{SERVICE}:4: thanh_toan: có `vietqr` nhưng `thanh_toan` không có VietQR"
        " — thêm 'VietQR' vào `thanh_toan`",
        first,
        STOPPED.format(n=2),
    ]


@pytest.mark.parametrize(
    ("typed", "names_vi", "names_en"),
    [
        ("'https://x.com\" onmouseover=\"alert(46)'", '`"`, dấu cách', '`"`, a space'),
        ("https://example.com/ a b", "dấu cách", "a space"),
        ("'https://example.com/<b>'", "`<`, `>`", "`<`, `>`"),
        ("https://example.com/100%", "`%`", "`%`"),
    ],
)
def test_website_with_characters_no_address_holds_is_refused(
    make_site: SiteFactory, typed: str, names_vi: str, names_en: str
) -> None:
    shown = typed.strip("'")
    found = messages(make_site, {SERVICE: GOOD + f"website: {typed}\n"})
    assert found == [
        f"{SERVICE}:4: website: địa chỉ trang web `{shown}` có ký tự không được có trong địa"
        f" chỉ: {names_vi} — xóa các ký tự đó, hoặc mã hóa chúng (dấu cách viết là %20); tốt"
        " nhất là chép lại địa chỉ từ thanh địa chỉ của trình duyệt\n"
        f"    (en) the web address `{shown}` holds characters no address may hold: {names_en}"
        " — remove them, or percent-encode them (a space is %20); best, copy the address again"
        " from the browser's address bar",
        STOPPED.format(n=1),
    ]


def test_website_with_vietnamese_letters_and_escapes_is_published(
    make_site: SiteFactory,
) -> None:
    root = make_site(files={SERVICE: GOOD + "website: 'https://xã.vn/trang-chủ?a=1&b=%20'\n"})
    result = build_site(root, strict=False)
    assert result.ok, result.text()
    links = result.soup("danh-ba/cho-phu-my/index.html").select("article a[href^='https://x']")
    assert [a["href"] for a in links] == ["https://x%C3%A3.vn/trang-ch%E1%BB%A7?a=1&b=%20"]


def test_a_category_mistake_is_not_repeated_as_a_broken_link(make_site: SiteFactory) -> None:
    """`langso check` goes on rendering to find every link problem: a category the file
    failed to give has no page, so its services do not link to it, and the one mistake is said
    once, at its line, not again as a link to a missing `cho/index.md`."""
    from tests.test_cli_check import langso

    categories = "- id: 'y-te'\n  ten: 'Y tế'\n- id: 'cho'\n  ten: ''\n"
    site = make_site(files={"content/categories.yml": categories, SERVICE: GOOD})
    result = langso(site, "check")
    assert result.returncode == 1
    assert "content/categories.yml:4: ten: `ten` để trống" in result.stdout
    assert "cho/index.md" not in result.stdout, result.stdout
