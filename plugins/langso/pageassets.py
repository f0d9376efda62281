"""What a built page loads: its ``<link>`` and ``<script src>`` tags, read one way for every
plugin (the reader's critical CSS and first-load budget, the offline precache list).

Attributes may come in any order and with either quote, as in raw HTML volunteers write.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Reference", "references"]

_TAG = re.compile(r"<(link|script)\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""\b(rel|href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_NOSCRIPT = re.compile(r"<noscript\b.*?</noscript\s*>", re.DOTALL | re.IGNORECASE)
_EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")


@dataclass(frozen=True)
class Reference:
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


@lru_cache(maxsize=8)
def references(page_html: str) -> tuple[Reference, ...]:
    """Every ``<link href>`` and ``<script src>`` of ``page_html``, in order.

    Remembered for the last few pages: several plugins ask about the same page."""
    hidden = [m.span() for m in _NOSCRIPT.finditer(page_html)]
    found = []
    for match in _TAG.finditer(page_html):
        attrs = {name.lower(): a or b for name, a, b in _ATTR.findall(match[0])}
        tag = match[1].lower()
        url = attrs.get("src" if tag == "script" else "href")
        if not url:
            continue
        at = match.start()
        found.append(
            Reference(
                tag=tag,
                rels=frozenset(attrs.get("rel", "").lower().split()),
                url=html.unescape(url),
                start=at,
                end=match.end(),
                hidden=any(start <= at < end for start, end in hidden),
            )
        )
    return tuple(found)
