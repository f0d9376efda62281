"""The days events happen (langso.events.occurrences): lunar rules against published dates,
short months, leap months, bounds, and the agenda's windows."""

from __future__ import annotations

import datetime as dt

from langso.events.model import EVENT_KINDS, Event, Rule
from langso.events.occurrences import agenda, horizon, occurrences, shifted
from langso.lunar import from_lunar, month_length

KIND = EVENT_KINDS[0]
D = dt.date


def event(rule: Rule, duration: int = 1, title: str = "A") -> Event:
    return Event(f"lich/{title}.md", f"content/lich/{title}.md", title, KIND, rule, duration)


def days(e: Event, first: dt.date, last: dt.date) -> list[dt.date]:
    return [o.first for o in occurrences(e, first, last)]


def test_tet_every_year() -> None:
    tet = event(Rule("lunar-yearly", lunar_month=1, days=(1,)))
    assert days(tet, D(2025, 1, 1), D(2027, 12, 31)) == [
        D(2025, 1, 29),
        D(2026, 2, 17),
        D(2027, 2, 6),
    ]
    found = occurrences(tet, D(2027, 1, 1), D(2027, 12, 31))[0]
    assert (found.lunar.day, found.lunar.month, found.lunar.year) == (1, 1, 2027)


def test_lunar_day_30_in_a_29_day_month_falls_on_the_29th() -> None:
    assert month_length(2026, 2) == 29 and month_length(2027, 2) == 30
    anniversary = event(Rule("lunar-yearly", lunar_month=2, days=(30,)))
    found = occurrences(anniversary, D(2026, 1, 1), D(2027, 12, 31))
    assert [o.first for o in found] == [from_lunar(2026, 2, 29), from_lunar(2027, 2, 30)]
    assert [o.lunar.day for o in found] == [29, 30]
    assert [shifted(o) for o in found] == [True, False]


def test_leap_months() -> None:
    regular = event(Rule("lunar-yearly", lunar_month=2, days=(1,)))
    leap = event(Rule("lunar-yearly", lunar_month=2, days=(1,), leap=True))
    # 2023 has a leap month 2 (from 22/03/2023): "1/2" is the regular month only.
    assert days(regular, D(2023, 1, 1), D(2023, 12, 31)) == [D(2023, 2, 20)]
    assert days(leap, D(2020, 1, 1), D(2027, 12, 31)) == [D(2023, 3, 22)]
    six = event(Rule("lunar-yearly", lunar_month=6, days=(1,), leap=True))
    assert days(six, D(2024, 1, 1), D(2026, 12, 31)) == [D(2025, 7, 25)]


def test_market_days_every_lunar_month_leap_ones_too() -> None:
    market = event(Rule("lunar-monthly", days=(1, 15)))
    found = occurrences(market, D(2023, 3, 1), D(2023, 4, 30))
    assert [(o.first, o.lunar.day, o.lunar.month, o.lunar.leap) for o in found] == [
        (D(2023, 3, 6), 15, 2, False),
        (D(2023, 3, 22), 1, 2, True),
        (D(2023, 4, 5), 15, 2, True),
        (D(2023, 4, 20), 1, 3, False),
    ]
    thirty = event(Rule("lunar-monthly", days=(29, 30)))
    short = occurrences(thirty, D(2026, 3, 1), D(2026, 4, 30))  # month 2 of 2026: 29 days
    assert [o.first for o in short].count(D(2026, 4, 16)) == 1
    assert from_lunar(2026, 2, 29) == D(2026, 4, 16)


def test_weekly_and_monthly() -> None:
    saturday = event(Rule("weekly", days=(5,), until=D(2026, 12, 12)))
    assert days(saturday, D(2026, 11, 30), D(2026, 12, 31)) == [D(2026, 12, 5), D(2026, 12, 12)]
    monthly = event(Rule("monthly", days=(31,), since=D(2027, 1, 1)))
    found = occurrences(monthly, D(2026, 12, 1), D(2027, 4, 30))
    assert [o.first for o in found] == [
        D(2027, 1, 31),
        D(2027, 2, 28),
        D(2027, 3, 31),
        D(2027, 4, 30),
    ]
    assert [shifted(o) for o in found] == [False, True, False, True]


def test_once_and_an_occurrence_still_going_on() -> None:
    fair = event(Rule("once", date=D(2026, 11, 28), last=D(2026, 12, 1)), duration=4)
    found = occurrences(fair, D(2026, 11, 30), D(2026, 12, 31))
    assert [(o.first, o.last) for o in found] == [(D(2026, 11, 28), D(2026, 12, 1))]
    assert occurrences(fair, D(2026, 12, 2), D(2026, 12, 31)) == []
    festival = event(Rule("lunar-yearly", lunar_month=1, days=(1,)), duration=3)
    going_on = occurrences(festival, D(2027, 2, 8), D(2027, 2, 28))
    assert [(o.first, o.last) for o in going_on] == [(D(2027, 2, 6), D(2027, 2, 8))]


def test_beyond_the_computed_years() -> None:
    tet = event(Rule("lunar-yearly", lunar_month=1, days=(1,)))
    assert days(tet, D(2098, 1, 1), D(2110, 12, 31)) == [D(2098, 2, 1), D(2099, 1, 21)]


def test_horizon() -> None:
    assert horizon(D(2026, 11, 30), 12) == D(2027, 11, 29)
    assert horizon(D(2027, 1, 31), 1) == D(2027, 2, 27)


def test_agenda_windows_and_order() -> None:
    today = D(2026, 11, 30)
    tet = event(Rule("lunar-yearly", lunar_month=1, days=(1,)), title="tet")
    market = event(Rule("lunar-monthly", days=(1,)), title="cho")
    meeting = event(Rule("once", date=D(2026, 12, 3)), title="hop")
    found = agenda([tet, market, meeting], today, 12, 8)
    assert [(o.first, o.event.title) for o in found] == [
        (D(2026, 12, 3), "hop"),
        (D(2026, 12, 9), "cho"),  # 1/11 Bính Ngọ
        (D(2027, 1, 8), "cho"),  # 1/12; the next (6/2/2027) is beyond 8 weeks
        (D(2027, 2, 6), "tet"),
    ]
