"""``langso new thong-bao`` / ``su-kien``: the file written, byte for byte; refusals; questions
at a terminal (asked again after a wrong answer, Ctrl-C); hostile titles stay one quoted line.

The build day is fixed (``SOURCE_DATE_EPOCH``, tests/conftest.py): now is 07:00 on 30/11/2026 in
Viet Nam, so a new notice is ``thong-bao/2026-11-30-<slug>.md`` posted ``30/11/2026 07:00``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from langso.cli import build_parser
from langso.cli_new_notice import _Asker, now, run_new_notice
from langso.cli_site import UserError, read_config
from langso.clock import VIETNAM_TIME
from langso.events.loading import load_events
from langso.notice_starter import (
    LunarDay,
    Repeat,
    event_text,
    notice_text,
    parse_lunar_day,
    parse_repeat,
)
from langso.scaffold import starter_line
from tests.conftest import SiteFactory
from tests.test_cli_new import langso

POSTED = dt.datetime(2026, 11, 30, 7, 0, tzinfo=VIETNAM_TIME)
NOTICE = "content/thong-bao/2026-11-30-cat-dien-ngay-12-12.md"


def front_matter(text: str) -> dict[str, object]:
    assert text.startswith("---\n")
    data: dict[str, object] = yaml.safe_load(text.split("\n---\n", 1)[0][4:])
    return data


def test_now_is_the_build_moment_in_viet_nam() -> None:
    assert now() == POSTED


def test_a_notice_from_options_is_written_exactly(make_site: SiteFactory) -> None:
    root = make_site()
    result = langso(
        root, "new", "thong-bao", "--loai", "cat dien", "--tieu-de", "Cắt điện ngày 12/12",
        "--het-han", "12/12/2026 17:00", "--noi-dung", "Mất điện từ 7:00 đến 17:00.",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"Đã tạo / created {NOTICE}"
    assert result.stdout.splitlines()[-1] == "Kiểm tra bằng / check with: langso check"
    assert (root / NOTICE).read_text("utf-8") == (
        "---\n"
        'title: "Cắt điện ngày 12/12"\n'
        'loai: "Lịch cắt điện"\n'
        'ngay_dang: "30/11/2026 07:00"\n'
        'nguoi_dang: "Trưởng thôn"\n'
        'het_han: "12/12/2026 17:00"\n'
        "---\n"
        "\n"
        "# Cắt điện ngày 12/12\n"
        "\n"
        "Mất điện từ 7:00 đến 17:00.\n"
    )
    # Run again: a new name, the first file untouched.
    again = langso(root, "new", "thong-bao", "--loai", "2", "--tieu-de", "Cắt điện ngày 12/12")
    assert again.stdout.splitlines()[0] == (
        "Đã tạo / created content/thong-bao/2026-11-30-cat-dien-ngay-12-12-2.md"
    )
    assert "Mất điện từ 7:00" in (root / NOTICE).read_text("utf-8")


def test_without_expiry_or_text_a_day_alone_and_the_placeholder() -> None:
    text = notice_text(title="Họp thôn", kind="Họp thôn", posted=POSTED, poster="Tổ công nghệ số")
    assert text == (
        '---\ntitle: "Họp thôn"\nloai: "Họp thôn"\nngay_dang: "30/11/2026 07:00"\n'
        'nguoi_dang: "Tổ công nghệ số"\n---\n\n# Họp thôn\n\n'
        "Viết nội dung thông báo ở đây: việc gì, ở đâu, khi nào, bà con cần làm gì.\n"
    )
    # The placeholder is starter text: `langso check` points at it (a warning).
    assert starter_line(text) == 10
    ends = dt.datetime(2026, 12, 12, 23, 59, 59, tzinfo=VIETNAM_TIME)
    dated = notice_text(title="A", kind="Tiêm chủng", posted=POSTED, poster="X", expires=ends)
    assert 'het_han: "12/12/2026"\n' in dated


@pytest.mark.parametrize(
    "title",
    [
        "Họp\n---\nloai: x\n---\n# <script>alert(1)</script>",
        '"; het_han: "01/01/2020',
        "a: b # c\r\n---",
        "<b>**đậm**</b> [link](javascript:x) & {{x}}",
    ],
)
def test_a_hostile_title_stays_one_quoted_line(title: str) -> None:
    text = notice_text(title=title, kind="Họp thôn", posted=POSTED, poster="Trưởng thôn")
    assert text.count("\n---\n") == 1 and text.startswith("---\n")
    data = front_matter(text)
    assert data == {
        "title": " ".join(title.split()),
        "loai": "Họp thôn",
        "ngay_dang": "30/11/2026 07:00",
        "nguoi_dang": "Trưởng thôn",
    }
    heading = text.split("\n---\n", 1)[1].splitlines()[1]
    assert heading.startswith("# ") and "<" not in heading and "[" not in heading.replace("\\[", "")


def test_an_event_solar_or_lunar_with_time_and_place() -> None:
    assert event_text(
        title="Tiêm chủng tháng 1",
        kind="Tiêm chủng",
        when=dt.date(2027, 1, 15),
        time="07:30-11:00",
        place="Trạm y tế xã",
        text="Mang sổ tiêm.",
    ) == (
        '---\ntitle: "Tiêm chủng tháng 1"\nloai: "Tiêm chủng"\nngay: "15/01/2027"\n'
        'gio: "07:30-11:00"\ndia_diem: "Trạm y tế xã"\n---\n\n# Tiêm chủng tháng 1\n\n'
        "Mang sổ tiêm.\n"
    )
    lunar = event_text(title="Lễ hội", kind="Lễ hội, ngày lễ", when=LunarDay(10, 3))
    assert front_matter(lunar) == {"title": "Lễ hội", "loai": "Lễ hội, ngày lễ", "ngay_am": "10/3"}
    assert starter_line(lunar) is not None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("10/3 âm", LunarDay(10, 3)),
        ("mùng 10 tháng 3 âm lịch", LunarDay(10, 3)),
        ("10/3 nhuận (ÂL)", LunarDay(10, 3, leap=True)),
        ("1-1 AL", LunarDay(1, 1)),
        ("15/01/2027", None),
        ("Thứ Bảy, 28/11/2026", None),
    ],
)
def test_lunar_days_as_typed(typed: str, expected: LunarDay | None) -> None:
    assert parse_lunar_day(typed) == expected


@pytest.mark.parametrize("typed", ["31/3 âm", "10/13 âm", "âm", "10 âm"])
def test_impossible_lunar_days_are_refused(typed: str) -> None:
    with pytest.raises(ValueError, match="không phải ngày âm lịch"):
        parse_lunar_day(typed)


def test_an_event_from_options(make_site: SiteFactory) -> None:
    root = make_site()
    result = langso(
        root, "new", "su-kien", "--loai", "phien cho", "--tieu-de", "Phiên chợ (dữ liệu mẫu)",
        "--ngay", "mùng 1 âm", "--gio", "5h đến 9h",
    )  # fmt: skip
    assert result.returncode == 1  # "mùng 1" has no month: a yearly lunar day needs one
    assert result.stderr.startswith("--ngay: `mùng 1 âm` không phải ngày âm lịch")
    result = langso(
        root, "new", "su-kien", "--loai", "phien cho", "--tieu-de", "Giỗ Tổ (dữ liệu mẫu)",
        "--ngay", "10/3 âm", "--gio", "7h đến 11h", "--dia-diem", "Đình làng",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Đã tạo / created content/lich/gio-to-du-lieu-mau.md"
    text = (root / "content/lich/gio-to-du-lieu-mau.md").read_text("utf-8")
    assert front_matter(text) == {
        "title": "Giỗ Tổ (dữ liệu mẫu)",
        "loai": "Phiên chợ",
        "ngay_am": "10/3",
        "gio": "07:00-11:00",
        "dia_diem": "Đình làng",
    }


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (
            ["thong-bao", "--tieu-de", "A"],
            "thiếu --loai: Chọn loại thông báo (gõ số) / kind (its number)\n"
            "Loại thông báo / kinds:\n  1. Thiên tai, khẩn cấp\n  2. Lịch cắt điện\n"
            "  3. Tiêm chủng\n  4. Họp thôn\n  5. Thu phí, đóng góp\n  6. Việc làm\n"
            "  7. Bản tin loa\n  8. Thông báo chung\n    (en) --loai is missing\n",
        ),
        (
            ["thong-bao", "--loai", "9", "--tieu-de", "A"],
            "--loai: không có loại `9`: gõ số thứ tự hoặc một tên trong: Thiên tai, khẩn cấp, "
            "Lịch cắt điện, Tiêm chủng, Họp thôn, Thu phí, đóng góp, Việc làm, Bản tin loa, "
            "Thông báo chung\n    (en) no kind `9`: type its number or one of the names\n",
        ),
        (
            ["thong-bao", "--loai", "1", "--tieu-de", "!!!"],
            "--tieu-de: `!!!`: tiêu đề cần có chữ hoặc số\n    (en) the title needs letters\n",
        ),
        (
            ["thong-bao", "--loai", "1", "--tieu-de", "A", "--het-han", "29/11/2026"],
            "--het-han: `29/11/2026`: hết hạn (29/11/2026) trước lúc đăng (30/11/2026 07:00) — "
            "ghi ngày sau hôm nay, hoặc bỏ trống nếu không hết hạn\n    (en) the expiry is "
            "before the posting time — give a later date, or none\n",
        ),
        (
            ["thong-bao", "--loai", "1", "--tieu-de", "A", "--het-han", "31/11/2026"],
            "--het-han: `31/11/2026` không phải một ngày có thật — viết ngày/tháng/năm, ví dụ "
            "01/05/2026 (hoặc 2026-05-01)\n    (en) `31/11/2026` is not a real date — write "
            "day/month/year, e.g. 01/05/2026 (or 2026-05-01)\n",
        ),
        (
            ["thong-bao", "--loai", "1", "--tieu-de", "A", "--nguoi-dang", "Ông Ba 0912345678"],
            "--nguoi-dang: `Ông Ba 0912345678`: chỉ ghi chức vụ (Trưởng thôn, Tổ công nghệ số…),"
            " không ghi số điện thoại riêng\n    (en) write a role, not a private phone number\n",
        ),
        (
            ["su-kien", "--loai", "hop", "--tieu-de", "A"],
            "thiếu --ngay: Ngày diễn ra / the day\n"
            "Ngày, gõ theo một trong các cách / the day, one of:\n"
            "  15/01/2027                       một lần, ngày dương lịch / once\n"
            "  10/3 âm                          hằng năm, ngày âm lịch / every year, lunar\n"
            "  ngày 1 và 15 âm lịch hằng tháng  phiên chợ / lunar days, every month\n"
            "  thứ bảy hằng tuần                mỗi tuần / every week\n"
            "  ngày 5 hằng tháng                ngày dương lịch, mỗi tháng / every month\n"
            "    (en) --ngay is missing\n",
        ),
        (
            ["su-kien", "--loai", "hop", "--tieu-de", "A", "--ngay", "1/1/2027", "--gio", "25h"],
            # Said for an option or a prompt: no quotes (the front matter's message has them).
            "--gio: giờ `25h` không đúng dạng — viết giờ:phút theo 24 giờ, ví dụ 07:30 hoặc "
            "17:00\n    (en) `25h` is not a time of day — write hours:minutes on the 24-hour "
            "clock, e.g. 07:30 or 17:00\n",
        ),
    ],
)
def test_refusals_write_nothing(make_site: SiteFactory, args: list[str], stderr: str) -> None:
    root = make_site()
    result = langso(root, "new", *args)
    assert (result.returncode, result.stderr) == (1, stderr)
    assert not (root / "content/thong-bao").exists() and not (root / "content/lich").exists()


# At a terminal: the same code, with the answers typed one by one.


@pytest.fixture
def site(make_site: SiteFactory) -> Iterator[tuple[Path, object]]:
    root = make_site()
    yield root, read_config(str(root / "mkdocs.yml"))


def typed(*answers: str | BaseException) -> _Asker:
    queue = list(answers)

    def ask(question: str) -> str:
        print(question)
        answer = queue.pop(0)
        if isinstance(answer, BaseException):
            raise answer
        return answer

    return _Asker(interactive=True, ask=ask)


def parsed(*words: str) -> argparse.Namespace:
    args: argparse.Namespace = build_parser().parse_args(["new", *words])
    return args


def run(root: Path, config: object, args: argparse.Namespace, asker: _Asker) -> Path:
    return run_new_notice(args, config, root / "content", "content", asker=asker)  # type: ignore[arg-type]


def test_questions_at_a_terminal_ask_again_after_a_mistake(
    site: tuple[Path, object], capsys: pytest.CaptureFixture[str]
) -> None:
    root, config = site
    path = run(
        root, config, parsed("thong-bao"),
        typed("0", "bão", "", "Bão số 15 (dữ liệu mẫu)", "", "hôm qua", "10/12/2026", ""),
    )  # fmt: skip
    out = capsys.readouterr().out.splitlines()
    assert out[:11] == [
        "Loại thông báo / kinds:",
        "  1. Thiên tai, khẩn cấp",
        "  2. Lịch cắt điện",
        "  3. Tiêm chủng",
        "  4. Họp thôn",
        "  5. Thu phí, đóng góp",
        "  6. Việc làm",
        "  7. Bản tin loa",
        "  8. Thông báo chung",
        "Chọn loại thông báo (gõ số) / kind (its number): ",
        "không có loại `0`: gõ số thứ tự hoặc một tên trong: Thiên tai, khẩn cấp, Lịch cắt điện,"
        " Tiêm chủng, Họp thôn, Thu phí, đóng góp, Việc làm, Bản tin loa, Thông báo chung",
    ]
    assert "Cần trả lời câu này. / An answer is needed." in out
    assert out.count("Hết hạn ngày nào, ví dụ 12/12/2026 hoặc 12/12/2026 17:00 (Enter: không hết "
                     "hạn) / expires on: ") == 2  # fmt: skip
    assert path == root / "content/thong-bao/2026-11-30-bao-so-15-du-lieu-mau.md"
    assert front_matter(path.read_text("utf-8")) == {
        "title": "Bão số 15 (dữ liệu mẫu)",
        "loai": "Thiên tai, khẩn cấp",
        "ngay_dang": "30/11/2026 07:00",
        "nguoi_dang": "Trưởng thôn",
        "het_han": "10/12/2026",
    }


@pytest.mark.parametrize("stop", [KeyboardInterrupt(), EOFError()])
def test_ctrl_c_or_end_of_input_stops_without_writing(
    site: tuple[Path, object], stop: BaseException
) -> None:
    root, config = site
    with pytest.raises(UserError) as raised:
        run(root, config, parsed("su-kien", "--loai", "hop"), typed("Họp thôn", stop))
    expected = (
        "\nĐã dừng, chưa ghi tệp nào. / Stopped; nothing was written."
        if isinstance(stop, KeyboardInterrupt)
        else "thiếu --ngay: Ngày diễn ra / the day\n    (en) --ngay is missing"
    )
    assert str(raised.value) == expected
    assert not (root / "content/lich").exists()


def test_an_existing_file_is_never_overwritten(
    site: tuple[Path, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, config = site
    target = root / "content/thong-bao/2026-11-30-hop.md"
    target.parent.mkdir(parents=True)
    target.write_text("của người khác\n", "utf-8")
    # The name is chosen free; if the file appears meanwhile, creating it fails, not overwrites.
    monkeypatch.setattr("langso.cli_new_notice.unique_file", lambda *_: target)
    with pytest.raises(UserError, match="tệp đã có, không ghi đè"):
        run(root, config, parsed("thong-bao", "--loai", "4", "--tieu-de", "Họp"), typed("", "", ""))
    assert target.read_text("utf-8") == "của người khác\n"


DOCS = ("dang-thong-bao.md", "lich.md")


@pytest.mark.parametrize("page", DOCS)
def test_the_commands_the_docs_show_parse(page: str) -> None:
    text = (Path(__file__).resolve().parent.parent / "docs" / page).read_text("utf-8")
    commands = re.findall(r"^(?:\$ )?\.venv/bin/langso (new .+)$", text, re.MULTILINE)
    assert len(commands) >= (2 if page == "lich.md" else 1), commands
    for command in commands:
        args = build_parser().parse_args(shlex.split(command))
        assert args.kind in ("thong-bao", "su-kien")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ngày 1 và 15 âm lịch hằng tháng", Repeat("hang_thang_am", (1, 15))),
        ("mùng 1, rằm âm hằng tháng", Repeat("hang_thang_am", (1, 15))),
        ("Mùng 1 và Rằm hàng tháng (ÂL)", Repeat("hang_thang_am", (1, 15))),
        ("thứ bảy hằng tuần", Repeat("hang_tuan", (5,))),
        ("T7 mỗi tuần", Repeat("hang_tuan", (5,))),
        ("chủ nhật hàng tuần", Repeat("hang_tuan", (6,))),
        ("ngày 5 hằng tháng", Repeat("hang_thang", (5,))),
        ("các ngày 20 và 5 hằng tháng", Repeat("hang_thang", (5, 20))),
        ("15/01/2027", None),
        ("10/3 âm", None),
    ],
)
def test_days_that_come_back_as_typed(typed: str, expected: Repeat | None) -> None:
    assert parse_repeat(typed) == expected


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("hằng tuần", "không rõ thứ mấy"),
        ("thứ bảy và chủ nhật hằng tuần", "không rõ thứ mấy"),
        ("ngày 32 hằng tháng", "không rõ ngày nào trong tháng — gõ các ngày (từ 1 đến 31)"),
        ("ngày 31 âm lịch hằng tháng", "(âm lịch từ 1 đến 30)"),
    ],
)
def test_days_that_come_back_but_unclear_are_refused(typed: str, says: str) -> None:
    with pytest.raises(ValueError, match=re.escape(says)):
        parse_repeat(typed)


def test_a_market_typed_at_the_prompts_is_written_and_loads(
    site: tuple[Path, object], capsys: pytest.CaptureFixture[str]
) -> None:
    """The day prompt takes lunar market days; a time typed wrongly is said for the prompt
    (no "in quotes": nothing typed there needs quotes), then asked again."""
    root, config = site
    path = run(
        root, config, parsed("su-kien", "--loai", "phien cho", "--tieu-de", "Phiên chợ (thử)"),
        typed("ngày 1 và 15 âm lịch hằng tháng", "", "25h", "5h-10h", "Chợ xã", ""),
    )  # fmt: skip
    out = capsys.readouterr().out
    assert "→ Hằng tháng vào ngày 1 và 15 âm lịch\n" in out
    assert (
        "giờ `25h` không đúng dạng — viết giờ:phút theo 24 giờ, ví dụ 07:30 hoặc 17:00\n"
        "    (en) `25h` is not a time of day — write hours:minutes on the 24-hour clock,"
        " e.g. 07:30 or 17:00\n"
    ) in out
    assert "nháy" not in out and "quotes" not in out
    text = path.read_text("utf-8")
    assert front_matter(text) == {
        "title": "Phiên chợ (thử)",
        "loai": "Phiên chợ",
        "hang_thang_am": [1, 15],
        "gio": "05:00-10:00",
        "dia_diem": "Chợ xã",
    }
    events, problems = load_events([("lich/phien-cho-thu.md", text)], "content")
    assert problems == []
    assert (events[0].rule.how, events[0].rule.days) == ("lunar-monthly", (1, 15))


@pytest.mark.parametrize(
    ("day", "line", "how"),
    [
        ("thứ bảy hằng tuần", 'hang_tuan: "thứ bảy"', ("weekly", (5,))),
        ("ngày 5 và 20 hằng tháng", "hang_thang: [5, 20]", ("monthly", (5, 20))),
    ],
)
def test_weekly_and_monthly_days_from_options(
    make_site: SiteFactory, day: str, line: str, how: tuple[str, tuple[int, ...]]
) -> None:
    root = make_site()
    result = langso(root, "new", "su-kien", "--loai", "hop", "--tieu-de", "Họp", "--ngay", day)
    assert result.returncode == 0, result.stderr
    text = (root / "content/lich/hop.md").read_text("utf-8")
    assert line in text.splitlines()
    events, problems = load_events([("lich/hop.md", text)], "content")
    assert problems == []
    assert (events[0].rule.how, events[0].rule.days) == how


def test_a_day_refused_at_the_prompt_shows_every_way_to_write_it(
    site: tuple[Path, object], capsys: pytest.CaptureFixture[str]
) -> None:
    root, config = site
    run(
        root, config, parsed("su-kien", "--loai", "hop", "--tieu-de", "Họp"),
        typed("thứ bảy", "15/01/2027", "", "", "", ""),
    )  # fmt: skip
    out = capsys.readouterr().out
    assert (
        "Gõ theo một trong các cách / type one of:\n"
        "  15/01/2027                       một lần, ngày dương lịch / once\n"
        "  10/3 âm                          hằng năm, ngày âm lịch / every year, lunar\n"
        "  ngày 1 và 15 âm lịch hằng tháng  phiên chợ / lunar days, every month\n"
        "  thứ bảy hằng tuần                mỗi tuần / every week\n"
        "  ngày 5 hằng tháng                ngày dương lịch, mỗi tháng / every month\n"
    ) in out
