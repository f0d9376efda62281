"""Turning a phone photo into what is published, once: upright, capped, without metadata, cached.

Pillow does the work; nothing here knows MkDocs. :func:`process_photo` is a pure function of the
source bytes and :class:`~langso.photos.model.PhotoOptions`; :class:`PhotoCache` keeps its
results in a :class:`~langso.cache.FileCache` under a digest of both (and of Pillow's version and
this module's code), so an unchanged photo is never decoded again and a deleted cache is rebuilt
byte for byte (the encoders are given fixed settings and no timestamps).
"""

from __future__ import annotations

import io
import json
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PIL import ExifTags, Image

from langso.cache import FileCache
from langso.photos.model import Photo, PhotoOptions, Variant, fit, variant_sizes

__all__ = ["EXTENSIONS", "PhotoCache", "ProcessedPhoto", "is_photo", "process_photo"]

EXTENSIONS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
"""File extensions processed (any case), and the format each is published in."""

_ORIENTATION = 0x0112
_SWAPS_SIDES = {5, 6, 7, 8}  # EXIF orientations that turn the picture a quarter


def is_photo(uri: str) -> bool:
    """Whether ``uri`` names a JPEG, PNG or WebP file (by its extension)."""
    return os.path.splitext(uri)[1].lower() in EXTENSIONS


@dataclass(frozen=True)
class ProcessedPhoto:
    """The published photo and its variants, as encoded bytes."""

    photo: Photo
    main: bytes
    variants: dict[int, bytes]


def process_photo(data: bytes, fmt: str, options: PhotoOptions) -> ProcessedPhoto | None:
    """Publishable bytes of the photo ``data``, re-encoded as ``fmt`` (``JPEG``, ``PNG``, ``WEBP``).

    Returns ``None`` for an animation (published untouched: re-encoding would keep one frame).

    Raises:
        OSError: the bytes are not an image Pillow can read (``PIL.UnidentifiedImageError``,
            a truncated file, a decompression bomb).
    """
    with Image.open(io.BytesIO(data)) as image:
        if getattr(image, "n_frames", 1) > 1:
            return None
        exif = image.getexif()
        had_location = bool(exif.get_ifd(ExifTags.IFD.GPSInfo)) or _has_gps_pointer(exif)
        turned = exif.get(_ORIENTATION) in _SWAPS_SIDES
        stored_w, stored_h = image.size
        upright_w, upright_h = (stored_h, stored_w) if turned else (stored_w, stored_h)
        width, height = fit(upright_w, upright_h, options.max_side)
        if image.format == "JPEG":
            # Let libjpeg decode at 1/2, 1/4 or 1/8 scale when that still covers the target:
            # a 4000×3000 photo decodes as 2000×1500, four times less work, same final pixels.
            image.draft(None, (height, width) if turned else (width, height))
        image.load()
        # Turned here rather than with ImageOps.exif_transpose, which copies every upright
        # photo whole and rewrites the EXIF that _encode drops anyway.
        turn = _TURNS.get(exif.get(_ORIENTATION, 1))
        upright = image if turn is None else image.transpose(turn)
    icc = upright.info.get("icc_profile") if upright.mode != "CMYK" else None
    upright = _publishable_mode(upright, fmt)
    main = upright if upright.size == (width, height) else upright.resize((width, height), _LANCZOS)
    variants = variant_sizes(width, height, options.widths)
    photo = Photo(
        width=width,
        height=height,
        variants=variants,
        original_width=upright_w,
        original_height=upright_h,
        original_bytes=len(data),
        had_location=had_location,
    )
    return ProcessedPhoto(
        photo,
        _encode(main, fmt, options, icc),
        {
            v.width: _encode(main.resize((v.width, v.height), _LANCZOS), fmt, options, icc)
            for v in variants
        },
    )


_LANCZOS = Image.Resampling.LANCZOS
_TURNS = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
"""EXIF orientation → the turn that makes the photo upright (as ``ImageOps.exif_transpose``)."""


def _has_gps_pointer(exif: Image.Exif) -> bool:
    return ExifTags.IFD.GPSInfo in exif


def _publishable_mode(image: Image.Image, fmt: str) -> Image.Image:
    """Convert to a mode the format stores and resizing handles: RGB(A) or grey."""
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    if fmt == "JPEG":
        wanted = "L" if image.mode in ("L", "1", "I;16", "I") else "RGB"
    elif image.mode in ("L", "RGB", "RGBA", "LA") and fmt == "PNG":
        wanted = image.mode
    else:
        wanted = "RGBA" if has_alpha else "RGB"
    if image.mode == "RGB" and wanted == "RGB":
        return image
    if image.mode in ("I;16", "I"):  # 16-bit grey: scale to 8 bits (convert() would clip)
        image = image.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    return image.convert(wanted)


