"""Plaques through a real build: redirects in both URL modes, the one print page a plaque with
its QR code inline (no image files), determinism."""

from __future__ import annotations

import io
import posixpath
import re

import pytest
import resvg_py
import zxingcpp
from PIL import Image

from tests.conftest import SiteFactory, build_site, decode_print_page

SITE_URL = "https://example.github.io/lang-phu-my/"


@pytest.mark.parametrize(
    ("use_directory_urls", "target_file", "relative"),
    [
        (True, "dia-diem/dinh-lang-phu-my/index.html", "../../dia-diem/dinh-lang-phu-my/"),
        (False, "dia-diem/dinh-lang-phu-my.html", "../../dia-diem/dinh-lang-phu-my.html"),
    ],
)
def test_short_url_redirects_to_the_page_in_both_url_modes(
    make_site: SiteFactory, use_directory_urls: bool, target_file: str, relative: str
) -> None:
    root = make_site(config={"use_directory_urls": use_directory_urls})
    result = build_site(root)
    assert result.ok, result.text()
    stub = result.soup("q/dinh/index.html")
    refresh = stub.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh is not None and refresh["content"] == f"0; url={relative}"
    assert stub.find("link", rel="canonical")["href"] == SITE_URL + relative.removeprefix("../../")  # type: ignore[index]
    script = stub.find("script")
    assert script is not None
    assert f'window.location.replace("{relative}" + fragment)' in script.get_text()
    assert "window.location.hash" in script.get_text()
    landed = posixpath.normpath(posixpath.join("q/dinh/", relative))
    assert (result.site_dir / target_file).exists()
    assert landed == target_file.removesuffix("/index.html")
    assert decode_print_page(result.read("bien-qr/in-1.html"), "dinh") == [SITE_URL + "q/dinh/"] * 2


def test_service_plaque_leads_to_the_generated_page(make_site: SiteFactory) -> None:
    result = build_site(make_site())
    assert result.ok, result.text()
    stub = result.read("q/cho/index.html")
    assert 'content="0; url=../../danh-ba/cho-phu-my/"' in stub
    assert decode_print_page(result.read("bien-qr/in-1.html"), "cho") == [SITE_URL + "q/cho/"] * 2


def test_plaques_index_lists_every_plaque_with_working_links(make_site: SiteFactory) -> None:
    result = build_site(make_site())
    assert result.ok, result.text()
    rows = result.soup("bien-qr/index.html").select("article p.langso-plaque")
    assert len(rows) == 2
    first = rows[0]
    assert first.find("img") is None  # the QR code is on the print page: no image file
    hrefs = [a["href"] for a in first.find_all("a")]
    assert hrefs == ["../dia-diem/dinh-lang-phu-my/", "../q/dinh/", "in-1.html#a5-dinh"]
    assert first.find_all("a")[-1].get_text() == "Mã QR và bản in A5, A6"


def test_plaques_share_one_print_page_and_no_image_files(make_site: SiteFactory) -> None:
    result = build_site(make_site())
    assert result.ok, result.text()
    published = sorted(p.name for p in (result.site_dir / "bien-qr").iterdir() if p.is_file())
    assert published == ["in-1.html", "index.html"]
    # each plaque's A5 then A6 sheet, in the index's order
    assert (
        decode_print_page(result.read("bien-qr/in-1.html"))
        == [SITE_URL + "q/dinh/"] * 2 + [SITE_URL + "q/cho/"] * 2
    )


def test_a_short_url_is_one_folder_stub_and_no_html_twin(make_site: SiteFactory) -> None:
    """``q/<id>`` without its slash is answered by the host's folder redirect (tests/builds/
    test_hosts.py follows it over HTTP): no ``q/<id>.html`` (issue 18)."""
    result = build_site(make_site())
    assert result.ok, result.text()
    short = result.site_dir / "q"
    written = sorted(p.relative_to(short).as_posix() for p in short.rglob("*") if p.is_file())
    assert written == ["cho/index.html", "dinh/index.html"]


def test_a_plaque_called_index_keeps_the_index_page(make_site: SiteFactory) -> None:
    root = make_site()
    registry = root / "content/plaques.yml"
    registry.write_text(
        registry.read_text(encoding="utf-8").replace("id: 'dinh'", "id: 'index'"), encoding="utf-8"
    )
    result = build_site(root)
    assert result.ok, result.text()
    assert result.soup("bien-qr/index.html").select("article p.langso-plaque")
    assert (
        decode_print_page(result.read("bien-qr/in-1.html"), "index") == [SITE_URL + "q/index/"] * 2
    )


