"""The village map's base-map file: a PMTiles v3 archive the commune ships in its repository,
checked at build time (no MkDocs import).

:func:`inspect_basemap` reads only the file's 127-byte header and its metadata (never the
tiles) and returns a :class:`BaseMap` — what the map page needs to read it: tile type, zooms,
bounds, centre, size, attribution — with located messages (``basemap.*``,
:mod:`langso.problems.basemap`) for a file that is not PMTiles v3 (an MBTiles database, a picture
renamed, the HTML error page a browser saved, a Git LFS pointer, an empty or cut-short
download), tiles of a kind the page cannot draw, a file over the size budget, and two kinds of
advice that never block publishing (severity ``info``, like the directory's ``stale_level:
info``): places outside its bounds (named with the page and line of their ``toa_do``, how far,
and a wider ``--bbox`` to use: one message per file, however many points; the map still draws
them, on the plain background beyond the tiles, so one volunteer's landmark at the village's
edge must not stop every publish until someone with the tool and internet remakes the file)
and a max zoom too low to read a village. :func:`unused_basemaps` names
the files that look like a base map but will not be used (an ``.mbtiles``, a ``.pmtiles``
elsewhere or in other letter case).

Format: PMTiles v3 (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md): the header
is 127 bytes, little-endian; bounds and centre are in degrees × 10⁷ (WGS 84); the metadata is
JSON, compressed as the header's ``internal_compression`` says. The library on the page is
Leaflet with pmtiles (raster) or protomaps-leaflet (vector); MapLibre GL JS was weighed and
left out: 276 KB gzip and WebGL, which cheap phones' WebViews lack (see geomap/plugin.py).

The map plugin (``langso/map``) puts the :class:`BaseMap` it found (or ``None``) on
``config.extra[BASEMAP_KEY]`` and the paths of the files its page loads after painting on
``config.extra[MAP_ASSETS_KEY]``; the offline plugin reads both to offer the base map with
"Lưu để đọc khi mất mạng" and to save the map's scripts with the pages.
"""

from __future__ import annotations

import gzip
import html
import json
import math
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from langso.paths import repo_path
from langso.problems import Problem
from langso.text import nfc

if TYPE_CHECKING:
    from langso.geomap.places import Place

__all__ = [
    "BASEMAP_KEY",
    "DEFAULT_ATTRIBUTION",
    "LOW_ZOOM",
    "MAP_ASSETS_KEY",
    "BaseMap",
    "Point",
    "inspect_basemap",
    "plain_attribution",
    "unused_basemaps",
]

BASEMAP_KEY = "langso_basemap"
"""Key of ``config.extra`` holding the build's :class:`BaseMap` (or ``None``)."""
MAP_ASSETS_KEY = "langso_map_assets"
"""Key of ``config.extra`` holding the site-relative paths of the scripts and styles the map
page loads after painting (``list[str]``): saved with the pages by "Lưu để đọc khi mất mạng"."""
DEFAULT_ATTRIBUTION = "© Những người đóng góp OpenStreetMap"
"""Shown when the archive's metadata names no source: the credit the OSMF asks for, "©
OpenStreetMap contributors" (https://www.openstreetmap.org/copyright, "How to credit
OpenStreetMap"), in Vietnamese as the OSMF's own Vietnamese copyright page words it ("ghi công
OpenStreetMap và những người đóng góp"), the name OpenStreetMap kept; the map links it to the
copyright page (assets/map.js)."""
LOW_ZOOM = 14
"""Below this max zoom a village's lanes and houses cannot be told apart (advice, ``info``)."""

HEADER_BYTES = 127
METADATA_MAX_BYTES = 1 << 20
"""Metadata read at most (real archives: a few kilobytes)."""

TileType = Literal["mvt", "png", "jpg", "webp"]
_TILE_TYPES: dict[int, TileType] = {1: "mvt", 2: "png", 3: "jpg", 4: "webp"}
_OTHER_TILE_TYPES = {0: "không rõ / unknown", 5: "AVIF", 6: "MLT (MapLibre Tile)"}
_COMPRESSIONS = {0: "không rõ", 1: "none", 2: "gzip", 3: "brotli", 4: "zstd"}
_EARTH_RADIUS_M = 6_371_008.8  # IUGG mean radius

