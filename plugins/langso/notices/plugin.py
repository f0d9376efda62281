"""``langso/notices``: the hamlet's notices (``thong-bao/``) as a site section (issue 15).

- ``on_config``: adds the stylesheet ``assets/langso/notices.css``; keeps ``site_url`` as
  ``mkdocs.yml`` sets it (:func:`langso.adapter.configured_site_url`): ``mkdocs serve`` puts its
  local address in ``config.site_url``, and the feed's addresses and the print page's QR code
  and address must be the published ones (a notice printed from the preview is pinned up).
- ``on_files`` (priority 0, after ``langso/content`` and ``langso/photos``): load and check every
  notice (:func:`langso.notices.loading.load_notices`; a picture is weighed as published, i.e.
  its resized copy) and the loudspeaker's schedule (``loa.yml``,
  :func:`langso.notices.loa.load_schedule`), report every problem; notice pages
  stay the volunteers' pages but out of the navigation (``NOT_IN_NAV``); generate the index
  (``page_size`` a page, current urgent notices first), the archive by month and its list,
  the loudspeaker page, the Atom feed and one A4 print page per notice. A hand-written file at
  a generated path is a located error (``notice.page-exists``); the full list ``langso/content``
  makes for a big folder is dropped (the index is that list). The home page's notices are
  published as ``config.extra["langso_notices"]`` (:class:`langso.home.HomeNotice`) for
  ``langso/content``'s home block.
- ``on_page_markdown``: a notice page's ``description`` (its summary) and link-preview image
  (its photo, :data:`langso.reader.opengraph.IMAGE_KEY`).
- ``on_page_content``: under the ``<h1>`` of a notice, its kind, date, poster and expiry, and
  after its text its photo and attachments (priority 10: before the photos plugin and the search
  index); last (priority -60, after the search index) "In để dán bảng tin" and "Tất cả thông
  báo". The print page is made from the rendered text.
- ``on_post_page``: the feed's ``<link rel="alternate">`` on the notices' pages, and the read-time
  expiry script (``assets/notices.js``, inline, a few hundred bytes) on every page that holds a
  ``data-het-han`` time.
"""

from __future__ import annotations

import os
import posixpath
import re
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from langso.adapter import (
    GATE_PRIORITY,
    Reporter,
    configured_site_url,
    content_location,
    own_section,
)
from langso.escaping import html_text
from langso.home import NOTICES_INDEX_KEY, NOTICES_KEY, insert_after_h1, picture_size
from langso.notices.config import NoticesConfig
from langso.notices.feed import atom_feed
from langso.notices.loa import load_schedule
from langso.notices.loading import NOTICE_KEYS, load_notices
from langso.notices.model import Notice
from langso.notices.order import by_month, home_notices, newest_first
from langso.notices.pages import (
    Attached,
    actions_html,
    archive_page,
    build_now,
    footer_html,
    header_html,
    home_entries,
    index_pages,
    loa_page,
    month_pages,
    print_uri,
)
from langso.notices.printpage import print_html
from langso.paths import repo_path
from langso.problems import Problem
from langso.reader.opengraph import IMAGE_KEY
from langso.textfile import decode_text
from langso.village import Village

__all__ = ["NoticesPlugin"]

CSS = "assets/langso/notices.css"
SCHEDULE_FILE = "loa.yml"
FEED_FILE = "atom.xml"
_GENERATED = re.compile(
    r"^(?:index\.md|README\.md|atom\.xml|(?:trang-\d+|thang-[^/]+|luu-tru|loa|in)/.*)$"
)


