"""Shared fixtures: build real MkDocs sites in temporary folders and read what came out."""

from __future__ import annotations

import io
import logging
import os
import shutil
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import resvg_py
import yaml
import zxingcpp
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from PIL import Image

from tests.browser import INSTALL_CHROMIUM, find_chromium

REPO = Path(__file__).resolve().parent.parent
FIXTURE_SITES = Path(__file__).resolve().parent / "fixtures" / "sites"

# --- browser tests: skipped and counted without Chromium, failed under CI -----------------------

NO_CHROMIUM = "không có Chromium / no Chromium"
"""How a browser test's skip reason starts; the end of the run counts the skips by it."""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: needs Chromium; skipped without it, failed under CI (CI=true)"
    )


def _under_ci() -> bool:
    """``CI`` set as GitHub Actions, GitLab CI and ``.ci/run`` set it (``true``)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Before any fixture builds a site: no Chromium means skip, or fail under CI."""
    fixtures = getattr(item, "fixturenames", ())
    if item.get_closest_marker("browser") is None and "browser" not in fixtures:
        return
    if find_chromium() is not None:
        return
    if _under_ci():
        pytest.fail(
            "CI=true nhưng máy không có Chromium: trong CI không được bỏ qua bài kiểm tra trình "
            f"duyệt. Cài Chromium: {INSTALL_CHROMIUM} (hoặc apt-get install chromium)\n"
            "    (en) CI=true but this machine has no Chromium: under CI browser tests may not "
            f"be skipped. Install it: {INSTALL_CHROMIUM} (or apt-get install chromium)",
            pytrace=False,
        )
    pytest.skip(f"{NO_CHROMIUM}: {INSTALL_CHROMIUM}")


def browser_skip_summary(count: int) -> str:
    """The last words of a run that skipped ``count`` browser tests."""
    return (
        f"Đã bỏ qua {count} bài kiểm tra trình duyệt vì máy này không có Chromium. "
        f"Cài Chromium bằng một lệnh: {INSTALL_CHROMIUM}\n"
        f"(en) {count} browser tests were skipped: this machine has no Chromium. "
        f"Install it with one command: {INSTALL_CHROMIUM}"
    )


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_sessionfinish(session: pytest.Session) -> Generator[None]:
    """After pytest's own last line (tryfirst makes this wrapper the outermost one)."""
    result = yield
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None and not hasattr(session.config, "workerinput"):
        skipped = [
            report
            for report in reporter.stats.get("skipped", [])
            if NO_CHROMIUM in str(getattr(report, "longrepr", ""))
        ]
        if skipped:
            reporter.write_line(browser_skip_summary(len(skipped)), yellow=True, bold=True)
    return result


@dataclass
class BuildResult:
    """What a build produced: the site folder, the logged warnings/errors, the abort message."""

    root: Path
    site_dir: Path
    messages: list[str] = field(default_factory=list)
    aborted: str | None = None

    @property
    def ok(self) -> bool:
        return self.aborted is None

    def read(self, path: str) -> str:
        return (self.site_dir / path).read_text(encoding="utf-8")

    def soup(self, path: str) -> BeautifulSoup:
        return BeautifulSoup(self.read(path), "html.parser")

    def text(self) -> str:
        return "\n".join(self.messages)


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(
    root: Path, *, site_dir: Path | None = None, strict: bool = True, **overrides: object
) -> BuildResult:
    """Build the site whose ``mkdocs.yml`` is in ``root`` into ``site_dir`` (in-process).

    ``site_dir`` defaults to ``root/site``.
    """
    site_dir = site_dir or root / "site"
    config = load_config(
        config_file=str(root / "mkdocs.yml"), strict=strict, site_dir=str(site_dir), **overrides
    )
    collector = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    aborted = None
    # as `mkdocs build` does (mkdocs/__main__.py): MkDocs keeps one instance of a plugin with
    # on_startup per process, so a serve test's instance would otherwise build as a preview
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    except Abort as error:
        aborted = str(error)
    finally:
        config.plugins.on_shutdown()
        logger.removeHandler(collector)
    return BuildResult(root, site_dir, collector.messages, aborted)


