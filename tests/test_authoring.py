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
        # Left alone: already separated, inside code, a year that is no list, a lone pipe line.
        ("Các bước:\n\n- Mở\n", "Các bước:\n\n- Mở\n"),
        ("```\nDòng:\n- mã\n```\n", "```\nDòng:\n- mã\n```\n"),
        ("Năm đó là\n2025. Một năm mới.\n", "Năm đó là\n2025. Một năm mới.\n"),
        ("Dòng một\n| không phải bảng |\n", "Dòng một\n| không phải bảng |\n"),
        ("- mục một\n- mục hai\n", "- mục một\n- mục hai\n"),
    ],
)
def test_blank_line_as_gfm_implies(markdown: str, expected: str) -> None:
    assert as_previewed(markdown) == expected


def test_the_site_shows_the_list_the_preview_showed(make_site: SiteFactory) -> None:
    page = "# Đình\n\nCác bước:\n1. Mở ứng dụng\n2. Quét mã\n\n## Nguồn\n\n- x\n"
    result = build_site(make_site(files={"content/dia-diem/dinh-lang-phu-my.md": page}))
    assert result.ok, result.text()
    article = result.soup("dia-diem/dinh-lang-phu-my/index.html").select_one("article")
    assert article is not None
    assert [li.get_text() for li in article.select("ol > li")] == ["Mở ứng dụng", "Quét mã"]
