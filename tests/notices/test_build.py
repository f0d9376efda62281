"""The notices section built by ``langso/notices`` into a real site (issue 15): the index newest
first with paging and urgent notices on top, the archive by month, the loudspeaker page, each
notice's header, photo, attachments and print page with its QR code, the home block, search,
offline, link previews, and the located error for a hand-written file at a generated path.

The tests build on ``BUILD_DAY`` (2026-11-30 07:00 in Viet Nam, ``tests/conftest.py``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from PIL import Image

from tests.conftest import BuildResult, SiteFactory, build_site, copy_site, decode_svg

SITE_URL = "https://example.github.io/lang-phu-my/"


def notice(title: str, kind: str, posted: str, *, body: str = "", **more: str) -> str:
    extra = "".join(f"{key}: {value}\n" for key, value in more.items())
    text = body or f"Nội dung của thông báo {title}.\n"
    return (
        f"---\ntitle: {title}\nloai: {kind}\nngay_dang: {posted}\nnguoi_dang: Trưởng thôn\n"
        f"{extra}---\n\n# {title}\n\n{text}"
    )


NOTICES: dict[str, str | None] = {
    "content/thong-bao/2026-11-29-bao.md": notice(
        "Bão sắp vào",
        "thiên tai, khẩn cấp",
        "29/11/2026 16:00",
        het_han="10/12/2026",
        description="Chằng chống nhà cửa ngay.",
        anh="anh/giay.png",
        body="Nội dung của thông báo Bão sắp vào.\n\n![Sơ đồ chỗ tránh bão](../anh/so-do.png)\n",
    ),
    "content/thong-bao/2026-11-28-cat-dien.md": notice(
        "Lịch cắt điện ngày 12/12/2026",
        "lịch cắt điện",
        "28/11/2026 07:30",
        het_han="12/12/2026 17:00",
        dinh_kem="\n  - tep: tep/cat-dien.pdf\n    mo_ta: Thông báo của Điện lực",
    ),
    "content/thong-bao/2026-11-29-loa.md": notice(
        "Bản tin loa chiều 29/11", "bản tin loa", "29/11/2026 17:00"
    ),
    "content/thong-bao/2026-11-27-viec-lam.md": notice(
        "Cần người làm thời vụ",
        "việc làm",
        "27/11/2026 08:00",
        body="Nội dung của thông báo Cần người làm thời vụ.\n\n"
        "Xem [Bài trên Facebook](https://www.facebook.com/groups/thon-mau/posts/123/) và "
        "[nchmf.gov.vn](https://nchmf.gov.vn/).\n",
    ),
    "content/thong-bao/2026-11-18-giong-lua.md": notice(
        "Đăng ký giống lúa", "thông báo chung", "18/11/2026 07:00", het_han="25/11/2026"
    ),
    "content/thong-bao/2026-10-05-hop.md": notice(
        "Họp thôn tháng 10", "họp thôn", "05/10/2026 19:00", body="Bàn việc đường làng.\n"
    ),
    "content/thong-bao/loa.yml": 'lich_phat:\n  - gio: "05:30"\n    noi_dung: Tin của xã\n',
    "content/tep/cat-dien.pdf": "%PDF-1.4\n%%EOF\n",
}
PLUGINS = [
    "langso/search",
    "langso/content",
    "langso/reader",
    "langso/offline",
    {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
    {"langso/notices": {"page_size": 2}},
    "langso/plaques",
]


def notices_site(root: Path, files: dict[str, str | None] | None = None) -> Path:
    # no "Made with Material" line (the sample has none either: axe finds it too faint)
    config: dict[str, object] = {"plugins": PLUGINS, "extra": {"generator": False}}
    site = copy_site(root, files={**NOTICES, **(files or {})}, config=config)
    (site / "content" / "anh").mkdir(exist_ok=True)
    for name in ("giay.png", "so-do.png"):
        Image.new("RGB", (800, 600), (200, 190, 170)).save(site / "content" / "anh" / name)
    return site


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795996800")
    try:
        result = build_site(notices_site(tmp_path_factory.mktemp("notices") / "site"))
    finally:
        monkeypatch.undo()
    assert result.ok, result.text()
    return result


def one(soup: BeautifulSoup | Tag, selector: str) -> Tag:
    """The element ``selector`` finds in ``soup``: there must be one."""
    found = soup.select_one(selector)
    assert found is not None, selector
    return found


def titles(result: BuildResult, path: str, selector: str = ".langso-news__title") -> list[str]:
    return [t.get_text() for t in result.soup(path).select(selector)]


def test_index_is_newest_first_two_a_page_with_current_urgent_on_top(built: BuildResult) -> None:
    soup = built.soup("thong-bao/index.html")
    sections = soup.select(".langso-news--list h2")
    assert [h.get_text() for h in sections] == ["Khẩn cấp", "Tất cả thông báo, mới nhất trước"]
    assert titles(built, "thong-bao/index.html") == [
        "Bão sắp vào",
        "Bản tin loa chiều 29/11",
        "Bão sắp vào",
    ]
    assert titles(built, "thong-bao/trang-2/index.html") == [
        "Lịch cắt điện ngày 12/12/2026",
        "Cần người làm thời vụ",
    ]
    assert titles(built, "thong-bao/trang-3/index.html") == [
        "Đăng ký giống lúa",
        "Họp thôn tháng 10",
    ]
    pager = built.soup("thong-bao/trang-2/index.html").find(string=re.compile("Trang 2/3"))
    assert pager is not None
    link = one(soup, ".langso-news__item--urgent a.langso-news__link")
    assert link is not None and link["href"] == "2026-11-29-bao/"


def test_an_urgent_notice_says_khan_with_a_sign_not_only_a_colour(built: BuildResult) -> None:
    item = one(built.soup("thong-bao/index.html"), ".langso-news__item--urgent")
    assert item is not None
    kind = one(item, ".langso-news__kind--urgent")
    assert kind is not None and kind.get_text() == "KHẨN · Thiên tai, khẩn cấp"
    assert one(kind, "svg.langso-icon") is not None


def test_months_and_their_list(built: BuildResult) -> None:
    assert titles(built, "thong-bao/thang-2026-10/index.html") == ["Họp thôn tháng 10"]
    assert titles(built, "thong-bao/thang-2026-11/index.html") == [
        "Bản tin loa chiều 29/11",
        "Bão sắp vào",
    ]
    assert titles(built, "thong-bao/thang-2026-11/trang-2/index.html") == [
        "Lịch cắt điện ngày 12/12/2026",
        "Cần người làm thời vụ",
    ]
    assert titles(built, "thong-bao/thang-2026-11/trang-3/index.html") == ["Đăng ký giống lúa"]
    archive = built.soup("thong-bao/luu-tru/index.html")
    rows = [li.get_text(" ", strip=True) for li in archive.select("article li")]
    assert rows == ["Tháng 11/2026 : 5 thông báo", "Tháng 10/2026 : 1 thông báo"]
    links = [a["href"] for a in archive.select("article li a")]
    assert links == ["../thang-2026-11/", "../thang-2026-10/"]


def test_loudspeaker_page_has_the_hours_and_the_transcripts(built: BuildResult) -> None:
    soup = built.soup("thong-bao/loa/index.html")
    hours = [li.get_text(" ", strip=True) for li in soup.select("ul.langso-loa > li")]
    assert hours == ["05:30 Hằng ngày Tin của xã"]
    assert titles(built, "thong-bao/loa/index.html") == ["Bản tin loa chiều 29/11"]


def test_a_notice_page_says_kind_date_poster_expiry_under_its_title(built: BuildResult) -> None:
    soup = built.soup("thong-bao/2026-11-28-cat-dien/index.html")
    head = one(soup, "h1 + .langso-notice-head")
    assert head is not None
    assert head["data-het-han"] == "2026-12-12T17:00:00+07:00"
    lines = [p.get_text(" ", strip=True) for p in head.select("p")]
    assert lines == [
        "Lịch cắt điện",
        "Đăng lúc 07:30 Thứ Bảy, 28/11/2026 · Trưởng thôn",
        "Hết hạn: 17:00 Thứ Bảy, 12/12/2026 Đã hết hạn ( 17:00 Thứ Bảy, 12/12/2026 )",
    ]
    assert one(head, ".langso-expiry__off").has_attr("hidden")
    assert not one(head, ".langso-expiry__on").has_attr("hidden")
    files = soup.select(".langso-notice-files a")
    assert [(a.get_text(), a["href"]) for a in files] == [
        ("Thông báo của Điện lực", "../../tep/cat-dien.pdf")
    ]
    actions = [(a.get_text(), a["href"]) for a in soup.select(".langso-notice-actions a")]
    assert actions == [
        ("In để dán bảng tin", "../in/2026-11-28-cat-dien/"),
        ("Tất cả thông báo", "../"),
    ]


def test_an_expired_notice_says_so_on_its_page_and_leaves_the_home(built: BuildResult) -> None:
    soup = built.soup("thong-bao/2026-11-18-giong-lua/index.html")
    head = one(soup, ".langso-notice-head")
    assert head is not None and "langso-expired" in head["class"]
    assert not one(head, ".langso-expiry__off").has_attr("hidden")
    assert one(head, ".langso-expiry__off").get_text() == "Đã hết hạn (Thứ Tư, 25/11/2026)"
    assert "Đăng ký giống lúa" not in titles(built, "index.html")


def test_home_block_current_notices_urgent_first_no_transcripts(built: BuildResult) -> None:
    soup = built.soup("index.html")
    # the urgent notice first of all, above the picture; the others after the emergency calls
    blocks = soup.select("section.langso-news--home")
    assert [b.get("aria-label") for b in blocks] == ["Thông báo khẩn", None]
    assert [h.get_text() for b in blocks for h in b.select(".langso-news__title")] == [
        "Bão sắp vào",
        "Lịch cắt điện ngày 12/12/2026",
        "Cần người làm thời vụ",
    ]
    items = soup.select("section.langso-news--home li.langso-news__item")
    assert [li.get("data-het-han") for li in items] == [
        "2026-12-10T23:59:59+07:00",
        "2026-12-12T17:00:00+07:00",
        "2026-12-27T08:00:00+07:00",  # no expiry: 30 days after it was posted
    ]
    block = blocks[1]
    assert "langso-news__item--urgent" in items[0]["class"]
    assert one(block, ".langso-news__none").has_attr("hidden")
    assert one(block, "a.langso-news__more")["href"] == "thong-bao/"
    # the expiry script is inlined where a time is shown, and only there
    assert "data-het-han" in built.read("index.html")
    assert built.read("index.html").count("var now = Date.now()") == 1
    assert "langso-expiry__on" not in built.read("dia-diem/dinh-lang-phu-my/index.html")
    assert ".langso-news--home" not in built.read("dia-diem/dinh-lang-phu-my/index.html")


def test_print_page_is_a4_noindex_with_the_qr_of_the_notice(built: BuildResult) -> None:
    html = built.read("thong-bao/in/2026-11-29-bao/index.html")
    soup = built.soup("thong-bao/in/2026-11-29-bao/index.html")
    assert "@page { size: A4 portrait" in html
    assert one(soup, 'meta[name="robots"]')["content"] == "noindex"
    assert one(soup, "h1").get_text() == "Bão sắp vào"
    assert one(soup, ".kind").get_text() == "⚠ KHẨN · Thiên tai, khẩn cấp"
    assert one(soup, "base")["href"] == "../../2026-11-29-bao/"
    assert "Nội dung của thông báo Bão sắp vào." in one(soup, ".text").get_text()
    assert soup.select_one(".text h1") is None
    url = SITE_URL + "thong-bao/2026-11-29-bao/"
    assert one(soup, ".url").get_text() == url
    assert decode_svg(str(one(soup, ".foot svg"))) == [url]


def test_print_page_writes_each_outside_link_s_address_after_its_text(
    built: BuildResult,
) -> None:
    """Paper has no links: "Bài trên Facebook" alone would lose the address."""
    soup = built.soup("thong-bao/in/2026-11-27-viec-lam/index.html")
    text = one(soup, ".text").get_text(" ", strip=True)
    facebook = "Bài trên Facebook (www.facebook.com/groups/thon-mau/posts/123/)"
    assert text.endswith(f"Xem {facebook} và nchmf.gov.vn .")
    assert [str(span) for span in soup.select(".text .href")] == [
        '<span class="href"> (www.facebook.com/groups/thon-mau/posts/123/)</span>'
    ]


def test_search_has_notices_not_the_lists(built: BuildResult) -> None:
    index = json.loads(built.read("assets/langso/search-index.json"))
    urls = {page["u"] for page in index["pages"]}
    assert "thong-bao/2026-11-29-bao/" in urls
    assert not {u for u in urls if re.match(r"thong-bao/(trang-|thang-|luu-tru|loa/|$)", u)}


def test_offline_saves_notices_not_print_pages(built: BuildResult) -> None:
    sw = built.read("sw.js")
    found = re.search(r"var MANIFEST\s*=\s*(\{.*?\});\n", sw, re.S)
    assert found is not None
    manifest = json.loads(found.group(1))
    pages = {page["url"] for page in manifest["pages"]}
    assert "thong-bao/2026-11-29-bao/" in pages
    assert "thong-bao/" in pages
    assert not {p for p in pages if p.startswith("thong-bao/in/")}
    assert "thong-bao/in/2026-11-29-bao/" in manifest["known"]


def test_link_preview_is_the_notice_title_summary_and_photo(built: BuildResult) -> None:
    soup = built.soup("thong-bao/2026-11-29-bao/index.html")

    def og(name: str) -> str:
        tag = one(soup, f'meta[property="og:{name}"]')
        assert tag is not None, name
        return str(tag["content"])

    assert og("title") == "Bão sắp vào"
    assert og("description") == "Chằng chống nhà cửa ngay."
    assert og("image") == SITE_URL + "anh/giay.png"
    feed = one(soup, 'link[rel="alternate"][type="application/atom+xml"]')
    assert feed is not None and feed["href"] == "../atom.xml"


def test_notice_keys_are_no_unknown_key_warning(built: BuildResult) -> None:
    assert not [m for m in built.messages if "loai" in m or "ngay_dang" in m], built.messages


def test_a_hand_written_file_at_a_generated_path_is_a_located_error(tmp_path: Path) -> None:
    site = notices_site(tmp_path / "site", {"content/thong-bao/index.md": "# Thông báo\n"})
    result = build_site(site)
    assert not result.ok
    assert any(
        m.startswith("content/thong-bao/index.md: tệp `content/thong-bao/index.md` nằm ở chỗ")
        for m in result.messages
    ), result.messages


def test_a_big_notices_folder_gets_no_second_list(make_site: SiteFactory) -> None:
    """``langso/content`` lists a folder of more than ``nav_section_limit`` pages on a generated
    index: for the notices the index is ours, so its list is dropped, not a clash."""
    files = {
        f"content/thong-bao/2026-11-{day:02d}-tin.md": notice(
            f"Tin ngày {day}", "thông báo chung", f"{day:02d}/11/2026 08:00"
        )
        for day in range(1, 29)
    }
    root = make_site(files=files, config={"plugins": PLUGINS})
    result = build_site(root)
    assert result.ok, result.text()
    assert len(titles(result, "thong-bao/index.html")) == 2


def test_the_index_names_the_feed_in_plain_words_and_keeps_it_findable(
    built: BuildResult,
) -> None:
    """ "Atom" means nothing to a villager: the link says what it does; apps find the feed by
    the page's ``<link rel="alternate">``."""
    soup = built.soup("thong-bao/index.html")
    links = [(a.get_text(), a["href"]) for a in soup.select(".langso-news__links a")]
    assert links == [
        ("Lưu trữ theo tháng", "luu-tru/"),
        ("Loa truyền thanh", "loa/"),
        ("Nhận tin mới bằng ứng dụng đọc tin", "atom.xml"),
    ]
    assert "Atom" not in soup.select_one("article").get_text()  # type: ignore[union-attr]
    feed = one(soup, 'link[rel="alternate"][type="application/atom+xml"]')
    assert feed["href"] == "atom.xml"


