"""The ``langso`` command: print QR plaques and the commune booklet outside ``mkdocs build``.

An adapter, like the plugins: it reads ``mkdocs.yml`` with MkDocs (``site_url``, ``site_name``,
``docs_dir`` and the ``langso/plaques`` and ``langso/directory`` options) and calls the core
(:mod:`langso.printing`, :mod:`langso.plaques`); the plaque commands are in
:mod:`langso.cli_plaques`, the others in ``langso.cli_<command>`` (:mod:`langso.cli_new`, ...),
what they share in :mod:`langso.cli_site`. Usage::

    langso plaques print --output in/ [--config mkdocs.yml] [--paper A4|A5|A6|stickers]...
                         [--distance-m 1.0] [--new-only] [--record | --no-record] [--date NGÀY]
                         [--thu]
    langso plaques migrate [--config mkdocs.yml]
    langso plaques huy-in MÃ_BIỂN [--ly-do LÝ_DO] [--yes] [--config mkdocs.yml]
    langso booklet --site site --output so-tay.pdf [--config mkdocs.yml]
    langso check [--config mkdocs.yml] [--lang vi|en] [--format text|github]
    langso photos fix [--config mkdocs.yml]
    langso new place|guide|service|plaque [--title TÊN] [--category MÃ] [--page TRANG]
    langso new thong-bao|su-kien [--loai LOẠI] [--tieu-de TIÊU_ĐỀ] [--het-han NGÀY] [--ngay NGÀY]…
    langso serve [--config mkdocs.yml] [-a 127.0.0.1:8000]
    langso portal cong.yml [--ra DIR] [--tien-trinh N] [--da-dung DIR]
    langso portal ci github|gitlab cong.yml [--ra TỆP] [--nguon NGUỒN]

Mistakes are reported as located, bilingual lines and the command exits with status 1 (2 for a
mistyped command line); a traceback means a bug.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
import time
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any, TextIO

import yaml

from langso.adapter import content_location
from langso.booklet import booklet_folders, render_booklet
from langso.cli_check import run_check
from langso.cli_new import add_new_parser, run_new
from langso.cli_photos import add_photos_parser, run_photos
from langso.cli_plaques import add_plaques_parser, run_plaques
from langso.cli_portal import add_portal_parser, run_portal
from langso.cli_serve import add_serve_parser, run_serve
from langso.cli_site import (
    Site,
    UserError,
    config_option,
    make_folder,
    pdf_or_explain,
    plugin_option,
    read_config,
    report_problems,
    write_file,
)
from langso.cli_text import VietnameseArgumentParser
from langso.init import HOSTS, InitError, create_village, init_source_note, resolve_site_url
from langso.plaques.model import load_plaques
from langso.printing import PrintError, check_site_url
from langso.village import load_village

__all__ = ["main"]


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
    _add_check_parser(commands)
    add_new_parser(commands)
    add_serve_parser(commands)
    add_photos_parser(commands)
    add_portal_parser(commands)

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
    words = list(sys.argv[1:] if argv is None else argv)
    if words[:2] == ["portal", "ci"]:  # its own parser: `portal` takes the portal file first
        from langso.portal.ci import main as portal_ci

        return portal_ci(words[2:])
    args = build_parser().parse_args(argv)
    if args.command == "init":
        return _init(args)
    if args.command == "portal":
        return run_portal(args)
    if args.command == "photos":
        try:
            return run_photos(args, read_config(args.config))
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


def _load(config_file: str) -> Site:
    config = read_config(config_file)
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
    services = str(plugin_option(site.config, "langso/directory", "services_dir", "danh-ba"))
    village, problems = load_village(site.docs_dir, site.docs_rel)
    report_problems(problems)  # the subtitle only: the booklet is printed without it
    subtitle = f"{village.full_name}, {village.address}" if village is not None else ""
    # The codes of pages with a plaque hold its permanent q/<id>/ address (langso.printing).
    registry = str(plugin_option(site.config, "langso/plaques", "registry", "plaques.yml"))
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


def _add_check_parser(commands: Any) -> None:
    check = commands.add_parser(
        "check",
        help="kiểm tra mọi nội dung như mkdocs build --strict / check all content",
        description="Dựng thử trang (như `mkdocs build --strict`, vào thư mục tạm) và liệt kê "
        "mọi lỗi theo tệp: `tệp:dòng: lỗi — cách sửa`. / Build the site strictly into a "
        "temporary folder and list every problem by file.",
    )
    config_option(check)
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


if __name__ == "__main__":
    raise SystemExit(main())
