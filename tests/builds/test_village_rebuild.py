"""Pages that show ``village.yml`` or the helper's entry change when those files change: in a
dirty rebuild (what ``langso serve`` does) and in a full rebuild with a warm ``.cache/``.

A fresh tester added ``anh``, ``anh_mo_ta`` and ``ho_tro`` while serving: the home page kept no
picture and the guides' "Cần giúp?" box its old text until the server was restarted (issue 14).
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from PIL import Image

from tests.builds.test_cache import PLUGINS
from tests.conftest import SiteFactory, build_site

GUIDE_TEXT = "# Làm thử\n\n## Các bước\n\n1. Mở ứng dụng.\n2. Bấm **Bắt đầu**.\n"
ADDED = "ho_tro: 'cho-phu-my'\nanh: 'anh/lang.png'\nanh_mo_ta: 'Cổng làng'\n"


def _site(make_site: SiteFactory) -> Path:
    root = make_site(
        files={"content/huong-dan/lam-thu.md": GUIDE_TEXT}, config={"plugins": PLUGINS}
    )
    (root / "content/anh").mkdir()
    (root / "content/anh/lang.png").write_bytes(_png(640, 320))
    return root


def _png(width: int, height: int) -> bytes:
    data = io.BytesIO()
    Image.new("RGB", (width, height), (200, 160, 120)).save(data, "PNG")
    return data.getvalue()


def _build(root: Path, *, dirty: bool) -> None:
    """Build as ``langso serve`` does (dirty: only pages older than their sources) or fully."""
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    build(config, dirty=dirty)


def _later(path: Path) -> None:
    """Make ``path`` a second newer than every page built so far (edits come after builds)."""
    later = path.stat().st_mtime + 1
    os.utime(path, (later, later))


def _read(root: Path, page: str) -> str:
    return (root / "site" / page).read_text(encoding="utf-8")


@pytest.mark.parametrize("dirty", [True, False], ids=["dirty", "full-warm-cache"])
def test_pages_follow_village_yml_and_the_helpers_entry(
    make_site: SiteFactory, dirty: bool
) -> None:
    root = _site(make_site)
    _build(root, dirty=False)
    assert "langso-hero" not in _read(root, "index.html")
    assert "Tìm số điện thoại trong danh bạ" in _read(root, "huong-dan/lam-thu/index.html")

    village = root / "content/village.yml"
    village.write_text(village.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    _later(village)
    _build(root, dirty=dirty)
    home = _read(root, "index.html")
    assert '<img src="anh/lang.png" alt="Cổng làng" width="640" height="320"' in home
    guide = _read(root, "huong-dan/lam-thu/index.html")
    assert "<p>Gọi Chợ Phú Mỹ:</p>" in guide
    assert 'href="tel:+84300000001"' in guide

    # The helper's own entry, then the picture's file: the pages showing them follow.
    service = root / "content/danh-ba/cho-phu-my.yml"
    text = service.read_text(encoding="utf-8")
    service.write_text(text.replace("0300 000 001", "0300 000 009"), encoding="utf-8")
    _later(service)
    picture = root / "content/anh/lang.png"
    picture.write_bytes(_png(600, 400))
    _later(picture)
    _build(root, dirty=dirty)
    assert 'href="tel:+84300000009"' in _read(root, "huong-dan/lam-thu/index.html")
    assert 'alt="Cổng làng" width="600" height="400"' in _read(root, "index.html")

    # Touching village.yml alone renders the pages again (the tester's `touch`).
    page = root / "site/dia-diem/dinh-lang-phu-my/index.html"
    before = page.stat().st_mtime_ns
    _later(village)
    _build(root, dirty=dirty)
    assert page.stat().st_mtime_ns > before


def test_an_unchanged_village_renders_only_what_changed(make_site: SiteFactory) -> None:
    # Dirty builds stay quick: with village.yml and the helper unchanged, untouched pages are
    # left as they were.
    root = _site(make_site)
    result = build_site(root)
    assert result.ok, result.text()
    home = root / "site/index.html"
    guide = root / "site/huong-dan/lam-thu/index.html"
    made = home.stat().st_mtime_ns, guide.stat().st_mtime_ns
    _build(root, dirty=True)
    assert (home.stat().st_mtime_ns, guide.stat().st_mtime_ns) == made
