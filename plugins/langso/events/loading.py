"""Event pages (``lich/*.md``) into :class:`~langso.events.model.Event` objects, checked.

The front matter of each page is read with :func:`langso.frontmatter.read_page` (the same
reading as ``langso/content``) and composed with :func:`langso.yamlsource.parse_yaml`, so every
value arrives as the text typed (``2026-11-28`` unquoted is text, never a YAML date) with its
line; the event keys (:data:`EVENT_KEYS`) and ``title``/``description`` are then typed by
:class:`EventMatter` through :func:`langso.schema.validate`: each mistake is a located problem,
Vietnamese first, English after, with a fix.

A page whose front matter YAML cannot be read (or holds a control character, or a ``title``
that is not text) gives no event and no problem here: ``langso/content`` reports those for
every page, and a second copy would only repeat it. Keys other than the event's are the
content plugin's too (``frontmatter.KNOWN_KEYS``).

Plain Python: no MkDocs import.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Iterable
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import BeforeValidator, Field, model_validator

from langso.dates import find_weekday, parse_day, parse_time_range
from langso.events.model import EVENT_KINDS, Event, EventKind, Rule, find_kind
from langso.frontmatter import read_page
from langso.lunar import FIRST_YEAR, LAST_YEAR, MONTH_NAMES
from langso.problems import Problem
from langso.schema import Model, Text, did_you_mean, invalid, validate
from langso.text import fold, nfc
from langso.weburl import bad_url_characters, named_characters
from langso.yamlsource import Mapping, parse_yaml

__all__ = ["EVENT_KEYS", "MAX_DAYS", "MAX_DURATION", "EventMatter", "load_events"]

RULE_KEYS = ("ngay", "ngay_am", "hang_thang_am", "hang_tuan", "hang_thang")
"""The five ways an event says when it happens; exactly one per event."""

EVENT_KEYS = frozenset(
    {*RULE_KEYS, "tu_ngay", "den_ngay", "so_ngay", "gio", "dia_diem", "nguon", "loai"}
)
"""Front-matter keys of an event page beyond the standard ones (``title``, ``description``),
for ``langso.frontmatter.KNOWN_KEYS``."""

MAX_DURATION = 60
"""The most days one occurrence may last (``so_ngay``, or ``ngay`` to ``den_ngay``)."""

MAX_DAYS = 31
"""The most days a ``hang_thang``/``hang_thang_am`` list may hold."""

SUMMARY_CHARS = 200
"""The longest summary taken from the start of a page's body (no ``description``)."""

_EXAMPLES_VI = (
    "`ngay: 15/01/2027` (một lần), `ngay_am: 10/3` (hằng năm theo âm lịch), "
    "`hang_thang_am: [1, 15]` (phiên chợ), `hang_tuan: thứ bảy`, `hang_thang: [5, 20]`"
)
_EXAMPLES_EN = (
    "`ngay: 15/01/2027` (once), `ngay_am: 10/3` (every year by the lunar calendar), "
    "`hang_thang_am: [1, 15]` (market days), `hang_tuan: thứ bảy` (every Saturday), "
    "`hang_thang: [5, 20]` (days of every month)"
)

# ngay_am: "10/3", "10/03 nhuận", "mùng 10 tháng 3", "10 tháng Ba âm lịch", "rằm tháng Giêng".
_LUNAR = re.compile(
    r"^(?:(?:mung|ngay)\s+)?(?P<d>\d{1,2}|ram)\s*(?:/|\s+thang\s+)\s*(?P<m>\d{1,2}|[a-z ]+?)"
    r"(?:\s+(?P<leap>nhuan|n))?(?:\s*\(?\s*(?:am lich|al)\s*\)?)?$"
)
_MONTH_WORDS = {fold(name): number for number, name in enumerate(MONTH_NAMES, start=1)}
_MONTH_WORDS.update({"mot": 1, "gieng": 1, "muoi mot": 11, "mot mot": 11, "chap": 12})
_LIST_SPLIT = re.compile(r"\s*(?:,|;|\bva\b)\s*")


