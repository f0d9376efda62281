"""Pages and files of the directory, as pure functions of the model."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from dataclasses import dataclass

from langso.directory.export import address_text
from langso.directory.hours import WEEKDAY_NAMES, OpeningRow
from langso.directory.model import PAYMENT_METHODS, Directory, ServiceEntry
from langso.directory.review import is_stale
from langso.qr import make_qr
from langso.render import render_template
from langso.text import fold
from langso.village import Village

__all__ = ["DOWNLOADS", "Downloads", "index_markdown", "print_html", "service_markdown"]


@dataclass(frozen=True)
class Downloads:
    """File names of the directory's downloads, in the services folder."""

    print: str = "in-a4.html"
    vcf: str = "danh-ba.vcf"
    csv: str = "danh-ba.csv"
    json: str = "danh-ba.json"
    geojson: str = "danh-ba.geojson"


DOWNLOADS = Downloads()


def _relative(target: str, page: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def index_markdown(
    directory: Directory, index_uri: str, title: str, village: Village | None
) -> str:
    """The index page: categories in file order with their entries in Vietnamese order, the
    downloads, and every name under its index letter."""
    links = {entry.id: _relative(entry.page, index_uri) for entry in directory.entries}
    folder = posixpath.dirname(index_uri)
    downloads = {
        name: _relative(posixpath.join(folder, getattr(DOWNLOADS, name)), index_uri)
        for name in ("print", "vcf", "csv", "json", "geojson")
    }
    return render_template(
        "directory_index.md",
        title=title,
        groups=directory.by_category(),
        letters=directory.by_letter(),
        anchors={c.id: c.id for c in directory.categories},
        links=links,
        downloads=downloads,
        village=village,
        any_sample=any(e.service.sample for e in directory.entries),
    )


def _closed_days(rows: tuple[OpeningRow, ...]) -> str | None:
    listed = {day for row in rows for day in row.days.weekdays}
    missing = [WEEKDAY_NAMES[day] for day in range(1, 8) if day not in listed]
    return ", ".join(missing) if rows and missing else None


def service_markdown(
    entry: ServiceEntry,
    directory: Directory,
    index_uri: str,
    village: Village | None,
    *,
    today: dt.date,
    stale_months: int,
) -> str:
    """The page of one service: details, opening hours and badge, VietQR, note, freshness."""
    service = entry.service
    category = directory.category(service.category)
    address = service.address
    same_commune = village is not None and (
        not (address and address.commune) or fold(address.commune) == fold(village.commune)
    )
    former = None
    if address and (address.former_commune or address.former_district):
        former = ", ".join(p for p in (address.former_commune, address.former_district) if p)
    elif village and same_commune:
        former = village.former_address
    schedule = service.schedule()
    vietqr_svg = None
    if service.vietqr:
        title = f"Mã VietQR của {service.name}"
        vietqr_svg = make_qr(service.vietqr.payload, "M").svg(title)
    return render_template(
        "directory_service.md",
        service=service,
        category=category,
        category_anchor=category.id,
        index_link=_relative(index_uri, entry.page),
        vcard_link=posixpath.basename(entry.page).removesuffix(".md") + ".vcf",
        address=address_text(entry, village),
        former_address=former,
        payments=[PAYMENT_METHODS[p] for p in service.payments],
        closed_days=_closed_days(service.hours),
        summer_closed_days=_closed_days(service.summer.rows) if service.summer else None,
        badge=json.dumps(schedule, separators=(",", ":")) if schedule else None,
        vietqr_svg=vietqr_svg,
        stale=is_stale(entry, today, stale_months),
        stale_months=stale_months,
    )


def print_html(directory: Directory, title: str, village: Village | None, site_url: str) -> str:
    """The one-page A4 list to post at the cultural house: name, phones and hours by category."""
    return render_template(
        "directory_print.html",
        title=title,
        groups=directory.by_category(),
        village=village,
        site_url=site_url,
        any_sample=any(e.service.sample for e in directory.entries),
    )
