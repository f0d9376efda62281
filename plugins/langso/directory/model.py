"""The services directory: one YAML file per service in ``danh-ba/``, categories in a list file.

A service file (every key ASCII Vietnamese; ``ten`` and ``loai`` required)::

    ten: 'Trạm Y tế xã Yên Định'
    loai: 'y-te'
    mo_ta: 'Khám chữa bệnh ban đầu, tiêm chủng.'
    dia_chi:
      thon: 'Là Thôn'
      chi_tiet: 'gần nhà văn hóa'
    dien_thoai:
      - '0300 000 001'
    gio_mo_cua:
      - ngay: 'T2-T6'
        gio: '7:00-11:30, 13:30-17:00'
    toa_do: '19.9810, 105.6420'
    ghi_chu: 'Ngoài giờ, khi cấp cứu gọi 115.'
    du_lieu_mau: 'có'

Instead of ``gio_mo_cua``, ``mo_cua: '6:45'`` with ``dong_cua: '21:00'`` means the same hours every
day. Every value is kept as typed and displayed as typed; parsing only checks it and derives links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationInfo, field_validator, model_validator

from langso.paths import page_for_data_file, repo_path
from langso.problems import Problem
from langso.schema import Model, Text, YesNo, invalid, read_yaml, validate
from langso.text import fold, slugify, sort_key
from langso.yamlsource import Sequence, describe

__all__ = [
    "Address",
    "Category",
    "Coordinates",
    "Directory",
    "OpeningRow",
    "Phone",
    "Service",
    "ServiceEntry",
    "TimeRange",
    "load_directory",
]

# --- phones -----------------------------------------------------------------------------------

_PHONE_CHARS = re.compile(r"^\+?[0-9 .()\-]+$")
# National numbers since the 2018 mobile and 2017 landline renumbering: mobiles are 10 digits with
# a leading 0; landlines 0 + 2x area code + subscriber, 11 digits (Thanh Hóa: 0237 + 7 digits).
# Short emergency numbers 111–115 need no prefix (Decision 226/QĐ-TTg/2016 for 112).
_MOBILE = re.compile(r"^0[35789]\d{8}$")
_LANDLINE = re.compile(r"^02\d{9}$")
_SHORT = {"111", "112", "113", "114", "115"}


class Phone(Model):
    """A phone number as typed (``text``) and its ``tel:`` URI (``tel``: ``+84…`` or short)."""

    text: str
    tel: str


def _phone(value: object) -> object:
    if not isinstance(value, str):
        return value
    text = value.strip()
    digits = re.sub(r"\D", "", text)
    if _PHONE_CHARS.match(text):
        if text.startswith("+84"):
            digits = "0" + digits[2:]
        if digits in _SHORT:
            return Phone(text=text, tel=digits)
        if _MOBILE.match(digits) or _LANDLINE.match(digits):
            return Phone(text=text, tel="+84" + digits[1:])
    raise invalid(
        f"số điện thoại `{text}` không đúng dạng số Việt Nam",
        f"`{text}` is not a Vietnamese phone number",
        "viết di động 10 số bắt đầu bằng 0 (ví dụ '0912 345 678'), số bàn 11 số "
        "(ví dụ '0237 3xxx xxx') hoặc số khẩn cấp 111–115, trong dấu nháy",
        "write a 10-digit mobile starting with 0 (e.g. '0912 345 678'), an 11-digit landline "
        "(e.g. '0237 3xxx xxx') or an emergency number 111–115, in quotes",
    )


PhoneNumber = Annotated[Phone, BeforeValidator(_phone)]

# --- opening hours ----------------------------------------------------------------------------

_TIME = re.compile(r"^(\d{1,2})\s*(?:[:hg.]\s*(\d{2})?)?$")
_RANGE_SEP = re.compile(r"\s*[-–—]\s*|\s+den\s+")
_CLOSED = {"nghi", "dong cua", "khong mo cua", "nghi ca ngay"}
_EVERY_DAY = {"hang ngay", "moi ngay", "ca tuan", "tat ca cac ngay", "ngay nao cung mo"}
_DAY_WORDS = {"hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7}
WEEKDAY_NAMES = ("", "", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


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
    """Open from ``opens`` to ``closes``, in minutes after midnight."""

    opens: int
    closes: int


class Hours(Model):
    """The ``gio`` of a row as typed, and its ranges (none when closed)."""

    text: str
    ranges: tuple[TimeRange, ...]

    @property
    def closed(self) -> bool:
        """True for a closed day (``nghỉ``)."""
        return not self.ranges


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
        if closes <= opens:
            raise invalid(
                f"trong `{part}` giờ đóng cửa không sau giờ mở cửa",
                f"in `{part}` the closing time is not after the opening time",
                "kiểm tra lại hai giờ (dùng giờ 24, ví dụ '13:30' chứ không phải '1:30')",
                "check both times (use the 24-hour clock, e.g. '13:30' not '1:30')",
            )
        ranges.append(TimeRange(opens=opens, closes=closes))
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

    days: Annotated[Days, BeforeValidator(_days)] = Field(alias="ngay")
    hours: Annotated[Hours, BeforeValidator(_hours)] = Field(alias="gio")


# --- places -----------------------------------------------------------------------------------

# Viet Nam's extent including the Hoàng Sa and Trường Sa archipelagos, degrees (WGS 84).
VIETNAM_BOUNDS = {"lat": (8.0, 23.5), "lon": (102.0, 117.9)}
_COORDS = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[,;]\s*(-?\d+(?:\.\d+)?)\s*$")


class Coordinates(Model):
    """Latitude and longitude in degrees (WGS 84), as typed in ``text``."""

    text: str
    lat: float
    lon: float

    @property
    def map_url(self) -> str:
        """A map link that opens the phone's map app (Google Maps URLs, ``api=1`` search)."""
        return f"https://www.google.com/maps/search/?api=1&query={self.lat},{self.lon}"


