"""Install ``plugins/langso-quiet-material.pth`` beside the ``langso`` package.

Material for MkDocs prints an English end-of-life banner when MkDocs imports the theme, before
any plugin is loaded, unless ``NO_MKDOCS_2_WARNING`` is set. A ``.pth`` file at the top of
``site-packages`` is run by Python's ``site`` module at every interpreter start, so the banner
never reaches a volunteer typing ``mkdocs build`` or ``mkdocs serve`` in a commune's own
virtualenv (where Làng số is installed by ``pip install -r requirements.txt``). Everything else
is in ``pyproject.toml``; setuptools reads both.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HOOK = "langso-quiet-material.pth"


class BuildWithHook(build_py):
    """``build_py`` that also puts :data:`HOOK` at the top of the built tree."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / HOOK
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(Path(__file__).parent / "plugins" / HOOK, target)


setup(cmdclass={"build_py": BuildWithHook})
