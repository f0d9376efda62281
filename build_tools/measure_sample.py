#!/usr/bin/env python3
"""Build the sample village and print build time and page weight, for closing notes.

    .venv/bin/python build_tools/measure_sample.py [--runs 3]

Prints the median wall time of ``mkdocs build`` over ``--runs`` clean builds, and for one page of
each kind the HTML size and the first-load weight: the HTML plus the stylesheets and scripts it
references from the site itself, raw and gzip (level 6, as static hosts serve), photos excluded.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from langso.reader.budget import first_load, gzip_size

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "home": "index.html",
    "landmark": "dia-diem/dinh-lang-la-thon/index.html",
    "guide": "huong-dan/vneid-muc-2/index.html",
    "directory": "danh-ba/index.html",
    "service": "danh-ba/tram-y-te-xa-yen-dinh/index.html",
    "plaque redirect": "q/dinh-la-thon/index.html",
}


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
            load = first_load(site / page)
            requests, raw, packed = load.requests, load.raw_bytes, load.gzip_bytes
            print(
                f"{kind:<16} {len(html):>8} {gzip_size(html):>8} {requests:>8} {raw:>9} {packed:>8}"
            )


if __name__ == "__main__":
    main()
