"""Pages do not grow with the site: the same village built at two sizes, page by page.

A section of 5 or 80 place pages (each with a plaque), a guide folder whose hand-written index
links every guide, and a directory of 10 or 200 entries, with small limits so that both sizes are
"big" (``nav_section_limit: 4``, lists of 5 links a page). Each page type must weigh the same at
both sizes within 10 %; every place, entry and plaque must be reachable from its index page by
following links that all resolve to files of the site.
"""

from __future__ import annotations

import posixpath
import shutil
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from bs4 import Tag

from tests.conftest import FIXTURE_SITES, BuildResult, SiteFactory, build_site

LETTERS = ("An", "Bình", "Chợ", "Đông", "Yên")  # every size uses the same index letters
GUIDES = 30


def write_village(root: Path, places: int, services: int, features: list[str]) -> None:
    """The minimal fixture with ``places`` place pages and plaques and ``services`` entries."""
    shutil.copytree(FIXTURE_SITES / "minimal", root)
    content = root / "content"
    for old in [*content.glob("danh-ba/*.yml"), *content.glob("dia-diem/*.md")]:
        old.unlink()
    (content / "index.md").write_text("# Làng thử\n\n[Địa điểm](dia-diem/index.md)\n", "utf-8")
    (content / "dia-diem" / "index.md").write_text(
        '---\ntitle: "Địa điểm"\n---\n\n# Địa điểm\n\nNhững nơi đáng đến trong làng.\n', "utf-8"
    )
    plaques = []
    for n in range(places):
        name = f"dinh-so-{n:03d}.md"
        (content / "dia-diem" / name).write_text(
            f"# Đình số {n:03d}\n\nNgôi đình của xóm.\n\n## Nguồn\n\n- Lời các cụ.\n", "utf-8"
        )
        plaques.append(f"- id: 'd{n:03d}'\n  ten: 'Đình số {n:03d}'\n  trang: 'dia-diem/{name}'\n")
    (content / "plaques.yml").write_text("".join(plaques), "utf-8")
    guides = content / "huong-dan"
    guides.mkdir()
    links = "".join(f"- [Hướng dẫn {n:02d}](hd-{n:02d}.md)\n" for n in range(GUIDES))
    (guides / "index.md").write_text(f"# Hướng dẫn\n\n{links}", "utf-8")
    for n in range(GUIDES):
        (guides / f"hd-{n:02d}.md").write_text(
            f"# Hướng dẫn {n:02d}\n\n## Các bước\n\n1. Mở ứng dụng.\n2. Làm theo.\n", "utf-8"
        )
    for n in range(services):
        (content / "danh-ba" / f"dich-vu-{n:03d}.yml").write_text(
            f"ten: '{LETTERS[n % len(LETTERS)]} dịch vụ số {n:03d}'\n"
            f"loai: '{('cho', 'y-te')[n % 2]}'\n"
            f"dien_thoai: '0300 000 {n:03d}'\n"
            "gio_mo_cua:\n  - ngay: 'hằng ngày'\n    gio: '5:00-11:00'\n"
            "du_lieu_mau: 'có'\n",
            "utf-8",
        )
    config_path = root / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text("utf-8"))
    config["theme"]["features"] = features
    config["plugins"] = [
        {"langso/content": {"nav_section_limit": 4, "listing_page_size": 5}},
        {"langso/directory": {"stale_level": "info", "duplicate_level": "info", "page_size": 5}},
        {"langso/plaques": {"page_size": 5}},
    ]
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")


Builder = Callable[[int, int, list[str]], BuildResult]


@pytest.fixture(scope="module")
def village(tmp_path_factory: pytest.TempPathFactory) -> Builder:
    """Build (once per size and features) the village of ``places`` pages, ``services`` entries."""
    built: dict[tuple[int, int, tuple[str, ...]], BuildResult] = {}

    def build(places: int, services: int, features: list[str]) -> BuildResult:
        key = (places, services, tuple(features))
        if key not in built:
            root = tmp_path_factory.mktemp("village") / "site"
            write_village(root, places, services, features)
            result = build_site(root)
            assert result.ok, result.text()
            built[key] = result
        return built[key]

    return build


PRUNE = ["navigation.prune"]
SMALL = (5, 10)
LARGE = (80, 200)

# One page of each type: the same page at both sizes.
PAGES = {
    "home": "index.html",
    "place": "dia-diem/dinh-so-002/index.html",
    "places index": "dia-diem/index.html",
    "guide": "huong-dan/hd-03/index.html",
    "service": "danh-ba/dich-vu-002/index.html",
    "directory index": "danh-ba/index.html",
    "category": "danh-ba/cho/index.html",
    "names": "danh-ba/theo-ten/index.html",
    "plaques index": "bien-qr/index.html",
}


