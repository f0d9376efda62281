#!/usr/bin/env python3
"""Build the sample village and print build time and page weight, for closing notes.

    .venv/bin/python build_tools/measure_sample.py [--runs 3]

Prints the median wall time of ``mkdocs build`` over ``--runs`` clean builds, and for one page of
each kind the HTML size and the first-load weight: the HTML plus the stylesheets and scripts it
references from the site itself, raw and gzip (level 6, as static hosts serve), photos excluded.
"""

from __future__ import annotations

import argparse
import gzip
import logging
import re
import statistics
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "home": "index.html",
    "landmark": "dia-diem/dinh-lang-la-thon/index.html",
    "guide": "huong-dan/vneid-muc-2/index.html",
    "directory": "danh-ba/index.html",
    "service": "danh-ba/tram-y-te-xa-yen-dinh/index.html",
    "plaque redirect": "q/dinh-la-thon/index.html",
}
_ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')


def gzip_size(data: bytes) -> int:
    """Bytes after gzip at level 6."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def first_load(site: Path, page: str) -> tuple[int, int, int]:
    """Return ``(requests, raw bytes, gzip bytes)`` of a page and its own CSS and JS."""
    path = site / page
    html = path.read_bytes()
    files = [html]
    for ref in _ASSET.findall(html.decode("utf-8")):
        if re.match(r"^[a-z]+:|^//", ref):
            continue
        asset = (path.parent / ref.split("?")[0]).resolve()
        if asset.is_file():
            files.append(asset.read_bytes())
    return len(files), sum(len(f) for f in files), sum(gzip_size(f) for f in files)


def main() -> None:
    """Build, time and weigh the sample village."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        for _ in range(args.runs):
            config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), strict=True)
            start = time.perf_counter()
            build(config)
            times.append(time.perf_counter() - start)
        print(f"build: median {statistics.median(times):.2f} s over {args.runs} runs")
        print(f"{'page':<16} {'HTML':>8} {'HTML gz':>8} {'requests':>8} {'load':>9} {'load gz':>8}")
        for kind, page in PAGES.items():
            html = (site / page).read_bytes()
            requests, raw, packed = first_load(site, page)
            print(
                f"{kind:<16} {len(html):>8} {gzip_size(html):>8} {requests:>8} {raw:>9} {packed:>8}"
            )


if __name__ == "__main__":
    main()
