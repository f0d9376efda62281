"""The PDF print sheets of one build, made in a worker process while the build goes on.

WeasyPrint's import (about 0.35 s) and the sample village's two sheets (about 0.35 s) were a
fifth of the sample's cold build (issue 18: 0.68 s of 3.3 s, py-spy), spent on one core at the
very end while the other core sat idle. Their inputs are known once the plaques are (the
plaques plugin's ``on_files``), so the sheets are started there and collected in
``on_post_build``, after MkDocs has rendered every page. Same function, same bytes, same cache
(:func:`langso.printing.sheets.plaques_pdf`, :func:`~langso.printing.sheets.sheet_key`): only
where it runs changes. With the sheets in the cache no process starts.

The worker is *spawned*, not forked: a fork copies the parent's locks in whatever state its
other threads left them (``mkdocs serve``'s web server, logging), and may hang.

Plain Python (no MkDocs import).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from langso.cache import FileCache
from langso.checkrun import placeholder
from langso.printing.layout import PlaqueItem, Sheet
from langso.printing.sheets import cached_plaques_pdf, plaques_pdf, sheet_key

__all__ = ["PendingSheets"]


def _pdf_bytes(
    items: Sequence[PlaqueItem], sheet: Sheet, distance_m: float | None, watermark: str | None
) -> bytes:
    """In the worker: :func:`plaques_pdf`'s bytes (raises what it raises)."""
    return plaques_pdf(items, sheet, distance_m, watermark=watermark).data


class PendingSheets:
    """Sheets started with :meth:`start`, collected with :meth:`collect` (in start order).

    Args:
        cache: the print cache (:func:`langso.printing.sheets.print_cache`); a sheet found there
            is not made again, a sheet made is put there.
    """

    def __init__(self, cache: FileCache) -> None:
        self.cache = cache
        self._executor: ProcessPoolExecutor | None = None
        self._sheets: list[tuple[str, str, Path | Future[bytes]]] = []

    def start(
        self,
        name: str,
        items: Sequence[PlaqueItem],
        sheet: Sheet,
        distance_m: float | None,
        *,
        watermark: str | None,
    ) -> None:
        """Begin the sheet ``name``: taken from the cache, or made by the worker.

        While the site is thrown away (:mod:`langso.checkrun`) the sheet is only laid out, here
        and now, as :func:`cached_plaques_pdf` does.

        Raises:
            PrintError: (thrown-away site only) the sheet cannot hold the code the distance needs;
                otherwise :meth:`collect` raises it.
        """
        key = sheet_key(self.cache, items, sheet, distance_m, watermark)
        found = self.cache.get(key)
        if found is not None or placeholder() is not None:
            path = found / "sheet.pdf" if found is not None else None
            done = path or cached_plaques_pdf(
                self.cache, items, sheet, distance_m, watermark=watermark
            )
            self._sheets.append((name, key, done))
            return
        if self._executor is None:
            spawn = multiprocessing.get_context("spawn")
            self._executor = ProcessPoolExecutor(max_workers=1, mp_context=spawn)
        future = self._executor.submit(_pdf_bytes, list(items), sheet, distance_m, watermark)
        self._sheets.append((name, key, future))

    def collect(self) -> dict[str, Path]:
        """Each started sheet's file in the cache, by name, once all are made.

        Raises:
            PrintError: the first sheet, in start order, that cannot hold its codes.
        """
        try:
            paths: dict[str, Path] = {}
            for name, key, sheet in self._sheets:
                if isinstance(sheet, Path):
                    paths[name] = sheet
                    continue
                data = sheet.result()
                folder = self.cache.get(key) or self.cache.put(key, {"sheet.pdf": data})
                paths[name] = folder / "sheet.pdf"
            return paths
        finally:
            self.close()

    def close(self) -> None:
        """Stop the worker, dropping the sheets not yet made (a build that failed)."""
        self._sheets = []
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
