"""The village summary ``lang-so.json``, version 1: a pure function of what the site publishes.

Made by ``langso/summary`` (:mod:`langso.summary.plugin`) after the build from the models the
other plugins already hold — nothing here reads a file (DESIGN.md: one direction of flow):

- the village (``village.yml`` as ``langso/content`` loaded it, :class:`langso.village.Village`);
- the landmarks (:class:`LandmarkPage`: the pages of ``dia-diem/`` and every page with
  ``toa_do``, with their rendered titles and descriptions);
- the directory as ``langso/directory`` loaded it (:class:`langso.directory.loading.Directory`);
- the plaques as ``langso/plaques`` resolves them (:class:`langso.plaques.resolve.Destination`);
- the notices as ``langso/notices`` loaded them, current at the build only
  (:func:`langso.notices.order.is_current`);
- the search index's pages (:class:`langso.search.index.IndexPage`; ``search: exclude`` pages
  never reach it).

The format is documented in ``docs/tom-tat-lang.md`` and described by ``lang-so.schema.json``;
:func:`langso.summary.read.read_summary` reads it back. Output is deterministic: lists in
Vietnamese order (or by path), keys in the documented order, every string NFC, without control
characters, at most :data:`~langso.summary.read.MAX_STRING` characters.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from vietnam_provinces import Province, Ward

from langso.directory.export import address_text
from langso.directory.loading import Directory
from langso.geography import resolve_unit
from langso.notices.model import Notice
from langso.notices.order import is_current, newest_first
from langso.plaques.resolve import Destination
from langso.search.index import IndexPage, join_prose
from langso.summary.read import FORMAT, MAX_ITEMS, MAX_STRING, VERSION
from langso.text import modern_tone, nfc, sort_key
from langso.village import Village, kind_and_name

__all__ = [
    "DESCRIPTION_CHARS",
    "DIRECTORY_KEY",
    "LANDMARK_KIND",
    "LandmarkPage",
    "build_summary",
    "dumps_summary",
    "unit_codes",
]

DIRECTORY_KEY = "langso_directory"
"""``config.extra`` key where ``langso/directory`` publishes its loaded
:class:`~langso.directory.loading.Directory` (in ``on_files``)."""
LANDMARK_KIND = "Di tích – địa điểm"
"""``loai`` of a landmark: the content has no kind of landmark of its own (yet)."""
DESCRIPTION_CHARS = 300
"""Longest ``d`` of a search entry, characters (cut at a word, with ``…``)."""
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class LandmarkPage:
    """A landmark as the site published it.

    Attributes:
        src_uri: the page, relative to ``docs_dir`` (``dia-diem/dinh-lang-la-thon.md``).
        title: its title, plain text (not escaped).
        url: its URL relative to the site root (``dia-diem/dinh-lang-la-thon/``).
        description: its ``description``, plain text, or ``None``.
        lat, lon: its ``toa_do`` in degrees (WGS 84), or ``None``.
    """

    src_uri: str
    title: str
    url: str
    description: str | None = None
    lat: float | None = None
    lon: float | None = None


def _text(value: str) -> str:
    """NFC, control characters and runs of white space as one space, trimmed, at most
    :data:`~langso.summary.read.MAX_STRING` characters."""
    text = _SPACES.sub(" ", _CONTROL.sub(" ", nfc(value))).strip()
    return text if len(text) <= MAX_STRING else text[: MAX_STRING - 1].rstrip() + "…"


def _optional(value: str | None) -> str | None:
    return _text(value) if value else None


def _short(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    """``text`` cut at a word to at most ``limit`` characters, ``…`` when cut."""
    text = _text(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:·") + "…"


_PROVINCE_WORDS = ("tỉnh ", "thành phố ", "tp. ", "tp ")


def _key(name: str) -> str:
    return modern_tone(name).strip().casefold()


def _bare_province(name: str) -> str:
    key = _key(name)
    for word in _PROVINCE_WORDS:
        key = key.removeprefix(word)
    return key


@cache
def unit_codes(commune: str, province: str) -> tuple[str | None, str | None]:
    """The codes of ``commune`` (``xã Yên Định``) and ``province`` (``tỉnh Thanh Hóa``) among the
    units in force since 01/07/2025 (``vietnam-provinces`` package): ``("15469", "38")``;
    ``None`` for a unit not found. Names are compared after :func:`langso.text.modern_tone`,
    case ignored; the commune's unit word (``xã``, ``phường``, ``đặc khu``) must be given, the
    province's may be left out (``village.yml`` is checked against the same list)."""
    wanted = _bare_province(province)
    found = [p for p in Province.iter_all() if _bare_province(p.name) == wanted]
    if len(found) != 1:
        return None, None
    code = int(found[0].code)
    key = _key(commune)
    wards = [w for w in Ward.iter_all() if int(w.province_code) == code and _key(w.name) == key]
    # Written as the GSO writes them: 2 digits a province, 5 a commune (``01``, ``00004``).
    return (f"{int(wards[0].code):05d}" if len(wards) == 1 else None), f"{code:02d}"


