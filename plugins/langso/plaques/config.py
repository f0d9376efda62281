"""Options of the ``langso/plaques`` plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class PlaquesConfig(base.Config):
    """``langso/plaques`` options."""

    registry = c.Type(str, default="plaques.yml")
    """The registry of issued plaques, relative to ``docs_dir``."""

    error_correction: c.Choice[str] = c.Choice(("Q", "H"), default="Q")
    """QR error-correction level: Q (25 % recoverable) for plaques, H (30 %) for harsh places."""

    max_version = c.Type(int, default=6)
    """Largest QR version allowed; a denser symbol stops the build (C-14). Version 6 is 41 × 41
    modules: about 2 mm a module on a 10 cm plaque code."""

    pages_dir = c.Type(str, default="bien-qr")
    """Folder of the plaques index page, QR images and print pages."""

    redirect_pages = c.Type(bool, default=True)
    """Write HTML redirect pages at ``q/<id>/`` (the host answers ``q/<id>`` by redirecting to
    the folder): the only way on GitHub Pages.
    On Netlify, Cloudflare Pages and GitLab Pages set it to ``false``: their ``_redirects`` file
    then answers with a real HTTP redirect, which files at the same path would shadow."""

    print_sheets = c.ListOfItems(c.Choice(("A4", "A5", "A6", "stickers")), default=[])
    """PDF print sheets to publish in ``<pages_dir>/in/`` with the site, e.g. ``[A4, stickers]``:
    every plaque in use, one per page (or several per A4 sticker sheet). Empty: none (print
    with ``langso plaques print`` instead)."""

    print_distance_m = c.Optional(c.Type((int, float)))
    """Scanning distance in metres that sizes the QR code on ``print_sheets`` by the 10:1 rule;
    default 1 m on paper, 0.3 m on stickers. A whole number (``2``) is as good as ``2.0``."""

    title = c.Type(str, default="Biển mã QR")
    """Title of the plaques index page."""

    page_size = c.Type(int, default=50)
    """Plaques on each page of the index (``<pages_dir>/``, then ``<pages_dir>/trang-2/`` …), so
    the page stays the same size however many plaques the village issues."""
