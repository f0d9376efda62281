"""The places of a site: every page with coordinates, and the plaques that lead to them.

A place is a Markdown page whose front matter has ``toa_do: '19.9814, 105.6424'`` (a landmark,
``kind="dia-diem"``) or a service file of the directory with ``toa_do`` (``kind="dich-vu"``). A
plaque of ``plaques.yml`` is placed where its target page is (its id in :attr:`Place.plaques`).
Coordinates are degrees, WGS 84, parsed and checked by the directory's parser
(:func:`langso.directory.fields.parse_coordinates`: two numbers, latitude first, in Viet Nam); a
landmark's ``toa_do`` is checked when its page's front matter is (:mod:`langso.frontmatter`), so
this module only gathers what is already valid.

Pure data, no MkDocs: :func:`langso.geomap.adapter.places_of` gathers a build's places from
what ``langso/content`` (:data:`LANDMARKS_KEY`) and ``langso/directory`` (:data:`SERVICES_KEY`)
published on ``config.extra``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from langso.directory.loading import Directory
from langso.paths import page_for_data_file
from langso.text import fold, sort_key

__all__ = [
    "LANDMARKS_KEY",
    "PLACES_KEY",
    "SERVICES_KEY",
    "Landmark",
    "Place",
    "Places",
    "ServicePoint",
    "gather_places",
    "page_of",
    "service_points",
]

LANDMARKS_KEY = "langso_landmarks"
"""``config.extra`` key where ``langso/content`` publishes the pages with ``toa_do``:
``{src_uri: Landmark}``, in ``on_files`` (priority 100)."""

SERVICES_KEY = "langso_services"
"""``config.extra`` key where ``langso/directory`` publishes its services with ``toa_do``:
``[ServicePoint, …]``, in ``on_files`` (priority 0), from the entries it already loaded."""

PLACES_KEY = "langso_places"
"""``config.extra`` key of the build's :class:`Places`, made once by
:func:`langso.geomap.adapter.places_of`."""


@dataclass(frozen=True)
class Landmark:
    """A Markdown page with ``toa_do`` in its front matter, as ``langso/content`` found it.

    Attributes:
        src_uri: the page, relative to ``docs_dir`` (``dia-diem/dinh-lang-la-thon.md``).
        name: the page's title, plain text (front matter ``title``, else its first heading).
        lat: latitude, degrees north (WGS 84).
        lon: longitude, degrees east.
        source: repository-relative path, for messages (``content/dia-diem/x.md``).
        line: line of ``toa_do`` in that file.
    """

    src_uri: str
    name: str
    lat: float
    lon: float
    source: str
    line: int | None


@dataclass(frozen=True)
class ServicePoint:
    """A directory service with ``toa_do``, as ``langso/directory`` loaded it.

    Attributes:
        src_uri: the service's YAML file, relative to ``docs_dir`` (``danh-ba/x.yml``); its page
            is :func:`langso.paths.page_for_data_file` of it (``danh-ba/x.md``).
        name: the service's name (``ten``), plain text.
        lat, lon: degrees, WGS 84.
        category: the category id (``y-te``).
        category_name: the category's name (``Y tế``).
        source: repository-relative path of the YAML file.
        line: line of ``toa_do`` in that file.
    """

    src_uri: str
    name: str
    lat: float
    lon: float
    category: str
    category_name: str
    source: str
    line: int | None


@dataclass(frozen=True)
class Place:
    """A point of the village map.

    Attributes:
        src_uri: docs-relative source: ``dia-diem/dinh-lang-la-thon.md``, ``danh-ba/x.yml``.
        kind: ``dia-diem`` (a landmark page) or ``dich-vu`` (a directory service).
        name: NFC plain text, NOT escaped.
        url: site-root-relative page URL: ``dia-diem/dinh-lang-la-thon/``.
        lat: latitude, degrees north (WGS 84).
        lon: longitude, degrees east.
        category: the service's category id (``y-te``); ``None`` for a landmark.
        category_name: the category's name (``Y tế``); ``None`` for a landmark.
        plaques: ids of the plaques that lead to this page today (``trang:`` of a plaque neither
            replaced nor retired), in registry order.
        source: repository-relative path for messages: ``content/dia-diem/x.md``.
        line: line of ``toa_do`` in that file.
    """

    src_uri: str
    kind: Literal["dia-diem", "dich-vu"]
    name: str
    url: str
    lat: float
    lon: float
    category: str | None
    category_name: str | None
    plaques: tuple[str, ...]
    source: str
    line: int | None

    @property
    def page(self) -> str:
        """``src_uri`` of the place's page (a service's generated ``.md``)."""
        return page_of(self.src_uri)


def page_of(src_uri: str) -> str:
    """The page a source path names: a data file's generated page, or the page itself
    (``danh-ba/x.yml`` → ``danh-ba/x.md``; ``dia-diem/x.md`` unchanged)."""
    if src_uri.lower().endswith((".yml", ".yaml")):
        return page_for_data_file(src_uri)
    return src_uri


def service_points(directory: Directory) -> list[ServicePoint]:
    """The services of ``directory`` that have ``toa_do``, as :class:`ServicePoint`."""
    points = []
    for entry in directory.entries:
        where = entry.service.location
        if where is None:
            continue
        category = directory.category(entry.service.category)
        points.append(
            ServicePoint(
                entry.source,
                entry.service.name,
                where.lat,
                where.lon,
                category.id,
                category.name,
                entry.rel,
                entry.line("toa_do"),
            )
        )
    return points


class Places:
    """All places of a site, built once per build.

    Args:
        places: the places, in any order; two with the same page keep the first.
        plaque_names: plaque id → its printed name (:attr:`plaque_names`).
    """

    def __init__(
        self, places: Iterable[Place] = (), plaque_names: Mapping[str, str] | None = None
    ) -> None:
        self.plaque_names: dict[str, str] = dict(plaque_names or {})
        """Plaque id → the name printed on it (``ten`` in ``plaques.yml``), for every id in a
        place's :attr:`Place.plaques`."""
        by_page: dict[str, Place] = {}
        for place in places:
            by_page.setdefault(place.page, place)
        self._all = sorted(by_page.values(), key=lambda p: (sort_key(p.name), p.src_uri))
        self._by_page = by_page
        self._uris = {p.src_uri for p in self._all} | set(by_page)

    def all(self) -> list[Place]:
        """Every place in Vietnamese alphabetical order of name (:func:`langso.text.sort_key`)."""
        return list(self._all)

    def by_page(self, src_uri: str) -> Place | None:
        """The place of the page ``src_uri`` (docs-relative), named by its Markdown page or its
        data file: ``danh-ba/x.yml`` and ``danh-ba/x.md`` are the same place; ``None`` when that
        page has no coordinates (or does not exist)."""
        return self._by_page.get(page_of(src_uri.strip().lstrip("/")))

    def suggest(self, src_uri: str) -> str | None:
        """The known ``src_uri`` closest to a mistyped one (accents and case ignored), for "có
        phải ý bạn là …"; ``None`` when nothing is close (``difflib`` ratio below 0.6)."""
        folded = {fold(uri): uri for uri in sorted(self._uris)}
        found = difflib.get_close_matches(fold(src_uri), list(folded), n=1, cutoff=0.6)
        return folded[found[0]] if found else None

    def __len__(self) -> int:
        return len(self._all)


