"""Files for each plaque, as pure functions of the plaque, its URLs and its QR symbol.

:func:`plaque_files` makes a plaque's QR code (SVG, kept for the PDF sheets) and its part of a
print page once and keeps them in a :class:`~langso.cache.FileCache`: encoding a QR symbol takes
tens of milliseconds, which a village of hundreds of plaques would otherwise pay on every build.
The site publishes print pages of :data:`PRINT_GROUP` plaques (:func:`group_html`), the code
inline: no image file and no page a plaque (issue 18).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from langso.cache import FileCache
from langso.plaques.fit import reach_text
from langso.plaques.model import Plaque
from langso.printing import (
    CALL_TO_ACTION,
    FONT_FAMILY,
    Paper,
    PlaqueItem,
    layout_pages,
    modules_of_svg,
)
from langso.printing import PAPERS as _ALL_PAPERS
from langso.printing.layout import css_mm
from langso.printing.sheets import watermark_pt
from langso.qr import ErrorCorrection, make_qr
from langso.render import render_template

__all__ = [
    "DEFAULT_PAPER",
    "PAPERS",
    "PLAQUE_CODE",
    "PLAQUE_LIBRARIES",
    "PRINT_GROUP",
    "Paper",
    "PlaqueFiles",
    "group_html",
    "group_page",
    "plaque_files",
    "print_html",
    "redirect_html",
]

PAPERS: dict[str, Paper] = {name: _ALL_PAPERS[name] for name in ("A5", "A6")}
"""The papers of the site's print pages: each plaque has one sheet of each, ``#a5-<id>`` and
``#a6-<id>``."""
DEFAULT_PAPER = "A5"
"""The paper every plaque of a print page prints on when the address names no sheet."""

PRINT_GROUP = 20
"""Plaques on one print page (``bien-qr/in-<k>.html``, in the plaques index's order). A page a
plaque was a third of the files a 1,000-page village wrote (issue 18); a page of 20 plaques
(40 sheets, the codes inline) still opens at once on a phone, and printing it without choosing
a sheet gives 20 A5 pages, a job a home printer takes in one go."""

PLAQUE_CODE = (
    "qr.py",
    "plaques/fit.py",
    "plaques/render.py",
    "printing/fonts.py",
    "printing/layout.py",
    "printing/rules.py",
    "render.py",
    "templates/plaque_print_one.html",
    "templates/plaque_sheet.html",
    "templates/plaque_page.html",
    "templates/plaque_card.css",
)
"""Our files that shape a plaque's cached files (part of the cache key)."""
PLAQUE_LIBRARIES = ("qrcode", "pillow", "jinja2")
"""Libraries that shape them."""


@lru_cache(maxsize=65536)  # the same stubs every build
def redirect_html(title: str, target: str, canonical: str) -> str:
    """Return the redirect stub for a short URL.

    Args:
        title: the target page's name, shown while redirecting.
        target: the target URL relative to the stub (works under any sub-path and host).
        canonical: the target's absolute URL.

    The stub redirects at once with JavaScript (keeping the ``#fragment``), falls back to a meta
    refresh without JavaScript, and shows a plain link as a last resort (as mkdocs-redirects does).
    """
    return render_template("redirect.html", title=title, target=target, canonical=canonical)


def print_html(
    plaque: Plaque, svg: str, short_url: str, village: str, watermark: str | None = None
) -> str:
    """Return one plaque's part of a print page (:func:`group_html`): its name, the links
    "In khổ A5" (``#a5-<id>``) and "In khổ A6" (``#a6-<id>``) with the farthest distance the A6
    code is read from (:func:`langso.plaques.fit.reach_text`), and its A5 then A6 sheet.

    Each paper's sheet is laid out by the same code and template as the PDFs of
    ``langso plaques print`` (:func:`langso.printing.layout_pages`, ``plaque_sheet.html``), with
    the code as large as the sheet holds. The ids cannot collide: every id on the page is
    ``a5-`` or ``a6-`` followed by a plaque id, and plaque ids are unique.

    Args:
        svg: the symbol drawn by ``QrSymbol.svg``, quiet zone included.
        watermark: words across each sheet, as on the PDFs (``BẢN IN THỬ`` while ``site_url``
            is a placeholder: such a plaque must not be mistaken for a lasting one).

    Raises:
        PrintError: when a paper cannot hold the symbol at 0.5 mm a module.
    """
    item = PlaqueItem(plaque.id, plaque.name, short_url, village, svg, modules_of_svg(svg))
    sheets = [(paper, layout_pages([item], paper, None)[0]) for paper in PAPERS.values()]
    # A6's largest code is read from under a metre, where `langso plaques print` sizes codes
    # by default: the reader of the link is told before printing (the same rule, fit.py).
    reaches = {"A6": reach_text(item, PAPERS["A6"])}
    return render_template(
        "plaque_print_one.html",
        plaque=plaque,
        sheets=sheets,
        reaches=reaches,
        call=CALL_TO_ACTION,
        mm=css_mm,
        watermark=watermark,
        watermark_pt=watermark_pt,
    )


