"""Under ``mkdocs serve`` (``langso serve``) the notices keep the configured ``site_url``: MkDocs
puts its local address in ``config.site_url`` before each build, but a print page made in the
preview is pinned up in the village, and its QR code must open the published notice.

The build here is the one ``mkdocs serve`` runs (MkDocs 1.6 ``mkdocs/commands/serve.py``):
``on_startup(command="serve")``, ``config.site_url`` set to the local address, then ``build``
with ``serve_url``; no server is started.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import _serve_url

from tests.conftest import decode_svg
from tests.notices.test_build import SITE_URL, notices_site, one

LOCAL = "127.0.0.1"


def serve_build(root: Path) -> tuple[Path, str]:
    """Build ``root`` as ``mkdocs serve`` does; the site folder and the local address."""
    site_dir = root / "preview"
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site_dir))
    config.plugins.on_startup(command="serve", dirty=False)
    host, port = config.dev_addr
    config.site_url = serve_url = _serve_url(host, port, urlsplit(config.site_url or "/").path)
    build(config, serve_url=serve_url)
    return site_dir, serve_url


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795996800")
    try:
        return serve_build(notices_site(tmp_path_factory.mktemp("served") / "site"))
    finally:
        monkeypatch.undo()


def test_the_print_page_made_in_the_preview_has_the_published_address(
    served: tuple[Path, str],
) -> None:
    site_dir, serve_url = served
    assert serve_url.startswith(f"http://{LOCAL}:")  # the build did see the local address
    path = site_dir / "thong-bao" / "in" / "2026-11-29-bao" / "index.html"
    soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
    url = SITE_URL + "thong-bao/2026-11-29-bao/"
    assert one(soup, ".url").get_text() == url
    assert decode_svg(str(one(soup, ".foot svg"))) == [url]
    assert LOCAL not in path.read_text("utf-8")


def test_the_feed_made_in_the_preview_has_the_published_addresses(
    served: tuple[Path, str],
) -> None:
    site_dir, _ = served
    feed = (site_dir / "thong-bao" / "atom.xml").read_text("utf-8")
    assert f'<link rel="alternate" type="text/html" href="{SITE_URL}thong-bao/2026-11-29-bao/"' in (
        feed
    )
    assert LOCAL not in feed
