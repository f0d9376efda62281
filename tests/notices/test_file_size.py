"""A notice's files are weighed as readers download them (issue 15): a phone's 9 MB photo is
published by ``langso/photos`` as a 1280 px copy of a few hundred KB, so it is no "3G" warning
(``notice.file-large``), only the photos plugin's note about the original (``photo.oversize``,
info: not blocking); a PDF is downloaded as it is, so a heavy one still is a warning.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from PIL import Image

from tests.conftest import copy_site
from tests.notices.test_build import notice

PLUGINS = ["langso/content", "langso/photos", "langso/notices"]
BIG_PDF = 6_000_000


def phone_photo(path: Path) -> None:
    """A 4000×3000 JPEG of about 9 MB: noise, so it does not compress small."""
    channels = [Image.effect_noise((4000, 3000), sigma) for sigma in (40, 50, 60)]
    Image.merge("RGB", channels).save(path, "JPEG", quality=90)


class Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(scope="module")
def logged(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[logging.LogRecord]]:
    """The INFO and higher records of a build with a 9 MB photo (``anh`` and an attachment)
    and a 6 MB PDF."""
    files: dict[str, str | None] = {
        "content/thong-bao/2026-11-29-anh.md": notice(
            "Ảnh thông báo",
            "thông báo chung",
            "29/11/2026 07:00",
            anh="anh/giay.jpg",
            dinh_kem="\n  - tep: anh/giay.jpg\n    mo_ta: Ảnh chụp bản giấy",
        ),
        "content/thong-bao/2026-11-28-pdf.md": notice(
            "PDF thông báo",
            "thông báo chung",
            "28/11/2026 07:00",
            dinh_kem="\n  - tep: tep/nang.pdf\n    mo_ta: Thông báo của xã",
        ),
    }
    root = copy_site(tmp_path_factory.mktemp("sizes") / "site", files=files)
    config_path = root / "mkdocs.yml"
    text = config_path.read_text("utf-8")
    start = text.index("plugins:")
    end = text.index("markdown_extensions:")
    plugins = "plugins:\n" + "".join(f"  - {name}\n" for name in PLUGINS)
    config_path.write_text(text[:start] + plugins + text[end:], encoding="utf-8")
    (root / "content" / "anh").mkdir(exist_ok=True)
    phone_photo(root / "content" / "anh" / "giay.jpg")
    (root / "content" / "tep").mkdir(exist_ok=True)
    (root / "content" / "tep" / "nang.pdf").write_bytes(
        b"%PDF-1.4\n" + os.urandom(BIG_PDF) + b"\n%%EOF\n"
    )
    assert (root / "content" / "anh" / "giay.jpg").stat().st_size > 8_000_000
    collector = Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    level = logger.level
    logger.setLevel(logging.INFO)
    try:
        build(load_config(config_file=str(config_path), site_dir=str(root / "site")))
    finally:
        logger.removeHandler(collector)
        logger.setLevel(level)
    published = root / "site" / "anh" / "giay.jpg"
    assert published.stat().st_size < 1_000_000
    with Image.open(published) as image:
        assert image.size == (1280, 960)
    yield collector.records


def messages(records: list[logging.LogRecord], level: int) -> list[str]:
    return [r.getMessage() for r in records if r.levelno == level]


def test_a_big_phone_photo_is_no_warning_about_readers_data(
    logged: list[logging.LogRecord],
) -> None:
    warnings = [m for m in messages(logged, logging.WARNING) if "giay.jpg" in m]
    assert warnings == []


def test_the_photos_plugin_notes_the_big_original_without_blocking(
    logged: list[logging.LogRecord],
) -> None:
    notes = [m for m in messages(logged, logging.INFO) if m.startswith("content/anh/giay.jpg")]
    assert len(notes) == 1
    assert notes[0].startswith(
        "content/anh/giay.jpg: ảnh gốc quá lớn (4000×3000 px, 9,0 MB); trang web chỉ đăng bản "
        "thu nhỏ 1280 px, nhưng tệp gốc vẫn nằm trong kho và làm kho nặng thêm"
    )


def test_a_heavy_pdf_still_is_a_warning(logged: list[logging.LogRecord]) -> None:
    warnings = [m for m in messages(logged, logging.WARNING) if "nang.pdf" in m]
    assert len(warnings) == 1
    assert warnings[0].startswith(
        "content/thong-bao/2026-11-28-pdf.md:7: dinh_kem.tep: tệp `tep/nang.pdf` nặng 6,1 MB "
        "(nên dưới 5 MB): người đọc dùng 3G phải tải hết tệp này và trả tiền dữ liệu"
    )
