#!/usr/bin/env python3
"""Write docs/schema.md, the content schema reference, from the models.

.venv/bin/python build_tools/schema_docs.py
"""

from __future__ import annotations

from pathlib import Path

from langso.reference import schema_markdown

TARGET = Path(__file__).resolve().parent.parent / "docs" / "schema.md"


def main() -> None:
    """Regenerate the reference and say where it went."""
    TARGET.write_text(schema_markdown(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(TARGET.parent.parent)}")


if __name__ == "__main__":
    main()
