"""Heading ids that do not move (issue 12, deliverable 5): real builds, exact ids and messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from langso import frontmatter
from langso.problems import Problem
from tests.conftest import SiteFactory, build_site

LANDMARK = "content/dia-diem/dinh-lang-phu-my.md"
HTML = "dia-diem/dinh-lang-phu-my/index.html"

CLASH = (
    "---\ntitle: Món ăn\n---\n\n# Món ăn\n\n## Cá kho\n\nKho tộ.\n\n## Cà kho\n\nCà tím.\n\n"
    "## Nguồn\n\n- Bà Lan\n"
)
CLASH_WARNING = (
    f"{LANDMARK}:11: tiêu đề `## Cà kho` và tiêu đề `## Cá kho` ở dòng 7 cùng ra mã liên kết"
    " `#ca-kho` (mã bỏ dấu), nên tiêu đề nào nhận mã nào tùy thứ tự trên trang: đổi thứ tự là"
    " liên kết đã chia sẻ mở nhầm tiêu đề — đặt cho tiêu đề này một mã riêng ở cuối dòng,"
    " ví dụ `## Cà kho {#ca-kho-2}`\n"
    "    (en) the heading `## Cà kho` and the heading `## Cá kho` on line 7 both make the link"
    " id `#ca-kho` (ids drop accents), so which gets which depends on their order on the page:"
    " reordering them makes shared links open the wrong heading — give this heading an id of"
    " its own at the end of the line, e.g. `## Cà kho {#ca-kho-2}`"
)


def ids(result_html: str) -> list[tuple[str, object]]:
    """``(tag, id)`` of each heading with an id in the page's article."""
    article = BeautifulSoup(result_html, "html.parser").select_one("article")
    assert article is not None
    return [
        (h.name, h.get("id"))
        for h in article.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])
        if h.get("id")
    ]


def test_headings_differing_only_by_tone_marks_are_a_located_warning(
    make_site: SiteFactory,
) -> None:
    root = make_site(files={LANDMARK: CLASH})
    result = build_site(root, strict=False)
    assert result.ok, result.text()
    assert ids(result.read(HTML)) == [
        ("h1", "mon-an"),
        ("h2", "ca-kho"),
        ("h2", "ca-kho_1"),
        ("h2", "nguon"),
    ]
    assert result.messages == [CLASH_WARNING]
    assert not build_site(root, site_dir=root / "strict").ok  # a warning stops --strict


def test_explicit_ids_keep_working_and_silence_the_warning(make_site: SiteFactory) -> None:
    page = CLASH.replace("## Cá kho", "## Cá kho {#ca-kho-ca}").replace(
        "## Cà kho", "## Cà kho {: #ca-kho-ca-tim .mon }"
    )
    home = "# Làng Phú Mỹ\n\n[Cá kho](dia-diem/dinh-lang-phu-my.md#ca-kho-ca)\n"
    plugins = [
        "langso/search",
        "langso/content",
        "langso/photos",
        "langso/reader",
        "langso/offline",
        {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
        "langso/plaques",
    ]
    root = make_site(files={LANDMARK: page, "content/index.md": home}, config={"plugins": plugins})
    result = build_site(root)  # strict: an anchor not found would stop it too
    assert result.ok, result.text()
    assert result.messages == []
    assert ids(result.read(HTML)) == [
        ("h1", "mon-an"),
        ("h2", "ca-kho-ca"),
        ("h2", "ca-kho-ca-tim"),
        ("h2", "nguon"),
    ]
    index = json.loads(result.read("assets/langso/search-index.json"))
    (entry,) = [p for p in index["pages"] if p["u"] == "dia-diem/dinh-lang-phu-my/"]
    assert [s[:2] for s in entry["s"]] == [
        ["ca-kho-ca", "Cá kho"],
        ["ca-kho-ca-tim", "Cà kho"],
        ["nguon", "Nguồn"],
    ]
    assert 'href="dia-diem/dinh-lang-phu-my/#ca-kho-ca"' in result.read("index.html")


def test_emoji_only_heading_needs_an_explicit_id(make_site: SiteFactory) -> None:
    page = "# Món ăn\n\n## 🍜\n\nPhở.\n\n## 🍲 {#lau}\n\nLẩu.\n\n## Nguồn\n\n- Bà Lan\n"
    result = build_site(make_site(files={LANDMARK: page}), strict=False)
    assert result.ok, result.text()
    assert ids(result.read(HTML)) == [
        ("h1", "mon-an"),
        ("h2", "_1"),
        ("h2", "lau"),
        ("h2", "nguon"),
    ]
    assert result.messages == [
        f"{LANDMARK}:3: tiêu đề `## 🍜` không có chữ hay số để làm mã liên kết, nên nhận mã `#_1`"
        " theo vị trí trên trang; mã đó đổi khi thêm hay bớt tiêu đề — thêm chữ vào tiêu đề,"
        " hoặc đặt mã ở cuối dòng, ví dụ `## 🍜 {#muc-2}`\n"
        "    (en) the heading `## 🍜` has no letter or digit to make a link id from, so it gets"
        " `#_1` by its position on the page, which changes when headings are added or removed"
        " — add words to the heading, or give it an id at the end of the line,"
        " e.g. `## 🍜 {#muc-2}`"
    ]


def test_setext_headings_count_and_code_blocks_do_not(make_site: SiteFactory) -> None:
    page = (
        "Món ăn\n======\n\n```\n## Món ăn\n```\n\n    # Món ăn\n\nCá kho\n------\n\n"
        "!!! note\n    ## Cà kho\n\n## Nguồn\n\n- Bà Lan\n"
    )
    result = build_site(make_site(files={LANDMARK: page}), strict=False)
    assert result.ok, result.text()
    assert ids(result.read(HTML)) == [
        ("h1", "mon-an"),
        ("h2", "ca-kho"),
        ("h2", "ca-kho_1"),
        ("h2", "nguon"),
    ]
    assert [m.split(" — ")[0] for m in result.messages] == [
        f"{LANDMARK}:14: tiêu đề `## Cà kho` và tiêu đề `Cá kho` ở dòng 10 cùng ra mã liên kết"
        " `#ca-kho` (mã bỏ dấu), nên tiêu đề nào nhận mã nào tùy thứ tự trên trang: đổi thứ tự"
        " là liên kết đã chia sẻ mở nhầm tiêu đề"
    ]


def test_langso_check_lists_the_heading_warning(make_site: SiteFactory) -> None:
    root = make_site(files={LANDMARK: CLASH})
    result = subprocess.run(
        [sys.executable, "-m", "langso.cli", "check"],
        cwd=root,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=120,
        check=False,
    )
    assert "Traceback" not in result.stderr
    assert result.stdout.splitlines()[0] == CLASH_WARNING.split("\n")[0]
    assert result.returncode == 1


def test_the_warning_comes_back_with_the_recalled_page(
    make_site: SiteFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check is part of the checked page kept between builds: a page recalled unchanged
    is not parsed again, and its warning is reported again."""
    root = make_site(files={LANDMARK: CLASH})
    first = build_site(root, strict=False)

    def not_again(body: str, rel: str, first_line: int = 1) -> list[Problem]:
        raise AssertionError(f"{rel} checked again")

    monkeypatch.setattr(frontmatter, "heading_problems", not_again)
    again = build_site(root, site_dir=tmp_path / "again", strict=False)
    assert first.messages == again.messages == [CLASH_WARNING]
