"""The one escaping rule: every string from content is HTML-escaped exactly once.

A string reaches our code in one of two kinds, and each function here says which it takes:

- **plain text** — what a volunteer typed in YAML or front matter, a file name: ``Hùng & Lan``.
  Printed into HTML it is escaped once (:func:`html_text`); into JSON or a PDF it stays as is.
- **HTML text** — text already escaped for HTML, holding no tags: ``Hùng &amp; Lan``. MkDocs'
  ``page.title`` is this kind when it comes from the page's first ``# heading`` (MkDocs keeps the
  heading's entities, ``mkdocs/utils/rendering.py``, ``get_heading_text``), and the theme prints it
  unescaped. ``langso/content`` makes it this kind for every page whose title came from content
  (front matter ``title``, heading or file name; see :func:`page_title_html`), so our code reads
  ``page.title`` as HTML text always: it never escapes it again, and where it needs plain text
  (the search index, Open Graph values before they are escaped, a PDF) it calls
  :func:`plain_text` first.

Titles written in ``mkdocs.yml`` (``site_name``, ``nav``) are configuration, not content: whoever
edits that file can also add hooks that run code. The theme prints them as HTML; our code treats
``site_name`` as plain text.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

__all__ = ["html_text", "page_title_html", "plain_text", "safe_edit_url"]

# A tag, or a ``<`` that opens one but never closes: what MkDocs' tag stripping may leave behind.
_TAG = re.compile(r"<[^>]*>?")


def html_text(plain: str) -> str:
    """Escape plain text for HTML, once, quotes included (safe in text and in attributes).

    >>> html_text('Hùng & Lan "<b>"')
    'Hùng &amp; Lan &quot;&lt;b&gt;&quot;'
    """
    return html.escape(plain, quote=True)


def plain_text(text: str) -> str:
    """The plain text of HTML text: tags dropped, entities decoded (``&amp;`` → ``&``).

    >>> plain_text("Hùng &amp; Lan <b>x</b>")
    'Hùng & Lan x'
    """
    return html.unescape(_TAG.sub("", text))


def page_title_html(title: str, *, is_html: bool) -> str:
    """A page title made the canonical HTML text of its plain text: no tag, every ``&``, ``<``,
    ``>``, ``"`` and ``'`` escaped once.

    Args:
        title: the title as found.
        is_html: whether ``title`` is HTML text (a heading's text as MkDocs extracted it, where a
            left-over ``<`` may remain) rather than plain text (front matter, a file name).

    >>> page_title_html("</title><script>", is_html=False)
    '&lt;/title&gt;&lt;script&gt;'
    >>> page_title_html("Hùng &amp; Lan", is_html=True)
    'Hùng &amp; Lan'
    """
    return html_text(plain_text(title) if is_html else title)


def safe_edit_url(url: str, file_path: str | None) -> str:
    """The "edit this page" link with the file's path percent-encoded (RFC 3986 path segments).

    MkDocs appends the file's path to ``edit_uri`` as it is (``mkdocs/structure/pages.py``,
    ``_set_edit_url``) and the theme prints the link unescaped in ``href="…"``: a file named
    ``"><img src=x onerror=alert(1)>.md`` would close the attribute and open a tag. Encoded, every
    byte of a file name stays in the path (``"`` → ``%22``, a Vietnamese letter → its UTF-8 bytes,
    which the repository hosts read back).

    Args:
        url: the link MkDocs made (``edit_uri`` or ``edit_uri_template`` filled in).
        file_path: the path MkDocs appended (``File.edit_uri``); when the link does not end with
            it (a template placing it elsewhere), every character a URL may not hold is encoded.

    >>> safe_edit_url('https://h.example/edit/main/content/a "b".md', 'a "b".md')
    'https://h.example/edit/main/content/a%20%22b%22.md'
    """
    if file_path and url.endswith(file_path):
        return url[: len(url) - len(file_path)] + quote(file_path, safe="/")
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~")
