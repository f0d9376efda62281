"""The build cache (``.cache/langso``) never serves stale output, and deleting it changes nothing.

Each input of each cached file is changed in turn and the published file checked for the new
value (decoded QR codes, PDF text, CSV and vCard lines). Photos' own inputs (bytes, options)
are covered in ``tests/photos/test_build.py``.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pypdfium2  # type: ignore[import-untyped]
import pytest
import resvg_py
import yaml
import zxingcpp
from PIL import Image

from tests.conftest import BUILD_DAY, SiteFactory, build_site, decode_print_page

SITE_URL = "https://example.github.io/lang-phu-my/"
NEW_URL = "https://lang.example.org/phu-my/"
PLUGINS = [
    "langso/search",
    "langso/content",
    "langso/photos",
    "langso/reader",
    "langso/offline",
    {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
    {"langso/plaques": {"print_sheets": ["A6"], "print_distance_m": 0.5}},
]


def _site(make_site: SiteFactory) -> Path:
    root = make_site(config={"plugins": PLUGINS})
    photo = Image.new("RGB", (900, 600), (180, 90, 40))
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=80)
    (root / "content/anh").mkdir()
    (root / "content/anh/dinh.jpg").write_bytes(buffer.getvalue())
    page = root / "content/dia-diem/dinh-lang-phu-my.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("\n", "\n\n![Đình](../anh/dinh.jpg)\n", 1), encoding="utf-8")
    return root


def _pdf(path: Path) -> tuple[str, list[str]]:
    """The text and the decoded QR codes of a PDF, page after page."""
    texts, codes = [], []
    for page in pypdfium2.PdfDocument(path):
        texts.append(page.get_textpage().get_text_range())
        codes += [b.text for b in zxingcpp.read_barcodes(page.render(scale=200 / 72).to_pil())]
    return "\n".join(texts), codes


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _configure(root: Path, plugin: str, **options: object) -> None:
    """Set options of ``plugin`` in ``root/mkdocs.yml``."""
    path = root / "mkdocs.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for item in data["plugins"]:
        if isinstance(item, dict) and plugin in item:
            item[plugin].update(options)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _entries(root: Path, kind: str) -> int:
    return len([p for p in (root / ".cache/langso" / kind).iterdir() if p.name[0] != "."])


def test_each_input_of_a_cached_file_makes_it_again(make_site: SiteFactory) -> None:
    root = _site(make_site)
    first = build_site(root)
    assert first.ok, first.text()
    assert decode_print_page(first.read("bien-qr/in-1.html"), "dinh") == [SITE_URL + "q/dinh/"] * 2
    page_q = first.read("bien-qr/in-1.html")

    # site_url: every QR code, print page, PDF sheet and download holds the new address.
    moved = build_site(root, site_url=NEW_URL)
    assert moved.ok, moved.text()
    site = moved.site_dir
    assert decode_print_page(moved.read("bien-qr/in-1.html"), "dinh") == [NEW_URL + "q/dinh/"] * 2
    text, codes = _pdf(site / "bien-qr/in/bien-qr-a6.pdf")
    assert codes == [NEW_URL + "q/dinh/", NEW_URL + "q/cho/"]
    assert "lang.example.org/phu-my/q/dinh/" in text
    assert f"{NEW_URL}danh-ba/cho-phu-my/" in moved.read("danh-ba/danh-ba.csv")
    assert f"URL:{NEW_URL}danh-ba/cho-phu-my/" in moved.read("danh-ba/cho-phu-my.vcf")
    assert NEW_URL in moved.read("danh-ba/in-a4.html")

    # Text: a plaque's name (print page, PDF), a service's phone (page, CSV, vCards).
    _edit(root / "content/plaques.yml", "ten: 'Đình làng Phú Mỹ'", "ten: 'Đình làng Phú Mỹ Thượng'")
    _edit(root / "content/danh-ba/cho-phu-my.yml", "0300 000 001", "0300 000 777")
    edited = build_site(root)
    assert edited.ok, edited.text()
    assert "Đình làng Phú Mỹ Thượng" in edited.read("bien-qr/in-1.html")
    assert "Đình làng Phú Mỹ Thượng" in _pdf(edited.site_dir / "bien-qr/in/bien-qr-a6.pdf")[0]
    assert "0300 000 777" in edited.read("danh-ba/cho-phu-my/index.html")
    assert "0300 000 777" in edited.read("danh-ba/danh-ba.csv")
    assert "TEL;TYPE=VOICE:+84300000777" in edited.read("danh-ba/cho-phu-my.vcf")
    assert "+84300000777" in edited.read("danh-ba/danh-ba.vcf")
    assert "0300 000 777" in edited.read("danh-ba/in-a4.html")

    # The village's name (site_name) on print pages; the village file on the A4 list.
    _edit(root / "mkdocs.yml", "site_name: Làng Phú Mỹ (thử)", "site_name: Làng Phú Mỹ mới")
    _edit(root / "content/village.yml", "ten: 'Phú Mỹ'", "ten: 'Phú Mỹ Hạ'")
    renamed = build_site(root)
    assert renamed.ok, renamed.text()
    assert "Làng Phú Mỹ mới" in renamed.read("bien-qr/in-1.html")
    assert "Làng Phú Mỹ mới" in _pdf(renamed.site_dir / "bien-qr/in/bien-qr-a6.pdf")[0]
    assert "Phú Mỹ Hạ" in renamed.read("danh-ba/in-a4.html")

    # Options: error correction (a denser symbol), the print distance (a larger code), the title.
    pdf_before = renamed.site_dir.joinpath("bien-qr/in/bien-qr-a6.pdf").read_bytes()
    _configure(root, "langso/plaques", error_correction="H", print_distance_m=0.6)
    _configure(root, "langso/directory", title="Sổ dịch vụ")
    options = build_site(root)
    assert options.ok, options.text()
    page_h = options.read("bien-qr/in-1.html")
    assert page_h != page_q
    svg = re.search(r"<svg .*?</svg>", page_h, re.S)
    assert svg is not None
    png_h = resvg_py.svg_to_bytes(svg_string=svg[0], width=600, height=600)
    (result,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(bytes(png_h))))
    assert (result.text, result.ec_level) == (SITE_URL + "q/dinh/", "H")
    pdf_after = options.site_dir.joinpath("bien-qr/in/bien-qr-a6.pdf").read_bytes()
    assert pdf_after != pdf_before
    assert "<h1>Sổ dịch vụ</h1>" in options.read("danh-ba/in-a4.html")

    # The cache holds what the last build used, no more: two plaques' entries and the print
    # page holding both, one sheet.
    assert _entries(root, "plaques") == 3
    assert _entries(root, "print") == 1
    assert _entries(root, "photos") == 1


def test_deleting_the_cache_gives_a_byte_identical_site(make_site: SiteFactory) -> None:
    root = _site(make_site)

    def published(site: Path) -> dict[str, bytes]:
        return {
            p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()
        }

    first = build_site(root)
    assert first.ok, first.text()
    made = published(first.site_dir)
    assert {"bien-qr/in-1.html", "bien-qr/in/bien-qr-a6.pdf", "danh-ba/danh-ba.vcf"} <= set(made)
    assert "anh/dinh-480.jpg" in made  # the photo went through the cache too
    warm = build_site(root)
    assert published(warm.site_dir) == made
    shutil.rmtree(root / ".cache")
    shutil.rmtree(root / "site")
    cold = build_site(root)
    assert cold.ok, cold.text()
    assert published(cold.site_dir) == made


def test_an_edited_stylesheet_reaches_every_page_s_critical_css(make_site: SiteFactory) -> None:
    # The pages' memo (critical CSS, first-load weight) is keyed by the site's CSS and JS too:
    # an edited stylesheet with the same pages must not leave the old rules inline.
    root = make_site(config={"plugins": PLUGINS, "extra_css": ["lang.css"]})
    (root / "content/lang.css").write_text(".md-content{color:#101010}", encoding="utf-8")
    assert build_site(root).ok
    page = root / "site/dia-diem/dinh-lang-phu-my/index.html"
    assert ".md-content{color:#101010}" in page.read_text(encoding="utf-8")
    (root / "content/lang.css").write_text(".md-content{color:#202020}", encoding="utf-8")
    assert build_site(root).ok
    html = page.read_text(encoding="utf-8")
    assert ".md-content{color:#202020}" in html
    assert "#101010" not in html


# --- what one process keeps between builds (``langso.cache.Recall``): ``mkdocs serve`` -------

PHONE_ERROR = (
    "content/danh-ba/{name}.yml:{line}: dien_thoai: số điện thoại `12345` không đúng dạng số Việt"
    " Nam — viết di động 10 số bắt đầu bằng 0 (ví dụ '0912 345 678'), số bàn 11 số (ví dụ"
    " '0237 3721 150') hoặc số khẩn cấp 111–115, trong dấu nháy\n"
    "    (en) `12345` is not a Vietnamese phone number — write a 10-digit mobile starting"
    " with 0 (e.g. '0912 345 678'), an 11-digit landline (e.g. '0237 3721 150') or an"
    " emergency number 111–115, in quotes"
)


def test_problems_of_remembered_files_are_reported_again_word_for_word(
    make_site: SiteFactory,
) -> None:
    """A file checked by an earlier build of the process is not checked again, but its problems
    are reported on every build: the same messages, in the same order."""
    root = make_site(
        files={
            "content/danh-ba/quan-a.yml": (
                "ten: 'Quán A'\nloai: 'cho'\ndien_thoai:\n  - '0912 345 678'\n  - '12345'\n"
            ),
            "content/dia-diem/chua.md": "---\ntitel: Chùa\n---\nKhông có tiêu đề.\n",
            "content/huong-dan/a.md": "---\ntitle: [A\n---\nA\n",
        }
    )
    with (root / "content/plaques.yml").open("a", encoding="utf-8") as registry:
        registry.write("- id: 'dinh'\n  ten: 'Đình lần hai'\n  trang: 'index.md'\n")
    first = build_site(root, strict=False)
    assert not first.ok
    assert PHONE_ERROR.format(name="quan-a", line=5) in first.messages
    found = " ".join(first.messages)
    for part in (
        "content/dia-diem/chua.md:2: titel:",  # a misspelt key: a warning
        "content/dia-diem/chua.md:4:",  # no title
        "content/dia-diem/chua.md: ",  # no sources
        "content/huong-dan/a.md:2: title:",  # a `[` left open in the front matter
        "content/plaques.yml:7: id:",  # a plaque id given twice
    ):
        assert part in found, part
    for again in (build_site(root, strict=False), build_site(root, strict=False)):
        assert again.messages == first.messages
        assert again.aborted == first.aborted


def test_a_file_remembered_clean_reports_its_new_mistake(make_site: SiteFactory) -> None:
    root = make_site()
    service = root / "content/danh-ba/cho-phu-my.yml"
    assert build_site(root).ok
    _edit(service, "dien_thoai: '0300 000 001'", "dien_thoai: '12345'")
    broken = build_site(root, strict=False)
    assert not broken.ok
    assert PHONE_ERROR.format(name="cho-phu-my", line=3) in broken.messages
    _edit(service, "dien_thoai: '12345'", "dien_thoai: '0300 000 001'")
    assert build_site(root).ok


def test_each_input_of_a_remembered_service_is_checked_again(
    make_site: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A service file is validated against the categories, the village and the build day: a
    change in any of them is seen even when the file itself did not change."""
    root = make_site(
        files={
            "content/danh-ba/quan-b.yml": (
                "ten: 'Quán B'\nloai: 'y-te'\ndia_chi:\n  xa: 'xã Định Tân'\n"
                "xac_minh:\n  ngay: '01/11/2026'\n  vai_tro: 'Trưởng thôn'\n"
            )
        }
    )
    first = build_site(root)
    assert first.ok, first.text()

    # The build day: the verification date is now in the future.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")  # 2026-09-21
    early = build_site(root, strict=False)
    assert not early.ok
    assert "content/danh-ba/quan-b.yml:6: xac_minh.ngay: ngày kiểm tra 01/11/2026 ở tương lai" in (
        early.text()
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DAY)
    assert build_site(root).ok

    # The categories: its category is gone.
    categories = root / "content/categories.yml"
    listed = categories.read_text(encoding="utf-8")
    categories.write_text("- id: 'cho'\n  ten: 'Chợ'\n", encoding="utf-8")
    gone = build_site(root, strict=False)
    assert "content/danh-ba/quan-b.yml:2: loai: loại `y-te` không có trong categories.yml" in (
        gone.text()
    )
    categories.write_text(listed, encoding="utf-8")
    assert build_site(root).ok

    # The village: the service's commune is now the village's former one.
    _edit(root / "content/village.yml", "xa_cu: 'xã Định Long'", "xa_cu: 'xã Định Tân'")
    former = build_site(root, strict=False)
    assert "content/danh-ba/quan-b.yml:4: dia_chi.xa: `xã Định Tân` là tên xã trước" in (
        former.text()
    )


