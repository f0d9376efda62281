"""Volunteer YAML read as typed, with located problems (shared/cases C-05 to C-09)."""

from __future__ import annotations

import unicodedata

import pytest

from langso.problems import Problem
from langso.yamlsource import Mapping, Scalar, Sequence, line_of, parse_yaml, to_data

PATH = "content/danh-ba/quan-a.yml"


def parse(text: str, first_line: int = 1) -> tuple[object, list[Problem]]:
    node, problems = parse_yaml(text, PATH, first_line)
    return to_data(node), problems


def located(problems: list[Problem]) -> list[tuple[int | None, str, str | None]]:
    return [(p.line, p.code, p.field) for p in problems]


# --- values as typed (C-05 to C-07) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "value"),
    [
        # C-05 phone numbers
        ("dien_thoai: 0300000001", "0300000001"),
        ("dien_thoai: 0900000008", "0900000008"),
        ("dien_thoai: 0237 3721 150", "0237 3721 150"),
        ("dien_thoai: +84912345678", "+84912345678"),
        ("dien_thoai: 113", "113"),
        # C-06 hours
        ("mo_cua: 6:45", "6:45"),
        ("dong_cua: 21:00", "21:00"),
        ("mo_cua: 07:30", "07:30"),
        ("mo_cua: 1:30:00", "1:30:00"),
        # C-07 words that YAML 1.1 reads as booleans
        ("ghi_chu: No", "No"),
        ("ghi_chu: no", "no"),
        ("ghi_chu: yes", "yes"),
        ("ghi_chu: Yes", "Yes"),
        ("ghi_chu: on", "on"),
        ("ghi_chu: off", "off"),
        ("ghi_chu: y", "y"),
        ("ghi_chu: true", "true"),
        ("ghi_chu: False", "False"),
        # other conversions a plain loader makes
        ("toa_do: 19.9810", "19.9810"),
        ("ngay: 2024-01-02", "2024-01-02"),
        ("so: 1e3", "1e3"),
        ("so: 0x1F", "0x1F"),
        ("so: .inf", ".inf"),
        # quoted values
        ("dien_thoai: '0300000001'", "0300000001"),
        ('mo_cua: "6:45"', "6:45"),
    ],
)
def test_scalar_kept_as_typed(line: str, value: str) -> None:
    data, problems = parse(line + "\n")
    assert problems == []
    key = line.split(":", 1)[0]
    assert data == {key: value}


@pytest.mark.parametrize("line", ["ghi_chu: ~", "ghi_chu: null", "ghi_chu: Null", "ghi_chu:"])
def test_null_and_empty_values_are_none(line: str) -> None:
    data, problems = parse(line + "\n")
    assert problems == []
    assert data == {"ghi_chu": None}


def test_quoted_tilde_is_text() -> None:
    data, problems = parse("ghi_chu: '~'\n")
    assert problems == []
    assert data == {"ghi_chu": "~"}


def test_whole_service_file_as_typed() -> None:
    text = (
        "ten: Quán A\n"
        "dien_thoai:\n"
        "  - 0300000001\n"
        "  - 0900000008\n"
        "mo_cua: 6:45\n"
        "dong_cua: 21:00\n"
        "ghi_chu: No\n"
        "dia_chi:\n"
        "  thon: Là Thôn\n"
        "  so_nha: 12\n"
    )
    data, problems = parse(text)
    assert problems == []
    assert data == {
        "ten": "Quán A",
        "dien_thoai": ["0300000001", "0900000008"],
        "mo_cua": "6:45",
        "dong_cua": "21:00",
        "ghi_chu": "No",
        "dia_chi": {"thon": "Là Thôn", "so_nha": "12"},
    }


def test_scalar_records_quoting_and_line() -> None:
    node, problems = parse_yaml("a: x\nb: 'y'\nc: \"z\"\nd: ~\n", PATH)
    assert problems == []
    assert isinstance(node, Mapping)
    assert node.entries["a"] == (1, Scalar("x", 1, quoted=False, null=False))
    assert node.entries["b"] == (2, Scalar("y", 2, quoted=True, null=False))
    assert node.entries["c"] == (3, Scalar("z", 3, quoted=True, null=False))
    assert node.entries["d"] == (4, Scalar("~", 4, quoted=False, null=True))