def _in_range(day: dt.date, typed: object) -> dt.date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise invalid(
            f"`{typed}`: lịch chỉ tính được các năm {FIRST_YEAR}–{LAST_YEAR}",
            f"`{typed}`: the calendar covers only the years {FIRST_YEAR}–{LAST_YEAR}",
            "kiểm tra lại năm (viết đủ bốn chữ số, ví dụ 2027)",
            "check the year (all four digits, e.g. 2027)",
        )
    return day


def _day(value: object) -> object:
    parsed = parse_day(value)
    return _in_range(parsed, value) if isinstance(parsed, dt.date) else parsed


def _one_line(key: str, example: str) -> Exception:
    """The error for a list or a group where one line of text belongs (the field's type is a
    tuple, which pydantic would otherwise build from a list)."""
    return invalid(
        f"`{key}` phải là một dòng chữ",
        f"`{key}` must be one line of text",
        f"viết trên một dòng, trong dấu nháy, không có `[ ]` hay `- `: `{key}: '{example}'`",
        f"write it on one line, in quotes, without `[ ]` or `- `: `{key}: '{example}'`",
    )


def _lunar_day_month(value: object) -> object:
    """``ngay_am`` as typed into ``(day, month, leap)``."""
    if isinstance(value, (list, dict)):
        raise _one_line("ngay_am", "10/3")
    if not isinstance(value, str):
        return value
    match = _LUNAR.match(fold(value).strip())
    month: int | None = None
    if match:
        typed_month = match.group("m").strip()
        month = int(typed_month) if typed_month.isdigit() else _MONTH_WORDS.get(typed_month)
    if not match or month is None:
        raise invalid(
            f"`{value}` không phải ngày/tháng âm lịch",
            f"`{value}` is not a lunar day/month",
            "viết ngày/tháng âm lịch trong dấu nháy, ví dụ '10/3'; tháng nhuận: '10/3 nhuận'",
            "write the lunar day/month in quotes, e.g. '10/3'; a leap month: '10/3 nhuận'",
        )
    day = 15 if match.group("d") == "ram" else int(match.group("d"))
    if not 1 <= month <= 12:
        raise invalid(
            f"`{value}`: tháng âm lịch {month} không có (tháng từ 1 đến 12)",
            f"`{value}`: there is no lunar month {month} (months are 1 to 12)",
            "viết ngày trước, tháng sau, ví dụ '10/3' là mùng 10 tháng Ba",
            "write the day first, then the month: '10/3' is day 10 of month 3",
        )
    _lunar_day_bounds(day, value)
    return (day, month, match.group("leap") is not None)


def _lunar_day_bounds(day: int, typed: object) -> None:
    if not 1 <= day <= 30:
        raise invalid(
            f"`{typed}`: ngày âm lịch {day} không có (tháng âm lịch có 29 hoặc 30 ngày)",
            f"`{typed}`: there is no lunar day {day} (a lunar month has 29 or 30 days)",
            "viết ngày âm lịch từ 1 đến 30",
            "write a lunar day from 1 to 30",
        )


