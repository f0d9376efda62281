"""docs/tinh-nguyen-vien.md: every ``langso`` command it shows is one the command line accepts."""

from __future__ import annotations

import argparse
import re
import shlex

import pytest

from langso.cli import build_parser
from tests.conftest import REPO

GUIDE = (REPO / "docs" / "tinh-nguyen-vien.md").read_text(encoding="utf-8")
# `langso …` in inline code or at the start of a line in a code block (after .venv/bin/).
COMMANDS = sorted(
    set(re.findall(r"`(?:\.venv/bin/)?langso ([^`]+)`", GUIDE))
    | set(re.findall(r"^\.venv/bin/langso ([^#\n]+?)\s*(?:#.*)?$", GUIDE, re.MULTILINE))
)


def test_the_guide_shows_commands() -> None:
    assert len(COMMANDS) >= 10, COMMANDS


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_in_the_guide_parses(command: str) -> None:
    words = shlex.split(command)
    if words[-1] in ("--help", "-h"):
        with pytest.raises(SystemExit) as raised:
            build_parser().parse_args(words)
        assert raised.value.code == 0
        return
    if all(not word.startswith("-") for word in words[1:]) and _is_command(words):
        return  # a mention such as `langso init` or `langso plaques print`: the names exist
    build_parser().parse_args(words)


def _is_command(words: list[str]) -> bool:
    """Whether ``words`` name (sub-)commands of ``langso``, e.g. ``["plaques", "print"]``."""
    parser = build_parser()
    for word in words:
        subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subparsers or word not in subparsers[0].choices:
            return False
        parser = subparsers[0].choices[word]
    return True


def test_the_guide_starts_from_getting_langso() -> None:
    first = GUIDE.split("\n## ")[1]
    assert first.startswith("0. Có lệnh `langso` trên máy / Getting the `langso` command")
    for needed in (
        ".venv/bin/langso",
        "python3 build_tools/dev.py site",
        ".venv/bin/pip install -r requirements.txt",
    ):
        assert needed in first
    for later in ("langso new place", "../danh-ba/quan-nuoc-ba-tu.md", "pull request"):
        assert later in GUIDE
