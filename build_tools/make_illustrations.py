#!/usr/bin/env python3
"""Draw the sample village's illustrations (``content/anh/*.webp``) with Pillow.

    .venv/bin/python build_tools/make_illustrations.py [OUTPUT_DIR]

Honest pictures for the sample: stylised drawings made by this project (a communal house, đình,
with its curved roof and upturned corners, rice fields, a village gate, a stone stele, festival
flags), never photographs, and marked "Tranh minh họa" wherever they are shown. Same licence as
the repository (``content/anh/README.md``). Deterministic: no randomness and fixed encoder
settings, so the same script writes the same files. Each is drawn at twice its size and scaled
down (smooth edges), then saved as WebP under 40 KB.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "content" / "anh"
SCALE = 2
LIMIT = 40_000
"""Largest file size, in bytes."""

Point = tuple[float, float]
RGB = tuple[int, int, int]

# A warm, calm palette: dawn sky, green and gold fields, red-brown tiles, dark wood.
SKY_TOP: RGB = (246, 214, 170)
SKY_LOW: RGB = (252, 238, 205)
SUN: RGB = (255, 246, 224)
HILL_FAR: RGB = (170, 184, 168)
HILL_NEAR: RGB = (128, 158, 120)
FIELD_GREENS: tuple[RGB, ...] = ((122, 163, 84), (146, 180, 92), (196, 190, 96), (112, 150, 78))
ROOF: RGB = (139, 62, 47)
ROOF_DARK: RGB = (104, 44, 34)
RIDGE: RGB = (86, 36, 28)
WOOD: RGB = (92, 58, 40)
WALL: RGB = (226, 200, 158)
YARD: RGB = (222, 196, 150)
BRICK: RGB = (196, 120, 86)
STONE: RGB = (150, 146, 136)
TREE: RGB = (74, 116, 72)
TREE_DARK: RGB = (58, 94, 60)
TRUNK: RGB = (98, 72, 52)
WATER: RGB = (168, 196, 196)
FLAGS: tuple[RGB, ...] = (
    (196, 52, 44),
    (230, 186, 60),
    (58, 120, 74),
    (52, 96, 160),
    (236, 232, 220),
)


class Canvas:
    """A drawing at ``SCALE`` times the final size, in final-size coordinates."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.image = Image.new("RGB", (width * SCALE, height * SCALE), SKY_LOW)
        self.draw = ImageDraw.Draw(self.image)

    def _p(self, points: Sequence[Point]) -> list[tuple[float, float]]:
        return [(x * SCALE, y * SCALE) for x, y in points]

    def polygon(self, points: Sequence[Point], fill: RGB) -> None:
        self.draw.polygon(self._p(points), fill=fill)

    def rect(self, x0: float, y0: float, x1: float, y1: float, fill: RGB) -> None:
        self.draw.rectangle(self._p([(x0, y0), (x1, y1)]), fill=fill)

    def ellipse(self, x0: float, y0: float, x1: float, y1: float, fill: RGB) -> None:
        self.draw.ellipse(self._p([(x0, y0), (x1, y1)]), fill=fill)

    def line(self, points: Sequence[Point], fill: RGB, width: float) -> None:
        self.draw.line(self._p(points), fill=fill, width=max(1, round(width * SCALE)))

    def sky(self, top: RGB = SKY_TOP, low: RGB = SKY_LOW, horizon: float = 0.62) -> None:
        end = self.height * horizon
        for y in range(round(end) + 1):
            t = y / end
            colour = tuple(round(a + (b - a) * t) for a, b in zip(top, low, strict=True))
            self.rect(0, y, self.width, y + 1, colour)  # type: ignore[arg-type]

    def finish(self) -> Image.Image:
        return self.image.resize((self.width, self.height), Image.Resampling.LANCZOS)