def test_qr_outputs_are_byte_identical_between_builds(make_site: SiteFactory) -> None:
    first = build_site(make_site())
    second = build_site(make_site())
    for name in ("bien-qr/in-1.html", "q/dinh/index.html", "_redirects"):
        assert (first.site_dir / name).read_bytes() == (second.site_dir / name).read_bytes(), name


def test_the_print_page_carries_both_paper_sizes(make_site: SiteFactory) -> None:
    result = build_site(make_site())
    html = result.read("bien-qr/in-1.html")
    # Explicit sizes: Chromium ignores the keyword `A6` and would print on Letter paper.
    assert "@page { size: 148mm 210mm; margin: 0; }" in html  # A5 unless a sheet is chosen
    assert "@page a6 { size: 105mm 148mm; margin: 0; }" in html
    page = result.soup("bien-qr/in-1.html")
    assert [a["href"] for a in page.select(".choose a")] == [
        "#a5-dinh",
        "#a6-dinh",
        "#a5-cho",
        "#a6-cho",
    ]
    assert [a.get_text() for a in page.select(".choose a")][:2] == ["In khổ A5", "In khổ A6"]
    assert [h.get_text() for h in page.select(".one h2")] == ["Đình làng Phú Mỹ", "Chợ Phú Mỹ"]
    for paper in ("a5", "a6"):
        sheet = page.select_one(f"#{paper}-dinh .sheet")
        assert sheet is not None
        assert sheet.select_one(".village").get_text() == "Làng Phú Mỹ (thử)"  # type: ignore[union-attr]
        assert sheet.select_one(".call").get_text() == "Quét mã để tìm hiểu"  # type: ignore[union-attr]
        assert sheet.select_one(".url").get_text() == SITE_URL + "q/dinh/"  # type: ignore[union-attr]


@pytest.mark.parametrize(("option", "level"), [(None, "Q"), ("H", "H")])
def test_error_correction_level_for_outdoor_wear(
    make_site: SiteFactory, option: str | None, level: str
) -> None:
    plaques: object = "langso/plaques"
    if option:
        plaques = {"langso/plaques": {"error_correction": option}}
    config = {
        "plugins": [
            "langso/content",
            {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
            plaques,
        ]
    }
    result = build_site(make_site(config=config))
    assert result.ok, result.text()
    svg = re.search(r"<svg .*?</svg>", result.read("bien-qr/in-1.html"), re.S)
    assert svg is not None
    image = Image.open(io.BytesIO(resvg_py.svg_to_bytes(svg_string=svg[0], width=600, height=600)))
    [barcode] = zxingcpp.read_barcodes(image)
    assert barcode.ec_level == level
    assert barcode.text == SITE_URL + "q/dinh/"


def test_quiet_zone_and_colours_of_the_printed_code(make_site: SiteFactory) -> None:
    """C-13: four light modules around the symbol, black on an explicit white."""
    result = build_site(make_site())
    svg = re.search(r"<svg .*?</svg>", result.read("bien-qr/in-1.html"), re.S)
    assert svg is not None
    modules = int(re.search(r'viewBox="0 0 (\d+)', svg[0])[1])  # type: ignore[index]
    module = 10  # pixels per module
    size = modules * module
    png = resvg_py.svg_to_bytes(svg_string=svg[0], width=size, height=size)
    pixels = Image.open(io.BytesIO(bytes(png))).convert("L")
    border = [pixels.getpixel((x, y)) for x in range(size) for y in range(4 * module)]
    border += [pixels.getpixel((x, y)) for x in range(4 * module) for y in range(size)]
    assert set(border) == {255}
    assert pixels.getpixel((4 * module, 4 * module)) == 0  # the finder pattern's dark corner


def test_print_sheets_option_publishes_pdfs_that_decode(make_site: SiteFactory) -> None:
    import pypdfium2

    config = {
        "plugins": [
            "langso/content",
            {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
            {"langso/plaques": {"print_sheets": ["A6"], "print_distance_m": 0.7}},
        ]
    }
    result = build_site(make_site(config=config))
    assert result.ok, result.text()
    pdf = pypdfium2.PdfDocument(result.site_dir / "bien-qr" / "in" / "bien-qr-a6.pdf")
    decoded = []
    for page in pdf:
        width, height = page.get_size()
        assert (round(width), round(height)) == (298, 420)  # A6 in points
        image = page.render(scale=300 / 72).to_pil()
        decoded += [b.text for b in zxingcpp.read_barcodes(image)]
    assert decoded == [SITE_URL + "q/dinh/", SITE_URL + "q/cho/"]
    links = result.soup("bien-qr/index.html").select("article p a")
    assert [a["href"] for a in links if "in/" in str(a["href"])] == ["in/bien-qr-a6.pdf"]
