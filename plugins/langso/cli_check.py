"""``langso check``: one strict build that lists every problem, then a plain verdict.

An adapter (it runs MkDocs); the translation of MkDocs' messages is in :mod:`langso.checking`.

One run shows everything (issue 13): the build behind the check does not stop at Làng số's
content gate (:meth:`langso.adapter.Reporter.stop_if_errors`), so links, images and navigation
are checked in the same run as the YAML and front matter. The real ``mkdocs build`` still stops
there. A link to a page that is missing only because its own file has errors is not reported
twice (see :class:`langso.checking.Translator`).

What blocks publishing is exactly what fails ``mkdocs build --strict``: every error and every
warning. Problems the plugins log at INFO level (photo originals, out-of-date directory entries
with ``stale_level: info``…) and the starter text left from ``langso new`` are shown as notes
that do not block publishing.

The site is thrown away, so the PDF print sheets are laid out (a sheet too small for its codes
is still an error) but not rendered (:mod:`langso.checkrun`, which says what a check then
cannot see: Pango missing, the sheets' bytes in the host's size limits).
"""

from __future__ import annotations

import argparse
import logging
import posixpath
import re
import sys
import tempfile
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, Literal

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.structure.files import Files

from langso.adapter import Reporter, content_location
from langso.checking import (
    CheckResult,
    Finding,
    Translator,
    broken_pages,
    config_findings,
    display_prefix,
    github_escape,
    is_gate_summary,
)
from langso.checkrun import site_thrown_away
from langso.geomap.basemap import BASEMAP_KEY, BaseMap
from langso.offline.build import format_size
from langso.plaques.model import load_plaques
from langso.problems import Problem
from langso.scaffold import starter_problems
from langso.text import nfc

__all__ = ["check_site", "finding_lines", "finding_text", "run_check", "summary"]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def verdict(result: CheckResult, lang: Literal["vi", "en"]) -> str:
    """The last line of ``langso check``: whether the site can be published, and why not.

    >>> verdict(CheckResult(), "vi")
    'Có thể xuất bản / Ready to publish'
    """
    blocking, notes = result.blocking, result.notes
    if lang == "vi":
        note_vi = f"; {notes} cảnh báo không chặn xuất bản" if notes else ""
        verb = "does" if notes == 1 else "do"
        note_en = f"; {_plural(notes, 'warning')} that {verb} not block it" if notes else ""
        if blocking:
            return (
                f"Chưa thể xuất bản: {blocking} lỗi phải sửa trong {result.files} tệp{note_vi}"
                f" / Cannot publish yet: {_plural(blocking, 'problem')} to fix{note_en}"
            )
        return f"Có thể xuất bản{note_vi} / Ready to publish{note_en}"
    verb = "does" if notes == 1 else "do"
    note_en = f" ({_plural(notes, 'warning')} that {verb} not block publishing)" if notes else ""
    if blocking:
        return (
            f"Cannot publish yet: {_plural(blocking, 'problem')} to fix in "
            f"{_plural(result.files, 'file')}{note_en}"
        )
    return f"Ready to publish{note_en}"


def summary(result: CheckResult, lang: Literal["vi", "en"]) -> str:
    """What was checked: pages, directory entries, plaques, and the walking tours and the base
    map when the site has them.

    >>> summary(CheckResult(pages=8, services=1, plaques=1, tours=1, basemap_bytes=3355443), "vi")
    'Đã kiểm tra 8 trang, 1 mục danh bạ, 1 biển, 1 tuyến tham quan, bản đồ nền 3,2 MB.'
    """
    if lang == "vi":
        parts = [
            f"{result.pages} trang",
            f"{result.services} mục danh bạ",
            f"{result.plaques} biển",
        ]
        if result.tours:
            parts.append(f"{result.tours} tuyến tham quan")
        if result.basemap_bytes is not None:
            parts.append(f"bản đồ nền {format_size(result.basemap_bytes)}")
        return f"Đã kiểm tra {', '.join(parts)}."
    parts = [
        _plural(result.pages, "page"),
        _plural(result.services, "directory entry").replace("entrys", "entries"),
        _plural(result.plaques, "plaque"),
    ]
    if result.tours:
        parts.append(_plural(result.tours, "walking tour"))
    if result.basemap_bytes is not None:
        parts.append(f"a base map of {format_size(result.basemap_bytes).replace(',', '.')}")
    return f"Checked {', '.join(parts)}."


def finding_text(finding: Finding, lang: Literal["vi", "en"]) -> str:
    """A finding's words without its location, as ``langso check --format github`` shows them:
    ``field: problem — fix`` in Vietnamese, then on a second line ``(en)`` and the English
    (``lang="vi"``, the default); English only with ``--lang en``."""
    if lang == "en":
        return finding.text("en")
    return f"{finding.text('vi')}\n(en) {finding.text('en')}"


