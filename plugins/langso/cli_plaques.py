"""``langso plaques print|migrate|huy-in``: the plaque commands of :mod:`langso.cli`.

An adapter: :mod:`langso.cli` reads ``mkdocs.yml`` into a :class:`Site`; the work is done by the
core (:mod:`langso.plaques`, :mod:`langso.printing`). Printing records every plaque printed, and
a recorded plaque binds the site for ever (:mod:`langso.plaques.record`), so a real print is
refused while it could not work on a wall (:mod:`langso.plaques.guards`); ``--thu`` makes a test
print instead, marked "BẢN IN THỬ" on every plaque and never recorded. ``huy-in`` voids the
recorded print of a plaque that never left the office, by appending a line (issue 13).
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, cast

from langso import clock
from langso.cli_plaques_void import void_print
from langso.cli_site import (
    Site,
    make_folder,
    pdf_or_explain,
    plugin_option,
    report_problems,
    write_file,
)
from langso.paths import repo_path
from langso.plaques.checks import target_kind_problems
from langso.plaques.fit import too_small_problems
from langso.plaques.guards import (
    host_problems,
    placeholder_problem,
    published_to,
    sample_targets,
    site_url_line,
)
from langso.plaques.model import PlaqueEntry, load_plaques
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
    TEST_PRINT,
    WALL_DISTANCE_M,
    PlaqueItem,
    Sheet,
    StickerSheet,
    layout_pages,
    layout_stickers,
    plaque_item,
    plaques_pdf,
)
from langso.problems import Problem
from langso.qr import ErrorCorrection
from langso.text import nfc
from langso.textfile import decode_text

__all__ = ["OUTPUT_NAMES", "TEST_OUTPUT_NAMES", "add_plaques_parser", "run_plaques"]

PAPER_CHOICES = ("A4", "A5", "A6", "stickers")
OUTPUT_NAMES = SHEET_FILES
"""The PDF written for each paper choice in ``--output``."""
TEST_OUTPUT_NAMES = {
    name: file.replace(".pdf", "-in-thu.pdf") for name, file in SHEET_FILES.items()
}
"""The PDF of a test print (``--thu``): never mistaken for, nor written over, a real one."""


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
        metres = float(value.replace(",", "."))  # 1,5 as written in Vietnamese
    except ValueError:
        metres = math.nan
    if not 0 < metres < math.inf:
        raise argparse.ArgumentTypeError(
            f"`{value}` không phải số mét lớn hơn 0, ví dụ 1 hoặc 0,5 / `{value}` is not a "
            "number of metres above 0, e.g. 1 or 0.5"
        )
    return metres


def _config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        default="mkdocs.yml",
        metavar="mkdocs.yml",
        help="tệp cấu hình của trang / the site's configuration file (mặc định/default: "
        "%(default)s)",
    )


def add_plaques_parser(commands: Any, day: Callable[[str], object]) -> None:
    """Add ``plaques print|migrate|huy-in`` to the ``langso`` command's sub-commands.

    Args:
        commands: the sub-parsers of the ``langso`` parser.
        day: the argument type of a typed date (``--date``), shared with the other commands.
    """
    plaques = commands.add_parser(
        "plaques", help="biển mã QR / QR plaques", description="Biển mã QR. / QR plaques."
    )
    actions = plaques.add_subparsers(dest="action", required=True, metavar="VIỆC/ACTION")
    print_ = actions.add_parser(
        "print",
        help="in biển ra PDF / print plaques to PDF",
        description="In các biển trong sổ biển (plaques.yml) ra PDF, mỗi khổ giấy một tệp, rồi "
        "ghi vào sổ biển đã in. Không in thật khi `site_url` còn là địa chỉ tạm hay biển dẫn "
        "tới dữ liệu mẫu; `--thu` để in thử. / Print the registered plaques to PDF, one file "
        "per paper, then add them to the record of printed plaques. Refused while `site_url` "
        "is a placeholder or a plaque leads to sample data; `--thu` for a test print.",
    )
    print_.add_argument(
        "--output",
        required=True,
        type=Path,
        metavar="THƯ_MỤC/DIR",
        help="thư mục ghi các tệp PDF / folder for the PDF files",
    )
    _config_option(print_)
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
        "--thu",
        "--test",
        action="store_true",
        help=f"in thử: mỗi biển có chữ {TEST_PRINT}, tệp tên …-in-thu.pdf, không ghi sổ, in được "
        f"cả khi còn địa chỉ tạm hay dữ liệu mẫu / test print: every plaque marked "
        f"{TEST_PRINT}, files named …-in-thu.pdf, nothing recorded, allowed with a placeholder "
        "address or sample data",
    )
    print_.add_argument(
        "--date",
        type=day,
        metavar="NGÀY/THÁNG/NĂM",
        help="ngày in ghi vào sổ / the printing day to record (mặc định/default: hôm nay giờ "
        "Việt Nam / today in Vietnam, UTC+7)",
    )
    migrate = actions.add_parser(
        "migrate",
        help=f"ghi trang đích vào các dòng dạng cũ của {PRINTED_FILE} / fill in the target of "
        f"old-format lines of {PRINTED_FILE}",
        description=f"Ghi vào mỗi dòng dạng cũ (mã ngày địa-chỉ) của {PRINTED_FILE} trang hiện "
        "tại và tên của biển trong plaques.yml; xem lại từng dòng trước khi commit. / Fill in "
        f"each old-format line (id date url) of {PRINTED_FILE} with the plaque's current page "
        "and name from plaques.yml; check every line before committing.",
    )
    _config_option(migrate)
    void = actions.add_parser(
        "huy-in",
        aliases=["void"],
        help="hủy bản in chưa rời văn phòng / void a print that never left the office",
        description=f"Hủy bản in đã ghi trong {PRINTED_FILE} của một biển CHƯA rời văn phòng "
        "(in nhầm địa chỉ, in thử mà lỡ ghi sổ): ghi thêm một dòng `hủy in`, không xóa dòng "
        "nào; biển không còn bị ràng buộc và được in lại. Không dùng cho biển đã gắn lên tường. "
        f"/ Void the recorded print of a plaque that never left the office: appends a "
        f"`hủy in` line to {PRINTED_FILE}, deletes none; the plaque is no longer bound and "
        "may be printed again. Never for a plaque already mounted.",
    )
    void.add_argument("plaque_id", metavar="MÃ_BIỂN/ID", help="mã biển / the plaque id")
    void.add_argument(
        "--ly-do",
        "--reason",
        default="",
        metavar="LÝ_DO/REASON",
        help="lý do, ghi vào sổ / why, written in the record",
    )
    void.add_argument(
        "--yes",
        "--co",
        action="store_true",
        help="không hỏi lại / do not ask for confirmation",
    )
    void.add_argument(
        "--date",
        type=day,
        metavar="NGÀY/THÁNG/NĂM",
        help="ngày hủy ghi vào sổ / the day to record (mặc định/default: hôm nay / today)",
    )
    _config_option(void)


def run_plaques(args: argparse.Namespace, site: Site) -> int:
    """Run ``langso plaques <action>``; return the exit status (0 done, 1 a mistake).

    Raises:
        PrintError: a paper too small, WeasyPrint missing, a file that cannot be written.
    """
    if args.action == "migrate":
        return _migrate_record(site)
    if args.action in ("huy-in", "void"):
        return void_print(args, site)
    return _print_plaques(args, site)


def _guards(site: Site, chosen: list[PlaqueEntry], registry_rel: str) -> list[Problem]:
    """Why these plaques cannot be printed for real (:mod:`langso.plaques.guards`)."""
    config_path = Path(site.config_file)
    try:
        line = site_url_line(config_path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        line = None
    config_rel = config_path.name
    placeholder = placeholder_problem(site.site_url, config_rel, line)
    problems = [placeholder] if placeholder is not None else []
    redirect_pages = bool(plugin_option(site.config, "langso/plaques", "redirect_pages", True))
    problems += host_problems(
        site.site_url,
        redirect_pages=redirect_pages,
        published=published_to(config_path.parent),
        config_rel=config_rel,
        line=line,
    )
    problems += sample_targets(chosen, site.docs_dir, site.docs_rel, registry_rel)
    return problems


def _print_plaques(args: argparse.Namespace, site: Site) -> int:
    """``langso plaques print``: every plaque in use (or only new ones) to PDF, then recorded;
    with ``--thu`` watermarked and never recorded."""
    started = time.perf_counter()
    registry = str(plugin_option(site.config, "langso/plaques", "registry", "plaques.yml"))
    level = cast(
        ErrorCorrection, plugin_option(site.config, "langso/plaques", "error_correction", "Q")
    )
    max_version = int(plugin_option(site.config, "langso/plaques", "max_version", 6))
    registry_rel = repo_path(site.docs_rel, registry)
    test: bool = args.thu

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
    # A file that is no page (village.yml, ../mkdocs.yml) would print a code leading to a 404.
    services_dir = plugin_option(site.config, "langso/directory", "services_dir", None)
    not_pages = target_kind_problems(entries, services_dir, registry_rel)
    problems += not_pages
    not_page_ids = {p.params["id"] for p in not_pages}
    items: list[PlaqueItem] = []
    chosen: list[PlaqueEntry] = []
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
        if plaque.id in not_page_ids:
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
        chosen.append(entry)
        if plaque.id not in printed:
            to_record.append(format_line(plaque.id, day, item.url, plaque.target, plaque.name))
    # Every plaque each paper is too small for, with the registry's other mistakes: one run
    # names them all (a layout stops at the first).
    jobs: list[tuple[str, Sheet, float]] = []
    for name in dict.fromkeys(args.paper or ["A4"]):
        sheet: Sheet = STICKERS if name == "stickers" else PAPERS[name]
        default = STICKER_DISTANCE_M if name == "stickers" else WALL_DISTANCE_M
        distance = args.distance_m if args.distance_m is not None else default
        pairs = zip(chosen, items, strict=True)
        problems += too_small_problems(pairs, name, sheet, distance, registry_rel)
        jobs.append((name, sheet, distance))
    guards = _guards(site, chosen, registry_rel)
    errors = report_problems(problems if test else problems + guards)
    if errors:
        print(
            f"Làng số: {errors} lỗi, chưa in biển nào — sửa rồi chạy lại. / {errors} error(s), "
            "nothing printed — fix them and run again.",
            file=sys.stderr,
        )
        if guards and not test:
            print(
                f"Chỉ muốn xem thử bản in: thêm --thu (mỗi biển có chữ {TEST_PRINT}, không ghi "
                f"sổ). / For a look only: add --thu (every plaque marked {TEST_PRINT}, nothing "
                "recorded).",
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

    # Lay everything out first: a code too dense for any distance (too_small_problems leaves
    # it to the layout) stops the run before any file is written.
    for _, sheet, distance in jobs:
        if isinstance(sheet, StickerSheet):
            layout_stickers(items, sheet, distance)
        else:
            layout_pages(items, sheet, distance)

    output: Path = args.output
    make_folder(output)
    if test:
        print(
            f"IN THỬ: mỗi biển có chữ {TEST_PRINT}, không ghi vào {PRINTED_FILE}; không gắn các "
            f"tờ này lên tường. / TEST PRINT: every plaque marked {TEST_PRINT}, nothing "
            "recorded; never mount these sheets."
        )
        if guards:
            print(
                f"Chưa in thật được vì {len(guards)} lý do, xem các dòng dưới. / Not yet "
                f"printable for real, for {len(guards)} reason(s) below:"
            )
            for problem in guards:  # notes of this run, not errors: with its other output
                print(problem.format())
    note = f" ({skipped} biển đã in được bỏ qua / already printed, skipped)" if skipped else ""
    print(f"In {len(items)} biển / Printing {len(items)} plaques{note}")
    names = TEST_OUTPUT_NAMES if test else OUTPUT_NAMES
    watermark = TEST_PRINT if test else None
    files = []
    for number, (name, sheet, distance) in enumerate(jobs, start=1):
        begun = time.perf_counter()
        make = partial(plaques_pdf, items, sheet, distance, watermark=watermark)
        pdf = pdf_or_explain(make)
        target = output / names[name]
        write_file(target, pdf.data)
        files.append(target)
        print(
            f"[{number}/{len(jobs)}] {name}, {distance:g} m: {pdf.pages} trang/pages → {target} "
            f"({time.perf_counter() - begun:.1f} s)"
        )

    recorded = 0
    if args.record and to_record and not test:
        # Each line keeps what the plaque leads to as printed: its target may never change.
        append_printed(site.docs_dir, to_record)
        recorded = len(to_record)
        print(f"Đã ghi {recorded} biển vào / recorded {recorded} plaque(s) in {record_rel}")
    kind = "bản in thử, " if test else ""
    print(
        f"Xong: {kind}{len(items)} biển, {len(files)} tệp PDF trong {output}, ghi sổ {recorded} "
        f"biển ({time.perf_counter() - started:.1f} s). / Done: {'test print, ' if test else ''}"
        f"{len(items)} plaques, {len(files)} PDF file(s), {recorded} recorded."
    )
    return 0


def _migrate_record(site: Site) -> int:
    """``langso plaques migrate``: fill in the target and name of the record's old-format lines
    from today's registry (:func:`langso.plaques.record.migrate_lines`), and list them so the
    commune checks each still leads to the place it was printed for."""
    registry = str(plugin_option(site.config, "langso/plaques", "registry", "plaques.yml"))
    entries, problems = load_plaques(site.docs_dir, site.docs_rel, registry)
    record_rel = repo_path(site.docs_rel, PRINTED_FILE)
    path = site.docs_dir / PRINTED_FILE
    text = None
    if path.is_file():
        text, read_problems = decode_text(path.read_bytes(), record_rel)
        problems += read_problems
    if report_problems(problems):
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
