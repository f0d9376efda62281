#!/usr/bin/env python3
"""Benchmark: N synthetic villages built in parallel, then one portal over them.

    .venv/bin/python build_tools/bench_portal.py --villages 10 100 1000 [--pages 50] [--jobs 2]

For each N it writes N village projects (``synthetic.py``: about ``--pages`` pages each — a
fifth directory entries, the rest landmark pages with a plaque each and guides of about 450
words — spread over the 166 communes of tỉnh Thanh Hóa, each with ``langso/summary``), a portal
file listing them, and runs in fresh processes:

1. **villages + portal**: ``langso portal cong.yml`` — every village built by ``mkdocs build
   --strict`` in at most ``--jobs`` processes at a time, then the portal. Wall seconds and the
   peak memory of the largest process of the tree (GNU ``time``'s maximum resident set size,
   which for a process that waits for its children is the largest of them and itself);
2. **portal only**: ``langso portal cong.yml --da-dung`` over the villages built in step 1:
   wall seconds and the portal process's own peak memory;
3. the portal's size (files, bytes; the search shards among them) and, for a few queries, the
   bytes a reader's first search downloads: the files the portal's search script fetches for
   that query (``langso.portal.search.first_query_plan``, the same algorithm as the script;
   tests/portal prove in Chromium that the script fetches exactly these), raw and gzip -6.

What the numbers do not measure: the time of a real CI matrix (one machine here, ``--jobs``
processes; a CI runs the villages on many machines at once), network fetches of published
villages (all villages here are local folders), and the reader's time to first result on a
phone (bytes only). Timings depend on what else the machine runs: run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import WORDS, generate

QUERIES = ("dinh lang", "tram y te", "huong dan", "d", "nha van hoa thon")


def communes() -> list[str]:
    """The communes of tỉnh Thanh Hóa as written in addresses (``xã Yên Định``), sorted."""
    from langso.geography import _display, _provinces, _wards

    province = _provinces()["thanh hóa"]
    wards = _wards(int(province.code))
    return sorted(_display(w.name) for group in wards.values() for w in group)


def village_names(count: int) -> list[str]:
    """``count`` distinct two-word village names from the synthetic word list."""
    names = [f"{a} {b}" for a in WORDS for b in WORDS if a != b]
    if count > len(names):
        names += [f"{name} {n}" for n in range(2, 2 + count // len(names)) for name in names]
    return names[:count]


def write_villages(folder: Path, count: int, pages: int) -> Path:
    """Write ``count`` village projects under ``folder/lang/`` and the portal file; its path."""
    from langso.text import slugify

    units = communes()
    entries = []
    for number, name in enumerate(village_names(count)):
        commune = units[number % len(units)]
        slug = slugify(f"{name} {commune}")
        services = max(1, pages // 5)
        generate(
            folder / "lang" / slug,
            services,
            seed=number + 1,
            pages=pages - services,
            village=(name, commune),
            site_url=f"https://example.github.io/{slug}/",
        )
        entries.append(f"  - thu_muc: 'lang/{slug}'\n")
    portal = folder / "cong.yml"
    name = "ten: 'Cổng làng số tỉnh Thanh Hóa (dữ liệu mẫu, đo hiệu năng)'\n"
    portal.write_text(name + "lang:\n" + "".join(entries), encoding="utf-8")
    return portal


def timed(command: list[str], cwd: Path) -> tuple[float, int, str]:
    """Run ``command`` under GNU time: (wall seconds, peak resident KiB, its output)."""
    report = Path(tempfile.mkstemp(suffix=".time")[1])
    start = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-o", str(report), "-f", "%M", *command],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    peak = int(report.read_text().split()[-1])
    report.unlink()
    return seconds, peak, done.stdout + done.stderr


def folder_size(folder: Path) -> tuple[int, int]:
    """(files, bytes) under ``folder``."""
    files = total = 0
    for root, _, names in os.walk(folder):
        for name in names:
            files += 1
            total += os.path.getsize(os.path.join(root, name))
    return files, total


def first_search(out: Path, query: str) -> tuple[int, int, int]:
    """(files, raw bytes, gzip bytes) of the first search for ``query`` on the portal ``out``."""
    from langso.portal.search import first_query_plan

    plan = first_query_plan(out, query)
    raw = sum(path.stat().st_size for path in plan)
    packed = sum(len(gzip.compress(path.read_bytes(), 6)) for path in plan)
    return len(plan), raw, packed


@dataclass(frozen=True)
class Row:
    """The numbers of one size (seconds, MiB, files, bytes)."""

    n: int
    generate_s: float
    wall_s: float
    peak_mib: float
    portal_only_s: float
    portal_only_peak_mib: float
    files: int
    bytes: int
    shard_files: int
    shard_bytes: int
    searches: dict[str, tuple[int, int, int]]


def run(count: int, pages: int, jobs: int, work: Path) -> Row:
    """Generate, build and measure one size; the numbers of its row."""
    folder = work / f"n{count}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    started = time.perf_counter()
    portal = write_villages(folder, count, pages)
    generated = time.perf_counter() - started
    langso = [sys.executable, "-m", "langso.cli", "portal", portal.name]
    out = folder / "site-cong"
    wall, peak, log = timed([*langso, "--ra", str(out), "--tien-trinh", str(jobs)], folder)
    if not (out / "index.html").exists():
        raise SystemExit(f"langso portal failed for N={count}:\n{log[-3000:]}")
    # The villages step 1 built, laid out as a CI leaves them for the portal job (DIR/<key>/).
    built = folder / "da-dung"
    built.mkdir()
    for site in sorted((folder / ".cache" / "langso" / "portal" / "dung").glob("*/site")):
        (built / site.parent.name).symlink_to(site, target_is_directory=True)
    only_wall, only_peak, _ = timed([*langso, "--ra", str(out), "--da-dung", str(built)], folder)
    files, size = folder_size(out)
    shard_files, shard_bytes = folder_size(out / "tim")
    searches = {query: first_search(out, query) for query in QUERIES}
    return Row(
        count,
        generated,
        wall,
        peak / 1024,
        only_wall,
        only_peak / 1024,
        files,
        size,
        shard_files,
        shard_bytes,
        searches,
    )


def main() -> None:
    """Command line entry point: prints a Markdown table per size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--villages", type=int, nargs="+", default=[10, 100])
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--work", type=Path, default=None, help="keep the villages here")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="langso-portal-bench-"))
    print(f"jobs {args.jobs}, {args.pages} pages a village, CPUs {os.cpu_count()}")
    print(
        "| villages | villages + portal (s) | peak MiB (largest process) | portal only (s) |"
        " portal peak MiB | portal files | portal MB | search files | search MB |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    rows = []
    for count in args.villages:
        row = run(count, args.pages, args.jobs, work)
        rows.append(row)
        print(
            f"| {count} | {row.wall_s:.1f} | {row.peak_mib:.0f} |"
            f" {row.portal_only_s:.1f} | {row.portal_only_peak_mib:.0f} |"
            f" {row.files} | {row.bytes / 1e6:.1f} | {row.shard_files} |"
            f" {row.shard_bytes / 1e6:.1f} |",
            flush=True,
        )
    print("\nFirst search (files · raw KB · gzip KB):\n")
    print("| query | " + " | ".join(f"N = {row.n}" for row in rows) + " |")
    print("|---|" + "---:|" * len(rows))
    for query in QUERIES:
        cells = []
        for row in rows:
            files, raw, packed = row.searches[query]
            cells.append(f"{files} · {raw / 1000:.1f} · {packed / 1000:.1f}")
        print(f"| `{query}` | " + " | ".join(cells) + " |")
    per_village = [row.wall_s / row.n for row in rows]
    median = statistics.median(per_village)
    print(f"\nseconds a village (villages + portal / N), median: {median:.2f}")
    if not args.work:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
