"""Sizes, variant names and the warnings about originals."""

from __future__ import annotations

import pytest

from langso.photos.model import Photo, Variant, fit, photo_problems, variant_sizes, variant_uri


@pytest.mark.parametrize(
    ("size", "max_side", "expected"),
    [
        ((4000, 3000), 1280, (1280, 960)),
        ((3000, 4000), 1280, (960, 1280)),
        ((1280, 1280), 1280, (1280, 1280)),
        ((1000, 500), 1280, (1000, 500)),  # never enlarged
        ((5000, 10), 1280, (1280, 3)),
        ((10000, 1), 1280, (1280, 1)),  # never 0 pixels
    ],
)
def test_fit_caps_the_long_side(
    size: tuple[int, int], max_side: int, expected: tuple[int, int]
) -> None:
    assert fit(*size, max_side) == expected


def test_variants_are_only_the_narrower_widths_sorted() -> None:
    assert variant_sizes(960, 1280, (800, 480, 480, 960, 1280)) == (
        Variant(480, 640),
        Variant(800, 1067),
    )
    assert variant_sizes(300, 200, (480, 800)) == ()


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("anh/cho-que.jpg", "anh/cho-que-480.jpg"),
        ("../anh/cho.que.JPG", "../anh/cho.que-480.JPG"),
        ("logo.png", "logo-480.png"),
    ],
)
def test_variant_uri(uri: str, expected: str) -> None:
    assert variant_uri(uri, 480) == expected


def test_oversize_and_location_warnings() -> None:
    photo = Photo(960, 1280, (), 3000, 4000, 5_234_567, had_location=True)
    problems = photo_problems(
        photo, "content/anh/cho.jpg", limit_side=2000, limit_megabytes=2, max_side=1280
    )
    assert [p.format() for p in problems] == [
        "content/anh/cho.jpg: ảnh gốc quá lớn (3000×4000 px, 5,2 MB); trang web chỉ đăng bản thu "
        "nhỏ 1280 px, nhưng tệp gốc vẫn nằm trong kho và làm kho nặng thêm — chạy `langso "
        "photos fix` để thu nhỏ tệp gốc còn 1280 px cạnh dài (bản cũ vẫn còn trong lịch sử git), "
        "rồi commit\n"
        "    (en) the original photo is too large (3000×4000 px, 5.2 MB); the site publishes a "
        "1280 px copy, but the original stays in the repository and weighs it down — run "
        "`langso photos fix` to shrink the original to 1280 px on its long side (the old version "
        "stays in the git history), then commit",
        "content/anh/cho.jpg: ảnh gốc có ghi vị trí GPS nơi chụp; trang web đã xóa, nhưng tệp "
        "gốc trong kho công khai vẫn còn — chạy `langso photos fix` để xóa vị trí khỏi tệp gốc "
        "rồi commit; lần sau tắt ghi vị trí trong ứng dụng máy ảnh\n"
        "    (en) the original photo records the GPS location where it was taken; the site "
        "removes it, but the original in the public repository still holds it — run `langso "
        "photos fix` to remove the location from the original, then commit; turn off location "
        "in the camera app next time",
    ]
    assert all(p.severity == "warning" for p in problems)


@pytest.mark.parametrize(
    ("size", "nbytes", "warned"),
    [
        ((2000, 1500), 2_000_000, False),  # at the limits: fine
        ((2001, 1500), 100_000, True),  # too many pixels
        ((1500, 2001), 100_000, True),  # portrait too
        ((1000, 800), 2_000_001, True),  # too heavy
    ],
)
def test_oversize_limits(size: tuple[int, int], nbytes: int, warned: bool) -> None:
    photo = Photo(100, 100, (), size[0], size[1], nbytes)
    problems = photo_problems(photo, "a.jpg", limit_side=2000, limit_megabytes=2, max_side=1280)
    assert [p.code for p in problems] == (["photo.oversize"] if warned else [])


def test_photo_round_trips_through_json() -> None:
    photo = Photo(960, 1280, (Variant(480, 640),), 3000, 4000, 123, had_location=True)
    assert Photo.from_json(photo.to_json()) == photo