def _days_list(highest: int, lunar: bool) -> Any:
    """A ``BeforeValidator`` for ``hang_thang``/``hang_thang_am``: a list (``[1, 15]``) or text
    (``1, 15``, ``1 và 15``) of days of the month into a sorted tuple of ints."""

    def check(value: object) -> object:
        if isinstance(value, str):
            value = [part for part in _LIST_SPLIT.split(fold(value).strip()) if part]
        if not isinstance(value, list):
            return value
        if len(value) > MAX_DAYS:
            raise invalid(
                f"danh sách có {len(value)} ngày, nhiều hơn số ngày của một tháng",
                f"the list holds {len(value)} days, more than a month has",
                f"ghi mỗi ngày một lần, nhiều nhất {MAX_DAYS} ngày",
                f"write each day once, {MAX_DAYS} at most",
            )
        days: set[int] = set()
        for item in value:
            if not isinstance(item, str) or not item.strip().isdigit():
                raise invalid(
                    f"`{item}` không phải một ngày trong tháng",
                    f"`{item}` is not a day of the month",
                    "viết các ngày bằng số, ví dụ [1, 15]",
                    "write the days as numbers, e.g. [1, 15]",
                )
            day = int(item)
            if lunar:
                _lunar_day_bounds(day, item)
            elif not 1 <= day <= highest:
                raise invalid(
                    f"ngày `{item}` không có trong tháng (từ 1 đến {highest})",
                    f"there is no day `{item}` in a month (1 to {highest})",
                    f"viết các ngày từ 1 đến {highest}",
                    f"write days from 1 to {highest}",
                )
            days.add(day)
        if not days:
            raise invalid(
                "danh sách ngày để trống",
                "the list of days is empty",
                "viết các ngày, ví dụ [1, 15]",
                "write the days, e.g. [1, 15]",
            )
        return tuple(sorted(days))

    return check


def _weekday(value: object) -> object:
    if not isinstance(value, str):
        return value
    found = find_weekday(value)
    if found is None:
        several = len(_LIST_SPLIT.split(fold(value).strip())) > 1
        raise invalid(
            f"`{value}` không phải một thứ trong tuần",
            f"`{value}` is not a day of the week",
            "viết một thứ, ví dụ 'thứ bảy' hoặc 'chủ nhật'"
            + ("; sự kiện có vào nhiều thứ thì mỗi thứ một trang" if several else ""),
            "write one weekday, e.g. 'thứ bảy' (Saturday) or 'chủ nhật' (Sunday)"
            + ("; an event on several weekdays needs one page for each" if several else ""),
        )
    return found


def _duration(value: object) -> object:
    if not isinstance(value, str):
        return value
    text = value.strip()
    if not text.isdigit() or not 1 <= int(text) <= MAX_DURATION:
        raise invalid(
            f"`{text}`: số ngày phải từ 1 đến {MAX_DURATION}",
            f"`{text}`: the number of days must be 1 to {MAX_DURATION}",
            "viết số ngày sự kiện kéo dài, ví dụ 3; bỏ dòng này nếu chỉ một ngày",
            "write how many days it lasts, e.g. 3; leave the line out for one day",
        )
    return int(text)


def _hours(value: object) -> object:
    if isinstance(value, (list, dict)):
        raise _one_line("gio", "07:30-11:00")
    return parse_time_range(value) if isinstance(value, str) else value


def _https(value: object) -> object:
    if not isinstance(value, str):
        return value
    text = value.strip()
    parts = urlsplit(text)
    if parts.scheme != "https" or "." not in parts.netloc:
        raise invalid(
            f"`{text}` không phải địa chỉ trang web bắt đầu bằng https://",
            f"`{text}` is not a web address starting with https://",
            "chép đủ địa chỉ của trang công bố ngày này (cổng thông tin của tỉnh, xã…), bắt đầu "
            "bằng https://",
            "copy the whole address of the page publishing this date (the province's or "
            "commune's portal…), starting with https://",
        )
    bad = bad_url_characters(text)
    if bad:
        names_vi, names_en = named_characters(bad)
        raise invalid(
            f"địa chỉ `{text}` có ký tự không được có trong địa chỉ: {names_vi}",
            f"the address `{text}` holds characters no address may hold: {names_en}",
            "chép lại địa chỉ từ thanh địa chỉ của trình duyệt",
            "copy the address again from the browser's address bar",
        )
    return text


