"""The site's card: what Zalo and Facebook show of a page without a photo when it is shared.

One card for the whole site, not one per page (the apps show the page's own title and
description beside it; drawing a card per page was a quarter of a large village's build).
A 1200 × 630 PNG (:func:`draw_card`): the site's name on Material's indigo band, a line about
the site (its description: "Sổ tay làng số của Là Thôn, xã Yên Định, tỉnh Thanh Hóa.") in the
shipped Vietnamese subset of Noto Sans (every stacked diacritic is in it; a character it lacks
is left out, never drawn as a box: :func:`drawable`), the site's address at the foot. The same
card gives the same bytes; its file name is a digest of what it shows and of the code and fonts
that draw it (:attr:`Card.uri`), so it is drawn once (:class:`CardStore`, one
:class:`langso.cache.FileCache`) and a changed name or description gets a new address, which
the apps fetch afresh.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files as package_files
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from langso.cache import FileCache, code_digest, digest

__all__ = [
    "CARD_FOLDER",
    "CARD_SIZE",
    "Card",
    "CardStore",
    "draw_card",
    "drawable",
    "missing_glyphs",
]

CARD_SIZE = (1200, 630)
"""Width and height of a drawn card, in pixels: the 1.91:1 Facebook and Zalo show large."""
CARD_FOLDER = "assets/langso/og"
"""Where cards are published, relative to the site root: ``<CARD_FOLDER>/<digest>.png``."""

_FONTS = ("fonts/NotoSans-Vietnamese-Bold.ttf", "fonts/NotoSans-Vietnamese-Regular.ttf")
CODE = ("previewcard.py", *_FONTS)
"""Files of the package that shape a card: part of every card's digest."""

# The site's colours: Material's indigo header, its text colour, a calm light background.
INDIGO = (0x40, 0x51, 0xB5)
INK = (0x21, 0x21, 0x21)
MUTED = (0x5F, 0x63, 0x68)
PAPER = (0xFF, 0xFF, 0xFF)
TINT = (0xE8, 0xEA, 0xF6)


@cache
def _font_bytes(name: str) -> bytes:
    return package_files("langso").joinpath(name).read_bytes()


@lru_cache(maxsize=16)
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    # The basic layout, not Raqm: present or not depending on how Pillow was built, it would
    # make the bytes depend on the machine. NFC text needs no shaping: every Vietnamese letter
    # is one precomposed glyph.
    data = io.BytesIO(_font_bytes(_FONTS[0] if bold else _FONTS[1]))
    return ImageFont.truetype(data, size, layout_engine=ImageFont.Layout.BASIC)


@cache
def _coverage() -> frozenset[int]:
    """The code points both fonts map to a glyph (their ``cmap``)."""
    from fontTools.ttLib import TTFont  # a dependency of WeasyPrint

    maps = [TTFont(io.BytesIO(_font_bytes(name)), lazy=True).getBestCmap() for name in _FONTS]
    return frozenset(maps[0]).intersection(*maps[1:])


def missing_glyphs(text: str) -> str:
    """The characters of ``text`` (as NFC) that the card's fonts have no glyph for, in order,
    each once; spaces and line breaks are never missing."""
    covered = _coverage()
    seen: dict[str, None] = {}
    for char in unicodedata.normalize("NFC", text):
        if ord(char) not in covered and not char.isspace():
            seen[char] = None
    return "".join(seen)


_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]|“\s*”|\"\s*\"")


def drawable(text: str) -> str:
    """``text`` as the card draws it: NFC, on one line; a character the fonts lack replaced by
    its compatibility form when that is covered (a full-width ``Ａ``, the ligature ``ﬁ``),
    else left out (an emoji, a Hán Nôm character), never drawn as an empty box; brackets left
    empty by that go too.

    >>> drawable("🏮 Đình làng (亭)  Là Thôn")
    'Đình làng Là Thôn'
    """
    covered = _coverage()
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if char.isspace():
            out.append(" ")
        elif ord(char) in covered:
            out.append(char)
        else:
            compatible = unicodedata.normalize("NFKC", char)
            if all(ord(c) in covered for c in compatible):
                out.append(compatible)
            elif unicodedata.category(char).startswith("P"):
                out.append(" ")
    text = " ".join("".join(out).split())
    previous = None
    while previous != text:
        previous, text = text, " ".join(_EMPTY_BRACKETS.sub(" ", text).split())
    return text


