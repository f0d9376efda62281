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

from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import BeforeValidator, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from langso.directory.fields import (
    Address,
    Coordinates,
    Payment,
    PhoneNumber,
    Verification,
    VietQR,
    _payment,
    parse_coordinates,
)
from langso.directory.hours import (
    WEEKDAY_NAMES,
    OpeningRow,
    Season,
    Time,
    closing,
    schedule_json,
    shown_hours,
)
from langso.geography import check_unit
from langso.phones import Phone
from langso.schema import (
    Model,
    Text,
    YesNo,
    invalid,
)
from langso.text import fold
from langso.weburl import bad_url_characters, named_characters

__all__ = ["Service"]


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
        bad = bad_url_characters(value.strip())
        if bad:
            names_vi, names_en = named_characters(bad)
            raise invalid(
                f"địa chỉ trang web `{value.strip()}` có ký tự không được có trong địa chỉ: "
                f"{names_vi}",
                f"the web address `{value.strip()}` holds characters no address may hold: "
                f"{names_en}",
                "xóa các ký tự đó, hoặc mã hóa chúng (dấu cách viết là %20); tốt nhất là chép lại "
                "địa chỉ từ thanh địa chỉ của trình duyệt",
                "remove them, or percent-encode them (a space is %20); best, copy the address "
                "again from the browser's address bar",
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
    location: Annotated[Coordinates, BeforeValidator(parse_coordinates)] | None = Field(
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
