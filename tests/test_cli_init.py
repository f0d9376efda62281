"""`langso init` through its real entry point: the new village checks and builds strictly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from langso.summary.read import SUMMARY_URI, read_summary

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
REPO = Path(__file__).resolve().parent.parent


def langso(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "langso.cli", *args],
        cwd=cwd,
        env={**ENV, **env},
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize("host", ["github", "netlify"])
def test_a_new_village_passes_check_and_a_strict_build(tmp_path: Path, host: str) -> None:
    made = langso(
        "init", "lang-moi", "--village", "Tân Ngữ", "--commune", "xã Yên Định",
        "--province", "tỉnh Thanh Hóa", "--host", host, "--nguon", str(REPO), cwd=tmp_path,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    lines = made.stdout.splitlines()
    assert lines[0].startswith("Đã tạo ")
    assert lines[1] == (
        f"Máy dựng sẽ cài Làng số từ / the host installs Làng số from: langso @ {REPO.as_uri()}"
    )
    assert lines[2].startswith("Lưu ý: đây là thư mục trên máy này, máy dựng của nơi đăng không")
    village = tmp_path / "lang-moi"
    checked = langso("check", cwd=village)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # Publishable, with the sample pages' "Trang mẫu" boxes named as starter text to replace.
    out = checked.stdout.splitlines()
    assert out[-1] == (
        "Có thể xuất bản; 4 cảnh báo không chặn xuất bản / Ready to publish; 4 warnings that do"
        " not block it"
    )
    # Dated the day `langso init` ran (its environment has no fixed build day).
    (notice,) = (village / "content/thong-bao").glob("*-thong-bao-mau-hop-cuoi-nam.md")
    assert [line.split(": cảnh báo")[0] for line in out if "trang còn chữ mẫu" in line] == [
        "content/dia-diem/dinh-thon-tan-ngu.md:8",
        "content/index.md:18",
        "content/lich/hop-thon-hang-thang-du-lieu-mau.md:11",
        f"content/thong-bao/{notice.name}:11",
    ]
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=village, env=ENV,
        capture_output=True, text=True,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    assert (village / "site" / "index.html").exists()
    # The portal can read the new village (langso/summary, issue 17).
    summary, problems = read_summary((village / "site" / SUMMARY_URI).read_bytes(), "lang-moi")
    assert problems == []
    assert summary is not None
    assert (summary["lang"]["ten_day_du"], summary["lang"]["ma_xa"]) == ("thôn Tân Ngữ", "15469")


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


def test_without_a_known_source_init_says_which_option_to_give(tmp_path: Path) -> None:
    """Installed from a folder with no git remote (a copy, a downloaded archive): refused."""
    folder = tmp_path / "ban-sao"
    folder.mkdir()
    info = tmp_path / "site" / "langso-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: langso\nVersion: 0.1.0\n")
    direct_url = {"url": folder.as_uri(), "dir_info": {"editable": True}}
    (info / "direct_url.json").write_text(json.dumps(direct_url), encoding="utf-8")
    made = langso(
        "init", "lang-moi", "--village", "Tân Ngữ", "--commune", "xã Yên Định",
        "--province", "tỉnh Thanh Hóa", "--host", "github", cwd=tmp_path,
        PYTHONPATH=str(tmp_path / "site"),
    )  # fmt: skip
    assert made.returncode == 1
    assert made.stdout == ""
    assert made.stderr.splitlines() == [
        f"không biết máy dựng cài Làng số từ đâu: Làng số trên máy này cài từ thư mục `{folder}`,"
        " không có kho git gốc (remote) để máy dựng của nơi đăng tải về. Ghi nguồn bằng"
        " `--nguon`, ví dụ `--nguon git+https://github.com/<tài-khoản>/lang-so@<thẻ-hoặc-commit>`"
        " (kho Làng số mà xã dùng, kèm thẻ hoặc mã commit; xem docs/xuat-ban.md). Không ghi tệp"
        " nào.",
        "    (en) cannot tell where a host should install Làng số from: Làng số here was installed"
        f" from the folder `{folder}`, with no git remote a host could fetch it from. Give the"
        " source with `--nguon`, e.g. `--nguon git+https://github.com/<tài-khoản>/lang-so@<thẻ-"
        "hoặc-commit>` (see docs/xuat-ban.md). Nothing was written.",
    ]
    assert not (tmp_path / "lang-moi").exists()


def test_a_placeholder_source_is_refused(tmp_path: Path) -> None:
    made = langso(
        "init", "lang-moi", "--village", "Tân Ngữ", "--commune", "xã Yên Định",
        "--province", "tỉnh Thanh Hóa", "--host", "gitlab",
        "--nguon", "https://github.com/example/lang-so@main", cwd=tmp_path,
    )  # fmt: skip
    assert made.returncode == 1
    assert made.stderr.splitlines()[0] == (
        "--nguon `https://github.com/example/lang-so@main`: `github.com/example/lang-so@main` là"
        " địa chỉ mẫu, không phải kho thật của Làng số. Ghi nguồn Làng số, ví dụ `--nguon"
        " git+https://github.com/<tài-khoản>/lang-so@<thẻ-hoặc-commit>` (xem docs/xuat-ban.md)."
    )
    assert not (tmp_path / "lang-moi").exists()


def test_names_typed_without_accents_are_said_as_written(tmp_path: Path) -> None:
    # Found by a new commune: an accent-free name was quietly written with its accents.
    made = langso(
        "init", "lang-moi", "--village", "Tân Ngữ", "--commune", "Yen Dinh",
        "--province", "Thanh Hoa", "--host", "github", "--nguon", str(REPO), cwd=tmp_path,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    lines = made.stdout.splitlines()
    assert (
        "Đã ghi `Yen Dinh` là `xã Yên Định` (content/village.yml). / `Yen Dinh` was written as"
        " `xã Yên Định`."
    ) in lines
    assert (
        "Đã ghi `Thanh Hoa` là `tỉnh Thanh Hóa` (content/village.yml). / `Thanh Hoa` was written"
        " as `tỉnh Thanh Hóa`."
    ) in lines


# --- the menu of a new village (issue 15, round 2) ---------------------------------------------

MENU = [
    "Trang chủ",
    "Địa điểm",
    "Thông báo",
    "Lịch",
    "Tuyến tham quan",
    "Bản đồ",
    "Danh bạ dịch vụ",
    "Biển mã QR",
]
"""The drawer of the sample's same sections; MkDocs alone says "Bien qr", "Lich", "Thong bao"."""


