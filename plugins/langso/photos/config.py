"""Options of the ``langso/photos`` plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class PhotosConfig(base.Config):
    """``langso/photos`` options."""

    max_side = c.Type(int, default=1280)
    """The long side of every published photo, in pixels, at most (smaller photos keep their
    size). The original in the repository is never changed."""

    widths = c.ListOfItems(c.Type(int), default=[480, 800])
    """Widths of the smaller copies for small screens, published as ``ten-anh-480.jpg`` beside
    ``ten-anh.jpg`` and offered to browsers in the ``srcset`` of each ``<img>``."""

    quality = c.Type(int, default=82)
    """JPEG and WebP quality (1–95); PNG is lossless."""

    sizes = c.Type(str, default="(max-width: 800px) 100vw, 800px")
    """The ``sizes`` attribute given with ``srcset``: how wide the photo shows on the page."""

    warn_side = c.Type(int, default=2000)
    """Warn about originals whose long side is longer than this, in pixels."""

    warn_megabytes = c.Type((int, float), default=2)
    """Warn about originals larger than this, in megabytes (1 MB = 1,000,000 bytes)."""

    original_level: c.Choice[str] = c.Choice(("warn", "info"), default="info")
    """How the build lists originals that are too large or record a GPS location: ``info`` (a
    note: the published copy is small and stripped either way, so publishing is not blocked;
    ``langso photos fix`` mends the originals) or ``warn`` (a warning: ``--strict`` stops)."""

    exclude = c.ListOfItems(c.Type(str), default=[])
    """Images (glob patterns relative to ``docs_dir``) published untouched, e.g. ``logo/*``."""

    cache_dir = c.Type(str, default=".cache/langso/photos")
    """Where processed photos are kept between builds, relative to ``mkdocs.yml``."""
