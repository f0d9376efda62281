"""`langso init` through its real entry point: the new village checks and builds strictly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def langso(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "langso.cli", *args],
        cwd=cwd,
        env=ENV,
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize("host", ["github", "netlify"])
def test_a_new_village_passes_check_and_a_strict_build(tmp_path: Path, host: str) -> None:
    made = langso(
        "init", "lang-moi", "--village", "Tân Ngữ", "--commune", "xã Yên Định",
        "--province", "tỉnh Thanh Hóa", "--host", host, cwd=tmp_path,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert made.stdout.splitlines()[0].startswith("Đã tạo ")
    village = tmp_path / "lang-moi"
    checked = langso("check", cwd=village)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.splitlines()[-1] == "Không có lỗi"
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=village, env=ENV,
        capture_output=True, text=True,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    assert (village / "site" / "index.html").exists()


def test_a_former_commune_is_refused_with_the_fix(tmp_path: Path) -> None:
    made = langso(
        "init", "lang-moi", "--village", "X", "--commune", "xã Định Long",
        "--province", "tỉnh Thanh Hóa", "--host", "github", cwd=tmp_path,
    )  # fmt: skip
    assert made.returncode == 1
    assert made.stderr.splitlines()[0] == (
        "không có `xã Định Long` trong tỉnh Thanh Hóa từ 01/07/2025 — có phải: `xã Hà Long`,"
        " `xã Vĩnh Lộc`, `xã Thọ Long`? Ghi tên xã mới, có dấu; tên xã cũ ghi sau vào `xa_cu`"
        " trong content/village.yml."
    )
    assert not (tmp_path / "lang-moi").exists()
