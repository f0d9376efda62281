"""The commune booklet: the built site's pages gathered into one A5 PDF to print.

Pages are read from the built site (:func:`read_booklet_pages`), in the order of the site's
sections (:data:`DEFAULT_FOLDERS`); each carries a QR code: the permanent ``q/<id>/`` address of
its plaque when it has one (:func:`booklet_plaques`), else its page address, read in the hand
from :data:`langso.printing.BOOKLET_DISTANCE_M`. Lines that only work on the web (save to the
phone's contacts, downloads, a bare map link) are left out. The layout shares the print fonts and
PDF writer of :mod:`langso.printing`.
"""

from __future__ import annotations

import html as html_lib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

from langso.plaques.model import Plaque, short_path
from langso.printing import (
    BOOKLET_DISTANCE_M,
    FONT_FAMILY,
    Pdf,
    PrintError,
    QrSize,
    font_css,
    qr_size,
    write_pdf,
)
from langso.printing.fonts import fit_line, font_path, package_fonts_url
from langso.printing.layout import css_mm, symbol_svg
from langso.qr import ErrorCorrection, make_qr
from langso.render import render_template
from langso.text import sort_key

__all__ = [
    "DEFAULT_FOLDERS",
    "BookletFolder",
    "BookletPage",
    "booklet_folders",
    "booklet_html",
    "booklet_plaques",
    "read_booklet_pages",
    "render_booklet",
]


class BookletFolder(NamedTuple):
    """A folder of the built site printed as one part of the booklet.

    Attributes:
        path: the folder's URL path from the site root, without slashes (``dia-diem``).
        page_per_entry: start each page of the folder on a new sheet (``False`` lets short
            pages such as directory entries follow each other).
    """

    path: str
    page_per_entry: bool = True


def booklet_folders(services_dir: str = "danh-ba") -> tuple[BookletFolder, ...]:
    """The booklet's parts: landmarks (``dia-diem``), guides (``huong-dan``), then the services
    directory (``services_dir``, the ``langso/directory`` option), its entries run on."""
    return (
        BookletFolder("dia-diem"),
        BookletFolder("huong-dan"),
        BookletFolder(services_dir.strip("/"), page_per_entry=False),
    )


DEFAULT_FOLDERS = booklet_folders()
"""The landmarks, the guides and the services directory, in this order."""


@dataclass(frozen=True)
class BookletPage:
    """One page of the built site as the booklet prints it.

    Attributes:
        url: its URL from the site root (``dia-diem/dinh-lang-la-thon/``).
        title: the text of its first ``<h1>``.
        article: the inner HTML of its ``<article>``, as built.
        folder: the booklet folder it belongs to.
    """

    url: str
    title: str
    article: str
    folder: BookletFolder


_ARTICLE = re.compile(r"<article\b[^>]*>(.*)</article>", re.S)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_HEADERLINK = re.compile(r'<a\b[^>]*class="headerlink"[^>]*>.*?</a>', re.S)
_ATTR = re.compile(r'(\s)(href|src|id)="([^"]*)"')


def _page_url(site_dir: Path, path: Path) -> str:
    rel = path.relative_to(site_dir).as_posix()
    return rel.removesuffix("index.html") if rel.endswith("index.html") else rel


def _read_page(site_dir: Path, path: Path, folder: BookletFolder) -> BookletPage | None:
    text = path.read_text(encoding="utf-8")
    match = _ARTICLE.search(text)
    if match is None:
        return None  # a print page, a redirect stub: not a page of the guidebook
    article = match[1]
    heading = _H1.search(article) or re.search(r"<title>(.*?)</title>", text, re.S)
    title = ""
    if heading:
        text = html_lib.unescape(_TAG.sub("", _HEADERLINK.sub("", heading[1])))
        title = " ".join(_drop_symbols(text).split())  # the contents print in the same font
    return BookletPage(_page_url(site_dir, path), title, article, folder)