SiteFactory = Callable[..., Path]

SAMPLE_PREFIX = "/lang-so/"
"""The path the sample is served under in the browser tests, as GitHub Pages serves it."""


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The repository's own ``mkdocs.yml`` built once per test process: read it, never change
    it (tests that change the sample copy it first)."""
    # On the tests' day, like every other build: the sample's notices and events must not
    # change with the day the suite runs (session fixtures are made before the autouse one).
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_DAY)
        result = build_site(REPO, site_dir=tmp_path_factory.mktemp("sample") / "site")
    assert result.ok, result.text()
    return result


@pytest.fixture(scope="session")
def sample_url(sample_site: BuildResult) -> Iterator[str]:
    """The built sample served under :data:`SAMPLE_PREFIX` (``tests/browser.py``'s host)."""
    from tests.browser import serve

    with serve(sample_site.site_dir, SAMPLE_PREFIX) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Chromium for a test module (``tests/browser.py``'s :func:`launch`). Not for the whole
    session: Playwright's sync API cannot start while another instance runs, and some tests
    start their own."""
    from playwright.sync_api import sync_playwright

    from tests.browser import launch

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


BUILD_DAY = "1795996800"  # 2026-11-30 00:00 UTC: freshness is judged on a fixed day


@pytest.fixture(autouse=True)
def fixed_build_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every build in the tests happens on the same day (``SOURCE_DATE_EPOCH``)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DAY)


@pytest.fixture
def make_site(tmp_path: Path) -> Iterator[SiteFactory]:
    """Copy a fixture site into ``tmp_path``, then write or delete files in it.

    ``make_site(files={"content/x.md": "…", "content/y.yml": None}, config={...})``: a ``None``
    content deletes the file; ``config`` keys are merged into ``mkdocs.yml``.
    """

    def factory(
        name: str = "minimal",
        files: dict[str, str | None] | None = None,
        config: dict[str, object] | None = None,
    ) -> Path:
        root = tmp_path / f"{name}-{len(list(tmp_path.iterdir()))}"
        return copy_site(root, name, files, config)

    yield factory


def copy_site(
    root: Path,
    name: str = "minimal",
    files: dict[str, str | None] | None = None,
    config: dict[str, object] | None = None,
) -> Path:
    """The fixture site ``name`` copied to ``root`` (which must not exist), then ``files``
    written (``None`` deletes one) and ``config`` merged into its ``mkdocs.yml``; returns
    ``root``. What :func:`make_site` does, for fixtures of a wider scope."""
    shutil.copytree(FIXTURE_SITES / name, root)
    for rel, content in (files or {}).items():
        path = root / rel
        if content is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    if config:
        config_path = root / "mkdocs.yml"
        data = yaml.safe_load(config_path.read_text(encoding="utf-8"))
        data.update(config)
        config_path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return root


def decode_png(data: bytes) -> list[str]:
    """Decode every QR code in a PNG with zxing-cpp."""
    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(data)))]


def decode_svg(svg: str, size: int = 600) -> list[str]:
    """Rasterise an SVG with resvg and decode every QR code in it."""
    png = bytes(resvg_py.svg_to_bytes(svg_string=svg, width=size, height=size))
    return decode_png(png)


def decode_print_page(html: str, plaque_id: str | None = None) -> list[str]:
    """Decode the QR code of every sheet of a print page (``bien-qr/in-<k>.html``: the inline
    SVG of each sheet, each plaque's A5 then A6), or of plaque ``plaque_id``'s sheets only, with
    :func:`decode_svg`."""
    import re

    if plaque_id is not None:
        sheet = rf'<div class="paper a[56]" id="a[56]-{re.escape(plaque_id)}"[^>]*>.*?</svg>'
        html = "".join(re.findall(sheet, html, re.S))
    return [text for svg in re.findall(r"<svg .*?</svg>", html, re.S) for text in decode_svg(svg)]
