"""Who a reader calls when a guide is hard: the village's help contact (plain Python).

``village.yml`` names one directory entry with ``ho_tro`` — the id of a service, i.e. its file
name in ``danh-ba/`` without ``.yml``; in the sample ``to-cong-nghe-so-cong-dong-la-thon`` (the
community digital technology team, *tổ công nghệ số cộng đồng*, which a smart hamlet has:
``shared/reference/vietnam-facts.md`` §1.2). :func:`resolve_help` turns it into a :class:`Help`:
the team's name, its numbers and its page. The directory plugin publishes it as
``config.extra["langso_help"]`` after the directory is loaded; guides end with a "Cần giúp?" box
made from it (:func:`langso.guides.help_box_html`) and the 404 page shows its number.

Without ``ho_tro`` the help is the directory itself (``name`` ``None``, no phones, ``url`` the
directory's index), so every guide still leads somewhere. A ``ho_tro`` naming no entry is a
located error in ``village.yml`` with a "did you mean" (``village.help-unknown``); so is one
naming an entry with neither a phone number nor a Zalo number (``village.help-unreachable``): the
team must be reachable from the box.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from langso.phones import Phone
from langso.problems import Problem
from langso.schema import did_you_mean

__all__ = ["HELP_KEY", "HELP_WANTED_KEY", "Help", "HelpEntry", "resolve_help"]

HELP_KEY = "langso_help"
"""The key of :class:`Help` in MkDocs' ``config.extra``."""

HELP_WANTED_KEY = "langso_help_wanted"
"""The key in ``config.extra`` of ``(ho_tro, its line)`` as ``village.yml`` writes them (each
``None`` when absent), set by ``langso/content`` even when another field of the file is wrong."""


@dataclass(frozen=True)
class HelpEntry:
    """What :func:`resolve_help` needs of one directory entry (a ``ServiceEntry``'s fields).

    Attributes:
        id: the entry's id (its file name without ``.yml``).
        name: its name, plain text.
        phones: its numbers, in file order.
        page: ``src_uri`` of its generated page (``danh-ba/<id>.md``).
        sample: whether the entry is sample data (``du_lieu_mau: có``).
        zalo: its Zalo number, if any.
        source: its YAML file relative to ``docs_dir`` (``danh-ba/to-cong-nghe-so.yml``): pages
            showing the helper depend on it (:mod:`langso.content.stale`).
    """

    id: str
    name: str
    phones: tuple[Phone, ...]
    page: str
    sample: bool
    zalo: Phone | None = None
    source: str | None = None


@dataclass(frozen=True)
class Help:
    """The help contact, as ``config.extra["langso_help"]`` holds it.

    Attributes:
        name: the helper's name, **plain text** (escape it once where it is printed:
            :func:`langso.escaping.html_text`), e.g. ``Tổ công nghệ số cộng đồng Là Thôn``;
            ``None`` when ``village.yml`` names no helper (then ``url`` is the directory).
        phones: the helper's numbers (:class:`langso.phones.Phone`: ``.display`` is the grouped
            form to show, ``0300 000 011``; ``.tel`` the ``tel:`` target without the scheme,
            ``+84300000011``); empty in the fallback.
        url: the URL of the helper's page (or of the directory's index), relative to the site's
            root as MkDocs' ``File.url`` gives it (``danh-ba/to-cong-nghe-so/``; with
            ``use_directory_urls: false`` ``danh-ba/to-cong-nghe-so.html``). Make it relative to
            the page that shows it (``mkdocs.utils.get_relative_url(url, page.url)``).
        sample: whether the helper's entry is sample data (its numbers reach no one).
        zalo: the helper's Zalo number (:attr:`langso.phones.Phone.zalo_url`), if any.
        source: the helper entry's YAML file relative to ``docs_dir``, ``None`` in the fallback.
    """

    name: str | None
    phones: tuple[Phone, ...]
    url: str
    sample: bool = False
    zalo: Phone | None = None
    source: str | None = None


def resolve_help(
    wanted: str | None,
    line: int | None,
    village_rel: str,
    entries: Iterable[HelpEntry],
    url_of: Callable[[str], str | None],
    directory_index: str,
) -> tuple[Help | None, list[Problem]]:
    """The help contact named by ``ho_tro`` (``wanted``), or the directory as a fallback.

    Args:
        wanted: the value of ``ho_tro`` in ``village.yml``, or ``None`` when it is not given.
        line: the line of ``ho_tro`` in ``village.yml``, for the message.
        village_rel: ``village.yml``'s path relative to the repository (``content/village.yml``).
        entries: the directory's valid entries.
        url_of: the published URL (``File.url``) of a page's ``src_uri``, ``None`` if none.
        directory_index: ``src_uri`` of the directory's index (``danh-ba/index.md``).

    Returns:
        ``(help, [])``; ``(None, [problem])`` when ``ho_tro`` names no entry
        (``village.help-unknown``, located on its line) or an entry with neither a phone nor a
        Zalo number (``village.help-unreachable``, on the same line); ``(None, [])`` when there
        is neither a helper nor a directory index to lead to.
    """
    by_id = {entry.id: entry for entry in entries}
    if wanted is None:
        url = url_of(directory_index)
        return (Help(None, (), url) if url is not None else None), []
    entry = by_id.get(wanted)
    if entry is None:
        known = sorted(by_id)
        listing = ", ".join(f"`{k}`" for k in known[:8]) + (", …" if len(known) > 8 else "")
        params = did_you_mean(
            wanted,
            known,
            cutoff=0.6,
            fix_vi="viết tên tệp (không có `.yml`) của một dịch vụ trong danh bạ"
            + (f": {listing}" if known else ""),
            fix_en="write the file name (without `.yml`) of a service in the directory"
            + (f": {listing}" if known else ""),
        )
        problem = Problem(
            village_rel, line, "village.help-unknown", "ho_tro", {"id": wanted, **params}
        )
        return None, [problem]
    if not entry.phones and entry.zalo is None:
        params = {"id": wanted, "name": entry.name, "path": entry.source or f"{wanted}.yml"}
        return None, [Problem(village_rel, line, "village.help-unreachable", "ho_tro", params)]
    url = url_of(entry.page)
    if url is None:  # its page was not added (a clash, reported by the directory)
        return None, []
    return Help(entry.name, entry.phones, url, entry.sample, entry.zalo, entry.source), []
