"""``mkdocs serve`` rebuilds the preview when a directory YAML file changes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from tests.conftest import SiteFactory


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and text in page:
            return True
        time.sleep(0.3)
    return False


def test_editing_a_service_file_updates_the_preview(make_site: SiteFactory) -> None:
    root = make_site()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        url = f"http://127.0.0.1:{port}/lang-phu-my/danh-ba/cho-phu-my/"
        assert wait_for(url, "Chợ Phú Mỹ", 60)
        service = root / "content" / "danh-ba" / "cho-phu-my.yml"
        text = service.read_text(encoding="utf-8").replace("Chợ Phú Mỹ", "Chợ Phú Mỹ Mới")
        service.write_text(text, encoding="utf-8")
        assert wait_for(url, "Chợ Phú Mỹ Mới", 30)
    finally:
        server.terminate()
        server.wait(timeout=10)
