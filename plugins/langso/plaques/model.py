"""The registry of issued plaques: ``plaques.yml`` in ``docs_dir``.

Each plaque printed and hung on a wall has an entry; the QR code encodes the permanent short URL
``<site_url>q/<id>/``, which redirects to wherever the target page lives today (C-11)::

    - id: 'dinh-la-thon'
      ten: 'Đình làng Là Thôn'
      trang: 'dia-diem/dinh-lang-la-thon.md'

``trang`` is a Markdown page or a directory data file (``danh-ba/tram-y-te.yml``), relative to
``docs_dir``, exactly as a Markdown link would name it. A plaque taken down is never deleted and
its id never reused: it gets ``thay_bang: '<new id>'`` (its QR code now leads where the new plaque
leads) or ``ngung: '<message>'`` (its QR code shows the message), and keeps ``ngay_in``.

A printed plaque may only lead to the place it was printed for (issue 12). When that place's page
file is renamed, ``trang`` takes the new path and ``trang_cu`` lists the old one, the rename
record the build checks (the old path must no longer be a page)::

    - id: 'dinh-la-thon'
      ten: 'Đình làng Là Thôn'
      trang: 'dia-diem/dinh-la-thon.md'
      trang_cu: 'dia-diem/dinh-lang-la-thon.md'
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BeforeValidator, Field, field_validator, model_validator

from langso.cache import Recall, digest
from langso.paths import repo_path
from langso.problems import Problem
from langso.schema import (
    Model,
    Text,
    compose_yaml,
    decode_text,
    invalid,
    parse_date,
    validate_list,
)
from langso.text import nfc, slugify
from langso.yamlsource import line_of

__all__ = [
    "PLAQUE_ID_MAX",
    "Plaque",
    "PlaqueEntry",
    "load_plaques",
    "page_path",
    "short_path",
]

PLAQUE_ID_MAX = 24
"""Longest plaque id, characters: short ids keep the QR version low (C-14)."""
_PLAQUE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _one_or_many(value: object) -> object:
    """``trang_cu: 'a.md'`` means ``trang_cu: ['a.md']``."""
    return [value] if isinstance(value, str) else value


class Plaque(Model):
    """One issued plaque."""

    id: Text = Field(
        description="Mã ngắn, chữ thường không dấu, ví dụ `dinh-la-thon`. / "
        "A short lowercase ASCII id."
    )
    name: Text = Field(
        alias="ten", description="Tên in trên biển. / The name printed on the plaque."
    )
    target: Text | None = Field(
        None,
        alias="trang",
        description="Trang đích: `.md` hoặc tệp danh bạ `.yml`. / "
        "The target page: a `.md` page or a directory `.yml` file.",
    )
    replaced_by: Text | None = Field(
        None,
        alias="thay_bang",
        description="Biển đã gỡ, thay bằng biển có mã này. / "
        "Taken down, replaced by the plaque with this id.",
    )
    retired: Text | None = Field(
        None,
        alias="ngung",
        description="Biển đã gỡ, không thay: lời nhắn cho người quét. / "
        "Taken down, not replaced: a note for whoever scans it.",
    )
    printed: Annotated[dt.date, BeforeValidator(parse_date)] | None = Field(
        None,
        alias="ngay_in",
        description="Ngày in biển, ví dụ `01/11/2026`. / The day the plaque was printed.",
    )
    renamed_from: Annotated[tuple[Text, ...], BeforeValidator(_one_or_many)] = Field(
        (),
        alias="trang_cu",
        description="Đường dẫn cũ của trang đích khi tệp trang được đổi tên (cùng một nơi); "
        "một hay nhiều đường dẫn. / The target's former paths after a rename.",
    )

    @model_validator(mode="after")
    def _one_destination(self) -> Plaque:
        given = [
            k
            for k, v in (
                ("trang", self.target),
                ("thay_bang", self.replaced_by),
                ("ngung", self.retired),
            )
            if v is not None
        ]
        if len(given) != 1:
            raise invalid(
                "mỗi biển cần đúng một trong `trang`, `thay_bang`, `ngung`"
                + (f" (đang có {', '.join(given)})" if given else ""),
                "each plaque needs exactly one of `trang`, `thay_bang`, `ngung`"
                + (f" (has {', '.join(given)})" if given else ""),
                "biển đang dùng: `trang`; biển đã gỡ và thay: `thay_bang`; biển đã gỡ hẳn: `ngung`",
                "a plaque in use: `trang`; taken down and replaced: `thay_bang`; taken down: "
                "`ngung`",
                field="trang" if not given else given[-1],
            )
        return self

    @field_validator("id")
    @classmethod
    def _short_ascii_id(cls, value: str) -> str:
        if not _PLAQUE_ID.match(value) or len(value) > PLAQUE_ID_MAX:
            suggestion = slugify(value)[:PLAQUE_ID_MAX].strip("-") or "ten-bien"
            raise invalid(
                f"mã biển `{value}` phải ngắn (tối đa {PLAQUE_ID_MAX} ký tự), chữ thường không "
                "dấu, số và dấu gạch ngang",
                f"plaque id `{value}` must be short (at most {PLAQUE_ID_MAX} characters), lower "
                "case ASCII letters, digits and hyphens",
                f"ví dụ `{suggestion}`",
                f"e.g. `{suggestion}`",
            )
        return value

    @field_validator("target")
    @classmethod
    def _relative_target(cls, value: str | None) -> str | None:
        return None if value is None else page_path(value)

    @field_validator("renamed_from")
    @classmethod
    def _relative_old_targets(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(page_path(v) for v in value)


def page_path(value: str) -> str:
    """``value`` as a plaque target: NFC, trimmed, without a leading ``./``.

    Raises:
        PydanticCustomError: (:func:`langso.schema.invalid`) when it is not the relative path
            of a ``.md``, ``.yml`` or ``.yaml`` file.
    """
    value = nfc(value).strip().removeprefix("./")
    if value.startswith("/") or "://" in value or not value.endswith((".md", ".yml", ".yaml")):
        raise invalid(
            f"`{value}` không phải đường dẫn tới một trang trong thư mục nội dung",
            f"`{value}` is not the path of a page in the content folder",
            "viết đường dẫn tệp .md (hoặc .yml trong danh bạ) tính từ thư mục nội dung, "
            "ví dụ `dia-diem/dinh-lang.md`",
            "write the path of the .md file (or a directory .yml) from the content folder, "
            "e.g. `dia-diem/dinh-lang.md`",
        )
    return value


def short_path(plaque_id: str) -> str:
    """Return the permanent short path of a plaque, relative to the site root: ``q/<id>/``."""
    return f"q/{plaque_id}/"


@dataclass(frozen=True)
class PlaqueEntry:
    """A validated plaque, the line of its entry and of its ``trang`` in the registry; the line
    of its ``ngay_in``, or ``None`` when it has none."""

    plaque: Plaque
    line: int
    target_line: int
    printed_line: int | None = None


def load_plaques(
    docs_dir: Path, docs_rel: str, file_name: str = "plaques.yml"
) -> tuple[list[PlaqueEntry], list[Problem]]:
    """Read the plaque registry ``file_name`` in ``docs_dir``.

    A missing registry means no plaques yet. Ids are unique for ever: a second entry with an id
    already used is an error, never a silent replacement.
    """
    rel = repo_path(docs_rel, file_name)
    try:
        data = (docs_dir / file_name).read_bytes()
    except FileNotFoundError:
        return [], []
    _REGISTRIES.new_round()
    entries, problems = _REGISTRIES.get(digest(rel, data), lambda: _read_registry(data, rel))
    return list(entries), list(problems)


_REGISTRIES: Recall[tuple[tuple[PlaqueEntry, ...], tuple[Problem, ...]]] = Recall(
    "plaque-registries"
)
"""Each registry's plaques and problems by a digest of its bytes: ``mkdocs serve`` validates the
registry again only when it changed."""


def _read_registry(data: bytes, rel: str) -> tuple[tuple[PlaqueEntry, ...], tuple[Problem, ...]]:
    """Decode, compose and validate the registry's ``data``."""
    text, problems = decode_text(data, rel)
    if text is None:
        return (), tuple(problems)
    node, read = compose_yaml(text, rel)
    if node is None or any(problem.severity == "error" for problem in read):
        return (), tuple(read)
    items, problems = validate_list(Plaque, node, rel, "plaque.duplicate-id")
    problems = [*read, *problems]  # a warning of reading (a value in curly quotes)
    entries: list[PlaqueEntry] = []
    for index, item, plaque in items:
        target_line = line_of(node, (index, "trang")) or item.line
        printed_line = line_of(node, (index, "ngay_in")) if plaque.printed else None
        entries.append(PlaqueEntry(plaque, item.line, target_line, printed_line))
    return tuple(entries), tuple(problems)
