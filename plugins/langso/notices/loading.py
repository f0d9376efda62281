"""Notice pages read and checked: :func:`load_notices` turns each page of the notices folder into a
:class:`~langso.notices.model.Notice`, or into located, bilingual problems (issue 15).

The front matter a volunteer writes (``NoticeFront``; see :mod:`langso.notices.model`)::

    ---
    title: Lịch cắt điện ngày 12/12/2026 (dữ liệu mẫu)
    loai: lịch cắt điện              # a kind's label, key or word (NOTICE_KINDS), accents optional
    ngay_dang: 28/11/2026 07:30      # langso.dates.moment_start: a day alone is 00:00
    nguoi_dang: Trưởng thôn          # a role; a phone number here is an error
    het_han: 12/12/2026 17:00        # optional; langso.dates.moment_end: a day alone is 23:59:59
    anh: anh/thong-bao/cat-dien.webp # optional photo of the paper notice, in the content folder
    dinh_kem:                        # optional, at most MAX_ATTACHMENTS; pictures or PDFs
      - tep: tep/cat-dien-12-12.pdf
        mo_ta: Thông báo của Điện lực (bản PDF)
      - tep/so-do.png                # a path alone is accepted too
    description: …                   # optional: the summary (else the body's first paragraph)
    ---

Checks, each a :class:`~langso.problems.Problem` with the repository-relative path, line and field:
required ``title``, ``loai``, ``ngay_dang``, ``nguoi_dang`` (``field.missing``); every value as
``field.invalid`` with its fix (an unknown kind names the closest kind and lists them all); the
expiry before the posting (``notice.expires-before-posted``); a posting more than a day after
``now`` (``notice.posted-future``, a warning: a mistyped year); a picture or attachment missing
from the content folder, or spelled with other capitals (``notice.file-missing``), or heavier
than :data:`LARGE_FILE_BYTES` as published (``notice.file-large``, a warning: readers pay for
their data). "As published": a picture the photos plugin resizes is judged by its resized copy
(the ``published_size`` argument of :func:`load_notices`), never by the phone's original.

Not repeated here: what ``langso/content`` reports for every page (front matter YAML that cannot
be read, control characters, ``title``/``description`` that are not text, unknown keys).
Such a page gives no notice and no problem from here.

Text from content stays plain text (``<b>`` in a title is four characters of the title);
escaping happens once, where it is rendered (:mod:`langso.escaping`). Plain Python: no MkDocs
import.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import posixpath
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated, Any, Literal

import markdown
from pydantic import BeforeValidator, Field, StringConstraints, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from langso.dates import format_moment, moment_end, moment_start, parse_moment
from langso.frontmatter import read_page
from langso.home import check_picture_path
from langso.notices.loa import load_schedule
from langso.notices.model import NOTICE_KINDS, Attachment, Notice, find_kind
from langso.paths import repo_path
from langso.phones import EMERGENCY, find_phones
from langso.previews import first_prose
from langso.problems import Problem
from langso.schema import Model, Text, invalid, validate
from langso.text import fold, nfc
from langso.yamlsource import Data, Mapping, Node, line_of, parse_yaml, to_data

__all__ = [
    "ATTACHMENT_TYPES",
    "LARGE_FILE_BYTES",
    "MAX_ATTACHMENTS",
    "NOTICE_KEYS",
    "SUMMARY_LENGTH",
    "AttachmentEntry",
    "NoticeFront",
    "load_notices",
    "load_schedule",
    "summarise",
]

NOTICE_KEYS = frozenset({"loai", "ngay_dang", "nguoi_dang", "het_han", "anh", "dinh_kem"})
"""The front-matter keys of a notice beyond MkDocs' own (``title`` and ``description`` are
MkDocs' keys, typed by :class:`langso.frontmatter.FrontMatter`)."""

MAX_ATTACHMENTS = 10
"""Most files ``dinh_kem`` may list: a notice is read on a phone, not browsed like a folder."""