def test_empty_document() -> None:
    assert parse_yaml("", PATH) == (None, [])
    assert parse_yaml("# only a comment\n", PATH) == (None, [])


# --- NFC (C-03) -----------------------------------------------------------------------------------


def test_nfd_text_comes_back_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "tên: Chùa Thiên Mụ\nghi_chu: Gần chợ Ấp Bắc\n")
    data, problems = parse(nfd)
    assert problems == []
    assert data == {"tên": "Chùa Thiên Mụ", "ghi_chu": "Gần chợ Ấp Bắc"}


def test_byte_order_mark_is_ignored() -> None:
    data, problems = parse("\ufefften: Quán A\n")
    assert problems == []
    assert data == {"ten": "Quán A"}


# --- duplicate keys (C-08) ------------------------------------------------------------------------

C08 = "ten: Quán A\ndien_thoai: '0900000008'\ngio_mo_cua: '06:00'\ndien_thoai: '0900000009'\n"


def test_duplicate_key_c08_message() -> None:
    _, problems = parse(C08)
    assert len(problems) == 1
    assert problems[0].format() == (
        "content/danh-ba/quan-a.yml:4: dien_thoai: khóa `dien_thoai` bị lặp lại (đã có ở dòng 2)"
        " — giữ lại một dòng `dien_thoai` (trường nào nhận nhiều giá trị thì viết thành danh"
        " sách)\n"
        "    (en) duplicate key `dien_thoai` (first given on line 2)"
        " — keep one `dien_thoai` line (a field that takes several values is written as a list)"
    )
    assert problems[0].severity == "error"


def test_duplicate_key_c08_located() -> None:
    _, problems = parse(C08)
    assert located(problems) == [(4, "yaml.duplicate-key", "dien_thoai")]
    assert problems[0].params == {"key": "dien_thoai", "first_line": 2}


def test_duplicate_nested_key_is_dotted() -> None:
    text = "ten: A\ndia_chi:\n  thon: Là Thôn\n  chi_tiet: x\n  thon: Tân Ngũ\n"
    _, problems = parse(text)
    assert located(problems) == [(5, "yaml.duplicate-key", "dia_chi.thon")]
    assert problems[0].params == {"key": "thon", "first_line": 3}


def test_duplicate_key_in_front_matter_counts_from_first_line() -> None:
    _, problems = parse("title: A\ntitle: B\n", first_line=2)
    assert located(problems) == [(3, "yaml.duplicate-key", "title")]
    assert problems[0].params == {"key": "title", "first_line": 2}


def test_every_duplicate_key_is_reported() -> None:
    _, problems = parse("a: 1\nb: 2\na: 3\nb: 4\na: 5\n")
    assert located(problems) == [
        (3, "yaml.duplicate-key", "a"),
        (4, "yaml.duplicate-key", "b"),
        (5, "yaml.duplicate-key", "a"),
    ]


# --- tab indentation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first_line", "lines"),
    [
        ("dia_chi:\n\tthon: Là Thôn\n", 1, [2]),
        ("ten: A\ndia_chi:\n  thon: x\n\tchi_tiet: y\n", 1, [4]),
        ("ten: A\ndia_chi:\n \tthon: x\n", 1, [3]),
        ("a:\n\tb: 1\n\tc: 2\n", 1, [2, 3]),
        ("a:\n\tb: 1\n", 2, [3]),
    ],
)
def test_tab_indentation(text: str, first_line: int, lines: list[int]) -> None:
    node, problems = parse_yaml(text, PATH, first_line)
    assert node is None
    assert located(problems) == [(line, "yaml.tab", None) for line in lines]


