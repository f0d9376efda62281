"""The day, as Viet Nam counts it: UTC+7 all year (no daylight saving).

Everything that compares dates — freshness of directory entries, the printing date recorded for a
plaque, the verification date of a new entry — asks :func:`today`, so a build at 02:00 in Hà Nội
(19:00 UTC the day before) never calls today's verification "in the future".
"""

from __future__ import annotations

import datetime as dt
import os

__all__ = ["VIETNAM_TIME", "today"]

VIETNAM_TIME = dt.timezone(dt.timedelta(hours=7), "ICT")
"""Indochina Time, Viet Nam's only time zone."""


def today() -> dt.date:
    """The day in Viet Nam; ``SOURCE_DATE_EPOCH`` (seconds since 1970, the reproducible-builds
    convention, https://reproducible-builds.org/specs/source-date-epoch/) fixes it when set.

    Raises:
        ValueError: when ``SOURCE_DATE_EPOCH`` is set but is not a whole number of seconds.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.astimezone(VIETNAM_TIME).date()
