"""Options of the ``langso/events`` plugin (the events calendar, ``lịch``, issue 15)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class EventsConfig(base.Config):
    """``langso/events`` options."""

    events_dir = c.Type(str, default="lich")
    """Folder of event pages (one ``.md`` per event), relative to ``docs_dir``. The agenda
    (``index.md``) and the ``.ics`` files are generated in the same folder."""

    title = c.Type(str, default="Lịch")
    """Title of the agenda page and name of the whole calendar (``lich.ics``)."""

    months_ahead = c.Type(int, default=12)
    """The agenda and the ``.ics`` files list what happens from the day of the build for this
    many months."""

    weeks_ahead = c.Type(int, default=8)
    """Market days and weekly or monthly events are listed for this many weeks only (a line
    says how they recur), so they do not bury the festivals."""
