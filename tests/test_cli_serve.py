"""``langso serve`` through the real entry point: preview, edit a YAML file, see it, stop."""

from __future__ import annotations

import errno
import html
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PIL import Image

from tests.browser import fetch, free_port, wait_for
from tests.conftest import REPO, SiteFactory


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


# --- the preview starts after plaques are printed (issue 13) ---------------------------------

REAL_URL = "https://xa-phu-my.github.io/lang-phu-my/"
PRINTED = f"dinh | 2026-11-01 | {REAL_URL}q/dinh/ | dia-diem/dinh-lang-phu-my.md | Đình làng\n"


@contextmanager
def serving(root: Path, port: int) -> Iterator[list[str]]:
    """``langso serve`` on ``port`` in ``root`` until the block ends; then its standard error is
    the list's one item (a failed start is seen as the pages never answering)."""
    env = {key: value for key, value in os.environ.items() if key != "NO_MKDOCS_2_WARNING"}
    server = subprocess.Popen(
        [sys.executable, "-m", "langso.cli", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )
    errors: list[str] = []
    try:
        yield errors
    finally:
        server.send_signal(signal.SIGINT)
        try:
            errors.append(server.communicate(timeout=60)[1])
        except subprocess.TimeoutExpired:
            server.kill()  # never leave a server behind
            errors.append(server.communicate()[1])


def get(url: str, seconds: float) -> tuple[int, str]:
    """Status and text of ``url`` once the server answers; ``(0, "")`` after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, ""
        except OSError:
            time.sleep(0.3)
    return 0, ""


def test_serve_starts_in_a_village_with_printed_plaques(make_site: SiteFactory) -> None:
    # Under `mkdocs serve` the site_url is the local address: the printed record must still be
    # compared with the configured one, or the preview stops at once (issue 13).
    root = make_site(files={"content/plaques-printed.txt": PRINTED}, config={"site_url": REAL_URL})
    port = free_port()
    with serving(root, port) as errors:
        base = f"http://127.0.0.1:{port}/lang-phu-my/"
        status, page = get(base + "dia-diem/dinh-lang-phu-my/", 90)
        assert status == 200, errors
        assert "<h1" in page and "Đình làng Phú Mỹ" in page
        status, stub = get(base + "q/dinh/", 10)
        assert status == 200
        # The plaque's pages hold the configured address, as printed, not the preview's.
        assert f'<link rel="canonical" href="{REAL_URL}dia-diem/dinh-lang-phu-my/">' in stub
        status, listing = get(base + "bien-qr/", 10)
        assert f"{REAL_URL}q/dinh/" in html.unescape(listing)  # the text as the reader sees it
    assert "mã QR đã in sẽ hỏng" not in errors[0]
    assert f"Serving on http://127.0.0.1:{port}/lang-phu-my/" in errors[0]


def test_serve_starts_on_the_unmodified_sample(tmp_path: Path) -> None:
    root = tmp_path / "lang-so"
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "content", root / "content")
    port = free_port()
    with serving(root, port) as errors:
        base = f"http://127.0.0.1:{port}/lang-so/"
        status, page = get(base + "dia-diem/dinh-lang-la-thon/", 180)
        assert status == 200, errors
        assert "Đình làng Là Thôn" in page
        status, stub = get(base + "q/dinh-la-thon/", 10)
        assert status == 200
        assert "https://example.github.io/lang-so/dia-diem/dinh-lang-la-thon/" in stub
    assert "Traceback" not in errors[0]
    assert "ERROR" not in errors[0]


# --- village.yml edited while serving (issue 14, fresh tester) ------------------------------

GUIDE_TEXT = "# Làm thử\n\n## Các bước\n\n1. Mở ứng dụng.\n2. Bấm **Bắt đầu**.\n"


def test_serve_shows_a_changed_village_file_on_the_pages_that_show_it(
    make_site: SiteFactory,
) -> None:
    # Dirty rebuilds render only pages whose Markdown changed; the home page shows the picture
    # of village.yml and a guide the helper it names, so they must be rendered again too.
    root = make_site(files={"content/huong-dan/lam-thu.md": GUIDE_TEXT})
    (root / "content/anh").mkdir()
    image = io.BytesIO()
    Image.new("RGB", (64, 32), (200, 160, 120)).save(image, "PNG")
    (root / "content/anh/lang.png").write_bytes(image.getvalue())
    port = free_port()
    with serving(root, port) as errors:
        base = f"http://127.0.0.1:{port}/lang-phu-my/"
        assert wait_for(base + "huong-dan/lam-thu/", "Tìm số điện thoại trong danh bạ", 90)
        home = fetch(base) or ""
        assert "Khẩn cấp" in home and "langso-hero" not in home
        village = root / "content/village.yml"
        village.write_text(
            village.read_text(encoding="utf-8")
            + "ho_tro: 'cho-phu-my'\nanh: 'anh/lang.png'\nanh_mo_ta: 'Cổng làng'\n",
            encoding="utf-8",
        )
        assert wait_for(base, 'alt="Cổng làng"', 60), errors
        assert wait_for(base + "huong-dan/lam-thu/", "<p>Gọi Chợ Phú Mỹ:</p>", 10)
        # The helper's own entry changes the box as well.
        service = root / "content/danh-ba/cho-phu-my.yml"
        service.write_text(
            service.read_text(encoding="utf-8").replace("0300 000 001", "0300 000 009"),
            encoding="utf-8",
        )
        assert wait_for(base + "huong-dan/lam-thu/", 'href="tel:+84300000009"', 60), errors
    assert "Traceback" not in errors[0]


def test_mkdocs_dirty_build_warning_is_said_in_vietnamese_as_information() -> None:
    """A volunteer saw MkDocs' English "A 'dirty' build is being performed …" as a WARNING on
    every edit (issue 14's testers): it is the preview's choice, said as what it means."""
    import logging

    from langso.cli_serve import DIRTY_VI, DirtyBuildNote

    record = logging.LogRecord(
        "mkdocs.commands.build",
        logging.WARNING,
        __file__,
        1,
        "A 'dirty' build is being performed, this will likely lead to inaccurate navigation and"
        " other links within your site. This option is designed for site development purposes"
        " only.",
        (),
        None,
    )
    assert DirtyBuildNote().filter(record)
    assert (record.levelname, record.getMessage()) == ("INFO", DIRTY_VI)
    assert DIRTY_VI.startswith("Bản xem trước chỉ dựng lại những trang vừa sửa")
    other = logging.LogRecord("mkdocs", logging.WARNING, __file__, 1, "khác", (), None)
    assert DirtyBuildNote().filter(other) and other.levelname == "WARNING"


# --- the address: taken or malformed (issue 15, round 2) -------------------------------------


def _serve_once(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "langso.cli", "serve", *args],
        cwd=root,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_a_port_in_use_is_said_in_words_before_building(make_site: SiteFactory) -> None:
    root = make_site()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _serve_once(root, "-a", f"127.0.0.1:{port}")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    first, second = result.stderr.splitlines()[:2]
    assert first.startswith(
        f"127.0.0.1:{port}: cổng {port} đang được một chương trình khác dùng (có thể là một"
        " `langso serve` hay `mkdocs serve` còn chạy trong cửa sổ khác) — dừng chương trình đó"
        " bằng Ctrl+C, hoặc chọn cổng khác: `langso serve -a 127.0.0.1:"
    )
    suggested = int(first.rsplit(":", 1)[1].rstrip("`"))
    assert suggested > port
    assert second == (
        f"    (en) port {port} is already in use (perhaps by another `langso serve` or `mkdocs"
        f" serve`) — stop it with Ctrl+C, or pick another port: `langso serve -a"
        f" 127.0.0.1:{suggested}`"
    )
    assert "Building documentation" not in result.stderr  # said before the first build
    assert not (root / "site").exists()


PORT_RANGE = ("cổng phải là số từ 1 đến 65535", "the port must be a number from 1 to 65535")
NOT_IP = ("trước dấu `:` phải là địa chỉ IP", "before the `:` must be an IP address")


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("localhost", ("thiếu cổng", "the port is missing")),
        ("127.0.0.1:99999", PORT_RANGE),
        ("127.0.0.1:http", PORT_RANGE),
        ("lang.local:8000", NOT_IP),
    ],
)
def test_a_malformed_address_is_said_with_an_example(
    tmp_path: Path, address: str, why: tuple[str, str]
) -> None:
    why_vi, why_en = why
    (tmp_path / "mkdocs.yml").write_text("site_name: X\n", encoding="utf-8")
    result = _serve_once(tmp_path, "-a", address)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"-a {address}: địa chỉ không đúng dạng IP:CỔNG ({why_vi}) — ví dụ `langso serve -a"
        " 127.0.0.1:8001`",
        f"    (en) not an IP:PORT address ({why_en}) — e.g. `langso serve -a 127.0.0.1:8001`",
    ]


def test_a_port_taken_during_the_first_build_is_said_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The port was free when tried, then taken while the first build ran: MkDocs' bind fails."""
    import argparse

    from mkdocs.commands import serve as mkdocs_serve

    from langso import cli_serve

    def taken(**_: object) -> None:
        raise OSError(errno.EADDRINUSE, "Address already in use")

    (tmp_path / "mkdocs.yml").write_text("site_name: X\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(mkdocs_serve, "serve", taken)
    args = argparse.Namespace(config="mkdocs.yml", dev_addr="127.0.0.1:8123", full=False)
    assert cli_serve.run_serve(args) == 1
    assert capsys.readouterr().err.startswith(
        "127.0.0.1:8123: cổng 8123 đang được một chương trình khác dùng"
    )
