"""What the browser tests share: the built site served under its sub-path, and Chromium.

The site is served as GitHub Pages serves a project site: only under ``PREFIX``, text files
gzip-compressed (level 6) for browsers that accept it, and a missing path answered with the
site's own ``404.html`` and status 404. The browser is the system's Chromium (Debian's
``chromium`` on ``PATH``; CI has no network for Playwright's download) or else Playwright's own
(:data:`INSTALL_CHROMIUM`), driven by Playwright, headless, with the flags this machine needs.

A test that needs the browser is marked ``@pytest.mark.browser`` (or asks for a fixture named
``browser``); ``tests/conftest.py`` skips it when :func:`find_chromium` finds nothing, counts the
skips at the end of the run, and fails it instead under CI (``CI=true``).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

PREFIX = "/lang-phu-my/"
SYSTEM_CHROMIUM = ("chromium", "chromium-browser")
INSTALL_CHROMIUM = ".venv/bin/python -m playwright install chromium"
"""The one command that gives a machine without Chromium the browser the tests use."""
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


GZIP_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")


class SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site under ``prefix`` only, as a static host does."""

    prefix = PREFIX
    extensions_map: dict[str, str] = {  # noqa: RUF012 - as the base class declares it
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".webmanifest": "application/manifest+json",
    }

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_head(self) -> Any:
        address = self.path.split("?")[0].split("#")[0]
        path = Path(self.translate_path(address))
        if path.is_dir() and address.endswith("/"):  # a query too: tim-kiem/?q=…
            path = path / "index.html"
        kind = self.guess_type(str(path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not path.is_file() or not accepts or not kind.startswith(GZIP_TYPES):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if "gzip" in self.headers.get("Accept-Encoding", ""):  # as hosts serve it
            body = gzip.compress(body, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Body:
    """A compressed body, read by ``SimpleHTTPRequestHandler.copyfile`` like a file."""

    def __init__(self, data: bytes) -> None:
        self.data: bytes | None = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = self.data or b"", None
        return data

    def close(self) -> None:
        self.data = None


class _QuietServer(http.server.ThreadingHTTPServer):
    """A browser that has what it needs closes the connection mid-answer: not an error."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(site_dir: Path, prefix: str = PREFIX) -> Iterator[str]:
    """Serve ``site_dir`` on 127.0.0.1 under ``prefix``; yields the base URL (ending in ``/``)."""
    handler_class = type("Handler", (SubPathHandler,), {"prefix": prefix})
    handler = functools.partial(handler_class, directory=str(site_dir))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@functools.cache
def find_chromium() -> str | None:
    """The Chromium the browser tests drive, or ``None`` when this machine has none.

    The system's first (``chromium`` or ``chromium-browser`` on ``PATH``), else the one that
    :data:`INSTALL_CHROMIUM` downloads (under ``PLAYWRIGHT_BROWSERS_PATH`` or Playwright's cache
    folder); asking Playwright where that one lives starts its driver (under a second), so it
    is asked only when the system has none, once per process.
    """
    for name in SYSTEM_CHROMIUM:
        found = shutil.which(name)
        if found:
            return found
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        own = str(playwright.chromium.executable_path)
    return own if os.path.isfile(own) else None


def launch(playwright: Any) -> Any:
    """Chromium (:func:`find_chromium`), headless, with the flags this sandbox needs."""
    return playwright.chromium.launch(
        executable_path=find_chromium(), headless=True, args=CHROMIUM_ARGS
    )


def free_port() -> int:
    """A TCP port on 127.0.0.1 free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    """The text at ``url``, or ``None`` when nothing answers (yet)."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def wait_for(url: str, text: str, seconds: float) -> bool:
    """Poll ``url`` until it contains ``text``; False after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and text in page:
            return True
        time.sleep(0.3)
    return False


def first_visit(
    browser: Any, url: str, site: str, viewport: dict[str, int], leave_out: tuple[str, ...] = ()
) -> tuple[list[str], int, Any]:
    """Open ``url`` in a fresh phone context (cold cache) and weigh what it loads until the
    network is quiet: every URL requested but images (photos load lazily and are weighed
    apart) and addresses ending with one of ``leave_out``, and the bytes received for them
    (``encodedDataLength``: compressed bodies and headers). Asserts that nothing came from
    outside ``site``. Returns ``(urls, bytes, page)``; the caller closes ``page.context``."""
    context = browser.new_context(viewport=viewport, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    kinds: dict[str, tuple[str, str]] = {}
    received: dict[str, int] = {}
    cdp.on(
        "Network.requestWillBeSent",
        lambda e: kinds.__setitem__(e["requestId"], (e.get("type", ""), e["request"]["url"])),
    )
    cdp.on(
        "Network.loadingFinished",
        lambda event: received.__setitem__(event["requestId"], int(event["encodedDataLength"])),
    )
    page.goto(url, wait_until="networkidle")
    kinds = {rid: v for rid, v in kinds.items() if not v[1].startswith("data:")}  # no transfer
    everything = [address for _, address in kinds.values()]
    assert all(address.startswith(site) for address in everything), everything
    counted = [
        rid
        for rid, (kind, address) in kinds.items()
        if kind != "Image" and not address.split("?")[0].endswith(leave_out)
    ]
    return [kinds[rid][1] for rid in counted], sum(received.get(rid, 0) for rid in counted), page


@contextmanager
def langso_serve(root: Path, tmp_path: Path) -> Iterator[tuple[int, Path, Path]]:
    """``langso serve`` running in ``root`` on a free port: ``(port, log, previews)``, its output
    in ``tmp_path/serve.log`` and the site it builds in a fresh ``mkdocs_*`` folder of
    ``previews`` (MkDocs makes it in ``TMPDIR``). Stopped on leaving with Ctrl+C (SIGINT, as a
    volunteer stops it), killed if it has not ended within 60 s: no server is left behind."""
    previews = tmp_path / "previews"
    previews.mkdir()
    log = tmp_path / "serve.log"
    port = free_port()
    env = {key: value for key, value in os.environ.items() if key != "NO_MKDOCS_2_WARNING"}
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "langso.cli", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=root,
            stdout=out,
            stderr=out,
            env={**env, "TMPDIR": str(previews)},
        )
    try:
        yield port, log, previews
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