@cache
def _covered() -> frozenset[int]:
    """The code points the shipped regular font has glyphs for."""
    from fontTools.ttLib import TTFont  # installed with WeasyPrint

    with TTFont(str(font_path(400))) as font:
        return frozenset(font.getBestCmap())


def _drop_symbols(text: str) -> str:
    """Remove the symbols (emoji, arrows…) the shipped font has no glyph for.

    Category icons such as 🏛 would otherwise print as empty boxes, or in whatever emoji font
    the printing machine has. Letters are never removed.
    """
    covered = _covered()
    return "".join(
        c
        for c in text
        if ord(c) < 0x80
        or ord(c) in covered
        or not (unicodedata.category(c).startswith("S") or c in "\ufe0f\u200d")
    )


def read_booklet_pages(
    site_dir: Path, folders: Sequence[BookletFolder] = DEFAULT_FOLDERS
) -> list[BookletPage]:
    """Read the pages of ``folders`` from the built site ``site_dir``.

    In each folder: its index page first, then the pages its index links to, in the order of the
    links (the order the authors chose), then any other page of the folder (the directory's
    category pages…) in Vietnamese alphabetical order of title (:func:`langso.text.sort_key`; by
    URL they would follow the ASCII ids). Only HTML files with an ``<article>`` are pages (MkDocs
    with the Material theme puts the content there); print pages, redirect stubs and downloads
    are left out. Works with either ``use_directory_urls`` setting. A missing folder is skipped.
    """
    pages: list[BookletPage] = []
    for folder in folders:
        root = site_dir / folder.path
        if not root.is_dir():
            continue
        found: dict[str, BookletPage] = {}
        for path in sorted(root.rglob("*.html")):
            page = _read_page(site_dir, path, folder)
            if page is not None:
                found[page.url] = page
        index_url = f"{folder.path}/"
        index = found.pop(index_url, None)
        ordered: list[BookletPage] = []
        if index is not None:
            ordered.append(index)
            for href in re.findall(r'\shref="([^"#]+)', index.article):
                target = _site_relative(index.url, href)
                if target is not None and target in found:
                    ordered.append(found.pop(target))
        rest = sorted(found.values(), key=lambda page: (sort_key(page.title), page.url))
        ordered.extend(rest)
        pages.extend(ordered)
    return pages


def _site_relative(page_url: str, href: str) -> str | None:
    """The URL from the site root that ``href`` on ``page_url`` names, or ``None`` if outside."""
    joined = urlsplit(urljoin("http://site.invalid/" + page_url, href))
    if joined.netloc != "site.invalid":
        return None
    path = joined.path.lstrip("/")
    return path.removesuffix("index.html") if path.endswith("index.html") else path


@dataclass(frozen=True)
class _Section:
    anchor: str
    page: BookletPage
    live_url: str
    svg: str
    qr: QrSize
    url_pt: float
    heading: str
    body: str
    starts_folder: bool


def _rewrite(
    page: BookletPage, anchor: str, anchors: dict[str, str], site_dir: Path, site_url: str
) -> str:
    """Make a page's article stand alone in the booklet.

    Ids get the page's prefix (pages share heading ids); links to printed pages become links
    inside the PDF; other relative links become live URLs under ``site_url``; images point at
    their files in the site folder.
    """

    def replace(match: re.Match[str]) -> str:
        space, name, value = match[1], match[2], html_lib.unescape(match[3])
        if name == "id":
            return f'{space}id="{anchor}-{html_lib.escape(value)}"'
        target = _site_relative(page.url, value)
        fragment = urlsplit(value).fragment
        if target is None:
            return match[0]
        if name == "src":
            file = site_dir / target
            new = file.resolve().as_uri() if file.is_file() else site_url + target
        elif target in anchors:
            new = f"#{anchors[target]}-{fragment}" if fragment else f"#{anchors[target]}"
        else:
            new = site_url + target + (f"#{fragment}" if fragment else "")
        return f'{space}{name}="{html_lib.escape(new)}"'

    return _ATTR.sub(replace, page.article)


