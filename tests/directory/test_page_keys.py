"""A service page is made again when what it shows changes, not because the day did."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from langso.cache import FileCache
from langso.directory.outputs import DIRECTORY_CODE, DIRECTORY_LIBRARIES, directory_pages
from tests.directory.entries import FULL, load

VERIFIED = FULL + "xac_minh:\n  ngay: '01/11/2026'\n  vai_tro: 'Trưởng thôn'\n"
UNVERIFIED = FULL.replace("Trạm Y tế xã Yên Định", "Chợ Phú Mỹ")
STALE_WARNING = "Thông tin có thể đã cũ"


def _pages(cache_dir: Path, docs: Path, today: dt.date) -> tuple[FileCache, dict[str, str]]:
    docs.mkdir()
    directory, problems = load(docs, {"tram-y-te.yml": VERIFIED, "cho.yml": UNVERIFIED})
    assert not [p for p in problems if p.severity == "error"], problems
    cache = FileCache(cache_dir, code=DIRECTORY_CODE, libraries=DIRECTORY_LIBRARIES)
    made = directory_pages(
        cache,
        directory,
        None,
        "danh-ba/index.md",
        "Danh bạ",
        per_page=50,
        today=today,
        stale_months=12,
    )
    return cache, {uri: path.read_text(encoding="utf-8") for uri, path in made.items()}


def test_the_next_day_makes_no_page_again(tmp_path: Path) -> None:
    _, first = _pages(tmp_path / "cache", tmp_path / "a", dt.date(2026, 12, 1))
    cache, second = _pages(tmp_path / "cache", tmp_path / "b", dt.date(2026, 12, 2))
    # The nightly rebuild: every page and the index come from the cache, unchanged.
    assert (cache.made, cache.reused) == (0, 3)
    assert second == first
    assert STALE_WARNING not in first["danh-ba/tram-y-te.md"]
    assert STALE_WARNING in first["danh-ba/cho.md"]  # never verified


def test_a_page_is_made_again_when_its_entry_turns_stale(tmp_path: Path) -> None:
    _pages(tmp_path / "cache", tmp_path / "a", dt.date(2026, 12, 1))
    # Verified 01/11/2026, stale after 12 months: on 02/11/2027 its page warns.
    cache, later = _pages(tmp_path / "cache", tmp_path / "b", dt.date(2027, 11, 2))
    assert (cache.made, cache.reused) == (1, 2)
    assert STALE_WARNING in later["danh-ba/tram-y-te.md"]
