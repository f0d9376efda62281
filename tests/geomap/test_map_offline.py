"""The base map's bytes in Chromium (360 × 740): ``LangsoRangeSource`` (assets/map-source.js)
reads a test PMTiles file from a host that answers Range with 206 and from one that answers 200
with the whole file (as ``mkdocs serve`` / ``langso serve`` and Python's http.server do); the
service worker keeps the ranges the reader has seen, so they come again without signal; after
"Lưu để đọc khi mất mạng" with the base map ticked ("Cả bản đồ nền: 55 KB"), ranges never seen
come too.

The site is the minimal fixture with the offline plugin and a small MkDocs hook standing in for
the map plugin: it publishes map-source.js and puts the checked :class:`BaseMap` on
``config.extra`` as ``langso/map`` does (``BASEMAP_KEY``, ``MAP_ASSETS_KEY``).
"""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from pmtiles.tile import deserialize_directory, deserialize_header, find_tile, zxy_to_tileid

from tests.browser import PREFIX, SubPathHandler, _QuietServer
from tests.conftest import FIXTURE_SITES, build_site
from tests.geomap.pmtiles_files import SAMPLE_BOUNDS, covering_tiles, raster_pmtiles
from tests.offline.test_browser import CONTROLLED, SAVED, until
from tests.offline.test_build import PLUGINS

pytestmark = pytest.mark.browser  # skipped without Chromium, failed under CI: conftest.py

from playwright.sync_api import Browser, BrowserContext, Page  # noqa: E402

PHONE = {"width": 360, "height": 740}
PLACE = "dia-diem/dinh-lang-phu-my/"
BASEMAP = "ban-do/nen.pmtiles"

HOOK = """
from importlib.resources import files as package_files
from pathlib import Path

from mkdocs.structure.files import File

from langso.geomap.basemap import BASEMAP_KEY, MAP_ASSETS_KEY, inspect_basemap


def on_config(config):
    path = Path(config.docs_dir) / "ban-do/nen.pmtiles"
    basemap, problems = inspect_basemap(path, "ban-do/nen.pmtiles", "x", [], 20 << 20)
    assert basemap is not None and not problems, problems
    config.extra[BASEMAP_KEY] = basemap
    config.extra[MAP_ASSETS_KEY] = ["assets/langso/map-source.js"]
    return config


def on_files(files, config):
    text = package_files("langso").joinpath("assets/map-source.js").read_text("utf-8")
    files.append(File.generated(config, "assets/langso/map-source.js", content=text))
    return files
"""


class RangeHandler(SubPathHandler):
    """As GitHub Pages and Cloudflare Pages answer: ``Range: bytes=a-b`` → 206 and those bytes."""

    def send_head(self) -> Any:
        spec = self.headers.get("Range", "")
        if not spec.startswith("bytes="):
            return super().send_head()
        path = Path(self.translate_path(self.path.split("?")[0]))
        data = path.read_bytes()
        start, end = (int(n) for n in spec.removeprefix("bytes=").split("-"))
        end = min(end, len(data) - 1)
        body = data[start : end + 1]
        self.send_response(206)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Range", f"bytes {start}-{end}/{len(data)}")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


@contextmanager
def serve_with(site_dir: Path, handler: type[SubPathHandler]) -> Iterator[str]:
    """:func:`tests.browser.serve` with another handler."""
    server = _QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def tile_range(path: Path, z: int, x: int, y: int) -> tuple[int, int]:
    """Where tile ``z/x/y`` lies in the archive: (offset, length) in bytes."""
    data = path.read_bytes()
    header = deserialize_header(data[:127])
    root = data[header["root_offset"] : header["root_offset"] + header["root_length"]]
    entry = find_tile(deserialize_directory(root), zxy_to_tileid(z, x, y))
    assert entry is not None and entry.run_length > 0
    return header["tile_data_offset"] + entry.offset, entry.length


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("map-offline") / "src"
    shutil.copytree(FIXTURE_SITES / "minimal", root)
    raster_pmtiles(root / "content" / BASEMAP)
    (root / "basemap_hook.py").write_text(HOOK, encoding="utf-8")
    data = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    data["plugins"] = PLUGINS
    data["hooks"] = ["basemap_hook.py"]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    result = build_site(root)
    assert result.ok, result.text()
    return result.site_dir


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(
        viewport=PHONE,  # type: ignore[arg-type]
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="vi-VN",
    )
    try:
        yield context
    finally:
        context.close()


# One source for the page, as the map keeps one; the ranges read one after the other, as
# pmtiles reads the header before any tile.
READ = """async ([url, ranges]) => {
  window.__source = window.__source || new LangsoRangeSource(url);
  const out = [];
  for (const [o, n] of ranges) {
    out.push(await window.__source.getBytes(o, n)
      .then(r => Array.from(new Uint8Array(r.data)), e => 'error: ' + e.message));
  }
  return out;
}"""

TILES = covering_tiles(SAMPLE_BOUNDS, 16, 16)
HEADER = (0, 127)


def open_controlled(page: Page, base: str) -> None:
    """Open a page with signal, wait until the worker controls it, load map-source.js."""
    response = page.goto(base + PLACE)
    assert response is not None and response.ok
    until(page, CONTROLLED)
    until(page, SAVED, base + PLACE)
    page.add_script_tag(url=base + "assets/langso/map-source.js")


def read(page: Page, base: str, ranges: list[tuple[int, int]]) -> list[Any]:
    return list(page.evaluate(READ, [base + BASEMAP, ranges]))


def expected(site: Path, ranges: list[tuple[int, int]]) -> list[list[int]]:
    data = (site / BASEMAP).read_bytes()
    return [list(data[o : o + n]) for o, n in ranges]


