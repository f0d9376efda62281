"""``langso/map``: the village map page ``ban-do/`` (issue 16).

- ``on_config``: reads the loader (``assets/map-loader.js``) to inline on the map page.
- ``on_files`` (priority 0; listed after ``langso/directory``, ``langso/events`` and
  ``langso/tours``): gathers the places (:func:`langso.geomap.adapter.places_of`), checks the base
  map (option ``basemap``, default ``ban-do/nen.pmtiles`` when that file exists;
  :func:`langso.geomap.basemap.inspect_basemap`, located ``basemap.*`` messages; the file is
  published as it is, by MkDocs, as any file of ``docs_dir``), publishes the map's files under
  ``assets/langso/`` (``map.js``, ``map.css``, Leaflet, and pmtiles with ``map-source.js`` — plus
  protomaps-leaflet for vector tiles — only when a base map is used) and generates
  ``ban-do/index.md`` (its title and what the map shows); a hand-written ``ban-do/index.md``
  wins (its text replaces the generated one; the map and the list are still added). Shares
  :data:`~langso.geomap.basemap.BASEMAP_KEY` (the :class:`~langso.geomap.basemap.BaseMap` or
  ``None``) and :data:`~langso.geomap.basemap.MAP_ASSETS_KEY` (the files the page loads after
  painting, site-relative) on ``config.extra`` for ``langso/offline``.
- ``on_page_content`` (priority -60, after the search index: the points are searched on their
  own pages): on the map page, the map's slot, what it shows, the list of points and links to
  the OpenStreetMap exports when published (:func:`langso.geomap.page.map_html`).
  The loader is inlined right after the slot (:func:`langso.geomap.page.map_html`). No other
  page names any of the map's files.

Leaflet 1.9.4 + pmtiles 4.5.0 + protomaps-leaflet 5.1.0, not MapLibre GL JS (276 KB gzip and
WebGL): see :mod:`langso.geomap.page`.
"""

from __future__ import annotations

import posixpath
from importlib.resources import files as package_files
from pathlib import Path
from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from langso.adapter import GATE_PRIORITY, Reporter, content_location, site_root
from langso.geomap.adapter import places_of, publish_osm, report_unused_basemaps
from langso.geomap.basemap import (
    BASEMAP_KEY,
    MAP_ASSETS_KEY,
    BaseMap,
    Point,
    basemap_points,
    inspect_basemap,
)
from langso.geomap.config import DEFAULT_BASEMAP, MapConfig, budget_bytes
from langso.geomap.osm import OSM_GEOJSON, OSM_XML
from langso.geomap.page import (
    ASSET_FOLDER,
    MAP_URI,
    VENDOR,
    Background,
    Group,
    group_points,
    intro_markdown,
    map_html,
)
from langso.paths import repo_path

__all__ = ["ROUTES_URI", "MapPlugin"]

ROUTES_URI = "tuyen-tham-quan/tuyen.geojson"
"""Every walking tour's route, published by ``langso/tours`` (drawn with ``?tuyen=<slug>``)."""
TOURS_INDEX = "tuyen-tham-quan/index.md"
"""The walking tours' index (``langso/tours``), linked when there are tours (a routes file)."""
TOUR_JS = "map-tour.js"
"""Draws a walking tour (``?tuyen=<slug>``) on the map; published only with the routes file."""
SOURCE_JS = "map-source.js"
"""``LangsoRangeSource``: the base map read with range requests (``langso/offline``'s author)."""


