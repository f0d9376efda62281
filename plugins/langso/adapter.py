"""What every Làng số MkDocs plugin shares: locating the content, the site's root from a page,
and reporting problems.

This is the only module besides the ``plugin.py`` files that knows MkDocs.

Problems are logged one by one as they are found, under the ``mkdocs.plugins.langso`` logger
(so ``--strict`` counts warnings), each starting with its repository-relative path and line. The
build stops in a last ``on_files`` handler (:data:`GATE_PRIORITY`), after every plugin has checked
its files, so one run lists every mistake before anything is built from them.
"""

from __future__ import annotations

import inspect
import logging
import os
import weakref
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar, TypeVar, cast
from urllib.parse import urlsplit

from mkdocs.config import config_options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from langso.cache import Recall
from langso.checking import Translator
from langso.edits import EditChain
from langso.pagechanges import needs_render
from langso.problems import Problem

__all__ = [
    "BUILD_LOG",
    "GATE_PRIORITY",
    "BuildLogTranslator",
    "GeneratedPage",
    "KnownTitlePage",
    "Reporter",
    "cache_folder",
    "configured_site_url",
    "content_location",
    "in_post_page_chain",
    "keep_recalls",
    "keep_titles",
    "log",
    "own_section",
    "post_page_chain",
    "render_only_changed",
    "site_root",
    "titles_of_unread_pages",
]

log = logging.getLogger("mkdocs.plugins.langso")
GATE_PRIORITY = -1000
"""``on_files`` priority of the handlers that stop the build: after every plugin's own checks."""


def configured_site_url(config: MkDocsConfig) -> str | None:
    """``site_url`` as ``mkdocs.yml`` sets it, also under ``mkdocs serve``.

    ``mkdocs serve`` (MkDocs 1.6) loads the configuration, then sets ``config.site_url`` to
    ``http://<dev_addr><path of site_url>`` before each build. When ``config.site_url`` is at
    ``dev_addr``, the value is read again from the configuration file with MkDocs' own YAML
    loader (``!ENV`` and ``INHERIT`` as MkDocs reads them) and its ``site_url`` option (a
    trailing ``/`` added); anything else is the configured value.

    Raises:
        mkdocs.exceptions.ConfigurationError: the file can no longer be read (it was read
            moments ago by MkDocs itself, so only when it changed in between).
    """
    current = config.site_url
    path = config.config_file_path
    host, port = config.dev_addr
    if (
        current is None
        or not path
        or urlsplit(current).netloc
        not in (
            f"{host}:{port}",
            f"[{host}]:{port}",
        )
    ):
        return current
    with open(path, "rb") as source:
        data = yaml_load(source, get_yaml_loader(config=config))
    value = data.get("site_url")
    return config_options.Optional(config_options.URL(is_dir=True)).validate(value)


def own_section(config: MkDocsConfig, folder: str, keys: Iterable[str], css: str) -> None:
    """Set up a plugin that owns a folder of pages with front-matter keys of its own (notices,
    events): its stylesheet, and its keys registered for ``langso/content``
    (:data:`langso.frontmatter.SECTION_KEYS`: no warning in ``folder``, one elsewhere)."""
    from langso.frontmatter import SECTION_KEYS

    if css not in [str(item) for item in config.extra_css]:
        config.extra_css.append(css)
    sections = config.extra.get(SECTION_KEYS) or {}
    sections[folder.strip("/")] = sorted(keys)
    config.extra[SECTION_KEYS] = sections


def content_location(config: MkDocsConfig) -> tuple[Path, str]:
    """Return ``docs_dir`` and its path relative to the repository (the folder of mkdocs.yml)."""
    docs_dir = Path(config.docs_dir)
    root = Path(config.config_file_path or ".").resolve().parent
    try:
        rel = Path(os.path.relpath(docs_dir.resolve(), root)).as_posix()
    except ValueError:  # another drive on Windows
        rel = docs_dir.name
    return docs_dir, rel


F = TypeVar("F", bound=Callable[..., Any])

_POST_PAGE_CHAIN = EditChain()


