"""The directory as data files: JSON, CSV (for Excel), GeoJSON and vCard.

Every format is built from :func:`record`, one dictionary per entry, so they always agree. Output
is deterministic (entries in Vietnamese order, no timestamps) so diffs and caches stay honest.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import vobject

from langso.directory.fields import PAYMENT_METHODS
from langso.directory.loading import Directory, ServiceEntry
from langso.village import Village

__all__ = [
    "address_text",
    "record",
    "records",
    "safe_cell",
    "to_csv",
    "to_geojson",
    "to_json",
    "to_vcard",
    "to_vcards",
    "village_record",
]

CSV_COLUMNS = (
    "id",
    "ten",
    "loai",
    "dia_chi",
    "dien_thoai",
    "zalo",
    "website",
    "gio_mo_cua",
    "gio_mua_he",
    "ghi_chu_gio",
    "thanh_toan",
    "vi_do",
    "kinh_do",
    "xac_minh_ngay",
    "xac_minh_vai_tro",
    "du_lieu_mau",
    "trang",
)


def address_text(entry: ServiceEntry, village: Village | None) -> str | None:
    """``chi tiết, thôn, xã, tỉnh`` — small to large, as Vietnamese addresses are written."""
    address = entry.service.address
    commune = (address and address.commune) or (village and village.commune)
    province = (address and address.province) or (village and village.province)
    parts = [address and address.detail, address and address.hamlet, commune, province]
    return ", ".join(p for p in parts if p) or None


def record(
    entry: ServiceEntry, directory: Directory, village: Village | None, url: str
) -> dict[str, Any]:
    """One entry as plain data: every value as typed, plus the derived links.

    ``url`` is the absolute URL of the entry's page.
    """
    service = entry.service
    category = directory.category(service.category)
    hours = [{"ngay": days, "gio": hours} for days, hours in service.opening_rows]
    return {
        "id": entry.id,
        "ten": service.name,
        "loai": category.id,
        "loai_ten": category.name,
        "mo_ta": service.description,
        "dich_vu": list(service.offers),
        "dia_chi": address_text(entry, village),
        "vi_do": service.location.lat if service.location else None,
        "kinh_do": service.location.lon if service.location else None,
        "dien_thoai": [{"so": p.display, "tel": p.tel} for p in service.phones],
        "zalo": service.zalo.zalo_url if service.zalo else None,
        "website": service.website,
        "gio_mo_cua": hours,
        "mua_he": {
            "tu": service.summer.start.text,
            "den": service.summer.end.text,
            "gio_mo_cua": [{"ngay": d, "gio": h} for d, h in service.summer_rows],
        }
        if service.summer
        else None,
        "ghi_chu_gio": service.hours_note,
        "thanh_toan": [PAYMENT_METHODS[p] for p in service.payments],
        "ghi_chu": service.note,
        "xac_minh_ngay": service.verified.date.isoformat() if service.verified else None,
        "xac_minh_vai_tro": service.verified.role if service.verified else None,
        "du_lieu_mau": service.sample,
        "trang": url,
    }


def records(
    directory: Directory, village: Village | None, urls: dict[str, str]
) -> list[dict[str, Any]]:
    """Every entry's :func:`record`, in Vietnamese order; ``urls`` maps entry ids to page URLs."""
    return [record(e, directory, village, urls[e.id]) for e in directory.sorted_entries()]


def village_record(village: Village) -> dict[str, str | None]:
    """Who the directory belongs to, as ``danh-ba.json`` carries it: the village's names as
    written in ``village.yml`` (``ten``, ``loai``, ``xa``, ``tinh``, ``xa_cu``, ``huyen_cu``) and
    ``ho_tro``, the id of the entry (in ``dich_vu``) readers call for help; ``None`` when not
    given. Listed one by one so a new ``village.yml`` field is exported only on purpose: the home
    page's picture (``anh``, a path in the content folder, with ``anh_mo_ta``, ``anh_la_tranh``)
    means nothing in a downloaded file and is left out."""
    return {
        "ten": village.name,
        "loai": village.kind,
        "xa": village.commune,
        "tinh": village.province,
        "xa_cu": village.former_commune,
        "huyen_cu": village.former_district,
        "ho_tro": village.help_service,
    }


def to_json(rows: list[dict[str, Any]], village: Village | None) -> str:
    """``danh-ba.json``: ``{"lang": village_record | null, "dich_vu": [record, …]}``, UTF-8,
    readable (:func:`village_record`, :func:`record`)."""
    data = {"lang": village_record(village) if village else None, "dich_vu": rows}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _hours_text(rows: list[dict[str, str]]) -> str:
    return "; ".join(f"{h['ngay']}: {h['gio']}" for h in rows)


