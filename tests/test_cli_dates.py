"""Dates on the command line as volunteers type them (``30/11/2026``, as in the content), and
``langso init`` keeping the commune's kind, through the real entry point."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from langso.cli import build_parser

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
REPO = Path(__file__).resolve().parent.parent


def langso(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "langso.cli", *args],
        cwd=cwd,
        env=ENV,
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize("typed", ["30/11/2026", "30-11-2026", "30.11.2026", "2026-11-30"])
def test_print_date_as_typed(typed: str) -> None:
    args = build_parser().parse_args(["plaques", "print", "--output", "in", "--date", typed])
    assert args.date == dt.date(2026, 11, 30)


def test_a_date_that_does_not_exist_is_refused_in_vietnamese_first(tmp_path: Path) -> None:
    result = langso("plaques", "print", "--output", "in", "--date", "31/11/2026", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-2].endswith(
        "`31/11/2026` không phải một ngày có thật; viết ngày/tháng/năm, ví dụ 30/11/2026 / "
        "`31/11/2026` is not a real date; write day/month/year, e.g. 30/11/2026"
    )


def test_init_date_and_commune_as_a_volunteer_types_them(tmp_path: Path) -> None:
    made = langso(
        "init", "lang-moi", "--village", "Tân Ngữ", "--commune", "Yen Dinh",
        "--province", "Thanh Hoa", "--host", "github", "--date", "01/05/2026",
        "--nguon", str(REPO), cwd=tmp_path,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    content = tmp_path / "lang-moi" / "content"
    village = yaml.safe_load((content / "village.yml").read_text("utf-8"))
    assert (village["xa"], village["tinh"]) == ("xã Yên Định", "tỉnh Thanh Hóa")
    (service,) = (content / "danh-ba").glob("*.yml")
    assert yaml.safe_load(service.read_text("utf-8"))["xac_minh"]["ngay"] == "01/05/2026"


def test_init_lists_the_units_a_name_could_be(tmp_path: Path) -> None:
    made = langso(
        "init", "lang-moi", "--village", "X", "--commune", "Dong Tien",
        "--province", "tỉnh Thanh Hóa", "--host", "github", cwd=tmp_path,
    )  # fmt: skip
    assert made.returncode == 1
    assert made.stderr.splitlines()[0] == (
        "`Dong Tien` có thể là 2 đơn vị ở tỉnh Thanh Hóa: `phường Đông Tiến`, `xã Đồng Tiến` — "
        "ghi lại --commune đúng một tên trong đó, có dấu và có chữ xã/phường/đặc khu, "
        'ví dụ --commune "phường Đông Tiến"'
    )
    assert not (tmp_path / "lang-moi").exists()
