"""What a phone keyboard types where YAML needs ASCII (issue 15, a hamlet head on a phone): a
Chinese/Japanese keyboard's ``：``, its look-alikes, a non-breaking space, curly quotes; and a day
typed without its year. Each is said on its own line with its cause and its fix; nothing typed
is changed silently.

The build day is fixed (tests/conftest.py): today is 30/11/2026 in Viet Nam.
"""

from __future__ import annotations

import pytest
from pydantic_core import PydanticCustomError

from langso.dates import moment_start, parse_day, parse_time_range
from langso.events.loading import load_events
from langso.frontmatter import read_page
from langso.village import read_village
from langso.yamlsource import parse_yaml
from tests.conftest import SiteFactory
from tests.test_cli_new import langso

NOTICE = (
    "title: Tiêm chủng mở rộng (dữ liệu mẫu)\n"
    "ngay_dang: 28/11/2026 07:30\n"
    'loai{colon} "Tiêm chủng"\n'
    "nguoi_dang: Trưởng thôn\n"
)


@pytest.mark.parametrize(
    ("colon", "name_vi", "name_en"),
    [
        (
            "：",
            "dấu hai chấm của bàn phím tiếng Trung/Nhật",
            "the full-width colon of a Chinese/Japanese keyboard",
        ),
        (
            "﹕",
            "dấu hai chấm nhỏ của bàn phím tiếng Trung",
            "the small colon of a Chinese keyboard",
        ),
        (
            "꞉",
            "dấu hai chấm dạng chữ cái, trông giống hệt `:`",
            "the modifier-letter colon, which looks just like `:`",
        ),
    ],
)
def test_a_look_alike_colon_is_said_on_its_own_line(colon: str, name_vi: str, name_en: str) -> None:
    node, problems = parse_yaml(NOTICE.format(colon=colon), "content/thong-bao/x.md", 2)
    assert node is None
    assert [p.format() for p in problems] == [
        f"content/thong-bao/x.md:4: loai: sau khóa `loai` là dấu `{colon}` ({name_vi}), không"
        f" phải dấu hai chấm `:` của YAML — thay dấu `{colon}` ({name_vi}) bằng dấu `:`: viết"
        ' `loai: "Tiêm chủng"`\n'
        f"    (en) the key `loai` is followed by `{colon}` ({name_en}), not YAML's colon `:` —"
        f' replace `{colon}` ({name_en}) with `:`: write `loai: "Tiêm chủng"`'
    ]


def test_every_look_alike_and_the_slips_after_them_in_one_run() -> None:
    text = (
        "title：Họp thôn\n"  # no space after it either
        "dinh_kem:\n"
        "  - tep﹕ tep/a.pdf\n"
        "\u00a0\u00a0\u00a0\u00a0mo_ta: Bản PDF\n"  # indented with non-breaking spaces
        "nguoi_dang:\u00a0Trưởng thôn\n"
        "het_han:12/12/2026\n"
    )
    _, problems = parse_yaml(text, "content/lich/hop.md", 2)
    assert [(p.line, p.code, p.field, p.params.get("suggestion")) for p in problems] == [
        (2, "yaml.lookalike-colon", "title", "title: Họp thôn"),
        (4, "yaml.lookalike-colon", "tep", "- tep: tep/a.pdf"),
        (5, "yaml.odd-space", "mo_ta", "mo_ta: Bản PDF"),
        (6, "yaml.odd-space", "nguoi_dang", "nguoi_dang: Trưởng thôn"),
        (7, "yaml.no-space", "het_han", None),
    ]
    assert (
        problems[-1]
        .format()
        .startswith("content/lich/hop.md:7: het_han: thiếu dấu cách sau dấu hai chấm của `het_han`")
    )
    assert problems[2].format().splitlines()[0] == (
        "content/lich/hop.md:5: mo_ta: dòng của khóa `mo_ta` có dấu cách không ngắt (NBSP) ở chỗ"
        " YAML cần dấu cách thường — xóa khoảng trắng đó rồi gõ lại bằng phím cách (hoặc gõ lại"
        " cả dòng): `mo_ta: Bản PDF`"
    )


