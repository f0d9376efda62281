"""Front matter read strictly; MkDocs gets a block it cannot misread (shared/cases C-09)."""

from __future__ import annotations

import datetime
import unicodedata

import pytest
from mkdocs.utils.meta import get_data

from langso.frontmatter import TEXT_KEYS, PageSource, mkdocs_source, read_page
from langso.problems import Problem

PATH = "content/dia-diem/dinh-lang.md"


def located(problems: list[Problem]) -> list[tuple[int | None, str, str | None]]:
    return [(p.line, p.code, p.field) for p in problems]


def test_text_keys() -> None:
    assert frozenset({"title", "description"}) == TEXT_KEYS


# --- valid front matter ---------------------------------------------------------------------------


def test_valid_front_matter() -> None:
    text = (
        "---\n"
        "title: Đình làng Là Thôn\n"
        "description: Lịch sử và lễ hội\n"
        "tags:\n"
        "  - di tích\n"
        "  - lễ hội\n"
        "hide:\n"
        "  - toc\n"
        "comments: true\n"
        "---\n"
        "# Đình làng\n"
        "\n"
        "Đình mở cửa từ 6 giờ sáng.\n"
    )
    page, problems = read_page(text, PATH)
    assert problems == []
    assert page == PageSource(
        meta={
            "title": "Đình làng Là Thôn",
            "description": "Lịch sử và lễ hội",
            "tags": ["di tích", "lễ hội"],
            "hide": ["toc"],
            "comments": True,
        },
        body="# Đình làng\n\nĐình mở cửa từ 6 giờ sáng.\n",
        body_line=11,
    )


@pytest.mark.parametrize(
    ("value", "title"),
    [("No", "No"), ("yes", "yes"), ("off", "off"), ("2024", "2024"), ("1.0", "1.0"), ("~", None)],
)
def test_title_stays_text(value: str, title: str | None) -> None:
    page, problems = read_page(f"---\ntitle: {value}\n---\nNội dung\n", PATH)
    assert problems == []
    assert page.meta == {"title": title}
    assert page.body == "Nội dung\n"


def test_description_stays_text() -> None:
    page, problems = read_page("---\ntitle: 'A'\ndescription: No\n---\n", PATH)
    assert problems == []
    assert page.meta == {"title": "A", "description": "No"}


def test_dots_close_front_matter() -> None:
    page, problems = read_page("---\ntitle: Đình\n...\nNội dung\n", PATH)
    assert problems == []
    assert page == PageSource(meta={"title": "Đình"}, body="Nội dung\n", body_line=4)


def test_crlf_and_bom() -> None:
    page, problems = read_page("\ufeff---\r\ntitle: Đình\r\n---\r\nNội dung\r\n", PATH)
    assert problems == []
    assert page == PageSource(meta={"title": "Đình"}, body="Nội dung\n", body_line=4)


def test_closed_front_matter_at_end_of_file_without_newline() -> None:
    # A page holding only front matter, saved without a final newline, is closed all the same.
    page, problems = read_page("---\ntitle: Đình làng\n---", PATH)
    assert problems == []
    assert page.meta == {"title": "Đình làng"}
    assert page.body == ""


def test_nfd_page_comes_back_nfc() -> None:
    text = unicodedata.normalize("NFD", "---\ntitle: Chùa Thiên Mụ\n---\n# Chùa Thiên Mụ\n")
    page, problems = read_page(text, PATH)
    assert problems == []
    assert page.meta == {"title": "Chùa Thiên Mụ"}
    assert page.body == "# Chùa Thiên Mụ\n"


# --- broken front matter (C-09) -------------------------------------------------------------------


def test_c09_unquoted_colon() -> None:
    text = "---\ntitle: Đình làng: lịch sử và lễ hội\n---\n# Đình làng\n\nNội dung.\n"
    page, problems = read_page(text, PATH)
    assert located(problems) == [(2, "yaml.unquoted-colon", "title")]
    assert problems[0].params == {"suggestion": 'title: "Đình làng: lịch sử và lễ hội"'}
    assert problems[0].severity == "error"
    assert page.meta == {}
    assert page.body == "# Đình làng\n\nNội dung.\n"
    assert page.body_line == 4
    assert "title:" not in page.body
    assert "---" not in page.body


def test_c09_inline_comment() -> None:
    text = "---\ntitle: Lễ hội #1 mùa xuân\n---\n# Lễ hội\n"
    page, problems = read_page(text, PATH)
    assert located(problems) == [(2, "yaml.inline-comment", "title")]
    assert problems[0].params == {
        "lost": "#1 mùa xuân",
        "suggestion": 'title: "Lễ hội #1 mùa xuân"',
    }
    assert page.meta == {}
    assert page.body == "# Lễ hội\n"
    assert "title:" not in page.body


def test_c09_problem_lower_in_the_block() -> None:
    text = "---\ntags:\n  - lễ hội\ntitle: Đình làng: lịch sử\n---\nNội dung\n"
    page, problems = read_page(text, PATH)
    assert located(problems) == [(4, "yaml.unquoted-colon", "title")]
    assert page.body == "Nội dung\n"


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: Đình làng: lịch sử và lễ hội\n---\n# Đình làng\n",
        "---\ntitle: Lễ hội #1 mùa xuân\n---\n# Lễ hội\n",
    ],
)
def test_c09_raw_front_matter_never_reaches_mkdocs(text: str) -> None:
    page, _ = read_page(text, PATH)
    body, meta = get_data(mkdocs_source(page))
    assert meta == {}
    assert "title" not in body
    assert body == page.body