@pytest.mark.parametrize("features", [PRUNE, ["navigation.indexes"]], ids=["prune", "indexes"])
def test_each_page_type_weighs_the_same_at_both_sizes(
    village: Builder, features: list[str]
) -> None:
    small, large = village(*SMALL, features), village(*LARGE, features)
    sizes = {
        kind: ((small.site_dir / page).stat().st_size, (large.site_dir / page).stat().st_size)
        for kind, page in PAGES.items()
    }
    grown = {kind: (s, big) for kind, (s, big) in sizes.items() if abs(big - s) / s >= 0.10}
    assert grown == {}


def resolve(site: Path, page: str, href: str) -> str | None:
    """The site file a relative link of ``page`` leads to; ``None`` for other links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    if href.split("#")[0].endswith("/") or (site / target).is_dir():
        target = posixpath.join(target, "index.html")
    return target


def crawl(result: BuildResult, start: str, folder: str) -> set[str]:
    """Every file linked from the article of ``start`` or of any page reached from it inside
    ``folder``; each link must lead to a file that exists."""
    seen, todo, found = {start}, [start], set()
    while todo:
        page = todo.pop()
        article = result.soup(page).select_one("article")
        assert isinstance(article, Tag), page
        for link in article.select("a[href]"):
            target = resolve(result.site_dir, page, str(link["href"]))
            if target is None:
                continue
            assert (result.site_dir / target).is_file(), f"{page}: {link['href']}"
            found.add(target)
            if target.startswith(folder) and target.endswith(".html") and target not in seen:
                seen.add(target)
                todo.append(target)
    return found


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["small", "large"])
def test_every_place_is_reachable_from_its_index(village: Builder, size: tuple[int, int]) -> None:
    result = village(*size, PRUNE)
    places = {f"dia-diem/dinh-so-{n:03d}/index.html" for n in range(size[0])}
    assert places <= crawl(result, "dia-diem/index.html", "dia-diem/trang-")
    # The hand-written index keeps its text; the list comes after it, under its own heading.
    page = result.soup("dia-diem/index.html").select_one("article")
    assert page is not None
    assert page.p is not None and page.p.get_text() == "Những nơi đáng đến trong làng."
    assert [h.get_text() for h in page.select("h2")] == ["Tất cả các trang"]


def test_place_lists_are_alphabetical_and_paginated(village: Builder) -> None:
    result = village(*LARGE, PRUNE)
    page = result.soup("dia-diem/trang-2/index.html").select_one("article")
    assert page is not None and page.h1 is not None
    assert page.h1.get_text() == "Dia diem (trang 2/16)"
    assert [li.get_text() for li in page.select("ul li")] == [
        f"Đình số {n:03d}" for n in range(5, 10)
    ]
    pager = page.find_all("p")[-1]
    assert [(a.get_text(), a["href"]) for a in pager.select("a")] == [
        ("« Trang trước", "../"),
        ("1", "../"),
        ("3", "../trang-3/"),
        ("4", "../trang-4/"),
        ("16", "../trang-16/"),
        ("Trang sau »", "../trang-3/"),
    ]
    assert pager.get_text().startswith("Trang 2/16: « Trang trước · 1 2 3 4 … 16")


def test_an_index_linking_every_page_gets_no_list(village: Builder) -> None:
    result = village(*LARGE, PRUNE)
    page = result.soup("huong-dan/index.html").select_one("article")
    assert page is not None and page.select("h2") == []
    assert len(page.select("li a")) == GUIDES
    assert not (result.site_dir / "huong-dan" / "trang-2").exists()


def nav_links(result: BuildResult, page: str) -> list[tuple[str, str]]:
    nav = result.soup(page).select_one("nav.md-nav--primary")
    assert nav is not None
    return [(a.get_text(" ", strip=True), str(a["href"])) for a in nav.select("a")]


@pytest.mark.parametrize("features", [PRUNE, ["navigation.indexes"]], ids=["prune", "indexes"])
def test_navigation_shows_a_window_of_a_big_section(village: Builder, features: list[str]) -> None:
    result = village(*LARGE, features)
    links = nav_links(result, "dia-diem/dinh-so-040/index.html")
    places = [title for title, _ in links if title.startswith("Đình số")]
    # The current page with 3 neighbours either side, in the nav's order; never the other 73.
    assert places == [f"Đình số {n:03d}" for n in range(37, 44)]
    assert ("Xem tất cả 80 trang", "../#tat-ca-cac-trang") in links
    # Each page has its own window: the shared navigation was not changed by the page before.
    other = [t for t, _ in nav_links(result, "dia-diem/dinh-so-070/index.html") if "số" in t]
    assert other == [f"Đình số {n:03d}" for n in range(67, 74)]
    # The guides section (30 pages, limit 4) is cut too; without pruning it is shown, windowed.
    guides = [t for t, _ in links if t.startswith("Hướng dẫn ")]
    assert guides == ([] if features == PRUNE else [f"Hướng dẫn {n:02d}" for n in range(7)])
    if features != PRUNE:
        assert ("Xem tất cả 30 trang", "../../huong-dan/") in links


def test_every_service_is_reachable_from_the_directory_index(village: Builder) -> None:
    result = village(*LARGE, PRUNE)
    services = {f"danh-ba/dich-vu-{n:03d}/index.html" for n in range(LARGE[1])}
    by_category = crawl(result, "danh-ba/index.html", "danh-ba/cho/") | crawl(
        result, "danh-ba/index.html", "danh-ba/y-te/"
    )
    assert services <= by_category
    assert services <= crawl(result, "danh-ba/index.html", "danh-ba/theo-ten/")


def test_big_directory_index_lists_categories_and_letters(village: Builder) -> None:
    result = village(*LARGE, PRUNE)
    page = result.soup("danh-ba/index.html").select_one("article")
    assert page is not None
    categories = page.find("h2", id="theo-loai")
    assert categories is not None
    listing = categories.find_next("ul")
    assert isinstance(listing, Tag)
    assert [li.get_text() for li in listing.select("li")] == ["Chợ — 100 nơi", "Y tế — 100 nơi"]
    assert [(a.get_text(), a["href"]) for a in listing.select("a")] == [
        ("Chợ", "cho/"),
        ("Y tế", "y-te/"),
    ]
    letters = categories.find_next("p")
    assert isinstance(letters, Tag)
    # 40 names a letter, 5 names a page: each letter starts 8 pages after the one before.
    assert [(a.get_text(), a["href"]) for a in letters.select("a")] == [
        ("A", "theo-ten/#chu-a"),
        ("B", "theo-ten/trang-9/#chu-b"),
        ("C", "theo-ten/trang-17/#chu-c"),
        ("Đ", "theo-ten/trang-25/#chu-dd"),
        ("Y", "theo-ten/trang-33/#chu-y"),
    ]
    names = result.soup("danh-ba/theo-ten/trang-25/index.html")
    assert [p.get("id") for p in names.select("p.langso-letter")] == ["chu-dd"]


def test_category_page_lists_phones_and_open_now_badges(village: Builder) -> None:
    result = village(*LARGE, PRUNE)
    page = result.soup("danh-ba/cho/trang-2/index.html").select_one("article")
    assert page is not None and page.h1 is not None
    assert page.h1.get_text() == "Chợ (trang 2/20)"
    items = page.select("ul li.langso-card")
    # Entries 0, 2, 4 … are markets; the 20 names starting with "An" come first.
    assert [" ".join(li.get_text().split()) for li in items][:2] == [
        "An dịch vụ số 050 Gọi 0300 000 050",
        "An dịch vụ số 060 Gọi 0300 000 060",
    ]
    badge = items[0].select_one("span.langso-open[hidden]")
    assert badge is not None
    assert badge["data-langso-hours"].startswith('{"week":{"1":[[300,660]]')
    assert page.select_one(".langso-sample-note") is not None  # sample data is said so


def test_service_page_links_its_category_page(village: Builder) -> None:
    result = village(*LARGE, PRUNE)
    page = result.soup("danh-ba/dich-vu-001/index.html").select_one("article p.langso-fact")
    assert page is not None
    assert ("Y tế", "../y-te/") in [(a.get_text(), a["href"]) for a in page.select("a")]


def test_every_plaque_is_listed_on_the_paginated_index(village: Builder) -> None:
    result = village(*LARGE, PRUNE)
    ids = [f"d{n:03d}" for n in range(LARGE[0])]
    assert {f"q/{i}/index.html" for i in ids} <= crawl(
        result, "bien-qr/index.html", "bien-qr/trang-"
    )
    printed = {}  # the A5 sheet's id on the print page: its page
    for number in range(1, 17):
        page = "bien-qr/index.html" if number == 1 else f"bien-qr/trang-{number}/index.html"
        for link in result.soup(page).select("article p.langso-plaque a"):
            href, _, sheet = str(link["href"]).partition("#")
            if sheet.startswith("a5-"):
                printed[sheet] = resolve(result.site_dir, page, href)
    assert set(printed) == {f"a5-{i}" for i in ids}
    pages = {path: result.read(str(path)) for path in set(printed.values())}
    assert len(pages) == -(-len(ids) // 20)  # 20 plaques a print page
    assert all(f'id="{sheet}"' in pages[path] for sheet, path in printed.items())


def test_a_service_named_like_a_category_is_an_error(make_site: SiteFactory) -> None:
    root = make_site(files={"content/danh-ba/cho.yml": "ten: 'Chợ'\nloai: 'cho'\n"})
    result = build_site(root)
    assert result.aborted is not None
    assert (
        "content/danh-ba/cho.yml: tệp này ra địa chỉ `danh-ba/cho/`, trùng với trang danh sách"
        " tự sinh `content/danh-ba/cho/index.md` — đổi tên tệp, ví dụ thêm tên thôn hay tên"
        " người vào tên tệp\n    (en) this file would be published at `danh-ba/cho/`, the"
        " address of the generated list page `content/danh-ba/cho/index.md` — rename the file,"
        " e.g. add the hamlet's or the owner's name to it"
    ) in result.messages
