"""The home picture's size is read from its header and EXIF tag, never by decoding it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageFile, ImageOps

from langso.home import ORIENTATION_TAG, picture_size


def _photo(path: Path, orientation: int) -> Path:
    exif = Image.Exif()
    exif[ORIENTATION_TAG] = orientation
    Image.new("RGB", (64, 40), (200, 120, 40)).save(path, "JPEG", exif=exif)
    return path


@pytest.mark.parametrize("orientation", range(1, 9))
def test_the_size_is_the_upright_size_exif_transpose_gives(
    tmp_path: Path, orientation: int
) -> None:
    path = _photo(tmp_path / f"o{orientation}.jpg", orientation)
    with Image.open(path) as image:
        expected = ImageOps.exif_transpose(image).size
    assert picture_size(path) == expected
    assert expected == ((40, 64) if orientation >= 5 else (64, 40))


def test_no_pixel_is_decoded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _photo(tmp_path / "turned.jpg", 6)
    loads: list[str] = []
    original = ImageFile.ImageFile.load

    def counted(self: ImageFile.ImageFile) -> object:
        loads.append(str(self.filename))
        return original(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", counted)
    assert picture_size(path) == (40, 64)
    assert loads == []


def test_a_file_that_is_no_picture_has_no_size(tmp_path: Path) -> None:
    path = tmp_path / "not.jpg"
    path.write_bytes(b"<html>")
    assert picture_size(path) is None
