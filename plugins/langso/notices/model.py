"""The hamlet's notices (``thông báo``) as the site uses them: typed, checked, plain data.

A notice is one Markdown page in the notices folder (``thong-bao/`` by default) whose front matter
says what it is (issue 15)::

    ---
    title: Lịch cắt điện ngày 12/12/2026 (dữ liệu mẫu)
    loai: lịch cắt điện
    ngay_dang: 05/12/2026 07:30
    nguoi_dang: Trưởng thôn
    het_han: 12/12/2026 17:00
    anh: anh/thong-bao/cat-dien.webp
    dinh_kem:
      - tep: tep/cat-dien-12-12.pdf
        mo_ta: Thông báo của Điện lực (bản PDF)
    ---

:mod:`langso.notices.loading` turns each page into a :class:`Notice` (or located problems);
everything downstream (pages, the home block, the feed, the print page) reads only these objects.
Plain Python: no MkDocs import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, Protocol, TypeVar

from langso.text import fold

__all__ = [
    "NOTICE_KINDS",
    "Attachment",
    "Notice",
    "NoticeKind",
    "find_kind",
    "find_named",
]


@dataclass(frozen=True)
class NoticeKind:
    """What a notice is about.

    Attributes:
        key: the ASCII name used in URLs, CSS classes and data (``cat-dien``).
        label: its Vietnamese name as readers see it (``Lịch cắt điện``).
        urgent: shown first and set apart on the home page (disasters, emergencies).
        words: what a volunteer may type for it, folded (:func:`langso.text.fold`: no accents,
            lower case); the label and the key are always accepted too.
    """

    key: str
    label: str
    urgent: bool = False
    words: tuple[str, ...] = ()


NOTICE_KINDS: tuple[NoticeKind, ...] = (
    NoticeKind("khan-cap", "Thiên tai, khẩn cấp", True, ("thien tai", "khan cap", "bao", "lu")),
    NoticeKind("cat-dien", "Lịch cắt điện", False, ("cat dien", "mat dien", "lich mat dien")),
    NoticeKind("tiem-chung", "Tiêm chủng", False, ("tiem phong", "tiem vac xin", "y te")),
    NoticeKind("hop-thon", "Họp thôn", False, ("hop", "hop dan", "hop thon")),
    NoticeKind("thu-phi", "Thu phí, đóng góp", False, ("thu phi", "dong gop", "thu tien")),
    NoticeKind("viec-lam", "Việc làm", False, ("tuyen dung", "viec lam", "tuyen lao dong")),
    NoticeKind("loa", "Bản tin loa", False, ("loa", "loa truyen thanh", "ban tin loa")),
    NoticeKind("chung", "Thông báo chung", False, ("thong bao", "khac", "chung")),
)
"""The kinds of notices, in the order the home page and forms offer them. Issue 15 names the
first six; ``loa`` is the transcript of a loudspeaker broadcast; ``chung`` is everything else."""


class _Named(Protocol):
    """A kind of notice or event (frozen: its attributes are read-only)."""

    @property
    def key(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def words(self) -> tuple[str, ...]: ...


K = TypeVar("K", bound=_Named)


def find_named(typed: str, kinds: Iterable[K]) -> K | None:
    """The one of ``kinds`` a volunteer meant by ``typed`` (its label, its key or one of its
    words: ``"Lịch cắt điện"``, ``"cat dien"``, ``"cat-dien"``), or ``None``. Accents, case,
    hyphens, commas and extra spaces do not matter (:func:`langso.text.fold`)."""
    wanted = _plain(typed)
    for kind in kinds:
        if wanted in {kind.key.replace("-", " "), _plain(kind.label)} or wanted in kind.words:
            return kind
    return None


def _plain(text: str) -> str:
    return " ".join(fold(text).replace("-", " ").replace(",", " ").split())


def find_kind(typed: str) -> NoticeKind | None:
    """The notice kind a volunteer meant by ``typed`` (see :func:`find_named`), or ``None``."""
    return find_named(typed, NOTICE_KINDS)


@dataclass(frozen=True)
class Attachment:
    """A file that goes with a notice (``dinh_kem``).

    Attributes:
        path: where it is, relative to ``docs_dir`` with ``/`` (``tep/cat-dien.pdf``).
        label: what it is, plain text (escaped where rendered); the file name when not given.
        type: ``"image"`` (.jpg, .jpeg, .png, .webp) or ``"pdf"``.
    """

    path: str
    label: str
    type: Literal["image", "pdf"]


@dataclass(frozen=True)
class Notice:
    """One notice, checked.

    Attributes:
        src_uri: the page's path in ``docs_dir`` (``thong-bao/2026-12-05-cat-dien.md``).
        source: its path from the repository root, for messages (``content/thong-bao/…``).
        title: the title, plain text (NFC; escaped where rendered).
        kind: what it is about.
        posted: when it was posted, aware, in Viet Nam's time (UTC+7); midnight when the
            volunteer gave only a day (then ``posted_has_time`` is ``False``).
        poster: who posts, as a role (``Trưởng thôn``), never a private person's number.
        expires: when it stops being current, aware, UTC+7; a day without a time means the end
            of that day (23:59:59). ``None``: it never expires.
        summary: one or two sentences for lists, feeds and link previews: the front matter's
            ``description``, else the start of the body as plain text (at most 200 characters).
        image: the photo of the notice (``anh``) relative to ``docs_dir``, else the first image
            attachment, else ``None``; used in link previews and the print page.
        attachments: the files of ``dinh_kem``, in order.
        posted_has_time: whether ``ngay_dang`` gave a time of day (``28/11/2026 07:30``);
            ``False`` for a day alone (``28/11/2026``): readers see the day alone ("Đăng ngày
            Thứ Bảy, 28/11/2026"), never a made-up "00:00".
    """

    src_uri: str
    source: str
    title: str
    kind: NoticeKind
    posted: dt.datetime
    poster: str
    expires: dt.datetime | None
    summary: str
    image: str | None = None
    attachments: tuple[Attachment, ...] = ()
    posted_has_time: bool = True

    def is_expired(self, now: dt.datetime) -> bool:
        """Whether the notice's expiry has passed at ``now`` (aware)."""
        return self.expires is not None and now > self.expires

    @property
    def urgent(self) -> bool:
        """Whether it is of an urgent kind (shown first, set apart)."""
        return self.kind.urgent
