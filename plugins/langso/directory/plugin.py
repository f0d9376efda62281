"""``langso/directory``: generate the directory pages from ``danh-ba/*.yml``.

- ``on_files`` (priority 0, after ``langso/content``): load and validate every service file and the
  categories, report every problem, drop the YAML sources from the site and add one generated
  page per service plus the index. A hand-written page is never overwritten: a clash is an error.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from langso.adapter import GATE_PRIORITY, Reporter, content_location
from langso.directory.config import DirectoryConfig
from langso.directory.model import load_directory
from langso.directory.render import index_markdown, service_markdown
from langso.paths import page_for_data_file, repo_path
from langso.problems import Problem
from langso.village import Village

__all__ = ["DirectoryPlugin"]


class DirectoryPlugin(BasePlugin[DirectoryConfig]):
    """Builds the services directory; see the module docstring."""

    def __init__(self) -> None:
        self.reporter = Reporter()

    @event_priority(0)
    def _on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.reporter.reset(config)
        if "village" not in config.extra:
            raise PluginError(
                "langso/directory cần plugin langso/content: thêm `- langso/content` vào `plugins`"
                " trong mkdocs.yml, trước langso/directory."
                " / langso/directory needs the langso/content plugin listed before it."
            )
        village = config.extra["village"]
        village = village if isinstance(village, Village) else None
        docs_dir, docs_rel = content_location(config)
        services_dir = self.config.services_dir.strip("/")
        directory, problems = load_directory(
            docs_dir, docs_rel, services_dir, self.config.categories_file
        )
        self.reporter.report(problems)

        data_prefix = services_dir + "/"
        for file in list(files):
            is_service = file.src_uri.startswith(data_prefix) and file.src_uri.endswith(
                (".yml", ".yaml")
            )
            if is_service or file.src_uri == self.config.categories_file:
                files.remove(file)

        index_uri = f"{services_dir}/index.md"
        pages = {index_uri: index_markdown(directory, index_uri, self.config.title, village)}
        sources: dict[str, str | None] = {index_uri: None}
        for entry in directory.entries:
            uri = page_for_data_file(entry.source)
            pages[uri] = service_markdown(entry, directory, index_uri, village)
            sources[uri] = entry.source
        for uri, markdown in pages.items():
            if uri in files.src_uris:
                source = sources[uri] or self.config.categories_file
                self.reporter.report(
                    [
                        Problem(
                            repo_path(docs_rel, source),
                            None,
                            "service.page-exists",
                            params={"page": repo_path(docs_rel, uri)},
                        )
                    ]
                )
                continue
            inclusion = InclusionLevel.UNDEFINED if uri == index_uri else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, uri, content=markdown, inclusion=inclusion)
            file.edit_uri = sources[uri]
            files.append(file)
        return files

    @event_priority(GATE_PRIORITY)
    def _stop_on_errors(self, files: Files, *, config: MkDocsConfig) -> None:
        self.reporter.stop_if_errors(config)

    on_files = CombinedEvent(_on_files, _stop_on_errors)
