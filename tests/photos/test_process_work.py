"""Processing does no needless work and gives the bytes the plain Pillow way gives.

The plain way (:func:`reference`) is what ``process_photo`` did before issue 18: turn with
``ImageOps.exif_transpose`` (a whole copy of every upright photo), then resize and encode.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageOps

from langso.photos import process as process_module
from langso.photos.model import PhotoOptions, fit, variant_sizes
from langso.photos.process import process_photo
from tests.photos.images import phone_jpeg, plain

LANCZOS = Image.Resampling.LANCZOS


def reference(data: bytes, fmt: str, options: PhotoOptions) -> tuple[bytes, dict[int, bytes]]:
    """The published bytes made the plain way: exif_transpose, resize, encode."""
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        upright = ImageOps.exif_transpose(image)
    icc = upright.info.get("icc_profile") if upright.mode != "CMYK" else None
    upright = process_module._publishable_mode(upright, fmt)
    width, height = fit(*upright.size, options.max_side)
    main = upright if upright.size == (width, height) else upright.resize((width, height), LANCZOS)
    encode = process_module._encode
    encoded = encode(main, fmt, options, icc)
    variants = {
        v.width: encode(main.resize((v.width, v.height), LANCZOS), fmt, options, icc)
        for v in variant_sizes(width, height, options.widths)
    }
    return encoded, variants


def turned_png(orientation: int) -> bytes:
    """A lossless 300×200 PNG whose every pixel differs, stored with an EXIF orientation."""
    image = Image.linear_gradient("L").resize((300, 200))
    image = Image.merge("RGB", (image, image.transpose(Image.Transpose.FLIP_LEFT_RIGHT), image))
    exif = Image.Exif()
    exif[0x0112] = orientation
    out = io.BytesIO()
    image.save(out, "PNG", exif=exif)
    return out.getvalue()


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_orientation_turns_as_exif_transpose(orientation: int) -> None:
    data = turned_png(orientation)
    result = process_photo(data, "PNG", PhotoOptions(widths=()))
    assert result is not None
    with Image.open(io.BytesIO(data)) as original:
        expected = ImageOps.exif_transpose(original)
    with Image.open(io.BytesIO(result.main)) as published:
        assert published.size == expected.size
        assert published.tobytes() == expected.tobytes()


@pytest.mark.parametrize(
    ("name", "data", "fmt"),
    [
        ("upright phone JPEG", phone_jpeg(1700, 1100, orientation=1), "JPEG"),
        ("sideways phone JPEG", phone_jpeg(1700, 1100, orientation=6), "JPEG"),
        ("mirrored phone JPEG as WebP", phone_jpeg(900, 700, orientation=5), "WEBP"),
        ("RGBA PNG", plain("PNG", (1500, 900), "RGBA"), "PNG"),
        ("CMYK JPEG", plain("JPEG", (1400, 1000), "CMYK"), "JPEG"),
        ("small WebP", plain("WEBP", (800, 600)), "WEBP"),
    ],
)
def test_bytes_equal_the_plain_way(name: str, data: bytes, fmt: str) -> None:
    options = PhotoOptions(widths=(320, 480, 800))
    result = process_photo(data, fmt, options)
    assert result is not None
    main, variants = reference(data, fmt, options)
    assert result.main == main, name
    assert result.variants == variants, name


def test_an_upright_photo_is_not_copied(monkeypatch: pytest.MonkeyPatch) -> None:
    """The decoded pixels are resized and encoded as they are: no whole copy of the photo."""
    data = plain("JPEG", (800, 600))
    copies: list[tuple[int, int]] = []
    original_copy = Image.Image.copy

    def counting_copy(self: Image.Image) -> Image.Image:
        copies.append(self.size)
        return original_copy(self)

    monkeypatch.setattr(Image.Image, "copy", counting_copy)
    result = process_photo(data, "JPEG", PhotoOptions())
    assert result is not None and sorted(result.variants) == [480]
    assert copies == []