def test_remembered_pages_follow_their_text_name_and_options(make_site: SiteFactory) -> None:
    """A page's check is kept by its text, its path and whether it must cite sources."""
    page = "# Chùa\n\nNội dung.\n"
    root = make_site(files={"content/dia-diem/chua.md": page, "content/huong-dan/chua.md": page})
    first = build_site(root, strict=False)
    no_sources = [m for m in first.messages if "Nguồn" in m]
    assert [m.split(":")[0] for m in no_sources] == ["content/dia-diem/chua.md"]

    _options(root, "langso/content", sources_required=["dia-diem/*.md", "huong-dan/*.md"])
    both = build_site(root, strict=False)
    assert sorted(m.split(":")[0] for m in both.messages if "Nguồn" in m) == [
        "content/dia-diem/chua.md",
        "content/huong-dan/chua.md",
    ]
    _edit(root / "content/huong-dan/chua.md", "# Chùa", "# Chùa Mới\n\n## Nguồn")
    edited = build_site(root, strict=False)
    assert [m.split(":")[0] for m in edited.messages if "Nguồn" in m] == [
        "content/dia-diem/chua.md"
    ]
    assert "Chùa Mới" in edited.read("huong-dan/chua/index.html")


def test_remembered_lists_follow_every_input(make_site: SiteFactory) -> None:
    """The directory's lists (cache), the plaques index and a folder's full list (memory)."""
    root = make_site(
        files={
            "content/danh-ba/quan-b.yml": "ten: 'Quán B'\nloai: 'cho'\n",
            "content/dia-diem/a.md": "# Chùa A\n\n## Nguồn\n",
            "content/dia-diem/b.md": "# Chùa B\n\n## Nguồn\n",
        }
    )
    _configure(root, "langso/directory", page_size=1)
    _options(root, "langso/content", nav_section_limit=1)
    first = build_site(root, strict=False)
    assert first.ok, first.text()
    assert "Quán B" in first.read("danh-ba/cho/trang-2/index.html")
    assert "Chùa B" in first.read("dia-diem/index.html")

    _edit(root / "content/danh-ba/quan-b.yml", "Quán B", "Quán Bê")
    _edit(root / "content/dia-diem/b.md", "Chùa B", "Chùa Bê")
    _edit(root / "content/plaques.yml", "ten: 'Đình làng Phú Mỹ'", "ten: 'Đình Phú Mỹ mới'")
    _edit(root / "content/categories.yml", "ten: 'Chợ'", "ten: 'Chợ quê'")
    _configure(root, "langso/directory", title="Sổ dịch vụ")
    _options(root, "langso/plaques", title="Các biển")
    edited = build_site(root, strict=False)
    assert edited.ok, edited.text()
    listing = edited.read("danh-ba/cho/trang-2/index.html")
    assert "Quán Bê" in listing and "Sổ dịch vụ" in listing and "Chợ quê" in listing
    assert "Quán Bê" in edited.read("danh-ba/theo-ten/index.html") + edited.read(
        "danh-ba/theo-ten/trang-2/index.html"
    )
    assert "Chùa Bê" in edited.read("dia-diem/index.html")
    index = edited.read("bien-qr/index.html")
    assert "Đình Phú Mỹ mới" in index and "Các biển" in index

    _configure(root, "langso/directory", page_size=2)
    shorter = build_site(root, strict=False)
    assert not (shorter.site_dir / "danh-ba/cho/trang-2").exists()
    assert "Quán Bê" in shorter.read("danh-ba/cho/index.html")


