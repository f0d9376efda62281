"""``langso/reader``: reader comfort on every page.

- ``on_config``: registers ``assets/langso/reader.css`` and ``reader.js``.
- ``on_files``: adds them.
- ``on_post_page``: the inline ``<head>`` script applying the saved font size and contrast
  before the first paint, the Open Graph tags, the toolbar (A−, A, A+, contrast, share) under
  the header, and (``defer_theme_js``) Material's script loaded on the first interaction.
- ``on_post_page`` again, last (priority -100): the page's first load, measured on the HTML
  MkDocs then writes; ``on_post_build`` checks them all against ``budget_kb``.

What is read from each page's HTML (its description, first image, gzip size) is kept in
``.cache/langso/memo/reader.json`` under a digest of the HTML (:class:`langso.cache.Memo`): a
rebuild parses and compresses only the pages that changed.
"""

from __future__ import annotations

from importlib.resources import files as package_files
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from langso.adapter import cache_folder
from langso.cache import Memo
from langso.reader.budget import FirstLoad, first_load, gzip_size
from langso.reader.config import ReaderConfig
from langso.reader.markup import (
    OpenGraph,
    controls_html,
    defer_theme_script,
    head_script,
    inject_controls,
    inject_head,
    og_image_url,
    og_tags,
    summarise,
)

__all__ = ["ReaderPlugin"]

ASSETS = ("reader.js", "reader.css")


class ReaderPlugin(BasePlugin[ReaderConfig]):
    """Font size, contrast, sharing and a lighter first load; see the module docstring."""

    def __init__(self) -> None:
        self.pages: dict[str, FirstLoad] = {}
        self.assets: dict[str, tuple[int, int] | None] = {}
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

    def _on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Add the head script, the Open Graph tags and the toolbar; defer Material's script."""
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
        if self.config.defer_theme_js:
            output = defer_theme_script(output)
        return output

    @event_priority(-100)
    def _measure(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Weigh the page as it will be written (after every other plugin changed it)."""
        if not self.config.budget_kb:
            return output
        memo = self._memo(config)

        def packed_size(data: bytes) -> int:
            return memo.get(memo.key("gzip", data), lambda: gzip_size(data))

        path = Path(config.site_dir) / page.file.dest_uri
        weight = first_load(path, output, packed_size=packed_size, assets=self.assets)
        self.pages[page.file.src_uri] = weight
        return output

    on_post_page = CombinedEvent(_on_post_page, _measure)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Forget the previous build's pages (``mkdocs serve`` builds many times)."""
        self.pages = {}
        self.assets = {}
        self.memo = None

    def _memo(self, config: MkDocsConfig) -> Memo:
        if self.memo is None:
            folder = cache_folder(config, "memo")
            self.memo = Memo(folder / "reader.json", code=("reader/markup.py", "reader/budget.py"))
        return self.memo

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Check every page's first load against ``budget_kb``.

        Raises:
            PluginError: listing each page over the budget with its weight, in Vietnamese and
                English.
        """
        self._memo(config).save(prune=not self.dirty)
        if not self.config.budget_kb:
            return
        limit = self.config.budget_kb * 1000
        over = []
        for src, weight in self.pages.items():
            if weight.gzip_bytes > limit:
                over.append(
                    f"{src}: {weight.gzip_bytes / 1000:.1f} KB ({weight.requests} tệp/files)"
                )
        if over:
            raise PluginError(
                f"Làng số: {len(over)} trang nặng hơn {self.config.budget_kb} KB khi mở lần đầu "
                "(HTML, CSS, JS, gzip) — bớt mã nhúng, tệp CSS/JS thêm vào hoặc chia nhỏ trang. / "
                f"{len(over)} page(s) weigh more than {self.config.budget_kb} KB on first load:\n"
                + "\n".join(over)
            )
