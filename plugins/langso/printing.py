"""Print documents: QR plaques (one per page, or sticker sheets); the booklet is in
:mod:`langso.booklet`, on the same fonts and PDF writer.

Everything printed is HTML from the package's templates, laid out by WeasyPrint into PDF. The
site's per-plaque print pages (``bien-qr/<id>-a5.html``) come from the same template and the same
layout code as the PDFs, so a plaque looks the same whichever way it is printed.

QR size (``shared/cases`` C-13, C-14):

- **10:1 rule.** The code, *excluding* its quiet zone, is at least one tenth of the distance it is
  read from: 1 m → 100 mm. Delivr: "use a QR Code size that is at least one tenth of the scanning
  distance, excluding the margin"
  (https://delivr.com/faq/1289/qr-code-printing-guidelines-best-practices); see also
  https://www.qrcodecreator.io/resources/size-guide. Wall plaques are read from
  :data:`WALL_DISTANCE_M` (1 m), stickers from :data:`STICKER_DISTANCE_M`, the booklet in the hand
  from :data:`BOOKLET_DISTANCE_M`.
- **Smallest module** :data:`MIN_MODULE_MM` (0.5 mm), whatever the distance. Delivr puts the
  smallest ISO 18004 code at 10 mm excluding the margin; the smallest symbol (version 1) is 21
  modules, so 10 mm is about 0.48 mm a module. Below that, the ink spread of an office inkjet on
  plain paper (of the order of 0.1 mm) would eat a fifth of each module or more.
- **Quiet zone** of 4 modules (:data:`langso.qr.QUIET_ZONE`), part of the symbol's SVG, always
  inside the printable area (never in the page margin), dark on white.
- A sheet that cannot hold the code the distance needs is an error (:class:`PrintError`), never a
  silently smaller code.

Text: the place name, the call to action ``Quét mã để tìm hiểu``, the short URL (on one line:
its type shrinks to fit, it is never wrapped) and the guidebook's name. Text widths are measured
with the shipped font (Pillow/FreeType) to choose type sizes before layout.

Font: PDFs embed the Vietnamese subset of Noto Sans shipped in ``langso/fonts`` (SIL OFL 1.1,
``OFL.txt`` there), loaded with ``@font-face`` from ``file://`` URLs inside the installed package,
so every Vietnamese letter prints the same on any machine; the embedded font is named
``XXXXXX+NotoSans-Vietnamese`` (a subset tag, then :data:`FONT_FAMILY`).

Determinism: no dates or random identifiers are written (no ``dcterms.created`` metadata, no PDF
``/ID``); with the same inputs, WeasyPrint 70 and the same system libraries (Pango, HarfBuzz),
two runs give byte-identical PDFs (checked by the tests). Other library versions may lay text
out differently.

WeasyPrint is imported only when a PDF is written, so the MkDocs plugins (which render HTML
only) do not need its system libraries.
"""

from __future__ import annotations

import atexit
import dataclasses
import math
import re
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any, NamedTuple, TypeAlias
from urllib.parse import urlsplit

from PIL import ImageFont

from langso.cache import FileCache
from langso.plaques.model import Plaque, short_path
from langso.qr import QUIET_ZONE, ErrorCorrection, QrSymbol, make_qr
from langso.render import render_template

__all__ = [
    "BOOKLET_DISTANCE_M",
    "CALL_TO_ACTION",
    "FONT_FAMILY",
    "MIN_MODULE_MM",
    "PAPERS",
    "PDF_CODE",
    "PDF_LIBRARIES",
    "SCAN_RATIO",
    "STICKERS",
    "STICKER_DISTANCE_M",
    "TEST_PRINT",
    "WALL_DISTANCE_M",
    "Card",
    "Mark",
    "Paper",
    "Pdf",
    "PlaqueItem",
    "PrintError",
    "QrSize",
    "Sheet",
    "SheetPage",
    "StickerSheet",
    "cached_plaques_pdf",
    "check_site_url",
    "font_css",
    "layout_pages",
    "layout_stickers",
    "modules_of_svg",
    "plaque_item",
    "plaques_html",
    "plaques_pdf",
    "print_cache",
    "qr_size",
    "sheet_html",
    "text_width_mm",
    "write_pdf",
]

