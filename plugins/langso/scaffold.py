"""``langso new``: starter files for a place, a guide, a service or a plaque (plain Python).

Each starter passes ``langso check`` as written: the volunteer replaces the placeholder text, not
the structure. Names come from :func:`langso.text.slugify` and never overwrite a file; plaque ids
are never reused (neither from ``plaques.yml`` nor from ``plaques-printed.txt``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from langso import clock
from langso.directory.fields import VERIFIER_ROLES
from langso.paths import repo_path
from langso.plaques.model import PLAQUE_ID_MAX
from langso.problems import Problem
from langso.text import nfc, slugify
from langso.textfile import decode_text

__all__ = [
    "EVENT_PLACEHOLDER",
    "KIND_FOLDERS",
    "NOTICE_PLACEHOLDER",
    "Created",
    "add_section_to_nav",
    "add_to_nav",
    "build_day",
    "guide_text",
    "new_plaque_id",
    "place_text",
    "plaque_entry",
    "service_text",
    "starter_line",
    "starter_problems",
    "unique_file",
    "used_plaque_ids",
]

KIND_FOLDERS = {"place": "dia-diem", "guide": "huong-dan"}
"""Folder (inside the content folder) of each kind of page."""


@dataclass(frozen=True)
class Created:
    """What ``langso new`` wrote: the file, and for a page whether it was added to ``nav``."""

    path: Path
    nav: str | None = None
    """``"added"``, ``"none"`` (no nav: every page is listed) or ``"manual"`` (add it yourself)."""


def build_day() -> dt.date:
    """Today as the build sees it (:func:`langso.clock.today`), so a fresh ``xac_minh.ngay`` is
    never "in the future" for the build."""
    return clock.today()


def unique_file(folder: Path, slug: str, suffix: str) -> Path:
    """``folder/slug.suffix``, or ``slug-2``, ``slug-3``… when taken (any case, .yml/.yaml)."""
    taken = {nfc(p.stem).lower() for p in folder.iterdir()} if folder.is_dir() else set()
    name, number = slug, 1
    while name in taken:
        number += 1
        name = f"{slug}-{number}"
    return folder / f"{name}{suffix}"


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _single(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


_PLACE_INTRO = "Viết vài dòng giới thiệu: nơi này ở đâu, có từ bao giờ, vì sao đáng đến."
_PLACE_WAY = "Chỉ đường từ trụ sở xã hoặc một nơi ai cũng biết."
_PLACE_SOURCE = "- Ghi tên sách, bài báo, tài liệu hoặc người kể đã dùng (kèm liên kết nếu có)."
_GUIDE_INTRO = "Hướng dẫn này giúp bà con làm việc gì, mất bao lâu."
_GUIDE_STEPS = ("1. Bước thứ nhất.", "2. Bước thứ hai.")
# The body `langso new thong-bao` / `su-kien` write when no text is typed (langso.cli_new_notice).
NOTICE_PLACEHOLDER = "Viết nội dung thông báo ở đây: việc gì, ở đâu, khi nào, bà con cần làm gì."
EVENT_PLACEHOLDER = "Viết vài dòng về sự kiện: làm gì, ở đâu, ai nên đến, cần mang gì."
# The "Trang mẫu" (sample page) boxes of the pages `langso init` writes (langso/starter/*.md.j2).
_INIT_BOXES = ('!!! note "Trang mẫu"', '!!! warning "Trang mẫu"')
STARTER_LINES = frozenset(
    {
        _PLACE_INTRO,
        _PLACE_WAY,
        _PLACE_SOURCE,
        _GUIDE_INTRO,
        *_GUIDE_STEPS,
        *_INIT_BOXES,
        NOTICE_PLACEHOLDER,
        EVENT_PLACEHOLDER,
    }
)
"""The placeholder lines of :func:`place_text` and :func:`guide_text`, and the "Trang mẫu" boxes
of the pages ``langso init`` writes: text to replace, which :func:`starter_problems` finds when
it is left in a page (``- Điện thoại có mạng`` may be true, so it is not one of them)."""


def starter_line(text: str) -> int | None:
    """The first line (1-based) of the page ``text`` that is one of :data:`STARTER_LINES`."""
    for number, line in enumerate(text.splitlines(), 1):
        if nfc(line.strip()) in STARTER_LINES:
            return number
    return None


def place_text(title: str, text: str = "") -> str:
    """A landmark page: front matter, title and the ``## Nguồn`` section every place needs;
    ``text`` (``--noi-dung``), when given, instead of the introduction's placeholder."""
    return (
        f"---\ntitle: {_quoted(title)}\n---\n\n# {title}\n\n"
        f"{text.strip() or _PLACE_INTRO}\n\n"
        f"## Đường đi\n\n{_PLACE_WAY}\n\n"
        "## Nguồn\n\n"
        f"{_PLACE_SOURCE}\n"
    )


