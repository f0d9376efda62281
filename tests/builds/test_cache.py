"""The build cache (``.cache/langso``) never serves stale output, and deleting it changes nothing.

Each input of each cached file is changed in turn and the published file checked for the new
value (decoded QR codes, PDF text, CSV and vCard lines). Photos' own inputs (bytes, options)
are covered in ``tests/photos/test_build.py``.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pypdfium2  # type: ignore[import-untyped]
import yaml
import zxingcpp
from PIL import Image

from tests.conftest import SiteFactory, build_site, decode_png, decode_svg

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
    assert decode_png(first.site_dir.joinpath("bien-qr/dinh.png").read_bytes()) == [
        SITE_URL + "q/dinh/"
    ]
    png_q = first.site_dir.joinpath("bien-qr/dinh.png").read_bytes()

    # site_url: every QR code, print page, PDF sheet and download holds the new address.
    moved = build_site(root, site_url=NEW_URL)
    assert moved.ok, moved.text()
    site = moved.site_dir
    assert decode_png(site.joinpath("bien-qr/dinh.png").read_bytes()) == [NEW_URL + "q/dinh/"]
    assert decode_svg(moved.read("bien-qr/dinh.svg")) == [NEW_URL + "q/dinh/"]
    assert NEW_URL + "q/dinh/" in moved.read("bien-qr/dinh-a5.html")
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
    assert "Đình làng Phú Mỹ Thượng" in edited.read("bien-qr/dinh-a5.html")
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
    assert "Làng Phú Mỹ mới" in renamed.read("bien-qr/dinh-a6.html")
    assert "Làng Phú Mỹ mới" in _pdf(renamed.site_dir / "bien-qr/in/bien-qr-a6.pdf")[0]
    assert "Phú Mỹ Hạ" in renamed.read("danh-ba/in-a4.html")

    # Options: error correction (a denser symbol), the print distance (a larger code), the title.
    pdf_before = renamed.site_dir.joinpath("bien-qr/in/bien-qr-a6.pdf").read_bytes()
    _configure(root, "langso/plaques", error_correction="H", print_distance_m=0.6)
    _configure(root, "langso/directory", title="Sổ dịch vụ")
    options = build_site(root)
    assert options.ok, options.text()
    png_h = options.site_dir.joinpath("bien-qr/dinh.png").read_bytes()
    assert png_h != png_q
    (result,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(png_h)))
    assert (result.text, result.ec_level) == (SITE_URL + "q/dinh/", "H")
    pdf_after = options.site_dir.joinpath("bien-qr/in/bien-qr-a6.pdf").read_bytes()
    assert pdf_after != pdf_before
    assert "<h1>Sổ dịch vụ</h1>" in options.read("danh-ba/in-a4.html")

    # The cache holds what the last build used, no more: two plaques' entries, one sheet.
    assert _entries(root, "plaques") == 2
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
    assert {"bien-qr/dinh.png", "bien-qr/in/bien-qr-a6.pdf", "danh-ba/danh-ba.vcf"} <= set(made)
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
