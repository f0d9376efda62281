#!/usr/bin/env python3
"""Measure print sheets for 100 plaques, then read every code back.

    .venv/bin/pip install -e '.[test]' && .venv/bin/python build_tools/bench_print.py [COUNT]

In a temporary copy of the ``minimal`` fixture site it writes a registry of COUNT plaques (100 by
default), builds the site, runs ``langso plaques print`` for A4, A5 and stickers, then rasterises
every PDF page at 300 dpi (pypdfium2), decodes every QR code (zxing-cpp), checks each decodes to
its registry URL at the size the 10:1 rule asks, and follows each URL's redirect stub in the built
site to the page it must reach. Prints the timings and the decode results.
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2  # type: ignore[import-untyped]
import zxingcpp
from mkdocs.commands.build import build
from mkdocs.config import load_config

from langso.cli import main
from langso.cli_plaques import OUTPUT_NAMES
from langso.printing import STICKER_DISTANCE_M, WALL_DISTANCE_M

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "sites" / "minimal"
SITE_URL = "https://example.github.io/lang-phu-my/"
TARGETS = {
    "dia-diem/dinh-lang-phu-my.md": "dia-diem/dinh-lang-phu-my",
    "danh-ba/cho-phu-my.yml": "danh-ba/cho-phu-my",
}
DPI = 300


def registry(count: int) -> tuple[str, dict[str, str]]:
    """A registry of ``count`` plaques and the built page each must lead to."""
    lines = []
    expected = {}
    targets = list(TARGETS.items())
    for number in range(1, count + 1):
        source, page = targets[number % len(targets)]
        plaque_id = f"bien-{number:03}"
        lines.append(
            f"- id: '{plaque_id}'\n  ten: 'Biển số {number}: Đình làng Phú Mỹ'\n"
            f"  trang: '{source}'\n"
        )
        expected[SITE_URL + f"q/{plaque_id}/"] = page
    return "".join(lines), expected


def follow(site_dir: Path, url: str) -> str | None:
    """The page a short URL's stub redirects to, if the stub and the page exist."""
    short = url.removeprefix(SITE_URL)
    stub = site_dir / short / "index.html"
    if not stub.is_file():
        return None
    match = re.search(r'content="0; url=([^"]+)"', stub.read_text(encoding="utf-8"))
    if match is None:
        return None
    page = posixpath.normpath(posixpath.join(short, match[1]))
    return page if (site_dir / page / "index.html").is_file() else None


def read_back(pdf: Path, expected: dict[str, str], site_dir: Path, rule_mm: float) -> str:
    """Decode every page of ``pdf``; a one-line summary of what decoded and what was right."""
    document = pypdfium2.PdfDocument(pdf.read_bytes())
    began = time.perf_counter()
    decoded: list[str] = []
    smallest = float("inf")
    for page in document:
        image = page.render(scale=DPI / 72).to_pil()
        for result in zxingcpp.read_barcodes(image):
            decoded.append(result.text)
            p = result.position
            side = min(abs(p.top_right.x - p.top_left.x), abs(p.bottom_left.y - p.top_left.y))
            smallest = min(smallest, side / DPI * 25.4)
    seconds = time.perf_counter() - began
    right = sum(1 for url in decoded if url in expected)
    leads = sum(1 for url in decoded if url in expected and follow(site_dir, url) == expected[url])
    missing = len(set(expected) - set(decoded))
    return (
        f"{len(document)} pages, {len(decoded)}/{len(expected)} codes decoded, {right} exact "
        f"registry URLs, {missing} missing, {leads} stubs lead to the right page; smallest code "
        f"{smallest:.1f} mm (rule {rule_mm:g} mm); read back in {seconds:.1f} s"
    )


def bench(count: int) -> None:
    """Run the whole measurement in a temporary folder."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "site-root"
        shutil.copytree(FIXTURE, root)
        text, expected = registry(count)
        (root / "content" / "plaques.yml").write_text(text, encoding="utf-8")

        began = time.perf_counter()
        build(load_config(config_file=str(root / "mkdocs.yml")))
        built = time.perf_counter() - began
        print(f"mkdocs build with {count} plaques: {built:.1f} s")

        out = root / "in"
        args = ["plaques", "print", "--output", str(out), "--config", str(root / "mkdocs.yml")]
        papers = ["--paper", "A4", "--paper", "A5", "--paper", "stickers", "--no-record"]
        began = time.perf_counter()
        status = main([*args, *papers])
        printed = time.perf_counter() - began
        if status != 0:
            sys.exit(status)
        print(f"langso plaques print, {count} plaques on A4, A5 and stickers: {printed:.1f} s")

        for name, rule in (
            ("A4", WALL_DISTANCE_M),
            ("A5", WALL_DISTANCE_M),
            ("stickers", STICKER_DISTANCE_M),
        ):
            pdf = out / OUTPUT_NAMES[name]
            summary = read_back(pdf, expected, root / "site", rule * 100)
            print(f"{name}: {pdf.stat().st_size // 1024} KiB, {summary}")


if __name__ == "__main__":
    bench(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
