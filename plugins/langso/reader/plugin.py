"""``langso/reader``: reader comfort on every page.

- ``on_config``: registers ``assets/langso/reader.css`` and ``reader.js``.
- ``on_files``: adds them.
- ``on_post_page``: the inline ``<head>`` script applying the saved font size and contrast
  before the first paint, the Open Graph tags, the toolbar (A−, A, A+, contrast, share) under
  the header, the page's critical CSS inline (``critical_css``), and (``defer_theme_js``)
  Material's script and full stylesheets loaded on the first interaction.
- ``on_post_page`` again, last (priority -100): the page's first load, measured on the HTML
  MkDocs then writes; ``on_post_build`` checks them all against ``budget_kb``.
- ``on_post_build`` again, last (priority -100): the built folder's files counted and weighed
  against the host's limits (``host``; :mod:`langso.reader.hostcheck`, :mod:`langso.hosts`).
- ``on_page_content``: each Markdown table, which scrolls sideways on its own, focusable
  (:mod:`langso.reader.tables`), so a keyboard can scroll it.
- Every page (and the 404 page): Material's chrome cleaned for the Nu HTML Checker
  (:mod:`langso.reader.chrome`: no empty footer strip, no label pointing at nothing).
- ``on_post_template``: the 404 page (:mod:`langso.reader.notfound`) in Vietnamese with a search
  box, the village's help number and links home and to the directory, given the same first load
  as other pages (head script, toolbar, critical CSS, deferred theme) and the same budget; its
  links are absolute paths under ``site_url``'s path, as the host serves it at any depth.

What is read from each page's HTML (where each change goes, the names its critical CSS
needs, gzip sizes) is kept in ``.cache/langso/memo/reader.json`` under a digest of the HTML
(:class:`langso.cache.Memo`): a rebuild reads and compresses only the pages that changed.
"""

from __future__ import annotations

import os
from importlib.resources import files as package_files
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from langso.adapter import (
    cache_folder,
    in_post_page_chain,
    keep_recalls,
    log,
    post_page_chain,
    site_root,
)
from langso.cache import Memo, Recall, digest, text_digest
from langso.edits import EditChain, edits_key
from langso.previews import CardStore
from langso.reader.budget import FirstLoad, budget_message, first_load, over_budget
from langso.reader.chrome import chrome_edits
from langso.reader.config import ReaderConfig
from langso.reader.hostcheck import host_findings
from langso.reader.markup import (
    Edit,
    apply_edits,
    controls_edit,
    controls_html,
    critical_css_edits,
    head_edit,
    head_script,
    og_tags,
    theme_loader,
    theme_loader_place,
)
from langso.reader.notfound import (
    directory_page,
    help_line,
    manifest_links,
    not_found_body,
    not_found_edits,
    search_page,
)
from langso.reader.opengraph import Previews, PreviewSite
from langso.reader.pagecss import PageCss
from langso.reader.tables import focusable_tables

__all__ = ["ReaderPlugin"]

ASSETS = ("reader.js", "reader.css")


class _Settings(NamedTuple):
    """What each page reads of the configuration, read once a build (options of a MkDocs
    config are descriptors: reading them for every page of a large site adds up)."""

    site_url: str
    site_name: str
    site_dir: str
    og_image: str | None
    share: bool
    defer_theme_js: bool
    critical_css: bool
    budget_kb: int


# A page's changes are made again from its plan (the memo) each build, not kept: kept, every
# page's tags were held to the end of the build and written again (5.4 MB at N = 3,000).


