"""Test photos made with Pillow: a sideways phone photo with GPS, and small ones."""

from __future__ import annotations

import io

from PIL import ExifTags, Image

GPS = {1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 51.0, 0.0)}  # Hà Nội


def phone_jpeg(width: int = 4000, height: int = 3000, *, orientation: int = 6) -> bytes:
    """A phone photo stored sideways: noisy grey, a red band on the stored left edge, GPS.

    With orientation 6 the left edge becomes the top once the photo is turned upright.
    """
    image = Image.effect_noise((width, height), 40).convert("RGB")
    image.paste((255, 0, 0), (0, 0, width // 20, height))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"
    exif[ExifTags.IFD.GPSInfo] = GPS
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif)
    return out.getvalue()


def plain(fmt: str, size: tuple[int, int], mode: str = "RGB") -> bytes:
    """A smooth gradient image in ``fmt`` (``PNG``, ``WEBP``, ``JPEG``)."""
    gradient = Image.linear_gradient("L")
    bands = (gradient, gradient.transpose(Image.Transpose.ROTATE_90), gradient)
    image = Image.merge("RGB", bands).resize(size)
    if mode != "RGB":
        image = image.convert(mode)
    out = io.BytesIO()
    image.save(out, fmt)
    return out.getvalue()


def open_bytes(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def assert_no_metadata(image: Image.Image) -> None:
    """No EXIF (so no GPS IFD), no XMP, no comment: only what drawing the pixels needs."""
    exif = image.getexif()
    assert dict(exif) == {}
    assert exif.get_ifd(ExifTags.IFD.GPSInfo) == {}
    assert not {"exif", "xmp", "XML:com.adobe.xmp", "comment"} & set(image.info)
