"""Jinja rendering shared by every generated page, with Markdown-safe escaping of volunteer text.

Templates live in ``langso/templates`` inside the package. Generated pages are Markdown, so MkDocs
resolves their ``.md`` links for either ``use_directory_urls`` setting and the theme renders them
like any page the volunteers wrote.
"""

from __future__ import annotations

import html
import re
from functools import cache
from typing import Any

import jinja2

__all__ = ["md", "md_block", "render_template"]

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#!{}<>])")


def md(text: object) -> str:
    """Escape ``text`` for inline Markdown (and table cells): nothing typed can become markup.

    HTML special characters become entities; Markdown punctuation is backslash-escaped; line
    breaks become spaces so a value can never break out of a table row or list item.
    """
    value = " ".join(str(text).split())
    value = html.escape(value, quote=False)
    return _MD_SPECIAL.sub(r"\\\1", value)


def md_block(text: object) -> str:
    """Escape multi-line ``text`` as Markdown paragraphs, keeping the volunteer's line breaks.

    Blank lines separate paragraphs; a single line break stays a line break (``<br>``).
    """
    paragraphs = [p for p in str(text).replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "\n\n".join(
        "<br>\n".join(md(line) for line in paragraph.split("\n") if line.strip())
        for paragraph in paragraphs
    )


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
    return env


def render_template(name: str, **context: Any) -> str:
    """Render the package template ``name``; ``.html`` templates are HTML-escaped automatically."""
    return _environment(name.endswith(".html")).get_template(name).render(**context)
