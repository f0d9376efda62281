"""The events calendar as a site shows it (``langso/events``, issue 15): the agenda by month, each
event's page with its header, the ``.ics`` files read back by two real parsers, and a hand-written
file at a generated path reported where it is.

The site is built on the tests' fixed day, Monday 30/11/2026 (``tests/conftest.py``). Lunar
dates (computed for UTC+7): 09/12/2026 = mùng 1 tháng Mười Một năm Bính Ngọ; the Chạp (12th
month) of Bính Ngọ has 29 days, so "30 tháng Chạp" falls on 05/02/2027, and Tết Đinh Mùi on
06/02/2027; 10 tháng Ba Đinh Mùi = 16/04/2027.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
import vobject
from bs4 import BeautifulSoup, Tag

from langso.cli_check import check_site
from tests.conftest import BUILD_DAY, BuildResult, SiteFactory, build_site, copy_site

VBPL = "https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=139264"

EVENTS: dict[str, str | None] = {
    "content/lich/tiem-chung.md": """---
title: Tiêm chủng cho trẻ (dữ liệu mẫu)
loai: tiêm chủng
ngay: 12/12/2026
gio: "07:30-11:00"
dia_diem: Trạm y tế xã
description: Mang theo sổ tiêm chủng của trẻ.
---

# Tiêm chủng cho trẻ (dữ liệu mẫu)

Mang theo sổ tiêm chủng của trẻ.
""",
    "content/lich/hoi-xuan.md": """---
title: Hội thi văn nghệ (dữ liệu mẫu)
loai: lễ hội
ngay: 15/12/2026
den_ngay: 17/12/2026
dia_diem: Sân nhà văn hóa & sân bóng <b>thôn</b>
---

Ba ngày văn nghệ của thôn.
""",
    "content/lich/da-qua.md": """---
title: Họp tổng kết (dữ liệu mẫu)
loai: họp
ngay: 28/11/2026
gio: "19:30"
---

# Họp tổng kết (dữ liệu mẫu)
""",
    "content/lich/gio-to.md": f"""---
title: Giỗ Tổ Hùng Vương
loai: lễ hội
ngay_am: 10/3
nguon: {VBPL}
---

# Giỗ Tổ Hùng Vương

Ngày nghỉ lễ theo Bộ luật Lao động 2019, Điều 112.
""",
    "content/lich/tat-nien.md": """---
title: Lễ tất niên ở đình (dữ liệu mẫu)
loai: lễ hội
ngay_am: 30/12
gio: "16:00"
dia_diem: Đình làng
---

# Lễ tất niên ở đình (dữ liệu mẫu)
""",
    "content/lich/cho-phien.md": """---
title: Phiên chợ Phú Mỹ (dữ liệu mẫu)
loai: phiên chợ
hang_thang_am: [1, 15]
gio: "05:00-10:00"
dia_diem: Chợ Phú Mỹ
---

# Phiên chợ Phú Mỹ (dữ liệu mẫu)
""",
    "content/lich/hop-thon.md": """---
title: Họp thôn <i>hằng tháng</i> (dữ liệu mẫu)
loai: họp
hang_thang: [5]
gio: "19:30"
dia_diem: Nhà văn hóa thôn
---

# Họp thôn hằng tháng (dữ liệu mẫu)
""",
    "content/lich/the-duc.md": """---
title: Thể dục buổi sáng (dữ liệu mẫu)
loai: khác
hang_tuan: thứ bảy
tu_ngay: 01/12/2026
den_ngay: 31/12/2026
gio: "05:30"
dia_diem: Sân nhà văn hóa
---