def test_tab_message() -> None:
    _, problems = parse("ten: A\ndia_chi:\n\tthon: x\n")
    assert [p.format() for p in problems] == [
        "content/danh-ba/quan-a.yml:3: dòng thụt lề bằng phím Tab"
        " — YAML chỉ cho phép thụt lề bằng dấu cách: thay mỗi Tab bằng 2 dấu cách\n"
        "    (en) line indented with a Tab"
        " — YAML allows only spaces for indentation: replace each Tab with 2 spaces"
    ]


def test_tab_inside_a_value_is_not_indentation() -> None:
    data, problems = parse("ghi_chu: 'a\tb'\n")
    assert problems == []
    assert data == {"ghi_chu": "a\tb"}


# --- unquoted ": " inside a value (C-09) ----------------------------------------------------------


def test_unquoted_colon() -> None:
    node, problems = parse_yaml("title: Đình làng: lịch sử và lễ hội\n", PATH, first_line=2)
    assert node is None
    assert located(problems) == [(2, "yaml.unquoted-colon", "title")]
    assert problems[0].params == {"suggestion": 'title: "Đình làng: lịch sử và lễ hội"'}
    assert problems[0].format() == (
        "content/danh-ba/quan-a.yml:2: title: giá trị có dấu `: ` nhưng không nằm trong dấu nháy"
        ' — đặt cả giá trị trong dấu nháy kép: title: "Đình làng: lịch sử và lễ hội"\n'
        "    (en) the value contains `: ` but is not quoted"
        ' — put the whole value in double quotes: title: "Đình làng: lịch sử và lễ hội"'
    )


def test_unquoted_colon_below_other_lines() -> None:
    text = "ten: Quán A\nloai: cho\nmo_ta: Giờ mở: 6:45\n"
    _, problems = parse(text)
    assert located(problems) == [(3, "yaml.unquoted-colon", "mo_ta")]
    assert problems[0].params == {"suggestion": 'mo_ta: "Giờ mở: 6:45"'}


def test_unquoted_colon_suggestion_escapes_double_quotes() -> None:
    _, problems = parse('mo_ta: Quán "Út": ốc\n')
    assert located(problems) == [(1, "yaml.unquoted-colon", "mo_ta")]
    assert problems[0].params == {"suggestion": 'mo_ta: "Quán \\"Út\\": ốc"'}


def test_colon_without_space_is_fine() -> None:
    data, problems = parse("mo_ta: Mở 6:45-21:00\nweb: https://example.vn/a\n")
    assert problems == []
    assert data == {"mo_ta": "Mở 6:45-21:00", "web": "https://example.vn/a"}


def test_quoted_colon_is_fine() -> None:
    data, problems = parse('title: "Đình làng: lịch sử và lễ hội"\n')
    assert problems == []
    assert data == {"title": "Đình làng: lịch sử và lễ hội"}


# --- inline comment cutting a plain value (C-09) --------------------------------------------------


def test_inline_comment_cuts_plain_value() -> None:
    _, problems = parse("title: Lễ hội #1 mùa xuân\n", first_line=2)
    assert located(problems) == [(2, "yaml.inline-comment", "title")]
    assert problems[0].params == {
        "lost": "#1 mùa xuân",
        "suggestion": 'title: "Lễ hội #1 mùa xuân"',
    }
    assert problems[0].format() == (
        "content/danh-ba/quan-a.yml:2: title: phần sau dấu ` #` bị coi là chú thích và bị bỏ mất:"
        " `#1 mùa xuân` — nếu đó là nội dung, đặt cả giá trị trong dấu nháy kép:"
        ' title: "Lễ hội #1 mùa xuân"; nếu là chú thích, chuyển nó lên một dòng riêng\n'
        "    (en) everything after ` #` is read as a comment and lost: `#1 mùa xuân`"
        ' — if it is content, put the whole value in double quotes: title: "Lễ hội #1 mùa xuân";'
        " if it is a comment, move it to a line of its own"
    )


def test_inline_comment_after_list_item() -> None:
    _, problems = parse("dien_thoai:\n  - 0300 000 001 # ông Ba\n")
    assert located(problems) == [(2, "yaml.inline-comment", "dien_thoai")]
    assert problems[0].params["lost"] == "# ông Ba"


