"""Pages and files of the directory, as pure functions of the model."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import yaml

from langso.directory.export import address_text
from langso.directory.fields import PAYMENT_METHODS, Category, Coordinates
from langso.directory.hours import WEEKDAY_NAMES, OpeningRow
from langso.directory.loading import Directory, ServiceEntry
from langso.directory.model import Service
from langso.directory.review import is_stale
from langso.geomap.directions import geo_value, web_directions_url
from langso.listing import Pager, listing_uri, paginate
from langso.phones import link_phones
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
    "directions_url",
    "index_markdown",
    "linked_paragraphs",
    "listing_markdown",
    "print_html",
    "service_description",
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


DESCRIPTION_LEAD = 110
"""Characters of a service's ``mo_ta`` kept in its page's description (cut at a word)."""


def _front_matter(description: str) -> str:
    """The page's front matter (YAML, ending in a newline) giving its own ``description``, which
    the theme prints in ``<meta name="description">`` and link previews read; escaped once by
    ``langso/content`` like every front-matter description. libyaml's emitter when PyYAML has
    it: a fifth of the pure-Python one's time, a page made per service."""
    return yaml.dump(
        {"description": description},
        Dumper=_DUMPER,
        allow_unicode=True,
        width=1_000_000,
        sort_keys=False,
    )


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


def service_description(service: Service, category: Category, address: str | None) -> str:
    """The one-paragraph description of a service's page, plain text, from its data: name,
    ``mo_ta`` (else the category), the phones (else the address), and "Dữ liệu mẫu." for
    sample data.

    >>> from langso.directory.model import Service
    >>> s = Service.model_validate({"ten": "Trạm Y tế", "loai": "y-te",
    ...     "mo_ta": "Khám chữa bệnh ban đầu, tiêm chủng", "dien_thoai": ["0912 345 678"]},
    ...     context={"categories": {"y-te"}})
    >>> service_description(s, Category(id="y-te", ten="Y tế"), None)
    'Trạm Y tế: Khám chữa bệnh ban đầu, tiêm chủng. Điện thoại 0912 345 678.'
    """
    lead = _shorten(service.description, DESCRIPTION_LEAD) if service.description else None
    text = f"{service.name}: {_sentence(lead or category.name)}"
    if service.phones:
        text += f" Điện thoại {', '.join(p.display for p in service.phones)}."
    elif address:
        text += f" Địa chỉ: {_sentence(address)}"
    if service.sample and "dữ liệu mẫu" not in service.name.lower():
        text += " Dữ liệu mẫu."
    return text


def directions_url(location: Coordinates) -> str:
    """The "Chỉ đường" link: directions to ``location`` as a Google Maps URL (``api=1``).

    Chosen over a ``geo:`` URI because the same link works on every phone and computer: Google
    documents Maps URLs as universal and cross-platform — on Android and on iPhone they open the
    Google Maps app when it is installed, otherwise Google Maps in the browser
    (https://developers.google.com/maps/documentation/urls/get-started). ``geo:`` (RFC 5870)
    opens any map app on Android but does nothing in Safari on iPhone or on a desktop. No key,
    and no request until the reader taps it.

    >>> directions_url(Coordinates(text="19.9810, 105.6420", lat=19.981, lon=105.642))
    'https://www.google.com/maps/dir/?api=1&destination=19.981,105.642'
    """
    return web_directions_url(location.lat, location.lon)


