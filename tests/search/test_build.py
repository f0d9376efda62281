"""``langso/search`` in real builds: the index file, the search box, the search page, the size."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from tests.conftest import SiteFactory, build_site
from tests.search.sites import C02_TEXT, HOME, NO_DATA, SEARCH_ONLY, c02_site, full_site

INDEX = "assets/langso/search-index.json"


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def test_index_of_the_c02_site(make_site: SiteFactory) -> None:
    result = build_site(c02_site(make_site))
    assert result.ok, result.text()
    assert result.messages == []
    index = json.loads(result.read(INDEX))
    assert index["v"] == 2
    # The home page's top is the village's own (tiles, emergency numbers): only its place here.
    assert [(page["t"], page["u"]) for page in index["pages"]] == [
        ("Trang chủ", ""),
        ("Đình làng Phú Mỹ", "dia-diem/dinh-lang-phu-my/"),
    ]
    assert index["pages"][1] == {
        "t": "Đình làng Phú Mỹ",
        "u": "dia-diem/dinh-lang-phu-my/",
        "s": [
            ["", "", C02_TEXT],
            ["duong-di", "Đường đi", "Từ ngã ba đi thẳng 200 mét, rẽ trái."],
            ["dien-thoai-lien-he", "Điện thoại liên hệ", "Hỏi ông từ giữ đình."],
            ["an-uong-gan-dinh", "Ăn uống gần đình", "Quán ốc Út bán buổi chiều."],
            # A list of sources that is only links: searched, never a snippet.
            ["nguon", "Nguồn", "", "Bài viết mẫu"],
        ],
    }


def test_every_page_has_the_search_box_and_material_has_none(make_site: SiteFactory) -> None:
    result = build_site(c02_site(make_site))
    pages = [("index.html", "./", ""), ("dia-diem/dinh-lang-phu-my/index.html", "../../", "../../")]
    for path, root, up in pages:
        soup = result.soup(path)
        assert soup.select("[for=__search]") == []  # Material's own search is not there
        (form,) = soup.select("header.md-header form.langso-search")
        assert form["action"] == f"{up}tim-kiem/"
        assert form["data-root"] == root
        assert form["data-index"] == f"{root}{INDEX}"
        assert form.select_one("label[for=langso-search-input]").text == "Tìm kiếm"
        assert form.select_one("input#langso-search-input")["name"] == "q"
        assert form.select_one("[aria-live=polite]") is not None
        scripts = [s.get("src") for s in soup.select("script[src]")]
        assert f"{up}assets/langso/search.js" in scripts
        # The index is not linked from the page: only the script fetches it, when asked.
        assert INDEX not in str(soup.select("head"))


def test_search_page_is_generated_and_honest_without_javascript(make_site: SiteFactory) -> None:
    result = build_site(c02_site(make_site))
    soup = result.soup("tim-kiem/index.html")
    assert soup.select_one("article h1").text.strip("¶") == "Tìm kiếm"
    noscript = soup.select_one("#langso-search-page noscript")
    assert noscript is not None
    assert "cần bật JavaScript" in noscript.text
    urls = [page["u"] for page in json.loads(result.read(INDEX))["pages"]]
    assert "tim-kiem/" not in urls
    # Not in the navigation either.
    assert "Tìm kiếm" not in soup.select_one("nav.md-nav--primary").text


def test_an_authors_search_page_is_kept(make_site: SiteFactory) -> None:
    page = '# Tìm trong sổ tay\n\n<div id="langso-search-page"></div>\n'
    root = c02_site(make_site)
    (root / "content/tim-kiem.md").write_text(page, encoding="utf-8")
    result = build_site(root)
    assert result.ok, result.text()
    assert result.soup("tim-kiem/index.html").select_one("article h1").text.strip("¶") == (
        "Tìm trong sổ tay"
    )


def test_excluded_pages_and_nfd_text(make_site: SiteFactory) -> None:
    nfd = "# Chùa\n\nĐi lễ chu\u0300a Thie\u0302n Mu\u0323.\n"
    files = {
        **NO_DATA,
        "content/index.md": HOME,
        "content/dia-diem/dinh-lang-phu-my.md": None,
        "content/chua.md": nfd,
        "content/rieng.md": "---\nsearch:\n  exclude: true\n---\n\n# Riêng\n\nKhông tìm.\n",
    }
    result = build_site(make_site(files=files, config=SEARCH_ONLY))
    assert result.ok, result.text()
    pages = json.loads(result.read(INDEX))["pages"]
    assert [p["u"] for p in pages] == ["", "chua/"]
    assert pages[1]["s"] == [["", "", "Đi lễ chùa Thiên Mụ."]]  # NFC (C-03)


def test_without_directory_urls(make_site: SiteFactory) -> None:
    root = c02_site(make_site)
    result = build_site(root, use_directory_urls=False)
    assert result.ok, result.text()
    form = result.soup("dia-diem/dinh-lang-phu-my.html").select_one("form.langso-search")
    assert form is not None
    assert form["action"] == "../tim-kiem.html"
    pages = json.loads(result.read(INDEX))["pages"]
    assert [p["u"] for p in pages] == ["index.html", "dia-diem/dinh-lang-phu-my.html"]


def test_listing_materials_search_too_is_a_warning(make_site: SiteFactory) -> None:
    config = {"plugins": ["search", "langso/content", "langso/search"]}
    files = {**NO_DATA, "content/index.md": HOME}
    result = build_site(make_site(files=files, config=config), strict=False)
    assert result.ok, result.text()
    assert result.messages == [
        "mkdocs.yml: plugins: bỏ `search` khi dùng `langso/search`"
        " / remove `search`: `langso/search` replaces it"
    ]


def test_index_is_no_bigger_than_materials(make_site: SiteFactory) -> None:
    """Same content, built once with Material's ``search`` and once with ``langso/search``."""
    material = build_site(full_site(make_site, "search"), strict=False)
    ours = build_site(full_site(make_site, "langso/search"), strict=False)
    assert material.ok and ours.ok, material.text() + ours.text()
    material_index = material.site_dir / "search/search_index.json"
    our_index = ours.site_dir / INDEX
    assert not (ours.site_dir / "search/search_index.json").exists()
    urls = [p["u"] for p in json.loads(our_index.read_text(encoding="utf-8"))["pages"]]
    assert "dia-diem/dinh-lang-phu-my/" in urls
    assert "danh-ba/cho-phu-my/" in urls  # generated directory pages are searchable too
    assert gzip_size(our_index) <= gzip_size(material_index)
    assert our_index.stat().st_size <= material_index.stat().st_size


