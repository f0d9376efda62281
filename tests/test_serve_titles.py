"""A dirty build (``langso serve``) does not read the pages whose Markdown did not change; MkDocs
then gives them no title and the menus of the pages it renders printed "None" for them. They keep
the title they had (``langso.adapter.KnownTitlePage``)."""

from __future__ import annotations

import re

from tests.conftest import SiteFactory
from tests.offline.test_dirty import PAGE
from tests.offline.test_dirty import _serve as serve_dirty

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
    page = root / PAGE
    serve_dirty(root, site, page.read_text(encoding="utf-8") + "\nCổng đình sơn lại năm nay.\n")
    html = (site / "dia-diem/dinh-lang-phu-my/index.html").read_text(encoding="utf-8")
    assert "Cổng đình sơn lại năm nay." in html  # rendered again
    menu = " | ".join(_menu(html))
    assert "Chợ quê (thử)" in menu
    assert "None" not in menu
