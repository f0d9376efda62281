"""``strict_html``: no script in a page body (an opt-in check of ``langso/content``).

Markdown may hold HTML, so whoever can merge into the repository can publish a script
(``docs/noi-dung.md``). A commune that wants more can turn on ``strict_html``: a page body whose
**rendered** HTML holds any of these stops the build with a located error:

- a ``<script>`` element (``html.script``);
- an inline event handler, any attribute named ``on…`` (``onerror=``, ``onclick=``), whether
  written in HTML or with ``attr_list`` (``{ onclick="…" }``) (``html.event-handler``);
- an attribute whose URL runs script: ``javascript:``, ``vbscript:`` or ``data:text/html``
  (``html.script-url``), in HTML or as a Markdown link ``[x](javascript:…)``;
- any of these inside an ``<iframe srcdoc="…">`` document.

The rendered HTML is read with :class:`html.parser.HTMLParser`, which decodes entities in
attribute values as a browser does, so ``jav&#x61;script:`` is found too; before the scheme is
compared, the characters a browser ignores in a URL (ASCII whitespace and control characters)
are removed, as the WHATWG URL standard does (leading C0 controls and spaces are stripped, tab and
newline removed anywhere). Reading the rendered HTML rather than the Markdown means code blocks
that *show* a ``<script>`` are not reported, and every way Markdown writes a link is covered.

The HTML has no line numbers: the n-th finding of a kind is located at the n-th place the source
file writes the same thing (``<script``, the handler's name followed by ``=``, or the scheme),
entities decoded, from its body on and outside code blocks and code spans; failing that, at the
body's first line. What an unclosed ``<script>`` or ``<style>`` hides is read as HTML too, so one
run lists everything.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from langso.problems import Problem

__all__ = ["Finding", "find_unsafe", "unsafe_html_problems"]

SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
"""URL schemes that run script when followed or loaded (compared in lower case)."""

# Removed before the scheme is compared: what the URL parser ignores or strips.
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")


@dataclass(frozen=True)
class Finding:
    """One unsafe thing in rendered HTML.

    Attributes:
        code: the message code: ``html.script``, ``html.event-handler`` or ``html.script-url``.
        what: the thing as it reads: ``<script>``, ``onerror``, ``javascript:``.
        tag: the element it was found on (``a``, ``img``).
    """

    code: str
    what: str
    tag: str


def script_scheme(value: str) -> str | None:
    """The script-running scheme ``value`` (an attribute value, entities decoded) starts with.

    >>> script_scheme(" Java\\tScript:alert(1)")
    'javascript:'
    >>> script_scheme("https://example.com/") is None
    True
    """
    compact = _IGNORED_IN_URL.sub("", value).lower()
    for scheme in SCRIPT_SCHEMES:
        if compact.startswith(scheme):
            return scheme
    return None


_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?(.*)", re.IGNORECASE | re.DOTALL)


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Finding] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.found.append(Finding("html.script", "<script>", tag))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(Finding("html.event-handler", name, tag))
                continue
            if not value:
                continue
            if name == "srcdoc":  # a whole document inside the attribute: <iframe srcdoc="…">
                self.found += find_unsafe(value)
                continue
            if name == "content" and (refresh := _REFRESH_URL.search(value)):
                value = refresh.group(1)  # <meta http-equiv="refresh" content="0; url=…">
            scheme = script_scheme(value)
            if scheme is not None:
                self.found.append(Finding("html.script-url", scheme, tag))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        # Inside <script> or <style> the parser reads everything up to the closing tag as text;
        # an unclosed one hides the rest of the page. Read that text as HTML too, so one run
        # reports what would otherwise appear only once the first script is gone.
        if self.cdata_elem is not None and "<" in data:
            self.found += find_unsafe(data)


def find_unsafe(page_html: str) -> list[Finding]:
    """Every script, event handler and script URL in ``page_html``, in document order."""
    finder = _Finder()
    finder.feed(page_html)
    finder.close()
    if finder.cdata_elem is not None and finder.rawdata:
        # An unclosed <script> or <style>: the parser keeps the rest unread (see handle_data).
        finder.found += find_unsafe(finder.rawdata)
    return finder.found


def _line_pattern(finding: Finding) -> re.Pattern[str]:
    if finding.code == "html.script":
        return re.compile(r"<\s*script\b", re.IGNORECASE)
    if finding.code == "html.event-handler":
        # The `=` may stand on the next line (`<img src=x onerror` then `=alert(1)>`).
        return re.compile(rf"\b{re.escape(finding.what)}\s*=", re.IGNORECASE)
    return re.compile(re.escape(finding.what), re.IGNORECASE)


_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+).+?\1")


def _prose_lines(lines: list[str], first: int) -> list[tuple[int, str]]:
    """The lines from ``first`` (1-based) on, outside fenced code blocks and without their code
    spans, entities decoded (``&lt;script&gt;`` in an ``<iframe srcdoc>`` is a script): where
    something that runs can be written."""
    prose = []
    fence: str | None = None
    for number in range(first, len(lines) + 1):
        line = lines[number - 1]
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence:
                fence = None
            continue
        if opening:
            fence = opening.group(1)[0]
            continue
        prose.append((number, html.unescape(_CODE_SPAN.sub("", line))))
    return prose


def _occurrences(prose: list[tuple[int, str]], finding: Finding) -> list[int]:
    """The line of each place ``finding`` is written, once per occurrence, in order.

    The prose is searched as one text, so a handler whose ``=`` is on the next line is found on
    the line of its name; script URLs are compared without the characters a URL parser drops.
    """
    pattern = _line_pattern(finding)
    starts: list[int] = []
    parts: list[str] = []
    offset = 0
    for _, line in prose:
        if finding.code == "html.script-url":
            line = _IGNORED_IN_URL.sub("", line)
        starts.append(offset)
        parts.append(line)
        offset += len(line) + 1
    text = "\n".join(parts)
    return [prose[bisect.bisect_right(starts, m.start()) - 1][0] for m in pattern.finditer(text)]


def unsafe_html_problems(page_html: str, source: str, body_line: int, rel: str) -> list[Problem]:
    """The ``strict_html`` errors of one page.

    Args:
        page_html: the page body as rendered (MkDocs' ``page.content``).
        source: the page's Markdown file as written, to locate each finding.
        body_line: the 1-based line where its body starts (after the front matter).
        rel: its repository-relative path.

    Returns:
        One error a finding, located as the module docstring says, with ``what`` and ``tag`` as
        message parameters.
    """
    prose = _prose_lines(source.splitlines(), body_line)
    problems = []
    seen: dict[str, int] = {}
    places: dict[str, list[int]] = {}
    for finding in find_unsafe(page_html):
        key = f"{finding.code} {finding.what}"
        if key not in places:
            places[key] = _occurrences(prose, finding)
        # the n-th finding of a kind is the n-th place it is written (the last, if fewer)
        n = seen.get(key, 0)
        seen[key] = n + 1
        lines = places[key]
        line = lines[min(n, len(lines) - 1)] if lines else body_line
        params = {"what": finding.what, "tag": finding.tag}
        problems.append(Problem(rel, line, finding.code, params=params))
    return problems
