"""The notices' Atom feed (Atom 1.0, RFC 4287, https://www.rfc-editor.org/rfc/rfc4287), issue 15.

Feed readers, and apps that repost to a Zalo group or a commune portal, follow the hamlet's
notices through ``thong-bao/atom.xml``. Written with the standard library's
:mod:`xml.etree.ElementTree`: it escapes every text and attribute (``<``, ``&``, quotes) itself,
the feed needs a dozen elements, and no third-party generator (``feedgen`` pulls in ``lxml``)
would add anything but a dependency. Output is deterministic: the same notices give the same
bytes (elements and attributes in a fixed order, times from the notices themselves).

Shape (RFC 4287 §4.1): the feed's ``id`` (the notices index's absolute URL), ``title``,
``updated``, ``link rel="self"`` and ``rel="alternate"``, ``author``; per notice an ``entry``
with ``id`` (the notice page's absolute URL), ``title``, ``published`` and ``updated`` (its
posting time, RFC 3339 with ``+07:00``), ``author`` (the poster's role), ``category`` (the kind:
``term`` its key, ``label`` its Vietnamese name), ``link rel="alternate"``, ``link
rel="enclosure"`` for each attachment, and ``summary``. Every text is ``type="text"``: plain
text, never markup. Plain Python: no MkDocs import.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping
from urllib.parse import urljoin, urlsplit

from langso.clock import VIETNAM_TIME
from langso.notices.model import Notice
from langso.notices.order import newest_first

__all__ = ["FEED_LIMIT", "FEED_PATH", "INDEX_PATH", "atom_feed", "rfc3339"]

FEED_LIMIT = 50
"""Most notices in the feed: the newest ones (issue 15)."""

FEED_PATH = "thong-bao/atom.xml"
"""Where the feed is published, relative to the site's root."""

INDEX_PATH = "thong-bao/"
"""The notices index the feed stands for, relative to the site's root."""

ATOM = "http://www.w3.org/2005/Atom"

