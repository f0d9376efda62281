"""The record of printed plaques: both formats read, one line per plaque written, old lines
migrated without touching anything else (issue 12)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

from langso.plaques.record import (
    HEADER,
    PrintedPlaque,
    append_printed,
    format_line,
    migrate_lines,
    read_printed,
)

URL = "https://example.github.io/lang-so/q/"


def read(tmp_path: Path, data: bytes) -> tuple[dict[str, PrintedPlaque], list[tuple[object, ...]]]:
    (tmp_path / "plaques-printed.txt").write_bytes(data)
    records, problems = read_printed(tmp_path, "content")
    return records, [(p.path, p.line, p.code) for p in problems]


def test_both_formats_are_read(tmp_path: Path) -> None:
    text = (
        f"{HEADER}"  # 8 comment lines
        f"dinh | 2026-11-01 | {URL}dinh/ | dia-diem/đình làng.md | Đình | làng\n"  # 9
        f"cho 01/11/2026 {URL}cho/\n"  # 10
        f"cu | 2026-11-02 | {URL}cu/ | - | -\n"  # 11
        f"dinh | 2026-12-01 | {URL}dinh/ | index.md | Đình in lại\n"  # 12: a reprint
    )
    records, problems = read(tmp_path, text.encode())
    assert problems == []
    assert records == {
        "dinh": PrintedPlaque(
            "dinh",
            dt.date(2026, 11, 1),
            f"{URL}dinh/",
            9,
            target="dia-diem/đình làng.md",
            name="Đình | làng",
        ),
        "cho": PrintedPlaque("cho", dt.date(2026, 11, 1), f"{URL}cho/", 10, old_format=True),
        "cu": PrintedPlaque("cu", dt.date(2026, 11, 2), f"{URL}cu/", 11),
    }


def test_a_bom_and_decomposed_accents_are_read_as_typed(tmp_path: Path) -> None:
    line = f"dinh | 2026-11-01 | {URL}dinh/ | dia-diem/dinh.md | Đình làng"
    decomposed = line.replace("ì", "i\u0300")
    records, problems = read(tmp_path, "\ufeff".encode() + decomposed.encode())
    assert problems == []
    assert records["dinh"].name == "Đình làng"


def test_a_record_in_another_encoding_is_located(tmp_path: Path) -> None:
    line = f"dinh | 2026-11-01 | {URL}dinh/ | a.md | Đình làng\n"
    _, problems = read(tmp_path, unicodedata.normalize("NFD", line).encode("cp1258"))
    assert problems == [("content/plaques-printed.txt", 1, "file.encoding")]


def test_format_line_keeps_one_line_of_five_columns() -> None:
    day = dt.date(2026, 11, 30)
    assert format_line("dinh", day, f"{URL}dinh/", "dia-diem/dinh.md", "Đình |\nlàng") == (
        f"dinh | 2026-11-30 | {URL}dinh/ | dia-diem/dinh.md | Đình / làng"
    )
    assert format_line("cu", day, f"{URL}cu/", None, "") == f"cu | 2026-11-30 | {URL}cu/ | - | -"


def test_append_creates_the_record_with_its_header(tmp_path: Path) -> None:
    line = format_line("dinh", dt.date(2026, 11, 30), f"{URL}dinh/", "a.md", "Đình")
    path = append_printed(tmp_path, [line])
    assert path.read_text(encoding="utf-8") == HEADER + line + "\n"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n"), encoding="utf-8")
    append_printed(tmp_path, [line.replace("dinh", "cho")])
    assert path.read_text(encoding="utf-8").splitlines()[-2:] == [
        line,
        line.replace("dinh", "cho"),
    ]


def test_migration_fills_old_lines_and_keeps_everything_else() -> None:
    text = (
        "# Biển mã QR đã in: không xóa dòng nào. / Printed plaques: never delete a line.\n"
        "# id  ngày in / printed  địa chỉ trong mã QR / URL in the QR code\n"
        "# (dữ liệu mẫu / sample data)\n"
        f"dinh 2026-11-01 {URL}dinh/\n"
        f"cho | 2026-11-01 | {URL}cho/ | danh-ba/cho.yml | Chợ\n"
        f"cu 2026-11-01 {URL}cu/\n"
        f"mat 2026-11-01 {URL}mat/\n"
        "dong hong\n"
    )
    known = {"dinh": ("dia-diem/dinh.md", "Đình"), "cu": (None, "Biển cũ")}
    new, migrated = migrate_lines(text, known.get)
    assert migrated == ["dinh", "cu"]
    assert new == HEADER + (
        "# (dữ liệu mẫu / sample data)\n"
        f"dinh | 2026-11-01 | {URL}dinh/ | dia-diem/dinh.md | Đình\n"
        f"cho | 2026-11-01 | {URL}cho/ | danh-ba/cho.yml | Chợ\n"
        f"cu | 2026-11-01 | {URL}cu/ | - | Biển cũ\n"
        f"mat 2026-11-01 {URL}mat/\n"  # not in the registry: the build reports it
        "dong hong\n"  # not a line of either format: the build reports it
    )
    assert migrate_lines(new, known.get) == (new, [])
