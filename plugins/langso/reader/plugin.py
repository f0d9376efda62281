"""``langso/reader``: reader comfort on every page.

- ``on_config``: registers ``assets/langso/reader.css`` and ``reader.js``.
- ``on_files``: adds them.
- ``on_post_page``: the inline ``<head>`` script applying the saved font size and contrast
  before the first paint, the Open Graph tags, the toolbar (A−, A, A+, contrast, share) under
  the header, the page's critical CSS inline (``critical_css``), and (``defer_theme_js``)
  Material's script and full stylesheets loaded on the first interaction.
- ``on_post_page`` again, last (priority -100): the page's first load, measured on the HTML
  MkDocs then writes; ``on_post_build`` checks them all against ``budget_kb``.
- ``on_post_template``: the 404 page in Vietnamese.

What is read from each page's HTML (its description, first image, the names its critical CSS
needs, gzip sizes) is kept in ``.cache/langso/memo/reader.json`` under a digest of the HTML
(:class:`langso.cache.Memo`): a rebuild reads and compresses only the pages that changed.
"""

from __future__ import annotations

import os
import re
from importlib.resources import files as package_files
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from langso.adapter import cache_folder
from langso.cache import Memo, digest
from langso.reader.budget import FirstLoad, built_file, gzip_size, over_budget
from langso.reader.config import ReaderConfig
from langso.reader.critical import Stylesheet, critical_css, markup_names, script_names
from langso.reader.markup import (
    OpenGraph,
    controls_html,
    defer_theme_script,
    head_script,
    inject_controls,
    inject_head,
    inline_critical_css,
    local_scripts,
    local_stylesheets,
    localise_not_found,
    og_image_url,
    og_tags,
    summarise,
)

__all__ = ["ReaderPlugin"]

ASSETS = ("reader.js", "reader.css")


def _style_attributes(page_html: str) -> str:
    """The page's ``style`` attributes: the custom properties they use must stay defined."""
    return " ".join(re.findall(r'style="([^"]*)"', page_html))


class ReaderPlugin(BasePlugin[ReaderConfig]):
    """Font size, contrast, sharing and a lighter first load; see the module docstring."""

    def __init__(self) -> None:
        # (source file, first-load weight) of each page over ``budget_kb``
        self.over_budget: list[tuple[str, FirstLoad]] = []
        # built files read for the critical CSS, by path: parsed once a build
        self.stylesheets: dict[str, Stylesheet] = {}
        self.scripts: dict[str, frozenset[str]] = {}
        self.built: dict[tuple[str, str], str | None] = {}
        # digests of the stylesheets and scripts read, part of the memo's keys
        self.digests: dict[str, str] = {}
        self.assets: dict[tuple[str, int], tuple[int, int] | None] = {}
        self.memo: Memo | None = None
        self.dirty = False

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

    # After the other plugins, so the critical CSS sees the markup and scripts they add.
    @event_priority(-90)
    def _on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Add the head script, the Open Graph tags and the toolbar, the critical CSS; defer
        Material's script and full stylesheets."""
        root = get_relative_url("", page.url).rstrip("/") + "/"
        content = page.content or ""
        site = config.site_url or ""
        page_url = site + page.url if site else None
        description = page.meta.get("description")
        memo = self._memo(config)
        found: list[str | None] = memo.get(
            memo.key("page", content), lambda: list(summarise(content))
        )
        summary, image = found[0] or "", found[1]
        og = OpenGraph(
            title=page.title or config.site_name,
            description=description if isinstance(description, str) else summary,
            url=page_url,
            image=og_image_url(page_url, image, self.config.og_image, site),
            site_name=config.site_name,
            kind="website" if page.is_homepage else "article",
        )
        output = inject_head(output, head_script(root) + og_tags(og))
        output = inject_controls(output, controls_html(self.config.share))
        # The deferred theme script first: what it creates is styled by the full stylesheets it
        # comes with, so its names must not swell the critical CSS.
        output = defer_theme_script(
            output, script=self.config.defer_theme_js, styles=self.config.critical_css
        )
        if self.config.critical_css:
            folder = os.path.dirname(os.path.join(config.site_dir, page.file.dest_uri))
            output = self._inline_critical_css(output, folder, memo)
        return output

    @event_priority(-100)
    def _measure(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Weigh the page as it will be written (after every other plugin changed it)."""
        if not self.config.budget_kb:
            return output
        memo = self._memo(config)

        def packed_size(data: bytes, level: int) -> int:
            return memo.get(memo.key("gzip", level, data), lambda: gzip_size(data, level))

        dest = Path(config.site_dir) / page.file.dest_uri
        limit = self.config.budget_kb * 1000
        weight = over_budget(dest, output, limit, packed_size=packed_size, assets=self.assets)
        if weight:
            self.over_budget.append((page.file.src_uri, weight))
        return output

    on_post_page = CombinedEvent(_on_post_page, _measure)

    def _built_file(self, folder: str, href: str) -> str | None:
        """The built file ``href`` (relative to a page built in ``folder``) names, if it
        exists; asked once a build for each folder (pages of a folder share their assets)."""
        key = (folder, href)
        if key not in self.built:
            path = built_file(folder, href)
            self.built[key] = path if os.path.isfile(path) else None
        return self.built[key]

    def _read(self, path: str) -> str:
        with open(path, encoding="utf-8") as file:
            text = file.read()
        self.digests[path] = digest(text)
        return text

    def _inline_critical_css(self, output: str, folder: str, memo: Memo) -> str:
        """The page (built in ``folder``) with its critical CSS inline
        (:mod:`langso.reader.critical`); the theme's files are in ``site_dir`` already (MkDocs
        copies them before it builds pages)."""
        sheets = []
        for href in local_stylesheets(output):
            path = self._built_file(folder, href)
            if path is None:
                return output  # a stylesheet we cannot read: keep the page as the theme made it
            if path not in self.stylesheets:
                self.stylesheets[path] = Stylesheet.parse(self._read(path))
            sheets.append((path, self.stylesheets[path]))
        scripts = [p for src in local_scripts(output) if (p := self._built_file(folder, src))]
        for path in scripts:
            if path not in self.scripts:
                self.scripts[path] = script_names(self._read(path))

        def relevant() -> list[str]:
            names = markup_names(output).union(*(self.scripts[path] for path in scripts))
            known = frozenset().union(*(sheet.names for _, sheet in sheets))
            return sorted(names & known)

        files = [self.digests[path] for path, _ in sheets] + [self.digests[p] for p in scripts]
        names = memo.get(memo.key("critical", output, files), relevant)
        css = critical_css([s for _, s in sheets], frozenset(names), _style_attributes(output))
        return inline_critical_css(output, css)

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        """Material's 404 page, in Vietnamese, linking the home page."""
        if template_name != "404.html":
            return output_content
        root = urlsplit(config.site_url or "").path or "/"
        return localise_not_found(output_content, root)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Forget the previous build's pages and files (``mkdocs serve`` builds many times)."""
        self.over_budget = []
        self.stylesheets = {}
        self.scripts = {}
        self.built = {}
        self.digests = {}
        self.assets = {}
        self.memo = None

    def _memo(self, config: MkDocsConfig) -> Memo:
        if self.memo is None:
            folder = cache_folder(config, "memo")
            code = ("reader/markup.py", "reader/budget.py", "reader/critical.py")
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