Point = tuple[float, float, str] | tuple[float, float, str, str, int | None]
"""A place on the map: ``(lat, lon, name)`` in degrees, or ``(lat, lon, name, source, line)``
with the repository-relative file and the line of its ``toa_do`` (``Place.source``,
``Place.line``): then ``basemap.outside`` names the page a volunteer edited."""


def basemap_points(places: Iterable[Place]) -> list[Point]:
    """The :data:`Point` of each place, with its file and line."""
    return [(p.lat, p.lon, p.name, p.source, p.line) for p in places]


@dataclass(frozen=True)
class BaseMap:
    """A checked base-map archive.

    Attributes:
        src_uri: docs-relative path of the file, also its site-relative URL:
            ``ban-do/nen.pmtiles``.
        tile_type: ``mvt`` (vector, Protomaps schema) or an image type.
        min_zoom, max_zoom: the archive's zoom levels.
        bounds: west, south, east, north in degrees (WGS 84).
        center: longitude, latitude (degrees) and zoom.
        size_bytes: the file's size in bytes.
        attribution: plain text (no HTML, not escaped) from the metadata, else
            :data:`DEFAULT_ATTRIBUTION`.
    """

    src_uri: str
    tile_type: TileType
    min_zoom: int
    max_zoom: int
    bounds: tuple[float, float, float, float]
    center: tuple[float, float, int]
    size_bytes: int
    attribution: str


def plain_attribution(value: object) -> str:
    """The attribution as text: tags dropped, entities read once, spaces collapsed, NFC;
    :data:`DEFAULT_ATTRIBUTION` when nothing is left (or ``value`` is not a string)."""
    if not isinstance(value, str):
        return DEFAULT_ATTRIBUTION
    text = html.unescape(re.sub(r"<[^>]*>", " ", value))
    text = nfc(" ".join(text.replace("<", " ").replace(">", " ").split()))[:300]
    return text or DEFAULT_ATTRIBUTION


def _size_vi(size: int) -> str:
    from langso.offline.build import format_size

    return format_size(size)


def _size_en(size: int) -> str:
    return _size_vi(size).replace(",", ".")


def _what_is(head: bytes) -> tuple[str, str, str, str]:
    """What a file that is not PMTiles v3 looks like: (what vi, what en, fix vi, fix en)."""
    remake_vi = (
        "tạo lại tệp bằng lệnh `pmtiles extract` theo hướng dẫn `docs/ban-do.md` trong kho mã "
        "nguồn của Làng số (kho ghi ở dòng cuối `requirements.txt`)"
    )
    remake_en = (
        "make the file again with `pmtiles extract` as the guide `docs/ban-do.md` in Làng số's "
        "source repository says (named on the last line of `requirements.txt`)"
    )
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"SQLite format 3\x00"):
        return (
            "đây là tệp MBTiles (cơ sở dữ liệu SQLite)",
            "this is an MBTiles file (an SQLite database)",
            "đổi sang PMTiles: `pmtiles convert ten-tep.mbtiles nen.pmtiles`",
            "convert it: `pmtiles convert name.mbtiles nen.pmtiles`",
        )
    if head.startswith(b"PM") and len(head) >= 4 and head[2:4] in (b"\x01\x00", b"\x02\x00"):
        return (
            f"đây là PMTiles phiên bản cũ ({head[2]})",
            f"this is an old PMTiles version ({head[2]})",
            "đổi sang phiên bản 3: `pmtiles convert cu.pmtiles nen.pmtiles`",
            "convert it to version 3: `pmtiles convert old.pmtiles nen.pmtiles`",
        )
    if head.startswith(b"PMTiles"):
        return (
            f"phiên bản {head[7] if len(head) > 7 else '?'} chưa được hỗ trợ",
            f"version {head[7] if len(head) > 7 else '?'} is not supported",
            remake_vi,
            remake_en,
        )
    if text.startswith(b"version https://git-lfs"):
        return (
            "đây là con trỏ Git LFS, không phải tệp thật (kho được lấy về mà không tải tệp LFS)",
            "this is a Git LFS pointer, not the file (the repository was fetched without its LFS "
            "files)",
            "bỏ LFS cho tệp này (`git lfs untrack`) và cam kết tệp thật: nơi dựng trang web "
            "thường không tải tệp LFS",
            "take the file out of LFS (`git lfs untrack`) and commit the real file: site builders "
            "usually do not fetch LFS files",
        )
    if text.startswith((b"<!doctype", b"<html", b"<?xml", b"<head", b"<")):
        return (
            "đây là một trang web (HTML), thường là trang báo lỗi trình duyệt lưu thay cho tệp",
            "this is a web page (HTML), usually an error page a browser saved instead of the file",
            remake_vi,
            remake_en,
        )
    kinds = {
        b"\x89PNG": ("ảnh PNG", "a PNG picture"),
        b"\xff\xd8\xff": ("ảnh JPEG", "a JPEG picture"),
        b"PK\x03\x04": ("tệp nén ZIP", "a ZIP archive"),
        b"\x1f\x8b": ("tệp nén gzip", "a gzip archive"),
    }
    for magic, (vi, en) in kinds.items():
        if head.startswith(magic):
            return (f"đây là {vi} đã đổi tên", f"this is {en}, renamed", remake_vi, remake_en)
    return ("không nhận ra kiểu tệp", "the kind of file is not recognised", remake_vi, remake_en)


