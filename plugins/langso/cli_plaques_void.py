"""``langso plaques huy-in <id>``: void the recorded print of a plaque that never left the office.

The record of printed plaques is append-only (:mod:`langso.plaques.record`): after a
confirmation (or ``--yes``) the command appends the line that voids the plaque's print, so no
one edits the record by hand (issue 13).
"""

from __future__ import annotations

import argparse
import sys

from langso import clock
from langso.cli_site import Site, plugin_option, report_problems
from langso.paths import repo_path
from langso.plaques.model import load_plaques
from langso.plaques.record import PRINTED_FILE, append_printed, read_printed, void_line
from langso.text import fold

__all__ = ["void_print"]

_YES = ("co", "c", "yes", "y")
"""Answers that confirm, accents and case folded (``có``, ``Có``, ``yes``)."""


def void_print(args: argparse.Namespace, site: Site) -> int:
    """``langso plaques huy-in <id>``: after a confirmation (or ``--yes``), append the line
    voiding the plaque's recorded print (:func:`langso.plaques.record.void_line`)."""
    record_rel = repo_path(site.docs_rel, PRINTED_FILE)
    printed, problems = read_printed(site.docs_dir, site.docs_rel)
    if report_problems(problems):
        print(
            f"Làng số: sửa lỗi của {record_rel} trước, chưa hủy gì. / Fix the errors of "
            f"{record_rel} first; nothing voided.",
            file=sys.stderr,
        )
        return 1
    plaque_id: str = args.plaque_id.strip()
    record = printed.get(plaque_id)
    if record is None:
        listed = ", ".join(f"`{i}`" for i in sorted(printed)) or "không có / none"
        print(
            f"{record_rel}: không có bản in nào của biển `{plaque_id}` để hủy; các biển đã in: "
            f"{listed}\n    (en) no recorded print of plaque `{plaque_id}` to void; printed "
            f"plaques: {listed}",
            file=sys.stderr,
        )
        return 1
    name = record.name or plaque_id
    print(
        f"Biển `{plaque_id}` (“{name}”) ghi là đã in ngày {record.printed:%d/%m/%Y} "
        f"({record_rel}, dòng {record.line}), mã QR: {record.url}\n"
        f"Plaque `{plaque_id}` is recorded as printed on {record.printed:%d/%m/%Y}, "
        f"QR code: {record.url}"
    )
    print(
        "Chỉ hủy khi MỌI tờ đã in của biển này còn ở văn phòng và sẽ bị xé bỏ: biển đã gắn lên "
        "tường thì không hủy, hãy giữ hoặc thay bằng `thay_bang`/`ngung`. / Void only if EVERY "
        "printed copy is still in the office and will be destroyed: for a mounted plaque keep "
        "it, or use `thay_bang`/`ngung`."
    )
    if not args.yes and not _confirmed():
        print(
            "Chưa hủy gì. Chạy lại và gõ `có` để xác nhận, hoặc thêm --yes. / Nothing voided. "
            "Run again and type `có` to confirm, or add --yes.",
            file=sys.stderr,
        )
        return 1
    append_printed(site.docs_dir, [void_line(plaque_id, args.date or clock.today(), args.ly_do)])
    print(
        f"Đã ghi dòng hủy bản in của biển `{plaque_id}` vào {record_rel}: biển không còn bị "
        "ràng buộc vào địa chỉ và trang đã in. Xé bỏ các tờ đã in; in lại bằng `langso plaques "
        f"print` khi đã sẵn sàng, rồi commit {record_rel}. / Recorded the void of plaque "
        f"`{plaque_id}`: it is no longer bound to the address and page printed. Destroy the "
        "printed copies; print again with `langso plaques print` when ready, then commit."
    )
    registry = str(plugin_option(site.config, "langso/plaques", "registry", "plaques.yml"))
    entries, _ = load_plaques(site.docs_dir, site.docs_rel, registry)
    for entry in entries:
        if entry.plaque.id == plaque_id and entry.plaque.printed is not None:
            # `ngay_in` says "printed", which the record no longer does: the build would ask
            # for the record line back (plaque.printed-unrecorded).
            where = f"{repo_path(site.docs_rel, registry)}:{entry.printed_line or entry.line}"
            print(
                f"Xóa cả dòng `ngay_in` của biển ở {where}: bản in đó đã hủy. / Also delete "
                f"the plaque's `ngay_in` line at {where}: that print is void."
            )
    return 0


def _confirmed() -> bool:
    """Ask on the terminal; no answer (no terminal, end of input) is no."""
    try:
        answer = input("Hủy bản in này? Gõ `có` để xác nhận / Void this print? Type `có`: ")
    except EOFError:
        print(file=sys.stderr)
        return False
    return fold(answer.strip()) in _YES
