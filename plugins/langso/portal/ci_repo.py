"""``langso portal ci github|gitlab cong.yml``: check the repository, then write its CI file.

One repository holds many village projects and the portal file at its root (docs/cong-tinh.md,
"Cách B"). Before :func:`langso.portal.ci.write_ci`, the command looks at what the CI run will
meet, and says it, Vietnamese first, English after:

- each village project's key (``/<key>/``) is its folder's name
  (:func:`langso.portal.config.project_key`; two projects with one key are refused by the
  portal file's check); a folder outside the repository is refused (``portal.ci-outside``, at
  its line of the portal file) and nothing is written (exit 2);
- the portal job installs ``requirements.txt`` beside the portal file: written when missing with
  the line ``langso init`` writes for a village (:mod:`langso.origin`: ``--nguon``, else the
  Làng số line every village's ``requirements.txt`` shares (:func:`shared_requirement`, said),
  else where the running Làng số came from; the starter's own ``requirements.txt.j2``), left
  alone when present;
- ``.gitignore`` beside the portal file gets what ``langso portal`` and the CI's jobs make
  (:data:`IGNORED`), each line added once;
- per village (warnings, the CI file is still written): no ``requirements.txt``
  (``portal.ci-no-requirements``: its job would fail), its own CI files that GitHub and GitLab
  never run in a sub-folder (``portal.ci-nested-ci``: they can be deleted; nothing is deleted),
  its ``site_url`` against the portal's address + its key or a placeholder
  (:func:`langso.portal.addresses.address_problems`), its ``host:`` or address on another host
  than the CI's (``portal.ci-host-mismatch``); the portal's own address too.

It ends with what to do next: the branch the workflow runs on (``main``; ``git branch -M
main`` when ``git init`` made ``master``: ``$default-branch`` works only in GitHub's starter
workflow templates, github/docs#5104), what to commit, turning Pages on, and the exact ``git
rm -r`` command for the villages' own CI files.

Exit status: 0 written, 2 nothing written (a mistyped command line, a wrong portal file, a
village whose key is unknown, no source for Làng số).
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import jinja2

from langso.hosts import HOST_LIMITS, host_of
from langso.init import init_source_note
from langso.origin import SourceError, installed_requirement, requirement_from
from langso.portal.addresses import address_problems, read_site_settings
from langso.portal.ci import DEFAULT_OUT, MATRIX_LIMITS, CiError, CiVillage, render_ci, write_ci
from langso.portal.config import PortalFile, Source, project_key, read_portal_file
from langso.portal.sources import CACHE_DIR
from langso.problems import Problem
from langso.schema import read_yaml
from langso.yamlsource import Mapping

__all__ = [
    "IGNORED",
    "PORTAL_IGNORED",
    "ensure_gitignore",
    "ensure_requirements",
    "gitignore_note",
    "in_git_work_tree",
    "main",
    "shared_requirement",
]

IGNORED: dict[str, tuple[str, ...]] = {
    "github": (".cache/", "/site-cong/", "/dung/", "/tam/", "/luu/"),
    "gitlab": (".cache/", "/site-cong/", "/public/", "/dung/", "/tam/", "/luu/"),
}
"""What ``.gitignore`` beside the portal file must hold for each CI: the caches (the portal's
``.cache/langso/portal``, pip's), ``langso portal``'s default output ``site-cong`` (GitLab
publishes ``public``), and the jobs' work folders (``dung``: built villages, ``tam``: a build in
progress, ``luu``: last good copies). ``langso portal`` adds :data:`PORTAL_IGNORED`."""

PORTAL_IGNORED = IGNORED["github"]
"""What ``langso portal`` adds to ``.gitignore`` beside the portal file in a git work tree:
the lines every CI needs (GitLab's ``/public/`` is added by ``langso portal ci gitlab``)."""


def _shown(path: Path) -> str:
    """``path`` relative to the working folder (no machine paths shown)."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive (Windows)
        return path.name


def ensure_requirements(root: Path, requirement: str | None) -> str | None:
    """Write ``root/requirements.txt`` when missing, with the line ``langso init`` writes
    (``requirement`` as ``--nguon`` takes it, else where the running Làng số came from).

    Returns:
        What was done (Vietnamese, then English), or ``None`` when the file was there.

    Raises:
        SourceError: no usable source for Làng số (its message names ``--nguon``).
    """
    path = root / "requirements.txt"
    if path.exists():
        return None
    source = installed_requirement() if requirement is None else requirement_from(requirement)
    template = jinja2.Environment(
        loader=jinja2.PackageLoader("langso", "starter"),
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    ).get_template("requirements.txt.j2")
    path.write_text(template.render(requirement=source.requirement), "utf-8", newline="\n")
    return (
        f"Đã ghi {_shown(path)}: việc dựng cổng trong CI cài Làng số theo tệp này. / Wrote "
        f"{_shown(path)}: the CI's portal job installs Làng số from it.\n{init_source_note(root)}"
    )


def ensure_gitignore(root: Path, lines: Sequence[str], by: str = "langso portal ci") -> list[str]:
    """Add to ``root/.gitignore`` (made if missing) each of ``lines`` it lacks (``dung/`` counts
    as ``/dung/``), under a comment naming the command ``by``; returns the lines added, in
    order. Shared by ``langso portal`` and ``langso portal ci`` (:data:`IGNORED`)."""
    path = root / ".gitignore"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    have = {line.strip().lstrip("/").rstrip("/") for line in text.splitlines()}
    added = [line for line in lines if line.strip("/") not in have]
    if added:
        start = text if not text or text.endswith("\n") else text + "\n"
        block = f"# {by}: bản lưu, cổng đã dựng, thư mục tạm của CI / caches, output\n"
        path.write_text(start + block + "".join(f"{line}\n" for line in added), "utf-8")
    return added


def gitignore_note(root: Path, added: Sequence[str]) -> str:
    """The line that says what :func:`ensure_gitignore` added."""
    shown = _shown(root / ".gitignore")
    return f"Đã thêm vào {shown} / added to {shown}: {', '.join(added)}"


def in_git_work_tree(folder: Path) -> bool:
    """Whether ``folder`` is inside a git work tree (a ``.git`` folder or file in it or above)."""
    return any((parent / ".git").exists() for parent in (folder, *folder.parents))


def shared_requirement(folders: Sequence[Path]) -> str | None:
    """The Làng số line (``langso @ …``) of ``requirements.txt`` when every folder's file has
    exactly one and they are all the same; else ``None``."""
    found: set[str] = set()
    for folder in folders:
        try:
            text = (folder / "requirements.txt").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        ours = [
            line.strip()
            for line in text.splitlines()
            if line.strip().lower().replace(" ", "").startswith("langso@")
        ]
        if len(ours) != 1:
            return None
        found.add(ours[0])
    return found.pop() if len(found) == 1 else None


def _village_notes(
    kind: str, portal: PortalFile, source: Source, key: str, folder: str, ci_file: str
) -> list[Problem]:
    """The warnings about one village project the CI will build (see the module doc)."""
    assert source.folder is not None
    found: list[Problem] = []
    if not (source.folder / "requirements.txt").is_file():
        found.append(
            Problem(folder, None, "portal.ci-no-requirements", None, {"folder": folder}, "warning")
        )
    own = sorted(source.folder.glob(".github/workflows/*.y*ml"))
    own += [p for p in [source.folder / ".gitlab-ci.yml"] if p.is_file()]
    for path in own:
        shown = f"{folder}/{path.relative_to(source.folder).as_posix()}"
        found.append(
            Problem(shown, None, "portal.ci-nested-ci", None, {"ci_file": ci_file}, "warning")
        )
    settings = read_site_settings(source.folder / "mkdocs.yml")
    found += address_problems(
        source,
        key,
        portal.address,
        settings.site_url,
        path=f"{folder}/mkdocs.yml",
        line=settings.site_url_line,
    )
    if settings.host is not None and settings.host in HOST_LIMITS and settings.host != kind:
        found.append(
            _host_problem(kind, settings.host, f"{folder}/mkdocs.yml", settings.host_line, "host")
        )
    elif settings.host is None and host_of(settings.site_url) not in (None, kind):
        host = host_of(settings.site_url)
        assert host is not None
        found.append(
            _host_problem(kind, host, f"{folder}/mkdocs.yml", settings.site_url_line, "site_url")
        )
    return found


def _host_problem(kind: str, host: str, where: str, line: int | None, field: str) -> Problem:
    value = host if field == "host" else f"site_url ({host})"
    params = {
        "ci_name": HOST_LIMITS[kind].name,
        "host_name": HOST_LIMITS[host].name,
        "host": host,
        "what_vi": "nơi đăng" if field == "host" else "địa chỉ",
        "what_en": "the host" if field == "host" else "the address",
        "value": value,
    }
    return Problem(where, line, "portal.ci-host-mismatch", field, params, "warning")


def main(argv: Sequence[str]) -> int:
    """``langso portal ci github|gitlab cong.yml [--ra TỆP] [--nguon NGUỒN]``; see the module
    doc for what it checks and the exit status."""
    from langso.cli_text import VietnameseArgumentParser

    parser = VietnameseArgumentParser(
        prog="langso portal ci",
        description="Viết tệp CI dựng mọi làng (mỗi làng một việc, song song) rồi dựng cổng "
        "và đăng cả cổng lẫn các làng; thêm requirements.txt và .gitignore cạnh tệp cổng nếu "
        "thiếu. Đặt tệp cổng ở gốc kho. / Write the CI file that builds every village (one job "
        "each, in parallel), then the portal, and publishes both; adds requirements.txt and "
        ".gitignore beside the portal file when missing. Keep the portal file at the "
        "repository root.",
    )
    parser.add_argument("ci", choices=sorted(MATRIX_LIMITS), help="CI của kho / the CI")
    parser.add_argument("cong", type=Path, metavar="cong.yml", help="tệp cổng / the portal file")
    parser.add_argument(
        "--ra",
        type=Path,
        metavar="TỆP/FILE",
        help="tệp ghi ra / the file written (mặc định/default: .github/workflows/lang-so.yml "
        "hoặc/or .gitlab-ci.yml cạnh tệp cổng / beside the portal file)",
    )
    parser.add_argument(
        "--nguon",
        metavar="NGUỒN/SOURCE",
        help="nguồn cài Làng số cho requirements.txt của cổng, như `langso init --nguon` / "
        "where the portal's requirements.txt installs Làng số from, as `langso init --nguon`",
    )
    args = parser.parse_args(list(argv))
    path: Path = args.cong
    if not path.is_file():
        print(Problem(path.as_posix(), None, "portal.file-missing").format(), file=sys.stderr)
        return 2
    portal, problems = read_portal_file(path.resolve(), path.as_posix())
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    if portal is None:
        return 2
    root = path.resolve().parent
    out: Path = args.ra if args.ra is not None else root / DEFAULT_OUT[args.ci]
    ci_file = DEFAULT_OUT[args.ci] if args.ra is None else _shown(out)
    villages: list[CiVillage] = []
    refused: list[Problem] = []
    notes: list[Problem] = []
    for source in portal.sources:
        if source.kind != "project" or source.folder is None:
            continue  # a built site or a URL: the portal job reads it as it is
        try:
            folder = source.folder.resolve().relative_to(root).as_posix()
        except ValueError:
            params = {"folder": source.source}
            refused.append(
                Problem(portal.shown, source.line, "portal.ci-outside", "thu_muc", params)
            )
            continue
        key = project_key(source.folder)
        villages.append(CiVillage(key, folder))
        notes += _village_notes(args.ci, portal, source, key, folder, ci_file)
    if refused:
        for problem in refused:
            print(problem.format(), file=sys.stderr)
        print(
            f"Chưa viết tệp CI: {len(refused)} lỗi ở trên phải sửa. / The CI file was not "
            f"written: {len(refused)} mistake(s) above to fix.",
            file=sys.stderr,
        )
        return 2
    portal_host = host_of(portal.address)
    if portal_host is not None and portal_host != args.ci:
        notes.insert(0, _portal_host_problem(args.ci, portal_host, portal, path.as_posix()))
    requirement, reused = args.nguon, None
    if requirement is None and not (root / "requirements.txt").exists():
        projects = [root / v.folder for v in villages]
        requirement = reused = shared_requirement(projects)
    try:
        render_ci(args.ci, path.name, villages)  # refused before anything is written
        written = ensure_requirements(root, requirement)
        write_ci(args.ci, path.name, villages, out)
    except CiError as error:
        print(f"{path.as_posix()}: {error}", file=sys.stderr)
        return 2
    except SourceError as error:
        print(f"{_shown(root / 'requirements.txt')}: {error}", file=sys.stderr)
        return 2
    per_job = math.ceil(len(villages) / MATRIX_LIMITS[args.ci])
    print(
        f"Đã ghi {_shown(out)}: {len(villages)} làng, {per_job} làng mỗi việc. / Wrote "
        f"{_shown(out)}: {len(villages)} villages, {per_job} a job."
    )
    if written:
        if reused:
            print(
                "Không có --nguon: mọi làng cài Làng số từ cùng một dòng trong requirements.txt "
                "của làng, cổng dùng lại dòng đó. / No --nguon: every village installs Làng số "
                "from the same requirements.txt line; the portal reuses it."
            )
        print(written)
    added = ensure_gitignore(root, IGNORED[args.ci])
    if added:
        print(gitignore_note(root, added))
    for note in notes:
        print(note.format())
    print(_next_steps(args.ci, root, out, path, [v.folder for v in villages], bool(written)))
    return 0


def _own_ci_paths(root: Path, folders: Sequence[str]) -> list[str]:
    """The villages' own CI files and folders, as ``git rm -r`` takes them: ``<folder>/.github``
    when it holds only workflows, else each workflow file; ``<folder>/.gitlab-ci.yml``."""
    found: list[str] = []
    for folder in folders:
        github = root / folder / ".github"
        workflows = sorted(github.glob("workflows/*.y*ml"))
        if workflows:
            others = [p for p in github.rglob("*") if p.is_file() and p not in workflows]
            if others:
                found += [f"{folder}/{p.relative_to(root / folder).as_posix()}" for p in workflows]
            else:
                found.append(f"{folder}/.github")
        if (root / folder / ".gitlab-ci.yml").is_file():
            found.append(f"{folder}/.gitlab-ci.yml")
    return found


def _next_steps(
    kind: str, root: Path, out: Path, portal: Path, folders: Sequence[str], requirements: bool
) -> str:
    """What to do after ``langso portal ci``, Vietnamese first: delete the villages' own CI
    files, commit, the branch, turn Pages on."""
    lines = ["", "Việc tiếp theo / next steps:"]
    own = _own_ci_paths(root, folders)
    if own:
        paths = " ".join(own)
        lines += [
            "- Xóa tệp CI riêng của các làng (không bao giờ chạy) / delete the villages' own CI "
            f"files (never run): git rm -r {paths}",
            f"  (chưa đưa vào git / not committed yet: rm -r {paths})",
        ]
    if not in_git_work_tree(root):
        lines.append(
            "- Chưa có kho git ở đây: tạo kho (nhánh `main`) và nối với kho trên "
            f"{'GitHub' if kind == 'github' else 'GitLab'} / not a git repository yet: create it "
            "(branch `main`) and link it: git init -b main && git remote add origin "
            "<địa-chỉ-kho/repository-URL>"
        )
    if kind == "github":
        lines.append(
            "- Tệp CI chạy khi đẩy lên nhánh `main`: kho đã có nhánh tên `master` thì đổi bằng "
            "`git branch -M main` trước khi đẩy. / The workflow runs on pushes to `main`: if the "
            "repository's branch is `master`, run `git branch -M main` before pushing."
        )
    commit = [_shown(out), _shown(portal), _shown(root / ".gitignore")]
    if requirements or (root / "requirements.txt").is_file():
        commit.append(_shown(root / "requirements.txt"))
    lines.append(
        f"- Đưa lên kho / commit: git add {' '.join(commit)} {' '.join(folders)} && git commit "
        "-m 'Cổng làng số' && git push -u origin HEAD"
    )
    if kind == "github":
        lines.append(
            "- Bật một lần trên GitHub / enable once: Settings → Pages → Build and deployment → "
            "Source: GitHub Actions."
        )
    else:
        lines += [
            "- Tệp CI đăng cổng khi đẩy lên nhánh mặc định của kho. / The CI publishes the "
            "portal from the repository's default branch.",
            "- Trên GitLab / on GitLab: Deploy → Pages (Settings → Pages) để xem địa chỉ và quyền "
            "xem của trang / for the site's address and who may see it.",
        ]
    return "\n".join(lines)


def _portal_host_problem(kind: str, host: str, portal: PortalFile, shown: str) -> Problem:
    params = {
        "ci_name": HOST_LIMITS[kind].name,
        "host_name": HOST_LIMITS[host].name,
        "host": host,
        "what_vi": "địa chỉ của cổng",
        "what_en": "the portal's address",
        "value": portal.address,
    }
    line = _address_line(portal.path)
    return Problem(shown, line, "portal.ci-host-mismatch", "dia_chi", params, "warning")


def _address_line(path: Path) -> int | None:
    """The line of the portal's own ``dia_chi`` (a top-level key)."""
    node, _ = read_yaml(path, path.name)
    if isinstance(node, Mapping) and "dia_chi" in node.entries:
        line, value = node.entries["dia_chi"]
        return getattr(value, "line", None) or line
    return None


assert CACHE_DIR.startswith(".cache/")  # IGNORED's `.cache/` covers the portal's cache
