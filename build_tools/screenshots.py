#!/usr/bin/env python3
"""Screenshots of each page type on a 360 × 740 phone, at the smallest, default and largest
font size, so a person can look at what a reader sees.

    .venv/bin/python build_tools/screenshots.py [OUTPUT_DIR] [--site SITE_DIR] [--prefix /PATH/]
                                                [--full] [--font PX]

Needs the test extras (Playwright): ``python3 build_tools/dev.py test`` installs them into
``.venv``; without them the script says so and stops. Uses the system's Chromium (Debian's
``chromium``), as the browser tests do (``tests/browser.py``).

Builds the sample village (``mkdocs.yml``) unless ``--site`` names a built site, serves it under
its sub-path as GitHub Pages would, and writes ``OUTPUT_DIR/<page>-<size>.png`` (default
``screenshots/``): ``size`` is ``a-minus`` (A−), ``a`` (default) and ``a-plus-max`` (A+ pressed
until it stops). The first screen only, as the phone shows it on arrival, unless ``--full``.

The sample is built on a fixed day (``SOURCE_DATE_EPOCH``, :data:`FIXED_MOMENT` unless set) and
the browser's clock is fixed to the same moment, so what the build judged (a notice's expiry,
the agenda's next dates) and what the pages' scripts judge again agree in every screenshot.
Page types the site does not have (the notices, the calendar) are skipped, and said so.

The sub-path (``--prefix``) defaults to the path of the site's ``site_url``, read from the built
site's ``sitemap.xml`` (else the home page's canonical link; else ``/lang-so/``, the sample's).
With ``--site``, a page type of :data:`PAGES` whose page the site does not have is replaced by
the first page of the same type (:data:`EQUIVALENTS`: a page under ``dia-diem/``,
``huong-dan/``, a ``danh-ba/`` entry with its ``.vcf``…), or skipped; both are printed.

``--font PX`` sets the phone's own default text size (Chrome's is 16 px; a reader who made the
phone's text larger has 20 or 24), through the DevTools protocol as the phone's setting does;
the files are then named ``<page>-<size>-<PX>px.png``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

from tests.browser import launch, serve  # noqa: E402

PREFIX = "/lang-so/"
"""The sample's sub-path (``site_url: https://example.github.io/lang-so/``): the fallback."""
VIEWPORT = {"width": 360, "height": 740}
PAGES = {
    "home": "",
    "about": "lang-so/",
    "landmark": "dia-diem/dinh-lang-la-thon/",
    "places": "dia-diem/",
    "guide": "huong-dan/vneid-muc-1/",
    "guides": "huong-dan/",
    "directory": "danh-ba/",
    "category": "danh-ba/y-te/",
    "service": "danh-ba/tram-y-te-xa-yen-dinh/",
    "shop-vietqr": "danh-ba/tap-hoa-mau-so-1-du-lieu-mau/",
    "search": "tim-kiem/?q=dinh+lang",
    "plaques": "bien-qr/",
    "notices": "thong-bao/",
    "notice": "thong-bao/2026-11-29-canh-bao-bao/",
    "notice-expired": "thong-bao/2026-11-18-dang-ky-giong-lua-vu-xuan/",
    "loudspeaker": "thong-bao/loa/",
    "agenda": "lich/",
    "event": "lich/tet-nguyen-dan/",
    "tours": "tuyen-tham-quan/",
    "tour": "tuyen-tham-quan/ba-ngoi-dinh/",
    "tour-print": "tuyen-tham-quan/in/ba-ngoi-dinh/",
    "map": "ban-do/",
    "404": "khong-co-trang-nay/",
}
SIZES = {"a-minus": -1, "a": 0, "a-plus-max": 3}
"""Reader sizes as ``reader.js`` stores them (``MIN`` −1, ``MAX`` 3)."""
FIXED_MOMENT = 1795996800
"""The moment the sample is built and shot at, in seconds since 1970: 2026-11-30 07:00 in
Viet Nam, the tests' build day (``tests/conftest.py``, ``BUILD_DAY``)."""


