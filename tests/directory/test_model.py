"""The services directory: typed values as typed, entries in order (C-05 to C-08); every bad file
reported is in ``test_model_bad_input``."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from langso.directory.fields import Address, Category, Coordinates
from langso.directory.hours import Days, Hours, OpeningRow, TimeRange
from langso.directory.loading import load_directory
from langso.phones import Phone
from tests.directory.entries import CATEGORIES, FULL, load

# --- a valid entry --------------------------------------------------------------------------------


def test_full_valid_entry(tmp_path: Path) -> None:
    directory, problems = load(tmp_path, {"tram-y-te.yml": FULL})
    assert problems == []
    assert directory.categories == (
        Category(id="y-te", ten="Y tế"),
        Category(id="cho", ten="Chợ"),
        Category(id="cong-an", ten="Công an xã"),
    )
    assert [(e.id, e.source) for e in directory.entries] == [("tram-y-te", "danh-ba/tram-y-te.yml")]
    service = directory.entries[0].service
    assert service.name == "Trạm Y tế xã Yên Định"
    assert service.category == "y-te"
    assert service.description == "Khám chữa bệnh ban đầu, tiêm chủng."
    assert service.address == Address(thon="Là Thôn", chi_tiet="gần nhà văn hóa")
    assert service.address.commune is None
    assert service.phones == (
        Phone(typed="0300 000 001", display="0300 000 001", tel="+84300000001"),
        Phone(typed="113", display="113", tel="113"),
        Phone(typed="0237 3721 150", display="0237 3721 150", tel="+842373721150"),
    )
    assert service.hours == (
        OpeningRow(
            ngay=Days(text="T2-T6", weekdays=(1, 2, 3, 4, 5)),
            gio=Hours(
                text="7:00-11:30, 13:30-17:00",
                ranges=(TimeRange(opens=420, closes=690), TimeRange(opens=810, closes=1020)),
            ),
        ),
        OpeningRow(ngay=Days(text="T7, CN", weekdays=(6, 7)), gio=Hours(text="nghỉ", ranges=())),
    )
    assert service.hours[1].hours.closed is True
    assert service.hours[0].hours.closed is False
    assert service.opening_rows == (
        ("T2-T6", "7:00-11:30, 13:30-17:00"),
        ("T7, CN", "nghỉ"),
    )
    assert service.opens is None
    assert service.closes is None
    assert service.location == Coordinates(text="19.9810, 105.6420", lat=19.981, lon=105.642)
    assert service.location.map_url == (
        "https://www.google.com/maps/search/?api=1&query=19.981,105.642"
    )
    assert service.note == "No"
    assert service.sample is True


@pytest.mark.parametrize(
    ("value", "typed", "display", "tel"),
    [
        ("'0300 000 001'", "0300 000 001", "0300 000 001", "+84300000001"),
        ("0300000001", "0300000001", "0300 000 001", "+84300000001"),
        ("0900000008", "0900000008", "0900 000 008", "+84900000008"),
        ("113", "113", "113", "113"),
        ("'115'", "115", "115", "115"),
        ("'0237 3721 150'", "0237 3721 150", "0237 3721 150", "+842373721150"),
        ("'(0237) 3721 150'", "(0237) 3721 150", "0237 3721 150", "+842373721150"),
        ("'0912.345.678'", "0912.345.678", "0912 345 678", "+84912345678"),
        ("'+84 912 345 678'", "+84 912 345 678", "0912 345 678", "+84912345678"),
    ],
)
def test_phone_typed_display_and_tel(
    tmp_path: Path, value: str, typed: str, display: str, tel: str
) -> None:
    # Kept as typed, shown grouped the Vietnamese way, linked in E.164 (or the short number).
    # Sample data: the 0300 000 … numbers of the cases are sample numbers.
    text = f"ten: A\nloai: cho\ndien_thoai: {value}\ndu_lieu_mau: có\n"
    directory, problems = load(tmp_path, {"a.yml": text})
    assert problems == []
    assert directory.entries[0].service.phones == (Phone(typed=typed, display=display, tel=tel),)


@pytest.mark.parametrize(
    ("opens", "closes", "row", "minutes"),
    [
        ("6:45", "21:00", ("Hằng ngày", "6:45 – 21:00"), (405, 1260)),
        ("07:30", "17:00", ("Hằng ngày", "07:30 – 17:00"), (450, 1020)),
        ("'6:45'", "'21:00'", ("Hằng ngày", "6:45 – 21:00"), (405, 1260)),
        ("'7h'", "'11h30'", ("Hằng ngày", "7h – 11h30"), (420, 690)),
        ("0:00", "24:00", ("Hằng ngày", "0:00 – 24:00"), (0, 1440)),
    ],
)
def test_opens_and_closes_as_typed(
    tmp_path: Path, opens: str, closes: str, row: tuple[str, str], minutes: tuple[int, int]
) -> None:
    text = f"ten: Quán nước\nloai: cho\nmo_cua: {opens}\ndong_cua: {closes}\n"
    directory, problems = load(tmp_path, {"quan-nuoc.yml": text})
    assert problems == []
    service = directory.entries[0].service
    assert service.opening_rows == (row,)
    assert service.opens is not None
    assert service.closes is not None
    assert (service.opens.minutes, service.closes.minutes) == minutes


@pytest.mark.parametrize(
    ("ngay", "weekdays"),
    [
        ("T2-T6", (1, 2, 3, 4, 5)),
        ("T2 - T7", (1, 2, 3, 4, 5, 6)),
        ("T2, T4, T6", (1, 3, 5)),
        ("CN", (7,)),
        ("Chủ nhật", (7,)),
        ("Thứ Hai - Thứ Sáu", (1, 2, 3, 4, 5)),
        ("thứ 2 đến thứ 6", (1, 2, 3, 4, 5)),
        ("Hằng ngày", (1, 2, 3, 4, 5, 6, 7)),
        ("T7; CN", (6, 7)),
    ],
)
def test_weekdays(tmp_path: Path, ngay: str, weekdays: tuple[int, ...]) -> None:
    text = f"ten: A\nloai: cho\ngio_mo_cua:\n  - ngay: '{ngay}'\n    gio: '7:00-11:00'\n"
    directory, problems = load(tmp_path, {"a.yml": text})
    assert problems == []
    assert directory.entries[0].service.hours[0].days == Days(text=ngay, weekdays=weekdays)


@pytest.mark.parametrize(
    ("gio", "ranges"),
    [
        ("7:00-11:30", ((420, 690),)),
        ("7:00 - 11:30, 13:30 - 17:00", ((420, 690), (810, 1020))),
        ("7h-11h30", ((420, 690),)),
        ("7:00 đến 11:00", ((420, 660),)),
        ("6:45–21:00", ((405, 1260),)),
        ("Nghỉ", ()),
    ],
)
def test_hour_ranges(tmp_path: Path, gio: str, ranges: tuple[tuple[int, int], ...]) -> None:
    text = f"ten: A\nloai: cho\ngio_mo_cua:\n  - ngay: 'T2'\n    gio: '{gio}'\n"
    directory, problems = load(tmp_path, {"a.yml": text})
    assert problems == []
    hours = directory.entries[0].service.hours[0].hours
    assert hours.text == gio
    assert [(r.opens, r.closes) for r in hours.ranges] == list(ranges)


@pytest.mark.parametrize(
    ("line", "sample"),
    [
        ("du_lieu_mau: có", True),
        ("du_lieu_mau: 'có'", True),
        ("du_lieu_mau: Có", True),
        ("du_lieu_mau: không", False),
        ("du_lieu_mau: 'không'", False),
        ("du_lieu_mau: No", False),
        ("du_lieu_mau: yes", True),
        ("du_lieu_mau: true", True),
        ("du_lieu_mau: false", False),
        ("", False),
    ],
)
def test_sample_yes_no(tmp_path: Path, line: str, sample: bool) -> None:
    directory, problems = load(tmp_path, {"a.yml": f"ten: A\nloai: cho\n{line}\n"})
    assert problems == []
    assert directory.entries[0].service.sample is sample


@pytest.mark.parametrize("word", ["No", "yes", "on", "off", "true", "False", "~x"])
def test_free_text_keeps_words(tmp_path: Path, word: str) -> None:
    text = f"ten: {word}\nloai: cho\nmo_ta: {word}\nghi_chu: {word}\n"
    directory, problems = load(tmp_path, {"a.yml": text})
    assert problems == []
    service = directory.entries[0].service
    assert (service.name, service.description, service.note) == (word, word, word)


def test_entry_id_from_accented_nfd_file_name(tmp_path: Path) -> None:
    name = unicodedata.normalize("NFD", "Trạm Y tế.yml")
    directory, problems = load(tmp_path, {name: "ten: Trạm Y tế\nloai: y-te\n"})
    assert problems == []
    assert [e.id for e in directory.entries] == ["tram-y-te"]


def test_yaml_extension_is_read(tmp_path: Path) -> None:
    directory, problems = load(tmp_path, {"cho.yaml": "ten: Chợ\nloai: cho\n"})
    assert problems == []
    assert [(e.id, e.source) for e in directory.entries] == [("cho", "danh-ba/cho.yaml")]


def test_no_services_folder(tmp_path: Path) -> None:
    (tmp_path / "categories.yml").write_text(CATEGORIES, encoding="utf-8")
    directory, problems = load_directory(tmp_path, "content")
    assert problems == []
    assert directory.entries == ()
    assert len(directory.categories) == 3


# --- order ----------------------------------------------------------------------------------------


def test_by_category_vietnamese_order(tmp_path: Path) -> None:
    names = ["Đào", "Dung", "Zung", "Anh", "Ánh", "Ân", "Ăn", "Bảo", "Ê-đê", "Em"]
    services = {f"s{i}.yml": f"ten: {name}\nloai: cho\n" for i, name in enumerate(names)}
    services["tram.yml"] = "ten: Trạm Y tế\nloai: y-te\n"
    directory, problems = load(tmp_path, services)
    assert problems == []
    groups = directory.by_category()
    assert [(c.id, [e.service.name for e in members]) for c, members in groups] == [
        ("y-te", ["Trạm Y tế"]),
        ("cho", ["Anh", "Ánh", "Ăn", "Ân", "Bảo", "Dung", "Đào", "Em", "Ê-đê", "Zung"]),
    ]
    assert directory.category("cong-an") == Category(id="cong-an", ten="Công an xã")
