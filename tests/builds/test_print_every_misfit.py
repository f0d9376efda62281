"""``langso plaques print`` names every plaque a paper is too small for, in one run and one
error a paper, each with its line of plaques.yml, Vietnamese then English, with the registry's
other mistakes (a new user's village of 25 plaques on A6 was told of the first plaque only, then
given 25 near-identical errors for one fix)."""

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


def test_every_plaque_too_large_for_a6_is_named_in_one_error_with_its_line(
    tmp_path: Path,
) -> None:
    """One paper, one fix: one error naming all 25 plaques and each one's line (not 25 errors
    repeating the same fix)."""
    root = village(tmp_path, 25)
    result = print_plaques(root, "--paper", "A6", "--thu")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    ids_vi = ", ".join(f"`bien-{n}` (dòng {3 * n - 2})" for n in range(1, 26))
    ids_en = ", ".join(f"`bien-{n}` (line {3 * n - 2})" for n in range(1, 26))
    assert lines == [
        "content/plaques.yml:1: id: khổ A6 không chứa được mã QR của 25 biển đọc từ 1 m (quy tắc "
        "10:1: cần mã rộng tới 121,95 mm kể cả lề trắng 4 ô) ở content/plaques.yml: "
        f"{ids_vi}; khổ này chỉ chứa được mã của mọi biển đó nếu đọc từ tối đa 0,74 m — in khổ "
        "A5 hoặc A4 (`--paper`), hoặc đặt `--distance-m 0,74` hay nhỏ hơn nếu người đọc đứng "
        "gần biển hơn",
        "    (en) A6 cannot hold the QR codes of 25 plaque(s) read from 1 m (10:1 rule: codes up "
        f"to 121.95 mm wide with their 4-module quiet zone) in content/plaques.yml: {ids_en}; "
        "it holds all of them only if read from 0.74 m at most — print on A5 or A4 (`--paper`), "
        "or set `--distance-m 0.74` or less if readers stand closer to the plaques",
        "Làng số: 1 lỗi, chưa in biển nào — sửa rồi chạy lại. / 1 error(s), nothing printed — "
        "fix them and run again.",
    ]
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
        # … each paper once, naming both plaques (no paper holds a code read from 2 m) …
        *[
            f"content/plaques.yml:1: id: khổ {paper} không chứa được mã QR của 2 biển đọc từ 2 m "
            "(quy tắc 10:1: cần mã rộng tới 243,45 mm kể cả lề trắng 4 ô), và không khổ giấy "
            "nào chứa được hết, ở content/plaques.yml: `bien-1` (dòng 1), `bien-2` (dòng 4); "
            f"khổ này chỉ chứa được mã của mọi biển đó nếu đọc từ tối đa {reach} m"
            for paper, reach in (("A5", "1,05"), ("A4 (nhãn dán / stickers)", "1,55"))
        ],
        # … and the placeholder address, a reason not to print for real
        "mkdocs.yml:2: site_url: `https://example.github.io/lang-phu-my/` không phải địa chỉ "
        "thật của trang: đây là địa chỉ tạm do `langso init` ghi. Biển in với địa chỉ này không "
        "mở được trang nào, và biển đã in thì không thu hồi được",
        "Làng số: 4 lỗi, chưa in biển nào",
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
