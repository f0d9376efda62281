"""Print documents read back: every PDF page rasterised at 300 dpi and every QR code decoded.

Helpers here (:func:`rasterise`, :func:`read_codes`) are shared with ``builds/test_print_sheets``.
"""

from __future__ import annotations

import math
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]
import pytest
import zxingcpp
from PIL import Image

from langso.booklet import (
    BookletFolder,
    booklet_html,
    booklet_plaques,
    read_booklet_pages,
    render_booklet,
)
from langso.plaques.model import Plaque
from langso.plaques.render import PAPERS as SITE_PAPERS
from langso.plaques.render import print_html
from langso.printing import (
    CALL_TO_ACTION,
    MIN_MODULE_MM,
    PAPERS,
    STICKERS,
    PlaqueItem,
    PrintError,
    layout_stickers,
    plaque_item,
    plaques_html,
    plaques_pdf,
    qr_size,
    write_pdf,
)
from langso.qr import make_qr

DPI = 300
SITE_URL = "https://example.github.io/lang-phu-my/"
VILLAGE = "Làng Phú Mỹ (thử)"
TOLERANCE_MM = 3 * 25.4 / DPI  # the finder corners zxing reports are within a pixel or two


@dataclass(frozen=True)
class Code:
    """A decoded QR code: its text, the printed side of the code (no quiet zone) and its centre
    from the page's top left corner, mm."""

    text: str
    side_mm: float
    x_mm: float
    y_mm: float


def rasterise(pdf: bytes, dpi: int = DPI) -> list[Image.Image]:
    """Every page of ``pdf`` as an image at ``dpi``."""
    document = pdfium.PdfDocument(pdf)
    return [page.render(scale=dpi / 72).to_pil() for page in document]


def read_codes(image: Image.Image, dpi: int = DPI) -> list[Code]:
    """Every QR code on a page image, in reading order (rows at least 10 mm apart)."""
    mm = 25.4 / dpi
    codes = []
    for result in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode):
        p = result.position
        corners = (p.top_left, p.top_right, p.bottom_right, p.bottom_left)
        width = math.dist((p.top_left.x, p.top_left.y), (p.top_right.x, p.top_right.y))
        height = math.dist((p.top_left.x, p.top_left.y), (p.bottom_left.x, p.bottom_left.y))
        x = sum(c.x for c in corners) / 4 * mm
        y = sum(c.y for c in corners) / 4 * mm
        codes.append(Code(result.text, min(width, height) * mm, x, y))
    return sorted(codes, key=lambda c: (round(c.y_mm / 10), c.x_mm))


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """Width and height of every page, points."""
    return [tuple(round(v, 1) for v in page.get_size()) for page in pdfium.PdfDocument(pdf)]


def text_fonts(pdf: bytes) -> set[tuple[str, bool]]:
    """The base name and embedded flag of the font of every text object in ``pdf``."""
    fonts = set()
    for page in pdfium.PdfDocument(pdf):
        for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT]):
            font = obj.get_font()
            fonts.add((font.get_base_name(), bool(font.is_embedded)))
    return fonts


def page_texts(pdf: bytes) -> list[str]:
    """The text of every page, as pdfium extracts it (lines separated by CR LF)."""
    return [page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf)]


def item(plaque_id: str, name: str, site_url: str = SITE_URL) -> PlaqueItem:
    plaque = Plaque.model_validate({"id": plaque_id, "ten": name, "trang": "x.md"})
    return plaque_item(plaque, site_url, VILLAGE)


ITEMS = [
    item("dinh", "Đình làng Phú Mỹ"),
    item("cho", "Chợ Phú Mỹ"),
    item("tram-y-te", "Trung tâm Phục vụ hành chính công xã Yên Định"),
]


# --- the size rule --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("modules", "distance_m", "module_mm", "code_mm"),
    [
        (41, 1.0, 3.04, 100.32),  # version 4: 33 code modules → 100 / 33 = 3.0303… rounded up
        (45, 1.0, 2.71, 100.27),  # version 5
        (45, 0.3, 0.82, 30.34),
        (45, 0.05, MIN_MODULE_MM, 18.5),  # 5 cm would allow 0.14 mm modules: the floor wins
        (29, 2.5, 11.91, 250.11),  # version 1 read from across a courtyard
    ],
)
def test_qr_size_follows_the_ten_to_one_rule(
    modules: int, distance_m: float, module_mm: float, code_mm: float
) -> None:
    size = qr_size(modules, distance_m)
    assert size.module_mm == module_mm
    assert size.code_mm == pytest.approx(code_mm)
    assert size.code_mm >= distance_m * 100
    assert size.side_mm == pytest.approx(module_mm * modules)


