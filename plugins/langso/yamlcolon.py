"""A field name typed without its colon, found on its own line (not the next one).

``ten 'Nhà văn hóa thôn'`` (the ``:`` forgotten) followed by a correct ``loai: 'nha-van-hoa'``
is, to PyYAML, one plain value running over both lines, ``ten 'Nhà văn hóa thôn' loai``; it
stumbles only at the ``: `` of the NEXT line ("mapping values are not allowed here", or "could
not find expected ':'") and names that correct line. Here the line above is recognised as a
field name with no colon, at the same depth as the next key (or, written alone, opening a
group indented below it), and the problem (``yaml.missing-colon``) is put on it, with the line
as it should be.

Plain Python, no MkDocs; used by :func:`langso.yamlsource.parse_yaml` (every YAML file and front
matter a site reads).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from langso.problems import Problem

__all__ = ["missing_colon"]

_STUMBLES = ("mapping values are not allowed", "could not find expected ':'")
"""PyYAML's words (and libyaml's) when a plain value ran into the next line's ``key: ``."""
_PREFIX = re.compile(r"^\s*(?:-\s+)*")
_NAME_ONLY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?:\s+(\S.*))?$")
"""A field name (langso's are ASCII ``snake_case``), then maybe a value, and no colon."""
_KEY = re.compile(r"^\s*(?:-\s+)*[^\s:#'\"][^:]*:(?:\s|$)")
_COLON = re.compile(r":(?:\s|$)")


def missing_colon(
    error: yaml.MarkedYAMLError, lines: list[str], path: str, offset: int = 0
) -> Problem | None:
    """The ``yaml.missing-colon`` problem behind PyYAML's ``error``, or ``None``.

    Args:
        error: what PyYAML raised reading ``lines``.
        lines: the text's lines (NFC, without BOM).
        path: repository-relative path, for the problem.
        offset: file lines above the text (front matter starts below its ``---``).

    Returns:
        A problem on the first line of the run of colon-less lines above the line PyYAML
        stopped at (``offset`` added), field the name typed there, params ``key``,
        ``stop_line`` (where PyYAML stopped, 1-based) and ``suggestion`` (the line, stripped,
        with ``:`` after the name); ``None`` when the error is another one.
    """
    mark: Any = error.problem_mark
    if mark is None or not (error.problem or "").startswith(_STUMBLES):
        return None
    stop = int(mark.line)
    if stop >= len(lines) or not _KEY.match(lines[stop]):
        return None
    column = _column(lines[stop])
    found: tuple[int, re.Match[str]] | None = None
    number = _above(lines, stop)
    while number is not None:
        text = lines[number]
        name = _NAME_ONLY.match(text, _column(text))
        if name is None or _COLON.search(text):
            break
        deeper_alone = column > _column(text) and name.group(2) is None and found is None
        if _column(text) != column and not deeper_alone:
            break
        found = number, name
        column = _column(text)
        number = _above(lines, number)
    if found is None:
        return None
    line, name = found
    if number is not None and _column(lines[number]) < column and _is_value(lines[number]):
        return None  # the run continues a value above (`mo_ta: abc` / `  def`): not a key
    key, value = name.group(1), name.group(2)
    text = lines[line]
    dash = text[len(text) - len(text.lstrip()) : _column(text)]  # `- ` of a list item, if any
    suggestion = f"{dash}{key}: {value.rstrip()}" if value else f"{dash}{key}:"
    params = {"key": key, "stop_line": stop + 1 + offset, "suggestion": suggestion}
    return Problem(path, line + 1 + offset, "yaml.missing-colon", key, params)


def _above(lines: list[str], number: int) -> int | None:
    """The nearest line above ``number`` (0-based) holding content, not a comment."""
    for previous in range(number - 1, -1, -1):
        text = lines[previous].strip()
        if text and not text.startswith("#"):
            return previous
    return None


def _column(line: str) -> int:
    """Where the line's content starts, after its indentation and any ``- `` marks."""
    return _PREFIX.match(line).end()  # type: ignore[union-attr]  # always matches


def _is_value(line: str) -> bool:
    """Whether the line is ``key: value`` with the value on it (lines below may continue it)."""
    match = _KEY.match(line)
    return match is not None and bool(line[match.end() :].strip())
