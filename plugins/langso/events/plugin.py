"""``langso/events``: the events calendar (``lịch``, issue 15) from the pages of ``lich/``.

- ``on_config``: adds the stylesheet ``assets/langso/events.css``.
- ``on_files`` (priority 0, after ``langso/content``): load and check every event page
  (:func:`langso.events.loading.load_events`: located, bilingual messages; a page that is not
  readable text, which ``langso/content`` reports, is taken out of the site), keep the pages out of
  the navigation (``NOT_IN_NAV``: the agenda lists them), and generate the agenda
  ``lich/index.md`` (:func:`langso.events.pages.agenda_markdown`), one ``lich/<page>.ics`` per
  event and ``lich/lich.ics``, the whole calendar (:mod:`langso.events.ics`). A file written by
  hand at one of these paths, or an event page whose ``.ics`` would take one of them, is an
  error located at that file (``event.generated-path``); the build stops after every plugin
  has checked its files. The agenda and the ``.ics`` files of the valid events are generated
  even then, so ``langso check`` (which builds past that stop) reports no false broken link to
  them.
- ``on_page_content``: each event page gets its header after the ``<h1>``
  (:func:`langso.events.pages.event_header_html`).
"""

from __future__ import annotations

import datetime as dt
import posixpath
from importlib.resources import files as package_files

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from langso.adapter import GATE_PRIORITY, Reporter, content_location, own_section
from langso.directory.plugin import build_date
from langso.events.config import EventsConfig
from langso.events.ics import calendar_ics, event_ics
from langso.events.loading import EVENT_KEYS, load_events
from langso.events.model import Event, Occurrence
from langso.events.occurrences import agenda, occurrences
from langso.events.pages import NEXT_DATES, SPARE_DATES, agenda_markdown, event_header_html
from langso.home import insert_after_h1
from langso.paths import repo_path
from langso.problems import Problem
from langso.textfile import decode_text

__all__ = ["EventsPlugin"]

CSS = "assets/langso/events.css"
CALENDAR = "lich.ics"
"""The whole calendar's file name, in the events folder."""
LOOK_AHEAD_YEARS = 3
"""How far an event page looks for its next dates (a yearly festival: this year's and the
next ones)."""


