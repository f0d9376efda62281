"""The benchmark's own logic (build_tools/): the py-spy profile reader, the rows, ratios and
targets of ``bench_report``, the synthetic pages' length and small navigation, and that the
peak memory is the measured command's own. Nothing here times a build."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "build_tools"))
import bench_report
import benchmark
import profile_top
import synthetic

RAW = (
    "main (/x/site-packages/mkdocs/__main__.py:10);build (mkdocs/build.py:5);"
    "on_files (/y/plugins/langso/plaques/plugin.py:40);_encoder (langso/qr.py:7);"
    "make (qrcode/main.py:99) 30\n"
    "main (/x/site-packages/mkdocs/__main__.py:10);build (mkdocs/build.py:6) 50\n"
    "\n"
    " 20\n"
    "main (/x/site-packages/mkdocs/__main__.py:10);on_files (langso/plaques/plugin.py:41) 10\n"
)


def test_profile_lines_drop_line_numbers_and_machine_folders() -> None:
    assert profile_top.parse_line(RAW.splitlines()[0]) == (
        [
            "main (mkdocs/__main__.py)",
            "build (mkdocs/build.py)",
            "on_files (langso/plaques/plugin.py)",
            "_encoder (langso/qr.py)",
            "make (qrcode/main.py)",
        ],
        30,
    )
    assert profile_top.parse_line("\n") is None
    assert profile_top.parse_line(" 20") == (["(no Python frame)"], 20)
    with pytest.raises(ValueError, match="not a py-spy raw line"):
        profile_top.parse_line("main (a.py:1)")


def test_profile_counts_own_inclusive_and_innermost_langso_frame() -> None:
    profile = profile_top.read(RAW.splitlines(keepends=True))
    assert profile.samples == 110
    assert profile.own == {
        "make (qrcode/main.py)": 30,
        "build (mkdocs/build.py)": 50,
        "(no Python frame)": 20,
        "on_files (langso/plaques/plugin.py)": 10,
    }
    # Two lines share a function at different line numbers: counted once per stack.
    assert profile.inclusive["main (mkdocs/__main__.py)"] == 90
    assert profile.inclusive["on_files (langso/plaques/plugin.py)"] == 40
    assert profile.innermost == {
        "_encoder (langso/qr.py)": 30,
        "(outside langso)": 70,
        "on_files (langso/plaques/plugin.py)": 10,
    }
    assert profile.package_inclusive() == {
        "on_files (langso/plaques/plugin.py)": 40,
        "_encoder (langso/qr.py)": 30,
    }
    text = profile_top.report(profile, top=2)
    assert text.splitlines()[:4] == [
        "110 samples",
        "",
        "## top 2 by own time",
        " 45.5 %  build (mkdocs/build.py)",
    ]
    assert (
        "## top 2 by innermost langso frame\n 63.6 %  (outside langso)\n 27.3 %  _encoder" in text
    )


def _build(seconds: float, files: int = 100, peak: float = 50.0) -> dict[str, float]:
    return {"seconds": seconds, "peak_mb": peak, "files": files, "bytes": files * 1000, "html": 10}


ROUNDS = [
    {"a": _build(10, 150), "b": _build(4, 100), "c": None, "d": _build(5, 90)},
    {"a": _build(30, 150), "b": _build(10, 100), "c": None, "d": _build(20, 90)},
    {"a": _build(12, 150), "b": _build(8, 100), "c": None, "d": _build(6, 90)},
]


def test_medians_and_same_round_ratios() -> None:
    assert bench_report.summary(ROUNDS, "a") == {
        "seconds": 12.0, "peak_mb": 50.0, "files": 150.0, "bytes": 150000.0, "html": 10.0,
    }  # fmt: skip
    assert bench_report.summary(ROUNDS, "c") is None
    # Same-round ratios 2.5, 3.0, 1.5: the median is 2.5, not median(a) / median(b) = 1.5.
    assert bench_report.ratio(ROUNDS, "a", "b") == 2.5
    assert bench_report.ratio(ROUNDS, "a", "d") == 2.0
    assert bench_report.ratio(ROUNDS, "a", "b", "files") == 1.5
    assert bench_report.ratio(ROUNDS, "a", "c") is None
    assert bench_report.estimate(30, 1000, 3000) == 270


def test_targets_met_not_met_and_not_measured() -> None:
    rows = {
        1000: {"N": 1000, "rounds": ROUNDS, "serve": None},
        3000: {"N": 3000, "rounds": ROUNDS, "serve": {"yaml": 1.2, "markdown": 2.5}},
        10000: {"N": 10000, "rounds": [{"a": _build(50, 200, 499.0), "b": _build(25, 100)}]},
    }
    found = {
        t.name: (t.value, t.verdict) for t in bench_report.targets(rows, {"build": [1.0, 3.0, 1.5]})
    }
    assert found == {
        "N=1000: cold ours / (b) ≤ 2": (2.5, "NOT MET"),
        "N=3000: cold ours / (b) ≤ 2": (2.5, "NOT MET"),
        "N=10000: cold ours / (b) ≤ 2": (2.0, "MET"),
        "N=1000: cold ours / Zensical < 1": (2.0, "NOT MET"),
        "N=3000: cold ours / Zensical < 1": (2.0, "NOT MET"),
        "N=1000: files ours / (b) ≤ 1.5": (1.5, "MET"),
        "N=3000: files ours / (b) ≤ 1.5": (1.5, "MET"),
        "N=10000: files ours / (b) ≤ 1.5": (2.0, "NOT MET"),
        "N=10000: peak memory ours < 500 MB": (499.0, "MET"),
        "N=3000: langso serve edit < 2 s": (2.5, "NOT MET"),
        "sample cold build < 2 s": (1.5, "MET"),
        "sample langso check < 2 s": (None, "not measured"),
    }
    assert bench_report.Target("x", 1.0, 1.0).verdict == "NOT MET"  # "<": equal misses


def test_table_row_says_not_run_and_why() -> None:
    rows = {
        1000: {
            "N": 1000,
            "rounds": ROUNDS,
            "skipped": {"c": "estimated 900 s > 600 s"},
            "words": 451,
        }
    }
    text = bench_report.tables(rows)
    assert (
        "| 1000 | 451 | 12.0 | 8.0 | not run | 6.0 | 2.50 | — | 2.00 | 50/50/not run/50 |" in text
    )
    assert "N=1000 (c): not run: estimated 900 s > 600 s" in text


def test_synthetic_pages_have_the_documented_450_words() -> None:
    for guide in (False, True):
        for photo in (None, "../anh/anh-00000.jpg"):
            page = synthetic.page_markdown("Đình Hưng 12", 450, random.Random(3), photo, guide)
            assert 440 <= synthetic.body_words(page) <= 460


def test_small_nav_reproduces_our_window(tmp_path: Path) -> None:
    for folder, count in (("danh-ba", 30), ("dia-diem", 3), ("huong-dan", 26)):
        (tmp_path / folder).mkdir()
        for number in range(count):
            (tmp_path / folder / f"p{number:02d}.md").write_text("# x\n")
    (tmp_path / "danh-ba" / "index.md").write_text("# Danh bạ\n")
    nav = synthetic.small_nav(tmp_path, "https://example.org/lang/")
    assert nav.splitlines()[:12] == [
        "nav:",
        "  - index.md",
        "  - 'Danh bạ':",
        "    - danh-ba/index.md",
        *(f"    - danh-ba/p{n:02d}.md" for n in range(7)),
        "    - 'Xem tất cả 30 trang': https://example.org/lang/danh-ba/",
    ]
    assert "    - dia-diem/p02.md\n  - 'Hướng dẫn':\n    - huong-dan/p00.md" in nav
    assert nav.endswith("    - 'Xem tất cả 26 trang': https://example.org/lang/huong-dan/\n")


@pytest.mark.parametrize("gnu_time", [True, False])
def test_peak_memory_is_the_commands_own(
    gnu_time: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parent holds 300 MB; the measured command, a bare interpreter, far less (the old
    benchmark read ``ru_maxrss`` in the child, which carries the parent's over)."""
    if not gnu_time:
        monkeypatch.setattr(benchmark, "TIME", str(tmp_path / "no-time"))
    elif not Path(benchmark.TIME).exists():
        pytest.skip("GNU time is not installed")
    held = bytearray(300 * 1024 * 1024)
    held[::4096] = b"\1" * len(range(0, len(held), 4096))
    result = benchmark.timed_run([sys.executable, "-c", "print('ok')"], tmp_path, 60)
    assert result is not None
    assert result["stdout"] == "ok\n"
    assert 1 < result["peak_mb"] < 100
    assert (
        benchmark.timed_run([sys.executable, "-c", "import time; time.sleep(30)"], tmp_path, 0.5)
        is None
    )
