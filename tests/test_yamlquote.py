"""A quote opened and never closed is reported where it opened (``langso.yamlquote``, issue 17).

A tester's service file, line 5 ``mo_ta: 'Phiên chợ họp sáng`` without its closing ``'``, was
reported at line 7 ("một dòng thụt lề sai, hoặc thiếu `- `…"): PyYAML reads a quoted value over
the next lines and stumbles only where a later ``'`` closes it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

from langso.frontmatter import read_page
from langso.problems import Problem
from langso.schema import compose_yaml
from langso.yamlsource import parse_yaml
from tests.conftest import SiteFactory

SERVICE = (
    "ten: 'Chợ Đông Sơn'\n"  # 1
    "loai: 'cho'\n"  # 2
    "dia_chi:\n"  # 3
    "  thon: 'Phú Mỹ'\n"  # 4
    "mo_ta: 'Phiên chợ họp sáng\n"  # 5: no closing quote
    "gio_mo_cua:\n"  # 6
    "# Giờ họp: xem 'lịch chợ' của xã\n"  # 7: PyYAML stopped here
    "  - ngay: 'hằng ngày'\n"  # 8
    "    gio: '5:00-11:00'\n"  # 9
    "du_lieu_mau: 'có'\n"  # 10
)


def langso_check(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "langso.cli", "check", *args],
        cwd=root,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=120,
        check=False,
    )


def test_the_testers_file_is_reported_on_the_line_of_the_quote(make_site: SiteFactory) -> None:
    root = make_site(files={"content/danh-ba/cho-dong-son.yml": SERVICE})
    result = langso_check(root)
    assert result.stdout.splitlines()[:2] == [
        "content/danh-ba/cho-dong-son.yml:5: mo_ta: giá trị mở dấu nháy `'` ở dòng này mà không"
        " đóng: YAML đọc gộp các dòng sau vào giá trị này và chỉ dừng ở dòng 7 — thiếu dấu nháy"
        " đóng `'` ở cuối dòng 5: viết `mo_ta: 'Phiên chợ họp sáng'`",
        "    (en) mo_ta: the value opens a quote `'` on this line and never closes it: YAML reads"
        " the next lines into it and stops only at line 7 — the closing quote `'` is missing at"
        " the end of line 5: write `mo_ta: 'Phiên chợ họp sáng'`",
    ]
    assert result.returncode == 1
    english = langso_check(root, "--lang", "en")
    assert english.stdout.splitlines()[0] == (
        "content/danh-ba/cho-dong-son.yml:5: mo_ta: the value opens a quote `'` on this line"
        " and never closes it: YAML reads the next lines into it and stops only at line 7 — the"
        " closing quote `'` is missing at the end of line 5: write `mo_ta: 'Phiên chợ họp sáng'`"
    )


def test_village_and_plaques_files_too(make_site: SiteFactory) -> None:
    root = make_site(
        files={
            "content/village.yml": "ten: 'Phú Mỹ\nloai: 'làng'\nxa: 'xã Yên Định'\n"
            "tinh: 'tỉnh Thanh Hóa'\n",
            "content/plaques.yml": "- id: 'dinh'\n"
            '  ten: "Đình làng Phú Mỹ\n'
            "  trang: 'dia-diem/dinh-lang-phu-my.md'\n",
        }
    )
    output = langso_check(root).stdout.splitlines()
    lines = [line for line in output if not line.startswith("    (en) ")]  # the English half
    assert lines[:4] == [
        'content/plaques.yml:2: ten: giá trị mở dấu nháy `"` ở dòng này mà không đóng: YAML đọc'
        ' gộp các dòng sau vào giá trị này cho đến hết tệp — thiếu dấu nháy đóng `"` ở cuối'
        ' dòng 2: viết `ten: "Đình làng Phú Mỹ"`',
        "",
        "content/village.yml:1: ten: giá trị mở dấu nháy `'` ở dòng này mà không đóng: YAML đọc"
        " gộp các dòng sau vào giá trị này và chỉ dừng ở dòng 2 — thiếu dấu nháy đóng `'` ở"
        " cuối dòng 1: viết `ten: 'Phú Mỹ'`",
        "",
    ]


def only(problems: list[Problem]) -> tuple[int | None, str | None, str, Mapping[str, object]]:
    assert len(problems) == 1, problems
    problem = problems[0]
    return problem.line, problem.field, problem.code, problem.params


def test_a_notice_front_matter_counts_lines_from_the_file() -> None:
    """Notices, events and every page: the block starts on the file's line 2."""
    text = '---\ntitle: "Lịch cắt điện\nloai: thông báo chung\nngay_dang: 01/12/2026\n---\n\n# A\n'
    _, problems = read_page(text, "content/thong-bao/2026-12-01-cat-dien.md")
    assert only(problems) == (
        2,
        "title",
        "yaml.unclosed-quote",
        {
            "quote": '"',
            "until_vi": "cho đến hết phần đầu trang",
            "until_en": "to the end of the front matter",
            "close_line": 2,
            "suggestion": 'title: "Lịch cắt điện"',
        },
    )


