"""``langso photos fix``: the command side of :mod:`langso.photos.fix` (reads ``mkdocs.yml``)."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from langso.adapter import content_location
from langso.photos.fix import ORIGINALS, fix_photos
from langso.photos.model import PhotoOptions

__all__ = ["add_photos_parser", "run_photos"]


def add_photos_parser(commands: Any) -> None:
    """Add ``photos fix`` to the ``langso`` command's sub-commands."""
    photos = commands.add_parser(
        "photos",
        help="sửa ảnh gốc: thu nhỏ, xóa vị trí GPS / shrink photos and strip their GPS location",
        description="Thu nhỏ và xóa vị trí GPS của ảnh trong thư mục nội dung, ngay tại chỗ "
        "(bản cũ vẫn còn trong lịch sử git). / Shrink the photos of the content folder and "
        "strip their GPS location, in place (the old versions stay in the git history).",
    )
    actions = photos.add_subparsers(dest="action", required=True, metavar="fix")
    fix = actions.add_parser(
        "fix",
        help="sửa mọi ảnh quá lớn hoặc có vị trí GPS / fix every oversize or GPS-tagged photo",
        description="Ảnh nào quá lớn hoặc có ghi vị trí GPS được thay bằng bản xoay đúng chiều, "
        "thu nhỏ và không còn thông tin máy chụp, như trang web đăng. / Each photo over the "
        "limits or recording a GPS location is replaced by the upright, shrunk, metadata-free "
        "copy the site publishes.",
    )
    fix.add_argument(
        "--config",
        "-f",
        default="mkdocs.yml",
        metavar="mkdocs.yml",
        help="tệp cấu hình của trang / the site's configuration file (mặc định/default: "
        "%(default)s)",
    )


def _option(config: MkDocsConfig, name: str, default: Any) -> Any:
    instance = config.plugins.get("langso/photos")
    options = getattr(instance, "config", None)
    return getattr(options, name, default) if options is not None else default


def run_photos(args: argparse.Namespace, config: MkDocsConfig) -> int:
    """``langso photos fix``: rewrite the photos, say what changed; 0 done, 1 a file unreadable.

    The sizes are the ``langso/photos`` options of ``config`` (their defaults without it).

    Raises:
        OSError: a photo could not be written (that file is left unchanged).
    """
    started = time.perf_counter()
    docs_dir, docs_rel = content_location(config)
    options = PhotoOptions(
        max_side=int(_option(config, "max_side", 1280)),
        quality=int(_option(config, "quality", 82)),
    )
    fixed, unreadable = fix_photos(
        docs_dir,
        docs_rel,
        options,
        limit_side=int(_option(config, "warn_side", 2000)),
        limit_megabytes=float(_option(config, "warn_megabytes", 2)),
        exclude=_option(config, "exclude", []),
        keep_in=Path(config.config_file_path).parent / ORIGINALS,
    )
    for photo in fixed:
        print(photo.describe())
    for where, reason in unreadable:
        print(
            f"{where}: không đọc được ảnh ({reason}); để nguyên — mở ảnh trên máy tính, lưu lại "
            f"dạng JPEG hoặc PNG\n    (en) the photo could not be read ({reason}); left as it is"
            " — open it on a computer and save it again as JPEG or PNG"
        )
    seconds = time.perf_counter() - started
    if fixed:
        print(
            f"Đã sửa {len(fixed)} ảnh ({seconds:.1f} s). Bản gốc được giữ trong thư mục "
            f"{ORIGINALS}/ trên máy này (không đăng lên trang, không đưa lên git: có thể còn vị "
            "trí GPS); xem lại rồi commit. / Fixed "
            f"{len(fixed)} photo(s). The originals are kept in {ORIGINALS}/ on this machine "
            "(neither published nor committed: they may hold a GPS location); review, then "
            "commit."
        )
    else:
        print(f"Không có ảnh nào cần sửa ({seconds:.1f} s). / No photo needs fixing.")
    return 1 if unreadable else 0
