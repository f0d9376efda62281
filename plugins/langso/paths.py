"""Path rules shared by the loaders and plugins (all paths ``/``-separated)."""

from __future__ import annotations

import posixpath
from functools import lru_cache

from langso.text import nfc, slugify

__all__ = ["ascii_page_uri", "page_for_data_file", "repo_path"]


def repo_path(docs_rel: str, uri: str) -> str:
    """Return ``uri`` (relative to ``docs_dir``) relative to the repository, for messages.

    >>> repo_path("content", "danh-ba/cho.yml")
    'content/danh-ba/cho.yml'
    """
    return uri if docs_rel in ("", ".") else posixpath.join(docs_rel, uri)


def page_for_data_file(source: str) -> str:
    """Return the ``src_uri`` of the page generated from the data file ``source``.

    The page sits beside its data file, named by the slug of the file name, so renaming a data
    file is the only thing that moves its page.

    >>> page_for_data_file("danh-ba/Trạm Y tế.yml")
    'danh-ba/tram-y-te.md'
    """
    stem = posixpath.splitext(nfc(source))[0]
    return "/".join(slugify(part) for part in stem.split("/")) + ".md"


@lru_cache(maxsize=65536)  # every build asks again for every page
def ascii_page_uri(src_uri: str) -> str:
    """Return the ASCII form of a page or asset path: every folder and file name slugified.

    The extension is kept (lower case); ``index`` and ``README`` keep their meaning.

    >>> ascii_page_uri("dia-diem/Chùa Thiên Mụ.md")
    'dia-diem/chua-thien-mu.md'
    """
    parent, name = posixpath.split(nfc(src_uri))
    stem, ext = posixpath.splitext(name)
    if stem not in ("index", "README"):
        stem = slugify(stem) or stem
    folders = [slugify(part) or part for part in parent.split("/")] if parent else []
    return posixpath.join(*folders, stem + ext.lower())
