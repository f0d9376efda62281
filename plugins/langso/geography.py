"""Where things are: Viet Nam's administrative units after the 2025 reform, and coordinates.

- Communes and provinces are checked against the ``vietnam-provinces`` package, which lists the
  34 provinces and 3,321 communes in force since 01/07/2025 (Resolution 202/2025/QH15 and the
  Standing Committee resolutions on commune arrangement, e.g. 1686/NQ-UBTVQH15 for Thanh Hóa).
- A point is in Viet Nam when it lies inside Viet Nam's extent and the nearest populated place
  of the GeoNames gazetteer (``reverse_geocode`` package, offline) is Vietnamese; inside a few
  rectangles where that is proved for every point (:data:`SURELY_VIETNAM`), without loading it.
"""

from __future__ import annotations

import difflib
import json
from contextlib import suppress
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from vietnam_provinces import Province, Ward

from langso.schema import invalid
from langso.text import fold, modern_tone, nfc

__all__ = [
    "SURELY_VIETNAM",
    "VIETNAM_BOUNDS",
    "CommuneCheck",
    "UnitMatch",
    "check_commune",
    "check_unit",
    "country_of",
    "province_names",
    "resolve_unit",
    "save_cache",
    "surely_vietnam",
    "use_cache",
]

# Viet Nam's extent including the Hoàng Sa and Trường Sa archipelagos, degrees (WGS 84).
VIETNAM_BOUNDS = {"lat": (8.0, 23.5), "lon": (102.0, 117.9)}
_PROVINCE_PREFIXES = ("tỉnh ", "thành phố ", "tp. ", "tp ")
_COMMUNE_PREFIXES = ("xã ", "phường ", "đặc khu ")


def _bare(name: str, prefixes: tuple[str, ...]) -> str:
    text = nfc(name).strip()
    for prefix in prefixes:
        if text.lower().startswith(prefix):
            return text[len(prefix) :].strip()
    return text


def _display(name: str) -> str:
    """``Xã Yên Định`` → ``xã Yên Định``: unit words are lower case inside an address."""
    for prefix in _PROVINCE_PREFIXES + _COMMUNE_PREFIXES:
        if name.lower().startswith(prefix):
            return prefix + name[len(prefix) :]
    return f"tỉnh {name}"


@cache
def _provinces() -> dict[str, Province]:
    """Provinces by lower-case bare name (``thanh hóa``, ``hà nội``)."""
    return {_bare(p.name, _PROVINCE_PREFIXES).lower(): p for p in Province.iter_all()}


@cache
def _wards(province_code: int) -> dict[str, list[Ward]]:
    """Communes of a province by lower-case bare name; a name may be both a xã and a phường."""
    wards: dict[str, list[Ward]] = {}
    for ward in Ward.iter_all():
        if int(ward.province_code) == province_code:
            wards.setdefault(_bare(ward.name, _COMMUNE_PREFIXES).lower(), []).append(ward)
    return wards


def province_names() -> list[str]:
    """Names of the 34 provinces in force as written in addresses (``tỉnh Thanh Hóa``)."""
    return [_display(p.name) for p in _provinces().values()]


@dataclass(frozen=True)
class CommuneCheck:
    """The outcome of :func:`check_commune`: ``ok``, or what is unknown and the nearest names."""

    ok: bool
    unknown: str | None = None  # "province" or "commune"
    suggestions: tuple[str, ...] = ()


def _closest(name: str, candidates: list[str]) -> tuple[str, ...]:
    folded = {fold(c): c for c in candidates}
    return tuple(folded[m] for m in difflib.get_close_matches(fold(name), folded, n=3, cutoff=0.6))