def finding_lines(finding: Finding, lang: Literal["vi", "en"], prefix: str = "") -> str:
    """A finding as ``langso check`` prints it, errors, warnings and notes alike: the location
    and the Vietnamese, then the English on an indented ``(en)`` line, as
    :meth:`langso.problems.Problem.format` writes (``lang="vi"``); one English line with
    ``--lang en``::

        content/a.md:3: cảnh báo, không chặn xuất bản: trang còn chữ mẫu … — …
            (en) warning, not blocking: the page still holds the starter text … — …
    """
    first = finding.line(lang, prefix)
    if lang == "en":
        return first
    note = "" if finding.blocks else "warning, not blocking: "
    return f"{first}\n    (en) {note}{finding.text('en')}"


def run_check(args: argparse.Namespace) -> int:
    """``langso check``: print every problem, then the verdict; 0 publishable, 1 not."""
    started = time.perf_counter()
    lang: Literal["vi", "en"] = args.lang

    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    result = check_site(args.config, progress)
    prefix = display_prefix(args.config)
    findings = result.sorted()
    if args.format == "github":
        for finding in findings:
            problem = finding.problem
            path = posixpath.join(prefix, problem.path) if prefix else problem.path
            props = f"file={github_escape(path, prop=True)}"
            if problem.line:
                props += f",line={problem.line}"
            props += f",title={github_escape(f'Làng số {problem.code}', prop=True)}"
            print(f"::{finding.annotation} {props}::{github_escape(finding_text(finding, lang))}")
    else:
        previous: str | None = None
        for finding in findings:
            if previous is not None and finding.problem.path != previous:
                print()
            print(finding_lines(finding, lang, prefix))
            previous = finding.problem.path
        if findings:
            print()
    if result.stopped_early:
        en = (
            "The build stopped at content errors, so links and images are not all checked yet: "
            "fix the problems above and run again."
        )
        vi = (
            "Bản dựng dừng ở lỗi nội dung nên chưa kiểm tra hết liên kết và ảnh: sửa các lỗi trên "
            "rồi chạy lại."
        )
        print(f"{vi} / {en}" if lang == "vi" else en)
    if result.config_ok:
        checked = summary(result, "en")
        print(f"{summary(result, 'vi')} / {checked}" if lang == "vi" else checked)
    print(verdict(result, lang))
    progress(f"({time.perf_counter() - started:.1f} s)")
    return 1 if result.blocking else 0


# --- the strict build behind the check ---------------------------------------------------------


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class _Observed:
    """What the plugins' reporters said during the check's build.

    Attributes:
        seen: each logged problem's printed text → the problems printed so (to match log lines).
        notes: the problems logged at INFO level, in order (not in the WARNING log collector).
        gate: how many times a content gate would have stopped the build.
    """

    def __init__(self) -> None:
        self.seen: dict[str, deque[Problem]] = defaultdict(deque)
        self.notes: list[Problem] = []
        self.errors: list[Problem] = []
        self.gate = 0


@contextmanager
def _observed_reporters() -> Iterator[_Observed]:
    """Watch every problem reported meanwhile, and let the build go past the content gates."""
    observed = _Observed()
    original_report, original_stop = Reporter.report, Reporter.stop_if_errors

    def report(self: Reporter, problems: Iterable[Problem]) -> None:
        problems = list(problems)
        for problem in problems:
            if problem.severity == "info":
                observed.notes.append(problem)
            else:
                observed.seen[problem.format()].append(problem)
                if problem.severity == "error":
                    observed.errors.append(problem)
        original_report(self, problems)

    def stop_if_errors(self: Reporter, config: MkDocsConfig) -> None:
        # Keep building (into a temporary folder): the links and images are checked too.
        if any(r.errors for r in Reporter._all if r.build == id(config)):
            observed.gate += 1

    setattr(Reporter, "report", report)  # noqa: B010 (methods, replaced for one build)
    setattr(Reporter, "stop_if_errors", stop_if_errors)  # noqa: B010
    try:
        yield observed
    finally:
        setattr(Reporter, "report", original_report)  # noqa: B010
        setattr(Reporter, "stop_if_errors", original_stop)  # noqa: B010


