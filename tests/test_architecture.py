"""The core must outlive MkDocs: only the adapters may import it."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "langso"
ADAPTERS = {"adapter.py", "plugin.py", "config.py", "cli.py"}  # cli.py reads mkdocs.yml


def test_core_modules_do_not_import_mkdocs() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.name in ADAPTERS or path.name.startswith("cli_"):  # cli_<command>.py: cli.py's
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.relative_to(PACKAGE)}: {n}"
                for n in names
                if n.split(".")[0] in ("mkdocs", "material")
            ]
    assert offenders == []
