"""The Vietnamese lunar calendar (langso.lunar) against published Vietnamese dates.

Sources:
- Hồ Ngọc Đức, "Âm lịch Việt Nam" and "Thuật toán tính âm lịch"
  (https://www.informatik.uni-leipzig.de/~duc/amlich/,
  https://www.informatik.uni-leipzig.de/~duc/amlich/calrules.html): the calendar computed for
  UTC+7, which puts Tết 1985 on 21/01/1985 and Tết 2007 on 17/02/2007, where the Chinese
  calendar (UTC+8) has 20/02/1985 and 18/02/2007; Tết Mậu Thân 1968 on 29/01/1968.
- The Tết holidays announced for civil servants: for 2026, from Saturday 14/02/2026 (27 tháng
  Chạp Ất Tỵ) to Sunday 22/02/2026 (mùng 6 tháng Giêng Bính Ngọ), Báo Công an TP.HCM,
  http://www.congan.com.vn/?catid=702&id=388656&mod=detnews, so Tết Bính Ngọ is 17/02/2026.
- For 2025: Văn phòng Chính phủ, văn bản số 8726/VPCP-KGVX ngày 26/11/2024 (the Prime
  Minister's decision on the 2025 holidays): 25/01/2025 to 02/02/2025, "26 tháng Chạp đến hết
  mùng 5 tháng Giêng", so Tết Ất Tỵ is 29/01/2025.
- Not yet published officially, so kept as regression values of the same algorithm (Hồ Ngọc
  Đức's yearly tables on the site above): Tết Đinh Mùi 06/02/2027; the leap month 2 of Quý Mão
  2023 from 22/03/2023 and the leap month 6 of Ất Tỵ 2025 from 25/07/2025.
"""

from __future__ import annotations

import datetime as dt

import lunar_vn
import pytest

from langso.events.model import LunarDay
from langso.lunar import (
    FIRST_YEAR,
    LAST_YEAR,
    MONTH_NAMES,
    format_lunar,
    format_lunar_short,
    from_lunar,
    leap_month,
    month_length,
    to_lunar,
    year_name,
)

TET = {
    1968: dt.date(1968, 1, 29),
    1985: dt.date(1985, 1, 21),
    2007: dt.date(2007, 2, 17),
    2025: dt.date(2025, 1, 29),
    2026: dt.date(2026, 2, 17),
    2027: dt.date(2027, 2, 6),
}
CHINESE_TET = {1985: dt.date(1985, 2, 20), 2007: dt.date(2007, 2, 18)}


@pytest.mark.parametrize(("year", "day"), sorted(TET.items()))
def test_tet_as_published_in_viet_nam(year: int, day: dt.date) -> None:
    assert from_lunar(year, 1, 1) == day
    assert to_lunar(day) == LunarDay(1, 1, year)
    assert to_lunar(day - dt.timedelta(days=1)).month == 12  # the eve is in tháng Chạp


@pytest.mark.parametrize(("year", "chinese"), sorted(CHINESE_TET.items()))
def test_not_the_chinese_calendar(year: int, chinese: dt.date) -> None:
    assert from_lunar(year, 1, 1) != chinese
    assert to_lunar(chinese) != LunarDay(1, 1, year)
    assert to_lunar(chinese) == {1985: LunarDay(1, 2, 1985), 2007: LunarDay(2, 1, 2007)}[year]


def test_the_2026_holiday_announcement() -> None:
    assert to_lunar(dt.date(2026, 2, 14)) == LunarDay(27, 12, 2025)
    assert to_lunar(dt.date(2026, 2, 22)) == LunarDay(6, 1, 2026)
    assert year_name(2025) == "Ất Tỵ" and year_name(2026) == "Bính Ngọ"


def test_the_2025_holiday_decision() -> None:
    assert to_lunar(dt.date(2025, 1, 25)) == LunarDay(26, 12, 2024)
    assert to_lunar(dt.date(2025, 2, 2)) == LunarDay(5, 1, 2025)


