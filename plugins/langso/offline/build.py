"""The offline outputs as pure functions of the built site: no MkDocs import.

- :func:`build_manifest`: every page and core asset with its byte size and content digest; the
  digest of them all is the ``version`` that names the worker's cache, so a build that changes
  any byte of a page or an asset gets a new cache and the old one is deleted.
- :func:`service_worker_js`: the worker (``assets/sw.js``) with the manifest written into it, so
  a new build is a new worker (the browser compares the bytes of ``sw.js``).
- :func:`offline_page_html`, :func:`webmanifest_json`, :func:`icon_png`: the page shown for an
  unvisited page without signal, the web app manifest and its icons (deterministic PNGs).
- :func:`referenced_assets`, :func:`offline_edits`: what a page loads, and the markup added to it.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import os
import posixpath
import re
import sys
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from PIL import Image, ImageColor, ImageDraw

from langso.edits import Edit, apply_edits
from langso.pageassets import references

__all__ = [
    "ICON_URIS",
    "MANIFEST_URI",
    "MAP_SCRIPT_URI",
    "MISSING_PAGE_URI",
    "OFFLINE_PAGE_URI",
    "SCRIPT_URI",
    "SW_URI",
    "WEBMANIFEST_URI",
    "FileIdentity",
    "build_manifest",
    "format_size",
    "html_addresses",
    "icon_png",
    "inject_offline",
    "missing_page_html",
    "offline_edits",
    "offline_page_html",
    "referenced_assets",
    "service_worker_js",
    "short_name_for",
    "webmanifest_json",
]

SW_URI = "sw.js"
"""At the site root: a worker's scope is at most its own folder."""
MANIFEST_URI = "assets/langso/offline.json"
SCRIPT_URI = "assets/langso/offline.js"
MAP_SCRIPT_URI = "assets/langso/offline-map.js"
"""The base map's choice when saving, loaded by offline.js only on a site with a base map."""
WEBMANIFEST_URI = "manifest.webmanifest"
OFFLINE_PAGE_URI = "assets/langso/mat-mang.html"
MISSING_PAGE_URI = "assets/langso/khong-co-trang.html"
"""Shown without signal for an address that is no page of the site (the worker knows them all)."""
ICON_URIS = {192: "assets/langso/icon-192.png", 512: "assets/langso/icon-512.png"}
ROOT_PLACEHOLDER = "../../"
"""The offline page's link home: right for the file itself (``assets/langso/`` → the root); the
worker replaces it with its scope, since it serves the page in place of one at any depth."""

