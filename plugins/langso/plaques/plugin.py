"""``langso/plaques``: short permanent URLs, QR codes and print pages for issued plaques.

- ``on_config``: ``site_url`` is required (QR codes hold absolute URLs) and must be ASCII.
- ``on_files`` (priority -100, after every page is known): load the registry, resolve each target
  to its page, and add per plaque: the redirect stub ``q/<id>/index.html``, the QR code as SVG and
  PNG, A5 and A6 print pages, and the plaques index page. A missing target or a QR symbol above
  ``max_version`` stops the build naming the plaque.
"""

from __future__ import annotations

import posixpath
from typing import cast
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import get_relative_url

from langso.adapter import GATE_PRIORITY, Reporter, content_location
from langso.paths import page_for_data_file, repo_path
from langso.plaques.config import PlaquesConfig
from langso.plaques.model import PlaqueEntry, load_plaques, short_path
from langso.plaques.render import PAPERS, PlaqueView, index_markdown, print_html, redirect_html
from langso.problems import Problem
from langso.qr import ErrorCorrection, make_qr

__all__ = ["PlaquesPlugin"]


class PlaquesPlugin(BasePlugin[PlaquesConfig]):
    """Publishes the plaques of the registry; see the module docstring."""

    def __init__(self) -> None:
        self.reporter = Reporter()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Require an absolute, ASCII ``site_url``: it is what every QR code holds."""
        site_url = config.site_url or ""
        parts = urlsplit(site_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise PluginError(
                "mkdocs.yml: site_url: thiếu hoặc không phải địa chỉ http(s) đầy đủ — mã QR trên "
                "biển cần địa chỉ tuyệt đối; thêm ví dụ `site_url: https://ten.github.io/kho/`."
                " / site_url is missing or not an absolute http(s) URL — QR codes need it; add "
                "e.g. `site_url: https://name.github.io/repo/`."
            )
        if not site_url.isascii():
            raise PluginError(
                f"mkdocs.yml: site_url: `{site_url}` có ký tự không phải ASCII — dùng tên miền và "
                f"đường dẫn không dấu. / `{site_url}` is not ASCII — use an unaccented domain "
                "and path."
            )
        return config

    @event_priority(-100)
    def _on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Last of the generators: every page, written or generated, is known by now."""
        self.reporter.reset(config)
        docs_dir, docs_rel = content_location(config)
        registry = self.config.registry
        for file in list(files):
            if file.src_uri == registry:
                files.remove(file)
        entries, problems = load_plaques(docs_dir, docs_rel, registry)
        self.reporter.report(problems)
        # The guidebook's name heads every plaque: it names the village (and a landmark of a
        # neighbouring commune is still "in the guidebook of" this village).
        village_name = config.site_name
        site_url = config.site_url or ""
        pages_dir = self.config.pages_dir.strip("/")
        views: list[PlaqueView] = []
        for entry in entries:
            view = self._publish(entry, files, config, site_url, pages_dir, village_name, docs_rel)
            if view is not None:
                views.append(view)
        index_uri = f"{pages_dir}/index.md"
        if index_uri not in files.src_uris:
            markdown = index_markdown(self.config.title, views)
            files.append(File.generated(config, index_uri, content=markdown))
        return files

    def _publish(
        self,
        entry: PlaqueEntry,
        files: Files,
        config: MkDocsConfig,
        site_url: str,
        pages_dir: str,
        village_name: str,
        docs_rel: str,
    ) -> PlaqueView | None:
        plaque = entry.plaque
        rel = repo_path(docs_rel, self.config.registry)
        target_uri = plaque.target
        if target_uri.endswith((".yml", ".yaml")):
            target_uri = page_for_data_file(target_uri)
        target = files.get_file_from_path(target_uri)
        if target is None and plaque.target.endswith((".yml", ".yaml")):
            docs_dir, _ = content_location(config)
            if (docs_dir / plaque.target).is_file():
                return None  # the data file exists but is invalid: its own error says why
        prefix = docs_rel + "/"
        if target is None and docs_rel not in ("", ".") and plaque.target.startswith(prefix):
            suggestion = plaque.target.removeprefix(prefix)
            params: dict[str, object] = {"prefix": docs_rel, "suggestion": suggestion}
            problem = Problem(rel, entry.target_line, "plaque.target-prefix", "trang", params)
            self.reporter.report([problem])
            return None
        if target is None or not target.is_documentation_page():
            params = {"id": plaque.id, "target": plaque.target}
            self.reporter.report(
                [Problem(rel, entry.target_line, "plaque.target-missing", "trang", params)]
            )
            return None
        short = short_path(plaque.id)
        short_url = site_url + short
        level = cast(ErrorCorrection, self.config.error_correction)
        symbol = make_qr(short_url, level)
        if symbol.version > self.config.max_version:
            params = {
                "id": plaque.id,
                "version": symbol.version,
                "max_version": self.config.max_version,
            }
            self.reporter.report([Problem(rel, entry.line, "plaque.too-dense", "id", params)])
            return None

        def add(uri: str, content: str | bytes) -> None:
            files.append(
                File.generated(config, uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
            )

        redirect = redirect_html(
            plaque.name, get_relative_url(target.url, short), site_url + target.url
        )
        add(f"{short}index.html", redirect)
        svg = symbol.svg(f"Mã QR: {short_url}")
        add(f"{pages_dir}/{plaque.id}.svg", svg)
        add(f"{pages_dir}/{plaque.id}.png", symbol.png())
        print_links = {}
        for name, paper in PAPERS.items():
            uri = f"{pages_dir}/{plaque.id}-{name.lower()}.html"
            add(uri, print_html(plaque, paper, svg, short_url, village_name))
            print_links[name] = posixpath.basename(uri)
        return PlaqueView(
            plaque=plaque,
            short_url=short_url,
            short_link=get_relative_url(short, f"{pages_dir}/"),
            target_link=posixpath.relpath(target.src_uri, pages_dir),
            svg_link=f"{plaque.id}.svg",
            png_link=f"{plaque.id}.png",
            print_links=print_links,
        )

    @event_priority(GATE_PRIORITY)
    def _stop_on_errors(self, files: Files, *, config: MkDocsConfig) -> None:
        self.reporter.stop_if_errors(config)

    on_files = CombinedEvent(_on_files, _stop_on_errors)
