"""The .ics files (langso.events.ics), read back by two real parsers (icalendar and vobject):
RFC 5545 line endings and folding, all-day and timed events, lunar dates written out, solar
recurrences as RRULE, hostile titles, determinism."""

from __future__ import annotations

import dataclasses
import datetime as dt
import zoneinfo

import icalendar
import vobject

from langso.events.ics import LUNAR_YEARS, calendar_ics, event_ics
from langso.events.model import EVENT_KINDS, Event, Rule
from langso.events.occurrences import horizon, occurrences

D = dt.date
TODAY = D(2026, 11, 30)
HOSTILE = 'Hội <script>alert("x")</script>, làng; Đình\nLàng \\ "A"'
VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def event(rule: Rule, title: str = "Giỗ Tổ", **kw: object) -> Event:
    return Event("lich/gio-to.md", "content/lich/gio-to.md", title, EVENT_KINDS[0], rule, **kw)  # type: ignore[arg-type]


LUNAR = event(Rule("lunar-yearly", lunar_month=3, days=(10,)), summary="Mùng 10 tháng 3.")
URL = "https://lang.example.org/lich/gio-to/"


def vevents(text: str) -> list[icalendar.cal.Component]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


def test_lunar_yearly_becomes_explicit_all_day_dates() -> None:
    text = event_ics(LUNAR, URL, TODAY, 12)
    # Ten years of dates (30/11/2026 to 29/11/2036), whatever `months` says: a phone imports the
    # file once, and RRULE cannot follow the lunar calendar (LUNAR_YEARS).
    found = vevents(text)
    assert [v.decoded("dtstart") for v in found] == [
        D(2027, 4, 16),
        D(2028, 4, 4),
        D(2029, 4, 23),
        D(2030, 4, 12),
        D(2031, 4, 1),
        D(2032, 4, 19),
        D(2033, 4, 9),
        D(2034, 4, 28),
        D(2035, 4, 17),
        D(2036, 4, 6),
    ]
    assert LUNAR_YEARS == 10
    assert vevents(event_ics(LUNAR, URL, TODAY, 24)) == found
    only = found[0]
    assert only.decoded("dtend") == D(2027, 4, 17)  # exclusive
    assert "VALUE=DATE" in text and "RRULE" not in text
    assert str(only["uid"]) == "lich-gio-to-20270416@lang.example.org"
    assert str(only["url"]) == URL
    assert "Âm lịch: mùng 10 tháng Ba năm Đinh Mùi." in str(only["description"])
    assert len({str(v["uid"]) for v in found}) == 10
    parsed = vobject.readOne(text)
    assert [v.dtstart.value for v in parsed.vevent_list][:2] == [D(2027, 4, 16), D(2028, 4, 4)]
    assert parsed.vevent.dtstart.value == D(2027, 4, 16)
    assert parsed.vevent.dtend.value == D(2027, 4, 17)
    assert parsed.x_wr_calname.value == "Giỗ Tổ"


def test_timed_weekly_is_an_rrule_in_viet_nam_time() -> None:
    weekly = event(
        Rule("weekly", days=(5,), until=D(2027, 3, 27)),
        start=dt.time(7, 30),
        end=dt.time(11, 0),
        place="Nhà văn hóa, xóm 2; cổng",
    )
    text = event_ics(weekly, URL, TODAY, 12)
    calendar = icalendar.Calendar.from_ical(text)
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    (only,) = vevents(text)
    assert only.decoded("dtstart") == dt.datetime(2026, 12, 5, 7, 30, tzinfo=VN)
    assert only.decoded("dtend") == dt.datetime(2026, 12, 5, 11, 0, tzinfo=VN)
    assert "DTSTART;TZID=Asia/Ho_Chi_Minh:20261205T073000\r\n" in text
    assert "RRULE:FREQ=WEEKLY;UNTIL=20270327T165959Z;BYDAY=SA\r\n" in text
    assert str(only["location"]) == "Nhà văn hóa, xóm 2; cổng"
    parsed = vobject.readOne(text)
    starts = list(parsed.vevent.getrruleset(addRDate=True))
    assert starts[0] == dt.datetime(2026, 12, 5, 7, 30, tzinfo=starts[0].tzinfo)
    assert starts[0].utcoffset() == dt.timedelta(hours=7)
    assert starts[-1].date() == D(2027, 3, 27) and len(starts) == 17


