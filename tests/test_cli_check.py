"""``langso check`` through the real entry point: exact lines, exit codes, both languages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import SiteFactory

NAV = [
    "index.md",
    {"Địa điểm": ["dia-diem/dinh-lang-phu-my.md"]},
    "danh-ba/index.md",
    "bien-qr/index.md",
]


def vietnamese(stdout: str) -> list[str]:
    """The lines of ``langso check``'s output without the English line under each finding
    (exact in test_a_missing_configuration_is_a_clear_message and
    test_starter_text_left_from_langso_new_is_a_warning_that_does_not_block; present for every
    message kind in tests/test_cli_every_message.py)."""
    return [line for line in stdout.splitlines() if not line.startswith("    (en) ")]


def langso(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "langso.cli", *args],
        cwd=root,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=120,
        check=False,
    )


def test_a_clean_site_passes(make_site: SiteFactory) -> None:
    result = langso(make_site(), "check")
    assert result.stdout == (
        "Đã kiểm tra 2 trang, 1 mục danh bạ, 2 biển. / Checked 2 pages, 1 directory entry, 2 "
        "plaques.\nCó thể xuất bản / Ready to publish\n"
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


CONTENT_MISTAKES = {
    "content/danh-ba/quan-a.yml": "ten: 'Quán A'\nloai: 'cho'\ndien_thoai: '0300 000 002'\n"
    "dien_thoai: '0300 000 003'\ndu_lieu_mau: 'có'\n",
    "content/danh-ba/quan-b.yml": "ten: 'Quán B'\nloai: 'cho'\nmau_sac: 'đỏ'\ndu_lieu_mau: 'có'\n",
    "content/dia-diem/dinh-moi.md": "---\ntitle: Đình làng: lịch sử\n---\n\n# Đình\n\n"
    "## Nguồn\n\n- Sách\n",
    "content/plaques.yml": "- id: 'dinh'\n  ten: 'Đình làng Phú Mỹ'\n"
    "  trang: 'dia-diem/khong-co.md'\n",
}
FIELDS = (
    "`ten`, `loai`, `mo_ta`, `dich_vu`, `dia_chi`, `toa_do`, `dien_thoai`, `so_dung_chung`, "
    "`zalo`, `website`, `gio_mo_cua`, `mua_he`, `mo_cua`, `dong_cua`, `ghi_chu_gio`, "
    "`thanh_toan`, `vietqr`, `ghi_chu`, `xac_minh`, `du_lieu_mau`"
)


def test_content_mistakes_are_listed_by_file(make_site: SiteFactory) -> None:
    result = langso(make_site(files=CONTENT_MISTAKES), "check")
    assert vietnamese(result.stdout) == [
        "content/danh-ba/quan-a.yml:4: dien_thoai: khóa `dien_thoai` bị lặp lại (đã có ở dòng 3)"
        " — giữ lại một dòng `dien_thoai` (trường nào nhận nhiều giá trị thì viết thành danh"
        " sách)",
        "",
        "content/danh-ba/quan-b.yml:3: mau_sac: trường `mau_sac` không có trong mẫu — dùng một"
        f" trong các trường: {FIELDS}",
        "",
        "content/dia-diem/dinh-moi.md:2: title: giá trị có dấu `: ` nhưng không nằm trong dấu"
        ' nháy — đặt cả giá trị trong dấu nháy kép: title: "Đình làng: lịch sử"',
        "",
        "content/plaques.yml:3: trang: biển `dinh` dẫn tới `dia-diem/khong-co.md`, nhưng trang"
        " này không có trong trang web — sửa `trang` thành đường dẫn một trang đang có (ví dụ"
        " `dia-diem/ten-trang.md`); biển đã in không được để hỏng",
        "",
        "Đã kiểm tra 3 trang, 3 mục danh bạ, 1 biển. / "
        "Checked 3 pages, 3 directory entries, 1 plaque.",
        "Chưa thể xuất bản: 4 lỗi phải sửa trong 4 tệp / Cannot publish yet: 4 problems to fix",
    ]
    assert result.returncode == 1


def test_content_mistakes_in_english(make_site: SiteFactory) -> None:
    result = langso(make_site(files=CONTENT_MISTAKES), "check", "--lang", "en")
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "content/danh-ba/quan-a.yml:4: dien_thoai: duplicate key `dien_thoai` (first given on"
        " line 3) — keep one `dien_thoai` line (a field that takes several values is written as"
        " a list)"
    )
    assert lines[-2:] == [
        "Checked 3 pages, 3 directory entries, 1 plaque.",
        "Cannot publish yet: 4 problems to fix in 4 files",
    ]
    assert result.returncode == 1


LINK_MISTAKES = {
    "content/dia-diem/gieng-lang.md": '---\ntitle: "Giếng làng"\n---\n\n# Giếng làng\n\n'
    "Xem [chợ](../danh-ba/cho-phu-my.yml), [đình](khong-co.md)\n"
    "và [đường đi](dinh-lang-phu-my.md#khong-co).\n",
}
NOT_IN_NAV_VI = (
    "mkdocs.yml:{line}: trang `dia-diem/gieng-lang.md` không có trong mục `nav:` nên không hiện"
    " trong trình đơn — thêm dòng `- dia-diem/gieng-lang.md` vào `nav:` trong mkdocs.yml, dưới"
    " các trang cùng thư mục (`langso new` tự thêm dòng này cho trang nó tạo)"
)


def nav_line(root: Path) -> int:
    lines = (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    return lines.index("nav:") + 1


def test_links_nav_and_sources_are_located_and_translated(make_site: SiteFactory) -> None:
    root = make_site(files=LINK_MISTAKES, config={"nav": NAV})
    result = langso(root, "check")
    assert vietnamese(result.stdout) == [
        "content/dia-diem/gieng-lang.md: trang nói về lịch sử, địa điểm nhưng không có mục"
        " `## Nguồn` — thêm cuối trang mục `## Nguồn` liệt kê các bài báo, tài liệu đã dùng"
        " (kèm liên kết)",
        "content/dia-diem/gieng-lang.md:7: liên kết `../danh-ba/cho-phu-my.yml` dẫn tới tệp dữ"
        " liệu YAML, không phải một trang — liên kết tới trang sinh từ tệp đó: viết"
        " `../danh-ba/cho-phu-my.md`",
        "content/dia-diem/gieng-lang.md:7: liên kết `khong-co.md` dẫn tới"
        " `content/dia-diem/khong-co.md`, nhưng không có tệp này trong thư mục nội dung — sửa"
        " đường dẫn thành một tệp `.md` có thật, tính từ thư mục của trang này",
        "content/dia-diem/gieng-lang.md:8: liên kết `dinh-lang-phu-my.md#khong-co` trỏ tới mục"
        " `#khong-co`, nhưng trang `dia-diem/dinh-lang-phu-my.md` không có mục nào mang mã này"
        " — sửa phần sau `#` thành mã của một tiêu đề có thật: chữ thường, không dấu, nối bằng"
        " `-` (`## Đường đi` → `#duong-di`)",
        "",
        NOT_IN_NAV_VI.format(line=nav_line(root)),
        "",
        "Đã kiểm tra 3 trang, 1 mục danh bạ, 2 biển. / "
        "Checked 3 pages, 1 directory entry, 2 plaques.",
        "Chưa thể xuất bản: 5 lỗi phải sửa trong 2 tệp / Cannot publish yet: 5 problems to fix",
    ]
    assert result.returncode == 1


def test_github_annotations(make_site: SiteFactory) -> None:
    # Warnings block publishing (`mkdocs build --strict`): annotated as errors, like the verdict.
    root = make_site(files=LINK_MISTAKES, config={"nav": NAV})
    result = langso(root, "check", "--format", "github", "--lang", "en")
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "::error file=content/dia-diem/gieng-lang.md,title=Làng số page.no-sources::the page"
        " states history or facts but has no `## Nguồn` (sources) section — add a `## Nguồn`"
        " section at the end listing the articles and documents used, with links"
    )
    assert lines[2] == (
        "::error file=content/dia-diem/gieng-lang.md,line=7,title=Làng số page.link-missing::"
        "the link `khong-co.md` leads to `content/dia-diem/khong-co.md`, which is not a file of"
        " the content folder — point it at an existing `.md` file, relative to this page's folder"
    )
    assert lines[4] == (
        f"::error file=mkdocs.yml,line={nav_line(root)},title=Làng số page.not-in-nav::the"
        " page `dia-diem/gieng-lang.md` is not in `nav:`, so it is missing from the menu — add a"
        " line `- dia-diem/gieng-lang.md` to `nav:` in mkdocs.yml, under the pages of its folder"
        " (`langso new` adds this line for the pages it makes)"
    )
    assert lines[5:] == [
        "Checked 3 pages, 1 directory entry, 2 plaques.",
        "Cannot publish yet: 5 problems to fix in 2 files",
    ]
    assert result.returncode == 1


def test_errors_are_annotated_as_errors_with_paths_from_the_working_folder(
    make_site: SiteFactory,
) -> None:
    root = make_site(
        files={"content/danh-ba/quan-b.yml": CONTENT_MISTAKES["content/danh-ba/quan-b.yml"]}
    )
    result = langso(
        root.parent, "check", "--config", f"{root.name}/mkdocs.yml", "--format", "github"
    )
    assert result.stdout.splitlines()[0].startswith(
        f"::error file={root.name}/content/danh-ba/quan-b.yml,line=3,title=Làng số field.unknown::"
        "mau_sac: trường `mau_sac` không có trong mẫu"
    )
    assert result.returncode == 1


def test_a_missing_configuration_is_a_clear_message(tmp_path: Path) -> None:
    result = langso(tmp_path, "check")
    assert result.stdout.splitlines() == [
        "mkdocs.yml: không có tệp cấu hình này — chạy lệnh trong thư mục có mkdocs.yml hoặc chỉ"
        " đường bằng --config",
        "    (en) no such configuration file — run the command in the folder holding mkdocs.yml or"
        " give --config",
        "",
        "Chưa thể xuất bản: 1 lỗi phải sửa trong 1 tệp / Cannot publish yet: 1 problem to fix",
    ]
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_a_yaml_mistake_in_the_configuration_is_located(make_site: SiteFactory) -> None:
    root = make_site()
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "nav: [index.md\n", encoding="utf-8")
    result = langso(root, "check")
    first = result.stdout.splitlines()[0]
    assert first.startswith("mkdocs.yml:") and "không dùng được tệp cấu hình" in first
    assert result.stdout.splitlines()[-1] == (
        "Chưa thể xuất bản: 1 lỗi phải sửa trong 1 tệp / Cannot publish yet: 1 problem to fix"
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_a_mistyped_command_line_exits_2(make_site: SiteFactory) -> None:
    result = langso(make_site(), "check", "--format", "xml")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


# --- issue 13: one run shows everything, and says whether the site can be published ------------

FIVE_SLIPS = (
    "ten: 'Quán A'\n"
    "loai: 'cho'\n"
    "mo_ta: Quán ngon: rẻ\n"
    "dien_thoai:'0912 345 678'\n"
    "\tzalo: '0912 345 678'\n"
    "website: [abc\n"
    "ghi_chu: 'x'\n"
)
ONE_RUN = {
    "content/danh-ba/quan-a.yml": FIVE_SLIPS,
    "content/dia-diem/gieng-lang.md": '---\ntitle: "Giếng làng"\n---\n\n# Giếng làng\n\n'
    "Xem [quán A](../danh-ba/quan-a.md), [đình](khong-co.md).\n\n![giếng](anh/gieng.jpg)\n\n"
    "## Nguồn\n\n- Lời kể của cụ Lê Văn A, 2026.\n",
}


def test_one_run_lists_every_yaml_slip_and_every_link_and_image(make_site: SiteFactory) -> None:
    """Before issue 13: only the Tab was listed, then "links and images are not checked yet"."""
    result = langso(make_site(files=ONE_RUN), "check")
    assert vietnamese(result.stdout) == [
        "content/danh-ba/quan-a.yml:3: mo_ta: giá trị có dấu `: ` nhưng không nằm trong dấu nháy"
        ' — đặt cả giá trị trong dấu nháy kép: mo_ta: "Quán ngon: rẻ"',
        "content/danh-ba/quan-a.yml:4: dien_thoai: thiếu dấu cách sau dấu hai chấm của"
        " `dien_thoai` — viết `dien_thoai: ` rồi mới đến giá trị",
        "content/danh-ba/quan-a.yml:5: dòng thụt lề bằng phím Tab — YAML chỉ cho phép thụt lề"
        " bằng dấu cách: thay mỗi Tab bằng 2 dấu cách",
        "content/danh-ba/quan-a.yml:6: website: giá trị mở dấu `[` ở dòng này mà không đóng:"
        " YAML đọc gộp các dòng sau vào giá trị này và chỉ dừng ở dòng 7 — thiếu dấu đóng `]` ở"
        " cuối dòng 6: viết `website: [abc]`",
        "",
        # No "missing" link to danh-ba/quan-a.md: that page is missing because of the YAML.
        "content/dia-diem/gieng-lang.md:7: liên kết `khong-co.md` dẫn tới"
        " `content/dia-diem/khong-co.md`, nhưng không có tệp này trong thư mục nội dung — sửa"
        " đường dẫn thành một tệp `.md` có thật, tính từ thư mục của trang này",
        "content/dia-diem/gieng-lang.md:9: ảnh `anh/gieng.jpg` không có: không thấy tệp"
        " `content/dia-diem/anh/gieng.jpg` trong thư mục nội dung — chép ảnh vào đúng chỗ đó"
        " hoặc sửa đường dẫn (tính từ thư mục của trang này)",
        "",
        "Đã kiểm tra 3 trang, 2 mục danh bạ, 2 biển. / "
        "Checked 3 pages, 2 directory entries, 2 plaques.",
        "Chưa thể xuất bản: 6 lỗi phải sửa trong 2 tệp / Cannot publish yet: 6 problems to fix",
    ]
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_starter_text_left_from_langso_new_is_a_warning_that_does_not_block(
    make_site: SiteFactory,
) -> None:
    root = make_site(config={"nav": None})
    created = langso(root, "new", "place", "--title", "Giếng làng")
    assert created.returncode == 0, created.stderr
    result = langso(root, "check")
    assert result.stdout.splitlines() == [
        "content/dia-diem/gieng-lang.md:7: cảnh báo, không chặn xuất bản: trang còn chữ mẫu của"
        " `langso new`: `Viết vài dòng giới thiệu: nơi này ở đâu, có từ bao giờ, vì sao đáng"
        " đến.` (và các dòng 11, 15) — thay bằng nội dung thật của trang, hoặc xóa dòng đó",
        # the English under it, a warning as much as an error (it said Vietnamese only before)
        "    (en) warning, not blocking: the page still holds the starter text of `langso new`:"
        " `Viết vài dòng giới thiệu: nơi này ở đâu, có từ bao giờ, vì sao đáng đến.` (and lines"
        " 11, 15) — replace it with the page's real content, or delete the line",
        "",
        "Đã kiểm tra 3 trang, 1 mục danh bạ, 2 biển. / "
        "Checked 3 pages, 1 directory entry, 2 plaques.",
        "Có thể xuất bản; 1 cảnh báo không chặn xuất bản / Ready to publish; 1 warning that does"
        " not block it",
    ]
    assert result.returncode == 0
    github = langso(root, "check", "--format", "github", "--lang", "en")
    assert github.stdout.splitlines()[0].startswith(
        "::notice file=content/dia-diem/gieng-lang.md,line=7,title=Làng số page.starter-text::"
        "the page still holds the starter text of `langso new`"
    )
    assert github.returncode == 0


def test_a_guide_without_steps_is_an_error_annotation_as_it_blocks_publishing(
    make_site: SiteFactory,
) -> None:
    root = make_site(files={"content/huong-dan/lam-thu.md": "# Làm thử\n\nChỉ có lời.\n"})
    result = langso(root, "check", "--format", "github")
    lines = result.stdout.splitlines()
    assert lines[0].startswith(
        "::error file=content/huong-dan/lam-thu.md,line=1,title=Làng số guide.no-steps::"
    )
    assert lines[-1].startswith("Chưa thể xuất bản: 1 lỗi phải sửa trong 1 tệp")
    assert result.returncode == 1


MAP_PLUGINS = [
    "langso/content",
    {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
    "langso/tours",
    "langso/map",
    "langso/plaques",
]
TOUR = (
    "ten: 'Quanh chợ (dữ liệu mẫu)'\n"
    "diem_dung:\n"
    "  - trang: 'danh-ba/cho-phu-my.yml'\n"
    "    loi_dan: 'Điểm hẹn.'\n"
    "  - ten: 'Cây đa (điểm mẫu)'\n"
    "    toa_do: '19.9810, 105.6420'\n"
    "    loi_dan: 'Nghỉ dưới gốc đa.'\n"
)


def test_summary_counts_tours_and_the_base_map_and_a_low_zoom_does_not_block(
    make_site: SiteFactory,
) -> None:
    """A valid base map zooming only to 12 is advice: the check says it may publish, the strict
    build goes through; the summary names the tour and the base map's size."""
    from tests.conftest import build_site
    from tests.geomap.pmtiles_files import raster_pmtiles

    root = make_site(
        files={"content/tuyen-tham-quan/quanh-cho.yml": TOUR},
        config={"plugins": MAP_PLUGINS},
    )
    (root / "content/ban-do").mkdir()
    path = raster_pmtiles(root / "content/ban-do/nen.pmtiles", min_zoom=10, max_zoom=12)
    size = f"{max(1, round(path.stat().st_size / 1024))} KB"
    result = langso(root, "check")
    assert vietnamese(result.stdout) == [
        "content/ban-do/nen.pmtiles: cảnh báo, không chặn xuất bản: tệp bản đồ nền chỉ phóng to"
        " tới mức 12: ở mức này chưa thấy rõ ngõ xóm và nhà cửa trong làng (cần ít nhất mức"
        " 14) — không bắt buộc: trang vẫn đăng được; muốn rõ hơn thì tạo lại tệp với"
        " `--maxzoom=15`",
        "",
        f"Đã kiểm tra 2 trang, 1 mục danh bạ, 2 biển, 1 tuyến tham quan, bản đồ nền {size}. / "
        f"Checked 2 pages, 1 directory entry, 2 plaques, 1 walking tour, a base map of {size}.",
        "Có thể xuất bản; 1 cảnh báo không chặn xuất bản / Ready to publish; 1 warning that does"
        " not block it",
    ], result.stderr
    assert result.returncode == 0
    english = langso(root, "check", "--lang", "en")
    assert (
        f"Checked 2 pages, 1 directory entry, 2 plaques, 1 walking tour, a base map of {size}."
        in english.stdout.splitlines()
    )
    built = build_site(root)
    assert built.ok, built.text()


