"""The directory's generated files made once and kept in a :class:`~langso.cache.FileCache`.

The pages (index, lists by category and by name, one per entry), the A4 print list, JSON, CSV,
GeoJSON, the whole vCard file and one vCard per entry are pure functions of the entries, the
categories, the village, the pages' URLs, the options and the day; each is kept under a digest of
its inputs and of the code that writes it. An entry's page and vCard have their own keys, so
editing one entry makes those again, the lists, the index and the downloads, nothing else; and a
page whose Markdown did not change keeps its cache file, which a dirty build (``langso serve``)
sees as not modified.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from langso.cache import FileCache, digest
from langso.directory.export import records, to_csv, to_geojson, to_json, to_vcard, to_vcards
from langso.directory.loading import Directory, ServiceEntry
from langso.directory.render import (
    DOWNLOADS,
    index_markdown,
    listing_markdown,
    print_html,
    service_markdown,
)
from langso.directory.review import is_stale
from langso.village import Village

__all__ = [
    "DIRECTORY_CODE",
    "DIRECTORY_LIBRARIES",
    "DirectoryDownloads",
    "directory_downloads",
    "directory_listings",
    "directory_pages",
]

DIRECTORY_CODE = (
    "directory/outputs.py",
    "directory/export.py",
    "directory/hours.py",
    "directory/fields.py",
    "directory/loading.py",
    "directory/model.py",
    "directory/render.py",
    "directory/review.py",
    "escaping.py",
    "listing.py",
    "phones.py",
    "qr.py",
    "render.py",
    "text.py",
    "vietqr.py",
    "templates/directory_card.md",
    "templates/directory_category.md",
    "templates/directory_index.md",
    "templates/directory_names.md",
    "templates/directory_payments.md",
    "templates/directory_sample.md",
    "templates/pager.md",
    "templates/directory_print.html",
    "templates/directory_service.md",
)
"""Our files that shape the generated files (part of the cache key)."""
DIRECTORY_LIBRARIES = ("vobject", "jinja2", "markdown", "qrcode", "phonenumbers")
"""Libraries that shape them."""


@dataclass(frozen=True)
class DirectoryDownloads:
    """The downloads' files in the cache.

    Attributes:
        files: file name in the services folder (``danh-ba.csv``, see ``DOWNLOADS``) → its file.
        vcards: entry id → its vCard file.
    """

    files: dict[str, Path]
    vcards: dict[str, Path]


def _inputs(directory: Directory, village: Village | None) -> tuple[Any, Any, str]:
    """The village and the categories as plain data, and a digest of every entry, for keys."""
    place = village.model_dump(mode="json") if village is not None else None
    categories = [c.model_dump(mode="json") for c in directory.categories]
    entries = digest({e.id: e.fingerprint for e in directory.entries})
    return place, categories, entries


def directory_pages(
    cache: FileCache,
    directory: Directory,
    village: Village | None,
    index_uri: str,
    title: str,
    *,
    per_page: int,
    today: dt.date,
    stale_months: int,
) -> dict[str, Path]:
    """The Markdown of the index page and of each entry's page, by ``src_uri``, index first.

    Args:
        index_uri: the index page (``danh-ba/index.md``).
        per_page: entries a list page shows (the index links lists when there are more).
        today, stale_months: what decides which entries are shown as stale (the keys hold
            whether each entry is, not the day).
    """
    place, categories, entries = _inputs(directory, village)
    # Not the day itself: only whether an entry is stale shows on its page, so the nightly
    # rebuild (a new day) makes no page again unless an entry turned stale.
    settings = digest(index_uri, stale_months, categories, place)

    def page(make: Callable[[], str]) -> dict[str, bytes]:
        return {"page.md": make().encode()}

    key = cache.key("index", settings, title, per_page, entries)
    index = partial(index_markdown, directory, index_uri, title, village, per_page)
    made = {index_uri: cache.fetch(key, partial(page, index))}
    for entry in directory.entries:
        stale = is_stale(entry, today, stale_months)
        key = cache.key("page", settings, entry.id, entry.fingerprint, stale)
        render = partial(
            service_markdown,
            entry,
            directory,
            index_uri,
            village,
            today=today,
            stale_months=stale_months,
        )
        made[entry.page] = cache.fetch(key, partial(page, render))
    return {uri: folder / "page.md" for uri, folder in made.items()}


def directory_listings(
    cache: FileCache, directory: Directory, index_uri: str, title: str, per_page: int
) -> list[tuple[str, Path]]:
    """The listing pages beside the index (see :func:`listing_markdown`) as ``(src_uri, file)``
    in their order, made when ``cache`` does not hold them yet."""
    _, categories, entries = _inputs(directory, None)
    key = cache.key("listings", index_uri, title, per_page, categories, entries)

    def make() -> dict[str, bytes]:
        pages = listing_markdown(directory, index_uri, title, per_page)
        made = {f"{number}.md": text.encode() for number, (_, text) in enumerate(pages)}
        made["pages.json"] = json.dumps([uri for uri, _ in pages]).encode()
        return made

    folder = cache.fetch(key, make)
    try:
        uris = json.loads((folder / "pages.json").read_bytes())
    except (OSError, ValueError):
        cache.discard(key)  # damaged: made again
        folder = cache.put(key, make())
        uris = json.loads((folder / "pages.json").read_bytes())
    return [(uri, folder / f"{number}.md") for number, uri in enumerate(uris)]


def directory_downloads(
    cache: FileCache,
    directory: Directory,
    village: Village | None,
    urls: dict[str, str],
    title: str,
    site_url: str,
) -> DirectoryDownloads:
    """Every download of ``directory``, made when ``cache`` does not hold it yet.

    Args:
        urls: entry id → the absolute URL of its page.
        title: the directory's title (printed on the A4 list).
        site_url: the site's address, printed on the A4 list.
    """
    place, categories, entries = _inputs(directory, village)
    place_key = digest(place)  # once, not once per entry
    vcards: dict[str, Path] = {}
    for entry in directory.entries:
        category = directory.category(entry.service.category).name
        url = urls[entry.id]
        key = cache.key("vcard", entry.id, entry.fingerprint, url, category, place_key)
        folder = cache.fetch(key, partial(_vcard_file, entry, directory, village, url))
        vcards[entry.id] = folder / "card.vcf"
    key = cache.key("downloads", entries, urls, categories, place, title, site_url)

    def make() -> dict[str, bytes]:
        rows = records(directory, village, urls)
        # Bytes decoded as they are: vCard lines end in CRLF, which read_text() would change.
        cards = [vcards[e.id].read_bytes().decode() for e in directory.sorted_entries()]
        texts = {
            DOWNLOADS.print: print_html(directory, title, village, site_url),
            DOWNLOADS.json: to_json(rows, village),
            DOWNLOADS.csv: to_csv(rows),
            DOWNLOADS.geojson: to_geojson(rows),
            DOWNLOADS.vcf: to_vcards(cards),
        }
        return {name: text.encode() for name, text in texts.items()}

    folder = cache.fetch(key, make)
    names = (DOWNLOADS.print, DOWNLOADS.json, DOWNLOADS.csv, DOWNLOADS.geojson, DOWNLOADS.vcf)
    return DirectoryDownloads({name: folder / name for name in names}, vcards)


def _vcard_file(
    entry: ServiceEntry, directory: Directory, village: Village | None, url: str
) -> dict[str, bytes]:
    return {"card.vcf": to_vcard(entry, directory, village, url).encode()}
