"""A real local HTTP server of villages, in threads, for the portal's fetch tests.

Its villages: ``/tot/`` answers, ``/chap-chon/`` answers 500 then 200, ``/im-lang/`` never
answers (within any test's timeout), ``/file/`` redirects to ``file://``, ``/doi-cho/`` redirects
to ``/tot/``, ``/lon/`` serves 6 MB (``/lon-khong-do-dai/`` without a Content-Length), ``/hong/``
serves text that is not JSON, anything else is 404; more answers can be added by path.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.portal.summaries import make_summary

__all__ = ["GOOD", "Server", "serve"]

GOOD = json.dumps(make_summary("Phú Mỹ"), ensure_ascii=False).encode()
Server = tuple[str, dict[str, int], dict[str, bytes]]
"""The base address ``http://127.0.0.1:<port>``, the hits by path and the extra answers by path."""


class Village(BaseHTTPRequestHandler):
    """The server's villages (see the module doc); ``hits`` counts requests by path."""

    hits: dict[str, int]
    answers: dict[str, bytes]
    release: threading.Event

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        if length:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.send_header("Connection", "close")
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)  # the client may stop reading at its size cap

    def do_GET(self) -> None:
        path = self.path
        self.hits[path] = self.hits.get(path, 0) + 1
        if path in self.answers:
            self._send(200, self.answers[path])
        elif path == "/chap-chon/lang-so.json":
            self._send(
                500 if self.hits[path] == 1 else 200, b"loi" if self.hits[path] == 1 else GOOD
            )
        elif path == "/im-lang/lang-so.json":
            self.release.wait(5)  # never answers within the test's timeout
        elif path == "/file/lang-so.json":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/doi-cho/lang-so.json":
            self.send_response(301)
            self.send_header("Location", "/tot/lang-so.json")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/lon/lang-so.json":
            self._send(200, b" " * 6_000_000)
        elif path == "/lon-khong-do-dai/lang-so.json":
            self._send(200, b" " * 6_000_000, length=False)
        elif path == "/hong/lang-so.json":
            self._send(200, b'{"dinh_dang": ')
        else:
            self._send(404, b"")


@contextlib.contextmanager
def serve() -> Iterator[Server]:
    """Run the server until the block ends (a thread per request)."""
    hits: dict[str, int] = {}
    answers: dict[str, bytes] = {"/tot/lang-so.json": GOOD}
    release = threading.Event()
    handler = type("Handler", (Village,), {"hits": hits, "answers": answers, "release": release})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", hits, answers
    finally:
        release.set()
        httpd.shutdown()
        httpd.server_close()
