"""One kind of problem as volunteers read it (:class:`Message`); the kinds are in
:data:`langso.problems.MESSAGES`."""

from typing import NamedTuple

__all__ = ["Message"]


class Message(NamedTuple):
    """One kind of problem: Vietnamese and English text of what is wrong and how to fix it.

    Each text is a ``str.format`` template filled from :attr:`Problem.params`.
    """

    vi: str
    fix_vi: str
    en: str
    fix_en: str
