"""``langso portal cong.yml``: build a portal of many villages (issue 17).

Usage::

    langso portal cong.yml [--ra DIR] [--tien-trinh N] [--da-dung DIR]

Reads the portal file (:mod:`langso.portal.config`; every mistake listed at once, exit 2), reads
every village (:mod:`langso.portal.sources`: village projects built in parallel processes, built
folders, published sites fetched; a village that fails uses its last good copy from the cache or
is shown as unavailable), writes the portal (:func:`langso.portal.site.write_portal`) into
``--ra`` (default ``site-cong`` beside the portal file), checks it against its host's limits
(:mod:`langso.hosts`, the host guessed from the portal's ``dia_chi``) and prints one line per
village, Vietnamese first. Exit status: 0 when at least one village is usable and the portal fits
its host, 1 when no village is usable or the portal is over a host limit, 2 for a mistyped
command line or a wrong portal file.

It also warns when a portal with village projects has no ``dia_chi`` (their addresses cannot be
checked), adds :data:`langso.portal.ci_repo.PORTAL_IGNORED` to ``.gitignore`` beside the portal
file when it is in a git work tree (and says so), and ends with how to look at the portal.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path
from typing import Any

from langso.clock import today
from langso.hosts import check_output, limits_for
from langso.portal.addresses import address_problems
from langso.portal.ci_repo import PORTAL_IGNORED, ensure_gitignore, gitignore_note, in_git_work_tree
from langso.portal.config import PortalFile, Source, normal_url, read_portal_file, url_problem
from langso.portal.fetch import FetchSettings
from langso.portal.model import PortalInfo, VillageResult
from langso.portal.site import write_portal
from langso.portal.sources import collect_villages
from langso.problems import Problem

__all__ = ["FETCH_SETTINGS", "add_portal_parser", "run_portal"]

FETCH_SETTINGS = FetchSettings()
"""Network patience of ``langso portal`` (10 s a try, 3 tries); tests replace it."""

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Control characters (a terminal's escape sequences) and direction overrides: a summary read
from the network is hostile, and its names are printed to the terminal."""


def _printable(text: str) -> str:
    """``text`` with every control or direction-override character shown as ``�``."""
    return _UNPRINTABLE.sub("\ufffd", text)


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(
            f"`{value}` không phải số nguyên dương, ví dụ 4 / `{value}` is not a positive whole "
            "number, e.g. 4"
        )
    return number


def add_portal_parser(commands: Any) -> None:
    """Add ``langso portal`` to the subcommands ``commands`` (``add_subparsers()``)."""
    portal = commands.add_parser(
        "portal",
        help="dựng cổng chung của nhiều làng / build a portal of many villages",
        description="Dựng trang cổng từ tệp cổng (cong.yml): đọc từng làng (dựng thư mục dự án "
        "song song, đọc trang đã dựng, tải trang đã đăng), rồi ghi cổng: các xã, các làng, "
        "địa điểm và dịch vụ, tìm kiếm chung. Làng nào không đọc được thì dùng bản lưu gần "
        "nhất hoặc ghi là tạm thời không có. / Build the portal from the portal file: read "
        "every village (projects built in parallel, built sites, published sites fetched), "
        "then write the portal; a village that cannot be read uses its last good copy or is "
        "shown as unavailable. Tệp CI dựng mọi làng song song rồi dựng cổng / the CI file "
        "building every village in parallel, then the portal: langso portal ci github|gitlab "
        "cong.yml (docs/cong-tinh.md).",
    )
    portal.add_argument(
        "cong",
        type=Path,
        metavar="cong.yml",
        help="tệp cổng: tên cổng và danh sách làng / the portal file: its name and villages",
    )
    portal.add_argument(
        "--ra",
        type=Path,
        metavar="THƯ_MỤC/DIR",
        help="thư mục ghi cổng / the output folder (mặc định/default: site-cong cạnh tệp "
        "cổng / beside the portal file)",
    )
    portal.add_argument(
        "--tien-trinh",
        type=_count,
        default=os.cpu_count() or 1,
        metavar="N",
        help="số làng dựng cùng lúc / villages built at a time (mặc định/default: số lõi CPU / "
        "the CPU count: %(default)s)",
    )
    portal.add_argument(
        "--da-dung",
        type=Path,
        metavar="THƯ_MỤC/DIR",
        help="thư mục các làng CI đã dựng, mỗi làng ở THƯ_MỤC/<mã-làng>/: đọc thay vì dựng / "
        "villages already built by CI in DIR/<key>/: read instead of building",
    )


