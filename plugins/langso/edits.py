"""Changes to a text (a page's HTML) found on the text as given and made in one pass.

A page of a large site is about 50,000 characters, stored two bytes a character as soon as it
holds Vietnamese: every ``text[:at] + snippet + text[at:]`` copies all of it. Plugins that add
several things find where each goes, as :class:`Edit` values, and :func:`apply_edits` copies the
page once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

__all__ = ["Edit", "apply_edits"]


class Edit(NamedTuple):
    """Replace ``text[start:end]`` by ``text`` (an insertion when ``start == end``)."""

    start: int
    end: int
    text: str


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with every edit made, in one pass.

    Edits are positions in ``text`` as given; insertions at one place keep their order.

    Raises:
        ValueError: when two edits overlap.
    """
    parts: list[str] = []
    at = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < at:
            raise ValueError(f"overlapping edits at {edit.start}")
        parts += (text[at : edit.start], edit.text)
        at = edit.end
    parts.append(text[at:])
    return "".join(parts)
