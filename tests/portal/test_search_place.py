"""A place name alone finds a village's home, not every page of the village (issue 17, round
3): a commune volunteer's portal of two villages of xã Yên Định, where "dinh" listed all 14
pages (every doc's place says "Yên Định") and "tan ngu" each village page of Tân Ngữ (Lịch,
Bản đồ, Biển mã QR). The script agrees with Python on the same index (Node)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from langso.portal.model import VillageResult
from langso.portal.search import first_query_plan, run_query, write_search
from langso.portal.site import search_docs
from tests.portal.summaries import make_summary
from tests.portal.test_search import PRELUDE, run_node


def village(name: str, slug: str) -> VillageResult:
    """A village as a commune writes it: home, calendar, map, QR plaques, its đình, its pagoda
    and the commune's health station."""
    summary = make_summary(
        name,
        landmarks=[
            (f"Đình làng {name}", f"dia-diem/dinh-lang-{slug}/"),
            (f"Chùa {name}", f"dia-diem/chua-{slug}/"),
        ],
        pages=[
            (f"Làng số {name}", "", f"Sổ tay làng số của làng {name}, xã Yên Định.", []),
            ("Lịch", "lich/", "Lịch họp, lịch tiêm chủng và ngày lễ trong năm.", ["Tháng này"]),
            ("Bản đồ", "ban-do/", "Các địa điểm của làng trên bản đồ.", []),
            ("Biển mã QR", "bien-qr/", "Biển gắn mã QR ở các địa điểm.", ["In biển"]),
            (
                f"Đình làng {name}",
                f"dia-diem/dinh-lang-{slug}/",
                "Nơi thờ Thành hoàng làng.",
                ["Lịch sử", "Lễ hội"],
            ),
            (f"Chùa {name}", f"dia-diem/chua-{slug}/", "Ngôi chùa cổ của làng.", ["Giờ mở cửa"]),
            ("Trạm y tế xã Yên Định", "danh-ba/tram-y-te-xa-yen-dinh/", "Khám bệnh.", []),
        ],
    )
    key = f"yen-dinh-{slug}"
    return VillageResult(key, key, summary, summary["dia_chi"], "moi", None, None)


QUERIES = ["dinh", "đình", "tan ngu", "tram y te tan ngu", "la thon", "lich tan ngu", "yen"]
QUERIES += ["ban do", "ban do la thon", "bien ma qr tan ngu", "xa yen dinh", "tan ng"]


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("yen-dinh")
    docs = search_docs([village("Là Thôn", "la-thon"), village("Tân Ngữ", "tan-ngu")])
    assert len(docs) == 14
    write_search(docs, folder)
    return folder


def found(out: Path, query: str) -> list[str]:
    """``"<title> @ <village slug>"`` of each result, in order."""
    folder = out / "tim"
    ids = run_query(lambda name: json.loads((folder / name).read_bytes()), query)
    records = [
        json.loads((folder / "d" / f"{i // 16}.json").read_bytes())["d"][i % 16] for i in ids
    ]
    return [f"{r[0]} @ {r[1].split('/')[3]}" for r in records]


def test_a_commune_name_finds_what_says_it_and_the_village_homes(out: Path) -> None:
    expected = [
        "Đình làng Là Thôn @ la-thon",
        "Đình làng Tân Ngữ @ tan-ngu",
        "Trạm y tế xã Yên Định @ la-thon",
        "Trạm y tế xã Yên Định @ tan-ngu",
        "làng Là Thôn @ la-thon",
        "làng Tân Ngữ @ tan-ngu",
    ]
    assert found(out, "dinh") == found(out, "đình") == expected  # not Lịch, Bản đồ, Chùa…
    assert found(out, "xa yen dinh") == [
        "Trạm y tế xã Yên Định @ la-thon",
        "Trạm y tế xã Yên Định @ tan-ngu",
        "làng Là Thôn @ la-thon",
        "làng Tân Ngữ @ tan-ngu",
    ]


def test_a_village_name_finds_its_home_and_what_names_it(out: Path) -> None:
    # The pagoda and the đình say "Tân Ngữ" in their titles; Lịch, Bản đồ, QR only in place.
    tan_ngu = ["Chùa Tân Ngữ @ tan-ngu", "làng Tân Ngữ @ tan-ngu", "Đình làng Tân Ngữ @ tan-ngu"]
    assert found(out, "tan ngu") == tan_ngu
    assert found(out, "tan ng") == [*tan_ngu, "Lịch @ tan-ngu"]  # "ng…": its text says "ngày"
    assert found(out, "la thon") == [
        "Chùa Là Thôn @ la-thon",
        "làng Là Thôn @ la-thon",
        "Đình làng Là Thôn @ la-thon",
    ]


def test_a_place_name_still_narrows_a_query_that_names_the_page(out: Path) -> None:
    assert found(out, "tram y te tan ngu") == ["Trạm y tế xã Yên Định @ tan-ngu"]
    assert found(out, "ban do la thon") == ["Bản đồ @ la-thon"]
    assert found(out, "bien ma qr tan ngu") == ["Biển mã QR @ tan-ngu"]
    assert found(out, "lich tan ngu") == ["Đình làng Tân Ngữ @ tan-ngu", "Lịch @ tan-ngu"]
    assert found(out, "ban do") == ["Bản đồ @ la-thon", "Bản đồ @ tan-ngu"]
    assert found(out, "yen") == found(out, "dinh")[2:]


def test_the_script_finds_like_python_and_reads_the_planned_files(out: Path) -> None:
    source = (
        PRELUDE
        + f"""
const dir = {json.dumps(str(out / "tim"))};
const read = [];
const index = {{get: n => {{ if (!read.includes(n)) read.push(n);
  return Promise.resolve(JSON.parse(require("fs").readFileSync(dir + "/" + n))); }}}};
Promise.all(input.map(q => s.find(index, q))).then(found => out(found));
"""
    )
    folder = out / "tim"
    read = lambda name: json.loads((folder / name).read_bytes())  # noqa: E731
    assert run_node(source, QUERIES) == [run_query(read, q) for q in QUERIES]
    plan = first_query_plan(out, "tan ngu")
    assert [p.relative_to(folder).as_posix() for p in plan] == [
        "m.json",
        "t/ta.json",
        "t/ng.json",
        "d/0.json",
    ]
