"""Problems found in a village's content, reported to volunteers in Vietnamese first, English after.

A :class:`Problem` is data: where (repository-relative path, line, field), what (a message kind from
:data:`MESSAGES` and its parameters) and how bad (error or warning). Every loader collects them for
the whole site, so one run lists every mistake; the MkDocs adapters only print and stop.

Printed form (two lines, Vietnamese then English)::

    content/danh-ba/quan-a.yml:4: dien_thoai: khóa `dien_thoai` bị lặp lại (đã có ở dòng 2) — ...
        (en) duplicate key `dien_thoai` (first given on line 2) — ...

Every message kind a volunteer can see is in :data:`MESSAGES`, each by its code; docs/ explains
each. A code's first part (before the dot) names the module that holds it:

- ``yaml.*``, ``file.*``, ``text.*``: :mod:`langso.problems.reading`
- ``service.*``, ``field.*``, ``category.*``: :mod:`langso.problems.directory`
- ``page.*``, ``frontmatter.*``, ``guide.*``, ``html.*``, ``nav.*``: :mod:`langso.problems.pages`
- ``plaque.*``, ``record.*``, ``print.*``, ``sheet.*``: :mod:`langso.problems.plaques`
- ``village.*``, ``config.*``, ``build.*``, ``photo.*``: :mod:`langso.problems.site`
- ``notice.*``, ``loa.*``: :mod:`langso.problems.notices`
- ``event.*``, ``date.*``: :mod:`langso.problems.events`
- ``tour.*``: :mod:`langso.problems.tours`
- ``basemap.*``: :mod:`langso.problems.basemap`
- ``portal.*``: :mod:`langso.problems.portal`
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from collections.abc import Mapping as MappingType
from dataclasses import dataclass
from typing import Literal

from langso.problems import (
    basemap,
    directory,
    events,
    notices,
    pages,
    plaques,
    portal,
    reading,
    site,
    tours,
)
from langso.problems.message import Message

__all__ = ["MESSAGES", "Message", "Problem", "ProblemList", "Severity"]

Severity = Literal["error", "warning", "info"]


# Every message kind a volunteer can see, by code (see the module docstring for which module
# holds which code). docs/ explains each by its code.
MESSAGES: dict[str, Message] = {
    **reading.MESSAGES,
    **directory.MESSAGES,
    **pages.MESSAGES,
    **plaques.MESSAGES,
    **site.MESSAGES,
    **notices.MESSAGES,
    **events.MESSAGES,
    **tours.MESSAGES,
    **basemap.MESSAGES,
    **portal.MESSAGES,
}


@dataclass(frozen=True)
class Problem:
    """One mistake in the content, located for the volunteer.

    Attributes:
        path: file path relative to the repository root, with ``/`` separators.
        line: 1-based line number, or ``None`` when the problem concerns the whole file.
        field: the YAML key or front-matter field, dotted for nested values (``dia_chi.thon``).
        code: a key of :data:`MESSAGES`.
        params: values for the message templates.
        severity: ``"error"`` stops the build; ``"warning"`` stops it only with ``--strict``;
            ``"info"`` is only listed.
    """

    path: str
    line: int | None
    code: str
    field: str | None = None
    params: MappingType[str, object] = dataclasses.field(
        default_factory=dict, hash=False, compare=False
    )
    severity: Severity = "error"

    @property
    def location(self) -> str:
        """``path:line:`` (or ``path:`` without a line), followed by ``field:`` if known."""
        where = f"{self.path}:{self.line}:" if self.line else f"{self.path}:"
        return f"{where} {self.field}:" if self.field else where

    def text(self, lang: Literal["vi", "en"]) -> str:
        """Return the message and fix in one language, without the location."""
        message = MESSAGES[self.code]
        params = {"field": self.field or "", **self.params}
        if lang == "vi":
            return f"{message.vi.format(**params)} — {message.fix_vi.format(**params)}"
        return f"{message.en.format(**params)} — {message.fix_en.format(**params)}"

    def format(self) -> str:
        """Return the two-line report: location and Vietnamese, then English indented."""
        return f"{self.location} {self.text('vi')}\n    (en) {self.text('en')}"

    def __str__(self) -> str:
        return self.format()


class ProblemList:
    """The problems found in one run, in the order found."""

    def __init__(self, problems: Iterable[Problem] = ()) -> None:
        self._items: list[Problem] = list(problems)

    def add(self, problem: Problem) -> None:
        """Record ``problem``."""
        self._items.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        """Record every problem of ``problems``."""
        self._items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        """The problems that stop the build."""
        return [p for p in self._items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """The problems that stop the build only in strict mode."""
        return [p for p in self._items if p.severity == "warning"]

    def __iter__(self) -> Iterator[Problem]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)
