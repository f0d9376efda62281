"""The first-load budget is measured on the built pages and stops the build when exceeded."""

from __future__ import annotations

import sys
from pathlib import Path

from langso.reader.budget import built_file, first_load, gzip_size
from langso.reader.config import ReaderConfig
from tests.conftest import SiteFactory, build_site


def plugins(reader: dict[str, object]) -> dict[str, object]:
    return {
        "plugins": [
            "langso/content",
            {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
            "langso/plaques",
            {"langso/reader": reader},
        ]
    }


DEFAULT_BUDGET_KB = ReaderConfig.budget_kb.default
"""The ``budget_kb`` a site gets without setting it (the project's goal for a first load)."""


def test_the_default_budget_is_the_projects_goal() -> None:
    assert DEFAULT_BUDGET_KB == 35  # issue 14: at most 35 KB gzip without photos


def test_first_load_counts_the_page_and_its_own_css_and_js(tmp_path: Path) -> None:
    (tmp_path / "a.css").write_text("body{color:#000}" * 50, encoding="utf-8")
    (tmp_path / "a.js").write_text("var x=1;" * 50, encoding="utf-8")
    html = (
        '<link rel="stylesheet" href="a.css"><script src="a.js"></script>'
        '<script src="https://cdn.example/x.js"></script><img src="big.jpg">'
    )
    page = tmp_path / "index.html"
    page.write_text(html, encoding="utf-8")
    load = first_load(page)
    assert load.requests == 3
    assert load.raw_bytes == len(html) + 800 + 400
    assert load.gzip_bytes == (
        gzip_size(html.encode()) + gzip_size(b"body{color:#000}" * 50) + gzip_size(b"var x=1;" * 50)
    )


def test_a_page_over_the_budget_stops_the_build(make_site: SiteFactory) -> None:
    result = build_site(make_site(config=plugins({"budget_kb": 10})), strict=False)
    assert not result.ok
    message = result.messages[-1]
    assert message.startswith(
        "Làng số: 7 trang nặng hơn 10 KB khi mở lần đầu (HTML, CSS, JS, gzip) — bớt mã nhúng,"
        " tệp CSS/JS thêm vào hoặc chia nhỏ trang. / 7 page(s) weigh more than 10 KB on first"
        " load:\n404.html: "
    )  # the 404 page (built first) is weighed like the others


def test_the_fixture_fits_the_default_budget(make_site: SiteFactory) -> None:
    result = build_site(make_site(config=plugins({})))
    assert result.ok, result.text()


# A plugin running between the reader's changes (-90) and its measure (-100) makes one page
# heavy: the measure must weigh that page, not the one the reader made.
HEAVY_HOOK = """
import random
from mkdocs.plugins import event_priority

@event_priority(-95)
def on_post_page(output, page, config):
    if page.file.src_uri != "index.md":
        return output
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    rng = random.Random(1)
    noise = "".join(rng.choice(letters) for _ in range(100000))
    return output.replace("</body>", f"<p hidden>{noise}</p></body>")
"""


def test_a_page_changed_after_the_reader_is_weighed_as_written(make_site: SiteFactory) -> None:
    root = make_site(files={"heavy.py": HEAVY_HOOK}, config={**plugins({}), "hooks": ["heavy.py"]})
    for _ in range(2):  # the second build reads the memo of the first
        result = build_site(root, strict=False)
        assert not result.ok
        head, pages = result.messages[-1].split(":\n")
        assert head.startswith(f"Làng số: 1 trang nặng hơn {DEFAULT_BUDGET_KB} KB")
        load = first_load(root / "site" / "index.html")  # the file as written
        assert load.gzip_bytes > 80_000
        assert pages == f"index.md: {load.gzip_bytes / 1000:.1f} KB ({load.requests} tệp/files)"


def test_a_pages_folder_is_not_kept_after_its_files_are_found() -> None:
    """Each page of a large site has its own folder: finding its files keeps nothing of it (a
    memo by folder held a path per file per page, 8 MB at N = 3,000, for no later page)."""
    folder = "".join(["/site/dia-diem/", "dinh-lang-phu-my"])  # a string of its own
    before = sys.getrefcount(folder)
    assert built_file(folder, "../../assets/a.css?v=1#x") == "/site/assets/a.css"
    assert sys.getrefcount(folder) == before
