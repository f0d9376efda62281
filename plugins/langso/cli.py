"""The ``langso`` command: print QR plaques and the commune booklet outside ``mkdocs build``.

An adapter, like the plugins: it reads ``mkdocs.yml`` with MkDocs (``site_url``, ``site_name``,
``docs_dir`` and the ``langso/plaques`` and ``langso/directory`` options) and calls the core
(:mod:`langso.printing`, :mod:`langso.plaques`); the plaque commands are in
:mod:`langso.cli_plaques`. Usage::

    langso plaques print --output in/ [--config mkdocs.yml] [--paper A4|A5|A6|stickers]...
                         [--distance-m 1.0] [--new-only] [--record | --no-record] [--date NGÀY]
                         [--thu]
    langso plaques migrate [--config mkdocs.yml]
    langso plaques huy-in MÃ_BIỂN [--ly-do LÝ_DO] [--yes] [--config mkdocs.yml]
    langso booklet --site site --output so-tay.pdf [--config mkdocs.yml]
    langso check [--config mkdocs.yml] [--lang vi|en] [--format text|github]
    langso photos fix [--config mkdocs.yml]
    langso new place|guide|service|plaque [--title TÊN] [--category MÃ] [--page TRANG]
    langso serve [--config mkdocs.yml] [-a 127.0.0.1:8000]

Mistakes are reported as located, bilingual lines and the command exits with status 1 (2 for a
mistyped command line); a traceback means a bug.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TextIO

import yaml
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from langso.adapter import content_location
from langso.booklet import booklet_folders, render_booklet
from langso.cli_check import run_check
from langso.cli_photos import add_photos_parser, run_photos
from langso.cli_plaques import add_plaques_parser, run_plaques
from langso.cli_site import Site, make_folder, pdf_or_explain, write_file
from langso.cli_site import plugin_option as _plugin_option
from langso.cli_site import report_problems as _report
from langso.cli_text import VietnameseArgumentParser
from langso.directory.loading import load_categories
from langso.init import HOSTS, InitError, create_village, init_source_note, resolve_site_url
from langso.paths import repo_path
from langso.plaques.model import load_plaques
from langso.plaques.record import (
    PRINTED_FILE,
)
from langso.printing import PrintError, check_site_url
from langso.scaffold import (
    KIND_FOLDERS,
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
from langso.text import fold, nfc, slugify
from langso.textfile import decode_text
from langso.village import load_village

__all__ = ["main"]


class UserError(Exception):
    """A mistake of the person running the command: printed as is, exit status 1."""


def _day(value: str) -> dt.date:
    """A date as volunteers type it (``30/11/2026``, as in the content) or ``2026-11-30``."""
    for date_format in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(value.strip(), date_format).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(
        f"`{value}` không phải một ngày có thật; viết ngày/tháng/năm, ví dụ 30/11/2026 / "
        f"`{value}` is not a real date; write day/month/year, e.g. 30/11/2026"
    )


def build_parser() -> argparse.ArgumentParser:
    """The command line parser (help in Vietnamese, then English)."""
    parser = VietnameseArgumentParser(
        prog="langso",
        description="Làng số: in biển mã QR và sổ tay của làng. / Print QR plaques and the "
        "village booklet.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="LỆNH/COMMAND")

    add_plaques_parser(commands, _day)

    booklet = commands.add_parser(
        "booklet",
        help="in sổ tay A5 của làng / print the village's A5 booklet",
        description="In sổ tay khổ A5 từ trang web đã dựng: địa điểm, hướng dẫn, danh bạ, mỗi "
        "trang một mã QR tới bản trên mạng. / Print the A5 booklet from the built site: "
        "landmarks, guides, directory, each page with a QR code to its live page.",
    )
    booklet.add_argument(
        "--site",
        required=True,
        type=Path,
        metavar="THƯ_MỤC/DIR",
        help="thư mục trang web đã dựng (mkdocs build) / the built site folder",
    )
    booklet.add_argument(
        "--output",
        required=True,
        type=Path,
        metavar="TỆP/FILE.pdf",
        help="tệp PDF cần ghi / the PDF file to write",
    )
    booklet.add_argument(
        "--config",
        default="mkdocs.yml",
        metavar="mkdocs.yml",
        help="tệp cấu hình của trang / the site's configuration file (mặc định/default: "
        "%(default)s)",
    )
    _add_check_new_serve(commands)
    add_photos_parser(commands)

    init = commands.add_parser(
        "init",
        help="tạo một làng mới từ mẫu / start a new village from the template",
        description="Tạo thư mục của một làng mới, dựng được ngay. / Create a new village's "
        "folder that builds at once.",
    )
    init.add_argument(
        "target",
        type=Path,
        metavar="THƯ_MỤC/FOLDER",
        help="thư mục mới của làng / the new village's folder",
    )
    init.add_argument(
        "--village", required=True, metavar="TÊN/NAME", help="tên làng/thôn / the village's name"
    )
    init.add_argument(
        "--kind",
        default="thôn",
        metavar="LOẠI/KIND",
        help="thôn, làng, xóm, bản… (mặc định/default: thôn) / the kind of village",
    )
    init.add_argument(
        "--commune",
        required=True,
        metavar="XÃ/COMMUNE",
        help="xã/phường hiện nay, ví dụ 'xã Yên Định' / the commune or ward today",
    )
    init.add_argument(
        "--province",
        required=True,
        metavar="TỈNH/PROVINCE",
        help="tỉnh/thành phố, ví dụ 'tỉnh Thanh Hóa' / the province or city",
    )
    init.add_argument("--host", required=True, choices=sorted(HOSTS), help="nơi đăng / the host")
    init.add_argument(
        "--site-url", metavar="ĐỊA_CHỈ/URL", help="địa chỉ trang web / the site's address"
    )
    init.add_argument(
        "--nguon",
        metavar="NGUỒN/SOURCE",
        help="nơi máy dựng cài Làng số, ví dụ git+https://github.com/<tài-khoản>/lang-so@v0.1.0"
        " (mặc định: nơi Làng số trên máy này được cài) / where the host installs Làng số from"
        " (default: where this Làng số was installed from); xem/see docs/xuat-ban.md",
    )
    init.add_argument(
        "--date",
        type=_day,
        metavar="NGÀY/THÁNG/NĂM",
        help="ngày ghi vào dữ liệu mẫu, ví dụ 30/11/2026 / the date written in the sample data "
        "(mặc định/default: hôm nay / today)",
    )
    return parser


def load_village_names(target: Path) -> tuple[str, str]:
    """The commune and province ``langso init`` wrote into the new village's ``village.yml``."""
    data = yaml.safe_load((target / "content" / "village.yml").read_text(encoding="utf-8"))
    return str(data["xa"]), str(data["tinh"])


