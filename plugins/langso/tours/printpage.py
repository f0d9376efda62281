"""A tour's print sheet (``tuyen-tham-quan/in/<slug>/``): one page on A4 or A5.

The tour's name and summary, a small map of the route drawn by the build (:func:`route_svg`:
the stops numbered, the line between them, north up, a scale bar) and for each stop its number,
name, text, the way to the next one and a QR code of the stop's page (absolute, from
``site_url``, with ``?t=<slug>&d=<n>`` so the phone shows the "next stop" box; a free
point's code opens the tour page at that stop). Text at :data:`TEXT_PT` (12 pt on A4, 10 pt on
A5): the usual tour (about six stops) is one A4 page, or one A5 sheet printed on both sides —
the map and how to use the sheet on the front, the stops on the back. On a phone the page has
a "In tờ này" button (``window.print()``; shown only when script runs, never printed).
The page is ``noindex``: it is not a page of the site (no search, no offline copy).

QR codes are read from paper by cheap phones, often in poor light, so they are made easy:

- short payload (one-letter query keys, :func:`langso.tours.pages.follow_query`) and error
  correction level M (:data:`QR_LEVEL`, about 15 % of codewords recoverable, ISO/IEC
  18004:2015 table 13) rather than the plaques' Q: a sheet is held in the hand, not weathered
  on a wall, and each level down keeps the symbol one or two versions smaller, i.e. bigger
  modules at the same printed size — what a blurry low-light camera needs most;
- printed with modules of at least :data:`MODULE_MM` (0.45 mm on A5, 0.5 mm on A4) and never
  smaller than :data:`MIN_QR_MM` (20 mm on A5, 25 mm on A4, quiet zone included). ISO/IEC 18004
  sets no minimum; GS1 General Specifications (Symbol Specification Table 1, codes scanned by
  consumers' phones) asks for a QR module of at least 0.396 mm, target 0.495 mm (1.5 × the
  linear X-dimension 0.264/0.330 mm, "optical effects in the image capture process"), and
  printed tests with phones (S. Russell, "Too many QR Codes", scruss.com, 2013) found a
  mid-range tablet camera needs 0.34–0.42 mm on a laser print, about 25 % more on inkjet.

Plain Python: no MkDocs import.
"""

from __future__ import annotations

import math

from langso.escaping import html_text
from langso.qr import ErrorCorrection, QrSymbol, make_qr
from langso.render import render_template
from langso.tours.geo import EARTH_RADIUS_M, WALK_SPEED_M_S, distance_label, minutes_label
from langso.tours.model import Tour
from langso.tours.pages import tour_summary

__all__ = [
    "MIN_QR_MM",
    "MODULE_MM",
    "PRINT_NOTE",
    "QR_LEVEL",
    "TEXT_PT",
    "print_html",
    "qr_sizes",
    "route_svg",
    "scale_length",
]

PRINT_NOTE = (
    "Khoảng cách đo theo đường thẳng; đường đi thật dài hơn. Thời gian tính với tốc độ đi bộ"
    f" {WALK_SPEED_M_S:g} m/giây, chậm hơn tốc độ đi thoải mái của người 70–79 tuổi"
    " (Bohannon 1997, Age and Ageing 26:15–19)."
)
"""The sheet's short version of :data:`langso.tours.pages.SPEED_NOTE`."""

QR_LEVEL: ErrorCorrection = "M"
"""Error-correction level of the sheet's codes (see the module docstring)."""

MODULE_MM = {"A4": 0.5, "A5": 0.45}
"""Smallest printed module (X-dimension), millimetres, per paper size."""

MIN_QR_MM = {"A4": 25.0, "A5": 20.0}
"""Smallest printed code, quiet zone included, millimetres, per paper size."""

TEXT_PT = {"A4": 12, "A5": 10}
"""The sheet's text size, points, per paper: read by older visitors, often without their
glasses, outdoors. A long tour takes more paper rather than smaller text."""

