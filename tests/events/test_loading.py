"""Event pages into events (langso.events.loading): every way of saying when, and a located,
bilingual problem for each mistake, hostile input included."""

from __future__ import annotations

import datetime as dt

import pytest

from langso.events.loading import EVENT_KEYS, load_events
from langso.events.model import Event, Rule


def load(
    front: str, body: str = "\n# Tên\n\nĐoạn đầu của trang.\n"
) -> tuple[list[Event], list[str]]:
    events, problems = load_events([("lich/a.md", f"---\n{front}---\n{body}")], "content")
    return events, [p.format() for p in problems]


def one(front: str) -> Rule:
    events, problems = load(front)
    assert problems == []
    return events[0].rule


def test_the_five_ways() -> None:
    assert one("title: A\nngay: 15/01/2027\n") == Rule("once", date=dt.date(2027, 1, 15))
    assert one("title: A\nngay_am: 10/3\n") == Rule("lunar-yearly", lunar_month=3, days=(10,))
    assert one("title: A\nngay_am: 10/3 nhuận\n") == Rule(
        "lunar-yearly", lunar_month=3, days=(10,), leap=True
    )
    assert one("title: A\nngay_am: rằm tháng Giêng\n").days == (15,)
    assert one("title: A\nhang_thang_am: [15, 1, 1]\n") == Rule("lunar-monthly", days=(1, 15))
    assert one("title: A\nhang_thang_am: 1 và 15\n") == Rule("lunar-monthly", days=(1, 15))
    assert one("title: A\nhang_tuan: thứ bảy\n") == Rule("weekly", days=(5,))
    assert one("title: A\nhang_thang: [20, 5]\ntu_ngay: 1/1/2027\nden_ngay: 31/12/2027\n") == (
        Rule("monthly", days=(5, 20), since=dt.date(2027, 1, 1), until=dt.date(2027, 12, 31))
    )


def test_a_whole_event() -> None:
    events, problems = load(
        "title: Hội làng <b>&</b>\nloai: le hoi\nngay: 2026-11-28\nden_ngay: 30/11/2026\n"
        'gio: "07:30-11:00"\ndia_diem: Đình làng\nnguon: https://vbpl.vn/a\nhide: [toc]\n'
    )
    assert problems == []
    event = events[0]
    assert event.src_uri == "lich/a.md" and event.source == "content/lich/a.md"
    assert event.title == "Hội làng <b>&</b>"  # plain text; escaped where rendered
    assert event.kind.key == "le-hoi"
    assert event.rule == Rule("once", date=dt.date(2026, 11, 28), last=dt.date(2026, 11, 30))
    assert event.duration == 3
    assert (event.start, event.end) == (dt.time(7, 30), dt.time(11, 0))
    assert event.place == "Đình làng" and event.source_url == "https://vbpl.vn/a"
    assert event.summary == "Đoạn đầu của trang."  # no description: the first paragraph
    assert load("title: A\nngay: 1/1/2027\nso_ngay: 3\n")[0][0].duration == 3
    assert load("title: A\nngay: 1/1/2027\n")[0][0].kind.key == "khac"
    assert {"ngay", "ngay_am", "hang_thang_am", "hang_tuan", "hang_thang", "gio"} <= EVENT_KEYS


def _first(front: str) -> str:
    _, problems = load(front)
    assert len(problems) == 1, problems
    return problems[0]


