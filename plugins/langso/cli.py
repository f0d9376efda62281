"""The ``langso`` command: print QR plaques and the commune booklet outside ``mkdocs build``.

An adapter, like the plugins: it reads ``mkdocs.yml`` with MkDocs (``site_url``, ``site_name``,
``docs_dir`` and the ``langso/plaques`` and ``langso/directory`` options) and calls the core
(:mod:`langso.printing`, :mod:`langso.plaques`). Usage::

    langso plaques print --output in/ [--config mkdocs.yml] [--paper A4|A5|A6|stickers]...
                         [--distance-m 1.0] [--new-only] [--record | --no-record] [--date NGÀY]
    langso plaques migrate [--config mkdocs.yml]
    langso booklet --site site --output so-tay.pdf [--config mkdocs.yml]
    langso check [--config mkdocs.yml] [--lang vi|en] [--format text|github]
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
import posixpath
import re
import sys
import tempfile
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Literal, TextIO, cast

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.structure.files import Files

from langso import clock
from langso.adapter import Reporter, content_location
from langso.checking import (
    CheckResult,
    Finding,
    Translator,
    config_findings,
    display_prefix,
    github_escape,
    is_gate_summary,
)
from langso.directory.model import load_categories
from langso.init import HOSTS, InitError, create_village, resolve_site_url
from langso.paths import repo_path
from langso.plaques.model import load_plaques
from langso.plaques.record import (
    PRINTED_FILE,
    append_printed,
    format_line,
    migrate_lines,
    read_printed,
)
from langso.plaques.resolve import check_printed
from langso.printing import (
    PAPERS,
    SHEET_FILES,
    STICKER_DISTANCE_M,
    STICKERS,
    WALL_DISTANCE_M,
    Pdf,
    PlaqueItem,
    PrintError,
    Sheet,
    StickerSheet,
    booklet_folders,
    check_site_url,
    layout_pages,
    layout_stickers,
    plaque_item,
    plaques_pdf,
    render_booklet,
)
from langso.problems import Problem
from langso.qr import ErrorCorrection
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

"""Asia/Ho_Chi_Minh: UTC+7 all year (no daylight saving time), the day plaques are printed."""

PAPER_CHOICES = ("A4", "A5", "A6", "stickers")
OUTPUT_NAMES = SHEET_FILES
"""The PDF written for each paper choice in ``--output``."""


class UserError(Exception):
    """A mistake of the person running the command: printed as is, exit status 1."""


def _paper(value: str) -> str:
    for choice in PAPER_CHOICES:
        if value.lower() == choice.lower() or (choice == "stickers" and value == "nhan-dan"):
            return choice
    raise argparse.ArgumentTypeError(
        f"khổ giấy `{value}` không có; chọn A4, A5, A6 hoặc stickers / no paper `{value}`: "
        "choose A4, A5, A6 or stickers"
    )


def _metres(value: str) -> float:
    try:
        return float(value.replace(",", "."))  # 1,5 as written in Vietnamese
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"`{value}` không phải số mét, ví dụ 1 hoặc 0,5 / `{value}` is not a number of "
            "metres, e.g. 1 or 0.5"
        ) from None


def _day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"`{value}` không phải ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2026-11-30 / `{value}` is "
            "not a date as YYYY-MM-DD"
        ) from None


def build_parser() -> argparse.ArgumentParser:
    """The command line parser (help in Vietnamese, then English)."""
    parser = argparse.ArgumentParser(
        prog="langso",
        description="Làng số: in biển mã QR và sổ tay của làng. / Print QR plaques and the "
        "village booklet.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="LỆNH/COMMAND")

    plaques = commands.add_parser(
        "plaques", help="biển mã QR / QR plaques", description="Biển mã QR. / QR plaques."
    )
    plaque_commands = plaques.add_subparsers(dest="action", required=True, metavar="VIỆC/ACTION")
    print_ = plaque_commands.add_parser(
        "print",
        help="in biển ra PDF / print plaques to PDF",
        description="In các biển trong sổ biển (plaques.yml) ra PDF, mỗi khổ giấy một tệp, rồi "
        "ghi vào sổ biển đã in. / Print the registered plaques to PDF, one file per paper, "
        "then add them to the record of printed plaques.",
    )
    print_.add_argument(
        "--output",
        required=True,
        type=Path,
        metavar="THƯ_MỤC/DIR",
        help="thư mục ghi các tệp PDF / folder for the PDF files",
    )
    print_.add_argument(
        "--config",
        default="mkdocs.yml",
        metavar="mkdocs.yml",
        help="tệp cấu hình của trang / the site's configuration file (mặc định/default: "
        "%(default)s)",
    )
    print_.add_argument(
        "--paper",
        action="append",
        type=_paper,
        metavar="A4|A5|A6|stickers",
        help="khổ giấy, có thể nhắc lại; stickers = tờ A4 nhãn dán có dấu cắt / paper, may be "
        "repeated; stickers = an A4 sheet of stickers with cut marks (mặc định/default: A4)",
    )
    print_.add_argument(
        "--distance-m",
        type=_metres,
        metavar="MÉT/METRES",
        help=f"khoảng cách đứng quét mã; mã rộng ít nhất 1/10 khoảng cách / reading distance; "
        f"the code is at least a tenth of it (mặc định/default: {WALL_DISTANCE_M:g} m, "
        f"stickers {STICKER_DISTANCE_M:g} m)",
    )
    print_.add_argument(
        "--new-only",
        action="store_true",
        help=f"chỉ in biển chưa có trong {PRINTED_FILE} / only plaques not yet in {PRINTED_FILE}",
    )
    print_.add_argument(
        "--record",
        action=argparse.BooleanOptionalAction,
        default=True,
        help=f"ghi biển vừa in vào {PRINTED_FILE} / add the printed plaques to {PRINTED_FILE} "
        "(mặc định/default: --record)",
    )
    print_.add_argument(
        "--date",
        type=_day,
        metavar="NĂM-THÁNG-NGÀY",
        help="ngày in ghi vào sổ / the printing day to record (mặc định/default: hôm nay giờ "
        "Việt Nam / today in Vietnam, UTC+7)",
    )
    migrate = plaque_commands.add_parser(
        "migrate",
        help=f"ghi trang đích vào các dòng dạng cũ của {PRINTED_FILE} / fill in the target of "
        f"old-format lines of {PRINTED_FILE}",
        description=f"Ghi vào mỗi dòng dạng cũ (mã ngày địa-chỉ) của {PRINTED_FILE} trang hiện "
        "tại và tên của biển trong plaques.yml; xem lại từng dòng trước khi commit. / Fill in "
        f"each old-format line (id date url) of {PRINTED_FILE} with the plaque's current page "
        "and name from plaques.yml; check every line before committing.",
    )
    migrate.add_argument(
        "--config",
        default="mkdocs.yml",
        metavar="mkdocs.yml",
        help="tệp cấu hình của trang / the site's configuration file (mặc định/default: "
        "%(default)s)",
    )

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

    init = commands.add_parser(
        "init",
        help="tạo một làng mới từ mẫu / start a new village from the template",
        description="Tạo thư mục của một làng mới, dựng được ngay. / Create a new village's "
        "folder that builds at once.",
    )
    init.add_argument("target", type=Path, metavar="THƯ_MỤC/FOLDER")
    init.add_argument("--village", required=True, help="tên làng/thôn / the village's name")
    init.add_argument(
        "--kind", default="thôn", help="thôn, làng, xóm, bản… (mặc định/default: thôn)"
    )
    init.add_argument("--commune", required=True, help="xã hiện nay, ví dụ 'xã Yên Định'")
    init.add_argument("--province", required=True, help="tỉnh, ví dụ 'tỉnh Thanh Hóa'")
    init.add_argument("--host", required=True, choices=sorted(HOSTS), help="nơi đăng / the host")
    init.add_argument("--site-url", help="địa chỉ trang web / the site's address")
    return parser


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
        )
    except InitError as error:
        print(error, file=sys.stderr)
        return 1
    url, placeholder = resolve_site_url(args.host, args.village, args.site_url)
    print(f"Đã tạo {len(written)} tệp trong / wrote {len(written)} files in {args.target}")
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
        if args.action == "migrate":
            return _migrate_record(args)
        return _print_plaques(args)
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


@dataclass(frozen=True)
class _Site:
    config: MkDocsConfig
    site_url: str
    docs_dir: Path
    docs_rel: str


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


def _load(config_file: str) -> _Site:
    config = _read_config(config_file)
    problem = check_site_url(config.site_url)
    if problem is not None:
        raise problem
    docs_dir, docs_rel = content_location(config)
    return _Site(config, config.site_url or "", docs_dir, docs_rel)


def _plugin_option(config: MkDocsConfig, plugin: str, name: str, default: Any) -> Any:
    instance = config.plugins.get(plugin)
    options = getattr(instance, "config", None)
    return getattr(options, name, default) if options is not None else default


def _report(problems: Sequence[Problem]) -> int:
    """Print every problem; return how many are errors."""
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    return sum(1 for p in problems if p.severity == "error")


def _print_plaques(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    site = _load(args.config)
    registry = str(_plugin_option(site.config, "langso/plaques", "registry", "plaques.yml"))
    level = cast(
        ErrorCorrection, _plugin_option(site.config, "langso/plaques", "error_correction", "Q")
    )
    max_version = int(_plugin_option(site.config, "langso/plaques", "max_version", 6))
    registry_rel = repo_path(site.docs_rel, registry)

    entries, problems = load_plaques(site.docs_dir, site.docs_rel, registry)
    printed, record_problems = read_printed(site.docs_dir, site.docs_rel)
    problems += record_problems
    # Source paths as the build sees them: NFC, whatever form the file system stores (C-03).
    sources = {
        nfc(path.relative_to(site.docs_dir).as_posix())
        for path in site.docs_dir.rglob("*")
        if path.is_file()
    }
    record_rel = repo_path(site.docs_rel, PRINTED_FILE)
    problems += check_printed(
        entries, printed, site.site_url, record_rel, registry_rel, sources.__contains__
    )
    items: list[PlaqueItem] = []
    to_record: list[str] = []  # record lines of the plaques printed for the first time
    day = args.date or clock.today()
    skipped = 0
    for entry in entries:
        plaque = entry.plaque
        if plaque.target is None:
            continue  # replaced or retired: taken down, never printed again
        if args.new_only and plaque.id in printed:
            skipped += 1
            continue
        if plaque.target not in sources:
            params: dict[str, object] = {"id": plaque.id, "target": plaque.target}
            problems.append(
                Problem(registry_rel, entry.target_line, "plaque.target-missing", "trang", params)
            )
            continue
        item = plaque_item(plaque, site.site_url, site.config.site_name, level)
        if item.version > max_version:
            params = {"id": plaque.id, "version": item.version, "max_version": max_version}
            problems.append(Problem(registry_rel, entry.line, "plaque.too-dense", "id", params))
            continue
        items.append(item)
        if plaque.id not in printed:
            to_record.append(format_line(plaque.id, day, item.url, plaque.target, plaque.name))
    errors = _report(problems)
    if errors:
        print(
            f"Làng số: {errors} lỗi, chưa in biển nào — sửa rồi chạy lại. / {errors} error(s), "
            "nothing printed — fix them and run again.",
            file=sys.stderr,
        )
        return 1
    if not items:
        reason = (
            f"mọi biển đã có trong {PRINTED_FILE} / every plaque is already in {PRINTED_FILE}"
            if skipped
            else f"{registry_rel} không có biển nào đang dùng / holds no plaque in use"
        )
        print(f"Không có biển nào để in: {reason}. / Nothing to print.")
        return 0

    papers: list[str] = list(dict.fromkeys(args.paper or ["A4"]))
    # Lay everything out first: a paper too small stops the run before any file is written.
    jobs: list[tuple[str, Sheet, float]] = []
    for name in papers:
        sheet: Sheet = STICKERS if name == "stickers" else PAPERS[name]
        default = STICKER_DISTANCE_M if name == "stickers" else WALL_DISTANCE_M
        distance = args.distance_m if args.distance_m is not None else default
        if isinstance(sheet, StickerSheet):
            layout_stickers(items, sheet, distance)
        else:
            layout_pages(items, sheet, distance)
        jobs.append((name, sheet, distance))

    output: Path = args.output
    _make_folder(output)
    note = f" ({skipped} biển đã in được bỏ qua / already printed, skipped)" if skipped else ""
    print(f"In {len(items)} biển / Printing {len(items)} plaques{note}")
    files = []
    for number, (name, sheet, distance) in enumerate(jobs, start=1):
        begun = time.perf_counter()
        pdf = _pdf_or_explain(partial(plaques_pdf, items, sheet, distance))
        target = output / OUTPUT_NAMES[name]
        _write(target, pdf.data)
        files.append(target)
        print(
            f"[{number}/{len(jobs)}] {name}, {distance:g} m: {pdf.pages} trang/pages → {target} "
            f"({time.perf_counter() - begun:.1f} s)"
        )

    recorded = 0
    if args.record and to_record:
        # Each line keeps what the plaque leads to as printed: its target may never change.
        append_printed(site.docs_dir, to_record)
        recorded = len(to_record)
        print(f"Đã ghi {recorded} biển vào / recorded {recorded} plaque(s) in {record_rel}")
    print(
        f"Xong: {len(items)} biển, {len(files)} tệp PDF trong {output}, ghi sổ {recorded} biển "
        f"({time.perf_counter() - started:.1f} s). / Done: {len(items)} plaques, {len(files)} "
        f"PDF file(s), {recorded} recorded."
    )
    return 0


def _migrate_record(args: argparse.Namespace) -> int:
    """``langso plaques migrate``: fill in the target and name of the record's old-format lines
    from today's registry (:func:`langso.plaques.record.migrate_lines`), and list them so the
    commune checks each still leads to the place it was printed for."""
    site = _load(args.config)
    registry = str(_plugin_option(site.config, "langso/plaques", "registry", "plaques.yml"))
    entries, problems = load_plaques(site.docs_dir, site.docs_rel, registry)
    record_rel = repo_path(site.docs_rel, PRINTED_FILE)
    path = site.docs_dir / PRINTED_FILE
    text = None
    if path.is_file():
        text, read_problems = decode_text(path.read_bytes(), record_rel)
        problems += read_problems
    if _report(problems):
        print(
            "Làng số: chưa sửa sổ — sửa lỗi rồi chạy lại. / Nothing changed — fix the "
            "errors and run again.",
            file=sys.stderr,
        )
        return 1
    by_id = {e.plaque.id: e.plaque for e in entries}

    def fill(plaque_id: str) -> tuple[str | None, str] | None:
        plaque = by_id.get(plaque_id)
        return None if plaque is None else (plaque.target, plaque.name)

    migrated: list[str] = []
    if text is not None:
        new_text, migrated = migrate_lines(text, fill)
    if not migrated:
        print(f"{record_rel}: không có dòng dạng cũ nào / no old-format line.")
        return 0
    path.write_text(new_text, encoding="utf-8")
    print(
        f"Đã ghi trang đích vào {len(migrated)} dòng của / filled in {len(migrated)} line(s) "
        f"of {record_rel}:"
    )
    for plaque_id in migrated:
        plaque = by_id[plaque_id]
        where = plaque.target or "- (đã gỡ / taken down)"
        print(f"  {plaque_id} → {where} ({plaque.name})")
    print(
        "Xem lại: mỗi biển có dẫn tới đúng nơi đã in không? Nếu không, ghi vào cột trang của "
        "sổ trang biển dẫn tới khi in (dựng trang sẽ chỉ cách sửa), rồi commit. / Check: does "
        "each plaque lead to the place it was printed for? If not, write the page it led to "
        "when printed in the record's page column (the build then says how to fix it), then "
        "commit."
    )
    return 0


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
    print(f"Đọc trang từ / reading pages from {site_dir} …")
    pdf = _pdf_or_explain(
        partial(
            render_booklet,
            site_dir,
            site.site_url,
            site.config.site_name,
            subtitle=subtitle,
            folders=booklet_folders(services),
        )
    )
    _make_folder(args.output.parent)
    _write(args.output, pdf.data)
    print(
        f"Xong: sổ tay A5 {pdf.pages} trang → {args.output} "
        f"({time.perf_counter() - started:.1f} s). / Done: A5 booklet, {pdf.pages} pages."
    )
    return 0


def _pdf_or_explain(make: Callable[[], Pdf]) -> Pdf:
    try:
        return make()
    except OSError as error:  # WeasyPrint could not load Pango and friends
        raise UserError(
            f"không chạy được WeasyPrint: {error} — cài thư viện Pango theo "
            "https://doc.courtbouillon.org/weasyprint/stable/first_steps.html\n"
            f"    (en) WeasyPrint could not start: {error} — install Pango as the link explains"
        ) from None


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(
            f"{folder}: không tạo được thư mục: {error.strerror}\n"
            f"    (en) could not create the folder: {error.strerror}"
        ) from None


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as error:
        raise UserError(
            f"{path}: không ghi được tệp: {error.strerror}\n"
            f"    (en) could not write the file: {error.strerror}"
        ) from None


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
    new.add_argument("kind", type=_kind, metavar="place|guide|service|plaque")
    new.add_argument("--title", "--ten", help="tên trang, dịch vụ hoặc biển / the title or name")
    new.add_argument(
        "--category", "--loai", help="mã loại dịch vụ (service) / the service's category id"
    )
    new.add_argument(
        "--page",
        "--trang",
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


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def run_check(args: argparse.Namespace) -> int:
    """``langso check``: print every problem of the strict build; 0 clean, 1 any problem."""
    started = time.perf_counter()
    lang: Literal["vi", "en"] = args.lang

    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    result = check_site(args.config, progress)
    prefix = display_prefix(args.config)
    findings = result.sorted()
    if args.format == "github":
        for finding in findings:
            problem = finding.problem
            path = posixpath.join(prefix, problem.path) if prefix else problem.path
            props = f"file={github_escape(path, prop=True)}"
            if problem.line:
                props += f",line={problem.line}"
            props += f",title={github_escape(f'Làng số {problem.code}', prop=True)}"
            print(f"::{finding.severity} {props}::{github_escape(finding.text(lang))}")
    else:
        previous: str | None = None
        for finding in findings:
            if previous is not None and finding.problem.path != previous:
                print()
            print(finding.line(lang, prefix))
            previous = finding.problem.path
        if findings:
            print()
    if result.stopped_early:
        print(
            "Bản dựng dừng ở lỗi nội dung nên chưa kiểm tra liên kết và ảnh: sửa các lỗi trên rồi "
            "chạy lại."
            if lang == "vi"
            else "The build stopped at content errors, so links and images are not checked "
            "yet: fix the problems above and run again."
        )
    if result.config_ok:
        print(
            f"Đã kiểm tra {result.pages} trang, {result.services} mục danh bạ, {result.plaques} "
            "biển."
            if lang == "vi"
            else f"Checked {_plural(result.pages, 'page')}, "
            f"{_plural(result.services, 'directory entry').replace('entrys', 'entries')}, "
            f"{_plural(result.plaques, 'plaque')}."
        )
    if not findings:
        print("Không có lỗi" if lang == "vi" else "No problems")
    elif lang == "vi":
        print(f"{result.errors} lỗi, {result.warnings} cảnh báo trong {result.files} tệp")
    else:
        print(
            f"{_plural(result.errors, 'error')}, {_plural(result.warnings, 'warning')} in "
            f"{_plural(result.files, 'file')}"
        )
    progress(f"({time.perf_counter() - started:.1f} s)")
    return 1 if findings else 0


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


# --- the strict build behind `langso check` (MkDocs side; the translation is in langso.checking)


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def _observed_reporters() -> Iterator[dict[str, deque[Problem]]]:
    """Map each problem's printed text to the problem, for every problem reported meanwhile."""
    seen: dict[str, deque[Problem]] = defaultdict(deque)
    original = Reporter.report

    def report(self: Reporter, problems: Iterable[Problem]) -> None:
        problems = list(problems)
        for problem in problems:
            seen[problem.format()].append(problem)
        original(self, problems)

    setattr(Reporter, "report", report)  # noqa: B010 (a method, replaced for one build)
    try:
        yield seen
    finally:
        setattr(Reporter, "report", original)  # noqa: B010