def _size_label(size: int) -> str:
    """``123 KB``, ``1,4 MB`` (Vietnamese decimal comma)."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


def _published_size(files: Files, path: str) -> int | None:
    """The bytes of the file MkDocs will publish for ``path`` (of ``docs_dir``): the resized copy
    of a photo (``langso/photos`` points the file at it in its ``on_files``, priority 50, before
    this plugin's), or the file itself; ``None`` when MkDocs has no such file."""
    file = files.get_file_from_path(path)
    if file is None or not file.abs_src_path or not os.path.isfile(file.abs_src_path):
        return None
    return os.path.getsize(file.abs_src_path)


class NoticesPlugin(BasePlugin[NoticesConfig]):
    """Builds the notices section; see the module docstring."""

    def __init__(self) -> None:
        self.reporter = Reporter()
        self.notices: dict[str, Notice] = {}  # by src_uri
        self.prints: dict[str, File] = {}  # print page by the notice's src_uri
        self.feed: File | None = None
        self.now = build_now()
        self.script = ""
        self.site_url = ""
        """``site_url`` as configured in ``mkdocs.yml`` (``""`` without one), never the
        preview's local address: the only base of the absolute URLs written here."""

    @property
    def folder(self) -> str:
        return self.config.folder.strip("/")

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Register the stylesheet.

        Raises:
            PluginError: when ``page_size``, ``home_limit`` or ``feed_size`` is less than 1.
        """
        if min(self.config.page_size, self.config.home_limit, self.config.feed_size) < 1:
            raise PluginError(
                "langso/notices: page_size, home_limit, feed_size phải ≥ 1"
                " / page_size, home_limit and feed_size must be at least 1"
            )
        own_section(config, self.config.folder, NOTICE_KEYS, CSS)
        script = package_files("langso").joinpath("assets/notices.js").read_text("utf-8")
        self.script = f"<script>{script[script.index('(function') :].strip()}</script>"
        self.site_url = configured_site_url(config) or ""
        return config

    @event_priority(0)
    def _on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.reporter.reset(config)
        try:
            self.now = build_now()
        except ValueError:
            epoch = os.environ.get("SOURCE_DATE_EPOCH")
            raise PluginError(
                f"SOURCE_DATE_EPOCH={epoch!r}: không phải số giây / not seconds"
            ) from None
        docs_dir, docs_rel = content_location(config)
        folder = self.folder
        css = package_files("langso").joinpath("assets/notices.css").read_text("utf-8")
        files.append(File.generated(config, CSS, content=css))

        pages: list[tuple[str, str]] = []
        by_uri: dict[str, File] = {}
        for file in list(files):
            uri = file.src_uri
            if not uri.startswith(folder + "/"):
                continue
            rest = uri[len(folder) + 1 :]
            # langso/content's full list of a big folder (the index is that list), loa.yml
            if file.generated_by == "langso/content" or rest == SCHEDULE_FILE:
                files.remove(file)
            elif _GENERATED.match(rest):
                params = {"page": repo_path(docs_rel, uri)}
                problem = Problem(
                    repo_path(docs_rel, uri), None, "notice.page-exists", params=params
                )
                self.reporter.report([problem])
                files.remove(file)
            elif "/" not in rest and file.is_documentation_page():
                file.inclusion = InclusionLevel.NOT_IN_NAV
                # Not UTF-8, too big, control characters: langso/content says so. No notice,
                # and no page (MkDocs would fail to read it and say so again).
                text, _ = decode_text(file.content_bytes, repo_path(docs_rel, uri))
                if text is None:
                    files.remove(file)
                    continue
                pages.append((uri, text))
                by_uri[uri] = file
        notices, problems = load_notices(
            pages, docs_rel, docs_dir, self.now, lambda path: _published_size(files, path)
        )
        self.reporter.report(problems)
        schedule_rel = repo_path(docs_rel, f"{folder}/{SCHEDULE_FILE}")
        schedule, problems = load_schedule(Path(docs_dir) / folder / SCHEDULE_FILE, schedule_rel)
        self.reporter.report(problems)
        notices = newest_first(notices)
        self.notices = {n.src_uri: n for n in notices}
        self._generate(files, config, notices, schedule, docs_rel)
        return files

    def _generate(
        self,
        files: Files,
        config: MkDocsConfig,
        notices: list[Notice],
        schedule: Any,
        docs_rel: str,
    ) -> None:
        """Add every generated file with empty content, then fill them in: their links need
        every file's final URL."""
        folder, title, size = self.folder, self.config.title, self.config.page_size
        added: dict[str, File] = {}

        def add(uri: str, in_nav: bool = False) -> File:
            level = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, uri, content="", inclusion=level)
            files.append(file)
            added[uri] = file
            return file

        def href(from_uri: str, to_uri: str) -> str:
            source = added.get(from_uri) or files.get_file_from_path(from_uri)
            target = added.get(to_uri) or files.get_file_from_path(to_uri)
            if source is None or target is None:
                return posixpath.relpath(to_uri, posixpath.dirname(from_uri))
            return target.url_relative_to(source)

        months = by_month(notices)
        transcripts = [n for n in notices if n.kind.key == "loa"]
        links = [("Lưu trữ theo tháng", f"{folder}/luu-tru/index.md")]
        # a schedule with mistakes still has its page: links to it are no second, false error
        schedule_file = Path(content_location(config)[0]) / folder / SCHEDULE_FILE
        has_loa = schedule is not None or bool(transcripts) or schedule_file.is_file()
        if has_loa:
            links.append(("Loa truyền thanh", f"{folder}/loa/index.md"))
        # plain words for the feed (a villager does not know "Atom"); its <link rel="alternate">
        # lets a reader's app find it too
        links.append(("Nhận tin mới bằng ứng dụng đọc tin", f"{folder}/{FEED_FILE}"))
        made = index_pages(notices, folder, title, size, self.now, lambda a, b: "")
        for uri, _ in made:
            add(uri, in_nav=uri == f"{folder}/index.md")
        for uri, _ in month_pages(months, folder, title, size, self.now, lambda a, b: ""):
            add(uri)
        add(f"{folder}/luu-tru/index.md")
        if has_loa:
            add(f"{folder}/loa/index.md")
        self.feed = add(f"{folder}/{FEED_FILE}")
        # Write only what is used: a notice expired at the build is not put on the board again;
        # each print page costs a QR code (~20 ms, measured on the sample), with every notice
        # the hamlet ever posted.
        self.prints = {
            n.src_uri: add(print_uri(folder, n)) for n in notices if not n.is_expired(self.now)
        }

        generated = index_pages(notices, folder, title, size, self.now, href, links)
        generated += month_pages(months, folder, title, size, self.now, href)
        generated.append(archive_page(months, folder, title))
        if has_loa:
            generated.append(loa_page(schedule, transcripts, folder, size, self.now, href))
        for uri, markdown in generated:
            added[uri].content_string = markdown

        site_url = self.site_url
        urls = {}
        for path in {n.src_uri for n in notices} | {a.path for n in notices for a in n.attachments}:
            file = files.get_file_from_path(path)
            if file is not None:
                urls[path] = site_url + file.url
        feed = atom_feed(
            notices,
            urls,
            site_url,
            title,
            self.now,
            limit=self.config.feed_size,
            feed_path=f"{folder}/{FEED_FILE}",
            index_path=f"{folder}/",
        )
        self.feed.content_string = feed

        # As many spares as shown: the reader's script shows them as notices above expire.
        limit = self.config.home_limit
        chosen = home_notices(notices, self.now, 2 * limit, self.config.fresh_days)
        config.extra[NOTICES_KEY] = home_entries(chosen, self.now, self.config.fresh_days, limit)
        config.extra[NOTICES_INDEX_KEY] = f"{folder}/index.md"

    @event_priority(GATE_PRIORITY)
    def _stop_on_errors(self, files: Files, *, config: MkDocsConfig) -> None:
        self.reporter.stop_if_errors(config)

    on_files = CombinedEvent(_on_files, _stop_on_errors)

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """A notice's summary as its ``description`` and its photo as its link preview's image
        (after ``langso/content`` escaped the front matter's: the summary is escaped here)."""
        notice = self.notices.get(page.file.src_uri)
        if notice is None:
            return markdown
        if not page.meta.get("description") and notice.summary:
            page.meta["description"] = html_text(notice.summary)
        photo = self._photo(notice, page, files)
        if photo is not None:
            src, width, height = photo
            alt = f"Ảnh chụp bản thông báo: {notice.title}"
            page.meta[IMAGE_KEY] = {"src": src, "width": width, "height": height, "alt": alt}
        return markdown

    def _photo(
        self, notice: Notice, page: Page, files: Files
    ) -> tuple[str, int | None, int | None] | None:
        if notice.image is None:
            return None
        file = files.get_file_from_path(notice.image)
        if file is None:
            return None
        size = picture_size(file.abs_src_path) if file.abs_src_path else None
        width, height = size if size else (None, None)
        return file.url_relative_to(page.file), width, height

    @event_priority(10)
    def _head(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """The block under a notice's title, its photo and attachments after its text (before
        the photos plugin sizes the photo and the search index reads the page); the print page
        from its text."""
        notice = self.notices.get(page.file.src_uri)
        if notice is None:
            return html
        printed = self.prints.get(notice.src_uri)
        if printed is not None:
            village = config.extra.get("village")
            name = village.full_name if isinstance(village, Village) else None
            url = self.site_url + page.url if self.site_url else None
            base = page.file.url_relative_to(printed)
            printed.content_string = print_html(notice, html, url, base, self.now, name)
        attached = []
        for item in notice.attachments:
            file = files.get_file_from_path(item.path)
            if file is None:
                continue
            size = os.path.getsize(file.abs_src_path) if file.abs_src_path else None
            label = _size_label(size) if size else None
            attached.append(Attached(file.url_relative_to(page.file), item.label, item.type, label))
        footer = footer_html(notice, self._photo(notice, page, files), attached)
        html = insert_after_h1(html, header_html(notice, self.now))
        return f"{html}\n{footer}" if footer else html

    @event_priority(-60)
    def _foot(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Last (after the search index has read the page): the print page's link and the way
        back to every notice."""
        notice = self.notices.get(page.file.src_uri)
        if notice is None:
            return html
        printed = self.prints.get(notice.src_uri)
        print_href = printed.url_relative_to(page.file) if printed else ""
        index = files.get_file_from_path(f"{self.folder}/index.md")
        index_href = index.url_relative_to(page.file) if index else ""
        return f"{html}\n{actions_html(print_href, index_href)}"

    on_page_content = CombinedEvent(_head, _foot)

    @event_priority(10)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """The feed's link on the notices' pages; the expiry script where a time is shown."""
        if page.file.src_uri.startswith(self.folder + "/") and self.feed is not None:
            link = get_relative_url(self.feed.url, page.url)
            tag = (
                f'<link rel="alternate" type="application/atom+xml" '
                f'title="{html_text(self.config.title)}" href="{html_text(link)}">'
            )
            output = output.replace("</head>", f"{tag}\n</head>", 1)
        if "data-het-han=" in output:
            output = output.replace("</body>", f"{self.script}\n</body>", 1)
        return output
