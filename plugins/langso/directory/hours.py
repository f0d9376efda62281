"""Opening hours: per-weekday ranges with breaks, closed days, a summer schedule, as typed.

YAML::

    gio_mo_cua:               # the usual (winter) schedule
      - ngay: 'T2-T6'
        gio: '7:00-11:30, 13:30-17:00'
      - ngay: 'CN'
        gio: 'nghỉ'
    mua_he:                   # optional: provinces set summer office hours
      tu: '15/4'
      den: '14/10'
      gio_mo_cua:
        - ngay: 'T2-T6'
          gio: '7:00-11:30, 14:00-17:30'
    ghi_chu_gio: 'Nghỉ các ngày lễ, Tết.'

Or ``mo_cua: '6:45'`` with ``dong_cua: '21:00'`` for the same hours every day. Days not listed are
closed. Times accept ``7:30``, ``07:30``, ``7h30``, ``7h`` and ``24:00``; every value is shown
exactly as typed (C-06) and parsed only to check it and to compute the "open now" badge. A
place open past midnight writes ``'16:00-01:00'`` (see :func:`closing`).
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, model_validator

from langso.schema import Model, invalid
from langso.text import fold

__all__ = [
    "WEEKDAY_NAMES",
    "DayMonth",
    "Days",
    "Hours",
    "OpeningRow",
    "Season",
    "Time",
    "TimeOfDay",
    "TimeRange",
    "closing",
    "parse_time",
    "schedule_json",
    "shown_hours",
]


_TIME = re.compile(r"^(\d{1,2})\s*(?:[:hg.]\s*(\d{2})?)?$")
_RANGE_SEP = re.compile(r"\s*[-–—]\s*|\s+den\s+")
_CLOSED = {"nghi", "dong cua", "khong mo cua", "nghi ca ngay"}
_EVERY_DAY = {"hang ngay", "moi ngay", "ca tuan", "tat ca cac ngay", "ngay nao cung mo"}
_DAY_WORDS = {"hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7}
WEEKDAY_NAMES = ("", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
"""Names by ISO weekday number (1 = Monday … 7 = Sunday)."""


def _time_error(text: str) -> Exception:
    return invalid(
        f"giờ `{text}` không đúng dạng",
        f"`{text}` is not a time of day",
        "viết giờ:phút, ví dụ '6:45' hoặc '21:00', trong dấu nháy",
        "write hours:minutes, e.g. '6:45' or '21:00', in quotes",
    )


def parse_time(text: str) -> int:
    """Return minutes after midnight for ``7:30``, ``07:30``, ``7h30``, ``7h`` or ``24:00``.

    Raises:
        PydanticCustomError: for anything else, or an hour above 24 / minutes above 59.
    """
    match = _TIME.match(text.strip())
    if not match:
        raise _time_error(text)
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    if hours > 24 or minutes > 59 or (hours == 24 and minutes):
        raise _time_error(text)
    return hours * 60 + minutes


class TimeOfDay(Model):
    """A time as typed (``text``) and in minutes after midnight (``minutes``)."""

    text: str
    minutes: int


def _time_of_day(value: object) -> object:
    if isinstance(value, str):
        return TimeOfDay(text=value.strip(), minutes=parse_time(value))
    return value


class TimeRange(Model):
    """Open from ``opens`` to ``closes``, in minutes after midnight of the day it opens:
    ``closes`` is above 1440 when the place closes after midnight (``16:00-01:00`` is
    ``opens=960, closes=1500``)."""

    opens: int
    closes: int

    @property
    def overnight(self) -> bool:
        """True when it closes after midnight, on the next day."""
        return self.closes > DAY_MINUTES


DAY_MINUTES = 24 * 60
NOON = 12 * 60


def closing(opens: int, closes: int, typed: str, field: str | None = None) -> int:
    """The closing time of a range, in minutes after midnight of the opening day.

    A closing time not after the opening time means the place closes after midnight, as night
    markets, eateries and guards' posts do (``16:00-01:00``, ``18:00-6:00``, ``16:00-0:00``),
    when it opens in the afternoon or evening (12:00 or later) and closes by noon. Any other
    (``7:00-5:00``) is the 12-hour clock typed by mistake (5:00 for 17:00) and is refused.

    Args:
        opens, closes: minutes after midnight, as typed.
        typed: the range as typed, for the message.
        field: where a model validator reports the error (``dong_cua``).

    Raises:
        PydanticCustomError: for a closing time that is neither after the opening time nor an
            overnight closing.
    """
    if closes > opens:
        return closes
    if opens >= NOON and closes <= NOON:
        return closes + DAY_MINUTES
    later = closes + NOON
    example_vi = f"'{later // 60}:{later % 60:02d}'" if opens < later < DAY_MINUTES else "'21:00'"
    raise invalid(
        f"trong `{typed}` giờ đóng cửa không sau giờ mở cửa",
        f"in `{typed}` the closing time is not after the opening time",
        f"dùng giờ 24, ví dụ {example_vi} chứ không phải '{closes // 60}:{closes % 60:02d}'; "
        "nơi mở qua nửa đêm thì mở từ 12:00 trở đi, ví dụ '16:00-01:00'",
        f"use the 24-hour clock, e.g. {example_vi} not '{closes // 60}:{closes % 60:02d}'; a "
        "place open past midnight opens at 12:00 or later, e.g. '16:00-01:00'",
        field=field,
    )


class Hours(Model):
    """The ``gio`` of a row as typed, and its ranges (none when closed)."""

    text: str
    ranges: tuple[TimeRange, ...]

    @property
    def closed(self) -> bool:
        """True for a closed day (``nghỉ``)."""
        return not self.ranges

    @property
    def shown(self) -> str:
        """The hours as typed, with ``(qua nửa đêm)`` when a range ends after midnight."""
        return shown_hours(self.text, any(r.overnight for r in self.ranges))


def shown_hours(text: str, overnight: bool) -> str:
    """``text`` as typed, followed by ``(qua nửa đêm)`` ("past midnight") when ``overnight``:
    ``16:00-01:00`` alone could be misread as a typing slip."""
    return f"{text} (qua nửa đêm)" if overnight else text


def _hours(value: object) -> object:
    if not isinstance(value, str):
        return value
    text = value.strip()
    if fold(text) in _CLOSED:
        return Hours(text=text, ranges=())
    ranges = []
    for part in re.split(r"\s*[,;]\s*", text):
        pieces = _RANGE_SEP.split(fold(part))
        if len(pieces) != 2:
            raise invalid(
                f"khoảng giờ `{part}` không đúng dạng",
                f"`{part}` is not a range of hours",
                "viết giờ mở - giờ đóng, ví dụ '7:00-11:30, 13:30-17:00', hoặc 'nghỉ'",
                "write opening - closing, e.g. '7:00-11:30, 13:30-17:00', or 'nghỉ' (closed)",
            )
        opens, closes = parse_time(pieces[0]), parse_time(pieces[1])
        ranges.append(TimeRange(opens=opens, closes=closing(opens, closes, part)))
    return Hours(text=text, ranges=tuple(ranges))


class Days(Model):
    """The ``ngay`` of a row as typed, and the ISO weekdays it covers (1 = Monday … 7 = Sunday)."""

    text: str
    weekdays: tuple[int, ...]


def _day_number(token: str) -> int | None:
    token = token.strip()
    if token in ("cn", "chu nhat"):
        return 7
    match = re.fullmatch(r"(?:t|thu)\s*([2-7])", token)
    if match:
        return int(match.group(1)) - 1
    match = re.fullmatch(r"thu\s+(\w+)", token)
    if match and match.group(1) in _DAY_WORDS:
        return _DAY_WORDS[match.group(1)] - 1
    return None


def _days(value: object) -> object:
    if not isinstance(value, str):
        return value
    text = value.strip()
    folded = fold(text)
    if folded in _EVERY_DAY:
        return Days(text=text, weekdays=tuple(range(1, 8)))
    weekdays: set[int] = set()
    for part in re.split(r"\s*[,;]\s*", text):
        ends = [_day_number(p) for p in _RANGE_SEP.split(fold(part))]
        if len(ends) not in (1, 2) or None in ends:
            raise invalid(
                f"ngày `{text}` không đúng dạng",
                f"`{text}` is not a set of weekdays",
                "viết T2…T7, CN, khoảng 'T2-T6', danh sách 'T2, T4' hoặc 'hằng ngày'",
                "write T2…T7 (Monday…Saturday), CN (Sunday), a range 'T2-T6', a list 'T2, T4' "
                "or 'hằng ngày' (every day)",
            )
        first, last = ends[0], ends[-1]
        assert first is not None and last is not None
        if last < first:
            raise invalid(
                f"khoảng ngày `{part}` bị ngược",
                f"the range of days `{part}` is backwards",
                "viết ngày đầu tuần trước, ví dụ 'T2-T6'",
                "write the earlier day first, e.g. 'T2-T6'",
            )
        weekdays.update(range(first, last + 1))
    return Days(text=text, weekdays=tuple(sorted(weekdays)))


class OpeningRow(Model):
    """One row of ``gio_mo_cua``: which days (``ngay``) and which hours (``gio``)."""

    days: Annotated[Days, BeforeValidator(_days)] = Field(
        alias="ngay", description="Các ngày, ví dụ `T2-T6`. / The days."
    )
    hours: Annotated[Hours, BeforeValidator(_hours)] = Field(
        alias="gio", description="Các giờ, ví dụ `7:00-11:30, 13:30-17:00`. / The hours."
    )


_DAY_MONTH = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{1,2})\s*$")
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


class DayMonth(Model):
    """A day of the year as typed (``15/4``), for seasons that return every year."""

    text: str
    day: int
    month: int


def _day_month(value: object) -> object:
    if not isinstance(value, str):
        return value
    match = _DAY_MONTH.match(value)
    if match:
        day, month = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12 and 1 <= day <= _MONTH_DAYS[month - 1]:
            return DayMonth(text=value.strip(), day=day, month=month)
    raise invalid(
        f"`{value}` không phải ngày/tháng có thật",
        f"`{value}` is not a real day/month",
        "viết ngày/tháng, ví dụ '15/4'",
        "write day/month, e.g. '15/4'",
    )


class Season(Model):
    """A schedule that replaces the usual one every year from ``tu`` to ``den`` (inclusive)."""

    start: Annotated[DayMonth, BeforeValidator(_day_month)] = Field(
        alias="tu", description="Ngày bắt đầu mỗi năm, ví dụ `15/4`. / The first day each year."
    )
    end: Annotated[DayMonth, BeforeValidator(_day_month)] = Field(
        alias="den", description="Ngày kết thúc mỗi năm, ví dụ `14/10`. / The last day each year."
    )
    rows: tuple[OpeningRow, ...] = Field(
        alias="gio_mo_cua",
        description="Các dòng `ngay` + `gio` của mùa này. / "
        "Rows of days and hours for this season.",
    )

    @model_validator(mode="after")
    def _has_rows(self) -> Season:
        if not self.rows:
            raise invalid(
                "lịch mùa hè chưa có dòng giờ nào",
                "the summer schedule has no rows",
                "thêm các dòng `ngay` + `gio` dưới `gio_mo_cua`",
                "add `ngay` + `gio` rows under `gio_mo_cua`",
                field="gio_mo_cua",
            )
        return self


def _week(rows: tuple[OpeningRow, ...]) -> dict[str, list[list[int]]]:
    week: dict[str, list[list[int]]] = {str(day): [] for day in range(1, 8)}
    for row in rows:
        for day in row.days.weekdays:
            week[str(day)] = [[r.opens, r.closes] for r in row.hours.ranges]
    return week


def schedule_json(rows: tuple[OpeningRow, ...], summer: Season | None) -> dict[str, Any]:
    """The schedule the reader's browser uses for the "open now" badge.

    Shape: ``{"week": {"1": [[420, 690], [810, 1020]], …, "7": []}, "summer": {"from": [4, 15],
    "to": [10, 14], "week": {…}} | None}``; days are ISO weekdays, times minutes after midnight
    of that day in Viet Nam time (UTC+7, no daylight saving): a closing above 1440 is after
    midnight, on the next day (``[960, 1500]``: 16:00 to 01:00). A later row overrides an
    earlier one's days.
    """
    return {
        "week": _week(rows),
        "summer": {
            "from": [summer.start.month, summer.start.day],
            "to": [summer.end.month, summer.end.day],
            "week": _week(summer.rows),
        }
        if summer
        else None,
    }


Time = Annotated[TimeOfDay, BeforeValidator(_time_of_day)]
"""A time of day as typed (``6:45``) with its minutes after midnight."""