def _encode(image: Image.Image, fmt: str, options: PhotoOptions, icc: bytes | None) -> bytes:
    """Encode with fixed settings and no metadata but the colour profile: same pixels, same bytes.

    ``info`` is emptied first: Pillow's encoders may otherwise carry EXIF or XMP over from it.
    """
    image.info = {}
    params: dict[str, object] = {"icc_profile": icc} if icc else {}
    if fmt == "JPEG":
        params |= {"quality": options.quality, "optimize": True, "progressive": True}
        params |= {"subsampling": "4:2:0"}
    elif fmt == "WEBP":
        params |= {"quality": options.quality, "method": 4, "exact": False}
    else:
        params |= {"optimize": True}
    out = io.BytesIO()
    image.save(out, fmt, **params)
    return out.getvalue()


class PhotoCache:
    """Processed photos on disk, one :class:`~langso.cache.FileCache` entry per digest of the
    source bytes, the output format, the options, Pillow's version and this module's code.

    Layout: ``<root>/<key>/photo.json`` (the :class:`Photo`), ``main`` and ``<width>`` (the bytes).
    Entries appear whole (see :meth:`FileCache.put`); :meth:`prune` drops those the build did
    not use.

    Attributes:
        processed: photos decoded and encoded since this object was made.
        reused: photos found in the cache.
    """

    def __init__(self, root: Path, options: PhotoOptions) -> None:
        self.root = root
        self.options = options
        self.processed = 0
        self.reused = 0
        self.files = FileCache(root, code=("photos/process.py",), libraries=("pillow",))

    def key(self, data: bytes, fmt: str) -> str:
        """The digest of the photo's bytes, its output format and every option that shapes it."""
        return self.files.key(self.options.key(), fmt, data)

    def get(self, data: bytes, fmt: str) -> tuple[Photo, Path] | None:
        """The photo and its cache folder (``main`` and ``<width>`` files), made if missing.

        Returns ``None`` for an animation (see :func:`process_photo`).

        Raises:
            OSError: the bytes are not a readable image.
        """
        key = self.key(data, fmt)
        return self._found(key) or self._store(key, process_photo(data, fmt, self.options))

    def get_all(
        self, sources: Iterable[tuple[bytes, str]]
    ) -> Iterator[tuple[Photo, Path] | OSError | ValueError | None]:
        """:meth:`get` of each ``(data, fmt)`` in ``sources``, in order; the error it would
        raise is yielded instead.

        The photos missing from the cache are decoded, resized and encoded on one thread per
        core: Pillow releases the GIL while it resizes and encodes (``ImagingSectionEnter`` in
        its ``Resample.c`` and ``_webp.c``/``encode.c``), so a cold build of a village with
        photos uses every core. At most two photos per thread are read ahead, so the bytes in
        memory stay bounded whatever the number of photos; the cache is read and written on
        the calling thread only.
        """
        workers = os.cpu_count() or 1
        with ThreadPoolExecutor(workers, thread_name_prefix="langso-photos") as pool:
            pending: deque[tuple[str, tuple[Photo, Path] | Future[ProcessedPhoto | None]]] = deque()
            for data, fmt in sources:
                key = self.key(data, fmt)
                found = self._found(key)
                work = found or pool.submit(process_photo, data, fmt, self.options)
                pending.append((key, work))
                while len(pending) > 2 * workers:
                    yield self._finish(*pending.popleft())
            while pending:
                yield self._finish(*pending.popleft())

    def _finish(
        self, key: str, work: tuple[Photo, Path] | Future[ProcessedPhoto | None]
    ) -> tuple[Photo, Path] | OSError | ValueError | None:
        if isinstance(work, tuple):
            return work
        try:
            return self._store(key, work.result())
        except (OSError, ValueError) as error:
            return error

    def _found(self, key: str) -> tuple[Photo, Path] | None:
        """The cached photo of ``key``; ``None`` when missing or damaged (then dropped)."""
        folder = self.files.get(key)
        if folder is None:
            return None
        try:
            meta = json.loads((folder / "photo.json").read_text(encoding="utf-8"))
            photo = Photo.from_json(meta)
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            self.files.discard(key)  # damaged: made again
            return None
        self.reused += 1
        return photo, folder

    def _store(self, key: str, processed: ProcessedPhoto | None) -> tuple[Photo, Path] | None:
        """Put ``processed`` in the cache under ``key``; ``None`` for an animation."""
        if processed is None:
            return None
        self.processed += 1
        contents = {"main": processed.main, "photo.json": _photo_json(processed.photo)}
        contents |= {str(width): encoded for width, encoded in processed.variants.items()}
        return processed.photo, self.files.put(key, contents)

    def prune(self) -> int:
        """Remove the photos this build did not use (see :meth:`FileCache.prune`)."""
        return self.files.prune()

    @staticmethod
    def variant_path(folder: Path, variant: Variant | None) -> Path:
        """The cached file of ``variant`` (``None``: the published photo itself)."""
        return folder / ("main" if variant is None else str(variant.width))


def _photo_json(photo: Photo) -> bytes:
    return json.dumps(photo.to_json(), sort_keys=True).encode()