_WIDTH, _HEIGHT, _MARGIN = 600.0, 300.0, 34.0
_STEPS = (10, 20, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000)


def scale_length(metres_per_unit: float, max_units: float) -> int:
    """The longest round length (metres) of :data:`_STEPS` whose bar fits in ``max_units``.

    >>> scale_length(2.0, 150.0)
    250
    """
    fitting = [step for step in _STEPS if step / metres_per_unit <= max_units]
    return fitting[-1] if fitting else _STEPS[0]


def route_svg(tour: Tour) -> str:
    """An SVG map of ``tour``: an equirectangular projection around the route's middle (north
    up, the same scale both ways; exact enough over a village), the line (through the stops'
    ``qua`` points), numbered circles, a
    north arrow ("B", Bắc) and a scale bar. ``role="img"`` with a Vietnamese label."""
    route = tour.line()
    lats = [lat for lat, _ in route]
    lons = [lon for _, lon in route]
    mid = math.radians((min(lats) + max(lats)) / 2)

    def metres(lat: float, lon: float) -> tuple[float, float]:
        x = math.radians(lon - min(lons)) * math.cos(mid) * EARTH_RADIUS_M
        y = math.radians(max(lats) - lat) * EARTH_RADIUS_M
        return x, y

    points = [metres(lat, lon) for lat, lon in route]
    span_x = max(p[0] for p in points) or 1.0
    span_y = max(p[1] for p in points) or 1.0
    scale = min((_WIDTH - 2 * _MARGIN) / span_x, (_HEIGHT - 2 * _MARGIN) / span_y)
    off_x = (_WIDTH - span_x * scale) / 2
    off_y = (_HEIGHT - span_y * scale) / 2

    def place(lat: float, lon: float) -> tuple[float, float]:
        x, y = metres(lat, lon)
        return off_x + x * scale, off_y + y * scale

    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in (place(*p) for p in route))
    xy = [place(s.lat, s.lon) for s in tour.stops]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH:g} {_HEIGHT:g}" '
        f'role="img" aria-label="{html_text("Bản đồ tuyến " + tour.name)}">',
        f'<rect x="0.5" y="0.5" width="{_WIDTH - 1:g}" height="{_HEIGHT - 1:g}" fill="#fff" '
        'stroke="#000" stroke-width="1"/>',
        f'<polyline points="{line}" fill="none" stroke="#000" stroke-width="3" '
        'stroke-dasharray="9 5" stroke-linejoin="round"/>',
    ]
    for stop, (x, y), (lx, ly) in zip(tour.stops, xy, _label_spots(xy), strict=True):
        if (lx, ly) != (x, y):  # moved off a neighbour: a dot at the place, a leader line
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="#000"/>'
                f'<path d="M{x:.1f} {y:.1f} L{lx:.1f} {ly:.1f}" stroke="#000" stroke-width="1.5"/>'
            )
        parts.append(
            f'<circle cx="{lx:.1f}" cy="{ly:.1f}" r="{_RADIUS:g}" fill="#000"/>'
            f'<text x="{lx:.1f}" y="{ly + 6:.1f}" text-anchor="middle" font-size="17" '
            f'font-weight="bold" fill="#fff">{stop.number}</text>'
        )
    # North arrow, top right.
    nx = _WIDTH - 24
    parts.append(
        f'<path d="M{nx:g} 10 L{nx - 8:g} 34 L{nx:g} 28 L{nx + 8:g} 34 Z" fill="#000"/>'
        f'<text x="{nx:g}" y="52" text-anchor="middle" font-size="15" font-weight="bold">B</text>'
    )
    # Scale bar, bottom left.
    length = scale_length(1 / scale, _WIDTH / 3)
    bar = length * scale
    parts.append(
        f'<path d="M12 {_HEIGHT - 14:g} h{bar:.1f} M12 {_HEIGHT - 20:g} v12 '
        f'M{12 + bar:.1f} {_HEIGHT - 20:g} v12" stroke="#000" stroke-width="3" fill="none"/>'
        f'<text x="{16 + bar:.1f}" y="{_HEIGHT - 9:g}" font-size="15">{distance_label(length)}'
        "</text>"
    )
    parts.append("</svg>")
    return "".join(parts)


