"""The record of printed plaques: ``plaques-printed.txt`` in ``docs_dir``, one line per plaque.

A plaque on a wall can never be recalled, so what was printed is written down and checked on
every build (``shared/cases`` C-11, issue 12): a printed plaque must stay in ``plaques.yml``
(active, replaced or retired), ``site_url`` must still be the address its QR code holds, and the
plaque may only lead to the place it led to when printed (:func:`langso.plaques.resolve.
check_printed`). The file is written by ``langso plaques print`` and committed with the content;
one line per plaque, five columns separated by `` | `` (a page path may hold spaces)::

    # mã | ngày in | địa chỉ trong mã QR | trang biển dẫn tới khi in | tên trên biển
    dinh | 2026-11-01 | https://example.github.io/lang-so/q/dinh/ | dia-diem/dinh.md | Đình làng

The target is the plaque's ``trang`` as written in ``plaques.yml`` when it was printed; ``-``
when it is not known (a plaque already taken down when an old record was migrated). The name is
the plaque's ``ten``: the words on the wall, quoted in messages. The first format had three
columns separated by spaces (``id date url``) and no target: such a line is still read, gets a
warning, and ``langso plaques migrate`` rewrites it (:func:`migrate_lines`). Lines starting with
``#`` are comments.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from langso.paths import repo_path
from langso.problems import Problem
from langso.schema import decode_text

__all__ = [
    "HEADER",
    "PRINTED_FILE",
    "UNKNOWN",
    "PrintedPlaque",
    "append_printed",
    "format_line",
    "migrate_lines",
    "read_printed",
]

PRINTED_FILE = "plaques-printed.txt"
UNKNOWN = "-"
"""The target (or name) column of a plaque whose print-time target is not known."""
SEPARATOR = " | "
HEADER = (
    "# Biển mã QR đã in. Không xóa, không sửa dòng nào: biển trên tường chỉ được dẫn tới nơi\n"
    "# đã in, tới biển thay thế (`thay_bang`) hay lời nhắn ngừng (`ngung`). Lệnh\n"
    "# `langso plaques print` tự ghi thêm dòng. Xem docs/in-bien.md.\n"
    "# Printed QR plaques. Never delete or edit a line: a plaque on a wall may only lead to the\n"
    "# place it was printed for, its replacement (`thay_bang`) or its retirement notice\n"
    "# (`ngung`). `langso plaques print` appends the lines. See docs/in-bien.md.\n"
    "# mã | ngày in | địa chỉ trong mã QR | trang biển dẫn tới khi in | tên trên biển\n"
    "# id | printed | URL in the QR code | page it led to when printed | name on the plaque\n"
)


@dataclass(frozen=True)
class PrintedPlaque:
    """One printed plaque.

    Attributes:
        id: the plaque id.
        printed: the day it was printed.
        url: the URL its QR code holds.
        line: the line of the record.
        target: the ``trang`` it led to when printed; ``None`` when not known (``-``, or a line
            of the first format).
        name: the plaque's ``ten`` when printed, or ``None``.
        old_format: the line is of the first, three-column format (no target column yet).
    """

    id: str
    printed: dt.date
    url: str
    line: int
    target: str | None = None
    name: str | None = None
    old_format: bool = False


def _day(text: str) -> dt.date:
    """``2026-11-01`` or ``01/11/2026``.

    Raises:
        ValueError: for anything else.
    """
    for day_format in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, day_format).date()
        except ValueError:
            continue
    raise ValueError(text)


def _parse(line: str, number: int) -> PrintedPlaque:
    """One line, not a comment, of either format.

    Raises:
        ValueError: when it is neither.
    """
    if "|" not in line:
        plaque_id, day, url = line.split()  # the first format, or a ValueError
        return PrintedPlaque(plaque_id, _day(day), url, number, old_format=True)
    # The name is last and may itself hold a `|`: split off the four columns before it.
    cells = [cell.strip() for cell in line.split("|", 4)]
    if len(cells) != 5 or not all(cells) or any(len(c.split()) != 1 for c in cells[:3]):
        raise ValueError(line)
    plaque_id, day, url, target, name = cells
    return PrintedPlaque(
        plaque_id,
        _day(day),
        url,
        number,
        target=None if target == UNKNOWN else target,
        name=None if name == UNKNOWN else name,
    )


def read_printed(docs_dir: Path, docs_rel: str) -> tuple[dict[str, PrintedPlaque], list[Problem]]:
    """Read the record; a missing file means nothing has been printed yet.

    Returns:
        ``({id: PrintedPlaque}, problems)``: a plaque printed twice keeps its first line; a line
        of neither format is a ``record.bad-line`` error at its line; a file that is not UTF-8
        is the problem of :func:`langso.schema.decode_text`.
    """
    path = docs_dir / PRINTED_FILE
    rel = repo_path(docs_rel, PRINTED_FILE)
    if not path.is_file():
        return {}, []
    text, problems = decode_text(path.read_bytes(), rel)
    if text is None:
        return {}, problems
    records: dict[str, PrintedPlaque] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            record = _parse(line, number)
        except ValueError:
            problems.append(Problem(rel, number, "record.bad-line", params={"text": line}))
            continue
        records.setdefault(record.id, record)
    return records, problems


def format_line(plaque_id: str, day: dt.date, url: str, target: str | None, name: str) -> str:
    """One line of the record, without its line break; ``target`` ``None`` is written ``-``.

    Line breaks and ``|`` in the name (never in an id, a URL or a page path) become spaces and
    ``/``, so the line stays one line of five columns.
    """
    name = " ".join(name.replace("|", "/").split()) or UNKNOWN
    cells = (plaque_id, day.isoformat(), url, target or UNKNOWN, name)
    return SEPARATOR.join(cells)


def append_printed(docs_dir: Path, lines: list[str]) -> Path:
    """Add ``lines`` (see :func:`format_line`) to the record, creating it with its header.

    Returns:
        The path of the record.
    """
    path = docs_dir / PRINTED_FILE
    existing = path.read_text(encoding="utf-8-sig") if path.is_file() else HEADER
    if existing and not existing.endswith("\n"):
        existing += "\n"
    path.write_text(existing + "".join(f"{line}\n" for line in lines), encoding="utf-8")
    return path


def migrate_lines(
    text: str, fill: Callable[[str], tuple[str | None, str] | None]
) -> tuple[str, list[str]]:
    """Rewrite every line of the first format in ``text`` with its target and name.

    Args:
        text: the record.
        fill: maps a plaque id to ``(target or None, name)`` from today's registry, or ``None``
            when the registry has no such plaque (the line is then left as it is: the build
            reports the missing plaque).

    Returns:
        The new text (the first-format header comments replaced by :data:`HEADER`; other
        comments and every line of the new format kept as they are) and the ids migrated.
    """
    lines: list[str] = []
    migrated: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("#") or not line:
            lines.append(raw)
            continue
        try:
            record = _parse(line, number)
        except ValueError:
            lines.append(raw)
            continue
        filled = fill(record.id) if record.old_format else None
        if filled is None:
            lines.append(raw)
            continue
        target, name = filled
        lines.append(format_line(record.id, record.printed, record.url, target, name))
        migrated.append(record.id)
    body = "\n".join(lines).strip("\n") + "\n"
    if migrated and _OLD_HEADER_START in text:
        # The old header described three columns: the new one describes five.
        kept = [raw for raw in body.splitlines() if not _is_old_header(raw)]
        body = HEADER + "\n".join(kept).strip("\n") + "\n"
    return body, migrated


_OLD_HEADER_START = "# Biển mã QR đã in: không xóa dòng nào."


def _is_old_header(line: str) -> bool:
    """The two header comments the first format was written with."""
    return line.startswith(_OLD_HEADER_START) or line.startswith("# id  ngày in / printed")
