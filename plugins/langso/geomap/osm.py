"""The village's landmarks and plaques as OpenStreetMap data, for volunteers who map the village.

Two files of the same points: ``ban-do/osm.osm`` (OSM XML 0.6, the JOSM file format: new objects
have negative ids and no ``version``) and ``ban-do/osm.geojson`` (RFC 7946 points whose
properties are the same tags: JOSM and the iD editor open it as data too). A volunteer reviews
them before anything reaches OpenStreetMap (docs/ban-do-osm.md; the steps are also in the
file's own comment, :data:`NOTE`, since a mapper cannot reach those docs): the file says
``upload="false"``, which JOSM documents as "discourage uploads" — it asks before uploading that
layer; the way meant is to copy the reviewed points into a layer downloaded from OSM, after
checking the place is not mapped already and moving each point onto the building.

Only tags that are true of every exported point (OSM wiki, "Map Features"):

- a landmark (a page with ``toa_do``): ``name`` and ``name:vi`` (the page's title: Vietnamese,
  the language of the place), ``website`` (its page), and ``fixme`` asking for the main tag,
  which only a person who has been there can choose (``amenity=place_of_worship``,
  ``historic=…``): the site does not know whether a đình is still a place of worship.
- a plaque standing at a landmark (``plaques.yml`` ``trang:`` a landmark page, neither replaced
  nor retired): ``historic=memorial`` + ``memorial=plaque`` ("Tag:memorial=plaque"),
  ``inscription`` (the name printed on it), ``ref`` (its id, printed under the QR code),
  ``website`` (its short address, what the QR code holds), and a ``fixme`` to place it where it
  hangs. A plaque at a service (a sticker at the health station) is no memorial: not exported.

Landmarks whose page is unfinished (:func:`unfinished_pages`) are left out, as plaques are not
printed for them; the comment says how many.

The directory's services are not exported here: the directory has its own GeoJSON
(``danh-ba/``) and a shop's details are the owner's to publish.

Every value is written once by :mod:`xml.etree.ElementTree` (XML) or :mod:`json`, which escape
it; names are plain text (:class:`langso.geomap.places.Place`), never HTML.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from langso.geomap.places import Place, Places
from langso.plaques.model import short_path
from langso.scaffold import starter_line
from langso.textfile import decode_text

__all__ = [
    "OSM_GEOJSON",
    "OSM_XML",
    "exported_counts",
    "osm_points",
    "to_osm_geojson",
    "to_osm_xml",
    "unfinished_pages",
]

OSM_XML = "ban-do/osm.osm"
"""Where the OSM XML file is published, relative to the site's root."""
OSM_GEOJSON = "ban-do/osm.geojson"
"""Where the GeoJSON file is published."""

GENERATOR = "Làng số"
LANDMARK_FIXME = (
    "Chọn thẻ chính khi đã đến tận nơi (ví dụ amenity=place_of_worship, historic=…), đặt điểm"
    " đúng chỗ rồi xóa thẻ fixme này / choose the main tag on site, place the point, then delete"
    " this fixme"
)
PLAQUE_FIXME = (
    "Đặt điểm đúng chỗ gắn biển rồi xóa thẻ fixme này / move the point to where the plaque hangs,"
    " then delete this fixme"
)
NOTE = (
    " Làng số: dữ liệu để người vẽ bản đồ XEM LẠI, chưa được tải thẳng lên OpenStreetMap"
    " (upload=false: JOSM hỏi lại trước khi tải lên). Tọa độ chép từ trang web của làng, có"
    " thể lệch. Cách làm: (1) trong JOSM, tải dữ liệu OSM của vùng làng (File > Download"
    " data); nơi nào đã có thì chỉ thêm thẻ còn thiếu, không tạo điểm trùng. (2) Đặt lại từng"
    " điểm đúng chỗ: đến tận nơi (GPS điện thoại) hoặc dựa ảnh vệ tinh có sẵn trong JOSM;"
    " không chép tọa độ từ Google Maps. (3) Chọn thẻ chính tại chỗ (ví dụ"
    " amenity=place_of_worship, historic=...), xóa thẻ fixme, chạy Validation. (4) Chép điểm"
    " đã xem vào lớp vừa tải rồi mới tải lên, ghi chú thay đổi rõ ràng. Nhiều điểm một lúc là"
    " nhập dữ liệu: bàn với cộng đồng OSM Việt Nam trước"
    " (https://wiki.openstreetmap.org/wiki/Import/Guidelines)."
    " / Data for a mapper to REVIEW, not to upload as is; positions come from the village site"
    " and may be off. Download the area's OSM data in JOSM and add missing tags to places"
    " already mapped; place each point on site or on the imagery (never from Google Maps);"
    " choose the main tag, delete fixme, validate; copy the reviewed points into the"
    " downloaded layer and upload with a clear comment; many points at once are an import"
    " (see the Import/Guidelines page above).{left_out} "
)
"""The comment at the top of the ``.osm`` file: what to do with it, in the file itself (a
mapper who downloads it from the village site cannot reach Làng số's docs/ban-do-osm.md)."""
LEFT_OUT = (
    " Đã bỏ ra {count} địa điểm có trang chưa viết xong (còn chữ mẫu của `langso new` hoặc"
    " trang mẫu của `langso init`), như khi in biển mã QR: viết xong trang thì điểm có trong"
    " tệp. / {count} place(s) left out: their pages still hold starter or sample text."
)
"""Added to :data:`NOTE` when :func:`unfinished_pages` left landmarks out."""