def _u64(data: bytes, at: int) -> int:
    return int.from_bytes(data[at : at + 8], "little")


def _i32(data: bytes, at: int) -> int:
    return int.from_bytes(data[at : at + 4], "little", signed=True)


def _metadata(path: Path, header: bytes) -> dict[str, object]:
    """The archive's metadata JSON, or ``{}`` when it cannot be read."""
    offset, length = _u64(header, 24), _u64(header, 32)
    if length == 0 or length > METADATA_MAX_BYTES:
        return {}
    with path.open("rb") as file:
        file.seek(offset)
        raw = file.read(length)
    try:
        if header[97] == 2:
            raw = gzip.decompress(raw)
        data = json.loads(raw.decode("utf-8"))
    except (OSError, EOFError, zlib.error, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine, IUGG mean radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def _distance_text(metres: float) -> tuple[str, str]:
    if metres < 1000:
        text = f"{max(10, round(metres, -1)):.0f} m"
        return text, text
    km = f"{metres / 1000:.1f}"
    return f"{km.replace('.', ',')} km", f"{km} km"


def _side(lat: float, lon: float, bounds: tuple[float, float, float, float]) -> tuple[str, str]:
    west, south, east, north = bounds
    ns = ("bắc", "north") if lat > north else ("nam", "south") if lat < south else ("", "")
    ew = ("đông", "east") if lon > east else ("tây", "west") if lon < west else ("", "")
    vi = " ".join(part for part in (ew[0], ns[0]) if part)
    en = "-".join(part for part in (ns[1], ew[1]) if part)
    return f"phía {vi}", en


def wider_bbox(bounds: tuple[float, float, float, float], points: Sequence[Point]) -> str:
    """``W,S,E,N`` covering ``bounds`` and every point with about 1 km to spare (0.01°),
    rounded outwards to 3 decimals: the ``--bbox`` to make the file again with."""
    west = min([bounds[0], *(p[1] for p in points)]) - 0.01
    south = min([bounds[1], *(p[0] for p in points)]) - 0.01
    east = max([bounds[2], *(p[1] for p in points)]) + 0.01
    north = max([bounds[3], *(p[0] for p in points)]) + 0.01
    return ",".join(
        f"{value:.3f}"
        for value in (
            math.floor(round(west * 1000, 6)) / 1000,  # round: 105.63 - 0.01 is 105.6199…
            math.floor(round(south * 1000, 6)) / 1000,
            math.ceil(round(east * 1000, 6)) / 1000,
            math.ceil(round(north * 1000, 6)) / 1000,
        )
    )


OUTSIDE_NAMED = 3
"""How many of the points outside the base map its one message names (then "và N điểm khác")."""


def points_bbox(points: Sequence[Point]) -> str:
    """``W,S,E,N`` covering every point with about 1 km to spare: :func:`wider_bbox` without
    the file's own bounds (for a file of another place entirely)."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return wider_bbox((min(lons), min(lats), max(lons), max(lats)), points)


def _outside(
    bounds: tuple[float, float, float, float],
    points: Sequence[Point],
    source: str,
) -> list[Problem]:
    """One ``basemap.outside`` for the base map, whatever the number of points outside: the
    first :data:`OUTSIDE_NAMED` named (how far, which side), the rest counted, and the one
    ``--bbox`` covering them all (the points alone when none is inside: the file is of
    another place). Advice (severity ``info``): the map still draws those points, on the plain
    background beyond the tiles."""
    west, south, east, north = bounds
    out = [p for p in points if not (south <= p[0] <= north and west <= p[1] <= east)]
    if not out:
        return []
    bbox = points_bbox(points) if len(out) == len(points) else wider_bbox(bounds, points)
    named_vi, named_en = [], []
    for point in out[:OUTSIDE_NAMED]:
        lat, lon, name = point[0], point[1], point[2]
        near_lat, near_lon = min(max(lat, south), north), min(max(lon, west), east)
        far_vi, far_en = _distance_text(distance_m(lat, lon, near_lat, near_lon))
        side_vi, side_en = _side(lat, lon, bounds)
        where = ""
        if len(point) == 5:
            where = f"`{point[3]}:{point[4]}`: " if point[4] else f"`{point[3]}`: "
        named_vi.append(
            f"`{name}` ({where}{lat:.4f}, {lon:.4f}; cách mép {side_vi} khoảng {far_vi})"
        )
        named_en.append(
            f"`{name}` ({where}{lat:.4f}, {lon:.4f}; {far_en} beyond the {side_en} edge)"
        )
    rest = len(out) - len(named_vi)
    points_vi = ", ".join(named_vi) + (f" và {rest} điểm khác" if rest else "")
    points_en = ", ".join(named_en) + (
        f" and {rest} other place{'s' if rest > 1 else ''}" if rest else ""
    )
    count_en = "1 place lies" if len(out) == 1 else f"{len(out)} places lie"
    params = {
        "count": len(out),
        "count_en": count_en,
        "these_vi": "điểm này" if len(out) == 1 else "các điểm này",
        "these_en": "it" if len(out) == 1 else "them",
        "points_vi": points_vi,
        "points_en": points_en,
        "bbox": bbox,
    }
    return [Problem(source, None, "basemap.outside", params=params, severity="info")]


def unused_basemaps(src_uris: Iterable[str], used: str, docs_rel: str) -> list[Problem]:
    """A ``basemap.unused`` warning for each file of the content that looks like a base map
    the build will not use: an MBTiles file (``.mbtiles``, which the page cannot read), a
    PMTiles file elsewhere than ``used``, or ``used`` in other letter case (``nen.PMTiles``:
    hosts tell the cases apart).

    Args:
        src_uris: the docs-relative paths of the content's own files.
        used: the base map's docs-relative path (the ``basemap`` option, else
            ``ban-do/nen.pmtiles``), whether or not that file exists.
        docs_rel: the content folder relative to the repository (``content``).
    """
    target = repo_path(docs_rel, used)
    problems = []
    for uri in sorted(src_uris):
        suffix = uri.rsplit(".", 1)[-1].lower() if "." in uri else ""
        if suffix not in ("mbtiles", "pmtiles") or uri == used:
            continue
        source = repo_path(docs_rel, uri)
        if suffix == "mbtiles":
            params = {
                "why_vi": "đây là tệp MBTiles, trang bản đồ chỉ đọc được PMTiles",
                "why_en": "this is an MBTiles file; the map page reads PMTiles only",
                "fix_vi": f"đổi sang PMTiles: `pmtiles convert {source} {target}`, rồi xóa tệp "
                ".mbtiles (tệp để trong thư mục nội dung bị đăng lên trang web)",
                "fix_en": f"convert it: `pmtiles convert {source} {target}`, then delete the "
                ".mbtiles file (files in the content folder are published)",
            }
        elif uri.lower() == used.lower():
            params = {
                "why_vi": f"tên tệp khác chữ hoa, chữ thường với `{target}` mà trang tìm (nơi "
                "đăng trang phân biệt chữ hoa với chữ thường)",
                "why_en": f"its name differs in letter case from `{target}`, which the page "
                "looks for (hosts tell upper and lower case apart)",
                "fix_vi": f"đổi tên tệp thành `{target}`",
                "fix_en": f"rename the file to `{target}`",
            }
        else:
            params = {
                "why_vi": f"trang bản đồ chỉ dùng `{target}`",
                "why_en": f"the map page uses `{target}` only",
                "fix_vi": f"chuyển tệp tới `{target}`, hoặc đặt `basemap: '{uri}'` cho "
                "`langso/map` trong mkdocs.yml; tệp thừa thì xóa đi",
                "fix_en": f"move the file to `{target}`, or set `basemap: '{uri}'` for "
                "`langso/map` in mkdocs.yml; delete it if it is not needed",
            }
        problems.append(Problem(source, None, "basemap.unused", params=params, severity="warning"))
    return problems


def inspect_basemap(
    path: Path,
    src_uri: str,
    source: str,
    points: Sequence[Point],
    budget_bytes: int,
) -> tuple[BaseMap | None, list[Problem]]:
    """Check the archive at ``path`` and describe it.

    Args:
        path: the file on disk.
        src_uri: its docs-relative path (``ban-do/nen.pmtiles``), kept on the result.
        source: its repository-relative path for messages (``content/ban-do/nen.pmtiles``).
        points: every place on the map (:data:`Point`; :func:`basemap_points`).
        budget_bytes: the largest size allowed, in bytes.

    Returns:
        The :class:`BaseMap` (``None`` when the file cannot be used: then an error says why)
        and the problems found: errors for an unusable file or a file over budget; advice
        (severity ``info``: it never stops a build nor ``langso check``) for places outside
        the bounds and a max zoom below :data:`LOW_ZOOM`.
    """
    if not path.is_file():
        expected = source
        return None, [
            Problem(
                source, None, "basemap.missing", params={"basemap": src_uri, "expected": expected}
            )
        ]
    size = path.stat().st_size
    if size == 0:
        return None, [Problem(source, None, "basemap.empty")]
    with path.open("rb") as file:
        header = file.read(HEADER_BYTES)
    if len(header) < HEADER_BYTES or not header.startswith(b"PMTiles\x03"):
        what_vi, what_en, fix_vi, fix_en = _what_is(header)
        params = {"what_vi": what_vi, "what_en": what_en, "fix_vi": fix_vi, "fix_en": fix_en}
        return None, [Problem(source, None, "basemap.not-pmtiles", params=params)]
    end = _u64(header, 56) + _u64(header, 64)  # tile data offset + length: the last byte
    if end > size:
        return None, [
            Problem(source, None, "basemap.truncated", params={"expected": end, "size": size})
        ]
    tile_type = _TILE_TYPES.get(header[99])
    if tile_type is None:
        kind = _OTHER_TILE_TYPES.get(header[99], str(header[99]))
        return None, [Problem(source, None, "basemap.tile-type", params={"tile_type": kind})]
    for compression in (header[97], header[98]):
        if compression > 2:
            name = _COMPRESSIONS.get(compression, str(compression))
            return None, [
                Problem(source, None, "basemap.compression", params={"compression": name})
            ]
    if _u64(header, 72) == 0:  # addressed tiles
        return None, [Problem(source, None, "basemap.no-tiles")]
    bounds = (
        _i32(header, 102) / 1e7,
        _i32(header, 106) / 1e7,
        _i32(header, 110) / 1e7,
        _i32(header, 114) / 1e7,
    )
    lon, lat = _i32(header, 119) / 1e7, _i32(header, 123) / 1e7
    min_zoom, max_zoom, zoom = header[100], header[101], header[118]
    if not (bounds[0] <= lon <= bounds[2] and bounds[1] <= lat <= bounds[3]):
        lon, lat = (bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2
    zoom = min(max(zoom, min_zoom), max_zoom)
    basemap = BaseMap(
        src_uri=src_uri,
        tile_type=tile_type,
        min_zoom=min_zoom,
        max_zoom=max_zoom,
        bounds=bounds,
        center=(lon, lat, zoom),
        size_bytes=size,
        attribution=plain_attribution(_metadata(path, header).get("attribution")),
    )
    problems = _outside(bounds, points, source)
    if size > budget_bytes:
        params = {
            "size_vi": _size_vi(size),
            "size_en": _size_en(size),
            "budget_vi": _size_vi(budget_bytes),
            "budget_en": _size_en(budget_bytes),
        }
        problems.append(Problem(source, None, "basemap.too-big", params=params))
    if max_zoom < LOW_ZOOM:
        problems.append(
            Problem(
                source,
                None,
                "basemap.low-zoom",
                params={"max_zoom": max_zoom, "wanted": LOW_ZOOM},
                severity="info",
            )
        )
    return basemap, problems
