"""A value that opens a quote and never closes it, found where it opened (issue 17).

``mo_ta: 'Phiên chợ họp sáng`` with no closing ``'`` is still YAML to PyYAML: a quoted value may
run over several lines, so it reads the next lines into the value until it meets another ``'``
(the opening quote of a later value, a ``'`` in a comment…) and only then stumbles, on that
later line: "did not find expected key" at line 7, two lines below the slip. With no later
quote at all, it stops at the end of the file. Either way the volunteer is sent to the wrong
line. Here the quoted value that ran over lines is found among the tokens PyYAML read before it
stopped, and the problem (``yaml.unclosed-quote``) is put on the line where the quote opened,
with where to close it: the end of that line, or, when the next lines are indented deeper than
the key (a value meant to run over several lines), the end of the last of them; a deeper line
that starts with a field name (``  gio: …``) is the next field, not more of the value. A ``[`` or
``{`` never closed (``yaml.unclosed-bracket``) is found the same way, from PyYAML's own mark.

Plain Python, no MkDocs; used by :func:`langso.yamlsource.parse_yaml` (every YAML file and front
matter a site reads: ``village.yml``, ``content/danh-ba/*.yml``, plaques, tours, notices…).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import yaml

from langso.problems import Problem

__all__ = ["unclosed_bracket", "unclosed_quote"]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_QUOTES = ("'", '"')
_KEY = re.compile(r"^\s*(?:-\s+)*([^\s:#'\"\-][^:]*?):\s")
_PREFIX = re.compile(r"^\s*(?:-\s+)*")
_FIELD = re.compile(r"^\s*(?:-\s+)*[A-Za-z_][A-Za-z0-9_]*:(?:\s|$)")
"""A line starting with a field name (langso's are ASCII ``snake_case``) and its ``:``."""
_SCANNING_QUOTED = "while scanning a quoted scalar"
_RAN_OUT = ("found unexpected end of stream", "found unexpected document")
"""PyYAML's words (and libyaml's) for a quoted value still open at the end of the text or at
a ``---`` line; an unknown escape ``\\d`` inside ``"…"`` is another matter."""


def unclosed_quote(
    error: yaml.MarkedYAMLError, lines: list[str], path: str, offset: int = 0
) -> Problem | None:
    """The ``yaml.unclosed-quote`` problem behind PyYAML's ``error``, or ``None``.

    Args:
        error: what PyYAML raised reading ``lines``.
        lines: the text's lines (NFC, without BOM).
        path: repository-relative path, for the problem.
        offset: file lines above the text (front matter starts below its ``---``).

    Returns:
        A problem on the line where the quote opened (``offset`` added), field the value's key
        (``None`` for a list item), params ``quote`` (``'`` or ``"``), ``until_vi`` and
        ``until_en`` (where PyYAML stopped: "và chỉ dừng ở dòng 7", or the end of the file or
        front matter), ``close_line`` (the line to end with the quote) and ``suggestion`` (that
        line, stripped, with the quote added); ``None`` when the error is not one of a quoted
        value run over the line where it opened.
    """
    found = _opened(error, lines)
    if found is None:
        return None
    line, column = found  # 0-based, where the quote is
    source = lines[line]
    quote = source[column]
    close = _close_line(lines, line)
    closing = lines[close].rstrip()
    if closing.endswith(quote) and close == line:
        return None  # closed on its own line: the error is elsewhere
    mark: Any = error.problem_mark
    ran_out = mark is None or (error.problem or "").startswith(_RAN_OUT)  # no quote closes it
    stop = None if ran_out else int(mark.line)
    params = {"quote": quote}
    opened = (line, column)
    return _unclosed("yaml.unclosed-quote", path, lines, opened, close, stop, quote, offset, params)


_FLOW = {"while parsing a flow sequence": "]", "while parsing a flow mapping": "}"}
"""PyYAML's words (and libyaml's) for a ``[`` or ``{`` it was still inside, and its closer."""
_PAIRS = {"[": "]", "{": "}"}


def unclosed_bracket(
    error: yaml.MarkedYAMLError, lines: list[str], path: str, offset: int = 0
) -> Problem | None:
    """The ``yaml.unclosed-bracket`` problem behind PyYAML's ``error``, or ``None``.

    ``gio: [7:00`` with no ``]``: PyYAML reads the next lines into the list and stumbles on a
    later line. The problem goes on the line of the ``[`` (or ``{``), as for a quote.

    Args:
        error, lines, path, offset: as for :func:`unclosed_quote`.

    Returns:
        A problem on the line where the bracket opened (``offset`` added), field the value's
        key, params ``bracket`` (``[`` or ``{``), ``closer``, ``until_vi``/``until_en``,
        ``close_line`` and ``suggestion`` (that line, stripped, with the brackets still open
        on it closed); ``None`` when PyYAML stopped on the bracket's own line or the error is
        another one.
    """
    mark: Any = error.context_mark
    closer = _FLOW.get(error.context or "")
    if closer is None or mark is None or error.problem_mark is None:
        return None
    line, column = int(mark.line), int(mark.column)
    stop = int(error.problem_mark.line)
    if stop <= line or line >= len(lines) or lines[line][column : column + 1] not in _PAIRS:
        return None  # stumbled on the bracket's own line: the message there is right
    close = _close_line(lines, line)
    stack: list[str] = []  # the closers still owed on the lines of the value, innermost last
    for char in "\n".join(lines[line : close + 1]):
        if char in _PAIRS:
            stack.append(_PAIRS[char])
        elif stack and char == stack[-1]:
            stack.pop()
    missing = "".join(reversed(stack)) or closer
    ran_out = stop >= len(lines) or "stream end" in (error.problem or "")
    params = {"bracket": lines[line][column], "closer": missing}
    until = None if ran_out else stop
    opened = (line, column)
    return _unclosed(
        "yaml.unclosed-bracket", path, lines, opened, close, until, missing, offset, params
    )


def _unclosed(
    code: str,
    path: str,
    lines: list[str],
    opened: tuple[int, int],
    close: int,
    stop: int | None,
    missing: str,
    offset: int,
    params: Mapping[str, str],
) -> Problem:
    """The problem of a quote or bracket opened at ``opened`` (0-based line, column) that PyYAML
    read on until line ``stop`` (0-based; ``None``: to the end of the text), to be closed by
    ``missing`` at the end of line ``close``: on the opening line, field the value's key, with
    ``params`` and ``until_vi``/``until_en``, ``close_line``, ``suggestion`` added."""
    line, column = opened
    if stop is None:
        end = ("phần đầu trang", "front matter") if offset else ("tệp", "file")
        until = (f"cho đến hết {end[0]}", f"to the end of the {end[1]}")
    else:
        until = (
            f"và chỉ dừng ở dòng {stop + 1 + offset}",
            f"and stops only at line {stop + 1 + offset}",
        )
    key = _KEY.match(lines[line][:column])
    values: dict[str, object] = {
        **params,
        "until_vi": until[0],
        "until_en": until[1],
        "close_line": close + 1 + offset,
        "suggestion": lines[close].rstrip().strip() + missing,
    }
    return Problem(path, line + 1 + offset, code, key.group(1) if key else None, values)


def _opened(error: yaml.MarkedYAMLError, lines: list[str]) -> tuple[int, int] | None:
    """Where (0-based line, column) the unclosed quote is, if ``error`` comes from one."""
    ran_out = (error.problem or "").startswith(_RAN_OUT)
    if (error.context or "").startswith(_SCANNING_QUOTED) and ran_out and error.context_mark:
        mark: Any = error.context_mark
        line, column = int(mark.line), int(mark.column)  # no closing quote before the end
        if line < len(lines) and lines[line][column : column + 1] in _QUOTES:
            return line, column
        return None
    if error.problem_mark is None:
        return None
    stop = int(error.problem_mark.line)
    last: tuple[int, int] | None = None
    try:
        for token in yaml.scan("\n".join(lines) + "\n", Loader=_Loader):
            start: Any = token.start_mark
            if int(start.line) > stop:
                break
            end: Any = token.end_mark
            quoted = isinstance(token, yaml.ScalarToken) and token.style in _QUOTES
            # A quoted value from an earlier line that closed on the line PyYAML stopped at.
            if quoted and int(start.line) < int(end.line) == stop:
                last = int(start.line), int(start.column)
    except yaml.YAMLError:
        pass  # the tokens up to the error are what matters
    return last


def _close_line(lines: list[str], line: int) -> int:
    """The last line of the value that opens on ``line`` (0-based): that line and the lines
    below it indented deeper than its key (or, for a bare list item, than its ``-``): a value
    meant to run over several lines, blank lines between them included; a comment or a line
    no deeper ends it."""
    depth = _depth(lines[line])
    last = line
    for number in range(line + 1, len(lines)):
        text = lines[number]
        if not text.strip():
            continue
        if _indent(text) <= depth or text.lstrip().startswith("#") or _FIELD.match(text):
            break  # a `gio: …` line below is the next field, not more of the value
        last = number
    return last


def _depth(line: str) -> int:
    """The column of the line's key, else of its last ``-`` (a bare list item), else its
    indentation."""
    prefix = _PREFIX.match(line).group()  # type: ignore[union-attr]  # always matches
    if _KEY.match(line):
        return len(prefix)
    return prefix.rfind("-") if "-" in prefix else _indent(line)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
