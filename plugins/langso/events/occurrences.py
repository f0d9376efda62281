"""The days each event happens (:class:`~langso.events.model.Occurrence`), and the agenda.

Rules (:class:`~langso.events.model.Rule`), as a villager counts them:

- ``once``: its day (to ``last``, or for ``duration`` days);
- ``lunar-yearly`` (``ngay_am: 10/3``): every lunar year on that day of the regular month 3;
  ``10/3 nhuận`` (``rule.leap``) only in the years whose leap month is 3;
- ``lunar-monthly`` (``hang_thang_am: [1, 15]``): every lunar month, leap months included (a
  market is held every month);
- ``weekly``, ``monthly``: solar weekdays and days of the month.

A day of the month the month does not have moves to the month's last day: lunar day 30 in a
29-day month (tháng thiếu) falls on the 29th, as villages keep a "30th" anniversary; solar day 31
(or 29, 30) in a shorter month falls on its last day. :func:`shifted` tells which occurrences
were moved, so a page can say so. A day written twice, or moved onto a day also listed, is one
occurrence. ``since``/``until`` bound the first day of each occurrence.

Dates are computed for the solar years :data:`langso.lunar.FIRST_YEAR` to
:data:`langso.lunar.LAST_YEAR`; a window beyond them is cut to them. Plain Python.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Iterator

from langso.events.model import Event, Occurrence
from langso.lunar import FIRST_YEAR, LAST_YEAR, from_lunar, month_length, to_lunar

__all__ = [
    "RECURRING_SHORT",
    "agenda",
    "horizon",
    "later",
    "occurrences",
    "shifted",
    "windows",
]

RECURRING_SHORT = frozenset({"lunar-monthly", "weekly", "monthly"})
"""Rules that come back every week or month: the agenda lists them for ``weeks`` only."""

_FIRST_DAY = dt.date(FIRST_YEAR, 1, 1)
_LAST_DAY = dt.date(LAST_YEAR, 12, 31)


def horizon(today: dt.date, months: int) -> dt.date:
    """The last day of a window of ``months`` months from ``today``: the day before the same
    day ``months`` months later (its month's last day when that month is shorter).
    ``horizon(30/11/2026, 12)`` is 29/11/2027."""
    index = today.month - 1 + months
    year, month = today.year + index // 12, index % 12 + 1
    day = min(today.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day) - dt.timedelta(days=1)


def windows(today: dt.date, months: int, weeks: int) -> tuple[dt.date, dt.date]:
    """The last days the agenda lists on ``today``: ``(long_end, short_end)``, the
    :func:`horizon` of ``months`` and, for :data:`RECURRING_SHORT`, the last of the next
    ``weeks`` weeks (``7 * weeks`` days from ``today``, never after ``long_end``)."""
    long_end = horizon(today, months)
    return long_end, min(today + dt.timedelta(days=7 * weeks - 1), long_end)


def occurrences(event: Event, first: dt.date, last: dt.date) -> list[Occurrence]:
    """Every occurrence of ``event`` that is on at least one day from ``first`` to ``last``
    (both included; an occurrence begun before ``first`` and still going on is included),
    sorted by its first day."""
    rule = event.rule
    span = dt.timedelta(days=max(event.duration, 1) - 1)
    low, high = max(first - span, _FIRST_DAY), min(last, _LAST_DAY)
    if rule.how == "once":
        assert rule.date is not None
        end = rule.last or rule.date + span
        starts: Iterable[tuple[dt.date, dt.date]] = [(rule.date, end)]
    else:
        if rule.since is not None:
            low = max(low, rule.since)
        if rule.until is not None:
            high = min(high, rule.until)
        starts = ((day, day + span) for day in sorted(set(_starts(event, low, high))))
    found = []
    for start, end in starts:
        if end < first or start > last or not _FIRST_DAY <= start <= _LAST_DAY:
            continue
        found.append(Occurrence(event=event, first=start, last=end, lunar=to_lunar(start)))
    return found


def _days(low: dt.date, high: dt.date) -> Iterator[dt.date]:
    day = low
    while day <= high:
        yield day
        day += dt.timedelta(days=1)


def _starts(event: Event, low: dt.date, high: dt.date) -> Iterator[dt.date]:
    """The first days of the occurrences of a recurring ``event`` from ``low`` to ``high``."""
    rule = event.rule
    if low > high:
        return
    if rule.how == "weekly":
        yield from (day for day in _days(low, high) if day.weekday() in rule.days)
    elif rule.how == "monthly":
        for day in _days(low, high):
            length = calendar.monthrange(day.year, day.month)[1]
            wanted = {min(d, length) for d in rule.days}
            if day.day in wanted:
                yield day
    elif rule.how == "lunar-monthly":
        for day in _days(low, high):
            lunar = to_lunar(day)
            length = month_length(lunar.year, lunar.month, lunar.leap)
            if lunar.day in {min(d, length) for d in rule.days}:
                yield day
    elif rule.how == "lunar-yearly":
        assert rule.lunar_month is not None
        for year in range(to_lunar(low).year - 1, to_lunar(high).year + 1):
            found = _lunar_yearly(year, rule.lunar_month, rule.days[0], rule.leap)
            if found is not None and low <= found <= high:
                yield found


def _lunar_yearly(year: int, month: int, day: int, leap: bool) -> dt.date | None:
    """The solar day of lunar ``day``/``month`` of ``year``: the month's last day when it is
    shorter, ``None`` when the year has no such month (a leap month it lacks)."""
    if from_lunar(year, month, 1, leap) is None:
        return None
    return from_lunar(year, month, min(day, month_length(year, month, leap)), leap)


def shifted(occurrence: Occurrence) -> bool:
    """Whether ``occurrence`` falls on a month's last day because the month lacks the day its
    event names: lunar day 30 on the 29th of a 29-day month (tháng thiếu), solar day 31 on
    the 30th…; the page says so ("tháng thiếu: làm vào ngày 29")."""
    rule = occurrence.event.rule
    if rule.how in ("lunar-yearly", "lunar-monthly"):
        return occurrence.lunar.day not in rule.days
    if rule.how == "monthly":
        return occurrence.first.day not in rule.days
    return False


def _order(occurrence: Occurrence) -> tuple[dt.date, dt.time, str, str]:
    event = occurrence.event
    return (occurrence.first, event.start or dt.time(0, 0), event.title, event.src_uri)


def agenda(
    events: Iterable[Event], today: dt.date, months: int, weeks: int, *, spare: bool = False
) -> list[Occurrence]:
    """What the agenda lists: every occurrence on a day from ``today`` to
    :func:`horizon` (``months``), the events of :data:`RECURRING_SHORT` only for the next
    ``weeks`` weeks (from ``today``, ``7 * weeks`` days); sorted by first day, then start
    time, title and page. With ``spare``, those too for the whole ``months``: the agenda page
    carries them hidden, and its script shows each when it comes within ``weeks`` weeks of
    the reader's day (:func:`later` tells which are hidden on the day of the build)."""
    long_end, short_end = windows(today, months, weeks)
    found: list[Occurrence] = []
    for event in events:
        short = event.rule.how in RECURRING_SHORT and not spare
        end = short_end if short else long_end
        found.extend(occurrences(event, today, end))
    return sorted(found, key=_order)


def later(occurrence: Occurrence, short_end: dt.date) -> bool:
    """Whether ``occurrence`` is of a :data:`RECURRING_SHORT` event and begins after
    ``short_end`` (:func:`windows`): the agenda lists it hidden, for a later reader."""
    return occurrence.event.rule.how in RECURRING_SHORT and occurrence.first > short_end