@pytest.mark.parametrize("distance", [0.0, -1.0, float("nan"), float("inf")])
def test_qr_size_refuses_a_distance_that_is_not_positive(distance: float) -> None:
    with pytest.raises(PrintError, match="khoảng cách đọc phải là một số mét lớn hơn 0"):
        qr_size(41, distance)


def test_a_paper_too_small_for_the_distance_is_a_bilingual_error() -> None:
    with pytest.raises(PrintError) as caught:
        plaques_pdf(ITEMS[:1], PAPERS["A6"], 1.0)
    assert str(caught.value) == (
        "biển `dinh`: đọc từ 1 m cần mã QR rộng ít nhất 100 mm (quy tắc 10:1), cả lề trắng 4 ô "
        "là 124,64 mm, nhưng khổ A6 chỉ chứa được 91 mm (đủ đọc từ tối đa 0,73 m) — chọn khổ "
        "giấy lớn hơn hoặc đặt --distance-m nhỏ hơn\n"
        "    (en) plaque `dinh`: reading from 1 m needs a code at least 100 mm wide (10:1 rule), "
        "124.64 mm with its 4-module quiet zone, but A6 holds only 91 mm (enough for 0.73 m at "
        "most) — choose a larger paper or a smaller --distance-m"
    )


# --- plaques read back ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paper", "distance_m", "points"),
    [
        ("A4", 1.0, (595.3, 841.9)),
        ("A5", 1.0, (419.5, 595.3)),
        ("A6", 0.7, (297.6, 419.5)),
    ],
)
def test_every_page_holds_one_code_that_decodes_to_its_url_at_the_right_size(
    paper: str, distance_m: float, points: tuple[float, float]
) -> None:
    pdf = plaques_pdf(ITEMS, PAPERS[paper], distance_m)
    assert pdf.pages == 3
    assert page_sizes(pdf.data) == [points] * 3
    for image, expected in zip(rasterise(pdf.data), ITEMS, strict=True):
        codes = read_codes(image)
        assert [c.text for c in codes] == [expected.url]
        assert codes[0].side_mm >= distance_m * 100 - TOLERANCE_MM
        assert codes[0].side_mm <= distance_m * 100 + 2  # sized by the rule, not just "large"


def test_each_page_shows_the_village_name_call_and_url_in_the_embedded_noto_font() -> None:
    pdf = plaques_pdf(ITEMS, PAPERS["A5"], 1.0).data
    texts = page_texts(pdf)
    assert texts[0].split("\r\n") == [
        VILLAGE,
        "Đình làng Phú Mỹ",
        CALL_TO_ACTION,
        SITE_URL + "q/dinh/",
    ]
    # The long name wraps between words; the URL stays on one line.
    assert texts[2].split("\r\n") == [
        VILLAGE,
        "Trung tâm Phục vụ hành",
        "chính công xã Yên Định",
        CALL_TO_ACTION,
        SITE_URL + "q/tram-y-te/",
    ]
    fonts = text_fonts(pdf)
    assert {embedded for _, embedded in fonts} == {True}
    assert {re.sub(r"^[A-Z]{6}\+", "", name) for name, _ in fonts} == {
        "NotoSans-Vietnamese",
        "NotoSans-Vietnamese-Bold",
    }


def test_a_long_url_shrinks_its_type_instead_of_wrapping() -> None:
    long_site = "https://truong-thon-phu-my.github.io/so-tay-lang-phu-my/"
    long = item("dinh-lang-phu-my-xom-ba", "Đình làng", long_site)
    html = plaques_html([long], PAPERS["A6"], 0.5)
    size = float(re.search(r'class="url" style="font-size: ([\d.]+)pt', html)[1])  # type: ignore[index]
    assert size < PAPERS["A6"].url_pt
    pdf = plaques_pdf([long], PAPERS["A6"], 0.5).data
    assert long.url in page_texts(pdf)[0].split("\r\n")
    assert [c.text for c in read_codes(rasterise(pdf)[0])] == [long.url]


