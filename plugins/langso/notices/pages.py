"""What the notices site shows, made from checked notices: the lists (index, months, archive,
loudspeaker), the block under a notice's title and the home page's entries (issue 15).

Plain Python: no MkDocs import. The caller (``langso/notices``) gives each function a
``href(from_uri, to_uri)`` that returns the link from one page to another, both given by their
source paths relative to ``docs_dir`` (``thong-bao/index.md``, ``thong-bao/2026-11-28-x.md``).

Generated pages are Markdown: a front matter (their own ``description``, and ``search: exclude``
as they only repeat the notices, which search finds on their own pages), a ``# title`` and a
block of HTML made by ``notices_list.html`` (every value autoescaped once).

Expiry is judged twice: here at ``now`` (the build's moment) and again in the reader's browser by
``notices.js``, which reads each ``data-het-han`` (ISO 8601 with the offset): a notice on the
home page whose time has passed is hidden; on a list or on its page, "Hết hạn: …" gives way to
"Đã hết hạn". Both states are in the markup, so the page is right without JavaScript as of the
build.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import yaml

from langso.clock import VIETNAM_TIME
from langso.dates import format_day, format_moment
from langso.home import HomeNotice
from langso.listing import Pager, paginate
from langso.notices.model import Notice
from langso.render import render_template

__all__ = [
    "Attached",
    "GeneratedPage",
    "Href",
    "actions_html",
    "archive_page",
    "build_now",
    "expiry_label",
    "footer_html",
    "header_html",
    "home_entries",
    "index_pages",
    "loa_page",
    "month_pages",
    "month_uri",
    "posted_iso",
    "posted_label",
    "print_uri",
]

Href = Callable[[str, str], str]
"""``href(from_uri, to_uri)``: the link from the page ``from_uri`` to the file ``to_uri``."""

GeneratedPage = tuple[str, str]
"""``(src_uri, markdown)`` of a page to generate."""

URGENT_HEADING = "Khẩn cấp"
"""The heading of the current urgent notices on the first page of the index."""


def build_now() -> dt.datetime:
    """The moment of the build in Viet Nam (UTC+7): ``SOURCE_DATE_EPOCH`` when set, else now.

    Raises:
        ValueError: when ``SOURCE_DATE_EPOCH`` is not a whole number of seconds.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.astimezone(VIETNAM_TIME)


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(VIETNAM_TIME).isoformat(timespec="seconds")


def print_uri(folder: str, notice: Notice) -> str:
    """Where the print page of ``notice`` is published (``thong-bao/in/<stem>/index.html``)."""
    stem = posixpath.splitext(posixpath.basename(notice.src_uri))[0]
    return f"{folder}/in/{stem}/index.html"


def month_uri(folder: str, month: str) -> str:
    """The archive page of ``month`` (``"2026-12"`` → ``thong-bao/thang-2026-12/index.md``)."""
    return f"{folder}/thang-{month}/index.md"


def month_label(month: str) -> str:
    """``"2026-12"`` → ``"tháng 12/2026"``."""
    year, number = month.split("-")
    return f"tháng {int(number)}/{year}"


@dataclass(frozen=True)
class _Item:
    """One notice as a list shows it (``notices_list.html``)."""

    notice: Notice
    link: str
    posted_iso: str
    posted_label: str
    expires_iso: str | None
    expires_label: str | None
    expired: bool


def expiry_label(expires: dt.datetime) -> str:
    """An expiry as readers see it: ``17:00 Thứ Bảy, 12/12/2026``; a day without a time (the
    end of that day, 23:59:59) as the day alone, ``Thứ Năm, 10/12/2026``."""
    local = expires.astimezone(VIETNAM_TIME)
    if (local.hour, local.minute) == (23, 59):
        return format_day(local.date())
    return format_moment(local)


def posted_iso(notice: Notice) -> str:
    """When ``notice`` was posted, for ``<time datetime>``: ``2026-11-28T07:30:00+07:00``, or
    the day alone (``2026-12-04``) when the volunteer gave no time."""
    if notice.posted_has_time:
        return _iso(notice.posted)
    return notice.posted.astimezone(VIETNAM_TIME).date().isoformat()


def posted_label(notice: Notice) -> str:
    """When ``notice`` was posted, as readers see it: ``07:30 Thứ Bảy, 28/11/2026``, or the day
    alone (``Thứ Sáu, 04/12/2026``) when the volunteer gave no time, never a made-up 00:00."""
    local = notice.posted.astimezone(VIETNAM_TIME)
    return format_moment(local) if notice.posted_has_time else format_day(local.date())


