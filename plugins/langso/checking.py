"""``langso check``: turn what the strict MkDocs build logged into located problems.

Plain Python (no MkDocs import): :mod:`langso.cli` runs the real build with ``strict=True`` into a
temporary folder with the project's own plugins and hands over every warning or error logged
under ``mkdocs``, so the check can never disagree with ``mkdocs build --strict``.

- Làng số's own problems arrive as :class:`~langso.problems.Problem` objects (the reporters are
  observed while the build runs) and are kept as they are.
- MkDocs' English warnings (a link, image or anchor not found, a page missing from ``nav``…) are
  translated into located, bilingual problems: the line is found by searching the source Markdown
  for the link as written.
- Anything else is kept word for word (``build.other``), so nothing the build says is lost.
"""

from __future__ import annotations

import logging
import os
import posixpath
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import unquote

from langso.paths import page_for_data_file, repo_path
from langso.problems import Problem, Severity
from langso.text import nfc, slugify

__all__ = [
    "CheckResult",
    "Finding",
    "Translator",
    "broken_pages",
    "config_findings",
    "display_prefix",
    "github_escape",
    "is_gate_summary",
]

Lang = Literal["vi", "en"]

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".ico"})
_STOPPED = re.compile(r"^Làng số: \d+ lỗi trong nội dung")


def is_gate_summary(message: str) -> bool:
    """Whether ``message`` is the summary Làng số's gate stops the build with."""
    return bool(_STOPPED.match(message))


_DOC = r"^Doc file '(?P<src>.+)' contains "
_SUGGEST = r"(?: Did you mean '(?P<suggest>.+)'\?)?$"
_LINK_MISSING = re.compile(
    _DOC + r"a link '(?P<link>.+)', but the target(?: '(?P<target>.+)')? is not found among "
    r"documentation files\." + _SUGGEST
)
_ANCHOR_HERE = re.compile(
    _DOC + r"a link '(?P<link>.+)', but there is no such anchor on this page\.(?P<extra>.*)$"
)
_ANCHOR_THERE = re.compile(
    _DOC + r"a link '(?P<link>.+)', but the doc '(?P<doc>.+)' does not contain an anchor "
    r"'#(?P<anchor>.+)'\.$"
)
_ABSOLUTE = re.compile(_DOC + r"an absolute link '(?P<link>.+)', it was left as is\." + _SUGGEST)
_UNRECOGNIZED = re.compile(
    _DOC + r"an unrecognized relative link '(?P<link>.+)', it was left as is\." + _SUGGEST
)
_NOT_IN_NAV = re.compile(
    r"^The following pages exist in the docs directory, but are not included in the \"nav\" "
    r"configuration:\n(?P<pages>.*)$",
    re.DOTALL,
)
_NAV_MISSING = re.compile(
    r"^A reference to '(?P<page>.+)' is included in the 'nav' configuration, which is not found "
    r"in the documentation files\.$"
)
_CONFIG_VALUE = re.compile(r"^Config value '(?P<key>[^']+)'")
_YAML_LINE = re.compile(r"line (\d+)")


@dataclass(frozen=True)
class Finding:
    """One problem to show: a :class:`Problem` and how the build logged it.

    ``error`` and ``warning`` both block publishing (``mkdocs build --strict`` fails on them);
    ``notice`` (a problem logged at INFO level) does not.
    """

    problem: Problem

    @property
    def severity(self) -> Literal["error", "warning", "notice"]:
        """The GitHub annotation level: ``error``, ``warning`` or ``notice`` (an INFO problem)."""
        return {"warning": "warning", "info": "notice"}.get(self.problem.severity, "error")  # type: ignore[return-value]

    @property
    def annotation(self) -> Literal["error", "notice"]:
        """The level of its GitHub annotation (``langso check --format github``): ``error`` for
        whatever blocks publishing (a warning too: ``mkdocs build --strict`` fails on it), else
        ``notice``, so the annotations never say less than the verdict."""
        return "error" if self.blocks else "notice"

    @property
    def blocks(self) -> bool:
        """Whether this problem stops ``mkdocs build --strict``, so the site cannot be published."""
        return self.problem.severity != "info"

    def text(self, lang: Lang) -> str:
        """``field: problem — fix`` in one language, without the path and line."""
        field_ = f"{self.problem.field}: " if self.problem.field else ""
        return field_ + self.problem.text(lang)

    def line(self, lang: Lang, prefix: str = "") -> str:
        """``path:line: field: problem — fix``."""
        where = posixpath.join(prefix, self.problem.path) if prefix else self.problem.path
        line = f"{where}:{self.problem.line}:" if self.problem.line else f"{where}:"
        if not self.blocks:
            line += " cảnh báo, không chặn xuất bản:" if lang == "vi" else " warning, not blocking:"
        return f"{line} {self.text(lang)}"


