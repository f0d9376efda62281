#!/usr/bin/env python3
"""Make the files of the sample notices: a picture of a paper notice and a one-page PDF.

    .venv/bin/python build_tools/make_notice_samples.py [CONTENT_DIR]

Writes, under ``content/`` (or ``CONTENT_DIR``):

- ``anh/thong-bao/giay-moi-hop-thon-thang-12.webp``: a drawing (Pillow) of the hamlet's
  invitation to the December meeting pinned on the green notice board of the cultural house,
  as a volunteer would photograph it; 960×720 px WebP, under :data:`LIMIT` bytes. Clearly a
  drawing, stamped "DỮ LIỆU MẪU", never a photograph;
- ``tep/giay-moi-hop-thon-thang-12.pdf``: the same invitation as a one-page A4 PDF laid out by
  WeasyPrint (:func:`langso.printing.write_pdf`), with the project's Vietnamese subset of Noto
  Sans embedded (``plugins/langso/fonts``, SIL OFL 1.1) and "DỮ LIỆU MẪU" across the page;
  under :data:`LIMIT` bytes.

Both are used by ``content/thong-bao/2026-11-24-hop-thon-thang-12.md`` (``anh`` and
``dinh_kem``). The text is sample data: no real person's name, the poster is a role.
Deterministic: no randomness, fixed encoder settings, and PDFs without dates or random
identifiers (:mod:`langso.printing`), so the same libraries write the same bytes.

Raises ``SystemExit`` when a file cannot be kept under :data:`LIMIT`.
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from langso.printing import FONT_FAMILY, font_css, write_pdf
from langso.printing.fonts import font_path, package_fonts_url

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
PICTURE = Path("anh/thong-bao/giay-moi-hop-thon-thang-12.webp")
DOCUMENT = Path("tep/giay-moi-hop-thon-thang-12.pdf")
LIMIT = 60_000
"""Largest size of each file, in bytes."""
SAMPLE = "DỮ LIỆU MẪU"

RGB = tuple[int, int, int]

# The invitation, shared by the picture and the PDF (sample data).
HAMLET = "THÔN LÀ THÔN"
COMMUNE = "XÃ YÊN ĐỊNH"
PLACE_DATE = "Là Thôn, ngày 24 tháng 11 năm 2026"
TITLE = "GIẤY MỜI HỌP THÔN"
INVITE = "Ban quản lý thôn trân trọng kính mời đại diện mỗi hộ gia đình đến dự họp thôn."
WHEN = ("Thời gian", "19 giờ 30, tối Thứ Bảy, ngày 05/12/2026")
WHERE = ("Địa điểm", "Nhà văn hóa Là Thôn")
AGENDA = (
    "Tổng kết công việc của thôn năm 2026.",
    "Bàn việc sửa đường nội đồng trước vụ Xuân.",
    "Phòng chống rét, bão cho người già, trẻ nhỏ, trâu bò.",
    "Thu tiền thu gom rác quý IV (hộ chưa nộp).",
    "Hướng dẫn cài VNeID, đóng tiền điện qua mạng.",
)
BRING = "Mang theo sổ, bút. Ai cần cài VNeID mang điện thoại và thẻ căn cước."
SIGNER = "TRƯỞNG THÔN"
FOOTNOTE = "Tài liệu mẫu của sổ tay Làng số Là Thôn: không phải giấy mời thật."

# --- the picture -------------------------------------------------------------------------------

SCALE = 2
WIDTH, HEIGHT = 960, 720
WALL: RGB = (214, 200, 170)
WALL_DARK: RGB = (204, 189, 158)
FRAME: RGB = (112, 74, 46)
FRAME_DARK: RGB = (84, 54, 34)
BOARD: RGB = (46, 92, 70)
BOARD_LIGHT: RGB = (51, 99, 75)
PAPER: RGB = (250, 248, 240)
INK: RGB = (34, 34, 40)
RED: RGB = (196, 40, 36)
OTHER_PAPERS: tuple[RGB, ...] = ((236, 226, 170), (222, 232, 240))


def _font(size: float, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(700 if bold else 400)), size=round(size * SCALE))


def _scaled(*values: float) -> list[float]:
    return [v * SCALE for v in values]


def _wrap(words: str, size: float, width: float) -> list[str]:
    """``words`` broken at spaces into lines at most ``width`` px wide in the regular font."""
    font, lines = _font(size), [""]
    for word in words.split():
        wider = f"{lines[-1]} {word}".strip()
        if lines[-1] and font.getlength(wider) > width * SCALE:
            lines.append(word)
        else:
            lines[-1] = wider
    return lines


def _paper(width: int, height: int) -> Image.Image:
    """The invitation as printed on white paper, at ``SCALE`` × (width, height), RGBA."""
    sheet = Image.new("RGBA", (width * SCALE, height * SCALE), (*PAPER, 255))
    draw = ImageDraw.Draw(sheet)

    def text(
        x: float,
        y: float,
        words: str,
        size: float,
        bold: bool = False,
        fill: RGB = INK,
        anchor: str = "la",
    ) -> None:
        draw.text((x * SCALE, y * SCALE), words, font=_font(size, bold), fill=fill, anchor=anchor)

    mid = width / 2
    text(mid, 26, HAMLET, 15, True, anchor="ma")
    text(mid, 46, COMMUNE, 12, anchor="ma")
    draw.line(_scaled(mid - 40, 70, mid + 40, 70), fill=INK, width=SCALE)
    text(width - 24, 80, PLACE_DATE, 11, anchor="ra")
    text(mid, 110, TITLE, 24, True, anchor="ma")
    y = 158.0
    for line in _wrap(INVITE, 13, width - 60):
        text(30, y, line, 13)
        y += 21
    y += 8
    for label, value in (WHEN, WHERE):
        text(30, y, f"{label}:", 13, True)
        text(118, y, value, 13)
        y += 23
    y += 6
    text(30, y, "Nội dung:", 13, True)
    y += 23
    for number, item in enumerate(AGENDA, start=1):
        text(42, y, f"{number}. {item}", 12)
        y += 20
    y += 8
    for line in _wrap(BRING, 12, width - 60):
        text(30, y, line, 12)
        y += 19
    text(width - 80, y + 14, SIGNER, 13, True, anchor="ma")
    text(width - 80, y + 34, "(đã ký)", 11, anchor="ma")
    _stamp(sheet, SAMPLE, (width * 0.3, y + 46), 26, -10)
    return sheet


def _stamp(
    image: Image.Image, words: str, centre: tuple[float, float], size: float, angle: float
) -> None:
    """A red rubber-stamp ``words`` in a frame, turned by ``angle`` degrees, on ``image``."""
    font = _font(size, bold=True)
    left, top, right, bottom = (round(v) for v in font.getbbox(words))
    pad = 14 * SCALE
    layer = Image.new("RGBA", (right - left + 2 * pad, bottom - top + 2 * pad), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    colour = (*RED, 200)
    draw.rounded_rectangle(
        (SCALE, SCALE, layer.width - SCALE, layer.height - SCALE),
        radius=8 * SCALE,
        outline=colour,
        width=4 * SCALE,
    )
    draw.text((pad - left, pad - top), words, font=font, fill=colour)
    turned = layer.rotate(angle, expand=True, resample=Image.Resampling.BICUBIC)
    x = round(centre[0] * SCALE - turned.width / 2)
    y = round(centre[1] * SCALE - turned.height / 2)
    image.alpha_composite(turned, (x, y))


def _pin(draw: ImageDraw.ImageDraw, x: float, y: float, colour: RGB) -> None:
    r = 7
    draw.ellipse(_scaled(x - r + 2, y - r + 3, x + r + 2, y + r + 3), fill=(20, 40, 30))
    draw.ellipse(_scaled(x - r, y - r, x + r, y + r), fill=colour)
    draw.ellipse(_scaled(x - 3, y - 4, x + 1, y), fill=(255, 236, 230))


def _pinned(canvas: Image.Image, sheet: Image.Image, x: float, y: float, angle: float) -> None:
    """Turn ``sheet`` by ``angle`` degrees and pin it with its shadow at (x, y) (its top left)."""
    turned = sheet.rotate(angle, expand=True, resample=Image.Resampling.BICUBIC)
    shadow = Image.new("RGBA", turned.size, (0, 0, 0, 0))
    shadow.putalpha(turned.getchannel("A").point(lambda a: a * 90 // 255))
    shadow = shadow.filter(ImageFilter.GaussianBlur(6 * SCALE))
    canvas.alpha_composite(shadow, (round((x + 8) * SCALE), round((y + 10) * SCALE)))
    canvas.alpha_composite(turned, (round(x * SCALE), round(y * SCALE)))


def picture() -> Image.Image:
    """The notice board of the cultural house with the invitation pinned on it, RGB."""
    canvas = Image.new("RGBA", (WIDTH * SCALE, HEIGHT * SCALE), (*WALL, 255))
    draw = ImageDraw.Draw(canvas)
    for k in range(0, HEIGHT, 48):  # a plastered wall in soft bands
        draw.rectangle(_scaled(0, k, WIDTH, k + 24), fill=WALL_DARK if k % 96 else WALL)
    draw.rectangle(_scaled(40, 40, WIDTH - 40, HEIGHT - 30), fill=FRAME_DARK)
    draw.rectangle(_scaled(48, 46, WIDTH - 48, HEIGHT - 38), fill=FRAME)
    draw.rectangle(_scaled(70, 112, WIDTH - 70, HEIGHT - 58), fill=BOARD)
    for k in range(112, HEIGHT - 58, 40):  # a painted board, faint brush strokes
        draw.rectangle(_scaled(70, k, WIDTH - 70, k + 14), fill=BOARD_LIGHT)
    draw.text(
        (WIDTH / 2 * SCALE, 62 * SCALE),
        "BẢNG TIN THÔN LÀ THÔN",
        font=_font(30, bold=True),
        fill=(246, 222, 150),
        anchor="ma",
    )
    for colour, (x, y, w, h, angle) in zip(
        OTHER_PAPERS, ((96, 150, 230, 300, 3.5), (640, 170, 240, 330, -4.0)), strict=True
    ):
        other = Image.new("RGBA", (w * SCALE, h * SCALE), (*colour, 255))
        lines = ImageDraw.Draw(other)
        for k in range(40, h - 30, 22):
            lines.rectangle(_scaled(20, k, w - 20 - (k * 7) % 60, k + 6), fill=(150, 150, 150))
        _pinned(canvas, other, x, y, angle)
    _pinned(canvas, _paper(430, 560), 262, 120, -1.5)
    for x, y, colour in ((150, 160, RED), (845, 182, (40, 90, 200)), (478, 138, RED)):
        _pin(draw, x, y, colour)
    label = _font(15, bold=True)
    draw.rounded_rectangle(
        _scaled(WIDTH - 330, HEIGHT - 28, WIDTH - 10, HEIGHT - 4), radius=8, fill=(255, 255, 255)
    )
    draw.text(
        ((WIDTH - 170) * SCALE, (HEIGHT - 16) * SCALE),
        "Tranh minh họa · " + SAMPLE,
        font=label,
        fill=INK,
        anchor="mm",
    )
    return canvas.convert("RGB").resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)


def save_picture(image: Image.Image, path: Path) -> int:
    """Save as WebP at the best quality under :data:`LIMIT` bytes; return the size."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for quality in (80, 72, 64, 56, 48):
        image.save(path, "WEBP", quality=quality, method=6)
        size = path.stat().st_size
        if size <= LIMIT:
            return size
    raise SystemExit(f"{path}: {size} bytes even at quality 48")


