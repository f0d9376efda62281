"""``langso serve`` leaves the 404 page as it is on a rebuild unless what it shows changed
(issue 18: MkDocs renders it, with the whole navigation, on every build)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import SiteFactory, build_site

PAGE = "content/dia-diem/dinh-lang-phu-my.md"


def _dirty_build(root: Path, site: Path) -> None:
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))
    build(config, dirty=True)
    assert "404.html" in config.theme.static_templates  # the next build decides again


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_a_dirty_rebuild_leaves_the_404_page_unless_what_it_shows_changed(
    make_site: SiteFactory,
) -> None:
    root = make_site()
    site = root / "preview"
    _dirty_build(root, site)  # the first build of an empty folder renders it
    error_page = site / "404.html"
    first = error_page.read_bytes()
    for name in ("mkdocs.yml", "content/village.yml", "content/danh-ba/cho-phu-my.yml"):
        _age(root / name, 3600)
    # The 404 page keeps its own time: it must stay newer than the theme's templates, which a
    # fresh checkout dates to the clone (ageing it made this test fail there).
    made = error_page.stat().st_mtime_ns

    # A paragraph added to a page: the 404 page is not written again, and is a full build's.
    page = root / PAGE
    page.write_text(
        page.read_text(encoding="utf-8").replace("## Đường đi\n", "## Đường đi\n\nSơn lại.\n"),
        encoding="utf-8",
    )
    _dirty_build(root, site)
    assert "Sơn lại." in (site / "dia-diem/dinh-lang-phu-my/index.html").read_text("utf-8")
    assert error_page.stat().st_mtime_ns == made
    full = build_site(root, site_dir=root / "full")
    assert full.ok, full.text()
    assert error_page.read_bytes() == first == (root / "full/404.html").read_bytes()

    # village.yml edited (the 404 page shows the village): rendered again.
    (root / "content/village.yml").touch()
    _dirty_build(root, site)
    assert error_page.stat().st_mtime_ns != made
