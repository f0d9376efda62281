"""The YAML slips after the first: mend each reported line as its message says, and read again.

PyYAML stops at the first syntax error, so a file with five slips would need five runs of
``langso check``. Where the fix of a slip is certain (the message itself gives it: Tabs become
two spaces, an unquoted value with ``: `` is quoted, the missing space after ``key:`` is added,
a phone keyboard's ``：`` after a key becomes ``:`` and its non-breaking spaces plain ones, a line
indented too deep is lined up with the one above), that line is mended in a copy of the
text and the copy is read again; each new problem on a line not yet reported is kept. A slip
whose fix is not certain (a bracket or quote never closed…) ends the search: what PyYAML says
after a guess could be a false alarm.

Plain Python; used by :func:`langso.yamlsource.parse_yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from langso.problems import Problem
from langso.yamllookalike import mend_line

__all__ = ["MAX_ROUNDS", "later_problems"]

MAX_ROUNDS = 50
"""Most re-readings of one file (each mends at least one line)."""

_LEADING = re.compile(r"^[ \t]*")
_KEY_VALUE = re.compile(r"^(\s*)")

Parse = Callable[[str], "tuple[object | None, list[Problem]]"]


def later_problems(text: str, found: list[Problem], first_line: int, parse: Parse) -> list[Problem]:
    """The problems of ``text`` that reading stopped before, after the ``found`` ones.

    Args:
        text: the YAML source as read (NFC, without BOM).
        found: what the first reading reported (it could not build the document).
        first_line: the file line of the text's first line (front matter starts lower).
        parse: reads a text as :func:`langso.yamlsource.parse_yaml` without this search:
            ``(root or None, problems)``.

    Returns:
        The new problems, in the order found, none on a line already reported.
    """
    lines = text.splitlines()
    offset = first_line - 1
    reported = {p.line for p in found}
    extra: list[Problem] = []
    current = found
    tabbed: set[int] = set()  # lines whose Tabs became spaces: their depth is a guess
    for _ in range(MAX_ROUNDS):
        mended = _mend(lines, current, offset, tabbed)
        if mended is None:
            break
        lines = mended
        root, current = parse("\n".join(lines) + "\n")
        fresh = [p for p in current if p.line not in reported]
        extra += fresh
        reported |= {p.line for p in fresh}
        if root is not None or not current:
            break  # read to the end: no later syntax slip
    return extra


def _mend(
    lines: list[str], problems: list[Problem], offset: int, tabbed: set[int]
) -> list[str] | None:
    """``lines`` with the line of each problem mended, or ``None`` when one cannot be.

    A Tab is two spaces, as the message says; should that line then be out of line (the Tab
    was not meant as a deeper level: already reported as a Tab), it is lined up with the line
    above.
    """
    result = list(lines)
    for problem in problems:
        index = (problem.line or 0) - offset - 1
        if not 0 <= index < len(result):
            return None
        line = result[index]
        if problem.code == "yaml.tab":
            indent = _LEADING.match(line).group()  # type: ignore[union-attr]
            result[index] = indent.replace("\t", "  ") + line[len(indent) :]
            tabbed.add(index)
        elif problem.code in ("yaml.indent", "yaml.syntax") and index in tabbed:
            tabbed.discard(index)  # once only
            result[index] = _lined_up(result, index)
        elif problem.code in ("yaml.unquoted-colon", "yaml.missing-colon"):
            suggestion = str(problem.params.get("suggestion", ""))
            result[index] = _KEY_VALUE.match(line).group() + suggestion  # type: ignore[union-attr]
        elif problem.code == "yaml.no-space":
            key = str(problem.params.get("key", ""))
            result[index] = line.replace(f"{key}:", f"{key}: ", 1)
        elif problem.code in ("yaml.lookalike-colon", "yaml.odd-space"):
            result[index] = mend_line(line)
        elif problem.code == "yaml.indent":
            result[index] = _lined_up(result, index)
        else:
            return None
        if result[index] == line:
            return None  # nothing changed: reading again would say the same
    return result


def _lined_up(lines: list[str], index: int) -> str:
    """Line ``index`` indented as the nearest line above holding content."""
    above = next((t for t in reversed(lines[:index]) if t.strip() and t.strip()[0] != "#"), "")
    depth = len(above) - len(above.lstrip(" "))
    return " " * depth + lines[index].lstrip(" ")
