"""Days, times and moments as volunteers type them, in Viet Nam time (UTC+7), issue 15.

A hamlet head writes a date the way it is written on paper in Viet Nam: day first
(``28/11/2026``, ``28-11-2026``, ``28.11.2026``), sometimes with words (``ngày 28 tháng 11 năm
2026``, ``Thứ Bảy, 28/11/2026``), and a time before or after it (``07:30``, ``7h30``, ``7h``,
``7 giờ 30``, ``2 giờ chiều``). The ISO form (``2026-11-28``, ``2026-11-28T07:30``) is accepted
too. A weekday typed with the date must be that day's weekday (``Thứ Sáu, 28/11/2026`` is an
error: 28/11/2026 is a Saturday). A day without its year (``15/1``) is an error that gives the
next such day in full (``15/01/2027``, from :func:`langso.clock.today`); a value wrapped in curly
quotes (``“05/12/2026 07:30”``, typed by a phone's smart punctuation) is an error that says so.

Every parser raises :func:`langso.schema.invalid` (a bilingual message with a fix), so pydantic
models using them as ``BeforeValidator`` give located problems through
:func:`langso.schema.validate`. :func:`langso.schema.parse_date` delegates to :func:`parse_day`.

Plain Python: no MkDocs import.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from langso import clock
from langso.clock import VIETNAM_TIME
from langso.schema import invalid
from langso.text import fold, nfc
from langso.yamllookalike import curly_quoted

__all__ = [
    "VIETNAM_TIME",
    "WEEKDAYS",
    "find_weekday",
    "format_day",
    "format_moment",
    "format_time",
    "moment_end",
    "moment_start",
    "parse_day",
    "parse_moment",
    "parse_time",
    "parse_time_range",
]

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
"""Weekday names as readers see them, by :meth:`datetime.date.weekday` (0 = Monday)."""

_WEEKDAY_WORDS = {"hai": 0, "ba": 1, "tu": 2, "nam": 3, "sau": 4, "bay": 5}
# A weekday in folded text: "thu hai", "thu 2", "t2", "chu nhat", "cn" (2 = Monday … 7 = Saturday).
_WEEKDAY = r"(?:chu\s*nhat|cn|(?:thu|t)\s*[2-7]|thu\s+(?:hai|ba|tu|nam|sau|bay))"
_WEEKDAY_ALONE = re.compile(rf"^{_WEEKDAY}$")

# Day patterns, on folded text. Day-first with one separator used twice, ISO, or in words.
_DAY_PATTERNS = (
    re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"),
    re.compile(
        r"(?<!\d)(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})(?!\d)"
    ),
    re.compile(r"(?<!\d)(?P<d>\d{1,2})\s+thang\s+(?P<m>\d{1,2})\s*,?\s*nam\s+(?P<y>\d{4})(?!\d)"),
)
# A time of day: 07:30, 7:30:00, 7h30, 7h, 7g30, 7 gio 30 (phut), then sang/trua/chieu/toi.
_TIME = re.compile(
    r"(?<![\d/.-])(?P<h>\d{1,2})\s*(?:(?::\s*(?P<m1>\d{2})(?::(?P<s>\d{2}))?)"
    r"|(?:(?:gio|h|g)\s*(?:(?P<m2>\d{2})\s*(?:phut|p)?)?))"
    r"(?:\s*\b(?P<part>sang|trua|chieu|toi|dem)\b)?(?![\d:])"
)
# A day and month without the year: 15/1, 15-01, 15.1 (not inside a longer number or date).
_NO_YEAR = re.compile(r"(?<![\d/.-])(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})(?![\d/.-])")
_FILLER = re.compile(r"\b(?:ngay|luc|vao|hom)\b|[,;]")
_RANGE_SEP = re.compile(r"\s*(?:-|–|—|\bden\b|\btoi\b)\s*")


def _day_error(value: object) -> Exception:
    # The wording of langso.schema.parse_date, which delegates here (tests elsewhere read it).
    return invalid(
        f"`{value}` không phải một ngày có thật",
        f"`{value}` is not a real date",
        "viết ngày/tháng/năm, ví dụ '01/05/2026' (hoặc '2026-05-01')",
        "write day/month/year, e.g. '01/05/2026' (or '2026-05-01')",
    )


def _moment_error(value: object) -> Exception:
    return invalid(
        f"`{value}` không phải ngày giờ đọc được",
        f"`{value}` is not a date and time we can read",
        "viết ngày/tháng/năm rồi giờ:phút, ví dụ '28/11/2026 07:30', hoặc chỉ ngày '28/11/2026'",
        "write day/month/year then hours:minutes, e.g. '28/11/2026 07:30', or the day alone "
        "'28/11/2026'",
    )


def _time_error(value: object) -> Exception:
    return invalid(
        f"giờ `{value}` không đúng dạng",
        f"`{value}` is not a time of day",
        "viết giờ:phút theo 24 giờ, ví dụ '07:30' hoặc '17:00', trong dấu nháy",
        "write hours:minutes on the 24-hour clock, e.g. '07:30' or '17:00', in quotes",
    )


def _curly_error(value: str, quotes: tuple[str, str, str]) -> Exception:
    opening, closing, inner = quotes
    return invalid(
        f"`{value}` nằm trong dấu nháy cong {opening}…{closing} (điện thoại hoặc Word đã tự đổi"
        " dấu nháy thẳng thành nháy cong), nên không đọc được thành ngày giờ",
        f"`{value}` is wrapped in curly quotes {opening}…{closing} (the phone or a word processor"
        " turned straight quotes curly), so it cannot be read as a date or time",
        f'gõ lại bằng dấu nháy thẳng `"{inner}"` hoặc bỏ hẳn dấu nháy',
        f'type it again with straight quotes `"{inner}"` or with none',
    )


def _check_curly(value: str) -> None:
    """Raise the error of a value wrapped in curly quotes (see :func:`_curly_error`)."""
    quotes = curly_quoted(nfc(value))
    if quotes is not None:
        raise _curly_error(value, quotes)


def _missing_year(value: str) -> Exception | None:
    """The error of ``value`` typed as a day and month without the year (``15/1``, ``15/1
    07:30``), giving it in full with the year of the next such day from today; ``None`` when
    ``value`` is not that."""
    text = nfc(value).strip()
    found = list(_NO_YEAR.finditer(text))
    if len(found) != 1:
        return None
    match = found[0]
    day, month = int(match.group("d")), int(match.group("m"))
    today = clock.today()
    year = next(
        (y for y in range(today.year, today.year + 9) if _exists(y, month, day, today)), None
    )
    if year is None:
        return None
    full = f"{day:02d}/{month:02d}/{year}"
    example = f"{text[: match.start()]}{full}{text[match.end() :]}"
    try:
        _split(example, _moment_error)
    except ValueError:  # PydanticCustomError: more is wrong than the year
        return None
    return invalid(
        f"`{value}` thiếu năm: viết `{example}`",
        f"`{value}` has no year: write `{example}`",
        "ngày luôn viết đủ ngày/tháng/năm, năm đủ bốn chữ số",
        "always write the day in full: day/month/year, with the four digits of the year",
    )


def _exists(year: int, month: int, day: int, today: dt.date) -> bool:
    """Whether ``day/month/year`` is a real day, not before ``today``."""
    try:
        return dt.date(year, month, day) >= today
    except ValueError:
        return False


def find_weekday(typed: str) -> int | None:
    """The weekday (0 = Monday … 6 = Sunday) a volunteer meant by ``typed``, or ``None``.

    Accepts ``thứ hai``/``Thứ 2``/``T2`` … ``thứ bảy``/``thứ 7``/``T7``, ``chủ nhật``/``CN``,
    accents and case optional.
    """
    folded = fold(typed).strip().rstrip(",").strip()
    if not _WEEKDAY_ALONE.match(folded):
        return None
    if folded.startswith(("chu", "cn")):
        return 6
    digit = re.search(r"[2-7]", folded)
    if digit:
        return int(digit.group()) - 2
    return _WEEKDAY_WORDS[folded.split()[-1]]


def parse_day(value: object) -> object:
    """Parse a day as typed (``28/11/2026``, ``28-11-2026``, ``28.11.2026``, ``2026-11-28``,
    ``ngày 28 tháng 11 năm 2026``, ``Thứ Bảy, 28/11/2026``) into a :class:`datetime.date`.

    A pydantic ``BeforeValidator``: anything but text (a date, a list …) is returned unchanged
    for pydantic to judge; a datetime becomes its date.

    Raises:
        PydanticCustomError: for text that is not a real day (``31/11/2026``), text holding a
            time of day, or a weekday that is not that day's.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if not isinstance(value, str):
        return value
    day, time = _split(value, _day_error)
    if time is not None:
        raise _day_error(value)
    return day


