"""The orders notices are shown in: newest first, the home page's current ones, by month."""

from __future__ import annotations

import datetime as dt

from langso.clock import VIETNAM_TIME
from langso.notices.model import Notice, find_kind
from langso.notices.order import by_month, home_notices, is_current, newest_first

NOW = dt.datetime(2026, 11, 30, 7, 0, tzinfo=VIETNAM_TIME)


def notice(name: str, posted: str, kind: str = "họp thôn", expires: str | None = None) -> Notice:
    """A notice called ``name`` posted at ``posted`` (``2026-11-28 07:30``, Viet Nam time)."""

    def moment(text: str) -> dt.datetime:
        return dt.datetime.fromisoformat(text).replace(tzinfo=VIETNAM_TIME)

    found = find_kind(kind)
    assert found is not None
    return Notice(
        src_uri=f"thong-bao/{name}.md",
        source=f"content/thong-bao/{name}.md",
        title=name,
        kind=found,
        posted=moment(posted),
        poster="Trưởng thôn",
        expires=moment(expires) if expires else None,
        summary="",
    )


def names(notices: list[Notice]) -> list[str]:
    return [n.title for n in notices]


def test_newest_first_with_ties_by_file_name() -> None:
    notices = [
        notice("b", "2026-11-20 07:00"),
        notice("c", "2026-11-28 07:30"),
        notice("a", "2026-11-20 07:00"),
        notice("d", "2026-11-19 23:59"),
    ]
    assert names(newest_first(notices)) == ["c", "a", "b", "d"]
    assert names(newest_first(reversed(notices))) == ["c", "a", "b", "d"]


def test_the_home_page_shows_urgent_first_then_newest_and_no_more_than_the_limit() -> None:
    notices = [
        notice("hop", "2026-11-29 19:00"),
        notice("bao", "2026-11-20 07:00", "thiên tai", expires="2026-12-10 23:59"),
        notice("phi", "2026-11-25 08:00", "thu phí"),
        notice("tiem", "2026-11-27 08:00", "tiêm chủng"),
        notice("dien", "2026-11-26 08:00", "cắt điện"),
    ]
    assert names(home_notices(notices, NOW)) == ["bao", "hop", "tiem", "dien"]
    assert names(home_notices(notices, NOW, limit=2)) == ["bao", "hop"]


def test_expired_and_stale_notices_leave_the_home_page() -> None:
    notices = [
        notice("het-han", "2026-11-18 07:00", expires="2026-11-25 23:59"),
        notice("cu", "2026-10-30 06:59"),  # 30 days and a minute before NOW
        notice("con-han", "2026-09-01 07:00", expires="2026-12-31 23:59"),
        notice("vua-du", "2026-10-31 07:00"),  # exactly 30 days
    ]
    assert names(home_notices(notices, NOW)) == ["vua-du", "con-han"]
    assert names(home_notices(notices, NOW, fresh_days=60)) == ["vua-du", "cu", "con-han"]


def test_expiry_is_judged_to_the_second() -> None:
    ends = notice("a", "2026-11-29 07:00", expires="2026-11-30 07:00")
    assert is_current(ends, NOW)
    assert not is_current(ends, NOW + dt.timedelta(seconds=1))


def test_a_notice_posted_later_today_is_current() -> None:
    assert is_current(notice("toi-nay", "2026-11-30 19:00"), NOW)


def test_by_month_newest_month_first_each_newest_first() -> None:
    notices = [
        notice("thang-10", "2026-10-31 23:59"),
        notice("dau-thang-12", "2026-12-01 00:00"),
        notice("thang-11-a", "2026-11-02 07:00"),
        notice("thang-11-b", "2026-11-28 07:00"),
        notice("nam-truoc", "2025-12-15 07:00"),
    ]
    assert [(month, names(group)) for month, group in by_month(notices)] == [
        ("2026-12", ["dau-thang-12"]),
        ("2026-11", ["thang-11-b", "thang-11-a"]),
        ("2026-10", ["thang-10"]),
        ("2025-12", ["nam-truoc"]),
    ]
    assert by_month([]) == []


def test_the_month_is_viet_nam_s_month() -> None:
    # 2026-11-30 18:00 UTC is 01:00 on 1 December in Viet Nam.
    late = notice("khuya", "2026-12-01 01:00")
    moved = Notice(**{**late.__dict__, "posted": late.posted.astimezone(dt.UTC)})
    assert by_month([moved])[0][0] == "2026-12"


def test_loudspeaker_transcripts_do_not_take_the_home_page_s_places() -> None:
    notices = [
        notice("loa-chieu", "2026-11-29 17:00", "loa"),
        notice("loa-sang", "2026-11-29 05:30", "loa"),
        notice("hop", "2026-11-24 19:00"),
        notice("tiem", "2026-11-25 08:00", "tiêm chủng"),
    ]
    assert names(home_notices(notices, NOW, limit=2)) == ["tiem", "hop"]
