"""The portal at a province's scale (issue 17, rounds 2 and 3): 1,000 villages in 166 communes.
Beyond :data:`HOME_CARDS_MAX` villages the home lists the communes (name, number of villages),
each linking to its page, instead of every village's card, and its first load (the page and the
stylesheets and scripts it loads, gzip as a host serves them) stays within 35 KB; up to that
number, the village cards as before. With 20 services a village, a category page lists the
communes that have some, each linking to ``loai/<category>/<commune>/`` (that commune's entries by
village), and every page written stays within 35 KB."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from langso.portal.model import VillageResult
from langso.portal.site import HOME_CARDS_MAX, PortalStats, write_portal
from tests.portal.summaries import make_summary
from tests.portal.test_site import INFO, texts

COMMUNES = 166
VILLAGES = 1_000
BUDGET_BYTES = 35_000
_LOCAL = re.compile(r'(?:href|src)="([^":]+\.(?:css|js))"')


# 20 services a village over the starter's categories (plugins/langso/starter/categories.yml.j2).
TWENTY = ["y-te"] * 5 + ["cua-hang"] * 4 + ["an-uong"] * 3
TWENTY += ["hanh-chinh", "cong-an", "buu-dien", "cho", "nha-van-hoa", "cong-nghe-so", "dien"]
TWENTY += ["vat-tu-nong-nghiep"]


def services_of(name: str, n: int) -> list[tuple[str, str, str]]:
    """Twenty services of the village ``name`` (the ``n``-th), with made-up numbers."""
    return [
        (f"Điểm {cat} số {i + 1} {name}", cat, f"0300 {n:03d} {i:03d}")
        for i, cat in enumerate(TWENTY)
    ]


def province(villages: int, communes: int, services: int = 1) -> list[VillageResult]:
    """``villages`` villages spread over ``communes`` communes (xã Số 001 …), each with a
    landmark and a sample health station (``services=20``: :func:`services_of`), as the
    sources give them."""
    results = []
    for n in range(villages):
        commune = f"xã Số {n % communes + 1:03d}"
        name = f"Thôn {n + 1:04d}"
        more: dict[str, Any] = {"services": services_of(name, n)} if services == 20 else {}
        position = (19.5 + n / 5000, 105.5 + n / 5000)
        summary = make_summary(name, commune, position=position, **more)
        results.append(
            VillageResult(f"v{n:04d}", name, summary, summary["dia_chi"], "moi", None, None)
        )
    return results


def first_load(out: Path, page: str = "index.html") -> int:
    """Gzip bytes of the page ``page`` (path under ``out``) and of every local stylesheet and
    script it loads (relative, or under the portal's path ``/cong/`` as on the 404 page)."""
    html = (out / page).read_bytes()
    assets = sorted(set(_LOCAL.findall(html.decode("utf-8"))))
    where = (out / page).parent
    paths = [out / a.removeprefix("/cong/") if a.startswith("/") else where / a for a in assets]
    return len(gzip.compress(html, 9)) + sum(len(gzip.compress(p.read_bytes(), 9)) for p in paths)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("province")
    write_portal(out, INFO, province(VILLAGES, COMMUNES))
    return out


def home(out: Path, page: str = "index.html") -> Any:  # bs4 types every lookup as optional
    return BeautifulSoup((out / page).read_text(encoding="utf-8"), "html.parser")


def test_a_province_home_lists_communes_not_villages_and_stays_light(big: Path) -> None:
    page = home(big)
    assert page.select(".p-card") == []
    lines = page.select(".p-communes a")
    assert len(lines) == COMMUNES
    assert [(a.get_text(" ", strip=True), a["href"]) for a in lines[:2]] == [
        ("xã Số 001 7 làng", "xa/so-001/"),
        ("xã Số 002 7 làng", "xa/so-002/"),
    ]
    assert texts(lines[-1:]) == ["xã Số 166 6 làng"]
    assert texts(page.select("main h2")) == ["Các xã"]
    assert texts(page.select(".p-head__what")) == [
        "Sổ tay số của 1000 làng ở 166 xã: tìm địa điểm, dịch vụ, số điện thoại."
    ]
    assert first_load(big) <= BUDGET_BYTES, first_load(big)
    commune = home(big, "xa/so-001/index.html")
    assert len(commune.select(".p-card")) == 7


def test_up_to_the_threshold_the_home_shows_the_village_cards(tmp_path: Path) -> None:
    write_portal(tmp_path / "few", INFO, province(HOME_CARDS_MAX, 3))
    assert len(home(tmp_path / "few").select(".p-card")) == HOME_CARDS_MAX
    assert home(tmp_path / "few").select(".p-communes") == []
    write_portal(tmp_path / "many", INFO, province(HOME_CARDS_MAX + 1, 3))
    assert home(tmp_path / "many").select(".p-card") == []
    assert len(home(tmp_path / "many").select(".p-communes a")) == 3


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, PortalStats]:
    out = tmp_path_factory.mktemp("province20")
    return out, write_portal(out, INFO, province(VILLAGES, COMMUNES, services=20))


