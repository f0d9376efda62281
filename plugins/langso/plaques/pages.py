"""The plaques' pages on the site: the index, and the notice of a retired plaque."""

from __future__ import annotations

from dataclasses import dataclass, fields
from importlib.resources import files as package_files

from langso.cache import Recall, digest
from langso.listing import paginate
from langso.plaques.model import Plaque
from langso.render import render_template

__all__ = ["STYLESHEET", "PlaqueView", "index_pages", "plaques_stylesheet", "retired_html"]

STYLESHEET = "assets/langso/plaques.css"
"""The index's stylesheet, relative to the site root: one card a plaque that fits a phone."""


def plaques_stylesheet() -> str:
    """The text of :data:`STYLESHEET` (``langso/assets/plaques.css``)."""
    return package_files("langso").joinpath("assets/plaques.css").read_text("utf-8")


@dataclass(frozen=True)
class PlaqueView:
    """What the plaques index shows of one plaque; links are relative to the index page."""

    plaque: Plaque
    short_url: str
    short_link: str
    target_link: str | None
    status: str
    print_link: str | None = None
    """The plaque's A5 sheet on its print page (``in-1.html#a5-dinh``); ``None`` for a plaque
    no longer in use."""


def index_pages(
    folder: str,
    title: str,
    plaques: list[PlaqueView],
    sheets: dict[str, str] | None = None,
    per_page: int = 50,
) -> list[tuple[str, str]]:
    """The plaques index: every plaque ever issued, one card each (its place, its state, the
    short address printed on it, the link to its print page with its QR code), ``per_page`` a page
    (``<folder>/index.md``, then ``<folder>/trang-2/index.md`` …), and on the first page the PDF
    sheets (``{"A4": "in/bien-qr-a4.pdf"}``) published with the site. Returns
    ``(src_uri, markdown)`` pages.

    Raises:
        ValueError: when ``per_page`` is less than 1.
    """
    key = digest(folder, title, sheets, per_page, [_view_data(v) for v in plaques])
    _INDEXES.new_round()
    return list(_INDEXES.get(key, lambda: _index_pages(folder, title, plaques, sheets, per_page)))


def _view_data(view: PlaqueView) -> list[object]:
    """Every field of ``view`` as JSON data, for keys."""
    rest = [getattr(view, f.name) for f in fields(PlaqueView) if f.name != "plaque"]
    return [view.plaque.model_dump(mode="json"), *rest]


_INDEXES: Recall[tuple[tuple[str, str], ...]] = Recall("plaque-indexes")
"""The index pages made by the earlier builds of this process, by a digest of every input."""


def _index_pages(
    folder: str, title: str, plaques: list[PlaqueView], sheets: dict[str, str] | None, per_page: int
) -> tuple[tuple[str, str], ...]:
    return tuple(
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
    )


def retired_html(name: str, message: str, site_name: str, home: str) -> str:
    """The page a retired plaque's short URL shows: its name, the message, a link home.

    Args:
        home: the site's home page, relative to the page.
    """
    return render_template(
        "plaque_retired.html", plaque_name=name, message=message, site_name=site_name, home=home
    )
