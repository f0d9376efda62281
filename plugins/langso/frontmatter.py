"""Front matter of Markdown pages, read strictly (``shared/cases`` C-09).

MkDocs 1.6 drops a whole front matter block that YAML cannot read — with no warning, even with
``--strict`` — and prints the raw YAML into the page; ``title: Lễ hội #1 mùa xuân`` silently becomes
``Lễ hội``. Here the block goes through :func:`langso.yamlsource.parse_yaml`, so each mistake is a
located problem, and :func:`mkdocs_source` hands MkDocs a block it cannot misread.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from langso.authoring import as_previewed
from langso.cache import Recall, digest
from langso.problems import Problem
from langso.text import fold, nfc
from langso.yamlsource import Mapping, Scalar, parse_yaml

__all__ = [
    "KNOWN_KEYS",
    "TEXT_KEYS",
    "CheckedPage",
    "PageSource",
    "check_page",
    "mkdocs_source",
    "page_title",
    "read_page",
    "sources_problems",
    "title_problems",
]

# Same delimiters as MkDocs (mkdocs/utils/meta.py, YAML_RE), so both agree on where the block ends.
_BLOCK = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_OPENING = re.compile(r"^-{3}[ \t]*\n")
_LOOKS_LIKE_KEY = re.compile(r"^[A-Za-z_][\w-]*[ \t]*:")
# A front matter block after blank lines, or opened with a dash a word processor made of `---`.
_MISPLACED = re.compile(r"^\s*?\n*(?:(---)|([—–]+|-{2}(?!-)|-{4,}))[ \t]*\n[A-Za-z_][\w-]*[ \t]*:")

KNOWN_KEYS = frozenset(
    {"title", "description", "template", "hide", "icon", "status", "search", "tags", "subtitle"}
)
"""Front-matter keys MkDocs and Material read; a key one typo away from these is reported."""

TEXT_KEYS = frozenset({"title", "description"})
"""Keys always kept as the text typed (``title: No`` is the title "No", never ``False``)."""


@dataclass(frozen=True)
class PageSource:
    """A Markdown page split into its front matter (``meta``) and body.

    Attributes:
        meta: the front matter with YAML types (lists, booleans…), except :data:`TEXT_KEYS`,
            kept as typed. Empty when the page has none or when it has problems.
        body: the Markdown after the front matter, NFC.
        body_line: line number of the body's first line in the file (1-based).
    """

    meta: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1


def read_page(text: str, rel: str) -> tuple[PageSource, list[Problem]]:
    """Split ``text`` into front matter and body and check the front matter strictly.

    Args:
        text: the whole Markdown file; normalised to NFC here.
        rel: repository-relative path for messages.

    Returns:
        ``(page, problems)``. With problems, ``page.meta`` is empty and ``page.body`` still excludes
        the front matter block, so raw front matter never reaches a page.
    """
    text = nfc(text).removeprefix("\ufeff").replace("\r\n", "\n")
    if not text.endswith("\n"):
        text += "\n"  # a closing `---` on the last line still closes the block
    match = _BLOCK.match(text)
    if not match:
        opening = _OPENING.match(text)
        if opening and _LOOKS_LIKE_KEY.match(text[opening.end() :]):
            return PageSource(body=text), [Problem(rel, 1, "frontmatter.unclosed")]
        misplaced = _MISPLACED.match(text)
        if misplaced:
            start = misplaced.start(1) if misplaced.group(1) else misplaced.start(2)
            line = text.count("\n", 0, start) + 1
            return PageSource(body=text), [Problem(rel, line, "frontmatter.misplaced")]
        return PageSource(body=text), []
    block = match.group(1)
    body = text[match.end() :]
    body_line = text.count("\n", 0, match.end()) + 1
    node, problems = parse_yaml(block, rel, first_line=2)
    if problems:
        return PageSource(body=body, body_line=body_line), problems
    if node is None:
        return PageSource(body=body, body_line=body_line), []
    if not isinstance(node, Mapping):
        return PageSource(body=body, body_line=body_line), [
            Problem(rel, node.line, "frontmatter.not-mapping")
        ]
    try:
        meta = yaml.load(block, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    except yaml.YAMLError as error:  # the composer accepted it; the constructor did not
        detail = str(getattr(error, "problem", "") or error)
        params = {"detail": detail}
        return PageSource(body=body, body_line=body_line), [
            Problem(rel, 2, "yaml.syntax", params=params)
        ]
    for key in TEXT_KEYS & meta.keys():
        value = node.entries[key][1]
        if isinstance(value, Scalar):
            meta[key] = None if value.null else value.text
    warnings = [
        Problem(
            rel,
            line,
            "frontmatter.unknown-key",
            key,
            {"key": key, "suggestion": close[0]},
            severity="warning",
        )
        for key, (line, _) in node.entries.items()
        if key not in KNOWN_KEYS
        and (close := difflib.get_close_matches(key, sorted(KNOWN_KEYS), n=1, cutoff=0.75))
    ]
    return PageSource(meta=meta, body=body, body_line=body_line), warnings


_H1 = re.compile(r"^#[ \t]+\S|^[^\n]+\n=+[ \t]*$", re.MULTILINE)


def title_problems(page: PageSource, rel: str) -> list[Problem]:
    """A warning when the page has neither a ``title`` nor a level-1 heading.

    MkDocs would then name the page after its file, without accents (``chua-lang`` → "Chua lang").
    """
    if page.meta.get("title") or _H1.search(page.body):
        return []
    return [Problem(rel, page.body_line, "page.no-title", severity="warning")]


_ATX_H1 = re.compile(r"^#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_ATTRIBUTES = re.compile(r"[ \t]*\{[^{}]*\}[ \t]*$")


def page_title(page: PageSource) -> str | None:
    """The page's title as MkDocs finds it: ``title`` in the front matter, else the text of the
    first ``# heading`` (without a trailing ``{ #id }``); ``None`` when it has neither."""
    title = page.meta.get("title")
    if title:
        return str(title)
    match = _ATX_H1.search(page.body)
    return _ATTRIBUTES.sub("", match.group(1)) or None if match else None


