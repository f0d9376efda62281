"""``langso/reader``: reader comfort on every page.

- ``on_config``: registers ``assets/langso/reader.css`` and ``reader.js``.
- ``on_files``: adds them.
- ``on_post_page``: the inline ``<head>`` script applying the saved font size and contrast
  before the first paint, the Open Graph tags, the toolbar (A−, A, A+, contrast, share) under
  the header, and (``defer_theme_js``) Material's script loaded on the first interaction.
"""

from __future__ import annotations

from importlib.resources import files as package_files

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from langso.reader.config import ReaderConfig
from langso.reader.markup import (
    OpenGraph,
    controls_html,
    defer_theme_script,
    describe,
    first_image,
    head_script,
    inject_controls,
    inject_head,
    og_image_url,
    og_tags,
)

__all__ = ["ReaderPlugin"]

ASSETS = ("reader.js", "reader.css")


class ReaderPlugin(BasePlugin[ReaderConfig]):
    """Font size, contrast, sharing and a lighter first load; see the module docstring."""

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

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Add the head script, the Open Graph tags and the toolbar; defer Material's script."""
        root = get_relative_url("", page.url).rstrip("/") + "/"
        content = page.content or ""
        site = config.site_url or ""
        page_url = site + page.url if site else None
        description = page.meta.get("description")
        og = OpenGraph(
            title=page.title or config.site_name,
            description=description if isinstance(description, str) else describe(content),
            url=page_url,
            image=og_image_url(page_url, first_image(content), self.config.og_image, site),
            site_name=config.site_name,
            kind="website" if page.is_homepage else "article",
        )
        output = inject_head(output, head_script(root) + og_tags(og))
        output = inject_controls(output, controls_html(self.config.share))
        if self.config.defer_theme_js:
            output = defer_theme_script(output)
        return output
