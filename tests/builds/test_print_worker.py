"""The PDF sheets of ``print_sheets`` are made in a worker process while the build renders the
pages (:mod:`langso.printing.pending`): same bytes, same errors, and WeasyPrint never loaded in
the build's own process."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from langso.printing import PrintError
from tests.conftest import BUILD_DAY, build_site

PLUGINS = [
    "langso/content",
    {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
    {"langso/plaques": {"print_sheets": ["A5", "stickers"]}},
]

_BUILD_ALONE = """
import sys
from mkdocs.__main__ import cli
try:
    cli(["build", "-q", "-f", sys.argv[1], "-d", sys.argv[2]])
except SystemExit as end:
    if end.code:
        raise
print("weasyprint" in sys.modules)
"""


def test_a_print_error_crosses_from_the_worker_whole() -> None:
    """Pickled in the worker, unpickled in the build: both languages survive."""
    error = pickle.loads(pickle.dumps(PrintError("khổ giấy quá nhỏ", "the paper is too small")))
    assert (error.vi, error.en) == ("khổ giấy quá nhỏ", "the paper is too small")
    assert str(error) == "khổ giấy quá nhỏ\n    (en) the paper is too small"


def test_the_sheets_are_made_outside_the_build_process(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    """A build in a fresh process publishes both sheets without importing WeasyPrint itself;
    the sheets are byte for byte those of an in-process build (the same cache key and bytes)."""
    root = make_site(config={"plugins": PLUGINS})
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_DAY}
    run = subprocess.run(
        [sys.executable, "-c", _BUILD_ALONE, str(root / "mkdocs.yml"), str(tmp_path / "alone")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=root,
        env=env,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "False"  # WeasyPrint stayed in the worker
    sheets = tmp_path / "alone" / "bien-qr" / "in"
    assert sorted(p.name for p in sheets.iterdir()) == ["bien-qr-a5.pdf", "bien-qr-nhan-dan.pdf"]
    for pdf in sheets.iterdir():
        assert pdf.read_bytes().startswith(b"%PDF-")
    # The next build finds them in the cache: no worker, the same files.
    again = build_site(root)
    assert again.ok, again.text()
    for pdf in sheets.iterdir():
        assert (again.site_dir / "bien-qr" / "in" / pdf.name).read_bytes() == pdf.read_bytes()


def test_a_sheet_that_cannot_hold_the_codes_is_one_error_at_print_sheets(
    make_site: Callable[..., Path],
) -> None:
    """Read from 30 m a code needs over 3 m of paper: ONE error, at the line of `print_sheets`
    in mkdocs.yml (the one setting to fix), naming both plaques, in both languages, with the
    fix in mkdocs.yml's terms; no sheet is published."""
    plugins = [*PLUGINS[:2], {"langso/plaques": {"print_sheets": ["A5"], "print_distance_m": 30.0}}]
    root = make_site(config={"plugins": plugins})
    result = build_site(root)
    assert not result.ok
    errors = [m for m in result.messages if "print_distance_m" in m]
    assert errors == [
        "mkdocs.yml:13: print_sheets: tờ in A5 (`print_sheets` ở `langso/plaques`) không chứa "
        "được mã QR của 2 biển đọc từ 30 m (quy tắc 10:1: cần mã rộng tới 3727,31 mm kể cả lề "
        "trắng 4 ô), và không khổ giấy nào chứa được hết: `dinh`, `cho`; khổ này chỉ chứa được "
        "mã của mọi biển đó nếu đọc từ tối đa 1,02 m — trong mkdocs.yml, ở `langso/plaques`, "
        "đặt `print_distance_m: 1.02` hay nhỏ hơn, và gắn biển ở chỗ người đọc đứng gần hơn\n"
        "    (en) the A5 sheet (`print_sheets` under `langso/plaques`) cannot hold the QR codes "
        "of 2 plaque(s) read from 30 m (10:1 rule: codes up to 3727.31 mm wide with their "
        "4-module quiet zone), and no paper holds them all: `dinh`, `cho`; it holds all of "
        "them only if read from 1.02 m at most — in mkdocs.yml, under `langso/plaques`, set "
        "`print_distance_m: 1.02` or less, and mount the plaques where readers stand closer"
    ], result.text()
    assert "content/plaques.yml" not in result.text()
    assert not (result.site_dir / "bien-qr" / "in").exists()


@pytest.mark.parametrize("distance", [-1.0, 0, True, float("nan")])
def test_a_reading_distance_that_is_no_distance_is_refused_in_words(
    make_site: Callable[..., Path], distance: object
) -> None:
    """A careless `print_distance_m` (negative, zero, `true`, `.nan`) stops the build with the
    reason and the fix, not a traceback from deep in the layout."""
    plugins = [
        *PLUGINS[:2],
        {"langso/plaques": {"print_sheets": ["A5"], "print_distance_m": distance}},
    ]
    result = build_site(make_site(config={"plugins": plugins}))
    assert not result.ok
    assert any(
        m.startswith("mkdocs.yml: langso/plaques: print_distance_m là khoảng cách người đọc")
        and "must be above 0" in m
        for m in result.messages
    ), result.text()


def test_a_whole_number_of_metres_is_a_distance(make_site: Callable[..., Path]) -> None:
    """`print_distance_m: 1` as a volunteer writes it is 1.0: the sheet is published."""
    plugins = [*PLUGINS[:2], {"langso/plaques": {"print_sheets": ["A5"], "print_distance_m": 1}}]
    result = build_site(make_site(config={"plugins": plugins}))
    assert result.ok, result.text()
    assert (result.site_dir / "bien-qr/in/bien-qr-a5.pdf").read_bytes().startswith(b"%PDF-")
