"""``langso/reader``: reader comfort on every page.

- ``on_config``: registers ``assets/langso/reader.css`` and ``reader.js``.
- ``on_files``: adds them.
- ``on_post_page``: the inline ``<head>`` script applying the saved font size and contrast
  before the first paint, the Open Graph tags, the toolbar (A−, A, A+, contrast, share) under
  the header, the page's critical CSS inline (``critical_css``), and (``defer_theme_js``)
  Material's script and full stylesheets loaded on the first interaction.
- ``on_post_page`` again, last (priority -100): the page's first load, measured on the HTML
  MkDocs then writes; ``on_post_build`` checks them all against ``budget_kb``.
- Every page (and the 404 page): Material's chrome cleaned for the Nu HTML Checker
  (:mod:`langso.reader.chrome`: no empty footer strip, no label pointing at nothing).
- ``on_post_template``: the 404 page (:mod:`langso.reader.notfound`) in Vietnamese with a search
  box, the village's help number and links home and to the directory, given the same first load
  as other pages (head script, toolbar, critical CSS, deferred theme) and the same budget; its
  links are absolute paths under ``site_url``'s path, as the host serves it at any depth.

What is read from each page's HTML (its description, first image, the names its critical CSS
needs, gzip sizes) is kept in ``.cache/langso/memo/reader.json`` under a digest of the HTML
(:class:`langso.cache.Memo`): a rebuild reads and compresses only the pages that changed.
"""

from __future__ import annotations

import os
import re
from importlib.resources import files as package_files
from typing import Any, NamedTuple
from urllib.parse import urljoin, urlsplit

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
    post_page_chain,
    site_root,
)
from langso.cache import Memo, Recall, digest, text_digest
from langso.edits import EditChain, edits_key
from langso.escaping import plain_text
from langso.offline.build import ICON_URIS, WEBMANIFEST_URI
from langso.pageassets import references
from langso.previews import (
    CARD_SIZE,
    Card,
    CardStore,
    Photo,
    first_photo,
    own_description,
    preview_title,
)
from langso.reader.budget import FirstLoad, built_file, first_load, over_budget
from langso.reader.chrome import chrome_edits
from langso.reader.config import ReaderConfig
from langso.reader.critical import Stylesheet, critical_css, markup_names, script_names
from langso.reader.markup import (
    Edit,
    OpenGraph,
    apply_edits,
    controls_edit,
    controls_html,
    critical_css_edits,
    head_edit,
    head_script,
    og_image_url,
    og_tags,
    stylesheet_links,
    summarise,
    theme_loader,
    theme_loader_place,
)
from langso.reader.notfound import HelpLine, not_found_body, not_found_edits

__all__ = ["ReaderPlugin"]

ASSETS = ("reader.js", "reader.css")


def _style_attributes(page_html: str) -> str:
    """The page's ``style`` attributes: the custom properties they use must stay defined."""
    return " ".join(re.findall(r'style="([^"]*)"', page_html))


def _under(href: str, root: str | None) -> str | None:
    """``href`` relative to the site root when it is an absolute path under ``root``;
    ``None`` for another absolute path; as it is without ``root``."""
    if root is None or not href.startswith("/"):
        return href
    return href[len(root) :] if href.startswith(root) else None


def _search_page(config: MkDocsConfig, root: str) -> str | None:
    """The absolute path of ``langso/search``'s full search page, if the site uses it."""
    plugin = config.plugins.get("langso/search")
    url = getattr(plugin, "search_url", None) if plugin is not None else None
    return root + url if isinstance(url, str) else None


def _help_line(config: MkDocsConfig, root: str) -> HelpLine | None:
    """The village's helper (``config.extra["langso_help"]``, :class:`langso.helpline.Help`,
    published by ``langso/directory``), its page an absolute path; ``None`` without one."""
    found = config.extra.get("langso_help")
    if found is None or not isinstance(getattr(found, "url", None), str):
        return None
    phones = tuple((phone.display, phone.tel) for phone in getattr(found, "phones", ()))
    name = getattr(found, "name", None)
    sample = bool(getattr(found, "sample", False))
    return HelpLine(name if isinstance(name, str) else None, phones, root + found.url, sample)