SCAN_RATIO = 10
"""Reading distance : code side (quiet zone excluded). 10:1, see the module docstring."""
MIN_MODULE_MM = 0.5
"""Smallest printed module, mm, whatever the distance (see the module docstring)."""
WALL_DISTANCE_M = 1.0
"""Default reading distance of a wall plaque, metres."""
STICKER_DISTANCE_M = 0.3
"""Default reading distance of a sticker (on a door, a counter, a box), metres."""
BOOKLET_DISTANCE_M = 0.2
"""Reading distance of the booklet's codes (a page in the hand), metres."""
CALL_TO_ACTION = "Quét mã để tìm hiểu"
"""The line under every plaque's code: "scan the code to find out more"."""
FONT_FAMILY = "NotoSans Vietnamese"
"""CSS family of the shipped font; the PDF's embedded font is named after it."""
FONT_FILES = {400: "NotoSans-Vietnamese-Regular.ttf", 700: "NotoSans-Vietnamese-Bold.ttf"}
"""The shipped font files in ``langso/fonts``, by CSS weight."""

MM_PER_PT = 25.4 / 72
_LINE = 1.25  # line height of one-line texts, in ems
_TITLE_LINE = 1.15  # line height of the place name, in ems
_SAFETY = 0.96  # measured widths leave 4 % for shaping differences between FreeType and Pango


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

SHEET_FILES = {
    "A4": "bien-qr-a4.pdf",
    "A5": "bien-qr-a5.pdf",
    "A6": "bien-qr-a6.pdf",
    "stickers": "bien-qr-nhan-dan.pdf",
}
"""The PDF file name of each print choice (one plaque per A4/A5/A6 page, or sticker sheets)."""
"""The sticker sheet."""

Sheet: TypeAlias = Paper | StickerSheet
"""Any print format."""


class PrintError(ValueError):
    """A print job that cannot be done as asked, explained in Vietnamese then English.

    ``str(error)`` is the two-line form printed by the ``langso`` command.
    """

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(f"{vi}\n    (en) {en}")
        self.vi = vi
        self.en = en


@dataclass(frozen=True)
class QrSize:
    """How big one symbol is printed.

    Attributes:
        modules: the symbol's width in modules, quiet zone included (``QrSymbol.size``).
        module_mm: the printed side of one module, mm.
    """

    modules: int
    module_mm: float

    @property
    def code_mm(self) -> float:
        """The code's side without its quiet zone, mm: what the 10:1 rule measures."""
        return (self.modules - 2 * QUIET_ZONE) * self.module_mm

    @property
    def side_mm(self) -> float:
        """The printed symbol's side, quiet zone included, mm."""
        return self.modules * self.module_mm

    @property
    def reach_m(self) -> float:
        """The farthest reading distance the 10:1 rule allows for this size, metres."""
        return self.code_mm * SCAN_RATIO / 1000


def qr_size(modules: int, distance_m: float) -> QrSize:
    """The size a symbol of ``modules`` (quiet zone included) needs to be read from ``distance_m``.

    The code is at least ``distance / 10`` and every module at least :data:`MIN_MODULE_MM`; the
    module side is rounded up to 0.01 mm.

    Raises:
        PrintError: if ``distance_m`` is not a positive number of metres.
    """
    if not distance_m > 0 or math.isinf(distance_m):
        raise PrintError(
            f"khoảng cách đọc phải là một số mét lớn hơn 0 (đang là {distance_m})",
            f"the reading distance must be a number of metres above 0 (got {distance_m})",
        )
    code_modules = modules - 2 * QUIET_ZONE
    needed = distance_m * 1000 / SCAN_RATIO / code_modules
    module_mm = math.ceil(max(needed, MIN_MODULE_MM) * 100 - 1e-9) / 100
    return QrSize(modules, module_mm)


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
        svg = _svg(make_qr(url, error_correction))
    return PlaqueItem(plaque.id, plaque.name, url, village, svg, modules_of_svg(svg))


def _svg(symbol: QrSymbol) -> str:
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