def _coordinates(value: object) -> object:
    if not isinstance(value, str):
        return value
    match = _COORDS.match(value)
    lat_range, lon_range = VIETNAM_BOUNDS["lat"], VIETNAM_BOUNDS["lon"]
    if match:
        lat, lon = float(match.group(1)), float(match.group(2))
        if lat_range[0] <= lat <= lat_range[1] and lon_range[0] <= lon <= lon_range[1]:
            return Coordinates(text=value.strip(), lat=lat, lon=lon)
        if lon_range[0] <= lat <= lon_range[1] and lat_range[0] <= lon <= lat_range[1]:
            raise invalid(
                f"tọa độ `{value}` có vẻ bị đảo (kinh độ viết trước vĩ độ)",
                f"the coordinates `{value}` look swapped (longitude before latitude)",
                f"viết vĩ độ trước: '{lon}, {lat}'",
                f"write the latitude first: '{lon}, {lat}'",
            )
        raise invalid(
            f"tọa độ `{value}` nằm ngoài Việt Nam",
            f"the coordinates `{value}` are outside Viet Nam",
            "chép lại tọa độ từ bản đồ (vĩ độ khoảng 8–23, kinh độ khoảng 102–117)",
            "copy the coordinates again from a map (latitude about 8–23, longitude 102–117)",
        )
    raise invalid(
        f"tọa độ `{value}` không đúng dạng",
        f"`{value}` is not a pair of coordinates",
        "viết 'vĩ độ, kinh độ', ví dụ '19.9810, 105.6420' (chép từ bản đồ)",
        "write 'latitude, longitude', e.g. '19.9810, 105.6420' (copied from a map)",
    )


class Address(Model):
    """Where the service is. ``xa`` and ``tinh`` default to the village's."""

    hamlet: Text | None = Field(None, alias="thon", description="Thôn/xóm, ví dụ `Là Thôn`.")
    detail: Text | None = Field(
        None, alias="chi_tiet", description="Số nhà, đường hoặc mốc dễ tìm."
    )
    commune: Text | None = Field(None, alias="xa", description="Xã, nếu khác xã của làng.")
    province: Text | None = Field(None, alias="tinh", description="Tỉnh, nếu khác tỉnh của làng.")


