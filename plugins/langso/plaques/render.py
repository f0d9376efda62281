"""Files for each plaque, as pure functions of the plaque, its URLs and its QR symbol."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from langso.plaques.model import Plaque
from langso.render import render_template

__all__ = ["PAPERS", "Paper", "PlaqueView", "index_markdown", "print_html", "redirect_html"]


class Paper(NamedTuple):
    """A print size: ISO 216 sheet in mm, the QR side in mm and type sizes in points."""

    name: str
    width_mm: int
    height_mm: int
    margin_mm: int
    qr_mm: int
    title_pt: int
    call_pt: int
    small_pt: int
    url_pt: float


# QR side ≈ sheet width minus margins, so the code is as large as the sheet allows: a phone reads a
# code from about ten times its width (A5: 100 mm → about 1 m; A6: 70 mm → about 70 cm).
PAPERS = {
    "A5": Paper("A5", 148, 210, 10, 100, 26, 18, 12, 10),
    "A6": Paper("A6", 105, 148, 7, 70, 18, 13, 9, 7.5),
}


@dataclass(frozen=True)
class PlaqueView:
    """What the plaques index shows of one plaque; links are relative to the index page."""

    plaque: Plaque
    short_url: str
    short_link: str
    target_link: str
    svg_link: str
    png_link: str
    print_links: dict[str, str]


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
    """Return the standalone printable page of ``plaque`` on ``paper``."""
    return render_template(
        "plaque_print.html",
        plaque=plaque,
        paper=paper,
        svg=svg,
        short_url=short_url,
        village=village,
    )


def index_markdown(title: str, plaques: list[PlaqueView]) -> str:
    """Return the plaques index page."""
    return render_template("plaques_index.md", title=title, plaques=plaques)
