"""What the ``langso`` commands share: the site read from ``mkdocs.yml``, problem reports and
writing PDF files, each mistake explained in Vietnamese then English (:class:`PrintError`)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from langso.printing import Pdf, PrintError
from langso.problems import Problem

__all__ = [
    "Site",
    "make_folder",
    "pdf_or_explain",
    "plugin_option",
    "report_problems",
    "write_file",
]


@dataclass(frozen=True)
class Site:
    """What the plaque commands read from ``mkdocs.yml``.

    Attributes:
        config: the loaded configuration.
        site_url: ``site_url``, checked absolute and ASCII (:func:`langso.printing.check_site_url`).
        docs_dir, docs_rel: the content folder, and its path relative to the repository.
        config_file: the configuration file as given on the command line (for messages).
    """

    config: MkDocsConfig
    site_url: str
    docs_dir: Path
    docs_rel: str
    config_file: str = "mkdocs.yml"


def plugin_option(config: MkDocsConfig, plugin: str, name: str, default: Any) -> Any:
    """The option ``name`` of ``plugin`` in ``config``; ``default`` without the plugin."""
    instance = config.plugins.get(plugin)
    options = getattr(instance, "config", None)
    return getattr(options, name, default) if options is not None else default


def report_problems(problems: Sequence[Problem]) -> int:
    """Print every problem to standard error; return how many are errors."""
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    return sum(1 for p in problems if p.severity == "error")


def pdf_or_explain(make: Callable[[], Pdf]) -> Pdf:
    """``make()``, or the reason WeasyPrint could not start.

    Raises:
        PrintError: WeasyPrint's system libraries (Pango) are missing.
    """
    try:
        return make()
    except OSError as error:  # WeasyPrint could not load Pango and friends
        raise PrintError(
            f"không chạy được WeasyPrint: {error} — cài thư viện Pango theo "
            "https://doc.courtbouillon.org/weasyprint/stable/first_steps.html",
            f"WeasyPrint could not start: {error} — install Pango as the link explains",
        ) from None


def make_folder(folder: Path) -> None:
    """Create ``folder`` and its parents.

    Raises:
        PrintError: it cannot be created.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PrintError(
            f"{folder}: không tạo được thư mục: {error.strerror}",
            f"could not create the folder: {error.strerror}",
        ) from None


def write_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``.

    Raises:
        PrintError: it cannot be written.
    """
    try:
        path.write_bytes(data)
    except OSError as error:
        raise PrintError(
            f"{path}: không ghi được tệp: {error.strerror}",
            f"could not write the file: {error.strerror}",
        ) from None