_ASSET_RELS = {"stylesheet", "icon", "shortcut", "manifest", "apple-touch-icon", "preload"}


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def format_size(size: int) -> str:
    """The size as a Vietnamese reader reads it: ``850 KB``, ``1,2 MB`` (decimal comma)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    megabytes = f"{size / (1024 * 1024):.1f}".replace(".", ",")
    return f"{megabytes.removesuffix(',0')} MB"


def _resolve(page_url: str, ref: str) -> str | None:
    """The site-relative path of ``ref`` as written in the page at ``page_url``, or ``None``.

    Interned: every page names the same few files, kept once however many pages hold them (not
    remembered by ``(page_url, ref)``: each page of a large site has its own folder, so such a
    memo served no other page and held a path per file per page)."""
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    path = posixpath.normpath(posixpath.join(base, parts.path))
    if path == "." or path.startswith(".."):
        return None
    return sys.intern(path)


def referenced_assets(page_html: str, page_url: str) -> set[str]:
    """Site-relative paths of the stylesheets, scripts, icons and manifest a page loads."""
    # With <noscript> ones: the full stylesheets the reader's first tap loads are core assets.
    refs = [r.url for r in references(page_html) if r.tag == "script" or r.rels & _ASSET_RELS]
    folder = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    folder = folder if folder.endswith("/") or not folder else folder + "/"
    return {path for ref in refs if (path := _resolve(folder, ref)) is not None}


FileIdentity = tuple[int, int, int, int]
"""A file's inode, size, and modification and change times (ns): it holds the bytes it had
when last read as long as none of them changed (a rewrite, even in place and of the same size,
moves the times; two builds are far more than a clock tick apart)."""


def _entry(
    site_dir: Path,
    url: str,
    path: str,
    known: dict[str, tuple[FileIdentity, int, str]] | None = None,
) -> dict[str, Any]:
    full = os.path.join(site_dir, path)  # every page, every build: no pathlib
    identity: FileIdentity | None = None
    if known is not None:
        status = os.stat(full)
        identity = (status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)
        seen = known.get(path)
        if seen is not None and seen[0] == identity:
            return {"url": url, "bytes": seen[1], "digest": seen[2]}
    with open(full, "rb") as file:
        data = file.read()
    size, digest = len(data), _digest(data)
    if known is not None and identity is not None:
        known[path] = (identity, size, digest)
    return {"url": url, "bytes": size, "digest": digest}


def build_manifest(
    site_dir: Path,
    pages: Mapping[str, str],
    assets: Iterable[str],
    *,
    timeout_ms: int = 4000,
    addresses: Iterable[str] = (),
    redirects: Mapping[str, str] | None = None,
    data: Iterable[str] = (),
    basemap: str | None = None,
    known: dict[str, tuple[FileIdentity, int, str]] | None = None,
) -> dict[str, Any]:
    """The offline manifest of a built site.

    Args:
        site_dir: the built site.
        pages: page URL (relative to the site root, ``""`` for the home page) → its file there.
        assets: site-relative paths of the core assets to precache; those missing are left out.
        timeout_ms: how long the worker waits for the network before serving a saved page.
        addresses: other HTML files of the site that a reader may open (a plaque's short
            address ``q/dinh/``, print pages): not saved, but known to exist, so that without
            signal they are "not saved yet" rather than "no such page" (``known``).
        redirects: redirect stubs among them (a plaque's short address), address → file:
            saved with the pages when the reader saves everything, so that a plaque scanned
            without signal still leads to its saved page; not counted as pages.
        data: site-relative paths of files the pages' scripts fetch (the search index):
            saved with the pages when the reader saves everything, not when the worker
            installs (they grow with the site); those missing are left out.
        basemap: site-relative path of the map's base-map file (``ban-do/nen.pmtiles``), if
            any: offered apart ("Bản đồ nền: 3,2 MB", a choice), never counted in
            ``total_bytes``; its ``digest`` names the worker's cache of its byte ranges
            (``basemap`` in the manifest: ``{url, bytes, label, digest}`` or ``None``).
        known: the size and digest of each file (site-relative path) as last read, with its
            identity then (:data:`FileIdentity`), kept by the caller between the builds of
            one process and updated here: a file whose identity is unchanged is not read
            again (a dirty build rewrites only the pages that changed). ``None``: read all.
    """
    redirects = redirects or {}
    page_entries = [_entry(site_dir, url, pages[url], known) for url in sorted(pages)]
    stub_entries = [_entry(site_dir, url, redirects[url], known) for url in sorted(redirects)]
    data_entries = [
        _entry(site_dir, path, path, known)
        for path in sorted(set(data))
        if (site_dir / path).is_file()
    ]
    files = set(pages.values()) | set(redirects.values())
    precache = sorted(
        a
        for a in set(assets) | {OFFLINE_PAGE_URI, MISSING_PAGE_URI}
        if a not in files and (site_dir / a).is_file()
    )
    asset_entries = [_entry(site_dir, path, path, known) for path in precache]
    entries = page_entries + stub_entries + data_entries + asset_entries
    total = sum(e["bytes"] for e in entries)
    version = _digest(
        json.dumps([[e["url"], e["digest"]] for e in entries] + [timeout_ms]).encode()
    )
    base = None
    if basemap and (site_dir / basemap).is_file():
        base = _entry(site_dir, basemap, basemap)
        base["label"] = format_size(base["bytes"])
    return {
        "basemap": base,
        "version": version,
        "total_bytes": total,
        "total_label": format_size(total),
        "offline_page": OFFLINE_PAGE_URI,
        "missing_page": MISSING_PAGE_URI,
        "known": sorted(set(addresses) - set(pages) - set(redirects)),
        "redirects": stub_entries,
        "data": data_entries,
        "timeout_ms": timeout_ms,
        "pages": page_entries,
        "precache": asset_entries,
    }


def dumps_manifest(manifest: Mapping[str, Any]) -> str:
    """The manifest as stable JSON text."""
    return json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def service_worker_js(manifest: Mapping[str, Any]) -> str:
    """The worker with ``manifest`` written into it."""
    template = package_files("langso.offline").joinpath("assets/sw.js").read_text("utf-8")
    data = json.dumps(manifest, ensure_ascii=False, sort_keys=True)
    return template.replace("__LANGSO_MANIFEST__", data)


def html_addresses(dest_uris: Iterable[str]) -> set[str]:
    """The addresses of built HTML files (``q/dinh/index.html`` → ``q/dinh/``), site-relative,
    the offline page and the page for a missing address left out."""
    out = set()
    for uri in dest_uris:
        if not uri.endswith(".html") or uri in (OFFLINE_PAGE_URI, MISSING_PAGE_URI):
            continue
        out.add(uri.removesuffix("index.html"))
    return out


# The reader's size (A−…A+, ``--langso-scale`` in reader.css) applies here too, from 18 px.
_PAGE_STYLE = """html{{--s:1}}html[data-langso-size="-1"]{{--s:.9}}
html[data-langso-size="1"]{{--s:1.2}}html[data-langso-size="2"]{{--s:1.4}}html[data-langso-size="3"]{{--s:1.6}}
body{{font-family:system-ui,sans-serif;font-size:calc(1.15rem*var(--s));line-height:1.5;margin:0;
padding:1.5rem 1rem;color:#1a1a1a;background:#fff;max-width:36rem;overflow-wrap:anywhere}}
h1{{font-size:1.4em;line-height:1.25}}a{{color:#2a3c9e}}
ul{{padding:0;list-style:none}}a{{display:inline-flex;align-items:center;min-height:48px}}"""

# The size the reader chose on the site (kept under the site root's path + ``langso.size``, as
# reader/markup.py ``head_script`` keeps it), read through the home link: the worker rewrites
# its ``../../`` to its scope, the site root, wherever the page is served.
_SIZE_SCRIPT = (
    "<script>try{var h=document.getElementById('langso-home'),"
    "s=localStorage.getItem(new URL(h.getAttribute('href'),location).pathname+'langso.size');"
    "if(s&&s!=='0')document.documentElement.setAttribute('data-langso-size',s)}catch(e){}"
    "</script>"
)


def _standalone(title: str, body: str) -> str:
    return f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
{_PAGE_STYLE.format()}
</style>
</head>
<body>
<main>
{body}
</main>
{_SIZE_SCRIPT}
</body>
</html>
"""


def offline_page_html(site_name: str) -> str:
    """The page served, without signal, for a page of the site not saved yet: standalone,
    Vietnamese. Its links are relative to :data:`ROOT_PLACEHOLDER` (the worker fixes them)."""
    name = html.escape(site_name)
    return _standalone(
        f"Không có mạng · {name}",
        f"""<h1>Đang mất mạng</h1>
<p>Trang này chưa được lưu trên máy nên chưa mở được khi không có mạng.</p>
<p>Những trang đã mở trước đây vẫn đọc được. Khi có sóng trở lại, hãy tải lại trang.</p>
<p>Mẹo: lúc có mạng, bấm nút <strong>Lưu để đọc khi mất mạng</strong> ở đầu trang để lưu cả
cuốn sổ tay vào máy.</p>
<p><a href="{ROOT_PLACEHOLDER}" id="langso-home">Về trang chủ {name}</a></p>""",
    )


def missing_page_html(site_name: str, search_link: str | None) -> str:
    """The page served, without signal, for an address that is no page of the saved site (a
    mistyped or old link, or a page published after it was saved — a new notice shared on Zalo):
    standalone, Vietnamese, with links home and to the search page.

    Args:
        search_link: the search page relative to the site root (``tim-kiem/``), if any.
    """
    name = html.escape(site_name)
    search = (
        f'<li><a href="{ROOT_PLACEHOLDER}{html.escape(search_link)}">Tìm trong sổ tay</a></li>\n'
        if search_link
        else ""
    )
    return _standalone(
        f"Không có trang này · {name}",
        f"""<h1>Không có trang này trong bản đã lưu</h1>
<p>Bản sổ tay {name} lưu trên máy không có trang nào ở địa chỉ này. Có thể đây là trang mới đăng
(một thông báo mới chẳng hạn): khi có sóng, hãy mở lại địa chỉ này. Cũng có thể địa chỉ bị gõ
sai, hoặc trang đã đổi chỗ.</p>
<p>Máy đang mất mạng, nhưng những trang đã lưu vẫn đọc được:</p>
<ul>
<li><a href="{ROOT_PLACEHOLDER}" id="langso-home">Về trang chủ {name}</a></li>
{search}</ul>""",
    )


def short_name_for(site_name: str, limit: int = 12) -> str:
    """A short name for the home screen: whole words of ``site_name`` up to ``limit`` letters."""
    words: list[str] = []
    for word in site_name.split():
        if len(" ".join([*words, word])) > limit:
            break
        words.append(word)
    return " ".join(words) or site_name[:limit]


def webmanifest_json(
    name: str, short_name: str, theme_color: str, background_color: str, description: str = ""
) -> str:
    """The web app manifest; its URLs are relative to its own place, the site root."""
    data: dict[str, Any] = {
        "name": name,
        "short_name": short_name,
        "lang": "vi",
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": theme_color,
        "background_color": background_color,
        "icons": [
            {
                "src": uri,
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": "any maskable",
            }
            for size, uri in sorted(ICON_URIS.items())
        ],
    }
    if description:
        data["description"] = description
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


@lru_cache(maxsize=8)  # drawn once a process: mkdocs serve writes them every build
def icon_png(size: int, background: str, foreground: str = "#ffffff") -> bytes:
    """A square icon: a house on the theme colour, drawn inside the maskable safe zone."""
    image = Image.new("RGB", (size, size), ImageColor.getrgb(background))
    draw = ImageDraw.Draw(image)
    fg = ImageColor.getrgb(foreground)
    u = size / 10  # the safe zone of a maskable icon is the middle 80 %: draw within 2..8
    draw.polygon([(2.6 * u, 5 * u), (5 * u, 2.6 * u), (7.4 * u, 5 * u)], fill=fg)  # roof
    draw.rectangle([3.3 * u, 5 * u, 6.7 * u, 7.4 * u], fill=fg)  # walls
    draw.rectangle([4.5 * u, 6 * u, 5.5 * u, 7.4 * u], fill=ImageColor.getrgb(background))  # door
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


# The offer's look, inline: it must be right before the theme's stylesheet arrives, and no
# stylesheet of the site knows it. When the offer will show under the toolbar (JavaScript on,
# service workers available, not yet saved or put off: class ``langso-offer``, set in <head>
# before the first paint), it shows from the first paint, buttons and all (they answer once the
# deferred script has run; saving waits for the worker): no empty band is held for it, and
# nothing moves when the script takes it over. Its text follows the reader's size
# (``--langso-scale``, reader.css): the question and its answers as the page's text, the offer's
# row up to 20 px.
_OFFER_STYLE = (
    "<style>"
    ".langso-offline{box-sizing:border-box;max-width:61rem;margin:0 auto;padding:.2rem .8rem;"
    # Up to 20 px: at A+ max a larger row would take the first screen's middle.
    "font-size:calc(.8rem*min(var(--langso-scale,1),1.25));line-height:1.3;"
    "overflow-wrap:anywhere}"
    ".langso-offline[hidden],.langso-offline [hidden]{display:none}"
    ".langso-offer .langso-offline--top[hidden]{display:block}"
    ".langso-offline__row{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}"
    ".langso-offline button{box-sizing:border-box;min-height:48px;min-width:48px;"
    "padding:.2em .7em;border:1px solid currentcolor;border-radius:.2rem;"
    "background:var(--md-default-bg-color,#fff);color:inherit;font:inherit;font-weight:700}"
    # One row at any size: the offer's label wraps inside its button rather than pushing
    # "Để sau" onto a second row (120 px of the first screen at A+ max).
    ".langso-offline .langso-offline__save{flex:1 1 0;min-width:0;text-align:left}"
    ".langso-offline .langso-offline__later{flex:0 0 auto}"
    ".langso-offline .langso-offline__yes{background:var(--md-primary-fg-color,#4051b5);"
    "color:var(--md-primary-bg-color,#fff)}"
    ".langso-offline__status{margin:.3em 0 0}.langso-offline__status:empty{display:none}"
    # The question and its answers as large as the page's text (.9rem, reader.css).
    ".langso-offline__status,.langso-offline__confirm{font-size:calc(.9rem*var(--langso-scale,1))}"
    ".langso-offline__progress{width:100%}"
    "</style>"
)


@lru_cache(maxsize=64)  # pages at one depth share them
def _offline_snippets(root: str, theme_color: str, label: str) -> tuple[str, str]:
    """The ``<head>`` links and the save box of :func:`offline_edits`."""
    key = f"{root}langso.offline"
    head = (
        f'<link rel="manifest" href="{root}{WEBMANIFEST_URI}">'
        f'<meta name="theme-color" content="{html.escape(theme_color)}">'
        f'<link rel="apple-touch-icon" href="{root}{ICON_URIS[192]}">'
        "<script>try{if('serviceWorker' in navigator&&!localStorage.getItem("
        f"new URL('{key}',location).pathname))"
        "document.documentElement.classList.add('langso-offer')}catch(e){}</script>"
        f"{_OFFER_STYLE}"
    )
    box = (
        '<div class="langso-offline langso-offline--top" id="langso-offline" role="region"'
        f' aria-label="Đọc khi mất mạng" data-root="{root}" hidden>'
        '<div class="langso-offline__row">'
        f'<button type="button" class="langso-offline__save">{html.escape(label)}</button>'
        '<button type="button" class="langso-offline__later">Để sau</button></div>'
        '<p class="langso-offline__status" role="status" aria-live="polite"></p>'
        '<div class="langso-offline__row langso-offline__confirm" hidden>'
        '<button type="button" class="langso-offline__yes">Lưu</button>'
        '<button type="button" class="langso-offline__no">Thôi</button></div>'
        '<progress class="langso-offline__progress" max="1" value="0" hidden></progress>'
        "</div>"
        f'<script src="{root}{SCRIPT_URI}" defer></script>'
    )
    return head, box


_CONTAINER = '<div class="md-container"'


def offline_edits(page_html: str, root: str, theme_color: str, label: str) -> list[Edit]:
    """Link the manifest in ``<head>`` (else first); add the (hidden) save box where a reader
    sees it: under the header and the reader's toolbar, before Material's ``md-container``
    (else at the start of ``<body>``, else first).

    ``root`` is the site root relative to the page (``./``, ``../../``). The box is hidden
    without JavaScript, where service workers are unavailable, and once saved or put off (then
    the script shows it at the end of the article): the reader never sees a button that cannot
    work. Where it will show under the toolbar it shows from the first paint (``langso-offer``,
    see ``_OFFER_STYLE``): no empty band, no shift.
    """
    head, box = _offline_snippets(root, theme_color, label)
    head_at = page_html.rfind("</head>")
    head_edit = Edit(head_at, head_at, head) if head_at != -1 else Edit(0, 0, head, after=True)
    box_at = page_html.find(_CONTAINER)
    if box_at != -1:
        return [head_edit, Edit(box_at, box_at, box)]
    body = re.search(r"<body\b[^>]*>", page_html)
    at = body.end() if body else 0
    return [head_edit, Edit(at, at, box, after=True)]


def inject_offline(page_html: str, root: str, theme_color: str, label: str) -> str:
    """:func:`offline_edits` made."""
    return apply_edits(page_html, offline_edits(page_html, root, theme_color, label))
