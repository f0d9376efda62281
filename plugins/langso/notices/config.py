"""Options of the ``langso/notices`` plugin (issue 15)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class NoticesConfig(base.Config):
    """``langso/notices`` options."""

    folder = c.Type(str, default="thong-bao")
    """Folder of the notices (one ``.md`` a notice), relative to ``docs_dir``. The index, the
    archive by month, the loudspeaker page, the feed and the print pages are generated in it."""

    title = c.Type(str, default="Thông báo")
    """Title of the generated index page and of the feed."""

    page_size = c.Type(int, default=20)
    """Notices on each page of the index (``<folder>/``, then ``trang-2/`` …) and of a month's
    archive: no page grows with the number of notices."""

    home_limit = c.Type(int, default=4)
    """Most notices the home page shows (current ones, urgent first, then newest)."""

    fresh_days = c.Type(int, default=30)
    """A notice without ``het_han`` stays on the home page this many days after it was posted."""

    feed_size = c.Type(int, default=50)
    """Newest notices in the Atom feed (``<folder>/atom.xml``)."""