def test_front_matter_tab() -> None:
    page, problems = read_page("---\ntitle: A\ntags:\n\t- x\n---\nNội dung\n", PATH)
    assert located(problems) == [(4, "yaml.tab", None)]
    assert page.meta == {}
    assert page.body == "Nội dung\n"


def test_front_matter_duplicate_key() -> None:
    page, problems = read_page("---\ntitle: A\ntitle: B\n---\nNội dung\n", PATH)
    assert located(problems) == [(3, "yaml.duplicate-key", "title")]
    assert problems[0].params == {"key": "title", "first_line": 2}
    assert page.meta == {}


def test_front_matter_not_mapping() -> None:
    page, problems = read_page("---\n- a\n- b\n---\nNội dung\n", PATH)
    assert located(problems) == [(2, "frontmatter.not-mapping", None)]
    assert page == PageSource(meta={}, body="Nội dung\n", body_line=5)


def test_unclosed_front_matter() -> None:
    text = "---\ntitle: Đình làng\n# Đình làng\n\nNội dung.\n"
    page, problems = read_page(text, PATH)
    assert located(problems) == [(1, "frontmatter.unclosed", None)]
    assert problems[0].severity == "error"
    assert problems[0].format() == (
        "content/dia-diem/dinh-lang.md:1: phần đầu trang mở bằng `---` nhưng không có dòng `---`"
        " đóng lại — thêm một dòng `---` ngay sau dòng cuối của phần đầu trang\n"
        "    (en) the front matter opens with `---` but is never closed"
        " — add a `---` line right after the last front-matter line"
    )
    assert page.meta == {}


# --- no front matter ------------------------------------------------------------------------------


def test_no_front_matter() -> None:
    page, problems = read_page("# Đình làng\n\nNội dung.\n", PATH)
    assert problems == []
    assert page == PageSource(meta={}, body="# Đình làng\n\nNội dung.\n", body_line=1)


def test_horizontal_rule_first_is_not_front_matter() -> None:
    page, problems = read_page("---\n\nNội dung.\n", PATH)
    assert problems == []
    assert page == PageSource(meta={}, body="---\n\nNội dung.\n", body_line=1)


def test_first_line_like_metadata_stays_in_body() -> None:
    text = "Note: something\nTitle: Không phải tiêu đề\n\nNội dung.\n"
    page, problems = read_page(text, PATH)
    assert problems == []
    assert page.meta == {}
    assert page.body == text
    body, meta = get_data(mkdocs_source(page))
    assert meta == {}
    assert body == text


def test_plain_mkdocs_would_eat_the_first_line() -> None:
    # Guard for the test above: without our block MkDocs reads `Note:` as metadata.
    body, meta = get_data("Note: something\n\nNội dung.\n")
    assert meta == {"note": "something"}
    assert body == "Nội dung.\n"


# --- mkdocs_source round trip ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "meta",
    [
        {},
        {"title": "No"},
        {"title": "Đình làng: lịch sử và lễ hội", "description": "Lễ hội #1 mùa xuân"},
        {"title": "2024", "description": "yes"},
        {"title": None},
        {"tags": ["di tích", "lễ hội"], "comments": True, "search": {"exclude": False}},
        {"hide": ["toc", "navigation"], "weight": 3, "ratio": 1.5},
        {"title": 'Quán "Út"', "description": "a\\b\nc"},
    ],
)
def test_mkdocs_source_round_trips_meta(meta: dict[str, object]) -> None:
    page = PageSource(meta=meta, body="# Tiêu đề\n\nNote: không phải metadata\n", body_line=5)
    body, read_meta = get_data(mkdocs_source(page))
    assert read_meta == meta
    assert body == page.body


def test_mkdocs_source_round_trips_read_page() -> None:
    text = "---\ntitle: No\ndescription: on\ntags: [a, b]\ncomments: yes\n---\nNội dung\n"
    page, problems = read_page(text, PATH)
    assert problems == []
    assert page.meta == {"title": "No", "description": "on", "tags": ["a", "b"], "comments": True}
    body, meta = get_data(mkdocs_source(page))
    assert meta == {"title": "No", "description": "on", "tags": ["a", "b"], "comments": True}
    assert body == "Nội dung\n"


def test_mkdocs_source_round_trips_dates() -> None:
    # mkdocs_source promises MkDocs reads back "exactly page.meta": a date stays a date.
    page, problems = read_page("---\ntitle: A\ndate: 2024-01-02\n---\nNội dung\n", PATH)
    assert problems == []
    assert page.meta == {"title": "A", "date": datetime.date(2024, 1, 2)}
    body, meta = get_data(mkdocs_source(page))
    assert meta == {"title": "A", "date": datetime.date(2024, 1, 2)}
    assert body == "Nội dung\n"


def test_mkdocs_source_exact_text() -> None:
    page = PageSource(meta={"title": "Đình", "tags": ["a"]}, body="Nội dung\n")
    assert mkdocs_source(page) == "---\ntitle: Đình\ntags:\n- a\n---\n\nNội dung\n"
