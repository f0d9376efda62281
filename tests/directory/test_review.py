"""Freshness (``xac_minh.ngay`` against the build day) and likely duplicates."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from langso.directory.loading import Directory, load_directory
from langso.directory.review import add_months, duplicates, is_stale, review
from langso.phones import parse_phone

TODAY = dt.date(2026, 11, 30)
CATEGORIES = "- id: 'cho'\n  ten: 'Chợ'\n- id: 'y-te'\n  ten: 'Y tế'\n"


def load(tmp_path: Path, services: dict[str, str]) -> Directory:
    (tmp_path / "categories.yml").write_text(CATEGORIES, encoding="utf-8")
    folder = tmp_path / "danh-ba"
    folder.mkdir()
    for name, text in services.items():
        (folder / name).write_text(text, encoding="utf-8")
    directory, problems = load_directory(tmp_path, "content", today=TODAY)
    assert problems == []
    return directory


def verified(day: str) -> str:
    return f"xac_minh:\n  ngay: '{day}'\n  vai_tro: 'Trưởng thôn'\n"


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2025, 11, 30), 12, dt.date(2026, 11, 30)),
        (dt.date(2025, 1, 31), 1, dt.date(2025, 2, 28)),
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2025, 12, 15), 1, dt.date(2026, 1, 15)),
        (dt.date(2025, 3, 31), 6, dt.date(2025, 9, 30)),
        (dt.date(2024, 2, 29), 12, dt.date(2025, 2, 28)),
    ],
)
def test_add_months(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("day", "months", "stale"),
    [
        ("30/11/2025", 12, False),  # exactly 12 months before the build day
        ("29/11/2025", 12, True),
        ("01/05/2026", 12, False),
        ("01/05/2026", 6, True),
        ("30/05/2026", 6, False),
        ("01/11/2026", 1, False),
        ("29/10/2026", 1, True),
    ],
)
def test_is_stale(tmp_path: Path, day: str, months: int, stale: bool) -> None:
    directory = load(tmp_path, {"a.yml": "ten: A\nloai: cho\n" + verified(day)})
    assert is_stale(directory.entries[0], TODAY, months) is stale


def test_never_verified_is_stale(tmp_path: Path) -> None:
    directory = load(tmp_path, {"a.yml": "ten: A\nloai: cho\n"})
    assert is_stale(directory.entries[0], TODAY, 12) is True


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Quán phở Hoà", "Quán phở Hòa"),  # old and new tone placement
        ("Chợ Là", "Cho La"),
        ("Trạm Y tế", "TRẠM Y TẾ"),
        ("Trạm Y tế", "Trạm  Y  tế"),
        ("Đình làng", unicodedata.normalize("NFD", "Đình làng")),
        ("Quán Thuỷ", "Quán Thủy"),
    ],
)
def test_names_equal_after_folding_are_duplicates(tmp_path: Path, first: str, second: str) -> None:
    directory = load(
        tmp_path,
        {"a.yml": f"ten: '{first}'\nloai: cho\n", "b.yml": f"ten: '{second}'\nloai: y-te\n"},
    )
    found = duplicates(directory)
    assert [(d.first.id, d.second.id, d.reason) for d in found] == [("a", "b", "name")]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("0912 345 678", "0912.345.678"),
        ("0912 345 678", "+84 912 345 678"),
        ("0237 3721 150", "(0237) 3721 150"),
    ],
)
def test_same_number_typed_differently_is_a_duplicate(
    tmp_path: Path, first: str, second: str
) -> None:
    directory = load(
        tmp_path,
        {
            "a.yml": f"ten: Quán A\nloai: cho\ndien_thoai: '{first}'\n",
            "b.yml": f"ten: Quán B\nloai: cho\ndien_thoai: ['0868 123 456', '{second}']\n",
        },
    )
    found = duplicates(directory)
    assert [(d.first.id, d.second.id, d.reason) for d in found] == [("a", "b", "phone")]
    assert found[0].value == parse_phone(first).display


def test_shared_emergency_numbers_and_distinct_entries_are_not_duplicates(tmp_path: Path) -> None:
    directory = load(
        tmp_path,
        {
            "a.yml": "ten: Công an xã\nloai: cho\ndien_thoai: ['113', '0912 345 678']\n",
            "b.yml": "ten: Trạm Y tế\nloai: y-te\ndien_thoai: ['113', '115']\n",
            "c.yml": "ten: Trạm Y tế mới\nloai: y-te\ndien_thoai: '115'\n",
        },
    )
    assert duplicates(directory) == []


def test_one_entry_listing_its_number_twice_is_not_a_duplicate(tmp_path: Path) -> None:
    directory = load(
        tmp_path, {"a.yml": "ten: A\nloai: cho\ndien_thoai: ['0912 345 678', '0912.345.678']\n"}
    )
    assert duplicates(directory) == []


def test_review_messages(tmp_path: Path) -> None:
    directory = load(
        tmp_path,
        {
            "cho-cu.yml": "ten: 'Chợ cũ'\nloai: cho\n" + verified("01/10/2025"),
            "chua-kiem-tra.yml": "ten: 'Bưu điện'\nloai: cho\n",
            "pho-hoa.yml": "ten: 'Quán phở Hoà'\nloai: cho\ndien_thoai: '0912 345 678'\n"
            + verified("01/11/2026"),
            "pho-hoa-2.yml": "ten: 'Quán phở Hòa'\nloai: cho\ndien_thoai: '0868 123 456'\n"
            + verified("01/11/2026"),
            "tiem.yml": "ten: 'Tiệm tạp hóa'\nloai: cho\ndien_thoai: '0912.345.678'\n"
            + verified("01/11/2026"),
        },
    )
    problems = review(directory, TODAY, 12)
    assert {p.severity for p in problems} == {"warning"}
    assert [p.format() for p in problems] == [
        "content/danh-ba/chua-kiem-tra.yml: chưa ghi lần kiểm tra thông tin (`xac_minh`)"
        " — gọi điện hoặc đến hỏi lại, rồi thêm `xac_minh:` với `ngay` và `vai_tro`\n"
        "    (en) the entry has never been verified (no `xac_minh`) — call or visit to check,"
        " then add `xac_minh:` with `ngay` and `vai_tro`",
        "content/danh-ba/cho-cu.yml:4: xac_minh.ngay: thông tin có thể đã cũ: kiểm tra lần cuối"
        " ngày 01/10/2025, đã quá 12 tháng — gọi điện hoặc đến hỏi lại, sửa nếu cần, rồi ghi"
        " ngày kiểm tra mới vào `xac_minh.ngay`\n"
        "    (en) the information may be out of date: last verified on 01/10/2025, over 12"
        " months ago — call or visit to check, correct it if needed, then set `xac_minh.ngay`"
        " to today",
        "content/danh-ba/pho-hoa.yml:1: ten: tên `Quán phở Hoà` trùng với"
        " `content/danh-ba/pho-hoa-2.yml` (không kể dấu) — có thể là một nơi — nếu là một nơi,"
        " gộp hai tệp; nếu khác nhau, đặt tên phân biệt\n"
        "    (en) the name `Quán phở Hoà` matches `content/danh-ba/pho-hoa-2.yml` (ignoring"
        " accents) — possibly the same place — if it is one place, merge the files; otherwise"
        " make the names distinct",
        "content/danh-ba/tiem.yml:3: dien_thoai: số `0912 345 678` đã có ở"
        " `content/danh-ba/pho-hoa.yml` — có thể là một nơi — nếu là một nơi, gộp hai tệp; nếu"
        " đúng là dùng chung số, thêm `so_dung_chung: 'có'`\n"
        "    (en) the number `0912 345 678` is also in `content/danh-ba/pho-hoa.yml` — possibly"
        " the same place — if it is one place, merge the files; if the number is really shared,"
        " add `so_dung_chung: 'có'`",
    ]