def parse_moment(value: str) -> tuple[dt.date, dt.time | None]:
    """Split text typed as a moment into its day and its time of day (``None`` when only a day
    is typed). Accepts the forms of :func:`parse_day`, with a time (:func:`parse_time` forms)
    before or after the day: ``28/11/2026 07:30``, ``7h30 ngày 28/11/2026``,
    ``2026-11-28T07:30``, ``28/11/2026 lúc 2 giờ chiều``.

    Raises:
        PydanticCustomError: for anything else.
    """
    return _split(value, _moment_error)


def moment_start(value: object) -> object:
    """Parse a moment (:func:`parse_moment`) into an aware :class:`datetime.datetime` in Viet
    Nam time; a day alone means its first moment (00:00). A ``BeforeValidator``: dates and
    datetimes (naive ones are Viet Nam time) are converted too, anything else is returned for
    pydantic to judge.

    Raises:
        PydanticCustomError: for text that is not a moment.
    """
    return _moment(value, dt.time(0, 0))


def moment_end(value: object) -> object:
    """Like :func:`moment_start`, but a day alone means its last second (23:59:59): a notice
    "valid until 12/12/2026" is still valid that evening."""
    return _moment(value, dt.time(23, 59, 59))


def _moment(value: object, default: dt.time) -> object:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return value.replace(tzinfo=VIETNAM_TIME)
        return value.astimezone(VIETNAM_TIME)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, default, VIETNAM_TIME)
    if not isinstance(value, str):
        return value
    day, time = parse_moment(value)
    return dt.datetime.combine(day, time or default, VIETNAM_TIME)


