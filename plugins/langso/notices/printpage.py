"""A notice on one A4 page for the cultural house's board (``thong-bao/in/<stem>/``, issue 15).

Big title, kind ("⚠ KHẨN" for an urgent one), when and by whom it was posted, its expiry, the
text, and a QR code of the notice's permanent address (:mod:`langso.qr`, inline SVG) with the
address written out. The text's size shrinks with its length so the usual notice fits one page.
Paper has no links: each link to another site gets its address written after its text
(:func:`show_addresses`), unless the text already is that address.
The page is ``noindex``: it is not a page of the site (no search, no offline copy).

Plain Python: no MkDocs import.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from urllib.parse import unquote

from langso.escaping import html_text, plain_text
from langso.notices.model import Notice
from langso.notices.pages import expiry_label, posted_label
from langso.qr import make_qr
from langso.render import render_template

__all__ = ["print_html", "short_address", "show_addresses", "text_sizes"]

_H1 = re.compile(r"<h1\b.*?</h1\s*>", re.IGNORECASE | re.DOTALL)
_EXTERNAL = re.compile(
    r"(<a\b[^>]*?\bhref=\"(https?://[^\"]+)\"[^>]*>)(.*?)(</a\s*>)", re.IGNORECASE | re.DOTALL
)


def short_address(href: str) -> str:
    """The address of ``href`` (an ``http(s)`` URL, as written in an attribute: entities
    encoded) as a reader types it: without ``https://``, without a lone trailing ``/``,
    percent-encoded letters decoded.

    >>> short_address("https://nchmf.gov.vn/")
    'nchmf.gov.vn'
    >>> short_address("https://example.vn/tin?id=1&amp;p=2")
    'example.vn/tin?id=1&p=2'
    """
    url = unquote(html.unescape(href))
    url = re.sub(r"^https?://", "", url, flags=re.IGNORECASE)
    return url[:-1] if url.endswith("/") and url.count("/") == 1 else url


def show_addresses(body_html: str) -> str:
    """``body_html`` with ``<span class="href"> (address)</span>`` after each link to another
    site (``http``/``https``), the address as :func:`short_address` writes it, escaped once;
    a link whose text already is its address is left alone."""

    def add(match: re.Match[str]) -> str:
        opening, href, inner, closing = match.groups()
        address = short_address(href)
        said = re.sub(r"^https?://", "", plain_text(inner).strip(), flags=re.IGNORECASE)
        if said.rstrip("/").casefold() == address.rstrip("/").casefold():
            return match.group(0)
        return f'{opening}{inner}{closing}<span class="href"> ({html_text(address)})</span>'

    return _EXTERNAL.sub(add, body_html)


def text_sizes(body_html: str) -> tuple[int, int]:
    """``(text_pt, title_pt)``: the sizes in points that keep a text of this length on one A4
    page with the title, the header lines and the QR code."""
    length = len(plain_text(body_html))
    if length < 500:
        return 16, 32
    if length < 1000:
        return 13, 28
    if length < 1800:
        return 11, 24
    return 9, 20


def print_html(
    notice: Notice,
    body_html: str,
    url: str | None,
    base: str,
    now: dt.datetime,
    village: str | None = None,
) -> str:
    """The print page of ``notice``.

    Args:
        body_html: the notice page's HTML as MkDocs rendered it (its ``<h1>`` is left out).
        url: the notice's permanent absolute address (``site_url`` + its URL), encoded in the
            QR code; ``None`` without ``site_url`` (no QR code, the relative link written).
        base: the link from the print page to the notice's page, the ``<base>`` of the text's
            own relative links and images.
        now: the build's moment, to say "Đã hết hạn" on an expired notice.
        village: the village's full name, or ``None``.
    """
    body = show_addresses(_H1.sub("", body_html, count=1))
    text_pt, title_pt = text_sizes(body)
    qr = make_qr(url).svg(f"Mã QR: {url}") if url else None
    return render_template(
        "notices_print.html",
        notice=notice,
        title=notice.title,
        posted=posted_label(notice),
        expires=expiry_label(notice.expires) if notice.expires else None,
        expired=notice.is_expired(now),
        body=body,
        qr=qr,
        url=url or base,
        base=base,
        village=village,
        text_pt=text_pt,
        title_pt=title_pt,
    )