def test_inline_comment_in_nested_mapping() -> None:
    _, problems = parse("dia_chi:\n  thon: Là Thôn  # cũ\n")
    assert located(problems) == [(2, "yaml.inline-comment", "dia_chi.thon")]
    assert problems[0].params == {"lost": "# cũ", "suggestion": 'thon: "Là Thôn # cũ"'}


def test_value_that_is_only_a_comment_is_reported() -> None:
    # `title: #1 Lễ hội mùa xuân` loses the whole title, not just a part of it.
    _, problems = parse("title: #1 Lễ hội mùa xuân\n", first_line=2)
    assert located(problems) == [(2, "yaml.inline-comment", "title")]
    assert problems[0].params["lost"] == "#1 Lễ hội mùa xuân"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("title: 'Lễ hội' # mùa xuân\n", "Lễ hội"),
        ('title: "Lễ hội #1 mùa xuân"  # ghi chú\n', "Lễ hội #1 mùa xuân"),
        ("# chú thích riêng một dòng\ntitle: Lễ hội\n", "Lễ hội"),
    ],
)
def test_quoted_value_followed_by_comment_is_fine(text: str, title: str) -> None:
    data, problems = parse(text)
    assert problems == []
    assert data == {"title": title}


def test_hash_without_space_is_part_of_the_value() -> None:
    data, problems = parse("web: https://example.vn/#lien-he\nten: Quán#1\n")
    assert problems == []
    assert data == {"web": "https://example.vn/#lien-he", "ten": "Quán#1"}


# --- several documents, syntax errors -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "line"),
    [
        ("ten: A\n---\nten: B\n", {"ten": "A"}, 2),
        ("---\nten: A\n---\nten: B\n", {"ten": "A"}, 3),
        ("ten: A\nloai: cho\n---\n", {"ten": "A", "loai": "cho"}, 3),
    ],
)
def test_second_document_reported_on_its_dashes_line(
    text: str, first: dict[str, str], line: int
) -> None:
    # The message says "delete the extra `---` line": the line given must be that line.
    node, problems = parse_yaml(text, PATH)
    assert to_data(node) == first
    assert located(problems) == [(line, "yaml.multiple-documents", None)]


def test_second_document_message() -> None:
    _, problems = parse("ten: A\n---\nten: B\n")
    assert [p.code for p in problems] == ["yaml.multiple-documents"]
    assert problems[0].text("en") == (
        "the file holds several YAML documents (a second `---` line)"
        " — delete the extra `---` line or split the file"
    )


def test_leading_document_marker_alone_is_fine() -> None:
    data, problems = parse("---\nten: A\n")
    assert problems == []
    assert data == {"ten": "A"}


def test_syntax_error_unclosed_flow_list() -> None:
    """Said where the ``[`` opened, not where PyYAML stopped (tests/test_yamlcolon.py)."""
    node, problems = parse_yaml("ten: A\ndien_thoai: [0300000001, 0900000008\nloai: cho\n", PATH)
    assert node is None
    assert located(problems) == [(2, "yaml.unclosed-bracket", "dien_thoai")]
    assert problems[0].format() == (
        "content/danh-ba/quan-a.yml:2: dien_thoai: giá trị mở dấu `[` ở dòng này mà không đóng:"
        " YAML đọc gộp các dòng sau vào giá trị này và chỉ dừng ở dòng 3 — thiếu dấu đóng `]` ở"
        " cuối dòng 2: viết `dien_thoai: [0300000001, 0900000008]`\n"
        "    (en) the value opens `[` on this line and never closes it: YAML reads the"
        " next lines into it and stops only at line 3 — the closing `]` is missing at the end of"
        " line 2: write `dien_thoai: [0300000001, 0900000008]`"
    )


def test_syntax_error_line_counts_from_first_line() -> None:
    node, problems = parse_yaml("ten: A\ndien_thoai: [0300000001\nloai: cho\n", PATH, 2)
    assert node is None
    assert located(problems) == [(3, "yaml.unclosed-bracket", "dien_thoai")]
    assert problems[0].params["until_vi"] == "và chỉ dừng ở dòng 4"


