"""Options of the ``langso/content`` plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class ContentConfig(base.Config):
    """``langso/content`` options."""

    ascii_urls = c.Type(bool, default=True)
    """Publish every page and file under an ASCII URL made by the slug rule (``Chùa.md`` →
    ``chua/``). Links keep naming the source file as typed."""