@dataclass(frozen=True)
class Card:
    """What the site's card shows, as plain text: its ``title`` (the large text: the site's
    description; the site's name when empty or not drawable), the site's name (on the band) and
    the site's address (``host/path``, at the foot)."""

    title: str
    site_name: str
    address: str = ""

    @property
    def key(self) -> str:
        """A digest of what the card shows and of the code and fonts that draw it."""
        return card_key(self)

    @property
    def uri(self) -> str:
        """The card's path in the site: ``assets/langso/og/<digest>.png``."""
        return f"{CARD_FOLDER}/{self.key[:20]}.png"

    @property
    def alt(self) -> str:
        """The card's text alternative: what it shows (its title as drawn, the site's name).

        >>> Card("🛒 Chợ", "Làng số").alt
        'Chợ – Làng số'
        >>> Card("Sổ tay làng Là Thôn, xã Yên Định.", "Làng số").alt
        'Sổ tay làng Là Thôn, xã Yên Định – Làng số'
        """
        # a description ends its sentence; " – " follows it, not ". – "
        shown = (drawable(self.title) or drawable(self.site_name)).removesuffix(".")
        return " – ".join(dict.fromkeys(filter(None, [shown, self.site_name])))


@lru_cache(maxsize=16)
def card_key(card: Card) -> str:
    salt = _salt()
    return digest(salt, "card", card.title, card.site_name, card.address)