_REFRESH = re.compile(r'<meta http-equiv="refresh" content="\d+; url=([^"]+)"')


def booklet_plaques(site_dir: Path, site_url: str, plaques: Sequence[Plaque]) -> dict[str, str]:
    """Where each plaque in use leads in the built site: ``{page URL: "q/<id>/"}``.

    The booklet's code for such a page holds the plaque's permanent short address, which keeps
    working when the page is renamed (its target moves with ``trang``); a page URL printed in a
    booklet breaks then. Read from the built site, as the booklet is: the short address's
    redirect page (``q/<id>/index.html``, GitHub Pages) or its ``_redirects`` rule (other hosts).
    Plaques replaced (``thay_bang``) or taken down (``ngung``) are skipped; when two plaques
    lead to one page, the first in ``plaques`` wins.
    """
    base = urlsplit(site_url).path or "/"
    rules: dict[str, str] = {}
    with_rules = site_dir / "_redirects"
    if with_rules.is_file():
        for line in with_rules.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) >= 2 and not line.startswith("#") and parts[0].startswith(base):
                rules[parts[0].removeprefix(base)] = parts[1]
    found: dict[str, str] = {}
    for plaque in plaques:
        if plaque.replaced_by is not None or plaque.retired is not None:
            continue
        short = short_path(plaque.id)
        target: str | None = None
        for stub in (site_dir / short / "index.html", site_dir / f"{short.rstrip('/')}.html"):
            match = _REFRESH.search(stub.read_text(encoding="utf-8")) if stub.is_file() else None
            if match:
                stub_url = _page_url(site_dir, stub)
                target = _site_relative(stub_url, html_lib.unescape(match[1]))
                break
        if target is None and short in rules and rules[short].startswith(base):
            target = rules[short].removeprefix(base)
        if target is not None:
            found.setdefault(target, short)
    return found


# Lines that only mean something on a screen (saving a contact card, downloads, the way back to
# the index) are marked `langso-web-only` by the directory's templates: a table row holding one
# goes whole; a map link prints its coordinates, which a reader can type into a map app.
_WEB_ONLY_ROW = re.compile(
    r"<tr>(?:(?!</tr>).)*?class=\"[^\"]*\blangso-web-only\b(?:(?!</tr>).)*?</tr>", re.S
)
_WEB_ONLY_BLOCK = re.compile(
    r"<(p|div)\b[^>]*class=\"[^\"]*\blangso-web-only\b[^\"]*\"[^>]*>.*?</\1>", re.S
)
# The map link reads "Mở bản đồ" with its coordinates in its title: "Tọa độ 19.98, 105.64".
_MAP_LINK = re.compile(
    r"<a\b(?=[^>]*class=\"[^\"]*\blangso-map\b)[^>]*title=\"Tọa độ ([^\"]*)\"[^>]*>[^<]*</a>", re.S
)


def _for_paper(article: str) -> str:
    """``article`` without its screen-only lines, map links as their coordinates."""
    article = _WEB_ONLY_ROW.sub("", article)
    article = _WEB_ONLY_BLOCK.sub("", article)
    return _MAP_LINK.sub(lambda match: match[1].strip(), article)


