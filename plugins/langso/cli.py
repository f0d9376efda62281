"""The ``langso`` command: print QR plaques and the commune booklet outside ``mkdocs build``.

An adapter, like the plugins: it reads ``mkdocs.yml`` with MkDocs (``site_url``, ``site_name``,
``docs_dir`` and the ``langso/plaques`` and ``langso/directory`` options) and calls the core
(:mod:`langso.printing`, :mod:`langso.plaques`). Usage::

    langso plaques print --output in/ [--config mkdocs.yml] [--paper A4|A5|A6|stickers]...
                         [--distance-m 1.0] [--new-only] [--record | --no-record] [--date NGÀY]
    langso booklet --site site --output so-tay.pdf [--config mkdocs.yml]

Mistakes are reported as located, bilingual lines and the command exits with status 1 (2 for a
mistyped command line); a traceback means a bug.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TextIO, cast

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from langso.adapter import content_location
from langso.paths import repo_path
from langso.plaques.model import load_plaques
from langso.plaques.record import PRINTED_FILE, append_printed, read_printed
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
from langso.text import nfc
from langso.village import load_village

__all__ = ["VIETNAM", "main"]

VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``langso`` command; return the exit status (0 done, 1 a mistake, 2 usage)."""
    args = build_parser().parse_args(argv)
    handler = _MkDocsLog(sys.stderr, args.config)
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    try:
        if args.command == "booklet":
            return _booklet(args)
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


def _load(config_file: str) -> _Site:
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
    problems += check_printed(
        entries, printed, site.site_url, repo_path(site.docs_rel, PRINTED_FILE)
    )
    # Source paths as the build sees them: NFC, whatever form the file system stores (C-03).
    sources = {
        nfc(path.relative_to(site.docs_dir).as_posix())
        for path in site.docs_dir.rglob("*")
        if path.is_file()
    }
    items: list[PlaqueItem] = []
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
    if args.record:
        day = args.date or dt.datetime.now(VIETNAM).date()
        new = [(item.id, item.url) for item in items if item.id not in printed]
        if new:
            path = append_printed(site.docs_dir, new, day)
            recorded = len(new)
            where = repo_path(site.docs_rel, path.name)
            print(f"Đã ghi {recorded} biển vào / recorded {recorded} plaque(s) in {where}")
    print(
        f"Xong: {len(items)} biển, {len(files)} tệp PDF trong {output}, ghi sổ {recorded} biển "
        f"({time.perf_counter() - started:.1f} s). / Done: {len(items)} plaques, {len(files)} "
        f"PDF file(s), {recorded} recorded."
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


if __name__ == "__main__":
    raise SystemExit(main())
