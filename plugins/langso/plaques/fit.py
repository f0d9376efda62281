"""Which plaques a sheet cannot hold at the reading distance asked, every one of them.

``langso plaques print`` and a build with ``print_sheets`` ask this before laying anything out,
so one run names every plaque at fault in one message per paper (``print.too-small``,
``print.too-small-any``; ``sheet.*`` in a build, located at ``print_sheets`` in ``mkdocs.yml``),
with the farthest distance the sheet allows for all of them and the papers that would hold
them, rather than stopping at the first (:class:`langso.printing.PrintError` from
:func:`langso.printing.layout_pages`) or repeating one fix once per plaque.
Whether a plaque fits is asked of the layout itself, plaque by plaque, so this never disagrees
with the sheets it prints. Core code: no MkDocs import.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Literal

from langso.plaques.model import PlaqueEntry
from langso.printing import (
    PAPERS,
    PlaqueItem,
    PrintError,
    Sheet,
    StickerSheet,
    layout_pages,
    layout_stickers,
    qr_size,
)
from langso.printing.layout import css_mm
from langso.problems import Problem

__all__ = ["fits", "key_line", "reach_m", "reach_text", "too_small_problems"]


def fits(item: PlaqueItem, sheet: Sheet, distance_m: float) -> bool:
    """Whether ``sheet`` holds ``item``'s code sized for ``distance_m`` metres (10:1 rule).

    Raises:
        PrintError: if ``distance_m`` is not a positive number of metres.
    """
    qr_size(item.modules, distance_m)  # a wrong distance is the command's mistake: raised
    try:
        if isinstance(sheet, StickerSheet):
            layout_stickers([item], sheet, distance_m)
        else:
            layout_pages([item], sheet, distance_m)
    except PrintError:
        return False
    return True


def _reach_cm(item: PlaqueItem, sheet: Sheet, distance_m: float) -> int:
    """The farthest reading distance, whole centimetres below ``distance_m``, at which ``sheet``
    holds ``item``; 0 when not even 1 cm (a code too dense for the smallest module)."""
    low, high = 0, math.ceil(distance_m * 100) - 1  # fits(low) holds or low is 0
    while low < high:
        middle = (low + high + 1) // 2
        if fits(item, sheet, middle / 100):
            low = middle
        else:
            high = middle - 1
    return low


def reach_m(item: PlaqueItem, sheet: Sheet, ceiling_m: float = 10.0) -> float:
    """The farthest reading distance in metres (whole centimetres, below ``ceiling_m``) at which
    ``sheet`` holds ``item``'s code by the 10:1 rule; 0.0 when not even 1 cm."""
    return _reach_cm(item, sheet, ceiling_m) / 100


def reach_text(item: PlaqueItem, sheet: Sheet) -> str:
    """:func:`reach_m` as a reader reads it: metres with a decimal comma (``0,72``)."""
    return _vi(css_mm(reach_m(item, sheet)))


def _vi(number: str) -> str:
    return number.replace(".", ",")  # Vietnamese writes a decimal comma


def key_line(text: str, key: str) -> int | None:
    """The 1-based line of the first ``key:`` in a YAML ``text`` (``mkdocs.yml``), or ``None``:
    a plain text search, enough to point a volunteer at the setting."""
    pattern = re.compile(rf"^\s*-?\s*{re.escape(key)}\s*:")
    lines = text.splitlines()
    return next((n for n, line in enumerate(lines, start=1) if pattern.match(line)), None)


def too_small_problems(
    plaques: Iterable[tuple[PlaqueEntry, PlaqueItem]],
    sheet_name: str,
    sheet: Sheet,
    distance_m: float,
    registry_rel: str,
    fix: Literal["command", "config"] = "command",
    config_at: tuple[str, int | None] = ("mkdocs.yml", None),
) -> list[Problem]:
    """At most one error for ``sheet``: every plaque whose code it cannot hold read from
    ``distance_m`` metres, in one message, with the farthest distance at which it holds them all
    (the smallest reach) and the papers that hold them all (``*.too-small-any`` when none does).

    One setting is at fault, not 25 plaques: a build (``fix="config"``, ``sheet.*``) puts the
    error at ``config_at`` (``mkdocs.yml`` and the line of ``print_sheets``); the command
    (``print.*``) at the first such plaque's line of ``registry_rel``, naming each plaque's line.

    Args:
        plaques: each plaque's registry entry (for its line) and what would be printed.
        sheet_name: the paper as the command line names it (``A6``, ``stickers``).
        registry_rel: ``plaques.yml``'s repository-relative path.
        fix: where the distance and paper are set: ``langso plaques print``'s options or
            ``print_sheets``/``print_distance_m`` in ``mkdocs.yml``.
        config_at: ``mkdocs.yml``'s repository-relative path and the line of ``print_sheets``.

    A code no distance makes fit (too dense even at the smallest module) is left to the layout's
    own :class:`PrintError` (``max_version`` keeps such codes out: version 40 on A6).

    Raises:
        PrintError: if ``distance_m`` is not a positive number of metres.
    """
    misfits = []  # (entry, item, reach in cm)
    for entry, item in plaques:
        if fits(item, sheet, distance_m):
            continue
        reach_cm = _reach_cm(item, sheet, distance_m)
        if reach_cm:
            misfits.append((entry, item, reach_cm))
    if not misfits:
        return []
    side = css_mm(max(qr_size(item.modules, distance_m).side_mm for _, item, _ in misfits))
    distance = css_mm(distance_m)
    reach = css_mm(min(reach_cm for _, _, reach_cm in misfits) / 100)
    # smallest first: the cheapest paper that holds every code is the one to suggest
    papers = [
        n
        for n, paper in reversed(PAPERS.items())
        if all(fits(item, paper, distance_m) for _, item, _ in misfits)
    ]
    line: int | None
    if fix == "command":
        ids_vi = ", ".join(f"`{i.id}` (dòng {e.line})" for e, i, _ in misfits)
        ids_en = ", ".join(f"`{i.id}` (line {e.line})" for e, i, _ in misfits)
        path, line, field = registry_rel, misfits[0][0].line, "id"
    else:
        ids_vi = ids_en = ", ".join(f"`{i.id}`" for _, i, _ in misfits)
        (path, line), field = config_at, "print_sheets"
    params: dict[str, object] = {
        "count": len(misfits),
        "ids_vi": ids_vi,
        "ids": ids_en,
        "registry": registry_rel,
        "paper": "A4 (nhãn dán / stickers)" if isinstance(sheet, StickerSheet) else sheet_name,
        "distance_vi": _vi(distance),
        "distance": distance,
        "side_vi": _vi(side),
        "side": side,
        "reach_vi": _vi(reach),
        "reach": reach,
        "papers_vi": " hoặc ".join(papers),
        "papers": " or ".join(papers),
    }
    code = ("print" if fix == "command" else "sheet") + (
        ".too-small" if papers else ".too-small-any"
    )
    return [Problem(path, line, code, field, params)]