def _item(notice: Notice, link: str, now: dt.datetime) -> _Item:
    return _Item(
        notice,
        link,
        posted_iso(notice),
        posted_label(notice),
        _iso(notice.expires) if notice.expires else None,
        expiry_label(notice.expires) if notice.expires else None,
        notice.is_expired(now),
    )


def _front_matter(description: str) -> str:
    data = {"description": description, "search": {"exclude": True}}
    return yaml.safe_dump(data, allow_unicode=True, width=1_000_000, sort_keys=False)


def _list_page(
    uri: str,
    title: str,
    description: str,
    sections: Sequence[tuple[str | None, Sequence[Notice]]],
    now: dt.datetime,
    href: Href,
    *,
    pager: Pager | None = None,
    links: Sequence[tuple[str, str]] = (),
    intro: str = "",
    empty: str = "Chưa có thông báo nào.",
) -> GeneratedPage:
    """A generated list page: ``sections`` are ``(heading or None, notices)``; ``links`` are
    ``(label, to_uri)`` shown under the title (archive, loudspeaker, feed). A section headed
    :data:`URGENT_HEADING` is marked ``langso-news__section--urgent``: ``notices.js`` takes an
    expired notice out of it at read time (and the section, once empty)."""
    shown = [
        (heading, [_item(n, href(uri, n.src_uri), now) for n in notices], heading == URGENT_HEADING)
        for heading, notices in sections
    ]
    html = render_template(
        "notices_list.html",
        sections=shown,
        links=[(label, href(uri, target)) for label, target in links],
        intro=intro,
        empty=empty,
    ).strip()
    markdown = render_template(
        "notices_list.md",
        front_matter=_front_matter(description),
        title=title,
        html=html,
        pager=pager,
    )
    return uri, markdown


def index_pages(
    notices: Sequence[Notice],
    folder: str,
    title: str,
    per_page: int,
    now: dt.datetime,
    href: Href,
    links: Sequence[tuple[str, str]] = (),
) -> list[GeneratedPage]:
    """The notices index, newest first, ``per_page`` a page (``<folder>/``, ``trang-2/`` …); the
    current urgent notices first on page 1 under "Khẩn cấp".

    Args:
        notices: every notice, newest first.
        links: ``(label, to_uri)`` to the archive, the loudspeaker page and the feed.
    """
    urgent = [n for n in notices if n.urgent and not n.is_expired(now)]
    # The loudspeaker's hours are asked for often: linked under the title too, not only at the
    # foot of a long list (a tester found it only below nine cards).
    loa = [(label, target) for label, target in links if target == f"{folder}/loa/index.md"]
    pages = []
    for pager, members in paginate(folder, notices, per_page):
        sections: list[tuple[str | None, Sequence[Notice]]] = []
        if pager.number == 1 and urgent:
            sections.append((URGENT_HEADING, urgent))
            sections.append(("Tất cả thông báo, mới nhất trước", members))
        else:
            sections.append((None, members))
        heading = title if pager.number == 1 else f"{title} (trang {pager.number}/{pager.count})"
        description = f"{title}: {len(notices)} thông báo của thôn, mới nhất trước."
        pages.append(
            _list_page(
                pager.uri,
                heading,
                description,
                sections,
                now,
                href,
                pager=pager,
                links=links if pager.number == 1 else (),
                intro=_top_link(loa[0], pager.uri, href) if loa and pager.number == 1 else "",
            )
        )
    return pages


def _top_link(link: tuple[str, str], uri: str, href: Href) -> str:
    """The link to the loudspeaker page shown under the notices index's title."""
    label, target = link
    return (
        f'<p class="langso-news__top"><a href="{html.escape(href(uri, target))}">'
        f"{html.escape(label)}: giờ phát và các bản tin đã đọc</a></p>"
    )


def month_pages(
    months: Sequence[tuple[str, Sequence[Notice]]],
    folder: str,
    title: str,
    per_page: int,
    now: dt.datetime,
    href: Href,
) -> list[GeneratedPage]:
    """One page (or more, ``per_page`` a page) for each month of ``months`` (``("2026-12",
    notices newest first)``, as :func:`langso.notices.order.by_month` gives them)."""
    pages = []
    for month, notices in months:
        label = month_label(month)
        month_folder = posixpath.dirname(month_uri(folder, month))
        for pager, members in paginate(month_folder, notices, per_page):
            heading = f"{title} {label}"
            if pager.number > 1:
                heading += f" (trang {pager.number}/{pager.count})"
            description = f"{len(notices)} thông báo của thôn trong {label}."
            links = [("Các tháng khác", f"{folder}/luu-tru/index.md")]
            pages.append(
                _list_page(
                    pager.uri,
                    heading,
                    description,
                    [(None, members)],
                    now,
                    href,
                    pager=pager,
                    links=links,
                )
            )
    return pages


