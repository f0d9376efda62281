"""What a built page loads: its ``<link>`` and ``<script src>`` tags, read one way for every
plugin (the reader's critical CSS and first-load budget, the offline precache list).

Attributes may come in any order and with either quote, as in raw HTML volunteers write.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import NamedTuple

__all__ = ["Reference", "references"]

# One pass finds the tags and the <noscript> elements around some of them.
_TAG = re.compile(r"<(?:(link|script)\b[^>]*|(/?)noscript\b[^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r"""\b(rel|href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")


class Reference(NamedTuple):
    """One file a page names in a ``<link href>`` or a ``<script src>``.

    Attributes:
        tag: ``"link"`` or ``"script"``.
        rels: the link's ``rel`` values, lower case (empty for a script).
        url: the address as written, HTML-unescaped (``../assets/a.css``).
        start, end: where the tag stands in the page (character offsets).
        hidden: inside ``<noscript>``: a browser running scripts does not load it.
    """

    tag: str
    rels: frozenset[str]
    url: str
    start: int
    end: int
    hidden: bool

    @property
    def local(self) -> bool:
        """Served by the site itself (not ``https:…``, not ``//host``, not ``data:``)."""
        return not _EXTERNAL.match(self.url)

    @property
    def stylesheet(self) -> bool:
        """A ``<link rel="stylesheet">``."""
        return self.tag == "link" and "stylesheet" in self.rels


@lru_cache(maxsize=1024)
def _read_tag(tag_html: str) -> tuple[str, frozenset[str], str] | None:
    """``(tag, rels, url)`` of one ``<link>`` or ``<script>`` tag; ``None`` when it names no
    file. Remembered: pages at one depth share most of their tags."""
    attrs = {key.lower(): a or b for key, a, b in _ATTR.findall(tag_html)}
    tag = "link" if tag_html[1:5].lower() == "link" else "script"
    url = attrs.get("src" if tag == "script" else "href")
    if not url:
        return None
    return tag, frozenset(attrs.get("rel", "").lower().split()), html.unescape(url)


@lru_cache(maxsize=8)
def references(page_html: str) -> tuple[Reference, ...]:
    """Every ``<link href>`` and ``<script src>`` of ``page_html``, in order.

    Remembered for the last few pages: several plugins ask about the same page (the offline
    plugin about the page it hands to the reader)."""
    found = []
    hidden = False  # inside <noscript>; its content is text to the HTML parser, never nested
    for match in _TAG.finditer(page_html):
        if match[1] is None:
            hidden = not match[2]
        elif read := _read_tag(match[0]):
            found.append(Reference(*read, match.start(), match.end(), hidden))
    return tuple(found)