def shot_moment() -> int:
    """``SOURCE_DATE_EPOCH`` when set (and a whole number), else :data:`FIXED_MOMENT`."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(epoch) if epoch.isdigit() else FIXED_MOMENT


def build_sample(site_dir: Path) -> None:
    """Build the repository's own ``mkdocs.yml`` into ``site_dir``."""
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.environ["SOURCE_DATE_EPOCH"] = str(shot_moment())
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


NO_PLAYWRIGHT = (
    "Thiếu Playwright (phần dùng để kiểm thử): chạy `python3 build_tools/dev.py test` một lần để "
    "cài vào .venv, rồi chạy lại bằng .venv/bin/python.\n"
    "    (en) Playwright is missing (a test extra): run `python3 build_tools/dev.py test` once to "
    "install it into .venv, then run this script with .venv/bin/python."
)


def _html(site_dir: Path, page: str) -> str:
    path = site_dir / page / "index.html"
    return path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""


def _is_entry(site_dir: Path, page: str) -> bool:
    """A directory entry's page: ``danh-ba/<x>/`` published with its ``danh-ba/<x>.vcf``."""
    return (site_dir / f"{page.rstrip('/')}.vcf").is_file()


_EXPIRED = re.compile(r'class="langso-notice-head [^"]*\blangso-expired\b')
"""The block under a notice's title, as the build wrote it for an expired notice."""

EQUIVALENTS: dict[str, tuple[str, Callable[[Path, str], bool]]] = {
    "landmark": ("dia-diem", lambda site, page: "langso-cards" not in _html(site, page)),
    "guide": ("huong-dan", lambda site, page: "langso-cards" not in _html(site, page)),
    "service": ("danh-ba", _is_entry),
    "shop-vietqr": (
        "danh-ba",
        lambda site, page: _is_entry(site, page) and "langso-vietqr" in _html(site, page),
    ),
    "category": ("danh-ba", lambda site, page: not _is_entry(site, page)),
    "notice": ("thong-bao", lambda site, page: "langso-notice-head" in _html(site, page)),
    "notice-expired": (
        "thong-bao",
        lambda site, page: _EXPIRED.search(_html(site, page)) is not None,
    ),
    "event": ("lich", lambda site, page: True),
    "tour": ("tuyen-tham-quan", lambda site, page: "langso-tour-steps" in _html(site, page)),
    "tour-print": ("tuyen-tham-quan/in", lambda site, page: True),
}
"""Page types the sample names by one of its own pages: where to look for another site's
(a folder) and what makes a page of that folder one of that type."""

_LOC = re.compile(r"<loc>\s*([^<\s]+)\s*</loc>")
_CANONICAL = re.compile(r"<link\b[^>]*\brel=[\"']?canonical\b[^>]*>", re.IGNORECASE)
_HREF = re.compile(r"\bhref=[\"']?([^\"'\s>]+)", re.IGNORECASE)


def site_prefix(site_dir: Path) -> str | None:
    """The path of the built site's ``site_url`` (``/lang-so/``): the shortest ``<loc>`` of
    ``sitemap.xml`` (the home page), else the home page's canonical link; ``None`` if neither."""
    sitemap = site_dir / "sitemap.xml"
    text = sitemap.read_text(encoding="utf-8", errors="replace") if sitemap.is_file() else ""
    urls = _LOC.findall(text)
    if not urls:
        link = _CANONICAL.search(_html(site_dir, ""))
        href = _HREF.search(link.group(0)) if link is not None else None
        urls = [href.group(1)] if href is not None else []
    if not urls:
        return None
    path = urlsplit(min(urls, key=len)).path or "/"
    return path if path.endswith("/") else path.rsplit("/", 1)[0] + "/"


def _exists(site_dir: Path, path: str) -> bool:
    if path == PAGES["404"]:
        return (site_dir / "404.html").is_file()
    return bool(_html(site_dir, path.split("?", 1)[0]))


