"""The portal's home at a province's scale (issue 17, round 2): 1,000 villages in 166 communes.
Beyond :data:`HOME_CARDS_MAX` villages the home lists the communes (name, number of villages),
each linking to its page, instead of every village's card, and its first load (the page and the
stylesheets and scripts it loads, gzip as a host serves them) stays within 35 KB; up to that
number, the village cards as before."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from langso.portal.model import VillageResult
from langso.portal.site import HOME_CARDS_MAX, write_portal
from tests.portal.summaries import make_summary
from tests.portal.test_site import INFO, texts

COMMUNES = 166
VILLAGES = 1_000
BUDGET_BYTES = 35_000
_LOCAL = re.compile(r'(?:href|src)="([^":]+\.(?:css|js))"')


def province(villages: int, communes: int) -> list[VillageResult]:
    """``villages`` villages spread over ``communes`` communes (xã Số 001 …), each with a
    landmark and a sample health station, as the sources give them."""
    results = []
    for n in range(villages):
        commune = f"xã Số {n % communes + 1:03d}"
        name = f"Thôn {n + 1:04d}"
        summary = make_summary(name, commune, position=(19.5 + n / 5000, 105.5 + n / 5000))
        results.append(
            VillageResult(f"v{n:04d}", name, summary, summary["dia_chi"], "moi", None, None)
        )
    return results


def first_load(out: Path) -> int:
    """Gzip bytes of the home and of every local stylesheet and script it loads."""
    html = (out / "index.html").read_bytes()
    assets = sorted(set(_LOCAL.findall(html.decode("utf-8"))))
    return len(gzip.compress(html, 9)) + sum(
        len(gzip.compress((out / a).read_bytes(), 9)) for a in assets
    )


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("province")
    write_portal(out, INFO, province(VILLAGES, COMMUNES))
    return out


def home(out: Path) -> Any:
    return BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")


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
    commune = BeautifulSoup((big / "xa/so-001/index.html").read_text("utf-8"), "html.parser")
    assert len(commune.select(".p-card")) == 7


def test_up_to_the_threshold_the_home_shows_the_village_cards(tmp_path: Path) -> None:
    write_portal(tmp_path / "few", INFO, province(HOME_CARDS_MAX, 3))
    assert len(home(tmp_path / "few").select(".p-card")) == HOME_CARDS_MAX
    assert home(tmp_path / "few").select(".p-communes") == []
    write_portal(tmp_path / "many", INFO, province(HOME_CARDS_MAX + 1, 3))
    assert home(tmp_path / "many").select(".p-card") == []
    assert len(home(tmp_path / "many").select(".p-communes a")) == 3