class _Census:
    """Counts the author's pages and keeps the final list of files (for link suggestions).

    Its two handlers are put first and last in the build's ``on_files`` events.
    """

    def __init__(self) -> None:
        self.pages = 0
        self.sources: dict[str, str] = {}
        self.final: set[str] = set()

    def first(self, files: Files, *, config: MkDocsConfig) -> Files:
        for file in files:
            if file.abs_src_path:
                self.sources[nfc(file.src_uri)] = file.abs_src_path
        self.pages = sum(1 for f in files.documentation_pages() if not f.generated_by)
        return files

    def last(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.final = {nfc(f.src_uri) for f in files}
        return files


def check_site(config_file: str, progress: Callable[[str], None] | None = None) -> CheckResult:
    """Build the site of ``config_file`` strictly into a temporary folder; return what it said.

    The build goes on past the content gates; should a plugin then fail on content it had
    reported (an exception other than MkDocs' own), what was found so far is returned with
    :attr:`CheckResult.stopped_early` set.
    """
    result = CheckResult()
    config_path = Path(config_file)
    config_name = config_path.name
    if not config_path.is_file():
        result.config_ok = False
        result.findings.append(Finding(Problem(config_name, None, "config.missing")))
        return result
    collector = _Collector()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(collector)
    census = _Census()

    def logged() -> list[tuple[int, str]]:
        # MkDocs' own words, also where the build's log already translated them.
        return [
            (r.levelno, getattr(r, "langso_original", None) or r.getMessage())
            for r in collector.records
        ]

    try:
        with tempfile.TemporaryDirectory(prefix="langso-check-") as site_dir:
            try:
                config = load_config(config_file=config_file, strict=True, site_dir=site_dir)
            except MkDocsException as error:
                result.config_ok = False
                result.findings += config_findings(logged(), config_path)
                detail = " ".join(error.format_message().split())  # one line
                if not result.findings or not detail.startswith("Aborted with"):
                    line_match = re.search(r"line (\d+)", detail)
                    line = int(line_match.group(1)) if line_match else None
                    params = {"detail": detail}
                    problem = Problem(config_name, line, "config.unreadable", params=params)
                    result.findings.append(Finding(problem))
                return result
            result.findings += config_findings(logged(), config_path)
            collector.records.clear()
            # First: the files as the author wrote them; last: after every plugin's pages.
            config.plugins.events["files"].insert(0, census.first)
            config.plugins.events["files"].append(census.last)
            docs_dir, docs_rel = content_location(config)
            if progress:
                progress(f"Đang dựng thử trang / building the site: {config_name} …")
            # Every reason the build stops for is logged: read below.
            # The site is thrown away: its PDF sheets are laid out, not rendered (checkrun).
            with _observed_reporters() as observed, site_thrown_away(), suppress(MkDocsException):
                try:
                    build(config)
                except MkDocsException:
                    raise  # logged: read below
                except Exception:
                    if not observed.gate:
                        raise  # a bug, not a consequence of reported content errors
                    result.stopped_early = True
            broken = broken_pages(observed.errors, docs_rel)
            translator = Translator(
                docs_dir, docs_rel, config_path, census.sources, census.final, broken
            )
            for levelno, message in logged():
                if is_gate_summary(message):
                    result.stopped_early = True
                    continue
                queue = observed.seen.get(message)
                if queue:
                    result.findings.append(Finding(queue.popleft()))
                    continue
                result.findings += translator.translate(message, levelno < logging.ERROR)
            result.findings += [Finding(p) for p in observed.notes]
            result.findings += [
                Finding(p) for p in starter_problems(census.sources, docs_dir, docs_rel)
            ]
            result.pages = census.pages
            result.services = _count_services(config, docs_dir)
            result.plaques = _count_plaques(config, docs_dir, docs_rel)
            result.tours = _count_tours(config, docs_dir)
            basemap = config.extra.get(BASEMAP_KEY)
            result.basemap_bytes = basemap.size_bytes if isinstance(basemap, BaseMap) else None
    finally:
        mkdocs_log.removeHandler(collector)
    return result


def _plugin_option(config: MkDocsConfig, plugin: str, name: str, default: Any) -> Any:
    instance = config.plugins.get(plugin)
    options = getattr(instance, "config", None)
    return getattr(options, name, default) if options is not None else default


def _count_yaml(
    config: MkDocsConfig, docs_dir: Path, plugin: str, option: str, folder: str, *, deep: bool
) -> int:
    """The YAML files of ``plugin``'s folder (its ``option``, default ``folder``) under
    ``docs_dir``, in sub-folders too when ``deep``; 0 when the plugin is not configured."""
    if plugin not in config.plugins:
        return 0
    found = docs_dir / str(_plugin_option(config, plugin, option, folder))
    if not found.is_dir():
        return 0
    paths = found.rglob("*") if deep else found.glob("*")
    return sum(1 for p in paths if p.suffix in (".yml", ".yaml") and p.is_file())


def _count_services(config: MkDocsConfig, docs_dir: Path) -> int:
    return _count_yaml(config, docs_dir, "langso/directory", "services_dir", "danh-ba", deep=True)


def _count_tours(config: MkDocsConfig, docs_dir: Path) -> int:
    return _count_yaml(config, docs_dir, "langso/tours", "tours_dir", "tuyen-tham-quan", deep=False)


def _count_plaques(config: MkDocsConfig, docs_dir: Path, docs_rel: str) -> int:
    if "langso/plaques" not in config.plugins:
        return 0
    registry = str(_plugin_option(config, "langso/plaques", "registry", "plaques.yml"))
    entries, _ = load_plaques(docs_dir, docs_rel, registry)
    return len(entries)
