"""Vietnamese first, English after, in the words ``argparse`` itself writes for ``langso``.

``argparse`` writes its own words ("usage:", "options", "error: the following arguments are
required: …", "invalid choice: …") through ``gettext``: CPython's ``argparse.py`` (3.11 to 3.14)
does ``from gettext import gettext as _, ngettext`` and looks the two names up in its module
globals each time it writes. :class:`VietnameseArgumentParser` puts :func:`translate` and
:func:`translate_plural` in their place while it is built, parses or writes help, and puts the
originals back afterwards, so any other user of ``argparse`` in the same process keeps its own
words. There is no catalogue file to compile or install: the table is :data:`CATALOG`.

A word missing from :data:`CATALOG` is shown in English, as before; a test reads the running
Python's ``argparse.py`` and fails if a string a person can see is in neither :data:`CATALOG` nor
:data:`DEVELOPER_ONLY` (mistakes in the parser's own definition, never seen by a volunteer).

    >>> parser = VietnameseArgumentParser(prog="langso")
    >>> parser.format_usage()
    'cách dùng / usage: langso [-h]\\n'
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

__all__ = [
    "CATALOG",
    "DEVELOPER_ONLY",
    "PLURALS",
    "VietnameseArgumentParser",
    "translate",
    "translate_plural",
]

# Keys are argparse's own msgids, byte for byte; the values keep every %-placeholder of the key
# (argparse fills them with `%`), Vietnamese first and the English words after.
CATALOG: dict[str, str] = {
    "usage: ": "cách dùng / usage: ",
    "positional arguments": "tham số / positional arguments",
    "options": "tùy chọn / options",
    "optional arguments": "tùy chọn / optional arguments",
    "show this help message and exit": "in hướng dẫn này rồi thoát / show this help message "
    "and exit",
    "subcommands": "lệnh / subcommands",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi / error: %(message)s\n"
    "    Xem hướng dẫn / see the help: %(prog)s -h\n",
    "argument %(argument_name)s: %(message)s": "tham số / argument %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "thiếu tham số bắt buộc / the following "
    "arguments are required: %s",
    "one of the arguments %s is required": "cần một trong các tham số / one of the arguments "
    "is required: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "không có lựa chọn %(value)r; chọn "
    "một trong / invalid choice; choose from: %(choices)s",
    "invalid choice: %(value)r, maybe you meant %(closest)r?": "không có lựa chọn %(value)r; "
    "có phải ý bạn là / invalid choice, maybe you meant: %(closest)r?",
    "unrecognized arguments: %s": "không hiểu các tham số / unrecognized arguments: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "không có lệnh %(parser_name)r; "
    "chọn một trong / unknown command; choose from: %(choices)s",
    "expected one argument": "cần đúng một giá trị sau tùy chọn này / expected one argument",
    "expected at most one argument": "cần nhiều nhất một giá trị / expected at most one argument",
    "expected at least one argument": "cần ít nhất một giá trị / expected at least one argument",
    "invalid %(type)s value: %(value)r": "giá trị %(value)r không đúng kiểu %(type)s / invalid "
    "%(type)s value",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s chưa rõ, có "
    "thể là / ambiguous option, could match: %(matches)s",
    "not allowed with argument %s": "không dùng cùng với / not allowed with argument %s",
    "ignored explicit argument %r": "tùy chọn này không nhận giá trị / ignored explicit "
    "argument %r",
    "unexpected option string: %s": "tùy chọn không đúng chỗ / unexpected option string: %s",
    "can't open '%(filename)s': %(error)s": "không mở được tệp / can't open '%(filename)s': "
    "%(error)s",
    'argument "-" with mode %r': 'không dùng được "-" (đầu vào chuẩn) ở chế độ / argument "-" '
    "with mode %r",
    "option %(option)s is deprecated": "tùy chọn %(option)s sắp bỏ / option %(option)s is "
    "deprecated",
    "argument %(argument_name)s is deprecated": "tham số %(argument_name)s sắp bỏ / argument "
    "%(argument_name)s is deprecated",
    "command %(parser_name)r is deprecated": "lệnh %(parser_name)r sắp bỏ / command "
    "%(parser_name)r is deprecated",
}

# ngettext(singular, plural, n): keyed by the singular msgid; one text serves every n, since
# Vietnamese nouns do not change with the number.
PLURALS: dict[str, str] = {
    "expected %s argument": "cần đúng %s giá trị / expected exactly this many values",
}

# Raised only when the parser itself is defined wrongly (a bug in langso, caught by the tests),
# or plural forms of PLURALS keys: they stay in English.
DEVELOPER_ONLY: frozenset[str] = frozenset(
    {
        ".__call__() not defined",
        "conflicting subparser: %s",
        "conflicting subparser alias: %s",
        "cannot merge actions - two groups are named %r",
        "'required' is an invalid argument for positionals",
        "invalid option string %(option)r: must start with a character %(prefix_chars)r",
        "dest= is required for options like %r",
        "invalid conflict_resolution value: %r",
        "conflicting option string: %s",
        "conflicting option strings: %s",
        "mutually exclusive arguments must be optional",
        "cannot have multiple subparser arguments",
        "expected %s arguments",
        "%r is not callable",
    }
)


def translate(message: str | None) -> str | None:
    """``gettext`` for argparse: the bilingual text of ``message``, or ``message`` unchanged.

    ``None`` (argparse passes a missing description through ``_``) stays ``None``.
    """
    if message is None:
        return None
    return CATALOG.get(message, message)


def translate_plural(singular: str, plural: str, count: int) -> str:
    """``ngettext`` for argparse: one bilingual text for every ``count``, else the English."""
    if singular in PLURALS:
        return PLURALS[singular]
    return singular if count == 1 else plural


@contextmanager
def vietnamese() -> Iterator[None]:
    """Let ``argparse`` write Vietnamese first inside the block; nested blocks are fine."""
    names = vars(argparse)
    saved = names["_"], names["ngettext"]
    names["_"], names["ngettext"] = translate, translate_plural
    try:
        yield
    finally:
        names["_"], names["ngettext"] = saved


class VietnameseArgumentParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose own words (usage, headings, errors) are Vietnamese first.

    Sub-commands made with ``add_subparsers().add_parser`` are of the same class (argparse
    uses the parent's class), so one change where the top parser is made covers every command.
    Exit statuses are argparse's: 0 after ``-h``, 2 after a mistyped command line.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # The "options" heading and the -h help are written when the parser is made.
        with vietnamese():
            super().__init__(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        with vietnamese():
            return super().parse_known_args(*args, **kwargs)

    def parse_args(self, *args: Any, **kwargs: Any) -> Any:
        with vietnamese():
            return super().parse_args(*args, **kwargs)

    def format_usage(self) -> str:
        with vietnamese():
            return super().format_usage()

    def format_help(self) -> str:
        with vietnamese():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        with vietnamese():
            super().error(message)
