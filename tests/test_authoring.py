"""Lists and tables right after a paragraph render as GitHub's preview showed them."""

from __future__ import annotations

import pytest

from langso.authoring import as_previewed
from tests.conftest import SiteFactory, build_site


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("Các bước:\n1. Mở\n2. Quét\n", "Các bước:\n\n1. Mở\n2. Quét\n"),
        ("Cần mang:\n- thẻ căn cước\n", "Cần mang:\n\n- thẻ căn cước\n"),
        (
            "Giá:\n| Món | Giá |\n|---|---|\n| Phở | 30 |\n",
            "Giá:\n\n| Món | Giá |\n|---|---|\n| Phở | 30 |\n",
        ),
        # A table without its outer pipes, and one of one column (GFM spec 0.29, "Tables").
        ("Giá:\nMón | Giá\n--- | :-:\nPhở | 30\n", "Giá:\n\nMón | Giá\n--- | :-:\nPhở | 30\n"),
        ("Giá:\n| Món |\n| - |\n| Phở |\n", "Giá:\n\n| Món |\n| - |\n| Phở |\n"),
        # Left alone: already separated, inside code, a year that is no list, a lone pipe line,
        # a setext heading, rows whose cells do not match, a pipe escaped or in code.
        ("Giá\n---\n", "Giá\n---\n"),
        ("Giá:\nMón | Giá\n--- | --- | ---\n", "Giá:\nMón | Giá\n--- | --- | ---\n"),
        ("Giá:\nMón \\| Giá\n--- | ---\n", "Giá:\nMón \\| Giá\n--- | ---\n"),
        ("Giá:\n`a | b`\n--- | ---\n", "Giá:\n`a | b`\n--- | ---\n"),
        ("```\nGiá:\nMón | Giá\n--- | ---\n```\n", "```\nGiá:\nMón | Giá\n--- | ---\n```\n"),
        ("Các bước:\n\n- Mở\n", "Các bước:\n\n- Mở\n"),
        ("```\nDòng:\n- mã\n```\n", "```\nDòng:\n- mã\n```\n"),
        ("Năm đó là\n2025. Một năm mới.\n", "Năm đó là\n2025. Một năm mới.\n"),
        ("Dòng một\n| không phải bảng |\n", "Dòng một\n| không phải bảng |\n"),
        ("- mục một\n- mục hai\n", "- mục một\n- mục hai\n"),
    ],
)
def test_blank_line_as_gfm_implies(markdown: str, expected: str) -> None:
    assert as_previewed(markdown) == expected


TABLE_PAGE = (
    "# Quán\n\nGiá có viền:\n| Món | Giá |\n|---|---:|\n| Phở | 30 |\n\n"
    "Giá không viền:\nMón | Giá\n--- | ---\nBún | 25\n\n"
    "```\nTrong mã:\nMón | Giá\n--- | ---\n```\n\n## Nguồn\n\n- x\n"
)


def test_the_site_shows_the_tables_the_preview_showed(make_site: SiteFactory) -> None:
    result = build_site(make_site(files={"content/dia-diem/dinh-lang-phu-my.md": TABLE_PAGE}))
    assert result.ok, result.text()
    article = result.soup("dia-diem/dinh-lang-phu-my/index.html").select_one("article")
    assert article is not None
    rows = [[cell.get_text() for cell in tr.select("th, td")] for tr in article.select("tr")]
    assert rows == [["Món", "Giá"], ["Phở", "30"], ["Món", "Giá"], ["Bún", "25"]]
    assert [p.get_text() for p in article.select(":scope > p")] == [
        "Giá có viền:",
        "Giá không viền:",
    ]
    code = article.select_one("pre code")
    assert code is not None
    assert code.get_text() == "Trong mã:\nMón | Giá\n--- | ---\n"


def test_the_site_shows_the_list_the_preview_showed(make_site: SiteFactory) -> None:
    page = "# Đình\n\nCác bước:\n1. Mở ứng dụng\n2. Quét mã\n\n## Nguồn\n\n- x\n"
    result = build_site(make_site(files={"content/dia-diem/dinh-lang-phu-my.md": page}))
    assert result.ok, result.text()
    article = result.soup("dia-diem/dinh-lang-phu-my/index.html").select_one("article")
    assert article is not None
    assert [li.get_text() for li in article.select("ol > li")] == ["Mở ứng dụng", "Quét mã"]
