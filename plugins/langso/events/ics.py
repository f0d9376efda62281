"""iCalendar files (RFC 5545) of the events calendar: one per event and one for all.

Built with the ``icalendar`` library, which escapes text (``,`` ``;`` ``\\`` and line breaks,
§3.3.11), folds lines longer than 75 octets (§3.1) and ends every line with CRLF. Each file is:

- ``VCALENDAR`` with ``VERSION:2.0``, ``PRODID`` (:data:`PRODID`), ``CALSCALE:GREGORIAN``,
  ``METHOD:PUBLISH``, ``X-WR-CALNAME`` (the calendar's name, or the event's title) and
  ``X-WR-TIMEZONE`` (read by Google Calendar and Apple Calendar);
- a ``VTIMEZONE`` for ``Asia/Ho_Chi_Minh`` (UTC+7) when an event has a time of day
  (``icalendar.Calendar.add_missing_timezones``, from the IANA time zone database);
- ``VEVENT`` per event or per occurrence: ``UID``, ``DTSTAMP``, ``DTSTART`` (and ``DTEND``),
  ``SUMMARY`` (title), ``LOCATION`` (place), ``DESCRIPTION`` (summary, the lunar date, the
  source of the date, the page's address), ``URL`` (the page, when absolute).

An all-day event is ``DTSTART;VALUE=DATE`` with ``DTEND`` the day after its last day
(exclusive, §3.6.1); a timed one has ``TZID=Asia/Ho_Chi_Minh`` and ends at its end time (no
``DTEND`` without one: it is a moment). Weekly events, and monthly ones on days 1 to 28, carry an
``RRULE`` from their first occurrence on or after the day of the build (``UNTIL`` their last day);
every other recurrence (lunar ones, which no calendar program computes, and solar days 29–31,
which move to a shorter month's last day here but are skipped by ``RRULE``) becomes one
``VEVENT`` per occurrence, each with its own ``UID``: within ``months`` months, except a yearly
lunar event (``ngay_am``), listed for :data:`LUNAR_YEARS` years.

Why explicit dates for a yearly lunar festival, and why ten years: RFC 5545's ``RRULE`` counts
in the Gregorian calendar only (``CALSCALE`` has no other registered value), and the lunar day
moves by up to a month from one solar year to the next, with leap months (Hồ Ngọc Đức's
calendar for UTC+7, :mod:`langso.lunar`). A file imported once on a phone (what "Thêm vào lịch"
does) is never read again, so one year of dates would leave the festival missing from the
phone's calendar the next year; ten years keep it there for as long as a phone is kept, at
about 0.6 KB a date. The whole calendar (``lich.ics``, imported once too) lists them so as well:
measured on the sample (two yearly festivals, a market, a monthly meeting, a vaccination day,
built 05/12/2026) it grows from 17.8 KB to 28.6 KB (1.8 to 2.3 KB gzip), a download only.

Deterministic: ``DTSTAMP`` is the day of the build (00:00 in Viet Nam), ``UID`` is made of the
page path and the site's host (``lich-hoi-lang@example.org``, plus ``-20270415`` per
occurrence), so the same content built on the same day gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from icalendar import Calendar, vRecur
from icalendar import Event as VEvent

from langso.clock import VIETNAM_TIME
from langso.events.model import Event, Occurrence
from langso.events.occurrences import horizon, occurrences
from langso.lunar import format_lunar

__all__ = ["LUNAR_YEARS", "PRODID", "TIMEZONE", "calendar_ics", "event_ics"]

PRODID = "-//Lang so//Lich thon//VI"
"""Who made the file (§3.7.3): the project, the calendar, the language."""

TIMEZONE = "Asia/Ho_Chi_Minh"
"""The IANA name of Viet Nam's time zone (UTC+7, no daylight saving since 1975)."""

NO_HOST = "lang-so.invalid"
"""The host in ``UID`` when the site has no ``site_url`` (``.invalid``: RFC 2606)."""

LUNAR_YEARS = 10
"""How many years of dates the ``.ics`` files give a yearly lunar event (see the module
docstring: ``RRULE`` cannot follow the lunar calendar)."""

_ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_ZONE = zoneinfo.ZoneInfo(TIMEZONE)


def event_ics(event: Event, url: str, today: dt.date, months: int) -> str:
    """The ``.ics`` file of one event (its title as the calendar's name).

    Args:
        event: the event.
        url: the address of its page (absolute when the site has a ``site_url``).
        today: the day of the build.
        months: how far ahead lunar-monthly recurrences are listed (``months_ahead``); a
            yearly lunar event's dates are listed for :data:`LUNAR_YEARS` years.

    Returns:
        The file's text, lines ending in CRLF.
    """
    return calendar_ics([event], {event.src_uri: url}, event.title, today, months)


