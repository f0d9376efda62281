"""A section's index page (``dia-diem/index.md``, ``huong-dan/index.md``) kept up to date by
``langso new``: written when a section gets its first page, and given a link to each new page.

Plain Python, no MkDocs. The index's list of links is the one :mod:`langso.cards` turns into
cards::

    - [Đình làng Là Thôn](dinh-lang-la-thon.md): đình của làng.
    - [Giếng làng](gieng-lang.md)

:func:`add_link` adds ``- [Title](file.md)`` to the first such list (every item one link to a
page, alone on its line, the list between blank lines or headings), in Vietnamese alphabetical
order (:func:`langso.text.sort_key`) when the list is in that order, else at its end. Without
such a list it adds one, before a closing ``## Nguồn`` section or at the end of the page. The
volunteer's text is never changed: one line (and blank lines around a new list) is inserted,
with the file's own line endings; the inserted text is NFC.
"""

from __future__ import annotations

import html
import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from langso.frontmatter import read_page
from langso.render import md
from langso.text import fold, nfc, sort_key
from langso.textfile import decode_text

__all__ = [
    "SECTION_INDEXES",
    "Added",
    "SectionIndex",
    "add_link",
    "index_text",
    "index_title",
    "link_line",
]


@dataclass(frozen=True)
class SectionIndex:
    """What a new index page of a section says: its title, and one line about the section
    (``{place}`` is the village as addresses write it, e.g. ``xóm Phú Mỹ``)."""

    title: str
    intro: str


SECTION_INDEXES = {
    "dia-diem": SectionIndex("Địa điểm", "Đình, chùa, di tích và những nơi đáng biết của {place}."),
    "huong-dan": SectionIndex(
        "Hướng dẫn",
        "Các hướng dẫn ngắn cho bà con, làm lần lượt từng bước trên điện thoại.",
    ),
}
"""The new index page of each section folder ``langso new`` writes pages into."""

How = Literal["sorted", "end", "new-list", "present"]


@dataclass(frozen=True)
class Added:
    """What :func:`add_link` did.

    Attributes:
        text: the index's new text, ``None`` when unchanged (``how == "present"``).
        how: ``"sorted"`` (inserted in alphabetical order), ``"end"`` (at the end of a list not
            in that order), ``"new-list"`` (the page had no list of links: one was added) or
            ``"present"`` (the page already links to the file).
        heading: the text of the ``##`` heading above the list, if any (``"Trong làng"``).
        line: the 1-based line number of the inserted link.
    """

    text: str | None
    how: How
    heading: str | None = None
    line: int | None = None


# As in langso.cards: `- [title](destination)` then, optionally, `: text`, `— text`, ` - text`.
_ITEM = re.compile(
    r"^[-*+][ \t]+\[(?P<title>(?:\\.|[^\]\\])+)\]\(\s*<?(?P<dest>[^)\s>]+)>?\s*\)"
    r"(?:\s*(?::|—|–|\s-)\s*(?P<text>.*?))?\s*$"
)
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^#{1,6}[ \t]+(?P<text>.*?)[ \t#]*$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_ESCAPE = re.compile(r"\\(.)")
_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"\*\*|__|`")


def link_line(title: str, file_name: str) -> str:
    """``- [title](file_name)`` with ``title`` escaped for Markdown (NFC, no line end)."""
    return f"- [{md(nfc(title))}]({file_name})"


def index_text(folder: str, title: str, file_name: str, place: str = "làng") -> str:
    """The index page of the section ``folder`` (a key of :data:`SECTION_INDEXES`) listing
    its first page ``file_name`` titled ``title``; ``place`` fills the intro's ``{place}``."""
    section = SECTION_INDEXES[folder]
    intro = section.intro.format(place=nfc(place))
    return (
        f'---\ntitle: "{section.title}"\ndescription: {_json(intro)}\n---\n\n'
        f"# {section.title}\n\n{intro}\n\n{link_line(title, file_name)}\n"
    )


def index_title(source: str, rel: str) -> str | None:
    """The menu heading of a section folder without ``nav:``: the ``title`` of its index page
    at ``source`` (a path; ``rel`` names it), else its first ``# `` heading as plain text.
    ``None`` when the file cannot be read or has neither (the folder name is used then).
    MkDocs would print the folder name (``huong-dan`` → ``Huong dan``)."""
    try:
        text, _ = decode_text(Path(source).read_bytes(), rel)
    except OSError:
        return None
    if text is None:
        return None
    page, _ = read_page(text, rel)
    title = page.meta.get("title")
    if isinstance(title, str) and title.strip():
        return " ".join(title.split())
    fenced = False
    for line in page.body.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and line.startswith("# "):
            found = _HEADING.match(line.rstrip())
            plain = _plain(_LINK.sub(r"\1", found.group("text"))) if found else ""
            return " ".join(_EMPHASIS.sub("", plain).split()) or None
    return None