def booklet_html(
    site_dir: Path,
    site_url: str,
    title: str,
    *,
    subtitle: str = "",
    folders: Sequence[BookletFolder] = DEFAULT_FOLDERS,
    distance_m: float = BOOKLET_DISTANCE_M,
    error_correction: ErrorCorrection = "M",
    plaques: Sequence[Plaque] = (),
) -> str:
    """The HTML of the booklet (template ``booklet.html``); see :func:`render_booklet`."""
    pages = read_booklet_pages(site_dir, folders)
    permanent = booklet_plaques(site_dir, site_url, plaques)
    if not pages:
        names = ", ".join(f"{f.path}/" for f in folders)
        raise PrintError(
            f"{site_dir}: không có trang nào trong {names} — hãy dựng trang web trước "
            "(`mkdocs build`) và chỉ đúng thư mục bằng --site",
            f"{site_dir}: no page in {names} — build the site first (`mkdocs build`) and point "
            "--site at its folder",
        )
    anchors = {page.url: f"p{number}" for number, page in enumerate(pages, start=1)}
    sections = []
    previous: BookletFolder | None = None
    for page in pages:
        live = site_url + permanent.get(page.url, page.url)
        symbol = make_qr(live, error_correction)
        anchor = anchors[page.url]
        qr = qr_size(symbol.size, distance_m)
        article = _drop_symbols(_for_paper(_rewrite(page, anchor, anchors, site_dir, site_url)))
        heading = _H1.search(article)
        split = heading.end() if heading else 0
        sections.append(
            _Section(
                anchor=anchor,
                page=page,
                live_url=live,
                svg=symbol_svg(symbol),
                qr=qr,
                # The URL line sits beside the floating code, under the page's title.
                url_pt=fit_line(live, _BOOKLET_TEXT_MM - qr.side_mm - 4, 7.5),
                heading=article[:split],
                body=article[split:],
                starts_folder=page.folder != previous,
            )
        )
        previous = page.folder
    home = make_qr(site_url, error_correction)
    return render_template(
        "booklet.html",
        title=title,
        subtitle=subtitle,
        site_url=site_url,
        site_url_pt=fit_line(site_url, _BOOKLET_TEXT_MM, 11),
        home_svg=symbol_svg(home),
        home_qr=qr_size(home.size, max(distance_m, 0.4)),
        sections=sections,
        font_family=FONT_FAMILY,
        font_faces=font_css(package_fonts_url()),
        mm=css_mm,
    )


def render_booklet(
    site_dir: Path,
    site_url: str,
    title: str,
    *,
    subtitle: str = "",
    folders: Sequence[BookletFolder] = DEFAULT_FOLDERS,
    distance_m: float = BOOKLET_DISTANCE_M,
    error_correction: ErrorCorrection = "M",
    plaques: Sequence[Plaque] = (),
) -> Pdf:
    """The commune booklet: an A5 PDF of the guidebook, built from the **already-built site**.

    It reads the ``<article>`` of each page in ``site_dir`` (see :func:`read_booklet_pages`), so
    it prints exactly what readers see online, generated directory pages included, and needs the
    site built first (``mkdocs build``) with the same ``site_url``.

    Layout: a title page (``title``, ``subtitle``, a QR code to the home page), a table of
    contents with page numbers, then each page with a small QR code leading to its live page
    (``site_url`` + its URL, or the permanent ``q/<id>/`` of the plaque in ``plaques`` leading
    there, see :func:`booklet_plaques`; sized by the 10:1 rule for ``distance_m``), the address
    in text, kept on one sheet with the page's title, and page numbers at the foot of every page
    but the first. Screen-only lines are left out (see :func:`_for_paper`), and symbols the
    shipped font lacks (category emoji) too.

    Args:
        site_dir: the built site folder.
        site_url: the site's published address, ending in ``/``.
        title: the village or guidebook name for the title page.
        subtitle: a line under the title (the commune and province).
        error_correction: ``M`` by default: the booklet is read indoors from a clean page, and a
            lower level keeps the symbols of long page URLs small.
        plaques: the registry's plaques (``langso.plaques.model.load_plaques``).

    Raises:
        PrintError: when ``site_dir`` holds none of the ``folders``' pages.
    """
    document = booklet_html(
        site_dir,
        site_url,
        title,
        subtitle=subtitle,
        folders=folders,
        distance_m=distance_m,
        error_correction=error_correction,
        plaques=plaques,
    )
    return write_pdf(document, base_url=site_dir.resolve().as_uri() + "/")


_BOOKLET_TEXT_MM = 148 - 2 * 14
"""Width of the booklet's text column, mm (A5 less the side margins in ``booklet.html``)."""
