"""The pages ``langso new thong-bao`` and ``langso new su-kien`` write (plain Python).

:func:`notice_text` and :func:`event_text` give the whole file: front matter whose every value is
a one-line, double-quoted YAML scalar (JSON escaping: a newline, ``"`` or ``---`` typed in a
title stays inside its line), then the title as a heading escaped by :func:`langso.render.md`,
then the text or a placeholder line that ``langso check`` points at
(:data:`langso.scaffold.STARTER_LINES`). :func:`parse_lunar_day` reads a yearly lunar day as
volunteers type it (``10/3 âm``, ``rằm tháng giêng``), :func:`parse_repeat` a day that comes back
every week or month (``thứ bảy hằng tuần``, ``ngày 5 hằng tháng``, ``ngày 1 và 15 âm lịch hằng
tháng``). As Vietnamese says it, ``mùng …`` and ``rằm`` are lunar days; a plain ``ngày 1 và 15
hằng tháng`` says no calendar (:attr:`Repeat.said` false: :func:`unclear_calendar` says when to
ask, :func:`calendar_reader` reads the answer); :func:`understood` says the day back and
:func:`read_confirmation` reads "yes" or "type it again". The terminal side is
:mod:`langso.cli_new_notice`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from langso.dates import WEEKDAYS, find_weekday, format_day
from langso.events.model import EVENT_KINDS
from langso.render import md
from langso.scaffold import EVENT_PLACEHOLDER, NOTICE_PLACEHOLDER
from langso.text import fold, nfc

__all__ = [
    "LunarDay",
    "Repeat",
    "calendar_reader",
    "event_text",
    "moment_text",
    "notice_text",
    "one_line",
    "parse_lunar_day",
    "parse_repeat",
    "read_confirmation",
    "unclear_calendar",
    "understood",
]


def _quoted(text: str) -> str:
    """A one-line YAML double-quoted scalar (a JSON string is one): newlines become ``\\n``."""
    return json.dumps(text, ensure_ascii=False)


def one_line(text: str) -> str:
    """``text`` in NFC with every run of spaces, tabs and line breaks made one space."""
    return " ".join(nfc(text).split())


def moment_text(value: dt.datetime) -> str:
    """``05/12/2026 07:30``; a day's end (23:59:59, a day typed alone) as ``05/12/2026``."""
    if value.time() == dt.time(23, 59, 59):
        return f"{value:%d/%m/%Y}"
    return f"{value:%d/%m/%Y %H:%M}"


def _body(title: str, text: str, placeholder: str) -> str:
    paragraph = nfc(text).strip().replace("\r\n", "\n").replace("\r", "\n") or placeholder
    return f"# {md(title)}\n\n{paragraph}\n"


def notice_text(
    *,
    title: str,
    kind: str,
    posted: dt.datetime,
    poster: str,
    expires: dt.datetime | None = None,
    text: str = "",
) -> str:
    """The notice page: front matter (``title``, ``loai``, ``ngay_dang``, ``nguoi_dang``, and
    ``het_han`` when given), the title as its heading, then ``text`` or
    :data:`NOTICE_PLACEHOLDER`. ``kind`` is a label of :data:`NOTICE_KINDS`."""
    lines = [
        "---",
        f"title: {_quoted(one_line(title))}",
        f"loai: {_quoted(kind)}",
        f"ngay_dang: {_quoted(moment_text(posted))}",
        f"nguoi_dang: {_quoted(one_line(poster))}",
    ]
    if expires is not None:
        lines.append(f"het_han: {_quoted(moment_text(expires))}")
    lines += ["---", "", _body(one_line(title), text, NOTICE_PLACEHOLDER)]
    return "\n".join(lines)


@dataclass(frozen=True)
class LunarDay:
    """A yearly lunar day as ``ngay_am`` takes it: day 1..30, month 1..12, leap month or not."""

    day: int
    month: int
    leap: bool = False

    def __str__(self) -> str:
        return f"{self.day}/{self.month}" + (" nhuận" if self.leap else "")


@dataclass(frozen=True)
class Repeat:
    """A day that comes back, as the event front matter says it.

    Attributes:
        key: ``hang_tuan`` (``days`` one weekday, 0 = Monday), ``hang_thang`` (solar days of
            the month, 1..31) or ``hang_thang_am`` (lunar days, 1..30).
        days: sorted, each once.
        said: whether the calendar of days in the month was said (``âm``, ``mùng``, ``rằm``,
            ``dương``); false for a plain ``ngày 1 và 15 hằng tháng``, read as solar. Not
            compared: the same days either way.
    """

    key: str
    days: tuple[int, ...]
    said: bool = field(default=True, compare=False)

    def line(self) -> str:
        """The front-matter line: ``hang_tuan: "thứ bảy"``, ``hang_thang_am: [1, 15]``."""
        if self.key == "hang_tuan":
            return f"hang_tuan: {_quoted(WEEKDAYS[self.days[0]].lower())}"
        return f"{self.key}: [{', '.join(str(d) for d in self.days)}]"

    def __str__(self) -> str:
        """``Hằng tuần vào Thứ Bảy``, ``Hằng tháng vào ngày 1 và 15 âm lịch``."""
        if self.key == "hang_tuan":
            return f"Hằng tuần vào {WEEKDAYS[self.days[0]]}"
        days = " và ".join(str(d) for d in self.days)
        calendar = "âm lịch" if self.key == "hang_thang_am" else "dương lịch"
        return f"Hằng tháng vào ngày {days} {calendar}"


