"""Options of the ``langso/offline`` plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class OfflineConfig(base.Config):
    """``langso/offline`` options."""

    short_name = c.Optional(c.Type(str))
    """Name under the home-screen icon; default: the first words of ``site_name`` (≤ 12 letters)."""

    theme_color = c.Type(str, default="#4051b5")
    """Colour of the browser bar and of the icons (Material's default indigo)."""

    background_color = c.Type(str, default="#ffffff")
    """Splash screen colour of the installed app."""

    button_label = c.Type(str, default="Lưu để đọc khi mất mạng")
    """Label of the button that saves the whole guidebook on the phone."""

    timeout_ms = c.Type(int, default=4000)
    """How long a page waits for the network before the saved copy is shown (milliseconds)."""
