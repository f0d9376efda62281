"""``langso serve`` through the real entry point: preview, edit a YAML file, see it, stop."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

from tests.browser import fetch, free_port, wait_for
from tests.conftest import SiteFactory


def test_serve_previews_and_reloads_a_changed_service(make_site: SiteFactory) -> None:
    plugins = ["langso/search", "langso/content", "langso/offline", "langso/directory"]
    root = make_site(config={"plugins": [*plugins, "langso/plaques"]})
    port = free_port()
    env = {key: value for key, value in os.environ.items() if key != "NO_MKDOCS_2_WARNING"}
    server = subprocess.Popen(
        [sys.executable, "-m", "langso.cli", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )
    try:
        url = f"http://127.0.0.1:{port}/lang-phu-my/danh-ba/cho-phu-my/"
        assert wait_for(url, "Chợ Phú Mỹ", 60)
        service = root / "content" / "danh-ba" / "cho-phu-my.yml"
        text = service.read_text(encoding="utf-8").replace("Chợ Phú Mỹ", "Chợ Phú Mỹ Mới")
        service.write_text(text, encoding="utf-8")
        assert wait_for(url, "Chợ Phú Mỹ Mới", 30)
        # Dirty rebuilds render only what changed; the index and the offline manifest still
        # hold the pages that were not rendered again.
        base = f"http://127.0.0.1:{port}/lang-phu-my/"
        index = json.loads(fetch(base + "assets/langso/search-index.json") or "{}")
        titles = {page["t"] for page in index["pages"]}
        assert {"Chợ Phú Mỹ Mới", "Đình làng Phú Mỹ"} <= titles
        assert "Chợ Phú Mỹ" not in titles
        offline = json.loads(fetch(base + "assets/langso/offline.json") or "{}")
        urls = {page["url"] for page in offline["pages"]}
        assert {"danh-ba/cho-phu-my/", "dia-diem/dinh-lang-phu-my/"} <= urls
    finally:
        server.send_signal(signal.SIGINT)
        try:
            # A loaded machine can be slow to finish a rebuild before stopping.
            _, errors = server.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()  # never leave a server behind
            server.communicate()
            raise
    assert server.returncode == 0, errors
    assert "Traceback" not in errors
    assert f"Serving on http://127.0.0.1:{port}/lang-phu-my/" in errors


def test_serve_without_configuration_is_a_clear_error(tmp_path: object) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "langso.cli", "serve"],
        cwd=str(tmp_path),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "mkdocs.yml: không có tệp cấu hình này — chạy lệnh trong thư mục có mkdocs.yml hoặc chỉ "
        "đường bằng --config"
    )
