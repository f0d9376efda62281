"""A tour as GPX 1.1 (``tuyen-tham-quan/<slug>.gpx``) and every tour as GeoJSON for the map
(``tuyen-tham-quan/tuyen.geojson``).

- GPX 1.1 (https://www.topografix.com/GPX/1/1/, schema ``gpx.xsd``): ``metadata`` (name,
  description, link to the tour page), one ``wpt`` per stop (``n. name``, a free point's
  ``ghi_chu`` as ``cmt``, the stop's text as ``desc``, a ``link`` to its page or to its step
  on the tour page) and one ``rte`` whose ``rtept`` are the stops in order, named the same
  way, then one ``trk`` of the drawn line (the stops and the ``qua`` points between them,
  which follow the road). Phone apps (OsmAnd, Organic Maps) open it to follow the
  route offline.
- GeoJSON (RFC 7946): a ``FeatureCollection`` of ``LineString`` features (the drawn line,
  ``qua`` points included), coordinates ``[lon, lat]``, properties
  ``{"slug", "ten", "url", "khoang_cach_m", "phut", "khoang_cach_chu", "thoi_gian_chu"}``
  (``url`` is the tour page's site-root-relative URL, ``khoang_cach_m`` whole metres; the
  ``_chu`` ones the same as the tour page writes them, ``"2,7 km"``, ``"khoảng 45 phút"``, by
  :func:`~langso.tours.geo.distance_label` and :func:`~langso.tours.geo.walking_label`),
  each followed by a ``Point`` per stop (:func:`geojson`) — the interface the map page
  (``langso/map``) reads.

Text is written by :mod:`xml.etree.ElementTree` and :mod:`json`, which escape it (plain text in).

Plain Python: no MkDocs import.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable

from langso.tours.geo import distance_label, walking_label
from langso.tours.model import Tour

__all__ = ["GPX_NS", "OFFLINE_KEY", "geojson", "gpx"]

GPX_NS = "http://www.topografix.com/GPX/1/1"

OFFLINE_KEY = "langso_tours_data"
"""``config.extra`` key: the site-relative files of the tours that pages fetch by script (the
routes' GeoJSON the map page draws), for ``langso/offline`` to save with "Lưu để đọc khi mất
mạng" — like the search index, no page names them in its HTML."""
_XSI = "http://www.w3.org/2001/XMLSchema-instance"


def _coordinate(value: float) -> str:
    return f"{value:.6f}"


def gpx(tour: Tour, tour_url: str, stop_url: Callable[[int], str | None]) -> str:
    """The GPX 1.1 document of ``tour``.

    Args:
        tour_url: the tour page's address (absolute when ``site_url`` is set).
        stop_url: the address of stop ``n``'s page (1-based), ``None`` for a free point (its
            ``wpt`` links to its step on the tour page, ``#diem-n``, and has its ``ghi_chu``
            as ``cmt``).
    """
    ET.register_namespace("", GPX_NS)
    q = f"{{{GPX_NS}}}"
    root = ET.Element(
        q + "gpx",
        {
            "version": "1.1",
            "creator": "Làng số",
            f"{{{_XSI}}}schemaLocation": f"{GPX_NS} {GPX_NS}/gpx.xsd",
        },
    )
    meta = ET.SubElement(root, q + "metadata")
    ET.SubElement(meta, q + "name").text = tour.name
    if tour.description:
        ET.SubElement(meta, q + "desc").text = tour.description
    link = ET.SubElement(meta, q + "link", {"href": tour_url})
    ET.SubElement(link, q + "text").text = tour.name

    def point(parent: ET.Element, tag: str, number: int, with_text: bool) -> None:
        stop = tour.stops[number - 1]
        element = ET.SubElement(
            parent, q + tag, {"lat": _coordinate(stop.lat), "lon": _coordinate(stop.lon)}
        )
        ET.SubElement(element, q + "name").text = f"{stop.number}. {stop.name}"
        if with_text:
            if stop.note:  # how to find a free point: `cmt` comes before `desc` in gpx.xsd
                ET.SubElement(element, q + "cmt").text = stop.note
            ET.SubElement(element, q + "desc").text = stop.text
            href = stop_url(number) or f"{tour_url}#diem-{number}"
            ET.SubElement(element, q + "link", {"href": href})

    for stop in tour.stops:
        point(root, "wpt", stop.number, with_text=True)
    route = ET.SubElement(root, q + "rte")
    ET.SubElement(route, q + "name").text = tour.name
    ET.SubElement(ET.SubElement(route, q + "link", {"href": tour_url}), q + "text").text = tour.name
    for stop in tour.stops:
        point(route, "rtept", stop.number, with_text=False)
    track = ET.SubElement(root, q + "trk")
    ET.SubElement(track, q + "name").text = tour.name
    segment = ET.SubElement(track, q + "trkseg")
    for lat, lon in tour.line():
        ET.SubElement(segment, q + "trkpt", {"lat": _coordinate(lat), "lon": _coordinate(lon)})
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def geojson(tours: Iterable[Tour], urls: dict[str, str]) -> str:
    """The GeoJSON of every tour: its line, then a ``Point`` per stop, properties
    ``{"slug", "so", "ten", "url"}`` (``so`` the stop's number; ``url`` its page's
    site-root-relative URL, ``null`` for a free point) so the map can number the stops.
    ``urls``: slug → the tour page's site-root-relative URL."""
    features: list[dict[str, object]] = []
    for tour in tours:
        features.append(
            {
                "type": "Feature",
                "geometry": {
                    "type": "LineString",
                    "coordinates": [[round(lon, 6), round(lat, 6)] for lat, lon in tour.line()],
                },
                "properties": {
                    "slug": tour.slug,
                    "ten": tour.name,
                    "url": urls[tour.slug],
                    "khoang_cach_m": round(tour.metres),
                    "phut": tour.minutes,
                    "khoang_cach_chu": distance_label(tour.metres),
                    "thoi_gian_chu": walking_label(tour.minutes),
                },
            }
        )
        features += [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [round(s.lon, 6), round(s.lat, 6)]},
                "properties": {"slug": tour.slug, "so": s.number, "ten": s.name, "url": s.url},
            }
            for s in tour.stops
        ]
    data = {"type": "FeatureCollection", "features": features}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
