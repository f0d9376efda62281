"""Photos through a real build: files, ``<img>`` tags, the warning, the cache, determinism."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from langso.photos import process as process_module
from langso.photos.process import process_photo
from tests.conftest import BuildResult, SiteFactory, build_site
from tests.photos.images import assert_no_metadata, open_bytes, phone_jpeg, plain

PAGE = """\
# Ảnh chợ quê

![Chợ quê buổi sáng](<anh/Chợ quê.jpg>)

![Bản đồ](anh/ban-do.png)

![Cổng làng](anh/cong.webp)
"""


@pytest.fixture(scope="module")
def phone() -> bytes:
    return phone_jpeg()


class Counter:
    """Counts real encodings (calls of :func:`process_photo`)."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, *args: object, **kwargs: object) -> object:
        self.calls += 1
        return process_photo(*args, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def encodes(monkeypatch: pytest.MonkeyPatch) -> Counter:
    counter = Counter()
    monkeypatch.setattr(process_module, "process_photo", counter)
    return counter


def photo_site(make_site: SiteFactory, phone: bytes, **config: object) -> Path:
    plugins: list[object] = [
        "langso/content",
        {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
        "langso/plaques",
        {"langso/photos": config} if config else "langso/photos",
    ]
    root = make_site(files={"content/anh-cho.md": PAGE}, config={"plugins": plugins})
    (root / "content/anh").mkdir()
    (root / "content/anh/Chợ quê.jpg").write_bytes(phone)
    (root / "content/anh/ban-do.png").write_bytes(plain("PNG", (1000, 500), "RGBA"))
    (root / "content/anh/cong.webp").write_bytes(plain("WEBP", (300, 200)))
    return root


def published(result: BuildResult) -> dict[str, bytes]:
    return {
        p.relative_to(result.site_dir).as_posix(): p.read_bytes()
        for p in sorted((result.site_dir / "anh").iterdir())
    }


def test_phone_photo_is_published_upright_small_and_without_gps(
    make_site: SiteFactory, phone: bytes
) -> None:
    root = photo_site(make_site, phone)
    result = build_site(root, strict=False)
    assert result.ok, result.text()
    files = published(result)
    assert sorted(files) == [
        "anh/ban-do-480.png",
        "anh/ban-do-800.png",
        "anh/ban-do.png",
        "anh/cho-que-480.jpg",
        "anh/cho-que-800.jpg",
        "anh/cho-que.jpg",
        "anh/cong.webp",
    ]
    sizes = {name: open_bytes(data).size for name, data in files.items()}
    assert sizes == {
        "anh/ban-do-480.png": (480, 240),
        "anh/ban-do-800.png": (800, 400),
        "anh/ban-do.png": (1000, 500),
        "anh/cho-que-480.jpg": (480, 640),
        "anh/cho-que-800.jpg": (800, 1067),
        "anh/cho-que.jpg": (960, 1280),  # upright: portrait, long side 1280
        "anh/cong.webp": (300, 200),
    }
    top = open_bytes(files["anh/cho-que.jpg"]).getpixel((480, 10))
    assert isinstance(top, tuple) and top[0] > 200 and top[1] < 60  # the red edge is on top
    for data in files.values():
        assert_no_metadata(open_bytes(data))
    assert len(files["anh/cho-que.jpg"]) < len(phone) / 10


@pytest.mark.parametrize(
    ("use_directory_urls", "page", "prefix"),
    [(True, "anh-cho/index.html", "../anh/"), (False, "anh-cho.html", "anh/")],
)
def test_img_tags_are_lazy_sized_with_srcset(
    make_site: SiteFactory, phone: bytes, use_directory_urls: bool, page: str, prefix: str
) -> None:
    root = photo_site(make_site, phone)
    result = build_site(root, strict=False, use_directory_urls=use_directory_urls)
    assert result.ok, result.text()
    images = {img["alt"]: img.attrs for img in result.soup(page).select("article img")}
    sizes = "(max-width: 800px) 100vw, 800px"
    assert images == {
        "Chợ quê buổi sáng": {
            "alt": "Chợ quê buổi sáng",
            "src": f"{prefix}cho-que.jpg",
            "loading": "lazy",
            "decoding": "async",
            "width": "960",
            "height": "1280",
            "srcset": f"{prefix}cho-que-480.jpg 480w, {prefix}cho-que-800.jpg 800w,"
            f" {prefix}cho-que.jpg 960w",
            "sizes": sizes,
        },
        "Bản đồ": {
            "alt": "Bản đồ",
            "src": f"{prefix}ban-do.png",
            "loading": "lazy",
            "decoding": "async",
            "width": "1000",
            "height": "500",
            "srcset": f"{prefix}ban-do-480.png 480w, {prefix}ban-do-800.png 800w,"
            f" {prefix}ban-do.png 1000w",
            "sizes": sizes,
        },
        "Cổng làng": {
            "alt": "Cổng làng",
            "src": f"{prefix}cong.webp",
            "loading": "lazy",
            "decoding": "async",
            "width": "300",
            "height": "200",
        },
    }


def test_oversize_original_is_warned_about_by_name(make_site: SiteFactory, phone: bytes) -> None:
    root = photo_site(make_site, phone, original_level="warn")
    result = build_site(root, strict=False)
    megabytes = f"{len(phone) / 1_000_000:.1f}"
    assert [m for m in result.messages if "ảnh gốc quá lớn" in m] == [
        f"content/anh/Chợ quê.jpg: ảnh gốc quá lớn (3000×4000 px, {megabytes.replace('.', ',')}"
        " MB); trang web chỉ đăng bản thu nhỏ 1280 px, nhưng tệp gốc vẫn nằm trong kho và làm"
        " kho nặng thêm — chạy `langso photos fix` để thu nhỏ tệp gốc còn 1280 px cạnh dài (bản"
        " cũ vẫn còn trong lịch sử git), rồi commit\n"
        f"    (en) the original photo is too large (3000×4000 px, {megabytes} MB); the site"
        " publishes a 1280 px copy, but the original stays in the repository and weighs it down"
        " — run `langso photos fix` to shrink the original to 1280 px on its long side (the old"
        " version stays in the git history), then commit"
    ]
    assert [m.split(" — ")[0] for m in result.messages if "GPS" in m] == [
        "content/anh/Chợ quê.jpg: ảnh gốc có ghi vị trí GPS nơi chụp; trang web đã xóa, nhưng"
        " tệp gốc trong kho công khai vẫn còn"
    ]
    assert len(result.messages) == 2
    strict = build_site(root)
    assert strict.aborted is not None  # original_level: warn — warnings fail --strict


def test_a_phone_photo_does_not_block_the_strict_build_by_default(
    make_site: SiteFactory, phone: bytes
) -> None:
    """Issue 13: the published copy is small and stripped either way; the original's size and
    GPS are notes (INFO), which `langso photos fix` mends, not reasons to refuse publishing."""
    result = build_site(photo_site(make_site, phone))
    assert result.ok, result.text()
    assert result.messages == []
    published_photo = open_bytes(result.site_dir.joinpath("anh/cho-que.jpg").read_bytes())
    assert published_photo.size == (960, 1280)
    assert_no_metadata(published_photo)


def test_small_photos_build_clean_in_strict_mode(make_site: SiteFactory) -> None:
    root = photo_site(make_site, plain("JPEG", (1200, 900)))
    result = build_site(root)
    assert result.ok, result.text()
    assert result.messages == []
    assert open_bytes(result.site_dir.joinpath("anh/cho-que.jpg").read_bytes()).size == (1200, 900)


def test_second_build_reuses_the_cache_and_changes_rebuild(
    make_site: SiteFactory, phone: bytes, encodes: Counter
) -> None:
    root = photo_site(make_site, phone)
    cache = root / ".cache/langso/photos"
    first = build_site(root, strict=False)
    assert first.ok and encodes.calls == 3
    entries = {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}
    assert len(entries) == 3 + 3 + 1 + 3  # photo.json + main each, plus 2 variants twice
    output = published(first)

    second = build_site(root, strict=False)
    assert encodes.calls == 3  # nothing encoded again
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()} == entries
    assert published(second) == output

    (root / "content/anh/Chợ quê.jpg").write_bytes(phone_jpeg(2000, 1500))
    third = build_site(root, strict=False)
    assert encodes.calls == 4  # only the changed photo
    assert open_bytes(third.site_dir.joinpath("anh/cho-que.jpg").read_bytes()).size == (960, 1280)
    assert published(third)["anh/ban-do.png"] == output["anh/ban-do.png"]

    shutil.rmtree(root / "site")
    (root / "mkdocs.yml").write_text(
        (root / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("- langso/photos", "- langso/photos:\n    max_side: 1000"),
        encoding="utf-8",
    )
    fourth = build_site(root, strict=False)
    assert encodes.calls == 7  # a new size: every photo again
    assert open_bytes(fourth.site_dir.joinpath("anh/cho-que.jpg").read_bytes()).size == (750, 1000)


def test_deleting_the_cache_gives_byte_identical_files(
    make_site: SiteFactory, phone: bytes, encodes: Counter
) -> None:
    root = photo_site(make_site, phone)
    first = published(build_site(root, strict=False))
    shutil.rmtree(root / ".cache")
    shutil.rmtree(root / "site")
    again = published(build_site(root, strict=False))
    assert encodes.calls == 6
    assert again == first


def test_unreadable_and_excluded_images_are_published_as_they_are(
    make_site: SiteFactory, phone: bytes
) -> None:
    root = photo_site(make_site, phone, exclude=["anh/cong.*"])
    (root / "content/anh/ban-do.png").write_bytes(b"\x89PNG broken")
    cong = (root / "content/anh/cong.webp").read_bytes()
    result = build_site(root, strict=False)
    assert result.ok
    assert result.site_dir.joinpath("anh/ban-do.png").read_bytes() == b"\x89PNG broken"
    assert result.site_dir.joinpath("anh/cong.webp").read_bytes() == cong
    unreadable = [m for m in result.messages if m.startswith("content/anh/ban-do.png:")]
    assert len(unreadable) == 1
    assert unreadable[0].startswith(
        "content/anh/ban-do.png: không đọc được ảnh (cannot identify image file"
    )
    assert unreadable[0].endswith(
        "the file is published as it is — open it on a computer to check it, save it again as"
        " JPEG or PNG, and replace this file"
    )
    img = result.soup("anh-cho/index.html").find("img", alt="Bản đồ")
    assert img is not None and "loading" not in img.attrs