def test_base_map_files_the_build_will_not_use_are_reported(make_site: SiteFactory) -> None:
    """An MBTiles database where the PMTiles should be, a PMTiles file in another folder and
    one named in the wrong case: each named, with how to convert or where to put it."""
    import sqlite3

    root = make_site(config={"plugins": MAP_PLUGINS})
    (root / "content/ban-do").mkdir()
    db = sqlite3.connect(root / "content/ban-do/nen.mbtiles")
    db.execute("CREATE TABLE tiles (zoom_level integer, tile_column integer)")
    db.commit()
    db.close()
    result = langso(root, "check")
    assert vietnamese(result.stdout) == [
        "content/ban-do/nen.mbtiles: tệp này trông như bản đồ nền nhưng trang bản đồ không dùng:"
        " đây là tệp MBTiles, trang bản đồ chỉ đọc được PMTiles; bản đồ sẽ không có nền từ tệp"
        " này — đổi sang PMTiles: `pmtiles convert content/ban-do/nen.mbtiles"
        " content/ban-do/nen.pmtiles`, rồi xóa tệp .mbtiles (tệp để trong thư mục nội dung bị"
        " đăng lên trang web)",
        "",
        "Đã kiểm tra 2 trang, 1 mục danh bạ, 2 biển. / "
        "Checked 2 pages, 1 directory entry, 2 plaques.",
        "Chưa thể xuất bản: 1 lỗi phải sửa trong 1 tệp / Cannot publish yet: 1 problem to fix",
    ], result.stderr
    assert result.returncode == 1

    (root / "content/ban-do/nen.mbtiles").unlink()
    (root / "content/anh").mkdir(exist_ok=True)
    (root / "content/anh/nen.pmtiles").write_bytes(b"PMTiles\x03" + bytes(200))
    (root / "content/ban-do/nen.PMTiles").write_bytes(b"PMTiles\x03" + bytes(200))
    lines = vietnamese(langso(root, "check").stdout)
    assert lines[0] == (
        "content/anh/nen.pmtiles: tệp này trông như bản đồ nền nhưng trang bản đồ không dùng:"
        " trang bản đồ chỉ dùng `content/ban-do/nen.pmtiles`; bản đồ sẽ không có nền từ tệp"
        " này — chuyển tệp tới `content/ban-do/nen.pmtiles`, hoặc đặt `basemap:"
        " 'anh/nen.pmtiles'` cho `langso/map` trong mkdocs.yml; tệp thừa thì xóa đi"
    )
    assert lines[2] == (
        "content/ban-do/nen.PMTiles: tệp này trông như bản đồ nền nhưng trang bản đồ không dùng:"
        " tên tệp khác chữ hoa, chữ thường với `content/ban-do/nen.pmtiles` mà trang tìm (nơi"
        " đăng trang phân biệt chữ hoa với chữ thường); bản đồ sẽ không có nền từ tệp này —"
        " đổi tên tệp thành `content/ban-do/nen.pmtiles`"
    )
