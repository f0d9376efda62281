"""The record of printed plaques: ``plaques-printed.txt`` in ``docs_dir``, one line per plaque.

A plaque on a wall can never be recalled, so what was printed is written down and checked on
every build (``shared/cases`` C-11): a printed plaque must stay in ``plaques.yml`` (active,
replaced or retired), and ``site_url`` must still be the address its QR code holds. The file is
written by ``langso plaques print`` (or by hand) and committed with the content::

    # id        printed      QR URL
    dinh-la-thon 2026-11-01 https://example.github.io/lang-so/q/dinh-la-thon/

Lines starting with ``#`` are comments.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from langso.paths import repo_path
from langso.problems import Problem
from langso.text import nfc

__all__ = ["PRINTED_FILE", "PrintedPlaque", "append_printed", "read_printed"]

PRINTED_FILE = "plaques-printed.txt"
_HEADER = (
    "# Biển mã QR đã in: không xóa dòng nào. / Printed plaques: never delete a line.\n"
    "# id  ngày in / printed  địa chỉ trong mã QR / URL in the QR code\n"
)


@dataclass(frozen=True)
class PrintedPlaque:
    """One printed plaque: its id, the day it was printed and the URL its QR code holds."""

    id: str
    printed: dt.date
    url: str
    line: int


def _day(text: str) -> dt.date:
    """``2026-11-01`` or ``01/11/2026``."""
    for day_format in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, day_format).date()
        except ValueError:
            continue
    raise ValueError(text)


def read_printed(docs_dir: Path, docs_rel: str) -> tuple[dict[str, PrintedPlaque], list[Problem]]:
    """Read the record; a missing file means nothing has been printed yet.

    Returns:
        ``({id: PrintedPlaque}, problems)``; a plaque printed twice keeps its first line.
    """
    path = docs_dir / PRINTED_FILE
    rel = repo_path(docs_rel, PRINTED_FILE)
    if not path.is_file():
        return {}, []
    records: dict[str, PrintedPlaque] = {}
    problems: list[Problem] = []
    for number, raw in enumerate(nfc(path.read_text(encoding="utf-8")).splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        try:
            plaque_id, day, url = parts
            printed = _day(day)
        except ValueError:
            problems.append(Problem(rel, number, "record.bad-line", params={"text": line}))
            continue
        records.setdefault(plaque_id, PrintedPlaque(plaque_id, printed, url, number))
    return records, problems


def append_printed(docs_dir: Path, plaques: list[tuple[str, str]], day: dt.date) -> Path:
    """Add ``(id, url)`` lines printed on ``day`` to the record, creating it with a header.

    Returns:
        The path of the record.
    """
    path = docs_dir / PRINTED_FILE
    existing = path.read_text(encoding="utf-8") if path.is_file() else _HEADER
    if existing and not existing.endswith("\n"):
        existing += "\n"
    lines = "".join(f"{plaque_id} {day.isoformat()} {url}\n" for plaque_id, url in plaques)
    path.write_text(existing + lines, encoding="utf-8")
    return path