def wave(
    x0: float, x1: float, base: float, parts: Sequence[tuple[float, float, float]]
) -> list[Point]:
    """The top edge of a hill: ``base`` plus a sum of sines ``(amplitude, period, phase)``."""
    points = []
    steps = 60
    for i in range(steps + 1):
        x = x0 + (x1 - x0) * i / steps
        y = base - sum(a * math.sin(2 * math.pi * x / p + ph) for a, p, ph in parts)
        points.append((x, y))
    return points


def hills(c: Canvas, horizon: float) -> None:
    far = wave(0, c.width, horizon - 40, [(22, 520, 0.6), (10, 230, 1.7)])
    c.polygon([*far, (c.width, horizon), (0, horizon)], HILL_FAR)
    near = wave(0, c.width, horizon - 12, [(12, 380, 2.1), (6, 170, 0.3)])
    c.polygon([*near, (c.width, horizon + 2), (0, horizon + 2)], HILL_NEAR)


def fields(c: Canvas, horizon: float, vanish_x: float) -> None:
    """Rice fields to the bottom edge in strips converging towards ``vanish_x``."""
    c.rect(0, horizon, c.width, c.height, FIELD_GREENS[0])
    bands = [horizon + (c.height - horizon) * (k / 7) ** 1.6 for k in range(8)]
    for k in range(7):
        c.rect(0, bands[k], c.width, bands[k + 1], FIELD_GREENS[k % len(FIELD_GREENS)])
    for k in range(-9, 10):  # dykes between the plots
        x_bottom = vanish_x + k * c.width / 6
        c.line([(vanish_x + k * 18, horizon), (x_bottom, c.height)], (104, 140, 70), 2)
    for y in bands[1:]:
        c.line([(0, y), (c.width, y)], (104, 140, 70), 1.5)


def tree(c: Canvas, x: float, ground: float, size: float) -> None:
    """A round-crowned tree (a banyan, cây đa, when large)."""
    c.rect(x - size * 0.08, ground - size * 0.9, x + size * 0.08, ground, TRUNK)
    for dx, dy, r, colour in (
        (-0.35, -1.05, 0.42, TREE_DARK),
        (0.35, -1.0, 0.40, TREE_DARK),
        (0.0, -1.3, 0.5, TREE),
        (-0.2, -1.0, 0.38, TREE),
        (0.25, -1.12, 0.36, TREE),
    ):
        cx, cy, rr = x + dx * size, ground + dy * size, r * size
        c.ellipse(cx - rr, cy - rr * 0.85, cx + rr, cy + rr * 0.85, colour)


def roof(c: Canvas, cx: float, eave_y: float, half: float, rise: float, lift: float) -> None:
    """A tiled roof with a ridge and corners that curl up (``lift`` px) at both ends."""
    ridge_half = half * 0.62
    top = eave_y - rise
    # the lower edge: a gentle curve that sweeps up at the corners
    lower = []
    for i in range(41):
        t = -1 + 2 * i / 40
        x = cx + t * half
        y = eave_y - lift * abs(t) ** 4
        lower.append((x, y))
    upper = [(cx + ridge_half, top), (cx - ridge_half, top)]
    c.polygon(
        [*lower, (cx + half + 6, eave_y - lift - 8), *upper, (cx - half - 6, eave_y - lift - 8)],
        ROOF,
    )
    # tile rows
    for k in range(1, 5):
        f = k / 5
        y = top + (eave_y - top) * f
        w = ridge_half + (half - ridge_half) * f
        c.line([(cx - w, y - lift * 0.15 * f), (cx + w, y - lift * 0.15 * f)], ROOF_DARK, 1.5)
    # ridge with curled ends
    c.rect(cx - ridge_half - 4, top - 7, cx + ridge_half + 4, top + 2, RIDGE)
    for side in (-1, 1):
        x = cx + side * (ridge_half + 4)
        c.polygon(
            [(x, top - 7), (x + side * 16, top - 20), (x + side * 10, top + 2), (x, top + 2)], RIDGE
        )
        tip = cx + side * (half + 6)
        c.polygon(
            [
                (tip, eave_y - lift - 8),
                (tip + side * 14, eave_y - lift - 22),
                (tip - side * 4, eave_y - lift + 2),
            ],
            RIDGE,
        )


