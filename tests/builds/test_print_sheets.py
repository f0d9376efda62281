"""``langso plaques print`` and ``langso booklet`` on a real site: every code decoded, and the
URL it holds followed through the built site to the page it must reach."""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from PIL import Image

from langso.cli import main
from langso.clock import today
from tests.conftest import BUILD_DAY, FIXTURE_SITES, BuildResult, build_site
from tests.test_printing import TOLERANCE_MM, page_sizes, page_texts, rasterise, read_codes

SITE_URL = "https://xa-phu-my.github.io/lang-phu-my/"
"""A real-looking address: the fixture's placeholder (example.github.io) is refused for printing."""
PLACEHOLDER = "https://example.github.io/lang-phu-my/"
REAL_CHO = "ten: 'Chợ Phú Mỹ'\nloai: 'cho'\ndien_thoai: '0912 345 678'\n"
"""The market with real-looking details: printing a plaque for sample data is refused."""
PLAQUES = {  # id → the built page its short URL must lead to
    "dinh": "dia-diem/dinh-lang-phu-my/index.html",
    "cho": "danh-ba/cho-phu-my/index.html",
}
GUIDES = {
    "content/huong-dan/index.md": "# Hướng dẫn\n\n- [Bước hai](b.md)\n- [Bước một](a.md)\n",
    "content/huong-dan/a.md": "# Bước một\n\n## Các bước\n\n1. Mở ứng dụng VNeID.\n",
    "content/huong-dan/b.md": (
        "# Bước hai\n\n## Các bước\n\n1. Quét mã [ở đầu trang](#buoc-hai).\n"
    ),
}
"""Guides start with their numbered steps (``langso.guides``), as a strict build requires."""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuildResult]:
    """The minimal site with two guides, built once for the module."""
    root = tmp_path_factory.mktemp("print") / "site-root"
    shutil.copytree(FIXTURE_SITES / "minimal", root)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(PLACEHOLDER, SITE_URL), encoding="utf-8")
    (root / "content/danh-ba/cho-phu-my.yml").write_text(REAL_CHO, encoding="utf-8")
    for rel, text in GUIDES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_DAY)
        result = build_site(root)
    assert result.ok, result.text()
    yield result


@pytest.fixture
def site(built: BuildResult, tmp_path: Path) -> Path:
    """A fresh copy of the built site's sources (the record of printed plaques changes)."""
    root = tmp_path / "site-root"
    shutil.copytree(built.root, root, ignore=shutil.ignore_patterns("site"))
    return root


