"""The plaques' pages on the site: the index, and the notice of a retired plaque."""

from __future__ import annotations

from dataclasses import dataclass, field

from langso.plaques.model import Plaque
from langso.render import render_template

__all__ = ["PlaqueView", "index_markdown", "retired_html"]


@dataclass(frozen=True)
class PlaqueView:
    """What the plaques index shows of one plaque; links are relative to the index page."""

    plaque: Plaque
    short_url: str
    short_link: str
    target_link: str | None
    svg_link: str
    png_link: str
    status: str
    print_links: dict[str, str] = field(default_factory=dict)


def index_markdown(
    title: str, plaques: list[PlaqueView], sheets: dict[str, str] | None = None
) -> str:
    """The plaques index page: every plaque ever issued, with its state, and the PDF sheets
    (``{"A4": "in/bien-qr-a4.pdf"}``) published with the site."""
    return render_template("plaques_index.md", title=title, plaques=plaques, sheets=sheets or {})


def retired_html(name: str, message: str, site_name: str, home: str) -> str:
    """The page a retired plaque's short URL shows: its name, the message, a link home.

    Args:
        home: the site's home page, relative to the page.
    """
    return render_template(
        "plaque_retired.html", plaque_name=name, message=message, site_name=site_name, home=home
    )
