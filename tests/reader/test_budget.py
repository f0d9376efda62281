"""The first-load budget is measured on the built pages and stops the build when exceeded."""

from __future__ import annotations

from pathlib import Path

from langso.reader.budget import first_load, gzip_size
from tests.conftest import SiteFactory, build_site


def plugins(reader: dict[str, object]) -> dict[str, object]:
    return {
        "plugins": [
            "langso/content",
            {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
            "langso/plaques",
            {"langso/reader": reader},
        ]
    }


def test_first_load_counts_the_page_and_its_own_css_and_js(tmp_path: Path) -> None:
    (tmp_path / "a.css").write_text("body{color:#000}" * 50, encoding="utf-8")
    (tmp_path / "a.js").write_text("var x=1;" * 50, encoding="utf-8")
    html = (
        '<link rel="stylesheet" href="a.css"><script src="a.js"></script>'
        '<script src="https://cdn.example/x.js"></script><img src="big.jpg">'
    )
    page = tmp_path / "index.html"
    page.write_text(html, encoding="utf-8")
    load = first_load(page)
    assert load.requests == 3
    assert load.raw_bytes == len(html) + 800 + 400
    assert load.gzip_bytes == (
        gzip_size(html.encode()) + gzip_size(b"body{color:#000}" * 50) + gzip_size(b"var x=1;" * 50)
    )


def test_a_page_over_the_budget_stops_the_build(make_site: SiteFactory) -> None:
    result = build_site(make_site(config=plugins({"budget_kb": 10})), strict=False)
    assert not result.ok
    message = result.messages[-1]
    assert message.startswith(
        "Làng số: 6 trang nặng hơn 10 KB khi mở lần đầu (HTML, CSS, JS, gzip) — bớt mã nhúng,"
        " tệp CSS/JS thêm vào hoặc chia nhỏ trang. / 6 page(s) weigh more than 10 KB on first"
        " load:\nindex.md: "
    )


def test_the_fixture_fits_the_default_budget(make_site: SiteFactory) -> None:
    result = build_site(make_site(config=plugins({})))
    assert result.ok, result.text()
