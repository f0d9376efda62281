"""The Vietnamese lunar calendar (âm lịch), computed for Viet Nam's time zone (UTC+7).

Festivals, death anniversaries and market days are counted in lunar days. The Vietnamese calendar
uses the same rules as the Chinese one, but for the meridian of UTC+7 rather than UTC+8, so a new
moon close to midnight can start a month one day earlier, and in some years a whole month or
the leap month falls differently: Tết 1985 was on 21/01/1985 in Viet Nam and on 20/02/1985 in
China; Tết 2007 on 17/02/2007 in Viet Nam and on 18/02/2007 in China (Hồ Ngọc Đức, "Âm lịch Việt
Nam" and "Thuật toán tính âm lịch", https://www.informatik.uni-leipzig.de/~duc/amlich/ and
https://www.informatik.uni-leipzig.de/~duc/amlich/calrules.html).

The computation is the PyPI library ``lunar-vn`` (a typed, dependency-free port of Hồ Ngọc Đức's
algorithm, run with ``time_zone=7``); this module is the only one that imports it. It adds what
the library leaves out: a day that does not exist is ``None`` (``lunar_vn.lunar_to_solar`` rolls
day 30 of a 29-day month into the next month and ignores a leap flag in a year without a leap
month; every conversion here is checked by converting back), the length of a month, the leap
month of a year, and the names readers see (``mùng 10 tháng Ba năm Đinh Mùi``).

Computed for the solar years :data:`FIRST_YEAR` to :data:`LAST_YEAR` (the library's range).
Plain Python: no MkDocs import.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from lunar_vn import LunarDate, can_chi, lunar_to_solar, solar_to_lunar

from langso.events.model import LunarDay

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "MONTH_NAMES",
    "format_lunar",
    "format_lunar_short",
    "from_lunar",
    "leap_month",
    "month_length",
    "to_lunar",
    "year_name",
]

FIRST_YEAR = 1901
"""The first solar year computed."""
LAST_YEAR = 2099
"""The last solar year computed."""

MONTH_NAMES = (
    "Giêng", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Mười Một", "Chạp",
)  # fmt: skip
"""The lunar months as they are called (``tháng Giêng`` … ``tháng Chạp``), month 1 first."""

_TIME_ZONE = 7.0  # Viet Nam, UTC+7


@lru_cache(maxsize=8192)
def to_lunar(day: dt.date) -> LunarDay:
    """The lunar date of the solar ``day``.

    Raises:
        ValueError: for a day outside the years :data:`FIRST_YEAR` … :data:`LAST_YEAR`.
    """
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(f"{day} is outside {FIRST_YEAR}..{LAST_YEAR}")
    found = solar_to_lunar(day, time_zone=_TIME_ZONE)
    return LunarDay(day=found.day, month=found.month, year=found.year, leap=found.leap)


@lru_cache(maxsize=4096)
def from_lunar(year: int, month: int, day: int, leap: bool = False) -> dt.date | None:
    """The solar day of lunar ``day``/``month`` (``leap``: of the leap month) of lunar
    ``year``, or ``None`` when that day does not exist: day 30 of a 29-day month (tháng
    thiếu), a leap month the year does not have, a day outside 1..30 or a month outside 1..12,
    or a year outside :data:`FIRST_YEAR` … :data:`LAST_YEAR`.
    """
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12 and 1 <= day <= 30):
        return None
    try:
        found = lunar_to_solar(LunarDate(day, month, year, leap), time_zone=_TIME_ZONE)
        back = to_lunar(found)
    except ValueError:  # a leap flag for a month that is not the year's leap month, or range
        return None
    if back != LunarDay(day=day, month=month, year=year, leap=leap):
        return None  # the library rolled a missing day 30 (or a missing leap month) over
    return found


def month_length(year: int, month: int, leap: bool = False) -> int:
    """How many days lunar ``month`` (``leap``: the leap month) of ``year`` has: 29 or 30.

    Raises:
        ValueError: when that month does not exist (a leap month the year does not have).
    """
    if from_lunar(year, month, 1, leap) is None:
        raise ValueError(f"lunar month {month}{' leap' if leap else ''} of {year} does not exist")
    return 30 if from_lunar(year, month, 30, leap) is not None else 29


@lru_cache(maxsize=256)
def leap_month(year: int) -> int | None:
    """The month of lunar ``year`` that is followed by a leap month (``tháng 2 nhuận`` in
    2023: 2), or ``None`` in a year of twelve months."""
    for month in range(1, 13):
        if from_lunar(year, month, 1, True) is not None:
            return month
    return None


def year_name(year: int) -> str:
    """The name of lunar ``year`` in the sexagenary cycle (can chi): ``Đinh Mùi`` for 2027."""
    return can_chi.get_year_can_chi(year)


def _day_name(day: int) -> str:
    return f"mùng {day}" if day <= 10 else f"ngày {day}"


def format_lunar(lunar: LunarDay) -> str:
    """``mùng 10 tháng Ba năm Đinh Mùi``; ``ngày 15 tháng Giêng …`` from the 11th on; a leap
    month says so: ``mùng 1 tháng Hai nhuận năm Quý Mão``."""
    leap = " nhuận" if lunar.leap else ""
    month = MONTH_NAMES[lunar.month - 1]
    return f"{_day_name(lunar.day)} tháng {month}{leap} năm {year_name(lunar.year)}"


def format_lunar_short(lunar: LunarDay) -> str:
    """``10/3 âm lịch``; ``1/2 nhuận âm lịch`` in a leap month."""
    leap = " nhuận" if lunar.leap else ""
    return f"{lunar.day}/{lunar.month}{leap} âm lịch"
