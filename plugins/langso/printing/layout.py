"""Plaque layout: the sheets (ISO papers holding one plaque, A4 sticker sheets), the plaques to
print and where each goes, sized by the rules of :mod:`langso.printing.rules`. Lengths in mm from a
sheet's top left corner, type sizes in points."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, TypeAlias

from langso.plaques.model import Plaque, short_path
from langso.printing.fonts import (
    SAFETY,
    TITLE_LINE,
    fit_line,
    fit_lines,
    line_mm,
    text_width_mm,
)
from langso.printing.rules import (
    MIN_MODULE_MM,
    SCAN_RATIO,
    STICKER_DISTANCE_M,
    WALL_DISTANCE_M,
    PrintError,
    QrSize,
    qr_size,
)
from langso.qr import QUIET_ZONE, ErrorCorrection, QrSymbol, make_qr

__all__ = [
    "CALL_TO_ACTION",
    "PAPERS",
    "SHEET_FILES",
    "STICKERS",
    "Card",
    "Mark",
    "Paper",
    "PlaqueItem",
    "Sheet",
    "SheetPage",
    "StickerSheet",
    "css_mm",
    "layout_pages",
    "layout_stickers",
    "modules_of_svg",
    "plaque_item",
    "symbol_svg",
]

CALL_TO_ACTION = "Quét mã để tìm hiểu"
"""The line under every plaque's code: "scan the code to find out more"."""


class Paper(NamedTuple):
    """A sheet holding one plaque, ISO 216. Lengths in mm, type sizes in points.

    ``url_pt`` is the largest size of the short URL; it shrinks to stay on one line.
    """

    name: str
    width_mm: float
    height_mm: float
    margin_mm: float
    title_pt: float
    call_pt: float
    small_pt: float
    url_pt: float
    gap_mm: float


PAPERS: dict[str, Paper] = {
    "A4": Paper("A4", 210, 297, 12, 36, 24, 16, 16, 6),
    "A5": Paper("A5", 148, 210, 10, 26, 18, 12, 12, 4),
    "A6": Paper("A6", 105, 148, 7, 18, 13, 9, 9, 3),
}
"""Plaque papers by name."""


class StickerSheet(NamedTuple):
    """An A4 sheet of stickers, all the same size, with cut marks at each sticker's corners.

    Lengths in mm, type sizes in points. Stickers are as small as their code and text allow:
    at least ``min_width_mm`` wide and wide enough for the short URL at ``min_url_pt``. Cut marks
    are ``mark_length_mm`` lines continuing each edge outwards, starting ``mark_offset_mm`` from
    the corner (so nothing is printed on the sticker itself), ``mark_weight_mm`` thick; stickers
    are ``gutter_mm`` apart so the marks of neighbours do not overlap.
    """

    name: str = "stickers"
    width_mm: float = 210
    height_mm: float = 297
    margin_mm: float = 8
    gutter_mm: float = 5
    padding_mm: float = 2.5
    min_width_mm: float = 45
    title_pt: float = 10
    call_pt: float = 8
    small_pt: float = 7
    url_pt: float = 7
    min_url_pt: float = 6
    gap_mm: float = 1.5
    mark_length_mm: float = 1.5
    mark_offset_mm: float = 1
    mark_weight_mm: float = 0.2


STICKERS = StickerSheet()
"""The sticker sheet."""

SHEET_FILES = {
    "A4": "bien-qr-a4.pdf",
    "A5": "bien-qr-a5.pdf",
    "A6": "bien-qr-a6.pdf",
    "stickers": "bien-qr-nhan-dan.pdf",
}
"""The PDF file name of each print choice (one plaque per A4/A5/A6 page, or sticker sheets)."""

Sheet: TypeAlias = Paper | StickerSheet
"""Any print format."""


@dataclass(frozen=True)
class PlaqueItem:
    """One plaque to print.

    Attributes:
        id: the plaque id (``dinh-la-thon``).
        name: the place name printed as the title.
        url: the short URL the code holds and the plaque shows (``<site_url>q/<id>/``).
        village: the guidebook's name, printed above the title.
        svg: the symbol as SVG (``QrSymbol.svg``), quiet zone included.
        modules: the symbol's width in modules, quiet zone included.
    """

    id: str
    name: str
    url: str
    village: str
    svg: str
    modules: int

    @property
    def version(self) -> int:
        """The QR version (1–40): the symbol is ``17 + 4 × version`` modules without quiet zone."""
        return (self.modules - 2 * QUIET_ZONE - 17) // 4


