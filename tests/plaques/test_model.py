"""The registry of issued plaques: ids never reused, targets are pages (shared/cases C-11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from langso.plaques.model import PLAQUE_ID_MAX, Plaque, PlaqueEntry, load_plaques, short_path
from langso.problems import Problem

REGISTRY = (
    "# Các biển mã QR đã cấp.\n"  # 1
    "- id: 'dinh-la-thon'\n"  # 2
    "  ten: 'Đình làng Là Thôn'\n"  # 3
    "  trang: 'dia-diem/dinh-lang-la-thon.md'\n"  # 4
    "- id: 'tram-y-te'\n"  # 5
    "  ten: 'Trạm Y tế xã Yên Định'\n"  # 6
    "  trang: './danh-ba/tram-y-te-xa-yen-dinh.yml'\n"  # 7
    "- id: cho\n"  # 8
    "  ten: Chợ Là Thôn\n"  # 9
    "  trang: danh-ba/cho.yaml\n"  # 10
)


def load(tmp_path: Path, text: str) -> tuple[list[PlaqueEntry], list[Problem]]:
    (tmp_path / "plaques.yml").write_text(text, encoding="utf-8")
    return load_plaques(tmp_path, "content")


def located(problems: list[Problem]) -> list[tuple[str, int | None, str, str | None]]:
    return [(p.path, p.line, p.code, p.field) for p in problems]


def test_valid_registry(tmp_path: Path) -> None:
    entries, problems = load(tmp_path, REGISTRY)
    assert problems == []
    assert entries == [
        PlaqueEntry(
            Plaque(
                id="dinh-la-thon", ten="Đình làng Là Thôn", trang="dia-diem/dinh-lang-la-thon.md"
            ),
            line=2,
            target_line=4,
        ),
        PlaqueEntry(
            Plaque(
                id="tram-y-te",
                ten="Trạm Y tế xã Yên Định",
                trang="danh-ba/tram-y-te-xa-yen-dinh.yml",
            ),
            line=5,
            target_line=7,
        ),
        PlaqueEntry(
            Plaque(id="cho", ten="Chợ Là Thôn", trang="danh-ba/cho.yaml"), line=8, target_line=10
        ),
    ]


def test_short_path() -> None:
    assert short_path("dinh-la-thon") == "q/dinh-la-thon/"


def test_duplicate_id(tmp_path: Path) -> None:
    text = REGISTRY + (
        "- id: 'dinh-la-thon'\n"  # 11
        "  ten: 'Đình làng (biển mới)'\n"
        "  trang: 'dia-diem/dinh-moi.md'\n"
    )
    entries, problems = load(tmp_path, text)
    assert [e.plaque.id for e in entries] == ["dinh-la-thon", "tram-y-te", "cho"]
    assert entries[0].plaque.target == "dia-diem/dinh-lang-la-thon.md"
    assert located(problems) == [("content/plaques.yml", 11, "plaque.duplicate-id", "id")]
    assert problems[0].params == {"id": "dinh-la-thon", "first_line": 2}
    assert problems[0].format() == (
        "content/plaques.yml:11: id: mã biển `dinh-la-thon` đã dùng ở dòng 2; mã biển không bao"
        " giờ được dùng lại — đặt mã mới chưa từng dùng cho biển này\n"
        "    (en) plaque id `dinh-la-thon` is already used on line 2; plaque ids are never reused"
        " — give this plaque a new, never-used id"
    )


def test_bad_id_suggests_slug(tmp_path: Path) -> None:
    text = "- id: 'Đình Làng'\n  ten: 'Đình làng'\n  trang: 'dia-diem/dinh-lang.md'\n"
    entries, problems = load(tmp_path, text)
    assert entries == []
    assert [p.format() for p in problems] == [
        "content/plaques.yml:1: id: mã biển `Đình Làng` phải ngắn (tối đa 24 ký tự), chữ thường"
        " không dấu, số và dấu gạch ngang — ví dụ `dinh-lang`\n"
        "    (en) plaque id `Đình Làng` must be short (at most 24 characters), lower case ASCII"
        " letters, digits and hyphens — e.g. `dinh-lang`"
    ]


@pytest.mark.parametrize(
    ("plaque_id", "suggestion"),
    [
        ("Đình Làng", "dinh-lang"),
        ("dinh_la_thon", "dinh-la-thon"),
        ("dinh--la", "dinh-la"),
        ("-dinh", "dinh"),
        ("dinh-lang-la-thon-xa-yen-dinh", "dinh-lang-la-thon-xa-yen"),
        ("Đ", "d"),
        ("Ấp Bắc!", "ap-bac"),
    ],
)
def test_bad_id_suggestions(tmp_path: Path, plaque_id: str, suggestion: str) -> None:
    text = f"- id: '{plaque_id}'\n  ten: 'Biển'\n  trang: 'dia-diem/a.md'\n"
    entries, problems = load(tmp_path, text)
    assert entries == []
    assert located(problems) == [("content/plaques.yml", 1, "field.invalid", "id")]
    assert problems[0].params["fix_en"] == f"e.g. `{suggestion}`"
    assert len(suggestion) <= PLAQUE_ID_MAX


def test_longest_id_is_accepted(tmp_path: Path) -> None:
    plaque_id = "a" * PLAQUE_ID_MAX
    entries, problems = load(tmp_path, f"- id: {plaque_id}\n  ten: A\n  trang: a.md\n")
    assert problems == []
    assert [e.plaque.id for e in entries] == [plaque_id]


@pytest.mark.parametrize(
    "target", ["assets/anh.jpg", "dia-diem/", "/dia-diem/dinh.md", "https://example.com/a.md"]
)
def test_target_not_a_page(tmp_path: Path, target: str) -> None:
    text = REGISTRY + f"- id: 'anh'\n  ten: 'Ảnh'\n  trang: '{target}'\n"
    entries, problems = load(tmp_path, text)
    assert [e.plaque.id for e in entries] == ["dinh-la-thon", "tram-y-te", "cho"]
    assert [p.format() for p in problems] == [
        f"content/plaques.yml:13: trang: `{target}` không phải đường dẫn tới một trang trong thư"
        " mục nội dung — viết đường dẫn tệp .md (hoặc .yml trong danh bạ) tính từ thư mục nội"
        " dung, ví dụ `dia-diem/dinh-lang.md`\n"
        f"    (en) `{target}` is not the path of a page in the content folder — write the path"
        " of the .md file (or a directory .yml) from the content folder, e.g."
        " `dia-diem/dinh-lang.md`"
    ]


def test_missing_destination_asks_for_one_of_three(tmp_path: Path) -> None:
    entries, problems = load(tmp_path, "- id: dinh\n  ten: Đình\n")
    assert entries == []
    assert located(problems) == [("content/plaques.yml", 1, "field.invalid", "trang")]


def test_missing_registry_means_no_plaques(tmp_path: Path) -> None:
    assert load_plaques(tmp_path, "content") == ([], [])


def test_registry_not_a_list(tmp_path: Path) -> None:
    entries, problems = load(tmp_path, "id: dinh\nten: Đình\ntrang: dinh.md\n")
    assert entries == []
    assert located(problems) == [("content/plaques.yml", 1, "yaml.not-list", None)]


def test_empty_registry(tmp_path: Path) -> None:
    entries, problems = load(tmp_path, "# chưa có biển nào\n")
    assert entries == []
    assert located(problems) == [("content/plaques.yml", 1, "yaml.empty", None)]
