#!/usr/bin/env python3
"""Screenshots of each page type on a 360 × 740 phone, at the smallest, default and largest
font size, so a person can look at what a reader sees.

    .venv/bin/python build_tools/screenshots.py [OUTPUT_DIR] [--site SITE_DIR] [--full]

Builds the sample village (``mkdocs.yml``) unless ``--site`` names a built site, serves it under
its sub-path as GitHub Pages would, and writes ``OUTPUT_DIR/<page>-<size>.png`` (default
``screenshots/``): ``size`` is ``a-minus`` (A−), ``a`` (default) and ``a-plus-max`` (A+ pressed
until it stops). The first screen only, as the phone shows it on arrival, unless ``--full``.
Uses the system's Chromium (Debian's ``chromium``), as the browser tests do.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

from tests.browser import launch, serve  # noqa: E402

PREFIX = "/lang-so/"
VIEWPORT = {"width": 360, "height": 740}
PAGES = {
    "home": "",
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
    "404": "khong-co-trang-nay/",
}
SIZES = {"a-minus": -1, "a": 0, "a-plus-max": 3}
"""Reader sizes as ``reader.js`` stores them (``MIN`` −1, ``MAX`` 3)."""


def build_sample(site_dir: Path) -> None:
    """Build the repository's own ``mkdocs.yml`` into ``site_dir``."""
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def shoot(site_dir: Path, out: Path, full: bool) -> list[Path]:
    """Write one PNG per page and size; return their paths."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serve(site_dir, PREFIX) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        for size_name, size in SIZES.items():
            context = browser.new_context(
                viewport=VIEWPORT, device_scale_factor=2, is_mobile=True, has_touch=True
            )
            key = f"{PREFIX}langso.size"
            context.add_init_script(f"try{{localStorage.setItem('{key}','{size}')}}catch(e){{}}")
            page = context.new_page()
            for name, path in PAGES.items():
                page.goto(base + path, wait_until="networkidle")
                page.wait_for_timeout(300)
                target = out / f"{name}-{size_name}.png"
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
    args = parser.parse_args()
    if args.site:
        written = shoot(args.site, args.output, args.full)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            build_sample(Path(tmp) / "site")
            written = shoot(Path(tmp) / "site", args.output, args.full)
    for path in written:
        print(path)


if __name__ == "__main__":
    main()