def check_site_url(site_url: str | None) -> PrintError | None:
    """Why ``site_url`` cannot be the base of printed QR codes, or ``None`` when it can.

    QR codes hold absolute, ASCII URLs: ``site_url`` must be ``http(s)://host/...``.
    """
    value = site_url or ""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return PrintError(
            "mkdocs.yml: site_url: thiếu hoặc không phải địa chỉ http(s) đầy đủ — mã QR trên "
            "biển cần địa chỉ tuyệt đối; thêm ví dụ `site_url: https://ten.github.io/kho/`.",
            "site_url is missing or not an absolute http(s) URL — QR codes need it; add "
            "e.g. `site_url: https://name.github.io/repo/`.",
        )
    if not value.isascii():
        return PrintError(
            f"mkdocs.yml: site_url: `{value}` có ký tự không phải ASCII — dùng tên miền và "
            "đường dẫn không dấu.",
            f"`{value}` is not ASCII — use an unaccented domain and path.",
        )
    return None


# --- text measurement ---------------------------------------------------------------------------

_FILES = ExitStack()
atexit.register(_FILES.close)


@cache
def _font_path(weight: int) -> Path:
    """The shipped font file of ``weight`` as a real file (extracted if the package is zipped)."""
    resource = files("langso").joinpath("fonts", FONT_FILES[weight])
    return Path(_FILES.enter_context(as_file(resource)))


@cache
def _face(weight: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(_font_path(weight)), size=1000)


def text_width_mm(text: str, size_pt: float, weight: int = 400) -> float:
    """The advance width of ``text`` set on one line in the shipped font, mm.

    Args:
        size_pt: type size in points.
        weight: 400 (regular) or 700 (bold).
    """
    return _face(weight).getlength(text) / 1000 * size_pt * MM_PER_PT


def _fit_line(text: str, width_mm: float, largest_pt: float, weight: int = 400) -> float:
    """The largest size up to ``largest_pt`` (0.1 pt steps) that sets ``text`` on one line."""
    natural = text_width_mm(text, 1, weight)
    if natural <= 0:
        return largest_pt
    return min(largest_pt, math.floor(width_mm * _SAFETY / natural * 10) / 10)


def _fit_lines(text: str, width_mm: float, largest_pt: float, lines: int, weight: int) -> float:
    """The largest size up to ``largest_pt`` that sets ``text`` in ``lines`` lines of words.

    Breaking is only at spaces, so the longest word must fit a line; the whole text must fit
    ``lines`` lines with 15 % left for ragged line ends.
    """
    longest = max((text_width_mm(w, 1, weight) for w in text.split()), default=0.0)
    total = text_width_mm(text, 1, weight)
    limits = [largest_pt]
    if longest > 0:
        limits.append(width_mm * _SAFETY / longest)
    if total > 0:
        limits.append(width_mm * lines * 0.85 / total)
    return math.floor(min(limits) * 10) / 10


def _line_mm(size_pt: float, line: float = _LINE) -> float:
    return size_pt * line * MM_PER_PT


# --- plaque layout ------------------------------------------------------------------------------


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
        _line_mm(sheet.small_pt)
        + 2 * _line_mm(sheet.title_pt, _TITLE_LINE)
        + _line_mm(sheet.call_pt)
        + _line_mm(sheet.url_pt)
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
        village_pt=_fit_line(item.village, inner, sheet.small_pt),
        title_pt=_fit_lines(item.name, inner, sheet.title_pt, 2, 700),
        call_pt=_fit_line(CALL_TO_ACTION, inner, sheet.call_pt, 700),
        url_pt=_fit_line(item.url, inner, sheet.url_pt),
    )


