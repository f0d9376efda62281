"""A small village with every kind of entry the summary lists, some of them hostile."""

from __future__ import annotations

HOSTILE_TITLE = 'Đình <b>làng</b> "Phú Mỹ" </script><script>alert(1)</script>'
"""A landmark's title holding markup and a script end tag: it must stay text."""

PLUGINS: list[object] = [
    "langso/search",
    "langso/content",
    {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
    "langso/notices",
    "langso/plaques",
    "langso/summary",
]

CONFIG: dict[str, object] = {
    "plugins": PLUGINS,
    "draft_docs": "*-nhap.md\n",
}

FILES: dict[str, str | None] = {
    "content/dia-diem/dinh-lang-phu-my.md": f"""---
title: '{HOSTILE_TITLE}'
description: 'Đình của làng <img src=x onerror=alert(1)> & cây đa (dữ liệu mẫu).'
toa_do: '19.9810, 105.6420'
---

# Đình làng Phú Mỹ

Đình làng Phú Mỹ là nơi làng họp việc lớn (dữ liệu mẫu).

## Đường đi

Từ chợ đi thẳng 300 m.

## Giờ mở cửa

Mở cửa ngày rằm và mùng một.

## Nguồn

- [Bài viết mẫu](https://example.com/)
""",
    "content/dia-diem/gieng-lang.md": """---
title: 'Giếng làng'
---

# Giếng làng

Giếng cổ giữa làng (dữ liệu mẫu).

## Nguồn

- [Bài viết mẫu](https://example.com/)
""",
    "content/dia-diem/mieu-nhap.md": """# Miếu chưa viết xong

Bản nháp.

## Nguồn

- [Bài viết mẫu](https://example.com/)
""",
    "content/ghi-chu-an.md": """---
title: 'Ghi chú không cho tìm'
search:
  exclude: true
---

# Ghi chú không cho tìm

Trang này không hiện trong ô tìm kiếm.
""",
    "content/thong-bao/2026-11-28-hop-thon.md": """---
title: 'Họp thôn cuối năm (dữ liệu mẫu)'
loai: họp thôn
ngay_dang: 28/11/2026 07:00
nguoi_dang: Trưởng thôn
het_han: 20/12/2026
description: 'Họp thôn tại nhà văn hóa.'
---

# Họp thôn cuối năm (dữ liệu mẫu)

Họp tại nhà văn hóa lúc 19:00.
""",
    "content/thong-bao/2026-11-10-thu-quy.md": """---
title: 'Thu quỹ đã hết hạn (dữ liệu mẫu)'
loai: thông báo chung
ngay_dang: 10/11/2026 07:00
nguoi_dang: Trưởng thôn
het_han: 20/11/2026
description: 'Thu quỹ tháng 11.'
---

# Thu quỹ đã hết hạn (dữ liệu mẫu)

Đã hết hạn.
""",
}