_TYPES = {"pdf": "application/pdf"}
_IMAGE_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}
# What XML 1.0 cannot hold at all (§2.2 Char): C0 controls but tab/newline/return, lone
# surrogates, U+FFFE and U+FFFF. Content with them is refused earlier; this keeps the feed
# well-formed whatever a caller passes.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def rfc3339(moment: dt.datetime) -> str:
    """``2026-11-28T07:30:00+07:00``: ``moment`` (aware; a naive one is taken as Viet Nam time)
    in Viet Nam time, to the second (RFC 3339 §5.6, Atom's Date construct)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=VIETNAM_TIME)
    return moment.astimezone(VIETNAM_TIME).replace(microsecond=0).isoformat()


def atom_feed(
    notices: Iterable[Notice],
    urls: Mapping[str, str],
    site_url: str,
    title: str,
    updated: dt.datetime,
    *,
    limit: int = FEED_LIMIT,
    feed_path: str = FEED_PATH,
    index_path: str = INDEX_PATH,
) -> str:
    """The Atom feed of the newest ``limit`` ``notices`` (by
    :func:`~langso.notices.order.newest_first`).

    Args:
        notices: every notice (expired ones too: a feed is a record); ordered and cut here.
        urls: the address of each notice page by its ``src_uri``, and of each attachment by its
            :attr:`~langso.notices.model.Attachment.path` (the build may give a file an ASCII
            address): absolute, or relative to ``site_url``. An attachment without an address
            gets no enclosure link.
        site_url: the site's absolute ``http(s)`` address (``site_url`` of ``mkdocs.yml``):
            Atom ids must be absolute and permanent. Without one (``""``, or a path such as
            ``/lang/``) the feed is still valid: its links are relative to the feed's own
            address, and each id is a ``urn:uuid:`` made from the page's path (RFC 4122
            version 5), the same on every build; they change once ``site_url`` is set.
        title: the feed's title, plain text (``Thông báo của thôn Phú Mỹ``); also the feed's
            author (the hamlet).
        updated: the feed's ``updated`` when it has no entries; otherwise the newest entry's
            posting time is used, so the feed changes only when its notices do.
        limit: most entries.
        feed_path, index_path: where the feed and the notices index are, from the site root.

    Returns:
        The feed as UTF-8 XML text, with its XML declaration.

    Raises:
        KeyError: when a notice's ``src_uri`` is not in ``urls``.
    """
    base, address, identify = _addressing(site_url, feed_path)
    entries = newest_first(notices)[: max(limit, 0)]

    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "vi"})
    _text(feed, "id", identify(index_path))
    _text(feed, "title", title, {"type": "text"})
    _text(feed, "updated", rfc3339(max((n.posted for n in entries), default=updated)))
    _link(feed, "self", address(feed_path), "application/atom+xml")
    _link(feed, "alternate", address(index_path), "text/html")
    author = ET.SubElement(feed, "author")
    _text(author, "name", title)
    if base:
        _text(author, "uri", base)
    _text(feed, "generator", "Làng số")
    for notice in entries:
        _entry(feed, notice, urls, address, identify)
    ET.indent(feed, space="  ")
    body = ET.tostring(feed, encoding="unicode", short_empty_elements=True)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n"


def _addressing(
    site_url: str, feed_path: str
) -> tuple[str, Callable[[str], str], Callable[[str], str]]:
    """The site's base address (``""`` without one), the link to a path or address of the site,
    and the Atom id of one (see :func:`atom_feed`, ``site_url``)."""
    parts = urlsplit(site_url)
    if parts.scheme in ("http", "https") and parts.netloc:
        base = site_url if site_url.endswith("/") else site_url + "/"

        def absolute(path: str) -> str:
            return urljoin(base, path)

        return base, absolute, absolute
    folder = posixpath.dirname(feed_path) or "."

    def relative(path: str) -> str:
        if urlsplit(path).scheme or path.startswith("/"):
            return path
        found = posixpath.relpath(path or ".", folder)
        return found + "/" if path.endswith("/") and found != "." else found

    def named(path: str) -> str:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"langso:{path}").urn

    return "", relative, named


def _entry(
    feed: ET.Element,
    notice: Notice,
    urls: Mapping[str, str],
    address: Callable[[str], str],
    identify: Callable[[str], str],
) -> None:
    url = address(urls[notice.src_uri])
    entry = ET.SubElement(feed, "entry")
    _text(entry, "id", identify(urls[notice.src_uri]))
    _text(entry, "title", notice.title, {"type": "text"})
    _text(entry, "published", rfc3339(notice.posted))
    _text(entry, "updated", rfc3339(notice.posted))
    author = ET.SubElement(entry, "author")
    _text(author, "name", notice.poster)
    ET.SubElement(entry, "category", {"term": notice.kind.key, "label": notice.kind.label})
    _link(entry, "alternate", url, "text/html")
    for attachment in notice.attachments:
        where = urls.get(attachment.path)
        if where is None:
            continue
        if attachment.type == "pdf":
            kind = _TYPES["pdf"]
        else:
            suffix = attachment.path[attachment.path.rfind(".") :].lower()
            kind = _IMAGE_TYPES.get(suffix, "image/webp")
        _link(entry, "enclosure", address(where), kind, attachment.label)
    if notice.summary:
        _text(entry, "summary", notice.summary, {"type": "text"})


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _text(
    parent: ET.Element, tag: str, text: str, attributes: dict[str, str] | None = None
) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes or {})
    element.text = _clean(text)
    return element


def _link(
    parent: ET.Element, rel: str, href: str, media_type: str, title: str | None = None
) -> None:
    attributes = {"rel": rel, "type": media_type, "href": _clean(href)}
    if title:
        attributes["title"] = _clean(title)
    ET.SubElement(parent, "link", attributes)
