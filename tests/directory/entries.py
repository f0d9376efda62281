"""Directory entries loaded from files written in a tmp folder: the fixtures of ``test_model*.py``
(one full valid entry, :func:`load`, :func:`formatted`)."""

from __future__ import annotations

from pathlib import Path

from langso.directory.loading import Directory, load_directory
from langso.problems import Problem

__all__ = ["CATEGORIES", "FULL", "formatted", "load"]

CATEGORIES = (
    "# Nhóm trong danh bạ\n"
    "- id: 'y-te'\n"
    "  ten: 'Y tế'\n"
    "- id: 'cho'\n"
    "  ten: 'Chợ'\n"
    "- id: 'cong-an'\n"
    "  ten: 'Công an xã'\n"
)

FULL = (
    "ten: 'Trạm Y tế xã Yên Định'\n"
    "loai: 'y-te'\n"
    "mo_ta: 'Khám chữa bệnh ban đầu, tiêm chủng.'\n"
    "dia_chi:\n"
    "  thon: 'Là Thôn'\n"
    "  chi_tiet: 'gần nhà văn hóa'\n"
    "dien_thoai:\n"
    "  - '0300 000 001'\n"
    "  - 113\n"
    "  - '0237 3721 150'\n"
    "gio_mo_cua:\n"
    "  - ngay: 'T2-T6'\n"
    "    gio: '7:00-11:30, 13:30-17:00'\n"
    "  - ngay: 'T7, CN'\n"
    "    gio: 'nghỉ'\n"
    "toa_do: '19.9810, 105.6420'\n"
    "ghi_chu: No\n"
    "du_lieu_mau: 'có'\n"
)


def load(
    tmp_path: Path, services: dict[str, str], categories: str = CATEGORIES
) -> tuple[Directory, list[Problem]]:
    (tmp_path / "categories.yml").write_text(categories, encoding="utf-8")
    folder = tmp_path / "danh-ba"
    folder.mkdir()
    for name, text in services.items():
        (folder / name).write_text(text, encoding="utf-8")
    return load_directory(tmp_path, "content")


def formatted(problems: list[Problem]) -> list[str]:
    return [p.format() for p in problems]