def _kind(value: object) -> object:
    if not isinstance(value, str):
        return value
    found = find_kind(value)
    if found is None:
        labels = [kind.label for kind in EVENT_KINDS]
        listing = ", ".join(f"`{label}`" for label in labels)
        by_fold = {fold(label): label for label in labels} | {k.key: k.label for k in EVENT_KINDS}
        guess = (
            did_you_mean(fold(value), list(by_fold), cutoff=0.6, fix_vi="", fix_en="")["fix_vi"]
            .removeprefix("sửa thành `")
            .removesuffix("`")
        )
        close = by_fold.get(guess)
        raise invalid(
            f"loại sự kiện `{value}` không có"
            + (f" (có phải ý bạn là `{close}`?)" if close else ""),
            f"there is no event kind `{value}`" + (f" (did you mean `{close}`?)" if close else ""),
            f"dùng một trong: {listing}",
            f"use one of: {listing}",
        )
    return found


Day = Annotated[dt.date, BeforeValidator(_day)]


class EventMatter(Model):
    """The front matter of an event page, typed (see :mod:`langso.events.model`)."""

    title: Text = Field(description="Tên sự kiện. / The event's name.")
    description: Text | None = Field(None, description="Một hai câu tóm tắt. / A summary.")
    kind: Annotated[EventKind, BeforeValidator(_kind)] | None = Field(
        None, alias="loai", description="Loại sự kiện, ví dụ `phiên chợ`. / The kind of event."
    )
    once: Day | None = Field(None, alias="ngay", description="Ngày diễn ra (một lần). / Its day.")
    lunar: Annotated[tuple[int, int, bool], BeforeValidator(_lunar_day_month)] | None = Field(
        None,
        alias="ngay_am",
        description="Ngày/tháng âm lịch hằng năm, ví dụ `10/3`. / Every year on this lunar day.",
    )
    lunar_days: Annotated[tuple[int, ...], BeforeValidator(_days_list(30, lunar=True))] | None = (
        Field(
            None,
            alias="hang_thang_am",
            description="Các ngày âm lịch mỗi tháng, `[1, 15]`. / Lunar days, each month.",
        )
    )
    weekday: Annotated[int, BeforeValidator(_weekday)] | None = Field(
        None,
        alias="hang_tuan",
        description="Thứ trong tuần, ví dụ `thứ bảy`. / Every week on this day.",
    )
    month_days: Annotated[tuple[int, ...], BeforeValidator(_days_list(31, lunar=False))] | None = (
        Field(
            None,
            alias="hang_thang",
            description="Các ngày dương lịch mỗi tháng, `[5, 20]`. / Days of each month.",
        )
    )
    since: Day | None = Field(
        None, alias="tu_ngay", description="Bắt đầu lặp lại từ ngày này. / The first day it recurs."
    )
    until: Day | None = Field(None, alias="den_ngay", description="Ngày cuối cùng. / The last day.")
    duration: Annotated[int, BeforeValidator(_duration)] | None = Field(
        None,
        alias="so_ngay",
        description=f"Số ngày kéo dài (1 đến {MAX_DURATION}). / Days it lasts.",
    )
    hours: Annotated[tuple[dt.time, dt.time | None], BeforeValidator(_hours)] | None = Field(
        None, alias="gio", description="Giờ, ví dụ `07:30` hoặc `07:30-11:00`. / The time."
    )
    place: Text | None = Field(None, alias="dia_diem", description="Địa điểm. / Where.")
    source_url: Annotated[str, BeforeValidator(_https)] | None = Field(
        None,
        alias="nguon",
        description="Địa chỉ https:// của nơi công bố ngày này. / Where the date is published.",
    )

    @model_validator(mode="after")
    def _one_rule(self) -> EventMatter:
        _check_rules({key: getattr(self, name) for key, name in _RULE_FIELDS.items()}, self)
        return self

    @classmethod
    def despite_errors(cls, data: Any, context: dict[str, Any] | None) -> list[Any]:
        if not isinstance(data, dict):
            return []
        given = [key for key in RULE_KEYS if data.get(key) is not None]
        try:
            _check_count(given)
        except Exception as error:  # the PydanticCustomError to report
            return [error]
        return []