@pytest.mark.parametrize(
    ("front", "start"),
    [
        ("title: A\n", "content/lich/a.md:2: sự kiện chưa nói diễn ra khi nào — thêm đúng một"),
        (
            "title: A\nngay: 1/1/2027\nngay_am: 10/3\n",
            "content/lich/a.md:4: ngay_am: có cả `ngay` và `ngay_am`: mỗi sự kiện chỉ nói",
        ),
        ("title: A\nhang_tuan: thứ tám\n", "content/lich/a.md:3: hang_tuan: `thứ tám` không"),
        ("title: A\nngay_am: 0/3\n", "content/lich/a.md:3: ngay_am: `0/3`: ngày âm lịch 0 không"),
        ("title: A\nngay_am: 31/3\n", "content/lich/a.md:3: ngay_am: `31/3`: ngày âm lịch 31"),
        ("title: A\nngay_am: 10/13\n", "content/lich/a.md:3: ngay_am: `10/13`: tháng âm lịch 13"),
        (
            "title: A\nngay: 10/12/2026\nden_ngay: 5/12/2026\n",
            "content/lich/a.md:4: den_ngay: `den_ngay` (05/12/2026) trước `ngay` (10/12/2026)",
        ),
        ("title: A\nngay: 1/1/2027\nso_ngay: 0\n", "content/lich/a.md:4: so_ngay: `0`: số ngày"),
        ("title: A\nngay: 1/1/2027\nso_ngay: 61\n", "content/lich/a.md:4: so_ngay: `61`: số ngày"),
        (
            "title: A\nngay: 1/1/2027\nnguon: http://vbpl.vn/a\n",
            "content/lich/a.md:4: nguon: `http://vbpl.vn/a` không phải địa chỉ trang web bắt",
        ),
        (
            "title: A\nngay: 1/1/2027\nloai: phien ch\n",
            "content/lich/a.md:4: loai: loại sự kiện `phien ch` không có (có phải ý bạn là "
            "`Phiên chợ`?)",
        ),
        (
            "title: A\nhang_thang_am: [" + ", ".join(["1"] * 1000) + "]\n",
            "content/lich/a.md:3: hang_thang_am: danh sách có 1000 ngày",
        ),
        ("title: A\nhang_thang: [32]\n", "content/lich/a.md:3: hang_thang: ngày `32` không có"),
        ("title: A\nngay: [1/1/2027]\n", "content/lich/a.md:3: ngay: `ngay` phải là một dòng chữ"),
        ("title: A\nngay: 31/11/2026\n", "content/lich/a.md:3: ngay: `31/11/2026` không phải"),
        ("title: A\nngay: 1/1/2126\n", "content/lich/a.md:3: ngay: `1/1/2126`: lịch chỉ tính"),
        ("ngay: 1/1/2027\n", "content/lich/a.md:2: title: thiếu trường bắt buộc `title`"),
        (
            "title: A\nngay: 1/1/2027\ntu_ngay: 1/1/2027\n",
            "content/lich/a.md:4: tu_ngay: `tu_ngay` chỉ dùng cho sự kiện lặp lại",
        ),
        (
            "title: A\nhang_tuan: CN\ntu_ngay: 1/3/2027\nden_ngay: 1/1/2027\n",
            "content/lich/a.md:5: den_ngay: `den_ngay` (01/01/2027) trước `tu_ngay`",
        ),
        ('title: A\nngay: 1/1/2027\ngio: "13:30-5:00"\n', "content/lich/a.md:4: gio: trong"),
        (
            "title: A\nngay: 1/1/2027\ngio: ['07:30', '11:00']\n",
            "content/lich/a.md:4: gio: `gio` phải là một dòng chữ — viết trên một dòng",
        ),
        ("title: A\nngay_am: [10, 3]\n", "content/lich/a.md:3: ngay_am: `ngay_am` phải là một"),
        ("title: A\nngay: 1/1/2027\nloai: [họp]\n", "content/lich/a.md:4: loai: `loai` phải là"),
        ("title: A\nhang_tuan: [CN]\n", "content/lich/a.md:3: hang_tuan: `hang_tuan` phải là"),
    ],
)
def test_mistakes(front: str, start: str) -> None:
    message = _first(front)
    assert message.startswith(start), message
    vietnamese, english = message.split("\n    (en) ")
    assert " — " in vietnamese and " — " in english  # what is wrong — how to fix it


def test_two_rules_are_reported_with_another_mistake() -> None:
    _, problems = load("title: A\nngay: 1/1/2027\nngay_am: 10/3\nso_ngay: 0\n")
    assert [p.split(" ", 2)[:2] for p in problems] == [
        ["content/lich/a.md:4:", "ngay_am:"],
        ["content/lich/a.md:5:", "so_ngay:"],
    ]


def test_unquoted_yaml_date_is_text() -> None:
    assert one("title: A\nngay: 2026-11-28\n") == Rule("once", date=dt.date(2026, 11, 28))


def test_page_without_front_matter() -> None:
    events, problems = load_events([("lich/b.md", "# Chỉ có chữ\n")], "content")
    assert events == []
    assert [p.format().split("\n")[0] for p in problems] == [
        "content/lich/b.md:1: trang này nằm trong thư mục lịch nhưng không có phần đầu `---` nói "
        "tên và ngày của sự kiện — thêm ở đầu tệp: một dòng `---`, `title: ...`, một dòng ngày "
        "(ví dụ `ngay: 15/01/2027` hoặc `ngay_am: 10/3`) rồi một dòng `---`; hoặc chuyển trang "
        "ra khỏi thư mục lịch"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: A\nngay: 1/1/2027\x07\n---\n",  # a control character
        "---\ntitle: [A, B]\nngay: 1/1/2027\n---\n",  # a title that is not text
        "---\ntitle: A: b\nngay: 1/1/2027\n---\n",  # YAML it cannot read
    ],
)
def test_what_langso_content_reports_is_not_repeated(text: str) -> None:
    assert load_events([("lich/a.md", text)], "content") == ([], [])


def test_other_front_matter_keys_are_left_to_langso_content() -> None:
    events, problems = load("title: A\nngay: 1/1/2027\ndescription: Tóm tắt.\nicon: x/y\n")
    assert problems == [] and events[0].summary == "Tóm tắt."


def test_long_body_summary_is_cut_at_a_word() -> None:
    body = "\n# T\n\n" + "Chữ [liên kết](x.md) **đậm** " * 30 + "\n\nĐoạn hai.\n"
    events, _ = load("title: A\nngay: 1/1/2027\n", body)
    summary = events[0].summary
    assert summary.startswith("Chữ liên kết đậm Chữ") and summary.endswith("…")
    assert len(summary) <= 201 and "Đoạn hai" not in summary
