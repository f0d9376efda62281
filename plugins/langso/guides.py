"""Guides that start with the steps (issue 14, deliverable 3) — plain Python, no MkDocs.

A guide is a page of ``huong-dan/`` (its ``index.md`` aside), or any page whose front matter has
``can_chuan_bi``. It is written for a reader on a phone who came to *do* something:

.. code-block:: markdown

    ---
    title: "Tạo tài khoản VNeID mức 1"
    can_chuan_bi:
      - Điện thoại có mạng
      - Thẻ căn cước gắn chíp
    ---

    # Tạo tài khoản VNeID mức 1

    Một câu nói hướng dẫn này giúp làm gì.

    ## Các bước

    1. Mở ứng dụng VNeID.
    2. …

    ## Tìm hiểu thêm

    (what it is, why, the law…)

    ## Nguồn

- ``can_chuan_bi`` (what to bring or have: phone, CCCD card…) becomes a compact box right under
  the title (:func:`need_box_html`).
- The first ``##`` section is the steps: a heading starting with "Các bước" (``## Các bước``,
  ``## Các bước làm``) over a numbered list, which the site shows as big numbered steps
  (``langso-steps``, ``assets/guides.css``). Only an opening sentence and a ``## Cần chuẩn bị``
  section may come before it; background goes after (``## Tìm hiểu thêm``).
  :func:`guide_problems` warns, on the line, when a guide has no steps, puts another section
  first, or has steps without numbers.
- The page ends with "Cần giúp?" (:func:`help_box_html`), leading to the village's digital team
  (:mod:`langso.helpline`), placed before ``## Nguồn``; a one-line "Khó quá?" link to call them
  (:func:`help_line_html`) sits near the top, before the steps, for a reader stuck on step 3.

Headings are found line by line: ``##`` at the start of a line, outside fenced code (the way
volunteers write guides; a setext ``---`` heading is not looked for).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping, Sequence

from langso.escaping import html_text, plain_text
from langso.helpline import Help
from langso.problems import Problem
from langso.text import fold

__all__ = [
    "GUIDES_DIR",
    "NEED_KEY",
    "guide_problems",
    "help_box_html",
    "help_line_html",
    "is_guide",
    "mark_steps",
    "need_box_html",
    "with_help_box",
    "with_need_box",
]

GUIDES_DIR = "huong-dan"
"""The folder (relative to ``docs_dir``) whose pages are guides."""

NEED_KEY = "can_chuan_bi"
"""The front-matter key listing what the reader needs (a list of short texts)."""

STEPS = "cac buoc"
"""A steps heading, folded (:func:`langso.text.fold`), starts with this: ``## Các bước…``."""

_ALLOWED_BEFORE = ("can chuan bi",)
"""Sections that may come before the steps (folded): what to prepare."""

