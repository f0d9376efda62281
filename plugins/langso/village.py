"""The village's identity: one data file, ``village.yml`` in ``docs_dir``.

Example::

    ten: 'Là Thôn'
    loai: 'làng'
    xa: 'xã Yên Định'
    tinh: 'tỉnh Thanh Hóa'
    xa_cu: 'xã Định Long'
    huyen_cu: 'huyện Yên Định'
    ho_tro: 'to-cong-nghe-so-cong-dong-la-thon'

``xa_cu`` and ``huyen_cu`` keep the names from before the 2025 reform (districts ceased on
01/07/2025, Resolution 1686/NQ-UBTVQH15 for Thanh Hóa): residents keep using them for years.
``ho_tro`` names the directory entry a reader calls for help with a guide (:mod:`langso.helpline`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import Field, PrivateAttr, field_validator, model_validator
from pydantic_core import PydanticCustomError

from langso.geography import check_unit
from langso.home import PICTURE_TYPES, check_picture_path
from langso.paths import repo_path
from langso.problems import Problem
from langso.schema import Model, Text, YesNo, invalid, read_yaml, validate
from langso.text import nfc
from langso.yamlsource import Mapping, Scalar, line_of

__all__ = [
    "VILLAGE_FILE",
    "Village",
    "VillageFile",
    "kind_and_name",
    "load_village",
    "read_village",
]

VILLAGE_FILE = "village.yml"


def kind_and_name(kind: str, name: str) -> str:
    """``xóm Phú Mỹ`` — the kind then the name, unless the name already starts with the kind
    (compared in NFC, ignoring case): ``xóm`` + ``Xóm Mới`` is ``Xóm Mới``, not ``xóm Xóm Mới``.
    """
    kind, name = nfc(kind).strip(), nfc(name).strip()
    if not kind or name.casefold().startswith(kind.casefold() + " "):
        return name
    return f"{kind} {name}"


class Village(Model):
    """Who the guidebook is for. Every name is written as it appears in addresses."""

    name: Text = Field(
        alias="ten", description="Tên làng/thôn, ví dụ `Là Thôn`. / The village's name."
    )
    kind: Text = Field(
        "thôn", alias="loai", description="`thôn`, `làng`, `xóm`, `bản`… / The kind of village."
    )
    commune: Text = Field(
        alias="xa",
        description="Xã/phường hiện nay, ví dụ `xã Yên Định`. / The commune or ward today.",
    )
    province: Text = Field(
        alias="tinh", description="Tỉnh/thành phố, ví dụ `tỉnh Thanh Hóa`. / The province or city."
    )
    former_commune: Text | None = Field(
        None,
        alias="xa_cu",
        description="Xã trước ngày 01/07/2025, ví dụ `xã Định Long`. / "
        "The commune before 1 July 2025.",
    )
    former_district: Text | None = Field(
        None,
        alias="huyen_cu",
        description="Huyện trước ngày 01/07/2025, ví dụ `huyện Yên Định`. / "
        "The district before 1 July 2025.",
    )
    help_service: Text | None = Field(
        None,
        alias="ho_tro",
        description="Mã dịch vụ trong danh bạ mà bà con gọi khi cần giúp (tên tệp trong "
        "`danh-ba/`, không có `.yml`), ví dụ `to-cong-nghe-so-cong-dong-la-thon`; thiếu thì "
        "hướng dẫn dẫn tới danh bạ. / The directory entry readers call for help with a guide "
        "(its file name in `danh-ba/` without `.yml`); without it guides lead to the directory.",
    )
    _lines: dict[str, int] = PrivateAttr(default_factory=dict)

    def line(self, key: str) -> int | None:
        """The line of ``key`` (as written in the file, e.g. ``ho_tro``) in ``village.yml``, when
        the village was read by :func:`load_village`."""
        return self._lines.get(key)

    picture: Text | None = Field(
        None,
        alias="anh",
        description="Ảnh hoặc tranh của làng ở đầu trang chủ, đường dẫn tính từ thư mục nội "
        "dung, ví dụ `anh/la-thon.webp` (JPEG, PNG hoặc WebP). / The picture at the top of the "
        "home page, relative to the content folder.",
    )
    picture_alt: Text | None = Field(
        None,
        alias="anh_mo_ta",
        description="Mô tả ảnh cho người không nhìn thấy, bắt buộc khi có `anh`, ví dụ `Đình "
        "làng giữa cánh đồng lúa`. / What the picture shows, read aloud to blind readers; "
        "required with `anh`.",
    )
    picture_drawn: YesNo = Field(
        False,
        alias="anh_la_tranh",
        description='`có` khi `anh` là tranh vẽ, không phải ảnh chụp: trang ghi "Tranh minh '
        'họa". / `có` (yes) when the picture is a drawing, not a photo: the page says so.',
    )

    @field_validator("picture")
    @classmethod
    def _picture_path(cls, value: str | None) -> str | None:
        if value is not None:
            check_picture_path(value)
        return value

    @model_validator(mode="after")
    def _commune_exists(self) -> Village:
        check_unit(self.commune, self.province, field_prefix="")
        if self.picture is not None and self.picture_alt is None:
            raise _alt_missing()
        return self

    @classmethod
    def despite_errors(cls, data: Any, context: dict[str, Any] | None) -> list[Any]:
        """The commune and the picture's description, checked when another field is wrong, so
        every mistake of ``village.yml`` shows in one run (:meth:`Model.despite_errors`)."""
        if not isinstance(data, dict):
            return []
        found: list[Any] = []
        commune, province = data.get("xa"), data.get("tinh")
        if isinstance(commune, str) and isinstance(province, str):
            try:
                check_unit(commune.strip(), province.strip(), field_prefix="")
            except PydanticCustomError as error:
                found.append(error)
        if data.get("anh") is not None and data.get("anh_mo_ta") is None:
            found.append(_alt_missing())
        return found

    @property
    def full_name(self) -> str:
        """``làng Là Thôn`` — kind and name (:func:`kind_and_name`: never ``xóm Xóm Mới``)."""
        return kind_and_name(self.kind, self.name)

    @property
    def address(self) -> str:
        """``xã Yên Định, tỉnh Thanh Hóa`` — the current administrative address."""
        return f"{self.commune}, {self.province}"

    @property
    def former_address(self) -> str | None:
        """``xã Định Long, huyện Yên Định`` — the pre-2025 names, if recorded."""
        parts = [p for p in (self.former_commune, self.former_district) if p]
        return ", ".join(parts) or None


def _alt_missing() -> PydanticCustomError:
    """``anh`` without ``anh_mo_ta``: reported on the ``anh`` line, the field that needs it."""
    return invalid(
        "có `anh` nhưng thiếu `anh_mo_ta`",
        "`anh` is given without `anh_mo_ta`",
        "thêm dòng `anh_mo_ta:` tả ngắn điều ảnh cho thấy, ví dụ `anh_mo_ta: 'Đình làng "
        "giữa cánh đồng lúa'`",
        "add an `anh_mo_ta:` line saying briefly what the picture shows",
        field="anh",
    )


@dataclass(frozen=True)
class VillageFile:
    """What :func:`read_village` found in ``village.yml``.

    Attributes:
        village: the valid village, or ``None`` when the file has any error.
        problems: every mistake of the file, each on its line, in one run.
        help_service: the text of ``ho_tro`` as written (spaces stripped), even when another
            field is wrong, so a wrong helper is reported with the rest; ``None`` when absent
            or not text.
        help_line: the line of ``ho_tro``, ``None`` when absent.
    """

    village: Village | None
    problems: tuple[Problem, ...]
    help_service: str | None = None
    help_line: int | None = None


def read_village(docs_dir: Path, docs_rel: str) -> VillageFile:
    """Read and validate ``village.yml`` in ``docs_dir``, listing every mistake in one run: the
    fields (:func:`langso.schema.validate`, with :meth:`Village.despite_errors`) and a picture
    that is not in the content folder (``village.picture-missing``).

    Args:
        docs_dir: the MkDocs ``docs_dir``.
        docs_rel: ``docs_dir`` relative to the repository, for messages (e.g. ``content``).
    """
    rel = repo_path(docs_rel, VILLAGE_FILE)
    node, read = read_yaml(docs_dir / VILLAGE_FILE, rel)
    errors = [problem for problem in read if problem.severity == "error"]
    if errors or not isinstance(node, Mapping):
        village, problems = (None, read) if errors else validate(Village, node, rel)
        return VillageFile(village, tuple(problems))
    village, problems = validate(Village, node, rel)
    problems = [*read, *problems]  # a warning of reading (a value in curly quotes)
    if village is not None:
        village._lines = {key: line for key, (line, _) in node.entries.items()}
    picture = _scalar_text(node, "anh")
    if picture is not None and _is_picture_path(picture) and not (docs_dir / picture).is_file():
        params = {"path": picture, "types": ", ".join(PICTURE_TYPES)}
        line = line_of(node, ("anh",))
        problems.append(Problem(rel, line, "village.picture-missing", "anh", params=params))
        problems.sort(key=lambda p: p.line or 0)
        village = None
    help_line = node.entries["ho_tro"][0] if "ho_tro" in node.entries else None
    return VillageFile(village, tuple(problems), _scalar_text(node, "ho_tro"), help_line)


def load_village(docs_dir: Path, docs_rel: str) -> tuple[Village | None, list[Problem]]:
    """Read and validate ``village.yml`` in ``docs_dir`` (see :func:`read_village`).

    Returns:
        ``(village, [])`` or ``(None, problems)``.
    """
    found = read_village(docs_dir, docs_rel)
    return found.village, list(found.problems)


def _scalar_text(node: Mapping, key: str) -> str | None:
    """The text of ``key`` in ``node`` as written, stripped; ``None`` when absent or not text."""
    value = node.entries.get(key, (0, None))[1]
    if not isinstance(value, Scalar) or value.null:
        return None
    return value.text.strip() or None


def _is_picture_path(value: str) -> bool:
    """Whether ``anh`` is a picture path at all (else its own error says so)."""
    try:
        check_picture_path(value)
    except PydanticCustomError:
        return False
    return True
