"""What the events calendar shows a reader: the agenda page and the header of each event page.

Plain Python (no MkDocs import): the plugin (:mod:`langso.events.plugin`) says where each page
and file is (relative links, absolute addresses) and inserts the results.

- :func:`agenda_markdown`: the page ``lich/index.md``: its title, then the occurrences from the
  day of the build, by month (``Tháng 12 năm 2026``), each with its weekday and solar date, its
  lunar date, time, place and a link to the event's page; recurring events carry one line saying
  how they recur (market days and weekly or monthly events are shown for a few weeks only; the
  later ones are carried hidden, for the script).
- :func:`event_header_html`: after the ``<h1>`` of an event page: the next dates in both
  calendars, how it recurs, time, place, "Thêm vào lịch" (its ``.ics``) and "Google Lịch"
  (:func:`google_calendar_url`) while a date is to come, the source of the date, and the
  "tháng thiếu" note when a lunar day 30 falls on the 29th (:func:`shift_note`).

Both pages end with a few lines of script (``events_parts.html``), so what a reader sees stays
true days after the build: an occurrence whose last day (``data-langso-den``, ISO date) is before
today in Viet Nam leaves the agenda; on a one-off event's page it is marked "(đã qua)"; on a
recurring event's page it leaves, and the next date still to come becomes "Lần tới", with its
own "Google Lịch" link. Without JavaScript the build day decides. The agenda names the day it
was made and the last day it covers (dates, never "from today"), true whenever it is read.

Every value from content is plain text, escaped once by the ``.html`` templates' autoescape.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlencode, urlsplit

from langso.dates import WEEKDAYS, format_day
from langso.events.ics import LUNAR_YEARS
from langso.events.model import Event, Occurrence
from langso.events.occurrences import RECURRING_SHORT, later, shifted, windows
from langso.lunar import MONTH_NAMES, format_lunar
from langso.render import md, render_template

__all__ = [
    "NEXT_DATES",
    "SPARE_DATES",
    "Shown",
    "agenda_markdown",
    "event_header_html",
    "google_calendar_url",
    "recurrence_text",
    "shift_note",
    "shown",
    "time_text",
]

NEXT_DATES = 3
"""How many next dates an event page lists for a recurring event."""

SPARE_DATES = 6
"""How many more dates a recurring event's page carries, hidden: when the reader's clock has
passed the first ones, the page's script shows these (a market on lunar days 1 and 15: three
more months), until the next build."""

GOOGLE_CALENDAR = "https://calendar.google.com/calendar/render"
"""Google Calendar's "add an event" page (``action=TEMPLATE``; parameters ``text``, ``dates``
(``YYYYMMDD/YYYYMMDD`` all day, the end excluded; ``YYYYMMDDTHHMMSS/…`` in ``ctz``), ``ctz``,
``details``, ``location``, ``recur`` (an RFC 5545 ``RRULE:`` line)), as documented in the
"Google Calendar event publisher guide" and used by "add to calendar" buttons."""

TIMEZONE = "Asia/Ho_Chi_Minh"
"""The IANA name of Viet Nam's time (UTC+7), as the ``.ics`` files name it too."""

_ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Shown:
    """One occurrence as a reader sees it.

    Attributes:
        occurrence: the occurrence.
        until: its last day as ISO ``YYYY-MM-DD`` (``data-langso-den``: the script compares it
            with today).
        day: ``Thứ Bảy, 12/12/2026``, or ``Thứ Sáu, 12/02/2027 đến Chủ Nhật, 14/02/2027``.
        lunar: ``mùng 3 tháng Mười Một năm Bính Ngọ`` (:func:`langso.lunar.format_lunar`).
        shift: why it falls on another day than its rule names (:func:`shift_note`), or
            ``None``.
        past: its last day is before the day of the build.
        google: its own Google Calendar link (:func:`google_calendar_url`) on a recurring
            event's page, else ``None``.
        since: on the agenda, its first day as ISO ``YYYY-MM-DD`` (``data-langso-tu``) when
            its event comes back every week or month (the script shows it once it is within
            ``weeks_ahead`` weeks of today), else ``None``.
        later: on the agenda, hidden on the day of the build: such an occurrence beyond
            ``weeks_ahead`` weeks.
    """

    occurrence: Occurrence
    until: str
    day: str
    lunar: str
    shift: str | None
    past: bool
    google: str | None = None
    since: str | None = None
    later: bool = False


def shown(occurrence: Occurrence, today: dt.date) -> Shown:
    """``occurrence`` as the pages show it, judged on ``today``."""
    first, last = occurrence.first, occurrence.last
    day = format_day(first) if last == first else f"{format_day(first)} đến {format_day(last)}"
    return Shown(
        occurrence=occurrence,
        until=last.isoformat(),
        day=day,
        lunar=format_lunar(occurrence.lunar),
        shift=shift_note(occurrence),
        past=last < today,
    )