_SOURCES = ("nguon", "nguon tham khao", "tai lieu tham khao")

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_H1 = re.compile(r"^#[ \t]+\S")
_H2 = re.compile(r"^##[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_ATTRIBUTES = re.compile(r"[ \t]*\{[^{}]*\}[ \t]*$")
_NUMBERED = re.compile(r"^[ \t]{0,3}\d{1,9}[.)][ \t]+\S")


def is_guide(src_uri: str, meta: Mapping[str, object]) -> bool:
    """Whether the page ``src_uri`` (relative to ``docs_dir``, ``/``-separated) with front matter
    ``meta`` is a guide: in :data:`GUIDES_DIR` and not its index, or with :data:`NEED_KEY`."""
    if NEED_KEY in meta:
        return True
    folder, name = posixpath.split(src_uri)
    in_folder = folder == GUIDES_DIR or folder.startswith(GUIDES_DIR + "/")
    return in_folder and posixpath.splitext(name)[0] not in ("index", "README")


def _headings(body: str) -> tuple[int | None, list[tuple[int, str]], list[str]]:
    """``(h1 index, [(index, text)] of level-2 headings, lines)``; indexes into ``lines``."""
    lines = body.split("\n")
    fence: str | None = None
    h1: int | None = None
    found: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        if h1 is None and _H1.match(line):
            h1 = index
        match = _H2.match(line)
        if match:
            found.append((index, _ATTRIBUTES.sub("", match.group(1))))
    return h1, found, lines


def guide_problems(body: str, rel: str, first_line: int = 1) -> list[Problem]:
    """Warnings about a guide's structure (call it for guides only: :func:`is_guide`).

    - ``guide.no-steps``: no ``## Các bước…`` section; on the title's line (else the body's).
    - ``guide.steps-late``: a section other than ``## Cần chuẩn bị`` comes before the steps; on
      that section's heading.
    - ``guide.steps-not-numbered``: the steps section holds no numbered list (``1.``); on its
      heading.

    Args:
        body: the page's Markdown after the front matter.
        rel: the page's path relative to the repository, for messages.
        first_line: the line of ``body``'s first line in the file.
    """
    h1, headings, lines = _headings(body)
    steps = next((i for i, (_, text) in enumerate(headings) if fold(text).startswith(STEPS)), None)
    if steps is None:
        line = first_line + (h1 if h1 is not None else 0)
        return [Problem(rel, line, "guide.no-steps", severity="warning")]
    problems = []
    steps_index, _ = headings[steps]
    for index, text in headings[:steps]:
        if fold(text).strip(" :?") not in _ALLOWED_BEFORE:
            params = {"heading": f"## {text}", "steps_line": first_line + steps_index}
            problems.append(
                Problem(
                    rel, first_line + index, "guide.steps-late", params=params, severity="warning"
                )
            )
            break
    end = headings[steps + 1][0] if steps + 1 < len(headings) else len(lines)
    if not any(_NUMBERED.match(line) for line in lines[steps_index + 1 : end]):
        problems.append(
            Problem(rel, first_line + steps_index, "guide.steps-not-numbered", severity="warning")
        )
    return problems


# --- the rendered page ---------------------------------------------------------------------------

_H1_END = re.compile(r"</h1>")
_H2_TAG = re.compile(r"<h2\b[^>]*>(.*?)</h2>", re.DOTALL)
_OL = re.compile(r"<ol\b([^>]*)>")


def need_box_html(items: Sequence[str]) -> str:
    """The "Cần chuẩn bị" box: each item (plain text) escaped once.

    >>> "<li>Thẻ &lt;CCCD&gt;</li>" in need_box_html(["Thẻ <CCCD>"])
    True
    """
    listed = "".join(f"<li>{html_text(item)}</li>" for item in items)
    return (
        '<div class="langso-need"><p class="langso-need__title">Cần chuẩn bị</p>'
        f'<ul class="langso-need__list">{listed}</ul></div>'
    )


def with_need_box(page_html: str, items: Sequence[str]) -> str:
    """``page_html`` (a page's rendered content) with :func:`need_box_html` right after its
    ``<h1>``, or first when it has none; unchanged when ``items`` is empty."""
    if not items:
        return page_html
    box = need_box_html(items)
    match = _H1_END.search(page_html)
    if match is None:
        return box + "\n" + page_html
    return f"{page_html[: match.end()]}\n{box}{page_html[match.end() :]}"


def _heading_text(inner: str) -> str:
    """A heading's folded text, without its permalink's ``¶``."""
    return fold(plain_text(inner)).replace("¶", "").strip()


def mark_steps(page_html: str) -> str:
    """Give the steps' numbered list (the first ``<ol>`` after a ``<h2>`` starting "Các bước",
    before the next ``<h2>``) the class ``langso-steps``, which shows big numbered steps."""
    headings = list(_H2_TAG.finditer(page_html))
    for number, heading in enumerate(headings):
        if not _heading_text(heading.group(1)).startswith(STEPS):
            continue
        end = headings[number + 1].start() if number + 1 < len(headings) else len(page_html)
        ol = _OL.search(page_html, heading.end(), end)
        if ol is None:
            return page_html
        attributes = ol.group(1)
        if "class=" in attributes:
            attributes = attributes.replace('class="', 'class="langso-steps ', 1)
        else:
            attributes = f' class="langso-steps"{attributes}'
        return f"{page_html[: ol.start()]}<ol{attributes}>{page_html[ol.end() :]}"
    return page_html


def help_box_html(help: Help, href: str) -> str:
    """The "Cần giúp?" box: a big call button for each of the helper's numbers (its Zalo when
    it has no phone), the sample-data warning under them when the entry is sample data, and a
    link to its page (``href``, relative to the page showing it); with no named helper, a link
    to the directory. Every text from content is escaped once.

    >>> from langso.phones import parse_phone
    >>> box = help_box_html(Help("Tổ & bạn", (parse_phone("0300 000 011"),), "x/"), "../x/")
    >>> "<p>Gọi Tổ &amp; bạn:</p>" in box and 'href="tel:+84300000011"' in box
    True
    """
    parts = [f'<div class="langso-help" id="{HELP_BOX_ID}">']
    parts.append('<h2 class="langso-help__title">Cần giúp?</h2>')
    target = html_text(href)
    if help.name is None:
        parts.append(
            "<p>Nhờ tổ công nghệ số cộng đồng hoặc cán bộ xã giúp.</p>"
            f'<p><a class="langso-help__page" href="{target}">'
            "Tìm số điện thoại trong danh bạ</a></p>"
        )
    else:
        name = html_text(help.name)
        calls = "".join(
            f'<a class="langso-help__call" href="tel:{html_text(phone.tel)}">'
            f'Gọi <span class="langso-help__number">{html_text(phone.display)}</span></a>'
            for phone in help.phones
        )
        if not calls and help.zalo is not None:  # a helper reached on Zalo only
            calls = (
                f'<a class="langso-help__call" href="{html_text(help.zalo.zalo_url)}">'
                f'Zalo <span class="langso-help__number">{html_text(help.zalo.display)}</span></a>'
            )
        if calls:
            verb = "Gọi" if help.phones else "Nhắn Zalo cho"
            parts.append(f"<p>{verb} {name}:</p>")
            parts.append(f'<p class="langso-help__calls">{calls}</p>')
            if help.sample:  # only under a number: the warning is about it
                parts.append(
                    '<p class="langso-help__sample">Dữ liệu mẫu: số này là số giả, chưa gọi '
                    "được.</p>"
                )
        else:  # unreachable helpers are refused (village.help-unreachable); the page still leads
            parts.append(f"<p>Hỏi {name}.</p>")
        parts.append(
            f'<p><a class="langso-help__page" href="{target}">Địa chỉ, giờ làm việc</a></p>'
        )
    parts.append("</div>")
    return "".join(parts)


HELP_BOX_ID = "langso-can-giup"
"""The ``id`` of the "Cần giúp?" box, the target of the top line's "Xem cách nhờ giúp"."""


def help_line_html(help: Help, href: str) -> str:
    """The one-line "Khó quá?" link near a guide's top: a call link to the helper's first number
    (its Zalo when it has no phone; with no named helper, the directory at ``href``, relative to
    the page) and "Nhờ giúp", a link to the "Cần giúp?" box at the end, which names the helper.
    Short on purpose: at the default size on a 360 px phone it is one 48 px row, so step 1 stays
    on the first screen (the team's name would take two more rows). Class ``langso-nosnippet``:
    never a search result's snippet. Text from content is escaped once.

    >>> from langso.phones import parse_phone
    >>> line = help_line_html(Help("Tổ & bạn", (parse_phone("0300 000 011"),), "x/"), "../x/")
    >>> 'href="tel:+84300000011">Gọi <span class="langso-help__number">0300 000 011</span>' in line
    True
    """
    if help.name is None:
        call = f'<a class="langso-helpline__call" href="{html_text(href)}">Tìm số trong danh bạ</a>'
    elif help.phones or help.zalo is not None:
        phone = help.phones[0] if help.phones else help.zalo
        assert phone is not None
        target = f"tel:{phone.tel}" if help.phones else phone.zalo_url
        verb = "Gọi" if help.phones else "Zalo"
        call = (
            f'<a class="langso-helpline__call" href="{html_text(target)}">{verb} '
            f'<span class="langso-help__number">{html_text(phone.display)}</span></a>'
        )
    else:  # unreachable helpers are refused (village.help-unreachable); still lead to the box
        call = ""
    return (
        f'<p class="langso-helpline langso-nosnippet">Khó quá? {call}'
        f' <a class="langso-helpline__more" href="#{HELP_BOX_ID}">Nhờ giúp</a></p>'
    )


_NEED_BOX = re.compile(r'<div class="langso-need">.*?</div>', re.DOTALL)


def _with_help_line(page_html: str, line: str) -> str:
    """``page_html`` with ``line`` right after the "Cần chuẩn bị" box, else before the first
    ``<h2>`` (after the title's opening sentence), else after ``<h1>``, else first."""
    need = _NEED_BOX.search(page_html)
    if need is not None:
        return f"{page_html[: need.end()]}\n{line}{page_html[need.end() :]}"
    h2 = _H2_TAG.search(page_html)
    if h2 is not None:
        return f"{page_html[: h2.start()]}{line}\n{page_html[h2.start() :]}"
    h1 = _H1_END.search(page_html)
    if h1 is not None:
        return f"{page_html[: h1.end()]}\n{line}{page_html[h1.end() :]}"
    return f"{line}\n{page_html}"


def with_help_box(page_html: str, box: str, line: str = "") -> str:
    """``page_html`` with ``box`` before its sources section (a ``<h2>`` "Nguồn"), else last,
    and ``line`` (:func:`help_line_html`, none when empty) near the top, before the steps."""
    if line:
        page_html = _with_help_line(page_html, line)
    for heading in _H2_TAG.finditer(page_html):
        if _heading_text(heading.group(1)) in _SOURCES:
            return f"{page_html[: heading.start()]}{box}\n{page_html[heading.start() :]}"
    return f"{page_html}\n{box}"
