"""``langso portal ci github|gitlab cong.yml``: the CI file that builds a province's villages in
parallel, one job per village project, then the portal (issue 17).

One repository holds many village projects (folders with a ``mkdocs.yml``) and the portal file
at its root. The workflow written here runs, for each village project of the portal file:
checkout, Python, ``pip install -r <village>/requirements.txt`` (as the starter's publishing
files do), ``langso check``, ``mkdocs build --strict`` into ``dung/<key>/`` (moved there only
when the build succeeded: a half-built site is never published), and uploads it. Then one
portal job, which runs even when some villages failed: ``langso portal cong.yml --da-dung
dung`` (a village that failed shows its last good copy, kept in the CI cache with the portal's
``.cache/langso/portal``), each village copied under ``/<key>/`` of the portal, the whole
checked against the host's limits (``python -m langso.hosts``), published.

Matrix limits, and batches beyond them (several villages in one job, built one after another):

- GitHub Actions: "A matrix will generate a maximum of 256 jobs per workflow run"
  (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idstrategymatrix);
  read strictly (256 for the whole run), so one matrix of at most 256 jobs.
- GitLab CI: ``parallel:matrix`` makes at most 200 jobs (https://docs.gitlab.com/ci/yaml/#parallelmatrix),
  and GitLab.com's Free tier allows 500 jobs in active pipelines
  (https://docs.gitlab.com/user/gitlab_com/#cicd): one matrix of at most 200 jobs, so two
  pipelines at once still fit.

With N villages and a limit L: one village a job when N ≤ L, else ⌈N / L⌉ villages a job.

Interface for ``langso portal`` (engineer C): :func:`write_ci` takes the villages' keys and
folders as :func:`langso.portal.sources.project_key` and the portal file give them; the command
line is :func:`main` (``langso portal ci …``, routed by ``langso.cli``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

import jinja2

from langso.init import PYTHON_VERSION

__all__ = [
    "MATRIX_LIMITS",
    "CiError",
    "CiVillage",
    "batches",
    "main",
    "render_ci",
    "write_ci",
]

CiKind = Literal["github", "gitlab"]

MATRIX_LIMITS: dict[str, int] = {"github": 256, "gitlab": 200}
"""Jobs one matrix may make (see the module docstring for the sources)."""

DEFAULT_OUT: dict[str, str] = {
    "github": ".github/workflows/lang-so.yml",
    "gitlab": ".gitlab-ci.yml",
}
"""Where each CI reads its file, relative to the repository root (the portal file's folder)."""

_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SEGMENT = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]*")
GITLAB_NAME_MAX = 255
"""GitLab refuses a job name longer than this; a matrix job's name holds its variables."""


class CiError(ValueError):
    """A village or a path the CI file cannot hold; ``str()`` is Vietnamese, then English."""


@dataclass(frozen=True)
class CiVillage:
    """A village project built by the matrix.

    Attributes:
        key: its key in the portal (``yen-dinh-la-thon``): the folder ``dung/<key>/`` and
            the address ``/<key>/``.
        folder: its project folder relative to the repository root, ``/``-separated.
    """

    key: str
    folder: str


def _checked(villages: Sequence[tuple[str, str] | CiVillage]) -> list[CiVillage]:
    """The villages in order, each key and folder checked (a shell word, no ``..``)."""
    found: list[CiVillage] = []
    keys: set[str] = set()
    for item in villages:
        village = item if isinstance(item, CiVillage) else CiVillage(*item)
        folder = PurePosixPath(village.folder.replace("\\", "/")).as_posix()
        if not _KEY.fullmatch(village.key):
            raise CiError(
                f"mã làng `{village.key}` không dùng được làm tên thư mục (chỉ a-z, 0-9, -) / "
                f"the village key `{village.key}` is not a plain folder name (a-z, 0-9, -)"
            )
        parts = folder.split("/")
        if folder == "." or not all(_SEGMENT.fullmatch(part) for part in parts):
            raise CiError(
                f"thư mục `{village.folder}` phải là đường dẫn tương đối trong kho, chỉ gồm chữ "
                "không dấu, số, `.`, `_`, `-` (không dấu cách, không `..`) / the folder "
                f"`{village.folder}` must be relative, inside the repository, in plain letters, "
                "digits, `.`, `_`, `-`"
            )
        if ".." in parts:
            raise CiError(
                f"thư mục `{village.folder}` ra ngoài kho (`..`) / the folder "
                f"`{village.folder}` leaves the repository (`..`)"
            )
        if village.key in keys:
            raise CiError(
                f"mã làng `{village.key}` có hai lần / the village key `{village.key}` is "
                "given twice"
            )
        keys.add(village.key)
        found.append(CiVillage(village.key, folder))
    if not found:
        raise CiError(
            "tệp cổng không có thư mục dự án làng nào (`thu_muc` có mkdocs.yml) để dựng trong "
            "CI / the portal file lists no village project to build in CI"
        )
    return found


