"""The portal's search index, sharded so a reader downloads only what a query needs (no MkDocs).

:func:`write_search` writes ``<out>/tim/``; ``assets/portal-search.js`` reads it; both match on
:func:`langso.text.fold` (the JS has the very same ``fold`` as the villages' ``search.js``: a test
checks the two copies are the same text and agree with Python). :func:`first_query_plan` names
the files the script fetches for a query, with the same algorithm (:func:`run_query`), so tests
and ``build_tools/bench_portal.py`` can weigh a first search.

Words and forms
    A doc's words are the ``[a-z0-9]+`` runs of the folded title, place and text, each cut to
    :data:`MAX_WORD` characters. Its place words are ``place`` (the bare village and commune
    names, "Là Thôn Yên Định"), so the kind words làng/thôn/xã/phường do not match on every doc
    of every village; a village's home (kind ``lang``) matches ``village`` too ("làng Là Thôn");
    a doc without ``place`` matches ``village`` and ``commune`` as written. The *form* of a
    title word is how the title writes it, lower case NFC (``đình``, ``định``): a query word
    typed with accents earns the exact bonus only on docs whose title has that form. A query's
    words are found the same way; every word must match (in the title, the text or the place)
    and at least one must match the title or the text: a place word alone finds a village's
    home only ("dinh" does not find every page of xã Yên Định, "tan ngu" finds the home of
    làng Tân Ngữ, "tram y te tan ngu" its health station); the last one is a prefix when it has 2
    characters or more (the :data:`MAX_EXPAND` commonest words that start with it, the word
    itself first), the others match whole; completions are taken while their postings files stay
    within :data:`EXPAND_BYTES`, the word itself always. A last word of one character is left
    out (being typed); a query with no word of 2 characters or more fetches nothing.

Doc ids
    Docs are numbered by (title length, folded title, title, village, url): a lower id is a
    shorter title, so "shorter titles first" costs no bytes.

Files (format version ``v`` = 2; JSON, UTF-8, ``separators=(",", ":")``)::

    tim/m.json           {"v": 2, "n": 50000, "c": 16, "k": ["an", "ba", …]}
                         n: docs; c: docs a record chunk; k: dictionary keys written
    tim/t/<key>.json     dictionary of the words whose first two characters are <key> (a
                         one-character word: its own key): {"dinh": [df, ["đình", "định"], P]}
                         df: docs holding the word; forms as above; P: the postings inline, or
                         the byte size of tim/p/<word>.json holding them (when their JSON is
                         longer than INLINE_BYTES)
    tim/p/<word>.json    P of one frequent word
    tim/w.json           the WORD_LIST commonest words of 2+ letters without a digit, commonest
                         first (ties: alphabetical), one
                         string joined by spaces ("lang dinh xa …"): read only when a query
                         word is in no dictionary, for "Có phải bạn muốn tìm" (:func:`suggest`)
    tim/d/<i>.json       records of docs i·c … i·c+c−1: {"l": [["làng Là Thôn", "xã Yên Định"]],
                         "d": [[title, url, l index, kind], …]}; a doc of sample data
                         (``SearchDoc.sample``) has a fifth item ``1``: [title, url, l, kind, 1]
                         (added in round 3 without a version change: a reader of 4 items
                         ignores it)

Postings ``P`` = ``[place, rest, form0, form1, …]``: ``formi`` lists the docs whose title holds
the word written as form i, ``rest`` the docs holding it in their text (a village's home: or in
its village and place names) but not the title, ``place`` the other docs holding it in their
place names only (version 1 had no ``place``: its ``rest`` held them). A list
is a string: ``""`` none; ``"!"`` + base64url (no padding) of a bitmap (doc i is bit ``i & 7`` of
byte ``i >> 3``); else the gaps ``id − previous − 1`` (previous starts at −1) as base-32 digits,
most significant first, the last digit of a number from ``A–Z a–f`` and the others from
``g–z 0–9 - _``. Whichever is shorter is written.

Ranking (of the docs holding every word, one of them at least in the title or the text, or a
village's home): docs holding every query word in the title first; then more exact-accent matches
(``đình`` ranks "Đình làng" above "Dinh dưỡng"); then more words in the title; then lower id.

Suggestions: when a query word matches nothing (the last one: no word starts with it), each such
word is replaced by the commonest word of ``w.json`` at the smallest edit distance (insert,
delete, substitute, or swap two neighbours: "lnag" → "lang" is 1), at most 1 for a word of 3
letters or fewer, else 2; the other words stay as typed. No suggestion if one has no candidate.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from langso.text import fold, nfc

__all__ = [
    "CHUNK",
    "FORMAT_VERSION",
    "PAGE",
    "SearchDoc",
    "SearchStats",
    "bare_name",
    "decode_list",
    "encode_list",
    "first_query_plan",
    "query_words",
    "run_query",
    "suggest",
    "write_search",
]

FORMAT_VERSION = 2
FOLDER = "tim"
CHUNK = 16
"""Docs a record chunk holds: a page of 10 results touches at most 10 small files."""
PAGE = 10
"""Results shown at a time ("Xem thêm" shows the next ones)."""
MAX_WORD = 32
MAX_EXPAND = 6
EXPAND_BYTES = 40_000
"""The last word's completions stop before their postings files pass this many bytes."""
WORD_LIST = 5_000
"""The word list for suggestions keeps the commonest this many words (≈ 35 KB at most)."""
INLINE_BYTES = 400
"""Postings longer than this (characters of JSON) go to a file of their own."""

