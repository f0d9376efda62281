"""``mkdocs serve`` rebuilds the preview when a directory YAML file changes."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.browser import free_port, wait_for
from tests.conftest import SiteFactory


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
