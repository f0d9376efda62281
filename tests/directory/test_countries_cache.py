"""The country of each coordinate near a border, kept in ``.cache/langso/countries.json``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from langso import geography
from tests.conftest import SiteFactory, build_site

NEAR_THE_BORDER = {  # outside every rectangle of geography.SURELY_VIETNAM
    "content/danh-ba/tram-y-te-ha-giang.yml": "22.8000, 104.9800",
    "content/danh-ba/cho-ha-giang.yml": "22.8500, 104.9900",
}


def _forget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Start from no answers and no file; the module's state comes back after the test."""
    monkeypatch.setattr(geography, "_COUNTRIES", {})
    monkeypatch.setattr(geography, "_CACHE_FILE", None)
    monkeypatch.setattr(geography, "_UNSAVED", False)


def _service(name: str, where: str) -> str:
    return (
        f"ten: '{name}'\nloai: 'cho'\ndien_thoai: '0300 000 002'\ntoa_do: '{where}'\n"
        "du_lieu_mau: 'có'\n"
    )


def test_a_build_writes_the_countries_it_looked_up(
    make_site: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    _forget(monkeypatch)
    files = {
        path: _service(f"Điểm {number}", where)
        for number, (path, where) in enumerate(NEAR_THE_BORDER.items())
    }
    root = make_site(files=files)
    result = build_site(root, strict=False)
    assert result.aborted is None, result.messages
    written = json.loads((root / ".cache/langso/countries.json").read_text(encoding="utf-8"))
    # The fixture's own service (19.98, 105.64) is in a rectangle: never looked up, not kept.
    assert written == {"22.8,104.98": "VN", "22.85,104.99": "VN"}


def test_a_new_folder_gets_the_answers_already_known(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _forget(monkeypatch)
    # One process, two projects (tests, a volunteer's two villages): the second file is whole.
    geography.use_cache(tmp_path / "a")
    geography.country_of(17.97, 102.60)
    geography.save_cache()
    geography.use_cache(tmp_path / "b")
    geography.save_cache()
    written = json.loads((tmp_path / "b/countries.json").read_text(encoding="utf-8"))
    assert written["17.97,102.6"] == "LA"