_WORD = re.compile(r"[a-z0-9]+")
# A word as written: letters, digits and the marks on them (split the same way in the JS).
_WRITTEN = re.compile(r"[^\W_]+", re.UNICODE)
_TERM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef"
_CONT = "ghijklmnopqrstuvwxyz0123456789-_"
_DIGIT = {c: i for i, c in enumerate(_TERM)} | {c: i for i, c in enumerate(_CONT)}
KINDS = ("dia-diem", "dich-vu", "trang", "lang")


@dataclass(frozen=True)
class SearchDoc:
    """One thing the portal finds.

    title: shown (NFC); url: absolute http(s) URL, or portal-relative for a portal page;
    village: ``"làng Là Thôn"`` shown under the title (``""`` for a portal page); commune:
    ``"xã Yên Định"``; text: matched, never shown (description, headings, category); kind: one
    of :data:`KINDS`; place: the bare names matched instead of village and commune
    (``"Là Thôn Yên Định"``, no làng/thôn/xã/phường; ``""``: match village and commune);
    sample: the village marks it as sample data (``du_lieu_mau``), shown "Dữ liệu mẫu".
    """

    title: str
    url: str
    village: str
    commune: str
    text: str
    kind: str
    place: str = ""
    sample: bool = False


_KIND_WORDS = ("xã", "phường", "thị trấn", "đặc khu", "làng", "thôn", "xóm", "bản", "ấp")


def bare_name(name: str) -> str:
    """``name`` without its leading kind word: ``"xã Yên Định"`` → ``"Yên Định"`` (kinds:
    xã, phường, thị trấn, đặc khu, làng, thôn, xóm, bản, ấp; any case); a name that is only a
    kind word stays as it is."""
    name = nfc(name).strip()
    for kind in _KIND_WORDS:
        if name.lower().startswith(kind + " ") and name[len(kind) :].strip():
            return name[len(kind) :].strip()
    return name


def _place_words(doc: SearchDoc) -> str:
    """What a doc matches besides its title and text (see the module doc): for a village's
    home as strongly as its text, for other docs only with a title or text word (``place``)."""
    if not doc.place:
        return f"{doc.village} {doc.commune}"
    return f"{doc.village} {doc.place}" if doc.kind == "lang" else doc.place


@dataclass(frozen=True)
class SearchStats:
    """What :func:`write_search` wrote: ``files`` and their total ``bytes``, ``docs``, ``words``."""

    files: int
    bytes: int
    docs: int
    words: int


def words(text: str) -> list[str]:
    """The words of ``text`` as matched: ``[a-z0-9]+`` runs of its fold, cut to MAX_WORD."""
    return [w[:MAX_WORD] for w in _WORD.findall(fold(text))]