# A cell a spreadsheet would read as a formula starts with one of these (OWASP, "CSV Injection":
# https://owasp.org/www-community/attacks/CSV_Injection). Excel and LibreOffice also take `+`, `-`
# and `@` as the start of a formula, and tab and carriage return as whitespace before one.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_LEADING = " \t\r\n\f\v\u00a0{"
"""What a spreadsheet may skip before the `=`: spaces (LibreOffice trims them on import; the
`formulas` engine reads `  =1+1` as a formula) and the `{` of an array formula (`{=1+1}`)."""


def safe_cell(value: object) -> object:
    """``value`` as a spreadsheet will show it as text, never run it as a formula.

    A string whose first character, or first character after leading whitespace and ``{``, is
    ``=``, ``+``, ``-`` or ``@`` (or that starts with a tab or a carriage return) gets a single
    quote in front, as OWASP recommends: ``=HYPERLINK(…)`` becomes ``'=HYPERLINK(…)``, and a
    phone number typed as ``+84 …`` becomes ``'+84 …`` (a spreadsheet would otherwise compute it,
    or drop the ``+``; the quote is the safe choice). Numbers (the coordinates) are not text
    typed by anyone and are left as they are. Every cell is also quoted by :func:`to_csv`, so
    a ``,`` ``;`` or ``"`` inside a value never starts a new cell where a formula could hide.
    """
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(_FORMULA_STARTS) or value.lstrip(_LEADING).startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(rows: list[dict[str, Any]]) -> str:
    """``danh-ba.csv``: one row per entry, lists joined with ``; ``.

    Starts with a UTF-8 byte-order mark and ends lines with CRLF: Excel needs the mark to read
    UTF-8 (otherwise Vietnamese letters break) and the CSV standard (RFC 4180) uses CRLF. Safe to
    open (OWASP "CSV Injection"): every cell is quoted, quotes inside doubled, and a cell that a
    spreadsheet would run as a formula is written with a leading ``'`` (:func:`safe_cell`).
    """
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer,
        CSV_COLUMNS,
        extrasaction="ignore",
        lineterminator="\r\n",
        quoting=csv.QUOTE_ALL,
    )
    writer.writeheader()
    for row in rows:
        cells = {
            **row,
            "dien_thoai": "; ".join(p["so"] for p in row["dien_thoai"]),
            "gio_mo_cua": _hours_text(row["gio_mo_cua"]),
            "gio_mua_he": (
                f"{row['mua_he']['tu']}–{row['mua_he']['den']}: "
                + _hours_text(row["mua_he"]["gio_mo_cua"])
                if row["mua_he"]
                else ""
            ),
            "thanh_toan": "; ".join(row["thanh_toan"]),
            "du_lieu_mau": "có" if row["du_lieu_mau"] else "không",
        }
        writer.writerow({name: safe_cell(cells.get(name)) for name in CSV_COLUMNS})
    return "\ufeff" + buffer.getvalue()


def to_geojson(rows: list[dict[str, Any]]) -> str:
    """``danh-ba.geojson``: a FeatureCollection of the entries with coordinates (RFC 7946:
    positions are ``[longitude, latitude]``)."""
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row["kinh_do"], row["vi_do"]]},
            "properties": {k: v for k, v in row.items() if k not in ("vi_do", "kinh_do")},
        }
        for row in rows
        if row["vi_do"] is not None
    ]
    data = {"type": "FeatureCollection", "features": features}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_vcard(entry: ServiceEntry, directory: Directory, village: Village | None, url: str) -> str:
    """One entry as a vCard 3.0 (RFC 2426), the version every phone's contacts app imports."""
    service = entry.service
    card = vobject.vCard()
    card.add("fn").value = service.name
    card.add("n").value = vobject.vcard.Name(family="", given=service.name)
    card.add("org").value = [service.name]
    for phone in service.phones:
        tel = card.add("tel")
        tel.value = phone.tel
        tel.type_param = "VOICE"
    address = entry.service.address
    commune = (address and address.commune) or (village and village.commune) or ""
    province = (address and address.province) or (village and village.province) or ""
    street = ", ".join(p for p in (address and address.detail, address and address.hamlet) if p)
    if street or commune or province:
        adr = card.add("adr")
        adr.value = vobject.vcard.Address(
            street=street, city=commune, region=province, country="Việt Nam"
        )
        adr.type_param = "WORK"
    if service.location:
        card.add("geo").value = f"{service.location.lat};{service.location.lon}"
    card.add("categories").value = [directory.category(service.category).name]
    card.add("url").value = url
    if service.website:
        card.add("url").value = service.website
    note = " ".join(p for p in (service.description, service.note) if p)
    if service.sample:
        note = ("Dữ liệu mẫu, số điện thoại giả. " + note).strip()
    if note:
        card.add("note").value = note
    return str(card.serialize())


def to_vcards(cards: list[str]) -> str:
    """Every entry's vCard in one file, for importing the whole directory at once."""
    return "".join(cards)
