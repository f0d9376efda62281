"""langso.headings: the ids it reports are the ids Python-Markdown's toc gives, line by line."""

from __future__ import annotations

import os
import re
from unittest import mock

from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown import Markdown

from langso import headings
from langso.authoring import as_previewed
from langso.frontmatter import read_page
from langso.headings import EXTENSIONS, Heading, heading_problems, page_headings
from langso.problems import Problem
from langso.text import slugify
from tests.conftest import REPO

_ID = re.compile(r'<h[1-6][^>]*?\sid="([^"]*)"')


def rendered_ids(body: str) -> list[str]:
    """The heading ids of ``body`` rendered as the site renders it."""
    md = Markdown(extensions=[*EXTENSIONS, "toc"], extension_configs={"toc": {"slugify": slugify}})
    return _ID.findall(md.convert(as_previewed(body)))


TRICKY = (
    "# Món\n\n## Cá kho\n\ntext\n## Cà kho\n\n## 🍜\n\nT\n===\n\n```\n## Cá kho\n```\n\n"
    "!!! note\n    ## Cá kho\n\n## X {#ca-kho .a}\n\n## [Cá](a.md) kho ##\n\n*Em* đậm\n---\n\n"
    "> ### Quote\n\n    # code\n\n<div>\n# html\n</div>\n\n####### seven\n\nPara\n{: #seven }\n\n"
    "- ## in list\n\n| a | b {#q} |\n|---|---|\n| 1 | 2 |\n\n## Q\n"
)


def test_every_heading_with_its_line_and_id() -> None:
    assert page_headings(TRICKY) == [
        Heading(1, "# Món", "mon", "mon", False),
        Heading(3, "## Cá kho", "ca-kho_1", "ca-kho", False),
        Heading(6, "## Cà kho", "ca-kho_2", "ca-kho", False),
        Heading(8, "## 🍜", "_1", "", False),
        Heading(10, "T", "t", "t", False),
        Heading(18, "## Cá kho", "ca-kho_3", "ca-kho", False),
        Heading(20, "## X {#ca-kho .a}", "ca-kho", "ca-kho", True),
        Heading(22, "## [Cá](a.md) kho ##", "ca-kho_4", "ca-kho", False),
        Heading(24, "*Em* đậm", "em-dam", "em-dam", False),
        Heading(27, "> ### Quote", "quote", "quote", False),
        Heading(35, "####### seven", "seven_1", "seven", False),
        Heading(40, "- ## in list", "in-list", "in-list", False),
        Heading(46, "## Q", "q_1", "q", False),
    ]
    assert [h.id for h in page_headings(TRICKY)] == rendered_ids(TRICKY)


def test_the_sample_pages_have_the_ids_they_render_with_and_no_warning() -> None:
    for path in sorted((REPO / "content").rglob("*.md")):
        rel = path.relative_to(REPO).as_posix()
        page, _ = read_page(path.read_text(encoding="utf-8"), rel)
        assert [h.id for h in page_headings(page.body)] == rendered_ids(page.body), rel
        assert heading_problems(page.body, rel) == [], rel


def test_clashes_name_the_first_heading_and_suggest_free_ids() -> None:
    body = "## Cá kho\n\n## Cà kho\n\n## Cả kho {#ca-kho}\n\n## ca-kho-2\n"
    problems = heading_problems(body, "content/a.md", first_line=4)
    assert [(p.line, p.code, p.severity) for p in problems] == [
        (6, "page.heading-clash", "warning"),
        (8, "page.heading-clash", "warning"),
    ]
    assert [dict(p.params) for p in problems] == [
        {
            "heading": "## Cà kho",
            "other": "## Cá kho",
            "other_line": "4",
            "id": "ca-kho",
            "suggestion": "## Cà kho {#ca-kho-3}",
        },
        {
            "heading": "## Cả kho {#ca-kho}",
            "other": "## Cá kho",
            "other_line": "4",
            "id": "ca-kho",
            "suggestion": "## Cả kho {#ca-kho-4}",
        },
    ]


def test_distinct_explicit_ids_are_quiet() -> None:
    body = "## Cá kho {#ca-kho-ca}\n\n## Cà kho {: #ca-kho-ca-tim }\n\n## 🍜 {#pho}\n"
    assert heading_problems(body, "content/a.md") == []


_WORDS = ["Cá", "Cà", "kho", "🍜", "*Cá*", "[Cá](a.md)", "`kho`", "{#ca-kho}", "&amp;", "##"]
_LINES = st.one_of(
    st.sampled_from(
        [
            *["", "", "Đoạn văn.", "```", "~~~", "===", "---", "!!! note", "<div>", "</div>"],
            *["> x", "Cá | kho", "--- | ---", "1. x", "\t## Cá", "{: #ca-kho }"],
        ]
    ),
    st.builds(
        lambda prefix, words: prefix + " ".join(words),
        st.sampled_from(["# ", "## ", "###", "    ## ", "> ## ", "- ## ", "1. # ", "", "    "]),
        st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3),
    ),
)


def _problems_parsed(body: str) -> list[Problem]:
    with mock.patch.object(headings, "_may_move", return_value=True):
        return heading_problems(body, "content/a.md")


# The same examples on every CI run; `LANGSO_FUZZ=hunt` draws fresh ones (see test_hostile_fuzz).
@settings(
    max_examples=int(os.environ.get("HD_EXAMPLES", "300")),
    deadline=None,
    derandomize=os.environ.get("LANGSO_FUZZ") != "hunt",
    database=None,
)
@given(st.lists(_LINES, max_size=14))
# Found by a random run: a line mark put a space before a heading's whole text `{#ca-kho}`.
@example(["# {#ca-kho}", "1. x", "{: #ca-kho }", "> x"])
@example(["# Cá kho", "Cá | kho", "--- | ---", "# {#ca-kho}"])
@example(["- ## Cá kho", "{: #ca-kho }", "> x"])
def test_any_page_warned_as_toc_numbers_it(lines: list[str]) -> None:
    """Ids as rendered, each heading on a line that holds it, and the quick path
    (:func:`langso.headings._may_move`) never hides a warning."""
    body = "\n".join(lines) + "\n"
    found = page_headings(body)
    assert [h.id for h in found] == rendered_ids(body)
    for heading in found:
        assert heading.line is not None
        assert body.split("\n")[heading.line - 1].strip() == heading.source
    assert heading_problems(body, "content/a.md") == _problems_parsed(body)
    wanted = [h.wanted for h in found]
    moving = [h for h in found if not h.explicit and (not h.wanted or wanted.count(h.wanted) > 1)]
    assert bool(_problems_parsed(body)) >= bool(moving)
