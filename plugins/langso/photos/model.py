"""What a published photo is: its size, its smaller variants, and what to tell the volunteer.

Plain data, no Pillow and no MkDocs: :mod:`langso.photos.process` fills it from the image bytes,
:mod:`langso.photos.markup` writes it into ``<img>`` tags.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Any

from langso.problems import Problem, Severity

__all__ = [
    "Photo",
    "PhotoOptions",
    "Variant",
    "fit",
    "photo_problems",
    "variant_sizes",
    "variant_uri",
]

MEGABYTE = 1_000_000


@dataclass(frozen=True)
class PhotoOptions:
    """Everything that decides the published bytes (so all of it keys the cache).

    Attributes:
        max_side: the long side of the published photo, in pixels, at most.
        widths: widths of the smaller variants for small screens (only those narrower than the
            published photo are made).
        quality: JPEG and WebP quality, 1–95.
    """

    max_side: int = 1280
    widths: tuple[int, ...] = (480, 800)
    quality: int = 82

    def key(self) -> dict[str, Any]:
        """The options as JSON-ready data, for the cache key."""
        return {"max_side": self.max_side, "widths": sorted(set(self.widths)), "q": self.quality}


@dataclass(frozen=True)
class Variant:
    """A smaller copy of a photo: ``cho-480.jpg`` beside ``cho.jpg``."""

    width: int
    height: int


@dataclass(frozen=True)
class Photo:
    """A processed photo as published, and what was learnt about its original.

    Attributes:
        width, height: the published photo, upright.
        variants: the smaller copies, narrowest first.
        original_width, original_height: the original, upright.
        original_bytes: the size of the original file.
        had_location: the original carried GPS coordinates (removed from what is published).
    """

    width: int
    height: int
    variants: tuple[Variant, ...] = ()
    original_width: int = 0
    original_height: int = 0
    original_bytes: int = 0
    had_location: bool = False

    def to_json(self) -> dict[str, Any]:
        """Plain data for the cache's ``photo.json``."""
        return {
            "width": self.width,
            "height": self.height,
            "variants": [[v.width, v.height] for v in self.variants],
            "original": [self.original_width, self.original_height],
            "original_bytes": self.original_bytes,
            "had_location": self.had_location,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Photo:
        """Read back :meth:`to_json`."""
        return cls(
            width=int(data["width"]),
            height=int(data["height"]),
            variants=tuple(Variant(int(w), int(h)) for w, h in data["variants"]),
            original_width=int(data["original"][0]),
            original_height=int(data["original"][1]),
            original_bytes=int(data["original_bytes"]),
            had_location=bool(data["had_location"]),
        )


def fit(width: int, height: int, max_side: int) -> tuple[int, int]:
    """Return ``width × height`` scaled down (never up) so the long side is at most ``max_side``.

    >>> fit(3000, 4000, 1280)
    (960, 1280)
    >>> fit(640, 480, 1280)
    (640, 480)
    """
    long_side = max(width, height)
    if long_side <= max_side:
        return width, height
    scale = max_side / long_side
    return max(1, round(width * scale)), max(1, round(height * scale))


def variant_sizes(width: int, height: int, widths: tuple[int, ...]) -> tuple[Variant, ...]:
    """The variants of a ``width × height`` photo: each wanted width narrower than it.

    >>> variant_sizes(960, 1280, (800, 480, 1280))
    (Variant(width=480, height=640), Variant(width=800, height=1067))
    """
    return tuple(
        Variant(w, max(1, round(height * w / width))) for w in sorted(set(widths)) if w < width
    )


def variant_uri(uri: str, width: int) -> str:
    """The path or URL of the variant ``width`` pixels wide of the photo at ``uri``.

    >>> variant_uri("anh/cho-que.jpg", 480)
    'anh/cho-que-480.jpg'
    """
    stem, ext = posixpath.splitext(uri)
    return f"{stem}-{width}{ext}"


def photo_problems(
    photo: Photo,
    path: str,
    *,
    limit_side: int,
    limit_megabytes: float,
    max_side: int,
    severity: Severity = "warning",
) -> list[Problem]:
    """Warnings about the original at ``path`` (repository-relative): too big, or located.

    The site publishes a small copy without metadata either way; the warnings are about the
    original, which stays in the public repository. ``severity``: ``"info"`` for a note that
    does not stop ``mkdocs build --strict`` (the ``original_level`` option).
    """
    problems = []
    megabytes = photo.original_bytes / MEGABYTE
    long_side = max(photo.original_width, photo.original_height)
    if long_side > limit_side or megabytes > limit_megabytes:
        problems.append(
            Problem(
                path,
                None,
                "photo.oversize",
                params={
                    "width": photo.original_width,
                    "height": photo.original_height,
                    "mb_vi": f"{megabytes:.1f}".replace(".", ","),
                    "mb_en": f"{megabytes:.1f}",
                    "max_side": max_side,
                    "limit_mb_vi": f"{limit_megabytes:g}".replace(".", ","),
                    "limit_mb_en": f"{limit_megabytes:g}",
                },
                severity=severity,
            )
        )
    if photo.had_location:
        problems.append(Problem(path, None, "photo.location", severity=severity))
    return problems
