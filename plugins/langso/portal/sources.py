"""Read every village of a portal file into :class:`~langso.portal.model.VillageResult` values.

For each :class:`~langso.portal.config.Source`:

- ``project`` (a folder with ``mkdocs.yml``): built by a fresh process ``python -m mkdocs build
  --strict -q -f mkdocs.yml -d <cache>/dung/<key>/site`` run in the project's folder, at most
  ``jobs`` at a time (a failing build never stops the others; its first message lines are kept);
  with ``built_dir`` (``--da-dung``: sites built by CI) ``<built_dir>/<key>/lang-so.json`` is read
  instead, ``<key>`` being :func:`~langso.portal.config.project_key` (its folder's name);
- ``built`` (a folder with ``lang-so.json``): that file is read;
- ``url``: ``<dia_chi>lang-so.json`` is fetched (:func:`langso.portal.fetch.fetch_bytes`, a few at
  a time in threads).

Every summary, local or remote, is checked by :func:`langso.summary.read.read_summary`. A good one
is stored in the cache (``.cache/langso/portal/`` beside the portal file: one JSON file per source
holding the summary and the day it was read); when a source fails, its last good copy is used
(status ``"ban-luu"``, with that day), else the village is ``"loi"``. The key of a village
project is :func:`~langso.portal.config.project_key`, its folder's name (``lang/tan-ngu`` →
``tan-ngu``: its address in one repository for many villages, stable when its name is fixed;
the portal file refuses two projects with the same key); the key of a built folder or a
published site, which only names its portal page, is :func:`village_key` of its summary
(``yen-dinh-la-thon``), made unique with ``-2``… A second source giving the same village (same
:func:`village_key`) is ``"loi"`` (``portal.same-village``). No MkDocs import.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from langso.portal.config import PortalFile, Source, normal_url, project_key, url_problem
from langso.portal.fetch import FetchError, FetchSettings, fetch_bytes
from langso.portal.model import VillageResult, VillageStatus
from langso.problems import Problem
from langso.summary.read import MAX_SUMMARY_BYTES, SUMMARY_URI, read_summary
from langso.text import nfc, slugify

__all__ = [
    "BUILD_TIMEOUT",
    "CACHE_DIR",
    "SummaryCache",
    "collect_villages",
    "project_key",
    "village_key",
]

CACHE_DIR = ".cache/langso/portal"
"""The cache folder, relative to the portal file's folder."""

BUILD_TIMEOUT = 30 * 60
"""Seconds one village build may take before it is stopped and reported."""

_FETCHES = 8  # downloads at a time: waiting on the network, not the CPU
_BUILD_LINES = 8  # message lines of a failed build kept in the report
_COMMUNE_WORDS = ("xã ", "phường ", "đặc khu ", "thị trấn ")


def village_key(commune: str, name: str) -> str:
    """The village's key in the portal: its commune without ``xã``/``phường``… and its name,
    slugged (``xã Yên Định``, ``Là Thôn`` → ``yen-dinh-la-thon``); ``lang`` when both are empty."""
    bare = nfc(commune).strip()
    for word in _COMMUNE_WORDS:
        if bare.lower().startswith(word):
            bare = bare[len(word) :]
            break
    return slugify(f"{bare} {nfc(name)}") or "lang"