def test_syntax_error_unclosed_quote() -> None:
    """Said on the line where the quote opened (issue 17; tests/test_yamlquote.py)."""
    node, problems = parse_yaml("ten: A\nmo_ta: 'Khám bệnh\n", PATH)
    assert node is None
    assert [(p.code, p.params) for p in problems] == [
        (
            "yaml.unclosed-quote",
            {
                "quote": "'",
                "until_vi": "cho đến hết tệp",
                "until_en": "to the end of the file",
                "close_line": 2,
                "suggestion": "mo_ta: 'Khám bệnh'",
            },
        )
    ]
    assert problems[0].line == 2


# --- structure and line_of ------------------------------------------------------------------------

NESTED = (
    "ten: Trạm Y tế\n"  # 1
    "dia_chi:\n"  # 2
    "  thon: Là Thôn\n"  # 3
    "  chi_tiet: gần nhà văn hóa\n"  # 4
    "dien_thoai:\n"  # 5
    "  - '0300 000 001'\n"  # 6
    "  - '113'\n"  # 7
    "gio_mo_cua:\n"  # 8
    "  - ngay: T2-T6\n"  # 9
    "    gio: 7:00-17:00\n"  # 10
    "  - ngay: CN\n"  # 11
    "    gio: nghỉ\n"  # 12
)


def test_nested_structure() -> None:
    node, problems = parse_yaml(NESTED, PATH)
    assert problems == []
    assert isinstance(node, Mapping)
    assert isinstance(node.entries["dien_thoai"][1], Sequence)
    assert to_data(node) == {
        "ten": "Trạm Y tế",
        "dia_chi": {"thon": "Là Thôn", "chi_tiet": "gần nhà văn hóa"},
        "dien_thoai": ["0300 000 001", "113"],
        "gio_mo_cua": [{"ngay": "T2-T6", "gio": "7:00-17:00"}, {"ngay": "CN", "gio": "nghỉ"}],
    }


@pytest.mark.parametrize(
    ("loc", "key_line", "line"),
    [
        ((), False, 1),
        (("ten",), False, 1),
        (("dia_chi",), False, 3),
        (("dia_chi",), True, 2),
        (("dia_chi", "thon"), False, 3),
        (("dia_chi", "chi_tiet"), False, 4),
        (("dia_chi", "chi_tiet"), True, 4),
        (("dien_thoai", 0), False, 6),
        (("dien_thoai", 1), False, 7),
        (("gio_mo_cua", 0), False, 9),
        (("gio_mo_cua", 1), False, 11),
        (("gio_mo_cua", 1, "gio"), False, 12),
        (("gio_mo_cua", 0, "gio"), True, 10),
        # missing steps stop at the deepest node reached
        (("dia_chi", "xa"), False, 3),
        (("dien_thoai", 5), False, 6),
        (("khong_co",), False, 1),
    ],
)
def test_line_of(loc: tuple[str | int, ...], key_line: bool, line: int) -> None:
    node, problems = parse_yaml(NESTED, PATH)
    assert problems == []
    assert line_of(node, loc, key_line=key_line) == line


def test_line_of_counts_from_first_line() -> None:
    node, _ = parse_yaml("title: A\ntags:\n  - x\n  - y\n", PATH, first_line=2)
    assert line_of(node, ("tags", 1)) == 5
    assert line_of(node, ("title",)) == 2


def test_line_of_none() -> None:
    assert line_of(None, ("ten",)) is None


def test_missing_space_after_colon_is_named() -> None:
    _, problems = parse_yaml("ten: A\nmo_ta:'Khám bệnh'\nloai: cho\n", PATH)
    assert [str(p) for p in problems] == [
        "content/danh-ba/quan-a.yml:2: mo_ta: thiếu dấu cách sau dấu hai chấm của `mo_ta`"
        " — viết `mo_ta: ` rồi mới đến giá trị\n"
        "    (en) no space after the colon of `mo_ta` — write `mo_ta: ` before the value"
    ]
