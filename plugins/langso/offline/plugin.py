"""``langso/offline``: read the guidebook where the signal drops.

- ``on_files``: adds the scripts ``assets/langso/offline.js`` and ``offline-map.js`` (the base
  map's choice when saving, loaded only on a site with a base map).
- ``on_post_page`` (priority -50, after the other plugins changed the page): links the web app
  manifest, adds the hidden save box, and notes the page and the assets it loads.
- ``on_post_build``: writes the icons, ``manifest.webmanifest``, the offline pages (a page not
  saved yet; an address that is no page of the site), then the
  manifest (``assets/langso/offline.json``: sizes and digests of what was written) and the
  worker ``sw.js`` at the site root, filled in with it. The map plugin's base map and the files
  its page loads are read from ``config.extra`` (``BASEMAP_KEY``, ``MAP_ASSETS_KEY`` of
  :mod:`langso.geomap.basemap`): the base map is offered apart when saving everything.

A dirty build (``langso serve``, ``mkdocs serve --dirty``) renders only the pages that changed:
what was noted of the others in earlier builds is kept, for the pages still in the site.

In a dirty build the manifest reads again only the files whose identity (inode, size, times)
changed since the build before; a full build reads them all.

What each page loads is kept in ``.cache/langso/memo/offline.json`` under a digest of the page
(:class:`langso.cache.Memo`): a rebuild reads only the pages that changed.
"""

from __future__ import annotations

from importlib.resources import files as package_files
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from langso.adapter import cache_folder, in_post_page_chain, post_page_chain, site_root
from langso.cache import Memo, text_digest
from langso.edits import EditChain, apply_edits, edits_key
from langso.geomap.basemap import BASEMAP_KEY, MAP_ASSETS_KEY
from langso.offline.build import (
    ICON_URIS,
    MANIFEST_URI,
    MAP_SCRIPT_URI,
    MISSING_PAGE_URI,
    OFFLINE_PAGE_URI,
    SCRIPT_URI,
    SW_URI,
    WEBMANIFEST_URI,
    FileIdentity,
    build_manifest,
    dumps_manifest,
    html_addresses,
    icon_png,
    missing_page_html,
    offline_edits,
    offline_page_html,
    referenced_assets,
    service_worker_js,
    short_name_for,
    webmanifest_json,
)
from langso.offline.config import OfflineConfig
from langso.search.index import INDEX_URI, SEARCH_PAGE_URI
from langso.tours.export import OFFLINE_KEY as TOURS_DATA_KEY

__all__ = ["OfflinePlugin"]

REFRESH = b'http-equiv="refresh"'
"""What marks a redirect stub (``templates/redirect.html``, as mkdocs-redirects writes one)."""


