"""Cards on index pages: a list of links to pages becomes a grid of cards, each with the page's
picture (when it has one), its title and one line about it.

On an index page (``dia-diem/index.md``, ``huong-dan/index.md``, a generated full list of
:mod:`langso.sections`) the volunteer writes a plain Markdown list::

    - [Đình làng Là Thôn](dinh-lang-la-thon.md): đình của làng, lịch sử Kẻ Lở.
    - [Tạo tài khoản VNeID mức 1](vneid-muc-1.md)

:func:`card_lists` turns every such list, when each item is one link to a page of the site and
at most a short text after ``:`` or a dash, into HTML cards (``ul.langso-cards`` of
``li.langso-card``, styled by ``assets/cards.css``). The text after the link is the card's line;
without one, the page's front-matter ``description``. The picture is the page's first image
(:func:`page_summary`). Any other list, and any list with an item that is not such a link, is
left as written.

Plain Python: the caller resolves a link destination to a :class:`CardTarget` (its final
address, description and picture), so this module knows nothing of MkDocs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from langso.frontmatter import read_page

__all__ = ["CardPicture", "CardTarget", "PageSummary", "card_lists", "page_summary"]


@dataclass(frozen=True)
class CardPicture:
    """A card's picture: its address from the index page and its size in pixels."""

    src: str
    width: int
    height: int


@dataclass(frozen=True)
class CardTarget:
    """Where a card leads: ``href`` from the index page, the page's own ``description``
    (plain text) and ``picture``."""

    href: str
    description: str | None
    picture: CardPicture | None


@dataclass(frozen=True)
class PageSummary:
    """What a card shows of a page: its front-matter ``description`` (plain text) and the
    destination of its first image as written in its Markdown (``../anh/dinh.webp``)."""

    description: str | None
    image: str | None


# `- [title](destination)` then, optionally, `: text`, `— text`, `– text` or ` - text`.
_ITEM = re.compile(
    r"^[-*+][ \t]+\[(?P<title>(?:\\.|[^\]\\])+)\]\(\s*<?(?P<dest>[^)\s>]+)>?\s*\)"
    r"(?:\s*(?::|—|–|\s-)\s*(?P<text>.*?))?\s*$"
)
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")
_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\([^)]*\)")
_ESCAPE = re.compile(r"\\(.)")
_EMPHASIS = re.compile(r"\*\*|__|`")


def _plain(markdown: str) -> str:
    """Inline Markdown as plain text: links keep their text, emphasis marks and backslash
    escapes go, entities (written by :func:`langso.render.md`) are decoded."""
    text = _LINK.sub(r"\1", markdown)
    text = _EMPHASIS.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    return " ".join(html.unescape(text).split())


@lru_cache(maxsize=4096)
def page_summary(source: str, rel: str) -> PageSummary:
    """The description and first image of the Markdown page ``source`` (front matter and
    body; ``rel`` names it in messages, which are not reported here)."""
    page, _ = read_page(source, rel)
    description = page.meta.get("description")
    fenced = False
    image = None
    for line in page.body.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and (found := _IMAGE.search(line)) is not None:
            image = found.group(1)
            break
    text = " ".join(str(description).split()) if description is not None else None
    return PageSummary(text or None, image)


def card_lists(markdown: str, target: Callable[[str], CardTarget | None]) -> str:
    """``markdown`` with each list of links to pages written as cards (see the module).

    Args:
        markdown: the page's Markdown body.
        target: the card for a link destination as written (``vneid-muc-1.md#buoc-1``), or
            ``None`` when it leads to no page of the site (then the list stays a list).
    """
    lines = markdown.split("\n")
    out: list[str] = []
    fenced = False
    n = 0
    while n < len(lines):
        line = lines[n]
        if _FENCE.match(line):
            fenced = not fenced
        if fenced or not _ITEM.match(line) or (out and out[-1].strip() and out[-1][0] != "#"):
            out.append(line)
            n += 1
            continue
        end = n
        while end < len(lines) and _ITEM.match(lines[end]):
            end += 1
        cards = _cards(lines[n:end], target)
        if cards is None or (end < len(lines) and lines[end].strip()):
            out.extend(lines[n:end])
        else:
            out.append(cards)
        n = end
    return "\n".join(out)


def _cards(items: list[str], target: Callable[[str], CardTarget | None]) -> str | None:
    rendered = []
    for item in items:
        match = _ITEM.match(item)
        assert match is not None
        text = match.group("text") or ""
        if "<" in text or "{" in text:
            return None  # markup or attributes the volunteer meant: leave the list alone
        found = target(match.group("dest"))
        if found is None:
            return None
        title = _plain(match.group("title"))
        line = _plain(text) or found.description or ""
        rendered.append(_card(found, title, line))
    return '<ul class="langso-cards">\n' + "\n".join(rendered) + "\n</ul>"


def _card(found: CardTarget, title: str, line: str) -> str:
    e = html.escape
    picture = ""
    if found.picture is not None:
        p = found.picture
        picture = (
            f'<img class="langso-card__img" src="{e(p.src)}" alt="" width="{p.width}"'
            f' height="{p.height}" loading="lazy" decoding="async">'
        )
    text = f'<span class="langso-card__text">{e(line, quote=False)}</span>' if line else ""
    return (
        f'<li class="langso-card"><a class="langso-card__link" href="{e(found.href)}">{picture}'
        f'<span class="langso-card__title">{e(title, quote=False)}</span>{text}</a></li>'
    )