def pages_of(site_dir: Path) -> tuple[dict[str, str], list[str]]:
    """The page of each type of :data:`PAGES` that ``site_dir`` has, and notes on the types
    replaced by an equivalent page or skipped (Vietnamese / English)."""
    chosen: dict[str, str] = {}
    notes: list[str] = []
    for name, path in PAGES.items():
        if _exists(site_dir, path):
            chosen[name] = path
            continue
        folder, fits = EQUIVALENTS.get(name, ("", lambda site, page: False))
        root = site_dir / folder if folder else None
        listed = root.iterdir() if root is not None and root.is_dir() else iter(())
        candidates = sorted(p.name for p in listed if p.is_dir())
        other = next(
            (f"{folder}/{c}/" for c in candidates
             if _html(site_dir, f"{folder}/{c}/") and fits(site_dir, f"{folder}/{c}/")),
            None,
        )  # fmt: skip
        if other is not None:
            chosen[name] = other
            notes.append(f"{name}: không có {path}, chụp {other} / no {path}, shooting {other}")
        else:
            notes.append(f"{name}: bỏ qua, trang web không có {path} / skipped: no {path}")
    return chosen, notes


def shoot(
    site_dir: Path,
    out: Path,
    full: bool,
    prefix: str = PREFIX,
    pages: dict[str, str] | None = None,
    font: int = 16,
) -> list[Path]:
    """Write one PNG per page (``pages``: type → path under ``prefix``; default :data:`PAGES`)
    and size, with the phone's default text at ``font`` px; return their paths.

    Raises:
        SystemExit: Playwright is not installed (:data:`NO_PLAYWRIGHT`).
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise SystemExit(NO_PLAYWRIGHT) from None

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serve(site_dir, prefix) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        for size_name, size in SIZES.items():
            context = browser.new_context(
                viewport=VIEWPORT, device_scale_factor=2, is_mobile=True, has_touch=True
            )
            key = f"{prefix}langso.size"
            context.add_init_script(f"try{{localStorage.setItem('{key}','{size}')}}catch(e){{}}")
            page = context.new_page()
            moment = dt.datetime.fromtimestamp(shot_moment(), tz=dt.UTC)
            page.clock.set_fixed_time(moment)
            if font != 16:
                cdp = context.new_cdp_session(page)
                cdp.send("Page.setFontSizes", {"fontSizes": {"standard": font, "fixed": font}})
            suffix = "" if font == 16 else f"-{font}px"
            for name, path in (PAGES if pages is None else pages).items():
                page.goto(base + path, wait_until="networkidle")
                page.wait_for_timeout(300)
                target = out / f"{name}-{size_name}{suffix}.png"
                page.screenshot(path=str(target), full_page=full)
                written.append(target)
            context.close()
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", nargs="?", default="screenshots", type=Path)
    parser.add_argument("--site", type=Path, help="a built site (default: build the sample)")
    parser.add_argument("--full", action="store_true", help="whole pages, not the first screen")
    parser.add_argument(
        "--prefix",
        help="the sub-path the site is served under (default: the path of its site_url, read "
        f"from sitemap.xml, else {PREFIX})",
    )
    parser.add_argument(
        "--font", type=int, default=16, help="the phone's default text size in px (default 16)"
    )
    args = parser.parse_args()
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        sys.exit(NO_PLAYWRIGHT)
    if args.site:
        prefix = args.prefix or site_prefix(args.site) or PREFIX
        pages, notes = pages_of(args.site)
        for note in notes:
            print(note, file=sys.stderr)
        written = shoot(args.site, args.output, args.full, _slashed(prefix), pages, args.font)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            site = Path(tmp) / "site"
            build_sample(site)
            prefix = args.prefix or site_prefix(site) or PREFIX
            pages, notes = pages_of(site)
            for note in notes:
                print(note, file=sys.stderr)
            written = shoot(site, args.output, args.full, _slashed(prefix), pages, args.font)
    for path in written:
        print(path)


def _slashed(prefix: str) -> str:
    return "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"


if __name__ == "__main__":
    main()
