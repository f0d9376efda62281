"""Hours past midnight (``16:00-01:00``): accepted, shown as such, and scheduled on the right
days; the 12-hour clock typed by mistake (``7:00-5:00``) is still refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from langso.directory.loading import load_directory
from langso.directory.model import Service

CATEGORIES = "- id: 'an-uong'\n  ten: 'Ăn uống'\n"


def service(tmp_path: Path, body: str) -> Service:
    (tmp_path / "categories.yml").write_text(CATEGORIES, encoding="utf-8")
    (tmp_path / "danh-ba").mkdir()
    (tmp_path / "danh-ba" / "quan.yml").write_text(
        "ten: 'Quán ốc đêm'\nloai: 'an-uong'\n" + body, encoding="utf-8"
    )
    directory, problems = load_directory(tmp_path, "content")
    assert [p.format() for p in problems] == []
    return directory.entries[0].service


@pytest.mark.parametrize(
    ("gio", "ranges", "shown"),
    [
        ("16:00-01:00", [(960, 1500)], "16:00-01:00 (qua nửa đêm)"),
        ("18:00 - 6:00", [(1080, 1800)], "18:00 - 6:00 (qua nửa đêm)"),
        ("16:00-0:00", [(960, 1440)], "16:00-0:00"),  # until midnight, not past it
        (
            "10:00-14:00, 17:00-2:00",
            [(600, 840), (1020, 1560)],
            "10:00-14:00, 17:00-2:00 (qua nửa đêm)",
        ),
        ("16:00-24:00", [(960, 1440)], "16:00-24:00"),
    ],
)
def test_a_range_past_midnight_is_accepted(
    tmp_path: Path, gio: str, ranges: list[tuple[int, int]], shown: str
) -> None:
    found = service(tmp_path, f"gio_mo_cua:\n  - ngay: 'T2-T6'\n    gio: '{gio}'\n")
    row = found.hours[0]
    assert [(r.opens, r.closes) for r in row.hours.ranges] == ranges
    assert found.opening_rows == (("T2-T6", gio),)
    assert found.opening_table == (("T2-T6", shown),)


def test_schedule_keeps_the_night_on_the_day_it_opens(tmp_path: Path) -> None:
    found = service(tmp_path, "gio_mo_cua:\n  - ngay: 'T6, T7'\n    gio: '16:00-01:00'\n")
    schedule = found.schedule()
    assert schedule["week"] == {
        "1": [], "2": [], "3": [], "4": [], "5": [[960, 1500]], "6": [[960, 1500]], "7": [],
    }  # fmt: skip


def test_mo_cua_dong_cua_past_midnight(tmp_path: Path) -> None:
    found = service(tmp_path, "mo_cua: '16:00'\ndong_cua: '01:00'\n")
    assert found.opening_table == (("Hằng ngày", "16:00 – 01:00 (qua nửa đêm)"),)
    assert found.schedule()["week"]["3"] == [[960, 1500]]


@pytest.mark.parametrize(
    ("body", "line"),
    [
        (
            "gio_mo_cua:\n  - ngay: 'T2'\n    gio: '7:00-5:00'\n",
            "content/danh-ba/quan.yml:5: gio_mo_cua.gio: trong `7:00-5:00` giờ đóng cửa không"
            " sau giờ mở cửa — dùng giờ 24, ví dụ '17:00' chứ không phải '5:00'; nơi mở qua nửa"
            " đêm thì mở từ 12:00 trở đi, ví dụ '16:00-01:00'",
        ),
        (
            "mo_cua: '14:00'\ndong_cua: '13:00'\n",
            "content/danh-ba/quan.yml:4: dong_cua: trong `14:00-13:00` giờ đóng cửa không sau"
            " giờ mở cửa — dùng giờ 24, ví dụ '21:00' chứ không phải '13:00'; nơi mở qua nửa đêm"
            " thì mở từ 12:00 trở đi, ví dụ '16:00-01:00'",
        ),
    ],
)
def test_a_twelve_hour_slip_is_still_refused(tmp_path: Path, body: str, line: str) -> None:
    (tmp_path / "categories.yml").write_text(CATEGORIES, encoding="utf-8")
    (tmp_path / "danh-ba").mkdir()
    (tmp_path / "danh-ba" / "quan.yml").write_text(
        "ten: 'Quán A'\nloai: 'an-uong'\n" + body, encoding="utf-8"
    )
    _, problems = load_directory(tmp_path, "content")
    assert [p.format().split("\n")[0] for p in problems] == [line]
