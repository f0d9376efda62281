"""Material's chrome cleaned on built pages (``langso.reader.chrome``), the toolbar's landmark
and pressed size, and the 404 page (``langso.reader.notfound``): exact HTML."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from langso.edits import apply_edits
from langso.reader.chrome import chrome_edits
from langso.reader.notfound import HelpLine, not_found_body
from tests.conftest import SiteFactory, build_site
from tests.reader.sites import HOME, PLACE

# Material's footer with the generator line off and no copyright (whitespace as it renders).
FOOTER = (
    '<footer class="md-footer">\n  <div class="md-footer-meta md-typeset">\n'
    '    <div class="md-footer-meta__inner md-grid">\n      <div class="md-copyright">\n'
    "  \n  \n</div>\n      \n    </div>\n  </div>\n</footer>"
)
SEARCH = (
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search"'
    ' autocomplete="off">'
)
TOC = '<label class="md-nav__title" for="__toc">Mục lục</label>'


def test_the_empty_footer_strip_goes_and_a_full_one_stays() -> None:
    assert apply_edits(FOOTER, chrome_edits(FOOTER)) == '<footer class="md-footer">\n  \n</footer>'
    full = FOOTER.replace('<div class="md-copyright">', '<div class="md-copyright">© Xã')
    assert chrome_edits(full) == []


def test_the_search_checkbox_is_no_form_control_and_toc_labels_point_at_something() -> None:
    page = SEARCH + TOC
    assert apply_edits(page, chrome_edits(page)) == (
        SEARCH.replace('type="checkbox"', 'type="hidden"')
        + '<label class="md-nav__title">Mục lục</label>'
    )
    with_input = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">' + TOC
    assert chrome_edits(with_input) == []


SITE = "/lang-phu-my/"


def notfound_site(make_site: SiteFactory, village: str | None = None) -> Path:
    files: dict[str, str | None] = {
        "content/index.md": HOME,
        "content/dia-diem/dinh-lang-phu-my.md": PLACE,
        "content/anh/cong-dinh.jpg": "not really a JPEG",
    }
    if village is not None:
        files["content/village.yml"] = village
    plugins = [
        "langso/search",
        "langso/content",
        "langso/reader",
        "langso/offline",
        {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
        "langso/plaques",
    ]
    # As the sample: no English "Made with Material for MkDocs" line, so nothing in the footer.
    return make_site(files=files, config={"plugins": plugins, "extra": {"generator": False}})


def test_pages_have_no_footer_strip_and_a_toolbar_in_a_landmark(make_site: SiteFactory) -> None:
    result = build_site(notfound_site(make_site))
    assert result.ok, result.text()
    for path in ("index.html", "danh-ba/cho-phu-my/index.html", "404.html"):
        soup = result.soup(path)
        assert soup.select(".md-footer-meta") == [], path
        assert soup.select_one("#__search")["type"] == "hidden"  # type: ignore[index]
        targets = {str(label["for"]) for label in soup.select("label[for]")}
        ids = {str(e["id"]) for e in soup.select("[id]")}
        assert targets <= ids, (path, targets - ids)
        region = soup.select_one("header + div.langso-reader[role=region]")
        assert region is not None and region["aria-label"] == "Công cụ đọc"
        bar = region.select_one("[role=toolbar]")
        assert bar is not None
        pressed = [(b.get_text(), b.get("aria-pressed")) for b in bar("button")][:3]
        assert pressed == [("A−", "false"), ("A", "true"), ("A+", "false")]


def test_the_404_page_in_vietnamese_with_search_help_and_links(make_site: SiteFactory) -> None:
    result = build_site(notfound_site(make_site))
    assert result.ok, result.text()
    raw = result.read("404.html")
    soup = BeautifulSoup(raw, "html.parser")
    assert (
        soup.title is not None and soup.title.string == "Không tìm thấy trang - Làng Phú Mỹ (thử)"
    )
    assert "Not found" not in raw and "Page not found" not in raw and 'lang="en"' not in raw
    form = soup.select_one("article form[role=search]")
    assert form is not None
    assert (form["action"], form["method"]) == (f"{SITE}tim-kiem/", "get")
    field = form.select_one("input[type=search]")
    assert field is not None and field["name"] == "q"
    assert form.select_one(f"label[for={field['id']}]").get_text() == "Tìm trong sổ tay"  # type: ignore[union-attr]
    links = [(a.get_text(), a["href"]) for a in soup.select("article a")]
    # No helper in village.yml: the directory tells whom to call.
    assert links == [
        ("danh bạ dịch vụ", f"{SITE}danh-ba/"),
        ("Về trang chủ", SITE),
        ("Danh bạ dịch vụ", f"{SITE}danh-ba/"),
    ]
    assert soup.select_one("link[rel=manifest]")["href"] == f"{SITE}manifest.webmanifest"  # type: ignore[index]
    # The first load of other pages: critical CSS inline, the theme's files deferred.
    assert soup.select_one("style[data-langso-critical]") is not None
    assert [link["href"] for link in soup.select("head > link[rel=stylesheet]")] == []
    assert not [s for s in soup.select("script[src]") if "/bundle." in str(s["src"])]
    assert "langsoLoadTheme" in raw and "langso-contrast" in raw
    assert soup.select("[data-langso-share]") == []  # sharing a missing page helps no one


def test_the_404_page_gives_the_helpers_number(make_site: SiteFactory) -> None:
    root = notfound_site(make_site)
    village = (root / "content/village.yml").read_text("utf-8") + "ho_tro: 'cho-phu-my'\n"
    (root / "content/village.yml").write_text(village, "utf-8")
    result = build_site(root)
    assert result.ok, result.text()
    soup = result.soup("404.html")
    calls = [(a.get_text(" ", strip=True), a["href"]) for a in soup.select("a[href^='tel:']")]
    assert calls and all(text.startswith("Gọi 0") for text, _ in calls), calls
    helper = soup.select_one("#can-giup + p a")
    assert helper is not None and helper["href"] == f"{SITE}danh-ba/cho-phu-my/"


def test_the_404_body_with_a_helper() -> None:
    helper = HelpLine("Tổ <công nghệ> số", (("0300 000 011", "+84300000011"),), "/x/to/", True)
    body = not_found_body("/x/", search=None, help_line=helper, directory=None)
    assert body == (
        "<h1>Không tìm thấy trang</h1>"
        "<p>Trang này không có hoặc đã được chuyển đi.</p>"
        '<h2 id="can-giup">Cần giúp?</h2>'
        "<p>Nếu bạn quét mã QR trên biển mà đến đây, xin báo cho"
        ' <a href="/x/to/">Tổ &lt;công nghệ&gt; số</a>; tổ cũng giúp bà con dùng sổ tay và các'
        " dịch vụ số.</p>"
        '<p class="langso-notfound__calls"><a class="md-button md-button--primary'
        ' langso-notfound__call" href="tel:+84300000011">Gọi <span'
        ' class="langso-notfound__number">0300 000 011</span></a></p>'
        '<p class="langso-notfound__sample">Đây là số mẫu: chưa gọi được.</p>'
        '<ul class="langso-notfound__links"><li><a href="/x/">Về trang chủ</a></li></ul>'
    )
