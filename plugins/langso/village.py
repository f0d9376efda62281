"""The village's identity: one data file, ``village.yml`` in ``docs_dir``.

Example::

    ten: 'Là Thôn'
    loai: 'làng'
    xa: 'xã Yên Định'
    tinh: 'tỉnh Thanh Hóa'
    xa_cu: 'xã Định Long'
    huyen_cu: 'huyện Yên Định'

``xa_cu`` and ``huyen_cu`` keep the names from before the 2025 reform (districts ceased on
01/07/2025, Resolution 1686/NQ-UBTVQH15 for Thanh Hóa): residents keep using them for years.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, model_validator

from langso.geography import check_unit
from langso.paths import repo_path
from langso.problems import Problem
from langso.schema import Model, Text, read_yaml, validate

__all__ = ["VILLAGE_FILE", "Village", "load_village"]

VILLAGE_FILE = "village.yml"


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

    @model_validator(mode="after")
    def _commune_exists(self) -> Village:
        check_unit(self.commune, self.province, field_prefix="")
        return self

    @property
    def full_name(self) -> str:
        """``làng Là Thôn`` — kind and name."""
        return f"{self.kind} {self.name}"

    @property
    def address(self) -> str:
        """``xã Yên Định, tỉnh Thanh Hóa`` — the current administrative address."""
        return f"{self.commune}, {self.province}"

    @property
    def former_address(self) -> str | None:
        """``xã Định Long, huyện Yên Định`` — the pre-2025 names, if recorded."""
        parts = [p for p in (self.former_commune, self.former_district) if p]
        return ", ".join(parts) or None


def load_village(docs_dir: Path, docs_rel: str) -> tuple[Village | None, list[Problem]]:
    """Read and validate ``village.yml`` in ``docs_dir``.

    Args:
        docs_dir: the MkDocs ``docs_dir``.
        docs_rel: ``docs_dir`` relative to the repository, for messages (e.g. ``content``).

    Returns:
        ``(village, [])`` or ``(None, problems)``.
    """
    rel = repo_path(docs_rel, VILLAGE_FILE)
    node, problems = read_yaml(docs_dir / VILLAGE_FILE, rel)
    if problems:
        return None, problems
    return validate(Village, node, rel)