@dataclass
class CheckResult:
    """Everything one check found, in the order logged."""

    findings: list[Finding] = field(default_factory=list)
    pages: int = 0
    services: int = 0
    plaques: int = 0
    tours: int = 0
    """Walking tours (``langso/tours``' YAML files), shown in the summary when there are any."""
    basemap_bytes: int | None = None
    """Size of the base map the map page uses; ``None`` without one (not in the summary)."""
    stopped_early: bool = False
    """The build stopped at content errors: links and images may not all be checked."""
    config_ok: bool = True

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == "warning")

    @property
    def blocking(self) -> int:
        """Problems that stop ``mkdocs build --strict``: errors and warnings."""
        return sum(1 for f in self.findings if f.blocks)

    @property
    def notes(self) -> int:
        """Problems shown that do not block publishing (logged at INFO level)."""
        return sum(1 for f in self.findings if not f.blocks)

    @property
    def files(self) -> int:
        """Files holding a problem that blocks publishing."""
        return len({f.problem.path for f in self.findings if f.blocks})

    def sorted(self) -> list[Finding]:
        """Grouped by file (in path order), then by line, else in the order found."""
        order = {id(f): i for i, f in enumerate(self.findings)}
        return sorted(
            self.findings, key=lambda f: (f.problem.path, f.problem.line or 0, order[id(f)])
        )


def config_findings(records: Iterable[tuple[int, str]], config_path: Path) -> list[Finding]:
    """MkDocs' warnings and errors about ``mkdocs.yml`` itself (``(level, message)`` pairs)."""
    findings = []
    for levelno, message in records:
        match = _CONFIG_VALUE.match(message)
        line = _key_line(config_path, match.group("key")) if match else None
        severity: Severity = "warning" if levelno < logging.ERROR else "error"
        problem = Problem(
            config_path.name,
            line,
            "config.unreadable" if severity == "error" else "build.other",
            params={"detail": message},
            severity=severity,
        )
        findings.append(Finding(problem))
    return findings


def broken_pages(errors: Iterable[Problem], docs_rel: str) -> set[str]:
    """The ``src_uri`` of each page that may be missing because its own file has ``errors``.

    A directory entry with a YAML mistake makes no page, and a link to that page is then
    "missing" only as a consequence: the YAML error is the one to fix.

    >>> sorted(broken_pages([Problem("content/danh-ba/Quán A.yml", 2, "yaml.tab")], "content"))
    ['danh-ba/quan-a.md']
    """
    prefix = "" if docs_rel in ("", ".") else docs_rel.rstrip("/") + "/"
    pages = set()
    for problem in errors:
        if not problem.path.startswith(prefix):
            continue
        src = nfc(problem.path[len(prefix) :])
        suffix = posixpath.splitext(src)[1].lower()
        if suffix in (".yml", ".yaml"):
            pages.add(page_for_data_file(src))
        elif suffix == ".md":
            pages.add(src)
    return pages


def _key_line(config_path: Path, key: str) -> int | None:
    top = key.split(".")[0]
    pattern = re.compile(rf"^\s*-?\s*{re.escape(top)}\s*:")
    try:
        lines = config_path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next((n for n, text in enumerate(lines, start=1) if pattern.match(text)), None)


def _hint(suggest: str | None) -> dict[str, str]:
    if not suggest:
        return {"hint_vi": "", "hint_en": ""}
    return {"hint_vi": f" (có phải `{suggest}`?)", "hint_en": f" (did you mean `{suggest}`?)"}