class Category(Model):
    """A directory category; the order of ``categories.yml`` is the display order."""

    id: Text = Field(description="Mã ASCII, ví dụ `y-te`.")
    name: Text = Field(alias="ten", description="Tên hiển thị, ví dụ `Y tế`.")

    @field_validator("id")
    @classmethod
    def _slug_id(cls, value: str) -> str:
        if slugify(value) != value:
            raise invalid(
                f"mã `{value}` phải viết thường, không dấu, nối bằng dấu gạch ngang",
                f"id `{value}` must be lower case ASCII joined by hyphens",
                f"dùng `{slugify(value)}`",
                f"use `{slugify(value)}`",
            )
        return value


class Service(Model):
    """One entry of the services directory (one YAML file)."""

    name: Text = Field(alias="ten", description="Tên dịch vụ hoặc nơi chốn.")
    category: Text = Field(alias="loai", description="Mã loại trong `categories.yml`.")
    description: Text | None = Field(None, alias="mo_ta", description="Mô tả ngắn.")
    address: Address | None = Field(None, alias="dia_chi", description="Địa chỉ.")
    phones: tuple[PhoneNumber, ...] = Field(
        (), alias="dien_thoai", description="Một hoặc nhiều số điện thoại, trong dấu nháy."
    )
    hours: tuple[OpeningRow, ...] = Field(
        (), alias="gio_mo_cua", description="Các dòng `ngay` + `gio`."
    )
    opens: Annotated[TimeOfDay, BeforeValidator(_time_of_day)] | None = Field(
        None, alias="mo_cua", description="Giờ mở cửa mọi ngày (dùng cùng `dong_cua`)."
    )
    closes: Annotated[TimeOfDay, BeforeValidator(_time_of_day)] | None = Field(
        None, alias="dong_cua", description="Giờ đóng cửa mọi ngày (dùng cùng `mo_cua`)."
    )
    location: Annotated[Coordinates, BeforeValidator(_coordinates)] | None = Field(
        None, alias="toa_do", description="'vĩ độ, kinh độ' chép từ bản đồ."
    )
    note: Text | None = Field(None, alias="ghi_chu", description="Ghi chú.")
    sample: YesNo = Field(False, alias="du_lieu_mau", description="`có` nếu là dữ liệu mẫu.")

    @field_validator("phones", mode="before")
    @classmethod
    def _one_phone_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    @field_validator("category")
    @classmethod
    def _known_category(cls, value: str, info: ValidationInfo) -> str:
        known: list[str] = (info.context or {}).get("categories", [])
        if known and value not in known:
            listing = ", ".join(f"`{k}`" for k in known)
            raise invalid(
                f"loại `{value}` không có trong categories.yml",
                f"category `{value}` is not in categories.yml",
                f"dùng một trong: {listing}, hoặc thêm loại mới vào categories.yml",
                f"use one of: {listing}, or add the category to categories.yml",
            )
        return value

    @model_validator(mode="after")
    def _opens_and_closes(self) -> Service:
        opens, closes = self.opens, self.closes
        if (opens is None) != (closes is None):
            raise invalid(
                "`mo_cua` và `dong_cua` phải đi cùng nhau",
                "`mo_cua` (opens) and `dong_cua` (closes) go together",
                "thêm dòng còn thiếu, hoặc dùng `gio_mo_cua`",
                "add the missing one, or use `gio_mo_cua`",
                field="mo_cua" if opens is not None else "dong_cua",
            )
        if opens is not None and closes is not None:
            if self.hours:
                raise invalid(
                    "đã có `gio_mo_cua` thì không dùng `mo_cua`/`dong_cua`",
                    "`mo_cua`/`dong_cua` cannot be used together with `gio_mo_cua`",
                    "giữ một cách ghi giờ",
                    "keep one way of giving the hours",
                    field="mo_cua",
                )
            if closes.minutes <= opens.minutes:
                raise invalid(
                    f"giờ đóng cửa `{closes.text}` không sau giờ mở cửa `{opens.text}`",
                    f"closing time `{closes.text}` is not after opening time `{opens.text}`",
                    "dùng giờ 24, ví dụ '21:00' chứ không phải '9:00'",
                    "use the 24-hour clock, e.g. '21:00' not '9:00'",
                    field="dong_cua",
                )
        return self

    @property
    def opening_rows(self) -> tuple[tuple[str, str], ...]:
        """``(days, hours)`` rows for display, exactly as typed (``mo_cua``/``dong_cua`` too)."""
        if self.opens and self.closes:
            return (("Hằng ngày", f"{self.opens.text} – {self.closes.text}"),)
        return tuple((row.days.text, row.hours.text) for row in self.hours)


