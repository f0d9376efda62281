"""``langso.cache``: keys of every input and of the software, whole entries, pruning, memos."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from langso import cache as cache_module
from langso import cachefiles, cacheshare
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
    # No staging left behind (the leases of the two objects, still alive: see below).
    assert [p.name for p in (tmp_path / "c").iterdir() if p.name != ".leases"] == [key]


def test_an_entry_made_meanwhile_by_another_build_is_kept(tmp_path: Path) -> None:
    cache = FileCache(tmp_path)
    key = cache.key("x")
    folder = cache.put(key, {"f": b"first"})
    assert cache.put(key, {"f": b"second"}) == folder
    assert (folder / "f").read_bytes() == b"first"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".leases", key]


def test_prune_keeps_what_this_build_used_and_live_staging(tmp_path: Path) -> None:
    old = FileCache(tmp_path)
    stale, kept = old.key("old"), old.key("kept")
    old.put(stale, {"f": b"1"})
    old.put(kept, {"f": b"2"})
    del old  # the build before has ended (its lease with it)
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


def test_a_dirty_build_adds_its_new_values_in_place(
    tmp_path: Path, new_process: Callable[[], None]
) -> None:
    """``langso serve`` at N = 3,000: one page edited, one value new in a memo of 10,000. The
    file is not written whole again: the values it had keep their bytes (same file, same
    start), the new one is added at its end; a new process reads all of them."""
    path = tmp_path / "memo.json"
    full = Memo(path)
    full.get(full.key("a"), lambda: [1, "Đình"])
    full.save()
    before, inode = path.read_bytes(), path.stat().st_ino
    dirty = Memo(path)
    dirty.get(dirty.key("a"), lambda: pytest.fail("made again"))
    dirty.get(dirty.key("b"), lambda: {"c": "làng"})
    dirty.save(prune=False)
    assert path.stat().st_ino == inode
    assert path.read_bytes().startswith(before[:-1])
    assert json.loads(path.read_bytes()) == {
        full.key("a"): [1, "Đình"],
        full.key("b"): {"c": "làng"},
    }
    same = Memo(path)  # this process: the file is known, not read again
    assert same.get(same.key("b"), lambda: pytest.fail("made again")) == {"c": "làng"}
    same.save(prune=False)
    assert path.stat().st_ino == inode  # nothing new: not written
    new_process()
    later = Memo(path)
    assert later.get(later.key("b"), lambda: pytest.fail("made again")) == {"c": "làng"}
    later.save()  # a full build: only what it used, written whole
    assert json.loads(path.read_bytes()) == {later.key("b"): {"c": "làng"}}


def test_a_dirty_build_writes_whole_a_memo_another_build_replaced(tmp_path: Path) -> None:
    path = tmp_path / "memo.json"
    full = Memo(path)
    full.get(full.key("a"), lambda: 1)
    full.save()
    dirty = Memo(path)
    dirty.get(dirty.key("b"), lambda: 2)
    other = tmp_path / "other.json"  # another build's, put in place as builds do
    other.write_text(json.dumps({dirty.key("x"): 9}), encoding="utf-8")
    other.replace(path)
    dirty.save(prune=False)
    assert json.loads(path.read_bytes()) == {full.key("a"): 1, dirty.key("b"): 2}


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
        monkeypatch.setattr(cachefiles, "_KNOWN_FILES", {})

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


def test_a_recall_round_that_changed_few_values_adds_only_those(
    tmp_path: Path, new_process: Callable[[], None]
) -> None:
    """An edit in ``langso serve`` changes one value of thousands: the file is not written whole
    again (same inode), only the change is added at its end, and a new process reads the round's
    values exactly; once the additions would pass a quarter of the file it is written whole."""
    Recall.keep_in(tmp_path)
    recall: Recall[str] = Recall("entries")
    recall.new_round()
    keys = [f"k{number}" for number in range(200)]
    for key in keys:
        recall.get(key, lambda key=key: key.upper() * 20)  # type: ignore[misc]
    Recall.save_all()
    path = tmp_path / "entries.pickle"
    whole = path.stat()
    for edit in range(3):  # each edit: one entry's old key gone, its new key made
        recall.new_round()
        keys[0] = f"edited{edit}"
        for key in keys:
            recall.get(key, lambda key=key: key.upper() * 20)  # type: ignore[misc]
        Recall.save_all()
        now = path.stat()
        assert now.st_ino == whole.st_ino  # not replaced by a whole new file
        assert now.st_size - whole.st_size < 400 * (edit + 1)  # one value and one key each

    def read_back(*wanted: str) -> list[str]:
        """The values a new process finds (its recall is gone on return: never saved)."""
        new_process()
        later: Recall[str] = Recall("entries")
        later.new_round()
        return [later.get(key, lambda: "made") for key in wanted]

    assert read_back("edited2", "k0", "edited0", "edited1", "k199") == [
        "EDITED2" * 20,
        "made",
        "made",
        "made",
        "K199" * 20,
    ]
    # Many changes: written whole again (a new file), still exact.
    recall.new_round()
    for key in [f"other{number}" for number in range(100)]:
        recall.get(key, lambda key=key: key * 100)  # type: ignore[misc]
    Recall.save_all()
    assert path.stat().st_ino != whole.st_ino
    assert read_back("other5", "k1") == ["other5" * 100, "made"]


def test_memo_reads_a_file_once_until_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_process: Callable[[], None]
) -> None:
    """``mkdocs serve`` makes new memos every build: an unchanged file is not parsed again, a
    file another build replaced is."""
    parsed: list[bytes] = []
    parse = cache_module.parse_json
    monkeypatch.setattr(cache_module, "parse_json", lambda data: parsed.append(data) or parse(data))
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


# --- two processes sharing one cache (issue 15, round 2) ---------------------------------------

OTHER_PID = 2**22 + 12345
"""A process id no test process has (Linux ids stay below 2**22)."""


def _other_lease(folder: Path, taken: float | None) -> Path:
    """A lease of another process on the cache ``folder``, taken at ``taken`` (seconds), or now
    by the file system's clock (``None``), as a build takes it: that clock is coarser than
    ``time.time()`` (a few ms), so a time from ``time.time()`` can lie after a file touched
    just after it."""
    lease = folder / cacheshare.LEASES / f"{OTHER_PID}-build"
    lease.parent.mkdir(parents=True, exist_ok=True)
    lease.touch()
    if taken is not None:
        os.utime(lease, (taken, taken))
    return lease


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_a_reader_finding_an_entry_gone_makes_it_again(tmp_path: Path) -> None:
    cache = FileCache(tmp_path)
    key = cache.key("x")
    folder = cache.put(key, {"f": b"1"})
    shutil.rmtree(folder)  # removed by something else since
    later = FileCache(tmp_path)
    assert later.get(key) is None
    assert (later.fetch(key, lambda: {"f": b"1"}) / "f").read_bytes() == b"1"


def test_each_use_marks_the_entry_in_use(tmp_path: Path) -> None:
    cache = FileCache(tmp_path)
    key = cache.key("x")
    folder = cache.put(key, {"f": b"1"})
    _age(folder, 600)
    assert FileCache(tmp_path).get(key) == folder
    assert time.time() - folder.stat().st_mtime < 60


def test_prune_keeps_what_another_running_build_touched(tmp_path: Path) -> None:
    """The other build took its lease 100 s ago: what it touched since is its own; what nobody
    touched since is removed (that build makes it again if it needs it)."""
    earlier = FileCache(tmp_path)
    theirs, forgotten = earlier.key("theirs"), earlier.key("forgotten")
    earlier.put(theirs, {"f": b"1"})
    earlier.put(forgotten, {"f": b"2"})
    del earlier
    _age(tmp_path / theirs, 50)
    _age(tmp_path / forgotten, 500)
    lease = _other_lease(tmp_path, time.time() - 100)
    build = FileCache(tmp_path)
    mine = build.key("mine")
    build.put(mine, {"f": b"3"})
    assert build.prune() == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([".leases", mine, theirs])
    assert [p.name for p in (tmp_path / ".leases").iterdir()] == [lease.name]  # mine ended

    lease.unlink()  # that build ended: nothing of it is kept any more
    again = FileCache(tmp_path)
    again.get(mine)
    assert again.prune() == 1
    assert [p.name for p in tmp_path.iterdir()] == [mine]


def test_an_entry_touched_while_it_is_pruned_is_put_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another build starts and touches the entry after the prune read the leases, before it
    renamed the entry aside: the prune reads the leases again and puts the entry back."""
    old = FileCache(tmp_path)
    key = old.key("x")
    folder = old.put(key, {"f": b"1"})
    del old
    _age(folder, 500)
    real = cacheshare.oldest_other_lease
    calls: list[int | None] = []

    def starting_meanwhile(cache: Path) -> int | None:
        found = real(cache)
        if not calls:  # the other build begins right after this first look
            _other_lease(cache, None)
            os.utime(folder)
        calls.append(found)
        return found

    monkeypatch.setattr(cacheshare, "oldest_other_lease", starting_meanwhile)
    assert FileCache(tmp_path).prune() == 0
    assert len(calls) == 2 and calls[0] is None
    assert (folder / "f").read_bytes() == b"1"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(cacheshare.TRASH)]


