"""Heading ids that do not move when a page is edited (issue 12, deliverable 5).

Python-Markdown's ``toc`` extension gives each heading the slug of its text
(:func:`langso.text.slugify`) and, when that id is taken on the page, the first free ``<slug>_1``,
``<slug>_2``… in page order (``markdown.extensions.toc.unique``). Slugs drop tone marks, so
``## Cá kho`` and ``## Cà kho`` both want ``ca-kho``: the first gets it, the second ``ca-kho_1``,
and swapping the two sections silently swaps where a shared link ``#ca-kho`` opens. A heading
without a letter or digit (``## 🍜``) has an empty slug and gets ``_1``, ``_2``… by position.

:func:`heading_problems` warns about both, located on the heading's line. The fix is an explicit
id written with ``attr_list`` (``## Cà kho {#ca-kho-ca}``), which ``toc`` never changes and which
therefore never triggers the warning. An emoji-only heading is warned about rather than given an id
of our own making: any id we could derive from it would still depend on its position, and only the
volunteer knows a word for it.

The headings are found by Python-Markdown itself, with the block processors, ``attr_list`` and
``toc`` the project's ``mkdocs.yml`` uses (:data:`EXTENSIONS`), so what is warned about is exactly
what ``toc`` does: a ``#`` line in a code block is no heading, a setext heading (``Tiêu đề`` over
``===``) and a heading inside an admonition are. Only the parse and the tree processors up to
``toc`` run, on headings only (no HTML is written out): about 1 ms for a page of the sample.
Most pages need not even that: when every line that could be a heading slugs to a distinct,
non-empty id with no inline markup in the way, no id can move (about 0.02 ms a page).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import HashHeaderProcessor, SetextHeaderProcessor
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from langso.authoring import as_previewed
from langso.problems import Problem
from langso.text import slugify

__all__ = ["EXTENSIONS", "Heading", "heading_problems", "page_headings"]

EXTENSIONS = ("admonition", "attr_list", "fenced_code", "tables")
"""Markdown extensions that decide what is a heading and its id, besides ``toc``: MkDocs always
enables ``fenced_code`` and ``tables``; the sample and ``langso init`` also ``admonition`` and
``attr_list`` (``langso/directory`` enables ``attr_list`` when missing)."""

_HEADING_TAG = re.compile(r"^h[1-6]$")
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")


@dataclass(frozen=True)
class Heading:
    """One heading of a page, as ``toc`` sees it.

    Attributes:
        line: the 1-based line of the heading in the Markdown given (the title line of a setext
            heading), or ``None`` when it could not be found in the source.
        source: the heading's line as typed, without indentation (``## Cá kho {#ca-kho-ca}``).
        id: the id ``toc`` gives it (``ca-kho_1``).
        wanted: its explicit id, else the slug of its text (``ca-kho``; ``""`` for ``## 🍜``).
        explicit: whether the id was written with ``attr_list`` (``{#…}``).
    """

    line: int | None
    source: str
    id: str
    wanted: str
    explicit: bool


# A heading's line travels through Python-Markdown as one private-use character (plane 15) put
# into its text: after the `#`s of a `#` heading, before the first letter of a setext title
# (nothing else reads a character there); each processor below takes it out again before
# `attr_list` and `toc` see the text. Pages of more lines than the plane holds are not marked
# past it; their later headings are found by their text instead.
_MARK_BASE = 0xF0000
_MARK_LIMIT = 0xFFFE
_MARKS = re.compile("[\U000f0000-\U000ffffd]")
# The start of a `#` heading line, also inside a quote, a list item or an admonition.
_ATX_START = re.compile(r"^[ \t>]*(?:(?:[-*+]|\d+[.)])[ \t]+)*#+")
_UNDERLINE = re.compile(r"^[ \t]*(?:=+|-+)[ \t]*$")


def _mark(lines: list[str]) -> list[str]:
    """``lines`` with each possible heading line carrying its index (see above).

    A setext title is marked only when it starts with a letter or a non-ASCII character:
    whatever else starts a line may start a block (a list, a fence, HTML) that a character in
    front would hide from Python-Markdown.
    """
    marked = list(lines)
    for index, line in enumerate(lines[:_MARK_LIMIT]):
        mark = chr(_MARK_BASE + index)
        start = _ATX_START.match(line)
        if start is not None:
            # After the spaces that follow the `#`s: a mark before them would put a space in
            # front of a `{#id}` that is the whole text, which attr_list then reads as an id.
            at = len(line) - len(line[start.end() :].lstrip(" \t"))
            marked[index] = line[:at] + mark + line[at:]
        elif index + 1 < len(lines) and _UNDERLINE.match(lines[index + 1]):
            text = line.lstrip()
            if text and (text[0].isalpha() or not text[0].isascii()):
                indent = len(line) - len(text)
                marked[index] = line[:indent] + mark + text
    return marked


class _Recorder:
    """What the processors below note during one parse."""

    def __init__(self) -> None:
        # id(element) → the element, the index of its line, its text as typed
        self.sources: dict[int, tuple[Element, int | None, str]] = {}
        self.explicit: set[int] = set()
        self.slugs: list[str] = []
        # index, text, id, wanted, explicit
        self.headings: list[tuple[int | None, str, str, str, bool]] = []

    def reset(self) -> None:
        """Forget the last page."""
        self.sources = {}
        self.explicit = set()
        self.slugs = []
        self.headings = []

    def slugify(self, value: str, separator: str) -> str:
        """``toc``'s slug function: :func:`langso.text.slugify`, noting each slug in order."""
        slug = slugify(value, separator)
        self.slugs.append(slug)
        return slug

    def note(self, heading: Element) -> None:
        """Take the line mark out of the text of ``heading`` (just made) and note its index."""
        text = heading.text or ""
        mark = _MARKS.search(text)
        index = None if mark is None else ord(mark.group()) - _MARK_BASE
        heading.text = _MARKS.sub("", text).strip()
        self.sources[id(heading)] = (heading, index, heading.text)


class _HashHeader(HashHeaderProcessor):
    """Python-Markdown's ``#`` heading processor, noting the line each heading came from."""

    def __init__(self, parser: BlockParser, recorder: _Recorder) -> None:
        super().__init__(parser)
        self.recorder = recorder

    def run(self, parent: Element, blocks: list[str]) -> None:
        found = self.RE.search(blocks[0]) is not None
        super().run(parent, blocks)
        if found:  # the heading is the last element the processor added
            self.recorder.note(parent[-1])


class _SetextHeader(SetextHeaderProcessor):
    """Python-Markdown's underlined heading processor, noting the title line."""

    def __init__(self, parser: BlockParser, recorder: _Recorder) -> None:
        super().__init__(parser)
        self.recorder = recorder

    def run(self, parent: Element, blocks: list[str]) -> None:
        super().run(parent, blocks)
        self.recorder.note(parent[-1])


class _Prune(Treeprocessor):
    """Before inline processing (the costly part): drop what can neither be a heading nor give
    an id. ``toc`` reads only headings and the ids already set, which here only ``attr_list``
    sets, from a ``{…}`` in the text; HTML blocks are stashed, their ids unseen by ``toc`` too."""

    def run(self, root: Element) -> None:
        # A line mark left in a block that is not a heading (a `# …` line that is a table row,
        # say) must not change how attr_list reads its `{…}`: it goes before anything reads it.
        for element in root.iter():
            if element.text and not _HEADING_TAG.match(str(element.tag)):
                element.text = _MARKS.sub("", element.text)
            if element.tail:
                element.tail = _MARKS.sub("", element.tail)
        _keep(root)


def _keep(element: Element) -> bool:
    """Drop the children of ``element`` that hold no heading and no ``{``; whether it holds
    either itself.

    Where the element's own text or a child's tail holds a ``{``, every child stays: attr_list
    reads a ``{: #id }`` there only when nothing follows it in the element, so dropping a later
    child would set an id the page does not have.
    """
    if isinstance(element.tag, str) and _HEADING_TAG.match(element.tag):
        return True
    braces = "{" in (element.text or "") or any("{" in (c.tail or "") for c in element)
    kept = braces
    for child in list(element):
        if _keep(child):
            kept = True
        elif not braces:
            element.remove(child)
    return kept


class _Explicit(Treeprocessor):
    """After ``attr_list``, before ``toc``: the headings that already have an id wrote it, and
    ``toc`` will not slug them."""

    def __init__(self, recorder: _Recorder) -> None:
        super().__init__()
        self.recorder = recorder

    def run(self, root: Element) -> None:
        for element in root.iter():
            tag = element.tag
            if isinstance(tag, str) and _HEADING_TAG.match(tag) and "id" in element.attrib:
                self.recorder.explicit.add(id(element))


class _Collect(Treeprocessor):
    """After ``toc``: every heading in page order with its id; ``toc`` slugged the headings
    without an id in this same order (``TocTreeprocessor.run`` walks ``doc.iter()``)."""

    def __init__(self, recorder: _Recorder) -> None:
        super().__init__()
        self.recorder = recorder

    def run(self, root: Element) -> None:
        recorder = self.recorder
        slugs = iter(recorder.slugs)
        for element in root.iter():
            if not isinstance(element.tag, str) or not _HEADING_TAG.match(element.tag):
                continue
            explicit = id(element) in recorder.explicit
            given = element.get("id", "")
            wanted = given if explicit else next(slugs, "")
            noted = recorder.sources.get(id(element))
            if noted is not None:  # else a heading written in HTML (md_in_html): not ours
                recorder.headings.append((noted[1], noted[2], given, wanted, explicit))


class _Headings(Extension):
    def __init__(self, recorder: _Recorder) -> None:
        super().__init__()
        self.recorder = recorder

    def extendMarkdown(self, md: Markdown) -> None:
        parser = md.parser
        # Same names and priorities as Python-Markdown's own (blockprocessors.build_block_parser).
        parser.blockprocessors.register(_HashHeader(parser, self.recorder), "hashheader", 70)
        parser.blockprocessors.register(_SetextHeader(parser, self.recorder), "setextheader", 60)
        # Inline processing runs at 20, attr_list at 8 and toc at 5 (their registrations).
        md.treeprocessors.register(_Prune(), "langso-prune", 25)
        md.treeprocessors.register(_Explicit(self.recorder), "langso-explicit-ids", 6)
        md.treeprocessors.register(_Collect(self.recorder), "langso-heading-ids", 4)


class _Parser(threading.local):
    """One Markdown instance per thread (an instance keeps state while it converts)."""

    def __init__(self) -> None:
        self.recorder = _Recorder()
        self.md = Markdown(
            extensions=[
                *EXTENSIONS,
                "toc",
                _Headings(self.recorder),
            ],
            extension_configs={"toc": {"slugify": self.recorder.slugify}},
        )
        self.last = self.md.treeprocessors["langso-heading-ids"]


_PARSER = _Parser()


def _parse(markdown: str) -> list[tuple[int | None, str, str, str, bool]]:
    """Python-Markdown's steps of ``Markdown.convert`` up to ``toc`` (nothing is serialised)."""
    md, recorder = _PARSER.md, _PARSER.recorder
    md.reset()
    recorder.reset()
    lines = markdown.split("\n")
    for preprocessor in md.preprocessors:
        lines = preprocessor.run(lines)
    root = md.parser.parseDocument(lines).getroot()
    assert root is not None  # parseDocument always makes one
    for treeprocessor in md.treeprocessors:
        new_root = treeprocessor.run(root)
        if new_root is not None:
            root = new_root
        if treeprocessor is _PARSER.last:
            break
    return recorder.headings


def page_headings(body: str) -> list[Heading]:
    """Every heading of the Markdown ``body`` in page order, with the id ``toc`` gives it.

    The body is parsed as the site renders it (:func:`langso.authoring.as_previewed`); lines are
    counted in ``body`` as given.
    """
    lines = body.split("\n")
    headings = []
    position = 0
    for index, text, given, wanted, explicit in _parse(as_previewed("\n".join(_mark(lines)))):
        if index is None:  # unmarked (see _mark): the next line from the last heading's on
            index = _find(lines, position, text)
        line = None if index is None else index + 1
        position = index + 1 if index is not None else position
        source = lines[index].strip() if index is not None else text
        headings.append(Heading(line, source, given, wanted, explicit))
    return headings


def _find(lines: list[str], start: int, text: str) -> int | None:
    """The index of the first line from ``start`` that holds ``text`` and is followed by a
    setext underline or starts a ``#`` heading."""
    for index in range(start, len(lines)):
        line = lines[index]
        underlined = index + 1 < len(lines) and _UNDERLINE.match(lines[index + 1])
        if (underlined or _ATX_START.match(line)) and text in line:
            return index
    return None


def heading_problems(body: str, rel: str, first_line: int = 1) -> list[Problem]:
    """Warnings for headings whose id depends on their position on the page.

    - ``page.heading-clash``: a heading that wants the id of an earlier heading of the page
      (same slug, or an explicit id already used), named with the earlier one's line;
    - ``page.heading-no-id``: a heading without an explicit id whose text has no letter or digit.

    Each suggests an explicit id free on the page (``## Cà kho {#ca-kho-2}``).

    Args:
        body: the page's Markdown after its front matter.
        rel: repository-relative path for messages.
        first_line: the line of the file on which ``body`` starts.
    """
    if not _may_move(body):
        return []
    headings = page_headings(body)
    taken = {h.id for h in headings} | {h.wanted for h in headings}
    first: dict[str, Heading] = {}
    problems = []
    for number, heading in enumerate(headings, start=1):
        line = None if heading.line is None else heading.line + first_line - 1
        if not heading.wanted:
            suggestion = _suggest(heading, "muc", taken, number)
            params = {"heading": heading.source, "id": heading.id, "suggestion": suggestion}
            problems.append(
                Problem(rel, line, "page.heading-no-id", params=params, severity="warning")
            )
            continue
        earlier = first.setdefault(heading.wanted, heading)
        if earlier is heading:
            continue
        other_line = "?" if earlier.line is None else str(earlier.line + first_line - 1)
        params = {
            "heading": heading.source,
            "other": earlier.source,
            "other_line": other_line,
            "id": heading.wanted,
            "suggestion": _suggest(heading, heading.wanted, taken, 2),
        }
        problems.append(Problem(rel, line, "page.heading-clash", params=params, severity="warning"))
    return problems


# A line that may be a `#` heading, and its text.
_MAYBE_ATX = re.compile(_ATX_START.pattern + "(.*)$")
# Inline Markdown that may make a heading's text differ from what it is typed as: links and
# images, HTML and entities, escapes, code, attribute lists.
_UNSURE = re.compile(r"[\[<&\\`{]")
_ATTRIBUTE_ID = re.compile(r"\{[^}\n]*#")


def _may_move(body: str) -> bool:
    """Whether some heading id of ``body`` may depend on the order of the page: ``False`` only
    when it cannot, without parsing Markdown (the parse costs about 1.5 ms a page).

    Every line that could be a heading (a superset of what Python-Markdown takes for one) is
    slugged as typed; as long as none has inline markup that could change its text, its slug is
    the slug ``toc`` computes (emphasis marks and closing ``#`` are not letters). Distinct,
    non-empty slugs and no ``{#id}`` anywhere on the page then mean that ``toc`` keeps each slug.
    """
    if _ATTRIBUTE_ID.search(body):
        return True
    lines = body.split("\n")
    seen = set()
    for index, line in enumerate(lines):
        atx = _MAYBE_ATX.match(line)
        if atx is not None:
            text = atx.group(1)
        elif index + 1 < len(lines) and _UNDERLINE.match(lines[index + 1]) and line.strip():
            text = line
        else:
            continue
        slug = slugify(text)
        if not slug or slug in seen or _UNSURE.search(text):
            return True
        seen.add(slug)
    return False


def _suggest(heading: Heading, base: str, taken: set[str], start: int) -> str:
    """The heading's line with an explicit id ``<base>-<n>`` no heading of the page has
    (``n`` from ``start``); the id is then taken, so two suggestions never coincide."""
    number = start
    while f"{base}-{number}" in taken:
        number += 1
    new_id = f"{base}-{number}"
    taken.add(new_id)
    if heading.explicit:  # replace the clashing explicit id rather than add a second one
        return re.sub(f"#{re.escape(heading.id)}(?=[\\s}}])", f"#{new_id}", heading.source)
    return f"{_CLOSING_HASHES.sub('', heading.source)} {{#{new_id}}}"
