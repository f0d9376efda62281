"""The publishing steps ``langso init`` writes really install Làng số and build, on a clean machine.

Issue 13, deliverable 1: the first push of a new village used to fail, its ``requirements.txt``
installing a placeholder. Here a new GitHub village is made with this checkout as its source
(``--nguon <folder>``, a copy of the package files, so the build leaves nothing in the working
tree), and every ``run`` step of the generated workflow — the pull-request check job, then the
build job — is run as written, in a fresh virtual environment that holds only what those steps
install (pip reaches the package index as a host's runner does). Installing takes a minute or
two. The same environment (one install for the module) then runs GitLab's ``.gitlab-ci.yml``
scripts, Netlify's ``netlify.toml`` command and the Cloudflare build command of the README, each
read from the file ``langso init`` wrote; their shape is checked in ``tests/test_init.py``.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import time
import tomllib
import venv
from pathlib import Path
from typing import Any

import pytest
import yaml

from langso.init import Host, create_village

REPO = Path(__file__).resolve().parent.parent.parent
PACKAGE_FILES = ("pyproject.toml", "setup.py", "README.md", "LICENSE", "plugins")
"""What ``pip install <folder>`` reads (setuptools: project metadata, readme, licence, code)."""


def copy_package(dest: Path) -> Path:
    for name in PACKAGE_FILES:
        source = REPO / name
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "build")
            shutil.copytree(source, dest / name, ignore=ignore)
        else:
            dest.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest


def runner_env(venv_dir: Path) -> dict[str, str]:
    """The environment of a host's runner after ``setup-python``: its ``python`` and scripts
    first on ``PATH``, nothing of this test run's virtualenv or source tree."""
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = f"{venv_dir / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return env