class Translator:
    """Turns MkDocs' English log messages into located, bilingual problems.

    Args:
        docs_dir, docs_rel: the content folder, and its path relative to the repository.
        config_path: ``mkdocs.yml``.
        sources: each source file's ``src_uri`` (NFC) → its path on disk.
        final: every ``src_uri`` of the build after the plugins added theirs (may be empty).
        broken: pages missing because their own file has errors (see :func:`broken_pages`):
            a link to one is not reported, the error in that file is.
    """

    def __init__(
        self,
        docs_dir: Path,
        docs_rel: str,
        config_path: Path,
        sources: dict[str, str],
        final: set[str],
        broken: set[str] | None = None,
    ) -> None:
        self.docs_dir = docs_dir
        self.docs_rel = docs_rel
        self.config_path = config_path
        self.config_name = config_path.name
        self.sources = sources
        self.final = final
        self.broken = broken or set()
        self.used: Counter[tuple[str, str]] = Counter()
        self._lines: dict[str, list[str]] = {}

    def translate(self, message: str, warning: bool) -> list[Finding]:
        severity: Severity = "warning" if warning else "error"
        for pattern, handler in (
            (_LINK_MISSING, self._link_missing),
            (_ANCHOR_HERE, self._anchor),
            (_ANCHOR_THERE, self._anchor),
            (_ABSOLUTE, self._absolute),
            (_UNRECOGNIZED, self._unrecognized),
            (_NOT_IN_NAV, self._not_in_nav),
            (_NAV_MISSING, self._nav_missing),
        ):
            match = pattern.match(message)
            if match:
                return [Finding(p) for p in handler(match, severity)]
        return [
            Finding(
                Problem(
                    self.config_name,
                    None,
                    "build.other",
                    params={"detail": message},
                    severity="warning" if warning else "error",
                )
            )
        ]

    # --- locating -------------------------------------------------------------------------

    def _source_lines(self, src: str) -> list[str]:
        if src not in self._lines:
            path = self.sources.get(nfc(src)) or str(self.docs_dir / src)
            try:
                self._lines[src] = Path(path).read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                self._lines[src] = []
        return self._lines[src]

    def _link_line(self, src: str, link: str) -> int | None:
        """The line of the n-th occurrence of ``link`` in the page (n: how often already seen)."""
        lines = self._source_lines(src)
        occurrence = self.used[(src, link)]
        self.used[(src, link)] += 1
        for written in dict.fromkeys((link, unquote(link), nfc(unquote(link)))):
            exact = re.compile(
                r"(?:\]\(\s*<?|\]:\s*<?|(?:src|href)=[\"'])"
                + re.escape(written)
                + r"""(?=>?[\s)"']|$)"""
            )
            for matches in (exact.search, lambda text, w=written: w in text):
                hits = [n for n, text in enumerate(lines, start=1) if matches(nfc(text))]
                if hits:
                    return hits[min(occurrence, len(hits) - 1)]
        return None

    def _problem(self, match: re.Match[str], code: str, severity: str, **params: object) -> Problem:
        src = match.group("src")
        link = match.group("link")
        line = self._link_line(src, link)
        return Problem(
            repo_path(self.docs_rel, nfc(src)),
            line,
            code,
            params={"link": link, **params},
            severity="warning" if severity == "warning" else "error",
        )

    # --- one handler per MkDocs message ----------------------------------------------------

    def _link_missing(self, match: re.Match[str], severity: str) -> list[Problem]:
        link = match.group("link")
        path = link.split("#")[0].split("?")[0]
        target = match.group("target") or unquote(path.lstrip("/"))
        suffix = posixpath.splitext(path)[1].lower()
        page = page_for_data_file(target) if suffix in (".yml", ".yaml") else nfc(target)
        if page in self.broken and page not in self.final:
            self.used[(match.group("src"), match.group("link"))] += 1  # keep later lines right
            return []
        if suffix in (".yml", ".yaml"):
            page = page_for_data_file(target)
            if page in self.final or not self.final:
                folder, name = posixpath.split(path)
                stem = posixpath.splitext(name)[0]
                suggestion = posixpath.join(folder, slugify(nfc(unquote(stem))) + ".md")
                return [
                    self._problem(match, "page.link-data-file", severity, suggestion=suggestion)
                ]
        code = "page.image-missing" if suffix in IMAGE_SUFFIXES else "page.link-missing"
        target_rel = repo_path(self.docs_rel, target)
        return [
            self._problem(match, code, severity, target=target_rel, **_hint(match.group("suggest")))
        ]

    def _anchor(self, match: re.Match[str], severity: str) -> list[Problem]:
        link = match.group("link")
        anchor = link.split("#", 1)[1] if "#" in link else ""
        doc = match.groupdict().get("doc")
        if doc:
            params = {"page_vi": f"trang `{doc}`", "page_en": f"the page `{doc}`"}
            anchor = match.group("anchor")
        else:
            params = {"page_vi": "trang này", "page_en": "this page"}
        return [self._problem(match, "page.anchor-missing", severity, anchor=anchor, **params)]

    def _absolute(self, match: re.Match[str], severity: str) -> list[Problem]:
        hint = _hint(match.group("suggest"))
        return [self._problem(match, "page.link-absolute", severity, **hint)]

    def _unrecognized(self, match: re.Match[str], severity: str) -> list[Problem]:
        hint = _hint(match.group("suggest"))
        return [self._problem(match, "page.link-unrecognized", severity, **hint)]

    def _nav_line(self) -> int | None:
        return _key_line(self.config_path, "nav")

    def _not_in_nav(self, match: re.Match[str], severity: str) -> list[Problem]:
        pages = [
            line.strip()[2:].strip()
            for line in match.group("pages").splitlines()
            if line.strip().startswith("- ")
        ]
        line = self._nav_line()
        return [
            Problem(
                self.config_name,
                line,
                "page.not-in-nav",
                params={"page": page},
                severity="warning" if severity == "warning" else "error",
            )
            for page in pages
        ]

    def _nav_missing(self, match: re.Match[str], severity: str) -> list[Problem]:
        page = match.group("page")
        lines = _read_lines(self.config_path)
        line = next((n for n, text in enumerate(lines, start=1) if page in text), None)
        return [
            Problem(
                self.config_name,
                line or self._nav_line(),
                "nav.target-missing",
                params={"page": page},
                severity="warning" if severity == "warning" else "error",
            )
        ]


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def github_escape(text: str, *, prop: bool = False) -> str:
    """Escape ``text`` for a GitHub workflow command (message, or a property with ``prop``)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def display_prefix(config_file: str) -> str:
    """The folder of ``config_file`` relative to the working folder (``""`` when the same)."""
    folder = os.path.relpath(Path(config_file).resolve().parent, Path.cwd())
    return "" if folder == "." else Path(folder).as_posix()
