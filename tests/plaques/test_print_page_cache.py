"""The plaques' print pages (``bien-qr/in-<k>.html``) are made once into the plaques' cache and
handed to MkDocs as files to copy, not held as text until the build writes them (issue 18: at
N = 10,000 that text was 69 MB of the build's peak memory)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from langso.cache import FileCache
from langso.plaques.model import Plaque
from langso.plaques.render import (
    PLAQUE_CODE,
    PLAQUE_LIBRARIES,
    group_html,
    group_page,
    plaque_files,
)
from tests.conftest import SiteFactory

SITE_URL = "https://example.github.io/lang-phu-my/"


def _part(cache: FileCache, plaque_id: str, name: str) -> Path:
    plaque = Plaque(id=plaque_id, ten=name, trang="dia-diem/dinh.md")
    made = plaque_files(
        cache, plaque, f"{SITE_URL}q/{plaque_id}/", "Làng Phú Mỹ", "Q", print_page=True
    )
    assert made.print_page is not None
    return made.print_page


def test_a_print_page_is_made_once_from_its_parts(tmp_path: Path) -> None:
    cache = FileCache(tmp_path / "plaques", code=PLAQUE_CODE, libraries=PLAQUE_LIBRARIES)
    parts = [_part(cache, "dinh", "Đình làng Phú Mỹ"), _part(cache, "cho", "Chợ Phú Mỹ")]
    texts = [part.read_text(encoding="utf-8") for part in parts]

    page = group_page(cache, parts, 1, 2)
    assert page.read_text(encoding="utf-8") == group_html(texts, 1, 2)
    made = cache.made
    assert group_page(cache, parts, 1, 2) == page  # found, not made again
    assert cache.made == made

    # Another part (a plaque renamed), another number or count: another page.
    renamed = [_part(cache, "dinh", "Đình làng Phú Mỹ Thượng"), parts[1]]
    assert "Phú Mỹ Thượng" in group_page(cache, renamed, 1, 2).read_text(encoding="utf-8")
    assert group_page(cache, parts, 2, 2) != page
    assert "(1/3)" in group_page(cache, parts, 1, 3).read_text(encoding="utf-8")

    # A damaged entry is made again.
    page.unlink()
    again = group_page(cache, parts, 1, 2)
    assert again.read_text(encoding="utf-8") == group_html(texts, 1, 2)


def test_the_build_copies_the_print_page_from_the_cache(make_site: SiteFactory) -> None:
    root = make_site()
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    sources: list[str | None] = []

    def note(files: Files, **_: object) -> Files:
        file = files.get_file_from_path("bien-qr/in-1.html")
        assert file is not None
        sources.append(file.abs_src_path)
        return files

    config.plugins.events["files"].append(note)  # after every plugin's on_files
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    (source,) = sources
    assert source is not None  # a file, not text held in memory until it is written
    cache = (root / ".cache/langso/plaques").resolve()
    assert Path(source).resolve().is_relative_to(cache)
    published = root / "site/bien-qr/in-1.html"
    assert Path(source).read_bytes() == published.read_bytes()
    assert "in-1.html#a5-dinh" in (root / "site/bien-qr/index.html").read_text(encoding="utf-8")
