"""QR symbols for plaques: decodable, quiet zone, plain SVG, deterministic (C-12 to C-14)."""

from __future__ import annotations

import io
import re
import urllib.parse

import pytest
import resvg_py
import zxingcpp
from PIL import Image

from langso.qr import QUIET_ZONE, make_qr

URL = "https://example.github.io/lang-so/q/dinh-la-thon/"
LONG_URL = "https://example.github.io/lang-phu-my/" + urllib.parse.quote(
    "địa-điểm/đình-làng-phú-mỹ/"
)


def decode(image: Image.Image) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(image)]


def rasterise(svg: str, size: int) -> Image.Image:
    png = resvg_py.svg_to_bytes(svg_string=svg, width=size, height=size)
    return Image.open(io.BytesIO(bytes(png))).convert("L")


def test_small_version_and_level_q() -> None:
    symbol = make_qr(URL)
    assert symbol.data == URL
    assert symbol.error_correction == "Q"
    assert 1 <= symbol.version <= 6
    assert symbol.size == 17 + 4 * symbol.version + 2 * QUIET_ZONE
    assert all(len(row) == symbol.size for row in symbol.modules)


def test_png_decodes_to_the_url() -> None:
    symbol = make_qr(URL)
    image = Image.open(io.BytesIO(symbol.png()))
    assert image.format == "PNG"
    assert image.size == (symbol.size * 10, symbol.size * 10)
    assert decode(image) == [URL]


def test_png_matches_modules() -> None:
    symbol = make_qr(URL)
    image = Image.open(io.BytesIO(symbol.png(module_px=4))).convert("L")
    assert image.size == (symbol.size * 4, symbol.size * 4)
    drawn = tuple(
        tuple(image.getpixel((x * 4 + 2, y * 4 + 2)) == 0 for x in range(symbol.size))
        for y in range(symbol.size)
    )
    assert drawn == symbol.modules


def test_svg_rasterised_decodes_to_the_url() -> None:
    symbol = make_qr(URL)
    image = rasterise(symbol.svg(), symbol.size * 8)
    assert decode(image) == [URL]


def test_svg_with_title_rasterised_decodes_to_the_url() -> None:
    symbol = make_qr(URL)
    image = rasterise(symbol.svg(title='Đình làng "Là Thôn" & chợ <mới>'), symbol.size * 8)
    assert decode(image) == [URL]


def test_svg_matches_modules() -> None:
    symbol = make_qr(URL)
    image = rasterise(symbol.svg(), symbol.size * 8)
    drawn = tuple(
        tuple(image.getpixel((x * 8 + 4, y * 8 + 4)) < 128 for x in range(symbol.size))
        for y in range(symbol.size)
    )
    assert drawn == symbol.modules


def test_quiet_zone_is_light() -> None:
    symbol = make_qr(URL)
    rows = symbol.modules
    assert QUIET_ZONE == 4
    for index in [*range(4), *range(symbol.size - 4, symbol.size)]:
        assert not any(rows[index]), f"row {index}"
        assert not any(row[index] for row in rows), f"column {index}"
    # The symbol itself starts right inside: the finder pattern's dark corner.
    assert rows[4][4] is True
    assert rows[4][symbol.size - 5] is True
    assert rows[symbol.size - 5][4] is True


def test_svg_markup() -> None:
    symbol = make_qr(URL)
    svg = symbol.svg()
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" ')
    assert "svg:" not in svg
    assert "xmlns:svg" not in svg
    assert "id=" not in svg
    assert f'<rect width="{symbol.size}" height="{symbol.size}" fill="#fff"/>' in svg
    assert '<path fill="#000" d="' in svg
    assert f'viewBox="0 0 {symbol.size} {symbol.size}"' in svg
    # The light background is drawn before, hence under, the dark modules.
    assert svg.index('fill="#fff"') < svg.index('fill="#000"')
    assert "<?xml" not in svg
    assert svg.endswith("</svg>")


def test_svg_title_is_escaped() -> None:
    svg = make_qr(URL).svg(title='Đình "A" & <b>')
    assert 'aria-label="Đình &quot;A&quot; &amp; &lt;b&gt;"' in svg
    assert '<title>Đình "A" &amp; &lt;b&gt;</title>' in svg
    assert "<b>" not in svg


def test_svg_path_covers_exactly_the_dark_modules() -> None:
    symbol = make_qr(URL)
    path = re.search(r' d="([^"]*)"', symbol.svg())
    assert path is not None
    dark: set[tuple[int, int]] = set()
    for x, y, width in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\d+z", path.group(1)):
        dark.update((int(x) + i, int(y)) for i in range(int(width)))
    expected = {
        (x, y) for y, row in enumerate(symbol.modules) for x, module in enumerate(row) if module
    }
    assert dark == expected


def test_output_is_deterministic() -> None:
    first, second = make_qr(URL), make_qr(URL)
    assert first == second
    assert first.svg() == second.svg()
    assert first.png() == second.png()


def test_level_h_is_at_least_as_large_as_q() -> None:
    q, h = make_qr(LONG_URL, "Q"), make_qr(LONG_URL, "H")
    assert h.error_correction == "H"
    assert h.version >= q.version
    assert decode(Image.open(io.BytesIO(h.png()))) == [LONG_URL]


def test_c14_long_percent_encoded_url_needs_a_higher_version() -> None:
    assert len(LONG_URL) == 118
    assert LONG_URL.isascii()
    short = make_qr("https://example.github.io/lang-phu-my/q/dinh/")
    long = make_qr(LONG_URL)
    assert 3 <= short.version <= 6
    assert 9 <= long.version <= 10
    assert long.version > short.version
    assert long.version > make_qr(URL).version


@pytest.mark.parametrize("level", ["L", "M", "Q", "H"])
def test_every_level_decodes(level: str) -> None:
    symbol = make_qr(URL, level)  # type: ignore[arg-type]
    assert symbol.error_correction == level
    assert decode(rasterise(symbol.svg(), symbol.size * 6)) == [URL]
