"""The notices' Atom feed, read back by a real feed parser (feedparser): RFC 4287 (issue 15)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
import uuid
import xml.etree.ElementTree as ET

import feedparser
import pytest

from langso.clock import VIETNAM_TIME
from langso.notices.feed import atom_feed, rfc3339
from langso.notices.model import Attachment, Notice, find_kind

SITE = "https://example.github.io/lang-phu-my/"
UPDATED = dt.datetime(2026, 11, 30, 7, 0, tzinfo=VIETNAM_TIME)
ATOM = "{http://www.w3.org/2005/Atom}"


def notice(stem: str, posted: dt.datetime, title: str, kind: str = "họp thôn") -> Notice:
    found = find_kind(kind)
    assert found is not None
    return Notice(
        src_uri=f"thong-bao/{stem}.md",
        source=f"content/thong-bao/{stem}.md",
        title=title,
        kind=found,
        posted=posted,
        poster="Trưởng thôn",
        expires=None,
        summary=f"Tóm tắt {title}",
    )


def urls(*notices: Notice) -> dict[str, str]:
    return {n.src_uri: n.src_uri.removesuffix(".md") + "/" for n in notices}


STORM = notice(
    "2026-11-20-bao",
    dt.datetime(2026, 11, 20, 6, 15, tzinfo=VIETNAM_TIME),
    "Bão số 15 <khẩn> & sơ tán (dữ liệu mẫu)",
    "thiên tai",
)
POWER = dataclasses.replace(
    notice(
        "2026-11-28-cat-dien",
        dt.datetime(2026, 11, 28, 7, 30, tzinfo=VIETNAM_TIME),
        'Cắt điện "12/12" <b>',
        "cắt điện",
    ),
    attachments=(
        Attachment("tep/cat-dien.pdf", "Thông báo của Điện lực (bản PDF)", "pdf"),
        Attachment("tep/sơ đồ.png", "Sơ đồ", "image"),
    ),
)


def parse(feed: str) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(feed)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def test_the_feed_reads_back_with_titles_dates_links_and_kinds() -> None:
    addresses = {**urls(STORM, POWER), "tep/cat-dien.pdf": "tep/cat-dien.pdf"}
    parsed = parse(atom_feed([STORM, POWER], addresses, SITE, "Thông báo & tin <thôn>", UPDATED))
    feed = parsed.feed
    assert feed.title == "Thông báo & tin <thôn>"
    assert feed.id == SITE + "thong-bao/"
    assert feed.language == "vi"
    assert [(link.rel, link.href) for link in feed.links] == [
        ("self", SITE + "thong-bao/atom.xml"),
        ("alternate", SITE + "thong-bao/"),
    ]
    assert feed.author == "Thông báo & tin <thôn>"
    # the newest entry's time, not the build's: the feed changes only when its notices do
    assert feed.updated == "2026-11-28T07:30:00+07:00"
    power, storm = parsed.entries
    assert power.title == 'Cắt điện "12/12" <b>'
    assert power.title_detail.type == "text/plain"
    assert storm.title == "Bão số 15 <khẩn> & sơ tán (dữ liệu mẫu)"
    assert power.id == power.link == SITE + "thong-bao/2026-11-28-cat-dien/"
    assert power.published == power.updated == "2026-11-28T07:30:00+07:00"
    assert power.published_parsed == time.struct_time((2026, 11, 28, 0, 30, 0, 5, 332, 0))
    assert storm.published == "2026-11-20T06:15:00+07:00"
    assert power.author == "Trưởng thôn"
    assert [(t.term, t.label) for t in power.tags] == [("cat-dien", "Lịch cắt điện")]
    assert [(t.term, t.label) for t in storm.tags] == [("khan-cap", "Thiên tai, khẩn cấp")]
    assert power.summary == 'Tóm tắt Cắt điện "12/12" <b>'
    # the picture has no address in `urls`: no enclosure for it
    assert [(e.href, e.type) for e in power.enclosures] == [
        (SITE + "tep/cat-dien.pdf", "application/pdf")
    ]


def test_a_feed_without_notices_is_valid_and_dated_by_the_build() -> None:
    parsed = parse(atom_feed([], {}, SITE, "Thông báo", UPDATED))
    assert parsed.entries == []
    assert parsed.feed.updated == "2026-11-30T07:00:00+07:00"


def test_only_the_newest_fifty_newest_first() -> None:
    start = dt.datetime(2026, 1, 1, 7, 0, tzinfo=VIETNAM_TIME)
    many = [notice(f"n{i:03d}", start + dt.timedelta(days=i), f"Số {i}") for i in range(60)]
    parsed = parse(atom_feed(many, urls(*many), SITE, "Thông báo", UPDATED))
    assert [e.title for e in parsed.entries] == [f"Số {i}" for i in range(59, 9, -1)]


def test_the_same_notices_give_the_same_bytes() -> None:
    one = atom_feed([STORM, POWER], urls(STORM, POWER), SITE, "Thông báo", UPDATED)
    two = atom_feed([POWER, STORM], urls(STORM, POWER), SITE, "Thông báo", UPDATED)
    assert one == two
    assert one.startswith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="')


def test_the_xml_is_well_formed_and_escapes_markup_once() -> None:
    feed = atom_feed([POWER], urls(POWER), SITE, "Thông báo", UPDATED)
    root = ET.fromstring(feed.encode("utf-8"))
    entry = root.find(f"{ATOM}entry")
    assert entry is not None
    assert entry.findtext(f"{ATOM}title") == 'Cắt điện "12/12" <b>'
    assert '<title type="text">Cắt điện "12/12" &lt;b&gt;</title>' in feed


def test_characters_xml_cannot_hold_are_left_out() -> None:
    odd = dataclasses.replace(STORM, title="Bão\x0b số\ufffe 15")
    parsed = parse(atom_feed([odd], urls(odd), SITE, "Thông báo", UPDATED))
    assert parsed.entries[0].title == "Bão số 15"


@pytest.mark.parametrize("site_url", ["", "/lang/"])
def test_a_site_without_site_url_gets_relative_links_and_stable_ids(site_url: str) -> None:
    feed = atom_feed([STORM], urls(STORM), site_url, "Thông báo", UPDATED)
    served = {
        "content-location": SITE + "thong-bao/atom.xml",
        "content-type": "application/atom+xml",
    }
    parsed = feedparser.parse(feed, response_headers=served)
    assert parsed.bozo == 0
    # links are relative to the feed, thong-bao/atom.xml: a reader resolves them from there
    assert [(link.rel, link.href) for link in parsed.feed.links] == [
        ("self", SITE + "thong-bao/atom.xml"),
        ("alternate", SITE + "thong-bao/"),
    ]
    assert parsed.entries[0].link == SITE + "thong-bao/2026-11-20-bao/"
    assert parsed.entries[0].id == "urn:uuid:" + str(
        uuid.uuid5(uuid.NAMESPACE_URL, "langso:thong-bao/2026-11-20-bao/")
    )
    assert parsed.feed.id == "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "langso:thong-bao/"))
    assert 'href="2026-11-20-bao/"' in feed
    assert atom_feed([STORM], urls(STORM), site_url, "Thông báo", UPDATED) == feed


def test_rfc3339_in_viet_nam_time() -> None:
    utc = dt.datetime(2026, 11, 30, 18, 0, 30, 999, tzinfo=dt.UTC)
    assert rfc3339(utc) == "2026-12-01T01:00:30+07:00"
    assert rfc3339(dt.datetime(2026, 11, 28, 7, 30)) == "2026-11-28T07:30:00+07:00"