def _init(args: argparse.Namespace) -> int:
    """``langso init``: write the new village and say what to do next."""
    try:
        written = create_village(
            args.target,
            village=args.village,
            commune=args.commune,
            province=args.province,
            host=args.host,
            site_url=args.site_url,
            kind=args.kind,
            today=args.date,
            requirement=args.nguon,
        )
    except InitError as error:
        print(error, file=sys.stderr)
        return 1
    url, placeholder = resolve_site_url(args.host, args.village, args.site_url)
    print(f"Đã tạo {len(written)} tệp trong / wrote {len(written)} files in {args.target}")
    print(init_source_note(args.target))
    village = load_village_names(args.target)
    for typed, written_as in ((args.commune, village[0]), (args.province, village[1])):
        if typed.strip() != written_as:
            print(
                f"Đã ghi `{typed.strip()}` là `{written_as}` (content/village.yml). / "
                f"`{typed.strip()}` was written as `{written_as}`."
            )
    if placeholder:
        print(
            f"Lưu ý: {url} là địa chỉ tạm; sửa `site_url` trong mkdocs.yml trước khi in biển."
            f" / Note: {url} is a placeholder; set `site_url` before printing plaques."
        )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``langso`` command; return the exit status (0 done, 1 a mistake, 2 usage)."""
    args = build_parser().parse_args(argv)
    if args.command == "init":
        return _init(args)
    if args.command == "photos":
        try:
            return run_photos(args, _read_config(args.config))
        except UserError as error:
            print(error, file=sys.stderr)
            return 1
    if args.command in ("check", "new", "serve"):
        try:
            return {"check": run_check, "new": run_new, "serve": run_serve}[args.command](args)
        except UserError as error:
            print(error, file=sys.stderr)
            return 1
    handler = _MkDocsLog(sys.stderr, args.config)
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    try:
        if args.command == "booklet":
            return _booklet(args)
        return run_plaques(args, _load(args.config))
    except (UserError, PrintError) as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        mkdocs_log.removeHandler(handler)


class _MkDocsLog(logging.Handler):
    """MkDocs' own warnings while reading the configuration, prefixed by the file name."""

    def __init__(self, stream: TextIO, config_file: str) -> None:
        super().__init__(logging.WARNING)
        self.stream = stream
        self.config_file = config_file

    def emit(self, record: logging.LogRecord) -> None:
        print(f"{self.config_file}: {record.getMessage()}", file=self.stream)