def check_commune(commune: str, province: str) -> CommuneCheck:
    """Check that ``commune`` (``xã Yên Định``) exists in ``province`` (``tỉnh Thanh Hóa``).

    The unit words (``xã``, ``phường``, ``đặc khu``, ``tỉnh``, ``thành phố``) may be left out; when
    given they must match. Letters and tones must match: ``Yen Dinh`` is refused, and the nearest
    real names are suggested.
    """
    commune, province = modern_tone(commune).strip(), modern_tone(province).strip()
    bare_province = _bare(province, _PROVINCE_PREFIXES)
    found = _provinces().get(bare_province.lower())
    province_word = province[: len(province) - len(bare_province)].strip().lower()
    if found is None or (province_word and not _display(found.name).startswith(province_word)):
        return CommuneCheck(False, "province", _closest(province, province_names()))
    wards = _wards(int(found.code))
    bare_commune = _bare(commune, _COMMUNE_PREFIXES)
    word = commune.strip().lower()[: -len(bare_commune)].strip() if bare_commune else ""
    matches = wards.get(bare_commune.lower(), [])
    if any(not word or w.division_type.value == word for w in matches):
        return CommuneCheck(True)
    names = [_display(w.name) for group in wards.values() for w in group]
    return CommuneCheck(False, "commune", _closest(commune, names))


@dataclass(frozen=True)
class UnitMatch:
    """The outcome of :func:`resolve_unit`.

    Attributes:
        commune: the commune as written in addresses, with its kind (``xã Yên Định``,
            ``phường Hạc Thành``, ``đặc khu Cô Tô``), when exactly one unit matches.
        province: the province as written in addresses (``tỉnh Thanh Hóa``), when found.
        unknown: ``"province"`` or ``"commune"`` when nothing matches, else ``None``.
        choices: the units an ambiguous name could be, or the nearest names of an unknown one.
    """

    commune: str | None
    province: str | None
    unknown: str | None = None
    choices: tuple[str, ...] = ()

    @property
    def ambiguous(self) -> bool:
        """True when several units match and the volunteer must choose."""
        return self.unknown is None and self.commune is None


def _unit_word(typed: str, bare: str) -> str:
    """The unit word typed before the bare name (``xã``, ``phuong``), lower case."""
    return typed.strip().lower()[: len(typed.strip()) - len(bare)].strip() if bare else ""


def _same_kind(word: str, display: str) -> bool:
    """``word`` (typed, maybe without accents) names the kind that ``display`` starts with."""
    return not word or fold(display).startswith(fold(word) + " ")


def resolve_unit(commune: str, province: str) -> UnitMatch:
    """Find the one commune and province a volunteer means, keeping the commune's kind.

    Used by ``langso init``, which writes the names it finds (so a page says "thôn Tân Ngữ, xã
    Yên Định", not "thôn Tân Ngữ, Yên Định"). The kind (``xã``, ``phường``, ``đặc khu``;
    ``tỉnh``, ``thành phố``) may be left out, and the name may be typed without accents:
    ``Yen Dinh`` finds ``xã Yên Định`` when it is the only unit of the province with those
    letters. Exact spelling wins over an accent-free match. Source of the units: the
    ``vietnam-provinces`` package (see the module doc).

    Returns:
        A :class:`UnitMatch`: both names found, or ``unknown`` with the nearest names, or
        ``commune=None`` with the ``choices`` when several units match (``Dong Tien`` in Thanh
        Hóa is both ``phường Đông Tiến`` and ``xã Đồng Tiến``).
    """
    commune, province = modern_tone(commune).strip(), modern_tone(province).strip()
    bare_province = _bare(province, _PROVINCE_PREFIXES)
    province_word = _unit_word(province, bare_province)
    provinces = [
        p
        for key, p in _provinces().items()
        if fold(key) == fold(bare_province) and _same_kind(province_word, _display(p.name))
    ]
    exact = [
        p for p in provinces if _bare(p.name, _PROVINCE_PREFIXES).lower() == bare_province.lower()
    ]
    provinces = exact or provinces
    if len(provinces) != 1:
        names = [_display(p.name) for p in provinces]
        return UnitMatch(
            None, None, "province", tuple(names) or _closest(province, province_names())
        )
    found = provinces[0]
    province_name = _display(found.name)
    bare_commune = _bare(commune, _COMMUNE_PREFIXES)
    # A kind typed without accents ("xa Yen Dinh", "phuong ...") is recognised too.
    for word in ("xa ", "phuong ", "dac khu "):
        if not bare_commune or bare_commune != commune:
            break
        if fold(commune).startswith(word):
            bare_commune = commune[len(word) :].strip()
    word = _unit_word(commune, bare_commune)
    wards = _wards(int(found.code))
    units = [
        w
        for key, group in wards.items()
        for w in group
        if fold(key) == fold(bare_commune) and _same_kind(word, _display(w.name))
    ]
    exact_units = [
        w for w in units if _bare(w.name, _COMMUNE_PREFIXES).lower() == bare_commune.lower()
    ]
    units = exact_units or units
    if len(units) == 1:
        return UnitMatch(_display(units[0].name), province_name)
    if units:
        return UnitMatch(None, province_name, None, tuple(sorted(_display(w.name) for w in units)))
    names = [_display(w.name) for group in wards.values() for w in group]
    return UnitMatch(None, province_name, "commune", _closest(commune, names))


