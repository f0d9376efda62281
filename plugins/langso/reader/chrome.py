"""Clean-ups of Material's page chrome, as plain functions of text (no MkDocs).

Each is an :class:`langso.edits.Edit` found on the page as Material renders it, so that the
Nu HTML Checker (https://validator.w3.org/nu/) finds nothing to say about the markup a village
publishes besides Material's own ``autocomplete`` attribute on its menu checkbox:

- the empty footer strip: with ``extra.generator: false`` and no ``copyright`` or social links,
  Material still renders ``<div class="md-footer-meta">`` with an empty ``md-copyright``, a
  black band at the foot of every page; it is removed (only when it holds nothing);
- the search checkbox ``#__search`` of Material's own search, which ``langso/search`` replaces:
  no label points at it, and Material's script only reads whether it is checked (it requires
  the element to exist); it becomes ``type="hidden"`` (never checked, never a form control);
- ``<label for="__toc">`` in the table of contents of a page whose ``__toc`` checkbox Material
  did not render (pages outside the navigation, and section index pages with
  ``navigation.indexes`` + ``navigation.prune``): the ``for`` pointing at nothing is dropped.
"""

from __future__ import annotations

import re

from langso.edits import Edit

__all__ = ["chrome_edits"]

_EMPTY_FOOTER_META = re.compile(
    r'<div class="md-footer-meta md-typeset">\s*<div class="md-footer-meta__inner md-grid">\s*'
    r'<div class="md-copyright">\s*</div>\s*</div>\s*</div>'
)
_SEARCH_TOGGLE = re.compile(
    r'<input class="md-toggle" data-md-toggle="search" type="(checkbox)" id="__search"'
)
_TOC_INPUT = 'id="__toc"'
_TOC_LABEL = re.compile(r'<label class="md-nav__title"( for="__toc")>')


def chrome_edits(page_html: str) -> list[Edit]:
    """The clean-ups of the module docstring that apply to ``page_html``, in page order."""
    edits: list[Edit] = []
    search = _SEARCH_TOGGLE.search(page_html)
    if search:
        edits.append(Edit(search.start(1), search.end(1), "hidden"))
    if _TOC_INPUT not in page_html:
        edits += [Edit(m.start(1), m.end(1), "") for m in _TOC_LABEL.finditer(page_html)]
    footer = _EMPTY_FOOTER_META.search(page_html)
    if footer:
        edits.append(Edit(footer.start(), footer.end(), ""))
    return edits
