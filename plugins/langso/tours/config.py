"""Options of the ``langso/tours`` plugin (walking tours, ``tuyến tham quan``, issue 16)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class ToursConfig(base.Config):
    """``langso/tours`` options."""

    tours_dir = c.Type(str, default="tuyen-tham-quan")
    """Folder of tour files (one ``.yml`` per tour), relative to ``docs_dir``. The index
    (``index.md``), each tour's page, print sheet (``in/<slug>/``) and ``.gpx``, and
    ``tuyen.geojson`` are generated in the same folder."""

    title = c.Type(str, default="Tuyến tham quan")
    """Title of the tours index page."""