_SOURCES = re.compile(r"^#{1,6}[ \t]+(nguon|nguon tham khao|tai lieu tham khao)[ \t]*#*[ \t]*$")


def sources_problems(page: PageSource, rel: str) -> list[Problem]:
    """A warning when the page has no sources section (a heading ``Nguồn``, any level)."""
    for line in page.body.splitlines():
        if line.startswith("#") and _SOURCES.match(fold(line)):
            return []
    return [Problem(rel, None, "page.no-sources", severity="warning")]


def mkdocs_source(page: PageSource) -> str:
    """Return Markdown that MkDocs reads back as exactly ``page.meta`` and ``page.body``.

    The front matter is written back by PyYAML's safe dumper, which quotes any string that would
    otherwise read as another type, and is always present (``{}`` when empty): that also stops
    MkDocs from reading a first line like ``Note: …`` as MultiMarkdown metadata.
    """
    # Dumping is the slow part of reading a page; `mkdocs serve` reads every page on each
    # rebuild. repr() tells YAML's plain types apart (a date from its text), so it keys the dump.
    key = repr(page.meta)
    meta = _DUMPED.get(key)
    if meta is None:
        meta = yaml.safe_dump(
            page.meta, allow_unicode=True, sort_keys=False, default_flow_style=False
        )
        if len(_DUMPED) >= _DUMPED_MAX:
            _DUMPED.clear()
        _DUMPED[key] = meta
    return f"---\n{meta}---\n\n{page.body}"


_DUMPED: dict[str, str] = {}
_DUMPED_MAX = 20_000


@dataclass(frozen=True)
class CheckedPage:
    """A Markdown page as the build uses it (see :func:`check_page`).

    Attributes:
        source: the Markdown for MkDocs: the checked front matter (:func:`mkdocs_source`) and the
            body as the volunteer's preview showed it (:func:`langso.authoring.as_previewed`).
        title: the page's title (:func:`page_title`), or ``None``.
        problems: every problem of the page, in the order found.
    """

    source: str
    title: str | None
    problems: tuple[Problem, ...]


def check_page(
    text: str, rel: str, *, needs_sources: bool, recall: Recall[CheckedPage] | None = None
) -> CheckedPage:
    """Read the page ``text`` (:func:`read_page`) and check it: a title, and a sources section
    when ``needs_sources``; the title and sources warnings only when the front matter is valid.

    Args:
        text: the whole Markdown file.
        rel: repository-relative path for messages.
        needs_sources: whether the page must cite its sources (``sources_required``).
        recall: where pages checked by an earlier build of this process are kept, by a digest of
            the three inputs; the problems are kept with them, so they are reported every build.
    """
    if recall is None:
        return _check_page(text, rel, needs_sources)
    return recall.get(
        digest(text, rel, needs_sources), lambda: _check_page(text, rel, needs_sources)
    )


def _check_page(text: str, rel: str, needs_sources: bool) -> CheckedPage:
    page, problems = read_page(text, rel)
    if not any(p.severity == "error" for p in problems):
        problems += title_problems(page, rel)
        if needs_sources:
            problems += sources_problems(page, rel)
    source = mkdocs_source(dataclasses.replace(page, body=as_previewed(page.body)))
    return CheckedPage(source, page_title(page), tuple(problems))
