"""``langso/content``: NFC everywhere, one slug rule, strict front matter, the village file.

- ``on_config``: headings get ids from :func:`langso.text.slugify` (C-01).
- ``on_files``: file names are read as NFC, so a link typed in NFC finds a file saved in NFD (C-03);
  pages and files are published under ASCII URLs; every page's front matter is checked (C-09) and
  ``village.yml`` is loaded into ``config.extra["village"]`` for the other plugins and the theme.
  A folder with more pages than ``nav_section_limit`` gets its full list, paginated, on its index
  page (:mod:`langso.sections`).
- ``on_page_read_source``: MkDocs receives the checked, NFC source read in ``on_files``.
- ``on_page_markdown`` and ``on_page_content``: every title and description from content reaches
  the theme as HTML text escaped once (:mod:`langso.escaping`): Material prints them unescaped.
  With ``strict_html``, a page body holding a script, an event handler or a script URL is a
  located error (:mod:`langso.strict_html`); always so for the pages of a section that adds
  front-matter keys (notices, events: :data:`langso.frontmatter.SECTION_KEYS`). A guide
  (:mod:`langso.guides`) gets its "Cần chuẩn bị" box under the title and big numbered steps;
  after the search index has read it (priority -50), its "Cần giúp?" box from
  ``config.extra["langso_help"]`` (:mod:`langso.helpline`).
- ``on_nav`` and ``on_page_context``: each page's template gets its own copy of the navigation in
  which a section bigger than ``nav_section_limit`` shows only its index page, a window of
  neighbours around the current page and a link to the full list; the shared navigation is never
  changed. Pages so stay the same size however many pages the site has
  (:mod:`langso.content.nav.adapter`). In a dirty build (``langso serve``) ``on_nav`` also
  removes the published file of each page older than ``village.yml``, the home picture or the
  helper's entry, so it is rendered again (:mod:`langso.content.stale`), and leaves ``404.html``
  unrendered unless one of those, ``mkdocs.yml`` or the theme's templates changed since.
"""

from __future__ import annotations

import fnmatch
import os
import posixpath
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from importlib.resources import files as package_files
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import dirname_to_title, get_relative_url
from mkdocs.utils.templates import TemplateContext

from langso.adapter import (
    BUILD_LOG,
    GATE_PRIORITY,
    Reporter,
    content_location,
    keep_recalls,
    keep_titles,
    log,
    render_only_changed,
    titles_of_unread_pages,
)
from langso.cache import Recall
from langso.checking import Translator
from langso.content.adapter import (
    css_file,
    home_html,
    is_index,
    register_css,
    with_cards,
)
from langso.content.config import ContentConfig
from langso.content.nav.adapter import NavWindow, sections
from langso.content.stale import keeps_error_page, remove_stale
from langso.escaping import html_text, page_title_html, safe_edit_url
from langso.frontmatter import (
    SECTION_KEYS,
    CheckedPage,
    check_page,
    icon_problem,
    read_page,
    section_keys_for,
    template_problem,
)
from langso.geomap.directions import with_directions, with_directions_script
from langso.geomap.places import LANDMARKS_KEY, Landmark
from langso.guides import (
    NEED_KEY,
    help_box_html,
    help_line_html,
    is_guide,
    mark_steps,
    with_help_box,
    with_need_box,
)
from langso.helpline import HELP_KEY, HELP_WANTED_KEY, Help
from langso.listing import listing_uri
from langso.paths import ascii_page_uri, repo_path
from langso.problems import Problem
from langso.sectionindex import index_title
from langso.sections import LISTING_HEADING, ListedPage, linked_uris, section_listing
from langso.strict_html import unsafe_html_problems
from langso.text import nfc, slugify
from langso.textfile import decode_text
from langso.village import VILLAGE_FILE, Village, read_village

__all__ = ["ContentPlugin"]

_CHECKED: Recall[CheckedPage] = Recall("checked-pages")
"""Pages checked by the earlier builds of this process (``mkdocs serve``), by content."""

GUIDES_CSS = "assets/langso/guides.css"
"""The guides' stylesheet (big numbered steps, the "Cần chuẩn bị" and "Cần giúp?" boxes)."""

ESCAPED_META = ("title", "description", "subtitle")
"""Front-matter keys the theme prints unescaped (Material's ``base.html``, ``header.html``,
``nav-item.html``): handed to it as HTML text (:func:`langso.escaping.html_text`)."""