def dinh(c: Canvas, cx: float, ground: float, width: float) -> None:
    """A communal house: platform, dark wooden pillars, pale walls, a great curved roof."""
    half = width / 2
    c.rect(cx - half * 0.98, ground - 10, cx + half * 0.98, ground, STONE)  # stone platform
    c.rect(cx - half * 0.86, ground - width * 0.28, cx + half * 0.86, ground - 10, WALL)
    pillars = 6
    for k in range(pillars):
        x = cx - half * 0.8 + k * (half * 1.6) / (pillars - 1)
        c.rect(x - 4, ground - width * 0.28, x + 4, ground - 10, WOOD)
    for k in range(pillars - 1):  # open bays with dark doors
        x0 = cx - half * 0.8 + k * (half * 1.6) / (pillars - 1) + 10
        x1 = x0 + (half * 1.6) / (pillars - 1) - 20
        c.rect(x0, ground - width * 0.2, x1, ground - 12, (120, 78, 52))
    roof(c, cx, ground - width * 0.26, half * 1.12, width * 0.27, width * 0.06)


def gate(c: Canvas, cx: float, ground: float, width: float) -> None:
    """A village gate (cổng làng): two posts, a small tiled roof over the arch."""
    half = width / 2
    c.rect(cx - half, ground - width * 0.9, cx - half * 0.55, ground, WALL)
    c.rect(cx + half * 0.55, ground - width * 0.9, cx + half, ground, WALL)
    c.rect(cx - half, ground - width * 1.1, cx + half, ground - width * 0.78, WALL)
    c.ellipse(
        cx - half * 0.55, ground - width * 0.98, cx + half * 0.55, ground - width * 0.58, WALL
    )
    c.rect(cx - half * 0.55, ground - width * 0.78, cx + half * 0.55, ground, (250, 232, 196))
    roof(c, cx, ground - width * 1.08, half * 1.2, width * 0.28, width * 0.08)


def stele(c: Canvas, cx: float, ground: float, height: float) -> None:
    """A stone stele (bia đá) on a low plinth, with a rounded top and carved lines."""
    w = height * 0.42
    c.rect(cx - w * 0.8, ground - height * 0.12, cx + w * 0.8, ground, (128, 124, 116))
    c.rect(cx - w / 2, ground - height * 0.9, cx + w / 2, ground - height * 0.12, STONE)
    c.ellipse(cx - w / 2, ground - height * 1.06, cx + w / 2, ground - height * 0.76, STONE)
    for k in range(4):
        x = cx - w * 0.3 + k * w * 0.2
        c.line([(x, ground - height * 0.78), (x, ground - height * 0.22)], (118, 114, 106), 1.5)


def flags(c: Canvas, x0: float, x1: float, ground: float, height: float) -> None:
    """Festival flags on tall poles, each of the five colours in turn."""
    count = 5
    for k in range(count):
        x = x0 + (x1 - x0) * k / (count - 1)
        c.line([(x, ground), (x, ground - height)], WOOD, 2.5)
        colour = FLAGS[k % len(FLAGS)]
        top = ground - height + 4
        c.polygon(
            [(x, top), (x + height * 0.28, top + height * 0.08), (x, top + height * 0.16)], colour
        )


def yard(c: Canvas, cx: float, top: float, half_top: float, half_bottom: float) -> None:
    """A brick courtyard widening towards the viewer."""
    c.polygon(
        [
            (cx - half_top, top),
            (cx + half_top, top),
            (cx + half_bottom, c.height),
            (cx - half_bottom, c.height),
        ],
        YARD,
    )
    for k in range(1, 6):
        y = top + (c.height - top) * (k / 6) ** 1.4
        f = (y - top) / (c.height - top)
        w = half_top + (half_bottom - half_top) * f
        c.line([(cx - w, y), (cx + w, y)], BRICK, 1.2)


