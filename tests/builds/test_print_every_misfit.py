"""``langso plaques print`` names every plaque a paper is too small for, in one run, each at
its line of plaques.yml, Vietnamese then English, with the registry's other mistakes (a new
user's village of 25 plaques on A6 was told of the first plaque only)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURE_SITES


def print_plaques(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``langso plaques print`` through its real entry point, in a clean process."""
    return subprocess.run(
        [sys.executable, "-m", "langso.cli", "plaques", "print", "--output", "in", *args],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def village(tmp_path: Path, count: int, extra: str = "") -> Path:
    """The minimal fixture with ``count`` plaques (``bien-1`` … at lines 1, 4, 7 …) leading to
    its place page, then ``extra`` registry text."""
    root = tmp_path / "lang"
    shutil.copytree(FIXTURE_SITES / "minimal", root)
    registry = "".join(
        f"- id: 'bien-{n}'\n  ten: 'Biển {n}'\n  trang: 'dia-diem/dinh-lang-phu-my.md'\n"
        for n in range(1, count + 1)
    )
    (root / "content/plaques.yml").write_text(registry + extra, encoding="utf-8")
    return root


def test_every_plaque_too_large_for_a6_is_named_at_its_line(tmp_path: Path) -> None:
    root = village(tmp_path, 25)
    result = print_plaques(root, "--paper", "A6", "--thu")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[:2] == [
        "content/plaques.yml:1: id: biển `bien-1`: đọc từ 1 m cần mã QR rộng 121,95 mm kể cả lề "
        "trắng 4 ô (quy tắc 10:1), nhưng khổ A6 không đủ chỗ: khổ này chỉ chứa được mã đọc từ "
        "tối đa 0,74 m — in khổ A5 hoặc A4 (`--paper`), hoặc đặt `--distance-m 0,74` hay nhỏ "
        "hơn nếu người đọc đứng gần biển hơn",
        "    (en) plaque `bien-1`: reading from 1 m needs a QR code 121.95 mm wide with its "
        "4-module quiet zone (10:1 rule), but A6 has no room for it: it holds a code read from "
        "0.74 m at most — print on A5 or A4 (`--paper`), or set `--distance-m 0.74` or less if "
        "readers stand closer to the plaque",
    ]
    named = [line.split(": id: biển ")[0] for line in lines if ": id: biển " in line]
    assert named == [f"content/plaques.yml:{3 * n - 2}" for n in range(1, 26)]
    for n in range(1, 26):
        assert f"    (en) plaque `bien-{n}`: reading from 1 m needs" in result.stderr
    assert lines[-1] == (
        "Làng số: 25 lỗi, chưa in biển nào — sửa rồi chạy lại. / 25 error(s), nothing printed — "
        "fix them and run again."
    )
    assert not (root / "in").exists()
    # the distance it suggests prints them all
    fixed = print_plaques(root, "--paper", "A6", "--distance-m", "0,74", "--thu")
    assert fixed.returncode == 0, fixed.stderr
    assert (root / "in/bien-qr-a6-in-thu.pdf").is_file()


def test_each_paper_and_the_registrys_mistakes_come_in_the_same_run(tmp_path: Path) -> None:
    missing = "- id: 'ho'\n  ten: 'Hồ'\n  trang: 'dia-diem/khong-co.md'\n"
    root = village(tmp_path, 2, missing)
    result = print_plaques(root, "--paper", "A5", "--paper", "stickers", "--distance-m", "2")
    assert result.returncode == 1
    located = [line.split(" — ")[0] for line in result.stderr.splitlines() if line[0] != " "]
    assert located == [
        # the registry's own mistake …
        "content/plaques.yml:9: trang: biển `ho` dẫn tới `dia-diem/khong-co.md`, nhưng trang "
        "này không có trong trang web",
        # … each plaque on each paper (no paper holds a code read from 2 m) …
        *[
            f"content/plaques.yml:{line}: id: biển `bien-{n}`: đọc từ 2 m cần mã QR rộng "
            f"243,45 mm kể cả lề trắng 4 ô (quy tắc 10:1), nhưng khổ {paper} không đủ chỗ: khổ "
            f"này chỉ chứa được mã đọc từ tối đa {reach} m, và không khổ giấy nào chứa được mã "
            "đọc từ 2 m"
            for paper, reach in (("A5", "1,05"), ("A4 (nhãn dán / stickers)", "1,55"))
            for n, line in ((1, 1), (2, 4))
        ],
        # … and the placeholder address, a reason not to print for real
        "mkdocs.yml:2: site_url: `https://example.github.io/lang-phu-my/` không phải địa chỉ "
        "thật của trang: đây là địa chỉ tạm do `langso init` ghi. Biển in với địa chỉ này không "
        "mở được trang nào, và biển đã in thì không thu hồi được",
        "Làng số: 6 lỗi, chưa in biển nào",
        "Chỉ muốn xem thử bản in: thêm --thu (mỗi biển có chữ BẢN IN THỬ, không ghi sổ). / For a "
        "look only: add --thu (every plaque marked BẢN IN THỬ, nothing recorded).",
    ]
    assert not (root / "in").exists()


def test_a_reading_distance_of_zero_is_refused_by_the_command_line(tmp_path: Path) -> None:
    result = print_plaques(village(tmp_path, 1), "--distance-m", "0", "--thu")
    assert result.returncode == 2
    assert (
        "`0` không phải số mét lớn hơn 0, ví dụ 1 hoặc 0,5 / `0` is not a number of metres above "
        "0, e.g. 1 or 0.5"
    ) in result.stderr
