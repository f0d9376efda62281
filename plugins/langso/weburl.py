"""Which characters may stand in a web address a volunteer types (issue 12).

A URL holds only the characters RFC 3986 (section 2) allows: letters and digits, ``-._~``, the
delimiters ``:/?#[]@!$&'()*+,;=`` and ``%`` followed by two hex digits. Letters beyond ASCII
(``https://xã.vn/trang-chủ``) are allowed as in an IRI (RFC 3987), since browsers show and accept
them. Anything else — a space, ``"``, ``<``, ``>``, ``\\``, ``^``, a backtick, ``{|}``, a control
or invisible space character, or a ``%`` not starting an escape — is not part of any address:
``https://x.com" onmouseover="…`` or ``https://example.com/ a b`` is a slip (or an attack) that a
browser would only guess at.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["bad_url_characters", "named_characters"]

_ALLOWED = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%"
)
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def bad_url_characters(url: str) -> list[str]:
    """The characters of ``url`` that no address may hold, each once, in order of appearance.

    Returns:
        ``[]`` for a well-formed address; ``"%"`` is listed when one does not start a
        ``%HH`` escape.
    """
    bad: list[str] = []
    for char in url:
        if char in _ALLOWED:
            continue
        # RFC 3987's ucschar: letters of any script, never spaces or control characters.
        if ord(char) > 0x7F and unicodedata.category(char)[0] not in "ZC":
            continue
        bad.append(char)
    if _BAD_PERCENT.search(url):
        bad.append("%")
    return list(dict.fromkeys(bad))


def named_characters(chars: list[str]) -> tuple[str, str]:
    """``chars`` named for a message, as ``(vietnamese, english)``: a space by name, a visible
    character in backticks, an invisible one by its code (``U+00A0``)."""
    vi: list[str] = []
    en: list[str] = []
    for char in chars:
        if char == " ":
            vi.append("dấu cách")
            en.append("a space")
        elif unicodedata.category(char)[0] in "ZC":
            vi.append(f"ký tự ẩn U+{ord(char):04X}")
            en.append(f"the invisible character U+{ord(char):04X}")
        elif char == "`":
            vi.append("dấu huyền `` ` ``")
            en.append("a backtick `` ` ``")
        else:
            vi.append(f"`{char}`")
            en.append(f"`{char}`")
    return ", ".join(vi), ", ".join(en)
