""" "Chỉ đường": a link to the phone's own map app, on every page of a place with coordinates.

The link works without JavaScript: its ``href`` is a Google Maps directions URL (``api=1``),
which Google documents as universal — on Android and iPhone it opens the Google Maps app when
installed, else Google Maps in the browser
(https://developers.google.com/maps/documentation/urls/get-started). A few lines of script,
inlined only in pages that have such a link (:data:`SCRIPT`, no request, nothing fetched on
load), then point it at the phone's own map app:

- Android: ``geo:<lat>,<lon>?q=<lat>,<lon>(<name>)`` — RFC 5870 ``geo`` URI, with the ``q``
  query and ``(label)`` Android's map apps read to drop a named pin
  (https://developer.android.com/guide/components/intents-common#Maps); the reader picks the app
  (Google Maps, Organic Maps, OsmAnd…).
- iPhone and iPad: ``https://maps.apple.com/?daddr=<lat>,<lon>`` — Apple's documented map link
  for directions to a destination ("Apple URL Scheme Reference", Map Links), which iOS opens in
  Apple Maps. iPadOS says "Macintosh" in its user agent: a touch screen tells it apart.

The link carries ``data-langso-geo="<lat>,<lon>"`` (numbers only); the pin's label is the page's
``<h1>`` without its permalink ("¶", ``a.headerlink`` of the ``toc`` extension), or the link's
own ``data-langso-name``: already escaped HTML text, read back as text by the script,
percent-encoded there.
"""

from __future__ import annotations

import html
import re

__all__ = [
    "SCRIPT",
    "apple_maps_url",
    "directions_link_html",
    "geo_uri",
    "geo_value",
    "web_directions_url",
    "with_directions",
    "with_directions_script",
]


def geo_value(lat: float, lon: float) -> str:
    """``lat,lon`` in degrees, as both URLs and ``data-langso-geo`` write it (Python's shortest
    exact ``repr``: ``19.9822,105.6431``)."""
    return f"{lat!r},{lon!r}"


def web_directions_url(lat: float, lon: float) -> str:
    """The link without JavaScript: Google Maps directions to the point (see module docstring).

    >>> web_directions_url(19.981, 105.642)
    'https://www.google.com/maps/dir/?api=1&destination=19.981,105.642'
    """
    return f"https://www.google.com/maps/dir/?api=1&destination={geo_value(lat, lon)}"


def geo_uri(lat: float, lon: float, name: str) -> str:
    """What :data:`SCRIPT` makes of the link on Android (for tests and docs): the name
    percent-encoded as ``encodeURIComponent`` does, its brackets made spaces (they end the label).

    >>> geo_uri(19.9822, 105.6431, "Đình (làng)")
    'geo:19.9822,105.6431?q=19.9822,105.6431(%C4%90%C3%ACnh%20%20l%C3%A0ng%20)'
    """
    from urllib.parse import quote

    label = quote(re.sub(r"[()]", " ", name), safe="-_.!~*'")
    where = geo_value(lat, lon)
    return f"geo:{where}?q={where}({label})"


def apple_maps_url(lat: float, lon: float) -> str:
    """What :data:`SCRIPT` makes of the link on iPhone and iPad.

    >>> apple_maps_url(19.9822, 105.6431)
    'https://maps.apple.com/?daddr=19.9822,105.6431'
    """
    return f"https://maps.apple.com/?daddr={geo_value(lat, lon)}"


SCRIPT = (
    "<script>(function(){var u=navigator.userAgent,d=document,"
    "a=/Android/i.test(u),i=/iPhone|iPad|iPod/.test(u)||"
    "(/Macintosh/.test(u)&&navigator.maxTouchPoints>1);if(!a&&!i)return;"
    "var h=d.querySelector('h1'),c=h?h.cloneNode(true):d.createElement('b');"
    "c.querySelectorAll('.headerlink').forEach(function(x){x.remove()});"
    "var n=c.textContent.trim();"
    "d.querySelectorAll('a[data-langso-geo]').forEach(function(e){"
    "var g=e.getAttribute('data-langso-geo'),m=e.getAttribute('data-langso-name')||n;"
    "e.href=a?'geo:'+g+'?q='+g+'('+encodeURIComponent(m.replace(/[()]/g,' '))+')'"
    ":'https://maps.apple.com/?daddr='+g})})()</script>"
)
"""Turns each ``a[data-langso-geo]`` into :func:`geo_uri` on Android, :func:`apple_maps_url` on
iPhone/iPad; elsewhere the web link stays. Inline, ~0.5 KB, run once when the page is parsed."""

_MARK = "data-langso-geo="
_H1_END = re.compile(r"</h1\s*>", re.IGNORECASE)


def directions_link_html(lat: float, lon: float, name: str | None = None) -> str:
    """The "Chỉ đường" button of a landmark page: a ≥ 48 px action (``langso-action``, the
    directory's style), with its web link and ``data-langso-geo``; ``name`` (plain text,
    escaped here) labels the pin instead of the page's title (``data-langso-name``: a tour's
    free stop, on the tour's page)."""
    href = html.escape(web_directions_url(lat, lon), quote=True)
    label = f' data-langso-name="{html.escape(name, quote=True)}"' if name else ""
    return (
        '<p class="langso-actions langso-directions langso-web-only langso-nosnippet">'
        f'<a class="langso-action" href="{href}" {_MARK}"{geo_value(lat, lon)}"{label}>'
        "Chỉ đường</a></p>"
    )


def with_directions(page_html: str, lat: float, lon: float) -> str:
    """``page_html`` (a page's content) with the "Chỉ đường" button right under its first
    ``<h1>`` (at the top when it has none)."""
    link = directions_link_html(lat, lon)
    match = _H1_END.search(page_html)
    if match is None:
        return link + "\n" + page_html
    return f"{page_html[: match.end()]}\n{link}{page_html[match.end() :]}"


def with_directions_script(page_html: str) -> str:
    """``page_html`` with :data:`SCRIPT` at its end when it has a directions link; unchanged
    otherwise (every other page stays as it was)."""
    if _MARK not in page_html:
        return page_html
    return page_html + SCRIPT
