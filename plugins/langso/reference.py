"""The content schema reference, generated from the models so that it cannot drift from them.

``python build_tools/schema_docs.py`` writes :func:`schema_markdown` to ``docs/schema.md``; a test
fails when the file is out of date.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from langso.directory.fields import Address, Category, Verification, VietQR
from langso.directory.hours import OpeningRow, Season
from langso.directory.model import Service
from langso.events.loading import EventMatter
from langso.notices.loa import BroadcastEntry, ScheduleFile
from langso.notices.loading import AttachmentEntry, NoticeFront
from langso.plaques.model import Plaque
from langso.problems import MESSAGES
from langso.tours.loading import StopEntry, TourFile
from langso.village import Village

__all__ = ["SECTIONS", "messages_markdown", "schema_markdown"]

SECTIONS: list[tuple[str, str, type[BaseModel]]] = [
    ("`village.yml`", "Làng / the village", Village),
    ("`categories.yml` (mỗi mục / each item)", "Loại dịch vụ / categories", Category),
    ("`danh-ba/*.yml`", "Một dịch vụ / one service", Service),
    ("`dia_chi`", "Địa chỉ / address", Address),
    ("`gio_mo_cua` (mỗi dòng / each row)", "Giờ mở cửa / opening hours", OpeningRow),
    ("`mua_he`", "Lịch mùa hè / summer schedule", Season),
    ("`vietqr`", "Tài khoản VietQR / VietQR account", VietQR),
    ("`xac_minh`", "Lần kiểm tra / verification", Verification),
    ("`plaques.yml` (mỗi mục / each item)", "Biển mã QR / plaques", Plaque),
    ("`thong-bao/*.md` (phần đầu trang / front matter)", "Thông báo / a notice", NoticeFront),
    ("`dinh_kem` (mỗi mục / each item)", "Tệp đính kèm / attachment", AttachmentEntry),
    ("`thong-bao/loa.yml`", "Lịch phát loa / loudspeaker schedule", ScheduleFile),
    ("`lich_phat` (mỗi mục / each item)", "Một buổi phát / one broadcast", BroadcastEntry),
    ("`lich/*.md` (phần đầu trang / front matter)", "Sự kiện / an event", EventMatter),
    ("`tuyen-tham-quan/*.yml`", "Tuyến tham quan / a walking tour", TourFile),
    ("`diem_dung` (mỗi mục / each item)", "Một điểm dừng / one stop", StopEntry),
]

# What each section is for, in Vietnamese; the model's docstring gives the English after it.
INTROS_VI: dict[type[BaseModel], str] = {
    Village: "Sổ tay này của làng nào. Mọi tên viết như trong địa chỉ.",
    Category: "Một loại trong danh bạ; thứ tự trong `categories.yml` là thứ tự hiển thị.",
    Service: "Một mục của danh bạ dịch vụ (mỗi mục một tệp YAML).",
    Address: "Dịch vụ ở đâu. `xa` và `tinh` mặc định là của làng.",
    OpeningRow: "Một dòng của `gio_mo_cua`: những ngày nào (`ngay`) và giờ nào (`gio`).",
    Season: "Lịch thay lịch thường ngày mỗi năm, từ ngày `tu` đến hết ngày `den`.",
    VietQR: "Tài khoản ngân hàng mà khách trả tiền bằng cách quét mã VietQR.",
    Verification: "Lần kiểm tra gần nhất và ai kiểm tra (ghi vai trò, không ghi tên người).",
    Plaque: "Một biển mã QR đã cấp.",
    NoticeFront: "Một thông báo của thôn: một trang Markdown trong `thong-bao/` "
    "(xem docs/dang-thong-bao.md).",
    AttachmentEntry: "Một tệp đi kèm thông báo: ảnh hay PDF trong thư mục nội dung.",
    ScheduleFile: "Giờ phát của loa truyền thanh thôn.",
    BroadcastEntry: "Một buổi phát: giờ, những ngày nào, đọc gì.",
    TourFile: "Một tuyến tham quan đi bộ: tên, lời giới thiệu và các điểm dừng theo thứ tự"
    " (xem docs/tuyen-tham-quan.md).",
    StopEntry: "Một điểm dừng của tuyến: một trang có `toa_do` (`trang`), hoặc một điểm tự do"
    " (`ten` và `toa_do`), với lời dẫn đọc tại chỗ.",
    EventMatter: "Một sự kiện của lịch: một trang Markdown trong `lich/`, nói ngày diễn ra "
    "theo một trong năm cách (xem docs/lich.md).",
}

_KINDS = {
    str: "chữ / text",
    bool: "có/không / yes-no",
    int: "số / number",
}


def _kind(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _kind(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        kinds = [_kind(a) for a in typing.get_args(annotation) if a is not type(None)]
        return " / ".join(kinds)
    if origin is tuple:
        return f"danh sách / list of {_kind(typing.get_args(annotation)[0])}"
    if origin is typing.Literal:
        return "một trong / one of " + ", ".join(f"`{a}`" for a in typing.get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        section = next((s for s in SECTIONS if s[2] is annotation), None)
        return f"nhóm / group {section[0]}" if section else "chữ / text"
    return _KINDS.get(annotation, "chữ / text")


def _row(name: str, info: FieldInfo) -> str:
    key = info.alias or name
    required = "**có / yes**" if info.is_required() else ""
    description = (info.description or "").replace("|", "\\|")
    return f"| `{key}` | {_kind(info.annotation)} | {required} | {description} |"


def messages_markdown() -> str:
    """Every message a volunteer can see, by code: what it says and how to fix it.

    Placeholders in braces (``{key}``) are filled with the file's own values.
    """
    lines = [
        "# Thông báo lỗi / Messages",
        "",
        "Tệp này được sinh tự động từ mã nguồn (`build_tools/schema_docs.py`); đừng sửa tay.",
        "*Generated from the message catalogue; do not edit by hand.*",
        "",
        "Mỗi thông báo có dạng `tệp:dòng: trường: lỗi — cách sửa`,",
        "tiếng Việt trước, tiếng Anh sau.",
        "Chữ trong ngoặc nhọn `{...}` được thay bằng giá trị thật của tệp.",
        "*Each message reads `file:line: field: problem — fix`; braces are filled in.*",
    ]
    for code, message in sorted(MESSAGES.items()):
        lines += [
            "",
            f"## `{code}`",
            "",
            f"- **Lỗi:** {message.vi}",
            f"- **Cách sửa:** {message.fix_vi}",
            f"- *Problem:* {message.en}",
            f"- *Fix:* {message.fix_en}",
        ]
    return "\n".join(lines) + "\n"


def schema_markdown() -> str:
    """The whole reference as Markdown: one table of fields per file or group."""
    lines = [
        "# Mẫu nội dung / Content schema",
        "",
        "Tệp này được sinh tự động từ mã nguồn (`build_tools/schema_docs.py`); đừng sửa tay.",
        "*Generated from the models; do not edit by hand.*",
        "",
        "Mọi giá trị chữ nên đặt trong dấu nháy: `ten: 'Chợ Là Thôn'`.",
        "*Quote every text value.*",
    ]
    for title, label, model in SECTIONS:
        lines += ["", f"## {title} — {label}", ""]
        english = (model.__doc__ or "").strip().splitlines()[0].replace("``", "`")
        lines += [INTROS_VI[model], f"*{english}*", ""]
        lines += ["| Khóa / key | Kiểu / type | Bắt buộc / required | Ý nghĩa / meaning |"]
        lines += ["| --- | --- | --- | --- |"]
        lines += [_row(name, info) for name, info in model.model_fields.items()]
    return "\n".join(lines) + "\n"
