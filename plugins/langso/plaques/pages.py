"""The plaques' pages on the site: the index, and the notice of a retired plaque."""

from __future__ import annotations

from dataclasses import dataclass, field

from langso.listing import paginate
from langso.plaques.model import Plaque
from langso.render import render_template

__all__ = ["PlaqueView", "index_pages", "retired_html"]


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


def index_pages(
    folder: str,
    title: str,
    plaques: list[PlaqueView],
    sheets: dict[str, str] | None = None,
    per_page: int = 50,
) -> list[tuple[str, str]]:
    """The plaques index: every plaque ever issued, with its state, ``per_page`` a page
    (``<folder>/index.md``, then ``<folder>/trang-2/index.md`` …), and on the first page the PDF
    sheets (``{"A4": "in/bien-qr-a4.pdf"}``) published with the site. Returns
    ``(src_uri, markdown)`` pages.

    Raises:
        ValueError: when ``per_page`` is less than 1.
    """
    return [
        (
            pager.uri,
            render_template(
                "plaques_index.md",
                title=title,
                plaques=items,
                sheets=sheets or {},
                pager=pager,
                # the links of a view are relative to the folder; page k is one folder below
                base="" if pager.number == 1 else "../",
            ),
        )
        for pager, items in paginate(folder, plaques, per_page)
    ]


def retired_html(name: str, message: str, site_name: str, home: str) -> str:
    """The page a retired plaque's short URL shows: its name, the message, a link home.

    Args:
        home: the site's home page, relative to the page.
    """
    return render_template(
        "plaque_retired.html", plaque_name=name, message=message, site_name=site_name, home=home
    )