def follow(built: BuildResult, url: str) -> str:
    """The built file a short URL leads to: its stub's redirect, resolved in the site folder."""
    assert url.startswith(SITE_URL)
    stub = built.read(url.removeprefix(SITE_URL) + "index.html")
    target = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)"', stub)
    assert target is not None, stub
    path = posixpath.normpath(posixpath.join(url.removeprefix(SITE_URL), target[1]))
    assert (built.site_dir / path / "index.html").is_file()
    return f"{path}/index.html"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The ``langso`` command through its real entry point, in a clean process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "langso.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_printed_codes_lead_through_the_built_site_to_their_pages(
    built: BuildResult, site: Path
) -> None:
    done = run(
        "plaques", "print", "--output", "in", "--paper", "A4", "--paper", "stickers",
        "--date", "2026-11-30", cwd=site,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert lines[0] == "In 2 biển / Printing 2 plaques"
    assert re.fullmatch(
        r"\[1/2\] A4, 1 m: 2 trang/pages → in/bien-qr-a4.pdf \(\d+\.\d s\)", lines[1]
    )
    assert lines[3] == "Đã ghi 2 biển vào / recorded 2 plaque(s) in content/plaques-printed.txt"
    assert lines[4].startswith("Xong: 2 biển, 2 tệp PDF trong in, ghi sổ 2 biển (")

    a4 = (site / "in" / "bien-qr-a4.pdf").read_bytes()
    assert page_sizes(a4) == [(595.3, 841.9)] * 2
    pages = [read_codes(image) for image in rasterise(a4)]
    assert [[c.text for c in codes] for codes in pages] == [
        [SITE_URL + "q/" + i + "/"] for i in PLAQUES
    ]
    for codes in pages:
        assert codes[0].side_mm >= 100 - TOLERANCE_MM  # 1 m by the 10:1 rule
        assert follow(built, codes[0].text) == PLAQUES[codes[0].text.split("/")[-2]]

    stickers = (site / "in" / "bien-qr-nhan-dan.pdf").read_bytes()
    codes = [c for image in rasterise(stickers) for c in read_codes(image)]
    assert [c.text for c in codes] == [SITE_URL + f"q/{i}/" for i in PLAQUES]
    assert all(c.side_mm >= 30 - TOLERANCE_MM for c in codes)  # 0.3 m, the stickers' default

    record = (site / "content" / "plaques-printed.txt").read_text(encoding="utf-8")
    assert record.startswith("# Biển mã QR đã in. Không xóa, không sửa dòng nào")
    # What each plaque led to when printed is kept: its target may never change (issue 12).
    assert record.splitlines()[8:] == [
        f"dinh | 2026-11-30 | {SITE_URL}q/dinh/ | dia-diem/dinh-lang-phu-my.md | Đình làng Phú Mỹ",
        f"cho | 2026-11-30 | {SITE_URL}q/cho/ | danh-ba/cho-phu-my.yml | Chợ Phú Mỹ",
    ]


def test_new_only_skips_the_plaques_already_recorded(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = site / "content" / "plaques-printed.txt"
    first = f"dinh | 2026-01-05 | {SITE_URL}q/dinh/ | dia-diem/dinh-lang-phu-my.md | Đình"
    record.write_text(first + "\n", encoding="utf-8")
    config = str(site / "mkdocs.yml")
    out = site / "in"
    status = main(["plaques", "print", "--output", str(out), "--config", config, "--new-only"])
    assert status == 0, capsys.readouterr().err
    assert "(1 biển đã in được bỏ qua / already printed, skipped)" in capsys.readouterr().out
    pages = [read_codes(image) for image in rasterise((out / "bien-qr-a4.pdf").read_bytes())]
    assert [[c.text for c in codes] for codes in pages] == [[SITE_URL + "q/cho/"]]
    day = today()
    lines = record.read_text(encoding="utf-8").splitlines()
    assert lines[0] == first
    assert (
        lines[1]
        == f"cho | {day.isoformat()} | {SITE_URL}q/cho/ | danh-ba/cho-phu-my.yml | Chợ Phú Mỹ"
    )
    assert len(lines) == 2

    # Nothing new left: nothing printed, nothing recorded, not an error.
    status = main(["plaques", "print", "--output", str(out), "--config", config, "--new-only"])
    assert status == 0
    assert capsys.readouterr().out == (
        "Không có biển nào để in: mọi biển đã có trong plaques-printed.txt / every plaque is "
        "already in plaques-printed.txt. / Nothing to print.\n"
    )
    assert len(record.read_text(encoding="utf-8").splitlines()) == 2


def test_no_record_leaves_the_record_alone(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["plaques", "print", "--output", str(site / "in"), "--config", str(site / "mkdocs.yml")]
    assert main([*args, "--paper", "A5", "--no-record"]) == 0
    assert not (site / "content" / "plaques-printed.txt").exists()
    assert (site / "in" / "bien-qr-a5.pdf").is_file()
    assert "ghi sổ 0 biển" in capsys.readouterr().out


def test_a_missing_site_url_stops_the_command_with_status_1(site: Path) -> None:
    config_path = site / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    del config["site_url"]
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    done = run("plaques", "print", "--output", "in", cwd=site)
    assert done.returncode == 1
    assert done.stderr == (
        "mkdocs.yml: site_url: thiếu hoặc không phải địa chỉ http(s) đầy đủ — mã QR trên biển cần "
        "địa chỉ tuyệt đối; thêm ví dụ `site_url: https://ten.github.io/kho/`.\n"
        "    (en) site_url is missing or not an absolute http(s) URL — QR codes need it; add e.g. "
        "`site_url: https://name.github.io/repo/`.\n"
    )
    assert done.stdout == ""
    assert not (site / "in").exists()


def test_registry_mistakes_are_listed_by_line_and_nothing_is_printed(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "content" / "plaques.yml").write_text(
        "- id: 'dinh'\n  ten: 'Đình làng Phú Mỹ'\n  trang: 'dia-diem/khong-co.md'\n"
        "- id: 'Chợ Phú Mỹ'\n  ten: 'Chợ'\n  trang: 'danh-ba/cho-phu-my.yml'\n",
        encoding="utf-8",
    )
    args = ["plaques", "print", "--output", str(site / "in"), "--config", str(site / "mkdocs.yml")]
    assert main(args) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("content/plaques.yml:4: id: mã biển `Chợ Phú Mỹ` phải ngắn")
    assert err[2] == (
        "content/plaques.yml:3: trang: biển `dinh` dẫn tới `dia-diem/khong-co.md`, nhưng trang "
        "này không có trong trang web — sửa `trang` thành đường dẫn một trang đang có (ví dụ "
        "`dia-diem/ten-trang.md`); biển đã in không được để hỏng"
    )
    assert err[-1] == (
        "Làng số: 2 lỗi, chưa in biển nào — sửa rồi chạy lại. / 2 error(s), nothing printed — "
        "fix them and run again."
    )
    assert not (site / "in").exists()


def test_a_paper_too_small_stops_before_any_file_is_written(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["plaques", "print", "--output", str(site / "in"), "--config", str(site / "mkdocs.yml")]
    assert main([*args, "--paper", "A4", "--paper", "A6"]) == 1
    # one error for A6, naming each plaque at its line (tests/builds/test_print_every_misfit.py)
    assert capsys.readouterr().err.startswith(
        "content/plaques.yml:1: id: khổ A6 không chứa được mã QR của 2 biển đọc từ 1 m"
    )
    assert not (site / "in").exists()
    assert not (site / "content" / "plaques-printed.txt").exists()


def test_the_booklet_is_a5_and_each_code_leads_to_its_live_page(
    built: BuildResult, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "so-tay.pdf"
    config = str(built.root / "mkdocs.yml")
    assert (
        main(
            ["booklet", "--site", str(built.site_dir), "--output", str(output), "--config", config]
        )
        == 0
    )
    pdf = output.read_bytes()
    sizes = page_sizes(pdf)
    assert sizes == [(419.5, 595.3)] * len(sizes)  # A5 portrait: 148 × 210 mm
    codes = [[c.text for c in read_codes(image)] for image in rasterise(pdf)]
    expected = [
        "",  # the title page leads home
        "q/dinh/",  # a page with a plaque: its permanent address, which survives a rename
        "huong-dan/",  # each part starts with its index page,
        "huong-dan/b/",  # then the pages in the order the index lists them
        "huong-dan/a/",
        "danh-ba/",
        "q/cho/",
        "danh-ba/cho/",  # the list of the category, not linked from the small index
    ]
    assert [c for page in codes for c in page] == [SITE_URL + path for path in expected]
    assert codes[1] == []  # the table of contents
    assert follow(built, SITE_URL + "q/dinh/") == "dia-diem/dinh-lang-phu-my/index.html"
    assert follow(built, SITE_URL + "q/cho/") == "danh-ba/cho-phu-my/index.html"
    for path in expected:
        assert (built.site_dir / path / "index.html").is_file()
    texts = page_texts(pdf)
    assert texts[0].splitlines()[0] == "Làng Phú Mỹ (thử)"
    assert "làng Phú Mỹ, xã Yên Định, tỉnh Thanh Hóa" in texts[0]
    # Page numbers at the foot of every page but the title page.
    for number, text in enumerate(texts[1:], start=2):
        assert text.rstrip().splitlines()[-1].strip() == str(number)
    assert (
        capsys.readouterr()
        .out.splitlines()[-1]
        .startswith(f"Xong: sổ tay A5 {len(texts)} trang → {output} (")
    )


# --- guards before the irreversible (issue 13) -------------------------------------------------

PLACEHOLDER_VI = (
    f"mkdocs.yml:2: site_url: `{PLACEHOLDER}` không phải địa chỉ thật của trang: đây là địa chỉ "
    "tạm do `langso init` ghi. Biển in với địa chỉ này không mở được trang nào, và biển đã in thì "
    "không thu hồi được — sửa `site_url` thành địa chỉ thật của trang (ví dụ "
    "https://<tài-khoản>.github.io/<tên-kho>/) rồi in lại; muốn xem thử thì chạy `langso plaques "
    "print --thu` (mỗi tờ có chữ BẢN IN THỬ, không ghi sổ)"
)
SAMPLE_VI = (
    "content/plaques.yml:6: trang: biển `cho` dẫn tới `danh-ba/cho-phu-my.yml`, là dữ liệu mẫu "
    "(`du_lieu_mau` ở content/danh-ba/cho-phu-my.yml:11): biển in ra sẽ gắn lên tường cho một "
    "nơi chưa có thật, và không thu hồi được — điền thông tin thật vào "
    "content/danh-ba/cho-phu-my.yml rồi xóa dòng `du_lieu_mau`, hoặc chưa in biển này (bỏ khỏi "
    "plaques.yml); in thử: `--thu`"
)


def red_pixels(image: Image.Image) -> int:
    """Pixels of the watermark's red (dark modules under it stay dark, white turns pink)."""
    rgb = image.convert("RGB")
    return sum(
        1 for r, g, b in rgb.get_flattened_data() if r > 200 and g < 190 and b < 190 and r - g > 50
    )


def test_a_placeholder_address_and_sample_data_are_refused_nothing_printed_or_recorded(
    make_site: Callable[..., Path],
) -> None:
    root = make_site()  # the fixture: example.github.io, and the market is sample data
    done = run("plaques", "print", "--output", "in", cwd=root)
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert lines[0] == PLACEHOLDER_VI
    assert lines[1].startswith(f"    (en) `{PLACEHOLDER}` is not the site's real address: it is ")
    assert lines[2] == SAMPLE_VI
    assert lines[4:] == [
        "Làng số: 2 lỗi, chưa in biển nào — sửa rồi chạy lại. / 2 error(s), nothing printed — "
        "fix them and run again.",
        "Chỉ muốn xem thử bản in: thêm --thu (mỗi biển có chữ BẢN IN THỬ, không ghi sổ). / For a "
        "look only: add --thu (every plaque marked BẢN IN THỬ, nothing recorded).",
    ]
    assert not (root / "in").exists()
    assert not (root / "content" / "plaques-printed.txt").exists()


def test_a_page_still_holding_starter_text_is_not_printed_for_real(
    make_site: Callable[..., Path],
) -> None:
    # Found by a new user: the plaque `langso init` makes for its sample page printed for real.
    page = "---\ntitle: 'Đình'\n---\n\n# Đình\n\n!!! note \"Trang mẫu\"\n    Viết về đình.\n"
    root = make_site(
        files={
            "content/dia-diem/dinh-lang-phu-my.md": page,
            "content/danh-ba/cho-phu-my.yml": REAL_CHO,
        },
        config={"site_url": SITE_URL},
    )
    done = run("plaques", "print", "--output", "in", cwd=root)
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == (
        "content/plaques.yml:3: trang: biển `dinh` dẫn tới `dia-diem/dinh-lang-phu-my.md`, trang "
        "còn chữ mẫu (ở content/dia-diem/dinh-lang-phu-my.md:7): biển in ra sẽ gắn lên tường cho "
        "một trang chưa viết, và không thu hồi được — viết nội dung thật vào "
        'content/dia-diem/dinh-lang-phu-my.md (xóa mọi chữ mẫu, cả hộp "Trang mẫu") rồi in, hoặc '
        "chưa in biển này; in thử: `--thu`"
    )
    assert not (root / "in").exists()
    trial = run("plaques", "print", "--output", "in", "--thu", cwd=root)
    assert trial.returncode == 0, trial.stderr


def test_a_test_print_is_watermarked_on_every_plaque_and_never_recorded(
    make_site: Callable[..., Path],
) -> None:
    root = make_site()
    done = run("plaques", "print", "--output", "in", "--thu", "--paper", "A5",
               "--paper", "stickers", "--date", "30/11/2026", cwd=root)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert lines[0] == (
        "IN THỬ: mỗi biển có chữ BẢN IN THỬ, không ghi vào plaques-printed.txt; không gắn các tờ "
        "này lên tường. / TEST PRINT: every plaque marked BẢN IN THỬ, nothing recorded; never "
        "mount these sheets."
    )
    assert lines[2] == PLACEHOLDER_VI  # why it is not a real print, said once, as a note
    assert lines[-1].startswith("Xong: bản in thử, 2 biển, 2 tệp PDF trong in, ghi sổ 0 biển (")
    assert not (root / "content" / "plaques-printed.txt").exists()
    assert sorted(p.name for p in (root / "in").iterdir()) == [
        "bien-qr-a5-in-thu.pdf",  # never the name of a real print, never written over one
        "bien-qr-nhan-dan-in-thu.pdf",
    ]
    a5 = (root / "in" / "bien-qr-a5-in-thu.pdf").read_bytes()
    assert [text.split("\r\n")[-1] for text in page_texts(a5)] == ["BẢN IN THỬ"] * 2
    stickers = (root / "in" / "bien-qr-nhan-dan-in-thu.pdf").read_bytes()
    assert page_texts(stickers)[0].count("BẢN IN THỬ") == 2  # on each sticker, not once a sheet
    for image in rasterise(a5):
        assert red_pixels(image) > 5000  # seen, not only extractable
        codes = [c.text for c in read_codes(image)]
        assert len(codes) == 1 and codes[0].startswith(PLACEHOLDER)  # it still scans


def test_a_real_print_has_no_watermark(site: Path) -> None:
    done = run("plaques", "print", "--output", "in", "--paper", "A5", "--no-record", cwd=site)
    assert done.returncode == 0, done.stderr
    pdf = (site / "in" / "bien-qr-a5.pdf").read_bytes()
    assert not any("BẢN IN THỬ" in text for text in page_texts(pdf))
    assert [red_pixels(image) for image in rasterise(pdf)] == [0, 0]


@pytest.mark.parametrize(
    ("site_url", "plaques", "files", "expected"),
    [
        (
            "https://xa-phu-my.github.io/lang-phu-my/",
            {"redirect_pages": False},
            {},
            "`https://xa-phu-my.github.io/lang-phu-my/` là địa chỉ GitHub Pages, nhưng "
            "`langso/plaques` có `redirect_pages: false`: GitHub Pages không đọc tệp "
            "`_redirects`, nên mọi địa chỉ ngắn `q/<mã>/` sẽ báo “404 không tìm thấy”",
        ),
        (
            "https://lang-phu-my.netlify.app/lang-phu-my/",
            {"redirect_pages": False},
            {"netlify.toml": "[build]\n"},
            "`https://lang-phu-my.netlify.app/lang-phu-my/` có đường dẫn sau tên miền, nhưng "
            "Netlify đăng trang ở gốc tên miền (https://<tên>.netlify.app/): mã QR sẽ dẫn tới nơi "
            "không có trang",
        ),
        (
            "https://xa-phu-my.github.io/lang-phu-my/",
            {},
            {"netlify.toml": "[build]\n"},
            "`https://xa-phu-my.github.io/lang-phu-my/` là địa chỉ GitHub Pages, nhưng kho này "
            "đăng trang lên Netlify: mã QR sẽ dẫn tới nơi không có trang",
        ),
    ],
    ids=["github-without-stubs", "netlify-with-a-path", "another-host"],
)
def test_an_address_the_host_cannot_serve_is_refused(
    site: Path, site_url: str, plaques: dict[str, object], files: dict[str, str], expected: str
) -> None:
    for rel, text in files.items():
        (site / rel).write_text(text, encoding="utf-8")
    config_path = site / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["site_url"] = site_url
    config["plugins"][-1] = {"langso/plaques": plaques}
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    line = next(n for n, t in enumerate(config_path.read_text("utf-8").splitlines(), 1)
                if t.startswith("site_url:"))  # fmt: skip
    done = run("plaques", "print", "--output", "in", cwd=site)
    assert done.returncode == 1
    assert done.stderr.splitlines()[0].startswith(f"mkdocs.yml:{line}: site_url: {expected} — ")
    assert not (site / "in").exists()
    assert run("plaques", "print", "--output", "in", "--thu", cwd=site).returncode == 0
    assert not (site / "content" / "plaques-printed.txt").exists()


@pytest.mark.parametrize(("site_url", "marked"), [(PLACEHOLDER, True), (SITE_URL, False)])
def test_sheets_published_with_a_placeholder_address_are_test_prints(
    make_site: Callable[..., Path], site_url: str, marked: bool
) -> None:
    plugins = [
        "langso/content",
        {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
        {"langso/plaques": {"print_sheets": ["A5"]}},
    ]
    root = make_site(config={"site_url": site_url, "plugins": plugins})
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_DAY)
        result = build_site(root)
    assert result.ok, result.text()
    pdf = (result.site_dir / "bien-qr" / "in" / "bien-qr-a5.pdf").read_bytes()
    assert [t.endswith("BẢN IN THỬ") for t in page_texts(pdf)] == [marked, marked]
