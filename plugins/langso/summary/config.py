"""Options of the ``langso/summary`` plugin (the village summary ``lang-so.json``, issue 17)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class SummaryConfig(base.Config):
    """``langso/summary`` options."""

    landmarks_dir = c.Type(str, default="dia-diem")
    """Folder of the landmark pages, relative to ``docs_dir``: each of its pages (but its index)
    is a landmark of the summary, and so is every page with ``toa_do`` anywhere."""
