"""The one escaping rule (langso.escaping), Markdown-safe names (langso.render) and the
``strict_html`` finder (langso.strict_html), without a build."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from langso.escaping import html_text, page_title_html, plain_text
from langso.render import md, md_block
from langso.strict_html import find_unsafe, script_scheme, unsafe_html_problems

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</title><script>alert(1)</script>",
    "javascript:alert(1)",
    "{{7*7}}",
    "&amp;",
    "&#x3c;b&#x3e;",
    "Hùng & Lan",
    "<!--",
    "]]>",
    "*nhấn* _mạnh_ `mã` [liên kết](https://example.com) ![ảnh](x.png)",
    "# tiêu đề",
    "- mục",
    "+ mục",
    "1. mục",
    "2) mục",
    "=====",
    "---",
    "> trích",
    "| a | b |",
    "{ #id .lop onclick=alert(1) }",
    "Chợ \\*Phú\\* Mỹ\\",
    "<https://example.com>",
]


@pytest.mark.parametrize("value", PAYLOADS)
def test_md_text_reads_back_exactly_as_typed(value: str) -> None:
    # In a heading, a list item and a table cell, the rendered text is the value, and no
    # element other than the one the template made appears.
    extensions = ["tables", "attr_list", "admonition"]
    table = ["table", "thead", "tr", "th", "tbody", "tr", "td"]
    for template, elements in (
        ("# {}", ["h1"]),
        ("- {}", ["ul", "li"]),
        ("| A |\n|---|\n| {} |", table),
        ("Chữ {} chữ", ["p"]),
        ("{}", ["p"]),
    ):
        rendered = markdown.markdown(template.format(md(value)), extensions=extensions)
        page = BeautifulSoup(rendered, "html.parser")
        assert [e.name for e in page.find_all(True)] == elements, rendered
        expected = template.format(value) if template.startswith("Chữ") else value
        assert page.find(elements[-1]).get_text() == expected, rendered


@pytest.mark.parametrize("value", PAYLOADS)
def test_md_block_keeps_lines_and_makes_no_markup(value: str) -> None:
    text = f"{value}\n{value}\n\n{value}"
    rendered = markdown.markdown(md_block(text), extensions=["tables", "attr_list"])
    page = BeautifulSoup(rendered, "html.parser")
    assert [e.name for e in page.find_all(True)] == ["p", "br", "p"], rendered
    paragraphs = [p.get_text() for p in page.find_all("p")]
    assert paragraphs == [f"{value}\n{value}", value]


def test_md_leaves_numbers_and_dashes_inside_text_alone() -> None:
    assert md("19.9800, 105.6400") == "19.9800, 105.6400"
    assert md("T2-T7 - 7:00") == "T2-T7 - 7:00"
    assert md("2) mục") == "2&#41; mục"


def test_html_text_and_plain_text_are_inverse() -> None:
    for value in PAYLOADS:
        assert plain_text(html_text(value)) == value
        assert "<" not in html_text(value) and '"' not in html_text(value)
    assert html_text("Hùng & Lan") == "Hùng &amp; Lan"
    assert plain_text("Hùng &amp; Lan") == "Hùng & Lan"


def test_page_title_html_from_a_heading_keeps_its_entities_once() -> None:
    # What MkDocs extracts from `# Hùng & Lan \<b\>`: entities kept, tags stripped.
    assert page_title_html("Hùng &amp; Lan &lt;b&gt;", is_html=True) == "Hùng &amp; Lan &lt;b&gt;"
    # A stray "<" MkDocs' tag stripping can leave, and a comment opener, never reach the theme.
    assert page_title_html("a <!-- b", is_html=True) == "a "
    assert page_title_html("a < b", is_html=True) == "a "
    assert page_title_html("1&#46; Chợ", is_html=True) == "1. Chợ"
    # A file name or front matter value is plain text.
    assert page_title_html("<img src=x>", is_html=False) == "&lt;img src=x&gt;"
    assert page_title_html("Hùng &amp; Lan", is_html=False) == "Hùng &amp;amp; Lan"


@pytest.mark.parametrize(
    ("value", "scheme"),
    [
        ("javascript:alert(1)", "javascript:"),
        ("  JavaScript:alert(1)", "javascript:"),
        ("java\tscript:alert(1)", "javascript:"),
        ("\x01javascript:alert(1)", "javascript:"),
        ("vbscript:msgbox", "vbscript:"),
        ("data:text/html;base64,PHNjcmlwdD4=", "data:text/html"),
        ("DATA: text/html,<script>", "data:text/html"),
        ("https://example.com/javascript:x", None),
        ("data:image/png;base64,AAAA", None),
        ("../javascript.md", None),
        ("tel:+84300000001", None),
    ],
)
def test_script_scheme(value: str, scheme: str | None) -> None:
    assert script_scheme(value) == scheme


def test_find_unsafe_reads_entities_as_a_browser_does() -> None:
    page = (
        "<p>Chào <script>alert(1)</script></p>"
        '<p><img src="x" ONERROR="alert(1)"><a href="jav&#x61;script:alert(1)">a</a>'
        '<a href="&#106;avascript:alert(1)">b</a><a href="https://example.com/">c</a>'
        '<iframe src="data:text/html,&lt;script&gt;"></iframe>'
        '<meta http-equiv="refresh" content="0; url=javascript:alert(1)">'
        '<iframe srcdoc="&lt;img src=x onerror=alert(1)&gt;"></iframe>'
        "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt; onclick=x</code></pre></p>"
    )
    found = [(f.code, f.what, f.tag) for f in find_unsafe(page)]
    assert found == [
        ("html.script", "<script>", "script"),
        ("html.event-handler", "onerror", "img"),
        ("html.script-url", "javascript:", "a"),
        ("html.script-url", "javascript:", "a"),
        ("html.script-url", "data:text/html", "iframe"),
        ("html.script-url", "javascript:", "meta"),
        ("html.event-handler", "onerror", "img"),
    ]


def test_unsafe_html_problems_are_located_in_the_file_as_written() -> None:
    source = (
        "---\ntitle: 'onerror= javascript:'\n---\n\n# Trang\n\n"  # lines 1-6
        "Chữ.\n\n"  # 7-8
        '<img src="x" onerror="alert(1)">\n\n'  # 9-10
        "[bấm](jav&#x61;script:alert(1))\n\n"  # 11-12
        '<img src="y" onerror="alert(2)">\n'  # 13
    )
    rendered = markdown.markdown(source.split("---\n", 2)[2])
    problems = unsafe_html_problems(rendered, source, 4, "content/dia-diem/a.md")
    assert [(p.line, p.code, dict(p.params)) for p in problems] == [
        (9, "html.event-handler", {"what": "onerror", "tag": "img"}),
        (11, "html.script-url", {"what": "javascript:", "tag": "a"}),
        (13, "html.event-handler", {"what": "onerror", "tag": "img"}),
    ]
    assert (
        problems[0]
        .format()
        .startswith("content/dia-diem/a.md:9: thẻ `<img>` có thuộc tính `onerror=` chạy mã")
    )
    assert "(en) the `<img>` element has an `onerror=` attribute" in problems[0].format()


def test_a_handler_split_over_two_lines_and_a_script_in_srcdoc_are_located_where_written() -> None:
    # Found by a new user: reported at the body's first line and two lines too low.
    source = (
        "# Trang\n\n"  # 1-2
        "<img src=x onerror\n=alert(97)>\n\n"  # 3-5
        "Chữ.\n\n"  # 6-7
        '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>\n\n'  # 8-9
        "<script>alert(2)</script>\n"  # 10
    )
    problems = unsafe_html_problems(markdown.markdown(source), source, 1, "content/a.md")
    assert [(p.line, p.code) for p in problems] == [
        (3, "html.event-handler"),
        (8, "html.script"),
        (10, "html.script"),
    ]


def test_what_an_unclosed_script_hides_is_reported_in_the_same_run() -> None:
    # An unclosed <script> makes the rest of the page its text: the handler below it ran only
    # once the script was fixed, and was reported only then (one build per payload).
    rendered = '<p><script>alert(1)\n<img src=x onerror="alert(2)">\n<a href="javascript:x">a</a>'
    assert [(f.code, f.what) for f in find_unsafe(rendered)] == [
        ("html.script", "<script>"),
        ("html.event-handler", "onerror"),
        ("html.script-url", "javascript:"),
    ]
