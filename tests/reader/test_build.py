"""The plugin's output in built pages: Open Graph tags, the toolbar, the head script, the
deferred theme script."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from tests.conftest import SiteFactory, build_site
from tests.reader.sites import LONG, reader_site

SITE = "https://example.github.io/lang-phu-my/"


def og(soup: BeautifulSoup) -> dict[str, str]:
    return {str(m["property"]): str(m["content"]) for m in soup.select('meta[property^="og:"]')}


def test_open_graph_of_a_page_with_an_image_and_no_description(make_site: SiteFactory) -> None:
    result = build_site(reader_site(make_site))
    assert result.ok, result.text()
    assert result.messages == []
    tags = og(result.soup("dia-diem/dinh-lang-phu-my/index.html"))
    # The admonition is not the first paragraph; the text is cut at a word, under 160 characters.
    description = (
        "Đình làng Phú Mỹ là nơi thờ thành hoàng của làng, dựng từ thời vua Minh Mạng, mái ngói"
        " âm dương, cột lim lớn. Hằng năm làng mở hội vào rằm tháng Giêng, bà con…"
    )
    assert tags == {
        "og:type": "article",
        "og:locale": "vi_VN",
        "og:site_name": "Làng Phú Mỹ (thử)",
        "og:title": "Đình làng Phú Mỹ",
        "og:description": description,
        "og:url": f"{SITE}dia-diem/dinh-lang-phu-my/",
        "og:image": f"{SITE}anh/cong-dinh.jpg",
        "og:image:alt": "Cổng đình",
    }
    assert len(description) <= 160
    assert LONG.startswith(description[:-1])


def test_open_graph_of_the_home_page_uses_its_description_and_the_default_image(
    make_site: SiteFactory,
) -> None:
    root = reader_site(make_site, {"langso/reader": {"og_image": "assets/chia-se.jpg"}})
    result = build_site(root)
    assert result.ok, result.text()
    assert og(result.soup("index.html")) == {
        "og:type": "website",
        "og:locale": "vi_VN",
        "og:site_name": "Làng Phú Mỹ (thử)",
        "og:title": "Trang chủ",
        "og:description": "Sổ tay của làng Phú Mỹ: đình, chợ, trạm y tế.",
        "og:url": SITE,
        "og:image": f"{SITE}assets/chia-se.jpg",
    }


def test_the_toolbar_has_real_buttons_with_vietnamese_names(make_site: SiteFactory) -> None:
    result = build_site(reader_site(make_site))
    soup = result.soup("dia-diem/dinh-lang-phu-my/index.html")
    # in a landmark of its own (axe "region"), under the header
    bar = soup.select_one("header + .langso-reader[role=region] > [role=toolbar]")
    assert bar is not None
    buttons = [(b.get_text(), b.get("aria-label"), b.get("aria-pressed")) for b in bar("button")]
    assert buttons == [
        # the visible text starts the accessible name (WCAG 2.5.3, axe label-content-name-mismatch);
        # the button of the size in use is pressed (reader.js sets it from the saved size)
        ("A−", "A− chữ nhỏ hơn", "false"),
        ("A", "A cỡ chữ mặc định", "true"),
        ("A+", "A+ chữ to hơn", "false"),
        ("◐", "Tương phản cao", "false"),
        ("Chia sẻ", None, None),
    ]
    # shown with the toolbar, only when JavaScript runs (no shift when the script arrives)
    assert not bar.select_one("[data-langso-share]").has_attr("hidden")
    assert all(b.get("type") == "button" for b in bar("button"))
    head_scripts = [s.get_text() for s in soup.head("script")]
    assert any("langso-contrast" in text and "localStorage" in text for text in head_scripts)


def test_material_script_is_deferred_unless_disabled(make_site: SiteFactory) -> None:
    result = build_site(reader_site(make_site))
    soup = result.soup("index.html")
    assert not soup.select('script[src*="assets/javascripts/bundle."]')
    assert any("langsoLoadTheme" in s.get_text() for s in soup("script"))

    root = reader_site(make_site, {"langso/reader": {"defer_theme_js": False, "share": False}})
    result = build_site(root)
    soup = result.soup("index.html")
    assert len(soup.select('script[src*="assets/javascripts/bundle."]')) == 1
    loaders = [s.get_text() for s in soup("script") if "langsoLoadTheme" in s.get_text()]
    assert len(loaders) == 1 and "var src=null," in loaders[0]  # only the full stylesheets
    assert not soup.select("[data-langso-share]")

    options = {"defer_theme_js": False, "critical_css": False}
    soup = build_site(reader_site(make_site, {"langso/reader": options})).soup("index.html")
    assert not any("langsoLoadTheme" in s.get_text() for s in soup("script"))
    assert soup.select('head link[rel="stylesheet"][href*="assets/stylesheets/main."]')


def test_what_a_page_remembers_follows_the_options_and_the_page(make_site: SiteFactory) -> None:
    # The same site built again after each change: the memo of the last build is there.
    root = reader_site(make_site)
    assert build_site(root).ok
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("- langso/reader", "- langso/reader:\n    defer_theme_js: false"),
        encoding="utf-8",
    )
    soup = build_site(root).soup("index.html")
    assert len(soup.select('script[src*="assets/javascripts/bundle."]')) == 1
    page = root / "content/dia-diem/dinh-lang-phu-my.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\nĐoạn mới.\n", encoding="utf-8")
    config.write_text(text, encoding="utf-8")
    result = build_site(root)
    assert not result.soup("index.html").select('script[src*="assets/javascripts/bundle."]')
    assert "Đoạn mới." in result.soup("dia-diem/dinh-lang-phu-my/index.html").get_text()


def test_a_memo_holding_a_page_s_plan_but_not_its_css_gives_the_same_page(
    make_site: SiteFactory,
) -> None:
    root = reader_site(make_site)
    first = build_site(root)
    assert first.ok
    page = (first.site_dir / "dia-diem/dinh-lang-phu-my/index.html").read_text(encoding="utf-8")
    memo = root / ".cache/langso/memo/reader.json"
    values = json.loads(memo.read_text(encoding="utf-8"))
    kept = {key: value for key, value in values.items() if not isinstance(value, str)}
    assert len(kept) < len(values)  # the CSS texts are the memo's only strings
    memo.write_text(json.dumps(kept), encoding="utf-8")
    again = build_site(root)
    assert again.ok
    assert (again.site_dir / "dia-diem/dinh-lang-phu-my/index.html").read_text(
        encoding="utf-8"
    ) == page
    assert "<style data-langso-critical>" in page