def gather_places(
    landmarks: Iterable[Landmark],
    services: Iterable[ServicePoint],
    urls: Mapping[str, str],
    plaques: Mapping[str, tuple[str, ...]],
    plaque_names: Mapping[str, str] | None = None,
) -> Places:
    """Make the :class:`Places` of a site.

    Args:
        landmarks: the pages with ``toa_do``.
        services: the directory's services with ``toa_do``.
        urls: page ``src_uri`` → site-root-relative URL; a place whose page is not in it (not
            published) is left out.
        plaques: page ``src_uri`` → ids of the plaques leading there.
        plaque_names: plaque id → its printed name.
    """
    found: list[Place] = []
    for landmark in landmarks:
        url = urls.get(landmark.src_uri)
        if url is None:
            continue
        found.append(
            Place(
                landmark.src_uri,
                "dia-diem",
                landmark.name,
                url,
                landmark.lat,
                landmark.lon,
                None,
                None,
                plaques.get(landmark.src_uri, ()),
                landmark.source,
                landmark.line,
            )
        )
    for service in services:
        page = page_of(service.src_uri)
        url = urls.get(page)
        if url is None:
            continue
        found.append(
            Place(
                service.src_uri,
                "dich-vu",
                service.name,
                url,
                service.lat,
                service.lon,
                service.category,
                service.category_name,
                plaques.get(page, ()),
                service.source,
                service.line,
            )
        )
    return Places(found, plaque_names)
