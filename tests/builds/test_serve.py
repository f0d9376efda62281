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


def test_mkdocs_serve_keeps_the_configured_address_for_printed_plaques(
    make_site: SiteFactory,
) -> None:
    # `mkdocs serve` sets site_url to http://127.0.0.1:<port>/… before each build; the check
    # of printed plaques and the plaques' own pages must still use mkdocs.yml's (issue 13).
    real = "https://xa-phu-my.github.io/lang-phu-my/"
    record = f"dinh | 2026-11-01 | {real}q/dinh/ | dia-diem/dinh-lang-phu-my.md | Đình làng\n"
    root = make_site(files={"content/plaques-printed.txt": record}, config={"site_url": real})
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        base = f"http://127.0.0.1:{port}/lang-phu-my/"
        assert wait_for(base + "dia-diem/dinh-lang-phu-my/", "Đình làng Phú Mỹ", 60)
        assert wait_for(base + "q/dinh/", f'href="{real}dia-diem/dinh-lang-phu-my/"', 10)
        # A rebuild reloads the configuration: the configured address is read again.
        config = root / "mkdocs.yml"
        config.write_text(
            config.read_text("utf-8").replace("(thử)", "(xem trước)"), encoding="utf-8"
        )
        assert wait_for(base + "dia-diem/dinh-lang-phu-my/", "Làng Phú Mỹ (xem trước)", 60)
    finally:
        server.terminate()
        server.wait(timeout=10)
