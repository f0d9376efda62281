"""docs/schema.md is generated from the models and must be regenerated when they change."""

from __future__ import annotations

from pathlib import Path

from langso.reference import messages_markdown, schema_markdown

DOCS = Path(__file__).resolve().parent.parent / "docs" / "schema.md"


def test_schema_reference_is_up_to_date() -> None:
    assert DOCS.read_text(encoding="utf-8") == schema_markdown(), (
        "docs/schema.md is stale: run `.venv/bin/python build_tools/schema_docs.py`"
    )


def test_schema_reference_names_every_service_key() -> None:
    text = schema_markdown()
    for key in ("ten", "loai", "dien_thoai", "zalo", "gio_mo_cua", "mua_he", "xac_minh", "vietqr"):
        assert f"| `{key}` |" in text


def test_messages_reference_is_up_to_date() -> None:
    path = DOCS.parent / "thong-bao.md"
    assert path.read_text(encoding="utf-8") == messages_markdown(), (
        "docs/thong-bao.md is stale: run `.venv/bin/python build_tools/schema_docs.py`"
    )