def in_post_page_chain(handler: F) -> F:
    """Mark an ``on_post_page`` handler that finds its edits through :func:`post_page_chain`."""
    handler.langso_post_page_chain = True  # type: ignore[attr-defined]
    return handler


def post_page_chain(config: MkDocsConfig) -> EditChain:
    """The chain of our ``on_post_page`` handlers (see :class:`langso.edits.EditChain`), planned
    from the handlers of this build's plugins and hooks, in the order MkDocs runs them (those
    marked :func:`in_post_page_chain` are ours). Call it once a build before the pages are built
    (``on_pre_build``, ``on_files``); the handlers then use the same chain."""
    handlers = [inspect.unwrap(h) for h in config.plugins.events["post_page"]]
    _POST_PAGE_CHAIN.plan(handlers, lambda h: getattr(h, "langso_post_page_chain", False))
    return _POST_PAGE_CHAIN


@lru_cache(maxsize=8192)  # asked by several plugins for every page of every build
def site_root(page_url: str) -> str:
    """The site's root relative to the page at ``page_url``, ending in ``/``: ``./`` for the
    home page, ``../../`` for ``dia-diem/dinh/``."""
    return get_relative_url("", page_url).rstrip("/") + "/"


def keep_recalls(config: MkDocsConfig) -> None:
    """Keep every :class:`langso.cache.Recall` of this build in ``.cache/langso/recall``."""
    Recall.keep_in(cache_folder(config, "recall"))


def cache_folder(config: MkDocsConfig, kind: str) -> Path:
    """``.cache/langso/<kind>`` beside ``mkdocs.yml``: where the plugins keep work between builds
    (safe to delete; see :mod:`langso.cache`)."""
    root = Path(config.config_file_path or ".").resolve().parent
    return root / ".cache" / "langso" / kind


class Reporter:
    """Logs problems and counts the errors one plugin found in one build.

    Every plugin has its own reporter; :meth:`stop_if_errors` sums the reporters of the same
    build, so the summary counts every error whichever plugin's gate runs first.
    """

    _all: ClassVar[weakref.WeakSet[Reporter]] = weakref.WeakSet()

    def __init__(self) -> None:
        self.errors = 0
        self.build: int | None = None
        Reporter._all.add(self)

    def reset(self, config: MkDocsConfig) -> None:
        """Start counting for the build of ``config`` (``mkdocs serve`` builds many times)."""
        self.errors = 0
        self.build = id(config)

    def report(self, problems: Iterable[Problem]) -> None:
        """Log each problem at its severity: ERROR, WARNING or INFO."""
        for problem in problems:
            if problem.severity == "error":
                self.errors += 1
                log.error(problem.format())
            elif problem.severity == "warning":
                log.warning(problem.format())
            else:
                log.info(problem.format())

    def stop_if_errors(self, config: MkDocsConfig) -> None:
        """Raise :class:`PluginError` when any plugin reported errors in this build.

        Raises:
            PluginError: with a bilingual one-line summary; the details were logged above.
        """
        errors = sum(r.errors for r in Reporter._all if r.build == id(config))
        if errors:
            raise PluginError(error_summary(errors))


def error_summary(errors: int) -> str:
    """The line that ends a build stopped by ``errors`` content errors, listed before it."""
    return (
        f"Làng số: {errors} lỗi trong nội dung, xem các dòng ở trên — sửa rồi chạy lại."
        f" / {errors} error(s) in the content, listed above — fix them and run again."
    )


def is_error_summary(message: str) -> bool:
    """Whether ``message`` is an :func:`error_summary` line (a count, not a mistake to fix)."""
    count = message.removeprefix("Làng số: ").split(" ", 1)[0]
    return count.isdigit() and message == error_summary(int(count))


