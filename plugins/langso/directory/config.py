"""Options of the ``langso/directory`` plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class DirectoryConfig(base.Config):
    """``langso/directory`` options."""

    services_dir = c.Type(str, default="danh-ba")
    """Folder of service files (one ``.yml`` per service), relative to ``docs_dir``. The index page,
    the service pages and the downloads are generated in the same folder."""

    categories_file = c.Type(str, default="categories.yml")
    """The categories list, relative to ``docs_dir``."""

    title = c.Type(str, default="Danh bạ dịch vụ")
    """Title of the generated index page and of the printed list."""

    stale_after_months = c.Type(int, default=12)
    """An entry not verified (``xac_minh.ngay``) within this many months is flagged on its page
    as possibly out of date and listed by the build."""

    stale_level: c.Choice[str] = c.Choice(("warn", "info"), default="warn")
    """How the build lists stale entries: ``warn`` (a warning: ``--strict`` stops) or ``info``.
    Freshness depends on the day of the build, so a site built with ``--strict`` in CI may prefer
    ``info`` to keep yesterday's green build green."""

    duplicate_level: c.Choice[str] = c.Choice(("warn", "info"), default="warn")
    """How the build lists likely duplicates (same phone, or the same name without accents)."""

    page_size = c.Type(int, default=50)
    """Entries on each page of a list: a category's page (``<services_dir>/<category id>/``, then
    ``trang-2/`` …) and the list by name (``<services_dir>/theo-ten/``). While the whole directory
    fits in one page the index lists every entry itself; beyond, it lists the categories with
    their counts and the index letters, so no page grows with the directory."""