def test_a_key_indented_with_non_breaking_spaces_is_no_new_key() -> None:
    """Without the check, ``\\xa0\\xa0b`` became a key of its own, silently."""
    _, problems = parse_yaml("a:\n\u00a0\u00a0b: 1\n", "content/x.yml")
    assert [(p.line, p.code, p.field) for p in problems] == [(2, "yaml.odd-space", "b")]


def test_a_full_width_colon_inside_a_value_is_text() -> None:
    node, problems = parse_yaml("mo_ta: Giờ mở cửa： 7h\nghi_chu: |\n  Lưu ý： mang CCCD\n", "x")
    assert problems == []
    assert node is not None


CURLY = (
    "content/tin.md:2: title: giá trị nằm trong dấu nháy cong `“…”` (điện thoại hoặc trình"
    " soạn thảo như Word đã tự đổi dấu nháy thẳng thành nháy cong): trang sẽ hiện cả hai dấu"
    ' này — gõ dấu nháy thẳng `"` hoặc bỏ hẳn dấu nháy: `Lịch cắt điện` (trên điện thoại,'
    ' tắt "Dấu câu thông minh" / Smart Punctuation trong cài đặt bàn phím)\n'
    "    (en) the value is wrapped in curly quotes `“…”` (the phone or a word processor turned"
    ' straight quotes curly): the page will show both of them — type straight quotes `"` or'
    " none: `Lịch cắt điện` (on a phone, turn off Smart Punctuation in the keyboard settings)"
)


def test_a_title_in_curly_quotes_is_kept_and_warned_about() -> None:
    page, problems = read_page("---\ntitle: “Lịch cắt điện”\n---\n\nChữ.\n", "content/tin.md")
    assert [p.format() for p in problems] == [CURLY]
    assert problems[0].severity == "warning"
    assert page.meta["title"] == "“Lịch cắt điện”"  # as typed: nothing changed silently


@pytest.mark.parametrize(
    ("typed", "quotes"),
    [("‘Họp thôn’", "‘…’"), ("„Họp thôn“", "„…“"), ("«Họp thôn»", "«…»"), ("”Họp thôn”", "”…”")],
)
def test_every_curly_pair_is_seen(typed: str, quotes: str) -> None:
    _, problems = parse_yaml(f"ten: {typed}\n", "x.yml")
    assert [(p.code, f"{p.params['open']}…{p.params['close']}") for p in problems] == [
        ("yaml.curly-quotes", quotes)
    ]


@pytest.mark.parametrize("typed", ["“Tết” và “Rằm”", '"“Tết”"', "Chợ “Phú Mỹ”"])
def test_curly_quotes_inside_a_value_are_text(typed: str) -> None:
    assert parse_yaml(f"ten: {typed}\n", "x.yml")[1] == []


def test_a_data_file_in_curly_quotes_still_loads(make_site: SiteFactory) -> None:
    root = make_site()
    village = root / "content/village.yml"
    village.write_text(
        village.read_text("utf-8").replace("ten: 'Phú Mỹ'", "ten: “Phú Mỹ”"), "utf-8"
    )
    found = read_village(root / "content", "content")
    assert found.village is not None
    assert [(p.line, p.code, p.severity) for p in found.problems] == [
        (1, "yaml.curly-quotes", "warning")
    ]


