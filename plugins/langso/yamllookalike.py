"""Phone-keyboard look-alikes of the ASCII punctuation YAML needs (issue 15, a hamlet head on a
phone).

A Vietnamese phone keyboard switched to Chinese or Japanese types ``：`` (U+FF1A) for ``:``; some
keyboards offer ``﹕`` or ``꞉``; a copy from a chat or a word processor brings a non-breaking space
(U+00A0) where a space belongs; and "smart punctuation" turns ``"Lịch cắt điện"`` into
``“Lịch cắt điện”``. YAML sees none of these as its punctuation: ``loai： "Tiêm chủng"`` is no key
(PyYAML blames the next line, without the cause) and ``“Lịch cắt điện”`` is published with its
curly quotes.

- :func:`lookalike_problems`: each line whose key is followed by a look-alike colon
  (``yaml.lookalike-colon``) or that has an odd space in its indentation or around the key's
  colon (``yaml.odd-space``); errors, each with the mended line as ``suggestion`` (what
  :mod:`langso.yamlrepair` writes to look for the next slips).
- :func:`curly_quoted`: whether a scalar is wholly wrapped in curly quotes; the caller warns
  (``yaml.curly-quotes``) and keeps the value as typed: the curly quotes may be meant (a book
  title), and nothing changes silently. Dates and times refuse it with an error that says so
  (:mod:`langso.dates`).

Plain Python; used by :mod:`langso.yamlsource` and :mod:`langso.dates`.
"""

from __future__ import annotations

import re

from langso.problems import Problem

__all__ = ["COLONS", "SPACES", "curly_quoted", "lookalike_problems", "mend_line"]

COLONS: dict[str, tuple[str, str]] = {
    "：": (
        "dấu hai chấm của bàn phím tiếng Trung/Nhật",
        "the full-width colon of a Chinese/Japanese keyboard",
    ),
    "﹕": (
        "dấu hai chấm nhỏ của bàn phím tiếng Trung",
        "the small colon of a Chinese keyboard",
    ),
    "꞉": (
        "dấu hai chấm dạng chữ cái, trông giống hệt `:`",
        "the modifier-letter colon, which looks just like `:`",
    ),
    "˸": ("dấu hai chấm dạng chữ cái, trông giống `:`", "the raised colon, which looks like `:`"),
    "∶": ("dấu tỉ số của bàn phím toán, trông giống `:`", "the ratio sign, which looks like `:`"),
}
"""Look-alikes of ``:`` by character: ``(what it is in Vietnamese, in English)``."""

SPACES: dict[str, tuple[str, str]] = {
    "\u00a0": ("dấu cách không ngắt (NBSP)", "a non-breaking space (NBSP)"),
    "\u202f": ("dấu cách hẹp không ngắt", "a narrow non-breaking space"),
    "\u2007": ("dấu cách chữ số", "a figure space"),
    "\u2009": ("dấu cách mảnh", "a thin space"),
    "\u3000": (
        "dấu cách toàn độ của bàn phím tiếng Trung/Nhật",
        "the full-width space of a Chinese/Japanese keyboard",
    ),
    "\u200b": ("một ký tự trống vô hình (zero-width space)", "an invisible zero-width space"),
}
"""Spaces YAML does not take for a space, by character: ``(Vietnamese, English)``."""

_BLANK = "[ " + "".join(SPACES) + "]"
_KEY_LINE = re.compile(
    rf"^(?P<lead>{_BLANK}*)(?P<dash>-{_BLANK}+)?(?P<key>[^\W\d]\w*)(?P<before>{_BLANK}*)"
    rf"(?P<colon>[:{''.join(COLONS)}])(?P<after>{_BLANK}*)(?P<rest>.*)$"
)

# Curly quotes that may open and close a whole value: “…” ”…” „…“ „…” ‘…’ ‚…‘ «…» »…« ＂…＂ 「…」
_OPENERS = "“”„‘’‚«»＂「『"
_CLOSERS = "”“’‘»«＂」』"
_QUOTES = set(_OPENERS + _CLOSERS + '"')


def lookalike_problems(lines: list[str], path: str, offset: int) -> list[Problem]:
    """The lines of ``lines`` whose key is followed by a look-alike of ``:``, or that hold an odd
    space (:data:`SPACES`) before the key or around its colon; one error a line.

    Only lowercase keys are looked at (every key the site reads is): a line of prose inside a
    ``|`` block (``Lưu ý： …``) is never a key.

    Args:
        lines: the YAML text's lines.
        path: repository-relative path for the problems.
        offset: file line of ``lines[0]`` minus 1.

    Returns:
        ``yaml.lookalike-colon`` or ``yaml.odd-space`` problems with params ``key``, ``char``,
        ``name_vi``, ``name_en`` and ``suggestion`` (the line as it should be, without its
        indentation).
    """
    problems: list[Problem] = []
    for number, line in enumerate(lines, start=1):
        match = _KEY_LINE.match(line)
        if not match or match.group("key") != match.group("key").lower():
            continue
        key, colon = match.group("key"), match.group("colon")
        if colon in COLONS:
            code, char, names = "yaml.lookalike-colon", colon, COLONS[colon]
        else:
            odd = [c for c in line[: match.start("rest")] if c in SPACES]
            if not odd:
                continue
            code, char, names = "yaml.odd-space", odd[0], SPACES[odd[0]]
        params = {
            "key": key,
            "char": char,
            "name_vi": names[0],
            "name_en": names[1],
            "suggestion": mend_line(line).strip(),
        }
        problems.append(Problem(path, number + offset, code, key, params))
    return problems


def mend_line(line: str) -> str:
    """``line`` with its key's look-alike colon made ``:`` followed by one space, and the odd
    spaces of its indentation made plain spaces (a zero-width space dropped); unchanged when it
    is no key line."""
    match = _KEY_LINE.match(line)
    if not match:
        return line
    lead = "".join("" if c == "\u200b" else " " for c in match.group("lead"))
    dash = "- " if match.group("dash") else ""
    rest = match.group("rest")
    return f"{lead}{dash}{match.group('key')}:{' ' if rest else ''}{rest}"


def curly_quoted(text: str) -> tuple[str, str, str] | None:
    """``(opening quote, closing quote, text inside)`` when ``text`` is wholly wrapped in curly
    quotes (``“Lịch cắt điện”``, ``‘…’``, ``„…“``, ``«…»``), else ``None``. Two quoted parts
    (``“Tết” và “Rằm”``) are not one wrapped value."""
    text = text.strip()
    if len(text) < 2 or text[0] not in _OPENERS or text[-1] not in _CLOSERS:
        return None
    inner = text[1:-1]
    if not inner.strip() or any(c in _QUOTES for c in inner):
        return None
    return text[0], text[-1], inner
