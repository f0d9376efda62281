"""What a print job must satisfy: QR codes sized by the 10:1 rule, printed codes based on an
absolute ASCII ``site_url``; :class:`PrintError` explains (Vietnamese, then English) what cannot be
done. The rules and their sources are in :mod:`langso.printing`."""

from __future__ import annotations

import math
from dataclasses import dataclass
from urllib.parse import urlsplit

from langso.qr import QUIET_ZONE

__all__ = [
    "BOOKLET_DISTANCE_M",
    "MIN_MODULE_MM",
    "SCAN_RATIO",
    "STICKER_DISTANCE_M",
    "WALL_DISTANCE_M",
    "PrintError",
    "QrSize",
    "check_site_url",
    "qr_size",
]

SCAN_RATIO = 10
"""Reading distance : code side (quiet zone excluded). 10:1, see the module docstring."""
MIN_MODULE_MM = 0.5
"""Smallest printed module, mm, whatever the distance (see the module docstring)."""
WALL_DISTANCE_M = 1.0
"""Default reading distance of a wall plaque, metres."""
STICKER_DISTANCE_M = 0.3
"""Default reading distance of a sticker (on a door, a counter, a box), metres."""
BOOKLET_DISTANCE_M = 0.2
"""Reading distance of the booklet's codes (a page in the hand), metres."""


class PrintError(ValueError):
    """A print job that cannot be done as asked, explained in Vietnamese then English.

    ``str(error)`` is the two-line form printed by the ``langso`` command.
    """

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(f"{vi}\n    (en) {en}")
        self.vi = vi
        self.en = en

    def __reduce__(self) -> tuple[type[PrintError], tuple[str, str]]:
        # Pickled as its two texts: raised in the worker that makes PDF sheets, re-raised here.
        return (type(self), (self.vi, self.en))


@dataclass(frozen=True)
class QrSize:
    """How big one symbol is printed.

    Attributes:
        modules: the symbol's width in modules, quiet zone included (``QrSymbol.size``).
        module_mm: the printed side of one module, mm.
    """

    modules: int
    module_mm: float

    @property
    def code_mm(self) -> float:
        """The code's side without its quiet zone, mm: what the 10:1 rule measures."""
        return (self.modules - 2 * QUIET_ZONE) * self.module_mm

    @property
    def side_mm(self) -> float:
        """The printed symbol's side, quiet zone included, mm."""
        return self.modules * self.module_mm

    @property
    def reach_m(self) -> float:
        """The farthest reading distance the 10:1 rule allows for this size, metres."""
        return self.code_mm * SCAN_RATIO / 1000


def qr_size(modules: int, distance_m: float) -> QrSize:
    """The size a symbol of ``modules`` (quiet zone included) needs to be read from ``distance_m``.

    The code is at least ``distance / 10`` and every module at least :data:`MIN_MODULE_MM`; the
    module side is rounded up to 0.01 mm.

    Raises:
        PrintError: if ``distance_m`` is not a positive number of metres.
    """
    if not distance_m > 0 or math.isinf(distance_m):
        raise PrintError(
            f"khoảng cách đọc phải là một số mét lớn hơn 0 (đang là {distance_m})",
            f"the reading distance must be a number of metres above 0 (got {distance_m})",
        )
    code_modules = modules - 2 * QUIET_ZONE
    needed = distance_m * 1000 / SCAN_RATIO / code_modules
    module_mm = math.ceil(max(needed, MIN_MODULE_MM) * 100 - 1e-9) / 100
    return QrSize(modules, module_mm)


def check_site_url(site_url: str | None) -> PrintError | None:
    """Why ``site_url`` cannot be the base of printed QR codes, or ``None`` when it can.

    QR codes hold absolute, ASCII URLs: ``site_url`` must be ``http(s)://host/...``.
    """
    value = site_url or ""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return PrintError(
            "mkdocs.yml: site_url: thiếu hoặc không phải địa chỉ http(s) đầy đủ — mã QR trên "
            "biển cần địa chỉ tuyệt đối; thêm ví dụ `site_url: https://ten.github.io/kho/`.",
            "site_url is missing or not an absolute http(s) URL — QR codes need it; add "
            "e.g. `site_url: https://name.github.io/repo/`.",
        )
    if not value.isascii():
        return PrintError(
            f"mkdocs.yml: site_url: `{value}` có ký tự không phải ASCII — dùng tên miền và "
            "đường dẫn không dấu.",
            f"`{value}` is not ASCII — use an unaccented domain and path.",
        )
    return None