class _Census:
    """Counts the author's pages and keeps the final list of files (for link suggestions).

    Its two handlers are put first and last in the build's ``on_files`` events.
    """

    def __init__(self) -> None:
        self.pages = 0
        self.sources: dict[str, str] = {}
        self.final: set[str] = set()

    def first(self, files: Files, *, config: MkDocsConfig) -> Files:
        for file in files:
            if file.abs_src_path:
                self.sources[nfc(file.src_uri)] = file.abs_src_path
        self.pages = sum(1 for f in files.documentation_pages() if not f.generated_by)
        return files

    def last(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.final = {nfc(f.src_uri) for f in files}
        return files


def check_site(config_file: str, progress: Callable[[str], None] | None = None) -> CheckResult:
    """Build the site of ``config_file`` strictly into a temporary folder; return what it said."""
    result = CheckResult()
    config_path = Path(config_file)
    config_name = config_path.name
    if not config_path.is_file():
        result.config_ok = False
        result.findings.append(Finding(Problem(config_name, None, "config.missing")))
        return result
    collector = _Collector()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(collector)
    census = _Census()

    def logged() -> list[tuple[int, str]]:
        return [(r.levelno, r.getMessage()) for r in collector.records]

    try:
        with tempfile.TemporaryDirectory(prefix="langso-check-") as site_dir:
            try:
                config = load_config(config_file=config_file, strict=True, site_dir=site_dir)
            except MkDocsException as error:
                result.config_ok = False
                result.findings += config_findings(logged(), config_path)
                detail = " ".join(error.format_message().split())  # one line
                if not result.findings or not detail.startswith("Aborted with"):
                    line_match = re.search(r"line (\d+)", detail)
                    line = int(line_match.group(1)) if line_match else None
                    params = {"detail": detail}
                    problem = Problem(config_name, line, "config.unreadable", params=params)
                    result.findings.append(Finding(problem))
                return result
            result.findings += config_findings(logged(), config_path)
            collector.records.clear()
            # First: the files as the author wrote them; last: after every plugin's pages.
            config.plugins.events["files"].insert(0, census.first)
            config.plugins.events["files"].append(census.last)
            docs_dir, docs_rel = content_location(config)
            if progress:
                progress(f"Đang dựng thử trang / building the site: {config_name} …")
            # Every reason the build stops for is logged: read below.
            with _observed_reporters() as seen, suppress(MkDocsException):
                build(config)
            translator = Translator(docs_dir, docs_rel, config_path, census.sources, census.final)
            for levelno, message in logged():
                if is_gate_summary(message):
                    result.stopped_early = True
                    continue
                queue = seen.get(message)
                if queue:
                    result.findings.append(Finding(queue.popleft()))
                    continue
                result.findings += translator.translate(message, levelno < logging.ERROR)
            result.pages = census.pages
            result.services = _count_services(config, docs_dir)
            result.plaques = _count_plaques(config, docs_dir, docs_rel)
    finally:
        mkdocs_log.removeHandler(collector)
    return result


def _count_services(config: MkDocsConfig, docs_dir: Path) -> int:
    if "langso/directory" not in config.plugins:
        return 0
    folder = docs_dir / str(_plugin_option(config, "langso/directory", "services_dir", "danh-ba"))
    if not folder.is_dir():
        return 0
    return sum(1 for p in folder.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())


def _count_plaques(config: MkDocsConfig, docs_dir: Path, docs_rel: str) -> int:
    if "langso/plaques" not in config.plugins:
        return 0
    registry = str(_plugin_option(config, "langso/plaques", "registry", "plaques.yml"))
    entries, _ = load_plaques(docs_dir, docs_rel, registry)
    return len(entries)


if __name__ == "__main__":
    raise SystemExit(main())
