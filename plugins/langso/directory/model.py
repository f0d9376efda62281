"""The services directory: one YAML file per service, categories in a list file.

A service file (every key ASCII Vietnamese; only ``ten`` and ``loai`` are required)::

    ten: 'Trạm Y tế xã Yên Định'
    loai: 'y-te'
    mo_ta: 'Khám chữa bệnh ban đầu, tiêm chủng.'
    dich_vu: ['Khám bệnh', 'Tiêm chủng']
    dia_chi:
      thon: 'Là Thôn'
      chi_tiet: 'gần nhà văn hóa'
    toa_do: '19.9810, 105.6420'
    dien_thoai: '0300 000 001'
    zalo: '0300 000 001'
    website: 'https://example.gov.vn'
    gio_mo_cua:
      - ngay: 'T2-T6'
        gio: '7:00-11:30, 13:30-17:00'
    thanh_toan: ['tiền mặt', 'VietQR']
    ghi_chu: 'Ngoài giờ, khi cấp cứu gọi 115.'
    xac_minh:
      ngay: '2026-05-01'
      vai_tro: 'Tổ công nghệ số cộng đồng'
    du_lieu_mau: 'có'

Every value is kept and displayed as typed; parsing only checks it and derives links (``tel:``,
Zalo, map, VietQR). The schema reference in ``docs/`` is generated from these models.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import BeforeValidator, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from langso.cache import Recall, digest
from langso.directory.hours import (
    WEEKDAY_NAMES,
    OpeningRow,
    Season,
    Time,
    closing,
    schedule_json,
    shown_hours,
)
from langso.geography import VIETNAM_BOUNDS, check_unit, country_of
from langso.paths import page_for_data_file, repo_path
from langso.phones import Phone, PhoneError, parse_phone
from langso.problems import Problem
from langso.schema import (
    Model,
    Text,
    YesNo,
    compose_yaml,
    decode_text,
    invalid,
    parse_date,
    read_yaml,
    validatable,
    validate,
)
from langso.text import fold, index_letter, slugify, sort_key, strip_accents
from langso.vietqr import BANKS, VietQRAccount, vietqr_payload
from langso.village import Village
from langso.yamlsource import Mapping, Node, Scalar, Sequence, describe, line_of

__all__ = [
    "PAYMENT_METHODS",
    "VERIFIER_ROLES",
    "Address",
    "Category",
    "Coordinates",
    "Directory",
    "Payment",
    "Service",
    "ServiceEntry",
    "Verification",
    "VietQR",
    "describes_payment",
    "load_directory",
]

# --- phones -----------------------------------------------------------------------------------


def _phone(value: object) -> object:
    if not isinstance(value, str):
        return value
    if re.search(r"\d\s*[,;/]\s*\+?\d", value) and not re.search(r"[A-Za-z]", value):
        raise invalid(
            f"`{value.strip()}` có vẻ là nhiều số điện thoại viết chung một dòng",
            f"`{value.strip()}` looks like several phone numbers on one line",
            "viết thành danh sách, mỗi số một dòng bắt đầu bằng `- `, trong dấu nháy",
            "write a list: one number per line starting with `- `, in quotes",
        )
    try:
        return parse_phone(value)
    except PhoneError:
        raise invalid(
            f"số điện thoại `{value.strip()}` không đúng dạng số Việt Nam",
            f"`{value.strip()}` is not a Vietnamese phone number",
            "viết di động 10 số bắt đầu bằng 0 (ví dụ '0912 345 678'), số bàn 11 số "
            "(ví dụ '0237 3721 150') hoặc số khẩn cấp 111–115, trong dấu nháy",
            "write a 10-digit mobile starting with 0 (e.g. '0912 345 678'), an 11-digit "
            "landline (e.g. '0237 3721 150') or an emergency number 111–115, in quotes",
        ) from None


PhoneNumber = Annotated[Phone, BeforeValidator(_phone)]

# --- places -----------------------------------------------------------------------------------

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


def _in_bounds(lat: float, lon: float) -> bool:
    (lat_min, lat_max), (lon_min, lon_max) = VIETNAM_BOUNDS["lat"], VIETNAM_BOUNDS["lon"]
    return lat_min <= lat <= lat_max and lon_min <= lon <= lon_max


def _coordinates(value: object) -> object:
    if not isinstance(value, str):
        return value
    match = _COORDS.match(value)
    if not match:
        raise invalid(
            f"tọa độ `{value}` không đúng dạng",
            f"`{value}` is not a pair of coordinates",
            "viết 'vĩ độ, kinh độ', ví dụ '19.9810, 105.6420' (chép từ bản đồ)",
            "write 'latitude, longitude', e.g. '19.9810, 105.6420' (copied from a map)",
        )
    lat, lon = float(match.group(1)), float(match.group(2))
    if not _in_bounds(lat, lon) and _in_bounds(lon, lat):
        raise invalid(
            f"tọa độ `{value}` có vẻ bị đảo (kinh độ viết trước vĩ độ)",
            f"the coordinates `{value}` look swapped (longitude before latitude)",
            f"viết vĩ độ trước: '{match.group(2)}, {match.group(1)}'",
            f"write the latitude first: '{match.group(2)}, {match.group(1)}'",
        )
    country = country_of(lat, lon) if _in_bounds(lat, lon) else None
    if country != "VN":
        raise invalid(
            f"tọa độ `{value}` nằm ngoài Việt Nam",
            f"the coordinates `{value}` are outside Viet Nam",
            "chép lại tọa độ từ bản đồ (nhấn giữ vào địa điểm để thấy 'vĩ độ, kinh độ')",
            "copy the coordinates again from a map (long-press the place to see them)",
        )
    return Coordinates(text=value.strip(), lat=lat, lon=lon)


class Address(Model):
    """Where the service is. ``xa`` and ``tinh`` default to the village's."""

    hamlet: Text | None = Field(
        None, alias="thon", description="Thôn/xóm/làng, ví dụ `Là Thôn`. / The hamlet."
    )
    detail: Text | None = Field(
        None,
        alias="chi_tiet",
        description="Số nhà, đường hoặc mốc dễ tìm. / House number, road or landmark.",
    )
    commune: Text | None = Field(
        None,
        alias="xa",
        description="Xã/phường hiện nay, nếu khác xã của làng. / "
        "The commune today, if not the village's.",
    )
    province: Text | None = Field(
        None,
        alias="tinh",
        description="Tỉnh, nếu khác tỉnh của làng. / The province, if not the village's.",
    )
    former_commune: Text | None = Field(
        None,
        alias="xa_cu",
        description="Xã trước 01/07/2025, nếu khác của làng. / "
        "The commune before 1 July 2025, if not the village's.",
    )
    former_district: Text | None = Field(
        None,
        alias="huyen_cu",
        description="Huyện trước 01/07/2025, nếu khác của làng. / "
        "The district before 1 July 2025, if not the village's.",
    )