def _directory_page(config: MkDocsConfig, root: str) -> str | None:
    """The absolute path of the directory's index (``danh-ba/``) when ``langso/directory``
    makes one."""
    if "langso/directory" not in config.plugins:
        return None
    return root + ("danh-ba/" if config.use_directory_urls else "danh-ba/index.html")


def _manifest_links(config: MkDocsConfig, root: str) -> str:
    """The web app manifest and icon links ``langso/offline`` gives every page, absolute."""
    if "langso/offline" not in config.plugins:
        return ""
    return (
        f'<link rel="manifest" href="{root}{WEBMANIFEST_URI}">'
        f'<link rel="apple-touch-icon" href="{root}{ICON_URIS[192]}">'
    )


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
    site_description: str = ""


_EDITS: Recall[tuple[Edit, ...]] = Recall("reader-edits")
"""Each page's changes by the key of its plan: a page seen by an earlier build (of this process
or, through ``.cache/langso/recall``, of the last one) is changed without reading its plan or
making its tags again."""
_CARDS: Recall[Card | None] = Recall("reader-cards")
"""Each page's preview card (``None``: it has a photo, or no card is drawn), by the same key."""


def _meta_text(value: object) -> str | None:
    return value if isinstance(value, str) else None


class ReaderPlugin(BasePlugin[ReaderConfig]):
    """Font size, contrast, sharing and a lighter first load; see the module docstring."""

    def __init__(self) -> None:
        # (source file, first-load weight) of each page over ``budget_kb``
        self.over_budget: list[tuple[str, FirstLoad]] = []
        self.exists: dict[str, bool] = {}  # built files looked for, by path
        # digests of the built stylesheets and scripts by path, read once a build; part of the
        # memo's keys
        self.digests: dict[str, str] = {}
        # by digest, kept between builds (``mkdocs serve``): their text, parsed when needed
        self.texts: dict[str, str] = {}
        self.parsed: dict[str, Stylesheet] = {}
        self.names: dict[str, frozenset[str]] = {}
        # the cards of pages without a photo (langso.previews), set each build
        self.cards: CardStore | None = None
        # the preview of the page _og saw last: (page, content, photo, card)
        self.preview: tuple[Page, str, Photo | None, Card | None] | None = None
        self.nav: object = None
        self.folder_titles: dict[str, str] = {}  # nav pages' titles by address, set each build
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

    @event_priority(-50)
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """Give a page without a description its own, from its first paragraph
        (:func:`langso.previews.own_description`): the theme's ``<meta name="description">``
        and the Open Graph tags then show it rather than the site's.

        Priority -50: after the plugins that give their generated pages a description."""
        if nav is not self.nav:  # the titles of the pages of the navigation, by address
            self.nav = nav
            self.folder_titles = {
                p.url.removesuffix("index.html"): plain_text(p.title)
                for p in nav.pages
                if p.title and p.url.removesuffix("index.html").endswith("/")
            }
        described = own_description(page.meta.get("description"), page.content or "")
        if described is not None:
            page.meta["description"] = described
        return context

    # After the other plugins, so the critical CSS sees the markup and scripts they add.
    @in_post_page_chain
    @event_priority(-90)
    def _on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Add the head script, the Open Graph tags and the toolbar, the critical CSS; defer
        Material's script and full stylesheets: every change found on the page as given (with
        those our plugins before found, :class:`langso.edits.EditChain`) and made in one pass.

        What the page needs (its summary, where each change goes, the name of its critical
        CSS) is remembered under a key of everything it comes from: the page, its content, its
        address and title, the options and the site's stylesheets and scripts. A rebuild reads
        no page it has seen."""
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
            settings.site_description,
            _meta_text(page.meta.get("title")),
            self._section(page),
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
        edits = _EDITS.get(key, lambda: self._page_edits(output, found, content, key, page, config))
        card = _CARDS.get(key, lambda: self._preview(page)[1])
        if card is not None and self.cards is not None:
            self.cards.publish(card, settings.site_dir)
        output = self.chain.hand_on(self._on_post_page, output, (*found, *edits))
        self.rendered = (output, key)
        return output

    def _page_edits(
        self,
        base: str,
        found: tuple[Edit, ...],
        content: str,
        key: str,
        page: Page,
        config: MkDocsConfig,
    ) -> tuple[Edit, ...]:
        """The changes to the page ``base`` (which will also get the edits ``found`` by our
        plugins before): by its plan (remembered under ``key``, else found by reading it) and
        its critical CSS."""
        memo = self._memo(config)
        folder = os.path.dirname(os.path.join(self.settings.site_dir, page.file.dest_uri))
        plan: dict[str, Any] = memo.get(key, lambda: self._plan(base, found, content, page, config))
        edits = self._edits(plan, page, config)
        if plan["css"]:
            css_key, links = plan["css"]
            css = memo.get(css_key, lambda: self._css_again(base, [*found, *edits], folder))
            if css is not None:
                edits += critical_css_edits(base, css, [(a, b) for a, b in links])
        return tuple(edits)

    def _og(self, plan: dict[str, Any], page: Page, config: MkDocsConfig) -> OpenGraph:
        """The page's Open Graph values: its own title (the home page's too), its description
        (:meth:`on_page_context`), and an image Zalo and Facebook show: its first photo, else
        ``og_image``, else its card (:mod:`langso.previews`); none without ``site_url``, as
        the apps need an absolute address."""
        settings = self.settings
        site = settings.site_url
        page_url = site + page.url if site else None
        description = page.meta.get("description")
        photo, card = self._preview(page)
        image, size, alt = "", None, ""
        if page_url and photo is not None:
            image, alt = urljoin(page_url, photo.src), photo.alt
            size = (photo.width, photo.height) if photo.width and photo.height else None
        elif settings.og_image:
            image = og_image_url(page_url, None, settings.og_image, site)
        elif card is not None:
            image, size, alt = urljoin(site, card.uri), CARD_SIZE, card.alt
        # page.title and the front matter's description are HTML text (langso.escaping); the
        # tags want plain text, which og_tags escapes once.
        return OpenGraph(
            title=preview_title(
                page.meta.get("title"), page.content or "", page.title, settings.site_name
            ),
            # a page without a paragraph of prose (on_page_context) has the site's, as in
            # the theme's <meta name="description">
            description=plain_text(description)
            if isinstance(description, str)
            else settings.site_description,
            url=page_url,
            image=image,
            site_name=settings.site_name,
            kind="website" if page.is_homepage else "article",
            image_size=size,
            image_alt=alt,
        )

    def _preview(self, page: Page) -> tuple[Photo | None, Card | None]:
        """The page's first photo, and the card drawn for it when it has none and the site
        has an address and no ``og_image``."""
        content = page.content or ""
        seen = self.preview
        if seen is not None and seen[0] is page and seen[1] is content:
            return seen[2], seen[3]
        settings = self.settings
        photo = first_photo(content)
        card = None
        if photo is None and settings.site_url and not settings.og_image:
            title = preview_title(page.meta.get("title"), content, page.title, settings.site_name)
            section = self._section(page)
            parts = urlsplit(settings.site_url)
            card = Card(
                title=title,
                site_name=settings.site_name,
                section="" if section.casefold() == title.casefold() else section,
                address=(parts.netloc + parts.path).rstrip("/"),
            )
        self.preview = (page, content, photo, card)
        return photo, card

    def _section(self, page: Page) -> str:
        """The section a page's card names, as plain text: its navigation section's title,
        else that of the nearest page above it by address (a generated service page is under
        ``danh-ba/``, "Danh bạ dịch vụ")."""
        if page.parent is not None and page.parent.title:
            return plain_text(page.parent.title)
        url = page.url.rstrip("/")
        while "/" in url:
            url = url.rsplit("/", 1)[0]
            title = self.folder_titles.get(url + "/")
            if title:
                return title
        return ""

    def _edits(self, plan: dict[str, Any], page: Page, config: MkDocsConfig) -> list[Edit]:
        """The head script and Open Graph tags, the toolbar and the theme's loader, where
        ``plan`` puts them."""
        root = site_root(page.url)
        (head, head_after), (controls, controls_after) = plan["head"], plan["controls"]
        head_tags = head_script(root) + og_tags(self._og(plan, page, config))
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
        content: str,
        page: Page,
        config: MkDocsConfig,
    ) -> dict[str, Any]:
        """What the page needs, found by reading it: the summary and first image of its
        content, where the head tags, the toolbar and the theme's loader go, and (when
        ``critical_css``) the name of its critical CSS (for the page with the edits ``found``
        before too) and the links it replaces (``None`` when one of its stylesheets cannot be
        read: the page keeps the theme's links)."""
        summary, image = summarise(content)
        plan: dict[str, Any] = {"summary": summary, "image": image}
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
        if settings.critical_css:
            folder = os.path.dirname(os.path.join(settings.site_dir, page.file.dest_uri))
            edits = [*found, *self._edits(plan, page, config)]
            critical = self._find_critical_css(page_html, edits, folder)
            if critical is not None:
                css_key, css, links = critical
                memo = self._memo(config)
                memo.get(css_key, lambda: css)
                plan["css"] = [css_key, [list(link) for link in links]]
        return plan

    def _css_again(self, page_html: str, edits: list[Edit], folder: str) -> str | None:
        """The critical CSS of a page whose plan was remembered but not its CSS (a damaged
        memo): found again."""
        critical = self._find_critical_css(page_html, edits, folder)
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

    def _built_file(self, folder: str, href: str) -> str | None:
        """The built file ``href`` (relative to a page built in ``folder``) names, if it
        exists; looked for once a build (pages share their assets)."""
        path = built_file(folder, href)
        if path not in self.exists:
            self.exists[path] = os.path.isfile(path)
        return path if self.exists[path] else None

    def _digest(self, path: str) -> str:
        """The digest of the built file at ``path``, read once a build."""
        if path not in self.digests:
            with open(path, encoding="utf-8") as file:
                text = file.read()
            self.digests[path] = digest(text)
            self.texts[self.digests[path]] = text
        return self.digests[path]

    def _stylesheet(self, path: str) -> Stylesheet:
        """The parsed stylesheet at ``path``: parsed once while its text stays the same."""
        key = self._digest(path)
        if key not in self.parsed:
            self.parsed[key] = Stylesheet.parse(self.texts[key])
        return self.parsed[key]

    def _script_names(self, path: str) -> frozenset[str]:
        key = self._digest(path)
        if key not in self.names:
            self.names[key] = script_names(self.texts[key])
        return self.names[key]

    def _find_critical_css(
        self, page_html: str, edits: list[Edit], folder: str, root: str | None = None
    ) -> tuple[str, str, list[tuple[int, int]]] | None:
        """``(key, css, links)``: the critical CSS (:mod:`langso.reader.critical`) of the page
        built in ``folder`` once ``edits`` are made, a key naming it (pages of one kind share
        it), and where in ``page_html`` the stylesheet links it replaces are; ``None`` when one
        of its stylesheets cannot be read. The theme's files are in ``site_dir`` already (MkDocs
        copies them before it builds pages).

        The scripts are those of the edited page: the deferred theme script's tag is gone, and
        what that script creates is styled by the full stylesheets it comes with, so its names
        must not swell the critical CSS.

        ``root``: the page's links are absolute paths under it (the 404 page, built in
        ``site_dir``: ``/lang-so/assets/…``)."""
        text = apply_edits(page_html, edits)
        sheets: list[str] = []
        scripts: list[str] = []
        for ref in references(text):
            if not ref.local or ref.hidden:
                continue
            href = _under(ref.url, root)
            if ref.stylesheet:
                path = self._built_file(folder, href) if href is not None else None
                if path is None:
                    return None
                sheets.append(path)
            elif ref.tag == "script" and href is not None:
                scripts += filter(None, [self._built_file(folder, href)])
        names = markup_names(text).union(*(self._script_names(path) for path in scripts))
        known = frozenset().union(*(self._stylesheet(path).names for path in sheets))
        kept, style = sorted(names & known), _style_attributes(text)
        key = digest("css", kept, style, *(self._digest(path) for path in sheets))
        parsed = [self._stylesheet(path) for path in sheets]
        return key, critical_css(parsed, frozenset(kept), style), stylesheet_links(page_html)

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
            search=_search_page(config, root),
            help_line=_help_line(config, root),
            directory=_directory_page(config, root),
        )
        edits = [
            *not_found_edits(page_html, body),
            *chrome_edits(page_html),
            head_edit(page_html, head_script(root) + _manifest_links(config, root)),
            controls_edit(page_html, controls_html(False)),
        ]
        place = theme_loader_place(
            page_html, script=settings.defer_theme_js, styles=settings.critical_css
        )
        if place:
            edits.append(Edit(place[0], place[1], theme_loader(place[2])))
        if settings.critical_css:
            found = self._find_critical_css(page_html, edits, settings.site_dir, root)
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
        _EDITS.new_round()
        self.chain = post_page_chain(config)
        self.over_budget = []
        self.exists = {}
        self.digests = {}
        self.assets = {}
        self.memo = None
        self.rendered = None
        self.preview = None
        self.cards = CardStore(cache_folder(config, "og"))
        self.settings = _Settings(
            site_url=config.site_url or "",
            site_name=config.site_name,
            site_dir=config.site_dir,
            og_image=self.config.og_image,
            share=self.config.share,
            defer_theme_js=self.config.defer_theme_js,
            critical_css=self.config.critical_css,
            budget_kb=self.config.budget_kb,
            site_description=config.site_description or "",
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
                "pageassets.py",
                "edits.py",
                "previews.py",
                "previewcard.py",
            )
            self.memo = Memo(folder / "reader.json", code=code, libraries=("tinycss2",))
        return self.memo

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Report the pages whose first load is over ``budget_kb`` (measured as each page was
        written, :func:`langso.reader.budget.over_budget`).

        Raises:
            PluginError: listing each page over the budget with its weight, in Vietnamese and
                English.
        """
        self._memo(config).save(prune=not self.dirty)
        if self.cards is not None and not self.dirty:
            self.cards.cache.prune()
        self.preview = None
        Recall.save_all()
        used = set(self.digests.values())
        for table in (self.texts, self.parsed, self.names):
            for key in set(table) - used:
                del table[key]
        self.rendered = None
        over = [
            f"{src}: {weight.gzip_bytes / 1000:.1f} KB ({weight.requests} tệp/files)"
            for src, weight in self.over_budget
        ]
        if over:
            raise PluginError(
                f"Làng số: {len(over)} trang nặng hơn {self.config.budget_kb} KB khi mở lần đầu "
                "(HTML, CSS, JS, gzip) — bớt mã nhúng, tệp CSS/JS thêm vào hoặc chia nhỏ trang. / "
                f"{len(over)} page(s) weigh more than {self.config.budget_kb} KB on first load:\n"
                + "\n".join(over)
            )
