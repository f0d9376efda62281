"""Front matter of Markdown pages, read strictly (``shared/cases`` C-09).

MkDocs 1.6 drops a whole front matter block that YAML cannot read — with no warning, even with
``--strict`` — and prints the raw YAML into the page; ``title: Lễ hội #1 mùa xuân`` silently becomes
``Lễ hội``. Here the block goes through :func:`langso.yamlsource.parse_yaml`, so each mistake is a
located problem, and :func:`mkdocs_source` hands MkDocs a block it cannot misread.

The keys MkDocs and Material read are typed like the directory's fields (:class:`FrontMatter`,
checked by :func:`langso.schema.validate`): ``title: [A, B]`` is a located error, not the page
title "['A', 'B']", and ``search: exclude: 'không'`` means "no" however it is quoted. Any other
key is a warning, with a "did you mean" when it is one slip from a known key (issue 12).
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Annotated, Any, cast

import yaml
from pydantic import BeforeValidator

from langso.authoring import as_previewed
from langso.cache import Recall, digest
from langso.directory.fields import Coordinates, parse_coordinates
from langso.guides import NEED_KEY, guide_problems
from langso.headings import heading_problems
from langso.problems import Problem
from langso.schema import Model, Text, YesNo, did_you_mean, invalid, validate
from langso.text import fold, nfc
from langso.textfile import DATA_MAX_BYTES, control_problems, thousands
from langso.unknowntags import unknown_tag_problems
from langso.yamlsource import Mapping, Node, Sequence, parse_yaml

__all__ = [
    "HIDE_VALUES",
    "KNOWN_KEYS",
    "PLACE_KEY",
    "SECTION_KEYS",
    "TEXT_KEYS",
    "CheckedPage",
    "FrontMatter",
    "PageSource",
    "SectionKeys",
    "check_page",
    "icon_problem",
    "mkdocs_source",
    "page_title",
    "read_page",
    "section_keys_for",
    "sources_problems",
    "template_problem",
    "theme_file_exists",
    "title_problems",
]

# Same delimiters as MkDocs (mkdocs/utils/meta.py, YAML_RE), so both agree on where the block ends.
_BLOCK = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_OPENING = re.compile(r"^-{3}[ \t]*\n")
_LOOKS_LIKE_KEY = re.compile(r"^[A-Za-z_][\w-]*[ \t]*:")
# A front matter block after blank lines, or opened with a dash a word processor made of `---`.
_MISPLACED = re.compile(r"^\s*?\n*(?:(---)|([—–]+|-{2}(?!-)|-{4,}))[ \t]*\n[A-Za-z_][\w-]*[ \t]*:")

PLACE_KEY = "toa_do"
"""A page's coordinates, ``'vĩ độ, kinh độ'``: the page is a place (issue 16), checked by the
directory's parser (two numbers, latitude first, in Viet Nam)."""

KNOWN_KEYS = frozenset(
    {"title", "description", "template", "hide", "icon", "status", "search", "tags", "subtitle"}
    | {NEED_KEY, PLACE_KEY}
)
"""Front-matter keys MkDocs and Material read, ``can_chuan_bi`` (a guide's "what you need",
:mod:`langso.guides`) and ``toa_do`` (a place on the village map, :mod:`langso.geomap.places`);
a key one typo away from these is reported."""


SECTION_KEYS = "langso_section_keys"
"""``config.extra`` key where a plugin that owns a folder of pages registers the front-matter keys
those pages add: ``{"thong-bao": [...], "lich": [...]}`` (folder relative to ``docs_dir`` → the
sorted keys), issue 15."""


@dataclass(frozen=True)
class SectionKeys:
    """The front-matter keys a section of the site adds (notices, events), as they apply to one
    page (see :func:`section_keys_for`).

    Attributes:
        own: the keys of the page's own section: accepted and kept as YAML gives them (that
            section's loader types them, with located errors).
        elsewhere: ``(key, folder)`` for each key of another section: a warning on this page
            (the key would do nothing here), naming the folder where it works.
    """

    own: frozenset[str] = frozenset()
    elsewhere: tuple[tuple[str, str], ...] = ()