def test_langso_check_says_the_look_alike_and_warns_of_curly_quotes(
    make_site: SiteFactory,
) -> None:
    root = make_site(
        files={
            "content/tin.md": "---\ntitle: “Lịch cắt điện”\n---\n\n# Lịch cắt điện\n\nChữ.\n",
            "content/danh-ba/cho-phu-my.yml": (
                (make_site() / "content/danh-ba/cho-phu-my.yml")
                .read_text("utf-8")
                .replace("loai: 'cho'", "loai： cho")
            ),
        }
    )
    result = langso(root, "check")
    out = result.stdout + result.stderr
    assert (
        "content/danh-ba/cho-phu-my.yml:2: loai: sau khóa `loai` là dấu `：` (dấu hai chấm của"
        " bàn phím tiếng Trung/Nhật), không phải dấu hai chấm `:` của YAML — thay dấu `：` (dấu"
        " hai chấm của bàn phím tiếng Trung/Nhật) bằng dấu `:`: viết `loai: cho`"
    ) in out
    assert CURLY.splitlines()[0] in out
    assert result.returncode != 0


# Dates and times.


def said(call: object, typed: str) -> str:
    with pytest.raises(PydanticCustomError) as caught:
        call(typed)  # type: ignore[operator]
    context = caught.value.context or {}
    return f"{context['vi']} — {context['fix_vi']} | {context['en']} — {context['fix_en']}"


def test_a_date_in_curly_quotes_says_so() -> None:
    assert said(moment_start, "“05/12/2026 07:30”") == (
        "`“05/12/2026 07:30”` nằm trong dấu nháy cong “…” (điện thoại hoặc Word đã tự đổi dấu"
        " nháy thẳng thành nháy cong), nên không đọc được thành ngày giờ — gõ lại bằng dấu nháy"
        ' thẳng `"05/12/2026 07:30"` hoặc bỏ hẳn dấu nháy'
        " | `“05/12/2026 07:30”` is wrapped in curly quotes “…” (the phone or a word processor"
        " turned straight quotes curly), so it cannot be read as a date or time — type it again"
        ' with straight quotes `"05/12/2026 07:30"` or with none'
    )
    assert said(parse_time_range, "‘07:30-11:00’").startswith(
        "`‘07:30-11:00’` nằm trong dấu nháy cong ‘…’"
    )
    assert said(parse_day, "«15/01/2027»").startswith("`«15/01/2027»` nằm trong dấu nháy cong")


@pytest.mark.parametrize(
    ("typed", "example"),
    [
        ("15/1", "15/01/2027"),  # already past this year: next year's
        ("15/12", "15/12/2026"),
        ("30/11", "30/11/2026"),  # today
        ("29/2", "29/02/2028"),  # the next year that has it
        ("5-1", "05/01/2027"),
        ("7h30 ngày 15/1", "7h30 ngày 15/01/2027"),
    ],
)
def test_a_day_without_its_year_gives_it_in_full(typed: str, example: str) -> None:
    assert said(moment_start, typed) == (
        f"`{typed}` thiếu năm: viết `{example}` — ngày luôn viết đủ ngày/tháng/năm, năm đủ bốn"
        f" chữ số | `{typed}` has no year: write `{example}` — always write the day in full:"
        " day/month/year, with the four digits of the year"
    )


@pytest.mark.parametrize("typed", ["31/2", "15/13", "15/1 abc"])
def test_a_day_without_year_that_is_no_day_is_said_as_before(typed: str) -> None:
    assert "thiếu năm" not in said(moment_start, typed)


def test_a_wrong_time_is_echoed_with_its_accents() -> None:
    assert said(parse_time_range, "rằm tháng giêng").startswith(
        "giờ `rằm tháng giêng` không đúng dạng"
    )
    assert said(parse_time_range, "7 giờ đến Mười giờ").startswith("giờ `Mười giờ` không")


def test_an_event_titled_in_curly_quotes_still_loads() -> None:
    text = "---\ntitle: “Phiên chợ”\nhang_thang_am: [1, 15]\n---\n\n# Phiên chợ\n"
    events, problems = load_events([("lich/cho.md", text)], "content")
    assert problems == []  # the warning is langso/content's, said once for every page
    assert [event.title for event in events] == ["“Phiên chợ”"]
