"""Words in angle brackets that the page would hide: ``<lì xì>``, ``<tên thôn>``.

Python-Markdown passes anything shaped like an HTML tag through as HTML (its inline pattern
``markdown.inlinepatterns.HTML_RE``: a ``<``, an ASCII letter, then anything but ``<``, ``>``,
``@``), and a browser then treats ``<lì xì>`` as an element named ``lì``: the words vanish
from the page with no message (an issue 15 tester's notice lost "lì xì" from its heading). A
volunteer who meant the brackets gets a located warning; real HTML elements, custom elements
(with a hyphen), autolinks (``<https://…>``, ``<ten@mien>``), comments, code spans, fenced
code, indented lines and the text of links are left alone.

Plain Python: no MkDocs import.
"""

from __future__ import annotations

import re

from langso.problems import Problem

__all__ = ["HTML_ELEMENTS", "unknown_tag_problems"]

HTML_ELEMENTS = frozenset(
    """a abbr address area article aside audio b base bdi bdo blockquote body br button canvas
    caption cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe
    img input ins kbd label legend li link main map mark math menu meta meter nav noscript object
    ol optgroup option output p param picture pre progress q rp rt ruby s samp script search
    section select slot small source span strong style sub summary sup svg table tbody td template
    textarea tfoot th thead time title tr track u ul var video wbr acronym big center font frame
    frameset marquee nobr noframes strike tt circle clippath defs desc ellipse foreignobject g
    line lineargradient marker mask path pattern polygon polyline radialgradient rect stop symbol
    text tspan use mi mn mo mrow ms mtext mfrac msqrt mroot msup msub msubsup mtable mtr mtd
    """.split()  # noqa: SIM905
)
"""The elements of the WHATWG HTML Living Standard's index (https://html.spec.whatwg.org/
multipage/indices.html#elements-3), the obsolete ones browsers still render, and the SVG and
MathML elements a page may embed: lower case."""

_TAG = re.compile(r"(?<!\\)<(/?)([A-Za-z][^<>@\s/]*)(\s[^<>]*|/)?>")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+).+?\1")
_LINK_TEXT = re.compile(r"\[[^\[\]]*\]\(")
_INDENTED = re.compile(r"^(?: {4}|\t)")


def unknown_tag_problems(body: str, rel: str, body_line: int) -> list[Problem]:
    """A ``html.unknown-tag`` warning for each ``<name …>`` in the Markdown ``body`` whose name
    is no HTML element, located at its line (``body_line`` is the body's first line in the
    file)."""
    problems = []
    fence: str | None = None
    for number, line in enumerate(body.split("\n"), start=body_line):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence:
                fence = None
            continue
        if opening:
            fence = opening.group(1)[0]
            continue
        if _INDENTED.match(line):
            continue  # an indented code block, or a list's nested text: not worth a false alarm
        # A link's text is left alone too: on an index page a list of links becomes cards whose
        # titles show the text as written, brackets included (langso.cards).
        for match in _TAG.finditer(_LINK_TEXT.sub("[](", _CODE_SPAN.sub("", line))):
            name = match.group(2).lower()
            if name in HTML_ELEMENTS or "-" in name or ":" in name:
                continue
            shown = match.group(0)
            inner = shown[1:-1].lstrip("/")
            params = {"tag": shown, "inner": inner}
            problems.append(
                Problem(rel, number, "html.unknown-tag", params=params, severity="warning")
            )
    return problems