def _mm(value: float) -> str:
    """``12`` for 12.0, ``12.35`` for 12.3456: lengths as CSS writes them."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


def _too_small(
    item: PlaqueItem, sheet_name: str, need: QrSize, room_mm: float, distance_m: float | None
) -> PrintError:
    """The error for a sheet whose room for the symbol (``room_mm``) is less than ``need``."""
    code_room = room_mm * (need.modules - 2 * QUIET_ZONE) / need.modules
    reach = math.floor(code_room * SCAN_RATIO / 10) / 100  # metres, rounded down to the cm
    side = _mm(need.side_mm)
    if distance_m is not None and need.module_mm > MIN_MODULE_MM:
        code = _mm(distance_m * 1000 / SCAN_RATIO)
        why_vi = f"đọc từ {_vi(_mm(distance_m))} m cần mã QR rộng ít nhất {_vi(code)} mm"
        why_en = f"reading from {_mm(distance_m)} m needs a code at least {code} mm wide"
    else:
        why_vi = f"mỗi ô của mã QR cần rộng ít nhất {_vi(_mm(MIN_MODULE_MM))} mm"
        why_en = f"each module of the code needs at least {_mm(MIN_MODULE_MM)} mm"
    return PrintError(
        f"biển `{item.id}`: {why_vi} (quy tắc 10:1), cả lề trắng 4 ô là {_vi(side)} mm, nhưng "
        f"khổ {sheet_name} chỉ chứa được {_vi(_mm(room_mm))} mm (đủ đọc từ tối đa "
        f"{_vi(_mm(reach))} m) — chọn khổ giấy lớn hơn hoặc đặt --distance-m nhỏ hơn",
        f"plaque `{item.id}`: {why_en} (10:1 rule), {side} mm with its 4-module quiet zone, "
        f"but {sheet_name} holds only {_mm(room_mm)} mm (enough for {_mm(reach)} m at most) — "
        "choose a larger paper or a smaller --distance-m",
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
    url_mm = max(text_width_mm(item.url, sheet.min_url_pt) for item in items) / _SAFETY
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


def font_css(base_url: str) -> str:
    """``@font-face`` rules for :data:`FONT_FAMILY`, the font files found at ``base_url``.

    Args:
        base_url: a URL ending in ``/`` (``file:///…/langso/fonts/`` for PDFs).
    """
    return "\n".join(
        f'@font-face {{ font-family: "{FONT_FAMILY}"; font-weight: {weight}; '
        f'src: url("{base_url}{name}") format("truetype"); }}'
        for weight, name in FONT_FILES.items()
    )


def _package_fonts_url() -> str:
    return _font_path(400).parent.as_uri() + "/"


TEST_PRINT = "BẢN IN THỬ"
"""Across every plaque of a test print (``langso plaques print --thu``): never to be mounted."""


def _watermark_pt(card: Card, text: str) -> float:
    """The type size that sets ``text`` across 90 % of ``card``'s width (bold)."""
    return round(card.width_mm * 0.9 / text_width_mm(text, 1, 700), 1)


def sheet_html(
    pages: Sequence[SheetPage],
    sheet: Sheet,
    title: str,
    fonts_url: str | None = None,
    *,
    watermark: str | None = None,
) -> str:
    """The HTML document of laid-out pages (template ``plaque_print.html``).

    Args:
        title: the document's title (the PDF's title).
        fonts_url: where the font files are (see :func:`font_css`); ``None`` names the family
            without loading it, for pages on the site.
        watermark: words set large, slanted and translucent red across every plaque (its QR
            code stays readable), e.g. :data:`TEST_PRINT`; ``None`` for none.
    """
    return render_template(
        "plaque_print.html",
        title=title,
        sheet=sheet,
        pages=pages,
        call=CALL_TO_ACTION,
        font_family=FONT_FAMILY,
        font_faces=font_css(fonts_url) if fonts_url is not None else "",
        mm=_mm,
        watermark=watermark,
        watermark_pt=_watermark_pt,
    )


def plaques_html(
    items: Sequence[PlaqueItem],
    sheet: Sheet,
    distance_m: float | None = None,
    *,
    title: str | None = None,
    fonts_url: str | None = None,
    watermark: str | None = None,
) -> str:
    """Lay out and render ``items`` on ``sheet``: :func:`layout_pages`, :func:`layout_stickers`.

    Args:
        distance_m: reading distance in metres; ``None``: the default for stickers
            (:data:`STICKER_DISTANCE_M`), the largest code the page holds for papers.
        watermark: see :func:`sheet_html`; it also opens the title.

    Raises:
        PrintError: when the sheet cannot hold the code the distance needs.
    """
    if isinstance(sheet, StickerSheet):
        pages = layout_stickers(items, sheet, distance_m or STICKER_DISTANCE_M)
    else:
        pages = layout_pages(items, sheet, distance_m)
    if title is None:
        village = items[0].village if items else ""
        title = f"Biển mã QR — {village} ({sheet.name})"
    if watermark:
        title = f"{watermark}: {title}"
    return sheet_html(pages, sheet, title, fonts_url, watermark=watermark)


def plaques_pdf(
    items: Sequence[PlaqueItem],
    sheet: Sheet,
    distance_m: float | None = None,
    *,
    watermark: str | None = None,
) -> Pdf:
    """The PDF of ``items`` on ``sheet``, with the shipped font embedded.

    Args:
        distance_m: reading distance in metres; ``None``: :data:`WALL_DISTANCE_M` on papers,
            :data:`STICKER_DISTANCE_M` on stickers.
        watermark: see :func:`sheet_html`.

    Raises:
        PrintError: when the sheet cannot hold the code the distance needs.
    """
    if distance_m is None:
        distance_m = STICKER_DISTANCE_M if isinstance(sheet, StickerSheet) else WALL_DISTANCE_M
    document = plaques_html(
        items, sheet, distance_m, fonts_url=_package_fonts_url(), watermark=watermark
    )
    return write_pdf(document)


class Pdf(NamedTuple):
    """A PDF document: its bytes and its number of pages."""

    data: bytes
    pages: int


PDF_CODE = (
    "printing.py",
    "render.py",
    "templates/plaque_print.html",
    *(f"fonts/{name}" for name in FONT_FILES.values()),
)
"""Our files that shape a PDF sheet (part of its cache key)."""
PDF_LIBRARIES = (
    "weasyprint",
    "pydyf",
    "fonttools",
    "tinycss2",
    "cssselect2",
    "tinyhtml5",
    "jinja2",
)
"""Libraries that shape it. The system's Pango and HarfBuzz are not in the key: delete
``.cache/langso/print`` after upgrading them."""


def print_cache(folder: Path) -> FileCache:
    """The cache of PDF sheets in ``folder``, keyed with :data:`PDF_CODE` and
    :data:`PDF_LIBRARIES`."""
    return FileCache(folder, code=PDF_CODE, libraries=PDF_LIBRARIES)


def cached_plaques_pdf(
    cache: FileCache,
    items: Sequence[PlaqueItem],
    sheet: Sheet,
    distance_m: float | None = None,
    *,
    watermark: str | None = None,
) -> Path:
    """The file of :func:`plaques_pdf` for these arguments, made only when ``cache`` lacks it.

    Raises:
        PrintError: when the sheet cannot hold the code the distance needs.
    """
    inputs = [dataclasses.asdict(item) for item in items]
    key = cache.key(type(sheet).__name__, sheet._asdict(), distance_m, inputs, watermark)

    def make() -> dict[str, bytes]:
        return {"sheet.pdf": plaques_pdf(items, sheet, distance_m, watermark=watermark).data}

    return cache.fetch(key, make) / "sheet.pdf"


def write_pdf(document: str, base_url: str | None = None) -> Pdf:
    """Lay out the HTML ``document`` with WeasyPrint and return the PDF.

    Only ``file:`` and ``data:`` resources are fetched: printing never touches the network, and a
    remote image is left out (WeasyPrint logs a warning) rather than making output depend on it.
    Relative URLs in ``document`` resolve against ``base_url``.

    Raises:
        OSError: when WeasyPrint's system libraries (Pango) cannot be loaded.
    """
    # Imported here: WeasyPrint needs system libraries (Pango) the site build does not.
    import weasyprint  # type: ignore[import-untyped]

    rendered = weasyprint.HTML(
        string=document, base_url=base_url, url_fetcher=_local_fetcher()
    ).render()
    data = rendered.write_pdf()
    assert isinstance(data, bytes)
    return Pdf(data, len(rendered.pages))


def _local_fetcher() -> Any:
    try:
        from weasyprint.urls import URLFetcher  # type: ignore[import-untyped]
    except ImportError:  # WeasyPrint < 68 takes a function
        from weasyprint import default_url_fetcher

        def fetch(url: str) -> Any:
            if not url.startswith(("file:", "data:")):
                raise ValueError(f"not fetched while printing: {url}")
            return default_url_fetcher(url)

        return fetch
    return URLFetcher(allowed_protocols=("file", "data"))
