"""PDF writing with WeasyPrint, for plaques (:mod:`langso.printing.sheets`) and the booklet
(:mod:`langso.booklet`).

WeasyPrint is imported only when a PDF is written, so the MkDocs plugins (which render HTML
only) do not need its system libraries.
"""

from __future__ import annotations

from typing import Any, NamedTuple

__all__ = ["Pdf", "write_pdf"]


class Pdf(NamedTuple):
    """A PDF document: its bytes and its number of pages."""

    data: bytes
    pages: int


def write_pdf(document: str, base_url: str | None = None) -> Pdf:
    """Lay out the HTML ``document`` with WeasyPrint and return the PDF.

    Only ``file:`` and ``data:`` resources are fetched: printing never touches the network, and a
    remote image is left out (WeasyPrint logs a warning) rather than making output depend on it.
    Relative URLs in ``document`` resolve against ``base_url``.

    Raises:
        OSError: when WeasyPrint's system libraries (Pango) cannot be loaded.
    """
    # Imported here: WeasyPrint needs system libraries (Pango) the site build does not.
    import weasyprint  # type: ignore[import-untyped]

    rendered = weasyprint.HTML(
        string=document, base_url=base_url, url_fetcher=_local_fetcher()
    ).render()
    data = rendered.write_pdf()
    assert isinstance(data, bytes)
    return Pdf(data, len(rendered.pages))


def _local_fetcher() -> Any:
    try:
        from weasyprint.urls import URLFetcher  # type: ignore[import-untyped]
    except ImportError:  # WeasyPrint < 68 takes a function
        from weasyprint import default_url_fetcher

        def fetch(url: str) -> Any:
            if not url.startswith(("file:", "data:")):
                raise ValueError(f"not fetched while printing: {url}")
            return default_url_fetcher(url)

        return fetch
    return URLFetcher(allowed_protocols=("file", "data"))