class SummaryCache:
    """The last good summary of each source, with the day it was read, in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _file(self, source: Source) -> Path:
        identity = f"{source.kind}:{source.folder or source.url}"
        return self.folder / f"{hashlib.sha256(identity.encode()).hexdigest()[:24]}.json"

    def store(self, source: Source, summary: dict[str, Any], day: dt.date) -> None:
        """Keep ``summary`` as read on ``day`` (written whole or not at all)."""
        record = {"nguon": source.source, "ngay_doc": day.isoformat(), "tom_tat": summary}
        path = self._file(source)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(".tmp")
            temporary.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
            temporary.replace(path)
        except OSError:
            pass  # no cache this time: the portal is still built

    def load(self, source: Source) -> tuple[dict[str, Any], dt.date] | None:
        """The last good copy and its day, checked again; ``None`` when there is none."""
        try:
            record = json.loads(self._file(source).read_text(encoding="utf-8"))
            day = dt.date.fromisoformat(record["ngay_doc"])
            data = json.dumps(record["tom_tat"], ensure_ascii=False).encode()
        except (OSError, ValueError, KeyError, TypeError):
            return None
        summary, _ = read_summary(data, source.source)
        return (summary, day) if summary is not None else None


@dataclass(frozen=True)
class _Outcome:
    """What one source gave today: a checked summary, or why not (Vietnamese, then English)."""

    summary: dict[str, Any] | None
    problem: str | None = None


def _problem_text(source: str, code: str, details: Iterable[str] = (), **params: object) -> str:
    problem = Problem(source, None, code, params=params)
    lines = [problem.text("vi"), f"    (en) {problem.text('en')}", *details]
    return "\n".join(lines)


def collect_villages(
    portal: PortalFile,
    *,
    jobs: int,
    today: dt.date,
    built_dir: Path | None = None,
    settings: FetchSettings | None = None,
    cache: SummaryCache | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[VillageResult]:
    """Read every source of ``portal``, in its order; see the module doc.

    Args:
        jobs: village builds at a time (≥ 1).
        today: the day recorded for a fresh read.
        built_dir: ``--da-dung``: read village projects from ``<built_dir>/<key>/`` unbuilt.
        settings: network patience (default :class:`FetchSettings`; tests shrink it).
        cache: the cache; default ``.cache/langso/portal/`` beside the portal file.
        progress: called with a line as each build starts (for the command's output).
    """
    cache = cache or SummaryCache(portal.path.parent / CACHE_DIR)
    outcomes: dict[int, _Outcome] = {}
    builds = [(i, s) for i, s in enumerate(portal.sources) if s.kind == "project"]
    fetches = [(i, s) for i, s in enumerate(portal.sources) if s.kind == "url"]
    with ThreadPoolExecutor(max_workers=_FETCHES) as pool:
        patience = settings or FetchSettings()
        fetched = {i: pool.submit(_fetch, s, patience) for i, s in fetches}
        if built_dir is None:
            build_root = cache.folder / "dung"
            with ThreadPoolExecutor(max_workers=max(1, jobs)) as builders:
                built = {i: builders.submit(_build, s, build_root, progress) for i, s in builds}
                outcomes.update({i: future.result() for i, future in built.items()})
        else:
            outcomes.update({i: _read_ci_build(s, built_dir) for i, s in builds})
        for i, source in enumerate(portal.sources):
            if source.kind == "built":
                assert source.folder is not None
                outcomes[i] = _read_file(
                    source.folder / SUMMARY_URI, source.source, _file_shown(source.source)
                )
        outcomes.update({i: future.result() for i, future in fetched.items()})
    return _results(portal, [outcomes[i] for i in range(len(portal.sources))], cache, today)


def _file_shown(folder: str) -> str:
    """``folder/lang-so.json``: the file a message names (``folder`` as the portal file wrote
    it, a path or a URL)."""
    return f"{folder.rstrip('/')}/{SUMMARY_URI}"


def _read_file(path: Path, where: str, file_shown: str) -> _Outcome:
    """A built site's ``lang-so.json``, at most :data:`MAX_SUMMARY_BYTES` + 1 bytes read;
    ``where``: the source (first in the report), ``file_shown``: the file, in its messages."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_SUMMARY_BYTES + 1)
    except OSError:
        return _Outcome(None, _problem_text(where, "portal.not-built", path=SUMMARY_URI))
    return _checked(data, where, file_shown)


def _checked(data: bytes, where: str, file_shown: str) -> _Outcome:
    summary, messages = read_summary(data, file_shown)
    if summary is None:
        return _Outcome(None, _problem_text(where, "portal.summary-invalid", messages))
    return _Outcome(summary)


def _fetch(source: Source, settings: FetchSettings) -> _Outcome:
    assert source.url is not None
    url = source.url + SUMMARY_URI
    try:
        data = fetch_bytes(url, settings)
    except FetchError as error:
        return _Outcome(
            None,
            _problem_text(
                source.source, "portal.fetch-failed", url=url, why_vi=error.vi, why_en=error.en
            ),
        )
    return _checked(data, source.source, url)


def _read_ci_build(source: Source, built_dir: Path) -> _Outcome:
    assert source.folder is not None
    key = project_key(source.folder)
    path = built_dir / key / SUMMARY_URI
    if not path.is_file():
        shown = f"{key}/{SUMMARY_URI}"
        return _Outcome(None, _problem_text(source.source, "portal.not-built", path=shown))
    return _read_file(path, source.source, f"--da-dung/{key}/{SUMMARY_URI}")


def _build(source: Source, root: Path, progress: Callable[[str], None] | None) -> _Outcome:
    """Build one village project in a fresh process; its summary, or its first messages."""
    assert source.folder is not None
    key = project_key(source.folder)
    site = (root / key / "site").resolve()
    if progress is not None:
        progress(source.source)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", "mkdocs.yml"]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    try:
        result = subprocess.run(
            [*command, "-d", str(site)],
            cwd=source.folder,
            env=environment,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=BUILD_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        text = _problem_text(source.source, "portal.build-failed", status=f"> {BUILD_TIMEOUT} s")
        return _Outcome(None, text)
    if result.returncode != 0:
        lines = [line for line in (result.stderr + result.stdout).splitlines() if line.strip()]
        shown = [f"    | {line[:300]}" for line in lines[:_BUILD_LINES]]
        if len(lines) > _BUILD_LINES:
            shown.append(f"    | … (+{len(lines) - _BUILD_LINES})")
        text = _problem_text(source.source, "portal.build-failed", shown, status=result.returncode)
        return _Outcome(None, text)
    built = f"{CACHE_DIR}/dung/{key}/site/{SUMMARY_URI}"
    return _read_file(site / SUMMARY_URI, source.source, built)


def _results(
    portal: PortalFile, outcomes: list[_Outcome], cache: SummaryCache, today: dt.date
) -> list[VillageResult]:
    results: list[VillageResult] = []
    keys = {
        project_key(s.folder): s.source
        for s in portal.sources
        if s.kind == "project" and s.folder is not None
    }  # a project's key is its address: fixed first, unique (read_portal_file)
    villages: dict[str, str] = {}
    for source, outcome in zip(portal.sources, outcomes, strict=True):
        summary, problem, day = outcome.summary, outcome.problem, today
        status: VillageStatus = "moi"
        if summary is not None:
            cache.store(source, summary, today)
        else:
            kept = cache.load(source)
            if kept is not None:
                summary, day = kept
                status = "ban-luu"
        if source.kind == "project" and source.folder is not None:
            key = project_key(source.folder)
        else:
            key = _unique(_key_of(source, summary), keys)
            keys[key] = source.source
        if summary is not None:
            identity = _identity(summary)
            if identity in villages:
                village = str(summary["lang"].get("ten_day_du") or identity)
                problem = _problem_text(
                    source.source, "portal.same-village", village=village, other=villages[identity]
                )
                summary, status = None, "loi"
            else:
                villages[identity] = source.source
        if summary is None:
            results.append(VillageResult(key, source.source, None, None, "loi", None, problem))
            continue
        base = source.url or _summary_url(summary)
        results.append(VillageResult(key, source.source, summary, base, status, day, problem))
    return results


def _identity(summary: dict[str, Any]) -> str:
    """:func:`village_key` of a summary: the same village, whichever source gave it."""
    lang = summary.get("lang") or {}
    return village_key(str(lang.get("xa") or ""), str(lang.get("ten") or ""))


def _key_of(source: Source, summary: dict[str, Any] | None) -> str:
    """The key of a built folder or a published site: :func:`_identity` of its summary, else
    its entry slugged."""
    if summary is not None:
        return _identity(summary)
    return slugify(source.source.split("://", 1)[-1]) or "lang"


def _unique(key: str, taken: dict[str, str]) -> str:
    """``key``, or ``key-2``, ``key-3``… when taken (only for villages shown as unavailable)."""
    if key not in taken:
        return key
    number = 2
    while f"{key}-{number}" in taken:
        number += 1
    return f"{key}-{number}"


def _summary_url(summary: dict[str, Any]) -> str | None:
    url = summary.get("dia_chi")
    if not isinstance(url, str) or url_problem(url) is not None:
        return None
    return normal_url(url)