def _json(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _plain(title: str) -> str:
    return html.unescape(_ESCAPE.sub(r"\1", title))


def _is_page(dest: str) -> bool:
    path = dest.split("#", 1)[0]
    return (
        bool(path)
        and not _SCHEME.match(path)
        and not path.startswith("/")
        and (path.endswith(".md"))
    )


def _blank(line: str) -> bool:
    return not line.strip()


def add_link(text: str, file_name: str, title: str) -> Added:
    """Add a link to ``file_name`` (in the index's folder) titled ``title`` to the index page
    ``text`` (see the module). ``text`` is kept as given: decoded, not normalised."""
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if "\r\n" in text else "\n"
    linked = re.compile(r"\]\(\s*<?(?:\./)?" + re.escape(file_name) + r"(?:#[^)\s>]*)?>?\s*\)")
    body = _body_start(lines)
    fenced = False
    heading: str | None = None
    closing: int | None = None  # the line of a `## Nguồn` heading
    runs: list[tuple[int, int, str | None]] = []
    n = body
    while n < len(lines):
        line = nfc(lines[n].rstrip("\r\n"))
        if _FENCE.match(line):
            fenced = not fenced
        if fenced:
            n += 1
            continue
        if linked.search(line):
            return Added(None, "present")
        if (found := _HEADING.match(line)) is not None:
            level = len(line) - len(line.lstrip("#"))
            heading = found.group("text") if level >= 2 else None
            if level == 2 and fold(found.group("text")).startswith("nguon"):
                closing = n
        if _ITEM.match(line) and (
            n == body or _blank(lines[n - 1]) or _HEADING.match(lines[n - 1].rstrip())
        ):
            end = n
            while end < len(lines) and _ITEM.match(nfc(lines[end].rstrip("\r\n"))):
                end += 1
            items = [_ITEM.match(nfc(lines[i].rstrip("\r\n"))) for i in range(n, end)]
            pages = all(m is not None and _is_page(m.group("dest")) for m in items)
            if pages and (end == len(lines) or _blank(lines[end])):
                runs.append((n, end, heading))
            n = end
            continue
        n += 1
    entry = link_line(title, file_name) + newline
    if runs:
        start, end, under = runs[0]
        return _into_list(lines, start, end, under, entry, title, newline)
    return _new_list(lines, closing, entry, newline)


def _body_start(lines: list[str]) -> int:
    """The first line after the YAML front matter (0 without one)."""
    if not lines or lines[0].lstrip("\ufeff").strip() != "---":
        return 0
    for n in range(1, len(lines)):
        if lines[n].strip() in ("---", "..."):
            return n + 1
    return 0


def _into_list(
    lines: list[str],
    start: int,
    end: int,
    heading: str | None,
    entry: str,
    title: str,
    newline: str,
) -> Added:
    keys = []
    for i in range(start, end):
        match = _ITEM.match(nfc(lines[i].rstrip("\r\n")))
        assert match is not None
        keys.append(sort_key(_plain(match.group("title"))))
    if not lines[end - 1].endswith(("\n", "\r")):
        lines[end - 1] += newline
    if keys == sorted(keys):
        at = start + bisect_right(keys, sort_key(nfc(title)))
        how: How = "sorted"
    else:
        at, how = end, "end"
    lines.insert(at, entry)
    return Added("".join(lines), how, heading, at + 1)


def _new_list(lines: list[str], closing: int | None, entry: str, newline: str) -> Added:
    if closing is None:
        if lines and not lines[-1].endswith(("\n", "\r")):
            lines[-1] += newline
        if lines and not _blank(lines[-1]):
            lines.append(newline)
        lines.append(entry)
        return Added("".join(lines), "new-list", None, len(lines))
    insert = [entry, newline]
    if closing > 0 and not _blank(lines[closing - 1]):
        insert.insert(0, newline)
    lines[closing:closing] = insert
    return Added("".join(lines), "new-list", None, closing + insert.index(entry) + 1)
