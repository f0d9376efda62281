"""``langso/search``: accent-insensitive search, used instead of Material's ``search`` plugin.

- ``on_config``: registers the script and stylesheet; warns when Material's ``search`` is listed
  too (two search boxes).
- ``on_files``: adds the assets and the search page ``tim-kiem.md`` (unless the author wrote one).
- ``on_page_content``: keeps each page's title, URL and rendered HTML, split into sections by the
  core (:func:`langso.search.index.extract_sections`); ``search: exclude: true`` in the front
  matter leaves a page out.
- ``on_post_page``: puts the search box (a plain form leading to the search page) in the header;
  notes the page's own ``description`` meta, the first choice for its snippet.
- ``on_post_build``: writes the index, ``assets/langso/search-index.json``.

A dirty build (``langso serve``, ``mkdocs serve --dirty``) renders only the pages that changed:
the sections of the others from earlier builds are kept, for the pages still in the site.

Each page's sections are kept in ``.cache/langso/memo/search.json`` under a digest of its HTML
and title (:class:`langso.cache.Memo`): a rebuild parses only the pages that changed.
"""

from __future__ import annotations

from dataclasses import replace
from importlib.resources import files as package_files
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from langso.adapter import cache_folder, in_post_page_chain, log, post_page_chain, site_root
from langso.cache import Memo, text_digest
from langso.edits import EditChain
from langso.escaping import plain_text
from langso.search.config import SearchConfig
from langso.search.form import (
    form_edit,
    page_description,
    search_form_html,
    search_page_markdown,
)
from langso.search.index import (
    INDEX_URI,
    SEARCH_PAGE_URI,
    IndexPage,
    Section,
    extract_sections,
    write_index,
)

__all__ = ["SearchPlugin"]

ASSETS = ("search.js", "search.css")


class SearchPlugin(BasePlugin[SearchConfig]):
    """Builds the search index and the search box; see the module docstring."""

    def __init__(self) -> None:
        self.pages: dict[str, IndexPage] = {}  # by src_uri
        self.live: dict[str, None] = {}  # the pages of this build, in the order MkDocs renders them
        self.search_url = "tim-kiem/"
        self.memo: Memo | None = None
        self.dirty = False
        self.wording = ("", "")  # title and placeholder of the search box, set each build
        self.chain = EditChain()  # planned each build

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether builds are dirty (only changed pages rendered)."""
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Register the script and the stylesheet; warn about a second search plugin."""
        for name in ("search", "material/search"):
            if name in config.plugins:
                log.warning(
                    "mkdocs.yml: plugins: bỏ `search` khi dùng `langso/search`"
                    " / remove `search`: `langso/search` replaces it"
                )
                break
        for name in ASSETS:
            uri = f"assets/langso/{name}"
            target = config.extra_javascript if name.endswith(".js") else config.extra_css
            if uri not in [str(item) for item in target]:
                target.append(uri)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add the script, the stylesheet and the search page."""
        if not self.dirty:
            self.pages = {}
        self.memo = Memo(
            cache_folder(config, "memo") / "search.json",
            code=("search/plugin.py", "search/index.py", "text.py"),
        )
        for name in ASSETS:
            content = package_files("langso.search").joinpath(f"assets/{name}").read_text("utf-8")
            files.append(File.generated(config, f"assets/langso/{name}", content=content))
        page = files.get_file_from_path(SEARCH_PAGE_URI)
        if page is None:
            home = "index.md" if files.get_file_from_path("index.md") else "#"
            markdown = search_page_markdown(self.config.title, home)
            page = File.generated(
                config, SEARCH_PAGE_URI, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV
            )
            files.append(page)
        self.search_url = page.url
        self.wording = (self.config.title, self.config.placeholder)  # read once a build
        self.chain = post_page_chain(config)
        return files

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Keep the page for the index, unless its front matter says ``search: exclude: true``."""
        self.pages.pop(page.file.src_uri, None)
        meta = page.meta.get("search")
        if isinstance(meta, dict) and meta.get("exclude"):
            return html
        if page.file.src_uri == SEARCH_PAGE_URI:
            return html
        title = plain_text(page.title or "")  # HTML text (langso.escaping); the index is plain
        if self.memo is None:
            sections = extract_sections(html, title)
        else:
            found: list[tuple[str, str, list[str], str]] = self.memo.get(
                self.memo.key(text_digest(html), title),
                lambda: [
                    (s.anchor, s.heading, list(s.prose), s.extra)
                    for s in extract_sections(html, title)
                ],
            )
            sections = tuple(Section(a, h, tuple(p), x) for a, h, p, x in found)
        description = page.meta.get("description")
        if not isinstance(description, str) or description == config.site_description:
            description = ""
        self.pages[page.file.src_uri] = IndexPage(title, page.url, sections, description)
        return html

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> None:
        """Note the pages of this build (a dirty build renders only some of them), in order."""
        self.live = dict.fromkeys(file.src_uri for file in files.documentation_pages())

    @in_post_page_chain
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Put the search box in the page's header."""
        root = site_root(page.url)
        form = search_form_html(
            get_relative_url(self.search_url, page.url),
            root,
            root + INDEX_URI,
            *self.wording,
        )
        self._note_description(output, page, config)
        found = self.chain.receive(output)
        return self.chain.hand_on(self.on_post_page, output, (*found, form_edit(output, form)))

    def _note_description(self, output: str, page: Page, config: MkDocsConfig) -> None:
        """Keep the page's own ``description`` meta for its snippet (another plugin may have
        written it after the page's content was indexed); the site's description is no page's."""
        entry = self.pages.get(page.file.src_uri)
        found = page_description(output)
        if entry is None or not found or found == (config.site_description or ""):
            return
        if found != entry.description:
            self.pages[page.file.src_uri] = replace(entry, description=found)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the index."""
        path = Path(config.site_dir) / INDEX_URI
        path.parent.mkdir(parents=True, exist_ok=True)
        # in the order of a full build: a page a dirty build rendered again is not last
        pages = [page for src in self.live if (page := self.pages.get(src)) is not None]
        with path.open("w", encoding="utf-8") as out:
            write_index(pages, out)
        if self.memo is not None:
            self.memo.save(prune=not self.dirty)
