#!/usr/bin/env python3
"""Benchmark: our plugins against plain Material for MkDocs on the same synthetic content.

    .venv/bin/python build_tools/benchmark.py --sizes 100 1000 3000 --runs 3

For each size N it writes a synthetic village of N pages (a third directory entries, the rest
landmark pages with a plaque each and guides, about 450 words a page, a photo on one page in
ten; ``synthetic.py``) twice: with our plugins (the sample's plugin set, see ``synthetic.py``),
and as the same content in plain Markdown for plain Material with the pruned navigation. It
prints one line per size (columns explained in ``docs/hieu-nang.md``):

- **cold**: each variant built ``--runs`` times, each in a fresh process with no ``site/`` and
  no ``.cache/``: median seconds, the ratio ours / plain, peak memory (max RSS), output size,
  the HTML size of one page of each type;
- **warm**: ours built in a fresh process with the cache of the cold runs (``mkdocs build`` the
  next day), then ``--rebuilds`` times again in the same process with nothing changed (what
  ``mkdocs serve`` does): seconds of each and the seconds spent inside our plugins' event
  handlers (every ``langso`` plugin's ``on_*`` handler timed by this script, not by the
  product); for the rebuilds, the medians;
- **serve**: ``langso serve`` started on the site, one service's YAML edited, the page polled
  over HTTP until the change shows: seconds from the edit (sizes up to ``--serve-max``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import generate, generate_plain

# Run in a fresh process: argv = project, site, number of builds in that process. Prints one
# JSON line per build: seconds, seconds inside langso handlers, peak memory so far.
_BUILD = """
import collections, functools, json, logging, resource, sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config
logging.getLogger("mkdocs").setLevel(logging.ERROR)
spent = collections.Counter()
def timed(name, handler):
    @functools.wraps(handler)
    def run(*args, **kwargs):
        start = time.perf_counter()
        try:
            return handler(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - start
    return run
for _ in range(int(sys.argv[3])):
    config = load_config(sys.argv[1] + "/mkdocs.yml", site_dir=sys.argv[2])
    for event, handlers in config.plugins.events.items():
        for number, handler in enumerate(handlers):
            owner = getattr(handler, "__self__", None)
            if type(owner).__module__.startswith("langso."):
                handlers[number] = timed(f"{type(owner).__name__}.{event}", handler)
    spent.clear()
    start = time.perf_counter()
    build(config)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    top = dict(spent.most_common(5))
    print(json.dumps({"seconds": seconds, "plugins": sum(spent.values()), "peak_mb": peak,
                      "top": top}), flush=True)
"""
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795996800"}
SERVICE = "danh-ba/dich-vu-00000"

PAGES = {
    "landmark": "dia-diem/trang-00000/index.html",
    "guide": "huong-dan/trang-00001/index.html",
    "service": "danh-ba/dich-vu-00000/index.html",
    "directory": "danh-ba/index.html",
}


def build(project: Path, site: Path, times: int = 1, cold: bool = True) -> list[dict[str, Any]]:
    """Build ``project`` into ``site`` ``times`` times in one fresh Python process (``cold``:
    without ``site`` and ``.cache`` first); per build: seconds, seconds in our plugins, peak MB."""
    if cold:
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(project / ".cache", ignore_errors=True)
    result = subprocess.run(
        [sys.executable, "-c", _BUILD, str(project), str(site), str(times)],
        capture_output=True,
        text=True,
        env=ENV,
    )
    if result.returncode:
        raise SystemExit(f"build of {project} failed:\n{result.stderr[-3000:]}")
    return [json.loads(line) for line in result.stdout.strip().splitlines()[-times:]]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def serve_latency(project: Path) -> float:
    """Seconds from editing one service's YAML to ``langso serve`` serving the change."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    server = subprocess.Popen(
        [sys.executable, "-m", "langso.cli", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=ENV,
    )
    url = f"http://127.0.0.1:{port}/lang-thu/{SERVICE}/"
    source = project / "content" / f"{SERVICE}.yml"
    text = source.read_text(encoding="utf-8")
    try:
        deadline = time.monotonic() + 900
        while not _fetch(url):
            if time.monotonic() > deadline:
                raise SystemExit("langso serve did not start")
            time.sleep(0.5)
        time.sleep(2)  # let the watcher settle after the first build
        edited = text.replace("ten: '", "ten: 'Sửa đổi ", 1)
        start = time.monotonic()
        source.write_text(edited, encoding="utf-8")
        while "Sửa đổi" not in _fetch(url):
            if time.monotonic() - start > 600:
                raise SystemExit("langso serve did not show the edit in 10 minutes")
            time.sleep(0.1)
        return time.monotonic() - start
    finally:
        source.write_text(text, encoding="utf-8")
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def folder_mb(folder: Path) -> float:
    """Size of every file below ``folder``, MB."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def measure(size: int, runs: int, work: Path, serve: bool, rebuilds: int = 3) -> dict[str, object]:
    """Build both variants of a village of ``size`` pages ``runs`` times each, cold; then ours
    warm and ``rebuilds`` times again in that process, and (``serve``) the edit latency of
    ``langso serve``."""
    services = size // 3
    pages = size - services
    row: dict[str, object] = {"N": size}
    for variant, make in (("ours", generate), ("plain", generate_plain)):
        project = work / f"{variant}-{size}"
        site = work / f"site-{variant}-{size}"
        make(project, services, 1, pages)
        results = [build(project, site)[0] for _ in range(runs)]
        row[variant] = {
            "seconds": statistics.median(r["seconds"] for r in results),
            "peak_mb": max(r["peak_mb"] for r in results),
            "output_mb": folder_mb(site),
            "pages_kb": {k: (site / v).stat().st_size / 1e3 for k, v in PAGES.items()},
        }
    project = work / f"ours-{size}"
    fresh, *again = build(project, work / f"site-ours-{size}", times=1 + rebuilds, cold=False)
    middle = sorted(again, key=lambda r: r["plugins"])[len(again) // 2]
    row["warm"] = {
        "fresh": fresh["seconds"],
        "fresh_plugins": fresh["plugins"],
        "again": statistics.median(r["seconds"] for r in again),
        "plugins": middle["plugins"],
        "top": middle["top"],
    }
    row["serve"] = serve_latency(project) if serve else None
    return row


def main() -> None:
    """Run the sizes asked and print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--serve-max", type=int, default=1000, help="largest N to measure langso serve on"
    )
    parser.add_argument(
        "--rebuilds", type=int, default=3, help="no-change rebuilds in the warm process"
    )
    parser.add_argument("--verbose", action="store_true", help="the slowest plugin handlers too")
    args = parser.parse_args()
    print(
        f"{'N':>5} {'ours s':>7} {'plain s':>7} {'ratio':>6} {'warm s':>7} {'w plug':>6}"
        f" {'again s':>7}"
        f" {'plug s':>6} {'serve s':>7} {'ours MB':>8} {'plain MB':>8} {'out ours':>9}"
        f" {'out plain':>9}  page KB ours/plain (landmark guide service index)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            row = measure(size, args.runs, Path(tmp), size <= args.serve_max, args.rebuilds)
            ours, plain, warm = row["ours"], row["plain"], row["warm"]
            assert isinstance(ours, dict) and isinstance(plain, dict) and isinstance(warm, dict)
            pages = " ".join(f"{ours['pages_kb'][k]:.0f}/{plain['pages_kb'][k]:.0f}" for k in PAGES)
            serve = f"{row['serve']:>7.1f}" if isinstance(row["serve"], float) else f"{'-':>7}"
            print(
                f"{size:>5} {ours['seconds']:>7.1f} {plain['seconds']:>7.1f}"
                f" {ours['seconds'] / plain['seconds']:>6.2f} {warm['fresh']:>7.1f}"
                f" {warm['fresh_plugins']:>6.2f} {warm['again']:>7.1f} {warm['plugins']:>6.2f}"
                f" {serve}"
                f" {ours['peak_mb']:>8.0f} {plain['peak_mb']:>8.0f} {ours['output_mb']:>8.1f}M"
                f" {plain['output_mb']:>8.1f}M  {pages}",
                flush=True,
            )
            if args.verbose:
                slowest = ", ".join(f"{k} {v:.2f}" for k, v in warm["top"].items())
                print(f"       slowest handlers in the median rebuild: {slowest}", flush=True)


if __name__ == "__main__":
    main()
