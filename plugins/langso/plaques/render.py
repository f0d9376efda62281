"""Files for each plaque, as pure functions of the plaque, its URLs and its QR symbol.

:func:`plaque_files` makes a plaque's QR code (SVG, PNG) and print pages once and keeps them in a
:class:`~langso.cache.FileCache`: encoding a QR symbol takes tens of milliseconds, which a village
of hundreds of plaques would otherwise pay on every build.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from langso.cache import FileCache
from langso.plaques.model import Plaque
from langso.printing import PAPERS as _ALL_PAPERS
from langso.printing import Paper, PlaqueItem, modules_of_svg, plaques_html
from langso.qr import ErrorCorrection, make_qr
from langso.render import render_template

__all__ = [
    "PAPERS",
    "PLAQUE_CODE",
    "PLAQUE_LIBRARIES",
    "Paper",
    "PlaqueFiles",
    "plaque_files",
    "print_html",
    "redirect_html",
]

PAPERS: dict[str, Paper] = {name: _ALL_PAPERS[name] for name in ("A5", "A6")}
"""The papers of the site's print pages (``bien-qr/<id>-a5.html``, ``-a6.html``)."""

PLAQUE_CODE = (
    "qr.py",
    "plaques/render.py",
    "printing/fonts.py",
    "printing/layout.py",
    "printing/rules.py",
    "printing/sheets.py",
    "render.py",
    "templates/plaque_print.html",
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


def print_html(plaque: Plaque, paper: Paper, svg: str, short_url: str, village: str) -> str:
    """Return the standalone printable page of ``plaque`` on ``paper``.

    The same template and layout as the PDFs of ``langso plaques print``
    (:func:`langso.printing.plaques_html`), with the code as large as the sheet holds: a
    volunteer may print the page on any paper. The page names the shipped font without loading
    it (the site does not publish the font files).

    Args:
        svg: the symbol drawn by ``QrSymbol.svg``, quiet zone included.
    """
    item = PlaqueItem(plaque.id, plaque.name, short_url, village, svg, modules_of_svg(svg))
    return plaques_html([item], paper, distance_m=None, title=f"Biển {plaque.name} ({paper.name})")


@dataclass(frozen=True)
class PlaqueFiles:
    """A plaque's files in the cache.

    Attributes:
        version: the QR version of the symbol (1–40).
        svg: the symbol as SVG (``qr.svg``), quiet zone included.
        png: the symbol as PNG (``qr.png``), 10 pixels a module.
        print_pages: paper name (``A5``) → the print page (``a5.html``); empty when not asked.
    """

    version: int
    svg: Path
    png: Path
    print_pages: dict[str, Path]


def plaque_files(
    cache: FileCache,
    plaque: Plaque,
    short_url: str,
    village: str,
    error_correction: ErrorCorrection,
    *,
    print_pages: bool,
) -> PlaqueFiles:
    """The QR code of ``short_url`` and (``print_pages``) the plaque's :data:`PAPERS` pages.

    Made once per digest of every input (the URL, the level, the plaque's id and name, the
    village's name, whether print pages are wanted) and of :data:`PLAQUE_CODE` and
    :data:`PLAQUE_LIBRARIES`; found in ``cache`` afterwards.

    Raises:
        qrcode.exceptions.DataOverflowError: if even version 40 cannot hold ``short_url``.
    """
    papers = sorted(PAPERS) if print_pages else []
    key = cache.key(short_url, error_correction, plaque.id, plaque.name, village, papers)

    def make() -> dict[str, bytes]:
        symbol = make_qr(short_url, error_correction)
        svg = symbol.svg(f"Mã QR: {short_url}")
        made = {"qr.svg": svg.encode(), "qr.png": symbol.png()}
        made["qr.json"] = json.dumps({"version": symbol.version}).encode()
        for name in papers:
            page = print_html(plaque, PAPERS[name], svg, short_url, village)
            made[f"{name.lower()}.html"] = page.encode()
        return made

    folder = cache.fetch(key, make)
    try:
        return _entry_files(folder, tuple(papers))
    except (OSError, ValueError, KeyError, TypeError):
        cache.discard(key)  # damaged: made again
        return _entry_files(cache.put(key, make()), tuple(papers))


@lru_cache(maxsize=65536)  # an entry never changes: its key holds every input
def _entry_files(folder: Path, papers: tuple[str, ...]) -> PlaqueFiles:
    """The files of the cache entry ``folder``; its QR version read from ``qr.json``."""
    version = int(json.loads((folder / "qr.json").read_bytes())["version"])
    pages = {name: folder / f"{name.lower()}.html" for name in papers}
    return PlaqueFiles(version, folder / "qr.svg", folder / "qr.png", pages)
