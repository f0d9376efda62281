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

A print that never left the office (a wrong address, a test run recorded by mistake) is voided by
``langso plaques huy-in <id>``, which appends a line rather than deleting one (issue 13)::

    hủy in | dinh | 2026-12-05 | in nhầm địa chỉ tạm, chưa gắn

Four columns: the words ``hủy in`` (never a plaque id: ids are ASCII without spaces), the plaque
id, the day and the reason (``-`` when none). Every print of that plaque recorded above it is then
no longer in force: the build no longer binds the plaque to its address or target, and the next
``langso plaques print`` records it again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from langso.paths import repo_path
from langso.problems import Problem
from langso.schema import decode_text
from langso.text import fold

__all__ = [
    "HEADER",
    "PRINTED_FILE",
    "UNKNOWN",
    "VOID",
    "PrintedPlaque",
    "append_printed",
    "format_line",
    "migrate_lines",
    "read_printed",
    "void_line",
]

PRINTED_FILE = "plaques-printed.txt"
VOID = "hủy in"
"""The first column of a line that voids the prints of a plaque recorded above it."""
UNKNOWN = "-"
"""The target (or name) column of a plaque whose print-time target is not known."""
SEPARATOR = " | "
HEADER = (
    "# Biển mã QR đã in. Không xóa, không sửa dòng nào: biển trên tường chỉ được dẫn tới nơi\n"
    "# đã in, tới biển thay thế (`thay_bang`) hay lời nhắn ngừng (`ngung`). Xem docs/in-bien.md.\n"
    "# `langso plaques print` tự ghi thêm dòng; `langso plaques huy-in` hủy bản in chưa rời\n"
    "# văn phòng. / Printed QR plaques. Never delete or edit a line: a plaque on a wall may\n"
    "# only lead to the place it was printed for, its replacement (`thay_bang`) or its notice\n"
    "# (`ngung`). `langso plaques print` appends lines; `huy-in` voids an unposted print.\n"
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


class BadCell(ValueError):
    """A line of the record with its columns, one of which holds a wrong value (issue 12: say
    which column and what it must hold, not only that the line is wrong).

    Attributes:
        code: the message kind (``record.bad-date``, ``record.url-id``).
        params: its parameters, besides the line's text.
    """

    def __init__(self, code: str, **params: str) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def _cell_day(text: str) -> dt.date:
    """The printing-day column.

    Raises:
        BadCell: ``record.bad-date`` when it is not a real day in either form.
    """
    try:
        return _day(text)
    except ValueError:
        raise BadCell("record.bad-date", date=text) from None


def _cell_url(url: str, plaque_id: str) -> str:
    """The URL column: the plaque's own short URL, ending with ``q/<id>/``.

    A URL of another id is a line mixing two plaques (a copy-and-paste slip, or an edit), not a
    moved site: ``plaque.url-changed`` would blame ``site_url``.

    Raises:
        BadCell: ``record.url-id`` when the URL's path does not end with ``/q/<id>/``.
    """
    if not urlsplit(url).path.endswith(f"/q/{plaque_id}/"):
        raise BadCell("record.url-id", id=plaque_id, url=url, short=f"q/{plaque_id}/")
    return url


def _parse(line: str, number: int) -> PrintedPlaque:
    """One line, not a comment, of either format.

    Raises:
        ValueError: when it is neither.
    """
    if "|" not in line:
        plaque_id, day, url = line.split()  # the first format, or a ValueError
        return PrintedPlaque(
            plaque_id, _cell_day(day), _cell_url(url, plaque_id), number, old_format=True
        )
    # The name is last and may itself hold a `|`: split off the four columns before it.
    cells = [cell.strip() for cell in line.split("|", 4)]
    if len(cells) != 5 or not all(cells) or any(len(c.split()) != 1 for c in cells[:3]):
        raise ValueError(line)
    plaque_id, day, url, target, name = cells
    return PrintedPlaque(
        plaque_id,
        _cell_day(day),
        _cell_url(url, plaque_id),
        number,
        target=None if target == UNKNOWN else target,
        name=None if name == UNKNOWN else name,
    )


def _void(line: str) -> str | None:
    """The plaque id of a void line (``hủy in | id | day | reason``), ``None`` for another line.

    Raises:
        ValueError: a line starting with ``hủy in`` but not of that form.
    """
    cells = [cell.strip() for cell in line.split("|", 3)]
    if fold(cells[0]) != fold(VOID):
        return None
    if len(cells) != 4 or len(cells[1].split()) != 1 or not cells[3]:
        raise ValueError(line)
    _day(cells[2])
    return cells[1]


def void_line(plaque_id: str, day: dt.date, reason: str) -> str:
    """The line voiding the prints of ``plaque_id`` recorded so far, without its line break;
    an empty reason is written ``-``, its line breaks as spaces."""
    return SEPARATOR.join((VOID, plaque_id, day.isoformat(), " ".join(reason.split()) or UNKNOWN))


def read_printed(docs_dir: Path, docs_rel: str) -> tuple[dict[str, PrintedPlaque], list[Problem]]:
    """Read the record; a missing file means nothing has been printed yet.

    Returns:
        ``({id: PrintedPlaque}, problems)``: the prints in force. A plaque printed twice keeps
        its first line; a void line (:func:`void_line`) drops the print of its plaque recorded
        above it, so a later print line counts again. A line of neither format is a
        ``record.bad-line`` error at its line, a void line for a plaque with no print in force
        a ``record.void-unknown`` error; a file that is not UTF-8 is the problem of
        :func:`langso.schema.decode_text`.
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
            voided = _void(line)
            record = _parse(line, number) if voided is None else None
        except BadCell as error:  # the columns are there, one of them is wrong
            params = {"text": line, "record": rel, **error.params}
            problems.append(Problem(rel, number, error.code, params=params))
            continue
        except ValueError:
            problems.append(Problem(rel, number, "record.bad-line", params={"text": line}))
            continue
        if record is not None:
            records.setdefault(record.id, record)
        elif voided is not None and records.pop(voided, None) is None:
            params = {"id": voided}
            problems.append(Problem(rel, number, "record.void-unknown", params=params))
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