def _read_config(config_file: str) -> MkDocsConfig:
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


def _load(config_file: str) -> Site:
    config = _read_config(config_file)
    problem = check_site_url(config.site_url)
    if problem is not None:
        raise problem
    docs_dir, docs_rel = content_location(config)
    return Site(config, config.site_url or "", docs_dir, docs_rel, config_file)


def _booklet(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    site = _load(args.config)
    site_dir: Path = args.site
    if not (site_dir / "index.html").is_file():
        raise UserError(
            f"{site_dir}: không phải trang web đã dựng (thiếu index.html) — chạy `mkdocs build` "
            f"trước\n    (en) not a built site (no index.html) — run `mkdocs build` first"
        )
    services = str(_plugin_option(site.config, "langso/directory", "services_dir", "danh-ba"))
    village, problems = load_village(site.docs_dir, site.docs_rel)
    _report(problems)  # the subtitle only: the booklet is printed without it
    subtitle = f"{village.full_name}, {village.address}" if village is not None else ""
    # The codes of pages with a plaque hold its permanent q/<id>/ address (langso.printing).
    registry = str(_plugin_option(site.config, "langso/plaques", "registry", "plaques.yml"))
    plaques = [e.plaque for e in load_plaques(site.docs_dir, site.docs_rel, registry)[0]]
    print(f"Đọc trang từ / reading pages from {site_dir} …")
    pdf = pdf_or_explain(
        partial(
            render_booklet,
            site_dir,
            site.site_url,
            site.config.site_name,
            subtitle=subtitle,
            folders=booklet_folders(services),
            plaques=plaques,
        )
    )
    make_folder(args.output.parent)
    write_file(args.output, pdf.data)
    print(
        f"Xong: sổ tay A5 {pdf.pages} trang → {args.output} "
        f"({time.perf_counter() - started:.1f} s). / Done: A5 booklet, {pdf.pages} pages."
    )
    return 0


# --- langso check / new / serve -----------------------------------------------------------------

KINDS = ("place", "guide", "service", "plaque")
_KIND_ALIASES = {"dia-diem": "place", "huong-dan": "guide", "danh-ba": "service", "bien": "plaque"}


def _kind(value: str) -> str:
    kind = _KIND_ALIASES.get(value, value)
    if kind not in KINDS:
        raise argparse.ArgumentTypeError(
            f"không có loại `{value}`; chọn place, guide, service hoặc plaque / no kind "
            f"`{value}`: choose place, guide, service or plaque"
        )
    return kind


def _config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        "-f",
        default="mkdocs.yml",
        metavar="mkdocs.yml",
        help="tệp cấu hình của trang / the site's configuration file (mặc định/default: "
        "%(default)s)",
    )


