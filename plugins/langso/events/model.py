"""The events calendar (``lịch``) as the site uses it: typed, checked, plain data.

An event is one Markdown page in the events folder (``lich/`` by default) whose front matter says
when it happens, in exactly one of five ways (issue 15)::

    ngay: 15/01/2027            # once, on this day (``den_ngay`` for the last of several days)
    ngay_am: 10/3               # every year on this lunar day/month (festivals)
    hang_thang_am: [1, 15]      # every lunar month on these days (market days)
    hang_tuan: thứ bảy          # every week on this weekday
    hang_thang: [5]             # every month on these days of the (solar) month

with ``gio`` (``07:30`` or ``07:30-11:00``), ``so_ngay`` (days it lasts), ``dia_diem`` and
``nguon`` (the source of a real festival's date). :mod:`langso.events.loading` turns each page
into an :class:`Event`; :func:`langso.events.occurrences.occurrences` lists its days;
everything downstream reads only these objects. Plain Python: no MkDocs import.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from langso.notices.model import find_named

__all__ = ["EVENT_KINDS", "Event", "EventKind", "LunarDay", "Occurrence", "Rule", "find_kind"]


@dataclass(frozen=True)
class EventKind:
    """What an event is (see :class:`langso.notices.model.NoticeKind` for the attributes)."""

    key: str
    label: str
    words: tuple[str, ...] = ()


EVENT_KINDS: tuple[EventKind, ...] = (
    EventKind("le-hoi", "Lễ hội, ngày lễ", ("le hoi", "ngay le", "tet", "le")),
    EventKind("tiem-chung", "Tiêm chủng", ("tiem phong", "tiem vac xin", "y te")),
    EventKind("hop", "Họp", ("hop thon", "hop dan", "hop")),
    EventKind("phien-cho", "Phiên chợ", ("cho", "phien cho", "cho phien")),
    EventKind("khac", "Sự kiện khác", ("khac", "su kien")),
)
"""The kinds of events issue 15 names (festivals, vaccination days, meetings, market days)."""


def find_kind(typed: str) -> EventKind | None:
    """The event kind a volunteer meant by ``typed``, ignoring accents, case and hyphens
    (:func:`langso.notices.model.find_named`), or ``None``."""
    return find_named(typed, EVENT_KINDS)


@dataclass(frozen=True)
class LunarDay:
    """A day of the Vietnamese lunar calendar (computed for UTC+7, :mod:`langso.lunar`).

    Attributes:
        day: 1..30.
        month: 1..12.
        year: the lunar year (Tết of ``year`` falls in January or February of ``year``).
        leap: whether the month is the leap (nhuận) month of that year.
    """

    day: int
    month: int
    year: int
    leap: bool = False


@dataclass(frozen=True)
class Rule:
    """How an event comes back (exactly one way; see the module docstring).

    Attributes:
        how: ``"once"`` (``ngay``), ``"lunar-yearly"`` (``ngay_am``), ``"lunar-monthly"``
            (``hang_thang_am``), ``"weekly"`` (``hang_tuan``), ``"monthly"`` (``hang_thang``).
        date: ``once``: its first day.
        last: ``once``: its last day when it lasts several days (``den_ngay``), else ``None``.
        lunar_month: ``lunar-yearly``: the lunar month (1..12).
        days: ``lunar-yearly``: ``(day,)``; ``lunar-monthly`` and ``monthly``: the days of the
            month (1..30 or 1..31), sorted; ``weekly``: ``(weekday,)`` with Monday = 0.
        since, until: the first and last day a recurring event happens (``tu_ngay``,
            ``den_ngay``), or ``None`` for no bound.
        leap: ``lunar-yearly``: the day is in the leap month (``ngay_am: 10/3 nhuận``), so the
            event happens only in years with a leap month ``lunar_month``. (Added by engineer
            A1 for issue 15: the typed rule needs it; default ``False``.)
    """

    how: Literal["once", "lunar-yearly", "lunar-monthly", "weekly", "monthly"]
    date: dt.date | None = None
    last: dt.date | None = None
    lunar_month: int | None = None
    days: tuple[int, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    leap: bool = False


@dataclass(frozen=True)
class Event:
    """One event of the calendar, checked.

    Attributes:
        src_uri: the page's path in ``docs_dir`` (``lich/le-hoi-lang.md``).
        source: its path from the repository root, for messages.
        title: plain text (NFC; escaped where rendered).
        kind: what it is.
        rule: when it happens.
        duration: how many days each occurrence lasts (``so_ngay``; for ``once`` with
            ``den_ngay``, the days from ``date`` to ``last``), at least 1.
        start, end: the time of day it starts and ends (``gio``), or ``None`` for all day.
        place: where (plain text), or ``None``.
        summary: one or two sentences (the ``description``, else the start of the body).
        source_url: ``nguon``: where the date of a real festival is published, or ``None``.
    """

    src_uri: str
    source: str
    title: str
    kind: EventKind
    rule: Rule
    duration: int = 1
    start: dt.time | None = None
    end: dt.time | None = None
    place: str | None = None
    summary: str = ""
    source_url: str | None = None


@dataclass(frozen=True)
class Occurrence:
    """One time an event happens.

    Attributes:
        event: the event.
        first: its first day (solar).
        last: its last day (solar; equal to ``first`` for a one-day event).
        lunar: the lunar date of ``first``.
    """

    event: Event
    first: dt.date
    last: dt.date
    lunar: LunarDay
