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

    nav_section_limit = c.Type(int, default=25)
    """Largest number of entries a navigation section shows in full. A bigger section shows, in
    each page's navigation, only its index page, the current page with 3 neighbours on either
    side and a link "Xem tất cả N trang" to the full list, so that a page stays the same size
    however many pages the site has. A folder with more pages than this gets that full list on
    its ``index.md`` (``listing_page_size`` links a page, then ``trang-2/``, ``trang-3/`` …), unless
    its ``index.md`` already links every page of the folder; without ``index.md`` one is made.
    ``0``: never cut."""

    listing_page_size = c.Type(int, default=50)
    """Links on each page of a folder's full list (see ``nav_section_limit``)."""

    strict_html = c.Type(bool, default=False)
    """Refuse a page whose body holds a ``<script>``, an inline event handler (``onerror=``…) or a
    ``javascript:``/``vbscript:``/``data:text/html`` URL, Markdown links included: each one is a
    located error (:mod:`langso.strict_html`). Off by default: Markdown may hold HTML, so whoever
    can merge into the repository can publish a script (``docs/noi-dung.md``)."""
