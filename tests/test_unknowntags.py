"""Words in angle brackets that a page would hide (langso.unknowntags; an issue 15 tester's
heading lost "lì xì")."""

from __future__ import annotations

from langso.frontmatter import check_page
from langso.unknowntags import unknown_tag_problems

PATH = "content/thong-bao/qua-tet.md"


def test_words_in_angle_brackets_are_located_with_the_fix() -> None:
    body = "# Quà Tết & <lì xì> cho cụ\n\nGõ <tên thôn> vào ô và <so dien thoai>.\n"
    problems = unknown_tag_problems(body, PATH, 5)
    assert [(p.line, p.severity) for p in problems] == [
        (5, "warning"),
        (7, "warning"),
        (7, "warning"),
    ]
    assert problems[0].format() == (
        f"{PATH}:5: `<lì xì>` trông như một thẻ HTML nên chữ trong dấu ngoặc nhọn sẽ không hiện"
        " trên trang — muốn viết dấu ngoặc nhọn thì gõ `\\<lì xì>` (thêm dấu `\\` phía trước),"
        " hoặc dùng ngoặc khác: «lì xì»\n"
        "    (en) `<lì xì>` looks like an HTML tag, so the words in the angle brackets would not"
        " show on the page — to write the brackets, type `\\<lì xì>` (a `\\` before it), or use"
        " other brackets: «lì xì»"
    )


def test_html_autolinks_code_and_escapes_are_left_alone() -> None:
    body = (
        "<b>đậm</b> <br/> <img src=x> </span> <my-el> <!-- ghi chú --> <svg><path d=''/></svg>\n"
        "<https://dichvucong.gov.vn> <ten@example.com> \\<lì xì> `<lì xì>` a < b > c\n"
        "```\n<lì xì>\n```\n"
        "    <lì xì> in an indented code block\n"
    )
    assert unknown_tag_problems(body, PATH, 1) == []


def test_every_page_is_checked() -> None:
    page = check_page("# Trang\n\nGõ <tên thôn>.\n", PATH, needs_sources=False)
    assert [(p.line, p.code) for p in page.problems] == [(3, "html.unknown-tag")]


def test_a_link_s_text_is_left_alone() -> None:
    """On an index page, a list of links becomes cards that show the text as written."""
    body = '- [Đình <làng> & "Mỹ"](dinh.md): mô tả\n'
    assert unknown_tag_problems(body, PATH, 1) == []
