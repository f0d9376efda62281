"""What each page of the portal lists (issue 17): plain data, no HTML, no MkDocs.

:func:`build_portal` turns the villages the sources read
(:class:`~langso.portal.model.VillageResult`) into the views the templates print: communes with
their villages, every landmark and service grouped by category, each village's page. Order is
Vietnamese alphabetical order (:func:`langso.text.sort_key`) everywhere, ties broken by the
village's key, so the same input gives the same pages byte for byte.

Everything from a summary is hostile: strings stay plain text here (the templates escape them, once,
with Jinja's autoescape); a page path becomes a link only through :func:`safe_link` (joined to the
village's ``base_url``, http/https only, and still under that address); a phone number becomes a
``tel:`` link only when its ``tel`` is ``+`` and digits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urljoin, urlsplit

from langso.portal.model import VillageResult
from langso.text import slugify, sort_key

__all__ = [
    "CategoryView",
    "CommuneView",
    "Item",
    "NoticeView",
    "Phone",
    "PortalView",
    "VillageView",
    "build_portal",
    "by_village",
    "safe_link",
    "vn_date",
]

LANDMARK_KIND = "Di tích – địa điểm"
STATUS_STALE = "Tạm thời không đọc được"
STATUS_NEVER = "Chưa đọc được lần nào"
UNKNOWN_COMMUNE = "Chưa rõ xã"
UNKNOWN_SLUG = "chua-ro"
"""The commune slug of items of villages read without a commune (``-x`` added while a real
commune has it)."""
_TEL = re.compile(r"^\+?[0-9]{3,15}$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# Kinds of commune-level units, left out when sorting communes by name.
_COMMUNE_KINDS = ("xã ", "phường ", "thị trấn ", "đặc khu ")


def vn_date(day: date | str | None) -> str | None:
    """``date(2026, 12, 3)`` or ``"2026-12-03"`` → ``"03/12/2026"``; ``None`` or a malformed
    string → ``None``."""
    if day is None:
        return None
    if isinstance(day, date):
        return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"
    match = _ISO_DAY.match(day)
    return f"{match[3]}/{match[2]}/{match[1]}" if match else None


def _web_base(base_url: str | None) -> str | None:
    """``base_url`` when it is an absolute http(s) URL with a host, ending in ``/``; else None."""
    if not base_url or any(ord(ch) < 33 for ch in base_url):
        return None
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return base_url if base_url.endswith("/") else base_url + "/"


def safe_link(base_url: str | None, path: str | None) -> str | None:
    """The absolute URL of the village page ``path`` (site-relative, ``""`` for the home page),
    or ``None`` when it cannot safely be a link.

    A link is made only when ``base_url`` is an absolute http(s) URL and the joined URL is
    http(s), on the same host, and under ``base_url``: ``javascript:alert(1)``,
    ``//evil.example/``, ``/other/``, ``../`` and back-slash or control-character tricks give
    ``None``.

    >>> safe_link("https://example.github.io/la-thon/", "dia-diem/dinh/")
    'https://example.github.io/la-thon/dia-diem/dinh/'
    >>> safe_link("https://example.github.io/la-thon/", "javascript:alert(1)") is None
    True
    """
    base = _web_base(base_url)
    if base is None or path is None or "\\" in path or any(ord(ch) < 33 for ch in path):
        return None
    joined = urljoin(base, path)
    parts = urlsplit(joined)
    if parts.scheme not in ("http", "https") or not joined.startswith(base):
        return None
    return joined


@dataclass(frozen=True)
class Phone:
    """A number as written (``label``) and its ``tel:`` URL, or ``None`` when not dialable."""

    label: str
    tel: str | None


@dataclass(frozen=True)
class Item:
    """A landmark (``kind`` "dia-diem") or a service ("dich-vu") of one village."""

    kind: str
    name: str
    href: str | None
    category: str  # slug of the category (``loai/<category>/``)
    category_name: str
    description: str
    address: str
    phones: tuple[Phone, ...]
    village_key: str
    village_name: str
    commune_slug: str
    commune_name: str
    sample: bool = False  # ``du_lieu_mau: true``: shown as "Dữ liệu mẫu" by the name and calls


@dataclass(frozen=True)
class NoticeView:
    title: str
    day: str | None  # dd/mm/yyyy
    href: str | None
    urgent: bool


@dataclass(frozen=True)
class VillageView:
    """One village: identity, links, status and what it publishes. ``status_text`` is ``None``
    for a fresh copy; ``name`` is the source when nothing was ever read."""

    key: str
    name: str
    short_name: str
    commune_slug: str
    commune_name: str
    province: str
    former: str | None
    site_href: str | None
    status: str
    status_text: str | None
    built_on: str | None
    landmarks: tuple[Item, ...]
    services: tuple[Item, ...]
    notices: tuple[NoticeView, ...]
    lat: float | None
    lon: float | None
    has_data: bool


@dataclass(frozen=True)
class CategoryGroup:
    """The items of one category in one commune (``slug``/``name``: the commune's)."""

    slug: str
    name: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class CategoryView:
    slug: str
    name: str
    groups: tuple[CategoryGroup, ...]  # by commune on ``loai/<slug>/``

    @property
    def count(self) -> int:
        return sum(len(group.items) for group in self.groups)


@dataclass(frozen=True)
class CommuneView:
    slug: str
    name: str
    province: str
    villages: tuple[VillageView, ...]
    categories: tuple[CategoryView, ...]  # groups are villages here (slug: village key)


@dataclass(frozen=True)
class PortalView:
    communes: tuple[CommuneView, ...]
    unread: tuple[VillageView, ...]  # villages with nothing usable (no commune known)
    categories: tuple[CategoryView, ...]
    villages: tuple[VillageView, ...]  # every village, in commune then name order

    @property
    def mapped(self) -> tuple[VillageView, ...]:
        return tuple(v for v in self.villages if v.lat is not None and v.lon is not None)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _status(result: VillageResult) -> str | None:
    if result.status == "moi" and result.summary is not None:
        return None
    if result.summary is not None:
        day = vn_date(result.read_on)
        return f"{STATUS_STALE} — bản lưu ngày {day}" if day else STATUS_STALE
    return STATUS_NEVER


def _phones(entries: Any) -> tuple[Phone, ...]:
    phones = []
    for entry in entries if isinstance(entries, list) else []:
        label, tel = _text(entry.get("so")), _text(entry.get("tel"))
        phones.append(Phone(label or tel, "tel:" + tel if _TEL.match(tel) else None))
    return tuple(phones)


def _coords(value: Any) -> tuple[float | None, float | None]:
    if not isinstance(value, dict):
        return None, None
    lat, lon = value.get("vi_do"), value.get("kinh_do")
    if not isinstance(lat, int | float) or not isinstance(lon, int | float):
        return None, None
    if -90 <= lat <= 90 and -180 <= lon <= 180:
        return float(lat), float(lon)
    return None, None


def _commune_sort(name: str) -> Any:
    lower = name.lower()
    bare = next((name[len(k) :] for k in _COMMUNE_KINDS if lower.startswith(k)), name)
    return sort_key(bare), sort_key(name)


def _commune_slug(name: str) -> str:
    """``xã Yên Định`` → ``yen-dinh`` (the kind "xã" left out); ``phường Ba Đình`` →
    ``phuong-ba-dinh``; a name that slugs to nothing → ``xa``."""
    bare = name[3:] if name.lower().startswith("xã ") else name
    return slugify(bare) or slugify(name) or "xa"


def _village(result: VillageResult, commune_slug: str) -> VillageView:
    summary = result.summary or {}
    lang = summary.get("lang") or {}
    base = result.base_url
    name = _text(lang.get("ten_day_du")) or _text(lang.get("ten")) or result.source
    commune = _text(lang.get("xa")) or UNKNOWN_COMMUNE
    former_parts = [_text(lang.get("xa_cu")), _text(lang.get("huyen_cu"))]
    former = ", ".join(p for p in former_parts if p) or None

    def item(kind: str, entry: dict[str, Any], category: str, category_name: str) -> Item:
        return Item(
            kind=kind,
            name=_text(entry.get("ten")),
            href=safe_link(base, _text(entry.get("trang"))),
            category=category,
            category_name=category_name,
            description=_text(entry.get("mo_ta")),
            address=_text(entry.get("dia_chi")),
            phones=_phones(entry.get("dien_thoai")),
            village_key=result.key,
            village_name=name,
            commune_slug=commune_slug,
            commune_name=commune,
            sample=entry.get("du_lieu_mau") is True,
        )

    landmarks = []
    for entry in summary.get("dia_diem") or []:
        kind_name = _text(entry.get("loai")) or LANDMARK_KIND
        landmarks.append(item("dia-diem", entry, slugify(kind_name) or "khac", kind_name))
    services = []
    for entry in summary.get("dich_vu") or []:
        slug = slugify(_text(entry.get("loai"))) or "khac"
        services.append(item("dich-vu", entry, slug, _text(entry.get("loai_ten")) or slug))
    raw = [n for n in summary.get("thong_bao") or [] if isinstance(n, dict)]
    # Urgent first, then newest first (ISO days sort as text), then by title.
    raw.sort(key=lambda n: sort_key(_text(n.get("tieu_de"))))
    raw.sort(key=lambda n: _text(n.get("ngay")), reverse=True)
    raw.sort(key=lambda n: n.get("khan") is not True)
    notices = [
        NoticeView(
            _text(n.get("tieu_de")),
            vn_date(_text(n.get("ngay"))),
            safe_link(base, _text(n.get("trang"))),
            n.get("khan") is True,
        )
        for n in raw
    ]
    lat, lon = _coords(summary.get("vi_tri"))
    by_name = lambda i: (sort_key(i.name), i.href or "")  # noqa: E731
    return VillageView(
        key=result.key,
        name=name,
        short_name=_text(lang.get("ten")) or name,
        commune_slug=commune_slug,
        commune_name=commune,
        province=_text(lang.get("tinh")),
        former=former,
        site_href=safe_link(base, ""),
        status=result.status,
        status_text=_status(result),
        built_on=vn_date(_text(summary.get("ngay_dung"))),
        landmarks=tuple(sorted(landmarks, key=by_name)),
        services=tuple(sorted(services, key=by_name)),
        notices=tuple(notices),
        lat=lat,
        lon=lon,
        has_data=result.summary is not None,
    )


def _categories(
    items: Sequence[Item], group_by: str, unknown: str = UNKNOWN_SLUG
) -> tuple[CategoryView, ...]:
    """Items grouped by category, then by commune (``group_by="commune"``; items of no commune
    in the group ``unknown``) or village."""
    names: dict[str, str] = {}
    grouped: dict[str, dict[tuple[str, str], list[Item]]] = {}
    for it in items:
        names.setdefault(it.category, it.category_name)
        group = (
            (it.commune_slug or unknown, it.commune_name)
            if group_by == "commune"
            else (it.village_key, it.village_name)
        )
        grouped.setdefault(it.category, {}).setdefault(group, []).append(it)
    views = []
    for slug, groups in grouped.items():
        ordered = sorted(
            groups.items(),
            key=lambda g: (
                _commune_sort(g[0][1]) if group_by == "commune" else sort_key(g[0][1]),
                g[0][0],
            ),
        )
        views.append(
            CategoryView(
                slug,
                names[slug],
                tuple(
                    CategoryGroup(
                        key,
                        name,
                        tuple(
                            sorted(its, key=lambda i: (sort_key(i.name), sort_key(i.village_name)))
                        ),
                    )
                    for (key, name), its in ordered
                ),
            )
        )
    return tuple(sorted(views, key=lambda c: (sort_key(c.name), c.slug)))


def build_portal(results: Sequence[VillageResult]) -> PortalView:
    """The portal's views from the sources' results (any order; output order is fixed)."""
    communes: dict[tuple[str, str], list[VillageResult]] = {}
    unread: list[VillageResult] = []
    for result in results:
        lang = (result.summary or {}).get("lang") or {}
        if result.summary is None or not _text(lang.get("xa")):
            unread.append(result)
            continue
        communes.setdefault((_text(lang.get("xa")), _text(lang.get("tinh"))), []).append(result)
    # Commune slugs: the name's slug; communes of one name in two provinces add the province.
    base_slugs: dict[str, int] = {}
    for name, _province in communes:
        base_slugs[_commune_slug(name)] = base_slugs.get(_commune_slug(name), 0) + 1
    commune_views = []
    for (name, province), members in communes.items():
        slug = _commune_slug(name)
        if base_slugs.get(slug, 0) > 1:
            slug = f"{slugify(name) or 'xa'}-{slugify(province)}"
        villages = sorted(
            (_village(r, slug) for r in members), key=lambda v: (sort_key(v.short_name), v.key)
        )
        items = [i for v in villages for i in (*v.landmarks, *v.services)]
        commune_views.append(
            CommuneView(slug, name, province, tuple(villages), _categories(items, "village"))
        )
    commune_views.sort(key=lambda c: (_commune_sort(c.name), sort_key(c.province), c.slug))
    unread_views = tuple(
        sorted((_village(r, "") for r in unread), key=lambda v: (sort_key(v.name), v.key))
    )
    every = tuple(v for c in commune_views for v in c.villages) + unread_views
    all_items = [i for v in every for i in (*v.landmarks, *v.services)]
    unknown = UNKNOWN_SLUG  # the group of villages read without a commune: never a commune's
    while unknown in {c.slug for c in commune_views}:
        unknown += "-x"
    categories = _categories(all_items, "commune", unknown)
    return PortalView(tuple(commune_views), unread_views, categories, every)


def by_village(items: Sequence[Item]) -> tuple[CategoryGroup, ...]:
    """``items`` (of one category in one commune) grouped by village (``slug``: the village's
    key), villages in name order, items in their given order; for ``loai/<slug>/<commune>/``."""
    grouped: dict[tuple[str, str], list[Item]] = {}
    for it in items:
        grouped.setdefault((it.village_key, it.village_name), []).append(it)
    ordered = sorted(grouped.items(), key=lambda g: (sort_key(g[0][1]), g[0][0]))
    return tuple(CategoryGroup(key, name, tuple(its)) for (key, name), its in ordered)