@pytest.mark.parametrize("handler", [RangeHandler, SubPathHandler], ids=["206", "200"])
def test_range_source_reads_from_either_host(
    context: BrowserContext, site: Path, handler: type[SubPathHandler]
) -> None:
    ranges = [HEADER, tile_range(site / BASEMAP, *TILES[0]), tile_range(site / BASEMAP, *TILES[5])]
    with serve_with(site, handler) as base:
        page = context.new_page()
        open_controlled(page, base)
        answers: list[int] = []
        page.on(
            "response",
            lambda r: answers.append(r.status) if r.url.endswith(".pmtiles") else None,
        )
        assert read(page, base, ranges) == expected(site, ranges)
        assert read(page, base, ranges[1:]) == expected(site, ranges[1:])
    # 206 host: one request a range (the second time the worker answers them); 200 host: the
    # whole file once, then slices of it.
    assert answers == ([206] * 5 if handler is RangeHandler else [200])


@pytest.mark.parametrize("handler", [RangeHandler, SubPathHandler], ids=["206", "200"])
def test_seen_tiles_come_again_without_signal(
    context: BrowserContext, site: Path, handler: type[SubPathHandler]
) -> None:
    seen = [HEADER, tile_range(site / BASEMAP, *TILES[0])]
    unseen = [tile_range(site / BASEMAP, *TILES[7])]
    with serve_with(site, handler) as base:
        page = context.new_page()
        open_controlled(page, base)
        assert read(page, base, seen) == expected(site, seen)
        context.set_offline(True)
        page.reload()
        page.add_script_tag(url=base + "assets/langso/map-source.js")
        assert read(page, base, seen) == expected(site, seen)
        got = read(page, base, unseen)
        names = page.evaluate("() => caches.keys()")
    if handler is RangeHandler:  # only the ranges seen were kept
        assert got[0].startswith("error: ")
    else:  # the host sent the whole file: it was kept whole
        assert got == expected(site, unseen)
    assert sorted(n.split("-")[1] for n in names) == ["map", "offline"]


def test_save_all_with_the_base_map_brings_unseen_tiles(
    context: BrowserContext, site: Path
) -> None:
    unseen = [HEADER, tile_range(site / BASEMAP, *TILES[-1])]
    with serve_with(site, RangeHandler) as base:
        page = context.new_page()
        open_controlled(page, base)
        box = page.locator("#langso-offline")
        box.locator(".langso-offline__save").click()
        choice = box.locator(".langso-offline__map")
        choice.wait_for()
        assert choice.inner_text() == "Cả bản đồ nền: 55 KB (để xem bản đồ làng khi mất mạng)"
        assert choice.locator("input").is_checked()
        box_size = choice.bounding_box()
        assert box_size is not None and box_size["height"] >= 48
        with_map = box.locator(".langso-offline__yes").inner_text()
        choice.click()  # not the map: the button says the smaller size
        assert box.locator(".langso-offline__yes").inner_text() != with_map
        choice.click()
        assert box.locator(".langso-offline__yes").inner_text() == with_map
        box.locator(".langso-offline__yes").click()
        status = box.locator("[aria-live=polite]")
        until(
            page,
            "() => document.querySelector('.langso-offline__status').textContent"
            ".startsWith('Đã lưu xong')",
        )
        assert status.inner_text().endswith(" trang và bản đồ nền: đọc được cả khi mất mạng.")
        context.set_offline(True)
        page.reload()
        page.add_script_tag(url=base + "assets/langso/map-source.js")
        assert read(page, base, unseen) == expected(site, unseen)


# --- the real map page (langso/map) ---------------------------------------------------------------

LANDMARK = """---
toa_do: '19.9810, 105.6410'
---

# Đình làng Phú Mỹ

Một trang mẫu.

## Nguồn

- [Bài viết mẫu](https://example.com/)
"""

LOADED_TILES = "() => document.querySelectorAll('#ban-do-khung img.leaflet-tile-loaded').length"


@pytest.fixture(scope="module")
def map_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal site with the map page on a raster base map, and the offline plugin."""
    root = tmp_path_factory.mktemp("map-page") / "src"
    shutil.copytree(FIXTURE_SITES / "minimal", root)
    (root / "content/dia-diem/dinh-lang-phu-my.md").write_text(LANDMARK, encoding="utf-8")
    raster_pmtiles(root / "content" / BASEMAP)
    data = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    plugins = list(PLUGINS)
    plugins.insert(plugins.index("langso/plaques"), "langso/map")
    data["plugins"] = plugins
    (root / "mkdocs.yml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    result = build_site(root)
    assert result.ok, result.text()
    return result.site_dir


def test_map_page_tiles_seen_come_again_without_signal(
    context: BrowserContext, map_site: Path
) -> None:
    with serve_with(map_site, RangeHandler) as base:
        page = context.new_page()
        page.goto(base + "ban-do/")
        until(page, CONTROLLED)
        page.reload()  # now the worker sees the map's requests
        until(page, LOADED_TILES)
        page.wait_for_load_state("networkidle")
        seen = page.evaluate(LOADED_TILES)
        ranged = page.evaluate(
            "() => caches.keys().then(ns => ns.filter(n => n.startsWith('langso-map-')))"
            ".then(ns => caches.open(ns[0])).then(c => c.keys())"
            ".then(ks => ks.map(k => k.url.split('?')[1]))"
        )
        assert len(ranged) >= 2 and all(k.startswith("langso-range=") for k in ranged)
        context.set_offline(True)
        page.reload()
        until(page, f"() => ({LOADED_TILES})() >= {seen}")
        errors = page.evaluate("() => document.querySelectorAll('img.leaflet-tile-error').length")
        assert errors == 0
