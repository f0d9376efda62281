"""A tour's print sheet (``tuyen-tham-quan/in/<slug>/``): one page on A4 or A5.

The tour's name and summary, a small map of the route drawn by the build (:func:`route_svg`:
the stops numbered, the line between them, north up, a scale bar) and for each stop its number,
name, text, the way to the next one and a QR code of the stop's page (absolute, from
``site_url``, with ``?tuyen=<slug>&diem=<n>`` so the phone shows the "next stop" box; a free
point's code opens the tour page at that stop). Sizes shrink with the amount of text so the
usual tour fits one A5 page; on A4 it is the same page, larger margins.
The page is ``noindex``: it is not a page of the site (no search, no offline copy).

Plain Python: no MkDocs import.
"""

from __future__ import annotations

import math

from langso.escaping import html_text
from langso.qr import make_qr
from langso.render import render_template
from langso.tours.geo import EARTH_RADIUS_M, WALK_SPEED_M_S, distance_label, minutes_label
from langso.tours.model import Tour
from langso.tours.pages import tour_summary

__all__ = ["PRINT_NOTE", "print_html", "route_svg", "scale_length"]

PRINT_NOTE = (
    "Khoảng cách đo theo đường thẳng; đường đi thật dài hơn. Thời gian tính với tốc độ đi bộ"
    f" {WALK_SPEED_M_S:g} m/giây, chậm hơn tốc độ đi thoải mái của người 70–79 tuổi"
    " (Bohannon 1997, Age and Ageing 26:15–19)."
)
"""The sheet's short version of :data:`langso.tours.pages.SPEED_NOTE`."""

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
    up, the same scale both ways; exact enough over a village), the line, numbered circles, a
    north arrow ("B", Bắc) and a scale bar. ``role="img"`` with a Vietnamese label."""
    lats = [s.lat for s in tour.stops]
    lons = [s.lon for s in tour.stops]
    mid = math.radians((min(lats) + max(lats)) / 2)

    def metres(lat: float, lon: float) -> tuple[float, float]:
        x = math.radians(lon - min(lons)) * math.cos(mid) * EARTH_RADIUS_M
        y = math.radians(max(lats) - lat) * EARTH_RADIUS_M
        return x, y

    points = [metres(s.lat, s.lon) for s in tour.stops]
    span_x = max(p[0] for p in points) or 1.0
    span_y = max(p[1] for p in points) or 1.0
    scale = min((_WIDTH - 2 * _MARGIN) / span_x, (_HEIGHT - 2 * _MARGIN) / span_y)
    off_x = (_WIDTH - span_x * scale) / 2
    off_y = (_HEIGHT - span_y * scale) / 2
    xy = [(off_x + x * scale, off_y + y * scale) for x, y in points]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in xy)
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
            f'<circle cx="{lx:.1f}" cy="{ly:.1f}" r="13" fill="#000"/>'
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


def _label_spots(xy: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Where each stop's numbered circle goes: on the stop, or, when that would cover an
    earlier circle, the first free spot 34 units away (six directions, up first), kept inside
    the map."""
    placed: list[tuple[float, float]] = []
    for x, y in xy:
        spot = (x, y)
        candidates = [(x, y)] + [
            (x + 34 * math.sin(math.radians(a)), y - 34 * math.cos(math.radians(a)))
            for a in (0, 60, 120, 180, 240, 300)
        ]
        for cx, cy in candidates:
            inside = 14 <= cx <= _WIDTH - 14 and 14 <= cy <= _HEIGHT - 14
            if inside and all(math.hypot(cx - px, cy - py) >= 27 for px, py in placed):
                spot = (cx, cy)
                break
        placed.append(spot)
    return placed


def _sizes(tour: Tour) -> tuple[float, float]:
    """``(text_pt, qr_mm)``: smaller with more text, so the usual tour keeps to one A5 page."""
    length = sum(len(s.text) + len(s.name) + 40 for s in tour.stops)
    if length < 700:
        return 9.0, 20.0
    if length < 1200:
        return 8.0, 17.0
    if length < 1800:
        return 7.0, 15.0
    return 6.0, 13.0


def print_html(tour: Tour, urls: list[str | None], tour_url: str, back: str) -> str:
    """The print sheet of ``tour``.

    Args:
        urls: for each stop, the absolute address its QR code encodes (``None``: no code,
            when the site has no ``site_url``).
        tour_url: the tour page's address, written at the foot.
        back: the relative link from the sheet to the tour page.
    """
    steps = []
    for index, stop in enumerate(tour.stops):
        leg = tour.legs[index] if index < len(tour.legs) else None
        url = urls[index]
        steps.append(
            {
                "stop": stop,
                "qr": make_qr(url).svg(f"Mã QR: {url}") if url else None,
                "leg": (distance_label(leg.metres), minutes_label(leg.minutes)) if leg else None,
            }
        )
    text_pt, qr_mm = _sizes(tour)
    return render_template(
        "tour_print.html",
        tour=tour,
        summary=tour_summary(tour),
        steps=steps,
        map_svg=route_svg(tour),
        tour_url=tour_url,
        back=back,
        text_pt=text_pt,
        qr_mm=qr_mm,
        note=PRINT_NOTE,
    )
