#!/usr/bin/env python3
"""Benchmark: our plugins against plain Material for MkDocs on the same synthetic content.

    .venv/bin/python build_tools/benchmark.py --sizes 100 1000 3000 --runs 3

For each size N it writes a synthetic village of N pages (a third directory entries, the rest
landmark pages with a plaque each and guides, about 450 words a page; ``synthetic.py``) twice:
with our plugins, and as the same content in plain Markdown for plain Material with the pruned
navigation. Each build runs in a fresh process (cold), ``--runs`` times; the script prints the
median wall time, the ratio, the peak memory (max RSS of the build process), the size of the
output and the HTML size of one page of each type.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import generate, generate_plain

_BUILD = """
import json, resource, sys, time, logging
from mkdocs.commands.build import build
from mkdocs.config import load_config
logging.getLogger("mkdocs").setLevel(logging.ERROR)
config = load_config(sys.argv[1] + "/mkdocs.yml", site_dir=sys.argv[2])
start = time.perf_counter()
build(config)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak}))
"""

PAGES = {
    "landmark": "dia-diem/trang-00000/index.html",
    "guide": "huong-dan/trang-00001/index.html",
    "service": "danh-ba/dich-vu-00000/index.html",
    "directory": "danh-ba/index.html",
}


def build_once(project: Path, site: Path) -> dict[str, float]:
    """Build ``project`` into ``site`` in a fresh Python process; its time and peak memory."""
    result = subprocess.run(
        [sys.executable, "-c", _BUILD, str(project), str(site)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795996800"},
    )
    data: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


def folder_mb(folder: Path) -> float:
    """Size of every file below ``folder``, MB."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def measure(size: int, runs: int, work: Path) -> dict[str, object]:
    """Build both variants of a village of ``size`` pages ``runs`` times each."""
    services = size // 3
    pages = size - services
    row: dict[str, object] = {"N": size}
    for variant, make in (("ours", generate), ("plain", generate_plain)):
        project = work / f"{variant}-{size}"
        make(project, services, 1, pages)
        results = [build_once(project, work / f"site-{variant}-{size}") for _ in range(runs)]
        site = work / f"site-{variant}-{size}"
        row[variant] = {
            "seconds": statistics.median(r["seconds"] for r in results),
            "peak_mb": max(r["peak_mb"] for r in results),
            "output_mb": folder_mb(site),
            "pages_kb": {k: (site / v).stat().st_size / 1e3 for k, v in PAGES.items()},
        }
    return row


def main() -> None:
    """Run the sizes asked and print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(
        f"{'N':>5} {'ours s':>7} {'plain s':>7} {'ratio':>6} {'ours MB':>8} {'plain MB':>8}"
        f" {'out ours':>9} {'out plain':>9}  page KB ours/plain (landmark guide service index)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            row = measure(size, args.runs, Path(tmp))
            ours, plain = row["ours"], row["plain"]
            assert isinstance(ours, dict) and isinstance(plain, dict)
            pages = " ".join(f"{ours['pages_kb'][k]:.0f}/{plain['pages_kb'][k]:.0f}" for k in PAGES)
            print(
                f"{size:>5} {ours['seconds']:>7.1f} {plain['seconds']:>7.1f}"
                f" {ours['seconds'] / plain['seconds']:>6.2f} {ours['peak_mb']:>8.0f}"
                f" {plain['peak_mb']:>8.0f} {ours['output_mb']:>8.1f}M {plain['output_mb']:>8.1f}M"
                f"  {pages}",
                flush=True,
            )


if __name__ == "__main__":
    main()