class ContentPlugin(BasePlugin[ContentConfig]):
    """Applies the Vietnamese text rules to every page; see the module docstring."""

    def __init__(self) -> None:
        self.reporter = Reporter()
        self.sources: dict[str, str] = {}
        self.titles: dict[str, str] = {}
        # src_uri → (the file as written, its body's first line): where strict_html locates
        self.written: dict[str, tuple[str, int]] = {}
        # folder → (src_uri of its full list's first page, anchor of the list on it)
        self.listings: dict[str, tuple[str, str]] = {}
        # src_uri → the page's place, when its front matter has `toa_do` (langso.geomap)
        self.landmarks: dict[str, Landmark] = {}
        self.window = NavWindow()
        self.built_pages: list[Page] = []  # this build's pages, their titles kept after it
        self.error_page_kept = False  # 404.html left out of this build's theme templates

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Make :func:`langso.text.slugify` the heading-id rule of the ``toc`` extension.

        Raises:
            PluginError: when ``nav_section_limit`` is negative or ``listing_page_size`` below 1.
        """
        if self.config.nav_section_limit < 0 or self.config.listing_page_size < 1:
            raise PluginError(
                "langso/content: nav_section_limit phải ≥ 0 và listing_page_size ≥ 1"
                " / nav_section_limit must be ≥ 0 and listing_page_size ≥ 1"
            )
        if "toc" not in config.markdown_extensions:
            config.markdown_extensions.append("toc")
        toc = config.mdx_configs.setdefault("toc", {})
        toc["slugify"] = slugify
        toc.setdefault("permalink_title", "Liên kết tới mục này")
        register_css(config)
        if GUIDES_CSS not in [str(item) for item in config.extra_css]:
            config.extra_css.append(GUIDES_CSS)
        return config

    @event_priority(100)
    def _on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """First of all plugins: rename files to NFC and ASCII URLs, check pages, load the village.

        Priority 100 so that the other plugins see final URLs and generate pages after it.
        """
        self.reporter.reset(config)
        keep_recalls(config)
        self.sources = {}
        self.titles = {}
        self.written = {}
        self.listings = {}
        self.landmarks = {}
        docs_dir, docs_rel = content_location(config)
        found = read_village(docs_dir, docs_rel)
        self.reporter.report(found.problems)
        config.extra["village"] = found.village
        config.extra[HELP_WANTED_KEY] = (found.help_service, found.help_line)
        kept: list[File] = []
        urls: dict[str, str] = {}
        _CHECKED.new_round()
        in_docs: dict[str, bool] = {}  # src_dir → whether it is docs_dir
        for file in files:
            if file.src_uri == VILLAGE_FILE:
                continue
            if _is_leftover(file.src_uri):
                where = repo_path(docs_rel, file.src_uri)
                log.info(f"{where}: tệp sao lưu, không đăng / a backup file, not published")
                continue
            src_dir = file.src_dir
            if src_dir is not None and src_dir not in in_docs:
                in_docs[src_dir] = os.path.samefile(src_dir, config.docs_dir)
            if src_dir is not None and in_docs[src_dir]:
                self._normalise(file, config)
            if file.generated_by is None:
                clash = urls.setdefault(file.dest_uri, file.src_uri)
                if clash != file.src_uri:
                    self.reporter.report([_url_clash(docs_rel, file.src_uri, clash, file.url)])
                if file.is_documentation_page():
                    self._check_page(file, docs_rel, config)
            kept.append(file)
        if self.config.nav_section_limit > 0:
            kept += self._listings(kept, config, docs_rel)
        kept.append(css_file(config))
        css = package_files("langso").joinpath("assets/guides.css").read_text("utf-8")
        kept.append(File.generated(config, GUIDES_CSS, content=css))
        sources = {f.src_uri: f.abs_src_path for f in kept if f.abs_src_path is not None}
        config_path = Path(config.config_file_path)
        BUILD_LOG.start(Translator(docs_dir, docs_rel, config_path, sources, set()))
        config.extra[LANDMARKS_KEY] = self.landmarks  # the pages with `toa_do`: langso.geomap
        return Files(kept)

    @event_priority(GATE_PRIORITY)
    def _stop_on_errors(self, files: Files, *, config: MkDocsConfig) -> None:
        self.reporter.stop_if_errors(config)

    on_files = CombinedEvent(_on_files, _stop_on_errors)

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """Hand MkDocs the NFC source with checked front matter (see :func:`mkdocs_source`)."""
        return self.sources.get(page.file.src_uri)

    @event_priority(100)
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Escape the front matter's ``title``, ``description`` and ``subtitle`` once, before any
        plugin or the theme reads them (:data:`ESCAPED_META`), and percent-encode the file's path
        in the "edit this page" link (:func:`langso.escaping.safe_edit_url`).

        Priority 100: first, so every plugin sees ``page.title`` as HTML text.
        """
        for key in ESCAPED_META:
            value = page.meta.get(key)
            if value is not None:
                page.meta[key] = html_text(value if isinstance(value, str) else str(value))
        if page.edit_url:
            page.edit_url = safe_edit_url(page.edit_url, page.file.edit_uri)
        if is_index(page):  # lists of links to pages become cards (langso.cards)
            markdown = with_cards(markdown, page, files, self.sources)
        return markdown

    @event_priority(100)
    def _on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Make the title of a page without a front-matter or ``nav`` title safe HTML text; with
        ``strict_html``, report what in the body runs script.

        A title from the first heading is HTML text with its entities but may keep a stray
        ``<``; one from the file name is plain text. Each becomes the canonical HTML text
        (:func:`langso.escaping.page_title_html`), and, except on the home page (whose window
        title is the site's name), ``page.meta["title"]`` too: Material prints ``page.title``
        through ``striptags`` in ``<title>``, which decodes ``&lt;`` back into ``<``.

        Priority 100: before the other plugins read ``page.title`` (search, reader).
        """
        if "title" not in page.meta and "title" not in vars(page):  # not given by content
            from_heading = bool(getattr(page, "_title_from_render", None))
            title = page_title_html(page.title or "", is_html=from_heading)
            page.title = title
            if not page.is_homepage:
                page.meta["title"] = title
        written = self.written.get(page.file.src_uri)
        if written is not None and page.file.generated_by is None:
            text, body_line = written
            rel = repo_path(content_location(config)[1], page.file.src_uri)
            self.reporter.report(unsafe_html_problems(html, text, body_line, rel))
        if page.is_homepage:  # picture, emergency calls, tiles (langso.home)
            html = home_html(html, page, config, files)
        if is_guide(page.file.src_uri, page.meta):
            html = mark_steps(with_need_box(html, page.meta.get(NEED_KEY) or []))
        return html

    @event_priority(-50)
    def _guide_help(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """End a guide with the "Cần giúp?" box (:func:`langso.guides.help_box_html`).

        Priority -50: after the search plugin has indexed the page, so the same box on every
        guide is no search result; before the reader reads the page's markup.
        """
        help = config.extra.get(HELP_KEY)
        if not isinstance(help, Help) or not is_guide(page.file.src_uri, page.meta):
            return html
        href = get_relative_url(help.url, page.url)
        return with_help_box(html, help_box_html(help, href), help_line_html(help, href))

    @event_priority(-50)
    def _directions(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """A page with ``toa_do`` gets "Chỉ đường" under its title, and every page with such a
        link (a service's too) the few lines that open the phone's map app
        (:mod:`langso.geomap.directions`). Priority -50: not in the search index."""
        landmark = self.landmarks.get(page.file.src_uri)
        if landmark is not None and page.file.generated_by is None:
            html = with_directions(html, landmark.lat, landmark.lon)
        return with_directions_script(html)

    on_page_content = CombinedEvent(_on_page_content, _guide_help, _directions)

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> None:
        """Stop the build on a ``strict_html`` error: every page is rendered, none written yet.

        Raises:
            PluginError: when any page was reported (see :meth:`Reporter.stop_if_errors`).
        """
        self.reporter.stop_if_errors(config)

    def _normalise(self, file: File, config: MkDocsConfig) -> None:
        """NFC ``src_uri``; ASCII URL for pages and for non-ASCII files (of ``docs_dir``: theme
        assets and ASCII static files keep their paths, templates name them literally)."""
        file.abs_src_path = file.abs_src_path  # pin the real (maybe NFD) path before renaming
        file.src_uri = nfc(file.src_uri)
        self._publish_ascii(file, config)

    def _publish_ascii(self, file: File, config: MkDocsConfig) -> None:
        """Give a page, or a file whose name needs it, the ASCII URL of its ``src_uri``."""
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

    def _check_page(self, file: File, docs_rel: str, config: MkDocsConfig) -> bool:
        """Check the page ``file`` and keep its checked source; ``False`` when it cannot be read
        as text at all (its problem is reported)."""
        rel = repo_path(docs_rel, file.src_uri)
        text, problems = decode_text(file.content_bytes, rel)
        if text is None:
            self.reporter.report(problems)
            # Kept (a plaque or a link to it is no second error), but MkDocs must not read the
            # bytes itself and add its own "Encoding error": it gets an empty source.
            self.sources[file.src_uri] = ""
            return False
        needs_sources = self._needs_sources(file.src_uri)
        guide = is_guide(file.src_uri, {})
        sections = section_keys_for(file.src_uri, config.extra.get(SECTION_KEYS) or {})
        page = check_page(
            text,
            rel,
            needs_sources=needs_sources,
            recall=_CHECKED,
            guide=guide,
            sections=sections,
        )
        self.reporter.report(page.problems)
        if page.template is not None:  # checked each build: the theme's files may have changed
            custom = config.theme.custom_dir
            root = os.path.dirname(config.config_file_path)
            shown = os.path.relpath(custom, root) if custom else None
            missing = template_problem(rel, page.template, config.theme.dirs, shown)
            self.reporter.report([missing] if missing else [])
        if page.icon is not None:
            missing = icon_problem(rel, page.icon, config.theme.dirs)
            self.reporter.report([missing] if missing else [])
        if page.title:
            self.titles[file.src_uri] = page.title
        if page.location is not None:
            lat, lon, line = page.location
            name = page.title or _file_title(file.src_uri)
            self.landmarks[file.src_uri] = Landmark(file.src_uri, name, lat, lon, rel, line)
        self.sources[file.src_uri] = page.source
        # Notices and events (a section's pages: issue 15) are posted in haste from a phone, often
        # pasted from a chat: they never run script, whatever `strict_html` says.
        if self.config.strict_html or sections.own:
            self.written[file.src_uri] = (text, read_page(text, rel, sections)[0].body_line)
        return True

    def _listings(self, files: list[File], config: MkDocsConfig, docs_rel: str) -> list[File]:
        """The full list of each folder with more pages than ``nav_section_limit``: added to its
        ``index.md`` (made when missing), continued on generated ``trang-<k>/`` pages."""
        members: defaultdict[str, list[File]] = defaultdict(list)
        indexes: dict[str, File] = {}
        for file in files:
            if not file.is_documentation_page() or file.inclusion.is_excluded():
                continue
            folder, name = posixpath.split(file.src_uri)
            if posixpath.splitext(name)[0] in ("index", "README"):
                indexes[folder] = file
                if folder:  # a sub-folder is a child of its parent's section
                    members[posixpath.dirname(folder)].append(file)
            else:
                members[folder].append(file)
        dests = {file.dest_uri: file for file in files}
        added: list[File] = []
        for folder, pages in members.items():
            index = indexes.get(folder)
            if len(pages) <= self.config.nav_section_limit or (
                index is not None
                and {p.src_uri for p in pages}
                <= linked_uris(self.sources.get(index.src_uri, ""), index.src_uri)
            ):
                continue
            listed = [
                ListedPage(self.titles.get(p.src_uri) or _file_title(p.src_uri), p.src_uri)
                for p in pages
            ]
            title = dirname_to_title(posixpath.basename(folder)) if folder else config.site_name
            listing = section_listing(
                folder, title, listed, self.config.listing_page_size, has_index=index is not None
            )
            for uri, markdown in listing:
                if index is not None and uri == listing_uri(folder, 1):
                    if index.src_uri in self.sources:  # else unreadable: reported, build stops
                        self.sources[index.src_uri] += f"\n\n{markdown}"
                    continue
                # A page made for a folder shows in a navigation made from the folders.
                in_nav = index is None and uri == listing_uri(folder, 1) and config.nav is None
                level = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
                file = File.generated(config, uri, content=markdown, inclusion=level)
                self._publish_ascii(file, config)
                clash = dests.get(file.dest_uri)
                if clash is not None:
                    where = repo_path(docs_rel, clash.src_uri)
                    params = {"url": file.url, "page": repo_path(docs_rel, uri)}
                    self.reporter.report(
                        [Problem(where, None, "page.listing-clash", params=params)]
                    )
                    continue
                added.append(file)
            anchor = slugify(LISTING_HEADING) if index is not None else ""
            first = index.src_uri if index is not None else listing_uri(folder, 1)
            self.listings[folder] = (first, anchor)
        return added

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Find the sections too big to show in full; make the copies pages outside them use."""
        BUILD_LOG.update({f.src_uri for f in files})
        self._remove_stale(files, config)
        self._keep_error_page(config)
        render_only_changed(files)  # a dirty build: generated pages as hand-written ones
        titles_of_unread_pages(nav.pages)  # a dirty build: pages not read keep their titles
        self.built_pages = nav.pages
        if config.nav is None:  # section titles are folder names, which the theme prints as HTML
            for section in sections(nav.items):
                index = next(
                    (c for c in section.children if isinstance(c, Page) and c.is_index), None
                )
                source = index.file.abs_src_path if index is not None else None
                found = index_title(source, index.file.src_uri) if index and source else None
                section.title = html_text(found or section.title)  # "Hướng dẫn", not "Huong dan"
        self.window.find(nav, files, self.config.nav_section_limit, self.listings)
        return nav

    def _remove_stale(self, files: Files, config: MkDocsConfig) -> None:
        """Before a dirty build renders the pages whose Markdown changed: remove the published
        file of each page older than ``village.yml``, the home picture or the helper's entry,
        so it is rendered too (:mod:`langso.content.stale`). Here, once ``langso/directory``
        has published the helper."""
        docs_dir = content_location(config)[0]
        village, help = config.extra.get("village"), config.extra.get(HELP_KEY)
        picture = village.picture if isinstance(village, Village) else None
        helper = help.source if isinstance(help, Help) else None
        remove_stale(
            ((f.src_uri, f.abs_dest_path) for f in files.documentation_pages()),
            docs_dir / VILLAGE_FILE,
            docs_dir / picture if picture else None,
            docs_dir / helper if helper else None,
            self.sources,
        )

    def _keep_error_page(self, config: MkDocsConfig) -> None:
        """A dirty build leaves ``404.html`` as it is unless what it shows changed
        (:func:`langso.content.stale.keeps_error_page`): MkDocs renders it every build."""
        self._restore_error_page(config)  # a failed build may have left it out
        docs_dir = content_location(config)[0]
        help = config.extra.get(HELP_KEY)
        helper = docs_dir / help.source if isinstance(help, Help) and help.source else None
        page = Path(config.site_dir) / "404.html"
        config_file = Path(config.config_file_path or "mkdocs.yml")
        if "404.html" in config.theme.static_templates and keeps_error_page(
            page, docs_dir / VILLAGE_FILE, config_file, helper, config.theme.dirs
        ):
            config.theme.static_templates.discard("404.html")
            self.error_page_kept = True

    def _restore_error_page(self, config: MkDocsConfig) -> None:
        """The next build of the same configuration decides again."""
        if self.error_page_kept:
            config.theme.static_templates.add("404.html")
            self.error_page_kept = False

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """Hand the theme this page's own copy of the navigation when a section is cut."""
        return self.window.page_context(context, page, nav)

    def on_build_error(self, *, error: Exception) -> None:
        """The build log is no longer this build's to translate."""
        BUILD_LOG.stop()

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Keep the checked pages for the next process (:class:`langso.cache.Recall`)."""
        BUILD_LOG.stop()
        self._restore_error_page(config)
        Recall.save_all()
        keep_titles(self.built_pages)
        self.built_pages = []


def _file_title(src_uri: str) -> str:
    """The title MkDocs gives a page without one: its file name, made readable."""
    return dirname_to_title(posixpath.splitext(posixpath.basename(src_uri))[0])


# Editors' and systems' leftovers, never meant for readers.
_LEFTOVERS = ("*.bak", "*~", "*.orig", "*.swp", "*.tmp", ".DS_Store", "Thumbs.db", "desktop.ini")


def _matches(uri: str, patterns: Iterable[str]) -> bool:
    return _glob(tuple(patterns)).match(uri) is not None


@lru_cache(maxsize=64)
def _glob(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for the fnmatch ``patterns``; case-insensitive where fnmatch is (Windows)."""
    flags = re.IGNORECASE if os.path.normcase("A") == "a" else 0
    return re.compile("|".join(fnmatch.translate(p) for p in patterns) or "(?!)", flags)


def _is_leftover(uri: str) -> bool:
    return _matches(posixpath.basename(uri), _LEFTOVERS)


def _needs_ascii(uri: str) -> bool:
    return not uri.isascii() or " " in uri


def _url_clash(docs_rel: str, src_uri: str, other: str, url: str) -> Problem:
    return Problem(
        repo_path(docs_rel, src_uri),
        None,
        "page.url-clash",
        params={"other": repo_path(docs_rel, other), "url": url},
    )
