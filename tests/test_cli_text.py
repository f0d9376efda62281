"""The ``langso`` command line speaks Vietnamese first: argparse's own words and every help text."""

from __future__ import annotations

import argparse
import ast
import re
from pathlib import Path

import pytest

from langso.cli import build_parser, main
from langso.cli_text import CATALOG, DEVELOPER_ONLY, PLURALS

VIETNAMESE = re.compile(r"[à-ỹÀ-Ỹđ]")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as raised:
        main(list(argv))
    out, err = capsys.readouterr()
    return int(raised.value.code or 0), out, err


def test_a_missing_command_is_explained_in_vietnamese_then_english(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = _run(capsys)
    assert (status, out) == (2, "")
    assert err == (
        "cách dùng / usage: langso [-h] LỆNH/COMMAND ...\n"
        "langso: lỗi / error: thiếu tham số bắt buộc / the following arguments are required: "
        "LỆNH/COMMAND\n"
        "    Xem hướng dẫn / see the help: langso -h\n"
    )


def test_a_wrong_choice_names_the_choices(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(capsys, "check", "--lang", "fr")
    assert status == 2
    assert err.startswith("cách dùng / usage: langso check [-h]")
    assert err.endswith(
        "langso check: lỗi / error: tham số / argument --lang: không có lựa chọn 'fr'; chọn "
        "một trong / invalid choice; choose from: 'vi', 'en'\n"
        "    Xem hướng dẫn / see the help: langso check -h\n"
    )


def test_an_unknown_option_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(capsys, "check", "--strikt")
    assert status == 2
    assert "langso: lỗi / error: không hiểu các tham số / unrecognized arguments: --strikt\n" in err


def test_help_headings_are_vietnamese_first(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "--help")
    assert status == 0
    assert out.startswith("cách dùng / usage: langso [-h] LỆNH/COMMAND ...\n")
    assert "\ntham số / positional arguments:\n" in out
    assert "\ntùy chọn / options:\n" in out
    assert "-h, --help    in hướng dẫn này rồi thoát / show this help message and exit" in out


def _parsers(parser: argparse.ArgumentParser, path: str) -> list[tuple[str, argparse.Action]]:
    found: list[tuple[str, argparse.Action]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found += [(f"{path} {a.dest}", a) for a in action._choices_actions]
            for name, sub in action.choices.items():
                found += _parsers(sub, f"{path} {name}")
        elif not isinstance(action, argparse._HelpAction):
            found.append((f"{path} {action.dest}", action))
    return found


@pytest.mark.parametrize(("where", "action"), _parsers(build_parser(), "langso"))
def test_every_help_is_vietnamese_then_english(where: str, action: argparse.Action) -> None:
    vietnamese, separator, english = (action.help or "").partition(" / ")
    assert separator, f"{where}: help should read `tiếng Việt / English`: {action.help!r}"
    assert VIETNAMESE.search(vietnamese) or "mặc định" in english, f"{where}: {action.help!r}"
    # An option taking a value shows its metavar; argparse's default is the English dest.
    if action.option_strings and action.nargs != 0 and not action.choices:
        assert action.metavar, f"{where}: give a metavar such as TÊN/NAME"


def test_every_argparse_word_a_person_can_see_is_translated() -> None:
    """Read the running Python's argparse.py: each gettext string is in the catalogue."""
    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    seen: set[str] = set()
    for node in ast.walk(tree):
        call = isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        if call and node.func.id in ("_", "ngettext"):  # type: ignore[attr-defined]
            seen |= {
                arg.value
                for arg in node.args  # type: ignore[attr-defined]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            }
    missing = seen - set(CATALOG) - set(PLURALS) - DEVELOPER_ONLY
    assert not missing, f"add to langso.cli_text.CATALOG: {sorted(missing)}"


NAMED = re.compile(r"%\(\w+\)[rsd]")
POSITIONAL = re.compile(r"%[rsd]")


@pytest.mark.parametrize("key", sorted({**CATALOG, **PLURALS}))
def test_translations_keep_every_placeholder(key: str) -> None:
    text = {**CATALOG, **PLURALS}[key]
    # Named placeholders may repeat; each positional one takes one value, in order.
    assert set(NAMED.findall(text)) == set(NAMED.findall(key))
    assert POSITIONAL.findall(text) == POSITIONAL.findall(key)
    assert VIETNAMESE.search(text.split(" / ")[0]), text


def test_other_parsers_in_the_process_keep_argparse_words(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _run(capsys, "--help")
    assert argparse.ArgumentParser(prog="x").format_usage() == "usage: x [-h]\n"
