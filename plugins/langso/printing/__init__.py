"""Print documents: QR plaques (one per page, or sticker sheets); the booklet is in
:mod:`langso.booklet`, on the same fonts and PDF writer.

Everything printed is HTML from the package's templates, laid out by WeasyPrint into PDF. The
site's print pages (``bien-qr/in-<k>.html``, an A5 and an A6 sheet a plaque) come from the same
sheet template and the same layout code as the PDFs, so a plaque looks the same however it is
printed.

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

The code: :mod:`.rules` (QR sizes, ``site_url``, :class:`PrintError`), :mod:`.fonts` (the font and
text measurement), :mod:`.layout` (sheets and where each plaque goes), :mod:`.sheets` (HTML, PDF
and cache of plaque sheets), :mod:`.pdf` (the WeasyPrint writer). This package re-exports their
public names: import from ``langso.printing``.

WeasyPrint is imported only when a PDF is written, so the MkDocs plugins (which render HTML
only) do not need its system libraries.
"""

from langso.printing.fonts import FONT_FAMILY, font_css, text_width_mm
from langso.printing.layout import (
    CALL_TO_ACTION,
    PAPERS,
    SHEET_FILES,
    STICKERS,
    Card,
    Mark,
    Paper,
    PlaqueItem,
    Sheet,
    SheetPage,
    StickerSheet,
    layout_pages,
    layout_stickers,
    modules_of_svg,
    plaque_item,
)
from langso.printing.pdf import Pdf, write_pdf
from langso.printing.rules import (
    BOOKLET_DISTANCE_M,
    MIN_MODULE_MM,
    SCAN_RATIO,
    STICKER_DISTANCE_M,
    WALL_DISTANCE_M,
    PrintError,
    QrSize,
    check_site_url,
    qr_size,
)
from langso.printing.sheets import (
    PDF_CODE,
    PDF_LIBRARIES,
    TEST_PRINT,
    cached_plaques_pdf,
    plaques_html,
    plaques_pdf,
    print_cache,
    sheet_html,
)

__all__ = [
    "BOOKLET_DISTANCE_M",
    "CALL_TO_ACTION",
    "FONT_FAMILY",
    "MIN_MODULE_MM",
    "PAPERS",
    "PDF_CODE",
    "PDF_LIBRARIES",
    "SCAN_RATIO",
    "SHEET_FILES",
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