def shift_note(occurrence: Occurrence) -> str | None:
    """Why ``occurrence`` is on another day than its rule names (:func:`shifted`), as a short
    clause: ``tháng thiếu: ngày 30 tính là ngày 29`` (a lunar day 30 in a 29-day month),
    ``tháng này không có ngày 31: làm vào ngày cuối tháng`` (a solar day the month lacks);
    else ``None``."""
    if not shifted(occurrence):
        return None
    rule = occurrence.event.rule
    if rule.how == "monthly":
        return f"tháng này không có ngày {max(rule.days)}: làm vào ngày cuối tháng"
    return "tháng thiếu: ngày 30 tính là ngày 29"


def _lunar_days(days: Sequence[int]) -> str:
    """``mùng 1`` (one of the first ten days, as people say it), ``ngày 15``, or ``các ngày 1
    và 15`` for several."""
    if len(days) == 1:
        return f"mùng {days[0]}" if days[0] <= 10 else f"ngày {days[0]}"
    return "các ngày " + _join([str(d) for d in days])


def _join(words: Sequence[str]) -> str:
    """``a``, ``a và b``, ``a, b và c``."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " và " + words[-1]


def recurrence_text(event: Event) -> str | None:
    """How ``event`` recurs, one line (``Hằng năm vào mùng 10 tháng Ba âm lịch``, ``Hằng tháng
    vào các ngày 1 và 15 âm lịch``, ``Hằng tuần vào Thứ Bảy``, ``Hằng tháng vào ngày 5 dương
    lịch``), or ``None`` for a one-off event. Bounds (``tu_ngay``, ``den_ngay``) are added:
    ``, từ 01/12/2026, đến hết 31/12/2026``."""
    rule = event.rule
    if rule.how == "once":
        return None
    if rule.how == "lunar-yearly":
        month = MONTH_NAMES[(rule.lunar_month or 1) - 1]
        text = f"Hằng năm vào {_lunar_days(rule.days)} tháng {month} âm lịch"
    elif rule.how == "lunar-monthly":
        text = f"Hằng tháng vào {_lunar_days(rule.days)} âm lịch"
    elif rule.how == "weekly":
        text = f"Hằng tuần vào {WEEKDAYS[rule.days[0]]}"
    else:
        days = _join([str(d) for d in rule.days])
        text = f"Hằng tháng vào {'ngày' if len(rule.days) == 1 else 'các ngày'} {days} dương lịch"
    if rule.since is not None:
        text += f", từ {rule.since.strftime('%d/%m/%Y')}"
    if rule.until is not None:
        text += f", đến hết {rule.until.strftime('%d/%m/%Y')}"
    return text


def time_text(event: Event) -> str:
    """``07:30–11:00``, ``Lúc 07:30``, or ``Cả ngày`` (no ``gio``)."""
    if event.start is None:
        return "Cả ngày"
    start = event.start.strftime("%H:%M")
    if event.end is None:
        return f"Lúc {start}"
    return f"{start}–{event.end.strftime('%H:%M')}"


def google_calendar_url(event: Event, occurrence: Occurrence, page_url: str) -> str:
    """A link that opens Google Calendar's "add event" form filled in for ``occurrence``.

    All day: ``dates=20261212/20261213`` (the day after the last, as Google wants). With a time:
    ``dates=20261212T073000/20261212T110000&ctz=Asia/Ho_Chi_Minh`` (no end time: the start
    twice). A weekly or monthly (solar) event adds ``recur=RRULE:…``; a lunar one cannot be said
    in RRULE: the link adds the next date only. ``details`` is the summary and ``page_url``.
    """
    first, last = occurrence.first, occurrence.last
    params: list[tuple[str, str]] = [("action", "TEMPLATE"), ("text", event.title)]
    if event.start is None:
        end_day = last + dt.timedelta(days=1)
        params.append(("dates", f"{first:%Y%m%d}/{end_day:%Y%m%d}"))
    else:
        start = dt.datetime.combine(first, event.start)
        end = dt.datetime.combine(last, event.end or event.start)
        params.append(("dates", f"{start:%Y%m%dT%H%M%S}/{end:%Y%m%dT%H%M%S}"))
        params.append(("ctz", TIMEZONE))
    details = f"{event.summary}\n\n{page_url}" if event.summary else page_url
    params.append(("details", details))
    if event.place:
        params.append(("location", event.place))
    recur = _rrule(event)
    if recur:
        params.append(("recur", recur))
    return f"{GOOGLE_CALENDAR}?{urlencode(params)}"


def _rrule(event: Event) -> str | None:
    """``RRULE:FREQ=WEEKLY;BYDAY=SA`` for a weekly event, ``RRULE:FREQ=MONTHLY;BYMONTHDAY=5,20``
    for a monthly one (with ``UNTIL`` when it ends), else ``None``."""
    rule = event.rule
    if rule.how == "weekly":
        line = f"RRULE:FREQ=WEEKLY;BYDAY={_ICAL_DAYS[rule.days[0]]}"
    elif rule.how == "monthly":
        line = "RRULE:FREQ=MONTHLY;BYMONTHDAY=" + ",".join(str(d) for d in rule.days)
    else:
        return None
    if rule.until is not None:
        line += f";UNTIL={rule.until:%Y%m%d}"
    return line


def _months(items: Sequence[Shown]) -> list[tuple[str, str, list[Shown]]]:
    """``(id, heading, items)`` of each month, in order: ``("thang-2026-12", "Tháng 12 năm
    2026", […])``."""
    months: dict[tuple[int, int], list[Shown]] = {}
    for item in items:
        first = item.occurrence.first
        months.setdefault((first.year, first.month), []).append(item)
    return [
        (f"thang-{year}-{month:02d}", f"Tháng {month} năm {year}", chunk)
        for (year, month), chunk in months.items()
    ]


def agenda_markdown(
    title: str,
    occurrences: Sequence[Occurrence],
    links: Mapping[str, str],
    calendar_link: str,
    today: dt.date,
    months: int,
    weeks: int,
) -> str:
    """The agenda page (``lich/index.md``) as Markdown: a ``#`` title, then HTML.

    Args:
        title: the page's title (plain text; configuration).
        occurrences: what to list, sorted (:func:`langso.events.occurrences.agenda`, with
            ``spare``: market days and weekly or monthly events beyond ``weeks`` weeks are
            listed hidden, each with its first day, ``data-langso-tu``).
        links: each event's ``src_uri`` → the relative link from the agenda to its page.
        calendar_link: the relative link to the whole calendar (``lich.ics``).
        today: the day of the build.
        months, weeks: how far the agenda looks (``months_ahead``, ``weeks_ahead``).

    The page says the day it was made and the last day each kind of entry is listed to
    ("Các ngày sắp tới, đến hết 29/11/2027 … Cập nhật ngày Thứ Hai, 30/11/2026."):
    dates, never "from today", so it stays true when read days later; what is over by then
    leaves the list (the script), and "Chưa có ngày nào sắp tới" shows when nothing is left.
    The script also shows the hidden market days and weekly or monthly dates that have come
    within ``weeks`` weeks of the reader's day (``data-langso-weeks``), and says to which day
    (``data-langso-short-end``): the agenda agrees with the event pages whenever it is read.
    """
    long_end, short_end = windows(today, months, weeks)
    items = [
        replace(
            shown(o, today),
            since=o.first.isoformat() if o.event.rule.how in RECURRING_SHORT else None,
            later=later(o, short_end),
        )
        for o in occurrences
    ]
    body = render_template(
        "events_agenda.html",
        months=_months(items),
        links=links,
        calendar_link=calendar_link,
        recurrence=recurrence_text,
        time_text=time_text,
        today=format_day(today),
        weeks=weeks,
        any_shown=any(not i.later for i in items),
        long_end_iso=long_end.isoformat(),
        long_end=f"{long_end:%d/%m/%Y}",
        short_end=f"{short_end:%d/%m/%Y}",
    ).strip()
    return f"# {md(title)}\n\n{body}\n"


def event_header_html(
    event: Event,
    dates: Sequence[Occurrence],
    today: dt.date,
    ics_link: str,
    page_url: str,
    months: int = 12,
) -> str:
    """The block after the ``<h1>`` of ``event``'s page (``events_header.html``).

    Args:
        event: the event.
        dates: the dates to list: the one-off event's own (even past), or a recurring event's
            next ones from the day of the build: the first :data:`NEXT_DATES` are shown, the
            rest (:data:`SPARE_DATES`) are hidden until the reader's clock has passed some.
        today: the day of the build.
        ics_link: the relative link from the page to its ``.ics`` file.
        page_url: the page's full address (in the Google Calendar details).
        months: how far its ``.ics`` file lists a lunar-monthly event (``months_ahead``).

    A recurring event's dates each carry the Google Calendar link made for them
    (``data-langso-google``): the page's script (``events_parts.html``) moves the next date
    still to come into "Lần tới", and the "Google Lịch" button follows it.
    """
    items = [shown(o, today) for o in dates]
    if event.rule.how != "once":
        items = [
            replace(i, google=google_calendar_url(event, i.occurrence, page_url)) for i in items
        ]
    upcoming = next((i.occurrence for i in items if not i.past), None)
    google = google_calendar_url(event, upcoming, page_url) if upcoming else None
    source_host = urlsplit(event.source_url).hostname if event.source_url else None
    return render_template(
        "events_header.html",
        event=event,
        items=items,
        shown_later=NEXT_DATES - 1,
        recurrence=recurrence_text(event),
        time=time_text(event),
        ics_link=ics_link,
        google=google,
        hint=_hint(event, months),
        source_host=source_host,
    ).strip()


def _hint(event: Event, months: int) -> str | None:
    """What "Thêm vào lịch" adds that "Google Lịch" cannot, for a lunar event (Google's
    ``recur`` is an RRULE, which cannot follow the lunar calendar), else ``None``."""
    if event.rule.how == "lunar-yearly":
        return (
            "“Google Lịch” chỉ thêm lần gần nhất. “Thêm vào lịch” thêm các lần trong"
            f" {LUNAR_YEARS} năm tới."
        )
    if event.rule.how == "lunar-monthly":
        return (
            "“Google Lịch” chỉ thêm lần gần nhất. “Thêm vào lịch” thêm đủ các lần trong"
            f" {months} tháng tới."
        )
    return None
