"""Material's English end-of-life banner never reaches a volunteer running ``mkdocs build``.

Material for MkDocs prints the banner when MkDocs imports the theme, before any plugin, unless
``NO_MKDOCS_2_WARNING`` is set; ``build_tools/dev.py`` writes a ``.pth`` hook into the
virtualenv that sets it at interpreter start (``quiet_material``). Each case runs
``mkdocs build`` in a child Python started without ``site`` (``-S``), so that the hook of this
very virtualenv is not in play, and adds the hook's folder by hand, as ``site`` does at start.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

from tests.conftest import REPO

BANNER = "Material for MkDocs reaches end of life"


def _dev() -> object:
    spec = importlib.util.spec_from_file_location("dev", REPO / "build_tools" / "dev.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _mkdocs_build(tmp_path: Path, hook_dir: Path | None) -> str:
    """stderr of ``mkdocs build`` of a one-page Material site, with ``hook_dir`` as a site dir."""
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "docs" / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Làng thử\ntheme:\n  name: material\n", encoding="utf-8"
    )
    purelib = sysconfig.get_paths()["purelib"]
    hook = f"import site; site.addsitedir({str(hook_dir)!r}); " if hook_dir else ""
    code = (
        f"import sys; sys.path.insert(0, {purelib!r}); {hook}"
        "sys.argv = ['mkdocs', 'build', '-q', '-d', 'site']; "
        "from mkdocs.__main__ import cli; cli()"
    )
    env = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
    done = subprocess.run(
        [sys.executable, "-S", "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site" / "index.html").is_file()
    return done.stderr


def test_without_the_hook_mkdocs_build_shows_the_banner(tmp_path: Path) -> None:
    """The yardstick: the case below would pass for nothing if Material stopped printing."""
    assert BANNER in _mkdocs_build(tmp_path, None)


def test_the_virtualenv_hook_silences_mkdocs_build(tmp_path: Path) -> None:
    hook_dir = tmp_path / "site-packages"
    hook_dir.mkdir()
    hook = _dev().quiet_material(hook_dir)  # type: ignore[attr-defined]
    assert hook.name == "langso-quiet-material.pth"
    assert hook.read_bytes().isascii()  # site.py reads it in the locale's encoding
    assert BANNER not in _mkdocs_build(tmp_path, hook_dir)