def official_names(commune: str, province: str) -> tuple[str, str]:
    """The commune and province as :func:`langso.geography.resolve_unit` writes them (``xã Yên
    Định``, ``tỉnh Thanh Hóa``) when each resolves to exactly one unit, else as typed: a portal
    groups villages by these names, so ``Yên Định`` and ``xa yen dinh`` must not make a second
    commune beside ``xã Yên Định``."""
    match = resolve_unit(commune, province)
    return match.commune or commune, match.province or province


def _village(village: Village | None) -> dict[str, Any] | None:
    if village is None:
        return None
    commune, province = official_names(village.commune, village.province)
    commune_code, province_code = unit_codes(commune, province)
    return {
        "ten": _text(village.name),
        "loai": _text(village.kind),
        "ten_day_du": _text(kind_and_name(village.kind, village.name)),
        "xa": _text(commune),
        "ma_xa": commune_code,
        "tinh": _text(province),
        "ma_tinh": province_code,
        "xa_cu": _optional(village.former_commune),
        "huyen_cu": _optional(village.former_district),
    }


def _centre(points: Sequence[tuple[float, float]]) -> dict[str, float] | None:
    """The mean of ``points`` (latitude, longitude), rounded to 5 decimals (about 1 m)."""
    if not points:
        return None
    lat = sum(p[0] for p in points) / len(points)
    lon = sum(p[1] for p in points) / len(points)
    return {"vi_do": round(lat, 5), "kinh_do": round(lon, 5)}


def _landmarks(landmarks: Iterable[LandmarkPage]) -> list[dict[str, Any]]:
    items = sorted(landmarks, key=lambda lm: (sort_key(lm.title), lm.url))
    return [
        {
            "ten": _text(lm.title),
            "trang": lm.url,
            "loai": LANDMARK_KIND,
            "mo_ta": _optional(lm.description),
            "vi_do": lm.lat,
            "kinh_do": lm.lon,
        }
        for lm in items
    ]


def _services(
    directory: Directory | None, village: Village | None, url_of: Callable[[str], str | None]
) -> list[dict[str, Any]]:
    if directory is None:
        return []
    out = []
    for entry in directory.sorted_entries():
        url = url_of(entry.page)
        if url is None:  # its page clashed with another: not published
            continue
        service = entry.service
        category = directory.category(service.category)
        out.append(
            {
                "id": entry.id,
                "ten": _text(service.name),
                "loai": category.id,
                "loai_ten": _text(category.name),
                "trang": url,
                "dia_chi": _optional(address_text(entry, village)),
                "dien_thoai": [{"so": _text(p.display), "tel": p.tel} for p in service.phones],
                "vi_do": service.location.lat if service.location else None,
                "kinh_do": service.location.lon if service.location else None,
                "du_lieu_mau": bool(service.sample),
            }
        )
    return out


def _plaques(destinations: Iterable[Destination]) -> list[dict[str, Any]]:
    """The plaques that lead to a page today (a retired plaque's notice is no destination)."""
    out = []
    for destination in sorted(destinations, key=lambda d: d.entry.plaque.id):
        if destination.kind != "page" or destination.url is None:
            continue
        plaque = destination.entry.plaque
        out.append(
            {
                "id": plaque.id,
                "ten": _text(plaque.name),
                "trang": f"q/{plaque.id}/",
                "dich": destination.url,
            }
        )
    return out


