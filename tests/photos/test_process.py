"""Processing with Pillow: upright, capped, no metadata, same bytes every time; the cache."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image

from langso.photos import process as process_module
from langso.photos.model import PhotoOptions, Variant
from langso.photos.process import PhotoCache, is_photo, process_photo
from tests.photos.images import assert_no_metadata, open_bytes, phone_jpeg, plain

RED = (255, 0, 0)


@pytest.fixture(scope="module")
def phone() -> bytes:
    return phone_jpeg()


def is_red(pixel: tuple[int, ...]) -> bool:
    return pixel[0] > 200 and pixel[1] < 60 and pixel[2] < 60


def test_phone_photo_is_upright_capped_and_stripped(phone: bytes) -> None:
    assert open_bytes(phone).getexif().get_ifd(0x8825) != {}  # the test photo does have GPS
    result = process_photo(phone, "JPEG", PhotoOptions())
    assert result is not None
    image = open_bytes(result.main)
    assert image.format == "JPEG"
    assert image.size == (960, 1280)  # portrait: turned upright, long side 1280
    assert is_red(image.getpixel((480, 10)))  # the stored left edge is now the top
    assert not is_red(image.getpixel((10, 640)))
    assert_no_metadata(image)
    assert result.photo.variants == (Variant(480, 640), Variant(800, 1067))
    for variant in result.photo.variants:
        small = open_bytes(result.variants[variant.width])
        assert small.size == (variant.width, variant.height)
        assert is_red(small.getpixel((variant.width // 2, 3)))
        assert_no_metadata(small)
    assert (result.photo.original_width, result.photo.original_height) == (3000, 4000)
    assert result.photo.original_bytes == len(phone)
    assert result.photo.had_location


@pytest.mark.parametrize(
    ("orientation", "red_at"),
    [(1, (2, 150)), (3, (397, 150)), (6, (200, 2)), (8, (200, 397))],
)
def test_every_turn_is_undone(orientation: int, red_at: tuple[int, int]) -> None:
    data = phone_jpeg(400, 300, orientation=orientation)
    result = process_photo(data, "JPEG", PhotoOptions())
    assert result is not None
    image = open_bytes(result.main)
    assert image.size == ((400, 300) if orientation in (1, 3) else (300, 400))
    assert is_red(image.getpixel(red_at))


def test_same_input_gives_the_same_bytes(phone: bytes) -> None:
    first = process_photo(phone, "JPEG", PhotoOptions())
    second = process_photo(phone, "JPEG", PhotoOptions())
    assert first is not None and second is not None
    assert first.main == second.main and first.variants == second.variants


@pytest.mark.parametrize(
    ("fmt", "mode", "size", "expected_mode", "variants"),
    [
        ("PNG", "RGBA", (1000, 500), "RGBA", [480, 800]),
        ("PNG", "P", (2560, 1280), "RGB", [480, 800]),
        ("WEBP", "RGB", (300, 200), "RGB", []),
        ("JPEG", "CMYK", (1600, 1600), "RGB", [480, 800]),
        ("JPEG", "L", (500, 700), "L", [480]),
    ],
)
def test_formats_and_modes(
    fmt: str, mode: str, size: tuple[int, int], expected_mode: str, variants: list[int]
) -> None:
    result = process_photo(plain(fmt, size, mode), fmt, PhotoOptions())
    assert result is not None
    image = open_bytes(result.main)
    assert image.format == fmt
    assert image.mode == expected_mode
    assert max(image.size) == min(max(size), 1280)
    assert sorted(result.variants) == variants
    assert_no_metadata(image)


def test_png_keeps_transparency() -> None:
    image = Image.new("RGBA", (2000, 1000), (0, 128, 0, 0))
    image.paste((0, 128, 0, 255), (0, 0, 1000, 1000))
    out = io.BytesIO()
    image.save(out, "PNG")
    result = process_photo(out.getvalue(), "PNG", PhotoOptions())
    assert result is not None
    published = open_bytes(result.main)
    assert published.size == (1280, 640)
    assert published.getpixel((100, 100)) == (0, 128, 0, 255)
    assert published.getpixel((1200, 100))[3] == 0


def test_an_animation_is_left_alone() -> None:
    frames = [Image.new("RGB", (64, 64), colour) for colour in ("red", "blue")]
    out = io.BytesIO()
    frames[0].save(out, "WEBP", save_all=True, append_images=frames[1:])
    assert process_photo(out.getvalue(), "WEBP", PhotoOptions()) is None


def test_unreadable_bytes_raise_oserror() -> None:
    with pytest.raises(OSError):
        process_photo(b"not a photo", "JPEG", PhotoOptions())


def test_is_photo() -> None:
    assert [is_photo(n) for n in ("a.jpg", "b.JPEG", "c.png", "d.webp", "e.gif", "f.svg")] == [
        True,
        True,
        True,
        True,
        False,
        False,
    ]


class Counter:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, *args: object, **kwargs: object) -> object:
        self.calls += 1
        return self.real(*args, **kwargs)  # type: ignore[arg-type]

    real = staticmethod(process_photo)


def test_cache_processes_once_and_keys_on_bytes_and_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counter = Counter()
    monkeypatch.setattr(process_module, "process_photo", counter)
    data = plain("JPEG", (1600, 1200))
    cache = PhotoCache(tmp_path / "c", PhotoOptions())
    found = cache.get(data, "JPEG")
    assert found is not None
    photo, folder = found
    assert sorted(p.name for p in folder.iterdir()) == ["480", "800", "main", "photo.json"]
    assert json.loads((folder / "photo.json").read_text())["width"] == 1280
    again = cache.get(data, "JPEG")
    assert again == (photo, folder)
    assert (counter.calls, cache.processed, cache.reused) == (1, 1, 1)
    # Another cache object over the same folder (the next build) reuses the entry.
    assert PhotoCache(tmp_path / "c", PhotoOptions()).get(data, "JPEG") == (photo, folder)
    assert counter.calls == 1
    keys = {cache.key(data, "JPEG")}
    for options in (
        PhotoOptions(max_side=1000),
        PhotoOptions(widths=(320,)),
        PhotoOptions(quality=70),
    ):
        keys.add(PhotoCache(tmp_path / "c", options).key(data, "JPEG"))
    keys.add(cache.key(data + b"\0", "JPEG"))
    keys.add(cache.key(data, "PNG"))
    assert len(keys) == 6
    assert PhotoCache(tmp_path / "c", PhotoOptions(widths=(800, 480))).key(data, "JPEG") == (
        cache.key(data, "JPEG")
    )


def test_a_damaged_cache_entry_is_made_again(tmp_path: Path) -> None:
    data = plain("PNG", (100, 100))
    cache = PhotoCache(tmp_path, PhotoOptions())
    found = cache.get(data, "PNG")
    assert found is not None
    main = (found[1] / "main").read_bytes()
    (found[1] / "photo.json").write_text("{")
    found = cache.get(data, "PNG")
    assert found is not None and (found[1] / "main").read_bytes() == main
    assert cache.processed == 2
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tmp-")]
