"""Content tables a keyboard can scroll.

Material's stylesheet makes every table without a ``class`` (a Markdown table) scroll sideways
on its own (``.md-typeset table:not([class])``: ``display:inline-block; max-width:100%;
overflow:auto``), so a wide table never makes the page wider than the screen. Material's script,
once loaded, moves each such table into ``div.md-typeset__scrollwrap > div.md-typeset__table``,
and that wrapper scrolls instead; it makes neither focusable (it does so only for code blocks).
A box that scrolls must be reachable by keyboard (WCAG 2.1.1; axe-core's
``scrollable-region-focusable``, serious).

Wrapping the table in the built HTML would not survive the script, which wraps every
``table:not([class])`` again, and a class on the table would drop the theme's table styles. So
the table itself is focusable (``tabindex="0"``): before the script, it is the box that scrolls;
after, it is the focusable content of the wrapper that scrolls, and the arrow keys of a reader
who tabbed to it scroll that wrapper. Both states are what axe accepts, with or without
JavaScript, at every font size. Its accessible name stays the table's own (its ``<caption>``).
"""

from __future__ import annotations

import re

__all__ = ["focusable_tables"]

_TABLE = re.compile(r"<table(\s[^>]*)?>", re.IGNORECASE)
_SKIP = re.compile(r"\s(?:class|tabindex)\s*=", re.IGNORECASE)


def focusable_tables(content: str) -> str:
    """``content`` (a page's HTML) with ``tabindex="0"`` on each ``<table>`` the theme lets
    scroll: those without a ``class`` attribute. A table with a ``class`` (drawn by a plugin,
    which decides how it fits) or a ``tabindex`` of its own is left as it is.

    >>> focusable_tables('<table>\\n<thead>')
    '<table tabindex="0">\\n<thead>'
    >>> focusable_tables('<table class="langso-hours">')
    '<table class="langso-hours">'
    """

    def focusable(match: re.Match[str]) -> str:
        attributes = match.group(1) or ""
        if _SKIP.search(attributes):
            return match.group(0)
        return f'<table{attributes} tabindex="0">'

    return _TABLE.sub(focusable, content)