@pytest.fixture(scope="module")
def built_village(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A village made by `langso init` and built strictly; its `site/` folder."""
    root = tmp_path_factory.mktemp("init-menu")
    made = langso(
        "init", "lang-moi", "--village", "Tân Ngữ", "--commune", "xã Yên Định",
        "--province", "tỉnh Thanh Hóa", "--host", "github", "--nguon", str(REPO), cwd=root,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    village = root / "lang-moi"
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=village, env=ENV,
        capture_output=True, text=True,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    return village / "site"


def _menu(html: str) -> list[str]:
    """The top-level entries of the drawer (``nav.md-nav--primary``), as the reader reads them."""
    from bs4 import BeautifulSoup

    nav = BeautifulSoup(html, "html.parser").select_one("nav.md-nav--primary > ul")
    assert nav is not None
    labels = [li.select_one(".md-ellipsis") for li in nav.find_all("li", recursive=False)]
    return [" ".join(label.get_text().split()) if label else "" for label in labels]


@pytest.mark.parametrize(
    "page",
    [
        "index.html",
        "dia-diem/dinh-thon-tan-ngu/index.html",
        "thong-bao/index.html",
        "lich/index.html",
        "danh-ba/index.html",
        "bien-qr/index.html",
    ],
)
def test_the_menu_of_a_new_village_names_its_sections_in_vietnamese(
    built_village: Path, page: str
) -> None:
    assert _menu((built_village / page).read_text(encoding="utf-8")) == MENU


@pytest.mark.browser
def test_the_drawer_of_a_new_village_on_a_phone(built_village: Path, browser: Any) -> None:
    """What a reader sees on a 360 px phone after tapping ☰ (JavaScript off: the drawer is
    HTML and CSS), on a notice index, a generated page whose folder has no Markdown."""
    from tests.browser import serve

    with serve(built_village, "/tan-ngu/") as base:
        context = browser.new_context(
            viewport={"width": 360, "height": 740}, java_script_enabled=False
        )
        page = context.new_page()
        page.goto(base + "thong-bao/")
        page.locator("label.md-header__button[for='__drawer']").click()
        page.wait_for_timeout(400)  # the drawer slides in (CSS transition)
        items = page.locator("nav.md-nav--primary > ul > li > :is(a, div) .md-ellipsis")
        assert [" ".join(text.split()) for text in items.all_inner_texts()] == MENU
        assert all(box and box["x"] >= 0 for box in (i.bounding_box() for i in items.all()))
        context.close()