def test_monthly_day_31_is_written_out_not_an_rrule() -> None:
    # RRULE BYMONTHDAY=31 skips short months; the calendar moves it to their last day.
    monthly = event(Rule("monthly", days=(31,)))
    starts = [v.decoded("dtstart") for v in vevents(event_ics(monthly, URL, TODAY, 3))]
    assert starts == [D(2026, 11, 30), D(2026, 12, 31), D(2027, 1, 31)]


def test_once_over_several_days() -> None:
    fair = event(Rule("once", date=D(2027, 1, 10), last=D(2027, 1, 12)), duration=3)
    (only,) = vevents(event_ics(fair, "lich/gio-to/", TODAY, 12))
    assert (only.decoded("dtstart"), only.decoded("dtend")) == (D(2027, 1, 10), D(2027, 1, 13))
    assert str(only["uid"]) == "lich-gio-to@lang-so.invalid"  # no site_url: no host
    assert "url" not in only  # a relative address is no URI


def test_hostile_title_round_trips_and_lines_follow_rfc_5545() -> None:
    long_summary = "Ghi chú dài có dấu tiếng Việt: " + "Đình làng Là Thôn, " * 20
    hostile = event(
        Rule("lunar-monthly", days=(1, 15)), title=HOSTILE, summary=long_summary, place=HOSTILE
    )
    hostile = dataclasses.replace(hostile, src_uri="lich/hoi.md")
    markets = occurrences(hostile, TODAY, horizon(TODAY, 12))
    text = calendar_ics([hostile, LUNAR], {"lich/gio-to.md": URL}, "Lịch; thôn, Là", TODAY, 12)
    raw = text.encode("utf-8")
    assert raw.count(b"\r\n") == raw.count(b"\n")  # every line ends in CRLF (§3.1)
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # folded at 75 octets
    for line in raw.split(b"\r\n"):
        line.decode("utf-8")  # no line is cut inside a character
    assert "<script>" in text  # plain text: an .ics is not HTML
    found = vevents(text)
    assert {str(v["summary"]) for v in found} == {HOSTILE, "Giỗ Tổ"}
    assert str(found[0]["location"]) == HOSTILE
    assert str(found[0]["description"]).startswith(long_summary)
    assert icalendar.Calendar.from_ical(text)["x-wr-calname"] == "Lịch; thôn, Là"
    parsed = vobject.readOne(text)
    assert parsed.vevent.summary.value == HOSTILE
    assert parsed.vevent.location.value == HOSTILE
    assert len(found) == len(markets) + 10 == 25 + 10  # each market day, ten Giỗ Tổ
    assert len({str(v["uid"]) for v in found}) == len(found)


def test_the_calendar_header_and_determinism() -> None:
    text = calendar_ics([LUNAR], {"lich/gio-to.md": URL}, "Lịch thôn", TODAY, 12)
    assert text.startswith(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Lang so//Lich thon//VI\r\n"
        "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Lịch thôn\r\n"
        "X-WR-TIMEZONE:Asia/Ho_Chi_Minh\r\n"
    )
    assert text.endswith("END:VCALENDAR\r\n")
    assert "DTSTAMP:20261129T170000Z\r\n" in text  # 00:00 on the build day in Viet Nam
    assert calendar_ics([LUNAR], {"lich/gio-to.md": URL}, "Lịch thôn", TODAY, 12) == text
    assert "VTIMEZONE" not in text  # all-day only: no TZID to define


def test_an_event_with_nothing_ahead_has_no_vevent() -> None:
    past = event(Rule("once", date=D(2026, 1, 1)))
    assert vevents(event_ics(past, URL, TODAY, 12)) == []
