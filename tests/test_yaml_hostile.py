"""YAML that cannot hurt (issue 12): no anchors, aliases, merge keys or tags; bounded depth and
size; control characters named. Each refused before anything is expanded."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from langso.problems import Problem
from langso.yamlsource import MAX_DEPTH, parse_yaml, to_data

PATH = "content/danh-ba/quan-a.yml"


def located(problems: list[Problem]) -> list[tuple[int | None, str]]:
    return [(p.line, p.code) for p in problems]


def bomb(levels: int, key: str = "x_la") -> str:
    """A "billion laughs": each level's list names the level below nine times (9**levels)."""
    lines = [
        f"ten: 'Quán A'\n{key}:\n",
        "  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    ]
    for level in range(1, levels):
        below = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"  a{level}: &a{level} [{below}]\n")
    return "".join(lines)


def test_alias_bomb_is_refused_at_once_without_expanding() -> None:
    # 9**12 leaves: expanded, this would take terabytes. Refused in a blink, in a few kilobytes.
    tracemalloc.start()
    start = time.perf_counter()
    try:
        node, problems = parse_yaml(bomb(12), PATH)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - start < 1
    assert peak < 2_000_000
    assert node is None
    # One message per line and construct, at most ten.
    assert located(problems) == [
        (3, "yaml.anchor"),
        (4, "yaml.anchor"),
        (4, "yaml.alias"),
        (5, "yaml.anchor"),
        (5, "yaml.alias"),
        (6, "yaml.anchor"),
        (6, "yaml.alias"),
        (7, "yaml.anchor"),
        (7, "yaml.alias"),
        (8, "yaml.anchor"),
    ]


def test_anchor_and_alias_messages() -> None:
    text = "ten: &ten 'Quán A'\nghi_chu: *ten\n"
    node, problems = parse_yaml(text, PATH)
    assert node is None
    assert [p.format() for p in problems] == [
        "content/danh-ba/quan-a.yml:1: không dùng neo YAML `&ten` — xóa `&ten`; cần giá trị ở "
        "nhiều chỗ thì chép lại giá trị đó vào từng chỗ\n"
        "    (en) YAML anchors (`&ten`) are not accepted — delete `&ten`; where a value is needed "
        "in several places, copy it into each",
        "content/danh-ba/quan-a.yml:2: không dùng tham chiếu YAML `*ten` — thay `*ten` bằng "
        "chính giá trị đó, viết đầy đủ\n"
        "    (en) YAML aliases (`*ten`) are not accepted — replace `*ten` with the value itself, "
        "written out in full",
    ]


def test_alias_as_a_key_and_in_a_list_keeps_reading() -> None:
    node, problems = parse_yaml("a: &k b\n*k : c\nd: [*k, *k, e]\n", PATH)
    assert node is None
    assert located(problems) == [(1, "yaml.anchor"), (2, "yaml.alias"), (3, "yaml.alias")]


def test_merge_key() -> None:
    text = "ten: 'Quán A'\ndia_chi:\n  <<: {thon: 'Là Thôn'}\n  xa: 'Yên Định'\n"
    node, problems = parse_yaml(text, PATH)
    assert node is None
    assert located(problems) == [(3, "yaml.merge-key")]
    assert problems[0].text("en") == (
        "the YAML merge key `<<` is not accepted — delete the `<<` line and write each "
        "`key: value` line out in full"
    )


def test_quoted_merge_key_and_value_are_text() -> None:
    node, problems = parse_yaml("'<<': a\nb: <<\n", PATH)
    assert problems == []
    assert to_data(node) == {"<<": "a", "b": "<<"}


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("lenh: !!python/object/apply:os.system ['echo x']\n", "!!python/object/apply:os.system"),
        ("ten: !!python/name:os.system\n", "!!python/name:os.system"),
        ("tep: !include khac.yml\n", "!include"),
        ("dien_thoai: !!str 0912345678\n", "!!str"),
        ("dich_vu: !!set {a, b}\n", "!!set"),
        ("a: ! b\n", "!"),
        ("!!map {a: b}\n", "!!map"),
    ],
)
def test_tags(text: str, tag: str) -> None:
    node, problems = parse_yaml(text, PATH)
    assert node is None
    assert located(problems) == [(1, "yaml.tag")]
    assert problems[0].text("en") == (
        f"YAML tags such as `{tag}` are not accepted — delete `{tag}` and write the value alone "
        "(in quotes to keep it as typed)"
    )


def test_refused_constructs_located_below_front_matter_start() -> None:
    _, problems = parse_yaml("title: &t A\n", "content/a.md", first_line=2)
    assert located(problems) == [(2, "yaml.anchor")]


def nested_mapping(levels: int) -> str:
    return "".join("  " * i + f"k{i}:\n" for i in range(levels)) + "  " * levels + "x\n"


def test_nesting_up_to_the_limit_is_read() -> None:
    node, problems = parse_yaml(nested_mapping(MAX_DEPTH), PATH)
    assert problems == []
    assert node is not None


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (nested_mapping(MAX_DEPTH + 1), MAX_DEPTH + 1),
        (nested_mapping(600), MAX_DEPTH + 1),
        ("a: " + "[" * 999 + "]" * 999 + "\n", 1),
        ("a: " + "[" * 5000 + "]" * 5000 + "\n", 1),  # past libyaml's own limit of 1000
        ("- " * 3000 + "x\n", 1),
    ],
)
def test_too_deep(text: str, line: int) -> None:
    node, problems = parse_yaml(text, PATH)
    assert node is None
    assert located(problems) == [(line, "yaml.too-deep")]
    assert problems[0].text("vi") == (
        "các nhóm lồng nhau quá sâu (hơn 20 cấp) — viết lại theo tệp mẫu: không trường nào cần "
        "quá vài cấp thụt lề"
    )


def test_too_large() -> None:
    text = "ghi_chu: '" + "a" * 1_000_000 + "'\n"
    node, problems = parse_yaml(text, PATH)
    assert node is None
    assert located(problems) == [(None, "file.too-large")]


@pytest.mark.parametrize("char", ["\x00", "\x0b", "\x1b", "\x07", "\x7f", "\x9c", "\ufffe"])
def test_control_characters_are_located_not_a_traceback(char: str) -> None:
    node, problems = parse_yaml(f"ten: 'Quán A'\nghi_chu: Mở{char}cửa\n", PATH, first_line=3)
    assert node is None
    assert located(problems) == [(4, "text.control-character")]
    assert problems[0].params["column"] == 12
