"""The hamlet loudspeaker's broadcast schedule (``thong-bao/loa.yml``), issue 15.

The loudspeaker (loa truyền thanh) reads the news at fixed hours; the schedule is optional::

    lich_phat:
      - gio: "05:30"
        ngay: hằng ngày           # or "thứ hai, thứ tư, thứ sáu", "thứ hai - thứ sáu", "T7, CN"
        noi_dung: Tin của xã, thông báo của thôn
      - gio: "17:00"              # ngay left out: every day
    ghi_chu: Khi có bão lũ, loa phát thêm ngoài giờ.

What was read out is kept as notices of kind ``loa`` (:mod:`langso.notices.loading`). Times are
read by :func:`langso.dates.parse_time`, weekdays by :func:`langso.dates.find_weekday`; mistakes
are located ``field.invalid`` problems (:func:`langso.schema.validate`). Plain Python: no MkDocs
import.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BeforeValidator, Field

from langso.dates import WEEKDAYS, find_weekday, format_time, parse_time
from langso.problems import Problem
from langso.schema import Model, Text, invalid, read_yaml, validatable, validate
from langso.text import fold

__all__ = [
    "EVERY_DAY",
    "MAX_BROADCASTS",
    "Broadcast",
    "BroadcastEntry",
    "Schedule",
    "ScheduleFile",
    "load_schedule",
    "parse_days",
]

EVERY_DAY: tuple[int, ...] = (0, 1, 2, 3, 4, 5, 6)
"""All weekdays (0 = Monday … 6 = Sunday, as :meth:`datetime.date.weekday`)."""

MAX_BROADCASTS = 48
"""Most broadcasts a schedule may list: far above any hamlet's (two or three a day)."""

_EVERY_DAY_WORDS = frozenset(
    {"hang ngay", "moi ngay", "ca tuan", "tat ca cac ngay", "hang ngay trong tuan", "ngay nao cung"}
)
_PARTS = re.compile(r"\s*(?:,|;|\bva\b|&)\s*")
_RANGE = re.compile(r"\s*(?:-|–|—|\bden\b|\btoi\b)\s*")


def _days_error(value: str) -> Exception:
    return invalid(
        f"`{value}` không phải những ngày trong tuần đọc được",
        f"`{value}` is not a set of weekdays we can read",
        "viết `hằng ngày`, hoặc các thứ cách nhau bằng dấu phẩy (`thứ hai, thứ tư, thứ sáu`), "
        "hoặc một khoảng (`thứ hai - thứ sáu`); chủ nhật viết `chủ nhật` hoặc `CN`",
        "write `hằng ngày` (every day), or weekdays separated by commas (`thứ hai, thứ tư, thứ "
        "sáu`), or a range (`thứ hai - thứ sáu`); Sunday is `chủ nhật` or `CN`",
    )


def parse_days(value: str) -> tuple[int, ...]:
    """The weekdays (0 = Monday … 6 = Sunday, sorted, no repeats) meant by ``value``:
    ``hằng ngày``, ``thứ hai, thứ tư, thứ sáu``, ``thứ hai - thứ sáu``, ``T2 đến T6``, ``T7 và CN``.

    A range wraps around the week (``thứ bảy - thứ hai`` is Saturday, Sunday, Monday).

    Raises:
        PydanticCustomError: for text naming no weekday, or holding a word that is not one.
    """
    folded = " ".join(fold(value).split())
    if folded in _EVERY_DAY_WORDS:
        return EVERY_DAY
    days: set[int] = set()
    for part in _PARTS.split(folded):
        if not part:
            continue
        ends = _RANGE.split(part)
        if len(ends) == 1:
            day = find_weekday(part)
            if day is None:
                raise _days_error(value)
            days.add(day)
        elif len(ends) == 2:
            first, last = find_weekday(ends[0]), find_weekday(ends[1])
            if first is None or last is None:
                raise _days_error(value)
            span = (last - first) % 7
            days.update((first + step) % 7 for step in range(span + 1))
        else:
            raise _days_error(value)
    if not days:
        raise _days_error(value)
    return tuple(sorted(days))


def _days(value: object) -> object:
    """Check the typed days (a list of weekdays is joined with commas); kept as text."""
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        value = ", ".join(value)
    if isinstance(value, str):
        parse_days(value)
        return " ".join(value.split())
    return value


def _time(value: object) -> object:
    if isinstance(value, str):
        return parse_time(value)
    return value