def unfinished_pages(places: Places, docs_dir: Path) -> set[str]:
    """The ``src_uri`` of each landmark whose page still holds starter text of ``langso new``
    or the "Trang mẫu" box of ``langso init``'s sample page: the test printing plaques uses
    (:func:`langso.scaffold.starter_line`, as :mod:`langso.plaques.guards`). A page that cannot
    be read is left to the build's own messages (kept)."""
    found = set()
    for place in places.all():
        if place.kind != "dia-diem":
            continue
        path = docs_dir / place.src_uri
        if not path.is_file():
            continue
        text, _ = decode_text(path.read_bytes(), place.src_uri)
        if text is not None and starter_line(text) is not None:
            found.add(place.src_uri)
    return found


Tags = dict[str, str]


def _absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path.lstrip("/") if site_url else path


def osm_points(
    places: Places, plaques: Mapping[str, str] | None, site_url: str
) -> Iterator[tuple[float, float, Tags]]:
    """``(lat, lon, tags)`` of each exported point, in order: the landmarks (Vietnamese order,
    :meth:`Places.all`), each followed by the plaques standing at it.

    Args:
        places: the site's places.
        plaques: plaque id → the name printed on it (``ten``); ``None``: the names the places
            were gathered with (:attr:`Places.plaque_names`). A plaque missing from it is
            inscribed with its place's name.
        site_url: the site's address (``https://…/``): ``website`` values are absolute; empty
            leaves them relative.
    """
    names = places.plaque_names if plaques is None else plaques
    for place in places.all():
        if place.kind != "dia-diem":
            continue
        yield place.lat, place.lon, _landmark_tags(place, site_url)
        for plaque in place.plaques:
            tags: Tags = {
                "historic": "memorial",
                "memorial": "plaque",
                "inscription": names.get(plaque, place.name),
                "ref": plaque,
                "website": _absolute(site_url, short_path(plaque)),
                "fixme": PLAQUE_FIXME,
            }
            yield place.lat, place.lon, tags


def _landmark_tags(place: Place, site_url: str) -> Tags:
    return {
        "name": place.name,
        "name:vi": place.name,
        "website": _absolute(site_url, place.url),
        "fixme": LANDMARK_FIXME,
    }


def _degrees(value: float) -> str:
    """Degrees with at most 7 decimals (OSM's precision, about 1 cm), no trailing zeros."""
    return f"{value:.7f}".rstrip("0").rstrip(".")


def to_osm_xml(
    places: Places, plaques: Mapping[str, str] | None, site_url: str, *, left_out: int = 0
) -> str:
    """The points of :func:`osm_points` as an OSM XML 0.6 document (JOSM file format).

    (The plan's ``to_osm_xml(places, plaques, site_url)``; ``plaques`` maps ids to printed
    names, ``None`` for those :func:`langso.geomap.adapter.places_of` gathered.)

    Nodes have ids -1, -2, … (new objects), no ``version``, ``timestamp`` or ``user``; ``<osm>``
    has ``upload="false"`` and a ``<bounds>`` around the points (none when there are none).
    The comment says what to do with the file and, when ``left_out`` is more than 0, how many
    unfinished pages were left out (:func:`unfinished_pages`).
    """
    root = ET.Element("osm", version="0.6", generator=GENERATOR, upload="false")
    left = LEFT_OUT.format(count=left_out) if left_out else ""
    root.append(ET.Comment(NOTE.format(left_out=left).replace("--", "—")))
    points = list(osm_points(places, plaques, site_url))
    if points:
        lats = [lat for lat, _, _ in points]
        lons = [lon for _, lon, _ in points]
        ET.SubElement(
            root,
            "bounds",
            minlat=_degrees(min(lats)),
            minlon=_degrees(min(lons)),
            maxlat=_degrees(max(lats)),
            maxlon=_degrees(max(lons)),
        )
    for number, (lat, lon, tags) in enumerate(points, start=1):
        node = ET.SubElement(
            root, "node", id=str(-number), visible="true", lat=_degrees(lat), lon=_degrees(lon)
        )
        for key, value in tags.items():
            ET.SubElement(node, "tag", k=key, v=value)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return f"<?xml version='1.0' encoding='UTF-8'?>\n{body}\n"


def to_osm_geojson(places: Places, plaques: Mapping[str, str] | None, site_url: str) -> str:
    """The points of :func:`osm_points` as a GeoJSON FeatureCollection (RFC 7946: coordinates
    ``[lon, lat]``, WGS 84); each feature's properties are its OSM tags."""
    features: list[dict[str, Any]] = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [_number(lon), _number(lat)]},
            "properties": tags,
        }
        for lat, lon, tags in osm_points(places, plaques, site_url)
    ]
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"


def _number(value: float) -> float:
    return round(value, 7)


def exported_counts(places: Places) -> tuple[int, int]:
    """``(landmarks, plaques)`` the export holds: for the map page's download line."""
    landmarks = [p for p in places.all() if p.kind == "dia-diem"]
    return len(landmarks), sum(len(p.plaques) for p in landmarks)
