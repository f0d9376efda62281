"""Markdown as the volunteer saw it in GitHub's or GitLab's preview.

Python-Markdown (MkDocs) needs a blank line before a list or a table that follows a paragraph;
GitHub's preview does not, so a volunteer sees a list there while the site shows one run-on
paragraph. :func:`as_previewed` inserts the blank line those editors imply, outside code blocks,
so the site renders what the preview showed. A table is recognised with or without its outer
pipes (``Món | Giá`` over ``--- | ---``), as GitHub and Python-Markdown's ``tables`` both read it.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions.tables import TableProcessor

__all__ = ["as_previewed"]

_FENCE = re.compile(r"^\s*(```|~~~)")
# GFM: a bullet item, or an ordered item numbered 1, may interrupt a paragraph.
_LIST_ITEM = re.compile(r"^(?:[-*+]|1[.)])[ \t]+\S")
# GFM's delimiter row (spec 0.29, "Tables"): cells of hyphens with optional colons. With no `|`
# it would be a setext underline or a rule, never a table.
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
# Python-Markdown's own test of a table's first two rows (same number of cells, pipes escaped
# or in code not counted); it reads no state of the parser it is given.
_TABLES = TableProcessor(Markdown().parser, {})
_BLOCK_START = re.compile(r"^\s*(#|>|!!!|\?\?\?|<|\[|\||[-*+]\s|\d{1,9}[.)]\s)")


def _is_paragraph(line: str) -> bool:
    """A line of running text: not blank, not indented code, not the start of another block."""
    return (
        bool(line.strip()) and not line.startswith(("    ", "\t")) and not _BLOCK_START.match(line)
    )


def _starts_table(line: str, following: str) -> bool:
    """Whether ``line`` is the header row of a table whose delimiter row is ``following``,
    for GitHub and Python-Markdown alike."""
    return (
        "|" in following
        and bool(_TABLE_RULE.match(following))
        and (line.lstrip().startswith("|") or _is_paragraph(line))
        and _TABLES.test(Element("div"), f"{line}\n{following}")
    )


def as_previewed(markdown: str) -> str:
    """Return ``markdown`` with a blank line before each list or table that directly follows a
    paragraph line, as GitHub Flavored Markdown reads it (GFM spec 0.29, "Lists" and "Tables":
    both may interrupt a paragraph). Everything else is left byte for byte.
    """
    lines = markdown.split("\n")
    out: list[str] = []
    in_fence = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and out and _is_paragraph(out[-1]):
            starts_list = bool(_LIST_ITEM.match(line))
            following = lines[index + 1] if index + 1 < len(lines) else ""
            starts_table = _starts_table(line, following)
            if starts_list or starts_table:
                out.append("")
        out.append(line)
    return "\n".join(out)