def _notices(
    notices: Iterable[Notice],
    now: dt.datetime,
    fresh_days: int,
    url_of: Callable[[str], str | None],
) -> list[dict[str, Any]]:
    """The notices current at ``now`` (:func:`langso.notices.order.is_current`), urgent first,
    then newest first; loudspeaker transcripts left out, as on the home page."""
    current = [n for n in newest_first(notices) if is_current(n, now, fresh_days)]
    current = [n for n in current if n.kind.key != "loa"]
    out = []
    for notice in sorted(current, key=lambda n: not n.urgent):
        url = url_of(notice.src_uri)
        if url is None:
            continue
        out.append(
            {
                "tieu_de": _text(notice.title),
                "ngay": notice.posted.astimezone(now.tzinfo).date().isoformat(),
                "trang": url,
                "khan": bool(notice.urgent),
            }
        )
    return out


def _search(pages: Iterable[IndexPage]) -> list[dict[str, Any]]:
    """One entry a page, by path: title, path, description (its own, else its first prose),
    the headings of its sections (each once, in order)."""
    out = []
    for page in sorted(pages, key=lambda p: p.url):
        prose = join_prose(block for s in page.sections for block in s.prose)
        headings: list[str] = []
        for section in page.sections:
            heading = _text(section.heading)
            if section.anchor and heading and heading not in headings:
                headings.append(heading)
        out.append(
            {
                "t": _text(page.title),
                "u": page.url,
                "d": _short(page.description or prose),
                "h": headings[:MAX_ITEMS],
            }
        )
    return out[:MAX_ITEMS]


def build_summary(
    *,
    village: Village | None,
    site_url: str | None,
    built_on: dt.date,
    landmarks: Iterable[LandmarkPage],
    directory: Directory | None,
    plaques: Iterable[Destination],
    notices: Iterable[Notice],
    now: dt.datetime,
    fresh_days: int,
    pages: Iterable[IndexPage],
    url_of: Callable[[str], str | None],
) -> dict[str, Any]:
    """The version-1 summary (docs/tom-tat-lang.md).

    Args:
        village: ``village.yml``, or ``None`` when it could not be read.
        site_url: the site's address as configured (``https://…/``), or ``None``/``""``.
        built_on: the build's day in Viet Nam (``ngay_dung``).
        landmarks: the published landmark pages.
        directory: the loaded directory, or ``None`` without ``langso/directory``.
        plaques: the resolved plaques.
        notices: every notice; only those current at ``now`` (aware) are kept.
        fresh_days: how long a notice without expiry stays current, days.
        pages: the search index's pages (already without ``search: exclude`` ones).
        url_of: a page's URL relative to the site root from its ``src_uri``, ``None`` when the
            site has no such page.
    """
    landmark_items = _landmarks(landmarks)
    services = _services(directory, village, url_of)
    points = [
        (item["vi_do"], item["kinh_do"])
        for item in (*landmark_items, *services)
        if item["vi_do"] is not None and item["kinh_do"] is not None
    ]
    address = (site_url or "").strip()
    if address and not address.endswith("/"):
        address += "/"
    return {
        "dinh_dang": FORMAT,
        "phien_ban": VERSION,
        "ngay_dung": built_on.isoformat(),
        "dia_chi": address if address.startswith(("https://", "http://")) else None,
        "lang": _village(village),
        "vi_tri": _centre(points),
        "dia_diem": landmark_items[:MAX_ITEMS],
        "dich_vu": services[:MAX_ITEMS],
        "bien_qr": _plaques(plaques)[:MAX_ITEMS],
        "thong_bao": _notices(notices, now, fresh_days, url_of)[:MAX_ITEMS],
        "tim_kiem": _search(pages),
    }


def dumps_summary(summary: dict[str, Any]) -> bytes:
    """The file's bytes: compact UTF-8 JSON (``ensure_ascii=False``), keys in the order built,
    ``</`` written ``<\\/`` (the same JSON, safe if a page ever inlines it), newline at the end."""
    text = json.dumps(summary, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("</", "<\\/") + "\n").encode("utf-8")
