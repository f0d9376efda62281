"""Which plaques a sheet cannot hold at the reading distance asked, every one of them.

``langso plaques print`` and a build with ``print_sheets`` ask this before laying anything out,
so one run names each plaque at fault at its line of ``plaques.yml`` (``print.too-small``,
``print.too-small-any``; ``sheet.*`` in a build), with the
farthest distance the sheet allows and the papers that would hold the code, rather than stopping
at the first (:class:`langso.printing.PrintError` from :func:`langso.printing.layout_pages`).
Whether a plaque fits is asked of the layout itself, plaque by plaque, so this never disagrees
with the sheets it prints. Core code: no MkDocs import.
"""

from __future__ import annotations

import math
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

__all__ = ["fits", "too_small_problems"]


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


def _vi(number: str) -> str:
    return number.replace(".", ",")  # Vietnamese writes a decimal comma


def too_small_problems(
    plaques: Iterable[tuple[PlaqueEntry, PlaqueItem]],
    sheet_name: str,
    sheet: Sheet,
    distance_m: float,
    registry_rel: str,
    fix: Literal["command", "config"] = "command",
) -> list[Problem]:
    """A ``print.too-small`` error at the ``id`` line of every plaque whose code ``sheet`` cannot
    hold read from ``distance_m`` metres, naming the farthest distance the sheet allows and the
    papers that hold it (``print.too-small-any`` when no paper does).

    Args:
        plaques: each plaque's registry entry (for its line) and what would be printed.
        sheet_name: the paper as the command line names it (``A6``, ``stickers``).
        registry_rel: ``plaques.yml``'s repository-relative path.
        fix: where the distance and paper are set: ``langso plaques print``'s options
            (``print.*`` messages) or ``print_sheets``/``print_distance_m`` in ``mkdocs.yml``
            (``sheet.*``, the build's own PDF sheets).

    A code no distance makes fit (too dense even at the smallest module) is left to the layout's
    own :class:`PrintError` (``max_version`` keeps such codes out: version 40 on A6).

    Raises:
        PrintError: if ``distance_m`` is not a positive number of metres.
    """
    problems = []
    for entry, item in plaques:
        if fits(item, sheet, distance_m):
            continue
        reach_cm = _reach_cm(item, sheet, distance_m)
        if reach_cm == 0:
            continue
        side = css_mm(qr_size(item.modules, distance_m).side_mm)
        distance = css_mm(distance_m)
        reach = css_mm(reach_cm / 100)
        # smallest first: the cheapest paper that holds the code is the one to suggest
        papers = [n for n, paper in reversed(PAPERS.items()) if fits(item, paper, distance_m)]
        params: dict[str, object] = {
            "id": item.id,
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
        problems.append(Problem(registry_rel, entry.line, code, "id", params))
    return problems
