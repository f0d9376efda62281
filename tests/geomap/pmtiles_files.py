"""Small PMTiles v3 archives made by the tests themselves (no download), byte for byte the same
on every run.

- :func:`raster_pmtiles` — PNG tiles (256 × 256, a 4-colour palette) drawn with Pillow: a flat
  fill of ``color``, a darker 1-px frame, and a block whose place depends on the tile's ``x``/``y``
  so that neighbouring tiles differ (the reader's cache is told them apart).
- :func:`vector_pmtiles` — Mapbox Vector Tiles (MVT 2.1, extent 4096, gzip as Protomaps builds
  ship them) in the Protomaps basemap schema
  (https://docs.protomaps.com/basemaps/layers): layer ``earth`` (``kind: earth``), ``water``
  (``kind: water``, a pond in the tile's corner) and ``roads`` (``kind: major_road`` across the
  tile, ``kind: path`` down it, each with a ``name``), encoded with ``mapbox-vector-tile``.

Both are written with the ``pmtiles`` Python package's writer; the archive's header bounds and
centre are ``bounds`` (west, south, east, north in degrees, WGS 84) and its zooms
``min_zoom..max_zoom``; tiles cover ``bounds`` at every zoom (Web Mercator, XYZ scheme). The
metadata carries an ``attribution`` with HTML as real archives do
(``<a href="https://www.openstreetmap.org/copyright">© OpenStreetMap</a>``) unless one is given.
A commune-sized box (0.02° at zooms 12..16) makes about 40 tiles: a few kilobytes.
"""

from __future__ import annotations

import gzip
import io
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import mapbox_vector_tile
from PIL import Image, ImageDraw
from pmtiles.tile import Compression, TileType, zxy_to_tileid
from pmtiles.writer import write

OSM_ATTRIBUTION = '<a href="https://www.openstreetmap.org/copyright">© OpenStreetMap</a>'
"""The attribution real Protomaps extracts carry in their metadata (HTML)."""

SAMPLE_BOUNDS = (105.63, 19.97, 105.66, 19.99)
"""West, south, east, north around the sample village Là Thôn (a test default only)."""


def tile_xy(lon: float, lat: float, zoom: int) -> tuple[int, int]:
    """The XYZ (Web Mercator, y down from the north) tile holding ``lon``, ``lat`` at ``zoom``."""
    n = 1 << zoom
    x = int((lon + 180.0) / 360.0 * n)
    lat_r = math.radians(max(min(lat, 85.0511), -85.0511))
    y = int((1.0 - math.asinh(math.tan(lat_r)) / math.pi) / 2.0 * n)
    return min(max(x, 0), n - 1), min(max(y, 0), n - 1)


def covering_tiles(
    bounds: tuple[float, float, float, float], min_zoom: int, max_zoom: int
) -> list[tuple[int, int, int]]:
    """Every ``(z, x, y)`` touching ``bounds`` at ``min_zoom..max_zoom``, in tile-id order."""
    west, south, east, north = bounds
    tiles: list[tuple[int, int, int]] = []
    for z in range(min_zoom, max_zoom + 1):
        x0, y0 = tile_xy(west, north, z)
        x1, y1 = tile_xy(east, south, z)
        tiles.extend((z, x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1))
    return sorted(tiles, key=lambda t: zxy_to_tileid(*t))


def _png(z: int, x: int, y: int, color: tuple[int, int, int]) -> bytes:
    dark = tuple(c * 3 // 4 for c in color)
    image = Image.new("P", (256, 256), 0)
    image.putpalette([*color, *dark, 40, 90, 160, 250, 250, 250] + [0] * (256 - 4) * 3)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 255, 255), outline=1)
    left, top = 16 + (x % 7) * 28, 16 + (y % 7) * 28
    draw.rectangle((left, top, left + 31, top + 31), fill=2 + (z % 2))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False, compress_level=9)
    return out.getvalue()