class ReaderPlugin(BasePlugin[ReaderConfig]):
    """Font size, contrast, sharing and a lighter first load; see the module docstring."""

    def __init__(self) -> None:
        # (source file, first-load weight) of each page over ``budget_kb``
        self.over_budget: list[tuple[str, FirstLoad]] = []
        self.css = PageCss()  # the built stylesheets and scripts, read once a build
        self.previews = Previews()  # descriptions, Open Graph values, cards
        # the page _on_post_page returned last, and its key
        self.rendered: tuple[str, str] | None = None
        # digest of the site's stylesheets and scripts (names and bytes), set each build
        self.assets_key = ""
        self.settings = _Settings("", "", "", None, True, True, True, 35)  # set each build
        self.assets: dict[tuple[str, int], tuple[int, int] | None] = {}
        self.memo: Memo | None = None
        self.dirty = False
        self.chain = EditChain()  # planned each build

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether builds are dirty (only changed pages rendered)."""
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Register the script and the stylesheet."""
        for name in ASSETS:
            uri = f"assets/langso/{name}"
            target = config.extra_javascript if name.endswith(".js") else config.extra_css
            if uri not in [str(item) for item in target]:
                target.append(uri)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add the script and the stylesheet."""
        for name in ASSETS:
            content = package_files("langso.reader").joinpath(f"assets/{name}").read_text("utf-8")
            files.append(File.generated(config, f"assets/langso/{name}", content=content))
        return files

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> None:
        """Note the key of the site's stylesheets and scripts: what a page's critical CSS and
        first load depend on besides the page itself."""
        self.assets_key = digest(
            *(
                part
                for file in sorted(files, key=lambda f: f.dest_uri)
                if file.dest_uri.endswith((".css", ".js"))
                for part in (file.dest_uri, file.content_bytes)
            )
        )

    @event_priority(-100)
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Make each Markdown table, which the theme lets scroll sideways, reachable by keyboard
        (:func:`langso.reader.tables.focusable_tables`). Priority -100: after the plugins that
        write tables into a page."""
        return focusable_tables(html)

    @event_priority(-50)
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """Give a page without a description its own, from its first paragraph
        (:func:`langso.previews.own_description`): the theme's ``<meta name="description">``
        and the Open Graph tags then show it rather than the site's.

        Priority -50: after the plugins that give their generated pages a description."""
        self.previews.describe(page)
        return context

    # After the other plugins, so the critical CSS sees the markup and scripts they add.
    @in_post_page_chain
    @event_priority(-90)
    def _on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Add the head script, the Open Graph tags and the toolbar, the critical CSS; defer
        Material's script and full stylesheets: every change found on the page as given (with
        those our plugins before found, :class:`langso.edits.EditChain`) and made in one pass.

        What the page needs (where each change goes, the name of its critical CSS) is
        remembered under a key of everything it comes from: the page, its content, its address
        and title, the options and the site's stylesheets and scripts. A rebuild reads no page
        it has seen."""
        memo = self._memo(config)
        root = site_root(page.url)
        settings = self.settings
        site = settings.site_url
        description = page.meta.get("description")
        content = page.content or ""
        inputs = [
            root,
            site + page.url if site else None,
            page.title or settings.site_name,
            description if isinstance(description, str) else None,
            page.is_homepage,
            settings.site_name,
            site,
            settings.og_image,
            settings.share,
            settings.defer_theme_js,
            settings.critical_css,
            # what the preview shows besides the content (langso.previews)
            *self.previews.key_parts(page),
        ]
        found = self.chain.receive(output)
        key = memo.key(
            "page",
            text_digest(output),
            edits_key(found),
            text_digest(content),
            inputs,
            self.assets_key,
        )
        edits = self._page_edits(output, found, key, page, config)
        # the site's one card, or none (the page shows its photo): a scan of the page's content,
        # cheaper than keeping it
        self.previews.publish(self.previews.preview(page)[1], settings.site_dir)
        output = self.chain.hand_on(self._on_post_page, output, (*found, *edits))
        self.rendered = (output, key)
        return output

    def _page_edits(
        self,
        base: str,
        found: tuple[Edit, ...],
        key: str,
        page: Page,
        config: MkDocsConfig,
    ) -> tuple[Edit, ...]:
        """The changes to the page ``base`` (which will also get the edits ``found`` by our
        plugins before): by its plan (remembered under ``key``, else found by reading it) and
        its critical CSS."""
        memo = self._memo(config)
        folder = os.path.dirname(os.path.join(self.settings.site_dir, page.file.dest_uri))
        made: list[list[Edit]] = []  # the edits a plan made now found (not made twice)
        plan: dict[str, Any] = memo.get(key, lambda: self._plan(base, found, page, config, made))
        edits = made[0] if made else self._edits(plan, page, config)
        if plan["css"]:
            css_key, links = plan["css"]
            css = memo.get(css_key, lambda: self._css_again(base, [*found, *edits], folder))
            if css is not None:
                edits += critical_css_edits(base, css, [(a, b) for a, b in links])
        return tuple(edits)

    def _edits(self, plan: dict[str, Any], page: Page, config: MkDocsConfig) -> list[Edit]:
        """The head script and Open Graph tags, the toolbar and the theme's loader, where
        ``plan`` puts them."""
        root = site_root(page.url)
        (head, head_after), (controls, controls_after) = plan["head"], plan["controls"]
        head_tags = head_script(root) + og_tags(self.previews.open_graph(page))
        edits = [
            Edit(head, head, head_tags, head_after),
            Edit(controls, controls, controls_html(self.settings.share), controls_after),
        ]
        if plan["theme"]:
            start, end, src = plan["theme"]
            edits.append(Edit(start, end, theme_loader(src)))
        edits += (Edit(start, end, text) for start, end, text in plan.get("chrome", ()))
        return edits

    def _plan(
        self,
        page_html: str,
        found: tuple[Edit, ...],
        page: Page,
        config: MkDocsConfig,
        made: list[list[Edit]],
    ) -> dict[str, Any]:
        """What the page needs, found by reading it: where the head tags, the toolbar and the
        theme's loader go, and (when ``critical_css``) the name of its critical CSS (for the
        page with the edits ``found`` before too) and the links it replaces (``None`` when one
        of its stylesheets cannot be read: the page keeps the theme's links). The plan's own
        edits (:meth:`_edits`) are appended to ``made``.

        Not the summary of its content: the previews find the description
        (:mod:`langso.previews`), and a summary kept here was read by nothing."""
        plan: dict[str, Any] = {}
        head, controls = head_edit(page_html, ""), controls_edit(page_html, "")
        plan["head"] = [head.start, head.after]
        plan["controls"] = [controls.start, controls.after]
        settings = self.settings
        place = theme_loader_place(
            page_html, script=settings.defer_theme_js, styles=settings.critical_css
        )
        plan["theme"] = list(place) if place else None
        plan["chrome"] = [list(edit[:3]) for edit in chrome_edits(page_html)]
        plan["css"] = None
        made.append(self._edits(plan, page, config))
        if settings.critical_css:
            folder = os.path.dirname(os.path.join(settings.site_dir, page.file.dest_uri))
            edits = [*found, *made[0]]
            critical = self.css.find(page_html, edits, folder)
            if critical is not None:
                css_key, css, links = critical
                memo = self._memo(config)
                memo.get(css_key, lambda: css)
                plan["css"] = [css_key, [list(link) for link in links]]
        return plan

    def _css_again(self, page_html: str, edits: list[Edit], folder: str) -> str | None:
        """The critical CSS of a page whose plan was remembered but not its CSS (a damaged
        memo): found again."""
        critical = self.css.find(page_html, edits, folder)
        return critical[1] if critical else None

    @event_priority(-100)
    def _measure(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Weigh the page as it will be written (after every other plugin changed it)."""
        budget_kb = self.settings.budget_kb
        if not budget_kb:
            return output
        memo = self._memo(config)
        # The page as _on_post_page left it is known by its key; any other page is read. The
        # files it loads are known by the key of the site's stylesheets and scripts.
        rendered = self.rendered[1] if self.rendered and output is self.rendered[0] else None
        dest = os.path.join(self.settings.site_dir, page.file.dest_uri)

        def measure(level: int) -> FirstLoad:
            found: list[int] = memo.get(
                f"load{level}:{rendered}"
                if rendered
                else memo.key("load", level, output, self.assets_key),
                lambda: list(first_load(dest, output, level=level, assets=self.assets)),
            )
            return FirstLoad(*found)

        weight = over_budget(measure, budget_kb * 1000)
        if weight:
            self.over_budget.append((page.file.src_uri, weight))
        return output

    on_post_page = CombinedEvent(_on_post_page, _measure)

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        """Material's 404 page: in Vietnamese, helpful (:func:`not_found_body`), with the first
        load of any other page, weighed against ``budget_kb``. MkDocs builds it after copying
        the theme's and our files and before the pages."""
        if template_name != "404.html":
            return output_content
        page_html = output_content
        root = urlsplit(config.site_url or "").path or "/"
        settings = self.settings
        body = not_found_body(
            root,
            search=search_page(config.plugins, root),
            help_line=help_line(config.extra, root),
            directory=directory_page(config.plugins, config.use_directory_urls, root),
        )
        edits = [
            *not_found_edits(page_html, body),
            *chrome_edits(page_html),
            head_edit(page_html, head_script(root) + manifest_links(config.plugins, root)),
            controls_edit(page_html, controls_html(False)),
        ]
        place = theme_loader_place(
            page_html, script=settings.defer_theme_js, styles=settings.critical_css
        )
        if place:
            edits.append(Edit(place[0], place[1], theme_loader(place[2])))
        if settings.critical_css:
            found = self.css.find(page_html, edits, settings.site_dir, root)
            if found is not None:
                _, css, links = found
                edits += critical_css_edits(page_html, css, links)
        output = apply_edits(page_html, edits)
        if settings.budget_kb:
            dest = os.path.join(settings.site_dir, "404.html")
            weight = over_budget(
                lambda level: first_load(dest, output, level=level, assets=self.assets, root=root),
                settings.budget_kb * 1000,
            )
            if weight:
                self.over_budget.append(("404.html", weight))
        return output

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Forget the previous build's pages and files (``mkdocs serve`` builds many times)."""
        keep_recalls(config)
        self.chain = post_page_chain(config)
        self.over_budget = []
        self.css.new_build()
        self.assets = {}
        self.memo = None
        self.rendered = None
        self.previews.new_build(
            PreviewSite(
                site_url=config.site_url or "",
                site_name=config.site_name,
                og_image=self.config.og_image,
                site_description=config.site_description or "",
            ),
            CardStore(cache_folder(config, "og")),
        )
        self.settings = _Settings(
            site_url=config.site_url or "",
            site_name=config.site_name,
            site_dir=config.site_dir,
            og_image=self.config.og_image,
            share=self.config.share,
            defer_theme_js=self.config.defer_theme_js,
            critical_css=self.config.critical_css,
            budget_kb=self.config.budget_kb,
        )

    def _memo(self, config: MkDocsConfig) -> Memo:
        if self.memo is None:
            folder = cache_folder(config, "memo")
            # the plugin too: it decides what the memo's values are
            code = (
                "reader/plugin.py",
                "reader/markup.py",
                "reader/budget.py",
                "reader/critical.py",
                "reader/chrome.py",
                "reader/opengraph.py",
                "reader/pagecss.py",
                "pageassets.py",
                "edits.py",
                "previews.py",
                "previewcard.py",
            )
            self.memo = Memo(folder / "reader.json", code=code, libraries=("tinycss2",))
        return self.memo

    def _on_post_build(self, *, config: MkDocsConfig) -> None:
        """Report the pages whose first load is over ``budget_kb`` (measured as each page was
        written, :func:`langso.reader.budget.over_budget`).

        Raises:
            PluginError: listing each page over the budget with its weight, in Vietnamese and
                English.
        """
        self._memo(config).save(prune=not self.dirty)
        if self.previews.cards is not None and not self.dirty:
            self.previews.cards.cache.prune()
        self.previews.seen = None
        Recall.save_all()
        self.css.forget_unused()
        self.rendered = None
        if self.over_budget:
            raise PluginError(budget_message(self.over_budget, self.config.budget_kb))

    @event_priority(-100)
    def _check_host(self, *, config: MkDocsConfig) -> None:
        """The built folder against its host's limits (:mod:`langso.reader.hostcheck`): a
        notice (INFO, never failing ``--strict``) from 80 % of a limit. Priority -100: after
        every plugin wrote its files.

        Raises:
            PluginError: each limit the site is over, in Vietnamese and English.
        """
        warnings, error = host_findings(
            config.site_dir,
            host=self.config.host,
            site_url=config.site_url,
            max_files=self.config.host_max_files,
            max_total_mb=self.config.host_max_total_mb,
        )
        for warning in warnings:
            log.info(warning)
        if error:
            raise PluginError(error)

    on_post_build = CombinedEvent(_on_post_build, _check_host)
