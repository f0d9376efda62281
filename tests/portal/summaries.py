"""Fixture summaries: valid version-1 ``lang-so.json`` documents for portal tests.

The shape is the one :mod:`langso.summary.build` writes and ``lang-so.schema.json`` describes
(docs/tom-tat-lang.md). Every name is obviously fake sample data.

>>> s = make_summary("Phú Mỹ", landmarks=[("Đình Phú Mỹ", "dia-diem/dinh-phu-my/")])
>>> s["lang"]["ten_day_du"], s["dia_diem"][0]["trang"]
('làng Phú Mỹ', 'dia-diem/dinh-phu-my/')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from langso.text import nfc, slugify

__all__ = ["DEFAULT", "make_summary"]


class _Default:
    """Marker: "use the default" (``None`` is a meaningful value: no address, no landmark)."""

    def __repr__(self) -> str:
        return "DEFAULT"


DEFAULT: Any = _Default()

# (commune, province) → (ma_xa, ma_tinh), from the vietnam-provinces package.
_CODES = {("xã Yên Định", "tỉnh Thanh Hóa"): ("15469", "38")}


def _phone(number: str) -> dict[str, str]:
    digits = "".join(ch for ch in number if ch.isdigit())
    return {"so": number, "tel": "+84" + digits.removeprefix("0")}


def make_summary(
    name: str,
    commune: str = "xã Yên Định",
    province: str = "tỉnh Thanh Hóa",
    *,
    kind: str = "làng",
    base_url: str | None = DEFAULT,
    built_on: str = "2026-12-05",
    landmarks: Sequence[tuple[str, str]] = DEFAULT,
    services: Sequence[tuple[str, str, str]] = DEFAULT,
    plaques: Sequence[tuple[str, str, str]] = (),
    notices: Sequence[tuple[str, str, str, bool]] = (),
    pages: Sequence[tuple[str, str, str, Sequence[str]]] = DEFAULT,
    position: tuple[float, float] | None = (19.97, 105.65),
    former_commune: str | None = None,
    former_district: str | None = None,
    codes: tuple[str | None, str | None] = DEFAULT,
) -> dict[str, Any]:
    """A valid version-1 summary of the village ``name`` (``"Là Thôn"``).

    Args:
        name, commune, province, kind: the village's identity (``lang``).
        base_url: ``dia_chi``; default ``https://example.github.io/<slug of name>/``; ``None``
            for a site without ``site_url``.
        built_on: ``ngay_dung``, ``YYYY-MM-DD``.
        landmarks: ``(ten, trang)`` pairs; default one ``Đình làng <name>`` landmark at
            ``dia-diem/dinh-lang-<slug>/``. Each gets ``loai`` "Di tích – địa điểm" and the
            village's ``position`` (or null coordinates).
        services: ``(ten, loai, dien_thoai)`` triples (``loai`` a directory category slug such as
            ``y-te``); default one health station of the commune with ``0300 000 001``.
        plaques: ``(id, ten, dich)`` triples; ``trang`` is ``q/<id>/``.
        notices: ``(tieu_de, ngay, trang, khan)``.
        pages: ``(t, u, d, h)`` search entries; default: home, each landmark and each service.
        position: ``vi_tri`` (latitude, longitude) or ``None``.
        codes: ``(ma_xa, ma_tinh)``; default the real codes for ``xã Yên Định, tỉnh Thanh Hóa``,
            else ``(None, None)``.

    Returns:
        A fresh dict (the caller may change it, e.g. to make it invalid).
    """
    slug = slugify(name)
    if base_url is DEFAULT:
        base_url = f"https://example.github.io/{slug}/"
    if landmarks is DEFAULT:
        landmarks = [(f"Đình làng {name}", f"dia-diem/dinh-lang-{slug}/")]
    if services is DEFAULT:
        services = [(f"Trạm y tế {commune}", "y-te", "0300 000 001")]
    if codes is DEFAULT:
        codes = _CODES.get((commune, province), (None, None))
    lat, lon = position if position else (None, None)
    category_names = {"y-te": "Y tế", "hanh-chinh": "Hành chính", "dien-nuoc": "Điện, nước"}
    service_items = []
    for title, category, phone in services:
        sid = slugify(title)
        service_items.append(
            {
                "id": sid,
                "ten": title,
                "loai": category,
                "loai_ten": category_names.get(category, category),
                "trang": f"danh-ba/{sid}/",
                "dia_chi": f"{commune}, {province}",
                "dien_thoai": [_phone(phone)] if phone else [],
                "vi_do": None,
                "kinh_do": None,
                "du_lieu_mau": True,
            }
        )
    if pages is DEFAULT:
        home: tuple[str, str, str, list[str]] = (
            f"Làng số {name}",
            "",
            f"Sổ tay làng số của {name}, {commune}.",
            [],
        )
        pages = [
            home,
            *[(t, u, f"{t}, {kind} {name}.", ["Lịch sử"]) for t, u in landmarks],
            *[(str(s["ten"]), str(s["trang"]), str(s["dia_chi"]), []) for s in service_items],
        ]
    summary: dict[str, Any] = {
        "dinh_dang": "lang-so/tom-tat",
        "phien_ban": 1,
        "ngay_dung": built_on,
        "dia_chi": base_url,
        "lang": {
            "ten": name,
            "loai": kind,
            "ten_day_du": f"{kind} {name}",
            "xa": commune,
            "ma_xa": codes[0],
            "tinh": province,
            "ma_tinh": codes[1],
            "xa_cu": former_commune,
            "huyen_cu": former_district,
        },
        "vi_tri": {"vi_do": lat, "kinh_do": lon} if position else None,
        "dia_diem": [
            {
                "ten": title,
                "trang": path,
                "loai": "Di tích – địa điểm",
                "mo_ta": f"{title} (dữ liệu mẫu).",
                "vi_do": lat,
                "kinh_do": lon,
            }
            for title, path in landmarks
        ],
        "dich_vu": service_items,
        "bien_qr": [
            {"id": pid, "ten": title, "trang": f"q/{pid}/", "dich": target}
            for pid, title, target in plaques
        ],
        "thong_bao": [
            {"tieu_de": title, "ngay": day, "trang": path, "khan": urgent}
            for title, day, path, urgent in notices
        ],
        "tim_kiem": [{"t": t, "u": u, "d": d, "h": list(h)} for t, u, d, h in pages],
    }
    normalised: dict[str, Any] = _nfc(summary)
    return normalised


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, dict):
        return {k: _nfc(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    return value
