"""Fixture content for the search tests: the C-02 page, two pages that differ only in accents."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SiteFactory

C02_TEXT = "Đình làng Phú Mỹ mở cửa từ 6 giờ sáng. Gần chợ Ấp Bắc có quán ốc Út."

C02_PAGE = f"""# Đình làng Phú Mỹ

{C02_TEXT}

## Đường đi

Từ ngã ba đi thẳng 200 mét, rẽ trái.

## Điện thoại liên hệ

Hỏi ông từ giữ đình.

## Ăn uống gần đình

Quán ốc Út bán buổi chiều.

## Nguồn

- [Bài viết mẫu](https://example.com/)
"""

HOME = """---
title: "Trang chủ"
---

# Sổ tay của làng

Chào bà con. Sổ tay viết ngắn, dễ đọc, dễ làm theo.
"""

DINH = """# Đình

Nơi thờ thành hoàng của làng. Đường vào rộng, xe máy đi được.
"""

DINH_DUONG = """# Dinh dưỡng

Bữa ăn đủ dinh dưỡng cho trẻ nhỏ: cơm, rau, cá, trứng.
"""

# Only langso/content and langso/search: no generated directory or plaque pages to compete for
# the first result.
SEARCH_ONLY = {"plugins": ["langso/content", "langso/search"]}
NO_DATA: dict[str, str | None] = {
    "content/danh-ba/cho-phu-my.yml": None,
    "content/categories.yml": None,
    "content/plaques.yml": None,
}


def c02_site(make_site: SiteFactory) -> Path:
    """The minimal site reduced to a home page and the C-02 page."""
    files = {**NO_DATA, "content/index.md": HOME, "content/dia-diem/dinh-lang-phu-my.md": C02_PAGE}
    return make_site(files=files, config=SEARCH_ONLY)


def ranking_site(make_site: SiteFactory) -> Path:
    """A home page, "Đình" and "Dinh dưỡng"."""
    files = {
        **NO_DATA,
        "content/index.md": HOME,
        "content/dia-diem/dinh-lang-phu-my.md": None,
        "content/dinh.md": DINH,
        "content/dinh-duong.md": DINH_DUONG,
    }
    return make_site(files=files, config=SEARCH_ONLY)


def full_site(make_site: SiteFactory, search_plugin: str) -> Path:
    """The whole minimal site (directory, plaques) plus the pages above, with ``search_plugin``."""
    files = {
        "content/dia-diem/dinh-lang-phu-my.md": C02_PAGE,
        "content/dinh.md": DINH,
        "content/dinh-duong.md": DINH_DUONG,
    }
    plugins = [
        search_plugin,
        "langso/content",
        {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
        "langso/plaques",
    ]
    return make_site(files=files, config={"plugins": plugins})


PLACES = """# Địa điểm

Các nơi trong làng.
"""

# A table first, a long unbroken address in the prose: neither may widen a result card.
TABLE_PAGE = """# Chợ làng

| Thông tin | Chi tiết |
|---|---|
| Loại | Chợ |

Chợ đình làng họp buổi sáng, xem
https://example.github.io/lang-phu-my/danh-ba/cho-lang-phu-my-du-lieu-mau/ để biết thêm.
"""


def cards_site(make_site: SiteFactory) -> Path:
    """Home, "Địa điểm" above the C-02 page and a page whose details are a table, with the
    reader's font sizes (``langso/reader``)."""
    files = {
        **NO_DATA,
        "content/index.md": HOME,
        "content/dia-diem/index.md": PLACES,
        "content/dia-diem/dinh-lang-phu-my.md": C02_PAGE,
        "content/cho-lang.md": TABLE_PAGE,
    }
    return make_site(
        files=files,
        config={
            "plugins": ["langso/content", "langso/search", "langso/reader"],
            "markdown_extensions": ["tables", "attr_list", {"toc": {"permalink": True}}],
        },
    )
