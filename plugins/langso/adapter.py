"""What every Làng số MkDocs plugin shares: locating the content and reporting problems.

This is the only module besides the ``plugin.py`` files that knows MkDocs.

Problems are logged one by one as they are found, under the ``mkdocs.plugins.langso`` logger
(so ``--strict`` counts warnings), each starting with its repository-relative path and line. The
build stops in a last ``on_files`` handler (:data:`GATE_PRIORITY`), after every plugin has checked
its files, so one run lists every mistake before anything is built from them.
"""

from __future__ import annotations

import logging
import os
import weakref
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from langso.problems import Problem

__all__ = ["GATE_PRIORITY", "Reporter", "cache_folder", "content_location", "log"]

log = logging.getLogger("mkdocs.plugins.langso")
GATE_PRIORITY = -1000
"""``on_files`` priority of the handlers that stop the build: after every plugin's own checks."""


def content_location(config: MkDocsConfig) -> tuple[Path, str]:
    """Return ``docs_dir`` and its path relative to the repository (the folder of mkdocs.yml)."""
    docs_dir = Path(config.docs_dir)
    root = Path(config.config_file_path or ".").resolve().parent
    try:
        rel = Path(os.path.relpath(docs_dir.resolve(), root)).as_posix()
    except ValueError:  # another drive on Windows
        rel = docs_dir.name
    return docs_dir, rel


def cache_folder(config: MkDocsConfig, kind: str) -> Path:
    """``.cache/langso/<kind>`` beside ``mkdocs.yml``: where the plugins keep work between builds
    (safe to delete; see :mod:`langso.cache`)."""
    root = Path(config.config_file_path or ".").resolve().parent
    return root / ".cache" / "langso" / kind


class Reporter:
    """Logs problems and counts the errors one plugin found in one build.

    Every plugin has its own reporter; :meth:`stop_if_errors` sums the reporters of the same
    build, so the summary counts every error whichever plugin's gate runs first.
    """

    _all: ClassVar[weakref.WeakSet[Reporter]] = weakref.WeakSet()

    def __init__(self) -> None:
        self.errors = 0
        self.build: int | None = None
        Reporter._all.add(self)

    def reset(self, config: MkDocsConfig) -> None:
        """Start counting for the build of ``config`` (``mkdocs serve`` builds many times)."""
        self.errors = 0
        self.build = id(config)

    def report(self, problems: Iterable[Problem]) -> None:
        """Log each problem at its severity: ERROR, WARNING or INFO."""
        for problem in problems:
            if problem.severity == "error":
                self.errors += 1
                log.error(problem.format())
            elif problem.severity == "warning":
                log.warning(problem.format())
            else:
                log.info(problem.format())

    def stop_if_errors(self, config: MkDocsConfig) -> None:
        """Raise :class:`PluginError` when any plugin reported errors in this build.

        Raises:
            PluginError: with a bilingual one-line summary; the details were logged above.
        """
        errors = sum(r.errors for r in Reporter._all if r.build == id(config))
        if errors:
            raise PluginError(
                f"Làng số: {errors} lỗi trong nội dung, xem các dòng ở trên — sửa rồi chạy lại."
                f" / {errors} error(s) in the content, listed above — fix them and run again."
            )