SURELY_VIETNAM: tuple[tuple[float, float, float, float], ...] = (
    (19.15, 23.1, 105.15, 106.0),  # Hà Nội, Thái Nguyên, Việt Trì, Thanh Hóa
    (9.45, 10.75, 105.05, 106.7),  # Cần Thơ, Long Xuyên: the Mekong delta
    (20.05, 22.95, 106.1, 106.6),  # Nam Định, Chí Linh, Bắc Giang
    (11.5, 14.3, 108.85, 109.3),  # Nha Trang, Tuy Hòa, Quy Nhơn
    (12.55, 14.25, 108.1, 108.7),  # Buôn Hồ, An Khê
    (10.45, 12.0, 107.2, 107.85),  # Xuân Lộc, Bảo Lộc, La Gi
    (20.95, 21.65, 103.55, 104.8),  # Sơn La, Nghĩa Lộ
    (15.25, 16.15, 107.6, 108.5),  # Đà Nẵng, Hội An, Tam Kỳ
    (10.75, 11.75, 106.3, 107.1),  # Thành phố Hồ Chí Minh, Biên Hòa
    (20.5, 21.85, 106.6, 107.1),  # Hải Phòng, Hạ Long
    (22.0, 22.75, 104.2, 105.1),  # Bắc Quang, Si Ma Cai
    (14.55, 15.55, 108.5, 109.15),  # Quảng Ngãi, Đức Phổ
    (21.2, 22.5, 102.9, 103.35),  # Điện Biên Phủ, Mường Lay
    (11.55, 12.05, 107.85, 108.85),  # Đà Lạt, Đức Trọng
    (18.15, 19.15, 105.35, 105.85),  # Vinh, Hồng Lĩnh
    (8.8, 9.45, 104.8, 105.55),  # Cà Mau, Giá Rai
)
"""Rectangles ``(lat_min, lat_max, lon_min, lon_max)`` (degrees WGS 84, edges included) where
the gazetteer's nearest place is Vietnamese at every point, so :func:`country_of` answers
``"VN"`` without loading it (about a second and 150 MB with scipy). Source: found on a 0.05°
grid from ``reverse_geocode``'s own gazetteer (GeoNames ``cities1000``: cells whose nearest
foreign place is farther than the nearest Vietnamese one by more than the cell's diagonal), the
16 largest; they hold about 72 % of its Vietnamese places and 87 % of their population.
``tests/test_geography.py`` proves it for the installed gazetteer (every point, and a fine
grid through ``reverse_geocode.search``)."""

_COUNTRIES: dict[str, str] = {}
_CACHE_FILE: Path | None = None
_UNSAVED = False  # answers found since the file was last written


