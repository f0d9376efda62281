"""Plaque sheets as documents: the HTML of laid-out pages (template ``plaque_print.html``), its
PDF with the shipped font embedded, and the cache of PDF sheets."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from langso.cache import FileCache
from langso.checkrun import placeholder
from langso.printing.fonts import (
    FONT_FAMILY,
    FONT_FILES,
    font_css,
    package_fonts_url,
    text_width_mm,
)
from langso.printing.layout import (
    CALL_TO_ACTION,
    Card,
    PlaqueItem,
    Sheet,
    SheetPage,
    StickerSheet,
    css_mm,
    layout_pages,
    layout_stickers,
)
from langso.printing.pdf import Pdf, write_pdf
from langso.printing.rules import STICKER_DISTANCE_M, WALL_DISTANCE_M
from langso.render import render_template

__all__ = [
    "PDF_CODE",
    "PDF_LIBRARIES",
    "TEST_PRINT",
    "cached_plaques_pdf",
    "plaques_html",
    "plaques_pdf",
    "print_cache",
    "sheet_html",
    "sheet_key",
    "watermark_pt",
]

TEST_PRINT = "BẢN IN THỬ"
"""Across every plaque of a test print (``langso plaques print --thu``): never to be mounted."""


def watermark_pt(card: Card, text: str) -> float:
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
        mm=css_mm,
        watermark=watermark,
        watermark_pt=watermark_pt,
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
    return write_pdf(_document(items, sheet, distance_m, watermark))


def _document(
    items: Sequence[PlaqueItem], sheet: Sheet, distance_m: float | None, watermark: str | None
) -> str:
    """The HTML :func:`plaques_pdf` renders (see there)."""
    if distance_m is None:
        distance_m = STICKER_DISTANCE_M if isinstance(sheet, StickerSheet) else WALL_DISTANCE_M
    return plaques_html(
        items, sheet, distance_m, fonts_url=package_fonts_url(), watermark=watermark
    )


PDF_CODE = (
    "printing/fonts.py",
    "printing/layout.py",
    "printing/pdf.py",
    "printing/rules.py",
    "printing/sheets.py",
    "render.py",
    "templates/plaque_print.html",
    "templates/plaque_card.css",
    "templates/plaque_sheet.html",
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


def sheet_key(
    cache: FileCache,
    items: Sequence[PlaqueItem],
    sheet: Sheet,
    distance_m: float | None,
    watermark: str | None,
) -> str:
    """The key in ``cache`` of :func:`plaques_pdf`'s file for these arguments."""
    inputs = [dataclasses.asdict(item) for item in items]
    return cache.key(type(sheet).__name__, sheet._asdict(), distance_m, inputs, watermark)


def cached_plaques_pdf(
    cache: FileCache,
    items: Sequence[PlaqueItem],
    sheet: Sheet,
    distance_m: float | None = None,
    *,
    watermark: str | None = None,
) -> Path:
    """The file of :func:`plaques_pdf` for these arguments, made only when ``cache`` lacks it
    (while the site is thrown away, :mod:`langso.checkrun`: laid out, not made).

    Raises:
        PrintError: when the sheet cannot hold the code the distance needs.
    """
    key = sheet_key(cache, items, sheet, distance_m, watermark)
    unrendered = placeholder()
    if unrendered is not None:
        folder = cache.get(key)
        if folder is not None:
            return folder / "sheet.pdf"
        _document(items, sheet, distance_m, watermark)  # raises what the layout raises
        return unrendered

    def make() -> dict[str, bytes]:
        return {"sheet.pdf": plaques_pdf(items, sheet, distance_m, watermark=watermark).data}

    return cache.fetch(key, make) / "sheet.pdf"