def _add_check_new_serve(commands: Any) -> None:
    check = commands.add_parser(
        "check",
        help="kiểm tra mọi nội dung như mkdocs build --strict / check all content",
        description="Dựng thử trang (như `mkdocs build --strict`, vào thư mục tạm) và liệt kê "
        "mọi lỗi theo tệp: `tệp:dòng: lỗi — cách sửa`. / Build the site strictly into a "
        "temporary folder and list every problem by file.",
    )
    _config_option(check)
    check.add_argument(
        "--lang",
        choices=("vi", "en"),
        default="vi",
        help="ngôn ngữ thông báo / language of the messages (mặc định/default: vi)",
    )
    check.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="text: từng dòng; github: chú thích cho GitHub Actions / text lines, or GitHub "
        "Actions annotations (mặc định/default: text)",
    )

    new = commands.add_parser(
        "new",
        help="tạo tệp mẫu: địa điểm, hướng dẫn, dịch vụ, biển / create a starter file",
        description="Tạo tệp mẫu đã điền sẵn, qua được `langso check`: place (content/dia-diem/), "
        "guide (content/huong-dan/), service (content/danh-ba/), plaque (thêm vào plaques.yml). "
        "/ Create a starter file that passes `langso check`.",
    )
    new.add_argument(
        "kind",
        type=_kind,
        metavar="place|guide|service|plaque",
        help="loại tệp: place (địa điểm), guide (hướng dẫn), service (dịch vụ trong danh bạ), "
        "plaque (biển mã QR) / the kind of file",
    )
    new.add_argument(
        "--title",
        "--ten",
        metavar="TÊN/TITLE",
        help="tên trang, dịch vụ hoặc biển / the title or name",
    )
    new.add_argument(
        "--category",
        "--loai",
        metavar="MÃ/ID",
        help="mã loại dịch vụ (service) / the service's category id",
    )
    new.add_argument(
        "--page",
        "--trang",
        metavar="TRANG/PAGE",
        help="trang đích của biển (plaque), ví dụ dia-diem/dinh-lang.md / the plaque's page",
    )
    _config_option(new)

    serve = commands.add_parser(
        "serve",
        help="xem trước, tự tải lại khi sửa / live preview",
        description="Chạy `mkdocs serve`: xem trước trang web, tự dựng lại khi sửa Markdown "
        "hoặc YAML trong thư mục nội dung — chỉ những trang đã đổi. Dừng bằng Ctrl+C. / Live "
        "preview rebuilding only the pages that changed; stop with Ctrl+C.",
    )
    _config_option(serve)
    serve.add_argument(
        "-a",
        "--dev-addr",
        metavar="<IP:PORT>",
        help="địa chỉ phục vụ / address to serve on (mặc định/default: 127.0.0.1:8000)",
    )
    serve.add_argument(
        "--full",
        action="store_true",
        help="dựng lại cả trang web mỗi lần sửa (chậm hơn; mục lục luôn đúng) / rebuild the "
        "whole site on every change (slower; the navigation is always exact)",
    )


@dataclass(frozen=True)
class _Content:
    config: MkDocsConfig
    config_path: Path
    docs_dir: Path
    docs_rel: str


