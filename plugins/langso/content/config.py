"""Options of the ``langso/content`` plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class ContentConfig(base.Config):
    """``langso/content`` options."""

    sources_required = c.Type(list, default=["dia-diem/*.md"])
    """Pages (glob patterns relative to ``docs_dir``) that state history or facts and so must end
    with a sources section (a heading ``Nguồn`` or ``Nguồn tham khảo``); each index page is
    exempt. A page without one gets a warning."""

    ascii_urls = c.Type(bool, default=True)
    """Publish every page and file under an ASCII URL made by the slug rule (``Chùa.md`` →
    ``chua/``). Links keep naming the source file as typed."""
