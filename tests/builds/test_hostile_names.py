"""Hostile and careless text in every field, built for real: escaped exactly once wherever it lands.

One site holds a script-injection payload in each text field (front matter title and
description, a heading, a service's name, address, description and note, a category's name, the
village's name, a plaque's name, a file name, a folder name); each test reads one output and
asserts the exact HTML or text published there. "Hùng & Lan" must read ``Hùng &amp; Lan`` in HTML
and ``Hùng & Lan`` as text — never ``&amp;amp;``.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markupsafe import escape

from langso.booklet import booklet_html
from tests.conftest import SiteFactory, build_site

PAYLOAD = """</title><script>alert(1)</script>"><img src=x onerror=alert('x')> Hùng & Lan"""
ESCAPED = html.escape(PAYLOAD, quote=True)
"""The payload as HTML text, quotes escaped (what ``<title>`` and attributes hold)."""
SITE_NAME = "Làng Phú Mỹ (thử)"


def q(text: str) -> str:
    """``text`` as a single-quoted YAML scalar."""
    return "'" + text.replace("'", "''") + "'"


SERVICE = (
    f"ten: {q('S ' + PAYLOAD)}\nloai: 'cho'\nmo_ta: {q('M ' + PAYLOAD)}\n"
    f"dia_chi:\n  chi_tiet: {q('A ' + PAYLOAD)}\nghi_chu: {q('N ' + PAYLOAD)}\n"
    "dien_thoai: '0300 000 001'\ndu_lieu_mau: 'có'\n"
    # A valid https address (RFC 3986 characters only) that would close a Markdown link and
    # open another; `<`, `>` and spaces are refused in addresses (issue 12).
    "website: 'https://a.example/x)[b](javascript:alert(3))'\n"
)
LINKED = "a)<img src=x onerror=alert(4)> (b)"
"""A file name that would close a Markdown link to it and open a tag."""
FILES: dict[str, str | None] = {
    "content/index.md": "# Trang chủ\n\nXem [đình](dia-diem/dinh-lang-phu-my.md).\n",
    "content/dia-diem/ten.md": (
        f"---\ntitle: {q('T ' + PAYLOAD)}\ndescription: {q('D ' + PAYLOAD)}\n---\n\n"
        "# Tiêu đề khác\n\nNội dung.\n\n## Nguồn\n\n- [a](https://example.com/)\n"
    ),
    "content/dia-diem/dinh-lang-phu-my.md": (
        "# Đình Hùng & Lan\n\nĐình làng.\n\n## Nguồn\n\n- [a](https://example.com/)\n"
    ),
    "content/dia-diem/<img src=x onerror=alert(5)>.md": (
        "Trang không có tiêu đề.\n\n## Nguồn\n\n- [a](https://example.com/)\n"
    ),
    "content/<u onclick=alert(7)>Hùng & Lan/trang.md": "# Một trang\n\nChữ.\n",
    # A quote in a file name closed the edit link's href="…" (found by a new user).
    'content/dia-diem/q"><b onclick=alert(9)>.md': (
        "# Trang Q\n\n## Nguồn\n\n- [a](https://example.com/)\n"
    ),
    f"content/dia-diem/{LINKED}.md": "# Trang B\n\n## Nguồn\n\n- [a](https://example.com/)\n",
    "content/village.yml": (
        f"ten: {q('V ' + PAYLOAD)}\nloai: 'làng'\nxa: 'xã Yên Định'\ntinh: 'tỉnh Thanh Hóa'\n"
    ),
    "content/categories.yml": f"- id: 'cho'\n  ten: {q('C ' + PAYLOAD)}\n",
    "content/danh-ba/cho-phu-my.yml": SERVICE,
    "content/plaques.yml": (
        f"- id: 'dinh'\n  ten: {q('Q ' + PAYLOAD)}\n  trang: 'dia-diem/dinh-lang-phu-my.md'\n"
        f"- id: 'cho'\n  ten: 'Chợ Hùng & Lan'\n  trang: 'danh-ba/cho-phu-my.yml'\n"
        f"- id: 'b'\n  ten: 'B'\n  trang: 'dia-diem/{LINKED}.md'\n"
    ),
}
EDIT_URI = "https://git.example/lang/edit/main/content/"
PLUGINS = [
    "langso/search",
    "langso/content",
    "langso/reader",
    {"langso/directory": {"stale_level": "info"}},
    "langso/plaques",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile site, built once (not strictly: the file-named page has no title)."""
    import shutil

    import yaml

    from tests.conftest import BUILD_DAY, FIXTURE_SITES

    root = tmp_path_factory.mktemp("hostile") / "site-src"
    shutil.copytree(FIXTURE_SITES / "minimal", root)
    for rel, content in FILES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        assert content is not None
        path.write_text(content, encoding="utf-8")
    data = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    data["plugins"] = PLUGINS
    data["edit_uri"] = EDIT_URI
    data["theme"]["features"] = ["content.action.edit"]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_DAY)
        result = build_site(root, strict=False)
    assert result.ok, result.text()
    # The only complaint: the page named by its file has no title.
    assert len(result.messages) == 1 and "trang không có tiêu đề" in result.messages[0]
    return result.site_dir


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup(read(site, path), "html.parser")


def every_page(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_payload_survives_as_markup_anywhere(site: Path) -> None:
    for path in every_page(site):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        where = path.relative_to(site)
        assert not [s for s in page.find_all("script") if "alert(" in s.get_text()], where
        assert not [e for e in page.find_all(True) if any(a.startswith("on") for a in e.attrs)], (
            where
        )
        assert page.find("u") is None, where  # the folder's name, <u …>, is text


def test_nothing_is_escaped_twice(site: Path) -> None:
    for path in [*every_page(site), site / "assets/langso/search-index.json"]:
        text = path.read_text(encoding="utf-8")
        for entity in ("&amp;amp;", "&amp;lt;", "&amp;gt;", "&amp;quot;", "&amp;#"):
            assert entity not in text, (path.relative_to(site), entity)


def test_edit_links_hold_the_file_name_percent_encoded(site: Path) -> None:
    """A file name holding ``">`` used to close the edit link's ``href`` and open a tag."""
    page = soup(site, "dia-diem/img-src-x-onerror-alert-5/index.html")
    (link,) = page.select("a.md-content__button")
    assert link["href"] == EDIT_URI + "dia-diem/%3Cimg%20src%3Dx%20onerror%3Dalert%285%29%3E.md"
    service = soup(site, "danh-ba/cho-phu-my/index.html").select("a.md-content__button")
    assert [a["href"] for a in service] == [EDIT_URI + "danh-ba/cho-phu-my.yml"]


def test_link_destinations_cannot_close_the_link(site: Path) -> None:
    website = soup(site, "danh-ba/cho-phu-my/index.html").find(
        "a", string="https://a.example/x)[b](javascript:alert(3))"
    )
    assert website is not None
    assert website["href"] == "https://a.example/x%29%5Bb%5D%28javascript:alert%283%29%29"
    plaque = soup(site, "bien-qr/index.html").find("a", string="B")
    assert plaque is not None and plaque["href"] == "../dia-diem/a-img-src-x-onerror-alert-4-b/"


def test_front_matter_title_and_description(site: Path) -> None:
    page = read(site, "dia-diem/ten/index.html")
    assert f"<title>T {ESCAPED} - {SITE_NAME}</title>" in page
    assert f'<meta name="description" content="D {ESCAPED}">' in page
    assert f'<meta property="og:title" content="T {ESCAPED}">' in page
    assert f'<meta property="og:description" content="D {ESCAPED}">' in page
    # Material's header shows the front matter's title
    topic = soup(site, "dia-diem/ten/index.html").select(".md-header__topic .md-ellipsis")
    assert [t.get_text(strip=True) for t in topic][-1] == f"T {PAYLOAD}"


def test_heading_title_with_an_ampersand(site: Path) -> None:
    page = read(site, "dia-diem/dinh-lang-phu-my/index.html")
    assert f"<title>Đình Hùng &amp; Lan - {SITE_NAME}</title>" in page
    assert '<meta property="og:title" content="Đình Hùng &amp; Lan">' in page
    assert '<h1 id="dinh-hung-lan">Đình Hùng &amp; Lan</h1>' in page


def test_file_name_title(site: Path) -> None:
    page = read(site, "dia-diem/img-src-x-onerror-alert-5/index.html")
    name = "&lt;img src=x onerror=alert(5)&gt;"
    assert f"<title>{name} - {SITE_NAME}</title>" in page
    assert f"<h1>{name}</h1>" in page  # the theme's heading for a page without one


def test_navigation_shows_every_name_as_text(site: Path) -> None:
    for path in ("index.html", "404.html", "danh-ba/cho-phu-my/index.html"):
        nav = soup(site, path).select_one("nav.md-nav--primary")
        assert nav is not None
        labels = {e.get_text(" ", strip=True) for e in nav.select(".md-ellipsis")}
        assert f"T {PAYLOAD}" in labels, path
        assert "Đình Hùng & Lan" in labels, path
        assert "<img src=x onerror=alert(5)>" in labels, path
        assert "<u onclick=alert(7)>Hùng & Lan" in labels, path  # a folder's name
    raw = read(site, "404.html")
    assert f"T {ESCAPED}" in raw and "&lt;u onclick=alert(7)&gt;Hùng &amp; Lan" in raw


def test_directory_pages(site: Path) -> None:
    page = read(site, "danh-ba/cho-phu-my/index.html")
    assert f"<title>S {ESCAPED} - {SITE_NAME}</title>" in page
    assert f'<meta property="og:title" content="S {ESCAPED}">' in page
    article = soup(site, "danh-ba/cho-phu-my/index.html").select_one("article")
    assert article is not None
    h1 = article.find("h1")
    assert h1 is not None and h1.get_text() == f"S {PAYLOAD}"
    text = article.get_text(" ")
    for prefix in ("M", "A", "N", "C"):
        assert f"{prefix} {PAYLOAD}" in text, prefix
    category = read(site, "danh-ba/cho/index.html")
    assert f"<title>C {ESCAPED} - {SITE_NAME}</title>" in category
    index = soup(site, "danh-ba/index.html").get_text(" ")
    assert f"V {PAYLOAD}" in index
    printed = soup(site, "danh-ba/in-a4.html")
    assert printed.find("h2") is not None and printed.find("h2").get_text() == f"C {PAYLOAD}"
    assert printed.select_one("td.name").get_text() == f"S {PAYLOAD}"


def test_search_index_holds_plain_text(site: Path) -> None:
    index = json.loads(read(site, "assets/langso/search-index.json"))
    titles = {page["t"] for page in index["pages"]}
    assert {f"T {PAYLOAD}", f"S {PAYLOAD}", f"C {PAYLOAD}", "Đình Hùng & Lan"} <= titles
    assert "<img src=x onerror=alert(5)>" in titles
    service = next(p for p in index["pages"] if p["t"] == f"S {PAYLOAD}")
    text = " ".join(part for section in service["s"] for part in section)
    assert f"N {PAYLOAD}" in text and f"A {PAYLOAD}" in text


def test_plaque_redirect_and_print_pages(site: Path) -> None:
    stub = read(site, "q/dinh/index.html")
    name = f"Q {PAYLOAD}"
    assert f"<title>{escape(name)}</title>" in stub  # Jinja's autoescape: &#34; for "
    assert soup(site, "q/dinh/index.html").find("a").get_text() == name
    assert read(site, "q/cho/index.html").count("Chợ Hùng &amp; Lan") == 2
    sheet = soup(site, "bien-qr/in-1.html")
    assert [h1.get_text() for h1 in sheet.select("#a5-dinh h1, #a6-dinh h1")] == [name, name]
    assert sheet.select_one(".one h2").get_text() == name  # type: ignore[union-attr]
    plaques = soup(site, "bien-qr/index.html").select_one("article")
    assert plaques is not None and name in plaques.get_text(" ")


def test_booklet_html(site: Path) -> None:
    document = booklet_html(site, "https://example.github.io/lang-phu-my/", f"V {PAYLOAD}")
    page = BeautifulSoup(document, "html.parser")
    assert page.title is not None and page.title.get_text() == f"V {PAYLOAD}"
    toc = [a.get_text() for a in page.select("nav.toc a")]
    assert "Đình Hùng & Lan" in toc and f"S {PAYLOAD}" in toc
    assert not [s for s in page.find_all("script") if "alert" in s.get_text()]
    assert "&amp;amp;" not in document


def test_a_second_build_publishes_the_same_html(make_site: SiteFactory) -> None:
    """Titles are escaped once per build, not once per read: a second build (as ``mkdocs
    serve`` makes) publishes the same HTML."""
    files = {k: v for k, v in FILES.items() if "onerror=alert(5)" not in k}
    root = make_site(files=files, config={"plugins": PLUGINS})
    first = build_site(root)
    assert first.ok, first.text()
    again = build_site(root)
    assert again.ok, again.text()
    assert first.read("dia-diem/ten/index.html") == again.read("dia-diem/ten/index.html")
    assert f"<title>T {ESCAPED} - {SITE_NAME}</title>" in again.read("dia-diem/ten/index.html")