def _options(root: Path, plugin: str, **options: object) -> None:
    """Set options of ``plugin`` in ``root/mkdocs.yml``, also when it is listed by name alone."""
    path = root / "mkdocs.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["plugins"] = [{plugin: {}} if item == plugin else item for item in data["plugins"]]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    _configure(root, plugin, **options)


# A new process (``mkdocs build`` run again, CI with its ``.cache/`` restored) in which checking
# a service file or a page again, or reading a page for the reader's plan again, stops the build.
_NEW_PROCESS = """
import sys
import langso.directory.loading, langso.frontmatter, langso.reader.plugin
def again(*args, **kwargs):
    sys.exit("made again: " + repr(args)[:300])
langso.directory.loading._service_entry = again
langso.frontmatter._check_page = again
langso.reader.plugin.ReaderPlugin._plan = again  # the reader's plan of each page: its memo
from mkdocs.__main__ import cli
cli(["build", "-f", sys.argv[1], "-d", sys.argv[2]])
"""


def test_a_new_process_checks_no_file_the_last_build_checked(make_site: SiteFactory) -> None:
    """Validated service files and checked pages (with their problems) are kept in
    ``.cache/langso/recall`` for the next process, the reader's plan of each page in its memo: it
    reads no page again, reports the problems again, word for word, and writes the same site."""
    root = make_site(
        files={
            "content/dia-diem/chua.md": "---\ntitel: Chùa\n---\n# Chùa\n\n## Nguồn\n\n- Sổ.\n",
            "content/danh-ba/quan-b.yml": "ten: 'Quán B'\nloai: 'cho'\n",
        },
        config={"plugins": PLUGINS},
    )
    first = build_site(root, strict=False)
    assert first.ok, first.text()
    # the reader's changes are made again from the plan: not kept a second time
    assert not (root / ".cache/langso/recall/reader-edits.pickle").exists()
    warnings = [m for m in first.messages if "chua.md" in m]
    assert len(warnings) == 1, first.text()
    run = subprocess.run(
        [sys.executable, "-c", _NEW_PROCESS, str(root / "mkdocs.yml"), str(root / "again")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=root,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    for warning in warnings:
        assert warning.splitlines()[0] in run.stderr
    for path in sorted(p for p in first.site_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(first.site_dir)
        assert path.read_bytes() == (root / "again" / rel).read_bytes(), rel