def test_leap_months() -> None:
    assert to_lunar(dt.date(2023, 3, 22)) == LunarDay(1, 2, 2023, leap=True)
    assert to_lunar(dt.date(2023, 2, 20)) == LunarDay(1, 2, 2023)  # the regular month 2
    assert from_lunar(2023, 2, 1, leap=True) == dt.date(2023, 3, 22)
    assert to_lunar(dt.date(2025, 7, 25)) == LunarDay(1, 6, 2025, leap=True)
    assert from_lunar(2025, 6, 1, leap=True) == dt.date(2025, 7, 25)
    assert leap_month(2023) == 2
    assert leap_month(2025) == 6
    assert leap_month(2026) is None
    assert leap_month(2027) is None


def test_a_leap_month_the_year_does_not_have_is_none() -> None:
    assert from_lunar(2026, 3, 10, leap=True) is None
    assert from_lunar(2025, 5, 1, leap=True) is None  # 2025 has a leap month, but it is 6


def test_day_30_of_a_29_day_month_does_not_exist() -> None:
    assert month_length(2026, 2) == 29
    # The library alone rolls it over into the next month; we say it does not exist.
    rolled = lunar_vn.lunar_to_solar(lunar_vn.LunarDate(30, 2, 2026))
    assert to_lunar(rolled) == LunarDay(1, 3, 2026)
    assert from_lunar(2026, 2, 30) is None
    assert month_length(2026, 1) == 30
    assert from_lunar(2026, 1, 30) + dt.timedelta(days=1) == from_lunar(2026, 2, 1)  # type: ignore[operator]


def test_month_lengths_add_up_to_the_year() -> None:
    for year in (2023, 2025, 2026, 2027):
        days = sum(month_length(year, month) for month in range(1, 13))
        leap = leap_month(year)
        if leap:
            days += month_length(year, leap, leap=True)
        span = from_lunar(year + 1, 1, 1) - from_lunar(year, 1, 1)  # type: ignore[operator]
        assert days == span.days
    with pytest.raises(ValueError):
        month_length(2026, 3, leap=True)


@pytest.mark.parametrize(
    ("year", "month", "day"), [(2026, 0, 1), (2026, 13, 1), (2026, 1, 0), (2026, 1, 31)]
)
def test_impossible_days_are_none(year: int, month: int, day: int) -> None:
    assert from_lunar(year, month, day) is None


def test_range() -> None:
    assert from_lunar(FIRST_YEAR - 1, 1, 1) is None
    assert from_lunar(LAST_YEAR + 1, 1, 1) is None
    with pytest.raises(ValueError):
        to_lunar(dt.date(2100, 6, 1))
    with pytest.raises(ValueError):
        to_lunar(dt.date(1899, 6, 1))


def test_names() -> None:
    assert year_name(2027) == "Đinh Mùi"
    assert year_name(1968) == "Mậu Thân"
    assert year_name(2023) == "Quý Mão"
    assert MONTH_NAMES[0] == "Giêng" and MONTH_NAMES[11] == "Chạp"
    assert format_lunar(LunarDay(10, 3, 2027)) == "mùng 10 tháng Ba năm Đinh Mùi"
    assert format_lunar(LunarDay(15, 1, 2026)) == "ngày 15 tháng Giêng năm Bính Ngọ"
    assert format_lunar(LunarDay(1, 2, 2023, leap=True)) == "mùng 1 tháng Hai nhuận năm Quý Mão"
    assert format_lunar(LunarDay(23, 12, 2026)) == "ngày 23 tháng Chạp năm Bính Ngọ"
    assert format_lunar_short(LunarDay(10, 3, 2027)) == "10/3 âm lịch"
    assert format_lunar_short(LunarDay(1, 2, 2023, leap=True)) == "1/2 nhuận âm lịch"
