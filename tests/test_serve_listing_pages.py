"""Each page of a long directory list describes its own entries, so an edit to one entry's name
changes only the page that shows it (``langso serve`` renders no other: issue 18)."""

from __future__ import annotations

from tests.conftest import SiteFactory, build_site

SERVICE = """ten: '{name}'
loai: 'cho'
dien_thoai: '0300 000 1{n:02d}'
xac_minh:
  ngay: '01/11/2026'
  vai_tro: 'Trưởng thôn'
du_lieu_mau: 'có'
"""
NAMES = ["An", "Bình", "Cầu", "Dương", "Đông", "Giang", "Hòa"]


def _description(html: str) -> str:
    start = html.index('<meta name="description" content="') + len('<meta name="description" ')
    return html[start + len('content="') : html.index('"', start + len('content="'))]


def test_each_list_page_names_its_own_entries(make_site: SiteFactory) -> None:
    files: dict[str, str | None] = {}  # with the fixture's Chợ Phú Mỹ
    for n, name in enumerate(NAMES):
        files[f"content/danh-ba/cho-{n}.yml"] = SERVICE.format(name=f"Chợ {name}", n=n)
    config = {
        "plugins": [
            "langso/content",
            {"langso/directory": {"stale_level": "info", "page_size": 3}},
            "langso/plaques",
        ]
    }
    result = build_site(make_site(files=files, config=config))
    assert result.aborted is None, result.messages
    pages = ["danh-ba/cho/index.html", "danh-ba/cho/trang-2/index.html"]
    pages.append("danh-ba/cho/trang-3/index.html")
    assert [_description(result.read(page)) for page in pages] == [
        "Chợ: 8 nơi trong Danh bạ dịch vụ — Chợ An, Chợ Bình, Chợ Cầu…",
        "Chợ: 8 nơi trong Danh bạ dịch vụ — Chợ Dương, Chợ Đông, Chợ Giang…",
        "Chợ: 8 nơi trong Danh bạ dịch vụ — Chợ Hòa, Chợ Phú Mỹ…",
    ]