def _shown(path: Path) -> str:
    """``path`` relative to the working folder when it is inside it (no machine paths shown)."""
    try:
        return Path(os.path.relpath(path)).as_posix() if path.is_absolute() else path.as_posix()
    except ValueError:  # another drive (Windows)
        return path.as_posix()


def run_portal(args: argparse.Namespace) -> int:
    """``langso portal``: see the module doc; returns the exit status."""
    started = time.perf_counter()
    path: Path = args.cong
    shown = _shown(path)
    if not path.is_file():
        print(Problem(shown, None, "portal.file-missing").format(), file=sys.stderr)
        return 2
    portal, problems = read_portal_file(path.resolve(), shown)
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    if portal is None:
        errors = sum(1 for p in problems if p.severity == "error")
        print(
            f"Chưa dựng được cổng: {errors} lỗi trong {shown} phải sửa. / The portal was not "
            f"built: {errors} mistake(s) in {shown} to fix.",
            file=sys.stderr,
        )
        return 2
    built: Path | None = args.da_dung
    if built is not None and not built.is_dir():
        print(
            f"{_shown(built)}: không có thư mục này (--da-dung) / no such folder (--da-dung)",
            file=sys.stderr,
        )
        return 2
    out: Path = args.ra if args.ra is not None else path.parent / "site-cong"
    unsafe = _unsafe_output(out, portal)
    if unsafe is not None:
        print(unsafe.format(), file=sys.stderr)
        return 2
    print(f"Đọc {len(portal.sources)} làng… / reading {len(portal.sources)} villages…")
    results = collect_villages(
        portal,
        jobs=args.tien_trinh,
        today=today(),
        built_dir=built.resolve() if built is not None else None,
        settings=FETCH_SETTINGS,
    )
    for source, result in zip(portal.sources, results, strict=True):
        print(_village_line(result, source, portal.address))
    usable = [r for r in results if r.status != "loi"]
    info = PortalInfo(portal.name, portal.address)
    stats = write_portal(out, info, results)
    over = _check_host(out, portal.address)
    fresh = sum(1 for r in results if r.status == "moi")
    kept = len(usable) - fresh
    missing = len(results) - len(usable)
    seconds = time.perf_counter() - started
    print(
        f"Cổng: {len(results)} làng — {fresh} mới đọc, {kept} dùng bản lưu, {missing} không có; "
        f"{stats.pages} trang, {stats.files} tệp → {_shown(out)} ({seconds:.1f} s). / Portal: "
        f"{len(results)} villages — {fresh} fresh, {kept} last good copy, {missing} "
        f"unavailable; {stats.pages} pages, {stats.files} files."
    )
    if portal.address is None and any(s.kind == "project" for s in portal.sources):
        print(Problem(shown, None, "portal.no-portal-address", severity="warning").format())
    root = path.resolve().parent
    if in_git_work_tree(root):
        added = ensure_gitignore(root, PORTAL_IGNORED, "langso portal")
        if added:
            print(gitignore_note(root, added))
    if not usable:
        print(
            "Không đọc được làng nào: cổng không có nội dung. / No village could be read: the "
            "portal is empty.",
            file=sys.stderr,
        )
        return 1
    print(_look_at_it(out))
    return 1 if over else 0