_RULE_FIELDS = {
    "ngay": "once",
    "ngay_am": "lunar",
    "hang_thang_am": "lunar_days",
    "hang_tuan": "weekday",
    "hang_thang": "month_days",
}


def _check_count(given: list[str]) -> None:
    if not given:
        raise invalid(
            "sự kiện chưa nói diễn ra khi nào",
            "the event does not say when it happens",
            f"thêm đúng một trong các dòng: {_EXAMPLES_VI}",
            f"add exactly one of: {_EXAMPLES_EN}",
        )
    if len(given) > 1:
        keys_vi = " và ".join(f"`{key}`" for key in given)
        keys_en = " and ".join(f"`{key}`" for key in given)
        raise invalid(
            f"có cả {keys_vi}: mỗi sự kiện chỉ nói ngày theo một cách",
            f"both {keys_en} are given: an event says when in one way only",
            "giữ một dòng; sự kiện diễn ra theo hai cách thì tách thành hai trang",
            "keep one line; an event that happens in two ways needs two pages",
            field=given[1],
        )


def _check_rules(values: dict[str, Any], matter: EventMatter) -> None:
    given = [key for key, value in values.items() if value is not None]
    _check_count(given)
    if given == ["ngay"]:
        assert matter.once is not None
        if matter.since is not None:
            raise invalid(
                "`tu_ngay` chỉ dùng cho sự kiện lặp lại",
                "`tu_ngay` is only for an event that repeats",
                "sự kiện một lần: ghi ngày đầu ở `ngay`, ngày cuối ở `den_ngay`",
                "for a one-time event write the first day in `ngay`, the last in `den_ngay`",
                field="tu_ngay",
            )
        if matter.until is not None and matter.duration is not None:
            raise invalid(
                "có cả `den_ngay` và `so_ngay`",
                "both `den_ngay` and `so_ngay` are given",
                "giữ một trong hai: ngày cuối (`den_ngay`) hoặc số ngày (`so_ngay`)",
                "keep one: the last day (`den_ngay`) or the number of days (`so_ngay`)",
                field="so_ngay",
            )
        if matter.until is not None:
            _ordered(matter.once, matter.until, "ngay")
            if (matter.until - matter.once).days + 1 > MAX_DURATION:
                raise invalid(
                    f"từ `ngay` đến `den_ngay` hơn {MAX_DURATION} ngày",
                    f"`ngay` to `den_ngay` is more than {MAX_DURATION} days",
                    "kiểm tra lại hai ngày (ngày/tháng/năm)",
                    "check both dates (day/month/year)",
                    field="den_ngay",
                )
    elif matter.since is not None and matter.until is not None:
        _ordered(matter.since, matter.until, "tu_ngay")


def _ordered(first: dt.date, last: dt.date, first_key: str) -> None:
    if last < first:
        raise invalid(
            f"`den_ngay` ({last:%d/%m/%Y}) trước `{first_key}` ({first:%d/%m/%Y})",
            f"`den_ngay` ({last:%d/%m/%Y}) is before `{first_key}` ({first:%d/%m/%Y})",
            "kiểm tra lại hai ngày (ngày/tháng/năm): ngày cuối phải sau ngày đầu",
            "check both dates (day/month/year): the last day must come after the first",
            field="den_ngay",
        )


