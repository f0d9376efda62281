"""``langso check`` of a village whose commune does not exist: one located error, no word from
the summary plugin (it writes nothing when the build failed or ``village.yml`` did not load)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from langso.summary.read import SUMMARY_URI
from tests.conftest import SiteFactory, build_site
from tests.summary.sites import PLUGINS

VILLAGE = (
    "ten: 'Phú Mỹ'\nloai: 'làng'\nxa: 'xã Không Có'\ntinh: 'tỉnh Thanh Hóa'\n"
    "xa_cu: 'xã Định Long'\nhuyen_cu: 'huyện Yên Định'\n"
)


def langso_check(root: Path) -> subprocess.CompletedProcess[str]:
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


def test_a_bad_commune_gives_one_error_and_no_summary(make_site: SiteFactory) -> None:
    plugins = [p for p in PLUGINS if p != "langso/search"]
    root = make_site(files={"content/village.yml": VILLAGE}, config={"plugins": plugins})
    result = langso_check(root)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "content/village.yml:3: xa: không có `xã Không Có` trong tỉnh Thanh Hóa từ 01/07/2025 "
        "— viết tên xã mới, có dấu (`xã Nông Cống`, `xã Hoằng Sơn`, `xã Hoằng Lộc`); tên xã cũ "
        "trước sáp nhập ghi vào `xa_cu`",
        "    (en) xa: `xã Không Có` is not a commune of tỉnh Thanh Hóa since 01/07/2025 — write "
        "the current commune with accents (`xã Nông Cống`, `xã Hoằng Sơn`, `xã Hoằng Lộc`); a "
        "former commune goes in `xa_cu`",
        "",
        "Đã kiểm tra 2 trang, 1 mục danh bạ, 2 biển. / Checked 2 pages, 1 directory entry, 2 "
        "plaques.",
        "Chưa thể xuất bản: 1 lỗi phải sửa trong 1 tệp / Cannot publish yet: 1 problem to fix",
    ]
    assert result.stderr.splitlines()[0] == "Đang dựng thử trang / building the site: mkdocs.yml …"
    assert "lang-so.json" not in result.stdout + result.stderr
    built = build_site(root, strict=False)
    assert not (built.site_dir / SUMMARY_URI).exists()
