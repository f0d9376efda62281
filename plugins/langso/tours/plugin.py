"""``langso/tours``: walking tours (``tuyến tham quan``, issue 16) from ``tuyen-tham-quan/*.yml``.

- ``on_config``: adds the stylesheet ``assets/langso/tours.css``.
- ``on_files`` (priority 0, listed after ``langso/directory``: the places are known): reads and
  checks every tour file (:func:`langso.tours.loading.load_tours`, the stops placed through
  :func:`langso.geomap.adapter.places_of`; located, bilingual messages; a file refused for a
  control character is still checked, blanked, for its other mistakes), takes the YAML files
  out of the site, and generates the index ``tuyen-tham-quan/index.md`` (a hand-written one
  wins), for each tour its page ``<slug>.md`` (not in the navigation: the index lists it), its
  print sheet ``in/<slug>/index.html`` and ``<slug>.gpx``, and ``tuyen.geojson`` for the map
  (:mod:`langso.tours.pages`, :mod:`langso.tours.printpage`, :mod:`langso.tours.export`;
  ``tuyen.geojson`` is named on ``config.extra[OFFLINE_KEY]`` for ``langso/offline``). A
  file written by hand at a generated path is an error located at that file
  (``tour.generated-path``); the build stops after every plugin has checked its files.
- ``on_page_content``: each stop's page gets, after its ``<h1>``, one hidden "next stop" box per
  tour through it and the tiny script that shows the one the reader follows.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from importlib.resources import files as package_files
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from langso.adapter import (
    GATE_PRIORITY,
    Reporter,
    configured_site_url,
    content_location,
    own_section,
)
from langso.geomap.adapter import places_of
from langso.home import insert_after_h1
from langso.paths import repo_path
from langso.problems import Problem
from langso.text import sort_key
from langso.textfile import decode_text
from langso.tours.config import ToursConfig
from langso.tours.export import OFFLINE_KEY, geojson, gpx
from langso.tours.loading import load_tours, without_controls
from langso.tours.model import Tour
from langso.tours.pages import (
    NEXT_SCRIPT,
    TourLinks,
    follow_query,
    index_markdown,
    next_box_html,
    tour_markdown,
)
from langso.tours.printpage import print_html

__all__ = ["ToursPlugin"]

CSS = "assets/langso/tours.css"
GEOJSON = "tuyen.geojson"
"""All routes for the map, in the tours folder."""


class ToursPlugin(BasePlugin[ToursConfig]):
    """Builds the tours' pages and files; see the module docstring."""

    def __init__(self) -> None:
        self.reporter = Reporter()
        self.pages: dict[str, File] = {}  # slug → the tour's page
        self.stops: dict[str, list[tuple[Tour, int]]] = {}  # page src_uri → (tour, number)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Register the stylesheet."""
        own_section(config, self.config.tours_dir, (), CSS)
        return config

    @event_priority(0)
    def _on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.reporter.reset(config)
        self.pages, self.stops = {}, {}
        folder = self.config.tours_dir.strip("/")
        docs_rel = content_location(config)[1]
        sources = [
            f
            for f in files
            if posixpath.dirname(f.src_uri) == folder
            and f.src_uri.lower().endswith((".yml", ".yaml"))
        ]
        texts, checked, found = [], [], []
        for file in sources:
            files.remove(file)  # the data, not a page: never published
            data = file.content_bytes
            text, problems = decode_text(data, repo_path(docs_rel, file.src_uri))
            found += problems
            if text is not None:
                texts.append((file.src_uri, text))
            elif (blanked := without_controls(data, problems)) is not None:
                checked.append((file.src_uri, blanked))
        places = places_of(config, files)
        read = _reader(content_location(config)[0])
        tours, problems = load_tours(texts, places, files.src_uris, docs_rel, read)
        # A file with a control character gives no tour, but its other mistakes are listed now.
        problems += load_tours(checked, places, files.src_uris, docs_rel, read)[1]
        self.reporter.report(sorted(found + problems, key=lambda p: (p.path, p.line or 0)))
        tours.sort(key=lambda t: (sort_key(t.name), t.slug))

        css = package_files("langso").joinpath("assets/tours.css").read_text("utf-8")
        files.append(File.generated(config, CSS, content=css))
        taken = set(files.src_uris)
        kept: list[Tour] = []
        for tour in tours:
            wanted = _tour_paths(folder, tour.slug)
            clash = [uri for uri in wanted if uri in taken]
            for uri in clash:
                self._clash(uri, docs_rel)
            if not clash:
                kept.append(tour)
                taken.update(wanted)
        if kept and f"{folder}/{GEOJSON}" in files.src_uris:
            self._clash(f"{folder}/{GEOJSON}", docs_rel)
        self._generate(kept, files, config, folder)
        return files

    def _generate(self, tours: list[Tour], files: Files, config: MkDocsConfig, folder: str) -> None:
        site_url = configured_site_url(config) or ""
        directory_urls = config.use_directory_urls
        places = places_of(config, files)
        map_url = None
        if "langso/map" in config.plugins:
            map_url = "ban-do/" if directory_urls else "ban-do/index.html"
        index_uri = f"{folder}/index.md"
        index = files.get_file_from_path(index_uri)
        if index is None:
            index = File.generated(config, index_uri, content="")
            files.append(index)
            generate_index = True
        else:
            generate_index = False
        routes: dict[str, str] = {}
        for tour in tours:
            page_uri, print_uri, gpx_uri = _tour_paths(folder, tour.slug)
            page = File.generated(config, page_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV)
            printed = File.generated(config, print_uri, content="")
            track = File.generated(config, gpx_uri, content="")
            files.append(page)
            files.append(printed)
            files.append(track)
            self.pages[tour.slug] = page
            routes[tour.slug] = page.url
            stop_urls = [
                p.url if s.src_uri and (p := places.by_page(s.src_uri)) else None
                for s in tour.stops
            ]
            print_url = printed.url
            if directory_urls:
                print_url = print_url.removesuffix("index.html")
            links = TourLinks(
                stops=tuple(get_relative_url(u, page.url) if u else None for u in stop_urls),
                map=get_relative_url(map_url, page.url) if map_url else None,
                print=get_relative_url(print_url, page.url) if print_url else "",
                gpx=get_relative_url(track.url, page.url),
                index=get_relative_url(index.url, page.url),
            )
            page.content_string = tour_markdown(tour, links)
            tour_abs = site_url + page.url if site_url else page.url
            qr = [
                site_url
                + (u + follow_query(tour, s.number) if u else f"{page.url}#diem-{s.number}")
                if site_url
                else None
                for s, u in zip(tour.stops, stop_urls, strict=True)
            ]
            back = get_relative_url(page.url, printed.url)
            printed.content_string = print_html(tour, qr, tour_abs, back)
            gpx_links = {
                s.number: site_url + u + follow_query(tour, s.number)
                for s, u in zip(tour.stops, stop_urls, strict=True)
                if u
            }
            track.content_string = gpx(tour, tour_abs, gpx_links.get)
            for stop in tour.stops:
                if stop.src_uri is not None:
                    self.stops.setdefault(stop.src_uri, []).append((tour, stop.number))
        config.extra[OFFLINE_KEY] = []
        if tours:
            routes_file = File.generated(
                config, f"{folder}/{GEOJSON}", content=geojson(tours, routes)
            )
            files.append(routes_file)
            config.extra[OFFLINE_KEY] = [routes_file.dest_uri]
        if generate_index:
            hrefs = [get_relative_url(routes[t.slug], index.url) for t in tours]
            index.content_string = index_markdown(self.config.title, tours, hrefs)

    def _clash(self, uri: str, docs_rel: str) -> None:
        """Report the file ``uri`` (a ``src_uri``) taking a generated path."""
        params = {"page": repo_path(docs_rel, uri), "folder": self.config.tours_dir.strip("/")}
        self.reporter.report(
            [Problem(repo_path(docs_rel, uri), None, "tour.generated-path", params=params)]
        )

    @event_priority(GATE_PRIORITY)
    def _stop_on_errors(self, files: Files, *, config: MkDocsConfig) -> None:
        self.reporter.stop_if_errors(config)

    on_files = CombinedEvent(_on_files, _stop_on_errors)

    @event_priority(-55)
    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Put the "next stop" boxes right after the ``<h1>`` of each stop's page. Priority -55:
        after the search index (the boxes are for the walk, not the page's text), and after
        ``langso/content`` put "Chỉ đường" there (-50), so that a reader following the tour
        finds "Tiếp theo" first (below "Chỉ đường" it left the first screen at the largest
        text: a tester's walk)."""
        found = self.stops.get(page.file.src_uri)
        if not found:
            return html
        places = places_of(config, files)
        boxes = []
        for tour, number in found:
            tour_page = self.pages[tour.slug]
            following = tour.stops[number] if number < len(tour.stops) else None
            next_href = None
            if following is not None and following.src_uri is not None:
                place = places.by_page(following.src_uri)
                next_href = get_relative_url(place.url, page.file.url) if place else None
            tour_href = get_relative_url(tour_page.url, page.file.url)
            boxes.append(next_box_html(tour, number, tour_href, next_href))
        return insert_after_h1(html, "".join(boxes) + NEXT_SCRIPT)


def _reader(docs_dir: Path) -> Callable[[str], str | None]:
    """The text of a docs-relative source file (``None``: none there, or outside the folder)."""
    base = Path(docs_dir).resolve()

    def read(src_uri: str) -> str | None:
        path = (base / src_uri).resolve()
        if not path.is_relative_to(base) or not path.is_file():
            return None
        return path.read_text("utf-8", errors="replace")

    return read


def _tour_paths(folder: str, slug: str) -> tuple[str, str, str]:
    """The tour page, the print sheet and the GPX file of the tour ``slug``."""
    return f"{folder}/{slug}.md", f"{folder}/in/{slug}/index.html", f"{folder}/{slug}.gpx"