def use_cache(folder: Path) -> None:
    """Keep :func:`country_of` answers in ``folder/countries.json`` between builds.

    Loading the gazetteer costs about a second; with the cache a build only loads it for
    coordinates outside :data:`SURELY_VIETNAM` it has never seen. The file maps ``"lat,lon"`` to
    a country code, is written by :func:`save_cache` and is safe to delete (the answers are
    recomputed, identically).
    """
    global _CACHE_FILE, _UNSAVED
    _CACHE_FILE = folder / "countries.json"
    stored: dict[str, str] = {}
    with suppress(OSError, ValueError):
        stored = json.loads(_CACHE_FILE.read_text(encoding="utf-8"))
    # Answers this process already knows (another project, a test) belong in the file too.
    _UNSAVED = not stored.keys() >= _COUNTRIES.keys()
    _COUNTRIES.update(stored)


def save_cache() -> None:
    """Write the answers to the file :func:`use_cache` named, once, when some are new.

    Called at the end of the directory's ``on_files`` and in ``on_post_build``: one write per
    build at most, not one per new coordinate. An unwritable folder is not an error.
    """
    global _UNSAVED
    if not _UNSAVED or _CACHE_FILE is None:
        return
    with suppress(OSError):
        _CACHE_FILE.parent.mkdir(parents=True, exist_ok=True)
        temporary = _CACHE_FILE.with_suffix(".tmp")
        temporary.write_text(json.dumps(_COUNTRIES, sort_keys=True), encoding="utf-8")
        temporary.replace(_CACHE_FILE)
        _UNSAVED = False


def surely_vietnam(lat: float, lon: float) -> bool:
    """True when ``(lat, lon)`` lies in one of the :data:`SURELY_VIETNAM` rectangles."""
    return any(a <= lat <= b and c <= lon <= d for a, b, c, d in SURELY_VIETNAM)


def country_of(lat: float, lon: float) -> str:
    """ISO 3166 code of the country of the populated place nearest to ``(lat, lon)``.

    Returns ``"VN"`` for a point inside Viet Nam far from its borders (:data:`SURELY_VIETNAM`,
    without the gazetteer); elsewhere the nearest place decides. Those answers are kept in memory
    and, after :func:`use_cache`, on disk; the gazetteer is loaded only for a point not seen
    before (about a second the first time).
    """
    global _UNSAVED
    if surely_vietnam(lat, lon):
        return "VN"
    key = f"{lat!r},{lon!r}"
    if key not in _COUNTRIES:
        import reverse_geocode  # loaded only for coordinates never seen

        _COUNTRIES[key] = str(reverse_geocode.get((lat, lon))["country_code"])
        _UNSAVED = True
    return _COUNTRIES[key]


def check_unit(commune: str | None, province: str | None, field_prefix: str) -> None:
    """Raise a located error unless ``commune`` exists in ``province`` (post-2025 units).

    ``None`` values are not checked (they default to the village's, checked on their own).
    """
    if commune is None or province is None:
        return
    result = check_commune(commune, province)
    if result.ok:
        return
    hint_vi = ", ".join(f"`{s}`" for s in result.suggestions)
    if result.unknown == "province":
        raise invalid(
            f"không có `{province}` trong 34 tỉnh, thành phố từ 01/07/2025",
            f"`{province}` is not one of the 34 provinces in force since 01/07/2025",
            f"viết đúng tên, có dấu: {hint_vi}" if hint_vi else "viết đúng tên tỉnh, có dấu",
            f"write the exact name with accents: {hint_vi}"
            if hint_vi
            else "write the exact province name with accents",
            field=f"{field_prefix}tinh",
        )
    raise invalid(
        f"không có `{commune}` trong {province} từ 01/07/2025",
        f"`{commune}` is not a commune of {province} since 01/07/2025",
        "viết tên xã mới, có dấu"
        + (f" ({hint_vi})" if hint_vi else "")
        + "; tên xã cũ trước sáp nhập ghi vào `xa_cu`",
        "write the current commune with accents"
        + (f" ({hint_vi})" if hint_vi else "")
        + "; a former commune goes in `xa_cu`",
        field=f"{field_prefix}xa",
    )
