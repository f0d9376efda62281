"""The portal's sharded search (``langso.portal.search`` + ``assets/portal-search.js``): the
format, the ranking, the files a first query reads, and the script agreeing with Python on all
of it (Node here; ``test_search_browser.py`` in Chromium)."""

from __future__ import annotations

import json
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any

import pytest

from langso.portal.model import VillageResult
from langso.portal.search import (
    SearchDoc,
    bare_name,
    closest,
    decode_list,
    distance,
    encode_list,
    first_query_plan,
    query_words,
    run_query,
    suggest,
    write_search,
)
from langso.portal.site import search_docs
from langso.text import fold
from tests.portal.summaries import make_summary
from tests.search.test_fold_agreement import SCRIPT as VILLAGE_SCRIPT
from tests.search.test_fold_agreement import TABLE, latin_code_points, run_node

SCRIPT = str(package_files("langso.portal").joinpath("assets/portal-search.js"))


def doc(
    title: str,
    village: str = "Là Thôn",
    commune: str = "Yên Định",
    text: str = "",
    kind: str = "dia-diem",
) -> SearchDoc:
    slug = fold(title).replace(" ", "-")
    return SearchDoc(
        title,
        f"https://{fold(village).replace(' ', '')}.example.org/{slug}/",
        f"làng {village}",
        f"xã {commune}",
        text,
        kind,
    )


DOCS = [
    doc("Dinh dưỡng cho trẻ nhỏ", kind="trang"),
    doc("Đình làng Là Thôn"),
    doc("Đình làng Phú Mỹ", "Phú Mỹ", "Định Long"),
    doc("Đình làng Yên Hoành", "Yên Hoành", "Định Long"),
    doc("Chùa Phúc Hưng", text="Gần đình làng, mở cửa 6 giờ"),
    doc("Trạm y tế xã Yên Định", kind="dich-vu", text="Y tế"),
    doc("Trạm y tế xã Định Long", "Phú Mỹ", "Định Long", kind="dich-vu"),
    doc("Hướng dẫn cài VNeID", kind="trang"),
    doc("Định Long xưa và nay", "Phú Mỹ", "Định Long", kind="trang"),
    doc("<b>Miếu</b> & <script>x</script>", text="miếu cổ"),
    doc("Làng Là Thôn", kind="lang"),
]


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("portal")
    write_search(DOCS, folder)
    return folder


def titles(out: Path, query: str) -> list[str]:
    folder = out / "tim"
    ids = run_query(lambda name: json.loads((folder / name).read_bytes()), query)
    chunk = json.loads((folder / "m.json").read_bytes())["c"]
    return [
        json.loads((folder / "d" / f"{i // chunk}.json").read_bytes())["d"][i % chunk][0]
        for i in ids
    ]


def test_a_record_of_sample_data_has_a_fifth_item(tmp_path: Path) -> None:
    write_search(
        [
            SearchDoc(
                "Trạm y tế", "https://a.example/t/", "làng A", "xã B", "", "dich-vu", "", True
            ),
            SearchDoc("Bưu điện", "https://a.example/b/", "làng A", "xã B", "", "dich-vu"),
        ],
        tmp_path,
    )
    chunk = json.loads((tmp_path / "tim" / "d" / "0.json").read_bytes())
    assert chunk["d"] == [
        ["Bưu điện", "https://a.example/b/", 0, "dich-vu"],
        ["Trạm y tế", "https://a.example/t/", 0, "dich-vu", 1],
    ]
    assert json.loads((tmp_path / "tim" / "m.json").read_bytes())["v"] == 2  # place lists


def test_lists_round_trip_as_gaps_or_bitmaps() -> None:
    for ids in ([], [0], [0, 2, 3], [5, 40, 1041, 70000], list(range(0, 3000, 2)), [31, 32, 33]):
        assert decode_list(encode_list(ids)) == ids
    assert encode_list([0, 2, 3]) == "ABA"  # gaps 0, 1, 0
    assert encode_list([32]) == "hA"  # gap 32: 1·32 + 0
    assert encode_list(list(range(16))) == "!__8"  # 16 bits set: the bitmap is shorter