def event_text(
    *,
    title: str,
    kind: str,
    when: dt.date | LunarDay | Repeat,
    time: str = "",
    place: str = "",
    text: str = "",
) -> str:
    """The event page: front matter (``title``, ``loai``, ``ngay`` for a solar day, ``ngay_am``
    for a yearly lunar one, or the :class:`Repeat` line; ``gio`` and ``dia_diem`` when given),
    the title as its heading, then ``text`` or :data:`EVENT_PLACEHOLDER`."""
    if isinstance(when, Repeat):
        day = when.line()
    elif isinstance(when, LunarDay):
        day = f"ngay_am: {_quoted(str(when))}"
    else:
        day = f"ngay: {_quoted(f'{when:%d/%m/%Y}')}"
    lines = ["---", f"title: {_quoted(one_line(title))}", f"loai: {_quoted(kind)}", day]
    if time:
        lines.append(f"gio: {_quoted(time)}")
    if place.strip():
        lines.append(f"dia_diem: {_quoted(one_line(place))}")
    lines += ["---", "", _body(one_line(title), text, EVENT_PLACEHOLDER)]
    return "\n".join(lines)


_LUNAR_WORDS = re.compile(r"\b(?:am lich|am|al)\b|\(al\)")
# Said only of lunar days: "mùng 1", "rằm", "tháng giêng", "tháng chạp".
_LUNAR_NAMES = re.compile(r"\b(?:mung|ram|thang\s+(?:gieng|chap))\b")
_SOLAR_WORDS = re.compile(r"\b(?:duong lich|duong|dl)\b|\(dl\)")
_LUNAR = re.compile(r"^(?:ngay\s+)?(?:mung\s+)?(\d{1,2})\s*(?:/|-|\.|\s+thang\s+)\s*(\d{1,2})$")


_EVERY_WEEK = re.compile(r"\b(?:hang|moi)\s+tuan\b")
_EVERY_MONTH = re.compile(r"\b(?:hang|moi)\s+thang\b")
_EVERY_YEAR = re.compile(r"\b(?:hang|moi)\s+nam\b")
_DAY_WORDS = re.compile(r"\b(?:cac\s+)?(?:ngay|mung)\b|\bvao\b")
_DAY_SPLIT = re.compile(r"\s*(?:,|;|&|\+|\bva\b|\s)\s*")


def parse_repeat(typed: str) -> Repeat | None:
    """The day that comes back in ``typed``: ``thứ bảy hằng tuần`` (``mỗi tuần``, ``T7 hằng
    tuần``), ``ngày 5 hằng tháng``, ``ngày 5 và 20 hằng tháng``, ``ngày 1 và 15 âm lịch hằng
    tháng`` (``mùng 1, rằm âm hằng tháng``); ``None`` when it says neither ``hằng tuần`` nor
    ``hằng tháng`` (``hàng``, ``mỗi`` too; accents optional).

    Raises:
        ValueError: it says one of them but not which day (bilingual message, with examples).
    """
    folded = fold(typed).strip()
    if _EVERY_WEEK.search(folded):
        rest = " ".join(_DAY_WORDS.sub(" ", _EVERY_WEEK.sub(" ", folded)).split()).strip(" ,")
        weekday = find_weekday(rest)
        if weekday is None:
            raise ValueError(
                f"`{typed.strip()}`: không rõ thứ mấy — gõ một thứ rồi chữ hằng tuần, ví dụ"
                " thứ bảy hằng tuần (mỗi sự kiện một thứ)\n    (en) which weekday? type one, then"
                " `hằng tuần`, e.g. thứ bảy hằng tuần"
            )
        return Repeat("hang_tuan", (weekday,))
    if not _EVERY_MONTH.search(folded):
        return None
    solar = bool(_SOLAR_WORDS.search(folded))
    lunar = not solar and bool(_LUNAR_WORDS.search(folded) or _LUNAR_NAMES.search(folded))
    rest = _SOLAR_WORDS.sub(" ", _EVERY_MONTH.sub(" ", folded))
    rest = _DAY_WORDS.sub(" ", _LUNAR_WORDS.sub(" ", rest))
    parts = [p for p in _DAY_SPLIT.split(re.sub(r"\bram\b", "15", rest)) if p]
    highest = 30 if lunar else 31
    if not parts or not all(p.isdigit() and 1 <= int(p) <= highest for p in parts):
        calendar_vi = "âm lịch từ 1 đến 30" if lunar else "từ 1 đến 31"
        raise ValueError(
            f"`{typed.strip()}`: không rõ ngày nào trong tháng — gõ các ngày ({calendar_vi}) rồi"
            " chữ hằng tháng, ví dụ ngày 5 hằng tháng, ngày 5 và 20 hằng tháng; theo âm lịch:"
            " ngày 1 và 15 âm lịch hằng tháng\n    (en) which days of the month? e.g. ngày 5"
            " hằng tháng; by the lunar calendar: ngày 1 và 15 âm lịch hằng tháng"
        )
    key = "hang_thang_am" if lunar else "hang_thang"
    return Repeat(key, tuple(sorted({int(p) for p in parts})), said=lunar or solar)