def guide_text(title: str, text: str = "") -> str:
    """A how-to guide: front matter, title, what to prepare and numbered steps; ``text``
    (``--noi-dung``), when given, instead of the introduction's placeholder."""
    return (
        f"---\ntitle: {_quoted(title)}\n---\n\n# {title}\n\n"
        f"{text.strip() or _GUIDE_INTRO}\n\n"
        "## Cần chuẩn bị\n\n- Điện thoại có mạng\n\n"
        f"## Các bước\n\n{_GUIDE_STEPS[0]}\n{_GUIDE_STEPS[1]}\n"
    )


def starter_problems(pages: Mapping[str, str], docs_dir: Path, docs_rel: str) -> list[Problem]:
    """One ``page.starter-text`` warning (not blocking: severity ``info``) per page of
    ``docs_dir`` that still holds a line of :data:`STARTER_LINES`, at the first such line.

    Args:
        pages: each file's ``src_uri`` → its path on disk (other files and folders are skipped).
        docs_dir, docs_rel: the content folder, and its path relative to the repository.
    """
    problems = []
    root = docs_dir.resolve()
    for src_uri, source in sorted(pages.items()):
        path = Path(source)
        if not src_uri.endswith(".md") or not path.resolve().is_relative_to(root):
            continue
        where = repo_path(docs_rel, nfc(src_uri))
        try:
            text, _ = decode_text(path.read_bytes(), where)
        except OSError:
            text = None
        if text is None:
            continue  # an unreadable page is reported by the build
        lines = [
            n for n, line in enumerate(text.splitlines(), 1) if nfc(line.strip()) in STARTER_LINES
        ]
        if lines:
            others = ", ".join(str(n) for n in lines[1:])
            params = {
                "text": nfc(text.splitlines()[lines[0] - 1].strip()),
                "more_vi": f" (và các dòng {others})" if others else "",
                "more_en": f" (and lines {others})" if others else "",
            }
            problems.append(
                Problem(where, lines[0], "page.starter-text", params=params, severity="info")
            )
    return problems


_SERVICE_MO_TA = "# mo_ta: 'Mô tả ngắn.'\n"


def service_text(name: str, category: str, day: dt.date, text: str = "") -> str:
    """A directory entry with the required fields, examples commented out, sample-data flag;
    ``text`` (``--noi-dung``), when given, as its ``mo_ta`` (on one line)."""
    role = VERIFIER_ROLES[0]
    roles = ", ".join(f"'{r}'" for r in VERIFIER_ROLES)
    return (
        "# Mục danh bạ. Bỏ dấu # ở đầu các dòng cần dùng; đặt mọi giá trị trong dấu nháy.\n"
        "# Mọi trường: docs/schema.md. / A directory entry; every field: docs/schema.md.\n"
        f"ten: {_single(name)}\n"
        f"loai: {_single(category)}\n"
        + (f"mo_ta: {_single(' '.join(text.split()))}\n" if text.strip() else _SERVICE_MO_TA)
        + "# dia_chi:\n"
        "#   chi_tiet: 'thôn …'\n"
        "# toa_do: '19.9742, 105.6451'\n"
        "# dien_thoai: '0912 345 678'\n"
        "# gio_mo_cua:\n"
        "#   - ngay: 'T2-T6'\n"
        "#     gio: '7:30-11:30, 13:30-17:00'\n"
        "# thanh_toan: ['tiền mặt', 'VietQR']\n"
        f"# vai_tro là một trong / one of: {roles}\n"
        "xac_minh:\n"
        f"  ngay: '{day:%d/%m/%Y}'\n"
        f"  vai_tro: {_single(role)}\n"
        "# Xóa dòng dưới khi đã điền và kiểm tra thông tin thật. / Delete once the data is real.\n"
        "du_lieu_mau: 'có'\n"
    )


