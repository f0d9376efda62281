"""A mistake saved while ``langso serve`` runs: a page saying so at once, never a hang, and the
corrected page once the file is fixed (``langso.cli_preview``)."""

from __future__ import annotations

import html
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from langso.cli_preview import NOTE
from tests.browser import langso_serve, wait_for
from tests.conftest import SiteFactory

BROKEN_YAML = "ten: 'Chợ Phú Mỹ\nloai: 'cho'\n"
BROKEN_FRONT_MATTER = "---\ntitle: 'Đình làng\n---\n# Đình làng Phú Mỹ\n"
HEADING = "Chưa dựng lại được trang web"


def _get(url: str) -> str:
    """The page at ``url``, within 10 s (a hang fails the test)."""
    with urllib.request.urlopen(url, timeout=10) as response:
        return html.unescape(response.read().decode("utf-8"))


def _wait_log(log: Path, text: str, count: int, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        said = log.read_text(encoding="utf-8", errors="replace")
        if said.count(text) >= count:
            return said
        time.sleep(0.2)
    raise AssertionError(log.read_text(encoding="utf-8", errors="replace"))


def _first_error(said: str, path: str) -> str:
    """The message about ``path`` the terminal printed (its Vietnamese line)."""
    (line,) = [line for line in said.splitlines() if line.startswith(f"ERROR   -  {path}:")]
    return line.removeprefix("ERROR   -  ")


@pytest.mark.browser
def test_a_mistake_saved_during_serve_is_shown_then_fixed(
    make_site: SiteFactory, tmp_path: Path, browser: Any
) -> None:
    root = make_site()
    with langso_serve(root, tmp_path) as (port, log, _previews):
        service = root / "content/danh-ba/cho-phu-my.yml"
        good = service.read_text(encoding="utf-8")
        base = f"http://127.0.0.1:{port}/lang-phu-my/"
        page = browser.new_page()
        try:
            assert wait_for(base + "danh-ba/cho-phu-my/", "Chợ Phú Mỹ", 90), log.read_text("utf-8")
            time.sleep(1)  # the watcher starts after the first build
            page.goto(base + "danh-ba/cho-phu-my/", timeout=10_000)
            # A YAML file with an unclosed quote: the message once in the terminal, and every page
            # of the preview, in plain HTTP and in the browser, states it at once.
            service.write_text(BROKEN_YAML, encoding="utf-8")
            _wait_log(log, "ERROR   -  content/danh-ba/cho-phu-my.yml:1", 1)
            first = _get(base + "danh-ba/cho-phu-my/")  # answered once the rebuild failed
            said = _wait_log(log, NOTE, 1)
            message = _first_error(said, "content/danh-ba/cho-phu-my.yml:1")
            assert message in first
            assert message.startswith(
                "content/danh-ba/cho-phu-my.yml:1: ten: giá trị mở dấu nháy `'` ở dòng này mà "
                "không đóng"
            )
            assert said.count(message) == 1
            for address in ("danh-ba/cho-phu-my/", "", "dia-diem/dinh-lang-phu-my/"):
                shown = _get(base + address)
                assert f"<h1>{HEADING}</h1>" in shown and message in shown
            assert "(en) the value opens a quote" in _get(base)
            assert _get(base + "404.html")  # a missing page: the same page, not MkDocs' 404
            page.locator("h1", has_text=HEADING).wait_for(timeout=15_000)  # reloaded by itself
            assert message in page.inner_text("main")
            page.goto(base, timeout=10_000)
            assert page.inner_text("h1") == HEADING
            # Fixed: the open page reloads by itself and shows the corrected service.
            page.goto(base + "danh-ba/cho-phu-my/", timeout=10_000)
            service.write_text(good.replace("Chợ Phú Mỹ", "Chợ Phú Mỹ Mới"), encoding="utf-8")
            page.locator("h1", has_text="Chợ Phú Mỹ Mới").wait_for(timeout=60_000)
            assert "Chợ Phú Mỹ Mới" in _get(base + "danh-ba/cho-phu-my/")
            assert HEADING not in _get(base)
            # The same for a page's front matter.
            landmark = root / "content/dia-diem/dinh-lang-phu-my.md"
            written = landmark.read_text(encoding="utf-8")
            landmark.write_text(BROKEN_FRONT_MATTER, encoding="utf-8")
            said = _wait_log(log, NOTE, 2)
            message = _first_error(said, "content/dia-diem/dinh-lang-phu-my.md:2")
            assert message in _get(base + "dia-diem/dinh-lang-phu-my/")
            landmark.write_text(written.replace("# Đình làng Phú Mỹ", "# Đình Phú Mỹ"), "utf-8")
            assert wait_for(base + "dia-diem/dinh-lang-phu-my/", "Đình Phú Mỹ</h1>", 60), (
                log.read_text()
            )
            assert HEADING not in _get(base + "dia-diem/dinh-lang-phu-my/")
        finally:
            page.close()
    said = log.read_text("utf-8")
    assert "Traceback" not in said and "appear stuck" not in said


def test_a_fault_in_code_is_shown_too_and_paths_are_the_projects(tmp_path: Path) -> None:
    """A rebuild raising something else than MkDocs' errors (a Markdown extension's fault):
    its logged message, or else the exception itself, without this machine's folders."""
    import logging

    from mkdocs.exceptions import MkDocsException

    from langso.adapter import error_summary
    from langso.cli_preview import PreviewServer, error_pages

    def failing() -> None:
        logging.getLogger("mkdocs.commands.build").error(
            f"Error reading page '{tmp_path}/content/a.md': <sai>"
        )
        raise ValueError("hỏng")

    with error_pages(str(tmp_path)):
        server = PreviewServer(failing, "127.0.0.1", 0, str(tmp_path), "/lang/")
    server.builder()
    assert server.failure == ["Error reading page 'content/a.md': <sai>"]
    statuses: list[str] = []
    environ = {"PATH_INFO": "/lang/dia-diem/"}
    answer = server._serve_request(environ, lambda status, headers: statuses.append(status))
    assert answer is not None
    (body,) = list(answer)
    assert statuses == ["200 OK"]
    assert b"<pre>Error reading page &#x27;content/a.md&#x27;: &lt;sai&gt;</pre>" in body

    def silent() -> None:
        raise OSError("đĩa đầy")

    with error_pages(str(tmp_path)):
        quiet = PreviewServer(silent, "127.0.0.1", 0, str(tmp_path), "/lang/")
    quiet.builder()
    assert quiet.failure == ["OSError: đĩa đầy"]  # nothing logged: the exception itself
    quiet.server_close()

    def stopped() -> None:  # as a build stopped by the plugins' gate logs it (MkDocs' BuildError)
        build_log = logging.getLogger("mkdocs.commands.build")
        build_log.error(f"{tmp_path}/content/danh-ba/cho.yml:3: ten: <sai>")
        build_log.error(error_summary(1))
        raise MkDocsException("Aborted with a BuildError!")

    with error_pages(str(tmp_path)):
        gated = PreviewServer(stopped, "127.0.0.1", 0, str(tmp_path), "/lang/")
    gated.builder()
    assert gated.failure == ["content/danh-ba/cho.yml:3: ten: <sai>"]  # the count is no mistake
    gated.server_close()
    assert server._serve_request({"PATH_INFO": "/lang/a.css"}, lambda *a: None) is None
    server.server_close()
