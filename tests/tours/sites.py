"""A small site with places and walking tours, for the tours' tests (issue 16)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from tests.conftest import copy_site


def landmark(title: str, toa_do: str | None) -> str:
    where = f"toa_do: '{toa_do}'\n" if toa_do else ""
    body = f"# {title}\n\nMột trang mẫu.\n\n## Nguồn\n\n- Dữ liệu mẫu.\n"
    return f'---\ntitle: "{title}"\n{where}---\n\n{body}'


PLACES: dict[str, str | None] = {
    "content/dia-diem/dinh-lang-phu-my.md": landmark("Đình làng Phú Mỹ", "19.9810, 105.6410"),
    "content/dia-diem/chua-phu-my.md": landmark("Chùa Phú Mỹ & <b>Miếu</b>", "19.9830, 105.6420"),
    "content/dia-diem/gieng-co.md": landmark("Giếng cổ", None),
}

GOOD_TOUR = """\
ten: 'Vòng quanh làng <i>Phú Mỹ</i> (dữ liệu mẫu)'
mo_ta: 'Một vòng ngắn & dễ đi.'
diem_dung:
  - trang: 'dia-diem/dinh-lang-phu-my.md'
    loi_dan: 'Đứng ở sân đình <script>alert(1)</script>.'
  - trang: 'danh-ba/cho-phu-my.yml'
    loi_dan: 'Chợ họp buổi sáng.'
  - ten: 'Cây đa <b>đầu làng</b>'
    toa_do: '19.9822, 105.6431'
    ghi_chu: 'Bên trái đường vào làng'
    loi_dan: 'Nghỉ chân dưới gốc đa.'
  - trang: 'dia-diem/chua-phu-my.md'
    ten: 'Chùa làng'
    loi_dan: 'Điểm cuối.'
"""


def tours_site(root: Path, files: Mapping[str, str | None] | None = None) -> Path:
    """The minimal fixture site with :data:`PLACES`, ``langso/tours`` and ``files``."""
    config: dict[str, object] = {
        "plugins": [
            "langso/content",
            {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
            "langso/tours",
            "langso/plaques",
        ],
    }
    return copy_site(root, "minimal", {**PLACES, **(files or {})}, config)