def written_words(text: str) -> list[tuple[str, str]]:
    """``(word, form)`` pairs of ``text``: each run of letters/digits/marks, folded; its form
    is the run in lower case NFC when it folds to one word, else the word itself."""
    pairs: list[tuple[str, str]] = []
    for run in _WRITTEN.findall(nfc(text)):
        found = words(run)
        form = run.lower() if len(found) == 1 else None
        pairs.extend((w, form or w) for w in found)
    return pairs


def key_of(word: str) -> str:
    """The dictionary a word is in: its first two characters."""
    return word[:2]


def encode_list(ids: Sequence[int]) -> str:
    """A sorted list of doc ids as written in postings (bitmap or gaps, the shorter)."""
    if not ids:
        return ""
    gaps: list[str] = []
    previous = -1
    for doc in ids:
        value, digits = doc - previous - 1, [_TERM[(doc - previous - 1) & 31]]
        value >>= 5
        while value:
            digits.append(_CONT[value & 31])
            value >>= 5
        gaps.append("".join(reversed(digits)))
        previous = doc
    packed = "".join(gaps)
    bitmap = bytearray(ids[-1] // 8 + 1)
    for doc in ids:
        bitmap[doc >> 3] |= 1 << (doc & 7)
    bits = "!" + base64.urlsafe_b64encode(bytes(bitmap)).decode("ascii").rstrip("=")
    return bits if len(bits) < len(packed) else packed


def decode_list(text: str) -> list[int]:
    """The doc ids of an encoded list (the inverse of :func:`encode_list`)."""
    if text.startswith("!"):
        data = base64.urlsafe_b64decode(text[1:] + "=" * (-len(text[1:]) % 4))
        return [i * 8 + b for i, byte in enumerate(data) for b in range(8) if byte >> b & 1]
    ids: list[int] = []
    value, previous = 0, -1
    for char in text:
        value = value * 32 + _DIGIT[char]
        if char in _TERM:
            previous += value + 1
            ids.append(previous)
            value = 0
    return ids


def _dump(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False).encode()


def write_search(docs: Sequence[SearchDoc], out: Path) -> SearchStats:
    """Write the sharded index of ``docs`` to ``out/tim/`` (replacing it); deterministic bytes.

    Raises ``ValueError`` for a doc whose ``kind`` is unknown or whose ``url`` has a scheme
    other than http(s).
    """
    for doc in docs:
        if doc.kind not in KINDS:
            raise ValueError(f"kind {doc.kind!r} not in {KINDS}")
        scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", doc.url)
        if scheme and scheme.group(1).lower() not in ("http", "https"):
            raise ValueError(f"url {doc.url!r}: only http(s) or portal-relative")
    ordered = sorted(
        (
            SearchDoc(
                nfc(d.title),
                d.url,
                nfc(d.village),
                nfc(d.commune),
                nfc(d.text),
                d.kind,
                nfc(d.place),
                d.sample,
            )
            for d in docs
        ),
        key=lambda d: (
            len(d.title),
            fold(d.title),
            d.title,
            d.village,
            d.commune,
            d.url,
            d.place,
            d.kind,
            d.text,
            d.sample,
        ),
    )
    titled: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    rest: dict[str, list[int]] = defaultdict(list)
    placed: dict[str, list[int]] = defaultdict(list)
    for doc_id, doc in enumerate(ordered):
        seen: set[str] = set()
        for word, form in written_words(doc.title):
            if word not in seen:
                seen.add(word)
                titled[word][form].append(doc_id)
        home = doc.kind == "lang"
        strong = f"{_place_words(doc)} {doc.text}" if home else doc.text
        for target, text in ((rest, strong), (placed, "" if home else _place_words(doc))):
            for word in words(text):
                if word not in seen:
                    seen.add(word)
                    target[word].append(doc_id)
    folder = out / FOLDER
    if folder.exists():
        shutil.rmtree(folder)
    for sub in ("t", "p", "d"):
        (folder / sub).mkdir(parents=True)
    files: dict[Path, bytes] = {}
    shards: dict[str, dict[str, Any]] = defaultdict(dict)
    counts: list[tuple[int, str]] = []
    for word in sorted(set(titled) | set(rest) | set(placed)):
        forms = sorted(titled[word].items(), key=lambda kv: (-len(kv[1]), kv[0]))
        postings = [encode_list(placed[word]), encode_list(rest[word])]
        postings += [encode_list(ids) for _, ids in forms]
        df = len(placed[word]) + len(rest[word]) + sum(len(ids) for _, ids in forms)
        inline: object = postings
        if len(_dump(postings)) > INLINE_BYTES:
            files[folder / "p" / f"{word}.json"] = data = _dump(postings)
            inline = len(data)
        shards[key_of(word)][word] = [df, [form for form, _ in forms], inline]
        if len(word) >= 2 and not any(ch.isdigit() for ch in word):
            counts.append((-df, word))
    common = sorted(counts)[:WORD_LIST]
    files[folder / "w.json"] = _dump(" ".join(word for _, word in common))
    for key, shard in shards.items():
        files[folder / "t" / f"{key}.json"] = _dump(shard)
    for start in range(0, len(ordered), CHUNK):
        places: list[list[str]] = []
        records: list[list[object]] = []
        for doc in ordered[start : start + CHUNK]:
            place = [doc.village, doc.commune]
            if place not in places:
                places.append(place)
            record: list[object] = [doc.title, doc.url, places.index(place), doc.kind]
            records.append([*record, 1] if doc.sample else record)
        files[folder / "d" / f"{start // CHUNK}.json"] = _dump({"l": places, "d": records})
    manifest = {"v": FORMAT_VERSION, "n": len(ordered), "c": CHUNK, "k": sorted(shards)}
    files[folder / "m.json"] = _dump(manifest)
    for path, data in files.items():
        path.write_bytes(data)
    vocabulary = len(set(titled) | set(rest) | set(placed))
    return SearchStats(len(files), sum(map(len, files.values())), len(ordered), vocabulary)


@dataclass(frozen=True)
class Query:
    """A query's words, each with its form when typed with accents (else ``None``)."""

    words: tuple[str, ...]
    forms: tuple[str | None, ...]


def query_words(query: str) -> Query:
    """The words of ``query``; a word is a candidate form only when typed with accents."""
    pairs = written_words(query)
    return Query(
        tuple(w for w, _ in pairs), tuple(form if form != w else None for w, form in pairs)
    )


Fetch = Callable[[str], Any]
"""Reads ``tim/<relative path>`` as JSON (``None`` when missing); records what it read."""


def _prepared(query: str) -> Query | None:
    """The words a query looks up: ``None`` without a word of 2+ characters; a last word of
    one character is left out (a letter being typed: wait for the next one)."""
    q = query_words(query)
    if not any(len(w) >= 2 for w in q.words):
        return None
    if len(q.words[-1]) == 1:
        q = Query(q.words[:-1], q.forms[:-1])
    return q


def _shards(fetch: Fetch, q: Query) -> dict[str, dict[str, Any]]:
    """The dictionaries of the words of ``q`` (``{}`` for a key no word has)."""
    keys = set(fetch("m.json")["k"])
    shards: dict[str, dict[str, Any]] = {}
    for word in q.words:
        key = key_of(word)
        if key not in shards:
            shards[key] = fetch(f"t/{key}.json") if key in keys else {}
    return shards


def _terms(shard: dict[str, Any], word: str, last: bool) -> list[str]:
    """The terms ``word`` stands for: itself; the last word (2+ letters) also its commonest
    completions while their postings files stay within EXPAND_BYTES."""
    if not last or len(word) < 2:
        return [word] if word in shard else []
    starting = [w for w in shard if w.startswith(word) and w != word]
    starting.sort(key=lambda w: (-shard[w][0], w))
    terms: list[str] = []
    spent = 0
    for term in ([word] if word in shard else []) + starting:
        size = shard[term][2] if isinstance(shard[term][2], int) else 0
        if terms and (len(terms) == MAX_EXPAND or spent + size > EXPAND_BYTES):
            break
        terms.append(term)
        spent += size
    return terms


def run_query(fetch: Fetch, query: str) -> list[int]:
    """Rank the doc ids matching ``query`` (the algorithm of portal-search.js ``find``): every
    word matches somewhere, one at least outside the place names (see the module doc)."""
    q = _prepared(query)
    if q is None:
        return []
    shards = _shards(fetch, q)
    in_title: list[dict[int, int]] = []  # per query word: doc → 2 if the form matched, 1 if not
    matched: list[set[int]] = []
    strong: set[int] = set()  # docs a word matched in the title or the text
    last = len(q.words) - 1
    for at, word in enumerate(q.words):
        shard = shards[key_of(word)]
        docs: set[int] = set()
        hits: set[int] = set()  # … of this word
        title: dict[int, int] = {}
        for term in _terms(shard, word, at == last):
            _, forms, postings = shard[term]
            if isinstance(postings, int):
                postings = fetch(f"p/{term}.json")
            docs.update(decode_list(postings[0]))
            hits.update(decode_list(postings[1]))
            for i, form in enumerate(forms):
                exact = 2 if q.forms[at] is not None and form == q.forms[at] else 1
                for doc in decode_list(postings[i + 2]):
                    hits.add(doc)
                    title[doc] = max(title.get(doc, 0), exact)
        strong |= hits
        matched.append(docs | hits)
        in_title.append(title)
    found = set.intersection(*matched) & strong if matched else set()

    def rank(doc: int) -> tuple[int, int, int, int]:
        marks = [t.get(doc, 0) for t in in_title]
        return (0 if all(marks) else 1, -marks.count(2), -sum(1 for m in marks if m), doc)

    return sorted(found, key=rank)


def distance(a: str, b: str) -> int:
    """Edit distance of ``a`` and ``b``: insertions, deletions, substitutions and swaps of two
    neighbouring letters each cost 1 (optimal string alignment; "lnag" → "lang" is 1)."""
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        earlier, before, row = before, row, [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(before[j] + 1, row[j - 1] + 1, before[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], earlier[j - 2] + 1)
    return row[len(b)]


def closest(word: str, known: Sequence[str]) -> str | None:
    """The first of ``known`` (commonest first) at the smallest distance from ``word``, at most
    1 for a word of 3 letters or fewer, else 2; ``None`` when none is that close."""
    best, most = None, (1 if len(word) <= 3 else 2)
    for candidate in known:
        if abs(len(candidate) - len(word)) > most or candidate == word:
            continue
        found = distance(word, candidate)
        if found <= most:
            best, most = candidate, found - 1
            if most < 1:
                break
    return best


def suggest(fetch: Fetch, query: str) -> str | None:
    """The "Có phải bạn muốn tìm" query: ``query`` with each word that matches nothing replaced
    by its :func:`closest` known word (``tim/w.json``, read only then); the other words as typed
    (with their accents); ``None`` when every word matches or one has no close word."""
    q = _prepared(query)
    if q is None:
        return None
    shards = _shards(fetch, q)
    last = len(q.words) - 1
    unknown = [at for at, w in enumerate(q.words) if not _terms(shards[key_of(w)], w, at == last)]
    if not unknown or any(len(q.words[at]) < 2 for at in unknown):
        return None
    listing = str(fetch("w.json") or "")
    known = listing.split(" ") if listing else []
    said = [form or word for word, form in zip(q.words, q.forms, strict=True)]
    for at in unknown:
        found = closest(q.words[at], known)
        if found is None:
            return None
        said[at] = found
    return " ".join(said)


def first_query_plan(out: Path, query: str, shown: int = PAGE) -> list[Path]:
    """The files portal-search.js fetches, in order, to show the first ``shown`` results of
    ``query`` on a fresh page: the manifest, dictionaries, postings files, record chunks; with
    no result, ``w.json`` when a word matches nothing (for :func:`suggest`)."""
    folder = out / FOLDER
    read: list[Path] = []

    def fetch(name: str) -> Any:
        path = folder / name
        if path not in read:
            read.append(path)
        return json.loads(path.read_bytes())

    ids = run_query(fetch, query)
    if not ids:
        suggest(fetch, query)
    manifest = json.loads((folder / "m.json").read_bytes()) if ids else {"c": CHUNK}
    for doc in ids[:shown]:
        path = folder / "d" / f"{doc // manifest['c']}.json"
        if path not in read:
            read.append(path)
    return read


def plan_bytes(paths: Iterable[Path]) -> int:
    """The raw bytes of ``paths`` (for the benchmark's table)."""
    return sum(p.stat().st_size for p in paths)
