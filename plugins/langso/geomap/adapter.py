"""The places of a MkDocs build (:class:`langso.geomap.places.Places`), gathered once a build.

Nothing is read twice: ``langso/content`` publishes the pages whose front matter has ``toa_do``
(:data:`~langso.geomap.places.LANDMARKS_KEY`, found while it checks every page's front matter)
and ``langso/directory`` the services it loaded (:data:`~langso.geomap.places.SERVICES_KEY`),
on ``config.extra`` as ``village.yml`` is shared (``config.extra["village"]``). Only the plaque
registry is read here (a small file, kept validated by :class:`langso.cache.Recall`), since
``langso/plaques`` loads it last of all plugins (``on_files`` priority -100).

Call :func:`places_of` from ``on_files`` of a plugin listed after ``langso/directory`` (or any
later event): the pages' URLs are final by then.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from langso.adapter import Reporter, configured_site_url, content_location
from langso.geomap.basemap import unused_basemaps
from langso.geomap.config import DEFAULT_BASEMAP
from langso.geomap.osm import (
    OSM_GEOJSON,
    OSM_XML,
    to_osm_geojson,
    to_osm_xml,
    unfinished_pages,
)
from langso.geomap.places import (
    LANDMARKS_KEY,
    PLACES_KEY,
    SERVICES_KEY,
    Landmark,
    Places,
    ServicePoint,
    gather_places,
    page_of,
)
from langso.plaques.model import load_plaques

__all__ = ["has_places", "places_of", "publish_osm", "report_unused_basemaps"]


@dataclass(frozen=True)
class _Made:
    """The places of one build and what they were made from (``mkdocs serve`` builds anew)."""

    landmarks: object
    services: object
    places: Places


def places_of(config: MkDocsConfig, files: Files) -> Places:
    """The places of this build: made on the first call, then kept on ``config.extra``
    (:data:`~langso.geomap.places.PLACES_KEY`) until the published landmarks or services
    change (a new build publishes new ones).

    Args:
        config: the build's configuration; ``langso/content`` (and ``langso/directory`` for
            services) must have run their ``on_files``.
        files: the build's files, for each page's URL.

    Returns:
        Every landmark and service with coordinates whose page is published, with the ids of
        the plaques that lead to it (neither replaced nor retired). No problem is reported
        here: each plugin reports its own files'.
    """
    landmarks = config.extra.get(LANDMARKS_KEY) or {}
    services = config.extra.get(SERVICES_KEY) or []
    made = config.extra.get(PLACES_KEY)
    if isinstance(made, _Made) and made.landmarks is landmarks and made.services is services:
        return made.places
    urls: dict[str, str] = {}
    wanted = [lm.src_uri for lm in landmarks.values() if isinstance(lm, Landmark)]
    wanted += [page_of(s.src_uri) for s in services if isinstance(s, ServicePoint)]
    for uri in wanted:
        file = files.get_file_from_path(uri)
        if file is not None and file.is_documentation_page():
            urls[uri] = file.url
    plaques, names = _plaques(config)
    places = gather_places(
        [lm for lm in landmarks.values() if isinstance(lm, Landmark)],
        [s for s in services if isinstance(s, ServicePoint)],
        urls,
        plaques,
        names,
    )
    config.extra[PLACES_KEY] = _Made(landmarks, services, places)
    return places


def has_places(config: MkDocsConfig, files: Files) -> bool:
    """Whether at least one published page (landmark or service) has coordinates: the home
    page's "Bản đồ" tile is shown only then (:mod:`langso.home`). Called at page time, when
    every ``on_files`` has run (the map plugin's made the places already: no second pass)."""
    return bool(places_of(config, files).all())


def _plaques(config: MkDocsConfig) -> tuple[Mapping[str, tuple[str, ...]], Mapping[str, str]]:
    """Page ``src_uri`` → ids of the plaques leading there today, and id → printed name (``ten``),
    from the registry of ``langso/plaques`` (none when the plugin is not used)."""
    plugin = config.plugins.get("langso/plaques")
    registry = getattr(getattr(plugin, "config", None), "registry", None)
    if not isinstance(registry, str):
        return {}, {}
    docs_dir, docs_rel = content_location(config)
    entries, _ = load_plaques(docs_dir, docs_rel, registry)  # reported by langso/plaques
    by_page: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for entry in entries:
        plaque = entry.plaque
        if plaque.target and plaque.replaced_by is None and plaque.retired is None:
            by_page.setdefault(page_of(plaque.target), []).append(plaque.id)
            names[plaque.id] = plaque.name
    return {page: tuple(ids) for page, ids in by_page.items()}, names


def publish_osm(config: MkDocsConfig, files: Files, places: Places) -> None:
    """Add ``ban-do/osm.osm`` and ``ban-do/osm.geojson`` (:mod:`langso.geomap.osm`) to ``files``,
    unless the author wrote a file there. ``website`` tags use ``site_url`` as configured (also
    under ``mkdocs serve``: :func:`langso.adapter.configured_site_url`). Landmarks whose page is
    unfinished (starter text of ``langso new``, the sample page of ``langso init``:
    :func:`langso.geomap.osm.unfinished_pages`) are left out; the ``.osm`` file's comment says
    how many and why.
    """
    docs_dir, _ = content_location(config)
    unfinished = unfinished_pages(places, Path(docs_dir))
    kept = Places([p for p in places.all() if p.src_uri not in unfinished], places.plaque_names)
    site_url = configured_site_url(config) or ""
    if OSM_XML not in files.src_uris:
        text = to_osm_xml(kept, None, site_url, left_out=len(unfinished))
        files.append(File.generated(config, OSM_XML, content=text))
    if OSM_GEOJSON not in files.src_uris:
        text = to_osm_geojson(kept, None, site_url)
        files.append(File.generated(config, OSM_GEOJSON, content=text))


_REPORTER = Reporter()
"""Logs :func:`report_unused_basemaps`' warnings (counted with the build's other reporters)."""


def report_unused_basemaps(config: MkDocsConfig, files: Files) -> None:
    """Warn (``basemap.unused``, :func:`langso.geomap.basemap.unused_basemaps`) about each
    author's file that looks like a base map but is not the one ``langso/map`` reads (its
    ``basemap`` option, else :data:`~langso.geomap.config.DEFAULT_BASEMAP`)."""
    _REPORTER.reset(config)
    plugin = config.plugins.get("langso/map")
    chosen = getattr(getattr(plugin, "config", None), "basemap", None)
    used = (chosen if isinstance(chosen, str) else DEFAULT_BASEMAP).strip().lstrip("/")
    _, docs_rel = content_location(config)
    own = [f.src_uri for f in files if not f.generated_by]
    _REPORTER.report(unused_basemaps(own, used, docs_rel))