def test_the_lease_of_a_killed_build_is_not_waited_for(tmp_path: Path) -> None:
    old = FileCache(tmp_path)
    key = old.key("x")
    old.put(key, {"f": b"1"})
    del old
    _age(tmp_path / key, 3 * cacheshare.LEASE_GRACE_S)
    lease = _other_lease(tmp_path, time.time() - 2 * cacheshare.LEASE_GRACE_S)
    assert FileCache(tmp_path).prune() == 1
    assert not lease.exists()
    assert list(tmp_path.iterdir()) == []


def test_a_discarded_entry_is_never_seen_half_removed(tmp_path: Path) -> None:
    cache = FileCache(tmp_path)
    key = cache.key("x")
    cache.put(key, {"a": b"1", "b": b"2"})
    cache.discard(key)
    assert cache.get(key) is None
    assert [p.name for p in tmp_path.iterdir()] == [".leases"]


WORKER = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config

root, site_url, site_dir, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
for _ in range(rounds):
    build(load_config(config_file=root + "/mkdocs.yml", site_url=site_url, site_dir=site_dir))
"""


def test_two_processes_build_the_same_village_at_once(make_site: Callable[..., Path]) -> None:
    """``langso serve`` (its own ``site_url``, the local address) and ``mkdocs build`` in the
    same folder, building over and over: each prunes what it did not use while the other is
    about to copy it (``FileNotFoundError: …/.cache/langso/directory/<key>/in-a4.html``)."""
    root = make_site()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(root), url, str(root / name), "6"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for url, name in [
            ("https://lang.example.org/phu-my/", "site"),
            ("http://127.0.0.1:8000/phu-my/", "preview"),
        ]
    ]
    errors = []
    for worker in workers:
        try:
            errors.append(worker.communicate(timeout=300)[1])
        except subprocess.TimeoutExpired:
            worker.kill()
            errors.append(worker.communicate()[1])
    assert [w.returncode for w in workers] == [0, 0], "\n".join(errors)
    assert "Traceback" not in "".join(errors)
    assert not (root / ".cache/langso/directory/.leases").exists()  # every lease ended
    assert "https://lang.example.org/phu-my/" in (root / "site/danh-ba/in-a4.html").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize("chunk", [1, 2, 1000])
def test_a_memo_file_is_written_in_pieces_as_one_document(chunk: int) -> None:
    """The memo file is written a thousand entries at a time (the search memo of a large site
    is never in memory whole as text and as bytes): the bytes of ``json.dumps``, whatever the
    size of the pieces."""
    values = {f"k{n}": ["Đình làng", n, {"a": [1, "ố"]}, None] for n in range(5)} | {'"q"': "x"}
    for case in (values, {}):
        out = io.BytesIO()
        cachefiles.dump_json(case, out, chunk=chunk)
        expected = json.dumps(case, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        assert out.getvalue() == expected
