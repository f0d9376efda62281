"""A service page's front matter: written by libyaml's emitter, read back as the same text."""

from __future__ import annotations

import pytest
import yaml

from langso.directory.render import _front_matter
from langso.frontmatter import read_page

DESCRIPTIONS = [
    "Trạm Y tế: Khám chữa bệnh ban đầu, tiêm chủng. Điện thoại 0912 345 678.",
    "Quán 'Bà Tư': bánh cuốn # ngon. Địa chỉ: thôn Tân Ngữ.",
    '- Chợ "Phủ" : mở 5:00-11:00, giá 10% rẻ hơn… Dữ liệu mẫu.',
    "null",
    "yes: no",
    "@tiệm & {quà} [tặng] * ! | > ` \\ ~",
    "Số 1: 'a' \"b\" — tab\tvà dấu \\",
]


@pytest.mark.parametrize("description", DESCRIPTIONS)
def test_front_matter_reads_back_as_written(description: str) -> None:
    written = _front_matter(description)
    page, problems = read_page(f"---\n{written}---\n\n# Tên\n", "content/danh-ba/x.md")
    assert problems == []
    assert page.meta["description"] == description


@pytest.mark.parametrize("description", DESCRIPTIONS)
def test_front_matter_is_what_the_pure_python_emitter_wrote(description: str) -> None:
    # The same bytes as before the switch to libyaml: pages' Markdown, hence their cache keys'
    # outputs, do not change for any text a service's description can hold.
    pure = yaml.safe_dump(
        {"description": description}, allow_unicode=True, width=1_000_000, sort_keys=False
    )
    assert _front_matter(description) == pure