def archive_page(
    months: Sequence[tuple[str, Sequence[Notice]]], folder: str, title: str
) -> GeneratedPage:
    """``<folder>/luu-tru/index.md``: every month with its number of notices, newest first."""
    uri = f"{folder}/luu-tru/index.md"
    rows = [
        (
            month_label(month).capitalize(),
            posixpath.relpath(month_uri(folder, month), f"{folder}/luu-tru"),
            len(n),
        )
        for month, n in months
    ]
    markdown = render_template(
        "notices_archive.md",
        front_matter=_front_matter(f"{title}: lưu trữ theo tháng."),
        title=f"{title}: lưu trữ theo tháng",
        rows=rows,
        index=posixpath.relpath(f"{folder}/index.md", f"{folder}/luu-tru"),
    )
    return uri, markdown


def loa_page(
    schedule: object | None,
    transcripts: Sequence[Notice],
    folder: str,
    per_page: int,
    now: dt.datetime,
    href: Href,
) -> GeneratedPage:
    """``<folder>/loa/index.md``: the loudspeaker's schedule (a
    :class:`langso.notices.loa.Schedule`, or ``None``) and the newest ``per_page`` transcripts
    (notices of kind ``loa``, newest first); the older ones are in the index and the archive."""
    uri = f"{folder}/loa/index.md"
    intro = render_template("notices_loa.html", schedule=schedule).strip()
    title = "Loa truyền thanh của thôn"
    _, markdown = _list_page(
        uri,
        title,
        "Giờ phát của loa truyền thanh và nội dung các bản tin đã đọc trên loa.",
        [("Bản tin đã phát, mới nhất trước", transcripts[:per_page])],
        now,
        href,
        links=[("Tất cả thông báo", f"{folder}/index.md")],
        intro=intro,
        empty="Chưa có bản tin nào được chép lại.",
    )
    return uri, markdown


def header_html(notice: Notice, now: dt.datetime) -> str:
    """The block under a notice's ``<h1>``: its kind ("KHẨN" and a warning sign for an urgent
    one), when and by whom it was posted, and its expiry: "Hết hạn: …", or "Đã hết hạn" once
    passed at ``now`` (both in the markup, one hidden, for ``notices.js``)."""
    return render_template("notices_header.html", item=_item(notice, "", now)).strip()


@dataclass(frozen=True)
class Attached:
    """An attachment as a notice page links it: ``href`` from the page, ``label``, ``type``
    (``image`` or ``pdf``) and the file's size as readers see it (``120 KB``), or ``None``."""

    href: str
    label: str
    type: str
    size: str | None


def footer_html(
    notice: Notice,
    photo: tuple[str, int | None, int | None] | None,
    attachments: Sequence[Attached],
) -> str:
    """The block after a notice's text: the photo of the paper notice (``(src, width,
    height)``) and the attachments; empty when it has neither."""
    if photo is None and not attachments:
        return ""
    return render_template(
        "notices_footer.html", notice=notice, photo=photo, attachments=attachments, actions=False
    ).strip()


def actions_html(print_href: str, index_href: str) -> str:
    """The last links of a notice's page: "In để dán bảng tin" (its A4 print page) and
    "Tất cả thông báo"."""
    return render_template(
        "notices_footer.html", print_href=print_href, index_href=index_href, actions=True
    ).strip()


def home_entries(
    notices: Sequence[Notice], now: dt.datetime, fresh_days: int, limit: int | None = None
) -> list[HomeNotice]:
    """The home page's entries of ``notices`` (already chosen and ordered, see
    :func:`langso.notices.order.home_notices`); each leaves the home page at its expiry, else
    ``fresh_days`` after it was posted. Those after the first ``limit`` are spares
    (:attr:`HomeNotice.spare`)."""
    entries = []
    for index, notice in enumerate(notices):
        leaves = notice.expires or notice.posted + dt.timedelta(days=fresh_days)
        entries.append(
            HomeNotice(
                title=notice.title,
                src_uri=notice.src_uri,
                kind=notice.kind.label,
                kind_key=notice.kind.key,
                urgent=notice.urgent,
                posted=posted_iso(notice),
                posted_label=posted_label(notice),
                expires=_iso(notice.expires) if notice.expires else None,
                leaves=_iso(leaves),
                spare=limit is not None and index >= limit,
            )
        )
    return entries
