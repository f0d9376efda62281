"""``langso new``: a starter place, guide, service or plaque that passes ``langso check``.

An adapter, like :mod:`langso.cli`: it reads ``mkdocs.yml`` with MkDocs and writes what
:mod:`langso.scaffold` makes; a missing value is asked at the terminal, or is a located,
bilingual :class:`~langso.cli_site.UserError` when no one is there to answer.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from langso.adapter import content_location
from langso.cli_index import plan_index, write_index
from langso.cli_new_notice import NOTICE_COMMANDS, add_notice_arguments, run_new_notice
from langso.cli_site import UserError, config_option, plugin_option, read_config, report_problems
from langso.directory.loading import load_categories
from langso.paths import repo_path
from langso.plaques.record import PRINTED_FILE
from langso.scaffold import (
    KIND_FOLDERS,
    add_section_to_nav,
    add_to_nav,
    build_day,
    guide_text,
    new_plaque_id,
    place_text,
    plaque_entry,
    service_text,
    unique_file,
    used_plaque_ids,
)
from langso.sectionindex import SECTION_INDEXES
from langso.text import fold, nfc, slugify
from langso.textfile import decode_text

__all__ = ["KINDS", "add_new_parser", "run_new"]

KINDS = ("place", "guide", "service", "plaque", *NOTICE_COMMANDS)
_KIND_ALIASES = {"dia-diem": "place", "huong-dan": "guide", "danh-ba": "service", "bien": "plaque"}


def _kind(value: str) -> str:
    kind = _KIND_ALIASES.get(value, value)
    if kind not in KINDS:
        raise argparse.ArgumentTypeError(
            f"không có loại `{value}`; chọn place, guide, service, plaque, thong-bao hoặc "
            f"su-kien / no kind `{value}`: choose place, guide, service, plaque, thong-bao or "
            "su-kien"
        )
    return kind


def add_new_parser(commands: Any) -> None:
    """Add ``langso new`` to the subcommands ``commands`` (``add_subparsers()``)."""
    new = commands.add_parser(
        "new",
        help="tạo tệp mẫu: địa điểm, hướng dẫn, dịch vụ, biển, thông báo, sự kiện / create a "
        "starter file",
        description="Tạo tệp mẫu đã điền sẵn, qua được `langso check`: place (content/dia-diem/), "
        "guide (content/huong-dan/), service (content/danh-ba/), plaque (thêm vào plaques.yml), "
        "thong-bao (content/thong-bao/), su-kien (content/lich/). "
        "/ Create a starter file that passes `langso check`.",
    )
    new.add_argument(
        "kind",
        type=_kind,
        metavar="place|guide|service|plaque|thong-bao|su-kien",
        help="loại tệp: place (địa điểm), guide (hướng dẫn), service (dịch vụ trong danh bạ), "
        "plaque (biển mã QR), thong-bao (thông báo), su-kien (sự kiện trong lịch) / the kind",
    )
    new.add_argument(
        "--title",
        "--ten",
        "--tieu-de",
        metavar="TÊN/TITLE",
        help="tên trang, dịch vụ, biển; tiêu đề thông báo, sự kiện / the title or name",
    )
    new.add_argument(
        "--category",
        "--loai",
        metavar="MÃ/ID",
        help="mã loại dịch vụ (service); loại thông báo, sự kiện: số hoặc tên / the category",
    )
    new.add_argument(
        "--page",
        "--trang",
        metavar="TRANG/PAGE",
        help="trang đích của biển (plaque), ví dụ dia-diem/dinh-lang.md / the plaque's page",
    )
    add_notice_arguments(new)
    config_option(new)


@dataclass(frozen=True)
class _Content:
    config: MkDocsConfig
    config_path: Path
    docs_dir: Path
    docs_rel: str


def _load_content(config_file: str) -> _Content:
    """Read ``mkdocs.yml`` for ``langso new`` (no site_url check: nothing is published)."""
    config = read_config(config_file)
    docs_dir, docs_rel = content_location(config)
    return _Content(config, Path(config_file), docs_dir, docs_rel)


def _ask(value: str | None, option: str, question: str, *, listing: str = "") -> str:
    """``value``, or the answer typed at the terminal, or a clear error when not interactive."""
    if value is not None and value.strip():
        return nfc(value.strip())
    if sys.stdin.isatty():
        if listing:
            print(listing)
        try:
            answer = input(f"{question}: ").strip()
        except EOFError:
            answer = ""
        if answer:
            return nfc(answer)
    raise UserError(
        f"thiếu {option}: {question}{listing and chr(10) + listing}\n    (en) {option} is missing"
    )


def _category(content: _Content, value: str | None) -> str:
    file_name = str(
        plugin_option(content.config, "langso/directory", "categories_file", "categories.yml")
    )
    categories, problems = load_categories(content.docs_dir, content.docs_rel, file_name)
    if problems:
        report_problems(problems)
        raise UserError(
            f"{repo_path(content.docs_rel, file_name)}: sửa danh sách loại trước "
            "(chạy `langso check`) / fix the categories first"
        )
    listing = "Các loại / categories:\n" + "\n".join(f"  {c.id} — {c.name}" for c in categories)
    chosen = _ask(value, "--category", "Mã loại / category id", listing=listing)
    for category in categories:
        if chosen == category.id or fold(chosen) == fold(category.name):
            return category.id
    if sys.stdin.isatty() and value is None:
        raise UserError(f"không có loại `{chosen}` / no category `{chosen}`\n{listing}")
    raise UserError(
        f"không có loại `{chosen}` trong {repo_path(content.docs_rel, file_name)} — chọn một "
        f"mã dưới đây / no category `{chosen}`: choose one of these ids\n{listing}"
    )


def _write_text(path: Path, text: str, *, append: bool = False) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a" if append else "x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    except OSError as error:
        raise UserError(
            f"{path}: không ghi được tệp: {error.strerror}\n"
            f"    (en) could not write the file: {error.strerror}"
        ) from None


def _shown(content: _Content, path: Path) -> str:
    return repo_path(content.docs_rel, path.relative_to(content.docs_dir).as_posix())


def _content_text(content: _Content, path: Path) -> str:
    """The content file ``path`` read as the build reads it (``""`` when there is none).

    Raises:
        UserError: naming the file and line when it is not UTF-8 text (:func:`decode_text`).
    """
    if not path.is_file():
        return ""
    text, problems = decode_text(path.read_bytes(), _shown(content, path))
    if text is None:
        raise UserError("\n".join(problem.format() for problem in problems))
    return text


def run_new(args: argparse.Namespace) -> int:
    """``langso new``: write a starter file and say what was written."""
    kind: str = args.kind
    _refuse_other_options(args, kind)
    content = _load_content(args.config)
    if kind in NOTICE_COMMANDS:
        run_new_notice(args, content.config, content.docs_dir, content.docs_rel)
    elif kind in ("place", "guide"):
        question = "Tên địa điểm / place name" if kind == "place" else "Tên hướng dẫn / guide title"
        title = _ask(args.title, "--title", question)
        slug = slugify(title)
        if not slug:
            raise UserError(f"`{title}`: tên cần có chữ hoặc số / the title needs letters")
        folder = KIND_FOLDERS[kind]
        path = unique_file(content.docs_dir / folder, slug, ".md")
        index = plan_index(content.docs_dir, content.docs_rel, folder, path.name, title)
        text = args.noi_dung or ""
        _write_text(path, place_text(title, text) if kind == "place" else guide_text(title, text))
        print(f"Đã tạo / created {_shown(content, path)}")
        page = f"{folder}/{path.name}"
        also = f"{folder}/index.md" if index.created else None
        _nav_note(content, folder, page, also)
        write_index(index)
    elif kind == "service":
        title = _ask(args.title, "--title", "Tên dịch vụ / service name")
        category = _category(content, args.category)
        services = str(plugin_option(content.config, "langso/directory", "services_dir", "danh-ba"))
        slug = slugify(title)
        if not slug:
            raise UserError(f"`{title}`: tên cần có chữ hoặc số / the name needs letters")
        path = unique_file(content.docs_dir / services, slug, ".yml")
        _write_text(path, service_text(title, category, build_day(), args.noi_dung or ""))
        print(f"Đã tạo / created {_shown(content, path)}")
        print(
            "Điền các trường còn lại (bỏ dấu # ở đầu dòng), xóa `du_lieu_mau` khi thông tin là "
            "thật. / Fill in the other fields; delete `du_lieu_mau` once the data is real."
        )
    else:
        _new_plaque(content, args)
    print("Kiểm tra bằng / check with: langso check")
    return 0


_OPTIONS = {
    "title": "--title",
    "category": "--category",
    "page": "--page",
    "nguoi_dang": "--nguoi-dang",
    "het_han": "--het-han",
    "ngay": "--ngay",
    "gio": "--gio",
    "dia_diem": "--dia-diem",
    "noi_dung": "--noi-dung",
}
"""Each option of ``langso new`` (its ``argparse`` name → as typed)."""
_USED = {
    "place": ("title", "noi_dung"),
    "guide": ("title", "noi_dung"),
    "service": ("title", "category", "noi_dung"),
    "plaque": ("title", "page"),
    "thong-bao": ("title", "category", "nguoi_dang", "het_han", "noi_dung"),
    "su-kien": ("title", "category", "ngay", "gio", "dia_diem", "noi_dung"),
}
"""The options each kind reads; any other is refused, never silently dropped (issue 17)."""


def _refuse_other_options(args: argparse.Namespace, kind: str) -> None:
    """Raise :class:`UserError` naming the options given that ``kind`` does not read."""
    unused = [
        flag
        for name, flag in _OPTIONS.items()
        if getattr(args, name, None) is not None and name not in _USED.get(kind, _OPTIONS)
    ]
    if unused:
        used = ", ".join(_OPTIONS[name] for name in _USED.get(kind, ()))
        given = ", ".join(unused)
        raise UserError(
            f"`langso new {kind}` không dùng {given}: chưa tạo tệp nào — bỏ {given} rồi chạy"
            f" lại (dùng được: {used})\n"
            f"    (en) `langso new {kind}` does not use {given}: no file was written — run it"
            f" again without {given} (it takes: {used})"
        )


def _nav_note(content: _Content, folder: str, page: str, index: str | None = None) -> None:
    """Add ``page`` to ``nav:`` without a title (the menu shows the page's own), or say how."""
    if content.config.nav is None:
        print(
            "mkdocs.yml không có `nav:`: trang tự hiện trong trình đơn. / No `nav:`: the page "
            "is listed automatically."
        )
        return
    text = content.config_path.read_text(encoding="utf-8")
    changed = add_to_nav(text, folder, page)
    if changed is None and index is not None and folder in SECTION_INDEXES:
        # the section's first page: the section itself goes into the menu, with both pages
        section = SECTION_INDEXES[folder].title
        changed = add_section_to_nav(text, section, [index, page])
        if changed is not None:
            content.config_path.write_text(changed, encoding="utf-8")
            print(
                f"Đã thêm mục “{section}” vào `nav:` trong {content.config_path.name}. / Added "
                f"the section to `nav:` in {content.config_path.name}."
            )
            return
    if changed is None:
        pages = f"`- {index}` và `- {page}`" if index else f"`- {page}`"
        them = "them" if index else "it"
        print(
            f"Nhớ thêm {pages} vào `nav:` trong {content.config_path.name}. / Remember to add "
            f"{them} to `nav:` in {content.config_path.name}."
        )
        return
    content.config_path.write_text(changed, encoding="utf-8")
    print(
        f"Đã thêm vào `nav:` trong {content.config_path.name}, sau các trang {folder}/ / added "
        f"to `nav:` in {content.config_path.name}, after the other {folder}/ pages"
    )


def _new_plaque(content: _Content, args: argparse.Namespace) -> None:
    registry = str(plugin_option(content.config, "langso/plaques", "registry", "plaques.yml"))
    registry_path = content.docs_dir / registry
    page = _ask(args.page, "--page", "Trang đích, ví dụ dia-diem/dinh-lang.md / target page")
    page = page.replace("\\", "/")
    if content.docs_rel not in ("", ".") and page.startswith(content.docs_rel + "/"):
        page = page[len(content.docs_rel) + 1 :]
    if not (content.docs_dir / page).is_file():
        raise UserError(
            f"không có trang `{page}` trong {content.docs_rel}/ — ghi đường dẫn tính từ thư mục "
            f"nội dung, ví dụ dia-diem/dinh-lang.md hoặc danh-ba/cho.yml\n    (en) no page "
            f"`{page}` in {content.docs_rel}/ — give the path from the content folder"
        )
    title = _ask(args.title, "--title", "Tên in trên biển / name printed on the plaque")
    registry_text = _content_text(content, registry_path)
    printed_text = _content_text(content, content.docs_dir / PRINTED_FILE)
    plaque_id = new_plaque_id(title, used_plaque_ids(registry_text, printed_text))
    entry = plaque_entry(plaque_id, title, page)
    if registry_text and not registry_text.endswith("\n"):
        entry = "\n" + entry
    _write_text(registry_path, entry, append=True)
    print(
        f"Đã thêm biển `{plaque_id}` → {page} vào / added plaque `{plaque_id}` to "
        f"{_shown(content, registry_path)}"
    )
