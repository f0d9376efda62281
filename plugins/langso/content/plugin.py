"""``langso/content``: NFC everywhere, one slug rule, strict front matter, the village file.

- ``on_config``: headings get ids from :func:`langso.text.slugify` (C-01).
- ``on_files``: file names are read as NFC, so a link typed in NFC finds a file saved in NFD (C-03);
  pages and files are published under ASCII URLs; every page's front matter is checked (C-09) and
  ``village.yml`` is loaded into ``config.extra["village"]`` for the other plugins and the theme.
- ``on_page_read_source``: MkDocs receives the checked, NFC source read in ``on_files``.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import os
import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from langso.adapter import GATE_PRIORITY, Reporter, content_location, log
from langso.authoring import as_previewed
from langso.content.config import ContentConfig
from langso.frontmatter import mkdocs_source, read_page, sources_problems, title_problems
from langso.paths import ascii_page_uri, repo_path
from langso.problems import Problem
from langso.text import nfc, slugify
from langso.village import VILLAGE_FILE, load_village

__all__ = ["ContentPlugin"]


class ContentPlugin(BasePlugin[ContentConfig]):
    """Applies the Vietnamese text rules to every page; see the module docstring."""

    def __init__(self) -> None:
        self.reporter = Reporter()
        self.sources: dict[str, str] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Make :func:`langso.text.slugify` the heading-id rule of the ``toc`` extension."""
        if "toc" not in config.markdown_extensions:
            config.markdown_extensions.append("toc")
        toc = config.mdx_configs.setdefault("toc", {})
        toc["slugify"] = slugify
        toc.setdefault("permalink_title", "Liên kết tới mục này")
        return config

    @event_priority(100)
    def _on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """First of all plugins: rename files to NFC and ASCII URLs, check pages, load the village.

        Priority 100 so that the other plugins see final URLs and generate pages after it.
        """
        self.reporter.reset(config)
        self.sources = {}
        docs_dir, docs_rel = content_location(config)
        village, problems = load_village(docs_dir, docs_rel)
        self.reporter.report(problems)
        config.extra["village"] = village
        kept: list[File] = []
        urls: dict[str, str] = {}
        for file in files:
            if file.src_uri == VILLAGE_FILE:
                continue
            if _is_leftover(file.src_uri):
                where = repo_path(docs_rel, file.src_uri)
                log.info(f"{where}: tệp sao lưu, không đăng / a backup file, not published")
                continue
            self._normalise(file, config)
            if file.generated_by is None:
                clash = urls.setdefault(file.dest_uri, file.src_uri)
                if clash != file.src_uri:
                    self.reporter.report([_url_clash(docs_rel, file.src_uri, clash, file.url)])
                if file.is_documentation_page():
                    self._check_page(file, docs_rel)
            kept.append(file)
        return Files(kept)

    @event_priority(GATE_PRIORITY)
    def _stop_on_errors(self, files: Files, *, config: MkDocsConfig) -> None:
        self.reporter.stop_if_errors(config)

    on_files = CombinedEvent(_on_files, _stop_on_errors)

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """Hand MkDocs the NFC source with checked front matter (see :func:`mkdocs_source`)."""
        return self.sources.get(page.file.src_uri)

    def _normalise(self, file: File, config: MkDocsConfig) -> None:
        """NFC ``src_uri``; ASCII URL for pages and for non-ASCII files of ``docs_dir``.

        Theme assets and ASCII static files keep their paths: templates name them literally.
        """
        in_docs = file.src_dir is not None and os.path.samefile(file.src_dir, config.docs_dir)
        if not in_docs:
            return
        file.abs_src_path = file.abs_src_path  # pin the real (maybe NFD) path before renaming
        file.src_uri = nfc(file.src_uri)
        is_page = file.is_documentation_page()
        if not self.config.ascii_urls or not (is_page or _needs_ascii(file.src_uri)):
            return
        ascii_uri = ascii_page_uri(file.src_uri)
        if is_page:
            parent, name = posixpath.split(ascii_uri)
            stem = posixpath.splitext(name)[0]
            if stem in ("index", "README"):
                dest = posixpath.join(parent, "index.html")
            elif config.use_directory_urls:
                dest = posixpath.join(parent, stem, "index.html")
            else:
                dest = posixpath.join(parent, stem + ".html")
        else:
            dest = ascii_uri
        file.dest_uri = dest
        url = dest
        if config.use_directory_urls and posixpath.basename(dest) == "index.html":
            url = (posixpath.dirname(dest) or ".") + "/"
        file.url = url
        file.__dict__.pop("abs_dest_path", None)

    def _needs_sources(self, src_uri: str) -> bool:
        is_index = posixpath.basename(src_uri) in ("index.md", "README.md")
        return not is_index and _matches(src_uri, self.config.sources_required)

    def _check_page(self, file: File, docs_rel: str) -> None:
        rel = repo_path(docs_rel, file.src_uri)
        try:
            text = file.content_string
        except (OSError, ValueError):
            self.reporter.report([Problem(rel, None, "file.encoding")])
            return
        page, problems = read_page(text, rel)
        self.reporter.report(problems)
        if not any(p.severity == "error" for p in problems):
            self.reporter.report(title_problems(page, rel))
            if self._needs_sources(file.src_uri):
                self.reporter.report(sources_problems(page, rel))
        page = dataclasses.replace(page, body=as_previewed(page.body))
        self.sources[file.src_uri] = mkdocs_source(page)


# Editors' and systems' leftovers, never meant for readers.
_LEFTOVERS = ("*.bak", "*~", "*.orig", "*.swp", "*.tmp", ".DS_Store", "Thumbs.db", "desktop.ini")


def _matches(uri: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatch(uri, pattern) for pattern in patterns)


def _is_leftover(uri: str) -> bool:
    name = posixpath.basename(uri)
    return any(fnmatch.fnmatch(name, pattern) for pattern in _LEFTOVERS)


def _needs_ascii(uri: str) -> bool:
    return not uri.isascii() or " " in uri


def _url_clash(docs_rel: str, src_uri: str, other: str, url: str) -> Problem:
    return Problem(
        repo_path(docs_rel, src_uri),
        None,
        "page.url-clash",
        params={"other": repo_path(docs_rel, other), "url": url},
    )