def test_the_manifest_is_versioned_and_the_bytes_are_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    stats = write_search(DOCS, first)
    write_search(list(reversed(DOCS)), second)
    names = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert all((first / n).read_bytes() == (second / n).read_bytes() for n in names)
    manifest = json.loads((first / "tim" / "m.json").read_bytes())
    assert manifest == {"v": 2, "n": 11, "c": 16, "k": manifest["k"]}
    assert "di" in manifest["k"]
    assert (stats.files, stats.docs) == (len(names), 11)
    dinh = json.loads((first / "tim" / "t" / "di.json").read_bytes())["dinh"]
    assert dinh[1] == ["đình", "định", "dinh"]  # forms by count: 3 "Đình", 2 "Định", 1 "Dinh"


def test_ranking(out: Path) -> None:
    assert titles(out, "dinh lang")[:3] == [
        "Đình làng Phú Mỹ",
        "Đình làng Là Thôn",
        "Đình làng Yên Hoành",
    ]
    # Every word in the title first; then one word in the title (shorter first); then the rest.
    assert titles(out, "dinh lang")[3:] == [
        "Làng Là Thôn",
        "Định Long xưa và nay",
        "Trạm y tế xã Yên Định",
        "Dinh dưỡng cho trẻ nhỏ",
        "Trạm y tế xã Định Long",
        "Chùa Phúc Hưng",
    ]  # not the guide nor the shrine: only their place (làng Là Thôn, xã Yên Định) says so
    # Accents typed: exact forms first (like the villages' search).
    assert titles(out, "đình")[:3] == [
        "Đình làng Phú Mỹ",
        "Đình làng Là Thôn",
        "Đình làng Yên Hoành",
    ]
    assert titles(out, "dinh dưỡng")[0] == "Dinh dưỡng cho trẻ nhỏ"
    assert titles(out, "định")[:3] == [
        "Định Long xưa và nay",
        "Trạm y tế xã Yên Định",
        "Trạm y tế xã Định Long",
    ]
    assert titles(out, "tram y te") == ["Trạm y tế xã Yên Định", "Trạm y tế xã Định Long"]
    assert titles(out, "vneid") == ["Hướng dẫn cài VNeID"]
    assert titles(out, "VNe") == ["Hướng dẫn cài VNeID"]  # the last word as a prefix
    assert titles(out, "vne cai") == []  # the others whole
    assert titles(out, "vneid c") == ["Hướng dẫn cài VNeID"]  # a last letter waits for more
    assert titles(out, "khong co") == []


def test_a_query_without_a_word_of_two_letters_reads_nothing(out: Path) -> None:
    assert first_query_plan(out, "") == []
    assert first_query_plan(out, "d") == []
    assert first_query_plan(out, " đ !") == []
    assert [p.relative_to(out).as_posix() for p in first_query_plan(out, "vneid")] == [
        "tim/m.json",
        "tim/t/vn.json",
        "tim/d/0.json",
    ]


def test_a_url_of_another_scheme_or_an_unknown_kind_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="only http"):
        write_search([SearchDoc("x", "javascript:alert(1)", "", "", "", "trang")], tmp_path)
    with pytest.raises(ValueError, match="kind"):
        write_search([SearchDoc("x", "a/", "", "", "", "cho")], tmp_path)


def fold_block(path: str) -> str:
    text = Path(path).read_text(encoding="utf-8")
    start = text.index("  // White space exactly as Python's str.isspace()")
    return text[start : text.index("\n  }\n", text.index("  function fold(", start)) + 5]


def test_the_fold_is_the_villages_fold_character_for_character() -> None:
    block = fold_block(SCRIPT)
    assert "function fold(text)" in block and "function strip(text)" in block
    assert block == fold_block(VILLAGE_SCRIPT)


PRELUDE = f"""
const s = require({json.dumps(SCRIPT)});
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = x => process.stdout.write(JSON.stringify(x));
"""


