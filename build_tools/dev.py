#!/usr/bin/env python3
"""One entry point for newcomers and CI: set up the project's virtualenv, then build or test.

    python3 build_tools/dev.py site    # build the sample village into site/
    python3 build_tools/dev.py test    # lint, type-check and run the whole test suite
    python3 build_tools/dev.py serve   # preview with live reload

Needs only Python 3.11+ and network access to PyPI. The virtualenv lives in ``.venv/`` and is
re-installed whenever ``pyproject.toml`` changes. Standard library only: it runs before anything
is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
QUIET_MATERIAL = "langso-quiet-material.pth"
QUIET_MATERIAL_TEXT = (ROOT / "plugins" / QUIET_MATERIAL).read_text(encoding="ascii")
"""The hook a wheel of Làng số installs too (``setup.py``); an editable install gets it here."""


def run(*args: str | Path) -> None:
    """Run a command in the repository root; exit with its status if it fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    status = subprocess.call([str(a) for a in args], cwd=ROOT, env=env)
    if status:
        sys.exit(status)


def ensure_env(extra: str) -> None:
    """Create ``.venv`` and install the project (with ``extra``) unless already up to date.

    A ``test`` install includes everything ``site`` needs, so it satisfies both.
    """
    if sys.version_info < (3, 11):  # noqa: UP036 - this script runs before pip can refuse
        sys.exit(
            f"Làng số cần Python 3.11 trở lên; máy này có {sys.version.split()[0]}."
            " / Làng số needs Python 3.11 or newer."
        )
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    wanted = [VENV / f".installed-test-{digest}"]
    if not extra:
        wanted.append(VENV / f".installed-base-{digest}")
    if any(stamp.exists() for stamp in wanted):
        quiet_material(_site_packages())
        return
    stamp = wanted[0] if extra else wanted[-1]
    if PYTHON.exists() and _venv_python_too_old():
        print("Recreating .venv with this Python …", flush=True)
        shutil.rmtree(VENV)
    if not PYTHON.exists():
        print("Creating .venv …", flush=True)
        venv.create(VENV, with_pip=True)
    target = f".[{extra}]" if extra else "."
    print(f"Installing {target} into .venv …", flush=True)
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PYTHON, "-m", "pip", "install", "--quiet", "--editable", target)
    for old in VENV.glob(".installed-*"):
        old.unlink()
    stamp.touch()
    quiet_material(_site_packages())


def quiet_material(site_packages: Path) -> Path:
    """Silence Material's English end-of-life banner in every ``mkdocs`` run of the virtualenv.

    Material for MkDocs (read in 9.8.2) prints the banner on stderr when MkDocs imports the theme
    (``material/templates/__init__.py``, while validating ``theme:``), unless the environment
    has ``NO_MKDOCS_2_WARNING``. That happens before MkDocs loads any plugin, so no plugin can
    set the variable in time; a ``.pth`` file in ``site_packages`` can: Python's ``site``
    module runs its ``import`` line at every interpreter start, so ``.venv/bin/mkdocs build``
    and ``serve`` typed by hand stay quiet too. Returns the file written (or already there).
    """
    hook = site_packages / QUIET_MATERIAL
    if not hook.is_file() or hook.read_text(encoding="utf-8") != QUIET_MATERIAL_TEXT:
        hook.write_text(QUIET_MATERIAL_TEXT, encoding="utf-8")
    return hook


def _site_packages() -> Path:
    where = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    return Path(subprocess.check_output([str(PYTHON), "-c", where], text=True).strip())


def _venv_python_too_old() -> bool:
    check = "import sys; sys.exit(sys.version_info < (3, 11))"
    return subprocess.call([str(PYTHON), "-c", check]) != 0


def main(argv: list[str]) -> None:
    """Dispatch ``site``, ``test`` or ``serve``; extra arguments go to mkdocs or pytest."""
    command, rest = (argv[0], argv[1:]) if argv else ("", [])
    if command == "site":
        ensure_env("")
        run(PYTHON, "-m", "mkdocs", "build", "--strict", *rest)
    elif command == "serve":
        ensure_env("")
        run(PYTHON, "-m", "mkdocs", "serve", *rest)
    elif command == "test":
        ensure_env("test")
        run(PYTHON, "-m", "ruff", "format", "--check", ".")
        run(PYTHON, "-m", "ruff", "check", ".")
        run(PYTHON, "-m", "mypy")
        run(PYTHON, "-m", "pytest", "-n", "auto", *rest)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
