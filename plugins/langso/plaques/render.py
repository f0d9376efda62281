"""Files for each plaque, as pure functions of the plaque, its URLs and its QR symbol."""

from __future__ import annotations

from langso.plaques.model import Plaque
from langso.printing import PAPERS as _ALL_PAPERS
from langso.printing import Paper, PlaqueItem, modules_of_svg, plaques_html
from langso.render import render_template

__all__ = ["PAPERS", "Paper", "print_html", "redirect_html"]

PAPERS: dict[str, Paper] = {name: _ALL_PAPERS[name] for name in ("A5", "A6")}
"""The papers of the site's print pages (``bien-qr/<id>-a5.html``, ``-a6.html``)."""


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