def plaque_item(
    plaque: Plaque,
    site_url: str,
    village: str,
    error_correction: ErrorCorrection = "Q",
    svg: str | None = None,
) -> PlaqueItem:
    """Encode ``plaque``'s short URL (``site_url`` + ``q/<id>/``) as the plugin does for the site.

    Args:
        svg: the symbol already drawn for that URL and level (``QrSymbol.svg`` titled
            ``Mã QR: <url>``, as the plugin caches it); encoded here when ``None``.

    Raises:
        qrcode.exceptions.DataOverflowError: if the URL does not fit any QR version.
    """
    url = site_url + short_path(plaque.id)
    if svg is None:
        svg = symbol_svg(make_qr(url, error_correction))
    return PlaqueItem(plaque.id, plaque.name, url, village, svg, modules_of_svg(svg))


def symbol_svg(symbol: QrSymbol) -> str:
    """The SVG of ``symbol`` titled ``Mã QR: <its data>`` (quiet zone included)."""
    return symbol.svg(f"Mã QR: {symbol.data}")


def modules_of_svg(svg: str) -> int:
    """The width in modules of a symbol drawn by ``QrSymbol.svg`` (from its ``viewBox``).

    Raises:
        ValueError: if ``svg`` is not such a drawing.
    """
    match = re.search(r'viewBox="0 0 (\d+) (\d+)"', svg)
    if match is None or match[1] != match[2]:
        raise ValueError("not a QR symbol drawn by langso.qr: no square viewBox")
    return int(match[1])


@dataclass(frozen=True)
class Card:
    """One plaque placed on a sheet: position and size in mm from the sheet's top left corner,
    type sizes in points, the QR side (quiet zone included) in mm."""

    item: PlaqueItem
    x_mm: float
    y_mm: float
    width_mm: float
    height_mm: float
    padding_mm: float
    qr: QrSize
    village_pt: float
    title_pt: float
    call_pt: float
    url_pt: float


@dataclass(frozen=True)
class Mark:
    """A cut mark: a filled rectangle in mm from the sheet's top left corner."""

    x_mm: float
    y_mm: float
    width_mm: float
    height_mm: float


@dataclass(frozen=True)
class SheetPage:
    """One printed page: its plaques and cut marks."""

    cards: tuple[Card, ...]
    marks: tuple[Mark, ...] = field(default=())


def _text_height_mm(sheet: Sheet) -> float:
    """Height of the text block of a plaque (two lines reserved for the name) and its gaps."""
    return (
        line_mm(sheet.small_pt)
        + 2 * line_mm(sheet.title_pt, TITLE_LINE)
        + line_mm(sheet.call_pt)
        + line_mm(sheet.url_pt)
        + 4 * sheet.gap_mm
    )


def _card(
    item: PlaqueItem,
    sheet: Sheet,
    qr: QrSize,
    box: tuple[float, float, float, float],
    padding_mm: float,
) -> Card:
    x, y, width, height = box
    inner = width - 2 * padding_mm
    return Card(
        item=item,
        x_mm=x,
        y_mm=y,
        width_mm=width,
        height_mm=height,
        padding_mm=padding_mm,
        qr=qr,
        village_pt=fit_line(item.village, inner, sheet.small_pt),
        title_pt=fit_lines(item.name, inner, sheet.title_pt, 2, 700),
        call_pt=fit_line(CALL_TO_ACTION, inner, sheet.call_pt, 700),
        url_pt=fit_line(item.url, inner, sheet.url_pt),
    )


