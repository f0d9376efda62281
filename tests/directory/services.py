"""A directory loaded from services written in a tmp folder: the fixtures of the service tests
(``test_service*.py``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from langso.directory.loading import Directory, load_directory
from langso.problems import Problem
from langso.village import Village

__all__ = ["CATEGORIES", "FILE", "QUAN", "TODAY", "VILLAGE", "load", "message", "only"]

TODAY = dt.date(2026, 11, 30)
VILLAGE = Village.model_validate(
    {
        "ten": "Phú Mỹ",
        "loai": "làng",
        "xa": "xã Yên Định",
        "tinh": "tỉnh Thanh Hóa",
        "xa_cu": "xã Định Long",
        "huyen_cu": "huyện Yên Định",
    }
)
CATEGORIES = (
    "- id: 'y-te'\n"
    "  ten: 'Y tế'\n"
    "  bieu_tuong: '🏥'\n"
    "- id: 'cho'\n"
    "  ten: 'Chợ'\n"
    "  bieu_tuong: '🛒'\n"
    "- id: 'an-uong'\n"
    "  ten: 'Ăn uống'\n"
)
QUAN = "ten: Quán A\nloai: cho\n"
FILE = "content/danh-ba/quan-a.yml"


def load(
    tmp_path: Path,
    services: dict[str, str],
    categories: str = CATEGORIES,
    *,
    village: Village | None = VILLAGE,
    today: dt.date | None = TODAY,
) -> tuple[Directory, list[Problem]]:
    (tmp_path / "categories.yml").write_text(categories, encoding="utf-8")
    folder = tmp_path / "danh-ba"
    folder.mkdir()
    for name, text in services.items():
        (folder / name).write_text(text, encoding="utf-8")
    return load_directory(tmp_path, "content", village=village, today=today)


def only(tmp_path: Path, text: str, **kwargs: object) -> list[str]:
    """The formatted problems of one file ``quan-a.yml``."""
    _, problems = load(tmp_path, {"quan-a.yml": text}, **kwargs)  # type: ignore[arg-type]
    return [p.format() for p in problems]


def message(line: int, field: str, vi: str, en: str) -> str:
    return f"{FILE}:{line}: {field}: {vi}\n    (en) {en}"
