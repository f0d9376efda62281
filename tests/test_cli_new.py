"""``langso new`` through the real entry point: each starter file passes ``langso check``."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from langso.scaffold import add_to_nav, new_plaque_id, used_plaque_ids
from tests.conftest import REPO, SiteFactory, build_site


def langso(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "langso.cli", *args],
        cwd=root,
        capture_output=True,
        text=True,
        encoding="utf-8",
        stdin=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=120,
        check=False,
    )


def test_each_kind_then_check_is_clean(make_site: SiteFactory) -> None:
    root = make_site(
        files={
            "content/plaques-printed.txt": "dinh | 2026-11-01 | "
            "https://example.github.io/lang-phu-my/q/dinh/ | dia-diem/dinh-lang-phu-my.md | Đình\n"
        }
    )
    place = langso(root, "new", "place", "--title", "Chùa Bà: lịch sử")
    assert place.stdout.splitlines()[:2] == [
        "Đã tạo / created content/dia-diem/chua-ba-lich-su.md",
        "mkdocs.yml không có `nav:`: trang tự hiện trong trình đơn. / No `nav:`: the page is "
        "listed automatically.",
    ]
    assert place.returncode == 0, place.stderr
    text = (root / "content/dia-diem/chua-ba-lich-su.md").read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "Chùa Bà: lịch sử"\n---\n\n# Chùa Bà: lịch sử\n')
    assert "\n## Nguồn\n" in text

    again = langso(root, "new", "place", "--title", "Chùa Bà: lịch sử")
    assert again.stdout.splitlines()[0] == "Đã tạo / created content/dia-diem/chua-ba-lich-su-2.md"

    guide = langso(root, "new", "guide", "--title", "Cài VNeID")
    assert guide.stdout.splitlines()[0] == "Đã tạo / created content/huong-dan/cai-vneid.md"
    # The first guide: the section's index page is written too (see the tests below).
    assert guide.stdout.splitlines()[2].startswith(
        "Đã tạo trang mục lục content/huong-dan/index.md"
    )

    service = langso(root, "new", "service", "--title", "Quán nước bà Tư", "--category", "Chợ")
    assert service.stdout.splitlines()[0] == "Đã tạo / created content/danh-ba/quan-nuoc-ba-tu.yml"
    data = yaml.safe_load((root / "content/danh-ba/quan-nuoc-ba-tu.yml").read_text("utf-8"))
    assert data == {
        "ten": "Quán nước bà Tư",
        "loai": "cho",
        "xac_minh": {"ngay": "30/11/2026", "vai_tro": "Tổ công nghệ số cộng đồng"},
        "du_lieu_mau": "có",
    }

    plaque = langso(
        root, "new", "plaque", "--title", "Chợ", "--page", "content/dia-diem/chua-ba-lich-su.md"
    )
    # `cho` is taken: never reused.
    assert plaque.stdout.splitlines()[0] == (
        "Đã thêm biển `cho-2` → dia-diem/chua-ba-lich-su.md vào / added plaque `cho-2` to "
        "content/plaques.yml"
    )
    registry = (root / "content/plaques.yml").read_text(encoding="utf-8")
    assert registry.endswith(
        "- id: 'cho-2'\n  ten: 'Chợ'\n  trang: 'dia-diem/chua-ba-lich-su.md'\n"
    )

    check = langso(root, "check")
    assert check.stdout.splitlines()[-2:] == [
        "Đã kiểm tra 6 trang, 2 mục danh bạ, 3 biển. / Checked 6 pages, 2 directory entries, 3 "
        "plaques.",
        # The starter text is left in: a warning per page that does not block publishing.
        "Có thể xuất bản; 3 cảnh báo không chặn xuất bản / Ready to publish; 3 warnings that do"
        " not block it",
    ], check.stdout
    assert check.returncode == 0


def test_a_new_page_is_added_to_an_existing_nav(make_site: SiteFactory) -> None:
    nav = [
        "index.md",
        {"Địa điểm": ["dia-diem/dinh-lang-phu-my.md"]},
        "danh-ba/index.md",
        "bien-qr/index.md",
    ]
    root = make_site(config={"nav": nav})
    result = langso(root, "new", "place", "--title", "Giếng làng")
    assert result.stdout.splitlines()[1] == (
        "Đã thêm vào `nav:` trong mkdocs.yml, sau các trang dia-diem/ / added to `nav:` in "
        "mkdocs.yml, after the other dia-diem/ pages"
    )
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    # no title in the menu entry: the menu shows the page's own (see the test below)
    assert config["nav"][1] == {
        "Địa điểm": ["dia-diem/dinh-lang-phu-my.md", "dia-diem/gieng-lang.md"]
    }
    check = langso(root, "check")
    assert check.stdout.splitlines()[-1] == (
        "Có thể xuất bản; 1 cảnh báo không chặn xuất bản / Ready to publish; 1 warning that does"
        " not block it"
    ), check.stdout


def test_missing_or_unknown_values_are_clear_errors(make_site: SiteFactory) -> None:
    root = make_site()
    missing = langso(root, "new", "place")
    assert missing.returncode == 1
    assert missing.stderr.splitlines() == [
        "thiếu --title: Tên địa điểm / place name",
        "    (en) --title is missing",
    ]
    wrong = langso(root, "new", "service", "--title", "Quán A", "--category", "quan")
    assert wrong.returncode == 1
    assert wrong.stderr.splitlines() == [
        "không có loại `quan` trong content/categories.yml — chọn một mã dưới đây / no category "
        "`quan`: choose one of these ids",
        "Các loại / categories:",
        "  cho — Chợ",
        "  y-te — Y tế",
    ]
    page = langso(root, "new", "plaque", "--title", "A", "--page", "dia-diem/khong-co.md")
    assert page.returncode == 1
    assert page.stderr.startswith("không có trang `dia-diem/khong-co.md` trong content/")
    assert not (root / "content" / "danh-ba" / "quan-a.yml").exists()
    usage = langso(root, "new", "bridge")
    assert usage.returncode == 2


def test_plaque_ids_are_short_and_never_reused() -> None:
    used = used_plaque_ids("- id: 'dinh'\n  ten: 'x'\n- id: dinh-2\n", "dinh-3 2026-01-01 u\n# c\n")
    assert used == {"dinh", "dinh-2", "dinh-3"}
    assert new_plaque_id("Đình", used) == "dinh-4"
    long = new_plaque_id("Nhà văn hóa thôn Phú Mỹ và sân bóng", {"nha-van-hoa-thon-phu-my"})
    assert long == "nha-van-hoa-thon-phu-m-2" and len(long) <= 24


def test_nav_is_left_alone_without_a_section_for_the_folder() -> None:
    assert add_to_nav("nav:\n  - index.md\n", "dia-diem", "dia-diem/a.md") is None
    plain = "nav:\n  - dia-diem/a.md\n  - b.md\n"
    assert add_to_nav(plain, "dia-diem", "dia-diem/c.md") == (
        "nav:\n  - dia-diem/a.md\n  - dia-diem/c.md\n  - b.md\n"
    )


def test_the_menu_follows_a_new_pages_title_when_it_changes(tmp_path: Path) -> None:
    """`langso new place` in a copy of the sample, then the volunteer renames the place in the
    page's front matter: the built menu shows the new name, the old one is nowhere."""
    root = tmp_path / "lang"
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "content", root / "content")
    result = langso(root, "new", "place", "--title", "Giếng làng")
    assert result.returncode == 0, result.stderr
    page = root / "content/dia-diem/gieng-lang.md"
    text = page.read_text("utf-8")
    assert text.startswith('---\ntitle: "Giếng làng"\n'), text
    page.write_text(text.replace('title: "Giếng làng"', 'title: "Giếng cổ làng Là"'), "utf-8")
    built = build_site(root, strict=False)
    html = built.read("dia-diem/gieng-lang/index.html")
    menu = built.soup("dia-diem/gieng-lang/index.html").select_one("nav.md-nav--primary")
    assert menu is not None
    labels = [" ".join(a.get_text().split()) for a in menu.select("a.md-nav__link")]
    assert "Giếng cổ làng Là" in labels, labels
    assert "Giếng làng" not in labels, labels
    assert "<title>Giếng cổ làng Là" in html
    # the MkDocs way: the entry names the page only
    assert "      - dia-diem/gieng-lang.md\n" in (root / "mkdocs.yml").read_text("utf-8")


def test_build_day_defaults_to_the_build_date(monkeypatch: object) -> None:
    from langso.scaffold import build_day

    assert build_day() == dt.date(2026, 11, 30)
