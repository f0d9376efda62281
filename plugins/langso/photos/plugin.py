"""``langso/photos``: phone photos published upright, at most ``max_side`` pixels, without EXIF.

- ``on_files`` (priority 50): each JPEG, PNG and WebP of ``docs_dir`` is processed through the
  cache; MkDocs then copies the processed photo instead of the original, plus its variants.
- ``on_page_content``: ``<img>`` tags showing a processed photo become lazy, sized, with a
  ``srcset`` of the variants.
- ``on_post_build``: the cache forgets the photos this build did not use.

Generated files point at cache files (``File.generated(…, abs_src_path=…)``) rather than being
written in ``on_post_build``: MkDocs copies them like any file (only when newer on dirty
builds), other plugins see them in ``files``, and links to a variant validate.
"""

from __future__ import annotations

import fnmatch
import os
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from langso.adapter import Reporter, content_location, log
from langso.paths import repo_path
from langso.photos.config import PhotosConfig
from langso.photos.markup import enhance_images
from langso.photos.model import Photo, PhotoOptions, photo_problems, variant_uri
from langso.photos.process import EXTENSIONS, PhotoCache, is_photo
from langso.problems import Problem

__all__ = ["PhotosPlugin"]


class PhotosPlugin(BasePlugin[PhotosConfig]):
    """Publishes volunteers' photos light and private; see the module docstring."""

    def __init__(self) -> None:
        self.reporter = Reporter()
        self.photos: dict[str, Photo] = {}
        self.cache: PhotoCache | None = None

    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Swap each photo for its processed copy and add the variants.

        Priority 50: after ``langso/content`` (100) has given files their final ASCII URLs,
        which the variants' URLs follow.
        """
        self.reporter.reset(config)
        self.photos = {}
        options = PhotoOptions(
            max_side=self.config.max_side,
            widths=tuple(self.config.widths),
            quality=self.config.quality,
        )
        root = Path(config.config_file_path or ".").resolve().parent
        cache = self.cache = PhotoCache(root / self.config.cache_dir, options)
        docs_dir, docs_rel = content_location(config)
        started = time.perf_counter()
        added: list[File] = []
        wanted = [file for file in files if self._wanted(file, docs_dir)]
        sources = (
            (file.content_bytes, EXTENSIONS[os.path.splitext(file.dest_uri)[1].lower()])
            for file in wanted
        )
        for file, found in zip(wanted, cache.get_all(sources), strict=True):
            where = repo_path(docs_rel, file.src_uri)
            if isinstance(found, (OSError, ValueError)):
                detail = str(found) or type(found).__name__
                problem = Problem(
                    where, None, "photo.unreadable", params={"detail": detail}, severity="warning"
                )
                self.reporter.report([problem])
                continue
            if found is None:
                continue  # an animation: published as it is
            photo, folder = found
            self.reporter.report(
                photo_problems(
                    photo,
                    where,
                    limit_side=self.config.warn_side,
                    limit_megabytes=self.config.warn_megabytes,
                    max_side=self.config.max_side,
                    severity="warning" if self.config.original_level == "warn" else "info",
                )
            )
            file.abs_src_path = str(PhotoCache.variant_path(folder, None))
            self.photos[file.dest_uri] = photo
            for variant in photo.variants:
                uri = variant_uri(file.dest_uri, variant.width)
                if files.get_file_from_path(uri) is not None:
                    continue  # the author's own file of that name wins
                source = str(PhotoCache.variant_path(folder, variant))
                added.append(
                    File.generated(
                        config, uri, abs_src_path=source, inclusion=InclusionLevel.NOT_IN_NAV
                    )
                )
        for file in added:
            files.append(file)
        if self.photos:
            log.info(
                f"langso/photos: {len(self.photos)} ảnh / photo(s), {cache.processed} xử lý mới"
                f" / processed, {cache.reused} từ bộ nhớ đệm / from the cache,"
                f" {time.perf_counter() - started:.2f} s"
            )
        return files

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Lazy, sized ``<img>`` tags with a ``srcset`` for the processed photos."""
        if not self.photos:
            return html
        enhanced, _ = enhance_images(html, page.url, self.photos, self.config.sizes)
        return enhanced

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Drop the cache entries this build did not use (old versions of edited photos)."""
        if self.cache is not None:
            self.cache.prune()

    def _wanted(self, file: File, docs_dir: Path) -> bool:
        """A photo of ``docs_dir`` (not generated, not excluded)."""
        if file.generated_by is not None or file.src_dir is None:
            return False
        if not is_photo(file.dest_uri):
            return False
        if not os.path.samefile(file.src_dir, docs_dir):
            return False
        return not any(fnmatch.fnmatch(file.src_uri, p) for p in self.config.exclude)
