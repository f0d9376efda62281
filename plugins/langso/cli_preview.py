"""``langso serve`` after a failed rebuild: the browser gets a page saying why, never a hang.

MkDocs' preview server (``mkdocs/livereload/__init__.py``) answers a page only once the site
it asked for is built: when a rebuild fails (a volunteer saved a YAML file with an unclosed
quote, a page with broken front matter) it logs "The server will appear stuck until build
errors are resolved", and every page the browser asks for then waits, with no answer, until the
content is fixed. :class:`PreviewServer` counts a failed rebuild as done instead: every page of
the preview (an address ending in ``/``, in ``.html`` or without a file extension) is answered
at once with :func:`langso.previewerror.error_page`, listing the warnings and errors that
rebuild logged, as the terminal printed them (paths relative to the project); styles, scripts
and pictures are served from the last build as before. MkDocs' live-reload script in that page
reloads it when a later rebuild ends, so fixing the file shows the corrected page by itself.
The first build, before the server starts, still ends ``langso serve`` on an error
(:func:`langso.cli_serve.run_serve`).

:func:`error_pages` puts the class in the place of MkDocs' own for the time of one
``serve()``: MkDocs' ``serve()`` makes its server itself and offers no other way in.
"""

from __future__ import annotations

import logging
import os
import posixpath
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import mkdocs.commands.serve as mkdocs_serve
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer

from langso.adapter import is_error_summary
from langso.previewerror import error_page

__all__ = ["PreviewServer", "error_pages"]

log = logging.getLogger("mkdocs.plugins.langso.preview")

NOTE = (
    "Chưa dựng lại được: trình duyệt đang hiện các lỗi ở trên thay cho trang — sửa rồi lưu "
    "tệp, bản xem trước tự dựng lại và tải lại trang. / The rebuild failed: the browser shows "
    "the errors above instead of the page — fix and save the file, the preview rebuilds and "
    "reloads the page by itself."
)


class _Heard(logging.Handler):
    """The warnings and errors logged under ``mkdocs`` during one rebuild, as plain text."""

    def __init__(self, root: str) -> None:
        super().__init__(logging.WARNING)
        self.root = root
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage().replace(self.root, ""))


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server whose failed rebuilds are served as an error page.

    Attributes:
        failure: the messages of the last rebuild when it failed, else ``None``.
    """

    root_prefix = ""
    """The project's folder with a trailing separator, removed from the messages shown."""

    def __init__(self, builder: Callable[[], None], *args: Any, **kwargs: Any) -> None:
        self.failure: list[str] | None = None
        super().__init__(self._guarded(builder), *args, **kwargs)

    def _guarded(self, builder: Callable[[], None]) -> Callable[[], None]:
        def rebuild() -> None:
            heard = _Heard(self.root_prefix)
            mkdocs_log = logging.getLogger("mkdocs")
            mkdocs_log.addHandler(heard)
            try:
                builder()
            except Exception as error:
                if not isinstance(error, MkDocsException):
                    traceback.print_exc()  # a fault in code, not in content: its trace helps
                # The mistakes themselves: the build's closing count is not one more of them
                # (and its "run again" is wrong here: the preview rebuilds by itself).
                said = [m for m in heard.messages if m and not is_error_summary(m)]
                self.failure = said or [f"{type(error).__name__}: {error}"]
                log.info(NOTE)
            else:
                self.failure = None
            finally:
                mkdocs_log.removeHandler(heard)

        return rebuild

    def _serve_request(self, environ: Any, start_response: Any) -> Iterable[bytes] | None:
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        if path.startswith("/livereload/") or not _is_page(path, self.mount_path):
            return super()._serve_request(environ, start_response)
        with self._epoch_cond:  # as MkDocs: the rebuild under way ends first
            self._epoch_cond.wait_for(lambda: self._visible_epoch == self._wanted_epoch)
            epoch, failure = self._visible_epoch, self.failure
        if failure is None:
            return super()._serve_request(environ, start_response)
        content = self._inject_js_into_html(error_page(failure), epoch)  # type: ignore[no-untyped-call]
        # 200, not 500: MkDocs logs every other status as a warning line, one per page asked
        start_response(
            "200 OK",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(content)))],
        )
        return [content]


def _is_page(path: str, mount_path: str) -> bool:
    """Whether ``path`` asks for a page of the site mounted at ``mount_path`` (``/lang-so/``)."""
    if not (path + "/").startswith(mount_path):
        return False
    name = posixpath.basename(path)
    return path.endswith("/") or name.endswith(".html") or "." not in name


@contextmanager
def error_pages(project: str) -> Iterator[None]:
    """MkDocs' ``serve()`` within uses :class:`PreviewServer`; messages shown lose the prefix
    ``project`` (the folder of ``mkdocs.yml``, absolute)."""
    original = mkdocs_serve.LiveReloadServer  # type: ignore[attr-defined]
    PreviewServer.root_prefix = os.path.join(os.path.abspath(project), "")
    mkdocs_serve.LiveReloadServer = PreviewServer  # type: ignore[attr-defined]
    try:
        yield
    finally:
        mkdocs_serve.LiveReloadServer = original  # type: ignore[attr-defined]
