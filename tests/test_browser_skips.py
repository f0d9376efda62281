"""No silent skips: without Chromium the run ends by counting the browser tests it skipped and
naming the command that installs Chromium; under CI (``CI=true``) those tests fail instead.

Each case runs pytest in a child process on two tiny browser tests (one marked, one asking for a
``browser`` fixture) with ``tests/conftest.py`` loaded as a plugin, ``PATH`` holding no Chromium
and Playwright's browser folder empty: a machine without Chromium.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser import INSTALL_CHROMIUM
from tests.conftest import REPO

BROWSER_TESTS = """
import pytest


@pytest.fixture
def browser():
    raise AssertionError("the browser fixture must not be set up without Chromium")


@pytest.mark.browser
def test_marked():
    raise AssertionError("must not run without Chromium")


def test_asks_for_the_browser(browser):
    raise AssertionError("must not run without Chromium")


def test_without_browser():
    pass
"""


def _run_without_chromium(tmp_path: Path, *args: str, ci: str | None) -> tuple[int, str]:
    (tmp_path / "test_tiny_browser.py").write_text(BROWSER_TESTS, encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "PYTEST_ADDOPTS")}
    env |= {"PATH": str(empty), "PLAYWRIGHT_BROWSERS_PATH": str(empty), "PYTHONPATH": str(REPO)}
    if ci is not None:
        env["CI"] = ci
    plugins = ("-p", "tests.conftest", "-p", "no:randomly", "-p", "no:cacheprovider")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            *plugins,
            "--rootdir",
            str(tmp_path),
            str(tmp_path),
            *args,
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.returncode, done.stdout


def test_skipped_browser_tests_are_counted_last_with_the_install_command(
    tmp_path: Path,
) -> None:
    status, out = _run_without_chromium(tmp_path, "-n", "2", ci=None)
    assert status == 0, out
    assert "1 passed, 2 skipped" in out
    assert out.rstrip().splitlines()[-2:] == [
        "Đã bỏ qua 2 bài kiểm tra trình duyệt vì máy này không có Chromium. Cài Chromium bằng "
        f"một lệnh: {INSTALL_CHROMIUM}",
        "(en) 2 browser tests were skipped: this machine has no Chromium. Install it with one "
        f"command: {INSTALL_CHROMIUM}",
    ]


@pytest.mark.parametrize("ci", ["true"])
def test_under_ci_a_missing_browser_fails_the_run(tmp_path: Path, ci: str) -> None:
    status, out = _run_without_chromium(tmp_path, "-n", "0", ci=ci)
    assert status == 1, out
    assert "1 passed, 2 errors" in out  # failed in setup, before any fixture
    assert "CI=true nhưng máy không có Chromium" in out
    assert "Đã bỏ qua" not in out


def test_ci_false_still_skips(tmp_path: Path) -> None:
    status, out = _run_without_chromium(tmp_path, "-n", "0", ci="false")
    assert status == 0, out
    assert "Đã bỏ qua 2 bài kiểm tra trình duyệt" in out