def parse_time(value: str) -> dt.time:
    """Parse a time of day: ``07:30``, ``7:30``, ``7h30``, ``7h``, ``7g30``, ``7 giờ 30``,
    ``2 giờ chiều`` (14:00), ``8 giờ tối`` (20:00); 24-hour clock, 00:00 to 23:59.

    Raises:
        PydanticCustomError: for anything else.
    """
    _check_curly(value)
    folded = fold(nfc(value)).strip()
    match = _TIME.fullmatch(folded)
    if not match:
        raise _time_error(value)
    return _time_of(match, value)


def parse_time_range(value: str) -> tuple[dt.time, dt.time | None]:
    """Parse ``gio`` of an event: one time (``07:30``) or a range (``07:30-11:00``, ``7h30 đến
    11h``): ``(start, end)``, ``end`` ``None`` for a single time.

    Raises:
        PydanticCustomError: for text that is neither, or an end not after the start.
    """
    _check_curly(value)
    text = nfc(value).strip()
    folded = _fold_aligned(text)
    if len(folded) != len(text):  # a letter that folds to two (never in Vietnamese)
        text = folded = fold(text)
    # Split where the folded text has `-`/`đến`, keeping what was typed (an error shows it).
    cuts = [0, *(i for m in _RANGE_SEP.finditer(folded) for i in m.span()), len(text)]
    parts = [text[a:b].strip() for a, b in zip(cuts[::2], cuts[1::2], strict=True)]
    parts = [part for part in parts if part]
    if len(parts) == 1:
        return parse_time(parts[0]), None
    if len(parts) != 2:
        raise invalid(
            f"khoảng giờ `{value}` không đúng dạng",
            f"`{value}` is not a range of hours",
            "viết giờ bắt đầu - giờ kết thúc, ví dụ '07:30-11:00', hoặc một giờ '07:30'",
            "write start - end, e.g. '07:30-11:00', or one time '07:30'",
        )
    start, end = parse_time(parts[0]), parse_time(parts[1])
    if end <= start:
        raise invalid(
            f"trong `{value}` giờ kết thúc không sau giờ bắt đầu",
            f"in `{value}` the end is not after the start",
            "dùng giờ 24, ví dụ '13:30-17:00' chứ không phải '1:30-5:00'",
            "use the 24-hour clock, e.g. '13:30-17:00' not '1:30-5:00'",
        )
    return start, end


