"""``langso/directory``: generate the directory from ``danh-ba/*.yml``.

- ``on_config``: adds the badge script and the stylesheet; makes sure ``attr_list`` is enabled
  (category headings carry stable ids).
- ``on_files`` (priority 0, after ``langso/content``): load and validate every service file and the
  categories, report every problem, drop the YAML sources from the site, and add one page per
  service plus the index, the lists by category and by name (``page_size`` entries a page), the
  A4 print list, and the JSON, CSV, GeoJSON and vCard downloads. A hand-written page is never
  overwritten and a service page never takes a list's address: a clash is an error. Then the
  help contact named by ``ho_tro`` in ``village.yml`` is published as
  ``config.extra["langso_help"]`` (:class:`langso.helpline.Help`), or the directory as the
  fallback.
- ``on_post_build``: the cache of generated files (``.cache/langso/directory``, made only when
  their inputs change) forgets what this build did not use.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from importlib.resources import files as package_files
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from langso.adapter import GATE_PRIORITY, Reporter, cache_folder, content_location, keep_recalls
from langso.cache import FileCache, Recall
from langso.clock import today
from langso.directory.config import DirectoryConfig
from langso.directory.loading import Directory, load_directory
from langso.directory.outputs import (
    DIRECTORY_CODE,
    DIRECTORY_LIBRARIES,
    directory_downloads,
    directory_listings,
    directory_pages,
)
from langso.directory.review import review
from langso.geography import save_cache, use_cache
from langso.geomap.places import SERVICES_KEY, service_points
from langso.helpline import HELP_KEY, HELP_WANTED_KEY, HelpEntry, resolve_help
from langso.paths import repo_path
from langso.problems import Problem
from langso.village import VILLAGE_FILE, Village

__all__ = ["DirectoryPlugin", "build_date"]

ASSETS = ("directory.js", "directory.css")


def build_date() -> dt.date:
    """The day the build is for, in Viet Nam (see :func:`langso.clock.today`).

    Raises:
        PluginError: when ``SOURCE_DATE_EPOCH`` is not a whole number of seconds.
    """
    try:
        return today()
    except ValueError:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        raise PluginError(
            f"SOURCE_DATE_EPOCH={epoch!r}: không phải số giây / not seconds"
        ) from None


class DirectoryPlugin(BasePlugin[DirectoryConfig]):
    """Builds the services directory; see the module docstring."""

    def __init__(self) -> None:
        self.reporter = Reporter()
        self.dests: dict[str, str] = {}  # dest_uri → src_uri of every file, to find clashes
        self.cache: FileCache | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Register the badge script and stylesheet; enable ``attr_list`` for heading ids.

        Raises:
            PluginError: when ``page_size`` is less than 1.
        """
        if self.config.page_size < 1:
            raise PluginError("langso/directory: page_size phải ≥ 1 / page_size must be at least 1")
        if "attr_list" not in config.markdown_extensions:
            config.markdown_extensions.append("attr_list")
        for name in ASSETS:
            uri = f"assets/langso/{name}"
            target = config.extra_javascript if name.endswith(".js") else config.extra_css
            if uri not in [str(item) for item in target]:
                target.append(uri)
        return config

    @event_priority(0)
    def _on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.reporter.reset(config)
        keep_recalls(config)
        if "village" not in config.extra:
            raise PluginError(
                "langso/directory cần plugin langso/content: thêm `- langso/content` vào `plugins`"
                " trong mkdocs.yml, trước langso/directory."
                " / langso/directory needs the langso/content plugin listed before it."
            )
        village = config.extra["village"]
        village = village if isinstance(village, Village) else None
        today = build_date()
        root = Path(config.config_file_path or ".").resolve().parent
        use_cache(root / ".cache" / "langso")
        docs_dir, docs_rel = content_location(config)
        services_dir = self.config.services_dir.strip("/")
        directory, problems = load_directory(
            docs_dir,
            docs_rel,
            services_dir,
            self.config.categories_file,
            village=village,
            today=today,
        )
        self.reporter.report(problems)
        self.reporter.report(self._review(directory, today))
        config.extra[SERVICES_KEY] = service_points(directory)  # for the map (langso.geomap)
        config.extra["langso_directory"] = directory  # every entry: langso.summary

        for file in list(files):
            uri = file.src_uri
            is_service = uri.startswith(services_dir + "/") and uri.lower().endswith(
                (".yml", ".yaml")
            )
            if is_service or uri == self.config.categories_file:
                files.remove(file)
        for name in ASSETS:
            content = package_files("langso").joinpath(f"assets/{name}").read_text("utf-8")
            files.append(File.generated(config, f"assets/langso/{name}", content=content))

        self._generate(files, directory, services_dir, village, config, today, docs_rel)
        self._publish_help(files, directory, services_dir, village, config, docs_rel)
        save_cache()  # here too: `langso check` stops before on_post_build
        return files

    def _publish_help(
        self,
        files: Files,
        directory: Directory,
        services_dir: str,
        village: Village | None,
        config: MkDocsConfig,
        docs_rel: str,
    ) -> None:
        """Publish ``config.extra["langso_help"]``, the helper ``ho_tro`` names (see
        :func:`langso.helpline.resolve_help`)."""
        entries = [
            HelpEntry(
                e.id,
                e.service.name,
                e.service.phones,
                e.page,
                e.service.sample,
                e.service.zalo,
                e.source,
            )
            for e in directory.entries
        ]

        def url_of(src_uri: str) -> str | None:
            file = files.get_file_from_path(src_uri)
            return file.url if file is not None else None

        # As written, even when another field of village.yml is wrong (one run, every mistake).
        wanted, line = config.extra.get(HELP_WANTED_KEY) or (None, None)
        found, problems = resolve_help(
            wanted,
            line,
            repo_path(docs_rel, VILLAGE_FILE),
            entries,
            url_of,
            f"{services_dir}/index.md",
        )
        self.reporter.report(problems)
        config.extra[HELP_KEY] = found

    def _review(self, directory: Directory, today: dt.date) -> list[Problem]:
        """Stale entries and likely duplicates, at the levels the options set."""
        levels = {
            "service.stale": self.config.stale_level,
            "service.unverified": self.config.stale_level,
            "service.duplicate-name": self.config.duplicate_level,
            "service.duplicate-phone": self.config.duplicate_level,
        }
        return [
            p if levels[p.code] == "warn" else dataclasses.replace(p, severity="info")
            for p in review(directory, today, self.config.stale_after_months)
        ]

    def _generate(
        self,
        files: Files,
        directory: Directory,
        services_dir: str,
        village: Village | None,
        config: MkDocsConfig,
        today: dt.date,
        docs_rel: str,
    ) -> None:
        """Add the pages first, then the downloads, which link to the pages' final URLs."""
        index_uri = f"{services_dir}/index.md"
        title = self.config.title
        per_page = self.config.page_size
        self.cache = FileCache(
            cache_folder(config, "directory"), code=DIRECTORY_CODE, libraries=DIRECTORY_LIBRARIES
        )
        made_pages = directory_pages(
            self.cache,
            directory,
            village,
            index_uri,
            title,
            per_page=per_page,
            today=today,
            stale_months=self.config.stale_after_months,
        )
        sources = {e.page: e.source for e in directory.entries}
        # The index and the lists first: a clash with a list then names the service file.
        pages: list[tuple[str, str | Path]] = [(index_uri, made_pages.pop(index_uri))]
        pages += directory_listings(self.cache, directory, index_uri, title, per_page)
        pages += made_pages.items()
        self.dests = {file.dest_uri: file.src_uri for file in files}
        added = {
            uri: self._add(files, config, uri, content, sources.get(uri), docs_rel)
            for uri, content in pages
        }

        site_url = config.site_url or ""
        urls = {e.id: site_url + (f.url if (f := added[e.page]) else "") for e in directory.entries}
        made = directory_downloads(self.cache, directory, village, urls, title, site_url)
        for name, path in made.files.items():
            self._add(files, config, f"{services_dir}/{name}", path, None, docs_rel)
        for entry in directory.entries:
            uri = entry.page.removesuffix(".md") + ".vcf"
            self._add(files, config, uri, made.vcards[entry.id], entry.source, docs_rel)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Drop the cached downloads this build did not use; keep the validated entries."""
        if self.cache is not None:
            self.cache.prune()
        save_cache()  # coordinates of pages and tours checked after on_files
        Recall.save_all()

    def _add(
        self,
        files: Files,
        config: MkDocsConfig,
        uri: str,
        content: str | Path,
        source: str | None,
        docs_rel: str,
    ) -> File | None:
        """Add a generated file, unless the author wrote one at ``uri`` (then report it).

        ``content`` is the text, or a file of the cache to copy (see :mod:`langso.cache`).
        """
        if uri in files.src_uris:
            page = repo_path(docs_rel, uri)
            origin = repo_path(docs_rel, source or self.config.categories_file)
            self.reporter.report(
                [Problem(origin, None, "service.page-exists", params={"page": page})]
            )
            return None
        in_nav = uri == f"{self.config.services_dir.strip('/')}/index.md"
        inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
        if isinstance(content, Path):
            file = File.generated(config, uri, abs_src_path=str(content), inclusion=inclusion)
        else:
            file = File.generated(config, uri, content=content, inclusion=inclusion)
        other = self.dests.setdefault(file.dest_uri, uri)
        if other != uri:
            # Lists are added first: the clash is a service file, or a hand-written page.
            where, listing = (source, other) if source else (other, uri)
            params = {"url": file.url, "page": repo_path(docs_rel, listing)}
            problem = Problem(repo_path(docs_rel, where), None, "page.listing-clash", params=params)
            self.reporter.report([problem])
            return None
        file.edit_uri = source
        files.append(file)
        return file

    @event_priority(GATE_PRIORITY)
    def _stop_on_errors(self, files: Files, *, config: MkDocsConfig) -> None:
        self.reporter.stop_if_errors(config)

    on_files = CombinedEvent(_on_files, _stop_on_errors)
