"""The photos missing from the cache are made on one thread per core, in order, with the bytes
read ahead bounded (:meth:`langso.photos.process.PhotoCache.get_all`)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from langso.photos import process as process_module
from langso.photos.model import PhotoOptions
from langso.photos.process import PhotoCache, ProcessedPhoto
from tests.photos.images import plain

OPTIONS = PhotoOptions(max_side=640, widths=(160, 320))


def _photos(count: int) -> list[tuple[bytes, str]]:
    return [(plain("JPEG", (400 + 8 * n, 300)), "JPEG") for n in range(count)]


def test_each_photo_comes_out_in_order_as_one_at_a_time_makes_it(tmp_path: Path) -> None:
    """Results in the order given, the same photos and bytes as :meth:`PhotoCache.get`; a
    broken photo yields its error in its place; the second pass takes all from the cache."""
    sources = [*_photos(5), (b"not a photo", "JPEG")]
    together = list(PhotoCache(tmp_path / "a", OPTIONS).get_all(iter(sources)))
    alone = PhotoCache(tmp_path / "b", OPTIONS)
    for (data, fmt), found in zip(sources[:5], together[:5], strict=True):
        expected = alone.get(data, fmt)
        assert expected is not None and isinstance(found, tuple)
        assert found[0] == expected[0]
        for name in ("main", "160", "320"):
            assert (found[1] / name).read_bytes() == (expected[1] / name).read_bytes()
    assert isinstance(together[5], OSError)
    again = PhotoCache(tmp_path / "a", OPTIONS)
    assert [r[0] for r in again.get_all(iter(sources[:5])) if isinstance(r, tuple)] == [
        r[0] for r in together[:5] if isinstance(r, tuple)
    ]
    assert (again.processed, again.reused) == (0, 5)


def test_missing_photos_are_made_on_several_threads_reading_few_ahead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With 3 cores: more than one thread makes photos, and before the first result no more
    than 2 × 3 + 1 sources have been read (the bytes of a thousand photos never sit in memory
    at once)."""
    monkeypatch.setattr("os.cpu_count", lambda: 3)
    threads: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(2, timeout=10)
    real = process_module.process_photo

    def recording(data: bytes, fmt: str, options: PhotoOptions) -> ProcessedPhoto | None:
        with lock:
            threads.append(threading.current_thread().name)
            first_two = len(threads) <= 2
        if first_two:
            barrier.wait()  # the first two photos are in flight at once, or this times out
        return real(data, fmt, options)

    monkeypatch.setattr(process_module, "process_photo", recording)
    read: list[int] = []

    def sources() -> Iterator[tuple[bytes, str]]:
        for number, source in enumerate(_photos(20)):
            read.append(number)
            yield source

    results = PhotoCache(tmp_path, OPTIONS).get_all(sources())
    first = next(results)
    assert isinstance(first, tuple)
    assert len(read) <= 2 * 3 + 1
    assert all(isinstance(found, tuple) for found in results)
    assert len(read) == 20
    assert len(threads) == 20 and len(set(threads)) >= 2
