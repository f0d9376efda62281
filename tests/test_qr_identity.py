"""make_qr's own mask choice gives the very symbols qrcode 8.x gives, and fills the matrix once."""

from __future__ import annotations

import io
import random
import urllib.parse

import pytest
import qrcode
import qrcode.constants
import qrcode.util
import zxingcpp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from langso.qr import QUIET_ZONE, ErrorCorrection, make_qr, pack, pack_columns, penalty

LEVELS: dict[ErrorCorrection, int] = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}
SETTINGS = settings(
    max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)

levels = st.sampled_from(list(LEVELS))
slugs = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=40)
urls = st.builds(
    lambda host, parts, unicode: (
        "https://" + host + ".github.io/" + "/".join(parts) + "/" + urllib.parse.quote(unicode)
    ),
    slugs,
    st.lists(slugs, max_size=6),
    st.text(max_size=30),
)


def library_symbol(data: str, level: ErrorCorrection) -> tuple[int, tuple[tuple[bool, ...], ...]]:
    """What ``qrcode`` itself encodes: its version, and its matrix with the quiet zone."""
    qr = qrcode.QRCode(version=None, error_correction=LEVELS[level], box_size=1, border=QUIET_ZONE)
    qr.add_data(data)
    qr.make(fit=True)
    return int(qr.version), tuple(tuple(bool(m) for m in row) for row in qr.get_matrix())


@SETTINGS
@given(data=st.one_of(urls, st.text(min_size=1, max_size=300)), level=levels)
def test_same_version_mask_and_modules_as_qrcode(data: str, level: ErrorCorrection) -> None:
    symbol = make_qr(data, level)
    assert (symbol.version, symbol.modules) == library_symbol(data, level)


@pytest.mark.parametrize(
    ("length", "level", "version"),
    [(160, "L", 8), (300, "M", 13), (1000, "Q", 31), (1270, "H", 40), (2900, "L", 40)],
)
def test_same_symbol_for_large_versions(length: int, level: ErrorCorrection, version: int) -> None:
    # versions ≥ 7 carry version information, which the library leaves light while scoring
    rng = random.Random(length)
    data = "".join(rng.choice("abcdefghij/-.") for _ in range(length))
    symbol = make_qr(data, level)
    assert symbol.version == version
    assert (symbol.version, symbol.modules) == library_symbol(data, level)


lines = st.lists(
    st.sampled_from(["0", "1", "00000", "11111", "10111010000", "00001011101", "1010", "0110"]),
    min_size=1,
    max_size=40,
)


@SETTINGS
@given(
    size=st.sampled_from([21, 25, 33, 45, 57]), rows=st.lists(lines, min_size=1), seed=st.randoms()
)
def test_penalty_is_qrcodes_lost_point(
    size: int, rows: list[list[str]], seed: random.Random
) -> None:
    # runs, blocks and finder-like windows in rows; shuffled rows give them in columns too
    text = ["".join(row).ljust(size, "0")[:size] for row in rows]
    text = (text * size)[:size]
    seed.shuffle(text)
    matrix = [[c == "1" for c in row] for row in text]
    if seed.random() < 0.5:
        matrix = [list(column) for column in zip(*matrix, strict=True)]
    expected = qrcode.util.lost_point(matrix)
    assert penalty(pack(matrix), pack_columns(matrix), size) == expected


@settings(max_examples=60, deadline=None, derandomize=True)
@given(url=urls, level=levels)
def test_every_symbol_decodes(url: str, level: ErrorCorrection) -> None:
    image = Image.open(io.BytesIO(make_qr(url, level).png(module_px=4)))
    assert [result.text for result in zxingcpp.read_barcodes(image)] == [url]


def test_the_matrix_is_filled_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # qrcode's own mask choice fills the matrix 9 times (8 candidates, then the chosen one)
    fill = qrcode.QRCode.map_data
    calls: list[int] = []

    def counting(self: qrcode.QRCode, data: list[int], mask: int) -> None:
        calls.append(mask)
        fill(self, data, mask)

    monkeypatch.setattr(qrcode.QRCode, "map_data", counting)
    make_qr("https://example.github.io/lang-thu/q/p123/")
    assert calls == [0]


@pytest.mark.parametrize("level", ["L", "H"])
def test_too_long_fails_as_the_library_does(level: ErrorCorrection) -> None:
    data = "đ" * 2000  # 4,000 bytes: more than version 40 holds at any level
    with pytest.raises(ValueError) as ours:
        make_qr(data, level)
    with pytest.raises(ValueError) as theirs:
        library_symbol(data, level)
    assert str(ours.value) == str(theirs.value) == "Invalid version (was 41, expected 1 to 40)"