class Category(Model):
    """A directory category; the order of ``categories.yml`` is the display order."""

    id: Text = Field(description="Mã ASCII, ví dụ `y-te`. / An ASCII id.")
    name: Text = Field(alias="ten", description="Tên hiển thị, ví dụ `Y tế`. / The name shown.")
    icon: Text | None = Field(
        None,
        alias="bieu_tuong",
        max_length=8,
        description="Một biểu tượng emoji, ví dụ `🏥`. / One emoji.",
    )

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
        if value == "theo-ten" or value.startswith("thanh-toan-"):
            # The directory's own listing pages live in these folders (langso.directory.render).
            raise invalid(
                f"mã `{value}` trùng tên trang danh bạ tự tạo (theo tên, theo cách trả tiền)",
                f"id `{value}` is taken by a page the directory makes (by name, by payment)",
                "đặt mã khác; cách trả tiền ghi vào `thanh_toan` của từng nơi",
                "choose another id; how a place takes payment goes in its `thanh_toan`",
            )
        return value


# --- payments ---------------------------------------------------------------------------------

# Typographic punctuation a phone keyboard or word processor inserts, as its ASCII form.
_TYPOGRAPHY = str.maketrans(
    {"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "..."}
)

Payment = Literal["tien-mat", "chuyen-khoan", "vietqr", "vi-dien-tu", "the"]
PAYMENT_METHODS: dict[str, str] = {
    "tien-mat": "Tiền mặt",
    "chuyen-khoan": "Chuyển khoản ngân hàng",
    "vietqr": "Quét mã VietQR",
    "vi-dien-tu": "Ví điện tử",
    "the": "Thẻ ngân hàng",
}
"""Payment methods by id (``thanh_toan: [tien-mat, vietqr, the]``), with their Vietnamese label.
How a place takes payment is this field, never its category: a motorbike repair shop that takes
VietQR is ``loai: sua-xe`` with ``thanh_toan: [tien-mat, vietqr]``."""
_PAYMENT_WORDS = {
    "tien mat": "tien-mat",
    "chuyen khoan": "chuyen-khoan",
    "chuyen khoan ngan hang": "chuyen-khoan",
    "vietqr": "vietqr",
    "viet qr": "vietqr",
    "qr": "vietqr",
    "ma qr": "vietqr",
    "quet ma qr": "vietqr",
    "vi dien tu": "vi-dien-tu",
    "the": "the",
    "the ngan hang": "the",
    "the atm": "the",
    "quet the": "the",
    "pos": "the",
}


def _payment(value: object) -> object:
    if not isinstance(value, str):
        return value
    method = _PAYMENT_WORDS.get(fold(value).replace("-", " "))
    if method is None:
        raise invalid(
            f"không rõ cách thanh toán `{value}`",
            f"unknown payment method `{value}`",
            "dùng: 'tiền mặt', 'chuyển khoản', 'VietQR', 'ví điện tử' hoặc 'thẻ'",
            "use: 'tiền mặt' (cash), 'chuyển khoản' (transfer), 'VietQR', 'ví điện tử' "
            "(e-wallet) or 'thẻ' (bank card)",
        )
    return method


class VietQR(Model):
    """A bank account that customers pay by scanning a VietQR code (NAPAS, EMVCo MPM)."""

    bank_bin: Text = Field(
        alias="ngan_hang",
        description="Mã BIN 6 số của ngân hàng, ví dụ `970405` (Agribank). / "
        "The bank's 6-digit BIN.",
    )
    account_number: Text = Field(
        alias="so_tai_khoan", description="Số tài khoản. / The account number."
    )
    account_name: Text | None = Field(
        None,
        alias="chu_tai_khoan",
        description="Tên chủ tài khoản, để khách đối chiếu. / "
        "The account holder's name, for payers to compare.",
    )
    purpose: Text | None = Field(
        None,
        alias="noi_dung",
        description="Nội dung chuyển khoản gợi ý (không dấu). / "
        "A suggested transfer note (no accents).",
    )

    @field_validator("bank_bin")
    @classmethod
    def _six_digit_bin(cls, value: str) -> str:
        if re.fullmatch(r"\d{6}", value):
            return value
        by_name = {fold(name): code for code, name in BANKS.items()}
        known = by_name.get(fold(value))
        listing = ", ".join(f"{name} {code}" for code, name in BANKS.items())
        raise invalid(
            f"`{value}` không phải mã BIN 6 số của ngân hàng",
            f"`{value}` is not a bank's 6-digit BIN",
            f"viết `'{known}'`" if known else f"viết mã BIN, ví dụ: {listing}",
            f"write `'{known}'`" if known else f"write the BIN, e.g.: {listing}",
        )

    @field_validator("account_number")
    @classmethod
    def _account_digits(cls, value: str) -> str:
        compact = re.sub(r"[\s.\-]", "", value)
        if re.fullmatch(r"[A-Za-z0-9]{1,19}", compact):
            return compact  # spaces and dots typed for reading are not part of the number
        raise invalid(
            f"số tài khoản `{value}` phải gồm 1–19 chữ số hoặc chữ cái không dấu",
            f"the account number `{value}` must be 1–19 digits or unaccented letters",
            "chép lại số tài khoản từ ứng dụng ngân hàng",
            "copy the account number again from the bank's app",
        )

    @field_validator("purpose")
    @classmethod
    def _ascii_purpose(cls, value: str | None) -> str | None:
        if value is None:
            return None
        plain = strip_accents(value).translate(_TYPOGRAPHY)
        bad = sorted({ch for ch in plain if not " " <= ch <= "~"})
        if bad or len(plain) > 50:
            problem_vi = f"có ký tự không dùng được: {' '.join(bad)}" if bad else "dài quá 50 ký tự"
            problem_en = (
                f"has characters that cannot be used: {' '.join(bad)}"
                if bad
                else ("is longer than 50 characters")
            )
            raise invalid(
                f"nội dung chuyển khoản {problem_vi}",
                f"the transfer note {problem_en}",
                "chỉ dùng chữ, số, dấu câu thông thường (dấu tiếng Việt được tự bỏ), "
                "tối đa 50 ký tự",
                "use letters, digits and plain punctuation (accents are removed), at most 50",
            )
        return plain

    @model_validator(mode="after")
    def _payload_builds(self) -> VietQR:
        try:
            self.payload  # noqa: B018 - building it is the check
        except ValueError as error:
            raise invalid(
                f"không tạo được mã VietQR: {error}",
                f"the VietQR code cannot be made: {error}",
                "kiểm tra mã BIN 6 số của ngân hàng và số tài khoản",
                "check the 6-digit bank BIN and the account number",
            ) from None
        return self

    @property
    def bank_name(self) -> str | None:
        """Short bank name for known BINs."""
        return BANKS.get(self.bank_bin)

    @property
    def payload(self) -> str:
        """The EMVCo payload the QR code holds (static: the payer types the amount)."""
        account = VietQRAccount(self.bank_bin, self.account_number, self.account_name)
        return vietqr_payload(account, purpose=self.purpose)


# --- verification -----------------------------------------------------------------------------

VERIFIER_ROLES = (
    "Tổ công nghệ số cộng đồng",
    "Trưởng thôn",
    "Cán bộ xã",
    "Chủ cơ sở",
    "Tình nguyện viên",
)
"""Who may have verified an entry: a role, never a personal name."""


def _role(value: object) -> object:
    if not isinstance(value, str):
        return value
    for role in VERIFIER_ROLES:
        if fold(role) == fold(value):
            return role
    listing = ", ".join(f"'{r}'" for r in VERIFIER_ROLES)
    raise invalid(
        f"`{value}` không phải một vai trò trong danh sách (không ghi tên người)",
        f"`{value}` is not one of the roles (never a person's name)",
        f"dùng một trong: {listing}",
        f"use one of: {listing}",
    )


class Verification(Model):
    """When the entry was last checked, and by whom (a role, never a name)."""

    date: Annotated[dt.date, BeforeValidator(parse_date)] = Field(
        alias="ngay",
        description="Ngày kiểm tra gần nhất, ví dụ `01/05/2026`. / The day of the last check.",
    )
    role: Annotated[str, BeforeValidator(_role)] = Field(
        alias="vai_tro",
        description="Vai trò người kiểm tra: "
        + ", ".join(VERIFIER_ROLES)
        + ". / The checker's role.",
    )

    @field_validator("date")
    @classmethod
    def _not_in_future(cls, value: dt.date, info: ValidationInfo) -> dt.date:
        today: dt.date | None = (info.context or {}).get("today")
        if today is not None and value > today:
            raise invalid(
                f"ngày kiểm tra {value:%d/%m/%Y} ở tương lai",
                f"the verification date {value:%d/%m/%Y} is in the future",
                "ghi ngày đã thực sự kiểm tra",
                "write the day the entry was actually checked",
            )
        return value


# --- the entry --------------------------------------------------------------------------------


def _url(value: object) -> object:
    if isinstance(value, str):
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or "." not in parts.netloc:
            raise invalid(
                f"`{value}` không phải địa chỉ trang web",
                f"`{value}` is not a web address",
                "chép đủ địa chỉ, bắt đầu bằng https://",
                "copy the whole address, starting with https://",
            )
        return value.strip()
    return value


def _no_overlap(rows: tuple[OpeningRow, ...], field: str) -> None:
    """Each weekday in one row only: otherwise the table and the "open now" badge disagree.

    A row for every day (``hằng ngày``) may be followed by exceptions (``CN: nghỉ``), which
    replace it for their days, as a reader of the table understands it.
    """
    seen: dict[int, int] = {}
    for index, row in enumerate(rows):
        every_day = len(row.days.weekdays) == 7
        for day in row.days.weekdays:
            if day in seen and len(rows[seen[day]].days.weekdays) < 7 and not every_day:
                name = WEEKDAY_NAMES[day]
                raise invalid(
                    f"{name} có ở cả dòng {seen[day] + 1} và dòng {index + 1} của `{field}`",
                    f"{name} is in both row {seen[day] + 1} and row {index + 1} of `{field}`",
                    "mỗi ngày chỉ ghi ở một dòng; ghi mọi khoảng giờ của ngày đó vào dòng ấy, "
                    "ví dụ '7:00-11:30, 13:30-17:00'",
                    "give each day in one row only, with all its ranges, e.g. "
                    "'7:00-11:30, 13:30-17:00'",
                    field=f"{field}.{index}.ngay",
                )
            seen[day] = index


def _vietqr_unlisted(has_payments: bool) -> PydanticCustomError:
    """The error for a ``vietqr`` account that ``thanh_toan`` does not list."""
    return invalid(
        "có `vietqr` nhưng `thanh_toan` không có VietQR",
        "`vietqr` is given but `thanh_toan` does not list VietQR",
        "thêm 'VietQR' vào `thanh_toan`",
        "add 'VietQR' to `thanh_toan`",
        field="thanh_toan" if has_payments else "vietqr",
    )


def _one_or_many(value: object) -> object:
    return [value] if isinstance(value, str) else value


class Service(Model):
    """One entry of the services directory (one YAML file)."""

    name: Text = Field(
        alias="ten", description="Tên dịch vụ hoặc nơi chốn. / The service's or place's name."
    )
    category: Text = Field(
        alias="loai",
        description="Mã loại trong `categories.yml`. / A category id from `categories.yml`.",
    )
    description: Text | None = Field(
        None, alias="mo_ta", description="Mô tả ngắn. / A short description."
    )
    offers: Annotated[tuple[Text, ...], BeforeValidator(_one_or_many)] = Field(
        (),
        alias="dich_vu",
        description="Các việc làm được ở đây, mỗi việc một dòng. / "
        "What can be done here, one per line.",
    )
    address: Address | None = Field(None, alias="dia_chi", description="Địa chỉ. / The address.")
    location: Annotated[Coordinates, BeforeValidator(_coordinates)] | None = Field(
        None,
        alias="toa_do",
        description="'vĩ độ, kinh độ' chép từ bản đồ, trong Việt Nam. / "
        "Latitude and longitude copied from a map.",
    )
    phones: Annotated[tuple[PhoneNumber, ...], BeforeValidator(_one_or_many)] = Field(
        (),
        alias="dien_thoai",
        description="Một hoặc nhiều số điện thoại, trong dấu nháy. / "
        "One or more quoted phone numbers.",
    )
    shared_phone: YesNo = Field(
        False,
        alias="so_dung_chung",
        description="`có` nếu số điện thoại dùng chung với nơi khác (không cảnh báo trùng). / "
        "`có` if the number is shared with another entry (no duplicate warning).",
    )
    zalo: PhoneNumber | None = Field(
        None, description="Số điện thoại dùng Zalo. / The Zalo phone number."
    )
    website: Annotated[str, BeforeValidator(_url)] | None = Field(
        None, description="Trang web, bắt đầu bằng https://. / A website starting with https://."
    )
    hours: tuple[OpeningRow, ...] = Field(
        (),
        alias="gio_mo_cua",
        description="Các dòng `ngay` + `gio` (lịch thường ngày). / Rows of days and hours.",
    )
    summer: Season | None = Field(
        None,
        alias="mua_he",
        description="Lịch mùa hè: `tu`, `den`, `gio_mo_cua`. / The summer schedule.",
    )
    opens: Time | None = Field(
        None,
        alias="mo_cua",
        description="Giờ mở cửa mọi ngày (dùng cùng `dong_cua`). / Opening time every day.",
    )
    closes: Time | None = Field(
        None,
        alias="dong_cua",
        description="Giờ đóng cửa mọi ngày (dùng cùng `mo_cua`). / Closing time every day.",
    )
    hours_note: Text | None = Field(
        None,
        alias="ghi_chu_gio",
        description="Ghi chú về giờ, ví dụ ngày lễ. / A note on the hours, e.g. holidays.",
    )
    payments: Annotated[
        tuple[Annotated[Payment, BeforeValidator(_payment)], ...], BeforeValidator(_one_or_many)
    ] = Field(
        (),
        alias="thanh_toan",
        description="Cách trả tiền: `tien-mat`, `chuyen-khoan`, `vietqr`, `vi-dien-tu`, `the` "
        "(viết có dấu cũng được: 'tiền mặt', 'thẻ'). / How customers can pay.",
    )
    vietqr: VietQR | None = Field(
        None, description="Tài khoản nhận tiền qua VietQR. / The account paid by VietQR."
    )
    note: Text | None = Field(None, alias="ghi_chu", description="Ghi chú. / A note.")
    verified: Verification | None = Field(
        None,
        alias="xac_minh",
        description="Lần kiểm tra gần nhất: `ngay`, `vai_tro`. / The last check: day and role.",
    )
    sample: YesNo = Field(
        False,
        alias="du_lieu_mau",
        description="`có` nếu là dữ liệu mẫu. / `có` if this is sample data.",
    )

    @field_validator("zalo")
    @classmethod
    def _zalo_is_mobile(cls, value: Phone | None) -> Phone | None:
        if value is not None and not value.is_mobile:
            raise invalid(
                f"`{value.typed}` không phải số di động; tài khoản Zalo là một số di động",
                f"`{value.typed}` is not a mobile number; a Zalo account is a mobile number",
                "ghi số di động 10 số dùng Zalo, ví dụ '0912 345 678'",
                "write the 10-digit mobile number used for Zalo, e.g. '0912 345 678'",
            )
        return value

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
    def _consistent(self, info: ValidationInfo) -> Service:
        self._check_hours()
        for index, phone in enumerate(self.phones):
            if phone.is_sample and not self.sample:
                raise invalid(
                    f"`{phone.typed}` là số mẫu (dãy 0300 000 …), không phải số thật",
                    f"`{phone.typed}` is a sample number (the 0300 000 … range), not a real one",
                    "ghi số điện thoại thật; số mẫu chỉ dùng khi `du_lieu_mau: có`",
                    "write the real number; sample numbers only with `du_lieu_mau: có`",
                    field=f"dien_thoai.{index}" if len(self.phones) > 1 else "dien_thoai",
                )
            if not phone.assigned and not self.sample:
                raise invalid(
                    f"số `{phone.typed}` chưa được cấp cho nhà mạng nào",
                    f"`{phone.typed}` is not in any carrier's range",
                    "kiểm tra lại số; số giả chỉ dùng khi `du_lieu_mau: có`",
                    "check the number; made-up numbers only with `du_lieu_mau: có`",
                    field=f"dien_thoai.{index}" if len(self.phones) > 1 else "dien_thoai",
                )
        if self.vietqr and "vietqr" not in self.payments:
            raise _vietqr_unlisted(bool(self.payments))
        village = (info.context or {}).get("village")
        if self.address is not None and village is not None:
            former = village.former_commune
            if self.address.commune and former and fold(self.address.commune) == fold(former):
                raise invalid(
                    f"`{self.address.commune}` là tên xã trước 01/07/2025; "
                    f"nay là {village.commune}",
                    f"`{self.address.commune}` is the commune's name before 01/07/2025; now "
                    f"{village.commune}",
                    f"xóa dòng `xa` (mặc định {village.commune}) và ghi tên cũ vào `xa_cu`",
                    f"delete the `xa` line (it defaults to {village.commune}) and put the old "
                    "name in `xa_cu`",
                    field="dia_chi.xa",
                )
            commune = self.address.commune or village.commune
            province = self.address.province or village.province
            if self.address.commune or self.address.province:
                check_unit(commune, province, field_prefix="dia_chi.")
        return self

    @classmethod
    def despite_errors(cls, data: Any, context: dict[str, Any] | None) -> list[Any]:
        """The ``vietqr``-without-``thanh_toan`` check when another field is wrong (issue 12);
        made only when every ``thanh_toan`` item is a known method, else that is the mistake."""
        if not isinstance(data, dict) or data.get("vietqr") is None:
            return []
        typed = _one_or_many(data.get("thanh_toan") or [])
        try:
            methods = [_payment(item) for item in typed] if isinstance(typed, list) else None
        except PydanticCustomError:
            return []
        if methods is None or "vietqr" in methods:
            return []
        return [_vietqr_unlisted(bool(methods))]

    def _check_hours(self) -> None:
        _no_overlap(self.hours, "gio_mo_cua")
        if self.summer:
            _no_overlap(self.summer.rows, "mua_he.gio_mo_cua")
        opens, closes = self.opens, self.closes
        if (opens is None) != (closes is None):
            raise invalid(
                "`mo_cua` và `dong_cua` phải đi cùng nhau",
                "`mo_cua` (opens) and `dong_cua` (closes) go together",
                "thêm dòng còn thiếu, hoặc dùng `gio_mo_cua`",
                "add the missing one, or use `gio_mo_cua`",
                field="mo_cua" if opens is not None else "dong_cua",
            )
        if opens is None or closes is None:
            if self.summer and not self.hours:
                raise invalid(
                    "có lịch `mua_he` nhưng thiếu lịch thường ngày `gio_mo_cua`",
                    "`mua_he` is given without the usual `gio_mo_cua`",
                    "thêm `gio_mo_cua` cho các tháng còn lại",
                    "add `gio_mo_cua` for the rest of the year",
                    field="mua_he",
                )
            return
        if self.hours or self.summer:
            raise invalid(
                "đã có `gio_mo_cua` thì không dùng `mo_cua`/`dong_cua`",
                "`mo_cua`/`dong_cua` cannot be used together with `gio_mo_cua`",
                "giữ một cách ghi giờ",
                "keep one way of giving the hours",
                field="mo_cua",
            )
        # The same rule as a `gio` range: past midnight, or a 12-hour clock slip.
        closing(opens.minutes, closes.minutes, f"{opens.text}-{closes.text}", field="dong_cua")

    @property
    def opening_rows(self) -> tuple[tuple[str, str], ...]:
        """``(days, hours)`` rows of the usual schedule, exactly as typed."""
        if self.opens and self.closes:
            return (("Hằng ngày", f"{self.opens.text} – {self.closes.text}"),)
        return tuple((row.days.text, row.hours.text) for row in self.hours)

    @property
    def opening_table(self) -> tuple[tuple[str, str], ...]:
        """:attr:`opening_rows` as the page shows them: hours past midnight say so."""
        if self.opens and self.closes:
            overnight = self.closes.minutes <= self.opens.minutes
            return (("Hằng ngày", shown_hours(self.opening_rows[0][1], overnight)),)
        return tuple((row.days.text, row.hours.shown) for row in self.hours)

    @property
    def summer_table(self) -> tuple[tuple[str, str], ...]:
        """:attr:`summer_rows` as the page shows them: hours past midnight say so."""
        return tuple((r.days.text, r.hours.shown) for r in self.summer.rows) if self.summer else ()

    @property
    def summer_rows(self) -> tuple[tuple[str, str], ...]:
        """``(days, hours)`` rows of the summer schedule, exactly as typed."""
        return tuple((r.days.text, r.hours.text) for r in self.summer.rows) if self.summer else ()

    def schedule(self) -> dict[str, Any] | None:
        """The machine-readable schedule for the "open now" badge, or ``None`` without hours."""
        if self.opens and self.closes:
            closes = closing(self.opens.minutes, self.closes.minutes, "")
            week = {str(d): [[self.opens.minutes, closes]] for d in range(1, 8)}
            return {"week": week, "summer": None}
        if not self.hours:
            return None
        return schedule_json(self.hours, self.summer)


@dataclass(frozen=True)
class ServiceEntry:
    """A validated service and where it came from.

    Attributes:
        id: ASCII slug from the file name; the page is ``<services_dir>/<id>.md``.
        source: the YAML path relative to ``docs_dir`` (``danh-ba/tram-y-te.yml``).
        rel: the YAML path relative to the repository, for messages.
        service: the validated content.
        node: the composed YAML, for the line of any field.
    """

    id: str
    source: str
    rel: str
    service: Service
    node: Node = field(compare=False, repr=False)

    @cached_property
    def page(self) -> str:
        """``src_uri`` of the entry's generated page."""
        return page_for_data_file(self.source)

    @cached_property
    def data(self) -> dict[str, Any]:
        """The service as JSON data (``model_dump(mode="json")``), made once; do not change it."""
        return self.service.model_dump(mode="json")

    @cached_property
    def fingerprint(self) -> str:
        """A digest of the entry's file name and content: what its outputs' keys hold."""
        return digest(self.source, self.data)

    def line(self, *loc: str | int) -> int | None:
        """Line of the value at ``loc`` in the source file."""
        return line_of(self.node, loc)


@dataclass(frozen=True)
class Directory:
    """All categories and valid services."""

    categories: tuple[Category, ...]
    entries: tuple[ServiceEntry, ...]

    def sorted_entries(self) -> list[ServiceEntry]:
        """Every entry in Vietnamese alphabetical order of name (C-04)."""
        return sorted(self.entries, key=lambda e: (sort_key(e.service.name), e.id))

    def by_category(self) -> list[tuple[Category, list[ServiceEntry]]]:
        """Categories in file order with their entries in Vietnamese order; empty ones left out."""
        groups = []
        ordered = self.sorted_entries()
        for category in self.categories:
            members = [e for e in ordered if e.service.category == category.id]
            if members:
                groups.append((category, members))
        return groups

    def by_letter(self) -> list[tuple[str, list[ServiceEntry]]]:
        """Entries grouped under their index letter (``A``, ``Ă``, ``Â``, ``B`` …) in order."""
        groups: dict[str, list[ServiceEntry]] = {}
        for entry in self.sorted_entries():
            groups.setdefault(index_letter(entry.service.name), []).append(entry)
        return list(groups.items())

    def category(self, category_id: str) -> Category:
        """The category with ``category_id``; its id as name when the categories file failed
        (that failure is reported and stops the build)."""
        found = next((c for c in self.categories if c.id == category_id), None)
        return found or Category.model_construct(id=category_id, name=category_id, icon=None)


def load_categories(
    docs_dir: Path, docs_rel: str, file_name: str
) -> tuple[tuple[Category, ...], list[Problem]]:
    """Read the categories list file ``file_name`` in ``docs_dir``."""
    categories, problems, _ = _read_categories(docs_dir, docs_rel, file_name)
    return categories, problems


def _read_categories(
    docs_dir: Path, docs_rel: str, file_name: str
) -> tuple[tuple[Category, ...], list[Problem], list[str]]:
    """:func:`load_categories`, and the ids written in the file, entries that failed included:
    a service of a category whose entry is wrong is not also wrong (issue 12)."""
    rel = repo_path(docs_rel, file_name)
    node, problems = read_yaml(docs_dir / file_name, rel)
    if not validatable(node, problems):
        return (), problems, []
    assert node is not None  # validatable
    if not isinstance(node, Sequence):
        found_vi, found_en = describe(node)
        params: dict[str, Any] = {"found_vi": found_vi, "found_en": found_en}
        return (), [*problems, Problem(rel, node.line, "yaml.not-list", params=params)], []
    categories: list[Category] = []
    seen: dict[str, int] = {}
    written = [name for name in dict.fromkeys(map(_written_id, node.items)) if name]
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
        if describes_payment(category):
            params = {"id": category.id, "name": category.name}
            # Info, not a warning: old files keep building and publishing (a warning would stop
            # `mkdocs build --strict`, the publishing build, for a village that did no wrong).
            problems.append(Problem(rel, item.line, "category.payment", "id", params, "info"))
    return tuple(categories), problems, written


def _written_id(item: Node) -> str | None:
    """The ``id`` typed in a categories entry, valid or not, when it is one line of text."""
    typed = item.entries.get("id", (0, None))[1] if isinstance(item, Mapping) else None
    return typed.text.strip() if isinstance(typed, Scalar) and not typed.null else None


_PAYMENT_NAME_WORDS = ("thanh toan", "qr", "vietqr", "chuyen khoan", "tien mat", "vi dien tu")


def describes_payment(category: Category) -> bool:
    """True for a category named after how places take payment ("Cửa hàng nhận thanh toán QR",
    the sample's ``cua-hang-qr`` before 2027) rather than what they are: deprecated, since
    payment is the ``thanh_toan`` field, which the directory lists on pages of its own."""
    words = f" {fold(category.name).replace('-', ' ')} "
    return category.id == "cua-hang-qr" or any(f" {w} " in words for w in _PAYMENT_NAME_WORDS)


def load_directory(
    docs_dir: Path,
    docs_rel: str,
    services_dir: str = "danh-ba",
    categories_file: str = "categories.yml",
    *,
    village: Village | None = None,
    today: dt.date | None = None,
) -> tuple[Directory, list[Problem]]:
    """Read every ``*.yml``/``*.yaml`` file in ``docs_dir/services_dir`` and the categories.

    Args:
        docs_dir: the MkDocs ``docs_dir``.
        docs_rel: ``docs_dir`` relative to the repository, for messages.
        services_dir: folder of service files, relative to ``docs_dir``.
        categories_file: categories list, relative to ``docs_dir``.
        village: the village, whose commune and province addresses default to.
        today: the build date; verification dates after it are errors.

    Returns:
        The directory of every valid entry and the problems of every invalid one. The caller must
        stop the build when any problem is an error: an invalid entry is never left out quietly.
    """
    categories, problems, written = _read_categories(docs_dir, docs_rel, categories_file)
    context = {"categories": written, "village": village, "today": today}
    context_key = digest(
        context["categories"],
        village.model_dump(mode="json") if village is not None else None,
        today.isoformat() if today is not None else None,
    )
    _ENTRIES.new_round()
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
        entry_id = page_for_data_file(path.relative_to(folder).as_posix()).removesuffix(".md")
        if entry_id in seen:
            params = {"id": entry_id, "other": seen[entry_id]}
            problems.append(Problem(rel, None, "service.duplicate-id", params=params))
            continue
        seen[entry_id] = rel
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            problems.append(Problem(rel, None, "file.missing"))
            continue
        key = digest(context_key, entry_id, source, rel, data)
        make = partial(_service_entry, data, entry_id, source, rel, context)
        entry, file_problems = _ENTRIES.get(key, make)
        problems.extend(file_problems)
        if entry is not None:
            entries.append(entry)
    return Directory(categories, tuple(entries)), problems


_ENTRIES: Recall[tuple[ServiceEntry | None, tuple[Problem, ...]]] = Recall("service-entries")
"""Each service file's entry and problems, by a digest of its bytes, its name and the context
(categories, village, build day): ``mkdocs serve`` validates only the files that changed."""


def _service_entry(
    data: bytes, entry_id: str, source: str, rel: str, context: dict[str, Any]
) -> tuple[ServiceEntry | None, tuple[Problem, ...]]:
    """Decode, compose and validate one service file's ``data``."""
    text, problems = decode_text(data, rel)
    if text is None:
        return None, tuple(problems)
    node, read_problems = compose_yaml(text, rel)
    if not validatable(node, read_problems):
        return None, tuple(read_problems)
    # A duplicate key keeps its first value: the file's other mistakes are listed in this run too.
    service, problems = validate(Service, node, rel, context=context)
    if service is None or read_problems:
        return None, (*read_problems, *problems)
    return ServiceEntry(entry_id, source, rel, service, node), tuple(problems)