def linked_paragraphs(text: str | None) -> list[str]:
    """``text`` (plain, as typed) as the HTML text of its paragraphs — blank lines split them, a
    single line break is a ``<br>`` — with every phone number a ``tel:`` link
    (:func:`langso.phones.link_phones`), everything escaped exactly once.

    >>> linked_paragraphs("Ngoài giờ, khi cấp cứu gọi 115.\\n\\nA & B")
    ['Ngoài giờ, khi cấp cứu gọi <a class="langso-tel" href="tel:115">115</a>.', 'A &amp; B']
    """
    if not text:
        return []
    paragraphs = [p for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return [
        "<br>\n".join(link_phones(" ".join(line.split())) for line in p.split("\n") if line.strip())
        for p in paragraphs
    ]


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

    While the whole directory fits on one page (``per_page`` entries), it opens with a jump list
    (``nav.langso-chips``: one large chip per category linking its section, then "Tra theo
    tên"), and every entry is listed
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
        front_matter=_front_matter(_index_description(directory, title, village)),
        metas=_card_metas(directory.entries, directory, with_category=False),
        badges=_badges(directory.entries) if complete else {},
        urgents=_urgents(directory.entries, directory),
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
                front_matter=_front_matter(
                    _listing_description(category.name, len(members), entries, title)
                ),
                metas=_card_metas(entries, directory, with_category=_mixed(members)),
                category=category,
                total=len(members),
                entries=entries,
                badges=_badges(entries),
                urgents=_urgents(entries, directory),
                pager=pager,
                index_uri=index_uri,
                title=title,
                any_sample=any(e.service.sample for e in entries),
            )
            pages.append((pager.uri, text))
    if len(directory.entries) > per_page:
        for pager, entries in _name_pages(directory, index_uri, per_page):
            names = [e.service.name for e in entries]
            description = f"{title}, tra theo tên: từ {names[0]} đến {names[-1]}."
            text = render_template(
                "directory_names.md",
                front_matter=_front_matter(description),
                letters=_letters(entries),
                pager=pager,
                index_uri=index_uri,
                title=title,
                any_sample=any(e.service.sample for e in entries),
            )
            pages.append((pager.uri, text))
    return pages


def _mixed(entries: list[ServiceEntry]) -> bool:
    return len({e.service.category for e in entries}) > 1


def _card_metas(
    entries: Iterable[ServiceEntry], directory: Directory, *, with_category: bool
) -> dict[str, str]:
    """The line under each card's name (plain text): the category when the list mixes them
    (``🏥 Y tế``), then the hamlet; empty when there is neither."""
    metas = {}
    for entry in entries:
        parts = []
        if with_category:
            category = directory.category(entry.service.category)
            parts.append(f"{category.icon} {category.name}" if category.icon else category.name)
        address = entry.service.address
        if address and address.hamlet:
            parts.append(address.hamlet)
        metas[entry.id] = " · ".join(parts)
    return metas


def _listing_description(name: str, total: int, shown: Sequence[ServiceEntry], title: str) -> str:
    """``Y tế: 2 nơi trong Danh bạ dịch vụ — Trạm Y tế xã Yên Định, Nhà thuốc….``: ``total``
    entries in the list, named from ``shown``, those of this page (a name edited on one page
    of a long list then changes that page only, and ``langso serve`` renders no other)."""
    names = ", ".join(e.service.name for e in shown[:3]) + ("…" if total > 3 else "")
    return _sentence(f"{name}: {total} nơi trong {title} — {names}")


def _index_description(directory: Directory, title: str, village: Village | None) -> str:
    """``Danh bạ dịch vụ của làng Là Thôn: 19 nơi — Y tế, Chợ, Công an….``"""
    where = f" của {village.full_name}" if village else ""
    groups = [c.name for c, _ in directory.by_category()]
    kinds = ", ".join(groups[:4]) + ("…" if len(groups) > 4 else "")
    text = f"{title}{where}: {len(directory.entries)} nơi"
    return _sentence(f"{text} — {kinds}" if kinds else text)


def _badges(entries: Iterable[ServiceEntry]) -> dict[str, str]:
    """The "open now" badge data of each entry with opening hours."""
    badges = {}
    for entry in entries:
        schedule = entry.service.schedule()
        if schedule:
            badges[entry.id] = json.dumps(schedule, separators=(",", ":"))
    return badges


def _urgents(entries: Iterable[ServiceEntry], directory: Directory) -> dict[str, str]:
    """The emergency number (``'113'``) of each entry whose category has one (``khan_cap`` in
    ``categories.yml``), shown beside its "open now" badge: "closed" is not "unreachable"."""
    urgents = {}
    for entry in entries:
        number = directory.category(entry.service.category).emergency
        if number:
            urgents[entry.id] = number
    return urgents


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
    """The page of one service, actions first: its name, the "open now" badge, then large
    buttons — Gọi (each number), Zalo, Chỉ đường (:func:`directions_url`), Lưu vào danh bạ (the
    vCard) — with "Khẩn cấp gọi 113" beside the badge when the category has ``khan_cap`` —
    then the sample-data and freshness notices, the description, the details as
    stacked rows (no table: nothing wider than a phone at any font size), the opening hours,
    VietQR with a "Chép số tài khoản" button, the services offered, the note and the last check.
    Numbers in the description and the note are ``tel:`` links (:func:`linked_paragraphs`); the
    page's own description is :func:`service_description`."""
    service = entry.service
    category = directory.category(service.category)
    where = service.address
    same_commune = village is not None and (
        not (where and where.commune) or fold(where.commune) == fold(village.commune)
    )
    former = None
    if where and (where.former_commune or where.former_district):
        former = ", ".join(p for p in (where.former_commune, where.former_district) if p)
    elif village and same_commune:
        former = village.former_address
    vietqr_svg = None
    if service.vietqr:
        title = f"Mã VietQR của {service.name}"
        vietqr_svg = make_qr(service.vietqr.payload, "M").svg(title)
    address = address_text(entry, village)
    return render_template(
        "directory_service.md",
        front_matter=_front_matter(service_description(service, category, address)),
        service=service,
        category=category,
        # No page for a category the categories file failed to give (reported there): no
        # link to it either, or one mistake would show up again as a broken link.
        category_link=_relative(category_uri(index_uri, category.id), entry.page)
        if category in directory.categories
        else None,
        index_link=_relative(index_uri, entry.page),
        # A file, not a `data:` URI: in-app browsers (Zalo, Facebook) on Android hand downloads
        # to DownloadManager, which takes only http(s) URLs, and drop a `data:` one silently.
        vcard_link=posixpath.basename(entry.page).removesuffix(".md") + ".vcf",
        directions_url=directions_url(service.location) if service.location else None,
        geo=geo_value(service.location.lat, service.location.lon) if service.location else None,
        description=linked_paragraphs(service.description),
        note=linked_paragraphs(service.note),
        address=address,
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
