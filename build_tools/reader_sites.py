#!/usr/bin/env python3
"""Build the sites a reader-side comparison needs, and weigh their landmark pages.

    .venv/bin/python build_tools/reader_sites.py OUTPUT_DIR [--pages 1000]
        [--metrics PATH/TO/reader_metrics.py] [--runs 3]

Writes four built sites into ``OUTPUT_DIR``, each published under ``/lang-so/``:

- ``sample``: the sample village with our plugins (``mkdocs.yml``);
- ``sample-plain``: the sample's Markdown pages with plain Material for MkDocs (its defaults:
  its search, Google Fonts; the pruned navigation as in the benchmark);
- ``synthetic``, ``synthetic-plain``: a synthetic village of ``--pages`` pages
  (``synthetic.py``) with our plugins, and the same content with plain Material.

For each it prints the landmark page's first load computed from the files (HTML, stylesheets and
scripts of the site, gzip level 6). With ``--metrics``, it then runs that script (the reader
yardstick: Chromium, slow 3G, 4x CPU) on the four landmark pages in one run and prints its report.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import generate, generate_plain

from langso.reader.budget import first_load

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = "https://example.github.io/lang-so/"
LANDMARKS = {
    "sample": "dia-diem/dinh-lang-la-thon/",
    "sample-plain": "dia-diem/dinh-lang-la-thon/",
    "synthetic": "dia-diem/trang-00000/",
    "synthetic-plain": "dia-diem/trang-00000/",
}
PLAIN_CONFIG = (
    "site_name: Làng số Là Thôn\n"
    f"site_url: {SITE_URL}\n"
    "docs_dir: content\n"
    "theme:\n  name: material\n  language: vi\n  features:\n    - navigation.prune\n"
    "markdown_extensions:\n  - admonition\n  - attr_list\n  - tables\n"
)


def plain_sample(project: Path) -> None:
    """The sample's Markdown pages (no YAML: plain Material cannot read it) in ``project``."""
    content = project / "content"
    shutil.copytree(
        ROOT / "content", content, ignore=shutil.ignore_patterns("*.yml", "*.yaml", "danh-ba")
    )
    (project / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")


def build_into(config_file: Path, site: Path) -> None:
    """Build ``config_file`` into ``site``, published under ``/lang-so/``."""
    build(load_config(str(config_file), site_dir=str(site), site_url=SITE_URL))


def main() -> None:
    """Build the four sites, weigh their landmark pages, optionally run the reader metrics."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--metrics", type=Path, help="path of reader_metrics.py")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    out: Path = args.output.resolve()
    out.mkdir(parents=True, exist_ok=True)
    sources = out / "sources"
    build_into(ROOT / "mkdocs.yml", out / "sample")
    shutil.rmtree(sources, ignore_errors=True)
    plain_sample(sources / "sample-plain")
    build_into(sources / "sample-plain" / "mkdocs.yml", out / "sample-plain")
    services = args.pages // 3
    for name, make in (("synthetic", generate), ("synthetic-plain", generate_plain)):
        make(sources / name, services, 1, args.pages - services)
        build_into(sources / name / "mkdocs.yml", out / name)
    print(f"{'site':<16} {'landmark page':<30} {'requests':>8} {'raw B':>8} {'gzip B':>8}")
    for name, page in LANDMARKS.items():
        load = first_load(out / name / page / "index.html")
        print(f"{name:<16} {page:<30} {load.requests:>8} {load.raw_bytes:>8} {load.gzip_bytes:>8}")
    if args.metrics:
        for name, page in LANDMARKS.items():
            command = [sys.executable, str(args.metrics), str(out / name), page]
            subprocess.run([*command, "--mount", "/lang-so/", "--runs", str(args.runs)], check=True)


if __name__ == "__main__":
    main()
