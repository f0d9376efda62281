"""The critical CSS of a page: the rules of the site's stylesheets that can apply to it.

Material's stylesheet is 23 KB gzip and blocks the first paint; a page uses about a quarter of
it. A page gets, inline in its ``<head>``, only the rules whose selectors can match its markup
(and the markup the site's own scripts create), with only the custom properties those rules use;
the full stylesheets load on the reader's first interaction, together with the theme's script.

The test is conservative: a selector is kept unless it names a class, an element type or an id
that appears nowhere in the page. Attribute selectors and pseudo-classes (``:hover``,
``:not(…)``, ``:checked``) never rule a selector out: state changes by CSS alone (the menu's
checkbox) keep working before the full stylesheets arrive, and looking for attributes would cost
more time than the 0.1 KB gzip of Material's rules it would save. Parsing follows CSS Syntax
Level 3 through ``tinycss2`` (the parser WeasyPrint uses).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import tinycss2
from tinycss2.ast import Node

__all__ = ["Stylesheet", "critical_css", "markup_names", "script_names"]

# Names a selector may require, from the page's markup: targeted scans that start with a
# literal (tokenising every word of a page, or starting with \b, costs ten times more).
_CLASS = re.compile(r' class="([^"]*)"')
_ID = re.compile(r' id="([^"]*)"')
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
# Any identifier: for scripts, which may create any class or element.
_IDENTIFIER = re.compile(r"[A-Za-z_][\w-]*")
_VAR = re.compile(r"var\(\s*(--[\w-]+)")
# An inline script's opening tag; its text ends at the next "</script>". Two searches, not one
# lazy ``(.*?)</script>``, which tries the closing tag at every character of every script.
_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
_SCRIPT_END = re.compile(r"</script>", re.IGNORECASE)
# Every document has these, whatever its markup says.
_ALWAYS = frozenset({"html", "head", "body"})


def markup_names(page_html: str) -> frozenset[str]:
    """Class names, ids and element types used in ``page_html``, and every identifier of its
    inline scripts (which may add classes before the first paint)."""
    names = set(_ALWAYS)
    names.update(" ".join(set(_CLASS.findall(page_html))).split())
    names.update(_ID.findall(page_html))
    names.update(tag.lower() for tag in set(_TAG.findall(page_html)))
    for script in _inline_scripts(page_html):
        names.update(_IDENTIFIER.findall(script))
    return frozenset(names)


def _inline_scripts(page_html: str) -> list[str]:
    """The text of each ``<script>`` without ``src`` of ``page_html``, in order: what
    ``re.findall(r"<script\\b(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", page_html, re.S | re.I)``
    finds."""
    found: list[str] = []
    at = 0
    while start := _INLINE_SCRIPT.search(page_html, at):
        end = _SCRIPT_END.search(page_html, start.end())
        if end is None:  # no "</script>" after this tag, nor after any later one
            break
        found.append(page_html[start.end() : end.start()])
        at = end.end()
    return found


def script_names(script: str) -> frozenset[str]:
    """Every identifier in ``script``: the classes, ids and elements it may create."""
    return frozenset(_IDENTIFIER.findall(script))


@dataclass(frozen=True)
class _Rule:
    # (names the selector requires, selector text) for each selector of the list
    selectors: tuple[tuple[frozenset[str], str], ...]
    # (custom property name or None, "name:value") for each declaration, in order
    declarations: tuple[tuple[str | None, str], ...]


@dataclass(frozen=True)
class _Group:
    # "@media screen and (min-width:60em)"
    prelude: str
    items: tuple[_Item, ...]


@dataclass(frozen=True)
class _Verbatim:
    # an at-rule kept as written (@font-face, @keyframes, @page …); ``name`` is the keyframes name
    text: str
    keyframes: str | None


_Item = _Rule | _Group | _Verbatim


def _split_selectors(prelude: list[Node]) -> list[list[Node]]:
    selectors: list[list[Node]] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return selectors


def _required_names(selector: list[Node]) -> frozenset[str]:
    """The class names, ids and element types ``selector`` needs."""
    names: set[str] = set()
    tokens = selector
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "literal" and token.value == "." and index + 1 < len(tokens):
            names.add(tokens[index + 1].value)
            index += 2
            continue
        if token.type == "literal" and token.value == ":":
            # a pseudo-class or pseudo-element (and its arguments) never rules a selector out
            index += 1
            if index < len(tokens) and tokens[index].type == "literal":
                index += 1
            index += 1
            continue
        if token.type == "hash":
            names.add(token.value)
        elif token.type == "ident":
            names.add(token.value.lower())
        index += 1
    return frozenset(names)


def _declarations(content: list[Node]) -> tuple[tuple[str | None, str], ...]:
    result: list[tuple[str | None, str]] = []
    for node in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True):
        if node.type == "declaration":
            value = tinycss2.serialize(node.value).strip()
            text = f"{node.name}:{value}{'!important' if node.important else ''}"
            result.append((node.name if node.name.startswith("--") else None, text))
        elif node.type in ("qualified-rule", "at-rule"):
            result.append((None, tinycss2.serialize([node])))
    return tuple(result)


def _items(nodes: Iterable[Node]) -> tuple[_Item, ...]:
    items: list[_Item] = []
    for node in nodes:
        if node.type == "qualified-rule":
            selectors = tuple(
                (_required_names(s), tinycss2.serialize(s).strip())
                for s in _split_selectors(node.prelude)
            )
            items.append(_Rule(selectors, _declarations(node.content)))
        elif node.type == "at-rule" and node.lower_at_keyword == "charset":
            continue
        elif (
            node.type == "at-rule"
            and node.lower_at_keyword in ("media", "supports", "layer")
            and (node.content is not None)
        ):
            inner = tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True)
            prelude = f"@{node.at_keyword}{tinycss2.serialize(node.prelude).rstrip()}"
            items.append(_Group(prelude, _items(inner)))
        elif node.type == "at-rule":
            name = None
            if node.lower_at_keyword.endswith("keyframes"):
                name = tinycss2.serialize(node.prelude).strip()
            items.append(_Verbatim(tinycss2.serialize([node]), name))
    return tuple(items)


class Stylesheet:
    """A parsed stylesheet, ready to be cut down to what a page uses.

    Raises nothing on invalid CSS: like a browser, the parser skips what it cannot read.
    """

    def __init__(self, css: str) -> None:
        nodes = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
        self.items = _items(nodes)
        self.names = frozenset(_all_names(self.items))

    @staticmethod
    @lru_cache(maxsize=32)
    def parse(css: str) -> Stylesheet:
        """The parsed ``css``, cached: every page of a build shares the theme's stylesheet."""
        return Stylesheet(css)