LARGE_FILE_BYTES = 5_000_000
"""Above this a published picture or attachment is a warning: on 3G a reader waits and pays for
it. In
megabytes of 1,000,000 bytes, as the message states it (``nên dưới 5 MB``) and as the photos
plugin counts them: a file warned about is always shown heavier than the limit."""

SUMMARY_LENGTH = 200
"""Longest summary, in characters, "…" included (cut at a word)."""

ATTACHMENT_TYPES: dict[str, Literal["image", "pdf"]] = {
    ".jpg": "image",
    ".jpeg": "image",
    ".png": "image",
    ".webp": "image",
    ".pdf": "pdf",
}
"""What an attachment may be, by file extension (lower case)."""

_TITLE_LENGTH = 150
_POSTER_LENGTH = 80
_LABEL_LENGTH = 200
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_DIGITS = re.compile(r"\d(?:[ .\-]?\d){7,}")  # eight digits or more: a number, even a wrong one
_ACTIVE = re.compile(r"<(script|style|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BODY_READ = 20_000  # characters of the body searched for the first paragraph


def _one_line(limit: int) -> Callable[[object], object]:
    """A ``BeforeValidator`` making text one line (runs of spaces and line breaks one space) and
    refusing more than ``limit`` characters, quoting only the start of what was typed."""

    def check(value: object) -> object:
        if not isinstance(value, str):
            return value
        text = " ".join(value.split())
        if len(text) > limit:
            start = text[:40] + "…"
            raise invalid(
                f"`{start}` dài {len(text)} ký tự, quá {limit} ký tự",
                f"`{start}` is {len(text)} characters long, more than {limit}",
                f"rút gọn còn tối đa {limit} ký tự; phần chi tiết viết trong nội dung thông báo",
                f"shorten it to at most {limit} characters; put the details in the notice's text",
            )
        return text

    return check


def _kind(value: object) -> object:
    """The key of the kind typed (:func:`langso.notices.model.find_kind`)."""
    if not isinstance(value, str):
        return value
    kind = find_kind(value)
    if kind is not None:
        return kind.key
    # Matched on folded names (accents optional), shown as labels: langso.schema.did_you_mean
    # would show the folded name it matched.
    names = {
        " ".join(fold(name).replace("-", " ").replace(",", " ").split()): k.label
        for k in NOTICE_KINDS
        for name in (k.label, k.key, *k.words)
    }
    wanted = " ".join(fold(value).replace("-", " ").replace(",", " ").split())
    close = difflib.get_close_matches(wanted, list(names), n=1, cutoff=0.6)
    listing = ", ".join(f"`{k.label}`" for k in NOTICE_KINDS)
    guess_vi = f" (có phải ý bạn là `{names[close[0]]}`?)" if close else ""
    guess_en = f" (did you mean `{names[close[0]]}`?)" if close else ""
    raise invalid(
        f"`{value}` không phải loại thông báo{guess_vi}",
        f"`{value}` is not a kind of notice{guess_en}",
        f"dùng một trong các loại: {listing} (có dấu hay không dấu đều được)",
        f"use one of the kinds: {listing} (accents optional)",
    )


def _poster(value: object) -> object:
    """Who posts: a role. A phone number (other than the national short numbers) is refused:
    notices are public and stay online, and the field is for a role, never a private person's
    number. The number is not repeated in the message (CI logs are public too)."""
    text = _one_line(_POSTER_LENGTH)(value)
    if not isinstance(text, str):
        return text
    phones = [phone for _, _, phone in find_phones(text) if phone.tel not in EMERGENCY]
    if phones or _DIGITS.search(text):
        raise invalid(
            "`nguoi_dang` có số điện thoại: ở đây chỉ ghi vai trò, không bao giờ ghi số điện "
            "thoại riêng của một người",
            "`nguoi_dang` holds a phone number: give a role here, never a private person's number",
            "chỉ ghi vai trò, ví dụ `Trưởng thôn` hoặc `Ban công tác Mặt trận thôn`; số liên hệ "
            "công khai (nếu cần) viết trong nội dung thông báo",
            "write only the role, e.g. `Trưởng thôn` (hamlet head); a public contact number, if "
            "needed, goes in the notice's text",
        )
    return text


def _picture(value: object) -> object:
    if isinstance(value, str):
        check_picture_path(value.strip())
        return value.strip()
    return value


def _attachment_path(value: object) -> object:
    """A picture or PDF path relative to the content folder, ``/``-separated."""
    if not isinstance(value, str):
        return value
    path = value.strip().replace("\\", "/").removeprefix("./")
    parts = path.split("/")
    if _SCHEME.match(path) or path.startswith("/") or ".." in parts or "" in parts:
        raise invalid(
            f"`{value}` không phải đường dẫn tới một tệp trong thư mục nội dung",
            f"`{value}` is not the path of a file inside the content folder",
            "chép tệp vào thư mục nội dung (ví dụ `content/tep/`) và viết `tep: tep/ten-tep.pdf`",
            "copy the file into the content folder (e.g. `content/tep/`) and write "
            "`tep: tep/name.pdf`",
        )
    if posixpath.splitext(path)[1].lower() not in ATTACHMENT_TYPES:
        raise invalid(
            f"`{value}` không phải ảnh (.jpg, .jpeg, .png, .webp) hay tệp PDF",
            f"`{value}` is not a picture (.jpg, .jpeg, .png, .webp) or a PDF",
            "đính kèm ảnh chụp hoặc bản PDF; văn bản Word thì in ra PDF rồi đính kèm bản PDF",
            "attach a picture or a PDF; save a Word document as PDF and attach that",
        )
    return path


def _attachments(value: object) -> object:
    """``dinh_kem``: one path, or a list of paths or ``tep``/``mo_ta`` groups; at most
    :data:`MAX_ATTACHMENTS`, counted before any item is read."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return value
    if len(value) > MAX_ATTACHMENTS:
        raise invalid(
            f"có {len(value)} tệp đính kèm, nhiều hơn {MAX_ATTACHMENTS}",
            f"{len(value)} attachments, more than {MAX_ATTACHMENTS}",
            f"giữ tối đa {MAX_ATTACHMENTS} tệp cần nhất, hoặc gộp các trang vào một tệp PDF",
            f"keep at most the {MAX_ATTACHMENTS} files that matter, or join pages into one PDF",
        )
    return [{"tep": item} if isinstance(item, str) else item for item in value]


OneLine = Annotated[str, StringConstraints(min_length=1)]


class AttachmentEntry(Model):
    """One file of ``dinh_kem``: a picture or a PDF in the content folder."""

    tep: Annotated[OneLine, BeforeValidator(_attachment_path)] = Field(
        description="Đường dẫn tệp tính từ thư mục nội dung (`tep/lich.pdf`): ảnh .jpg, .jpeg, "
        ".png, .webp hoặc PDF. / Path from the content folder: a picture or a PDF."
    )
    mo_ta: Annotated[OneLine, BeforeValidator(_one_line(_LABEL_LENGTH))] | None = Field(
        None,
        description="Tệp này là gì; mặc định là tên tệp. / What the file is; its name if left out.",
    )


class NoticeFront(Model):
    """The front matter of a notice page (``thong-bao/*.md``)."""

    title: Annotated[OneLine, BeforeValidator(_one_line(_TITLE_LENGTH))] = Field(
        description=f"Tiêu đề, tối đa {_TITLE_LENGTH} ký tự. / The title."
    )
    loai: Annotated[OneLine, BeforeValidator(_kind)] = Field(
        description="Loại thông báo: "
        + ", ".join(f"`{kind.label}`" for kind in NOTICE_KINDS)
        + " (có dấu hay không đều được). / The kind."
    )
    ngay_dang: Annotated[dt.datetime, BeforeValidator(moment_start)] = Field(
        description="Ngày giờ đăng (hoặc đọc trên loa): `28/11/2026 07:30` hoặc `28/11/2026`. "
        "/ When it was posted (or read out)."
    )
    nguoi_dang: Annotated[OneLine, BeforeValidator(_poster)] = Field(
        description="Ai đăng, ghi vai trò (`Trưởng thôn`), không ghi số điện thoại. / Who "
        "posts, as a role; never a phone number."
    )
    het_han: Annotated[dt.datetime, BeforeValidator(moment_end)] | None = Field(
        None,
        description="Hết hạn lúc nào; chỉ ghi ngày thì hết ngày đó. Sau ngày đăng. / When it "
        "stops being current; a day alone means its end.",
    )
    anh: Annotated[OneLine, BeforeValidator(_picture)] | None = Field(
        None,
        description="Ảnh chụp tờ thông báo giấy, trong thư mục nội dung (`anh/thong-bao/a.webp`). "
        "/ A photo of the paper notice.",
    )
    dinh_kem: Annotated[tuple[AttachmentEntry, ...], BeforeValidator(_attachments)] = Field(
        (),
        description=f"Tệp đính kèm (ảnh, PDF), tối đa {MAX_ATTACHMENTS}. / Attached files.",
    )
    description: Text | None = Field(
        None,
        description="Tóm tắt cho danh sách, nguồn tin và ảnh xem trước khi chia sẻ; mặc định là "
        "đoạn đầu của nội dung. / The summary; the first paragraph if left out.",
    )


_FRONT_KEYS = frozenset(NoticeFront.model_fields)


def load_notices(
    pages: Iterable[tuple[str, str]],
    docs_rel: str,
    docs_dir: Path,
    now: dt.datetime,
    published_size: Callable[[str], int | None] | None = None,
) -> tuple[list[Notice], list[Problem]]:
    """Read every notice page.

    Args:
        pages: ``(src_uri, text)`` of each notice page: its path in ``docs_dir`` (``/``) and
            its whole Markdown text (any Unicode form; read as NFC).
        docs_rel: the content folder from the repository root (``content``), for messages.
        docs_dir: the content folder on disk, where pictures and attachments are looked up.
        now: the moment of the build (aware), for the future-date warning.
        published_size: the bytes readers download for the file at a path of ``docs_dir``
            (``/``), when it is not the file itself (a photo resized by ``langso/photos``), or
            ``None`` for the file itself; without it every file is published as it is.

    Returns:
        ``(notices, problems)``: a notice for each page without errors (warnings allowed), in
        the order given; every problem found, in the order of the pages.
    """
    notices: list[Notice] = []
    problems: list[Problem] = []
    for src_uri, text in pages:
        notice, found = _load_one(src_uri, text, docs_rel, docs_dir, now, published_size)
        problems += found
        if notice is not None:
            notices.append(notice)
    return notices, problems


def _load_one(
    src_uri: str,
    text: str,
    docs_rel: str,
    docs_dir: Path,
    now: dt.datetime,
    published_size: Callable[[str], int | None] | None = None,
) -> tuple[Notice | None, list[Problem]]:
    rel = repo_path(docs_rel, src_uri)
    page, read = read_page(text, rel)
    if any(problem.severity == "error" for problem in read):
        return None, []  # reported by langso/content, for every page
    if page.body_line == 1:
        return None, [Problem(rel, 1, "notice.no-front-matter")]
    node = _front_node(text, page.body_line, rel)
    if not isinstance(node, Mapping):
        return None, [Problem(rel, 1, "notice.no-front-matter")]
    ours = Mapping({k: v for k, v in node.entries.items() if k in _FRONT_KEYS}, node.line)
    front, problems = validate(NoticeFront, ours, rel)
    # Each check below runs on the fields valid on their own, whatever mistakes the others
    # hold: one run lists every mistake (a misspelt kind does not hide a missing photo).
    data = to_data(ours)
    fields = _valid_fields(data if isinstance(data, dict) else {})
    posted, expires = fields.get("ngay_dang"), fields.get("het_han")
    if isinstance(posted, dt.datetime) and isinstance(expires, dt.datetime) and expires < posted:
        params = {"expires": format_moment(expires), "posted": format_moment(posted)}
        line = line_of(node, ("het_han",))
        problems.append(Problem(rel, line, "notice.expires-before-posted", "het_han", params))
    if isinstance(posted, dt.datetime) and posted > now + dt.timedelta(days=1):
        params = {"posted": format_moment(posted), "now": format_moment(now)}
        line = line_of(node, ("ngay_dang",))
        problems.append(Problem(rel, line, "notice.posted-future", "ngay_dang", params, "warning"))
    photo = fields.get("anh")
    files: list[tuple[str, tuple[str | int, ...]]] = []
    if isinstance(photo, str):
        files.append((photo, ("anh",)))
    files += [(path, ("dinh_kem", i)) for i, path in _attachment_paths(data)]
    for path, loc in files:
        field = "anh" if loc[0] == "anh" else "dinh_kem.tep"
        line = line_of(node, loc)
        problems += _file_problems(docs_dir, docs_rel, path, rel, line, field, published_size)
    problems.sort(key=lambda problem: problem.line or 0)
    if front is None or any(problem.severity == "error" for problem in problems):
        return None, problems
    attachments = tuple(
        Attachment(
            entry.tep,
            entry.mo_ta or posixpath.basename(entry.tep),
            ATTACHMENT_TYPES[posixpath.splitext(entry.tep)[1].lower()],
        )
        for entry in front.dinh_kem
    )
    image = front.anh or next((a.path for a in attachments if a.type == "image"), None)
    kind = find_kind(front.loai)
    assert kind is not None  # the validator returned a kind's key
    notice = Notice(
        src_uri=src_uri,
        source=rel,
        title=front.title,
        kind=kind,
        posted=front.ngay_dang,
        posted_has_time=_has_time(data.get("ngay_dang") if isinstance(data, dict) else None),
        poster=front.nguoi_dang,
        expires=front.het_han,
        summary=summarise(front.description, page.body),
        image=image,
        attachments=attachments,
    )
    return notice, problems


def _field_check(info: FieldInfo) -> TypeAdapter[object]:
    """A validator of one field of :class:`NoticeFront` on its own."""
    kind: Any = info.annotation
    if info.metadata:
        kind = Annotated.__class_getitem__((kind, *info.metadata))  # type: ignore[attr-defined]
    return TypeAdapter[object](kind)


_FIELD_CHECKS = {name: _field_check(info) for name, info in NoticeFront.model_fields.items()}


def _valid_fields(data: dict[str, Data]) -> dict[str, object]:
    """The fields of ``data`` (a notice's front matter as typed) that are valid on their own,
    typed as :class:`NoticeFront` types them; the others are left out."""
    fields: dict[str, object] = {}
    for name, value in data.items():
        check = _FIELD_CHECKS.get(name)
        if check is None:
            continue
        try:
            fields[name] = check.validate_python(value)
        except ValidationError:
            continue
    return fields


def _attachment_paths(data: Data) -> list[tuple[int, str]]:
    """``(index, path)`` of each item of ``dinh_kem`` that is valid on its own (whatever the
    other items and fields hold), to look for on disk; none when there are more than
    :data:`MAX_ATTACHMENTS` (that one error says what to do)."""
    value = data.get("dinh_kem") if isinstance(data, dict) else None
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or len(value) > MAX_ATTACHMENTS:
        return []
    paths = []
    for index, item in enumerate(value):
        try:
            entry = AttachmentEntry.model_validate({"tep": item} if isinstance(item, str) else item)
        except ValidationError:
            continue
        paths.append((index, entry.tep))
    return paths


def _has_time(typed: Data) -> bool:
    """Whether the moment ``typed`` (``ngay_dang`` as written) gives a time of day; a value
    that is not text (a YAML date) gives none."""
    if not isinstance(typed, str):
        return False
    try:
        return parse_moment(typed)[1] is not None
    except ValueError:
        return False


def _front_node(text: str, body_line: int, rel: str) -> Node | None:
    """The front matter of ``text`` composed with its lines (``read_page`` found it valid; its
    closing ``---`` is on line ``body_line - 1``)."""
    lines = nfc(text).removeprefix("\ufeff").replace("\r\n", "\n").split("\n")
    block = "\n".join(lines[1 : body_line - 2]) + "\n"
    node, _ = parse_yaml(block, rel, first_line=2)
    return node


def _file_problems(
    docs_dir: Path,
    docs_rel: str,
    path: str,
    rel: str,
    line: int | None,
    field: str,
    published_size: Callable[[str], int | None] | None = None,
) -> list[Problem]:
    """``notice.file-missing`` or ``notice.file-large`` for the file ``path`` (relative to
    ``docs_dir``; its published size, see :func:`load_notices`), or nothing."""
    found, spelled = _find_file(docs_dir, path)
    if found is None:
        case_vi = f" (có tệp `{spelled}`: tên phải khớp cả chữ hoa, chữ thường)" if spelled else ""
        case_en = f" (there is `{spelled}`: the name must match in case too)" if spelled else ""
        params: dict[str, object] = {
            "path": path,
            "where": repo_path(docs_rel, path),
            "case_vi": case_vi,
            "case_en": case_en,
        }
        return [Problem(rel, line, "notice.file-missing", field, params)]
    published = published_size(path) if published_size is not None else None
    size = found.stat().st_size if published is None else published
    if size > LARGE_FILE_BYTES:
        tenths = -(-size // 100_000)  # rounded up: 5 000 001 bytes is 5,1 MB, never "5,0 MB"
        mb = f"{tenths // 10}.{tenths % 10}"
        params = {
            "path": path,
            "size_vi": mb.replace(".", ","),
            "size_en": mb,
            "limit": f"{LARGE_FILE_BYTES / 1_000_000:g}",
        }
        return [Problem(rel, line, "notice.file-large", field, params, "warning")]
    return []


def _find_file(docs_dir: Path, path: str) -> tuple[Path | None, str | None]:
    """The regular file at ``path`` below ``docs_dir``, matched exactly (case too: the host
    serving the site tells ``Anh.webp`` from ``anh.webp`` even when this computer does not);
    ``(None, spelling)`` when only another capitalisation exists, ``(None, None)`` when none.
    A file that leads outside ``docs_dir`` (a link) counts as missing."""
    current = docs_dir
    spelled: list[str] = []
    other_case = False
    for part in path.split("/"):
        try:
            names = {nfc(name): name for name in os.listdir(current)}
        except OSError:
            return None, None
        name = names.get(part)
        if name is None:
            name = next((n for k, n in names.items() if k.casefold() == part.casefold()), None)
            if name is None:
                return None, None
            other_case = True
        spelled.append(nfc(name))
        current = current / name
    if other_case:
        return None, "/".join(spelled)
    try:
        inside = current.resolve().is_relative_to(docs_dir.resolve())
    except OSError:
        return None, None
    return (current, None) if inside and current.is_file() else (None, None)


def summarise(description: str | None, body: str) -> str:
    """The notice's summary, plain text on one line of at most :data:`SUMMARY_LENGTH`
    characters, cut at a word (ending "…" when cut): ``description`` when given, else the
    first paragraph of prose of the Markdown ``body`` (:func:`langso.previews.first_prose`:
    Markdown and HTML dropped, admonitions and tables skipped); "" when there is none."""
    if description and description.strip():
        return _cut(" ".join(description.split()))
    html = markdown.markdown(
        body[:_BODY_READ], extensions=["admonition", "attr_list", "md_in_html", "tables"]
    )
    return first_prose(_ACTIVE.sub("", html), SUMMARY_LENGTH)


def _cut(text: str) -> str:
    if len(text) <= SUMMARY_LENGTH:
        return text
    cut = text[: SUMMARY_LENGTH - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-–—") + "…"