def parse_lunar_day(typed: str) -> LunarDay | None:
    """The yearly lunar day in ``typed`` (``10/3 âm``, ``mùng 10 tháng 3 âm lịch``,
    ``10/3 nhuận (ÂL)``, ``mùng 10 tháng 3``, ``rằm tháng giêng``), or ``None`` when ``typed``
    says neither ``âm``/``ÂL`` nor a lunar day's name (``mùng``, ``rằm``, ``tháng giêng``,
    ``tháng chạp``).

    Raises:
        ValueError: it says ``âm`` but the day or month is not one (bilingual message).
    """
    folded = _EVERY_YEAR.sub(" ", fold(typed))  # "10/3 âm lịch hằng năm": yearly anyway
    if not (_LUNAR_WORDS.search(folded) or _LUNAR_NAMES.search(folded)):
        return None
    folded = re.sub(r"\bram\b", "15", folded)
    folded = re.sub(r"\bthang\s+gieng\b", "thang 1", folded)
    folded = re.sub(r"\bthang\s+chap\b", "thang 12", folded)
    leap = bool(re.search(r"\bnhuan\b", folded))
    rest = " ".join(re.sub(r"\bnhuan\b", " ", _LUNAR_WORDS.sub(" ", folded)).split())
    match = _LUNAR.match(rest)
    if match is None or not (1 <= int(match[1]) <= 30 and 1 <= int(match[2]) <= 12):
        raise ValueError(
            f"`{typed.strip()}` không phải ngày âm lịch: viết ngày/tháng rồi chữ âm, ví dụ 10/3"
            " âm (ngày 1–30, tháng 1–12)\n    (en) not a lunar day: write day/month then `âm`,"
            " e.g. 10/3 âm"
        )
    return LunarDay(int(match[1]), int(match[2]), leap)


_LUNAR_HABIT = frozenset(kind.label for kind in EVENT_KINDS if kind.key in ("phien-cho", "le-hoi"))
"""Kinds of event whose days of the month are lunar more often than not."""


def unclear_calendar(when: dt.date | LunarDay | Repeat, kind: str) -> bool:
    """Whether ``when`` (for an event of ``kind``) are days of the month of no said calendar
    that could well be lunar."""
    return (
        isinstance(when, Repeat)
        and when.key == "hang_thang"
        and not when.said
        and (kind in _LUNAR_HABIT or set(when.days) <= {1, 15})
    )


def calendar_reader(when: Repeat) -> Callable[[str], Repeat]:
    """Read the answer to "âm lịch hay dương lịch? (â/d)" for the days of ``when``."""

    def read(typed: str) -> Repeat:
        answer = fold(typed).strip()
        if answer in ("a", "am", "am lich", "al"):
            if max(when.days) > 30:
                raise ValueError(
                    "tháng âm lịch chỉ có đến ngày 30 — gõ d, rồi gõ k để gõ lại ngày\n"
                    "    (en) a lunar month has at most 30 days"
                )
            return Repeat("hang_thang_am", when.days)
        if answer in ("d", "duong", "duong lich", "dl"):
            return Repeat("hang_thang", when.days)
        raise ValueError(
            f"`{typed.strip()}`: gõ â (âm lịch) hoặc d (dương lịch)\n"
            "    (en) type â (lunar calendar) or d (solar calendar)"
        )

    return read


def read_confirmation(typed: str) -> bool:
    """The answer to "Đúng chưa?": Enter/``c``/``đúng`` true, ``k``/``không``/``sai`` false.

    Raises:
        ValueError: anything else (bilingual message).
    """
    answer = fold(typed).strip()
    if answer in ("", "c", "co", "dung", "y", "yes", "ok"):
        return True
    if answer in ("k", "khong", "sai", "n", "no"):
        return False
    raise ValueError(
        f"`{typed.strip()}`: bấm Enter nếu đúng, gõ k để gõ lại ngày\n"
        "    (en) press Enter if right, type k to type the day again"
    )


def understood(when: dt.date | LunarDay | Repeat) -> str:
    """The day as understood, said back: ``Một lần vào Thứ Sáu, 15/01/2027``, ``Hằng năm vào
    ngày 10/3 âm lịch``, ``Hằng tháng vào ngày 1 và 15 âm lịch``."""
    if isinstance(when, Repeat):
        return str(when)
    if isinstance(when, LunarDay):
        return f"Hằng năm vào ngày {when} âm lịch"
    return f"Một lần vào {format_day(when)}"
