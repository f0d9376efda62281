"""The shipped font (Noto Sans, Vietnamese subset, in ``langso/fonts``) and text measured in it.

Widths are measured with Pillow/FreeType to choose type sizes before WeasyPrint lays the text out
(with Pango), so measured widths keep :data:`SAFETY` for shaping differences. Lengths in mm, type
sizes in points.
"""

from __future__ import annotations

import atexit
import math
from contextlib import ExitStack
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path

from PIL import ImageFont

__all__ = [
    "FONT_FAMILY",
    "FONT_FILES",
    "LINE",
    "MM_PER_PT",
    "SAFETY",
    "TITLE_LINE",
    "fit_line",
    "fit_lines",
    "font_css",
    "font_path",
    "line_mm",
    "package_fonts_url",
    "text_width_mm",
]

FONT_FAMILY = "NotoSans Vietnamese"
"""CSS family of the shipped font; the PDF's embedded font is named after it."""
FONT_FILES = {400: "NotoSans-Vietnamese-Regular.ttf", 700: "NotoSans-Vietnamese-Bold.ttf"}
"""The shipped font files in ``langso/fonts``, by CSS weight."""

MM_PER_PT = 25.4 / 72
LINE = 1.25  # line height of one-line texts, in ems
TITLE_LINE = 1.15  # line height of the place name, in ems
SAFETY = 0.96  # measured widths leave 4 % for shaping differences between FreeType and Pango

_FILES = ExitStack()
atexit.register(_FILES.close)


@cache
def font_path(weight: int) -> Path:
    """The shipped font file of ``weight`` as a real file (extracted if the package is zipped)."""
    resource = files("langso").joinpath("fonts", FONT_FILES[weight])
    return Path(_FILES.enter_context(as_file(resource)))


@cache
def _face(weight: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(weight)), size=1000)


def text_width_mm(text: str, size_pt: float, weight: int = 400) -> float:
    """The advance width of ``text`` set on one line in the shipped font, mm.

    Args:
        size_pt: type size in points.
        weight: 400 (regular) or 700 (bold).
    """
    return _face(weight).getlength(text) / 1000 * size_pt * MM_PER_PT


def fit_line(text: str, width_mm: float, largest_pt: float, weight: int = 400) -> float:
    """The largest size up to ``largest_pt`` (0.1 pt steps) that sets ``text`` on one line."""
    natural = text_width_mm(text, 1, weight)
    if natural <= 0:
        return largest_pt
    return min(largest_pt, math.floor(width_mm * SAFETY / natural * 10) / 10)


def fit_lines(text: str, width_mm: float, largest_pt: float, lines: int, weight: int) -> float:
    """The largest size up to ``largest_pt`` that sets ``text`` in ``lines`` lines of words.

    Breaking is only at spaces, so the longest word must fit a line; the whole text must fit
    ``lines`` lines with 15 % left for ragged line ends.
    """
    longest = max((text_width_mm(w, 1, weight) for w in text.split()), default=0.0)
    total = text_width_mm(text, 1, weight)
    limits = [largest_pt]
    if longest > 0:
        limits.append(width_mm * SAFETY / longest)
    if total > 0:
        limits.append(width_mm * lines * 0.85 / total)
    return math.floor(min(limits) * 10) / 10


def line_mm(size_pt: float, line: float = LINE) -> float:
    return size_pt * line * MM_PER_PT


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


def package_fonts_url() -> str:
    return font_path(400).parent.as_uri() + "/"