class BroadcastEntry(Model):
    """One broadcast of ``lich_phat``: when the loudspeaker reads, and what."""

    gio: Annotated[dt.time, BeforeValidator(_time)] = Field(
        description="Giờ phát, theo 24 giờ (`05:30`, `17h`). / Time of day, 24-hour clock."
    )
    ngay: Annotated[Text, BeforeValidator(_days)] = Field(
        "hằng ngày",
        description="Những ngày phát: `hằng ngày` (mặc định), `thứ hai, thứ tư`, "
        "`thứ hai - thứ sáu`. / Which days; every day when left out.",
    )
    noi_dung: Annotated[Text, Field(max_length=300)] | None = Field(
        None, description="Phát những gì (ngắn gọn). / What is read out, briefly."
    )


def _broadcasts(value: object) -> object:
    if isinstance(value, list) and len(value) > MAX_BROADCASTS:
        raise invalid(
            f"lịch có {len(value)} buổi phát, nhiều hơn {MAX_BROADCASTS}",
            f"the schedule lists {len(value)} broadcasts, more than {MAX_BROADCASTS}",
            "mỗi giờ phát chỉ ghi một mục; dùng `ngay` để gộp các ngày cùng giờ",
            "give each time of day once; use `ngay` to group the days at that time",
        )
    return value


class ScheduleFile(Model):
    """The loudspeaker's schedule file, ``thong-bao/loa.yml``."""

    # The count is checked before pydantic walks the items: a hostile list stops at once.
    lich_phat: Annotated[
        tuple[BroadcastEntry, ...], BeforeValidator(_broadcasts), Field(min_length=1)
    ] = Field(description="Các buổi phát, mỗi buổi một mục. / The broadcasts, one item each.")
    ghi_chu: Annotated[Text, Field(max_length=500)] | None = Field(
        None, description="Ghi chú chung (phát thêm khi bão lũ…). / A general note."
    )


@dataclass(frozen=True)
class Broadcast:
    """One broadcast of the loudspeaker.

    Attributes:
        time: when it starts (Viet Nam time).
        days: the weekdays it is read (0 = Monday … 6 = Sunday), sorted.
        content: what is read out, plain text (escaped where rendered), or ``None``.
    """

    time: dt.time
    days: tuple[int, ...] = EVERY_DAY
    content: str | None = None

    @property
    def time_text(self) -> str:
        """``05:30``."""
        return format_time(self.time)

    @property
    def days_text(self) -> str:
        """The days as readers see them: ``Hằng ngày``, ``Thứ Hai đến Thứ Sáu``,
        ``Thứ Hai, Thứ Tư, Thứ Sáu``."""
        if self.days == EVERY_DAY:
            return "Hằng ngày"
        run = tuple(range(self.days[0], self.days[-1] + 1))
        if len(self.days) >= 3 and self.days == run:
            return f"{WEEKDAYS[self.days[0]]} đến {WEEKDAYS[self.days[-1]]}"
        return ", ".join(WEEKDAYS[day] for day in self.days)

    def on(self, day: dt.date) -> bool:
        """Whether it is read on ``day``."""
        return day.weekday() in self.days


@dataclass(frozen=True)
class Schedule:
    """The loudspeaker's schedule.

    Attributes:
        broadcasts: in order of time of day, then of first weekday.
        note: the general note (``ghi_chu``), plain text, or ``None``.
        source: the file's path from the repository root (``content/thong-bao/loa.yml``).
    """

    broadcasts: tuple[Broadcast, ...]
    note: str | None = None
    source: str = ""

    def on(self, day: dt.date) -> list[Broadcast]:
        """The broadcasts read on ``day``, in order of time."""
        return [broadcast for broadcast in self.broadcasts if broadcast.on(day)]


def load_schedule(path: Path, rel: str) -> tuple[Schedule | None, list[Problem]]:
    """Read the schedule file ``path`` (reported as ``rel``, repository-relative).

    Returns:
        ``(schedule, [])``; ``(None, [])`` when there is no such file (the schedule is
        optional); ``(None, problems)`` when it cannot be read or is not valid, each problem
        located (file, line, field) with its fix, Vietnamese first.
    """
    if not path.is_file():
        return None, []
    node, problems = read_yaml(path, rel)
    if node is None or not validatable(node, problems):
        return None, problems
    model, invalid_problems = validate(ScheduleFile, node, rel)
    problems += invalid_problems
    if model is None:
        return None, problems
    broadcasts = sorted(
        (
            Broadcast(entry.gio, parse_days(entry.ngay), _plain(entry.noi_dung))
            for entry in model.lich_phat
        ),
        key=lambda b: (b.time, b.days),
    )
    return Schedule(tuple(broadcasts), _plain(model.ghi_chu), rel), problems


def _plain(text: str | None) -> str | None:
    """``text`` on one line (runs of spaces and line breaks made one space), or ``None``."""
    return " ".join(text.split()) or None if text else None
