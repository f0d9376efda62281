#!/usr/bin/env python3
"""Write docs/schema.md and docs/thong-bao.md (the content schema and the messages) from the code.

.venv/bin/python build_tools/schema_docs.py
"""

from __future__ import annotations

from pathlib import Path

from langso.reference import messages_markdown, schema_markdown

DOCS = Path(__file__).resolve().parent.parent / "docs"


def main() -> None:
    """Regenerate both references and say where they went."""
    for name, text in (("schema.md", schema_markdown()), ("thong-bao.md", messages_markdown())):
        (DOCS / name).write_text(text, encoding="utf-8")
        print(f"wrote docs/{name}")


if __name__ == "__main__":
    main()
