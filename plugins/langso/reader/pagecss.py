"""A built page's critical CSS, from the site's built stylesheets and scripts
(:mod:`langso.reader.critical`), with the files read, digested and parsed once.

Plain Python: paths of the built site in, CSS text out; ``langso/reader`` keeps one
:class:`PageCss` for the life of the plugin (``mkdocs serve`` builds many times) and calls
:meth:`PageCss.new_build` before each build.
"""

from __future__ import annotations

import os
import re
from typing import NamedTuple

from langso.cache import digest
from langso.pageassets import references
from langso.reader.budget import built_file
from langso.reader.critical import Stylesheet, critical_css, markup_names, script_names
from langso.reader.markup import Edit, apply_edits, stylesheet_links

__all__ = ["PageCss"]


def _style_attributes(page_html: str) -> str:
    """The page's ``style`` attributes: the custom properties they use must stay defined."""
    return " ".join(re.findall(r'style="([^"]*)"', page_html))


def _under(href: str, root: str | None) -> str | None:
    """``href`` relative to the site root when it is an absolute path under ``root``;
    ``None`` for another absolute path; as it is without ``root``."""
    if root is None or not href.startswith("/"):
        return href
    return href[len(root) :] if href.startswith(root) else None


class _Known(NamedTuple):
    names: frozenset[str]
    from_scripts: frozenset[str]


class PageCss:
    """The critical CSS of built pages, sharing what their stylesheets and scripts are."""

    def __init__(self) -> None:
        self.exists: dict[str, bool] = {}  # built files looked for, by path
        # by the paths of a page's stylesheets and scripts, this build: what _known says
        self.known: dict[tuple[tuple[str, ...], tuple[str, ...]], _Known] = {}
        # digests of the built stylesheets and scripts by path, read once a build; part of the
        # memo's keys
        self.digests: dict[str, str] = {}
        # by digest, kept between builds (``mkdocs serve``): their text, parsed when needed
        self.texts: dict[str, str] = {}
        self.parsed: dict[str, Stylesheet] = {}
        self.names: dict[str, frozenset[str]] = {}

    def new_build(self) -> None:
        """Forget which files exist and their digests: a new build may change them."""
        self.exists = {}
        self.digests = {}
        self.known = {}

    def forget_unused(self) -> None:
        """Drop the texts, parsed sheets and names of files this build no longer has."""
        used = set(self.digests.values())
        for table in (self.texts, self.parsed, self.names):
            for key in set(table) - used:
                del table[key]

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

    def _known(
        self, sheets: tuple[str, ...], scripts: tuple[str, ...], parsed: list[Stylesheet]
    ) -> _Known:
        """The names the stylesheets at ``sheets`` (``parsed``) select by, and those of them
        the scripts at ``scripts`` may create: made once a build for each such pair, which
        pages share (made for each page, these unions of thousands of names cost more than
        the rest of its critical CSS)."""
        if (sheets, scripts) not in self.known:
            names = frozenset().union(*(sheet.names for sheet in parsed))
            from_scripts = names & frozenset().union(*map(self._script_names, scripts))
            self.known[sheets, scripts] = _Known(names, from_scripts)
        return self.known[sheets, scripts]

    def find(
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
        parsed = [self._stylesheet(path) for path in sheets]
        known = self._known(tuple(sheets), tuple(scripts), parsed)
        kept = sorted(markup_names(text) & known.names | known.from_scripts)
        style = _style_attributes(text)
        key = digest("css", kept, style, *(self._digest(path) for path in sheets))
        return key, critical_css(parsed, frozenset(kept), style), stylesheet_links(page_html)