def sun(c: Canvas, x: float, y: float, r: float) -> None:
    c.ellipse(x - r * 1.6, y - r * 1.6, x + r * 1.6, y + r * 1.6, (250, 228, 190))
    c.ellipse(x - r, y - r, x + r, y + r, SUN)


def hero() -> Image.Image:
    """The village: fields at dawn, the đình in the middle, the gate and a banyan tree."""
    c = Canvas(1200, 600)
    horizon = 330
    c.sky(horizon=horizon / 600)
    sun(c, 930, 150, 46)
    hills(c, horizon)
    fields(c, horizon, 600)
    c.polygon([(470, horizon), (730, horizon), (820, 440), (380, 440)], YARD)
    tree(c, 1010, horizon + 40, 150)
    tree(c, 175, horizon + 30, 95)
    dinh(c, 600, 420, 360)
    gate(c, 300, 440, 110)
    c.rect(0, 560, 1200, 600, (112, 150, 78))
    c.polygon([(380, 600), (520, 440), (680, 440), (820, 600)], (214, 188, 140))  # the path
    return c.finish()


def dinh_la_thon() -> Image.Image:
    """The đình of Là Thôn, front view, with its courtyard and trees either side."""
    c = Canvas(1200, 675)
    horizon = 360
    c.sky(horizon=horizon / 675)
    sun(c, 260, 130, 40)
    hills(c, horizon)
    fields(c, horizon, 600)
    yard(c, 600, 470, 330, 620)
    tree(c, 130, 470, 170)
    tree(c, 1080, 470, 160)
    dinh(c, 600, 480, 560)
    return c.finish()


def bia_ky_yen_dinh() -> Image.Image:
    """Làng Yên Định: the đình behind, its stone stele in front, a pond to the side."""
    c = Canvas(1200, 675)
    horizon = 350
    c.sky(top=(240, 208, 168), horizon=horizon / 675)
    hills(c, horizon)
    fields(c, horizon, 700)
    c.ellipse(-120, 520, 380, 700, WATER)
    yard(c, 720, 460, 280, 520)
    tree(c, 260, 440, 150)
    dinh(c, 760, 450, 460)
    stele(c, 480, 600, 170)
    return c.finish()


def den_yen_hoanh() -> Image.Image:
    """Làng Yên Hoành: the temple gate and the đình on festival day, flags flying."""
    c = Canvas(1200, 675)
    horizon = 350
    c.sky(top=(247, 200, 160), horizon=horizon / 675)
    sun(c, 1010, 120, 38)
    hills(c, horizon)
    fields(c, horizon, 600)
    yard(c, 600, 440, 300, 640)
    dinh(c, 600, 430, 420)
    flags(c, 150, 420, 560, 210)
    flags(c, 780, 1050, 560, 210)
    gate(c, 600, 675, 160)
    return c.finish()


PICTURES: dict[str, Callable[[], Image.Image]] = {
    "la-thon.webp": hero,
    "dinh-lang-la-thon.webp": dinh_la_thon,
    "dinh-bia-ky-lang-yen-dinh.webp": bia_ky_yen_dinh,
    "dinh-den-lang-yen-hoanh.webp": den_yen_hoanh,
}
"""File name → drawing."""


def save(image: Image.Image, path: Path) -> int:
    """Save as WebP at the best quality that stays under :data:`LIMIT` bytes; return the size."""
    for quality in (82, 76, 70, 62, 55, 48):
        image.save(path, "WEBP", quality=quality, method=6)
        size = path.stat().st_size
        if size <= LIMIT:
            return size
    raise SystemExit(f"{path.name}: {size} bytes even at quality 48")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=OUT)
    args = parser.parse_args(argv)
    args.output.mkdir(parents=True, exist_ok=True)
    for name, draw in PICTURES.items():
        size = save(draw(), args.output / name)
        print(f"{args.output / name}: {size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