def run(label: str, command: str, cwd: Path, env: dict[str, str]) -> str:
    """Run one command of a publishing file with bash, as the host's shell would; its output."""
    started = time.perf_counter()
    done = subprocess.run(
        ["bash", "-e", "-c", command], cwd=cwd, env=env, capture_output=True, text=True,
        timeout=900,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    output = done.stdout + done.stderr
    assert done.returncode == 0, f"{label}: `{command}` ({seconds:.0f} s)\n{output}"
    print(f"{label}: `{command}` {seconds:.1f} s")
    return output


def run_steps(workflow: dict[str, Any], job: str, cwd: Path, env: dict[str, str]) -> list[str]:
    """Run each ``run`` step of ``job`` (bash: GitHub's default shell on Linux), its env merged
    as GitHub merges it; return each step's output; fail on the first failing step."""
    outputs = []
    for step in workflow["jobs"][job]["steps"]:
        if "run" not in step:
            continue  # actions: checkout, setup-python (the venv), Pages upload
        step_env = {**env, **workflow.get("env", {}), **workflow["jobs"][job].get("env", {})}
        step_env.update({k: str(v) for k, v in step.get("env", {}).items()})
        outputs.append(run(job, step["run"], cwd, step_env))
    return outputs


class Runner:
    """A fresh virtualenv standing for a host's clean build machine, and this checkout's copy."""

    def __init__(self, root: Path) -> None:
        self.source = copy_package(root / "lang-so")
        self.venv = root / "runner"
        venv.create(self.venv, with_pip=True)
        self.env = runner_env(self.venv)

    def village(self, root: Path, host: Host, site_url: str) -> Path:
        village = root / "tan-ngu"
        create_village(
            village,
            village="Tân Ngữ",
            commune="xã Yên Định",
            province="tỉnh Thanh Hóa",
            host=host,
            site_url=site_url,
            today=dt.date(2026, 11, 1),
            requirement=str(self.source),
        )
        requirement = (village / "requirements.txt").read_text("utf-8").splitlines()[-1]
        assert requirement == f"langso @ {self.source.as_uri()}"
        return village


@pytest.fixture(scope="module")
def runner(tmp_path_factory: pytest.TempPathFactory) -> Runner:
    return Runner(tmp_path_factory.mktemp("runner"))


def test_the_github_workflow_installs_checks_and_builds_in_a_fresh_virtualenv(
    tmp_path: Path, runner: Runner
) -> None:
    village = runner.village(tmp_path, "github", "https://xa-yen-dinh.github.io/tan-ngu/")
    workflow = yaml.safe_load((village / ".github/workflows/pages.yml").read_text("utf-8"))
    venv_dir, env = runner.venv, runner.env

    install, checked = run_steps(workflow, "check", village, env)
    assert "Successfully installed" in install and " langso-0.1.0" in install
    assert "Có thể xuất bản" in checked, checked

    run_steps(workflow, "build", village, env)
    # The plugins came from the fresh install, not from this test run's environment.
    where = subprocess.run(
        [str(venv_dir / "bin" / "python"), "-c", "import langso; print(langso.__file__)"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert Path(where.stdout.strip()).is_relative_to(venv_dir)
    # The install brought the hook that keeps Material's English banner from a volunteer's own
    # `mkdocs build` (issue 13: it showed in a commune's virtualenv).
    hooks = list(venv_dir.glob("lib/python*/site-packages/langso-quiet-material.pth"))
    assert len(hooks) == 1
    plain = {k: v for k, v in env.items() if k != "NO_MKDOCS_2_WARNING"}
    built = subprocess.run(
        [str(venv_dir / "bin" / "mkdocs"), "build", "-q", "-d", str(tmp_path / "plain")],
        cwd=village, env=plain, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "Material for MkDocs reaches end of life" not in built.stderr
    site = village / "site"
    home = (site / "index.html").read_text("utf-8")
    assert '<link rel="canonical" href="https://xa-yen-dinh.github.io/tan-ngu/">' in home
    assert (site / "tim-kiem").is_dir()  # langso/search, not Material's search
    assert (site / "sw.js").is_file()  # langso/offline
    assert (site / "q" / "dinh" / "index.html").is_file()  # plaque redirect stub (GitHub)
    assert "Không tìm thấy trang" in (site / "404.html").read_text("utf-8")


def test_the_gitlab_jobs_check_and_build_into_public(tmp_path: Path, runner: Runner) -> None:
    village = runner.village(tmp_path, "gitlab", "https://xa-yen-dinh.gitlab.io/tan-ngu/")
    ci = yaml.safe_load((village / ".gitlab-ci.yml").read_text("utf-8"))
    env = {**runner.env, **{k: str(v) for k, v in ci["variables"].items()}}
    checked = [run("check", line, village, env) for line in ci["check"]["script"]]
    assert "Có thể xuất bản" in checked[-1], checked[-1]
    for line in ci["pages"]["script"]:
        run("pages", line, village, env)
    assert (village / "public" / "index.html").is_file()
    assert (village / "public" / "_redirects").read_text("utf-8").splitlines()[1:] == [
        "/tan-ngu/q/dinh /tan-ngu/dia-diem/dinh-thon-tan-ngu/ 302",
        "/tan-ngu/q/dinh/ /tan-ngu/dia-diem/dinh-thon-tan-ngu/ 302",
    ]


def test_the_netlify_command_builds_the_published_folder(tmp_path: Path, runner: Runner) -> None:
    village = runner.village(tmp_path, "netlify", "https://tan-ngu.netlify.app/")
    build = tomllib.loads((village / "netlify.toml").read_text("utf-8"))["build"]
    env = {**runner.env, **{k: str(v) for k, v in build["environment"].items()}}
    run("netlify", build["command"], village, env)
    assert (village / build["publish"] / "index.html").is_file()


def test_the_cloudflare_build_command_of_the_readme(tmp_path: Path, runner: Runner) -> None:
    village = runner.village(tmp_path, "cloudflare", "https://tan-ngu.pages.dev/")
    readme = (village / "README.md").read_text("utf-8")
    command = readme.split("Build command: `", 1)[1].split("`", 1)[0]
    output = readme.split("Build output directory: `", 1)[1].split("`", 1)[0]
    run("cloudflare", command, village, {**runner.env, "NO_MKDOCS_2_WARNING": "1"})
    assert (village / output / "index.html").is_file()