# Thể dục buổi sáng (dữ liệu mẫu)
""",
}

NO_DATA: dict[str, str | None] = {
    "content/index.md": "# Làng Phú Mỹ (thử)\n\nXem [lịch của làng](lich/index.md).\n",
    "content/danh-ba/cho-phu-my.yml": None,
    "content/categories.yml": None,
    "content/plaques.yml": None,
}
PLUGINS = ["langso/content", "langso/events"]


def events_site(
    make_site: SiteFactory, files: dict[str, str | None] | None = None, **config: object
) -> Path:
    """The minimal site with the events above and ``langso/events``."""
    return make_site(
        files={**NO_DATA, **EVENTS, **(files or {})}, config={"plugins": PLUGINS, **config}
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    root = copy_site(
        tmp_path_factory.mktemp("events") / "site",
        files={**NO_DATA, **EVENTS},
        config={"plugins": PLUGINS},
    )
    mp = pytest.MonkeyPatch()  # the autouse fixed day is per test; this build is per module
    mp.setenv("SOURCE_DATE_EPOCH", BUILD_DAY)
    try:
        result = build_site(root)
    finally:
        mp.undo()
    assert result.ok, result.text()
    return result


def lines(tag: Tag) -> list[str]:
    """The text of each child ``<span>`` of ``tag``, spaces collapsed."""
    return [" ".join(s.get_text().split()) for s in tag.find_all("span", recursive=False)]


def test_the_agenda_lists_each_date_by_month_in_both_calendars(built: BuildResult) -> None:
    soup = built.soup("lich/index.html")
    article = soup.select_one("article")
    assert article is not None
    assert article.h1 is not None and article.h1.get_text(strip=True).startswith("Lịch")
    months = [
        (
            section.h2.get_text(),
            [
                (li["data-langso-den"], li.a["href"], lines(li.a))
                for li in section.select("li.langso-agenda__entry:not([hidden])")
            ],
        )
        for section in article.select("section.langso-agenda__month:not([hidden])")
    ]
    sat = "Hằng tuần vào Thứ Bảy, từ 01/12/2026, đến hết 31/12/2026"
    market = "Hằng tháng vào các ngày 1 và 15 âm lịch"
    meeting = "Hằng tháng vào ngày 5 dương lịch"
    exercise = ["Thể dục buổi sáng (dữ liệu mẫu)"]

    def ex(day: str, lunar: str) -> tuple[str, str, list[str]]:
        iso = dt.datetime.strptime(day[-10:], "%d/%m/%Y").date().isoformat()
        return (
            iso,
            "the-duc/",
            [day, *exercise, f"Âm lịch: {lunar}", "Lúc 05:30, tại Sân nhà văn hóa", sat],
        )

    assert months == [
        (
            "Tháng 12 năm 2026",
            [
                ex("Thứ Bảy, 05/12/2026", "ngày 27 tháng Mười năm Bính Ngọ"),
                (
                    "2026-12-05",
                    "hop-thon/",
                    [
                        "Thứ Bảy, 05/12/2026",
                        "Họp thôn <i>hằng tháng</i> (dữ liệu mẫu)",
                        "Âm lịch: ngày 27 tháng Mười năm Bính Ngọ",
                        "Lúc 19:30, tại Nhà văn hóa thôn",
                        meeting,
                    ],
                ),
                (
                    "2026-12-09",
                    "cho-phien/",
                    [
                        "Thứ Tư, 09/12/2026",
                        "Phiên chợ Phú Mỹ (dữ liệu mẫu)",
                        "Âm lịch: mùng 1 tháng Mười Một năm Bính Ngọ",
                        "05:00–10:00, tại Chợ Phú Mỹ",
                        market,
                    ],
                ),
                ex("Thứ Bảy, 12/12/2026", "mùng 4 tháng Mười Một năm Bính Ngọ"),
                (
                    "2026-12-12",
                    "tiem-chung/",
                    [
                        "Thứ Bảy, 12/12/2026",
                        "Tiêm chủng cho trẻ (dữ liệu mẫu)",
                        "Âm lịch: mùng 4 tháng Mười Một năm Bính Ngọ",
                        "07:30–11:00, tại Trạm y tế xã",
                    ],
                ),
                (
                    "2026-12-17",
                    "hoi-xuan/",
                    [
                        "Thứ Ba, 15/12/2026 đến Thứ Năm, 17/12/2026",
                        "Hội thi văn nghệ (dữ liệu mẫu)",
                        "Âm lịch: mùng 7 tháng Mười Một năm Bính Ngọ",
                        "Cả ngày, tại Sân nhà văn hóa & sân bóng <b>thôn</b>",
                    ],
                ),
                ex("Thứ Bảy, 19/12/2026", "ngày 11 tháng Mười Một năm Bính Ngọ"),
                (
                    "2026-12-23",
                    "cho-phien/",
                    [
                        "Thứ Tư, 23/12/2026",
                        "Phiên chợ Phú Mỹ (dữ liệu mẫu)",
                        "Âm lịch: ngày 15 tháng Mười Một năm Bính Ngọ",
                        "05:00–10:00, tại Chợ Phú Mỹ",
                        market,
                    ],
                ),
                ex("Thứ Bảy, 26/12/2026", "ngày 18 tháng Mười Một năm Bính Ngọ"),
            ],
        ),
        (
            "Tháng 1 năm 2027",
            [
                (
                    "2027-01-05",
                    "hop-thon/",
                    [
                        "Thứ Ba, 05/01/2027",
                        "Họp thôn <i>hằng tháng</i> (dữ liệu mẫu)",
                        "Âm lịch: ngày 28 tháng Mười Một năm Bính Ngọ",
                        "Lúc 19:30, tại Nhà văn hóa thôn",
                        meeting,
                    ],
                ),
                (
                    "2027-01-08",
                    "cho-phien/",
                    [
                        "Thứ Sáu, 08/01/2027",
                        "Phiên chợ Phú Mỹ (dữ liệu mẫu)",
                        "Âm lịch: mùng 1 tháng Chạp năm Bính Ngọ",
                        "05:00–10:00, tại Chợ Phú Mỹ",
                        market,
                    ],
                ),
                (
                    "2027-01-22",
                    "cho-phien/",
                    [
                        "Thứ Sáu, 22/01/2027",
                        "Phiên chợ Phú Mỹ (dữ liệu mẫu)",
                        "Âm lịch: ngày 15 tháng Chạp năm Bính Ngọ",
                        "05:00–10:00, tại Chợ Phú Mỹ",
                        market,
                    ],
                ),
            ],
        ),
        (
            "Tháng 2 năm 2027",
            [
                (
                    "2027-02-05",
                    "tat-nien/",
                    [
                        "Thứ Sáu, 05/02/2027",
                        "Lễ tất niên ở đình (dữ liệu mẫu)",
                        "Âm lịch: ngày 29 tháng Chạp năm Bính Ngọ"
                        " (tháng thiếu: ngày 30 tính là ngày 29)",
                        "Lúc 16:00, tại Đình làng",
                        "Hằng năm vào ngày 30 tháng Chạp âm lịch",
                    ],
                ),
            ],
        ),
        (
            "Tháng 4 năm 2027",
            [
                (
                    "2027-04-16",
                    "gio-to/",
                    [
                        "Thứ Sáu, 16/04/2027",
                        "Giỗ Tổ Hùng Vương",
                        "Âm lịch: mùng 10 tháng Ba năm Đinh Mùi",
                        "Cả ngày",
                        "Hằng năm vào mùng 10 tháng Ba âm lịch",
                    ],
                ),
            ],
        ),
    ]


def test_the_agenda_carries_the_later_market_days_and_meetings_hidden(
    built: BuildResult,
) -> None:
    """Market days and the monthly meeting after the 8 weeks (24/01/2027) are on the page for
    the whole 12 months, hidden, each with its first day: the script shows them when a reader
    comes later (``tests/reader/test_events_phone.py``); a month of only those is hidden."""
    soup = built.soup("lich/index.html")
    agenda = soup.select_one(".langso-agenda")
    assert agenda is not None
    assert (agenda["data-langso-weeks"], agenda["data-langso-end"]) == ("8", "2027-11-29")
    end = agenda.select_one("[data-langso-short-end]")
    assert end is not None and end.get_text() == "24/01/2027"
    hidden = [
        (str(li["data-langso-tu"]), str(li["data-langso-den"]), str(a["href"]), lines(a)[:3])
        for li in agenda.select("li.langso-agenda__entry[hidden]")
        for a in li.select("a")
    ]
    market = "Phiên chợ Phú Mỹ (dữ liệu mẫu)"
    meeting = "Họp thôn <i>hằng tháng</i> (dữ liệu mẫu)"
    assert hidden[:4] == [
        (
            "2027-02-05",
            "2027-02-05",
            "hop-thon/",
            ["Thứ Sáu, 05/02/2027", meeting, "Âm lịch: ngày 29 tháng Chạp năm Bính Ngọ"],
        ),
        (
            "2027-02-06",
            "2027-02-06",
            "cho-phien/",
            ["Thứ Bảy, 06/02/2027", market, "Âm lịch: mùng 1 tháng Giêng năm Đinh Mùi"],
        ),
        (
            "2027-02-20",
            "2027-02-20",
            "cho-phien/",
            ["Thứ Bảy, 20/02/2027", market, "Âm lịch: ngày 15 tháng Giêng năm Đinh Mùi"],
        ),
        (
            "2027-03-05",
            "2027-03-05",
            "hop-thon/",
            ["Thứ Sáu, 05/03/2027", meeting, "Âm lịch: ngày 28 tháng Giêng năm Đinh Mùi"],
        ),
    ]
    # To the last day the agenda covers (29/11/2027): the last meeting is on 05/11/2027.
    assert [h[0] for h in hidden if h[2] == "hop-thon/"][-1] == "2027-11-05"
    assert all("2027-01-25" <= h[0] <= "2027-11-29" for h in hidden)
    assert not [h for h in hidden if h[2] not in ("cho-phien/", "hop-thon/")]
    # The dates shown carry their first day too, for the script; a festival's does not.
    shown = agenda.select("li.langso-agenda__entry:not([hidden])")
    assert [li.get("data-langso-tu") for li in shown if li.a["href"] == "cho-phien/"] == [
        "2026-12-09",
        "2026-12-23",
        "2027-01-08",
        "2027-01-22",
    ]
    assert [li.get("data-langso-tu") for li in shown if li.a["href"] == "gio-to/"] == [None]
    months = [
        (s.h2.get_text(), s.has_attr("hidden"))
        for s in agenda.select("section.langso-agenda__month")
    ]
    assert months[:5] == [
        ("Tháng 12 năm 2026", False),
        ("Tháng 1 năm 2027", False),
        ("Tháng 2 năm 2027", False),
        ("Tháng 3 năm 2027", True),
        ("Tháng 4 năm 2027", False),
    ]
    assert months[5:] == [(f"Tháng {m} năm 2027", True) for m in range(5, 12)]


def test_the_agenda_says_how_far_it_looks_and_offers_the_whole_calendar(
    built: BuildResult,
) -> None:
    soup = built.soup("lich/index.html")
    intro = soup.select_one(".langso-agenda__intro")
    assert intro is not None
    # Dates, not "from today": true whenever it is read (what is over leaves: the script).
    assert intro.get_text() == (
        "Các ngày sắp tới, đến hết 29/11/2027. Phiên chợ và việc lặp lại hằng tuần, hằng"
        " tháng ghi đến hết 24/01/2027. Cập nhật ngày Thứ Hai, 30/11/2026."
    )
    # Shown by the script when the reader's clock has passed every date.
    none = soup.select_one(".langso-agenda__none")
    assert none is not None and none.has_attr("hidden") and none.has_attr("data-langso-none")
    button = soup.select_one(".langso-agenda a.langso-event-action")
    assert button is not None
    assert (button["href"], button.get_text()) == ("lich.ics", "Thêm cả lịch vào điện thoại")
    # Escaped once: the volunteer's "<b>" is text, never a tag.
    html = built.read("lich/index.html")
    assert "Sân nhà văn hóa &amp; sân bóng &lt;b&gt;thôn&lt;/b&gt;" in html
    assert "<b>thôn" not in html


def test_event_pages_stay_out_of_the_navigation(built: BuildResult) -> None:
    nav = built.soup("index.html").select_one("nav.md-nav--primary")
    assert nav is not None
    links = [a.get_text(" ", strip=True) for a in nav.select("a")]
    assert any(text.startswith("Lịch") for text in links), links
    assert not [t for t in links if "dữ liệu mẫu" in t or "Giỗ Tổ" in t], links


def header(built: BuildResult, page: str) -> Tag:
    article = built.soup(f"lich/{page}/index.html").select_one("article")
    assert article is not None
    h1 = article.find("h1")
    assert isinstance(h1, Tag)
    block = h1.find_next_sibling("div")
    assert isinstance(block, Tag) and "langso-event" in block.get("class", []), article
    return block


def dates(block: Tag) -> list[tuple[str, bool, str]]:
    """Each date shown (not a hidden spare): its ``data-langso-den``, whether it is marked
    past, and its text without the "(đã qua)" that shows only when it is."""
    found = []
    for li in block.select("li.langso-event__date:not([hidden])"):
        past = li.select_one(".langso-event__past")
        assert past is not None and past.get_text() == "(đã qua)"
        past.extract()
        text = " ".join(li.get_text(" ").split())
        found.append((str(li["data-langso-den"]), "langso-past" in li.get("class", []), text))
    return found


def facts(block: Tag) -> dict[str, str]:
    return {
        div.dt.get_text(): " ".join(div.dd.get_text().split())
        for div in block.select("dl.langso-event__facts > div")
    }


def google(block: Tag) -> dict[str, list[str]]:
    link = block.select("a.langso-event-action")[1]
    assert link.get_text() == "Google Lịch"
    parts = urlsplit(str(link["href"]))
    assert (parts.scheme, parts.netloc, parts.path) == (
        "https",
        "calendar.google.com",
        "/calendar/render",
    )
    return parse_qs(parts.query)


def test_a_festival_page_gives_its_next_dates_its_source_and_both_calendar_links(
    built: BuildResult,
) -> None:
    block = header(built, "gio-to")
    assert block.select_one(".langso-event__kind").get_text() == "Lễ hội, ngày lễ"
    assert block.h2.get_text() == "Lần tới"
    assert block.h3.get_text() == "Những lần sau"
    assert dates(block) == [
        ("2027-04-16", False, "Thứ Sáu, 16/04/2027 Âm lịch: mùng 10 tháng Ba năm Đinh Mùi"),
        ("2028-04-04", False, "Thứ Ba, 04/04/2028 Âm lịch: mùng 10 tháng Ba năm Mậu Thân"),
        ("2029-04-23", False, "Thứ Hai, 23/04/2029 Âm lịch: mùng 10 tháng Ba năm Kỷ Dậu"),
    ]
    assert facts(block) == {
        "Lặp lại": "Hằng năm vào mùng 10 tháng Ba âm lịch",
        "Giờ": "Cả ngày",
        "Nguồn của ngày": "vbpl.vn",
    }
    source = block.select_one("dl a")
    assert source is not None and source["href"] == VBPL
    ics = block.select("a.langso-event-action")[0]
    assert (ics["href"], ics.get_text()) == ("../gio-to.ics", "Thêm vào lịch")
    assert google(block) == {
        "action": ["TEMPLATE"],
        "text": ["Giỗ Tổ Hùng Vương"],
        "dates": ["20270416/20270417"],
        "details": [
            "Ngày nghỉ lễ theo Bộ luật Lao động 2019, Điều 112.\n\n"
            "https://example.github.io/lang-phu-my/lich/gio-to/"
        ],
    }
    hint = block.select_one(".langso-event__hint")
    assert hint is not None and hint.get_text() == (
        "“Google Lịch” chỉ thêm lần gần nhất. “Thêm vào lịch” thêm các lần trong 10 năm tới."
    )


def test_a_lunar_day_30_in_a_29_day_month_is_kept_on_the_29th_and_said(
    built: BuildResult,
) -> None:
    """The Chạp (12th month) of Bính Ngọ, Đinh Mùi and Mậu Thân has 29 days: Tết of the next
    year comes the day after the 29th (06/02/2027, 26/01/2028, 13/02/2029)."""
    block = header(built, "tat-nien")
    note = " Tháng thiếu: ngày 30 tính là ngày 29."
    assert dates(block) == [
        (
            "2027-02-05",
            False,
            f"Thứ Sáu, 05/02/2027 Âm lịch: ngày 29 tháng Chạp năm Bính Ngọ{note}",
        ),
        ("2028-01-25", False, f"Thứ Ba, 25/01/2028 Âm lịch: ngày 29 tháng Chạp năm Đinh Mùi{note}"),
        (
            "2029-02-12",
            False,
            f"Thứ Hai, 12/02/2029 Âm lịch: ngày 29 tháng Chạp năm Mậu Thân{note}",
        ),
    ]
    assert google(block)["dates"] == ["20270205T160000/20270205T160000"]
    assert google(block)["ctz"] == ["Asia/Ho_Chi_Minh"]


def test_a_past_one_off_event_keeps_its_page_and_says_it_is_over(built: BuildResult) -> None:
    block = header(built, "da-qua")
    assert block.h2.get_text() == "Ngày diễn ra"
    assert dates(block) == [
        ("2026-11-28", True, "Thứ Bảy, 28/11/2026 Âm lịch: ngày 20 tháng Mười năm Bính Ngọ"),
    ]
    assert "da-qua" not in built.read("lich/index.html")


def test_weekly_and_several_day_events_say_how_and_link_google_with_its_rule(
    built: BuildResult,
) -> None:
    weekly = header(built, "the-duc")
    assert [d[0] for d in dates(weekly)] == ["2026-12-05", "2026-12-12", "2026-12-19"]
    assert facts(weekly)["Lặp lại"] == "Hằng tuần vào Thứ Bảy, từ 01/12/2026, đến hết 31/12/2026"
    assert google(weekly)["recur"] == ["RRULE:FREQ=WEEKLY;BYDAY=SA;UNTIL=20261231"]
    assert google(weekly)["dates"] == ["20261205T053000/20261205T053000"]
    assert weekly.select_one(".langso-event__hint") is None
    # For the reader's clock (events_parts.html): every date carries its own Google link, and
    # a spare one waits hidden; the page says how many later dates to show.
    assert weekly["data-langso-repeats"] == "2"
    spare = weekly.select("li.langso-event__date[hidden]")
    assert [li["data-langso-den"] for li in spare] == ["2026-12-26"]
    own = [
        parse_qs(urlsplit(str(li["data-langso-google"])).query)["dates"]
        for li in weekly.select("li.langso-event__date")
    ]
    assert own == [
        ["20261205T053000/20261205T053000"],
        ["20261212T053000/20261212T053000"],
        ["20261219T053000/20261219T053000"],
        ["20261226T053000/20261226T053000"],
    ]

    several = header(built, "hoi-xuan")  # no "# heading": the theme's <h1> comes first
    assert dates(several) == [
        (
            "2026-12-17",
            False,
            "Thứ Ba, 15/12/2026 đến Thứ Năm, 17/12/2026"
            " Âm lịch: mùng 7 tháng Mười Một năm Bính Ngọ",
        ),
    ]
    assert facts(several) == {
        "Giờ": "Cả ngày",
        "Địa điểm": "Sân nhà văn hóa & sân bóng <b>thôn</b>",
    }
    assert google(several)["dates"] == ["20261215/20261218"]
    assert google(several)["location"] == ["Sân nhà văn hóa & sân bóng <b>thôn</b>"]


def test_the_ics_files_are_read_by_two_parsers_with_the_expected_dates(
    built: BuildResult,
) -> None:
    names = sorted(p.name for p in (built.site_dir / "lich").glob("*.ics"))
    assert names == [
        "cho-phien.ics",
        "da-qua.ics",
        "gio-to.ics",
        "hoi-xuan.ics",
        "hop-thon.ics",
        "lich.ics",
        "tat-nien.ics",
        "the-duc.ics",
        "tiem-chung.ics",
    ]
    for name in names:
        text = built.read(f"lich/{name}")
        icalendar.Calendar.from_ical(text)
        vobject.readOne(text)

    def starts(name: str) -> list[dt.date]:
        """The first day of every VEVENT and RDATE of ``name``, sorted."""
        calendar = icalendar.Calendar.from_ical(built.read(f"lich/{name}"))
        found: list[dt.date] = []
        for event in calendar.walk("VEVENT"):
            found.append(day_of(event.decoded("DTSTART")))
            rdates = event.get("RDATE", [])
            for rdate in rdates if isinstance(rdates, list) else [rdates]:
                found += [day_of(period.dt) for period in rdate.dts]
        return sorted(found)

    # A yearly lunar festival: ten years of dates (ics.LUNAR_YEARS), in its file and the feed.
    assert starts("gio-to.ics")[:3] == [
        dt.date(2027, 4, 16),
        dt.date(2028, 4, 4),
        dt.date(2029, 4, 23),
    ]
    assert starts("gio-to.ics")[-1] == dt.date(2036, 4, 6)
    assert len(starts("gio-to.ics")) == 10
    assert starts("tat-nien.ics")[:2] == [dt.date(2027, 2, 5), dt.date(2028, 1, 25)]
    assert starts("tat-nien.ics")[-1] == dt.date(2036, 1, 27)
    assert len(starts("tat-nien.ics")) == 10
    assert starts("lich.ics").count(dt.date(2036, 4, 6)) == 1
    assert starts("cho-phien.ics")[-1] < dt.date(2027, 12, 1)  # markets: months_ahead only
    assert starts("cho-phien.ics")[:3] == [
        dt.date(2026, 12, 9),
        dt.date(2026, 12, 23),
        dt.date(2027, 1, 8),
    ]
    vaccine = next(
        iter(icalendar.Calendar.from_ical(built.read("lich/tiem-chung.ics")).walk("VEVENT"))
    ).decoded("DTSTART")
    assert isinstance(vaccine, dt.datetime)
    assert vaccine.replace(tzinfo=None) == dt.datetime(2026, 12, 12, 7, 30)
    assert vaccine.utcoffset() == dt.timedelta(hours=7)
    weekly = icalendar.Calendar.from_ical(built.read("lich/the-duc.ics"))
    rule = next(iter(weekly.walk("VEVENT")))["RRULE"]
    assert (rule["FREQ"], rule["BYDAY"]) == (["WEEKLY"], ["SA"])
    whole = icalendar.Calendar.from_ical(built.read("lich/lich.ics"))
    summaries = {str(e["SUMMARY"]) for e in whole.walk("VEVENT")}
    assert "Giỗ Tổ Hùng Vương" in summaries and "Phiên chợ Phú Mỹ (dữ liệu mẫu)" in summaries


def day_of(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def test_a_hand_written_agenda_is_an_error_at_its_file(make_site: SiteFactory) -> None:
    root = events_site(make_site, {"content/lich/index.md": "# Lịch của tôi\n"})
    result = build_site(root)
    assert not result.ok
    assert (
        "content/lich/index.md: tệp này chiếm địa chỉ `content/lich/index.md`, nơi lịch tự sinh"
        " trang lịch hoặc tệp `.ics` — xóa hoặc đổi tên tệp này: trang lịch `lich/index.md` và"
        " các tệp `.ics` được tạo tự động từ các trang sự kiện\n"
        "    (en) this file takes `content/lich/index.md`, where the calendar generates its"
        " agenda or an `.ics` file — delete or rename this file: the agenda `lich/index.md` and"
        " the `.ics` files are generated from the event pages"
    ) in result.messages, result.text()


def test_an_event_page_whose_ics_takes_the_whole_calendar_is_an_error(
    make_site: SiteFactory,
) -> None:
    page = EVENTS["content/lich/tiem-chung.md"]
    root = events_site(make_site, {"content/lich/lich.md": page})
    result = build_site(root)
    assert not result.ok
    assert any(
        m.startswith("content/lich/lich.md: tệp này chiếm địa chỉ `content/lich/lich.ics`")
        for m in result.messages
    ), result.text()


def test_no_events_still_gives_an_agenda(make_site: SiteFactory) -> None:
    root = make_site(files=NO_DATA, config={"plugins": PLUGINS})
    result = build_site(root)
    assert result.ok, result.text()
    soup = BeautifulSoup(result.read("lich/index.html"), "html.parser")
    none = soup.select_one(".langso-agenda__none")
    assert none is not None and none.get_text() == "Chưa có ngày nào sắp tới, đến hết 29/11/2027."
    assert not none.has_attr("hidden")
    icalendar.Calendar.from_ical(result.read("lich/lich.ics"))


def check_lines(root: Path) -> list[str]:
    """What ``langso check`` lists for the site in ``root``, one Vietnamese line a problem."""
    result = check_site(str(root / "mkdocs.yml"))
    return [finding.line("vi") for finding in result.findings]


def test_an_event_page_not_in_utf8_is_reported_once_and_never_a_traceback(
    make_site: SiteFactory,
) -> None:
    """A page saved as UTF-16 (Notepad's "Unicode") is ``langso/content``'s message, said once;
    the events plugin skips it (no ``UnicodeDecodeError``) and the other events go on."""
    root = events_site(make_site)
    text = EVENTS["content/lich/tiem-chung.md"]
    assert text is not None
    (root / "content/lich/hop-utf16.md").write_bytes(text.encode("utf-16"))
    found = check_lines(root)
    about = [line for line in found if "hop-utf16" in line]
    assert about == [
        "content/lich/hop-utf16.md: tệp không phải văn bản UTF-8: tệp được lưu bằng bảng mã"
        " UTF-16 (Unicode) — lưu lại tệp với bảng mã UTF-8, ví dụ trong Notepad: File > Save As,"
        " ô Encoding chọn UTF-8, rồi Save (trong VS Code: bấm tên bảng mã ở góc dưới, Save with"
        " Encoding > UTF-8)"
    ], found
    assert len(found) == 1, found


def test_one_bad_event_is_the_only_message_and_the_agenda_link_still_resolves(
    make_site: SiteFactory,
) -> None:
    """A mistake in one event page is the one message of ``langso check``: the agenda and the
    ``.ics`` files of the valid events are still generated, so ``content/index.md``'s link to
    ``lich/index.md`` is no (false) second error."""
    bad = '---\ntitle: Hội làng (thử)\nloai: lễ hội\nngay_am: "31/3"\n---\n\n# Hội làng\n'
    root = events_site(make_site, {"content/lich/hoi-lang.md": bad})
    found = check_lines(root)
    assert len(found) == 1 and found[0].startswith("content/lich/hoi-lang.md:"), found
    result = build_site(root)  # the real build still stops at it
    assert not result.ok
