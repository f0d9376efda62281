"""Jinja rendering shared by every generated page, with Markdown-safe escaping of volunteer text.

Templates live in ``langso/templates`` inside the package. Generated pages are Markdown, so MkDocs
resolves their ``.md`` links for either ``use_directory_urls`` setting and the theme renders them
like any page the volunteers wrote.

The escaping rule (:mod:`langso.escaping`): every value from content is plain text and is escaped
exactly once for where it lands.

- ``.html`` templates autoescape: a value is printed as ``{{ value }}``, never ``|safe`` (only
  markup our code made, such as a QR code's SVG, is ``|safe``).
- ``.md`` templates do not autoescape (Markdown is not HTML): a value in running text goes through
  ``|md`` (:func:`md`) or ``|md_block`` (:func:`md_block`), which HTML-escape it once and then
  neutralise Markdown, so a name can never become a tag, an entity, a link, emphasis, a heading,
  a list or a table cell; a value inside raw HTML written in a ``.md`` template
  (``data-…="{{ v|e }}"``) goes through ``|e``; a link destination (a web address, a path made
  from a file name) goes through ``|md_url`` (:func:`md_url`).
- MkDocs reads the heading of a generated page as the page's title, with its entities: such a
  title is HTML text, like every ``page.title`` (see :mod:`langso.escaping`).
"""

from __future__ import annotations

import html
import re
from functools import cache
from typing import Any
from urllib.parse import quote

import jinja2

__all__ = ["md", "md_block", "md_url", "render_template"]

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#!{}<>])")
# What Markdown reads as a block at the start of a line: a list item (``-``, ``+``, ``1.``,
# ``1)``), a setext underline or a rule (``===``, ``---``). Written as character references,
# which Markdown leaves alone and the browser shows as the character.
_LINE_START = re.compile(r"^(?:([-+])(?=\s|$)|(=)(?=[=\s]*$)|(-)(?=[-\s]*$)|(\d+)([.)])(?=\s|$))")
_REFERENCES = {"-": "&#45;", "+": "&#43;", "=": "&#61;", ".": "&#46;", ")": "&#41;"}


def _line_start(match: re.Match[str]) -> str:
    marker = match.group(1) or match.group(2) or match.group(3)
    if marker:
        return _REFERENCES[marker]
    return match.group(4) + _REFERENCES[match.group(5)]


def md(text: object) -> str:
    """Escape ``text`` for inline Markdown (and table cells): nothing typed can become markup.

    HTML special characters become entities; Markdown punctuation is backslash-escaped; a list
    marker or underline at the start becomes a character reference; line breaks become spaces
    so a value can never break out of a table row or list item.

    >>> md("Hùng & Lan *<b>*")
    'Hùng &amp; Lan \\\\*&lt;b&gt;\\\\*'
    >>> md("- 1. =")
    '&#45; 1. ='
    >>> md("19.98, 105.64 - 2) x")
    '19.98, 105.64 - 2) x'
    """
    value = " ".join(str(text).split())
    value = html.escape(value, quote=False)
    return _LINE_START.sub(_line_start, _MD_SPECIAL.sub(r"\\\1", value), count=1)


def md_block(text: object) -> str:
    """Escape multi-line ``text`` as Markdown paragraphs, keeping the volunteer's line breaks.

    Blank lines separate paragraphs; a single line break stays a line break (``<br>``).
    """
    paragraphs = [p for p in str(text).replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "\n\n".join(
        "<br>\n".join(md(line) for line in paragraph.split("\n") if line.strip())
        for paragraph in paragraphs
    )


# Kept as typed in a link destination: what a URL needs (RFC 3986 gen-delims and most sub-delims,
# "%" so an encoded URL is not encoded twice). Everything else — spaces, ( ) < > " ' ` [ ] { } \\,
# control characters, non-ASCII letters — is percent-encoded.
_URL_SAFE = "/:?#@!$&*+,;=%~"


def md_url(url: object) -> str:
    """Percent-encode ``url`` for a Markdown link destination ``[text](url)``: nothing in it can
    close the link or start HTML, whatever a file name or a web address holds.

    MkDocs decodes the path before resolving a ``.md`` link, so links to pages still resolve.

    >>> md_url("https://a.example/x)<img src=x onerror=alert(1)>")
    'https://a.example/x%29%3Cimg%20src=x%20onerror=alert%281%29%3E'
    >>> md_url("../dia-diem/Chùa (cũ).md#lich-su")
    '../dia-diem/Ch%C3%B9a%20%28c%C5%A9%29.md#lich-su'
    """
    return quote(str(url), safe=_URL_SAFE)


@cache
def _environment(autoescape: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("langso", "templates"),
        autoescape=autoescape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # package files: no need to check them on every render
    )
    env.filters["md"] = md
    env.filters["md_block"] = md_block
    env.filters["md_url"] = md_url
    return env


def render_template(name: str, **context: Any) -> str:
    """Render the package template ``name``; ``.html`` templates are HTML-escaped automatically."""
    return _environment(name.endswith(".html")).get_template(name).render(**context)
