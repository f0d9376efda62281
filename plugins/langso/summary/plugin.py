"""``langso/summary``: the village summary ``lang-so.json`` at the site's root (issue 17).

A commune or province portal (``langso portal``) reads it; the format is in
``docs/tom-tat-lang.md`` and the core in :mod:`langso.summary.build`. List it after the other
``langso/*`` plugins: it reads what they hold, never a source file again (but the plaque
registry, read as :func:`langso.geomap.adapter.places_of` reads it: a small file, validated once
by :class:`langso.cache.Recall`).

- ``on_files`` (priority -110, after ``langso/plaques``): notes the files (for URLs), the
  landmark pages (``landmarks_dir`` and every page with ``toa_do``, from ``langso/content``) and
  the plaques as they resolve today.
- ``on_page_content`` (priority -100, after every other plugin changed the page): a landmark's
  title and description as plain text.
- ``on_env``: the pages of this build (a dirty build renders only some of them).
- ``on_post_build``: builds the summary from ``village.yml`` (``config.extra["village"]``),
  the landmarks, the directory ``langso/directory`` loaded (:data:`~langso.summary.build.
  DIRECTORY_KEY`), the plaques, the current notices of ``langso/notices`` and the pages of
  ``langso/search`` (none without those plugins), checks it with
  :func:`langso.summary.read.read_summary` (a failure is a bug: logged as a warning) and writes
  ``lang-so.json``; nothing, silently, when the build already failed or ``village.yml`` did
  not load (their own errors say why). Written after the build, it is in no sitemap and no
  offline manifest.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from langso.adapter import Reporter, configured_site_url, content_location, log
from langso.clock import today
from langso.directory.loading import Directory
from langso.escaping import plain_text
from langso.geomap.places import LANDMARKS_KEY, Landmark
from langso.notices.pages import build_now
from langso.paths import repo_path
from langso.plaques.model import load_plaques
from langso.plaques.resolve import Destination, resolve
from langso.summary.build import DIRECTORY_KEY, LandmarkPage, build_summary, dumps_summary
from langso.summary.config import SummaryConfig
from langso.summary.read import SUMMARY_URI, read_summary
from langso.village import Village

__all__ = ["SummaryPlugin"]


class SummaryPlugin(BasePlugin[SummaryConfig]):
    """Writes ``lang-so.json``; see the module docstring."""

    def __init__(self) -> None:
        self.files: Files | None = None
        self.landmarks: dict[str, Landmark | None] = {}  # src_uri → its point (or none)
        self.seen: dict[str, tuple[str, str, str | None]] = {}  # src_uri → url, title, desc
        self.live: set[str] = set()
        self.plaques: list[Destination] = []

    @event_priority(-110)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Note the files, the landmark pages and the plaques (see the module docstring)."""
        self.files = files
        folder = self.config.landmarks_dir.strip("/") + "/"
        points = config.extra.get(LANDMARKS_KEY) or {}
        self.landmarks = {
            f.src_uri: None
            for f in files.documentation_pages()
            if f.src_uri.startswith(folder)
            and posixpath.basename(f.src_uri) not in ("index.md", "README.md")
            and not f.generated_by
        }
        self.landmarks.update({uri: lm for uri, lm in points.items() if isinstance(lm, Landmark)})
        self.plaques = self._plaques(config, files)
        return files

    @staticmethod
    def _plaques(config: MkDocsConfig, files: Files) -> list[Destination]:
        plugin = config.plugins.get("langso/plaques")
        registry = getattr(getattr(plugin, "config", None), "registry", None)
        if not isinstance(registry, str):
            return []
        docs_dir, docs_rel = content_location(config)
        entries, _ = load_plaques(docs_dir, docs_rel, registry)  # reported by langso/plaques

        def page_url(src_uri: str) -> str | None:
            file = files.get_file_from_path(src_uri)
            return file.url if file is not None and file.is_documentation_page() else None

        destinations, _ = resolve(entries, page_url, repo_path(docs_rel, registry))
        return destinations

    @event_priority(-100)
    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Keep a landmark's URL, title and description, as plain text."""
        if page.file.src_uri in self.landmarks:
            description = page.meta.get("description")
            self.seen[page.file.src_uri] = (
                page.url,
                plain_text(page.title or ""),
                plain_text(description) if isinstance(description, str) else None,
            )
        return html

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> None:
        """Note the pages of this build."""
        self.live = {file.src_uri for file in files.documentation_pages()}

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Build, check and write ``lang-so.json``; nothing (and no message) when the build
        already failed or ``village.yml`` did not load: its own error, at its line, already says
        why, and a portal must never read the summary of a site that was not published."""
        village = config.extra.get("village")
        if not isinstance(village, Village) or _build_failed(config):
            return
        files = self.files

        def url_of(src_uri: str) -> str | None:
            file = files.get_file_from_path(src_uri) if files is not None else None
            return file.url if file is not None else None

        landmarks = []
        for uri, point in self.landmarks.items():
            seen = self.seen.get(uri)
            if seen is None or uri not in self.live:
                continue
            url, title, description = seen
            lat, lon = (point.lat, point.lon) if point is not None else (None, None)
            landmarks.append(LandmarkPage(uri, title, url, description, lat, lon))
        directory = config.extra.get(DIRECTORY_KEY)
        notices_plugin = config.plugins.get("langso/notices")
        notices = getattr(notices_plugin, "notices", None) or {}
        now = getattr(notices_plugin, "now", None)
        fresh = getattr(getattr(notices_plugin, "config", None), "fresh_days", 30)
        search = config.plugins.get("langso/search")
        pages = getattr(search, "pages", None) or {}
        live = getattr(search, "live", None) or set()
        summary = build_summary(
            village=village,
            site_url=configured_site_url(config),
            built_on=today(),
            landmarks=landmarks,
            directory=directory if isinstance(directory, Directory) else None,
            plaques=self.plaques,
            notices=list(notices.values()),
            now=now if isinstance(now, dt.datetime) else build_now(),
            fresh_days=fresh if isinstance(fresh, int) else 30,
            pages=[page for src, page in sorted(pages.items()) if src in live],
            url_of=url_of,
        )
        data = dumps_summary(summary)
        _, problems = read_summary(data, SUMMARY_URI)
        for problem in problems:  # a bug of langso, not the village's mistake
            log.warning(problem)
        path = Path(config.site_dir) / SUMMARY_URI
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _build_failed(config: MkDocsConfig) -> bool:
    """Whether a ``langso/*`` plugin reported an error in this build (the count
    :meth:`langso.adapter.Reporter.stop_if_errors` sums; ``langso check`` lets the build go on
    past them to list every mistake)."""
    return any(r.errors for r in Reporter._all if r.build == id(config))
