"""Options of the ``langso/directory`` plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class DirectoryConfig(base.Config):
    """``langso/directory`` options."""

    services_dir = c.Type(str, default="danh-ba")
    """Folder of service files (one ``.yml`` per service), relative to ``docs_dir``. The index page
    and the service pages are generated in the same folder."""

    categories_file = c.Type(str, default="categories.yml")
    """The categories list, relative to ``docs_dir``."""

    title = c.Type(str, default="Danh bạ dịch vụ")
    """Title of the generated index page."""
