"""``langso portal ci github|gitlab cong.yml``: check the repository, then write its CI file.

One repository holds many village projects and the portal file at its root (docs/cong-tinh.md,
"Cách B"). Before :func:`langso.portal.ci.write_ci`, the command looks at what the CI run will
meet, and says it, Vietnamese first, English after:

- each village project's key (``/<key>/``, :func:`langso.portal.sources.project_key`) must be
  known: a ``village.yml`` that cannot be read is reported at its own line with its fix
  (``yaml.*``, ``portal.key-unknown``), and nothing is written (exit 2); so is a folder outside
  the repository (``portal.ci-outside``, at its line of the portal file);
- the portal job installs ``requirements.txt`` beside the portal file: written when missing with
  the line ``langso init`` writes for a village (:mod:`langso.origin`: ``--nguon``, else where
  the running Làng số came from; the starter's own ``requirements.txt.j2``), left alone when
  present;
- ``.gitignore`` beside the portal file gets what ``langso portal`` and the CI's jobs make
  (:data:`IGNORED`), each line added once;
- per village (warnings, the CI file is still written): no ``requirements.txt``
  (``portal.ci-no-requirements``: its job would fail), its own CI files that GitHub and GitLab
  never run in a sub-folder (``portal.ci-nested-ci``: they can be deleted; nothing is deleted),
  its ``site_url`` against the portal's address + its key or a placeholder
  (:func:`langso.portal.addresses.address_problems`), its ``host:`` or address on another host
  than the CI's (``portal.ci-host-mismatch``); the portal's own address too.

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
from langso.portal.config import PortalFile, Source, read_portal_file
from langso.portal.sources import CACHE_DIR, project_key
from langso.problems import Problem
from langso.schema import read_yaml
from langso.yamlsource import Mapping

__all__ = ["IGNORED", "ensure_gitignore", "ensure_requirements", "main", "village_key_problems"]

IGNORED: dict[str, tuple[str, ...]] = {
    "github": (".cache/", "/site-cong/", "/dung/", "/tam/", "/luu/"),
    "gitlab": (".cache/", "/site-cong/", "/public/", "/dung/", "/tam/", "/luu/"),
}
"""What ``.gitignore`` beside the portal file must hold for each CI: the caches (the portal's
``.cache/langso/portal``, pip's), ``langso portal``'s default output ``site-cong`` (GitLab
publishes ``public``), and the jobs' work folders (``dung``: built villages, ``tam``: a build in
progress, ``luu``: last good copies)."""


def _shown(path: Path) -> str:
    """``path`` relative to the working folder (no machine paths shown)."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive (Windows)
        return path.name


def village_key_problems(folder: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """The key of the village project in ``folder`` (shown as ``shown``, repository-relative),
    or ``None`` with why: the problems of its ``village.yml`` (each at its line, with its fix)
    or ``portal.key-unknown`` when ``ten`` or ``xa`` is missing."""
    key = project_key(folder)
    if key is not None:
        return key, []
    try:
        config = (folder / "mkdocs.yml").read_text(encoding="utf-8", errors="replace")
    except OSError:
        config = ""
    docs = "docs"
    for line in config.splitlines():
        if line.startswith("docs_dir:"):
            docs = line.split(":", 1)[1].split("#", 1)[0].strip().strip("'\"") or docs
    where = f"{shown}/{docs}/village.yml"
    node, problems = read_yaml(folder / docs / "village.yml", where)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        return None, errors
    start = node.line if isinstance(node, Mapping) else 1
    return None, [Problem(where, start, "portal.key-unknown")]


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


def ensure_gitignore(root: Path, kind: str) -> list[str]:
    """Add to ``root/.gitignore`` (made if missing) each line of :data:`IGNORED` it lacks
    (``dung/`` counts as ``/dung/``); returns the lines added, in order."""
    path = root / ".gitignore"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    have = {line.strip().lstrip("/").rstrip("/") for line in text.splitlines()}
    added = [line for line in IGNORED[kind] if line.strip("/") not in have]
    if added:
        start = text if not text or text.endswith("\n") else text + "\n"
        block = "# langso portal ci: bản lưu, cổng đã dựng, thư mục tạm của CI / caches, output\n"
        path.write_text(start + block + "".join(f"{line}\n" for line in added), "utf-8")
    return added


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
        key, why = village_key_problems(source.folder, folder)
        if key is None:
            refused += why
            continue
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
    try:
        render_ci(args.ci, path.name, villages)  # refused before anything is written
        written = ensure_requirements(root, args.nguon)
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
        print(written)
    added = ensure_gitignore(root, args.ci)
    if added:
        shown = _shown(root / ".gitignore")
        lines = ", ".join(added)
        print(f"Đã thêm vào {shown} / added to {shown}: {lines}")
    for note in notes:
        print(note.format())
    return 0


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
