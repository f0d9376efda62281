"""``langso check`` on a site with notices (issue 15, round 2): one run lists every mistake of
the notices once, never a traceback, and never a false error made by another one (a link to the
generated index reported broken because a notice has a mistake).

Run through the real entry point, on ``BUILD_DAY`` (``tests/conftest.py``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.notices.test_build import notice, notices_site

LINKS = (
    "---\ntitle: Trang\n---\n\n# Trang\n\nXem [các thông báo](thong-bao/index.md), [giờ phát"
    " loa](thong-bao/loa/index.md) và [thông báo cũ](thong-bao/luu-tru/index.md).\n"
)
ENCODING_FIX = (
    " — lưu lại tệp với bảng mã UTF-8, ví dụ trong Notepad: File > Save As, ô Encoding chọn"
    " UTF-8, rồi Save (trong VS Code: bấm tên bảng mã ở góc dưới, Save with Encoding > UTF-8)"
)


def check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "langso.cli", "check"],
        cwd=root,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=120,
        check=False,
    )


def lines_about(result: subprocess.CompletedProcess[str], name: str) -> list[str]:
    """Every line of the report that names the file ``name``."""
    return [line for line in result.stdout.splitlines() if name in line]


def test_a_notice_in_another_encoding_is_told_once_without_a_traceback(tmp_path: Path) -> None:
    site = notices_site(tmp_path / "site")
    text = notice("Họp thôn tháng 12", "họp thôn", "29/11/2026 08:00")
    folder = site / "content" / "thong-bao"
    (folder / "2026-11-29-utf16.md").write_bytes(text.encode("utf-16"))
    (folder / "2026-11-29-cu.md").write_bytes(text.encode("utf-8").replace("ọ".encode(), b"\xf2"))
    result = check(site)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stdout
    # said once: not again by MkDocs failing to read it
    assert lines_about(result, "2026-11-29-utf16.md") == [
        "content/thong-bao/2026-11-29-utf16.md: tệp không phải văn bản UTF-8: tệp được lưu bằng"
        " bảng mã UTF-16 (Unicode)" + ENCODING_FIX
    ]
    assert lines_about(result, "2026-11-29-cu.md") == [
        "content/thong-bao/2026-11-29-cu.md:2: tệp không phải văn bản UTF-8: dòng 2, cột 9: byte"
        " 0xF2 không hợp lệ trong UTF-8 — có lẽ tệp được lưu bằng bảng mã cũ (Windows-1258,"
        " TCVN3/ABC, VNI)" + ENCODING_FIX
    ]


def test_a_schedule_in_another_encoding_is_told_once_and_its_page_stays(tmp_path: Path) -> None:
    site = notices_site(tmp_path / "site", {"content/trang.md": LINKS})
    schedule = 'lich_phat:\n  - gio: "05:30"\n    noi_dung: Tin của xã\n'
    (site / "content" / "thong-bao" / "loa.yml").write_bytes(schedule.encode("utf-16"))
    result = check(site)
    assert "Traceback" not in result.stderr, result.stderr
    assert lines_about(result, "loa.yml") == [
        "content/thong-bao/loa.yml: tệp không phải văn bản UTF-8: tệp được lưu bằng bảng mã"
        " UTF-16 (Unicode)" + ENCODING_FIX
    ]


def test_one_run_lists_every_mistake_and_no_false_broken_link(tmp_path: Path) -> None:
    """A misspelt kind hides neither a missing photo nor a missing attachment; the index, the
    archive and the loudspeaker page are still made, so links to them are not reported. The
    schedule has a mistake and there is no transcript: its page is still made too."""
    bad = notice(
        "Họp thôn tháng 12",
        "họp thn",
        "29/11/2026 08:00",
        anh="anh/khong-co.png",
        dinh_kem="\n  - tep: tep/khong-co.pdf",
    )
    files: dict[str, str | None] = {
        "content/trang.md": LINKS,
        "content/thong-bao/2026-11-29-hop.md": bad,
        "content/thong-bao/2026-11-29-loa.md": notice("Tin chiều", "chung", "29/11/2026 17:00"),
        "content/thong-bao/loa.yml": 'lich_phat:\n  - gio: "25:30"\n',
    }
    result = check(notices_site(tmp_path / "site", files))
    located = ("content/", "mkdocs.yml")
    found = [line.split(": ")[0] for line in result.stdout.splitlines() if line.startswith(located)]
    assert found == [
        "content/thong-bao/2026-11-29-hop.md:3",
        "content/thong-bao/2026-11-29-hop.md:6",
        "content/thong-bao/2026-11-29-hop.md:8",
        "content/thong-bao/loa.yml:2",
    ], result.stdout
    assert "Chưa thể xuất bản: 4 lỗi phải sửa trong 2 tệp" in result.stdout
