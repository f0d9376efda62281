#!/usr/bin/env python3
"""Lighthouse (mobile) scores of each page type of the sample village, for closing notes.

    .venv/bin/python build_tools/lighthouse.py [--site SITE_DIR] [--cache DIR]

Builds the sample village (``mkdocs.yml``) unless ``--site`` names a built site, serves it under
its sub-path with gzip as GitHub Pages does (``tests/browser.py``), and runs Lighthouse's
default mobile run (emulated Moto G Power, simulated slow 4G, 4× CPU slowdown) on each page
type of ``build_tools/screenshots.py`` with the system's Chromium. Prints the four category
scores (performance, accessibility, best practices, SEO) per page.

Lighthouse is installed with npm into ``--cache`` (default ``.cache/langso-tools``) on first
use: it is a measuring tool, not something the site or the tests need. What it does not
measure: a real phone's network, a repeat visit, the offline copy.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "build_tools")]

from screenshots import PAGES, PREFIX, build_sample  # noqa: E402

from tests.browser import find_chromium, serve  # noqa: E402

LIGHTHOUSE = "lighthouse@12.8.2"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time")
"""Printed beside the scores, in ms: what a performance score below 100 comes from."""


def ensure_lighthouse(cache: Path) -> Path:
    """The ``lighthouse`` command installed under ``cache``; installs it with npm if absent."""
    command = cache / "node_modules" / ".bin" / "lighthouse"
    if not command.is_file():
        npm = shutil.which("npm")
        if not npm:
            sys.exit("Cần npm để cài Lighthouse. / Lighthouse needs npm.")
        cache.mkdir(parents=True, exist_ok=True)
        print(f"Đang cài {LIGHTHOUSE} vào {cache} …", file=sys.stderr)
        subprocess.run(
            [npm, "install", "--prefix", str(cache), "--no-audit", "--no-fund", LIGHTHOUSE],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return command


def scores(command: Path, url: str) -> dict[str, int]:
    """The four category scores (0–100) of one Lighthouse mobile run on ``url``."""
    chromium = find_chromium()
    if chromium is None:
        sys.exit("Không tìm thấy Chromium. / No Chromium found.")
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [
                str(command),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
                "--disable-background-networking",
                f"--only-categories={','.join(CATEGORIES)}",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": chromium},
        )
        data = json.loads(report.read_text(encoding="utf-8"))
    found = {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}
    audits = data["audits"]
    for metric in METRICS:
        found[metric] = round(audits[metric]["numericValue"])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the sample)")
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache" / "langso-tools")
    args = parser.parse_args()
    command = ensure_lighthouse(args.cache)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build_sample(site)
        with serve(site, PREFIX) as base:
            columns = (*CATEGORIES, "FCP ms", "LCP ms", "TBT ms")
            print(f"{'page':<14}" + "".join(f"{name:>16}" for name in columns))
            for name, path in PAGES.items():
                if name == "404":
                    # Lighthouse refuses a page answered with status 404 ("unable to reliably
                    # load the page"): tests/reader/test_phone.py weighs and checks it instead.
                    print(f"{name:<14}  (Lighthouse does not run on a 404 answer)")
                    continue
                found = scores(command, base + path)
                values = [found[c] for c in (*CATEGORIES, *METRICS)]
                print(f"{name:<14}" + "".join(f"{v:>16}" for v in values), flush=True)


if __name__ == "__main__":
    main()
