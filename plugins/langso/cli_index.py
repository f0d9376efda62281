"""``langso new``: the section's index page, written or given a link to the new page.

An adapter for :mod:`langso.cli_new`: :func:`plan_index` reads ``<folder>/index.md`` (before
the new page is written, so an unreadable index stops ``langso new`` with nothing written) and
decides with :mod:`langso.sectionindex`; :func:`write_index` writes it and says what it did,
Vietnamese first, English after.

- The section has no page yet and no ``index.md``: the index is written (title, one line, the
  list of links), so the section gets its accented menu heading, its home tile and its page.
- ``index.md`` exists: the new page is added to its list of links (:func:`add_link`).
- No ``index.md`` but other pages: nothing is written; the message says how to add one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from langso.cli_site import UserError
from langso.paths import repo_path
from langso.sectionindex import SECTION_INDEXES, Added, add_link, index_text, link_line
from langso.textfile import decode_text
from langso.village import load_village

__all__ = ["IndexPlan", "plan_index", "write_index"]


@dataclass(frozen=True)
class IndexPlan:
    """What :func:`write_index` will do to ``path`` (shown as ``shown``).

    Attributes:
        text: the index's new text, ``None`` to leave it as it is.
        created: the index is new.
        added: what :func:`add_link` did to an existing index, ``None`` otherwise.
        line: the link written (``- [Giếng làng](gieng-lang.md)``).
    """

    path: Path
    shown: str
    text: str | None
    created: bool
    added: Added | None
    line: str


def _place(docs_dir: Path, docs_rel: str) -> str:
    """The village as addresses write it (``xóm Phú Mỹ``), or ``làng`` when unreadable."""
    village, _ = load_village(docs_dir, docs_rel)
    return village.full_name if village is not None else "làng"


def plan_index(docs_dir: Path, docs_rel: str, folder: str, file_name: str, title: str) -> IndexPlan:
    """Decide what to do with ``docs_dir/folder/index.md`` for the new page ``file_name``.

    Raises:
        UserError: the index is not UTF-8 text (naming the file and line).
    """
    folder_dir = docs_dir / folder
    path = folder_dir / "index.md"
    shown = repo_path(docs_rel, f"{folder}/index.md")
    line = link_line(title, file_name)
    if not path.is_file():
        pages = folder_dir.is_dir() and any(
            p.suffix.lower() == ".md" for p in folder_dir.iterdir() if p.is_file()
        )
        if pages or folder not in SECTION_INDEXES:
            return IndexPlan(path, shown, None, False, None, line)
        text = index_text(folder, title, file_name, _place(docs_dir, docs_rel))
        return IndexPlan(path, shown, text, True, None, line)
    data = path.read_bytes()
    decoded, problems = decode_text(data, shown)
    if decoded is None:
        raise UserError("\n".join(problem.format() for problem in problems))
    raw = data.decode("utf-8")  # as written (BOM, line endings, composition): only a line added
    added = add_link(raw, file_name, title)
    return IndexPlan(path, shown, added.text, False, added, line)


def write_index(plan: IndexPlan) -> None:
    """Write the planned index (whole, through a temporary file) and say what was done."""
    if plan.text is not None:
        temporary = plan.path.with_name(f".{plan.path.name}.langso-new")
        try:
            plan.path.parent.mkdir(parents=True, exist_ok=True)
            with temporary.open("w", encoding="utf-8", newline="") as stream:
                stream.write(plan.text)
            os.replace(temporary, plan.path)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            raise UserError(
                f"{plan.shown}: không ghi được tệp: {error.strerror}\n"
                f"    (en) could not write the file: {error.strerror}"
            ) from None
    print(_message(plan))


def _message(plan: IndexPlan) -> str:
    folder = plan.path.parent.name
    if plan.created:
        title = SECTION_INDEXES[folder].title
        return (
            f"Đã tạo trang mục lục {plan.shown} (“{title}”), có liên kết tới trang mới: mục "
            f"“{title}” hiện trên trang chủ và trong trình đơn. / Created the section's index page "
            f"{plan.shown} (“{title}”) listing the new page: the section now shows on the home "
            "page and in the menu."
        )
    added = plan.added
    if added is None:
        return (
            f"Mục {folder}/ chưa có trang mục lục {plan.shown}: trang mới chỉ hiện trong trình "
            f"đơn. Tạo tệp đó với danh sách liên kết (`{plan.line}`) để mục có trang riêng và ô "
            f"trên trang chủ. / {plan.shown} does not exist: create it with a list of links to "
            "give the section its page and its home tile."
        )
    if added.how == "present":
        return f"{plan.shown} đã có liên kết tới trang này. / {plan.shown} already links to it."
    hint = (
        "Nên viết sau liên kết một câu giới thiệu ngắn, bắt đầu bằng dấu `:`, để hiện trên thẻ. "
        "/ Add a short line after the link, starting with `:`, to show on its card."
    )
    if added.how == "new-list":
        return (
            f"{plan.shown} chưa có danh sách liên kết: đã thêm danh sách mới, dòng {added.line}: "
            f"`{plan.line}`. / {plan.shown} had no list of links: added one, line {added.line}."
            f"\n{hint}"
        )
    under_vi = f" (mục “{added.heading}”)" if added.heading else ""
    under_en = f" (under “{added.heading}”)" if added.heading else ""
    order_vi = "theo thứ tự chữ cái" if added.how == "sorted" else "ở cuối danh sách"
    order_en = "in alphabetical order" if added.how == "sorted" else "at the end of the list"
    return (
        f"Đã thêm `{plan.line}` vào danh sách liên kết{under_vi} của {plan.shown}, dòng "
        f"{added.line}, {order_vi}. / Added the link to the list{under_en} in {plan.shown}, "
        f"line {added.line}, {order_en}.\n{hint}"
    )