_RADIUS = 13.0
"""A stop's numbered circle, map units."""

_APART = 2 * _RADIUS + 6
"""The least distance between two circles' centres: a clear gap, never touching."""


def _label_spots(xy: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Where each stop's numbered circle goes: on the stop, or, when that would come within
    :data:`_APART` of an earlier circle, the first free spot around it — eight directions (up
    first, clockwise) at 38 units, then at 64 — kept inside the map (a dot at the stop and a
    leader line show where it is)."""
    placed: list[tuple[float, float]] = []
    for x, y in xy:
        spot = (x, y)
        candidates = [(x, y)] + [
            (x + r * math.sin(math.radians(a)), y - r * math.cos(math.radians(a)))
            for r in (38.0, 64.0)
            for a in range(0, 360, 45)
        ]
        for cx, cy in candidates:
            inside = (
                _RADIUS + 1 <= cx <= _WIDTH - _RADIUS - 1
                and _RADIUS + 1 <= cy <= _HEIGHT - _RADIUS - 1
            )
            if inside and all(math.hypot(cx - px, cy - py) >= _APART for px, py in placed):
                spot = (cx, cy)
                break
        placed.append(spot)
    return placed


def qr_sizes(symbols: list[QrSymbol]) -> dict[str, float]:
    """The printed width (mm, quiet zone included) of every code on each paper: the largest
    symbol at :data:`MODULE_MM`, at least :data:`MIN_QR_MM`, rounded up to 0.5 mm (all codes of
    a sheet the same size, so the text lines up).

    >>> qr_sizes([])
    {'A4': 25.0, 'A5': 20.0}
    """
    modules = max((symbol.size for symbol in symbols), default=0)
    return {
        paper: max(MIN_QR_MM[paper], math.ceil(modules * MODULE_MM[paper] * 2 - 1e-9) / 2)
        for paper in ("A4", "A5")
    }


def url_breaks(url: str) -> str:
    """``url`` as escaped HTML that may break only after a ``/`` (a ``<wbr>`` after each one
    but those of ``://``), so a narrow sheet never splits a word of the address.

    >>> url_breaks("https://ex.org/a&b/c")
    'https://<wbr>ex.org/<wbr>a&amp;b/<wbr>c'
    """
    scheme, sep, rest = url.rpartition("://")
    head = html_text(scheme + sep) + ("<wbr>" if sep else "")
    return head + "/<wbr>".join(html_text(part) for part in rest.split("/"))


def print_html(tour: Tour, urls: list[str | None], tour_url: str, back: str) -> str:
    """The print sheet of ``tour``.

    Args:
        urls: for each stop, the absolute address its QR code encodes (``None``: no code,
            when the site has no ``site_url``).
        tour_url: the tour page's address, written at the foot.
        back: the relative link from the sheet to the tour page.
    """
    symbols = [make_qr(url, QR_LEVEL) if url else None for url in urls]
    steps = []
    for index, stop in enumerate(tour.stops):
        leg = tour.legs[index] if index < len(tour.legs) else None
        symbol = symbols[index]
        steps.append(
            {
                "stop": stop,
                "qr": symbol.svg(f"Mã QR: {symbol.data}") if symbol else None,
                "leg": (distance_label(leg.metres), minutes_label(leg.minutes)) if leg else None,
            }
        )
    sizes = qr_sizes([symbol for symbol in symbols if symbol])
    return render_template(
        "tour_print.html",
        tour=tour,
        summary=tour_summary(tour),
        steps=steps,
        map_svg=route_svg(tour),
        url_html=url_breaks(tour_url),
        back=back,
        text_pt=TEXT_PT,
        qr_a4=sizes["A4"],
        qr_a5=sizes["A5"],
        note=PRINT_NOTE,
    )