def css_mm(value: float) -> str:
    """``12`` for 12.0, ``12.35`` for 12.3456: lengths as CSS writes them."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


def _too_small(
    item: PlaqueItem, sheet_name: str, need: QrSize, room_mm: float, distance_m: float | None
) -> PrintError:
    """The error for a sheet whose room for the symbol (``room_mm``) is less than ``need``."""
    code_room = room_mm * (need.modules - 2 * QUIET_ZONE) / need.modules
    reach = math.floor(code_room * SCAN_RATIO / 10) / 100  # metres, rounded down to the cm
    side = css_mm(need.side_mm)
    if distance_m is not None and need.module_mm > MIN_MODULE_MM:
        code = css_mm(distance_m * 1000 / SCAN_RATIO)
        why_vi = f"đọc từ {_vi(css_mm(distance_m))} m cần mã QR rộng ít nhất {_vi(code)} mm"
        why_en = f"reading from {css_mm(distance_m)} m needs a code at least {code} mm wide"
    else:
        why_vi = f"mỗi ô của mã QR cần rộng ít nhất {_vi(css_mm(MIN_MODULE_MM))} mm"
        why_en = f"each module of the code needs at least {css_mm(MIN_MODULE_MM)} mm"
    return PrintError(
        f"biển `{item.id}`: {why_vi} (quy tắc 10:1), cả lề trắng 4 ô là {_vi(side)} mm, nhưng "
        f"khổ {sheet_name} chỉ chứa được {_vi(css_mm(room_mm))} mm (đủ đọc từ tối đa "
        f"{_vi(css_mm(reach))} m) — chọn khổ giấy lớn hơn hoặc đặt --distance-m nhỏ hơn",
        f"plaque `{item.id}`: {why_en} (10:1 rule), {side} mm with its 4-module quiet zone, "
        f"but {sheet_name} holds only {css_mm(room_mm)} mm "
        f"(enough for {css_mm(reach)} m at most) — choose a larger paper or a smaller --distance-m",
    )


def _vi(number: str) -> str:
    """A number as Vietnamese writes it: decimal comma."""
    return number.replace(".", ",")


def layout_pages(
    items: Sequence[PlaqueItem], paper: Paper, distance_m: float | None = WALL_DISTANCE_M
) -> list[SheetPage]:
    """Place each plaque on a page of its own.

    Args:
        distance_m: reading distance in metres: the code is sized by the 10:1 rule. ``None``
            makes the code as large as the page holds (the site's print pages, which a volunteer
            may print on any paper).

    Raises:
        PrintError: when the page cannot hold the code ``distance_m`` needs.
    """
    room = min(
        paper.width_mm - 2 * paper.margin_mm,
        paper.height_mm - 2 * paper.margin_mm - _text_height_mm(paper),
    )
    pages = []
    for item in items:
        if distance_m is None:
            qr = QrSize(item.modules, math.floor(room / item.modules * 100) / 100)
            if qr.module_mm < MIN_MODULE_MM:
                raise _too_small(item, paper.name, QrSize(item.modules, MIN_MODULE_MM), room, None)
        else:
            qr = qr_size(item.modules, distance_m)
            if qr.side_mm > room:
                raise _too_small(item, paper.name, qr, room, distance_m)
        box = (0.0, 0.0, paper.width_mm, paper.height_mm)
        pages.append(SheetPage((_card(item, paper, qr, box, paper.margin_mm),)))
    return pages


def layout_stickers(
    items: Sequence[PlaqueItem],
    sheet: StickerSheet = STICKERS,
    distance_m: float = STICKER_DISTANCE_M,
) -> list[SheetPage]:
    """Place the plaques as stickers in a grid, row by row, with cut marks at every corner.

    All stickers have the same size: that of the largest code (``distance_m`` by the 10:1 rule)
    and of the longest short URL at ``sheet.min_url_pt``. The grid is centred on the sheet.

    Raises:
        PrintError: when not even one sticker fits on the sheet.
    """
    if not items:
        return []
    sizes = [qr_size(item.modules, distance_m) for item in items]
    pad = sheet.padding_mm
    side = max(s.side_mm for s in sizes)
    url_mm = max(text_width_mm(item.url, sheet.min_url_pt) for item in items) / SAFETY
    width = max(sheet.min_width_mm, side + 2 * pad, url_mm + 2 * pad)
    height = side + 2 * pad + _text_height_mm(sheet)
    usable_w = sheet.width_mm - 2 * sheet.margin_mm
    usable_h = sheet.height_mm - 2 * sheet.margin_mm
    cols = int((usable_w + sheet.gutter_mm) // (width + sheet.gutter_mm))
    rows = int((usable_h + sheet.gutter_mm) // (height + sheet.gutter_mm))
    if cols < 1 or rows < 1:
        worst = max(range(len(items)), key=lambda i: sizes[i].side_mm)
        room = min(usable_w, usable_h - _text_height_mm(sheet)) - 2 * pad
        raise _too_small(items[worst], "A4 (nhãn dán / stickers)", sizes[worst], room, distance_m)
    grid_w = cols * width + (cols - 1) * sheet.gutter_mm
    grid_h = rows * height + (rows - 1) * sheet.gutter_mm
    left = (sheet.width_mm - grid_w) / 2
    top = (sheet.height_mm - grid_h) / 2
    per_page = cols * rows
    pages = []
    for start in range(0, len(items), per_page):
        cards = []
        marks: list[Mark] = []
        for index, item in enumerate(items[start : start + per_page]):
            row, col = divmod(index, cols)
            x = left + col * (width + sheet.gutter_mm)
            y = top + row * (height + sheet.gutter_mm)
            cards.append(_card(item, sheet, sizes[start + index], (x, y, width, height), pad))
            marks.extend(_corner_marks(sheet, x, y, width, height))
        pages.append(SheetPage(tuple(cards), tuple(marks)))
    return pages


def _corner_marks(sheet: StickerSheet, x: float, y: float, w: float, h: float) -> list[Mark]:
    """Eight marks: at each corner, one continuing the horizontal edge, one the vertical."""
    off, length, weight = sheet.mark_offset_mm, sheet.mark_length_mm, sheet.mark_weight_mm
    half = weight / 2
    marks = []
    for cx, dx in ((x, -1), (x + w, 1)):
        for cy, dy in ((y, -1), (y + h, 1)):
            hx = cx + off if dx > 0 else cx - off - length
            marks.append(Mark(hx, cy - half, length, weight))
            vy = cy + off if dy > 0 else cy - off - length
            marks.append(Mark(cx - half, vy, weight, length))
    return marks


# --- HTML and PDF -------------------------------------------------------------------------------
