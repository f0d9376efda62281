"""Options of the ``langso/search`` plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class SearchConfig(base.Config):
    """``langso/search`` options."""

    title = c.Type(str, default="Tìm kiếm")
    """Title of the generated search page (``tim-kiem/``) and label of the search box."""

    placeholder = c.Type(str, default="Tìm: đình, chợ, y tế…")
    """Hint shown in the empty search box."""
