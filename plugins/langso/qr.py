"""QR symbols for plaques: encoded by the ``qrcode`` library, drawn as SVG and PNG.

Rules (``shared/cases`` C-12 to C-14):

- error-correction level Q (25 % of codewords recoverable) by default, H (30 %) for harsh places —
  levels from ISO/IEC 18004:2015, table 13;
- the version (size) is never fixed: the library picks the smallest that holds the data, and
  callers refuse symbols above an agreed maximum;
- a quiet zone of 4 modules, the minimum ISO/IEC 18004:2015 section 9.1 requires around the symbol;
- dark modules (#000) on an explicit light background (#fff) that theme CSS cannot invert;
- SVG in the default namespace (no ``svg:`` prefixes, which browsers do not draw inside HTML) with
  no ``id`` attributes, so several symbols can be inlined in one page.

Output is deterministic: the same data gives byte-identical SVG and PNG.

Mask choice: the very symbols ``qrcode`` 8.x draws, without its 8 passes (:func:`best_mask`).
``qrcode.QRCode.best_mask_pattern`` fills the whole symbol eight times (``map_data``, one Python
step per module) and scores each with ``qrcode.util.lost_point`` (four more Python loops over every
module). That was ~10 % of a cold 1,000-page build. Here the symbol is filled once; each of the 8
candidates is ``base ^ (mask & data_area)`` on one Python integer, and the penalty rules of
ISO/IEC 18004:2015 section 7.8.3 are counted with shifts, ANDs and ``int.bit_count`` (C speed).

It lives here, not in a module of its own, so the cache keys that digest ``qr.py`` (plaques,
directory) change whenever it does. The score is ``qrcode.util.lost_point``'s, quirks included,
so the chosen mask is the same:

- it scores the *test* matrix: format and version information all light, the dark module light;
- rule 1: each run of ≥ 5 same-colour modules in a row or column costs ``length − 2``;
- rule 2: each 2×2 block of one colour costs 3 (overlapping blocks counted separately);
- rule 3: each window ``10111010000`` or ``00001011101`` wholly inside a row or column costs 40;
- rule 4: ``int(abs(dark / n² × 100 − 50) / 5) × 10`` in floating point;
- ties go to the lowest mask number.

Packing: module (row ``i``, column ``j``) of an ``n × n`` matrix is bit ``i × (n + 1) + j``; bit
``i × (n + 1) + n`` is a light separator in both the dark and the light image, so no run or
window continues from one row into the next.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import qrcode
import qrcode.constants
from PIL import Image

__all__ = ["QUIET_ZONE", "ErrorCorrection", "QrSymbol", "make_qr"]

ErrorCorrection = Literal["L", "M", "Q", "H"]
QUIET_ZONE = 4
"""Light margin around the symbol, in modules."""

_LEVELS = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}


@dataclass(frozen=True)
class QrSymbol:
    """An encoded QR symbol.

    Attributes:
        data: the encoded text (a URL).
        version: 1–40; the symbol is ``17 + 4 × version`` modules wide.
        error_correction: ``L``, ``M``, ``Q`` or ``H``.
        modules: rows of dark (``True``) and light modules, quiet zone included.
    """

    data: str
    version: int
    error_correction: ErrorCorrection
    modules: tuple[tuple[bool, ...], ...]

    @property
    def size(self) -> int:
        """Width in modules, quiet zone included."""
        return len(self.modules)

    def svg(self, title: str | None = None) -> str:
        """Return a standalone SVG (no XML declaration), one module per user unit.

        Horizontal runs of dark modules are merged into one path segment to keep the file small.
        Size it with CSS or ``width``/``height``; ``shape-rendering`` keeps module edges crisp.
        """
        parts: list[str] = []
        for y, row in enumerate(self.modules):
            x = 0
            while x < len(row):
                if row[x]:
                    start = x
                    while x < len(row) and row[x]:
                        x += 1
                    parts.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
                else:
                    x += 1
        label = f"<title>{_escape(title)}</title>" if title else ""
        aria = f" aria-label={_quote(title)}" if title else ""
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.size} {self.size}" '
            f'shape-rendering="crispEdges" role="img"{aria}>'
            f"{label}"
            f'<rect width="{self.size}" height="{self.size}" fill="#fff"/>'
            f'<path fill="#000" d="{"".join(parts)}"/></svg>'
        )

    def png(self, module_px: int = 10) -> bytes:
        """Return a PNG, ``module_px`` pixels per module, black on white, 1 bit per pixel.

        Drawn from :attr:`modules` (the symbol is encoded once, for SVG and PNG alike).
        """
        image = Image.new("1", (self.size, self.size), 1)
        image.putdata([0 if dark else 1 for row in self.modules for dark in row])
        side = self.size * module_px
        image = image.resize((side, side), Image.Resampling.NEAREST)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        return buffer.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _quote(text: str) -> str:
    return '"' + _escape(text).replace('"', "&quot;") + '"'


MASK_COUNT = 8

# ISO/IEC 18004:2015 table 10, as qrcode.util.mask_func writes them. Every pattern repeats after 12
# rows and 6 columns (periods 2, 3, 4 and 6), so a 12 × 12 tile describes the whole matrix.
_TILE = 12
_MASKS: tuple[Callable[[int, int], bool], ...] = (
    lambda i, j: (i + j) % 2 == 0,
    lambda i, j: i % 2 == 0,
    lambda i, j: j % 3 == 0,
    lambda i, j: (i + j) % 3 == 0,
    lambda i, j: (i // 2 + j // 3) % 2 == 0,
    lambda i, j: (i * j) % 2 + (i * j) % 3 == 0,
    lambda i, j: ((i * j) % 2 + (i * j) % 3) % 2 == 0,
    lambda i, j: ((i * j) % 3 + (i + j) % 2) % 2 == 0,
)
_WIDEST = 177  # version 40
# _LINES[k][t][r]: the line of mask k at residue r (mod 12) as "0"/"1" text, ≥ _WIDEST long;
# t = 0 for rows (line = i, position = j), t = 1 for columns (line = j, position = i).
_LINES = tuple(
    tuple(
        tuple(
            "".join("1" if (mask(r, p) if t == 0 else mask(p, r)) else "0" for p in range(_TILE))
            * (_WIDEST // _TILE + 1)
            for r in range(_TILE)
        )
        for t in range(2)
    )
    for mask in _MASKS
)
_TO_TEXT = bytes.maketrans(b"\x00\x01", b"01")


def pack(lines: Iterable[Sequence[bool]]) -> int:
    """Pack ``n`` lines of ``n`` booleans (rows, or columns via ``zip(*rows)``) into one integer."""
    text = b"\x00".join(bytes(line) for line in lines).translate(_TO_TEXT)
    return int(text[::-1], 2) if text else 0


def pack_columns(rows: Sequence[Sequence[bool]]) -> int:
    """Pack the columns of a square matrix given by rows (:func:`pack` of its transpose)."""
    return pack(zip(*rows, strict=True))


def unpack_rows(packed: int, n: int) -> list[str]:
    """Return the ``n`` rows of a packed matrix as ``"0"``/``"1"`` text, column 0 first."""
    stride = n + 1
    text = format(packed, f"0{n * stride}b")[::-1]
    return [text[i * stride : i * stride + n] for i in range(n)]


def mask_bits(mask: int, n: int, columns: bool = False) -> int:
    """Packed matrix of the modules mask ``mask`` (0–7) inverts; transposed if ``columns``."""
    lines = _LINES[mask][1 if columns else 0]
    text = "0".join(lines[i % _TILE][:n] for i in range(n))
    return int(text[::-1], 2)


def _runs(x: int) -> int:
    # starts of 5 modules in a row; a run of length L leaves L − 4 of them, costing L − 2 in all
    five = x & (x >> 1) & (x >> 2) & (x >> 3) & (x >> 4)
    return five.bit_count() + 2 * (five & ~(five << 1)).bit_count()


def _finders(x: int, light: int) -> int:
    common = (light >> 1) & (x >> 4) & (light >> 5) & (x >> 6) & (light >> 9)
    first = common & x & (x >> 2) & (x >> 3) & (light >> 7) & (light >> 8) & (light >> 10)
    second = common & light & (light >> 2) & (light >> 3) & (x >> 7) & (x >> 8) & (x >> 10)
    return first.bit_count() + second.bit_count()


def every_module(n: int) -> int:
    """Packed ``n × n`` matrix with every module set (separators clear)."""
    return int("0".join("1" * n for _ in range(n)), 2)


def penalty(rows: int, columns: int, n: int, every: int | None = None) -> int:
    """``qrcode.util.lost_point`` of an ``n × n`` matrix packed by rows and by columns.

    ``every``: :func:`every_module` of ``n``, if the caller has it already.
    """
    stride = n + 1
    if every is None:
        every = every_module(n)
    light_rows = rows ^ every
    light_columns = columns ^ every
    points = _runs(rows) + _runs(light_rows) + _runs(columns) + _runs(light_columns)
    for x in (rows, light_rows):
        points += 3 * (x & (x >> 1) & (x >> stride) & (x >> (stride + 1))).bit_count()
    points += 40 * (_finders(rows, light_rows) + _finders(columns, light_columns))
    percent = float(rows.bit_count()) / (n**2)
    return points + int(abs(percent * 100 - 50) / 5) * 10


def best_mask(
    rows: int, columns: int, data_rows: int, data_columns: int, base_mask: int, n: int
) -> int:
    """Return the mask (0–7) ``qrcode`` 8.x picks for a test matrix filled with ``base_mask``.

    ``rows``/``columns``: the test matrix (format and version cells light) packed both ways;
    ``data_rows``/``data_columns``: the cells ``map_data`` filled, packed the same ways.
    """
    plain_rows = rows ^ (mask_bits(base_mask, n) & data_rows)
    plain_columns = columns ^ (mask_bits(base_mask, n, True) & data_columns)
    every = every_module(n)
    best, lowest = 0, -1
    for mask in range(MASK_COUNT):
        points = penalty(
            plain_rows ^ (mask_bits(mask, n) & data_rows),
            plain_columns ^ (mask_bits(mask, n, True) & data_columns),
            n,
            every,
        )
        if lowest < 0 or points < lowest:
            best, lowest = mask, points
    return best


def _encoder(data: str, error_correction: ErrorCorrection) -> tuple[int, list[str]]:
    """Return ``(version, rows)``: the symbol ``qrcode.QRCode(...).make(fit=True)`` would give.

    ``rows``: ``"0"``/``"1"`` text, no quiet zone. The library still picks the version, encodes the
    codewords and fills the matrix (once, with mask 0); the mask is then chosen on bit-packed
    matrices (:func:`best_mask`) instead of the library's 8 fills and scores, which cost ~5 ms
    a symbol. ``tests/test_qr_identity.py`` checks the result equals the library's own, module for
    module.
    """
    qr = qrcode.QRCode(
        version=None,
        error_correction=_LEVELS[error_correction],
        box_size=1,
        border=QUIET_ZONE,
    )
    qr.add_data(data)
    qr.best_fit()
    n = qr.version * 4 + 17
    fill = qr.map_data
    data_area: list[list[bool]] = []

    def recording_fill(codewords: list[int], mask: int) -> None:
        # the data area is exactly the cells the library's own filling finds empty
        data_area.extend([cell is None for cell in row] for row in qr.modules)
        fill(codewords, mask)

    qr.map_data = recording_fill
    qr.makeImpl(True, 0)  # test matrix: format and version cells light, as the library scores it
    data_rows, data_columns = pack(data_area), pack_columns(data_area)
    mask = best_mask(pack(qr.modules), pack_columns(qr.modules), data_rows, data_columns, 0, n)
    qr.setup_type_info(False, mask)
    if qr.version >= 7:
        qr.setup_type_number(False)
    rows = pack(qr.modules) ^ ((mask_bits(0, n) ^ mask_bits(mask, n)) & data_rows)
    return int(qr.version), unpack_rows(rows, n)


def make_qr(data: str, error_correction: ErrorCorrection = "Q") -> QrSymbol:
    """Encode ``data`` in the smallest QR version that holds it at ``error_correction``.

    Raises:
        ValueError: if even version 40 cannot hold ``data`` — qrcode 8.2 says ``Invalid version
            (was 41, expected 1 to 40)``, as its own ``make`` does (it never reaches its
            ``DataOverflowError``).
    """
    version, rows = _encoder(data, error_correction)
    margin = (False,) * QUIET_ZONE
    blank = (False,) * (len(rows) + 2 * QUIET_ZONE)
    return QrSymbol(
        data=data,
        version=version,
        error_correction=error_correction,
        modules=(
            (blank,) * QUIET_ZONE
            + tuple(margin + tuple(map("1".__eq__, row)) + margin for row in rows)
            + (blank,) * QUIET_ZONE
        ),
    )