def _all_names(items: Iterable[_Item]) -> Iterable[str]:
    for item in items:
        if isinstance(item, _Rule):
            for names, _ in item.selectors:
                yield from names
        elif isinstance(item, _Group):
            yield from _all_names(item.items)


def _select(items: Sequence[_Item], names: frozenset[str]) -> list[_Item]:
    kept: list[_Item] = []
    for item in items:
        if isinstance(item, _Rule):
            selectors = tuple(s for s in item.selectors if s[0] <= names)
            if selectors:
                kept.append(_Rule(selectors, item.declarations))
        elif isinstance(item, _Group):
            inner = _select(item.items, names)
            if inner:
                kept.append(_Group(item.prelude, tuple(inner)))
        else:
            kept.append(item)
    return kept


def _uses(items: Iterable[_Item], plain: list[str], definitions: dict[str, list[str]]) -> None:
    """Collect declarations that are not custom properties, and custom property definitions."""
    for item in items:
        if isinstance(item, _Rule):
            for name, text in item.declarations:
                if name:
                    definitions.setdefault(name, []).append(text)
                else:
                    plain.append(text)
        elif isinstance(item, _Group):
            _uses(item.items, plain, definitions)
        elif item.keyframes is None:
            plain.append(item.text)


def _used_properties(
    plain: str, definitions: dict[str, list[str]], also: frozenset[str]
) -> set[str]:
    """Custom properties ``plain`` uses (and ``also``), directly or through others."""
    used = set(_VAR.findall(plain)) | also
    pending = list(used)
    while pending:
        for text in definitions.get(pending.pop(), []):
            for name in _VAR.findall(text):
                if name not in used:
                    used.add(name)
                    pending.append(name)
    return used


def _emit(items: Iterable[_Item], properties: set[str], words: set[str]) -> str:
    out: list[str] = []
    for item in items:
        if isinstance(item, _Rule):
            kept = [text for name, text in item.declarations if name is None or name in properties]
            if kept:
                out.append(",".join(s for _, s in item.selectors) + "{" + ";".join(kept) + "}")
        elif isinstance(item, _Group):
            inner = _emit(item.items, properties, words)
            if inner:
                out.append(item.prelude + "{" + inner + "}")
        elif item.keyframes is None or item.keyframes in words:
            out.append(item.text)
    return "".join(out)


def critical_css(sheets: Sequence[Stylesheet], names: frozenset[str], extra: str = "") -> str:
    """The rules of ``sheets`` (in order) that can match a page using ``names``.

    Args:
        sheets: the page's stylesheets in the order it links them.
        names: class names, ids and element types of the page and of what its scripts create
            (:func:`markup_names`, :func:`script_names`).
        extra: text (inline styles, scripts) whose ``var(--…)`` uses must stay defined.

    Returns:
        One stylesheet: the kept rules, each with its selectors narrowed to those that can match
        and its custom properties narrowed to those some kept rule uses; ``@keyframes`` kept only
        when named by a kept declaration.
    """
    # each sheet's names met one at a time: their union is thousands of names, built per page
    relevant = frozenset().union(*(sheet.names & names for sheet in sheets))
    used_vars = frozenset(_VAR.findall(extra))
    return _critical(tuple(sheets), relevant, used_vars)


@lru_cache(maxsize=256)
def _critical(sheets: tuple[Stylesheet, ...], names: frozenset[str], vars_: frozenset[str]) -> str:
    # Pages of one kind share their relevant names: the cache makes this once per kind.
    kept = [_select(sheet.items, names) for sheet in sheets]
    plain: list[str] = []
    definitions: dict[str, list[str]] = {}
    for items in kept:
        _uses(items, plain, definitions)
    plain_text = " ".join(plain)
    properties = _used_properties(plain_text, definitions, vars_)
    words = set(_IDENTIFIER.findall(plain_text))
    return "".join(_emit(items, properties, words) for items in kept)
