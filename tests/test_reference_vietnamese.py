"""docs/schema.md speaks Vietnamese first: every section and every field, then the English."""

from __future__ import annotations

import re

import pytest
from pydantic import BaseModel

from langso.reference import INTROS_VI, SECTIONS, schema_markdown

FIELDS = [
    (model, info.alias or name, info.description)
    for _, _, model in SECTIONS
    for name, info in model.model_fields.items()
]


def _outside_code(text: str) -> str:
    return re.sub(r"`[^`]*`", "", text)


@pytest.mark.parametrize(
    ("model", "key", "description"), FIELDS, ids=[f"{m.__name__}.{k}" for m, k, _ in FIELDS]
)
def test_every_field_is_described_in_vietnamese_then_english(
    model: type[BaseModel], key: str, description: str | None
) -> None:
    assert description, f"{model.__name__}.{key}: no description"
    vietnamese, separator, english = description.rpartition(" / ")
    assert separator, f"{model.__name__}.{key}: `Vietnamese / English` expected: {description!r}"
    # Vietnamese first: the first half has Vietnamese letters, the second half none outside code.
    assert re.search(r"[à-ỹÀ-Ỹđ]", vietnamese), vietnamese
    assert _outside_code(english).isascii(), english
    assert english[:1].isupper() or english.startswith("`"), english


def test_every_section_opens_in_vietnamese_then_english() -> None:
    text = schema_markdown()
    for title, label, model in SECTIONS:
        english = (model.__doc__ or "").strip().splitlines()[0].replace("``", "`")
        heading = f"## {title} — {label}\n\n{INTROS_VI[model]}\n*{english}*\n\n| Khóa / key |"
        assert heading in text


def test_sample_rows_read_as_a_volunteer_sees_them() -> None:
    text = schema_markdown()
    assert (
        "| `ten` | chữ / text | **có / yes** | "
        "Tên in trên biển. / The name printed on the plaque. |" in text
    )
    assert (
        "## `village.yml` — Làng / the village\n\n"
        "Sổ tay này của làng nào. Mọi tên viết như trong địa chỉ.\n"
        "*Who the guidebook is for. Every name is written as it appears in addresses.*\n"
    ) in text
