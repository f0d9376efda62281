"""The directory's downloads made once and kept in a :class:`~langso.cache.FileCache`.

The A4 print list, JSON, CSV, GeoJSON, the whole vCard file and one vCard per entry are pure
functions of the entries, the categories, the village, the pages' URLs and the title; they are
kept under a digest of all of it and of the code that writes them. Each entry's vCard has its
own key, so editing one entry makes one vCard again (vCards are the slow part: ``vobject``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from langso.cache import FileCache
from langso.directory.export import records, to_csv, to_geojson, to_json, to_vcard, to_vcards
from langso.directory.model import Directory, ServiceEntry
from langso.directory.render import DOWNLOADS, print_html
from langso.village import Village

__all__ = ["DOWNLOAD_CODE", "DOWNLOAD_LIBRARIES", "DirectoryDownloads", "directory_downloads"]

DOWNLOAD_CODE = (
    "directory/downloads.py",
    "directory/export.py",
    "directory/model.py",
    "directory/render.py",
    "render.py",
    "text.py",
    "templates/directory_print.html",
)
"""Our files that shape the downloads (part of the cache key)."""
DOWNLOAD_LIBRARIES = ("vobject", "jinja2", "markdown")
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
    place = village.model_dump(mode="json") if village is not None else None
    categories = [c.model_dump(mode="json") for c in directory.categories]
    entries: dict[str, Any] = {
        e.id: [e.source, e.service.model_dump(mode="json"), urls[e.id]] for e in directory.entries
    }
    vcards: dict[str, Path] = {}
    for entry in directory.entries:
        category = directory.category(entry.service.category).name
        key = cache.key("vcard", entry.id, entries[entry.id], category, place)
        folder = cache.fetch(key, partial(_vcard_file, entry, directory, village, urls[entry.id]))
        vcards[entry.id] = folder / "card.vcf"
    key = cache.key("downloads", entries, categories, place, title, site_url)

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