def test_stickers_fill_sheets_with_cut_marks_at_every_corner() -> None:
    items = [item(f"bien-{n:02}", f"Biển số {n}") for n in range(1, 15)]
    pages = layout_stickers(items, STICKERS, 0.3)
    assert [len(p.cards) for p in pages] == [12, 2]
    assert [len(p.marks) for p in pages] == [96, 16]
    pdf = plaques_pdf(items, STICKERS, 0.3)
    assert page_sizes(pdf.data) == [(595.3, 841.9)] * 2
    images = rasterise(pdf.data)
    decoded = [read_codes(image) for image in images]
    assert [[c.text for c in codes] for codes in decoded] == [
        [i.url for i in items[:12]],
        [i.url for i in items[12:]],
    ]
    for page, codes in zip(pages, decoded, strict=True):
        for code, card in zip(codes, page.cards, strict=True):
            assert code.side_mm >= 30 - TOLERANCE_MM
            # Each code sits in the sticker that names it.
            assert card.x_mm < code.x_mm < card.x_mm + card.width_mm
            assert card.y_mm < code.y_mm < card.y_mm + card.height_mm

    def pixel(image: Image.Image, x_mm: float, y_mm: float) -> int:
        value = image.convert("L").getpixel((round(x_mm / 25.4 * DPI), round(y_mm / 25.4 * DPI)))
        assert isinstance(value, int)
        return value

    for page, image in zip(pages, images, strict=True):
        for mark in page.marks:
            assert pixel(image, mark.x_mm + mark.width_mm / 2, mark.y_mm + mark.height_mm / 2) < 100
        for card in page.cards:  # nothing printed on the sticker's own corners
            for x in (card.x_mm + 0.3, card.x_mm + card.width_mm - 0.3):
                for y in (card.y_mm + 0.3, card.y_mm + card.height_mm - 0.3):
                    assert pixel(image, x, y) > 200


def test_stickers_too_large_for_the_sheet_are_refused() -> None:
    with pytest.raises(PrintError, match=r"^biển `dinh`: đọc từ 3 m cần mã QR rộng ít nhất 300 mm"):
        layout_stickers(ITEMS, STICKERS, 3)


def test_identical_inputs_give_byte_identical_pdfs_without_dates() -> None:
    first = plaques_pdf(ITEMS, PAPERS["A5"], 1.0).data
    second = plaques_pdf(ITEMS, PAPERS["A5"], 1.0).data
    assert first == second
    assert b"CreationDate" not in first and b"/ID" not in first
    assert b"file:" not in first  # no path of this machine in the file


# --- one template for the site's print pages and the PDFs ---------------------------------------


def test_the_site_build_does_not_load_weasyprint() -> None:
    """The plugins render print pages as HTML only: no Pango needed to build a site."""
    code = "import sys, langso.plaques.plugin; print('weasyprint' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "False\n"


def _sheets(document: str) -> list[str]:
    """The ``<div class="sheet">`` blocks of a print document, in order."""
    return re.findall(r'<div class="sheet">\n.*?\n</div>\n', document, re.S)


def test_site_print_page_comes_from_the_pdf_template_and_prints_the_same() -> None:
    """Each paper's sheet of a plaque on the site's print page is the sheet the PDF of that
    paper holds."""
    symbol = make_qr(SITE_URL + "q/dinh/")
    svg = symbol.svg(f"Mã QR: {symbol.data}")
    plaque = Plaque.model_validate({"id": "dinh", "ten": "Đình làng Phú Mỹ", "trang": "x.md"})
    page = print_html(plaque, svg, SITE_URL + "q/dinh/", VILLAGE)
    item = PlaqueItem("dinh", plaque.name, SITE_URL + "q/dinh/", VILLAGE, svg, symbol.size)
    sheets = {name: plaques_html([item], paper, None) for name, paper in SITE_PAPERS.items()}
    assert _sheets(page) == _sheets(sheets["A5"]) + _sheets(sheets["A6"])
    assert len(_sheets(page)) == 2
    assert "file:" not in page and "@font-face" not in page
    # Printed, the A5 sheet holds the largest code A5 allows: 128 mm with its margin.
    pdf = write_pdf(sheets["A5"]).data
    codes = read_codes(rasterise(pdf)[0])
    assert [c.text for c in codes] == [SITE_URL + "q/dinh/"]
    assert codes[0].side_mm == pytest.approx(128 * 33 / 41, abs=0.5)


# --- booklet pages from a built site --------------------------------------------------------------


def _page(title: str, body: str = "") -> str:
    return (
        f"<html><head><title>{title} - Site</title></head><body><main>"
        f'<article class="md-content__inner md-typeset"><h1 id="t">{title}'
        f'<a class="headerlink" href="#t">¶</a></h1>{body}</article></main></body></html>'
    )


