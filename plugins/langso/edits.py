"""Changes to a text (a page's HTML) found on the text as given and made in one pass.

A page of a large site is about 50,000 characters, stored two bytes a character as soon as it
holds Vietnamese: every ``text[:at] + snippet + text[at:]`` copies all of it. Plugins that add
several things find where each goes, as :class:`Edit` values, and :func:`apply_edits` copies the
page once.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import NamedTuple

from langso.cache import digest

__all__ = ["Edit", "EditChain", "apply_edits", "edits_key"]


class Edit(NamedTuple):
    """Replace ``text[start:end]`` by ``text`` (an insertion when ``start == end``).

    ``after``: the insertion belongs with what comes before it (it is made after an anchor, such
    as an opening tag, or at the very start), not with what follows (before a closing tag, or at
    the very end).
    """

    start: int
    end: int
    text: str
    after: bool = False


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with every edit made, in one pass.

    Edits are positions in ``text`` as given, in the order they were found. Several insertions
    at one place end up as if made one after the other, each at its anchor: one made after an
    anchor goes before those found earlier, one made before an anchor goes after them.

    Raises:
        ValueError: when two edits overlap.
    """
    listed = list(edits)
    order = sorted(
        range(len(listed)),
        key=lambda i: (listed[i].start, listed[i].end, -i if listed[i].after else i),
    )
    parts: list[str] = []
    at = 0
    for i in order:
        edit = listed[i]
        if edit.start < at:
            raise ValueError(f"overlapping edits at {edit.start}")
        parts += (text[at : edit.start], edit.text)
        at = edit.end
    parts.append(text[at:])
    return "".join(parts)


class EditChain:
    """Edits that consecutive handlers of one event find on one page, made in one pass by the
    last of them.

    A page passes through several of our ``on_post_page`` handlers in a row (search box, offline
    box, reader). Each finds its edits on the page as the first of them got it (the *base*),
    knowing the edits found before it; it hands the base on unchanged when the next handler of
    the event is also one of ours, else it makes every edit. The page is then copied once instead
    of once per plugin. A handler of any other plugin or hook always gets the page with every
    edit made, as if each of ours had made its own.

    Handlers are compared with ``==`` (bound methods of one object are equal).
    """

    def __init__(self) -> None:
        self._passing: list[object] = []  # our handlers followed by one of ours
        self._handed: str | None = None  # the base handed on unchanged
        self._pending: tuple[Edit, ...] = ()

    def plan(self, handlers: Iterable[object], ours: Callable[[object], bool]) -> None:
        """Note, from the event's ``handlers`` in the order they run, which of ``ours`` are
        followed by another of ``ours``; forget any page handed on."""
        order = list(handlers)
        self._passing = [h for h, after in itertools.pairwise(order) if ours(h) and ours(after)]
        self._handed, self._pending = None, ()

    def receive(self, page: str) -> tuple[Edit, ...]:
        """The edits the handlers before found on ``page`` (none unless it was handed on)."""
        return self._pending if page is self._handed else ()

    def hand_on(self, handler: object, base: str, edits: Iterable[Edit]) -> str:
        """What ``handler`` returns: ``base`` unchanged when the next handler is ours (which
        :meth:`receive` s ``edits``), else ``base`` with ``edits`` made."""
        edits = tuple(edits)
        if handler in self._passing:
            self._handed, self._pending = base, edits
            return base
        self._handed, self._pending = None, ()
        return apply_edits(base, edits)


# The last few pages' edits: the plugins after the first ask for the same page's. Not every
# page's: each holds its own edits (positions differ), which a large site then kept to the end.
@lru_cache(maxsize=16)
def edits_key(edits: tuple[Edit, ...]) -> str:
    """A digest of ``edits`` (positions and texts): with a digest of the page they are found
    on, the key of the page they make, without making it."""
    return digest(*(part for e in edits for part in (e.start, e.end, e.text, int(e.after))))