class BuildLogTranslator(logging.Filter):
    """Rewrites MkDocs' own English warnings about a page (a link, image or anchor not found, a
    page missing from ``nav``) into the located, bilingual messages ``langso check`` gives
    (:class:`langso.checking.Translator`), as the build logs them: the red cross of a host's
    build then names the file, the line and the fix too.

    Attached to the loggers MkDocs writes those warnings to; the level of each record is kept,
    so ``--strict`` counts exactly what it counted. A message it does not know stays as it is.
    The original text stays on the record (``langso_original``) for ``langso check``, which
    reads MkDocs' words itself.
    """

    LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav")

    def __init__(self) -> None:
        super().__init__()
        self.translator: Translator | None = None

    def start(self, translator: Translator) -> None:
        """Translate with ``translator`` (made anew each build: it counts the links it placed)."""
        self.translator = translator
        for name in self.LOGGERS:
            logger = logging.getLogger(name)
            if self not in logger.filters:
                logger.addFilter(self)

    def stop(self) -> None:
        """Leave messages alone until the next :meth:`start` (the build is over)."""
        self.translator = None

    def update(self, final: set[str]) -> None:
        """The files of the build once every plugin has added its pages (links to them)."""
        if self.translator is not None:
            self.translator.final = final

    def filter(self, record: logging.LogRecord) -> bool:
        if self.translator is None or record.levelno < logging.WARNING:
            return True
        message = record.getMessage()
        findings = self.translator.translate(message, record.levelno < logging.ERROR)
        problems = [f.problem for f in findings if f.problem.code != "build.other"]
        if problems:
            record.langso_original = message
            record.msg = "\n".join(problem.format() for problem in problems)
            record.args = ()
        return True


BUILD_LOG = BuildLogTranslator()
"""The one translator of the build log: loggers outlive plugin instances (``mkdocs serve``, the
tests), so a filter per instance would leave stale ones translating with another site's files."""


class GeneratedPage(File):
    """A generated Markdown page (or a file made in memory) that a dirty build renders (writes)
    only when its content changed (:func:`langso.pagechanges.needs_render`); everything else is
    MkDocs' ``File``."""

    def is_modified(self) -> bool:
        return needs_render(self.abs_dest_path, self.abs_src_path, lambda: self.content_bytes)


def render_only_changed(files: Iterable[File]) -> int:
    """Give the rule of :class:`GeneratedPage` to every generated Markdown page among ``files``
    and to every other generated file made in memory (the QR plaques' redirect pages, the
    scripts: MkDocs writes those again on every dirty build too; a file copied from the cache
    keeps MkDocs' own rule). Its class changes in place: MkDocs' pages and navigation already
    hold these objects. Returns how many files were given it."""
    count = 0
    for file in files:
        if file.generated_by is None or type(file) is not File:
            continue
        if file.is_documentation_page() or file._content is not None:  # MkDocs' own test
            file.__class__ = GeneratedPage
            count += 1
    return count


_TITLES: dict[str, str] = {}
"""Each page's title when this process last built it (``src_uri`` → title): ``langso serve``."""


class KnownTitlePage(Page):
    """A page a dirty build does not read. MkDocs gives such a page no title (``Page.title`` is
    ``None`` until its Markdown is read), so the menus of the pages the build renders printed
    "None" for it; it keeps the title it had when this process last built it. Its Markdown is
    unchanged since (:func:`titles_of_unread_pages`), so that title is its title."""

    @property
    def title(self) -> str | None:
        if "title" in self.__dict__:  # set by a plugin: as MkDocs' weak_property, for good
            return cast("str | None", self.__dict__["title"])
        found: str | None = super().title
        return found if found is not None else _TITLES.get(self.file.src_uri)

    @title.setter
    def title(self, value: str | None) -> None:
        self.__dict__["title"] = value


def titles_of_unread_pages(pages: Iterable[Page]) -> int:
    """Give every page among ``pages`` that this process built before and whose Markdown has
    not changed since (``File.is_modified``: a dirty build will not read it) the title it had
    (:class:`KnownTitlePage`; its class changes in place). Returns how many."""
    count = 0
    for page in pages:
        if type(page) is Page and page.file.src_uri in _TITLES and not page.file.is_modified():
            page.__class__ = KnownTitlePage
            count += 1
    return count


def keep_titles(pages: Iterable[Page]) -> None:
    """Remember the title of every page among ``pages`` that has one (after a build)."""
    _TITLES.update({p.file.src_uri: p.title for p in pages if p.title is not None})