def _unsafe_output(out: Path, portal: PortalFile) -> Problem | None:
    """A problem when the output folder holds the portal file or a village's folder: the portal
    replaces its own folders there (``lang/``, ``xa/``…, :func:`langso.portal.site.write_portal`),
    so ``--ra .`` in a one-repository portal would delete the villages' projects in ``lang/``."""
    target = out.resolve()
    held = [portal.path.parent, *(s.folder for s in portal.sources if s.folder is not None)]
    inside = next((f for f in held if f == target or target in f.parents), None)
    if inside is None:
        return None
    return Problem(
        _shown(out), None, "portal.out-unsafe", None, {"folder": _shown(inside)}, "error"
    )


def _look_at_it(out: Path) -> str:
    """How to look at the portal on this machine: a web server (search and folder links need
    one; ``index.html`` opened from the disk does not work)."""
    folder = _shown(out)
    return (
        f"Xem thử / to look at it: python3 -m http.server 8000 -d {folder} rồi mở / then open "
        "http://localhost:8000/ (mở thẳng tệp index.html thì tìm kiếm và liên kết thư mục không "
        "chạy: cần máy chủ web / opening index.html from the disk does not work: search and "
        'folder links need a web server). Kết quả tìm và "Mở trang của làng" dẫn tới địa chỉ '
        "đã đăng của làng: trên máy chỉ mở được khi làng đã đăng; trang 404 của cổng chỉ "
        'thấy khi đã đăng. / Results and "Mở trang của làng" lead to each village\'s published '
        "address: they open once the village is published; the portal's 404 page shows once "
        "published."
    )


def _village_line(
    result: VillageResult, source: Source | None = None, portal_address: str | None = None
) -> str:
    """One line for the village (and its problems indented below): ok, last copy or unavailable.

    With its ``source`` (the portal file's entry), the village's addresses are checked
    (:func:`langso.portal.addresses.address_problems`): its own ``site_url`` against its
    entry's ``dia_chi``, or for a village project against the portal's address + its key (where
    the CI of one repository for many villages publishes it), and a placeholder address; its
    plaques' QR codes would lead elsewhere or nowhere (docs/cong-tinh.md)."""
    lang = (result.summary or {}).get("lang") or {}
    name = f"{lang.get('ten_day_du', '')}, {lang.get('xa', '')}" if lang else result.key
    name = _printable(name)
    if result.status == "moi":
        line = f"  ✓ {name}: đọc được / read ({result.source})"
    elif result.status == "ban-luu":
        day = result.read_on
        vi_day = day.strftime("%d/%m/%Y") if day else "?"
        en_day = day.isoformat() if day else "?"
        line = (
            f"  ! {name}: không đọc được, dùng bản lưu ngày {vi_day} / could not be read, using "
            f"the copy of {en_day} ({result.source})"
        )
    else:
        line = f"  ✗ {_printable(result.source)}: không có / unavailable"
    notes = [result.problem] if result.problem else []
    if result.summary is not None and result.base_url is None:
        notes.append(Problem(result.source, None, "portal.no-address").format())
    elif result.summary is not None and source is not None:
        own = result.summary.get("dia_chi")
        site_url = normal_url(own) if isinstance(own, str) and not url_problem(own) else None
        for problem in address_problems(source, result.key, portal_address, site_url):
            notes.append(problem.format())
    for note in notes:
        line += "".join(f"\n      {_printable(part)}" for part in note.splitlines())
    return line


def _check_host(out: Path, address: str | None) -> bool:
    """Print how the portal fits its host's limits; whether it is over one."""
    limits, note = limits_for(None, address)
    findings = check_output(out, limits)
    for finding in findings:
        print(f"{_shown(out)}: {finding.message}", file=sys.stderr)
    if findings and note:
        print(f"    {note}", file=sys.stderr)
    return any(finding.level == "error" for finding in findings)
