"""Distances and walking times of a tour, and how the page writes them.

- Distance: great circle (haversine) on a sphere of radius :data:`EARTH_RADIUS_M`
  = 6,371,008.8 m, the IUGG mean radius R1 of the WGS 84 ellipsoid (Moritz, "Geodetic Reference
  System 1980", Bulletin Géodésique 54:395–405, 1980). Over a village (a few km) the error of the
  sphere against the ellipsoid is below 0.5 %, far less than the difference between the drawn
  straight line and the real path.
- Walking time: distance at :data:`WALK_SPEED_M_S` = 1.0 m/s (3.6 km/h). Bohannon (1997,
  "Comfortable and maximum walking speed of adults aged 20–79 years: reference values and
  determinants", Age and Ageing 26(1):15–19, doi:10.1093/ageing/26.1.15) measured mean
  comfortable gait speeds from 127.2 cm/s (women in their seventies, the slowest group) to
  146.2 cm/s; 1.0 m/s is about 20 % below the slowest group's mean, for elderly visitors, children,
  village paths and the path being longer than the drawn line. Each leg's time is rounded up to
  a whole minute.

Plain Python: no MkDocs import.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

__all__ = [
    "EARTH_RADIUS_M",
    "FAR_STOP_M",
    "WALK_SPEED_M_S",
    "distance_label",
    "haversine_m",
    "minutes_label",
    "path_m",
    "walking_label",
    "walking_minutes",
]

EARTH_RADIUS_M = 6_371_008.8
"""Mean Earth radius (IUGG, R1 of GRS 80 / WGS 84), metres."""

WALK_SPEED_M_S = 1.0
"""Assumed walking speed, metres per second (see the module docstring for the source)."""

FAR_STOP_M = 5_000.0
"""A stop farther than this from the previous one (metres) is reported (``tour.stop-far``):
more than an hour's walk, most likely a mistyped coordinate."""


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres between two points given in degrees (WGS 84).

    >>> round(haversine_m(0.0, 0.0, 0.0, 1.0))
    111195
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def path_m(points: Sequence[tuple[float, float]]) -> float:
    """Length in metres of the line through ``points`` (``(lat, lon)`` in degrees)."""
    return sum(haversine_m(*a, *b) for a, b in itertools.pairwise(points))


def walking_minutes(metres: float) -> int:
    """Minutes to walk ``metres`` at :data:`WALK_SPEED_M_S`, rounded up, at least 1.

    >>> walking_minutes(350), walking_minutes(60), walking_minutes(61)
    (6, 1, 2)
    """
    return max(1, math.ceil(metres / WALK_SPEED_M_S / 60 - 1e-9))


def distance_label(metres: float) -> str:
    """A distance as the page writes it: to 10 m below 1 km, else km with a decimal comma.

    >>> distance_label(346), distance_label(1234), distance_label(5000)
    ('350 m', '1,2 km', '5 km')
    """
    if metres < 995:
        return f"{max(10, round(metres / 10) * 10)} m"
    km = f"{metres / 1000:.1f}".removesuffix(".0").replace(".", ",")
    return f"{km} km"


def minutes_label(minutes: int) -> str:
    """``5`` → ``5 phút``; ``70`` → ``1 giờ 10 phút``; ``120`` → ``2 giờ``."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} phút"
    return f"{hours} giờ {rest} phút" if rest else f"{hours} giờ"


def walking_label(minutes: int) -> str:
    """A walking time as the pages and the map write it: ``13`` → ``khoảng 13 phút``;
    ``3492`` → ``khoảng 58 giờ 12 phút``."""
    return f"khoảng {minutes_label(minutes)}"
