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

    host = c.Optional(c.Choice(("github", "gitlab", "netlify", "cloudflare")))
    """Where the site is published: after each build its files are counted and weighed against
    that host's limits (:mod:`langso.hosts`): a warning from 80 % of a limit, an error over it.
    Unset: the host ``site_url`` names (``*.github.io``…), else the strictest of them."""

    host_max_files = c.Optional(c.Type(int))
    """Replaces the host's file limit (a self-managed GitLab sets its own)."""

    host_max_total_mb = c.Optional(c.Type((int, float)))
    """Replaces the host's limit of the whole site, in MB (10⁶ bytes)."""
