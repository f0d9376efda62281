"""A walking tour (``tuyến tham quan``, issue 16) as the build uses it.

A tour is a YAML file ``tuyen-tham-quan/<tên>.yml`` in the content folder::

    ten: 'Ba ngôi đình làng'
    mo_ta: 'Một buổi sáng đi bộ qua …'          # optional
    diem_dung:                                   # in order, at least 2
      - trang: 'dia-diem/dinh-lang-la-thon.md'   # a page with `toa_do` (landmark or service)
        loi_dan: 'Đứng ở sân đình, nhìn …'
      - ten: 'Cây đa đầu làng'                    # or a free point
        toa_do: '19.9822, 105.6431'
        ghi_chu: 'Bên trái đường vào làng'        # optional
        loi_dan: '…'
        qua: ['19.9818, 105.6425']                # optional: the road's bends on the way here

:mod:`langso.tours.loading` reads and checks it into a :class:`Tour`; distances are in metres
(:mod:`langso.tours.geo`). Every text is plain (NFC, not escaped): renderers escape it once.

Plain Python: no MkDocs import.
"""

from __future__ import annotations

from dataclasses import dataclass

from langso.tours.geo import walking_minutes

__all__ = ["Leg", "Stop", "Tour"]


@dataclass(frozen=True)
class Stop:
    """One stop, numbered from 1.

    Attributes:
        number: 1-based position in the tour.
        name: the page's title (or ``ten``), plain text.
        lat, lon: degrees, WGS 84.
        text: ``loi_dan``, plain text (may hold line breaks).
        note: ``ghi_chu`` of a free point, or ``None``.
        src_uri: the docs-relative source of the stop's page (``dia-diem/dinh.md``; a service's
            generated ``danh-ba/x.md``), ``None`` for a free point.
        url: the page's site-root-relative URL (``dia-diem/dinh/``), ``None`` for a free point.
        line: the line of the stop in the tour file.
        via: ``qua``, the points ``(lat, lon)`` the way from the previous stop passes through
            to follow a road, in order (empty for the first stop).
    """

    number: int
    name: str
    lat: float
    lon: float
    text: str
    note: str | None
    src_uri: str | None
    url: str | None
    line: int
    via: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True)
class Leg:
    """The way from one stop to the next: ``metres`` along the drawn line, ``minutes`` walking."""

    metres: float

    @property
    def minutes(self) -> int:
        return walking_minutes(self.metres)


@dataclass(frozen=True)
class Tour:
    """A checked tour.

    Attributes:
        slug: ASCII name from the file name (``ba-ngoi-dinh``), used in every URL.
        name: ``ten``; description: ``mo_ta`` or ``None``; both plain text.
        src_uri: the YAML file, docs-relative; source: the same, repository-relative.
        stops: at least two; legs: ``len(stops) - 1`` legs, ``legs[i]`` from stop i+1 to i+2.
    """

    slug: str
    name: str
    description: str | None
    src_uri: str
    source: str
    stops: tuple[Stop, ...]
    legs: tuple[Leg, ...]

    def line(self) -> list[tuple[float, float]]:
        """The drawn route, ``(lat, lon)`` in degrees: each stop, after the ``via`` points of
        the way to it."""
        return [point for stop in self.stops for point in (*stop.via, (stop.lat, stop.lon))]

    @property
    def metres(self) -> float:
        """Total length of the drawn line, metres."""
        return sum(leg.metres for leg in self.legs)

    @property
    def minutes(self) -> int:
        """Total walking time, minutes (the sum of the legs' rounded-up minutes)."""
        return sum(leg.minutes for leg in self.legs)

    @property
    def sample(self) -> bool:
        """Whether the tour says it is sample data (``dữ liệu mẫu`` in its name)."""
        return "dữ liệu mẫu" in self.name.lower()
