"""Dates as volunteers type them (langso.dates): every accepted form, and the located,
bilingual problem for each mistake through a real model and langso.schema.validate."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import pytest
from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from langso.dates import (
    VIETNAM_TIME,
    WEEKDAYS,
    find_weekday,
    format_day,
    format_moment,
    moment_end,
    moment_start,
    parse_day,
    parse_time,
    parse_time_range,
)
from langso.schema import Model, parse_date, validate
from langso.yamlsource import parse_yaml

SATURDAY_0730 = dt.datetime(2026, 11, 28, 7, 30, tzinfo=VIETNAM_TIME)


@pytest.mark.parametrize(
    "typed",
    [
        "28/11/2026 07:30",
        "28/11/2026 7h30",
        "28/11/2026 7:30",
        "7:30 28/11/2026",
        "7h30 ngày 28/11/2026",
        "7 giờ 30 phút sáng thứ bảy ngày 28/11/2026",
        "2026-11-28 07:30",
        "2026-11-28T07:30",
        "2026-11-28T07:30:00",
        "Thứ Bảy, 28/11/2026 lúc 07:30",
        "28-11-2026 07g30",
    ],
)
def test_moments_with_a_time(typed: str) -> None:
    assert moment_start(typed) == SATURDAY_0730
    assert moment_end(typed) == SATURDAY_0730


@pytest.mark.parametrize(
    "typed",
    [
        "28/11/2026",
        "28-11-2026",
        "28.11.2026",
        "2026-11-28",
        " 28 / 11 / 2026 ",
        "ngày 28 tháng 11 năm 2026",
        "Thứ Bảy, 28/11/2026",
        "T7 28/11/2026",
        dt.date(2026, 11, 28),
    ],
)
def test_a_day_alone_starts_at_midnight_and_ends_at_its_last_second(typed: object) -> None:
    assert moment_start(typed) == dt.datetime(2026, 11, 28, 0, 0, tzinfo=VIETNAM_TIME)
    assert moment_end(typed) == dt.datetime(2026, 11, 28, 23, 59, 59, tzinfo=VIETNAM_TIME)


def test_datetimes_from_yaml_are_viet_nam_time() -> None:
    assert moment_start(dt.datetime(2026, 11, 28, 7, 30)) == SATURDAY_0730
    utc = dt.datetime(2026, 11, 28, 0, 30, tzinfo=dt.UTC)
    assert moment_start(utc) == SATURDAY_0730
    moment = moment_start(utc)
    assert isinstance(moment, dt.datetime) and moment.utcoffset() == dt.timedelta(hours=7)


def test_afternoon_and_evening_words() -> None:
    assert moment_start("28/11/2026 lúc 2 giờ chiều") == SATURDAY_0730.replace(hour=14, minute=0)
    assert moment_start("8 giờ tối 28/11/2026") == SATURDAY_0730.replace(hour=20, minute=0)
    assert parse_time("19g") == dt.time(19, 0)
    assert parse_time("7h") == dt.time(7, 0)


@pytest.mark.parametrize(
    ("typed", "vi", "en"),
    [
        (
            "31/11/2026",
            "`31/11/2026` không phải một ngày có thật",
            "`31/11/2026` is not a real date",
        ),
        (
            "Thứ Sáu, 28/11/2026",
            "`Thứ Sáu, 28/11/2026`: ngày 28/11/2026 là Thứ Bảy, không phải Thứ Sáu",
            "`Thứ Sáu, 28/11/2026`: 28/11/2026 is a Saturday, not a Friday",
        ),
        ("28/11/2026 25:00", "giờ `25:00` không đúng dạng", "`25:00` is not a time of day"),
        (
            "hôm nay",
            "`hôm nay` không phải ngày giờ đọc được",
            "`hôm nay` is not a date and time we can read",
        ),
        (
            "28/11",
            "`28/11` thiếu năm: viết `28/11/2027`",
            "`28/11` has no year: write `28/11/2027`",
        ),
        (
            "28/11/2026 29/11/2026",
            "`28/11/2026 29/11/2026` không phải ngày giờ đọc được",
            "`28/11/2026 29/11/2026` is not a date and time we can read",
        ),
        (
            "28/11/2026 abc",
            "`28/11/2026 abc` không phải ngày giờ đọc được",
            "`28/11/2026 abc` is not a date and time we can read",
        ),
        ("13 giờ sáng 28/11/2026", "giờ `13 giờ sáng` không đúng dạng", None),
        ("Thứ Bảy 13 GIỜ SÁNG 28/11/2026", "giờ `13 GIỜ SÁNG` không đúng dạng", None),
    ],
)
def test_mistakes_are_bilingual(typed: str, vi: str, en: str | None) -> None:
    with pytest.raises(PydanticCustomError) as caught:
        moment_start(typed)
    context = caught.value.context or {}
    assert context["vi"] == vi
    if en is not None:
        assert context["en"] == en
    assert context["fix_vi"] and context["fix_en"]


class _Posted(Model):
    posted: Annotated[dt.datetime, BeforeValidator(moment_start)] = Field(alias="ngay_dang")
    until: Annotated[dt.datetime, BeforeValidator(moment_end)] | None = Field(None, alias="het_han")


def _validate(text: str) -> tuple[_Posted | None, list[str]]:
    node, problems = parse_yaml(text, "content/thong-bao/a.md", first_line=2)
    assert problems == []
    model, problems = validate(_Posted, node, "content/thong-bao/a.md")
    return model, [p.format() for p in problems]


def test_through_a_model_the_problem_is_located() -> None:
    model, problems = _validate("ngay_dang: 28/11/2026 07:30\nhet_han: 12/12/2026\n")
    assert problems == []
    assert model is not None
    assert model.posted == SATURDAY_0730
    assert model.until == dt.datetime(2026, 12, 12, 23, 59, 59, tzinfo=VIETNAM_TIME)
    _, problems = _validate("ngay_dang: 28/11/2026 07:30\nhet_han: 31/11/2026\n")
    assert problems == [
        "content/thong-bao/a.md:3: het_han: `31/11/2026` không phải một ngày có thật — viết "
        "ngày/tháng/năm, ví dụ '01/05/2026' (hoặc '2026-05-01')\n"
        "    (en) `31/11/2026` is not a real date — write day/month/year, e.g. '01/05/2026' "
        "(or '2026-05-01')"
    ]


def test_unquoted_yaml_dates_arrive_as_text_and_parse() -> None:
    # parse_yaml keeps `2026-11-28` as typed (never a YAML timestamp): the same rules apply.
    model, problems = _validate("ngay_dang: 2026-11-28 07:30\n")
    assert problems == []
    assert model is not None and model.posted == SATURDAY_0730


def test_a_list_where_a_moment_belongs() -> None:
    _, problems = _validate("ngay_dang: [28/11/2026, 07:30]\n")
    assert len(problems) == 1
    assert problems[0].startswith("content/thong-bao/a.md:2: ngay_dang: `ngay_dang` phải là")


def test_parse_day_and_schema_parse_date_agree() -> None:
    assert parse_date("28.11.2026") == parse_day("Thứ Bảy, 28/11/2026") == dt.date(2026, 11, 28)
    with pytest.raises(PydanticCustomError):
        parse_day("28/11/2026 07:30")  # a day field takes no time
    assert parse_date(["a"]) == ["a"]  # for pydantic to judge


def test_time_ranges() -> None:
    assert parse_time_range("07:30-11:00") == (dt.time(7, 30), dt.time(11, 0))
    assert parse_time_range("7h30 đến 11h") == (dt.time(7, 30), dt.time(11, 0))
    assert parse_time_range("07:30") == (dt.time(7, 30), None)
    with pytest.raises(PydanticCustomError) as caught:
        parse_time_range("1:30-5:00 - 6:00")
    assert (caught.value.context or {})["vi"] == "khoảng giờ `1:30-5:00 - 6:00` không đúng dạng"
    with pytest.raises(PydanticCustomError) as caught:
        parse_time_range("13:30-5:00")
    assert (caught.value.context or {})["vi"] == (
        "trong `13:30-5:00` giờ kết thúc không sau giờ bắt đầu"
    )


def test_weekdays() -> None:
    assert WEEKDAYS[0] == "Thứ Hai" and WEEKDAYS[6] == "Chủ Nhật"
    typed = {
        "thứ hai": 0, "Thứ 2": 0, "T2": 0, "thu ba": 1, "thứ tư": 2, "Thứ Năm": 3,
        "thứ sáu": 4, "thứ bảy": 5, "thu 7": 5, "T7": 5, "chủ nhật": 6, "CN": 6,
    }  # fmt: skip
    assert {word: find_weekday(word) for word in typed} == typed
    assert find_weekday("thứ tám") is None
    assert find_weekday("T8") is None


def test_formats() -> None:
    assert format_day(dt.date(2026, 11, 28)) == "Thứ Bảy, 28/11/2026"
    assert format_day(dt.date(2026, 11, 29)) == "Chủ Nhật, 29/11/2026"
    assert format_moment(SATURDAY_0730) == "07:30 Thứ Bảy, 28/11/2026"
    # An aware moment in another zone is shown in Viet Nam time.
    assert format_moment(dt.datetime(2026, 11, 28, 0, 30, tzinfo=dt.UTC)) == (
        "07:30 Thứ Bảy, 28/11/2026"
    )
