"""The orders notices are shown in (issue 15): newest first, the home page's current ones, by month.

Notices are ordered by time, not alphabetically (no Vietnamese collation needed); two notices
posted at the same moment are ordered by ``src_uri``, so every build lists them the same way.
Plain Python: no MkDocs import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from langso.clock import VIETNAM_TIME
from langso.notices.model import Notice

__all__ = ["by_month", "home_notices", "is_current", "month_key", "newest_first"]


def newest_first(notices: Iterable[Notice]) -> list[Notice]:
    """``notices`` from the latest posted to the earliest; equal times by ``src_uri`` (A→Z)."""
    return sorted(sorted(notices, key=lambda n: n.src_uri), key=lambda n: n.posted, reverse=True)


def is_current(notice: Notice, now: dt.datetime, fresh_days: int = 30) -> bool:
    """Whether ``notice`` belongs on the home page at ``now`` (aware): not expired, and, when it
    has no expiry, posted within the last ``fresh_days`` days. A notice posted after ``now``
    counts as current (a notice posted this evening, built this morning; a wrong year is warned
    about by :func:`langso.notices.loading.load_notices`)."""
    if notice.expires is not None:
        return not notice.is_expired(now)
    return now - notice.posted <= dt.timedelta(days=fresh_days)


def home_notices(
    notices: Iterable[Notice], now: dt.datetime, limit: int = 4, fresh_days: int = 30
) -> list[Notice]:
    """The notices the home page shows at ``now`` (aware): the current ones (:func:`is_current`),
    urgent kinds first, then newest first; at most ``limit``.

    Loudspeaker transcripts (kind ``loa``) are left out: they repeat what the notices say, and two
    broadcasts a day would push the meeting and the vaccination day off the home page; they are
    on the notices index and the loudspeaker page."""
    current = [
        n for n in newest_first(notices) if n.kind.key != "loa" and is_current(n, now, fresh_days)
    ]
    return sorted(current, key=lambda n: not n.urgent)[:limit]


def month_key(notice: Notice) -> str:
    """``"2026-12"``: the month the notice was posted in, in Viet Nam's time."""
    posted = notice.posted.astimezone(VIETNAM_TIME)
    return f"{posted.year:04d}-{posted.month:02d}"


def by_month(notices: Iterable[Notice]) -> list[tuple[str, list[Notice]]]:
    """The notices grouped by :func:`month_key`, newest month first, each month newest first:
    ``[("2026-12", [...]), ("2026-11", [...])]``; months without notices are left out."""
    groups: dict[str, list[Notice]] = {}
    for notice in newest_first(notices):
        groups.setdefault(month_key(notice), []).append(notice)
    return sorted(groups.items(), key=lambda group: group[0], reverse=True)