@pytest.fixture
def small_site(tmp_path: Path) -> Path:
    files = {
        "index.html": _page("Trang chủ"),
        "dia-diem/index.html": _page(
            "Địa điểm", '<p><a href="dinh/">Đình</a> <a href="../huong-dan/b/#x">B</a></p>'
        ),
        "dia-diem/chua/index.html": _page("Chùa"),
        "dia-diem/dinh/index.html": _page("Đình", '<img src="../../anh.png" alt="">'),
        "dia-diem/in-a5.html": "<html><body><p>print page</p></body></html>",
        "huong-dan/b/index.html": _page("B", '<h2 id="x">X</h2><p><a href="#x">x</a></p>'),
        "huong-dan/a/index.html": _page("A", '<p><a href="../../bien-qr/">QR</a></p>'),
    }
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    Image.new("RGB", (20, 10), "red").save(tmp_path / "anh.png")
    return tmp_path


def test_booklet_pages_follow_each_index_then_the_rest_by_url(small_site: Path) -> None:
    folders = (BookletFolder("dia-diem"), BookletFolder("huong-dan"), BookletFolder("danh-ba"))
    pages = read_booklet_pages(small_site, folders)
    assert [(p.url, p.title) for p in pages] == [
        ("dia-diem/", "Địa điểm"),
        ("dia-diem/dinh/", "Đình"),
        ("dia-diem/chua/", "Chùa"),
        ("huong-dan/a/", "A"),
        ("huong-dan/b/", "B"),
    ]


def test_booklet_links_stay_inside_the_pdf_or_go_live(small_site: Path) -> None:
    folders = (BookletFolder("dia-diem"), BookletFolder("huong-dan"))
    html = booklet_html(small_site, SITE_URL, "Làng Phú Mỹ", folders=folders)
    hrefs = re.findall(r'<a href="([^"]*)"', html)
    # The table of contents, then the pages' own links.
    assert hrefs == [
        "#p1",
        "#p2",
        "#p3",
        "#p4",
        "#p5",
        "#p2",  # dia-diem/ → dinh/: printed, so a link inside the booklet
        "#p5-x",  # ../huong-dan/b/#x: printed, with its fragment
        SITE_URL + "bien-qr/",  # not printed: the live page
        "#p5-x",  # in-page link, renamed with its page's id
    ]
    image = (small_site / "anh.png").resolve().as_uri()
    assert f'<img src="{image}" alt="">' in html
    pdf = render_booklet(small_site, SITE_URL, "Làng Phú Mỹ", folders=folders)
    document = pdfium.PdfDocument(pdf.data)
    images = sum(
        len(list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))) for page in document
    )
    assert images == 1  # the page's image, read from the site folder
    texts = page_texts(pdf.data)
    assert texts[1].split("\r\n")[0] == "Mục lục"
    assert "¶" not in "".join(texts)


def _stub(target: str) -> str:
    return f'<html><head><meta http-equiv="refresh" content="0; url={target}"></head></html>'


def test_booklet_plaques_from_redirect_pages_or_redirect_rules(tmp_path: Path) -> None:
    plaques = [
        Plaque(id="dinh-cu", ten="Đình (biển cũ)", thay_bang="dinh"),
        Plaque(id="dinh", ten="Đình", trang="dia-diem/dinh.md"),
        Plaque(id="go", ten="Biển gỡ", ngung="Đã gỡ."),
        Plaque(id="cho", ten="Chợ", trang="danh-ba/cho.yml"),
    ]
    # GitHub Pages: a redirect page per short address (relative target, as the plugin writes).
    github = tmp_path / "github"
    for plaque_id, target in [
        ("dinh-cu", "../../dia-diem/dinh/"),
        ("dinh", "../../dia-diem/dinh/"),
    ]:
        (github / "q" / plaque_id).mkdir(parents=True)
        (github / "q" / plaque_id / "index.html").write_text(_stub(target), encoding="utf-8")
    assert booklet_plaques(github, SITE_URL, plaques) == {"dia-diem/dinh/": "q/dinh/"}
    # Other hosts: `_redirects` rules under the site's path.
    netlify = tmp_path / "netlify"
    netlify.mkdir()
    (netlify / "_redirects").write_text(
        "# Làng số\n/lang-phu-my/q/cho /lang-phu-my/danh-ba/cho/ 302\n"
        "/lang-phu-my/q/cho/ /lang-phu-my/danh-ba/cho/ 302\n",
        encoding="utf-8",
    )
    assert booklet_plaques(netlify, SITE_URL, plaques) == {"danh-ba/cho/": "q/cho/"}