class EventsPlugin(BasePlugin[EventsConfig]):
    """Builds the agenda, the ``.ics`` files and the event pages' headers; see the module
    docstring."""

    def __init__(self) -> None:
        self.reporter = Reporter()
        self.events: dict[str, Event] = {}  # src_uri → event
        self.ics: dict[str, File] = {}  # src_uri → its .ics file

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Register the stylesheet.

        Raises:
            PluginError: when ``months_ahead`` or ``weeks_ahead`` is less than 1.
        """
        if self.config.months_ahead < 1 or self.config.weeks_ahead < 1:
            raise PluginError(
                "langso/events: months_ahead và weeks_ahead phải ≥ 1"
                " / months_ahead and weeks_ahead must be at least 1"
            )
        own_section(config, self.config.events_dir, EVENT_KEYS, CSS)
        return config

    @event_priority(0)
    def _on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.reporter.reset(config)
        self.events, self.ics = {}, {}
        folder = self.config.events_dir.strip("/")
        docs_rel = content_location(config)[1]
        index_uri = f"{folder}/index.md"
        calendar_uri = f"{folder}/{CALENDAR}"
        pages = [
            f
            for f in files
            if f.src_uri.startswith(folder + "/")
            and f.src_uri.endswith(".md")
            and f.src_uri != index_uri
        ]
        texts = []
        for file in list(pages):
            file.inclusion = InclusionLevel.NOT_IN_NAV
            text, _ = decode_text(file.content_bytes, repo_path(docs_rel, file.src_uri))
            if text is None:
                # Not UTF-8, too big, control characters: langso/content said so. The page
                # leaves the site, so nothing (MkDocs reading it) says it again.
                files.remove(file)
                pages.remove(file)
            else:
                texts.append((file.src_uri, text))
        events, problems = load_events(texts, docs_rel)
        self.reporter.report(problems)

        css = package_files("langso").joinpath("assets/events.css").read_text("utf-8")
        files.append(File.generated(config, CSS, content=css))
        # Every generated path first, so a clash names the file that takes it.
        wanted: dict[str, str | None] = {index_uri: None, calendar_uri: None}
        by_page = {f.src_uri: f for f in pages}
        for event in events:
            uri = f"{folder}/{_ics_name(by_page[event.src_uri])}"
            if uri in wanted:
                self._clash(event.src_uri, uri, docs_rel)
                continue
            wanted[uri] = event.src_uri
            self.events[event.src_uri] = event
        taken = {uri for uri in wanted if uri in files.src_uris}
        for uri in sorted(taken):
            self._clash(uri, uri, docs_rel)
        # Generated even when some pages have errors: the valid events' agenda and .ics files
        # exist, so a link to them is no false second error in ``langso check``.
        today = build_date()
        months = self.config.months_ahead
        site_url = config.site_url or ""
        urls = {uri: site_url + f.url for uri, f in by_page.items() if uri in self.events}
        for uri, src_uri in wanted.items():
            if src_uri is None:
                continue
            if uri in taken:
                del self.events[src_uri]
                continue
            text = event_ics(self.events[src_uri], urls[src_uri], today, months)
            self.ics[src_uri] = self._add(files, config, uri, text)
        kept = list(self.events.values())
        calendar_text = calendar_ics(kept, urls, self.config.title, today, months)
        if calendar_uri in taken:
            calendar = File.generated(config, calendar_uri, content=calendar_text)  # not added
        else:
            calendar = self._add(files, config, calendar_uri, calendar_text)
        if index_uri in taken:
            return files
        index = File.generated(config, index_uri, content="")
        links = {uri: get_relative_url(by_page[uri].url, index.url) for uri in self.events}
        index.content_string = agenda_markdown(
            self.config.title,
            agenda(kept, today, months, self.config.weeks_ahead, spare=True),
            links,
            get_relative_url(calendar.url, index.url),
            today,
            months,
            self.config.weeks_ahead,
        )
        files.append(index)
        return files

    def _add(self, files: Files, config: MkDocsConfig, uri: str, text: str) -> File:
        file = File.generated(config, uri, content=text)
        files.append(file)
        return file

    def _clash(self, where: str, uri: str, docs_rel: str) -> None:
        """Report the file ``where`` (a ``src_uri``) taking the generated path ``uri``."""
        params = {"page": repo_path(docs_rel, uri), "folder": self.config.events_dir.strip("/")}
        problem = Problem(repo_path(docs_rel, where), None, "event.generated-path", params=params)
        self.reporter.report([problem])

    @event_priority(GATE_PRIORITY)
    def _stop_on_errors(self, files: Files, *, config: MkDocsConfig) -> None:
        self.reporter.stop_if_errors(config)

    on_files = CombinedEvent(_on_files, _stop_on_errors)

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Put the event's header after the ``<h1>`` of its page."""
        event = self.events.get(page.file.src_uri)
        ics = self.ics.get(page.file.src_uri)
        if event is None or ics is None:
            return html
        page_url = (config.site_url or "") + page.url
        header = event_header_html(
            event,
            _next_dates(event),
            build_date(),
            get_relative_url(ics.url, page.url),
            page_url,
            self.config.months_ahead,
        )
        return insert_after_h1(html, header)


def _next_dates(event: Event) -> list[Occurrence]:
    """The dates an event page lists: a one-off event's own (even past), else the next
    :data:`NEXT_DATES` and :data:`SPARE_DATES` more from the day of the build (an occurrence
    still going on included)."""
    rule = event.rule
    if rule.how == "once" and rule.date is not None:
        return occurrences(event, rule.date, rule.last or rule.date)
    today = build_date()
    last = today + dt.timedelta(days=366 * LOOK_AHEAD_YEARS)
    return occurrences(event, today, last)[: NEXT_DATES + SPARE_DATES]


def _ics_name(page: File) -> str:
    """The ``.ics`` file name of an event page: its address's last part (``hoi-lang.ics`` for
    ``lich/hoi-lang/``), ASCII as ``langso/content`` made it."""
    name = posixpath.basename(page.url.rstrip("/")) or "index"
    return name.removesuffix(".html") + ".ics"