class MapPlugin(BasePlugin[MapConfig]):
    """Builds the map page; see the module docstring."""

    def __init__(self) -> None:
        self.reporter = Reporter()
        self.loader = ""
        self.groups: list[Group] = []
        self.basemap: BaseMap | None = None
        self.css: list[str] = []  # site-relative, in load order
        self.scripts: list[str] = []

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Read the loader script.

        Raises:
            PluginError: when ``basemap_budget_mb`` is not above 0.
        """
        if self.config.basemap_budget_mb <= 0:
            raise PluginError(
                "langso/map: basemap_budget_mb phải lớn hơn 0"
                " / basemap_budget_mb must be more than 0"
            )
        script = package_files("langso").joinpath("assets/map-loader.js").read_text("utf-8")
        self.loader = f"<script>{script[script.index('(function') :].strip()}</script>"
        return config

    @event_priority(0)
    def _on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.reporter.reset(config)
        places = places_of(config, files)
        publish_osm(config, files, places)  # ban-do/osm.osm, osm.geojson (engineer D)
        self.groups = group_points(places)
        report_unused_basemaps(config, files)  # an .mbtiles, a misplaced or mis-cased archive
        self.basemap = self._basemap(config, basemap_points(places.all()))
        config.extra[BASEMAP_KEY] = self.basemap
        names = ["leaflet.css", "map.css", "leaflet.js"]
        if self.basemap is not None:
            names += ["pmtiles.js", SOURCE_JS]
            if self.basemap.tile_type == "mvt":
                names.append("protomaps.js")
        names.append("map.js")
        if files.get_file_from_path(ROUTES_URI) is not None:
            names.append(TOUR_JS)  # ?tuyen=<slug>: a walking tour's route (langso/tours)
        published = []
        for name in names:
            rel = VENDOR.get(name, name)
            uri = f"{ASSET_FOLDER}/{rel}"
            resource = package_files("langso").joinpath(f"assets/{rel}")
            if not resource.is_file():  # map-source.js not written yet: a clear failure
                raise PluginError(f"langso/map: thiếu tệp / missing file assets/{rel}")
            files.append(File.generated(config, uri, content=resource.read_bytes()))
            published.append(uri)
        for folder in sorted({posixpath.dirname(VENDOR[n]) for n in names if n in VENDOR}):
            # the libraries' licences (BSD: the notice goes with every copy), never loaded
            text = package_files("langso").joinpath(f"assets/{folder}/LICENSE").read_bytes()
            files.append(
                File.generated(config, f"{ASSET_FOLDER}/{folder}/LICENSE.txt", content=text)
            )
        self.css = [uri for uri in published if uri.endswith(".css")]
        self.scripts = [uri for uri in published if uri.endswith(".js")]
        config.extra[MAP_ASSETS_KEY] = list(published)

        existing = files.get_file_from_path(MAP_URI)
        if existing is not None and existing.generated_by == "langso/content":
            files.remove(existing)  # a folder's list made by langso/content: this page is it
            existing = None
        if existing is None:
            markdown = intro_markdown(self.config.title, self.groups)
            files.append(File.generated(config, MAP_URI, content=markdown))
        return files

    def _basemap(self, config: MkDocsConfig, points: list[Point]) -> BaseMap | None:
        """The checked base map, or ``None`` (none configured and no default file, or
        unusable: an error is reported)."""
        docs_dir, docs_rel = content_location(config)
        src_uri = (self.config.basemap or DEFAULT_BASEMAP).strip().lstrip("/")
        path = Path(docs_dir) / src_uri
        if self.config.basemap is None and not path.is_file():
            return None
        budget = budget_bytes(self.config.basemap_budget_mb)
        found, problems = inspect_basemap(
            path, src_uri, repo_path(docs_rel, src_uri), points, budget
        )
        self.reporter.report(problems)
        return found

    @event_priority(GATE_PRIORITY)
    def _stop_on_errors(self, files: Files, *, config: MkDocsConfig) -> None:
        self.reporter.stop_if_errors(config)

    on_files = CombinedEvent(_on_files, _stop_on_errors)

    @event_priority(-60)
    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """The map's slot and the list of points after the map page's text."""
        if page.file.src_uri != MAP_URI:
            return html

        def href(place_page: str, fallback_url: str) -> str:
            file = files.get_file_from_path(place_page)
            if file is not None:
                return file.url_relative_to(page.file)
            return get_relative_url(fallback_url, page.url)

        background = None
        if self.basemap is not None:
            kind: Literal["raster", "vector"] = (
                "vector" if self.basemap.tile_type == "mvt" else "raster"
            )
            background = Background(
                get_relative_url(self.basemap.src_uri, page.url),
                kind,
                self.basemap.min_zoom,
                self.basemap.max_zoom,
                self.basemap.bounds,
                self.basemap.attribution,
            )
        routes = files.get_file_from_path(ROUTES_URI)
        exports = [
            (found.url_relative_to(page.file), posixpath.basename(uri))
            for uri in (OSM_XML, OSM_GEOJSON)
            if (found := files.get_file_from_path(uri)) is not None
        ]
        block = map_html(
            self.groups,
            lambda place: href(place.page, place.url),
            [get_relative_url(uri, page.url) for uri in self.css],
            [get_relative_url(uri, page.url) for uri in self.scripts],
            site_root(page.url),
            background,
            routes.url_relative_to(page.file) if routes is not None else None,
            exports,
            index.url_relative_to(page.file)
            if routes is not None and (index := files.get_file_from_path(TOURS_INDEX))
            else None,
            self.loader,
        )
        return f"{html}\n{block}"
