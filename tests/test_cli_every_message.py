"""Every message kind of docs/thong-bao.md, produced through the real `langso check` command.

A few sites, each with many mistakes at once (one run lists every problem), are checked with
``--format github``; the annotations' titles name the message codes, and together they must cover
the whole catalogue.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml
from PIL import Image

from langso.problems import MESSAGES
from tests.conftest import SiteFactory

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795996800"}
SITE_URL = "https://example.github.io/lang-phu-my/"
# The catch-all for a message MkDocs may print that we do not know yet: nothing can trigger it.
# The guards of `langso plaques print` come out of that command, never out of `langso check`:
# tests/builds/test_print_sheets.py checks each of them. The portal's come out of `langso portal`:
# tests/portal/test_cli_portal.py triggers each of them.
UNTRIGGERABLE = {"build.other"} | {
    code for code in MESSAGES if code.startswith(("print.", "portal."))
}
_CODE = re.compile(r"title=Làng số ([\w.-]+)::")
_ANNOTATION = re.compile(r"^::(error|notice) [^:]*title=Làng số ([\w.-]+)::(.*)$", re.M)


def codes_of(root: Path, *args: str) -> set[str]:
    """The message codes ``langso check`` annotates in ``root``; each annotation, an error's,
    a warning's or a note's alike, says it in Vietnamese, then in English on a line of its own
    starting ``(en)``."""
    result = subprocess.run(
        [sys.executable, "-m", "langso.cli", "check", "--format", "github", *args],
        cwd=root,
        env=ENV,
        capture_output=True,
        text=True,
    )
    assert result.returncode in (0, 1), result.stderr
    for level, code, text in _ANNOTATION.findall(result.stdout):
        vi, sep, en = text.partition("%0A(en) ")  # a new line, escaped for GitHub
        english = MESSAGES[code].en.split("{", 1)[0].strip()
        assert sep and vi and english in en, (level, code, text)
    return set(_CODE.findall(result.stdout + result.stderr))


def content_mistakes(make_site: SiteFactory) -> Path:
    """Mistakes in YAML data and front matter: the build stops before the pages."""
    service = "ten: 'A'\nloai: 'cho'\n"
    return make_site(
        files={
            "content/danh-ba/tab.yml": "ten: A\n\tloai: cho\n",
            "content/danh-ba/colon.yml": "ten 'A'\nloai: cho\n",
            "content/danh-ba/lap.yml": service + "ten: 'B'\n",
            "content/danh-ba/hai-tai-lieu.yml": service + "---\nten: B\n",
            "content/danh-ba/cu-phap.yml": "ten: A\n- x\n",
            "content/danh-ba/ngoac.yml": "ten: [A\n",
            "content/danh-ba/nhay-mo.yml": service + "mo_ta: 'Phiên chợ\nghi_chu: 'x'\n",
            "content/danh-ba/khoa.yml": "? [a, b]\n: c\n",
            "content/danh-ba/danh-sach.yml": "- ten: A\n",
            "content/danh-ba/trong.yml": "",
            "content/danh-ba/thut-le.yml": "ten: A\n  loai: cho\n",
            "content/danh-ba/dau-cach.yml": "ten: A\nloai:'cho'\n",
            "content/danh-ba/hai-cham.yml": "ten: A\nloai： cho\n",  # a Chinese keyboard's colon
            "content/danh-ba/nbsp.yml": "ten:\u00a0A\nloai: cho\n",
            "content/danh-ba/nhay-cong.yml": "ten: “A”\nloai: cho\n",
            "content/danh-ba/chu-thich.yml": "ten: Quán #1\nloai: cho\n",
            "content/danh-ba/rong.yml": "ten:\nloai: cho\n",
            "content/danh-ba/so.yml": service + "dien_thoai: '12345'\n",
            "content/danh-ba/thieu.yml": "loai: cho\n",
            "content/danh-ba/danh-sach-sai.yml": service + "dich_vu: {a: b}\n",
            "content/danh-ba/nhom-sai.yml": service + "dia_chi: 'x'\n",
            "content/danh-ba/chu-sai.yml": "ten: [A, B]\nloai: cho\n",
            "content/danh-ba/la.yml": service + "dien_thaoi: '0912 345 678'\n",
            "content/danh-ba/neo.yml": "ten: &a 'A'\nloai: *a\n",
            "content/danh-ba/gop.yml": "<<: {ten: 'A'}\nloai: 'cho'\n",
            "content/danh-ba/the.yml": "ten: !!str A\nloai: 'cho'\n",
            "content/danh-ba/sau.yml": "ten: " + "[" * 30 + "]" * 30 + "\n",
            "content/danh-ba/lon.yml": "ghi_chu: '" + "a" * 1_000_001 + "'\n",
            "content/danh-ba/dieu-khien.yml": "ten: 'A\x0b'\nloai: 'cho'\n",
            "content/dia-diem/mau.md": "---\ntemplate: khong-co.html\n---\n# Mẫu\n",
            "content/dia-diem/bieu-tuong.md": "---\nicon: material/khong-co\n---\n# Biểu tượng\n",
            "content/danh-ba/quan-f.yml": service,
            "content/danh-ba/Quán F.yml": service,
            "content/danh-ba/cho-phu-my.md": "# Viết tay\n",
            "content/categories.yml": (
                "- id: cho\n  ten: Chợ\n- id: cho\n  ten: Chợ 2\n"
                "- id: cua-hang-qr\n  ten: Cửa hàng nhận thanh toán QR\n"
            ),
            "content/dia-diem/mot.md": '\n---\ntitle: "A"\n---\n# A\n',
            "content/dia-diem/hai.md": "---\n- a\n---\n# B\n",
            "content/dia-diem/ba.md": "---\ntitle: C\n# C\n",
            "content/dia-diem/chua.md": "# Chua\n\n## Nguồn\n",
            "content/dia-diem/chùa.md": "# Chùa\n\n## Nguồn\n",
            "content/village.yml": None,
        }
    )


def plaque_mistakes(make_site: SiteFactory) -> Path:
    registry = (
        "- id: 'dinh'\n  ten: 'Đình'\n  trang: 'dia-diem/dinh-lang-phu-my.md'\n"
        "- id: 'dinh'\n  ten: 'Đình 2'\n  trang: 'index.md'\n"
        "- id: 'a'\n  ten: 'A'\n  thay_bang: 'b'\n- id: 'b'\n  ten: 'B'\n  thay_bang: 'a'\n"
        "- id: 'c'\n  ten: 'C'\n  thay_bang: 'khong-co'\n"
        "- id: 'd'\n  ten: 'D'\n  trang: 'khong-co.md'\n"
        "- id: 'e'\n  ten: 'E'\n  trang: 'content/index.md'\n"
        # printed plaques led elsewhere: repointed, a false rename, an unknown target
        "- id: 'f'\n  ten: 'F'\n  trang: 'index.md'\n"
        "- id: 'g'\n  ten: 'G'\n  trang: 'index.md'\n  trang_cu: 'dia-diem/dinh-lang-phu-my.md'\n"
        "- id: 'h'\n  ten: 'H'\n  trang: 'index.md'\n"
        # a file that is no page; a plaque saying it was printed, missing from the record
        "- id: 'i'\n  ten: 'I'\n  trang: 'village.yml'\n"
        "- id: 'j'\n  ten: 'J'\n  ngay_in: '01/01/2026'\n  trang: 'index.md'\n"
    )
    record = (
        f"cu 2026-01-01 {SITE_URL}q/cu/\n"
        "dinh 2026-01-01 https://example.github.io/ten-cu/q/dinh/\n"
        # printed with a real address that is no longer the site's; a void with no print
        "c | 2026-01-01 | https://xa-phu-my.github.io/lang-phu-my/q/c/ | - | C\n"
        "hủy in | khong-in | 2026-01-02 | -\n"
        "dong-hong\n"
        f"f | 2026-01-01 | {SITE_URL}q/f/ | dia-diem/dinh-lang-phu-my.md | F\n"
        f"g | 2026-01-01 | {SITE_URL}q/g/ | dia-diem/dinh-lang-phu-my.md | G\n"
        f"h | 2026-01-01 | {SITE_URL}q/h/ | - | H\n"
        f"k | 2026-13-45 | {SITE_URL}q/k/ | index.md | K\n"
        f"l | 2026-01-01 | {SITE_URL}q/f/ | index.md | L\n"
    )
    files = {"content/plaques.yml": registry, "content/plaques-printed.txt": record}
    # A help contact (ho_tro) naming no service of the directory (langso.helpline).
    files["content/village.yml"] = (
        "ten: 'Phú Mỹ'\nloai: 'làng'\nxa: 'xã Yên Định'\ntinh: 'tỉnh Thanh Hóa'\n"
        "ho_tro: 'khong-co'\n"
    )
    # A service file named like a category would take the category list's address.
    files["content/danh-ba/cho.yml"] = "ten: 'Chợ'\nloai: 'cho'\n"
    root = make_site(files=files)
    set_plugins(root, plaques={"max_version": 3})
    return root


def page_mistakes(make_site: SiteFactory) -> Path:
    """Valid data; warnings, links, navigation and photos."""
    stale = "xac_minh:\n  ngay: '01/01/2024'\n  vai_tro: 'Trưởng thôn'\n"
    page = (
        "# Đình làng Phú Mỹ\n\n[mất](khong-co.md) [dữ liệu](../danh-ba/cho-phu-my.yml)"
        " [neo](../index.md#khong-co) [tuyệt đối](/index.md) [thư mục](../danh-ba/)\n\n"
        "![ảnh](khong-co.jpg) ![lớn](lon.jpg) ![gps](gps.jpg) ![hỏng](hong.jpg)\n\n"
        "## Cá kho\n\n## Cà kho\n\n## 🍜\n\n## Nguồn\n"
    )
    root = make_site(
        files={
            "content/danh-ba/mot.yml": "ten: 'Hòa'\nloai: 'cho'\ndien_thoai: '0912 345 678'\n"
            + stale,
            "content/danh-ba/hai.yml": "ten: 'Hoà'\nloai: 'cho'\ndien_thoai: '0912 345 678'\n",
            "content/dia-diem/dinh-lang-phu-my.md": page,
            "content/dia-diem/khong-nguon.md": "---\ntittle: 'x'\n---\n\nKhông tiêu đề.\n",
            "content/dia-diem/hong.jpg": "không phải ảnh",
            "content/dia-diem/mau-moi.md": "# Mới\n\nChỉ đường từ trụ sở xã hoặc một nơi ai"
            " cũng biết.\n\n## Nguồn\n\n- Sách\n",
            # guides (langso.guides): no steps, background first, steps not numbered
            "content/huong-dan/khong-buoc.md": "# Hướng dẫn\n\nChỉ có chữ.\n",
            "content/huong-dan/muon.md": "# Muộn\n\n## Là gì?\n\n## Các bước\n\n1. Mở.\n",
            "content/huong-dan/khong-so.md": "# Không số\n\n## Các bước\n\n- Mở.\n",
        },
        config={"nav": ["index.md", "khong-co.md"]},
    )
    Image.new("RGB", (2400, 1200), "white").save(root / "content/dia-diem/lon.jpg")
    exif = Image.Exif()
    exif.get_ifd(0x8825)[2] = (19.0, 58.0, 0.0)  # GPSLatitude
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), "white").save(buffer, "JPEG", exif=exif)
    (root / "content/dia-diem/gps.jpg").write_bytes(buffer.getvalue())
    set_plugins(root, directory={"stale_level": "warn", "duplicate_level": "warn"}, photos={})
    return root


def bulletin_mistakes(make_site: SiteFactory) -> Path:
    """Notices (``thong-bao/``) and events (``lich/``) with mistakes (issue 15)."""
    notice = "---\ntitle: 'A'\nloai: 'họp thôn'\nnguoi_dang: 'Trưởng thôn'\n"
    root = make_site(
        files={
            "content/thong-bao/khong-dau.md": "# Không có phần đầu\n",
            "content/thong-bao/het-han.md": notice
            + "ngay_dang: '28/11/2026'\nhet_han: '20/11/2026'\n---\n# A\n",
            "content/thong-bao/tuong-lai.md": notice + "ngay_dang: '28/11/2027'\n---\n# A\n",
            "content/thong-bao/thieu-tep.md": notice
            + "ngay_dang: '28/11/2026'\ndinh_kem: ['tep/khong-co.pdf']\n---\n# A\n",
            "content/thong-bao/tep-lon.md": notice
            + "ngay_dang: '28/11/2026'\ndinh_kem: ['tep/lon.pdf']\n---\n# A\n",
            "content/thong-bao/luu-tru/index.md": "# Viết tay\n",
            "content/lich/index.md": "# Viết tay\n",
            "content/lich/khong-dau.md": "# Không có phần đầu\n",
            # a notice's key on a page outside thong-bao/ would do nothing
            # a front matter over 1 MB, in a page (pages may be 2 MB)
            "content/dia-diem/dai.md": "---\ntitle: '" + "a" * 1_000_001 + "'\n---\n# Dài\n",
            # ... and words in angle brackets, which the page would hide
            "content/dia-diem/lac.md": (
                "---\nhet_han: '01/12/2026'\n---\n# Lạc <lì xì>\n\n## Nguồn\n"
            ),
        }
    )
    (root / "content/tep").mkdir()
    (root / "content/tep/lon.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * 6_000_000)
    data = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    data["plugins"] = [*data.get("plugins", []), "langso/notices", "langso/events"]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return root


def set_plugins(root: Path, *, plaques: dict[str, object] | None = None,
                directory: dict[str, object] | None = None,
                photos: dict[str, object] | None = None) -> None:  # fmt: skip
    path = root / "mkdocs.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    plugins: list[object] = ["langso/content"]
    if photos is not None:
        plugins.append({"langso/photos": photos})
    plugins.append(
        {"langso/directory": directory or {"stale_level": "info", "duplicate_level": "info"}}
    )
    plugins.append({"langso/plaques": plaques or {}})
    data["plugins"] = plugins
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def basemap_mistakes(make_site: SiteFactory) -> set[str]:
    """The base-map file (``langso/map``): each unusable file stops its own check, so one site
    each; the last one is usable but far from the village, too big and too coarse."""
    from tests.geomap.pmtiles_files import raster_pmtiles

    def codes_with(data: bytes | None, **options: object) -> set[str]:
        root = make_site()
        path = root / "mkdocs.yml"
        config = yaml.safe_load(path.read_text(encoding="utf-8"))
        map_options = {"basemap": "ban-do/nen.pmtiles", **options}
        config["plugins"] = [*config["plugins"], {"langso/map": map_options}]
        path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        if data is not None:
            (root / "content/ban-do").mkdir(parents=True, exist_ok=True)
            (root / "content/ban-do/nen.pmtiles").write_bytes(data)
        return codes_of(root)

    far = raster_pmtiles(Path(make_site()) / "far.pmtiles", (100.0, 10.0, 100.01, 10.01), 12, 13)
    good = bytearray(far.read_bytes())
    avif, brotli, no_tiles = bytearray(good), bytearray(good), bytearray(good)
    avif[99], brotli[98], no_tiles[72:80] = 5, 3, bytes(8)
    seen = codes_with(None) | codes_with(b"") | codes_with(b"<!doctype html><p>404</p>")
    seen |= codes_with(bytes(good[:-50])) | codes_with(bytes(avif)) | codes_with(bytes(brotli))
    seen |= codes_with(bytes(no_tiles)) | codes_with(bytes(good), basemap_budget_mb=0.001)
    plugins = [
        "langso/content",
        {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
        "langso/map",
        "langso/plaques",
    ]  # an MBTiles file the map cannot use: basemap.unused
    stray = {"content/ban-do/nen.mbtiles": "SQLite format 3\x00"}
    seen |= codes_of(make_site(files=stray, config={"plugins": plugins}))
    return seen


def tour_mistakes(make_site: SiteFactory) -> Path:
    """Walking tours (``tuyen-tham-quan/``) with every ``tour.*`` mistake (issue 16)."""
    from tests.tours.sites import PLACES
    from tests.tours.test_check import FILES

    files = {**PLACES, **FILES, "content/tuyen-tham-quan/vong-lang.md": "# Viết tay\n"}
    plugins = [
        "langso/content",
        {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
        "langso/tours",
    ]
    return make_site(files=files, config={"plugins": plugins})


def test_every_message_kind_comes_out_of_langso_check(
    make_site: SiteFactory, tmp_path: Path
) -> None:
    seen = basemap_mistakes(make_site)
    seen |= codes_of(content_mistakes(make_site))
    seen |= codes_of(plaque_mistakes(make_site))
    seen |= codes_of(page_mistakes(make_site))
    seen |= codes_of(bulletin_mistakes(make_site))
    seen |= codes_of(tour_mistakes(make_site))
    more = make_site(
        files={
            "content/plaques.yml": "id: 'dinh'\nten: 'Đình'\n",
            "content/dia-diem/dinh-lang-phu-my.md": "---\ntitle: Đình: lịch sử\n---\n# Đình\n",
            # the home page's picture named but not in the content folder
            "content/village.yml": (
                "ten: 'Phú Mỹ'\nxa: 'xã Yên Định'\ntinh: 'tỉnh Thanh Hóa'\n"
                "anh: 'anh/khong-co.webp'\nanh_mo_ta: 'Đình làng'\nho_tro: 'khong-so'\n"
            ),
            # ... and a helper with neither a phone nor Zalo, in the same run
            "content/danh-ba/khong-so.yml": "ten: 'Tổ'\nloai: 'cho'\n",
        }
    )
    (more / "content/danh-ba/utf16.yml").write_bytes("ten: A\n".encode("utf-16"))
    seen |= codes_of(more)
    script = '# Đình\n\n<script>x</script> <b onclick="y">z</b> [a](javascript:z)\n\n## Nguồn\n'
    strict = make_site(
        files={"content/dia-diem/dinh-lang-phu-my.md": script},
        config={"plugins": [{"langso/content": {"strict_html": True}}]},
    )
    seen |= codes_of(strict)
    empty = tmp_path / "empty"
    empty.mkdir()
    seen |= codes_of(empty)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "mkdocs.yml").write_text("site_name: [a\n", encoding="utf-8")
    seen |= codes_of(broken)
    for distance in (1.0, 30.0):  # an A6 sheet too small, A5 holds it; no paper holds it
        sheets = make_site()
        set_plugins(sheets, plaques={"print_sheets": ["A6"], "print_distance_m": distance})
        seen |= codes_of(sheets)
    assert sorted(set(MESSAGES) - UNTRIGGERABLE - seen) == []