def _time_of(match: re.Match[str], typed: object) -> dt.time:
    hours = int(match.group("h"))
    minutes = int(match.group("m1") or match.group("m2") or 0)
    seconds = int(match.group("s") or 0)
    part = match.group("part")
    if part in ("chieu", "toi") and 1 <= hours <= 11:
        hours += 12
    elif part == "dem" and hours == 12:
        hours = 0
    elif part == "trua" and 1 <= hours <= 2:
        hours += 12
    elif part == "sang" and hours > 12:
        raise _time_error(typed)
    if hours > 23 or minutes > 59 or seconds > 59:
        raise _time_error(typed)
    return dt.time(hours, minutes, seconds)


def _split(value: str, make_error: Callable[[object], Exception]) -> tuple[dt.date, dt.time | None]:
    """The day and the time of day (or ``None``) of ``value``; ``make_error(value)`` is raised
    for text that is neither."""
    _check_curly(value)
    text = nfc(value).strip()
    folded = _fold_aligned(text)
    if len(folded) != len(text):  # a letter that folds to two (never in Vietnamese)
        text = folded = fold(text)
    folded = re.sub(r"(\d{4}-\d{1,2}-\d{1,2})t(?=\d)", r"\1 ", folded)  # ISO 2026-11-28T07:30
    found = [m for pattern in _DAY_PATTERNS for m in pattern.finditer(folded)]
    if not found:
        raise _missing_year(value) or make_error(value)
    if len(found) != 1:
        raise make_error(value)
    match = found[0]
    try:
        day = dt.date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    except ValueError:
        raise _day_error(text[match.start() : match.end()]) from None
    # `rest` keeps the places of `text`: an error shows what was typed, with its accents.
    rest = _blank(folded, match.span())
    weekday: int | None = None
    weekday_match = re.search(rf"(?<!\w){_WEEKDAY}(?!\w)", rest)
    if weekday_match:
        weekday = find_weekday(weekday_match.group())
        rest = _blank(rest, weekday_match.span())
    time: dt.time | None = None
    time_match = _TIME.search(rest)
    if time_match:
        time = _time_of(time_match, text[time_match.start() : time_match.end()].strip())
        rest = _blank(rest, time_match.span())
    if _FILLER.sub(" ", rest).strip():
        raise make_error(value)
    if weekday is not None and weekday != day.weekday():
        shown = day.strftime("%d/%m/%Y")
        raise invalid(
            f"`{value}`: ngày {shown} là {WEEKDAYS[day.weekday()]}, không phải {WEEKDAYS[weekday]}",
            f"`{value}`: {shown} is a {_ENGLISH_DAYS[day.weekday()]}, not a "
            f"{_ENGLISH_DAYS[weekday]}",
            "sửa thứ hoặc ngày cho khớp với lịch, hoặc bỏ thứ đi",
            "correct the weekday or the date to match the calendar, or leave the weekday out",
        )
    return day, time


def _fold_aligned(text: str) -> str:
    """``text`` folded (:func:`langso.text.fold`) letter by letter, its spaces kept: the same
    length as ``text`` (for Vietnamese), so a match's place in it is its place in ``text``."""
    return "".join(c if c.isspace() else (fold(c) or c) for c in text)


def _blank(text: str, span: tuple[int, int]) -> str:
    """``text`` with ``span`` made spaces (its length and the places after it kept)."""
    start, end = span
    return f"{text[:start]}{' ' * (end - start)}{text[end:]}"


_ENGLISH_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def format_day(day: dt.date) -> str:
    """``Thứ Bảy, 28/11/2026``: the weekday and the day as written in Viet Nam."""
    return f"{WEEKDAYS[day.weekday()]}, {day.day:02d}/{day.month:02d}/{day.year}"


def format_time(time: dt.time) -> str:
    """``07:30``: hours and minutes on the 24-hour clock."""
    return f"{time.hour:02d}:{time.minute:02d}"


def format_moment(moment: dt.datetime) -> str:
    """``07:30 Thứ Bảy, 28/11/2026``; an aware moment is shown in Viet Nam time, a naive one is
    taken as Viet Nam time."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(VIETNAM_TIME)
    return f"{format_time(moment.time())} {format_day(moment.date())}"
