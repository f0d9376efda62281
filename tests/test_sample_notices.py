"""The sample village's notices (``content/thong-bao``) and events (``content/lich``): they load
without a problem, say they are sample data, fall on the days issue 15 asks for, and their
picture and PDF are the ones ``build_tools/make_notice_samples.py`` makes."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from PIL import Image

from langso.clock import VIETNAM_TIME
from langso.notices.loa import load_schedule
from langso.notices.loading import load_notices
from langso.notices.model import Notice
from tests.conftest import REPO

CONTENT = REPO / "content"
NOW = dt.datetime(2026, 11, 30, 7, 0, tzinfo=VIETNAM_TIME)  # the tests' build day (conftest)
OFFICIAL_DATE_SOURCES = (
    "https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=139264",  # Bộ luật Lao động 2019
)


def pages(folder: str) -> list[tuple[str, str]]:
    return [
        (path.relative_to(CONTENT).as_posix(), path.read_text(encoding="utf-8"))
        for path in sorted((CONTENT / folder).glob("*.md"))
    ]


@pytest.fixture(scope="module")
def notices() -> list[Notice]:
    found, problems = load_notices(pages("thong-bao"), "content", CONTENT, NOW)
    assert [p.format() for p in problems] == []
    return found


def test_the_sample_notices_are_marked_and_cover_every_kind(notices: list[Notice]) -> None:
    assert len(notices) == 9
    assert all(n.title.endswith("(dữ liệu mẫu)") for n in notices)
    assert {n.kind.key for n in notices} == {
        "khan-cap",
        "cat-dien",
        "tiem-chung",
        "hop-thon",
        "thu-phi",
        "viec-lam",
        "loa",
        "chung",
    }
    assert all(n.poster in {"Trưởng thôn", "Nhân viên y tế thôn"} for n in notices)


def test_the_sample_notices_fall_on_the_days_issue_15_asks_for(notices: list[Notice]) -> None:
    first = dt.datetime(2026, 11, 18, tzinfo=VIETNAM_TIME)
    assert all(first <= n.posted < dt.datetime(2026, 11, 30, tzinfo=VIETNAM_TIME) for n in notices)
    expired = [n.src_uri for n in notices if n.is_expired(NOW)]
    assert expired == ["thong-bao/2026-11-18-dang-ky-giong-lua-vu-xuan.md"]
    (urgent,) = [n for n in notices if n.urgent]
    assert urgent.expires == dt.datetime(2026, 12, 10, 23, 59, 59, tzinfo=VIETNAM_TIME)
    loa = sorted((n.posted.day, n.posted.time()) for n in notices if n.kind.key == "loa")
    assert loa == [(28, dt.time(5, 30)), (29, dt.time(17, 0))]
    ends = {n.expires.strftime("%Y-%m") for n in notices if n.expires and not n.urgent}
    assert ends == {"2026-11", "2026-12", "2027-01"}


def test_the_meeting_notice_has_its_picture_and_pdf(notices: list[Notice]) -> None:
    (meeting,) = [n for n in notices if n.kind.key == "hop-thon"]
    assert meeting.image == "anh/thong-bao/giay-moi-hop-thon-thang-12.webp"
    assert [(a.path, a.type) for a in meeting.attachments] == [
        ("tep/giay-moi-hop-thon-thang-12.pdf", "pdf")
    ]


def test_the_samples_hold_no_phone_number_but_the_sample_and_emergency_ones() -> None:
    texts = [text for _, text in pages("thong-bao") + pages("lich")]
    numbers = {m for text in texts for m in re.findall(r"\b0\d[\d ]{7,}\d\b", text)}
    assert {n for n in numbers if not n.startswith("0300 000 0")} == set()


def test_the_loudspeaker_schedule_loads() -> None:
    schedule, problems = load_schedule(
        CONTENT / "thong-bao" / "loa.yml", "content/thong-bao/loa.yml"
    )
    assert problems == []
    assert schedule is not None
    assert [(b.time, b.days) for b in schedule.broadcasts] == [
        (dt.time(5, 30), tuple(range(7))),
        (dt.time(17, 0), tuple(range(7))),
    ]


def test_the_sample_events_load_and_real_dates_cite_the_law() -> None:
    loading = pytest.importorskip("langso.events.loading")
    events, problems = loading.load_events(pages("lich"), "content")
    assert [p.format() for p in problems] == []
    by_stem = {Path(e.src_uri).stem: e for e in events}
    assert sorted(by_stem) == [
        "gio-to-hung-vuong",
        "hop-thon-hang-thang",
        "phien-cho-la-thon",
        "tet-nguyen-dan",
        "tiem-chung-15-12-2026",
    ]
    tet, hung = by_stem["tet-nguyen-dan"].rule, by_stem["gio-to-hung-vuong"].rule
    assert (tet.how, tet.lunar_month, tet.days) == ("lunar-yearly", 1, (1,))
    assert (hung.how, hung.lunar_month, hung.days) == ("lunar-yearly", 3, (10,))
    for stem in ("tet-nguyen-dan", "gio-to-hung-vuong"):
        assert by_stem[stem].source_url in OFFICIAL_DATE_SOURCES
    for stem, event in by_stem.items():
        assert event.title.endswith("(dữ liệu mẫu)") is (event.source_url is None), stem
    assert by_stem["phien-cho-la-thon"].rule.days == (1, 15)
    assert by_stem["tiem-chung-15-12-2026"].rule.date == dt.date(2026, 12, 15)


# --- the picture and the PDF ---------------------------------------------------------------------


def script() -> ModuleType:
    path = REPO / "build_tools" / "make_notice_samples.py"
    spec = importlib.util.spec_from_file_location("make_notice_samples", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pdf_text(path: Path) -> tuple[int, str]:
    document = pdfium.PdfDocument(str(path))
    try:
        return len(document), document[0].get_textpage().get_text_range()
    finally:
        document.close()


def test_the_script_makes_a_marked_picture_and_a_one_page_pdf(tmp_path: Path) -> None:
    make = script()
    assert make.main([str(tmp_path / "a")]) == 0
    assert make.main([str(tmp_path / "b")]) == 0
    for name in (make.PICTURE, make.DOCUMENT):
        made = (tmp_path / "a" / name).read_bytes()
        assert made == (tmp_path / "b" / name).read_bytes()  # deterministic
        assert 0 < len(made) <= make.LIMIT
        assert (CONTENT / name).stat().st_size <= make.LIMIT
    with Image.open(tmp_path / "a" / make.PICTURE) as picture:
        assert (picture.format, picture.size) == ("WEBP", (960, 720))
    pages_count, text = pdf_text(tmp_path / "a" / make.DOCUMENT)
    assert pages_count == 1
    flat = " ".join(text.split())
    for words in ("GIẤY MỜI HỌP THÔN", "DỮ LIỆU MẪU", "19 giờ 30, tối Thứ Bảy, ngày 05/12/2026"):
        assert words in flat
    assert pdf_text(CONTENT / make.DOCUMENT)[0] == 1
