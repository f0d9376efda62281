"""Pages and files of the directory, as pure functions of the model."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

from langso.directory.export import address_text
from langso.directory.fields import PAYMENT_METHODS, Category
from langso.directory.hours import WEEKDAY_NAMES, OpeningRow
from langso.directory.loading import Directory, ServiceEntry
from langso.directory.review import is_stale
from langso.listing import Pager, listing_uri, paginate
from langso.qr import make_qr
from langso.render import render_template
from langso.text import fold, index_letter
from langso.village import Village

__all__ = [
    "DOWNLOADS",
    "NAMES_FOLDER",
    "PAYMENT_PAGES",
    "PER_PAGE",
    "Downloads",
    "by_payment",
    "category_uri",
    "index_markdown",
    "listing_markdown",
    "print_html",
    "service_markdown",
]

PER_PAGE = 50
"""Entries on each listing page of the directory, unless the plugin's ``page_size`` says."""

NAMES_FOLDER = "theo-ten"
"""Folder, inside the services folder, of the list of every entry by name."""

PAYMENT_PAGES = {
    "vietqr": "Nơi nhận trả tiền bằng mã VietQR",
    "the": "Nơi nhận thẻ ngân hàng",
    "chuyen-khoan": "Nơi nhận chuyển khoản",
    "vi-dien-tu": "Nơi nhận ví điện tử",
}
"""Payment methods that get a listing page (``<services_dir>/thanh-toan-<method>/``), with its
title, in display order. Cash has none: nearly every place takes it."""


def by_payment(directory: Directory) -> list[tuple[Category, list[ServiceEntry]]]:
    """The entries taking each payment method of :data:`PAYMENT_PAGES` (Vietnamese order), as
    listing groups shaped like categories (id ``thanh-toan-<method>``); empty ones left out.

    Payment is the ``thanh_toan`` field of each entry, never a category: this is how the
    directory filters on it, without JavaScript.
    """
    ordered = directory.sorted_entries()
    groups = []
    for method, title in PAYMENT_PAGES.items():
        members = [e for e in ordered if method in e.service.payments]
        if members:
            group = Category.model_construct(id=f"thanh-toan-{method}", name=title, icon=None)
            groups.append((group, members))
    return groups


# Index letters as they are typed in Telex, for ASCII anchors (`#chu-aw` for Ă).
_LETTER_IDS = {
    "Ă": "aw",
    "Â": "aa",
    "Đ": "dd",
    "Ê": "ee",
    "Ô": "oo",
    "Ơ": "ow",
    "Ư": "uw",
    "#": "so",
}


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


def category_uri(index_uri: str, category_id: str) -> str:
    """The source path of the first page of a category's list, beside the index page.

    >>> category_uri("danh-ba/index.md", "y-te")
    'danh-ba/y-te/index.md'
    """
    return listing_uri(posixpath.join(posixpath.dirname(index_uri), category_id), 1)


def _letter_id(letter: str) -> str:
    return "chu-" + _LETTER_IDS.get(letter, letter.lower())


def _letters(entries: list[ServiceEntry]) -> list[tuple[str, str, list[ServiceEntry]]]:
    """``(letter, anchor, entries)`` of consecutive entries sharing an index letter."""
    groups: list[tuple[str, str, list[ServiceEntry]]] = []
    for entry in entries:
        letter = index_letter(entry.service.name)
        if not groups or groups[-1][0] != letter:
            groups.append((letter, _letter_id(letter), []))
        groups[-1][2].append(entry)
    return groups


def _name_pages(
    directory: Directory, index_uri: str, per_page: int
) -> list[tuple[Pager, list[ServiceEntry]]]:
    folder = posixpath.join(posixpath.dirname(index_uri), NAMES_FOLDER)
    return [(p, list(e)) for p, e in paginate(folder, directory.sorted_entries(), per_page)]


