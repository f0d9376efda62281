"""The sample village's booklet, fit to print: read back from the PDF (pypdfium2 for the text,
zxing-cpp for the codes) as a reader holding the paper would.

- pages with a plaque carry its permanent ``q/<id>/`` address, not the page's (a renamed page
  would break every printed booklet);
- no line that only means something on a screen ("Lưu vào danh bạ điện thoại", downloads, the
  way back, "Mở bản đồ" without a map): the coordinates are printed instead;
- each title sits on the sheet of its code (keep-with-next);
- no emoji (the shipped font has none: they would print as empty boxes);
- the directory's category pages in Vietnamese alphabetical order.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from langso.booklet import booklet_folders, booklet_plaques, read_booklet_pages
from langso.cli import main
from langso.plaques.model import load_plaques
from langso.text import sort_key
from tests.conftest import REPO, BuildResult
from tests.test_printing import page_texts, rasterise, read_codes

SITE_URL = "https://example.github.io/lang-so/"
_TOC_LINE = re.compile(r"^(.*?)\s*(?:\. ?)+\s*(\d+)$")


@pytest.fixture(scope="module")
def built(sample_site: BuildResult) -> BuildResult:
    return sample_site


@pytest.fixture(scope="module")
def booklet(built: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    output = tmp_path_factory.mktemp("booklet") / "so-tay.pdf"
    config = str(REPO / "mkdocs.yml")
    args = ["booklet", "--site", str(built.site_dir), "--output", str(output), "--config", config]
    assert main(args) == 0
    return output.read_bytes()


@pytest.fixture(scope="module")
def texts(booklet: bytes) -> list[str]:
    return page_texts(booklet)


@pytest.fixture(scope="module")
def codes(booklet: bytes) -> list[list[str]]:
    return [[c.text for c in read_codes(image)] for image in rasterise(booklet)]


def contents(texts: list[str]) -> list[tuple[str, int]]:
    """``(title, page number)`` of each line of the table of contents."""
    found = []
    for text in texts[1:]:
        lines = [line.strip() for line in text.splitlines()]
        if found and "Mục lục" not in text and not any(_TOC_LINE.match(x) for x in lines[:3]):
            break
        for line in lines:
            match = _TOC_LINE.match(line)
            if match and match[1] not in ("", "Mục lục"):
                found.append((" ".join(match[1].split()), int(match[2])))
    return found


def test_plaque_pages_hold_the_permanent_short_address(codes: list[list[str]]) -> None:
    every = {code for page in codes for code in page}
    registry = yaml.safe_load((REPO / "content" / "plaques.yml").read_text(encoding="utf-8"))
    for plaque in registry:
        assert f"{SITE_URL}q/{plaque['id']}/" in every, plaque["id"]
    assert f"{SITE_URL}dia-diem/dinh-lang-la-thon/" not in every
    assert f"{SITE_URL}danh-ba/tram-y-te-xa-yen-dinh/" not in every
    assert f"{SITE_URL}dia-diem/dinh-bia-ky-lang-yen-dinh/" not in every
    # A page without a plaque keeps its own address: nothing more permanent exists for it.
    assert f"{SITE_URL}huong-dan/vneid-muc-1/" in every


def test_no_line_that_only_works_on_a_screen(texts: list[str]) -> None:
    text = "\n".join(texts)
    for web_only in ("Lưu vào danh bạ", "Chỉ đường", "Tải về", "Mở bản đồ", "GeoJSON"):
        assert web_only not in text
    # The map cell prints the coordinates, which a reader can type into a map app.
    assert re.search(r"Bản đồ\s+19\.9810, 105\.6420", text)


def test_no_symbol_the_font_cannot_print(texts: list[str]) -> None:
    text = "\n".join(texts)
    assert {c for c in text if unicodedata.category(c) == "So"} == set()


def test_each_title_is_on_the_sheet_of_its_code(
    built: BuildResult, texts: list[str], codes: list[list[str]]
) -> None:
    pages = read_booklet_pages(built.site_dir, booklet_folders())
    entries, _ = load_plaques(REPO / "content", "content")
    permanent = booklet_plaques(built.site_dir, SITE_URL, [e.plaque for e in entries])
    toc = contents(texts)
    assert [title for title, _ in toc] == [page.title for page in pages]
    stranded = [
        (page.title, number)
        for page, (_, number) in zip(pages, toc, strict=True)
        if SITE_URL + permanent.get(page.url, page.url) not in codes[number - 1]
    ]
    assert stranded == []


def test_category_pages_in_vietnamese_order(texts: list[str]) -> None:
    titles = [title for title, _ in contents(texts)]
    categories = yaml.safe_load((REPO / "content" / "categories.yml").read_text("utf-8"))
    names = [c["ten"] for c in categories]
    printed = [t for t in titles if t in names]
    assert len(printed) == len(names)
    assert printed == sorted(names, key=sort_key)
    # Đ between D and E, not after Y as by code point; and not by the ASCII ids either.
    assert printed.index("Điểm thu tiền điện") < printed.index("Hành chính công")
    assert printed.index("Nhà văn hóa và Wi-Fi miễn phí") < printed.index(
        "Tổ công nghệ số cộng đồng"
    )


def test_web_only_marks_stay_off_the_booklet_only(built: BuildResult) -> None:
    page = built.read("danh-ba/tram-y-te-xa-yen-dinh/index.html")
    assert "Lưu vào danh bạ" in page  # the web page keeps them
    assert Path(built.site_dir / "danh-ba/tram-y-te-xa-yen-dinh.vcf").is_file()
