"""Options of the ``langso/reader`` plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class ReaderConfig(base.Config):
    """``langso/reader`` options."""

    og_image = c.Optional(c.Type(str))
    """Image for link previews (``og:image``) of pages without an image of their own: a path
    relative to the site root (``assets/chia-se.jpg``) or an absolute URL; a JPEG, PNG or WebP
    (Zalo and Facebook show no SVG). Unset, each such page gets a card drawn for it
    (:mod:`langso.previews`): set it to publish one shared image instead of a card a page."""

    share = c.Type(bool, default=True)
    """Show the "Chia sẻ" (share) button, for readers with JavaScript."""

    defer_theme_js = c.Type(bool, default=True)
    """Load Material's script only on the reader's first interaction (tap, key, scroll): the
    page is readable and the menu opens without it."""

    critical_css = c.Type(bool, default=True)
    """Put in each page only the CSS rules that can apply to it, inline, so the page paints
    before any stylesheet arrives; the full stylesheets load on the first interaction (with
    ``defer_theme_js``) or once the page has loaded."""

    budget_kb = c.Type(int, default=35)
    """Largest first load of a page (HTML, CSS and JS loaded without interaction, gzip), in KB;
    a page over it is an error, listed with its weight. ``0`` turns the check off."""