def batches(villages: Sequence[CiVillage], limit: int) -> list[list[CiVillage]]:
    """``villages`` in groups of consecutive villages, at most ``limit`` groups of at most
    ⌈N / limit⌉ villages, sizes differing by at most one: one village a group when they fit
    (``[[a], [b], …]``); fewer, fuller groups beyond (each job costs a checkout and an install)."""
    count = math.ceil(len(villages) / math.ceil(len(villages) / limit))
    size, extra = divmod(len(villages), count)
    groups: list[list[CiVillage]] = []
    start = 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        groups.append(list(villages[start:end]))
        start = end
    return groups


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("langso.portal", "templates"),
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["yq"] = lambda value: "'" + str(value).replace("'", "''") + "'"
    return env


def render_ci(
    kind: CiKind, portal_file: str, villages: Sequence[tuple[str, str] | CiVillage]
) -> str:
    """The CI file's text for the portal file ``portal_file`` (relative to the repository root,
    ``/``-separated) and its village projects (``(key, folder)``, folders relative to the
    repository root).

    Raises:
        CiError: an unknown ``kind``, an unusable key or folder, no village, or (GitLab) a
            matrix job whose name would pass 255 characters.
    """
    if kind not in MATRIX_LIMITS:
        raise CiError(
            f"không có CI `{kind}` — chọn github hoặc gitlab / unknown CI `{kind}` — choose "
            "github or gitlab"
        )
    checked = _checked(villages)
    portal = PurePosixPath(portal_file.replace("\\", "/"))
    if not all(_SEGMENT.fullmatch(part) for part in portal.parts):
        raise CiError(
            f"tệp cổng `{portal_file}`: tên chỉ gồm chữ không dấu, số, `.`, `_`, `-` / the "
            f"portal file `{portal_file}`: plain letters, digits, `.`, `_`, `-` only"
        )
    groups = batches(checked, MATRIX_LIMITS[kind])
    jobs = [
        {
            "ten": ", ".join(v.key for v in group),
            "lang": " ".join(f"{v.key}={v.folder}" for v in group),
        }
        for group in groups
    ]
    if kind == "gitlab":
        for job in jobs:
            if len(f"lang: [{job['lang']}]") > GITLAB_NAME_MAX:
                raise CiError(
                    f"việc CI cho {job['ten']} có tên dài quá {GITLAB_NAME_MAX} ký tự: đặt thư "
                    "mục làng ngắn hơn / the CI job for these villages would have a name over "
                    f"{GITLAB_NAME_MAX} characters: use shorter village folders"
                )
    portal_dir = portal.parent.as_posix()
    context = {
        "portal_file": portal.as_posix(),
        "portal_dir": "" if portal_dir == "." else portal_dir + "/",
        "jobs": jobs,
        "villages": len(checked),
        "per_job": len(groups[0]),
        "limit": MATRIX_LIMITS[kind],
        "python_version": PYTHON_VERSION,
    }
    return _environment().get_template(f"{kind}-matrix.yml.j2").render(**context)


def write_ci(
    kind: CiKind,
    portal_file: str,
    villages: Sequence[tuple[str, str] | CiVillage],
    out_path: Path,
) -> Path:
    """Write :func:`render_ci` to ``out_path`` (folders made); returns ``out_path``.

    Raises:
        CiError: see :func:`render_ci`.
        OSError: the file cannot be written.
    """
    text = render_ci(kind, portal_file, villages)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(text, encoding="utf-8", newline="\n")
    return out_path


def main(argv: Sequence[str]) -> int:
    """``langso portal ci github|gitlab cong.yml [--ra TỆP] [--nguon NGUỒN]``: the repository
    checked, then the CI file written (:func:`langso.portal.ci_repo.main`)."""
    from langso.portal.ci_repo import main as run

    return run(argv)