def index_markdown(
    directory: Directory,
    index_uri: str,
    title: str,
    village: Village | None,
    per_page: int = PER_PAGE,
) -> str:
    """The index page: the downloads, then the categories in file order and the index letters.

    While the whole directory fits on one page (``per_page`` entries), every entry is listed
    under its category (Vietnamese order) and again under its index letter. A bigger directory
    lists only the categories with their counts, linking their own pages, and the index letters,
    linking the list by name (:func:`listing_markdown`): the index stays the same size.
    """
    folder = posixpath.dirname(index_uri)
    downloads = {
        name: _relative(posixpath.join(folder, getattr(DOWNLOADS, name)), index_uri)
        for name in ("print", "vcf", "csv", "json", "geojson")
    }
    complete = len(directory.entries) <= per_page
    payments = by_payment(directory)
    letters: list[tuple[str, str, str, list[ServiceEntry]]] = []
    if complete:
        letters = [(k, a, "", e) for k, a, e in _letters(directory.sorted_entries())]
    else:
        for pager, entries in _name_pages(directory, index_uri, per_page):
            for letter, anchor, _ in _letters(entries):
                if not letters or letters[-1][0] != letter:
                    letters.append((letter, anchor, _relative(pager.uri, index_uri), []))
    return render_template(
        "directory_index.md",
        title=title,
        complete=complete,
        groups=directory.by_category(),
        payment_groups=payments,
        letters=letters,
        links={entry.id: _relative(entry.page, index_uri) for entry in directory.entries},
        category_links={
            c.id: _relative(category_uri(index_uri, c.id), index_uri)
            for c in [*directory.categories, *(group for group, _ in payments)]
        },
        downloads=downloads,
        village=village,
        any_sample=any(e.service.sample for e in directory.entries),
    )


def listing_markdown(
    directory: Directory, index_uri: str, title: str, per_page: int = PER_PAGE
) -> list[tuple[str, str]]:
    """The listing pages beside the index, as ``(src_uri, markdown)``: each category's entries
    (``<category>/``, ``<category>/trang-2/`` …) with phones and the "open now" badge, the same
    for each payment method (``thanh-toan-vietqr/`` …, see :func:`by_payment`), and, when
    the index does not list every entry itself, every entry by name (``theo-ten/`` …)."""
    pages = []
    for category, members in [*directory.by_category(), *by_payment(directory)]:
        folder = posixpath.dirname(category_uri(index_uri, category.id))
        for pager, entries in paginate(folder, members, per_page):
            text = render_template(
                "directory_category.md",
                category=category,
                total=len(members),
                entries=entries,
                badges=_badges(entries),
                pager=pager,
                index_uri=index_uri,
                title=title,
                any_sample=any(e.service.sample for e in entries),
            )
            pages.append((pager.uri, text))
    if len(directory.entries) > per_page:
        for pager, entries in _name_pages(directory, index_uri, per_page):
            text = render_template(
                "directory_names.md",
                letters=_letters(entries),
                pager=pager,
                index_uri=index_uri,
                title=title,
                any_sample=any(e.service.sample for e in entries),
            )
            pages.append((pager.uri, text))
    return pages


def _badges(entries: Iterable[ServiceEntry]) -> dict[str, str]:
    """The "open now" badge data of each entry with opening hours."""
    badges = {}
    for entry in entries:
        schedule = entry.service.schedule()
        if schedule:
            badges[entry.id] = json.dumps(schedule, separators=(",", ":"))
    return badges


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
    vietqr_svg = None
    if service.vietqr:
        title = f"Mã VietQR của {service.name}"
        vietqr_svg = make_qr(service.vietqr.payload, "M").svg(title)
    return render_template(
        "directory_service.md",
        service=service,
        category=category,
        category_link=_relative(category_uri(index_uri, category.id), entry.page),
        index_link=_relative(index_uri, entry.page),
        vcard_link=posixpath.basename(entry.page).removesuffix(".md") + ".vcf",
        address=address_text(entry, village),
        former_address=former,
        payments=[PAYMENT_METHODS[p] for p in service.payments],
        closed_days=_closed_days(service.hours),
        summer_closed_days=_closed_days(service.summer.rows) if service.summer else None,
        badge=_badges([entry]).get(entry.id),
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
