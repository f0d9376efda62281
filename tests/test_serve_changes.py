"""``langso serve`` renders again only the generated pages whose Markdown changed (issue 18)."""

from __future__ import annotations

import time
from pathlib import Path

from mkdocs.structure.files import File

from langso.adapter import GeneratedPage, render_only_changed
from tests.browser import fetch, langso_serve, wait_for
from tests.conftest import SiteFactory

CLINIC = """ten: 'Trạm y tế Phú Mỹ'
loai: 'y-te'
dien_thoai: '0300 000 002'
xac_minh:
  ngay: '01/11/2026'
  vai_tro: 'Trưởng thôn'
du_lieu_mau: 'có'
"""


def _builds(log: Path) -> int:
    """How many builds ``langso serve`` has finished, from its log."""
    return log.read_text(encoding="utf-8", errors="replace").count("Documentation built in")


def _wait_builds(log: Path, count: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _builds(log) >= count:
            return True
        time.sleep(0.2)
    return False


def _identity(path: Path) -> tuple[int, int]:
    status = path.stat()
    return status.st_ino, status.st_mtime_ns


def test_an_edit_renders_again_only_the_generated_pages_that_show_it(
    make_site: SiteFactory, tmp_path: Path
) -> None:
    root = make_site(files={"content/danh-ba/tram-y-te.yml": CLINIC})
    with langso_serve(root, tmp_path) as (port, log, previews):
        base = f"http://127.0.0.1:{port}/lang-phu-my/"
        assert wait_for(base + "danh-ba/cho-phu-my/", "Chợ Phú Mỹ", 90), log.read_text("utf-8")
        (site,) = previews.glob("mkdocs_*")
        # A build with nothing changed renders again none of the generated pages.
        unrelated = [
            site / "danh-ba/y-te/index.html",  # a list published from the cache
            site / "bien-qr/index.html",  # a page made in memory
            site / "q/dinh/index.html",  # a file made in memory, not a page
            site / "bien-qr/in-1.html",  # a file published from the cache, not a page
        ]
        listing = site / "danh-ba/cho/index.html"
        before = {path: _identity(path) for path in [*unrelated, listing]}
        (root / "content/index.md").touch()
        assert _wait_builds(log, 2, 60), log.read_text("utf-8")
        assert {path: _identity(path) for path in before} == before
        # One service edited: its page and the list that shows its name, nothing else.
        service = root / "content/danh-ba/cho-phu-my.yml"
        text = service.read_text(encoding="utf-8").replace("Chợ Phú Mỹ", "Chợ Phú Mỹ Mới")
        service.write_text(text, encoding="utf-8")
        assert _wait_builds(log, 3, 60), log.read_text("utf-8")
        assert "Chợ Phú Mỹ Mới" in (fetch(base + "danh-ba/cho-phu-my/") or "")
        assert "Chợ Phú Mỹ Mới" in (fetch(base + "danh-ba/cho/") or "")
        assert _identity(listing) != before[listing]
        assert {path: _identity(path) for path in unrelated} == {p: before[p] for p in unrelated}
        # Back as it was: the list shows the old name again (its Markdown is that of a build
        # before the last one: rendered again all the same).
        service.write_text(text.replace("Chợ Phú Mỹ Mới", "Chợ Phú Mỹ"), encoding="utf-8")
        assert _wait_builds(log, 4, 60), log.read_text("utf-8")
        assert "Chợ Phú Mỹ Mới" not in (fetch(base + "danh-ba/cho/") or "")
        assert "Chợ Phú Mỹ Mới" not in (fetch(base + "danh-ba/cho-phu-my/") or "")
    assert "Traceback" not in log.read_text("utf-8")


def test_a_generated_page_is_rendered_until_its_published_file_is_written(tmp_path: Path) -> None:
    page = File("lists/index.md", None, str(tmp_path / "site"), True)
    page.content_string = "# Danh sách\n"
    page.generated_by = "langso/content"
    hand_written = File("a.md", str(tmp_path), str(tmp_path / "site"), True)
    assert render_only_changed([page, hand_written]) == 1
    assert isinstance(page, GeneratedPage) and type(hand_written) is File
    published = tmp_path / "site/lists/index.html"
    assert page.is_modified() and page.is_modified()  # not published: both calls of a build
    assert page.is_modified()  # the build stopped before writing it: still to render
    published.parent.mkdir(parents=True)
    published.write_text("<h1>Danh sách</h1>", encoding="utf-8")
    assert not page.is_modified() and not page.is_modified()  # written from this Markdown
    page.content_string = "# Danh sách mới\n"
    assert page.is_modified() and page.is_modified()
    published.write_text("<h1>Danh sách mới</h1>!", encoding="utf-8")
    assert not page.is_modified()
    published.unlink()  # removed as stale (langso.content.stale)
    assert page.is_modified()
