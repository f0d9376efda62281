"""``langso new thong-bao`` and ``langso new su-kien``: a notice or an event, from any computer.

An adapter, like :mod:`langso.cli_new` (which registers it): it asks at the terminal what is not
given as an option, checks each answer as ``langso check`` would, and writes one new file::

    content/thong-bao/<yyyy-mm-dd>-<slug>.md   (a notice, dated now in Viet Nam, UTC+7)
    content/lich/<slug>.md                     (an event: once, yearly by the lunar calendar,
                                               every week or every month)

Questions (Vietnamese, English after): the kind (a numbered list of
:data:`langso.notices.model.NOTICE_KINDS` or :data:`langso.events.model.EVENT_KINDS` labels; the
number, the label or a word such as ``cat dien`` is accepted), the title, who posts (a role,
never a phone number; default ``Trưởng thôn``) and the expiry for a notice (empty = none; as
volunteers type dates, read by :func:`langso.dates.moment_end`); for an event its day, solar
(``15/01/2027``), lunar every year (``10/3 âm``, ``10/3 nhuận âm``), or coming back
(:data:`DAY_FORMS`: ``thứ bảy hằng tuần``, ``ngày 5 hằng tháng``, ``ngày 1 và 15 âm lịch hằng
tháng``, read by :func:`langso.notice_starter.parse_repeat`), time and place; then one paragraph
of text (empty = a placeholder line that ``langso check`` points at).

The day typed at the prompt is said back as understood (``→ Hằng tháng vào ngày 1 và 15 âm
lịch``) and the volunteer confirms it (Enter) or types it again (``k``). ``mùng``/``rằm`` are lunar
(:mod:`langso.notice_starter`); days of the month that say no calendar are asked about ("âm lịch
hay dương lịch? (â/d)") when the event is a market or a festival, or the days are 1 and 15 (the
lunar month's mùng 1 and rằm); given as ``--ngay`` they are refused then, asking for the word.

Messages fit where the answer was typed: the date and time messages of :mod:`langso.dates` are
written for front matter (an example ``'07:30'`` "trong dấu nháy", in quotes, as YAML needs);
here they are said without quotes (:func:`_for_prompt`), since nothing typed at a prompt or
given to an option needs them.

Options answer the questions without a terminal: ``--loai``, ``--tieu-de``, ``--nguoi-dang``,
``--het-han``, ``--ngay``, ``--gio``, ``--dia-diem``, ``--noi-dung``. With no terminal a missing
required answer is a :class:`~langso.cli_site.UserError`; at a terminal a wrong answer is said and
asked again. Ctrl-C or the end of input stops without a traceback and writes nothing. An
existing file is never overwritten (``-2``, ``-3``… and an exclusive create).

The file's text is :mod:`langso.notice_starter`'s: every value a one-line, double-quoted YAML
scalar, the title's heading escaped by :func:`langso.render.md`: nothing typed can end the front
matter or become markup.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from mkdocs.config.defaults import MkDocsConfig
from pydantic_core import PydanticCustomError

from langso import dates
from langso.cli_site import UserError, plugin_option
from langso.clock import VIETNAM_TIME
from langso.events.model import EVENT_KINDS
from langso.events.model import find_kind as find_event_kind
from langso.notice_starter import (
    LunarDay,
    Repeat,
    calendar_reader,
    event_text,
    moment_text,
    notice_text,
    one_line,
    parse_lunar_day,
    parse_repeat,
    read_confirmation,
    unclear_calendar,
    understood,
)
from langso.notices.model import NOTICE_KINDS
from langso.notices.model import find_kind as find_notice_kind
from langso.paths import repo_path
from langso.phones import find_phones
from langso.scaffold import unique_file
from langso.text import fold, slugify

__all__ = [
    "DAY_FORMS",
    "NOTICE_COMMANDS",
    "add_notice_arguments",
    "now",
    "run_new_notice",
]

NOTICE_COMMANDS = ("thong-bao", "su-kien")
"""The ``langso new`` kinds this module writes."""

DEFAULT_POSTER = "Trưởng thôn"
_SLUG_MAX = 60
_T = TypeVar("_T")


def add_notice_arguments(new: argparse.ArgumentParser) -> None:
    """Add the notice and event options to ``langso new`` (``--loai`` and ``--tieu-de`` are
    :mod:`langso.cli_new`'s ``--category`` and ``--title``)."""
    new.add_argument(
        "--nguoi-dang",
        metavar="CHỨC_VỤ/ROLE",
        help=f"thong-bao: người đăng, ghi chức vụ, không ghi số điện thoại (mặc định: "
        f"{DEFAULT_POSTER}) / who posts, as a role",
    )
    new.add_argument(
        "--het-han",
        metavar="NGÀY/DATE",
        help="thong-bao: hết hạn lúc, ví dụ 12/12/2026 hoặc '12/12/2026 17:00' (bỏ trống: không "
        "hết hạn) / when it expires",
    )
    new.add_argument(
        "--ngay",
        metavar="NGÀY/DATE",
        help="su-kien: ngày dương lịch (15/01/2027), âm lịch hằng năm ('10/3 âm'), hoặc lặp lại:"
        " 'thứ bảy hằng tuần', 'ngày 5 hằng tháng', 'ngày 1 và 15 âm lịch hằng tháng' / the day",
    )
    new.add_argument(
        "--gio", metavar="GIỜ/TIME", help="su-kien: giờ, ví dụ 07:30 hoặc 07:30-11:00 / the time"
    )
    new.add_argument(
        "--dia-diem", metavar="NƠI/PLACE", help="su-kien: địa điểm / where it takes place"
    )
    new.add_argument(
        "--noi-dung",
        metavar="CHỮ/TEXT",
        help="một đoạn nội dung (sửa thêm sau trong tệp) / one paragraph of text",
    )


def now() -> dt.datetime:
    """Now in Viet Nam (UTC+7) to the minute; ``SOURCE_DATE_EPOCH`` fixes it when set, as
    :func:`langso.clock.today` does."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.astimezone(VIETNAM_TIME).replace(second=0, microsecond=0)


@dataclass
class _Asker:
    """Answers from options, else from the terminal, checked by a reader function.

    ``reader(text)`` returns the value or raises ``ValueError`` with a bilingual message; at a
    terminal the message is shown and the question asked again.
    """

    interactive: bool
    ask: Callable[[str], str] = input

    def get(
        self,
        given: str | None,
        option: str,
        question: str,
        reader: Callable[[str], _T],
        *,
        required: bool = True,
        listing: str = "",
    ) -> _T:
        if given is not None:
            try:
                return reader(given)
            except ValueError as error:
                raise UserError(f"{option}: {error}") from None
        if not self.interactive:
            if not required:
                return reader("")
            listed = f"\n{listing}" if listing else ""
            raise UserError(f"thiếu {option}: {question}{listed}\n    (en) {option} is missing")
        if listing:
            print(listing)
        while True:
            try:
                answer = self.ask(f"{question}: ")
            except EOFError:
                if required:
                    raise UserError(
                        f"thiếu {option}: {question}\n    (en) {option} is missing"
                    ) from None
                answer = ""
            if not answer.strip() and required:
                print("Cần trả lời câu này. / An answer is needed.")
                continue
            try:
                return reader(answer)
            except ValueError as error:
                print(error)


def _listing(heading: str, labels: Sequence[str]) -> str:
    return heading + "\n" + "\n".join(f"  {n}. {label}" for n, label in enumerate(labels, 1))


def _kind_reader(labels: Sequence[str], find: Callable[[str], Any]) -> Callable[[str], str]:
    def read(typed: str) -> str:
        text = typed.strip()
        if text.isdigit() and 1 <= int(text) <= len(labels):
            return labels[int(text) - 1]
        found = find(text)
        if found is None:
            choices = ", ".join(labels)
            raise ValueError(
                f"không có loại `{text}`: gõ số thứ tự hoặc một tên trong: {choices}\n"
                f"    (en) no kind `{text}`: type its number or one of the names"
            )
        return str(found.label)

    return read


def _title(typed: str) -> str:
    title = one_line(typed)
    if not slugify(title):
        raise ValueError(
            f"`{typed.strip()}`: tiêu đề cần có chữ hoặc số\n    (en) the title needs letters"
        )
    return title


def _poster(typed: str) -> str:
    poster = one_line(typed) or DEFAULT_POSTER
    if find_phones(poster):
        raise ValueError(
            f"`{poster}`: chỉ ghi chức vụ (Trưởng thôn, Tổ công nghệ số…), không ghi số điện "
            "thoại riêng\n    (en) write a role, not a private phone number"
        )
    return poster


_QUOTED_EXAMPLE = re.compile(r"'([^'\n]*)'")
_IN_QUOTES = re.compile(r",? *(?:trong dấu nháy|in quotes)")


def _for_prompt(text: str) -> str:
    """A front-matter message said for a prompt: ``'07:30'`` → ``07:30``, no "trong dấu
    nháy" / "in quotes" (YAML needs them; a prompt or an option does not)."""
    return _QUOTED_EXAMPLE.sub(r"\1", _IN_QUOTES.sub("", text))


def _date_error(error: PydanticCustomError) -> ValueError:
    context: dict[str, Any] = error.context or {}
    return ValueError(
        _for_prompt(
            f"{context.get('vi', error.message())} — {context.get('fix_vi', '')}\n"
            f"    (en) {context.get('en', error.message())} — {context.get('fix_en', '')}"
        )
    )


def _expiry_reader(posted: dt.datetime) -> Callable[[str], dt.datetime | None]:
    def read(typed: str) -> dt.datetime | None:
        if not typed.strip() or fold(typed) in ("khong", "k", "khong het han"):
            return None
        try:
            moment = dates.moment_end(typed.strip())
        except PydanticCustomError as error:
            raise _date_error(error) from None
        assert isinstance(moment, dt.datetime)  # text in, an aware datetime out
        if moment < posted:
            raise ValueError(
                f"`{typed.strip()}`: hết hạn ({moment_text(moment)}) trước lúc đăng "
                f"({moment_text(posted)}) — ghi ngày sau hôm nay, hoặc bỏ trống nếu không hết hạn"
                "\n    (en) the expiry is before the posting time — give a later date, or none"
            )
        return moment

    return read


DAY_FORMS = (
    ("15/01/2027", "một lần, ngày dương lịch / once"),
    ("10/3 âm", "hằng năm, ngày âm lịch / every year, lunar"),
    ("ngày 1 và 15 âm lịch hằng tháng", "phiên chợ / lunar days, every month"),
    ("thứ bảy hằng tuần", "mỗi tuần / every week"),
    ("ngày 5 hằng tháng", "ngày dương lịch, mỗi tháng / every month"),
)
"""What the day question accepts, one example each (shown before it, and with a refusal)."""


def _day_forms() -> str:
    width = max(len(example) for example, _ in DAY_FORMS)
    return "\n".join(f"  {example:<{width}}  {what}" for example, what in DAY_FORMS)


def _event_day(typed: str) -> dt.date | LunarDay | Repeat:
    repeat = parse_repeat(typed)
    if repeat is not None:
        return repeat
    lunar = parse_lunar_day(typed)
    if lunar is not None:
        return lunar
    try:
        day = dates.parse_day(typed.strip())
    except PydanticCustomError as error:
        raise ValueError(
            f"{_date_error(error)}\nGõ theo một trong các cách / type one of:\n{_day_forms()}"
        ) from None
    assert isinstance(day, dt.date)  # text in, a date out
    return day


def _event_when(args: argparse.Namespace, asker: _Asker, kind: str) -> dt.date | LunarDay | Repeat:
    """The event's day: from ``--ngay``, else asked, said back and confirmed."""
    question = "Ngày diễn ra / the day"
    if args.ngay is not None:
        when = asker.get(args.ngay, "--ngay", question, _event_day)
        if unclear_calendar(when, kind):
            raise UserError(
                f"--ngay: `{args.ngay.strip()}`: âm lịch hay dương lịch? — thêm chữ âm lịch hoặc"
                " dương lịch, ví dụ ngày 1 và 15 âm lịch hằng tháng\n"
                "    (en) lunar or solar calendar? add âm lịch or dương lịch"
            )
        return when
    listing = "Ngày, gõ theo một trong các cách / the day, one of:\n" + _day_forms()
    while True:
        when = asker.get(None, "--ngay", question, _event_day, listing=listing)
        if unclear_calendar(when, kind):
            assert isinstance(when, Repeat)
            when = asker.get(
                None,
                "--ngay",
                "Âm lịch hay dương lịch? (â/d) / lunar or solar?",
                calendar_reader(when),
            )
        print(f"→ {understood(when)}")
        right = asker.get(
            None,
            "--ngay",
            "Đúng chưa? (Enter: đúng, k: gõ lại ngày) / right? (Enter: yes, k: type it again)",
            read_confirmation,
            required=False,
        )
        if right:
            return when
        listing = ""


def _event_time(typed: str) -> str:
    if not typed.strip():
        return ""
    try:
        start, end = dates.parse_time_range(typed.strip())
    except PydanticCustomError as error:
        raise _date_error(error) from None
    return f"{start:%H:%M}" + (f"-{end:%H:%M}" if end is not None else "")


def _write_new(path: Path, text: str) -> None:
    """Create ``path`` with ``text``; never over an existing file (exclusive create)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    except FileExistsError:
        raise UserError(
            f"{path.name}: tệp đã có, không ghi đè — chạy lại lệnh\n"
            "    (en) the file exists and is not overwritten — run the command again"
        ) from None
    except OSError as error:
        raise UserError(
            f"{path}: không ghi được tệp: {error.strerror}\n"
            f"    (en) could not write the file: {error.strerror}"
        ) from None


def _file_slug(title: str) -> str:
    slug = slugify(title)
    if len(slug) > _SLUG_MAX:
        slug = slug[:_SLUG_MAX].rsplit("-", 1)[0]
    return slug


def run_new_notice(
    args: argparse.Namespace,
    config: MkDocsConfig,
    docs_dir: Path,
    docs_rel: str,
    *,
    asker: _Asker | None = None,
) -> Path:
    """``langso new thong-bao`` / ``su-kien``: ask, check and write the file; return its path.

    Raises:
        UserError: a missing or wrong answer without a terminal, a file that cannot be written,
            or Ctrl-C (nothing is written then).
    """
    asker = asker or _Asker(interactive=sys.stdin.isatty())
    try:
        if args.kind == "thong-bao":
            path = _new_notice(args, config, docs_dir, asker)
        else:
            path = _new_event(args, config, docs_dir, asker)
    except KeyboardInterrupt:
        raise UserError("\nĐã dừng, chưa ghi tệp nào. / Stopped; nothing was written.") from None
    shown = repo_path(docs_rel, path.relative_to(docs_dir).as_posix())
    print(f"Đã tạo / created {shown}")
    if args.kind == "thong-bao":
        print(
            "Thông báo lên trang khi trang được dựng lại: đưa tệp này lên kho (hoặc tải lên bằng "
            "trình sửa trên web, xem docs/dang-thong-bao.md). / It shows once the site is rebuilt:"
            " push the file (or upload it in the host's web editor)."
        )
    return path


def _new_notice(
    args: argparse.Namespace, config: MkDocsConfig, docs_dir: Path, asker: _Asker
) -> Path:
    labels = [kind.label for kind in NOTICE_KINDS]
    kind = asker.get(
        args.category,
        "--loai",
        "Chọn loại thông báo (gõ số) / kind (its number)",
        _kind_reader(labels, find_notice_kind),
        listing=_listing("Loại thông báo / kinds:", labels),
    )
    title = asker.get(args.title, "--tieu-de", "Tiêu đề / title", _title)
    poster = asker.get(
        args.nguoi_dang,
        "--nguoi-dang",
        f"Người đăng, ghi chức vụ (Enter: {DEFAULT_POSTER}) / who posts, a role",
        _poster,
        required=False,
    )
    posted = now()
    expires = asker.get(
        args.het_han,
        "--het-han",
        "Hết hạn ngày nào, ví dụ 12/12/2026 hoặc 12/12/2026 17:00 (Enter: không hết hạn) / "
        "expires on",
        _expiry_reader(posted),
        required=False,
    )
    text = asker.get(
        args.noi_dung,
        "--noi-dung",
        "Nội dung, một đoạn (Enter: viết sau trong tệp) / text",
        str.strip,
        required=False,
    )
    folder = str(plugin_option(config, "langso/notices", "folder", "thong-bao"))
    path = unique_file(docs_dir / folder, f"{posted:%Y-%m-%d}-{_file_slug(title)}", ".md")
    _write_new(
        path,
        notice_text(
            title=title, kind=kind, posted=posted, poster=poster, expires=expires, text=text
        ),
    )
    return path


def _new_event(
    args: argparse.Namespace, config: MkDocsConfig, docs_dir: Path, asker: _Asker
) -> Path:
    labels = [kind.label for kind in EVENT_KINDS]
    kind = asker.get(
        args.category,
        "--loai",
        "Chọn loại sự kiện (gõ số) / kind (its number)",
        _kind_reader(labels, find_event_kind),
        listing=_listing("Loại sự kiện / kinds:", labels),
    )
    title = asker.get(args.title, "--tieu-de", "Tên sự kiện / title", _title)
    when = _event_when(args, asker, kind)
    time = asker.get(
        args.gio,
        "--gio",
        "Giờ, ví dụ 07:30 hoặc 07:30-11:00 (Enter: cả ngày) / time",
        _event_time,
        required=False,
    )
    place = asker.get(
        args.dia_diem, "--dia-diem", "Địa điểm (Enter: bỏ qua) / place", one_line, required=False
    )
    text = asker.get(
        args.noi_dung,
        "--noi-dung",
        "Nội dung, một đoạn (Enter: viết sau trong tệp) / text",
        str.strip,
        required=False,
    )
    if isinstance(when, dt.date) and when < now().date():
        print(f"Lưu ý: ngày {when:%d/%m/%Y} đã qua. / Note: that day has passed.")
    folder = str(plugin_option(config, "langso/events", "events_dir", "lich"))
    path = unique_file(docs_dir / folder, _file_slug(title), ".md")
    _write_new(
        path,
        event_text(title=title, kind=kind, when=when, time=time, place=place, text=text),
    )
    return path
