"""The parts of a directory entry, each typed from the text a volunteer writes: phone numbers,
coordinates and addresses, categories, payment methods and the VietQR account, the verification
record (``xac_minh``). :class:`langso.directory.model.Service` puts them together.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, ValidationInfo, field_validator, model_validator

from langso.geography import VIETNAM_BOUNDS, country_of
from langso.phones import Phone, PhoneError, parse_phone
from langso.schema import (
    Model,
    Text,
    invalid,
    parse_date,
)
from langso.text import fold, slugify, strip_accents
from langso.vietqr import BANKS, VietQRAccount, vietqr_payload

__all__ = [
    "EMERGENCY_NUMBERS",
    "PAYMENT_METHODS",
    "VERIFIER_ROLES",
    "Address",
    "Category",
    "Coordinates",
    "Payment",
    "Verification",
    "VietQR",
    "parse_coordinates",
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


def parse_coordinates(value: object) -> object:
    """``toa_do`` text (``'19.9810, 105.6420'``: latitude first, degrees WGS 84, a comma or a
    semicolon between) as :class:`Coordinates`; any other value unchanged (for a pydantic
    ``BeforeValidator``). Used by the directory, by pages' front matter and by walking tours.

    Raises:
        pydantic_core.PydanticCustomError: (:func:`langso.schema.invalid`, bilingual with a fix)
            not two numbers; longitude written first; a point outside Viet Nam.
    """
    if not isinstance(value, str):
        return value
    match = _COORDS.match(value)
    if not match:
        _raise_if_misread(value)
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


_NUMBER = r"-?\d+(?:[.,]\d+)?"
_LOOSE_COORDS = re.compile(
    rf"^({_NUMBER})(?:\s*°)?(?:\s*[Nn])?(\s*[,;]\s*|\s+)({_NUMBER})(?:\s*°)?(?:\s*[Ee])?$"
)
"""Two numbers as a phone user may type them: decimal commas (``19,9795``), a space alone
between them (``19,9795 105,6460``), a comma or semicolon with spaces around it, a degree
sign and ``N``/``E`` (``19.9795° N, 105.6460° E``, as map apps copy them). Read after NFKC
and with quotes or brackets around the whole value taken off."""
_WRAPPERS = "'\"‘’“”`()[]{}«»‹›"
"""Marks a phone puts around a value (curly quotes from autocorrect, brackets from a map app)."""


def _raise_if_misread(value: str) -> None:
    """Name why ``value`` (not two plain numbers) cannot be read, when the cause is sure, and
    give the corrected line to copy: full-width digits or punctuation (``１９．９７``, ``，``:
    a phone's Chinese or Japanese keyboard; read with NFKC), decimal commas
    (``19,9822, 105,6431``, ``19,9795 105,6460``, ``19,9795; 105,6460``), a space alone
    between the numbers, quotes or brackets around them, degree signs. The corrected value is
    only suggested, never accepted silently: :func:`parse_coordinates` still raises.

    Raises:
        pydantic_core.PydanticCustomError: when a cause is found; nothing otherwise.
    """
    causes_vi: list[str] = []
    causes_en: list[str] = []
    text = unicodedata.normalize("NFKC", value)
    odd = "".join(dict.fromkeys(c for c in value if unicodedata.normalize("NFKC", c) != c))
    if odd:
        shown = ", ".join(f"`{c}`" for c in odd)
        causes_vi.append(
            f"có chữ số hoặc dấu kiểu toàn khổ ({shown}, thường do bàn phím tiếng Trung/Nhật "
            "trên điện thoại)"
        )
        causes_en.append(
            f"it has full-width digits or punctuation ({shown}, usually from a phone's Chinese "
            "or Japanese keyboard)"
        )
    inner = text.strip().strip(_WRAPPERS + " \t").strip()
    match = _LOOSE_COORDS.match(inner)
    if match is None:
        return
    stray = "".join(dict.fromkeys(c for c in text.strip() if c in _WRAPPERS))
    if stray:
        shown = ", ".join(f"`{c}`" for c in stray)
        causes_vi.append(f"có dấu thừa quanh hai số ({shown})")
        causes_en.append(f"it has marks around the numbers ({shown})")
    comma = next((number for number in (match[1], match[3]) if "," in number), None)
    if comma is not None:
        causes_vi.append(
            f"dùng dấu phẩy thập phân ({comma}): dấu phẩy chỉ dùng để ngăn vĩ độ với kinh độ, "
            "số lẻ viết bằng dấu chấm"
        )
        causes_en.append(
            f"it uses decimal commas ({comma}): the comma only separates the latitude from the "
            "longitude, decimals take a point"
        )
    if not match[2].strip():
        causes_vi.append("giữa vĩ độ và kinh độ thiếu dấu phẩy")
        causes_en.append("there is no comma between the latitude and the longitude")
    if inner != match[1] + match[2] + match[3]:
        causes_vi.append("có ký hiệu độ hoặc chữ N, E (chỉ viết hai con số)")
        causes_en.append("it has degree signs or the letters N, E (write the two numbers only)")
    if not causes_vi:
        return
    corrected = f"{match[1].replace(',', '.')}, {match[3].replace(',', '.')}"
    raise invalid(
        f"tọa độ `{value}` không đọc được: " + "; ".join(causes_vi),
        f"the coordinates `{value}` cannot be read: " + "; ".join(causes_en),
        f"viết lại bằng chữ số và dấu chấm thường, chép dòng này: `toa_do: '{corrected}'`",
        f"write them with plain digits and a decimal point; copy this line: "
        f"`toa_do: '{corrected}'`",
    )


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


EMERGENCY_NUMBERS = {
    "111": "bảo vệ trẻ em",
    "112": "tìm kiếm cứu nạn",
    "113": "công an",
    "114": "cứu hỏa",
    "115": "cấp cứu",
}
"""The national emergency numbers a category may give as ``khan_cap`` (free, 24/7, no area code;
Thông tư 22/2014/TT-BTTTT, the national numbering plan: 113 police, 114 fire and rescue, 115 medical
emergency, 112 search and rescue, 111 child protection), with who answers."""


def _emergency(value: object) -> object:
    """``khan_cap`` as the number's text: ``113`` typed without quotes is read as the integer."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str) and value.strip() in EMERGENCY_NUMBERS:
        return value.strip()
    listing = ", ".join(f"'{n}' ({who})" for n, who in EMERGENCY_NUMBERS.items())
    raise invalid(
        f"`{value}` không phải số khẩn cấp quốc gia",
        f"`{value}` is not a national emergency number",
        f"dùng một trong: {listing}, hoặc xóa dòng `khan_cap`",
        "use one of 111 (child protection), 112 (search and rescue), 113 (police), "
        "114 (fire), 115 (ambulance), or delete the `khan_cap` line",
    )


class Category(Model):
    """A directory category; the order of ``categories.yml`` is the display order.

    ``khan_cap`` (an emergency number of :data:`EMERGENCY_NUMBERS`, as text) marks a category
    whose places a reader may need urgently — police, health, fire: each of its places shows
    "Khẩn cấp gọi 113" as a ``tel:`` link beside the "open now" badge, on its page and in the
    lists, so "Đang đóng cửa" never reads as "no one can be reached".
    """

    id: Text = Field(description="Mã ASCII, ví dụ `y-te`. / An ASCII id.")
    name: Text = Field(alias="ten", description="Tên hiển thị, ví dụ `Y tế`. / The name shown.")
    icon: Text | None = Field(
        None,
        alias="bieu_tuong",
        max_length=8,
        description="Một biểu tượng emoji, ví dụ `🏥`. / One emoji.",
    )
    emergency: Annotated[str, BeforeValidator(_emergency)] | None = Field(
        None,
        alias="khan_cap",
        description="Số khẩn cấp quốc gia cho các nơi thuộc loại này, ví dụ `'113'` cho công "
        "an, `'115'` cho y tế, `'114'` cho cứu hỏa: trang và danh sách hiện nút \"Khẩn cấp gọi "
        '113" cạnh giờ mở cửa, để "Đang đóng cửa" không bị hiểu là không liên lạc được. / '
        "A national emergency number for this category's places (e.g. `'113'` police, `'115'` "
        "health, `'114'` fire), shown as a \"call in an emergency\" link beside the opening "
        'badge, so "closed" never reads as "unreachable".',
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