def _mvt(z: int, x: int, y: int) -> bytes:
    layers: list[dict[str, Any]] = [
        {
            "name": "earth",
            "features": [
                {
                    "geometry": "POLYGON ((0 0, 4096 0, 4096 4096, 0 4096, 0 0))",
                    "properties": {"kind": "earth"},
                }
            ],
        },
        {
            "name": "water",
            "features": [
                {
                    "geometry": "POLYGON ((200 200, 1200 200, 1200 1000, 200 1000, 200 200))",
                    "properties": {"kind": "water", "name": "Ao làng"},
                }
            ],
        },
        {
            "name": "roads",
            "features": [
                {
                    "geometry": f"LINESTRING (0 {2048 + (x % 5) * 100}, 4096 2048)",
                    "properties": {"kind": "major_road", "name": "Đường làng", "min_zoom": z},
                },
                {
                    "geometry": f"LINESTRING ({1500 + (y % 5) * 100} 0, 1800 4096)",
                    "properties": {"kind": "path", "name": "Ngõ đình"},
                },
            ],
        },
    ]
    tile: bytes = mapbox_vector_tile.encode(layers, default_options={"y_coord_down": True})
    return gzip.compress(tile, compresslevel=9, mtime=0)


def _write(
    path: Path,
    tiles: Iterator[tuple[int, int, int, bytes]],
    bounds: tuple[float, float, float, float],
    min_zoom: int,
    max_zoom: int,
    tile_type: TileType,
    compression: Compression,
    metadata: dict[str, Any],
) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    west, south, east, north = bounds
    with write(str(path)) as writer:
        for z, x, y, data in tiles:
            writer.write_tile(zxy_to_tileid(z, x, y), data)
        writer.finalize(
            {
                "tile_type": tile_type,
                "tile_compression": compression,
                "min_zoom": min_zoom,
                "max_zoom": max_zoom,
                "min_lon_e7": round(west * 1e7),
                "min_lat_e7": round(south * 1e7),
                "max_lon_e7": round(east * 1e7),
                "max_lat_e7": round(north * 1e7),
                "center_zoom": min(max_zoom, max(min_zoom, 15)),
                "center_lon_e7": round((west + east) / 2 * 1e7),
                "center_lat_e7": round((south + north) / 2 * 1e7),
            },
            metadata,
        )
    return path


def raster_pmtiles(
    path: Path,
    bounds: tuple[float, float, float, float] = SAMPLE_BOUNDS,
    min_zoom: int = 12,
    max_zoom: int = 16,
    *,
    color: tuple[int, int, int] = (236, 226, 200),
    attribution: str = OSM_ATTRIBUTION,
) -> Path:
    """Write a PNG-tile archive covering ``bounds`` at ``min_zoom..max_zoom`` to ``path``."""
    tiles = (
        (z, x, y, _png(z, x, y, color)) for z, x, y in covering_tiles(bounds, min_zoom, max_zoom)
    )
    metadata = {"name": "Ảnh thử (test)", "attribution": attribution, "format": "png"}
    return _write(path, tiles, bounds, min_zoom, max_zoom, TileType.PNG, Compression.NONE, metadata)


def vector_pmtiles(
    path: Path,
    bounds: tuple[float, float, float, float] = SAMPLE_BOUNDS,
    min_zoom: int = 12,
    max_zoom: int = 15,
    *,
    attribution: str = OSM_ATTRIBUTION,
) -> Path:
    """Write an MVT archive (Protomaps basemap schema, gzip tiles) covering ``bounds``."""
    tiles = ((z, x, y, _mvt(z, x, y)) for z, x, y in covering_tiles(bounds, min_zoom, max_zoom))
    metadata = {
        "name": "Bản đồ thử (test)",
        "attribution": attribution,
        "type": "baselayer",
        "vector_layers": [
            {"id": "earth", "fields": {"kind": "String"}},
            {"id": "water", "fields": {"kind": "String", "name": "String"}},
            {"id": "roads", "fields": {"kind": "String", "name": "String", "min_zoom": "Number"}},
        ],
    }
    return _write(path, tiles, bounds, min_zoom, max_zoom, TileType.MVT, Compression.GZIP, metadata)
