"""``langso photos fix``: shrink and strip the phone photos of the content folder, in place.

The build always publishes a small copy without metadata (:mod:`langso.photos.process`); this
mends the originals themselves, which stay in the public repository: a photo whose long side or
size is over the warning limits, or which records a GPS location, is replaced by the same
upright, capped, metadata-free image the site would publish (:func:`process_photo`, without
variants). Nothing else is rewritten, so a second run changes nothing.

The old file is never lost: before a photo is rewritten, the original is copied, byte for byte,
into :data:`ORIGINALS` beside the content folder (``anh-goc/<same path>``), a folder that is
neither published nor committed (``.gitignore``): a photo not yet committed would otherwise be
gone, and one already committed keeps its location in the git history, which is why the command
is meant to run before committing (docs/anh.md).
Plain Python with Pillow; no MkDocs.
"""

from __future__ import annotations

import fnmatch
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from langso.photos.model import MEGABYTE, Photo, PhotoOptions, photo_problems
from langso.photos.process import EXTENSIONS, process_photo
from langso.text import nfc

__all__ = ["ORIGINALS", "FixedPhoto", "fix_photos", "photo_files"]

ORIGINALS = "anh-goc"
"""Where originals are kept before they are rewritten, relative to the repository root."""


@dataclass(frozen=True)
class FixedPhoto:
    """One original rewritten: where it is (repository-relative), and before and after."""

    path: str
    before: Photo
    width: int
    height: int
    new_bytes: int
    kept: str = ""

    def describe(self) -> str:
        """Two lines: Vietnamese, then English (``(en)``), saying what changed."""
        old_mb = self.before.original_bytes / MEGABYTE
        new_mb = self.new_bytes / MEGABYTE
        size = f"{self.before.original_width}×{self.before.original_height}"
        gps_vi = ", xóa vị trí GPS" if self.before.had_location else ""
        gps_en = ", GPS location removed" if self.before.had_location else ""
        kept_vi = f"; bản gốc giữ ở {self.kept}" if self.kept else ""
        kept_en = f"; the original is kept in {self.kept}" if self.kept else ""
        return (
            f"{self.path}: {size} px, {_mb_vi(old_mb)} MB → {self.width}×{self.height} px, "
            f"{_mb_vi(new_mb)} MB{gps_vi}{kept_vi}\n"
            f"    (en) {size} px, {old_mb:.1f} MB → {self.width}×{self.height} px, "
            f"{new_mb:.1f} MB{gps_en}{kept_en}"
        )


def _mb_vi(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def photo_files(docs_dir: Path, exclude: Iterable[str] = ()) -> list[Path]:
    """The JPEG, PNG and WebP files of ``docs_dir`` (recursively, sorted), except those matching
    ``exclude`` (glob patterns relative to ``docs_dir``, as the ``langso/photos`` option).

    Hidden folders (``.git``, ``.cache``) are skipped.
    """
    patterns = list(exclude)
    found = []
    for folder, folders, names in os.walk(docs_dir):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(names):
            path = Path(folder, name)
            rel = nfc(path.relative_to(docs_dir).as_posix())
            if path.suffix.lower() in EXTENSIONS and not any(
                fnmatch.fnmatch(rel, p) for p in patterns
            ):
                found.append(path)
    return found


def fix_photos(
    docs_dir: Path,
    docs_rel: str,
    options: PhotoOptions,
    *,
    limit_side: int,
    limit_megabytes: float,
    exclude: Iterable[str] = (),
    keep_in: Path | None = None,
) -> tuple[list[FixedPhoto], list[tuple[str, str]]]:
    """Rewrite each photo of ``docs_dir`` that the build would warn about (too large, or GPS).

    Args:
        docs_dir, docs_rel: the content folder, and its path relative to the repository.
        options: the published size and quality (``max_side``, ``quality``; widths unused).
        limit_side, limit_megabytes: the warning limits of the ``langso/photos`` options.
        keep_in: the folder the originals are copied into first (:data:`ORIGINALS` under the
            repository root), by their path in the content folder; ``None`` keeps none.

    Returns:
        ``(fixed, unreadable)``: the photos rewritten, and ``(path, reason)`` for files Pillow
        could not read (left as they are). Animations are left as they are.

    Raises:
        OSError: a photo could not be written back (the original is then unchanged: each
            file is replaced at once, from a finished temporary file beside it).
    """
    single = PhotoOptions(max_side=options.max_side, widths=(), quality=options.quality)
    fixed, unreadable = [], []
    for path in photo_files(docs_dir, exclude):
        rel = nfc(path.relative_to(docs_dir).as_posix())
        where = rel if docs_rel in ("", ".") else f"{docs_rel}/{rel}"
        data = path.read_bytes()
        try:
            processed = process_photo(data, EXTENSIONS[path.suffix.lower()], single)
        except (OSError, ValueError) as error:
            unreadable.append((where, str(error) or type(error).__name__))
            continue
        if processed is None:
            continue  # an animation: re-encoding would keep one frame
        problems = photo_problems(
            processed.photo,
            where,
            limit_side=limit_side,
            limit_megabytes=limit_megabytes,
            max_side=options.max_side,
        )
        if not problems:
            continue
        kept = ""
        if keep_in is not None:
            copy = _free(keep_in / rel)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_bytes(data)
            kept = nfc(copy.relative_to(keep_in.parent).as_posix())
        _replace(path, processed.main)
        photo = processed.photo
        fixed.append(FixedPhoto(where, photo, photo.width, photo.height, len(processed.main), kept))
    return fixed, unreadable


def _free(path: Path) -> Path:
    """``path``, or ``name-2.jpg``, ``name-3.jpg``… when an earlier original is kept there."""
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate


def _replace(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then put it in its place at once."""
    handle, temporary = tempfile.mkstemp(prefix=".langso-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
