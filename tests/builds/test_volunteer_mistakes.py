"""Volunteers' mistakes, built for real: the exact message, or the exact value published.

Each case of ``shared/cases`` (C-05 to C-09) is kept here with the value it must produce.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.conftest import SiteFactory, build_site

SERVICE = "content/danh-ba/quan-a.yml"
STOPPED = (
    "Làng số: {n} lỗi trong nội dung, xem các dòng ở trên — sửa rồi chạy lại."
    " / {n} error(s) in the content, listed above — fix them and run again."
)


def service_page(make_site: SiteFactory, yaml_text: str) -> str:
    root = make_site(files={SERVICE: yaml_text})
    result = build_site(root)
    assert result.ok, result.text()
    assert result.messages == []
    article = result.soup("danh-ba/quan-a/index.html").select_one("article")
    assert article is not None
    return str(article)


def test_c05_unquoted_phone_is_published_as_typed(make_site: SiteFactory) -> None:
    # 0300 000 … is the sample range, allowed only in entries marked as sample data.
    service = "ten: Quán A\nloai: cho\ndien_thoai: 0300000001\ndu_lieu_mau: có\n"
    html = service_page(make_site, service)
    # The same number, grouped the Vietnamese way; never the integer YAML 1.1 makes of it.
    assert '<a href="tel:+84300000001">0300 000 001</a>' in html
    assert "50331649" not in html


def test_c06_unquoted_hours_are_published_as_typed(make_site: SiteFactory) -> None:
    html = service_page(make_site, "ten: Quán A\nloai: cho\nmo_cua: 6:45\ndong_cua: 21:00\n")
    assert (
        '<span class="langso-fact__label">Hằng ngày</span>'
        ' <span class="langso-fact__value">6:45 – 21:00</span>'
    ) in html
    cells = BeautifulSoup(html, "html.parser").select(".langso-fact__value")
    assert not any(cell.get_text() in ("405", "1260") for cell in cells)


def test_c07_no_stays_a_word_and_yes_no_fields_accept_vietnamese(make_site: SiteFactory) -> None:
    html = service_page(make_site, "ten: Quán A\nloai: cho\nghi_chu: No\ndu_lieu_mau: không\n")
    assert "<p>No</p>" in html
    assert "False" not in html and "True" not in html
    assert "Dữ liệu mẫu" not in html
    sample = service_page(make_site, "ten: Quán A\nloai: cho\ndu_lieu_mau: có\n")
    assert "Dữ liệu mẫu" in sample


def test_c08_duplicate_key_stops_the_build_naming_key_and_line(make_site: SiteFactory) -> None:
    root = make_site(
        files={
            SERVICE: "ten: Quán A\nloai: cho\ndien_thoai: '0900000008'\ndien_thoai: '0900000009'\n"
        }
    )
    result = build_site(root, strict=False)
    assert not result.ok
    assert result.messages[0] == (
        "content/danh-ba/quan-a.yml:4: dien_thoai: khóa `dien_thoai` bị lặp lại (đã có ở dòng 3)"
        " — giữ lại một dòng `dien_thoai` (trường nào nhận nhiều giá trị thì viết thành danh"
        " sách)\n"
        "    (en) duplicate key `dien_thoai` (first given on line 3) — keep one `dien_thoai` line"
        " (a field that takes several values is written as a list)"
    )
    assert result.messages[-1] == STOPPED.format(n=1)
    assert not (root / "site" / "danh-ba" / "quan-a").exists()


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        (
            "title: Đình làng: lịch sử và lễ hội",
            "content/dia-diem/dinh-lang-phu-my.md:2: title: giá trị có dấu `: ` nhưng không nằm"
            ' trong dấu nháy — đặt cả giá trị trong dấu nháy kép: title: "Đình làng: lịch sử và'
            ' lễ hội"\n'
            "    (en) the value contains `: ` but is not quoted — put the whole value in double"
            ' quotes: title: "Đình làng: lịch sử và lễ hội"',
        ),
        (
            "title: Lễ hội #1 mùa xuân",
            "content/dia-diem/dinh-lang-phu-my.md:2: title: phần sau dấu ` #` bị coi là chú thích"
            " và bị bỏ mất: `#1 mùa xuân` — nếu đó là nội dung, đặt cả giá trị trong dấu nháy"
            ' kép: title: "Lễ hội #1 mùa xuân"; nếu là chú thích, chuyển nó lên một dòng riêng\n'
            "    (en) everything after ` #` is read as a comment and lost: `#1 mùa xuân` — if it"
            ' is content, put the whole value in double quotes: title: "Lễ hội #1 mùa xuân"; if'
            " it is a comment, move it to a line of its own",
        ),
    ],
)
def test_c09_broken_front_matter_is_reported_never_published(
    make_site: SiteFactory, front_matter: str, expected: str
) -> None:
    page = f"---\n{front_matter}\n---\n\n# Đình làng Phú Mỹ\n\nNội dung.\n"
    root = make_site(files={"content/dia-diem/dinh-lang-phu-my.md": page})
    result = build_site(root, strict=False)
    assert not result.ok
    assert result.messages == [expected, STOPPED.format(n=1)]


def test_valid_front_matter_keeps_text_as_typed(make_site: SiteFactory) -> None:
    page = '---\ntitle: "Lễ hội #1: mùa xuân"\n---\n\nNội dung.\n\n## Nguồn\n'
    root = make_site(files={"content/dia-diem/dinh-lang-phu-my.md": page})
    result = build_site(root)
    assert result.ok, result.text()
    html = result.read("dia-diem/dinh-lang-phu-my/index.html")
    assert "<title>Lễ hội #1: mùa xuân - Làng Phú Mỹ (thử)</title>" in html
    assert "title:" not in result.soup("dia-diem/dinh-lang-phu-my/index.html").get_text()


def test_one_run_lists_every_problem_in_every_file(make_site: SiteFactory) -> None:
    root = make_site(
        files={
            SERVICE: "ten: Quán A\nloai: cho\ndien_thaoi: '0300 000 002'\n",
            "content/danh-ba/quan-b.yml": "loai: an-uong\nmo_cua: '25:00'\ndong_cua: '21:00'\n",
            "content/danh-ba/quan-c.yml": "ten: Quán C\nloai: cho\n\tghi_chu: x\n",
            "content/dia-diem/dinh-lang-phu-my.md": "---\ntitle: A: B\n---\n# A\n",
            "content/plaques.yml": "- id: 'dinh'\n  ten: 'Đình'\n  trang: 'dia-diem/khong-co.md'\n",
        }
    )
    result = build_site(root, strict=False)
    assert not result.ok
    firsts = [m.split("\n")[0] for m in result.messages[:-1]]
    assert firsts == [
        "content/dia-diem/dinh-lang-phu-my.md:2: title: giá trị có dấu `: ` nhưng không nằm"
        ' trong dấu nháy — đặt cả giá trị trong dấu nháy kép: title: "A: B"',
        "content/danh-ba/quan-a.yml:3: dien_thaoi: trường `dien_thaoi` không có trong mẫu"
        " (có phải ý bạn là `dien_thoai`?) — sửa thành `dien_thoai`",
        "content/danh-ba/quan-b.yml:1: ten: thiếu trường bắt buộc `ten` — thêm dòng `ten: ...`",
        "content/danh-ba/quan-b.yml:1: loai: loại `an-uong` không có trong categories.yml — dùng"
        " một trong: `cho`, `y-te`, hoặc thêm loại mới vào categories.yml",
        "content/danh-ba/quan-b.yml:2: mo_cua: giờ `25:00` không đúng dạng — viết giờ:phút, ví dụ"
        " '6:45' hoặc '21:00', trong dấu nháy",
        "content/danh-ba/quan-c.yml:3: dòng thụt lề bằng phím Tab — YAML chỉ cho phép thụt lề"
        " bằng dấu cách: thay mỗi Tab bằng 2 dấu cách",
        "content/plaques.yml:3: trang: biển `dinh` dẫn tới `dia-diem/khong-co.md`, nhưng trang"
        " này không có trong trang web — sửa `trang` thành đường dẫn một trang đang có (ví dụ"
        " `dia-diem/ten-trang.md`); biển đã in không được để hỏng",
    ]
    assert result.messages[-1] == STOPPED.format(n=7)


def test_missing_site_url_stops_the_build(make_site: SiteFactory) -> None:
    root = make_site(config={"site_url": None})
    result = build_site(root, strict=False)
    assert not result.ok
    assert result.messages == [
        "mkdocs.yml: site_url: thiếu hoặc không phải địa chỉ http(s) đầy đủ — mã QR trên biển cần"
        " địa chỉ tuyệt đối; thêm ví dụ `site_url: https://ten.github.io/kho/`. / site_url is"
        " missing or not an absolute http(s) URL — QR codes need it; add e.g."
        " `site_url: https://name.github.io/repo/`."
    ]


def test_plaque_symbol_above_maximum_version_stops_the_build(make_site: SiteFactory) -> None:
    root = make_site(
        config={
            "plugins": [
                "langso/content",
                "langso/directory",
                {"langso/plaques": {"max_version": 2}},
            ]
        }
    )
    result = build_site(root, strict=False)
    assert not result.ok
    assert result.messages[0].split("\n")[0] == (
        "content/plaques.yml:1: id: mã QR của biển `dinh` cần phiên bản 4, vượt mức tối đa 2 —"
        " rút ngắn `site_url` hoặc mã biển, hoặc tăng `max_version` nếu biển in đủ lớn"
    )


def test_generated_page_never_overwrites_a_written_page(make_site: SiteFactory) -> None:
    root = make_site(files={"content/danh-ba/cho-phu-my.md": "# Viết tay\n"})
    result = build_site(root, strict=False)
    assert not result.ok
    assert result.messages[0].split("\n")[0] == (
        "content/danh-ba/cho-phu-my.yml: trang `content/danh-ba/cho-phu-my.md` do người viết tạo"
        " đã có, trùng với trang sinh từ tệp này — đổi tên tệp YAML hoặc trang Markdown"
    )


LANDMARK = "content/dia-diem/dinh-lang-phu-my.md"


@pytest.mark.parametrize(
    ("page", "line"),
    [
        ('\n---\ntitle: "Đình"\n---\n\n# Đình\n', 2),  # a blank line above the block
        ('—\ntitle: "Đình"\n—\n\n# Đình\n', 1),  # a word processor's dash instead of ---
    ],
)
def test_misplaced_front_matter_is_reported_never_printed(
    make_site: SiteFactory, page: str, line: int
) -> None:
    result = build_site(make_site(files={LANDMARK: page}), strict=False)
    assert not result.ok
    assert result.messages[0].split("\n")[0] == (
        f"{LANDMARK}:{line}: phần đầu trang không nằm ngay dòng đầu tiên hoặc không mở bằng đúng"
        " ba dấu `---`, nên sẽ bị in ra trang như chữ thường — xóa các dòng trống phía trên và"
        " gõ lại dòng mở, dòng đóng là `---` (ba dấu trừ; trình soạn thảo có thể đã đổi chúng"
        " thành dấu gạch dài)"
    )


def test_misspelt_front_matter_key_and_missing_title_are_warned(make_site: SiteFactory) -> None:
    page = '---\ntittle: "Đình"\n---\n\nNội dung không có tiêu đề.\n\n## Nguồn\n'
    result = build_site(make_site(files={LANDMARK: page}), strict=False)
    assert result.ok
    assert [m.split("\n")[0] for m in result.messages] == [
        f"{LANDMARK}:2: tittle: khóa `tittle` không được dùng (có phải ý bạn là `title`?)"
        " — sửa thành `title`",
        f"{LANDMARK}:4: trang không có tiêu đề; tên tệp sẽ được dùng, mất dấu tiếng Việt — thêm"
        ' dòng `# Tiêu đề` ở đầu nội dung, hoặc `title: "Tiêu đề"` ở phần đầu trang',
    ]


def test_tab_after_a_colon_in_front_matter_builds(make_site: SiteFactory) -> None:
    result = build_site(
        make_site(files={LANDMARK: "---\ntitle:\tĐình\n---\n\n# Đình\n\n## Nguồn\n"})
    )
    assert result.ok, result.text()
    assert "<title>Đình - Làng Phú Mỹ (thử)</title>" in result.read(
        "dia-diem/dinh-lang-phu-my/index.html"
    )


def test_missing_categories_file_is_a_message_not_a_traceback(make_site: SiteFactory) -> None:
    result = build_site(make_site(files={"content/categories.yml": None}), strict=False)
    assert not result.ok
    assert result.messages[0].split("\n")[0] == (
        "content/categories.yml: không tìm thấy tệp — tạo tệp này theo mẫu trong tài liệu"
    )


def test_invalid_service_is_not_blamed_on_its_plaque(make_site: SiteFactory) -> None:
    bad = "ten: 'Chợ Phú Mỹ'\nloai: 'cho'\nngày: 'x'\n"
    result = build_site(make_site(files={"content/danh-ba/cho-phu-my.yml": bad}), strict=False)
    assert not result.ok
    errors = [m.split("\n")[0] for m in result.messages[:-1]]
    assert errors == [
        "content/danh-ba/cho-phu-my.yml:3: ngày: trường `ngày` không có trong mẫu — dùng một"
        " trong các trường: `ten`, `loai`, `mo_ta`, `dich_vu`, `dia_chi`, `toa_do`,"
        " `dien_thoai`, `so_dung_chung`, `zalo`, `website`, `gio_mo_cua`, `mua_he`, `mo_cua`,"
        " `dong_cua`,"
        " `ghi_chu_gio`, `thanh_toan`, `vietqr`, `ghi_chu`, `xac_minh`, `du_lieu_mau`"
    ]


def test_plaque_target_with_the_content_folder_gets_a_precise_fix(make_site: SiteFactory) -> None:
    registry = "- id: 'dinh'\n  ten: 'Đình'\n  trang: 'content/dia-diem/dinh-lang-phu-my.md'\n"
    result = build_site(make_site(files={"content/plaques.yml": registry}), strict=False)
    assert not result.ok
    assert result.messages[0].split("\n")[0] == (
        "content/plaques.yml:3: trang: `trang` không được bắt đầu bằng `content/`: đường dẫn tính"
        " từ bên trong thư mục nội dung — viết `dia-diem/dinh-lang-phu-my.md`"
    )


def test_several_phones_on_one_line_are_told_to_make_a_list(make_site: SiteFactory) -> None:
    service = "ten: Quán A\nloai: cho\ndien_thoai: '0912 345 678, 0987 654 321'\n"
    result = build_site(make_site(files={SERVICE: service}), strict=False)
    assert result.messages[0].split("\n")[0] == (
        "content/danh-ba/quan-a.yml:3: dien_thoai: `0912 345 678, 0987 654 321` có vẻ là nhiều số"
        " điện thoại viết chung một dòng — viết thành danh sách, mỗi số một dòng bắt đầu bằng"
        " `- `, trong dấu nháy"
    )


def test_backup_files_are_not_published(make_site: SiteFactory) -> None:
    root = make_site(files={"content/danh-ba/cho-phu-my.yml.bak": "x", "content/ghi-chu.md~": "x"})
    result = build_site(root)
    assert result.ok, result.text()
    assert not (result.site_dir / "danh-ba" / "cho-phu-my.yml.bak").exists()
    assert not (result.site_dir / "ghi-chu.md~").exists()


def test_line_breaks_of_a_note_are_kept(make_site: SiteFactory) -> None:
    service = "ten: Quán A\nloai: cho\nghi_chu: |\n  Dòng một.\n  Dòng hai.\n\n  Đoạn mới.\n"
    html = service_page(make_site, service)
    assert "<p>Dòng một.<br/>\nDòng hai.</p>\n<p>Đoạn mới.</p>" in html


def test_landmark_page_without_sources_is_warned(make_site: SiteFactory) -> None:
    result = build_site(
        make_site(files={LANDMARK: "# Đình làng Phú Mỹ\n\nXây năm nào?\n"}), strict=False
    )
    assert result.ok
    assert result.messages == [
        f"{LANDMARK}: trang nói về lịch sử, địa điểm nhưng không có mục `## Nguồn` — thêm cuối"
        " trang mục `## Nguồn` liệt kê các bài báo, tài liệu đã dùng (kèm liên kết)\n"
        "    (en) the page states history or facts but has no `## Nguồn` (sources) section — add a"
        " `## Nguồn` section at the end listing the articles and documents used, with links"
    ]
    with_sources = "# Đình làng Phú Mỹ\n\n## Nguồn\n\n- [Bài báo](https://example.vn/)\n"
    assert build_site(make_site(files={LANDMARK: with_sources})).messages == []