def group_html(parts: list[str], number: int, count: int) -> str:
    """Return print page ``number`` of ``count`` (``in-<number>.html``) holding ``parts``
    (:func:`print_html`, at most :data:`PRINT_GROUP`). Printing it without a fragment prints
    every plaque's A5 sheet, one page each, in order; with ``#a5-<id>`` or ``#a6-<id>`` only
    that sheet, on its paper (CSS named pages, ``:target`` and ``:has``, no JavaScript). The
    page names the shipped font without loading it (the site does not publish the font files).
    """
    title = "Bản in biển mã QR" + (f" ({number}/{count})" if count > 1 else "")
    return render_template(
        "plaque_page.html",
        title=title,
        parts=parts,
        papers=list(PAPERS.values()),
        default=PAPERS[DEFAULT_PAPER],
        font_family=FONT_FAMILY,
        mm=css_mm,
    )


def group_page(cache: FileCache, parts: list[Path], number: int, count: int) -> Path:
    """Return the file of print page ``number`` of ``count`` (:func:`group_html`) holding
    ``parts``, each plaque's ``in.html`` in ``cache`` (:func:`plaque_files`).

    Made once per digest of the parts' entries (whose keys hold every input of each part), the
    page's number and count, and :data:`PLAQUE_CODE`; found in ``cache`` afterwards. The page
    stays on disk until MkDocs copies it: at N = 10,000 the 167 pages held as text until then
    were 69 MB of the build's peak memory (issue 18).

    Raises:
        OSError: when a part cannot be read or the cache cannot be written.
    """
    key = cache.key("print-page", number, count, [part.parent.name for part in parts])

    def make() -> dict[str, bytes]:
        texts = [part.read_text(encoding="utf-8") for part in parts]
        return {"in.html": group_html(texts, number, count).encode()}

    page = cache.fetch(key, make) / "in.html"
    if not page.is_file():
        cache.discard(key)  # damaged: made again
        page = cache.put(key, make()) / "in.html"
    return page


@dataclass(frozen=True)
class PlaqueFiles:
    """A plaque's files in the cache.

    Attributes:
        version: the QR version of the symbol (1–40).
        svg: the symbol as SVG (``qr.svg``), quiet zone included: for the PDF sheets, not
            published.
        print_page: the plaque's part of its print page (``in.html``, :func:`print_html`);
            ``None`` when not asked.
    """

    version: int
    svg: Path
    print_page: Path | None


def plaque_files(
    cache: FileCache,
    plaque: Plaque,
    short_url: str,
    village: str,
    error_correction: ErrorCorrection,
    *,
    print_page: bool,
    watermark: str | None = None,
) -> PlaqueFiles:
    """The QR code of ``short_url`` and (``print_page``) the plaque's print page.

    Made once per digest of every input (the URL, the level, the plaque's id and name, the
    village's name, whether the print page is wanted, its ``watermark``) and of
    :data:`PLAQUE_CODE` and :data:`PLAQUE_LIBRARIES`; found in ``cache`` afterwards.

    Raises:
        qrcode.exceptions.DataOverflowError: if even version 40 cannot hold ``short_url``.
    """
    key = cache.key(
        short_url, error_correction, plaque.id, plaque.name, village, print_page, watermark
    )

    def make() -> dict[str, bytes]:
        symbol = make_qr(short_url, error_correction)
        svg = symbol.svg(f"Mã QR: {short_url}")
        made = {"qr.svg": svg.encode()}
        made["qr.json"] = json.dumps({"version": symbol.version}).encode()
        if print_page:
            made["in.html"] = print_html(plaque, svg, short_url, village, watermark).encode()
        return made

    folder = cache.fetch(key, make)
    try:
        return _entry_files(folder, print_page)
    except (OSError, ValueError, KeyError, TypeError):
        cache.discard(key)  # damaged: made again
        return _entry_files(cache.put(key, make()), print_page)


@lru_cache(maxsize=65536)  # an entry never changes: its key holds every input
def _entry_files(folder: Path, print_page: bool) -> PlaqueFiles:
    """The files of the cache entry ``folder``; its QR version read from ``qr.json``."""
    version = int(json.loads((folder / "qr.json").read_bytes())["version"])
    page = folder / "in.html" if print_page else None
    if page is not None and not page.is_file():
        raise OSError(f"{page.name} missing")
    return PlaqueFiles(version, folder / "qr.svg", page)