def _load_content(config_file: str) -> _Content:
    """Read ``mkdocs.yml`` for ``langso new`` (no site_url check: nothing is published)."""
    config = _read_config(config_file)
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
        _plugin_option(content.config, "langso/directory", "categories_file", "categories.yml")
    )
    categories, problems = load_categories(content.docs_dir, content.docs_rel, file_name)
    if problems:
        _report(problems)
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
    content = _load_content(args.config)
    kind: str = args.kind
    if kind in ("place", "guide"):
        question = "Tên địa điểm / place name" if kind == "place" else "Tên hướng dẫn / guide title"
        title = _ask(args.title, "--title", question)
        slug = slugify(title)
        if not slug:
            raise UserError(f"`{title}`: tên cần có chữ hoặc số / the title needs letters")
        folder = KIND_FOLDERS[kind]
        path = unique_file(content.docs_dir / folder, slug, ".md")
        _write_text(path, place_text(title) if kind == "place" else guide_text(title))
        print(f"Đã tạo / created {_shown(content, path)}")
        page = f"{folder}/{path.name}"
        _nav_note(content, folder, page, title)
    elif kind == "service":
        title = _ask(args.title, "--title", "Tên dịch vụ / service name")
        category = _category(content, args.category)
        services = str(
            _plugin_option(content.config, "langso/directory", "services_dir", "danh-ba")
        )
        slug = slugify(title)
        if not slug:
            raise UserError(f"`{title}`: tên cần có chữ hoặc số / the name needs letters")
        path = unique_file(content.docs_dir / services, slug, ".yml")
        _write_text(path, service_text(title, category, build_day()))
        print(f"Đã tạo / created {_shown(content, path)}")
        print(
            "Điền các trường còn lại (bỏ dấu # ở đầu dòng), xóa `du_lieu_mau` khi thông tin là "
            "thật. / Fill in the other fields; delete `du_lieu_mau` once the data is real."
        )
    else:
        _new_plaque(content, args)
    print("Kiểm tra bằng / check with: langso check")
    return 0


def _nav_note(content: _Content, folder: str, page: str, title: str) -> None:
    if content.config.nav is None:
        print(
            "mkdocs.yml không có `nav:`: trang tự hiện trong trình đơn. / No `nav:`: the page "
            "is listed automatically."
        )
        return
    text = content.config_path.read_text(encoding="utf-8")
    changed = add_to_nav(text, folder, page, title)
    if changed is None:
        print(
            f"Nhớ thêm `- {page}` vào `nav:` trong {content.config_path.name}. / Remember to add "
            f"it to `nav:` in {content.config_path.name}."
        )
        return
    content.config_path.write_text(changed, encoding="utf-8")
    print(
        f"Đã thêm vào `nav:` trong {content.config_path.name}, sau các trang {folder}/ / added "
        f"to `nav:` in {content.config_path.name}, after the other {folder}/ pages"
    )


def _new_plaque(content: _Content, args: argparse.Namespace) -> None:
    registry = str(_plugin_option(content.config, "langso/plaques", "registry", "plaques.yml"))
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


def run_serve(args: argparse.Namespace) -> int:
    """``langso serve``: ``mkdocs serve`` with live reload, until Ctrl+C.

    Rebuilds are dirty (``mkdocs serve --dirty``): only pages whose source changed are rendered
    again; generated pages come from the file cache (:mod:`langso.cache`), so an unchanged one
    is not modified either. A village of a thousand pages shows an edit in seconds, where a full
    rebuild takes tens of seconds; the price is that the navigation of pages not rendered again
    may show an old title. ``--full`` rebuilds everything.
    """
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    if not Path(args.config).is_file():
        raise UserError(
            f"{args.config}: không có tệp cấu hình này — chạy lệnh trong thư mục có mkdocs.yml "
            f"hoặc chỉ đường bằng --config\n    (en) no such configuration file — run the "
            "command in the folder holding mkdocs.yml or give --config"
        )
    from mkdocs.commands.serve import serve

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    mkdocs_log.setLevel(logging.INFO)
    options: dict[str, Any] = {}
    if args.dev_addr:
        options["dev_addr"] = args.dev_addr
    try:
        build_type = None if args.full else "dirty"
        serve(config_file=args.config, livereload=True, build_type=build_type, **options)
    except MkDocsException as error:
        print(
            f"{args.config}: không chạy được bản xem trước: {error.format_message()} — chạy "
            f"`langso check` để xem mọi lỗi\n    (en) the preview could not start — run "
            "`langso check` to list every problem",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        pass
    finally:
        mkdocs_log.removeHandler(handler)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