SERVICE = """ten: 'Quán {n}'
loai: 'cho'
dien_thoai: '0300 000 00{n}'
mo_ta: 'Quán số {n} bán bún, phở.'
dia_chi:
  chi_tiet: 'ngõ {n}'
du_lieu_mau: 'có'
"""


def test_directory_snippets_are_prose_not_the_table_or_the_sample_notice(
    make_site: SiteFactory,
) -> None:
    """Every service page carries the sample-data notice and a table of details: the index keeps
    both searchable, but the prose a snippet shows is the service's own description."""
    files: dict[str, str | None] = {
        f"content/danh-ba/quan-{n}.yml": SERVICE.format(n=n) for n in range(1, 5)
    }
    plugins = [
        "langso/search",
        "langso/content",
        {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
    ]
    result = build_site(make_site(files=files, config={"plugins": plugins}))
    assert result.ok, result.text()
    pages = {p["u"]: p for p in json.loads(result.read(INDEX))["pages"]}
    for n in range(1, 5):
        top = pages[f"danh-ba/quan-{n}/"]["s"][0]
        assert top[2] == f"Quán số {n} bán bún, phở."
        assert "dữ liệu mẫu" in top[3].lower() and "0300 000 00" in top[3]  # still searchable
        # the detail rows are searched, never shown: a search for "Chợ" shows the description
        (details,) = [s for s in pages[f"danh-ba/quan-{n}/"]["s"] if s[0] == "thong-tin"]
        assert details == [
            "thong-tin",
            "Thông tin",
            "",
            f"Loại Chợ Địa chỉ ngõ {n}, xã Yên Định, tỉnh Thanh Hóa Địa chỉ cũ (trước 01/07/2025)"
            f" xã Định Long, huyện Yên Định Điện thoại 0300 000 00{n} ← Danh bạ",
        ]
    shown = " ".join(s[2] for p in pages.values() for s in p["s"])
    assert "dữ liệu mẫu" not in shown.lower()
    assert "Chi tiết" not in shown


def test_a_pages_description_is_in_the_index(make_site: SiteFactory) -> None:
    page = (
        "---\ndescription: Đình cổ của làng, mở cửa ngày rằm.\n---\n\n"
        "# Đình\n\n| A | B |\n|---|---|\n| 1 | 2 |\n"
    )
    files = {**NO_DATA, "content/index.md": HOME, "content/dinh.md": page}
    result = build_site(make_site(files=files, config=SEARCH_ONLY))
    assert result.ok, result.text()
    (entry,) = [p for p in json.loads(result.read(INDEX))["pages"] if p["u"] == "dinh/"]
    assert entry == {
        "t": "Đình",
        "u": "dinh/",
        "d": "Đình cổ của làng, mở cửa ngày rằm.",
        "s": [["", "", "", "A B 1 2"]],
    }
    home = json.loads(result.read(INDEX))["pages"][0]
    assert "d" not in home  # the site's description is no page's own


GUIDE = """---
title: "Tạo tài khoản VNeID mức 1"
can_chuan_bi:
  - "Thẻ căn cước gắn chíp"
  - "Điện thoại đã cài VNeID"
---

# Tạo tài khoản VNeID mức 1

Bà con tự làm được trên điện thoại.

- Có mạng
- Có pin

## Các bước

1. Mở ứng dụng VNeID.
2. Chọn Đăng ký tài khoản mức 1.
"""


def test_a_guides_need_box_is_searched_not_shown_and_items_are_kept_apart(
    make_site: SiteFactory,
) -> None:
    files = {**NO_DATA, "content/index.md": HOME, "content/huong-dan/vneid.md": GUIDE}
    result = build_site(make_site(files=files, config=SEARCH_ONLY))
    assert result.ok, result.text()
    (entry,) = [p for p in json.loads(result.read(INDEX))["pages"] if p["u"] == "huong-dan/vneid/"]
    top, steps = entry["s"][:2]
    assert top[2] == "Bà con tự làm được trên điện thoại. Có mạng · Có pin"
    assert "Cần chuẩn bị Thẻ căn cước gắn chíp Điện thoại đã cài VNeID" in top[3]
    assert steps[:3] == ["cac-buoc", "Các bước", "Mở ứng dụng VNeID. Chọn Đăng ký tài khoản mức 1."]