@cache
def _salt() -> str:
    return digest(code_digest(CODE, ("pillow",)))


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """``text`` in lines no wider than ``width`` pixels, broken between words (a word wider
    than a line between its characters)."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if font.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for char in word:
            if font.getlength(line + char) > width and line:
                lines.append(line)
                line = ""
            line += char
    if line:
        lines.append(line)
    return lines


LINE = 1.28
"""Line height of the title, in font sizes: room for the stacked marks of ``Ấ`` above a line
and the hook of ``ạ`` below the line before."""


def _lines_within(size: int, max_lines: int, height: int | None) -> int:
    """How many lines of ``size`` pixels fit in ``height`` pixels, at most ``max_lines``."""
    if height is None:
        return max_lines
    return max(1, min(max_lines, 1 + (height - size) // round(size * LINE)))


def _fit(
    text: str, width: int, max_lines: int, sizes: tuple[int, ...], height: int | None = None
) -> tuple[int, list[str]]:
    """The largest of ``sizes`` at which ``text`` takes at most ``max_lines`` lines of
    ``width`` pixels, within ``height`` pixels, and the lines; at the smallest size, the
    lines kept end with "…"."""
    for size in sizes:
        lines = _wrap(text, _font(True, size), width)
        if len(lines) <= _lines_within(size, max_lines, height):
            return size, lines
    size = sizes[-1]
    font = _font(True, size)
    lines = _wrap(text, font, width)[: _lines_within(size, max_lines, height)]
    words = lines[-1].split(" ")
    while len(words) > 1 and font.getlength(" ".join(words) + " …") > width:
        words.pop()  # cut between words
    last = " ".join(words)
    while len(last) > 1 and font.getlength(last + " …") > width:
        last = last[:-1]  # one word wider than the line
    lines[-1] = last.rstrip(" ,;:.-–—") + " …"
    return size, lines


def _house(
    draw: ImageDraw.ImageDraw, x: float, y: float, u: float, colour: tuple[int, ...]
) -> None:
    """The site's icon (the offline app's house), ``u`` pixels a unit, its box at ``(x, y)``."""
    draw.polygon([(x, y + 2.4 * u), (x + 2.4 * u, y), (x + 4.8 * u, y + 2.4 * u)], fill=colour)
    draw.rectangle([x + 0.7 * u, y + 2.4 * u, x + 4.1 * u, y + 4.8 * u], fill=colour)
    draw.rectangle([x + 1.9 * u, y + 3.4 * u, x + 2.9 * u, y + 4.8 * u], fill=INDIGO)


MARGIN = 72
BAND = 128  # height of the indigo band holding the site's name
FOOT = 86  # height of the tinted strip holding the site's address
STEPS = 10  # shades of each text colour on its background (anti-aliased edges)
_RAMPS = [(INK, PAPER), (PAPER, INDIGO), (MUTED, TINT)]
"""(text, background) colours of a card; palette entry ``STEPS * ramp + step`` is the text
colour at ``step / (STEPS - 1)`` over its background."""


def draw_card(card: Card) -> bytes:
    """The card as PNG bytes: :data:`CARD_SIZE`, a palette of a few calm colours (about 12 KB).
    The same card gives the same bytes with the same Pillow.

    The band with the house and the site's name and the strip with its address are drawn in
    colour and matched to the palette (:func:`_frame`); the title is drawn as a grey mask
    mapped straight onto the palette."""
    width, height = CARD_SIZE
    image = _frame(drawable(card.site_name), drawable(card.address))
    top = BAND + 70
    title = drawable(card.title) or drawable(card.site_name)
    bottom = height - FOOT - 40
    size, lines = _fit(title, width - 2 * MARGIN, 3, (88, 76, 68, 60, 52), bottom - top)
    line_height = round(size * LINE)
    block = line_height * (len(lines) - 1) + size
    y = top + max(0, (bottom - top - block) // 2) + round(size * 0.95)
    # the mask spans the lines' ascents (stacked marks) and descents
    mask_top = y - round(size * 1.2)
    mask = Image.new("L", (width - 2 * MARGIN, line_height * (len(lines) - 1) + round(size * 1.55)))
    draw = ImageDraw.Draw(mask)
    font = _font(True, size)
    for line in lines:
        draw.text((0, y - mask_top), line, font=font, fill=255, anchor="ls")
        y += line_height
    image.paste(_shades(mask, 0), (MARGIN, mask_top))
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=6)
    return out.getvalue()


def _shades(mask: Image.Image, ramp: int) -> Image.Image:
    """The grey ``mask`` (0: background, 255: text) as palette entries of ``ramp``."""
    table = [STEPS * ramp + round(v * (STEPS - 1) / 255) for v in range(256)]
    shaded = Image.frombytes("P", mask.size, mask.point(table).tobytes())
    shaded.putpalette(_palette_values())
    return shaded


def _frame(name: str, address: str) -> Image.Image:
    """The card's band with the site's name and its foot with the address, as a palette
    image."""
    width, height = CARD_SIZE
    image = Image.new("RGB", CARD_SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width, BAND], fill=INDIGO)
    _house(draw, MARGIN, 34, 12.5, PAPER)
    if name:
        name_size, name_lines = _fit(name, width - 2 * MARGIN - 90, 1, (44, 38, 32))
        name_font = _font(True, name_size)
        draw.text((MARGIN + 90, 82), name_lines[0], font=name_font, fill=PAPER, anchor="ls")
    draw.rectangle([0, height - FOOT, width, height], fill=TINT)
    if address:
        draw.text((MARGIN, height - 32), address, font=_font(False, 32), fill=MUTED, anchor="ls")
    palette = Image.new("P", (1, 1))
    palette.putpalette(_palette_values())
    return image.quantize(palette=palette, dither=Image.Dither.NONE)


@cache
def _palette_values() -> list[int]:
    """The card's palette as Pillow takes it: :data:`_RAMPS` in :data:`STEPS` shades each."""
    values: list[int] = []
    for ink, ground in _RAMPS:
        for step in range(STEPS):
            t = step / (STEPS - 1)
            values += [round(g + (i - g) * t) for i, g in zip(ink, ground, strict=True)]
    return values + [0] * (768 - len(values))


class CardStore:
    """The site's card drawn once, kept in ``folder`` (``.cache/langso/og``), and written into
    the built site on demand.

    Attributes:
        published: the site paths written (or found) this build.
    """

    def __init__(self, folder: Path) -> None:
        self.cache = FileCache(folder, code=CODE, libraries=("pillow",))
        self.published: set[str] = set()

    def publish(self, card: Card, site_dir: str) -> str:
        """Write ``card`` into ``site_dir`` at :attr:`Card.uri` (drawn when the cache lacks
        it); return that path. A file of that name already there is the same card."""
        uri = card.uri
        if uri in self.published:
            return uri
        self.published.add(uri)
        target = os.path.join(site_dir, *uri.split("/"))
        if os.path.exists(target):
            self.cache.used.add(self.cache.key(card.key))
            return uri
        folder = self.cache.fetch(self.cache.key(card.key), lambda: {"card.png": draw_card(card)})
        os.makedirs(os.path.dirname(target), exist_ok=True)
        try:  # a link to the cached file costs no copy (the file is never written again)
            os.link(folder / "card.png", target)
        except OSError:  # another file system, or no links
            shutil.copyfile(folder / "card.png", target)
        return uri
