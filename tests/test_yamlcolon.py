"""A field name without its colon, and a ``[``/``{`` never closed, are reported on their own
line (``langso.yamlcolon``, ``langso.yamlquote.unclosed_bracket``).

A tester's line 3 ``ten 'Nhà văn hóa thôn'`` (no ``:``) was reported on the correct line 4
below it ("có dấu `: ` ở chỗ không được phép"): PyYAML reads the two lines as one value and
stumbles at the next line's ``: ``. A ``gio: [7:00`` left open was likewise reported lines below.
"""

from __future__ import annotations

import pytest

from langso.yamlsource import parse_yaml
from tests.conftest import SiteFactory
from tests.test_yamlquote import langso_check, only

TESTERS = (
    "# Nhà văn hóa\n"  # 1
    "\n"  # 2
    "ten 'Nhà văn hóa thôn'\n"  # 3: no colon
    "loai: 'nha-van-hoa'\n"  # 4: PyYAML stopped here
)


def test_the_testers_file_is_reported_on_the_line_without_colon(make_site: SiteFactory) -> None:
    root = make_site(files={"content/danh-ba/nha-van-hoa.yml": TESTERS})
    result = langso_check(root)
    assert result.stdout.splitlines()[:2] == [
        "content/danh-ba/nha-van-hoa.yml:3: ten: thiếu dấu `:` sau tên trường `ten`: YAML đọc"
        " dòng này gộp với dòng sau và chỉ báo lỗi ở dòng 4 — thêm dấu `:` ngay sau `ten`:"
        " viết `ten: 'Nhà văn hóa thôn'`",
        "    (en) ten: the field name `ten` has no `:` after it: YAML reads this line and the"
        " next as one and reports the error only at line 4 — add `:` right after `ten`: write"
        " `ten: 'Nhà văn hóa thôn'`",
    ]
    assert result.returncode == 1


@pytest.mark.parametrize(
    ("text", "line", "suggestion", "stop"),
    [
        # libyaml says "could not find expected ':'" here, not "mapping values…".
        ("a: 1\nten 'Nhà văn hóa'\nloai: cho\nx: 2\n", 2, "ten: 'Nhà văn hóa'", 3),
        ("dia_chi\n  thon: 'Phú Mỹ'\n", 1, "dia_chi:", 2),  # a group's name alone
        ("dia_chi:\n  thon 'Phú Mỹ'\n  chi_tiet: x\n", 2, "thon: 'Phú Mỹ'", 3),
        ("gio_mo_cua:\n  - ngay 'CN'\n    gio: '7:00'\n", 2, "- ngay: 'CN'", 3),
    ],
)
def test_missing_colon(text: str, line: int, suggestion: str, stop: int) -> None:
    found = only(parse_yaml(text, "a.yml")[1])
    assert found[:3] == (line, suggestion.lstrip("- ").split(":")[0], "yaml.missing-colon")
    assert (found[3]["suggestion"], found[3]["stop_line"]) == (suggestion, stop)


def test_two_lines_without_colon_are_both_reported() -> None:
    _, problems = parse_yaml("ten 'A'\nloai 'cho'\nthon: x\n", "a.yml")
    assert [(p.line, p.code, p.params["suggestion"]) for p in problems] == [
        (1, "yaml.missing-colon", "ten: 'A'"),
        (2, "yaml.missing-colon", "loai: 'cho'"),
    ]


def test_a_value_run_over_lines_is_not_a_missing_colon() -> None:
    _, problems = parse_yaml("mo_ta: abc\n  def\n  loai: x\n", "a.yml")
    assert [(p.line, p.code) for p in problems] == [(3, "yaml.syntax")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ten: A\ngio: [7:00\nloai: cho\n", (2, "gio", "[", 2, "gio: [7:00]", "dòng 3")),
        ("a: {x: 1\n\n  y: 2\nb: 1\n", (1, "a", "{", 1, "a: {x: 1}", "dòng 3")),
        ("a: [x, [y\nb: 1\n", (1, "a", "[", 1, "a: [x, [y]]", "dòng 2")),
        ("gio: [a,\n  b\nx: 1\n", (1, "gio", "[", 2, "b]", "dòng 3")),
        ("- [a\n- b\n", (1, None, "[", 1, "- [a]", "hết tệp")),
    ],
)
def test_unclosed_bracket(text: str, expected: tuple[object, ...]) -> None:
    line, field, code, params = only(parse_yaml(text, "a.yml")[1])
    assert code == "yaml.unclosed-bracket"
    assert (line, field, params["bracket"], params["close_line"], params["suggestion"]) == (
        expected[:5]
    )
    assert str(params["until_vi"]).endswith(str(expected[5]))
    assert (
        parse_yaml(text, "a.yml")[1][0]
        .format()
        .startswith(
            f"a.yml:{line}: " + (f"{field}: " if field else "") + f"giá trị mở dấu `{expected[2]}`"
            " ở dòng này mà không đóng"
        )
    )
