"""``build_tools/screenshots.py`` on a village other than the sample: its own sub-path, its own
pages of each type (or the type skipped, said), and a clear message without Playwright."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from langso.init import create_village
from tests.conftest import build_site

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "build_tools" / "screenshots.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("screenshots_tool", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_another_village_is_shot_under_its_path_with_its_own_pages(tmp_path: Path) -> None:
    root = tmp_path / "lang"
    create_village(
        root, village="Bản Lác", kind="bản", commune="xã Yên Định", province="tỉnh Thanh Hóa",
        host="github", site_url="https://ubnd-yen-dinh.github.io/ban-lac/",
        requirement=str(REPO), today=dt.date(2026, 11, 1),
    )  # fmt: skip
    built = build_site(root)
    assert built.ok, built.text()
    shots = _script()
    assert shots.site_prefix(built.site_dir) == "/ban-lac/"
    pages, notes = shots.pages_of(built.site_dir)
    assert pages == {
        "home": "",
        "landmark": "dia-diem/dinh-ban-lac/",
        "places": "dia-diem/",
        "directory": "danh-ba/",
        "category": "danh-ba/nha-van-hoa/",
        "service": "danh-ba/nha-van-hoa-ban-lac-du-lieu-mau/",
        "search": "tim-kiem/?q=dinh+lang",
        "plaques": "bien-qr/",
        "notices": "thong-bao/",
        "notice": "thong-bao/2026-11-01-thong-bao-mau-hop-cuoi-nam/",
        "agenda": "lich/",
        "event": "lich/hop-ban-hang-thang-du-lieu-mau/",
        "tours": "tuyen-tham-quan/",
        "map": "ban-do/",
        "404": "khong-co-trang-nay/",
    }
    assert notes == [
        "about: bỏ qua, trang web không có lang-so/ / skipped: no lang-so/",
        "landmark: không có dia-diem/dinh-lang-la-thon/, chụp dia-diem/dinh-ban-lac/ / no "
        "dia-diem/dinh-lang-la-thon/, shooting dia-diem/dinh-ban-lac/",
        "guide: bỏ qua, trang web không có huong-dan/vneid-muc-1/ / skipped: no "
        "huong-dan/vneid-muc-1/",
        "guides: bỏ qua, trang web không có huong-dan/ / skipped: no huong-dan/",
        "category: không có danh-ba/y-te/, chụp danh-ba/nha-van-hoa/ / no danh-ba/y-te/, "
        "shooting danh-ba/nha-van-hoa/",
        "service: không có danh-ba/tram-y-te-xa-yen-dinh/, chụp "
        "danh-ba/nha-van-hoa-ban-lac-du-lieu-mau/ / no danh-ba/tram-y-te-xa-yen-dinh/, "
        "shooting danh-ba/nha-van-hoa-ban-lac-du-lieu-mau/",
        "shop-vietqr: bỏ qua, trang web không có danh-ba/tap-hoa-mau-so-1-du-lieu-mau/ / "
        "skipped: no danh-ba/tap-hoa-mau-so-1-du-lieu-mau/",
        "notice: không có thong-bao/2026-11-29-canh-bao-bao/, chụp "
        "thong-bao/2026-11-01-thong-bao-mau-hop-cuoi-nam/ / no "
        "thong-bao/2026-11-29-canh-bao-bao/, shooting "
        "thong-bao/2026-11-01-thong-bao-mau-hop-cuoi-nam/",
        "notice-expired: bỏ qua, trang web không có "
        "thong-bao/2026-11-18-dang-ky-giong-lua-vu-xuan/ / skipped: no "
        "thong-bao/2026-11-18-dang-ky-giong-lua-vu-xuan/",
        "loudspeaker: bỏ qua, trang web không có thong-bao/loa/ / skipped: no thong-bao/loa/",
        "event: không có lich/tet-nguyen-dan/, chụp lich/hop-ban-hang-thang-du-lieu-mau/ / no "
        "lich/tet-nguyen-dan/, shooting lich/hop-ban-hang-thang-du-lieu-mau/",
        "tour: bỏ qua, trang web không có tuyen-tham-quan/ba-ngoi-dinh/ / skipped: no "
        "tuyen-tham-quan/ba-ngoi-dinh/",
        "tour-print: bỏ qua, trang web không có tuyen-tham-quan/in/ba-ngoi-dinh/ / skipped: no "
        "tuyen-tham-quan/in/ba-ngoi-dinh/",
    ]


def test_without_playwright_a_clear_message_not_a_traceback(tmp_path: Path) -> None:
    run = (
        "import runpy, sys; sys.modules['playwright'] = None; "
        "sys.modules['playwright.sync_api'] = None; "
        f"sys.argv = ['screenshots.py', {str(tmp_path / 'shots')!r}, '--site', {str(tmp_path)!r}]; "
        f"runpy.run_path({str(SCRIPT)!r}, run_name='__main__')"
    )
    result = subprocess.run(
        [sys.executable, "-c", run], capture_output=True, text=True, encoding="utf-8",
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "Thiếu Playwright (phần dùng để kiểm thử): chạy `python3 build_tools/dev.py test` một lần "
        "để cài vào .venv, rồi chạy lại bằng .venv/bin/python.",
        "    (en) Playwright is missing (a test extra): run `python3 build_tools/dev.py test` once "
        "to install it into .venv, then run this script with .venv/bin/python.",
    ]
    assert not (tmp_path / "shots").exists()
