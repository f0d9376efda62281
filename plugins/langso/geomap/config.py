"""Options of the ``langso/map`` plugin (issue 16)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

DEFAULT_BASEMAP = "ban-do/nen.pmtiles"
"""The base map looked for when ``basemap`` is not set: used only when that file exists."""


class MapConfig(base.Config):
    """``langso/map`` options."""

    title = c.Type(str, default="Bản đồ làng")
    """Title of the generated map page ``ban-do/index.md``."""

    basemap = c.Optional(c.Type(str))
    """The base map, a PMTiles archive (raster or vector tiles), path relative to ``docs_dir``.
    Not set: :data:`DEFAULT_BASEMAP` when that file exists, else a plain background. Set and
    missing: a located error."""

    basemap_budget_mb = c.Type((int, float), default=20)
    """Largest base map accepted, in MB of 1,024 × 1,024 bytes (MiB: :func:`budget_bytes`), the
    unit every size on the site is shown in (``langso.offline.build.format_size``), so the
    default reads "20 MB" in the message. Cloudflare Pages refuses files over 25 MiB: headroom."""


MEGABYTE = 1024 * 1024
"""Bytes in the "MB" a reader and a volunteer see (MiB, as ``format_size`` counts)."""


def budget_bytes(megabytes: float) -> int:
    """``basemap_budget_mb`` in bytes: ``budget_bytes(20) == 20_971_520``."""
    return int(megabytes * MEGABYTE)
