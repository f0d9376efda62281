"""What the ``langso`` commands share: the ``--config`` option, ``mkdocs.yml`` read
(:func:`read_config`) and the site in it, problem reports and writing PDF files, each mistake
explained in Vietnamese then English (:class:`UserError`, :class:`PrintError`)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from langso.printing import Pdf, PrintError
from langso.problems import Problem

__all__ = [
    "Site",
    "UserError",
    "config_option",
    "make_folder",
    "pdf_or_explain",
    "plugin_option",
    "read_config",
    "report_problems",
    "write_file",
]


class UserError(Exception):
    """A mistake of the person running the command: printed as is, exit status 1."""


def read_config(config_file: str) -> MkDocsConfig:
    """Load ``mkdocs.yml``, or explain in Vietnamese and English why it cannot be read.

    Raises:
        UserError: the file is missing or MkDocs cannot read it.
    """
    if not Path(config_file).is_file():
        raise UserError(
            f"{config_file}: không có tệp cấu hình này — chạy lệnh trong thư mục có mkdocs.yml "
            f"hoặc chỉ đường bằng --config\n    (en) no such configuration file — run the "
            "command in the folder holding mkdocs.yml or give --config"
        )
    try:
        config = load_config(config_file=config_file)
    except MkDocsException as error:
        raise UserError(
            f"{config_file}: không đọc được cấu hình: {error.format_message()}\n"
            f"    (en) the configuration could not be read: {error.format_message()}"
        ) from None
    return config


def config_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--config``/``-f`` (the site's ``mkdocs.yml``, default ``mkdocs.yml``) to ``parser``."""
    parser.add_argument(
        "--config",
        "-f",
        default="mkdocs.yml",
        metavar="mkdocs.yml",
        help="tệp cấu hình của trang / the site's configuration file (mặc định/default: "
        "%(default)s)",
    )


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
