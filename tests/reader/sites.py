"""Fixture content for the reader tests: a home page and a place page with a description, an
image and a long first paragraph."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SiteFactory

LONG = (
    "Đình làng Phú Mỹ là nơi thờ thành hoàng của làng, dựng từ thời vua Minh Mạng, mái ngói "
    "âm dương, cột lim lớn. Hằng năm làng mở hội vào rằm tháng Giêng, bà con khắp nơi về dự, "
    "có hát bội, đua ghe và nấu cơm thi."
)

PLACE = f"""# Đình làng Phú Mỹ

!!! note "Giờ mở cửa"
    Mở cửa từ 6 giờ sáng.

{LONG}

![Cổng đình](../anh/cong-dinh.jpg)

## Đường đi

Từ ngã ba đi thẳng 200 mét, rẽ trái. Xem [trang chủ](../index.md).

## Nguồn

- [Bài viết mẫu](https://example.com/)
"""

HOME = """---
title: "Trang chủ"
description: "Sổ tay của làng Phú Mỹ: đình, chợ, trạm y tế."
---

# Sổ tay của làng

Chào bà con. Sổ tay viết ngắn, dễ đọc, dễ làm theo.
"""

NO_DATA: dict[str, str | None] = {
    "content/danh-ba/cho-phu-my.yml": None,
    "content/categories.yml": None,
    "content/plaques.yml": None,
}


def reader_site(make_site: SiteFactory, reader: object = "langso/reader") -> Path:
    """The minimal site reduced to a home page and one place, with ``langso/reader``."""
    files = {
        **NO_DATA,
        "content/index.md": HOME,
        "content/dia-diem/dinh-lang-phu-my.md": PLACE,
        "content/anh/cong-dinh.jpg": "not really a JPEG",
    }
    return make_site(files=files, config={"plugins": ["langso/content", reader]})