# --- the PDF -----------------------------------------------------------------------------------


def document_html() -> str:
    """The invitation as an A4 HTML page for WeasyPrint (text escaped once)."""
    e = html.escape
    agenda = "".join(f"<li>{e(item)}</li>" for item in AGENDA)
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>{e(TITLE)} ({e(SAMPLE)})</title>
<style>
{font_css(package_fonts_url())}
@page {{ size: A4; margin: 20mm 20mm 18mm; }}
body {{ font-family: "{FONT_FAMILY}"; font-size: 13pt; line-height: 1.45; color: #222; }}
.head {{ display: flex; justify-content: space-between; text-align: center; }}
.head p {{ margin: 0; }}
.rule {{ width: 30mm; border-top: 1px solid #222; margin: 1.5mm auto 0; }}
.date {{ text-align: right; font-style: italic; margin: 6mm 0 8mm; }}
h1 {{ text-align: center; font-size: 20pt; margin: 0 0 8mm; }}
dt {{ font-weight: 700; float: left; width: 30mm; }}
dd {{ margin: 0 0 2mm 30mm; }}
.sign {{ margin: 14mm 0 0 auto; width: 70mm; text-align: center; }}
.sample {{ position: fixed; top: 120mm; left: 0; width: 170mm; text-align: center;
  transform: rotate(-28deg); font-size: 60pt; font-weight: 700; color: rgba(196, 40, 36, .22);
  border: 3pt solid rgba(196, 40, 36, .22); border-radius: 6mm; }}
.foot {{ position: fixed; bottom: 0; width: 100%; text-align: center; font-size: 10pt;
  color: #555; }}
</style></head><body>
<div class="head">
  <div><p><b>{e(HAMLET)}</b></p><p>{e(COMMUNE)}</p><div class="rule"></div></div>
  <div><p><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></p><p><b>Độc lập - Tự do - Hạnh phúc</b></p>
  <div class="rule"></div></div>
</div>
<p class="date">{e(PLACE_DATE)}</p>
<h1>{e(TITLE)}</h1>
<p>{e(INVITE)}</p>
<dl><dt>{e(WHEN[0])}:</dt><dd>{e(WHEN[1])}</dd><dt>{e(WHERE[0])}:</dt><dd>{e(WHERE[1])}</dd></dl>
<p><b>Nội dung:</b></p><ol>{agenda}</ol>
<p>{e(BRING)}</p>
<div class="sign"><b>{e(SIGNER)}</b><br><i>(đã ký)</i></div>
<div class="sample">{e(SAMPLE)}</div>
<p class="foot">{e(FOOTNOTE)}</p>
</body></html>
"""


def save_document(path: Path) -> int:
    """Write the invitation's PDF; return its size. Raises SystemExit over one page or LIMIT."""
    pdf = write_pdf(document_html())
    if pdf.pages != 1 or len(pdf.data) > LIMIT:
        raise SystemExit(f"{path}: {pdf.pages} pages, {len(pdf.data)} bytes")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pdf.data)
    return len(pdf.data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("content", nargs="?", type=Path, default=CONTENT)
    args = parser.parse_args(argv)
    picture_path, document_path = args.content / PICTURE, args.content / DOCUMENT
    print(f"{picture_path}: {save_picture(picture(), picture_path)} bytes")
    print(f"{document_path}: {save_document(document_path)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
