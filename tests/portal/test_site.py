"""The portal site (``langso.portal.site``): the pages' exact text and links, hostile strings
escaped once, URLs joined to the village's address and checked, unavailable villages, and the
same bytes on a second run (issue 17, spec §4)."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from langso.portal.model import PortalInfo, VillageResult
from langso.portal.pages import safe_link
from langso.portal.site import search_docs, write_portal
from tests.portal.summaries import make_summary

INFO = PortalInfo("Cổng làng số xã Yên Định (dữ liệu mẫu)", "https://example.github.io/cong/")
HOSTILE = "<img src=x onerror=alert(1)>"


def village(
    key: str, summary: dict[str, Any] | None, status: str = "moi", **kw: Any
) -> VillageResult:
    base = kw.pop("base_url", summary["dia_chi"] if summary else None)
    read_on = kw.pop("read_on", date(2026, 12, 5) if summary else None)
    return VillageResult(key, kw.pop("source", key), summary, base, status, read_on, None)  # type: ignore[arg-type]


def villages() -> list[VillageResult]:
    return [
        village(
            "yen-dinh-la-thon",
            make_summary(
                "Là Thôn",
                former_commune="xã Định Long",
                former_district="huyện Yên Định",
                landmarks=[
                    ("Đình làng Là Thôn", "dia-diem/dinh-lang-la-thon/"),
                    ("Chùa Là Thôn", "dia-diem/chua-la-thon/"),
                ],
                services=[
                    ("Trạm y tế xã Yên Định", "y-te", "0300 000 001"),
                    ("Ủy ban nhân dân xã Yên Định", "hanh-chinh", "0300 000 002"),
                ],
                notices=[
                    ("Họp thôn", "2026-11-29", "thong-bao/hop-thon/", False),
                    ("Cắt điện", "2026-12-01", "thong-bao/cat-dien/", True),
                    ("Tiêm chủng", "2026-12-02", "thong-bao/tiem-chung/", False),
                ],
            ),
        ),
        village("yen-dinh-an-hoa", make_summary("An Hòa", position=(19.99, 105.6))),
        village(
            "yen-dinh-phu-my",
            make_summary("Phú Mỹ", position=(19.95, 105.62)),
            status="ban-luu",
            read_on=date(2026, 12, 3),
        ),
        village("dinh-tan-dong", make_summary("Đông", "xã Định Tân", position=(19.93, 105.7))),
        village("dinh-tan-bac", make_summary("Bắc", "xã Định Tân", position=(20.01, 105.68))),
        village(
            "yen-hoanh",
            None,
            status="loi",
            source="https://example.gitlab.io/yen-hoanh/",
        ),
    ]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("portal")
    write_portal(out, INFO, villages())
    return out


def soup(site: Path, path: str) -> Any:  # bs4 types every lookup as optional
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def texts(nodes: Any) -> list[str]:
    return [" ".join(node.get_text(" ", strip=True).split()) for node in nodes]


def test_home_shows_the_name_and_the_search_box_first_then_communes_in_order(site: Path) -> None:
    page = soup(site, "")
    assert page.title is not None and page.title.string == INFO.name
    assert texts(page.select("h1")) == [INFO.name]
    form = page.select_one("main > form.langso-portal-search")
    assert form is not None and form == page.select_one("main").find(True)  # first in <main>
    assert (form["role"], form["action"], form["data-index"]) == ("search", "tim-kiem/", "tim/")
    assert form.select_one("label[for=q]").get_text() == "Tìm trong mọi làng"
    assert form.select_one("input#q")["name"] == "q"
    assert page.select_one("div.langso-portal-results")["aria-live"] == "polite"
    assert texts(page.select(".p-quick a")) == ["Địa điểm & dịch vụ theo loại", "Bản đồ các làng"]
    # Communes by name (Định before Yên: "xã" aside), villages in Vietnamese order (Ă/Â/Đ rules).
    assert texts(page.select(".p-commune h3 > a")) == ["xã Định Tân", "xã Yên Định"]
    assert [a["href"] for a in page.select(".p-commune h3 > a")] == ["xa/dinh-tan/", "xa/yen-dinh/"]
    assert texts(page.select(".p-card__name")) == [
        "làng Bắc",
        "làng Đông",
        "làng An Hòa",
        "làng Là Thôn",
        "làng Phú Mỹ",
        "https://example.gitlab.io/yen-hoanh/",
    ]
    card = page.select(".p-card")[3]
    assert card.select_one(".p-card__name")["href"] == "lang/yen-dinh-la-thon/"
    site_link = card.select_one(".p-card__site")
    assert (site_link.get_text(), site_link["href"]) == (
        "Mở trang của làng",
        "https://example.github.io/la-thon/",
    )
    assert texts(card.select(".p-card__meta")) == ["2 địa điểm · 2 dịch vụ"]
    # What the site is, under its name; a hint that fits the box at the largest text.
    assert texts(page.select(".p-head__what")) == [
        "Sổ tay số của 6 làng ở 2 xã: tìm địa điểm, dịch vụ, số điện thoại."
    ]
    assert form.select_one("input#q")["placeholder"] == "Tìm: đình, chợ, y tế…"


def test_unavailable_villages_say_so_with_the_date_of_the_copy(site: Path) -> None:
    page = soup(site, "")
    statuses = {
        c.select_one(".p-card__name").get_text(): texts(c.select(".p-status"))
        for c in page.select(".p-card")
    }
    assert statuses["làng Phú Mỹ"] == ["Tạm thời không đọc được — bản lưu ngày 03/12/2026"]
    assert statuses["https://example.gitlab.io/yen-hoanh/"] == ["Chưa đọc được lần nào"]
    assert statuses["làng Là Thôn"] == []
    assert texts(page.select("#chua-doc")) == ["Làng chưa đọc được"]
    never = soup(site, "lang/yen-hoanh/")
    assert texts(never.select(".p-status")) == ["Chưa đọc được lần nào"]
    assert never.select(".p-button, .p-items") == []


def test_village_page_identity_notices_and_call_buttons(site: Path) -> None:
    page = soup(site, "lang/yen-dinh-la-thon/")
    assert texts(page.select("h1")) == ["làng Là Thôn"]
    facts = {
        dt.get_text(): dd.get_text()
        for dt, dd in zip(page.select("dt"), page.select("dd"), strict=True)
    }
    assert facts == {
        "Xã": "xã Yên Định",
        "Tỉnh": "tỉnh Thanh Hóa",
        "Trước đây": "xã Định Long, huyện Yên Định",
    }
    assert page.select_one(".p-facts a")["href"] == "../../xa/yen-dinh/"
    assert page.select_one("a.p-button")["href"] == "https://example.github.io/la-thon/"
    assert texts(page.select("h2")) == ["Thông báo", "Địa điểm", "Dịch vụ"]
    notices = page.select("h2 + ul")[0]
    # Urgent first, then newest first.
    assert texts(notices.select(".p-item__name")) == ["Cắt điện", "Tiêm chủng", "Họp thôn"]
    assert texts(notices.select(".p-item__text")) == [
        "Khẩn · 01/12/2026",
        "02/12/2026",
        "29/11/2026",
    ]
    calls = [(a.get_text(), a["href"]) for a in page.select("a.p-call")]
    assert calls == [
        ("Gọi 0300 000 001", "tel:+84300000001"),
        ("Gọi 0300 000 002", "tel:+84300000002"),
    ]
    assert [a["href"] for a in page.select(".p-item__name[href]")][3:] == [
        "https://example.github.io/la-thon/dia-diem/chua-la-thon/",
        "https://example.github.io/la-thon/dia-diem/dinh-lang-la-thon/",
        "https://example.github.io/la-thon/danh-ba/tram-y-te-xa-yen-dinh/",
        "https://example.github.io/la-thon/danh-ba/uy-ban-nhan-dan-xa-yen-dinh/",
    ]
    assert texts(page.select(".p-crumbs a")) == ["Trang chủ", "xã Yên Định"]


def test_commune_page_is_short_its_villages_then_a_line_a_category(site: Path) -> None:
    page = soup(site, "xa/yen-dinh/")
    assert texts(page.select("h1")) == ["xã Yên Định"]
    assert texts(page.select("main h2")) == ["Các làng", "Địa điểm và dịch vụ theo loại"]
    assert texts(page.select(".p-card__name")) == ["làng An Hòa", "làng Là Thôn", "làng Phú Mỹ"]
    # No landmark or service inline: each category is one line to that commune's section.
    assert page.select(".p-item, .p-jump") == []
    lines = [(a.get_text(" ", strip=True), a["href"]) for a in page.select(".p-links a")]
    assert lines == [
        ("Di tích – địa điểm 4", "../../loai/di-tich-dia-diem/#xa-yen-dinh"),
        ("Hành chính 1", "../../loai/hanh-chinh/#xa-yen-dinh"),
        ("Y tế 3", "../../loai/y-te/#xa-yen-dinh"),
    ]
    target = soup(site, "loai/y-te/").select_one("#xa-yen-dinh")
    assert target is not None and target.get_text() == "xã Yên Định"
    health = target.find_next("ul")
    assert texts(health.select(".p-item__where")) == [
        "làng An Hòa · xã Yên Định",
        "làng Là Thôn · xã Yên Định",
        "làng Phú Mỹ · xã Yên Định",
    ]


def test_category_page_lists_every_village_by_commune(site: Path) -> None:
    page = soup(site, "loai/y-te/")
    assert texts(page.select("h1")) == ["Y tế"]
    assert texts(page.select(".p-lead")) == ["5 nơi trong 2 xã"]
    assert [(a.get_text(), a["href"]) for a in page.select(".p-jump a")] == [
        ("xã Định Tân", "#xa-dinh-tan"),
        ("xã Yên Định", "#xa-yen-dinh"),
    ]
    assert texts(page.select("section h2")) == ["xã Định Tân", "xã Yên Định"]
    first = page.select("section")[0]
    assert texts(first.select(".p-item__name")) == ["Trạm y tế xã Định Tân"] * 2
    assert texts(first.select(".p-item__where")) == [
        "làng Bắc · xã Định Tân",
        "làng Đông · xã Định Tân",
    ]
    index = soup(site, "loai/")
    assert [(a.get_text(" ", strip=True), a["href"]) for a in index.select(".p-links a")][:3] == [
        ("Di tích – địa điểm 6", "di-tich-dia-diem/"),
        ("Hành chính 1", "hanh-chinh/"),
        ("Y tế 5", "y-te/"),
    ]


def test_search_page_works_without_javascript_as_a_note_and_links(site: Path) -> None:
    page = soup(site, "tim-kiem/")
    form = page.select_one("form.langso-portal-search")
    assert (form["action"], form["data-index"]) == ("../tim-kiem/", "../tim/")
    note = page.select_one(".p-nojs")
    assert note.get_text(" ", strip=True).startswith("Tìm kiếm cần JavaScript")
    assert [a["href"] for a in note.select("a")] == ["../", "../loai/"]


def test_map_page_lists_villages_with_a_position(site: Path) -> None:
    page = soup(site, "ban-do/")
    links = page.select("#portal-map-list a")
    assert [(a.contents[0], a["data-lat"], a["data-lon"]) for a in links][:2] == [
        ("làng Bắc", "20.01", "105.68"),
        ("làng Đông", "19.93", "105.7"),
    ]
    assert len(links) == 5  # every village read; the unread one has no position
    assert (site / "assets/leaflet/leaflet.js").is_file()


def test_no_map_page_without_positions(tmp_path: Path) -> None:
    write_portal(tmp_path, INFO, [village("a", make_summary("A", position=None))])
    assert not (tmp_path / "ban-do").exists()
    assert texts(soup(tmp_path, "").select(".p-quick a")) == ["Địa điểm & dịch vụ theo loại"]
    assert not (tmp_path / "assets/leaflet").exists()


def test_hostile_strings_are_escaped_exactly_once(tmp_path: Path) -> None:
    summary = make_summary(
        HOSTILE,
        commune="xã <b>Tân</b> & Hòa",
        landmarks=[(HOSTILE, "dia-diem/x/"), ("Hùng & Lan \"quote\" 'q'", "dia-diem/y/")],
        notices=[(HOSTILE, "2026-12-01", "thong-bao/x/", True)],
    )
    write_portal(tmp_path, PortalInfo(f"Cổng {HOSTILE}", None), [village("x", summary)])
    for path in ("", "lang/x/", "xa/b-tan-b-hoa/", "loai/di-tich-dia-diem/", "ban-do/"):
        raw = (tmp_path / path / "index.html").read_text(encoding="utf-8")
        assert "<img" not in raw and "<b>" not in raw, path
        assert "&amp;lt;" not in raw and "&amp;amp;" not in raw, path  # not twice
        assert "&lt;img src=x onerror=alert(1)&gt;" in raw, path
    page = soup(tmp_path, "lang/x/")
    assert texts(page.select("h1")) == [f"làng {HOSTILE}"]
    assert page.title.string == f"làng {HOSTILE} · Cổng {HOSTILE}"
    assert texts(page.select(".p-item__name")) == [
        HOSTILE,
        HOSTILE,
        "Hùng & Lan \"quote\" 'q'",
        "Trạm y tế xã <b>Tân</b> & Hòa",
    ]
    assert soup(tmp_path, "xa/b-tan-b-hoa/").h1.get_text() == "xã <b>Tân</b> & Hòa"


@pytest.mark.parametrize(
    ("base", "path", "expected"),
    [
        ("https://a.example/x/", "dia-diem/y/", "https://a.example/x/dia-diem/y/"),
        ("https://a.example/x", "", "https://a.example/x/"),
        ("http://a.example/", "q/1/", "http://a.example/q/1/"),
        ("https://a.example/x/", "javascript:alert(1)", None),
        ("https://a.example/x/", "JavaScript:alert(1)", None),
        ("https://a.example/x/", "//evil.example/x/", None),
        ("https://a.example/x/", "/x-other/", None),
        ("https://a.example/x/", "../y/", None),
        ("https://a.example/x/", "\\\\evil.example/", None),
        ("https://a.example/x/", "dia-diem/\ny/", None),
        ("https://a.example/x/", "data:text/html,hi", None),
        ("javascript:alert(1)//", "", None),
        ("ftp://a.example/", "x/", None),
        ("/relative/", "x/", None),
        (None, "x/", None),
    ],
)
def test_safe_link_joins_to_the_village_and_checks_the_scheme(
    base: str | None, path: str, expected: str | None
) -> None:
    assert safe_link(base, path) == expected


def test_hostile_urls_never_become_links(tmp_path: Path) -> None:
    summary = make_summary(
        "Ác",
        landmarks=[
            ("Một", "javascript:alert(1)"),
            ("Hai", "//evil.example/"),
            ("Ba", "dia-diem/ba/"),
        ],
        services=[("Bốn", "y-te", "0300 000 004")],
    )
    summary["dich_vu"][0]["dien_thoai"][0]["tel"] = "javascript:alert(1)"
    bad = village("ac", summary, base_url="javascript:alert(1)//")
    good = village("ac-2", make_summary("Ác Hai", landmarks=[("Năm", "javascript:x")]))
    write_portal(tmp_path, INFO, [bad, good])
    hrefs = [
        a["href"] for path in ("", "lang/ac/", "lang/ac-2/") for a in soup(tmp_path, path)("a")
    ]
    assert all(
        h.startswith(
            (
                "https://example.github.io/",
                "../",
                "tel:",
                "#",
                "lang/",
                "loai/",
                "xa/",
                "tim-kiem/",
                "ban-do/",
                "./",
            )
        )
        for h in hrefs
    ), hrefs
    assert not any("javascript" in h.lower() or "evil" in h for h in hrefs)
    page = soup(tmp_path, "lang/ac/")
    assert page.select("a.p-button, a.p-call") == []
    assert texts(page.select("span.p-item__name")) == ["Ba", "Hai", "Một", "Bốn"]
    assert texts(page.select(".p-calls")) == ["0300 000 004 Dữ liệu mẫu"]


def test_search_docs_cover_homes_landmarks_services_and_pages_once() -> None:
    docs = search_docs(villages())
    la_thon = [d for d in docs if d.village == "làng Là Thôn"]
    assert [(d.kind, d.title, d.url) for d in la_thon] == [
        ("lang", "làng Là Thôn", "https://example.github.io/la-thon/"),
        (
            "dia-diem",
            "Đình làng Là Thôn",
            "https://example.github.io/la-thon/dia-diem/dinh-lang-la-thon/",
        ),
        ("dia-diem", "Chùa Là Thôn", "https://example.github.io/la-thon/dia-diem/chua-la-thon/"),
        (
            "dich-vu",
            "Trạm y tế xã Yên Định",
            "https://example.github.io/la-thon/danh-ba/tram-y-te-xa-yen-dinh/",
        ),
        (
            "dich-vu",
            "Ủy ban nhân dân xã Yên Định",
            "https://example.github.io/la-thon/danh-ba/uy-ban-nhan-dan-xa-yen-dinh/",
        ),
    ]
    assert {d.commune for d in la_thon} == {"xã Yên Định"}
    # A landmark and its tim_kiem entry (same URL) are one doc with the words of both (its
    # headings too); the home page's tim_kiem entry ("" path) joins the village's home.
    assert la_thon[1].text == (
        "Di tích – địa điểm Đình làng Là Thôn (dữ liệu mẫu). Đình làng Là Thôn, làng Là Thôn."
        " Lịch sử"
    )
    assert la_thon[0].text == "tỉnh Thanh Hóa Sổ tay làng số của Là Thôn, xã Yên Định."
    assert not [d for d in docs if "yen-hoanh" in d.url]  # nothing read, nothing found


def test_search_docs_mark_the_services_of_sample_data() -> None:
    real = make_summary("Thật", services=[("Bưu điện Thật", "buu-dien", "0300 000 009")])
    real["dich_vu"][0]["du_lieu_mau"] = False
    docs = search_docs([*villages()[:1], village("that", real)])
    assert [(d.title, d.sample) for d in docs if d.sample or d.kind == "dich-vu"] == [
        ("Bưu điện Thật", False),
        ("Trạm y tế xã Yên Định", True),
        ("Ủy ban nhân dân xã Yên Định", True),
    ]


def test_same_bytes_on_a_second_run_whatever_the_order(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    stats = write_portal(first, INFO, villages())
    shuffled = villages()
    random.Random(7).shuffle(shuffled)
    assert write_portal(second, INFO, shuffled) == stats
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert [f for f in files if (first / f).read_bytes() != (second / f).read_bytes()] == []
    assert stats.pages == len([f for f in files if f.name == "index.html"])
    assert stats.files == len(files)
    assert stats.bytes == sum((first / f).stat().st_size for f in files)
    assert write_portal(first, INFO, villages()) == stats  # again over itself: same


def test_duplicate_keys_are_refused(tmp_path: Path) -> None:
    one = village("a", make_summary("A"))
    with pytest.raises(ValueError, match="trùng"):
        write_portal(tmp_path, INFO, [one, one])


def test_sample_services_say_so_by_the_name_and_by_the_call_buttons(site: Path) -> None:
    for path in ("lang/yen-dinh-la-thon/", "loai/y-te/", "loai/hanh-chinh/"):
        page = soup(site, path)
        services = [i for i in page.select(".p-item") if i.select(".p-call")]
        assert services, path
        for item in services:
            assert texts(item.select(".p-item__head > .p-sample")) == ["Dữ liệu mẫu"], path
            assert texts(item.select(".p-calls > .p-sample")) == ["Dữ liệu mẫu"], path
            head = item.select_one(".p-item__head")
            assert head.select_one(".p-item__name") is not None, path
    landmarks = soup(site, "loai/di-tich-dia-diem/")
    assert landmarks.select(".p-sample") == []  # landmarks carry no du_lieu_mau


def test_a_real_service_has_no_sample_mark(tmp_path: Path) -> None:
    summary = make_summary("Thật")
    summary["dich_vu"][0]["du_lieu_mau"] = False
    write_portal(tmp_path, INFO, [village("that", summary)])
    page = soup(tmp_path, "lang/that/")
    assert texts(page.select(".p-call")) == ["Gọi 0300 000 001"]
    assert page.select(".p-sample, .p-item__head") == []


def test_404_page_links_from_the_portal_path_at_any_depth(site: Path, tmp_path: Path) -> None:
    page: Any = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert texts(page.select("h1")) == ["Không tìm thấy trang"]
    assert page.title.string == f"Không tìm thấy trang · {INFO.name}"
    assert page.html["lang"] == "vi" and page.html["data-root"] == "/cong/"
    form = page.select_one("form.langso-portal-search")
    assert (form["action"], form.select_one("input")["name"]) == ("/cong/tim-kiem/", "q")
    assert [a["href"] for a in page.select("main .p-links a")] == ["/cong/", "/cong/loai/"]
    assert page.select_one("link[rel=stylesheet]")["href"] == ("/cong/assets/portal.css")
    assert all(
        (tag.get("href") or tag.get("src") or "/").startswith(("/cong/", "data:,"))
        for tag in page.select("[href], [src]")
    )
    assert "portal-search.js" not in str(page)  # light: the form is a plain GET
    # No address: the host's root.
    write_portal(tmp_path, PortalInfo("Cổng", None), villages()[:1])
    bare: Any = BeautifulSoup((tmp_path / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert bare.select_one("form")["action"] == "/tim-kiem/"


def test_a_second_run_removes_its_own_old_output_and_nothing_else(tmp_path: Path) -> None:
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    write_portal(out, INFO, villages())
    beside = out / "yen-dinh-la-thon" / "index.html"  # a village built by CI, beside
    beside.parent.mkdir()
    beside.write_text("làng", encoding="utf-8")
    (out / "ghi-chu.txt").write_text("của người khác", encoding="utf-8")
    kept = [v for v in villages() if v.key not in ("dinh-tan-dong", "dinh-tan-bac")]
    write_portal(out, INFO, kept)
    assert not (out / "lang/dinh-tan-dong").exists()
    assert not (out / "xa/dinh-tan").exists()
    assert (out / "lang/yen-dinh-la-thon/index.html").is_file()
    assert beside.read_text(encoding="utf-8") == "làng"
    assert (out / "ghi-chu.txt").is_file()
    # Exactly what a fresh run writes (search shards included), and the others' files.
    write_portal(fresh, INFO, kept)
    every = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    assert every == sorted(
        [
            *(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file()),
            Path("ghi-chu.txt"),
            Path("yen-dinh-la-thon/index.html"),
        ]
    )
