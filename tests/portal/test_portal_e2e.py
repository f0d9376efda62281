"""The whole path of issue 17, as a commune runs it: three small village projects (real MkDocs
builds with ``langso/summary``), one of them broken by a volunteer's slip, and a published
village that cannot be reached; ``langso portal`` builds the portal anyway; in Chromium on a
360 × 740 phone, an accent-free query finds a landmark of every readable village, names the
village and opens that village's own page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from langso.cli import main
from tests.browser import serve
from tests.conftest import copy_site

pytestmark = pytest.mark.browser  # skipped without Chromium, failed under CI: conftest.py

PLUGINS: list[object] = [
    "langso/search",
    "langso/content",
    {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
    "langso/plaques",
    "langso/summary",
]
LANDMARK = """---
title: '{title}'
description: '{title}: nơi bà con trong làng thường lui tới (dữ liệu mẫu).'
toa_do: '{position}'
---

# {title}

{title} của làng (dữ liệu mẫu).

## Nguồn

- [Bài viết mẫu](https://example.com/)
"""
# (folder, village, landmark file, landmark title, accent-free query, position)
VILLAGES = [
    ("phu-my", "Phú Mỹ", None, "Đình làng Phú Mỹ", "dinh lang phu my", None),
    (
        "yen-hoanh",
        "Yên Hoành",
        "chua-hung-phuc",
        "Chùa Hưng Phúc",
        "chua hung phuc",
        "19.98, 105.66",
    ),
    ("tan-ngu", "Tân Ngữ", "gieng-co", "Giếng cổ Tân Ngữ", "gieng co tan ngu", "19.97, 105.64"),
]


def village_project(
    root: Path, folder: str, name: str, landmark: tuple[str, str, str] | None
) -> None:
    files: dict[str, str | None] = {
        "content/village.yml": f"ten: '{name}'\nloai: 'làng'\nxa: 'xã Yên Định'\n"
        "tinh: 'tỉnh Thanh Hóa'\n",
    }
    if landmark is not None:
        slug, title, position = landmark
        files[f"content/dia-diem/{slug}.md"] = LANDMARK.format(title=title, position=position)
    copy_site(
        root / "lang" / folder,
        files=files,
        config={"plugins": PLUGINS, "site_url": f"https://example.github.io/{folder}/"},
    )


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    root = tmp_path_factory.mktemp("commune")
    for folder, name, slug, title, _, position in VILLAGES:
        village_project(root, folder, name, (slug, title, position) if slug else None)
    # A volunteer's slip: a tab before a key (YAML refuses tabs for indentation).
    copy_site(
        root / "lang" / "hong",
        files={"content/village.yml": "ten: 'Làng Hỏng'\n\txa: 'xã Yên Định'\n"},
        config={"plugins": PLUGINS},
    )
    entries = "".join(f"  - thu_muc: 'lang/{v[0]}'\n" for v in VILLAGES)
    (root / "cong.yml").write_text(
        "ten: 'Cổng làng số xã Yên Định (dữ liệu mẫu)'\nlang:\n"
        f"{entries}  - thu_muc: 'lang/hong'\n"
        "  - dia_chi: 'http://127.0.0.1:9/lang-khong-toi/'\n",  # port 9 (discard): refused
        encoding="utf-8",
    )
    status = main(["portal", str(root / "cong.yml"), "--ra", str(root / "site-cong")])
    assert status == 0
    with serve(root / "site-cong", "/cong/") as url:
        yield root / "site-cong", url


def test_the_portal_shows_the_villages_that_could_not_be_read(portal: tuple[Path, str]) -> None:
    out, _ = portal
    home = BeautifulSoup((out / "index.html").read_text("utf-8"), "html.parser")
    text = " ".join(home.get_text(" ").split())
    for _, name, *_ in VILLAGES:
        assert f"làng {name}" in text
    assert "Chưa đọc được lần nào" in text
    assert text.count("Chưa đọc được lần nào") == 2  # the broken build and the unreachable site
    # A village project's key is its folder's name (its address in one repository), built or
    # not; a published site's key comes from its address.
    assert sorted(p.name for p in (out / "lang").iterdir()) == sorted(
        [*(v[0] for v in VILLAGES), "hong", "127-0-0-1-9-lang-khong-toi"]
    )


@pytest.mark.parametrize(("folder", "name", "slug", "title", "query", "position"), VILLAGES)
def test_an_accent_free_query_finds_each_villages_landmark(
    browser: Any,
    portal: tuple[Path, str],
    folder: str,
    name: str,
    slug: str | None,
    title: str,
    query: str,
    position: str | None,
) -> None:
    _, url = portal
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url, wait_until="networkidle")
    page.fill("form.langso-portal-search input[type=search]", query)
    first = page.locator(".langso-portal-results__item").first
    first.wait_for(timeout=10_000)
    link = first.locator("a.langso-portal-results__link")
    assert link.inner_text().strip() == title
    assert first.locator(".langso-portal-results__where").inner_text().startswith(f"làng {name}")
    page_path = f"dia-diem/{slug or 'dinh-lang-phu-my'}/"
    assert link.get_attribute("href") == f"https://example.github.io/{folder}/{page_path}"
    assert errors == []
    context.close()
