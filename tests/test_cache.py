"""``langso.cache``: keys of every input and of the software, whole entries, pruning, memos."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from langso import cache as cache_module
from langso.cache import FileCache, Memo, Recall, digest


def test_digest_separates_parts_and_types() -> None:
    assert digest("ab", "c") != digest("a", "bc")
    assert digest("1") != digest(1) != digest(b"1")
    assert digest({"a": 1, "b": 2}) == digest({"b": 2, "a": 1})
    assert len(digest(b"x")) == 32


def test_keys_change_with_our_code_and_library_versions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = FileCache(tmp_path, code=("qr.py",), libraries=("qrcode",))
    assert FileCache(tmp_path, code=("qr.py",), libraries=("qrcode",)).key("u") == plain.key("u")
    assert FileCache(tmp_path, code=("qr.py", "printing/layout.py")).key("u") != plain.key("u")
    monkeypatch.setattr(cache_module, "_library_version", lambda name: "99.0")
    assert FileCache(tmp_path, code=("qr.py",), libraries=("qrcode",)).key("u") != plain.key("u")
    monkeypatch.setattr(cache_module, "_resource_digest", lambda name: "edited")
    assert FileCache(tmp_path, code=("qr.py",)).key("u") != plain.key("u")


def test_entries_are_made_once_and_found_by_the_next_build(tmp_path: Path) -> None:
    calls = []

    def make() -> dict[str, bytes]:
        calls.append(1)
        return {"a.txt": b"A", "sub/b.txt": b"B"}

    first = FileCache(tmp_path / "c")
    key = first.key("input")
    folder = first.fetch(key, make)
    assert (folder / "a.txt").read_bytes() == b"A" and (folder / "sub/b.txt").read_bytes() == b"B"
    assert FileCache(tmp_path / "c").fetch(key, make) == folder
    assert len(calls) == 1
    assert [p.name for p in (tmp_path / "c").iterdir()] == [key]  # no staging left behind


def test_an_entry_made_meanwhile_by_another_build_is_kept(tmp_path: Path) -> None:
    cache = FileCache(tmp_path)
    key = cache.key("x")
    folder = cache.put(key, {"f": b"first"})
    assert cache.put(key, {"f": b"second"}) == folder
    assert (folder / "f").read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == [key]


def test_prune_keeps_what_this_build_used_and_live_staging(tmp_path: Path) -> None:
    old = FileCache(tmp_path)
    stale, kept = old.key("old"), old.key("kept")
    old.put(stale, {"f": b"1"})
    old.put(kept, {"f": b"2"})
    (tmp_path / ".tmp-running").mkdir()
    (tmp_path / ".tmp-killed").mkdir()
    long_ago = time.time() - 2 * cache_module.STAGING_GRACE_S
    os.utime(tmp_path / ".tmp-killed", (long_ago, long_ago))
    build = FileCache(tmp_path)
    assert build.get(kept) is not None
    assert build.prune() == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([kept, ".tmp-running"])


def test_memo_keeps_the_values_of_the_last_build_only(tmp_path: Path) -> None:
    path = tmp_path / "memo.json"
    memo = Memo(path, code=("search/index.py",))
    assert memo.get(memo.key("a"), lambda: [1, "một"]) == [1, "một"]
    assert memo.get(memo.key("b"), lambda: [2]) == [2]
    memo.save()
    again = Memo(path, code=("search/index.py",))
    assert again.get(again.key("a"), lambda: pytest.fail("made again")) == [1, "một"]
    again.save()
    assert list(json.loads(path.read_text(encoding="utf-8"))) == [memo.key("a")]


def test_a_damaged_memo_is_an_empty_one(tmp_path: Path) -> None:
    path = tmp_path / "memo.json"
    path.write_text("{not json", encoding="utf-8")
    memo = Memo(path)
    assert memo.get(memo.key("a"), lambda: 7) == 7
    memo.save()
    assert json.loads(path.read_text(encoding="utf-8")) == {memo.key("a"): 7}


def test_a_dirty_build_keeps_the_values_of_pages_it_did_not_render(tmp_path: Path) -> None:
    path = tmp_path / "memo.json"
    full = Memo(path)
    full.get(full.key("a"), lambda: 1)
    full.get(full.key("b"), lambda: 2)
    full.save()
    dirty = Memo(path)
    dirty.get(dirty.key("c"), lambda: 3)
    dirty.save(prune=False)
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored == {full.key("a"): 1, full.key("b"): 2, full.key("c"): 3}


def test_recall_keeps_what_the_last_round_used() -> None:
    recall: Recall[str] = Recall("test")
    made: list[str] = []

    def make(value: str) -> Callable[[], str]:
        return lambda: made.append(value) or value

    assert recall.get("a", make("A")) == "A" and recall.get("b", make("B")) == "B"
    assert recall.get("a", make("other")) == "A"
    recall.new_round()
    assert recall.get("a", make("other")) == "A"  # kept from the round before
    recall.new_round()  # "b" was not asked for in the last round: dropped
    assert recall.get("b", make("B2")) == "B2"
    assert recall.get("a", make("other")) == "A"
    assert made == ["A", "B", "B2"]
    recall.new_round()
    recall.new_round()  # a round that asked for nothing drops nothing
    assert recall.get("a", make("other")) == "A"


def test_digest_tells_apart_texts_utf16_cannot() -> None:
    """Texts are hashed as UTF-16 for speed; a lone surrogate, which UTF-16 cannot tell from a
    pair, is hashed another way."""
    assert digest("\ud83d\ude00") != digest("\U0001f600")
    assert digest("\ud83d", "\ude00") != digest("\U0001f600")
    assert digest("Đình làng") != digest("Đình lang") != digest("Dinh lang")
    assert digest("a") != digest(b"a") != digest(["a"])


@pytest.fixture
def new_process(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """``new_process()``: forget what this process holds of the stores, as a new one would."""

    def forget() -> None:
        monkeypatch.setattr(cache_module, "_KNOWN_FILES", {})

    monkeypatch.setattr(Recall, "_folder", None)
    forget()
    return forget


def test_recall_values_outlive_the_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_process: Callable[[], None]
) -> None:
    Recall.keep_in(tmp_path)
    recall: Recall[tuple[str, ...]] = Recall("values")
    recall.new_round()
    assert recall.get("a", lambda: ("A",)) == ("A",)
    Recall.save_all()
    path = tmp_path / "values.pickle"
    written = path.stat().st_mtime_ns

    def never() -> tuple[str, ...]:
        raise AssertionError("made again")

    new_process()
    again: Recall[tuple[str, ...]] = Recall("values")
    again.new_round()
    assert again.get("a", never) == ("A",)
    Recall.save_all()  # nothing new: the file is left as it is
    assert path.stat().st_mtime_ns == written

    # A damaged file, or one another version of the software wrote: the values are made again.
    good = path.read_bytes()
    for spoil in (
        lambda: path.write_bytes(good[: len(good) // 2]),
        lambda: monkeypatch.setattr(cache_module, "_software_digest", lambda: "other"),
    ):
        path.write_bytes(good)
        spoil()
        new_process()
        fresh: Recall[tuple[str, ...]] = Recall("values")
        fresh.new_round()
        assert fresh.get("a", lambda: ("A2",)) == ("A2",)


def test_a_recall_file_follows_the_last_round(
    tmp_path: Path, new_process: Callable[[], None]
) -> None:
    Recall.keep_in(tmp_path)
    recall: Recall[int] = Recall("numbers")
    recall.new_round()
    recall.get("a", lambda: 1)
    recall.get("b", lambda: 2)
    Recall.save_all()
    recall.new_round()
    recall.get("a", lambda: 1)
    Recall.save_all()  # "b" was not asked for: gone from the file too
    new_process()
    later: Recall[int] = Recall("numbers")
    later.new_round()
    assert later.get("a", lambda: 10) == 1 and later.get("b", lambda: 20) == 20


def test_memo_reads_a_file_once_until_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_process: Callable[[], None]
) -> None:
    """``mkdocs serve`` makes new memos every build: an unchanged file is not parsed again, a
    file another build replaced is."""
    parsed: list[bytes] = []
    parse = cache_module._parse_json
    monkeypatch.setattr(
        cache_module, "_parse_json", lambda data: parsed.append(data) or parse(data)
    )
    path = tmp_path / "memo.json"
    first = Memo(path)
    first.get(first.key("a"), lambda: 1)
    first.save()
    second = Memo(path)
    assert second.get(second.key("a"), lambda: 2) == 1
    assert parsed == []  # what the save wrote is known
    other = {second.key("a"): 3}
    path.write_text(json.dumps(other), encoding="utf-8")  # another process's build
    third = Memo(path)
    assert third.get(third.key("a"), lambda: 4) == 3
    assert len(parsed) == 1