@dataclass(frozen=True)
class ServiceEntry:
    """A validated service and where it came from.

    Attributes:
        id: ASCII slug from the file name; the page is ``<services_dir>/<id>.md``.
        source: the YAML path relative to ``docs_dir`` (``danh-ba/tram-y-te.yml``).
        service: the validated content.
    """

    id: str
    source: str
    service: Service


@dataclass(frozen=True)
class Directory:
    """All categories and services, each category's entries in Vietnamese alphabetical order."""

    categories: tuple[Category, ...]
    entries: tuple[ServiceEntry, ...]

    def by_category(self) -> list[tuple[Category, list[ServiceEntry]]]:
        """Categories in file order with their entries sorted by name; empty ones left out."""
        groups = []
        for category in self.categories:
            members = [e for e in self.entries if e.service.category == category.id]
            if members:
                groups.append((category, sorted(members, key=lambda e: sort_key(e.service.name))))
        return groups

    def category(self, category_id: str) -> Category:
        """The category with ``category_id``."""
        return next(c for c in self.categories if c.id == category_id)


def load_categories(
    docs_dir: Path, docs_rel: str, file_name: str
) -> tuple[tuple[Category, ...], list[Problem]]:
    """Read the categories list file ``file_name`` in ``docs_dir``."""
    rel = repo_path(docs_rel, file_name)
    node, problems = read_yaml(docs_dir / file_name, rel)
    if problems or node is None:
        return (), problems
    if not isinstance(node, Sequence):
        found_vi, found_en = describe(node)
        params: dict[str, Any] = {"found_vi": found_vi, "found_en": found_en}
        return (), [Problem(rel, node.line, "yaml.not-list", params=params)]
    categories: list[Category] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(node.items):
        category, item_problems = validate(Category, item, rel, prefix=(index,), root=node)
        problems.extend(item_problems)
        if category is None:
            continue
        if category.id in seen:
            problems.append(
                Problem(
                    rel,
                    item.line,
                    "category.duplicate-id",
                    "id",
                    {"id": category.id, "first_line": seen[category.id]},
                )
            )
            continue
        seen[category.id] = item.line
        categories.append(category)
    return tuple(categories), problems


def load_directory(
    docs_dir: Path,
    docs_rel: str,
    services_dir: str = "danh-ba",
    categories_file: str = "categories.yml",
) -> tuple[Directory, list[Problem]]:
    """Read every ``*.yml``/``*.yaml`` file in ``docs_dir/services_dir`` and the categories.

    Args:
        docs_dir: the MkDocs ``docs_dir``.
        docs_rel: ``docs_dir`` relative to the repository, for messages.
        services_dir: folder of service files, relative to ``docs_dir``.
        categories_file: categories list, relative to ``docs_dir``.

    Returns:
        The directory of every valid entry and the problems of every invalid one. The caller must
        stop the build when any problem is an error: an invalid entry is never left out quietly.
    """
    categories, problems = load_categories(docs_dir, docs_rel, categories_file)
    context = {"categories": [c.id for c in categories]}
    entries: list[ServiceEntry] = []
    seen: dict[str, str] = {}
    folder = docs_dir / services_dir
    files = (
        sorted(
            p for p in folder.rglob("*") if p.suffix.lower() in (".yml", ".yaml") and p.is_file()
        )
        if folder.is_dir()
        else []
    )
    for path in files:
        source = path.relative_to(docs_dir).as_posix()
        rel = repo_path(docs_rel, source)
        node, file_problems = read_yaml(path, rel)
        if file_problems:
            problems.extend(file_problems)
            continue
        service, file_problems = validate(Service, node, rel, context=context)
        problems.extend(file_problems)
        entry_id = page_for_data_file(path.relative_to(folder).as_posix()).removesuffix(".md")
        if entry_id in seen:
            problems.append(
                Problem(
                    rel,
                    None,
                    "service.duplicate-id",
                    params={"id": entry_id, "other": seen[entry_id]},
                )
            )
            continue
        seen[entry_id] = rel
        if service is not None:
            entries.append(ServiceEntry(entry_id, source, service))
    return Directory(categories, tuple(entries)), problems
