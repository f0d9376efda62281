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
"""

from __future__ import annotations

import io
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


def _encoder(data: str, error_correction: ErrorCorrection) -> qrcode.QRCode:
    qr = qrcode.QRCode(
        version=None,
        error_correction=_LEVELS[error_correction],
        box_size=1,
        border=QUIET_ZONE,
    )
    qr.add_data(data)
    qr.make(fit=True)
    return qr


def make_qr(data: str, error_correction: ErrorCorrection = "Q") -> QrSymbol:
    """Encode ``data`` in the smallest QR version that holds it at ``error_correction``.

    Raises:
        qrcode.exceptions.DataOverflowError: if even version 40 cannot hold ``data``.
    """
    qr = _encoder(data, error_correction)
    matrix = qr.get_matrix()
    return QrSymbol(
        data=data,
        version=int(qr.version),
        error_correction=error_correction,
        modules=tuple(tuple(bool(m) for m in row) for row in matrix),
    )