def calendar_ics(
    events: Iterable[Event], urls: Mapping[str, str], name: str, today: dt.date, months: int
) -> str:
    """The ``.ics`` file of the whole calendar ``name``; ``urls`` maps each event's ``src_uri``
    to its page's address (see :func:`event_ics`). Events are written in the order given."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIMEZONE)
    stamp = dt.datetime.combine(today, dt.time(0, 0), VIETNAM_TIME).astimezone(dt.UTC)
    for event in events:
        url = urls.get(event.src_uri, "")
        years = event.rule.how == "lunar-yearly"
        last = horizon(today, 12 * LUNAR_YEARS if years else months)
        for component in _vevents(event, url, today, last, stamp):
            calendar.add_component(component)
    if any(c.get("dtstart") is not None and _has_time(c) for c in calendar.walk("VEVENT")):
        calendar.subcomponents.insert(0, _vtimezone())
    data: bytes = calendar.to_ical()
    return data.decode("utf-8")


def _has_time(component: Any) -> bool:
    """Whether the ``VEVENT`` starts at a time of day (then it names :data:`TIMEZONE`)."""
    return isinstance(component.decoded("dtstart"), dt.datetime)


@lru_cache(maxsize=1)
def _vtimezone() -> Any:
    """The ``VTIMEZONE`` of :data:`TIMEZONE`, made once a process: what
    ``Calendar.add_missing_timezones`` writes, which costs ~17 ms a file (measured on the sample:
    0.1 s of a 1.6 s build for its six .ics files) and is the same every time. Shared, never
    changed: serialised into each calendar."""
    holder = Calendar()
    event = VEvent()
    event.add("dtstart", dt.datetime(2000, 1, 1, 12, 0, tzinfo=zoneinfo.ZoneInfo(TIMEZONE)))
    holder.add_component(event)
    holder.add_missing_timezones()
    return holder.walk("VTIMEZONE")[0]


def _vevents(
    event: Event, url: str, today: dt.date, last: dt.date, stamp: dt.datetime
) -> list[VEvent]:
    rule = event.rule
    base = _uid_base(event)
    found = occurrences(event, today, last)
    if not found:
        return []
    if rule.how == "once":
        return [_vevent(event, found[0], url, base, stamp)]
    if rule.how == "weekly" or (rule.how == "monthly" and max(rule.days) <= 28):
        component = _vevent(event, found[0], url, base, stamp, lunar=False)
        component.add("rrule", _rrule(event))
        return [component]
    return [_vevent(event, o, url, f"{base}-{o.first:%Y%m%d}", stamp) for o in found]


def _uid_base(event: Event) -> str:
    """``lich-hoi-lang`` for ``lich/hoi-lang.md``: the page path, ASCII as file names are."""
    return event.src_uri.removesuffix(".md").replace("/", "-")


def _rrule(event: Event) -> vRecur:
    rule = event.rule
    recur: dict[str, object] = {}
    if rule.how == "weekly":
        recur = {"freq": "weekly", "byday": [_ICAL_DAYS[rule.days[0]]]}
    else:
        recur = {"freq": "monthly", "bymonthday": list(rule.days)}
    if rule.until is not None:
        if event.start is None:
            recur["until"] = rule.until
        else:  # with a TZID start, UNTIL is UTC (§3.3.10)
            end = dt.datetime.combine(rule.until, dt.time(23, 59, 59), VIETNAM_TIME)
            recur["until"] = end.astimezone(dt.UTC)
    return vRecur(recur)


def _vevent(
    event: Event,
    occurrence: Occurrence,
    url: str,
    uid: str,
    stamp: dt.datetime,
    *,
    lunar: bool = True,
) -> VEvent:
    component = VEvent()
    host = urlsplit(url).hostname or NO_HOST
    component.add("uid", f"{uid}@{host}")
    component.add("dtstamp", stamp)
    if event.start is None:
        component.add("dtstart", occurrence.first)
        component.add("dtend", occurrence.last + dt.timedelta(days=1))
    else:
        component.add("dtstart", dt.datetime.combine(occurrence.first, event.start, _ZONE))
        if event.end is not None:
            component.add("dtend", dt.datetime.combine(occurrence.last, event.end, _ZONE))
        elif occurrence.last != occurrence.first:
            end = dt.datetime.combine(occurrence.last, dt.time(23, 59), _ZONE)
            component.add("dtend", end)
    component.add("summary", event.title)
    if event.place:
        component.add("location", event.place)
    component.add("description", _description(event, occurrence, url, lunar=lunar))
    if urlsplit(url).scheme in ("http", "https"):
        component.add("url", url)
    return component


def _description(event: Event, occurrence: Occurrence, url: str, *, lunar: bool) -> str:
    lines = [event.summary] if event.summary else []
    if lunar and event.rule.how in ("lunar-yearly", "lunar-monthly"):
        lines.append(f"Âm lịch: {format_lunar(occurrence.lunar)}.")
    if event.source_url:
        lines.append(f"Nguồn ngày này: {event.source_url}")
    if urlsplit(url).scheme in ("http", "https"):
        lines.append(f"Xem: {url}")
    return "\n".join(lines)