_ID_LINE = re.compile(r"^\s*-?\s*id\s*:\s*['\"]?([^'\"#\s]+)")


def used_plaque_ids(registry_text: str, printed_text: str) -> set[str]:
    """Every plaque id that appears in ``plaques.yml`` or ``plaques-printed.txt``, even broken."""
    ids = {m.group(1) for line in registry_text.splitlines() if (m := _ID_LINE.match(line))}
    for line in printed_text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            ids.add(line.split()[0])
    return ids


def new_plaque_id(title: str, used: Iterable[str]) -> str:
    """A short id from ``title`` (at most the plaque id length), unused: ``-2``, ``-3``…"""
    taken = set(used)
    base = slugify(title)[:PLAQUE_ID_MAX].strip("-") or "bien"
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        tail = f"-{number}"
        candidate = base[: PLAQUE_ID_MAX - len(tail)].strip("-") + tail
    return candidate


def plaque_entry(plaque_id: str, title: str, page: str) -> str:
    """The lines of one registry entry."""
    return f"- id: {_single(plaque_id)}\n  ten: {_single(title)}\n  trang: {_single(page)}\n"


def _nav_block(lines: list[str]) -> tuple[int, int] | None:
    """``(start, end)``: the index of the top-level block-style ``nav:`` line and of the first
    line after its block, or ``None`` when there is none."""
    start = next((i for i, line in enumerate(lines) if re.match(r"^nav\s*:\s*(#.*)?$", line)), None)
    if start is None:
        return None
    for i in range(start + 1, len(lines)):
        if lines[i].strip() and not lines[i][0].isspace() and lines[i][0] not in "#-":
            return start, i
    return start, len(lines)


def add_section_to_nav(config_text: str, section: str, pages: list[str]) -> str | None:
    """Add a new section ``- section:`` listing ``pages`` to a block-style top-level ``nav:``,
    right after its last top-level entry that is a page of a section (e.g. after "Địa điểm"),
    else at the end of the block; indented like the block's own entries.

    Returns the new text, or ``None`` when there is no such ``nav:`` (then nothing is safe to do).
    """
    lines = config_text.splitlines(keepends=True)
    found = _nav_block(lines)
    if found is None:
        return None
    start, end = found
    items = [
        (i, m.group(1)) for i in range(start + 1, end) if (m := re.match(r"^(\s*)-\s", lines[i]))
    ]
    if not items:
        return None
    indent = min((ind for _, ind in items), key=len)
    tops = [i for i, ind in items if ind == indent]
    # after the last top-level section that holds pages (a line ending in `:`), so the new
    # section sits with the others, before the directory and the plaques
    sections = [i for i in tops if re.match(r"^\s*-\s+[^:]+:\s*(#.*)?$", lines[i])]
    after = sections[-1] if sections else tops[-1]
    follow = next((i for i in tops if i > after), end)
    while follow > after + 1 and not lines[follow - 1].strip():
        follow -= 1
    inner = indent + "    "
    block = f"{indent}- {_quoted(section)}:\n" + "".join(f"{inner}- {p}\n" for p in pages)
    if not lines[follow - 1].endswith("\n"):
        lines[follow - 1] += "\n"
    lines.insert(follow, block)
    return "".join(lines)


def add_to_nav(config_text: str, folder: str, page: str) -> str | None:
    """Insert ``- page`` after the last ``nav`` line naming a page in ``folder/``.

    No title is written: MkDocs then shows the page's own (front matter ``title``, else its
    first heading), so the menu follows a later change of the page's title.

    Returns the new text, or ``None`` when no such line exists (then nothing is safe to do).
    Only a block-style ``nav:`` at the top level is edited; comments and order are kept.
    """
    lines = config_text.splitlines(keepends=True)
    found = _nav_block(lines)
    if found is None:
        return None
    start, end = found
    pattern = re.compile(rf"^(\s*)-\s+(?:.*:\s+)?['\"]?{re.escape(folder)}/[^\s'\"]+\.md['\"]?\s*$")
    last = None
    indent = ""
    for i in range(start + 1, end):
        match = pattern.match(lines[i].rstrip("\n"))
        if match:
            last, indent = i, match.group(1)
    if last is None:
        return None
    entry = f"{indent}- {page}\n"
    if not lines[last].endswith("\n"):
        lines[last] += "\n"
    lines.insert(last + 1, entry)
    return "".join(lines)
