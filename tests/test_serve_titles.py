"""A dirty build (``langso serve``) does not read the pages whose Markdown did not change; MkDocs
then gives them no title and the menus of the pages it renders printed "None" for them. They keep
the title they had (``langso.adapter.KnownTitlePage``)."""

from __future__ import annotations

import os
import re

from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import SiteFactory

PLACE = "content/dia-diem/dinh-lang-phu-my.md"
OTHER = "content/dia-diem/cho-que.md"
OTHER_PAGE = '---\ntitle: "Chợ quê (thử)"\n---\n\n# Chợ quê (thử)\n\nChợ họp sáng sớm mỗi ngày.\n'


def _menu(html: str) -> list[str]:
    """The texts of the links of the page's navigation (Material's ``md-nav__link``)."""
    links = re.findall(r'class="md-nav__link[^"]*"[^>]*>(.*?)</a>', html, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", link).split()) for link in links]


def test_a_dirty_rebuild_keeps_the_titles_of_the_pages_it_does_not_read(
    make_site: SiteFactory,
) -> None:
    root = make_site(files={OTHER: OTHER_PAGE})
    site = root / "site"
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=True)
    try:
        build(config, dirty=True)
        place = root / PLACE
        place.write_text(
            place.read_text(encoding="utf-8") + "\nCổng đình sơn lại năm nay.\n", "utf-8"
        )
        later = (site / "dia-diem/dinh-lang-phu-my/index.html").stat().st_mtime + 2
        os.utime(place, (later, later))  # edited after the build
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))
        build(config, dirty=True)
    finally:
        config.plugins.on_startup(command="build", dirty=False)
    html = (site / "dia-diem/dinh-lang-phu-my/index.html").read_text(encoding="utf-8")
    assert "Cổng đình sơn lại năm nay." in html  # rendered again
    menu = " | ".join(_menu(html))
    assert "Chợ quê (thử)" in menu
    assert "None" not in menu
