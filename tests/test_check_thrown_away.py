"""``langso check`` throws its site away, so it lays the PDF sheets out but does not render them.

A sheet too small for its codes is still reported, a sheet a build left in the cache is reused,
and nothing unrendered enters the cache (:mod:`langso.checkrun`, issue 18).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from langso.checkrun import site_thrown_away
from langso.printing import PAPERS, PrintError
from langso.printing.sheets import cached_plaques_pdf, print_cache
from tests.conftest import SiteFactory, build_site
from tests.test_cli_check import langso
from tests.test_printing import ITEMS

PLUGINS = [
    "langso/content",
    {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
]


def _sheets_site(make_site: SiteFactory, distance_m: float) -> Path:
    sheets = {"print_sheets": ["A6"], "print_distance_m": distance_m}
    return make_site(config={"plugins": [*PLUGINS, {"langso/plaques": sheets}]})


def _cached_pdfs(root: Path) -> list[Path]:
    return sorted((root / ".cache" / "langso" / "print").glob("*/sheet.pdf"))


def test_a_check_renders_no_sheet_and_a_build_still_does(make_site: SiteFactory) -> None:
    root = _sheets_site(make_site, 0.7)
    result = langso(root, "check")
    assert result.stdout.splitlines()[-1] == "Có thể xuất bản / Ready to publish"
    assert result.returncode == 0, result.stderr
    assert _cached_pdfs(root) == []  # WeasyPrint was not asked for it
    built = build_site(root)
    assert built.ok, built.text()
    pdf = (built.site_dir / "bien-qr" / "in" / "bien-qr-a6.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert [p.read_bytes() for p in _cached_pdfs(root)] == [pdf]


def test_a_check_still_reports_a_sheet_too_small_for_its_codes(make_site: SiteFactory) -> None:
    """Once, at `print_sheets` in mkdocs.yml, naming every plaque the sheet cannot hold (not
    once per plaque at its line of the registry)."""
    result = langso(_sheets_site(make_site, 5.0), "check")
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if "print_sheets" in line]
    assert "MkDocs" not in result.stdout  # said once, by the plaques plugin, not again
    assert "content/plaques.yml" not in result.stdout
    lines = [line for line in lines if not line.startswith(" ")]
    assert lines == [
        "mkdocs.yml:13: print_sheets: tờ in A6 (`print_sheets` ở `langso/plaques`) không chứa "
        "được mã QR của 2 biển đọc từ 5 m (quy tắc 10:1: cần mã rộng tới 621,56 mm kể cả lề "
        "trắng 4 ô), và không khổ giấy nào chứa được hết: `dinh`, `cho`; khổ này chỉ chứa "
        "được mã của mọi biển đó nếu đọc từ tối đa 0,72 m — trong mkdocs.yml, ở "
        "`langso/plaques`, đặt `print_distance_m: 0.72` hay nhỏ hơn, và gắn biển ở chỗ người "
        "đọc đứng gần hơn"
    ], result.stdout


def test_a_thrown_away_site_reuses_a_cached_sheet_and_caches_nothing(tmp_path: Path) -> None:
    cache = print_cache(tmp_path / "print")
    with site_thrown_away():
        empty = cached_plaques_pdf(cache, ITEMS, PAPERS["A6"], 0.7)
        assert empty.read_bytes() == b""
        with pytest.raises(PrintError):
            cached_plaques_pdf(cache, ITEMS, PAPERS["A6"], 5.0)
    assert not (tmp_path / "print").exists()
    made = cached_plaques_pdf(cache, ITEMS, PAPERS["A6"], 0.7)
    assert made.read_bytes().startswith(b"%PDF-")
    with site_thrown_away():
        assert cached_plaques_pdf(cache, ITEMS, PAPERS["A6"], 0.7) == made