def test_a_province_category_lists_communes_each_on_a_page_of_its_own(
    full: tuple[Path, PortalStats],
) -> None:
    out, _ = full
    page = home(out, "loai/y-te/index.html")
    assert texts(page.select(".p-lead")) == ["5000 nơi trong 166 xã"]
    lines = page.select("main .p-communes a")
    assert [(a.get_text(" ", strip=True), a["href"]) for a in lines[:2]] == [
        ("xã Số 001 35", "so-001/"),
        ("xã Số 002 35", "so-002/"),
    ]
    assert len(lines) == COMMUNES and page.select(".p-item, .p-jump") == []
    one = home(out, "loai/y-te/so-001/index.html")
    assert texts(one.select("h1")) == ["Y tế – xã Số 001"]
    assert texts(one.select(".p-lead")) == ["35 nơi ở 7 làng · tỉnh Thanh Hóa"]
    assert [a["href"] for a in one.select(".p-crumbs a")] == [
        "../../../",
        "../../../loai/",
        "../../../loai/y-te/",
    ]
    assert one.select_one("a.p-button")["href"] == "../../../xa/so-001/"
    assert [a["href"] for a in one.select(".p-jump a")][:2] == ["#lang-v0000", "#lang-v0166"]
    assert texts(one.select("main h2")) == [f"làng Thôn {n + 1:04d}" for n in range(0, 1000, 166)]
    first = one.select("section")[0]
    assert texts(first.select(".p-item__name")) == [
        f"Điểm y-te số {i} Thôn 0001" for i in range(1, 6)
    ]
    assert first.select(".p-item__where") == []  # the village is the section's heading
    commune = home(out, "xa/so-001/index.html")
    hrefs = {a.contents[0].strip(): a["href"] for a in commune.select("#theo-loai + ul a")}
    assert hrefs["Y tế"] == "../../loai/y-te/so-001/"
    assert all("#" not in h for h in hrefs.values())
    for href in hrefs.values():
        assert (out / "xa/so-001" / href / "index.html").resolve().is_file(), href


def test_every_page_of_a_province_stays_within_the_first_load_budget(
    full: tuple[Path, PortalStats],
) -> None:
    out, stats = full
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    assert len(pages) == stats.pages + 1  # and 404.html
    heaviest = max(pages, key=lambda p: first_load(out, p))
    print(
        f"{stats.pages} pages, {stats.files} files; heaviest {heaviest}", first_load(out, heaviest)
    )
    assert first_load(out, heaviest) <= BUDGET_BYTES, (heaviest, first_load(out, heaviest))
    assert stats.files < 20_000  # Cloudflare Pages: 20,000 files a site


def test_the_category_pages_split_by_commune_only_beyond_the_threshold(tmp_path: Path) -> None:
    write_portal(tmp_path / "few", INFO, province(HOME_CARDS_MAX, 3))
    few = home(tmp_path, "few/loai/y-te/index.html")
    assert [a["href"] for a in few.select(".p-jump a")] == [
        "#xa-so-001",
        "#xa-so-002",
        "#xa-so-003",
    ]
    assert not (tmp_path / "few/loai/y-te/so-001").exists()
    commune = (tmp_path / "few/xa/so-001/index.html").read_text("utf-8")
    assert 'href="../../loai/y-te/#xa-so-001"' in commune
    results = province(HOME_CARDS_MAX + 1, 3)
    odd = make_summary("Lạc", "xã Chưa Rõ")  # its slug is the one of "no commune"
    lost = make_summary("Không Xã")
    lost["lang"]["xa"] = None  # read, but no commune known
    results += [
        VillageResult("lac", "lac", odd, odd["dia_chi"], "moi", None, None),
        VillageResult("khong-xa", "khong-xa", lost, lost["dia_chi"], "moi", None, None),
    ]
    write_portal(tmp_path / "many", INFO, results)
    many = home(tmp_path, "many/loai/y-te/index.html")
    lines = [(a.get_text(" ", strip=True), a["href"]) for a in many.select("main .p-communes a")]
    assert lines == [
        ("xã Chưa Rõ 1", "chua-ro/"),
        ("Chưa rõ xã 1", "chua-ro-x/"),
        ("xã Số 001 11", "so-001/"),
        ("xã Số 002 10", "so-002/"),
        ("xã Số 003 10", "so-003/"),
    ]
    for _, href in lines:
        page = (tmp_path / "many/loai/y-te" / href / "index.html").read_text("utf-8")
        assert ("Xem xã" in page) == (href != "chua-ro-x/"), href
    both = [
        (tmp_path / f"many/loai/y-te/{h}/index.html").read_text("utf-8")
        for h in ("chua-ro", "chua-ro-x")
    ]
    assert ["làng Lạc" in t for t in both] == [True, False]
    assert ["làng Không Xã" in t for t in both] == [False, True]
