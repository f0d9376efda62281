"""Hostile and careless content, built for real (issue 12, deliverables 2 and 3): every content
file refuses YAML bombs, tags, control characters and other encodings with a located message,
never a traceback; front matter is typed like the directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from tests.conftest import SiteFactory, build_site
from tests.search.sites import HOME, NO_DATA, SEARCH_ONLY
from tests.test_cli_new import langso

STOPPED = (
    "Làng số: {n} lỗi trong nội dung, xem các dòng ở trên — sửa rồi chạy lại."
    " / {n} error(s) in the content, listed above — fix them and run again."
)
PAGE = "content/dia-diem/dinh-lang-phu-my.md"


def bomb_lines(levels: int, indent: str) -> str:
    """A YAML "billion laughs" under the unknown key ``x_la``: 9**levels leaves once expanded."""
    lines = [f"{indent}x_la:", f"{indent}  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, levels):
        below = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"{indent}  a{level}: &a{level} [{below}]")
    return "\n".join(lines) + "\n"


# Each kind of content file, with the bomb below a key no model knows; the line of `&a0`.
BOMBS = {
    "content/danh-ba/quan-a.yml": ("ten: 'Quán A'\nloai: 'cho'\n" + bomb_lines(12, ""), 4),
    "content/village.yml": ("ten: 'Phú Mỹ'\nloai: 'làng'\n" + bomb_lines(12, ""), 4),
    "content/categories.yml": ("- id: 'cho'\n  ten: 'Chợ'\n" + bomb_lines(12, "  "), 4),
    "content/plaques.yml": ("- id: 'dinh'\n  ten: 'Đình'\n" + bomb_lines(12, "  "), 4),
    PAGE: ("---\ntitle: 'Đình'\n" + bomb_lines(12, "") + "---\n# Đình\n", 4),
}


@pytest.mark.parametrize("rel", sorted(BOMBS))
def test_alias_bomb_in_any_content_file_stops_the_build_at_once(
    make_site: SiteFactory, rel: str
) -> None:
    text, line = BOMBS[rel]
    root = make_site(files={rel: text})
    start = time.perf_counter()
    result = build_site(root, strict=False)
    assert time.perf_counter() - start < 30  # expanded, 12 levels would never finish
    assert not result.ok
    assert result.messages[0] == (
        f"{rel}:{line}: không dùng neo YAML `&a0` — xóa `&a0`; cần giá trị ở nhiều chỗ thì chép "
        "lại giá trị đó vào từng chỗ\n"
        "    (en) YAML anchors (`&a0`) are not accepted — delete `&a0`; where a value is needed "
        "in several places, copy it into each"
    )
    assert all(m.startswith(f"{rel}:") for m in result.messages[:-1])
    assert result.messages[-1] == STOPPED.format(n=len(result.messages) - 1)


@pytest.mark.parametrize(
    ("rel", "text", "expected"),
    [
        (
            "content/danh-ba/quan-a.yml",
            "ten: 'Quán A'\nloai: 'cho'\nghi_chu: 'Mở\x0bcửa'\n",
            "content/danh-ba/quan-a.yml:3: có ký tự điều khiển vô hình U+000B (dấu xuống dòng "
            "mềm (tab dọc) mà Shift+Enter trong Word dán vào) ở cột 13",
        ),
        (
            "content/danh-ba/quan-a.yml",
            "ten: 'Ebidi\u202egnp.exe'\nloai: 'cho'\ndien_thoai: '0300 000 410'\n",
            "content/danh-ba/quan-a.yml:1: có ký tự điều khiển vô hình U+202E (ký tự đổi chiều "
            "chữ viết, làm chữ và số phía sau hiện ngược) ở cột 12",
        ),
        (
            "content/village.yml",
            "ten: 'Phú\x00 Mỹ'\nloai: 'làng'\n",
            "content/village.yml:1: có ký tự điều khiển vô hình U+0000 (ký tự rỗng NUL) ở cột 10",
        ),
        (
            PAGE,
            "---\ntitle: 'Đình'\n---\n# Đình\n\nĐèn \x1b[31mđỏ\n\n## Nguồn\n",
            f"{PAGE}:6: có ký tự điều khiển vô hình U+001B (ký tự ESC (mã điều khiển màu của "
            "cửa sổ lệnh)) ở cột 5",
        ),
        (
            PAGE,
            "---\ntitle: !!python/name:os.system\n---\n# Đình\n",
            f"{PAGE}:2: không dùng thẻ kiểu YAML `!!python/name:os.system`",
        ),
        (
            "content/categories.yml",
            "- id: 'cho'\n  ten: !include khac.yml\n",
            "content/categories.yml:2: không dùng thẻ kiểu YAML `!include`",
        ),
        (
            "content/plaques.yml",
            "- id: 'dinh'\n  ten: 'Đình'\n  <<: {trang: 'index.md'}\n",
            "content/plaques.yml:3: không dùng khóa gộp YAML `<<`",
        ),
        (
            "content/danh-ba/quan-a.yml",
            "ten: 'Quán A'\nloai: 'cho'\nx: " + "[" * 2000 + "]" * 2000 + "\n",
            "content/danh-ba/quan-a.yml:3: các nhóm lồng nhau quá sâu (hơn 20 cấp)",
        ),
    ],
)
def test_hostile_yaml_and_text_located_never_a_traceback(
    make_site: SiteFactory, rel: str, text: str, expected: str
) -> None:
    result = build_site(make_site(files={rel: text}), strict=False)
    assert not result.ok
    assert result.messages[0].split(" — ")[0] == expected
    assert result.messages[-1] == STOPPED.format(n=1)


def test_page_in_another_encoding_names_line_and_byte(make_site: SiteFactory) -> None:
    root = make_site()
    page = "# Đình\n\nNội dung.\n\n## Nguồn\n".replace("Đ", "D").replace("ộ", "o")
    (root / PAGE).write_bytes((page + "Chợ\n").encode("utf-8").replace("ợ".encode(), b"\xf5"))
    result = build_site(root, strict=False)
    assert not result.ok
    assert result.messages[0].split("\n")[0] == (
        f"{PAGE}:6: tệp không phải văn bản UTF-8: dòng 6, cột 3: byte 0xF5 không hợp lệ trong "
        "UTF-8 — có lẽ tệp được lưu bằng bảng mã cũ (Windows-1258, TCVN3/ABC, VNI) — lưu lại tệp "
        "với bảng mã UTF-8, ví dụ trong Notepad: File > Save As, ô Encoding chọn UTF-8, rồi Save "
        "(trong VS Code: bấm tên bảng mã ở góc dưới, Save with Encoding > UTF-8)"
    )


RECORD = "content/plaques-printed.txt"
RECORD_LINE = "dinh 2026-11-01 https://example.github.io/lang-phu-my/q/dinh/\n"


def test_plaque_record_with_a_bom_is_read(make_site: SiteFactory) -> None:
    root = make_site()
    (root / RECORD).write_bytes(b"\xef\xbb\xbf" + f"# Biển đã in\n{RECORD_LINE}".encode())
    result = build_site(root, strict=False)  # the record's format may warn; its encoding not
    assert result.ok, result.text()
    assert "UTF-8" not in result.text()
    # Read, not skipped: the same record without `dinh` in plaques.yml stops the build.
    registry = "- id: 'cho'\n  ten: 'Chợ Phú Mỹ'\n  trang: 'danh-ba/cho-phu-my.yml'\n"
    (root / "content/plaques.yml").write_text(registry, encoding="utf-8")
    assert "biển `dinh` đã in" in build_site(root, strict=False).text()


def test_plaque_record_in_utf16_is_a_located_error(make_site: SiteFactory) -> None:
    root = make_site()
    (root / RECORD).write_bytes(RECORD_LINE.encode("utf-16"))
    result = build_site(root, strict=False)
    assert not result.ok
    assert result.messages[0].split("\n")[0].split(" — ")[0] == (
        f"{RECORD}: tệp không phải văn bản UTF-8: tệp được lưu bằng bảng mã UTF-16 (Unicode)"
    )
    assert result.messages[-1] == STOPPED.format(n=1)


# --- front matter typed like the directory ------------------------------------------------------


def test_title_as_a_list_is_an_error_not_python_text(make_site: SiteFactory) -> None:
    page = "---\ntitle: [A, B]\n---\n# Đình\n\n## Nguồn\n"
    result = build_site(make_site(files={PAGE: page}), strict=False)
    assert not result.ok
    assert result.messages == [
        f"{PAGE}:2: title: `title` phải là một dòng chữ, nhưng lại là một danh sách — viết giá "
        "trị trên cùng dòng, sau dấu `: `\n"
        "    (en) `title` must be text but is a list — write the value on the same line, after "
        "`: `",
        STOPPED.format(n=1),
    ]


@pytest.mark.parametrize(
    ("value", "listed"),
    [("'không'", True), ('"false"', True), ("không", True), ("'có'", False), ("true", False)],
)
def test_search_exclude_in_any_quoting_means_what_it_says(
    make_site: SiteFactory, value: str, listed: bool
) -> None:
    page = f"---\nsearch:\n  exclude: {value}\n---\n\n# Riêng\n\nChữ.\n"
    files = {**NO_DATA, "content/index.md": HOME, PAGE: None, "content/rieng.md": page}
    result = build_site(make_site(files=files, config=SEARCH_ONLY))
    assert result.ok, result.text()
    urls = [p["u"] for p in json.loads(result.read("assets/langso/search-index.json"))["pages"]]
    assert urls == (["", "rieng/"] if listed else [""])


def test_unknown_key_without_close_match_is_a_warning(make_site: SiteFactory) -> None:
    page = "---\ntitle: 'Đình'\nmau_nen: do\n---\n# Đình\n\n## Nguồn\n"
    root = make_site(files={PAGE: page})
    result = build_site(root, strict=False)
    assert result.ok
    assert (
        result.messages[0]
        .split("\n")[0]
        .startswith(
            f"{PAGE}:3: mau_nen: khóa `mau_nen` không được dùng — xóa dòng này nếu không cần"
        )
    )
    assert not build_site(root).ok  # --strict stops on it


def test_missing_template_is_a_located_error(make_site: SiteFactory) -> None:
    page = "---\ntitle: 'Đình'\ntemplate: rieng.html\n---\n# Đình\n\n## Nguồn\n"
    root = make_site(files={PAGE: page})
    result = build_site(root, strict=False)
    assert not result.ok
    assert result.messages == [
        f"{PAGE}:3: template: không có mẫu trang `rieng.html` trong giao diện — xóa dòng "
        "`template:`, hoặc sửa thành tên một tệp `.html` có trong thư mục `overrides/` (thêm "
        "`custom_dir: overrides` vào `theme:` trong mkdocs.yml)\n"
        "    (en) the theme has no page template `rieng.html` — delete the `template:` line, or "
        "name an `.html` file of the folder `overrides/` (add `custom_dir: overrides` to "
        "`theme:` in mkdocs.yml)",
        STOPPED.format(n=1),
    ]


def test_status_holding_markup_is_a_located_error(make_site: SiteFactory) -> None:
    # Material prints `status` into a class name in every menu of the section (found by a new user:
    # `status: '"><img src=x onerror=alert(71)>'` ran script on seven pages).
    page = (
        "---\ntitle: 'Đình'\nstatus: '\"><img src=x onerror=alert(71)>'\n---\n# Đình\n\n## Nguồn\n"
    )
    result = build_site(make_site(files={PAGE: page}), strict=False)
    assert not result.ok
    assert result.messages[0].split("\n")[0] == (
        f'{PAGE}:3: status: `"><img src=x onerror=alert(71)>` không phải tên trạng thái — dùng '
        "`new` (mới) hoặc `deprecated` (cũ), hay một tên khai báo trong `extra.status` của "
        "mkdocs.yml: chữ thường không dấu, số và `-`"
    )


def test_status_new_is_published(make_site: SiteFactory) -> None:
    page = "---\ntitle: 'Đình'\nstatus: new\n---\n# Đình\n\n## Nguồn\n"
    result = build_site(make_site(files={PAGE: page}))
    assert result.ok, result.text()
    assert 'md-status md-status--new"' in result.read("dia-diem/dinh-lang-phu-my/index.html")


@pytest.mark.parametrize(
    ("icon", "expected"),
    [
        (
            "material/khong-co",
            f"{PAGE}:3: icon: giao diện không có biểu tượng `material/khong-co` — xóa dòng "
            "`icon:`, hoặc chọn một tên có trong bộ biểu tượng của Material for MkDocs (ví dụ "
            "`material/church`)",
        ),
        (
            "../../../etc/passwd",
            f"{PAGE}:3: icon: `../../../etc/passwd` không phải tên biểu tượng — viết tên "
            "biểu tượng của giao diện, ví dụ `material/church` (chữ thường không dấu, `-` và "
            "`/`), hoặc xóa dòng `icon:`",
        ),
    ],
)
def test_unknown_icon_is_a_located_error_not_a_traceback(
    make_site: SiteFactory, icon: str, expected: str
) -> None:
    # It was a traceback naming another page (the section's index, whose menu shows the icon).
    page = f"---\ntitle: 'Đình'\nicon: '{icon}'\n---\n# Đình\n\n## Nguồn\n"
    result = build_site(make_site(files={PAGE: page}), strict=False)
    assert not result.ok
    assert result.messages[0].split("\n")[0] == expected
    assert result.messages[-1] == STOPPED.format(n=1)


def test_a_theme_icon_is_shown(make_site: SiteFactory) -> None:
    page = "---\ntitle: 'Đình'\nicon: material/church\n---\n# Đình\n\n## Nguồn\n"
    result = build_site(make_site(files={PAGE: page}))
    assert result.ok, result.text()


def test_template_in_custom_dir_is_used(make_site: SiteFactory) -> None:
    page = "---\ntitle: 'Đình'\ntemplate: rieng.html\n---\n# Đình\n\n## Nguồn\n"
    theme = {"name": "material", "language": "vi", "font": False, "custom_dir": "giao-dien"}
    root = make_site(files={PAGE: page}, config={"theme": theme})
    (root / "giao-dien").mkdir()
    (root / "giao-dien/rieng.html").write_text(
        '{% extends "main.html" %}{% block content %}<p id="rieng">Riêng</p>'
        "{{ super() }}{% endblock %}",
        encoding="utf-8",
    )
    result = build_site(root)
    assert result.ok, result.text()
    assert '<p id="rieng">Riêng</p>' in result.read("dia-diem/dinh-lang-phu-my/index.html")
    (root / "giao-dien/rieng.html").unlink()
    result = build_site(root, strict=False)
    assert (
        result.messages[0]
        .split("\n")[0]
        .endswith("sửa thành tên một tệp `.html` có trong thư mục `giao-dien/`")
    )


def test_every_file_kind_checked_in_one_run(make_site: SiteFactory) -> None:
    # One run lists the problems of every file, each starting with that file's path.
    files = {rel: text for rel, (text, _) in BOMBS.items()}
    result = build_site(make_site(files=files), strict=False)
    assert not result.ok
    starts = {m.split(":")[0] for m in result.messages[:-1]}
    assert {"content/danh-ba/quan-a.yml", "content/village.yml", PAGE} <= starts


def test_new_plaque_with_a_record_in_utf16_says_so(make_site: SiteFactory) -> None:
    root = make_site()
    (root / RECORD).write_bytes(RECORD_LINE.encode("utf-16"))
    result = langso(root, "new", "plaque", "--title", "Chợ", "--page", "index.md")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].split(" — ")[0] == (
        f"{RECORD}: tệp không phải văn bản UTF-8: tệp được lưu bằng bảng mã UTF-16 (Unicode)"
    )
    assert "Traceback" not in result.stderr
    # Saved as UTF-8 with a BOM, the record's first id is read without it: `cho` is in
    # plaques.yml, `cho-2` on the record's first line, so the new plaque is `cho-3`.
    (root / RECORD).write_bytes(b"\xef\xbb\xbf" + b"cho-2 2026-11-01 u\n")
    result = langso(root, "new", "plaque", "--title", "Chợ", "--page", "index.md")
    assert result.returncode == 0, result.stderr
    assert "added plaque `cho-3`" in result.stdout


def test_a_page_in_utf16_is_one_message_not_mkdocs_encoding_error_too(
    make_site: SiteFactory,
) -> None:
    """langso/content reports the page; MkDocs must not read it again and add "Encoding error
    reading file" lines to `langso check` (issue 15 tester)."""
    root = make_site()
    (root / "content/dia-diem/utf16.md").write_bytes("# Trang\n".encode("utf-16"))
    result = subprocess.run(
        [sys.executable, "-m", "langso.cli", "check"],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Encoding error" not in output
    assert "content/dia-diem/utf16.md: tệp không phải văn bản UTF-8" in output
    assert "1 lỗi phải sửa trong 1 tệp" in output
