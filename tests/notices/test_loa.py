"""The loudspeaker's schedule, ``thong-bao/loa.yml`` (issue 15)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from langso.notices.loa import EVERY_DAY, Broadcast, Schedule, load_schedule, parse_days
from langso.notices.loading import load_schedule as reexported

REL = "content/thong-bao/loa.yml"


def schedule(tmp_path: Path, text: str) -> tuple[Schedule | None, list[str]]:
    path = tmp_path / "loa.yml"
    path.write_text(text, encoding="utf-8")
    found, problems = load_schedule(path, REL)
    return found, [problem.format() for problem in problems]


def test_the_sample_schedule(tmp_path: Path) -> None:
    found, problems = schedule(
        tmp_path,
        "lich_phat:\n"
        '  - gio: "17:00"\n'
        "    ngay: hằng ngày\n"
        '  - gio: "05:30"\n'
        "    ngay: thứ hai, thứ tư, thứ sáu\n"
        "    noi_dung: Tin của xã,\n      thông báo của thôn\n"
        "  - gio: 19h\n"
        "    ngay: T7 và CN\n"
        "ghi_chu: Khi có bão lũ, loa phát thêm ngoài giờ.\n",
    )
    assert problems == []
    assert found == Schedule(
        (
            Broadcast(dt.time(5, 30), (0, 2, 4), "Tin của xã, thông báo của thôn"),
            Broadcast(dt.time(17, 0), EVERY_DAY),
            Broadcast(dt.time(19, 0), (5, 6)),
        ),
        "Khi có bão lũ, loa phát thêm ngoài giờ.",
        REL,
    )
    assert [(b.time_text, b.days_text) for b in found.broadcasts] == [
        ("05:30", "Thứ Hai, Thứ Tư, Thứ Sáu"),
        ("17:00", "Hằng ngày"),
        ("19:00", "Thứ Bảy, Chủ Nhật"),
    ]
    saturday = dt.date(2026, 11, 28)
    assert [b.time_text for b in found.on(saturday)] == ["17:00", "19:00"]
    assert reexported is load_schedule


def test_no_file_is_no_schedule_and_no_problem(tmp_path: Path) -> None:
    assert load_schedule(tmp_path / "loa.yml", REL) == (None, [])


def test_days_left_out_mean_every_day(tmp_path: Path) -> None:
    found, problems = schedule(tmp_path, "lich_phat:\n  - gio: '6:00'\n")
    assert problems == []
    assert found is not None
    assert found.broadcasts == (Broadcast(dt.time(6, 0), EVERY_DAY),)


@pytest.mark.parametrize(
    ("typed", "days", "shown"),
    [
        ("thứ hai - thứ sáu", (0, 1, 2, 3, 4), "Thứ Hai đến Thứ Sáu"),
        ("T2 đến T6", (0, 1, 2, 3, 4), "Thứ Hai đến Thứ Sáu"),
        ("thu bay - thu hai", (0, 5, 6), "Thứ Hai, Thứ Bảy, Chủ Nhật"),
        ("Chủ nhật", (6,), "Chủ Nhật"),
        ("Hàng ngày", EVERY_DAY, "Hằng ngày"),
        ("thứ 2, thứ 2; thứ 3", (0, 1), "Thứ Hai, Thứ Ba"),
    ],
)
def test_days_as_typed(typed: str, days: tuple[int, ...], shown: str) -> None:
    assert parse_days(typed) == days
    assert Broadcast(dt.time(5, 0), days).days_text == shown


def test_a_list_of_weekdays_is_accepted(tmp_path: Path) -> None:
    found, problems = schedule(tmp_path, "lich_phat:\n  - gio: '6:00'\n    ngay: [T2, T4]\n")
    assert problems == []
    assert found is not None
    assert found.broadcasts[0].days == (0, 2)


def test_a_wrong_day_is_located_with_its_fix(tmp_path: Path) -> None:
    _, problems = schedule(tmp_path, "lich_phat:\n  - gio: '6:00'\n    ngay: thứ tám\n")
    assert problems == [
        f"{REL}:3: lich_phat.ngay: `thứ tám` không phải những ngày trong tuần đọc được — viết"
        " `hằng ngày`, hoặc các thứ cách nhau bằng dấu phẩy (`thứ hai, thứ tư, thứ sáu`), hoặc"
        " một khoảng (`thứ hai - thứ sáu`); chủ nhật viết `chủ nhật` hoặc `CN`\n"
        "    (en) `thứ tám` is not a set of weekdays we can read — write `hằng ngày` (every"
        " day), or weekdays separated by commas (`thứ hai, thứ tư, thứ sáu`), or a range"
        " (`thứ hai - thứ sáu`); Sunday is `chủ nhật` or `CN`"
    ]


def test_a_wrong_time_and_a_missing_time_are_located(tmp_path: Path) -> None:
    _, problems = schedule(
        tmp_path, "lich_phat:\n  - gio: '25:00'\n  - ngay: hằng ngày\n    noi_dung: Tin\n"
    )
    assert [line.split(" — ")[0] for line in problems] == [
        f"{REL}:2: lich_phat.gio: giờ `25:00` không đúng dạng",
        f"{REL}:3: lich_phat.gio: thiếu trường bắt buộc `lich_phat.gio`",
    ]


def test_an_unknown_key_and_an_empty_schedule(tmp_path: Path) -> None:
    _, problems = schedule(tmp_path, "lich_phat: []\nghichu: x\n")
    assert [line.split(" — ")[0] for line in problems] == [
        f"{REL}:1: lich_phat: `lich_phat` có 0 mục, cần ít nhất 1",
        f"{REL}:2: ghichu: trường `ghichu` không có trong mẫu (có phải ý bạn là `ghi_chu`?)",
    ]


def test_a_hostile_list_stops_at_once(tmp_path: Path) -> None:
    items = "".join("  - gio: '5:00'\n" for _ in range(10_000))
    _, problems = schedule(tmp_path, "lich_phat:\n" + items)
    assert [line.split(" — ")[0] for line in problems] == [
        f"{REL}:2: lich_phat: lịch có 10000 buổi phát, nhiều hơn 48"
    ]