def test_the_script_folds_and_splits_like_python() -> None:
    texts = [*TABLE, *latin_code_points(), "Đình_làng Phú-Mỹ ＤÌNH ﬁn 12/3 VNeID", "a\u0306\u0323b"]
    folded, words = run_node(PRELUDE + "out([input.map(s.fold), input.map(s.queryWords)]);", texts)
    assert folded == [fold(t) for t in texts]
    expected = [query_words(t) for t in texts]
    assert words == [{"words": list(q.words), "forms": list(q.forms)} for q in expected]


def test_the_script_decodes_and_ranks_like_python(out: Path) -> None:
    queries = [
        "dinh lang",
        "đình",
        "định",
        "dinh dưỡng",
        "tram y te",
        "VNe",
        "lang",
        "mieu",
        "xa dinh",
        "d",
        "tram y",
        "huong d",
        "ap a b",
        "",
        "khong co",
        "la thon",
        "phu my dinh",
    ]
    lists = [[], [0], [0, 2, 3], [5, 40, 1041, 70000], list(range(0, 3000, 2))]
    source = (
        PRELUDE
        + f"""
const dir = {json.dumps(str(out / "tim"))};
const index = {{get: n => Promise.resolve(JSON.parse(require("fs").readFileSync(dir + "/" + n)))}};
Promise.all(input.queries.map(q => s.find(index, q)))
  .then(found => out([found, input.lists.map(s.decodeList)]));
"""
    )
    found, decoded = run_node(
        source, {"queries": queries, "lists": [encode_list(x) for x in lists]}
    )
    folder = out / "tim"
    assert found == [run_query(lambda n: json.loads((folder / n).read_bytes()), q) for q in queries]
    assert decoded == lists


def read_from(out: Path) -> Any:
    folder = out / "tim"
    return lambda name: json.loads((folder / name).read_bytes())


def test_edit_distance_counts_a_swap_of_neighbours_as_one() -> None:
    assert distance("lnag", "lang") == 1
    assert distance("tee", "te") == 1
    assert distance("tram", "tarm") == 1
    assert distance("huogn", "huong") == 1
    assert distance("dinh", "dihn") == 1
    assert distance("kitten", "sitting") == 3
    assert distance("ca", "abc") == 3  # swaps of neighbours only, no edit inside a swap
    assert distance("", "ab") == 2
    # Commonest first among the closest; 1 at most for 3 letters, else 2.
    assert closest("lnag", ["long", "lang", "lan"]) == "lang"
    assert closest("tee", ["the", "te", "tea"]) == "the"
    assert closest("xyz", ["xa"]) is None
    assert closest("dnhi", ["dinh"]) == "dinh"  # two swaps: 2


def test_a_misspelt_word_gets_the_closest_known_word(out: Path) -> None:
    read = read_from(out)
    assert suggest(read, "tram y tee") == "tram y te"
    assert suggest(read, "dinh lnag") == "dinh lang"
    assert suggest(read, "Đình lnag") == "đình lang"  # accents typed stay
    assert suggest(read, "tarm y te") == "tram y te"
    assert suggest(read, "vneid") is None  # found: nothing to suggest
    assert suggest(read, "vneid mieu") is None  # every word known, no doc has both
    assert suggest(read, "qqqqqq") is None  # nothing close
    assert titles(out, "tram y te") == ["Trạm y tế xã Yên Định", "Trạm y tế xã Định Long"]
    # The word list is read only for a query with a word that matches nothing.
    assert "tim/w.json" in [
        p.relative_to(out).as_posix() for p in first_query_plan(out, "dinh lnag")
    ]
    for query in ("dinh lang", "vneid mieu", "d"):
        assert "tim/w.json" not in [
            p.relative_to(out).as_posix() for p in first_query_plan(out, query)
        ]
    listing = json.loads((out / "tim" / "w.json").read_bytes())
    assert listing.split(" ")[:3] == ["dinh", "lang", "xa"]  # commonest first
    assert not any(ch.isdigit() for ch in listing) and " y " not in f" {listing} "