def test_the_urgent_notices_of_the_index_are_a_section_the_script_can_empty(
    built: BuildResult,
) -> None:
    sections = built.soup("thong-bao/index.html").select(".langso-news__section")
    assert [s.get("class") for s in sections] == [
        ["langso-news__section", "langso-news__section--urgent"],
        ["langso-news__section"],
    ]
    assert [h.get_text() for h in sections[0].select("h2")] == ["Khẩn cấp"]


def test_a_day_without_a_time_is_shown_as_the_day_alone(tmp_path: Path) -> None:
    """``ngay_dang: 27/11/2026`` is no "Đăng lúc 00:00": the home block, the index, the
    notice's header and its print page give the day alone."""
    day_only = notice("Nhận gạo hỗ trợ", "thông báo chung", "27/11/2026")
    files: dict[str, str | None] = {"content/thong-bao/2026-11-27-gao.md": day_only}
    result = build_site(notices_site(tmp_path / "site", files))
    assert result.ok, result.text()
    label = "Thứ Sáu, 27/11/2026"

    def date_of(path: str) -> list[str]:
        soup = result.soup(path)
        item = next(
            li for li in soup.select("li.langso-news__item") if "Nhận gạo hỗ trợ" in li.get_text()
        )
        time = one(item, ".langso-news__date time")
        return [one(item, ".langso-news__date").get_text(), str(time["datetime"])]

    assert date_of("index.html") == [f"Đăng {label}", "2026-11-27"]
    assert date_of("thong-bao/trang-3/index.html") == [f"Đăng {label}", "2026-11-27"]
    head = one(result.soup("thong-bao/2026-11-27-gao/index.html"), ".langso-notice-head__posted")
    assert head.get_text() == f"Đăng ngày {label} · Trưởng thôn"
    printed = result.soup("thong-bao/in/2026-11-27-gao/index.html")
    assert one(printed, "p.meta").get_text() == f"Đăng ngày {label} · Trưởng thôn · làng Phú Mỹ"
    # a time given is shown
    timed = result.soup("thong-bao/2026-11-27-viec-lam/index.html")
    assert (
        one(timed, ".langso-notice-head__posted").get_text()
        == "Đăng lúc 08:00 Thứ Sáu, 27/11/2026 · Trưởng thôn"
    )


def test_the_loudspeaker_page_is_linked_under_the_index_title(built: BuildResult) -> None:
    """Not only at the foot of a long list (issue 15 tester)."""
    top = one(built.soup("thong-bao/index.html"), "article .langso-news__top a")
    assert top.get_text() == "Loa truyền thanh: giờ phát và các bản tin đã đọc"
    assert top["href"] == "loa/"
    assert not built.soup("thong-bao/trang-2/index.html").select(".langso-news__top")
