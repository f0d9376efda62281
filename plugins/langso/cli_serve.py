"""``langso serve``: ``mkdocs serve`` with live reload of only the pages that changed.

The address (``-a``, else ``dev_addr`` of ``mkdocs.yml``, else ``127.0.0.1:8000``) is checked
and tried before the first build (:mod:`langso.devaddr`): a malformed one or a port already in
use is a message in Vietnamese then English naming a free port to type, exit status 1, never a
traceback (also when the port is taken during the first build).
"""

from __future__ import annotations

import argparse
import errno
import logging
import os
import re
import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import MkDocsException

from langso.cli_preview import error_pages
from langso.cli_site import UserError, config_option
from langso.devaddr import DEFAULT_ADDRESS, AddressError, check_free, in_use_error, parse_address

__all__ = ["DirtyBuildNote", "add_serve_parser", "run_serve"]

DIRTY_VI = (
    "Bản xem trước chỉ dựng lại những trang vừa sửa: trình đơn ở các trang khác có thể còn tên "
    "cũ cho tới lần dựng lại sau — `langso serve --full` dựng lại tất cả mỗi lần sửa. / Only the "
    "pages that changed are rebuilt: other pages' menus may show old titles until the next "
    "rebuild; `langso serve --full` rebuilds everything on every change."
)


class DirtyBuildNote(logging.Filter):
    """MkDocs' English warning for a dirty build ("A 'dirty' build is being performed, this will
    likely lead to inaccurate navigation…", ``mkdocs/commands/build.py``), said to a volunteer
    as what it means for them, in Vietnamese then English, as information: the preview is
    dirty by choice (:func:`run_serve`), nothing is wrong."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.getMessage().startswith("A 'dirty' build is being performed"):
            record.msg, record.args = DIRTY_VI, ()
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


def add_serve_parser(commands: Any) -> None:
    """Add ``langso serve`` to the subcommands ``commands`` (``add_subparsers()``)."""
    serve = commands.add_parser(
        "serve",
        help="xem trước, tự tải lại khi sửa / live preview",
        description="Chạy `mkdocs serve`: xem trước trang web, tự dựng lại khi sửa Markdown "
        "hoặc YAML trong thư mục nội dung — chỉ những trang đã đổi. Dừng bằng Ctrl+C. / Live "
        "preview rebuilding only the pages that changed; stop with Ctrl+C.",
    )
    config_option(serve)
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


def run_serve(args: argparse.Namespace) -> int:
    """``langso serve``: ``mkdocs serve`` with live reload, until Ctrl+C.

    Rebuilds are dirty (``mkdocs serve --dirty``): only pages whose source changed are rendered
    again, and generated pages and files only when their own content changed since this process
    wrote them (:mod:`langso.pagechanges`). A village of a thousand pages shows an edit in seconds,
    where a full rebuild takes tens of seconds; the price is that the navigation of pages not
    rendered again may show an old title. ``--full`` rebuilds everything. A rebuild that fails
    (a mistake in the content) is shown in the browser as a page listing its messages, until a
    rebuild succeeds (:mod:`langso.cli_preview`).
    """
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    if not Path(args.config).is_file():
        raise UserError(
            f"{args.config}: không có tệp cấu hình này — chạy lệnh trong thư mục có mkdocs.yml "
            f"hoặc chỉ đường bằng --config\n    (en) no such configuration file — run the "
            "command in the folder holding mkdocs.yml or give --config"
        )
    host, port = _address(args)
    from mkdocs.commands.serve import serve

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler.addFilter(DirtyBuildNote())
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    mkdocs_log.setLevel(logging.INFO)
    options: dict[str, Any] = {}
    if host:
        options["dev_addr"] = f"{host}:{port}"  # as MkDocs reads IPv6 too: `::1:8001`
    try:
        build_type = None if args.full else "dirty"
        with error_pages(os.path.dirname(os.path.abspath(args.config))):
            serve(config_file=args.config, livereload=True, build_type=build_type, **options)
    except MkDocsException as error:
        print(
            f"{args.config}: không chạy được bản xem trước: {error.format_message()} — chạy "
            f"`langso check` để xem mọi lỗi\n    (en) the preview could not start — run "
            "`langso check` to list every problem",
            file=sys.stderr,
        )
        return 1
    except OSError as error:
        if error.errno != errno.EADDRINUSE or not host:
            raise
        print(in_use_error(host, port), file=sys.stderr)  # taken during the first build
        return 1
    except KeyboardInterrupt:
        pass
    finally:
        mkdocs_log.removeHandler(handler)
    return 0


_DEV_ADDR = re.compile(r"^dev_addr\s*:\s*['\"]?([^'\"\s#]+)", re.MULTILINE)


def _address(args: argparse.Namespace) -> tuple[str, int]:
    """The preview's ``(host, port)``, checked free; ``("", 0)`` when ``mkdocs.yml`` names an
    address MkDocs will report itself (a malformed ``dev_addr``).

    Raises:
        UserError: ``-a`` is malformed, or the port is in use.
    """
    given = args.dev_addr
    if given is None:
        configured = _DEV_ADDR.search(
            Path(args.config).read_text(encoding="utf-8", errors="replace")
        )
        given = configured.group(1) if configured else DEFAULT_ADDRESS
        try:
            parse_address(given)
        except AddressError:
            return "", 0  # MkDocs names the field of mkdocs.yml
    try:
        host, port = parse_address(given)
        check_free(host, port)
    except AddressError as error:
        raise UserError(str(error)) from None
    return host, port