def section_keys_for(src_uri: str, sections: dict[str, Iterable[str]]) -> SectionKeys:
    """The :class:`SectionKeys` of the page ``src_uri`` (relative to ``docs_dir``) given the
    registered ``sections`` (:data:`SECTION_KEYS`; lists of keys, as ``config.extra`` must stay
    JSON-serialisable)."""
    own: frozenset[str] = frozenset()
    elsewhere: dict[str, str] = {}
    for folder, keys in sorted(sections.items()):
        if src_uri.startswith(folder.strip("/") + "/"):
            own |= frozenset(keys)
        else:
            elsewhere.update({key: folder.strip("/") for key in keys})
    return SectionKeys(own, tuple(sorted((k, f) for k, f in elsewhere.items() if k not in own)))


TEXT_KEYS = frozenset({"title", "description"})
"""Keys always kept as the text typed (``title: No`` is the title "No", never ``False``)."""

HIDE_VALUES = ("navigation", "toc", "footer", "path", "tags", "feedback")
"""What ``hide:`` can hide: the values Material 9.x's templates test (``"toc" in page.meta.hide``
in ``partials/toc.html`` and its neighbours)."""


def _hidden(value: object) -> object:
    if isinstance(value, str) and value not in HIDE_VALUES:
        listing = ", ".join(f"`{v}`" for v in HIDE_VALUES)
        raise invalid(
            f"`{value}` không phải phần ẩn được của trang",
            f"`{value}` is not a part of the page that can be hidden",
            f"dùng một trong: {listing}",
            f"use one of: {listing}",
        )
    return value


Hidden = Annotated[str, BeforeValidator(_hidden)]

# Material prints `status` into a class name and `icon` into a template path, unescaped
# (partials/nav-item.html: `md-status--{{ status }}`; `{% include ".icons/" ~ icon ~ ".svg" %}`):
# only names of this shape are safe there, and they are the only shapes Material's own use.
_STATUS = re.compile(r"^[a-z][a-z0-9_-]*$")
_ICON = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*(?:/[a-z0-9]+(?:[-_][a-z0-9]+)*)+$")


def _status(value: object) -> object:
    if isinstance(value, str) and not _STATUS.match(value):
        raise invalid(
            f"`{value}` không phải tên trạng thái",
            f"`{value}` is not a status name",
            "dùng `new` (mới) hoặc `deprecated` (cũ), hay một tên khai báo trong `extra.status` "
            "của mkdocs.yml: chữ thường không dấu, số và `-`",
            "use `new` or `deprecated`, or a name declared under `extra.status` in mkdocs.yml: "
            "lower-case ASCII letters, digits and `-`",
        )
    return value


def _icon(value: object) -> object:
    if isinstance(value, str) and not _ICON.match(value):
        raise invalid(
            f"`{value}` không phải tên biểu tượng",
            f"`{value}` is not an icon name",
            "viết tên biểu tượng của giao diện, ví dụ `material/church` (chữ thường không dấu, "
            "`-` và `/`), hoặc xóa dòng `icon:`",
            "write one of the theme's icon names, e.g. `material/church` (lower-case ASCII, `-` "
            "and `/`), or delete the `icon:` line",
        )
    return value


Status = Annotated[str, BeforeValidator(_status)]
Icon = Annotated[str, BeforeValidator(_icon)]


class _Search(Model):
    """``search:`` of a page: ``exclude`` leaves it out of the search results (docs/tim-kiem.md)."""

    exclude: YesNo | None = None


class FrontMatter(Model):
    """The front-matter keys MkDocs and Material read, typed (:data:`KNOWN_KEYS`).

    Sources: MkDocs' user guide, "Meta-Data" (``title``, ``template``); Material's "Setting up
    navigation/tags/search" and "Reference" pages (``description``, ``hide``, ``icon``,
    ``status``, ``subtitle``, ``tags``, ``search.exclude``). Each scalar arrives as typed text.
    """

    title: Text | None = None
    description: Text | None = None
    subtitle: Text | None = None
    template: Text | None = None
    icon: Icon | None = None
    status: Status | None = None
    hide: list[Hidden] | None = None
    tags: list[Text] | None = None
    search: _Search | None = None
    can_chuan_bi: list[Text] | None = None
    toa_do: Annotated[Coordinates, BeforeValidator(parse_coordinates)] | None = None