def _rule(matter: EventMatter) -> tuple[Rule, int]:
    """The rule and the duration in days of ``matter``."""
    if matter.once is not None:
        last = matter.until
        if last is None and matter.duration:
            last = matter.once + dt.timedelta(days=matter.duration - 1)
        duration = (last - matter.once).days + 1 if last else 1
        last = last if last != matter.once else None
        return Rule("once", date=matter.once, last=last), duration
    since, until = matter.since, matter.until
    duration = matter.duration or 1
    if matter.lunar is not None:
        day, month, leap = matter.lunar
        rule = Rule(
            "lunar-yearly", lunar_month=month, days=(day,), leap=leap, since=since, until=until
        )
        return rule, duration
    if matter.lunar_days is not None:
        return Rule("lunar-monthly", days=matter.lunar_days, since=since, until=until), duration
    if matter.weekday is not None:
        return Rule("weekly", days=(matter.weekday,), since=since, until=until), duration
    assert matter.month_days is not None
    return Rule("monthly", days=matter.month_days, since=since, until=until), duration


def load_events(
    pages: Iterable[tuple[str, str]], docs_rel: str
) -> tuple[list[Event], list[Problem]]:
    """Read every event page.

    Args:
        pages: ``(src_uri, text)`` of each event page (``lich/le-hoi.md`` and its Markdown),
            the generated pages excluded.
        docs_rel: the docs folder relative to the repository root (``content``), for messages.

    Returns:
        ``(events, problems)``: the events of the pages without mistakes, in the order of
        ``pages``; one located problem per mistake (see the module docstring for what is left
        to ``langso/content``).
    """
    events: list[Event] = []
    problems: list[Problem] = []
    for src_uri, text in pages:
        rel = posixpath.join(docs_rel, src_uri) if docs_rel not in ("", ".") else src_uri
        event, found = _load_page(src_uri, rel, text)
        problems.extend(found)
        if event is not None:
            events.append(event)
    return events, problems


def _load_page(src_uri: str, rel: str, text: str) -> tuple[Event | None, list[Problem]]:
    page, reading = read_page(text, rel)
    if any(problem.severity == "error" for problem in reading):
        return None, []  # reported by langso/content for every page
    if page.body_line <= 1:
        return None, [Problem(rel, 1, "event.no-front-matter")]
    lines = nfc(text).removeprefix("\ufeff").replace("\r\n", "\n").split("\n")
    block = "\n".join(lines[1 : page.body_line - 2]) + "\n"
    node, yaml_problems = parse_yaml(block, rel, first_line=2)
    if any(p.severity == "error" for p in yaml_problems) or not isinstance(node, Mapping):
        return None, []  # read_page reported these to langso/content already
    wanted = EVENT_KEYS | {"title", "description"}
    kept = {key: entry for key, entry in node.entries.items() if key in wanted}
    matter, problems = validate(EventMatter, Mapping(kept, node.line), rel)
    if matter is None:
        return None, problems
    rule, duration = _rule(matter)
    start, end = matter.hours if matter.hours is not None else (None, None)
    kind = matter.kind or next(k for k in EVENT_KINDS if k.key == "khac")
    event = Event(
        src_uri=src_uri,
        source=rel,
        title=matter.title,
        kind=kind,
        rule=rule,
        duration=duration,
        start=start,
        end=end,
        place=matter.place,
        summary=matter.description or _summary(page.body),
        source_url=matter.source_url,
    )
    return event, []


_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`>#]+")


def _summary(body: str) -> str:
    """The first paragraph of ``body`` as plain text (links keep their text, marks go), cut at
    a word before :data:`SUMMARY_CHARS` characters with ``…``; ``""`` without one."""
    paragraph: list[str] = []
    fenced = False
    for line in body.split("\n"):
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced or stripped.startswith(("#", "!", "<", "|", "---")):
            if paragraph:
                break
            continue
        if not stripped:
            if paragraph:
                break
            continue
        paragraph.append(stripped)
    text = " ".join(_MARKUP.sub(r"\1", " ".join(paragraph)).split())
    if len(text) <= SUMMARY_CHARS:
        return text
    cut = text[:SUMMARY_CHARS].rsplit(" ", 1)[0]
    return f"{cut}…"