def test_bare_names_drop_the_kind_word() -> None:
    assert bare_name("xã Yên Định") == "Yên Định"
    assert bare_name("Phường  Hạc Thành") == "Hạc Thành"
    assert bare_name("thị trấn Quán Lào") == "Quán Lào"
    assert bare_name("làng Là Thôn") == "Là Thôn"
    assert bare_name("xã") == "xã"


def yen_dinh() -> list[VillageResult]:
    """Five villages of xã Yên Định, as the portal reads them: each a Đình làng, a pagoda, a
    cultural house; the commune's police and health station listed by one of them."""
    found = []
    for n, name in enumerate(("Là Thôn", "Phú Mỹ", "Yên Hoành", "Thọ Lộc", "Quan Nhân")):
        services = [("Trạm y tế xã Yên Định", "y-te", "0300 000 001")]
        if n == 0:
            services.append(("Công an xã Yên Định", "hanh-chinh", "0300 000 113"))
        summary = make_summary(
            name,
            landmarks=[
                (f"Đình làng {name}", f"dia-diem/dinh-lang-{n}/"),
                (f"Chùa {name}", f"dia-diem/chua-{n}/"),
                (f"Nhà văn hóa thôn {name}", f"dia-diem/nha-van-hoa-{n}/"),
            ],
            services=services,
        )
        key = f"yen-dinh-{n}"
        found.append(VillageResult(key, key, summary, summary["dia_chi"], "moi", None, None))
    return found


def test_kind_words_no_longer_match_every_doc_of_a_village(tmp_path: Path) -> None:
    docs = search_docs(yen_dinh())
    assert docs[0].place == "Là Thôn Yên Định" and docs[0].kind == "lang"
    write_search(docs, tmp_path)
    found = titles(tmp_path, "dinh lang")
    assert found[:5] == [
        "Đình làng Phú Mỹ",
        "Đình làng Là Thôn",
        "Đình làng Thọ Lộc",
        "Đình làng Quan Nhân",
        "Đình làng Yên Hoành",
    ]
    assert not any(t.startswith("Đình làng") for t in found[5:])
    assert "Công an xã Yên Định" not in found  # neither its title nor its text says "làng"
    assert "Trạm y tế xã Yên Định" not in found
    assert titles(tmp_path, "cong an lang") == []
    assert titles(tmp_path, "cong an yen dinh") == ["Công an xã Yên Định"]
    # A village's home still answers to its kind word and its commune.
    assert titles(tmp_path, "lang tho loc")[0] == "làng Thọ Lộc"
    assert "làng Phú Mỹ" in titles(tmp_path, "xa yen dinh")
    # Before: every doc of every village matched "làng" and every doc here "Định": all 26.
    # Now the services are out; pagodas and cultural houses stay, their text says "làng X".
    assert (len(docs), len(found)) == (26, 20)


def test_the_script_suggests_like_python(out: Path) -> None:
    queries = ["tram y tee", "dinh lnag", "Đình lnag", "tarm y te", "vneid", "vneid mieu"]
    queries += ["qqqqqq", "d", "", "mieu coo", "huogn dan", "la thno", "xa dihn", "chua phcu"]
    pairs = [["lnag", "lang"], ["kitten", "sitting"], ["ca", "abc"], ["", "ab"], ["dnhi", "dinh"]]
    source = (
        PRELUDE
        + f"""
const dir = {json.dumps(str(out / "tim"))};
const index = {{get: n => Promise.resolve(JSON.parse(require("fs").readFileSync(dir + "/" + n)))}};
Promise.all(input.queries.map(q => s.suggest(index, q)))
  .then(said => out([said, input.pairs.map(p => s.distance(p[0], p[1]))]));
"""
    )
    said, distances = run_node(source, {"queries": queries, "pairs": pairs})
    read = read_from(out)
    assert said == [suggest(read, q) for q in queries]
    assert "tram y te" in said and "đình lang" in said
    assert distances == [distance(a, b) for a, b in pairs] == [1, 3, 3, 2, 2]