def test_a_tour_stop_in_a_list() -> None:
    text = (
        "ten: 'Ba ngôi đình'\n"
        "diem_dung:\n"
        "  - trang: 'dia-diem/dinh.md'\n"
        "    loi_dan: 'Ngôi nhà chung của làng.\n"
        "  - trang: 'danh-ba/cho.yml'\n"
    )
    _, problems = compose_yaml(text, "content/tuyen-tham-quan/ba-ngoi-dinh.yml")
    assert only(problems) == (
        4,
        "loi_dan",
        "yaml.unclosed-quote",
        {
            "quote": "'",
            "until_vi": "và chỉ dừng ở dòng 5",
            "until_en": "and stops only at line 5",
            "close_line": 4,
            "suggestion": "loi_dan: 'Ngôi nhà chung của làng.'",
        },
    )


def test_a_bare_list_item() -> None:
    _, problems = parse_yaml("dien_thoai:\n  - '0300 000 001\n  - '0300 000 002'\n", "a.yml")
    assert only(problems) == (
        2,
        None,
        "yaml.unclosed-quote",
        {
            "quote": "'",
            "until_vi": "và chỉ dừng ở dòng 3",
            "until_en": "and stops only at line 3",
            "close_line": 2,
            "suggestion": "- '0300 000 001'",
        },
    )


def test_a_value_meant_to_run_over_lines_closes_on_its_last_line() -> None:
    """Lines indented under the key belong to the value: the quote goes after the last."""
    text = "mo_ta: 'Phiên chợ\n  họp sáng\n\n  mỗi ngày rằm\nloai: 'cho'\nten: A\n"
    _, problems = parse_yaml(text, "a.yml")
    assert only(problems) == (
        1,
        "mo_ta",
        "yaml.unclosed-quote",
        {
            "quote": "'",
            "until_vi": "và chỉ dừng ở dòng 5",
            "until_en": "and stops only at line 5",
            "close_line": 4,
            "suggestion": "mỗi ngày rằm'",
        },
    )
    assert problems[0].format() == (
        "a.yml:1: mo_ta: giá trị mở dấu nháy `'` ở dòng này mà không đóng: YAML đọc gộp các dòng"
        " sau vào giá trị này và chỉ dừng ở dòng 5 — thiếu dấu nháy đóng `'` ở cuối dòng 4: viết"
        " `mỗi ngày rằm'`\n"
        "    (en) the value opens a quote `'` on this line and never closes it: YAML reads the"
        " next lines into it and stops only at line 5 — the closing quote `'` is missing at the"
        " end of line 4: write `mỗi ngày rằm'`"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # No later quote: PyYAML runs to the end of the file.
        ("ten: A\nmo_ta: 'Khám bệnh\nloai: cho\n", (2, "mo_ta", "cho đến hết tệp", 2)),
        ('ten: "A\nloai: cho\n', (1, "ten", "cho đến hết tệp", 1)),
        # Double quotes closed by the next value's opening quote.
        (
            'ten: "Chợ"\nmo_ta: "Phiên chợ\nloai: "cho"\nthon: "x"\n',
            (2, "mo_ta", "và chỉ dừng ở dòng 3", 2),
        ),
    ],
)
def test_single_and_double_quotes(text: str, expected: tuple[int, str, str, int]) -> None:
    line, field, code, params = only(parse_yaml(text, "a.yml")[1])
    assert (line, field, params["until_vi"], params["close_line"]) == expected
    assert code == "yaml.unclosed-quote"


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("mo_ta: 'Phiên chợ\n  họp sáng'\nten: A\n", None, None),  # closed on a later line: fine
        ('a: "C:\\d"\nb: x\n', "yaml.syntax", 1),  # an unknown escape, not an open quote
        ("ten: [A\n", "yaml.unclosed-bracket", 1),  # an open bracket is not a quote
        ("a: 'x\n  y'\nb: c: d\n", "yaml.unquoted-colon", 3),
    ],
)
def test_other_mistakes_are_not_blamed_on_a_quote(
    text: str, code: str | None, line: int | None
) -> None:
    _, problems = parse_yaml(text, "a.yml")
    assert [(p.code, p.line) for p in problems] == ([(code, line)] if code else [])


@pytest.mark.parametrize("quote", ["'", '"'])
def test_a_field_line_below_is_not_part_of_the_value(quote: str) -> None:
    """A tester's line 8 ``dien_thoai: '0300 000 001`` then ``  gio: [oops``: the message said
    to close the quote at the end of line 9, folding ``gio: [oops`` into the phone number."""
    text = f"ten: A\nloai: cho\n\n\n\n\n\ndien_thoai: {quote}0300 000 001\n  gio: [oops\n"
    assert only(parse_yaml(text, "a.yml")[1]) == (
        8,
        "dien_thoai",
        "yaml.unclosed-quote",
        {
            "quote": quote,
            "until_vi": "cho đến hết tệp",
            "until_en": "to the end of the file",
            "close_line": 8,
            "suggestion": f"dien_thoai: {quote}0300 000 001{quote}",
        },
    )