class OfflinePlugin(BasePlugin[OfflineConfig]):
    """Service worker, save button and web app manifest; see the module docstring."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[str, str, frozenset[str]]] = {}  # src_uri → url, dest, assets
        # each set of assets once: pages load the same files (the sample's pages: one set)
        self.asset_sets: dict[frozenset[str], frozenset[str]] = {}
        self.live: set[str] = set()
        self.addresses: set[str] = set()  # the site's other HTML files, by address
        self.redirects: dict[str, str] = {}  # redirect stubs among them: address → file
        self.data: list[str] = []  # contact cards, saved with the pages
        self.dirty = False
        self.memo: Memo | None = None
        self.look = ("", "")  # theme colour and button label, read once a build
        self.chain = EditChain()  # planned each build
        # dirty builds: size and digest of each file the manifest lists, as last read
        self.known: dict[str, tuple[FileIdentity, int, str]] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether builds are dirty (only changed pages rendered)."""
        self.dirty = dirty

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add the script."""
        if not self.dirty:
            self.pages = {}
        self.asset_sets = {}
        self.look = (self.config.theme_color, self.config.button_label)
        self.chain = post_page_chain(config)
        self.memo = Memo(
            cache_folder(config, "memo") / "offline.json",
            code=("offline/plugin.py", "offline/build.py", "pageassets.py", "edits.py"),
        )
        script = package_files("langso.offline").joinpath("assets/offline.js").read_text("utf-8")
        files.append(File.generated(config, SCRIPT_URI, content=script))
        choice = package_files("langso.offline").joinpath("assets/offline-map.js")
        files.append(File.generated(config, MAP_SCRIPT_URI, content=choice.read_text("utf-8")))
        return files

    @in_post_page_chain
    @event_priority(-50)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Link the manifest, add the save box; note the page and what it loads."""
        edits = (
            *self.chain.receive(output),
            *offline_edits(output, site_root(page.url), *self.look),
        )
        if self.memo is None:
            found = frozenset(referenced_assets(apply_edits(output, edits), page.url))
        else:
            key = self.memo.key(text_digest(output), edits_key(edits), page.url)
            found = frozenset(
                self.memo.get(
                    key, lambda: sorted(referenced_assets(apply_edits(output, edits), page.url))
                )
            )
        assets = self.asset_sets.setdefault(found, found)
        self.pages[page.file.src_uri] = (page.url, page.file.dest_uri, assets)
        return self.chain.hand_on(self.on_post_page, output, edits)

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> None:
        """Note the pages of this build (a dirty build renders only some of them), and the
        other HTML files (a plaque's short address): addresses of the site too."""
        self.live = {file.src_uri for file in files.documentation_pages()}
        others = [file for file in files if not file.is_documentation_page()]
        self.addresses = html_addresses(file.dest_uri for file in others)
        # A plaque's short address (q/dinh/) is a redirect stub of a few hundred bytes: saved
        # with the pages, a plaque scanned without signal still leads to its saved page.
        # Contact cards (danh-ba/*.vcf): "Lưu vào danh bạ" works without signal once saved.
        self.data = sorted(file.dest_uri for file in others if file.dest_uri.endswith(".vcf"))
        self.redirects = {
            address: file.dest_uri
            for file in others
            if file.generated_by
            and file.dest_uri.endswith(".html")
            and REFRESH in file.content_bytes
            for address in html_addresses([file.dest_uri])
        }

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the icons, the web app manifest, the offline page, the manifest, the worker."""
        site = Path(config.site_dir)
        name = config.site_name

        def write(uri: str, data: str | bytes) -> None:
            path = site / uri
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, str):
                path.write_text(data, encoding="utf-8")
            else:
                path.write_bytes(data)

        for size, uri in ICON_URIS.items():
            write(uri, icon_png(size, self.config.theme_color))
        write(
            WEBMANIFEST_URI,
            webmanifest_json(
                name,
                self.config.short_name or short_name_for(name),
                self.config.theme_color,
                self.config.background_color,
                config.site_description or "",
            ),
        )
        write(OFFLINE_PAGE_URI, offline_page_html(name))
        search = self.pages.get(SEARCH_PAGE_URI) if SEARCH_PAGE_URI in self.live else None
        write(MISSING_PAGE_URI, missing_page_html(name, search[0] if search else None))
        noted = [value for src, value in self.pages.items() if src in self.live]
        pages = {url: dest for url, dest, _ in noted}
        # The installed app starts without signal too: its manifest and icons are core assets.
        assets = {WEBMANIFEST_URI, *ICON_URIS.values()}.union(*(used for *_, used in noted))
        manifest = build_manifest(
            site,
            pages,
            assets,
            timeout_ms=self.config.timeout_ms,
            addresses=self.addresses | {"404.html"},
            redirects=self.redirects,
            # search works without signal once everything is saved; so do contact cards, and
            # the map (its scripts load after the page has painted: no page names them)
            data=[
                INDEX_URI,
                *self.data,
                *(config.extra.get(MAP_ASSETS_KEY) or ()),
                *(config.extra.get(TOURS_DATA_KEY) or ()),  # the routes the map page draws
            ],
            basemap=basemap.src_uri if (basemap := config.extra.get(BASEMAP_KEY)) else None,
            # a dirty build rewrote only some pages: the others are not read again
            known=self.known if self.dirty else None,
        )
        write(MANIFEST_URI, dumps_manifest(manifest))
        write(SW_URI, service_worker_js(manifest))
        if self.memo is not None:
            self.memo.save(prune=not self.dirty)
