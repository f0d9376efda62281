"""``langso photos fix`` through the real command: originals shrunk, upright, without GPS."""

from __future__ import annotations

from pathlib import Path

from PIL import ExifTags

from tests.conftest import SiteFactory
from tests.photos.images import assert_no_metadata, open_bytes, phone_jpeg, plain
from tests.test_cli_check import langso

PLUGINS: list[object] = [
    "langso/content",
    {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
    "langso/plaques",
    "langso/photos",
]
PAGE = "# Ảnh chợ\n\n![Chợ quê](<anh/Chợ quê.jpg>)\n\n![Bản đồ](anh/ban-do.png)\n"


def site(make_site: SiteFactory, phone: bytes) -> Path:
    root = make_site(files={"content/anh-cho.md": PAGE}, config={"plugins": PLUGINS})
    (root / "content/anh").mkdir()
    (root / "content/anh/Chợ quê.jpg").write_bytes(phone)
    (root / "content/anh/ban-do.png").write_bytes(plain("PNG", (600, 300)))
    return root


def test_a_phone_photo_is_a_note_and_photos_fix_mends_the_original(
    make_site: SiteFactory,
) -> None:
    phone = phone_jpeg()
    assert open_bytes(phone).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the test photo has GPS
    root = site(make_site, phone)
    original = root / "content/anh/Chợ quê.jpg"
    small = (root / "content/anh/ban-do.png").read_bytes()

    check = langso(root, "check")
    assert check.returncode == 0, check.stdout
    # each note in Vietnamese, then its English on an indented `(en)` line
    lines = [line for line in check.stdout.splitlines() if not line.startswith("    (en) ")]
    assert lines[0].startswith(
        "content/anh/Chợ quê.jpg: cảnh báo, không chặn xuất bản: ảnh gốc quá lớn (3000×4000 px,"
    )
    assert lines[1].startswith(
        "content/anh/Chợ quê.jpg: cảnh báo, không chặn xuất bản: ảnh gốc có ghi vị trí GPS"
    )
    assert lines[-1] == (
        "Có thể xuất bản; 2 cảnh báo không chặn xuất bản / Ready to publish; 2 warnings that do"
        " not block it"
    )

    fixed = langso(root, "photos", "fix")
    assert fixed.returncode == 0, fixed.stderr
    mb_before = len(phone) / 1_000_000
    mb_after = original.stat().st_size / 1_000_000
    assert fixed.stdout.splitlines() == [
        f"content/anh/Chợ quê.jpg: 3000×4000 px, {mb_before:.1f} MB → 960×1280 px,".replace(
            f"{mb_before:.1f}", f"{mb_before:.1f}".replace(".", ",")
        )
        + f" {mb_after:.1f}".replace(".", ",")
        + " MB, xóa vị trí GPS; bản gốc giữ ở anh-goc/anh/Chợ quê.jpg",
        f"    (en) 3000×4000 px, {mb_before:.1f} MB → 960×1280 px, {mb_after:.1f} MB, GPS"
        " location removed; the original is kept in anh-goc/anh/Chợ quê.jpg",
        fixed.stdout.splitlines()[2],
    ]
    assert fixed.stdout.splitlines()[2].startswith("Đã sửa 1 ảnh (")
    # The original, maybe never committed, is kept byte for byte outside the content folder
    # (found by a new user: an uncommitted photo was gone, with "it stays in git" said).
    assert (root / "anh-goc/anh/Chợ quê.jpg").read_bytes() == phone
    assert "Bản gốc được giữ trong thư mục anh-goc/ trên máy này" in fixed.stdout
    image = open_bytes(original.read_bytes())
    assert image.size == (960, 1280)  # turned upright: the orientation tag is gone with EXIF
    top = image.getpixel((480, 10))
    assert isinstance(top, tuple) and top[0] > 200 and top[1] < 60  # the red edge is on top
    assert_no_metadata(image)
    assert (root / "content/anh/ban-do.png").read_bytes() == small  # nothing to fix: untouched

    again = langso(root, "check")
    assert again.returncode == 0
    assert again.stdout.splitlines()[-1] == "Có thể xuất bản / Ready to publish"
    twice = langso(root, "photos", "fix")
    assert twice.stdout.startswith("Không có ảnh nào cần sửa (")
    assert twice.returncode == 0