@dataclass(frozen=True)
class PageSource:
    """A Markdown page split into its front matter (``meta``) and body.

    Attributes:
        meta: the front matter: the keys of :class:`FrontMatter` as it types them (text kept as
            typed, ``search.exclude`` a bool), any other key with the types YAML gives it. Empty
            when the page has none or when it has errors.
        body: the Markdown after the front matter, NFC.
        body_line: line number of the body's first line in the file (1-based).
        lines: the line of each front-matter key (for messages about the page, e.g. a missing
            ``template``).
    """

    meta: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    lines: dict[str, int] = field(default_factory=dict, compare=False)


def read_page(
    text: str, rel: str, sections: SectionKeys = SectionKeys()
) -> tuple[PageSource, list[Problem]]:
    """Split ``text`` into front matter and body and check the front matter strictly.

    Args:
        text: the whole Markdown file; normalised to NFC here.
        rel: repository-relative path for messages.

    Returns:
        ``(page, problems)``. With errors, ``page.meta`` is empty and ``page.body`` still excludes
        the front matter block, so raw front matter never reaches a page; a control character
        anywhere in the page (``text.control-character``) leaves both empty.
    """
    text = nfc(text).removeprefix("\ufeff").replace("\r\n", "\n")
    controls = control_problems(text, rel)
    if controls:  # in the body too: see langso.textfile on what Python-Markdown does with them
        return PageSource(), controls
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
    # The front matter is data: bounded like a YAML file (1 MB), though the page may be 2 MB; said
    # as the front matter's size, so the limit in the message is the one that applies.
    size = len(block.encode("utf-8", "surrogatepass"))
    if size > DATA_MAX_BYTES:
        params = {
            "size_kb": thousands(-(-size // 1000)),
            "limit_kb": thousands(DATA_MAX_BYTES // 1000),
        }
        return PageSource(body=body, body_line=body_line), [
            Problem(rel, 1, "frontmatter.too-large", params=params)
        ]
    node, problems = parse_yaml(block, rel, first_line=2)
    if any(problem.severity == "error" for problem in problems):
        return PageSource(body=body, body_line=body_line), problems
    if node is None:
        return PageSource(body=body, body_line=body_line), problems
    if not isinstance(node, Mapping):
        return PageSource(body=body, body_line=body_line), [
            Problem(rel, node.line, "frontmatter.not-mapping")
        ]
    page, typed = _typed_page(node, rel, body, body_line, sections)
    # parse_yaml's warnings (a value in curly quotes) come with the typed page's problems.
    return page, problems + typed


def _typed_page(
    node: Mapping, rel: str, body: str, body_line: int, sections: SectionKeys = SectionKeys()
) -> tuple[PageSource, list[Problem]]:
    """Check the known keys of the front matter ``node`` (:class:`FrontMatter`) and warn about the
    others; the others keep the types YAML gives them, for a theme override that reads them.
    The keys of the page's own section (``sections.own``) are no warning; those of another
    section are one that names where they work (``frontmatter.section-key``)."""
    warnings: list[Problem] = []
    known: dict[str, tuple[int, Node]] = {}
    elsewhere = dict(sections.elsewhere)
    for key, (line, value) in node.entries.items():
        if key not in KNOWN_KEYS:
            if key in elsewhere:
                params = {"key": key, "folder": elsewhere[key]}
                warnings.append(
                    Problem(rel, line, "frontmatter.section-key", key, params, "warning")
                )
            elif key not in sections.own:
                # a notice's `het_hna` is one slip from `het_han`, not a key to delete
                warnings.append(_unknown_key(rel, line, key, KNOWN_KEYS | sections.own))
            continue
        if key == "search" and isinstance(value, Mapping):
            for sub, (sub_line, _) in value.entries.items():
                if sub != "exclude":
                    warnings.append(
                        _unknown_key(rel, sub_line, f"search.{sub}", {"search.exclude"})
                    )
            exclude = {k: v for k, v in value.entries.items() if k == "exclude"}
            value = Mapping(exclude, value.line)
        known[key] = (line, value)
    model, problems = validate(FrontMatter, Mapping(known, node.line), rel)
    if model is None:
        return PageSource(body=body, body_line=body_line), problems + warnings
    meta: dict[str, Any] = {}
    for key, (_, value) in node.entries.items():
        if key == "search":
            meta[key] = model.search.model_dump(exclude_none=True) if model.search else None
        elif key == PLACE_KEY:  # as typed: the theme reads text, not a model
            meta[key] = model.toa_do.text if model.toa_do else None
        elif key in KNOWN_KEYS:
            meta[key] = getattr(model, key)
        else:
            meta[key] = _yaml_value(value)
    lines = {key: line for key, (line, _) in node.entries.items()}
    return PageSource(meta=meta, body=body, body_line=body_line, lines=lines), warnings


def _unknown_key(rel: str, line: int, key: str, known: Iterable[str]) -> Problem:
    listing = ", ".join(f"`{k}`" for k in sorted(known))
    params = did_you_mean(
        key,
        sorted(known),
        cutoff=0.75,
        fix_vi=f"xóa dòng này nếu không cần; các khóa được dùng: {listing}",
        fix_en="delete the line unless a theme override of yours reads it; the keys used "
        f"are: {listing}",
    )
    return Problem(rel, line, "frontmatter.unknown-key", key, {"key": key, **params}, "warning")


# PyYAML's implicit typing of a plain scalar (``true`` → bool, ``2024-01-02`` → timestamp).
_RESOLVE = cast(Callable[[type, str, tuple[bool, bool]], str], yaml.resolver.Resolver().resolve)
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _yaml_value(node: Node) -> Any:
    """The value of an unknown key as a plain YAML loader types it (``true`` → ``True``,
    ``2024-01-02`` → a date), for theme overrides written for MkDocs' own reading; a plain value
    YAML cannot make into its type (``2024-13-45``) stays text."""
    if isinstance(node, Mapping):
        return {key: _yaml_value(value) for key, (_, value) in node.entries.items()}
    if isinstance(node, Sequence):
        return [_yaml_value(item) for item in node.items]
    if node.null:
        return None
    if node.quoted:
        return node.text
    tag = _RESOLVE(yaml.ScalarNode, node.text, (True, False))
    try:
        return _CONSTRUCTOR.construct_object(yaml.ScalarNode(tag, node.text))
    except (ValueError, OverflowError, yaml.YAMLError):
        return node.text


def template_problem(
    rel: str, template: tuple[str, int] | None, folders: list[str], custom_dir: str | None
) -> Problem | None:
    """A ``frontmatter.template-missing`` error when the page's ``template`` is in none of the
    theme's ``folders``, else ``None``.

    MkDocs looks the name up with Jinja's ``FileSystemLoader`` over ``config.theme.dirs`` (the
    ``custom_dir`` first, then the theme's own folders), which refuses ``..``; a name it cannot
    find stops the build with a traceback (``jinja2.TemplateNotFound``).

    Args:
        rel: repository-relative path of the page.
        template: ``(name, line)`` from :attr:`CheckedPage.template`, or ``None``.
        folders: the theme's template folders, in MkDocs' order.
        custom_dir: the folder named by ``theme.custom_dir`` as written in mkdocs.yml, if any.
    """
    if template is None:
        return None
    name, line = template
    if theme_file_exists(name, folders):
        return None
    if custom_dir:
        where_vi = where_en = f"`{custom_dir.rstrip('/')}/`"
    else:
        where_vi = "`overrides/` (thêm `custom_dir: overrides` vào `theme:` trong mkdocs.yml)"
        where_en = "`overrides/` (add `custom_dir: overrides` to `theme:` in mkdocs.yml)"
    params = {"template": name, "where_vi": where_vi, "where_en": where_en}
    return Problem(rel, line, "frontmatter.template-missing", "template", params)


def theme_file_exists(name: str, folders: list[str]) -> bool:
    """Whether the theme file ``name`` (``/``-separated, no ``..``) is in one of ``folders``, as
    Jinja's ``FileSystemLoader`` over ``config.theme.dirs`` would find it."""
    parts = name.replace("\\", "/").split("/")
    if name.startswith("/") or ".." in parts or "" in parts:
        return False
    return any(os.path.isfile(os.path.join(folder, *parts)) for folder in folders)


def icon_problem(rel: str, icon: tuple[str, int] | None, folders: list[str]) -> Problem | None:
    """A ``frontmatter.icon-missing`` error when the page's ``icon`` is not among the theme's
    icons, else ``None``.

    Material includes ``.icons/<icon>.svg`` from the theme's folders for the page's ``icon``; a name
    it cannot find stops the build with a traceback naming another page (``TemplateNotFound`` while
    rendering the navigation).
    """
    if icon is None:
        return None
    name, line = icon
    if theme_file_exists(f".icons/{name}.svg", folders):
        return None
    return Problem(rel, line, "frontmatter.icon-missing", "icon", {"icon": name})


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
        template: the ``template`` named in the front matter and its line, checked against the
            theme by :func:`template_problem`; ``None`` when there is none.
        icon: the ``icon`` named in the front matter and its line, checked the same way
            (:func:`icon_problem`); ``None`` when there is none.
        location: ``(lat, lon, line)`` of a valid ``toa_do`` (degrees, WGS 84; its line), or
            ``None``: the page is then no place of the village map.
    """

    source: str
    title: str | None
    problems: tuple[Problem, ...]
    template: tuple[str, int] | None = None
    icon: tuple[str, int] | None = None
    location: tuple[float, float, int] | None = None


def check_page(
    text: str,
    rel: str,
    *,
    needs_sources: bool,
    recall: Recall[CheckedPage] | None = None,
    guide: bool = False,
    sections: SectionKeys = SectionKeys(),
) -> CheckedPage:
    """Read the page ``text`` (:func:`read_page`) and check it: a title, and a sources section
    when ``needs_sources``; the title and sources warnings only when the front matter is valid.

    Args:
        text: the whole Markdown file.
        rel: repository-relative path for messages.
        needs_sources: whether the page must cite its sources (``sources_required``).
        recall: where pages checked by an earlier build of this process are kept, by a digest of
            the inputs; the problems are kept with them, so they are reported every build.
        guide: whether the page is in the guides' folder (:func:`langso.guides.is_guide`); a
            page with ``can_chuan_bi`` is a guide too. A guide's structure is checked
            (:func:`langso.guides.guide_problems`).
        sections: the front-matter keys of the site's sections, as they apply to this page
            (:func:`section_keys_for`).
    """
    if recall is None:
        return _check_page(text, rel, needs_sources, guide, sections)
    return recall.get(
        digest(text, rel, needs_sources, guide, sorted(sections.own), sections.elsewhere),
        lambda: _check_page(text, rel, needs_sources, guide, sections),
    )


def _check_page(
    text: str,
    rel: str,
    needs_sources: bool,
    guide: bool = False,
    sections: SectionKeys = SectionKeys(),
) -> CheckedPage:
    page, problems = read_page(text, rel, sections)
    if not any(p.severity == "error" for p in problems):
        problems += title_problems(page, rel)
        if needs_sources:
            problems += sources_problems(page, rel)
        problems += heading_problems(page.body, rel, page.body_line)
        problems += unknown_tag_problems(page.body, rel, page.body_line)
        if guide or NEED_KEY in page.meta:
            problems += guide_problems(page.body, rel, page.body_line)
    source = mkdocs_source(dataclasses.replace(page, body=as_previewed(page.body)))
    named = {
        key: (str(page.meta[key]), page.lines.get(key, 1))
        for key in ("template", "icon")
        if page.meta.get(key)
    }
    location = None
    if page.meta.get(PLACE_KEY):  # valid: the front matter had no error
        coordinates = parse_coordinates(str(page.meta[PLACE_KEY]))
        assert isinstance(coordinates, Coordinates)
        location = (coordinates.lat, coordinates.lon, page.lines.get(PLACE_KEY, 1))
    return CheckedPage(
        source,
        page_title(page),
        tuple(problems),
        named.get("template"),
        named.get("icon"),
        location,
    )
